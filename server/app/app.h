/*
 * app.h - the use cases of berkas, independent of HTTP.
 *
 * struct app is what every use case needs: the database pool and facts
 * fixed at start-up.  The HTTP layer calls app_* functions and turns their
 * results and errors into replies; nothing here knows about HTTP.  Results
 * that go out as documents are built as jansson values (the interchange
 * format, not an HTTP detail); the caller owns them.
 *
 * Every use case that touches case data runs in one transaction as its
 * acting user (store/tx.h), checks the rules itself, and leaves row-level
 * security in PostgreSQL as the second fence.
 *
 * Each use case file declares its functions in its own header (events.h,
 * identity.h, admin.h, forms.h, casework.h, ...); this one holds only what
 * they share: struct app, health and version.
 */
#ifndef BERKAS_APP_APP_H
#define BERKAS_APP_APP_H

#include <jansson.h>
#include <sodium.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct db_pool;
struct render_engine;
struct throttle;
struct pwlist;
struct summary_refresher;
struct render_slot;
struct replica;

struct app {
    struct db_pool *db;
    int schema_version;              /* the latest migration applied */
    char pg_version[32];             /* "15.18" */
    bool embedded;                   /* the database is berkasd's own cluster */
    struct render_engine *render;    /* the forms, loaded and checked at start-up; once serving,
                                        read through app_render() (swapped on SIGHUP) */
    struct render_slot *render_slot; /* app_render_start: the engine in force and those pinned */
    char public_url[256];            /* where /verify/{code} is reached: printed in QR codes */
    /* verified against when the NIP is unknown, so that a wrong NIP and a
     * wrong password take the same time */
    char dummy_hash[crypto_pwhash_STRBYTES];
    struct throttle *throttle; /* log-on and /verify rate limits, in memory */
    struct pwlist *pwlist;     /* common passwords refused for new ones (pwlist.h) */
    /* connections as berkas_maint, which reads every log to rebuild and check
     * the case summaries (app/summary.h); NULL when not opened */
    struct db_pool *maint;
    struct summary_refresher *refresher; /* app/workspace.h */
    /* --db-replica: where the heavy reads go while it is fit (store/replica.h,
     * app/heavyread.h); NULL when not given */
    struct replica *replica;
};

struct app_health {
    bool database_ok;
    /* with --db-replica: whether the heavy reads go to it now, why not, and
     * its replay lag in ms (-1 unknown) */
    bool replica_configured, replica_in_use;
    char replica_state[300];
    long long replica_lag_ms;
};

struct app_version {
    const char *name;
    const char *version;
    const char *api;
    int schema_version;
    const char *postgresql;
};

/* Read facts from the database at start-up (PostgreSQL's version). */
BERKAS_MUST_CHECK bool app_init(struct app *app, struct berr *err);

/* Whether the database answers within a second. */
void app_health(struct app *app, struct app_health *out);

/* What is running. */
void app_version(const struct app *app, struct app_version *out);

#endif
