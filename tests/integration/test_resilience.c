/*
 * test_resilience.c - berkasd when its database fails under it: the
 * embedded postmaster killed outright, and a database that hangs (every one
 * of its processes stopped, so that the socket stays open and nothing
 * answers), over real HTTP with a real embedded cluster.
 *
 * The expectations are issue 9's: "if the postmaster dies, berkasd answers
 * 503 until someone restarts it. Restart it (with backoff, logged), serve
 * again within 5 s" (9.5) and "a hung database hangs every request and
 * /healthz (no client-side deadline). Every query has a deadline on the
 * client side too (cancel, then 503 with Retry-After)" (9.6); RELIABILITY.md
 * F2 (no success answer for a write that did not commit) and F10 (every
 * request past the deadline gets an error answer).  How long recovery took
 * is printed as a figure, never asserted: bench/resilience measures it.
 */
#include <check.h>
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "store/db.h"
#include "store/stmt.h"
#include "store/tx.h"
#include "suites.h"

#define HUNG_CLIENTS 6 /* three times the pool of berkasd_start's two threads */

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static pid_t postmaster_pid(const char *data_dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/pg/postmaster.pid", data_dir);
    char *s = read_text(path);
    pid_t pid = s ? (pid_t)strtol(s, NULL, 10) : 0;
    free(s);
    return pid;
}

/* berkasd with the demo data on an embedded cluster of its own; returns the
 * data dir. */
static char *start_embedded(struct proc *p, int *port, const char *deadline)
{
    char *base = harness_mkdtemp("res");
    size_t n = strlen(base) + 8;
    char *data = malloc(n);
    snprintf(data, n, "%s/data", base);
    free(base);
    char *extra[] = {"--data-dir",     data, "--unsafe-no-fsync", "--demo", "--db-deadline",
                     (char *)deadline, NULL};
    if (!berkasd_start(p, port, extra)) {
        char *out = proc_output(p);
        ck_abort_msg("berkasd did not start: %s", out);
    }
    return data;
}

static long status_of(int port, const char *method, const char *path, const char *token,
                      const char *body, char *retry_after, size_t rasz)
{
    struct http_result r;
    if (!api_call(port, method, path, token, body, &r))
        return -1; /* no answer at all (the client gave up after 30 s) */
    long st = r.status;
    if (retry_after)
        snprintf(retry_after, rasz, "%s", r.retry_after);
    http_result_free(&r);
    return st;
}

/* Poll /healthz until it says 200 (and, when data is given, a postmaster
 * other than old runs on it); the milliseconds it took, or -1. */
static long long wait_healthy(int port, const char *data, pid_t old, int limit_ms)
{
    long long t0 = now_ms();
    while (now_ms() - t0 < limit_ms) {
        pid_t pm = data ? postmaster_pid(data) : 0;
        if ((!data || (pm > 0 && pm != old)) &&
            status_of(port, "GET", "/healthz", NULL, NULL, NULL, 0) == 200)
            return now_ms() - t0;
        usleep(20000);
    }
    return -1;
}

/* ---- the postmaster killed -------------------------------------------------------- */

START_TEST(test_a_killed_postmaster_is_brought_back_and_sessions_survive)
{
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port, "6");
    char *token = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    ck_assert_int_eq(status_of(port, "GET", "/api/v1/cases", token, NULL, NULL, 0), 200);
    char db[1200];
    snprintf(db, sizeof db, "host='%s/pg' user=berkas dbname=berkas", data);
    for (int round = 1; round <= 2; round++) {
        /* --unsafe-no-fsync commits asynchronously (synchronous_commit=off):
         * the last moment's commits may be lost in a crash, so the session
         * is written out first; with fsync on, as in use, it always is */
        free(sql_value(db, "CHECKPOINT", 0, NULL));
        pid_t pm = postmaster_pid(data);
        ck_assert_int_gt(pm, 0);
        ck_assert_int_eq(kill(pm, SIGKILL), 0);
        long long back = wait_healthy(port, data, pm, 30000);
        ck_assert_msg(back >= 0, "round %d: not healthy within 30 s", round);
        /* the session is in the database: it outlived the crash, and no
         * request meets a connection to the dead server */
        for (int i = 0; i < 4; i++)
            ck_assert_int_eq(status_of(port, "GET", "/api/v1/cases", token, NULL, NULL, 0), 200);
        printf("resilience: postmaster killed (round %d): /healthz 200 again after %lld ms\n",
               round, back);
    }
    char *out = proc_output(&p);
    ck_assert_msg(strstr(out, "PostgreSQL killed by signal 9; restarting") &&
                      strstr(out, "PostgreSQL back after"),
                  "%s", out);
    free(out);
    proc_stop_clean(&p);
    ck_assert_int_eq(count_processes_with(data), 0); /* the restarted one stopped too */
    proc_free(&p);
    free(token);
    free(data);
}
END_TEST

/* ---- the database hung ------------------------------------------------------------ */

static pid_t stopped[64];
static int nstopped;

static void resume_all(void)
{
    for (int i = 0; i < nstopped; i++)
        kill(stopped[i], SIGCONT);
    nstopped = 0;
}

/* Stop the postmaster and every process it started: the sockets stay open,
 * nothing answers (a hung database, as a frozen VM or a dead disk leaves it). */
static void hang_cluster(pid_t pm)
{
    atexit(resume_all); /* a failing test must not leave a frozen cluster */
    stopped[nstopped++] = pm;
    DIR *d = opendir("/proc");
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d)) && nstopped < 64) {
        char path[300];
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        char *st = e->d_name[0] >= '1' && e->d_name[0] <= '9' ? read_text(path) : NULL;
        const char *rp = st ? strrchr(st, ')') : NULL;
        long ppid = 0;
        char state;
        if (rp && sscanf(rp + 1, " %c %ld", &state, &ppid) == 2 && ppid == pm)
            stopped[nstopped++] = (pid_t)strtol(e->d_name, NULL, 10);
        free(st);
    }
    closedir(d);
    ck_assert_int_gt(nstopped, 2); /* the postmaster, its helpers, the pool's backends */
    for (int i = 0; i < nstopped; i++)
        kill(stopped[i], SIGSTOP);
}

struct client {
    int port;
    const char *token;
    long status;
    char retry_after[16];
};

static void *client_run(void *arg)
{
    struct client *c = arg;
    c->status = status_of(c->port, "GET", "/api/v1/cases", c->token, NULL, c->retry_after,
                          sizeof c->retry_after);
    return NULL;
}

START_TEST(test_a_hung_database_gets_503_with_retry_after_and_healthz_answers)
{
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port, "2");
    char *token = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    char db[1200], body[256];
    snprintf(db, sizeof db, "host='%s/pg' user=berkas dbname=berkas", data);
    char *kejari = sql_value(db, "SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'", 0, NULL);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-11-02\",\"summary\":\"Perkara "
             "saat basis data macet\",\"kejari_id\":%s}",
             kejari);
    free(kejari);
    const char *count = "SELECT count(*) FROM app.cases WHERE summary = 'Perkara saat basis data "
                        "macet'";
    hang_cluster(postmaster_pid(data));

    /* /healthz answers, and says the database does not */
    char ra[16] = "";
    ck_assert_int_eq(status_of(port, "GET", "/healthz", NULL, NULL, ra, sizeof ra), 503);
    ck_assert_str_eq(ra, "5");
    /* more clients than connections: every one gets an answer, 503 with
     * Retry-After, none is left hanging */
    struct client c[HUNG_CLIENTS];
    pthread_t t[HUNG_CLIENTS];
    for (int i = 0; i < HUNG_CLIENTS; i++) {
        c[i] = (struct client){.port = port, .token = token};
        ck_assert_int_eq(pthread_create(&t[i], NULL, client_run, &c[i]), 0);
    }
    for (int i = 0; i < HUNG_CLIENTS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < HUNG_CLIENTS; i++) {
        ck_assert_msg(c[i].status == 503, "client %d: %ld", i, c[i].status);
        ck_assert_str_eq(c[i].retry_after, "5");
    }
    /* a write while hung: 503, and its Idempotency-Key settles it afterwards */
    struct http_result w;
    char url[128], auth[160];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases", port);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    const char *h[] = {auth, "Content-Type: application/json", "Idempotency-Key: macet-1", NULL};
    ck_assert(http_do("POST", url, body, strlen(body), h, &w));
    ck_assert_int_eq(w.status, 503);
    http_result_free(&w);
    char *out = proc_output(&p);
    ck_assert_msg(strstr(out, "no answer within the deadline; cancelled"), "%s", out);
    free(out);

    long long t0 = now_ms();
    resume_all();
    long long back = wait_healthy(port, NULL, 0, 30000);
    ck_assert_msg(back >= 0, "not healthy within 30 s of resuming");
    ck_assert_int_eq(status_of(port, "GET", "/api/v1/cases", token, NULL, NULL, 0), 200);
    ck_assert(http_do("POST", url, body, strlen(body), h, &w));
    ck_assert_msg(w.status == 201, "%ld %s", w.status, w.body);
    http_result_free(&w);
    ck_assert(http_do("POST", url, body, strlen(body), h, &w)); /* and once only */
    ck_assert_int_eq(w.status, 201);
    http_result_free(&w);
    ck_assert_int_eq(sql_count(db, count, 0, NULL), 1);
    printf("resilience: hung database resumed: /healthz 200 again after %lld ms, a request "
           "after %lld ms\n",
           back, now_ms() - t0);
    proc_stop_clean(&p);
    proc_free(&p);
    free(token);
    free(data);
}
END_TEST

/* ---- a connection that broke ------------------------------------------------------------ */

/* The names the server holds prepared on conn, comma-separated (caller frees). */
static char *prepared_on(struct db_pool *pool, PGconn *conn)
{
    PGresult *r = db_exec(pool, conn,
                          "SELECT coalesce(string_agg(name, ',' ORDER BY name), '') "
                          "FROM pg_prepared_statements WHERE name LIKE 'test.%'",
                          0, NULL, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    char *names = strdup(PQgetvalue(r, 0, 0));
    PQclear(r);
    return names;
}

/* Issue 12.1: a query module's statement is prepared under its name at its
 * first use on a connection, and prepared again on the connection made after
 * that one broke (its backend ended: the new session knows no statement). */
START_TEST(test_a_named_statement_is_prepared_again_after_its_connection_broke)
{
    char *ci = harness_new_db("named_stmt");
    struct berr err = {0};
    struct db_pool *pool = db_pool_new(ci, 1, NULL, &err);
    ck_assert_msg(pool != NULL, "%s", err.message);
    static const struct stmt plus_one = {"test.plus_one", 1, "SELECT $1::int + 1"};
    const char *p[1] = {"41"};
    PGresult *r = stmt_once(pool, &plus_one, p, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "42");
    PQclear(r);
    PGconn *c = db_acquire(pool, 2000, &err);
    ck_assert_ptr_nonnull(c);
    char *names = prepared_on(pool, c);
    ck_assert_str_eq(names, "test.plus_one");
    free(names);
    char pid[24];
    snprintf(pid, sizeof pid, "%d", PQbackendPID(c));
    db_release(pool, c);
    /* end its backend from outside, as a restart or an administrator would */
    const char *pp[1] = {pid};
    ck_assert_int_eq(sql_count(ci, "SELECT count(*) FROM pg_terminate_backend($1::int)", 1, pp), 1);
    usleep(200000);
    /* the first use finds it broken and fails (the request gets its error) */
    r = stmt_once(pool, &plus_one, p, &err);
    PQclear(r);
    /* the next gets a new connection, where the statement is prepared again */
    const char *p2[1] = {"1"};
    memset(&err, 0, sizeof err);
    r = stmt_once(pool, &plus_one, p2, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "2");
    PQclear(r);
    c = db_acquire(pool, 2000, &err);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_ne(PQbackendPID(c), (int)strtol(pid, NULL, 10));
    names = prepared_on(pool, c);
    ck_assert_str_eq(names, "test.plus_one");
    free(names);
    db_release(pool, c);
    db_pool_free(pool);
    free(ci);
}
END_TEST

/* Issue 12.2: the statement cache finds a query module's statement by its name, not by
 * hashing its text on every use.  The same text from another buffer is the same statement;
 * a second text under a name already prepared gets its own answer (run unprepared: the
 * server holds one text per name), never the first text's; the same text under two names
 * is two statements. */
START_TEST(test_a_named_statement_is_found_by_its_name_and_a_second_text_keeps_its_answer)
{
    char *ci = harness_new_db("named_cache");
    struct berr err = {0};
    struct db_pool *pool = db_pool_new(ci, 1, NULL, &err);
    ck_assert_msg(pool != NULL, "%s", err.message);
    char *text = strdup("SELECT $1::int + 1");
    const struct stmt first = {"test.add", 1, "SELECT $1::int + 1"};
    const struct stmt copy = {"test.add", 1, text};
    const struct stmt other = {"test.add", 1, "SELECT $1::int + 100"};
    const struct stmt alias = {"test.add_again", 1, "SELECT $1::int + 1"};
    const char *p[1] = {"41"};
    const struct {
        const struct stmt *s;
        const char *want;
    } runs[] = {{&first, "42"}, {&copy, "42"},  {&other, "141"},
                {&first, "42"}, {&alias, "42"}, {&other, "141"}};
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        PGresult *r = stmt_once(pool, runs[i].s, p, &err);
        ck_assert_msg(r != NULL, "run %zu: %s", i, err.message);
        ck_assert_str_eq(PQgetvalue(r, 0, 0), runs[i].want);
        PQclear(r);
    }
    PGconn *c = db_acquire(pool, 2000, &err);
    ck_assert_ptr_nonnull(c);
    char *names = prepared_on(pool, c);
    ck_assert_str_eq(names, "test.add,test.add_again");
    free(names);
    PGresult *r =
        db_exec(pool, c, "SELECT statement FROM pg_prepared_statements WHERE name = 'test.add'", 0,
                NULL, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "SELECT $1::int + 1");
    PQclear(r);
    db_release(pool, c);
    db_pool_free(pool);
    free(text);
    free(ci);
}
END_TEST

/* ---- statements deferred to the next round trip ------------------------------------------- */

static long long rows_in(const char *ci)
{
    return sql_count(ci, "SELECT count(*) FROM deferred_t", 0, NULL);
}

/* A deferred statement (tx_defer: the summary row, the audit line) runs
 * before the statement it goes with, in the same transaction; its error is
 * that statement's and the transaction's; one never followed by another is
 * never sent.  tx_last's read commits with it, and nothing may follow. */
START_TEST(test_a_deferred_statement_goes_with_the_next_and_fails_with_it)
{
    char *ci = harness_new_db("deferred");
    struct berr err = {0};
    struct db_pool *pool = db_pool_new(ci, 1, NULL, &err);
    ck_assert_msg(pool != NULL, "%s", err.message);
    PGconn *c = db_acquire(pool, 2000, &err);
    ck_assert_ptr_nonnull(c);
    PGresult *r =
        db_exec(pool, c, "CREATE TABLE deferred_t (x int NOT NULL)", 0, NULL, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
    PQclear(r);
    db_release(pool, c);
    static const char insert[] = "INSERT INTO deferred_t VALUES ($1::int)";
    static const char count[] = "SELECT count(*) FROM deferred_t";
    const char *one[1] = {"1"}, *bad[1] = {"x"};
    struct tx tx;
    /* the insert is seen by the query it went with, and committed with it */
    ck_assert_msg(tx_begin(&tx, pool, 0, &err), "%s", err.message);
    ck_assert(tx_defer(&tx, NULL, insert, 1, one, &err));
    r = tx_query(&tx, count, 0, NULL, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
    PQclear(r);
    ck_assert_msg(tx_commit(&tx, &err), "%s", err.message);
    ck_assert_int_eq(rows_in(ci), 1);
    /* a failing one fails the statement after it, and the transaction */
    ck_assert(tx_begin(&tx, pool, 0, &err));
    ck_assert(tx_defer(&tx, NULL, insert, 1, one, &err));
    ck_assert(tx_defer(&tx, NULL, insert, 1, bad, &err));
    r = tx_query(&tx, count, 0, NULL, &err);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    tx_end(&tx);
    ck_assert_int_eq(rows_in(ci), 1);
    /* the same at COMMIT: nothing of the transaction stays */
    memset(&err, 0, sizeof err);
    ck_assert(tx_begin(&tx, pool, 0, &err));
    ck_assert(tx_defer(&tx, NULL, insert, 1, one, &err));
    ck_assert(tx_defer(&tx, NULL, insert, 1, bad, &err));
    ck_assert(!tx_commit(&tx, &err));
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    ck_assert_int_eq(rows_in(ci), 1);
    /* one that nothing follows is never sent */
    memset(&err, 0, sizeof err);
    ck_assert(tx_begin(&tx, pool, 0, &err));
    ck_assert(tx_defer(&tx, NULL, insert, 1, one, &err));
    tx_end(&tx);
    ck_assert_int_eq(rows_in(ci), 1);
    /* the last read commits the transaction with it; nothing may follow */
    ck_assert(tx_begin(&tx, pool, 0, &err));
    ck_assert(tx_defer(&tx, NULL, insert, 1, one, &err));
    tx_last(&tx);
    r = tx_query(&tx, count, 0, NULL, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "2");
    PQclear(r);
    ck_assert_ptr_null(tx_query(&tx, count, 0, NULL, &err));
    ck_assert_int_eq(err.kind, BERR_INTERNAL);
    tx_end(&tx);
    ck_assert_int_eq(rows_in(ci), 2);
    /* and the connection went back idle: the next transaction sees it so */
    memset(&err, 0, sizeof err);
    ck_assert(tx_begin(&tx, pool, 0, &err));
    r = tx_query(&tx, count, 0, NULL, &err);
    ck_assert_msg(r != NULL, "%s", err.message);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "2");
    PQclear(r);
    tx_end(&tx);
    db_pool_free(pool);
    free(ci);
}
END_TEST

Suite *suite_resilience(void)
{
    Suite *s = suite_create("resilience");
    TCase *tc = tcase_create("resilience");
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, test_a_killed_postmaster_is_brought_back_and_sessions_survive);
    tcase_add_test(tc, test_a_hung_database_gets_503_with_retry_after_and_healthz_answers);
    tcase_add_test(tc, test_a_named_statement_is_prepared_again_after_its_connection_broke);
    tcase_add_test(tc,
                   test_a_named_statement_is_found_by_its_name_and_a_second_text_keeps_its_answer);
    tcase_add_test(tc, test_a_deferred_statement_goes_with_the_next_and_fails_with_it);
    suite_add_tcase(s, tc);
    return s;
}
