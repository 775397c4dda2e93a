/* visibility.h - which cases an actor may see, as one SQL condition. */
#ifndef BERKAS_APP_VISIBILITY_H
#define BERKAS_APP_VISIBILITY_H

#include <stdbool.h>

#include "actor.h"
#include "store/cases.h"

/* The rule of "who may see what" as an SQL condition over app.cases c, with
 * $1 the actor's office id: investigator own office; supervisor own office
 * and below; prosecutor what was sent to their Kejari.  NULL for roles that
 * see no case contents (admin).  Row-level security repeats it. */
const char *case_visible_clause(enum role role);

/* The same rule as the store's sight (store/cases.h) in *sight; false for
 * roles that see no case contents (admin). */
bool case_sight_of(enum role role, enum store_case_sight *sight);

#endif
