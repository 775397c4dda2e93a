/*
 * main.c - berkas, the command-line client.
 *
 *   berkas [--server URL] [--json] COMMAND [SUBCOMMAND] [OPTION]...
 *
 * Commands are one table: name, subcommand, handler, summary, usage.  Every
 * command takes --help and --json.  Exit status: 0 done, 1 the server
 * refused (or reports itself unhealthy, or nobody is logged in), 2 bad
 * usage or the server could not be reached.  Errors are one line on stderr.
 */
#include <curl/curl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "config.h"
#include "output.h"

#define COMMON_OPTS                                                                                \
    "  -s, --server URL    the berkasd to talk to\n"                                               \
    "      --json          print JSON instead of text\n"                                           \
    "  -h, --help          show this help\n"

/* clang-format off */
const struct command cli_commands[] = {
    {"status", NULL, cmd_status, "show the server's version and health",
     "status [--json]\n"
     "Show the version of the berkasd at --server and whether its database answers.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 healthy, 1 the server answers but is unhealthy, 2 unreachable.\n"},
    {"login", NULL, cmd_login, "log on and keep the session",
     "login [--nip NIP] [--json]\n"
     "Log on to the server.  Shows the server's log-on banner, asks for the NIP on stdin\n"
     "if --nip is not given, and takes the password from $BERKAS_PASSWORD or asks for it\n"
     "on the terminal without echo.  The session token (never the password) is kept in\n"
     "$XDG_CONFIG_HOME/berkas/session.json (default ~/.config/berkas/), mode 0600.\n"
     "\n"
     "      --nip NIP       the 18-digit NIP to log on as\n" COMMON_OPTS "\n"
     "Exit status: 0 logged on, 1 refused (wrong NIP or password, locked account),\n"
     "2 usage, no password available, or the server unreachable.\n"},
    {"logout", NULL, cmd_logout, "end the session on the server and forget it",
     "logout [--json]\n"
     "End the saved session on the server and remove the session file (also when the\n"
     "server says the session had already ended).  Not logged in is not an error.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 logged out, 1 refused by the server, 2 the server unreachable\n"
     "(the session is kept, to try again).\n"},
    {"whoami", NULL, cmd_whoami, "show who is logged on",
     "whoami [--json]\n"
     "Show the user of the saved session as the server sees them: name, NIP, pangkat,\n"
     "role, office and, for investigators, the PPNS card.\n"
     "\n" COMMON_OPTS "\n"
     "Exit status: 0 done, 1 not logged in or the session has ended, 2 unreachable.\n"},
    {"office", "list", cmd_office_list, "list the offices of both trees",
     "office list [--json]\n"
     "List the office directory: Imigrasi (ditjen, kanwil, kanim, ukk) and Kejaksaan\n"
     "(kejagung, kejati, kejari, cabjari), each with its parent.\n"
     "\n" COMMON_OPTS},
    {"office", "show", cmd_office_show, "show one office",
     "office show ID [--json]\n"
     "Show the office with this ID.\n"
     "\n" COMMON_OPTS},
    {"office", "add", cmd_office_add, "add an office (admin)",
     "office add --parent ID --kind KIND --code CODE --name NAME --tz TZ [--class CLASS]\n"
     "Add an office under PARENT, which must be in the administrator's subtree.\n"
     "\n"
     "      --parent ID     the office above it\n"
     "      --kind KIND     kanwil, kanim, ukk, kejati, kejari or cabjari\n"
     "      --code CODE     short unique code: capitals, digits, '.', '-' (KANIM-PLG)\n"
     "      --name NAME     the full name\n"
     "      --tz TZ         Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)\n"
     "      --class CLASS   a kanim's class: \"Kelas I TPI\", \"Kelas II Non TPI\", ...\n"
     COMMON_OPTS},
    {"office", "letterheads", cmd_office_letterheads, "show an office's letterhead lines",
     "office letterheads ID [--json]\n"
     "Show the letterhead lines of the office, by the date from which each set applies.\n"
     "\n" COMMON_OPTS},
    {"office", "letterhead-add", cmd_office_letterhead_add, "add letterhead lines from a date (admin)",
     "office letterhead-add ID --from YYYY-MM-DD --line TEXT [--line TEXT]...\n"
     "Add the letterhead of office ID for documents dated from --from on (1 to 8 lines,\n"
     "top to bottom).\n"
     "\n"
     "      --from DATE     the first date the lines apply to\n"
     "      --line TEXT     one line of the letterhead; repeat for each line\n"
     COMMON_OPTS},
    {"user", "list", cmd_user_list, "list the users of your subtree (admin)",
     "user list [--json]\n"
     "List the users of the offices under the administrator's own.\n"
     "\n" COMMON_OPTS},
    {"user", "show", cmd_user_show, "show one user (admin)",
     "user show ID [--json]\n"
     "Show the user with this ID.\n"
     "\n" COMMON_OPTS},
    {"user", "add", cmd_user_add, "add a user (admin)",
     "user add --nip NIP --name NAME --office ID --role ROLE [OPTION]...\n"
     "Add a user.  The password comes from $BERKAS_NEW_PASSWORD or is asked twice on the\n"
     "terminal without echo: at least 12 characters, not a common password, not the NIP.\n"
     "\n"
     "      --nip NIP                the 18-digit NIP\n"
     "      --name NAME              the full name\n"
     "      --office ID              the office the user works in\n"
     "      --role ROLE              investigator, supervisor, prosecutor or admin\n"
     "      --pangkat P              rank (Penata Muda Tk. I)\n"
     "      --golongan G             grade (III/b)\n"
     "      --position P             position (PPNS Keimigrasian)\n"
     "      --ppns-card NO           an investigator's PPNS card number ...\n"
     "      --ppns-valid-until DATE  ... and its last valid day (YYYY-MM-DD)\n"
     COMMON_OPTS},
    {"user", "disable", cmd_user_disable, "disable a user and end their sessions (admin)",
     "user disable ID [--json]\n"
     "Disable the user: they can no longer log on, and their sessions end now.\n"
     "\n" COMMON_OPTS},
    {"user", "unlock", cmd_user_unlock, "unlock a user locked by failed log-ons (admin)",
     "user unlock ID [--json]\n"
     "Unlock a user whose account was locked after too many failed log-ons.\n"
     "\n" COMMON_OPTS},
};
/* clang-format on */
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

static void usage(FILE *out)
{
    fprintf(out, "Usage: berkas [--server URL] [--json] COMMAND [OPTION]...\n"
                 "The berkas client: case files of PPNS Keimigrasian, from the terminal.\n"
                 "\n"
                 "  -s, --server URL  berkasd to talk to (default $BERKAS_SERVER, else the\n"
                 "                    server of the saved session, else " DEFAULT_SERVER ")\n"
                 "      --json        machine-readable output\n"
                 "  -h, --help        show this help (berkas COMMAND --help for a command's)\n"
                 "  -V, --version     show the version\n"
                 "\n"
                 "Commands:\n");
    char name[64];
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(out, "  %-22s %s\n", cli_name(&cli_commands[i], name, sizeof name),
                cli_commands[i].summary);
    fprintf(out, "\nExit status: 0 done, 1 refused by the server, 2 usage or connection "
                 "error.\n");
}

/* "berkas office --help": the group's subcommands. */
static void group_usage(const char *group)
{
    printf("Usage: berkas %s SUBCOMMAND [OPTION]...\n\nSubcommands:\n", group);
    for (size_t i = 0; i < cli_ncommands; i++)
        if (strcmp(cli_commands[i].name, group) == 0)
            printf("  %-15s %s\n", cli_commands[i].sub, cli_commands[i].summary);
    printf("\nberkas %s SUBCOMMAND --help shows a subcommand's options.\n", group);
}

int cmd_status(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_parse(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON || (rc = cli_connect(g, false)) != GO_ON)
        return rc;
    char err[512];
    struct api_response ver, health;
    if (!api_get(&g->api, "/api/v1/version", &ver, err, sizeof err))
        return cli_fail(EXIT_USAGE, "%s", err);
    if (!api_get(&g->api, "/healthz", &health, err, sizeof err)) {
        api_response_free(&ver);
        return cli_fail(EXIT_USAGE, "%s", err);
    }
    json_t *v = ver.status == 200 ? api_json(&ver) : NULL;
    if (!v) {
        char line[512];
        api_problem_line(&ver, line, sizeof line);
        api_response_free(&ver);
        api_response_free(&health);
        return cli_fail(EXIT_REFUSED, "%s does not look like berkasd (GET /api/v1/version: %s)",
                        g->api.base, line);
    }
    bool healthy = health.status == 200;
    const char *version = json_string_value(json_object_get(v, "version"));
    const char *pg = json_string_value(json_object_get(v, "postgresql"));
    json_int_t schema = json_integer_value(json_object_get(v, "schema_version"));
    if (g->json) {
        json_t *out = json_pack("{s:s, s:O, s:s, s:b}", "server", g->api.base, "version", v,
                                "health", healthy ? "ok" : "unavailable", "healthy", healthy);
        out_json(out);
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

/* The table row for argv[0] (and argv[1] for a group); NULL after printing
 * help or a usage error into *rc.  *used is how many words named it. */
static const struct command *find_command(int argc, char **argv, int *used, int *rc)
{
    const char *name = argv[0];
    bool group = false;
    for (size_t i = 0; i < cli_ncommands; i++) {
        const struct command *c = &cli_commands[i];
        if (strcmp(c->name, name) != 0)
            continue;
        if (!c->sub) {
            *used = 1;
            return c;
        }
        group = true;
        if (argc > 1 && strcmp(c->sub, argv[1]) == 0) {
            *used = 2;
            return c;
        }
    }
    if (!group) {
        fprintf(stderr, "berkas: unknown command '%s' (see berkas --help)\n", name);
        *rc = EXIT_USAGE;
    } else if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        group_usage(name);
        *rc = EXIT_OK;
    } else if (argc > 1) {
        fprintf(stderr, "berkas %s: unknown subcommand '%s' (see berkas %s --help)\n", name,
                argv[1], name);
        *rc = EXIT_USAGE;
    } else {
        fprintf(stderr, "berkas %s: no subcommand given (see berkas %s --help)\n", name, name);
        *rc = EXIT_USAGE;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    struct global g = {0};
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
            if (!*optarg) {
                fprintf(stderr, "berkas: --server needs a URL (see berkas --help)\n");
                return EXIT_USAGE;
            }
            g.server = optarg;
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
    int used = 0, rc = EXIT_USAGE;
    const struct command *cmd = find_command(argc - optind, argv + optind, &used, &rc);
    if (!cmd)
        return rc;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    /* the handler's argv[0] is the last word of its name */
    rc = cmd->run(&g, cmd, argc - optind - used + 1, argv + optind + used - 1);
    cli_end(&g);
    curl_global_cleanup();
    return rc;
}
