/*
 * audit.h (store) - the rows of audit.events.  berkas_app may only INSERT
 * there; triggers refuse UPDATE, DELETE and TRUNCATE even to the owner.
 * The time is the database's clock (UTC, milliseconds).
 */
#ifndef BERKAS_STORE_AUDIT_H
#define BERKAS_STORE_AUDIT_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* One line: 0 and NULL are SQL NULL (nobody, no office, no object, no
 * address, no detail). */
struct audit_row {
    long long user_id;
    const char *role; /* "investigator", ... */
    long long office_id;
    const char *client_addr; /* an inet's text */
    const char *action, *method, *route, *object_type;
    long long object_id;
    const char *outcome; /* "ok", "refused", "failed" */
    const char *detail;  /* a JSON object's text */
    int status;
};

/* Append row inside tx, sent with the transaction's next statement (as a
 * rule its COMMIT: stmt_defer). */
BERKAS_MUST_CHECK bool store_audit_insert(struct tx *tx, const struct audit_row *row,
                                          struct berr *err);

#endif
