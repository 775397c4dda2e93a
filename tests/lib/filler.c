/* filler.c - see filler.h. */
#include <check.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"

static json_t *get_view(int port, const char *token, const char *path)
{
    struct http_result r;
    ck_assert(api_call(port, "GET", path, token, NULL, &r));
    ck_assert_msg(r.status == 200, "GET %s: %ld %.300s", path, r.status, r.body);
    json_t *j = json_loads(r.body, 0, NULL);
    http_result_free(&r);
    ck_assert_ptr_nonnull(j);
    return j;
}

/* PUT content at path with the version the view had as If-Match. */
static void put_content(int port, const char *token, const char *path, json_t *view,
                        json_t *content)
{
    char url[256], auth[300], match[48];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    snprintf(match, sizeof match, "If-Match: \"%lld\"",
             (long long)json_integer_value(json_object_get(view, "version")));
    const char *h[] = {auth, "Content-Type: application/json", match, NULL};
    char *body = json_dumps(content, JSON_COMPACT);
    struct http_result r;
    ck_assert(http_do("PUT", url, body, strlen(body), h, &r));
    ck_assert_msg(r.status == 200 || r.status == 201, "PUT %s: %ld %.400s", path, r.status, r.body);
    json_t *j = json_loads(r.body, 0, NULL);
    ck_assert_msg(json_array_size(json_object_get(j, "missing")) == 0, "still missing: %.400s",
                  r.body);
    json_decref(j);
    http_result_free(&r);
    free(body);
}

void fill_bap(int port, const char *token, long long case_id, long long event)
{
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/%lld/bap", case_id, event);
    json_t *view = get_view(port, token, path);
    const char *kind = json_string_value(json_object_get(view, "bap"));
    json_t *c =
        json_pack("{s:[{s:s, s:s}, {s:s, s:s}]}", "questions", "question",
                  "Apakah Saudara dalam keadaan sehat jasmani dan rohani?", "answer",
                  "Ya, saya sehat.", "question", "Apa yang Saudara ketahui tentang perkara ini?",
                  "answer", "Saya mengetahui semuanya dan menerangkannya dengan sebenarnya.");
    if (kind && strcmp(kind, "tersangka") == 0) {
        json_object_set_new(c, "counsel_informed", json_true());
        json_object_set_new(
            c, "counsel",
            json_pack("{s:s, s:s}", "status", "present", "name", "Penasihat Hukum Uji, S.H."));
    }
    if (kind && strcmp(kind, "ahli") == 0) {
        json_object_set_new(c, "oath", json_string("sumpah"));
        json_object_set_new(c, "expertise", json_string("Hukum Keimigrasian"));
    }
    put_content(port, token, path, view, c);
    json_decref(c);
    json_decref(view);
}

void fill_resume(int port, const char *token, long long case_id, long long event)
{
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/%lld/resume", case_id, event);
    json_t *view = get_view(port, token, path);
    json_t *analysis = json_array();
    size_t i, k;
    json_t *ch, *e;
    json_array_foreach(json_object_get(view, "charges"), i, ch)
    {
        json_array_foreach(json_object_get(ch, "elements"), k, e)
        {
            json_array_append_new(analysis, json_pack("{s:O, s:O, s:s}", "charge",
                                                      json_object_get(ch, "charge"), "element",
                                                      json_object_get(e, "no"), "text",
                                                      "Fakta-fakta di atas memenuhi unsur ini."));
        }
    }
    json_t *c = json_pack("{s:s, s:[s], s:o, s:s}", "summary", "Uraian singkat perkara uji.",
                          "facts", "Bahwa tersangka adalah orang asing.", "analysis", analysis,
                          "conclusion", "Seluruh unsur terpenuhi.");
    put_content(port, token, path, view, c);
    json_decref(c);
    json_decref(view);
}

char *fill_document_text(int port, const char *token, long long id)
{
    char route[96];
    snprintf(route, sizeof route, "/api/v1/documents/%lld.pdf", id);
    return fill_pdf_text(port, token, route);
}

char *fill_pdf_text(int port, const char *token, const char *route)
{
    char *dir = harness_mkdtemp("filler-pdf");
    char path[512], url[300], auth[300];
    snprintf(path, sizeof path, "%s/d.pdf", dir);
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, route);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    const char *h[] = {auth, NULL};
    struct http_result r;
    ck_assert(http_do("GET", url, NULL, 0, h, &r));
    ck_assert_msg(r.status == 200, "GET %s: %ld", url, r.status);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(r.body, 1, r.len, f), r.len);
    fclose(f);
    http_result_free(&r);
    char *argv[] = {"/usr/bin/pdftotext", "-q", path, "-", NULL}, *out = NULL;
    ck_assert_int_eq(run_capture(argv, 30000, &out), 0);
    char *w = out;
    bool space = false;
    for (char *p = out; *p; p++) {
        bool ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\f' || *p == '\r';
        if (ws && !space && w != out)
            *w++ = ' ';
        else if (!ws)
            *w++ = *p;
        space = ws;
    }
    *w = '\0';
    free(dir);
    return out;
}
