/*
 * replica.h - a streaming replica of the primary for the heavy reads
 * (issue 14.5): berkasd --db-replica.
 *
 * A replica is a hot standby made from the primary with pg_basebackup -R.
 * It is used only while it is what it claims and fresh enough: it answers,
 * it is in recovery, it is a copy of this primary (same system identifier,
 * same database name), and its replay lag is at most the bound
 * (--replica-max-lag).  Otherwise the heavy reads go to the primary, and
 * come back to the replica by themselves when it is fit again.
 *
 * The lag is measured by WAL position, not by pg_last_xact_replay_timestamp():
 * on an idle primary that timestamp ages without anything being missed.  A
 * watcher thread asks, every REPLICA_TICK_MS, the primary for its flushed
 * WAL position (pg_current_wal_flush_lsn) and the replica for its replayed
 * one (pg_last_wal_replay_lsn), and keeps when the primary was at each
 * position.  The replica holds everything the primary had at time t once
 * its replay position reaches the primary's position at t; the lag is now
 * minus the latest such t.  An idle primary (its position still) and a
 * replica at that position: lag 0, however long ago the last write was.
 *
 * Every change of state is one line on stderr naming the replica
 * (host:port/db, never the password) and why; never a value of case data.
 */
#ifndef BERKAS_STORE_REPLICA_H
#define BERKAS_STORE_REPLICA_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct db_pool;
struct replica;

#define REPLICA_TICK_MS         500
#define REPLICA_MAX_LAG_DEFAULT 30 /* seconds */

/* Whether conninfo is something libpq can parse (a keyword string or a
 * postgresql:// URL); if not, err says why. */
BERKAS_MUST_CHECK bool replica_conninfo_ok(const char *conninfo, struct berr *err);

/* The replica at conninfo, read as role berkas_app through a pool of
 * pool_size connections, watched against the primary at primary_conninfo
 * (its own user, no role: only WAL positions are asked there).  Looks once
 * before returning: a replica that answers but is not a standby of this
 * primary (not in recovery, another system identifier or database) is
 * refused (NULL, err set: a wrong setting, not an outage); one that does not
 * answer is accepted (heavy reads go to the primary until it does).  What
 * was found is logged, as every change after.  Nothing runs in the
 * background until replica_start(). */
BERKAS_MUST_CHECK struct replica *replica_open(const char *conninfo, const char *primary_conninfo,
                                               int pool_size, int max_lag_s, int deadline_ms,
                                               struct berr *err);

/* Start the watcher thread. */
BERKAS_MUST_CHECK bool replica_start(struct replica *r, struct berr *err);

/* The pool for a heavy read when the replica is fit for it now, else NULL
 * (the caller reads on the primary).  NULL r is fine. */
BERKAS_MUST_CHECK struct db_pool *replica_pool(struct replica *r);

/* A read on the replica failed (the database away, a query cancelled by a
 * conflict with recovery): not used until the watcher finds it fit again.
 * why is a fixed text, never data. */
void replica_failed(struct replica *r, const char *why);

/* What the watcher last found, for /healthz: "in use", or "not used: "
 * and why; lag_ms the measured replay lag (-1 unknown). */
void replica_status(struct replica *r, bool *in_use, char *state, size_t statesz,
                    long long *lag_ms);

/* One look, for --check-config: whether the replica answers and is a
 * standby of the primary (when primary_conninfo is not NULL, also the same
 * system and database, and how far behind it is).  A line in out. */
enum replica_check { REPLICA_OK, REPLICA_AWAY, REPLICA_WRONG };
BERKAS_MUST_CHECK enum replica_check
replica_check_once(const char *conninfo, const char *primary_conninfo, char *out, size_t outsz);

/* Stop the watcher, close every connection, free.  NULL is fine. */
void replica_free(struct replica *r);

#endif
