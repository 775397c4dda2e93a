/*
 * test_hardening.c - log-on floods and the smaller holes of issue 9 (points
 * 2 and 10), over real HTTP against a real berkasd.
 *
 * Expectations: issue 9.2 (a flood of log-ons must not starve a logged-on
 * user; attempts throttled per address and per NIP with 429 and
 * Retry-After), 9.10 (q=% must not list everything: LIKE wildcards are
 * literal; a party of another case is 404, not 409; a case-wide charge is
 * laid once, and the refusal is in Indonesian without the constraint's
 * name; /verify is rate-limited per address and audited without its code),
 * and DESIGN.md (a case you may not see answers 404).  Load here is bounded
 * in count and time and stays on 127.0.0.1.
 */
#include <check.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

#define FLOODERS 24
#define FLOOD_MS 6000

static struct proc server;
static int port;
static char *db;
static char *inv, *inv_mre;

static void start_server(void)
{
    db = harness_new_demo_db("hardening_suite");
    /* low limits, so that a short test reaches them */
    free(sql_value(db,
                   "UPDATE app.settings SET value = CASE key WHEN 'login.address_per_minute' "
                   "THEN '12' WHEN 'verify.address_per_minute' THEN '8' ELSE value END "
                   "RETURNING 1",
                   0, NULL));
    char *extra[] = {"--db", db, "--demo", "--threads", "4", NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    inv = api_login(port, NIP_INV_PLG, DEMO_PW);
    inv_mre = api_login(port, NIP_INV_MRE, DEMO_PW);
    if (!inv || !inv_mre)
        abort();
}

static void stop_server(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(inv);
    free(inv_mre);
    free(db);
}

static long long new_case(const char *token, const char *summary)
{
    char d[11], body[256];
    time_t t = time(NULL) - 86400;
    strftime(d, sizeof d, "%Y-%m-%d", gmtime(&t));
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"%s\"}", d, summary);
    struct http_result r;
    ck_assert(api_call(port, "POST", "/api/v1/cases", token, body, &r));
    ck_assert_msg(r.status == 201, "%s", r.body);
    long long id = strtoll(strstr(r.body, "\"id\":") + 5, NULL, 10);
    http_result_free(&r);
    return id;
}

struct flooder {
    int n;
    long statuses[600];
    volatile bool *stop;
};

static void *flood(void *arg)
{
    struct flooder *f = arg;
    char body[128];
    while (!*f->stop && f->n < 600) {
        snprintf(body, sizeof body, "{\"nip\":\"19991231202012%04d\",\"password\":\"bukan-sandi\"}",
                 f->n % 10000);
        struct http_result r;
        f->statuses[f->n++] =
            api_call(port, "POST", "/api/v1/sessions", NULL, body, &r) ? r.status : 0;
        if (r.body)
            http_result_free(&r);
        usleep(2000000); /* 24 clients at one every 2 s: ~12/s, issue 9.2's ~11/s */
    }
    return NULL;
}

START_TEST(test_a_logon_flood_is_throttled_and_a_logged_on_user_is_served)
{
    static struct flooder f[FLOODERS];
    pthread_t th[FLOODERS];
    volatile bool stop = false;
    for (int i = 0; i < FLOODERS; i++) {
        memset(&f[i], 0, sizeof f[i]);
        f[i].stop = &stop;
        ck_assert_int_eq(pthread_create(&th[i], NULL, flood, &f[i]), 0);
    }
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int served = 0;
    do {
        struct http_result r;
        ck_assert(api_call(port, "GET", "/api/v1/me", inv, NULL, &r));
        ck_assert_msg(r.status == 200, "a logged-on user during the flood: %ld", r.status);
        http_result_free(&r);
        served++;
        usleep(100000);
        clock_gettime(CLOCK_MONOTONIC, &t);
    } while ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 < FLOOD_MS);
    stop = true;
    int by[600] = {0}, total = 0;
    for (int i = 0; i < FLOODERS; i++)
        pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t); /* the last straggler is in */
    double elapsed_s = (double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9;
    for (int i = 0; i < FLOODERS; i++) {
        for (int k = 0; k < f[i].n; k++) {
            long s = f[i].statuses[k];
            /* 0: a connection refused by the per-address limit */
            ck_assert_msg(s == 0 || s == 401 || s == 429 || s == 503, "flood answered %ld", s);
            by[s]++;
            total++;
        }
    }
    printf("hardening: %d log-ons of unknown NIPs from %d clients in %d ms: 401 %d, 429 %d, "
           "503 %d, connection refused %d; %d requests of a logged-on user, all 200\n",
           total, FLOODERS, FLOOD_MS, by[401], by[429], by[503], by[0], served);
    /* login.address_per_minute = 12: a bucket of 12 refilled at 12 a minute
     * for as long as the flood and its stragglers lasted, plus the attempts
     * that passed the look before the ones ahead of them spent their token
     * (one per HTTP worker: --threads 4) */
    int allowed = 12 + (int)(12.0 * elapsed_s / 60.0 + 1.0) + 4;
    ck_assert_msg(by[401] <= allowed, "%d failures let through in %.1f s, %d allowed", by[401],
                  elapsed_s, allowed);
    ck_assert_int_gt(by[429], 0);
}
END_TEST

START_TEST(test_q_matches_literally)
{
    long long a = new_case(inv, "Kasus diskon 100% khusus");
    long long b = new_case(inv, "Kasus biasa tanpa tanda");
    (void)a;
    (void)b;
    struct http_result r;
    /* q=% must not list everything: only the case whose text holds a % */
    ck_assert(api_call(port, "GET", "/api/v1/cases?q=%25", inv, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    json_t *j = json_loads(r.body, 0, NULL);
    json_t *items = json_object_get(j, "items");
    ck_assert_msg(json_array_size(items) == 1, "q=%%: %s", r.body);
    json_decref(j);
    http_result_free(&r);
    ck_assert(api_call(port, "GET", "/api/v1/cases?q=_", inv, NULL, &r));
    j = json_loads(r.body, 0, NULL);
    ck_assert_msg(json_array_size(json_object_get(j, "items")) == 0, "q=_: %s", r.body);
    json_decref(j);
    http_result_free(&r);
}
END_TEST

START_TEST(test_another_offices_party_is_404_whatever_the_version)
{
    long long own = new_case(inv, "Perkara sendiri");
    long long theirs = new_case(inv_mre, "Perkara kantor lain");
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", theirs);
    struct http_result r;
    ck_assert(
        api_call(port, "POST", path, inv_mre, "{\"kind\":\"witness\",\"name\":\"Saksi\"}", &r));
    ck_assert_int_eq(r.status, 201);
    long long party = strtoll(strstr(r.body, "\"id\":") + 5, NULL, 10);
    http_result_free(&r);
    snprintf(path, sizeof path, "http://127.0.0.1:%d/api/v1/cases/%lld/parties/%lld", port, own,
             party);
    char auth[128];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", inv);
    const char *h[] = {auth, "Content-Type: application/json", "If-Match: \"1\"", NULL};
    const char body[] = "{\"name\":\"Diubah\"}";
    ck_assert(http_do("PUT", path, body, sizeof body - 1, h, &r));
    ck_assert_msg(r.status == 404, "%ld %s", r.status, r.body);
    http_result_free(&r);
    const char *ps[1] = {"Saksi"};
    ck_assert_int_eq(sql_count(db, "SELECT count(*) FROM app.parties WHERE name = $1", 1, ps), 1);
}
END_TEST

START_TEST(test_a_case_wide_charge_is_laid_once)
{
    long long id = new_case(inv, "Dakwaan ganda");
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    struct http_result r;
    ck_assert(api_call(port, "POST", path, inv, "{\"code\":\"122\"}", &r));
    ck_assert_int_eq(r.status, 201);
    http_result_free(&r);
    ck_assert(api_call(port, "POST", path, inv, "{\"code\":\"122\"}", &r));
    ck_assert_msg(r.status == 409, "%ld %s", r.status, r.body);
    ck_assert_msg(strstr(r.body, "sudah dikenakan") && !strstr(r.body, "case_offences"), "%s",
                  r.body);
    http_result_free(&r);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    ck_assert_int_eq(
        sql_count(db, "SELECT count(*) FROM app.case_offences WHERE case_id = $1::bigint", 1, p),
        1);
    /* and the database holds it too: a second case-wide row is refused */
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM pg_constraint WHERE conname = "
                               "'case_offences_once'",
                               0, NULL),
                     1);
}
END_TEST

START_TEST(test_verify_is_rate_limited_and_audited_without_its_code)
{
    long long before = sql_count(db,
                                 "SELECT count(*) FROM audit.events WHERE action = "
                                 "'document.verify'",
                                 0, NULL);
    int limited = 0, n = 0;
    for (; n < 12; n++) {
        struct http_result r;
        ck_assert(api_call(port, "GET", "/verify/ABCDEFGHJKMN", NULL, NULL, &r));
        ck_assert(r.status == 404 || r.status == 429);
        limited += r.status == 429;
        http_result_free(&r);
    }
    ck_assert_int_gt(limited, 0); /* verify.address_per_minute = 8 */
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE action = "
                               "'document.verify'",
                               0, NULL),
                     before + n);
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE action = "
                               "'document.verify' AND detail::text LIKE '%ABCDEFGHJKMN%'",
                               0, NULL),
                     0);
}
END_TEST

Suite *suite_hardening(void)
{
    Suite *s = suite_create("hardening");
    TCase *tc = tcase_create("hardening");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 90);
    tcase_add_test(tc, test_q_matches_literally);
    tcase_add_test(tc, test_another_offices_party_is_404_whatever_the_version);
    tcase_add_test(tc, test_a_case_wide_charge_is_laid_once);
    tcase_add_test(tc, test_verify_is_rate_limited_and_audited_without_its_code);
    tcase_add_test(tc, test_a_logon_flood_is_throttled_and_a_logged_on_user_is_served);
    suite_add_tcase(s, tc);
    return s;
}
