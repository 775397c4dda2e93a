/* casefile.c - see casefile.h. */
#include "casefile.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evfield.h"
#include "logcache.h"
#include "rulesets.h"
#include "store/casefile.h"
#include "visibility.h"

void casefile_free(struct casefile *cf)
{
    for (int i = 0; cf->ev_payload && i < cf->nevents; i++)
        json_decref(cf->ev_payload[i]);
    free(cf->ev);
    free(cf->ev_id);
    free(cf->ev_payload);
    free(cf->suspect_ids);
    free(cf->suspect_foreign);
    free(cf->suspect_interpreted);
    free(cf->charged);
    free(cf->snapshot);
    free(cf->rulesets);
    memset(cf, 0, sizeof *cf);
}

int casefile_suspect_index(const struct casefile *cf, long long party_id)
{
    for (int i = 0; party_id && i < cf->nsuspects; i++)
        if (cf->suspect_ids[i] == party_id)
            return i;
    return -1;
}

int casefile_event_index(const struct casefile *cf, long long event_id)
{
    for (int i = 0; event_id && i < cf->nevents; i++)
        if (cf->ev_id[i] == event_id)
            return i;
    return -1;
}

int casefile_root(const struct casefile *cf, int k)
{
    for (int hops = 0; k >= 0 && cf->ev[k].event == EV_CORRECTED && hops < cf->nevents; hops++)
        k = cf->ev[k].ref;
    return k;
}

enum event casefile_acting_as(const struct casefile *cf, enum event ev, long long corrects)
{
    if (ev != EV_CORRECTED)
        return ev;
    int k = casefile_root(cf, casefile_event_index(cf, corrects));
    return k >= 0 ? cf->ev[k].event : ev;
}

static int json_int_member(json_t *o, const char *key, int dflt)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (int)json_integer_value(v) : dflt;
}

/* The notice an act's stored recipient names: a letter's delivery, or an SPDP's addressee -
 * one stored with none, before the recipient was required, was the Kejari's (its paper and the
 * prosecutor's inbox read it so), one stored with a recipient outside the list (accepted then)
 * is no one's. */
static enum notice_kind notice_of(enum event as, const char *text)
{
    enum notice_kind notice = NOTICE_NONE;
    if (as == EV_LETTER_DELIVERED || as == EV_NOTICE_UNDELIVERED)
        notice_lookup(text, &notice);
    else if (as == EV_SPDP_SENT && !text)
        notice = NOTICE_SPDP_KEJARI;
    else if (as == EV_SPDP_SENT)
        spdp_recipient_lookup(text, &notice);
    return notice;
}

/* An SP3 notice's stored addressee: one stored with none was the Kejari's (its paper reads it
 * so), one outside the list (accepted then) no one's. */
static enum sp3_recipient sp3_to_of(const char *text)
{
    enum sp3_recipient to = text ? SP3_TO_NONE : SP3_TO_KEJARI;
    sp3_recipient_lookup(text, &to);
    return to;
}

/* One stored member of an act into the core's event, as its row says
 * (core/evfields.def: core); as is the act a correction stands for. */
static void core_member(const struct casefile *cf, enum event as, const struct evfield *r,
                        json_t *payload, struct case_event *out)
{
    json_t *v = r->key ? json_object_get(payload, r->key) : NULL;
    const char *text = json_string_value(v);
    switch (r->core) {
    case EVC_REF: /* the act pointed at: a direction done, its direction; an approval, the
                     urgent act it approves; a report to the Ketua PN, the act reported */
        if ((out->event == EV_DIRECTION_DONE && r->field == EVF_DIRECTION) ||
            ((out->event == EV_COURT_PERMIT_RECEIVED || out->event == EV_LETTER_DELIVERED) &&
             r->field == EVF_APPROVES))
            out->ref = casefile_event_index(cf, json_int_member(payload, r->key, 0));
        break;
    case EVC_WITHDRAWS:
        out->withdraws = json_is_true(v);
        break;
    case EVC_ITEMS:
        out->items = json_int_member(payload, "items", 0);
        break;
    case EVC_DAYS:
        out->days = json_int_member(payload, r->key, 0);
        break;
    case EVC_DET_TYPE:
        if (text)
            det_type_lookup(text, &out->det_type);
        break;
    case EVC_BAP: {
        static const struct {
            const char *code;
            enum bap_kind kind;
        } baps[] = {{"saksi", BAP_SAKSI},
                    {"tersangka", BAP_TERSANGKA},
                    {"ahli", BAP_AHLI},
                    {"tambahan", BAP_TAMBAHAN}};
        for (size_t i = 0; text && i < sizeof baps / sizeof baps[0]; i++)
            if (strcmp(text, baps[i].code) == 0)
                out->bap = baps[i].kind;
        break;
    }
    case EVC_DUE:
        if (text)
            caldate_parse(text, &out->due);
        break;
    case EVC_LATE_RETURN:
        out->late_return = v != NULL;
        break;
    case EVC_UNLAWFUL:
        out->unlawful = v != NULL;
        break;
    case EVC_URGENT: /* a summons' urgency is the guard's, not this */
        out->urgent = v != NULL && (as == EV_SEARCH_DONE || as == EV_SEIZURE_DONE);
        break;
    case EVC_NOTICE: /* the notice a letter delivers (a correction of one: as the act) */
        out->notice = notice_of(as, text);
        out->sp3_to = as == EV_SP3_NOTIFIED ? sp3_to_of(text) : SP3_TO_NONE;
        /* an SP3 notice declared undelivered names its addressee after "sp3_" */
        if (as == EV_NOTICE_UNDELIVERED && !sp3_undelivered_lookup(text, &out->sp3_to))
            out->sp3_to = SP3_TO_NONE;
        break;
    case EVC_NONE:
        break;
    }
}

void casefile_event_from(const struct casefile *cf, enum event type, const char *legal_date,
                         const char *legal_at, long long party_id, long long corrects,
                         json_t *payload, struct case_event *out)
{
    struct caldate d = {0, 0, 0};
    caldate_parse(legal_date, &d);
    *out = evlog_event(type, d);
    int64_t at;
    if (legal_at && *legal_at && caldate_parse_instant(legal_at, &at)) {
        out->at = at;
        out->has_time = true;
    }
    out->suspect = casefile_suspect_index(cf, party_id);
    if (type == EV_CORRECTED)
        out->ref = casefile_event_index(cf, corrects);
    /* the act a correction stands for */
    enum event as = type;
    for (int k = out->ref, hops = 0;
         as == EV_CORRECTED && k >= 0 && k < cf->nevents && hops <= cf->nevents; hops++) {
        as = cf->ev[k].event;
        k = cf->ev[k].ref;
    }
    /* the rest: each stored member as its row says (core/evfields.def) */
    for (size_t i = 0; i < evfields_count; i++)
        core_member(cf, as, &evfields[i], payload, out);
}

/* The case row as read into cf. */
static bool case_head(const struct store_casefile_row *h, struct casefile *cf, struct berr *err)
{
    cf->id = h->id;
    cf->office_id = h->office_id;
    cf->kejari_id = h->kejari_id;
    snprintf(cf->number, sizeof cf->number, "%s", h->number);
    snprintf(cf->opened_on, sizeof cf->opened_on, "%s", h->opened_on);
    snprintf(cf->tz, sizeof cf->tz, "%s", h->tz);
    cf->zone = caldate_zone(cf->tz);
    stage_lookup(h->stage, &cf->stage);
    cf->version = h->version;
    cf->disclosed = h->disclosed;
    cf->reporter = h->reporter;
    size_t bin_len = 0;
    sodium_hex2bin(cf->last_hash, sizeof cf->last_hash, h->last_hash, strlen(h->last_hash), NULL,
                   &bin_len, NULL);
    cf->now = h->now;
    if (!cf->zone)
        return berr_set(err, BERR_INTERNAL, "office zone %s unknown", cf->tz);
    return true;
}

/* The case row read (heads: none when the actor does not see it) into cf;
 * with the lock, its snapshot and count of events too. */
static bool head_result(const struct store_casefile_rows *heads, long long id, bool lock,
                        struct casefile *cf, struct berr *err)
{
    if (heads->n != 1)
        return berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", id);
    const struct store_casefile_row *h = &heads->items[0];
    bool ok = case_head(h, cf, err);
    if (lock)
        cf->head_events = h->events;
    if (ok && lock && h->snapshot) {
        cf->snapshot = strdup(h->snapshot);
        ok = cf->snapshot != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
    }
    return ok;
}

/* Which cases the actor's role reads; false (403) when it reads none. */
static bool sight_of(const struct actor *who, enum store_case_sight *sight, struct berr *err)
{
    if (!case_sight_of(who->role, sight))
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
    return true;
}

static bool load_case_row(struct tx *tx, const struct actor *who, long long id, bool lock,
                          struct casefile *cf, struct berr *err)
{
    enum store_case_sight sight;
    struct store_casefile_rows heads;
    if (!sight_of(who, &sight, err) ||
        !store_casefile_head(tx, sight, who->office_id, id, lock, &heads, err))
        return false;
    bool ok = head_result(&heads, id, lock, cf, err);
    store_casefile_rows_free(&heads);
    return ok;
}

/* The suspects' party ids of s[0..n); then whether each is a foreign
 * national and whether he needs an interpreter. */
static bool suspect_rows(const struct store_suspect *s, int n, struct casefile *cf,
                         struct berr *err)
{
    cf->nsuspects = n;
    cf->suspect_ids = calloc((size_t)n + 1, sizeof *cf->suspect_ids);
    cf->suspect_foreign = calloc((size_t)n + 1, sizeof *cf->suspect_foreign);
    cf->suspect_interpreted = calloc((size_t)n + 1, sizeof *cf->suspect_interpreted);
    if (!cf->suspect_ids || !cf->suspect_foreign || !cf->suspect_interpreted)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    for (int i = 0; i < n; i++) {
        cf->suspect_ids[i] = s[i].id;
        cf->suspect_foreign[i] = s[i].foreign;
        cf->suspect_interpreted[i] = s[i].interpreted;
    }
    return true;
}

/* The log from e[0..n), in seq order.  Room is left for one more event (the
 * write path appends the act it records). */
static bool event_rows(const struct store_log_row *e, int n, struct casefile *cf, struct berr *err)
{
    cf->nevents = n;
    size_t room = (size_t)n + 1;
    cf->ev_cap = (int)room;
    cf->ev = calloc(room, sizeof *cf->ev);
    cf->ev_id = calloc(room, sizeof *cf->ev_id);
    cf->ev_payload = calloc(room, sizeof *cf->ev_payload);
    if (!cf->ev || !cf->ev_id || !cf->ev_payload)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    /* ids first: references point backwards, at rows already mapped */
    for (int i = 0; i < n; i++)
        cf->ev_id[i] = e[i].id;
    for (int i = 0; i < n; i++) {
        enum event type;
        if (!event_lookup(e[i].type, &type))
            return berr_set(err, BERR_INTERNAL, "unknown event type in the log of case %lld",
                            cf->id);
        cf->ev_payload[i] = json_loads(e[i].payload, 0, NULL);
        if (!cf->ev_payload[i])
            cf->ev_payload[i] = json_object();
        casefile_event_from(cf, type, e[i].legal_date, e[i].legal_at, e[i].party_id, e[i].corrects,
                            cf->ev_payload[i], &cf->ev[i]);
    }
    evlog_index(cf->ev, n); /* every fold of the log in O(n) */
    return true;
}

/* The offences charged into cf. */
static bool charged_rows(const struct store_charged_list *l, struct casefile *cf, struct berr *err)
{
    cf->ncharged = l->n;
    cf->charged = calloc((size_t)cf->ncharged + 1, sizeof *cf->charged);
    if (!cf->charged)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    for (int i = 0; i < cf->ncharged; i++) {
        const struct store_charged *c = &l->items[i];
        cf->charged[i].party_id = c->party_id;
        cf->charged[i].max_prison_months = c->max_prison_months;
        cf->charged[i].detainable = c->detainable;
        cf->charged[i].short_procedure = c->short_procedure;
        snprintf(cf->charged[i].code, sizeof cf->charged[i].code, "%s", c->code);
    }
    return true;
}

static bool load_children(struct tx *tx, struct casefile *cf, struct berr *err)
{
    struct store_suspects sus;
    if (!store_casefile_suspects(tx, cf->id, &sus, err))
        return false;
    bool ok = suspect_rows(sus.items, sus.n, cf, err);
    store_suspects_free(&sus);
    struct store_charged_list chg;
    if (!ok || !store_casefile_charged(tx, cf->id, &chg, err))
        return false;
    ok = charged_rows(&chg, cf, err);
    store_charged_list_free(&chg);
    return ok;
}

/* The log of cf, in seq order. */
static bool load_events(struct tx *tx, struct casefile *cf, struct berr *err)
{
    struct store_log log;
    if (!store_casefile_log(tx, cf->id, &log, err))
        return false;
    bool ok = event_rows(log.items, log.n, cf, err);
    store_log_free(&log);
    return ok;
}

/* The n rule sets of sets into cf's own array. */
static bool rulesets_keep(struct casefile *cf, const struct ruleset *sets, int n, struct berr *err)
{
    free(cf->rulesets);
    cf->nrulesets = 0;
    cf->rulesets = malloc((size_t)(n > 0 ? n : 1) * sizeof *cf->rulesets);
    if (!cf->rulesets)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    memcpy(cf->rulesets, sets, (size_t)n * sizeof *sets);
    cf->nrulesets = n;
    return true;
}

/* The rule sets in force (at: berkasd's copy of that version, rulesets_load_at; else the
 * database's now) into cf. */
static bool rulesets_of(struct tx *tx, bool at, long long version, struct casefile *cf,
                        struct berr *err)
{
    struct ruleset sets[RULESET_MAX];
    int n = 0;
    bool ok = at ? rulesets_load_at(tx, version, sets, &n, err) : rulesets_load(tx, sets, &n, err);
    return ok && rulesets_keep(cf, sets, n, err);
}

bool casefile_load(struct tx *tx, const struct actor *who, long long id, bool lock,
                   struct casefile *cf, struct berr *err)
{
    memset(cf, 0, sizeof *cf);
    return load_case_row(tx, who, id, lock, cf, err) && load_children(tx, cf, err) &&
           load_events(tx, cf, err) && rulesets_of(tx, false, 0, cf, err);
}

bool casefile_load_page(struct tx *tx, const struct actor *who, long long id, struct casefile *cf,
                        struct store_log *log, struct berr *err)
{
    memset(cf, 0, sizeof *cf);
    memset(log, 0, sizeof *log);
    bool ok = load_case_row(tx, who, id, false, cf, err) && load_children(tx, cf, err) &&
              store_casefile_page_log(tx, cf->id, log, err) &&
              event_rows(log->items, log->n, cf, err) && rulesets_of(tx, false, 0, cf, err);
    if (!ok) {
        store_log_free(log);
        casefile_free(cf);
    }
    return ok;
}

/* The case row under its lock with its snapshot, its suspects, the
 * offences charged, the rule sets' version (*rules) and the act's row id
 * (*next_event): one statement (store_casefile_head_for_write). */
static bool load_head_for_write(struct tx *tx, const struct actor *who, long long id,
                                struct casefile *cf, long long *rules, long long *next_event,
                                struct berr *err)
{
    enum store_case_sight sight;
    struct store_casefile_rows heads;
    struct store_suspects sus;
    struct store_charged_list chg;
    /* the sight is the role's (an admin reads no case: 403); which case it
     * sees is the database's fence, the read policies' rule */
    if (!sight_of(who, &sight, err) ||
        !store_casefile_head_for_write(tx, id, &heads, &sus, &chg, rules, next_event, err))
        return false;
    /* a case the actor may not see has no row: its suspects and offences
     * (row-level security shows none either) are not looked at */
    bool ok = head_result(&heads, id, true, cf, err) && suspect_rows(sus.items, sus.n, cf, err) &&
              charged_rows(&chg, cf, err);
    store_suspects_free(&sus);
    store_charged_list_free(&chg);
    store_casefile_rows_free(&heads);
    return ok;
}

bool casefile_load_for_write(struct tx *tx, const struct actor *who, long long id,
                             struct casefile *cf, long long *next_event, struct berr *err)
{
    memset(cf, 0, sizeof *cf);
    long long rules = 0;
    /* the suspects first: the cached log's suspect indices are theirs */
    return load_head_for_write(tx, who, id, cf, &rules, next_event, err) &&
           (logcache_take(cf) || load_events(tx, cf, err)) && rulesets_of(tx, true, rules, cf, err);
}

void casefile_release(struct casefile *cf)
{
    if (cf->ev && cf->nevents >= 0)
        logcache_put(cf);
    casefile_free(cf);
}

/* In lists in case id order: the suspects and the acts of case id, from
 * *first, how many; *at moves past them (and past any of earlier cases). */
static int suspects_of_case(const struct store_suspects *s, int *at, long long id, int *first)
{
    while (*at < s->n && s->items[*at].case_id < id)
        (*at)++;
    *first = *at;
    while (*at < s->n && s->items[*at].case_id == id)
        (*at)++;
    return *at - *first;
}

static int acts_of_case(const struct store_log *l, int *at, long long id, int *first)
{
    while (*at < l->n && l->items[*at].case_id < id)
        (*at)++;
    *first = *at;
    while (*at < l->n && l->items[*at].case_id == id)
        (*at)++;
    return *at - *first;
}

bool casefile_load_many(struct tx *tx, const long long *ids, int n, struct casefile *cfs,
                        struct berr *err)
{
    memset(cfs, 0, (size_t)n * sizeof *cfs);
    if (n == 0)
        return true;
    struct ruleset sets[RULESET_MAX];
    int nsets = 0;
    struct store_casefile_rows heads;
    struct store_suspects sus;
    struct store_log log;
    if (!store_casefile_many(tx, ids, n, &heads, &sus, &log, err))
        return false;
    bool ok = rulesets_load(tx, sets, &nsets, err);
    /* the case rows come in id order; each takes its suspects and events */
    int si = 0, ei = 0;
    for (int c = 0; ok && c < heads.n; c++) {
        struct casefile *cf = NULL;
        long long id = heads.items[c].id;
        for (int k = 0; k < n && !cf; k++)
            if (ids[k] == id)
                cf = &cfs[k];
        if (!cf)
            continue;
        int s0, e0;
        int ns = suspects_of_case(&sus, &si, id, &s0), ne = acts_of_case(&log, &ei, id, &e0);
        ok = case_head(&heads.items[c], cf, err) && suspect_rows(sus.items + s0, ns, cf, err) &&
             event_rows(log.items + e0, ne, cf, err);
        cf->charged = calloc(1, sizeof *cf->charged);
        ok = ok && cf->charged != NULL;
        ok = ok && rulesets_keep(cf, sets, nsets, err);
    }
    store_casefile_rows_free(&heads);
    store_suspects_free(&sus);
    store_log_free(&log);
    if (!ok) {
        for (int i = 0; i < n; i++)
            casefile_free(&cfs[i]);
        if (err->kind == BERR_NONE)
            berr_set(err, BERR_INTERNAL, "out of memory");
        return false;
    }
    return true;
}

/* The offences charged (to suspect, or to the case) and the interpreters
 * into f, beside its log facts. */
static void charged_facts(const struct casefile *cf, int suspect, struct case_facts *f);

void casefile_facts(const struct casefile *cf, int suspect, struct caldate act_date,
                    struct case_facts *f)
{
    memset(f, 0, sizeof *f);
    f->rulesets = cf->rulesets;
    f->nrulesets = cf->nrulesets;
    f->act_date = act_date;
    evlog_facts(cf->ev, cf->nevents, cf->zone, f);
    charged_facts(cf, suspect, f);
}

bool casefile_handed_short(const struct casefile *cf)
{
    struct case_event e;
    for (int i = cf->nevents - 1; cf->stage == ST_HANDED_OVER && i >= 0; i--)
        if (evlog_effective(cf->ev, cf->nevents, i, &e) && e.event == EV_SHORT_PROCEDURE_HANDOVER)
            return true;
    return false;
}

void casefile_facts_from(const struct casefile *cf, const struct evlog_fold *fold, int suspect,
                         struct caldate act_date, struct case_facts *f)
{
    memset(f, 0, sizeof *f);
    f->rulesets = cf->rulesets;
    f->nrulesets = cf->nrulesets;
    f->act_date = act_date;
    evlog_fold_facts(fold, f);
    charged_facts(cf, suspect, f);
}

static void charged_facts(const struct casefile *cf, int suspect, struct case_facts *f)
{
    bool all_short = true;
    for (int i = 0; i < cf->ncharged; i++) {
        const struct charged *c = &cf->charged[i];
        if (suspect >= 0 && c->party_id && c->party_id != cf->suspect_ids[suspect])
            continue;
        f->offences++;
        if (c->max_prison_months > f->max_prison_months)
            f->max_prison_months = c->max_prison_months;
        if (c->detainable)
            f->offence_detainable = true;
        if (!c->short_procedure)
            all_short = false;
    }
    f->short_procedure_only = f->offences > 0 && all_short;
    for (int s = 0; cf->suspect_interpreted && s < cf->nsuspects; s++)
        if (cf->suspect_interpreted[s] && !evlog_interpreted(cf->ev, cf->nevents, s, cf->zone))
            f->suspects_uninterpreted++;
}

void casefile_clock_input(const struct casefile *cf, long long now, struct clock_input *in)
{
    *in = (struct clock_input){.events = cf->ev,
                               .nevents = cf->nevents,
                               .zone = cf->zone,
                               .rulesets = cf->rulesets,
                               .nrulesets = cf->nrulesets,
                               .now = now,
                               .foreign = cf->suspect_foreign,
                               .nforeign = cf->nsuspects,
                               .no_reporter = !cf->reporter};
}

bool casefile_clocks(const struct casefile *cf, long long now, struct clock_set *out,
                     struct berr *err)
{
    struct clock_input in;
    casefile_clock_input(cf, now, &in);
    return clock_compute(&in, out, err);
}
