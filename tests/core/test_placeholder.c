/* test_placeholder.c - replaced by the state machine's suites. */
#include <check.h>

#include "core/error.h"
#include "suites.h"

START_TEST(test_core_links)
{
    ck_assert_str_eq(berr_kind_name(BERR_CONFLICT), "conflict");
}
END_TEST

Suite *suite_core_placeholder(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_core_links);
    suite_add_tcase(s, tc);
    return s;
}
