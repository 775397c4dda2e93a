/*
 * release.h - whether the case file bears out the ground a release states (core/relground.h;
 * DOMAIN 4.7-4.8): the suspect's papers say why he is let go, so the ground must fit the
 * custody he is in on the release's day - an arrest (penangkapan: pelepasan, KUHAP 19(1)) or a
 * detention, running or suspended (penahanan: pengeluaran tahanan, KUHAP 24) - and, where it
 * rests on the file, be true of it then:
 *   - penyidikan_dihentikan (KUHAP 109(2)): an SP3 stands on or before that day - recorded, not
 *     withdrawn, no reopening (praperadilan, a new Sprindik) after it;
 *   - masa_penahanan_habis (KUHAP 24(4), 29(6)): the suspect is detained and the period in
 *     force (the detention clock, app/extension.h) ends on or before that day;
 *   - masa_penangkapan_habis (KUHAP 19(1)): the suspect is under arrest and its hours (the rule
 *     set's arrest_hours from the arrest's instant: the arrest clock) end on or before the
 *     release's instant (a release known by its date alone: the start of that day);
 *   - kepentingan_terpenuhi (24(3)) and tidak_perlu_ditahan (19(1), 21), the investigator's
 *     judgement, and putusan_praperadilan (77 huruf a, 82(3) huruf a), the court's order, an
 *     outside paper: the file cannot gainsay them.
 * A suspect in no custody that day is the detention machine's to refuse (409).
 */
#ifndef BERKAS_APP_RELEASE_H
#define BERKAS_APP_RELEASE_H

#include <stdbool.h>
#include <stdint.h>

#include "casefile.h"
#include "core/mustcheck.h"

/* The custody suspect (a core index) is in on day, the log read up to that day without the act
 * at index skip: RELC_ARREST, RELC_DETENTION (detained or suspended), or 0 (none). */
unsigned release_custody_on(const struct casefile *cf, int suspect, struct caldate day, int skip);

/* Whether cf bears out ground (a code of core/relground.h) for the release of suspect (a core
 * index) dated day at instant at (has_time false: known by its date alone, at its start), the
 * log read without the act at index skip (-1: none; the release a correction replaces).  false
 * with err (422 on ground, the reason in Indonesian) otherwise. */
BERKAS_MUST_CHECK bool release_ground_borne(const struct casefile *cf, int suspect,
                                            const char *ground, struct caldate day, int64_t at,
                                            bool has_time, int skip, struct berr *err);

/* The words the papers print of ground for the release of suspect on day (the custody he is in
 * then; none known: the detention's words), or NULL for a ground not of the list. */
const char *release_ground_words(const struct casefile *cf, int suspect, const char *ground,
                                 struct caldate day, int skip);

#endif
