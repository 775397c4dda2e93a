/*
 * answer.h - what can answer a P-19 item (petunjuk).
 *
 * The Penuntut Umum returns an incomplete file with instructions (KUHAP
 * 110(2), 138(2)); the investigator completes it "sesuai dengan petunjuk"
 * (110(3)) and sends it back.  An answer names the act that completes the
 * file (instruction_answered's answer_act), and that act must be able to:
 * an act of the investigation done after the instruction reached him -
 * an examination, an oath, a search, a seizure, evidence kept, the Resume
 * rewritten - not the case's opening, its notices, custody, the P-forms,
 * supervision or a correction.  The kinds are one table (answer.c).  An
 * act dated before the return may still answer an item that asks for its
 * paper, attached now (app/p19answer.h: the paper the returned file lacked);
 * answer_check says ANSWER_BEFORE of it, the app decides over its papers.
 */
#ifndef BERKAS_CORE_ANSWER_H
#define BERKAS_CORE_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#include "caldate.h"
#include "evlog.h"

/* Why an act cannot answer an item, or ANSWER_OK. */
enum answer_fault {
    ANSWER_OK,
    ANSWER_NOT_AN_ACT, /* no such act in the log, or it is a correction */
    ANSWER_WITHDRAWN,  /* withdrawn by its correction: nothing was done */
    ANSWER_KIND,       /* an act that does not complete a file */
    ANSWER_BEFORE,     /* dated before the return that carries the item */
};

/* Whether an act of type ev can complete a berkas perkara after a P-19. */
bool answer_kind(enum event ev);

/* The kinds of answer_kind, in the table's order: n of them into *out. */
const enum event *answer_kinds(size_t *n);

/* Whether ev[act] (as it stands after its corrections) can answer an item
 * given by ev[given], the p19_received or return letter that carries the
 * item in its round (-1: not in the log; then only the act is checked).
 * The act may be dated on the return's day or later, by the hour when
 * both carry one (an act that day can follow the letter's arrival). */
enum answer_fault answer_check(const struct case_event *ev, int n, int act, int given,
                               const struct tzone *z);

#endif
