/* suites.h - the render runner's suites. */
#ifndef BERKAS_TESTS_RENDER_SUITES_H
#define BERKAS_TESTS_RENDER_SUITES_H

#include <check.h>

Suite *suite_forms(void);
Suite *suite_ink(void);
Suite *suite_safety(void);
Suite *suite_book(void);
Suite *suite_forms_all(void);
Suite *suite_layout(void);
Suite *suite_text(void);

/* The child mode of main: load the hostile corpus, 0 when all refused. */
int hostile_child(void);

#endif
