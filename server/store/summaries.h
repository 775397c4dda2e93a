/*
 * summaries.h (store) - the case summaries the lists read and the snapshots a
 * write decides over (app/summary.h, app/snapshot.h), written together.
 */
#ifndef BERKAS_STORE_SUMMARIES_H
#define BERKAS_STORE_SUMMARIES_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* Insert or replace the summary of each row of rows_json (a JSON array of
 * summary_compute objects) and the snapshot of each row of snapshots_json
 * (NULL: none; a JSON array of {case_id, case_version, snapshot}, snapshot
 * an object, or null to leave the stored one): the snapshots first, then the
 * summaries, in case id order - the order an act writes its case's two rows
 * in (app.record_case_summary), so that the two never deadlock - two
 * statements sent with the transaction's next one (tx_defer): their error is
 * theirs, or the commit's.  Each case's office, Kejari, disclosure and office
 * path come from its own row, never from the input. */
BERKAS_MUST_CHECK bool store_summaries_put(struct tx *tx, const char *rows_json,
                                           const char *snapshots_json, struct berr *err);

/* What a snapshot is of: the key columns of app.case_snapshots (sql/0019). */
struct store_snapshot_key {
    int format;           /* CASESTATE_FORMAT of the fold */
    int events;           /* the log's events folded */
    long long last_event; /* the last one's id, 0 for an empty log */
};

/* The summary of the acting user's own act on case case_id - summary_json, one
 * summary_compute object without its snapshot - and the case's snapshot, the
 * JSON text snapshot_json as it is kept (sql/0040), by app.record_case_summary,
 * which asks the fence once and writes past the tables' per-row policies; a case
 * the acting user may not read fails the statement (42501: BERR_FORBIDDEN) and
 * writes nothing.  Sent with the transaction's next statement (tx_defer). */
BERKAS_MUST_CHECK bool store_summaries_record(struct tx *tx, long long case_id,
                                              const char *summary_json, const char *snapshot,
                                              const struct store_snapshot_key *key,
                                              struct berr *err);

#endif
