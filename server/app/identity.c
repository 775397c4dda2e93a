/*
 * identity.c - log-on, sessions, log-off, the banner.
 *
 * Passwords: argon2id (libsodium crypto_pwhash_str, interactive limits),
 * verified exactly as typed, never logged.  Tokens: 32 bytes from the
 * CSPRNG (256 bits), handed to the client once; the database keeps only
 * their SHA-256, so a copy of the sessions table logs nobody on.
 * Limits (idle 30 min, absolute 12 h, 5 failures in 15 min, the lock's
 * length, the rates, sessions per user) are rows in app.settings, read by
 * the queries themselves.
 *
 * A log-on holds nothing while the password is hashed (issue 9.2): the
 * account is read on its own, the hash runs with no connection and no lock
 * held, then the outcome is written in a new short transaction that checks
 * the account again.  The HTTP edge runs log-ons on threads of their own,
 * as many at once as --login-workers (each hash holds 64 MiB).  Attempts are
 * throttled per client address and per NIP, known or not.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "audit.h"
#include "identity.h"
#include "store/identity.h"
#include "store/offices.h"
#include "store/tx.h"
#include "throttle.h"
#include "validate.h"

bool app_password_hash(const char *password, char out[crypto_pwhash_STRBYTES])
{
    return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

static void token_hash(const char *token, char hex[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
    sodium_bin2hex(hex, 65, h, sizeof h);
}

static bool token_well_formed(const char *t)
{
    if (!t || strlen(t) != SESSION_TOKEN_LEN)
        return false;
    for (const char *p = t; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_'))
            return false;
    return true;
}

static void fill_actor(struct actor *who, const struct store_user *u)
{
    who->user_id = u->id;
    who->role = role_from_code(u->role);
    who->office_id = u->office_id;
    snprintf(who->name, sizeof who->name, "%s", u->name);
    snprintf(who->nip, sizeof who->nip, "%s", u->nip);
}

bool app_login_init(struct app *app, struct berr *err)
{
    app->throttle = throttle_new();
    if (!app->throttle)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    return true;
}

void app_login_free(struct app *app)
{
    throttle_free(app->throttle);
    app->throttle = NULL;
}

/* ---- log-on ---------------------------------------------------------------------------- */

/* The rate limits, read from app.settings at most every 10 s, so that a
 * throttled attempt costs no query. */
struct limits {
    int address, nip, verify;
};

static void limits_get(struct app *app, struct limits *out)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static struct limits cached = {30, 10, 60};
    static time_t at;
    pthread_mutex_lock(&lock);
    time_t now = time(NULL);
    if (now - at >= 10) {
        struct berr ignored = {0};
        struct store_login_limits got;
        if (store_login_limits(app->db, &got, &ignored)) {
            cached.address = got.address;
            cached.nip = got.nip;
            cached.verify = got.verify;
            at = now;
        }
    }
    *out = cached;
    pthread_mutex_unlock(&lock);
}

bool app_verify_throttle(struct app *app, const char *client_addr, int *retry_after)
{
    struct limits lim;
    limits_get(app, &lim);
    char key[96];
    snprintf(key, sizeof key, "v:%s", client_addr);
    return throttle_take(app->throttle, key, lim.verify, true, retry_after);
}

/* The account behind nip as it is now, read on its own (no transaction, no
 * lock), so that nothing is held while the password is hashed. */
struct account {
    bool found, locked, disabled;
    char hash[crypto_pwhash_STRBYTES];
};

static bool account_read(struct app *app, const char *nip, struct actor *who, struct account *a,
                         struct berr *err)
{
    memset(a, 0, sizeof *a);
    struct store_account got;
    if (!store_account_by_nip(app->db, nip, &got, err))
        return false;
    if (got.found) {
        a->found = true;
        fill_actor(who, &got.user);
        snprintf(a->hash, sizeof a->hash, "%s", got.hash);
        a->locked = got.locked;
        a->disabled = got.disabled;
    }
    sodium_memzero(got.hash, sizeof got.hash);
    return true;
}

/* A failed log-on counted (and the account locked when it is one too many)
 * in one statement; the same statement for an unknown NIP, which counts
 * nothing, so that both cost the same. */
static void count_failure(struct app *app, const char *nip, struct actor *who, const char *reason,
                          struct audit_rec *au)
{
    struct berr err = {0};
    struct store_login_failure f;
    bool ok =
        store_login_failed(app->db, nip, who->client_addr[0] ? who->client_addr : NULL, &f, &err);
    if (ok && f.counted)
        snprintf(au->detail, sizeof au->detail, "{\"reason\":\"%s\",\"failures\":%d%s%s%s}", reason,
                 f.failures, f.newly_locked ? ",\"locked_until\":\"" : "",
                 f.newly_locked ? f.locked_until : "", f.newly_locked ? "\"" : "");
    else
        snprintf(au->detail, sizeof au->detail, "{\"reason\":\"%s\"}", reason);
    if (!ok)
        fprintf(stderr, "berkasd: failed log-on not counted: %s\n", err.message);
}

/* The session, in one short transaction after the hash: the account is
 * checked again (not locked, not disabled, the password not changed since
 * it was read), its failures reset, the oldest session beyond
 * session.max_per_user ended, and the locks since the last log-on handed to
 * the owner as notices. */
static bool open_session(struct app *app, struct actor *who, const char *verified_hash, char *token,
                         json_t **notices, struct audit_rec *au, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return false;
    bool still;
    int failed;
    if (!store_account_logged_on(&tx, who->user_id, verified_hash, &still, &failed, err)) {
        tx_end(&tx);
        return false;
    }
    if (!still) {
        tx_end(&tx);
        return berr_set(err, BERR_UNAUTHENTICATED, "NIP atau kata sandi salah");
    }
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(token, SESSION_TOKEN_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
    char hex[65];
    token_hash(token, hex);
    struct store_lock_notice *locks = NULL;
    int nlocks = 0;
    bool ok =
        store_session_insert(&tx, who->user_id, hex, who->client_addr[0] ? who->client_addr : NULL,
                             &who->session_id, err) &&
        store_sessions_trim(&tx, who->user_id, err) &&
        store_lock_notices_take(&tx, who->user_id, &locks, &nlocks, err);
    if (ok) {
        *notices = json_array();
        for (int i = 0; i < nlocks; i++)
            json_array_append_new(*notices,
                                  json_pack("{s:s, s:s, s:s, s:i}", "type", "account_locked",
                                            "locked_at", locks[i].locked_at, "locked_until",
                                            locks[i].locked_until, "failures", locks[i].failures));
        if (failed > 0)
            json_array_append_new(
                *notices, json_pack("{s:s, s:i}", "type", "failed_logons", "count", failed));
    }
    free(locks);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        sodium_memzero(token, SESSION_TOKEN_LEN + 1);
        json_decref(*notices);
        *notices = NULL;
    }
    return ok;
}

bool app_login(struct app *app, const char *nip, const char *password, struct actor *who,
               char *token, json_t **notices, int *retry_after, struct audit_rec *au,
               struct berr *err)
{
    /* one answer for an unknown NIP, a wrong password, a locked and a
     * disabled account: the same words, status and work (one argon2id) */
    static const char wrong[] = "NIP atau kata sandi salah";
    au->action = "session.create";
    au->object_type = "user";
    *notices = NULL;
    *retry_after = 0;
    struct limits lim;
    limits_get(app, &lim);
    char key[96];
    snprintf(key, sizeof key, "a:%s", who->client_addr);
    int wait_a = 0, wait_n = 0;
    bool by_addr = throttle_take(app->throttle, key, lim.address, false, &wait_a);
    snprintf(key, sizeof key, "n:%s", nip);
    bool by_nip = by_addr && throttle_take(app->throttle, key, lim.nip, false, &wait_n);
    if (!by_addr || !by_nip) {
        *retry_after = wait_a > wait_n ? wait_a : wait_n;
        snprintf(au->detail, sizeof au->detail, "{\"reason\":\"throttled_%s\"}",
                 by_addr ? "nip" : "address");
        return berr_field(err, BERR_UNAVAILABLE, "throttled",
                          "terlalu banyak percobaan masuk; coba lagi nanti");
    }
    struct account a;
    if (!account_read(app, nip, who, &a, err))
        return false;
    au->object_id = who->user_id;
    /* the hash: how many run at once, and off the HTTP workers, is the
     * caller's to bound (server.c runs log-ons on threads of their own) */
    bool matches = crypto_pwhash_str_verify(a.found ? a.hash : app->dummy_hash, password,
                                            strlen(password)) == 0;
    bool good = a.found && matches && !a.locked && !a.disabled;
    if (good && open_session(app, who, a.hash, token, notices, au, err))
        return true;
    if (good && err->kind != BERR_UNAUTHENTICATED)
        return false; /* the database failed: 503, not a wrong password */
    const char *reason = !a.found     ? "unknown_nip"
                         : a.disabled ? "disabled"
                         : a.locked   ? "locked"
                         : matches    ? "changed"
                                      : "bad_password";
    count_failure(app, nip, who, reason, au);
    snprintf(key, sizeof key, "a:%s", who->client_addr);
    throttle_spend(app->throttle, key, lim.address);
    snprintf(key, sizeof key, "n:%s", nip);
    throttle_spend(app->throttle, key, lim.nip);
    /* not logged on: the audit line names the account as its object only */
    char addr[sizeof who->client_addr];
    memcpy(addr, who->client_addr, sizeof addr);
    memset(who, 0, sizeof *who);
    memcpy(who->client_addr, addr, sizeof addr);
    sodium_memzero(a.hash, sizeof a.hash);
    return berr_set(err, BERR_UNAUTHENTICATED, wrong);
}

bool app_session_check(struct app *app, const char *token, struct actor *who, struct berr *err)
{
    if (!token_well_formed(token))
        return berr_set(err, BERR_UNAUTHENTICATED, "sesi tidak sah; silakan masuk");
    char hex[65];
    token_hash(token, hex);
    struct store_session got;
    if (!store_session_by_token(app->db, hex, &got, err))
        return false;
    if (!got.found)
        return berr_set(err, BERR_UNAUTHENTICATED,
                        "sesi tidak sah atau sudah berakhir; silakan masuk lagi");
    who->session_id = got.id;
    fill_actor(who, &got.user);
    /* the idle clock is written at most once a minute (store_session_by_token) */
    return !got.touch || store_session_touch(app->db, who->session_id, err);
}

bool app_logout(struct app *app, const struct actor *who, struct audit_rec *au, struct berr *err)
{
    au->action = "session.end";
    au->object_type = "session";
    au->object_id = who->session_id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = store_session_end(&tx, who->session_id, err) && audit_ok(&tx, who, au, err) &&
              tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

json_t *app_me(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_me me;
    tx_last(&tx); /* the one read commits with it: no ROLLBACK of its own */
    bool ok = store_me(&tx, who->user_id, &me, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    if (!me.found) {
        store_me_free(&me);
        berr_set(err, BERR_UNAUTHENTICATED, "pengguna tidak ada lagi");
        return NULL;
    }
    /* office.root: the office heads its tree, so its admins change the national settings and
     * rule values (admin_at_root); the pages say so before a change rather than after */
    json_t *j =
        json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:I, s:s, s:s, s:s, s:s, s:b}}", "id",
                  (json_int_t)me.id, "nip", me.nip, "name", me.name, "pangkat", me.pangkat,
                  "golongan", me.golongan, "position", me.position, "role", me.role, "office", "id",
                  (json_int_t)me.office_id, "code", me.office_code, "name", me.office_name, "kind",
                  me.office_kind, "tz", me.office_tz, "root", me.office_root);
    if (j && me.ppns_card_no[0])
        json_object_set_new(j, "ppns",
                            json_pack("{s:s, s:s}", "card_no", me.ppns_card_no, "valid_until",
                                      me.ppns_valid_until));
    store_me_free(&me);
    return j;
}

json_t *app_banner(struct app *app, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return NULL;
    char *text;
    tx_last(&tx); /* the one read commits with it: no ROLLBACK of its own */
    bool ok = store_banner_get(&tx, &text, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *j = json_pack("{s:s}", "banner", text);
    free(text);
    return j;
}

bool app_banner_set(struct app *app, const struct actor *who, const char *text,
                    struct audit_rec *au, struct berr *err)
{
    au->action = "settings.banner";
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    if (utf8_length(text) < 10 || utf8_length(text) > 4000) /* as the setting (settings.c) */
        return berr_field(err, BERR_BAD_INPUT, "banner", "banner harus 10 sampai 4000 karakter");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    if (!admin_at_root(&tx, who, err)) {
        tx_end(&tx);
        return false;
    }
    bool ok =
        store_banner_set(&tx, text, err) && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool admin_at_root(struct tx *tx, const struct actor *who, struct berr *err)
{
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    bool root;
    if (!store_office_is_root(tx, who->office_id, &root, err))
        return false;
    return root || berr_set(err, BERR_FORBIDDEN,
                            "pengaturan nasional hanya oleh administrator kantor pusat");
}
