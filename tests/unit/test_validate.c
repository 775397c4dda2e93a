/* test_validate.c - NIP, golongan, time zones and the password policy's shape. */
#include <check.h>
#include <string.h>

#include "app/validate.h"
#include "suites.h"

START_TEST(test_real_nips_are_accepted)
{
    const char *ok[] = {"198811112010121001", "198402292009121002", "199002142014022002",
                        "197001012000011999"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        struct berr e = {0};
        ck_assert_msg(validate_nip(ok[i], &e), "%s: %s", ok[i], e.message);
    }
}
END_TEST

START_TEST(test_malformed_nips_are_refused_naming_the_field)
{
    const char *bad[] = {
        "",                    /* empty */
        "19881111201012100",   /* 17 digits */
        "1988111120101210011", /* 19 digits */
        "19881111201012100a",  /* a letter */
        "198802302010121001",  /* 30 February */
        "198502292010121001",  /* 29 February of a common year */
        "198811112010131001",  /* appointment month 13 */
        "198811112000121001",  /* appointed at 12 */
        "198811112010123001",  /* sex digit 3 */
        "198811112010121000",  /* sequence 000 */
        "192011112010121001",  /* born 1920 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct berr e = {0};
        ck_assert_msg(!validate_nip(bad[i], &e), "%s accepted", bad[i]);
        ck_assert_int_eq(e.kind, BERR_BAD_INPUT);
        ck_assert_str_eq(e.field, "nip");
    }
    struct berr e = {0};
    ck_assert(!validate_nip(NULL, &e));
}
END_TEST

START_TEST(test_golongan)
{
    struct berr e = {0};
    const char *ok[] = {"", "I/a", "II/d", "III/b", "IV/e"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        ck_assert_msg(validate_golongan(ok[i], &e), "%s", ok[i]);
    const char *bad[] = {"V/a", "III/f", "III", "3/b", "III/B", "III/bb", "/b", "IIII/a"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(!validate_golongan(bad[i], &e), "%s accepted", bad[i]);
        ck_assert_str_eq(e.field, "golongan");
    }
}
END_TEST

START_TEST(test_only_the_three_indonesian_zones)
{
    struct berr e = {0};
    ck_assert(validate_tz("Asia/Jakarta", &e));
    ck_assert(validate_tz("Asia/Makassar", &e));
    ck_assert(validate_tz("Asia/Jayapura", &e));
    ck_assert(!validate_tz("Asia/Singapore", &e));
    ck_assert(!validate_tz("WIB", &e));
    ck_assert(!validate_tz("", &e));
    ck_assert_str_eq(e.field, "tz");
}
END_TEST

START_TEST(test_password_shape)
{
    struct berr e = {0};
    /* twelve characters, counted as characters not bytes */
    ck_assert(validate_password_shape("kalimat sand", NULL, &e));
    ck_assert(!validate_password_shape("kalimat san", NULL, &e));
    ck_assert(validate_password_shape("ĐặngĐặngĐặng", NULL, &e)); /* 12 chars, 26 bytes */
    ck_assert(!validate_password_shape("ĐặngĐặng", NULL, &e));    /* 8 chars, 18 bytes */
    ck_assert(!validate_password_shape("aaaaaaaaaaaaaaaa", NULL, &e));
    ck_assert(!validate_password_shape("x198811112010121001x", "198811112010121001", &e));
    char longest[1025], too_long[1026];
    memset(longest, 'x', 1024);
    longest[0] = 'y';
    longest[1024] = '\0';
    memset(too_long, 'x', 1025);
    too_long[0] = 'y';
    too_long[1025] = '\0';
    ck_assert(validate_password_shape(longest, NULL, &e));
    ck_assert(!validate_password_shape(too_long, NULL, &e));
    ck_assert_str_eq(e.field, "password");
}
END_TEST

START_TEST(test_password_base_keeps_only_letters)
{
    char out[64];
    password_base("P@ssw0rd-2024!", out, sizeof out);
    ck_assert_str_eq(out, "psswrd");
    password_base("Indonesia1945", out, sizeof out);
    ck_assert_str_eq(out, "indonesia");
    password_base("Đặng", out, sizeof out);
    ck_assert_str_eq(out, "ng");
    ck_assert_uint_eq(utf8_length("Nguyễn"), 6);
}
END_TEST

START_TEST(test_utf8_length_counts_characters_and_each_ill_formed_byte)
{
    ck_assert_uint_eq(utf8_length(""), 0);
    /* characters of 2, 3 and 4 bytes: Z o ë space ỹ space U+1F600 */
    ck_assert_uint_eq(utf8_length("Zo\xC3\xAB \xE1\xBB\xB9 \xF0\x9F\x98\x80"), 7);
    /* a byte that begins no well-formed character (RFC 3629) is one */
    ck_assert_uint_eq(utf8_length("a\xC3(b"), 4);
    ck_assert_uint_eq(utf8_length("\xED\xA0\x80"), 3); /* a surrogate */
    ck_assert_uint_eq(utf8_length("\xC0\xAF"), 2);     /* an overlong "/" */
    ck_assert_uint_eq(utf8_length("\x80\x80x"), 3);    /* lone continuation bytes */
}
END_TEST

Suite *suite_validate(void)
{
    Suite *s = suite_create("validate");
    TCase *tc = tcase_create("validate");
    tcase_add_test(tc, test_real_nips_are_accepted);
    tcase_add_test(tc, test_malformed_nips_are_refused_naming_the_field);
    tcase_add_test(tc, test_golongan);
    tcase_add_test(tc, test_only_the_three_indonesian_zones);
    tcase_add_test(tc, test_utf8_length_counts_characters_and_each_ill_formed_byte);
    tcase_add_test(tc, test_password_shape);
    tcase_add_test(tc, test_password_base_keeps_only_letters);
    suite_add_tcase(s, tc);
    return s;
}
