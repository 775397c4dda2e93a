/*
 * forms.h - what the dossier (dossier.c) needs of the forms' rules
 * (forms.c): each form's place in the berkas perkara, each act's place, and
 * which required documents are missing.  Internal to server/app.
 */
#ifndef BERKAS_APP_FORMS_H
#define BERKAS_APP_FORMS_H

#include <jansson.h>
#include <stdbool.h>

#include "core/caldate.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct tx;

/* The place of form in the investigator's berkas (smaller first), or -1
 * when it is not bound there (the prosecutor's P-forms, BA Tahap II). */
BERKAS_MUST_CHECK int forms_dossier_order(const char *form);

/* The place of an act's paper (its primary form's), for an upload of it. */
BERKAS_MUST_CHECK int forms_act_order(const char *event_type);

/* Whether every document the berkas needs is issued (or uploaded for its
 * act); false with *missing (the form names) and 422 saying how to issue
 * them otherwise. */
BERKAS_MUST_CHECK bool forms_dossier_complete(struct app *app, struct tx *tx, long long case_id,
                                              json_t **missing, struct berr *err);

/* The hour of an act's instant (Unix seconds; < 0: none) on the office's
 * clock, "HH:MM", else "": a Berita Acara states it (KUHAP 75). */
void forms_act_time(long long at, const struct tzone *zone, char out[8]);

#endif
