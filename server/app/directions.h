/*
 * directions.h - a supervisor's directions as a list, and the reassignment
 * of files (issue 10, items 2 and 3; directions.c over
 * store/directions.h).  The acts themselves are acts.h's.
 *
 * Every list is SQL over app.case_summaries (summary.h) through a query
 * module of server/store/: one query per page, paged by a cursor on the
 * list's own order, never OFFSET, behind the same two fences as every case
 * read (the role's WHERE clause, and row-level security on the summary's
 * own columns).  Results are jansson documents the caller owns; errors say
 * what was wrong in Indonesian.
 */
#ifndef BERKAS_APP_DIRECTIONS_H
#define BERKAS_APP_DIRECTIONS_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

struct direction_filter {
    const char *state;  /* open (default: open and overdue), overdue, done, all */
    const char *office; /* an office of the caller's reach */
    const char *mine;   /* investigators: addressed to them or their office (default);
                           supervisors: given by them */
    const char *cursor;
    int limit;
};

/* The directions of the caller's reach, the earliest due first: text, due
 * date in the office's time, state, to whom, who gave it, done with what. */
BERKAS_MUST_CHECK json_t *app_directions_list(struct app *app, const struct actor *who,
                                              const struct direction_filter *f,
                                              struct audit_rec *au, struct berr *err);

struct reassign_input {
    json_t *cases;      /* ids or case numbers, 1..100 */
    json_t *add;        /* NIPs of investigators to add (of each case's office) */
    json_t *remove;     /* NIPs to take off */
    const char *reason; /* required */
};

/* A supervisor moves one or many files at once: one `reassigned` act per
 * file, all or none, each with the reason; audited as one line too. */
BERKAS_MUST_CHECK json_t *app_reassign(struct app *app, const struct actor *who,
                                       const struct reassign_input *in, struct audit_rec *au,
                                       struct berr *err);

#endif
