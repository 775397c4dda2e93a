/*
 * reach.h - whose files a list shows: the caller's reach as one indexed
 * column of app.case_summaries and its value (sql/0009: office_id, or the
 * office's ancestor at depth 1, 2 or 3), for the review list, its counts and
 * the directions.  Investigators: their own office; supervisors: their
 * subtree, or an office of it.
 */
#ifndef BERKAS_APP_REACH_H
#define BERKAS_APP_REACH_H

#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"
#include "store/reach.h"

struct tx;

struct reach {
    enum store_scope scope; /* the column: office_id, scope1, scope2, scope3 */
    long long office;       /* its value */
    bool empty;             /* the filter names an office outside the caller's reach */
};

/* The reach of who, narrowed to `office` (an id or a code; NULL: all of
 * it).  BERR_FORBIDDEN for other roles, BAD_INPUT naming "office" for an
 * unknown office. */
BERKAS_MUST_CHECK bool reach_of(struct tx *tx, const struct actor *who, const char *office,
                                struct reach *r, struct berr *err);

#endif
