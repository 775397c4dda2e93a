/*
 * stmt.h - the named statements of the query modules (issue 12.1).
 *
 * SQL lives in server/store/: each query module (identity.c, offices.c,
 * audit.c, ...) keeps its statements as constant struct stmt, each with a
 * name that says what it does ("identity.account_by_nip"), and hands app/
 * C structs, never a PGresult.  A statement is prepared on the server under
 * its name at its first use on a connection and reused after; a connection
 * made anew (after a break or a database restart) prepares it again.
 * Parameters are always text parameters: no SQL is ever built from values.
 */
#ifndef BERKAS_STORE_STMT_H
#define BERKAS_STORE_STMT_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;
struct db_pool;

struct stmt {
    const char *name; /* "module.what": under 64 bytes, with a dot */
    int nparams;
    const char *sql;
};

/* One statement inside tx: the result (caller PQclear()s) or NULL with err
 * set, as tx_query. */
BERKAS_MUST_CHECK PGresult *stmt_query(struct tx *tx, const struct stmt *s,
                                       const char *const *params, struct berr *err);

/* As stmt_query when the result is not needed. */
BERKAS_MUST_CHECK bool stmt_exec(struct tx *tx, const struct stmt *s, const char *const *params,
                                 struct berr *err);

/* As stmt_exec, sent with the transaction's next statement (tx_defer): its
 * error is that statement's, or the commit's. */
BERKAS_MUST_CHECK bool stmt_defer(struct tx *tx, const struct stmt *s, const char *const *params,
                                  struct berr *err);

/* As stmt_query with binary values (a PDF): lengths and formats for the
 * parameters (NULL: all text), result_format 1 for binary results. */
BERKAS_MUST_CHECK PGresult *stmt_query_bin(struct tx *tx, const struct stmt *s,
                                           const char *const *params, const int *lengths,
                                           const int *formats, int result_format, struct berr *err);

/* One statement on its own (autocommit, as nobody), as db_once. */
BERKAS_MUST_CHECK PGresult *stmt_once(struct db_pool *pool, const struct stmt *s,
                                      const char *const *params, struct berr *err);

/* ---- for the query modules: values in and out ------------------------------------------ */

/* v as decimal text in buf (24 bytes), for a $n::bigint; returns buf. */
const char *stmt_id(char buf[24], long long v);

/* ids[0..n) as one array parameter for a $n::bigint[], "{3,5,8}", malloc()ed
 * (caller frees); NULL when out of memory. */
char *stmt_id_array(const long long *ids, int n);

/* The value at row, col as a number (0 when NULL), as a bool ('t'), and
 * copied into out (n bytes, cut to fit, "" when NULL). */
long long stmt_ll(const PGresult *r, int row, int col);
bool stmt_bool(const PGresult *r, int row, int col);
void stmt_copy(char *out, size_t n, const PGresult *r, int row, int col);

/* The elements of a one-dimensional array column's text ("{a,\"b c\",NULL}"):
 * stmt_array_max how many it has at most (for sizing), stmt_array_next the
 * next one at *pp, unquoted into *w (which it advances past the copy's NUL;
 * the text's length + 1 is room enough), *item NULL for NULL; false at the
 * end. */
int stmt_array_max(const char *text);
bool stmt_array_next(const char **pp, char **w, const char **item);

/* A statement that gives at most one row: *found (may be NULL) whether it
 * gave one, *value (may be NULL) its first column as a number (0 when it
 * gave none, or NULL).  false with err when the statement failed. */
BERKAS_MUST_CHECK bool stmt_one(struct tx *tx, const struct stmt *s, const char *const *params,
                                bool *found, long long *value, struct berr *err);

/* The rows of a result as C structs: one zeroed struct of `size` bytes a
 * row, calloc()ed into *items (NULL when there are none), each filled by
 * fill(r, row, item, ctx); *n their count.  r is a query's result or NULL
 * (the query failed, err set: false).  With res, r is kept in *res for the
 * strings the rows point into (the list's _free does free(items) and
 * PQclear(res)); with res NULL, r is cleared once the rows are filled (rows
 * that copied what they need).  Out of memory: r cleared, nothing kept,
 * false with err set. */
typedef void stmt_row_fn(const PGresult *r, int row, void *item, void *ctx);
BERKAS_MUST_CHECK bool stmt_rows(PGresult *r, size_t size, stmt_row_fn *fill, void *ctx,
                                 void **items, int *n, void **res, struct berr *err);

#endif
