/*
 * review.h - the supervisors' review list and its counts per office
 * (issue 10, item 1; review.c over store/review.h).
 *
 * Every list is SQL over app.case_summaries (summary.h) through a query
 * module of server/store/: one query per page, paged by a cursor on the
 * list's own order, never OFFSET, behind the same two fences as every case
 * read (the role's WHERE clause, and row-level security on the summary's
 * own columns).  Results are jansson documents the caller owns; errors say
 * what was wrong in Indonesian.
 */
#ifndef BERKAS_APP_REVIEW_H
#define BERKAS_APP_REVIEW_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

struct review_filter {
    const char *office; /* an office of the caller's subtree: id or code; NULL: all of it */
    const char *reason; /* a clock code, "stall" or "damaged" */
    const char *actor;  /* investigator, prosecutor, court, supervisor */
    const char *stage;
    const char *state;  /* overdue, stalled, warning, ok, damaged */
    const char *mine;   /* "true"/"false": only the caller's own cases (investigators: true) */
    const char *cursor; /* from the previous page */
    int limit;          /* 1..100, 0 = 50 */
};

/* Every file of the caller's reach with a deadline or a stall, the earliest
 * first (the longest overdue on top): why, who must act, by when in the
 * office's time, age, P-19 rounds, detentions, directions.  Investigators
 * (own office) and supervisors (their subtree).  Audited. */
BERKAS_MUST_CHECK json_t *app_review_list(struct app *app, const struct actor *who,
                                          const struct review_filter *f, struct audit_rec *au,
                                          struct berr *err);

/* Per office of the caller's reach: files listed, overdue, stalled, in
 * warning, damaged, directions overdue, ping-pong. */
BERKAS_MUST_CHECK json_t *app_review_counts(struct app *app, const struct actor *who,
                                            const char *office, struct audit_rec *au,
                                            struct berr *err);

#endif
