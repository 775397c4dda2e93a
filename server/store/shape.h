/*
 * shape.h (store, internal) - a named statement whose text is put together
 * from fixed fragments by which filters a list request carries (the review
 * list, the inbox, the directions).
 *
 * One text per combination of filters, each prepared and planned for what
 * it filters: a single statement with "($n IS NULL OR ...)" for every
 * filter flips to a generic plan after a few calls and scans (MEASURED.md).
 * Checked again for the review list at 100k cases (EXPLAIN ANALYZE, the
 * national supervisor): the generic plan of such a statement cannot use a
 * partial index, so its stall page walks the reach's whole deadline index
 * (41-100 ms) where the stall page's own statement walks the stall index
 * (0.6 ms, sql/0020); unfiltered and actor pages were as fast either way.
 * The statement's name says its shape ("review.list.s2.c-a-"): the caller
 * puts into the name one mark for every choice that changes the text, so
 * that one name never stands for two texts on a connection.  The text never
 * holds input: a fragment marks its parameter "$?", and the value goes into
 * the parameter list.
 */
#ifndef BERKAS_STORE_SHAPE_H
#define BERKAS_STORE_SHAPE_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"
#include "stmt.h"

struct tx;

#define SHAPE_PARAMS 16

struct shape {
    char name[64];
    char text[6144];
    size_t len;
    const char *params[SHAPE_PARAMS];
    int n;
    bool overflow; /* the text or the parameters did not fit: not run */
};

/* Start: name and the first fragment, with nparams parameters ($1..)
 * already named by number in it; their values follow in params. */
void shape_start(struct shape *s, const char *name, const char *fragment, int nparams,
                 const char *const *params);

/* Append fragment; each of its "$?" becomes $N for value, the next
 * parameter.  Without value the fragment is appended as it is. */
void shape_add(struct shape *s, const char *fragment, const char *value);

/* Append a mark to the name (one for each choice that changes the text). */
void shape_mark(struct shape *s, const char *mark);

/* Run it inside tx, as stmt_query. */
BERKAS_MUST_CHECK PGresult *shape_query(struct tx *tx, const struct shape *s, struct berr *err);

/* A list's page in one call: a shape (malloc()ed: it is 6 KB) put together
 * by build(s, ctx), run inside tx, and its rows as C structs as stmt_rows
 * fills them (size, fill, items, n), the result kept in *res for the
 * strings the rows point into (NULL when there are no rows: the caller's
 * _free PQclear()s it).  false with err set when out of memory or the
 * statement failed (nothing kept). */
typedef void shape_build_fn(struct shape *s, const void *ctx);
BERKAS_MUST_CHECK bool shape_rows(struct tx *tx, shape_build_fn *build, const void *ctx,
                                  size_t size, stmt_row_fn *fill, void **items, int *n, void **res,
                                  struct berr *err);

#endif
