/*
 * app.h - the use cases of berkas, independent of HTTP.
 *
 * struct app is what every use case needs: the database pool and facts
 * fixed at start-up.  The HTTP layer calls app_* functions and turns their
 * results and errors into replies; nothing here knows about HTTP.
 */
#ifndef BERKAS_APP_APP_H
#define BERKAS_APP_APP_H

#include <stdbool.h>

#include "core/error.h"

struct db_pool;

struct app {
    struct db_pool *db;
    int schema_version;  /* the latest migration applied */
    char pg_version[32]; /* "15.18" */
    bool embedded;       /* the database is berkasd's own cluster */
};

struct app_health {
    bool database_ok;
};

struct app_version {
    const char *name;
    const char *version;
    const char *api;
    int schema_version;
    const char *postgresql;
};

/* Whether the database answers within a second. */
void app_health(struct app *app, struct app_health *out);

/* What is running. */
void app_version(const struct app *app, struct app_version *out);

/* Read facts from the database at start-up (PostgreSQL's version). */
bool app_init(struct app *app, struct berr *err);

#endif
