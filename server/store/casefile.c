/* casefile.c (store) - see casefile.h. */
#include "casefile.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "rulesets.h"
#include "stmt.h"
#include "tx.h"

/* ---- the case row ------------------------------------------------------------------------ */

/* The columns of the case row, in this order; the write path's lock adds the
 * snapshot and the count of events.  The reporter: a party of kind reporter or
 * victim, or a file from a public report (sql/0041, as app.case_head says it). */
#define CASE_COLUMNS                                                                               \
    "c.id, c.office_id, coalesce(c.kejari_id, 0), c.number, coalesce(c.opened_on::text, ''), "     \
    "o.tz, c.stage, c.version, c.disclosed_at IS NOT NULL, encode(c.last_hash, 'hex'), "           \
    "extract(epoch FROM now())::bigint, (c.source = 'public_report' OR EXISTS (SELECT 1 FROM "     \
    "app.parties r WHERE r.case_id = c.id AND r.kind IN ('reporter', 'victim')))"
enum { H_REPORTER = 11, H_SNAPSHOT = 12, H_EVENTS = 13 };

/* The case row's statement for sight ($1 the office, $2 the case) and its
 * name: one a sight, with the lock and without. */
static void head_sql(enum store_case_sight sight, bool lock, char *sql, size_t size, char name[64])
{
    /* the writer (lock) takes the case's snapshot with its row: no round trip of its own */
    snprintf(sql, size,
             "SELECT " CASE_COLUMNS "%s FROM app.cases c JOIN app.offices o ON o.id = c.office_id "
             "%s WHERE c.id = $2::bigint AND %s%s",
             lock ? ", n.state, c.events" : "",
             lock ? "LEFT JOIN app.case_snapshots n ON n.case_id = c.id" : "",
             store_case_visible_clause(sight), lock ? " FOR UPDATE OF c" : "");
    snprintf(name, 64, "casefile.head%s.%d", lock ? "_locked" : "", (int)sight);
}

static void head_of(const PGresult *r, int i, void *item, void *ctx)
{
    bool lock = *(const bool *)ctx;
    struct store_casefile_row *h = item;
    h->id = stmt_ll(r, i, 0);
    h->office_id = stmt_ll(r, i, 1);
    h->kejari_id = stmt_ll(r, i, 2);
    h->number = PQgetvalue(r, i, 3);
    h->opened_on = PQgetvalue(r, i, 4);
    h->tz = PQgetvalue(r, i, 5);
    h->stage = PQgetvalue(r, i, 6);
    h->version = (int)stmt_ll(r, i, 7);
    h->disclosed = stmt_bool(r, i, 8);
    h->last_hash = PQgetvalue(r, i, 9);
    h->now = stmt_ll(r, i, 10);
    h->reporter = stmt_bool(r, i, H_REPORTER);
    if (lock) {
        h->snapshot = PQgetisnull(r, i, H_SNAPSHOT) ? NULL : PQgetvalue(r, i, H_SNAPSHOT);
        h->events = (int)stmt_ll(r, i, H_EVENTS);
    }
}

static bool heads_of(PGresult *r, bool lock, struct store_casefile_rows *out, struct berr *err)
{
    void *items;
    if (!stmt_rows(r, sizeof *out->items, head_of, &lock, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

bool store_casefile_head(struct tx *tx, enum store_case_sight sight, long long office,
                         long long case_id, bool lock, struct store_casefile_rows *heads,
                         struct berr *err)
{
    memset(heads, 0, sizeof *heads);
    char sql[1024], name[64], o[24], c[24];
    head_sql(sight, lock, sql, sizeof sql, name);
    const char *p[2] = {stmt_id(o, office), stmt_id(c, case_id)};
    return heads_of(tx_query_named(tx, name, sql, 2, p, err), lock, heads, err);
}

/* ---- suspects and offences ---------------------------------------------------------------- */

/* A suspect who does not speak Indonesian, by the language recorded for him
 * (KUHAP 53, 177: he is examined through a sworn interpreter). */
#define NO_INDONESIAN                                                                              \
    "(btrim(language) <> '' AND lower(btrim(language)) NOT IN ('indonesia', 'bahasa indonesia', "  \
    "'indonesian', 'id'))"
#define SUSPECT_COLUMNS "case_id, id, coalesce(nationality <> 'ID', false), " NO_INDONESIAN

static const struct stmt suspects = {"casefile.suspects", 1,
                                     "SELECT " SUSPECT_COLUMNS " FROM app.parties WHERE case_id = "
                                     "$1::bigint AND kind = 'suspect' ORDER BY id"};

static const struct stmt charged = {
    "casefile.charged", 1,
    "SELECT coalesce(co.party_id, 0), oc.max_prison_months, oc.detainable, oc.short_procedure, "
    "oc.code FROM app.case_offences co JOIN app.offence_catalogue oc ON oc.id = co.offence_id "
    "WHERE co.case_id = $1::bigint ORDER BY co.id"};

static void suspect_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_suspect *s = item;
    s->case_id = stmt_ll(r, i, 0);
    s->id = stmt_ll(r, i, 1);
    s->foreign = stmt_bool(r, i, 2);
    s->interpreted = stmt_bool(r, i, 3);
}

static bool suspects_of(PGresult *r, struct store_suspects *out, struct berr *err)
{
    void *items;
    if (!stmt_rows(r, sizeof *out->items, suspect_of, NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

static void charged_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_charged *c = item;
    c->party_id = stmt_ll(r, i, 0);
    c->max_prison_months = (int)stmt_ll(r, i, 1);
    c->detainable = stmt_bool(r, i, 2);
    c->short_procedure = stmt_bool(r, i, 3);
    c->code = PQgetvalue(r, i, 4);
}

static bool charged_list_of(PGresult *r, struct store_charged_list *out, struct berr *err)
{
    void *items;
    if (!stmt_rows(r, sizeof *out->items, charged_of, NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

bool store_casefile_suspects(struct tx *tx, long long case_id, struct store_suspects *out,
                             struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    return suspects_of(stmt_query(tx, &suspects, p, err), out, err);
}

bool store_casefile_charged(struct tx *tx, long long case_id, struct store_charged_list *out,
                            struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    return charged_list_of(stmt_query(tx, &charged, p, err), out, err);
}

static const struct stmt sp3_offences = {
    "casefile.sp3_offences", 1,
    "SELECT oc.code, oc.connector, oc.max_prison_months, coalesce(oc.fine_category, 0), "
    "oc.max_fine, oc.kurungan, oc.fine_only, oc.complaint FROM app.offence_catalogue oc "
    "WHERE oc.id IN (SELECT co.offence_id FROM app.case_offences co WHERE co.case_id = "
    "$1::bigint) ORDER BY oc.article, oc.code"};

static void sp3_offence_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_sp3_offence *o = item;
    o->code = PQgetvalue(r, i, 0);
    o->connector = PQgetvalue(r, i, 1);
    o->max_prison_months = (int)stmt_ll(r, i, 2);
    o->fine_category = (int)stmt_ll(r, i, 3);
    o->max_fine = stmt_ll(r, i, 4);
    o->kurungan = stmt_bool(r, i, 5);
    o->fine_only = stmt_bool(r, i, 6);
    o->complaint = stmt_bool(r, i, 7);
}

bool store_casefile_sp3_offences(struct tx *tx, long long case_id, struct store_sp3_offences *out,
                                 struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items;
    if (!stmt_rows(stmt_query(tx, &sp3_offences, p, err), sizeof *out->items, sp3_offence_of, NULL,
                   &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_sp3_offences_free(struct store_sp3_offences *o)
{
    free(o->items);
    PQclear(o->res_);
    memset(o, 0, sizeof *o);
}

/* The write path's read (sql/0031, app.case_head): the case row under its
 * lock with its snapshot and count of events (head_of's columns), then the
 * suspects' and the offences' arrays, the rule sets' version and the act's
 * row id; no row for a case the acting user may not read. */
static const struct stmt head_for_write = {"casefile.head_for_write", 1,
                                           "SELECT * FROM app.case_head($1::bigint)"};
enum { W_SUSPECTS = 14, W_CHARGED, W_RULES, W_NEXT_EVENT, W_NCOLS };

/* "a:b:..." - the field after *p as a number and a boolean ("true"); *p
 * moves past its colon. */
static long long field_ll(const char **p)
{
    char *end;
    long long v = strtoll(*p, &end, 10);
    *p = *end == ':' ? end + 1 : end;
    return v;
}

static bool field_bool(const char **p)
{
    bool v = **p == 't';
    const char *colon = strchr(*p, ':');
    *p = colon ? colon + 1 : *p + strlen(*p);
    return v;
}

/* The array in column col of r's row: its elements' text unquoted into buf
 * (room: the column's length + 1), at most cap of them into items; how many. */
static int array_items(const PGresult *r, int col, const char **items, int cap, char *buf)
{
    const char *p = PQgetvalue(r, 0, col), *item;
    char *w = buf;
    int n = 0;
    while (n < cap && stmt_array_next(&p, &w, &item))
        items[n++] = item ? item : "";
    return n;
}

/* The suspects ("id:foreign:interpreted") and the offences
 * ("party:months:detainable:short_procedure:code") of the head's row (r has
 * one) into lists whose items point into one allocation of their own (items,
 * then the text): r stays the head's. */
static bool children_of(const PGresult *r, struct store_suspects *sus,
                        struct store_charged_list *chg, struct berr *err)
{
    int ns = stmt_array_max(PQgetvalue(r, 0, W_SUSPECTS));
    int nc = stmt_array_max(PQgetvalue(r, 0, W_CHARGED));
    size_t slen = (size_t)PQgetlength(r, 0, W_SUSPECTS) + 1;
    size_t clen = (size_t)PQgetlength(r, 0, W_CHARGED) + 1;
    const char **items = calloc((size_t)(ns > nc ? ns : nc) + 1, sizeof *items);
    char *buf = malloc(slen);
    sus->items = calloc((size_t)ns + 1, sizeof *sus->items);
    chg->items = calloc(1, (size_t)(nc + 1) * sizeof *chg->items + clen);
    bool ok = items && buf && sus->items && chg->items;
    if (ok) {
        sus->n = array_items(r, W_SUSPECTS, items, ns, buf);
        for (int k = 0; k < sus->n; k++) {
            const char *p = items[k];
            sus->items[k].case_id = stmt_ll(r, 0, 0);
            sus->items[k].id = field_ll(&p);
            sus->items[k].foreign = field_bool(&p);
            sus->items[k].interpreted = field_bool(&p);
        }
        chg->n = array_items(r, W_CHARGED, items, nc, (char *)(chg->items + nc + 1));
        for (int k = 0; k < chg->n; k++) {
            const char *p = items[k];
            chg->items[k].party_id = field_ll(&p);
            chg->items[k].max_prison_months = (int)field_ll(&p);
            chg->items[k].detainable = field_bool(&p);
            chg->items[k].short_procedure = field_bool(&p);
            chg->items[k].code = p; /* the rest, colons and all */
        }
    }
    free(items);
    free(buf);
    return ok || berr_set(err, BERR_INTERNAL, "out of memory");
}

bool store_casefile_head_for_write(struct tx *tx, long long case_id,
                                   struct store_casefile_rows *heads, struct store_suspects *sus,
                                   struct store_charged_list *chg, long long *rules,
                                   long long *next_event, struct berr *err)
{
    memset(heads, 0, sizeof *heads);
    memset(sus, 0, sizeof *sus);
    memset(chg, 0, sizeof *chg);
    *rules = 0;
    *next_event = 0;
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    PGresult *r = stmt_query(tx, &head_for_write, p, err);
    int cols = r ? PQnfields(r) : W_NCOLS;
    if (cols != W_NCOLS) {
        PQclear(r);
        return berr_set(err, BERR_INTERNAL, "app.case_head: %d columns, not %d", cols, W_NCOLS);
    }
    if (!heads_of(r, true, heads, err))
        return false;
    if (heads->n == 0) /* a case the acting user may not read: none of its children either */
        return true;
    *rules = stmt_ll(r, 0, W_RULES);
    *next_event = stmt_ll(r, 0, W_NEXT_EVENT);
    bool ok = children_of(r, sus, chg, err);
    if (!ok) {
        store_casefile_rows_free(heads);
        store_suspects_free(sus);
        store_charged_list_free(chg);
    }
    return ok;
}

/* ---- the log ----------------------------------------------------------------------------- */

/* the log's columns of the events row named e (e: "" or an alias with its dot) */
#define LOG_COLUMNS_OF(e)                                                                          \
    e "case_id, " e "id, " e "type, " e "legal_date::text, coalesce(to_char(" e "legal_at AT "     \
      "TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), coalesce(" e "party_id, 0), "      \
      "coalesce(" e "corrects, 0), " e "payload::text"
#define LOG_COLUMNS LOG_COLUMNS_OF("")

/* A log is read without JIT (berkasd's connections run with jit=off: store/db.c): the read policy's
 * subplan makes the planner's estimate grow with the rows, past jit_above_cost (100,000) from
 * some 5,500 acts on (180,000 at 10,000), and compiling made the read of a 10,000-act log
 * (a write's after a restart or another writer's act, every full read of such a case) take
 * 62 to 68 ms instead of 10 to 14 (EXPLAIN ANALYZE as berkas_app). */
static const struct stmt log_of_case = {"casefile.log", 1,
                                        "SELECT " LOG_COLUMNS
                                        " FROM app.events WHERE case_id = $1::bigint ORDER BY seq"};

static void log_row_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_log_row *e = item;
    e->case_id = stmt_ll(r, i, 0);
    e->id = stmt_ll(r, i, 1);
    e->type = PQgetvalue(r, i, 2);
    e->legal_date = PQgetvalue(r, i, 3);
    e->legal_at = PQgetvalue(r, i, 4);
    e->party_id = stmt_ll(r, i, 5);
    e->corrects = stmt_ll(r, i, 6);
    e->payload = PQgetvalue(r, i, 7);
}

static bool log_of(PGresult *r, struct store_log *out, struct berr *err)
{
    void *items;
    if (!stmt_rows(r, sizeof *out->items, log_row_of, NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

bool store_casefile_log(struct tx *tx, long long case_id, struct store_log *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    return log_of(stmt_query(tx, &log_of_case, p, err), out, err);
}

/* The log's columns, then the page's (struct store_log_act, from P_SEQ on).  Each act's number
 * is STORE_ACT_NUMBER's (store/act_number.h: its own, else its first paper in force carrying
 * it, else its first upload with one), the papers' and the uploads' found for the whole case
 * in one scan each (an_paper, an_upload) instead of two subqueries an act: at 10,000 acts those
 * took half of the statement's time. */
#define PAGE_NUMBERS                                                                               \
    "WITH an_paper AS (SELECT DISTINCT ON (d.event_id) d.event_id, d.number FROM app.documents d " \
    "JOIN app.events x ON x.id = d.event_id WHERE x.case_id = $1::bigint AND d.act_number AND "    \
    "d.revoked_at IS NULL ORDER BY d.event_id, d.id), an_upload AS (SELECT DISTINCT ON "           \
    "(up.event_id) up.event_id, up.number FROM app.uploads up WHERE up.case_id = $1::bigint AND "  \
    "up.number <> '' ORDER BY up.event_id, up.id) "
static const struct stmt page_log_of_case = {
    "casefile.page_log", 1,
    PAGE_NUMBERS "SELECT " LOG_COLUMNS_OF(
        "e.") ", e.seq, e.late, to_json(e.legal_date) #>> '{}', "
              "to_json(e.legal_at) #>> '{}', coalesce(nullif(e.doc_number, ''), "
              "an_paper.number, an_upload.number, ''), e.regime, e.stage_before, "
              "e.stage_after, to_json(e.entered_at) #>> '{}', u.name FROM app.events e "
              "JOIN app.users u ON u.id = e.entered_by "
              "LEFT JOIN an_paper ON an_paper.event_id = e.id "
              "LEFT JOIN an_upload ON an_upload.event_id = e.id "
              "WHERE e.case_id = $1::bigint ORDER BY e.seq"};
enum { P_SEQ = 8 };

static void page_act_of(const PGresult *r, int i, struct store_log_act *a)
{
    a->seq = (int)stmt_ll(r, i, P_SEQ);
    a->late = stmt_bool(r, i, P_SEQ + 1);
    a->legal_date = PQgetvalue(r, i, P_SEQ + 2);
    a->legal_at = PQgetisnull(r, i, P_SEQ + 3) ? NULL : PQgetvalue(r, i, P_SEQ + 3);
    a->number = PQgetvalue(r, i, P_SEQ + 4);
    a->regime = PQgetvalue(r, i, P_SEQ + 5);
    a->stage_before = PQgetvalue(r, i, P_SEQ + 6);
    a->stage_after = PQgetvalue(r, i, P_SEQ + 7);
    a->entered_at = PQgetvalue(r, i, P_SEQ + 8);
    a->entered_by = PQgetvalue(r, i, P_SEQ + 9);
}

bool store_casefile_page_log(struct tx *tx, long long case_id, struct store_log *out,
                             struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    if (!log_of(stmt_query(tx, &page_log_of_case, p, err), out, err))
        return false;
    out->acts = calloc((size_t)out->n + 1, sizeof *out->acts);
    if (!out->acts) {
        store_log_free(out);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    for (int i = 0; i < out->n; i++)
        page_act_of(out->res_, i, &out->acts[i]);
    return true;
}

/* ---- many cases at once ------------------------------------------------------------------- */

static const struct stmt many_heads = {"casefile.many_heads", 1,
                                       "SELECT " CASE_COLUMNS
                                       " FROM app.cases c JOIN app.offices o ON o.id = c.office_id "
                                       "WHERE c.id = ANY ($1::bigint[]) ORDER BY c.id"};

static const struct stmt many_suspects = {"casefile.many_suspects", 1,
                                          "SELECT " SUSPECT_COLUMNS
                                          " FROM app.parties WHERE case_id = ANY ($1::bigint[]) "
                                          "AND kind = 'suspect' ORDER BY case_id, id"};

static const struct stmt many_logs = {"casefile.many_logs", 1,
                                      "SELECT " LOG_COLUMNS
                                      " FROM app.events WHERE case_id = ANY ($1::bigint[]) "
                                      "ORDER BY case_id, seq"};

bool store_casefile_many(struct tx *tx, const long long *ids, int n,
                         struct store_casefile_rows *heads, struct store_suspects *sus,
                         struct store_log *log, struct berr *err)
{
    memset(heads, 0, sizeof *heads);
    memset(sus, 0, sizeof *sus);
    memset(log, 0, sizeof *log);
    char *arr = stmt_id_array(ids, n);
    if (!arr)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    const char *p[1] = {arr};
    bool ok = heads_of(stmt_query(tx, &many_heads, p, err), false, heads, err) &&
              suspects_of(stmt_query(tx, &many_suspects, p, err), sus, err) &&
              log_of(stmt_query(tx, &many_logs, p, err), log, err);
    free(arr);
    if (!ok) {
        store_casefile_rows_free(heads);
        store_suspects_free(sus);
        store_log_free(log);
    }
    return ok;
}

/* ---- the summary's sweeps -------------------------------------------------------------------- */

static const struct stmt sweep_stale = {
    "casefile.sweep_stale", 5,
    "SELECT c.id FROM app.cases c LEFT JOIN app.case_summaries s ON s.case_id = c.id LEFT JOIN "
    "app.case_snapshots n ON n.case_id = c.id WHERE c.id > $1::bigint AND ($2::bigint = 0 OR "
    "EXISTS (SELECT 1 FROM app.offices o WHERE o.id = c.office_id AND $2::bigint = ANY "
    "(o.ancestors))) AND (s.case_id IS NULL OR s.rules_sig <> $3::bigint OR s.case_version <> "
    "c.version OR n.case_id IS NULL OR n.format <> $5::int OR n.events <> c.events) ORDER BY "
    "c.id LIMIT $4::int"};

static const struct stmt sweep_all = {
    "casefile.sweep_all", 4,
    "SELECT c.id FROM app.cases c WHERE c.id > $1::bigint AND ($2::bigint = 0 OR EXISTS (SELECT "
    "1 FROM app.offices o WHERE o.id = c.office_id AND $2::bigint = ANY (o.ancestors))) AND "
    "$3::bigint IS NOT NULL ORDER BY c.id LIMIT $4::int"};

bool store_casefile_sweep_ids(struct tx *tx, long long root, bool stale, long long sig, int format,
                              long long after, int limit, long long *ids, int *n, struct berr *err)
{
    *n = 0;
    char a[24], r[24], s[24], lim[16], fmt[16];
    snprintf(lim, sizeof lim, "%d", limit);
    snprintf(fmt, sizeof fmt, "%d", format);
    const char *p[5] = {stmt_id(a, after), stmt_id(r, root), stmt_id(s, sig), lim, fmt};
    PGresult *res = stmt_query(tx, stale ? &sweep_stale : &sweep_all, p, err);
    if (!res)
        return false;
    for (int i = 0; i < PQntuples(res) && i < limit; i++)
        ids[(*n)++] = stmt_ll(res, i, 0);
    PQclear(res);
    return true;
}

/* The stored rows' columns, by case id, in store_summary_columns' order; the
 * office columns are checked against the case row ("fence"). */
static const struct stmt stored = {
    "casefile.summaries", 1,
    "SELECT s.case_id, s.stage, to_char(s.stage_since, 'YYYY-MM-DD'), extract(epoch FROM "
    "s.clock_due_at)::bigint, "
    "extract(epoch FROM s.clock_attention_at)::bigint, s.clock_code, s.clock_actor, "
    "s.clock_party, to_char(s.last_act_on, 'YYYY-MM-DD'), s.last_act_type, extract(epoch FROM "
    "s.stall_at)::bigint, "
    "s.stall_actor, extract(epoch FROM s.next_due_at)::bigint, s.p19_rounds, s.pingpong, "
    "s.directions_open, extract(epoch FROM s.directions_due_at)::bigint, "
    "extract(epoch FROM s.pu_due_at)::bigint, extract(epoch FROM s.pu_attention_at)::bigint, "
    "to_char(s.last_arrival_on, 'YYYY-MM-DD'), s.last_arrival_event, s.detail, s.stats, s.damaged, "
    "s.case_version, "
    "s.rules_sig, n.state, "
    "(s.office_id, s.kejari_id, s.disclosed, s.scope1, s.scope2, s.scope3) IS NOT DISTINCT FROM "
    "(c.office_id, c.kejari_id, c.disclosed_at IS NOT NULL, o.ancestors[1], o.ancestors[2], "
    "o.ancestors[3]) FROM app.case_summaries s JOIN app.cases c ON c.id = s.case_id "
    "JOIN app.offices o ON o.id = c.office_id LEFT JOIN app.case_snapshots n ON "
    "n.case_id = s.case_id WHERE s.case_id = ANY ($1::bigint[])"};

const struct store_summary_column store_summary_columns[STORE_SUMMARY_NCOLS] = {
    {"case_id", 'i'},
    {"stage", 's'},
    {"stage_since", 's'},
    {"clock_due_at", 'i'},
    {"clock_attention_at", 'i'},
    {"clock_code", 's'},
    {"clock_actor", 's'},
    {"clock_party", 'i'},
    {"last_act_on", 's'},
    {"last_act_type", 's'},
    {"stall_at", 'i'},
    {"stall_actor", 's'},
    {"next_due_at", 'i'},
    {"p19_rounds", 'i'},
    {"pingpong", 'b'},
    {"directions_open", 'i'},
    {"directions_due_at", 'i'},
    {"pu_due_at", 'i'},
    {"pu_attention_at", 'i'},
    {"last_arrival_on", 's'},
    {"last_arrival_event", 'i'},
    {"detail", 'j'},
    {"stats", 'j'},
    {"damaged", 's'},
    {"case_version", 'i'},
    {"rules_sig", 'i'},
    {"snapshot", 'j'},
};

static void stored_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stored_summary *s = item;
    s->case_id = stmt_ll(r, i, 0);
    for (int k = 0; k < STORE_SUMMARY_NCOLS; k++)
        s->cols[k] = PQgetisnull(r, i, k) ? NULL : PQgetvalue(r, i, k);
    s->fence = stmt_bool(r, i, STORE_SUMMARY_NCOLS);
}

bool store_casefile_summaries(struct tx *tx, const long long *ids, int n,
                              struct store_stored_summaries *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char *arr = stmt_id_array(ids, n);
    if (!arr)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    const char *p[1] = {arr};
    PGresult *r = stmt_query(tx, &stored, p, err);
    free(arr);
    void *items;
    if (!stmt_rows(r, sizeof *out->items, stored_of, NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_stored_summaries_free(struct store_stored_summaries *s)
{
    free(s->items);
    PQclear(s->res_);
    memset(s, 0, sizeof *s);
}

/* ---- freeing ----------------------------------------------------------------------------- */

void store_casefile_rows_free(struct store_casefile_rows *h)
{
    free(h->items);
    PQclear(h->res_);
    memset(h, 0, sizeof *h);
}

void store_suspects_free(struct store_suspects *s)
{
    free(s->items);
    PQclear(s->res_);
    memset(s, 0, sizeof *s);
}

void store_charged_list_free(struct store_charged_list *c)
{
    free(c->items);
    PQclear(c->res_);
    memset(c, 0, sizeof *c);
}

void store_log_free(struct store_log *l)
{
    free(l->items);
    free(l->acts);
    PQclear(l->res_);
    memset(l, 0, sizeof *l);
}
