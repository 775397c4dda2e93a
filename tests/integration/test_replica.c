/*
 * test_replica.c - a streaming replica for the heavy reads (issue 14.5):
 * berkasd --db-replica.  A primary cluster of the suite's own with the demo
 * loaded, and for each test a hot standby made from it with pg_basebackup -R
 * (store/cluster.c, as an administrator would make one), both real
 * PostgreSQL servers; real berkasd over HTTP.
 *
 * Proved by what a supervisor sees: with replay paused on the replica, a case
 * opened on the primary is missing from the review counts (the replica
 * answers) while the replica is within --replica-max-lag, and there once
 * berkasd finds it lagging and asks the primary; replay resumed, the replica
 * is used again.  A stopped replica: the lists still answer 200 from the
 * primary, one log line says so (naming the server, no case data), and the
 * replica restarted is used again.  Bad settings: an unparsable conninfo is
 * a usage error (exit 2), a server that is no standby of the primary stops
 * the start (exit 1), a replica that does not answer is warned and the
 * primary serves; --check-config checks it.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "store/cluster.h"
#include "suites.h"

#define MAX_LAG "6" /* seconds: room for a request under ASan on a loaded machine */

static struct cluster *primary;
static char *primary_db;
static struct cluster *standby; /* per test */
static char *standby_db;

static void primary_up(void)
{
    primary = harness_cluster_new("replica-primary", "berkas", &primary_db);
    /* the schema and the demo, as a first start would make them */
    struct proc p;
    int port;
    char *extra[] = {"--db", primary_db, "--demo", NULL};
    if (!berkasd_start(&p, &port, extra)) {
        char *out = proc_output(&p);
        fprintf(stderr, "replica: demo on the primary: %s\n", out);
        abort();
    }
    proc_stop(&p);
    proc_free(&p);
}

static void primary_down(void)
{
    cluster_free(primary);
    free(primary_db);
}

static void standby_up(void)
{
    standby = harness_standby_new(primary, "berkas", &standby_db);
}

static void standby_down(void)
{
    cluster_free(standby);
    free(standby_db);
}

static bool start(struct proc *p, int *port, const char *replica)
{
    char *extra[] = {"--db",  primary_db, "--db-replica", (char *)replica, "--replica-max-lag",
                     MAX_LAG, NULL};
    return berkasd_start(p, port, extra);
}

static json_t *get_json(int port, const char *path, const char *token)
{
    struct http_result r;
    ck_assert(api_call(port, "GET", path, token, NULL, &r));
    ck_assert_msg(r.status == 200, "GET %s: %ld %s", path, r.status, r.body);
    json_t *j = json_loads(r.body, 0, NULL);
    http_result_free(&r);
    ck_assert_ptr_nonnull(j);
    return j;
}

/* Whether /healthz says the heavy reads go to the replica now. */
static bool replica_in_use(int port)
{
    json_t *h = get_json(port, "/healthz", NULL);
    bool in_use = json_is_true(json_object_get(json_object_get(h, "replica"), "in_use"));
    json_decref(h);
    return in_use;
}

static bool wait_in_use(int port, bool want, int seconds)
{
    for (int i = 0; i < seconds * 10; i++) {
        if (replica_in_use(port) == want)
            return true;
        usleep(100000);
    }
    return false;
}

/* The national supervisor's count of listed files (the review counts). */
static long long listed(int port, const char *token)
{
    json_t *c = get_json(port, "/api/v1/review/offices", token);
    long long n = json_integer_value(json_object_get(json_object_get(c, "total"), "open"));
    json_decref(c);
    return n;
}

static void open_case(int port, const char *token, const char *summary)
{
    char body[256];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-11-20\",\"summary\":\"%s\"}", summary);
    struct http_result r;
    ck_assert(api_call(port, "POST", "/api/v1/cases", token, body, &r));
    ck_assert_msg(r.status == 201, "open: %ld %s", r.status, r.body);
    http_result_free(&r);
}

static bool log_has(const struct proc *p, const char *needle)
{
    char *out = proc_output(p);
    bool has = strstr(out, needle) != NULL;
    free(out);
    return has;
}

START_TEST(test_the_review_list_comes_from_the_replica_until_it_lags_past_the_bound)
{
    struct proc p;
    int port;
    ck_assert(start(&p, &port, standby_db));
    ck_assert_msg(wait_in_use(port, true, 30), "the replica never in use");
    char *sup = api_login(port, NIP_SUP_DITJEN, DEMO_PW);
    char *inv = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert(sup && inv);
    long long before = listed(port, sup);
    const char *audited_sql = "SELECT count(*) FROM audit.events WHERE action = 'review.counts' "
                              "AND outcome = 'ok'";
    long long audited = sql_count(primary_db, audited_sql, 0, NULL);

    /* replay paused: the replica keeps what it has */
    free(sql_value(standby_db, "SELECT pg_wal_replay_pause()", 0, NULL));
    for (int i = 0; i < 100; i++) {
        char *st = sql_value(standby_db, "SELECT pg_get_wal_replay_pause_state()", 0, NULL);
        bool paused = strcmp(st, "paused") == 0;
        free(st);
        if (paused)
            break;
        usleep(50000);
    }
    open_case(port, inv, "Uji replika");
    /* within the bound: the replica answers, without the new file */
    ck_assert_int_eq(listed(port, sup), before);
    /* the read on the replica was audited, on the primary */
    ck_assert_int_eq(sql_count(primary_db, audited_sql, 0, NULL), audited + 1);
    /* past the bound: berkasd asks the primary */
    long long now = before;
    for (int i = 0; i < 300 && now == before; i++) {
        usleep(100000);
        now = listed(port, sup);
    }
    ck_assert_int_eq(now, before + 1);
    ck_assert(!replica_in_use(port));
    ck_assert(log_has(&p, "heavy reads go to the primary: it lags"));

    /* replay resumed: the replica catches up and is used again */
    free(sql_value(standby_db, "SELECT pg_wal_replay_resume()", 0, NULL));
    ck_assert_msg(wait_in_use(port, true, 30), "the replica not used again");
    ck_assert(log_has(&p, "in use again"));
    ck_assert_int_eq(listed(port, sup), before + 1);
    struct http_result r;
    ck_assert(api_call(port, "GET", "/api/v1/review?limit=5", sup, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    http_result_free(&r);
    ck_assert(!log_has(&p, "Uji replika")); /* no case data in the log */
    proc_stop_clean(&p);
    proc_free(&p);
    free(sup);
    free(inv);
}
END_TEST

START_TEST(test_a_stopped_replica_leaves_the_lists_to_the_primary_and_is_used_again)
{
    struct proc p;
    int port;
    ck_assert(start(&p, &port, standby_db));
    ck_assert_msg(wait_in_use(port, true, 30), "the replica never in use");
    char *sup = api_login(port, NIP_SUP_DITJEN, DEMO_PW);
    char *inv = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert(sup && inv);
    long long before = listed(port, sup);

    struct berr err = {0};
    ck_assert_msg(cluster_stop(standby, &err), "%s", err.message);
    open_case(port, inv, "Uji replika mati");
    /* every list answers, from the primary, at once: no 503 */
    ck_assert_int_eq(listed(port, sup), before + 1);
    json_decref(get_json(port, "/api/v1/review?limit=5", sup));
    json_decref(get_json(port, "/api/v1/stats?year=2026", sup));
    ck_assert(wait_in_use(port, false, 10));
    ck_assert(log_has(&p, "heavy reads go to the primary"));
    ck_assert(!log_has(&p, "Uji replika mati"));
    ck_assert(!log_has(&p, "LK/KANIM"));

    /* back: used again, without a failed request on its old connections */
    ck_assert_msg(cluster_restart(standby, &err), "%s", err.message);
    ck_assert_msg(wait_in_use(port, true, 30), "the replica not used again");
    /* used again while still within its bound (--replica-max-lag after what it last held): the
     * file opened while it was stopped may reach its lists a little later, never later than the
     * bound; and no request fails on its old connections meanwhile (listed asks for a 200) */
    long long now = listed(port, sup);
    for (int i = 0; i < 10 * atoi(MAX_LAG) + 50 && now != before + 1; i++) {
        usleep(100000);
        now = listed(port, sup);
    }
    ck_assert_int_eq(now, before + 1);
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(listed(port, sup), before + 1);
    ck_assert(replica_in_use(port));
    proc_stop_clean(&p);
    proc_free(&p);
    free(sup);
    free(inv);
}
END_TEST

START_TEST(test_bad_replica_settings_are_refused_or_warned)
{
    char *out = NULL;
    /* not a connection string: usage, before anything is touched */
    char *bad[] = {
        (char *)harness_berkasd(), "--db", primary_db, "--db-replica", "host=x port", NULL};
    ck_assert_int_eq(run_capture(bad, 60000, &out), 2);
    ck_assert_msg(strstr(out, "--db-replica is not a libpq connection string"), "%s", out);
    free(out);
    setenv("BERKAS_DB_REPLICA", "dbname", 1);
    char *env[] = {(char *)harness_berkasd(), "--db", primary_db, NULL};
    ck_assert_int_eq(run_capture(env, 60000, &out), 2);
    unsetenv("BERKAS_DB_REPLICA");
    ck_assert_msg(strstr(out, "--db-replica is not"), "%s", out);
    free(out);

    /* the primary itself is no standby: the start stops, saying why */
    char listen[32];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", free_port());
    char *self[] = {(char *)harness_berkasd(),
                    "--listen",
                    listen,
                    "--sql-dir",
                    (char *)harness_sql_dir(),
                    "--db",
                    primary_db,
                    "--db-replica",
                    primary_db,
                    NULL};
    ck_assert_int_eq(run_capture(self, 60000, &out), 1);
    ck_assert_msg(strstr(out, "not in recovery"), "%s", out);
    free(out);

    /* a replica that does not answer: warned, and the primary serves */
    struct proc p;
    int port;
    char *away = harness_mkdtemp("away");
    char away_db[700];
    snprintf(away_db, sizeof away_db, "host=%s user=berkas dbname=berkas", away);
    ck_assert(start(&p, &port, away_db));
    char *sup = api_login(port, NIP_SUP_DITJEN, DEMO_PW);
    ck_assert_ptr_nonnull(sup);
    ck_assert_int_gt(listed(port, sup), 0);
    ck_assert(!replica_in_use(port));
    ck_assert(log_has(&p, "heavy reads go to the primary: it does not answer"));
    proc_stop_clean(&p);
    proc_free(&p);
    free(sup);

    /* --check-config: the standby is one; the primary is not; away only warns */
    char *check[] = {(char *)harness_berkasd(),
                     "--listen",
                     listen,
                     "--sql-dir",
                     (char *)harness_sql_dir(),
                     "--db",
                     primary_db,
                     "--db-replica",
                     standby_db,
                     "--check-config",
                     NULL};
    run_capture(check, 60000, &out);
    ck_assert_msg(strstr(out, "ok    replica") && strstr(out, "standby of the primary"), "%s", out);
    free(out);
    check[8] = primary_db;
    ck_assert_int_eq(run_capture(check, 60000, &out), 1);
    ck_assert_msg(strstr(out, "FAIL  replica") && strstr(out, "not in recovery"), "%s", out);
    free(out);
    check[8] = away_db;
    run_capture(check, 60000, &out);
    ck_assert_msg(strstr(out, "warn  replica") && strstr(out, "does not answer"), "%s", out);
    free(out);
    free(away);
}
END_TEST

Suite *suite_replica(void)
{
    Suite *s = suite_create("replica");
    TCase *tc = tcase_create("standby");
    tcase_add_unchecked_fixture(tc, primary_up, primary_down);
    tcase_add_checked_fixture(tc, standby_up, standby_down);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_the_review_list_comes_from_the_replica_until_it_lags_past_the_bound);
    tcase_add_test(tc, test_a_stopped_replica_leaves_the_lists_to_the_primary_and_is_used_again);
    tcase_add_test(tc, test_bad_replica_settings_are_refused_or_warned);
    suite_add_tcase(s, tc);
    return s;
}
