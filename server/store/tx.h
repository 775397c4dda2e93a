/*
 * tx.h - one database transaction on behalf of one acting user.
 *
 * tx_begin() takes a pooled connection (which runs as berkas_app), opens a
 * transaction and names the acting user for row-level security, as the
 * transaction's first statement and transaction-local, so it cannot leak to
 * the next request on the same connection.  tx_query() runs one parameterised
 * statement and maps PostgreSQL's errors (by SQLSTATE) to berkas' error kinds.
 * tx_commit() or tx_end() gives the connection back.
 */
#ifndef BERKAS_STORE_TX_H
#define BERKAS_STORE_TX_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct db_pool;
struct tx_pending;

struct tx {
    struct db_pool *pool;
    PGconn *conn;
    struct tx_pending *pending;               /* statements sent with the next one (tx_defer) */
    bool last;                                /* the next statement commits (tx_last) */
    bool done;                                /* ...and it has: only tx_end is left */
    void (*after)(void *ctx, bool committed); /* run once it ends (tx_after) */
    void *after_ctx;
};

/* acting_user 0 means nobody (log-on, public routes): row-level security
 * then shows no case rows at all.  BEGIN and the acting user are deferred
 * (tx_defer): they go in one round trip with the transaction's first
 * statement, so a failure to begin shows as that statement's. */
BERKAS_MUST_CHECK bool tx_begin(struct tx *tx, struct db_pool *pool, long long acting_user,
                                struct berr *err);

/* As tx_begin, on one snapshot (REPEATABLE READ): every statement reads the
 * database as of the first, so several statements sent in one round trip
 * (tx_batch) read one instant.  For readers (the case document, the
 * dossier, a draft): a write to a row another transaction rewrote since
 * fails (BERR_CONFLICT) instead of waiting for it. */
BERKAS_MUST_CHECK bool tx_begin_read(struct tx *tx, struct db_pool *pool, long long acting_user,
                                     struct berr *err);

/* One statement with text parameters (NULL for SQL NULL).  Returns the result
 * (caller PQclear()s) or NULL with err set; on error the transaction is
 * aborted and only tx_end() is left to do. */
BERKAS_MUST_CHECK PGresult *tx_query(struct tx *tx, const char *sql, int nparams,
                                     const char *const *params, struct berr *err);

/* Up to DB_BATCH_MAX statements in one round trip (db_exec_batch): out[i]
 * each one's result (caller PQclear()s them), or false with err set by the
 * first that failed (then every out[i] is NULL and the transaction aborted). */
struct db_batch;
BERKAS_MUST_CHECK bool tx_batch(struct tx *tx, int n, const struct db_batch *batch, PGresult **out,
                                struct berr *err);

/* A statement whose result is not needed, sent in the same pipelined round
 * trip as the transaction's next statement (tx_query, tx_batch, tx_commit;
 * tx_flush for a caller that must know at once).  name and sql must outlive
 * the transaction (string literals, struct stmt); the parameters are copied.
 * An error of a deferred statement is reported by the statement it went
 * with, which then fails as the transaction does.  false (err set) when out
 * of memory or when a flush it needed failed. */
BERKAS_MUST_CHECK bool tx_defer(struct tx *tx, const char *name, const char *sql, int nparams,
                                const char *const *params, struct berr *err);

/* As tx_defer, and *out (set to NULL now) takes the statement's result once
 * the round trip that sends it succeeds (the caller PQclear()s it); it stays
 * NULL when that round trip fails or the statement is never sent.  *out
 * must stay valid until then, or until tx_forget(tx, out). */
BERKAS_MUST_CHECK bool tx_defer_keep(struct tx *tx, const char *name, const char *sql, int nparams,
                                     const char *const *params, PGresult **out, struct berr *err);

/* A deferred statement not sent yet no longer hands its result to *out. */
void tx_forget(struct tx *tx, PGresult **out);

/* fn(ctx, committed) once the transaction ends: committed after its COMMIT
 * succeeded, else at tx_end (rolled back, or never begun).  One per
 * transaction: false when one is set already (fn is then not called). */
BERKAS_MUST_CHECK bool tx_after(struct tx *tx, void (*fn)(void *ctx, bool committed), void *ctx);

/* The transaction's next statement is its last: it is sent with the COMMIT,
 * in one round trip (a read that would otherwise end with tx_end's
 * ROLLBACK, a round trip of its own).  After it only tx_end is left; any
 * other statement fails. */
void tx_last(struct tx *tx);

/* Send the deferred statements now (one round trip; nothing when none). */
BERKAS_MUST_CHECK bool tx_flush(struct tx *tx, struct berr *err);

/* As tx_query for statements whose result is not needed. */
BERKAS_MUST_CHECK bool tx_exec(struct tx *tx, const char *sql, int nparams,
                               const char *const *params, struct berr *err);

/* The commit of this transaction does not wait for the disk
 * (synchronous_commit off): for one that writes nothing but an audit line,
 * of which a crash of the machine may lose the last fraction of a second. */
BERKAS_MUST_CHECK bool tx_async_commit(struct tx *tx, struct berr *err);

/* A transaction as nobody on one snapshot (REPEATABLE READ): what it reads
 * is of one instant, and writing a row another transaction rewrote since
 * fails (BERR_CONFLICT) instead of overwriting it. */
BERKAS_MUST_CHECK bool tx_begin_snapshot(struct tx *tx, struct db_pool *pool, struct berr *err);

/* One statement on its own (autocommit), as nobody: for reads that need no
 * transaction and no acting user, such as checking a session token.  The
 * result or NULL with err set, as tx_query. */
BERKAS_MUST_CHECK PGresult *db_once(struct db_pool *pool, const char *sql, int nparams,
                                    const char *const *params, struct berr *err);

/* tx_query and db_once for a named statement (db_exec_named; the query
 * modules call them through store/stmt.h).  name NULL: unnamed. */
BERKAS_MUST_CHECK PGresult *tx_query_named(struct tx *tx, const char *name, const char *sql,
                                           int nparams, const char *const *params,
                                           struct berr *err);
BERKAS_MUST_CHECK PGresult *db_once_named(struct db_pool *pool, const char *name, const char *sql,
                                          int nparams, const char *const *params, struct berr *err);

/* Commit and give the connection back.  On failure the work is lost.  The
 * deferred statements go in the same round trip as the COMMIT. */
BERKAS_MUST_CHECK bool tx_commit(struct tx *tx, struct berr *err);

/* Roll back (if still open; deferred statements are dropped) and give the
 * connection back.  Safe to call after tx_commit() and twice. */
void tx_end(struct tx *tx);

/* The error kind for a failed result (SQLSTATE classes), with a message that
 * names the constraint or field, never the values.  A statement that ran past
 * the server's statement_timeout is BERR_UNAVAILABLE with exactly the message
 * TX_TIMED_OUT: the server answered, it was the statement that was slow. */
#define TX_TIMED_OUT "the statement ran past the database's time limit; try again"
void tx_error_of(const PGresult *r, struct berr *err);

#endif
