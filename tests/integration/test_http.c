/*
 * test_http.c - berkasd's HTTP edge, over real HTTP against a real berkasd
 * on the run's cluster: health, version, problem+json for unknown routes and
 * methods, body limits, headers, and the request log line.
 */
#include <check.h>
#include <ctype.h>
#include <strings.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "http/http.h"
#include "suites.h"

static struct proc server;
static int port;
static char *conninfo;

static void start_server(void)
{
    conninfo = harness_new_db("http_suite");
    char *extra[] = {"--db", conninfo, NULL};
    if (!berkasd_start(&server, &port, extra)) {
        char *out = proc_output(&server);
        fprintf(stderr, "berkasd did not start:\n%s\n", out);
        free(out);
        abort();
    }
}

static void stop_server(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(conninfo);
}

static void url(char *buf, size_t n, const char *path)
{
    snprintf(buf, n, "http://127.0.0.1:%d%s", port, path);
}

static json_t *get_json(const char *path, long want_status, const char *want_type)
{
    char u[256];
    url(u, sizeof u, path);
    struct http_result r;
    ck_assert(http_do("GET", u, NULL, 0, NULL, &r));
    ck_assert_int_eq(r.status, want_status);
    ck_assert_str_eq(r.content_type, want_type);
    json_t *j = json_loads(r.body, 0, NULL);
    ck_assert_msg(j != NULL, "not JSON: %s", r.body);
    http_result_free(&r);
    return j;
}

START_TEST(test_healthz_answers_200_when_the_database_answers)
{
    json_t *j = get_json("/healthz", 200, "application/json; charset=utf-8");
    ck_assert_str_eq(json_string_value(json_object_get(j, "status")), "ok");
    ck_assert_str_eq(json_string_value(json_object_get(j, "database")), "ok");
    json_decref(j);
}
END_TEST

START_TEST(test_version_names_berkas_and_the_schema)
{
    json_t *j = get_json("/api/v1/version", 200, "application/json; charset=utf-8");
    ck_assert_str_eq(json_string_value(json_object_get(j, "name")), "berkas");
    ck_assert_str_eq(json_string_value(json_object_get(j, "api")), "v1");
    ck_assert_ptr_nonnull(json_string_value(json_object_get(j, "version")));
    ck_assert_int_ge(json_integer_value(json_object_get(j, "schema_version")), 1);
    ck_assert(strncmp(json_string_value(json_object_get(j, "postgresql")), "15.", 3) == 0);
    json_decref(j);
}
END_TEST

START_TEST(test_unknown_route_is_a_404_problem)
{
    json_t *j = get_json("/api/v1/no-such-thing", 404, "application/problem+json; charset=utf-8");
    ck_assert_str_eq(json_string_value(json_object_get(j, "type")), "urn:berkas:problem:not-found");
    ck_assert_int_eq(json_integer_value(json_object_get(j, "status")), 404);
    ck_assert_ptr_nonnull(json_string_value(json_object_get(j, "title")));
    json_decref(j);
}
END_TEST

START_TEST(test_wrong_method_is_a_405_with_allow)
{
    static const char *methods[] = {"POST", "PUT", "DELETE", "PATCH"};
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        char u[256];
        url(u, sizeof u, "/healthz");
        struct http_result r;
        ck_assert(http_do(methods[i], u, "{}", 2, NULL, &r));
        ck_assert_int_eq(r.status, 405);
        ck_assert_str_eq(r.allow, "GET, HEAD");
        ck_assert_str_eq(r.content_type, "application/problem+json; charset=utf-8");
        json_t *j = json_loads(r.body, 0, NULL);
        ck_assert_int_eq(json_integer_value(json_object_get(j, "status")), 405);
        json_decref(j);
        http_result_free(&r);
    }
}
END_TEST

START_TEST(test_head_is_answered_like_get)
{
    char u[256];
    url(u, sizeof u, "/healthz");
    struct http_result r;
    ck_assert(http_do("HEAD", u, NULL, 0, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    ck_assert_str_eq(r.body, "");
    http_result_free(&r);
}
END_TEST

START_TEST(test_oversized_body_is_a_413)
{
    size_t n = 2 * 1024 * 1024;
    char *big = malloc(n);
    memset(big, 'x', n);
    char u[256];
    url(u, sizeof u, "/api/v1/version");
    struct http_result r;
    ck_assert(http_do("POST", u, big, n, NULL, &r));
    ck_assert_int_eq(r.status, 413);
    ck_assert_str_eq(r.content_type, "application/problem+json; charset=utf-8");
    http_result_free(&r);

    /* chunked: no Content-Length to check up front, the count catches it */
    const char *chunked[] = {"Transfer-Encoding: chunked", NULL};
    ck_assert(http_do("POST", u, big, n, chunked, &r));
    ck_assert_int_eq(r.status, 413);
    http_result_free(&r);
    free(big);

    /* and the server is still fine */
    json_t *j = get_json("/healthz", 200, "application/json; charset=utf-8");
    json_decref(j);
}
END_TEST

START_TEST(test_every_reply_carries_the_safety_headers)
{
    char u[256];
    url(u, sizeof u, "/api/v1/version");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s", u);
    char *argv[] = {"/usr/bin/curl", "-sS", "-D", "-", "-o", "/dev/null", cmd, NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 10000, &out), 0);
    ck_assert_msg(strstr(out, "X-Content-Type-Options: nosniff"), "%s", out);
    ck_assert_msg(strstr(out, "Cache-Control: no-store"), "%s", out);
    ck_assert_msg(strstr(out, "Content-Security-Policy: "), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_one_log_line_per_request_without_query_or_body)
{
    char u[256];
    url(u, sizeof u, "/healthz?q=Nguyen-Van-Thanh-A1234567");
    struct http_result r;
    ck_assert(http_do("GET", u, NULL, 0, NULL, &r));
    http_result_free(&r);
    url(u, sizeof u, "/api/v1/nothing-here");
    const char body[] = "{\"nama\":\"Zoe Muller\",\"paspor\":\"X9876543\"}";
    ck_assert(http_do("POST", u, body, strlen(body), NULL, &r));
    http_result_free(&r);

    char *log = NULL;
    for (int i = 0; i < 100; i++) { /* the line is written when the reply is done */
        free(log);
        log = proc_output(&server);
        if (strstr(log, "POST /api/v1/nothing-here 404"))
            break;
        usleep(10000);
    }
    ck_assert_msg(strstr(log, " GET /healthz 200 "), "%s", log);
    ck_assert_msg(strstr(log, " POST /api/v1/nothing-here 404 "), "%s", log);
    ck_assert_msg(strstr(log, "ms\n"), "%s", log);
    ck_assert_ptr_null(strstr(log, "Nguyen"));
    ck_assert_ptr_null(strstr(log, "X9876543"));
    ck_assert_ptr_null(strstr(log, "Zoe"));
    free(log);
}
END_TEST

/* The description and the route table agree both ways: every route is
 * described, and everything described is a route. */
START_TEST(test_openapi_describes_exactly_the_route_table)
{
    json_t *doc = get_json("/api/v1/openapi.json", 200, "application/json; charset=utf-8");
    ck_assert_str_eq(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
    json_t *paths = json_object_get(doc, "paths");
    size_t described = 0;
    const char *path;
    json_t *item;
    json_object_foreach(paths, path, item)
    {
        const char *method;
        json_t *op;
        json_object_foreach(item, method, op)
        {
            described++;
            bool found = false;
            for (size_t i = 0; i < http_routes_count; i++)
                if (strcasecmp(http_routes[i].method, method) == 0 &&
                    strcmp(http_routes[i].pattern, path) == 0)
                    found = true;
            ck_assert_msg(found, "described but not served: %s %s", method, path);
        }
    }
    ck_assert_uint_eq(described, http_routes_count);
    for (size_t i = 0; i < http_routes_count; i++) {
        const struct route *r = &http_routes[i];
        char lower[16];
        size_t n = strlen(r->method);
        for (size_t k = 0; k <= n; k++)
            lower[k] = (char)tolower((unsigned char)r->method[k]);
        json_t *op = json_object_get(json_object_get(paths, r->pattern), lower);
        ck_assert_msg(op != NULL, "served but not described: %s %s", r->method, r->pattern);
        ck_assert_str_eq(json_string_value(json_object_get(op, "summary")), r->summary);
        ck_assert_int_eq(json_object_get(op, "security") != NULL, r->roles != ROUTE_PUBLIC);
        size_t params = 0;
        for (const char *p = strchr(r->pattern, '{'); p; p = strchr(p + 1, '{'))
            params++;
        /* every create also takes an Idempotency-Key header (issue 9.8) */
        if (r->flags & ROUTE_IDEMPOTENT)
            params++;
        ck_assert_uint_eq(json_array_size(json_object_get(op, "parameters")), params);
    }
    json_decref(doc);
}
END_TEST

Suite *suite_http(void)
{
    Suite *s = suite_create("http");
    TCase *tc = tcase_create("http");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_healthz_answers_200_when_the_database_answers);
    tcase_add_test(tc, test_version_names_berkas_and_the_schema);
    tcase_add_test(tc, test_unknown_route_is_a_404_problem);
    tcase_add_test(tc, test_wrong_method_is_a_405_with_allow);
    tcase_add_test(tc, test_head_is_answered_like_get);
    tcase_add_test(tc, test_oversized_body_is_a_413);
    tcase_add_test(tc, test_every_reply_carries_the_safety_headers);
    tcase_add_test(tc, test_one_log_line_per_request_without_query_or_body);
    tcase_add_test(tc, test_openapi_describes_exactly_the_route_table);
    suite_add_tcase(s, tc);
    return s;
}
