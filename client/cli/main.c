/*
 * main.c - berkas, the command-line client.
 *
 *   berkas [--server URL] [--json] COMMAND [OPTION]...
 *
 * Commands are one table.  Every command takes --help and --json.  Exit
 * status: 0 done, 1 the server refused (or reports itself unhealthy),
 * 2 bad usage or the server could not be reached.  Errors are one line on
 * stderr.
 */
#include <curl/curl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "config.h"

#define EXIT_OK      0
#define EXIT_REFUSED 1
#define EXIT_USAGE   2

struct global {
    struct api_client api;
    bool json;
};

struct command {
    const char *name;
    int (*run)(struct global *g, int argc, char **argv);
    const char *summary;
    const char *usage; /* the rest of "Usage: berkas NAME ..." and the options */
};

static int cmd_status(struct global *g, int argc, char **argv);

static const struct command commands[] = {
    {"status", cmd_status, "show the server's version and health",
     "status [--json]\n"
     "Show the version of the berkasd at --server and whether its database answers.\n"
     "\n"
     "  --json   print one JSON object instead of a table\n"
     "\n"
     "Exit status: 0 healthy, 1 the server answers but is unhealthy, 2 unreachable.\n"},
};
static const size_t ncommands = sizeof commands / sizeof commands[0];

static void usage(FILE *out)
{
    fprintf(out, "Usage: berkas [--server URL] [--json] COMMAND [OPTION]...\n"
                 "The berkas client: case files of PPNS Keimigrasian, from the terminal.\n"
                 "\n"
                 "  -s, --server URL  berkasd to talk to (default $BERKAS_SERVER, else\n"
                 "                    http://127.0.0.1:8080)\n"
                 "      --json        machine-readable output\n"
                 "  -h, --help        show this help (berkas COMMAND --help for a command's)\n"
                 "  -V, --version     show the version\n"
                 "\n"
                 "Commands:\n");
    for (size_t i = 0; i < ncommands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nExit status: 0 done, 1 refused by the server, 2 usage or connection "
                 "error.\n");
}

/* Parse a command's own options: --help and --json for now.  Returns -1 to
 * go on, or an exit status. */
static int parse_command_options(const struct command *cmd, struct global *g, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"json", no_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            printf("Usage: berkas %s", cmd->usage);
            return EXIT_OK;
        case 'j':
            g->json = true;
            break;
        default:
            fprintf(stderr, "berkas %s: unknown option '%s' (see berkas %s --help)\n", cmd->name,
                    argv[optind - 1], cmd->name);
            return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "berkas %s: unexpected argument '%s' (see berkas %s --help)\n", cmd->name,
                argv[optind], cmd->name);
        return EXIT_USAGE;
    }
    return -1;
}

static int cmd_status(struct global *g, int argc, char **argv)
{
    int rc = parse_command_options(&commands[0], g, argc, argv);
    if (rc >= 0)
        return rc;
    char err[512];
    struct api_response ver, health;
    if (!api_get(&g->api, "/api/v1/version", &ver, err, sizeof err)) {
        fprintf(stderr, "berkas: %s\n", err);
        return EXIT_USAGE;
    }
    if (!api_get(&g->api, "/healthz", &health, err, sizeof err)) {
        api_response_free(&ver);
        fprintf(stderr, "berkas: %s\n", err);
        return EXIT_USAGE;
    }
    json_t *v = ver.status == 200 ? api_json(&ver) : NULL;
    if (!v) {
        char line[512];
        api_problem_line(&ver, line, sizeof line);
        fprintf(stderr, "berkas: %s does not look like berkasd (GET /api/v1/version: %s)\n",
                g->api.base, line);
        api_response_free(&ver);
        api_response_free(&health);
        return EXIT_REFUSED;
    }
    bool healthy = health.status == 200;
    const char *version = json_string_value(json_object_get(v, "version"));
    const char *pg = json_string_value(json_object_get(v, "postgresql"));
    json_int_t schema = json_integer_value(json_object_get(v, "schema_version"));
    if (g->json) {
        json_t *out = json_pack("{s:s, s:O, s:s, s:b}", "server", g->api.base, "version", v,
                                "health", healthy ? "ok" : "unavailable", "healthy", healthy);
        char *s = out ? json_dumps(out, JSON_INDENT(2)) : NULL;
        if (s)
            puts(s);
        free(s);
        json_decref(out);
    } else {
        printf("server      %s\n", g->api.base);
        printf("version     berkasd %s (API v1, schema %lld, PostgreSQL %s)\n",
               version ? version : "?", (long long)schema, pg ? pg : "?");
        if (healthy)
            printf("health      ok (database answers)\n");
        else {
            char line[512];
            api_problem_line(&health, line, sizeof line);
            printf("health      UNAVAILABLE (%s)\n", line);
        }
    }
    json_decref(v);
    api_response_free(&ver);
    api_response_free(&health);
    return healthy ? EXIT_OK : EXIT_REFUSED;
}

int main(int argc, char **argv)
{
    struct global g = {0};
    g.api.base = getenv("BERKAS_SERVER");
    if (!g.api.base || !*g.api.base)
        g.api.base = "http://127.0.0.1:8080";

    static const struct option longopts[] = {
        {"server", required_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    opterr = 0;
    int c;
    /* '+': stop at the command name; its options are its own */
    while ((c = getopt_long(argc, argv, "+:s:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 's':
            g.api.base = optarg;
            break;
        case 'j':
            g.json = true;
            break;
        case 'h':
            usage(stdout);
            return EXIT_OK;
        case 'V':
            printf("berkas %s\n", BERKAS_VERSION);
            return EXIT_OK;
        case ':':
            fprintf(stderr, "berkas: option %s needs a value (see berkas --help)\n",
                    argv[optind - 1]);
            return EXIT_USAGE;
        default:
            fprintf(stderr, "berkas: unknown option '%s' (see berkas --help)\n", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "berkas: no command given (see berkas --help)\n");
        return EXIT_USAGE;
    }
    const char *name = argv[optind];
    for (size_t i = 0; i < ncommands; i++) {
        if (strcmp(commands[i].name, name) != 0)
            continue;
        curl_global_init(CURL_GLOBAL_DEFAULT);
        int rc = commands[i].run(&g, argc - optind, argv + optind);
        curl_global_cleanup();
        return rc;
    }
    fprintf(stderr, "berkas: unknown command '%s' (see berkas --help)\n", name);
    return EXIT_USAGE;
}
