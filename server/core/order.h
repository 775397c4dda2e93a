/*
 * order.h - the order of act dates: no act is dated before an act it
 * depends on (issue 13.1).
 *
 * One table says "act X depends on act Y": X is dated no earlier than every
 * Y recorded before it (in the same suspect's acts, or the event X points
 * at, where the row says so).  The table is the explicit rows below plus
 * rows derived from the rest of the law in core:
 *   - from the guards: a guard that needs a fact waits for the acts that
 *     establish it (facts.c's sources): Tahap I on the SPDP, the BAPs and
 *     the resume (guard_file_complete), P-21 on the PU's receipt...;
 *   - from the stage table: a stage is left no earlier than it was entered
 *     (P-19 after the file was sent, Tahap II after P-21...);
 *   - from the detention machine: one suspect's arrest, detention,
 *     extensions, suspension, release and detensi follow one another.
 *
 * Dates compare on the office's calendar; two acts that both carry an
 * instant compare by instant (a detention at 08:00 after an arrest at 09:00
 * the same day is out of order).  Corrections are applied first: the check
 * runs on the effective log.  It is part of loading a case (clock.c), so
 * the write path, which checks the log with the new act appended, and every
 * reader agree: no accepted write leaves a log whose dates disagree.
 */
#ifndef BERKAS_CORE_ORDER_H
#define BERKAS_CORE_ORDER_H

#include <stdbool.h>
#include <stddef.h>

#include "caldate.h"
#include "error.h"
#include "event.h"
#include "evlog.h"

#define ORDER_MAX_RULES 320

enum order_scope {
    ORD_CASE,    /* every Y recorded before X */
    ORD_SUSPECT, /* every Y on X's suspect recorded before X */
    ORD_REF,     /* the event X points at (direction_done -> its direction) */
};

enum order_origin {
    ORD_LAW,       /* an explicit row of order.c */
    ORD_GUARD,     /* derived from a guard and the facts it needs */
    ORD_STAGE,     /* derived from the stage table */
    ORD_DETENTION, /* derived from the detention machine */
};

struct order_rule {
    struct act_ref act;   /* X */
    struct act_ref after; /* Y */
    enum order_scope scope;
    enum order_origin origin;
    const char *basis; /* the law (a guard's row: its stage table row's law, never the C name
                          of the guard, which a refusal would show to the user) */
};

/* The whole table, explicit rows first, each (X, Y, scope) once.  Writes at
 * most max rules; returns how many there are. */
int order_rules(struct order_rule *out, int max);

/* True when the effective event e is an act of kind r. */
bool order_act_is(const struct case_event *e, struct act_ref r);

/* The first pair out of order: the act (later in the log) and the act it
 * depends on, as they stand after corrections. */
struct order_fault {
    int act, dep; /* log indices */
    struct case_event act_ev, dep_ev;
    const char *basis;
    bool withdrawn; /* order_check_entered: dep is withdrawn while act, which depends on it, stands
                     */
};

/* Check ev[0..n) (a log that passed evlog_check).  true when every act is
 * dated no earlier than the acts it depends on; else false with the first
 * fault (lowest act index) in *fault (may be NULL). */
bool order_check(const struct case_event *ev, int n, const struct tzone *z,
                 struct order_fault *fault);

/* ---- the check, one act at a time (issue 12.2) -----------------------------------------
 *
 * order_check is order_init, then order_step over the log's effective events in order: a
 * caller that keeps the state (the case's snapshot, casestate.h) checks one new act without
 * the rest of the log. */

/* When an act happened, as far as the order needs it. */
struct order_stamp {
    int index; /* -1: none */
    struct caldate date;
    bool has_time;
    int64_t at;
};

/* The latest acts of one kind seen so far: by date among those without an
 * instant, by instant among those with one (either may be the one a later
 * act must not precede). */
struct order_seen {
    struct order_stamp untimed, timed;
};

/* The acts followed per suspect: the detention machine's acts as one kind, the designation,
 * the latest arrest, the latest detention, the latest act that took him into custody, his
 * earliest BAP as a suspect. */
#define ORDER_SUSPECT_SLOTS 6

struct order_state {
    struct order_seen cases[EV__COUNT][2]; /* by event: [0] every act of it, [1] its variant a
                                              rule waits for (a BAP tersangka, the Kejari's tanda
                                              terima of the file: order.c case_slot) */
    struct order_seen suspects[EVLOG_MAX_SUSPECTS][ORDER_SUSPECT_SLOTS];
    bool held[EVLOG_MAX_SUSPECTS]; /* in custody since his latest custody act */
};

/* The state of an empty log. */
void order_init(struct order_state *st);

/* Check act i of ev[0..n) (not a correction nor withdrawn; the log is read only for the act an
 * ORD_REF row points at) against st, then note it: false with the fault in *fault (may be
 * NULL) when it is dated before an act it depends on (st is then left as it was). */
bool order_step(struct order_state *st, const struct case_event *ev, int n, int i,
                const struct tzone *z, struct order_fault *fault);

/* ---- the other half: an act against the acts entered before it (write only) -------------
 *
 * order_step checks an act against the acts entered before it that it depends on.  The other
 * half: an act entered later than an act that depends on it.  A P-16 recorded first, then the
 * PU's receipt of the SPDP recorded later but dated after the P-16, says the P-16 came before
 * the receipt it must follow (the same dates refused the other way round).
 *
 * When act k (effective) is Y, an act X entered before it must follow it under row (X after
 * Y) of the table when X was entered
 *   - in Y's round: after the latest act entered before k that Y itself depends on (a P-16 of
 *     an earlier SPDP does not wait for the receipt of the SPDP sent after it; a release
 *     entered after an arrest is the detention machine's next act, not one that precedes it);
 *   - following no act of Y's kind in its own round (in scope: one suspect's for ORD_SUSPECT
 *     rows; below): a SPDP sent under a Sprindik does not wait for a reopening entered later,
 *     but a P-16 entered after a new SPDP was sent waits for that SPDP's receipt.
 * Such an X dated before Y is a fault: act = X (the act dated before), dep = k.  ORD_REF rows
 * have no other half (a direction_done points at a direction entered before it).
 *
 * Only the write path runs it (app/events.c): the fold at load (order_step, clock_log_loads)
 * keeps the first half alone, so a log whose acts were accepted before this check still loads
 * and reads as it did; a write is refused, never a case unreadable.  The cost: one pass over
 * the log for each row naming the act's kind as the one to follow. */

/* Act k of ev[0..n) against the acts entered before it.  For a new act, k = n - 1; for a
 * correction, k is the act corrected (as it stands now), and then each act entered after k is
 * checked against k alone (its new date may put it after an act that must follow it).  false
 * with the fault in *fault (may be NULL).
 *
 * An act waits for y only when it follows no act of y's kind in its own round: the latest such
 * act entered before it, with no act that opens a new round for y's kind (one y depends on: the
 * SPDP sent for its receipt, the file sent or re-sent for the file's receipt) entered after
 * that act and dated no later than it.  A P-18 entered after the re-sending waits for the new
 * receipt; a late letter of the first SPDP, dated before the new Sprindik, does not wait for
 * the new SPDP; a suspect's notice follows any of his arrests (the detention machine opens no
 * round).
 *
 * A correction is weighed for what it changes: a pair already out of order before it (a log
 * entered before this check) is let be unless the correction moves the corrected act further
 * the wrong way; a correction that changes no date is refused for no pair.
 *
 * A withdrawal of k (the last act withdraws it): refused while an act entered after k stands
 * that presupposes k - depends on it under a row of the law or of a guard, or points at it -
 * and follows no other act of k's kind in its round - of k's suspect's where the guard asks
 * the fact of each suspect (facts.h, fact_each_suspect: Tahap I and every suspect's BAP
 * tersangka) - (fault->withdrawn: act = that act, dep = k).  The detention machine's rows are not
 * asked (a detention needs no arrest before it, KUHAP 20-21), nor the stage table's (the stage
 * replay refuses those). */
bool order_check_entered(const struct case_event *ev, int n, int k, const struct tzone *z,
                         struct order_fault *fault);

/* ---- once in a round ---------------------------------------------------------------------
 *
 * Some acts happen once: the Kejaksaan registers an SPDP once (DOMAIN 4.4), so the PU's
 * receipt is recorded once for each SPDP - a new Sprindik (JAM Pidum B-1310/E/EJP/05/2022)
 * owes a new SPDP, received anew; a direction is carried out once (DOMAIN 10: its clock stops
 * at the first report).  One table says so: act X at most once since the latest act of a kind
 * that begins a new round (ONCE_SINCE), or once for each act it points at (ONCE_PER_REF).  A
 * repeat is refused at write (409 naming the first); the fold at load tolerates it (a clock
 * runs from the first), so a log written before still loads. */

enum once_scope {
    ONCE_SINCE,   /* once since the latest act of since[] (or since the log began) */
    ONCE_PER_REF, /* once for each act it points at (ref, through corrections) */
};

struct once_rule {
    enum event act;
    enum once_scope scope;
    enum event since[2]; /* ONCE_SINCE: either begins a new round; EV__COUNT: unused */
    const char *basis;
};

/* The table: *n rows. */
const struct once_rule *order_once_rules(int *n);

/* Whether x, an act about to be recorded after ev[0..n) (for ONCE_PER_REF, x->ref the index
 * it points at), repeats an effective act of its round: the index of the first it repeats, or
 * -1; *rule (may be NULL) the row. */
int order_once_first(const struct case_event *ev, int n, const struct case_event *x,
                     const struct once_rule **rule);

/* Whether two states are the same (the snapshot's check). */
bool order_equal(const struct order_state *a, const struct order_state *b);

/* One Indonesian line naming both acts and both dates (instants in zone z
 * when both have one), e.g. "SPDP dikirim (2026-03-01) bertanggal sebelum
 * Surat Perintah Penyidikan diterbitkan (2026-03-05) yang mendahuluinya
 * (KUHAP 109(1))". */
void order_fault_message(const struct order_fault *f, const struct tzone *z, char *buf,
                         size_t size);

/* order_check as an error: BERR_UNPROCESSABLE, field "date", the message
 * above prefixed with the act's log index. */
bool order_check_err(const struct case_event *ev, int n, const struct tzone *z, struct berr *err);

#endif
