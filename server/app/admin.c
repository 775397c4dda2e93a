/*
 * admin.c - offices, letterheads and users.
 *
 * The office directory is readable by every logged-on user (a prosecutor
 * needs to know which Kantor Imigrasi sent a file).  Changes are for admins,
 * and only inside their own subtree: an admin at a Kanwil manages that
 * Kanwil's offices and people, an admin at Kejaksaan Agung the prosecutors'
 * tree.  An office outside the subtree answers 404, as if it did not exist.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "admin.h"
#include "audit.h"
#include "pwlist.h"
#include "store/tx.h"
#include "core/numfmt.h"
#include "validate.h"

const char *role_code(enum role r)
{
    switch (r) {
    case ROLE_INVESTIGATOR:
        return "investigator";
    case ROLE_SUPERVISOR:
        return "supervisor";
    case ROLE_PROSECUTOR:
        return "prosecutor";
    case ROLE_ADMIN:
        return "admin";
    default:
        return "";
    }
}

enum role role_from_code(const char *code)
{
    static const enum role all[] = {ROLE_INVESTIGATOR, ROLE_SUPERVISOR, ROLE_PROSECUTOR,
                                    ROLE_ADMIN};
    for (size_t i = 0; code && i < sizeof all / sizeof all[0]; i++)
        if (strcmp(code, role_code(all[i])) == 0)
            return all[i];
    return ROLE_NONE;
}

static long long as_id(PGresult *r, int row, int col)
{
    return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* An admin's scope: is office inside their subtree?  who NULL is the
 * installation itself. */
static bool in_scope(struct tx *tx, const struct actor *who, long long office, struct berr *err)
{
    if (!who)
        return true;
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    char o[24], a[24];
    snprintf(o, sizeof o, "%lld", office);
    snprintf(a, sizeof a, "%lld", who->office_id);
    const char *p[2] = {o, a};
    PGresult *r = tx_query(tx,
                           "SELECT 1 FROM app.offices WHERE id = $1::bigint "
                           "AND $2::bigint = ANY (ancestors)",
                           2, p, err);
    if (!r)
        return false;
    bool found = PQntuples(r) == 1;
    PQclear(r);
    if (!found)
        return berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office);
    return true;
}

bool admin_at_root(struct tx *tx, const struct actor *who, struct berr *err)
{
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    char o[24];
    snprintf(o, sizeof o, "%lld", who->office_id);
    const char *p[1] = {o};
    PGresult *r =
        tx_query(tx, "SELECT parent_id IS NULL FROM app.offices WHERE id = $1::bigint", 1, p, err);
    if (!r)
        return false;
    bool root = PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    return root || berr_set(err, BERR_FORBIDDEN,
                            "pengaturan nasional hanya oleh administrator kantor pusat");
}

/* ---- offices ----------------------------------------------------------------- */

static const char office_cols[] =
    "SELECT id, coalesce(parent_id, 0), kind, code, name, coalesce(class, ''), tz, tree "
    "FROM app.offices ";

static json_t *office_json(PGresult *r, int i)
{
    json_t *j =
        json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)as_id(r, i, 0), "kind",
                  PQgetvalue(r, i, 2), "code", PQgetvalue(r, i, 3), "name", PQgetvalue(r, i, 4),
                  "tz", PQgetvalue(r, i, 6), "tree", PQgetvalue(r, i, 7));
    long long parent = as_id(r, i, 1);
    json_object_set_new(j, "parent_id", parent ? json_integer(parent) : json_null());
    if (PQgetvalue(r, i, 5)[0])
        json_object_set_new(j, "class", json_string(PQgetvalue(r, i, 5)));
    return j;
}

json_t *app_offices_list(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    char sql[256];
    snprintf(sql, sizeof sql, "%sORDER BY tree DESC, ancestors", office_cols);
    PGresult *r = tx_query(&tx, sql, 0, NULL, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < PQntuples(r); i++)
        json_array_append_new(items, office_json(r, i));
    PQclear(r);
    return json_pack("{s:o}", "items", items);
}

json_t *app_office_get(struct app *app, const struct actor *who, long long id, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    char sql[256], sid[24];
    snprintf(sql, sizeof sql, "%sWHERE id = $1::bigint", office_cols);
    snprintf(sid, sizeof sid, "%lld", id);
    const char *p[1] = {sid};
    PGresult *r = tx_query(&tx, sql, 1, p, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *j = NULL;
    if (PQntuples(r) == 1)
        j = office_json(r, 0);
    else
        berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", id);
    PQclear(r);
    return j;
}

bool admin_office_insert(struct tx *tx, const struct actor *who, const struct office_input *in,
                         long long *id, struct berr *err)
{
    if (!validate_tz(in->tz, err))
        return false;
    if (who && !in->parent_id)
        return berr_field(err, BERR_FORBIDDEN, "parent_id",
                          "kantor tingkat teratas hanya dibuat saat instalasi");
    if (in->parent_id && !in_scope(tx, who, in->parent_id, err)) {
        if (err->kind == BERR_NOT_FOUND)
            err->kind = BERR_BAD_INPUT, snprintf(err->field, sizeof err->field, "parent_id");
        return false;
    }
    char parent[24];
    snprintf(parent, sizeof parent, "%lld", in->parent_id);
    const char *p[6] = {
        in->parent_id ? parent : NULL, in->kind, in->code, in->name, in->tz, in->class_name};
    PGresult *r = tx_query(tx,
                           "INSERT INTO app.offices (parent_id, kind, code, name, tz, class) "
                           "VALUES ($1::bigint, $2, $3, $4, $5, $6) RETURNING id",
                           6, p, err);
    if (!r)
        return false;
    *id = as_id(r, 0, 0);
    PQclear(r);
    return true;
}

bool app_office_create(struct app *app, const struct actor *who, const struct office_input *in,
                       long long *id, struct audit_rec *au, struct berr *err)
{
    au->action = "office.create";
    au->object_type = "office";
    if (!validate_tz(in->tz, err))
        return false;
    if (who && !in->parent_id)
        return berr_field(err, BERR_FORBIDDEN, "parent_id",
                          "kantor tingkat teratas hanya dibuat saat instalasi");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who ? who->user_id : 0, err))
        return false;
    bool ok = admin_office_insert(&tx, who, in, id, err);
    if (ok) {
        au->object_id = *id;
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    return ok;
}

/* ---- letterheads ------------------------------------------------------------- */

json_t *app_letterheads_list(struct app *app, const struct actor *who, long long office_id,
                             struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", office_id);
    const char *p[1] = {sid};
    PGresult *o = tx_query(&tx, "SELECT 1 FROM app.offices WHERE id = $1::bigint", 1, p, err);
    PGresult *r = NULL;
    if (o && PQntuples(o) == 0)
        berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office_id);
    else if (o)
        r = tx_query(&tx,
                     "SELECT effective_from::text, array_to_json(lines)::text "
                     "FROM app.letterheads WHERE office_id = $1::bigint ORDER BY effective_from",
                     1, p, err);
    PQclear(o);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < PQntuples(r); i++)
        json_array_append_new(items, json_pack("{s:s, s:o}", "effective_from", PQgetvalue(r, i, 0),
                                               "lines", json_loads(PQgetvalue(r, i, 1), 0, NULL)));
    PQclear(r);
    return json_pack("{s:I, s:o}", "office_id", (json_int_t)office_id, "items", items);
}

bool app_letterhead_add(struct app *app, const struct actor *who, long long office_id,
                        const char *effective_from, json_t *lines, struct audit_rec *au,
                        struct berr *err)
{
    au->action = "letterhead.add";
    au->object_type = "office";
    au->object_id = office_id;
    size_t n = json_array_size(lines);
    if (!json_is_array(lines) || n < 1 || n > 8)
        return berr_field(err, BERR_BAD_INPUT, "lines", "lines: 1 sampai 8 baris teks");
    for (size_t i = 0; i < n; i++) {
        const char *line = json_string_value(json_array_get(lines, i));
        if (!line || !*line || strlen(line) > 200)
            return berr_field(err, BERR_BAD_INPUT, "lines",
                              "lines: setiap baris teks 1 sampai 200 karakter");
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who ? who->user_id : 0, err))
        return false;
    if (!in_scope(&tx, who, office_id, err)) {
        tx_end(&tx);
        return false;
    }
    char *arr = json_dumps(lines, JSON_COMPACT);
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", office_id);
    const char *p[3] = {sid, effective_from, arr};
    bool ok = arr &&
              tx_exec(&tx,
                      "INSERT INTO app.letterheads (office_id, effective_from, lines) "
                      "SELECT $1::bigint, $2::date, array_agg(x) "
                      "FROM json_array_elements_text($3::json) x",
                      3, p, err) &&
              audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    free(arr);
    tx_end(&tx);
    return ok;
}

/* ---- users --------------------------------------------------------------------- */

static const char user_cols[] =
    "SELECT u.id, u.nip, u.name, u.pangkat, u.golongan, u.position, u.role, u.office_id, "
    "coalesce(u.ppns_card_no, ''), coalesce(u.ppns_valid_until::text, ''), "
    "coalesce(u.locked_until > now(), false), u.disabled_at IS NOT NULL, "
    /* the admins' record of log-on locks (issue 9.3): the lock in force and
     * the locks of the last 30 days; each lock is a row of app.lockouts */
    "coalesce(to_char(u.locked_until AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), "
    "(SELECT count(*) FROM app.lockouts l WHERE l.user_id = u.id AND l.locked_at > now() - "
    "interval '30 days') FROM app.users u JOIN app.offices o ON o.id = u.office_id ";

static json_t *user_json(PGresult *r, int i)
{
    json_t *j = json_pack(
        "{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:b, s:b}", "id", (json_int_t)as_id(r, i, 0),
        "nip", PQgetvalue(r, i, 1), "name", PQgetvalue(r, i, 2), "pangkat", PQgetvalue(r, i, 3),
        "golongan", PQgetvalue(r, i, 4), "position", PQgetvalue(r, i, 5), "role",
        PQgetvalue(r, i, 6), "office_id", (json_int_t)as_id(r, i, 7), "locked",
        PQgetvalue(r, i, 10)[0] == 't', "disabled", PQgetvalue(r, i, 11)[0] == 't');
    json_object_set_new(j, "locks_30_days",
                        json_integer((json_int_t)strtoll(PQgetvalue(r, i, 13), NULL, 10)));
    if (PQgetvalue(r, i, 10)[0] == 't')
        json_object_set_new(j, "locked_until", json_string(PQgetvalue(r, i, 12)));
    if (PQgetvalue(r, i, 8)[0])
        json_object_set_new(j, "ppns",
                            json_pack("{s:s, s:s}", "card_no", PQgetvalue(r, i, 8), "valid_until",
                                      PQgetvalue(r, i, 9)));
    return j;
}

json_t *app_users_list(struct app *app, const struct actor *who, struct berr *err)
{
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    char sql[1024], office[24];
    snprintf(sql, sizeof sql, "%sWHERE $1::bigint = ANY (o.ancestors) ORDER BY u.id", user_cols);
    snprintf(office, sizeof office, "%lld", who->office_id);
    const char *p[1] = {office};
    PGresult *r = tx_query(&tx, sql, 1, p, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < PQntuples(r); i++)
        json_array_append_new(items, user_json(r, i));
    PQclear(r);
    return json_pack("{s:o}", "items", items);
}

json_t *app_lockouts_list(struct app *app, const struct actor *who, int days, struct berr *err)
{
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    char office[24], d[16];
    snprintf(office, sizeof office, "%lld", who->office_id);
    snprintf(d, sizeof d, "%d", days);
    const char *p[2] = {office, d};
    /* each lock of the admin's subtree (issue 9.3: "tell the admin"), the
     * newest first; where the failure that locked it came from */
    PGresult *r = tx_query(
        &tx,
        "SELECT json_build_object('id', l.id, 'user_id', u.id, 'nip', u.nip, 'name', u.name, "
        "'office_id', u.office_id, 'locked_at', l.locked_at, 'locked_until', l.locked_until, "
        "'failures', l.failures, 'client_addr', host(l.client_addr), 'in_force', "
        "l.locked_until > now() AND l.released_at IS NULL, 'released_at', l.released_at, "
        "'owner_told', l.owner_told_at IS NOT NULL) FROM app.lockouts l JOIN app.users u ON "
        "u.id = l.user_id JOIN app.offices o ON o.id = u.office_id WHERE $1::bigint = ANY "
        "(o.ancestors) AND l.locked_at > now() - make_interval(days => $2::int) "
        "ORDER BY l.locked_at DESC, l.id DESC LIMIT 500",
        2, p, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < PQntuples(r); i++)
        json_array_append_new(items, json_loads(PQgetvalue(r, i, 0), 0, NULL));
    PQclear(r);
    return json_pack("{s:o, s:i}", "items", items, "days", days);
}

/* The user with id, if inside the admin's subtree; 404 otherwise. */
static json_t *user_in_scope(struct tx *tx, const struct actor *who, long long id, struct berr *err)
{
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    char sql[1024], sid[24], office[24];
    snprintf(sql, sizeof sql, "%sWHERE u.id = $1::bigint AND $2::bigint = ANY (o.ancestors)",
             user_cols);
    snprintf(sid, sizeof sid, "%lld", id);
    snprintf(office, sizeof office, "%lld", who->office_id);
    const char *p[2] = {sid, office};
    PGresult *r = tx_query(tx, sql, 2, p, err);
    if (!r)
        return NULL;
    json_t *j = NULL;
    if (PQntuples(r) == 1)
        j = user_json(r, 0);
    else
        berr_set(err, BERR_NOT_FOUND, "pengguna %lld tidak ditemukan", id);
    PQclear(r);
    return j;
}

json_t *app_user_get(struct app *app, const struct actor *who, long long id, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *j = user_in_scope(&tx, who, id, err);
    tx_end(&tx);
    return j;
}

/* Whether password holds a part of name of four letters or more, whatever
 * the case ("Eko Prasetyo": "prasetyo" is refused in "Prasetyo2026!"). */
static bool holds_name(const char *password, const char *name)
{
    char lower[1025], part[256];
    size_t n = 0;
    for (; password[n] && n + 1 < sizeof lower; n++)
        lower[n] = (char)tolower((unsigned char)password[n]);
    lower[n] = '\0';
    while (name && *name) {
        size_t len = 0;
        while (name[len] && !isspace((unsigned char)name[len]) && name[len] != ',' &&
               name[len] != '.' && len + 1 < sizeof part) {
            part[len] = (char)tolower((unsigned char)name[len]);
            len++;
        }
        part[len] = '\0';
        if (len >= 4 && strstr(lower, part))
            return true;
        name += len;
        while (*name && (isspace((unsigned char)*name) || *name == ',' || *name == '.'))
            name++;
    }
    return false;
}

/* The policy for a new password: its shape, not the user's own NIP or name
 * (NIST SP 800-63B 5.1.1.2: context-specific words), not a common password
 * (pwlist.h: the list of Debian's john-data), not one of the project's own
 * additions (app.banned_passwords). */
static bool password_allowed(struct app *app, struct tx *tx, const char *password, const char *nip,
                             const char *name, struct berr *err)
{
    if (!validate_password_shape(password, nip, err))
        return false;
    if (holds_name(password, name))
        return berr_field(err, BERR_BAD_INPUT, "password",
                          "kata sandi tidak boleh memuat nama pengguna");
    const char *weak = pwlist_weak(app->pwlist, password);
    if (weak)
        return berr_field(err, BERR_BAD_INPUT, "password", "%s", weak);
    char lower[1025], base[1025];
    size_t n = strlen(password);
    for (size_t i = 0; i <= n && i < sizeof lower; i++)
        lower[i] =
            (char)((password[i] >= 'A' && password[i] <= 'Z') ? password[i] + 32 : password[i]);
    lower[sizeof lower - 1] = '\0';
    password_base(password, base, sizeof base);
    const char *p[2] = {lower, base};
    PGresult *r =
        tx_query(tx, "SELECT 1 FROM app.banned_passwords WHERE word IN ($1, $2)", 2, p, err);
    if (!r)
        return false;
    bool banned = PQntuples(r) > 0;
    PQclear(r);
    if (banned)
        return berr_field(err, BERR_BAD_INPUT, "password",
                          "kata sandi ini terlalu umum; pilih kalimat sandi lain");
    return true;
}

bool admin_user_insert(struct app *app, struct tx *tx, const struct actor *who,
                       const struct user_input *in, long long *id, struct berr *err)
{
    enum role role = role_from_code(in->role);
    if (role == ROLE_NONE)
        return berr_field(err, BERR_BAD_INPUT, "role",
                          "role harus investigator, supervisor, prosecutor atau admin");
    if (!validate_nip(in->nip, err) || !validate_golongan(in->golongan ? in->golongan : "", err))
        return false;
    if (role == ROLE_INVESTIGATOR && (!in->ppns_card_no || !in->ppns_valid_until))
        return berr_field(err, BERR_BAD_INPUT,
                          in->ppns_card_no ? "ppns_valid_until" : "ppns_card_no",
                          "penyidik (PPNS) perlu nomor dan masa berlaku kartu PPNS");
    if (role != ROLE_INVESTIGATOR && (in->ppns_card_no || in->ppns_valid_until))
        return berr_field(err, BERR_BAD_INPUT, "ppns_card_no",
                          "kartu PPNS hanya untuk peran investigator");
    bool ok = in_scope(tx, who, in->office_id, err);
    if (!ok && err->kind == BERR_NOT_FOUND) {
        err->kind = BERR_BAD_INPUT;
        snprintf(err->field, sizeof err->field, "office_id");
    }
    /* the role must fit the tree: prosecutors at the Kejaksaan, others at Imigrasi */
    if (ok) {
        char office[24];
        snprintf(office, sizeof office, "%lld", in->office_id);
        const char *p[1] = {office};
        PGresult *t = tx_query(tx, "SELECT tree FROM app.offices WHERE id = $1::bigint", 1, p, err);
        ok = t != NULL;
        if (ok && PQntuples(t) == 0)
            ok = berr_field(err, BERR_BAD_INPUT, "office_id", "kantor %lld tidak ditemukan",
                            in->office_id);
        else if (ok) {
            bool kejaksaan = strcmp(PQgetvalue(t, 0, 0), "kejaksaan") == 0;
            if (kejaksaan != (role == ROLE_PROSECUTOR) && role != ROLE_ADMIN)
                ok = berr_field(err, BERR_BAD_INPUT, "role",
                                "peran %s tidak cocok dengan kantor di pohon %s", in->role,
                                PQgetvalue(t, 0, 0));
        }
        PQclear(t);
    }
    ok = ok && password_allowed(app, tx, in->password, in->nip, in->name, err);
    char hash[crypto_pwhash_STRBYTES];
    if (ok && !who && in->password_hash && strlen(in->password_hash) < sizeof hash)
        memcpy(hash, in->password_hash, strlen(in->password_hash) + 1);
    else if (ok && !app_password_hash(in->password, hash))
        ok = berr_set(err, BERR_INTERNAL, "out of memory hashing a password");
    if (!ok)
        return false;
    char office[24];
    snprintf(office, sizeof office, "%lld", in->office_id);
    const char *p[10] = {in->nip,
                         in->name,
                         in->pangkat ? in->pangkat : "",
                         in->golongan ? in->golongan : "",
                         in->position ? in->position : "",
                         office,
                         in->role,
                         in->ppns_card_no,
                         in->ppns_valid_until,
                         hash};
    PGresult *r = tx_query(tx,
                           "INSERT INTO app.users (nip, name, pangkat, golongan, position, "
                           "office_id, role, ppns_card_no, ppns_valid_until, password_hash) "
                           "VALUES ($1, $2, $3, $4, $5, $6::bigint, $7, $8, $9::date, $10) "
                           "RETURNING id",
                           10, p, err);
    sodium_memzero(hash, sizeof hash);
    if (!r)
        return false;
    *id = as_id(r, 0, 0);
    PQclear(r);
    return true;
}

bool app_user_create(struct app *app, const struct actor *who, const struct user_input *in,
                     long long *id, struct audit_rec *au, struct berr *err)
{
    au->action = "user.create";
    au->object_type = "user";
    struct tx tx;
    if (!tx_begin(&tx, app->db, who ? who->user_id : 0, err))
        return false;
    bool ok = admin_user_insert(app, &tx, who, in, id, err);
    if (ok) {
        au->object_id = *id;
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    return ok;
}

static bool user_change(struct app *app, const struct actor *who, long long id,
                        const char *sql_user, const char *sql_sessions, struct audit_rec *au,
                        struct berr *err)
{
    au->object_type = "user";
    au->object_id = id;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    json_t *u = user_in_scope(&tx, who, id, err);
    bool ok = u != NULL;
    json_decref(u);
    if (ok && id == who->user_id)
        ok =
            berr_set(err, BERR_UNPROCESSABLE, "administrator tidak dapat mengubah akunnya sendiri");
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", id);
    const char *p[1] = {sid};
    ok = ok && tx_exec(&tx, sql_user, 1, p, err);
    if (ok && sql_sessions)
        ok = tx_exec(&tx, sql_sessions, 1, p, err);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool app_user_disable(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                      struct berr *err)
{
    au->action = "user.disable";
    return user_change(app, who, id,
                       "UPDATE app.users SET disabled_at = coalesce(disabled_at, now()) "
                       "WHERE id = $1::bigint",
                       "UPDATE app.sessions SET ended_at = now(), end_reason = 'disabled' "
                       "WHERE user_id = $1::bigint AND ended_at IS NULL",
                       au, err);
}

bool app_user_unlock(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                     struct berr *err)
{
    au->action = "user.unlock";
    return user_change(app, who, id,
                       "UPDATE app.users SET locked_at = NULL, locked_until = NULL, lockouts = 0, "
                       "failed_logins = 0, failed_since = NULL WHERE id = $1::bigint",
                       "UPDATE app.lockouts SET released_at = now() WHERE user_id = $1::bigint "
                       "AND released_at IS NULL AND locked_until > now()",
                       au, err);
}

/* ---- number patterns ---------------------------------------------------------------- */

json_t *app_number_patterns(struct app *app, const struct actor *who, long long office_id,
                            struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *j = NULL;
    if (in_scope(&tx, who, office_id, err)) {
        char sid[24];
        snprintf(sid, sizeof sid, "%lld", office_id);
        const char *p[1] = {sid};
        PGresult *r = tx_query(&tx,
                               "SELECT doc_type, pattern FROM app.number_patterns "
                               "WHERE office_id = $1::bigint ORDER BY doc_type",
                               1, p, err);
        if (r) {
            json_t *items = json_array();
            for (int i = 0; i < PQntuples(r); i++)
                json_array_append_new(items,
                                      json_pack("{s:s, s:s}", "doc_type", PQgetvalue(r, i, 0),
                                                "pattern", PQgetvalue(r, i, 1)));
            PQclear(r);
            j = json_pack("{s:I, s:s, s:o}", "office_id", (json_int_t)office_id, "default",
                          NUMFMT_DEFAULT, "items", items);
        }
    }
    tx_end(&tx);
    return j;
}

bool app_number_pattern_set(struct app *app, const struct actor *who, long long office_id,
                            const char *doc_type, const char *pattern, struct audit_rec *au,
                            struct berr *err)
{
    au->action = "number_pattern.set";
    au->object_type = "office";
    au->object_id = office_id;
    size_t n = strlen(doc_type);
    bool type_ok =
        (n == 1 && doc_type[0] == '*') ||
        (n >= 1 && n <= 40 && strspn(doc_type, "abcdefghijklmnopqrstuvwxyz0123456789_") == n);
    if (!type_ok)
        return berr_field(err, BERR_BAD_INPUT, "doc_type",
                          "jenis dokumen: nama formulir (huruf kecil, angka, _) atau *");
    if (!numfmt_check(pattern, err))
        return false;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", office_id);
    const char *p[3] = {sid, doc_type, pattern};
    bool ok = in_scope(&tx, who, office_id, err) &&
              tx_exec(&tx,
                      "INSERT INTO app.number_patterns (office_id, doc_type, pattern) VALUES "
                      "($1::bigint, $2, $3) ON CONFLICT (office_id, doc_type) DO UPDATE SET "
                      "pattern = EXCLUDED.pattern",
                      3, p, err) &&
              audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}
