/* numfmt.c - see numfmt.h. */
#include "numfmt.h"

#include <stdio.h>
#include <string.h>

const char *numfmt_roman_month(int month)
{
    static const char *const roman[] = {"I",   "II",   "III", "IV", "V",  "VI",
                                        "VII", "VIII", "IX",  "X",  "XI", "XII"};
    return month >= 1 && month <= 12 ? roman[month - 1] : "";
}

static bool append(char *out, size_t outsz, size_t *used, const char *s, size_t n, struct berr *err)
{
    if (*used + n + 1 > outsz)
        return berr_field(err, BERR_BAD_INPUT, "pattern", "nomor terlalu panjang");
    memcpy(out + *used, s, n);
    *used += n;
    out[*used] = '\0';
    return true;
}

static bool token(const char *name, size_t len, const struct numfmt_vars *v, char *buf,
                  size_t bufsz, int *seqs, struct berr *err)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(name, lit, len) == 0)
    if (IS("seq")) {
        snprintf(buf, bufsz, "%ld", v->seq);
        (*seqs)++;
    } else if (len == 6 && memcmp(name, "seq:", 4) == 0 && name[4] >= '0' && name[4] <= '9' &&
               name[5] >= '1' && name[5] <= '9') {
        int width = (name[4] - '0') * 10 + (name[5] - '0');
        if (width > 12)
            return berr_field(err, BERR_BAD_INPUT, "pattern", "lebar {seq:NN} paling besar 12");
        snprintf(buf, bufsz, "%0*ld", width, v->seq);
        (*seqs)++;
    } else if (IS("month")) {
        snprintf(buf, bufsz, "%02d", v->month);
    } else if (IS("roman_month")) {
        snprintf(buf, bufsz, "%s", numfmt_roman_month(v->month));
    } else if (IS("year")) {
        snprintf(buf, bufsz, "%d", v->year);
    } else if (IS("office")) {
        snprintf(buf, bufsz, "%s", v->office ? v->office : "");
    } else if (IS("type")) {
        snprintf(buf, bufsz, "%s", v->type ? v->type : "");
    } else {
        return berr_field(err, BERR_BAD_INPUT, "pattern", "token tidak dikenal: {%.*s}",
                          (int)(len > 20 ? 20 : len), name);
    }
    return true;
#undef IS
}

static bool format(const char *pattern, const struct numfmt_vars *v, char *out, size_t outsz,
                   int *seqs, struct berr *err)
{
    size_t used = 0;
    out[0] = '\0';
    *seqs = 0;
    for (const char *p = pattern; *p;) {
        if (*p == '}')
            return berr_field(err, BERR_BAD_INPUT, "pattern", "'}' tanpa '{'");
        if (*p != '{') {
            size_t n = strcspn(p, "{}");
            if (!append(out, outsz, &used, p, n, err))
                return false;
            p += n;
            continue;
        }
        const char *close = strchr(p, '}');
        if (!close)
            return berr_field(err, BERR_BAD_INPUT, "pattern", "'{' tanpa '}'");
        char buf[64];
        if (!token(p + 1, (size_t)(close - p - 1), v, buf, sizeof buf, seqs, err) ||
            !append(out, outsz, &used, buf, strlen(buf), err))
            return false;
        p = close + 1;
    }
    return true;
}

bool numfmt_format(const char *pattern, const struct numfmt_vars *v, char *out, size_t outsz,
                   struct berr *err)
{
    int seqs;
    if (!out || outsz == 0)
        return berr_field(err, BERR_BAD_INPUT, "pattern", "no room for the number");
    return format(pattern, v, out, outsz, &seqs, err);
}

bool numfmt_check(const char *pattern, struct berr *err)
{
    struct numfmt_vars v = {.seq = 1, .year = 2026, .month = 1, .office = "X", .type = "t"};
    char out[256];
    int seqs;
    if (!format(pattern, &v, out, sizeof out, &seqs, err))
        return false;
    if (seqs != 1)
        return berr_field(err, BERR_BAD_INPUT, "pattern",
                          "pola harus memuat {seq} tepat satu kali");
    return true;
}
