/*
 * install.h - the installation's first start and the bulk import of offices and users
 * (install.c).
 */
#ifndef BERKAS_APP_INSTALL_H
#define BERKAS_APP_INSTALL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "app.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

/* Plant a tree: its root office (kind ditjen or kejagung, no parent) and its
 * first admin (role admin, in that office), in one transaction, checked as
 * any office and user.  Refused with BERR_CONFLICT ("already initialised")
 * when the tree has its root office already. */
BERKAS_MUST_CHECK bool app_install_init(struct app *app, const struct office_input *office,
                                        const struct user_input *admin, long long *office_id,
                                        long long *user_id, struct berr *err);

/* Offices or users (what: "offices" | "users") from rows, each an object
 * with its "line" in the file (or null: refused at the edge, already in
 * errors), all in one transaction as admin who: every bad row appended to
 * errors as {line, field, detail}; written only when no row is bad and not
 * dry_run.  Offices name their parent, users their office, by code; a user
 * without a password gets a generated one, returned once in "passwords".
 * Returns {what, dry_run, rows, created, errors, passwords}, or NULL with
 * err when the work itself failed (not a bad row). */
BERKAS_MUST_CHECK json_t *app_import(struct app *app, const struct actor *who, const char *what,
                                     json_t *rows, bool dry_run, json_t *errors,
                                     struct audit_rec *au, struct berr *err);

#endif
