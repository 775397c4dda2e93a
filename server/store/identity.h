/*
 * identity.h (store) - the queries of log-on, sessions and users: accounts
 * and their password hashes, sessions by their token's SHA-256, the locks of
 * app.lockouts, the users an admin manages, the login settings and the
 * banner.  Row-level security and the grants (sql/0002, 0006) decide what
 * berkas_app may see and change; this module only asks.
 *
 * Results are C structs.  Fixed-size text (role, name, NIP) is copied;
 * lists and free text point into memory the list owns until its _free.
 */
#ifndef BERKAS_STORE_IDENTITY_H
#define BERKAS_STORE_IDENTITY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;
struct db_pool;

/* The columns of an acting user. */
struct store_user {
    long long id;
    char role[16]; /* "investigator", "supervisor", "prosecutor", "admin" */
    long long office_id;
    char name[201]; /* cut to fit, as struct actor holds it */
    char nip[19];
};

/* ---- log-on ----------------------------------------------------------------------------- */

/* The log-on rates of app.settings; false (out untouched) when one is
 * missing or the database did not answer. */
struct store_login_limits {
    int address, nip, verify; /* per minute */
};
BERKAS_MUST_CHECK bool store_login_limits(struct db_pool *db, struct store_login_limits *out,
                                          struct berr *err);

/* The account behind a NIP as it is now, read on its own (no transaction). */
struct store_account {
    bool found, locked, disabled;
    struct store_user user;
    char hash[128]; /* argon2id string (crypto_pwhash_STRBYTES) */
};
BERKAS_MUST_CHECK bool store_account_by_nip(struct db_pool *db, const char *nip,
                                            struct store_account *out, struct berr *err);

/* A failed log-on counted by app.login_failed (one statement, the same for
 * an unknown NIP); counted false when it returned no row. */
struct store_login_failure {
    bool counted;
    int failures;
    bool newly_locked;
    char locked_until[32]; /* "YYYY-MM-DDTHH:MM:SSZ" or "" */
};
BERKAS_MUST_CHECK bool store_login_failed(struct db_pool *db, const char *nip,
                                          const char *client_addr, struct store_login_failure *out,
                                          struct berr *err);

/* Inside tx, the account of uid locked for the update and its failures
 * reset, only if its hash is still verified_hash, it is not disabled and not
 * locked: *still says whether it was, *failed how many failures it had. */
BERKAS_MUST_CHECK bool store_account_logged_on(struct tx *tx, long long uid,
                                               const char *verified_hash, bool *still, int *failed,
                                               struct berr *err);

/* ---- sessions ----------------------------------------------------------------------------- */

/* A new session of uid for the token's SHA-256 (hex); *id its id. */
BERKAS_MUST_CHECK bool store_session_insert(struct tx *tx, long long uid,
                                            const char *token_sha256_hex, const char *client_addr,
                                            long long *id, struct berr *err);

/* End uid's oldest open sessions beyond session.max_per_user (at least one
 * is kept: the newest). */
BERKAS_MUST_CHECK bool store_sessions_trim(struct tx *tx, long long uid, struct berr *err);

/* The locks of uid's account not yet told to its owner, marked told. */
struct store_lock_notice {
    char locked_at[40], locked_until[40]; /* as JSON renders a timestamptz */
    int failures;
};
BERKAS_MUST_CHECK bool store_lock_notices_take(struct tx *tx, long long uid,
                                               struct store_lock_notice **items, int *n,
                                               struct berr *err);

/* The open session with the token's SHA-256 (hex), not idle past
 * session.idle_minutes, not older than session.absolute_hours, of a user not
 * disabled; found false otherwise.  touch: its idle clock is over a minute
 * old. */
struct store_session {
    bool found, touch;
    long long id;
    struct store_user user;
};
BERKAS_MUST_CHECK bool store_session_by_token(struct db_pool *db, const char *token_sha256_hex,
                                              struct store_session *out, struct berr *err);

/* Set the session's idle clock to now (on its own). */
BERKAS_MUST_CHECK bool store_session_touch(struct db_pool *db, long long session_id,
                                           struct berr *err);

/* End the session (log-off), if still open. */
BERKAS_MUST_CHECK bool store_session_end(struct tx *tx, long long session_id, struct berr *err);

/* ---- the user's own page and the banner --------------------------------------------------- */

/* The user with their office; found false when gone.  Strings live until
 * store_me_free. */
struct store_me {
    bool found;
    long long id, office_id;
    const char *nip, *name, *pangkat, *golongan, *position, *role;
    const char *office_code, *office_name, *office_kind, *office_tz;
    const char *ppns_card_no, *ppns_valid_until; /* "" when none */
    bool office_root; /* the office heads its tree (no parent): national settings are its admins' */
    void *res_;
};
BERKAS_MUST_CHECK bool store_me(struct tx *tx, long long uid, struct store_me *out,
                                struct berr *err);
void store_me_free(struct store_me *me);

/* The log-on banner (malloc'd, caller frees; "" when none). */
BERKAS_MUST_CHECK bool store_banner_get(struct tx *tx, char **text, struct berr *err);
BERKAS_MUST_CHECK bool store_banner_set(struct tx *tx, const char *text, struct berr *err);

/* ---- users, as an admin manages them -------------------------------------------------------- */

/* A user as the admins see them.  Strings live until store_users_free. */
struct store_user_row {
    long long id, office_id;
    const char *nip, *name, *pangkat, *golongan, *position, *role;
    const char *ppns_card_no, *ppns_valid_until; /* "" when none */
    bool locked, disabled;
    const char *locked_until; /* "YYYY-MM-DDTHH:MM:SSZ", "" when not locked */
    long long locks_30_days;
};
struct store_users {
    int n;
    struct store_user_row *items;
    void *res_;
};

/* The users of the subtree of office admin_office, by id. */
BERKAS_MUST_CHECK bool store_users_in_subtree(struct tx *tx, long long admin_office,
                                              struct store_users *out, struct berr *err);

/* The user with id if inside the subtree of admin_office (out->n 0 or 1). */
BERKAS_MUST_CHECK bool store_user_in_subtree(struct tx *tx, long long id, long long admin_office,
                                             struct store_users *out, struct berr *err);
void store_users_free(struct store_users *u);

/* The log-on locks of the subtree of admin_office locked in the last days,
 * the newest first, at most 500.  Strings live until store_lockouts_free;
 * client_addr and released_at NULL when none. */
struct store_lockout {
    long long id, user_id, office_id;
    const char *nip, *name;
    const char *locked_at, *locked_until, *released_at; /* as JSON renders a timestamptz */
    int failures;
    const char *client_addr;
    bool in_force, owner_told;
};
struct store_lockouts {
    int n;
    struct store_lockout *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_lockouts_in_subtree(struct tx *tx, long long admin_office, int days,
                                                 struct store_lockouts *out, struct berr *err);
void store_lockouts_free(struct store_lockouts *l);

/* Whether word or base (lower case) is in app.banned_passwords. */
BERKAS_MUST_CHECK bool store_password_banned(struct tx *tx, const char *word, const char *base,
                                             bool *banned, struct berr *err);

/* A new user; NULL pangkat, golongan, position are "", ppns NULL is none. */
struct store_new_user {
    const char *nip, *name, *pangkat, *golongan, *position, *role;
    long long office_id;
    const char *ppns_card_no, *ppns_valid_until, *password_hash;
};
BERKAS_MUST_CHECK bool store_user_insert(struct tx *tx, const struct store_new_user *in,
                                         long long *id, struct berr *err);

/* Disable the user (once: the first time stands) and end their sessions. */
BERKAS_MUST_CHECK bool store_user_disable(struct tx *tx, long long id, struct berr *err);

/* Lift the user's log-on lock and its count, and release their locks in
 * force. */
BERKAS_MUST_CHECK bool store_user_unlock(struct tx *tx, long long id, struct berr *err);

#endif
