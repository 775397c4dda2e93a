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

/* j, indented, on stdout. */
void out_json(const json_t *j);

/* "key         value": the value in the 13th column. */
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
 * (table_flex), the widest first, down to 6 characters each.  0: no limit. */
void table_fit(struct table *t, size_t width);
void table_flex(struct table *t, size_t col);
void table_free(struct table *t);

#endif
