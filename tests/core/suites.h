/* suites.h - server/core's suites, run by main.c. */
#ifndef BERKAS_TESTS_CORE_SUITES_H
#define BERKAS_TESTS_CORE_SUITES_H

#include <check.h>

Suite *suite_caldate(void);
Suite *suite_catalog(void);
Suite *suite_ruleset(void);
Suite *suite_fsm(void);
Suite *suite_detention(void);
Suite *suite_evlog(void);
Suite *suite_clock(void);
Suite *suite_terbilang(void);
Suite *suite_order(void);
Suite *suite_cycle(void);
Suite *suite_law(void);
Suite *suite_buf(void);
Suite *suite_fold(void);
Suite *suite_answer(void);

#endif
