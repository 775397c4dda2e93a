/* offices.c (store) - see offices.h. */
#include "offices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

static const struct stmt in_subtree = {
    "offices.in_subtree", 2,
    "SELECT 1 FROM app.offices WHERE id = $1::bigint AND $2::bigint = ANY (ancestors)"};

static const struct stmt is_root = {
    "offices.is_root", 1, "SELECT (parent_id IS NULL)::int FROM app.offices WHERE id = $1::bigint"};

static const struct stmt exists = {"offices.exists", 1,
                                   "SELECT 1 FROM app.offices WHERE id = $1::bigint"};

static const struct stmt tree_of = {"offices.tree", 1,
                                    "SELECT tree FROM app.offices WHERE id = $1::bigint"};

#define OFFICE_COLS                                                                                \
    "SELECT id, coalesce(parent_id, 0), kind, code, name, coalesce(class, ''), tz, tree "          \
    "FROM app.offices "

static const struct stmt all = {"offices.all", 0, OFFICE_COLS "ORDER BY tree DESC, ancestors"};

static const struct stmt by_id = {"offices.by_id", 1, OFFICE_COLS "WHERE id = $1::bigint"};

static const struct stmt by_code = {"offices.by_code", 1, OFFICE_COLS "WHERE code = $1"};

static const struct stmt insert = {
    "offices.insert", 6,
    "INSERT INTO app.offices (parent_id, kind, code, name, tz, class) "
    "VALUES ($1::bigint, $2, $3, $4, $5, $6) RETURNING id"};

/* one row a line, in order: a letterhead is the run of its rows */
static const struct stmt letterheads = {
    "offices.letterheads", 1,
    "SELECT l.effective_from::text, x.line FROM app.letterheads l "
    "CROSS JOIN LATERAL unnest(l.lines) WITH ORDINALITY AS x (line, n) "
    "WHERE l.office_id = $1::bigint ORDER BY l.effective_from, x.n"};

static const struct stmt letterhead_add = {
    "offices.letterhead_add", 3,
    "INSERT INTO app.letterheads (office_id, effective_from, lines) "
    "SELECT $1::bigint, $2::date, array_agg(x) FROM json_array_elements_text($3::json) x"};

static const struct stmt patterns = {
    "offices.number_patterns", 1,
    "SELECT doc_type, pattern FROM app.number_patterns WHERE office_id = $1::bigint "
    "ORDER BY doc_type"};

static const struct stmt pattern_set = {
    "offices.number_pattern_set", 3,
    "INSERT INTO app.number_patterns (office_id, doc_type, pattern) VALUES "
    "($1::bigint, $2, $3) ON CONFLICT (office_id, doc_type) DO UPDATE SET "
    "pattern = EXCLUDED.pattern"};

bool store_office_in_subtree(struct tx *tx, long long office, long long under, bool *in,
                             struct berr *err)
{
    char o[24], u[24];
    const char *p[2] = {stmt_id(o, office), stmt_id(u, under)};
    return stmt_one(tx, &in_subtree, p, in, NULL, err);
}

bool store_office_is_root(struct tx *tx, long long office, bool *root, struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    long long yes = 0;
    bool ok = stmt_one(tx, &is_root, p, NULL, &yes, err);
    *root = yes != 0;
    return ok;
}

bool store_office_exists(struct tx *tx, long long office, bool *found, struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    return stmt_one(tx, &exists, p, found, NULL, err);
}

bool store_office_tree(struct tx *tx, long long office, char tree[16], bool *found,
                       struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    PGresult *r = stmt_query(tx, &tree_of, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) > 0;
    tree[0] = '\0';
    if (*found)
        stmt_copy(tree, 16, r, 0, 0);
    PQclear(r);
    return true;
}

static void office_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_office *o = item;
    o->id = stmt_ll(r, i, 0);
    o->parent_id = stmt_ll(r, i, 1);
    o->kind = PQgetvalue(r, i, 2);
    o->code = PQgetvalue(r, i, 3);
    o->name = PQgetvalue(r, i, 4);
    o->class_name = PQgetvalue(r, i, 5);
    o->tz = PQgetvalue(r, i, 6);
    o->tree = PQgetvalue(r, i, 7);
}

static bool offices_of(PGresult *r, struct store_offices *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    void *items;
    if (!stmt_rows(r, sizeof *out->items, office_of, NULL, &items, &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

bool store_offices_all(struct tx *tx, struct store_offices *out, struct berr *err)
{
    return offices_of(stmt_query(tx, &all, NULL, err), out, err);
}

bool store_office_by_id(struct tx *tx, long long id, struct store_offices *out, struct berr *err)
{
    char o[24];
    const char *p[1] = {stmt_id(o, id)};
    return offices_of(stmt_query(tx, &by_id, p, err), out, err);
}

bool store_office_by_code(struct tx *tx, const char *code, struct store_offices *out,
                          struct berr *err)
{
    const char *p[1] = {code};
    return offices_of(stmt_query(tx, &by_code, p, err), out, err);
}

void store_offices_free(struct store_offices *o)
{
    free(o->items);
    PQclear(o->res_);
    memset(o, 0, sizeof *o);
}

bool store_office_insert(struct tx *tx, long long parent_id, const char *kind, const char *code,
                         const char *name, const char *tz, const char *class_name, long long *id,
                         struct berr *err)
{
    char parent[24];
    const char *p[6] = {
        parent_id ? stmt_id(parent, parent_id) : NULL, kind, code, name, tz, class_name};
    PGresult *r = stmt_query(tx, &insert, p, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

/* ---- letterheads ------------------------------------------------------------------------- */

bool store_letterheads_of(struct tx *tx, long long office, struct store_letterheads *out,
                          struct berr *err)
{
    memset(out, 0, sizeof *out);
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    PGresult *r = stmt_query(tx, &letterheads, p, err);
    if (!r)
        return false;
    out->res_ = r;
    int rows = PQntuples(r);
    if (rows == 0)
        return true;
    out->items = calloc((size_t)rows, sizeof *out->items); /* at most one a row */
    if (!out->items) {
        store_letterheads_free(out);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    struct store_letterhead *cur = NULL;
    for (int i = 0; i < rows; i++) {
        const char *from = PQgetvalue(r, i, 0);
        if (!cur || strcmp(cur->effective_from, from) != 0) {
            cur = &out->items[out->n++];
            cur->effective_from = from;
        }
        if (cur->nlines < STORE_LETTERHEAD_LINES)
            cur->lines[cur->nlines++] = PQgetvalue(r, i, 1);
    }
    return true;
}

void store_letterheads_free(struct store_letterheads *l)
{
    free(l->items);
    PQclear(l->res_);
    memset(l, 0, sizeof *l);
}

bool store_letterhead_add(struct tx *tx, long long office, const char *effective_from,
                          const char *lines_json, struct berr *err)
{
    char o[24];
    const char *p[3] = {stmt_id(o, office), effective_from, lines_json};
    return stmt_exec(tx, &letterhead_add, p, err);
}

/* ---- number patterns -------------------------------------------------------------------- */

static void pattern_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_number_pattern *x = item;
    x->doc_type = PQgetvalue(r, i, 0);
    x->pattern = PQgetvalue(r, i, 1);
}

bool store_number_patterns_of(struct tx *tx, long long office, struct store_number_patterns *out,
                              struct berr *err)
{
    memset(out, 0, sizeof *out);
    char o[24];
    const char *p[1] = {stmt_id(o, office)};
    void *items;
    if (!stmt_rows(stmt_query(tx, &patterns, p, err), sizeof *out->items, pattern_of, NULL, &items,
                   &out->n, &out->res_, err))
        return false;
    out->items = items;
    return true;
}

void store_number_patterns_free(struct store_number_patterns *p)
{
    free(p->items);
    PQclear(p->res_);
    memset(p, 0, sizeof *p);
}

bool store_number_pattern_set(struct tx *tx, long long office, const char *doc_type,
                              const char *pattern, struct berr *err)
{
    char o[24];
    const char *p[3] = {stmt_id(o, office), doc_type, pattern};
    return stmt_exec(tx, &pattern_set, p, err);
}
