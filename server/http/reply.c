/* reply.c - building replies: JSON, text and RFC 9457 problems; see http.h. */
#include "http.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static void reply_set(struct http_reply *rep, unsigned status, const char *content_type, char *body,
                      size_t len)
{
    free(rep->body);
    rep->status = status;
    rep->content_type = content_type;
    rep->body = body;
    rep->len = len;
}

void reply_text(struct http_reply *rep, unsigned status, const char *content_type, const char *text)
{
    char *copy = strdup(text);
    reply_set(rep, copy ? status : 500, content_type, copy, copy ? strlen(copy) : 0);
}

void reply_json(struct http_reply *rep, unsigned status, json_t *json)
{
    json_t *j = json;
    char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!s) {
        reply_set(rep, 500, "application/problem+json",
                  strdup("{\"type\":\"urn:berkas:problem:internal\",\"title\":\"Internal "
                         "Server Error\",\"status\":500}"),
                  0);
        rep->len = rep->body ? strlen(rep->body) : 0;
        return;
    }
    reply_set(rep, status, "application/json", s, strlen(s));
}

void reply_json_text(struct http_reply *rep, unsigned status, char *text, size_t len)
{
    reply_set(rep, status, "application/json", text, len);
}

/* s as JSON text: its longest valid UTF-8 prefix.  A message cut at its buffer's end (berr's, or
 * a "%.60s" of a title in any script) may end inside a character, and jansson refuses such text
 * - the problem then went out with no detail at all (review2 F7). */
static json_t *text_prefix(const char *s)
{
    size_t n = strlen(s), ok = 0;
    while (ok < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + ok, (utf8proc_ssize_t)(n - ok), &c);
        if (k <= 0)
            break;
        ok += (size_t)k;
    }
    return json_stringn(s, ok);
}

void reply_problem(struct http_reply *rep, unsigned status, const char *type_name,
                   const char *title, const char *detail, const char *field)
{
    char type[96];
    snprintf(type, sizeof type, "urn:berkas:problem:%s", type_name);
    json_t *j = json_pack("{s:s, s:s, s:i}", "type", type, "title", title, "status", (int)status);
    if (j && detail && *detail)
        json_object_set_new(j, "detail", text_prefix(detail));
    if (j && field && *field)
        json_object_set_new(j, "field", text_prefix(field));
    reply_json(rep, status, j);
    rep->content_type = "application/problem+json";
}

unsigned http_status_of(enum berr_kind kind)
{
    switch (kind) {
    case BERR_NONE:
        return 200;
    case BERR_BAD_INPUT:
        return 400;
    case BERR_UNAUTHENTICATED:
        return 401;
    case BERR_FORBIDDEN:
        return 403;
    case BERR_NOT_FOUND:
        return 404;
    case BERR_CONFLICT:
        return 409;
    case BERR_TOO_LARGE:
        return 413;
    case BERR_UNPROCESSABLE:
        return 422;
    case BERR_UNAVAILABLE:
        return 503;
    case BERR_INTERNAL:
        return 500;
    }
    return 500;
}

static const char *title_of(unsigned status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 415:
        return "Unsupported Media Type";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Content";
    case 503:
        return "Service Unavailable";
    default:
        return "Internal Server Error";
    }
}

void reply_berr(struct http_reply *rep, const struct berr *err)
{
    unsigned status = http_status_of(err->kind);
    /* An internal error's message may name files or SQL: the log has it,
     * the client gets a generic sentence (ASVS V16 / CJIS SI-11). */
    const char *detail = status == 500 ? "Terjadi kesalahan di server." : err->message;
    if (status == 500) /* names what failed, never case data (see core/error.h) */
        fprintf(stderr, "berkasd: internal error: %s\n", err->message);
    reply_problem(rep, status, berr_kind_name(err->kind), title_of(status), detail, err->field);
    if (status == 503)
        rep->retry_after = 5;
    if (status == 401)
        rep->www_authenticate = true;
}
