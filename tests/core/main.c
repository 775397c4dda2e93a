/* main.c - the runner for server/core's suites: pure, no database, no
 * network, no files. */
#include <check.h>
#include <stdlib.h>

#include "suites.h"

int main(void)
{
    SRunner *sr = srunner_create(suite_caldate());
    srunner_add_suite(sr, suite_catalog());
    srunner_add_suite(sr, suite_ruleset());
    srunner_add_suite(sr, suite_fsm());
    srunner_add_suite(sr, suite_detention());
    srunner_add_suite(sr, suite_evlog());
    srunner_add_suite(sr, suite_fold());
    srunner_add_suite(sr, suite_clock());
    srunner_add_suite(sr, suite_order());
    srunner_add_suite(sr, suite_cycle());
    srunner_add_suite(sr, suite_law());
    srunner_add_suite(sr, suite_terbilang());
    srunner_add_suite(sr, suite_buf());
    srunner_add_suite(sr, suite_answer());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
