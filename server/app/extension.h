/*
 * extension.h - what a Surat Permintaan Perpanjangan Penahanan may ask, from the suspect's
 * detention as it stands on the letter's own day (KUHAP 24(2), 24(4), 29; DOMAIN 4.8).
 *
 * The suspect's detention is folded from the log's acts dated on or before that day (the
 * detention machine, each act under the rule set of its date), so the letter states only
 * what had happened by then.  It may ask only while a detention of the investigation stage
 * is in force on that day (24(2): requested before the period it extends ends): after the
 * investigator's period, the Penuntut Umum's extension (24(2)); after the PU's, or the Ketua
 * PN's first, the Ketua PN's (29(1), (3) huruf a) - only on a ground of 29(1): a severe
 * physical or mental disorder shown by a doctor's letter (huruf a), or an offence punishable
 * by the rule set's court_ext_min_years or more (huruf b).  The days asked are the rule set's
 * of the letter's day (detention_ext_pu_days, detention_ext_court_days, within the stage's
 * limit less the days served), never a number of the template: under UU 20/2025 those
 * durations are not confirmed (DOMAIN 9.2) and stay values an administrator can amend.
 */
#ifndef BERKAS_APP_EXTENSION_H
#define BERKAS_APP_EXTENSION_H

#include <stdbool.h>

#include "casefile.h"
#include "core/detention.h"
#include "core/mustcheck.h"

struct ext_ask {
    enum det_period period; /* the period in force on the day */
    int period_days;        /* its N */
    struct caldate start;   /* its day 1 */
    struct caldate end;     /* its last day */
    bool to_court;          /* false: the PU (Kepala Kejari, 24(2)); true: the Ketua PN (29) */
    char ground;            /* to_court: 'a' severe illness, 'b' the offence's maximum */
    int max_days;           /* the most the rule set lets the letter ask */
    int days;               /* what it asks: the days given, else max_days */
    struct caldate from;    /* end + 1 */
    struct caldate until;   /* from + days - 1 */
    long long order_event;  /* the detained act the period rests on (its SP Penahanan) */
    long long ext_event;    /* the latest extension in force (0: none) */
};

/* What a request for suspect (a core index) dated day may ask; days_given (0: not given)
 * the days asked, illness whether a doctor's letter of a severe disorder is given.  false
 * with err (422 naming why, 400 on the field given wrong) when none may be asked that day. */
BERKAS_MUST_CHECK bool extension_ask(const struct casefile *cf, int suspect, struct caldate day,
                                     int days_given, bool illness, struct ext_ask *out,
                                     struct berr *err);

/* The suspect's (a core index) detention as his effective acts dated on or before day leave it,
 * in the log's order, each under the rule set of its date, without the act at log index skip
 * (-1: none; a release being corrected leaves itself out): its state and, once detained, the
 * period in force and its last day (end). */
void extension_held_on(const struct casefile *cf, int suspect, struct caldate day, int skip,
                       struct detention *out);

/* What an extension recorded granted (the Berita Acara Perpanjangan Penahanan states it):
 * the suspect's detention folded by the detention machine from his acts up to and including
 * the extension act, in the log's order, each under the rule set of its date - the new
 * period is the clock's own (start, end: the inclusive-date convention of detention.h),
 * never a template's arithmetic. */
struct ext_granted {
    bool court;             /* the Ketua PN's (KUHAP 29), else the PU's (24(2)) */
    enum det_period period; /* the period it began */
    int days;               /* its N */
    struct caldate from;    /* its day 1: the previous period's end + 1 */
    struct caldate until;   /* its last day */
    long long order_event;  /* the detained act the detention rests on (its SP Penahanan) */
};

/* The extension act event_id (an original act's id, as corrected) of cf as granted; false with
 * err (422) when it is no extension in force of the log. */
BERKAS_MUST_CHECK bool extension_granted(const struct casefile *cf, long long event_id,
                                         struct ext_granted *out, struct berr *err);

#endif
