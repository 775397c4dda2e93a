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

#endif
