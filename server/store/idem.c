/* idem.c (store) - see idem.h. */
#include "idem.h"

#include <stdio.h>
#include <string.h>

#include "stmt.h"

/* keys older than the setting are treated as absent */
#define FRESH                                                                                      \
    "created_at > now() - make_interval(hours => (SELECT value::int FROM app.settings "            \
    "WHERE key = 'idempotency.keep_hours'))"

static const struct stmt key_of = {
    "idem.key", 3,
    "SELECT status, body, location, encode(request_sha256, 'hex') = $3 "
    "FROM app.idempotency WHERE user_id = $1::bigint AND key = $2 AND " FRESH};

static const struct stmt forget_expired = {
    "idem.forget_expired", 1,
    "DELETE FROM app.idempotency WHERE user_id = $1::bigint AND NOT (" FRESH ")"};

static const struct stmt claim = {
    "idem.claim", 3,
    "INSERT INTO app.idempotency (user_id, key, request_sha256, status, body) "
    "VALUES ($1::bigint, $2, decode($3, 'hex'), 0, '') "
    "ON CONFLICT (user_id, key) DO NOTHING RETURNING 1"};

static const struct stmt answer = {
    "idem.answer", 5,
    "UPDATE app.idempotency SET status = $3::int, body = $4, location = $5 "
    "WHERE user_id = $1::bigint AND key = $2 AND status = 0"};

bool store_idem_key(struct tx *tx, long long user, const char *key, const char *fingerprint,
                    struct store_idem_key *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char uid[24];
    const char *p[3] = {stmt_id(uid, user), key, fingerprint};
    PGresult *r = stmt_query(tx, &key_of, p, err);
    if (!r)
        return false;
    out->res_ = r;
    if (PQntuples(r) == 1) {
        out->found = true;
        out->status = (int)stmt_ll(r, 0, 0);
        out->body = PQgetvalue(r, 0, 1);
        stmt_copy(out->location, sizeof out->location, r, 0, 2);
        out->same_request = stmt_bool(r, 0, 3);
    }
    return true;
}

void store_idem_key_free(struct store_idem_key *k)
{
    PQclear(k->res_);
    memset(k, 0, sizeof *k);
}

bool store_idem_claim(struct tx *tx, long long user, const char *key, const char *fingerprint,
                      bool *claimed, struct berr *err)
{
    char uid[24];
    const char *p[3] = {stmt_id(uid, user), key, fingerprint};
    /* both in one round trip: the forgetting goes with the claim */
    if (!stmt_defer(tx, &forget_expired, p, err))
        return false;
    PGresult *r = stmt_query(tx, &claim, p, err);
    if (!r)
        return false;
    *claimed = PQntuples(r) == 1;
    PQclear(r);
    return true;
}

bool store_idem_answer(struct tx *tx, long long user, const char *key, int status, const char *body,
                       const char *location, struct berr *err)
{
    char uid[24], st[16];
    snprintf(st, sizeof st, "%d", status);
    const char *p[5] = {stmt_id(uid, user), key, st, body, location};
    return stmt_defer(tx, &answer, p, err); /* with the COMMIT that follows it */
}
