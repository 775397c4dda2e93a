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

#endif
