/*
 * http.h - the types the HTTP edge shares between the MHD glue (server.c),
 * the route table (routes.c) and the handlers.
 *
 * A handler gets a parsed request (method, path, path parameters, body) and
 * fills a reply; it never touches libmicrohttpd.  The glue sends the reply,
 * adds the headers every reply carries, and writes the log line.
 */
#ifndef BERKAS_HTTP_HTTP_H
#define BERKAS_HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

struct app;
struct MHD_Connection;

#define ROUTE_MAX_PARAMS 4
#define ROUTE_PARAM_MAX  128

struct http_request {
    const char *method;
    const char *path;
    const char *body; /* NUL-terminated; body_len excludes the NUL */
    size_t body_len;
    char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX]; /* {name} segments, in order */
    int nparams;
    struct MHD_Connection *conn; /* for http_header() only */
};

struct http_reply {
    unsigned status;
    const char *content_type;
    char *body; /* malloc'd, owned by the reply */
    size_t len;
    char allow[64];  /* for 405 */
    int retry_after; /* seconds, for 503; 0 = none */
};

typedef void (*http_handler)(struct app *app, const struct http_request *req,
                             struct http_reply *rep);

enum route_access {
    ROUTE_PUBLIC, /* anyone, no session */
};

struct route {
    const char *method;
    const char *pattern; /* "/api/v1/cases/{id}": {name} matches one non-empty segment */
    http_handler handler;
    enum route_access access;
    const char *summary; /* one line, for the OpenAPI description */
};

/* The route table (routes.c): one array, the only place a route exists. */
extern const struct route http_routes[];
extern const size_t http_routes_count;

/* Find the route for method and path in table.  On a match, fills params.
 * On no match returns NULL; allow then lists the methods the path does
 * accept ("GET, POST"), empty when no route has this path at all. */
const struct route *router_match(const struct route *table, size_t n, const char *method,
                                 const char *path, struct http_request *req, char *allow,
                                 size_t allowsz);

/* A request header's value, or NULL. */
const char *http_header(const struct http_request *req, const char *name);

/* Reply helpers.  Each replaces what rep held. */
void reply_text(struct http_reply *rep, unsigned status, const char *content_type,
                const char *text);
/* Serialises and frees json (a json_t *, typed void * to keep jansson out of
 * this header). */
void reply_json(struct http_reply *rep, unsigned status, void *json);
/* RFC 9457 problem+json. type_name is the last part of the type URI
 * ("not-found"); detail and field may be NULL. */
void reply_problem(struct http_reply *rep, unsigned status, const char *type_name,
                   const char *title, const char *detail, const char *field);
/* The problem for an error from deeper down, with its fitting status. */
void reply_berr(struct http_reply *rep, const struct berr *err);
/* HTTP status for an error kind. */
unsigned http_status_of(enum berr_kind kind);

#endif
