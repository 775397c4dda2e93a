/* test_rls.c - (being written) */
#include <check.h>

#include "harness.h"
#include "suites.h"

START_TEST(test_rls_placeholder)
{
    ck_assert_int_eq(1, 1);
}
END_TEST

Suite *suite_rls(void)
{
    Suite *s = suite_create("rls");
    TCase *tc = tcase_create("rls");
    tcase_add_test(tc, test_rls_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
