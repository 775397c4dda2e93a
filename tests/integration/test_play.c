/*
 * test_play.c - case files played through the HTTP API as the reviewers
 * play them: a real berkasd on the demo data, the right roles, the issued
 * papers read back with pdftotext.  Every expectation is written from the
 * law (DOMAIN.md), before the step, not from the code's output; each test
 * is a defect found by playing a file, kept so it stays fixed.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

static struct demo_server demo;

static void start(void)
{
    demo_server_start(&demo, "play_suite");
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

/* POST an act (members without braces); the reply, which must have status want. */
static json_t *act(long long id, const char *token, const char *members, long want)
{
    return api_act(demo.port, id, token, members, want);
}

/* A Palembang case opened on `opened`, reported by `source`. */
static long long case_opened(const char *opened, const char *source)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"source\":\"%s\",\"opened_on\":\"%s\",\"summary\":\"Main berkas: WNA bekerja "
             "tanpa izin\",\"kejari_id\":%lld}",
             source, opened, demo.kejari_plg);
    return api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
}

static long long suspect_added(long long id, const char *name, const char *passport)
{
    char path[96], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"VN\",\"passport_no\":\"%s\","
             "\"sex\":\"L\",\"birth_date\":\"1990-02-01\",\"birth_place\":\"Hanoi\"}",
             name, passport);
    long long party = api_id(call("POST", path, demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", party);
    json_decref(call("POST", path, demo.inv, body, 201));
    return party;
}

/* The text of the first document an act's reply carries. */
static char *act_paper(json_t *e)
{
    json_t *d = json_array_get(json_object_get(e, "documents"), 0);
    ck_assert_msg(d != NULL, "the act carries no document");
    return fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
}

static void assert_has(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not in: %.3000s", what, needle, text);
}

static void assert_lacks(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) == NULL, "%s: \"%s\" in: %.3000s", what, needle, text);
}

static json_t *case_read(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return call("GET", path, demo.inv, NULL, 200);
}

/* ---- the SPDP of its date -------------------------------------------------------------- */

/* A file crossing 2 January 2026: the Sprindik of 20 December 2025, Nguyen
 * designated on 21 December, the SPDP of 24 December, Tran designated only
 * on 5 January 2026.  The SPDP states the suspect's identity "if known"
 * (Permenkumham 39/2021 Pasal 27(1)(d)); one identified later gets the surat
 * ketetapan of Pasal 27(5), not a place in an SPDP dated before he was a
 * suspect, nor a copy of it as "Tersangka".  A document is its act's, as of
 * its date (DOMAIN.md 12). */
START_TEST(test_the_spdp_names_only_the_suspects_known_on_its_date)
{
    long long id = case_opened("2025-12-18", "jagratara");
    long long nguyen = suspect_added(id, "NGUYEN VAN AN", "C1234567");
    long long tran = suspect_added(id, "TRAN THI BICH", "C7654321");
    json_decref(act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2025-12-20\",\"issue\":[\"sprindik\"]",
                    201));
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2025-12-21\",\"party_id\":%lld", nguyen);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-01-05\",\"party_id\":%lld", tran);
    json_decref(act(id, demo.inv, m, 201));
    /* the SPDP is entered after both designations, dated 24 December 2025 */
    json_t *e = act(id, demo.inv,
                    "\"type\":\"spdp_sent\",\"date\":\"2025-12-24\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201);
    char *t = act_paper(e);
    assert_has(t, "24 Desember 2025", "the SPDP's date");
    assert_has(t, "NGUYEN VAN AN", "the suspect designated before the SPDP");
    assert_lacks(t, "TRAN THI BICH", "a suspect designated after the SPDP");
    free(t);
    /* its covering letter to Korwas PPNS, of the same act, says the same */
    char path[96], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/pengantar_spdp_korwas", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", json_integer_value(json_object_get(e, "id")));
    json_decref(e);
    json_t *d = call("POST", path, demo.inv, body, 201);
    ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2025-12-24");
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t, "NGUYEN VAN AN", "the Korwas letter");
    assert_lacks(t, "TRAN THI BICH", "the Korwas letter");
    free(t);
    json_decref(d);
}
END_TEST

/* Penyidikan exists to find the offence's author (KUHAP Pasal 1 angka 2);
 * a Sprindik and its SPDP may come before any suspect is known, the SPDP
 * leaving the identity out (Permenkumham 39/2021 Pasal 27(4)).  Both are
 * issued, saying the suspect is not yet known, naming no one. */
START_TEST(test_a_sprindik_and_spdp_are_issued_before_any_suspect_is_known)
{
    long long id = case_opened("2026-11-02", "public_report");
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    json_decref(call("POST", path, demo.inv, "{\"code\":\"119(1)\"}", 201));
    json_t *e =
        act(id, demo.inv,
            "\"type\":\"sprindik_issued\",\"date\":\"2026-11-03\",\"issue\":[\"sprindik\"]", 201);
    char *t = act_paper(e);
    assert_has(t, "3 November 2026", "the Sprindik's date");
    assert_has(t, "belum diketahui", "the Sprindik without a suspect");
    free(t);
    json_decref(e);
    e = act(id, demo.inv,
            "\"type\":\"spdp_sent\",\"date\":\"2026-11-05\",\"recipient\":\"kejari\","
            "\"issue\":[\"spdp\"]",
            201);
    t = act_paper(e);
    assert_has(t, "5 November 2026", "the SPDP's date");
    assert_has(t, "identitas tersangka belum diketahui", "the SPDP without a suspect");
    assert_lacks(t, "Tersangka ", "the SPDP's copies");
    free(t);
    json_decref(e);
}
END_TEST

/* ---- no stage locks a paper out --------------------------------------------------------- */

/* A foreign suspect's investigation stopped by SP3 and the foreigner then
 * deported by TAK (DOMAIN.md 4.15: "SP3 is often followed by TAK"; 4.16:
 * the case leaves the criminal track "while keeping the link").  The SP3
 * was an act of the criminal track: its paper (and the Laporan's) is still
 * issued after the TAK, dated by the SP3 (DOMAIN.md 12). */
START_TEST(test_the_sp3_paper_is_issued_after_the_file_went_to_tak)
{
    long long id = case_opened("2026-10-01", "supervision");
    long long party = suspect_added(id, "LE VAN CUONG", "C5554443");
    json_decref(act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-10-02\",\"issue\":[\"sprindik\"]",
                    201));
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-10-02\",\"party_id\":%lld", party);
    json_decref(act(id, demo.inv, m, 201));
    long long sp3 = api_id(
        act(id, demo.inv,
            "\"type\":\"sp3_issued\",\"date\":\"2026-10-20\",\"ground\":\"tidak_cukup_bukti\","
            "\"polri_involved\":true",
            201));
    json_decref(act(id, demo.inv, "\"type\":\"tak_decided\",\"date\":\"2026-10-22\"", 201));
    json_t *c = case_read(id);
    ck_assert_str_eq(json_string_value(json_object_get(c, "stage")), "administrative");
    json_decref(c);
    char path[96], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/sp3", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", sp3);
    json_t *d = call("POST", path, demo.inv, body, 201);
    ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2026-10-20");
    char *t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t, "20 Oktober 2026", "the SP3's date");
    assert_has(t, "LE VAN CUONG", "the SP3's suspect");
    free(t);
    json_decref(d);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", id);
    d = call("POST", path, demo.inv, "{}", 201);
    ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2026-10-01");
    json_decref(d);
}
END_TEST

/* ---- bad input changes nothing ------------------------------------------------------------ */

/* A party's name of blanks is no name; nobody is born, nothing is seized
 * and no paper is dated after today (the acts' own rule: no act in the
 * future).  Each is 400 problem+json naming the field, and the case is as
 * it was. */
START_TEST(test_impossible_parties_and_evidence_are_refused_and_change_nothing)
{
    long long id = case_opened("2026-11-10", "supervision");
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    static const struct {
        const char *body, *field;
    } parties[] = {
        {"{\"kind\":\"suspect\",\"name\":\"   \"}", "name"},
        {"{\"kind\":\"witness\",\"name\":\"\\t\\n \"}", "name"},
        {"{\"kind\":\"suspect\",\"name\":\"X\",\"birth_date\":\"2099-01-01\"}", "birth_date"},
    };
    for (size_t i = 0; i < sizeof parties / sizeof parties[0]; i++) {
        json_t *p = call("POST", path, demo.inv, parties[i].body, 400);
        ck_assert_str_eq(json_string_value(json_object_get(p, "field")), parties[i].field);
        json_decref(p);
    }
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"description\":\"Paspor\",\"seized_on\":\"2099-01-01\"}", 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "seized_on");
    json_decref(p);
    /* a correction cannot move a seizure into the future either */
    long long item = api_id(call("POST", path, demo.inv,
                                 "{\"description\":\"Paspor\",\"seized_on\":\"2026-11-10\"}", 201));
    char ipath[128];
    snprintf(ipath, sizeof ipath, "/api/v1/cases/%lld/evidence/%lld", id, item);
    p = call("PUT", ipath, demo.inv, "{\"seized_on\":\"2099-01-01\"}", 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "seized_on");
    json_decref(p);
    /* nor is a paper from outside dated in the future */
    json_t *c = case_read(id);
    json_t *h = json_array_get(json_object_get(c, "history"), 0);
    long long report = json_integer_value(json_object_get(h, "id"));
    json_decref(c);
    char url[256], auth[300];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    const char *get_h[] = {auth, NULL};
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/forms/laporan_kejadian.pdf",
             demo.port, id);
    struct http_result pdf;
    ck_assert(http_do("GET", url, NULL, 0, get_h, &pdf));
    ck_assert_int_eq(pdf.status, 200);
    const char *post_h[] = {auth, "Content-Type: application/pdf", NULL};
    snprintf(url, sizeof url,
             "http://127.0.0.1:%d/api/v1/cases/%lld/uploads?event=%lld&title=Salinan%%20laporan"
             "&dated=2099-01-01",
             demo.port, id, report);
    struct http_result up;
    ck_assert(http_do("POST", url, pdf.body, pdf.len, post_h, &up));
    ck_assert_msg(up.status == 400, "an upload dated 2099: %ld %.300s", up.status, up.body);
    ck_assert_ptr_nonnull(strstr(up.body, "\"dated\""));
    http_result_free(&up);
    http_result_free(&pdf);
    char cid[32];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.uploads WHERE case_id = $1::bigint", 1, q), 0);
    c = case_read(id);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "parties")), 0);
    json_t *ev = json_object_get(c, "evidence");
    ck_assert_uint_eq(json_array_size(ev), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(ev, 0), "seized_on")),
                     "2026-11-10");
    json_decref(c);
}
END_TEST

Suite *suite_play(void)
{
    Suite *s = suite_create("play");
    TCase *tc = tcase_create("play");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_the_spdp_names_only_the_suspects_known_on_its_date);
    tcase_add_test(tc, test_a_sprindik_and_spdp_are_issued_before_any_suspect_is_known);
    tcase_add_test(tc, test_the_sp3_paper_is_issued_after_the_file_went_to_tak);
    tcase_add_test(tc, test_impossible_parties_and_evidence_are_refused_and_change_nothing);
    suite_add_tcase(s, tc);
    return s;
}
