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
    "rulesets.seed_value", 5,
    "INSERT INTO app.ruleset_values (ruleset, key, value, to_verify, note) "
    "VALUES ($1, $2, $3::int, $4::boolean, $5) "
    "ON CONFLICT (ruleset, key) DO NOTHING"};

static const struct stmt values = {
    "rulesets.values", 0,
    "SELECT r.name, r.effective_from::text, v.key, v.value, v.to_verify "
    "FROM app.rulesets r LEFT JOIN app.ruleset_values v ON v.ruleset = "
    "r.name ORDER BY r.effective_from, r.name"};

static const struct stmt amend = {
    "rulesets.amend", 5,
    "UPDATE app.ruleset_values SET value = $3::int, to_verify = "
    "coalesce($4::boolean, to_verify), note = CASE WHEN $5 = '' THEN note ELSE $5 END, "
    "updated_at = now() WHERE ruleset = $1 AND key = $2 RETURNING 1"};

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
                              bool to_verify, const char *note, struct berr *err)
{
    char v[16];
    snprintf(v, sizeof v, "%d", value);
    const char *p[5] = {ruleset, key, v, to_verify ? "true" : "false", note};
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
                         int to_verify, const char *note, bool *found, struct berr *err)
{
    char v[16];
    snprintf(v, sizeof v, "%d", value);
    const char *p[5] = {ruleset, key, v, to_verify < 0 ? NULL : to_verify ? "true" : "false", note};
    PGresult *r = stmt_query(tx, &amend, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) > 0;
    PQclear(r);
    return true;
}
