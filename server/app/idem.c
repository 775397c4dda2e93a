/* idem.c - see idem.h. */
#include "idem.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "store/tx.h"

/* keys older than the setting are treated as absent */
#define FRESH                                                                                      \
    "created_at > now() - make_interval(hours => (SELECT value::int FROM app.settings "            \
    "WHERE key = 'idempotency.keep_hours'))"

bool idem_key_ok(const char *key)
{
    size_t n = key ? strlen(key) : 0;
    if (n == 0 || n > IDEM_KEY_MAX)
        return false;
    for (const char *p = key; *p; p++)
        if ((unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
            return false;
    return true;
}

void idem_prepare(struct idem *k, const char *key, const char *method, const char *path,
                  const char *body, size_t body_len)
{
    memset(k, 0, sizeof *k);
    if (!key || !*key)
        return;
    snprintf(k->key, sizeof k->key, "%s", key);
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    const char *parts[2] = {method, path};
    for (int i = 0; i < 2; i++) {
        crypto_hash_sha256_update(&st, (const unsigned char *)parts[i], strlen(parts[i]));
        crypto_hash_sha256_update(&st, (const unsigned char *)"\n", 1);
    }
    if (body && body_len)
        crypto_hash_sha256_update(&st, (const unsigned char *)body, body_len);
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, h);
    sodium_bin2hex(k->fingerprint, sizeof k->fingerprint, h, sizeof h);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static int lookup_once(struct app *app, const struct actor *who, const struct idem *k,
                       struct idem_answer *ans, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return -1;
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", who->user_id);
    const char *p[3] = {uid, k->key, k->fingerprint};
    PGresult *r =
        tx_query(&tx,
                 "SELECT status, body, location, encode(request_sha256, 'hex') = $3 "
                 "FROM app.idempotency WHERE user_id = $1::bigint AND key = $2 AND " FRESH,
                 3, p, err);
    tx_end(&tx);
    if (!r)
        return -1;
    int state = IDEM_NEW;
    if (PQntuples(r) == 1) {
        int status = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
        if (PQgetvalue(r, 0, 3)[0] != 't') {
            state = IDEM_MISMATCH;
        } else if (status == 0) {
            state = IDEM_PENDING;
        } else {
            state = IDEM_REPLAY;
            ans->status = status;
            ans->body = strdup(PQgetvalue(r, 0, 1));
            snprintf(ans->location, sizeof ans->location, "%s", PQgetvalue(r, 0, 2));
            if (!ans->body) {
                PQclear(r);
                berr_set(err, BERR_INTERNAL, "out of memory");
                return -1;
            }
        }
    }
    PQclear(r);
    return state;
}

int app_idem_lookup(struct app *app, const struct actor *who, const struct idem *k,
                    struct idem_answer *ans, int wait_ms, struct berr *err)
{
    memset(ans, 0, sizeof *ans);
    for (int waited = 0;; waited += 50) {
        int state = lookup_once(app, who, k, ans, err);
        if (state != IDEM_PENDING || waited >= wait_ms)
            return state;
        sleep_ms(50); /* the first request stores its answer right after its commit */
    }
}

bool idem_claim(struct tx *tx, const struct actor *who, struct idem *k, struct berr *err)
{
    if (!k || !k->key[0] || k->claimed || !who || who->user_id <= 0)
        return true;
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", who->user_id);
    const char *p[3] = {uid, k->key, k->fingerprint};
    /* an expired key of this user is forgotten first, so it may act again */
    if (!tx_exec(tx, "DELETE FROM app.idempotency WHERE user_id = $1::bigint AND NOT (" FRESH ")",
                 1, p, err))
        return false;
    /* a concurrent twin waits here until the first commits, then finds the key taken */
    PGresult *r = tx_query(tx,
                           "INSERT INTO app.idempotency (user_id, key, request_sha256, status, "
                           "body) VALUES ($1::bigint, $2, decode($3, 'hex'), 0, '') "
                           "ON CONFLICT (user_id, key) DO NOTHING RETURNING 1",
                           3, p, err);
    if (!r)
        return false;
    bool claimed = PQntuples(r) == 1;
    PQclear(r);
    if (!claimed)
        return berr_field(err, BERR_CONFLICT, "Idempotency-Key",
                          "permintaan lain dengan Idempotency-Key ini sudah dilaksanakan");
    k->claimed = true;
    return true;
}

bool app_idem_store(struct app *app, const struct actor *who, const struct idem *k, int status,
                    const char *body, size_t len, const char *location, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    char uid[24], st[8];
    snprintf(uid, sizeof uid, "%lld", who->user_id);
    snprintf(st, sizeof st, "%d", status);
    char *text = strndup(body ? body : "", body ? len : 0);
    if (!text) {
        tx_end(&tx);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    const char *p[5] = {uid, k->key, st, text, location ? location : ""};
    bool ok = tx_exec(&tx,
                      "UPDATE app.idempotency SET status = $3::int, body = $4, location = $5 "
                      "WHERE user_id = $1::bigint AND key = $2 AND status = 0",
                      5, p, err) &&
              tx_commit(&tx, err);
    tx_end(&tx);
    free(text);
    return ok;
}
