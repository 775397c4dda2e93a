/* db.c - see db.h. */
#include "db.h"

#include <errno.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Statements prepared on one connection, keyed by their text: the write
 * path runs the same few dozen statements for every request, and planning
 * them anew each time (with the row-level-security policies folded in) was
 * most of the database's work. */
#define STMT_CACHE 192

struct stmt {
    uint64_t hash;
    char *sql;
};

struct stmt_cache {
    int n;
    struct stmt e[STMT_CACHE];
};

static void cache_clear(struct stmt_cache *c);

struct db_pool {
    char *conninfo;
    char *role;
    int size;
    PGconn **conns;            /* all of them */
    struct stmt_cache *caches; /* one per connection */
    bool *busy;
    pthread_mutex_t lock;
    pthread_cond_t freed;
};

void db_describe(const char *conninfo, char *out, size_t outsz)
{
    char *errmsg = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &errmsg);
    if (!opts) {
        snprintf(out, outsz, "(unparsable connection string)");
        PQfreemem(errmsg);
        return;
    }
    const char *host = NULL, *port = NULL, *dbname = NULL;
    for (PQconninfoOption *o = opts; o->keyword; o++) {
        if (!o->val)
            continue;
        if (strcmp(o->keyword, "host") == 0 || (strcmp(o->keyword, "hostaddr") == 0 && !host))
            host = o->val;
        else if (strcmp(o->keyword, "port") == 0)
            port = o->val;
        else if (strcmp(o->keyword, "dbname") == 0)
            dbname = o->val;
    }
    snprintf(out, outsz, "%s:%s/%s", host ? host : "localhost", port ? port : "5432",
             dbname ? dbname : "(default)");
    PQconninfoFree(opts);
}

/* PostgreSQL's NOTICEs ("relation already exists, skipping") are not for
 * berkasd's log: one line per request is the rule there. */
static void ignore_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

PGconn *db_connect(const char *conninfo, struct berr *err)
{
    return db_connect_as(conninfo, NULL, err);
}

PGconn *db_connect_as(const char *conninfo, const char *role, struct berr *err)
{
    char options[256];
    snprintf(options, sizeof options,
             "-c statement_timeout=5000 -c lock_timeout=2000 "
             "-c idle_in_transaction_session_timeout=10000 -c TimeZone=UTC%s%s",
             role ? " -c role=" : "", role ? role : "");
    /* Our defaults come first, so that anything in the URL overrides them;
     * with a role, the options come again last, so that nothing overrides it. */
    const char *keys[] = {"connect_timeout", "application_name",      "options", "keepalives_idle",
                          "dbname",          role ? "options" : NULL, NULL};
    const char *vals[] = {"5", "berkasd", options, "30", conninfo, options, NULL};
    PGconn *conn = PQconnectdbParams(keys, vals, 1);
    if (!conn) {
        berr_set(err, BERR_UNAVAILABLE, "out of memory connecting to the database");
        return NULL;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        char where[256];
        db_describe(conninfo, where, sizeof where);
        char msg[300];
        snprintf(msg, sizeof msg, "%s", PQerrorMessage(conn));
        msg[strcspn(msg, "\n")] = '\0';
        berr_set(err, BERR_UNAVAILABLE, "cannot connect to database %s: %s", where, msg);
        PQfinish(conn);
        return NULL;
    }
    PQsetNoticeProcessor(conn, ignore_notice, NULL);
    return conn;
}

struct db_pool *db_pool_new(const char *conninfo, int size, const char *role, struct berr *err)
{
    if (size < 1)
        size = 1;
    struct db_pool *p = calloc(1, sizeof *p);
    if (!p)
        goto oom;
    p->size = size;
    p->conninfo = strdup(conninfo);
    p->role = role ? strdup(role) : NULL;
    p->conns = calloc((size_t)size, sizeof *p->conns);
    p->busy = calloc((size_t)size, sizeof *p->busy);
    p->caches = calloc((size_t)size, sizeof *p->caches);
    if (!p->conninfo || !p->conns || !p->busy || !p->caches)
        goto oom;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    for (int i = 0; i < size; i++) {
        p->conns[i] = db_connect_as(conninfo, role, err);
        if (!p->conns[i]) {
            db_pool_free(p);
            return NULL;
        }
    }
    return p;
oom:
    if (p) {
        free(p->conninfo);
        free(p->conns);
        free(p->busy);
        free(p->caches);
        free(p->role);
        free(p);
    }
    berr_set(err, BERR_INTERNAL, "out of memory");
    return NULL;
}

PGconn *db_acquire(struct db_pool *p, int timeout_ms, struct berr *err)
{
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    int slot = -1;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        for (int i = 0; i < p->size; i++)
            if (!p->busy[i]) {
                slot = i;
                break;
            }
        if (slot >= 0)
            break;
        if (pthread_cond_timedwait(&p->freed, &p->lock, &deadline) == ETIMEDOUT)
            break;
    }
    if (slot >= 0)
        p->busy[slot] = true;
    pthread_mutex_unlock(&p->lock);
    if (slot < 0) {
        berr_set(err, BERR_UNAVAILABLE, "no database connection free within %d ms", timeout_ms);
        return NULL;
    }
    PGconn *c = p->conns[slot];
    if (PQstatus(c) != CONNECTION_OK) {
        PQreset(c);
        cache_clear(&p->caches[slot]); /* a new session knows no prepared statement */
        if (PQstatus(c) != CONNECTION_OK) {
            db_release(p, c);
            berr_set(err, BERR_UNAVAILABLE, "the database does not answer");
            return NULL;
        }
    }
    return c;
}

static void cache_clear(struct stmt_cache *c)
{
    for (int i = 0; i < c->n; i++)
        free(c->e[i].sql);
    c->n = 0;
}

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static int slot_of(const struct db_pool *p, const PGconn *conn)
{
    for (int i = 0; i < p->size; i++)
        if (p->conns[i] == conn)
            return i;
    return -1;
}

PGresult *db_exec(struct db_pool *p, PGconn *conn, const char *sql, int nparams,
                  const char *const *params, const int *lengths, const int *formats,
                  int result_format)
{
    int slot = p ? slot_of(p, conn) : -1;
    if (slot < 0)
        return PQexecParams(conn, sql, nparams, NULL, params, lengths, formats, result_format);
    struct stmt_cache *c = &p->caches[slot];
    uint64_t h = fnv1a(sql);
    int found = -1;
    for (int i = 0; i < c->n; i++)
        if (c->e[i].hash == h && strcmp(c->e[i].sql, sql) == 0) {
            found = i;
            break;
        }
    if (found < 0) {
        if (c->n == STMT_CACHE) /* full: the rare statements go unprepared */
            return PQexecParams(conn, sql, nparams, NULL, params, lengths, formats, result_format);
        char name[24];
        snprintf(name, sizeof name, "b%d", c->n);
        PGresult *r = PQprepare(conn, name, sql, nparams, NULL);
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            return r; /* the error, as PQexecParams would have given it */
        PQclear(r);
        char *copy = strdup(sql);
        if (!copy)
            return PQexecParams(conn, sql, nparams, NULL, params, lengths, formats, result_format);
        c->e[c->n].hash = h;
        c->e[c->n].sql = copy;
        found = c->n++;
    }
    char name[24];
    snprintf(name, sizeof name, "b%d", found);
    return PQexecPrepared(conn, name, nparams, params, lengths, formats, result_format);
}

void db_release(struct db_pool *p, PGconn *conn)
{
    if (!conn)
        return;
    if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_IDLE) {
        PGresult *r = PQexec(conn, "ROLLBACK");
        PQclear(r);
    }
    pthread_mutex_lock(&p->lock);
    for (int i = 0; i < p->size; i++)
        if (p->conns[i] == conn) {
            p->busy[i] = false;
            break;
        }
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

bool db_ping(struct db_pool *p, int timeout_ms)
{
    struct berr err = {0};
    PGconn *c = db_acquire(p, timeout_ms, &err);
    if (!c)
        return false;
    PGresult *r = PQexec(c, "SELECT 1");
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    db_release(p, c);
    return ok;
}

void db_pool_free(struct db_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->size; i++) {
        if (p->conns[i])
            PQfinish(p->conns[i]);
        cache_clear(&p->caches[i]);
    }
    free(p->caches);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->freed);
    free(p->conns);
    free(p->busy);
    free(p->conninfo);
    free(p->role);
    free(p);
}
