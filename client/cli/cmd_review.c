/*
 * cmd_review.c - berkas review: the files of your reach by urgency, why each
 * is there and who must act, with the counts per office on top.
 *
 * The server sorts (the longest overdue first) and pages; this prints its
 * order as it comes, in 100 columns unless --wide.  Dates and hours are the
 * office's own (WIB, WITA, WIT), as the server formats them.
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
#define PAGES_MAX 10000

struct review_args {
    const char *office, *reason, *actor, *stage, *state, *limit, *cursor;
    bool mine, everyone, all, no_counts;
};

/* "/api/v1/review?...": false when it does not fit. */
static bool review_path(const struct review_args *a, const char *cursor, char *path, size_t size)
{
    const struct {
        const char *key, *value;
    } params[] = {{"office", a->office}, {"reason", a->reason},
                  {"actor", a->actor},   {"stage", a->stage},
                  {"state", a->state},   {"limit", a->limit},
                  {"cursor", cursor},    {"mine", a->mine ? "true" : a->everyone ? "false" : NULL}};
    size_t len = (size_t)snprintf(path, size, "/api/v1/review");
    char sep = '?', esc[512];
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
    return true;
}

/* The state of a row, for people. */
static const char *state_mark(const char *state)
{
    static const char *const marks[][2] = {{"overdue", "!! LEWAT"},
                                           {"stalled", "!! MACET"},
                                           {"damaged", "!! RUSAK"},
                                           {"warning", "! awas"}};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strcmp(state, marks[i][0]) == 0)
            return marks[i][1];
    return "";
}

static const char *actor_short(const char *actor)
{
    if (strcmp(actor, "investigator") == 0)
        return "Penyidik";
    if (strcmp(actor, "prosecutor") == 0)
        return "PU";
    if (strcmp(actor, "court") == 0)
        return "PN";
    if (strcmp(actor, "supervisor") == 0)
        return "Pengawas";
    return actor;
}

/* "2026-12-06" or, when the hour matters, "2026-12-06 14:00+08:00". */
static void due_text(const json_t *reason, char *out, size_t size)
{
    const char *at = jstr(reason, "due_at");
    if (strlen(at) >= 25 && strncmp(at + 11, "00:00:00", 8) != 0)
        snprintf(out, size, "%.10s %.5s%s", at, at + 11, at + 19);
    else
        snprintf(out, size, "%s", jstr(reason, "due_date"));
}

static void print_counts(const json_t *counts)
{
    static const char *const heads[] = {"KANTOR", "DAFTAR", "LEWAT",        "MACET",
                                        "AWAS",   "RUSAK",  "ARAHAN LEWAT", "BOLAK-BALIK"};
    static const char *const keys[] = {
        "open", "overdue", "stalled", "warning", "damaged", "directions_overdue", "pingpong"};
    struct table *t = table_new(8, heads);
    size_t i;
    json_t *o;
    bool own_beside = false;
    json_array_foreach(json_object_get(counts, "items"), i, o)
    {
        /* an office's files and those of the offices under it (subtree: a Kanwil's Kanims),
         * its own in brackets where they differ; a server without subtree: its own */
        const json_t *sub = json_object_get(o, "subtree");
        if (!sub)
            sub = o;
        if (jint(sub, "open") == 0)
            continue; /* offices with nothing listed: quiet */
        char v[7][48];
        for (size_t k = 0; k < 7; k++) {
            long long all = jint(sub, keys[k]), own = jint(o, keys[k]);
            if (all != own)
                snprintf(v[k], sizeof v[k], "%lld (%lld)", all, own);
            else
                snprintf(v[k], sizeof v[k], "%lld", all);
            own_beside = own_beside || all != own;
        }
        const char *cells[] = {jstr(o, "code"), v[0], v[1], v[2], v[3], v[4], v[5], v[6]};
        table_add(t, cells);
    }
    const json_t *total = json_object_get(counts, "total");
    char v[7][24];
    for (size_t k = 0; k < 7; k++)
        snprintf(v[k], sizeof v[k], "%lld", jint(total, keys[k]));
    const char *cells[] = {"JUMLAH", v[0], v[1], v[2], v[3], v[4], v[5], v[6]};
    table_add(t, cells);
    table_print(t);
    table_free(t);
    if (own_beside)
        printf("Angka kantor termasuk kantor di bawahnya; (n): berkas kantor itu sendiri.\n");
    printf("\n");
}

static void print_items(const json_t *items, bool wide)
{
    static const char *const heads[] = {"KEADAAN", "PERKARA", "TAHAP", "ALASAN", "PIHAK",
                                        "BATAS",   "SISA",    "P19",   "KANTOR", "KETERANGAN"};
    size_t ncols = wide ? 10 : 8;
    struct table *t = table_new(ncols, heads);
    table_paint(t, 0);
    if (!wide) {
        /* 100 columns: the stage and the reason give way first */
        table_fit(t, 100);
        table_flex(t, 3);
        table_flex(t, 2);
    }
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        const json_t *r = json_object_get(it, "reason");
        const json_t *party = json_object_get(r, "party");
        char why[512], due[64], left[24], rounds[24], note[1024];
        if (json_is_object(party))
            snprintf(why, sizeof why, "%s: %s", wide ? jstr(r, "label") : jstr(r, "short"),
                     jstr(party, "name"));
        else
            snprintf(why, sizeof why, "%s", wide ? jstr(r, "label") : jstr(r, "short"));
        due_text(r, due, sizeof due);
        snprintf(left, sizeof left, "%lld", jint(r, "days_left"));
        snprintf(rounds, sizeof rounds, "%lld%s", jint(it, "p19_rounds"),
                 json_is_true(json_object_get(it, "pingpong")) ? " !" : "");
        const json_t *dirs = json_object_get(it, "directions");
        /* a suspect held is the reason; the deadline due first, when another, is named */
        const json_t *first = json_object_get(it, "earliest");
        char before[128] = "";
        if (json_is_object(first))
            snprintf(before, sizeof before, "; paling awal: %s %s", jstr(first, "short"),
                     jstr(first, "due_date"));
        /* untouched past the stage's limit, though listed for a deadline */
        const json_t *idle = json_object_get(it, "idle");
        char quiet[64] = "";
        if (json_is_object(idle))
            snprintf(quiet, sizeof quiet, "; tanpa kegiatan %lld hari", jint(idle, "days"));
        snprintf(note, sizeof note, "%s%s%s%s%s", jstr(r, "basis"), before, quiet,
                 jint(dirs, "overdue") > 0 ? "; arahan lewat waktu" : "",
                 jint(dirs, "open") > 0 && jint(dirs, "overdue") == 0 ? "; arahan terbuka" : "");
        const char *cells[] = {state_mark(jstr(it, "state")),
                               jstr(it, "number"),
                               jstr(it, wide ? "stage_label" : "stage_short"),
                               why,
                               actor_short(jstr(r, "actor")),
                               due,
                               left,
                               rounds,
                               jstr(json_object_get(it, "office"), "code"),
                               note};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
}

/* One page, or every page gathered (all); NULL with *rc. */
static json_t *fetch_review(struct global *g, const struct command *cmd,
                            const struct review_args *a, int *rc)
{
    char path[2048];
    const char *cursor = a->cursor;
    char next_buf[64];
    json_t *gathered = NULL;
    for (int page = 0; page < PAGES_MAX; page++) {
        if (!review_path(a, cursor, path, sizeof path)) {
            json_decref(gathered);
            *rc = cli_usage_error(cmd, "saringan terlalu panjang");
            return NULL;
        }
        json_t *p = cli_call(g, "GET", path, NULL, rc);
        if (!p || !a->all) {
            json_decref(gathered);
            return p;
        }
        json_t *next = json_object_get(p, "next_cursor");
        if (!gathered)
            gathered = json_incref(p);
        else
            json_array_extend(json_object_get(gathered, "items"), json_object_get(p, "items"));
        json_object_set(gathered, "next_cursor", next);
        if (!json_is_string(next)) {
            json_decref(p);
            return gathered;
        }
        snprintf(next_buf, sizeof next_buf, "%s", json_string_value(next));
        cursor = next_buf;
        json_decref(p);
    }
    return gathered;
}

int cmd_review(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct review_args a = {0};
    const struct cli_opt opts[] = {
        {"office", &a.office, NULL, false, NULL},       {"reason", &a.reason, NULL, false, NULL},
        {"actor", &a.actor, NULL, false, NULL},         {"stage", &a.stage, NULL, false, NULL},
        {"state", &a.state, NULL, false, NULL},         {"limit", &a.limit, NULL, false, NULL},
        {"cursor", &a.cursor, NULL, false, NULL},       {"mine", NULL, NULL, false, &a.mine},
        {"everyone", NULL, NULL, false, &a.everyone},   {"all", NULL, NULL, false, &a.all},
        {"no-counts", NULL, NULL, false, &a.no_counts}, END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "--limit", a.limit, NULL)) != GO_ON)
        return rc;
    if (a.mine && a.everyone)
        return cli_usage_error(cmd, "pilih --mine atau --everyone, bukan keduanya");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *counts = NULL;
    if (!a.no_counts && !a.cursor) {
        char path[256] = "/api/v1/review/offices", esc[128];
        if (a.office && api_escape(a.office, esc, sizeof esc))
            snprintf(path, sizeof path, "/api/v1/review/offices?office=%s", esc);
        counts = cli_call(g, "GET", path, NULL, &rc);
        if (!counts)
            return rc;
    }
    json_t *list = fetch_review(g, cmd, &a, &rc);
    if (!list) {
        json_decref(counts);
        return rc;
    }
    if (g->json) {
        json_t *out =
            json_pack("{s:O, s:O}", "offices", counts ? counts : json_null(), "review", list);
        out_json(out);
        json_decref(out);
    } else {
        if (counts)
            print_counts(counts);
        if (json_array_size(json_object_get(list, "items")) == 0)
            printf("Tidak ada berkas yang perlu ditinjau.\n");
        else
            print_items(json_object_get(list, "items"), g->wide);
        json_t *next = json_object_get(list, "next_cursor");
        if (json_is_string(next))
            printf("(berikutnya: --cursor %s, atau --all)\n", json_string_value(next));
    }
    json_decref(counts);
    json_decref(list);
    return EXIT_OK;
}
