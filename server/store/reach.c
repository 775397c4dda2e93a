/* reach.c (store) - see reach.h. */
#include "reach.h"

#include <string.h>

#include "stmt.h"

static const struct stmt offices = {
    "reach.offices", 2,
    "SELECT cardinality(m.ancestors), f.id, cardinality(f.ancestors), "
    "f.id IS NOT NULL AND $1::bigint = ANY (f.ancestors) "
    "FROM app.offices m LEFT JOIN app.offices f ON $2::text IS NOT NULL "
    "AND (f.code = upper($2) OR f.id::text = $2) WHERE m.id = $1::bigint"};

const char *store_scope_column(enum store_scope s)
{
    switch (s) {
    case STORE_SCOPE1:
        return "scope1";
    case STORE_SCOPE2:
        return "scope2";
    case STORE_SCOPE3:
        return "scope3";
    default:
        return "office_id";
    }
}

const char *store_scope_mark(enum store_scope s)
{
    switch (s) {
    case STORE_SCOPE1:
        return "s1";
    case STORE_SCOPE2:
        return "s2";
    case STORE_SCOPE3:
        return "s3";
    default:
        return "o";
    }
}

bool store_reach_offices(struct tx *tx, long long office, const char *filter,
                         struct store_reach_offices *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char me[24];
    const char *p[2] = {stmt_id(me, office), filter};
    PGresult *r = stmt_query(tx, &offices, p, err);
    if (!r)
        return false;
    out->found = PQntuples(r) == 1;
    if (out->found) {
        out->depth = (int)stmt_ll(r, 0, 0);
        out->named = !PQgetisnull(r, 0, 1);
        out->named_id = stmt_ll(r, 0, 1);
        out->named_depth = (int)stmt_ll(r, 0, 2);
        out->named_under = stmt_bool(r, 0, 3);
    }
    PQclear(r);
    return true;
}
