/* inbox.c (store) - see inbox.h. */
#include "inbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shape.h"
#include "stmt.h"

enum col {
    C_ID,
    C_NUMBER,
    C_CODE,
    C_ONAME,
    C_TZ,
    C_STAGE,
    C_DETAIL,
    C_UNREAD,
    C_READ,
    C_SUSPECT_NAMES,
    C_SUSPECT_NATIONALITIES,
    C_OFFENCE_CODES,
    C_OFFENCE_LABELS,
    C_JAKSA,
    C_PU_DUE,
    C_ARRIVED,
    C_NOW,
};

#define INBOX_COLUMNS                                                                              \
    "s.case_id, c.number, o.code, o.name, o.tz, s.stage, s.detail::text, "                         \
    "NOT EXISTS (SELECT 1 FROM app.inbox_reads r WHERE r.user_id = $5::bigint AND r.event_id = "   \
    "s.last_arrival_event), "                                                                      \
    "ARRAY(SELECT r.event_id FROM app.inbox_reads r WHERE r.user_id = $5::bigint AND r.event_id "  \
    "IN (SELECT (a->>'event_id')::bigint FROM jsonb_array_elements(s.detail->'arrivals') a)), "    \
    "ARRAY(SELECT p.name FROM app.parties p WHERE p.case_id = s.case_id AND p.kind = 'suspect' "   \
    "ORDER BY p.id), ARRAY(SELECT p.nationality FROM app.parties p WHERE p.case_id = s.case_id "   \
    "AND p.kind = 'suspect' ORDER BY p.id), "                                                      \
    "ARRAY(SELECT x.code FROM (SELECT DISTINCT oc.code, oc.label FROM app.case_offences co JOIN "  \
    "app.offence_catalogue oc ON oc.id = co.offence_id WHERE co.case_id = s.case_id) x ORDER BY "  \
    "x.code, x.label), ARRAY(SELECT x.label FROM (SELECT DISTINCT oc.code, oc.label FROM "         \
    "app.case_offences co JOIN app.offence_catalogue oc ON oc.id = co.offence_id WHERE "           \
    "co.case_id = s.case_id) x ORDER BY x.code, x.label), "                                        \
    "ARRAY(SELECT u.name FROM app.case_prosecutors cp JOIN app.users u ON u.id = cp.user_id "      \
    "WHERE cp.case_id = s.case_id AND cp.removed_at IS NULL ORDER BY u.name), "                    \
    "extract(epoch FROM s.pu_due_at)::bigint, s.last_arrival_on::text, "                           \
    "extract(epoch FROM now())::bigint"

/* One section's text (see shape.h); p: $1 Kejari, $2 $3 cursor, $4 limit,
 * $5 the prosecutor. */
static void section_shape(struct shape *s, const struct store_inbox_query *q, const char *const *p,
                          const char *case_id)
{
    bool a = q->section == 'a';
    char head[3072];
    snprintf(head, sizeof head,
             "SELECT " INBOX_COLUMNS
             " FROM (SELECT * FROM app.case_summaries s WHERE s.kejari_id = "
             "$1::bigint AND s.disclosed AND s.last_arrival_on IS NOT NULL AND %s",
             a ? "s.pu_due_at IS NOT NULL AND (s.pu_due_at, s.case_id) > "
                 "(to_timestamp($2::bigint), $3::bigint)"
               : "s.pu_due_at IS NULL AND (s.last_arrival_on, s.case_id) < "
                 "(date '1970-01-01' + $2::int, $3::bigint)");
    shape_start(s, a ? "inbox.section.a." : "inbox.section.b.", head, 5, p);
    if (q->unread) {
        shape_mark(s, "u");
        shape_add(s,
                  " AND NOT EXISTS (SELECT 1 FROM app.inbox_reads r WHERE r.user_id = $5::bigint "
                  "AND r.event_id = s.last_arrival_event)",
                  NULL);
    }
    if (q->kind) {
        shape_mark(s, "k");
        shape_add(s, " AND s.detail->'arrivals'->-1->>'kind' = $?", q->kind);
    }
    if (q->mine) {
        shape_mark(s, "m");
        shape_add(s,
                  " AND EXISTS (SELECT 1 FROM app.case_prosecutors cp WHERE cp.case_id = "
                  "s.case_id AND cp.user_id = $5::bigint AND cp.removed_at IS NULL)",
                  NULL);
    }
    if (q->case_id > 0) {
        shape_mark(s, "c");
        shape_add(s, " AND s.case_id = $?::bigint", case_id);
    }
    shape_add(s,
              a ? " ORDER BY s.pu_due_at, s.case_id LIMIT $4::int) s"
                : " ORDER BY s.last_arrival_on DESC, s.case_id DESC LIMIT $4::int) s",
              NULL);
    shape_add(s, " JOIN app.cases c ON c.id = s.case_id JOIN app.offices o ON o.id = s.office_id",
              NULL);
    shape_add(s,
              a ? " ORDER BY s.pu_due_at, s.case_id"
                : " ORDER BY s.last_arrival_on DESC, s.case_id DESC",
              NULL);
}

static void row_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_inbox_row *x = item;
    x->case_id = stmt_ll(r, i, C_ID);
    x->number = PQgetvalue(r, i, C_NUMBER);
    x->office_code = PQgetvalue(r, i, C_CODE);
    x->office_name = PQgetvalue(r, i, C_ONAME);
    x->tz = PQgetvalue(r, i, C_TZ);
    x->stage = PQgetvalue(r, i, C_STAGE);
    x->detail = PQgetvalue(r, i, C_DETAIL);
    x->unread = stmt_bool(r, i, C_UNREAD);
    x->pu_due_at = stmt_ll(r, i, C_PU_DUE);
    x->arrived_on = PQgetvalue(r, i, C_ARRIVED);
}

/* ---- what the page's cases name, from the rows' arrays ---------------------------------- */

/* The page's lists (inbox.h) from each row's arrays, their texts copied
 * into one arena. */
static bool page_lists(PGresult *r, struct store_inbox_page *out, struct berr *err)
{
    size_t bytes = 1;
    int ns = 0, no = 0, nj = 0, nr = 0;
    for (int i = 0; i < out->n; i++) {
        for (int c = C_READ; c <= C_JAKSA; c++)
            bytes += (size_t)PQgetlength(r, i, c) + 1;
        ns += stmt_array_max(PQgetvalue(r, i, C_SUSPECT_NAMES));
        no += stmt_array_max(PQgetvalue(r, i, C_OFFENCE_CODES));
        nj += stmt_array_max(PQgetvalue(r, i, C_JAKSA));
        nr += stmt_array_max(PQgetvalue(r, i, C_READ));
    }
    char *w = out->arena_ = malloc(bytes);
    out->suspects = calloc((size_t)ns + 1, sizeof *out->suspects);
    out->offences = calloc((size_t)no + 1, sizeof *out->offences);
    out->jaksa = calloc((size_t)nj + 1, sizeof *out->jaksa);
    out->read = calloc((size_t)nr + 1, sizeof *out->read);
    if (!w || !out->suspects || !out->offences || !out->jaksa || !out->read)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    for (int i = 0; i < out->n; i++) {
        long long id = out->items[i].case_id;
        const char *a = PQgetvalue(r, i, C_SUSPECT_NAMES),
                   *b = PQgetvalue(r, i, C_SUSPECT_NATIONALITIES);
        const char *name, *nat;
        while (out->nsuspects < ns && stmt_array_next(&a, &w, &name) &&
               stmt_array_next(&b, &w, &nat))
            out->suspects[out->nsuspects++] =
                (struct store_inbox_suspect){id, name ? name : "", nat};
        a = PQgetvalue(r, i, C_OFFENCE_CODES);
        b = PQgetvalue(r, i, C_OFFENCE_LABELS);
        const char *code, *label;
        while (out->noffences < no && stmt_array_next(&a, &w, &code) &&
               stmt_array_next(&b, &w, &label))
            out->offences[out->noffences++] =
                (struct store_inbox_offence){id, code ? code : "", label ? label : ""};
        a = PQgetvalue(r, i, C_JAKSA);
        while (out->njaksa < nj && stmt_array_next(&a, &w, &name))
            out->jaksa[out->njaksa++] = (struct store_inbox_jaksa){id, name ? name : ""};
        a = PQgetvalue(r, i, C_READ);
        const char *ev;
        while (out->nread < nr && stmt_array_next(&a, &w, &ev))
            out->read[out->nread++] = (struct store_inbox_read){id, ev ? atoll(ev) : 0};
    }
    return true;
}

struct section_ctx {
    const struct store_inbox_query *q;
    const char *const *p;
    const char *case_id;
};

static void section_build(struct shape *s, const void *ctx)
{
    const struct section_ctx *c = ctx;
    section_shape(s, c->q, c->p, c->case_id);
}

bool store_inbox_section(struct tx *tx, const struct store_inbox_query *q,
                         struct store_inbox_page *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char kejari[24], key[24], id[24], lim[16], me[24], case_id[24];
    snprintf(lim, sizeof lim, "%d", q->limit);
    const char *p[5] = {stmt_id(kejari, q->kejari), stmt_id(key, q->after),
                        stmt_id(id, q->after_id), lim, stmt_id(me, q->me)};
    const struct section_ctx c = {q, p, stmt_id(case_id, q->case_id)};
    void *items;
    if (!shape_rows(tx, section_build, &c, sizeof *out->items, row_of, &items, &out->n, &out->res_,
                    err))
        return false;
    out->items = items;
    if (out->n > 0) {
        out->now = stmt_ll(out->res_, 0, C_NOW);
        if (!page_lists(out->res_, out, err)) {
            store_inbox_page_free(out);
            return false;
        }
    }
    return true;
}

void store_inbox_page_free(struct store_inbox_page *p)
{
    free(p->items);
    free(p->suspects);
    free(p->offences);
    free(p->jaksa);
    free(p->read);
    free(p->arena_);
    PQclear(p->res_);
    memset(p, 0, sizeof *p);
}

/* only arrivals at the caller's Kejari: anything else is not found */
static const struct stmt mark_read = {
    "inbox.mark_read", 4,
    "WITH wanted AS (SELECT (a->>'event_id')::bigint AS event_id, s.case_id FROM "
    "app.case_summaries s CROSS JOIN LATERAL jsonb_array_elements(s.detail->'arrivals') a "
    "WHERE s.kejari_id = $2::bigint AND s.disclosed AND ((a->>'event_id') IN (SELECT "
    "jsonb_array_elements_text($3::jsonb)) OR s.case_id::text IN (SELECT "
    "jsonb_array_elements_text($4::jsonb)))), ins AS (INSERT INTO app.inbox_reads "
    "(user_id, event_id) SELECT $1::bigint, event_id FROM wanted ON CONFLICT DO NOTHING "
    "RETURNING 1) SELECT (SELECT count(*) FROM wanted), (SELECT count(DISTINCT case_id) "
    "FROM wanted), (SELECT count(*) FROM ins), (SELECT count(*) FROM wanted WHERE "
    "event_id::text IN (SELECT jsonb_array_elements_text($3::jsonb)))"};

bool store_inbox_mark_read(struct tx *tx, long long me, long long kejari, const char *events_json,
                           const char *cases_json, struct store_inbox_marked *out, struct berr *err)
{
    char u[24], k[24];
    const char *p[4] = {stmt_id(u, me), stmt_id(k, kejari), events_json, cases_json};
    PGresult *r = stmt_query(tx, &mark_read, p, err);
    if (!r)
        return false;
    out->found = stmt_ll(r, 0, 0);
    out->cases = stmt_ll(r, 0, 1);
    out->newly = stmt_ll(r, 0, 2);
    out->events_found = stmt_ll(r, 0, 3);
    PQclear(r);
    return true;
}
