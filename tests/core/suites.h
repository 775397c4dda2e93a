/* suites.h - server/core's suites, run by main.c. */
#ifndef BERKAS_TESTS_CORE_SUITES_H
#define BERKAS_TESTS_CORE_SUITES_H

#include <check.h>

Suite *suite_core_placeholder(void);

#endif
