# SPDX-License-Identifier: Apache-2.0
# The portal pages' end-to-end tests: Node's test runner drives Debian's Chromium via
# playwright-core against the real gatehouse-portal. Each spec file is its own CTest
# test (browser.<spec>), so a failure names what broke; screenshots land in
# <build>/tests/browser-artifacts. Browser tests and journeys hold the "browser" lock:
# one Chromium at a time on a small machine, while other tests run beside it.
set(GATEHOUSE_BROWSER_DIR "${CMAKE_CURRENT_SOURCE_DIR}/browser")
find_program(GATEHOUSE_NODE node)
file(GLOB GATEHOUSE_BROWSER_SPECS CONFIGURE_DEPENDS "${GATEHOUSE_BROWSER_DIR}/specs/*.test.mjs")
set(browser_tests)
foreach(spec ${GATEHOUSE_BROWSER_SPECS})
    get_filename_component(spec_name ${spec} NAME)
    string(REPLACE ".test.mjs" "" short ${spec_name})
    if(GATEHOUSE_NODE)
        add_test(NAME browser.${short}
            COMMAND ${GATEHOUSE_NODE} --test --test-concurrency=1 specs/${spec_name}
            WORKING_DIRECTORY ${GATEHOUSE_BROWSER_DIR})
    else()
        # Fail loudly rather than skip: a missing browser suite must not look like a pass.
        add_test(NAME browser.${short} COMMAND ${CMAKE_COMMAND} -E echo
            "node is missing: run scripts/bootstrap.sh (installs nodejs, chromium and playwright-core)")
        set_tests_properties(browser.${short} PROPERTIES WILL_FAIL TRUE)
    endif()
    list(APPEND browser_tests browser.${short})
endforeach()
if(browser_tests)
    set_tests_properties(${browser_tests} PROPERTIES
        LABELS "browser;integration"
        TIMEOUT 600
        RESOURCE_LOCK browser
        ENVIRONMENT "GATEHOUSE_PORTAL_BIN=$<TARGET_FILE:gatehouse-portal>;GATEHOUSE_ARTIFACTS=${CMAKE_CURRENT_BINARY_DIR}/browser-artifacts;ASAN_OPTIONS=detect_leaks=1:abort_on_error=0;LSAN_OPTIONS=suppressions=${GATEHOUSE_TEST_SUPPORT_DIR}/lsan.supp:print_suppressions=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endif()
