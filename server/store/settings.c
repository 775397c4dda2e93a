/* settings.c (store) - see settings.h. */
#include "settings.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

static const struct stmt list = {
    "settings.list", 0,
    "SELECT key, value, note, to_char(updated_at AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM app.settings ORDER BY key"};

static const struct stmt lock = {"settings.lock", 1,
                                 "SELECT value FROM app.settings WHERE key = $1 FOR UPDATE"};

static const struct stmt set = {
    "settings.set", 2, "UPDATE app.settings SET value = $2, updated_at = now() WHERE key = $1"};

static void setting_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_setting *s = item;
    s->key = PQgetvalue(r, i, 0);
    s->value = PQgetvalue(r, i, 1);
    s->note = PQgetvalue(r, i, 2);
    s->updated_at = PQgetvalue(r, i, 3);
}

bool store_settings_list(struct tx *tx, struct store_settings *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    return stmt_rows(stmt_query(tx, &list, NULL, err), sizeof *out->items, setting_of, NULL,
                     (void **)&out->items, &out->n, &out->res_, err);
}

void store_settings_free(struct store_settings *s)
{
    free(s->items);
    PQclear(s->res_);
    memset(s, 0, sizeof *s);
}

bool store_setting_set(struct tx *tx, const char *key, const char *value, char *old, size_t n,
                       bool *found, struct berr *err)
{
    const char *p[2] = {key, value};
    PGresult *r = stmt_query(tx, &lock, p, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    if (*found)
        stmt_copy(old, n, r, 0, 0);
    PQclear(r);
    return !*found || stmt_exec(tx, &set, p, err);
}
