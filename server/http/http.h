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
#include <jansson.h>
#include <stddef.h>

#include "app/actor.h"
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
    struct actor actor;          /* who is asking (user_id 0 on public routes) */
    bool by_cookie;              /* authenticated by the pages' cookie, not a bearer token */
    struct audit_rec audit;      /* what the handler did, for the audit trail */
};

struct http_reply {
    unsigned status;
    const char *content_type;
    char *body; /* malloc'd, owned by the reply */
    size_t len;
    char allow[64];        /* for 405 */
    int retry_after;       /* seconds, for 503; 0 = none */
    bool www_authenticate; /* 401: add WWW-Authenticate: Bearer */
    const char *location;  /* 201: where the new thing lives (points into a static or the body) */
    char disposition[160]; /* Content-Disposition for downloads, or "" */
    char location_buf[128];
    bool close;                /* close the connection after this answer */
    char set_cookie[192];      /* Set-Cookie (the pages' session, web.h), or "" */
    char etag[48];             /* ETag of a static file, or "" */
    const char *cache_control; /* NULL: no-store */
};

typedef void (*http_handler)(struct app *app, struct http_request *req, struct http_reply *rep);

#define ROUTE_PUBLIC 0u /* roles: anyone, no session needed */

enum route_flags {
    ROUTE_AUDIT = 1,      /* every call leaves an audit line, whatever its outcome */
    ROUTE_IDEMPOTENT = 2, /* creates something: honours Idempotency-Key (app/idem.h) */
    ROUTE_UPLOAD = 4,     /* the body is a file: up to the server's upload_limit, not body_limit */
    ROUTE_OFFLOAD = 8,    /* long without the database (a password's hash: a log-on, a user
                             added): runs on the offload pool's threads, never on an HTTP
                             worker, whose other connections would wait (offload.h) */
};

struct route {
    const char *method;
    const char *pattern; /* "/api/v1/cases/{id}": {name} matches one non-empty segment */
    http_handler handler;
    unsigned roles;      /* enum role bits that may call it; ROUTE_PUBLIC for anyone */
    unsigned flags;      /* enum route_flags */
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

/* A query-string argument's value (percent-decoded), or NULL. */
const char *http_query(const struct http_request *req, const char *name);

/* Reply helpers.  Each replaces what rep held. */
void reply_text(struct http_reply *rep, unsigned status, const char *content_type,
                const char *text);
/* Serialises and frees json. */
void reply_json(struct http_reply *rep, unsigned status, json_t *json);
/* JSON already written: text (malloc'd, len bytes) becomes the body. */
void reply_json_text(struct http_reply *rep, unsigned status, char *text, size_t len);
/* RFC 9457 problem+json. type_name is the last part of the type URI
 * ("not-found"); detail and field may be NULL. */
void reply_problem(struct http_reply *rep, unsigned status, const char *type_name,
                   const char *title, const char *detail, const char *field);
/* The problem for an error from deeper down, with its fitting status. */
void reply_berr(struct http_reply *rep, const struct berr *err);
/* HTTP status for an error kind. */
unsigned http_status_of(enum berr_kind kind);

/* ---- request bodies and parameters (json_in.c) --------------------------- */

/* The body as a JSON object whose members are all in allowed (NULL-ended).
 * Refuses (400, err naming the field) a wrong Content-Type, invalid JSON or
 * UTF-8, duplicate keys, a non-object, an unknown member.  An empty body is
 * an empty object when empty_ok.  allowed {"*", NULL} takes any member. */
json_t *json_body(const struct http_request *req, const char *const allowed[], bool empty_ok,
                  struct berr *err);

/* A string member, normalised to Unicode NFC in place, without control
 * characters, of at most maxlen characters (and at least 1 when required).
 * *out is NULL when the member is absent and not required. */
bool json_get_str(json_t *obj, const char *key, bool required, size_t maxlen, const char **out,
                  struct berr *err);

/* An integer member in [lo, hi]. */
bool json_get_int(json_t *obj, const char *key, bool required, long long lo, long long hi,
                  long long *out, struct berr *err);

/* A path parameter that must be a positive id. */
bool path_id(const char *s, const char *name, long long *out, struct berr *err);

#endif
