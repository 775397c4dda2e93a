/* validate.c - see validate.h. */
#include "validate.h"

#include <ctype.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "render/render.h"

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static bool real_date(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    int max = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        max = 29;
    return d <= max;
}

bool validate_nip(const char *nip, struct berr *err)
{
    if (!nip || strlen(nip) != 18)
        return berr_field(err, BERR_BAD_INPUT, "nip", "NIP harus 18 angka");
    for (int i = 0; i < 18; i++)
        if (!isdigit((unsigned char)nip[i]))
            return berr_field(err, BERR_BAD_INPUT, "nip", "NIP harus 18 angka");
    int by = digits(nip, 4), bm = digits(nip + 4, 2), bd = digits(nip + 6, 2);
    int ay = digits(nip + 8, 4), am = digits(nip + 12, 2);
    int sex = nip[14] - '0', seq = digits(nip + 15, 3);
    if (by < 1930 || by > 2015 || !real_date(by, bm, bd))
        return berr_field(err, BERR_BAD_INPUT, "nip",
                          "NIP: digits 1-8 must be a real date of birth (YYYYMMDD)");
    if (ay < by + 15 || ay > 2100 || am < 1 || am > 12)
        return berr_field(err, BERR_BAD_INPUT, "nip",
                          "NIP: digits 9-14 must be the year and month of appointment");
    if (sex != 1 && sex != 2)
        return berr_field(err, BERR_BAD_INPUT, "nip", "NIP: digit 15 must be 1 or 2");
    if (seq == 0)
        return berr_field(err, BERR_BAD_INPUT, "nip", "NIP: digits 16-18 must not be 000");
    return true;
}

bool validate_not_future(struct caldate d, const char *field, struct berr *err)
{
    struct caldate today = caldate_local_date((int64_t)time(NULL), caldate_zone("Asia/Jayapura"));
    return caldate_cmp(d, today) <= 0 ||
           berr_field(err, BERR_BAD_INPUT, field, "%s tidak boleh di masa depan", field);
}

bool validate_blank(const char *s)
{
    return s[strspn(s, " \t\r\n")] == '\0';
}

const char *validate_trim(const char *s, size_t *len)
{
    s += strspn(s, " \t\r\n");
    *len = strlen(s);
    while (*len && strchr(" \t\r\n", s[*len - 1]))
        (*len)--;
    return s;
}

bool validate_golongan(const char *g, struct berr *err)
{
    static const char *const ok[] = {"I", "II", "III", "IV"};
    if (!*g)
        return true;
    const char *slash = strchr(g, '/');
    if (slash && slash[1] >= 'a' && slash[1] <= 'e' && slash[2] == '\0')
        for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
            if (strlen(ok[i]) == (size_t)(slash - g) && strncmp(g, ok[i], strlen(ok[i])) == 0)
                return true;
    return berr_field(err, BERR_BAD_INPUT, "golongan",
                      "golongan harus seperti \"III/b\" (I-IV, a-e)");
}

bool validate_tz(const char *tz, struct berr *err)
{
    if (strcmp(tz, "Asia/Jakarta") == 0 || strcmp(tz, "Asia/Makassar") == 0 ||
        strcmp(tz, "Asia/Jayapura") == 0)
        return true;
    return berr_field(err, BERR_BAD_INPUT, "tz",
                      "zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau "
                      "Asia/Jayapura (WIT)");
}

size_t utf8_length(const char *s)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t n = 0;
    while (*u) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(u, -1, &cp);
        u += k > 0 ? k : 1; /* an ill-formed byte counts as one character */
        n++;
    }
    return n;
}

int utf8_prefix_bytes(const char *s, size_t max)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t at = 0;
    for (size_t n = 0; n < max && u[at]; n++) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(u + at, -1, &cp);
        at += k > 0 ? (size_t)k : 1;
    }
    return (int)at;
}

bool validate_password_shape(const char *pw, const char *nip, struct berr *err)
{
    size_t bytes = strlen(pw);
    if (bytes > 1024)
        return berr_field(err, BERR_BAD_INPUT, "password", "kata sandi paling panjang 1024 byte");
    if (utf8_length(pw) < 12)
        return berr_field(err, BERR_BAD_INPUT, "password",
                          "kata sandi paling sedikit 12 karakter (kalimat sandi dianjurkan)");
    bool same = true;
    for (size_t i = 1; i < bytes; i++)
        if (pw[i] != pw[0])
            same = false;
    if (same)
        return berr_field(err, BERR_BAD_INPUT, "password", "kata sandi terlalu mudah ditebak");
    if (nip && *nip && strstr(pw, nip))
        return berr_field(err, BERR_BAD_INPUT, "password", "kata sandi tidak boleh memuat NIP");
    return true;
}

void password_base(const char *s, char *out, size_t outsz)
{
    size_t n = 0;
    for (; *s && n + 1 < outsz; s++)
        if (isalpha((unsigned char)*s) && !((unsigned char)*s & 0x80))
            out[n++] = (char)tolower((unsigned char)*s);
    out[n] = '\0';
}

/* Optimal string alignment distance, capped at 64 characters. */
static int edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return 99;
    int d[65][65];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

const char *validate_closest(const char *word, const char *const *candidates, size_t n)
{
    if (!word || !*word)
        return NULL;
    size_t len = strlen(word);
    int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    const char *best = NULL;
    int best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        int d = edit_distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

const char *validate_echo_name(const char *s)
{
    size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-");
    return n > 0 && n <= 63 && s[n] == '\0' ? s : "itu";
}

bool validate_printable(const char *s, const char *field, struct berr *err)
{
    long bad;
    if (!s || render_printable(s, &bad))
        return true;
    if (bad < 0)
        return berr_field(err, BERR_BAD_INPUT, field, "%s bukan teks UTF-8 yang sah", field);
    utf8proc_uint8_t ch[8] = {0};
    utf8proc_encode_char((utf8proc_int32_t)bad, ch);
    return berr_field(err, BERR_BAD_INPUT, field,
                      "%s memuat huruf yang tidak dapat dicetak pada dokumen: \"%s\" (U+%04lX); "
                      "tulis dengan huruf Latin, sebagaimana di paspor atau kartu identitasnya",
                      field, (const char *)ch, (unsigned long)bad);
}
