/* system.c - health and version: the use cases that concern berkas itself. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "identity.h"
#include "store/db.h"
#include "store/replica.h"

#define HEALTH_TIMEOUT_MS 1000

void app_health(struct app *app, struct app_health *out)
{
    out->database_ok = db_ping(app->db, HEALTH_TIMEOUT_MS);
    out->replica_configured = app->replica != NULL;
    if (app->replica)
        replica_status(app->replica, &out->replica_in_use, out->replica_state,
                       sizeof out->replica_state, &out->replica_lag_ms);
}

void app_version(const struct app *app, struct app_version *out)
{
    out->name = "berkas";
    out->version = BERKAS_VERSION;
    out->api = "v1";
    out->schema_version = app->schema_version;
    out->postgresql = app->pg_version;
}

bool app_init(struct app *app, struct berr *err)
{
    PGconn *c = db_acquire(app->db, 2000, err);
    if (!c)
        return false;
    int v = PQserverVersion(c); /* 150018 */
    snprintf(app->pg_version, sizeof app->pg_version, "%d.%d", v / 10000, v % 10000);
    db_release(app->db, c);
    if (sodium_init() < 0)
        return berr_set(err, BERR_INTERNAL, "libsodium failed to initialise");
    if (!app_password_hash("berkas: no such user, only the time it takes", app->dummy_hash))
        return berr_set(err, BERR_INTERNAL, "out of memory hashing a password");
    return true;
}
