/* signers.c (store) - see signers.h. */
#include "signers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

static const struct stmt user = {
    "signers.user", 1,
    "SELECT name, nip, pangkat, golongan, position, '' FROM app.users WHERE id = $1::bigint"};

static const struct stmt official_on = {
    "signers.official_on", 3,
    "SELECT name, nip, pangkat, golongan, title, acting FROM app.officials "
    "WHERE office_id = $1::bigint AND role = $2 AND valid_from <= "
    "$3::date AND (valid_to IS NULL OR valid_to >= $3::date) "
    "ORDER BY (acting <> '') DESC, valid_from DESC, id DESC LIMIT 1"};

static const struct stmt rule = {"signers.rule", 1,
                                 "SELECT signer, coalesce(official_role, ''), "
                                 "coalesce(on_behalf_role, '') FROM app.signing_rules "
                                 "WHERE form = $1"};

static const struct stmt officials = {
    "signers.officials", 1,
    "SELECT id, office_id, role, title, acting, name, nip, pangkat, golongan, valid_from::text, "
    "valid_to::text FROM app.officials WHERE office_id = $1::bigint "
    "ORDER BY role, valid_from, id"};

static const struct stmt official_insert = {
    "signers.official_insert", 11,
    "INSERT INTO app.officials (office_id, role, title, acting, name, "
    "nip, pangkat, golongan, valid_from, valid_to, created_by) VALUES "
    "($1::bigint, $2, $3, $4, $5, $6, $7, $8, $9::date, $10::date, "
    "$11::bigint) RETURNING id"};

static const struct stmt official_end = {
    "signers.official_end", 3,
    "UPDATE app.officials SET valid_to = $3::date WHERE id = $1::bigint AND "
    "office_id = $2::bigint AND valid_from <= $3::date RETURNING id"};

void store_signer_free(struct store_signer *s)
{
    PQclear(s->res_);
    memset(s, 0, sizeof *s);
}

static bool signer_of(PGresult *r, struct store_signer *out, bool *found)
{
    memset(out, 0, sizeof *out);
    if (!r)
        return false;
    out->res_ = r;
    *found = PQntuples(r) == 1;
    if (*found) {
        out->name = PQgetvalue(r, 0, 0);
        out->nip = PQgetvalue(r, 0, 1);
        out->pangkat = PQgetvalue(r, 0, 2);
        out->golongan = PQgetvalue(r, 0, 3);
        out->position = PQgetvalue(r, 0, 4);
        out->acting = PQgetvalue(r, 0, 5);
    }
    return true;
}

bool store_signer_user(struct tx *tx, long long user_id, struct store_signer *out, bool *found,
                       struct berr *err)
{
    char u[24];
    const char *p[1] = {stmt_id(u, user_id)};
    return signer_of(stmt_query(tx, &user, p, err), out, found);
}

bool store_official_on(struct tx *tx, long long office_id, const char *role, const char *date,
                       struct store_signer *out, bool *found, struct berr *err)
{
    char o[24];
    const char *p[3] = {stmt_id(o, office_id), role, date};
    return signer_of(stmt_query(tx, &official_on, p, err), out, found);
}

bool store_signing_rule(struct tx *tx, const char *form, struct store_signing_rule *out,
                        bool *found, struct berr *err)
{
    const char *p[1] = {form};
    PGresult *r = stmt_query(tx, &rule, p, err);
    if (!r)
        return false;
    memset(out, 0, sizeof *out);
    *found = PQntuples(r) == 1;
    if (*found) {
        stmt_copy(out->signer, sizeof out->signer, r, 0, 0);
        stmt_copy(out->official_role, sizeof out->official_role, r, 0, 1);
        stmt_copy(out->on_behalf_role, sizeof out->on_behalf_role, r, 0, 2);
    }
    PQclear(r);
    return true;
}

/* ---- the officials of an office ---------------------------------------------------------- */

static void official_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_official *f = item;
    f->id = stmt_ll(r, i, 0);
    f->office_id = stmt_ll(r, i, 1);
    f->role = PQgetvalue(r, i, 2);
    f->title = PQgetvalue(r, i, 3);
    f->acting = PQgetvalue(r, i, 4);
    f->name = PQgetvalue(r, i, 5);
    f->nip = PQgetvalue(r, i, 6);
    f->pangkat = PQgetvalue(r, i, 7);
    f->golongan = PQgetvalue(r, i, 8);
    f->valid_from = PQgetvalue(r, i, 9);
    f->valid_to = PQgetisnull(r, i, 10) ? NULL : PQgetvalue(r, i, 10);
}

bool store_officials_of(struct tx *tx, long long office_id, struct store_officials *out,
                        struct berr *err)
{
    memset(out, 0, sizeof *out);
    char o[24];
    const char *p[1] = {stmt_id(o, office_id)};
    void *items;
    if (!stmt_rows(stmt_query(tx, &officials, p, err), sizeof *out->items, official_of, NULL,
                   &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_officials_free(struct store_officials *o)
{
    free(o->items);
    PQclear(o->res_);
    memset(o, 0, sizeof *o);
}

bool store_official_insert(struct tx *tx, const struct store_official_new *in, long long *id,
                           struct berr *err)
{
    char office[24], by[24];
    const char *p[11] = {stmt_id(office, in->office_id),
                         in->role,
                         in->title,
                         in->acting,
                         in->name,
                         in->nip,
                         in->pangkat,
                         in->golongan,
                         in->valid_from,
                         in->valid_to,
                         in->created_by ? stmt_id(by, in->created_by) : NULL};
    PGresult *r = stmt_query(tx, &official_insert, p, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_official_end(struct tx *tx, long long office_id, long long official_id,
                        const char *valid_to, bool *found, struct berr *err)
{
    char o[24], f[24];
    const char *p[3] = {stmt_id(f, official_id), stmt_id(o, office_id), valid_to};
    PGresult *r = stmt_query(tx, &official_end, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    PQclear(r);
    return true;
}
