/* output.c - see output.h. */
#include "output.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"

#define TABLE_MAX_COLS 32
#define NARROW         100 /* columns, unless --wide */

static size_t line_width = NARROW;
static bool colour_on;

struct table {
    size_t ncols, nrows, cap;
    const char *const *heads;
    char **cells;                 /* nrows * ncols */
    size_t limit[TABLE_MAX_COLS]; /* per column: at most this many characters, 0 = any */
    bool flex[TABLE_MAX_COLS];    /* may be cut to fit */
    bool any_flex;
    bool paint[TABLE_MAX_COLS]; /* coloured by state */
    size_t fit;                 /* the whole line at most this wide, 0 = any */
};

void out_init(bool wide)
{
    line_width = wide ? 0 : NARROW;
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    colour_on = isatty(STDOUT_FILENO) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

size_t out_width(void)
{
    return line_width;
}

bool out_colour(void)
{
    return colour_on;
}

const char *out_state_colour(const char *text)
{
    if (!colour_on || !text)
        return "";
    if (strstr(text, "MACET") || strstr(text, "stalled"))
        return "\033[35m"; /* magenta */
    if (strncmp(text, "!!", 2) == 0 || strstr(text, "LEWAT") || strstr(text, "overdue") ||
        strstr(text, "rusak") || strstr(text, "damaged"))
        return "\033[1;31m"; /* bold red */
    if (strncmp(text, "! ", 2) == 0 || strstr(text, "awas") || strstr(text, "peringatan") ||
        strstr(text, "warning"))
        return "\033[33m"; /* yellow */
    if (strstr(text, "selesai") || strcmp(text, "ok") == 0)
        return "\033[32m"; /* green */
    return "";
}

const char *out_colour_end(void)
{
    return colour_on ? "\033[0m" : "";
}

const char *out_when(const char *iso, const char *tz, char *buf, size_t size)
{
    static const struct {
        const char *tz, *name;
        int hours;
    } zones[] = {
        {"Asia/Jakarta", "WIB", 7}, {"Asia/Makassar", "WITA", 8}, {"Asia/Jayapura", "WIT", 9}};
    snprintf(buf, size, "%s", iso ? iso : "");
    int zone = -1;
    for (int i = 0; tz && i < 3; i++)
        if (strcmp(tz, zones[i].tz) == 0)
            zone = i;
    struct tm tm = {0};
    int consumed = 0;
    if (zone < 0 || !iso ||
        sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec, &consumed) != 6)
        return buf;
    const char *rest = iso + consumed;
    if (*rest == '.')
        rest += 1 + strspn(rest + 1, "0123456789");
    long offset = 0; /* seconds east of UTC the instant was written in */
    int oh, om;
    if (*rest == '+' || *rest == '-') {
        if (sscanf(rest + 1, "%2d:%2d", &oh, &om) != 2)
            return buf;
        offset = (*rest == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
    } else if (*rest != 'Z') {
        return buf;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm) - offset + zones[zone].hours * 3600L;
    struct tm local;
    if (!gmtime_r(&t, &local))
        return buf;
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &local);
    snprintf(buf, size, "%s %s", when, zones[zone].name);
    return buf;
}

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

/* Characters in a UTF-8 string (continuation bytes do not count). */
static size_t width(const char *s);

void out_kv(const char *key, const char *fmt, ...)
{
    char value[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(value, sizeof value, fmt, ap);
    va_end(ap);
    printf("%-12s ", key);
    size_t room = line_width > 13 ? line_width - 13 : 0, col = 0;
    /* word by word, a word longer than the room on a line of its own */
    for (char *w = value; *w;) {
        size_t len = strcspn(w, " "), chars;
        char save = w[len];
        w[len] = '\0';
        chars = width(w);
        if (room && col > 0 && col + 1 + chars > room) {
            printf("\n%13s", "");
            col = 0;
        } else if (col > 0) {
            putchar(' ');
            col++;
        }
        put_clean(w);
        col += chars;
        w[len] = save;
        w += len;
        while (*w == ' ')
            w++;
    }
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
        snprintf(buf, size, "%s", json_is_true(v) ? "ya" : "tidak");
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
    /* room for one row more: a row is ncols cells (TABLE_MAX_COLS at most) */
    char **grown =
        array_grow(t->cells, &t->cap, t->nrows + 1, 16, (t->ncols ? t->ncols : 1) * sizeof *grown);
    if (!grown)
        return false;
    t->cells = grown;
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
    if (t && col < t->ncols) {
        t->flex[col] = true;
        t->any_flex = true;
    }
}

void table_paint(struct table *t, size_t col)
{
    if (t && col < t->ncols)
        t->paint[col] = true;
}

/* Cut the widest flexible column by one until the line fits (or none can). */
static bool flexible(const struct table *t, size_t c)
{
    return t->any_flex ? t->flex[c] : true;
}

static void fit_widths(const struct table *t, size_t widths[])
{
    size_t fit = t->fit ? t->fit : line_width;
    if (!fit)
        return;
    for (;;) {
        size_t total = 0, widest = t->ncols;
        for (size_t c = 0; c < t->ncols; c++) {
            total += widths[c] + (c + 1 < t->ncols ? 2 : 0);
            if (flexible(t, c) && widths[c] > 6 &&
                (widest == t->ncols || widths[c] > widths[widest]))
                widest = c;
        }
        if (total <= fit || widest == t->ncols)
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

static void print_row(const struct table *t, const char *const cells[], const size_t widths[],
                      bool head)
{
    char buf[1024];
    for (size_t c = 0; c < t->ncols; c++) {
        size_t max = c < TABLE_MAX_COLS ? t->limit[c] : 0;
        if (c < TABLE_MAX_COLS && flexible(t, c) && (max == 0 || widths[c] < max))
            max = widths[c];
        const char *cell = cut(cells[c], max, buf, sizeof buf);
        const char *on = !head && t->paint[c] ? out_state_colour(cells[c]) : "";
        fputs(on, stdout);
        put_clean(cell);
        if (*on)
            fputs(out_colour_end(), stdout);
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
    print_row(t, t->heads, widths, true);
    for (size_t r = 0; r < t->nrows; r++)
        print_row(t, (const char *const *)(t->cells + r * t->ncols), widths, false);
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
