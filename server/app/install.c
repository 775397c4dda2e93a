/*
 * install.c - the installation's first start and the bulk import of its
 * offices and users.
 *
 * A tree (Imigrasi under a Ditjen, Kejaksaan under a Kejaksaan Agung) is
 * planted once: its root office and its first admin, in one transaction,
 * refused when the tree already has its root (berkasd --init-admin).  From
 * there the admins build their subtrees, by hand or from a CSV file the CLI
 * sends as rows: every row is checked by the same rules as one office or
 * one user made by hand, each in a savepoint of one transaction, so that
 * every bad row is named (its line in the file and why) and nothing at all
 * is written while any row is bad, or on a dry run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "app.h"
#include "audit.h"
#include "store/install.h"
#include "store/tx.h"
#include "install.h"

#define IMPORT_MAX_ROWS 500

bool app_install_init(struct app *app, const struct office_input *office,
                      const struct user_input *admin, long long *office_id, long long *user_id,
                      struct berr *err)
{
    if (!office->kind ||
        (strcmp(office->kind, "ditjen") != 0 && strcmp(office->kind, "kejagung") != 0))
        return berr_field(err, BERR_BAD_INPUT, "kind",
                          "kantor akar harus ditjen (Imigrasi) atau kejagung (Kejaksaan)");
    if (office->parent_id)
        return berr_field(err, BERR_BAD_INPUT, "parent_id", "kantor akar tidak berinduk");
    if (!admin->role || strcmp(admin->role, "admin") != 0)
        return berr_field(err, BERR_BAD_INPUT, "role", "pengguna pertama adalah admin");
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return false;
    char root[64] = "";
    bool ok = store_install_lock(&tx, err) && store_install_root(&tx, office->kind, root, err);
    if (ok && root[0])
        ok = berr_set(err, BERR_CONFLICT,
                      "already initialised: the %s tree has its root office %s (run "
                      "--init-admin once per tree; add people with berkas user add)",
                      strcmp(office->kind, "ditjen") == 0 ? "Imigrasi" : "Kejaksaan", root);
    ok = ok && admin_office_insert(&tx, NULL, office, office_id, err);
    struct user_input in = *admin;
    in.office_id = ok ? *office_id : 0;
    ok = ok && admin_user_insert(app, &tx, NULL, &in, user_id, err);
    struct audit_rec au = {.method = "INIT",
                           .route = "berkasd --init-admin",
                           .action = "install.init",
                           .object_type = "user"};
    if (ok) {
        au.object_id = *user_id;
        snprintf(au.detail, sizeof au.detail, "{\"office_id\":%lld}", *office_id);
    }
    ok = ok && audit_ok(&tx, NULL, &au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

/* ---- import ------------------------------------------------------------------ */

static const char *row_str(const json_t *row, const char *key)
{
    const char *s = json_string_value(json_object_get(row, key));
    return s && *s ? s : NULL;
}

/* The office with code (as it stands in this transaction), or 0 with the
 * row's error. */
static long long office_by_code(struct tx *tx, const char *code, const char *field,
                                struct berr *err)
{
    if (!code) {
        berr_field(err, BERR_BAD_INPUT, field, "%s wajib diisi (kode kantor)", field);
        return 0;
    }
    long long id = 0;
    bool ok = store_install_office_by_code(tx, code, &id, err);
    if (ok && !id)
        berr_field(err, BERR_BAD_INPUT, field,
                   "kantor %s tidak ada (baris sebelumnya atau "
                   "berkas office list)",
                   code);
    return id;
}

static bool import_office(struct tx *tx, const struct actor *who, const json_t *row,
                          struct berr *err)
{
    struct office_input in = {.kind = row_str(row, "kind"),
                              .code = row_str(row, "code"),
                              .name = row_str(row, "name"),
                              .tz = row_str(row, "tz"),
                              .class_name = row_str(row, "class")};
    static const char *const required[] = {"code", "kind", "name", "tz"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (!row_str(row, required[i]))
            return berr_field(err, BERR_BAD_INPUT, required[i], "%s wajib diisi", required[i]);
    bool taken = false;
    if (!store_install_code_taken(tx, in.code, &taken, err))
        return false;
    if (taken)
        return berr_field(err, BERR_BAD_INPUT, "code", "kode %s sudah dipakai", in.code);
    in.parent_id = office_by_code(tx, row_str(row, "parent"), "parent", err);
    if (!in.parent_id)
        return false;
    long long id;
    return admin_office_insert(tx, who, &in, &id, err);
}

/* A password for a user imported without one: 20 letters and digits from
 * libsodium's generator, in groups of five (about 100 bits). */
static void generate_password(char *out, size_t size)
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
    size_t n = 0;
    for (int i = 0; i < 20 && n + 2 < size; i++) {
        if (i > 0 && i % 5 == 0)
            out[n++] = '-';
        out[n++] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
    }
    out[n] = '\0';
}

static bool import_user(struct app *app, struct tx *tx, const struct actor *who, json_t *row,
                        json_t *passwords, struct berr *err)
{
    char nip[32] = "", generated[32] = "";
    const char *typed = row_str(row, "nip");
    for (size_t i = 0, n = 0; typed && typed[i] && n + 1 < sizeof nip; i++)
        if (typed[i] != ' ')
            nip[n++] = typed[i], nip[n] = '\0';
    struct user_input in = {.nip = nip,
                            .name = row_str(row, "name"),
                            .pangkat = row_str(row, "pangkat"),
                            .golongan = row_str(row, "golongan"),
                            .position = row_str(row, "position"),
                            .role = row_str(row, "role"),
                            .password = row_str(row, "password"),
                            .ppns_card_no = row_str(row, "ppns_card_no"),
                            .ppns_valid_until = row_str(row, "ppns_valid_until")};
    static const char *const required[] = {"nip", "name", "role", "office"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (!row_str(row, required[i]))
            return berr_field(err, BERR_BAD_INPUT, required[i], "%s wajib diisi", required[i]);
    bool taken = false;
    if (!store_install_nip_taken(tx, nip, &taken, err))
        return false;
    if (taken)
        return berr_field(err, BERR_BAD_INPUT, "nip", "NIP %s sudah terdaftar", nip);
    in.office_id = office_by_code(tx, row_str(row, "office"), "office", err);
    if (!in.office_id)
        return false;
    if (!in.password) {
        generate_password(generated, sizeof generated);
        in.password = generated;
    }
    long long id;
    bool ok = admin_user_insert(app, tx, who, &in, &id, err);
    if (ok && generated[0])
        json_array_append_new(passwords,
                              json_pack("{s:O, s:s, s:s}", "line", json_object_get(row, "line"),
                                        "nip", nip, "password", generated));
    sodium_memzero(generated, sizeof generated);
    return ok;
}

/* Each row in a savepoint of its own: a bad row is named in errors and
 * leaves nothing; *created counts the good ones.  False (err set) only when
 * the work itself failed. */
static bool import_rows(struct app *app, struct tx *tx, const struct actor *who, bool offices,
                        json_t *rows, json_t *errors, json_t *passwords, size_t *created,
                        struct berr *err)
{
    bool ok = true;
    for (size_t i = 0; ok && i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        if (!json_is_object(row)) /* refused at the edge, already in errors */
            continue;
        struct berr rerr = {0};
        if (!store_install_row_begin(tx, err))
            return false;
        bool row_ok = offices ? import_office(tx, who, row, &rerr)
                              : import_user(app, tx, who, row, passwords, &rerr);
        if (!row_ok && (rerr.kind == BERR_UNAVAILABLE || rerr.kind == BERR_INTERNAL)) {
            *err = rerr;
            return false;
        }
        if (row_ok)
            (*created)++;
        else
            json_array_append_new(errors,
                                  json_pack("{s:O, s:s, s:s}", "line", json_object_get(row, "line"),
                                            "field", rerr.field, "detail", rerr.message));
        ok = store_install_row_end(tx, row_ok, err);
    }
    return ok;
}

json_t *app_import(struct app *app, const struct actor *who, const char *what, json_t *rows,
                   bool dry_run, json_t *errors, struct audit_rec *au, struct berr *err)
{
    bool offices = strcmp(what, "offices") == 0;
    au->action = offices ? "office.import" : "user.import";
    au->object_type = offices ? "office" : "user";
    if (!offices && strcmp(what, "users") != 0) {
        berr_field(err, BERR_BAD_INPUT, "what", "what: offices atau users");
        return NULL;
    }
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    size_t n = json_array_size(rows);
    if (!json_is_array(rows) || n == 0 || n > IMPORT_MAX_ROWS) {
        berr_field(err, BERR_BAD_INPUT, "rows",
                   "rows: 1 sampai %d baris (bagi berkas yang lebih "
                   "besar)",
                   IMPORT_MAX_ROWS);
        return NULL;
    }
    snprintf(au->detail, sizeof au->detail, "{\"rows\":%zu,\"dry_run\":%s}", n,
             dry_run ? "true" : "false");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *passwords = json_array();
    size_t created = 0;
    bool ok = store_install_lock(&tx, err) &&
              import_rows(app, &tx, who, offices, rows, errors, passwords, &created, err);
    bool write = ok && !dry_run && json_array_size(errors) == 0;
    if (write)
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        json_decref(passwords);
        return NULL;
    }
    if (!write) { /* nothing written: a generated password means nothing */
        json_decref(passwords);
        passwords = json_array();
    }
    return json_pack("{s:s, s:b, s:I, s:I, s:O, s:o}", "what", what, "dry_run", dry_run, "rows",
                     (json_int_t)n, "created", (json_int_t)(write ? created : 0), "errors", errors,
                     "passwords", passwords);
}
