/* audit.c - see audit.h. */
#include "audit.h"

#include <stdio.h>

#include "app.h"
#include "idem.h"
#include "sqlbuf.h"
#include "store/tx.h"

static bool insert(struct tx *tx, const struct actor *who, struct audit_rec *au,
                   const char *outcome, int status, struct berr *err)
{
    char uid[24], office[24], oid[24], st[16];
    snprintf(uid, sizeof uid, "%lld", who ? who->user_id : 0);
    snprintf(office, sizeof office, "%lld", who ? who->office_id : 0);
    snprintf(oid, sizeof oid, "%lld", au->object_id);
    snprintf(st, sizeof st, "%d", status);
    const char *params[11] = {
        who && who->user_id ? uid : NULL,
        who && who->role ? role_code(who->role) : NULL,
        who && who->office_id ? office : NULL,
        who && who->client_addr[0] ? who->client_addr : NULL,
        au->action ? au->action : "request",
        au->method,
        au->route,
        au->object_type,
        au->object_id ? oid : NULL,
        outcome,
        au->detail[0] ? au->detail : NULL,
    };
    const char *all[12];
    for (int i = 0; i < 11; i++)
        all[i] = params[i];
    all[11] = st;
    bool ok = tx_exec(tx,
                      "INSERT INTO audit.events (user_id, role, office_id, client_addr, action, "
                      "method, route, object_type, object_id, outcome, detail, status) VALUES "
                      "($1::bigint, $2, $3::bigint, $4::inet, $5, $6, $7, $8, $9::bigint, $10, "
                      "$11::jsonb, $12::int)",
                      12, all, err);
    if (ok)
        au->written = true;
    return ok;
}

bool audit_ok(struct tx *tx, const struct actor *who, struct audit_rec *au, struct berr *err)
{
    /* the key is taken in the act's own transaction: it stands exactly when the act does */
    return idem_claim(tx, who, au->idem, err) && insert(tx, who, au, "ok", 200, err);
}

bool audit_ok_apart(struct app *app, const struct actor *who, struct audit_rec *au,
                    struct berr *err)
{
    struct tx tx;
    if (!list_tx_begin(&tx, app->db, who ? who->user_id : 0, err))
        return false;
    bool ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    return ok;
}

void audit_after(struct app *app, const struct actor *who, struct audit_rec *au, int status)
{
    if (au->written)
        return;
    struct tx tx;
    struct berr err = {0};
    const char *outcome = status >= 500 ? "failed" : status >= 400 ? "refused" : "ok";
    if (!tx_begin(&tx, app->db, who ? who->user_id : 0, &err) ||
        !insert(&tx, who, au, outcome, status, &err) || !tx_commit(&tx, &err)) {
        tx_end(&tx);
        fprintf(stderr, "berkasd: audit line not written: %s\n", err.message);
    }
}
