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
#include "identity.h"
#include "pwlist.h"
#include "store/identity.h"
#include "store/offices.h"
#include "store/tx.h"
#include "core/numfmt.h"
#include "validate.h"

/* An admin's scope: is office inside their subtree?  who NULL is the
 * installation itself. */
static bool in_scope(struct tx *tx, const struct actor *who, long long office, struct berr *err)
{
    if (!who)
        return true;
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    bool in;
    if (!store_office_in_subtree(tx, office, who->office_id, &in, err))
        return false;
    if (!in)
        return berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office);
    return true;
}

/* ---- offices ----------------------------------------------------------------- */

static json_t *office_json(const struct store_office *o)
{
    json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)o->id, "kind",
                          o->kind, "code", o->code, "name", o->name, "tz", o->tz, "tree", o->tree);
    json_object_set_new(j, "parent_id", o->parent_id ? json_integer(o->parent_id) : json_null());
    if (o->class_name[0])
        json_object_set_new(j, "class", json_string(o->class_name));
    return j;
}

json_t *app_offices_list(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_offices all;
    bool ok = store_offices_all(&tx, &all, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < all.n; i++)
        json_array_append_new(items, office_json(&all.items[i]));
    store_offices_free(&all);
    return json_pack("{s:o}", "items", items);
}

json_t *app_office_get(struct app *app, const struct actor *who, long long id, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_offices one;
    bool ok = store_office_by_id(&tx, id, &one, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *j = NULL;
    if (one.n == 1)
        j = office_json(&one.items[0]);
    else
        berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", id);
    store_offices_free(&one);
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
    return store_office_insert(tx, in->parent_id, in->kind, in->code, in->name, in->tz,
                               in->class_name, id, err);
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
    bool found = false, ok = store_office_exists(&tx, office_id, &found, err);
    struct store_letterheads all = {0};
    if (ok && !found)
        ok = berr_set(err, BERR_NOT_FOUND, "kantor %lld tidak ditemukan", office_id);
    else if (ok)
        ok = store_letterheads_of(&tx, office_id, &all, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < all.n; i++) {
        json_t *lines = json_array();
        for (int k = 0; k < all.items[i].nlines; k++)
            json_array_append_new(lines, json_string(all.items[i].lines[k]));
        json_array_append_new(items, json_pack("{s:s, s:o}", "effective_from",
                                               all.items[i].effective_from, "lines", lines));
    }
    store_letterheads_free(&all);
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
    bool ok = arr && store_letterhead_add(&tx, office_id, effective_from, arr, err) &&
              audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    free(arr);
    tx_end(&tx);
    return ok;
}

/* ---- users --------------------------------------------------------------------- */

static json_t *user_json(const struct store_user_row *u)
{
    json_t *j =
        json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:b, s:b}", "id", (json_int_t)u->id,
                  "nip", u->nip, "name", u->name, "pangkat", u->pangkat, "golongan", u->golongan,
                  "position", u->position, "role", u->role, "office_id", (json_int_t)u->office_id,
                  "locked", u->locked, "disabled", u->disabled);
    json_object_set_new(j, "locks_30_days", json_integer((json_int_t)u->locks_30_days));
    if (u->locked)
        json_object_set_new(j, "locked_until", json_string(u->locked_until));
    if (u->ppns_card_no[0])
        json_object_set_new(j, "ppns",
                            json_pack("{s:s, s:s}", "card_no", u->ppns_card_no, "valid_until",
                                      u->ppns_valid_until));
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
    struct store_users all;
    bool ok = store_users_in_subtree(&tx, who->office_id, &all, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < all.n; i++)
        json_array_append_new(items, user_json(&all.items[i]));
    store_users_free(&all);
    return json_pack("{s:o}", "items", items);
}

/* Each log-on lock of the admin's subtree (issue 9.3: "tell the admin"),
 * the newest first, and where the failure that locked it came from. */
json_t *app_lockouts_list(struct app *app, const struct actor *who, int days, struct berr *err)
{
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_lockouts all;
    bool ok = store_lockouts_in_subtree(&tx, who->office_id, days, &all, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < all.n; i++) {
        const struct store_lockout *l = &all.items[i];
        json_array_append_new(
            items, json_pack("{s:I, s:I, s:s, s:s, s:I, s:s, s:s, s:i, s:s?, s:b, s:s?, s:b}", "id",
                             (json_int_t)l->id, "user_id", (json_int_t)l->user_id, "nip", l->nip,
                             "name", l->name, "office_id", (json_int_t)l->office_id, "locked_at",
                             l->locked_at, "locked_until", l->locked_until, "failures", l->failures,
                             "client_addr", l->client_addr, "in_force", l->in_force, "released_at",
                             l->released_at, "owner_told", l->owner_told));
    }
    store_lockouts_free(&all);
    return json_pack("{s:o, s:i}", "items", items, "days", days);
}

/* The user with id, if inside the admin's subtree; 404 otherwise. */
static json_t *user_in_scope(struct tx *tx, const struct actor *who, long long id, struct berr *err)
{
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    struct store_users one;
    if (!store_user_in_subtree(tx, id, who->office_id, &one, err))
        return NULL;
    json_t *j = NULL;
    if (one.n == 1)
        j = user_json(&one.items[0]);
    else
        berr_set(err, BERR_NOT_FOUND, "pengguna %lld tidak ditemukan", id);
    store_users_free(&one);
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
    bool banned;
    if (!store_password_banned(tx, lower, base, &banned, err))
        return false;
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
        char tree[16];
        bool found;
        ok = store_office_tree(tx, in->office_id, tree, &found, err);
        if (ok && !found)
            ok = berr_field(err, BERR_BAD_INPUT, "office_id", "kantor %lld tidak ditemukan",
                            in->office_id);
        else if (ok) {
            bool kejaksaan = strcmp(tree, "kejaksaan") == 0;
            if (kejaksaan != (role == ROLE_PROSECUTOR) && role != ROLE_ADMIN)
                ok = berr_field(err, BERR_BAD_INPUT, "role",
                                "peran %s tidak cocok dengan kantor di pohon %s", in->role, tree);
        }
    }
    ok = ok && password_allowed(app, tx, in->password, in->nip, in->name, err);
    char hash[crypto_pwhash_STRBYTES];
    if (ok && in->password_hash && strlen(in->password_hash) < sizeof hash)
        memcpy(hash, in->password_hash, strlen(in->password_hash) + 1);
    else if (ok && !app_password_hash(in->password, hash))
        ok = berr_set(err, BERR_INTERNAL, "out of memory hashing a password");
    if (!ok)
        return false;
    struct store_new_user row = {
        .nip = in->nip,
        .name = in->name,
        .pangkat = in->pangkat,
        .golongan = in->golongan,
        .position = in->position,
        .role = in->role,
        .office_id = in->office_id,
        .ppns_card_no = in->ppns_card_no,
        .ppns_valid_until = in->ppns_valid_until,
        .password_hash = hash,
    };
    ok = store_user_insert(tx, &row, id, err);
    sodium_memzero(hash, sizeof hash);
    return ok;
}

bool app_user_create(struct app *app, const struct actor *who, const struct user_input *in,
                     long long *id, struct audit_rec *au, struct berr *err)
{
    au->action = "user.create";
    au->object_type = "user";
    /* hashed before the transaction: nothing is held while a password is hashed (no database
     * connection, no row), as at a log-on; a password the policy then refuses cost one hash */
    char hash[crypto_pwhash_STRBYTES];
    struct user_input hashed = *in;
    if (!in->password_hash && in->password) {
        if (!app_password_hash(in->password, hash))
            return berr_set(err, BERR_INTERNAL, "out of memory hashing a password");
        hashed.password_hash = hash;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who ? who->user_id : 0, err)) {
        sodium_memzero(hash, sizeof hash);
        return false;
    }
    bool ok = admin_user_insert(app, &tx, who, &hashed, id, err);
    if (ok) {
        au->object_id = *id;
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    sodium_memzero(hash, sizeof hash);
    return ok;
}

static bool user_change(struct app *app, const struct actor *who, long long id,
                        bool (*change)(struct tx *, long long, struct berr *), struct audit_rec *au,
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
    ok = ok && change(&tx, id, err);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

bool app_user_disable(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                      struct berr *err)
{
    au->action = "user.disable";
    return user_change(app, who, id, store_user_disable, au, err);
}

bool app_user_unlock(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                     struct berr *err)
{
    au->action = "user.unlock";
    return user_change(app, who, id, store_user_unlock, au, err);
}

/* ---- number patterns ---------------------------------------------------------------- */

json_t *app_number_patterns(struct app *app, const struct actor *who, long long office_id,
                            struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *j = NULL;
    struct store_number_patterns all;
    if (in_scope(&tx, who, office_id, err) && store_number_patterns_of(&tx, office_id, &all, err)) {
        json_t *items = json_array();
        for (int i = 0; i < all.n; i++)
            json_array_append_new(items, json_pack("{s:s, s:s}", "doc_type", all.items[i].doc_type,
                                                   "pattern", all.items[i].pattern));
        store_number_patterns_free(&all);
        j = json_pack("{s:I, s:s, s:o}", "office_id", (json_int_t)office_id, "default",
                      NUMFMT_DEFAULT, "items", items);
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
    bool ok = in_scope(&tx, who, office_id, err) &&
              store_number_pattern_set(&tx, office_id, doc_type, pattern, err) &&
              audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}
