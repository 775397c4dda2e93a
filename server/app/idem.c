/* idem.c - see idem.h. */
#include "idem.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "store/idem.h"
#include "store/tx.h"

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
    struct store_idem_key row;
    tx_last(&tx); /* the read ends the transaction: one round trip, no ROLLBACK of its own */
    bool ok = store_idem_key(&tx, who->user_id, k->key, k->fingerprint, &row, err);
    tx_end(&tx);
    if (!ok)
        return -1;
    int state = IDEM_NEW;
    if (row.found && !row.same_request) {
        state = IDEM_MISMATCH;
    } else if (row.found && row.status == 0) {
        state = IDEM_PENDING;
    } else if (row.found) {
        state = IDEM_REPLAY;
        ans->status = row.status;
        ans->body = strdup(row.body);
        snprintf(ans->location, sizeof ans->location, "%s", row.location);
        if (!ans->body) {
            store_idem_key_free(&row);
            berr_set(err, BERR_INTERNAL, "out of memory");
            return -1;
        }
    }
    store_idem_key_free(&row);
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
    /* an expired key of this user is forgotten first, so it may act again */
    bool claimed;
    if (!store_idem_claim(tx, who->user_id, k->key, k->fingerprint, &claimed, err))
        return false;
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
    char *text = strndup(body ? body : "", body ? len : 0);
    if (!text) {
        tx_end(&tx);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    bool ok =
        store_idem_answer(&tx, who->user_id, k->key, status, text, location ? location : "", err) &&
        tx_commit(&tx, err);
    tx_end(&tx);
    free(text);
    return ok;
}
