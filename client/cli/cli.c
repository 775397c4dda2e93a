/* cli.c - see cli.h. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPT_BASE 1000 /* getopt values of a command's own options */

const char *cli_name(const struct command *cmd, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s", cmd->name, cmd->sub ? " " : "", cmd->sub ? cmd->sub : "");
    return buf;
}

int cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
    char name[64], msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_name(cmd, name, sizeof name);
    fprintf(stderr, "berkas %s: %s (see berkas %s --help)\n", name, msg, name);
    return EXIT_USAGE;
}

int cli_fail(int status, const char *fmt, ...)
{
    char msg[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++) /* always one line */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    fprintf(stderr, "berkas: %s\n", msg);
    return status;
}

static size_t count_opts(const struct cli_opt *opts)
{
    size_t n = 0;
    while (opts && opts[n].name)
        n++;
    return n;
}

/* The option that getopt just refused, for the message: the word as typed
 * for a long option, "-x" for a short one (which may sit in a group). */
static const char *refused_option(char **argv, char *buf, size_t size)
{
    const char *word = argv[optind - 1];
    if (strncmp(word, "--", 2) != 0 && optopt > 0 && optopt < OPT_BASE) {
        snprintf(buf, size, "-%c", optopt);
        return buf;
    }
    return word;
}

static int take_option(const struct command *cmd, const struct cli_opt *o, const char *arg)
{
    if (o->flag) {
        *o->flag = true;
        return GO_ON;
    }
    if (o->value) {
        *o->value = arg;
        return GO_ON;
    }
    if (o->list->n == CLI_LIST_MAX)
        return cli_usage_error(cmd, "at most %d --%s", CLI_LIST_MAX, o->name);
    o->list->items[o->list->n++] = arg;
    return GO_ON;
}

/* getopt_long over the built-ins and opts; GO_ON or an exit status. */
static int parse_options(struct global *g, const struct command *cmd, int argc, char **argv,
                         const struct cli_opt *opts)
{
    size_t nopts = count_opts(opts);
    struct option *longopts = calloc(nopts + 4, sizeof *longopts);
    if (!longopts)
        return cli_fail(EXIT_USAGE, "out of memory");
    longopts[0] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[1] = (struct option){"json", no_argument, NULL, 'j'};
    longopts[2] = (struct option){"server", required_argument, NULL, 's'};
    for (size_t i = 0; i < nopts; i++)
        longopts[3 + i] = (struct option){
            opts[i].name, opts[i].flag ? no_argument : required_argument, NULL, OPT_BASE + (int)i};
    /* --output has the short form -o, the only command option with one */
    int output = -1;
    for (size_t i = 0; i < nopts; i++)
        if (strcmp(opts[i].name, "output") == 0 && opts[i].value)
            output = OPT_BASE + (int)i;
    optind = 0; /* GNU: start afresh (the global parse used "+") */
    opterr = 0;
    int rc = GO_ON, c;
    char buf[8];
    const char *shorts = output >= 0 ? ":hs:o:" : ":hs:";
    while (rc == GO_ON && (c = getopt_long(argc, argv, shorts, longopts, NULL)) != -1) {
        if (c == 'o')
            c = output;
        if (c == 'h') {
            printf("Usage: berkas %s", cmd->usage);
            rc = EXIT_OK;
        } else if (c == 'j') {
            g->json = true;
        } else if (c == 's' && !*optarg) {
            rc = cli_usage_error(cmd, "--server needs a URL");
        } else if (c == 's') {
            g->server = optarg;
        } else if (c >= OPT_BASE && (size_t)(c - OPT_BASE) < nopts) {
            rc = take_option(cmd, &opts[c - OPT_BASE], optarg);
        } else if (c == ':') {
            rc = cli_usage_error(cmd, "option '%s' needs a value",
                                 refused_option(argv, buf, sizeof buf));
        } else {
            rc = cli_usage_error(cmd, "unknown option '%s'", refused_option(argv, buf, sizeof buf));
        }
    }
    free(longopts);
    return rc;
}

int cli_parse(struct global *g, const struct command *cmd, int argc, char **argv,
              const struct cli_opt *opts, const struct cli_arg *args)
{
    int rc = parse_options(g, cmd, argc, argv, opts);
    if (rc != GO_ON)
        return rc;
    for (size_t i = 0; opts && opts[i].name; i++) {
        bool given = opts[i].flag    ? *opts[i].flag
                     : opts[i].value ? *opts[i].value != NULL
                                     : opts[i].list->n > 0;
        if (opts[i].required && !given)
            return cli_usage_error(cmd, "--%s is required", opts[i].name);
    }
    int pos = optind;
    for (size_t i = 0; args && args[i].name; i++) {
        if (pos >= argc)
            return cli_usage_error(cmd, "missing %s", args[i].name);
        *args[i].value = argv[pos++];
    }
    if (pos < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[pos]);
    return GO_ON;
}

int cli_parse_with_id(struct global *g, const struct command *cmd, int argc, char **argv,
                      const struct cli_opt *opts, long long *id)
{
    const char *id_arg = NULL;
    const struct cli_arg args[] = {{"ID", &id_arg}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, id ? args : NULL);
    if (rc != GO_ON)
        return rc;
    if (id && !cli_parse_id(id_arg, id))
        return cli_usage_error(cmd, "ID must be a positive number, not '%s'", id_arg);
    return GO_ON;
}

int cli_begin(struct global *g, const struct command *cmd, int argc, char **argv,
              const struct cli_opt *opts, long long *id)
{
    int rc = cli_parse_with_id(g, cmd, argc, argv, opts, id);
    return rc != GO_ON ? rc : cli_connect(g, true);
}

bool cli_parse_id(const char *s, long long *out)
{
    if (!s || *s < '1' || *s > '9' || strlen(s) > 16)
        return false;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 1 || v > (1LL << 53))
        return false;
    *out = v;
    return true;
}

bool cli_is_date(const char *s)
{
    static const char shape[] = "9999-99-99";
    if (strlen(s) != sizeof shape - 1)
        return false;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == '9' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
            return false;
    return true;
}

int cli_want_id(const struct command *cmd, const char *what, const char *s, long long *out)
{
    long long v;
    if (!s)
        return GO_ON;
    if (!cli_parse_id(s, &v))
        return cli_usage_error(cmd, "%s must be a positive number, not '%s'", what, s);
    if (out)
        *out = v;
    return GO_ON;
}

int cli_want_date(const struct command *cmd, const char *what, const char *s)
{
    if (s && !cli_is_date(s))
        return cli_usage_error(cmd, "%s must be a date YYYY-MM-DD, not '%s'", what, s);
    return GO_ON;
}

int cli_want_int(const struct command *cmd, const char *what, const char *s, long long *out)
{
    if (!s)
        return GO_ON;
    const char *digits = *s == '-' || *s == '+' ? s + 1 : s;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*digits < '0' || *digits > '9' || *end || strlen(digits) > 15)
        return cli_usage_error(cmd, "%s must be a whole number, not '%s'", what, s);
    if (out)
        *out = v;
    return GO_ON;
}

int cli_case(struct global *g, const struct command *cmd, const char *arg, long long *id)
{
    if (!arg || !*arg)
        return cli_usage_error(cmd, "CASE is empty");
    if (cli_parse_id(arg, id))
        return GO_ON;
    char esc[512], path[640];
    if (!api_escape(arg, esc, sizeof esc))
        return cli_usage_error(cmd, "CASE is too long");
    snprintf(path, sizeof path, "/api/v1/cases?number=%s&mine=false&limit=2", esc);
    int rc;
    json_t *page = cli_call(g, "GET", path, NULL, &rc);
    if (!page)
        return rc;
    json_t *items = json_object_get(page, "items");
    if (json_array_size(items) == 1)
        *id = (long long)json_integer_value(json_object_get(json_array_get(items, 0), "id"));
    size_t n = json_array_size(items);
    json_decref(page);
    if (n != 1)
        return cli_fail(EXIT_REFUSED, "perkara %s tidak ditemukan", arg);
    return GO_ON;
}

bool cli_same_server(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    while (la > 0 && a[la - 1] == '/')
        la--;
    while (lb > 0 && b[lb - 1] == '/')
        lb--;
    return la == lb && strncmp(a, b, la) == 0;
}

int cli_connect(struct global *g, bool need_login)
{
    if (!g->session_loaded) {
        g->session_status = session_load(&g->session, g->session_error, sizeof g->session_error);
        g->session_loaded = true;
    }
    enum session_status st = g->session_status;
    g->has_session = st == SESSION_OK;
    const char *env = getenv("BERKAS_SERVER");
    if (g->server)
        g->api.base = g->server;
    else if (env && *env)
        g->api.base = env;
    else if (g->has_session)
        g->api.base = g->session.server;
    else
        g->api.base = DEFAULT_SERVER;
    g->api.token = NULL;
    if (!need_login)
        return GO_ON;
    if (st == SESSION_BAD)
        return cli_fail(EXIT_REFUSED, "%s", g->session_error);
    if (!g->has_session)
        return cli_fail(EXIT_REFUSED, "not logged in; run: berkas login");
    /* a token goes back only to the server that issued it */
    if (!cli_same_server(g->api.base, g->session.server))
        return cli_fail(EXIT_REFUSED, "logged in at %s, not at %s; run: berkas login --server %s",
                        g->session.server, g->api.base, g->api.base);
    g->api.token = g->session.token;
    return GO_ON;
}

json_t *cli_call(struct global *g, const char *method, const char *path, const json_t *body,
                 int *rc)
{
    return cli_call_with(g, method, path, body, NULL, rc);
}

json_t *cli_call_with(struct global *g, const char *method, const char *path, const json_t *body,
                      const char *const headers[], int *rc)
{
    char err[512];
    struct api_response r;
    if (!api_request_with(&g->api, method, path, body, headers, &r, err, sizeof err)) {
        *rc = cli_fail(EXIT_USAGE, "%s", err);
        return NULL;
    }
    json_t *j = NULL;
    if (r.status < 200 || r.status > 299) {
        char line[4096];
        api_problem_line(&r, line, sizeof line);
        *rc = cli_fail(EXIT_REFUSED, "%s", line);
    } else {
        j = r.len == 0 ? json_object() : api_json(&r);
        if (!j)
            *rc = cli_fail(EXIT_REFUSED, "%s %s: the reply (%ld, %s) is not JSON", method, path,
                           r.status, r.content_type[0] ? r.content_type : "no type");
    }
    api_response_free(&r);
    return j;
}

void cli_end(struct global *g)
{
    if (g->has_session)
        session_free(&g->session);
    g->has_session = false;
    g->session_loaded = false;
    g->api.token = NULL;
}
