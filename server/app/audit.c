/* audit.c - see audit.h. */
#include "audit.h"

#include <stdio.h>

#include "app.h"
#include "idem.h"
#include "sqlbuf.h"
#include "store/audit.h"
#include "store/tx.h"

static bool insert(struct tx *tx, const struct actor *who, struct audit_rec *au,
                   const char *outcome, int status, struct berr *err)
{
    struct audit_row row = {
        .user_id = who ? who->user_id : 0,
        .role = who && who->role ? role_code(who->role) : NULL,
        .office_id = who ? who->office_id : 0,
        .client_addr = who && who->client_addr[0] ? who->client_addr : NULL,
        .action = au->action ? au->action : "request",
        .method = au->method,
        .route = au->route,
        .object_type = au->object_type,
        .object_id = au->object_id,
        .outcome = outcome,
        .detail = au->detail[0] ? au->detail : NULL,
        .status = status,
    };
    bool ok = store_audit_insert(tx, &row, err);
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
