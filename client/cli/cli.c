/* cli.c - see cli.h. */
#include "cli.h"
#include "output.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

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
    fprintf(stderr, "berkas %s: %s (lihat berkas %s --help)\n", name, msg, name);
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
        return cli_usage_error(cmd, "paling banyak %d --%s", CLI_LIST_MAX, o->name);
    o->list->items[o->list->n++] = arg;
    return GO_ON;
}

/* "unknown option --stat (did you mean --state?)" */
static int unknown_option(const struct command *cmd, const struct cli_opt *opts, size_t nopts,
                          const char *word)
{
    const char *names[64];
    size_t n = 0;
    static const char *const builtin[] = {"help", "json", "server", "wide", "cacert", "insecure"};
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
        names[n++] = builtin[i];
    for (size_t i = 0; i < nopts && n < sizeof names / sizeof names[0]; i++)
        names[n++] = opts[i].name;
    const char *bare = strncmp(word, "--", 2) == 0 ? word + 2 : word;
    char eq[64];
    snprintf(eq, sizeof eq, "%s", bare);
    char *cut = strchr(eq, '=');
    if (cut)
        *cut = '\0';
    const char *near = cli_closest(eq, names, n);
    if (near)
        return cli_usage_error(cmd, "opsi tidak dikenal '%s' (maksud Anda --%s?)", word, near);
    return cli_usage_error(cmd, "opsi tidak dikenal '%s'", word);
}

/* getopt_long over the built-ins and opts; GO_ON or an exit status. */
static int parse_options(struct global *g, const struct command *cmd, int argc, char **argv,
                         const struct cli_opt *opts)
{
    size_t nopts = count_opts(opts);
    struct option *longopts = calloc(nopts + 7, sizeof *longopts);
    if (!longopts)
        return cli_fail(EXIT_USAGE, "memori habis");
    longopts[0] = (struct option){"help", no_argument, NULL, 'h'};
    longopts[1] = (struct option){"json", no_argument, NULL, 'j'};
    longopts[2] = (struct option){"server", required_argument, NULL, 's'};
    longopts[3] = (struct option){"wide", no_argument, NULL, 'w'};
    longopts[4] = (struct option){"cacert", required_argument, NULL, 'C'};
    longopts[5] = (struct option){"insecure", no_argument, NULL, 'k'};
    for (size_t i = 0; i < nopts; i++)
        longopts[6 + i] = (struct option){
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
            printf("Pemakaian: berkas %s%s", cmd->usage, cmd->usage_more ? cmd->usage_more : "");
            rc = EXIT_OK;
        } else if (c == 'j') {
            g->json = true;
        } else if (c == 'w') {
            g->wide = true;
        } else if (c == 's' && !*optarg) {
            rc = cli_usage_error(cmd, "--server perlu URL");
        } else if (c == 's') {
            g->server = optarg;
        } else if (c == 'C' || c == 'k') {
            rc = cli_tls_option(g, c == 'C' ? optarg : NULL);
        } else if (c >= OPT_BASE && (size_t)(c - OPT_BASE) < nopts) {
            rc = take_option(cmd, &opts[c - OPT_BASE], optarg);
        } else if (c == ':') {
            rc = cli_usage_error(cmd, "opsi '%s' perlu nilai",
                                 refused_option(argv, buf, sizeof buf));
        } else {
            rc = unknown_option(cmd, opts, nopts, refused_option(argv, buf, sizeof buf));
        }
    }
    free(longopts);
    out_init(g->wide);
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
            return cli_usage_error(cmd, "--%s wajib", opts[i].name);
    }
    int pos = optind;
    for (size_t i = 0; args && args[i].name; i++) {
        if (pos >= argc)
            return cli_usage_error(cmd, "%s tidak diberikan", args[i].name);
        *args[i].value = argv[pos++];
    }
    if (pos < argc)
        return cli_usage_error(cmd, "argumen tak terduga '%s'", argv[pos]);
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
        return cli_usage_error(cmd, "ID harus bilangan positif, bukan '%s'", id_arg);
    return GO_ON;
}

int cli_begin(struct global *g, const struct command *cmd, int argc, char **argv,
              const struct cli_opt *opts, long long *id)
{
    int rc = cli_parse_with_id(g, cmd, argc, argv, opts, id);
    return rc != GO_ON ? rc : cli_connect(g, true);
}

int cli_begin_named(struct global *g, const struct command *cmd, int argc, char **argv,
                    const struct cli_opt *opts, enum cli_name kind, long long *id)
{
    static const char *const what[] = {"CASE", "OFFICE", "USER"};
    const char *arg = NULL;
    const struct cli_arg args[] = {{what[kind], &arg}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON)
        return rc;
    switch (kind) {
    case CLI_CASE:
        rc = cli_case(g, cmd, arg, id);
        break;
    case CLI_OFFICE:
        rc = cli_office(g, cmd, "OFFICE", arg, id);
        break;
    case CLI_USER:
        rc = cli_user(g, cmd, arg, id);
        break;
    }
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
        return cli_usage_error(cmd, "%s harus bilangan positif, bukan '%s'", what, s);
    if (out)
        *out = v;
    return GO_ON;
}

int cli_want_date(const struct command *cmd, const char *what, const char *s)
{
    if (s && !cli_is_date(s))
        return cli_usage_error(cmd, "%s harus tanggal YYYY-MM-DD, bukan '%s'", what, s);
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
        return cli_usage_error(cmd, "%s harus bilangan bulat, bukan '%s'", what, s);
    if (out)
        *out = v;
    return GO_ON;
}

/* Optimal string alignment distance (the server's validate.c has its twin:
 * the CLI knows berkasd only through HTTP), capped at 64 characters. */
static int edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return 99;
    int d[65][65];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + (a[i - 1] != b[j - 1]) < best)
                best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

const char *cli_closest(const char *word, const char *const *candidates, size_t n)
{
    if (!word || !*word)
        return NULL;
    size_t len = strlen(word);
    int best_d = (len <= 4 ? 1 : len <= 8 ? 2 : 3) + 1;
    const char *best = NULL;
    for (size_t i = 0; i < n; i++) {
        int d = candidates[i] ? edit_distance(word, candidates[i]) : 99;
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

static bool all_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

int cli_case(struct global *g, const struct command *cmd, const char *arg, long long *id)
{
    if (!arg || !*arg)
        return cli_usage_error(cmd, "CASE kosong: nomor perkara atau id");
    if (all_digits(arg)) {
        if (!cli_parse_id(arg, id))
            return cli_usage_error(cmd, "CASE harus nomor perkara atau id positif, bukan '%s'",
                                   arg);
        return GO_ON;
    }
    int rc = cli_connect(g, true);
    if (rc != GO_ON)
        return rc;
    char esc[512], path[640];
    if (!api_escape(arg, esc, sizeof esc))
        return cli_usage_error(cmd, "CASE terlalu panjang");
    snprintf(path, sizeof path, "/api/v1/cases?number=%s&mine=false&limit=2", esc);
    json_t *page = cli_call(g, "GET", path, NULL, &rc);
    if (!page)
        return rc;
    json_t *items = json_object_get(page, "items");
    size_t n = json_array_size(items);
    if (n == 1)
        *id = (long long)json_integer_value(json_object_get(json_array_get(items, 0), "id"));
    json_decref(page);
    if (n != 1)
        return cli_fail(EXIT_REFUSED, "perkara %s tidak ditemukan", arg);
    return GO_ON;
}

int cli_office(struct global *g, const struct command *cmd, const char *what, const char *arg,
               long long *id)
{
    if (!arg || !*arg)
        return cli_usage_error(cmd, "%s kosong: kode kantor (KANIM-PLG) atau id", what);
    if (all_digits(arg)) {
        if (!cli_parse_id(arg, id))
            return cli_usage_error(cmd, "%s harus kode kantor atau id positif, bukan '%s'", what,
                                   arg);
        return GO_ON;
    }
    if (strspn(arg, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-") !=
        strlen(arg))
        return cli_usage_error(
            cmd, "%s harus kode kantor (huruf, angka, '.', '-') atau id, bukan '%s'", what, arg);
    int rc = cli_connect(g, true);
    if (rc != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/offices", NULL, &rc);
    if (!list)
        return rc;
    const char *codes[512];
    size_t n = 0, i;
    json_t *o;
    *id = 0;
    json_array_foreach(json_object_get(list, "items"), i, o)
    {
        const char *code = json_string_value(json_object_get(o, "code"));
        if (code && strcasecmp(code, arg) == 0)
            *id = (long long)json_integer_value(json_object_get(o, "id"));
        if (code && n < 512)
            codes[n++] = code;
    }
    char near[64] = "";
    const char *c = *id ? NULL : cli_closest(arg, codes, n);
    if (c)
        snprintf(near, sizeof near, " (maksud Anda %s?)", c);
    json_decref(list);
    if (!*id)
        return cli_fail(EXIT_REFUSED, "kantor %s tidak dikenal%s", arg, near);
    return GO_ON;
}

void cli_nip(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (; in && *in && n + 1 < size; in++)
        if (*in != ' ')
            out[n++] = *in;
    out[n] = '\0';
}

int cli_user(struct global *g, const struct command *cmd, const char *arg, long long *id)
{
    char nip[64];
    cli_nip(arg, nip, sizeof nip);
    if (!*nip || !all_digits(nip))
        return cli_usage_error(cmd, "USER harus NIP (18 angka, boleh dengan spasi) atau id");
    if (strlen(nip) != 18) {
        if (!cli_parse_id(nip, id))
            return cli_usage_error(cmd, "USER harus NIP atau id positif, bukan '%s'", arg);
        return GO_ON;
    }
    int rc = cli_connect(g, true);
    if (rc != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/users", NULL, &rc);
    if (!list)
        return rc;
    size_t i;
    json_t *u;
    *id = 0;
    json_array_foreach(json_object_get(list, "items"), i, u)
    {
        const char *un = json_string_value(json_object_get(u, "nip"));
        if (un && strcmp(un, nip) == 0)
            *id = (long long)json_integer_value(json_object_get(u, "id"));
    }
    json_decref(list);
    if (!*id)
        return cli_fail(EXIT_REFUSED, "pengguna dengan NIP %s tidak ditemukan", nip);
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

int cli_tls_option(struct global *g, const char *cacert)
{
    if (cacert) {
        if (!*cacert)
            return cli_fail(EXIT_USAGE, "--cacert perlu FILE (lihat berkas --help)");
        if (access(cacert, R_OK) != 0)
            return cli_fail(EXIT_USAGE, "--cacert %s: %s", cacert, strerror(errno));
        g->cacert = cacert;
        return GO_ON;
    }
    if (!g->insecure)
        fprintf(stderr, "berkas: PERINGATAN: --insecure: sertifikat server TIDAK diperiksa; siapa "
                        "pun di jaringan dapat menyamar sebagai server dan membaca kata sandi "
                        "serta berkas perkara\n");
    g->insecure = true;
    return GO_ON;
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
    const char *cacert = getenv("BERKAS_CACERT");
    g->api.cacert = g->cacert ? g->cacert : cacert && *cacert ? cacert : NULL;
    g->api.insecure = g->insecure;
    if (g->api.cacert && !g->cacert && access(g->api.cacert, R_OK) != 0)
        return cli_fail(EXIT_USAGE, "BERKAS_CACERT %s: %s", g->api.cacert, strerror(errno));
    if (!need_login)
        return GO_ON;
    if (st == SESSION_BAD)
        return cli_fail(EXIT_REFUSED, "%s", g->session_error);
    if (!g->has_session)
        return cli_fail(EXIT_REFUSED, "belum masuk; jalankan: berkas login");
    /* a token goes back only to the server that issued it */
    if (!cli_same_server(g->api.base, g->session.server))
        return cli_fail(EXIT_REFUSED,
                        "masuk di %s, bukan di %s; jalankan: berkas login --server %s",
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
            *rc = cli_fail(EXIT_REFUSED, "%s %s: jawaban (%ld, %s) bukan JSON", method, path,
                           r.status, r.content_type[0] ? r.content_type : "tanpa jenis");
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
