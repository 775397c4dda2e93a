/* suites.h - the integration suites, run by main.c against one cluster. */
#ifndef BERKAS_TESTS_SUITES_H
#define BERKAS_TESTS_SUITES_H

#include <check.h>

Suite *suite_migrate(void);
Suite *suite_http(void);
Suite *suite_embedded(void);
Suite *suite_cli(void);
Suite *suite_cli_identity(void);
Suite *suite_cli_cases(void);
Suite *suite_access(void);
Suite *suite_sessions(void);
Suite *suite_rls(void);
Suite *suite_casexml(void);
Suite *suite_cases(void);
Suite *suite_model(void);
Suite *suite_forms(void);
Suite *suite_integrity(void);
Suite *suite_acts(void);
Suite *suite_idempotency(void);
Suite *suite_wire(void);
Suite *suite_dbgrants(void);
Suite *suite_hardening(void);
Suite *suite_law(void);
Suite *suite_docmodel(void);
Suite *suite_resilience(void);
Suite *suite_backup(void);
Suite *suite_contents(void);
Suite *suite_pforms(void);
Suite *suite_invforms(void);
Suite *suite_review(void);
Suite *suite_inbox(void);
Suite *suite_stats(void);
Suite *suite_web(void);
Suite *suite_install(void);
Suite *suite_multi(void);
Suite *suite_tls(void);
Suite *suite_replica(void);
Suite *suite_play(void);
Suite *suite_play2(void);
Suite *suite_paper(void);
Suite *suite_dossier(void);
Suite *suite_settings(void);
Suite *suite_permit(void);
Suite *suite_stale(void);
Suite *suite_signer(void);
Suite *suite_blanks(void);
Suite *suite_detpapers(void);
Suite *suite_uploads(void);
Suite *suite_seizure(void);
Suite *suite_unmet(void);

#endif
