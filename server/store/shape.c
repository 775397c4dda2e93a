/* shape.c (store) - see shape.h. */
#include "shape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tx.h"

void shape_start(struct shape *s, const char *name, const char *fragment, int nparams,
                 const char *const *params)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    for (int i = 0; i < nparams && i < SHAPE_PARAMS; i++)
        s->params[s->n++] = params[i];
    s->overflow = nparams > SHAPE_PARAMS;
    shape_add(s, fragment, NULL);
}

void shape_add(struct shape *s, const char *fragment, const char *value)
{
    bool named = value && strstr(fragment, "$?");
    if (named && s->n >= SHAPE_PARAMS) {
        s->overflow = true;
        return;
    }
    if (named)
        s->params[s->n++] = value;
    /* every "$?" of the fragment names the same parameter */
    for (const char *p = fragment; *p;) {
        const char *mark = named ? strstr(p, "$?") : NULL;
        size_t take = mark ? (size_t)(mark - p) : strlen(p);
        size_t room = sizeof s->text - s->len;
        int n = mark ? snprintf(s->text + s->len, room, "%.*s$%d", (int)take, p, s->n)
                     : snprintf(s->text + s->len, room, "%s", p);
        if (n < 0 || (size_t)n >= room) {
            s->overflow = true;
            return;
        }
        s->len += (size_t)n;
        p += take + (mark ? 2 : 0);
    }
}

void shape_mark(struct shape *s, const char *mark)
{
    size_t len = strlen(s->name);
    if (len + strlen(mark) >= sizeof s->name)
        s->overflow = true;
    else
        memcpy(s->name + len, mark, strlen(mark) + 1);
}

PGresult *shape_query(struct tx *tx, const struct shape *s, struct berr *err)
{
    if (s->overflow) {
        berr_set(err, BERR_INTERNAL, "statement %s does not fit", s->name);
        return NULL;
    }
    return tx_query_named(tx, s->name, s->text, s->n, s->params, err);
}

bool shape_rows(struct tx *tx, shape_build_fn *build, const void *ctx, size_t size,
                stmt_row_fn *fill, void **items, int *n, void **res, struct berr *err)
{
    *items = NULL;
    *n = 0;
    *res = NULL;
    struct shape *s = malloc(sizeof *s);
    if (!s)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    build(s, ctx);
    PGresult *r = shape_query(tx, s, err);
    free(s);
    return stmt_rows(r, size, fill, NULL, items, n, res, err);
}
