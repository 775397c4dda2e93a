/*
 * cmd_directions.c - berkas directions, direction give|done, reassign: a
 * supervisor's directions with their due dates, and moving files to other
 * investigators.
 *
 * A direction is recorded as an act of the case (direction_given, then
 * direction_done) through the same path as berkas record; a reassignment is
 * one request for many files, which the server applies to all or none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }
#define PAGES_MAX 1000

static const char *direction_mark(const char *state)
{
    if (strcmp(state, "overdue") == 0)
        return "!! LEWAT";
    if (strcmp(state, "done") == 0)
        return "selesai";
    return "terbuka";
}

static void print_directions(const json_t *items, bool wide)
{
    static const char *const heads[] = {"KEADAAN", "ID",     "PERKARA", "BATAS",  "SISA",
                                        "UNTUK",   "ARAHAN", "DARI",    "SELESAI"};
    struct table *t = table_new(wide ? 9 : 7, heads);
    table_paint(t, 0);
    if (!wide) {
        table_fit(t, 100);
        table_flex(t, 6);
        table_flex(t, 5);
    }
    size_t i;
    json_t *d;
    json_array_foreach(items, i, d)
    {
        char id[24], left[24], done[512] = "";
        snprintf(id, sizeof id, "%lld", jint(d, "event_id"));
        snprintf(left, sizeof left, "%lld", jint(d, "days_left"));
        const json_t *to = json_object_get(d, "to"), *dn = json_object_get(d, "done");
        if (json_is_object(dn))
            snprintf(done, sizeof done, "%s %s: %s", jstr(dn, "on"), jstr(dn, "by"),
                     jstr(dn, "note"));
        const char *cells[] = {direction_mark(jstr(d, "state")),
                               id,
                               jstr(d, "number"),
                               jstr(d, "due"),
                               strcmp(jstr(d, "state"), "done") == 0 ? "" : left,
                               json_is_object(to) ? jstr(to, "name") : "(kantor)",
                               jstr(d, "text"),
                               jstr(d, "given_by"),
                               done};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

/* The list's filters, as given on the command line. */
struct dir_filter {
    const char *state, *office, *limit;
    bool mine, everyone;
};

/* The list's address with the filters and the cursor (when not empty) as
 * its query.  False when a filter is too long. */
static bool directions_path(char *path, size_t size, const struct dir_filter *f, const char *cursor)
{
    const struct {
        const char *key, *value;
    } params[] = {{"state", f->state},
                  {"office", f->office},
                  {"limit", f->limit},
                  {"cursor", cursor[0] ? cursor : NULL},
                  {"mine", f->mine       ? "true"
                           : f->everyone ? "false"
                                         : NULL}};
    char esc[256];
    size_t len = (size_t)snprintf(path, size, "/api/v1/directions");
    char sep = '?';
    for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
        if (!params[i].value)
            continue;
        if (!api_escape(params[i].value, esc, sizeof esc))
            return false;
        len += (size_t)snprintf(path + len, size - len, "%c%s=%s", sep, params[i].key, esc);
        sep = '&';
    }
    return true;
}

/* The gathered pages: JSON, or the table (or that there is none), and the
 * cursor of the page after them. */
static void directions_print(const struct global *g, const json_t *gathered)
{
    if (g->json)
        out_json(gathered);
    else if (json_array_size(json_object_get(gathered, "items")) == 0)
        printf("Tidak ada arahan.\n");
    else
        print_directions(json_object_get(gathered, "items"), g->wide);
    if (!g->json && json_is_string(json_object_get(gathered, "next_cursor")))
        printf("(berikutnya: --cursor %s, atau --all)\n",
               json_string_value(json_object_get(gathered, "next_cursor")));
}

int cmd_directions(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *cursor = NULL;
    struct dir_filter f = {0};
    bool all = false;
    const struct cli_opt opts[] = {
        {"state", &f.state, NULL, false, NULL}, {"office", &f.office, NULL, false, NULL},
        {"limit", &f.limit, NULL, false, NULL}, {"cursor", &cursor, NULL, false, NULL},
        {"mine", NULL, NULL, false, &f.mine},   {"everyone", NULL, NULL, false, &f.everyone},
        {"all", NULL, NULL, false, &all},       END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "--limit", f.limit, NULL)) != GO_ON)
        return rc;
    if (f.mine && f.everyone)
        return cli_usage_error(cmd, "pilih --mine atau --everyone, bukan keduanya");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *gathered = NULL;
    char next[64] = "";
    if (cursor)
        snprintf(next, sizeof next, "%s", cursor);
    for (int page = 0; page < PAGES_MAX; page++) {
        char path[1024];
        if (!directions_path(path, sizeof path, &f, next))
            return cli_usage_error(cmd, "saringan terlalu panjang");
        json_t *p = cli_call(g, "GET", path, NULL, &rc);
        if (!p) {
            json_decref(gathered);
            return rc;
        }
        if (!gathered)
            gathered = json_incref(p);
        else
            json_array_extend(json_object_get(gathered, "items"), json_object_get(p, "items"));
        json_t *n = json_object_get(p, "next_cursor");
        json_object_set(gathered, "next_cursor", n);
        next[0] = '\0';
        if (json_is_string(n))
            snprintf(next, sizeof next, "%s", json_string_value(n));
        json_decref(p);
        if (!all || !next[0])
            break;
    }
    directions_print(g, gathered);
    json_decref(gathered);
    return EXIT_OK;
}

/* Post body as an act of the case named by case_arg, printing what was recorded. */
static int record_act(struct global *g, const struct command *cmd, const char *case_arg,
                      json_t *body, const char *what)
{
    long long id;
    int rc;
    if ((rc = cli_connect(g, true)) != GO_ON || (rc = cli_case(g, cmd, case_arg, &id)) != GO_ON) {
        json_decref(body);
        return rc;
    }
    json_t *e = cli_record(g, id, body, &rc);
    json_decref(body);
    if (!e)
        return rc;
    if (g->json)
        out_json(e);
    else
        printf("%s: peristiwa %lld, perkara %s, tanggal %s\n", what, jint(e, "id"), case_arg,
               jstr(e, "legal_date"));
    json_decref(e);
    return EXIT_OK;
}

int cmd_direction_give(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL, *due = NULL, *text = NULL, *to = NULL, *date = NULL;
    const struct cli_opt opts[] = {
        {"due", &due, NULL, true, NULL},
        {"text", &text, NULL, true, NULL},
        {"to", &to, NULL, false, NULL},
        {"date", &date, NULL, false, NULL},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_date(cmd, "--due", due)) != GO_ON ||
        (rc = cli_want_date(cmd, "--date", date)) != GO_ON)
        return rc;
    json_t *body =
        json_pack("{s:s, s:s, s:s}", "type", "direction_given", "due", due, "note", text);
    if (!body)
        return cli_fail(EXIT_USAGE, "teks bukan UTF-8");
    if (to)
        json_object_set_new(body, "to", json_string(to));
    if (date)
        json_object_set_new(body, "date", json_string(date));
    return record_act(g, cmd, case_arg, body, "arahan dicatat");
}

int cmd_direction_done(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL, *direction = NULL, *note = NULL, *date = NULL;
    const struct cli_opt opts[] = {
        {"note", &note, NULL, true, NULL},
        {"date", &date, NULL, false, NULL},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {"DIRECTION", &direction}, {NULL, NULL}};
    long long id;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "DIRECTION", direction, &id)) != GO_ON ||
        (rc = cli_want_date(cmd, "--date", date)) != GO_ON)
        return rc;
    json_t *body = json_pack("{s:s, s:I, s:s}", "type", "direction_done", "direction",
                             (json_int_t)id, "note", note);
    if (!body)
        return cli_fail(EXIT_USAGE, "catatan bukan UTF-8");
    if (date)
        json_object_set_new(body, "date", json_string(date));
    return record_act(g, cmd, case_arg, body, "arahan dilaksanakan");
}

static json_t *list_json(const struct cli_list *l)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < l->n; i++)
        json_array_append_new(a, json_string(l->items[i]));
    return a;
}

int cmd_reassign(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct cli_list cases = {0}, add = {0}, remove = {0};
    const char *reason = NULL;
    const struct cli_opt opts[] = {
        {"case", NULL, &cases, true, NULL},
        {"add", NULL, &add, false, NULL},
        {"remove", NULL, &remove, false, NULL},
        {"reason", &reason, NULL, true, NULL},
        END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON)
        return rc;
    if (add.n + remove.n == 0)
        return cli_usage_error(cmd, "sebutkan --add NIP atau --remove NIP");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *body = json_pack("{s:o, s:o, s:o, s:s}", "cases", list_json(&cases), "add",
                             list_json(&add), "remove", list_json(&remove), "reason", reason);
    if (!body)
        return cli_fail(EXIT_USAGE, "teks bukan UTF-8");
    json_t *r = cli_call(g, "POST", "/api/v1/reassignments", body, &rc);
    json_decref(body);
    if (!r)
        return rc;
    if (g->json) {
        out_json(r);
    } else {
        static const char *const heads[] = {"PERKARA", "PERISTIWA", "TIM SEKARANG"};
        struct table *t = table_new(3, heads);
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(r, "items"), i, it)
        {
            char ev[24], team[1024] = "";
            size_t len = 0, k;
            json_t *name;
            snprintf(ev, sizeof ev, "%lld", jint(it, "event_id"));
            json_array_foreach(json_object_get(it, "team"), k, name)
            {
                int w = snprintf(team + len, sizeof team - len, "%s%s", k ? ", " : "",
                                 json_string_value(name));
                if (w < 0 || (size_t)w >= sizeof team - len)
                    break;
                len += (size_t)w;
            }
            const char *cells[] = {jstr(it, "number"), ev, team};
            table_add(t, cells);
        }
        table_print(t);
        table_free(t);
    }
    json_decref(r);
    return EXIT_OK;
}
