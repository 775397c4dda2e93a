/*
 * web.h - what berkasd adds for the pages of client/web: the static files,
 * and the cookie session beside the CLI's bearer tokens, with its CSRF rules.
 *
 * The cookie session.  POST /api/v1/sessions with {"nip","password",
 * "cookie":true} opens the same server-side session as a bearer log-on, but
 * the token goes into an HttpOnly cookie, never into the body, so no script
 * of the page ever holds it.  The cookie is
 *   __Host-berkas=TOKEN; Path=/; HttpOnly; SameSite=Strict; Secure
 * when --public-url is https:// (berkasd behind a TLS proxy), and
 *   berkas_session=TOKEN; Path=/; HttpOnly; SameSite=Strict
 * when it is plain http: a browser refuses a __Host- cookie without Secure,
 * and a Secure cookie over plain http (Chromium excepts only localhost), so
 * on plain http the prefix would only make log-on fail.  With --tls-cert
 * berkasd serves TLS itself and --public-url is https:// (its default then,
 * and refused otherwise); behind a TLS proxy, --public-url says so.
 * No Max-Age: the cookie ends with the browser, the session on the server
 * (idle and absolute limits) before that; a request whose cookie names no
 * open session gets 401 and the cookie cleared.  DELETE
 * /api/v1/sessions/current ends the session and clears the cookie.
 *
 * CSRF.  Every request authenticated by the cookie whose method is not GET or
 * HEAD (and a cookie log-on itself) must carry
 *   Origin: the server's own origin (the scheme, host and port of
 *           --public-url, or the same scheme with the request's Host), and
 *   X-Berkas-CSRF: 1  (a header a cross-site form cannot send, and a
 *           cross-site script cannot either without a CORS preflight that
 *           berkasd never approves);
 * otherwise 403 problem+json (type csrf) before the handler runs.  A
 * request with an Authorization header is judged by its bearer token alone,
 * as before; a cookie beside it is ignored.
 */
#ifndef BERKAS_HTTP_WEB_H
#define BERKAS_HTTP_WEB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "http.h"

struct app;

#define WEB_COOKIE_SECURE "__Host-berkas"
#define WEB_COOKIE_PLAIN  "berkas_session"
#define WEB_CSRF_HEADER   "X-Berkas-CSRF"

/* The cookie's name for this server (by --public-url's scheme). */
const char *web_cookie_name(const struct app *app);

/* The Set-Cookie value that carries token, or that clears the cookie
 * (token NULL), into out. */
void web_cookie_header(const struct app *app, const char *token, char *out, size_t outsz);

/* The session token in the request's cookie, or NULL. */
const char *web_cookie_token(const struct app *app, const struct http_request *req);

/* The CSRF rules above: false with err (BERR_FORBIDDEN, field "csrf") when
 * the Origin or the header is missing or wrong. */
bool web_csrf_check(const struct app *app, const struct http_request *req, struct berr *err);

/* The static pages: GET or HEAD of "/" (index.html) or "/web/NAME[/NAME]"
 * from dir.  False when path is not one of them (the API's routes then
 * answer); true with rep filled otherwise: the file with its Content-Type,
 * ETag and Cache-Control: no-cache (304 when If-None-Match matches), 404
 * for a name that is not a plain file name ('..', a leading dot, anything
 * but letters, digits, '.', '-', '_'), an unknown type or a missing file,
 * 405 for another method. */
bool web_static(const char *dir, struct http_request *req, struct http_reply *rep);

#endif
