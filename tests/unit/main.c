/* main.c - unit tests: no database, no network, no files. */
#include <check.h>
#include <stdlib.h>

#include "suites.h"

int main(void)
{
    SRunner *sr = srunner_create(suite_router());
    srunner_add_suite(sr, suite_error());
    srunner_add_suite(sr, suite_migrate_names());
    srunner_add_suite(sr, suite_validate());
    srunner_add_suite(sr, suite_numfmt());
    srunner_add_suite(sr, suite_evfield());
    srunner_add_suite(sr, suite_stmt());
    srunner_add_suite(sr, suite_rules_sig());
    srunner_add_suite(sr, suite_jsontext());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
