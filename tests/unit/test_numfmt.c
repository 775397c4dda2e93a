/* test_numfmt.c - document numbers from office patterns. */
#include <check.h>
#include <string.h>

#include "core/numfmt.h"
#include "suites.h"

static const struct numfmt_vars v = {
    .seq = 7, .year = 2026, .month = 9, .office = "KANIM-PLG", .type = "sprindik"};

static void expect(const char *pattern, const char *want)
{
    char out[128];
    struct berr e = {0};
    ck_assert_msg(numfmt_format(pattern, &v, out, sizeof out, &e), "%s: %s", pattern, e.message);
    ck_assert_str_eq(out, want);
}

START_TEST(test_the_patterns_offices_use)
{
    expect("W6.IMI.4-GR.01.01-{seq:04}", "W6.IMI.4-GR.01.01-0007");
    expect("SP.Sidik/{seq}/{roman_month}/{year}/PPNS-IMI", "SP.Sidik/7/IX/2026/PPNS-IMI");
    expect(NUMFMT_DEFAULT, "sprindik/7/IX/2026/KANIM-PLG");
    expect("{office}-{month}-{seq:02}", "KANIM-PLG-09-07");
    expect("tanpa token", "tanpa token");
}
END_TEST

START_TEST(test_every_roman_month)
{
    const char *want[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    for (int m = 1; m <= 12; m++)
        ck_assert_str_eq(numfmt_roman_month(m), want[m - 1]);
    ck_assert_str_eq(numfmt_roman_month(0), "");
    ck_assert_str_eq(numfmt_roman_month(13), "");
}
END_TEST

START_TEST(test_bad_patterns_are_refused_naming_the_field)
{
    const char *bad[] = {"{seq", "seq}", "{nomor}", "{seq:4}", "{seq:99}", "{}", "{{seq}}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char out[64];
        struct berr e = {0};
        ck_assert_msg(!numfmt_format(bad[i], &v, out, sizeof out, &e), "%s accepted", bad[i]);
        ck_assert_str_eq(e.field, "pattern");
    }
    struct berr e = {0};
    ck_assert(!numfmt_check("no sequence here", &e));
    ck_assert(!numfmt_check("{seq}/{seq}", &e));
    ck_assert(numfmt_check("{seq:04}/{year}", &e));
    /* too long for the buffer: refused, not cut */
    char small[8];
    ck_assert(!numfmt_format("{office}{office}", &v, small, sizeof small, &e));
}
END_TEST

Suite *suite_numfmt(void)
{
    Suite *s = suite_create("numfmt");
    TCase *tc = tcase_create("numfmt");
    tcase_add_test(tc, test_the_patterns_offices_use);
    tcase_add_test(tc, test_every_roman_month);
    tcase_add_test(tc, test_bad_patterns_are_refused_naming_the_field);
    suite_add_tcase(s, tc);
    return s;
}
