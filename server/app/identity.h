/*
 * identity.h - log-on, sessions, the banner, password hashes, and who may
 * change national settings (identity.c); the /verify look-ups' limit.
 *
 * The use cases of people and offices stand in a line: admin.c uses
 * identity.c (password hashes, this check), both use audit.c, and audit.c
 * uses neither.
 */
#ifndef BERKAS_APP_IDENTITY_H
#define BERKAS_APP_IDENTITY_H

#include <jansson.h>
#include <sodium.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct audit_rec;
struct tx;

#define SESSION_TOKEN_LEN 43 /* 32 random bytes, base64url without padding */

/* What log-on needs beside the database: the rate limits.
 * app_login_free() undoes it. */
BERKAS_MUST_CHECK bool app_login_init(struct app *app, struct berr *err);
void app_login_free(struct app *app);

/* Log on with NIP and password.  On success fills token (SESSION_TOKEN_LEN+1
 * bytes), who and *notices (what the owner must hear: locks of the account
 * and failed log-ons since their last log-on; caller frees).  An unknown
 * NIP, a wrong password, a locked and a disabled account all get the same
 * BERR_UNAUTHENTICATED, after the same work.  login.max_failures failures
 * within the window lock the account for login.lock_minutes, longer for each
 * lock that follows (0006).  Too many attempts from the address or for the
 * NIP: BERR_UNAVAILABLE with *retry_after (field "throttled").  The hash
 * takes about a tenth of a second and 64 MiB: call it off the request
 * workers, a bounded number at once (server.c's offload pool).  Every attempt is
 * audited. */
BERKAS_MUST_CHECK bool app_login(struct app *app, const char *nip, const char *password,
                                 struct actor *who, char *token, json_t **notices, int *retry_after,
                                 struct audit_rec *au, struct berr *err);

/* The actor behind a bearer token, if its session is open, not idle past
 * the limit, not older than the absolute limit, and its user not disabled.
 * Touches the session (idle clock).  BERR_UNAUTHENTICATED otherwise. */
BERKAS_MUST_CHECK bool app_session_check(struct app *app, const char *token, struct actor *who,
                                         struct berr *err);

/* End the actor's session. */
BERKAS_MUST_CHECK bool app_logout(struct app *app, const struct actor *who, struct audit_rec *au,
                                  struct berr *err);

/* The actor as a document: user, role, office. */
BERKAS_MUST_CHECK json_t *app_me(struct app *app, const struct actor *who, struct berr *err);

/* The log-on banner text (public). */
BERKAS_MUST_CHECK json_t *app_banner(struct app *app, struct berr *err);

/* Replace the banner (admin). */
BERKAS_MUST_CHECK bool app_banner_set(struct app *app, const struct actor *who, const char *text,
                                      struct audit_rec *au, struct berr *err);

/* Hash a password for storage (argon2id); false when out of memory. */
BERKAS_MUST_CHECK bool app_password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);

/* Public: whether client_addr may look up one more verification code now
 * (verify.address_per_minute); when not, *retry_after says when. */
BERKAS_MUST_CHECK bool app_verify_throttle(struct app *app, const char *client_addr,
                                           int *retry_after);

/* Whether who is an admin at the root of a tree (Ditjen, Kejaksaan Agung):
 * national settings (rule sets, the banner) are theirs.  BERR_FORBIDDEN
 * otherwise. */
BERKAS_MUST_CHECK bool admin_at_root(struct tx *tx, const struct actor *who, struct berr *err);

#endif
