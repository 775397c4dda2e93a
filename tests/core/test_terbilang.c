/* test_terbilang.c - Indonesian number words and the ways documents write
 * dates, Roman months, NIPs and counts (DOMAIN.md 7.2, 7.3). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/caldate.h"
#include "core/idtext.h"
#include "core/terbilang.h"
#include "suites.h"

static const char *words(uint64_t n)
{
    static char buf[TERBILANG_LEN];
    ck_assert_msg(terbilang(n, buf, sizeof buf), "terbilang(%llu) failed", (unsigned long long)n);
    return buf;
}

/* Written by hand from the rules of DOMAIN.md 7.3 and checked against
 * Indonesian usage (cheques, Berita Acara). */
static const struct {
    uint64_t n;
    const char *w;
} table[] = {
    {0, "nol"},
    {1, "satu"},
    {9, "sembilan"},
    {10, "sepuluh"},
    {11, "sebelas"},
    {12, "dua belas"},
    {19, "sembilan belas"},
    {20, "dua puluh"},
    {21, "dua puluh satu"},
    {31, "tiga puluh satu"},
    {99, "sembilan puluh sembilan"},
    {100, "seratus"},
    {101, "seratus satu"},
    {110, "seratus sepuluh"},
    {111, "seratus sebelas"},
    {115, "seratus lima belas"},
    {200, "dua ratus"},
    {999, "sembilan ratus sembilan puluh sembilan"},
    {1000, "seribu"},
    {1001, "seribu satu"},
    {1100, "seribu seratus"},
    {1945, "seribu sembilan ratus empat puluh lima"},
    {1981, "seribu sembilan ratus delapan puluh satu"},
    {2000, "dua ribu"},
    {2011, "dua ribu sebelas"},
    {2024, "dua ribu dua puluh empat"},
    {2025, "dua ribu dua puluh lima"},
    {2026, "dua ribu dua puluh enam"},
    {10000, "sepuluh ribu"},
    {11000, "sebelas ribu"},
    {12500, "dua belas ribu lima ratus"},
    {100000, "seratus ribu"},
    {101000, "seratus satu ribu"},
    {111111, "seratus sebelas ribu seratus sebelas"},
    {500000, "lima ratus ribu"},
    {1000000, "satu juta"},
    {1001000, "satu juta seribu"},
    {2500000, "dua juta lima ratus ribu"},
    {50000000, "lima puluh juta"},
    {500000000, "lima ratus juta"},
    {1000000000, "satu miliar"},
    {1000000001, "satu miliar satu"},
    {999999999999ULL, "sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan "
                      "puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan "
                      "ratus sembilan puluh sembilan"},
    {1000000000000ULL, "satu triliun"},
    {TERBILANG_MAX, "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan "
                    "puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan "
                    "ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"},
};

START_TEST(test_terbilang_hand_checked_values)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        ck_assert_str_eq(words(table[i].n), table[i].w);
}
END_TEST

/* An independent, recursive statement of the rules for 0..10 000. */
static void expect(unsigned n, char *out, size_t cap)
{
    static const char *const u[] = {"",     "satu", "dua",   "tiga",    "empat",
                                    "lima", "enam", "tujuh", "delapan", "sembilan"};
    char a[320] = "", b[256] = "";
    if (n >= 1000) {
        if (n / 1000 == 1)
            snprintf(a, sizeof a, "seribu");
        else {
            expect(n / 1000, b, sizeof b);
            snprintf(a, sizeof a, "%s ribu", b);
        }
        n %= 1000;
    } else if (n >= 100) {
        if (n / 100 == 1)
            snprintf(a, sizeof a, "seratus");
        else
            snprintf(a, sizeof a, "%s ratus", u[n / 100]);
        n %= 100;
    } else if (n >= 20) {
        snprintf(a, sizeof a, "%s puluh", u[n / 10]);
        n %= 10;
    } else if (n >= 12) {
        snprintf(a, sizeof a, "%s belas", u[n - 10]);
        n = 0;
    } else if (n == 11 || n == 10) {
        snprintf(a, sizeof a, "%s", n == 11 ? "sebelas" : "sepuluh");
        n = 0;
    } else {
        snprintf(a, sizeof a, "%s", u[n]);
        n = 0;
    }
    if (n) {
        expect(n, b, sizeof b);
        snprintf(out, cap, "%s %s", a, b);
    } else {
        snprintf(out, cap, "%s", a);
    }
}

START_TEST(test_terbilang_agrees_with_the_rules_from_0_to_10000)
{
    char e[256];
    ck_assert_str_eq(words(0), "nol");
    for (unsigned n = 1; n <= 10000; n++) {
        expect(n, e, sizeof e);
        ck_assert_msg(strcmp(words(n), e) == 0, "%u: got \"%s\", want \"%s\"", n, words(n), e);
    }
}
END_TEST

START_TEST(test_terbilang_refuses_out_of_range_and_small_buffers)
{
    char buf[8];
    ck_assert(!terbilang(TERBILANG_MAX + 1, buf, sizeof buf));
    ck_assert_str_eq(buf, "");
    ck_assert(!terbilang(2024, buf, sizeof buf)); /* "dua ribu ..." needs more */
    ck_assert_str_eq(buf, "");
    ck_assert(terbilang(11, buf, sizeof buf));
    ck_assert_str_eq(buf, "sebelas");
}
END_TEST

/* Zeller's congruence, independent of caldate: 1 Monday .. 7 Sunday. */
static int zeller(int y, int m, int d)
{
    if (m < 3) {
        m += 12;
        y -= 1;
    }
    int k = y % 100, j = y / 100;
    int h = (d + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7; /* 0 Saturday */
    return (h + 5) % 7 + 1;
}

START_TEST(test_every_date_of_2024_in_words)
{
    static const char *const days[] = {"Senin", "Selasa", "Rabu",  "Kamis",
                                       "Jumat", "Sabtu",  "Minggu"};
    static const char *const months[] = {"Januari",   "Februari", "Maret",    "April",
                                         "Mei",       "Juni",     "Juli",     "Agustus",
                                         "September", "Oktober",  "November", "Desember"};
    static const char *const dn[] = {"",
                                     "satu",
                                     "dua",
                                     "tiga",
                                     "empat",
                                     "lima",
                                     "enam",
                                     "tujuh",
                                     "delapan",
                                     "sembilan",
                                     "sepuluh",
                                     "sebelas",
                                     "dua belas",
                                     "tiga belas",
                                     "empat belas",
                                     "lima belas",
                                     "enam belas",
                                     "tujuh belas",
                                     "delapan belas",
                                     "sembilan belas",
                                     "dua puluh",
                                     "dua puluh satu",
                                     "dua puluh dua",
                                     "dua puluh tiga",
                                     "dua puluh empat",
                                     "dua puluh lima",
                                     "dua puluh enam",
                                     "dua puluh tujuh",
                                     "dua puluh delapan",
                                     "dua puluh sembilan",
                                     "tiga puluh",
                                     "tiga puluh satu"};
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    char got[IDTEXT_LEN], want[IDTEXT_LEN], lng[IDTEXT_LEN], wl[IDTEXT_LEN];
    int count = 0;
    for (int m = 1; m <= 12; m++) {
        for (int d = 1; d <= mdays[m - 1]; d++) {
            struct caldate c = {2024, m, d};
            ck_assert(idtext_date_words(c, got, sizeof got));
            snprintf(want, sizeof want, "%s tanggal %s bulan %s tahun dua ribu dua puluh empat",
                     days[zeller(2024, m, d) - 1], dn[d], months[m - 1]);
            ck_assert_str_eq(got, want);
            ck_assert(idtext_date_long(c, lng, sizeof lng));
            snprintf(wl, sizeof wl, "%d %s 2024", d, months[m - 1]);
            ck_assert_str_eq(lng, wl);
            count++;
        }
    }
    ck_assert_int_eq(count, 366);
    /* DOMAIN.md 7.3: 2 September 2024 was a Monday */
    ck_assert(idtext_date_words((struct caldate){2024, 9, 2}, got, sizeof got));
    ck_assert_str_eq(got, "Senin tanggal dua bulan September tahun dua ribu dua puluh empat");
    ck_assert(!idtext_date_words((struct caldate){2025, 2, 29}, got, sizeof got));
    ck_assert(!idtext_date_long((struct caldate){2025, 13, 1}, got, sizeof got));
}
END_TEST

START_TEST(test_roman_months_nip_counts_countries)
{
    static const char *const r[] = {"I",   "II",   "III", "IV", "V",  "VI",
                                    "VII", "VIII", "IX",  "X",  "XI", "XII"};
    for (int m = 1; m <= 12; m++)
        ck_assert_str_eq(idtext_roman_month(m), r[m - 1]);
    ck_assert_str_eq(idtext_roman_month(0), "");
    ck_assert_str_eq(idtext_roman_month(13), "");

    char buf[IDTEXT_LEN];
    ck_assert(idtext_nip("199503162022031007", buf, sizeof buf));
    ck_assert_str_eq(buf, "19950316 202203 1 007");
    ck_assert(!idtext_nip("19950316202203100", buf, sizeof buf));
    ck_assert(!idtext_nip("1995031620220310070", buf, sizeof buf));
    ck_assert(!idtext_nip("19950316202203100X", buf, sizeof buf));
    ck_assert_str_eq(buf, "");

    ck_assert(idtext_count(2, buf, sizeof buf));
    ck_assert_str_eq(buf, "2 (dua)");
    ck_assert(idtext_count(11, buf, sizeof buf));
    ck_assert_str_eq(buf, "11 (sebelas)");

    ck_assert_str_eq(idtext_country("VN"), "Vietnam");
    ck_assert_str_eq(idtext_country("AE"), "Persatuan Emirat Arab");
    ck_assert_str_eq(idtext_country("YE"), "Yaman");
    ck_assert_ptr_null(idtext_country("XX"));
    ck_assert_ptr_null(idtext_country("vn"));
    ck_assert_ptr_null(idtext_country(""));
}
END_TEST

Suite *suite_terbilang(void)
{
    Suite *s = suite_create("terbilang");
    TCase *tc = tcase_create("words");
    tcase_add_test(tc, test_terbilang_hand_checked_values);
    tcase_add_test(tc, test_terbilang_agrees_with_the_rules_from_0_to_10000);
    tcase_add_test(tc, test_terbilang_refuses_out_of_range_and_small_buffers);
    tcase_add_test(tc, test_every_date_of_2024_in_words);
    tcase_add_test(tc, test_roman_months_nip_counts_countries);
    suite_add_tcase(s, tc);
    return s;
}
