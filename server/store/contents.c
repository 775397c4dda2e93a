/* contents.c (store) - see contents.h. */
#include "contents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

static const struct stmt act = {
    "contents.act", 2,
    "SELECT e.type, coalesce(e.payload->>'bap', ''), coalesce(e.party_id, 0), "
    "coalesce(p.kind, ''), EXISTS (SELECT 1 FROM app.events c WHERE c.corrects = e.id AND "
    "c.case_id = e.case_id AND c.payload->>'withdraws' = 'true'), coalesce((SELECT d.number "
    "FROM app.documents d WHERE d.event_id = e.id AND d.revoked_at IS NULL AND d.form IN "
    "('bap_saksi', 'bap_tersangka', 'bap_ahli', 'resume') ORDER BY d.id LIMIT 1), ''), "
    "p.id IS NOT NULL, p.name, p.nationality, p.language, p.interpreter, "
    "e.entered_at = now() FROM app.events e LEFT JOIN app.parties p ON p.id = "
    "e.party_id AND p.case_id = e.case_id WHERE e.case_id = $1::bigint AND e.id = $2::bigint"};

static const struct stmt content_get = {
    "contents.get", 1,
    "SELECT content::text, version FROM app.act_contents WHERE event_id = $1::bigint"};

static const struct stmt content_lock = {
    "contents.get_for_update", 1,
    "SELECT content::text, version FROM app.act_contents WHERE event_id = $1::bigint FOR UPDATE"};

static const struct stmt content_insert = {
    "contents.insert", 4,
    "INSERT INTO app.act_contents (event_id, case_id, content, "
    "updated_by) VALUES ($1::bigint, $2::bigint, $3::jsonb, "
    "$4::bigint) RETURNING version"};

static const struct stmt content_update = {
    "contents.update", 4,
    "UPDATE app.act_contents SET content = $3::jsonb, version = "
    "version + 1, updated_by = $4::bigint, updated_at = now() WHERE "
    "event_id = $1::bigint AND case_id = $2::bigint RETURNING version"};

static const struct stmt charges = {
    "contents.charge_elements", 1,
    "SELECT co.id, o.code, coalesce(co.party_id, 0), pa.name, o.max_prison_months, "
    "coalesce(oe.no, 0), coalesce(oe.element, ''), coalesce(oe.to_verify, false) "
    "FROM app.case_offences co JOIN app.offence_catalogue o ON o.id = co.offence_id LEFT "
    "JOIN app.parties pa ON pa.id = co.party_id AND pa.case_id = co.case_id LEFT JOIN "
    "app.offence_elements oe ON oe.code = o.code WHERE co.case_id = $1::bigint "
    "ORDER BY co.id, oe.no"};

bool store_content_act(struct tx *tx, long long case_id, long long event_id,
                       struct store_content_act *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24], e[24];
    const char *p[2] = {stmt_id(c, case_id), stmt_id(e, event_id)};
    PGresult *r = stmt_query(tx, &act, p, err);
    if (!r)
        return false;
    out->res_ = r;
    out->found = PQntuples(r) == 1;
    if (!out->found)
        return true;
    out->type = PQgetvalue(r, 0, 0);
    out->bap = PQgetvalue(r, 0, 1);
    out->party_id = stmt_ll(r, 0, 2);
    out->party_kind = PQgetvalue(r, 0, 3);
    out->withdrawn = stmt_bool(r, 0, 4);
    out->issued = PQgetvalue(r, 0, 5);
    out->has_party = stmt_bool(r, 0, 6);
    if (out->has_party) {
        out->party_name = PQgetvalue(r, 0, 7);
        out->party_nationality = PQgetisnull(r, 0, 8) ? NULL : PQgetvalue(r, 0, 8);
        out->party_language = PQgetvalue(r, 0, 9);
        out->party_interpreter = PQgetvalue(r, 0, 10);
    }
    /* entered_at is the inserting transaction's now() */
    out->fresh = stmt_bool(r, 0, 11);
    return true;
}

void store_content_act_free(struct store_content_act *a)
{
    PQclear(a->res_);
    memset(a, 0, sizeof *a);
}

bool store_content_get(struct tx *tx, long long event_id, bool lock, struct store_content *out,
                       struct berr *err)
{
    memset(out, 0, sizeof *out);
    char e[24];
    const char *p[1] = {stmt_id(e, event_id)};
    PGresult *r = stmt_query(tx, lock ? &content_lock : &content_get, p, err);
    if (!r)
        return false;
    out->res_ = r;
    out->found = PQntuples(r) == 1;
    if (out->found) {
        out->content = PQgetvalue(r, 0, 0);
        out->version = (int)stmt_ll(r, 0, 1);
    }
    return true;
}

void store_content_free(struct store_content *c)
{
    PQclear(c->res_);
    memset(c, 0, sizeof *c);
}

bool store_content_put(struct tx *tx, long long case_id, long long event_id, long long user_id,
                       const char *content, int stored, int *version, struct berr *err)
{
    char c[24], e[24], u[24];
    const char *p[4] = {stmt_id(e, event_id), stmt_id(c, case_id), content, stmt_id(u, user_id)};
    long long v = 0;
    bool ok = stmt_one(tx, stored == 0 ? &content_insert : &content_update, p, NULL, &v, err);
    *version = (int)v;
    return ok;
}

static void charge_element_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_charge_element *x = item;
    x->charge_id = stmt_ll(r, i, 0);
    x->code = PQgetvalue(r, i, 1);
    x->party_id = stmt_ll(r, i, 2);
    x->party_name = PQgetisnull(r, i, 3) ? NULL : PQgetvalue(r, i, 3);
    x->max_prison_months = stmt_ll(r, i, 4);
    x->element_no = (int)stmt_ll(r, i, 5);
    x->element = PQgetvalue(r, i, 6);
    x->to_verify = stmt_bool(r, i, 7);
}

bool store_charge_elements(struct tx *tx, long long case_id, struct store_charge_elements *out,
                           struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items;
    if (!stmt_rows(stmt_query(tx, &charges, p, err), sizeof *out->items, charge_element_of, NULL,
                   &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_charge_elements_free(struct store_charge_elements *c)
{
    free(c->items);
    PQclear(c->res_);
    memset(c, 0, sizeof *c);
}
