/*
 * test_idempotency.c - Idempotency-Key on every POST that creates
 * something, over real HTTP against a real berkasd, counted in the database.
 *
 * The expectation is the IETF draft draft-ietf-httpapi-idempotency-key-header
 * as DESIGN.md adopts it ("Writes take Idempotency-Key; a retried request gets
 * the first answer") and RELIABILITY.md F6 (0 duplicates; identical replays;
 * a reused key with another request refused), and issue 9.8: the same key
 * created two cases and issued two documents (two numbers).  Keys expire
 * after idempotency.keep_hours (24 h, a setting), after which the same key
 * acts again.
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

#define TWINS 8

static struct demo_server demo;
static const char *inv2, *admin;
static long long kanwil_sumsel, kanim_plg;

static void start_server(void)
{
    demo_server_start(&demo, "idempotency_suite");
    inv2 = demo_server_login(&demo, NIP_INV_PLG2);
    admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
    kanwil_sumsel = demo_server_office(&demo, "KANWIL-SUMSEL");
    kanim_plg = demo_server_office(&demo, "KANIM-PLG");
}

static void stop_server(void)
{
    demo_server_stop(&demo);
}

/* POST path as token with body and (when not NULL) an Idempotency-Key. */
static bool post(const char *path, const char *token, const char *body, const char *key,
                 struct http_result *r)
{
    char url[256], auth[160], ik[300];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    snprintf(ik, sizeof ik, "Idempotency-Key: %s", key ? key : "");
    const char *h[] = {auth, "Content-Type: application/json", key ? ik : NULL, NULL};
    return http_do("POST", url, body, strlen(body), h, r);
}

static void today(char out[11])
{
    time_t t = time(NULL) - 3 * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static long long new_case(const char *token)
{
    char d[11], body[256];
    today(d);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"kejari_id\":%lld,"
             "\"summary\":\"Orang asing bekerja tanpa izin\"}",
             d, demo.kejari_plg);
    struct http_result r;
    ck_assert(post("/api/v1/cases", token, body, NULL, &r));
    ck_assert_msg(r.status == 201, "%s", r.body);
    json_t *j = json_loads(r.body, 0, NULL);
    long long id = json_integer_value(json_object_get(j, "id"));
    json_decref(j);
    http_result_free(&r);
    return id;
}

struct create {
    const char *what;
    char path[128];
    const char *token;
    char body[600];
    char other[600]; /* another request under the same key */
    char count_sql[300];
};

/* The same key twice acts once and answers the same, byte for byte, with
 * the same Location; the key with another body is refused and acts not. */
static void check_once(const struct create *c, int n)
{
    char key[64];
    snprintf(key, sizeof key, "uji-%d-%ld", n, (long)time(NULL));
    long long before = sql_count(demo.db, c->count_sql, 0, NULL);
    struct http_result a, b, x;
    ck_assert(post(c->path, c->token, c->body, key, &a));
    ck_assert_msg(a.status == 201, "%s: first: %ld %s", c->what, a.status, a.body);
    ck_assert(post(c->path, c->token, c->body, key, &b));
    ck_assert_msg(b.status == a.status, "%s: retry: %ld %s", c->what, b.status, b.body);
    ck_assert_str_eq(b.body, a.body);
    ck_assert_str_eq(b.location, a.location);
    ck_assert_str_eq(b.content_type, a.content_type);
    ck_assert_msg(sql_count(demo.db, c->count_sql, 0, NULL) == before + 1, "%s: acted twice",
                  c->what);
    ck_assert(post(c->path, c->token, c->other, key, &x));
    ck_assert_msg(x.status == 422 && strstr(x.body, "idempotency-key-reused"), "%s: reused: %ld %s",
                  c->what, x.status, x.body);
    ck_assert_int_eq(sql_count(demo.db, c->count_sql, 0, NULL), before + 1);
    http_result_free(&a);
    http_result_free(&b);
    http_result_free(&x);
}

START_TEST(test_every_create_acts_once_per_key)
{
    long long cs = new_case(demo.inv);
    char d[11];
    today(d);
    struct create c[10];
    memset(c, 0, sizeof c);
    int n = 0;

    c[n].what = "case";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/cases");
    c[n].token = demo.inv;
    snprintf(c[n].body, sizeof c[n].body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"kejari_id\":%lld,\"summary\":\"a\"}",
             d, demo.kejari_plg);
    snprintf(c[n].other, sizeof c[n].other,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"kejari_id\":%lld,\"summary\":\"b\"}",
             d, demo.kejari_plg);
    snprintf(c[n].count_sql, sizeof c[n].count_sql, "SELECT count(*) FROM app.cases");
    n++;

    c[n].what = "event";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/cases/%lld/events", cs);
    c[n].token = demo.inv;
    snprintf(c[n].body, sizeof c[n].body, "{\"type\":\"letter_delivered\",\"date\":\"%s\"}", d);
    snprintf(c[n].other, sizeof c[n].other,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"note\":\"lain\"}", d);
    snprintf(c[n].count_sql, sizeof c[n].count_sql,
             "SELECT count(*) FROM app.events WHERE case_id = %lld", cs);
    n++;

    c[n].what = "party";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/cases/%lld/parties", cs);
    c[n].token = demo.inv;
    snprintf(c[n].body, sizeof c[n].body,
             "{\"kind\":\"suspect\",\"name\":\"Lee Min Ho\",\"nationality\":\"KR\"}");
    snprintf(c[n].other, sizeof c[n].other,
             "{\"kind\":\"witness\",\"name\":\"Lee Min Ho\",\"nationality\":\"KR\"}");
    snprintf(c[n].count_sql, sizeof c[n].count_sql,
             "SELECT count(*) FROM app.parties WHERE case_id = %lld", cs);
    n++;

    c[n].what = "offence";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/cases/%lld/offences", cs);
    c[n].token = demo.inv;
    snprintf(c[n].body, sizeof c[n].body, "{\"code\":\"122\"}");
    snprintf(c[n].other, sizeof c[n].other, "{\"code\":\"119(1)\"}");
    snprintf(c[n].count_sql, sizeof c[n].count_sql,
             "SELECT count(*) FROM app.case_offences WHERE case_id = %lld", cs);
    n++;

    c[n].what = "evidence";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/cases/%lld/evidence", cs);
    c[n].token = demo.inv;
    snprintf(c[n].body, sizeof c[n].body, "{\"description\":\"Paspor\",\"quantity\":\"1\"}");
    snprintf(c[n].other, sizeof c[n].other, "{\"description\":\"Paspor\",\"quantity\":\"2\"}");
    snprintf(c[n].count_sql, sizeof c[n].count_sql,
             "SELECT count(*) FROM app.evidence WHERE case_id = %lld", cs);
    n++;

    c[n].what = "document";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/cases/%lld/forms/laporan_kejadian", cs);
    c[n].token = demo.inv;
    snprintf(c[n].body, sizeof c[n].body, "{}");
    snprintf(c[n].other, sizeof c[n].other, "{\"params\":{}}");
    snprintf(c[n].count_sql, sizeof c[n].count_sql,
             "SELECT count(*) FROM app.documents WHERE case_id = %lld", cs);
    n++;

    c[n].what = "user";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/users");
    c[n].token = admin;
    snprintf(c[n].body, sizeof c[n].body,
             "{\"nip\":\"199501012020121001\",\"name\":\"Uji Kunci\",\"office_id\":%lld,"
             "\"role\":\"supervisor\",\"password\":\"kalimat sandi yang panjang sekali\"}",
             kanim_plg);
    snprintf(c[n].other, sizeof c[n].other,
             "{\"nip\":\"199501012020121002\",\"name\":\"Uji Kunci\",\"office_id\":%lld,"
             "\"role\":\"supervisor\",\"password\":\"kalimat sandi yang panjang sekali\"}",
             kanim_plg);
    snprintf(c[n].count_sql, sizeof c[n].count_sql, "SELECT count(*) FROM app.users");
    n++;

    c[n].what = "office";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/offices");
    c[n].token = admin;
    snprintf(c[n].body, sizeof c[n].body,
             "{\"parent_id\":%lld,\"kind\":\"kanim\",\"code\":\"KANIM-UJI\",\"name\":\"Kantor "
             "Imigrasi Uji\",\"tz\":\"Asia/Jakarta\",\"class\":\"Kelas III\"}",
             kanwil_sumsel);
    snprintf(c[n].other, sizeof c[n].other,
             "{\"parent_id\":%lld,\"kind\":\"kanim\",\"code\":\"KANIM-UJI2\",\"name\":\"Kantor "
             "Imigrasi Uji\",\"tz\":\"Asia/Jakarta\",\"class\":\"Kelas III\"}",
             kanwil_sumsel);
    snprintf(c[n].count_sql, sizeof c[n].count_sql, "SELECT count(*) FROM app.offices");
    n++;

    c[n].what = "letterhead";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/offices/%lld/letterheads", kanim_plg);
    c[n].token = admin;
    snprintf(c[n].body, sizeof c[n].body,
             "{\"effective_from\":\"2027-01-01\",\"lines\":[\"KEMENTERIAN UJI\"]}");
    snprintf(c[n].other, sizeof c[n].other,
             "{\"effective_from\":\"2027-01-02\",\"lines\":[\"KEMENTERIAN UJI\"]}");
    snprintf(c[n].count_sql, sizeof c[n].count_sql,
             "SELECT count(*) FROM app.letterheads WHERE office_id = %lld", kanim_plg);
    n++;

    c[n].what = "official";
    snprintf(c[n].path, sizeof c[n].path, "/api/v1/offices/%lld/officials", kanim_plg);
    c[n].token = admin;
    snprintf(
        c[n].body, sizeof c[n].body,
        "{\"role\":\"kepala_kantor\",\"title\":\"Kepala Kantor Uji\",\"acting\":\"Plh.\","
        "\"name\":\"Pejabat Uji\",\"nip\":\"198001012005011001\",\"valid_from\":\"2027-01-01\"}");
    snprintf(
        c[n].other, sizeof c[n].other,
        "{\"role\":\"kepala_kantor\",\"title\":\"Kepala Kantor Uji\",\"acting\":\"Plh.\","
        "\"name\":\"Pejabat Uji\",\"nip\":\"198001012005011001\",\"valid_from\":\"2027-01-02\"}");
    snprintf(c[n].count_sql, sizeof c[n].count_sql,
             "SELECT count(*) FROM app.officials WHERE office_id = %lld", kanim_plg);
    n++;

    for (int i = 0; i < n; i++)
        check_once(&c[i], i);
}
END_TEST

struct twin {
    const char *path, *body, *key, *token;
    pthread_barrier_t *go;
    long status;
    char *answer;
};

static void *twin_run(void *arg)
{
    struct twin *t = arg;
    pthread_barrier_wait(t->go);
    struct http_result r;
    if (post(t->path, t->token, t->body, t->key, &r)) {
        t->status = r.status;
        t->answer = strdup(r.body);
        http_result_free(&r);
    }
    return NULL;
}

/* Twins at once (a client retrying over a connection it thought dead): one
 * acts, every one gets its answer. */
static void twins(const char *path, const char *body, const char *key, const char *count_sql)
{
    long long before = sql_count(demo.db, count_sql, 0, NULL);
    pthread_barrier_t go;
    pthread_barrier_init(&go, NULL, TWINS);
    struct twin t[TWINS];
    pthread_t th[TWINS];
    for (int i = 0; i < TWINS; i++) {
        t[i] = (struct twin){.path = path, .body = body, .key = key, .token = demo.inv, .go = &go};
        ck_assert_int_eq(pthread_create(&th[i], NULL, twin_run, &t[i]), 0);
    }
    for (int i = 0; i < TWINS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&go);
    for (int i = 0; i < TWINS; i++) {
        ck_assert_msg(t[i].status == 201 && t[i].answer, "%s twin %d: %ld %s", path, i, t[i].status,
                      t[i].answer ? t[i].answer : "");
        ck_assert_str_eq(t[i].answer, t[0].answer);
    }
    ck_assert_int_eq(sql_count(demo.db, count_sql, 0, NULL), before + 1);
    for (int i = 0; i < TWINS; i++)
        free(t[i].answer);
}

START_TEST(test_concurrent_twins_act_once)
{
    char d[11], body[256];
    today(d);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"kejari_id\":%lld,"
             "\"summary\":\"kembar\"}",
             d, demo.kejari_plg);
    twins("/api/v1/cases", body, "kembar-perkara", "SELECT count(*) FROM app.cases");
    /* a document: one number, not TWINS */
    long long cs = new_case(demo.inv);
    char path[128], count[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", cs);
    snprintf(count, sizeof count, "SELECT count(*) FROM app.documents WHERE case_id = %lld", cs);
    twins(path, "{}", "kembar-dokumen", count);
}
END_TEST

START_TEST(test_keys_belong_to_their_user_and_expire_as_documented)
{
    char d[11], body[256];
    today(d);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"kejari_id\":%lld}", d,
             demo.kejari_plg);
    const char *count = "SELECT count(*) FROM app.cases";
    long long n0 = sql_count(demo.db, count, 0, NULL);
    struct http_result a, b, c, e;
    ck_assert(post("/api/v1/cases", demo.inv, body, "kunci-bersama", &a));
    ck_assert_int_eq(a.status, 201);
    /* another user's identical key is another request */
    ck_assert(post("/api/v1/cases", inv2, body, "kunci-bersama", &b));
    ck_assert_int_eq(b.status, 201);
    ck_assert_str_ne(b.body, a.body);
    ck_assert_int_eq(sql_count(demo.db, count, 0, NULL), n0 + 2);
    /* within idempotency.keep_hours the first answer comes back... */
    ck_assert(post("/api/v1/cases", demo.inv, body, "kunci-bersama", &c));
    ck_assert_str_eq(c.body, a.body);
    ck_assert_int_eq(sql_count(demo.db, count, 0, NULL), n0 + 2);
    /* ...and once it is older than that, the key is forgotten and acts again */
    const char *nip[1] = {NIP_INV_PLG};
    free(sql_value(demo.db,
                   "UPDATE app.idempotency SET created_at = now() - make_interval(hours => "
                   "(SELECT value::int + 1 FROM app.settings WHERE key = "
                   "'idempotency.keep_hours')) WHERE key = 'kunci-bersama' AND user_id = "
                   "(SELECT id FROM app.users WHERE nip = $1) RETURNING 1",
                   1, nip));
    ck_assert(post("/api/v1/cases", demo.inv, body, "kunci-bersama", &e));
    ck_assert_int_eq(e.status, 201);
    ck_assert_str_ne(e.body, a.body);
    ck_assert_int_eq(sql_count(demo.db, count, 0, NULL), n0 + 3);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.idempotency WHERE key = "
                               "'kunci-bersama'",
                               0, NULL),
                     2);
    http_result_free(&a);
    http_result_free(&b);
    http_result_free(&c);
    http_result_free(&e);
}
END_TEST

START_TEST(test_a_malformed_key_is_400_and_acts_not)
{
    char d[11], body[256], longkey[260];
    today(d);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"kejari_id\":%lld}", d,
             demo.kejari_plg);
    memset(longkey, 'k', 201);
    longkey[201] = '\0';
    const char *bad[] = {longkey, "kunci dengan spasi", "kunci-\xc3\xa9"};
    long long n0 = sql_count(demo.db, "SELECT count(*) FROM app.cases", 0, NULL);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct http_result r;
        ck_assert(post("/api/v1/cases", demo.inv, body, bad[i], &r));
        ck_assert_msg(r.status == 400 && strstr(r.body, "Idempotency-Key"), "key %zu: %ld %s", i,
                      r.status, r.body);
        http_result_free(&r);
    }
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.cases", 0, NULL), n0);
}
END_TEST

Suite *suite_idempotency(void)
{
    Suite *s = suite_create("idempotency");
    TCase *tc = tcase_create("idempotency");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_every_create_acts_once_per_key);
    tcase_add_test(tc, test_concurrent_twins_act_once);
    tcase_add_test(tc, test_keys_belong_to_their_user_and_expire_as_documented);
    tcase_add_test(tc, test_a_malformed_key_is_400_and_acts_not);
    suite_add_tcase(s, tc);
    return s;
}
