/* instructions.c (store) - see instructions.h. */
#include "instructions.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

/* ---- the parties an act names ---------------------------------------------------------- */

static const struct stmt party_kind = {
    "instructions.party_kind", 2,
    "SELECT kind FROM app.parties WHERE case_id = $1::bigint AND id = $2::bigint"};

static const struct stmt party_names = {
    "instructions.party_names", 1,
    "SELECT id, name FROM app.parties WHERE id = ANY ($1::bigint[]) ORDER BY id"};

bool store_party_kind(struct tx *tx, long long case_id, long long party_id, char *kind, size_t n,
                      bool *found, struct berr *err)
{
    char c[24], p[24];
    const char *params[2] = {stmt_id(c, case_id), stmt_id(p, party_id)};
    PGresult *r = stmt_query(tx, &party_kind, params, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    kind[0] = '\0';
    if (*found)
        stmt_copy(kind, n, r, 0, 0);
    PQclear(r);
    return true;
}

static void party_name_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_party_name *p = item;
    p->id = stmt_ll(r, i, 0);
    p->name = PQgetvalue(r, i, 1);
}

bool store_party_names(struct tx *tx, const long long *ids, int n, struct store_party_names *out,
                       struct berr *err)
{
    memset(out, 0, sizeof *out);
    char *arr = stmt_id_array(ids, n);
    if (!arr)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    const char *p[1] = {arr};
    PGresult *r = stmt_query(tx, &party_names, p, err);
    free(arr);
    void *items;
    if (!stmt_rows(r, sizeof *out->items, party_name_of, NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_party_names_free(struct store_party_names *p)
{
    free(p->items);
    PQclear(p->res_);
    memset(p, 0, sizeof *p);
}

/* ---- the P-19 items -------------------------------------------------------------------- */

static const struct stmt open_items = {
    "instructions.open", 1,
    "SELECT id, round, item_no FROM app.instructions WHERE case_id = $1::bigint AND answer IS "
    "NULL ORDER BY round, item_no"};

static const struct stmt of_case = {
    "instructions.of_case", 2,
    "SELECT 1 FROM app.instructions WHERE case_id = $1::bigint AND id = $2::bigint"};

static const struct stmt given = {
    "instructions.given", 2,
    "SELECT event_id FROM app.instructions WHERE case_id = $1::bigint AND id = $2::bigint"};

static const struct stmt reopen = {
    "instructions.reopen", 5,
    "INSERT INTO app.instructions (case_id, event_id, round, item_no, text, reopens) SELECT "
    "$1::bigint, $2::bigint, $3::int, $4::int, text, id FROM app.instructions WHERE case_id = "
    "$1::bigint AND id = $5::bigint"};

static const struct stmt add = {
    "instructions.add", 5,
    "INSERT INTO app.instructions (case_id, event_id, round, item_no, text) VALUES ($1::bigint, "
    "$2::bigint, $3::int, $4::int, $5)"};

static const struct stmt answer_item = {
    "instructions.answer", 4,
    "UPDATE app.instructions SET answer = $3, answered_by = $4::bigint WHERE case_id = "
    "$1::bigint AND id = $2::bigint AND answer IS NULL RETURNING 1"};

static const struct stmt unanswer_item = {
    "instructions.unanswer", 2,
    "UPDATE app.instructions SET answer = NULL, answered_by = NULL WHERE case_id = $1::bigint "
    "AND answered_by = $2::bigint"};

static const struct stmt restate_item = {
    "instructions.restate", 3,
    "UPDATE app.instructions SET answer = $3 WHERE case_id = $1::bigint AND answered_by = "
    "$2::bigint"};

static void instruction_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_instruction *x = item;
    x->id = stmt_ll(r, i, 0);
    x->round = (int)stmt_ll(r, i, 1);
    x->item_no = (int)stmt_ll(r, i, 2);
}

bool store_instructions_open(struct tx *tx, long long case_id, struct store_instructions *out,
                             struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items;
    if (!stmt_rows(stmt_query(tx, &open_items, p, err), sizeof *out->items, instruction_of, NULL,
                   &items, &out->n, NULL, err))
        return false;
    out->items = items;
    return true;
}

void store_instructions_free(struct store_instructions *i)
{
    free(i->items);
    memset(i, 0, sizeof *i);
}

bool store_instruction_of_case(struct tx *tx, long long case_id, long long id, bool *found,
                               struct berr *err)
{
    char c[24], x[24];
    const char *p[2] = {stmt_id(c, case_id), stmt_id(x, id)};
    PGresult *r = stmt_query(tx, &of_case, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    PQclear(r);
    return true;
}

bool store_instruction_given(struct tx *tx, long long case_id, long long id, long long *event_id,
                             struct berr *err)
{
    char c[24], x[24];
    const char *p[2] = {stmt_id(c, case_id), stmt_id(x, id)};
    PGresult *r = stmt_query(tx, &given, p, err);
    if (!r)
        return false;
    *event_id = PQntuples(r) == 1 ? stmt_ll(r, 0, 0) : 0;
    PQclear(r);
    return true;
}

bool store_instruction_add(struct tx *tx, long long case_id, long long event_id, int round,
                           int item_no, const char *text, struct berr *err)
{
    char c[24], e[24], rnd[16], no[16];
    snprintf(rnd, sizeof rnd, "%d", round);
    snprintf(no, sizeof no, "%d", item_no);
    const char *p[5] = {stmt_id(c, case_id), stmt_id(e, event_id), rnd, no, text};
    return stmt_exec(tx, &add, p, err);
}

bool store_instruction_reopen(struct tx *tx, long long case_id, long long event_id, int round,
                              int item_no, long long reopens, struct berr *err)
{
    char c[24], e[24], rnd[16], no[16], o[24];
    snprintf(rnd, sizeof rnd, "%d", round);
    snprintf(no, sizeof no, "%d", item_no);
    const char *p[5] = {stmt_id(c, case_id), stmt_id(e, event_id), rnd, no, stmt_id(o, reopens)};
    return stmt_exec(tx, &reopen, p, err);
}

bool store_instruction_answer(struct tx *tx, long long case_id, long long id, const char *answer,
                              long long event_id, bool *done, struct berr *err)
{
    char c[24], x[24], e[24];
    const char *p[4] = {stmt_id(c, case_id), stmt_id(x, id), answer, stmt_id(e, event_id)};
    PGresult *r = stmt_query(tx, &answer_item, p, err);
    if (!r)
        return false;
    *done = PQntuples(r) == 1;
    PQclear(r);
    return true;
}

bool store_instruction_unanswer(struct tx *tx, long long case_id, long long event_id,
                                struct berr *err)
{
    char c[24], e[24];
    const char *p[2] = {stmt_id(c, case_id), stmt_id(e, event_id)};
    return stmt_exec(tx, &unanswer_item, p, err);
}

bool store_instruction_restate(struct tx *tx, long long case_id, long long event_id,
                               const char *answer, struct berr *err)
{
    char c[24], e[24];
    const char *p[3] = {stmt_id(c, case_id), stmt_id(e, event_id), answer};
    return stmt_exec(tx, &restate_item, p, err);
}

/* ---- settings -------------------------------------------------------------------------- */

static const struct stmt tahap1_setting = {
    "instructions.tahap1_requires_documents", 0,
    "SELECT value FROM app.settings WHERE key = 'dossier.tahap1_requires_documents'"};

bool store_tahap1_requires_documents(struct tx *tx, bool *required, struct berr *err)
{
    PGresult *r = stmt_query(tx, &tahap1_setting, NULL, err);
    if (!r)
        return false;
    *required = PQntuples(r) == 0 || strcmp(PQgetvalue(r, 0, 0), "false") != 0;
    PQclear(r);
    return true;
}

static const struct stmt answers_setting = {
    "instructions.p19_answers_need_paper", 0,
    "SELECT value FROM app.settings WHERE key = 'dossier.p19_answers_need_paper'"};

bool store_p19_answers_need_paper(struct tx *tx, bool *required, struct berr *err)
{
    PGresult *r = stmt_query(tx, &answers_setting, NULL, err);
    if (!r)
        return false;
    *required = PQntuples(r) == 0 || strcmp(PQgetvalue(r, 0, 0), "false") != 0;
    PQclear(r);
    return true;
}
