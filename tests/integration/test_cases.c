/*
 * test_cases.c - the case file over real HTTP: opening a case, parties,
 * offences, acts and their refusals (400 / 409 with the allowed events /
 * 422 with the missing facts), nothing written by a refusal but its audit
 * line, the case document with its clocks, the list's filters and cursor,
 * text stored as NFC and found by search, and a rule-set amendment moving a
 * clock.  The core's own suites prove the law; this proves the wiring.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "suites.h"

static struct demo_server demo;
static const char *sup, *admin;

static void start_server(void)
{
    demo_server_start(&demo, "cases_suite");
    /* this suite checks the stage machine's own guards; the documents that
     * Tahap I also needs (issue 8) are checked in test_acts.c */
    harness_setting(demo.db, "dossier.tahap1_requires_documents", "false");
    sup = demo_server_login(&demo, NIP_SUP_PLG);
    admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
}

static void stop_server(void)
{
    demo_server_stop(&demo);
}

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

static long long open_case(const char *summary, int opened_ago)
{
    char date[11], body[512];
    days_ago(opened_ago, date);
    snprintf(
        body, sizeof body,
        "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"%s\",\"kejari_id\":%lld}",
        date, summary, demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    ck_assert_str_eq(json_string_value(json_object_get(c, "stage")), "pre_investigation");
    ck_assert_int_eq(json_integer_value(json_object_get(c, "version")), 2);
    json_decref(c);
    return id;
}

static json_t *record(long long id, const char *token, const char *body, long want)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    return call("POST", path, token, body, want);
}

static void rec(long long id, const char *token, const char *type, int ago, const char *extra)
{
    char date[11], body[1024];
    days_ago(ago, date);
    snprintf(body, sizeof body, "{\"type\":\"%s\",\"date\":\"%s\"%s%s}", type, date,
             extra ? "," : "", extra ? extra : "");
    json_decref(record(id, token, body, 201));
}

static long long add_suspect(long long id, const char *name, const char *passport)
{
    char path[64], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"VN\",\"passport_no\":\"%s\","
             "\"sex\":\"L\"}",
             name, passport);
    json_t *p = call("POST", path, demo.inv, body, 201);
    long long pid = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    return pid;
}

static long long events_of(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, p);
}

START_TEST(test_opening_a_case_records_its_laporan_and_numbers_it)
{
    long long id = open_case("Uji pembukaan", 5);
    ck_assert_int_eq(events_of(id), 1);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(c, "number")), "LK/KANIM-PLG/"));
    json_t *h = json_object_get(c, "history");
    ck_assert_uint_eq(json_array_size(h), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(h, 0), "type")),
                     "report_registered");
    /* what may happen next, for this role */
    json_t *next = json_object_get(c, "allowed_events");
    bool sprindik = false;
    size_t i;
    json_t *e;
    json_array_foreach(next, i, e) if (strcmp(json_string_value(json_object_get(e, "type")),
                                              "sprindik_issued") == 0) sprindik = true;
    ck_assert(sprindik);
    json_decref(c);
}
END_TEST

/* The case's page carries every act of its log with what was recorded (issue 12.4: the
 * history is written as text, not built as a tree): a note with quotes, a backslash, a slash,
 * markup and letters beyond ASCII (2, 3 and 4 bytes of UTF-8) comes back exactly as sent, and
 * each act keeps its members, in log order, beside a timeline of the stage. */
START_TEST(test_the_history_carries_each_act_as_recorded)
{
    long long id = open_case("Uji riwayat", 5);
    static const char note[] = "Kata \"kutip\", garis \\ miring / <b>tebal</b> & é 中文 😀";
    char date[11];
    days_ago(4, date);
    json_t *body =
        json_pack("{s:s, s:s, s:s}", "type", "letter_delivered", "date", date, "note", note);
    char *text = json_dumps(body, JSON_COMPACT);
    json_decref(record(id, demo.inv, text, 201));
    free(text);
    json_decref(body);
    rec(id, demo.inv, "sprindik_issued", 3, NULL);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *h = json_object_get(c, "history");
    ck_assert_uint_eq(json_array_size(h), 3);
    ck_assert_int_eq(events_of(id), 3);
    static const char *const types[] = {"report_registered", "letter_delivered", "sprindik_issued"};
    for (size_t i = 0; i < 3; i++) {
        json_t *a = json_array_get(h, i);
        ck_assert_int_eq(json_integer_value(json_object_get(a, "seq")), (json_int_t)i + 1);
        ck_assert_str_eq(json_string_value(json_object_get(a, "type")), types[i]);
        ck_assert_str_eq(json_string_value(json_object_get(a, "entered_by")), "Andi Pratama");
        ck_assert(json_is_null(json_object_get(a, "corrects")));
        ck_assert(json_is_array(json_object_get(a, "documents")));
        ck_assert(json_is_object(json_object_get(a, "payload")));
        ck_assert(json_is_string(json_object_get(a, "label")));
    }
    json_t *letter = json_array_get(h, 1);
    ck_assert_str_eq(json_string_value(json_object_get(letter, "legal_date")), date);
    ck_assert(json_is_null(json_object_get(letter, "legal_at")));
    ck_assert(json_is_null(json_object_get(letter, "party_id")));
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(letter, "payload"), "note")),
                     note);
    ck_assert(json_is_boolean(json_object_get(letter, "late")));
    /* the Sprindik moved the stage: the timeline says so */
    json_t *t = json_object_get(c, "timeline");
    ck_assert_uint_eq(json_array_size(t), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(t, 0), "to")),
                     "investigation");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(h, 2), "stage_after")),
                     "investigation");
    json_decref(c);
}
END_TEST

START_TEST(test_an_act_the_stage_does_not_allow_is_409_listing_the_allowed)
{
    long long id = open_case("Uji 409", 5);
    char date[11], body[256];
    days_ago(1, date);
    snprintf(body, sizeof body, "{\"type\":\"tahap1_sent\",\"date\":\"%s\"}", date);
    json_t *p = record(id, demo.inv, body, 409);
    ck_assert_str_eq(json_string_value(json_object_get(p, "type")),
                     "urn:berkas:problem:transition-not-allowed");
    json_t *allowed = json_object_get(p, "allowed");
    ck_assert(json_array_size(allowed) > 0);
    bool lists_sprindik = false;
    size_t i;
    json_t *a;
    json_array_foreach(allowed, i, a) if (strcmp(json_string_value(a), "sprindik_issued") == 0)
        lists_sprindik = true;
    ck_assert(lists_sprindik);
    json_decref(p);
    ck_assert_int_eq(events_of(id), 1); /* nothing written */
}
END_TEST

START_TEST(test_a_failing_guard_is_422_naming_each_missing_fact)
{
    long long id = open_case("Uji 422", 10);
    rec(id, demo.inv, "sprindik_issued", 9, NULL);
    char date[11], body[256];
    days_ago(1, date);
    snprintf(body, sizeof body, "{\"type\":\"tahap1_sent\",\"date\":\"%s\"}", date);
    json_t *p = record(id, demo.inv, body, 422);
    ck_assert_str_eq(json_string_value(json_object_get(p, "type")),
                     "urn:berkas:problem:guard-failed");
    char *missing = json_dumps(json_object_get(p, "missing"), JSON_COMPACT);
    ck_assert_str_eq(missing, "[\"spdp_sent\",\"suspect\",\"resume\"]");
    free(missing);
    json_decref(p);
    ck_assert_int_eq(events_of(id), 2);
    /* the refusal left its audit line */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *pa[1] = {cid};
    ck_assert_int_ge(sql_count(demo.db,
                               "SELECT count(*) FROM audit.events WHERE action = 'case.event' AND "
                               "object_id = $1::bigint AND outcome = 'refused' AND status = 422",
                               1, pa),
                     1);
}
END_TEST

START_TEST(test_the_whole_file_to_the_prosecutor_and_back_with_p19)
{
    long long id = open_case("Uji berkas lengkap", 30);
    long long s = add_suspect(id, "Trần Văn Bình", "C9988776");
    char path[64], extra[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(extra, sizeof extra, "{\"code\":\"122\",\"party_id\":%lld}", s);
    json_decref(call("POST", path, demo.inv, extra, 201));
    rec(id, demo.inv, "sprindik_issued", 28, "\"number\":\"SP.Sidik/9/2026\"");
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec(id, demo.inv, "suspect_designated", 28, extra);
    rec(id, demo.inv, "spdp_sent", 27, "\"recipient\":\"kejari\"");
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"bap\":\"tersangka\"", s);
    rec(id, demo.inv, "bap_recorded", 20, extra);
    rec(id, demo.inv, "resume_written", 12, NULL);
    rec(id, demo.inv, "tahap1_sent", 11, NULL);
    /* now the prosecutor sees it and answers */
    rec(id, demo.pros, "tahap1_received_by_pu", 10, NULL);
    rec(id, demo.pros, "p19_received", 6,
        "\"instructions\":[\"Lengkapi BAP saksi\",\"Lampirkan paspor\"]");
    /* not re-sent before every instruction is answered */
    char date[11], body[512];
    days_ago(1, date);
    snprintf(body, sizeof body, "{\"type\":\"resubmitted\",\"date\":\"%s\"}", date);
    json_t *p = record(id, demo.inv, body, 422);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(p, "missing"), 0)),
                     "instructions_answered");
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(c, "stage")), "returned");
    ck_assert_int_eq(json_integer_value(json_object_get(c, "p19_returns")), 1);
    json_t *items = json_object_get(json_array_get(json_object_get(c, "p19_rounds"), 0), "items");
    ck_assert_uint_eq(json_array_size(items), 2);
    for (size_t i = 0; i < 2; i++) {
        snprintf(extra, sizeof extra, "\"instruction_id\":%lld,\"answer\":\"Sudah\"",
                 (long long)json_integer_value(json_object_get(json_array_get(items, i), "id")));
        rec(id, demo.inv, "instruction_answered", 3, extra);
    }
    /* answering the same item twice is refused */
    snprintf(body, sizeof body,
             "{\"type\":\"instruction_answered\",\"date\":\"%s\",\"instruction_id\":%lld,"
             "\"answer\":\"lagi\"}",
             date, (long long)json_integer_value(json_object_get(json_array_get(items, 0), "id")));
    json_decref(c);
    json_t *twice = record(id, demo.inv, body, 400);
    json_decref(twice);
    rec(id, demo.inv, "resubmitted", 2, NULL);
    c = call("GET", path, demo.inv, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(c, "stage")), "with_prosecutor");
    /* the clocks are there, with their legal basis and state */
    json_t *clocks = json_object_get(c, "clocks");
    ck_assert(json_array_size(clocks) >= 3);
    size_t i;
    json_t *k;
    json_array_foreach(clocks, i, k)
    {
        ck_assert_ptr_nonnull(json_string_value(json_object_get(k, "basis")));
        const char *st = json_string_value(json_object_get(k, "state"));
        ck_assert(strcmp(st, "ok") == 0 || strcmp(st, "warning") == 0 ||
                  strcmp(st, "overdue") == 0);
    }
    ck_assert_uint_eq(json_array_size(json_object_get(c, "timeline")), 4);
    json_decref(c);
    /* the supervisor of the office reads it; a prosecutor elsewhere does not */
    json_decref(call("GET", path, sup, NULL, 200));
    char *other = api_login(demo.port, NIP_PROS_PTK, DEMO_PW);
    json_decref(call("GET", path, other, NULL, 404));
    free(other);
}
END_TEST

START_TEST(test_bad_dates_are_400_and_write_nothing)
{
    long long id = open_case("Uji tanggal", 5);
    char future[11], before[11], body[256];
    days_ago(-2, future);
    days_ago(6, before);
    char b0[128], b1[128], b6[160], b7[128];
    snprintf(b0, sizeof b0, "{\"type\":\"sprindik_issued\",\"date\":\"%s\"}", future);
    snprintf(b1, sizeof b1, "{\"type\":\"sprindik_issued\",\"date\":\"%s\"}", before);
    snprintf(b6, sizeof b6, "{\"type\":\"sprindik_issued\",\"date\":\"%s\",\"colour\":\"red\"}",
             before);
    snprintf(b7, sizeof b7, "{\"type\":\"arrested\",\"date\":\"%s\"}", before);
    const char *bad[] = {
        b0, /* in the future */
        b1, /* before the case was opened */
        "{\"type\":\"sprindik_issued\",\"date\":\"2026-02-30\"}",
        "{\"type\":\"sprindik_issued\",\"date\":\"kemarin\"}",
        "{\"type\":\"sprindik_issued\",\"at\":\"2026-01-02 10:00\"}",
        "{\"type\":\"no_such_act\"}",
        b6, /* an unknown member */
        b7, /* a per-suspect act without its suspect */
    };
    (void)body;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = record(id, demo.inv, bad[i], 400);
        ck_assert_msg(json_object_get(p, "detail") != NULL, "%s", bad[i]);
        json_decref(p);
    }
    ck_assert_int_eq(events_of(id), 1);
}
END_TEST

/* Each field of an act's input is checked as the one description of it
 * says (core/evfields.def; issue 12.3): a value of the wrong JSON type, a
 * list out of its bounds, a field the act does not take, or one it needs
 * and lacks is refused with 400 naming the field, in `field` and in
 * `fields` (what a form asks for again), and writes nothing.  The needs are
 * the law's: a designation names its suspect (KUHAP 1 angka 14), a BAP says
 * whose examination it records, a P-19 gives its instructions (KUHAP
 * 138(2)), a summons names the person it calls (KUHAP 112(1)). */
START_TEST(test_each_field_of_an_act_is_refused_by_name_and_writes_nothing)
{
    long long id = open_case("Uji isian tindakan", 10);
    rec(id, demo.inv, "sprindik_issued", 9, NULL);
    long long suspect = add_suspect(id, "PHAM VAN F", "C1234567");
    long long before = events_of(id);
    static const struct {
        const char *body, *field;
    } bad[] = {
        /* the wrong JSON type */
        {"{\"type\":\"suspect_designated\",\"party_id\":\"satu\"}", "party_id"},
        {"{\"type\":\"bap_recorded\",\"bap\":5}", "bap"},
        {"{\"type\":\"spdp_sent\",\"recipient\":[\"kejari\"]}", "recipient"},
        {"{\"type\":\"sprindik_issued\",\"number\":12}", "number"},
        {"{\"type\":\"spdp_sent\",\"note\":{\"a\":1}}", "note"},
        {"{\"type\":\"corrected\",\"corrects\":1,\"withdraws\":\"ya\"}", "withdraws"},
        {"{\"type\":\"detention_extended_court\",\"party_id\":1,"
         "\"severe_illness\":1}",
         "severe_illness"},
        {"{\"type\":\"detention_extended_pu\",\"party_id\":1,\"days\":\"40\"}", "days"},
        {"{\"type\":\"p19_received\",\"instructions\":\"periksa saksi\"}", "instructions"},
        {"{\"type\":\"p19_received\",\"instructions\":[7]}", "instructions"},
        {"{\"type\":\"return_letter_received\",\"unmet\":[]}", "unmet"},
        {"{\"type\":\"return_letter_received\",\"unmet\":[\"1\"]}", "unmet"},
        {"{\"type\":\"spdp_sent\",\"issue\":[\"SPDP Kejari\"]}", "issue"},
        {"{\"type\":\"spdp_sent\",\"issue\":\"spdp\"}", "issue"},
        /* out of bounds: no extension grants more than 60 days (KUHAP 29(2): twice 30) */
        {"{\"type\":\"detention_extended_court\",\"party_id\":1,\"days\":61}", "days"},
        {"{\"type\":\"suspect_designated\",\"party_id\":0}", "party_id"},
        /* a field the act does not take */
        {"{\"type\":\"spdp_sent\",\"days\":20}", "days"},
        {"{\"type\":\"resume_written\",\"ground\":\"tidak_cukup_bukti\"}", "ground"},
        /* a field the act needs */
        {"{\"type\":\"suspect_designated\"}", "party_id"},
        {"{\"type\":\"bap_recorded\"}", "bap"},
        {"{\"type\":\"summons_served\"}", "party_id"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *body = bad[i].body;
        struct http_result r;
        char path[64];
        snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
        ck_assert(api_call(demo.port, "POST", path, demo.inv, body, &r));
        ck_assert_msg(r.status == 400, "%s: %ld %s", body, r.status, r.body);
        ck_assert_msg(strncmp(r.content_type, "application/problem+json", 24) == 0, "%s",
                      r.content_type);
        json_t *p = json_loads(r.body, 0, NULL);
        ck_assert_msg(p != NULL, "%s", r.body);
        ck_assert_msg(json_is_string(json_object_get(p, "field")) &&
                          strcmp(json_string_value(json_object_get(p, "field")), bad[i].field) == 0,
                      "%s: want field %s: %s", body, bad[i].field, r.body);
        json_t *fields = json_object_get(p, "fields");
        ck_assert_msg(json_array_size(fields) == 1 &&
                          strcmp(json_string_value(json_array_get(fields, 0)), bad[i].field) == 0,
                      "%s: want fields [%s]: %s", body, bad[i].field, r.body);
        json_decref(p);
        http_result_free(&r);
    }
    ck_assert_int_eq(events_of(id), before);
    /* and the same act with its fields right is recorded */
    char extra[64];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", suspect);
    rec(id, demo.inv, "suspect_designated", 8, extra);
    ck_assert_int_eq(events_of(id), before + 1);
}
END_TEST

START_TEST(test_party_shapes_are_checked_naming_the_field)
{
    long long id = open_case("Uji pihak", 5);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    static const struct {
        const char *body, *field;
    } bad[] = {
        {"{\"kind\":\"suspect\",\"name\":\"A\",\"nationality\":\"vn\"}", "nationality"},
        {"{\"kind\":\"suspect\",\"name\":\"A\",\"nationality\":\"VNM\"}", "nationality"},
        {"{\"kind\":\"suspect\",\"name\":\"A\",\"passport_no\":\"c-123\"}", "passport_no"},
        {"{\"kind\":\"suspect\",\"name\":\"A\",\"passport_no\":\"C12\"}", "passport_no"},
        {"{\"kind\":\"suspect\",\"name\":\"A\",\"birth_date\":\"1990-13-01\"}", "birth_date"},
        {"{\"kind\":\"suspect\",\"name\":\"A\",\"sex\":\"X\"}", "sex"},
        {"{\"kind\":\"korban\",\"name\":\"A\"}", "kind"},
        {"{\"kind\":\"suspect\"}", "name"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = call("POST", path, demo.inv, bad[i].body, 400);
        ck_assert_msg(json_string_value(json_object_get(p, "field")) &&
                          strcmp(json_string_value(json_object_get(p, "field")), bad[i].field) == 0,
                      "%s: want field %s", bad[i].body, bad[i].field);
        json_decref(p);
    }
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *pc[1] = {cid};
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.parties WHERE case_id = $1::bigint", 1, pc),
        0);
    /* an offence that is not in the catalogue */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    json_t *p = call("POST", path, demo.inv, "{\"code\":\"999\"}", 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "code");
    json_decref(p);
}
END_TEST

START_TEST(test_a_name_typed_decomposed_is_found_by_search_composed)
{
    long long id = open_case("Uji NFC", 5);
    /* "Nguyễn" typed as e + combining circumflex + combining tilde */
    add_suspect(id, "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Lan", "B1234567");
    char *composed =
        sql_value(demo.db, "SELECT name FROM app.parties WHERE passport_no = 'B1234567'", 0, NULL);
    ck_assert_str_eq(composed, "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Lan");
    free(composed);
    json_t *page = call("GET", "/api/v1/cases?q=nguy%E1%BB%85n", demo.inv, NULL, 200);
    bool found = false;
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(page, "items"), i,
                       c) if (json_integer_value(json_object_get(c, "id")) == id) found = true;
    ck_assert(found);
    json_decref(page);
}
END_TEST

/* A paper of the court record prints what is typed (DOMAIN 12): a name in a script the
 * document fonts do not hold would print as empty boxes on the BAP and the orders.  Refused at
 * input, naming the field and the character, nothing stored; the Latin letters of a passport's
 * name (with Vietnamese, Turkish, Polish, Nordic marks) pass. */
START_TEST(test_a_text_the_papers_cannot_print_is_refused_at_input)
{
    long long id = open_case("Uji aksara", 5);
    char path[96], cid[24];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    long long before =
        sql_count(demo.db, "SELECT count(*) FROM app.parties WHERE case_id = $1::bigint", 1, q);
    struct {
        const char *body, *field, *named;
    } bad[] = {
        {"{\"kind\":\"witness\",\"name\":\"\u738b\u5c0f\u660e\"}", "name", "U+738B"},
        {"{\"kind\":\"witness\",\"name\":\"\u0645\u062d\u0645\u062f\"}", "name", "U+0645"},
        {"{\"kind\":\"witness\",\"name\":\"Ivan Petrov\",\"address_abroad\":"
         "\"\u041c\u043e\u0441\u043a\u0432\u0430\"}",
         "address_abroad", "U+041C"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = call("POST", path, demo.inv, bad[i].body, 400);
        ck_assert_str_eq(json_string_value(json_object_get(p, "field")), bad[i].field);
        const char *detail = json_string_value(json_object_get(p, "detail"));
        ck_assert_msg(detail && strstr(detail, bad[i].named) && strstr(detail, "huruf Latin"), "%s",
                      detail ? detail : "(none)");
        json_decref(p);
    }
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.parties WHERE case_id = $1::bigint", 1, q),
        before);
    /* the Latin of passports passes */
    add_suspect(id,
                "Nguy\xe1\xbb\x85n \xc3\x87"
                "a\xc4\x9f"
                "lar \xc5\x81ukasz \xc3\x98ster",
                "C1234567");
    /* a thing seized described with a pictograph */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"description\":\"Telepon \\ud83d\\udcf1\",\"quantity\":\"1 buah\"}", 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "description");
    json_decref(p);
    /* an act's text: who signed for a letter */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    char d[11], body[256];
    days_ago(4, d);
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_korwas\","
             "\"received_by\":\"\u674e\u56db\"}",
             d);
    p = call("POST", path, demo.inv, body, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "received_by");
    json_decref(p);
}
END_TEST

/* DOMAIN 4.1: a case is opened on one Laporan Kejadian (its first act); a second report is
 * another case.  Registering a second Laporan on the file would make every later paper cite
 * it instead of the one the case was opened on: 409 naming the first, nothing written. */
START_TEST(test_a_second_laporan_on_the_same_case_is_refused)
{
    long long id = open_case("Uji satu laporan", 5);
    char path[64], body[160], d[11];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    days_ago(3, d);
    snprintf(body, sizeof body, "{\"type\":\"report_registered\",\"date\":\"%s\"}", d);
    long long before = events_of(id);
    json_t *p = call("POST", path, demo.inv, body, 409);
    const char *detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(detail && strstr(detail, "Laporan Kejadian") && strstr(detail, "case new"), "%s",
                  detail ? detail : "(none)");
    json_decref(p);
    ck_assert_int_eq(events_of(id), before);
}
END_TEST

/* A file handed over to the prosecution (Tahap II: suspect and evidence with the PU, KUHAP
 * 8(3)(b)) is closed for good: its papers went with it.  A new witness, charge or thing seized
 * on it is refused (409), nothing written - an acceptance tester added a witness to one (201). */
START_TEST(test_a_file_handed_over_takes_no_new_party_charge_or_evidence)
{
    char *cid = sql_value(demo.db,
                          "SELECT c.id FROM app.cases c JOIN app.offices o ON o.id = c.office_id "
                          "WHERE c.stage = 'handed_over' AND o.code = 'KANIM-PLG' ORDER BY c.id "
                          "LIMIT 1",
                          0, NULL);
    ck_assert_ptr_nonnull(cid);
    const char *q[1] = {cid};
    const char *count = "SELECT (SELECT count(*) FROM app.parties WHERE case_id = $1::bigint) + "
                        "(SELECT count(*) FROM app.case_offences WHERE case_id = $1::bigint) + "
                        "(SELECT count(*) FROM app.evidence WHERE case_id = $1::bigint)";
    long long before = sql_count(demo.db, count, 1, q);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%s/parties", cid);
    json_t *p =
        call("POST", path, demo.inv, "{\"kind\":\"witness\",\"name\":\"Budi Santoso\"}", 409);
    const char *detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(detail && strstr(detail, "sudah selesai"), "%s", detail ? detail : "(none)");
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%s/offences", cid);
    json_decref(call("POST", path, demo.inv, "{\"code\":\"122\"}", 409));
    snprintf(path, sizeof path, "/api/v1/cases/%s/evidence", cid);
    json_decref(call("POST", path, demo.inv, "{\"description\":\"1 buah telepon\"}", 409));
    ck_assert_int_eq(sql_count(demo.db, count, 1, q), before);
    free(cid);
}
END_TEST

START_TEST(test_the_list_pages_with_a_cursor_and_filters)
{
    for (int i = 0; i < 5; i++) {
        char s[32];
        snprintf(s, sizeof s, "Uji halaman %d", i);
        open_case(s, 4);
    }
    /* walk every page of 3; the ids never repeat and never go back */
    long long cursor = 0, last = 0;
    int seen = 0, pages = 0;
    for (;;) {
        char path[96];
        if (cursor)
            snprintf(path, sizeof path, "/api/v1/cases?limit=3&cursor=%lld", cursor);
        else
            snprintf(path, sizeof path, "/api/v1/cases?limit=3");
        json_t *page = call("GET", path, demo.inv, NULL, 200);
        size_t i;
        json_t *c;
        json_array_foreach(json_object_get(page, "items"), i, c)
        {
            long long id = json_integer_value(json_object_get(c, "id"));
            ck_assert_int_gt(id, last);
            last = id;
            seen++;
        }
        pages++;
        json_t *next = json_object_get(page, "next_cursor");
        cursor = json_is_integer(next) ? json_integer_value(next) : 0;
        json_decref(page);
        if (!cursor)
            break;
    }
    long long visible = sql_count(demo.db,
                                  "SELECT count(*) FROM app.cases c JOIN app.offices o ON o.id = "
                                  "c.office_id WHERE o.code = 'KANIM-PLG'",
                                  0, NULL);
    ck_assert_int_eq(seen, visible);
    ck_assert_int_ge(pages, 2);
    /* filters */
    json_t *page = call("GET", "/api/v1/cases?stage=dismissed", demo.inv, NULL, 200);
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(page, "items"), i, c)
        ck_assert_str_eq(json_string_value(json_object_get(c, "stage")), "dismissed");
    json_decref(page);
    page = call("GET", "/api/v1/cases?clock=overdue", demo.inv, NULL, 200);
    json_array_foreach(json_object_get(page, "items"), i, c)
        ck_assert_str_eq(json_string_value(json_object_get(c, "worst_clock")), "overdue");
    json_decref(page);
    const char *bad[] = {"/api/v1/cases?stage=limbo", "/api/v1/cases?clock=late",
                         "/api/v1/cases?limit=0",     "/api/v1/cases?limit=101",
                         "/api/v1/cases?cursor=-4",   "/api/v1/cases?office=abc"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        json_decref(call("GET", bad[k], demo.inv, NULL, 400));
}
END_TEST

/* Whether rule set name's key is marked to verify, as GET /api/v1/rulesets says. */
static bool marked_to_verify(const char *name, const char *key)
{
    json_t *all = call("GET", "/api/v1/rulesets", admin, NULL, 200), *set, *v;
    size_t i, j;
    int mark = -1;
    json_array_foreach(json_object_get(all, "items"), i, set)
    {
        if (strcmp(json_string_value(json_object_get(set, "name")), name) != 0)
            continue;
        json_array_foreach(json_object_get(set, "values"), j, v)
        {
            if (strcmp(json_string_value(json_object_get(v, "key")), key) == 0)
                mark = json_is_true(json_object_get(v, "to_verify"));
        }
    }
    json_decref(all);
    ck_assert_msg(mark >= 0, "%s/%s not listed", name, key);
    return mark == 1;
}

START_TEST(test_amending_a_rule_set_moves_the_clock)
{
    long long id = open_case("Uji aturan", 10);
    rec(id, demo.inv, "sprindik_issued", 9, NULL);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *spdp = json_array_get(json_object_get(c, "clocks"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(spdp, "code")), "spdp");
    ck_assert_str_eq(json_string_value(json_object_get(spdp, "state")), "overdue");
    int before = (int)json_integer_value(json_object_get(spdp, "days_left"));
    json_decref(c);
    /* both regimes: the act's date decides which applies */
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/spdp_days", admin,
                     "{\"value\":14,\"to_verify\":true,\"note\":\"uji\",\"effective_from\":\"2026-"
                     "01-02\",\"override\":true}",
                     200));
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-1981/spdp_days", admin,
             "{\"value\":14,\"note\":\"uji\",\"effective_from\":\"1981-12-31\",\"override\":true}",
             200));
    c = call("GET", path, demo.inv, NULL, 200);
    spdp = json_array_get(json_object_get(c, "clocks"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(spdp, "days_left")), before + 7);
    json_decref(c);
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-2025/spdp_days", admin,
        "{\"value\":7,\"note\":\"uji\",\"effective_from\":\"2026-01-02\",\"override\":true}", 200));
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-1981/spdp_days", admin,
        "{\"value\":7,\"note\":\"uji\",\"effective_from\":\"1981-12-31\",\"override\":true}", 200));
    /* an amendment that does not say whether the value is verified keeps its mark: KUHAP-2025's
     * stays to verify, KUHAP-1981's verified (before, a value without to_verify was marked
     * verified); said, it is marked so */
    ck_assert(marked_to_verify("KUHAP-2025", "spdp_days"));
    ck_assert(!marked_to_verify("KUHAP-1981", "spdp_days"));
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/spdp_days", admin,
                     "{\"value\":7,\"to_verify\":false}", 200));
    ck_assert(!marked_to_verify("KUHAP-2025", "spdp_days"));
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/spdp_days", admin,
                     "{\"value\":7,\"to_verify\":true}", 200));
    ck_assert(marked_to_verify("KUHAP-2025", "spdp_days"));
    /* a key or name from the URL is named in the 404 only when it is a name (a key cut inside
     * a character left the problem without a detail) */
    json_t *p = call("PUT",
                     "/api/v1/rulesets/KUHAP-2025/"
                     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%C3%A9",
                     admin, "{\"value\":3}", 404);
    ck_assert_ptr_nonnull(json_string_value(json_object_get(p, "detail")));
    json_decref(p);
    p = call("PUT", "/api/v1/rulesets/KUHAP-%22x/spdp_days", admin, "{\"value\":3}", 404);
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(p, "detail")), "aturan itu/"));
    json_decref(p);
    /* out of range, unknown key, not an admin */
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/spdp_days", admin, "{\"value\":-3}", 400));
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-2025/no_such_key", admin, "{\"value\":3}", 404));
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-2025/spdp_days", demo.inv, "{\"value\":3}", 403));
}
END_TEST

/* Rule set name's value key as GET /api/v1/rulesets gives it as token (a copy; caller decrefs). */
static json_t *rule_value(const char *token, const char *name, const char *key)
{
    json_t *all = call("GET", "/api/v1/rulesets", token, NULL, 200), *set, *v, *got = NULL;
    size_t i, j;
    json_array_foreach(json_object_get(all, "items"), i, set)
    {
        if (strcmp(json_string_value(json_object_get(set, "name")), name) != 0)
            continue;
        json_array_foreach(json_object_get(set, "values"), j, v)
        {
            if (strcmp(json_string_value(json_object_get(v, "key")), key) == 0)
                got = json_deep_copy(v);
        }
    }
    json_decref(all);
    ck_assert_msg(got != NULL, "%s/%s not listed", name, key);
    return got;
}

/* The reason given for a rule value's amendment, "" for none, and who gave it: the value's
 * amended as GET /api/v1/rulesets says it, after the PUT of body (which must answer 200). */
static void amend_says(const char *body, const char *note, const char *by)
{
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/bap_copy_days", admin, body, 200));
    json_t *v = rule_value(demo.inv, "KUHAP-2025", "bap_copy_days");
    json_t *a = json_object_get(v, "amended");
    ck_assert_msg(json_is_object(a), "amended: %s", json_dumps(v, 0));
    ck_assert_str_eq(json_string_value(json_object_get(a, "note")), note);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(a, "by"), "name")), by);
    const char *at = json_string_value(json_object_get(a, "at"));
    ck_assert_msg(at && strlen(at) == 20 && at[10] == 'T' && at[19] == 'Z', "at %s", at);
    json_decref(v);
}

/* An amendment's reason (the note an administrator gives with it) is returned with the value,
 * with who amended it and when; a later amendment without a reason has none (the earlier
 * reason was for another change); a reason of spaces is none. A reason that is not text, too
 * long (over 500 characters) or holds a control character is 400 naming note, and anyone but a
 * root office's admin is refused (403; 401 without a session): nothing changed. Anyone logged on
 * reads it (the rule values are every role's). */
START_TEST(test_a_rule_amendment_says_why_who_and_when)
{
    json_t *me = call("GET", "/api/v1/me", admin, NULL, 200);
    char name[160];
    snprintf(name, sizeof name, "%s", json_string_value(json_object_get(me, "name")));
    json_decref(me);
    json_t *was = rule_value(admin, "KUHAP-2025", "bap_copy_days");
    ck_assert(json_is_null(json_object_get(was, "amended"))); /* the demo's: never amended */
    char body[700];
    long long value = json_integer_value(json_object_get(was, "value"));
    snprintf(body, sizeof body,
             "{\"value\":%lld,\"note\":\"Dicocokkan dengan KUHAP 72: turunan BAP atas "
             "permintaan tersangka\"}",
             value);
    amend_says(body, "Dicocokkan dengan KUHAP 72: turunan BAP atas permintaan tersangka", name);
    json_t *said = rule_value(admin, "KUHAP-2025", "bap_copy_days");
    /* refused: nothing changed */
    static const char *const bad[] = {"{\"value\":1,\"note\":5}", "{\"value\":1,\"note\":[\"a\"]}",
                                      "{\"value\":1,\"note\":\"baris\\u0007bel\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = call("PUT", "/api/v1/rulesets/KUHAP-2025/bap_copy_days", admin, bad[i], 400);
        ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "note");
        json_decref(p);
    }
    char *long_note = malloc(600);
    snprintf(long_note, 600, "{\"value\":1,\"note\":\"%0501d\"}", 0);
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/bap_copy_days", admin, long_note, 400));
    free(long_note);
    const char *others[] = {demo.inv, demo.pros, sup};
    for (size_t i = 0; i < 3; i++)
        json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/bap_copy_days", others[i],
                         "{\"value\":1,\"note\":\"bukan haknya\"}", 403));
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/bap_copy_days", NULL,
                     "{\"value\":1,\"note\":\"tanpa sesi\"}", 401));
    json_t *now = rule_value(admin, "KUHAP-2025", "bap_copy_days");
    ck_assert(json_equal(now, said));
    json_decref(now);
    json_decref(said);
    /* the next amendment's own reason: none, or spaces alone */
    snprintf(body, sizeof body, "{\"value\":%lld}", value);
    amend_says(body, "", name);
    snprintf(body, sizeof body, "{\"value\":%lld,\"note\":\"   \"}", value);
    amend_says(body, "", name);
    json_decref(was);
}
END_TEST

/* Whether an act is entered late is the rule set's late_entry_days (3 days
 * by default) at the time of recording: the write path keeps a copy of the
 * rule sets (sql/0024) and must take an amendment at the next act. */
static bool late_letter(long long id, int ago)
{
    char date[11], body[160];
    days_ago(ago, date);
    snprintf(body, sizeof body, "{\"type\":\"letter_delivered\",\"date\":\"%s\"}", date);
    json_t *e = record(id, demo.inv, body, 201);
    bool late = json_is_true(json_object_get(e, "late"));
    json_decref(e);
    return late;
}

START_TEST(test_an_amended_rule_set_decides_the_next_act)
{
    long long id = open_case("Uji pencatatan terlambat", 10);
    ck_assert(late_letter(id, 4));
    ck_assert(!late_letter(id, 2)); /* 2 days after the letter: within 3 */
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-2025/late_entry_days", admin,
        "{\"value\":1,\"note\":\"uji\",\"effective_from\":\"2026-01-02\",\"override\":true}", 200));
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-1981/late_entry_days", admin,
        "{\"value\":1,\"note\":\"uji\",\"effective_from\":\"1981-12-31\",\"override\":true}", 200));
    ck_assert(late_letter(id, 2)); /* now more than 1 */
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-2025/late_entry_days", admin,
        "{\"value\":3,\"note\":\"uji\",\"effective_from\":\"2026-01-02\",\"override\":true}", 200));
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-1981/late_entry_days", admin,
        "{\"value\":3,\"note\":\"uji\",\"effective_from\":\"1981-12-31\",\"override\":true}", 200));
    ck_assert(!late_letter(id, 2));
}
END_TEST

START_TEST(test_roles_record_only_their_own_acts)
{
    long long id = open_case("Uji peran", 6);
    rec(id, demo.inv, "sprindik_issued", 5, NULL);
    rec(id, demo.inv, "spdp_sent", 4, "\"recipient\":\"kejari\"");
    char date[11], body[256];
    days_ago(1, date);
    /* a supervisor writes review notes, not acts of the investigation */
    snprintf(body, sizeof body, "{\"type\":\"review_note\",\"date\":\"%s\",\"note\":\"cek\"}",
             date);
    json_decref(record(id, sup, body, 201));
    snprintf(body, sizeof body, "{\"type\":\"resume_written\",\"date\":\"%s\"}", date);
    json_decref(record(id, sup, body, 403));
    /* a prosecutor records P-forms, not the investigator's acts */
    json_decref(record(id, demo.pros, body, 403));
    /* nor does a supervisor rewrite an investigator's act by correcting its
     * correction: the act at the root of the chain decides */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *pc[1] = {cid};
    char *sprindik = sql_value(demo.db,
                               "SELECT id FROM app.events WHERE case_id = $1::bigint AND type = "
                               "'sprindik_issued'",
                               1, pc);
    char fix[256];
    days_ago(5, date);
    snprintf(fix, sizeof fix, "\"corrects\":%s", sprindik);
    rec(id, demo.inv, "corrected", 5, fix);
    char *correction = sql_value(demo.db,
                                 "SELECT max(id) FROM app.events WHERE case_id = $1::bigint AND "
                                 "type = 'corrected'",
                                 1, pc);
    snprintf(body, sizeof body, "{\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%s}", date,
             correction);
    json_decref(record(id, sup, body, 403));
    free(sprindik);
    free(correction);
    /* and an investigator does not record the prosecutor's P-21 */
    snprintf(body, sizeof body, "{\"type\":\"p21_received\",\"date\":\"%s\"}", date);
    json_decref(record(id, demo.inv, body, 403));
    json_decref(record(id, admin, body, 403));
}
END_TEST

START_TEST(test_number_patterns_are_checked_before_they_are_saved)
{
    char *office =
        sql_value(demo.db, "SELECT id FROM app.offices WHERE code = 'KANIM-PLG'", 0, NULL);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/offices/%s/number-patterns/sprindik", office);
    const char *bad[] = {"{\"pattern\":\"SP/{nomor}/{year}\"}", "{\"pattern\":\"SP/{year}\"}",
                         "{\"pattern\":\"SP/{seq\"}", "{\"pattern\":\"{seq}/{seq}\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = call("PUT", path, admin, bad[i], 400);
        ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "pattern");
        json_decref(p);
    }
    json_t *ok = call("PUT", path, admin,
                      "{\"pattern\":\"SP.Sidik/{seq}/{roman_month}/{year}/PPNS-IMI\"}", 200);
    ck_assert_str_eq(json_string_value(json_object_get(
                         json_array_get(json_object_get(ok, "items"), 0), "pattern")),
                     "SP.Sidik/{seq}/{roman_month}/{year}/PPNS-IMI");
    json_decref(ok);
    snprintf(path, sizeof path, "/api/v1/offices/%s/number-patterns/Bad-Type", office);
    json_decref(call("PUT", path, admin, "{\"pattern\":\"{seq}\"}", 400));
    snprintf(path, sizeof path, "/api/v1/offices/%s/number-patterns/sprindik", office);
    json_decref(call("PUT", path, demo.inv, "{\"pattern\":\"{seq}\"}", 403));
    free(office);
}
END_TEST

START_TEST(test_evidence_and_charges_are_corrected_not_lost)
{
    long long id = open_case("Uji koreksi", 5);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    json_t *e =
        call("POST", path, demo.inv, "{\"description\":\"Paspor\",\"quantity\":\"1\"}", 201);
    long long item = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence/%lld", id, item);
    /* the version the client saw: a stale one is refused */
    struct http_result r;
    char url[160];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, path);
    char auth[128];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    const char *stale[] = {auth, "Content-Type: application/json", "If-Match: \"7\"", NULL};
    const char body[] = "{\"quantity\":\"2 buah\"}";
    ck_assert(http_do("PUT", url, body, strlen(body), stale, &r));
    ck_assert_int_eq(r.status, 409);
    http_result_free(&r);
    const char *fresh[] = {auth, "Content-Type: application/json", "If-Match: \"1\"", NULL};
    ck_assert(http_do("PUT", url, body, strlen(body), fresh, &r));
    ck_assert_int_eq(r.status, 200);
    http_result_free(&r);
    char iid[24];
    snprintf(iid, sizeof iid, "%lld", item);
    const char *pi[1] = {iid};
    char *q = sql_value(demo.db,
                        "SELECT quantity || '/' || version FROM app.evidence WHERE id = $1::bigint",
                        1, pi);
    ck_assert_str_eq(q, "2 buah/2");
    free(q);
    /* a charge laid in error is withdrawn, and the audit trail keeps it */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    json_t *c = call("POST", path, demo.inv, "{\"code\":\"113\"}", 201);
    long long charge = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", id, charge);
    json_decref(call("DELETE", path, sup, NULL, 403));
    json_decref(call("DELETE", path, demo.inv, NULL, 204));
    json_decref(call("DELETE", path, demo.inv, NULL, 404));
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *pc[1] = {cid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM audit.events WHERE action = "
                               "'offence.withdraw' AND object_id = $1::bigint AND outcome = 'ok'",
                               1, pc),
                     1);
}
END_TEST

Suite *suite_cases(void)
{
    Suite *s = suite_create("cases");
    TCase *tc = tcase_create("cases");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_opening_a_case_records_its_laporan_and_numbers_it);
    tcase_add_test(tc, test_the_history_carries_each_act_as_recorded);
    tcase_add_test(tc, test_an_act_the_stage_does_not_allow_is_409_listing_the_allowed);
    tcase_add_test(tc, test_a_failing_guard_is_422_naming_each_missing_fact);
    tcase_add_test(tc, test_the_whole_file_to_the_prosecutor_and_back_with_p19);
    tcase_add_test(tc, test_bad_dates_are_400_and_write_nothing);
    tcase_add_test(tc, test_each_field_of_an_act_is_refused_by_name_and_writes_nothing);
    tcase_add_test(tc, test_party_shapes_are_checked_naming_the_field);
    tcase_add_test(tc, test_a_name_typed_decomposed_is_found_by_search_composed);
    tcase_add_test(tc, test_a_text_the_papers_cannot_print_is_refused_at_input);
    tcase_add_test(tc, test_a_second_laporan_on_the_same_case_is_refused);
    tcase_add_test(tc, test_a_file_handed_over_takes_no_new_party_charge_or_evidence);
    tcase_add_test(tc, test_the_list_pages_with_a_cursor_and_filters);
    tcase_add_test(tc, test_amending_a_rule_set_moves_the_clock);
    tcase_add_test(tc, test_an_amended_rule_set_decides_the_next_act);
    tcase_add_test(tc, test_a_rule_amendment_says_why_who_and_when);
    tcase_add_test(tc, test_roles_record_only_their_own_acts);
    tcase_add_test(tc, test_number_patterns_are_checked_before_they_are_saved);
    tcase_add_test(tc, test_evidence_and_charges_are_corrected_not_lost);
    suite_add_tcase(s, tc);
    return s;
}
