/* cases.c (store) - see cases.h. */
#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

/* ---- who sees which case ------------------------------------------------------------------ */

const char *store_case_visible_clause(enum store_case_sight sight)
{
    switch (sight) {
    case STORE_SEES_OFFICE:
        return "c.office_id = $1::bigint";
    case STORE_SEES_SUBTREE:
        return "EXISTS (SELECT 1 FROM app.offices o WHERE o.id = c.office_id "
               "AND $1::bigint = ANY (o.ancestors))";
    case STORE_SEES_DISCLOSED:
        return "c.kejari_id = $1::bigint AND c.disclosed_at IS NOT NULL";
    }
    return "false";
}

/* ---- the case's particulars ---------------------------------------------------------------- */

static const struct stmt office_kind = {"cases.office_kind", 1,
                                        "SELECT kind FROM app.offices WHERE id = $1::bigint"};

static const struct stmt investigators_active = {
    "cases.investigators_active", 3,
    "SELECT count(DISTINCT id) = $3::int FROM app.users WHERE id = ANY "
    "(string_to_array($1, ',')::bigint[]) AND office_id = $2::bigint AND "
    "role = 'investigator' AND disabled_at IS NULL"};

static const struct stmt particulars = {
    "cases.particulars", 5,
    "UPDATE app.cases c SET summary = coalesce($2, summary), "
    "source = coalesce($3, source), source_note = coalesce($4, "
    "source_note), kejari_id = coalesce($5::bigint, kejari_id), "
    "version = version + 1, search = lower(c.number || ' ' || "
    "coalesce($2, summary) || ' ' || coalesce((SELECT string_agg(name "
    "|| ' ' || coalesce(passport_no, ''), ' ') FROM app.parties WHERE "
    "case_id = c.id), '')) WHERE id = $1::bigint RETURNING version"};

static const struct stmt investigators_drop = {
    "cases.investigators_drop", 2,
    "DELETE FROM app.case_investigators WHERE case_id = $1::bigint AND NOT "
    "(user_id = ANY (string_to_array($2, ',')::bigint[]))"};

static const struct stmt investigators_add = {
    "cases.investigators_add", 2,
    "INSERT INTO app.case_investigators (case_id, user_id) SELECT $1::bigint, "
    "u FROM unnest(string_to_array($2, ',')::bigint[]) u ON CONFLICT DO NOTHING"};

bool store_kejari_exists(struct tx *tx, long long office, bool *is_kejari, struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    PGresult *r = stmt_query(tx, &office_kind, p, err);
    if (!r)
        return false;
    *is_kejari = PQntuples(r) == 1 && (strcmp(PQgetvalue(r, 0, 0), "kejari") == 0 ||
                                       strcmp(PQgetvalue(r, 0, 0), "cabjari") == 0);
    PQclear(r);
    return true;
}

/* ids as "1,2,3" (malloc'd; NULL when out of memory) */
static char *id_list(const long long *ids, size_t n)
{
    size_t cap = n * 24 + 1, used = 0;
    char *csv = malloc(cap);
    if (!csv)
        return NULL;
    csv[0] = '\0';
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(csv + used, cap - used, "%s%lld", i ? "," : "", ids[i]);
    return csv;
}

bool store_investigators_active(struct tx *tx, const long long *ids, size_t n, long long office,
                                bool *all, struct berr *err)
{
    char *csv = id_list(ids, n);
    if (!csv)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    char o[24], count[24];
    snprintf(count, sizeof count, "%zu", n);
    const char *p[3] = {csv, stmt_id(o, office), count};
    PGresult *r = stmt_query(tx, &investigators_active, p, err);
    free(csv);
    if (!r)
        return false;
    *all = stmt_bool(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_case_particulars(struct tx *tx, long long case_id, const char *summary,
                            const char *source, const char *source_note, long long kejari,
                            int *version, struct berr *err)
{
    char cid[24], k[24];
    const char *p[5] = {stmt_id(cid, case_id), summary, source, source_note,
                        kejari ? stmt_id(k, kejari) : NULL};
    PGresult *r = stmt_query(tx, &particulars, p, err);
    if (!r)
        return false;
    if (PQntuples(r) != 1) {
        PQclear(r);
        return berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", case_id);
    }
    *version = (int)stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_case_investigators_set(struct tx *tx, long long case_id, const long long *ids, size_t n,
                                  struct berr *err)
{
    char *csv = id_list(ids, n);
    if (!csv)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    char cid[24];
    const char *p[2] = {stmt_id(cid, case_id), csv};
    bool ok =
        stmt_exec(tx, &investigators_drop, p, err) && stmt_exec(tx, &investigators_add, p, err);
    free(csv);
    return ok;
}
