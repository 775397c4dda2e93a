/*
 * api.h - the CLI's HTTP client: libcurl for transport, jansson for bodies.
 * The CLI knows berkasd only through this HTTP API.
 *
 * Request and response bodies may carry a password or a session token, so
 * both are wiped before their memory is freed.
 */
#ifndef BERKAS_CLI_API_H
#define BERKAS_CLI_API_H

#include <jansson.h>
#include <stdio.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"

struct api_client {
    const char *base;   /* "http://127.0.0.1:8080", no trailing slash needed */
    const char *token;  /* bearer token sent as Authorization, or NULL */
    const char *cacert; /* https: the CA certificates (PEM) to verify the server with, or NULL:
                           the system's */
    bool insecure;      /* https: do not verify the server at all (--insecure) */
};

struct api_response {
    long status;
    /* the reply's bytes, len of them, with a NUL after them (not counted) so
     * that a text reply reads as a string; a binary reply (a PDF) may hold
     * NULs of its own: use len.  Never NULL after a successful call. */
    char *body;
    size_t len;
    struct buf raw; /* the reply while it arrives (api.c's own) */
    char content_type[128];
};

/* method base+path, with body (may be NULL) sent as application/json.
 * Returns true when an HTTP response arrived (any status); false on a
 * transport failure, with a one-line reason in errbuf.  The serialised body
 * is wiped before it is freed.  Free out with api_response_free. */
bool api_request(const struct api_client *c, const char *method, const char *path,
                 const json_t *body, struct api_response *out, char *errbuf, size_t errsz);

/* api_request with extra request headers: a NULL-terminated list of
 * "Name: value" lines (If-Match, Idempotency-Key), or NULL. */
bool api_request_with(const struct api_client *c, const char *method, const char *path,
                      const json_t *body, const char *const headers[], struct api_response *out,
                      char *errbuf, size_t errsz);

/* GET path asking for a binary reply (Accept: accept, e.g. "application/pdf",
 * with application/problem+json for a refusal): the bytes in out->body,
 * out->len of them.  Otherwise as api_request. */
bool api_download(const struct api_client *c, const char *path, const char *accept,
                  struct api_response *out, char *errbuf, size_t errsz);

/* POST len bytes (a file) as content_type, the reply as JSON. */
bool api_upload(const struct api_client *c, const char *path, const void *bytes, size_t len,
                const char *content_type, struct api_response *out, char *errbuf, size_t errsz);

/* api_request(c, "GET", path, NULL, ...). */
bool api_get(const struct api_client *c, const char *path, struct api_response *out, char *errbuf,
             size_t errsz);

/* The body parsed as JSON, or NULL. Caller decrefs. */
json_t *api_json(const struct api_response *r);

/* One line describing a problem+json reply
 * ("400 Bad Request: detail (field: nip)"); newlines become spaces.  The
 * refusals of a case event add what the server sent with them: "(allowed:
 * a, b)" for 409, "(missing: x, y)" for 422, "(current version: 7)". */
void api_problem_line(const struct api_response *r, char *out, size_t outsz);

/* The gaps of a berkas perkara a refusal names in its "missing" (the
 * entries that are sentences, e.g. "BAP saksi ... : belum ada berkas"), one
 * "  - " line each on out; api_problem_line leaves them out of its list. */
void api_problem_gaps(const struct api_response *r, FILE *out);

/* s percent-encoded for a URL's path segment or query value (RFC 3986
 * unreserved characters kept) into out.  False when it does not fit. */
bool api_escape(const char *s, char *out, size_t size);

/* Wipes and frees the body. */
void api_response_free(struct api_response *r);

/* Overwrite n bytes at p with zeros in a way the compiler keeps. */
void api_wipe(void *p, size_t n);

/* Wipe the string at obj.key in place (jansson's own copy of a secret). */
void api_wipe_json_string(json_t *obj, const char *key);

#endif
