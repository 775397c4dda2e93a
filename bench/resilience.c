/*
 * resilience.c - bench_resilience: what a logged-on user sees while berkasd
 * is attacked or its database fails (issue 9, points 2, 4, 5 and 6).
 *
 * Against a running berkasd with the demo data on its embedded cluster
 * (bench/resilience starts one), one user, logged on once, sends GET
 * /api/v1/me one after the other on a kept-alive connection, and its
 * latencies are taken:
 *   quiet     nothing else happens;
 *   flood     24 clients, each from its own loopback address, post log-ons
 *             of unknown NIPs, one every 2 s each (~12/s, issue 9.2's ~11/s);
 *   slowloris 7 loopback addresses open as many connections as berkasd lets
 *             them (32 each) and send one byte every 5 s (issue 9.4);
 * then, timed from the fault to the first good answer:
 *   killed    the postmaster killed with SIGKILL: until /healthz says 200 on
 *             a new postmaster, and until the user's request is 200 again;
 *   hung      every process of the cluster stopped (SIGSTOP) for -H seconds:
 *             /healthz and the user's answers meanwhile, then SIGCONT and
 *             the time until both are 200 again.
 * Figures are printed, never asserted; the baseline is printed
 * beside them.  Exit 0 after a run, 1 when it could not be set up, 2 on bad
 * usage.
 */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <dirent.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define NIP            "198811112010121001" /* investigator, KANIM-PLG (server/app/demo.c) */
#define PASSWORD       "demo-berkas-2026"   /* DEMO_PASSWORD, server/app/demo.h */
#define FLOODERS       24
#define LORIS_ADDRS    7
#define LORIS_PER_ADDR 32
#define SAMPLES        100000

static const char *base_url;
static const char *data_dir;
static int port;
static char token[128];

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

struct buf {
    char data[8192];
    size_t len;
};

static size_t keep(char *p, size_t size, size_t n, void *arg)
{
    struct buf *b = arg;
    size_t len = size * n, room = sizeof b->data - 1 - b->len;
    memcpy(b->data + b->len, p, len < room ? len : room);
    b->len += len < room ? len : room;
    b->data[b->len] = '\0';
    return size * n;
}

/* One request on handle c (kept alive between calls); the status, 0 when no
 * answer came. */
static long request(CURL *c, const char *method, const char *path, const char *body,
                    const char *source, struct buf *out)
{
    char url[256], auth[200];
    snprintf(url, sizeof url, "%s%s", base_url, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    if (token[0] && !body)
        h = curl_slist_append(h, auth);
    struct buf ignored;
    if (!out)
        out = &ignored;
    out->len = 0;
    out->data[0] = '\0';
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    if (body)
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (source)
        curl_easy_setopt(c, CURLOPT_INTERFACE, source);
    long status = 0;
    if (curl_easy_perform(c) == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(h);
    return status;
}

/* ---- the logged-on user's latencies ----------------------------------------------- */

struct sample {
    double *ms;
    int n, bad;
};

static int by_ms(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* GET /api/v1/me for `seconds`, one after the other. */
static void user_requests(double seconds, struct sample *s)
{
    CURL *c = curl_easy_init();
    s->n = s->bad = 0;
    double end = now_s() + seconds;
    while (now_s() < end && s->n < SAMPLES) {
        double t0 = now_s();
        long st = request(c, "GET", "/api/v1/me", NULL, NULL, NULL);
        s->ms[s->n++] = (now_s() - t0) * 1000.0;
        s->bad += st != 200;
        usleep(20000);
    }
    curl_easy_cleanup(c);
}

static void report(const char *what, struct sample *s, const char *baseline)
{
    qsort(s->ms, (size_t)s->n, sizeof s->ms[0], by_ms);
    double p50 = s->n ? s->ms[s->n / 2] : 0, p99 = s->n ? s->ms[(s->n * 99) / 100] : 0;
    printf("%-10s user GET /api/v1/me: %5d requests, %3d not 200; p50 %8.1f ms, p99 %8.1f ms, "
           "max %8.1f ms   (issue baseline: %s)\n",
           what, s->n, s->bad, p50, p99, s->n ? s->ms[s->n - 1] : 0, baseline);
}

/* ---- the log-on flood ------------------------------------------------------------- */

static volatile bool stop_load;

static void *flooder(void *arg)
{
    int no = (int)(long)arg;
    char source[32], body[128];
    snprintf(source, sizeof source, "127.0.2.%d", no + 1);
    CURL *c = curl_easy_init();
    for (int k = 0; !stop_load; k++) {
        snprintf(body, sizeof body, "{\"nip\":\"19991231202012%02d%02d\",\"password\":\"x-%d\"}",
                 no, k % 100, k);
        request(c, "POST", "/api/v1/sessions", body, source, NULL);
        for (int i = 0; i < 20 && !stop_load; i++)
            usleep(100000); /* one every 2 s */
    }
    curl_easy_cleanup(c);
    return NULL;
}

/* ---- slowloris -------------------------------------------------------------------- */

static void *loris(void *arg)
{
    int addr = (int)(long)arg;
    int fds[LORIS_PER_ADDR], n = 0;
    char source[32];
    snprintf(source, sizeof source, "127.0.3.%d", addr + 1);
    for (int i = 0; i < LORIS_PER_ADDR; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in me = {.sin_family = AF_INET}, to = {.sin_family = AF_INET};
        inet_pton(AF_INET, source, &me.sin_addr);
        inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        to.sin_port = htons((uint16_t)port);
        if (fd < 0 || bind(fd, (struct sockaddr *)&me, sizeof me) != 0 ||
            connect(fd, (struct sockaddr *)&to, sizeof to) != 0) {
            if (fd >= 0)
                close(fd);
            continue;
        }
        if (send(fd, "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n", 35, MSG_NOSIGNAL) < 0) {
            close(fd);
            continue;
        }
        fds[n++] = fd;
    }
    while (!stop_load) {
        for (int i = 0; i < n; i++) /* a byte every 5 s, on every connection; when one
                                       is cut, open it again */
            if (send(fds[i], "X", 1, MSG_NOSIGNAL) < 0) {
                close(fds[i]);
                fds[i] = socket(AF_INET, SOCK_STREAM, 0);
                struct sockaddr_in me = {.sin_family = AF_INET}, to = {.sin_family = AF_INET};
                inet_pton(AF_INET, source, &me.sin_addr);
                inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
                to.sin_port = htons((uint16_t)port);
                if (bind(fds[i], (struct sockaddr *)&me, sizeof me) == 0 &&
                    connect(fds[i], (struct sockaddr *)&to, sizeof to) == 0)
                    send(fds[i], "GET / HTTP/1.1\r\n", 16, MSG_NOSIGNAL);
            }
        for (int k = 0; k < 50 && !stop_load; k++)
            usleep(100000);
    }
    for (int i = 0; i < n; i++)
        close(fds[i]);
    return NULL;
}

/* ---- faults ----------------------------------------------------------------------- */

static pid_t postmaster(void)
{
    char path[1024], line[32] = "";
    snprintf(path, sizeof path, "%s/pg/postmaster.pid", data_dir);
    FILE *f = fopen(path, "r");
    if (f) {
        if (!fgets(line, sizeof line, f))
            line[0] = '\0';
        fclose(f);
    }
    return (pid_t)strtol(line, NULL, 10);
}

/* Seconds from t0 until /healthz says 200 (with a postmaster other than
 * `old` when old > 0), and until the user's request is 200. */
static void time_back(double t0, pid_t old, double *healthy, double *served)
{
    CURL *c = curl_easy_init();
    *healthy = *served = -1;
    while (now_s() - t0 < 60 && *served < 0) {
        pid_t pm = postmaster();
        if (*healthy < 0 && (old <= 0 || (pm > 0 && pm != old)) &&
            request(c, "GET", "/healthz", NULL, NULL, NULL) == 200)
            *healthy = now_s() - t0;
        if (*healthy >= 0 && request(c, "GET", "/api/v1/me", NULL, NULL, NULL) == 200)
            *served = now_s() - t0;
        usleep(10000);
    }
    curl_easy_cleanup(c);
}

static int cluster_pids(pid_t pm, pid_t *out, int max)
{
    int n = 0;
    out[n++] = pm;
    DIR *d = opendir("/proc");
    struct dirent *e;
    while (d && (e = readdir(d)) && n < max) {
        char path[300], st[512] = "";
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        FILE *f = e->d_name[0] >= '1' && e->d_name[0] <= '9' ? fopen(path, "r") : NULL;
        if (!f)
            continue;
        if (!fgets(st, sizeof st, f))
            st[0] = '\0';
        fclose(f);
        const char *rp = strrchr(st, ')');
        char state;
        long ppid = 0;
        if (rp && sscanf(rp + 1, " %c %ld", &state, &ppid) == 2 && ppid == pm)
            out[n++] = (pid_t)strtol(e->d_name, NULL, 10);
    }
    if (d)
        closedir(d);
    return n;
}

static void hung(int seconds, struct sample *s)
{
    pid_t pids[128];
    int n = cluster_pids(postmaster(), pids, 128);
    for (int i = 0; i < n; i++)
        kill(pids[i], SIGSTOP);
    CURL *c = curl_easy_init();
    double worst = 0;
    int answered = 0, asked = 0;
    double end = now_s() + seconds;
    s->n = s->bad = 0;
    while (now_s() < end) {
        double t0 = now_s();
        long st = request(c, "GET", "/healthz", NULL, NULL, NULL);
        double ms = (now_s() - t0) * 1000;
        worst = ms > worst ? ms : worst;
        asked++;
        answered += st == 503;
        t0 = now_s();
        st = request(c, "GET", "/api/v1/me", NULL, NULL, NULL);
        s->ms[s->n++] = (now_s() - t0) * 1000;
        s->bad += st != 200;
        usleep(100000);
    }
    curl_easy_cleanup(c);
    double t0 = now_s();
    for (int i = 0; i < n; i++)
        kill(pids[i], SIGCONT);
    double healthy, served;
    time_back(t0, 0, &healthy, &served);
    report("hung", s, "every request and /healthz hung");
    printf("hung       %d processes stopped %d s: /healthz answered 503 %d of %d times, slowest "
           "%.0f ms; after SIGCONT: /healthz 200 in %.2f s, the user served in %.2f s\n",
           n, seconds, answered, asked, worst, healthy, served);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_resilience URL DATA_DIR SECONDS\n");
        return 2;
    }
    base_url = argv[1];
    data_dir = argv[2];
    int seconds = (int)strtol(argv[3], NULL, 10);
    if (seconds <= 0)
        seconds = 20;
    const char *colon = strrchr(base_url, ':');
    port = colon ? (int)strtol(colon + 1, NULL, 10) : 8080;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *c = curl_easy_init();
    struct buf b;
    long st = request(c, "POST", "/api/v1/sessions",
                      "{\"nip\":\"" NIP "\",\"password\":\"" PASSWORD "\"}", NULL, &b);
    const char *at = strstr(b.data, "\"token\":\"");
    if (st != 201 || !at) {
        fprintf(stderr, "bench_resilience: log-on failed: %ld %s\n", st, b.data);
        return 1;
    }
    snprintf(token, sizeof token, "%.*s", (int)strcspn(at + 9, "\""), at + 9);
    curl_easy_cleanup(c);
    struct sample s = {.ms = calloc(SAMPLES, sizeof(double))};

    user_requests(seconds, &s);
    report("quiet", &s, "1.7 ms");

    pthread_t t[FLOODERS + LORIS_ADDRS];
    stop_load = false;
    for (long i = 0; i < FLOODERS; i++)
        pthread_create(&t[i], NULL, flooder, (void *)i);
    user_requests(seconds, &s);
    stop_load = true;
    for (int i = 0; i < FLOODERS; i++)
        pthread_join(t[i], NULL);
    report("flood", &s, "11 s");

    stop_load = false;
    for (long i = 0; i < LORIS_ADDRS; i++)
        pthread_create(&t[i], NULL, loris, (void *)i);
    sleep(2);
    user_requests(seconds, &s);
    stop_load = true;
    for (int i = 0; i < LORIS_ADDRS; i++)
        pthread_join(t[i], NULL);
    report("slowloris", &s, "every normal client kept out");

    pid_t pm = postmaster();
    double t0 = now_s(), healthy, served;
    kill(pm, SIGKILL);
    time_back(t0, pm, &healthy, &served);
    printf("killed     postmaster SIGKILL: /healthz 200 on a new postmaster after %.2f s, the user "
           "served after %.2f s   (issue baseline: 503 until restarted by hand)\n",
           healthy, served);

    hung(10, &s);
    free(s.ms);
    curl_global_cleanup();
    return 0;
}
