/* identity.c (store) - see identity.h. */
#include "identity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

/* ---- the statements ------------------------------------------------------------------------ */

static const struct stmt login_limits = {
    "identity.login_limits", 0,
    "SELECT (SELECT value::int FROM app.settings WHERE key = 'login.address_per_minute'), "
    "(SELECT value::int FROM app.settings WHERE key = 'login.nip_per_minute'), (SELECT "
    "value::int FROM app.settings WHERE key = 'verify.address_per_minute')"};

static const struct stmt account_by_nip = {
    "identity.account_by_nip", 1,
    "SELECT id, role, office_id, name, nip, password_hash, "
    "coalesce(locked_until > now(), false), disabled_at IS NOT NULL "
    "FROM app.users WHERE nip = $1"};

static const struct stmt login_failed = {
    "identity.login_failed", 2,
    "SELECT failures, coalesce(to_char(locked_until AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), newly_locked "
    "FROM app.login_failed($1, $2::inet)"};

static const struct stmt account_logged_on = {
    "identity.account_logged_on", 2,
    "UPDATE app.users u SET failed_logins = 0, failed_since = NULL, "
    "lockouts = 0, last_login_at = now() FROM (SELECT id, failed_logins "
    "FROM app.users WHERE id = $1::bigint FOR UPDATE) old "
    "WHERE u.id = old.id AND u.password_hash = $2 AND u.disabled_at IS "
    "NULL AND coalesce(u.locked_until <= now(), true) "
    "RETURNING old.failed_logins"};

static const struct stmt session_insert = {
    "identity.session_insert", 3,
    "INSERT INTO app.sessions (user_id, token_sha256, client_addr) "
    "VALUES ($1::bigint, decode($2, 'hex'), $3::inet) RETURNING id"};

static const struct stmt sessions_trim = {
    "identity.sessions_trim", 1,
    "UPDATE app.sessions SET ended_at = now(), end_reason = 'superseded' "
    "WHERE id IN (SELECT id FROM app.sessions WHERE user_id = $1::bigint AND "
    "ended_at IS NULL ORDER BY created_at DESC, id DESC OFFSET greatest(1, (SELECT "
    "value::int FROM app.settings WHERE key = 'session.max_per_user')))"};

static const struct stmt lock_notices_take = {
    "identity.lock_notices_take", 1,
    "UPDATE app.lockouts SET owner_told_at = now() WHERE user_id = $1::bigint AND "
    "owner_told_at IS NULL RETURNING to_json(locked_at) #>> '{}', "
    "to_json(locked_until) #>> '{}', failures"};

static const struct stmt session_by_token = {
    "identity.session_by_token", 1,
    "SELECT s.id, u.id, u.role, u.office_id, u.name, u.nip, "
    "       s.last_seen_at < now() - interval '1 minute' "
    "FROM app.sessions s JOIN app.users u ON u.id = s.user_id "
    "WHERE s.token_sha256 = decode($1, 'hex') AND s.ended_at IS NULL "
    "  AND u.disabled_at IS NULL "
    "  AND s.last_seen_at > now() - make_interval(mins => (SELECT value::int FROM "
    "      app.settings WHERE key = 'session.idle_minutes')) "
    "  AND s.created_at > now() - make_interval(hours => (SELECT value::int FROM "
    "      app.settings WHERE key = 'session.absolute_hours'))"};

static const struct stmt session_touch = {
    "identity.session_touch", 1,
    "UPDATE app.sessions SET last_seen_at = now() WHERE id = $1::bigint"};

static const struct stmt session_end = {
    "identity.session_end", 1,
    "UPDATE app.sessions SET ended_at = now(), end_reason = 'logout' "
    "WHERE id = $1::bigint AND ended_at IS NULL"};

static const struct stmt me = {
    "identity.me", 1,
    "SELECT u.id, u.nip, u.name, u.pangkat, u.golongan, u.position, "
    "u.role, o.id, o.code, o.name, o.kind, o.tz, "
    "coalesce(u.ppns_card_no, ''), coalesce(u.ppns_valid_until::text, ''), "
    "o.parent_id IS NULL "
    "FROM app.users u JOIN app.offices o ON o.id = u.office_id "
    "WHERE u.id = $1::bigint"};

static const struct stmt banner_get = {"identity.banner_get", 0,
                                       "SELECT value FROM app.settings WHERE key = 'login.banner'"};

static const struct stmt banner_set = {
    "identity.banner_set", 1,
    "UPDATE app.settings SET value = $1, updated_at = now() WHERE key = 'login.banner'"};

/* the columns of store_user_row, for the two statements below */
#define USER_COLS                                                                                  \
    "SELECT u.id, u.nip, u.name, u.pangkat, u.golongan, u.position, u.role, u.office_id, "         \
    "coalesce(u.ppns_card_no, ''), coalesce(u.ppns_valid_until::text, ''), "                       \
    "coalesce(u.locked_until > now(), false), u.disabled_at IS NOT NULL, "                         \
    "coalesce(to_char(u.locked_until AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), " \
    "(SELECT count(*) FROM app.lockouts l WHERE l.user_id = u.id AND l.locked_at > now() - "       \
    "interval '30 days') FROM app.users u JOIN app.offices o ON o.id = u.office_id "

/* the admins' record of log-on locks (issue 9.3): the lock in force and the
 * locks of the last 30 days; each lock is a row of app.lockouts */
static const struct stmt users_in_subtree = {
    "identity.users_in_subtree", 1, USER_COLS "WHERE $1::bigint = ANY (o.ancestors) ORDER BY u.id"};

static const struct stmt user_in_subtree = {
    "identity.user_in_subtree", 2,
    USER_COLS "WHERE u.id = $1::bigint AND $2::bigint = ANY (o.ancestors)"};

/* each lock of the admin's subtree (issue 9.3: "tell the admin"), the
 * newest first; where the failure that locked it came from */
static const struct stmt lockouts_in_subtree = {
    "identity.lockouts_in_subtree", 2,
    "SELECT l.id, u.id, u.nip, u.name, u.office_id, to_json(l.locked_at) #>> '{}', "
    "to_json(l.locked_until) #>> '{}', l.failures, host(l.client_addr), "
    "l.locked_until > now() AND l.released_at IS NULL, to_json(l.released_at) #>> '{}', "
    "l.owner_told_at IS NOT NULL FROM app.lockouts l JOIN app.users u ON "
    "u.id = l.user_id JOIN app.offices o ON o.id = u.office_id WHERE $1::bigint = ANY "
    "(o.ancestors) AND l.locked_at > now() - make_interval(days => $2::int) "
    "ORDER BY l.locked_at DESC, l.id DESC LIMIT 500"};

static const struct stmt password_banned = {
    "identity.password_banned", 2, "SELECT 1 FROM app.banned_passwords WHERE word IN ($1, $2)"};

static const struct stmt user_insert = {
    "identity.user_insert", 10,
    "INSERT INTO app.users (nip, name, pangkat, golongan, position, "
    "office_id, role, ppns_card_no, ppns_valid_until, password_hash) "
    "VALUES ($1, $2, $3, $4, $5, $6::bigint, $7, $8, $9::date, $10) RETURNING id"};

static const struct stmt user_disable = {
    "identity.user_disable", 1,
    "UPDATE app.users SET disabled_at = coalesce(disabled_at, now()) WHERE id = $1::bigint"};

static const struct stmt user_sessions_end = {
    "identity.user_sessions_end", 1,
    "UPDATE app.sessions SET ended_at = now(), end_reason = 'disabled' "
    "WHERE user_id = $1::bigint AND ended_at IS NULL"};

static const struct stmt user_unlock = {
    "identity.user_unlock", 1,
    "UPDATE app.users SET locked_at = NULL, locked_until = NULL, lockouts = 0, "
    "failed_logins = 0, failed_since = NULL WHERE id = $1::bigint"};

static const struct stmt user_locks_release = {
    "identity.user_locks_release", 1,
    "UPDATE app.lockouts SET released_at = now() WHERE user_id = $1::bigint "
    "AND released_at IS NULL AND locked_until > now()"};

/* ---- log-on ----------------------------------------------------------------------------- */

/* columns col0.. : user id, role, office id, name, nip */
static void user_of(struct store_user *u, const PGresult *r, int row, int col0)
{
    u->id = stmt_ll(r, row, col0);
    stmt_copy(u->role, sizeof u->role, r, row, col0 + 1);
    u->office_id = stmt_ll(r, row, col0 + 2);
    stmt_copy(u->name, sizeof u->name, r, row, col0 + 3);
    stmt_copy(u->nip, sizeof u->nip, r, row, col0 + 4);
}

bool store_login_limits(struct db_pool *db, struct store_login_limits *out, struct berr *err)
{
    PGresult *r = stmt_once(db, &login_limits, NULL, err);
    bool ok = r && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0) && !PQgetisnull(r, 0, 1) &&
              !PQgetisnull(r, 0, 2);
    if (ok) {
        out->address = (int)stmt_ll(r, 0, 0);
        out->nip = (int)stmt_ll(r, 0, 1);
        out->verify = (int)stmt_ll(r, 0, 2);
    }
    PQclear(r);
    return ok;
}

bool store_account_by_nip(struct db_pool *db, const char *nip, struct store_account *out,
                          struct berr *err)
{
    memset(out, 0, sizeof *out);
    const char *p[1] = {nip};
    PGresult *r = stmt_once(db, &account_by_nip, p, err);
    if (!r)
        return false;
    if (PQntuples(r) == 1) {
        out->found = true;
        user_of(&out->user, r, 0, 0);
        stmt_copy(out->hash, sizeof out->hash, r, 0, 5);
        out->locked = stmt_bool(r, 0, 6);
        out->disabled = stmt_bool(r, 0, 7);
    }
    PQclear(r);
    return true;
}

bool store_login_failed(struct db_pool *db, const char *nip, const char *client_addr,
                        struct store_login_failure *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    const char *p[2] = {nip, client_addr};
    PGresult *r = stmt_once(db, &login_failed, p, err);
    if (!r)
        return false;
    if (PQntuples(r) == 1) {
        out->counted = true;
        out->failures = (int)stmt_ll(r, 0, 0);
        stmt_copy(out->locked_until, sizeof out->locked_until, r, 0, 1);
        out->newly_locked = stmt_bool(r, 0, 2);
    }
    PQclear(r);
    return true;
}

bool store_account_logged_on(struct tx *tx, long long uid, const char *verified_hash, bool *still,
                             int *failed, struct berr *err)
{
    char id[24];
    const char *p[2] = {stmt_id(id, uid), verified_hash};
    PGresult *r = stmt_query(tx, &account_logged_on, p, err);
    if (!r)
        return false;
    *still = PQntuples(r) == 1;
    *failed = *still ? (int)stmt_ll(r, 0, 0) : 0;
    PQclear(r);
    return true;
}

/* ---- sessions ----------------------------------------------------------------------------- */

bool store_session_insert(struct tx *tx, long long uid, const char *token_sha256_hex,
                          const char *client_addr, long long *id, struct berr *err)
{
    char u[24];
    const char *p[3] = {stmt_id(u, uid), token_sha256_hex, client_addr};
    PGresult *r = stmt_query(tx, &session_insert, p, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_sessions_trim(struct tx *tx, long long uid, struct berr *err)
{
    char u[24];
    const char *p[1] = {stmt_id(u, uid)};
    return stmt_exec(tx, &sessions_trim, p, err);
}

static void lock_notice_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_lock_notice *x = item;
    stmt_copy(x->locked_at, sizeof x->locked_at, r, i, 0);
    stmt_copy(x->locked_until, sizeof x->locked_until, r, i, 1);
    x->failures = (int)stmt_ll(r, i, 2);
}

bool store_lock_notices_take(struct tx *tx, long long uid, struct store_lock_notice **items, int *n,
                             struct berr *err)
{
    *items = NULL;
    *n = 0;
    char u[24];
    const char *p[1] = {stmt_id(u, uid)};
    void *rows;
    if (!stmt_rows(stmt_query(tx, &lock_notices_take, p, err), sizeof **items, lock_notice_of, NULL,
                   &rows, n, NULL, err))
        return false;
    *items = rows;
    return true;
}

bool store_session_by_token(struct db_pool *db, const char *token_sha256_hex,
                            struct store_session *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    const char *p[1] = {token_sha256_hex};
    /* a read decides; the idle clock is written at most once a minute, so
     * that most requests cost no write (and no WAL flush) for the session */
    PGresult *r = stmt_once(db, &session_by_token, p, err);
    if (!r)
        return false;
    if (PQntuples(r) == 1) {
        out->found = true;
        out->id = stmt_ll(r, 0, 0);
        user_of(&out->user, r, 0, 1);
        out->touch = stmt_bool(r, 0, 6);
    }
    PQclear(r);
    return true;
}

bool store_session_touch(struct db_pool *db, long long session_id, struct berr *err)
{
    char s[24];
    const char *p[1] = {stmt_id(s, session_id)};
    PGresult *r = stmt_once(db, &session_touch, p, err);
    PQclear(r);
    return r != NULL;
}

bool store_session_end(struct tx *tx, long long session_id, struct berr *err)
{
    char s[24];
    const char *p[1] = {stmt_id(s, session_id)};
    return stmt_exec(tx, &session_end, p, err);
}

/* ---- the user's own page and the banner --------------------------------------------------- */

bool store_me(struct tx *tx, long long uid, struct store_me *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char u[24];
    const char *p[1] = {stmt_id(u, uid)};
    PGresult *r = stmt_query(tx, &me, p, err);
    if (!r)
        return false;
    out->res_ = r;
    if (PQntuples(r) != 1)
        return true;
    out->found = true;
    out->id = stmt_ll(r, 0, 0);
    out->nip = PQgetvalue(r, 0, 1);
    out->name = PQgetvalue(r, 0, 2);
    out->pangkat = PQgetvalue(r, 0, 3);
    out->golongan = PQgetvalue(r, 0, 4);
    out->position = PQgetvalue(r, 0, 5);
    out->role = PQgetvalue(r, 0, 6);
    out->office_id = stmt_ll(r, 0, 7);
    out->office_code = PQgetvalue(r, 0, 8);
    out->office_name = PQgetvalue(r, 0, 9);
    out->office_kind = PQgetvalue(r, 0, 10);
    out->office_tz = PQgetvalue(r, 0, 11);
    out->ppns_card_no = PQgetvalue(r, 0, 12);
    out->ppns_valid_until = PQgetvalue(r, 0, 13);
    out->office_root = stmt_bool(r, 0, 14);
    return true;
}

void store_me_free(struct store_me *m)
{
    PQclear(m->res_);
    m->res_ = NULL;
}

bool store_banner_get(struct tx *tx, char **text, struct berr *err)
{
    *text = NULL;
    PGresult *r = stmt_query(tx, &banner_get, NULL, err);
    if (!r)
        return false;
    *text = strdup(PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
    PQclear(r);
    return *text || berr_set(err, BERR_INTERNAL, "out of memory");
}

bool store_banner_set(struct tx *tx, const char *text, struct berr *err)
{
    const char *p[1] = {text};
    return stmt_exec(tx, &banner_set, p, err);
}

/* ---- users, as an admin manages them -------------------------------------------------------- */

static void user_row_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_user_row *u = item;
    u->id = stmt_ll(r, i, 0);
    u->nip = PQgetvalue(r, i, 1);
    u->name = PQgetvalue(r, i, 2);
    u->pangkat = PQgetvalue(r, i, 3);
    u->golongan = PQgetvalue(r, i, 4);
    u->position = PQgetvalue(r, i, 5);
    u->role = PQgetvalue(r, i, 6);
    u->office_id = stmt_ll(r, i, 7);
    u->ppns_card_no = PQgetvalue(r, i, 8);
    u->ppns_valid_until = PQgetvalue(r, i, 9);
    u->locked = stmt_bool(r, i, 10);
    u->disabled = stmt_bool(r, i, 11);
    u->locked_until = PQgetvalue(r, i, 12);
    u->locks_30_days = stmt_ll(r, i, 13);
}

static bool users_of(PGresult *r, struct store_users *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    void *items;
    if (!stmt_rows(r, sizeof *out->items, user_row_of, NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

bool store_users_in_subtree(struct tx *tx, long long admin_office, struct store_users *out,
                            struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, admin_office)};
    return users_of(stmt_query(tx, &users_in_subtree, p, err), out, err);
}

bool store_user_in_subtree(struct tx *tx, long long id, long long admin_office,
                           struct store_users *out, struct berr *err)
{
    char u[24], o[24];
    const char *p[2] = {stmt_id(u, id), stmt_id(o, admin_office)};
    return users_of(stmt_query(tx, &user_in_subtree, p, err), out, err);
}

void store_users_free(struct store_users *u)
{
    free(u->items);
    PQclear(u->res_);
    memset(u, 0, sizeof *u);
}

static const char *or_null(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static void lockout_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_lockout *l = item;
    l->id = stmt_ll(r, i, 0);
    l->user_id = stmt_ll(r, i, 1);
    l->nip = PQgetvalue(r, i, 2);
    l->name = PQgetvalue(r, i, 3);
    l->office_id = stmt_ll(r, i, 4);
    l->locked_at = PQgetvalue(r, i, 5);
    l->locked_until = PQgetvalue(r, i, 6);
    l->failures = (int)stmt_ll(r, i, 7);
    l->client_addr = or_null(r, i, 8);
    l->in_force = stmt_bool(r, i, 9);
    l->released_at = or_null(r, i, 10);
    l->owner_told = stmt_bool(r, i, 11);
}

bool store_lockouts_in_subtree(struct tx *tx, long long admin_office, int days,
                               struct store_lockouts *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char o[24], d[16];
    snprintf(d, sizeof d, "%d", days);
    const char *p[2] = {stmt_id(o, admin_office), d};
    void *items;
    if (!stmt_rows(stmt_query(tx, &lockouts_in_subtree, p, err), sizeof *out->items, lockout_of,
                   NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_lockouts_free(struct store_lockouts *l)
{
    free(l->items);
    PQclear(l->res_);
    memset(l, 0, sizeof *l);
}

bool store_password_banned(struct tx *tx, const char *word, const char *base, bool *banned,
                           struct berr *err)
{
    const char *p[2] = {word, base};
    PGresult *r = stmt_query(tx, &password_banned, p, err);
    if (!r)
        return false;
    *banned = PQntuples(r) > 0;
    PQclear(r);
    return true;
}

bool store_user_insert(struct tx *tx, const struct store_new_user *in, long long *id,
                       struct berr *err)
{
    char office[24];
    const char *p[10] = {in->nip,
                         in->name,
                         in->pangkat ? in->pangkat : "",
                         in->golongan ? in->golongan : "",
                         in->position ? in->position : "",
                         stmt_id(office, in->office_id),
                         in->role,
                         in->ppns_card_no,
                         in->ppns_valid_until,
                         in->password_hash};
    PGresult *r = stmt_query(tx, &user_insert, p, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_user_disable(struct tx *tx, long long id, struct berr *err)
{
    char u[24];
    const char *p[1] = {stmt_id(u, id)};
    return stmt_exec(tx, &user_disable, p, err) && stmt_exec(tx, &user_sessions_end, p, err);
}

bool store_user_unlock(struct tx *tx, long long id, struct berr *err)
{
    char u[24];
    const char *p[1] = {stmt_id(u, id)};
    return stmt_exec(tx, &user_unlock, p, err) && stmt_exec(tx, &user_locks_release, p, err);
}
