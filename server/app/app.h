/*
 * app.h - the use cases of berkas, independent of HTTP.
 *
 * struct app is what every use case needs: the database pool and facts
 * fixed at start-up.  The HTTP layer calls app_* functions and turns their
 * results and errors into replies; nothing here knows about HTTP.  Results
 * that go out as documents are built as jansson values (the interchange
 * format, not an HTTP detail); the caller owns them.
 *
 * Every use case that touches case data runs in one transaction as its
 * acting user (store/tx.h), checks the rules itself, and leaves row-level
 * security in PostgreSQL as the second fence.
 */
#ifndef BERKAS_APP_APP_H
#define BERKAS_APP_APP_H

#include <jansson.h>
#include <sodium.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"

struct db_pool;

struct app {
    struct db_pool *db;
    int schema_version;  /* the latest migration applied */
    char pg_version[32]; /* "15.18" */
    bool embedded;       /* the database is berkasd's own cluster */
    /* verified against when the NIP is unknown, so that a wrong NIP and a
     * wrong password take the same time */
    char dummy_hash[crypto_pwhash_STRBYTES];
};

struct app_health {
    bool database_ok;
};

struct app_version {
    const char *name;
    const char *version;
    const char *api;
    int schema_version;
    const char *postgresql;
};

/* Read facts from the database at start-up (PostgreSQL's version). */
bool app_init(struct app *app, struct berr *err);

/* Whether the database answers within a second. */
void app_health(struct app *app, struct app_health *out);

/* What is running. */
void app_version(const struct app *app, struct app_version *out);

/* ---- identity (identity.c) --------------------------------------------------- */

#define SESSION_TOKEN_LEN 43 /* 32 random bytes, base64url without padding */

/* Log on with NIP and password.  On success fills token (SESSION_TOKEN_LEN+1
 * bytes) and who.  Failures: BERR_UNAUTHENTICATED for a wrong NIP or
 * password (the same words for both), a disabled or a locked account.  The
 * fifth failure within the window locks the account until an admin unlocks
 * it.  Every attempt is audited. */
bool app_login(struct app *app, const char *nip, const char *password, struct actor *who,
               char *token, struct audit_rec *au, struct berr *err);

/* The actor behind a bearer token, if its session is open, not idle past
 * the limit, not older than the absolute limit, and its user not disabled.
 * Touches the session (idle clock).  BERR_UNAUTHENTICATED otherwise. */
bool app_session_check(struct app *app, const char *token, struct actor *who, struct berr *err);

/* End the actor's session. */
bool app_logout(struct app *app, const struct actor *who, struct audit_rec *au, struct berr *err);

/* The actor as a document: user, role, office. */
json_t *app_me(struct app *app, const struct actor *who, struct berr *err);

/* The log-on banner text (public). */
json_t *app_banner(struct app *app, struct berr *err);

/* Replace the banner (admin). */
bool app_banner_set(struct app *app, const struct actor *who, const char *text,
                    struct audit_rec *au, struct berr *err);

/* Hash a password for storage (argon2id); false when out of memory. */
bool app_password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);

/* ---- offices and users (admin.c) ------------------------------------------- */

struct office_input {
    long long parent_id;                              /* 0: a root office */
    const char *kind, *code, *name, *tz, *class_name; /* class_name may be NULL */
};

struct user_input {
    const char *nip, *name, *pangkat, *golongan, *position, *role, *password;
    long long office_id;
    const char *ppns_card_no, *ppns_valid_until; /* investigators only; may be NULL */
};

/* Any logged-on user: the office directory. */
json_t *app_offices_list(struct app *app, const struct actor *who, struct berr *err);
json_t *app_office_get(struct app *app, const struct actor *who, long long id, struct berr *err);
/* Admin, under an office of their subtree.  who NULL: the installation
 * itself (demo data), which may also create root offices. */
bool app_office_create(struct app *app, const struct actor *who, const struct office_input *in,
                       long long *id, struct audit_rec *au, struct berr *err);

json_t *app_letterheads_list(struct app *app, const struct actor *who, long long office_id,
                             struct berr *err);
bool app_letterhead_add(struct app *app, const struct actor *who, long long office_id,
                        const char *effective_from, json_t *lines, struct audit_rec *au,
                        struct berr *err);

/* Admin: the users of their subtree. */
json_t *app_users_list(struct app *app, const struct actor *who, struct berr *err);
json_t *app_user_get(struct app *app, const struct actor *who, long long id, struct berr *err);
bool app_user_create(struct app *app, const struct actor *who, const struct user_input *in,
                     long long *id, struct audit_rec *au, struct berr *err);
/* Disabling ends every session of the user, in the same transaction. */
bool app_user_disable(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                      struct berr *err);
bool app_user_unlock(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                     struct berr *err);

/* ---- cases (cases.c) ---------------------------------------------------------- */

/* The cases the actor may see. */
json_t *app_cases_list(struct app *app, const struct actor *who, struct audit_rec *au,
                       struct berr *err);
/* The case as one XML document (schemas/case.xsd), the data forms bind to;
 * *xml is malloc'd UTF-8 of *len bytes, caller frees.  Same visibility and
 * audit as app_case_get. */
bool app_case_xml(struct app *app, const struct actor *who, long long id, char **xml, size_t *len,
                  struct audit_rec *au, struct berr *err);

/* One case; BERR_NOT_FOUND also when the actor may not see it.  Audited. */
json_t *app_case_get(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                     struct berr *err);

#endif
