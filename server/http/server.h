/*
 * server.h - berkasd's HTTP listener: libmicrohttpd with a thread pool,
 * request-body, connection and time limits, and one log line per request
 * (method, path without query, status, milliseconds; never a body).
 */
#ifndef BERKAS_HTTP_SERVER_H
#define BERKAS_HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

struct app;
struct http_server;
struct tls_store;

struct http_opts {
    unsigned threads;               /* thread-pool size */
    size_t body_limit;              /* bytes; larger bodies get 413 */
    size_t upload_limit;            /* bytes, for the routes that take a file (ROUTE_UPLOAD) */
    unsigned conn_timeout;          /* seconds a connection may sit idle */
    unsigned conn_limit;            /* connections at once */
    unsigned per_ip_limit;          /* connections at once from one address */
    unsigned receive_timeout;       /* seconds to send a request's headers and body */
    unsigned receive_timeout_tight; /* the same when 3/4 of conn_limit are open */
    int offload_threads;            /* threads for ROUTE_OFFLOAD requests (log-on); 0: none */
    int offload_queue;              /* how many more may wait for them (then 503) */
    const char *web_dir;            /* the pages served at / and /web/ (web.h); NULL: none */
    struct tls_store *tls;          /* HTTPS with these credentials (tls.h); NULL: plain HTTP */
};

/* Defaults: 4 threads, 1 MiB, 30 s idle, 512, 32 per address, 15 s to send
 * a request (3 s when the server is 3/4 full), 2 log-on threads with 16
 * more waiting. */
void http_opts_default(struct http_opts *o);

/* Split "host:port" or "[v6]:port" into its parts. */
bool http_parse_listen(const char *listen, char *host, size_t hostsz, char *port, size_t portsz,
                       struct berr *err);

/* Bind and listen on "host:port"; returns the socket, or -1 with err naming
 * the address ("127.0.0.1:8080 is already in use"). */
int http_bind(const char *listen, struct berr *err);

/* Serve on the socket from http_bind (the server takes it over). */
struct http_server *http_start(int listen_fd, const struct http_opts *opts, struct app *app,
                               struct berr *err);

/* Stop accepting, finish what is in flight, free.  NULL is fine. */
void http_stop(struct http_server *s);

#endif
