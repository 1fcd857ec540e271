# SPDX-License-Identifier: Apache-2.0
# gatehouse_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [NEEDS_KEYCHAIN] [TIMEOUT s]
#                    [FUNCTIONS f1 f2 ...] [ENVIRONMENT K=V ...] [RESOURCE_LOCK lock])
#
# One executable per test class. Every test runs offscreen in a UTF-8 locale, knows
# where the real gatehouse-portal binary is, and under sanitizers stops at the first
# finding. NEEDS_KEYCHAIN runs it inside a private D-Bus session with an unlocked
# gnome-keyring (a real Secret Service), unless one is already there. FUNCTIONS
# registers one CTest test per test function, named <name>.<function>, so a failure
# names what broke (the journeys use it).
set(GATEHOUSE_TEST_SUPPORT_DIR "${CMAKE_CURRENT_LIST_DIR}/../tests/support")

function(gatehouse_add_test name)
    cmake_parse_arguments(T "NEEDS_KEYCHAIN" "TIMEOUT;RESOURCE_LOCK" "SOURCES;LIBS;LABELS;FUNCTIONS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test gatehouse_options ${T_LIBS})
    set(command $<TARGET_FILE:${name}>)
    if(T_NEEDS_KEYCHAIN)
        set(command ${GATEHOUSE_TEST_SUPPORT_DIR}/with-keyring.sh $<TARGET_FILE:${name}>)
    endif()
    set(tests)
    if(T_FUNCTIONS)
        foreach(fn ${T_FUNCTIONS})
            add_test(NAME ${name}.${fn} COMMAND ${command} ${fn})
            list(APPEND tests ${name}.${fn})
        endforeach()
    else()
        add_test(NAME ${name} COMMAND ${command})
        set(tests ${name})
    endif()
    set(env
        "QT_QPA_PLATFORM=offscreen"
        "LC_ALL=C.UTF-8"
        "QT_LOGGING_RULES=qt.qpa.*=false"
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0"
        "LSAN_OPTIONS=suppressions=${GATEHOUSE_TEST_SUPPORT_DIR}/lsan.supp:print_suppressions=0"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
    if(TARGET gatehouse-portal)
        list(APPEND env "GATEHOUSE_PORTAL_BIN=$<TARGET_FILE:gatehouse-portal>")
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    list(APPEND env ${T_ENVIRONMENT})
    set_tests_properties(${tests} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
    if(T_RESOURCE_LOCK)
        set_tests_properties(${tests} PROPERTIES RESOURCE_LOCK ${T_RESOURCE_LOCK})
    endif()
endfunction()
