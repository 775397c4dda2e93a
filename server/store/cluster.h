/*
 * cluster.h - the embedded PostgreSQL cluster that berkasd owns when it is
 * given no --db.
 *
 * Layout of a data directory (DATA):
 *   DATA/             owned by the user running berkasd (0700; 0711 as root)
 *   DATA/berkasd.lock flock()ed while a berkasd uses DATA
 *   DATA/pg/          the cluster (PGDATA), owned by the cluster user, 0700;
 *                     its unix socket lives here too, and no TCP listener
 *   DATA/pg.initdb/   only while initdb runs; renamed to pg/ when it succeeds,
 *                     so a half-initialised cluster is never mistaken for one
 *   DATA/postgres.log the server's own log
 *
 * The postmaster is a direct child of the process that calls cluster_start():
 * no shell, no pg_ctl, so paths are never re-quoted, and it gets SIGINT (fast
 * shutdown) from the kernel if that thread dies, so a killed berkasd leaves no
 * stray server behind.  initdb and the postmaster refuse to run as root; when
 * berkasd runs as root they run as the unprivileged 'postgres' user from
 * Debian's package, and DATA must be reachable by that user.
 *
 * Local connections are trusted: the socket directory is 0700, so only its
 * owner (and root) can connect at all.
 */
#ifndef BERKAS_STORE_CLUSTER_H
#define BERKAS_STORE_CLUSTER_H

#include <stdbool.h>
#include <sys/types.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct cluster;

struct cluster_opts {
    const char *data_dir; /* required */
    bool no_sync;         /* initdb --no-sync and fsync=off: for tests and benches only */
    const char *dbname;   /* database to create on first start; default "berkas" */
};

/* Check DATA (create it when missing), take its lock, find the PostgreSQL
 * binaries, and decide who the cluster runs as.  Nothing is started.
 * Returns NULL with err set on failure, having removed anything it made. */
BERKAS_MUST_CHECK struct cluster *cluster_open(const struct cluster_opts *opts, struct berr *err);

/* initdb on first use, start the postmaster, wait until it accepts
 * connections, create the database on first use.  On failure the server is
 * stopped and a first-time cluster removed, so the next start begins afresh. */
BERKAS_MUST_CHECK bool cluster_start(struct cluster *c, struct berr *err);

/* Fast shutdown; waits up to 30 s, then stops harder.  Safe to call twice. */
BERKAS_MUST_CHECK bool cluster_stop(struct cluster *c, struct berr *err);

/* libpq keyword/value conninfo for the cluster's database (socket in DATA/pg).
 * Owned by c. */
const char *cluster_conninfo(const struct cluster *c);

/* As cluster_conninfo, for another database of the same cluster; the caller
 * frees the result. */
BERKAS_MUST_CHECK char *cluster_conninfo_for(const struct cluster *c, const char *dbname);

/* Make c, opened on a data dir that has no cluster yet, a hot standby of the
 * running primary: pg_basebackup -R over the primary's socket (as the
 * cluster user), which writes standby.signal and primary_conninfo.
 * cluster_start() then starts it; it streams from the primary and answers
 * read-only queries.  On failure nothing of it is left. */
BERKAS_MUST_CHECK bool cluster_make_standby(struct cluster *c, const struct cluster *primary,
                                            struct berr *err);

/* Supervision (issue 9.5), from the thread that called cluster_start() (the
 * postmaster's death signal is tied to that thread).  cluster_reap(): whether
 * the postmaster has exited since; if so its pid is forgotten and *how says
 * how it ended ("killed by signal 9", "exited with status 1").  Never
 * blocks. */
BERKAS_MUST_CHECK bool cluster_reap(struct cluster *c, char *how, size_t howsz);

/* Start the postmaster of a cluster that ran before in this process (no
 * initdb, nothing removed on failure) and wait until it accepts connections
 * (PostgreSQL's crash recovery runs first).  On failure the postmaster that
 * was started is stopped again, so the caller can retry. */
BERKAS_MUST_CHECK bool cluster_restart(struct cluster *c, struct berr *err);

/* The postmaster's pid, or 0 when it is not running. */
pid_t cluster_pid(const struct cluster *c);

/* Whether cluster_start() had to run initdb. */
BERKAS_MUST_CHECK bool cluster_was_created(const struct cluster *c);

/* For a start-up that failed after cluster_start(): stop, remove a cluster
 * that this run created (so the next start runs initdb afresh), free.  The
 * logs stay, for the person reading the error. */
void cluster_abandon(struct cluster *c);

/* Stop (if running), release the lock, free.  NULL is fine. */
void cluster_free(struct cluster *c);

#endif
