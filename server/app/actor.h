/*
 * actor.h - who is acting, and what the audit trail will say about it.
 */
#ifndef BERKAS_APP_ACTOR_H
#define BERKAS_APP_ACTOR_H

#include <stdbool.h>

#include "core/mustcheck.h"

/* Roles are bits so that a route can allow several. */
enum role {
    ROLE_NONE = 0,
    ROLE_INVESTIGATOR = 1,
    ROLE_SUPERVISOR = 2,
    ROLE_PROSECUTOR = 4,
    ROLE_ADMIN = 8,
};
#define ROLE_ANY (ROLE_INVESTIGATOR | ROLE_SUPERVISOR | ROLE_PROSECUTOR | ROLE_ADMIN)

/* "investigator", ... ; "" for ROLE_NONE. */
const char *role_code(enum role r);
/* The role for a code, ROLE_NONE when unknown. */
BERKAS_MUST_CHECK enum role role_from_code(const char *code);

struct actor {
    long long user_id; /* 0: nobody (not logged on) */
    long long session_id;
    enum role role;
    long long office_id;
    char name[201];
    char nip[19];
    char client_addr[64]; /* the peer's address, for the audit trail */
};

struct idem;

/* One audit line: the http layer names the request, the use case names
 * what it did.  A use case that succeeds writes the line in its own
 * transaction and sets written; otherwise the http layer writes it after
 * the fact with the outcome.  The request's Idempotency-Key travels with
 * it, because it is claimed with the line, in the same transaction (idem.h). */
struct audit_rec {
    const char *method;      /* "POST" */
    const char *route;       /* "/api/v1/users/{id}/disable": the pattern, never the URL */
    const char *action;      /* "user.disable" */
    const char *object_type; /* "user", "case", "office", "session" or NULL */
    long long object_id;
    char detail[256]; /* JSON object text or "": never secrets or case contents */
    bool written;
    struct idem *idem; /* the request's Idempotency-Key, or NULL */
};

#endif
