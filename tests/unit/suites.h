/* suites.h - the unit suites, run by main.c. */
#ifndef BERKAS_TESTS_UNIT_SUITES_H
#define BERKAS_TESTS_UNIT_SUITES_H

#include <check.h>

Suite *suite_router(void);
Suite *suite_error(void);
Suite *suite_migrate_names(void);
Suite *suite_validate(void);
Suite *suite_numfmt(void);
Suite *suite_evfield(void);
Suite *suite_stmt(void);
Suite *suite_rules_sig(void);
Suite *suite_jsontext(void);

#endif
