/* db.c - see db.h. */
#include "db.h"

#include <errno.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Statements prepared on one connection: the write path runs the same few
 * dozen statements for every request, and planning them anew each time (with
 * the row-level-security policies folded in) was most of the database's work.
 * A query module's statement is found by its name (one text per name: the
 * server refuses a second), an unnamed one by its text; hashing the name, not
 * the text (the summaries' upsert is about 3 KB), keeps the look-up cheap. */
#define STMT_CACHE 192

struct stmt {
    uint64_t hash;  /* of the name when named, else of the text */
    bool named;     /* prepared under the query module's name */
    uintptr_t from; /* the address of the caller's text last found here: that text is this */
    char *sql;
    char name[64]; /* its name on the server: the query module's, or "b<slot>" */
};

struct stmt_cache {
    int n;
    struct stmt e[STMT_CACHE];
};

static void cache_clear(struct stmt_cache *c);

#define CONNECT_DEADLINE_MS  5000
#define ROLLBACK_DEADLINE_MS 1000
#define CANCELLERS_MAX       4 /* cancels in flight at once; more are not sent */

struct db_pool {
    char *conninfo;
    char *role;
    int size;
    int deadline_ms;           /* per statement, client side */
    PGconn **conns;            /* all of them; NULL: to be made at the next checkout */
    struct stmt_cache *caches; /* one per connection */
    bool *busy;
    bool *abandoned;       /* a statement passed its deadline: never used again */
    unsigned *made_in;     /* the generation each connection was made in */
    unsigned generation;   /* bumped by db_pool_renew() */
    long long quiet_until; /* ms, monotonic: the database just failed to answer; until then
                              only probes (db_ping) try it, the rest fail at once */
    pthread_mutex_t lock;  /* busy, made_in, generation */
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

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait until the socket is ready for ev, at most until deadline (ms,
 * monotonic).  False when the deadline passed. */
static bool wait_socket(PGconn *c, short ev, long long deadline)
{
    for (;;) {
        long long left = deadline - now_ms();
        if (left <= 0)
            return false;
        struct pollfd pfd = {.fd = PQsocket(c), .events = ev};
        int n = poll(&pfd, 1, (int)left);
        if (n > 0 || (n < 0 && errno != EINTR))
            return true; /* ready, or an error libpq will report itself */
    }
}

/* PQconnectStartParams driven to its end within deadline_ms: a hung server
 * accepts the socket and then says nothing, which the blocking calls would
 * wait out for connect_timeout on every checkout. */
static PGconn *connect_within(const char *const *keys, const char *const *vals, int deadline_ms)
{
    PGconn *c = PQconnectStartParams(keys, vals, 1);
    if (!c || PQstatus(c) == CONNECTION_BAD)
        return c;
    long long deadline = now_ms() + deadline_ms;
    PostgresPollingStatusType st = PGRES_POLLING_WRITING;
    while (st != PGRES_POLLING_OK && st != PGRES_POLLING_FAILED) {
        short ev = st == PGRES_POLLING_READING ? POLLIN : POLLOUT;
        if (!wait_socket(c, ev, deadline)) {
            PQfinish(c);
            return NULL;
        }
        st = PQconnectPoll(c);
    }
    return c;
}

/* db_connect_as with the deadline given. */
static PGconn *connect_role(const char *conninfo, const char *role, int deadline_ms,
                            struct berr *err)
{
    /* No JIT: berkasd's statements are short and bounded by statement_timeout, and the read
     * policies' subplans inflate the planner's estimates past jit_above_cost as a table grows
     * (a 10,000-act log read: 62-68 ms with JIT, 10-14 ms without; a national case list: about
     * 470 ms of JIT; MEASURED.md), so compiling never pays; once per connection, never per
     * transaction (a URL's own options may still turn it on). */
    char options[256];
    snprintf(options, sizeof options,
             "-c statement_timeout=5000 -c lock_timeout=2000 "
             "-c idle_in_transaction_session_timeout=10000 -c TimeZone=UTC -c jit=off%s%s",
             role ? " -c role=" : "", role ? role : "");
    /* Our defaults come first, so that anything in the URL overrides them;
     * with a role, the options come again last, so that nothing overrides it. */
    const char *keys[] = {"connect_timeout", "application_name",      "options", "keepalives_idle",
                          "dbname",          role ? "options" : NULL, NULL};
    const char *vals[] = {"5", "berkasd", options, "30", conninfo, options, NULL};
    PGconn *conn = connect_within(keys, vals, deadline_ms);
    char where[256];
    db_describe(conninfo, where, sizeof where);
    if (!conn) {
        berr_set(err, BERR_UNAVAILABLE, "cannot connect to database %s: no answer within %d ms",
                 where, deadline_ms);
        return NULL;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
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

PGconn *db_connect_as(const char *conninfo, const char *role, struct berr *err)
{
    return connect_role(conninfo, role, CONNECT_DEADLINE_MS, err);
}

static struct db_pool *pool_new(const char *conninfo, int size, const char *role, bool connect,
                                struct berr *err);

struct db_pool *db_pool_new(const char *conninfo, int size, const char *role, struct berr *err)
{
    return pool_new(conninfo, size, role, true, err);
}

struct db_pool *db_pool_new_lazy(const char *conninfo, int size, const char *role, struct berr *err)
{
    return pool_new(conninfo, size, role, false, err);
}

static struct db_pool *pool_new(const char *conninfo, int size, const char *role, bool connect,
                                struct berr *err)
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
    p->abandoned = calloc((size_t)size, sizeof *p->abandoned);
    p->made_in = calloc((size_t)size, sizeof *p->made_in);
    p->deadline_ms = DB_DEADLINE_MS;
    if (!p->conninfo || !p->conns || !p->busy || !p->caches || !p->abandoned || !p->made_in)
        goto oom;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    for (int i = 0; i < size && connect; i++) {
        p->conns[i] = db_connect_as(conninfo, role, err);
        if (!p->conns[i]) {
            db_pool_free(p);
            return NULL;
        }
        PQsetnonblocking(p->conns[i], 1); /* sends never block: see await() */
    }
    return p;
oom:
    if (p) {
        free(p->conninfo);
        free(p->conns);
        free(p->busy);
        free(p->caches);
        free(p->abandoned);
        free(p->made_in);
        free(p->role);
        free(p);
    }
    berr_set(err, BERR_INTERNAL, "out of memory");
    return NULL;
}

void db_pool_set_deadline(struct db_pool *p, int deadline_ms)
{
    if (deadline_ms > 0)
        p->deadline_ms = deadline_ms;
}

void db_pool_renew(struct db_pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->generation++;
    p->quiet_until = 0;
    pthread_mutex_unlock(&p->lock);
}

/* A hung database would make every request wait out the deadline, one after
 * the other, while the HTTP workers pile up behind them.  After it failed to
 * answer, it is left alone for QUIET_MS: requests get 503 at once, and only
 * /healthz (a probe) asks it again; a probe that gets through ends the
 * quiet at once. */
#define QUIET_MS 1000

static void quiet_start(struct db_pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->quiet_until = now_ms() + QUIET_MS;
    pthread_mutex_unlock(&p->lock);
}

static bool quiet_now(struct db_pool *p)
{
    pthread_mutex_lock(&p->lock);
    bool q = now_ms() < p->quiet_until;
    pthread_mutex_unlock(&p->lock);
    return q;
}

static void quiet_end(struct db_pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->quiet_until = 0;
    pthread_mutex_unlock(&p->lock);
}

/* The connection in slot, made anew when it is missing, broken or older than
 * the database's last restart, within what is left until deadline (ms,
 * monotonic; at least half a second). */
static bool slot_ready(struct db_pool *p, int slot, unsigned generation, long long deadline,
                       bool probe, struct berr *err)
{
    PGconn *c = p->conns[slot];
    if (c && PQstatus(c) == CONNECTION_OK && p->made_in[slot] == generation)
        return true;
    if (!probe && quiet_now(p))
        return berr_set(err, BERR_UNAVAILABLE, "the database did not answer a moment ago");
    pthread_mutex_lock(&p->lock); /* out of the table before its memory can be reused */
    p->conns[slot] = NULL;
    pthread_mutex_unlock(&p->lock);
    if (c)
        PQfinish(c);
    cache_clear(&p->caches[slot]); /* a new session knows no prepared statement */
    long long left = deadline - now_ms();
    left = left < 500 ? 500 : left > CONNECT_DEADLINE_MS ? CONNECT_DEADLINE_MS : left;
    c = connect_role(p->conninfo, p->role, (int)left, err);
    if (!c) {
        quiet_start(p);
        return false;
    }
    PQsetnonblocking(c, 1);
    pthread_mutex_lock(&p->lock);
    p->conns[slot] = c;
    p->made_in[slot] = generation;
    pthread_mutex_unlock(&p->lock);
    return true;
}

static PGconn *acquire(struct db_pool *p, int timeout_ms, bool probe, struct berr *err);

PGconn *db_acquire(struct db_pool *p, int timeout_ms, struct berr *err)
{
    return acquire(p, timeout_ms, false, err);
}

static PGconn *acquire(struct db_pool *p, int timeout_ms, bool probe, struct berr *err)
{
    long long deadline_ms = now_ms() + timeout_ms;
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
    unsigned generation = p->generation;
    pthread_mutex_unlock(&p->lock);
    if (slot < 0) {
        berr_set(err, BERR_UNAVAILABLE, "no database connection free within %d ms", timeout_ms);
        return NULL;
    }
    p->abandoned[slot] = false;
    if (!slot_ready(p, slot, generation, deadline_ms, probe, err)) {
        pthread_mutex_lock(&p->lock);
        p->busy[slot] = false;
        pthread_cond_signal(&p->freed);
        pthread_mutex_unlock(&p->lock);
        return NULL;
    }
    return p->conns[slot];
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

/* Which slot conn is in (under the lock: another thread may be replacing
 * its own slot's connection meanwhile). */
static int slot_of(struct db_pool *p, const PGconn *conn)
{
    int slot = -1;
    pthread_mutex_lock(&p->lock);
    for (int i = 0; i < p->size && slot < 0; i++)
        if (p->conns[i] == conn)
            slot = i;
    pthread_mutex_unlock(&p->lock);
    return slot;
}

/* ---- the deadline ------------------------------------------------------------------- */

static atomic_int cancellers;

static void *cancel_run(void *arg)
{
    PGcancel *k = arg;
    char msg[256];
    PQcancel(k, msg, sizeof msg); /* waits for the postmaster, however long it is hung */
    PQfreeCancel(k);
    atomic_fetch_sub(&cancellers, 1);
    return NULL;
}

/* Past its deadline: ask the server to cancel the statement, from a thread
 * of its own (PQcancel waits for the postmaster's answer, and a hung one
 * gives none), and never use the connection again. */
static void abandon(struct db_pool *p, int slot, PGconn *c)
{
    if (slot >= 0)
        p->abandoned[slot] = true;
    quiet_start(p);
    PGcancel *k = PQgetCancel(c);
    if (!k)
        return;
    pthread_t t;
    pthread_attr_t attr;
    bool sent = false;
    if (atomic_fetch_add(&cancellers, 1) < CANCELLERS_MAX && pthread_attr_init(&attr) == 0) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        sent = pthread_create(&t, &attr, cancel_run, k) == 0;
        pthread_attr_destroy(&attr);
    }
    if (!sent) { /* enough cancels wait already: the dropped connection will do */
        atomic_fetch_sub(&cancellers, 1);
        PQfreeCancel(k);
    }
}

/* The answer to what was just sent on c, within deadline (ms, monotonic):
 * the last result (an error one wins), or a made-up error result when the
 * deadline passed (no SQLSTATE: "the database does not answer"). */
static PGresult *await(struct db_pool *p, int slot, PGconn *c, long long deadline)
{
    int flushed;
    while ((flushed = PQflush(c)) == 1) /* the rest of a large parameter, say a PDF */
        if (!wait_socket(c, POLLIN | POLLOUT, deadline) || !PQconsumeInput(c))
            break;
    if (flushed == 1) {
        if (PQstatus(c) == CONNECTION_OK) {
            abandon(p, slot, c);
            fprintf(stderr, "berkasd: database: no answer within the deadline; cancelled\n");
        }
        return PQmakeEmptyPGresult(c, PGRES_FATAL_ERROR);
    }
    PGresult *last = NULL;
    for (;;) {
        while (PQisBusy(c) && PQstatus(c) == CONNECTION_OK) {
            if (!wait_socket(c, POLLIN, deadline)) {
                abandon(p, slot, c);
                fprintf(stderr, "berkasd: database: no answer within the deadline; cancelled\n");
                PQclear(last);
                return PQmakeEmptyPGresult(c, PGRES_FATAL_ERROR);
            }
            if (!PQconsumeInput(c))
                break; /* the connection broke: PQgetResult says how */
        }
        PGresult *r = PQgetResult(c);
        if (!r)
            return last ? last : PQmakeEmptyPGresult(c, PGRES_FATAL_ERROR);
        bool failed = PQresultStatus(r) == PGRES_FATAL_ERROR;
        if (last && PQresultStatus(last) == PGRES_FATAL_ERROR && !failed) {
            PQclear(r); /* keep the error */
        } else {
            PQclear(last);
            last = r;
        }
        if (PQstatus(c) != CONNECTION_OK)
            return last;
    }
}

/* One statement sent with PQsendQueryParams/PQsendQueryPrepared/PQsendPrepare
 * (sent: their return), awaited within the deadline. */
static PGresult *sent_or_error(struct db_pool *p, int slot, PGconn *c, int sent, long long deadline)
{
    if (!sent)
        return PQmakeEmptyPGresult(c, PGRES_FATAL_ERROR); /* PQerrorMessage says why */
    return await(p, slot, c, deadline);
}

static PGresult *exec_within(struct db_pool *p, PGconn *conn, int deadline_ms, bool probe,
                             const char *name, const char *sql, int nparams,
                             const char *const *params, const int *lengths, const int *formats,
                             int result_format);

PGresult *db_exec_within(struct db_pool *p, PGconn *conn, int deadline_ms, const char *sql,
                         int nparams, const char *const *params, const int *lengths,
                         const int *formats, int result_format)
{
    return exec_within(p, conn, deadline_ms, false, NULL, sql, nparams, params, lengths, formats,
                       result_format);
}

/* The index in slot's cache of sql, prepared on the server at its first use;
 * -1 when it cannot be (the cache is full: it runs unprepared; *failed NULL),
 * or when preparing it failed (*failed the error). */
static int prepared(struct db_pool *p, int slot, PGconn *conn, const char *name, const char *sql,
                    int nparams, long long deadline, PGresult **failed)
{
    *failed = NULL;
    struct stmt_cache *c = &p->caches[slot];
    bool named = name && strlen(name) < sizeof c->e[0].name && strchr(name, '.');
    uint64_t h = fnv1a(named ? name : sql);
    for (int i = 0; i < c->n; i++) {
        struct stmt *e = &c->e[i];
        if (e->hash != h || e->named != named ||
            strcmp(named ? e->name : e->sql, named ? name : sql) != 0)
            continue;
        if (!named || e->from == (uintptr_t)sql || strcmp(e->sql, sql) == 0) {
            e->from = (uintptr_t)sql;
            return i;
        }
        return -1; /* a second text under a name taken: it runs unprepared */
    }
    char *copy = c->n < STMT_CACHE ? strdup(sql) : NULL;
    if (!copy) /* full (the rare statements go unprepared), or out of memory */
        return -1;
    struct stmt *e = &c->e[c->n];
    if (named)
        snprintf(e->name, sizeof e->name, "%s", name);
    else /* "b<slot>", no dot: an unnamed statement's */
        snprintf(e->name, sizeof e->name, "b%d", c->n);
    PGresult *r =
        sent_or_error(p, slot, conn, PQsendPrepare(conn, e->name, sql, nparams, NULL), deadline);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        free(copy);
        *failed = r; /* the error, as PQexecParams would have given it */
        return -1;
    }
    PQclear(r);
    e->hash = h;
    e->named = named;
    e->from = (uintptr_t)sql;
    e->sql = copy;
    return c->n++;
}

static PGresult *exec_within(struct db_pool *p, PGconn *conn, int deadline_ms, bool probe,
                             const char *name, const char *sql, int nparams,
                             const char *const *params, const int *lengths, const int *formats,
                             int result_format)
{
    int slot = p ? slot_of(p, conn) : -1;
    if (slot < 0) /* not a pooled connection: the migrator's, at start-up */
        return PQexecParams(conn, sql, nparams, NULL, params, lengths, formats, result_format);
    /* a statement before this one passed its deadline, or the database is
     * being left alone for a moment (quiet_start) */
    if (p->abandoned[slot] || (!probe && quiet_now(p)))
        return PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR);
    long long deadline = now_ms() + deadline_ms;
    PGresult *failed;
    int found = prepared(p, slot, conn, name, sql, nparams, deadline, &failed);
    if (failed)
        return failed;
    if (found < 0)
        return sent_or_error(
            p, slot, conn,
            PQsendQueryParams(conn, sql, nparams, NULL, params, lengths, formats, result_format),
            deadline);
    return sent_or_error(p, slot, conn,
                         PQsendQueryPrepared(conn, p->caches[slot].e[found].name, nparams, params,
                                             lengths, formats, result_format),
                         deadline);
}

/* Past the deadline or broken in the middle of a pipeline: the connection
 * is not used again (its pipeline may still hold answers). */
static void batch_lost(struct db_pool *p, int slot, PGconn *c, int n, PGresult **out)
{
    if (PQstatus(c) == CONNECTION_OK)
        abandon(p, slot, c);
    else if (slot >= 0)
        p->abandoned[slot] = true;
    for (int i = 0; i < n; i++)
        if (!out[i])
            out[i] = PQmakeEmptyPGresult(c, PGRES_FATAL_ERROR);
}

/* Each statement of the batch prepared (once per connection), outside the
 * pipeline: found[i] its cache entry, -1 to run it unprepared.  false when
 * one failed: its error in out[i], every other answer an error too. */
static bool batch_prepare(struct db_pool *p, int slot, PGconn *conn, int n,
                          const struct db_batch *b, long long deadline, int *found, PGresult **out)
{
    for (int i = 0; i < n; i++) {
        PGresult *failed;
        found[i] = prepared(p, slot, conn, b[i].name, b[i].sql, b[i].nparams, deadline, &failed);
        if (failed) {
            out[i] = failed;
            for (int k = 0; k < n; k++)
                if (!out[k])
                    out[k] = PQmakeEmptyPGresult(conn, PGRES_FATAL_ERROR);
            return false;
        }
    }
    return true;
}

/* Every statement sent into the pipeline, then its sync point. */
static bool batch_send(struct db_pool *p, int slot, PGconn *conn, int n, const struct db_batch *b,
                       const int *found)
{
    bool sent = true;
    for (int i = 0; i < n && sent; i++)
        sent = found[i] >= 0 ? PQsendQueryPrepared(conn, p->caches[slot].e[found[i]].name,
                                                   b[i].nparams, b[i].params, NULL, NULL, 0)
                             : PQsendQueryParams(conn, b[i].sql, b[i].nparams, NULL, b[i].params,
                                                 NULL, NULL, 0);
    return sent && PQpipelineSync(conn);
}

/* Read on to the pipeline's sync point; false when the connection broke or
 * the deadline passed first. */
static bool batch_synced(PGconn *conn, long long deadline)
{
    for (;;) {
        while (PQisBusy(conn) && PQstatus(conn) == CONNECTION_OK)
            if (!wait_socket(conn, POLLIN, deadline) || !PQconsumeInput(conn))
                break;
        PGresult *r = PQisBusy(conn) ? NULL : PQgetResult(conn);
        if (!r)
            return false;
        bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
        PQclear(r);
        if (sync)
            return true;
    }
}

void db_exec_batch(struct db_pool *p, PGconn *conn, int n, const struct db_batch *b, PGresult **out)
{
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    int slot = p ? slot_of(p, conn) : -1;
    if (slot < 0 || p->abandoned[slot] || quiet_now(p)) {
        /* one by one: exec_within says why not (or runs the migrator's) */
        for (int i = 0; i < n; i++)
            out[i] = exec_within(p, conn, p ? p->deadline_ms : 0, false, b[i].name, b[i].sql,
                                 b[i].nparams, b[i].params, NULL, NULL, 0);
        return;
    }
    long long deadline = now_ms() + p->deadline_ms;
    int found[DB_BATCH_MAX];
    if (!batch_prepare(p, slot, conn, n, b, deadline, found, out))
        return;
    if (!PQenterPipelineMode(conn) || !batch_send(p, slot, conn, n, b, found)) {
        batch_lost(p, slot, conn, n, out);
        return;
    }
    /* each statement's results end with a NULL from PQgetResult (await); an
     * error aborts the rest of the pipeline, whose results then say so */
    for (int i = 0; i < n; i++) {
        out[i] = await(p, slot, conn, deadline);
        if (p->abandoned[slot] || PQstatus(conn) != CONNECTION_OK) {
            batch_lost(p, slot, conn, n, out);
            return;
        }
    }
    if (!batch_synced(conn, deadline) || !PQexitPipelineMode(conn))
        batch_lost(p, slot, conn, n, out);
}

PGresult *db_exec(struct db_pool *p, PGconn *conn, const char *sql, int nparams,
                  const char *const *params, const int *lengths, const int *formats,
                  int result_format)
{
    return db_exec_within(p, conn, p ? p->deadline_ms : 0, sql, nparams, params, lengths, formats,
                          result_format);
}

PGresult *db_exec_named(struct db_pool *p, PGconn *conn, const char *name, const char *sql,
                        int nparams, const char *const *params)
{
    return exec_within(p, conn, p ? p->deadline_ms : 0, false, name, sql, nparams, params, NULL,
                       NULL, 0);
}

PGresult *db_exec_named_bin(struct db_pool *p, PGconn *conn, const char *name, const char *sql,
                            int nparams, const char *const *params, const int *lengths,
                            const int *formats, int result_format)
{
    return exec_within(p, conn, p ? p->deadline_ms : 0, false, name, sql, nparams, params, lengths,
                       formats, result_format);
}

void db_release(struct db_pool *p, PGconn *conn)
{
    if (!conn)
        return;
    int slot = slot_of(p, conn);
    if (slot >= 0 && !p->abandoned[slot] && PQstatus(conn) == CONNECTION_OK &&
        PQtransactionStatus(conn) != PQTRANS_IDLE) {
        PGresult *r = exec_within(p, conn, ROLLBACK_DEADLINE_MS, true, NULL, "ROLLBACK", 0, NULL,
                                  NULL, NULL, 0);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            p->abandoned[slot] = true; /* still in its transaction: not for the next request */
        PQclear(r);
    }
    bool drop = slot >= 0 && p->abandoned[slot]; /* whatever it was doing, it goes */
    if (drop) {
        pthread_mutex_lock(&p->lock); /* out of the table before its memory can be reused */
        p->conns[slot] = NULL;
        pthread_mutex_unlock(&p->lock);
        PQfinish(conn);
        cache_clear(&p->caches[slot]);
    }
    pthread_mutex_lock(&p->lock);
    if (slot >= 0)
        p->busy[slot] = false;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

bool db_ping(struct db_pool *p, int timeout_ms)
{
    struct berr err = {0};
    long long start = now_ms();
    PGconn *c = acquire(p, timeout_ms, true, &err);
    if (!c)
        return false;
    long long left = timeout_ms - (now_ms() - start);
    PGresult *r = exec_within(p, c, left > 100 ? (int)left : 100, true, NULL, "SELECT 1", 0, NULL,
                              NULL, NULL, 0);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    if (ok)
        quiet_end(p);
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
    free(p->abandoned);
    free(p->made_in);
    free(p->conninfo);
    free(p->role);
    free(p);
}
