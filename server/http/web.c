/* web.c - the pages' static files and cookie session; see web.h. */
#include "web.h"

#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app.h"
#include "core/mustcheck.h"

#define WEB_FILE_MAX (4u * 1024u * 1024u) /* a page's file; ours are a few KiB */

static bool served_over_tls(const struct app *app)
{
    return strncasecmp(app->public_url, "https://", 8) == 0;
}

const char *web_cookie_name(const struct app *app)
{
    return served_over_tls(app) ? WEB_COOKIE_SECURE : WEB_COOKIE_PLAIN;
}

void web_cookie_header(const struct app *app, const char *token, char *out, size_t outsz)
{
    snprintf(out, outsz, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", web_cookie_name(app),
             token ? token : "", served_over_tls(app) ? "; Secure" : "",
             token ? "" : "; Max-Age=0");
}

const char *web_cookie_token(const struct app *app, const struct http_request *req)
{
    const char *v = MHD_lookup_connection_value(req->conn, MHD_COOKIE_KIND, web_cookie_name(app));
    return v && *v ? v : NULL;
}

/* The length of "scheme://authority" at the start of url. */
static size_t origin_len(const char *url)
{
    const char *p = strstr(url, "://");
    if (!p)
        return 0;
    p += 3;
    return (size_t)(p - url) + strcspn(p, "/?#");
}

bool web_csrf_check(const struct app *app, const struct http_request *req, struct berr *err)
{
    const char *origin = http_header(req, "Origin");
    const char *token = http_header(req, WEB_CSRF_HEADER);
    bool same = false;
    if (origin) {
        size_t n = origin_len(app->public_url);
        size_t olen = strlen(origin);
        same = n > 0 && olen == n && strncasecmp(origin, app->public_url, n) == 0;
        /* the same scheme with the Host the browser was sent to: a cookie
         * is sent only to the host that set it, so a foreign page that
         * names a foreign Host here brings no cookie to use */
        const char *host = http_header(req, "Host");
        if (!same && host && *host) {
            const char *scheme = served_over_tls(app) ? "https://" : "http://";
            size_t sl = strlen(scheme);
            same = olen == sl + strlen(host) && strncasecmp(origin, scheme, sl) == 0 &&
                   strcasecmp(origin + sl, host) == 0;
        }
    }
    if (!same)
        return berr_field(err, BERR_FORBIDDEN, "csrf",
                          "Permintaan ditolak: asal (Origin) halaman tidak dikenal. Buka berkas "
                          "dari alamatnya sendiri.");
    if (!token || strcmp(token, "1") != 0)
        return berr_field(err, BERR_FORBIDDEN, "csrf",
                          "Permintaan ditolak: header " WEB_CSRF_HEADER " tidak ada.");
    return true;
}

/* ---- static files ---------------------------------------------------------------------- */

static const char *content_type_of(const char *name)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html"},      {".css", "text/css"},          {".js", "text/javascript"},
        {".mjs", "text/javascript"}, {".svg", "image/svg+xml"},     {".png", "image/png"},
        {".ico", "image/x-icon"},    {".json", "application/json"}, {".txt", "text/plain"},
        {".woff2", "font/woff2"},
    };
    const char *dot = strrchr(name, '.');
    if (!dot)
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return NULL;
}

/* "NAME" or "NAME/NAME": each a plain file name, no dot first. */
static bool plain_names(const char *rel)
{
    int segments = 0;
    const char *p = rel;
    while (*p) {
        size_t n = strcspn(p, "/");
        if (n == 0 || n > 64 || p[0] == '.' || ++segments > 2)
            return false;
        for (size_t i = 0; i < n; i++) {
            char c = p[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-' || c == '_'))
                return false;
        }
        p += n;
        if (*p == '/') {
            p++;
            if (!*p)
                return false;
        }
    }
    return segments > 0;
}

static void not_found(struct http_reply *rep)
{
    reply_problem(rep, 404, "not-found", "Not Found", "Alamat tidak dikenal.", NULL);
}

/* 304: the copy the client has is this one. */
static void reply_not_modified(struct http_reply *rep)
{
    free(rep->body);
    rep->body = NULL;
    rep->len = 0;
    rep->status = 304;
    rep->content_type = NULL;
}

/* The size bytes of the file open on fd, in a buffer of size + 1 the caller
 * frees; NULL when memory or the file gave out before size bytes. */
BERKAS_MUST_CHECK static char *read_whole(int fd, size_t size)
{
    char *body = malloc(size + 1);
    size_t got = 0;
    while (body && got < size) {
        ssize_t n = read(fd, body + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (body && got != size) {
        free(body);
        return NULL;
    }
    return body;
}

bool web_static(const char *dir, struct http_request *req, struct http_reply *rep)
{
    const char *path = req->path;
    const char *rel;
    if (strcmp(path, "/") == 0)
        rel = "index.html";
    else if (strncmp(path, "/web/", 5) == 0)
        rel = path + 5;
    else
        return false;
    if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
        reply_problem(rep, 405, "method-not-allowed", "Method Not Allowed",
                      "Metode ini tidak didukung untuk alamat ini.", NULL);
        snprintf(rep->allow, sizeof rep->allow, "GET, HEAD");
        return true;
    }
    const char *type = content_type_of(rel);
    char file[1024];
    if (!dir || !plain_names(rel) || !type ||
        (size_t)snprintf(file, sizeof file, "%s/%s", dir, rel) >= sizeof file) {
        not_found(rep);
        return true;
    }
    int fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > WEB_FILE_MAX) {
        if (fd >= 0)
            close(fd);
        not_found(rep);
        return true;
    }
    snprintf(rep->etag, sizeof rep->etag, "\"%llx-%llx\"", (unsigned long long)sb.st_size,
             (unsigned long long)sb.st_mtim.tv_sec * 1000000000ull +
                 (unsigned long long)sb.st_mtim.tv_nsec);
    rep->cache_control = "no-cache";
    const char *inm = http_header(req, "If-None-Match");
    if (inm && strstr(inm, rep->etag)) {
        close(fd);
        reply_not_modified(rep);
        return true;
    }
    size_t size = (size_t)sb.st_size;
    char *body = read_whole(fd, size);
    close(fd);
    if (!body) {
        reply_problem(rep, 500, "internal", "Internal Server Error", "Terjadi kesalahan di server.",
                      NULL);
        return true;
    }
    free(rep->body);
    rep->status = 200;
    rep->content_type = type;
    rep->body = body;
    rep->len = size;
    return true;
}
