/* events.c (store) - see events.h. */
#include "events.h"

#include <stdio.h>
#include <stdlib.h>

#include "stmt.h"
#include "tx.h"

/* The act's row and the case row's move, by app.record_act (sql/0027): it asks
 * the fence once and writes past the two tables' per-row policies what they
 * would let this user write, else raises 42501 (403); a case row not moved
 * raises serialization_failure, a conflict the client may try again (409). */
#define RECORD_ACT                                                                                 \
    "SELECT id, hash, version FROM app.record_act($1::bigint, $2::int, $3, $4::date, "             \
    "$5::timestamptz, $6, $7::bigint, $8::bigint, $9, $10, $11, $12::jsonb, $13::bigint, "         \
    "$14::boolean, $15::boolean, "

static const struct stmt append = {"events.append", 15, RECORD_ACT "NULL)"};

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

/* The append with the row's id given: sent with the COMMIT, it fails that
 * round trip rather than leave a row the case's head does not name. */
static const struct stmt append_id = {"events.append_id", 16, RECORD_ACT "$16::bigint)"};

/* ... and with the act's summary and snapshot (sql/0042): the same act, the same answers. */
static const struct stmt append_summary = {
    "events.append_summary", 20,
    "SELECT id, hash, version FROM app.record_act_summary($1::bigint, $2::int, $3, $4::date, "
    "$5::timestamptz, $6, $7::bigint, $8::bigint, $9, $10, $11, $12::jsonb, $13::bigint, "
    "$14::boolean, $15::boolean, $16::bigint, $17::jsonb, $18, $19::int, $20::int, NULL)"};

bool store_events_append_later(struct tx *tx, const struct event_append *a, long long id,
                               const struct event_summary *s, struct store_later *l,
                               struct berr *err)
{
    char cid[24], seq[16], party[24], corrects[24], uid[24], eid[24], format[16], events[16];
    snprintf(seq, sizeof seq, "%d", a->seq);
    snprintf(format, sizeof format, "%d", s ? s->format : 0);
    snprintf(events, sizeof events, "%d", s ? s->events : 0);
    const char *p[20] = {stmt_id(cid, a->case_id),
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
                         stmt_id(eid, id),
                         s ? s->summary : NULL,
                         s ? s->snapshot : NULL,
                         format,
                         events};
    const struct stmt *st = s ? &append_summary : &append_id;
    return tx_defer_keep(tx, st->name, st->sql, st->nparams, p, (PGresult **)&l->r, err);
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
