/*
 * test_multi.c - several berkasd on one PostgreSQL (issue 14.4): berkasd
 * keeps no state of its own beyond caches, so two instances on one --db
 * serve the same users.  Two real berkasd on one database: a session made
 * on one is good on the other and ended on both; concurrent writers on the
 * same case through both lose no update (a stale If-Match is 409, every
 * act answered 201 is in the log, the chain intact); cases opened and forms
 * issued at once through both get distinct, gapless numbers.
 */
#include <check.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "suites.h"

static struct proc a, b;
static int port_a, port_b;
static char *db;

static void start_two(void)
{
    db = harness_new_demo_db("multi_suite");
    char *extra[] = {"--db", db, "--demo", NULL};
    if (!berkasd_start(&a, &port_a, extra) || !berkasd_start(&b, &port_b, extra))
        abort();
}

static void stop_two(void)
{
    proc_stop(&a);
    proc_stop(&b);
    proc_free(&a);
    proc_free(&b);
    free(db);
}

static long long open_case(int port, const char *token)
{
    char date[11], body[256];
    days_ago(30, date);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji dua server\"}",
             date);
    json_t *c = api_json(port, "POST", "/api/v1/cases", token, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    return id;
}

START_TEST(test_a_session_made_on_one_is_good_on_the_other)
{
    char *token = api_login(port_a, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    json_decref(api_json(port_b, "GET", "/api/v1/me", token, NULL, 200));
    /* log off through B: A refuses it at once (no cache of sessions) */
    struct http_result r;
    ck_assert(api_call(port_b, "DELETE", "/api/v1/sessions/current", token, NULL, &r));
    ck_assert_int_eq(r.status, 204);
    http_result_free(&r);
    ck_assert(api_call(port_a, "GET", "/api/v1/me", token, NULL, &r));
    ck_assert_int_eq(r.status, 401);
    http_result_free(&r);
    free(token);
}
END_TEST

#define WRITERS 6
#define ROUNDS  6

struct writer {
    int port;
    const char *token;
    long long case_id;
    pthread_barrier_t *go;
    int created, stale, other;
    char last_other[200];
};

/* Read the case's version, then record an act with it: a writer that lost
 * the race to another (on either server) must get 409, never overwrite. */
static void *writer_run(void *arg)
{
    struct writer *w = arg;
    char path[96], auth[200], url[160], body[160], ifm[64];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", w->token);
    pthread_barrier_wait(w->go);
    for (int i = 0; i < ROUNDS; i++) {
        snprintf(path, sizeof path, "/api/v1/cases/%lld", w->case_id);
        struct http_result r;
        if (!api_call(w->port, "GET", path, w->token, NULL, &r))
            continue;
        json_t *c = json_loads(r.body, 0, NULL);
        http_result_free(&r);
        int version = (int)json_integer_value(json_object_get(c, "version"));
        json_decref(c);
        snprintf(url, sizeof url, "http://127.0.0.1:%d%s/events", w->port, path);
        snprintf(ifm, sizeof ifm, "If-Match: \"%d\"", version);
        snprintf(body, sizeof body, "{\"type\":\"letter_delivered\",\"note\":\"dua server %d\"}",
                 i);
        const char *h[] = {auth, "Content-Type: application/json", ifm, NULL};
        if (!http_do("POST", url, body, strlen(body), h, &r))
            continue;
        if (r.status == 201)
            w->created++;
        else if (r.status == 409 || r.status == 412)
            w->stale++;
        else {
            w->other++;
            snprintf(w->last_other, sizeof w->last_other, "%ld %.150s", r.status, r.body);
        }
        http_result_free(&r);
    }
    return NULL;
}

START_TEST(test_concurrent_writers_through_both_lose_no_update)
{
    char *inv = api_login(port_a, NIP_INV_PLG, DEMO_PW);
    char *inv2 = api_login(port_b, NIP_INV_PLG2, DEMO_PW);
    ck_assert(inv && inv2);
    long long id = open_case(port_a, inv);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = api_json(port_b, "GET", path, inv2, NULL, 200);
    int v0 = (int)json_integer_value(json_object_get(c, "version"));
    json_decref(c);
    pthread_barrier_t go;
    pthread_barrier_init(&go, NULL, WRITERS);
    struct writer w[WRITERS];
    pthread_t t[WRITERS];
    for (int i = 0; i < WRITERS; i++) {
        w[i] = (struct writer){
            .port = i % 2 ? port_b : port_a, .token = i % 2 ? inv2 : inv, .case_id = id, .go = &go};
        ck_assert_int_eq(pthread_create(&t[i], NULL, writer_run, &w[i]), 0);
    }
    int created = 0, stale = 0;
    for (int i = 0; i < WRITERS; i++) {
        pthread_join(t[i], NULL);
        ck_assert_msg(w[i].other == 0, "writer %d: %s", i, w[i].last_other);
        created += w[i].created;
        stale += w[i].stale;
    }
    pthread_barrier_destroy(&go);
    ck_assert_int_gt(created, 0);
    /* every 201 is one act in the log, and the version moved by exactly that */
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", id);
    const char *p[1] = {sid};
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.events WHERE case_id = $1::bigint AND "
                               "type = 'letter_delivered'",
                               1, p),
                     created);
    c = api_json(port_a, "GET", path, inv, NULL, 200);
    ck_assert_int_eq((int)json_integer_value(json_object_get(c, "version")), v0 + created);
    json_decref(c);
    char *admin = api_login(port_b, NIP_ADMIN_DITJEN, DEMO_PW);
    json_t *chain = api_json(port_b, "POST", "/api/v1/verify-chain", admin, NULL, 200);
    ck_assert(json_is_true(json_object_get(chain, "intact")));
    json_decref(chain);
    printf("multi: %d writers on two berkasd, %d acts recorded, %d stale (409)\n", WRITERS, created,
           stale);
    free(admin);
    free(inv);
    free(inv2);
}
END_TEST

#define OPENERS 8

struct opener {
    int port;
    const char *token;
    pthread_barrier_t *go;
    long status;
    char number[64];
};

static void *opener_run(void *arg)
{
    struct opener *o = arg;
    char date[11], body[256];
    days_ago(30, date);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji nomor\"}", date);
    pthread_barrier_wait(o->go);
    struct http_result r;
    if (api_call(o->port, "POST", "/api/v1/cases", o->token, body, &r)) {
        o->status = r.status;
        json_t *j = json_loads(r.body, 0, NULL);
        const char *n = json_string_value(json_object_get(j, "number"));
        snprintf(o->number, sizeof o->number, "%s", n ? n : "");
        json_decref(j);
        http_result_free(&r);
    }
    return NULL;
}

START_TEST(test_numbers_taken_through_both_are_distinct)
{
    char *inv = api_login(port_a, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(inv);
    pthread_barrier_t go;
    pthread_barrier_init(&go, NULL, OPENERS);
    struct opener o[OPENERS];
    pthread_t t[OPENERS];
    for (int i = 0; i < OPENERS; i++) {
        o[i] = (struct opener){.port = i % 2 ? port_b : port_a, .token = inv, .go = &go};
        ck_assert_int_eq(pthread_create(&t[i], NULL, opener_run, &o[i]), 0);
    }
    for (int i = 0; i < OPENERS; i++) {
        pthread_join(t[i], NULL);
        ck_assert_msg(o[i].status == 201, "opener %d: %ld", i, o[i].status);
    }
    pthread_barrier_destroy(&go);
    for (int i = 0; i < OPENERS; i++)
        for (int k = i + 1; k < OPENERS; k++)
            ck_assert_msg(strcmp(o[i].number, o[k].number) != 0, "duplicate %s", o[i].number);
    ck_assert_int_eq(
        sql_count(db, "SELECT count(*) - count(DISTINCT number) FROM app.cases", 0, NULL), 0);
    free(inv);
}
END_TEST

Suite *suite_multi(void)
{
    Suite *s = suite_create("multi");
    TCase *tc = tcase_create("two-servers");
    tcase_add_unchecked_fixture(tc, start_two, stop_two);
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, test_a_session_made_on_one_is_good_on_the_other);
    tcase_add_test(tc, test_concurrent_writers_through_both_lose_no_update);
    tcase_add_test(tc, test_numbers_taken_through_both_are_distinct);
    suite_add_tcase(s, tc);
    return s;
}
