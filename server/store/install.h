/*
 * install.h (store) - the queries of the installation's first start and of
 * the bulk import: the lock that serialises them, the trees' roots, offices
 * by code, NIPs taken, and the savepoint each imported row runs in.
 */
#ifndef BERKAS_STORE_INSTALL_H
#define BERKAS_STORE_INSTALL_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* Take the installation's lock for the rest of the transaction: two
 * installations or imports at once cannot both find the tree empty. */
BERKAS_MUST_CHECK bool store_install_lock(struct tx *tx, struct berr *err);

/* The code of the root office of kind ("ditjen", "kejagung") in code
 * (cut to fit), "" when the tree has none yet. */
BERKAS_MUST_CHECK bool store_install_root(struct tx *tx, const char *kind, char code[64],
                                          struct berr *err);

/* The office whose code is code (upper-cased) as it stands in this
 * transaction: *id 0 when none. */
BERKAS_MUST_CHECK bool store_install_office_by_code(struct tx *tx, const char *code, long long *id,
                                                    struct berr *err);

/* Whether an office has exactly code, and whether a user has nip. */
BERKAS_MUST_CHECK bool store_install_code_taken(struct tx *tx, const char *code, bool *taken,
                                                struct berr *err);
BERKAS_MUST_CHECK bool store_install_nip_taken(struct tx *tx, const char *nip, bool *taken,
                                               struct berr *err);

/* One imported row's savepoint: opened, then kept (ok) or rolled back. */
BERKAS_MUST_CHECK bool store_install_row_begin(struct tx *tx, struct berr *err);
BERKAS_MUST_CHECK bool store_install_row_end(struct tx *tx, bool keep, struct berr *err);

#endif
