/*
 * signers.h (store) - the queries of who signs: a user's particulars as the
 * users table has them now, the officials of an office (app.officials) and
 * the signing rules (app.signing_rules, 0007).
 *
 * Results are C structs; those with pointers point into memory they own
 * until their _free.
 */
#ifndef BERKAS_STORE_SIGNERS_H
#define BERKAS_STORE_SIGNERS_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* A person as printed under a signature.  acting ("", "Plh.", "Plt.") and
 * title are an official's; a user has position. */
struct store_signer {
    const char *name, *nip, *pangkat, *golongan, *position, *acting;
    void *res_;
};
void store_signer_free(struct store_signer *s);

/* The user's particulars now; *found false when there is no such user. */
BERKAS_MUST_CHECK bool store_signer_user(struct tx *tx, long long user_id, struct store_signer *out,
                                         bool *found, struct berr *err);

/* The official of role at office in force on date (YYYY-MM-DD), a Plh./Plt.
 * before the holder, then the latest appointed; position is the title.
 * *found false when none. */
BERKAS_MUST_CHECK bool store_official_on(struct tx *tx, long long office_id, const char *role,
                                         const char *date, struct store_signer *out, bool *found,
                                         struct berr *err);

/* The signing rule of form: signer ("official", "investigator",
 * "prosecutor"), the official's role and the role signed for ("" when
 * none); *found false when form has no rule. */
struct store_signing_rule {
    char signer[16], official_role[32], on_behalf_role[32];
};
BERKAS_MUST_CHECK bool store_signing_rule(struct tx *tx, const char *form,
                                          struct store_signing_rule *out, bool *found,
                                          struct berr *err);

/* ---- the officials of an office ---------------------------------------------------------- */

struct store_official {
    long long id, office_id;
    const char *role, *title, *acting, *name, *nip, *pangkat, *golongan;
    const char *valid_from, *valid_to; /* YYYY-MM-DD; valid_to NULL: open */
};
struct store_officials {
    int n;
    struct store_official *items;
    void *res_;
};

/* The office's officials by role, then valid_from, then id. */
BERKAS_MUST_CHECK bool store_officials_of(struct tx *tx, long long office_id,
                                          struct store_officials *out, struct berr *err);
void store_officials_free(struct store_officials *o);

/* A new official (acting, pangkat, golongan "" when none; valid_to NULL:
 * open; created_by 0: the installation); *id its id. */
struct store_official_new {
    long long office_id, created_by;
    const char *role, *title, *acting, *name, *nip, *pangkat, *golongan, *valid_from, *valid_to;
};
BERKAS_MUST_CHECK bool store_official_insert(struct tx *tx, const struct store_official_new *in,
                                             long long *id, struct berr *err);

/* End the official's term on valid_to; *found false when the official is
 * not of office_id or valid_to is before valid_from. */
BERKAS_MUST_CHECK bool store_official_end(struct tx *tx, long long office_id, long long official_id,
                                          const char *valid_to, bool *found, struct berr *err);

#endif
