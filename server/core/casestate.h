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
#include "detention.h"
#include "evlog.h"
#include "ruleset.h"
#include "stage.h"

/* The layout of the state; bumped whenever what is folded changes, so that a
 * stored state of another format is rebuilt, never believed. */
#define CASESTATE_FORMAT 1

struct case_state {
    int nevents;      /* events of the log folded (corrections included) */
    bool replays;     /* every effective event was accepted by the stage machine */
    enum stage stage; /* the stage replayed to (the last accepted when !replays) */
    struct evlog_fold facts;
    struct detention det[EVLOG_MAX_SUSPECTS]; /* by core suspect index */
};

/* The state of an empty log. */
void casestate_init(struct case_state *st);

/* Apply one act appended to the log: e is the act as recorded (not a
 * correction, which needs casestate_fold), z the office's zone, sets the rule
 * sets (the detention periods come from the set in force on the act's date). */
void casestate_step(struct case_state *st, const struct case_event *e, const struct tzone *z,
                    const struct ruleset *sets, int nsets);

/* The state of the log ev[0..n) (indexed or not: evlog_index). */
void casestate_fold(const struct case_event *ev, int n, const struct tzone *z,
                    const struct ruleset *sets, int nsets, struct case_state *st);

#endif
