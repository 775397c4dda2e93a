/*
 * cmd_case.c - berkas case new|list|show, berkas clocks, berkas history:
 * opening a case and reading cases.
 *
 * Only the shape of what is typed is checked here (ids are positive
 * numbers, dates look like YYYY-MM-DD); the server decides the rest and
 * its refusal is printed as it comes, in one line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_view.h"
#include "cli.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }
#define LIST_PAGES_MAX 10000 /* --all stops here rather than loop on a broken cursor */

/* Set obj.key to the string value when it is given; false when out of
 * memory or value is not UTF-8. */
static bool set_str(json_t *obj, const char *key, const char *value)
{
    if (!value)
        return true;
    json_t *v = json_string(value);
    return v && json_object_set_new(obj, key, v) == 0;
}

int cmd_case_new(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *source = NULL, *opened_on = NULL, *kejari = NULL, *summary = NULL, *note = NULL,
               *number = NULL, *report = NULL;
    const struct cli_opt opts[] = {
        {"source", &source, NULL, true, NULL},         {"opened-on", &opened_on, NULL, true, NULL},
        {"kejari", &kejari, NULL, false, NULL},        {"summary", &summary, NULL, false, NULL},
        {"source-note", &note, NULL, false, NULL},     {"number", &number, NULL, false, NULL},
        {"report-number", &report, NULL, false, NULL}, END_OPTS,
    };
    long long kejari_id = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON || (rc = cli_want_date(cmd, "--opened-on", opened_on)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON ||
        (kejari && (rc = cli_office(g, cmd, "--kejari", kejari, &kejari_id)) != GO_ON))
        return rc;
    json_t *body = json_object();
    bool ok = body && set_str(body, "source", source) && set_str(body, "opened_on", opened_on) &&
              set_str(body, "summary", summary) && set_str(body, "source_note", note) &&
              set_str(body, "number", number) && set_str(body, "report_number", report) &&
              (!kejari || json_object_set_new(body, "kejari_id", json_integer(kejari_id)) == 0);
    if (!ok) {
        json_decref(body);
        return cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    }
    json_t *c = cli_call(g, "POST", "/api/v1/cases", body, &rc);
    json_decref(body);
    if (!c)
        return rc;
    if (g->json) {
        out_json(c);
    } else {
        out_kv("perkara", "%lld", jint(c, "id"));
        out_kv("nomor", "%s", jstr(c, "number"));
        out_kv("tahap", "%s (%s)", jstr(c, "stage_label"), jstr(c, "stage"));
        out_kv("versi", "%lld", jint(c, "version"));
    }
    json_decref(c);
    return EXIT_OK;
}

struct list_args {
    const char *stage, *office, *clock, *article, *q, *limit, *cursor;
};

/* "/api/v1/cases?stage=...&cursor=N" into path; false when it is too long. */
static bool list_path(const struct list_args *a, long long cursor, char *path, size_t size)
{
    const struct {
        const char *key, *value;
    } params[] = {{"stage", a->stage},     {"office", a->office}, {"clock", a->clock},
                  {"article", a->article}, {"q", a->q},           {"limit", a->limit}};
    size_t len = (size_t)snprintf(path, size, "/api/v1/cases");
    char sep = '?', esc[1024];
    for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
        if (!params[i].value)
            continue;
        if (!api_escape(params[i].value, esc, sizeof esc))
            return false;
        int n = snprintf(path + len, size - len, "%c%s=%s", sep, params[i].key, esc);
        if (n < 0 || (size_t)n >= size - len)
            return false;
        len += (size_t)n;
        sep = '&';
    }
    if (cursor > 0) {
        int n = snprintf(path + len, size - len, "%ccursor=%lld", sep, cursor);
        if (n < 0 || (size_t)n >= size - len)
            return false;
    }
    return true;
}

/* One page, or every page (all) gathered into one; NULL with *rc. */
static json_t *fetch_cases(struct global *g, const struct command *cmd, const struct list_args *a,
                           long long cursor, bool all, int *rc)
{
    char path[4096];
    json_t *gathered = NULL;
    for (int page = 0; page < LIST_PAGES_MAX; page++) {
        if (!list_path(a, cursor, path, sizeof path)) {
            json_decref(gathered);
            *rc = cli_usage_error(cmd, "saringan terlalu panjang");
            return NULL;
        }
        json_t *p = cli_call(g, "GET", path, NULL, rc);
        if (!p || !all) {
            json_decref(gathered);
            return p;
        }
        json_t *next = json_object_get(p, "next_cursor");
        if (!gathered) {
            gathered = json_incref(p);
        } else {
            json_array_extend(json_object_get(gathered, "items"), json_object_get(p, "items"));
            json_object_set(gathered, "next_cursor", next);
        }
        cursor = json_is_integer(next) ? (long long)json_integer_value(next) : 0;
        json_decref(p);
        if (cursor <= 0)
            return gathered;
    }
    return gathered;
}

int cmd_case_list(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct list_args a = {0};
    bool all = false;
    const struct cli_opt opts[] = {
        {"stage", &a.stage, NULL, false, NULL},
        {"office", &a.office, NULL, false, NULL},
        {"clock", &a.clock, NULL, false, NULL},
        {"article", &a.article, NULL, false, NULL},
        {"q", &a.q, NULL, false, NULL},
        {"limit", &a.limit, NULL, false, NULL},
        {"cursor", &a.cursor, NULL, false, NULL},
        {"all", NULL, NULL, false, &all},
        END_OPTS,
    };
    long long cursor = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    long long office = 0;
    char office_id[24];
    if (rc != GO_ON || (rc = cli_want_id(cmd, "--limit", a.limit, NULL)) != GO_ON ||
        (rc = cli_want_id(cmd, "--cursor", a.cursor, &cursor)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON ||
        (a.office && (rc = cli_office(g, cmd, "--office", a.office, &office)) != GO_ON))
        return rc;
    if (a.office) { /* the API takes the id */
        snprintf(office_id, sizeof office_id, "%lld", office);
        a.office = office_id;
    }
    json_t *list = fetch_cases(g, cmd, &a, cursor, all, &rc);
    if (!list)
        return rc;
    if (g->json) {
        out_json(list);
    } else if (json_array_size(json_object_get(list, "items")) == 0) {
        printf("Tidak ada perkara.\n");
    } else {
        view_case_list(json_object_get(list, "items"));
        json_t *next = json_object_get(list, "next_cursor");
        if (json_is_integer(next))
            printf("(masih ada perkara: --all, atau --cursor %lld)\n",
                   (long long)json_integer_value(next));
    }
    json_decref(list);
    return EXIT_OK;
}

/* GET /api/v1/cases/ID after the common start with one CASE argument;
 * NULL with *rc. */
static json_t *case_get(struct global *g, const struct command *cmd, int argc, char **argv, int *rc)
{
    const char *case_arg = NULL;
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    long long id = 0;
    *rc = cli_parse(g, cmd, argc, argv, NULL, args);
    if (*rc != GO_ON || (*rc = cli_connect(g, true)) != GO_ON ||
        (*rc = cli_case(g, cmd, case_arg, &id)) != GO_ON)
        return NULL;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return cli_call(g, "GET", path, NULL, rc);
}

int cmd_case_show(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc;
    json_t *c = case_get(g, cmd, argc, argv, &rc);
    if (!c)
        return rc;
    if (g->json)
        out_json(c);
    else
        view_case(c);
    json_decref(c);
    return EXIT_OK;
}

int cmd_clocks(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc;
    json_t *c = case_get(g, cmd, argc, argv, &rc);
    if (!c)
        return rc;
    if (g->json) {
        json_t *out = json_pack(
            "{s:O, s:O, s:O, s:O, s:O}", "id", json_object_get(c, "id"), "number",
            json_object_get(c, "number"), "stage", json_object_get(c, "stage"), "worst_clock",
            json_object_get(c, "worst_clock"), "clocks", json_object_get(c, "clocks"));
        out_json(out ? out : c);
        json_decref(out);
    } else {
        view_clocks(json_object_get(c, "clocks"));
    }
    json_decref(c);
    return EXIT_OK;
}

int cmd_history(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc;
    json_t *c = case_get(g, cmd, argc, argv, &rc);
    if (!c)
        return rc;
    if (g->json) {
        json_t *out =
            json_pack("{s:O, s:O, s:O}", "id", json_object_get(c, "id"), "number",
                      json_object_get(c, "number"), "history", json_object_get(c, "history"));
        out_json(out ? out : c);
        json_decref(out);
    } else {
        view_history(json_object_get(c, "history"), jstr(json_object_get(c, "office"), "tz"));
    }
    json_decref(c);
    return EXIT_OK;
}

/* What berkas case correct changes. */
struct correction {
    const char *summary, *source, *note, *kejari;
    struct cli_list investigators;
};

/* The --investigator ids as a JSON array into *out (NULL when memory is
 * short: the body then says so).  GO_ON, or the usage error's exit code. */
static int investigator_ids(const struct command *cmd, const struct cli_list *l, json_t **out)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < l->n; i++) {
        long long uid = 0;
        int rc = cli_want_id(cmd, "--investigator", l->items[i], &uid);
        if (rc != GO_ON) {
            json_decref(list);
            return rc;
        }
        json_array_append_new(list, json_integer(uid));
    }
    *out = list;
    return GO_ON;
}

/* "If-Match: "<version>"" of the case at path, read now.  GO_ON, or the
 * call's exit code. */
static int case_if_match(struct global *g, const char *path, char *match, size_t size)
{
    int rc;
    json_t *c = cli_call(g, "GET", path, NULL, &rc);
    if (!c)
        return rc;
    snprintf(match, size, "If-Match: \"%lld\"", jint(c, "version"));
    json_decref(c);
    return GO_ON;
}

/* The correction's body: the fields given, the Kejari's id, the
 * investigators' ids.  NULL when memory is short or a text is not UTF-8. */
static json_t *correction_body(const struct correction *o, long long kejari_id, json_t *list)
{
    json_t *body = json_object();
    bool ok = body && set_str(body, "summary", o->summary) && set_str(body, "source", o->source) &&
              set_str(body, "source_note", o->note) &&
              (!o->kejari || json_object_set_new(body, "kejari_id", json_integer(kejari_id)) == 0);
    if (ok && o->investigators.n > 0)
        ok = json_object_set(body, "investigators", list) == 0;
    if (ok)
        return body;
    json_decref(body);
    return NULL;
}

/* berkas case correct: the case's particulars, sent with the version just
 * read as If-Match (issue 8: no dead ends). */
int cmd_case_correct(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL;
    struct correction o = {0};
    const struct cli_opt opts[] = {
        {"summary", &o.summary, NULL, false, NULL},
        {"source", &o.source, NULL, false, NULL},
        {"source-note", &o.note, NULL, false, NULL},
        {"kejari", &o.kejari, NULL, false, NULL},
        {"investigator", NULL, &o.investigators, false, NULL},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    long long id = 0, kejari_id = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON)
        return rc;
    if (!o.summary && !o.source && !o.note && !o.kejari && o.investigators.n == 0)
        return cli_usage_error(cmd, "tidak ada yang dikoreksi: beri --summary, --source, "
                                    "--source-note, --kejari atau --investigator");
    json_t *list = NULL;
    if ((rc = investigator_ids(cmd, &o.investigators, &list)) != GO_ON)
        return rc;
    /* the case by its number, the Kejari by its code (issue 10: names, not ids) */
    if ((rc = cli_connect(g, true)) != GO_ON || (rc = cli_case(g, cmd, case_arg, &id)) != GO_ON ||
        (o.kejari && (rc = cli_office(g, cmd, "--kejari", o.kejari, &kejari_id)) != GO_ON)) {
        json_decref(list);
        return rc;
    }
    char path[64], match[48];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    if ((rc = case_if_match(g, path, match, sizeof match)) != GO_ON) {
        json_decref(list);
        return rc;
    }
    json_t *body = correction_body(&o, kejari_id, list);
    json_decref(list);
    if (!body)
        return cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    const char *headers[] = {match, NULL};
    json_t *r = cli_call_with(g, "PUT", path, body, headers, &rc);
    json_decref(body);
    if (!r)
        return rc;
    if (g->json)
        out_json(r);
    else
        printf("Perkara %lld dikoreksi: versi %lld.\n", id, jint(r, "version"));
    json_decref(r);
    return EXIT_OK;
}
