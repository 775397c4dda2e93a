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
 * summary_compute objects, each with its case's snapshot as member
 * "snapshot", or null to leave the stored one) and the snapshots, in one
 * statement sent with the transaction's next one (tx_defer): its error is
 * that statement's, or the commit's.  Each case's office, Kejari,
 * disclosure and office path come from its own row, never from the input. */
BERKAS_MUST_CHECK bool store_summaries_put(struct tx *tx, const char *rows_json, struct berr *err);

/* As store_summaries_put, for the acting user's own act: the rows written by
 * app.record_summary (sql/0026), which asks the fence once per case and
 * writes past the tables' per-row policies; a case the acting user may not
 * read fails the statement (42501: BERR_FORBIDDEN) and writes nothing. */
BERKAS_MUST_CHECK bool store_summaries_record(struct tx *tx, const char *rows_json,
                                              struct berr *err);

#endif
