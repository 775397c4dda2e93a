/*
 * cases.c - reading cases, behind both fences.
 *
 * The first fence is here: each query says, in its WHERE clause, which
 * cases the actor's role may see.  The second is PostgreSQL's row-level
 * security on app.cases (sql/0002_identity.sql), which would still hide
 * another office's rows if this WHERE clause were wrong.  A case the actor
 * may not see is "not found", exactly like one that does not exist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "store/tx.h"
#include "visibility.h"

const char *case_visible_clause(enum role role)
{
    switch (role) {
    case ROLE_INVESTIGATOR:
        return "c.office_id = $1::bigint";
    case ROLE_SUPERVISOR:
        return "EXISTS (SELECT 1 FROM app.offices o WHERE o.id = c.office_id "
               "AND $1::bigint = ANY (o.ancestors))";
    case ROLE_PROSECUTOR:
        return "c.kejari_id = $1::bigint AND c.disclosed_at IS NOT NULL";
    default:
        return NULL; /* admins see no case contents */
    }
}
