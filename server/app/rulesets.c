/*
 * rulesets.c - the legal rule sets as rows: seeded from the core's built-in
 * values (server/core/ruleset.c), amended by administrators, loaded back
 * into the core's struct for every decision.  A seed never overwrites a
 * value that is already there, so an amendment survives upgrades.
 *
 * An amendment applies from its date on (sql/0055; play4 #11): loading builds
 * the set as it stands from its start, then one version more for each date
 * an amendment applies from, each the one before with that date's
 * amendments, so an act takes the values in force on its own date
 * (ruleset_for_date) and a detention ordered before keeps its days.
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

/* The sets as they stand from their starts, in date order, into out[0..*n). */
static bool base_sets(struct tx *tx, struct ruleset *out, int *n, struct berr *err)
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

/* Base set b (ending the day before `end`, invalid: open) with its amendments from ch, as
 * versions appended to out[*n..max). */
static bool set_versions(const struct ruleset *b, struct caldate end,
                         const struct store_ruleset_amendments *ch, struct ruleset *out, int *n,
                         int max, struct berr *err)
{
    if (*n >= max)
        return berr_set(err, BERR_INTERNAL, "too many rule set versions");
    out[(*n)++] = *b;
    for (int i = 0; i < ch->n; i++) {
        const struct store_ruleset_amendment *a = &ch->items[i];
        struct caldate from;
        if (strcmp(a->ruleset, b->name) != 0 || !caldate_parse(a->effective_from, &from) ||
            (caldate_valid(end) && caldate_cmp(from, end) >= 0))
            continue; /* another set's, or after this one ended: no act of this set */
        struct ruleset *last = &out[*n - 1];
        if (caldate_cmp(from, last->effective_from) > 0) {
            if (*n >= max)
                return berr_set(err, BERR_INTERNAL, "too many rule set versions");
            out[*n] = *last;
            out[*n].effective_from = from;
            last = &out[(*n)++];
        }
        ruleset_set(last, a->key, a->value);
        ruleset_set_to_verify(last, a->key, a->to_verify);
    }
    return true;
}

bool rulesets_load(struct tx *tx, struct ruleset *out, int *n, struct berr *err)
{
    struct ruleset base[RULESET_BUILTIN_COUNT];
    int nb = 0;
    struct store_ruleset_amendments ch;
    if (!base_sets(tx, base, &nb, err) || !store_ruleset_changes(tx, &ch, err))
        return false;
    *n = 0;
    bool ok = true;
    for (int i = 0; ok && i < nb; i++)
        ok = set_versions(&base[i], i + 1 < nb ? base[i + 1].effective_from : (struct caldate){0},
                          &ch, out, n, RULESET_MAX, err);
    store_ruleset_amendments_free(&ch);
    return ok;
}

/* The rule sets as last read, under the version they were read at (0: none):
 * the write path reads them again only when the version moved. */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static long long cache_version;
static struct ruleset cache_sets[RULESET_MAX];
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

/* Amendment a as the API gives it: the value before (null: not known) and after, from when,
 * whether the administrator overrode a refusal, the reason ("" none), when and by whom. */
static json_t *amendment_json(const struct store_ruleset_amendment *a)
{
    return json_pack("{s:I, s:s, s:s, s:o, s:i, s:o, s:b, s:s, s:b, s:s, s:s, s:{s:I, s:s}}", "id",
                     (json_int_t)a->id, "ruleset", a->ruleset, "key", a->key, "old_value",
                     a->has_old ? json_integer(a->old_value) : json_null(), "value", a->value,
                     "old_to_verify", a->has_old ? json_boolean(a->old_to_verify) : json_null(),
                     "to_verify", a->to_verify, "effective_from", a->effective_from, "override",
                     a->override, "note", a->note, "at", a->at, "by", "id", (json_int_t)a->by_id,
                     "name", a->by_name);
}

/* One value of set (the version in force on today) as the API gives it: its key's meaning,
 * unit, basis and bounds, the value and its mark, its last amendment in force (amended; null
 * when never amended) and those that apply from a later date (scheduled). */
static json_t *value_json(const struct ruleset *set, const struct rule_key *key,
                          const struct store_ruleset_amendments *all, const char *today)
{
    const struct rule_value *v = ruleset_value(set, key);
    const struct store_ruleset_amendment *last = NULL;
    json_t *scheduled = json_array();
    for (int i = 0; i < all->n; i++) {
        const struct store_ruleset_amendment *a = &all->items[i];
        if (strcmp(a->ruleset, set->name) != 0 || strcmp(a->key, key->key) != 0)
            continue;
        if (strcmp(a->effective_from, today) <= 0)
            last = a;
        else
            json_array_append_new(scheduled, amendment_json(a));
    }
    return json_pack("{s:s, s:s, s:s, s:s, s:i, s:b, s:i, s:i, s:o, s:o}", "key", key->key, "label",
                     key->label ? key->label : "", "basis", key->basis ? key->basis : "", "unit",
                     rule_unit_code(key->unit), "value", v->value, "to_verify", v->to_verify, "min",
                     key->min, "max", key->max, "amended",
                     last ? amendment_json(last) : json_null(), "scheduled", scheduled);
}

/* The versions sets[from..*to) of the set starting at sets[from]; of them, the one in force
 * on today (the first when none is yet). */
static const struct ruleset *set_in_force(const struct ruleset *sets, int n, int from, int *to,
                                          struct caldate today)
{
    const struct ruleset *cur = &sets[from];
    for (*to = from + 1; *to < n && strcmp(sets[*to].name, sets[from].name) == 0; (*to)++)
        if (caldate_cmp(sets[*to].effective_from, today) <= 0)
            cur = &sets[*to];
    return cur;
}

/* The sets, each as in force on today (YYYY-MM-DD): from its start to the day before the next
 * one's (until; null while none follows), the date of the version in force (version_from). */
static json_t *sets_json(const struct ruleset *sets, int n,
                         const struct store_ruleset_amendments *all, const char *today)
{
    struct caldate t = {0};
    caldate_parse(today, &t);
    json_t *items = json_array();
    for (int i = 0, next; i < n; i = next) {
        const struct ruleset *cur = set_in_force(sets, n, i, &next, t);
        char from[CALDATE_DATE_LEN], until[CALDATE_DATE_LEN], version[CALDATE_DATE_LEN];
        caldate_format(sets[i].effective_from, from, sizeof from);
        caldate_format(cur->effective_from, version, sizeof version);
        if (next < n)
            caldate_format(caldate_add(sets[next].effective_from, -1), until, sizeof until);
        json_t *values = json_array();
        for (int k = 0; k < ruleset_key_count(); k++)
            json_array_append_new(values, value_json(cur, ruleset_key_at(k), all, today));
        json_array_append_new(items,
                              json_pack("{s:s, s:s, s:s, s:o, s:s, s:o}", "name", sets[i].name,
                                        "regime", regime_code(sets[i].regime), "effective_from",
                                        from, "until", next < n ? json_string(until) : json_null(),
                                        "version_from", version, "values", values));
    }
    return json_pack("{s:s, s:o}", "today", today, "items", items);
}

/* The sets as app_rulesets_get gives them, and amendment `made` (0: none) in full. */
static json_t *rulesets_json(struct app *app, const struct actor *who, long long made,
                             struct berr *err)
{
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct ruleset sets[RULESET_MAX];
    int n = 0;
    char today[11];
    struct store_ruleset_amendments all;
    bool ok =
        store_ruleset_today(&tx, who->office_id, today, err) && rulesets_load(&tx, sets, &n, err);
    ok = ok && store_ruleset_amendments(&tx, &all, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *r = sets_json(sets, n, &all, today);
    for (int i = 0; made && i < all.n; i++)
        if (all.items[i].id == made)
            json_object_set_new(r, "amendment", amendment_json(&all.items[i]));
    store_ruleset_amendments_free(&all);
    return r;
}

json_t *app_rulesets_get(struct app *app, const struct actor *who, struct berr *err)
{
    return rulesets_json(app, who, 0, err);
}

/* Whether set name (its versions sets[i..]) may take an amendment from date, given today:
 * within the set's time (from its start, before the next set's), and not before today unless
 * the administrator overrides (a = the amendment, its override and note said). */
static bool amend_date_ok(const struct ruleset *sets, int n, int i, struct caldate date,
                          struct caldate today, const struct store_ruleset_amendment *a,
                          struct berr *err)
{
    char d[CALDATE_DATE_LEN], t[CALDATE_DATE_LEN], s[CALDATE_DATE_LEN];
    caldate_format(date, d, sizeof d);
    caldate_format(today, t, sizeof t);
    caldate_format(sets[i].effective_from, s, sizeof s);
    int next = i;
    while (next < n && strcmp(sets[next].name, sets[i].name) == 0)
        next++;
    if (caldate_cmp(date, sets[i].effective_from) < 0)
        return berr_field(err, BERR_UNPROCESSABLE, "effective_from",
                          "%s berlaku sejak %s: perubahan tidak dapat berlaku sejak %s", a->ruleset,
                          s, d);
    if (next < n && caldate_cmp(date, sets[next].effective_from) >= 0) {
        caldate_format(sets[next].effective_from, s, sizeof s);
        return berr_field(err, BERR_UNPROCESSABLE, "effective_from",
                          "%s tidak berlaku lagi sejak %s (diganti %s): perubahan sejak %s tidak "
                          "mengenai tindakan mana pun",
                          a->ruleset, s, sets[next].name, d);
    }
    if (caldate_cmp(date, today) < 0 && !a->override)
        return berr_field(err, BERR_UNPROCESSABLE, "effective_from",
                          "tanggal berlaku %s sebelum hari ini (%s): perubahan aturan tidak "
                          "berlaku surut (tindakan yang sudah tercatat memakai nilai pada "
                          "tanggalnya); bila harus surut, ulangi dengan override dan catatan "
                          "alasannya",
                          d, t);
    return true;
}

/* Whether value key of set name (its versions sets[i..]; old the value in force on the date)
 * may be amended without an override (play4 #26): not in a set whose regime was repealed - one
 * a later set replaced by today: its values are legal history, not policy (KUHAP-1981 since UU
 * 20/2025) - and not a value marked verified, whose change goes against the law it was checked
 * with.  409 naming why otherwise. */
static bool unlocked(const struct ruleset *sets, int n, int i, struct caldate today,
                     const struct store_ruleset_amendment *a, const struct rule_value *old,
                     struct berr *err)
{
    if (a->override)
        return true;
    int next = i;
    while (next < n && strcmp(sets[next].name, sets[i].name) == 0)
        next++;
    char d[CALDATE_DATE_LEN];
    if (next < n && caldate_cmp(sets[next].effective_from, today) <= 0) {
        caldate_format(sets[next].effective_from, d, sizeof d);
        return berr_field(err, BERR_CONFLICT, "ruleset",
                          "%s tidak berlaku lagi sejak %s (dicabut, diganti %s): nilainya riwayat "
                          "hukum, bukan kebijakan; ubah hanya dengan override dan catatan "
                          "alasannya",
                          sets[i].name, d, sets[next].name);
    }
    const struct rule_key *k = ruleset_key_find(a->key);
    if (!old->to_verify && old->value != a->value)
        return berr_field(err, BERR_CONFLICT, "value",
                          "%s %s sudah dipastikan (%s): nilai terverifikasi hanya diubah dengan "
                          "override dan catatan alasannya",
                          sets[i].name, a->key, k && k->basis ? k->basis : "dasar hukum");
    return true;
}

/* The version count an amendment from date leaves: one more unless a version of set name
 * already starts on that date (RULESET_MAX at most). */
static bool versions_ok(const struct ruleset *sets, int n, const char *name, struct caldate date,
                        struct berr *err)
{
    for (int i = 0; i < n; i++)
        if (strcmp(sets[i].name, name) == 0 && caldate_cmp(sets[i].effective_from, date) == 0)
            return true;
    return n < RULESET_MAX ||
           berr_field(err, BERR_UNPROCESSABLE, "effective_from",
                      "terlalu banyak tanggal berlaku (%d): gunakan tanggal perubahan yang sudah "
                      "ada",
                      RULESET_MAX);
}

/* Record amendment a (ruleset, key, value, to_verify -1/0/1 in tv, note, override; its date
 * effective_from or "" for today, then today_s) after the checks that need the sets: a's old
 * value and mark are the ones in force on its date. */
static bool amend_in(struct tx *tx, const struct actor *who, struct store_ruleset_amendment *a,
                     int tv, char today_s[11], struct berr *err)
{
    struct ruleset sets[RULESET_MAX];
    int n = 0;
    if (!admin_at_root(tx, who, err) || !store_ruleset_today(tx, who->office_id, today_s, err) ||
        !rulesets_load(tx, sets, &n, err))
        return false;
    struct caldate today = {0}, date = {0};
    caldate_parse(today_s, &today);
    if (!*a->effective_from)
        a->effective_from = today_s;
    caldate_parse(a->effective_from, &date);
    int i = 0;
    while (i < n && strcmp(sets[i].name, a->ruleset) != 0)
        i++;
    if (i == n)
        return berr_field(err, BERR_NOT_FOUND, "ruleset", "aturan %s/%s tidak ditemukan",
                          validate_echo_name(a->ruleset), a->key);
    struct rule_value old = {0};
    const struct ruleset *on = ruleset_for_date(sets, n, date);
    if (!on || strcmp(on->name, a->ruleset) != 0)
        on = &sets[i];
    ruleset_get(on, a->key, &old);
    if (!unlocked(sets, n, i, today, a, &old, err) ||
        !amend_date_ok(sets, n, i, date, today, a, err) ||
        !versions_ok(sets, n, a->ruleset, date, err))
        return false;
    a->has_old = true;
    a->old_value = old.value;
    a->old_to_verify = old.to_verify;
    a->to_verify = tv < 0 ? old.to_verify : tv == 1;
    a->by_id = who->user_id;
    return store_ruleset_amend(tx, a, err);
}

/* app_ruleset_amend's work: *made the amendment's id. */
static bool amend(struct app *app, const struct actor *who, const struct ruleset_amendment_in *in,
                  long long *made, struct audit_rec *au, struct berr *err)
{
    au->action = "ruleset.amend";
    if (who->role != ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "hanya administrator");
    const struct rule_key *k = ruleset_key_find(in->key);
    if (!k)
        return berr_field(err, BERR_NOT_FOUND, "key", "kunci aturan %s tidak dikenal",
                          validate_echo_name(in->key));
    if (in->value < k->min || in->value > k->max)
        return berr_field(err, BERR_BAD_INPUT, "value", "nilai %s harus antara %d dan %d", in->key,
                          k->min, k->max);
    struct caldate d;
    if (in->effective_from && !caldate_parse(in->effective_from, &d))
        return berr_field(err, BERR_BAD_INPUT, "effective_from",
                          "tanggal berlaku harus tanggal YYYY-MM-DD yang ada");
    /* a reason of spaces alone is none */
    const char *note = in->note && !validate_blank(in->note) ? in->note : "";
    if (in->override && !*note)
        return berr_field(err, BERR_UNPROCESSABLE, "note",
                          "override memerlukan catatan alasan (note)");
    struct store_ruleset_amendment a = {.ruleset = in->name,
                                        .key = in->key,
                                        .value = in->value,
                                        .effective_from =
                                            in->effective_from ? in->effective_from : "",
                                        .override = in->override,
                                        .note = note};
    struct tx tx;
    char today[11];
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    bool ok = amend_in(&tx, who, &a, in->to_verify, today, err);
    *made = a.id;
    if (ok)
        snprintf(au->detail, sizeof au->detail,
                 "{\"ruleset\":\"%.40s\",\"key\":\"%.60s\",\"old_value\":%d,\"value\":%d,"
                 "\"effective_from\":\"%.10s\",\"override\":%s}",
                 in->name, in->key, a.old_value, in->value, a.effective_from,
                 in->override ? "true" : "false");
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (ok) /* every summary computed under the old value is now stale */
        app_summaries_wake(app);
    return ok;
}

json_t *app_ruleset_amend(struct app *app, const struct actor *who,
                          const struct ruleset_amendment_in *in, struct audit_rec *au,
                          struct berr *err)
{
    long long made = 0;
    if (!amend(app, who, in, &made, au, err))
        return NULL;
    return rulesets_json(app, who, made, err);
}

json_t *app_ruleset_history(struct app *app, const struct actor *who, const char *name,
                            const char *key, struct berr *err)
{
    if (!(who->role & (ROLE_ADMIN | ROLE_SUPERVISOR))) {
        berr_set(err, BERR_FORBIDDEN, "riwayat perubahan aturan: administrator dan pengawas");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct store_ruleset_amendments all;
    bool ok = store_ruleset_amendments(&tx, &all, err);
    tx_end(&tx);
    if (!ok)
        return NULL;
    json_t *items = json_array();
    /* each set's, the latest-applying first */
    for (int i = all.n - 1; i >= 0; i--) {
        const struct store_ruleset_amendment *a = &all.items[i];
        if ((!name || strcmp(name, a->ruleset) == 0) && (!key || strcmp(key, a->key) == 0))
            json_array_append_new(items, amendment_json(a));
    }
    store_ruleset_amendments_free(&all);
    return json_pack("{s:o}", "items", items);
}
