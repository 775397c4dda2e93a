/*
 * test_dbgrants.c - berkasd --db against a PostgreSQL it does not own, with
 * exactly the grants the README documents, on a second cluster of its own
 * (not the run's, whose superuser would hide a missing grant).
 *
 * The README's promise: the --db user needs LOGIN CREATEROLE and the
 * ownership of its database, nothing more (no superuser).  Issue 9.7: an
 * owner with only CREATEROLE failed at sql/0004_chain.sql (ALTER FUNCTION
 * ... OWNER TO berkas_verifier: no CREATE on schema app).  Proof that it
 * works: the migrations apply, the demo loads through the use cases, a user
 * logs on, a case is written, and the chain check (the function handed to
 * berkas_verifier) runs.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "store/cluster.h"
#include "suites.h"

static struct cluster *second;
static char *admin_ci; /* the second cluster's superuser, database postgres */

static void start_cluster(void)
{
    second = harness_cluster_new("second", "postgres", &admin_ci);
}

static void stop_cluster(void)
{
    cluster_free(second);
    free(admin_ci);
}

/* conninfo of the second cluster as user for dbname */
static char *as(const char *user, const char *dbname)
{
    size_t n = strlen(admin_ci) + 128;
    char *ci = malloc(n);
    snprintf(ci, n, "%s user=%s dbname=%s", admin_ci, user, dbname);
    return ci;
}

START_TEST(test_db_with_exactly_the_documented_grants_serves)
{
    /* README, "An existing PostgreSQL (--db)": exactly these two statements */
    free(sql_value(admin_ci, "CREATE ROLE berkas_owner LOGIN CREATEROLE", 0, NULL));
    free(sql_value(admin_ci, "CREATE DATABASE berkas_db OWNER berkas_owner", 0, NULL));
    char *ci = as("berkas_owner", "berkas_db");
    ck_assert_int_eq(sql_count(ci,
                               "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND "
                               "NOT rolsuper AND NOT rolbypassrls AND rolcreaterole",
                               0, NULL),
                     1);
    struct proc p;
    int port;
    char *extra[] = {"--db", ci, "--demo", NULL};
    bool up = berkasd_start(&p, &port, extra);
    char *out = proc_output(&p);
    ck_assert_msg(up, "berkasd did not start with the documented grants:\n%s", out);
    free(out);

    char *inv = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(inv);
    char d[11], body[256];
    time_t t = time(NULL) - 86400;
    strftime(d, sizeof d, "%Y-%m-%d", gmtime(&t));
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji --db\"}", d);
    struct http_result r;
    ck_assert(api_call(port, "POST", "/api/v1/cases", inv, body, &r));
    ck_assert_msg(r.status == 201, "%s", r.body);
    http_result_free(&r);
    char *admin = api_login(port, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert(api_call(port, "POST", "/api/v1/verify-chain", admin, NULL, &r));
    ck_assert_msg(r.status == 200 && strstr(r.body, "\"intact\":true"), "%ld %s", r.status, r.body);
    http_result_free(&r);
    /* the schema is not left open to create in */
    ck_assert_int_eq(sql_count(ci,
                               "SELECT count(*) FROM pg_namespace n, aclexplode(n.nspacl) a "
                               "WHERE n.nspname = 'app' AND a.grantee = 0",
                               0, NULL),
                     0);
    proc_stop_clean(&p);
    proc_free(&p);
    free(inv);
    free(admin);
    free(ci);
}
END_TEST

START_TEST(test_db_without_createrole_fails_in_one_line)
{
    free(sql_value(admin_ci, "CREATE ROLE berkas_weak LOGIN", 0, NULL));
    free(sql_value(admin_ci, "CREATE DATABASE berkas_weak_db OWNER berkas_weak", 0, NULL));
    char *ci = as("berkas_weak", "berkas_weak_db");
    char listen[64];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", free_port());
    char *argv[] = {(char *)harness_berkasd(), "--db", ci, "--listen", listen, "--sql-dir",
                    (char *)harness_sql_dir(), NULL};
    char *out = NULL;
    int st = run_capture(argv, 30000, &out);
    ck_assert_int_eq(st, 1);
    ck_assert_msg(strstr(out, "migration 0002_identity.sql"), "%s", out);
    ck_assert_int_eq(count_lines(out), 1);
    free(out);
    free(ci);
}
END_TEST

Suite *suite_dbgrants(void)
{
    Suite *s = suite_create("dbgrants");
    TCase *tc = tcase_create("dbgrants");
    tcase_add_unchecked_fixture(tc, start_cluster, stop_cluster);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_db_with_exactly_the_documented_grants_serves);
    tcase_add_test(tc, test_db_without_createrole_fails_in_one_line);
    suite_add_tcase(s, tc);
    return s;
}
