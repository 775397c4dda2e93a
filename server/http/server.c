/*
 * server.c - the libmicrohttpd glue; see server.h.
 *
 * libmicrohttpd calls the access handler several times per request: first
 * with no body (we set up per-request state), then once per body chunk (we
 * append, up to the limit), then a last time with no data (we dispatch).
 * Per-request state is freed in the completion callback, which also runs for
 * requests the client aborted, and which writes the log line.
 */
#include "app/identity.h"
#include "app/render_swap.h"
#include "server.h"

#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "core/buf.h"
#include "app/audit.h"
#include "app/idem.h"
#include "guard.h"
#include "http.h"
#include "offload.h"
#include "tls.h"
#include "web.h"
#include "wire.h"

/* a chunked body past the limit is drained up to this, then the connection is cut */
#define DROP_LIMIT (16u * 1024u * 1024u)

struct http_server {
    struct MHD_Daemon *daemon;
    struct app *app;
    struct http_opts opts;
    struct guard *guard;
    struct offload *offload; /* the ROUTE_OFFLOAD routes' own threads */
};

/* per-request state, made when the request line is in (on_uri) */
struct request_state {
    bool started;           /* the access handler has seen the request */
    const char *wire_error; /* what wire.c found wrong with the target, or NULL */
    struct timespec start;
    struct buf body; /* secret unless a file: a log-on's body holds a password */
    bool too_large;
    size_t dropped; /* bytes read and thrown away after the limit */
    size_t limit;   /* this request's body limit (a file upload's is larger) */
    bool answered;
    unsigned status;
    char method[16];
    char path[256];
    /* a ROUTE_OFFLOAD request: its connection is suspended while a thread
     * of the offload pool runs it, and `deferred` is its answer once ready */
    bool offloaded, deferred_ready;
    struct http_reply deferred;
};

void http_opts_default(struct http_opts *o)
{
    o->threads = 4;
    o->body_limit = 1024 * 1024;
    o->upload_limit = 32 * 1024 * 1024; /* the setting upload.max_bytes is checked below it */
    o->conn_timeout = 30;
    o->conn_limit = 512;
    /* an office behind one NAT address is many people, but one address must
     * not take the room of many (issue 9.4: 640 slow connections from 7
     * addresses kept everyone out) */
    o->per_ip_limit = 32;
    o->receive_timeout = 15;
    o->receive_timeout_tight = 3;
    o->offload_threads = 2;
    o->offload_queue = 16;
}

bool http_parse_listen(const char *listen, char *host, size_t hostsz, char *port, size_t portsz,
                       struct berr *err)
{
    const char *colon;
    const char *h = listen;
    size_t hlen;
    if (listen[0] == '[') {
        const char *close = strchr(listen, ']');
        if (!close || close[1] != ':')
            return berr_field(err, BERR_BAD_INPUT, "listen", "--listen %s: expected [address]:port",
                              listen);
        h = listen + 1;
        hlen = (size_t)(close - h);
        colon = close + 1;
    } else {
        colon = strrchr(listen, ':');
        if (!colon)
            return berr_field(err, BERR_BAD_INPUT, "listen", "--listen %s: expected address:port",
                              listen);
        hlen = (size_t)(colon - listen);
    }
    const char *p = colon + 1;
    char *end;
    long v = strtol(p, &end, 10);
    if (!*p || *end || v < 0 || v > 65535)
        return berr_field(err, BERR_BAD_INPUT, "listen", "--listen %s: bad port '%s'", listen, p);
    if (hlen == 0 || hlen >= hostsz)
        return berr_field(err, BERR_BAD_INPUT, "listen", "--listen %s: bad address", listen);
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    snprintf(port, portsz, "%ld", v);
    return true;
}

int http_bind(const char *listen_addr, struct berr *err)
{
    char host[256], port[16];
    if (!http_parse_listen(listen_addr, host, sizeof host, port, sizeof port, err))
        return -1;
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) {
        berr_set(err, BERR_BAD_INPUT, "--listen %s: %s", listen_addr, gai_strerror(rc));
        return -1;
    }
    int fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
    if (fd == -1) {
        berr_set(err, BERR_INTERNAL, "socket: %s", strerror(errno));
        freeaddrinfo(res);
        return -1;
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, res->ai_addr, res->ai_addrlen) == -1) {
        int e = errno;
        if (e == EADDRINUSE)
            berr_set(err, BERR_BAD_INPUT, "cannot listen on %s: the port is already in use",
                     listen_addr);
        else
            berr_set(err, BERR_BAD_INPUT, "cannot listen on %s: %s", listen_addr, strerror(e));
        close(fd);
        freeaddrinfo(res);
        return -1;
    }
    freeaddrinfo(res);
    if (listen(fd, 256) == -1) {
        berr_set(err, BERR_INTERNAL, "cannot listen on %s: %s", listen_addr, strerror(errno));
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

const char *http_header(const struct http_request *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

const char *http_query(const struct http_request *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, name);
}

/* On every answer, the pages' included: scripts only from berkasd's own
 * files (no inline script, no eval), styles likewise, nothing framed,
 * no plug-ins, no <base>, forms posting only back here. */
static void add_common_headers(struct MHD_Response *r, const struct http_reply *rep)
{
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Cache-Control",
                            rep->cache_control ? rep->cache_control : "no-store");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; "
                            "img-src 'self'; connect-src 'self'; object-src 'none'; "
                            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
}

/* Whether the connection came over TLS (berkasd's own, --tls-cert). */
static bool over_tls(struct MHD_Connection *conn)
{
    return MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION) != NULL;
}

static enum MHD_Result send_reply(struct MHD_Connection *conn, struct request_state *st,
                                  struct http_reply *rep)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(rep->len, rep->body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(rep->body);
        rep->body = NULL;
        return MHD_NO;
    }
    rep->body = NULL;
    add_common_headers(r, rep);
    /* a browser that met berkasd over TLS uses nothing else for a year
     * (RFC 6797); not for subdomains, which may be other servers */
    if (over_tls(conn))
        MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
    if (rep->content_type) {
        char ct[96];
        snprintf(ct, sizeof ct, "%s%s", rep->content_type,
                 strncmp(rep->content_type, "text/", 5) == 0 || strstr(rep->content_type, "json") ||
                         strstr(rep->content_type, "xml")
                     ? "; charset=utf-8"
                     : "");
        MHD_add_response_header(r, "Content-Type", ct);
    }
    if (rep->allow[0])
        MHD_add_response_header(r, "Allow", rep->allow);
    if (rep->www_authenticate)
        MHD_add_response_header(r, "WWW-Authenticate", "Bearer realm=\"berkas\"");
    if (rep->location)
        MHD_add_response_header(r, "Location", rep->location);
    if (rep->disposition[0])
        MHD_add_response_header(r, "Content-Disposition", rep->disposition);
    if (rep->set_cookie[0])
        MHD_add_response_header(r, "Set-Cookie", rep->set_cookie);
    if (rep->etag[0])
        MHD_add_response_header(r, "ETag", rep->etag);
    if (rep->retry_after > 0) {
        char ra[16];
        snprintf(ra, sizeof ra, "%d", rep->retry_after);
        MHD_add_response_header(r, "Retry-After", ra);
    }
    if (rep->close) /* libmicrohttpd closes the connection after this answer */
        MHD_add_response_header(r, "Connection", "close");
    st->status = rep->status;
    st->answered = true;
    enum MHD_Result ret = MHD_queue_response(conn, rep->status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_problem(struct MHD_Connection *conn, struct request_state *st,
                                    unsigned status, const char *type, const char *title,
                                    const char *detail)
{
    struct http_reply rep = {0};
    reply_problem(&rep, status, type, title, detail, NULL);
    return send_reply(conn, st, &rep);
}

/* 400 for a message berkasd will not read one way only; the connection is
 * closed after it, so nothing the client sent after it is read as a request. */
static enum MHD_Result refuse_message(struct MHD_Connection *conn, struct request_state *st,
                                      const char *why)
{
    struct http_reply rep = {.close = true};
    reply_problem(&rep, 400, "bad-request", "Bad Request", why, NULL);
    rep.close = true;
    return send_reply(conn, st, &rep);
}

/* libmicrohttpd 0.9.75 accepts a bare LF as a line end, a NUL inside a
 * header value (the value then ends at the NUL) and a folded header line
 * (joined to the one before), and offers no option to refuse them.  It
 * parses the head in place, though: each line's CR and LF become NULs, the
 * colon a NUL, and name and value point into the received bytes, line after
 * line.  So a head that was sent line by line with CRLF lays out exactly:
 *   version NUL NUL  name NUL [SP|HT]* value NUL NUL  name ...  NUL NUL
 * and anything else - a bare LF (one NUL), an embedded NUL, a folded line
 * (copied elsewhere when joined) - breaks the layout.  This reads how
 * libmicrohttpd 0.9.75 works, not a promise of its API; test_wire.c holds it
 * to it, request by request, and every other test sends ordinary requests
 * through it. */
struct field_check {
    struct wire_framing framing;
    const char *expect; /* where the next line must begin */
    const char *error;
};

static bool ends_with_crlf(const char *end)
{
    return end[0] == '\0' && end[1] == '\0';
}

static enum MHD_Result check_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                   size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    struct field_check *fc = cls;
    fc->error = wire_check_field(key, key_size, value, value_size, &fc->framing);
    if (fc->error)
        return MHD_NO;
    bool laid_out = key == fc->expect && value && key[key_size] == '\0' && value > key + key_size &&
                    ends_with_crlf(value + value_size);
    for (const char *p = key + key_size + 1; laid_out && p < value; p++)
        laid_out = *p == ' ' || *p == '\t';
    if (!laid_out) {
        fc->error = "setiap baris header harus diakhiri CRLF, tanpa NUL dan tanpa lipatan "
                    "(obs-fold)";
        return MHD_NO;
    }
    fc->expect = value + value_size + 2;
    return MHD_YES;
}

/* The request head, before anything acts on it: the target (checked in
 * on_uri), the request line's end, every field, the framing.  NULL when
 * fine. */
static const char *check_head(struct MHD_Connection *conn, const struct request_state *st,
                              const char *version)
{
    if (st->wire_error)
        return st->wire_error;
    if (!version || !version[0] || !ends_with_crlf(version + strlen(version)))
        return "baris permintaan harus diakhiri CRLF";
    struct field_check fc = {.expect = version + strlen(version) + 2};
    MHD_get_connection_values_n(conn, MHD_HEADER_KIND, check_field, &fc);
    if (fc.error)
        return fc.error;
    if (!ends_with_crlf(fc.expect)) /* the empty line that ends the head */
        return "kepala permintaan harus diakhiri baris kosong CRLF";
    return wire_check_framing(&fc.framing);
}

static void client_address(struct MHD_Connection *conn, char *out, size_t outsz)
{
    out[0] = '\0';
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)outsz);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)outsz);
}

/* The session behind "Authorization: Bearer <token>", or else behind the
 * pages' cookie (web.h), into req->actor. */
static bool authenticate(struct http_server *s, struct http_request *req, struct berr *err)
{
    const char *h = http_header(req, "Authorization");
    const char *token = NULL;
    if (h && strncasecmp(h, "Bearer ", 7) == 0) {
        token = h + 7;
        while (*token == ' ')
            token++;
    } else if (!h && (token = web_cookie_token(s->app, req)) != NULL) {
        req->by_cookie = true;
    } else {
        return berr_set(err, BERR_UNAUTHENTICATED, "perlu masuk (Authorization: Bearer)");
    }
    char addr[sizeof req->actor.client_addr];
    memcpy(addr, req->actor.client_addr, sizeof addr);
    bool ok = app_session_check(s->app, token, &req->actor, err);
    memcpy(req->actor.client_addr, addr, sizeof addr);
    return ok;
}

/* The stored answer of an Idempotency-Key, or the refusal for its misuse,
 * into rep.  False when the key is new (the request may act), or when the
 * lookup failed and quietly is set (the caller's own answer then stands). */
static bool idem_answer(struct http_server *s, struct http_request *req, const struct idem *k,
                        struct http_reply *rep, bool quietly)
{
    struct idem_answer ans;
    struct berr err = {0};
    int state = app_idem_lookup(s->app, &req->actor, k, &ans, 3000, &err);
    if (state == IDEM_NEW || (state < 0 && quietly))
        return false;
    snprintf(req->audit.detail, sizeof req->audit.detail, "{\"idempotency\":\"%s\"}",
             state == IDEM_REPLAY     ? "replayed"
             : state == IDEM_MISMATCH ? "reused"
             : state == IDEM_PENDING  ? "pending"
                                      : "unknown");
    if (state < 0) {
        reply_berr(rep, &err);
    } else if (state == IDEM_MISMATCH) {
        reply_problem(rep, 422, "idempotency-key-reused", "Unprocessable Content",
                      "Idempotency-Key ini sudah dipakai untuk permintaan lain", "Idempotency-Key");
    } else if (state == IDEM_PENDING) {
        reply_problem(rep, 409, "idempotency-key-pending", "Conflict",
                      "permintaan pertama dengan Idempotency-Key ini sudah dilaksanakan dan "
                      "jawabannya sedang disimpan; coba lagi sebentar",
                      "Idempotency-Key");
        rep->retry_after = 1;
    } else {
        free(rep->body);
        *rep = (struct http_reply){.status = (unsigned)ans.status,
                                   .content_type = "application/json",
                                   .body = ans.body,
                                   .len = strlen(ans.body)};
        if (ans.location[0]) {
            snprintf(rep->location_buf, sizeof rep->location_buf, "%s", ans.location);
            rep->location = rep->location_buf;
        }
    }
    return true;
}

/* A create with an Idempotency-Key: a bad key or a known one is answered
 * here (true); otherwise the key rides with the audit record into the use
 * case, which claims it in its own transaction (app/idem.h). */
static bool idem_before(struct http_server *s, struct http_request *req, const struct route *route,
                        struct idem *k, struct http_reply *rep)
{
    const char *key =
        (route->flags & ROUTE_IDEMPOTENT) ? http_header(req, "Idempotency-Key") : NULL;
    idem_prepare(k, NULL, "", "", NULL, 0);
    if (!key)
        return false;
    if (!idem_key_ok(key)) {
        reply_problem(rep, 400, "bad-input", "Bad Request",
                      "Idempotency-Key: 1 sampai 200 karakter ASCII yang terlihat",
                      "Idempotency-Key");
        return true;
    }
    idem_prepare(k, key, req->method, req->path, req->body, req->body_len);
    req->audit.idem = k;
    return idem_answer(s, req, k, rep, false);
}

/* After the use case: keep a success's answer for the retries; a failure
 * that lost the key to a concurrent twin gets the twin's answer instead. */
static void idem_after(struct http_server *s, struct http_request *req, const struct idem *k,
                       struct http_reply *rep)
{
    if (!k->key[0])
        return;
    if (rep->status >= 200 && rep->status < 300) {
        struct berr err = {0};
        if (!k->claimed)
            fprintf(stderr, "berkasd: %s %s did not claim its Idempotency-Key\n", req->method,
                    req->audit.route);
        else if (!app_idem_store(s->app, &req->actor, k, (int)rep->status, rep->body, rep->len,
                                 rep->location, &err))
            fprintf(stderr, "berkasd: Idempotency-Key answer not kept: %s\n", err.message);
    } else if (!k->claimed) {
        idem_answer(s, req, k, rep, true);
    }
}

/* A matched route, from the session check to the audit line. */
static void serve_route(struct http_server *s, const struct route *route, struct http_request *req,
                        struct http_reply *rep)
{
    struct berr err = {0};
    struct idem idem;
    bool safe = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
    if (route->roles != ROUTE_PUBLIC && !authenticate(s, req, &err)) {
        reply_berr(rep, &err);
        if (req->by_cookie) /* a cookie of an ended session: forget it */
            web_cookie_header(s->app, NULL, rep->set_cookie, sizeof rep->set_cookie);
    } else if (req->by_cookie && !safe && !web_csrf_check(s->app, req, &err)) {
        reply_problem(rep, 403, "csrf", "Forbidden", err.message, NULL);
        snprintf(req->audit.detail, sizeof req->audit.detail, "{\"refused\":\"csrf\"}");
    } else if (route->roles != ROUTE_PUBLIC && !(route->roles & req->actor.role)) {
        reply_problem(rep, 403, "forbidden", "Forbidden",
                      "Peran Anda tidak diizinkan melakukan ini.", NULL);
    } else if (!idem_before(s, req, route, &idem, rep)) {
        /* the forms' engine in force now, for the whole request (SIGHUP may
         * swap it meanwhile) */
        app_render_pin(s->app);
        route->handler(s->app, req, rep);
        app_render_unpin(s->app);
        if (rep->status == 0)
            reply_problem(rep, 500, "internal", "Internal Server Error",
                          "Terjadi kesalahan di server.", NULL);
        idem_after(s, req, &idem, rep);
    }
    if ((route->flags & ROUTE_AUDIT) && !req->audit.written)
        audit_after(s->app, &req->actor, &req->audit, (int)rep->status);
}

/* A request handed to the offload pool, with its suspended connection. */
struct offload_req {
    struct offload_job job;
    struct http_server *s;
    struct MHD_Connection *conn;
    struct request_state *st;
    const struct route *route;
    struct http_request req;
};

/* Its answer is ready: keep it with the request and let libmicrohttpd take
 * the connection up again (it calls on_request once more, which sends it). */
static void offload_answer(struct offload_req *o, struct http_reply *rep)
{
    struct request_state *st = o->st;
    st->deferred = *rep;
    if (rep->location == rep->location_buf)
        st->deferred.location = st->deferred.location_buf;
    st->deferred_ready = true;
    MHD_resume_connection(o->conn); /* its lock publishes the answer to the worker */
    free(o);
}

static void offload_run(void *arg)
{
    struct offload_req *o = arg;
    struct http_reply rep = {0};
    serve_route(o->s, o->route, &o->req, &rep);
    offload_answer(o, &rep);
}

static void offload_stop(void *arg)
{
    struct offload_req *o = arg;
    struct http_reply rep = {0};
    reply_problem(&rep, 503, "unavailable", "Service Unavailable", "Server sedang berhenti.", NULL);
    rep.retry_after = 5;
    offload_answer(o, &rep);
}

/* Hand a ROUTE_OFFLOAD request to its pool and suspend its connection, or
 * answer 503 at once when the pool's queue is full.  MHD_YES either way. */
static enum MHD_Result offload_request(struct http_server *s, struct MHD_Connection *conn,
                                       struct request_state *st, const struct route *route,
                                       const struct http_request *req)
{
    struct offload_req *o = calloc(1, sizeof *o);
    if (!o || !offload_reserve(s->offload)) {
        free(o);
        struct http_reply rep = {0};
        reply_problem(&rep, 503, "busy", "Service Unavailable",
                      "Server sedang sibuk memeriksa kata sandi; coba lagi sebentar.", NULL);
        rep.retry_after = 2;
        if (route->flags & ROUTE_AUDIT) { /* every log-on attempt, even one turned away */
            struct audit_rec au = req->audit;
            snprintf(au.detail, sizeof au.detail, "{\"reason\":\"busy\"}");
            audit_after(s->app, &req->actor, &au, 503);
        }
        return send_reply(conn, st, &rep);
    }
    *o = (struct offload_req){.job = {.run = offload_run, .stop = offload_stop, .arg = o},
                              .s = s,
                              .conn = conn,
                              .st = st,
                              .route = route,
                              .req = *req};
    st->offloaded = true;
    MHD_suspend_connection(conn); /* before the job can resume it */
    offload_submit(s->offload, &o->job);
    return MHD_YES;
}

static enum MHD_Result dispatch(struct http_server *s, struct MHD_Connection *conn,
                                struct request_state *st, const char *url, const char *method)
{
    struct http_request req = {0};
    struct http_reply rep = {0};
    req.method = method;
    req.path = url;
    req.body = st->body.data ? st->body.data : "";
    req.body_len = st->body.len;
    req.conn = conn;
    if (web_static(s->opts.web_dir, &req, &rep))
        return send_reply(conn, st, &rep);
    char allow[64];
    const struct route *route =
        router_match(http_routes, http_routes_count, method, url, &req, allow, sizeof allow);
    if (!route) {
        if (allow[0]) {
            reply_problem(&rep, 405, "method-not-allowed", "Method Not Allowed",
                          "Metode ini tidak didukung untuk alamat ini.", NULL);
            snprintf(rep.allow, sizeof rep.allow, "%s", allow);
        } else {
            reply_problem(&rep, 404, "not-found", "Not Found", "Alamat tidak dikenal.", NULL);
        }
        return send_reply(conn, st, &rep);
    }
    client_address(conn, req.actor.client_addr, sizeof req.actor.client_addr);
    req.audit.method = route->method;
    req.audit.route = route->pattern;
    if ((route->flags & ROUTE_OFFLOAD) && s->offload)
        return offload_request(s, conn, st, route, &req);
    serve_route(s, route, &req, &rep);
    return send_reply(conn, st, &rep);
}

static struct guard_conn *connection_guard(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

/* The request line is in: its target as sent, before libmicrohttpd decodes
 * it and splits its query (MHD_OPTION_URI_LOG_CALLBACK runs before both). */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls;
    (void)conn;
    struct request_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->body.secret = true;
    clock_gettime(CLOCK_MONOTONIC, &st->start);
    size_t params;
    st->wire_error = wire_check_target(uri, &params);
    if (params > WIRE_MAX_PARAMS) {
        /* libmicrohttpd 0.9.75 would now store every parameter in the
         * connection's memory pool and, once it is full, stall the
         * connection until it timed out.  The query is cut here, in
         * libmicrohttpd's own buffer (it splits it after this callback),
         * and the request is refused with 400 in on_request. */
        char *q = memchr(uri, '?', strlen(uri));
        if (q)
            q[1] = '\0';
    }
    return st;
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    struct http_server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = ci ? guard_open(s->guard, ci->connect_fd) : NULL;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        guard_close(s->guard, *socket_context);
        *socket_context = NULL;
    }
}

/* The body limit of the route asked for: a route that takes a file may
 * take up to upload_limit, every other one body_limit. */
static size_t body_limit_for(const struct http_server *s, const char *method, const char *url,
                             bool *file)
{
    struct http_request req;
    memset(&req, 0, sizeof req);
    char allow[64];
    const struct route *r =
        router_match(http_routes, http_routes_count, method, url, &req, allow, sizeof allow);
    *file = r && (r->flags & ROUTE_UPLOAD);
    return *file ? s->opts.upload_limit : s->opts.body_limit;
}

/* A request's first call: its method, path and head checked, its body's
 * limit set (413 at once when its Content-Length is past it). */
static enum MHD_Result request_head(struct http_server *s, struct MHD_Connection *conn,
                                    struct request_state *st, const char *url, const char *method,
                                    const char *version)
{
    st->started = true;
    snprintf(st->method, sizeof st->method, "%s", method);
    snprintf(st->path, sizeof st->path, "%s", url);
    const char *bad = check_head(conn, st, version);
    if (bad)
        return refuse_message(conn, st, bad);
    bool file;
    st->limit = body_limit_for(s, method, url, &file);
    /* a file (a scanned PDF of megabytes) is case data, not a password:
     * it grows by realloc, unwiped (copying and wiping 20 MiB as it
     * grows took 29 ms more on the shared 2 cores) */
    st->body.secret = !file;
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    if (cl) {
        char *end;
        unsigned long long n = strtoull(cl, &end, 10);
        if (*end || n > st->limit)
            return send_problem(conn, st, 413, "too-large", "Content Too Large",
                                "Isi permintaan melebihi batas.");
    }
    return MHD_YES;
}

/* A piece of the body, kept while within the limit. */
static enum MHD_Result request_body(struct request_state *st, const char *data, size_t n)
{
    if (st->too_large || n > st->limit - st->body.len) {
        /* Without a Content-Length (chunked) the limit is found only
         * now: read and drop the rest so that the client gets a clean
         * 413, but not forever. */
        st->too_large = true;
        st->dropped += n;
        return st->dropped > DROP_LIMIT ? MHD_NO : MHD_YES;
    }
    return buf_append(&st->body, data, n) ? MHD_YES : MHD_NO;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_size, void **con_cls)
{
    struct http_server *s = cls;
    struct request_state *st = *con_cls;
    if (st && st->offloaded) { /* resumed: the answer is ready (see offload_answer) */
        *upload_size = 0;
        if (!st->deferred_ready || st->answered)
            return MHD_YES;
        return send_reply(conn, st, &st->deferred);
    }
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st)
            return MHD_NO;
        st->body.secret = true;
        clock_gettime(CLOCK_MONOTONIC, &st->start);
        *con_cls = st;
    }
    if (!st->started)
        return request_head(s, conn, st, url, method, version);
    if (st->answered) {
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size > 0) {
        size_t n = *upload_size;
        *upload_size = 0;
        return request_body(st, upload_data, n);
    }
    if (st->too_large)
        return send_problem(conn, st, 413, "too-large", "Content Too Large",
                            "Isi permintaan melebihi batas.");
    guard_received(s->guard, connection_guard(conn));
    return dispatch(s, conn, st, url, method);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct http_server *s = cls;
    guard_idle(s->guard, connection_guard(conn)); /* a kept-alive connection's next request */
    struct request_state *st = *con_cls;
    if (!st)
        return;
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (double)(end.tv_sec - st->start.tv_sec) * 1e3 +
                (double)(end.tv_nsec - st->start.tv_nsec) / 1e6;
    /* Path only (libmicrohttpd leaves the query out of url): a search term
     * may be a person's name, and no case data goes to the log. */
    struct timespec wall;
    clock_gettime(CLOCK_REALTIME, &wall);
    struct tm tm;
    gmtime_r(&wall.tv_sec, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    if (st->answered && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
        fprintf(stderr, "%s.%03ldZ %s %s %u %.1fms\n", stamp, wall.tv_nsec / 1000000, st->method,
                st->path, st->status, ms);
    else
        fprintf(stderr, "%s.%03ldZ %s %s %u %.1fms aborted\n", stamp, wall.tv_nsec / 1000000,
                st->method, st->path, st->status, ms);
    buf_free(&st->body);
    free(st->deferred.body); /* an offloaded answer its client left before */
    free(st);
    *con_cls = NULL;
}

/* libmicrohttpd's own complaints: one line each, no request data. */
static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    fprintf(stderr, "berkasd: http: %s\n", line);
}

struct http_server *http_start(int listen_fd, const struct http_opts *opts, struct app *app,
                               struct berr *err)
{
    struct http_server *s = calloc(1, sizeof *s);
    if (!s) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    s->app = app;
    s->opts = *opts;
    s->guard = guard_new(opts->receive_timeout, opts->receive_timeout_tight, opts->conn_limit);
    if (!s->guard) {
        close(listen_fd);
        free(s);
        berr_set(err, BERR_INTERNAL, "cannot start the connection watchdog");
        return NULL;
    }
    s->offload =
        opts->offload_threads > 0 ? offload_new(opts->offload_threads, opts->offload_queue) : NULL;
    if (opts->offload_threads > 0 && !s->offload) {
        close(listen_fd);
        guard_free(s->guard);
        free(s);
        berr_set(err, BERR_INTERNAL, "cannot start the log-on threads");
        return NULL;
    }
    if (opts->tls && (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES ||
                      MHD_is_feature_supported(MHD_FEATURE_HTTPS_CERT_CALLBACK) != MHD_YES)) {
        close(listen_fd);
        offload_free(s->offload);
        guard_free(s->guard);
        free(s);
        berr_set(err, BERR_INTERNAL,
                 "this libmicrohttpd was built without GnuTLS: --tls-cert cannot be served");
        return NULL;
    }
    /* With TLS the options end after the certificate callback (tls.h) and
     * the protocol versions; without, at the first MHD_OPTION_END. */
    s->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
            MHD_USE_ERROR_LOG | (opts->tls ? MHD_USE_TLS : 0),
        0, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, s,
        MHD_OPTION_LISTEN_SOCKET, listen_fd, MHD_OPTION_THREAD_POOL_SIZE, opts->threads,
        MHD_OPTION_CONNECTION_LIMIT, opts->conn_limit, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        opts->per_ip_limit, MHD_OPTION_CONNECTION_TIMEOUT, opts->conn_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
        MHD_OPTION_CONNECTION_MEMORY_INCREMENT, (size_t)(8 * 1024), MHD_OPTION_STRICT_FOR_CLIENT,
        (int)1, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_NOTIFY_CONNECTION,
        on_connection, s, MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        opts->tls ? MHD_OPTION_HTTPS_CERT_CALLBACK : MHD_OPTION_END, &tls_retrieve,
        MHD_OPTION_HTTPS_PRIORITIES, TLS_PRIORITIES, MHD_OPTION_END);
    if (!s->daemon) {
        close(listen_fd);
        offload_free(s->offload);
        guard_free(s->guard);
        free(s);
        berr_set(err, BERR_INTERNAL, "cannot start the HTTP server");
        return NULL;
    }
    return s;
}

void http_stop(struct http_server *s)
{
    if (!s)
        return;
    MHD_socket fd = MHD_quiesce_daemon(s->daemon);
    /* the offloaded requests first: each is answered and its connection
     * resumed, so that libmicrohttpd stops with none suspended */
    offload_free(s->offload);
    MHD_stop_daemon(s->daemon);
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
    guard_free(s->guard);
    free(s);
}
