/*
 * evlog.h - a case's event log as the core sees it, and what it derives
 * from it: the effective events after corrections, the stage, the facts.
 *
 * The log is an array in the order the events were recorded (the order the
 * stage machine accepted them); the caller maps its rows to indices.  It is
 * append-only: a `corrected` event points (ref) at an earlier event and
 * either replaces its details (date, instant, suspect, counts) or withdraws
 * it; the original stays in the array.  The last correction of an event
 * wins; a correction of a correction corrects the original.
 */
#ifndef BERKAS_CORE_EVLOG_H
#define BERKAS_CORE_EVLOG_H

#include <stdbool.h>
#include <stdint.h>

#include "caldate.h"
#include "detention.h"
#include "error.h"
#include "event.h"
#include "facts.h"
#include "stage.h"

#define EVLOG_MAX_SUSPECTS 128

enum bap_kind {
    BAP_NONE,
    BAP_SAKSI,
    BAP_TERSANGKA,
    BAP_AHLI,
    BAP_TAMBAHAN,
};

struct case_event {
    enum event event;
    struct caldate date;       /* the act's legal date, local to the office (used when !has_time) */
    int64_t at;                /* the act's legal instant, UTC (when has_time) */
    bool has_time;             /* at is known; the local date is then derived from it */
    int suspect;               /* 0..EVLOG_MAX_SUSPECTS-1 for per-suspect events and BAP
                                  tersangka; -1 otherwise */
    int ref;                   /* corrected: the corrected event; direction_done: its
                                  direction_given; court_permit_received (persetujuan): the
                                  urgent act it approves; letter_delivered to
                                  ketua_pn_persetujuan: the urgent act reported; -1 otherwise */
    bool withdraws;            /* corrected: the original is withdrawn, not replaced */
    int items;                 /* p19_received: number of instruction items */
    int days;                  /* detention extensions: days granted, 0 = the maximum */
    enum det_type det_type;    /* detained, detention_type_changed */
    enum bap_kind bap;         /* bap_recorded */
    struct caldate due;        /* direction_given: the due date */
    bool late_return;          /* p19_received, return_letter_received: recorded after the
                                  PU's period with a reason (issue 13.3) */
    bool unlawful;             /* detained: recorded as unlawful, with its reason (13.7) */
    bool urgent;               /* search_done, seizure_done: done in urgency, without the Ketua
                                  PN's prior permit (KUHAP 34, 38(2)): its approval is owed */
    enum notice_kind notice;   /* letter_delivered: the arrest's or detention's notice it
                                  delivers for `suspect` (13.7), or NOTICE_NONE; spdp_sent: its
                                  addressee's SPDP notice (spdp_recipient_lookup; an act stored
                                  with no recipient, before it was required: the Kejari's) */
    enum sp3_recipient sp3_to; /* sp3_notified: its addressee (sp3_recipient_lookup; one stored
                                  with no recipient, before it was required: the Kejari's, as
                                  its paper reads it); SP3_TO_NONE otherwise */
    /* kept by evlog_index(), never set by hand: the index of the last correction of this
     * act (-1: none), believed only in the log it was computed for (fix_n events at this
     * very address); evlog_effective() scans the log otherwise */
    int fix;
    int fix_n;
    uintptr_t fix_tag;
};

/* An event of type ev with no suspect, no reference and nothing else set (an spdp_sent: to the
 * prosecutor, notice NOTICE_SPDP_KEJARI; an sp3_notified: to him, SP3_TO_KEJARI). */
struct case_event evlog_event(enum event ev, struct caldate date);

/* Check the log's shape: known events, valid dates, a suspect index on every
 * per-suspect event and BAP tersangka, refs pointing backwards (a correction
 * at an earlier event, direction_done at a direction_given), counts >= 0.
 * false with BERR_BAD_INPUT naming the first bad index otherwise. */
bool evlog_check(const struct case_event *ev, int n, struct berr *err);

/* evlog_check of ev[0..n) when ev[0..n-1) passed it: the checks on the last event alone
 * (an appended event can only take checks off the events before it), the same answer. */
bool evlog_check_last(const struct case_event *ev, int n, struct berr *err);

/* Note in each act of ev[0..n) its last correction, so that evlog_effective()
 * on this log (these n events at this address) takes constant time instead of
 * a scan of the rest of the log: every fold of a log of n events is then O(n),
 * not O(n^2) (issue 12.2).  Appending an event, or copying the log, makes the
 * notes stale: they are then not believed until evlog_index() runs again.  A
 * log whose references do not point backwards is left unnoted. */
void evlog_index(struct case_event *ev, int n);

/* evlog_index of ev[0..n) after ev[n-1] was appended to ev[0..n-1): constant time when the
 * shorter log was noted and the new event is not a correction (it changes no note), else
 * evlog_index. */
void evlog_index_append(struct case_event *ev, int n);

/* Event i as it stands after corrections, into out.  false when event i is a
 * correction itself or has been withdrawn (it is then not an act). */
bool evlog_effective(const struct case_event *ev, int n, int i, struct case_event *out);

/* Whether every BAP tersangka of suspect s in the log (corrections applied)
 * has an interpreter sworn for him before it (KUHAP 53, 177): an effective
 * interpreter_sworn naming s, by the hour when both carry one, else on the
 * same local day or earlier.  True when s has no BAP tersangka. */
bool evlog_interpreted(const struct case_event *ev, int n, int s, const struct tzone *z);

/* The local date of e's act in zone z: from its instant if it has one. */
struct caldate evlog_date(const struct case_event *e, const struct tzone *z);

/* Whether e is the SPDP sent to the prosecutor (KUHAP 109(1) jo. MK 130/PUU-XIII/2015): the one
 * that counts as the SPDP sent (the fact spdp_sent, the spdp clock's stop, the P-17's start, the
 * file's disclosure to the Kejari).  A copy sent to another recipient is not. */
bool evlog_spdp_to_pu(const struct case_event *e);

/* The instant of e's act: its own, or the start of its local day. */
int64_t evlog_instant(const struct case_event *e, const struct tzone *z);

/* Replay the stage from pre_investigation through the effective events,
 * without guards.  false with BERR_CONFLICT naming the first event the stage
 * did not accept (a withdrawal can leave a log that no longer replays). */
bool evlog_stage(const struct case_event *ev, int n, enum stage *out, struct berr *err);

/* The fold behind evlog_facts(), one effective event at a time, so that a
 * caller can keep it (app/snapshot.h: the case's snapshot) and apply one new
 * act instead of replaying the log: evlog_fold_step() over the effective
 * events of a log, in order, from evlog_fold_init(), gives the same facts as
 * evlog_facts() of that log.  A correction changes the past: the fold is then
 * rebuilt from the log, never stepped. */
struct evlog_fold {
    struct case_facts f; /* only the log-derived fields are kept */
    bool designated[EVLOG_MAX_SUSPECTS];
    bool bap[EVLOG_MAX_SUSPECTS]; /* a BAP tersangka since the latest Sprindik */
};

void evlog_fold_init(struct evlog_fold *fo);

/* Apply one effective event (evlog_effective's output) to fo. */
void evlog_fold_step(struct evlog_fold *fo, const struct case_event *e, const struct tzone *z);

/* Copy fo's log-derived fields into f (as evlog_facts does); others stay. */
void evlog_fold_facts(const struct evlog_fold *fo, struct case_facts *f);

/* Fill the log-derived fields of f (see facts.h): report, SPDP, suspects,
 * BAPs, resume and SPDP per Sprindik round, open P-19 items, the PU's receipt
 * of the file now with it, P-21, the returns of this file (P-19 and later
 * letters) and the investigator's receipt of the latest.  Other fields are
 * left as they are. */
void evlog_facts(const struct case_event *ev, int n, const struct tzone *z, struct case_facts *f);

#endif
