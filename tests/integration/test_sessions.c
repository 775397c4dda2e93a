/* test_sessions.c - (being written) */
#include <check.h>

#include "harness.h"
#include "suites.h"

START_TEST(test_sessions_placeholder)
{
    ck_assert_int_eq(1, 1);
}
END_TEST

Suite *suite_sessions(void)
{
    Suite *s = suite_create("sessions");
    TCase *tc = tcase_create("sessions");
    tcase_add_test(tc, test_sessions_placeholder);
    suite_add_tcase(s, tc);
    return s;
}
