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
    enum store_case_sight sight;
    return case_sight_of(role, &sight) ? store_case_visible_clause(sight) : NULL;
}

bool case_sight_of(enum role role, enum store_case_sight *sight)
{
    switch (role) {
    case ROLE_INVESTIGATOR:
        *sight = STORE_SEES_OFFICE;
        return true;
    case ROLE_SUPERVISOR:
        *sight = STORE_SEES_SUBTREE;
        return true;
    case ROLE_PROSECUTOR:
        *sight = STORE_SEES_DISCLOSED;
        return true;
    default:
        return false; /* admins see no case contents */
    }
}
