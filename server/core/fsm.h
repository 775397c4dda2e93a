/*
 * fsm.h - the stage machine of a case (DESIGN.md "The state machine").
 *
 * fsm.c holds the whole law of stages as two tables: the moves (from, event,
 * guard, to, basis) and the acts each stage accepts without moving (event,
 * stages, guard, basis).  A (stage, event) pair is in at most one of them.
 * Every pair in neither is refused, and every refusal says why: either the
 * stage does not accept the event (a 409, with the events it does accept), or
 * a guard found facts missing (a 422, with each missing fact).
 *
 * Terminal stages (handed_over, administrative, dismissed) accept only acts
 * that annotate or close: review_note, corrected, direction_done,
 * detensi_ended (and detensi_started under TAK, for the Rudenim).
 */
#ifndef BERKAS_CORE_FSM_H
#define BERKAS_CORE_FSM_H

#include <stdbool.h>

#include "event.h"
#include "facts.h"
#include "guard.h"
#include "stage.h"

enum fsm_verdict {
    FSM_ALLOWED,
    FSM_REFUSED_STAGE, /* the stage does not accept the event (409) */
    FSM_REFUSED_GUARD, /* a guard found facts missing (422) */
    FSM_INVALID,       /* not a stage or not an event, or no facts (400) */
};

/* One (stage, event) pair the machine accepts, for listing and documentation. */
struct fsm_row {
    enum stage from;
    enum event event;
    guard_fn guard;         /* NULL: no condition */
    const char *guard_name; /* "guard_file_complete", or "" */
    enum stage to;          /* == from when the event keeps the stage */
    const char *basis;
};

struct fsm_result {
    enum fsm_verdict verdict;
    enum stage from;
    enum event event;
    enum stage to;          /* FSM_ALLOWED: the new stage (== from if it keeps the stage) */
    const char *basis;      /* FSM_ALLOWED: the legal basis of the row */
    struct missing missing; /* FSM_REFUSED_GUARD: each missing fact */
    int nallowed;           /* FSM_REFUSED_STAGE: the events the stage accepts */
    enum event allowed[EV__COUNT];
    char reason[512]; /* one Indonesian line for any refusal; "" when allowed */
};

/* Decide whether event ev may be recorded in stage `from` given facts f.
 * Fills r completely; returns true when allowed.  f must not be NULL. */
bool fsm_apply(enum stage from, enum event ev, const struct case_facts *f, struct fsm_result *r);

/* True (and *to set, if to is not NULL) when the tables accept ev in `from`,
 * whatever the facts; used to replay a log already accepted. */
bool fsm_accepts(enum stage from, enum event ev, enum stage *to);

/* The events allowed now in `from` given f (row present and guard passing),
 * in catalogue order.  Writes at most max into out; returns how many there are. */
int fsm_allowed(enum stage from, const struct case_facts *f, enum event *out, int max);

/* The events the stage accepts at all (guards ignored), in catalogue order.
 * Writes at most max; returns how many there are. */
int fsm_stage_events(enum stage from, enum event *out, int max);

/* Every accepted pair, stage by stage in enum order, events in catalogue
 * order.  Writes at most max; returns how many there are. */
int fsm_rows(struct fsm_row *out, int max);

#endif
