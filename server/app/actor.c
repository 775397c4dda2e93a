/* actor.c - the role codes of actor.h. */
#include "actor.h"

#include <stddef.h>
#include <string.h>

const char *role_code(enum role r)
{
    switch (r) {
    case ROLE_INVESTIGATOR:
        return "investigator";
    case ROLE_SUPERVISOR:
        return "supervisor";
    case ROLE_PROSECUTOR:
        return "prosecutor";
    case ROLE_ADMIN:
        return "admin";
    default:
        return "";
    }
}

enum role role_from_code(const char *code)
{
    static const enum role all[] = {ROLE_INVESTIGATOR, ROLE_SUPERVISOR, ROLE_PROSECUTOR,
                                    ROLE_ADMIN};
    for (size_t i = 0; code && i < sizeof all / sizeof all[0]; i++)
        if (strcmp(code, role_code(all[i])) == 0)
            return all[i];
    return ROLE_NONE;
}
