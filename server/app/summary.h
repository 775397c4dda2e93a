/*
 * summary.h - what the lists need of one case, derived from its log: the
 * row of app.case_summaries (sql/0009_review.sql).
 *
 * summary_compute() is the one function that derives it, from the core's own
 * output (clock_compute, the stage machine, the rule sets): the earliest
 * running clock and who must act on it, when the first warning begins, the
 * stage and the legal date it began, the last act, "no act for N days" with N
 * the stage's rule-set threshold, P-19 rounds and ping-pong, directions,
 * running detentions per suspect, the arrivals at the Kejari and the
 * prosecutor's own deadline, and the dates statistics need.  It never reads
 * `now`: deadlines are instants, compared with now() by the query, so a
 * stored row stays true as time passes.
 *
 * Invariant: a stored summary equals summary_compute() of its case's log
 * under the rule sets whose fingerprint (rules_sig) it carries.  The write
 * path keeps it (summary_write, in the event's own transaction); a rule-set
 * amendment changes the fingerprint, and summary_sweep() rewrites every row
 * whose fingerprint is not the current one; summary_sweep() also rebuilds
 * and checks every row on demand.  The case's snapshot (snapshot.h) rides
 * with the row: written by the same statement, checked and rebuilt by the
 * same sweep.  Keep the derivation in summary_compute().
 */
#ifndef BERKAS_APP_SUMMARY_H
#define BERKAS_APP_SUMMARY_H

#include <jansson.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "casefile.h"
#include "core/error.h"
#include "core/ruleset.h"
#include "core/mustcheck.h"

struct tx;
struct db_pool;

/* The summary of cf - its log, stage and version as loaded (the write path
 * appends the act it records first) - as one JSON object whose members are
 * the columns of app.case_summaries, instants as Unix seconds, absent
 * values as null.  A log that does not load gives a summary marked damaged
 * that sorts first.  NULL with err only when out of memory. */
BERKAS_MUST_CHECK json_t *summary_compute(const struct casefile *cf, struct berr *err);

/* What the summary reads of the log beyond the clocks - the stage's legal start, the last
 * act, P-19 rounds, the arrivals at the Kejari and their receipts, the dates statistics count
 * from, detention periods, an unlawful detention - walked one effective event at a time, so
 * that the write path keeps it in the case's snapshot (snapshot.h) and steps it by its one
 * act: summary_walk_step over the effective events of a log from summary_walk_init is
 * summary_walk_log of it. */
#define SUMMARY_DATES 8 /* the statistics' dates: sprindik_on, p21_on, ... */

struct summary_arrival {
    int event;    /* log index */
    int kind;     /* spdp, tahap1, resend, tahap2, sp3, short */
    int received; /* log index of the receipt, or -1 */
};

struct summary_period {
    long long party_id; /* 0: no such suspect */
    struct caldate from, to;
};

struct summary_walk {
    enum stage stage; /* the replayed stage */
    struct caldate stage_since;
    bool any; /* an effective event was walked */
    int last; /* log index of the last act, -1 */
    struct caldate last_on;
    int p19_rounds;
    int narrivals;
    size_t arrcap;
    struct summary_arrival *arrivals;
    struct caldate dates[SUMMARY_DATES]; /* invalid: no such act */
    int nclosed;
    size_t closedcap;
    struct summary_period *closed;                 /* detention periods ended, in order */
    struct caldate held_since[EVLOG_MAX_SUSPECTS]; /* per suspect: detained since, or invalid */
    bool unlawful; /* a detention recorded as unlawful (KUHAP 19(1); 13.7) */
};

void summary_walk_init(struct summary_walk *w);

/* Walk the effective event e, act i of cf's log.  false out of memory. */
BERKAS_MUST_CHECK bool summary_walk_step(struct summary_walk *w, const struct casefile *cf, int i,
                                         const struct case_event *e);

/* The walk of cf's whole log (initialised here).  false out of memory. */
BERKAS_MUST_CHECK bool summary_walk_log(const struct casefile *cf, struct summary_walk *w);

void summary_walk_free(struct summary_walk *w);

/* The walk as the snapshot keeps it (suspects by party id); a new object. */
BERKAS_MUST_CHECK json_t *summary_walk_json(const struct casefile *cf,
                                            const struct summary_walk *w);

/* Read the walk back (initialised here); false when o is not one (w is then freed). */
BERKAS_MUST_CHECK bool summary_walk_read(const struct casefile *cf, json_t *o,
                                         struct summary_walk *w);

/* What the write path has already worked out for cf's log (the act appended),
 * so that summary_compute_with does not fold the log for it again. */
struct summary_known {
    const struct clock_set *clocks;  /* casefile_clocks of cf as of cf->now, with room for every
                                        clock (summary_clock_room); it also proved the log loads */
    const struct evlog_fold *facts;  /* the fold of cf's log (the case's state, snapshot.h) */
    const struct summary_walk *walk; /* the walk of cf's log */
};

/* summary_compute from what is known (either member may be NULL: derived
 * here, as summary_compute does); the same object. */
BERKAS_MUST_CHECK json_t *summary_compute_with(const struct casefile *cf,
                                               const struct summary_known *known, struct berr *err);

/* How many clocks cf's log can have: the room casefile_clocks needs. */
BERKAS_MUST_CHECK int summary_clock_room(const struct casefile *cf);

/* Insert or replace the rows (an array of summary_compute objects, each with
 * its case's snapshot as member "snapshot", or null to leave it), the
 * snapshots before the summaries as an act writes them (store_summaries_put);
 * each case's office, Kejari, disclosure and office path are
 * taken from its own row, not from the input.  Deferred (tx_defer): it goes
 * with the transaction's next statement, whose error is then its error. */
BERKAS_MUST_CHECK bool summary_store(struct tx *tx, json_t *rows, struct berr *err);

/* summary_compute and summary_store of one case with its snapshot (snapshot.h;
 * taken, may be NULL when out of memory: an error): the write path's call,
 * inside the transaction that recorded the act, one statement for both, as
 * the acting user, who must be one that may read the case
 * (store_summaries_record).  When text is not NULL, *text is the snapshot's
 * text as sent, the very bytes the case row reads back (sql/0040; malloc'd,
 * *len bytes), or NULL on failure. */
BERKAS_MUST_CHECK bool summary_write(struct tx *tx, const struct casefile *cf, json_t *snapshot,
                                     const struct summary_known *known, char **text, size_t *len,
                                     struct berr *err);

/* What summary_write sends, made and not sent: the summary row's text, the snapshot's text
 * (the very bytes the case row reads back) and its key (format, events, last event), for a
 * caller that writes them with the act (store_events_append_later).  Each text malloc'd. */
struct summary_texts {
    char *row;
    char *snapshot;
    size_t snapshot_len;
    int format, events;
    long long last_event;
};

/* Fill t from cf and its snapshot (taken, may be NULL when out of memory: an error) as
 * summary_write would send them; on failure t holds nothing. */
BERKAS_MUST_CHECK bool summary_texts_make(const struct casefile *cf, json_t *snapshot,
                                          const struct summary_known *known,
                                          struct summary_texts *t, struct berr *err);

void summary_texts_free(struct summary_texts *t);

/* summary_write of case id as it stands, its log read and folded afresh, as who (who may read
 * it), inside tx: for a write that changes what the snapshot was folded with but records no
 * act (a suspect added or corrected: the foreign suspects' consular clocks, snapshot.h). */
BERKAS_MUST_CHECK bool summary_refresh(struct tx *tx, const struct actor *who, long long case_id,
                                       struct berr *err);

/* A fingerprint of the rule sets (names, dates, every value and mark) and of
 * the derivation's own version, kept with each summary so that an amendment
 * or a new berkasd shows which rows are stale. */
BERKAS_MUST_CHECK long long summary_rules_sig(const struct ruleset *sets, int n);

/* Every mode below covers the case's snapshot (snapshot.h) too: compared with
 * a fresh fold of the log (the column "snapshot" when they differ), rewritten
 * with the row; stale also when of another format or another log. */
enum summary_mode {
    SUMMARY_CHECK,   /* compare every stored row with its recomputation */
    SUMMARY_REPAIR,  /* compare, and rewrite the rows that differ or are missing */
    SUMMARY_REBUILD, /* rewrite every row */
    SUMMARY_STALE,   /* rewrite the rows missing or computed under other rule sets */
};

struct summary_report {
    long long cases;      /* cases visited */
    long long written;    /* rows written */
    long long mismatched; /* rows that differed from their recomputation (or were missing) */
    long long damaged;    /* cases whose log does not load */
    json_t *mismatches;   /* up to 100 of them: {case_id, number, columns}; caller decrefs */
    bool stopped;         /* summary_sweep_until: asked to stop before the last batch */
};

/* Walk every case under office root (0: every case) in batches of one
 * transaction each, on pool (connections as berkas_maint), and do mode.
 * rep is filled (rep->mismatches allocated; the caller decrefs it). */
BERKAS_MUST_CHECK bool summary_sweep(struct db_pool *pool, long long root, enum summary_mode mode,
                                     struct summary_report *rep, struct berr *err);

/* As summary_sweep, but it stops between two batches once *stop is true
 * (berkasd stopping: the start-up sweep of a national database takes tens of
 * minutes, and a service manager kills what does not stop within seconds).
 * What the finished batches wrote stays written, each its own transaction;
 * the rows left are still stale, so the next sweep takes them up.  Returns
 * true with rep->stopped set when it stopped early. */
BERKAS_MUST_CHECK bool summary_sweep_until(struct db_pool *pool, long long root,
                                           enum summary_mode mode, const atomic_bool *stop,
                                           struct summary_report *rep, struct berr *err);

/* Whether a summary's detail holds, among its arrivals at the Kejari, a hand-over under the
 * short procedure (kind "short", UU 6/2011 Pasal 110): a handed_over file's stage is then that,
 * not Tahap II (core/stage.h stage_label_of) - what the lists read of it. */
bool summary_handed_short(json_t *detail);

/* What a supervisor's list shows beside the clocks (issue 13.3): "p19_out_of_time" when
 * a return was recorded after the prosecutor's period, with its reason.  A new array. */
BERKAS_MUST_CHECK json_t *summary_flags(const struct casefile *cf);

/* summary_flags with the log's facts from fold (the case's folded state) instead of a fold of
 * cf's log; fold NULL: as summary_flags. */
BERKAS_MUST_CHECK json_t *summary_flags_from(const struct casefile *cf,
                                             const struct evlog_fold *fold);

/* summary_flags_from with the walk of cf's log too (NULL: the log is read for it). */
BERKAS_MUST_CHECK json_t *summary_flags_known(const struct casefile *cf,
                                              const struct evlog_fold *fold,
                                              const struct summary_walk *walk);

#endif
