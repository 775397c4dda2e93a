/*
 * cmd_inbox.c - berkas inbox: the prosecutor's work, in the prosecutor's
 * words.
 *
 *   berkas inbox                     what arrived at your Kejari, your deadlines first
 *   berkas inbox show CASE           the case, and its arrivals marked read
 *   berkas inbox receive CASE        "SPDP diterima" or "berkas diterima" (what arrived last)
 *   berkas inbox appoint CASE        P-16: the jaksa peneliti (--jaksa NIP; default you)
 *   berkas inbox return CASE         P-19 with its instructions (--instruction, repeated)
 *   berkas inbox accept CASE         P-21: the file is complete
 *   berkas inbox dossier CASE -o F   the berkas perkara as one PDF
 *
 * Each verb is recorded as the act of the event log it stands for
 * (spdp_received_by_pu / tahap1_received_by_pu, p16_received, p19_received,
 * p21_received) through the same path as berkas record.
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

static void print_inbox(const json_t *items, bool wide)
{
    static const char *const heads[] = {"BARU",       "PERKARA", "MASUK", "TANGGAL",   "DITERIMA",
                                        "BATAS ANDA", "SISA",    "DARI",  "TERSANGKA", "PASAL"};
    struct table *t = table_new(wide ? 10 : 8, heads);
    table_paint(t, 5);
    if (!wide) {
        table_fit(t, 100);
        table_flex(t, 2);
        table_flex(t, 5);
        table_flex(t, 7);
    }
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        const json_t *latest = json_object_get(it, "latest"), *dl = json_object_get(it, "deadline");
        char due[128] = "", left[24] = "", who[512] = "", pasal[256] = "";
        if (json_is_object(dl)) {
            snprintf(due, sizeof due, "%s%s %s",
                     strcmp(jstr(dl, "state"), "overdue") == 0   ? "!! "
                     : strcmp(jstr(dl, "state"), "warning") == 0 ? "! "
                                                                 : "",
                     jstr(dl, "due_date"), jstr(dl, "label"));
            snprintf(left, sizeof left, "%lld", jint(dl, "days_left"));
        }
        size_t k, len = 0;
        json_t *p;
        json_array_foreach(json_object_get(it, "suspects"), k, p)
        {
            int w = snprintf(who + len, sizeof who - len, "%s%s", k ? ", " : "", jstr(p, "name"));
            if (w < 0 || (size_t)w >= sizeof who - len)
                break;
            len += (size_t)w;
        }
        len = 0;
        json_array_foreach(json_object_get(it, "offences"), k, p)
        {
            int w =
                snprintf(pasal + len, sizeof pasal - len, "%s%s", k ? ", " : "", jstr(p, "code"));
            if (w < 0 || (size_t)w >= sizeof pasal - len)
                break;
            len += (size_t)w;
        }
        const char *cells[] = {json_is_true(json_object_get(it, "unread")) ? "*" : "",
                               jstr(it, "number"),
                               jstr(latest, "label"),
                               jstr(latest, "sent_on"),
                               jstr(latest, "received_on"),
                               due,
                               left,
                               jstr(json_object_get(it, "from"), "code"),
                               who,
                               pasal};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
    printf("(* belum dibaca; berkas inbox show NOMOR untuk membuka, berkas inbox dossier NOMOR "
           "-o FILE untuk berkas perkara)\n");
}

static int inbox_list(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *kind = NULL, *limit = NULL, *cursor = NULL;
    bool unread = false, mine = false;
    const struct cli_opt opts[] = {
        {"kind", &kind, NULL, false, NULL},     {"limit", &limit, NULL, false, NULL},
        {"cursor", &cursor, NULL, false, NULL}, {"unread", NULL, NULL, false, &unread},
        {"mine", NULL, NULL, false, &mine},     END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "--limit", limit, NULL)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    const struct {
        const char *key, *value;
    } params[] = {{"kind", kind},
                  {"limit", limit},
                  {"cursor", cursor},
                  {"unread", unread ? "true" : NULL},
                  {"mine", mine ? "true" : NULL}};
    char path[1024] = "/api/v1/inbox", esc[256];
    size_t len = strlen(path);
    char sep = '?';
    for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
        if (!params[i].value)
            continue;
        if (!api_escape(params[i].value, esc, sizeof esc))
            return cli_usage_error(cmd, "saringan terlalu panjang");
        len += (size_t)snprintf(path + len, sizeof path - len, "%c%s=%s", sep, params[i].key, esc);
        sep = '&';
    }
    json_t *page = cli_call(g, "GET", path, NULL, &rc);
    if (!page)
        return rc;
    if (g->json)
        out_json(page);
    else if (json_array_size(json_object_get(page, "items")) == 0)
        printf("Kotak masuk kosong.\n");
    else
        print_inbox(json_object_get(page, "items"), g->wide);
    if (!g->json && json_is_string(json_object_get(page, "next_cursor")))
        printf("(berikutnya: --cursor %s)\n", jstr(page, "next_cursor"));
    json_decref(page);
    return EXIT_OK;
}

/* The inbox row of one case; NULL with *rc. */
static json_t *inbox_row(struct global *g, long long id, int *rc)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/inbox?case=%lld", id);
    json_t *page = cli_call(g, "GET", path, NULL, rc);
    if (!page)
        return NULL;
    json_t *row = json_incref(json_array_get(json_object_get(page, "items"), 0));
    json_decref(page);
    if (!row)
        *rc = cli_fail(EXIT_REFUSED, "perkara %lld tidak ada di kotak masuk Anda", id);
    return row;
}

static int inbox_show(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL;
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    long long id;
    int rc = cli_parse(g, cmd, argc, argv, NULL, args);
    if (rc != GO_ON || (rc = cli_connect(g, true)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &id)) != GO_ON)
        return rc;
    json_t *row = inbox_row(g, id, &rc);
    if (!row)
        return rc;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = cli_call(g, "GET", path, NULL, &rc);
    json_t *body = c ? json_pack("{s:[I]}", "cases", (json_int_t)id) : NULL;
    json_t *marked = body ? cli_call(g, "POST", "/api/v1/inbox/read", body, &rc) : NULL;
    json_decref(body);
    if (!marked) {
        json_decref(row);
        json_decref(c);
        return rc;
    }
    if (g->json) {
        json_t *out = json_pack("{s:O, s:O}", "inbox", row, "case", c);
        out_json(out);
        json_decref(out);
    } else {
        printf("KIRIMAN\n");
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(row, "arrivals"), i, a)
        {
            /* received; or ended by the SP3's notice (nothing to receive any more) */
            const char *on = *jstr(a, "received_on") ? jstr(a, "received_on") : jstr(a, "ended_on");
            printf("  %s  %s%s%s\n", jstr(a, "sent_on"), jstr(a, "label"),
                   *jstr(a, "received_on") ? ", diterima "
                   : *on                   ? ", tidak diterima: penyidikan dihentikan "
                                           : ", belum diterima",
                   on);
        }
        printf("TINDAKAN ANDA\n");
        json_array_foreach(json_object_get(row, "next"), i, a)
            printf("  berkas inbox %-8s %s  (%s)\n", jstr(a, "verb"), case_arg, jstr(a, "label"));
        printf("\n");
        view_case(c);
    }
    json_decref(row);
    json_decref(c);
    json_decref(marked);
    return EXIT_OK;
}

/* The options of an inbox verb. */
struct inbox_opts {
    const char *date, *jaksa, *number, *note;
    struct cli_list instructions;
};

/* The act a verb records: appoint P-16, return P-19, accept P-21; receive
 * what arrived last and is not yet received (the inbox's next "receive").
 * NULL (*rc set) when nothing waits or the inbox cannot be read. */
static const char *inbox_event(struct global *g, long long id, const char *verb,
                               const char *case_arg, int *rc)
{
    const char *event = strcmp(verb, "appoint") == 0  ? "p16_received"
                        : strcmp(verb, "return") == 0 ? "p19_received"
                        : strcmp(verb, "accept") == 0 ? "p21_received"
                                                      : NULL;
    if (event)
        return event;
    json_t *row = inbox_row(g, id, rc);
    if (!row)
        return NULL;
    json_t *n;
    size_t i;
    json_array_foreach(json_object_get(row, "next"), i, n)
    {
        if (!event && strcmp(jstr(n, "verb"), "receive") == 0)
            event = strcmp(jstr(n, "event"), "spdp_received_by_pu") == 0 ? "spdp_received_by_pu"
                                                                         : "tahap1_received_by_pu";
    }
    json_decref(row);
    if (!event)
        *rc =
            cli_fail(EXIT_REFUSED, "tidak ada kiriman yang belum diterima di perkara %s", case_arg);
    return event;
}

/* The act's body: its type and the options given. */
static json_t *inbox_body(const char *event, const struct inbox_opts *o)
{
    json_t *body = json_pack("{s:s}", "type", event);
    if (o->date)
        json_object_set_new(body, "date", json_string(o->date));
    if (o->jaksa)
        json_object_set_new(body, "jaksa", json_string(o->jaksa));
    if (o->number)
        json_object_set_new(body, "number", json_string(o->number));
    if (o->note)
        json_object_set_new(body, "note", json_string(o->note));
    if (o->instructions.n > 0) {
        json_t *list = json_array();
        for (size_t i = 0; i < o->instructions.n; i++)
            json_array_append_new(list, json_string(o->instructions.items[i]));
        json_object_set_new(body, "instructions", list);
    }
    return body;
}

/* Record the act a verb stands for. */
static int inbox_verb(struct global *g, const struct command *cmd, const char *verb, int argc,
                      char **argv)
{
    const char *case_arg = NULL;
    struct inbox_opts o = {0};
    const struct cli_opt opts[] = {
        {"date", &o.date, NULL, false, NULL},
        {"jaksa", &o.jaksa, NULL, false, NULL},
        {"number", &o.number, NULL, false, NULL},
        {"note", &o.note, NULL, false, NULL},
        {"instruction", NULL, &o.instructions, false, NULL},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    long long id;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_date(cmd, "--date", o.date)) != GO_ON)
        return rc;
    if (o.jaksa && strcmp(verb, "appoint") != 0)
        return cli_usage_error(cmd, "--jaksa hanya untuk appoint");
    if (o.instructions.n > 0 && strcmp(verb, "return") != 0)
        return cli_usage_error(cmd, "--instruction hanya untuk return");
    if (strcmp(verb, "return") == 0 && o.instructions.n == 0)
        return cli_usage_error(cmd, "return perlu --instruction (petunjuk P-19), satu atau lebih");
    if ((rc = cli_connect(g, true)) != GO_ON || (rc = cli_case(g, cmd, case_arg, &id)) != GO_ON)
        return rc;
    const char *event = inbox_event(g, id, verb, case_arg, &rc);
    if (!event)
        return rc;
    json_t *body = inbox_body(event, &o);
    json_t *e = cli_record(g, id, body, &rc);
    json_decref(body);
    if (!e)
        return rc;
    if (g->json)
        out_json(e);
    else
        printf("%s: %s, perkara %s, tanggal %s (peristiwa %lld)\n", verb, jstr(e, "label"),
               case_arg, jstr(e, "legal_date"), jint(e, "id"));
    json_decref(e);
    return EXIT_OK;
}

int cmd_inbox(struct global *g, const struct command *cmd, int argc, char **argv)
{
    static const char *const verbs[] = {"receive", "appoint", "return", "accept", NULL};
    if (argc > 1 && strcmp(argv[1], "show") == 0)
        return inbox_show(g, cmd, argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "dossier") == 0)
        return cmd_dossier(g, cmd, argc - 1, argv + 1);
    for (size_t i = 0; argc > 1 && verbs[i]; i++)
        if (strcmp(argv[1], verbs[i]) == 0)
            return inbox_verb(g, cmd, verbs[i], argc - 1, argv + 1);
    if (argc > 1 && argv[1][0] != '-')
        return cli_usage_error(cmd,
                               "tidak dikenal: '%s' (show, receive, appoint, return, "
                               "accept, dossier)",
                               argv[1]);
    return inbox_list(g, cmd, argc, argv);
}
