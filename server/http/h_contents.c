/*
 * h_contents.c - what a BAP and a Resume say: GET and PUT of an act's
 * content (server/app/contents.c).
 *
 * The body is the content itself, a JSON object whose texts may run over
 * several lines: the edge lets newline and tab through, refuses every other
 * control character (naming where), and brings every text to Unicode NFC,
 * as json_in.c does for one-line members.  The shape is the use case's to
 * judge.
 */
#include <string.h>
#include <utf8proc.h>

#include "app/app.h"
#include "handlers.h"
#include "app/contents.h"

/* Every string inside v: no controls but \t and \n, NFC.  path names v. */
static bool clean_texts(json_t *v, const char *path, int depth, struct berr *err)
{
    if (depth > 4)
        return berr_field(err, BERR_BAD_INPUT, path, "%s bersarang terlalu dalam", path);
    if (json_is_object(v)) {
        const char *key;
        json_t *m;
        json_object_foreach(v, key, m)
        {
            char sub[64];
            snprintf(sub, sizeof sub, "%s%s%.40s", path, path[0] ? "." : "", key);
            if (!clean_texts(m, sub, depth + 1, err))
                return false;
        }
        return true;
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *m;
        json_array_foreach(v, i, m)
        {
            char sub[64];
            snprintf(sub, sizeof sub, "%.40s.%zu", path, i + 1);
            if (!clean_texts(m, sub, depth + 1, err))
                return false;
        }
        return true;
    }
    if (!json_is_string(v))
        return true;
    const char *s = json_string_value(v);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f ||
            (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
            return berr_field(err, BERR_BAD_INPUT, path, "%s memuat karakter kendali", path);
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
    if (!nfc)
        return berr_field(err, BERR_BAD_INPUT, path, "%s bukan UTF-8 yang sah", path);
    if (strcmp((const char *)nfc, s) != 0)
        json_string_set(v, (const char *)nfc);
    free(nfc);
    return true;
}

static void content_get(struct app *app, struct http_request *req, struct http_reply *rep, bool bap)
{
    struct berr err = {0};
    long long id, event;
    req->audit.action = "case.read";
    json_t *j = NULL;
    if (path_id(req->params[0], "id", &id, &err) && path_id(req->params[1], "event", &event, &err))
        j = bap ? app_bap_get(app, &req->actor, id, event, &req->audit, &err)
                : app_resume_get(app, &req->actor, id, event, &req->audit, &err);
    reply_result(rep, 200, j, &err);
}

static void content_put(struct app *app, struct http_request *req, struct http_reply *rep, bool bap)
{
    static const char *const any[] = {"*", NULL};
    struct berr err = {0};
    long long id = 0, event = 0;
    req->audit.action = bap ? "bap.write" : "resume.write";
    int version = http_if_match(req);
    json_t *body = NULL, *out = NULL;
    bool created = false;
    bool ok =
        path_id(req->params[0], "id", &id, &err) && path_id(req->params[1], "event", &event, &err);
    req->audit.object_type = "case";
    req->audit.object_id = ok ? id : 0;
    if (ok && version == -2)
        ok = berr_field(&err, BERR_BAD_INPUT, "If-Match", "If-Match harus versi isi, mis. \"2\"");
    ok = ok && (body = json_body(req, any, false, &err)) != NULL && clean_texts(body, "", 0, &err);
    ok = ok && (bap ? app_bap_put(app, &req->actor, id, event, body, version, &out, &created,
                                  &req->audit, &err)
                    : app_resume_put(app, &req->actor, id, event, body, version, &out, &created,
                                     &req->audit, &err));
    if (ok)
        reply_json(rep, created ? 201 : 200, out);
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_bap_get)
{
    content_get(app, req, rep, true);
}

HANDLER(h_resume_get)
{
    content_get(app, req, rep, false);
}

HANDLER(h_bap_put)
{
    content_put(app, req, rep, true);
}

HANDLER(h_resume_put)
{
    content_put(app, req, rep, false);
}
