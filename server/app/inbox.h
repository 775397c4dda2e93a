/*
 * inbox.h - the prosecutor's inbox (issue 10, item 4; inbox.c over
 * store/inbox.h).
 *
 * Every list is SQL over app.case_summaries (summary.h) through a query
 * module of server/store/: one query per page, paged by a cursor on the
 * list's own order, never OFFSET, behind the same two fences as every case
 * read (the role's WHERE clause, and row-level security on the summary's
 * own columns).  Results are jansson documents the caller owns; errors say
 * what was wrong in Indonesian.
 */
#ifndef BERKAS_APP_INBOX_H
#define BERKAS_APP_INBOX_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

struct inbox_filter {
    const char *unread; /* "true": only what the caller has not read */
    const char *kind;   /* the latest arrival: spdp, tahap1, resend, tahap2, sp3, short */
    const char *mine;   /* "true": only the cases naming the caller jaksa peneliti */
    long long case_id;  /* one case, or 0 */
    const char *cursor;
    int limit;
};

/* What arrived at the prosecutor's Kejari, one row per case: the arrivals
 * with their dates sent and received, read or not by the caller, the
 * sending office, suspects, offences, the jaksa, the prosecutor's own
 * deadline, and what they may do next in their verbs.  Prosecutors only. */
BERKAS_MUST_CHECK json_t *app_inbox_list(struct app *app, const struct actor *who,
                                         const struct inbox_filter *f, struct audit_rec *au,
                                         struct berr *err);

/* Mark arrivals read by the caller: events (arrival event ids) and/or
 * cases (every arrival of each).  404 when one is not an arrival at the
 * caller's Kejari. */
BERKAS_MUST_CHECK json_t *app_inbox_read(struct app *app, const struct actor *who, json_t *events,
                                         json_t *cases, struct audit_rec *au, struct berr *err);

#endif
