/*
 * p19answer.h - how the answer to a P-19 item stands (DOMAIN 4.12, 10.1): met, naming the act
 * whose paper fulfils the item (answer_act; KUHAP 110(3), 138(2)), or not met, with the
 * investigator's reason (unmet_reason: the PU then decides - P-21 anyway, or a return by
 * ordinary letter naming the unmet items, SE JAM Pidum B-3326/E/EJP/11/2011) - and what the
 * answer says was done (its text, kept with the item in app.instructions).
 *
 * The two are alternatives: the answer names at most one.  A correction of the answer may name
 * either, and the one it names replaces the other; one that names neither (a date set right)
 * leaves the answer as it stood (as app/actfix.h folds a payload).  The text belongs to the
 * side it was written for: a correction that turns the answer met or unmet drops it, unless it
 * gives a new one (answer) - an item no longer met is answered by its reason alone, one met now
 * must say what was done (app/events.c asks it); a correction's answer replaces the text.  An
 * answer whose text is none (its reason alone) has its reason as text.
 *
 * The last correction of the answer decides (core/evlog.h, evlog_effective): a withdrawing one
 * leaves it standing for nothing, a later one that does not withdraw makes it stand again.
 *
 * One fold for every reader of the log: the dossier's gaps (forms.c), the case page
 * (casepage.c), the case's XML (casexml.c, over stored payload texts), a correction of the
 * answer or of the act it names (events.c).
 */
#ifndef BERKAS_APP_P19ANSWER_H
#define BERKAS_APP_P19ANSWER_H

#include <jansson.h>
#include <stdbool.h>

#include "core/error.h"

struct casefile;

/* An answer as its payloads so far leave it; strings borrowed from the payloads folded. */
struct p19answer {
    long long act;     /* the event id named as fulfilling the item; 0: none */
    const char *unmet; /* why it cannot be met; NULL: met */
    const char *text;  /* what the log says the answer is (NULL: see known) */
    bool known;        /* the log holds its text (text, else the reason); false for an answer
                        * recorded before its text went into its payload: app.instructions has
                        * it */
    bool withdrawn;    /* the last correction withdraws it */
};

/* The answer's own payload (an instruction_answered's). */
void p19answer_start(struct p19answer *a, json_t *payload);

/* A correction's payload, in the order recorded. */
void p19answer_apply(struct p19answer *a, json_t *payload);

/* The text to keep with the item: the answer's, else its reason; NULL when the log does not
 * say (keep what the item holds). */
const char *p19answer_text(const struct p19answer *a);

/* The answer at log index i of cf as its corrections among the first n events leave it; false
 * when i is no instruction_answered among them. */
bool p19answer_of(const struct casefile *cf, int i, int n, struct p19answer *a);

/* The answer at log index i of cf as its corrections leave it: *act the event id it names as
 * fulfilling its item (0: none), *unmet its reason for not meeting it (NULL: none; borrowed
 * from cf's payloads).  False (both cleared) when i is no answer or the answer is withdrawn. */
bool p19answer_standing(const struct casefile *cf, int i, long long *act, const char **unmet);

/* An act dated before the return that gave its item (core/answer.h: ANSWER_BEFORE) still
 * answers the item when the item asks for its paper, not for a new act: "Lampirkan Penetapan
 * ..." - the paper missing from the file the Penuntut Umum returned is attached now (KUHAP
 * 110(3), 138(2): the file is completed as instructed; found in acceptance: the Penetapan
 * recorded before the return could not be cited).  What the date rule protects (d33c96c: "a BAP
 * the PU already had") stays: the act must have its paper now, and that paper must not have
 * been in the file he returned (the sending before the return: tahap1_sent or resubmitted),
 * else citing it completes nothing. */
struct p19attach {
    bool paper;        /* it has a paper now: issued and standing, or uploaded */
    bool sent;         /* the file the PU returned held one */
    long long sent_id; /* that sending (event id; 0: none in the log) */
};

struct tx;

/* Whether the act at log index act of cf, dated before the return at index given, answers the
 * item as its paper attached (out: why or why not); false on a database error. */
bool p19answer_attached(struct tx *tx, const struct casefile *cf, int act, int given,
                        struct p19attach *out, bool *attached, struct berr *err);

#endif
