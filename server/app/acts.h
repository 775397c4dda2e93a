/*
 * acts.h - what an act carries beyond the core's event, for the supervisors'
 * and prosecutors' workspace (issue 10): the people it names, and the rules
 * of a supervisor's direction.
 *
 *   sprindik_issued, pre_investigation_ordered
 *                      "team": the investigators the order names (NIPs); the
 *                      case's team becomes exactly them (DOMAIN 4.3: the
 *                      Sprindik names the PPNS team; a new order changes it)
 *   p16_received       "jaksa": the jaksa peneliti the P-16 appoints (a NIP;
 *                      default the prosecutor recording it)
 *   direction_given    "note" its text (required); "due" not before today on
 *                      the office's calendar; "to" the investigator it is
 *                      addressed to (a NIP; default the office)
 *   direction_done     "note": what was done (required)
 *   reassigned         "note": the reason (required); "added", "removed": the
 *                      investigators (app_reassign names them); the team is
 *                      never left empty
 *
 * acts_check runs in the event's transaction after the input's own checks
 * and adds the people it resolved (user ids) to the payload that is stored
 * and hashed; acts_apply, after the append, changes the case's team and
 * jaksa.  A person is named by NIP, with or without the printed spaces.
 */
#ifndef BERKAS_APP_ACTS_H
#define BERKAS_APP_ACTS_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "casefile.h"
#include "core/caldate.h"
#include "core/error.h"
#include "core/mustcheck.h"
#include "store/cases.h"

struct tx;
struct event_input;

BERKAS_MUST_CHECK bool acts_check(struct tx *tx, const struct casefile *cf, enum event ev,
                                  const struct event_input *in, const struct actor *who,
                                  struct caldate today, json_t *payload, struct berr *err);

BERKAS_MUST_CHECK bool acts_apply(struct tx *tx, const struct casefile *cf, enum event ev,
                                  long long event_id, json_t *payload, const struct actor *who,
                                  struct berr *err);

/* The user id of `who` (a NIP, printed spaces allowed, or a decimal id), if
 * they are an active `role` of office_id (for a prosecutor: of that Kejari or
 * a Cabjari under it); 0 with a BAD_INPUT naming field otherwise. */
BERKAS_MUST_CHECK long long acts_person(struct tx *tx, const char *person, const char *role,
                                        long long office_id, const char *field, struct berr *err);

/* An act a PPNS does himself and makes the paper of (a Berita Acara, KUHAP
 * 75; a summons, 112) recorded by an investigator the case's active team
 * does not name (DOMAIN 4.3: the investigators are those the Sprindik
 * orders): *warning a JSON warning {code "recorder_not_in_team",
 * event_id, type, date, message}, else NULL.  Never a refusal: the team is
 * often kept loosely in practice; the act and its papers stay his. */
BERKAS_MUST_CHECK bool acts_team_warning(struct tx *tx, const struct actor *who, long long case_id,
                                         enum event ev, long long event_id, const char *date,
                                         json_t **warning, struct berr *err);

/* What the workspace adds to a case's document (GET /cases/{id}): "team"
 * (investigators, since when and by what), "jaksa" (the jaksa peneliti),
 * "directions" (done or not, who gave them, to whom), and "stage_since" as
 * the legal date of the act that moved the case to its stage (the entry's
 * time stays as "stage_entered_at").  clocks: casefile_clocks of cf as of
 * cf->now with room for every clock (summary_clock_room), the page's own. */
BERKAS_MUST_CHECK bool acts_case_extras(struct tx *tx, const struct casefile *cf,
                                        const struct clock_set *clocks,
                                        const struct store_case_lists *l, json_t *doc,
                                        struct berr *err);

#endif
