/*
 * release.h - whether the case file bears out the ground a release from detention states
 * (core/relground.h; DOMAIN 4.8): the Surat Perintah Pengeluaran Tahanan says why the suspect
 * leaves detention, so a ground that rests on the file must be true of it on the release's day:
 *   - penyidikan_dihentikan (KUHAP 109(2)): an SP3 stands on or before that day - recorded, not
 *     withdrawn, no reopening (praperadilan, a new Sprindik) after it;
 *   - masa_penahanan_habis (KUHAP 24(4), 29(6)): the suspect is detained and the period in
 *     force (the detention clock, app/extension.h) ends on or before that day;
 *   - kepentingan_terpenuhi (24(3)), the investigator's judgement, and putusan_praperadilan
 *     (77 huruf a, 82(3) huruf a), the court's order, an outside paper: the file cannot gainsay
 *     them.
 */
#ifndef BERKAS_APP_RELEASE_H
#define BERKAS_APP_RELEASE_H

#include <stdbool.h>

#include "casefile.h"
#include "core/mustcheck.h"

/* Whether cf bears out ground (a code of core/relground.h) for the release of suspect (a core
 * index) dated day, the log read without the act at index skip (-1: none; the release a
 * correction replaces).  false with err (422 on ground, the reason in Indonesian) otherwise. */
BERKAS_MUST_CHECK bool release_ground_borne(const struct casefile *cf, int suspect,
                                            const char *ground, struct caldate day, int skip,
                                            struct berr *err);

#endif
