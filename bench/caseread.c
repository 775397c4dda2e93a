/*
 * caseread.c - bench_caseread: how fast berkasd answers GET /api/v1/cases/{id}, the read of one
 * case's page (the web case page and the CLI's case show and history read it).
 *
 * One client (one libcurl handle, so one keep-alive connection) logs on ONCE as the demo
 * investigator, or uses a session's token (-t; -L logs on and prints one), so that the argon2
 * log-on is not what is measured; it reads the case once to warm up (not
 * counted; -w), then -n times (default 20) in a row.  Printed: every answer's status, p50, p99 and
 * max latency, and the answer's size in bytes (the last one's).  Figures are printed, never
 * asserted; exit 0 after a run whose every answer was 200, 1 otherwise or when the log-on failed,
 * 2 on bad usage.  The last line, "RESULT key=value ...", is for bench/caseread.
 */
#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_URL      "http://127.0.0.1:8080"
#define DEFAULT_NIP      "198811112010121001" /* investigator, KANIM-PLG (server/app/demo.c) */
#define DEFAULT_PASSWORD "demo-berkas-2026"   /* DEMO_PASSWORD, server/app/demo.h */
#define MAX_COUNT        10000

struct buf {
    char *data;
    size_t len, cap;
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    struct buf *b = ud;
    size_t k = size * n;
    if (b->len + k + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (cap < b->len + k + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown)
            return 0; /* curl reports a write error */
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, k);
    b->len += k;
    b->data[b->len] = '\0';
    return k;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* GET (body NULL) or POST body to url + path with headers; the HTTP status, 0 without answer */
static long request(CURL *c, const char *url, const char *path, const char *body,
                    struct curl_slist *headers, struct buf *resp)
{
    char full[512];
    snprintf(full, sizeof full, "%s%s", url, path);
    resp->len = 0;
    if (resp->data)
        resp->data[0] = '\0';
    curl_easy_setopt(c, CURLOPT_URL, full);
    if (body)
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    else
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (curl_easy_perform(c) != CURLE_OK)
        return 0;
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(const double *v, int n, double p)
{
    return n ? v[(int)(p / 100.0 * (double)(n - 1) + 0.5)] : 0;
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: bench_caseread -C CASE [-s URL] [-n COUNT] [-w WARMUP] [-t TOKEN | -u NIP "
               "-p PASSWORD]\n"
               "       bench_caseread -L [-s URL] [-u NIP] [-p PASSWORD]\n"
               "Read GET /api/v1/cases/CASE COUNT times (default 20) after WARMUP reads (default\n"
               "1) not counted, logged on as NIP or with the session TOKEN; -L: log on, print the\n"
               "token and stop.\n");
}

/* log on as nip; the Authorization header list (and the token on stdout when print), NULL on
 * failure (reported) */
static struct curl_slist *log_on(CURL *c, const char *url, const char *nip, const char *password,
                                 struct buf *resp, bool print)
{
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    json_t *req = json_pack("{s:s, s:s}", "nip", nip, "password", password);
    char *body = req ? json_dumps(req, JSON_COMPACT) : NULL;
    json_decref(req);
    long st = body && h ? request(c, url, "/api/v1/sessions", body, h, resp) : 0;
    free(body);
    curl_slist_free_all(h);
    json_t *j = st == 201 || st == 200 ? json_loads(resp->data, 0, NULL) : NULL;
    const char *token = json_string_value(json_object_get(j, "token"));
    struct curl_slist *auth = NULL;
    if (token) {
        char line[256];
        snprintf(line, sizeof line, "Authorization: Bearer %s", token);
        auth = curl_slist_append(NULL, line);
        if (print)
            printf("%s\n", token);
    }
    json_decref(j);
    if (!auth)
        fprintf(stderr, "bench_caseread: log-on: HTTP %ld %.200s\n", st,
                resp->data ? resp->data : "");
    return auth;
}

int main(int argc, char **argv)
{
    const char *url = DEFAULT_URL, *nip = DEFAULT_NIP, *password = DEFAULT_PASSWORD;
    long long case_id = 0;
    const char *token = NULL;
    bool print_token = false;
    int count = 20, warmup = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-L") == 0) {
            print_token = true;
            continue;
        }
        if (!v) {
            usage(stderr);
            return 2;
        }
        if (strcmp(a, "-s") == 0)
            url = v;
        else if (strcmp(a, "-u") == 0)
            nip = v;
        else if (strcmp(a, "-p") == 0)
            password = v;
        else if (strcmp(a, "-t") == 0)
            token = v;
        else if (strcmp(a, "-C") == 0)
            case_id = strtoll(v, NULL, 10);
        else if (strcmp(a, "-n") == 0)
            count = atoi(v);
        else if (strcmp(a, "-w") == 0)
            warmup = atoi(v);
        else {
            usage(stderr);
            return 2;
        }
        i++;
    }
    if ((case_id <= 0 && !print_token) || count < 1 || count > MAX_COUNT || warmup < 0 ||
        warmup > MAX_COUNT) {
        usage(stderr);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *c = curl_easy_init();
    struct buf resp = {0};
    char err[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &resp);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    struct curl_slist *auth = NULL;
    if (token) {
        char line[256];
        snprintf(line, sizeof line, "Authorization: Bearer %s", token);
        auth = curl_slist_append(NULL, line);
    } else {
        auth = log_on(c, url, nip, password, &resp, print_token);
    }
    if (!auth)
        return 1;
    if (print_token)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", case_id);
    long st = 200;
    for (int i = 0; st == 200 && i < warmup; i++)
        st = request(c, url, path, NULL, auth, &resp);
    double *ms = calloc((size_t)count, sizeof *ms);
    int ok = 0;
    for (int i = 0; ms && st == 200 && i < count; i++) {
        double t0 = now_s();
        st = request(c, url, path, NULL, auth, &resp);
        ms[i] = (now_s() - t0) * 1000.0;
        ok += st == 200;
    }
    if (ok != count) {
        fprintf(stderr, "bench_caseread: GET %s: HTTP %ld %.200s%.200s\n", path, st, err,
                resp.data ? resp.data : "");
        return 1;
    }
    qsort(ms, (size_t)count, sizeof *ms, cmp_dbl);
    printf("GET %s x %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %zu bytes\n", path, count,
           pct(ms, count, 50), pct(ms, count, 99), ms[count - 1], resp.len);
    printf("RESULT case_id=%lld count=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f bytes=%zu\n", case_id,
           count, pct(ms, count, 50), pct(ms, count, 99), ms[count - 1], resp.len);
    free(ms);
    free(resp.data);
    curl_slist_free_all(auth);
    curl_easy_cleanup(c);
    curl_global_cleanup();
    return 0;
}
