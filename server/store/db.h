/*
 * db.h - a fixed-size pool of libpq connections.
 *
 * Every connection gets server-side timeouts (statement 5 s, lock 2 s, idle
 * in transaction 10 s) unless the URL sets its own.  A connection that broke
 * is reset on its next checkout.  A PGconn is used by one thread at a time:
 * db_acquire() hands it out, db_release() takes it back.
 */
#ifndef BERKAS_STORE_DB_H
#define BERKAS_STORE_DB_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "core/error.h"

struct db_pool;

/* Open `size` connections to conninfo (a libpq keyword string or a
 * postgresql:// URL), as database role `role` when not NULL (the role is set
 * at connection start, so that even RESET ROLE stays there).  Fails (NULL,
 * err set) if the first cannot connect; the message names the server without
 * its password. */
struct db_pool *db_pool_new(const char *conninfo, int size, const char *role, struct berr *err);

/* Take a connection, waiting at most timeout_ms; NULL with BERR_UNAVAILABLE
 * when none is free or the database cannot be reached. */
PGconn *db_acquire(struct db_pool *pool, int timeout_ms, struct berr *err);

/* Give it back.  A connection left inside a transaction is rolled back. */
void db_release(struct db_pool *pool, PGconn *conn);

/* One statement on a pooled connection, prepared once per connection and
 * reused after (PQexecParams' arguments otherwise).  A statement that a
 * transaction's error aborted stays prepared: only the transaction is lost. */
PGresult *db_exec(struct db_pool *pool, PGconn *conn, const char *sql, int nparams,
                  const char *const *params, const int *lengths, const int *formats,
                  int result_format);

/* Whether the database answers a trivial query within timeout_ms. */
bool db_ping(struct db_pool *pool, int timeout_ms);

/* Close every connection and free the pool.  NULL is fine. */
void db_pool_free(struct db_pool *pool);

/* Open one connection with berkasd's session settings (used by the pool and
 * by the migrator), as `role` when not NULL.  On failure returns NULL with
 * err set. */
PGconn *db_connect_as(const char *conninfo, const char *role, struct berr *err);

/* db_connect_as(conninfo, NULL, err) */
PGconn *db_connect(const char *conninfo, struct berr *err);

/* "host:port/dbname" of conninfo, for messages: never the password.  Writes
 * at most outsz bytes. */
void db_describe(const char *conninfo, char *out, size_t outsz);

#endif
