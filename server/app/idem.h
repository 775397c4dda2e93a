/*
 * idem.h - Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header):
 * a create retried with the same key gets the first answer, and acts once.
 *
 * One implementation for every route that creates something.  The key is
 * claimed in the transaction of the act itself, with the audit line
 * (audit_ok() calls idem_claim()), so the key's row exists exactly when the
 * act committed; the answer is stored right after the commit.  A retry:
 *   - finds the row with the same fingerprint: gets the stored answer;
 *   - finds it with another fingerprint (other body, other path): 422;
 *   - finds it without an answer yet (the first is finishing): waits a
 *     moment, then 409 with Retry-After;
 *   - runs concurrently with its twin: the twin's claim waits on the key's
 *     unique index, finds it taken, and its whole transaction rolls back;
 *     the caller then answers with the first one's answer.
 * Keys live idempotency.keep_hours (app.settings, 24 by default), then are
 * forgotten: the same key then acts again.
 */
#ifndef BERKAS_APP_IDEM_H
#define BERKAS_APP_IDEM_H

#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct tx;

#define IDEM_KEY_MAX 200

struct idem {
    char key[IDEM_KEY_MAX + 1]; /* "" = the request has none */
    char fingerprint[65];       /* SHA-256 (hex) of method, path and body */
    bool claimed;               /* the key's row was written in the act's transaction */
};

/* What a key already stands for. */
enum idem_state {
    IDEM_NEW,      /* unknown (or expired): go ahead */
    IDEM_REPLAY,   /* answered: *ans holds the first answer */
    IDEM_MISMATCH, /* used for another request: 422 */
    IDEM_PENDING,  /* the act committed, its answer is not stored yet */
};

struct idem_answer {
    int status;
    char *body; /* malloc'd; the caller frees */
    char location[128];
};

/* Whether key is a usable Idempotency-Key: 1 to 200 visible ASCII characters. */
BERKAS_MUST_CHECK bool idem_key_ok(const char *key);

/* Fill k for a request; key NULL or "" means none. */
void idem_prepare(struct idem *k, const char *key, const char *method, const char *path,
                  const char *body, size_t body_len);

/* What who's key stands for (a short read of its own).  IDEM_PENDING is
 * waited on for up to wait_ms before it is returned.  -1 with err set when
 * the database cannot say. */
BERKAS_MUST_CHECK int app_idem_lookup(struct app *app, const struct actor *who,
                                      const struct idem *k, struct idem_answer *ans, int wait_ms,
                                      struct berr *err);

/* Inside the act's transaction: take the key (once; later calls do nothing).
 * BERR_CONFLICT when another request holds it: the act must roll back. */
BERKAS_MUST_CHECK bool idem_claim(struct tx *tx, const struct actor *who, struct idem *k,
                                  struct berr *err);

/* After the act committed: keep its answer for the retries. */
BERKAS_MUST_CHECK bool app_idem_store(struct app *app, const struct actor *who,
                                      const struct idem *k, int status, const char *body,
                                      size_t len, const char *location, struct berr *err);

#endif
