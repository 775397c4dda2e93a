/*
 * audit.h - writing audit.events: who, when (UTC, milliseconds, by the
 * database clock), from where, what, outcome.  berkas_app may only INSERT
 * there; triggers refuse UPDATE, DELETE and TRUNCATE even to the owner.
 */
#ifndef BERKAS_APP_AUDIT_H
#define BERKAS_APP_AUDIT_H

#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct tx;
struct app;

/* Inside tx: append the line for a successful act and mark it written;
 * claim the request's Idempotency-Key first (idem.h), failing with
 * BERR_CONFLICT when a twin request took it. */
BERKAS_MUST_CHECK bool audit_ok(struct tx *tx, const struct actor *who, struct audit_rec *au,
                                struct berr *err);

/* As audit_ok, in a transaction of its own on the primary (app->db): for a
 * read that ran on the replica, which cannot be written to.  The read's
 * answer goes out only when this succeeded. */
BERKAS_MUST_CHECK bool audit_ok_apart(struct app *app, const struct actor *who,
                                      struct audit_rec *au, struct berr *err);

/* In a transaction of its own: the line for an act that was refused
 * (status 4xx) or failed (5xx).  Best effort: a failure here is logged. */
void audit_after(struct app *app, const struct actor *who, struct audit_rec *au, int status);

#endif
