/*
 * api.h - the CLI's HTTP client: libcurl for transport, jansson for bodies.
 * The CLI knows berkasd only through this HTTP API.
 */
#ifndef BERKAS_CLI_API_H
#define BERKAS_CLI_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct api_client {
    const char *base; /* "http://127.0.0.1:8080", no trailing slash needed */
};

struct api_response {
    long status;
    char *body;
    size_t len;
    char content_type[128];
};

/* GET base+path.  Returns true when an HTTP response arrived (any status);
 * false on a transport failure, with a one-line reason in errbuf. */
bool api_get(const struct api_client *c, const char *path, struct api_response *out, char *errbuf,
             size_t errsz);

/* The body parsed as JSON, or NULL. Caller decrefs. */
json_t *api_json(const struct api_response *r);

/* One line describing a problem+json reply ("404 Not Found: detail"). */
void api_problem_line(const struct api_response *r, char *out, size_t outsz);

void api_response_free(struct api_response *r);

#endif
