/* suites.h - the integration suites, run by main.c against one cluster. */
#ifndef BERKAS_TESTS_SUITES_H
#define BERKAS_TESTS_SUITES_H

#include <check.h>

Suite *suite_migrate(void);
Suite *suite_http(void);
Suite *suite_embedded(void);
Suite *suite_cli(void);

#endif
