/*
 * statecache.h - the write path knows the snapshot it wrote one act earlier
 * (issue 12: berkasd's CPU per act) instead of parsing it again.
 *
 * Each act reads its case's snapshot (snapshot.h) with the case row and
 * parses it into the folded state and the summary's walk: a jansson parse and
 * a read of some 1-3 KB that berkasd itself wrote in the case's previous act.
 * An entry keeps, for one case, the text of the snapshot an act wrote - the
 * very bytes the case row gives back (sql/0040 keeps it as text) - with the
 * state and the walk that text was made of.  A writer takes the entry only
 * when everything snapshot_read reads is the same: the text read with the
 * case row, byte for byte (memcmp: a row changed by anyone - another berkasd,
 * an owner's SQL, a repair - is a miss), the rule sets' fingerprint and
 * count, the log's length and last event, and the suspects' party ids and
 * foreign marks.  On those inputs snapshot_read would give that state and
 * walk, believed: the entry is a memo of it, not a version to trust.  The
 * state was stepped, not parsed; that the two are the same (the snapshot's
 * round trip) is what builds with AddressSanitizer check on every hit,
 * parsing the text as well and comparing (statecache.c: VERIFY).
 *
 * Taking moves the entry out (no two writers share one; an act on a case
 * holds its row's lock); a rolled-back act leaves an entry whose text the
 * database does not hold, never taken.  Bounded: STATECACHE_MAX entries,
 * the least recently put go first (each holds a state of some 190 KB).
 * Thread-safe.
 */
#ifndef BERKAS_APP_STATECACHE_H
#define BERKAS_APP_STATECACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "casefile.h"
#include "core/casestate.h"
#include "summary.h"

#define STATECACHE_MAX 64

/* When an entry for cf (loaded with its snapshot's text, cf->snapshot, and its log) under
 * rules_sig matches (see above), move its state into *st (malloc'd: the caller frees it or
 * puts it back) and its walk into *walk, and return true; else false, nothing moved. */
bool statecache_take(const struct casefile *cf, long long rules_sig, struct case_state **st,
                     struct summary_walk *walk);

/* Keep st and walk (ownership moves: *st is NULL after, *walk empty) as the state and walk of
 * the snapshot text[0..len) made of them for cf (the log with the act) under rules_sig.
 * Nothing is kept when memory is short (st and walk are freed). */
void statecache_put(const struct casefile *cf, long long rules_sig, const char *text, size_t len,
                    struct case_state **st, struct summary_walk *walk);

/* Forget everything (tests, shutdown). */
void statecache_clear(void);

/* Hits and misses so far. */
void statecache_stats(long long *hits, long long *misses);

#endif
