/*
 * stats.c - the monthly and yearly report per office and subtree (issue 10,
 * item 5): files per stage at the period's end, the acts of the period
 * (opened, Sprindik, Tahap I, P-19, re-sent, P-21, Tahap II, SP3, TAK,
 * dismissed, lapsed), files per Pasal, pro justitia against TAK, P-19
 * rounds, days from Sprindik to P-21 and from P-21 to Tahap II, detention
 * days within the period, late entries - as JSON, CSV, and a PDF with
 * charts drawn by the render engine.
 *
 * Every figure is SQL over the case summaries (summary.h), their log and
 * charges, inside the caller's reach (reach.h); each query groups by office
 * with a grouping set for the whole reach.  A period is a calendar month or
 * year of legal dates, which are already the office's own calendar.
 */
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "core/buf.h"
#include "core/caldate.h"
#include "core/event.h"
#include "core/stage.h"
#include "heavyread.h"
#include "reach.h"
#include "sqlbuf.h"
#include "render/render.h"
#include "store/tx.h"
#include "workspace.h"

#define TOTAL "" /* the key of the reach's own figures */

static long long ll(PGresult *r, int row, int col)
{
    return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* ---- the period ---------------------------------------------------------------------- */

struct period {
    struct caldate from, to;
    char label[40];
    bool year;
};

static bool parse_period(const struct stats_request *rq, struct period *p, struct berr *err)
{
    *p = (struct period){0}; /* a month leaves year false, as compute reads it */
    if (!rq->month == !rq->year)
        return berr_field(err, BERR_BAD_INPUT, rq->month ? "year" : "month",
                          "sebutkan month=YYYY-MM atau year=YYYY, salah satu");
    char buf[CALDATE_DATE_LEN];
    if (rq->month) {
        if (strlen(rq->month) != 7)
            return berr_field(err, BERR_BAD_INPUT, "month", "month: YYYY-MM");
        snprintf(buf, sizeof buf, "%s-01", rq->month);
        if (!caldate_parse(buf, &p->from) || p->from.y < 2000 || p->from.y > 2100)
            return berr_field(err, BERR_BAD_INPUT, "month", "month: YYYY-MM");
        p->to = p->from;
        p->to.d = caldate_days_in_month(p->from.y, p->from.m);
        snprintf(p->label, sizeof p->label, "%s %d", caldate_month_name(p->from.m), p->from.y);
        return true;
    }
    if (strlen(rq->year) != 4)
        return berr_field(err, BERR_BAD_INPUT, "year", "year: YYYY");
    snprintf(buf, sizeof buf, "%s-01-01", rq->year);
    if (!caldate_parse(buf, &p->from) || p->from.y < 2000 || p->from.y > 2100)
        return berr_field(err, BERR_BAD_INPUT, "year", "year: YYYY");
    p->to = (struct caldate){p->from.y, 12, 31};
    p->year = true;
    snprintf(p->label, sizeof p->label, "Tahun %d", p->from.y);
    return true;
}

/* ---- the figures --------------------------------------------------------------------- */

/* The acts a report counts, in the order it shows them. */
static const char *const counted_acts[] = {"report_registered", "sprindik_issued", "tak_decided",
                                           "dismissed",         "tahap1_sent",     "p19_received",
                                           "resubmitted",       "p21_received",    "tahap2_done",
                                           "sp3_issued",        "lapsed",          NULL};

/* The figures of one office (or of the reach), every member present. */
static json_t *bucket(json_t *by, const char *office)
{
    json_t *b = json_object_get(by, office);
    if (b)
        return b;
    json_t *stages = json_object(), *acts = json_object();
    for (int s = 0; s < ST__COUNT; s++)
        json_object_set_new(stages, stage_code((enum stage)s), json_integer(0));
    for (size_t i = 0; counted_acts[i]; i++)
        json_object_set_new(acts, counted_acts[i], json_integer(0));
    b = json_pack("{s:o, s:o, s:{}, s:{s:i, s:i, s:i}, s:{s:i, s:i, s:f, s:i}, "
                  "s:{s:i, s:n, s:n, s:n}, s:{s:i, s:n, s:n, s:n}, s:i, s:i}",
                  "stages", stages, "acts", acts, "pasal", "decisions", "pro_justitia", 0, "tak", 0,
                  "dismissed", 0, "p19", "returns", 0, "files_complete", 0, "rounds_avg", 0.0,
                  "rounds_max", 0, "sprindik_to_p21", "files", 0, "avg", "median", "max",
                  "p21_to_tahap2", "files", 0, "avg", "median", "max", "detention_days", 0,
                  "late_entries", 0);
    json_object_set_new(by, office, b);
    return b;
}

/* The office key of a result row: its id, or TOTAL for the grouping set of the reach. */
static const char *office_key(PGresult *r, int row)
{
    return PQgetisnull(r, row, 0) ? TOTAL : PQgetvalue(r, row, 0);
}

static json_t *num_or_null(PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? json_null()
                                    : json_real(strtod(PQgetvalue(r, row, col), NULL));
}

struct query {
    struct tx *tx;
    const struct reach *reach;
    const char *params[3]; /* reach office, from, to */
};

/* Run a statement whose text names the reach's column as {col} (a fixed
 * column name, never input). */
static PGresult *run(struct query *q, const char *text, struct berr *err)
{
    char sql[4096];
    size_t len = 0;
    for (const char *p = text; *p && len + 1 < sizeof sql;) {
        if (strncmp(p, "{col}", 5) == 0) {
            len += (size_t)snprintf(sql + len, sizeof sql - len, "%s",
                                    store_scope_column(q->reach->scope));
            p += 5;
        } else {
            sql[len++] = *p++;
        }
    }
    sql[len < sizeof sql ? len : sizeof sql - 1] = '\0';
    return tx_query(q->tx, sql, 3, q->params, err);
}

static bool stages_at_end(struct query *q, json_t *by, struct berr *err)
{
    /* the stage after the last act dated within: the stage at the period's end */
    PGresult *r = run(q,
                      "SELECT s.office_id, st.stage, count(*) FROM app.case_summaries s "
                      "CROSS JOIN LATERAL (SELECT e.stage_after AS stage FROM app.events e WHERE "
                      "e.case_id = s.case_id AND e.legal_date <= $3::date ORDER BY e.seq DESC "
                      "LIMIT 1) st WHERE s.{col} = $1::bigint AND $2::date IS NOT NULL "
                      "GROUP BY GROUPING SETS ((s.office_id, st.stage), (st.stage))",
                      err);
    for (int i = 0; r && i < PQntuples(r); i++)
        json_object_set_new(json_object_get(bucket(by, office_key(r, i)), "stages"),
                            PQgetvalue(r, i, 1), json_integer(ll(r, i, 2)));
    PQclear(r);
    return r != NULL;
}

static bool acts_in_period(struct query *q, json_t *by, struct berr *err)
{
    /* an act withdrawn by a correction did not happen; deemed complete counts as
     * P-21 (KUHAP 110(4)), the short procedure's hand-over as Tahap II */
    PGresult *r = run(
        q,
        "SELECT s.office_id, CASE e.type WHEN 'deemed_complete_confirmed' THEN 'p21_received' "
        "WHEN 'short_procedure_handover' THEN 'tahap2_done' ELSE e.type END AS t, count(*) "
        "FROM app.events e JOIN app.case_summaries s ON s.case_id = e.case_id "
        "WHERE s.{col} = $1::bigint AND e.legal_date BETWEEN $2::date AND $3::date AND e.type IN "
        "('report_registered', 'sprindik_issued', 'tak_decided', 'dismissed', 'tahap1_sent', "
        "'p19_received', 'resubmitted', 'p21_received', 'deemed_complete_confirmed', "
        "'tahap2_done', 'short_procedure_handover', 'sp3_issued', 'lapsed') AND NOT EXISTS "
        "(SELECT 1 FROM app.events w WHERE w.case_id = e.case_id AND w.type = 'corrected' AND "
        "w.corrects = e.id AND w.payload->>'withdraws' = 'true') "
        "GROUP BY GROUPING SETS ((s.office_id, t), (t))",
        err);
    for (int i = 0; r && i < PQntuples(r); i++) {
        json_t *b = bucket(by, office_key(r, i));
        const char *t = PQgetvalue(r, i, 1);
        long long n = ll(r, i, 2);
        json_object_set_new(json_object_get(b, "acts"), t, json_integer(n));
        json_t *d = json_object_get(b, "decisions");
        if (strcmp(t, "sprindik_issued") == 0)
            json_object_set_new(d, "pro_justitia", json_integer(n));
        else if (strcmp(t, "tak_decided") == 0)
            json_object_set_new(d, "tak", json_integer(n));
        else if (strcmp(t, "dismissed") == 0)
            json_object_set_new(d, "dismissed", json_integer(n));
        else if (strcmp(t, "p19_received") == 0)
            json_object_set_new(json_object_get(b, "p19"), "returns", json_integer(n));
    }
    PQclear(r);
    return r != NULL;
}

static bool files_per_pasal(struct query *q, json_t *by, struct berr *err)
{
    /* the files alive in the period: opened by its end, an act since its start */
    PGresult *r = run(q,
                      "SELECT s.office_id, oc.article::text, count(DISTINCT s.case_id) FROM "
                      "app.case_summaries s JOIN app.cases c ON c.id = s.case_id JOIN "
                      "app.case_offences co ON co.case_id = s.case_id JOIN app.offence_catalogue "
                      "oc ON oc.id = co.offence_id WHERE s.{col} = $1::bigint AND c.opened_on <= "
                      "$3::date AND s.last_act_on >= $2::date "
                      "GROUP BY GROUPING SETS ((s.office_id, oc.article), (oc.article))",
                      err);
    for (int i = 0; r && i < PQntuples(r); i++)
        json_object_set_new(json_object_get(bucket(by, office_key(r, i)), "pasal"),
                            PQgetvalue(r, i, 1), json_integer(ll(r, i, 2)));
    PQclear(r);
    return r != NULL;
}

#define IN_PERIOD(d) "(" d " BETWEEN $2::date AND $3::date)"

static bool durations(struct query *q, json_t *by, struct berr *err)
{
    PGresult *r = run(
        q,
        "SELECT s.office_id, "
        "count(*) FILTER (WHERE " IN_PERIOD(
            "d.p21") "), "
                     "round(avg(s.p19_rounds) FILTER (WHERE " IN_PERIOD(
                         "d.p21") "), 2), "
                                  "max(s.p19_rounds) FILTER (WHERE " IN_PERIOD(
                                      "d.p21") "), "
                                               "count(*) FILTER (WHERE " IN_PERIOD(
                                                   "d.p21") " AND d.sp <= d.p21), "
                                                            "round(avg(d.p21 - d.sp) FILTER "
                                                            "(WHERE " IN_PERIOD(
                                                                "d.p21") " AND d.sp <= d.p21), 1), "
                                                                         "percentile_cont(0.5) "
                                                                         "WITHIN GROUP (ORDER BY "
                                                                         "d.p21 - d.sp) FILTER "
                                                                         "(WHERE " IN_PERIOD(
                                                                             "d.p21") " AND d.sp "
                                                                                      "<= d.p21), "
                                                                                      "max(d.p21 - "
                                                                                      "d.sp) "
                                                                                      "FILTER "
                                                                                      "(WHERE"
                                                                                      " " IN_PERIOD(
                                                                                          "d.p21") " AND d.sp <= d.p21), "
                                                                                                   "count(*) FILTER (WHERE " IN_PERIOD(
                                                                                                       "d.t2") " AND d.p21 <= d.t2), "
                                                                                                               "round(avg(d.t2 - d.p21) FILTER (WHERE " IN_PERIOD(
                                                                                                                   "d.t2") " AND d.p21 <= d.t2), 1), "
                                                                                                                           "percentile_cont(0.5) WITHIN GROUP (ORDER BY d.t2 - d.p21) FILTER (WHERE " IN_PERIOD(
                                                                                                                               "d.t2") " AND d.p21 <= d.t2), "
                                                                                                                                       "max(d.t2 - d.p21) FILTER (WHERE " IN_PERIOD(
                                                                                                                                           "d.t2") " AND d.p21 <= d.t2), "
                                                                                                                                                   "coalesce(sum(dd.days), 0) "
                                                                                                                                                   "FROM app.case_summaries s "
                                                                                                                                                   "CROSS JOIN LATERAL (SELECT (s.stats->>'p21_on')::date AS p21, "
                                                                                                                                                   "(s.stats->>'sprindik_on')::date AS sp, (s.stats->>'tahap2_on')::date AS t2) d "
                                                                                                                                                   /* person-days in detention within the period, day 1 counted (KUHAP 24) */
                                                                                                                                                   "JOIN app.offices so ON so.id = s.office_id "
                                                                                                                                                   "CROSS JOIN LATERAL (SELECT coalesce(sum(greatest(0, least(coalesce((x->>'to')::date, "
                                                                                                                                                   "(now() AT TIME ZONE so.tz)::date), $3::date) - greatest((x->>'from')::date, $2::date) "
                                                                                                                                                   "+ 1)), 0) AS days FROM jsonb_array_elements(coalesce(s.stats->'detentions', '[]')) x) "
                                                                                                                                                   "dd "
                                                                                                                                                   "WHERE s.{col} = $1::bigint GROUP BY GROUPING SETS ((s.office_id), ())",
        err);
    for (int i = 0; r && i < PQntuples(r); i++) {
        json_t *b = bucket(by, office_key(r, i));
        json_t *p19 = json_object_get(b, "p19");
        json_object_set_new(p19, "files_complete", json_integer(ll(r, i, 1)));
        json_object_set_new(p19, "rounds_avg",
                            PQgetisnull(r, i, 2) ? json_real(0) : num_or_null(r, i, 2));
        json_object_set_new(p19, "rounds_max", json_integer(ll(r, i, 3)));
        static const char *const spans[2] = {"sprindik_to_p21", "p21_to_tahap2"};
        for (int k = 0; k < 2; k++) {
            json_t *d = json_object_get(b, spans[k]);
            int c = 4 + 4 * k;
            json_object_set_new(d, "files", json_integer(ll(r, i, c)));
            json_object_set_new(d, "avg", num_or_null(r, i, c + 1));
            json_object_set_new(d, "median", num_or_null(r, i, c + 2));
            json_object_set_new(
                d, "max", PQgetisnull(r, i, c + 3) ? json_null() : json_integer(ll(r, i, c + 3)));
        }
        json_object_set_new(b, "detention_days", json_integer(ll(r, i, 12)));
    }
    PQclear(r);
    return r != NULL;
}

static bool late_entries(struct query *q, json_t *by, struct berr *err)
{
    PGresult *r = run(q,
                      "SELECT s.office_id, count(*) FROM app.events e JOIN app.case_summaries s "
                      "ON s.case_id = e.case_id WHERE s.{col} = $1::bigint AND e.late AND "
                      "e.legal_date BETWEEN $2::date AND $3::date "
                      "GROUP BY GROUPING SETS ((s.office_id), ())",
                      err);
    for (int i = 0; r && i < PQntuples(r); i++)
        json_object_set_new(bucket(by, office_key(r, i)), "late_entries",
                            json_integer(ll(r, i, 1)));
    PQclear(r);
    return r != NULL;
}

/* The offices of the reach with figures, in tree order, and the reach's name. */
static json_t *offices_of(struct tx *tx, const struct reach *reach, json_t *by, char *name,
                          size_t namesz, char *code, size_t codesz, struct berr *err)
{
    char id[24];
    snprintf(id, sizeof id, "%lld", reach->office);
    const char *p[1] = {id};
    PGresult *r =
        tx_query(tx,
                 "SELECT o.id, o.code, o.name, o.id = $1::bigint, o.code FROM app.offices o "
                 "WHERE o.id = $1::bigint OR $1::bigint = ANY (o.ancestors) "
                 "ORDER BY o.ancestors",
                 1, p, err);
    if (!r)
        return NULL;
    json_t *list = json_array();
    for (int i = 0; i < PQntuples(r); i++) {
        if (PQgetvalue(r, i, 3)[0] == 't') {
            snprintf(name, namesz, "%s", PQgetvalue(r, i, 2));
            snprintf(code, codesz, "%s", PQgetvalue(r, i, 4));
        }
        json_t *b = json_object_get(by, PQgetvalue(r, i, 0));
        if (!b)
            continue; /* no case there */
        json_t *row = json_pack("{s:{s:I, s:s, s:s}}", "office", "id", (json_int_t)ll(r, i, 0),
                                "code", PQgetvalue(r, i, 1), "name", PQgetvalue(r, i, 2));
        json_object_update(row, b);
        json_array_append_new(list, row);
    }
    PQclear(r);
    return list;
}

struct stats_args {
    const struct stats_request *rq;
    struct period pd;
};

/* The figures, inside tx (heavy_read: on the replica or the primary). */
static json_t *compute_in(struct tx *tx, const struct actor *who, const void *arg,
                          struct audit_rec *au, struct berr *err)
{
    const struct stats_request *rq = ((const struct stats_args *)arg)->rq;
    struct period pd = ((const struct stats_args *)arg)->pd;
    json_t *out = NULL, *by = json_object();
    struct reach reach;
    char from[CALDATE_DATE_LEN], to[CALDATE_DATE_LEN], office[24], name[256] = "", code[64] = "";
    caldate_format(pd.from, from, sizeof from);
    caldate_format(pd.to, to, sizeof to);
    bool ok = reach_of(tx, who, rq->office, &reach, err);
    snprintf(office, sizeof office, "%lld", ok && !reach.empty ? reach.office : 0LL);
    struct query q = {tx, &reach, {office, from, to}};
    bucket(by, TOTAL);
    ok = ok && stages_at_end(&q, by, err) && acts_in_period(&q, by, err) &&
         files_per_pasal(&q, by, err) && durations(&q, by, err) && late_entries(&q, by, err);
    json_t *offices =
        ok ? offices_of(tx, &reach, by, name, sizeof name, code, sizeof code, err) : NULL;
    if (offices) {
        out = json_pack("{s:{s:s, s:s, s:s, s:s}, s:{s:I, s:s, s:s}, s:o, s:O}", "period", "kind",
                        pd.year ? "year" : "month", "label", pd.label, "from", from, "to", to,
                        "reach", "id", (json_int_t)reach.office, "code", code, "name", name,
                        "offices", offices, "total", json_object_get(by, TOTAL));
        snprintf(au->detail, sizeof au->detail, "{\"from\":\"%s\",\"to\":\"%s\"}", from, to);
    }
    json_decref(by);
    return out;
}

static json_t *compute(struct app *app, const struct actor *who, const struct stats_request *rq,
                       struct audit_rec *au, struct berr *err)
{
    au->action = "stats.read";
    struct stats_args a = {.rq = rq};
    if (!parse_period(rq, &a.pd, err))
        return NULL;
    return heavy_read(app, who, compute_in, &a, au, err);
}

json_t *app_stats(struct app *app, const struct actor *who, const struct stats_request *rq,
                  struct audit_rec *au, struct berr *err)
{
    return compute(app, who, rq, au, err);
}

/* ---- CSV ---------------------------------------------------------------------------------- */

/* Every figure of b as "office,part,key,value" lines. */
static void csv_figures(struct buf *t, const char *office, json_t *b)
{
    static const char *const parts[] = {
        "stages", "acts", "pasal", "decisions", "p19", "sprindik_to_p21", "p21_to_tahap2"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        const char *key;
        json_t *v;
        json_object_foreach(json_object_get(b, parts[i]), key, v)
        {
            if (json_is_integer(v))
                buf_printf(t, "%s,%s,%s,%lld\r\n", office, parts[i], key,
                           (long long)json_integer_value(v));
            else if (json_is_real(v))
                buf_printf(t, "%s,%s,%s,%.2f\r\n", office, parts[i], key, json_real_value(v));
            else
                buf_printf(t, "%s,%s,%s,\r\n", office, parts[i], key);
        }
    }
    buf_printf(t, "%s,detention,days,%lld\r\n", office,
               (long long)json_integer_value(json_object_get(b, "detention_days")));
    buf_printf(t, "%s,late_entries,count,%lld\r\n", office,
               (long long)json_integer_value(json_object_get(b, "late_entries")));
}

char *app_stats_csv(json_t *stats)
{
    struct buf t = {0}; /* a failed line fails the take: the CSV is whole or NULL */
    buf_printf(&t, "kantor,bagian,kunci,nilai\r\n");
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(stats, "offices"), i, o) csv_figures(
        &t, json_string_value(json_object_get(json_object_get(o, "office"), "code")), o);
    csv_figures(&t, "JUMLAH", json_object_get(stats, "total"));
    return buf_take(&t, NULL);
}

/* ---- PDF ------------------------------------------------------------------------------------ */

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
    return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

static void attr_str(xmlNodePtr n, const char *name, const char *value)
{
    xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)(value ? value : ""));
}

static void attr_num(xmlNodePtr n, const char *name, json_t *v)
{
    char buf[48] = "";
    if (json_is_integer(v))
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, sizeof buf, "%.1f", json_real_value(v));
    attr_str(n, name, buf);
}

/* One group of figures (name=value pairs) with its largest value, for bars. */
static void xml_group(xmlNodePtr parent, const char *name, json_t *obj,
                      const char *(*label)(const char *key))
{
    xmlNodePtr g = child(parent, name);
    long long max = 0;
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        if (json_integer_value(v) > max)
            max = json_integer_value(v);
    }
    char m[24];
    snprintf(m, sizeof m, "%lld", max);
    attr_str(g, "maks", m);
    json_object_foreach(obj, key, v)
    {
        xmlNodePtr n = child(g, "nilai");
        attr_str(n, "kunci", key);
        attr_str(n, "label", label ? label(key) : key);
        attr_num(n, "n", v);
    }
}

static const char *stage_word(const char *code)
{
    enum stage s;
    return stage_lookup(code, &s) ? stage_label(s) : code;
}

static const char *act_word(const char *code)
{
    enum event e;
    return event_lookup(code, &e) ? event_label(e) : code;
}

static void xml_figures(xmlNodePtr n, json_t *b)
{
    xml_group(n, "tahap", json_object_get(b, "stages"), stage_word);
    xml_group(n, "tindakan", json_object_get(b, "acts"), act_word);
    xml_group(n, "pasal", json_object_get(b, "pasal"), NULL);
    json_t *d = json_object_get(b, "decisions");
    json_t *dec =
        json_pack("{s:O, s:O, s:O}", "Pro justitia (Sprindik)", json_object_get(d, "pro_justitia"),
                  "Tindakan administratif (TAK)", json_object_get(d, "tak"), "Tidak dilanjutkan",
                  json_object_get(d, "dismissed"));
    xml_group(n, "keputusan", dec, NULL);
    json_decref(dec);
    json_t *p19 = json_object_get(b, "p19");
    xmlNodePtr p = child(n, "p19");
    attr_num(p, "kembali", json_object_get(p19, "returns"));
    attr_num(p, "lengkap", json_object_get(p19, "files_complete"));
    attr_num(p, "rata", json_object_get(p19, "rounds_avg"));
    attr_num(p, "maks", json_object_get(p19, "rounds_max"));
    static const char *const spans[][2] = {{"sprindik_to_p21", "Sprindik sampai P-21"},
                                           {"p21_to_tahap2", "P-21 sampai Tahap II"}};
    for (size_t i = 0; i < 2; i++) {
        json_t *s = json_object_get(b, spans[i][0]);
        xmlNodePtr x = child(n, "durasi");
        attr_str(x, "label", spans[i][1]);
        attr_num(x, "berkas", json_object_get(s, "files"));
        attr_num(x, "rata", json_object_get(s, "avg"));
        attr_num(x, "median", json_object_get(s, "median"));
        attr_num(x, "maks", json_object_get(s, "max"));
    }
    attr_num(n, "hari-tahanan", json_object_get(b, "detention_days"));
    attr_num(n, "terlambat", json_object_get(b, "late_entries"));
}

/* The report as the XML document its template binds to. */
static char *stats_xml(json_t *stats, int *len)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"statistik");
    xmlNsPtr ns = xmlNewNs(root, (const xmlChar *)"urn:berkas:case:1", NULL);
    xmlSetNs(root, ns);
    xmlDocSetRootElement(doc, root);
    json_t *period = json_object_get(stats, "period");
    attr_str(root, "periode", json_string_value(json_object_get(period, "label")));
    attr_str(root, "dari", json_string_value(json_object_get(period, "from")));
    attr_str(root, "sampai", json_string_value(json_object_get(period, "to")));
    attr_str(root, "wilayah",
             json_string_value(json_object_get(json_object_get(stats, "reach"), "name")));
    xml_figures(child(root, "jumlah"), json_object_get(stats, "total"));
    long long late_max = 0;
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(stats, "offices"), i, o)
    {
        long long l = json_integer_value(json_object_get(o, "late_entries"));
        late_max = l > late_max ? l : late_max;
    }
    char m[24];
    snprintf(m, sizeof m, "%lld", late_max);
    attr_str(root, "maks-terlambat", m);
    json_array_foreach(json_object_get(stats, "offices"), i, o)
    {
        xmlNodePtr k = child(root, "kantor");
        json_t *office = json_object_get(o, "office");
        attr_str(k, "kode", json_string_value(json_object_get(office, "code")));
        attr_str(k, "nama", json_string_value(json_object_get(office, "name")));
        xml_figures(k, o);
    }
    xmlChar *buf = NULL;
    xmlDocDumpMemoryEnc(doc, &buf, len, "UTF-8");
    xmlFreeDoc(doc);
    char *copy = buf ? malloc((size_t)*len + 1) : NULL;
    if (copy) {
        memcpy(copy, buf, (size_t)*len);
        copy[*len] = '\0';
    }
    xmlFree(buf);
    return copy;
}

bool app_stats_pdf(struct app *app, const struct actor *who, const struct stats_request *rq,
                   unsigned char **pdf, size_t *len, struct audit_rec *au, struct berr *err)
{
    json_t *stats = compute(app, who, rq, au, err);
    if (!stats)
        return false;
    au->action = "stats.pdf";
    int xlen = 0;
    char *xml = stats_xml(stats, &xlen);
    /* a report, not a letter: numbered by what it covers, never from a register */
    char number[160];
    json_t *period = json_object_get(stats, "period");
    snprintf(number, sizeof number, "LAP.STAT/%s/%.7s%s",
             json_string_value(json_object_get(json_object_get(stats, "reach"), "code")),
             json_string_value(json_object_get(period, "from")),
             strcmp(json_string_value(json_object_get(period, "kind")), "year") == 0 ? "/TAHUN"
                                                                                     : "");
    json_decref(stats);
    if (!xml)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    /* the report is dated the day it is made, in the caller's office's calendar (WIB
     * when unknown: a report is not a legal act) */
    struct tx tx;
    char today[CALDATE_DATE_LEN] = "";
    if (tx_begin(&tx, app->db, who->user_id, err)) {
        char office[24];
        snprintf(office, sizeof office, "%lld", who->office_id);
        const char *p[1] = {office};
        PGresult *r = tx_query(&tx,
                               "SELECT to_char(now() AT TIME ZONE o.tz, 'YYYY-MM-DD') FROM "
                               "app.offices o WHERE o.id = $1::bigint",
                               1, p, err);
        if (r && PQntuples(r) == 1)
            snprintf(today, sizeof today, "%s", PQgetvalue(r, 0, 0));
        PQclear(r);
        tx_end(&tx);
    }
    if (!today[0]) {
        free(xml);
        return err->kind != BERR_NONE ? false : berr_set(err, BERR_INTERNAL, "no date");
    }
    struct render_opts opts = {.date = today, .issued = true, .number = number, .place = ""};
    int pages = 0;
    bool ok = render_form(app_render(app), "laporan_statistik", xml, (size_t)xlen, &opts, pdf, len,
                          &pages, err);
    free(xml);
    return ok;
}
