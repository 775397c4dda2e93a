/*
 * admin.h - offices, users, letterheads and document-number patterns
 * (admin.c); and the steps of admin.c that other use cases run inside their
 * own transaction: the installation's first office and admin (install.c) and
 * the CSV import of many offices or users at once, all or nothing.
 */
#ifndef BERKAS_APP_ADMIN_H
#define BERKAS_APP_ADMIN_H

#include "app.h"
#include "core/mustcheck.h"

struct tx;

struct office_input {
    long long parent_id;                              /* 0: a root office */
    const char *kind, *code, *name, *tz, *class_name; /* class_name may be NULL */
};

struct user_input {
    const char *nip, *name, *pangkat, *golongan, *position, *role, *password;
    long long office_id;
    const char *ppns_card_no, *ppns_valid_until; /* investigators only; may be NULL */
    /* An argon2id string already made from password (app_password_hash): the
     * demo's forty users share one password and so one hash, made once, and
     * app_user_create hashes before its transaction; NULL to hash here. */
    const char *password_hash;
};

/* Any logged-on user: the office directory. */
BERKAS_MUST_CHECK json_t *app_offices_list(struct app *app, const struct actor *who,
                                           struct berr *err);
BERKAS_MUST_CHECK json_t *app_office_get(struct app *app, const struct actor *who, long long id,
                                         struct berr *err);
/* Admin, under an office of their subtree.  who NULL: the installation
 * itself (demo data), which may also create root offices. */
BERKAS_MUST_CHECK bool app_office_create(struct app *app, const struct actor *who,
                                         const struct office_input *in, long long *id,
                                         struct audit_rec *au, struct berr *err);

BERKAS_MUST_CHECK json_t *app_letterheads_list(struct app *app, const struct actor *who,
                                               long long office_id, struct berr *err);
BERKAS_MUST_CHECK bool app_letterhead_add(struct app *app, const struct actor *who,
                                          long long office_id, const char *effective_from,
                                          json_t *lines, struct audit_rec *au, struct berr *err);

/* Admin: the users of their subtree. */
BERKAS_MUST_CHECK json_t *app_users_list(struct app *app, const struct actor *who,
                                         struct berr *err);

/* The log-on locks of the last `days` days of the users in the admin's
 * subtree, newest first (at most 500): who, when, until when, how many
 * failures, from which address, whether still in force, released by an
 * admin, told to the owner. */
BERKAS_MUST_CHECK json_t *app_lockouts_list(struct app *app, const struct actor *who, int days,
                                            struct berr *err);
BERKAS_MUST_CHECK json_t *app_user_get(struct app *app, const struct actor *who, long long id,
                                       struct berr *err);
BERKAS_MUST_CHECK bool app_user_create(struct app *app, const struct actor *who,
                                       const struct user_input *in, long long *id,
                                       struct audit_rec *au, struct berr *err);
/* Disabling ends every session of the user, in the same transaction. */
BERKAS_MUST_CHECK bool app_user_disable(struct app *app, const struct actor *who, long long id,
                                        struct audit_rec *au, struct berr *err);
BERKAS_MUST_CHECK bool app_user_unlock(struct app *app, const struct actor *who, long long id,
                                       struct audit_rec *au, struct berr *err);

/* An office's document-number patterns (admin of its subtree). */
BERKAS_MUST_CHECK json_t *app_number_patterns(struct app *app, const struct actor *who,
                                              long long office_id, struct berr *err);
/* Set the pattern for a document type ("*": every type without its own);
 * checked by the core's numfmt_check. */
BERKAS_MUST_CHECK bool app_number_pattern_set(struct app *app, const struct actor *who,
                                              long long office_id, const char *doc_type,
                                              const char *pattern, struct audit_rec *au,
                                              struct berr *err);

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
