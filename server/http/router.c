/* router.c - matching a request against the route table; see http.h. */
#include "http.h"

#include <stdio.h>
#include <string.h>

/* Match one pattern against path; fills req->params when req is non-NULL. */
static bool pattern_match(const char *pattern, const char *path, struct http_request *req)
{
    int nparams = 0;
    const char *p = pattern, *s = path;
    while (*p && *s) {
        if (*p == '{') {
            const char *close = strchr(p, '}');
            size_t seg = strcspn(s, "/");
            if (!close || seg == 0 || seg >= ROUTE_PARAM_MAX || nparams >= ROUTE_MAX_PARAMS)
                return false;
            /* a parameter ends at the next '/' or at a literal suffix ("{id}.xml") */
            const char *suffix = close + 1;
            size_t suffix_len = strcspn(suffix, "/{");
            if (suffix_len > 0) {
                if (seg <= suffix_len || strncmp(s + seg - suffix_len, suffix, suffix_len) != 0)
                    return false;
                seg -= suffix_len;
            }
            if (req) {
                memcpy(req->params[nparams], s, seg);
                req->params[nparams][seg] = '\0';
            }
            nparams++;
            s += seg;
            p = close + 1;
            continue;
        }
        if (*p != *s)
            return false;
        p++;
        s++;
    }
    if (*p || *s)
        return false;
    if (req)
        req->nparams = nparams;
    return true;
}

const struct route *router_match(const struct route *table, size_t n, const char *method,
                                 const char *path, struct http_request *req, char *allow,
                                 size_t allowsz)
{
    if (allow && allowsz)
        allow[0] = '\0';
    /* HEAD is answered like GET (libmicrohttpd drops the body) */
    const char *want = strcmp(method, "HEAD") == 0 ? "GET" : method;
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i].method, want) == 0 && pattern_match(table[i].pattern, path, NULL)) {
            pattern_match(table[i].pattern, path, req);
            return &table[i];
        }
    for (size_t i = 0; i < n; i++) {
        if (!pattern_match(table[i].pattern, path, NULL) || !allow)
            continue;
        if (strstr(allow, table[i].method))
            continue;
        size_t used = strlen(allow);
        snprintf(allow + used, allowsz - used, "%s%s", used ? ", " : "", table[i].method);
        if (strcmp(table[i].method, "GET") == 0 && !strstr(allow, "HEAD")) {
            used = strlen(allow);
            snprintf(allow + used, allowsz - used, ", HEAD");
        }
    }
    return NULL;
}
