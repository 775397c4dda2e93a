/* pwlist.c - see pwlist.h. */
#include "pwlist.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

#define WORD_MAX 64 /* longer lines of the list are not passwords anyone types twice */

struct pwlist {
    char **words; /* lower case, sorted */
    int n;
};

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void pwlist_free(struct pwlist *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->n; i++)
        free(l->words[i]);
    free(l->words);
    free(l);
}

static bool add_word(struct pwlist *l, size_t *cap, const char *w)
{
    char **more = array_grow(l->words, cap, (size_t)l->n + 1, 4096, sizeof *more);
    if (!more)
        return false;
    l->words = more;
    l->words[l->n] = strdup(w);
    return l->words[l->n++] != NULL;
}

struct pwlist *pwlist_load(const char *path, struct berr *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        berr_set(err, BERR_INTERNAL,
                 "cannot read the common-password list %s (Debian package john-data): %s", path,
                 strerror(errno));
        return NULL;
    }
    struct pwlist *l = calloc(1, sizeof *l);
    size_t cap = 0;
    char line[256];
    bool ok = l != NULL;
    while (ok && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "#!comment:", 10) == 0 || !line[0] || strlen(line) > WORD_MAX)
            continue;
        for (char *p = line; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        ok = add_word(l, &cap, line);
    }
    fclose(f);
    if (!ok || l->n == 0) {
        berr_set(err, BERR_INTERNAL, ok ? "the common-password list %s is empty" : "out of memory",
                 path);
        pwlist_free(l);
        return NULL;
    }
    qsort(l->words, (size_t)l->n, sizeof *l->words, by_text);
    return l;
}

int pwlist_count(const struct pwlist *l)
{
    return l ? l->n : 0;
}

static bool listed(const struct pwlist *l, const char *w)
{
    return l && *w && bsearch(&w, l->words, (size_t)l->n, sizeof *l->words, by_text) != NULL;
}

/* s without the characters at either end that are neither letters nor in
 * keep ("password2026!" -> "password"). */
static void trimmed(const char *s, const char *keep, char *out, size_t outsz)
{
    while (*s && !isalpha((unsigned char)*s) && !strchr(keep, *s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && !isalpha((unsigned char)s[n - 1]) && !strchr(keep, s[n - 1]))
        n--;
    snprintf(out, outsz, "%.*s", (int)n, s);
}

/* The usual swaps undone: 4@ a, 8 b, 3 e, 9 g, 1! i (or l), 0 o, 5$ s, 7+ t. */
static void unswapped(const char *s, char one, char *out, size_t outsz)
{
    static const char from[] = "4@83916!05$7+";
    static const char to[] = "aabegi?ioosst";
    size_t i = 0;
    for (; *s && i + 1 < outsz; s++, i++) {
        const char *at = strchr(from, *s);
        char c = at ? to[at - from] : *s;
        out[i] = c == '?' ? one : c;
    }
    out[i] = '\0';
}

/* Along a keyboard's rows or columns, or the alphabet, either way. */
static bool walk(const char *s)
{
    static const char *const walks[] = {"qwertyuiopasdfghjklzxcvbnm",
                                        "1234567890qwertyuiop",
                                        "12345678901234567890",
                                        "abcdefghijklmnopqrstuvwxyz",
                                        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
                                        "qazwsxedcrfvtgbyhnujmikolp",
                                        "zaq1xsw2cde3vfr4bgt5nhy6mju7"};
    size_t n = strlen(s);
    if (n < 6)
        return false;
    char rev[WORD_MAX * 4 + 1];
    if (n >= sizeof rev)
        return false;
    for (size_t i = 0; i < n; i++)
        rev[i] = s[n - 1 - i];
    rev[n] = '\0';
    for (size_t i = 0; i < sizeof walks / sizeof walks[0]; i++)
        if (strstr(walks[i], s) || strstr(walks[i], rev))
            return true;
    return false;
}

/* One short unit (up to 4 characters) over and over: "abcabcabcabc". */
static bool repeats(const char *s)
{
    size_t n = strlen(s);
    for (size_t unit = 1; unit <= 4 && unit < n; unit++) {
        if (n % unit)
            continue;
        bool same = true;
        for (size_t i = unit; i < n && same; i++)
            same = s[i] == s[i - unit];
        if (same)
            return true;
    }
    return false;
}

const char *pwlist_weak(const struct pwlist *l, const char *password)
{
    static const char sequence[] =
        "kata sandi ini urutan papan ketik atau pengulangan; pilih kalimat sandi";
    char lower[WORD_MAX * 4 + 1], core[sizeof lower], part[sizeof lower], plain[sizeof lower];
    if (strlen(password) >= sizeof lower)
        return NULL; /* a passphrase this long is no common password */
    size_t i = 0;
    for (; password[i]; i++)
        lower[i] = (char)tolower((unsigned char)password[i]);
    lower[i] = '\0';
    trimmed(lower, "", core, sizeof core);
    if (walk(lower) || repeats(lower) || walk(core) || (strlen(core) >= 4 && repeats(core)))
        return sequence;
    if (listed(l, lower) || listed(l, core))
        return "kata sandi ini ada dalam daftar kata sandi yang paling umum; pilih kalimat sandi";
    /* "P@ssw0rd2026", "M1ch3ll3-2026": digits and symbols at either end go
     * (as many as it takes: some of them may be swapped letters), the swaps
     * are undone, a listed word is left */
    size_t n = strlen(lower), lead = 0, tail = 0;
    while (lead < n && !isalpha((unsigned char)lower[lead]))
        lead++;
    while (tail < n - lead && !isalpha((unsigned char)lower[n - 1 - tail]))
        tail++;
    for (size_t a = 0; a <= lead; a++)
        for (size_t b = 0; b <= tail && a + b < n; b++) {
            snprintf(part, sizeof part, "%.*s", (int)(n - a - b), lower + a);
            for (int k = 0; k < 2; k++) {
                unswapped(part, k ? 'l' : 'i', plain, sizeof plain);
                if (listed(l, plain) || walk(plain))
                    return "kata sandi ini kata sandi umum yang disamarkan; pilih kalimat sandi";
            }
        }
    return NULL;
}
