/* events.c (store) - see events.h. */
#include "events.h"

#include <stdio.h>

#include "stmt.h"

static const struct stmt append = {
    "events.append", 15,
    "WITH e AS (INSERT INTO app.events (case_id, seq, type, legal_date, legal_at, doc_number, "
    "party_id, corrects, regime, stage_before, stage_after, payload, entered_at, entered_by, "
    "late, prev_hash, hash) VALUES ($1::bigint, $2::int, $3, $4::date, $5::timestamptz, $6, "
    "$7::bigint, $8::bigint, $9, $10, $11::text, $12::jsonb, now(), $13::bigint, $14::boolean, "
    "'\\x00', '\\x00') RETURNING id, seq, hash) "
    "UPDATE app.cases c SET stage = $11::text, version = c.version + 1, events = e.seq, "
    "last_hash = e.hash, "
    "stage_since = CASE WHEN c.stage = $11::text THEN c.stage_since ELSE now() END, "
    "disclosed_at = CASE WHEN $15::boolean AND c.kejari_id IS NOT NULL THEN "
    "coalesce(c.disclosed_at, now()) ELSE c.disclosed_at END "
    "FROM e WHERE c.id = $1::bigint RETURNING e.id, encode(e.hash, 'hex'), c.version"};

bool store_events_append(struct tx *tx, const struct event_append *a, struct event_appended *out,
                         struct berr *err)
{
    char cid[24], seq[16], party[24], corrects[24], uid[24];
    snprintf(seq, sizeof seq, "%d", a->seq);
    const char *p[15] = {stmt_id(cid, a->case_id),
                         seq,
                         a->type,
                         a->legal_date,
                         a->legal_at,
                         a->doc_number ? a->doc_number : "",
                         a->party_id ? stmt_id(party, a->party_id) : NULL,
                         a->corrects ? stmt_id(corrects, a->corrects) : NULL,
                         a->regime,
                         a->stage_before,
                         a->stage_after,
                         a->payload,
                         stmt_id(uid, a->entered_by),
                         a->late ? "true" : "false",
                         a->discloses ? "true" : "false"};
    PGresult *r = stmt_query(tx, &append, p, err);
    if (!r)
        return false;
    bool ok = PQntuples(r) == 1;
    if (ok) {
        out->id = stmt_ll(r, 0, 0);
        stmt_copy(out->hash, sizeof out->hash, r, 0, 1);
        out->version = (int)stmt_ll(r, 0, 2);
    }
    PQclear(r);
    return ok || berr_set(err, BERR_INTERNAL, "the case row of the act was not updated");
}
