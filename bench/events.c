/*
 * events.c - bench_events: how fast berkasd records acts in case files.
 *
 * N client threads (-c, default 16), each with one libcurl easy handle (so
 * one keep-alive connection), log on ONCE as the demo investigator (the
 * argon2 log-on is not what is measured), open a case of their OWN (no two
 * threads write the same case, so no lock contention on a case row), then
 * POST letter_delivered events to it in a loop for -T seconds (default 20).
 * letter_delivered is a non-moving act allowed in pre_investigation, so
 * every request goes through the whole write path: session check, lock the
 * case, load its log, the core's decision, insert with the hash-chain
 * trigger, update the case, audit line, commit.
 *
 * Each request's latency goes into a per-thread array allocated before the
 * run; after it, totals, errors by HTTP status, events/s, p50/p90/p99/max and
 * events/s second by second.  An optional warm-up (-w) is run but not
 * counted.  Figures are printed, never asserted: the exit status is 0 after
 * a run, 1 when the run could not be set up (log-on, case), 2 on bad usage.
 * The last line, "RESULT key=value ...", is for bench/events.
 */
#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_URL      "http://127.0.0.1:8080"
#define DEFAULT_NIP      "198811112010121001" /* investigator, KANIM-PLG (server/app/demo.c) */
#define DEFAULT_PASSWORD "demo-berkas-2026"   /* DEMO_PASSWORD, server/app/demo.h */
#define MAX_CLIENTS      256
#define MAX_SECONDS      3600
#define NSTATUS          600  /* HTTP statuses 0..599; 0 = no answer (transport error) */
#define SAMPLES_PER_SEC  5000 /* per thread: far above what one connection can do */

struct opts {
    const char *url;
    const char *nip;
    const char *password;
    int clients;
    int seconds;
    int warmup;
    long long case_id; /* -C: record into this case (one client) instead of opening one */
    int count;         /* -n: stop each client after this many requests (0: after -T) */
};

struct buf {
    char *data;
    size_t len, cap;
};

struct client {
    int no;
    const struct opts *o;
    CURL *curl;
    struct curl_slist *headers; /* Content-Type, Authorization once logged on */
    struct buf resp;
    char err[CURL_ERROR_SIZE];
    long long case_id;
    char setup_error[512];
    /* results of the measured window */
    uint32_t *lat_us; /* preallocated, cap entries */
    size_t nlat, cap;
    uint64_t requests;
    uint64_t status[NSTATUS];
    uint32_t *per_sec; /* completed 201s by second of the window */
    double finished;   /* monotonic seconds when this thread stopped */
};

/* Shared between the threads: the start line and the time window. */
static pthread_barrier_t g_ready;
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_go_cv = PTHREAD_COND_INITIALIZER;
static bool g_go, g_setup_failed;
static double g_measure_from, g_end;
static char g_date[16]; /* yesterday (UTC): never in the future in any Indonesian zone */

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

/* POST body to url path; returns the HTTP status, 0 when there was no answer. */
static long post(struct client *c, const char *path, const char *body)
{
    char url[512];
    snprintf(url, sizeof url, "%s%s", c->o->url, path);
    c->resp.len = 0;
    if (c->resp.data)
        c->resp.data[0] = '\0';
    curl_easy_setopt(c->curl, CURLOPT_URL, url);
    curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->headers);
    if (curl_easy_perform(c->curl) != CURLE_OK)
        return 0;
    long status = 0;
    curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

static bool base_headers(struct client *c, const char *token)
{
    curl_slist_free_all(c->headers);
    c->headers = NULL;
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    h = h ? curl_slist_append(h, "Expect:") : NULL;
    if (h && token) {
        char auth[256];
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        h = curl_slist_append(h, auth);
    }
    c->headers = h;
    return h != NULL;
}

static void setup_fail(struct client *c, const char *what, long status)
{
    snprintf(c->setup_error, sizeof c->setup_error, "client %d: %s: HTTP %ld %.200s%.160s", c->no,
             what, status, status ? "" : c->err, c->resp.data ? c->resp.data : "");
}

/* Log on once, open this client's own case. */
static bool client_setup(struct client *c)
{
    c->curl = curl_easy_init();
    if (!c->curl || !base_headers(c, NULL)) {
        snprintf(c->setup_error, sizeof c->setup_error, "client %d: curl init failed", c->no);
        return false;
    }
    curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c->curl, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, &c->resp);
    curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, c->err);
    curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 60L);

    json_t *req = json_pack("{s:s, s:s}", "nip", c->o->nip, "password", c->o->password);
    char *body = req ? json_dumps(req, JSON_COMPACT) : NULL;
    json_decref(req);
    long st = body ? post(c, "/api/v1/sessions", body) : 0;
    free(body);
    json_t *j = st == 201 || st == 200 ? json_loads(c->resp.data, 0, NULL) : NULL;
    const char *token = json_string_value(json_object_get(j, "token"));
    bool ok = token && base_headers(c, token);
    json_decref(j);
    if (!ok) {
        setup_fail(c, "log-on", st);
        return false;
    }

    if (c->o->case_id > 0) {
        c->case_id = c->o->case_id;
        return true;
    }
    char summary[96];
    snprintf(summary, sizeof summary, "bench/events: kasus klien %d", c->no);
    req = json_pack("{s:s, s:s, s:s}", "source", "jagratara", "opened_on", g_date, "summary",
                    summary);
    body = req ? json_dumps(req, JSON_COMPACT) : NULL;
    json_decref(req);
    st = body ? post(c, "/api/v1/cases", body) : 0;
    free(body);
    j = st == 201 ? json_loads(c->resp.data, 0, NULL) : NULL;
    json_t *id = json_object_get(j, "id");
    c->case_id = json_is_integer(id) ? (long long)json_integer_value(id) : 0;
    json_decref(j);
    if (c->case_id <= 0) {
        setup_fail(c, "open case", st);
        return false;
    }
    return true;
}

static void *client_run(void *arg)
{
    struct client *c = arg;
    bool ok = client_setup(c);
    pthread_mutex_lock(&g_mu);
    if (!ok)
        g_setup_failed = true;
    pthread_mutex_unlock(&g_mu);
    pthread_barrier_wait(&g_ready);
    pthread_mutex_lock(&g_mu);
    while (!g_go)
        pthread_cond_wait(&g_go_cv, &g_mu);
    bool run = !g_setup_failed;
    pthread_mutex_unlock(&g_mu);
    if (!run)
        return NULL;

    char path[64], body[160];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", c->case_id);
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\","
             "\"note\":\"bench/events: tanda terima surat klien %d\"}",
             g_date, c->no);
    for (;;) {
        double t0 = now_s();
        if (t0 >= g_end || (c->o->count > 0 && c->requests >= (uint64_t)c->o->count))
            break;
        long st = post(c, path, body);
        double t1 = now_s();
        if (t0 < g_measure_from)
            continue; /* warm-up */
        c->requests++;
        c->status[st >= 0 && st < NSTATUS ? st : 0]++;
        if (c->nlat < c->cap)
            c->lat_us[c->nlat++] = (uint32_t)((t1 - t0) * 1e6);
        if (st == 201) {
            long sec = (long)(t1 - g_measure_from);
            if (sec >= 0 && sec < c->o->seconds)
                c->per_sec[sec]++;
        }
    }
    c->finished = now_s();
    return NULL;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static double pct_ms(const uint32_t *v, size_t n, double p)
{
    if (n == 0)
        return 0;
    size_t k = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
    return v[k] / 1000.0;
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

static void usage(FILE *f)
{
    fprintf(f, "Usage: bench_events [-s URL] [-c CLIENTS] [-T SECONDS] [-w WARMUP] [-u NIP] "
               "[-p PASSWORD] [-C CASE] [-n COUNT]\n"
               "Record letter_delivered events through berkasd's API: every client logs on once,\n"
               "opens its own case and records events into it for SECONDS.\n\n"
               "  -s URL       server (default " DEFAULT_URL ")\n"
               "  -c CLIENTS   client threads, one keep-alive connection each (default 16)\n"
               "  -T SECONDS   measured duration (default 20)\n"
               "  -w SECONDS   warm-up before it, not counted (default 0: none)\n"
               "  -u NIP       investigator to log on as (default the demo KANIM-PLG one)\n"
               "  -p PASSWORD  its password (default the demo password)\n"
               "  -C CASE      record into case id CASE instead of opening one (one client only)\n"
               "  -n COUNT     stop each client after COUNT requests (or after SECONDS)\n");
}

static void report(struct client *cl, int n, const struct opts *o, double elapsed)
{
    uint64_t requests = 0, status[NSTATUS] = {0};
    size_t nlat = 0;
    bool truncated = false;
    for (int i = 0; i < n; i++) {
        requests += cl[i].requests;
        for (int s = 0; s < NSTATUS; s++)
            status[s] += cl[i].status[s];
        nlat += cl[i].nlat;
        truncated |= cl[i].nlat < cl[i].requests;
    }
    uint32_t *all = malloc((nlat + 1) * sizeof *all);
    if (!all) {
        fprintf(stderr, "bench_events: out of memory for the report\n");
        return;
    }
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        memcpy(all + k, cl[i].lat_us, cl[i].nlat * sizeof *all);
        k += cl[i].nlat;
    }
    qsort(all, nlat, sizeof *all, cmp_u32);
    uint64_t ok = status[201], errors = requests - ok;
    double rate = elapsed > 0 ? (double)ok / elapsed : 0;
    double p50 = pct_ms(all, nlat, 50), p90 = pct_ms(all, nlat, 90), p99 = pct_ms(all, nlat, 99);
    double max = nlat ? all[nlat - 1] / 1000.0 : 0;
    free(all);

    printf("bench_events: %d clients, %d s measured (%s), %s\n", n, o->seconds,
           o->warmup ? "after a warm-up" : "no warm-up", o->url);
    if (o->warmup)
        printf("  warm-up: %d s, not counted\n", o->warmup);
    printf("  requests   %llu in %.2f s (ok 201: %llu, errors: %llu)\n",
           (unsigned long long)requests, elapsed, (unsigned long long)ok,
           (unsigned long long)errors);
    if (errors) {
        printf("  errors by status:");
        for (int s = 0; s < NSTATUS; s++)
            if (s != 201 && status[s])
                printf(" %d%s=%llu", s, s ? "" : "(no answer)", (unsigned long long)status[s]);
        printf("\n");
    }
    printf("  events/s   %.1f\n", rate);
    printf("  latency ms p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%s\n", p50, p90, p99, max,
           truncated ? "  (sample buffer full: latencies of the first requests only)" : "");
    printf("  events/s by second:");
    for (int s = 0; s < o->seconds; s++) {
        uint64_t sum = 0;
        for (int i = 0; i < n; i++)
            sum += cl[i].per_sec[s];
        printf(" %llu", (unsigned long long)sum);
    }
    uint64_t lo = UINT64_MAX, hi = 0;
    for (int i = 0; i < n; i++) {
        lo = cl[i].requests < lo ? cl[i].requests : lo;
        hi = cl[i].requests > hi ? cl[i].requests : hi;
    }
    printf(
        "\n  requests per client: min %llu, max %llu (each client's case grew by as many events)\n",
        (unsigned long long)lo, (unsigned long long)hi);
    printf("RESULT events_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
           "requests=%llu errors=%llu clients=%d seconds=%d case_id=%lld\n",
           rate, p50, p90, p99, max, (unsigned long long)requests, (unsigned long long)errors, n,
           o->seconds, cl[0].case_id);
}

int main(int argc, char **argv)
{
    struct opts o = {.url = DEFAULT_URL,
                     .nip = DEFAULT_NIP,
                     .password = DEFAULT_PASSWORD,
                     .clients = 16,
                     .seconds = 20,
                     .warmup = 0};
    int ch;
    while ((ch = getopt(argc, argv, "s:c:T:w:u:p:C:n:h")) != -1) {
        bool ok = true;
        switch (ch) {
        case 's':
            o.url = optarg;
            break;
        case 'c':
            ok = parse_int(optarg, 1, MAX_CLIENTS, &o.clients);
            break;
        case 'T':
            ok = parse_int(optarg, 1, MAX_SECONDS, &o.seconds);
            break;
        case 'w':
            ok = parse_int(optarg, 0, MAX_SECONDS, &o.warmup);
            break;
        case 'u':
            o.nip = optarg;
            break;
        case 'p':
            o.password = optarg;
            break;
        case 'C': {
            int id;
            ok = parse_int(optarg, 1, 2147483647, &id);
            o.case_id = id;
            break;
        }
        case 'n':
            ok = parse_int(optarg, 1, 100000000, &o.count);
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            ok = false;
        }
        if (!ok) {
            if (ch != '?')
                fprintf(stderr, "bench_events: bad value for -%c: %s\n", ch, optarg);
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc || (o.case_id > 0 && o.clients != 1)) {
        usage(stderr);
        return 2;
    }

    time_t t = time(NULL) - 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(g_date, sizeof g_date, "%Y-%m-%d", &tm);

    if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
        fprintf(stderr, "bench_events: curl_global_init failed\n");
        return 1;
    }
    int n = o.clients;
    struct client *cl = calloc((size_t)n, sizeof *cl);
    pthread_t *th = calloc((size_t)n, sizeof *th);
    size_t cap = (size_t)o.seconds * SAMPLES_PER_SEC;
    bool ok = cl && th;
    for (int i = 0; ok && i < n; i++) {
        cl[i].no = i + 1;
        cl[i].o = &o;
        cl[i].cap = cap;
        cl[i].lat_us = malloc(cap * sizeof *cl[i].lat_us);
        cl[i].per_sec = calloc((size_t)o.seconds, sizeof *cl[i].per_sec);
        ok = cl[i].lat_us && cl[i].per_sec;
        /* touch the pages now, not during the run */
        if (ok)
            memset(cl[i].lat_us, 0, cap * sizeof *cl[i].lat_us);
    }
    if (!ok || pthread_barrier_init(&g_ready, NULL, (unsigned)n + 1) != 0) {
        fprintf(stderr, "bench_events: out of memory\n");
        return 1;
    }
    int started = 0;
    for (; started < n; started++)
        if (pthread_create(&th[started], NULL, client_run, &cl[started]) != 0)
            break;
    if (started < n) {
        fprintf(stderr, "bench_events: cannot start thread %d\n", started + 1);
        return 1; /* the started ones wait on the barrier; exiting ends them */
    }
    fprintf(stderr, "bench_events: %d clients logging on and opening their cases...\n", n);
    pthread_barrier_wait(&g_ready);
    pthread_mutex_lock(&g_mu);
    double start = now_s();
    g_measure_from = start + o.warmup;
    g_end = g_measure_from + o.seconds;
    g_go = true;
    bool failed = g_setup_failed;
    pthread_cond_broadcast(&g_go_cv);
    pthread_mutex_unlock(&g_mu);
    if (!failed)
        fprintf(stderr, "bench_events: recording events for %d s%s...\n", o.seconds,
                o.warmup ? " after the warm-up" : "");
    double last = g_measure_from;
    for (int i = 0; i < n; i++) {
        pthread_join(th[i], NULL);
        if (cl[i].finished > last)
            last = cl[i].finished;
    }
    if (failed) {
        for (int i = 0; i < n; i++)
            if (cl[i].setup_error[0])
                fprintf(stderr, "bench_events: %s\n", cl[i].setup_error);
    } else {
        report(cl, n, &o, last - g_measure_from);
    }
    for (int i = 0; i < n; i++) {
        curl_easy_cleanup(cl[i].curl);
        curl_slist_free_all(cl[i].headers);
        free(cl[i].resp.data);
        free(cl[i].lat_us);
        free(cl[i].per_sec);
    }
    free(cl);
    free(th);
    pthread_barrier_destroy(&g_ready);
    curl_global_cleanup();
    return failed ? 1 : 0;
}
