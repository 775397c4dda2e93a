/*
 * contents.h - what an act says (contents.c): the questions and answers of
 * a BAP, the facts, analysis and conclusion of a Resume.  Internal to
 * server/app: forms.c asks whether an act's document may be issued.
 */
#ifndef BERKAS_APP_CONTENTS_H
#define BERKAS_APP_CONTENTS_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"
#include <jansson.h>
#include "actor.h"

struct tx;
struct casefile;

/* Whether form (bap_saksi, bap_tersangka, bap_ahli, resume) may be issued
 * for act event_id of cf: its content is complete.  Forms that carry no
 * content pass.  BERR_UNPROCESSABLE naming what is missing and the command
 * that supplies it otherwise. */
BERKAS_MUST_CHECK bool contents_issuable(struct tx *tx, const struct casefile *cf,
                                         long long event_id, const char *form, struct berr *err);

/* ---- the use cases ---------------------------------------------------------------------- */

/* The content of BAP event_id (bap_recorded) or of Resume event_id
 * (resume_written) with its version (0: none yet), whether its document is
 * issued (then it is frozen), what it is about (the party examined; the
 * charges and the elements of each charged Pasal) and what is still missing
 * before it can be issued.  As the case is visible; audited as a read. */
BERKAS_MUST_CHECK json_t *app_bap_get(struct app *app, const struct actor *who, long long case_id,
                                      long long event_id, struct audit_rec *au, struct berr *err);
BERKAS_MUST_CHECK json_t *app_resume_get(struct app *app, const struct actor *who,
                                         long long case_id, long long event_id,
                                         struct audit_rec *au, struct berr *err);

/* Write that content whole (an investigator of the case's office; if_match:
 * the version read, -1 or 0 for the first write), until the act's document
 * is issued.  *out as the get; *created when it is the first version. */
BERKAS_MUST_CHECK bool app_bap_put(struct app *app, const struct actor *who, long long case_id,
                                   long long event_id, json_t *content, int if_match, json_t **out,
                                   bool *created, struct audit_rec *au, struct berr *err);
BERKAS_MUST_CHECK bool app_resume_put(struct app *app, const struct actor *who, long long case_id,
                                      long long event_id, json_t *content, int if_match,
                                      json_t **out, bool *created, struct audit_rec *au,
                                      struct berr *err);

#endif
