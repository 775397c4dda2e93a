/* api.c - see api.h. */
#include "api.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_BODY (64u * 1024u * 1024u)

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    struct api_response *r = userp;
    size_t n = size * nmemb;
    if (r->len + n > MAX_BODY)
        return 0;
    char *grown = realloc(r->body, r->len + n + 1);
    if (!grown)
        return 0;
    r->body = grown;
    memcpy(r->body + r->len, data, n);
    r->len += n;
    r->body[r->len] = '\0';
    return n;
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

bool api_get(const struct api_client *c, const char *path, struct api_response *out, char *errbuf,
             size_t errsz)
{
    memset(out, 0, sizeof *out);
    CURL *curl = curl_easy_init();
    if (!curl) {
        snprintf(errbuf, errsz, "cannot initialise libcurl");
        return false;
    }
    char url[2048];
    size_t blen = strlen(c->base);
    while (blen > 0 && c->base[blen - 1] == '/')
        blen--;
    snprintf(url, sizeof url, "%.*s%s", (int)blen, c->base, path);
    char cerr[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url);
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
    CURLcode rc = curl_easy_perform(curl);
    if (rc != CURLE_OK) {
        snprintf(errbuf, errsz, "cannot reach %.*s: %s", (int)blen, c->base,
                 cerr[0] ? cerr : curl_easy_strerror(rc));
        curl_easy_cleanup(curl);
        api_response_free(out);
        return false;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->status);
    curl_easy_cleanup(curl);
    if (!out->body) {
        out->body = calloc(1, 1);
        if (!out->body) {
            snprintf(errbuf, errsz, "out of memory");
            return false;
        }
    }
    return true;
}

json_t *api_json(const struct api_response *r)
{
    if (!r->body || r->len == 0)
        return NULL;
    return json_loadb(r->body, r->len, 0, NULL);
}

void api_problem_line(const struct api_response *r, char *out, size_t outsz)
{
    json_t *j = api_json(r);
    const char *title = j ? json_string_value(json_object_get(j, "title")) : NULL;
    const char *detail = j ? json_string_value(json_object_get(j, "detail")) : NULL;
    snprintf(out, outsz, "%ld %s%s%s", r->status, title ? title : "error", detail ? ": " : "",
             detail ? detail : "");
    for (char *p = out; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    json_decref(j);
}

void api_response_free(struct api_response *r)
{
    free(r->body);
    r->body = NULL;
    r->len = 0;
}
