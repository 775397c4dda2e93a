/* h_identity.c - health, version, banner, sessions, whoami. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/identity.h"
#include "handlers.h"
#include "web.h"

void reply_result(struct http_reply *rep, unsigned status, json_t *value, const struct berr *err)
{
    if (value)
        reply_json(rep, status, value);
    else
        reply_berr(rep, err);
}

HANDLER(h_healthz)
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
    json_t *body = json_pack("{s:s, s:s}", "status", "ok", "database", "ok");
    if (h.replica_configured)
        json_object_set_new(
            body, "replica",
            json_pack("{s:b, s:s, s:o}", "in_use", h.replica_in_use, "state", h.replica_state,
                      "lag_ms",
                      h.replica_lag_ms < 0 ? json_null() : json_integer(h.replica_lag_ms)));
    reply_json(rep, 200, body);
}

HANDLER(h_version)
{
    (void)req;
    struct app_version v;
    app_version(app, &v);
    reply_json(rep, 200,
               json_pack("{s:s, s:s, s:s, s:i, s:s}", "name", v.name, "version", v.version, "api",
                         v.api, "schema_version", v.schema_version, "postgresql", v.postgresql));
}

HANDLER(h_banner_get)
{
    (void)req;
    struct berr err = {0};
    reply_result(rep, 200, app_banner(app, &err), &err);
}

HANDLER(h_banner_put)
{
    static const char *const fields[] = {"banner", NULL};
    struct berr err = {0};
    json_t *body = json_body(req, fields, false, &err);
    const char *text;
    if (body && json_get_str(body, "banner", true, 4000, &text, &err) &&
        app_banner_set(app, &req->actor, text, &req->audit, &err))
        reply_json(rep, 200, app_banner(app, &err));
    else
        reply_berr(rep, &err);
    json_decref(body);
}

/* A log-on refused: 429 while the NIP or the address is throttled, else the
 * refusal; either with the seconds to wait, when there are some. */
static void reply_login_refused(struct http_reply *rep, const struct berr *err, int retry)
{
    if (strcmp(err->field, "throttled") == 0) {
        reply_problem(rep, 429, "too-many-requests", "Too Many Requests", err->message, NULL);
        rep->retry_after = retry;
    } else {
        reply_berr(rep, err);
        if (retry > 0)
            rep->retry_after = retry;
    }
}

/* A log-on accepted: 201 with the user and the notices, the token in the
 * body (Bearer) or, for the pages, only in the HttpOnly cookie. */
static void reply_session(struct app *app, struct http_request *req, struct http_reply *rep,
                          const char *token, json_t *notices, bool cookie)
{
    struct berr err = {0};
    json_t *me = app_me(app, &req->actor, &err);
    if (cookie) {
        web_cookie_header(app, token, rep->set_cookie, sizeof rep->set_cookie);
        reply_json(rep, 201,
                   json_pack("{s:s, s:o*, s:o}", "token_type", "Cookie", "user", me, "notices",
                             notices ? notices : json_array()));
    } else {
        reply_json(rep, 201,
                   json_pack("{s:s, s:s, s:o*, s:o}", "token", token, "token_type", "Bearer",
                             "user", me, "notices", notices ? notices : json_array()));
    }
}

HANDLER(h_session_create)
{
    static const char *const fields[] = {"nip", "password", "cookie", NULL};
    struct berr err = {0};
    req->audit.action = "session.create";
    json_t *body = json_body(req, fields, false, &err);
    const char *nip, *password;
    char token[SESSION_TOKEN_LEN + 1];
    json_t *notices = NULL;
    int retry = 0;
    if (!body || !json_get_str(body, "nip", true, 18, &nip, &err)) {
        reply_berr(rep, &err);
        json_decref(body);
        return;
    }
    /* {"cookie": true}: the pages' session (web.h); a log-on from another
     * site's page is refused before any password is checked */
    json_t *c = json_object_get(body, "cookie");
    bool cookie = json_is_true(c);
    if (c && !json_is_boolean(c)) {
        berr_field(&err, BERR_BAD_INPUT, "cookie", "cookie harus true atau false");
        reply_berr(rep, &err);
        json_decref(body);
        return;
    }
    if (cookie && !web_csrf_check(app, req, &err)) {
        reply_problem(rep, 403, "csrf", "Forbidden", err.message, NULL);
        snprintf(req->audit.detail, sizeof req->audit.detail, "{\"refused\":\"csrf\"}");
        json_decref(body);
        return;
    }
    /* the password is taken as typed: no normalisation, no trimming */
    json_t *pw = json_object_get(body, "password");
    password = json_string_value(pw);
    if (!password || !*password) {
        berr_field(&err, BERR_BAD_INPUT, "password", "password wajib diisi (teks)");
        reply_berr(rep, &err);
    } else if (strlen(password) > 1024) {
        berr_field(&err, BERR_BAD_INPUT, "password", "password paling panjang 1024 byte");
        reply_berr(rep, &err);
    } else if (!app_login(app, nip, password, &req->actor, token, &notices, &retry, &req->audit,
                          &err)) {
        reply_login_refused(rep, &err, retry);
    } else {
        reply_session(app, req, rep, token, notices, cookie);
        sodium_memzero(token, sizeof token);
    }
    json_decref(body);
}

HANDLER(h_session_delete)
{
    struct berr err = {0};
    json_t *body = json_body(req, NULL, true, &err);
    if (body && app_logout(app, &req->actor, &req->audit, &err)) {
        rep->status = 204;
        rep->content_type = NULL;
        if (req->by_cookie)
            web_cookie_header(app, NULL, rep->set_cookie, sizeof rep->set_cookie);
    } else {
        reply_berr(rep, &err);
    }
    json_decref(body);
}

HANDLER(h_me)
{
    struct berr err = {0};
    reply_result(rep, 200, app_me(app, &req->actor, &err), &err);
}
