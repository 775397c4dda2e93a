/*
 * rulesets.c - the legal rule sets as rows: seeded from the core's built-in
 * values (server/core/ruleset.c), amended by administrators, loaded back
 * into the core's struct for every decision.  A seed never overwrites a
 * value that is already there, so an amendment survives upgrades.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "identity.h"
#include "store/rulesets.h"
#include "store/tx.h"
#include "validate.h"
#include "workspace.h"
#include "rulesets.h"

bool rulesets_seed(struct tx *tx, struct berr *err)
{
    for (int i = 0; i < RULESET_BUILTIN_COUNT; i++) {
        const struct ruleset *rs = ruleset_builtin(i);
        char from[CALDATE_DATE_LEN];
        caldate_format(rs->effective_from, from, sizeof from);
        if (!store_ruleset_seed(tx, rs->name, from, regime_code(rs->regime), err))
            return false;
        for (int k = 0; k < ruleset_key_count(); k++) {
            const struct rule_key *key = ruleset_key_at(k);
            const struct rule_value *v = ruleset_value(rs, key);
            if (!store_ruleset_seed_value(tx, rs->name, key->key, v->value, v->to_verify, err))
                return false;
        }
    }
    return true;
}

bool rulesets_load(struct tx *tx, struct ruleset *out, int *n, struct berr *err)
{
    /* one query: the sets in date order, each with its values */
    struct store_ruleset_values rows;
    if (!store_ruleset_values(tx, &rows, err))
        return false;
    *n = 0;
    const char *current = NULL;
    bool known = false;
    for (int i = 0; i < rows.n; i++) {
        const struct store_ruleset_value *row = &rows.items[i];
        if (!current || strcmp(current, row->name) != 0) {
            current = row->name;
            const struct ruleset *base = ruleset_builtin_find(row->name);
            /* a set the core does not know cannot be applied */
            known = base && *n < RULESET_BUILTIN_COUNT;
            if (known) {
                out[*n] = *base;
                caldate_parse(row->effective_from, &out[*n].effective_from);
                (*n)++;
            }
        }
        if (!known || !row->key)
            continue;
        /* a value out of the key's range stays at the built-in */
        struct ruleset *rs = &out[*n - 1];
        ruleset_set(rs, row->key, row->value);
        ruleset_set_to_verify(rs, row->key, row->to_verify);
    }
    store_ruleset_values_free(&rows);
    if (*n == 0)
        return berr_set(err, BERR_INTERNAL, "no rule sets in the database");
    return true;
}

/* The rule sets as last read, under the version they were read at (0: none):
 * the write path reads them again only when the version moved. */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static long long cache_version;
static struct ruleset cache_sets[RULESET_BUILTIN_COUNT];
static int cache_n;

bool rulesets_load_at(struct tx *tx, long long version, struct ruleset *out, int *n,
                      struct berr *err)
{
    pthread_mutex_lock(&cache_lock);
    bool hit = version != 0 && version == cache_version;
    if (hit) {
        memcpy(out, cache_sets, (size_t)cache_n * sizeof *out);
        *n = cache_n;
    }
    pthread_mutex_unlock(&cache_lock);
    if (hit)
        return true;
    if (!rulesets_load(tx, out, n, err))
        return false;
    /* read in the same transaction as the version: at worst a change that
     * committed since shows here too, and the next act reads it again */
    pthread_mutex_lock(&cache_lock);
    memcpy(cache_sets, out, (size_t)*n * sizeof *out);
    cache_n = *n;
    cache_version = version;
    pthread_mutex_unlock(&cache_lock);
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

/* One value of set as the API gives it: its key's meaning, unit, basis and bounds, the value
 * and its mark, and its last amendment (amended: the reason given, "" none, when and by whom;
 * null when never amended). */
static json_t *value_json(const struct ruleset *set, const struct rule_key *key,
                          const struct store_ruleset_amendments *amended)
{
    const struct rule_value *v = ruleset_value(set, key);
    const struct store_ruleset_amendment *a =
        store_ruleset_amendment_find(amended, set->name, key->key);
    json_t *last = a ? json_pack("{s:s, s:s, s:{s:I, s:s}}", "note", a->note, "at", a->at, "by",
                                 "id", (json_int_t)a->by_id, "name", a->by_name)
                     : json_null();
    return json_pack("{s:s, s:s, s:s, s:s, s:i, s:b, s:i, s:i, s:o}", "key", key->key, "label",
                     key->label ? key->label : "", "basis", key->basis ? key->basis : "", "unit",
                     rule_unit_code(key->unit), "value", v->value, "to_verify", v->to_verify, "min",
                     key->min, "max", key->max, "amended", last);
}

json_t *app_rulesets_get(struct app *app, const struct actor *who, struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct ruleset sets[RULESET_BUILTIN_COUNT];
    int n = 0;
    struct store_ruleset_amendments amended;
    bool ok = rulesets_load(&tx, sets, &n, err);
    ok = ok && store_ruleset_amendments(&tx, &amended, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    for (int i = 0; i < n; i++) {
        char from[CALDATE_DATE_LEN];
        caldate_format(sets[i].effective_from, from, sizeof from);
        json_t *values = json_array();
        for (int k = 0; k < ruleset_key_count(); k++)
            json_array_append_new(values, value_json(&sets[i], ruleset_key_at(k), &amended));
        json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:o}", "name", sets[i].name,
                                               "regime", regime_code(sets[i].regime),
                                               "effective_from", from, "values", values));
    }
    store_ruleset_amendments_free(&amended);
    return json_pack("{s:o}", "items", items);
}

bool app_ruleset_amend(struct app *app, const struct actor *who, const char *name, const char *key,
                       int value, int to_verify, const char *note, struct audit_rec *au,
                       struct berr *err)
{
    au->action = "ruleset.amend";
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    const struct rule_key *k = ruleset_key_find(key);
    if (!k)
        return berr_field(err, BERR_NOT_FOUND, "key", "kunci aturan %s tidak dikenal",
                          validate_echo_name(key));
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
    bool found = false;
    /* a reason of spaces alone is none */
    bool ok =
        store_ruleset_amend(&tx, name, key, value, to_verify,
                            note && !validate_blank(note) ? note : "", who->user_id, &found, err);
    if (ok && !found)
        ok = berr_field(err, BERR_NOT_FOUND, "ruleset", "aturan %s/%s tidak ditemukan",
                        validate_echo_name(name), key);
    if (ok)
        snprintf(au->detail, sizeof au->detail,
                 "{\"ruleset\":\"%.40s\",\"key\":\"%.60s\",\"value\":%d}", name, key, value);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (ok) /* every summary computed under the old value is now stale */
        app_summaries_wake(app);
    return ok;
}
