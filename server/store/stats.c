/* stats.c (store) - see stats.h. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"
#include "tx.h"

/* Run the statement `what` whose text names the reach's column as {col}
 * (a fixed column name, never input), prepared once per reach's column as
 * "stats.<what>.<column>". */
static PGresult *run(struct tx *tx, const char *what, const char *text,
                     const struct store_stats_query *q, struct berr *err)
{
    char sql[4096], name[64], reach[24];
    size_t len = 0;
    for (const char *p = text; *p && len + 1 < sizeof sql;) {
        if (strncmp(p, "{col}", 5) == 0) {
            int n = snprintf(sql + len, sizeof sql - len, "%s", store_scope_column(q->scope));
            len = n > 0 && len + (size_t)n < sizeof sql ? len + (size_t)n : sizeof sql - 1;
            p += 5;
        } else {
            sql[len++] = *p++;
        }
    }
    sql[len < sizeof sql ? len : sizeof sql - 1] = '\0';
    snprintf(name, sizeof name, "stats.%s.%s", what, store_scope_mark(q->scope));
    const char *p[3] = {stmt_id(reach, q->reach), q->from, q->to};
    return tx_query_named(tx, name, sql, 3, p, err);
}

/* Rows of (office, key, n), or (office, n) when key_col < 0. */
static void count_of(const PGresult *r, int i, void *item, void *ctx)
{
    int key_col = *(const int *)ctx;
    struct store_stats_count *c = item;
    c->office = PQgetisnull(r, i, 0) ? NULL : PQgetvalue(r, i, 0);
    c->key = key_col >= 0 ? PQgetvalue(r, i, key_col) : NULL;
    c->n = stmt_ll(r, i, key_col >= 0 ? 2 : 1);
}

static bool counts_of(PGresult *r, int key_col, struct store_stats_counts *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    void *items;
    if (!stmt_rows(r, sizeof *out->items, count_of, &key_col, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_stats_counts_free(struct store_stats_counts *c)
{
    free(c->items);
    PQclear(c->res_);
    memset(c, 0, sizeof *c);
}

bool store_stats_stages(struct tx *tx, const struct store_stats_query *q,
                        struct store_stats_counts *out, struct berr *err)
{
    /* the stage after the last act dated within: the stage at the period's end */
    PGresult *r = run(tx, "stages",
                      "SELECT s.office_id, st.stage, count(*) FROM app.case_summaries s "
                      "CROSS JOIN LATERAL (SELECT e.stage_after AS stage FROM app.events e WHERE "
                      "e.case_id = s.case_id AND e.legal_date <= $3::date ORDER BY e.seq DESC "
                      "LIMIT 1) st WHERE s.{col} = $1::bigint AND $2::date IS NOT NULL "
                      "GROUP BY GROUPING SETS ((s.office_id, st.stage), (st.stage))",
                      q, err);
    return counts_of(r, 1, out, err);
}

bool store_stats_acts(struct tx *tx, const struct store_stats_query *q,
                      struct store_stats_counts *out, struct berr *err)
{
    PGresult *r = run(
        tx, "acts",
        "SELECT s.office_id, CASE e.type WHEN 'deemed_complete_confirmed' THEN 'p21_received' "
        "ELSE e.type END AS t, count(*) "
        "FROM app.events e JOIN app.case_summaries s ON s.case_id = e.case_id "
        "WHERE s.{col} = $1::bigint AND e.legal_date BETWEEN $2::date AND $3::date AND e.type IN "
        "('report_registered', 'sprindik_issued', 'tak_decided', 'dismissed', 'tahap1_sent', "
        "'p19_received', 'resubmitted', 'p21_received', 'deemed_complete_confirmed', "
        "'tahap2_done', 'short_procedure_handover', 'sp3_issued', 'lapsed') AND NOT EXISTS "
        "(SELECT 1 FROM app.events w WHERE w.case_id = e.case_id AND w.type = 'corrected' AND "
        "w.corrects = e.id AND w.payload->>'withdraws' = 'true') "
        "GROUP BY GROUPING SETS ((s.office_id, t), (t))",
        q, err);
    return counts_of(r, 1, out, err);
}

bool store_stats_pasal(struct tx *tx, const struct store_stats_query *q,
                       struct store_stats_counts *out, struct berr *err)
{
    PGresult *r = run(tx, "pasal",
                      "SELECT s.office_id, oc.article::text, count(DISTINCT s.case_id) FROM "
                      "app.case_summaries s JOIN app.cases c ON c.id = s.case_id JOIN "
                      "app.case_offences co ON co.case_id = s.case_id JOIN app.offence_catalogue "
                      "oc ON oc.id = co.offence_id WHERE s.{col} = $1::bigint AND c.opened_on <= "
                      "$3::date AND s.last_act_on >= $2::date "
                      "GROUP BY GROUPING SETS ((s.office_id, oc.article), (oc.article))",
                      q, err);
    return counts_of(r, 1, out, err);
}

bool store_stats_late(struct tx *tx, const struct store_stats_query *q,
                      struct store_stats_counts *out, struct berr *err)
{
    PGresult *r = run(tx, "late",
                      "SELECT s.office_id, count(*) FROM app.events e JOIN app.case_summaries s "
                      "ON s.case_id = e.case_id WHERE s.{col} = $1::bigint AND e.late AND "
                      "e.legal_date BETWEEN $2::date AND $3::date "
                      "GROUP BY GROUPING SETS ((s.office_id), ())",
                      q, err);
    return counts_of(r, -1, out, err);
}

/* ---- durations ------------------------------------------------------------------------- */

/* P-21, Tahap II within the period; and after the act that starts the span */
#define P21_IN   "(d.p21 BETWEEN $2::date AND $3::date)"
#define T2_IN    "(d.t2 BETWEEN $2::date AND $3::date)"
#define P21_DONE "(WHERE " P21_IN " AND d.sp <= d.p21)"
#define T2_DONE  "(WHERE " T2_IN " AND d.p21 <= d.t2)"

static const char durations_sql[] =
    "SELECT s.office_id, "
    "count(*) FILTER (WHERE " P21_IN "), "
    "round(avg(s.p19_rounds) FILTER (WHERE " P21_IN "), 2), "
    "max(s.p19_rounds) FILTER (WHERE " P21_IN "), "
    "count(*) FILTER " P21_DONE ", "
    "round(avg(d.p21 - d.sp) FILTER " P21_DONE ", 1), "
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY d.p21 - d.sp) FILTER " P21_DONE ", "
    "max(d.p21 - d.sp) FILTER " P21_DONE ", "
    "count(*) FILTER " T2_DONE ", "
    "round(avg(d.t2 - d.p21) FILTER " T2_DONE ", 1), "
    "percentile_cont(0.5) WITHIN GROUP (ORDER BY d.t2 - d.p21) FILTER " T2_DONE ", "
    "max(d.t2 - d.p21) FILTER " T2_DONE ", "
    "coalesce(sum(dd.days), 0) "
    "FROM app.case_summaries s "
    "CROSS JOIN LATERAL (SELECT (s.stats->>'p21_on')::date AS p21, "
    "(s.stats->>'sprindik_on')::date AS sp, (s.stats->>'tahap2_on')::date AS t2) d "
    /* person-days in detention within the period, day 1 counted (KUHAP 24) */
    "JOIN app.offices so ON so.id = s.office_id "
    "CROSS JOIN LATERAL (SELECT coalesce(sum(greatest(0, least(coalesce((x->>'to')::date, "
    "(now() AT TIME ZONE so.tz)::date), $3::date) - greatest((x->>'from')::date, $2::date) "
    "+ 1)), 0) AS days FROM jsonb_array_elements(coalesce(s.stats->'detentions', '[]')) x) dd "
    "WHERE s.{col} = $1::bigint GROUP BY GROUPING SETS ((s.office_id), ())";

static void span_of(const PGresult *r, int i, int c, struct store_stats_span *s)
{
    s->files = stmt_ll(r, i, c);
    s->has_avg = !PQgetisnull(r, i, c + 1);
    s->avg = strtod(PQgetvalue(r, i, c + 1), NULL);
    s->has_median = !PQgetisnull(r, i, c + 2);
    s->median = strtod(PQgetvalue(r, i, c + 2), NULL);
    s->has_max = !PQgetisnull(r, i, c + 3);
    s->max = stmt_ll(r, i, c + 3);
}

static void duration_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stats_duration *d = item;
    d->office = PQgetisnull(r, i, 0) ? NULL : PQgetvalue(r, i, 0);
    d->files_complete = stmt_ll(r, i, 1);
    d->has_rounds_avg = !PQgetisnull(r, i, 2);
    d->rounds_avg = strtod(PQgetvalue(r, i, 2), NULL);
    d->rounds_max = stmt_ll(r, i, 3);
    span_of(r, i, 4, &d->sprindik_to_p21);
    span_of(r, i, 8, &d->p21_to_tahap2);
    d->detention_days = stmt_ll(r, i, 12);
}

bool store_stats_durations(struct tx *tx, const struct store_stats_query *q,
                           struct store_stats_durations *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    void *items;
    if (!stmt_rows(run(tx, "durations", durations_sql, q, err), sizeof *out->items, duration_of,
                   NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_stats_durations_free(struct store_stats_durations *d)
{
    free(d->items);
    PQclear(d->res_);
    memset(d, 0, sizeof *d);
}

/* ---- the offices and the day ---------------------------------------------------------- */

static const struct stmt subtree = {
    "stats.offices", 1,
    "SELECT o.id, o.code, o.name, o.id = $1::bigint FROM app.offices o "
    "WHERE o.id = $1::bigint OR $1::bigint = ANY (o.ancestors) ORDER BY o.ancestors"};

static void stats_office_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_stats_office *x = item;
    x->id = stmt_ll(r, i, 0);
    x->id_text = PQgetvalue(r, i, 0);
    x->code = PQgetvalue(r, i, 1);
    x->name = PQgetvalue(r, i, 2);
    x->is_root = stmt_bool(r, i, 3);
}

bool store_stats_offices(struct tx *tx, long long office, struct store_stats_offices *out,
                         struct berr *err)
{
    memset(out, 0, sizeof *out);
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    void *items;
    if (!stmt_rows(stmt_query(tx, &subtree, p, err), sizeof *out->items, stats_office_of, NULL,
                   &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_stats_offices_free(struct store_stats_offices *o)
{
    free(o->items);
    PQclear(o->res_);
    memset(o, 0, sizeof *o);
}

static const struct stmt today_of = {
    "stats.office_today", 1,
    "SELECT to_char(now() AT TIME ZONE o.tz, 'YYYY-MM-DD') FROM app.offices o "
    "WHERE o.id = $1::bigint"};

bool store_office_today(struct tx *tx, long long office, char today[11], struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    PGresult *r = stmt_query(tx, &today_of, p, err);
    if (!r)
        return false;
    today[0] = '\0';
    if (PQntuples(r) == 1)
        stmt_copy(today, 11, r, 0, 0);
    PQclear(r);
    return true;
}
