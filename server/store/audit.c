/* audit.c (store) - see audit.h. */
#include "audit.h"

#include <stdio.h>

#include "stmt.h"

static const struct stmt insert = {
    "audit.insert", 12,
    "INSERT INTO audit.events (user_id, role, office_id, client_addr, action, method, route, "
    "object_type, object_id, outcome, detail, status) VALUES ($1::bigint, $2, $3::bigint, "
    "$4::inet, $5, $6, $7, $8, $9::bigint, $10, $11::jsonb, $12::int)"};

bool store_audit_insert(struct tx *tx, const struct audit_row *row, struct berr *err)
{
    char uid[24], office[24], oid[24], st[16];
    snprintf(st, sizeof st, "%d", row->status);
    const char *p[12] = {
        row->user_id ? stmt_id(uid, row->user_id) : NULL,
        row->role,
        row->office_id ? stmt_id(office, row->office_id) : NULL,
        row->client_addr,
        row->action,
        row->method,
        row->route,
        row->object_type,
        row->object_id ? stmt_id(oid, row->object_id) : NULL,
        row->outcome,
        row->detail,
        st,
    };
    return stmt_defer(tx, &insert, p, err); /* with the COMMIT that follows it */
}
