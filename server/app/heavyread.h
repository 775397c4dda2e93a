/*
 * heavyread.h - the heavy reads (the review list and its counts per office,
 * the statistics) on the replica while one is fit (--db-replica,
 * store/replica.h), else on the primary.
 *
 * Only reads that may be a few seconds old go there: a list that a
 * supervisor opens, never what a user just wrote and reads back (the case,
 * its events, the case list, the directions, the inbox), never a session or
 * a log-on, never a write.  On the replica the read is a read-only
 * transaction as the acting user (row-level security holds there as on the
 * primary: its settings are transaction-local, which a standby allows), and
 * its audit line is written on the primary before the answer goes out.  A
 * read that fails on the replica because the replica failed (away, or a
 * query cancelled by a conflict with recovery) is done again on the
 * primary, and the replica rests until its watcher finds it fit.
 */
#ifndef BERKAS_APP_HEAVYREAD_H
#define BERKAS_APP_HEAVYREAD_H

#include <jansson.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct tx;

/* The read itself, inside tx as who: the document, or NULL with err set.
 * It neither audits nor commits. */
typedef json_t *(*heavy_fn)(struct tx *tx, const struct actor *who, const void *arg,
                            struct audit_rec *au, struct berr *err);

/* fn on the replica or the primary, audited (audit_ok) and committed.  The
 * document (caller owns), or NULL with err set. */
BERKAS_MUST_CHECK json_t *heavy_read(struct app *app, const struct actor *who, heavy_fn fn,
                                     const void *arg, struct audit_rec *au, struct berr *err);

#endif
