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

struct tx;
struct casefile;

/* Whether form (bap_saksi, bap_tersangka, bap_ahli, resume) may be issued
 * for act event_id of cf: its content is complete.  Forms that carry no
 * content pass.  BERR_UNPROCESSABLE naming what is missing and the command
 * that supplies it otherwise. */
BERKAS_MUST_CHECK bool contents_issuable(struct tx *tx, const struct casefile *cf,
                                         long long event_id, const char *form, struct berr *err);

#endif
