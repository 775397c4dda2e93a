/*
 * output.h - what the CLI prints on stdout: aligned tables, "key value"
 * lines, and JSON for --json.
 *
 * Text from the server is printed with control characters replaced, so a
 * name in the database cannot move the cursor or retitle the terminal.
 */
#ifndef BERKAS_CLI_OUTPUT_H
#define BERKAS_CLI_OUTPUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* How text is printed, once the options are known: lines fit 100 columns
 * unless wide (--wide); colour only on a terminal, and not when NO_COLOR
 * is set (https://no-color.org) or TERM is "dumb". */
void out_init(bool wide);
/* The width lines are fitted to: 100, or 0 (any) with --wide. */
size_t out_width(void);
/* Whether colour is on. */
bool out_colour(void);
/* The escape sequence that colours a state's text ("!! LEWAT WAKTU",
 * "overdue", "! peringatan", ...), or "" (none, or colour off). */
const char *out_state_colour(const char *text);
/* The sequence that ends a colour: "\033[0m" or "". */
const char *out_colour_end(void);

/* An instant from the server ("2026-11-23T17:22:03.126185+00:00", any
 * offset) as the office's clock shows it, to the minute, with the zone's
 * name: "2026-11-24 00:22 WIB" for Asia/Jakarta (WITA Asia/Makassar, WIT
 * Asia/Jayapura: Indonesia keeps no summer time).  iso itself when it does
 * not parse or the zone is another.  Returns buf. */
const char *out_when(const char *iso, const char *tz, char *buf, size_t size);

/* j, indented, on stdout. */
void out_json(const json_t *j);

/* "key         value": the value in the 13th column, wrapped at
 * out_width() with its continuation lines indented as far. */
void out_kv(const char *key, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The string at obj.key, "" when absent or not a string. */
const char *jstr(const json_t *obj, const char *key);

/* The integer at obj.key, 0 when absent or not an integer. */
long long jint(const json_t *obj, const char *key);

/* obj.key as text into buf: a string as is, a number in decimal, true and
 * false as "yes" and "no", null or absent as "".  Returns buf. */
const char *jtext(const json_t *obj, const char *key, char *buf, size_t size);

/* A table of text cells, printed with every column as wide as its widest
 * cell (in characters, not bytes); empty cells print as "-".  Every
 * table_new has a table_free. */
struct table;
struct table *table_new(size_t ncols, const char *const heads[]);
/* Append a row of ncols cells (copied; NULL is empty).  False when out of
 * memory. */
bool table_add(struct table *t, const char *const cells[]);
void table_print(const struct table *t);
/* Cut the cells of column col to at most max characters ("…" marks a cut)
 * when the table is printed.  0: no limit. */
void table_limit(struct table *t, size_t col, size_t max);
/* Print the table in at most width columns by cutting the flexible columns
 * (table_flex; every column when none is marked), the widest first, down to
 * 6 characters each.  0: out_width().  */
void table_fit(struct table *t, size_t width);
void table_flex(struct table *t, size_t col);
/* Colour the cells of column col by their text (out_state_colour). */
void table_paint(struct table *t, size_t col);
void table_free(struct table *t);

#endif
