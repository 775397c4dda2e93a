/*
 * oath.h - the interpreter's oath under the BAP it was sworn for (KUHAP 53, 177; DOMAIN 4.6,
 * 7.1: Berita Acara Sumpah Penerjemah).
 *
 * A suspect who does not speak Indonesian is examined through an interpreter sworn before the
 * examination; the BAP tersangka made so rests on that oath.  Which suspect needs one is the
 * party's language (app-level, casefile.h suspect_interpreted), not the core log, so this check
 * is the app's, beside permit.h's: checked on write only, a log recorded before it still loads.
 */
#ifndef BERKAS_APP_OATH_H
#define BERKAS_APP_OATH_H

#include <stdbool.h>

#include "casefile.h"
#include "core/error.h"
#include "events.h"

/* A correction (the last act of cf's log) must not pull the oath from under a suspect's BAP:
 * when every standing BAP tersangka of a suspect who needs an interpreter had a standing oath
 * of his interpreter on or before it, and after the correction one has none (the oath
 * withdrawn, re-dated after it, or moved to another party), the correction is refused -
 * withdrawn: 422 dependent-act on corrects naming the BAP to withdraw first (its id);
 * otherwise 422 date-order on the date (at when timed).  Nothing is written.  A BAP that had no
 * oath before the correction is not the correction's doing. */
bool oath_links_kept(const struct casefile *cf, bool timed, struct event_outcome *out,
                     struct berr *err);

#endif
