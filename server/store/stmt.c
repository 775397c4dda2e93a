/* stmt.c - see stmt.h. */
#include "stmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "tx.h"

PGresult *stmt_query(struct tx *tx, const struct stmt *s, const char *const *params,
                     struct berr *err)
{
    return tx_query_named(tx, s->name, s->sql, s->nparams, params, err);
}

bool stmt_exec(struct tx *tx, const struct stmt *s, const char *const *params, struct berr *err)
{
    PGresult *r = stmt_query(tx, s, params, err);
    PQclear(r);
    return r != NULL;
}

bool stmt_defer(struct tx *tx, const struct stmt *s, const char *const *params, struct berr *err)
{
    return tx_defer(tx, s->name, s->sql, s->nparams, params, err);
}

PGresult *stmt_query_bin(struct tx *tx, const struct stmt *s, const char *const *params,
                         const int *lengths, const int *formats, int result_format,
                         struct berr *err)
{
    if (!tx_flush(tx, err)) /* what was deferred goes first, on its own */
        return NULL;
    PGresult *r = db_exec_named_bin(tx->pool, tx->conn, s->name, s->sql, s->nparams, params,
                                    lengths, formats, result_format);
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return r;
    tx_error_of(r, err);
    PQclear(r);
    return NULL;
}

PGresult *stmt_once(struct db_pool *pool, const struct stmt *s, const char *const *params,
                    struct berr *err)
{
    return db_once_named(pool, s->name, s->sql, s->nparams, params, err);
}

const char *stmt_id(char buf[24], long long v)
{
    snprintf(buf, 24, "%lld", v);
    return buf;
}

char *stmt_id_array(const long long *ids, int n)
{
    size_t cap = (size_t)(n > 0 ? n : 0) * 21 + 3, used = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    s[used++] = '{';
    for (int i = 0; i < n; i++)
        used += (size_t)snprintf(s + used, cap - used, "%s%lld", i ? "," : "", ids[i]);
    snprintf(s + used, cap - used, "}");
    return s;
}

long long stmt_ll(const PGresult *r, int row, int col)
{
    return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

bool stmt_one(struct tx *tx, const struct stmt *s, const char *const *params, bool *found,
              long long *value, struct berr *err)
{
    PGresult *r = stmt_query(tx, s, params, err);
    if (!r)
        return false;
    bool got = PQntuples(r) > 0;
    if (found)
        *found = got;
    if (value)
        *value = got ? stmt_ll(r, 0, 0) : 0;
    PQclear(r);
    return true;
}

bool stmt_array_next(const char **pp, char **w, const char **item)
{
    const char *p = *pp;
    if (*p == '{')
        p++;
    if (*p == '}' || *p == '\0')
        return false;
    char *start = *w, *o = start;
    bool quoted = *p == '"';
    if (quoted) {
        for (p++; *p && *p != '"'; p++) {
            if (*p == '\\' && p[1])
                p++;
            *o++ = *p;
        }
        if (*p == '"')
            p++;
    } else {
        while (*p && *p != ',' && *p != '}')
            *o++ = *p++;
    }
    *o++ = '\0';
    *item = !quoted && strcmp(start, "NULL") == 0 ? NULL : start;
    if (*p == ',')
        p++;
    *pp = p;
    *w = o;
    return true;
}

int stmt_array_max(const char *text)
{
    int n = strcmp(text, "{}") != 0;
    for (; *text; text++)
        n += *text == ',';
    return n;
}

bool stmt_bool(const PGresult *r, int row, int col)
{
    return PQgetvalue(r, row, col)[0] == 't';
}

void stmt_copy(char *out, size_t n, const PGresult *r, int row, int col)
{
    snprintf(out, n, "%s", PQgetvalue(r, row, col));
}

bool stmt_rows(PGresult *r, size_t size, stmt_row_fn *fill, void *ctx, void **items, int *n,
               void **res, struct berr *err)
{
    *items = NULL;
    *n = 0;
    if (res)
        *res = NULL;
    if (!r)
        return false;
    int rows = PQntuples(r);
    char *a = rows > 0 ? calloc((size_t)rows, size) : NULL;
    if (rows > 0 && !a) {
        PQclear(r);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    for (int i = 0; i < rows; i++)
        fill(r, i, a + (size_t)i * size, ctx);
    *items = a;
    *n = rows;
    if (res)
        *res = r;
    else
        PQclear(r);
    return true;
}
