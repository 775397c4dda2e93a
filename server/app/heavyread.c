/* heavyread.c - see heavyread.h. */
#include "heavyread.h"

#include <string.h>

#include "app.h"
#include "audit.h"
#include "sqlbuf.h"
#include "store/replica.h"
#include "store/tx.h"

/* On the replica: the document, or NULL with err set; *retry when the
 * failure was the replica's (the primary should be asked instead). */
static json_t *on_replica(struct db_pool *pool, const struct actor *who, heavy_fn fn,
                          const void *arg, struct audit_rec *au, bool *retry, struct berr *err)
{
    struct tx tx;
    json_t *out = NULL;
    if (tx_begin(&tx, pool, who->user_id, err)) {
        out = fn(&tx, who, arg, au, err);
        if (out && !tx_commit(&tx, err)) {
            json_decref(out);
            out = NULL;
        }
        tx_end(&tx);
    }
    /* what the primary would answer the same (a bad filter, an office not
     * the caller's, a statement too slow for the time limit: asked again,
     * the caller would wait twice for the same 503) is the answer; the
     * replica away, a query cancelled there by a conflict with recovery, a
     * relation it does not have yet are the replica's */
    *retry = !out && (err->kind == BERR_CONFLICT || err->kind == BERR_INTERNAL ||
                      (err->kind == BERR_UNAVAILABLE && strcmp(err->message, TX_TIMED_OUT) != 0));
    return out;
}

json_t *heavy_read(struct app *app, const struct actor *who, heavy_fn fn, const void *arg,
                   struct audit_rec *au, struct berr *err)
{
    struct db_pool *rp = replica_pool(app->replica);
    if (rp) {
        bool retry = false;
        json_t *out = on_replica(rp, who, fn, arg, au, &retry, err);
        if (out) {
            if (audit_ok_apart(app, who, au, err))
                return out;
            json_decref(out);
            return NULL;
        }
        if (!retry)
            return NULL;
        /* fixed texts only: never a value from the request or the data */
        replica_failed(app->replica, err->kind == BERR_UNAVAILABLE ? "the database is away"
                                     : err->kind == BERR_CONFLICT
                                         ? "a query cancelled by a conflict with recovery"
                                         : "a database error");
        berr_clear(err);
    }
    struct tx tx;
    if (!list_tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    json_t *out = fn(&tx, who, arg, au, err);
    if (out && (!audit_ok(&tx, who, au, err) || !tx_commit(&tx, err))) {
        json_decref(out);
        out = NULL;
    }
    tx_end(&tx);
    return out;
}
