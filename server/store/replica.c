/* replica.c - see replica.h. */
#include "replica.h"

#include <inttypes.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"

#define WATCH_DEADLINE_MS 2000 /* one look's statement: a hung server is not waited out */
#define ACQUIRE_MS        1000
#define SAMPLES           64
#define HOLD_OFF_MS       (2 * REPLICA_TICK_MS) /* after a read failed there */

/* The primary's flushed WAL position at a time (ms, monotonic). */
struct sample {
    long long t_ms;
    uint64_t lsn;
};

/* What one look found on a server. */
struct server_facts {
    bool in_recovery;
    uint64_t lsn; /* primary: flushed; replica: replayed (0: none yet) */
    char sysid[32];
    char dbname[128];
};

enum verdict { V_NONE, V_FIT, V_AWAY, V_WRONG, V_BEHIND, V_FAILED };

struct replica {
    char where[256]; /* host:port/db, for the log */
    struct db_pool *reads, *watch, *primary;
    long long max_lag_ms;
    pthread_t thread;
    bool started;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    /* under lock */
    bool stopping;
    enum verdict verdict;
    char state[300];
    long long lag_ms;
    long long hold_off_until; /* ms: a read failed there; not used before */
    /* the watcher's own */
    struct sample s[SAMPLES];
    int ns;
    long long caught_up_ms; /* the latest time whose position the replica holds; -1 none */
};

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool replica_conninfo_ok(const char *conninfo, struct berr *err)
{
    char *msg = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &msg);
    if (opts) {
        PQconninfoFree(opts);
        return true;
    }
    char line[300];
    snprintf(line, sizeof line, "%s", msg ? msg : "out of memory");
    line[strcspn(line, "\n")] = '\0';
    PQfreemem(msg);
    return berr_set(err, BERR_BAD_INPUT,
                    "--db-replica is not a libpq connection string or postgresql:// URL: %s", line);
}

static bool parse_lsn(const char *s, uint64_t *out)
{
    unsigned hi, lo;
    if (!s || sscanf(s, "%X/%X", &hi, &lo) != 2)
        return false;
    *out = ((uint64_t)hi << 32) | lo;
    return true;
}

/* One row of facts from the server behind pool; false with why set when it
 * does not answer. */
static bool ask(struct db_pool *pool, bool primary, struct server_facts *f, char *why, size_t whysz)
{
    static const char *const sql_primary =
        "SELECT false, pg_current_wal_flush_lsn()::text, "
        "(SELECT system_identifier FROM pg_control_system())::text, current_database()";
    static const char *const sql_replica =
        "SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn()::text, ''), "
        "(SELECT system_identifier FROM pg_control_system())::text, current_database()";
    struct berr err = {0};
    memset(f, 0, sizeof *f);
    PGconn *c = db_acquire(pool, ACQUIRE_MS, &err);
    if (!c) {
        snprintf(why, whysz, "%.300s", err.message);
        return false;
    }
    PGresult *r = db_exec(pool, c, primary ? sql_primary : sql_replica, 0, NULL, NULL, NULL, 0);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    if (ok) {
        f->in_recovery = PQgetvalue(r, 0, 0)[0] == 't';
        if (!parse_lsn(PQgetvalue(r, 0, 1), &f->lsn))
            f->lsn = 0;
        snprintf(f->sysid, sizeof f->sysid, "%s", PQgetvalue(r, 0, 2));
        snprintf(f->dbname, sizeof f->dbname, "%s", PQgetvalue(r, 0, 3));
    } else {
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        char msg[200];
        snprintf(msg, sizeof msg, "%s", PQerrorMessage(c));
        msg[strcspn(msg, "\n")] = '\0';
        if (state)
            snprintf(why, whysz, "it refused the check: SQLSTATE %s", state);
        else
            snprintf(why, whysz, "%s", msg[0] ? msg : "no answer within the deadline");
    }
    PQclear(r);
    db_release(pool, c);
    return ok;
}

/* The primary was at lsn at time t: kept until the replica gets there.  A
 * position unchanged since the last look only moves that look's time on (an
 * idle primary). */
static void sample_push(struct replica *r, long long t, uint64_t lsn)
{
    if (r->ns > 0 && r->s[r->ns - 1].lsn == lsn) {
        r->s[r->ns - 1].t_ms = t;
        return;
    }
    if (r->ns == SAMPLES) { /* the oldest goes: the lag is then over-, never underestimated */
        memmove(r->s, r->s + 1, (SAMPLES - 1) * sizeof r->s[0]);
        r->ns--;
    }
    r->s[r->ns++] = (struct sample){t, lsn};
}

/* The replica has replayed up to lsn: every time whose position it holds is
 * caught up with. */
static void samples_reached(struct replica *r, uint64_t lsn)
{
    int keep = 0;
    for (int i = 0; i < r->ns; i++) {
        if (r->s[i].lsn <= lsn) {
            if (r->s[i].t_ms > r->caught_up_ms)
                r->caught_up_ms = r->s[i].t_ms;
        } else {
            r->s[keep++] = r->s[i];
        }
    }
    r->ns = keep;
}

/* A new finding: kept, and logged when the verdict changed. */
static void publish(struct replica *r, enum verdict v, const char *state, long long lag_ms)
{
    pthread_mutex_lock(&r->lock);
    if (v == V_FIT && now_ms() < r->hold_off_until) {
        pthread_mutex_unlock(&r->lock);
        return; /* a read just failed there: keep it out a little longer */
    }
    bool changed = v != r->verdict;
    bool first = r->verdict == V_NONE;
    bool was_fit = r->verdict == V_FIT;
    r->verdict = v;
    r->lag_ms = lag_ms;
    if (v == V_FIT)
        snprintf(r->state, sizeof r->state, "in use");
    else
        snprintf(r->state, sizeof r->state, "not used: %s", state);
    pthread_mutex_unlock(&r->lock);
    if (!changed)
        return;
    if (v == V_FIT && !first)
        db_pool_renew(r->reads); /* connections made before it went away are dead */
    if (v == V_FIT)
        fprintf(stderr, "berkasd: replica %s: %s (replay lag %.1f s); heavy reads go to it\n",
                r->where, first || was_fit ? "in use" : "in use again", (double)lag_ms / 1000.0);
    else
        fprintf(stderr, "berkasd: replica %s: not used, heavy reads go to the primary: %s\n",
                r->where, state);
}

/* One look at both servers. */
static enum verdict look(struct replica *r, char *why, size_t whysz, long long *lag_ms)
{
    *lag_ms = -1;
    struct server_facts p, s;
    char pwhy[300] = "";
    long long t = now_ms();
    bool primary_ok = ask(r->primary, true, &p, pwhy, sizeof pwhy);
    if (primary_ok)
        sample_push(r, t, p.lsn);
    if (!ask(r->watch, false, &s, why, whysz)) {
        char msg[300];
        snprintf(msg, sizeof msg, "it does not answer (%.270s)", why);
        snprintf(why, whysz, "%s", msg);
        return V_AWAY;
    }
    if (!s.in_recovery) {
        snprintf(why, whysz, "it is not in recovery: not a standby, or promoted");
        return V_WRONG;
    }
    if (primary_ok && strcmp(p.sysid, s.sysid) != 0) {
        snprintf(why, whysz,
                 "it is a standby of another cluster (system identifier %s, the primary's %s)",
                 s.sysid, p.sysid);
        return V_WRONG;
    }
    if (primary_ok && strcmp(p.dbname, s.dbname) != 0) {
        snprintf(why, whysz, "it serves database %s, the primary %s", s.dbname, p.dbname);
        return V_WRONG;
    }
    samples_reached(r, s.lsn);
    if (r->caught_up_ms < 0) {
        snprintf(why, whysz, "it has not yet replayed what the primary had when first asked%s",
                 primary_ok ? "" : " (the primary does not answer)");
        return V_BEHIND;
    }
    *lag_ms = now_ms() - r->caught_up_ms;
    if (*lag_ms > r->max_lag_ms) {
        snprintf(why, whysz,
                 "it lags %.1f s behind the primary (more than --replica-max-lag %lld s)",
                 (double)*lag_ms / 1000.0, r->max_lag_ms / 1000);
        return V_BEHIND;
    }
    return V_FIT;
}

static void look_and_publish(struct replica *r)
{
    char why[400] = "";
    long long lag;
    enum verdict v = look(r, why, sizeof why, &lag);
    publish(r, v, why, lag);
}

struct replica *replica_open(const char *conninfo, const char *primary_conninfo, int pool_size,
                             int max_lag_s, int deadline_ms, struct berr *err)
{
    if (!replica_conninfo_ok(conninfo, err))
        return NULL;
    struct replica *r = calloc(1, sizeof *r);
    if (!r) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    db_describe(conninfo, r->where, sizeof r->where);
    r->max_lag_ms = (long long)max_lag_s * 1000;
    r->caught_up_ms = -1;
    r->lag_ms = -1;
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->wake, NULL);
    r->reads = db_pool_new_lazy(conninfo, pool_size, "berkas_app", err);
    r->watch = r->reads ? db_pool_new_lazy(conninfo, 1, NULL, err) : NULL;
    r->primary = r->watch ? db_pool_new_lazy(primary_conninfo, 1, NULL, err) : NULL;
    if (!r->primary) {
        replica_free(r);
        return NULL;
    }
    if (deadline_ms > 0)
        db_pool_set_deadline(r->reads, deadline_ms);
    db_pool_set_deadline(r->watch, WATCH_DEADLINE_MS);
    db_pool_set_deadline(r->primary, WATCH_DEADLINE_MS);
    char why[400] = "";
    long long lag;
    enum verdict v = look(r, why, sizeof why, &lag);
    if (v == V_WRONG) {
        berr_set(err, BERR_BAD_INPUT, "--db-replica %s: %s", r->where, why);
        replica_free(r);
        return NULL;
    }
    publish(r, v, why, lag);
    return r;
}

static void *watch_run(void *arg)
{
    struct replica *r = arg;
    pthread_mutex_lock(&r->lock);
    while (!r->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += (long)REPLICA_TICK_MS * 1000000L;
        while (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&r->wake, &r->lock, &until);
        if (r->stopping)
            break;
        pthread_mutex_unlock(&r->lock);
        look_and_publish(r);
        pthread_mutex_lock(&r->lock);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

bool replica_start(struct replica *r, struct berr *err)
{
    if (pthread_create(&r->thread, NULL, watch_run, r) != 0)
        return berr_set(err, BERR_INTERNAL, "cannot start the replica's watcher");
    r->started = true;
    return true;
}

struct db_pool *replica_pool(struct replica *r)
{
    if (!r)
        return NULL;
    pthread_mutex_lock(&r->lock);
    bool fit = r->verdict == V_FIT;
    pthread_mutex_unlock(&r->lock);
    return fit ? r->reads : NULL;
}

void replica_failed(struct replica *r, const char *why)
{
    if (!r)
        return;
    pthread_mutex_lock(&r->lock);
    bool was_fit = r->verdict == V_FIT;
    r->hold_off_until = now_ms() + HOLD_OFF_MS;
    if (was_fit) {
        r->verdict = V_FAILED;
        snprintf(r->state, sizeof r->state, "not used: a read failed there (%s)", why);
    }
    pthread_mutex_unlock(&r->lock);
    if (was_fit)
        fprintf(stderr,
                "berkasd: replica %s: not used, heavy reads go to the primary: a read failed "
                "there (%s)\n",
                r->where, why);
}

void replica_status(struct replica *r, bool *in_use, char *state, size_t statesz, long long *lag_ms)
{
    pthread_mutex_lock(&r->lock);
    *in_use = r->verdict == V_FIT;
    snprintf(state, statesz, "%s", r->state);
    *lag_ms = r->lag_ms;
    pthread_mutex_unlock(&r->lock);
}

enum replica_check replica_check_once(const char *conninfo, const char *primary_conninfo, char *out,
                                      size_t outsz)
{
    char where[256];
    db_describe(conninfo, where, sizeof where);
    struct berr err = {0};
    if (!replica_conninfo_ok(conninfo, &err)) {
        snprintf(out, outsz, "%s", err.message);
        return REPLICA_WRONG;
    }
    struct db_pool *rp = db_pool_new_lazy(conninfo, 1, NULL, &err);
    struct db_pool *pp =
        primary_conninfo && rp ? db_pool_new_lazy(primary_conninfo, 1, NULL, &err) : NULL;
    struct server_facts s, p;
    char why[300] = "";
    enum replica_check rc = REPLICA_OK;
    bool primary_ok = pp && ask(pp, true, &p, why, sizeof why);
    if (!rp || !ask(rp, false, &s, why, sizeof why)) {
        snprintf(out, outsz, "%s: does not answer (%s): heavy reads would go to the primary", where,
                 rp ? why : err.message);
        rc = REPLICA_AWAY;
    } else if (!s.in_recovery) {
        snprintf(out, outsz, "%s: not in recovery: not a standby of the primary", where);
        rc = REPLICA_WRONG;
    } else if (primary_ok && (strcmp(p.sysid, s.sysid) != 0 || strcmp(p.dbname, s.dbname) != 0)) {
        snprintf(out, outsz,
                 "%s: a standby of another cluster or database (%s %s, the primary %s %s)", where,
                 s.sysid, s.dbname, p.sysid, p.dbname);
        rc = REPLICA_WRONG;
    } else if (primary_ok) {
        snprintf(out, outsz, "%s: standby of the primary, %" PRIu64 " bytes of WAL behind it",
                 where, p.lsn > s.lsn ? p.lsn - s.lsn : 0);
    } else {
        snprintf(out, outsz, "%s: a standby (the primary not asked: its lag is measured at start)",
                 where);
    }
    db_pool_free(pp);
    db_pool_free(rp);
    return rc;
}

void replica_free(struct replica *r)
{
    if (!r)
        return;
    if (r->started) {
        pthread_mutex_lock(&r->lock);
        r->stopping = true;
        pthread_cond_signal(&r->wake);
        pthread_mutex_unlock(&r->lock);
        pthread_join(r->thread, NULL);
    }
    db_pool_free(r->primary);
    db_pool_free(r->watch);
    db_pool_free(r->reads);
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->wake);
    free(r);
}
