/*
 * checkconfig.c - berkasd --check-config: what a start would find, without
 * starting.  One line per thing checked ("ok" or "FAIL", what, where and
 * what was found there), so that an administrator (or a unit's
 * ExecStartPre) sees every problem at once instead of the first one a start
 * meets.  Nothing is written: a data dir that does not exist yet is
 * reported as made on the first start, an existing one is opened and its
 * lock taken and given back, never initialised.
 */
#include "checkconfig.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/pwlist.h"
#include "http/server.h"
#include "http/tls.h"
#include "render/render.h"
#include "store/cluster.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/replica.h"

static int failures;

static void report(bool ok, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void report(bool ok, const char *what, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%-4s  %-14s ", ok ? "ok" : "FAIL", what);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (!ok)
        failures++;
}

static void check_listen(const char *listen)
{
    struct berr err = {0};
    int fd = http_bind(listen, &err);
    if (fd >= 0) {
        close(fd);
        report(true, "listen", "%s: free to bind", listen);
    } else {
        report(false, "listen", "%s", err.message);
    }
}

static void check_database(const struct check_opts *o)
{
    struct berr err = {0};
    if (o->db_url) {
        char d[256];
        db_describe(o->db_url, d, sizeof d);
        PGconn *c = db_connect(o->db_url, &err);
        if (!c) {
            report(false, "database", "%s", err.message);
            return;
        }
        char version[64] = "?";
        bool schema = false;
        bool ok = migrate_server(c, version, sizeof version, &schema, &err);
        report(ok, "database", "%s: PostgreSQL %s, %s", d, version,
               schema ? "berkas schema present" : "empty (migrated on the first start)");
        PQfinish(c);
        return;
    }
    struct stat st;
    if (stat(o->data_dir, &st) == -1) {
        char *copy = strdup(o->data_dir);
        const char *parent = copy ? dirname(copy) : ".";
        bool ok = errno == ENOENT && access(parent, W_OK) == 0;
        report(ok, "data dir", "%s: %s", o->data_dir,
               ok ? "not there yet: made (initdb) on the first start"
                  : "missing, and its parent is not writable");
        free(copy);
        return;
    }
    struct cluster_opts copts = {.data_dir = o->data_dir};
    struct cluster *c = cluster_open(&copts, &err);
    if (!c) {
        report(false, "data dir", "%s", err.message);
        return;
    }
    char pg[4200];
    snprintf(pg, sizeof pg, "%s/pg/PG_VERSION", o->data_dir);
    bool made = access(pg, F_OK) == 0;
    report(true, "data dir", "%s: %s", o->data_dir,
           made ? "embedded cluster present" : "empty: initdb on the first start");
    cluster_free(c);
}

static void check_sql(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        report(false, "sql dir", "%s: %s", dir, strerror(errno));
        return;
    }
    int n = 0, latest = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        int num = migrate_parse_name(e->d_name);
        if (num > 0) {
            n++;
            latest = num > latest ? num : latest;
        }
    }
    closedir(d);
    report(n > 0, "sql dir", "%s: %d migrations, the latest %04d", dir, n, latest);
}

static void check_render(const char *templates, const char *fonts)
{
    struct berr err = {0};
    struct render_engine *e = render_open(templates, fonts, &err);
    if (!e) {
        report(false, "templates", "%s", err.message);
        return;
    }
    size_t n = 0;
    render_forms(e, &n);
    report(true, "templates", "%s: %zu forms, every one checked", templates, n);
    report(true, "fonts", "%s", render_font_dir(e));
    render_close(e);
}

static void check_pwlist(const char *path)
{
    struct berr err = {0};
    struct pwlist *l = pwlist_load(path, &err);
    if (!l) {
        report(false, "password list", "%s", err.message);
        return;
    }
    report(true, "password list", "%s: %d common passwords", path, pwlist_count(l));
    pwlist_free(l);
}

static void check_tls(const char *cert, const char *key)
{
    struct berr err = {0};
    struct tls_store *t = tls_open(cert, key, &err);
    if (!t) {
        report(false, "tls", "%s", err.message);
        return;
    }
    char what[512];
    tls_describe(t, what, sizeof what);
    report(true, "tls", "%s and %s: %s", cert, key, what);
    tls_free(t);
}

/* A replica that does not answer is no reason to refuse a start (heavy
 * reads go to the primary meanwhile): a warning, not a failure. */
static void check_replica(const char *replica, const char *primary)
{
    char line[700];
    enum replica_check rc = replica_check_once(replica, primary, line, sizeof line);
    if (rc == REPLICA_AWAY)
        printf("%-4s  %-14s %s\n", "warn", "replica", line);
    else
        report(rc == REPLICA_OK, "replica", "%s", line);
}

int check_config(const struct check_opts *o)
{
    failures = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    check_listen(o->listen);
    check_database(o);
    if (o->db_replica)
        check_replica(o->db_replica, o->db_url);
    check_sql(o->sql_dir);
    check_render(o->template_dir, o->font_dir);
    check_pwlist(o->password_list);
    if (o->tls_cert)
        check_tls(o->tls_cert, o->tls_key);
    if (o->public_url)
        report(strncmp(o->public_url, "http://", 7) == 0 ||
                   strncmp(o->public_url, "https://", 8) == 0,
               "public url", "%s", o->public_url);
    printf("%s\n", failures ? "berkasd: configuration has problems (FAIL above)"
                            : "berkasd: configuration ok");
    return failures ? 1 : 0;
}
