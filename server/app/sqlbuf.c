/* sqlbuf.c - see sqlbuf.h. */
#include "sqlbuf.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "store/tx.h"

void sqlbuf_add(struct sqlbuf *b, const char *fragment, const char *value)
{
    bool named = value && strstr(fragment, "$?") && b->n < SQLBUF_PARAMS;
    if (named)
        b->params[b->n++] = value;
    /* every "$?" of the fragment names the same parameter */
    for (const char *p = fragment; *p;) {
        const char *mark = named ? strstr(p, "$?") : NULL;
        size_t take = mark ? (size_t)(mark - p) : strlen(p);
        size_t room = sizeof b->text - b->len;
        int n = mark ? snprintf(b->text + b->len, room, "%.*s$%d", (int)take, p, b->n)
                     : snprintf(b->text + b->len, room, "%s", p);
        if (n > 0)
            b->len = (size_t)n < room ? b->len + (size_t)n : sizeof b->text - 1;
        p += take + (mark ? 2 : 0);
    }
}

void sqlbuf_param(struct sqlbuf *b, const char *value)
{
    if (b->n < SQLBUF_PARAMS)
        b->params[b->n++] = value;
}

bool list_tx_begin(struct tx *tx, struct db_pool *pool, long long user, struct berr *err)
{
    if (!tx_begin(tx, pool, user, err))
        return false;
    if (!tx_async_commit(tx, err)) {
        tx_end(tx);
        return false;
    }
    return true;
}
