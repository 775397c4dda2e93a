/*
 * test_cli.c - the berkas CLI as a real process against a real berkasd:
 * status in both output forms, the documented exit codes, --help
 * everywhere, one-line errors.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "suites.h"

static struct proc server;
static int port;
static char *conninfo;
static char server_url[64];

static void start_server(void)
{
    conninfo = harness_new_db("cli_suite");
    char *extra[] = {"--db", conninfo, NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    snprintf(server_url, sizeof server_url, "http://127.0.0.1:%d", port);
}

static void stop_server(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(conninfo);
}

static int cli(char **out, const char *a1, const char *a2, const char *a3, const char *a4)
{
    char *argv[8] = {(char *)harness_cli(), (char *)a1, (char *)a2, (char *)a3, (char *)a4, NULL};
    return run_capture(argv, 20000, out);
}

START_TEST(test_status_prints_version_and_health)
{
    char *out;
    ck_assert_int_eq(cli(&out, "--server", server_url, "status", NULL), 0);
    ck_assert_msg(strstr(out, "berkasd 0.") && strstr(out, "skema "), "%s", out);
    ck_assert_msg(strstr(out, "kesehatan   ok"), "%s", out);
    ck_assert_msg(strstr(out, server_url), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_status_json_is_one_object)
{
    for (int form = 0; form < 2; form++) {
        char *out;
        int rc = form == 0 ? cli(&out, "--server", server_url, "status", "--json")
                           : cli(&out, "--server", server_url, "--json", "status");
        ck_assert_int_eq(rc, 0);
        json_error_t e;
        json_t *j = json_loads(out, 0, &e);
        ck_assert_msg(j != NULL, "not JSON (%s): %s", e.text, out);
        ck_assert(json_is_true(json_object_get(j, "healthy")));
        ck_assert_str_eq(json_string_value(json_object_get(j, "health")), "ok");
        json_t *v = json_object_get(j, "version");
        ck_assert_str_eq(json_string_value(json_object_get(v, "name")), "berkas");
        json_decref(j);
        free(out);
    }
}
END_TEST

START_TEST(test_server_from_the_environment)
{
    setenv("BERKAS_SERVER", server_url, 1);
    char *out;
    ck_assert_int_eq(cli(&out, "status", NULL, NULL, NULL), 0);
    ck_assert_msg(strstr(out, server_url), "%s", out);
    free(out);
    unsetenv("BERKAS_SERVER");
}
END_TEST

START_TEST(test_unreachable_server_is_exit_2_in_one_line)
{
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", free_port());
    char *out;
    ck_assert_int_eq(cli(&out, "--server", url, "status", NULL), 2);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "tidak dapat menghubungi") && strstr(out, url), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_help_everywhere_and_usage_errors_exit_2)
{
    char *out;
    ck_assert_int_eq(cli(&out, "--help", NULL, NULL, NULL), 0);
    ck_assert_msg(strstr(out, "status") && strstr(out, "Status keluar"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "status", "--help", NULL, NULL), 0);
    ck_assert_msg(strstr(out, "Pemakaian: berkas status"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "--version", NULL, NULL, NULL), 0);
    ck_assert_msg(strncmp(out, "berkas ", 7) == 0, "%s", out);
    free(out);

    const char *bad[][3] = {
        {"frobnicate", NULL, NULL}, {"status", "--bogus", NULL}, {"status", "extra", NULL},
        {"--server", NULL, NULL},   {"--nope", "status", NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(cli(&out, bad[i][0], bad[i][1], bad[i][2], NULL), 2);
        ck_assert_int_eq(count_lines(out), 1);
        free(out);
    }
    char *argv[] = {(char *)harness_cli(), NULL};
    ck_assert_int_eq(run_capture(argv, 10000, &out), 2);
    ck_assert_int_eq(count_lines(out), 1);
    free(out);
}
END_TEST

Suite *suite_cli(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_status_prints_version_and_health);
    tcase_add_test(tc, test_status_json_is_one_object);
    tcase_add_test(tc, test_server_from_the_environment);
    tcase_add_test(tc, test_unreachable_server_is_exit_2_in_one_line);
    tcase_add_test(tc, test_help_everywhere_and_usage_errors_exit_2);
    suite_add_tcase(s, tc);
    return s;
}
