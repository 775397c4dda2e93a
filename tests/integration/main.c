/*
 * main.c - the integration test runner.
 *
 * Starts one private PostgreSQL cluster for the whole run (harness.c), runs
 * every suite with Check (each test in its own process unless CK_FORK=no),
 * and stops the cluster afterwards, whatever the tests did.
 */
#include <check.h>
#include <curl/curl.h>
#include <stdlib.h>

#include "harness.h"
#include "suites.h"

int main(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    harness_start();
    /* many assertions quote a whole reply or output; past Check's 4 KiB a failure
     * shows only "Early exit with return value 2" */
    check_set_max_msg_size(64 * 1024);
    SRunner *sr = srunner_create(suite_migrate());
    srunner_add_suite(sr, suite_http());
    srunner_add_suite(sr, suite_cli());
    srunner_add_suite(sr, suite_cli_identity());
    srunner_add_suite(sr, suite_sessions());
    srunner_add_suite(sr, suite_rls());
    srunner_add_suite(sr, suite_casexml());
    srunner_add_suite(sr, suite_cases());
    srunner_add_suite(sr, suite_law());
    srunner_add_suite(sr, suite_play());
    srunner_add_suite(sr, suite_play2());
    srunner_add_suite(sr, suite_paper());
    srunner_add_suite(sr, suite_dossier());
    srunner_add_suite(sr, suite_settings());
    srunner_add_suite(sr, suite_permit());
    srunner_add_suite(sr, suite_integrity());
    srunner_add_suite(sr, suite_model());
    srunner_add_suite(sr, suite_cli_cases());
    srunner_add_suite(sr, suite_forms());
    srunner_add_suite(sr, suite_acts());
    srunner_add_suite(sr, suite_docmodel());
    srunner_add_suite(sr, suite_contents());
    srunner_add_suite(sr, suite_pforms());
    srunner_add_suite(sr, suite_invforms());
    srunner_add_suite(sr, suite_stale());
    srunner_add_suite(sr, suite_signer());
    srunner_add_suite(sr, suite_blanks());
    srunner_add_suite(sr, suite_detpapers());
    srunner_add_suite(sr, suite_uploads());
    srunner_add_suite(sr, suite_seizure());
    srunner_add_suite(sr, suite_unmet());
    srunner_add_suite(sr, suite_review());
    srunner_add_suite(sr, suite_inbox());
    srunner_add_suite(sr, suite_stats());
    srunner_add_suite(sr, suite_web());
    srunner_add_suite(sr, suite_access());
    srunner_add_suite(sr, suite_embedded());
    srunner_add_suite(sr, suite_idempotency());
    srunner_add_suite(sr, suite_wire());
    srunner_add_suite(sr, suite_dbgrants());
    srunner_add_suite(sr, suite_install());
    srunner_add_suite(sr, suite_multi());
    srunner_add_suite(sr, suite_tls());
    srunner_add_suite(sr, suite_replica());
    srunner_add_suite(sr, suite_hardening());
    srunner_add_suite(sr, suite_resilience());
    srunner_add_suite(sr, suite_backup());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    harness_stop();
    curl_global_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
