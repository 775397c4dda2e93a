/*
 * test_web.c - what berkasd does for the pages (issue 11), over real HTTP
 * with curl: the static files at / and /web/ with their headers, names that
 * leave the directory refused; the cookie session beside the bearer token
 * (set at log-on, HttpOnly and SameSite=Strict, Secure with __Host- behind
 * https, cleared at log-off and when its session has ended); CSRF refused for
 * a cookie write without the server's own Origin or without X-Berkas-CSRF,
 * a bearer write untouched; and the cookie reaching the same access rules as
 * the token (a case of another office is 404).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harness.h"
#include "suites.h"

static struct proc server;
static int port;
static char *db;
static char origin[64];

static void start_server(void)
{
    db = harness_new_demo_db("web_suite");
    char *extra[] = {"--db", db, "--demo", NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%d", port);
}

static void stop_server(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(db);
}

/* curl -i with the given arguments (NULL-ended) on path; head and body, caller frees */
static char *curl_i(const char *path, const char *const args[])
{
    char url[512];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    char *argv[40];
    int n = 0;
    argv[n++] = "/usr/bin/curl";
    argv[n++] = "-sS";
    argv[n++] = "-i";
    for (int i = 0; args && args[i] && n < 36; i++)
        argv[n++] = (char *)args[i];
    argv[n++] = url;
    argv[n] = NULL;
    char *out = NULL;
    ck_assert_int_eq(run_capture(argv, 20000, &out), 0);
    return out;
}

static long status_in(const char *out)
{
    const char *sp = strchr(out, ' ');
    return sp ? strtol(sp + 1, NULL, 10) : 0;
}

/* the value of header name in out (case-insensitive), into val */
static bool header_in(const char *out, const char *name, char *val, size_t valsz)
{
    size_t n = strlen(name);
    for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (p[0] == '\r' || p[0] == '\n')
            return false; /* end of head */
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1;
            while (*v == ' ')
                v++;
            size_t len = strcspn(v, "\r\n");
            if (len >= valsz)
                len = valsz - 1;
            memcpy(val, v, len);
            val[len] = '\0';
            return true;
        }
    }
    return false;
}

/* log on through the cookie route; the Set-Cookie line into cookie ("name=value") */
static void cookie_login(const char *nip, char *cookie, size_t cookiesz)
{
    char body[160];
    snprintf(body, sizeof body, "{\"nip\":\"%s\",\"password\":\"%s\",\"cookie\":true}", nip,
             DEMO_PW);
    const char *args[] = {"-X", "POST", "-H", "Content-Type: application/json",
                          "-H", origin, "-H", "X-Berkas-CSRF: 1",
                          "-d", body,   NULL};
    char *out = curl_i("/api/v1/sessions", args);
    ck_assert_msg(status_in(out) == 201, "%s", out);
    char sc[256];
    ck_assert_msg(header_in(out, "Set-Cookie", sc, sizeof sc), "%s", out);
    ck_assert_msg(strstr(out, "\"token\"") == NULL, "the token stays out of the body: %s", out);
    size_t n = strcspn(sc, ";");
    ck_assert(n < cookiesz);
    memcpy(cookie, sc, n);
    cookie[n] = '\0';
    free(out);
}

static long long first_case_of(const char *office_code)
{
    const char *p[] = {office_code};
    char *v = sql_value(db,
                        "SELECT min(c.id) FROM app.cases c JOIN app.offices o ON o.id = "
                        "c.office_id WHERE o.code = $1",
                        1, p);
    ck_assert_ptr_nonnull(v);
    long long id = strtoll(v, NULL, 10);
    free(v);
    return id;
}

/* ---- static files ------------------------------------------------------------------------ */

START_TEST(test_pages_are_served_with_their_type_and_safety_headers)
{
    char *out = curl_i("/", NULL);
    char v[512];
    ck_assert_msg(status_in(out) == 200, "%s", out);
    ck_assert(header_in(out, "Content-Type", v, sizeof v));
    ck_assert_str_eq(v, "text/html; charset=utf-8");
    ck_assert(header_in(out, "Content-Security-Policy", v, sizeof v));
    ck_assert_msg(strstr(v, "default-src 'self'") && strstr(v, "script-src 'self'") &&
                      strstr(v, "object-src 'none'") && strstr(v, "frame-ancestors 'none'") &&
                      strstr(v, "base-uri 'none'") && !strstr(v, "unsafe"),
                  "%s", v);
    ck_assert(header_in(out, "X-Content-Type-Options", v, sizeof v));
    ck_assert_str_eq(v, "nosniff");
    ck_assert(header_in(out, "Referrer-Policy", v, sizeof v));
    ck_assert_str_eq(v, "no-referrer");
    ck_assert(strstr(out, "<html"));
    free(out);

    out = curl_i("/web/app.js", NULL);
    ck_assert_msg(status_in(out) == 200, "%s", out);
    ck_assert(header_in(out, "Content-Type", v, sizeof v));
    ck_assert_str_eq(v, "text/javascript; charset=utf-8");
    char etag[64];
    ck_assert(header_in(out, "ETag", etag, sizeof etag));
    ck_assert(header_in(out, "Cache-Control", v, sizeof v));
    ck_assert_str_eq(v, "no-cache");
    free(out);

    char inm[96];
    snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
    const char *args[] = {"-H", inm, NULL};
    out = curl_i("/web/app.js", args);
    ck_assert_msg(status_in(out) == 304, "%s", out);
    free(out);

    out = curl_i("/web/app.css", NULL);
    ck_assert(header_in(out, "Content-Type", v, sizeof v));
    ck_assert_str_eq(v, "text/css; charset=utf-8");
    free(out);

    const char *post[] = {"-X", "POST", "-d", "x", NULL};
    out = curl_i("/", post);
    ck_assert_msg(status_in(out) == 405, "%s", out);
    ck_assert(header_in(out, "Allow", v, sizeof v));
    free(out);
}
END_TEST

START_TEST(test_names_that_leave_the_directory_are_refused)
{
    static const char *const paths[] = {
        "/web/../meson.build",
        "/web/%2e%2e/meson.build",
        "/web/%2E%2E/%2E%2E/etc/passwd",
        "/web/..%2fmeson.build",
        "/web/.gitignore",
        "/web/nothing-here.js",
        "/web/app.js/",
        "/web/",
        "/web//app.js",
        "/web/a/b/c/app.js",
        "/web/index.html%20",
        "/web/README",
        "/web/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    };
    const char *asis[] = {"--path-as-is", NULL};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        char *out = curl_i(paths[i], asis);
        long st = status_in(out);
        ck_assert_msg(st == 404 || st == 400, "%s: %ld\n%s", paths[i], st, out);
        ck_assert_msg(strstr(out, "application/problem+json"), "%s: %s", paths[i], out);
        ck_assert_msg(!strstr(out, "project(") && !strstr(out, "root:"), "%s leaked: %s", paths[i],
                      out);
        free(out);
    }
    char *out = curl_i("/web/app%00.js", asis);
    ck_assert_msg(status_in(out) == 400, "%s", out);
    free(out);
}
END_TEST

/* ---- the cookie session ------------------------------------------------------------------ */

START_TEST(test_cookie_session_set_used_and_cleared)
{
    char cookie[128], hdr[160], v[256];
    cookie_login(NIP_SUP_PLG, cookie, sizeof cookie);
    ck_assert_msg(strncmp(cookie, "berkas_session=", 15) == 0, "%s", cookie);

    /* its attributes */
    char body[160];
    snprintf(body, sizeof body, "{\"nip\":\"%s\",\"password\":\"%s\",\"cookie\":true}", NIP_SUP_PLG,
             DEMO_PW);
    const char *login[] = {"-X", "POST", "-H", "Content-Type: application/json",
                           "-H", origin, "-H", "X-Berkas-CSRF: 1",
                           "-d", body,   NULL};
    char *out = curl_i("/api/v1/sessions", login);
    ck_assert(header_in(out, "Set-Cookie", v, sizeof v));
    ck_assert_msg(strstr(v, "; Path=/") && strstr(v, "; HttpOnly") &&
                      strstr(v, "; SameSite=Strict") && !strstr(v, "Secure"),
                  "%s", v);
    ck_assert(strstr(out, "\"token_type\":\"Cookie\""));
    free(out);

    snprintf(hdr, sizeof hdr, "Cookie: %s", cookie);
    const char *me[] = {"-H", hdr, NULL};
    out = curl_i("/api/v1/me", me);
    ck_assert_msg(status_in(out) == 200, "%s", out);
    ck_assert(strstr(out, NIP_SUP_PLG));
    free(out);

    /* log-off: the session ends and the cookie is cleared */
    const char *off[] = {"-X", "DELETE", "-H", hdr, "-H", origin, "-H", "X-Berkas-CSRF: 1", NULL};
    out = curl_i("/api/v1/sessions/current", off);
    ck_assert_msg(status_in(out) == 204, "%s", out);
    ck_assert(header_in(out, "Set-Cookie", v, sizeof v));
    ck_assert_msg(strncmp(v, "berkas_session=;", 16) == 0 && strstr(v, "Max-Age=0"), "%s", v);
    free(out);

    /* the old cookie names no session: 401, and the cookie is cleared again */
    out = curl_i("/api/v1/me", me);
    ck_assert_msg(status_in(out) == 401, "%s", out);
    ck_assert(strstr(out, "application/problem+json"));
    ck_assert(header_in(out, "Set-Cookie", v, sizeof v));
    ck_assert(strstr(v, "Max-Age=0"));
    free(out);
}
END_TEST

START_TEST(test_cookie_behind_https_is_host_prefixed_and_secure)
{
    struct proc p;
    int port2;
    char *extra[] = {"--db", db, "--public-url", "https://berkas.example.go.id", NULL};
    ck_assert(berkasd_start(&p, &port2, extra));
    char url[128], body[160];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/sessions", port2);
    snprintf(body, sizeof body, "{\"nip\":\"%s\",\"password\":\"%s\",\"cookie\":true}",
             NIP_SUP_KANWIL, DEMO_PW);
    char *argv[] = {"/usr/bin/curl",
                    "-sS",
                    "-i",
                    "-X",
                    "POST",
                    "-H",
                    "Content-Type: application/json",
                    "-H",
                    "Origin: https://berkas.example.go.id",
                    "-H",
                    "X-Berkas-CSRF: 1",
                    "-d",
                    body,
                    url,
                    NULL};
    char *out = NULL;
    ck_assert_int_eq(run_capture(argv, 20000, &out), 0);
    proc_stop(&p);
    proc_free(&p);
    char v[256];
    ck_assert_msg(status_in(out) == 201, "%s", out);
    ck_assert(header_in(out, "Set-Cookie", v, sizeof v));
    ck_assert_msg(strncmp(v, "__Host-berkas=", 14) == 0 && strstr(v, "; Secure") &&
                      strstr(v, "; Path=/") && !strstr(v, "Domain="),
                  "%s", v);
    free(out);
}
END_TEST

/* ---- CSRF ---------------------------------------------------------------------------------- */

static long note_with(const char *cookie_hdr, const char *const extra[], long long case_id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", case_id);
    const char *args[24];
    int n = 0;
    args[n++] = "-X";
    args[n++] = "POST";
    args[n++] = "-H";
    args[n++] = "Content-Type: application/json";
    args[n++] = "-d";
    args[n++] = "{\"type\":\"review_note\",\"note\":\"catatan uji CSRF\"}";
    if (cookie_hdr) {
        args[n++] = "-H";
        args[n++] = cookie_hdr;
    }
    for (int i = 0; extra && extra[i] && n < 22; i++)
        args[n++] = extra[i];
    args[n] = NULL;
    char *out = curl_i(path, args);
    long st = status_in(out);
    if (st == 403)
        ck_assert_msg(strstr(out, "urn:berkas:problem:csrf") &&
                          strstr(out, "application/problem+json"),
                      "%s", out);
    free(out);
    return st;
}

START_TEST(test_csrf_rules_each_refuse_a_cookie_write)
{
    long long own = first_case_of("KANIM-PLG");
    char cookie[128], hdr[160];
    cookie_login(NIP_SUP_PLG, cookie, sizeof cookie);
    snprintf(hdr, sizeof hdr, "Cookie: %s", cookie);
    char idp[32];
    snprintf(idp, sizeof idp, "%lld", own);
    const char *p[] = {idp};
    long long before = sql_count(db, "SELECT count(*) FROM app.events WHERE case_id = $1", 1, p);

    const char *no_origin[] = {"-H", "X-Berkas-CSRF: 1", NULL};
    ck_assert_int_eq(note_with(hdr, no_origin, own), 403);
    const char *foreign[] = {"-H", "Origin: http://evil.example", "-H", "X-Berkas-CSRF: 1", NULL};
    ck_assert_int_eq(note_with(hdr, foreign, own), 403);
    const char *lookalike[] = {"-H", "Origin: http://127.0.0.1:1", "-H", "X-Berkas-CSRF: 1", NULL};
    ck_assert_int_eq(note_with(hdr, lookalike, own), 403);
    const char *null_origin[] = {"-H", "Origin: null", "-H", "X-Berkas-CSRF: 1", NULL};
    ck_assert_int_eq(note_with(hdr, null_origin, own), 403);
    const char *no_header[] = {"-H", origin, NULL};
    ck_assert_int_eq(note_with(hdr, no_header, own), 403);
    const char *wrong_header[] = {"-H", origin, "-H", "X-Berkas-CSRF: yes", NULL};
    ck_assert_int_eq(note_with(hdr, wrong_header, own), 403);
    ck_assert_int_eq(sql_count(db, "SELECT count(*) FROM app.events WHERE case_id = $1", 1, p),
                     before);

    /* log-off is a write; a cookie log-on too (no log-on planted from another site) */
    const char *off[] = {"-X", "DELETE",           "-H", hdr, "-H", "Origin: http://evil.example",
                         "-H", "X-Berkas-CSRF: 1", NULL};
    char *out = curl_i("/api/v1/sessions/current", off);
    ck_assert_msg(status_in(out) == 403, "%s", out);
    free(out);
    char body[160];
    snprintf(body, sizeof body, "{\"nip\":\"%s\",\"password\":\"%s\",\"cookie\":true}", NIP_SUP_PLG,
             DEMO_PW);
    const char *login[] = {"-X", "POST",
                           "-H", "Content-Type: application/json",
                           "-H", "Origin: http://evil.example",
                           "-H", "X-Berkas-CSRF: 1",
                           "-d", body,
                           NULL};
    out = curl_i("/api/v1/sessions", login);
    ck_assert_msg(status_in(out) == 403, "%s", out);
    ck_assert(!strstr(out, "Set-Cookie"));
    free(out);

    /* both rules met: the write goes through */
    const char *good[] = {"-H", origin, "-H", "X-Berkas-CSRF: 1", NULL};
    ck_assert_int_eq(note_with(hdr, good, own), 201);
    ck_assert_int_eq(sql_count(db, "SELECT count(*) FROM app.events WHERE case_id = $1", 1, p),
                     before + 1);

    /* a GET by cookie needs neither */
    const char *me[] = {"-H", hdr, NULL};
    out = curl_i("/api/v1/me", me);
    ck_assert_msg(status_in(out) == 200, "%s", out);
    free(out);

    /* a bearer write is judged by its token alone, as before */
    char *token = api_login(port, NIP_SUP_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    char auth[128];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    const char *bearer[] = {"-H", auth, NULL};
    ck_assert_int_eq(note_with(NULL, bearer, own), 201);
    /* and a cookie beside a bearer token adds nothing (the token decides) */
    const char *both[] = {"-H", auth, "-H", "Origin: http://evil.example", NULL};
    ck_assert_int_eq(note_with(hdr, both, own), 201);
    free(token);
}
END_TEST

START_TEST(test_cookie_meets_the_same_access_rules)
{
    long long own = first_case_of("KANIM-PLG");
    long long other = first_case_of("KANIM-PTK");
    char cookie[128], hdr[160], path[64];
    cookie_login(NIP_SUP_PLG, cookie, sizeof cookie);
    snprintf(hdr, sizeof hdr, "Cookie: %s", cookie);
    const char *args[] = {"-H", hdr, NULL};

    snprintf(path, sizeof path, "/api/v1/cases/%lld", own);
    char *out = curl_i(path, args);
    ck_assert_msg(status_in(out) == 200, "%s", out);
    free(out);

    snprintf(path, sizeof path, "/api/v1/cases/%lld", other);
    out = curl_i(path, args);
    ck_assert_msg(status_in(out) == 404, "%s", out);
    free(out);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", other);
    out = curl_i(path, args);
    ck_assert_msg(status_in(out) == 404, "%s", out);
    free(out);

    /* a role that may not: the prosecutors' inbox */
    out = curl_i("/api/v1/inbox", args);
    ck_assert_msg(status_in(out) == 403, "%s", out);
    free(out);

    /* no cookie, no token */
    out = curl_i("/api/v1/review", NULL);
    ck_assert_msg(status_in(out) == 401, "%s", out);
    free(out);
}
END_TEST

Suite *suite_web(void)
{
    Suite *s = suite_create("web");
    TCase *tc = tcase_create("web");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_add_test(tc, test_pages_are_served_with_their_type_and_safety_headers);
    tcase_add_test(tc, test_names_that_leave_the_directory_are_refused);
    tcase_add_test(tc, test_cookie_session_set_used_and_cleared);
    tcase_add_test(tc, test_cookie_behind_https_is_host_prefixed_and_secure);
    tcase_add_test(tc, test_csrf_rules_each_refuse_a_cookie_write);
    tcase_add_test(tc, test_cookie_meets_the_same_access_rules);
    suite_add_tcase(s, tc);
    return s;
}
