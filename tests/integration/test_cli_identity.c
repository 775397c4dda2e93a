/* test_cli_identity.c - (being written) */
#include <check.h>

#include "harness.h"
#include "suites.h"

START_TEST(test_cli_identity_placeholder)
{
    ck_assert_int_eq(1, 1);
}
END_TEST

Suite *suite_cli_identity(void)
{
    Suite *s = suite_create("cli_identity");
    TCase *tc = tcase_create("cli_identity");
    tcase_add_test(tc, test_cli_identity_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
