/*
 * cases.c - reading cases, behind both fences.
 *
 * The first fence is here: each query says, in its WHERE clause, which
 * cases the actor's role may see.  The second is PostgreSQL's row-level
 * security on app.cases (sql/0002_identity.sql), which would still hide
 * another office's rows if this WHERE clause were wrong.  A case the actor
 * may not see is "not found", exactly like one that does not exist.
 */
#include <stddef.h>

#include "store/cases.h"
#include "visibility.h"

const char *case_visible_clause(enum role role)
{
    switch (role) {
    case ROLE_INVESTIGATOR:
        return store_case_visible_clause(STORE_SEES_OFFICE);
    case ROLE_SUPERVISOR:
        return store_case_visible_clause(STORE_SEES_SUBTREE);
    case ROLE_PROSECUTOR:
        return store_case_visible_clause(STORE_SEES_DISCLOSED);
    default:
        return NULL; /* admins see no case contents */
    }
}
