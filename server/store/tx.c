/* tx.c - see tx.h. */
#include "tx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

#define ACQUIRE_TIMEOUT_MS 2000

/* Statements waiting for the next round trip: at most TX_PENDING_MAX, so
 * that they and a full batch of the caller's still make one pipeline of
 * DB_BATCH_MAX... or two (tx_batch). */
#define TX_PENDING_MAX 4
struct tx_pending {
    int n;
    struct db_batch b[TX_PENDING_MAX];
    char **params[TX_PENDING_MAX];   /* each statement's copies, NULL for SQL NULL */
    PGresult **keep[TX_PENDING_MAX]; /* where its result goes (tx_defer_keep), or NULL */
};

static void pending_free(struct tx *tx)
{
    struct tx_pending *q = tx->pending;
    if (!q)
        return;
    for (int i = 0; i < q->n; i++) {
        for (int k = 0; k < q->b[i].nparams; k++)
            free(q->params[i][k]);
        free(q->params[i]);
    }
    free(q);
    tx->pending = NULL;
}

void tx_error_of(const PGresult *r, struct berr *err)
{
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    const char *constraint = r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : NULL;
    const char *column = r ? PQresultErrorField(r, PG_DIAG_COLUMN_NAME) : NULL;
    const char *primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!state) {
        berr_set(err, BERR_UNAVAILABLE, "the database does not answer");
        return;
    }
    const char *field = column ? column : constraint ? constraint : "";
    if (strcmp(state, "23505") == 0) /* in the user's words; no constraint names */
        berr_set(err, BERR_CONFLICT, "data yang sama sudah ada");
    else if (strcmp(state, "23503") == 0)
        berr_field(err, BERR_BAD_INPUT, field, "refers to something that does not exist (%s)",
                   constraint ? constraint : "foreign key");
    else if (strncmp(state, "23", 2) == 0)
        berr_field(err, BERR_BAD_INPUT, field, "not allowed: %s",
                   primary ? primary : "constraint violated");
    else if (strncmp(state, "22", 2) == 0)
        berr_field(err, BERR_BAD_INPUT, field, "bad value: %s", primary ? primary : "data");
    else if (strcmp(state, "42501") == 0)
        berr_set(err, BERR_FORBIDDEN, "not allowed for this user");
    else if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
        berr_set(err, BERR_CONFLICT, "a concurrent change got there first; try again");
    else if (strcmp(state, "55P03") == 0) /* lock_timeout: the row is held, nothing is wrong */
        berr_set(err, BERR_UNAVAILABLE, "data ini sedang dikunci oleh permintaan lain; coba lagi");
    else if (strcmp(state, "57014") == 0) /* statement_timeout: the server is there */
        berr_set(err, BERR_UNAVAILABLE, TX_TIMED_OUT);
    else if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 ||
             strncmp(state, "57", 2) == 0)
        berr_set(err, BERR_UNAVAILABLE, "the database is busy or away");
    else if (strcmp(state, "P0001") == 0 && primary)
        berr_set(err, BERR_UNPROCESSABLE, "%s", primary);
    else
        berr_set(err, BERR_INTERNAL, "database error %s: %s", state, primary ? primary : "");
}

static bool begin_as(struct tx *tx, struct db_pool *pool, long long acting_user, const char *begin,
                     struct berr *err)
{
    *tx = (struct tx){.pool = pool};
    tx->conn = db_acquire(pool, ACQUIRE_TIMEOUT_MS, err);
    if (!tx->conn)
        return false;
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", acting_user);
    const char *params[1] = {acting_user > 0 ? uid : ""};
    /* both with the transaction's first statement: no round trip of their own */
    if (!tx_defer(tx, NULL, begin, 0, NULL, err) ||
        !tx_defer(tx, NULL, "SELECT set_config('berkas.user_id', $1, true)", 1, params, err)) {
        tx_end(tx);
        return false;
    }
    return true;
}

bool tx_begin(struct tx *tx, struct db_pool *pool, long long acting_user, struct berr *err)
{
    return begin_as(tx, pool, acting_user, "BEGIN", err);
}

bool tx_begin_read(struct tx *tx, struct db_pool *pool, long long acting_user, struct berr *err)
{
    return begin_as(tx, pool, acting_user, "BEGIN ISOLATION LEVEL REPEATABLE READ", err);
}

bool tx_defer(struct tx *tx, const char *name, const char *sql, int nparams,
              const char *const *params, struct berr *err)
{
    return tx_defer_keep(tx, name, sql, nparams, params, NULL, err);
}

bool tx_defer_keep(struct tx *tx, const char *name, const char *sql, int nparams,
                   const char *const *params, PGresult **out, struct berr *err)
{
    if (out)
        *out = NULL;
    if (!tx->conn || tx->done)
        return berr_set(err, BERR_INTERNAL, "a statement without a transaction");
    if (tx->pending && tx->pending->n == TX_PENDING_MAX && !tx_flush(tx, err))
        return false;
    if (!tx->pending && !(tx->pending = calloc(1, sizeof *tx->pending)))
        return berr_set(err, BERR_INTERNAL, "out of memory");
    struct tx_pending *q = tx->pending;
    char **copy = nparams > 0 ? calloc((size_t)nparams, sizeof *copy) : NULL;
    bool ok = nparams == 0 || copy;
    for (int k = 0; ok && k < nparams; k++)
        ok = !params[k] || (copy[k] = strdup(params[k]));
    if (!ok) {
        for (int k = 0; copy && k < nparams; k++)
            free(copy[k]);
        free(copy);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    q->params[q->n] = copy;
    q->keep[q->n] = out;
    q->b[q->n] = (struct db_batch){name, sql, nparams, (const char *const *)copy};
    q->n++;
    return true;
}

void tx_forget(struct tx *tx, PGresult **out)
{
    struct tx_pending *q = tx->pending;
    for (int i = 0; q && out && i < q->n; i++)
        if (q->keep[i] == out)
            q->keep[i] = NULL;
}

bool tx_after(struct tx *tx, void (*fn)(void *ctx, bool committed), void *ctx)
{
    if (tx->after)
        return false;
    tx->after = fn;
    tx->after_ctx = ctx;
    return true;
}

/* The transaction's end hook, once (tx_after). */
static void run_after(struct tx *tx, bool committed)
{
    void (*fn)(void *, bool) = tx->after;
    tx->after = NULL;
    if (fn)
        fn(tx->after_ctx, committed);
}

bool tx_flush(struct tx *tx, struct berr *err)
{
    if (tx->done)
        return berr_set(err, BERR_INTERNAL, "a statement after the transaction's last");
    if (!tx->pending || tx->pending->n == 0)
        return true;
    return tx_batch(tx, 0, NULL, NULL, err);
}

/* The deferred statements and batch[0..n) in one pipeline: out[i] each of
 * batch's results, or false with err set by the first that failed. */
static bool run_batch(struct tx *tx, int n, const struct db_batch *batch, PGresult **out,
                      struct berr *err)
{
    int np = tx->pending ? tx->pending->n : 0;
    struct db_batch all[DB_BATCH_MAX] = {{0}};
    PGresult *res[DB_BATCH_MAX] = {0};
    PGresult **keep[TX_PENDING_MAX] = {0};
    if (np + n == 0)
        return true;
    if (np + n > DB_BATCH_MAX)
        return berr_set(err, BERR_INTERNAL, "a batch of %d statements", np + n);
    for (int i = 0; i < np; i++) {
        all[i] = tx->pending->b[i];
        keep[i] = tx->pending->keep[i];
    }
    for (int i = 0; i < n; i++)
        all[np + i] = batch[i];
    db_exec_batch(tx->pool, tx->conn, np + n, all, res);
    pending_free(tx); /* sent: their copies are no longer read */
    int failed = -1;
    for (int i = 0; i < np + n && failed < 0; i++) {
        ExecStatusType st = PQresultStatus(res[i]);
        if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
            failed = i; /* the first: the rest were aborted by it */
    }
    if (failed >= 0)
        tx_error_of(res[failed], err);
    for (int i = 0; i < np + n; i++) {
        if (failed < 0 && i >= np) {
            out[i - np] = res[i];
            continue;
        }
        if (failed < 0 && keep[i]) { /* a deferred statement's result, kept (tx_defer_keep) */
            *keep[i] = res[i];
            continue;
        }
        PQclear(res[i]);
        if (i >= np)
            out[i - np] = NULL;
    }
    return failed < 0;
}

bool tx_batch(struct tx *tx, int n, const struct db_batch *batch, PGresult **out, struct berr *err)
{
    if (n < 0 || n > DB_BATCH_MAX)
        return berr_set(err, BERR_INTERNAL, "a batch of %d statements", n);
    if (!tx->conn || tx->done)
        return berr_set(err, BERR_INTERNAL, "a statement without a transaction");
    int np = tx->pending ? tx->pending->n : 0;
    /* too many for one pipeline: the deferred ones first, on their own */
    if (np + n > DB_BATCH_MAX && !run_batch(tx, 0, NULL, NULL, err)) {
        for (int i = 0; i < n; i++)
            out[i] = NULL;
        return false;
    }
    return run_batch(tx, n, batch, out, err);
}

bool tx_async_commit(struct tx *tx, struct berr *err)
{
    /* with the transaction's first statement: no round trip of its own */
    return tx_defer(tx, NULL, "SET LOCAL synchronous_commit = off", 0, NULL, err);
}

bool tx_begin_snapshot(struct tx *tx, struct db_pool *pool, struct berr *err)
{
    *tx = (struct tx){.pool = pool};
    tx->conn = db_acquire(pool, ACQUIRE_TIMEOUT_MS, err);
    if (!tx->conn)
        return false;
    if (!tx_exec(tx, "BEGIN ISOLATION LEVEL REPEATABLE READ", 0, NULL, err)) {
        tx_end(tx);
        return false;
    }
    return true;
}

/* r when it succeeded; NULL with err set (and r cleared) otherwise */
static PGresult *checked(PGresult *r, struct berr *err)
{
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return r;
    tx_error_of(r, err);
    PQclear(r);
    return NULL;
}

PGresult *tx_query(struct tx *tx, const char *sql, int nparams, const char *const *params,
                   struct berr *err)
{
    return tx_query_named(tx, NULL, sql, nparams, params, err);
}

void tx_last(struct tx *tx)
{
    tx->last = true;
}

PGresult *tx_query_named(struct tx *tx, const char *name, const char *sql, int nparams,
                         const char *const *params, struct berr *err)
{
    if (tx->done) {
        berr_set(err, BERR_INTERNAL, "a statement after the transaction's last");
        return NULL;
    }
    if (tx->last) {
        /* the last: with the COMMIT (and what was deferred), one round trip */
        const struct db_batch b[2] = {{name, sql, nparams, params}, {NULL, "COMMIT", 0, NULL}};
        PGresult *r[2];
        if (!tx_batch(tx, 2, b, r, err))
            return NULL;
        PQclear(r[1]);
        tx->done = true;
        return r[0];
    }
    if (tx->pending && tx->pending->n > 0) {
        /* with the deferred statements, in their round trip */
        const struct db_batch b[1] = {{name, sql, nparams, params}};
        PGresult *r[1];
        return tx_batch(tx, 1, b, r, err) ? r[0] : NULL;
    }
    return checked(db_exec_named(tx->pool, tx->conn, name, sql, nparams, params), err);
}

bool tx_exec(struct tx *tx, const char *sql, int nparams, const char *const *params,
             struct berr *err)
{
    PGresult *r = tx_query(tx, sql, nparams, params, err);
    PQclear(r);
    return r != NULL;
}

PGresult *db_once(struct db_pool *pool, const char *sql, int nparams, const char *const *params,
                  struct berr *err)
{
    return db_once_named(pool, NULL, sql, nparams, params, err);
}

PGresult *db_once_named(struct db_pool *pool, const char *name, const char *sql, int nparams,
                        const char *const *params, struct berr *err)
{
    PGconn *c = db_acquire(pool, ACQUIRE_TIMEOUT_MS, err);
    if (!c)
        return NULL;
    PGresult *r = checked(db_exec_named(pool, c, name, sql, nparams, params), err);
    db_release(pool, c);
    return r;
}

bool tx_commit(struct tx *tx, struct berr *err)
{
    if (tx->conn && tx->done) { /* committed with its last statement */
        run_after(tx, true);
        tx_end(tx);
        return true;
    }
    if (!tx->conn) {
        run_after(tx, false);
        return berr_set(err, BERR_INTERNAL, "commit without a transaction");
    }
    bool ok = tx_exec(tx, "COMMIT", 0, NULL, err); /* with what was deferred */
    run_after(tx, ok);
    tx_end(tx);
    return ok;
}

void tx_end(struct tx *tx)
{
    pending_free(tx);
    run_after(tx, tx->done); /* done: committed with its last statement (tx_last) */
    if (!tx->conn)
        return;
    db_release(tx->pool, tx->conn); /* rolls back what is still open */
    tx->conn = NULL;
}
