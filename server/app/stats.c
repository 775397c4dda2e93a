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
#include "render_swap.h"
#include "stats.h"

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
#include "render/render.h"
#include "store/stats.h"
#include "store/tx.h"

#define TOTAL "" /* the key of the reach's own figures */

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

/* The acts a report counts, in the order it shows them: the hand-over under the short procedure
 * (UU 6/2011 Pasal 110) on its own, not as Tahap II - no P-21, no berkas perkara (DOMAIN 4.14). */
static const char *const counted_acts[] = {"report_registered",
                                           "sprindik_issued",
                                           "tak_decided",
                                           "dismissed",
                                           "tahap1_sent",
                                           "p19_received",
                                           "resubmitted",
                                           "p21_received",
                                           "tahap2_done",
                                           "short_procedure_handover",
                                           "sp3_issued",
                                           "lapsed",
                                           NULL};

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

/* The office key of a row: its id, or TOTAL for the reach's own figures. */
static const char *office_key(const char *office)
{
    return office ? office : TOTAL;
}

/* Each "office, key: n" figure into its bucket's group. */
static void put_counts(json_t *by, const char *group, const struct store_stats_counts *c)
{
    for (int i = 0; i < c->n; i++)
        json_object_set_new(json_object_get(bucket(by, office_key(c->items[i].office)), group),
                            c->items[i].key, json_integer(c->items[i].n));
}

static bool stages_at_end(struct tx *tx, const struct store_stats_query *q, json_t *by,
                          struct berr *err)
{
    struct store_stats_counts c;
    if (!store_stats_stages(tx, q, &c, err))
        return false;
    put_counts(by, "stages", &c);
    store_stats_counts_free(&c);
    return true;
}

static bool acts_in_period(struct tx *tx, const struct store_stats_query *q, json_t *by,
                           struct berr *err)
{
    struct store_stats_counts c;
    if (!store_stats_acts(tx, q, &c, err))
        return false;
    put_counts(by, "acts", &c);
    /* the decisions and the P-19s are acts counted too */
    for (int i = 0; i < c.n; i++) {
        json_t *b = bucket(by, office_key(c.items[i].office));
        const char *t = c.items[i].key;
        json_t *n = json_integer(c.items[i].n), *d = json_object_get(b, "decisions");
        if (strcmp(t, "sprindik_issued") == 0)
            json_object_set(d, "pro_justitia", n);
        else if (strcmp(t, "tak_decided") == 0)
            json_object_set(d, "tak", n);
        else if (strcmp(t, "dismissed") == 0)
            json_object_set(d, "dismissed", n);
        else if (strcmp(t, "p19_received") == 0)
            json_object_set(json_object_get(b, "p19"), "returns", n);
        json_decref(n);
    }
    store_stats_counts_free(&c);
    return true;
}

static bool files_per_pasal(struct tx *tx, const struct store_stats_query *q, json_t *by,
                            struct berr *err)
{
    struct store_stats_counts c;
    if (!store_stats_pasal(tx, q, &c, err))
        return false;
    put_counts(by, "pasal", &c);
    store_stats_counts_free(&c);
    return true;
}

static json_t *real_or_null(bool has, double v)
{
    return has ? json_real(v) : json_null();
}

static void put_span(json_t *d, const struct store_stats_span *s)
{
    json_object_set_new(d, "files", json_integer(s->files));
    json_object_set_new(d, "avg", real_or_null(s->has_avg, s->avg));
    json_object_set_new(d, "median", real_or_null(s->has_median, s->median));
    json_object_set_new(d, "max", s->has_max ? json_integer(s->max) : json_null());
}

static bool durations(struct tx *tx, const struct store_stats_query *q, json_t *by,
                      struct berr *err)
{
    struct store_stats_durations rows;
    if (!store_stats_durations(tx, q, &rows, err))
        return false;
    for (int i = 0; i < rows.n; i++) {
        const struct store_stats_duration *x = &rows.items[i];
        json_t *b = bucket(by, office_key(x->office));
        json_t *p19 = json_object_get(b, "p19");
        json_object_set_new(p19, "files_complete", json_integer(x->files_complete));
        json_object_set_new(p19, "rounds_avg", json_real(x->has_rounds_avg ? x->rounds_avg : 0));
        json_object_set_new(p19, "rounds_max", json_integer(x->rounds_max));
        put_span(json_object_get(b, "sprindik_to_p21"), &x->sprindik_to_p21);
        put_span(json_object_get(b, "p21_to_tahap2"), &x->p21_to_tahap2);
        json_object_set_new(b, "detention_days", json_integer(x->detention_days));
    }
    store_stats_durations_free(&rows);
    return true;
}

static bool late_entries(struct tx *tx, const struct store_stats_query *q, json_t *by,
                         struct berr *err)
{
    struct store_stats_counts c;
    if (!store_stats_late(tx, q, &c, err))
        return false;
    for (int i = 0; i < c.n; i++)
        json_object_set_new(bucket(by, office_key(c.items[i].office)), "late_entries",
                            json_integer(c.items[i].n));
    store_stats_counts_free(&c);
    return true;
}

/* The offices of the reach with figures, in tree order, and the reach's name. */
static json_t *offices_of(struct tx *tx, const struct reach *reach, json_t *by, char *name,
                          size_t namesz, char *code, size_t codesz, struct berr *err)
{
    struct store_stats_offices rows;
    if (!store_stats_offices(tx, reach->office, &rows, err))
        return NULL;
    json_t *list = json_array();
    for (int i = 0; i < rows.n; i++) {
        const struct store_stats_office *o = &rows.items[i];
        if (o->is_root) {
            snprintf(name, namesz, "%s", o->name);
            snprintf(code, codesz, "%s", o->code);
        }
        json_t *b = json_object_get(by, o->id_text);
        if (!b)
            continue; /* no case there */
        json_t *row = json_pack("{s:{s:I, s:s, s:s}}", "office", "id", (json_int_t)o->id, "code",
                                o->code, "name", o->name);
        json_object_update(row, b);
        json_array_append_new(list, row);
    }
    store_stats_offices_free(&rows);
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
    char from[CALDATE_DATE_LEN], to[CALDATE_DATE_LEN], name[256] = "", code[64] = "";
    caldate_format(pd.from, from, sizeof from);
    caldate_format(pd.to, to, sizeof to);
    bool ok = reach_of(tx, who, rq->office, &reach, err);
    /* an office outside the caller's reach has no report for the caller:
     * not one of zeros under its name, nor the caller's own office's */
    if (ok && reach.empty)
        ok = berr_set(err, BERR_NOT_FOUND, "kantor %.40s di luar jangkauan Anda", rq->office);
    struct store_stats_query q = {.scope = ok ? reach.scope : STORE_SCOPE_OFFICE,
                                  .reach = ok && !reach.empty ? reach.office : 0,
                                  .from = from,
                                  .to = to};
    bucket(by, TOTAL);
    ok = ok && stages_at_end(tx, &q, by, err) && acts_in_period(tx, &q, by, err) &&
         files_per_pasal(tx, &q, by, err) && durations(tx, &q, by, err) &&
         late_entries(tx, &q, by, err);
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
        tx_last(&tx); /* the one read commits with it: no ROLLBACK of its own */
        if (!store_office_today(&tx, who->office_id, today, err))
            today[0] = '\0';
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
