/*
 * cases.c - reading cases, behind both fences.
 *
 * The first fence is here: each query says, in its WHERE clause, which
 * cases the actor's role may see.  The second is PostgreSQL's row-level
 * security on app.cases (sql/0002_identity.sql), which would still hide
 * another office's rows if this WHERE clause were wrong.  A case the actor
 * may not see is "not found", exactly like one that does not exist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "store/tx.h"
#include "visibility.h"

const char *case_visible_clause(enum role role)
{
    switch (role) {
    case ROLE_INVESTIGATOR:
        return "c.office_id = $1::bigint";
    case ROLE_SUPERVISOR:
        return "EXISTS (SELECT 1 FROM app.offices o WHERE o.id = c.office_id "
               "AND $1::bigint = ANY (o.ancestors))";
    case ROLE_PROSECUTOR:
        return "c.kejari_id = $1::bigint AND c.disclosed_at IS NOT NULL";
    default:
        return NULL; /* admins see no case contents */
    }
}

static json_t *case_json(PGresult *r, int i)
{
    json_t *j = json_pack(
        "{s:I, s:s, s:I}", "id", (json_int_t)strtoll(PQgetvalue(r, i, 0), NULL, 10), "number",
        PQgetvalue(r, i, 1), "office_id", (json_int_t)strtoll(PQgetvalue(r, i, 2), NULL, 10));
    json_object_set_new(
        j, "kejari_id",
        PQgetisnull(r, i, 3) ? json_null() : json_integer(strtoll(PQgetvalue(r, i, 3), NULL, 10)));
    return j;
}

json_t *app_cases_list(struct app *app, const struct actor *who, struct audit_rec *au,
                       struct berr *err)
{
    au->action = "case.list";
    const char *clause = case_visible_clause(who->role);
    if (!clause) {
        berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
        return NULL;
    }
    char sql[512], office[24];
    snprintf(sql, sizeof sql,
             "SELECT c.id, c.number, c.office_id, c.kejari_id FROM app.cases c WHERE %s "
             "ORDER BY c.id LIMIT 500",
             clause);
    snprintf(office, sizeof office, "%lld", who->office_id);
    const char *p[1] = {office};
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    PGresult *r = tx_query(&tx, sql, 1, p, err);
    json_t *items = r ? json_array() : NULL;
    for (int i = 0; r && i < PQntuples(r); i++)
        json_array_append_new(items, case_json(r, i));
    PQclear(r);
    bool ok = items && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        json_decref(items);
        return NULL;
    }
    return json_pack("{s:o}", "items", items);
}

json_t *app_case_get(struct app *app, const struct actor *who, long long id, struct audit_rec *au,
                     struct berr *err)
{
    au->action = "case.read";
    au->object_type = "case";
    au->object_id = id;
    const char *clause = case_visible_clause(who->role);
    if (!clause) {
        berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
        return NULL;
    }
    char sql[512], office[24], sid[24];
    snprintf(sql, sizeof sql,
             "SELECT c.id, c.number, c.office_id, c.kejari_id FROM app.cases c "
             "WHERE c.id = $2::bigint AND %s",
             clause);
    snprintf(office, sizeof office, "%lld", who->office_id);
    snprintf(sid, sizeof sid, "%lld", id);
    const char *p[2] = {office, sid};
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    PGresult *r = tx_query(&tx, sql, 2, p, err);
    json_t *j = NULL;
    if (r && PQntuples(r) == 1)
        j = case_json(r, 0);
    else if (r)
        berr_set(err, BERR_NOT_FOUND, "perkara %lld tidak ditemukan", id);
    PQclear(r);
    bool ok = j && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        json_decref(j);
        return NULL;
    }
    return j;
}
