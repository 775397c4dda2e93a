/* h_forms.c - forms (drafts and issuing), issued documents, the dossier, and
 * the public verification page. */
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/app.h"
#include "app/identity.h"
#include "handlers.h"
#include "app/dossier.h"
#include "app/forms.h"
#include "app/stale.h"
#include "app/uploads.h"

static void reply_pdf(struct http_reply *rep, unsigned char *pdf, size_t len, const char *filename)
{
    free(rep->body);
    rep->status = 200;
    rep->content_type = "application/pdf";
    rep->body = (char *)pdf;
    rep->len = len;
    /* a server-chosen name: never anything the client sent; inline, so
     * that a page's link opens the PDF in the browser (saving keeps the name) */
    snprintf(rep->disposition, sizeof rep->disposition, "inline; filename=\"%s\"", filename);
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    (void)kind;
    if (key && value)
        json_object_set_new(cls, key, json_string(value));
    return MHD_YES;
}

HANDLER(h_forms_list)
{
    (void)req;
    struct berr err = {0};
    reply_result(rep, 200, app_forms_list(app, &err), &err);
}

HANDLER(h_form_draft)
{
    struct berr err = {0};
    req->audit.action = "form.draft";
    long long id;
    if (!path_id(req->params[0], "id", &id, &err)) {
        reply_berr(rep, &err);
        return;
    }
    json_t *params = json_object();
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, collect_arg, params);
    unsigned char *pdf = NULL;
    size_t len = 0;
    if (app_form_draft(app, &req->actor, id, req->params[1], params, &pdf, &len, &req->audit,
                       &err)) {
        char name[128];
        snprintf(name, sizeof name, "draft-%lld-%.60s.pdf", id, req->params[1]);
        for (char *p = name; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
                *p = '_';
        reply_pdf(rep, pdf, len, name);
    } else {
        reply_berr(rep, &err);
    }
    json_decref(params);
}

HANDLER(h_form_issue)
{
    static const char *const fields[] = {"params", "event", NULL};
    struct berr err = {0};
    req->audit.action = "form.issue";
    long long id;
    json_t *body = NULL, *doc = NULL;
    bool ok = path_id(req->params[0], "id", &id, &err) &&
              (body = json_body(req, fields, true, &err)) != NULL;
    json_t *params = body ? json_object_get(body, "params") : NULL;
    if (ok && params && !json_is_object(params))
        ok = berr_field(&err, BERR_BAD_INPUT, "params", "params harus objek teks");
    /* the act the document is for (its id, as GET /cases/{id} lists them) */
    json_t *ev = body ? json_object_get(body, "event") : NULL;
    if (ok && ev && (!json_is_integer(ev) || json_integer_value(ev) <= 0))
        ok = berr_field(&err, BERR_BAD_INPUT, "event", "event harus id peristiwa (bilangan > 0)");
    if (ok) {
        json_t *p = params ? json_deep_copy(params) : json_object();
        ok = app_form_issue(app, &req->actor, id, req->params[1],
                            ev ? (long long)json_integer_value(ev) : 0, p, &doc, &req->audit, &err);
        json_decref(p);
    }
    if (ok) {
        snprintf(rep->location_buf, sizeof rep->location_buf, "/api/v1/documents/%lld.pdf",
                 (long long)json_integer_value(json_object_get(doc, "id")));
        reply_json(rep, 201, doc);
        rep->location = rep->location_buf;
    } else {
        reply_berr(rep, &err);
    }
    json_decref(body);
}

HANDLER(h_documents_list)
{
    struct berr err = {0};
    long long id;
    json_t *j = path_id(req->params[0], "id", &id, &err)
                    ? app_documents_list(app, &req->actor, id, &req->audit, &err)
                    : NULL;
    reply_result(rep, 200, j, &err);
}

HANDLER(h_document_revoke)
{
    static const char *const fields[] = {"note", NULL};
    struct berr err = {0};
    req->audit.action = "document.revoke";
    long long id;
    const char *note = NULL;
    json_t *body = NULL, *out = NULL;
    bool ok = path_id(req->params[0], "id", &id, &err) &&
              (body = json_body(req, fields, false, &err)) != NULL &&
              json_get_str(body, "note", true, 1000, &note, &err) &&
              app_document_revoke(app, &req->actor, id, note, &out, &req->audit, &err);
    reply_result(rep, 200, ok ? out : NULL, &err);
    json_decref(body);
}

HANDLER(h_document_reissue)
{
    static const char *const fields[] = {"note", NULL};
    struct berr err = {0};
    req->audit.action = "document.reissue";
    long long id;
    const char *note = NULL;
    json_t *body = NULL, *out = NULL;
    bool ok = path_id(req->params[0], "id", &id, &err) &&
              (body = json_body(req, fields, false, &err)) != NULL &&
              json_get_str(body, "note", true, 1000, &note, &err) &&
              app_document_reissue(app, &req->actor, id, note, &out, &req->audit, &err);
    reply_result(rep, 201, ok ? out : NULL, &err);
    json_decref(body);
}

HANDLER(h_document_pdf)
{
    struct berr err = {0};
    req->audit.action = "document.read";
    long long id;
    unsigned char *pdf = NULL;
    size_t len = 0;
    if (path_id(req->params[0], "id", &id, &err) &&
        app_document_pdf(app, &req->actor, id, &pdf, &len, &req->audit, &err)) {
        char name[64];
        snprintf(name, sizeof name, "dokumen-%lld.pdf", id);
        reply_pdf(rep, pdf, len, name);
    } else {
        reply_berr(rep, &err);
    }
}

HANDLER(h_dossier)
{
    struct berr err = {0};
    req->audit.action = "dossier.read";
    long long id;
    unsigned char *pdf = NULL;
    size_t len = 0;
    json_t *missing = NULL;
    if (path_id(req->params[0], "id", &id, &err) &&
        app_dossier(app, &req->actor, id, &pdf, &len, &missing, &req->audit, &err)) {
        char name[64];
        snprintf(name, sizeof name, "berkas-perkara-%lld.pdf", id);
        reply_pdf(rep, pdf, len, name);
    } else {
        reply_berr(rep, &err);
        if (missing) {
            json_t *j = json_loadb(rep->body, rep->len, 0, NULL);
            if (j) {
                json_object_set(j, "missing", missing);
                unsigned status = rep->status;
                reply_json(rep, status, j);
                rep->content_type = "application/problem+json";
            }
        }
    }
    json_decref(missing);
}

/* Escape text for HTML. */
static void html_text(char *out, size_t outsz, const char *s)
{
    size_t n = 0;
    for (; *s && n + 7 < outsz; s++) {
        const char *rep = *s == '<'   ? "&lt;"
                          : *s == '>' ? "&gt;"
                          : *s == '&' ? "&amp;"
                          : *s == '"' ? "&quot;"
                                      : NULL;
        if (rep) {
            size_t k = strlen(rep);
            memcpy(out + n, rep, k);
            n += k;
        } else {
            out[n++] = *s;
        }
    }
    out[n] = '\0';
}

HANDLER(h_verify_page)
{
    struct berr err = {0};
    /* public, so rate-limited per address and audited: whether it was found,
     * never the code or what it stands for (issue 9.10) */
    req->audit.action = "document.verify";
    int retry = 0;
    if (!app_verify_throttle(app, req->actor.client_addr, &retry)) {
        snprintf(req->audit.detail, sizeof req->audit.detail, "{\"throttled\":true}");
        reply_problem(rep, 429, "too-many-requests", "Too Many Requests",
                      "terlalu banyak pemeriksaan dari alamat ini; coba lagi nanti", NULL);
        rep->retry_after = retry;
        return;
    }
    json_t *j = app_verify_document(app, req->params[0], &err);
    snprintf(req->audit.detail, sizeof req->audit.detail, "{\"found\":%s,\"revoked\":%s}",
             j ? "true" : "false",
             j && json_is_true(json_object_get(j, "revoked")) ? "true" : "false");
    const char *accept = http_header(req, "Accept");
    if (accept && strstr(accept, "application/json")) {
        reply_result(rep, 200, j, &err);
        return;
    }
    char body[4096], title[512], number[400], office[512];
    if (!j) {
        if (err.kind != BERR_NOT_FOUND) {
            reply_berr(rep, &err);
            return;
        }
        snprintf(body, sizeof body,
                 "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Verifikasi "
                 "dokumen</title></head><body><h1>Dokumen tidak dikenal</h1><p>Kode verifikasi "
                 "ini tidak tercatat di berkas. Dokumen yang memuatnya tidak dapat dianggap "
                 "asli.</p></body></html>");
        reply_text(rep, 404, "text/html", body);
        return;
    }
    html_text(title, sizeof title, json_string_value(json_object_get(j, "title")));
    html_text(number, sizeof number, json_string_value(json_object_get(j, "number")));
    html_text(office, sizeof office, json_string_value(json_object_get(j, "office")));
    bool revoked = json_is_true(json_object_get(j, "revoked"));
    snprintf(body, sizeof body,
             "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Verifikasi "
             "dokumen</title></head><body><h1>%s</h1><table>"
             "<tr><th>Jenis dokumen</th><td>%s</td></tr><tr><th>Nomor</th><td>%s</td></tr>"
             "<tr><th>Tanggal</th><td>%s</td></tr><tr><th>Diterbitkan</th><td>%s%s</td></tr>"
             "<tr><th>Kantor</th><td>%s</td></tr>"
             "<tr><th>Kode</th><td>%s</td></tr></table><p>%s</p></body></html>",
             revoked ? "Dokumen asli, tetapi telah DICABUT" : "Dokumen asli dan berlaku", title,
             number, json_string_value(json_object_get(j, "issued_on")),
             json_string_value(json_object_get(j, "entered_on")),
             /* DOMAIN 12: dated by its act, marked as entered late */
             json_is_true(json_object_get(j, "late"))
                 ? " (terlambat; bertanggal menurut tindakannya)"
                 : "",
             office, json_string_value(json_object_get(j, "code")),
             revoked ? "Dokumen ini pernah diterbitkan oleh kantor tersebut, tetapi telah dicabut."
                     : "Dokumen dengan kode ini diterbitkan oleh kantor tersebut dan tidak "
                       "dicabut. Bandingkan nomor dan tanggalnya dengan dokumen di tangan Anda.");
    reply_text(rep, 200, "text/html", body);
    json_decref(j);
}

/* ---- uploads (issue 8.3) ----------------------------------------------------------------- */

/* POST /cases/{id}/uploads?event=ID|document=ID&title=...&number=...&dated=...
 * with the PDF itself as the body (Content-Type: application/pdf). */
HANDLER(h_upload_add)
{
    struct berr err = {0};
    req->audit.action = "upload.add";
    long long id;
    json_t *q = json_object(), *out = NULL;
    struct upload_input in = {.pdf = (const unsigned char *)req->body, .len = req->body_len};
    MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, collect_arg, q);
    const char *ct = http_header(req, "Content-Type");
    const char *ev = json_string_value(json_object_get(q, "event"));
    const char *doc = json_string_value(json_object_get(q, "document"));
    const char *key;
    json_t *v;
    bool ok = path_id(req->params[0], "id", &id, &err);
    json_object_foreach(q, key, v)
    {
        if (ok && strcmp(key, "event") != 0 && strcmp(key, "document") != 0 &&
            strcmp(key, "title") != 0 && strcmp(key, "number") != 0 && strcmp(key, "dated") != 0)
            ok = berr_field(&err, BERR_BAD_INPUT, key, "parameter %.40s tidak dikenal", key);
    }
    req->audit.object_type = "case";
    req->audit.object_id = ok ? id : 0;
    if (ok && (!ct || strncasecmp(ct, "application/pdf", 15) != 0))
        ok = berr_field(&err, BERR_BAD_INPUT, "Content-Type", "Content-Type harus application/pdf");
    ok = ok && (!ev || path_id(ev, "event", &in.event_id, &err)) &&
         (!doc || path_id(doc, "document", &in.document_id, &err)) &&
         json_get_str(q, "title", true, 200, &in.title, &err) &&
         json_get_str(q, "number", false, 160, &in.number, &err) &&
         json_get_str(q, "dated", false, 10, &in.dated, &err) &&
         app_upload_add(app, &req->actor, id, &in, &out, &req->audit, &err);
    if (ok) {
        snprintf(rep->location_buf, sizeof rep->location_buf, "/api/v1/uploads/%lld.pdf",
                 (long long)json_integer_value(json_object_get(out, "id")));
        reply_json(rep, 201, out);
        rep->location = rep->location_buf;
    } else {
        reply_berr(rep, &err);
    }
    json_decref(q);
}

HANDLER(h_upload_pdf)
{
    struct berr err = {0};
    req->audit.action = "upload.read";
    long long id;
    unsigned char *pdf = NULL;
    size_t len = 0;
    if (path_id(req->params[0], "id", &id, &err) &&
        app_upload_pdf(app, &req->actor, id, &pdf, &len, &req->audit, &err)) {
        char name[64];
        snprintf(name, sizeof name, "lampiran-%lld.pdf", id);
        reply_pdf(rep, pdf, len, name);
        /* not inline as the papers berkas makes: a PDF from outside, checked but not ours, is
         * handed over as a file to save, never shown by the browser as a page of berkas */
        snprintf(rep->disposition, sizeof rep->disposition, "attachment; filename=\"%s\"", name);
    } else {
        reply_berr(rep, &err);
    }
}
