/*
 * lists.c - bench_lists: how fast a supervisor's review list comes at
 * national scale (issue 10), beside the floor of counting the same rows.
 *
 *   bench_lists -s URL -d CONNINFO [-n RUNS] [-c COUNT_RUNS] [-w WARMUP] [-p PASSWORD]
 *
 * Three supervisors of berkasd's demo log on once each: Ditjen's (the
 * national list), Kanwil Sumatera Selatan's and Kantor Imigrasi Palembang's.
 * For each, over one keep-alive connection, RUNS times (default 200, after
 * WARMUP unmeasured ones, default 10):
 *   first  GET /api/v1/review?limit=50                  the page a supervisor opens
 *   deep   GET /api/v1/review?limit=50&cursor=C         C is the key of the row 90 % down
 *                                                       the list, so the page starts there
 *   floor  SELECT count(*) FROM app.case_summaries s    the same rows the list pages
 *          WHERE s.<reach> = $1 AND s.next_due_at IS NOT NULL     through, counted (libpq, as
 *                                                       the cluster's superuser)
 * then the same two pages narrowed by each filter a supervisor uses
 *   &office=KANIM-PLG (national and Kanwil lists), &reason=stall,
 *   &actor=prosecutor, &stage=investigation
 * (the deep page's cursor is the unfiltered one: a key, so it is valid in any
 * filtered list), and COUNT_RUNS times (-c, default 20: it reads the whole
 * subtree) for the national supervisor GET /api/v1/review/offices (the counts
 * per office of the subtree).  The reach column is the one app/review.c's
 * reach_of picks for the supervisor's office depth.
 *
 * Prints p50, p95 and max in milliseconds beside the goals (p95 of
 * the national list <= 50 ms, a Kanwil's <= 20 ms, an office's <= 10 ms);
 * never asserts them.  Exit 0 after a run, 1 when it could not be set up,
 * 2 on bad usage.  The last lines, "RESULT ...", are for bench/lists.
 */
#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_PASSWORD "demo-berkas-2026" /* DEMO_PASSWORD, server/app/demo.h */
#define MAX_RUNS         100000

struct buf {
    char *data;
    size_t len, cap;
};

struct list {
    const char *label; /* "national" */
    const char *nip;   /* the demo supervisor (server/app/demo.c) */
    double goal_ms;    /* p95 */
    /* found at set-up */
    char token[128];
    long long office;
    const char *column;
    long long rows;    /* listed: next_due_at set */
    char cursor[64];   /* the key of the row 90 % down */
    long long deep_at; /* its position */
};

static struct list lists[] = {
    {"national (Ditjen)", "198207202006042001", 50, "", 0, NULL, 0, "", 0},
    {"Kanwil (SUMSEL)", "197905032003121003", 20, "", 0, NULL, 0, "", 0},
    {"office (KANIM-PLG)", "198604302009011004", 10, "", 0, NULL, 0, "", 0},
};
#define NLISTS (sizeof lists / sizeof lists[0])

static CURL *curl;
static struct buf resp;
static char curl_err[CURL_ERROR_SIZE];
static const char *base_url;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
    struct buf *b = ud;
    size_t k = size * n;
    if (b->len + k + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + k + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown)
            return 0;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, k);
    b->len += k;
    b->data[b->len] = '\0';
    return k;
}

/* One request; the HTTP status (0: no answer). */
static long request(const char *method, const char *path, const char *token, const char *body)
{
    char url[1024], auth[256];
    snprintf(url, sizeof url, "%s%s", base_url, path);
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    if (token) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        h = curl_slist_append(h, auth);
    }
    resp.len = 0;
    if (resp.data)
        resp.data[0] = '\0';
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);
    if (strcmp(method, "POST") == 0)
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    else
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(h);
    if (rc != CURLE_OK)
        return 0;
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

static bool log_on(struct list *l, const char *password)
{
    json_t *req = json_pack("{s:s, s:s}", "nip", l->nip, "password", password);
    char *body = req ? json_dumps(req, JSON_COMPACT) : NULL;
    json_decref(req);
    long st = body ? request("POST", "/api/v1/sessions", NULL, body) : 0;
    free(body);
    json_t *j = st == 200 || st == 201 ? json_loads(resp.data, 0, NULL) : NULL;
    const char *token = json_string_value(json_object_get(j, "token"));
    if (token)
        snprintf(l->token, sizeof l->token, "%s", token);
    json_decref(j);
    if (!token)
        fprintf(stderr, "bench_lists: log-on as %s: HTTP %ld %s %.200s\n", l->nip, st, curl_err,
                resp.data ? resp.data : "");
    return token != NULL;
}

/* app/review.c's scope_column(): the reach column for an office at depth d */
static const char *scope_column(int depth)
{
    switch (depth) {
    case 1:
        return "scope1";
    case 2:
        return "scope2";
    case 3:
        return "scope3";
    default:
        return "office_id";
    }
}

static PGresult *sql(PGconn *db, const char *q, int n, const char *const *p)
{
    PGresult *r = PQexecParams(db, q, n, NULL, p, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        fprintf(stderr, "bench_lists: %s: %s", q, PQerrorMessage(db));
        PQclear(r);
        return NULL;
    }
    return r;
}

/* The list's office, reach column, length and the cursor 90 % down. */
static bool find_reach(PGconn *db, struct list *l)
{
    const char *p[1] = {l->nip};
    PGresult *r = sql(db,
                      "SELECT u.office_id, cardinality(o.ancestors) FROM app.users u "
                      "JOIN app.offices o ON o.id = u.office_id WHERE u.nip = $1",
                      1, p);
    if (!r || PQntuples(r) != 1) {
        PQclear(r);
        fprintf(stderr, "bench_lists: no user %s\n", l->nip);
        return false;
    }
    l->office = atoll(PQgetvalue(r, 0, 0));
    l->column = scope_column(atoi(PQgetvalue(r, 0, 1)));
    PQclear(r);
    char q[512], office[24];
    snprintf(office, sizeof office, "%lld", l->office);
    p[0] = office;
    snprintf(q, sizeof q,
             "SELECT count(*) FROM app.case_summaries s WHERE s.%s = $1::bigint "
             "AND s.next_due_at IS NOT NULL",
             l->column);
    if (!(r = sql(db, q, 1, p)))
        return false;
    l->rows = atoll(PQgetvalue(r, 0, 0));
    PQclear(r);
    l->deep_at = l->rows * 9 / 10;
    snprintf(q, sizeof q,
             "SELECT extract(epoch FROM next_due_at)::bigint || '.' || case_id FROM "
             "app.case_summaries s WHERE s.%s = $1::bigint AND s.next_due_at IS NOT NULL "
             "ORDER BY next_due_at, case_id OFFSET %lld LIMIT 1",
             l->column, l->deep_at > 0 ? l->deep_at - 1 : 0);
    if (!(r = sql(db, q, 1, p)))
        return false;
    if (PQntuples(r) == 1)
        snprintf(l->cursor, sizeof l->cursor, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    return true;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

struct stat3 {
    double p50, p95, max;
    long errors;
};

static struct stat3 summarise(double *ms, int n, long errors)
{
    struct stat3 s = {0, 0, 0, errors};
    if (n == 0)
        return s;
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    s.p50 = ms[(int)(0.50 * (n - 1) + 0.5)];
    s.p95 = ms[(int)(0.95 * (n - 1) + 0.5)];
    s.max = ms[n - 1];
    return s;
}

/* path RUNS times (after warm-up) as l; items checked on the first answer */
static struct stat3 time_get(const struct list *l, const char *path, int runs, int warmup,
                             double *ms)
{
    long errors = 0;
    for (int i = 0; i < warmup + runs; i++) {
        double t0 = now_s();
        long st = request("GET", path, l->token, NULL);
        double t1 = now_s();
        if (st != 200) {
            errors++;
            if (errors == 1)
                fprintf(stderr, "bench_lists: GET %s: HTTP %ld %s %.200s\n", path, st, curl_err,
                        resp.data ? resp.data : "");
        }
        if (i >= warmup)
            ms[i - warmup] = (t1 - t0) * 1000.0;
    }
    return summarise(ms, runs, errors);
}

static struct stat3 time_count(PGconn *db, const struct list *l, int runs, int warmup, double *ms)
{
    char q[256], office[24];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM app.case_summaries s WHERE s.%s = $1::bigint "
             "AND s.next_due_at IS NOT NULL",
             l->column);
    snprintf(office, sizeof office, "%lld", l->office);
    const char *p[1] = {office};
    long errors = 0;
    for (int i = 0; i < warmup + runs; i++) {
        double t0 = now_s();
        PGresult *r = PQexecParams(db, q, 1, NULL, p, NULL, NULL, 0);
        double t1 = now_s();
        if (PQresultStatus(r) != PGRES_TUPLES_OK)
            errors++;
        PQclear(r);
        if (i >= warmup)
            ms[i - warmup] = (t1 - t0) * 1000.0;
    }
    return summarise(ms, runs, errors);
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static int usage(void)
{
    fprintf(stderr, "usage: bench_lists -s URL -d CONNINFO [-n RUNS] [-c COUNT_RUNS] "
                    "[-w WARMUP] [-p PASSWORD]\n");
    return 2;
}

int main(int argc, char **argv)
{
    const char *conninfo = NULL, *password = DEFAULT_PASSWORD;
    int runs = 200, count_runs = 20, warmup = 10, opt;
    while ((opt = getopt(argc, argv, "s:d:n:c:w:p:")) != -1) {
        switch (opt) {
        case 's':
            base_url = optarg;
            break;
        case 'd':
            conninfo = optarg;
            break;
        case 'n':
            if (!parse_int(optarg, 1, MAX_RUNS, &runs))
                return usage();
            break;
        case 'c':
            if (!parse_int(optarg, 1, MAX_RUNS, &count_runs))
                return usage();
            break;
        case 'w':
            if (!parse_int(optarg, 0, MAX_RUNS, &warmup))
                return usage();
            break;
        case 'p':
            password = optarg;
            break;
        default:
            return usage();
        }
    }
    if (!base_url || !conninfo || optind != argc)
        return usage();

    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl = curl_easy_init();
    PGconn *db = PQconnectdb(conninfo);
    if (!curl || PQstatus(db) != CONNECTION_OK) {
        fprintf(stderr, "bench_lists: %s", curl ? PQerrorMessage(db) : "curl init failed\n");
        return 1;
    }
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &resp);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_err);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    /* the floor without JIT: the server's page queries never cost enough for it */
    PQclear(PQexec(db, "SET jit = off"));

    for (size_t i = 0; i < NLISTS; i++)
        if (!log_on(&lists[i], password) || !find_reach(db, &lists[i]))
            return 1;
    PGresult *r = sql(db,
                      "SELECT (SELECT count(*) FROM app.cases), (SELECT count(*) FROM "
                      "app.events), (SELECT count(*) FROM app.case_summaries)",
                      0, NULL);
    if (!r)
        return 1;
    printf("bench_lists: %s cases, %s events, %s summaries; %d runs each (warm-up %d)\n",
           PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 2), runs, warmup);
    PQclear(r);

    double *ms = malloc(sizeof *ms * (size_t)runs);
    if (!ms)
        return 1;
    printf("%-20s %9s %-26s %9s %9s %9s %7s %9s %8s\n", "list", "rows", "page", "p50 ms", "p95 ms",
           "max ms", "errors", "goal p95", "count(*)");
    /* "" first: the unfiltered list; the office filter only where it narrows */
    static const char *const filters[] = {"", "office=KANIM-PLG", "reason=stall",
                                          "actor=prosecutor", "stage=investigation"};
    for (size_t i = 0; i < NLISTS; i++) {
        struct list *l = &lists[i];
        struct stat3 floor = time_count(db, l, runs, warmup / 2, ms);
        for (size_t f = 0; f < sizeof filters / sizeof filters[0]; f++) {
            if (f == 1 && i == NLISTS - 1)
                continue;
            for (int deep = 0; deep < 2; deep++) {
                char path[256], page[32];
                snprintf(path, sizeof path, "/api/v1/review?limit=50%s%s%s%s",
                         filters[f][0] ? "&" : "", filters[f], deep ? "&cursor=" : "",
                         deep ? l->cursor : "");
                snprintf(page, sizeof page, "%s%s%s", deep ? "deep" : "first",
                         filters[f][0] ? "&" : "", filters[f]);
                struct stat3 s = time_get(l, path, runs, warmup, ms);
                printf("%-20s %9lld %-26s %9.2f %9.2f %9.2f %7ld %9.0f %8.2f\n",
                       deep || f ? "" : l->label, deep ? l->deep_at : l->rows, page, s.p50, s.p95,
                       s.max, s.errors, l->goal_ms, floor.p95);
                printf("RESULT list=%zu page=%s rows=%lld p50_ms=%.2f p95_ms=%.2f max_ms=%.2f "
                       "errors=%ld goal_ms=%.0f count_p95_ms=%.2f count_p50_ms=%.2f\n",
                       i, page, deep ? l->deep_at : l->rows, s.p50, s.p95, s.max, s.errors,
                       l->goal_ms, floor.p95, floor.p50);
            }
        }
    }
    struct stat3 c = time_get(&lists[0], "/api/v1/review/offices", count_runs,
                              warmup < count_runs ? warmup : 1, ms);
    printf("%-20s %9s %-26s %9.2f %9.2f %9.2f %7ld %9s %8s\n", "counts per office", "", "all",
           c.p50, c.p95, c.max, c.errors, "-", "-");
    printf("RESULT list=counts page=all p50_ms=%.2f p95_ms=%.2f max_ms=%.2f errors=%ld\n", c.p50,
           c.p95, c.max, c.errors);
    free(ms);
    free(resp.data);
    PQfinish(db);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return 0;
}
