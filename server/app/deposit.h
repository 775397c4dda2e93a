/*
 * deposit.h - a deposit of things seized (evidence_deposited, KUHAP 44(1)): where and which.
 *
 * The BA Penitipan records that THESE things were handed to THAT Rumah Penyimpanan Benda
 * Sitaan Negara (KUHAP 44(1), 75).  The act said neither, so its paper printed "kepada <the
 * first item's storage>" and listed every item of the case.  A new deposit names its place
 * (the Rupbasan) and its items (the evidence ids of this case it hands over), and its paper
 * prints those (templates/ba_penitipan.xml).  A deposit recorded before loads and its paper
 * lists every item as it did; a correction may name both.
 */
#ifndef BERKAS_APP_DEPOSIT_H
#define BERKAS_APP_DEPOSIT_H

#include <stdbool.h>

#include "core/error.h"
#include "core/event.h"
#include "core/mustcheck.h"

struct tx;
struct casefile;
struct event_input;

/* Act ev (as: the act it stands for; a correction's root) of case cf with input in: a new
 * evidence_deposited names its place (422 place when none, 400 blank) and its items (422 items
 * when none); items sent are evidence of this case, each once (422 items naming the id that is
 * not, 400 one named twice).  Any other act: true. */
BERKAS_MUST_CHECK bool deposit_check(struct tx *tx, const struct casefile *cf, enum event ev,
                                     enum event as, const struct event_input *in, struct berr *err);

#endif
