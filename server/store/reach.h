/*
 * reach.h (store) - the offices behind a list's reach (app/reach.h): how
 * deep the caller's office sits in its tree, and the office a filter names
 * (by id or code) with its depth and whether it lies under the caller's.
 */
#ifndef BERKAS_STORE_REACH_H
#define BERKAS_STORE_REACH_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* The column of app.case_summaries (and of its indexes, sql/0009, 0020)
 * that holds a reach: the office itself, or its ancestor at depth 1, 2 or
 * 3 (Ditjen, a Kanwil, a Kantor with its UKK). */
enum store_scope { STORE_SCOPE_OFFICE, STORE_SCOPE1, STORE_SCOPE2, STORE_SCOPE3 };

/* For the query modules: the column's name, and a short mark for a
 * statement's name ("o", "s1", "s2", "s3"). */
const char *store_scope_column(enum store_scope s);
const char *store_scope_mark(enum store_scope s);

struct store_reach_offices {
    bool found;         /* the caller's office exists */
    int depth;          /* the caller's office: 1 for a root */
    bool named;         /* the filter names an office that exists */
    long long named_id; /* that office */
    int named_depth;
    bool named_under; /* it lies in the caller's subtree (itself included) */
};

/* The caller's office `office` and the office named by `filter` (an id or a
 * code, any case; NULL: none). */
BERKAS_MUST_CHECK bool store_reach_offices(struct tx *tx, long long office, const char *filter,
                                           struct store_reach_offices *out, struct berr *err);

#endif
