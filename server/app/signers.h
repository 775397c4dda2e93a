/*
 * signers.h - who signs a document on its date (signers.c).
 */
#ifndef BERKAS_APP_SIGNERS_H
#define BERKAS_APP_SIGNERS_H

#include <jansson.h>
#include <stdbool.h>

#include "core/error.h"
#include "render/render.h"
#include "core/mustcheck.h"
#include "actor.h"

struct tx;

/* A signer's particulars with the render view pointing into them. */
struct signer_buf {
    char kind[16]; /* "official" or "user" */
    char name[201], nip[19], rank[61], grade[9], position[201], on_behalf[240], acting[8];
    struct render_signer s;
};

/* The signer of form on date (YYYY-MM-DD) by app.signing_rules: an official
 * of office_id in force on date, or the user act_user (the PPNS who did the
 * act, the jaksa who recorded it), with "a.n." where the rule says so.
 * BERR_UNPROCESSABLE naming the role when no official is in force. */
BERKAS_MUST_CHECK bool signer_for(struct tx *tx, const char *form, long long office_id,
                                  long long act_user, const char *date, struct signer_buf *b,
                                  struct berr *err);

/* The official of role ("kepala_kantor", ...) at office_id in force on date
 * (YYYY-MM-DD) into b; *found false when none. */
BERKAS_MUST_CHECK bool signer_official_on(struct tx *tx, long long office_id, const char *role,
                                          const char *date, struct signer_buf *b, bool *found,
                                          struct berr *err);

/* Point b->s at b's own strings again (after b was copied or moved). */
void signer_link(struct signer_buf *b);

/* A user's particulars as the users table has them now. */
BERKAS_MUST_CHECK bool signer_load_user(struct tx *tx, long long user_id, struct signer_buf *b,
                                        struct berr *err);

/* The snapshot stored with a document, and back; signer_from_json false
 * when j holds no signer (documents issued before 0007). */
BERKAS_MUST_CHECK json_t *signer_json(const struct signer_buf *b);
BERKAS_MUST_CHECK bool signer_from_json(json_t *j, struct signer_buf *b);

/* ---- officials: the administrators' use cases ----------------------------------------- */

struct official_input {
    const char *role;   /* kepala_kantor | kepala_inteldakim | kepala_kejari | kasi_pidum */
    const char *title;  /* the position as printed: "Kepala Kantor Imigrasi Kelas I TPI ..." */
    const char *acting; /* "", "Plh." or "Plt." */
    const char *name, *nip, *pangkat, *golongan;
    const char *valid_from, *valid_to; /* YYYY-MM-DD; valid_to NULL: still in office */
};

/* The officials of an office (anyone logged on: who signs is printed). */
BERKAS_MUST_CHECK json_t *app_officials_list(struct app *app, const struct actor *who,
                                             long long office_id, struct berr *err);
/* Record an official of an office of the admin's subtree. */
BERKAS_MUST_CHECK bool app_official_add(struct app *app, const struct actor *who,
                                        long long office_id, const struct official_input *in,
                                        long long *id, struct audit_rec *au, struct berr *err);
/* End an official's period (the last day in office, inclusive). */
BERKAS_MUST_CHECK bool app_official_end(struct app *app, const struct actor *who,
                                        long long office_id, long long official_id,
                                        const char *valid_to, struct audit_rec *au,
                                        struct berr *err);

#endif
