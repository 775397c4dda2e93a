/*
 * logcache.h - the write path keeps each case's decoded log between writes,
 * so that recording an act does not read and decode the whole log again
 * (issue 12.2, an interim step: the log is still folded in memory, the
 * database no longer sends it).
 *
 * An entry is the log of one case as the write path last had it (its core
 * events, row ids and payloads), filed under the chain's head it ends with:
 * the case's event count and last_hash (sql/0004_chain.sql: the hash of the
 * last event covers every event before it), and the suspects it was mapped
 * with (a core event names its suspect by index in that list).  A writer
 * takes the entry only when the case row it read under its lock has exactly
 * that head and those suspects: then the log in the database is the log in
 * the entry, row for row.  Any other head (an act recorded by another
 * berkasd, a rolled back write, an owner's repair) is a miss and the log is
 * read as before.  Taking removes the entry, so no two writers share one.
 *
 * Bounded: at most LOGCACHE_MAX_EVENTS events in all; the least recently
 * used entries go first.  Thread-safe.
 */
#ifndef BERKAS_APP_LOGCACHE_H
#define BERKAS_APP_LOGCACHE_H

#include <stdbool.h>

#include "casefile.h"
#include "core/mustcheck.h"

#define LOGCACHE_MAX_EVENTS 400000

/* When the cache holds cf's log for the head and suspects in cf (case row
 * and suspects loaded, no log yet), move it into cf (ev, ev_id, ev_payload,
 * nevents, with room for one more event, indexed) and return true. */
BERKAS_MUST_CHECK bool logcache_take(struct casefile *cf);

/* File cf's log under cf's head and suspects (the caller keeps the log as
 * is: ownership moves to the cache, cf's log members are cleared).  The
 * caller guarantees that the log is exactly the one that ends with
 * cf->last_hash after cf->nevents events. */
void logcache_put(struct casefile *cf);

/* Forget everything (tests, shutdown). */
void logcache_clear(void);

/* Hits and misses so far (the bench and tests). */
void logcache_stats(long long *hits, long long *misses);

#endif
