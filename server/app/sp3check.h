/*
 * sp3check.h - what the law lets an SP3 say, and what it leaves after it (play4 #5, #28).
 *
 * A ground must be possible for every offence charged (core/sp3ground.h: the fine grounds of
 * UU 20/2025 Pasal 24 only for an offence punishable by a fine alone up to category II, or by
 * at most 1 year's prison or a fine up to category III; a complaint withdrawn only for a
 * complaint offence, KUHP 75), read from the offence catalogue (sql/0053).  And only an SP3
 * for want of evidence or of a crime may be followed by a new Sprindik on new evidence: one
 * demi hukum (KUHP 76-78: ne bis in idem, death, limitation; 75: a complaint withdrawn), on a
 * fine paid or a restorative settlement ends the investigation for good - only a court's
 * praperadilan order (reopened) sets it aside.
 *
 * Checks on WRITE only, like events.c's check_ground: a log recorded before them still loads
 * and replays as it stands.
 */
#ifndef BERKAS_APP_SP3CHECK_H
#define BERKAS_APP_SP3CHECK_H

#include <stdbool.h>

#include "casefile.h"
#include "core/error.h"
#include "core/event.h"
#include "core/mustcheck.h"
#include "events.h"

struct tx;

/* The act ev with input in (a new SP3 or a correction sending a ground; a new Sprindik):
 * true when the law allows it; else false with err 422 (out->problem_type "sp3-ground" naming
 * the field ground and the offences it cannot stop, or "sp3-final" naming the SP3 and its
 * ground). */
BERKAS_MUST_CHECK bool sp3_check(struct tx *tx, const struct casefile *cf, enum event ev,
                                 const struct event_input *in, struct event_outcome *out,
                                 struct berr *err);

/* The log index of the SP3 the case stands terminated on, its ground as its corrections left
 * it into *ground (NULL: none stated); -1 when cf is not terminated by an SP3. */
int sp3_standing(const struct casefile *cf, const char **ground);

#endif
