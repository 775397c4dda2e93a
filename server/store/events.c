/* events.c (store) - see events.h. */
#include "events.h"

#include <stdio.h>
#include <stdlib.h>

#include "stmt.h"
#include "tx.h"

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
    /* the case row not moved though its lock is held: a concurrent change (as append_id's) */
    return ok || berr_set(err, BERR_CONFLICT, "a concurrent change got there first; try again");
}

/* The append with the row's id given, and a failure of its own when the case
 * row was not moved: sent with the COMMIT, it must fail that round trip
 * rather than leave a row the case's head does not name.  The policies that
 * let the row in also let the acting user move the case row (sql/0003, 0025)
 * and the caller holds its lock, so only a concurrent change leaves it
 * unmoved: app.case_unmoved raises serialization_failure (sql/0026), a
 * conflict the client may try again (409), as a stale version is. */
static const struct stmt append_id = {
    "events.append_id", 16,
    "WITH e AS (INSERT INTO app.events (id, case_id, seq, type, legal_date, legal_at, "
    "doc_number, party_id, corrects, regime, stage_before, stage_after, payload, entered_at, "
    "entered_by, late, prev_hash, hash) VALUES ($16::bigint, $1::bigint, $2::int, $3, $4::date, "
    "$5::timestamptz, $6, $7::bigint, $8::bigint, $9, $10, $11::text, $12::jsonb, now(), "
    "$13::bigint, $14::boolean, '\\x00', '\\x00') RETURNING id, seq, hash), "
    "u AS (UPDATE app.cases c SET stage = $11::text, version = c.version + 1, events = e.seq, "
    "last_hash = e.hash, "
    "stage_since = CASE WHEN c.stage = $11::text THEN c.stage_since ELSE now() END, "
    "disclosed_at = CASE WHEN $15::boolean AND c.kejari_id IS NOT NULL THEN "
    "coalesce(c.disclosed_at, now()) ELSE c.disclosed_at END "
    "FROM e WHERE c.id = $1::bigint RETURNING e.id, e.hash, c.version) "
    "SELECT id, encode(hash, 'hex'), version FROM u UNION ALL SELECT NULL, NULL, "
    "app.case_unmoved($16::bigint) WHERE NOT EXISTS (SELECT 1 FROM u)"};

static const struct stmt reserve = {"events.reserve", 0,
                                    "SELECT nextval('app.events_id_seq'::regclass)"};

bool store_events_reserve(struct tx *tx, struct store_later *l, struct berr *err)
{
    return tx_defer_keep(tx, reserve.name, reserve.sql, 0, NULL, (PGresult **)&l->r, err);
}

long long store_events_reserved(struct store_later *l)
{
    PGresult *r = (PGresult *)l->r;
    long long id = r && PQntuples(r) == 1 ? stmt_ll(r, 0, 0) : 0;
    PQclear(r);
    l->r = NULL;
    return id;
}

bool store_events_append_later(struct tx *tx, const struct event_append *a, long long id,
                               struct store_later *l, struct berr *err)
{
    char cid[24], seq[16], party[24], corrects[24], uid[24], eid[24];
    snprintf(seq, sizeof seq, "%d", a->seq);
    const char *p[16] = {stmt_id(cid, a->case_id),
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
                         a->discloses ? "true" : "false",
                         stmt_id(eid, id)};
    return tx_defer_keep(tx, append_id.name, append_id.sql, append_id.nparams, p,
                         (PGresult **)&l->r, err);
}

bool store_events_appended(struct store_later *l, struct event_appended *out)
{
    PGresult *r = (PGresult *)l->r;
    bool ok = r && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0);
    if (ok) {
        out->id = stmt_ll(r, 0, 0);
        stmt_copy(out->hash, sizeof out->hash, r, 0, 1);
        out->version = (int)stmt_ll(r, 0, 2);
    }
    PQclear(r);
    l->r = NULL;
    return ok;
}

void store_later_drop(struct tx *tx, struct store_later *l)
{
    if (tx)
        tx_forget(tx, (PGresult **)&l->r);
    PQclear((PGresult *)l->r);
    l->r = NULL;
}
