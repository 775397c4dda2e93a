/*
 * test_sessions.c - log-on, sessions and the audit trail, over real HTTP
 * against a real berkasd with the demo users, checked in the database.
 *
 * Time is moved by editing the session row as the owner (the expiry logic
 * itself runs in berkasd's queries against the database clock).
 * References: RELIABILITY.md A1 (CJIS AC-7: 5 failures in 15 minutes lock
 * until an admin unlocks; AC-11/IA-11: 30 min idle, 12 h absolute), A3
 * (ASVS V7.2.3 token entropy, V7.4.1 server-side logout, V7.4.2 disabling
 * ends sessions).
 */
#include <check.h>
#include <jansson.h>
#include <libpq-fe.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "suites.h"

static struct proc server;
static int port;
static char *db;

static void start_server(void)
{
    db = harness_new_demo_db("sessions_suite");
    /* this suite fails log-ons on purpose, more than the rate limits allow
     * in a minute; the limits have a suite of their own (logon) */
    free(sql_value(db,
                   "UPDATE app.settings SET value = '1000' WHERE key IN "
                   "('login.address_per_minute', 'login.nip_per_minute') RETURNING 1",
                   0, NULL));
    char *extra[] = {"--db", db, "--demo", NULL};
    if (!berkasd_start(&server, &port, extra)) {
        char *out = proc_output(&server);
        fprintf(stderr, "berkasd did not start:\n%s\n", out);
        abort();
    }
}

static void stop_server(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(db);
}

static long status_of(const char *method, const char *path, const char *token, const char *body)
{
    struct http_result r;
    ck_assert(api_call(port, method, path, token, body, &r));
    long st = r.status;
    http_result_free(&r);
    return st;
}

static json_t *problem_of(const char *method, const char *path, const char *token, const char *body,
                          long want)
{
    struct http_result r;
    ck_assert(api_call(port, method, path, token, body, &r));
    ck_assert_msg(r.status == want, "%s %s: want %ld, got %ld: %s", method, path, want, r.status,
                  r.body);
    ck_assert_str_eq(r.content_type, "application/problem+json; charset=utf-8");
    json_t *j = json_loads(r.body, 0, NULL);
    ck_assert_ptr_nonnull(j);
    http_result_free(&r);
    return j;
}

static void login_body(char *buf, size_t n, const char *nip, const char *pw)
{
    snprintf(buf, n, "{\"nip\":\"%s\",\"password\":\"%s\"}", nip, pw);
}

static void set_session(const char *token, const char *column, const char *interval)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
    char hex[65], sql[256];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    snprintf(sql, sizeof sql,
             "UPDATE app.sessions SET %s = now() - $2::interval "
             "WHERE token_sha256 = decode($1, 'hex')",
             column);
    const char *p[2] = {hex, interval};
    free(sql_value(db, sql, 2, p));
}

START_TEST(test_login_returns_a_256_bit_token_and_stores_only_its_hash)
{
    char *token = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    ck_assert_uint_eq(strlen(token), 43); /* 32 bytes in base64url */
    unsigned char raw[64];
    size_t raw_len;
    ck_assert_int_eq(sodium_base642bin(raw, sizeof raw, token, strlen(token), NULL, &raw_len, NULL,
                                       sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     0);
    ck_assert_uint_eq(raw_len, 32);

    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    const char *p[1] = {hex};
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.sessions WHERE token_sha256 = "
                               "decode($1, 'hex')",
                               1, p),
                     1);
    /* the token itself is nowhere in the database */
    const char *t[1] = {token};
    ck_assert_int_eq(sql_count(db,
                               "SELECT (SELECT count(*) FROM app.sessions s WHERE s::text LIKE "
                               "'%' || $1 || '%') + (SELECT count(*) FROM audit.events e WHERE "
                               "e::text LIKE '%' || $1 || '%')",
                               1, t),
                     0);
    ck_assert_int_eq(status_of("GET", "/api/v1/me", token, NULL), 200);
    free(token);
}
END_TEST

START_TEST(test_wrong_password_and_unknown_nip_get_the_same_answer)
{
    char body[256];
    login_body(body, sizeof body, NIP_INV_PLG2, "not-the-password-at-all");
    json_t *a = problem_of("POST", "/api/v1/sessions", NULL, body, 401);
    login_body(body, sizeof body, "199912312020121999", "not-the-password-at-all");
    json_t *b = problem_of("POST", "/api/v1/sessions", NULL, body, 401);
    ck_assert(json_equal(a, b));
    json_decref(a);
    json_decref(b);
    /* the failure was audited with the client's address, and without the password */
    ck_assert_int_ge(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE action = "
                               "'session.create' AND outcome = 'refused' AND client_addr = "
                               "'127.0.0.1'",
                               0, NULL),
                     2);
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE coalesce(detail::text, "
                               "'') LIKE '%not-the-password%'",
                               0, NULL),
                     0);
}
END_TEST

/* CJIS Security Policy 5.5.3 / AC-7: five failures within 15 minutes lock
 * the account for a period (10 minutes unless an admin releases it), each
 * further lock longer; while locked, the right password gets the very
 * answer a wrong one gets (issue 9.3: no oracle); the owner hears of it at
 * the next log-on, the admins see it in the user list. */
START_TEST(test_five_failures_lock_for_a_while_and_the_answer_does_not_tell)
{
    char bad[256], good[256], unknown[256];
    login_body(bad, sizeof bad, NIP_INV_MRE, "wrong-password-again");
    login_body(good, sizeof good, NIP_INV_MRE, DEMO_PW);
    login_body(unknown, sizeof unknown, "199912312020121998", DEMO_PW);
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(status_of("POST", "/api/v1/sessions", NULL, bad), 401);
    json_t *locked = problem_of("POST", "/api/v1/sessions", NULL, good, 401);
    json_t *wrong = problem_of("POST", "/api/v1/sessions", NULL, unknown, 401);
    ck_assert(json_equal(locked, wrong));
    json_decref(locked);
    json_decref(wrong);
    const char *nip[1] = {NIP_INV_MRE};
    /* a lock of login.lock_minutes (10), on record */
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.lockouts l JOIN app.users u ON u.id = "
                               "l.user_id WHERE u.nip = $1 AND l.failures = 5 AND l.locked_until "
                               "BETWEEN now() + interval '9 minutes' AND now() + interval '10 "
                               "minutes'",
                               1, nip),
                     1);
    char *uid = sql_value(db, "SELECT id FROM app.users WHERE nip = $1", 1, nip);
    char path[128];
    snprintf(path, sizeof path, "/api/v1/users/%s", uid);
    char *admin = api_login(port, NIP_ADMIN_DITJEN, DEMO_PW);
    struct http_result r;
    ck_assert(api_call(port, "GET", path, admin, NULL, &r));
    ck_assert_msg(strstr(r.body, "\"locked\":true") && strstr(r.body, "\"locked_until\"") &&
                      strstr(r.body, "\"locks_30_days\":1"),
                  "%s", r.body);
    http_result_free(&r);
    /* the lock ends by itself: moved past its end, the owner logs on and is told */
    free(sql_value(db,
                   "UPDATE app.users SET locked_until = now() - interval '1 second' WHERE nip = $1 "
                   "RETURNING 1",
                   1, nip));
    ck_assert(api_call(port, "POST", "/api/v1/sessions", NULL, good, &r));
    ck_assert_int_eq(r.status, 201);
    ck_assert_msg(strstr(r.body, "\"account_locked\""), "%s", r.body);
    http_result_free(&r);
    /* a second round locks twice as long (login.lock_growth), until an admin unlocks */
    free(sql_value(db, "UPDATE app.users SET lockouts = 1 WHERE nip = $1 RETURNING 1", 1, nip));
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(status_of("POST", "/api/v1/sessions", NULL, bad), 401);
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.users WHERE nip = $1 AND locked_until "
                               "BETWEEN now() + interval '19 minutes' AND now() + interval '20 "
                               "minutes'",
                               1, nip),
                     1);
    ck_assert_int_eq(status_of("POST", "/api/v1/sessions", NULL, good), 401);
    /* the admins' view of the locks: both, the newest in force */
    ck_assert(api_call(port, "GET", "/api/v1/lockouts?days=1", admin, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    json_t *lk = json_loads(r.body, 0, NULL);
    http_result_free(&r);
    json_t *items = json_object_get(lk, "items"), *newest = json_array_get(items, 0);
    int mine = 0;
    for (size_t i = 0; i < json_array_size(items); i++)
        mine += strcmp(json_string_value(json_object_get(json_array_get(items, i), "nip")),
                       NIP_INV_MRE) == 0;
    ck_assert_int_eq(mine, 2);
    ck_assert_str_eq(json_string_value(json_object_get(newest, "nip")), NIP_INV_MRE);
    ck_assert(json_is_true(json_object_get(newest, "in_force")));
    ck_assert_int_eq(json_integer_value(json_object_get(newest, "failures")), 5);
    json_decref(lk);
    ck_assert_int_eq(status_of("GET", "/api/v1/lockouts?days=0", admin, NULL), 400);
    snprintf(path, sizeof path, "/api/v1/users/%s/unlock", uid);
    ck_assert_int_eq(status_of("POST", path, admin, NULL), 200);
    ck_assert(api_call(port, "GET", "/api/v1/lockouts", admin, NULL, &r));
    lk = json_loads(r.body, 0, NULL);
    http_result_free(&r);
    newest = json_array_get(json_object_get(lk, "items"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(newest, "nip")), NIP_INV_MRE);
    ck_assert(json_is_false(json_object_get(newest, "in_force")));
    ck_assert(json_is_string(json_object_get(newest, "released_at")));
    json_decref(lk);
    char *token = api_login(port, NIP_INV_MRE, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    free(token);
    free(admin);
    free(uid);
}
END_TEST

/* No lock outlives login.lock_max_minutes: five requests cannot shut an
 * account (an admin's included) for good. */
START_TEST(test_no_lock_lasts_longer_than_the_maximum)
{
    char bad[256];
    login_body(bad, sizeof bad, NIP_ADMIN_KEJAGUNG, "wrong-password-again");
    const char *nip[1] = {NIP_ADMIN_KEJAGUNG};
    free(sql_value(db, "UPDATE app.users SET lockouts = 20 WHERE nip = $1 RETURNING 1", 1, nip));
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(status_of("POST", "/api/v1/sessions", NULL, bad), 401);
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.users WHERE nip = $1 AND locked_until "
                               "BETWEEN now() + interval '59 minutes' AND now() + interval '60 "
                               "minutes'",
                               1, nip),
                     1);
    free(sql_value(db,
                   "UPDATE app.users SET locked_until = NULL, lockouts = 0 WHERE nip = $1 "
                   "RETURNING 1",
                   1, nip));
}
END_TEST

START_TEST(test_failures_outside_the_window_do_not_add_up)
{
    char bad[256];
    login_body(bad, sizeof bad, NIP_INV_PTK, "wrong-password-again");
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(status_of("POST", "/api/v1/sessions", NULL, bad), 401);
    const char *nip[1] = {NIP_INV_PTK};
    free(sql_value(db,
                   "UPDATE app.users SET failed_since = now() - interval '16 minutes' "
                   "WHERE nip = $1",
                   1, nip));
    ck_assert_int_eq(status_of("POST", "/api/v1/sessions", NULL, bad), 401);
    ck_assert_int_eq(sql_count(db,
                               "SELECT failed_logins FROM app.users WHERE nip = $1 AND "
                               "locked_until IS NULL",
                               1, nip),
                     1);
    char *token = api_login(port, NIP_INV_PTK, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    free(token);
}
END_TEST

START_TEST(test_idle_session_expires_after_thirty_minutes)
{
    char *token = api_login(port, NIP_SUP_PLG, DEMO_PW);
    set_session(token, "last_seen_at", "29 minutes");
    ck_assert_int_eq(status_of("GET", "/api/v1/me", token, NULL), 200); /* and touched */
    set_session(token, "last_seen_at", "31 minutes");
    ck_assert_int_eq(status_of("GET", "/api/v1/me", token, NULL), 401);
    free(token);
}
END_TEST

START_TEST(test_session_ends_twelve_hours_after_log_on_however_active)
{
    char *token = api_login(port, NIP_SUP_KANWIL, DEMO_PW);
    set_session(token, "created_at", "11 hours 59 minutes");
    ck_assert_int_eq(status_of("GET", "/api/v1/me", token, NULL), 200);
    set_session(token, "created_at", "12 hours 1 minute");
    ck_assert_int_eq(status_of("GET", "/api/v1/me", token, NULL), 401);
    free(token);
}
END_TEST

START_TEST(test_logout_ends_the_session_on_the_server)
{
    char *token = api_login(port, NIP_PROS_PLG, DEMO_PW);
    ck_assert_int_eq(status_of("DELETE", "/api/v1/sessions/current", token, NULL), 204);
    ck_assert_int_eq(status_of("GET", "/api/v1/me", token, NULL), 401); /* replayed */
    ck_assert_int_eq(status_of("DELETE", "/api/v1/sessions/current", token, NULL), 401);
    free(token);
}
END_TEST

START_TEST(test_disabling_a_user_ends_all_their_sessions)
{
    char *t1 = api_login(port, NIP_PROS_PTK, DEMO_PW);
    char *t2 = api_login(port, NIP_PROS_PTK, DEMO_PW);
    ck_assert_int_eq(status_of("GET", "/api/v1/me", t1, NULL), 200);
    const char *nip[1] = {NIP_PROS_PTK};
    char *uid = sql_value(db, "SELECT id FROM app.users WHERE nip = $1", 1, nip);
    char path[128];
    snprintf(path, sizeof path, "/api/v1/users/%s/disable", uid);
    char *admin = api_login(port, NIP_ADMIN_KEJAGUNG, DEMO_PW);
    ck_assert_int_eq(status_of("POST", path, admin, NULL), 200);
    ck_assert_int_eq(status_of("GET", "/api/v1/me", t1, NULL), 401);
    ck_assert_int_eq(status_of("GET", "/api/v1/me", t2, NULL), 401);
    ck_assert_ptr_null(api_login(port, NIP_PROS_PTK, DEMO_PW));
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.sessions s JOIN app.users u ON u.id = "
                               "s.user_id WHERE u.nip = $1 AND s.end_reason = 'disabled'",
                               1, nip),
                     2);
    free(t1);
    free(t2);
    free(admin);
    free(uid);
}
END_TEST

START_TEST(test_tampered_missing_and_malformed_tokens_are_401)
{
    char *token = api_login(port, NIP_SUP_DITJEN, DEMO_PW);
    char forged[64];
    snprintf(forged, sizeof forged, "%s", token);
    forged[5] = forged[5] == 'A' ? 'B' : 'A';
    const char *bad[] = {forged, "", "short", "not a token at all with spaces in it ...."};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = problem_of("GET", "/api/v1/me", bad[i], NULL, 401);
        json_decref(p);
    }
    json_t *p = problem_of("GET", "/api/v1/me", NULL, NULL, 401);
    json_decref(p);
    /* a Basic header is not a session */
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/me", port);
    const char *basic[] = {"Authorization: Basic YWRtaW46YWRtaW4=", NULL};
    struct http_result r;
    ck_assert(http_do("GET", url, NULL, 0, basic, &r));
    ck_assert_int_eq(r.status, 401);
    http_result_free(&r);
    free(token);
}
END_TEST

START_TEST(test_banner_is_public)
{
    struct http_result r;
    ck_assert(api_call(port, "GET", "/api/v1/banner", NULL, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.body, "PERINGATAN"));
    http_result_free(&r);
}
END_TEST

/* Bad input on a write route: a clear 4xx, and nothing written but the audit
 * line (RELIABILITY.md B3/B8). */
START_TEST(test_bad_input_changes_nothing_but_the_audit_trail)
{
    char *admin = api_login(port, NIP_ADMIN_DITJEN, DEMO_PW);
    static const struct {
        const char *body;
        long status;
        const char *field;
    } cases[] = {
        {"{\"nip\": ", 400, NULL},
        {"[1,2,3]", 400, NULL},
        {"{\"nip\":\"199301012018011001\",\"name\":\"A B\",\"office_id\":5,\"role\":"
         "\"supervisor\",\"password\":\"a long enough passphrase\",\"is_superuser\":true}",
         400, "is_superuser"},
        {"{\"nip\":199301012018011001,\"name\":\"A B\",\"office_id\":5,\"role\":\"supervisor\","
         "\"password\":\"a long enough passphrase\"}",
         400, "nip"},
        {"{\"nip\":\"199301012018011001\",\"name\":\"A B\",\"office_id\":\"5\",\"role\":"
         "\"supervisor\",\"password\":\"a long enough passphrase\"}",
         400, "office_id"},
        {"{\"nip\":\"123\",\"name\":\"A B\",\"office_id\":5,\"role\":\"supervisor\","
         "\"password\":\"a long enough passphrase\"}",
         400, "nip"},
        {"{\"nip\":\"199313012018011001\",\"name\":\"A B\",\"office_id\":5,\"role\":"
         "\"supervisor\",\"password\":\"a long enough passphrase\"}",
         400, "nip"},
        {"{\"nip\":\"199301012018011001\",\"name\":\"A B\",\"office_id\":5,\"role\":"
         "\"supervisor\",\"password\":\"Password1234\"}",
         400, "password"},
        {"{\"nip\":\"199301012018011001\",\"name\":\"A B\",\"office_id\":5,\"role\":"
         "\"supervisor\",\"password\":\"too short\"}",
         400, "password"},
        {"{\"nip\":\"199301012018011001\",\"name\":\"A B\",\"office_id\":5,\"role\":\"chief\","
         "\"password\":\"a long enough passphrase\"}",
         400, "role"},
        {"{\"nip\":\"199301012018011001\",\"name\":\"A\\u0000B\",\"office_id\":5,\"role\":"
         "\"supervisor\",\"password\":\"a long enough passphrase\"}",
         400, NULL},
        {"{\"nip\":\"199301012018011001\",\"nip\":\"199301012018011002\",\"name\":\"A B\","
         "\"office_id\":5,\"role\":\"supervisor\",\"password\":\"a long enough passphrase\"}",
         400, NULL},
        {"{\"nip\":\"199301012018011001\",\"name\":\"A\\u0007B\",\"office_id\":5,\"role\":"
         "\"supervisor\",\"password\":\"a long enough passphrase\"}",
         400, "name"},
    };
    long long users = sql_count(db, "SELECT count(*) FROM app.users", 0, NULL);
    long long audits = sql_count(db, "SELECT count(*) FROM audit.events", 0, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *p = problem_of("POST", "/api/v1/users", admin, cases[i].body, cases[i].status);
        if (cases[i].field)
            ck_assert_msg(
                json_string_value(json_object_get(p, "field")) &&
                    strcmp(json_string_value(json_object_get(p, "field")), cases[i].field) == 0,
                "case %zu: want field %s", i, cases[i].field);
        json_decref(p);
    }
    /* invalid UTF-8 and a wrong content type */
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/users", port);
    char auth[128];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", admin);
    const char *json_h[] = {auth, "Content-Type: application/json", NULL};
    const char *text_h[] = {auth, "Content-Type: text/plain", NULL};
    const char bad_utf8[] = "{\"nip\":\"\xc3\x28\"}";
    struct http_result r;
    ck_assert(http_do("POST", url, bad_utf8, strlen(bad_utf8), json_h, &r));
    ck_assert_int_eq(r.status, 400);
    http_result_free(&r);
    ck_assert(http_do("POST", url, "{}", 2, text_h, &r));
    ck_assert_int_eq(r.status, 400);
    http_result_free(&r);
    size_t big = 2 * 1024 * 1024;
    char *huge = malloc(big);
    memset(huge, ' ', big);
    huge[0] = '{';
    huge[big - 1] = '}';
    ck_assert(http_do("POST", url, huge, big, json_h, &r));
    ck_assert_int_eq(r.status, 413);
    http_result_free(&r);
    free(huge);

    ck_assert_int_eq(sql_count(db, "SELECT count(*) FROM app.users", 0, NULL), users);
    /* each refusal that reached the route left exactly its audit line (the
     * 413 is refused before routing) */
    ck_assert_int_eq(sql_count(db, "SELECT count(*) FROM audit.events", 0, NULL),
                     audits + (long long)(sizeof cases / sizeof cases[0]) + 2);
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE action = 'user.create' "
                               "AND outcome = 'refused' AND status = 400",
                               0, NULL),
                     (long long)(sizeof cases / sizeof cases[0]) + 2);
    free(admin);
}
END_TEST

START_TEST(test_name_typed_decomposed_is_stored_composed)
{
    char *admin = api_login(port, NIP_ADMIN_DITJEN, DEMO_PW);
    /* "Nguyễn" with e + U+0302 + U+0303 (decomposed) */
    const char body[] = "{\"nip\":\"199405052019032001\",\"name\":\"Nguye\xcc\x82\xcc\x83n Test\","
                        "\"office_id\":5,\"role\":\"supervisor\","
                        "\"password\":\"a long enough passphrase\"}";
    struct http_result r;
    ck_assert(api_call(port, "POST", "/api/v1/users", admin, body, &r));
    ck_assert_msg(r.status == 201, "%s", r.body);
    ck_assert_ptr_nonnull(strstr(r.body, "Nguy\xe1\xbb\x85n Test"));
    ck_assert_str_eq(r.content_type, "application/json; charset=utf-8");
    http_result_free(&r);
    const char *p[1] = {"Nguy\xe1\xbb\x85n Test"};
    ck_assert_int_eq(sql_count(db, "SELECT count(*) FROM app.users WHERE name = $1", 1, p), 1);
    free(admin);
}
END_TEST

START_TEST(test_audit_trail_is_append_only)
{
    char *app_role = NULL;
    size_t n = strlen(db) + 32;
    app_role = malloc(n);
    snprintf(app_role, n, "%s user=berkas_app", db);
    PGconn *c = PQconnectdb(app_role);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    PGresult *r = PQexec(c, "UPDATE audit.events SET outcome = 'ok'");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "DELETE FROM audit.events");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "TRUNCATE audit.events");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    PQfinish(c);
    /* even the owner is stopped by the trigger */
    c = PQconnectdb(db);
    r = PQexec(c, "DELETE FROM audit.events");
    ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
    ck_assert_ptr_nonnull(strstr(PQresultErrorMessage(r), "append-only"));
    PQclear(r);
    PQfinish(c);
    free(app_role);
}
END_TEST

Suite *suite_sessions(void)
{
    Suite *s = suite_create("sessions");
    TCase *tc = tcase_create("sessions");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_login_returns_a_256_bit_token_and_stores_only_its_hash);
    tcase_add_test(tc, test_wrong_password_and_unknown_nip_get_the_same_answer);
    tcase_add_test(tc, test_five_failures_lock_for_a_while_and_the_answer_does_not_tell);
    tcase_add_test(tc, test_no_lock_lasts_longer_than_the_maximum);
    tcase_add_test(tc, test_failures_outside_the_window_do_not_add_up);
    tcase_add_test(tc, test_idle_session_expires_after_thirty_minutes);
    tcase_add_test(tc, test_session_ends_twelve_hours_after_log_on_however_active);
    tcase_add_test(tc, test_logout_ends_the_session_on_the_server);
    tcase_add_test(tc, test_disabling_a_user_ends_all_their_sessions);
    tcase_add_test(tc, test_tampered_missing_and_malformed_tokens_are_401);
    tcase_add_test(tc, test_banner_is_public);
    tcase_add_test(tc, test_bad_input_changes_nothing_but_the_audit_trail);
    tcase_add_test(tc, test_name_typed_decomposed_is_stored_composed);
    tcase_add_test(tc, test_audit_trail_is_append_only);
    suite_add_tcase(s, tc);
    return s;
}
