# SPDX-License-Identifier: Apache-2.0
# The portal pages' end-to-end tests: Node's test runner drives Debian's Chromium via
# playwright-core against the real gatehouse-portal. Registered in CTest so one
# command runs everything; screenshots land in <build>/tests/browser-artifacts.
set(GATEHOUSE_BROWSER_DIR "${CMAKE_CURRENT_SOURCE_DIR}/browser")
find_program(GATEHOUSE_NODE node)
if(GATEHOUSE_NODE)
    add_test(NAME browser_portal
        COMMAND ${GATEHOUSE_NODE} --test --test-concurrency=1 specs/
        WORKING_DIRECTORY ${GATEHOUSE_BROWSER_DIR})
else()
    # Fail loudly rather than skip: a missing browser suite must not look like a pass.
    add_test(NAME browser_portal COMMAND ${CMAKE_COMMAND} -E echo
        "node is missing: run scripts/bootstrap.sh (installs nodejs, chromium and playwright-core)")
    set_tests_properties(browser_portal PROPERTIES WILL_FAIL TRUE)
endif()
set_tests_properties(browser_portal PROPERTIES
    LABELS "browser;integration"
    TIMEOUT 900
    RUN_SERIAL TRUE
    ENVIRONMENT "GATEHOUSE_PORTAL_BIN=$<TARGET_FILE:gatehouse-portal>;GATEHOUSE_ARTIFACTS=${CMAKE_CURRENT_BINARY_DIR}/browser-artifacts;ASAN_OPTIONS=detect_leaks=1:abort_on_error=0;LSAN_OPTIONS=suppressions=${GATEHOUSE_TEST_SUPPORT_DIR}/lsan.supp:print_suppressions=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
