/* test_cases.c - (being written) */
#include <check.h>

#include "harness.h"
#include "suites.h"

START_TEST(test_cases_placeholder)
{
    ck_assert_int_eq(1, 1);
}
END_TEST

Suite *suite_cases(void)
{
    Suite *s = suite_create("cases");
    TCase *tc = tcase_create("cases");
    tcase_add_test(tc, test_cases_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
