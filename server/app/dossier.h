/*
 * dossier.h - the berkas perkara in one PDF (dossier.c).
 */
#ifndef BERKAS_APP_DOSSIER_H
#define BERKAS_APP_DOSSIER_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

/* The berkas perkara in one PDF; *missing lists the required forms not yet
 * issued when it refuses (BERR_UNPROCESSABLE). */
BERKAS_MUST_CHECK bool app_dossier(struct app *app, const struct actor *who, long long case_id,
                                   unsigned char **pdf, size_t *len, json_t **missing,
                                   struct audit_rec *au, struct berr *err);

#endif
