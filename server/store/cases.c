/* cases.c (store) - see cases.h. */
#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "shape.h"
#include "stmt.h"
#include "tx.h"

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
    "|| ' ' || coalesce(passport_no, '') || ' ' || coalesce(nik, ''), ' ') FROM app.parties WHERE "
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

/* ---- opening a case ------------------------------------------------------------------------ */

static const struct stmt counter_next = {
    "cases.counter_next", 3,
    "INSERT INTO app.counters (office_id, series, year, next) "
    "VALUES ($1::bigint, $2, $3::int, 2) ON CONFLICT (office_id, "
    "series, year) DO UPDATE SET next = app.counters.next + 1 "
    "RETURNING next - 1, (SELECT code FROM app.offices WHERE id = "
    "$1::bigint)"};

static const struct stmt case_insert = {
    "cases.insert", 8,
    "INSERT INTO app.cases (number, office_id, kejari_id, source, "
    "source_note, summary, opened_on, created_by, search) VALUES ($1, "
    "$2::bigint, $3::bigint, $4, $5, $6, $7::date, $8::bigint, "
    "lower($1 || ' ' || $6)) RETURNING id"};

static const struct stmt investigator_add = {
    "cases.investigator_add", 2,
    "INSERT INTO app.case_investigators (case_id, user_id) VALUES ($1::bigint, $2::bigint)"};

bool store_case_counter_next(struct tx *tx, long long office, const char *series, int year,
                             long *next, char code[64], struct berr *err)
{
    char o[24], y[16];
    snprintf(y, sizeof y, "%d", year);
    const char *p[3] = {stmt_id(o, office), series, y};
    PGresult *r = stmt_query(tx, &counter_next, p, err);
    if (!r)
        return false;
    *next = (long)stmt_ll(r, 0, 0);
    stmt_copy(code, 64, r, 0, 1);
    PQclear(r);
    return true;
}

bool store_case_insert(struct tx *tx, const struct store_new_case *in, long long *id,
                       struct berr *err)
{
    char office[24], kejari[24], by[24];
    const char *p[8] = {in->number,
                        stmt_id(office, in->office_id),
                        in->kejari_id ? stmt_id(kejari, in->kejari_id) : NULL,
                        in->source,
                        in->source_note,
                        in->summary,
                        in->opened_on,
                        stmt_id(by, in->created_by)};
    PGresult *r = stmt_query(tx, &case_insert, p, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_case_investigator_add(struct tx *tx, long long case_id, long long user, struct berr *err)
{
    char cid[24], uid[24];
    const char *p[2] = {stmt_id(cid, case_id), stmt_id(uid, user)};
    return stmt_exec(tx, &investigator_add, p, err);
}

/* ---- writing to a case ---------------------------------------------------------------------- */

/* whether a summary s holds a hand-over under the short procedure among its arrivals (app/summary.h
 * summary_handed_short reads the same) */
#define HANDED_SHORT "COALESCE(s.detail->'arrivals' @> '[{\"kind\":\"short\"}]', false)"

static const struct stmt lock_in_office = {
    "cases.lock_in_office", 2,
    "SELECT c.stage, (SELECT " HANDED_SHORT " FROM app.case_summaries s WHERE s.case_id = c.id) "
    "FROM app.cases c WHERE c.id = $1::bigint AND c.office_id = $2::bigint FOR UPDATE OF c"};

static const struct stmt search_refresh = {
    "cases.search_refresh", 1,
    "UPDATE app.cases c SET search = lower(c.number || ' ' || c.summary || ' '"
    " || coalesce((SELECT string_agg(name || ' ' || coalesce(passport_no, '') "
    "|| ' ' || coalesce(nik, ''), ' ') FROM app.parties WHERE case_id = c.id), '')) WHERE c.id = "
    "$1::bigint"};

static const struct stmt party_insert = {
    "cases.party_insert", 14,
    "INSERT INTO app.parties (case_id, kind, name, nationality, passport_no, "
    "birth_date, birth_place, sex, occupation, address_id, address_abroad, "
    "language, interpreter, nik) VALUES ($1::bigint, $2, $3, $4, $5, $6::date, "
    "coalesce($7, ''), $8, coalesce($9, ''), coalesce($10, ''), "
    "coalesce($11, ''), coalesce($12, ''), coalesce($13, ''), $14) RETURNING id"};

/* a correction: only what was sent changes; the version guards it */
static const struct stmt party_update = {
    "cases.party_update", 16,
    "UPDATE app.parties SET kind = coalesce($2, kind), name = coalesce($3, "
    "name), nationality = coalesce($4, nationality), passport_no = "
    "coalesce($5, passport_no), birth_date = coalesce($6::date, birth_date), "
    "birth_place = coalesce($7, birth_place), sex = coalesce($8, sex), "
    "occupation = coalesce($9, occupation), address_id = coalesce($10, "
    "address_id), address_abroad = coalesce($11, address_abroad), language = "
    "coalesce($12, language), interpreter = coalesce($13, interpreter), "
    "nik = coalesce($16, nik), version = version + 1, updated_at = now() WHERE case_id = "
    "$1::bigint AND "
    "id = $14::bigint AND ($15::int IS NULL OR version = $15::int) "
    "RETURNING id"};

static const struct stmt party_of_case = {
    "cases.party_of_case", 2,
    "SELECT 1 FROM app.parties WHERE case_id = $1::bigint AND id = $2::bigint"};

static const struct stmt suspect_of_case = {
    "cases.suspect_of_case", 2,
    "SELECT 1 FROM app.parties WHERE case_id = $1::bigint AND id = "
    "$2::bigint AND kind = 'suspect'"};

/* once per offence, per suspect or case-wide (0006: case_offences_once) */
static const struct stmt offence_charged = {
    "cases.offence_charged", 3,
    "SELECT 1 FROM app.case_offences co JOIN app.offence_catalogue oc "
    "ON oc.id = co.offence_id WHERE co.case_id = $1::bigint AND "
    "oc.code = $2 AND co.party_id IS NOT DISTINCT FROM $3::bigint"};

static const struct stmt offence_charge = {
    "cases.offence_charge", 3,
    "INSERT INTO app.case_offences (case_id, offence_id, party_id) "
    "SELECT $1::bigint, id, $3::bigint FROM app.offence_catalogue "
    "WHERE code = $2 AND effective_to IS NULL ORDER BY effective_from DESC "
    "LIMIT 1 RETURNING id"};

static const struct stmt offence_withdraw = {
    "cases.offence_withdraw", 2,
    "DELETE FROM app.case_offences WHERE case_id = $1::bigint AND id = "
    "$2::bigint RETURNING (SELECT code FROM app.offence_catalogue oc WHERE "
    "oc.id = offence_id)"};

static const struct stmt evidence_insert = {
    "cases.evidence_insert", 7,
    "INSERT INTO app.evidence (case_id, description, quantity, seized_from, "
    "seized_on, storage, seizure_event) SELECT $1::bigint, $2, $3, $4::bigint, $5::date, $6, "
    "$7::bigint WHERE $4::bigint IS NULL OR EXISTS (SELECT 1 FROM app.parties WHERE id = "
    "$4::bigint AND case_id = $1::bigint) RETURNING id"};

static const struct stmt evidence_update = {
    "cases.evidence_update", 8,
    "UPDATE app.evidence SET description = coalesce($3, description), "
    "quantity = coalesce($4, quantity), seized_on = coalesce($5::date, "
    "seized_on), storage = coalesce($6, storage), seizure_event = coalesce($8::bigint, "
    "seizure_event), version = version + 1, "
    "updated_at = now() WHERE case_id = $1::bigint AND id = $2::bigint AND "
    "($7::int IS NULL OR version = $7::int) RETURNING id"};

static const struct stmt evidence_in_case = {
    "cases.evidence_in_case", 2,
    "SELECT 1 FROM app.evidence WHERE case_id = $1::bigint AND id = $2::bigint"};

static const struct stmt evidence_of_act = {
    "cases.evidence_of_act", 2,
    "SELECT count(*) FROM app.evidence WHERE case_id = $1::bigint AND seizure_event = "
    "$2::bigint"};

/* whether s (with params p) returned a row; *id its first column when id */
bool store_case_lock_in_office(struct tx *tx, long long case_id, long long office,
                               char stage[STORE_STAGE_LEN], bool *handed_short, bool *found,
                               struct berr *err)
{
    char cid[24], o[24];
    const char *p[2] = {stmt_id(cid, case_id), stmt_id(o, office)};
    PGresult *r = stmt_query(tx, &lock_in_office, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    stage[0] = '\0';
    *handed_short = false;
    if (*found) {
        stmt_copy(stage, STORE_STAGE_LEN, r, 0, 0);
        *handed_short = !PQgetisnull(r, 0, 1) && stmt_bool(r, 0, 1);
    }
    PQclear(r);
    return true;
}

bool store_case_search_refresh(struct tx *tx, long long case_id, struct berr *err)
{
    char cid[24];
    const char *p[1] = {stmt_id(cid, case_id)};
    return stmt_exec(tx, &search_refresh, p, err);
}

bool store_party_insert(struct tx *tx, long long case_id, const struct store_party_in *in,
                        long long *id, struct berr *err)
{
    char cid[24];
    const char *p[14] = {stmt_id(cid, case_id), in->kind,       in->name,           in->nationality,
                         in->passport_no,       in->birth_date, in->birth_place,    in->sex,
                         in->occupation,        in->address_id, in->address_abroad, in->language,
                         in->interpreter,       in->nik};
    bool found;
    if (!stmt_one(tx, &party_insert, p, &found, id, err))
        return false;
    return found || berr_set(err, BERR_INTERNAL, "party not inserted");
}

bool store_party_update(struct tx *tx, long long case_id, long long party,
                        const struct store_party_in *in, int if_match, bool *done, struct berr *err)
{
    char cid[24], pid[24], ver[16];
    snprintf(ver, sizeof ver, "%d", if_match);
    const char *p[16] = {stmt_id(cid, case_id),
                         in->kind,
                         in->name,
                         in->nationality,
                         in->passport_no,
                         in->birth_date,
                         in->birth_place,
                         in->sex,
                         in->occupation,
                         in->address_id,
                         in->address_abroad,
                         in->language,
                         in->interpreter,
                         stmt_id(pid, party),
                         if_match >= 0 ? ver : NULL,
                         in->nik};
    return stmt_one(tx, &party_update, p, done, NULL, err);
}

bool store_party_of_case(struct tx *tx, long long case_id, long long party, bool suspect_only,
                         bool *found, struct berr *err)
{
    char cid[24], pid[24];
    const char *p[2] = {stmt_id(cid, case_id), stmt_id(pid, party)};
    return stmt_one(tx, suspect_only ? &suspect_of_case : &party_of_case, p, found, NULL, err);
}

bool store_offence_charged(struct tx *tx, long long case_id, const char *code, long long party,
                           bool *charged, struct berr *err)
{
    char cid[24], pid[24];
    const char *p[3] = {stmt_id(cid, case_id), code, party ? stmt_id(pid, party) : NULL};
    return stmt_one(tx, &offence_charged, p, charged, NULL, err);
}

bool store_offence_charge(struct tx *tx, long long case_id, const char *code, long long party,
                          long long *id, struct berr *err)
{
    char cid[24], pid[24];
    const char *p[3] = {stmt_id(cid, case_id), code, party ? stmt_id(pid, party) : NULL};
    bool found;
    return stmt_one(tx, &offence_charge, p, &found, id, err);
}

bool store_offence_withdraw(struct tx *tx, long long case_id, long long charge, char code[32],
                            struct berr *err)
{
    char cid[24], oid[24];
    const char *p[2] = {stmt_id(cid, case_id), stmt_id(oid, charge)};
    PGresult *r = stmt_query(tx, &offence_withdraw, p, err);
    if (!r)
        return false;
    code[0] = '\0';
    if (PQntuples(r) > 0)
        stmt_copy(code, 32, r, 0, 0);
    PQclear(r);
    return true;
}

bool store_evidence_insert(struct tx *tx, long long case_id, const struct store_evidence_in *in,
                           long long *id, struct berr *err)
{
    char cid[24], pid[24], sid[24];
    const char *p[7] = {stmt_id(cid, case_id),
                        in->description,
                        in->quantity ? in->quantity : "1",
                        in->seized_from ? stmt_id(pid, in->seized_from) : NULL,
                        in->seized_on,
                        in->storage ? in->storage : "",
                        in->seizure_event ? stmt_id(sid, in->seizure_event) : NULL};
    bool found;
    return stmt_one(tx, &evidence_insert, p, &found, id, err);
}

bool store_evidence_update(struct tx *tx, long long case_id, long long item, int if_match,
                           const struct store_evidence_in *in, bool *done, struct berr *err)
{
    char cid[24], iid[24], ver[16], sid[24];
    snprintf(ver, sizeof ver, "%d", if_match);
    const char *p[8] = {stmt_id(cid, case_id),
                        stmt_id(iid, item),
                        in->description,
                        in->quantity,
                        in->seized_on,
                        in->storage,
                        if_match >= 0 ? ver : NULL,
                        in->seizure_event ? stmt_id(sid, in->seizure_event) : NULL};
    return stmt_one(tx, &evidence_update, p, done, NULL, err);
}

bool store_evidence_in_case(struct tx *tx, long long case_id, long long item, bool *found,
                            struct berr *err)
{
    char cid[24], iid[24];
    const char *p[2] = {stmt_id(cid, case_id), stmt_id(iid, item)};
    return stmt_one(tx, &evidence_in_case, p, found, NULL, err);
}

bool store_evidence_of_act(struct tx *tx, long long case_id, long long event_id, long long *n,
                           struct berr *err)
{
    char cid[24], eid[24];
    const char *p[2] = {stmt_id(cid, case_id), stmt_id(eid, event_id)};
    bool found;
    return stmt_one(tx, &evidence_of_act, p, &found, n, err);
}

/* ---- the offence catalogue in force -------------------------------------------------------- */

static const struct stmt catalogue = {
    "cases.offence_catalogue", 0,
    "SELECT code, article, label, max_prison_months, min_prison_months, "
    "max_fine, connector, kurungan, detainable, short_procedure, "
    "effective_from::text, to_verify FROM app.offence_catalogue "
    "WHERE effective_to IS NULL ORDER BY article, code"};

static void offence_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_offence *o = item;
    o->code = PQgetvalue(r, i, 0);
    o->article = stmt_ll(r, i, 1);
    o->label = PQgetvalue(r, i, 2);
    o->max_prison_months = stmt_ll(r, i, 3);
    o->min_prison_months = stmt_ll(r, i, 4);
    o->max_fine = stmt_ll(r, i, 5);
    o->connector = PQgetvalue(r, i, 6);
    o->kurungan = stmt_bool(r, i, 7);
    o->detainable = stmt_bool(r, i, 8);
    o->short_procedure = stmt_bool(r, i, 9);
    o->effective_from = PQgetvalue(r, i, 10);
    o->to_verify = stmt_bool(r, i, 11);
}

bool store_offence_catalogue(struct tx *tx, struct store_offences *out, struct berr *err)
{
    void *items;
    bool ok = stmt_rows(stmt_query(tx, &catalogue, NULL, err), sizeof *out->items, offence_of, NULL,
                        &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_offences_free(struct store_offences *o)
{
    free(o->items);
    PQclear(o->res_);
    memset(o, 0, sizeof *o);
}

/* ---- the team and the jaksa --------------------------------------------------------------- */

/* a NIP has 18 digits; anything shorter is a user id */
static const struct stmt person = {
    "cases.person", 3,
    "SELECT u.id FROM app.users u JOIN app.offices o ON o.id = u.office_id "
    "WHERE (CASE WHEN length($1) = 18 THEN u.nip = $1 ELSE u.id::text = $1 "
    "END) AND u.role = $2 AND u.disabled_at IS NULL AND (u.office_id = "
    "$3::bigint OR ($2 = 'prosecutor' AND o.kind = 'cabjari' AND "
    "o.parent_id = $3::bigint))"};

static const struct stmt team = {"cases.team", 1,
                                 "SELECT user_id FROM app.case_investigators WHERE case_id = "
                                 "$1::bigint AND removed_at IS NULL"};

static const struct stmt team_keep_only = {
    "cases.team_keep_only", 4,
    "UPDATE app.case_investigators SET removed_at = now(), removed_by "
    "= $4::bigint, event_id = $3::bigint WHERE case_id = $1::bigint "
    "AND removed_at IS NULL AND user_id NOT IN (SELECT "
    "jsonb_array_elements_text($2::jsonb)::bigint)"};

static const struct stmt team_join = {
    "cases.team_join", 4,
    "INSERT INTO app.case_investigators AS ci (case_id, user_id, source, "
    "event_id) SELECT $1::bigint, v::bigint, $4, $3::bigint FROM "
    "jsonb_array_elements_text($2::jsonb) v "
    "ON CONFLICT (case_id, user_id) DO UPDATE SET removed_at = NULL, "
    "removed_by = NULL, source = EXCLUDED.source, event_id = EXCLUDED.event_id, "
    "added_at = CASE WHEN ci.removed_at IS NULL THEN ci.added_at ELSE now() END"};

static const struct stmt team_leave = {
    "cases.team_leave", 4,
    "UPDATE app.case_investigators SET removed_at = now(), removed_by = "
    "$4::bigint, event_id = $3::bigint WHERE case_id = $1::bigint AND "
    "removed_at IS NULL AND user_id IN (SELECT "
    "jsonb_array_elements_text($2::jsonb)::bigint)"};

static const struct stmt jaksa_add = {
    "cases.jaksa_add", 3,
    "INSERT INTO app.case_prosecutors (case_id, user_id, event_id) VALUES "
    "($1::bigint, $2::bigint, $3::bigint) ON CONFLICT (case_id, user_id) DO "
    "UPDATE SET removed_at = NULL, event_id = EXCLUDED.event_id"};

bool store_case_person(struct tx *tx, const char *who, const char *role, long long office,
                       long long *id, struct berr *err)
{
    char o[24];
    const char *p[3] = {who, role, stmt_id(o, office)};
    return stmt_one(tx, &person, p, NULL, id, err);
}

bool store_case_team_ids(struct tx *tx, long long case_id, long long **ids, int *n,
                         struct berr *err)
{
    *ids = NULL;
    *n = 0;
    char cid[24];
    const char *p[1] = {stmt_id(cid, case_id)};
    PGresult *r = stmt_query(tx, &team, p, err);
    if (!r)
        return false;
    int rows = PQntuples(r);
    *ids = calloc(rows > 0 ? (size_t)rows : 1, sizeof **ids);
    if (!*ids) {
        PQclear(r);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    for (int i = 0; i < rows; i++)
        (*ids)[i] = stmt_ll(r, i, 0);
    *n = rows;
    PQclear(r);
    return true;
}

bool store_case_team_set(struct tx *tx, long long case_id, const char *ids_json, bool only,
                         const char *source, long long event_id, long long user, struct berr *err)
{
    char cid[24], eid[24], uid[24];
    const char *pu[4] = {stmt_id(cid, case_id), ids_json, stmt_id(eid, event_id),
                         stmt_id(uid, user)};
    const char *pi[4] = {cid, ids_json, eid, source};
    return (!only || stmt_exec(tx, &team_keep_only, pu, err)) && stmt_exec(tx, &team_join, pi, err);
}

bool store_case_team_remove(struct tx *tx, long long case_id, const char *ids_json,
                            long long event_id, long long user, struct berr *err)
{
    char cid[24], eid[24], uid[24];
    const char *p[4] = {stmt_id(cid, case_id), ids_json, stmt_id(eid, event_id),
                        stmt_id(uid, user)};
    return stmt_exec(tx, &team_leave, p, err);
}

bool store_case_jaksa_add(struct tx *tx, long long case_id, long long user, long long event_id,
                          struct berr *err)
{
    char cid[24], uid[24], eid[24];
    const char *p[3] = {stmt_id(cid, case_id), stmt_id(uid, user), stmt_id(eid, event_id)};
    return stmt_exec(tx, &jaksa_add, p, err);
}

/* ---- the case's page ------------------------------------------------------------------------ */

static const struct stmt head = {
    "cases.head", 1,
    "SELECT c.number, c.stage, c.version, c.office_id, o.code, o.name, "
    "o.tz, c.kejari_id, k.name, c.source, c.source_note, c.summary, "
    "coalesce(c.opened_on::text, ''), c.disclosed_at IS NOT NULL, "
    "to_char(c.stage_since AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM app.cases c "
    "JOIN app.offices o ON o.id = c.office_id "
    "LEFT JOIN app.offices k ON k.id = c.kejari_id WHERE c.id = $1::bigint"};

/* an instant or a date as to_json renders it */
#define JT(x) "to_json(" x ") #>> '{}'"

/* the statements of the page's lists, in the order of struct store_case_lists */
enum page_list { L_PARTIES, L_CHARGES, L_EVIDENCE, L_P19, L_PAPERS, L_TEAM, L_JAKSA };

static const struct stmt lists[] = {
    [L_PARTIES] =
        {"cases.page_parties", 1,
         "SELECT id, kind, name, nationality, passport_no, " JT(
             "birth_date") ", "
                           "birth_place, sex, occupation, address_id, address_abroad, language, "
                           "interpreter, version, nik FROM app.parties WHERE case_id = $1::bigint "
                           "ORDER "
                           "BY id"},
    [L_CHARGES] = {"cases.page_offences", 1,
                   "SELECT co.id, co.party_id, oc.code, oc.label, oc.max_prison_months, "
                   "oc.detainable, oc.short_procedure, oc.to_verify FROM app.case_offences co "
                   "JOIN app.offence_catalogue oc ON oc.id = co.offence_id "
                   "WHERE co.case_id = $1::bigint ORDER BY co.id"},
    [L_EVIDENCE] =
        {"cases.page_evidence", 1,
         "SELECT id, seized_from, description, quantity, " JT(
             "seized_on") ", storage, "
                          "version, seizure_event FROM app.evidence WHERE case_id = $1::bigint "
                          "ORDER BY id"},
    [L_P19] = {"cases.page_p19_items", 1,
               "SELECT i.round, i.item_no, " JT(
                   "e.legal_date") ", i.id, i.reopens, i.text, "
                                   "i.answer, i.event_id, i.answered_by FROM app.instructions i "
                                   "JOIN app.events e ON e.id = i.event_id "
                                   "WHERE i.case_id = $1::bigint ORDER BY i.round, e.legal_date, "
                                   "i.item_no"},
    [L_PAPERS] = {"cases.page_papers", 1,
                  "SELECT d.event_id, d.id, d.form, d.number FROM app.documents d JOIN "
                  "app.events e ON e.id = d.event_id WHERE d.case_id = $1::bigint AND "
                  "e.case_id = $1::bigint AND d.revoked_at IS NULL ORDER BY e.seq, d.id"},
    /* since: the legal date of the act that named them (the Sprindik, a reassignment, the
     * P-16), the row's entry time only when no act did */
    [L_TEAM] = {"cases.page_team", 1,
                "SELECT u.id, u.name, u.nip, ci.source, coalesce(e.legal_date::text, " JT(
                    "ci.added_at") "), coalesce(e.id, 0) FROM app.case_investigators ci JOIN "
                                   "app.users u ON u.id = "
                                   "ci.user_id LEFT JOIN app.events e ON e.id = ci.event_id AND "
                                   "e.case_id = ci.case_id WHERE ci.case_id = $1::bigint AND "
                                   "ci.removed_at IS NULL ORDER BY u.name"},
    [L_JAKSA] = {"cases.page_jaksa", 1,
                 "SELECT u.id, u.name, u.nip, NULL::text, coalesce(e.legal_date::text, " JT(
                     "cp.added_at") "), coalesce(e.id, 0) FROM app.case_prosecutors cp JOIN "
                                    "app.users u ON u.id = "
                                    "cp.user_id LEFT JOIN app.events e ON e.id = cp.event_id AND "
                                    "e.case_id = cp.case_id WHERE cp.case_id = $1::bigint AND "
                                    "cp.removed_at IS NULL ORDER BY u.name"},
};

static const struct stmt directions_named = {
    "cases.directions_named", 2,
    "SELECT gu.name, tu.name, tu.nip, du.name FROM jsonb_array_elements($1::jsonb) "
    "WITH ORDINALITY AS x(d, n) "
    "LEFT JOIN app.events ge ON ge.id = (x.d->>'event_id')::bigint AND ge.case_id = $2::bigint "
    "LEFT JOIN app.users gu ON gu.id = ge.entered_by "
    "LEFT JOIN app.users tu ON tu.id = (x.d->>'to')::bigint "
    "LEFT JOIN app.events de ON de.id = (x.d->'done'->>'event_id')::bigint AND de.case_id = "
    "$2::bigint LEFT JOIN app.users du ON du.id = de.entered_by ORDER BY x.n"};

bool store_case_head(struct tx *tx, long long case_id, struct store_case_head *out, bool *found,
                     struct berr *err)
{
    memset(out, 0, sizeof *out);
    char cid[24];
    const char *p[1] = {stmt_id(cid, case_id)};
    PGresult *r = stmt_query(tx, &head, p, err);
    if (!r)
        return false;
    out->res_ = r;
    *found = PQntuples(r) == 1;
    if (!*found)
        return true;
    out->number = PQgetvalue(r, 0, 0);
    out->stage = PQgetvalue(r, 0, 1);
    out->office_id = stmt_ll(r, 0, 3);
    out->office_code = PQgetvalue(r, 0, 4);
    out->office_name = PQgetvalue(r, 0, 5);
    out->office_tz = PQgetvalue(r, 0, 6);
    out->kejari_id = PQgetisnull(r, 0, 7) ? 0 : stmt_ll(r, 0, 7);
    out->kejari_name = PQgetvalue(r, 0, 8);
    out->source = PQgetvalue(r, 0, 9);
    out->source_note = PQgetvalue(r, 0, 10);
    out->summary = PQgetvalue(r, 0, 11);
    out->opened_on = PQgetvalue(r, 0, 12);
    out->disclosed = stmt_bool(r, 0, 13);
    out->stage_since = PQgetvalue(r, 0, 14);
    return true;
}

void store_case_head_free(struct store_case_head *h)
{
    PQclear(h->res_);
    memset(h, 0, sizeof *h);
}

/* the text at row, col; NULL when NULL */
static const char *text_or_null(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static void party_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_party *p = item;
    p->id = stmt_ll(r, i, 0);
    p->kind = PQgetvalue(r, i, 1);
    p->name = PQgetvalue(r, i, 2);
    p->nationality = text_or_null(r, i, 3);
    p->passport_no = text_or_null(r, i, 4);
    p->birth_date = text_or_null(r, i, 5);
    p->birth_place = PQgetvalue(r, i, 6);
    p->sex = text_or_null(r, i, 7);
    p->occupation = PQgetvalue(r, i, 8);
    p->address_id = PQgetvalue(r, i, 9);
    p->address_abroad = PQgetvalue(r, i, 10);
    p->language = PQgetvalue(r, i, 11);
    p->interpreter = PQgetvalue(r, i, 12);
    p->version = (int)stmt_ll(r, i, 13);
    p->nik = text_or_null(r, i, 14);
}

static void charge_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_charge *c = item;
    c->id = stmt_ll(r, i, 0);
    c->party_id = stmt_ll(r, i, 1);
    c->code = PQgetvalue(r, i, 2);
    c->label = PQgetvalue(r, i, 3);
    c->max_prison_months = (int)stmt_ll(r, i, 4);
    c->detainable = stmt_bool(r, i, 5);
    c->short_procedure = stmt_bool(r, i, 6);
    c->to_verify = stmt_bool(r, i, 7);
}

static void evidence_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_evidence *e = item;
    e->id = stmt_ll(r, i, 0);
    e->seized_from = stmt_ll(r, i, 1);
    e->description = PQgetvalue(r, i, 2);
    e->quantity = PQgetvalue(r, i, 3);
    e->seized_on = text_or_null(r, i, 4);
    e->storage = PQgetvalue(r, i, 5);
    e->version = (int)stmt_ll(r, i, 6);
    e->seizure_event = stmt_ll(r, i, 7);
}

static void p19_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_p19_item *p = item;
    p->round = (int)stmt_ll(r, i, 0);
    p->item_no = (int)stmt_ll(r, i, 1);
    p->received_on = PQgetvalue(r, i, 2);
    p->id = stmt_ll(r, i, 3);
    p->reopens = stmt_ll(r, i, 4);
    p->text = PQgetvalue(r, i, 5);
    p->answer = text_or_null(r, i, 6);
    p->given = stmt_ll(r, i, 7);
    p->answered_by = stmt_ll(r, i, 8);
}

static void paper_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_act_paper *p = item;
    p->event_id = stmt_ll(r, i, 0);
    p->id = stmt_ll(r, i, 1);
    p->form = PQgetvalue(r, i, 2);
    p->number = PQgetvalue(r, i, 3);
}

static void member_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_member *m = item;
    m->id = stmt_ll(r, i, 0);
    m->name = PQgetvalue(r, i, 1);
    m->nip = PQgetvalue(r, i, 2);
    m->source = text_or_null(r, i, 3);
    m->since = PQgetvalue(r, i, 4);
    m->event_id = stmt_ll(r, i, 5);
}

bool store_case_lists(struct tx *tx, long long case_id, struct store_case_lists *out,
                      struct berr *err)
{
    memset(out, 0, sizeof *out);
    enum { N = sizeof lists / sizeof lists[0] };
    char cid[24];
    const char *p[1] = {stmt_id(cid, case_id)};
    struct db_batch b[N];
    for (int i = 0; i < N; i++)
        b[i] = (struct db_batch){lists[i].name, lists[i].sql, lists[i].nparams, p};
    PGresult *r[N];
    if (!tx_batch(tx, N, b, r, err))
        return false;
    const struct {
        size_t size;
        stmt_row_fn *fill;
        int *n;
    } to[N] = {
        [L_PARTIES] = {sizeof *out->parties, party_of, &out->nparties},
        [L_CHARGES] = {sizeof *out->charges, charge_of, &out->ncharges},
        [L_EVIDENCE] = {sizeof *out->evidence, evidence_of, &out->nevidence},
        [L_P19] = {sizeof *out->p19, p19_of, &out->np19},
        [L_PAPERS] = {sizeof *out->papers, paper_of, &out->npapers},
        [L_TEAM] = {sizeof *out->team, member_of, &out->nteam},
        [L_JAKSA] = {sizeof *out->jaksa, member_of, &out->njaksa},
    };
    void *items[N] = {0};
    bool ok = true;
    for (int i = 0; i < N; i++) {
        if (ok)
            ok = stmt_rows(r[i], to[i].size, to[i].fill, NULL, &items[i], to[i].n, &out->res_[i],
                           err);
        else
            PQclear(r[i]);
    }
    out->parties = items[L_PARTIES];
    out->charges = items[L_CHARGES];
    out->evidence = items[L_EVIDENCE];
    out->p19 = items[L_P19];
    out->papers = items[L_PAPERS];
    out->team = items[L_TEAM];
    out->jaksa = items[L_JAKSA];
    if (!ok)
        store_case_lists_free(out);
    return ok;
}

void store_case_lists_free(struct store_case_lists *l)
{
    free(l->parties);
    free(l->charges);
    free(l->evidence);
    free(l->p19);
    free(l->papers);
    free(l->team);
    free(l->jaksa);
    for (size_t i = 0; i < sizeof l->res_ / sizeof l->res_[0]; i++)
        PQclear(l->res_[i]);
    memset(l, 0, sizeof *l);
}

static void names_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_direction_names *d = item;
    d->given_by = text_or_null(r, i, 0);
    d->to_name = text_or_null(r, i, 1);
    d->to_nip = text_or_null(r, i, 2);
    d->done_by = text_or_null(r, i, 3);
}

bool store_case_directions_named(struct tx *tx, long long case_id, const char *dirs_json,
                                 struct store_directions_named *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char cid[24];
    const char *p[2] = {dirs_json, stmt_id(cid, case_id)};
    void *items;
    bool ok = stmt_rows(stmt_query(tx, &directions_named, p, err), sizeof *out->items, names_of,
                        NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_directions_named_free(struct store_directions_named *d)
{
    free(d->items);
    PQclear(d->res_);
    memset(d, 0, sizeof *d);
}

/* ---- the list of cases ---------------------------------------------------------------------- */

/* The worst running clock, as of now(), from the case's summary (sql/0009):
 * exactly clock_worst() of the core's clocks, since the summary keeps the
 * earliest due instant and the earliest warning among the running ones. */
#define WORST_CLOCK                                                                                \
    "(CASE WHEN s.damaged IS NOT NULL THEN 'damaged' WHEN s.clock_due_at <= now() THEN "           \
    "'overdue' WHEN s.clock_attention_at <= now() THEN 'warning' ELSE 'ok' END)"

/* The filters of the list, in the order they join the statement; each
 * "$?" is its parameter. */
static const char *const list_filters[] = {
    " AND c.stage = $?",
    " AND c.number = $?",
    " AND EXISTS (SELECT 1 FROM app.offices so WHERE so.id = c.office_id AND "
    "$?::bigint = ANY (so.ancestors))",
    " AND EXISTS (SELECT 1 FROM app.case_offences co JOIN app.offence_catalogue oc "
    "ON oc.id = co.offence_id WHERE co.case_id = c.id AND (oc.code = $? OR "
    "oc.article::text = $?))",
    /* accents and case folded on both sides; the trigram index answers it */
    " AND app.fold(c.search) LIKE '%' || replace(replace(replace(app.fold($?), "
    "'\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'",
    " AND (" WORST_CLOCK " = $? OR s.damaged IS NOT NULL)",
    " AND EXISTS (SELECT 1 FROM app.case_investigators ci WHERE ci.case_id = c.id "
    "AND ci.user_id = $?::bigint AND ci.removed_at IS NULL)",
};
#define LIST_FILTERS (int)(sizeof list_filters / sizeof list_filters[0])

static void case_row_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_case_row *c = item;
    c->id = stmt_ll(r, i, 0);
    c->number = PQgetvalue(r, i, 1);
    c->stage = PQgetvalue(r, i, 2);
    c->version = (int)stmt_ll(r, i, 3);
    c->office_id = stmt_ll(r, i, 4);
    c->worst_clock = PQgetvalue(r, i, 5);
    c->damaged = PQgetisnull(r, i, 6) ? NULL : PQgetvalue(r, i, 6);
    c->flags = PQgetvalue(r, i, 7);
    c->handed_short = stmt_bool(r, i, 8);
}

bool store_cases_list(struct tx *tx, const struct store_case_query *q, struct store_case_rows *out,
                      struct berr *err)
{
    memset(out, 0, sizeof *out);
    struct shape *sh = malloc(sizeof *sh);
    char *first = malloc(2048);
    if (!sh || !first) {
        free(sh);
        free(first);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    char office[24], after[24], limit[16], sub[24], me[24], name[32];
    snprintf(limit, sizeof limit, "%d", q->limit);
    /* $1 the actor's office, $2 the cursor, $3 the limit */
    const char *p[3] = {stmt_id(office, q->office), stmt_id(after, q->after), limit};
    snprintf(first, 2048,
             "SELECT c.id, c.number, c.stage, c.version, c.office_id, " WORST_CLOCK
             ", s.damaged, COALESCE(s.detail->'flags', '[]'), " HANDED_SHORT
             " FROM app.cases c LEFT JOIN "
             "app.case_summaries s ON "
             "s.case_id = c.id WHERE %s AND c.id > $2::bigint",
             store_case_visible_clause(q->sight));
    /* one statement per sight and combination of filters: a mark for each */
    snprintf(name, sizeof name, "cases.list.%d.", (int)q->sight);
    shape_start(sh, name, first, 3, p);
    free(first);
    const char *values[LIST_FILTERS] = {
        q->stage && *q->stage ? q->stage : NULL,
        q->number && *q->number ? q->number : NULL,
        q->subtree ? stmt_id(sub, q->subtree) : NULL,
        q->article && *q->article ? q->article : NULL,
        q->q && *q->q ? q->q : NULL,
        q->clock && *q->clock ? q->clock : NULL,
        q->mine ? stmt_id(me, q->mine) : NULL,
    };
    for (int i = 0; i < LIST_FILTERS; i++) {
        shape_mark(sh, values[i] ? "1" : "0");
        if (values[i])
            shape_add(sh, list_filters[i], values[i]);
    }
    shape_add(sh, " ORDER BY c.id LIMIT $3::int", NULL);
    PGresult *r = shape_query(tx, sh, err);
    free(sh);
    void *items;
    bool ok = stmt_rows(r, sizeof *out->items, case_row_of, NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_case_rows_free(struct store_case_rows *r)
{
    free(r->items);
    PQclear(r->res_);
    memset(r, 0, sizeof *r);
}

/* ---- the chain check ------------------------------------------------------------------------ */

/* app.verify_chain() sees every log of the admin's subtree but returns only
 * links, not contents */
static const struct stmt verify_chain = {
    "cases.verify_chain", 1,
    "SELECT case_id, number, events, broken_seq, reason FROM app.verify_chain($1::bigint)"};

static void chain_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_chain *c = item;
    c->case_id = stmt_ll(r, i, 0);
    c->number = PQgetvalue(r, i, 1);
    c->events = stmt_ll(r, i, 2);
    c->broken = !PQgetisnull(r, i, 3);
    c->broken_seq = c->broken ? stmt_ll(r, i, 3) : 0;
    c->reason = PQgetvalue(r, i, 4);
}

bool store_chains_verify(struct tx *tx, long long office, struct store_chains *out,
                         struct berr *err)
{
    memset(out, 0, sizeof *out);
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    void *items;
    bool ok = stmt_rows(stmt_query(tx, &verify_chain, p, err), sizeof *out->items, chain_of, NULL,
                        &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_chains_free(struct store_chains *c)
{
    free(c->items);
    PQclear(c->res_);
    memset(c, 0, sizeof *c);
}

/* ---- for the demo's loader ------------------------------------------------------------------ */

static const struct stmt seen = {
    "cases.seen", 0, "SELECT extract(epoch FROM now())::bigint, (SELECT count(*) FROM app.cases)"};

static const struct stmt instruction = {
    "cases.instruction", 3,
    "SELECT min(id) FROM app.instructions WHERE case_id = $1::bigint AND round = $2::int AND "
    "item_no = $3::int"};

static const struct stmt instruction_open = {
    "cases.instruction_open", 1,
    "SELECT min(id) FROM app.instructions WHERE case_id = $1::bigint AND answer IS NULL"};

bool store_cases_seen(struct tx *tx, long long *now, long long *count, struct berr *err)
{
    PGresult *r = stmt_query(tx, &seen, NULL, err);
    if (!r)
        return false;
    *now = stmt_ll(r, 0, 0);
    *count = stmt_ll(r, 0, 1);
    PQclear(r);
    return true;
}

/* the one value of an aggregate's row, 0 when NULL */
bool store_case_instruction(struct tx *tx, long long case_id, int round, long long item_no,
                            long long *id, struct berr *err)
{
    char cid[24], rd[16], no[24];
    snprintf(rd, sizeof rd, "%d", round);
    const char *p[3] = {stmt_id(cid, case_id), rd, stmt_id(no, item_no)};
    return stmt_one(tx, &instruction, p, NULL, id, err);
}

bool store_case_instruction_open(struct tx *tx, long long case_id, long long *id, struct berr *err)
{
    char cid[24];
    const char *p[1] = {stmt_id(cid, case_id)};
    return stmt_one(tx, &instruction_open, p, NULL, id, err);
}
