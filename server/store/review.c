/* review.c (store) - see review.h. */
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shape.h"
#include "stmt.h"
#include "tx.h"

/* The clock is the reason (app/review.c) when it falls due no later than
 * the stall, or when it is a custody clock: a person held outranks the stall
 * (app/summary.c: due_next).  CLOCK_FIRST is word for word the predicate of
 * sql/0020's case_summaries_stall_* (see page_shape). */
#define CLOCK_FIRST                                                                                \
    "(s.clock_due_at IS NOT NULL AND (s.stall_at IS NULL OR s.clock_due_at <= s.stall_at))"
#define HELD       "coalesce(s.clock_code IN ('arrest', 'detention', 'detensi'), false)"
#define PICK_CLOCK "(" CLOCK_FIRST " OR " HELD ")"
/* The running clocks of the summary's detail that have passed by now (app/review.c: each is a
 * reason the file is listed for), as k(c, n): the clock and its place in the detail. */
#define LATE_CLOCKS                                                                                \
    "jsonb_array_elements(s.detail->'clocks') WITH ORDINALITY AS k(c, n) WHERE "                   \
    "(k.c->>'due_at')::bigint <= extract(epoch FROM now())::bigint"
/* Who must act on the row's headline (app/review.c reason_json): on the late clock of least
 * rank, the longest late among equals, the first in the detail among those; with none late,
 * on the stored reason (the clock, or the stall). An aggregate sorts its own input (a page's
 * transaction has no Sort node on offer: REVIEW_COLUMNS). */
#define STORED_ACTOR "(CASE WHEN " PICK_CLOCK " THEN s.clock_actor ELSE s.stall_actor END)"
/* A row whose earliest clock is not due has no late clock: its detail (a toasted jsonb) is read
 * only for the others (a CASE evaluates its branches in order). */
#define ANY_LATE "extract(epoch FROM s.clock_due_at)::bigint <= extract(epoch FROM now())::bigint"
#define HEADLINE_ACTOR                                                                             \
    "(CASE WHEN " ANY_LATE " THEN coalesce((SELECT (array_agg(k.c->>'actor' ORDER BY "             \
    "(k.c->>'rank')::int, (k.c->>'due_at')::bigint, k.n))[1] FROM " LATE_CLOCKS "), " STORED_ACTOR \
    ") ELSE " STORED_ACTOR " END)"
#define STATE_OF                                                                                   \
    "(CASE WHEN s.damaged IS NOT NULL THEN 'damaged' WHEN s.clock_due_at <= now() THEN "           \
    "'overdue' WHEN s.stall_at <= now() THEN 'stalled' WHEN s.clock_attention_at <= now() "        \
    "THEN 'warning' ELSE 'ok' END)"

enum col {
    C_ID,
    C_NUMBER,
    C_OPENED,
    C_OFFICE,
    C_CODE,
    C_ONAME,
    C_TZ,
    C_STAGE,
    C_SINCE,
    C_CLOCK_DUE,
    C_CLOCK_ATT,
    C_CLOCK_CODE,
    C_CLOCK_ACTOR,
    C_CLOCK_PARTY,
    C_LAST_ON,
    C_LAST_TYPE,
    C_STALL_AT,
    C_STALL_ACTOR,
    C_NEXT,
    C_ROUNDS,
    C_PINGPONG,
    C_DIR_OPEN,
    C_DETAIL,
    C_DAMAGED,
    C_SUSPECT_IDS,
    C_SUSPECT_NAMES,
    C_TEAM,
    C_NOW,
};

/* The suspects and the team by aggregates that sort their own input: a
 * page's transaction has no Sort node on offer (index_walk), and a
 * subquery's ORDER BY p.id would walk the whole of parties' key. */
#define REVIEW_COLUMNS                                                                             \
    "s.case_id, c.number, coalesce(c.opened_on::text, ''), o.id, o.code, o.name, o.tz, s.stage, "  \
    "coalesce(s.stage_since::text, ''), extract(epoch FROM s.clock_due_at)::bigint, "              \
    "extract(epoch FROM s.clock_attention_at)::bigint, s.clock_code, s.clock_actor, "              \
    "coalesce(s.clock_party, 0), coalesce(s.last_act_on::text, ''), s.last_act_type, "             \
    "extract(epoch FROM s.stall_at)::bigint, "                                                     \
    "s.stall_actor, extract(epoch FROM s.next_due_at)::bigint, s.p19_rounds, s.pingpong, "         \
    "s.directions_open, s.detail::text, s.damaged, "                                               \
    "coalesce((SELECT array_agg(p.id ORDER BY p.id) FROM app.parties p WHERE p.case_id = "         \
    "s.case_id AND p.kind = 'suspect'), '{}'), coalesce((SELECT array_agg(p.name ORDER BY p.id) "  \
    "FROM app.parties p WHERE p.case_id = s.case_id AND p.kind = 'suspect'), '{}'), "              \
    "coalesce((SELECT array_agg(u.name ORDER BY u.name) FROM app.case_investigators ci JOIN "      \
    "app.users u ON u.id = ci.user_id WHERE ci.case_id = s.case_id AND ci.removed_at IS NULL), "   \
    "'{}'), "                                                                                      \
    "extract(epoch FROM now())::bigint"

/* The page's text for q (see shape.h); p: $1 reach, $2 $3 cursor, $4 limit,
 * then the filters' values. */
static void page_shape(struct shape *s, const struct store_review_query *q, const char *const *p,
                       const char *me)
{
    char head[2048];
    snprintf(head, sizeof head,
             "SELECT " REVIEW_COLUMNS " FROM (SELECT * FROM app.case_summaries s "
             "WHERE s.%s = $1::bigint AND s.next_due_at IS NOT NULL AND "
             "(s.next_due_at, s.case_id) > (to_timestamp($2::bigint), $3::bigint)",
             store_scope_column(q->scope));
    shape_start(s, "review.list.", head, 4, p);
    shape_mark(s, store_scope_mark(q->scope));
    shape_mark(s, ".");
    /* word for word the predicate of sql/0020's case_summaries_stall_*, and
     * no one held: a page of stalled files walks its reach's stall index,
     * not the reach (the index holds a few held files more; their rows are
     * dropped as the walk reads them) */
    if (q->reason && strcmp(q->reason, "stall") == 0) {
        shape_mark(s, "t");
        shape_add(s,
                  " AND s.damaged IS NULL AND s.stall_at IS NOT NULL AND NOT " CLOCK_FIRST
                  " AND NOT " HELD,
                  NULL);
    } else if (q->reason && strcmp(q->reason, "damaged") == 0) {
        shape_mark(s, "d");
        shape_add(s, " AND s.damaged IS NOT NULL", NULL);
    } else if (q->reason) {
        shape_mark(s, "c");
        /* each of its reasons: the stored one, and every clock that has passed */
        shape_add(s,
                  " AND s.damaged IS NULL AND ((" PICK_CLOCK " AND s.clock_code = $?) OR "
                  "(CASE WHEN " ANY_LATE " THEN EXISTS (SELECT 1 FROM " LATE_CLOCKS
                  " AND k.c->>'code' = $?) ELSE false END))",
                  q->reason);
    }
    if (q->actor) {
        shape_mark(s, "a");
        shape_add(s, " AND s.damaged IS NULL AND " HEADLINE_ACTOR " = $?", q->actor);
    }
    if (q->state) {
        shape_mark(s, "s");
        shape_add(s, " AND " STATE_OF " = $?", q->state);
    }
    if (q->stage) {
        shape_mark(s, "g");
        shape_add(s, " AND s.stage = $?", q->stage);
    }
    if (q->mine) {
        shape_mark(s, "m");
        shape_add(s,
                  " AND EXISTS (SELECT 1 FROM app.case_investigators ci WHERE ci.case_id = "
                  "s.case_id AND ci.user_id = $?::bigint AND ci.removed_at IS NULL)",
                  me);
    }
    shape_add(s,
              " ORDER BY s.next_due_at, s.case_id LIMIT $4::int) s "
              "JOIN app.cases c ON c.id = s.case_id JOIN app.offices o ON o.id = s.office_id "
              "ORDER BY s.next_due_at, s.case_id",
              NULL);
}

/* A page walks the reach's (next_due_at, case_id) index from the cursor and
 * stops after limit + 1 rows that pass.  The planner cannot see that: it
 * takes the fence's OR of roles and a filter's CASE (actor, reason) for a
 * handful of rows, and would fetch every file of the reach by bitmap or
 * sequential scan and sort them (a Kanwil's 5,000 at 1M cases; 29,000 rows
 * for the national actor=prosecutor at 100k).  For this transaction only,
 * neither scan nor a sort is on offer. */
static const struct stmt index_walk = {
    "review.index_walk", 0,
    "SELECT set_config('enable_bitmapscan', 'off', true), "
    "set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)"};

static void row_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_review_row *x = item;
    x->case_id = stmt_ll(r, i, C_ID);
    x->number = PQgetvalue(r, i, C_NUMBER);
    x->opened_on = PQgetvalue(r, i, C_OPENED);
    x->office_id = stmt_ll(r, i, C_OFFICE);
    x->office_code = PQgetvalue(r, i, C_CODE);
    x->office_name = PQgetvalue(r, i, C_ONAME);
    x->tz = PQgetvalue(r, i, C_TZ);
    x->stage = PQgetvalue(r, i, C_STAGE);
    x->stage_since = PQgetvalue(r, i, C_SINCE);
    x->has_clock = !PQgetisnull(r, i, C_CLOCK_DUE);
    x->clock_due_at = stmt_ll(r, i, C_CLOCK_DUE);
    x->clock_attention_at = stmt_ll(r, i, C_CLOCK_ATT);
    x->clock_code = PQgetvalue(r, i, C_CLOCK_CODE);
    x->clock_actor = PQgetvalue(r, i, C_CLOCK_ACTOR);
    x->clock_party = stmt_ll(r, i, C_CLOCK_PARTY);
    x->last_act_on = PQgetvalue(r, i, C_LAST_ON);
    x->last_act_type = PQgetvalue(r, i, C_LAST_TYPE);
    x->has_stall = !PQgetisnull(r, i, C_STALL_AT);
    x->stall_at = stmt_ll(r, i, C_STALL_AT);
    x->stall_actor = PQgetvalue(r, i, C_STALL_ACTOR);
    x->next_due_at = stmt_ll(r, i, C_NEXT);
    x->p19_rounds = (int)stmt_ll(r, i, C_ROUNDS);
    x->pingpong = stmt_bool(r, i, C_PINGPONG);
    x->detail = PQgetvalue(r, i, C_DETAIL);
    x->damaged = PQgetisnull(r, i, C_DAMAGED) ? NULL : PQgetvalue(r, i, C_DAMAGED);
}

/* Each row's suspects and team from its arrays, their texts copied into
 * one arena. */
static bool page_lists(const PGresult *r, struct store_review_page *out, struct berr *err)
{
    size_t bytes = 1;
    int ns = 0, nt = 0;
    for (int i = 0; i < out->n; i++) {
        for (int c = C_SUSPECT_IDS; c <= C_TEAM; c++)
            bytes += (size_t)PQgetlength(r, i, c) + 1;
        ns += stmt_array_max(PQgetvalue(r, i, C_SUSPECT_IDS));
        nt += stmt_array_max(PQgetvalue(r, i, C_TEAM));
    }
    char *w = out->arena_ = malloc(bytes);
    struct store_review_suspect *sus = out->suspects_ = calloc((size_t)ns + 1, sizeof *sus);
    const char **team = out->team_ = calloc((size_t)nt + 1, sizeof *team);
    if (!w || !sus || !team)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    int ks = 0, kt = 0;
    for (int i = 0; i < out->n; i++) {
        struct store_review_row *x = &out->items[i];
        const char *a = PQgetvalue(r, i, C_SUSPECT_IDS), *b = PQgetvalue(r, i, C_SUSPECT_NAMES);
        const char *id, *name;
        x->suspects = sus + ks;
        while (ks < ns && stmt_array_next(&a, &w, &id) && stmt_array_next(&b, &w, &name)) {
            sus[ks++] = (struct store_review_suspect){id ? atoll(id) : 0, name ? name : ""};
            x->nsuspects++;
        }
        a = PQgetvalue(r, i, C_TEAM);
        x->team = team + kt;
        while (kt < nt && stmt_array_next(&a, &w, &name)) {
            team[kt++] = name ? name : "";
            x->nteam++;
        }
    }
    return true;
}

struct page_ctx {
    const struct store_review_query *q;
    const char *const *p;
    const char *me;
};

static void page_build(struct shape *s, const void *ctx)
{
    const struct page_ctx *c = ctx;
    page_shape(s, c->q, c->p, c->me);
}

bool store_review_page(struct tx *tx, const struct store_review_query *q,
                       struct store_review_page *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    if (!stmt_exec(tx, &index_walk, NULL, err))
        return false;
    char reach[24], due[24], id[24], lim[16], me[24];
    snprintf(lim, sizeof lim, "%d", q->limit);
    const char *p[4] = {stmt_id(reach, q->reach), stmt_id(due, q->after_due),
                        stmt_id(id, q->after_id), lim};
    const struct page_ctx c = {q, p, stmt_id(me, q->mine)};
    void *items;
    if (!shape_rows(tx, page_build, &c, sizeof *out->items, row_of, &items, &out->n, &out->res_,
                    err))
        return false;
    out->items = items;
    if (out->n > 0) {
        out->now = stmt_ll(out->res_, 0, C_NOW);
        if (!page_lists(out->res_, out, err)) {
            store_review_page_free(out);
            return false;
        }
    }
    return true;
}

void store_review_page_free(struct store_review_page *p)
{
    free(p->items);
    free(p->suspects_);
    free(p->team_);
    free(p->arena_);
    PQclear(p->res_);
    memset(p, 0, sizeof *p);
}

/* ---- counts per office ----------------------------------------------------------------- */

static void count_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_review_count *c = item;
    c->office_id = stmt_ll(r, i, 0);
    c->code = PQgetvalue(r, i, 1);
    c->name = PQgetvalue(r, i, 2);
    c->kind = PQgetvalue(r, i, 3);
    /* "{1,4,9}" */
    const char *a = PQgetvalue(r, i, 4);
    c->nancestors = 0;
    while (*a && c->nancestors < STORE_OFFICE_DEPTH) {
        char *end;
        long long id = strtoll(a + 1, &end, 10);
        if (end == a + 1)
            break;
        c->ancestors[c->nancestors++] = id;
        a = end;
    }
    for (int k = 0; k < STORE_REVIEW__COUNTS; k++)
        c->n[k] = stmt_ll(r, i, 5 + k);
}

bool store_review_counts(struct tx *tx, enum store_scope scope, long long reach, bool empty,
                         struct store_review_counts *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    /* The counts read every listed file of the subtree: a query JIT would compile for (its
     * cost estimate is high) but that runs in about the time the compiling takes - berkasd's
     * connections run with jit=off (store/db.c). */
    char sql[3072], name[64], id[24];
    /* Every office of the reach, with or without files (a quiet office is
     * news too), each counted on its own from case_summaries_counts
     * (sql/0020), which holds all the columns read here and by the
     * row-level policies: an index-only scan per office, never the wide
     * summary rows. */
    snprintf(sql, sizeof sql,
             "SELECT o.id, o.code, o.name, o.kind, o.ancestors::text, x.* FROM app.offices o "
             "CROSS JOIN LATERAL "
             "(SELECT count(*), count(*) FILTER (WHERE s.damaged IS NOT NULL), "
             "count(*) FILTER (WHERE s.damaged IS NULL AND s.clock_due_at <= now()), "
             "count(*) FILTER (WHERE " STATE_OF " = 'stalled'), "
             "count(*) FILTER (WHERE " STATE_OF " = 'warning'), "
             "count(*) FILTER (WHERE s.directions_due_at <= now()), "
             "count(*) FILTER (WHERE s.pingpong) "
             "FROM app.case_summaries s WHERE s.office_id = o.id AND s.%s = $1::bigint "
             "AND s.next_due_at IS NOT NULL) x "
             "WHERE o.tree = 'imigrasi' AND %s AND NOT $2::boolean ORDER BY o.ancestors",
             store_scope_column(scope),
             scope == STORE_SCOPE_OFFICE ? "o.id = $1::bigint" : "$1::bigint = ANY (o.ancestors)");
    snprintf(name, sizeof name, "review.counts.%s", store_scope_mark(scope));
    const char *p[2] = {stmt_id(id, reach), empty ? "true" : "false"};
    void *items;
    if (!stmt_rows(tx_query_named(tx, name, sql, 2, p, err), sizeof *out->items, count_of, NULL,
                   &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_review_counts_free(struct store_review_counts *c)
{
    free(c->items);
    PQclear(c->res_);
    memset(c, 0, sizeof *c);
}
