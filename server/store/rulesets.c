/* rulesets.c (store) - see rulesets.h. */
#include "rulesets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

static const struct stmt seed = {
    "rulesets.seed", 3,
    "INSERT INTO app.rulesets (name, effective_from, label) VALUES ($1, $2, $3) "
    "ON CONFLICT (name) DO NOTHING"};

static const struct stmt seed_value = {
    "rulesets.seed_value", 4,
    "INSERT INTO app.ruleset_values (ruleset, key, value, to_verify) "
    "VALUES ($1, $2, $3::int, $4::boolean) "
    "ON CONFLICT (ruleset, key) DO NOTHING"};

static const struct stmt values = {
    "rulesets.values", 0,
    "SELECT r.name, r.effective_from::text, v.key, v.value, v.to_verify "
    "FROM app.rulesets r LEFT JOIN app.ruleset_values v ON v.ruleset = "
    "r.name ORDER BY r.effective_from, r.name"};

/* an amendment is a row of its own; the values stay as they stand from the set's start */
static const struct stmt amend = {
    "rulesets.amend", 10,
    "INSERT INTO app.ruleset_amendments (ruleset, key, old_value, value, old_to_verify, "
    "to_verify, effective_from, override, note, amended_by) "
    "VALUES ($1, $2, $3::int, $4::int, $5::boolean, $6::boolean, $7::date, $8::boolean, $9, "
    "$10::bigint) RETURNING id"};

/* in the order they apply: by date, then as they were made */
static const struct stmt changes = {
    "rulesets.changes", 0,
    "SELECT ruleset, key, value, to_verify, effective_from::text "
    "FROM app.ruleset_amendments ORDER BY ruleset, effective_from, id"};

static const struct stmt amendments = {
    "rulesets.amendments", 0,
    "SELECT a.id, a.ruleset, a.key, a.old_value, a.value, a.old_to_verify, a.to_verify, "
    "a.effective_from::text, a.override, a.note, to_char(a.amended_at AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), u.id, u.name "
    "FROM app.ruleset_amendments a JOIN app.users u ON u.id = a.amended_by "
    "ORDER BY a.ruleset, a.effective_from, a.id"};

/* the national zone (WIB, the Ditjen's) for one without an office */
static const struct stmt today = {
    "rulesets.today", 1,
    "SELECT (now() AT TIME ZONE coalesce((SELECT tz FROM app.offices WHERE id = $1::bigint), "
    "'Asia/Jakarta'))::date::text"};

const struct stmt store_rules_version_stmt = {"rulesets.version", 0,
                                              "SELECT version FROM app.rules_version"};

long long store_rules_version(const PGresult *r)
{
    return PQntuples(r) == 1 ? stmt_ll(r, 0, 0) : 0;
}

bool store_ruleset_seed(struct tx *tx, const char *name, const char *effective_from,
                        const char *label, struct berr *err)
{
    const char *p[3] = {name, effective_from, label};
    return stmt_exec(tx, &seed, p, err);
}

bool store_ruleset_seed_value(struct tx *tx, const char *ruleset, const char *key, int value,
                              bool to_verify, struct berr *err)
{
    char v[16];
    snprintf(v, sizeof v, "%d", value);
    const char *p[4] = {ruleset, key, v, to_verify ? "true" : "false"};
    return stmt_exec(tx, &seed_value, p, err);
}

static void value_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_ruleset_value *v = item;
    v->name = PQgetvalue(r, i, 0);
    v->effective_from = PQgetvalue(r, i, 1);
    v->key = PQgetisnull(r, i, 2) ? NULL : PQgetvalue(r, i, 2);
    v->value = (int)stmt_ll(r, i, 3);
    v->to_verify = stmt_bool(r, i, 4);
}

bool store_ruleset_values(struct tx *tx, struct store_ruleset_values *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    void *items;
    if (!stmt_rows(stmt_query(tx, &values, NULL, err), sizeof *out->items, value_of, NULL, &items,
                   &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_ruleset_values_free(struct store_ruleset_values *v)
{
    free(v->items);
    PQclear(v->res_);
    memset(v, 0, sizeof *v);
}

bool store_ruleset_amend(struct tx *tx, struct store_ruleset_amendment *a, struct berr *err)
{
    char old[16], v[16], u[24];
    snprintf(old, sizeof old, "%d", a->old_value);
    snprintf(v, sizeof v, "%d", a->value);
    const char *p[10] = {a->ruleset,
                         a->key,
                         a->has_old ? old : NULL,
                         v,
                         a->has_old ? (a->old_to_verify ? "true" : "false") : NULL,
                         a->to_verify ? "true" : "false",
                         a->effective_from,
                         a->override ? "true" : "false",
                         a->note,
                         stmt_id(u, a->by_id)};
    PGresult *r = stmt_query(tx, &amend, p, err);
    if (!r)
        return false;
    a->id = PQntuples(r) == 1 ? stmt_ll(r, 0, 0) : 0;
    PQclear(r);
    return true;
}

static void change_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_ruleset_amendment *a = item;
    a->ruleset = PQgetvalue(r, i, 0);
    a->key = PQgetvalue(r, i, 1);
    a->value = (int)stmt_ll(r, i, 2);
    a->to_verify = stmt_bool(r, i, 3);
    a->effective_from = PQgetvalue(r, i, 4);
}

static void amendment_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_ruleset_amendment *a = item;
    a->id = stmt_ll(r, i, 0);
    a->ruleset = PQgetvalue(r, i, 1);
    a->key = PQgetvalue(r, i, 2);
    a->has_old = !PQgetisnull(r, i, 3);
    a->old_value = a->has_old ? (int)stmt_ll(r, i, 3) : 0;
    a->value = (int)stmt_ll(r, i, 4);
    a->old_to_verify = !PQgetisnull(r, i, 5) && stmt_bool(r, i, 5);
    a->to_verify = stmt_bool(r, i, 6);
    a->effective_from = PQgetvalue(r, i, 7);
    a->override = stmt_bool(r, i, 8);
    a->note = PQgetvalue(r, i, 9);
    a->at = PQgetvalue(r, i, 10);
    a->by_id = stmt_ll(r, i, 11);
    a->by_name = PQgetvalue(r, i, 12);
}

static bool amendment_rows(struct tx *tx, const struct stmt *s, stmt_row_fn *fill,
                           struct store_ruleset_amendments *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    void *items;
    if (!stmt_rows(stmt_query(tx, s, NULL, err), sizeof *out->items, fill, NULL, &items, &out->n,
                   &out->res_, err))
        return false;
    out->items = items;
    return true;
}

bool store_ruleset_changes(struct tx *tx, struct store_ruleset_amendments *out, struct berr *err)
{
    return amendment_rows(tx, &changes, change_of, out, err);
}

bool store_ruleset_amendments(struct tx *tx, struct store_ruleset_amendments *out, struct berr *err)
{
    return amendment_rows(tx, &amendments, amendment_of, out, err);
}

void store_ruleset_amendments_free(struct store_ruleset_amendments *a)
{
    free(a->items);
    PQclear(a->res_);
    memset(a, 0, sizeof *a);
}

bool store_ruleset_today(struct tx *tx, long long office, char out[11], struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    PGresult *r = stmt_query(tx, &today, p, err);
    if (!r)
        return false;
    bool ok = PQntuples(r) == 1 && strlen(PQgetvalue(r, 0, 0)) == 10;
    if (ok)
        memcpy(out, PQgetvalue(r, 0, 0), 11);
    PQclear(r);
    return ok || berr_set(err, BERR_INTERNAL, "tanggal hari ini tidak terbaca");
}
