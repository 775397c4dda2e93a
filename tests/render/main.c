/* main.c - the render runner: server/render's templates, layout and PDFs,
 * checked with poppler-utils (pdftotext, pdfinfo, pdftoppm).  No database,
 * no network.
 *
 *   render                 run every suite
 *   render --load-hostile  (used by the safety suite under strace) try the
 *                          hostile templates, exit 0 when all are refused */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--load-hostile") == 0)
        return hostile_child();
    SRunner *sr = srunner_create(suite_forms());
    srunner_add_suite(sr, suite_ink());
    srunner_add_suite(sr, suite_safety());
    srunner_add_suite(sr, suite_book());
    srunner_add_suite(sr, suite_forms_all());
    srunner_add_suite(sr, suite_layout());
    srunner_add_suite(sr, suite_text());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
