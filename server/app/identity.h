/*
 * identity.h - what identity.c gives the other use cases beside app.h's
 * log-on and sessions: who may change national settings.
 *
 * The use cases of people and offices stand in a line: admin.c uses
 * identity.c (password hashes, this check), both use audit.c, and audit.c
 * uses neither.
 */
#ifndef BERKAS_APP_IDENTITY_H
#define BERKAS_APP_IDENTITY_H

#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* Whether who is an admin at the root of a tree (Ditjen, Kejaksaan Agung):
 * national settings (rule sets, the banner) are theirs.  BERR_FORBIDDEN
 * otherwise. */
BERKAS_MUST_CHECK bool admin_at_root(struct tx *tx, const struct actor *who, struct berr *err);

#endif
