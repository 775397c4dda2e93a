/*
 * admin.h - the steps of admin.c that other use cases run inside their own
 * transaction: the installation's first office and admin (install.c) and
 * the CSV import of many offices or users at once, all or nothing.
 */
#ifndef BERKAS_APP_ADMIN_H
#define BERKAS_APP_ADMIN_H

#include "app.h"
#include "core/mustcheck.h"

struct tx;

/* Check and insert one office inside tx (no audit line, no commit): the
 * time zone, the parent inside who's subtree (who NULL: the installation,
 * which may create a root office).  *id gets the new office's id. */
BERKAS_MUST_CHECK bool admin_office_insert(struct tx *tx, const struct actor *who,
                                           const struct office_input *in, long long *id,
                                           struct berr *err);

/* Check and insert one user inside tx: role, NIP, golongan, PPNS card, the
 * office in who's subtree and of the role's tree, the password policy
 * (shape, name, common passwords); the password hashed with argon2id. */
BERKAS_MUST_CHECK bool admin_user_insert(struct app *app, struct tx *tx, const struct actor *who,
                                         const struct user_input *in, long long *id,
                                         struct berr *err);

#endif
