/* test_casexml.c - (being written) */
#include <check.h>

#include "harness.h"
#include "suites.h"

START_TEST(test_casexml_placeholder)
{
    ck_assert_int_eq(1, 1);
}
END_TEST

Suite *suite_casexml(void)
{
    Suite *s = suite_create("casexml");
    TCase *tc = tcase_create("casexml");
    tcase_add_test(tc, test_casexml_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
