/*
 * casestate.h - the folded state of one case: what the write path decides
 * with, kept so that recording an act applies that one act instead of
 * replaying the whole log (issue 12.2).
 *
 * The state is the fold of the log's effective events (evlog_effective) in
 * order: the stage the stage machine replays to (evlog_stage), the facts the
 * guards read (evlog_facts, through struct evlog_fold) and each suspect's
 * arrest and detention (the detention machine, replayed without guards under
 * the rule set of each act's date).  Invariant: casestate_step() of one new
 * act that is not a correction, on the fold of a log, equals the fold of the
 * log with that act appended.  A correction changes what the log says
 * happened earlier: the state is then folded again from the log, never
 * stepped.  Pure: no I/O, no allocation; the caller keeps it (app/snapshot.h
 * stores it with the case, versioned, and the summaries' check compares it
 * with a fresh fold).
 */
#ifndef BERKAS_CORE_CASESTATE_H
#define BERKAS_CORE_CASESTATE_H

#include <stdbool.h>

#include "caldate.h"
#include "clock.h"
#include "detention.h"
#include "evlog.h"
#include "order.h"
#include "ruleset.h"
#include "stage.h"

/* The layout of the state; bumped whenever what is folded or how it is stored changes, so
 * that a stored state of another format is rebuilt, never believed.  2: the date order's
 * latest acts and the clocks' fold.  3: idle clock slots, absent dates and a suspect's clock
 * detention equal to his own stored short (app/snapshot.c).  4: a clock slot's start moved
 * by a restarting act (the P-17 clock from the PU's receipt of the SPDP, clock.c).  5: a
 * notice more per suspect (his designation's, UU 20/2025 Pasal 90).  6: a new Sprindik's
 * file counts its own late returns; P-16 and P-17 wait for the PU's receipt of the SPDP.
 * 7: a suspect's days served before a release (re-detention, KUHAP 24(4)).  8: a notice more
 * per suspect (the copy of his BAP, DOMAIN D16).  9: the Ketua PN's approvals owed for urgent
 * searches and seizures (clock.h: pn_approval, DOMAIN D8), and the event catalogue's
 * court_permit_received (the stored events' numbers after it moved by one).  10: a
 * supplementary examination of a suspect (bap tambahan) owes him its copy too (D16).  11: the
 * approval's clock met by the report to the Ketua PN (letter_delivered ketua_pn_persetujuan).
 * 12: the P-17 clock moved by the Kejari's tanda terima of the SPDP too (DOMAIN 5.1).
 * 13: the summary's walk (its last act) passes over a prosecutor's letter while the file is
 * not with him (app/summary.c).  14: the P-17 from the earliest receipt of the SPDP, whatever
 * the order it was entered in (clock.c slot_restart).  15: the Kejari's tanda terima of the
 * file (letter_delivered berkas_kejari, a new notice kind: the slots by notice kind grew by one)
 * is its receipt, for the facts and the PU's clocks (DOMAIN 5.1).  16: the order state follows
 * that tanda terima in its event's second slot (order.c case_slot).  17: the act that ends the
 * file closes the notices still owed (clock.c close_owed), a delivery after it stops them.
 * 18: only the SPDP to the prosecutor (spdp_sent recipient kejari; evlog_spdp_to_pu) is the SPDP
 * sent - the fact, the spdp clock's stop, the P-17's start, the order state's second slot of
 * spdp_sent; a copy to another recipient is none of them.
 * 19: an SP3 while a suspect is detained owes his release by the end of its day (the period's
 * release_at, clock.c fold_case_event).
 * 20: so does an SP3 while he is under arrest (the track's arrest_release_at), and while an SP3
 * stands a later detention act keeps the release owed (the fold's sp3_release_at).
 * 21: the SP3's notice has a clock per recipient (the fold's sp3_to slots; the PU's sp3_notify
 * stopped only by the notice to the kejari).
 * 22: the file's end no longer closes the notices of a suspect's custody (family, consular).
 * 23: the act notice_undelivered (its enum shifts every later event's number; it closes a
 * custody notice as not delivered).
 * 24: a TAK after an SP3 no longer closes the SP3's notices (clock.c close_owed). */
#define CASESTATE_FORMAT 24

struct case_state {
    int nevents;      /* events of the log folded (corrections included) */
    bool replays;     /* every effective event was accepted by the stage machine */
    enum stage stage; /* the stage replayed to (the last accepted when !replays) */
    struct evlog_fold facts;
    struct detention det[EVLOG_MAX_SUSPECTS]; /* by core suspect index */
    /* the log loads as every reader loads it (clock_log_loads: its shape, the order of its
     * dates, the clocks' fold); only then are the two folds below kept (else they stay
     * empty) and can a new act be stepped */
    bool loads;
    struct order_state order; /* the date order's latest acts (order.h) */
    struct clock_fold clocks; /* the clocks' fold (clock.h; its directions malloc'd) */
};

/* The state of an empty log. */
void casestate_init(struct case_state *st);

/* Free what st holds (the clocks' directions); st is then the state of an empty log. */
void casestate_free(struct case_state *st);

/* Apply the act appended to the log: event in->nevents - 1 of in->events, not a correction
 * (a correction changes the past: casestate_fold), to the state of the log before it, which
 * loads (st->loads).  The act is checked as clock_log_loads checks the longer log - its
 * shape, its date against the acts it depends on, the clocks' fold - at the cost of the one
 * act: false with err (and, when its date is out of order, the fault in *fault, else
 * fault->act = -1) when the longer log would not load; st is then to be thrown away.  The
 * detention periods come from the rule set in force on the act's date. */
bool casestate_step(struct case_state *st, const struct clock_input *in, struct order_fault *fault,
                    struct berr *err);

/* The state of the log in->events[0..in->nevents) (indexed or not: evlog_index); st is
 * initialised here (casestate_free it). */
bool casestate_fold(const struct clock_input *in, struct case_state *st);

/* Whether two states are the same in every member the snapshot keeps. */
bool casestate_equal(const struct case_state *a, const struct case_state *b);

#endif
