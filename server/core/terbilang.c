/*
 * terbilang.c - Indonesian number words.  See terbilang.h for the rules.
 *
 * The number is split into groups of three digits from the right; each group
 * below a thousand is spelt by group_words(), then followed by its scale
 * word.  The one irregular group is a thousands group of exactly one, which
 * is "seribu" (1 000 .. 1 999); a million is "satu juta".
 */
#include "terbilang.h"

#include <string.h>

static const char *const units[] = {"",     "satu",  "dua",     "tiga",     "empat",   "lima",
                                    "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"};

/* Scale words for groups 0 (units) .. 4 (10^12). */
static const char *const scales[] = {"", "ribu", "juta", "miliar", "triliun"};

struct out {
    char *buf;
    size_t n;
    size_t len;
    bool ok;
};

/* Append one word, with a space before it unless it is the first. */
static void put(struct out *o, const char *w)
{
    size_t wl = strlen(w);
    if (wl == 0)
        return;
    size_t need = wl + (o->len ? 1 : 0);
    if (!o->ok || o->len + need + 1 > o->n) {
        o->ok = false;
        return;
    }
    if (o->len)
        o->buf[o->len++] = ' ';
    memcpy(o->buf + o->len, w, wl);
    o->len += wl;
    o->buf[o->len] = '\0';
}

/* 1 .. 999 */
static void group_words(struct out *o, unsigned g)
{
    unsigned h = g / 100, rest = g % 100;
    if (h == 1) {
        put(o, "seratus");
    } else if (h > 1) {
        put(o, units[h]);
        put(o, "ratus");
    }
    if (rest == 0)
        return;
    if (rest < 12) {
        put(o, units[rest]);
    } else if (rest < 20) {
        put(o, units[rest - 10]);
        put(o, "belas");
    } else {
        put(o, units[rest / 10]);
        put(o, "puluh");
        put(o, units[rest % 10]);
    }
}

bool terbilang(uint64_t n, char *buf, size_t n_buf)
{
    if (buf == NULL || n_buf == 0)
        return false;
    buf[0] = '\0';
    if (n > TERBILANG_MAX)
        return false;
    struct out o = {buf, n_buf, 0, true};
    if (n == 0) {
        put(&o, "nol");
        return o.ok;
    }
    unsigned groups[5];
    int top = 0;
    for (int i = 0; i < 5; i++) {
        groups[i] = (unsigned)(n % 1000);
        n /= 1000;
        if (groups[i])
            top = i;
    }
    for (int i = top; i >= 0; i--) {
        if (groups[i] == 0)
            continue;
        if (i == 1 && groups[i] == 1) {
            put(&o, "seribu");
            continue;
        }
        group_words(&o, groups[i]);
        put(&o, scales[i]);
    }
    if (!o.ok)
        buf[0] = '\0';
    return o.ok;
}
