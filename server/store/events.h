/*
 * events.h (store) - the event log of a case: appending one act.
 *
 * The act's row and its case row's move (stage, version, event count,
 * chain head, disclosure to the Kejari) are one statement: the chain's
 * trigger (sql/0004_chain.sql) computes the row's hash from the case row as
 * it stood, and the case row takes the new head from the row inserted.
 */
#ifndef BERKAS_STORE_EVENTS_H
#define BERKAS_STORE_EVENTS_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* One act as appended; NULL and 0 are SQL NULL where the column allows it. */
struct event_append {
    long long case_id;
    int seq; /* the case's events + 1 */
    const char *type, *legal_date, *legal_at, *doc_number;
    long long party_id, corrects;
    const char *regime, *stage_before, *stage_after;
    const char *payload; /* a JSON object's text */
    long long entered_by;
    bool late;
    bool discloses; /* the act discloses the case to its Kejari (once) */
};

struct event_appended {
    long long id;  /* the row's id */
    char hash[65]; /* its hash in hex: the case's chain head now */
    int version;   /* the case row's version now */
};

/* Append a->... inside tx (the case row is locked by the caller). */
BERKAS_MUST_CHECK bool store_events_append(struct tx *tx, const struct event_append *a,
                                           struct event_appended *out, struct berr *err);

/* A result to come: of a statement sent with the transaction's next round
 * trip (tx_defer_keep).  Opaque to the caller; zeroed before use. */
struct pg_result;
struct store_later {
    struct pg_result *r;
};

/* The act's summary row and snapshot, written by the act's own statement (sql/0042). */
struct event_summary {
    const char *summary;  /* one summary_compute object, without its snapshot */
    const char *snapshot; /* the snapshot's text, as kept (sql/0040) */
    int format, events;   /* the snapshot's key; its last event is the act's row */
};

/* store_events_append with the row's id given (taken with the case row:
 * store_casefile_head_for_write), sent with the transaction's next round
 * trip (on the write path with the summary, the audit line and the COMMIT:
 * tx_defer), not a round trip of its own: what the act's answer and its
 * summary need is known before (the id, and the case row's version + 1
 * under its lock).  Its error, or a case row it did not move, fails that
 * round trip and so the transaction.  With s (may be NULL), the act's summary and snapshot
 * go in by the same statement, for the same acting user (app.record_act_summary: one call, the
 * fence asked once).  store_events_appended gives the row once sent (false if it was not). */
BERKAS_MUST_CHECK bool store_events_append_later(struct tx *tx, const struct event_append *a,
                                                 long long id, const struct event_summary *s,
                                                 struct store_later *l, struct berr *err);
bool store_events_appended(struct store_later *l, struct event_appended *out);

/* Let go of a result to come: one not sent yet is no longer kept. */
void store_later_drop(struct tx *tx, struct store_later *l);

#endif
