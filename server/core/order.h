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
    const char *basis; /* the law, or the guard's name */
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
};

/* Check ev[0..n) (a log that passed evlog_check).  true when every act is
 * dated no earlier than the acts it depends on; else false with the first
 * fault (lowest act index) in *fault (may be NULL). */
bool order_check(const struct case_event *ev, int n, const struct tzone *z,
                 struct order_fault *fault);

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
