/*
 * test_play2.c - the prosecutor's side and the supervisors' played through
 * the HTTP API: a real berkasd on the demo data, the Kejari's own acts as
 * its prosecutor records them, the clocks the law names for each step
 * (DOMAIN.md 5.2, D9-D12) worked out by hand before the step, and the
 * refusals of what the law or the caller's reach does not allow, each a
 * problem+json that changes nothing.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

#define NIP_SUP_PTK "198303172008011001"

static struct demo_server demo;
static const char *sup_ptk, *sup_kanwil, *inv_ptk;

static void start(void)
{
    demo_server_start(&demo, "play2_suite");
    /* this suite follows the clocks; an answered P-19 item's own paper in
     * the file is the dossier suite's */
    free(sql_value(demo.db,
                   "UPDATE app.settings SET value = 'false' WHERE key = "
                   "'dossier.p19_answers_need_paper' RETURNING key",
                   0, NULL));
    sup_ptk = demo_server_login(&demo, NIP_SUP_PTK);
    sup_kanwil = demo_server_login(&demo, NIP_SUP_KANWIL);
    inv_ptk = demo_server_login(&demo, NIP_INV_PTK);
}

static void stop(void)
{
    demo_server_stop(&demo);
}

/* ---- the API ------------------------------------------------------------------------- */

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

/* POST an act (members without braces) as token; the reply, which must
 * have status want. */
static json_t *act(long long id, const char *token, const char *members, long want)
{
    return api_act(demo.port, id, token, members, want);
}

static json_t *case_read(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return call("GET", path, demo.inv, NULL, 200);
}

/* Issue form for act event (0: the case's own paper). */
static void issued(long long id, const char *form, long long event)
{
    char path[128], body[64] = "{}";
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    if (event)
        snprintf(body, sizeof body, "{\"event\":%lld}", event);
    json_decref(call("POST", path, demo.inv, body, 201));
}

/* A Palembang file of one Chinese suspect charged under Pasal 122, its
 * Sprindik, SPDP, BAP and Resume issued on `sprindik`, sent (Tahap I) on
 * `sent` and received by the Kejari on `received`. */
static long long file_with_prosecutor(const char *opened, const char *sprindik, const char *sent,
                                      const char *received)
{
    char body[512], path[96], m[256];
    snprintf(body, sizeof body,
             "{\"source\":\"supervision\",\"opened_on\":\"%s\",\"summary\":\"Main berkas PU: WNA "
             "bekerja tanpa izin\",\"kejari_id\":%lld}",
             opened, demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    long long party =
        api_id(call("POST", path, demo.inv,
                    "{\"kind\":\"suspect\",\"name\":\"LI WEI\",\"nationality\":\"CN\","
                    "\"passport_no\":\"E12345678\",\"sex\":\"L\",\"birth_date\":"
                    "\"1985-05-05\",\"birth_place\":\"Fuzhou\"}",
                    201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", party);
    json_decref(call("POST", path, demo.inv, body, 201));
    issued(id, "laporan_kejadian", 0);
    snprintf(m, sizeof m, "\"type\":\"sprindik_issued\",\"date\":\"%s\",\"issue\":[\"sprindik\"]",
             sprindik);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m, "\"type\":\"suspect_designated\",\"date\":\"%s\",\"party_id\":%lld",
             sprindik, party);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"spdp_sent\",\"date\":\"%s\",\"recipient\":\"kejari\",\"issue\":[\"spdp\"]",
             sprindik);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"%s\",\"party_id\":%lld,\"bap\":\"tersangka\"",
             sprindik, party);
    long long bap = api_id(act(id, demo.inv, m, 201));
    fill_bap(demo.port, demo.inv, id, bap);
    issued(id, "bap_tersangka", bap);
    snprintf(m, sizeof m, "\"type\":\"resume_written\",\"date\":\"%s\"", sprindik);
    long long resume = api_id(act(id, demo.inv, m, 201));
    fill_resume(demo.port, demo.inv, id, resume);
    issued(id, "resume", resume);
    snprintf(m, sizeof m, "\"type\":\"tahap1_sent\",\"date\":\"%s\"", sent);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m, "\"type\":\"tahap1_received_by_pu\",\"date\":\"%s\"", received);
    json_decref(act(id, demo.pros, m, 201));
    return id;
}

/* Clock code of case id: asserts its start, its due date and whether it runs. */
static void assert_clock(long long id, const char *code, const char *start, const char *due,
                         int running)
{
    json_t *c = case_read(id), *k;
    size_t i;
    bool found = false;
    json_array_foreach(json_object_get(c, "clocks"), i, k)
    {
        if (strcmp(json_string_value(json_object_get(k, "code")), code) != 0)
            continue;
        found = true;
        ck_assert_msg(strcmp(json_string_value(json_object_get(k, "start")), start) == 0 &&
                          strcmp(json_string_value(json_object_get(k, "due_date")), due) == 0,
                      "clock %s: want %s..%s, got %s..%s", code, start, due,
                      json_string_value(json_object_get(k, "start")),
                      json_string_value(json_object_get(k, "due_date")));
        ck_assert_msg(json_is_true(json_object_get(k, "running")) == running,
                      "clock %s running: want %d", code, running);
    }
    ck_assert_msg(found, "no clock %s", code);
    json_decref(c);
}

static const char *stage_of(json_t *c)
{
    return json_string_value(json_object_get(c, "stage"));
}

/* The ids of the P-19 items of round `round` (1-based) into ids; their count. */
static size_t round_items(long long id, size_t round, long long *ids, size_t max)
{
    json_t *c = case_read(id);
    json_t *r = json_array_get(json_object_get(c, "p19_rounds"), round - 1), *it;
    size_t i, n = 0;
    json_array_foreach(json_object_get(r, "items"), i, it) if (n < max) ids[n++] =
        json_integer_value(json_object_get(it, "id"));
    json_decref(c);
    return n;
}

/* ---- the prosecutor's cycle ------------------------------------------------------------- */

/* A file of 2026 through the Kejari's hands, each clock worked out by hand
 * from the law first (DOMAIN.md 5.2; the inclusive calendar day of 5.1):
 * received 2 September: the PU answers by 9 September (D9, KUHAP 138(1))
 * and returns by 16 September or the file is deemed complete (D10, KUHAP
 * 110(4)); the P-19 of 8 September with three items reaches the
 * investigator on 10 September, who resends by 24 September (D11, KUHAP
 * 138(2)); resent on 20 September and received on 21 September, the PU's
 * periods start again (28 September, 5 October).  A second P-19 is not
 * given (SE JAM Pidum B-3326/E/EJP/11/2011: P-19 once): the ordinary
 * letter names the unmet item, which comes back as an item to answer.  The
 * P-21 of 7 October gives Tahap II until 6 December (D12, JAM Pidum
 * B-1310/E/EJP/05/2022: 60 days). */
START_TEST(test_the_prosecutors_cycle_keeps_the_laws_clocks)
{
    long long id = file_with_prosecutor("2026-08-03", "2026-08-04", "2026-09-01", "2026-09-02");
    assert_clock(id, "pu_answer", "2026-09-02", "2026-09-09", 1);
    assert_clock(id, "pu_return", "2026-09-02", "2026-09-16", 1);
    json_decref(act(id, demo.pros, "\"type\":\"p18_received\",\"date\":\"2026-09-08\"", 201));
    json_decref(act(id, demo.pros,
                    "\"type\":\"p19_received\",\"date\":\"2026-09-08\",\"instructions\":["
                    "\"Periksa saksi pemberi kerja\",\"Lampirkan salinan KITAS\","
                    "\"Periksa ahli keimigrasian\"]",
                    201));
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-09-10\"", 201));
    assert_clock(id, "resend", "2026-09-10", "2026-09-24", 1);
    long long items[3];
    ck_assert_uint_eq(round_items(id, 1, items, 3), 3);
    char m[256];
    for (int i = 0; i < 3; i++) {
        snprintf(m, sizeof m,
                 "\"type\":\"instruction_answered\",\"date\":\"2026-09-1%d\",\"instruction_id\":"
                 "%lld,\"answer\":\"Dipenuhi: lihat BAP tambahan\"",
                 5 + i, items[i]);
        json_decref(act(id, demo.inv, m, 201));
    }
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-09-20\"", 201));
    assert_clock(id, "resend", "2026-09-10", "2026-09-24", 0);
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-09-21\"", 201));
    assert_clock(id, "pu_answer", "2026-09-21", "2026-09-28", 1);
    assert_clock(id, "pu_return", "2026-09-21", "2026-10-05", 1);
    /* P-19 once: the second return is the ordinary letter naming item 3 */
    json_decref(act(id, demo.pros,
                    "\"type\":\"p19_received\",\"date\":\"2026-09-25\",\"instructions\":[\"Periksa "
                    "ahli lagi\"]",
                    422));
    snprintf(m, sizeof m,
             "\"type\":\"return_letter_received\",\"date\":\"2026-09-25\",\"unmet\":[%lld]",
             items[2]);
    json_decref(act(id, demo.pros, m, 201));
    long long again[2];
    ck_assert_uint_eq(round_items(id, 2, again, 2), 1);
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-09-26\"", 201));
    assert_clock(id, "resend", "2026-09-26", "2026-10-10", 1);
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-09-29\",\"instruction_id\":%lld,"
             "\"answer\":\"BAP ahli tambahan\"",
             again[0]);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-10-01\"", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-10-02\"", 201));
    json_decref(act(id, demo.pros, "\"type\":\"p21_received\",\"date\":\"2026-10-07\"", 201));
    assert_clock(id, "tahap2", "2026-10-07", "2026-12-06", 1);
    json_t *c = case_read(id);
    ck_assert_str_eq(stage_of(c), "complete");
    ck_assert_int_eq(json_integer_value(json_object_get(c, "p19_returns")), 2);
    json_decref(c);
}
END_TEST

/* The PU who does not return the file within 14 days of its receipt: the
 * investigation is deemed complete (KUHAP 110(4)), not before; received 1
 * October, the 14th day is 15 October, so the investigator records it from
 * 16 October, and Tahap II runs 60 days from then (15 December). */
START_TEST(test_a_file_is_deemed_complete_only_after_the_pus_fourteen_days)
{
    long long id = file_with_prosecutor("2026-09-01", "2026-09-02", "2026-09-30", "2026-10-01");
    assert_clock(id, "pu_return", "2026-10-01", "2026-10-15", 1);
    json_decref(
        act(id, demo.inv, "\"type\":\"deemed_complete_confirmed\",\"date\":\"2026-10-15\"", 422));
    json_t *c = case_read(id);
    ck_assert_str_eq(stage_of(c), "with_prosecutor");
    json_decref(c);
    json_decref(
        act(id, demo.inv, "\"type\":\"deemed_complete_confirmed\",\"date\":\"2026-10-16\"", 201));
    assert_clock(id, "tahap2", "2026-10-16", "2026-12-15", 1);
    /* the Kejari's follow-ups are recorded (P-21A, P-22), Tahap II stops the clock */
    json_decref(act(id, demo.pros, "\"type\":\"p21a_received\",\"date\":\"2026-10-25\"", 201));
    json_decref(act(id, demo.pros, "\"type\":\"p22_received\",\"date\":\"2026-11-01\"", 201));
    json_decref(act(id, demo.inv, "\"type\":\"tahap2_done\",\"date\":\"2026-11-03\"", 201));
    assert_clock(id, "tahap2", "2026-10-16", "2026-12-15", 0);
}
END_TEST

/* ---- what people write says something ----------------------------------------------------- */

/* A P-19 is its instructions (KUHAP 110(2)), each an item the investigator
 * must answer (110(3)); an item of blanks instructs nothing, an answer of
 * blanks answers nothing, and a notice received by "   " was received by
 * no one: each is 400 naming its field, and the file is as it was. */
START_TEST(test_blank_p19_items_answers_and_receivers_are_refused)
{
    long long id = file_with_prosecutor("2026-09-01", "2026-09-04", "2026-09-28", "2026-09-29");
    json_t *p = act(id, demo.pros,
                    "\"type\":\"p19_received\",\"date\":\"2026-10-05\",\"instructions\":[\"Periksa "
                    "saksi\",\"   \"]",
                    400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "instructions");
    json_decref(p);
    json_t *c = case_read(id);
    ck_assert_str_eq(stage_of(c), "with_prosecutor");
    ck_assert_uint_eq(json_array_size(json_object_get(c, "p19_rounds")), 0);
    json_decref(c);
    json_decref(act(id, demo.pros,
                    "\"type\":\"p19_received\",\"date\":\"2026-10-05\",\"instructions\":[\"Periksa "
                    "saksi\"]",
                    201));
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-10-06\"", 201));
    long long item;
    ck_assert_uint_eq(round_items(id, 1, &item, 1), 1);
    c = case_read(id);
    json_int_t version = json_integer_value(json_object_get(c, "version"));
    json_decref(c);
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-10-07\",\"instruction_id\":%lld,"
             "\"answer\":\" \\t \\n\"",
             item);
    p = act(id, demo.inv, m, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "answer");
    json_decref(p);
    p = act(id, demo.inv,
            "\"type\":\"letter_delivered\",\"date\":\"2026-10-07\",\"recipient\":\"spdp_kejari\","
            "\"received_by\":\"   \"",
            400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "received_by");
    json_decref(p);
    c = case_read(id);
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_object_get(c, "facts"), "instructions_open")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(c, "version")), version);
    json_decref(c);
}
END_TEST

/* ---- a direction is done once ------------------------------------------------------------- */

/* A supervisor's direction (Permenkumham 39/2021, pengendalian) is carried
 * out once: the investigator's report that it is done stops its clock; a
 * second report on the same direction is refused (409 naming "direction")
 * and the file is as it was; an investigator of another Kanim may not
 * report it (Pontianak does not see Palembang's file: 404). */
START_TEST(test_a_direction_is_done_once)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"source\":\"supervision\",\"opened_on\":\"2026-11-02\",\"summary\":\"Main "
             "arahan\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    json_decref(act(id, demo.inv, "\"type\":\"sprindik_issued\",\"date\":\"2026-11-03\"", 201));
    long long given = api_id(act(id, sup_kanwil,
                                 "\"type\":\"direction_given\",\"date\":\"2026-12-01\","
                                 "\"due\":\"2099-12-31\",\"note\":\"Kirim SPDP segera\"",
                                 201));
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"direction_done\",\"date\":\"2026-12-02\",\"direction\":%lld,"
             "\"note\":\"SPDP dikirim\"",
             given);
    json_decref(act(id, inv_ptk, m, 404));
    json_decref(act(id, demo.inv, m, 201));
    json_t *c = case_read(id);
    json_int_t version = json_integer_value(json_object_get(c, "version"));
    json_decref(c);
    json_t *p = act(id, demo.inv, m, 409);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "direction");
    json_decref(p);
    c = case_read(id);
    ck_assert_int_eq(json_integer_value(json_object_get(c, "version")), version);
    json_decref(c);
}
END_TEST

/* ---- the reach of a report ---------------------------------------------------------------- */

/* The statistics are the report of the caller's reach (a Kanim's head: his
 * Kanim; a Kanwil: its Kanims; the Ditjen: all).  Pontianak's head asking
 * for Palembang, Sumatera Selatan's Kanwil for Pontianak, an investigator
 * for another Kanim get no report: not one of zeros under the other
 * office's name (which reads as "no files there"), nor their own office's.
 * 404 problem+json; their own reach still answers. */
START_TEST(test_statistics_outside_the_callers_reach_are_refused)
{
    static const struct {
        const char **token;
        const char *query;
    } out[] = {
        {&sup_ptk, "month=2026-10&office=KANIM-PLG"},
        {&sup_kanwil, "month=2026-10&office=KANIM-PTK"},
        {&sup_kanwil, "year=2026&office=DITJEN"},
        {&inv_ptk, "month=2026-10&office=KANIM-PLG"},
    };
    char path[160];
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        snprintf(path, sizeof path, "/api/v1/stats?%s", out[i].query);
        json_decref(call("GET", path, *out[i].token, NULL, 404));
        snprintf(path, sizeof path, "/api/v1/stats.pdf?%s", out[i].query);
        json_decref(call("GET", path, *out[i].token, NULL, 404));
    }
    json_t *s = call("GET", "/api/v1/stats?month=2026-10&office=KANIM-PLG", sup_kanwil, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(s, "reach"), "code")),
                     "KANIM-PLG");
    json_decref(s);
    s = call("GET", "/api/v1/stats?month=2026-10", sup_ptk, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(s, "reach"), "code")),
                     "KANIM-PTK");
    json_decref(s);
}
END_TEST

Suite *suite_play2(void)
{
    Suite *s = suite_create("play2");
    TCase *tc = tcase_create("play2");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, test_the_prosecutors_cycle_keeps_the_laws_clocks);
    tcase_add_test(tc, test_a_file_is_deemed_complete_only_after_the_pus_fourteen_days);
    tcase_add_test(tc, test_blank_p19_items_answers_and_receivers_are_refused);
    tcase_add_test(tc, test_statistics_outside_the_callers_reach_are_refused);
    tcase_add_test(tc, test_a_direction_is_done_once);
    suite_add_tcase(s, tc);
    return s;
}
