/* test_access.c - (being written) */
#include <check.h>

#include "harness.h"
#include "suites.h"

START_TEST(test_access_placeholder)
{
    ck_assert_int_eq(1, 1);
}
END_TEST

Suite *suite_access(void)
{
    Suite *s = suite_create("access");
    TCase *tc = tcase_create("access");
    tcase_add_test(tc, test_access_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
