/*
 * idtext.c - Indonesian dates, months, NIPs and counts for documents.
 */
#include "idtext.h"

#include <stdio.h>
#include <string.h>

#include "terbilang.h"

static bool fail(char *buf, size_t n)
{
    if (buf && n)
        buf[0] = '\0';
    return false;
}

static bool fits(int w, char *buf, size_t n)
{
    if (w < 0 || (size_t)w >= n)
        return fail(buf, n);
    return true;
}

bool idtext_date_long(struct caldate d, char *buf, size_t n)
{
    if (!buf || n == 0 || !caldate_valid(d))
        return fail(buf, n);
    return fits(snprintf(buf, n, "%d %s %d", d.d, caldate_month_name(d.m), d.y), buf, n);
}

bool idtext_date_words(struct caldate d, char *buf, size_t n)
{
    char day[TERBILANG_LEN], year[TERBILANG_LEN];
    if (!buf || n == 0 || !caldate_valid(d) || !terbilang((uint64_t)d.d, day, sizeof day) ||
        !terbilang((uint64_t)d.y, year, sizeof year))
        return fail(buf, n);
    return fits(snprintf(buf, n, "%s tanggal %s bulan %s tahun %s", caldate_weekday_name(d), day,
                         caldate_month_name(d.m), year),
                buf, n);
}

const char *idtext_roman_month(int m)
{
    static const char *const roman[] = {"",    "I",    "II", "III", "IV", "V",  "VI",
                                        "VII", "VIII", "IX", "X",   "XI", "XII"};
    return m >= 1 && m <= 12 ? roman[m] : "";
}

bool idtext_nip(const char *nip, char *buf, size_t n)
{
    if (!nip || !buf || n < 22 || strlen(nip) != 18)
        return fail(buf, n);
    for (int i = 0; i < 18; i++)
        if (nip[i] < '0' || nip[i] > '9')
            return fail(buf, n);
    return fits(snprintf(buf, n, "%.8s %.6s %.1s %.3s", nip, nip + 8, nip + 14, nip + 15), buf, n);
}

bool idtext_count(uint64_t v, char *buf, size_t n)
{
    char words[TERBILANG_LEN];
    if (!buf || n == 0 || !terbilang(v, words, sizeof words))
        return fail(buf, n);
    return fits(snprintf(buf, n, "%llu (%s)", (unsigned long long)v, words), buf, n);
}

/* Sorted by code; the nationalities most often met by the immigration
 * service, and Indonesia's neighbours. */
static const struct {
    char code[3];
    const char *name;
} countries[] = {
    {"AE", "Persatuan Emirat Arab"},
    {"AF", "Afganistan"},
    {"AU", "Australia"},
    {"BD", "Bangladesh"},
    {"BR", "Brasil"},
    {"CA", "Kanada"},
    {"CH", "Swiss"},
    {"CM", "Kamerun"},
    {"CN", "Republik Rakyat Tiongkok"},
    {"DE", "Jerman"},
    {"EG", "Mesir"},
    {"ES", "Spanyol"},
    {"FR", "Prancis"},
    {"GB", "Britania Raya"},
    {"GH", "Ghana"},
    {"ID", "Indonesia"},
    {"IN", "India"},
    {"IQ", "Irak"},
    {"IR", "Iran"},
    {"IT", "Italia"},
    {"JP", "Jepang"},
    {"KH", "Kamboja"},
    {"KR", "Korea Selatan"},
    {"LA", "Laos"},
    {"LK", "Sri Lanka"},
    {"MM", "Myanmar"},
    {"MY", "Malaysia"},
    {"NG", "Nigeria"},
    {"NL", "Belanda"},
    {"NP", "Nepal"},
    {"NZ", "Selandia Baru"},
    {"PG", "Papua Nugini"},
    {"PH", "Filipina"},
    {"PK", "Pakistan"},
    {"PL", "Polandia"},
    {"RU", "Rusia"},
    {"SA", "Arab Saudi"},
    {"SG", "Singapura"},
    {"SO", "Somalia"},
    {"TH", "Thailand"},
    {"TL", "Timor-Leste"},
    {"TR", "Turki"},
    {"TW", "Taiwan"},
    {"UA", "Ukraina"},
    {"US", "Amerika Serikat"},
    {"UZ", "Uzbekistan"},
    {"VN", "Vietnam"},
    {"YE", "Yaman"},
};

const char *idtext_country(const char *alpha2)
{
    if (!alpha2 || strlen(alpha2) != 2)
        return NULL;
    size_t lo = 0, hi = sizeof countries / sizeof countries[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(alpha2, countries[mid].code);
        if (c == 0)
            return countries[mid].name;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}
