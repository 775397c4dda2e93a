/* output.c - see output.h. */
#include "output.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_MAX_COLS 32

struct table {
    size_t ncols, nrows, cap;
    const char *const *heads;
    char **cells;                 /* nrows * ncols */
    size_t limit[TABLE_MAX_COLS]; /* per column: at most this many characters, 0 = any */
    bool flex[TABLE_MAX_COLS];    /* may be cut to fit */
    size_t fit;                   /* the whole line at most this wide, 0 = any */
};

void out_json(const json_t *j)
{
    char *s = json_dumps(j, JSON_INDENT(2));
    if (s)
        puts(s);
    free(s);
}

/* Print s with control characters as spaces. */
static void put_clean(const char *s)
{
    for (; *s; s++)
        putchar(((unsigned char)*s < 0x20 || *s == 0x7f) ? ' ' : *s);
}

void out_kv(const char *key, const char *fmt, ...)
{
    char value[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    printf("%-12s ", key);
    put_clean(value);
    putchar('\n');
}

const char *jstr(const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

long long jint(const json_t *obj, const char *key)
{
    return (long long)json_integer_value(json_object_get(obj, key));
}

const char *jtext(const json_t *obj, const char *key, char *buf, size_t size)
{
    const json_t *v = json_object_get(obj, key);
    if (json_is_string(v))
        snprintf(buf, size, "%s", json_string_value(v));
    else if (json_is_integer(v))
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, size, "%s", json_is_true(v) ? "yes" : "no");
    else if (json_is_real(v))
        snprintf(buf, size, "%g", json_real_value(v));
    else
        snprintf(buf, size, "%s", "");
    return buf;
}

/* Characters in a UTF-8 string (continuation bytes do not count). */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

struct table *table_new(size_t ncols, const char *const heads[])
{
    struct table *t = calloc(1, sizeof *t);
    if (t) {
        t->ncols = ncols < TABLE_MAX_COLS ? ncols : TABLE_MAX_COLS;
        t->heads = heads;
    }
    return t;
}

bool table_add(struct table *t, const char *const cells[])
{
    if (!t)
        return false;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **grown = realloc(t->cells, cap * t->ncols * sizeof *grown);
        if (!grown)
            return false;
        t->cells = grown;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * t->ncols;
    for (size_t c = 0; c < t->ncols; c++) {
        row[c] = strdup(cells[c] && *cells[c] ? cells[c] : "-");
        if (!row[c]) {
            while (c-- > 0)
                free(row[c]);
            return false;
        }
    }
    t->nrows++;
    return true;
}

void table_limit(struct table *t, size_t col, size_t max)
{
    if (t && col < t->ncols && col < TABLE_MAX_COLS)
        t->limit[col] = max;
}

void table_fit(struct table *t, size_t width)
{
    if (t)
        t->fit = width;
}

void table_flex(struct table *t, size_t col)
{
    if (t && col < t->ncols)
        t->flex[col] = true;
}

/* Cut the widest flexible column by one until the line fits (or none can). */
static void fit_widths(const struct table *t, size_t widths[])
{
    if (!t->fit)
        return;
    for (;;) {
        size_t total = 0, widest = t->ncols;
        for (size_t c = 0; c < t->ncols; c++) {
            total += widths[c] + (c + 1 < t->ncols ? 2 : 0);
            if (t->flex[c] && widths[c] > 6 && (widest == t->ncols || widths[c] > widths[widest]))
                widest = c;
        }
        if (total <= t->fit || widest == t->ncols)
            return;
        widths[widest]--;
    }
}

/* s cut to max characters, the last one "…", into buf (or s itself). */
static const char *cut(const char *s, size_t max, char *buf, size_t size)
{
    if (max == 0 || width(s) <= max)
        return s;
    size_t chars = 0, i = 0;
    for (; s[i] && i + 4 < size; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars == max)
            break; /* the max-th character starts here: "…" takes its place */
        buf[i] = s[i];
    }
    snprintf(buf + i, size - i, "\xe2\x80\xa6"); /* … */
    return buf;
}

static void print_row(const struct table *t, const char *const cells[], const size_t widths[])
{
    char buf[1024];
    for (size_t c = 0; c < t->ncols; c++) {
        size_t max = c < TABLE_MAX_COLS ? t->limit[c] : 0;
        if (c < TABLE_MAX_COLS && t->flex[c] && (max == 0 || widths[c] < max))
            max = widths[c];
        const char *cell = cut(cells[c], max, buf, sizeof buf);
        put_clean(cell);
        if (c + 1 < t->ncols)
            for (size_t pad = width(cell); pad < widths[c] + 2; pad++)
                putchar(' ');
    }
    putchar('\n');
}

void table_print(const struct table *t)
{
    if (!t)
        return;
    size_t *widths = calloc(t->ncols, sizeof *widths);
    if (!widths)
        return;
    for (size_t c = 0; c < t->ncols; c++) {
        widths[c] = width(t->heads[c]);
        size_t max = c < TABLE_MAX_COLS ? t->limit[c] : 0;
        for (size_t r = 0; r < t->nrows; r++) {
            size_t w = width(t->cells[r * t->ncols + c]);
            if (max && w > max)
                w = max;
            if (w > widths[c])
                widths[c] = w;
        }
    }
    fit_widths(t, widths);
    print_row(t, t->heads, widths);
    for (size_t r = 0; r < t->nrows; r++)
        print_row(t, (const char *const *)(t->cells + r * t->ncols), widths);
    free(widths);
}

void table_free(struct table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t);
}
