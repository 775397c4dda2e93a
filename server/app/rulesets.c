/*
 * rulesets.c - the legal rule sets as rows: seeded from the core's built-in
 * values (server/core/ruleset.c), amended by administrators, loaded back
 * into the core's struct for every decision.  A seed never overwrites a
 * value that is already there, so an amendment survives upgrades.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "identity.h"
#include "store/tx.h"
#include "workspace.h"

bool rulesets_seed(struct tx *tx, struct berr *err)
{
    for (int i = 0; i < RULESET_BUILTIN_COUNT; i++) {
        const struct ruleset *rs = ruleset_builtin(i);
        char from[CALDATE_DATE_LEN];
        caldate_format(rs->effective_from, from, sizeof from);
        const char *p[3] = {rs->name, from, regime_code(rs->regime)};
        if (!tx_exec(tx,
                     "INSERT INTO app.rulesets (name, effective_from, label) VALUES ($1, $2, $3) "
                     "ON CONFLICT (name) DO NOTHING",
                     3, p, err))
            return false;
        for (int k = 0; k < ruleset_key_count(); k++) {
            const struct rule_key *key = ruleset_key_at(k);
            const struct rule_value *v = ruleset_value(rs, key);
            char value[16];
            snprintf(value, sizeof value, "%d", v->value);
            const char *pk[5] = {rs->name, key->key, value, v->to_verify ? "true" : "false",
                                 key->basis ? key->basis : ""};
            if (!tx_exec(tx,
                         "INSERT INTO app.ruleset_values (ruleset, key, value, to_verify, note) "
                         "VALUES ($1, $2, $3::int, $4::boolean, $5) "
                         "ON CONFLICT (ruleset, key) DO NOTHING",
                         5, pk, err))
                return false;
        }
    }
    return true;
}

bool rulesets_load(struct tx *tx, struct ruleset *out, int *n, struct berr *err)
{
    /* one query: the sets in date order, each with its values */
    PGresult *r = tx_query(tx,
                           "SELECT r.name, r.effective_from::text, v.key, v.value, v.to_verify "
                           "FROM app.rulesets r LEFT JOIN app.ruleset_values v ON v.ruleset = "
                           "r.name ORDER BY r.effective_from, r.name",
                           0, NULL, err);
    if (!r)
        return false;
    *n = 0;
    const char *current = NULL;
    bool known = false;
    for (int i = 0; i < PQntuples(r); i++) {
        const char *name = PQgetvalue(r, i, 0);
        if (!current || strcmp(current, name) != 0) {
            current = name;
            const struct ruleset *base = ruleset_builtin_find(name);
            /* a set the core does not know cannot be applied */
            known = base && *n < RULESET_BUILTIN_COUNT;
            if (known) {
                out[*n] = *base;
                caldate_parse(PQgetvalue(r, i, 1), &out[*n].effective_from);
                (*n)++;
            }
        }
        if (!known || PQgetisnull(r, i, 2))
            continue;
        /* a value out of the key's range stays at the built-in */
        struct ruleset *rs = &out[*n - 1];
        ruleset_set(rs, PQgetvalue(r, i, 2), (int)strtol(PQgetvalue(r, i, 3), NULL, 10));
        ruleset_set_to_verify(rs, PQgetvalue(r, i, 2), PQgetvalue(r, i, 4)[0] == 't');
    }
    PQclear(r);
    if (*n == 0)
        return berr_set(err, BERR_INTERNAL, "no rule sets in the database");
    return true;
}

bool app_rulesets_seed(struct app *app, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return false;
    bool ok = rulesets_seed(&tx, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

json_t *app_rulesets_get(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct ruleset sets[RULESET_BUILTIN_COUNT];
    int n = 0;
    bool ok = rulesets_load(&tx, sets, &n, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < n; i++) {
        char from[CALDATE_DATE_LEN];
        caldate_format(sets[i].effective_from, from, sizeof from);
        json_t *values = json_array();
        for (int k = 0; k < ruleset_key_count(); k++) {
            const struct rule_key *key = ruleset_key_at(k);
            const struct rule_value *v = ruleset_value(&sets[i], key);
            json_array_append_new(
                values,
                json_pack("{s:s, s:s, s:s, s:s, s:i, s:b, s:i, s:i}", "key", key->key, "label",
                          key->label ? key->label : "", "basis", key->basis ? key->basis : "",
                          "unit", rule_unit_code(key->unit), "value", v->value, "to_verify",
                          v->to_verify, "min", key->min, "max", key->max));
        }
        json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:o}", "name", sets[i].name,
                                               "regime", regime_code(sets[i].regime),
                                               "effective_from", from, "values", values));
    }
    return json_pack("{s:o}", "items", items);
}

bool app_ruleset_amend(struct app *app, const struct actor *who, const char *name, const char *key,
                       int value, bool to_verify, const char *note, struct audit_rec *au,
                       struct berr *err)
{
    au->action = "ruleset.amend";
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    const struct rule_key *k = ruleset_key_find(key);
    if (!k)
        return berr_field(err, BERR_NOT_FOUND, "key", "kunci aturan %.60s tidak dikenal", key);
    if (value < k->min || value > k->max)
        return berr_field(err, BERR_BAD_INPUT, "value", "nilai %s harus antara %d dan %d", key,
                          k->min, k->max);
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    if (!admin_at_root(&tx, who, err)) {
        tx_end(&tx);
        return false;
    }
    char v[16];
    snprintf(v, sizeof v, "%d", value);
    const char *p[5] = {name, key, v, to_verify ? "true" : "false", note ? note : ""};
    PGresult *r = tx_query(&tx,
                           "UPDATE app.ruleset_values SET value = $3::int, to_verify = "
                           "$4::boolean, note = CASE WHEN $5 = '' THEN note ELSE $5 END, "
                           "updated_at = now() WHERE ruleset = $1 AND key = $2 RETURNING 1",
                           5, p, err);
    bool ok = r != NULL;
    if (ok && PQntuples(r) == 0)
        ok = berr_field(err, BERR_NOT_FOUND, "ruleset", "aturan %.40s/%.60s tidak ditemukan", name,
                        key);
    PQclear(r);
    if (ok)
        snprintf(au->detail, sizeof au->detail,
                 "{\"ruleset\":\"%.40s\",\"key\":\"%.60s\",\"value\":%d}", name, key, value);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (ok) /* every summary computed under the old value is now stale */
        app_summaries_wake(app);
    return ok;
}
