/*
 * routes.c - the route table: every route berkasd serves, in one array.
 *
 * The OpenAPI description and the access-matrix test are checked against this
 * array, so a route exists here or nowhere.  Handlers are thin: parse, call
 * app, serialise.
 */
#include <jansson.h>

#include "app/app.h"
#include "http.h"

static void h_healthz(struct app *app, const struct http_request *req, struct http_reply *rep)
{
    (void)req;
    struct app_health h;
    app_health(app, &h);
    if (!h.database_ok) {
        reply_problem(rep, 503, "unavailable", "Service Unavailable", "Basis data tidak menjawab.",
                      NULL);
        rep->retry_after = 5;
        return;
    }
    reply_json(rep, 200, json_pack("{s:s, s:s}", "status", "ok", "database", "ok"));
}

static void h_version(struct app *app, const struct http_request *req, struct http_reply *rep)
{
    (void)req;
    struct app_version v;
    app_version(app, &v);
    reply_json(rep, 200,
               json_pack("{s:s, s:s, s:s, s:i, s:s}", "name", v.name, "version", v.version, "api",
                         v.api, "schema_version", v.schema_version, "postgresql", v.postgresql));
}

/* method  pattern  handler  access  summary */
const struct route http_routes[] = {
    {"GET", "/healthz", h_healthz, ROUTE_PUBLIC, "200 when the database answers, else 503"},
    {"GET", "/api/v1/version", h_version, ROUTE_PUBLIC, "the running version and schema"},
};

const size_t http_routes_count = sizeof http_routes / sizeof http_routes[0];
