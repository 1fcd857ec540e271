# SPDX-License-Identifier: Apache-2.0
# gatehouse_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [NEEDS_KEYCHAIN] [TIMEOUT s])
#
# One executable per test class. Every test runs offscreen in a UTF-8 locale, knows
# where the real gatehouse-portal binary is, and under sanitizers stops at the first
# finding. NEEDS_KEYCHAIN runs it inside a private D-Bus session with an unlocked
# gnome-keyring (a real Secret Service), unless one is already there.
set(GATEHOUSE_TEST_SUPPORT_DIR "${CMAKE_CURRENT_LIST_DIR}/../tests/support")

function(gatehouse_add_test name)
    cmake_parse_arguments(T "NEEDS_KEYCHAIN" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test gatehouse_options ${T_LIBS})
    if(T_NEEDS_KEYCHAIN)
        add_test(NAME ${name} COMMAND ${GATEHOUSE_TEST_SUPPORT_DIR}/with-keyring.sh $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
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
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
endfunction()
