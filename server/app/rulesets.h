/*
 * rulesets.h - the legal rule sets as rows, read and amended (rulesets.c).
 */
#ifndef BERKAS_APP_RULESETS_H
#define BERKAS_APP_RULESETS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

BERKAS_MUST_CHECK bool app_rulesets_seed(struct app *app, struct berr *err);
BERKAS_MUST_CHECK json_t *app_rulesets_get(struct app *app, const struct actor *who,
                                           struct berr *err);
BERKAS_MUST_CHECK bool app_ruleset_amend(struct app *app, const struct actor *who, const char *name,
                                         const char *key, int value, bool to_verify,
                                         const char *note, struct audit_rec *au, struct berr *err);

#endif
