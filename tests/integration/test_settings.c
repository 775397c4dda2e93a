/*
 * test_settings.c - the server-wide settings an administrator changes over
 * HTTP (GET /api/v1/settings, PUT /api/v1/settings/{key}) against a real
 * berkasd on the demo data: every row of app.settings listed with its type
 * and bounds; a known key only (404 otherwise), a value of its type within
 * its bounds (400 problem+json naming value otherwise, nothing changed);
 * only an administrator reads them and only a root office's changes them
 * (the settings are national, as the banner; 403 otherwise); the audit line
 * names the key and the old and new values; a change takes effect without a
 * restart.  Each setting's note is Indonesian (the page is), the migrations' English beside it;
 * GET /api/v1/me says whether the user's office is a root (office.root), so that a page tells a
 * Kanwil's admin before he tries that the national settings are not his to change.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "suites.h"

static struct demo_server demo;
static const char *admin;

static void start(void)
{
    demo_server_start(&demo, "settings_suite");
    admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
}

static void stop(void)
{
    demo_server_stop(&demo);
}

/* The row of key: "value|updated_at" (malloc'd), to see that nothing changed. */
static char *row_of(const char *key)
{
    const char *q[1] = {key};
    return sql_value(
        demo.db, "SELECT value || '|' || updated_at::text FROM app.settings WHERE key = $1", 1, q);
}

static json_t *put(const char *token, const char *key, const char *body, long want)
{
    char path[160];
    snprintf(path, sizeof path, "/api/v1/settings/%s", key);
    return api_json(demo.port, "PUT", path, token, body, want);
}

static const json_t *item(const json_t *list, const char *key)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(list, "items"), i, s)
    {
        if (strcmp(json_string_value(json_object_get(s, "key")), key) == 0)
            return s;
    }
    return NULL;
}

/* Every row of app.settings is listed, each of a known type (a key the migrations add without a
 * rule could not be set), with its note and when it changed. */
START_TEST(test_an_admin_lists_every_setting_with_its_type)
{
    json_t *list = api_json(demo.port, "GET", "/api/v1/settings", admin, NULL, 200);
    long long rows = sql_count(demo.db, "SELECT count(*) FROM app.settings", 0, NULL);
    ck_assert_int_ge(rows, 16);
    ck_assert_int_eq((long long)json_array_size(json_object_get(list, "items")), rows);
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(list, "items"), i, s)
    {
        const char *type = json_string_value(json_object_get(s, "type"));
        ck_assert_msg(strcmp(type, "unknown") != 0, "%s has no rule",
                      json_string_value(json_object_get(s, "key")));
        ck_assert_ptr_nonnull(json_string_value(json_object_get(s, "updated_at")));
        ck_assert_ptr_nonnull(json_string_value(json_object_get(s, "note")));
    }
    const json_t *p = item(list, "dossier.p19_answers_need_paper");
    ck_assert_str_eq(json_string_value(json_object_get(p, "type")), "boolean");
    const json_t *idle = item(list, "session.idle_minutes");
    ck_assert_str_eq(json_string_value(json_object_get(idle, "type")), "integer");
    ck_assert_int_eq(json_integer_value(json_object_get(idle, "min")), 1);
    json_decref(list);
}
END_TEST

/* Only an administrator reads the settings, and only one of a root office changes them: an
 * investigator, a supervisor, a prosecutor get 403 for both, nothing changed (a Kanwil's
 * administrator's 403 for a change: the access matrix, suite access). */
START_TEST(test_only_a_root_admin_changes_a_setting)
{
    const char *nips[] = {NIP_INV_PLG, NIP_SUP_KANWIL, NIP_PROS_PLG};
    char *before = row_of("session.idle_minutes");
    for (size_t i = 0; i < sizeof nips / sizeof nips[0]; i++) {
        const char *t = demo_server_login(&demo, nips[i]);
        json_decref(api_json(demo.port, "GET", "/api/v1/settings", t, NULL, 403));
        json_decref(put(t, "session.idle_minutes", "{\"value\":\"45\"}", 403));
    }
    json_decref(api_json(demo.port, "GET", "/api/v1/settings", NULL, NULL, 401));
    char *after = row_of("session.idle_minutes");
    ck_assert_str_eq(after, before);
    free(after);
    free(before);
}
END_TEST

/* A key not known is 404; a value not of its key's type or outside its bounds is 400 naming
 * value, with the row as it was. */
START_TEST(test_bad_values_are_refused_and_change_nothing)
{
    json_t *p = put(admin, "no.such_setting", "{\"value\":\"1\"}", 404);
    json_decref(p);
    static const char *const bad[][2] = {
        {"session.idle_minutes", "{\"value\":\"abc\"}"},
        {"session.idle_minutes", "{\"value\":\"0\"}"},
        {"session.idle_minutes", "{\"value\":\"-5\"}"},
        {"session.idle_minutes", "{\"value\":\" 30\"}"},
        {"session.idle_minutes", "{\"value\":\"1.5\"}"},
        {"session.idle_minutes", "{\"value\":\"99999999999999999999\"}"},
        {"session.idle_minutes", "{\"value\":\"1441\"}"},
        {"upload.max_bytes", "{\"value\":\"33554433\"}"},
        {"dossier.p19_answers_need_paper", "{\"value\":\"yes\"}"},
        {"dossier.p19_answers_need_paper", "{\"value\":\"TRUE\"}"},
        {"login.banner", "{\"value\":\"   \"}"},
        {"login.banner", "{\"value\":\"pendek\"}"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *before = row_of(bad[i][0]);
        p = put(admin, bad[i][0], bad[i][1], 400);
        ck_assert_msg(strcmp(json_string_value(json_object_get(p, "field")), "value") == 0, "%s %s",
                      bad[i][0], bad[i][1]);
        ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(p, "detail")), bad[i][0]));
        json_decref(p);
        char *after = row_of(bad[i][0]);
        ck_assert_str_eq(after, before);
        free(after);
        free(before);
    }
    /* the value is text, and there is one */
    json_decref(put(admin, "session.idle_minutes", "{\"value\":30}", 400));
    json_decref(put(admin, "session.idle_minutes", "{}", 400));
    json_decref(put(admin, "session.idle_minutes", "{\"value\":\"30\",\"x\":1}", 400));
    /* a banner of 4001 characters */
    char body[4100] = "{\"value\":\"";
    memset(body + strlen(body), 'A', 4001);
    strcat(body, "\"}");
    json_decref(put(admin, "login.banner", body, 400));
}
END_TEST

/* A value set is the value read, at once: the list shows it, the audit line names the key, the
 * old and the new value; the banner a log-on page shows is the new one without a restart. */
START_TEST(test_a_setting_set_is_audited_and_takes_effect)
{
    json_t *list = put(admin, "session.idle_minutes", "{\"value\":\"45\"}", 200);
    ck_assert_str_eq(
        json_string_value(json_object_get(item(list, "session.idle_minutes"), "value")), "45");
    json_decref(list);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM audit.events WHERE action = 'settings.set' "
                               "AND outcome = 'ok' AND detail->>'key' = 'session.idle_minutes' "
                               "AND detail->>'old' = '30' AND detail->>'new' = '45'",
                               0, NULL),
                     1);
    json_decref(put(admin, "session.idle_minutes", "{\"value\":\"30\"}", 200));
    const char *banner = "Peringatan: sistem ini diawasi; setiap akses dicatat.";
    char body[256];
    snprintf(body, sizeof body, "{\"value\":\"%s\"}", banner);
    json_decref(put(admin, "login.banner", body, 200));
    json_t *b = api_json(demo.port, "GET", "/api/v1/banner", NULL, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(b, "banner")), banner);
    json_decref(b);
}
END_TEST

/* A key that is not a setting's name is refused with a detail that says so: a key whose 60th byte
 * fell inside a character (59 letters, then "é" percent-encoded) was cut there, the detail was
 * no longer UTF-8 and the problem went out without one. The banner is measured in characters
 * by both routes that set it: 2,100 "é" (4,200 bytes) is a banner of 2,100 characters. */
START_TEST(test_an_odd_key_is_named_and_a_banner_counted_in_characters)
{
    char key[160] = "";
    memset(key, 'a', 59);
    strcat(key, "%C3%A9");
    json_t *p = put(admin, key, "{\"value\":\"1\"}", 404);
    const char *detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(detail && strstr(detail, "tidak dikenal"), "detail: %s",
                  detail ? detail : "none");
    json_decref(p);
    enum { N = 2100 };
    char *banner = malloc(2 * N + 1), *body = malloc(2 * N + 32);
    for (int i = 0; i < N; i++)
        memcpy(banner + 2 * i, "\xc3\xa9", 2);
    banner[2 * N] = '\0';
    snprintf(body, 2 * N + 32, "{\"value\":\"%s\"}", banner);
    json_decref(put(admin, "login.banner", body, 200));
    snprintf(body, 2 * N + 32, "{\"banner\":\"%s\"}", banner);
    json_decref(api_json(demo.port, "PUT", "/api/v1/banner", admin, body, 200));
    json_t *b = api_json(demo.port, "GET", "/api/v1/banner", NULL, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(b, "banner")), banner);
    json_decref(b);
    free(body);
    free(banner);
}
END_TEST

/* Every setting the server knows is described in Indonesian, as the admin's page is written
 * (note), with the English the migrations wrote beside it (note_en): none is left English. */
START_TEST(test_each_setting_is_described_in_indonesian)
{
    json_t *list = api_json(demo.port, "GET", "/api/v1/settings", admin, NULL, 200);
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(list, "items"), i, s)
    {
        const char *key = json_string_value(json_object_get(s, "key"));
        const char *note = json_string_value(json_object_get(s, "note"));
        const char *en = json_string_value(json_object_get(s, "note_en"));
        ck_assert_msg(note && en && note[0] && strcmp(note, en) != 0, "%s: note %s, note_en %s",
                      key, note ? note : "none", en ? en : "none");
    }
    const char *p19 =
        json_string_value(json_object_get(item(list, "dossier.p19_answers_need_paper"), "note"));
    ck_assert_msg(strstr(p19, "berkas perkara dikirim"), "%s", p19);
    const char *idle =
        json_string_value(json_object_get(item(list, "session.idle_minutes"), "note"));
    ck_assert_msg(strstr(idle, "Sesi berakhir") && strstr(idle, "menit"), "%s", idle);
    const char *en =
        json_string_value(json_object_get(item(list, "session.idle_minutes"), "note_en"));
    ck_assert_str_eq(en, "log-off after this much inactivity");
    json_decref(list);
}
END_TEST

/* office.root of a user's /me (and of his log-on's user) */
static int me_root(const char *token)
{
    json_t *me = api_json(demo.port, "GET", "/api/v1/me", token, NULL, 200);
    json_t *root = json_object_get(json_object_get(me, "office"), "root");
    int r = json_is_boolean(root) ? json_is_true(root) : -1;
    json_decref(me);
    return r;
}

/* /me says whether the user's office heads its tree: the Ditjen's and the Kejaksaan Agung's
 * admins are of a root office and change the national settings; the admin of Kanwil Sumatera
 * Selatan (added here by the Ditjen's admin) is not, and is refused a change (403, nothing
 * changed) as his /me foretold; for others it says the same of their office (a Kanim's
 * investigator: false; the Ditjen's supervisor: true - he still may not change a setting, his
 * role says so). Without a session, 401. */
START_TEST(test_me_says_whether_the_office_is_a_root)
{
    ck_assert_int_eq(me_root(admin), 1);
    ck_assert_int_eq(me_root(demo.inv), 0);
    const char *roots[] = {NIP_ADMIN_KEJAGUNG, NIP_SUP_DITJEN};
    for (size_t i = 0; i < 2; i++) {
        char *t = api_login(demo.port, roots[i], DEMO_PW);
        ck_assert_ptr_nonnull(t);
        ck_assert_int_eq(me_root(t), 1);
        free(t);
    }
    char body[320];
    snprintf(body, sizeof body,
             "{\"nip\":\"198502022010011005\",\"name\":\"Admin Uji Kanwil\",\"office_id\":%lld,"
             "\"role\":\"admin\",\"password\":\"Sungai-Musi-dermaga-tujuh-2026\"}",
             demo_server_office(&demo, "KANWIL-SUMSEL"));
    json_decref(api_json(demo.port, "POST", "/api/v1/users", admin, body, 201));
    char *kanwil = api_login(demo.port, "198502022010011005", "Sungai-Musi-dermaga-tujuh-2026");
    ck_assert_ptr_nonnull(kanwil);
    ck_assert_int_eq(me_root(kanwil), 0);
    json_t *s = api_json(demo.port, "POST", "/api/v1/sessions", NULL,
                         "{\"nip\":\"198502022010011005\",\"password\":"
                         "\"Sungai-Musi-dermaga-tujuh-2026\"}",
                         201);
    ck_assert(json_is_false(
        json_object_get(json_object_get(json_object_get(s, "user"), "office"), "root")));
    json_decref(s);
    char *before = row_of("session.idle_minutes");
    json_decref(api_json(demo.port, "GET", "/api/v1/settings", kanwil, NULL, 200));
    json_t *p = put(kanwil, "session.idle_minutes", "{\"value\":\"45\"}", 403);
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(p, "detail")), "kantor pusat"));
    json_decref(p);
    char *after = row_of("session.idle_minutes");
    ck_assert_str_eq(after, before);
    free(after);
    free(before);
    free(kanwil);
    json_decref(api_json(demo.port, "GET", "/api/v1/me", NULL, NULL, 401));
}
END_TEST

Suite *suite_settings(void)
{
    Suite *s = suite_create("settings");
    TCase *tc = tcase_create("settings");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_an_admin_lists_every_setting_with_its_type);
    tcase_add_test(tc, test_only_a_root_admin_changes_a_setting);
    tcase_add_test(tc, test_bad_values_are_refused_and_change_nothing);
    tcase_add_test(tc, test_a_setting_set_is_audited_and_takes_effect);
    tcase_add_test(tc, test_an_odd_key_is_named_and_a_banner_counted_in_characters);
    tcase_add_test(tc, test_each_setting_is_described_in_indonesian);
    tcase_add_test(tc, test_me_says_whether_the_office_is_a_root);
    suite_add_tcase(s, tc);
    return s;
}
