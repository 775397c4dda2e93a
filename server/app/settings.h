/*
 * settings.h - the server-wide settings (app.settings) an administrator
 * reads and changes over HTTP: GET /api/v1/settings, PUT
 * /api/v1/settings/{key}.  Which keys exist, and the type and bounds of
 * each, is one table (settings.c); a value outside it is refused (400,
 * nothing changed) and a key not in it is unknown (404).
 */
#ifndef BERKAS_APP_SETTINGS_H
#define BERKAS_APP_SETTINGS_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

/* {items: [{key, value, note, updated_at, type, min, max, takes_effect}]}: every setting, for
 * an administrator; BERR_FORBIDDEN for anyone else. */
BERKAS_MUST_CHECK json_t *app_settings_list(struct app *app, const struct actor *who,
                                            struct berr *err);

/* Set key to value (its type and bounds checked first), by an administrator of a root office
 * (the settings are national, as the banner); the audit line names the key and the old and new
 * values.  BERR_NOT_FOUND for an unknown key, BERR_BAD_INPUT naming "value" for a bad value. */
BERKAS_MUST_CHECK bool app_setting_set(struct app *app, const struct actor *who, const char *key,
                                       const char *value, struct audit_rec *au, struct berr *err);

#endif
