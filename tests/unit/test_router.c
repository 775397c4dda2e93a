/* test_router.c - route matching, 404 vs 405, Allow, path parameters, and
 * the listen-address parser. */
#include <check.h>
#include "suites.h"
#include <jansson.h>
#include <string.h>

#include "http/http.h"
#include "http/server.h"

static void h_dummy(struct app *a, struct http_request *q, struct http_reply *r)
{
    (void)a;
    (void)q;
    (void)r;
}

static const struct route table[] = {
    {"GET", "/healthz", h_dummy, ROUTE_PUBLIC, 0, ""},
    {"GET", "/api/v1/cases", h_dummy, ROUTE_PUBLIC, 0, ""},
    {"POST", "/api/v1/cases", h_dummy, ROUTE_PUBLIC, 0, ""},
    {"GET", "/api/v1/cases/{id}", h_dummy, ROUTE_PUBLIC, 0, ""},
    {"GET", "/api/v1/cases/{id}.xml", h_dummy, ROUTE_PUBLIC, 0, ""},
    {"POST", "/api/v1/cases/{id}/events", h_dummy, ROUTE_PUBLIC, 0, ""},
    {"GET", "/api/v1/cases/{id}/forms/{form}.pdf", h_dummy, ROUTE_PUBLIC, 0, ""},
};
#define N (sizeof table / sizeof table[0])

START_TEST(test_exact_route_matches)
{
    struct http_request req = {0};
    char allow[64];
    const struct route *r = router_match(table, N, "GET", "/healthz", &req, allow, sizeof allow);
    ck_assert_ptr_eq(r, &table[0]);
    ck_assert_int_eq(req.nparams, 0);
}
END_TEST

START_TEST(test_parameters_are_captured)
{
    struct http_request req = {0};
    char allow[64];
    const struct route *r =
        router_match(table, N, "POST", "/api/v1/cases/42/events", &req, allow, sizeof allow);
    ck_assert_ptr_eq(r, &table[5]);
    ck_assert_int_eq(req.nparams, 1);
    ck_assert_str_eq(req.params[0], "42");

    r = router_match(table, N, "GET", "/api/v1/cases/7/forms/spdp.pdf", &req, allow, sizeof allow);
    ck_assert_ptr_eq(r, &table[6]);
    ck_assert_int_eq(req.nparams, 2);
    ck_assert_str_eq(req.params[0], "7");
    ck_assert_str_eq(req.params[1], "spdp");
}
END_TEST

START_TEST(test_suffix_parameter_prefers_the_plain_route_in_table_order)
{
    struct http_request req = {0};
    char allow[64];
    const struct route *r =
        router_match(table, N, "GET", "/api/v1/cases/9.xml", &req, allow, sizeof allow);
    /* "{id}" also matches "9.xml"; the table order decides, and the handler
     * of {id} validates its id, so put suffix routes first when both exist */
    ck_assert_ptr_nonnull(r);
    r = router_match(&table[4], 1, "GET", "/api/v1/cases/9.xml", &req, allow, sizeof allow);
    ck_assert_str_eq(req.params[0], "9");
    r = router_match(&table[4], 1, "GET", "/api/v1/cases/.xml", &req, allow, sizeof allow);
    ck_assert_ptr_null(r);
}
END_TEST

START_TEST(test_unknown_path_is_404_with_empty_allow)
{
    struct http_request req = {0};
    char allow[64] = "junk";
    ck_assert_ptr_null(router_match(table, N, "GET", "/nope", &req, allow, sizeof allow));
    ck_assert_str_eq(allow, "");
    ck_assert_ptr_null(router_match(table, N, "GET", "/healthz/", &req, allow, sizeof allow));
    ck_assert_ptr_null(
        router_match(table, N, "GET", "/api/v1/cases//events", &req, allow, sizeof allow));
    ck_assert_ptr_null(router_match(table, N, "GET", "", &req, allow, sizeof allow));
}
END_TEST

START_TEST(test_known_path_wrong_method_lists_allow)
{
    struct http_request req = {0};
    char allow[64];
    ck_assert_ptr_null(
        router_match(table, N, "DELETE", "/api/v1/cases", &req, allow, sizeof allow));
    ck_assert_str_eq(allow, "GET, HEAD, POST");
    ck_assert_ptr_null(router_match(table, N, "PUT", "/healthz", &req, allow, sizeof allow));
    ck_assert_str_eq(allow, "GET, HEAD");
}
END_TEST

START_TEST(test_head_matches_get)
{
    struct http_request req = {0};
    char allow[64];
    ck_assert_ptr_eq(router_match(table, N, "HEAD", "/healthz", &req, allow, sizeof allow),
                     &table[0]);
}
END_TEST

START_TEST(test_overlong_parameter_does_not_match)
{
    char path[400];
    strcpy(path, "/api/v1/cases/");
    memset(path + strlen(path), '9', 300);
    path[14 + 300] = '\0';
    struct http_request req = {0};
    char allow[64];
    ck_assert_ptr_null(router_match(table, N, "GET", path, &req, allow, sizeof allow));
}
END_TEST

START_TEST(test_problem_json_has_the_rfc9457_members)
{
    struct http_reply rep = {0};
    reply_problem(&rep, 422, "guard-failed", "Unprocessable Content", "SPDP belum dikirim", "spdp");
    ck_assert_int_eq(rep.status, 422);
    ck_assert_str_eq(rep.content_type, "application/problem+json");
    json_t *j = json_loadb(rep.body, rep.len, 0, NULL);
    ck_assert_ptr_nonnull(j);
    ck_assert_str_eq(json_string_value(json_object_get(j, "type")),
                     "urn:berkas:problem:guard-failed");
    ck_assert_int_eq(json_integer_value(json_object_get(j, "status")), 422);
    ck_assert_str_eq(json_string_value(json_object_get(j, "detail")), "SPDP belum dikirim");
    ck_assert_str_eq(json_string_value(json_object_get(j, "field")), "spdp");
    json_decref(j);
    free(rep.body);
}
END_TEST

/* A detail cut inside a character (a title of 59 letters and an en dash, cut at 60 bytes) still
 * goes out, as its whole characters (review2 F7: jansson refused it, no detail was sent). */
START_TEST(test_a_detail_cut_inside_a_character_keeps_its_whole_characters)
{
    char cut[80];
    snprintf(cut, sizeof cut, "lampiran \"%.60s",
             "Penetapan Ketua Pengadilan Negeri Palembang Nomor 9/Pen.Pi \xe2\x80\x93 PN");
    struct http_reply rep = {0};
    reply_problem(&rep, 409, "conflict", "Conflict", cut, "upload");
    json_t *j = json_loadb(rep.body, rep.len, 0, NULL);
    ck_assert_ptr_nonnull(j);
    const char *d = json_string_value(json_object_get(j, "detail"));
    ck_assert_ptr_nonnull(d);
    ck_assert(strncmp(d, "lampiran \"Penetapan Ketua", 24) == 0);
    ck_assert_ptr_null(strstr(d, "\xe2"));
    json_decref(j);
    free(rep.body);
}
END_TEST

START_TEST(test_internal_errors_do_not_leak_their_message)
{
    struct http_reply rep = {0};
    struct berr err = {0};
    berr_set(&err, BERR_INTERNAL, "could not open /etc/secret.conf");
    reply_berr(&rep, &err);
    ck_assert_int_eq(rep.status, 500);
    ck_assert_ptr_null(strstr(rep.body, "secret"));
    free(rep.body);
    berr_set(&err, BERR_UNAVAILABLE, "database away");
    rep = (struct http_reply){0};
    reply_berr(&rep, &err);
    ck_assert_int_eq(rep.status, 503);
    ck_assert_int_eq(rep.retry_after, 5);
    free(rep.body);
}
END_TEST

START_TEST(test_listen_addresses_parse)
{
    char host[64], port[16];
    struct berr err = {0};
    ck_assert(http_parse_listen("127.0.0.1:8080", host, sizeof host, port, sizeof port, &err));
    ck_assert_str_eq(host, "127.0.0.1");
    ck_assert_str_eq(port, "8080");
    ck_assert(http_parse_listen("[::1]:0", host, sizeof host, port, sizeof port, &err));
    ck_assert_str_eq(host, "::1");
    ck_assert_str_eq(port, "0");
    const char *bad[] = {"8080",         "127.0.0.1:",    ":80",     "127.0.0.1:65536",
                         "127.0.0.1:-1", "127.0.0.1:80x", "[::1]80", "[::1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        berr_clear(&err);
        ck_assert_msg(!http_parse_listen(bad[i], host, sizeof host, port, sizeof port, &err),
                      "%s accepted", bad[i]);
        ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
        ck_assert_str_eq(err.field, "listen");
    }
}
END_TEST

Suite *suite_router(void)
{
    Suite *s = suite_create("router");
    TCase *tc = tcase_create("router");
    tcase_add_test(tc, test_exact_route_matches);
    tcase_add_test(tc, test_parameters_are_captured);
    tcase_add_test(tc, test_suffix_parameter_prefers_the_plain_route_in_table_order);
    tcase_add_test(tc, test_unknown_path_is_404_with_empty_allow);
    tcase_add_test(tc, test_known_path_wrong_method_lists_allow);
    tcase_add_test(tc, test_head_matches_get);
    tcase_add_test(tc, test_overlong_parameter_does_not_match);
    tcase_add_test(tc, test_problem_json_has_the_rfc9457_members);
    tcase_add_test(tc, test_internal_errors_do_not_leak_their_message);
    tcase_add_test(tc, test_a_detail_cut_inside_a_character_keeps_its_whole_characters);
    tcase_add_test(tc, test_listen_addresses_parse);
    suite_add_tcase(s, tc);
    return s;
}
