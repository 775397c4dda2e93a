/* titlecase.c - format="title": a name written in capitals on a letterhead
 * ("KEJAKSAAN TINGGI DKI JAKARTA") as it is written in running text
 * ("Kejaksaan Tinggi DKI Jakarta").  EYD V (Pedoman Umum Ejaan Bahasa
 * Indonesia, Permendikbudristek 2022), huruf kapital: each word of a name
 * begins with a capital, but the function words di, ke, dari, dan, yang,
 * untuk, pada that do not begin it stay small; an acronym of initials (DKI,
 * DIY, NTB, NTT, TPI, RI, HAM) and a Roman numeral (Kelas I, Kelas II,
 * Kelas IIA) stay in capitals. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "render/render.h"

/* acronyms written in initials in the names berkas prints (offices,
 * provinces, ranks), compared without regard to case */
static const char *const acronyms[] = {
    "DKI", "DIY",   "NTB", "NTT", "TPI",  "RI",  "NKRI",
    "HAM", "KUHAP", "PN",  "UPT", "PPNS", "WNA", "WNI",
};

/* EYD V: function words in small letters unless the name begins with them */
static const char *const small_words[] = {"di", "ke", "dari", "dan", "yang", "untuk", "pada"};

static bool in_list(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
            return true;
    return false;
}

/* A Roman numeral of 1 to 39 (X{0,3}(IX|IV|V?I{0,3}), not empty), or a
 * class of II with its letter (IIA, IIB: Lapas and Rutan), any case. */
static bool roman(const char *w, size_t n)
{
    char u[8];
    if (n == 0 || n >= sizeof u)
        return false;
    for (size_t i = 0; i < n; i++)
        u[i] = (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 32 : w[i]);
    u[n] = '\0';
    if (strcmp(u, "IIA") == 0 || strcmp(u, "IIB") == 0)
        return true;
    size_t i = 0;
    while (i < n && i < 3 && u[i] == 'X')
        i++;
    const char *rest = u + i;
    if (strcmp(rest, "IX") == 0 || strcmp(rest, "IV") == 0)
        return true;
    if (*rest == 'V')
        rest++;
    size_t ones = strspn(rest, "I");
    return ones <= 3 && rest[ones] == '\0' && (ones > 0 || rest > u);
}

static bool separator(utf8proc_int32_t c)
{
    return c == ' ' || c == '-' || c == '(' || c == '/' || c == ',' || c == '.' || c == '\n';
}

/* Append word w[0..n) to out at *o as case says: 1 upper, 0 lower, 2 the
 * first letter upper and the rest lower. */
static void put_word(const char *w, size_t n, int mode, char *out, size_t *o)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)w;
    utf8proc_ssize_t i = 0;
    bool first = true;
    while ((size_t)i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)n - i, &c);
        if (k <= 0)
            break;
        i += k;
        bool up = mode == 1 || (mode == 2 && first);
        first = false;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m =
            utf8proc_encode_char(up ? utf8proc_toupper(c) : utf8proc_tolower(c), enc);
        memcpy(out + *o, enc, (size_t)m);
        *o += (size_t)m;
    }
}

char *render_title_case(const char *v)
{
    size_t len = strlen(v);
    char *out = malloc(len * 2 + 1); /* case mapping grows a character by at most one byte */
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    bool first_word = true;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)v + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0)
            break;
        if (separator(c)) {
            memcpy(out + o, v + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
            continue;
        }
        size_t end = i;
        while (end < len) {
            utf8proc_ssize_t kk = utf8proc_iterate((const utf8proc_uint8_t *)v + end,
                                                   (utf8proc_ssize_t)(len - end), &c);
            if (kk <= 0 || separator(c))
                break;
            end += (size_t)kk;
        }
        const char *w = v + i;
        size_t n = end - i;
        int mode =
            in_list(w, n, acronyms, sizeof acronyms / sizeof *acronyms) || roman(w, n) ? 1
            : !first_word && in_list(w, n, small_words, sizeof small_words / sizeof *small_words)
                ? 0
                : 2;
        put_word(w, n, mode, out, &o);
        first_word = false;
        i = end > i ? end : len; /* an ill-formed byte ends the text, as before */
    }
    out[o] = '\0';
    return out;
}
