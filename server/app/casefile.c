/* casefile.c - see casefile.h. */
#include "casefile.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evfield.h"
#include "logcache.h"
#include "rulesets.h"
#include "store/db.h"
#include "store/rulesets.h"
#include "store/stmt.h"
#include "store/tx.h"
#include "visibility.h"

static long long ll(PGresult *r, int row, int col)
{
    return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

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

static int json_int_member(json_t *o, const char *key, int dflt)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (int)json_integer_value(v) : dflt;
}

/* One stored member of an act into the core's event, as its row says
 * (core/evfields.def: core); as is the act a correction stands for. */
static void core_member(const struct casefile *cf, enum event as, const struct evfield *r,
                        json_t *payload, struct case_event *out)
{
    json_t *v = r->key ? json_object_get(payload, r->key) : NULL;
    const char *text = json_string_value(v);
    switch (r->core) {
    case EVC_REF: /* the act pointed at: a direction done, its direction */
        if (out->event == EV_DIRECTION_DONE)
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
    case EVC_NOTICE: { /* the notice a letter delivers (a correction of one: as the act) */
        enum notice_kind notice = NOTICE_NONE;
        if (as == EV_LETTER_DELIVERED)
            notice_lookup(text, &notice);
        out->notice = notice;
        break;
    }
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

/* The columns every loader reads of the case row, in this order. */
#define CASE_COLUMNS                                                                               \
    "c.id, c.office_id, coalesce(c.kejari_id, 0), c.number, coalesce(c.opened_on::text, ''), "     \
    "o.tz, c.stage, c.version, c.disclosed_at IS NOT NULL, encode(c.last_hash, 'hex'), "           \
    "extract(epoch FROM now())::bigint"

static bool case_row(PGresult *r, int row, struct casefile *cf, struct berr *err)
{
    cf->id = ll(r, row, 0);
    cf->office_id = ll(r, row, 1);
    cf->kejari_id = ll(r, row, 2);
    snprintf(cf->number, sizeof cf->number, "%s", PQgetvalue(r, row, 3));
    snprintf(cf->opened_on, sizeof cf->opened_on, "%s", PQgetvalue(r, row, 4));
    snprintf(cf->tz, sizeof cf->tz, "%s", PQgetvalue(r, row, 5));
    cf->zone = caldate_zone(cf->tz);
    stage_lookup(PQgetvalue(r, row, 6), &cf->stage);
    cf->version = (int)ll(r, row, 7);
    cf->disclosed = PQgetvalue(r, row, 8)[0] == 't';
    size_t bin_len = 0;
    sodium_hex2bin(cf->last_hash, sizeof cf->last_hash, PQgetvalue(r, row, 9),
                   strlen(PQgetvalue(r, row, 9)), NULL, &bin_len, NULL);
    cf->now = ll(r, row, 10);
    if (!cf->zone)
        return berr_set(err, BERR_INTERNAL, "office zone %s unknown", cf->tz);
    return true;
}

/* The case row's statement as the actor sees it (the visibility rule, then
 * RLS; parameters $1 the actor's office, $2 the case); false when the role
 * reads no case. */
static bool case_row_sql(const struct actor *who, bool lock, char *sql, size_t size,
                         struct berr *err)
{
    const char *clause = case_visible_clause(who->role);
    if (!clause)
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
    /* the writer (lock) takes the case's snapshot with its row: no round trip of its own */
    snprintf(sql, size,
             "SELECT " CASE_COLUMNS "%s FROM app.cases c JOIN app.offices o ON o.id = c.office_id "
             "%s WHERE c.id = $2::bigint AND %s%s",
             lock ? ", n.state::text, c.events" : "",
             lock ? "LEFT JOIN app.case_snapshots n ON n.case_id = c.id" : "", clause,
             lock ? " FOR UPDATE OF c" : "");
    return true;
}

static bool case_row_result(PGresult *r, long long id, bool lock, struct casefile *cf,
                            struct berr *err);

static bool load_case_row(struct tx *tx, const struct actor *who, long long id, bool lock,
                          struct casefile *cf, struct berr *err)
{
    char sql[1024], office[24], sid[24];
    if (!case_row_sql(who, lock, sql, sizeof sql, err))
        return false;
    snprintf(office, sizeof office, "%lld", who->office_id);
    snprintf(sid, sizeof sid, "%lld", id);
    const char *p[2] = {office, sid};
    PGresult *r = tx_query(tx, sql, 2, p, err);
    return r && case_row_result(r, id, lock, cf, err);
}

/* The case row read (r, cleared here) into cf. */
static bool case_row_result(PGresult *r, long long id, bool lock, struct casefile *cf,
                            struct berr *err)
{
    if (PQntuples(r) != 1) {
        PQclear(r);
        return berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", id);
    }
    bool ok = case_row(r, 0, cf, err);
    if (lock)
        cf->head_events = (int)ll(r, 0, 12);
    if (ok && lock && !PQgetisnull(r, 0, 11)) {
        cf->snapshot = strdup(PQgetvalue(r, 0, 11));
        ok = cf->snapshot != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
    }
    PQclear(r);
    return ok;
}

/* A suspect who does not speak Indonesian, by the language recorded for him
 * (KUHAP 53, 177: he is examined through a sworn interpreter). */
#define NO_INDONESIAN                                                                              \
    "(btrim(language) <> '' AND lower(btrim(language)) NOT IN ('indonesia', 'bahasa indonesia', "  \
    "'indonesian', 'id'))"

/* The suspects' party ids of rows [first, first + n) of r, column col; then
 * whether each is a foreign national and whether he needs an interpreter. */
static bool suspect_rows(PGresult *r, int first, int n, int col, struct casefile *cf,
                         struct berr *err)
{
    cf->nsuspects = n;
    cf->suspect_ids = calloc((size_t)n + 1, sizeof *cf->suspect_ids);
    cf->suspect_foreign = calloc((size_t)n + 1, sizeof *cf->suspect_foreign);
    cf->suspect_interpreted = calloc((size_t)n + 1, sizeof *cf->suspect_interpreted);
    if (!cf->suspect_ids || !cf->suspect_foreign || !cf->suspect_interpreted)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    for (int i = 0; i < n; i++) {
        cf->suspect_ids[i] = ll(r, first + i, col);
        cf->suspect_foreign[i] = PQgetvalue(r, first + i, col + 1)[0] == 't';
        cf->suspect_interpreted[i] = PQgetvalue(r, first + i, col + 2)[0] == 't';
    }
    return true;
}

/* The log from rows [first, first + n) of r, columns col..col+6: id, type,
 * legal_date, legal_at (UTC), party, corrects, payload.  Room is left for
 * one more event (the write path appends the act it records). */
static bool event_rows(PGresult *r, int first, int n, int col, struct casefile *cf,
                       struct berr *err)
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
        cf->ev_id[i] = ll(r, first + i, col);
    for (int i = 0; i < n; i++) {
        int row = first + i;
        enum event type;
        if (!event_lookup(PQgetvalue(r, row, col + 1), &type))
            return berr_set(err, BERR_INTERNAL, "unknown event type in the log of case %lld",
                            cf->id);
        cf->ev_payload[i] = json_loads(PQgetvalue(r, row, col + 6), 0, NULL);
        if (!cf->ev_payload[i])
            cf->ev_payload[i] = json_object();
        casefile_event_from(cf, type, PQgetvalue(r, row, col + 2), PQgetvalue(r, row, col + 3),
                            ll(r, row, col + 4), ll(r, row, col + 5), cf->ev_payload[i],
                            &cf->ev[i]);
    }
    evlog_index(cf->ev, n); /* every fold of the log in O(n) */
    return true;
}

#define EVENT_COLUMNS                                                                              \
    "id, type, legal_date::text, coalesce(to_char(legal_at AT TIME ZONE 'UTC', "                   \
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), coalesce(party_id, 0), coalesce(corrects, 0), "       \
    "payload::text"

static const char suspects_sql[] =
    "SELECT id, coalesce(nationality <> 'ID', false), " NO_INDONESIAN
    " FROM app.parties WHERE case_id = $1::bigint AND kind = 'suspect' ORDER BY id";
static const char charged_sql[] = "SELECT coalesce(co.party_id, 0), oc.max_prison_months, "
                                  "oc.detainable, oc.short_procedure, oc.code FROM "
                                  "app.case_offences co JOIN app.offence_catalogue oc ON oc.id = "
                                  "co.offence_id WHERE co.case_id = $1::bigint ORDER BY co.id";

static bool charged_rows(PGresult *r, struct casefile *cf, struct berr *err);

static bool load_children(struct tx *tx, struct casefile *cf, struct berr *err)
{
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", cf->id);
    const char *p[1] = {sid};
    PGresult *r = tx_query(tx, suspects_sql, 1, p, err);
    if (!r)
        return false;
    bool ok = suspect_rows(r, 0, PQntuples(r), 0, cf, err);
    PQclear(r);
    if (!ok)
        return false;
    r = tx_query(tx, charged_sql, 1, p, err);
    return r && charged_rows(r, cf, err);
}

/* The offences charged (r, cleared here) into cf. */
static bool charged_rows(PGresult *r, struct casefile *cf, struct berr *err)
{
    cf->ncharged = PQntuples(r);
    cf->charged = calloc((size_t)cf->ncharged + 1, sizeof *cf->charged);
    for (int i = 0; cf->charged && i < cf->ncharged; i++) {
        cf->charged[i].party_id = ll(r, i, 0);
        cf->charged[i].max_prison_months = (int)ll(r, i, 1);
        cf->charged[i].detainable = PQgetvalue(r, i, 2)[0] == 't';
        cf->charged[i].short_procedure = PQgetvalue(r, i, 3)[0] == 't';
        snprintf(cf->charged[i].code, sizeof cf->charged[i].code, "%s", PQgetvalue(r, i, 4));
    }
    PQclear(r);
    if (!cf->charged)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    return true;
}

/* The log of cf, in seq order. */
static bool load_events(struct tx *tx, struct casefile *cf, struct berr *err)
{
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", cf->id);
    const char *p[1] = {sid};
    PGresult *r = tx_query(
        tx, "SELECT " EVENT_COLUMNS " FROM app.events WHERE case_id = $1::bigint ORDER BY seq", 1,
        p, err);
    if (!r)
        return false;
    bool ok = event_rows(r, 0, PQntuples(r), 0, cf, err);
    PQclear(r);
    return ok;
}

bool casefile_load(struct tx *tx, const struct actor *who, long long id, bool lock,
                   struct casefile *cf, struct berr *err)
{
    memset(cf, 0, sizeof *cf);
    return load_case_row(tx, who, id, lock, cf, err) && load_children(tx, cf, err) &&
           load_events(tx, cf, err) && rulesets_load(tx, cf->rulesets, &cf->nrulesets, err);
}

/* The case row under its lock with its snapshot, its suspects, the
 * offences charged and the rule sets' version (*rules): four statements,
 * one round trip (tx_batch). */
static bool load_head_for_write(struct tx *tx, const struct actor *who, long long id,
                                struct casefile *cf, long long *rules, struct berr *err)
{
    char sql[1024], office[24], sid[24];
    if (!case_row_sql(who, true, sql, sizeof sql, err))
        return false;
    snprintf(office, sizeof office, "%lld", who->office_id);
    snprintf(sid, sizeof sid, "%lld", id);
    const char *p[2] = {office, sid};
    const char *pc[1] = {sid};
    const struct db_batch b[4] = {
        {NULL, sql, 2, p},
        {NULL, suspects_sql, 1, pc},
        {NULL, charged_sql, 1, pc},
        {store_rules_version_stmt.name, store_rules_version_stmt.sql, 0, NULL}};
    PGresult *r[4];
    if (!tx_batch(tx, 4, b, r, err))
        return false;
    *rules = store_rules_version(r[3]);
    PQclear(r[3]);
    /* a case the actor may not see has no row: its suspects and offences
     * (row-level security shows none either) are not looked at */
    bool ok = case_row_result(r[0], id, true, cf, err) &&
              suspect_rows(r[1], 0, PQntuples(r[1]), 0, cf, err);
    PQclear(r[1]);
    if (ok)
        return charged_rows(r[2], cf, err);
    PQclear(r[2]);
    return false;
}

bool casefile_load_for_write(struct tx *tx, const struct actor *who, long long id,
                             struct casefile *cf, struct berr *err)
{
    memset(cf, 0, sizeof *cf);
    long long rules = 0;
    /* the suspects first: the cached log's suspect indices are theirs */
    return load_head_for_write(tx, who, id, cf, &rules, err) &&
           (logcache_take(cf) || load_events(tx, cf, err)) &&
           rulesets_load_at(tx, rules, cf->rulesets, &cf->nrulesets, err);
}

void casefile_release(struct casefile *cf)
{
    if (cf->ev && cf->nevents >= 0)
        logcache_put(cf);
    casefile_free(cf);
}

/* Rows [*at, end) of r whose column 0 is case_id: how many, advancing *at. */
static int rows_of(PGresult *r, int *at, long long case_id)
{
    int first = *at;
    while (*at < PQntuples(r) && ll(r, *at, 0) == case_id)
        (*at)++;
    return *at - first;
}

bool casefile_load_many(struct tx *tx, const long long *ids, int n, struct casefile *cfs,
                        struct berr *err)
{
    memset(cfs, 0, (size_t)n * sizeof *cfs);
    if (n == 0)
        return true;
    /* the ids as one array parameter: "{3,5,8}" */
    size_t cap = (size_t)n * 21 + 3, used = 0;
    char *arr = malloc(cap);
    if (!arr)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    arr[used++] = '{';
    for (int i = 0; i < n; i++)
        used += (size_t)snprintf(arr + used, cap - used, "%s%lld", i ? "," : "", ids[i]);
    snprintf(arr + used, cap - used, "}");
    const char *p[1] = {arr};
    struct ruleset sets[RULESET_BUILTIN_COUNT];
    int nsets = 0;
    PGresult *cr = tx_query(tx,
                            "SELECT " CASE_COLUMNS " FROM app.cases c JOIN app.offices o ON "
                            "o.id = c.office_id WHERE c.id = ANY ($1::bigint[]) ORDER BY c.id",
                            1, p, err);
    PGresult *sr =
        cr ? tx_query(tx,
                      "SELECT case_id, id, coalesce(nationality <> 'ID', false), " NO_INDONESIAN
                      " FROM app.parties WHERE case_id = ANY "
                      "($1::bigint[]) AND kind = 'suspect' ORDER BY case_id, id",
                      1, p, err)
           : NULL;
    PGresult *er = sr ? tx_query(tx,
                                 "SELECT case_id, " EVENT_COLUMNS " FROM app.events WHERE "
                                 "case_id = ANY ($1::bigint[]) ORDER BY case_id, seq",
                                 1, p, err)
                      : NULL;
    free(arr);
    bool ok = er && rulesets_load(tx, sets, &nsets, err);
    /* the case rows come in id order; each takes its suspects and events */
    int si = 0, ei = 0;
    for (int c = 0; ok && c < PQntuples(cr); c++) {
        struct casefile *cf = NULL;
        long long id = ll(cr, c, 0);
        for (int k = 0; k < n && !cf; k++)
            if (ids[k] == id)
                cf = &cfs[k];
        if (!cf)
            continue;
        while (si < PQntuples(sr) && ll(sr, si, 0) < id)
            si++;
        while (ei < PQntuples(er) && ll(er, ei, 0) < id)
            ei++;
        int s0 = si, e0 = ei;
        int ns = rows_of(sr, &si, id), ne = rows_of(er, &ei, id);
        ok = case_row(cr, c, cf, err) && suspect_rows(sr, s0, ns, 1, cf, err) &&
             event_rows(er, e0, ne, 1, cf, err);
        cf->charged = calloc(1, sizeof *cf->charged);
        ok = ok && cf->charged != NULL;
        memcpy(cf->rulesets, sets, sizeof sets);
        cf->nrulesets = nsets;
    }
    PQclear(cr);
    PQclear(sr);
    PQclear(er);
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

bool casefile_clocks(const struct casefile *cf, long long now, struct clock_set *out,
                     struct berr *err)
{
    struct clock_input in = {.events = cf->ev,
                             .nevents = cf->nevents,
                             .zone = cf->zone,
                             .rulesets = cf->rulesets,
                             .nrulesets = cf->nrulesets,
                             .now = now,
                             .foreign = cf->suspect_foreign,
                             .nforeign = cf->nsuspects};
    return clock_compute(&in, out, err);
}

bool casefile_loads(const struct casefile *cf, const struct case_event *extra, struct berr *err)
{
    struct case_event *log = calloc((size_t)cf->nevents + 1, sizeof *log);
    if (!log)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    if (cf->nevents > 0)
        memcpy(log, cf->ev, (size_t)cf->nevents * sizeof *log);
    int n = cf->nevents;
    if (extra)
        log[n++] = *extra;
    evlog_index(log, n);
    struct clock_input in = {.events = log,
                             .nevents = n,
                             .zone = cf->zone,
                             .rulesets = cf->rulesets,
                             .nrulesets = cf->nrulesets,
                             .now = cf->now};
    bool ok = clock_log_loads(&in, err);
    free(log);
    return ok;
}
