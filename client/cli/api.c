/* api.c - see api.h. */
#include "api.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"

#define MAX_BODY ((size_t)64 * 1024 * 1024)

void api_wipe(void *p, size_t n)
{
    sodium_memzero(p, n);
}

void api_wipe_json_string(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (json_is_string(v))
        api_wipe((char *)json_string_value(v), json_string_length(v));
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    struct api_response *r = userp;
    size_t n = size * nmemb;
    if (n > MAX_BODY - r->raw.len)
        return 0;
    /* secret: a reply may hold a token, so the blocks it grows out of are
     * wiped, never left to realloc */
    r->raw.secret = true;
    return buf_append(&r->raw, data, n) ? n : 0;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userp)
{
    struct api_response *r = userp;
    size_t n = size * nmemb;
    static const char key[] = "content-type:";
    if (n > sizeof key && strncasecmp(data, key, sizeof key - 1) == 0) {
        const char *v = data + sizeof key - 1;
        while (*v == ' ')
            v++;
        size_t len = strcspn(v, "\r\n");
        if (len >= sizeof r->content_type)
            len = sizeof r->content_type - 1;
        memcpy(r->content_type, v, len);
        r->content_type[len] = '\0';
    }
    return n;
}

#define ACCEPT_JSON "application/json"

/* The request headers: what we accept, the body's type, the caller's
 * extras, the bearer token. */
static struct curl_slist *request_headers(const struct api_client *c, const char *content_type,
                                          const char *accept, const char *const extra[])
{
    char line[128];
    int len = snprintf(line, sizeof line, "Accept: %s, application/problem+json", accept);
    if (len < 0 || (size_t)len >= sizeof line)
        return NULL;
    struct curl_slist *h = curl_slist_append(NULL, line);
    /* without a body, no Content-Type (curl would claim a form for POST) */
    char ct[128];
    snprintf(ct, sizeof ct, "Content-Type:%s%s", content_type ? " " : "",
             content_type ? content_type : "");
    if (h)
        h = curl_slist_append(h, ct);
    for (size_t i = 0; h && extra && extra[i]; i++) {
        struct curl_slist *t = curl_slist_append(h, extra[i]);
        if (!t)
            curl_slist_free_all(h);
        h = t;
    }
    if (h && c->token) {
        char auth[512];
        int n = snprintf(auth, sizeof auth, "Authorization: Bearer %s", c->token);
        if (n < 0 || (size_t)n >= sizeof auth) {
            curl_slist_free_all(h);
            return NULL;
        }
        struct curl_slist *t = curl_slist_append(h, auth);
        api_wipe(auth, sizeof auth);
        if (!t)
            curl_slist_free_all(h);
        h = t;
    }
    return h;
}

static void set_method(CURL *curl, const char *method, const char *body, size_t len)
{
    if (strcmp(method, "GET") == 0 && !body)
        return;
    if (strcmp(method, "POST") != 0)
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    if (body || strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body ? body : "");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    }
}

bool api_request(const struct api_client *c, const char *method, const char *path,
                 const json_t *body, struct api_response *out, char *errbuf, size_t errsz)
{
    return api_request_with(c, method, path, body, NULL, out, errbuf, errsz);
}

/* One request: text (len bytes, may be NULL) sent as content_type, the
 * reply accepted as accept. */
/* What every request shares: the answer's body and headers into out,
 * curl's message into cerr, the time limits, the protocols, and the TLS
 * settings of the client. */
static void set_transfer(CURL *curl, const struct api_client *c, struct api_response *out,
                         char *cerr)
{
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, out);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, cerr);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "berkas-cli");
    /* https: the server's certificate is verified (libcurl's default), with
     * the CA file given, else the system's; only --insecure turns it off */
    if (c->cacert)
        curl_easy_setopt(curl, CURLOPT_CAINFO, c->cacert);
    if (c->insecure) {
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
}

static bool perform_bytes(const struct api_client *c, const char *method, const char *path,
                          const char *text, size_t text_len, const char *content_type,
                          const char *accept, const char *const headers_in[],
                          struct api_response *out, char *errbuf, size_t errsz)
{
    memset(out, 0, sizeof *out);
    CURL *curl = curl_easy_init();
    struct curl_slist *headers =
        curl ? request_headers(c, text ? content_type : NULL, accept, headers_in) : NULL;
    if (!curl || !headers) {
        snprintf(errbuf, errsz, "tidak dapat menyiapkan permintaan (memori habis?)");
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
        return false;
    }
    char url[2048];
    size_t blen = strlen(c->base);
    while (blen > 0 && c->base[blen - 1] == '/')
        blen--;
    snprintf(url, sizeof url, "%.*s%s", (int)blen, c->base, path);
    char cerr[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url);
    set_method(curl, method, text, text_len);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    set_transfer(curl, c, out, cerr);
    CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->status);
    curl_easy_cleanup(curl);
    curl_slist_free_all(headers);
    if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE) {
        snprintf(errbuf, errsz,
                 "sertifikat %.*s tidak dapat diverifikasi (%s); beri CA server dengan --cacert "
                 "FILE atau BERKAS_CACERT",
                 (int)blen, c->base, cerr[0] ? cerr : curl_easy_strerror(rc));
        api_response_free(out);
        return false;
    }
    if (rc != CURLE_OK) {
        snprintf(errbuf, errsz, "tidak dapat menghubungi %.*s: %s", (int)blen, c->base,
                 cerr[0] ? cerr : curl_easy_strerror(rc));
        api_response_free(out);
        return false;
    }
    out->body = buf_take(&out->raw, &out->len);
    if (!out->body) {
        snprintf(errbuf, errsz, "memori habis");
        api_response_free(out);
        return false;
    }
    return true;
}

/* One request: the body sent as JSON (wiped after), the reply accepted as accept. */
static bool perform(const struct api_client *c, const char *method, const char *path,
                    const json_t *body, const char *accept, const char *const headers_in[],
                    struct api_response *out, char *errbuf, size_t errsz)
{
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    size_t text_len = text ? strlen(text) : 0;
    if (body && !text) {
        memset(out, 0, sizeof *out);
        snprintf(errbuf, errsz, "tidak dapat menyiapkan permintaan (memori habis?)");
        return false;
    }
    bool ok = perform_bytes(c, method, path, text, text_len, "application/json", accept, headers_in,
                            out, errbuf, errsz);
    if (text) {
        api_wipe(text, text_len);
        free(text);
    }
    return ok;
}

bool api_upload(const struct api_client *c, const char *path, const void *bytes, size_t len,
                const char *content_type, struct api_response *out, char *errbuf, size_t errsz)
{
    return perform_bytes(c, "POST", path, bytes, len, content_type, ACCEPT_JSON, NULL, out, errbuf,
                         errsz);
}

bool api_request_with(const struct api_client *c, const char *method, const char *path,
                      const json_t *body, const char *const headers_in[], struct api_response *out,
                      char *errbuf, size_t errsz)
{
    return perform(c, method, path, body, ACCEPT_JSON, headers_in, out, errbuf, errsz);
}

bool api_download(const struct api_client *c, const char *path, const char *accept,
                  struct api_response *out, char *errbuf, size_t errsz)
{
    return perform(c, "GET", path, NULL, accept, NULL, out, errbuf, errsz);
}

bool api_get(const struct api_client *c, const char *path, struct api_response *out, char *errbuf,
             size_t errsz)
{
    return api_request(c, "GET", path, NULL, out, errbuf, errsz);
}

json_t *api_json(const struct api_response *r)
{
    if (!r->body || r->len == 0)
        return NULL;
    return json_loadb(r->body, r->len, 0, NULL);
}

/* Append " (label: a, b, c)" for the array j.name of strings, if any. */
static void append_list(char *out, size_t outsz, const json_t *j, const char *name,
                        const char *label)
{
    const json_t *a = json_object_get(j, name);
    if (!json_is_array(a) || json_array_size(a) == 0)
        return;
    size_t len = strlen(out);
    snprintf(out + len, outsz - len, " (%s: ", label);
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(a); i++) {
        const char *v = json_string_value(json_array_get(a, i));
        if (v && strchr(v, ' ')) /* a sentence: one line of its own (api_problem_gaps) */
            continue;
        len = strlen(out);
        snprintf(out + len, outsz - len, "%s%s", n++ ? ", " : "", v ? v : "?");
    }
    if (n == 0) { /* only sentences: no list on this line */
        char *open = strrchr(out, '(');
        if (open && open > out)
            open[-1] = '\0';
        return;
    }
    len = strlen(out);
    snprintf(out + len, outsz - len, ")");
}

/* " (cara: catat ...; ...)": the server's how-to for each missing fact. */
static void append_hints(char *out, size_t outsz, const json_t *j)
{
    const json_t *a = json_object_get(j, "hints");
    if (!json_is_array(a) || json_array_size(a) == 0)
        return;
    size_t len = strlen(out);
    snprintf(out + len, outsz - len, " (cara: ");
    for (size_t i = 0; i < json_array_size(a); i++) {
        const char *v = json_string_value(json_object_get(json_array_get(a, i), "how"));
        len = strlen(out);
        snprintf(out + len, outsz - len, "%s%s", i ? "; " : "", v ? v : "?");
    }
    len = strlen(out);
    snprintf(out + len, outsz - len, ")");
}

void api_problem_line(const struct api_response *r, char *out, size_t outsz)
{
    json_t *j = api_json(r);
    const char *title = j ? json_string_value(json_object_get(j, "title")) : NULL;
    const char *detail = j ? json_string_value(json_object_get(j, "detail")) : NULL;
    const char *field = j ? json_string_value(json_object_get(j, "field")) : NULL;
    snprintf(out, outsz, "%ld %s%s%s%s%s%s", r->status, title ? title : "error", detail ? ": " : "",
             detail ? detail : "", field ? " (isian: " : "", field ? field : "", field ? ")" : "");
    append_list(out, outsz, j, "allowed", "boleh");
    append_list(out, outsz, j, "missing", "kurang");
    append_hints(out, outsz, j);
    if (json_is_integer(json_object_get(j, "current_version"))) {
        size_t len = strlen(out);
        snprintf(out + len, outsz - len, " (versi sekarang: %lld)",
                 (long long)json_integer_value(json_object_get(j, "current_version")));
    }
    /* one line, and nothing a terminal would act on */
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    json_decref(j);
}

void api_problem_gaps(const struct api_response *r, FILE *out)
{
    json_t *j = api_json(r);
    const json_t *a = json_object_get(j, "missing");
    for (size_t i = 0; i < json_array_size(a); i++) {
        const char *v = json_string_value(json_array_get(a, i));
        if (!v || !strchr(v, ' '))
            continue;
        fputs("  - ", out);
        for (const char *p = v; *p; p++) /* one line, nothing a terminal acts on */
            fputc((unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p, out);
        fputc('\n', out);
    }
    json_decref(j);
}

bool api_escape(const char *s, char *out, size_t size)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        bool keep = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                    (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~';
        if (n + (keep ? 1 : 3) >= size)
            return false;
        if (keep) {
            out[n++] = (char)ch;
        } else {
            out[n++] = '%';
            out[n++] = hex[ch >> 4];
            out[n++] = hex[ch & 15];
        }
    }
    if (size == 0)
        return false;
    out[n] = '\0';
    return true;
}

void api_response_free(struct api_response *r)
{
    if (r->body)
        sodium_memzero(r->body, r->len);
    free(r->body);
    r->body = NULL;
    r->len = 0;
    buf_free(&r->raw); /* a reply cut off before its take: wiped (secret) */
}
