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

static void fill_actor(struct actor *who, PGresult *r, int row, int col0)
{
    /* columns: user id, role, office id, name, nip */
    who->user_id = strtoll(PQgetvalue(r, row, col0), NULL, 10);
    who->role = role_from_code(PQgetvalue(r, row, col0 + 1));
    who->office_id = strtoll(PQgetvalue(r, row, col0 + 2), NULL, 10);
    snprintf(who->name, sizeof who->name, "%s", PQgetvalue(r, row, col0 + 3));
    snprintf(who->nip, sizeof who->nip, "%s", PQgetvalue(r, row, col0 + 4));
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
        PGresult *r = db_once(app->db,
                              "SELECT (SELECT value::int FROM app.settings WHERE key = "
                              "'login.address_per_minute'), (SELECT value::int FROM app.settings "
                              "WHERE key = 'login.nip_per_minute'), (SELECT value::int FROM "
                              "app.settings WHERE key = 'verify.address_per_minute')",
                              0, NULL, &ignored);
        if (r && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0) && !PQgetisnull(r, 0, 1) &&
            !PQgetisnull(r, 0, 2)) {
            cached.address = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
            cached.nip = (int)strtol(PQgetvalue(r, 0, 1), NULL, 10);
            cached.verify = (int)strtol(PQgetvalue(r, 0, 2), NULL, 10);
            at = now;
        }
        PQclear(r);
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
    const char *p[1] = {nip};
    PGresult *r = db_once(app->db,
                          "SELECT id, role, office_id, name, nip, password_hash, "
                          "coalesce(locked_until > now(), false), disabled_at IS NOT NULL "
                          "FROM app.users WHERE nip = $1",
                          1, p, err);
    if (!r)
        return false;
    if (PQntuples(r) == 1) {
        a->found = true;
        fill_actor(who, r, 0, 0);
        snprintf(a->hash, sizeof a->hash, "%s", PQgetvalue(r, 0, 5));
        a->locked = PQgetvalue(r, 0, 6)[0] == 't';
        a->disabled = PQgetvalue(r, 0, 7)[0] == 't';
    }
    PQclear(r);
    return true;
}

/* A failed log-on counted (and the account locked when it is one too many)
 * in one statement; the same statement for an unknown NIP, which counts
 * nothing, so that both cost the same. */
static void count_failure(struct app *app, const char *nip, struct actor *who, const char *reason,
                          struct audit_rec *au)
{
    const char *p[2] = {nip, who->client_addr[0] ? who->client_addr : NULL};
    struct berr err = {0};
    PGresult *r = db_once(app->db,
                          "SELECT failures, coalesce(to_char(locked_until AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), newly_locked "
                          "FROM app.login_failed($1, $2::inet)",
                          2, p, &err);
    if (r && PQntuples(r) == 1)
        snprintf(au->detail, sizeof au->detail, "{\"reason\":\"%s\",\"failures\":%s%s%s%s}", reason,
                 PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 2)[0] == 't' ? ",\"locked_until\":\"" : "",
                 PQgetvalue(r, 0, 2)[0] == 't' ? PQgetvalue(r, 0, 1) : "",
                 PQgetvalue(r, 0, 2)[0] == 't' ? "\"" : "");
    else
        snprintf(au->detail, sizeof au->detail, "{\"reason\":\"%s\"}", reason);
    if (!r)
        fprintf(stderr, "berkasd: failed log-on not counted: %s\n", err.message);
    PQclear(r);
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
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", who->user_id);
    const char *pu[2] = {uid, verified_hash};
    PGresult *u = tx_query(&tx,
                           "UPDATE app.users u SET failed_logins = 0, failed_since = NULL, "
                           "lockouts = 0, last_login_at = now() FROM (SELECT id, failed_logins "
                           "FROM app.users WHERE id = $1::bigint FOR UPDATE) old "
                           "WHERE u.id = old.id AND u.password_hash = $2 AND u.disabled_at IS "
                           "NULL AND coalesce(u.locked_until <= now(), true) "
                           "RETURNING old.failed_logins",
                           2, pu, err);
    if (!u) {
        tx_end(&tx);
        return false;
    }
    bool still = PQntuples(u) == 1;
    int failed = still ? (int)strtol(PQgetvalue(u, 0, 0), NULL, 10) : 0;
    PQclear(u);
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
    const char *ps[3] = {uid, hex, who->client_addr[0] ? who->client_addr : NULL};
    PGresult *s = tx_query(&tx,
                           "INSERT INTO app.sessions (user_id, token_sha256, client_addr) "
                           "VALUES ($1::bigint, decode($2, 'hex'), $3::inet) RETURNING id",
                           3, ps, err);
    bool ok = s != NULL;
    if (ok) {
        who->session_id = strtoll(PQgetvalue(s, 0, 0), NULL, 10);
        PQclear(s);
    }
    ok = ok &&
         tx_exec(&tx,
                 "UPDATE app.sessions SET ended_at = now(), end_reason = 'superseded' "
                 "WHERE id IN (SELECT id FROM app.sessions WHERE user_id = $1::bigint AND "
                 "ended_at IS NULL ORDER BY created_at DESC, id DESC OFFSET greatest(1, (SELECT "
                 "value::int FROM app.settings WHERE key = 'session.max_per_user')))",
                 1, pu, err);
    PGresult *n = ok ? tx_query(&tx,
                                "UPDATE app.lockouts SET owner_told_at = now() WHERE user_id = "
                                "$1::bigint AND owner_told_at IS NULL RETURNING "
                                "json_build_object('type', 'account_locked', 'locked_at', "
                                "locked_at, 'locked_until', locked_until, 'failures', failures)",
                                1, pu, err)
                     : NULL;
    ok = n != NULL;
    if (ok) {
        *notices = json_array();
        for (int i = 0; i < PQntuples(n); i++)
            json_array_append_new(*notices, json_loads(PQgetvalue(n, i, 0), 0, NULL));
        if (failed > 0)
            json_array_append_new(
                *notices, json_pack("{s:s, s:i}", "type", "failed_logons", "count", failed));
        PQclear(n);
    }
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
    const char *p[1] = {hex};
    /* A read decides; the idle clock is written at most once a minute, so
     * that most requests cost no write (and no WAL flush) for the session. */
    PGresult *r =
        db_once(app->db,
                "SELECT s.id, u.id, u.role, u.office_id, u.name, u.nip, "
                "       s.last_seen_at < now() - interval '1 minute' "
                "FROM app.sessions s JOIN app.users u ON u.id = s.user_id "
                "WHERE s.token_sha256 = decode($1, 'hex') AND s.ended_at IS NULL "
                "  AND u.disabled_at IS NULL "
                "  AND s.last_seen_at > now() - make_interval(mins => (SELECT value::int FROM "
                "      app.settings WHERE key = 'session.idle_minutes')) "
                "  AND s.created_at > now() - make_interval(hours => (SELECT value::int FROM "
                "      app.settings WHERE key = 'session.absolute_hours'))",
                1, p, err);
    if (!r)
        return false;
    if (PQntuples(r) != 1) {
        PQclear(r);
        return berr_set(err, BERR_UNAUTHENTICATED,
                        "sesi tidak sah atau sudah berakhir; silakan masuk lagi");
    }
    who->session_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    fill_actor(who, r, 0, 1);
    bool touch = PQgetvalue(r, 0, 6)[0] == 't';
    PQclear(r);
    if (touch) {
        char sid[24];
        snprintf(sid, sizeof sid, "%lld", who->session_id);
        const char *ps[1] = {sid};
        PGresult *u =
            db_once(app->db, "UPDATE app.sessions SET last_seen_at = now() WHERE id = $1::bigint",
                    1, ps, err);
        if (!u)
            return false;
        PQclear(u);
    }
    return true;
}

bool app_logout(struct app *app, const struct actor *who, struct audit_rec *au, struct berr *err)
{
    au->action = "session.end";
    au->object_type = "session";
    au->object_id = who->session_id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", who->session_id);
    const char *p[1] = {sid};
    bool ok = tx_exec(&tx,
                      "UPDATE app.sessions SET ended_at = now(), end_reason = 'logout' "
                      "WHERE id = $1::bigint AND ended_at IS NULL",
                      1, p, err) &&
              audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

json_t *app_me(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", who->user_id);
    const char *p[1] = {uid};
    PGresult *r = tx_query(&tx,
                           "SELECT u.id, u.nip, u.name, u.pangkat, u.golongan, u.position, "
                           "u.role, o.id, o.code, o.name, o.kind, o.tz, "
                           "coalesce(u.ppns_card_no, ''), coalesce(u.ppns_valid_until::text, '') "
                           "FROM app.users u JOIN app.offices o ON o.id = u.office_id "
                           "WHERE u.id = $1::bigint",
                           1, p, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    if (PQntuples(r) != 1) {
        PQclear(r);
        berr_set(err, BERR_UNAUTHENTICATED, "pengguna tidak ada lagi");
        return NULL;
    }
    json_t *j = json_pack(
        "{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:I, s:s, s:s, s:s, s:s}}", "id",
        (json_int_t)strtoll(PQgetvalue(r, 0, 0), NULL, 10), "nip", PQgetvalue(r, 0, 1), "name",
        PQgetvalue(r, 0, 2), "pangkat", PQgetvalue(r, 0, 3), "golongan", PQgetvalue(r, 0, 4),
        "position", PQgetvalue(r, 0, 5), "role", PQgetvalue(r, 0, 6), "office", "id",
        (json_int_t)strtoll(PQgetvalue(r, 0, 7), NULL, 10), "code", PQgetvalue(r, 0, 8), "name",
        PQgetvalue(r, 0, 9), "kind", PQgetvalue(r, 0, 10), "tz", PQgetvalue(r, 0, 11));
    if (j && PQgetvalue(r, 0, 12)[0])
        json_object_set_new(j, "ppns",
                            json_pack("{s:s, s:s}", "card_no", PQgetvalue(r, 0, 12), "valid_until",
                                      PQgetvalue(r, 0, 13)));
    PQclear(r);
    return j;
}

json_t *app_banner(struct app *app, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return NULL;
    PGresult *r =
        tx_query(&tx, "SELECT value FROM app.settings WHERE key = 'login.banner'", 0, NULL, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *j = json_pack("{s:s}", "banner", PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
    PQclear(r);
    return j;
}

bool app_banner_set(struct app *app, const struct actor *who, const char *text,
                    struct audit_rec *au, struct berr *err)
{
    au->action = "settings.banner";
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    if (utf8_length(text) < 10 || strlen(text) > 4000)
        return berr_field(err, BERR_BAD_INPUT, "banner", "banner harus 10 sampai 4000 karakter");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    if (!admin_at_root(&tx, who, err)) {
        tx_end(&tx);
        return false;
    }
    const char *p[1] = {text};
    bool ok = tx_exec(&tx,
                      "UPDATE app.settings SET value = $1, updated_at = now() "
                      "WHERE key = 'login.banner'",
                      1, p, err) &&
              audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}
