/*
 * workspace.h - the supervisors' and prosecutors' workspace (issue 10): the
 * review list and its counts per office, directions, the team of a case,
 * the prosecutor's inbox, statistics, and the summaries' check.
 *
 * Every list here is SQL over app.case_summaries (summary.h): one query per
 * page, paged by a cursor on the list's own order, never OFFSET, behind the
 * same two fences as every case read (the role's WHERE clause here, and
 * row-level security on the summary's own columns).  Results are jansson
 * documents the caller owns; errors say what was wrong in Indonesian.
 */
#ifndef BERKAS_APP_WORKSPACE_H
#define BERKAS_APP_WORKSPACE_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

/* ---- the review list (review.c) ---------------------------------------------------- */

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

/* ---- directions and the team (directions.c, acts.h) ---------------------------------- */

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

/* ---- the prosecutor's inbox (inbox.c) -------------------------------------------------- */

struct inbox_filter {
    const char *unread; /* "true": only what the caller has not read */
    const char *kind;   /* the latest arrival: spdp, tahap1, resend, tahap2 */
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

/* ---- statistics (stats.c) ------------------------------------------------------------ */

struct stats_request {
    const char *month;  /* YYYY-MM, or */
    const char *year;   /* YYYY */
    const char *office; /* an office of the caller's reach; NULL: all of it */
};

/* The report of a month or a year per office of the caller's reach and for
 * the whole reach: files per stage at the period's end, the acts of the
 * period, files per Pasal, pro justitia and TAK, P-19 rounds, days from
 * Sprindik to P-21 and from P-21 to Tahap II, detention days, late entries.
 * Investigators (their office) and supervisors (their subtree).  Audited. */
BERKAS_MUST_CHECK json_t *app_stats(struct app *app, const struct actor *who,
                                    const struct stats_request *rq, struct audit_rec *au,
                                    struct berr *err);

/* The report as CSV ("kantor,bagian,kunci,nilai" lines, CRLF); malloc'd, NULL when
 * out of memory. */
BERKAS_MUST_CHECK char *app_stats_csv(json_t *stats);

/* The report as a PDF with its charts (templates/laporan_statistik.xml); *pdf
 * malloc'd. */
BERKAS_MUST_CHECK bool app_stats_pdf(struct app *app, const struct actor *who,
                                     const struct stats_request *rq, unsigned char **pdf,
                                     size_t *len, struct audit_rec *au, struct berr *err);

/* ---- summaries (review.c) ----------------------------------------------------------- */

/* Admin: compare every summary of the admin's subtree with its
 * recomputation from the log (repair: and rewrite those that differ);
 * names the cases that differ, never their contents.  Needs app->maint. */
BERKAS_MUST_CHECK json_t *app_summaries_check(struct app *app, const struct actor *who, bool repair,
                                              struct audit_rec *au, struct berr *err);

/* Start the thread that rewrites summaries computed under other rule sets
 * (after an amendment) and builds missing ones; app_summaries_wake() nudges
 * it.  Needs app->maint.  app_summaries_stop() joins it. */
BERKAS_MUST_CHECK bool app_summaries_start(struct app *app, struct berr *err);
void app_summaries_wake(struct app *app);
void app_summaries_stop(struct app *app);

#endif
