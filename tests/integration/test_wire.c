/*
 * test_wire.c - what berkasd does with malformed and slow requests, sent
 * byte for byte over real sockets from several loopback addresses.
 *
 * Expectations: RFC 9112 (a message with both Transfer-Encoding and
 * Content-Length, or with differing Content-Lengths, cannot be framed one
 * way only, 6.3; a field line ends in CRLF, 2.2; obs-fold is refused by a
 * server that does not fix it up, 5.2; field values hold no NUL or other
 * controls, RFC 9110 5.5), ASVS V4.2.1 (no request smuggling), and issue
 * 9.4 and 9.9: each refused with 400 and the connection closed; "%00" must
 * not cut a path short (".../forms/laporan_kejadian%00" issued a
 * document); 2,000 query parameters stalled a connection for 30 s; 640
 * slow connections from 7 addresses kept every other client out.
 * Everything here talks to 127.0.0.0/8 only, in bounded counts and time.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

#define SLOW_ADDRESSES 7
#define SLOW_PER_ADDR  30 /* below the per-address limit: each address is let in */
#define PER_ADDR_LIMIT 32 /* berkasd's default */
#define RECEIVE_S      3  /* --receive-timeout for this suite */

static struct proc server;
static int port;
static char *db;
static char *inv;

static void start_server(void)
{
    db = harness_new_demo_db("wire_suite");
    char *extra[] = {"--db", db, "--demo", "--receive-timeout", "3", NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    inv = api_login(port, NIP_INV_PLG, DEMO_PW);
    if (!inv)
        abort();
}

static void stop_server(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(inv);
    free(db);
}

/* A TCP connection to berkasd from 127.0.0.<host>, or -1. */
static int dial(int host)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in src = {.sin_family = AF_INET}, dst = {.sin_family = AF_INET};
    char a[32];
    snprintf(a, sizeof a, "127.0.0.%d", host);
    inet_pton(AF_INET, a, &src.sin_addr);
    inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
    dst.sin_port = htons((unsigned short)port);
    if (fd < 0 || bind(fd, (struct sockaddr *)&src, sizeof src) == -1 ||
        connect(fd, (struct sockaddr *)&dst, sizeof dst) == -1) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

/* Everything the server sends until it closes, or until timeout_ms pass.
 * *closed: whether it closed the connection. */
static char *read_all(int fd, int timeout_ms, bool *closed)
{
    size_t cap = 8192, len = 0;
    char *buf = malloc(cap);
    *closed = false;
    for (int waited = 0; waited < timeout_ms;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 100) <= 0) {
            waited += 100;
            continue;
        }
        if (len + 4096 > cap)
            buf = realloc(buf, cap *= 2);
        ssize_t n = recv(fd, buf + len, cap - len - 1, 0);
        if (n <= 0) {
            *closed = true;
            break;
        }
        len += (size_t)n;
    }
    buf[len] = '\0';
    return buf;
}

/* Send raw, expect 400 with the connection closed after it. */
static void refused(const char *what, const char *raw, size_t len)
{
    int fd = dial(1);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(send(fd, raw, len, 0), (ssize_t)len);
    bool closed;
    char *got = read_all(fd, 10000, &closed);
    close(fd);
    ck_assert_msg(strncmp(got, "HTTP/1.1 400 ", 13) == 0, "%s: %.80s", what, got);
    ck_assert_msg(closed, "%s: the connection stayed open", what);
    /* one answer only: nothing after the 400 was read as a request */
    ck_assert_msg(strstr(got + 1, "HTTP/1.1 ") == NULL, "%s: two answers", what);
    free(got);
}

#define REFUSED(what, lit) refused(what, lit, sizeof lit - 1)

START_TEST(test_ambiguous_framing_is_400_and_closes)
{
    REFUSED("Transfer-Encoding with Content-Length",
            "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /healthz "
            "HTTP/1.1\r\nHost: x\r\n\r\n");
    REFUSED("two different Content-Lengths",
            "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}GET /healthz HTTP/1.1\r\nHost: "
            "x\r\n\r\n");
}
END_TEST

START_TEST(test_malformed_heads_are_400_and_close)
{
    REFUSED("bare LF ending the request line", "GET /healthz HTTP/1.1\nHost: x\r\nX-A: a\r\n\r\n");
    REFUSED("bare LF ending a field line", "GET /healthz HTTP/1.1\r\nHost: x\nX-A: a\r\n\r\n");
    REFUSED("a folded field line", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  b\r\n\r\n");
    REFUSED("a folded last field line",
            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n");
    REFUSED("NUL in a field value", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n");
    REFUSED("NUL in a field name", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-\0A: ab\r\n\r\n");
    REFUSED("a control byte in a value", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n");
    REFUSED("space before the colon", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A : a\r\n\r\n");
    REFUSED("%00 in the path", "GET /healthz%00x HTTP/1.1\r\nHost: x\r\n\r\n");
    REFUSED("%0A in the query", "GET /api/v1/cases?q=a%0Ab HTTP/1.1\r\nHost: x\r\n\r\n");
    REFUSED("a broken escape", "GET /healthz%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    /* ...while the same requests well formed are served */
    int fd = dial(1);
    const char ok[] =
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a \r\nX-B:\r\n\r\n"
        "GET /healthz?a=1&b=%E1%BB%85 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    ck_assert_int_eq(send(fd, ok, sizeof ok - 1, 0), (ssize_t)(sizeof ok - 1));
    bool closed;
    char *got = read_all(fd, 10000, &closed);
    close(fd);
    ck_assert_msg(strncmp(got, "HTTP/1.1 200 ", 13) == 0, "%.80s", got);
    ck_assert_ptr_nonnull(strstr(got + 1, "HTTP/1.1 200 "));
    free(got);
}
END_TEST

START_TEST(test_nul_cannot_cut_a_form_name_short)
{
    /* issue 9.9: ".../forms/laporan_kejadian%00" issued a document */
    char d[11], body[256];
    time_t t = time(NULL) - 86400;
    strftime(d, sizeof d, "%Y-%m-%d", gmtime(&t));
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji NUL\"}", d);
    struct http_result r;
    ck_assert(api_call(port, "POST", "/api/v1/cases", inv, body, &r));
    ck_assert_msg(r.status == 201, "%s", r.body);
    long long id = strtoll(strstr(r.body, "\"id\":") + 5, NULL, 10);
    http_result_free(&r);
    char raw[512];
    int n = snprintf(raw, sizeof raw,
                     "POST /api/v1/cases/%lld/forms/laporan_kejadian%%00 HTTP/1.1\r\nHost: x\r\n"
                     "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                     "Content-Length: 2\r\n\r\n{}",
                     id, inv);
    refused("%00 after a form's name", raw, (size_t)n);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    ck_assert_int_eq(
        sql_count(db, "SELECT count(*) FROM app.documents WHERE case_id = $1::bigint", 1, p), 0);
}
END_TEST

START_TEST(test_too_many_query_parameters_are_400_at_once)
{
    /* 2,000 parameters stalled a connection for 30 s (issue 9.9) */
    size_t cap = 40000;
    char *raw = malloc(cap);
    size_t len = (size_t)snprintf(raw, cap, "GET /api/v1/cases?");
    for (int i = 0; i < 2000; i++)
        len += (size_t)snprintf(raw + len, cap - len, "%sa%d=1", i ? "&" : "", i);
    len += (size_t)snprintf(raw + len, cap - len, " HTTP/1.1\r\nHost: x\r\n\r\n");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    refused("2,000 query parameters", raw, len);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    /* answered, not left to a timeout: well before the 3 s receive budget */
    printf("wire: 2,000 query parameters refused in %.0f ms\n",
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    free(raw);
}
END_TEST

static long long ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)(t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

START_TEST(test_slow_clients_are_cut_and_others_still_served)
{
    /* SLOW_ADDRESSES x SLOW_PER_ADDR connections, each sending its head a
     * byte at a time (issue 9.4) */
    static int fds[SLOW_ADDRESSES * SLOW_PER_ADDR];
    int n = 0;
    for (int a = 0; a < SLOW_ADDRESSES; a++)
        for (int i = 0; i < SLOW_PER_ADDR; i++) {
            int fd = dial(10 + a);
            ck_assert_msg(fd >= 0, "dial: %s", strerror(errno));
            ck_assert_int_eq(send(fd, "GET /healthz HTTP/1.1\r\n", 23, 0), 23);
            fds[n++] = fd;
        }
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int open = n, served = 0;
    bool cut[SLOW_ADDRESSES * SLOW_PER_ADDR] = {false};
    /* trickle a byte each second; meanwhile a logged-on user keeps working */
    while (open > 0 && ms_since(&t0) < (RECEIVE_S + 12) * 1000) {
        for (int i = 0; i < n; i++) {
            if (cut[i])
                continue;
            char c;
            struct pollfd p = {.fd = fds[i], .events = POLLIN};
            if (poll(&p, 1, 0) > 0 && recv(fds[i], &c, 1, MSG_DONTWAIT) <= 0) {
                cut[i] = true;
                open--;
                continue;
            }
            if (send(fds[i], "X", 1, MSG_NOSIGNAL) != 1) {
                cut[i] = true;
                open--;
            }
        }
        struct http_result r;
        ck_assert(api_call(port, "GET", "/api/v1/me", inv, NULL, &r));
        ck_assert_int_eq(r.status, 200);
        served++;
        http_result_free(&r);
        usleep(1000000);
    }
    long long took = ms_since(&t0);
    printf("wire: %d slow connections from %d addresses: %d cut after %lld ms; %d requests of a "
           "logged-on user served meanwhile\n",
           n, SLOW_ADDRESSES, n - open, took, served);
    for (int i = 0; i < n; i++)
        close(fds[i]);
    ck_assert_msg(open == 0, "%d slow connections still open after %lld ms", open, took);
    ck_assert_int_gt(served, 0);
}
END_TEST

START_TEST(test_one_address_gets_at_most_its_share)
{
    int fds[PER_ADDR_LIMIT + 1];
    for (int i = 0; i < PER_ADDR_LIMIT; i++) {
        fds[i] = dial(40);
        ck_assert_int_ge(fds[i], 0);
    }
    /* wait until berkasd has taken them all, then one more is refused */
    usleep(300000);
    fds[PER_ADDR_LIMIT] = dial(40);
    ck_assert_int_ge(fds[PER_ADDR_LIMIT], 0);
    bool closed;
    char *got = read_all(fds[PER_ADDR_LIMIT], 2000, &closed);
    ck_assert_msg(closed && got[0] == '\0', "connection %d from one address was served: %.40s",
                  PER_ADDR_LIMIT + 1, got);
    free(got);
    /* another address is still let in */
    int other = dial(41);
    const char req[] = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    ck_assert_int_eq(send(other, req, sizeof req - 1, 0), (ssize_t)(sizeof req - 1));
    got = read_all(other, 5000, &closed);
    ck_assert_msg(strncmp(got, "HTTP/1.1 200 ", 13) == 0, "%.40s", got);
    free(got);
    close(other);
    for (int i = 0; i <= PER_ADDR_LIMIT; i++)
        close(fds[i]);
}
END_TEST

Suite *suite_wire(void)
{
    Suite *s = suite_create("wire");
    TCase *tc = tcase_create("wire");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 90);
    tcase_add_test(tc, test_ambiguous_framing_is_400_and_closes);
    tcase_add_test(tc, test_malformed_heads_are_400_and_close);
    tcase_add_test(tc, test_nul_cannot_cut_a_form_name_short);
    tcase_add_test(tc, test_too_many_query_parameters_are_400_at_once);
    tcase_add_test(tc, test_slow_clients_are_cut_and_others_still_served);
    tcase_add_test(tc, test_one_address_gets_at_most_its_share);
    suite_add_tcase(s, tc);
    return s;
}
