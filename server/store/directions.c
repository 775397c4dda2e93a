/* directions.c (store) - see directions.h. */
#include "directions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "shape.h"
#include "stmt.h"
#include "tx.h"

#define DIRECTION_DUE "(d->>'due_at')::bigint"
#define DIRECTION_ID  "(d->>'event_id')::bigint"

/* The list's text for q (see shape.h): the reach's column, the state and
 * whose are its choices. */
static void list_shape(struct shape *s, const struct store_directions_query *q,
                       const char *const *p)
{
    char head[2048];
    snprintf(head, sizeof head,
             "SELECT s.case_id, c.number, o.code, o.tz, d::text, gu.name, tu.name, tu.nip, "
             "du.name, extract(epoch FROM now())::bigint FROM app.case_summaries s "
             "JOIN app.cases c ON c.id = s.case_id JOIN app.offices o ON o.id = s.office_id "
             "CROSS JOIN LATERAL jsonb_array_elements(s.detail->'directions') d "
             "LEFT JOIN app.events ge ON ge.id = " DIRECTION_ID " AND ge.case_id = s.case_id "
             "LEFT JOIN app.users gu ON gu.id = ge.entered_by "
             "LEFT JOIN app.users tu ON tu.id = (d->>'to')::bigint "
             "LEFT JOIN app.events de ON de.id = (d->'done'->>'event_id')::bigint "
             "AND de.case_id = s.case_id LEFT JOIN app.users du ON du.id = de.entered_by "
             "WHERE s.%s = $1::bigint AND (" DIRECTION_DUE ", " DIRECTION_ID
             ") > ($2::bigint, $3::bigint)",
             store_scope_column(q->scope));
    shape_start(s, "directions.list.", head, 4, p); /* $1 reach, $2 $3 cursor, $4 limit */
    shape_mark(s, store_scope_mark(q->scope));
    static const char *const state_marks[] = {".open", ".overdue", ".done", ".all"};
    shape_mark(s, state_marks[q->state]);
    if (q->state == STORE_DIRECTIONS_OPEN || q->state == STORE_DIRECTIONS_OVERDUE)
        shape_add(s, " AND s.directions_open > 0 AND d->'done' = 'null'::jsonb", NULL);
    if (q->state == STORE_DIRECTIONS_OVERDUE)
        shape_add(s, " AND " DIRECTION_DUE " <= extract(epoch FROM now())", NULL);
    if (q->state == STORE_DIRECTIONS_DONE)
        shape_add(s, " AND d->'done' <> 'null'::jsonb", NULL);
    if (q->mine == STORE_DIRECTIONS_TO_ME) {
        shape_mark(s, ".to_me");
        shape_add(s, " AND (d->>'to' IS NULL OR (d->>'to')::bigint = $?::bigint)", p[4]);
    } else if (q->mine == STORE_DIRECTIONS_GIVEN_BY_ME) {
        shape_mark(s, ".by_me");
        shape_add(s, " AND ge.entered_by = $?::bigint", p[4]);
    }
    shape_add(s, " ORDER BY " DIRECTION_DUE ", " DIRECTION_ID " LIMIT $4::int", NULL);
}

static const char *or_empty(const PGresult *r, int row, int col)
{
    return PQgetvalue(r, row, col); /* "" for NULL */
}

static void direction_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_direction_row *d = item;
    d->case_id = stmt_ll(r, i, 0);
    d->number = PQgetvalue(r, i, 1);
    d->office_code = PQgetvalue(r, i, 2);
    d->tz = PQgetvalue(r, i, 3);
    d->direction = PQgetvalue(r, i, 4);
    d->given_by = or_empty(r, i, 5);
    d->to_name = PQgetisnull(r, i, 6) ? NULL : PQgetvalue(r, i, 6);
    d->to_nip = or_empty(r, i, 7);
    d->done_by = or_empty(r, i, 8);
}

struct list_ctx {
    const struct store_directions_query *q;
    const char *const *p;
};

static void list_build(struct shape *s, const void *ctx)
{
    const struct list_ctx *c = ctx;
    list_shape(s, c->q, c->p);
}

bool store_directions_list(struct tx *tx, const struct store_directions_query *q,
                           struct store_directions *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char reach[24], due[24], id[24], lim[16], me[24];
    snprintf(lim, sizeof lim, "%d", q->limit);
    const char *p[5] = {stmt_id(reach, q->reach), stmt_id(due, q->after_due),
                        stmt_id(id, q->after_id), lim, stmt_id(me, q->me)};
    const struct list_ctx c = {q, p};
    void *items;
    if (!shape_rows(tx, list_build, &c, sizeof *out->items, direction_of, &items, &out->n,
                    &out->res_, err))
        return false;
    out->items = items;
    if (out->n > 0)
        out->now = stmt_ll(out->res_, 0, 9);
    return true;
}

void store_directions_free(struct store_directions *d)
{
    free(d->items);
    PQclear(d->res_);
    memset(d, 0, sizeof *d);
}

bool store_case_in_subtree(struct tx *tx, long long office, const char *ref, long long *id,
                           char *number, size_t numsz, struct berr *err)
{
    /* a supervisor's view of app.cases (store/cases.h; row-level security
     * repeats it) */
    char sql[512], o[24];
    snprintf(sql, sizeof sql,
             "SELECT c.id, c.number FROM app.cases c WHERE (c.number = $2 OR c.id::text = $2) "
             "AND %s",
             store_case_visible_clause(STORE_SEES_SUBTREE));
    const char *p[2] = {stmt_id(o, office), ref};
    PGresult *r = tx_query_named(tx, "directions.case_in_subtree", sql, 2, p, err);
    if (!r)
        return false;
    *id = PQntuples(r) == 1 ? stmt_ll(r, 0, 0) : 0; /* and its number: not stmt_one's */
    if (*id)
        stmt_copy(number, numsz, r, 0, 1);
    PQclear(r);
    return true;
}

static const struct stmt team = {
    "directions.case_team", 1,
    "SELECT u.name FROM app.case_investigators ci JOIN app.users u ON u.id = ci.user_id "
    "WHERE ci.case_id = $1::bigint AND ci.removed_at IS NULL ORDER BY u.name"};

static void name_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    *(const char **)item = PQgetvalue(r, i, 0);
}

bool store_case_team(struct tx *tx, long long case_id, struct store_names *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items;
    if (!stmt_rows(stmt_query(tx, &team, p, err), sizeof *out->items, name_of, NULL, &items,
                   &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_names_free(struct store_names *n)
{
    free(n->items);
    PQclear(n->res_);
    memset(n, 0, sizeof *n);
}
