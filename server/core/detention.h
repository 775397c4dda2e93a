/*
 * detention.h - one suspect's arrest and detention (penangkapan, penahanan),
 * and administrative detention (pendetensian) beside it.
 *
 *   free --arrested--> arrested (arrest_hours, KUHAP 19(1)) --detained-->
 *   detained: investigator's period (20 days, KUHAP 24(1))
 *     --detention_extended_pu--> + up to 40 days (KUHAP 24(2))
 *     --detention_extended_court--> + up to 30, twice (KUHAP 29; only for a
 *       maximum of 9 years or more, or severe illness)
 *   detained --detention_suspended--> suspended --detained--> detained (the
 *     days left at suspension, KUHAP 31); detention_type_changed keeps the
 *     period (rutan / rumah / kota, KUHAP 22-23); released from any of them.
 *   released --detained--> detained again, where the rule set allows it
 *     (redetention_within_limit): the days served count against the stage's
 *     limit (KUHAP 24(4): 20 + 40 in all; with KUHAP 29, + 30 + 30).
 *
 * A period is computed twice: by the inclusive-date convention (day 1 is the
 * day of the order; end = start + N - 1, expiring at the end of that local
 * day) and by the strict reading (the order's instant + 24 h x N).  An
 * extension runs on from the previous end, on both readings.  The earlier of
 * the two is the expiry (detention_expires_at).
 *
 * Detensi (UU 6/2011 Pasal 83) is a separate flag with its own start: it
 * never counts as penahanan, never shortens or lengthens a period, and
 * cannot overlap an arrest or a detention (end it first, so the record says
 * when one ended and the other began).
 *
 * To record a per-suspect act the app asks fsm_apply() (may the case's stage
 * take it?) and then detention_apply() (may this suspect's state take it?);
 * both run the same guards (guard.h), so they agree.  Replaying a log, as
 * clock.c does, passes no facts and skips the guards.
 *
 * Pure: the caller passes the current state and gets the next one.
 */
#ifndef BERKAS_CORE_DETENTION_H
#define BERKAS_CORE_DETENTION_H

#include <stdbool.h>
#include <stdint.h>

#include "caldate.h"
#include "event.h"
#include "facts.h"
#include "ruleset.h"

enum det_state { DET_FREE, DET_ARRESTED, DET_DETAINED, DET_SUSPENDED, DET_RELEASED, DET__COUNT };

/* Which authority's period runs (or ran last). */
enum det_period {
    DETP_NONE,
    DETP_INVESTIGATOR, /* KUHAP 24(1) */
    DETP_PU,           /* KUHAP 24(2) */
    DETP_COURT_1,      /* KUHAP 29, first */
    DETP_COURT_2,      /* KUHAP 29, second */
    DETP__COUNT
};

/* KUHAP 22(1). */
enum det_type { DETT_RUTAN, DETT_RUMAH, DETT_KOTA, DETT__COUNT };

#define DETENTION_EVENTS 9 /* arrested .. detensi_ended */

struct detention {
    enum det_state state;
    enum det_period period;
    enum det_type type;
    bool ever_detained; /* detained before at this stage: a new detention counts days_served
                           (KUHAP 24(4)), or is refused where the rule set says so */
    int court_extensions;
    /* arrest: valid in DET_ARRESTED */
    int64_t arrested_at;
    int64_t arrest_ends_at; /* arrested_at + arrest_hours */
    /* the current (or last) period: valid once ever_detained */
    int period_days;       /* N of this period */
    int days_granted;      /* sum of the periods granted: 20 + 40 + 30 + 30 at most */
    int days_served;       /* days detained before the latest release (day of release counted) */
    int64_t started_at;    /* instant the period began */
    struct caldate start;  /* day 1 of the period */
    struct caldate end;    /* last day, inclusive */
    int64_t day_end_at;    /* end of `end`, local: start of end + 1 */
    int64_t strict_end_at; /* strict reading: 24 h x N, chained */
    /* suspension: valid in DET_SUSPENDED */
    struct caldate suspended_on;
    int days_left;       /* whole days after the day of suspension up to `end` */
    int64_t strict_left; /* seconds left on the strict reading */
    /* administrative detention, never penahanan */
    bool in_detensi;
    int64_t detensi_since_at;
};

/* One act on the suspect. */
struct detention_act {
    enum event event;   /* one of the nine detention events */
    int64_t at;         /* its instant, UTC; for an act known by date only, the
                           start of that local day */
    enum det_type type; /* detained, detention_type_changed */
    int days;           /* extensions: days granted; 0 = the maximum of the rule set */
};

enum det_verdict {
    DET_ALLOWED,
    DET_REFUSED_STATE, /* the suspect's state does not accept the act (409) */
    DET_REFUSED_GUARD, /* facts missing (422) */
    DET_INVALID,       /* not a detention event, or no rule set (400) */
};

struct det_result {
    enum det_verdict verdict;
    struct missing missing; /* DET_REFUSED_GUARD */
    int nallowed;           /* DET_REFUSED_STATE: acts the state accepts */
    enum event allowed[DETENTION_EVENTS];
    char reason[512]; /* Indonesian, "" when allowed */
};

/* A suspect who was never arrested nor detained. */
void detention_init(struct detention *d);

/* Whether two detentions are the same in every member. */
bool detention_equal(const struct detention *x, const struct detention *y);

/* Apply act to cur, giving next (next may alias cur; on refusal next is a
 * copy of cur).  rules: the rule set of the act's date; z: the office zone.
 * f: the facts for the guards (guard.h), with f->act_date the act's local
 * date, or NULL when replaying a log already accepted (the guards are then
 * skipped; the period checks are not).
 * Returns true when allowed; res (if not NULL) says why not. */
bool detention_apply(const struct detention *cur, const struct detention_act *act,
                     const struct ruleset *rules, const struct tzone *z, const struct case_facts *f,
                     struct detention *next, struct det_result *res);

/* The acts d's state accepts (guards and dates ignored), in catalogue order;
 * rules (may be NULL) bounds the court extensions.  Writes at most max;
 * returns how many there are. */
int detention_allowed(const struct detention *d, const struct ruleset *rules, enum event *out,
                      int max);

/* When the current period expires: the earlier of the inclusive-date end and
 * the strict instant (DET_DETAINED), the arrest's end (DET_ARRESTED), else 0. */
int64_t detention_expires_at(const struct detention *d);

const char *det_state_code(enum det_state s);   /* "detained" */
const char *det_state_label(enum det_state s);  /* "Ditahan" */
const char *det_period_code(enum det_period p); /* "pu" */
/* "Penahanan oleh penyidik (KUHAP 24(1))"; under UU 20/2025 "... (UU 20/2025)": the law of
 * the period's act, as its clock's basis */
const char *det_period_label(enum det_period p, enum regime r);
const char *det_type_code(enum det_type t);  /* "rutan", "rumah", "kota" */
const char *det_type_label(enum det_type t); /* "Rumah tahanan negara" */
/* The detention type whose code is `code`; false for an unknown code. */
bool det_type_lookup(const char *code, enum det_type *out);

#endif
