/*
 * identity.c - log-on, sessions, log-off, the banner.
 *
 * Passwords: argon2id (libsodium crypto_pwhash_str, interactive limits),
 * verified exactly as typed, never logged.  Tokens: 32 bytes from the
 * CSPRNG (256 bits), handed to the client once; the database keeps only
 * their SHA-256, so a copy of the sessions table logs nobody on.
 * Limits (idle 30 min, absolute 12 h, 5 failures in 15 min) are rows in
 * app.settings, read by the queries themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "store/tx.h"
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

bool app_login(struct app *app, const char *nip, const char *password, struct actor *who,
               char *token, struct audit_rec *au, struct berr *err)
{
    static const char wrong[] = "NIP atau kata sandi salah";
    au->action = "session.create";
    au->object_type = "user";
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return false;
    const char *p1[1] = {nip};
    PGresult *r = tx_query(&tx,
                           "SELECT id, role, office_id, name, nip, password_hash, "
                           "locked_at IS NOT NULL, disabled_at IS NOT NULL FROM app.users "
                           "WHERE nip = $1 FOR UPDATE",
                           1, p1, err);
    if (!r) {
        tx_end(&tx);
        return false;
    }
    if (PQntuples(r) == 0) {
        PQclear(r);
        tx_end(&tx);
        /* same work as a known NIP: no timing oracle for which NIPs exist */
        if (crypto_pwhash_str_verify(app->dummy_hash, password, strlen(password)) == 0)
            sodium_memzero(au->detail, sizeof au->detail); /* cannot happen; keeps the call */
        snprintf(au->detail, sizeof au->detail, "{\"reason\":\"unknown_nip\"}");
        return berr_set(err, BERR_UNAUTHENTICATED, wrong);
    }
    fill_actor(who, r, 0, 0);
    au->object_id = who->user_id;
    bool locked = PQgetvalue(r, 0, 6)[0] == 't';
    bool disabled = PQgetvalue(r, 0, 7)[0] == 't';
    bool good = !disabled && !locked &&
                crypto_pwhash_str_verify(PQgetvalue(r, 0, 5), password, strlen(password)) == 0;
    PQclear(r);
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", who->user_id);
    const char *pu[1] = {uid};

    if (!good) {
        const char *reason = disabled ? "disabled" : locked ? "locked" : "bad_password";
        bool now_locked = false;
        if (!disabled && !locked) {
            PGresult *u = tx_query(
                &tx,
                "UPDATE app.users SET "
                " failed_logins = CASE WHEN failed_since IS NULL OR failed_since < now() - "
                "   make_interval(mins => (SELECT value::int FROM app.settings WHERE key = "
                "   'login.failure_window_minutes')) THEN 1 ELSE failed_logins + 1 END, "
                " failed_since = CASE WHEN failed_since IS NULL OR failed_since < now() - "
                "   make_interval(mins => (SELECT value::int FROM app.settings WHERE key = "
                "   'login.failure_window_minutes')) THEN now() ELSE failed_since END "
                "WHERE id = $1::bigint RETURNING failed_logins",
                1, pu, err);
            if (!u) {
                tx_end(&tx);
                return false;
            }
            long failures = strtol(PQgetvalue(u, 0, 0), NULL, 10);
            PQclear(u);
            PGresult *m = tx_query(&tx,
                                   "UPDATE app.users SET locked_at = now() WHERE id = $1::bigint "
                                   "AND failed_logins >= (SELECT value::int FROM app.settings "
                                   "WHERE key = 'login.max_failures') RETURNING 1",
                                   1, pu, err);
            if (!m) {
                tx_end(&tx);
                return false;
            }
            now_locked = PQntuples(m) == 1;
            PQclear(m);
            snprintf(au->detail, sizeof au->detail, "{\"reason\":\"%s\",\"failures\":%ld%s}",
                     reason, failures, now_locked ? ",\"locked\":true" : "");
        } else {
            snprintf(au->detail, sizeof au->detail, "{\"reason\":\"%s\"}", reason);
        }
        /* commit the failure count; the audit line follows in audit_after */
        struct berr cerr = {0};
        if (!tx_commit(&tx, &cerr)) {
            *err = cerr;
            return false;
        }
        /* not logged on: the audit line names the account as its object only */
        char addr[sizeof who->client_addr];
        memcpy(addr, who->client_addr, sizeof addr);
        memset(who, 0, sizeof *who);
        memcpy(who->client_addr, addr, sizeof addr);
        if (locked || now_locked)
            return berr_field(err, BERR_UNAUTHENTICATED, "locked",
                              "akun terkunci setelah terlalu banyak percobaan; hubungi "
                              "administrator");
        return berr_set(err, BERR_UNAUTHENTICATED, wrong);
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
        ok = tx_exec(&tx,
                     "UPDATE app.users SET failed_logins = 0, failed_since = NULL "
                     "WHERE id = $1::bigint",
                     1, pu, err) &&
             audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    if (!ok)
        sodium_memzero(token, SESSION_TOKEN_LEN + 1);
    return ok;
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
