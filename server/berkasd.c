/*
 * berkasd.c - the berkas server: options, start-up order, signals.
 *
 * Start-up order is chosen so that a failure leaves nothing behind:
 *   1. parse options (bad option: exit 2);
 *   2. bind the HTTP port (in use: exit 1, nothing else touched);
 *   3. open the database: the embedded cluster in --data-dir (initdb on first
 *      start) or --db (unreachable: exit 1);
 *   4. apply migrations (edited or failing migration: exit 1; a cluster this
 *      run created is removed again);
 *   5. serve until SIGTERM or SIGINT, then stop HTTP, then the cluster;
 *      SIGHUP reloads the templates and the TLS certificate and key (the
 *      listener stays).
 * --rebuild-summaries and --check-summaries do 3 and 4, rebuild or compare
 * every case's summary with its log (app/summary.h), and stop; they bind no
 * port.  Every failure is one line on stderr naming the thing at fault.
 */
#include <getopt.h>
#include <libxml/parser.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/admin.h"
#include "app/app.h"
#include "app/demo.h"
#include "app/identity.h"
#include "app/pwlist.h"
#include "app/render_swap.h"
#include "app/summary.h"
#include "app/workspace.h"
#include "config.h"
#include "core/mustcheck.h"
#include "http/server.h"
#include "http/tls.h"
#include "render/render.h"
#include "checkconfig.h"
#include "secret.h"
#include "store/cluster.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/replica.h"
#include "app/install.h"
#include "app/rulesets.h"

#define EXIT_USAGE 2

struct options {
    const char *data_dir;
    const char *db_url;
    const char *db_app;
    bool demo;
    const char *listen;
    const char *sql_dir;
    const char *template_dir;
    const char *web_dir;
    bool web_dir_given;
    const char *font_dir;
    const char *public_url;
    int threads;
    int pool;
    bool no_fsync;
    int receive_timeout;
    int login_workers;
    int db_deadline;
    const char *password_list;
    int summaries; /* 0 serve; else SUMMARY_REBUILD + 1 or SUMMARY_CHECK + 1: do it and stop */
    /* --init-admin NIP: plant a tree (its root office and first admin), then stop */
    const char *init_nip, *admin_name, *admin_pangkat, *admin_golongan, *admin_position;
    const char *admin_password_file;
    const char *root_kind, *root_code, *root_name, *root_tz;
    bool check_config;              /* --check-config: report what a start would find, then stop */
    const char *tls_cert, *tls_key; /* --tls-cert, --tls-key: serve HTTPS */
    const char *db_replica;         /* --db-replica: a standby for the heavy reads */
    int replica_max_lag;            /* seconds */
};

/* Where the migrations, templates, fonts and pages are by default: beside an
 * installed berkasd (BIN/BERKAS_DATA_FROM_BIN/{sql,templates,fonts,web}, found
 * from /proc/self/exe, so that a tree installed elsewhere or under DESTDIR
 * finds its own), else the source and build trees this binary was built
 * from (tools/run, the tests). */
enum default_kind { DIR_SQL, DIR_TEMPLATES, DIR_FONTS, DIR_WEB };

static const char *default_dir(enum default_kind kind)
{
    static char installed[4][4200];
    static int found = -1; /* -1 not looked yet, 0 not installed, 1 installed */
    if (found < 0) {
        found = 0;
        char exe[4096];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        char *slash = n > 0 ? (exe[n] = '\0', strrchr(exe, '/')) : NULL;
        if (slash) {
            *slash = '\0';
            static const char *const names[] = {"sql", "templates", "fonts", "web"};
            found = 1;
            for (int i = 0; i < 4; i++) {
                snprintf(installed[i], sizeof installed[i], "%s/%s/%s", exe, BERKAS_DATA_FROM_BIN,
                         names[i]);
                struct stat st;
                if (i < 3 && (stat(installed[i], &st) != 0 || !S_ISDIR(st.st_mode)))
                    found = 0; /* the pages may be left out: then the API alone */
            }
        }
    }
    if (found)
        return installed[kind];
    return kind == DIR_SQL         ? BERKAS_SQL_DIR
           : kind == DIR_TEMPLATES ? BERKAS_TEMPLATE_DIR
           : kind == DIR_WEB       ? BERKAS_WEB_DIR
                                   : render_default_font_dir();
}

static const char *env_or(const char *name, const char *otherwise)
{
    const char *v = getenv(name);
    return v && *v ? v : otherwise;
}

/* The help's second part: planting a tree (--init-admin), --check-config, the exit status. */
static const char usage_first_start[] =
    "First start (plants a tree: its root office and its first admin, then stops;\n"
    "refused once the tree has its root):\n"
    "      --init-admin NIP     the first admin's NIP (18 digits)\n"
    "      --admin-name NAME    their name (required with --init-admin)\n"
    "      --admin-pangkat P, --admin-golongan G, --admin-position J\n"
    "      --admin-password-file FILE  the password on the file's first line (else\n"
    "                       $BERKAS_ADMIN_PASSWORD, else asked twice on the terminal)\n"
    "      --root KIND      ditjen (Imigrasi, default) or kejagung (Kejaksaan)\n"
    "      --root-code CODE, --root-name NAME, --root-tz TZ  the root office (default\n"
    "                       DITJEN / KEJAGUNG, its full name, Asia/Jakarta)\n"
    "      --check-config   check the listen address, the data dir or --db, the\n"
    "                       replica, the migrations, the templates, the fonts and the\n"
    "                       password list, print what was found, then stop (exit 1 if\n"
    "                       anything fails; a replica that does not answer only warns)\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        show the version and exit\n"
    "\n"
    "Exit status: 0 stopped cleanly (or done), 1 could not start or failed (or\n"
    "--init-admin refused: already initialised, a weak password), 2 bad usage.\n";

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: berkasd [OPTION]...\n"
            "The berkas server: case files of PPNS Keimigrasian over HTTP.\n"
            "\n"
            "With no --db it runs its own PostgreSQL cluster in --data-dir (initdb on the\n"
            "first start, stopped with the server).\n"
            "\n"
            "  -d, --data-dir DIR   data directory (default $BERKAS_DATA_DIR, else ./var/berkas)\n"
            "      --db URL         use an existing PostgreSQL (postgresql://...) instead; its\n"
            "                       user owns the schema and applies the migrations\n"
            "      --db-app URL     how request handlers connect, as role berkas_app (default:\n"
            "                       the --db connection with role berkas_app set)\n"
            "      --db-replica URL a streaming replica of the database (pg_basebackup -R) for\n"
            "                       the heavy reads: the review list and its counts, the\n"
            "                       statistics (default $BERKAS_DB_REPLICA); read as role\n"
            "                       berkas_app; while it is away or lags, they go to the primary\n"
            "      --replica-max-lag S  seconds of replay lag past which the replica is not\n"
            "                       used (default $BERKAS_REPLICA_MAX_LAG, else 30)\n"
            "      --demo           load the demo offices and users into an empty database\n"
            "  -l, --listen ADDR    address:port to serve HTTP on (default $BERKAS_LISTEN, else\n"
            "                       127.0.0.1:8080)\n"
            "      --sql-dir DIR    migrations directory (default %s)\n"
            "      --template-dir DIR  form templates, read again on SIGHUP (default %s)\n"
            "      --font-dir DIR   the prepared fonts (default %s)\n"
            "      --web-dir DIR    the web pages served at / (default %s)\n"
            "      --public-url URL where /verify/{code} is reached, for QR codes\n"
            "                       (default http[s]://ADDR:PORT of --listen)\n"
            "      --tls-cert FILE  serve HTTPS with this PEM certificate chain (default\n"
            "                       $BERKAS_TLS_CERT); read again on SIGHUP\n"
            "      --tls-key FILE   its PEM private key (default $BERKAS_TLS_KEY)\n"
            "      --threads N      HTTP worker threads (default 8)\n"
            "      --db-pool N      database connections (default: --threads)\n"
            "      --login-workers N  passwords hashed at once (log-ons, users added; default 2;\n"
            "                       each takes 64 MiB)\n"
            "      --password-list FILE  common passwords refused for new users (default\n"
            "                       " PWLIST_DEFAULT ", Debian package john-data)\n"
            "      --db-deadline S  seconds any database statement may take before berkasd\n"
            "                       cancels it and answers 503 (default 6)\n"
            "      --receive-timeout S  seconds a client has to send a request's headers and\n"
            "                       body (default 15; 3 while the server is 3/4 full)\n"
            "      --unsafe-no-fsync  embedded cluster without fsync: tests and benches only,\n"
            "                       never for real case files\n"
            "      --rebuild-summaries  rewrite every case's summary (what the lists show) and\n"
            "                       snapshot (what a write decides over) from its log, then stop\n"
            "      --check-summaries  compare every case's summary and snapshot with its log,\n"
            "                       name the cases that differ, then stop (exit 1 if any does)\n"
            "\n",
            default_dir(DIR_SQL), default_dir(DIR_TEMPLATES), default_dir(DIR_FONTS),
            default_dir(DIR_WEB));
    fputs(usage_first_start, out);
}

static int parse_int(const char *s, int lo, int hi, const char *name)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi) {
        fprintf(stderr, "berkasd: %s must be a number from %d to %d, not '%s'\n", name, lo, hi, s);
        exit(EXIT_USAGE);
    }
    return (int)v;
}

/* The options, one row each: its long name (and short letter), what it sets in struct options
 * and how.  getopt_long's table is made from this one, so an option is one row. */
enum opt_kind {
    OPT_STR,     /* a string: the argument itself */
    OPT_FLAG,    /* a bool set true */
    OPT_INT,     /* an int from lo to hi */
    OPT_SET,     /* an int set to lo (a choice among options) */
    OPT_HELP,    /* print the usage and exit 0 */
    OPT_VERSION, /* print the version and exit 0 */
};

struct opt_def {
    const char *name;
    char letter; /* the short option, or 0 */
    enum opt_kind kind;
    size_t off; /* of the member set, in struct options */
    int lo, hi;
};

#define O_STR(n, l, m)                                                                             \
    {                                                                                              \
        n, l, OPT_STR, offsetof(struct options, m), 0, 0                                           \
    }
#define O_FLAG(n, m)                                                                               \
    {                                                                                              \
        n, 0, OPT_FLAG, offsetof(struct options, m), 0, 0                                          \
    }
#define O_INT(n, m, lo, hi)                                                                        \
    {                                                                                              \
        n, 0, OPT_INT, offsetof(struct options, m), lo, hi                                         \
    }
#define O_SET(n, m, v)                                                                             \
    {                                                                                              \
        n, 0, OPT_SET, offsetof(struct options, m), v, v                                           \
    }

static const struct opt_def opt_defs[] = {
    O_STR("data-dir", 'd', data_dir),
    O_STR("db", 0, db_url),
    O_STR("db-app", 0, db_app),
    O_FLAG("demo", demo),
    O_STR("listen", 'l', listen),
    O_STR("sql-dir", 0, sql_dir),
    O_STR("template-dir", 0, template_dir),
    O_STR("font-dir", 0, font_dir),
    O_STR("web-dir", 0, web_dir),
    O_STR("public-url", 0, public_url),
    O_INT("threads", threads, 1, 256),
    O_INT("db-pool", pool, 1, 256),
    O_FLAG("unsafe-no-fsync", no_fsync),
    O_INT("receive-timeout", receive_timeout, 1, 3600),
    O_INT("login-workers", login_workers, 1, 64),
    O_INT("db-deadline", db_deadline, 1, 3600),
    O_STR("password-list", 0, password_list),
    O_SET("rebuild-summaries", summaries, SUMMARY_REBUILD + 1),
    O_SET("check-summaries", summaries, SUMMARY_CHECK + 1),
    O_STR("init-admin", 0, init_nip),
    O_STR("admin-name", 0, admin_name),
    O_STR("admin-pangkat", 0, admin_pangkat),
    O_STR("admin-golongan", 0, admin_golongan),
    O_STR("admin-position", 0, admin_position),
    O_STR("admin-password-file", 0, admin_password_file),
    O_STR("root", 0, root_kind),
    O_STR("root-code", 0, root_code),
    O_STR("root-name", 0, root_name),
    O_STR("root-tz", 0, root_tz),
    O_FLAG("check-config", check_config),
    O_STR("tls-cert", 0, tls_cert),
    O_STR("tls-key", 0, tls_key),
    O_STR("db-replica", 0, db_replica),
    O_INT("replica-max-lag", replica_max_lag, 1, 86400),
    {"help", 'h', OPT_HELP, 0, 0, 0},
    {"version", 'V', OPT_VERSION, 0, 0, 0},
};

#define NOPTS ((int)(sizeof opt_defs / sizeof opt_defs[0]))

/* Apply option d with its argument (NULL for one without) to o. */
static void opt_apply(const struct opt_def *d, const char *arg, struct options *o)
{
    char *member = (char *)o + d->off;
    char flag[64];
    snprintf(flag, sizeof flag, "--%s", d->name);
    switch (d->kind) {
    case OPT_STR:
        memcpy(member, &arg, sizeof arg);
        if (d->off == offsetof(struct options, web_dir))
            o->web_dir_given = true;
        break;
    case OPT_FLAG:
        *(bool *)(void *)member = true;
        break;
    case OPT_INT:
        *(int *)(void *)member = parse_int(arg, d->lo, d->hi, flag);
        break;
    case OPT_SET:
        *(int *)(void *)member = d->lo;
        break;
    case OPT_HELP:
        usage(stdout);
        exit(0);
    case OPT_VERSION:
        printf("berkasd %s\n", BERKAS_VERSION);
        exit(0);
    }
}

/* The defaults: the environment's, else berkasd's own. */
static void opt_defaults(struct options *o)
{
    *o = (struct options){.data_dir = env_or("BERKAS_DATA_DIR", "./var/berkas"),
                          .listen = env_or("BERKAS_LISTEN", "127.0.0.1:8080"),
                          .sql_dir = default_dir(DIR_SQL),
                          .template_dir = default_dir(DIR_TEMPLATES),
                          .font_dir = default_dir(DIR_FONTS),
                          .web_dir = default_dir(DIR_WEB),
                          .tls_cert = env_or("BERKAS_TLS_CERT", NULL),
                          .tls_key = env_or("BERKAS_TLS_KEY", NULL),
                          .db_replica = env_or("BERKAS_DB_REPLICA", NULL),
                          .threads = 8,
                          .password_list = PWLIST_DEFAULT,
                          .login_workers = 2};
    const char *lag = env_or("BERKAS_REPLICA_MAX_LAG", NULL);
    o->replica_max_lag =
        lag ? parse_int(lag, 1, 86400, "BERKAS_REPLICA_MAX_LAG") : REPLICA_MAX_LAG_DEFAULT;
}

__attribute__((format(printf, 1, 2), noreturn)) static void usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("berkasd: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    exit(EXIT_USAGE);
}

/* The options that only go together, and the values one option alone cannot judge. */
static void opt_check(struct options *o)
{
    if (o->pool == 0)
        o->pool = o->threads;
    if (o->init_nip && !o->admin_name)
        usage_error("--init-admin needs --admin-name (see berkasd --help)");
    if (!o->init_nip && (o->admin_name || o->root_kind || o->admin_password_file))
        usage_error("--admin-name, --root and --admin-password-file go with --init-admin (see "
                    "berkasd --help)");
    if ((o->tls_cert && *o->tls_cert) != (o->tls_key && *o->tls_key))
        usage_error("--tls-cert and --tls-key go together (or BERKAS_TLS_CERT and "
                    "BERKAS_TLS_KEY); %s given alone",
                    o->tls_cert && *o->tls_cert ? "the certificate" : "the key");
    if (o->tls_cert && !*o->tls_cert)
        o->tls_cert = o->tls_key = NULL;
    if (o->tls_cert && o->public_url && strncasecmp(o->public_url, "https://", 8) != 0)
        usage_error("--public-url must be https:// when berkasd serves TLS, not '%s'",
                    o->public_url);
    struct berr err = {0};
    if (o->db_replica && !o->check_config && !replica_conninfo_ok(o->db_replica, &err))
        usage_error("%s", err.message);
    if (o->root_kind && strcmp(o->root_kind, "ditjen") != 0 &&
        strcmp(o->root_kind, "kejagung") != 0)
        usage_error("--root must be ditjen or kejagung, not '%s'", o->root_kind);
}

static void parse_options(int argc, char **argv, struct options *o)
{
    struct option longopts[NOPTS + 1];
    for (int i = 0; i < NOPTS; i++) {
        bool arg = opt_defs[i].kind == OPT_STR || opt_defs[i].kind == OPT_INT;
        longopts[i] = (struct option){opt_defs[i].name, arg ? required_argument : no_argument, NULL,
                                      opt_defs[i].letter ? opt_defs[i].letter : 256 + i};
    }
    longopts[NOPTS] = (struct option){NULL, 0, NULL, 0};
    opt_defaults(o);
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":d:l:hV", longopts, NULL)) != -1) {
        const struct opt_def *d = c >= 256 && c < 256 + NOPTS ? &opt_defs[c - 256] : NULL;
        for (int i = 0; !d && c > 0 && c < 256 && i < NOPTS; i++)
            if (opt_defs[i].letter == c)
                d = &opt_defs[i];
        if (d)
            opt_apply(d, optarg, o);
        else if (c == ':')
            usage_error("option %s needs a value (see berkasd --help)", argv[optind - 1]);
        else
            usage_error("unknown option '%s' (see berkasd --help)", argv[optind - 1]);
    }
    if (optind < argc)
        usage_error("unexpected argument '%s' (see berkasd --help)", argv[optind]);
    opt_check(o);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static xmlParserInputPtr no_external_entities(const char *url, const char *id,
                                              xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static void print_demo_logins(bool loaded)
{
    fprintf(stderr, "berkasd: demo data %s; log on with NIP and password \"%s\":\n",
            loaded ? "loaded" : "present", DEMO_PASSWORD);
    for (size_t i = 0; i < demo_users_count; i++)
        fprintf(stderr, "  %-18s  %-12s  %-14s  %s\n", demo_users[i].nip, demo_users[i].role,
                demo_users[i].office, demo_users[i].name);
}

/* Bring the embedded postmaster back after it died (issue 9.5): at once,
 * then with a growing pause between attempts (0.1 s doubling to 5 s) while
 * it will not come up, say because the backends of the dead one still hold
 * its shared memory.  Every step is one log line; the pool drops the
 * connections to the dead server so that no request meets one. */
struct supervisor {
    bool down;
    long long down_since_ms, next_try_ms;
    long pause_ms;
    int attempts;
};

static long long mono_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void supervise(struct supervisor *sv, struct cluster *cluster, struct db_pool *pool)
{
    char how[64];
    if (!sv->down && cluster_reap(cluster, how, sizeof how)) {
        fprintf(stderr, "berkasd: PostgreSQL %s; restarting it\n", how);
        *sv = (struct supervisor){.down = true, .down_since_ms = mono_ms(), .pause_ms = 100};
    }
    if (!sv->down || mono_ms() < sv->next_try_ms)
        return;
    struct berr err = {0};
    sv->attempts++;
    if (cluster_restart(cluster, &err)) {
        db_pool_renew(pool);
        fprintf(stderr, "berkasd: PostgreSQL back after %.1f s (attempt %d)\n",
                (double)(mono_ms() - sv->down_since_ms) / 1000.0, sv->attempts);
        sv->down = false;
        return;
    }
    fprintf(stderr, "berkasd: PostgreSQL restart %d failed: %s; next in %.1f s\n", sv->attempts,
            err.message, (double)sv->pause_ms / 1000.0);
    sv->next_try_ms = mono_ms() + sv->pause_ms;
    sv->pause_ms = sv->pause_ms * 2 > 5000 ? 5000 : sv->pause_ms * 2;
}

/* Serve until a stop signal, which is returned; meanwhile, with an embedded
 * cluster, watch its postmaster (SIGCHLD, and a look every 100 ms while it
 * is being brought back). */
static int serve(struct cluster *cluster, struct db_pool *pool, const sigset_t *stop_signals)
{
    sigset_t waited = *stop_signals;
    sigaddset(&waited, SIGCHLD);
    struct supervisor sv = {0};
    for (;;) {
        struct timespec tick = {.tv_sec = sv.down ? 0 : 1, .tv_nsec = sv.down ? 100000000L : 0};
        int sig = sigtimedwait(&waited, NULL, &tick);
        if (sig > 0 && sig != SIGCHLD)
            return sig;
        if (cluster)
            supervise(&sv, cluster, pool);
    }
}

/* One line of a message (a template's error may quote several). */
static const char *one_line(char *s)
{
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return s;
}

/* SIGHUP (systemctl reload): every template read and checked again, as at
 * start-up, and in force for the requests that start from now on (those
 * running finish with the ones they began with); then the certificate and
 * key read again: new connections get them, open ones keep theirs, the
 * listener stays.  What would not do is logged in one line and what is in
 * force stays. */
static void reload(const struct options *o, struct app *app, struct tls_store *tls)
{
    struct berr err = {0};
    struct render_engine *fresh = render_open(o->template_dir, o->font_dir, &err);
    if (fresh) {
        size_t n = 0;
        render_forms(fresh, &n);
        app_render_swap(app, fresh);
        fprintf(stderr, "berkasd: SIGHUP: templates reloaded from %s: %zu forms\n", o->template_dir,
                n);
    } else {
        fprintf(stderr, "berkasd: SIGHUP: templates kept as they were: %s\n",
                one_line(err.message));
    }
    if (!tls)
        return;
    berr_clear(&err);
    char cert[512];
    if (tls_reload(tls, &err)) {
        tls_describe(tls, cert, sizeof cert);
        fprintf(stderr, "berkasd: SIGHUP: TLS certificate reloaded: %s\n", cert);
    } else {
        tls_describe(tls, cert, sizeof cert);
        fprintf(stderr, "berkasd: SIGHUP: %s; the certificate in force stays (%s)\n", err.message,
                cert);
    }
}

static int fail(const struct berr *err)
{
    fprintf(stderr, "berkasd: %s\n", err->message);
    return 1;
}

/* Steps 3 and 4: the database open (the embedded cluster started, or --db)
 * and migrated.  On failure a cluster this run created is removed. */
static bool open_store(const struct options *o, struct cluster **cluster, const char **conninfo,
                       struct migrate_result *mr, struct berr *err)
{
    *cluster = NULL;
    *conninfo = o->db_url;
    if (!o->db_url) {
        struct cluster_opts copts = {.data_dir = o->data_dir, .no_sync = o->no_fsync};
        *cluster = cluster_open(&copts, err);
        if (!*cluster || !cluster_start(*cluster, err)) {
            cluster_abandon(*cluster);
            *cluster = NULL;
            return false;
        }
        *conninfo = cluster_conninfo(*cluster);
    }
    PGconn *mconn = db_connect(*conninfo, err);
    bool ok = mconn && migrate_run(mconn, o->sql_dir, mr, err);
    if (mconn)
        PQfinish(mconn);
    if (!ok && *cluster) {
        if (cluster_was_created(*cluster))
            cluster_abandon(*cluster);
        else
            cluster_free(*cluster);
        *cluster = NULL;
    }
    return ok;
}

/* --rebuild-summaries, --check-summaries: exit 0 done (and every summary
 * agrees), 1 a summary differs or the work failed. */
static int summaries_once(const struct options *o)
{
    struct berr err = {0};
    struct cluster *cluster = NULL;
    const char *conninfo = NULL;
    struct migrate_result mr = {0};
    if (!open_store(o, &cluster, &conninfo, &mr, &err))
        return fail(&err);
    struct app app = {.embedded = cluster != NULL};
    app.db =
        db_pool_new(o->db_app ? o->db_app : conninfo, 1, o->db_app ? NULL : "berkas_app", &err);
    struct db_pool *maint = app.db ? db_pool_new(conninfo, 1, "berkas_maint", &err) : NULL;
    enum summary_mode mode = (enum summary_mode)(o->summaries - 1);
    struct summary_report rep = {0};
    bool ok = maint && app_rulesets_seed(&app, &err) && summary_sweep(maint, 0, mode, &rep, &err);
    int rc = ok ? 0 : 1;
    if (ok) {
        printf("summaries: %lld cases, %lld written, %lld differing, %lld damaged\n", rep.cases,
               rep.written, rep.mismatched, rep.damaged);
        size_t i;
        json_t *m;
        json_array_foreach(rep.mismatches, i, m)
        {
            printf("  case %lld %s:", (long long)json_integer_value(json_object_get(m, "case_id")),
                   json_string_value(json_object_get(m, "number")));
            size_t k;
            json_t *col;
            json_array_foreach(json_object_get(m, "columns"), k, col)
                printf(" %s", json_string_value(col));
            printf("\n");
        }
        if (mode == SUMMARY_CHECK && rep.mismatched > 0)
            rc = 1;
    } else {
        fprintf(stderr, "berkasd: %s\n", err.message);
    }
    json_decref(rep.mismatches);
    db_pool_free(maint);
    db_pool_free(app.db);
    if (cluster && !cluster_stop(cluster, &err)) {
        fprintf(stderr, "berkasd: %s\n", err.message);
        rc = 1;
    }
    cluster_free(cluster);
    return rc;
}

/* --init-admin: the tree's root office and first admin (app_install_init),
 * then stop.  Exit 0 planted, 1 refused (already initialised, a weak
 * password, a bad value) or failed, 2 no password to be had. */
static int init_admin(const struct options *o, char *password, size_t size)
{
    bool kejagung = o->root_kind && strcmp(o->root_kind, "kejagung") == 0;
    struct office_input office = {.kind = kejagung ? "kejagung" : "ditjen",
                                  .code = o->root_code ? o->root_code
                                          : kejagung   ? "KEJAGUNG"
                                                       : "DITJEN",
                                  .name = o->root_name ? o->root_name
                                          : kejagung   ? "Kejaksaan Agung Republik Indonesia"
                                                       : "Direktorat Jenderal Imigrasi",
                                  .tz = o->root_tz ? o->root_tz : "Asia/Jakarta"};
    struct user_input admin = {.nip = o->init_nip,
                               .name = o->admin_name,
                               .pangkat = o->admin_pangkat,
                               .golongan = o->admin_golongan ? o->admin_golongan : "",
                               .position = o->admin_position,
                               .role = "admin",
                               .password = password};
    struct berr err = {0};
    struct cluster *cluster = NULL;
    const char *conninfo = NULL;
    struct migrate_result mr = {0};
    if (!open_store(o, &cluster, &conninfo, &mr, &err)) {
        sodium_memzero(password, size);
        return fail(&err);
    }
    struct app app = {.embedded = cluster != NULL};
    app.db =
        db_pool_new(o->db_app ? o->db_app : conninfo, 1, o->db_app ? NULL : "berkas_app", &err);
    app.pwlist = app.db ? pwlist_load(o->password_list, &err) : NULL;
    long long office_id = 0, user_id = 0;
    bool ok = app.pwlist && app_install_init(&app, &office, &admin, &office_id, &user_id, &err);
    sodium_memzero(password, size);
    int rc = 0;
    if (ok)
        printf("berkasd: initialised: root office %s (id %lld), admin %s (id %lld); start "
               "berkasd, then: berkas login --nip %s\n",
               office.code, office_id, admin.nip, user_id, admin.nip);
    else
        rc = fail(&err);
    pwlist_free(app.pwlist);
    db_pool_free(app.db);
    if (cluster && !cluster_stop(cluster, &err))
        rc = fail(&err);
    cluster_free(cluster);
    return rc;
}

/* Signals are taken by sigwait() in this thread only: block them before any other thread
 * (libmicrohttpd's, libpq's) exists.  *stop_signals: those that stop or reload berkasd. */
static void block_signals(sigset_t *stop_signals)
{
    sigemptyset(stop_signals);
    sigaddset(stop_signals, SIGTERM);
    sigaddset(stop_signals, SIGINT);
    sigaddset(stop_signals, SIGHUP);
    sigset_t blocked = *stop_signals; /* SIGCHLD too: the postmaster's death, taken in serve() */
    sigaddset(&blocked, SIGCHLD);
    pthread_sigmask(SIG_BLOCK, &blocked, NULL);
    signal(SIGPIPE, SIG_IGN);
}

static int check_config_once(const struct options *o)
{
    struct check_opts co = {.listen = o->listen,
                            .data_dir = o->data_dir,
                            .db_url = o->db_url,
                            .sql_dir = o->sql_dir,
                            .template_dir = o->template_dir,
                            .font_dir = o->font_dir,
                            .password_list = o->password_list,
                            .public_url = o->public_url,
                            .tls_cert = o->tls_cert,
                            .tls_key = o->tls_key,
                            .db_replica = o->db_replica};
    return check_config(&co);
}

/* What the use cases need, over the migrated store: the pools, log-on's limits, the common
 * passwords, the replica, every template checked (a broken one stops start-up naming its
 * line), the rule sets seeded, the demo, and the forms' engine swappable from here on. */
static bool app_open(const struct options *o, struct app *app, const char *conninfo, bool tls,
                     struct berr *err)
{
    app->db = db_pool_new(o->db_app ? o->db_app : conninfo, o->pool,
                          o->db_app ? NULL : "berkas_app", err);
    if (app->db && o->db_deadline > 0)
        db_pool_set_deadline(app->db, o->db_deadline * 1000);
    bool ok = app->db && app_init(app, err) && app_login_init(app, err);
    if (ok) {
        app->pwlist = pwlist_load(o->password_list, err);
        ok = app->pwlist != NULL;
    }
    /* the summaries' maintainer: one connection for the refresher, one for
     * an administrator's check */
    if (ok)
        app->maint = db_pool_new(conninfo, 2, "berkas_maint", err);
    ok = ok && app->maint;
    /* the replica after the migrations: it must be a standby of this primary */
    if (ok && o->db_replica) {
        app->replica = replica_open(o->db_replica, conninfo, o->pool, o->replica_max_lag,
                                    o->db_deadline * 1000, err);
        ok = app->replica && replica_start(app->replica, err);
    }
    if (ok) {
        app->render = render_open(o->template_dir, o->font_dir, err);
        ok = app->render != NULL;
    }
    snprintf(app->public_url, sizeof app->public_url, "%s%s",
             o->public_url ? ""
             : tls         ? "https://"
                           : "http://",
             o->public_url ? o->public_url : o->listen);
    for (size_t n = strlen(app->public_url); n > 0 && app->public_url[n - 1] == '/'; n--)
        app->public_url[n - 1] = '\0';

    ok = ok && app_rulesets_seed(app, err);
    bool demo_loaded = false;
    if (ok && o->demo)
        ok = demo_load(app, &demo_loaded, err);
    if (ok && demo_loaded)
        ok = demo_cases_load(app, err);
    if (ok && o->demo)
        print_demo_logins(demo_loaded);
    /* from here the forms' engine may be swapped (SIGHUP) */
    return ok && app_render_start(app, err);
}

/* Undo app_open, however far it came (no request may be running). */
static void app_close(struct app *app)
{
    app_render_stop(app);
    app_login_free(app);
    pwlist_free(app->pwlist);
    app_summaries_stop(app);
    replica_free(app->replica);
    db_pool_free(app->maint);
    db_pool_free(app->db);
}

/* The pages: a --web-dir given without them stops start-up; the default missing (an install
 * without client/web) only serves none.  *web: whether there are pages to serve. */
static bool web_pages(const struct options *o, bool *web, struct berr *err)
{
    char index[1024];
    snprintf(index, sizeof index, "%s/index.html", o->web_dir);
    *web = access(index, R_OK) == 0;
    if (!*web && o->web_dir_given)
        return berr_set(err, BERR_BAD_INPUT, "--web-dir %s: no readable index.html there",
                        o->web_dir);
    if (!*web)
        fprintf(stderr, "berkasd: no web pages (%s not readable); the API is served alone\n",
                index);
    return true;
}

static void print_ready(const struct options *o, const struct app *app,
                        const struct cluster *cluster, const struct migrate_result *mr,
                        struct tls_store *tls, bool web, const struct timespec *t0)
{
    char where[640];
    if (cluster)
        snprintf(where, sizeof where, "embedded PostgreSQL %s in %s%s", app->pg_version,
                 o->data_dir, cluster_was_created(cluster) ? " (new)" : "");
    else {
        char d[256];
        db_describe(o->db_url, d, sizeof d);
        snprintf(where, sizeof where, "PostgreSQL %s at %s", app->pg_version, d);
    }
    fprintf(stderr,
            "berkasd %s ready in %.2f s: %s://%s (database: %s, schema %d, %d migration%s "
            "applied now)\n",
            BERKAS_VERSION, seconds_since(t0), tls ? "https" : "http", o->listen, where, mr->latest,
            mr->applied_now, mr->applied_now == 1 ? "" : "s");
    if (web)
        fprintf(stderr, "berkasd: pages at %s/\n", app->public_url);
    if (tls) {
        char cert[512];
        tls_describe(tls, cert, sizeof cert);
        fprintf(stderr, "berkasd: TLS certificate %s: %s\n", o->tls_cert, cert);
    }
}

/* The stop in order: HTTP (no request runs after it), the use cases, the cluster.  The exit
 * status: 0, or 1 when the cluster did not stop cleanly. */
static int stop_all(struct http_server *http, struct tls_store *tls, struct app *app,
                    struct cluster *cluster)
{
    http_stop(http);
    tls_free(tls);
    app_close(app);
    int rc = 0;
    struct berr err = {0};
    if (cluster && !cluster_stop(cluster, &err)) {
        fprintf(stderr, "berkasd: %s\n", err.message);
        rc = 1;
    }
    cluster_free(cluster);
    xmlCleanupParser();
    fprintf(stderr, "berkasd: stopped\n");
    return rc;
}

/* --init-admin's password: from the file, the environment or the terminal. */
static bool admin_password(const struct options *o, char *password, size_t size)
{
    char why[512];
    if (secret_read(o->admin_password_file, "BERKAS_ADMIN_PASSWORD",
                    "Password for the first admin: ", password, size, why, sizeof why))
        return true;
    fprintf(stderr, "berkasd: %s\n", why);
    return false;
}

/* Step 5: HTTP served on the bound socket, with the pages when there are some. */
static struct http_server *serve_start(const struct options *o, struct app *app, int listen_fd,
                                       struct tls_store *tls, bool web, struct berr *err)
{
    struct http_opts hopts;
    http_opts_default(&hopts);
    hopts.web_dir = web ? o->web_dir : NULL;
    hopts.threads = (unsigned)o->threads;
    if (o->receive_timeout > 0)
        hopts.receive_timeout = (unsigned)o->receive_timeout;
    hopts.offload_threads = o->login_workers; /* log-ons, off the HTTP workers */
    hopts.offload_queue = 16;
    hopts.tls = tls;
    return http_start(listen_fd, &hopts, app, err);
}

/* What a serving berkasd holds from steps 2 to 5 until it stops (stop_all). */
struct running {
    struct tls_store *tls;
    struct cluster *cluster;
    struct migrate_result mr;
    struct app app;
    bool web; /* whether there are pages to serve */
    struct http_server *http;
};

/* Steps 2 to 5: the certificate and key before anything else is touched, the port bound, the
 * store opened and migrated, the use cases, HTTP started.  On failure what was done is undone
 * (a cluster this run created is removed) and err says why. */
BERKAS_MUST_CHECK static bool start_serving(const struct options *o, struct running *r,
                                            struct berr *err)
{
    *r = (struct running){0};
    r->tls = o->tls_cert ? tls_open(o->tls_cert, o->tls_key, err) : NULL;
    if (o->tls_cert && !r->tls)
        return false;
    int listen_fd = http_bind(o->listen, err);
    if (listen_fd < 0) {
        tls_free(r->tls);
        return false;
    }
    const char *conninfo = NULL;
    if (!open_store(o, &r->cluster, &conninfo, &r->mr, err)) {
        close(listen_fd);
        tls_free(r->tls);
        return false;
    }
    r->app = (struct app){.embedded = r->cluster != NULL};
    r->app.schema_version = r->mr.latest;
    bool ok = app_open(o, &r->app, conninfo, r->tls != NULL, err) && web_pages(o, &r->web, err);
    r->http = ok ? serve_start(o, &r->app, listen_fd, r->tls, r->web, err) : NULL;
    if (r->http)
        return true;
    if (!ok) /* else http_start has closed it */
        close(listen_fd);
    app_close(&r->app);
    if (r->cluster && cluster_was_created(r->cluster))
        cluster_abandon(r->cluster);
    else
        cluster_free(r->cluster);
    tls_free(r->tls);
    return false;
}

int main(int argc, char **argv)
{
    struct options o;
    parse_options(argc, argv, &o);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* --init-admin: the password first, while Ctrl-C still works */
    char password[1025];
    if (o.init_nip && !admin_password(&o, password, sizeof password))
        return EXIT_USAGE;
    sigset_t stop_signals;
    block_signals(&stop_signals);
    setvbuf(stderr, NULL, _IOLBF, 0);

    /* libxml2 once, before any thread: it parses only berkas' own templates
     * and documents, and never fetches anything (RELIABILITY.md C4) */
    xmlInitParser();
    xmlSetExternalEntityLoader(no_external_entities);

    if (o.check_config)
        return check_config_once(&o);
    struct berr err = {0};
    if (o.summaries)
        return summaries_once(&o);
    if (o.init_nip)
        return init_admin(&o, password, sizeof password);
    struct running r;
    if (!start_serving(&o, &r, &err))
        return fail(&err);
    print_ready(&o, &r.app, r.cluster, &r.mr, r.tls, r.web, &t0);
    /* after the seed and the demo (it reads the rule sets), once serving */
    if (!app_summaries_start(&r.app, &err))
        fprintf(stderr, "berkasd: %s: case summaries will not follow rule-set amendments\n",
                err.message);

    int sig;
    while ((sig = serve(r.cluster, r.app.db, &stop_signals)) == SIGHUP)
        reload(&o, &r.app, r.tls);
    fprintf(stderr, "berkasd: signal %d, stopping\n", sig);
    return stop_all(r.http, r.tls, &r.app, r.cluster);
}
