/*
 * idem.h (store) - the queries of Idempotency-Key (app/idem.h): the keys a
 * user claimed (app.idempotency), each with the fingerprint of its request
 * and, once the act committed, its answer.  A key older than the setting
 * idempotency.keep_hours is as if absent.
 */
#ifndef BERKAS_STORE_IDEM_H
#define BERKAS_STORE_IDEM_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* A fresh key of user (found false when none); same_request whether its
 * fingerprint is fingerprint; status 0 while its answer is not stored.
 * body lives until store_idem_key_free. */
struct store_idem_key {
    bool found, same_request;
    int status;
    const char *body;
    char location[128];
    void *res_;
};
BERKAS_MUST_CHECK bool store_idem_key(struct tx *tx, long long user, const char *key,
                                      const char *fingerprint, struct store_idem_key *out,
                                      struct berr *err);
void store_idem_key_free(struct store_idem_key *k);

/* Forget the user's expired keys, then take key for a request with
 * fingerprint (SHA-256, hex); *claimed false when the key is taken (a
 * concurrent twin waits on the key's index until the first commits). */
BERKAS_MUST_CHECK bool store_idem_claim(struct tx *tx, long long user, const char *key,
                                        const char *fingerprint, bool *claimed, struct berr *err);

/* The answer of the claimed key, once (a key answered keeps its answer);
 * sent with the transaction's next statement, its COMMIT (stmt_defer). */
BERKAS_MUST_CHECK bool store_idem_answer(struct tx *tx, long long user, const char *key, int status,
                                         const char *body, const char *location, struct berr *err);

#endif
