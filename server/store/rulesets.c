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

/* the reason is this amendment's: one without a reason leaves none from an earlier one */
static const struct stmt amend = {
    "rulesets.amend", 6,
    "UPDATE app.ruleset_values SET value = $3::int, to_verify = "
    "coalesce($4::boolean, to_verify), note = $5, amended_by = $6::bigint, "
    "amended_at = now(), updated_at = now() WHERE ruleset = $1 AND key = $2 RETURNING 1"};

static const struct stmt amendments = {
    "rulesets.amendments", 0,
    "SELECT v.ruleset, v.key, v.note, to_char(v.amended_at AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), u.id, u.name "
    "FROM app.ruleset_values v JOIN app.users u ON u.id = v.amended_by "
    "ORDER BY v.ruleset, v.key"};

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

bool store_ruleset_amend(struct tx *tx, const char *ruleset, const char *key, int value,
                         int to_verify, const char *note, long long by, bool *found,
                         struct berr *err)
{
    char v[16], u[24];
    snprintf(v, sizeof v, "%d", value);
    const char *p[6] = {
        ruleset, key, v, to_verify < 0 ? NULL : to_verify ? "true" : "false", note, stmt_id(u, by)};
    PGresult *r = stmt_query(tx, &amend, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) > 0;
    PQclear(r);
    return true;
}

static void amendment_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_ruleset_amendment *a = item;
    a->ruleset = PQgetvalue(r, i, 0);
    a->key = PQgetvalue(r, i, 1);
    a->note = PQgetvalue(r, i, 2);
    a->at = PQgetvalue(r, i, 3);
    a->by_id = stmt_ll(r, i, 4);
    a->by_name = PQgetvalue(r, i, 5);
}

bool store_ruleset_amendments(struct tx *tx, struct store_ruleset_amendments *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    void *items;
    if (!stmt_rows(stmt_query(tx, &amendments, NULL, err), sizeof *out->items, amendment_of, NULL,
                   &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

const struct store_ruleset_amendment *
store_ruleset_amendment_find(const struct store_ruleset_amendments *a, const char *ruleset,
                             const char *key)
{
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->items[i].ruleset, ruleset) == 0 && strcmp(a->items[i].key, key) == 0)
            return &a->items[i];
    return NULL;
}

void store_ruleset_amendments_free(struct store_ruleset_amendments *a)
{
    free(a->items);
    PQclear(a->res_);
    memset(a, 0, sizeof *a);
}
