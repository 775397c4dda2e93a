/* test_error.c - the error value: one line, field kept, kinds named. */
#include <check.h>
#include "suites.h"
#include <string.h>

#include "core/error.h"

START_TEST(test_message_is_forced_onto_one_line)
{
    struct berr e = {0};
    ck_assert(!berr_set(&e, BERR_BAD_INPUT, "first\nsecond\r\nthird"));
    ck_assert_ptr_null(strchr(e.message, '\n'));
    ck_assert_ptr_null(strchr(e.message, '\r'));
    ck_assert_str_eq(e.message, "first second  third");
}
END_TEST

START_TEST(test_field_is_recorded_and_cleared)
{
    struct berr e = {0};
    berr_field(&e, BERR_BAD_INPUT, "nip", "NIP must have 18 digits");
    ck_assert_str_eq(e.field, "nip");
    berr_set(&e, BERR_CONFLICT, "stale");
    ck_assert_str_eq(e.field, "");
    berr_clear(&e);
    ck_assert_int_eq(e.kind, BERR_NONE);
    ck_assert_str_eq(e.message, "");
}
END_TEST

START_TEST(test_null_error_is_allowed)
{
    ck_assert(!berr_set(NULL, BERR_INTERNAL, "ignored"));
    ck_assert(!berr_field(NULL, BERR_INTERNAL, "f", "ignored"));
    berr_clear(NULL);
}
END_TEST

START_TEST(test_overlong_message_is_truncated_not_overflowed)
{
    char big[2000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    struct berr e = {0};
    berr_set(&e, BERR_BAD_INPUT, "%s", big);
    ck_assert_uint_eq(strlen(e.message), sizeof e.message - 1);
}
END_TEST

START_TEST(test_every_kind_has_a_name)
{
    for (int k = BERR_NONE; k <= BERR_INTERNAL; k++)
        ck_assert_uint_gt(strlen(berr_kind_name((enum berr_kind)k)), 0);
    ck_assert_str_eq(berr_kind_name(BERR_NOT_FOUND), "not-found");
}
END_TEST

Suite *suite_error(void)
{
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("error");
    tcase_add_test(tc, test_message_is_forced_onto_one_line);
    tcase_add_test(tc, test_field_is_recorded_and_cleared);
    tcase_add_test(tc, test_null_error_is_allowed);
    tcase_add_test(tc, test_overlong_message_is_truncated_not_overflowed);
    tcase_add_test(tc, test_every_kind_has_a_name);
    suite_add_tcase(s, tc);
    return s;
}
