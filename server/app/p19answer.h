/*
 * p19answer.h - how the answer to a P-19 item stands (DOMAIN 4.12, 10.1): met, naming the act
 * whose paper fulfils the item (answer_act; KUHAP 110(3), 138(2)), or not met, with the
 * investigator's reason (unmet_reason: the PU then decides - P-21 anyway, or a return by
 * ordinary letter naming the unmet items, SE JAM Pidum B-3326/E/EJP/11/2011).
 *
 * The two are alternatives: the answer names at most one.  A correction of the answer may name
 * either, and the one it names replaces the other; one that names neither (a date set right)
 * leaves the answer as it stood (as app/actfix.h folds a payload).  A withdrawn answer stands
 * for nothing.  One reading for the readers of the log: the dossier's gaps (forms.c), the case
 * page (casepage.c), a correction of the act an answer names (events.c).
 */
#ifndef BERKAS_APP_P19ANSWER_H
#define BERKAS_APP_P19ANSWER_H

#include <jansson.h>
#include <stdbool.h>

struct casefile;

/* The answer at log index i of cf (an instruction_answered) as its corrections leave it: *act
 * the event id it names as fulfilling its item (0: none), *unmet its reason for not meeting it
 * (NULL: none; borrowed from cf's payloads).  False (both cleared) when i is no answer or the
 * answer is withdrawn. */
bool p19answer_standing(const struct casefile *cf, int i, long long *act, const char **unmet);

/* Fold one payload (the answer's, or a correction's in the order recorded) into *act, *unmet:
 * what app/actfix.c's fold does with these two members. */
void p19answer_fold(json_t *payload, long long *act, const char **unmet);

#endif
