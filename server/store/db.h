/*
 * db.h - a fixed-size pool of libpq connections.
 *
 * Every connection gets server-side timeouts (statement 5 s, lock 2 s, idle
 * in transaction 10 s) unless the URL sets its own.  A connection that broke
 * is made anew on its next checkout.  A PGconn is used by one thread at a
 * time: db_acquire() hands it out, db_release() takes it back.
 *
 * The server's timeouts need a server that runs.  A hung database (stopped,
 * swapping, its disk gone) answers nothing, so every statement the pool runs
 * also has a deadline of its own on the client side (issue 9.6): past it the
 * statement is cancelled (PQcancel, from a thread of its own, since a hung
 * postmaster does not answer that either), the caller gets an error
 * (BERR_UNAVAILABLE: 503 with Retry-After), and the connection is dropped
 * when it is given back: it is never used again, whatever it was doing.  A
 * commit that passed its deadline may or may not have happened; the client
 * learns which by retrying with its Idempotency-Key.  Connecting has a
 * deadline too.
 */
#ifndef BERKAS_STORE_DB_H
#define BERKAS_STORE_DB_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct db_pool;

/* Open `size` connections to conninfo (a libpq keyword string or a
 * postgresql:// URL), as database role `role` when not NULL (the role is set
 * at connection start, so that even RESET ROLE stays there).  Fails (NULL,
 * err set) if the first cannot connect; the message names the server without
 * its password. */
BERKAS_MUST_CHECK struct db_pool *db_pool_new(const char *conninfo, int size, const char *role,
                                              struct berr *err);

/* As db_pool_new, connecting to nothing yet: each connection is made at its
 * first checkout (a server that is away at start-up is not an error). */
BERKAS_MUST_CHECK struct db_pool *db_pool_new_lazy(const char *conninfo, int size, const char *role,
                                                   struct berr *err);

/* How long one statement may take, client side, before it is cancelled
 * (default DB_DEADLINE_MS: a little more than the server's statement
 * timeout, so that a database that runs always answers first). */
#define DB_DEADLINE_MS 6000
void db_pool_set_deadline(struct db_pool *pool, int deadline_ms);

/* The database restarted (the embedded postmaster was brought back): every
 * connection made before is dropped at its next checkout instead of failing
 * the request that takes it. */
void db_pool_renew(struct db_pool *pool);

/* Take a connection, waiting at most timeout_ms; NULL with BERR_UNAVAILABLE
 * when none is free or the database cannot be reached. */
PGconn *db_acquire(struct db_pool *pool, int timeout_ms, struct berr *err);

/* Give it back.  A connection left inside a transaction is rolled back. */
void db_release(struct db_pool *pool, PGconn *conn);

/* One statement on a pooled connection, prepared once per connection and
 * reused after (PQexecParams' arguments otherwise).  A statement that a
 * transaction's error aborted stays prepared: only the transaction is lost. */
BERKAS_MUST_CHECK PGresult *db_exec(struct db_pool *pool, PGconn *conn, const char *sql,
                                    int nparams, const char *const *params, const int *lengths,
                                    const int *formats, int result_format);

/* db_exec for a query module's named statement (store/stmt.h): prepared on
 * the server under name ("module.what", under 64 bytes) at its first
 * use on each connection, and again on the connection made after one broke.
 * Text parameters and results. */
BERKAS_MUST_CHECK PGresult *db_exec_named(struct db_pool *pool, PGconn *conn, const char *name,
                                          const char *sql, int nparams, const char *const *params);

/* db_exec_named with binary values: lengths and formats for the parameters
 * (NULL: all text), result_format 1 for binary results (bytea). */
BERKAS_MUST_CHECK PGresult *db_exec_named_bin(struct db_pool *pool, PGconn *conn, const char *name,
                                              const char *sql, int nparams,
                                              const char *const *params, const int *lengths,
                                              const int *formats, int result_format);

/* db_exec with its own deadline in place of the pool's. */
BERKAS_MUST_CHECK PGresult *db_exec_within(struct db_pool *pool, PGconn *conn, int deadline_ms,
                                           const char *sql, int nparams, const char *const *params,
                                           const int *lengths, const int *formats,
                                           int result_format);

/* Up to DB_BATCH_MAX statements sent at once in one pipeline (libpq's
 * pipeline mode) with one sync point: one round trip for them all, each
 * prepared as db_exec_named prepares it.  out[i] is each one's result
 * (caller PQclear()s each); after one fails the rest are PGRES_PIPELINE_ABORTED,
 * and all fail when the connection breaks or the pool's deadline passes. */
#define DB_BATCH_MAX 12
struct db_batch {
    const char *name; /* as db_exec_named's, or NULL */
    const char *sql;
    int nparams;
    const char *const *params;
};
void db_exec_batch(struct db_pool *pool, PGconn *conn, int n, const struct db_batch *batch,
                   PGresult **out);

/* Whether the database answers a trivial query within timeout_ms (waiting
 * for a free connection and the answer together). */
BERKAS_MUST_CHECK bool db_ping(struct db_pool *pool, int timeout_ms);

/* Close every connection and free the pool.  NULL is fine. */
void db_pool_free(struct db_pool *pool);

/* Open one connection with berkasd's session settings (used by the pool and
 * by the migrator), as `role` when not NULL, within 5 s.  On failure returns
 * NULL with err set. */
PGconn *db_connect_as(const char *conninfo, const char *role, struct berr *err);

/* db_connect_as(conninfo, NULL, err) */
PGconn *db_connect(const char *conninfo, struct berr *err);

/* "host:port/dbname" of conninfo, for messages: never the password.  Writes
 * at most outsz bytes. */
void db_describe(const char *conninfo, char *out, size_t outsz);

#endif
