/* install.c (store) - see install.h. */
#include "install.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

/* an arbitrary constant, the same for every berkasd */
static const struct stmt lock = {"install.lock", 0, "SELECT pg_advisory_xact_lock(7362538451)"};

static const struct stmt root = {"install.root", 1,
                                 "SELECT code FROM app.offices WHERE parent_id IS NULL AND "
                                 "kind = $1 ORDER BY id LIMIT 1"};

static const struct stmt office_by_code = {"install.office_by_code", 1,
                                           "SELECT id FROM app.offices WHERE code = upper($1)"};

static const struct stmt code_taken = {"install.code_taken", 1,
                                       "SELECT 1 FROM app.offices WHERE code = $1"};

static const struct stmt nip_taken = {"install.nip_taken", 1,
                                      "SELECT 1 FROM app.users WHERE nip = $1"};

static const struct stmt row_begin = {"install.row_begin", 0, "SAVEPOINT import_row"};
static const struct stmt row_keep = {"install.row_keep", 0, "RELEASE SAVEPOINT import_row"};
static const struct stmt row_drop = {"install.row_drop", 0, "ROLLBACK TO SAVEPOINT import_row"};

bool store_install_lock(struct tx *tx, struct berr *err)
{
    return stmt_exec(tx, &lock, NULL, err);
}

bool store_install_root(struct tx *tx, const char *kind, char code[64], struct berr *err)
{
    const char *p[1] = {kind};
    PGresult *r = stmt_query(tx, &root, p, err);
    if (!r)
        return false;
    code[0] = '\0';
    if (PQntuples(r) > 0)
        stmt_copy(code, 64, r, 0, 0);
    PQclear(r);
    return true;
}

bool store_install_office_by_code(struct tx *tx, const char *code, long long *id, struct berr *err)
{
    const char *p[1] = {code};
    PGresult *r = stmt_query(tx, &office_by_code, p, err);
    if (!r)
        return false;
    *id = PQntuples(r) == 1 ? stmt_ll(r, 0, 0) : 0;
    PQclear(r);
    return true;
}

static bool any(struct tx *tx, const struct stmt *s, const char *value, bool *found,
                struct berr *err)
{
    const char *p[1] = {value};
    PGresult *r = stmt_query(tx, s, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) > 0;
    PQclear(r);
    return true;
}

bool store_install_code_taken(struct tx *tx, const char *code, bool *taken, struct berr *err)
{
    return any(tx, &code_taken, code, taken, err);
}

bool store_install_nip_taken(struct tx *tx, const char *nip, bool *taken, struct berr *err)
{
    return any(tx, &nip_taken, nip, taken, err);
}

bool store_install_row_begin(struct tx *tx, struct berr *err)
{
    return stmt_exec(tx, &row_begin, NULL, err);
}

bool store_install_row_end(struct tx *tx, bool keep, struct berr *err)
{
    return stmt_exec(tx, keep ? &row_keep : &row_drop, NULL, err);
}
