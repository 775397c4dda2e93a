/*
 * snapshot.h - one snapshot per case: the core's folded state of the case
 * (core/casestate.h: stage, the guards' facts, each suspect's arrest and
 * detention) kept in app.case_snapshots (sql/0019_case_snapshots.sql).
 *
 * Written in the transaction of each act, in the statement that writes the
 * case's summary (summary_store), so it is never ahead of nor behind its log,
 * crash or not.  Read with the case row under its lock (casefile_load), and
 * believed only when it is of this berkasd's format (CASESTATE_FORMAT), was
 * folded from exactly this log (its event count and last event id) and under
 * these rule sets (their fingerprint, summary_rules_sig); otherwise the write
 * folds the log again and stores the fresh state.  The write then applies its
 * one act to the state (casestate_step; a correction folds the log again).
 * The state and walk an act wrote its snapshot of are kept under that text
 * (statecache.h): the case's next act takes them, not a parse, when the row
 * still holds the very bytes.
 *
 * The summaries' check (berkasd --check-summaries, POST /api/v1/summaries/check)
 * compares each stored snapshot with a fresh fold of the log and names the
 * case with the column "snapshot"; the repair and --rebuild-summaries write
 * it again, and the start-up sweep rewrites the snapshots of another format.
 *
 * Format 2 keeps, beside the state, what the write path steps instead of walking the log:
 * the date order's latest acts (core/order.h), the clocks' fold (core/clock.h) and the
 * summary's walk (summary.h), so that a write with a believed snapshot applies its one act
 * to each and never reads the log (a correction folds the log again).  The foreign suspects
 * are kept too: the clocks' fold depends on them, so a nationality changed since makes the
 * snapshot unbelieved.
 *
 * The stored form is JSON: suspects by party id (their core index depends on
 * the parties of the case at load time), only those the log touched, so that
 * a party added without an act leaves the snapshot as it was.
 */
#ifndef BERKAS_APP_SNAPSHOT_H
#define BERKAS_APP_SNAPSHOT_H

#include <jansson.h>
#include <stdbool.h>

#include "casefile.h"
#include "core/casestate.h"
#include "core/mustcheck.h"

struct summary_walk;

/* st and walk (the state and the summary's walk of cf's log, cf->nevents events, under the
 * rule sets whose fingerprint is rules_sig: summary_rules_sig) as stored; a new object. */
BERKAS_MUST_CHECK json_t *snapshot_json(const struct casefile *cf, const struct case_state *st,
                                        const struct summary_walk *walk, long long rules_sig);

/* Read the stored text into st and walk when it can be believed for cf (format, log length
 * and last event, rule sets, the suspects foreign: see above); false otherwise (st and walk
 * then hold nothing: casestate_free, summary_walk_free). */
BERKAS_MUST_CHECK bool snapshot_read(const struct casefile *cf, const char *text,
                                     long long rules_sig, struct case_state *st,
                                     struct summary_walk *walk);

/* The state and the summary's walk of cf's log: its stored snapshot (cf->snapshot) when it
 * can be believed, else a fresh fold and walk.  *trusted says which.  false out of memory. */
BERKAS_MUST_CHECK bool snapshot_state(const struct casefile *cf, long long rules_sig,
                                      struct case_state *st, struct summary_walk *walk,
                                      bool *trusted);

/* The log facts of st into f (as evlog_facts of the log would). */
void snapshot_facts(const struct case_state *st, struct case_facts *f);

#endif
