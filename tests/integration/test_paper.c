/*
 * test_paper.c - a prosecutor rejects a berkas whose papers are not the
 * acts' own: each paper carries its act's date and number and cites what
 * was in force on that date (DOMAIN.md 7, 12; Permenkumham 1/2023 Pasal
 * 48).  A real berkasd on the demo data over HTTP, the papers read back
 * with pdftotext.  The expectations are written from the law and from what
 * a reader of the file expects, before each step:
 *
 *   - a paper cites the Sprindik in force on its own date, not the case's
 *     last one (a file re-opened by a new Sprindik);
 *   - the Resume lists the acts in the order they happened, not the order
 *     they were entered;
 *   - the berkas perkara is dated the day it was sent to the Penuntut Umum,
 *     the same whatever day it is printed; before it is sent it is a draft
 *     (KONSEP) that names no day;
 *   - an act's number is given once: a scan uploaded after its paper was
 *     issued keeps the paper's number, a different one is refused (409
 *     problem+json, nothing stored), and a paper is not issued under a
 *     second number after the act's paper was uploaded with one;
 *   - a number given by upload is the act's number everywhere: the history,
 *     the papers that cite the act;
 *   - a paper cites the SPDP in force on its own date (a re-opened
 *     investigation has an SPDP of its own);
 *   - an act recorded without an hour keeps its place among the acts of
 *     its day (an interpreter's oath at 09.00, then the BAP).
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

static struct demo_server demo;

static void start(void)
{
    demo_server_start(&demo, "paper_suite");
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
static json_t *act(long long id, const char *members, long want)
{
    return api_act(demo.port, id, demo.inv, members, want);
}

static const char *str(json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    ck_assert_msg(s != NULL, "no %s", key);
    return s;
}

/* A Palembang case opened on `opened` with one Vietnamese suspect charged
 * under Pasal 122 (*party). */
static long long case_opened(const char *opened, const char *name, long long *party)
{
    char body[512], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"WNA bekerja tanpa "
             "izin\",\"kejari_id\":%lld}",
             opened, demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"VN\",\"passport_no\":"
             "\"C1122334\",\"sex\":\"L\",\"birth_date\":\"1990-02-01\",\"birth_place\":\"Hanoi\"}",
             name);
    *party = api_id(call("POST", path, demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", *party);
    json_decref(call("POST", path, demo.inv, body, 201));
    return id;
}

/* The first paper an act's reply carries (borrowed from e). */
static json_t *paper(json_t *e)
{
    json_t *d = json_array_get(json_object_get(e, "documents"), 0);
    ck_assert_msg(d != NULL, "the act carries no document");
    return d;
}

/* Issue form for act event; the document (201 asserted). */
static json_t *issue(long long id, const char *form, long long event)
{
    char path[128], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, "{\"event\":%lld}", event);
    return call("POST", path, demo.inv, body, 201);
}

static char *doc_text(json_t *d)
{
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

/* ---- 1. the Sprindik in force on the paper's date ------------------------------------- */

/* Sprindik A of 5 January 2026; the suspect arrested on 10 January; the
 * investigation stopped (SP3, 2 February) and re-opened by Sprindik B of 1
 * March 2026 (KUHAP 109(1)); a seizure on 5 March.  The arrest order, issued
 * only after B exists, is dated by its act and rests on A, the order in
 * force on 10 January; the seizure order rests on B.  Neither cites an
 * order that did not exist or no longer ruled on its date. */
START_TEST(test_each_paper_cites_the_sprindik_in_force_on_its_date)
{
    long long party, id = case_opened("2026-01-02", "PHAM VAN HUNG", &party);
    json_t *e = act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-01-05\",\"issue\":[\"sprindik\"]", 201);
    char a[161], b[161], m[512], cite[400];
    snprintf(a, sizeof a, "%s", str(paper(e), "number"));
    json_decref(e);
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-01-06\",\"party_id\":%lld", party);
    json_decref(act(id, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-01-10T09:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/3/I/2026/Ditreskrimum\"",
             party);
    long long arrest = api_id(act(id, m, 201));
    json_decref(act(id,
                    "\"type\":\"sp3_issued\",\"date\":\"2026-02-02\",\"ground\":"
                    "\"tidak_cukup_bukti\",\"polri_involved\":true",
                    201));
    e = act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-03-01\",\"issue\":[\"sprindik\"]",
            201);
    snprintf(b, sizeof b, "%s", str(paper(e), "number"));
    json_decref(e);
    ck_assert_str_ne(a, b);
    /* the arrest order, issued now for its act of 10 January */
    json_t *d = issue(id, "sp_penangkapan", arrest);
    ck_assert_str_eq(str(d, "issued_on"), "2026-01-10");
    char *t = doc_text(d);
    snprintf(cite, sizeof cite, "Surat Perintah Penyidikan Nomor %s tanggal 5 Januari 2026", a);
    assert_has(t, cite, "the arrest order of 10 January");
    assert_lacks(t, b, "the arrest order of 10 January (a Sprindik of March)");
    assert_lacks(t, "1 Maret 2026", "the arrest order of 10 January");
    free(t);
    json_decref(d);
    /* the seizure of 5 March, under the new order */
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Vietnam Nomor C1122334\",\"quantity\":\"1 (satu) buku\","
             "\"seized_from\":%lld,\"seized_on\":\"2026-03-05\",\"storage\":\"Rupbasan Kelas I "
             "Palembang\"}",
             party);
    json_decref(call("POST", path, demo.inv, m, 201));
    e = act(id,
            "\"type\":\"seizure_done\",\"date\":\"2026-03-05\",\"urgent_reason\":\"tertangkap "
            "tangan\"",
            201);
    /* its order lists what it took: the passport, linked to it */
    long long sita = json_integer_value(json_object_get(e, "id"));
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1);
    json_decref(e);
    e = issue(id, "sp_penyitaan", sita);
    t = doc_text(e);
    snprintf(cite, sizeof cite, "Surat Perintah Penyidikan Nomor %s tanggal 1 Maret 2026", b);
    assert_has(t, cite, "the seizure order of 5 March");
    assert_lacks(t, a, "the seizure order of 5 March (the Sprindik of January)");
    free(t);
    json_decref(e);
}
END_TEST

/* ---- 2. the Resume in the order of the acts -------------------------------------------- */

/* Where in text the first occurrence of needle after from is (asserted). */
static const char *after(const char *text, const char *from, const char *needle)
{
    const char *p = strstr(text, from);
    ck_assert_msg(p != NULL, "\"%s\" not in the text", from);
    p = strstr(p, needle);
    ck_assert_msg(p != NULL, "\"%s\" not after \"%s\" in: %.3000s", needle, from, text);
    return p;
}

/* The examination of 20 January is entered before the arrest of 12 January
 * (the paper of the arrest came back to the office later).  The Resume's
 * "tindakan yang telah dilakukan" tell the investigation as it happened
 * (KUHAP 75; DOMAIN.md 7.4 item 3): the Sprindik, the designation, the
 * arrest of 12 January, then the examination of 20 January. */
START_TEST(test_the_resume_lists_the_acts_in_the_order_they_happened)
{
    long long party, id = case_opened("2026-01-08", "DO THI LAN", &party);
    json_decref(act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-01-09\",\"issue\":[\"sprindik\"]", 201));
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-01-10\",\"party_id\":%lld", party);
    json_decref(act(id, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-01-20\",\"party_id\":%lld,\"bap\":"
             "\"tersangka\"",
             party);
    json_decref(act(id, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-01-12T08:15:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/9/I/2026/Ditreskrimum\"",
             party);
    json_decref(act(id, m, 201));
    long long res = api_id(act(id, "\"type\":\"resume_written\",\"date\":\"2026-01-25\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    json_t *d = issue(id, "resume", res);
    char *t = doc_text(d);
    const char *list = "TINDAKAN YANG TELAH DILAKUKAN";
    const char *sprindik = after(t, list, "tanggal 9 Januari 2026");
    const char *designated = after(t, list, "tanggal 10 Januari 2026");
    const char *arrest = after(t, list, "tanggal 12 Januari 2026");
    const char *exam = after(t, list, "tanggal 20 Januari 2026");
    ck_assert_msg(sprindik < designated && designated < arrest && arrest < exam,
                  "the acts out of their order: %.2000s", strstr(t, list));
    free(t);
    json_decref(d);
}
END_TEST

/* ---- 3. the berkas perkara's own date ----------------------------------------------------- */

/* "6 Desember 2026": today on the Palembang office's calendar (WIB). */
static void today_in_words(char *out, size_t n)
{
    static const char *const months[] = {"Januari",   "Februari", "Maret",    "April",
                                         "Mei",       "Juni",     "Juli",     "Agustus",
                                         "September", "Oktober",  "November", "Desember"};
    time_t now = time(NULL) + 7 * 3600;
    struct tm tm;
    gmtime_r(&now, &tm);
    snprintf(out, n, "%d %s %d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900);
}

/* The papers a berkas needs, each issued for its act (DOMAIN.md 7.4; the
 * guards of Tahap I): a case whose every act is dated in February 2026. */
static long long complete_file(long long *party)
{
    long long id = case_opened("2026-02-02", "VU MINH TUAN", party);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", id);
    json_decref(call("POST", path, demo.inv, "{}", 201));
    json_decref(act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-02-03\",\"issue\":[\"sprindik\"]", 201));
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-02-03\",\"party_id\":%lld", *party);
    json_decref(act(id, m, 201));
    json_decref(act(id,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-02-04\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-02-05\",\"party_id\":%lld,\"bap\":"
             "\"tersangka\"",
             *party);
    long long bap = api_id(act(id, m, 201));
    fill_bap(demo.port, demo.inv, id, bap);
    json_decref(issue(id, "bap_tersangka", bap));
    long long res = api_id(act(id, "\"type\":\"resume_written\",\"date\":\"2026-02-09\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    json_decref(issue(id, "resume", res));
    return id;
}

/* The cover (sampul: letterhead, PRO JUSTITIA, number, suspects, articles,
 * PPNS, date; DOMAIN.md 7.4 item 1) and the lists are dated by the file,
 * never by the day it is printed (DOMAIN.md 12).  All papers out but not
 * yet sent: a draft (KONSEP) with no day.  Sent on 10 February 2026
 * (Tahap I): dated 10 Februari 2026, today's date nowhere. */
/* Whether every mention of day (in words) in t is a paper's mark of its late issue (DOMAIN 12:
 * "Diterbitkan terlambat pada tanggal ..." - the day it was issued, beside its verification),
 * never a date the file takes from the printing day. */
static void assert_only_late_marks(const char *t, const char *day, const char *what)
{
    char mark[96];
    snprintf(mark, sizeof mark, "Diterbitkan terlambat pada tanggal %s", day);
    int days = 0, marks = 0;
    for (const char *p = t; (p = strstr(p, day)) != NULL; p++)
        days++;
    for (const char *p = t; (p = strstr(p, mark)) != NULL; p++)
        marks++;
    ck_assert_msg(days == marks, "%s: \"%s\" %d times, %d of them late marks: %.3000s", what, day,
                  days, marks, t);
}

START_TEST(test_the_dossier_is_dated_by_its_sending_not_by_the_printing_day)
{
    char today[40], route[96];
    today_in_words(today, sizeof today);
    long long party, id = complete_file(&party);
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "BERKAS PERKARA", "the draft's cover");
    assert_has(t, "KONSEP", "the draft's cover");
    assert_only_late_marks(t, today, "the draft berkas (the printing day)");
    free(t);
    json_t *e =
        act(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-02-10\",\"issue\":[\"pengantar_tahap1\"]",
            201);
    json_decref(e);
    t = fill_pdf_text(demo.port, demo.inv, route);
    assert_lacks(t, "KONSEP", "the berkas sent");
    assert_only_late_marks(t, today, "the berkas sent (the printing day)");
    /* the cover's date line and the lists' signature */
    assert_has(t, "Palembang, 10 Februari 2026", "the berkas sent on 10 February");
    const char *lists = strstr(t, "DAFTAR SAKSI");
    ck_assert_msg(lists != NULL, "no lists in the berkas");
    assert_has(lists, "Palembang, 10 Februari 2026", "the lists of the berkas sent");
    /* printed again: the same text */
    char *again = fill_pdf_text(demo.port, demo.inv, route);
    ck_assert_str_eq(again, t);
    free(again);
    free(t);
}
END_TEST

/* ---- 4. one number ------------------------------------------------------------------------ */

/* POST pdf to route (a PDF body) as the investigator: the status; the reply's
 * JSON in *out when out is not NULL. */
static long upload(const char *route, const struct http_result *pdf, json_t **out)
{
    char url[400], auth[300];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, route);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    const char *h[] = {auth, "Content-Type: application/pdf", NULL};
    struct http_result r;
    ck_assert(http_do("POST", url, pdf->body, pdf->len, h, &r));
    if (r.status >= 400)
        ck_assert_msg(strstr(r.content_type, "application/problem+json") != NULL,
                      "a refusal is problem+json, not %s", r.content_type);
    if (out)
        *out = json_loads(r.body, 0, NULL);
    long st = r.status;
    http_result_free(&r);
    return st;
}

static int uploads_of(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.uploads WHERE case_id = $1::bigint", 1, q);
}

/* A Sprindik's paper issued by berkas under number N, then its signed scan
 * uploaded to the act: the scan is the paper, its number is N (given none,
 * it takes N; given N, accepted; given another, 409 problem+json and nothing
 * stored).  An SPDP recorded without a number whose signed letter is
 * uploaded under B/77/LUAR: its paper is not issued again under a second
 * number (409), and nothing is issued. */
START_TEST(test_an_acts_number_is_given_once)
{
    long long party, id = case_opened("2026-04-01", "NGO VAN BINH", &party);
    json_t *e = act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-04-02\",\"issue\":[\"sprindik\"]", 201);
    long long sprindik = json_integer_value(json_object_get(e, "id"));
    char n[161];
    snprintf(n, sizeof n, "%s", str(paper(e), "number"));
    json_decref(e);
    /* a real PDF: the draft of the case's Laporan */
    char url[300], auth[300], route[400];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/forms/laporan_kejadian.pdf",
             demo.port, id);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    const char *h[] = {auth, NULL};
    struct http_result pdf;
    ck_assert(http_do("GET", url, NULL, 0, h, &pdf));
    ck_assert_int_eq(pdf.status, 200);
    /* another number: refused, nothing stored */
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/uploads?event=%lld&title=Sprindik%%20bertanda%%20tangan&number="
             "SP.Sidik/99/LAIN",
             id, sprindik);
    ck_assert_int_eq(upload(route, &pdf, NULL), 409);
    ck_assert_int_eq(uploads_of(id), 0);
    /* no number: the paper's */
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/uploads?event=%lld&title=Sprindik%%20bertanda%%20tangan", id,
             sprindik);
    json_t *u = NULL;
    ck_assert_int_eq(upload(route, &pdf, &u), 201);
    ck_assert_str_eq(str(u, "number"), n);
    json_decref(u);
    ck_assert_int_eq(uploads_of(id), 1);
    /* an SPDP of no number, its signed letter uploaded under one */
    snprintf(route, sizeof route, "/api/v1/cases/%lld/events", id);
    long long spdp = api_id(
        act(id, "\"type\":\"spdp_sent\",\"date\":\"2026-04-03\",\"recipient\":\"kejari\"", 201));
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/uploads?event=%lld&title=SPDP%%20bertanda%%20tangan&number=B/"
             "77/LUAR",
             id, spdp);
    ck_assert_int_eq(upload(route, &pdf, NULL), 201);
    http_result_free(&pdf);
    char path[96], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/spdp", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", spdp);
    json_t *j = call("POST", path, demo.inv, body, 409);
    assert_has(str(j, "detail"), "B/77/LUAR", "the refusal names the act's number");
    json_decref(j);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.documents WHERE case_id = $1::bigint "
                               "AND form = 'spdp'",
                               1, q),
                     0);
}
END_TEST

/* ---- 5. the SPDP's letter to Korwas PPNS ------------------------------------------------ */

/* An SPDP recorded with no recipient is the SPDP to the Penuntut Umum
 * (KUHAP 109(1): it goes to the PU; Permenkumham 39/2021 Pasal 27(2): and
 * is coordinated with Korwas PPNS).  Its covering letter to Korwas is
 * issued for the same act and cites it by its number and date, as sent to
 * the case's Kejari. */
START_TEST(test_an_spdp_of_no_recipient_gets_its_korwas_letter)
{
    long long party, id = case_opened("2026-05-04", "LY VAN DUC", &party);
    json_decref(act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-05-05\",\"issue\":[\"sprindik\"]", 201));
    json_t *e = act(id,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-05-06\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201);
    char cite[400];
    snprintf(cite, sizeof cite,
             "Surat Pemberitahuan Dimulainya Penyidikan Nomor %s tanggal 6 Mei 2026",
             str(paper(e), "number"));
    json_t *d = issue(id, "pengantar_spdp_korwas", json_integer_value(json_object_get(e, "id")));
    ck_assert_str_eq(str(d, "issued_on"), "2026-05-06");
    char *t = doc_text(d);
    assert_has(t, cite, "the Korwas letter");
    assert_has(t, "Kejaksaan Negeri Palembang", "the Korwas letter names the Kejari");
    free(t);
    json_decref(d);
    json_decref(e);
    /* the copy to the embassy (Pasal 27(6)) is no letter to Korwas: refused, nothing issued (found
     * in acceptance: issued for it, it told Korwas of a letter sent elsewhere) */
    e = act(id, "\"type\":\"spdp_sent\",\"date\":\"2026-05-07\",\"recipient\":\"embassy\"", 201);
    char path[128], body[64], cid[24];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/pengantar_spdp_korwas", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", json_integer_value(json_object_get(e, "id")));
    json_decref(e);
    d = call("POST", path, demo.inv, body, 409);
    ck_assert_ptr_nonnull(strstr(str(d, "detail"), "Korwas"));
    json_decref(d);
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.documents WHERE case_id = $1::bigint "
                               "AND form = 'pengantar_spdp_korwas'",
                               1, q),
                     1);
    /* the copy to Korwas takes its own */
    e = act(id, "\"type\":\"spdp_sent\",\"date\":\"2026-05-07\",\"recipient\":\"korwas\"", 201);
    json_decref(issue(id, "pengantar_spdp_korwas", json_integer_value(json_object_get(e, "id"))));
    json_decref(e);
}
END_TEST

/* One cover letter to Korwas per copy (reviewer's finding 19): once the copy to Korwas is
 * recorded, the letter goes with it, not with the SPDP to the PU - two would tell Korwas twice
 * under two numbers; refused 409 naming the copy's act, nothing issued. */
START_TEST(test_the_korwas_letter_goes_with_the_korwas_copy_once_recorded)
{
    long long party, id = case_opened("2026-05-04", "LY VAN DUC", &party);
    json_decref(act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-05-05\",\"issue\":[\"sprindik\"]", 201));
    json_t *pu = act(id,
                     "\"type\":\"spdp_sent\",\"date\":\"2026-05-06\",\"recipient\":\"kejari\","
                     "\"issue\":[\"spdp\"]",
                     201);
    json_t *kw =
        act(id, "\"type\":\"spdp_sent\",\"date\":\"2026-05-06\",\"recipient\":\"korwas\"", 201);
    char path[128], body[64], want[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/pengantar_spdp_korwas", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", json_integer_value(json_object_get(pu, "id")));
    json_t *d = call("POST", path, demo.inv, body, 409);
    snprintf(want, sizeof want, "peristiwa %lld", json_integer_value(json_object_get(kw, "id")));
    ck_assert_ptr_nonnull(strstr(str(d, "detail"), want));
    json_decref(d);
    json_decref(issue(id, "pengantar_spdp_korwas", json_integer_value(json_object_get(kw, "id"))));
    json_decref(pu);
    json_decref(kw);
}
END_TEST

/* ---- 6. a number given by upload ------------------------------------------------------ */

/* The GET /api/v1/cases/{id} history's number of act event (asserted found). */
static char *history_number(long long id, long long event)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *h = json_object_get(c, "history"), *v;
    size_t i;
    char *n = NULL;
    json_array_foreach(h, i, v)
    {
        const char *num = json_string_value(json_object_get(v, "number"));
        if (json_integer_value(json_object_get(v, "id")) == event)
            n = strdup(num ? num : "");
    }
    json_decref(c);
    ck_assert_msg(n != NULL, "act %lld not in the history", event);
    return n;
}

/* The Sprindik of 2 June 2026 was signed on paper outside berkas under
 * SP.Sidik/12/VI/2026/LUAR and its scan uploaded with that number; the
 * suspect's BAP of 4 June likewise under BAP/5/VI/2026/LUAR.  That is each
 * act's number, as if berkas had issued it (DOMAIN.md 7; one number, 30fbde2):
 * the history names it, the SPDP of 5 June rests on "Surat Perintah
 * Penyidikan Nomor SP.Sidik/12/VI/2026/LUAR tanggal 2 Juni 2026", and the
 * Resume's acts name both numbers. */
START_TEST(test_a_number_given_by_upload_is_the_acts_number)
{
    long long party, id = case_opened("2026-06-01", "TRAN VAN KHOA", &party);
    long long sprindik =
        api_id(act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\"", 201));
    char m[512], route[400], url[300], auth[300];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-02\",\"party_id\":%lld", party);
    json_decref(act(id, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-06-04\",\"party_id\":%lld,\"bap\":"
             "\"tersangka\"",
             party);
    long long bap = api_id(act(id, m, 201));
    /* the signed papers: a real PDF */
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/forms/laporan_kejadian.pdf",
             demo.port, id);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    const char *h[] = {auth, NULL};
    struct http_result pdf;
    ck_assert(http_do("GET", url, NULL, 0, h, &pdf));
    ck_assert_int_eq(pdf.status, 200);
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/uploads?event=%lld&title=Sprindik&number=SP.Sidik/12/VI/2026/"
             "LUAR",
             id, sprindik);
    ck_assert_int_eq(upload(route, &pdf, NULL), 201);
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/uploads?event=%lld&title=BAP%%20Tersangka&number=BAP/5/VI/2026/"
             "LUAR",
             id, bap);
    ck_assert_int_eq(upload(route, &pdf, NULL), 201);
    /* a second scan of the Sprindik under another number: refused, nothing stored */
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/uploads?event=%lld&title=Sprindik&number=SP.Sidik/13/LAIN", id,
             sprindik);
    ck_assert_int_eq(upload(route, &pdf, NULL), 409);
    ck_assert_int_eq(uploads_of(id), 2);
    http_result_free(&pdf);
    /* the history */
    char *n = history_number(id, sprindik);
    ck_assert_str_eq(n, "SP.Sidik/12/VI/2026/LUAR");
    free(n);
    n = history_number(id, bap);
    ck_assert_str_eq(n, "BAP/5/VI/2026/LUAR");
    free(n);
    /* the SPDP rests on the Sprindik by its number */
    json_t *e = act(id,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-06-05\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201);
    char *t = doc_text(paper(e));
    assert_has(t, "Surat Perintah Penyidikan Nomor SP.Sidik/12/VI/2026/LUAR tanggal 2 Juni 2026",
               "the SPDP of 5 June");
    free(t);
    json_decref(e);
    /* the Resume's acts */
    long long res = api_id(act(id, "\"type\":\"resume_written\",\"date\":\"2026-06-08\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    json_t *d = issue(id, "resume", res);
    t = doc_text(d);
    const char *list = "TINDAKAN YANG TELAH DILAKUKAN";
    after(t, list, "Nomor SP.Sidik/12/VI/2026/LUAR");
    after(t, list, "Nomor BAP/5/VI/2026/LUAR");
    free(t);
    json_decref(d);
}
END_TEST

/* ---- 7. the SPDP in force on the paper's date ------------------------------------------ */

/* The text of t from `from` up to `to` (both asserted); caller frees. */
static char *between(const char *t, const char *from, const char *to)
{
    const char *a = strstr(t, from);
    ck_assert_msg(a != NULL, "\"%s\" not in: %.3000s", from, t);
    const char *b = strstr(a, to);
    ck_assert_msg(b != NULL, "\"%s\" not after \"%s\"", to, from);
    return strndup(a, (size_t)(b - a));
}

/* SPDP 1 of 7 January 2026 under Sprindik A; the investigation stopped on 2
 * February (SP3) and re-opened by Sprindik B of 1 March, told to the
 * Penuntut Umum by SPDP 2 of 2 March (KUHAP 109(1): an investigation begun
 * is told by its own SPDP).  The SP3 of 2 February, issued only after the
 * re-opening, stops the investigation SPDP 1 told of and cites it; the
 * Resume of 10 March rests on SPDP 2 (its basis, I. DASAR, names no other). */
START_TEST(test_each_paper_cites_the_spdp_in_force_on_its_date)
{
    long long party, id = case_opened("2026-01-02", "HOANG VAN NAM", &party);
    json_decref(act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-01-05\",\"issue\":[\"sprindik\"]", 201));
    char m[512], s1[161], s2[161], cite[400];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-01-06\",\"party_id\":%lld", party);
    json_decref(act(id, m, 201));
    json_t *e = act(id,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-01-07\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201);
    snprintf(s1, sizeof s1, "%s", str(paper(e), "number"));
    json_decref(e);
    long long sp3 = api_id(act(id,
                               "\"type\":\"sp3_issued\",\"date\":\"2026-02-02\",\"ground\":"
                               "\"tidak_cukup_bukti\",\"polri_involved\":true",
                               201));
    json_decref(act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-03-01\",\"issue\":[\"sprindik\"]", 201));
    e = act(id,
            "\"type\":\"spdp_sent\",\"date\":\"2026-03-02\",\"recipient\":\"kejari\","
            "\"issue\":[\"spdp\"]",
            201);
    snprintf(s2, sizeof s2, "%s", str(paper(e), "number"));
    json_decref(e);
    ck_assert_str_ne(s1, s2);
    /* the SP3 of 2 February */
    json_t *d = issue(id, "sp3", sp3);
    ck_assert_str_eq(str(d, "issued_on"), "2026-02-02");
    char *t = doc_text(d);
    snprintf(cite, sizeof cite,
             "Surat Pemberitahuan Dimulainya Penyidikan Nomor %s tanggal 7 Januari 2026", s1);
    assert_has(t, cite, "the SP3 of 2 February");
    assert_lacks(t, s2, "the SP3 of 2 February (the SPDP of March)");
    free(t);
    json_decref(d);
    /* the Resume of 10 March */
    long long res = api_id(act(id, "\"type\":\"resume_written\",\"date\":\"2026-03-10\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    d = issue(id, "resume", res);
    t = doc_text(d);
    char *basis = between(t, "I. DASAR", "II. URAIAN SINGKAT");
    snprintf(cite, sizeof cite,
             "Surat Pemberitahuan Dimulainya Penyidikan Nomor %s tanggal 2 Maret 2026", s2);
    assert_has(basis, cite, "the Resume of 10 March");
    assert_lacks(basis, s1, "the Resume of 10 March (the SPDP of January)");
    free(basis);
    free(t);
    json_decref(d);
}
END_TEST

/* ---- 8. acts of one day, some without an hour ----------------------------------------- */

/* A suspect who speaks only Vietnamese: on 9 July 2026 his interpreter is
 * sworn at 09.00 and then his BAP is recorded, without an hour, through her
 * (KUHAP 53, 177: an interpreter is sworn before he translates).  The
 * Resume tells the day as it went: the oath, then the examination - not the
 * examination first because it was recorded without an hour. */
START_TEST(test_an_act_of_no_hour_keeps_its_place_among_the_acts_of_its_day)
{
    char body[512], path[96], m[512];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-07-06\",\"summary\":\"WNA bekerja "
             "tanpa izin\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    long long party =
        api_id(call("POST", path, demo.inv,
                    "{\"kind\":\"suspect\",\"name\":\"VO VAN LONG\",\"nationality\":"
                    "\"VN\",\"passport_no\":\"C5566778\",\"sex\":\"L\",\"birth_date\":"
                    "\"1992-03-04\",\"birth_place\":\"Hue\",\"language\":\"Vietnam\","
                    "\"interpreter\":\"Tran Thi Mai\"}",
                    201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", party);
    json_decref(call("POST", path, demo.inv, body, 201));
    json_decref(act(
        id, "\"type\":\"sprindik_issued\",\"date\":\"2026-07-07\",\"issue\":[\"sprindik\"]", 201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-07-07\",\"party_id\":%lld", party);
    json_decref(act(id, m, 201));
    snprintf(
        m, sizeof m,
        "\"type\":\"interpreter_sworn\",\"at\":\"2026-07-09T09:00:00+07:00\",\"party_id\":%lld",
        party);
    json_decref(act(id, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-07-09\",\"party_id\":%lld,\"bap\":"
             "\"tersangka\"",
             party);
    json_decref(act(id, m, 201));
    long long res = api_id(act(id, "\"type\":\"resume_written\",\"date\":\"2026-07-15\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    json_t *d = issue(id, "resume", res);
    char *t = doc_text(d);
    const char *list = "TINDAKAN YANG TELAH DILAKUKAN";
    const char *oath = after(t, list, "Penerjemah disumpah");
    const char *exam = after(t, list, "Berita Acara Pemeriksaan dibuat (tersangka)");
    ck_assert_msg(oath < exam, "the examination before the interpreter's oath: %.2000s",
                  strstr(t, list));
    free(t);
    json_decref(d);
}
END_TEST

/* ---- 9. the demo's file with an interpreter -------------------------------------------- */

/* The demo's Palembang file with the prosecutor: its Vietnamese suspect was
 * examined through Trần Thị Mai, sworn first (KUHAP 53, 177).  The berkas
 * carries the record of her oath (DOMAIN.md 7.4 item 7: the oath records),
 * dated and numbered by its act, and the Resume tells the oath before the
 * examination. */
START_TEST(test_the_demo_file_carries_its_interpreters_oath)
{
    char *c = sql_value(demo.db,
                        "SELECT p.case_id FROM app.parties p WHERE p.interpreter = "
                        "'Trần Thị Mai'",
                        0, NULL);
    ck_assert_msg(c != NULL, "no demo file with an interpreter");
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%s/dossier.pdf", c);
    free(c);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    const char *ba = after(t, "DAFTAR ISI", "BERITA ACARA SUMPAH PENERJEMAH");
    assert_has(ba, "Nama : Trần Thị Mai", "the record of the oath");
    assert_has(ba, "Bahasa : Vietnam", "the record of the oath");
    const char *list = "TINDAKAN YANG TELAH DILAKUKAN";
    const char *oath = after(t, list, "Penerjemah disumpah");
    const char *exam = after(t, list, "Berita Acara Pemeriksaan dibuat (tersangka)");
    ck_assert_msg(oath < exam, "the examination before the oath: %.2000s", strstr(t, list));
    free(t);
}
END_TEST

/* ---- the demo's papers as a prosecutor reads them --------------------------------------- */

/* A demo case's id: the case of the suspect named name. */
static char *demo_case(const char *name)
{
    const char *const params[] = {name};
    char *c = sql_value(demo.db, "SELECT case_id FROM app.parties WHERE name = $1", 1, params);
    ck_assert_msg(c != NULL, "no demo case of %s", name);
    return c;
}

/* The id of the paper of form issued for case c (the latest). */
static long long demo_doc(const char *c, const char *form)
{
    const char *const params[] = {c, form};
    char *d = sql_value(demo.db,
                        "SELECT max(id) FROM app.documents WHERE case_id = $1::bigint AND "
                        "form = $2",
                        2, params);
    ck_assert_msg(d != NULL && *d, "case %s has no %s", c, form);
    long long id = strtoll(d, NULL, 10);
    free(d);
    return id;
}

/* "Nomor X tanggal 1 November 2026" of the latest paper of form in case c: the demo's papers
 * are dated days before the day it was seeded (demo_cases.c), so a test reads them, never
 * writes them down (a date written down holds one day only). */
static void demo_cite(const char *c, const char *form, char *out, size_t size)
{
    static const char *const months[] = {"Januari",   "Februari", "Maret",    "April",
                                         "Mei",       "Juni",     "Juli",     "Agustus",
                                         "September", "Oktober",  "November", "Desember"};
    char id[24];
    snprintf(id, sizeof id, "%lld", demo_doc(c, form));
    const char *const p[] = {id};
    char *number =
        sql_value(demo.db, "SELECT number FROM app.documents WHERE id = $1::bigint", 1, p);
    char *on = sql_value(demo.db,
                         "SELECT to_char(issued_on, 'YYYY-MM-DD') FROM app.documents WHERE id = "
                         "$1::bigint",
                         1, p);
    ck_assert(number && on && strlen(on) == 10);
    int y = atoi(on), m = atoi(on + 5), d = atoi(on + 8);
    ck_assert(m >= 1 && m <= 12);
    snprintf(out, size, "Nomor %s tanggal %d %s %d", number, d, months[m - 1], y);
    free(number);
    free(on);
}

/* A PDF at route as pdftotext -layout reads it: lines and page breaks kept. */
__attribute__((noinline)) static char *layout_text(const char *token, const char *route)
{
    char *dir = harness_mkdtemp("paper-layout");
    char path[512], url[300], auth[300];
    snprintf(path, sizeof path, "%s/d.pdf", dir);
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, route);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    const char *h[] = {auth, NULL};
    struct http_result r;
    ck_assert(http_do("GET", url, NULL, 0, h, &r));
    ck_assert_msg(r.status == 200, "GET %s: %ld", url, r.status);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(r.body, 1, r.len, f), r.len);
    fclose(f);
    http_result_free(&r);
    char *argv[] = {"/usr/bin/pdftotext", "-q", "-layout", path, "-", NULL};
    char *out = NULL;
    ck_assert_int_eq(run_capture(argv, 30000, &out), 0);
    free(dir);
    ck_assert_ptr_nonnull(out);
    return out;
}

/* A Laporan states what it reports (KUHAP 102-108; DOMAIN.md 4.1): when and
 * where the event happened, the offence suspected and what the reporting
 * officer did; none of it is left dotted for the hand.  Every Laporan of
 * the Palembang demo files, each naming its suspect and, for the files
 * charged under Pasal 122, its letter. */
START_TEST(test_the_demo_reports_state_their_facts)
{
    const char *const suspects[] = {"Nguyễn Văn Thành", "Zoë Müller", "Łukasz Kowalski"};
    for (size_t i = 0; i < 3; i++) {
        char *c = demo_case(suspects[i]);
        char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "laporan_kejadian"));
        const char *rows = after(t, "LAPORAN KEIMIGRASIAN", "1. Waktu kejadian");
        const char *end = after(rows, "1. Waktu kejadian", "Demikian laporan");
        char seg[4096];
        snprintf(seg, sizeof seg, "%.*s", (int)(end - rows), rows);
        assert_lacks(seg, "......", "the Laporan's facts");
        assert_has(seg, suspects[i], "the person reported");
        assert_has(seg, "Undang-Undang Nomor 6 Tahun 2011", "the offence suspected");
        if (i < 2)
            assert_has(seg, "Pasal 122 huruf a Undang-Undang", "the offence suspected");
        assert_has(t, "pukul ", "the hour the report was made");
        free(t);
        free(c);
    }
}
END_TEST

/* An order and a record of detention state where the suspect is held
 * (KUHAP 21(2), 22(1)): the Batulicin demo file's, not a dotted line. */
START_TEST(test_the_demo_detention_names_its_place)
{
    char *c = demo_case("Ahmad Karimi");
    const char *blc = demo_server_login(&demo, "199205052016031002");
    const char *const forms[] = {"sp_penahanan", "ba_penahanan"};
    for (size_t i = 0; i < 2; i++) {
        char *t = fill_document_text(demo.port, blc, demo_doc(c, forms[i]));
        const char *at = after(t, "Penahanan Rumah Tahanan Negara", " di ");
        assert_has(at, " di Rumah Tahanan Negara Kelas IIB Batulicin, selama", forms[i]);
        free(t);
    }
    free(c);
}
END_TEST

/* A Berita Acara of an arrest states where it was made (KUHAP 75; the
 * Batulicin demo file's, at the port), and the arrest and the detention of
 * the Afghan suspect are told to his family (KUHAP 18(3), 21(3)) and his
 * consulate through Kemlu (VCCR 1963 Art. 36(1)(b)), each paper issued with
 * its act and dated by it; the family is told where he is held. */
START_TEST(test_the_demo_arrest_names_its_place_and_is_told)
{
    char *c = demo_case("Ahmad Karimi");
    const char *blc = demo_server_login(&demo, "199205052016031002");
    char *t = fill_document_text(demo.port, blc, demo_doc(c, "ba_penangkapan"));
    assert_has(t, "Penangkapan dilakukan di Pelabuhan Samudera Batulicin", "BA Penangkapan");
    assert_lacks(t, "......", "BA Penangkapan");
    free(t);
    t = fill_document_text(demo.port, blc, demo_doc(c, "pemberitahuan_penahanan"));
    assert_has(t, "dan ditahan di Rumah Tahanan Negara Kelas IIB Batulicin.",
               "the family told where he is held (KUHAP 21(3))");
    free(t);
    const char *const notices[][2] = {{"pemberitahuan_penangkapan", "arrested"},
                                      {"notifikasi_konsuler", "arrested"},
                                      {"pemberitahuan_penahanan", "detained"}};
    for (size_t i = 0; i < 3; i++) {
        const char *const params[] = {c, notices[i][0], notices[i][1]};
        char *same = sql_value(demo.db,
                               "SELECT count(*) FROM app.documents d JOIN app.events e ON e.id = "
                               "d.event_id WHERE d.case_id = $1::bigint AND d.form = $2 AND "
                               "e.type = $3 AND d.issued_on = e.legal_date",
                               3, params);
        ck_assert_msg(same && strcmp(same, "1") == 0, "%s of its act: %s", notices[i][0],
                      same ? same : "(none)");
        free(same);
    }
    free(c);
}
END_TEST

/* Tahap II hands the suspect and evidence to the Penuntut Umum (KUHAP 8(3)
 * huruf b): its record names who received them - the jaksa who signed the
 * P-21 (Palembang's demo file: Fitri Handayani, Jaksa Madya, IV/a) - in
 * the parties and over her signature, not dotted lines. */
START_TEST(test_the_tahap2_record_names_the_receiving_prosecutor)
{
    char *c = demo_case("Łukasz Kowalski");
    char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "ba_tahap2"));
    const char *second = after(t, "selanjutnya disebut PIHAK PERTAMA", "Nama :");
    assert_has(second,
               "Nama : Fitri Handayani Pangkat/Golongan : Jaksa Madya (IV/a) NIP : "
               "19811010 200604 2 002 Jabatan : Penuntut Umum",
               "PIHAK KEDUA");
    const char *sig = after(t, "Yang menerima,", "Penuntut Umum");
    assert_has(sig, "Fitri Handayani", "the receiving signature");
    assert_has(sig, "NIP 19811010 200604 2 002", "the receiving signature");
    assert_lacks(t, "......", "BA Tahap II");
    assert_has(t, "pukul ", "the hour of the hand-over");
    free(t);
    free(c);
}
END_TEST

/* The Penuntut Umum who receives at Tahap II is the jaksa the Kejari
 * appointed to the case by its P-16 (DOMAIN.md 6: P-16, the jaksa peneliti
 * who follows the investigation), not whoever at the Kejari recorded the
 * P-21.  A second jaksa of Palembang (Bayu Nugroho, Jaksa Pratama, III/c)
 * is named by the P-16, Fitri Handayani records the P-21: the BA Tahap II
 * names Bayu, with his rank and NIP, as PIHAK KEDUA and over the receiving
 * signature, and Fitri nowhere. */
START_TEST(test_the_tahap2_record_names_the_jaksa_of_the_p16)
{
    const char *admin = demo_server_login(&demo, NIP_ADMIN_KEJAGUNG);
    char body[512];
    snprintf(body, sizeof body,
             "{\"nip\":\"199303032018011005\",\"name\":\"Bayu Nugroho\",\"pangkat\":\"Jaksa "
             "Pratama\",\"golongan\":\"III/c\",\"position\":\"Jaksa Fungsional\",\"office_id\":"
             "%lld,\"role\":\"prosecutor\",\"password\":\"Kejari-Palembang-2026!\"}",
             demo.kejari_plg);
    json_decref(call("POST", "/api/v1/users", admin, body, 201));
    long long party, id = complete_file(&party);
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"spdp_received_by_pu\",\"date\":\"2026-02-05\"", 201));
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"p16_received\",\"date\":\"2026-02-06\",\"jaksa\":"
                        "\"19930303 201801 1 005\"",
                        201));
    json_decref(
        act(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-02-10\",\"issue\":[\"pengantar_tahap1\"]",
            201));
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-02-11\"", 201));
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"p21_received\",\"date\":\"2026-02-13\",\"issue\":[\"p21\"]",
                        201));
    long long t2 = api_id(act(id, "\"type\":\"tahap2_done\",\"date\":\"2026-02-16\"", 201));
    json_t *d = issue(id, "ba_tahap2", t2);
    char *t = doc_text(d);
    json_decref(d);
    const char *second = after(t, "selanjutnya disebut PIHAK PERTAMA", "Nama :");
    assert_has(second,
               "Nama : Bayu Nugroho Pangkat/Golongan : Jaksa Pratama (III/c) NIP : "
               "19930303 201801 1 005 Jabatan : Penuntut Umum",
               "PIHAK KEDUA, the jaksa of the P-16");
    const char *sig = after(t, "Yang menerima,", "Penuntut Umum");
    assert_has(sig, "Bayu Nugroho", "the receiving signature");
    assert_has(sig, "NIP 19930303 201801 1 005", "the receiving signature");
    assert_lacks(t, "Fitri Handayani", "BA Tahap II (the P-21's recorder)");
    free(t);
}
END_TEST

/* play3 #14: the investigator prepares the BA Tahap II he takes to the Kejari before the hand-over
 * (its draft, the file complete after the P-21); the P-16 names the jaksa peneliti who receives
 * (KUHAP 8(3) huruf b; DOMAIN 6: Rina Kartika, Jaksa Muda, III/d, a berkas user) - the draft names
 * her, her rank and NIP as PIHAK KEDUA and over the receiving signature, not dotted lines he fills
 * by typing params (failed before: dotted lines).  Params given still override: another name and
 * NIP typed print as typed, and not hers.  A prosecutor does not draft the investigator's paper
 * (403). */
START_TEST(test_the_tahap2_draft_names_the_jaksa_of_the_p16)
{
    const char *admin = demo_server_login(&demo, NIP_ADMIN_KEJAGUNG);
    char body[512];
    snprintf(body, sizeof body,
             "{\"nip\":\"199404042019012006\",\"name\":\"Rina Kartika\",\"pangkat\":\"Jaksa "
             "Muda\",\"golongan\":\"III/d\",\"position\":\"Jaksa Fungsional\",\"office_id\":"
             "%lld,\"role\":\"prosecutor\",\"password\":\"Kejari-Palembang-2026!\"}",
             demo.kejari_plg);
    json_decref(call("POST", "/api/v1/users", admin, body, 201));
    long long party, id = complete_file(&party);
    (void)party;
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"spdp_received_by_pu\",\"date\":\"2026-02-05\"", 201));
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"p16_received\",\"date\":\"2026-02-06\",\"jaksa\":"
                        "\"19940404 201901 2 006\"",
                        201));
    json_decref(
        act(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-02-10\",\"issue\":[\"pengantar_tahap1\"]",
            201));
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-02-11\"", 201));
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"p21_received\",\"date\":\"2026-02-13\",\"issue\":[\"p21\"]",
                        201));
    char route[160];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/ba_tahap2.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    const char *second = after(t, "selanjutnya disebut PIHAK PERTAMA", "Nama :");
    assert_has(second,
               "Nama : Rina Kartika Pangkat/Golongan : Jaksa Muda (III/d) NIP : "
               "19940404 201901 2 006 Jabatan : Penuntut Umum",
               "the draft's PIHAK KEDUA, the jaksa of the P-16");
    const char *sig = after(t, "Yang menerima,", "Penuntut Umum");
    assert_has(sig, "Rina Kartika", "the draft's receiving signature");
    assert_has(sig, "NIP 19940404 201901 2 006", "the draft's receiving signature");
    free(t);
    /* what the investigator types still stands */
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/forms/ba_tahap2.pdf?prosecutor=Andi%%20Saputra&prosecutor-nip="
             "198505052010011003",
             id);
    t = fill_pdf_text(demo.port, demo.inv, route);
    second = after(t, "selanjutnya disebut PIHAK PERTAMA", "Nama :");
    assert_has(second, "Nama : Andi Saputra", "the typed prosecutor");
    assert_has(second, "NIP : 19850505 201001 1 003", "the typed NIP");
    assert_lacks(t, "Rina Kartika", "the draft with the typed prosecutor");
    free(t);
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/ba_tahap2.pdf", id);
    json_decref(call("GET", route, demo.pros, NULL, 403));
}
END_TEST

/* The BA Tahap II rests on the P-21 (KUHAP 8(3) huruf b, 110(4), 138(1); DOMAIN 4.13, 6): it
 * cites the Kejari's P-21 by the P-21's own number and date under its title, "Pemberitahuan
 * bahwa Hasil Penyidikan sudah Lengkap (P-21)".  A P-21A the Kejari sent later (its follow-up
 * notice, Pemberitahuan Susulan) is another letter with its own number: cited, it is cited by
 * its own title, never in the P-21's place (found in acceptance: "Nomor P-21A/1/III/2026
 * tanggal 20 Maret 2026 perihal ... (P-21)"). */
START_TEST(test_the_tahap2_record_cites_the_p21_by_its_own_number)
{
    long long party, id = complete_file(&party);
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"spdp_received_by_pu\",\"date\":\"2026-02-05\"", 201));
    json_decref(
        act(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-02-10\",\"issue\":[\"pengantar_tahap1\"]",
            201));
    json_decref(api_act(demo.port, id, demo.pros,
                        "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-02-11\"", 201));
    json_t *e =
        api_act(demo.port, id, demo.pros,
                "\"type\":\"p21_received\",\"date\":\"2026-02-13\",\"issue\":[\"p21\"]", 201);
    char p21[161], p21a[161], want[512];
    snprintf(p21, sizeof p21, "%s", str(paper(e), "number"));
    json_decref(e);
    e = api_act(demo.port, id, demo.pros,
                "\"type\":\"p21a_received\",\"date\":\"2026-03-20\",\"issue\":[\"p21a\"]", 201);
    snprintf(p21a, sizeof p21a, "%s", str(paper(e), "number"));
    json_decref(e);
    ck_assert_str_ne(p21, p21a);
    long long t2 = api_id(act(id, "\"type\":\"tahap2_done\",\"date\":\"2026-03-25\"", 201));
    json_t *d = issue(id, "ba_tahap2", t2);
    char *t = doc_text(d);
    json_decref(d);
    snprintf(want, sizeof want,
             "Nomor %s tanggal 13 Februari 2026 perihal Pemberitahuan bahwa Hasil Penyidikan sudah "
             "Lengkap (P-21)",
             p21);
    assert_has(t, want, "the BA Tahap II's P-21");
    snprintf(want, sizeof want,
             "Nomor %s tanggal 20 Maret 2026 perihal Pemberitahuan bahwa Hasil Penyidikan sudah "
             "Lengkap (P-21)",
             p21a);
    assert_lacks(t, want, "the BA Tahap II (the P-21A under the P-21's title)");
    snprintf(want, sizeof want,
             "Nomor %s tanggal 20 Maret 2026 perihal Pemberitahuan Susulan Hasil Penyidikan sudah "
             "Lengkap (P-21A)",
             p21a);
    assert_has(t, want, "the BA Tahap II's P-21A, by its own title");
    free(t);
}
END_TEST

/* A Resume states the investigation as it stood on its date (KUHAP 8(1)-(2),
 * 75; DOMAIN.md 7.4): a witness or an expert is "heard as his BAP records"
 * only when his BAP was made by then.  The Pontianak demo file's Resume of
 * 26 October: the reporting officer and the document examiner were
 * examined on 11 and 17 November, after the P-19 asked for them, so it
 * names no witness and no expert heard; the suspect, examined on 18
 * September, is. */
START_TEST(test_a_resume_names_only_who_was_heard_by_its_date)
{
    char *c = demo_case("Ayşe Şahin");
    const char *ptk = demo_server_login(&demo, "198912242012122002");
    char *t = fill_document_text(demo.port, ptk, demo_doc(c, "resume"));
    char *heard = between(t, "IV. KETERANGAN SAKSI", "V. BARANG BUKTI");
    assert_lacks(heard, "Rizky Pratama", "the Resume of 26 October (witness examined 11 November)");
    assert_lacks(heard, "Wulan Sari", "the Resume of 26 October (expert examined 17 November)");
    assert_has(heard, "c. Tersangka: 1. Ayşe Şahin, kewarganegaraan Turki",
               "the suspect examined 18 September");
    free(heard);
    free(t);
    /* the Palembang file's Resume of 27 November: its witness, heard on 7 November */
    free(c);
    c = demo_case("Nguyễn Văn Thành");
    t = fill_document_text(demo.port, demo.inv, demo_doc(c, "resume"));
    heard = between(t, "IV. KETERANGAN SAKSI", "V. BARANG BUKTI");
    assert_has(heard,
               "1. Hendra Saputra, Pedagang, keterangannya sebagaimana dalam Berita Acara "
               "Pemeriksaan Saksi",
               "the Resume of 27 November");
    free(heard);
    free(t);
    free(c);
}
END_TEST

/* The covering letter of Tahap I tells the Penuntut Umum what evidence will
 * follow the suspect at Tahap II (KUHAP 8(3) huruf b; DOMAIN.md 7.1): of a
 * file with none seized (the Palembang demo file) it says there is none,
 * not "berjumlah 0 (nol) jenis, dan akan diserahkan". */
START_TEST(test_the_tahap1_letter_of_no_evidence_says_so)
{
    char *c = demo_case("Nguyễn Văn Thành");
    char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "pengantar_tahap1"));
    assert_lacks(t, "0 (nol) jenis", "Tahap I of no evidence");
    assert_has(t, "Dalam perkara ini tidak ada barang bukti yang disita.",
               "Tahap I of no evidence");
    free(t);
    free(c);
}
END_TEST

/* A berkas back with the investigator after the Penuntut Umum returned it
 * is a draft of its sending again (KONSEP, no date), but its cover does not
 * say it was never sent: the Pontianak demo file went to the Kejari on 28
 * October and again on 19 November and came back both times (P-19, then
 * the letter naming the instruction still unmet). */
START_TEST(test_a_returned_berkas_is_not_called_unsent)
{
    char *c = demo_case("Ayşe Şahin");
    const char *ptk = demo_server_login(&demo, "198912242012122002");
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%s/dossier.pdf", c);
    char *t = fill_pdf_text(demo.port, ptk, route);
    char *cover = between(t, "BERKAS PERKARA", "Halaman 1 dari");
    assert_has(cover, "KONSEP", "the returned berkas's cover");
    assert_lacks(cover, "belum dikirim kepada Penuntut Umum", "the returned berkas's cover");
    assert_has(cover,
               "Berkas perkara ini telah dikembalikan kepada penyidik dan belum dikirim kembali "
               "kepada Penuntut Umum; tanggalnya adalah tanggal pengiriman kembalinya.",
               "the returned berkas's cover");
    free(cover);
    free(t);
    free(c);
}
END_TEST

/* A BAP saksi under UU 20/2025 (whose article numbers berkas does not
 * know: DOMAIN.md 9.2) cites that law once for the unsworn examination and
 * its freedom from pressure, not a second time in brackets where the 1981
 * text cited Pasal 117 ayat (1): the Palembang demo witness, 7 November
 * 2026. */
START_TEST(test_a_bap_saksi_cites_the_new_kuhap_once)
{
    char *c = demo_case("Nguyễn Văn Thành");
    char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "bap_saksi"));
    assert_has(t,
               "Saksi diperiksa dengan tidak disumpah dan memberikan keterangan tanpa tekanan dari "
               "siapa pun dan dalam bentuk apa pun, sebagaimana dimaksud dalam Undang-Undang "
               "Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara Pidana.",
               "the BAP saksi of 7 November 2026");
    assert_lacks(t, "apa pun (Undang-Undang", "the BAP saksi of 7 November 2026");
    free(t);
    free(c);
}
END_TEST

/* The letter sending a berkas back after a P-19 names, for each instruction,
 * the paper that fulfils it (KUHAP 110(3), 138(2): the Penuntut Umum checks
 * each petunjuk against the file): the Pontianak demo file answered its
 * two items with the reporting officer's BAP saksi of 11 November and the
 * document examiner's BAP ahli of 17 November. */
START_TEST(test_the_resending_letter_names_the_paper_of_each_item)
{
    char *c = demo_case("Ayşe Şahin");
    const char *ptk = demo_server_login(&demo, "198912242012122002");
    char *t = fill_document_text(demo.port, ptk, demo_doc(c, "pengiriman_kembali"));
    char cite[200], want[300];
    demo_cite(c, "bap_saksi", cite, sizeof cite);
    snprintf(want, sizeof want, "Dokumen : Berita Acara Pemeriksaan Saksi Rizky Pratama %s", cite);
    assert_has(t, want, "item 1 of the P-19");
    demo_cite(c, "bap_ahli", cite, sizeof cite);
    snprintf(want, sizeof want, "Dokumen : Berita Acara Pemeriksaan Ahli Wulan Sari, S.Si. %s",
             cite);
    assert_has(t, want, "item 2 of the P-19");
    free(t);
    free(c);
}
END_TEST

/* The head of office who acknowledges a Laporan Keimigrasian ("Mengetahui")
 * is named on it as the officials' register has him on its date (DOMAIN.md
 * 7.2 item 7: full name, pangkat/golongan, NIP; he signs by hand), not left
 * as dotted lines: the Palembang demo Laporan of 28 October 2026, under
 * the Kepala Kantor in office since 1 December 2025; a report of 25
 * November 2025 under the Plh. who stood in for ten days, as Plh. */
START_TEST(test_the_laporan_names_the_head_who_acknowledges_it)
{
    char *c = demo_case("Nguyễn Văn Thành");
    char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "laporan_kejadian"));
    const char *ack = after(t, "Mengetahui,", "Kepala Kantor Imigrasi Kelas I TPI");
    assert_has(ack, "Made Wirawan Kusuma", "Mengetahui");
    assert_has(ack, "Pembina (IV/a)", "Mengetahui");
    assert_has(ack, "NIP 19771122 200012 1 001", "Mengetahui");
    assert_lacks(t, "......", "the Laporan of 28 October 2026");
    free(t);
    free(c);
    /* a report of 25 November 2025, while Rudi Hartono was Plh. (21-30 November) */
    long long party, id = case_opened("2025-11-25", "TRAN VAN HAI", &party);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", id);
    json_t *d = call("POST", path, demo.inv, "{}", 201);
    t = doc_text(d);
    json_decref(d);
    ack = after(t, "Mengetahui,", "Plh. Kepala Kantor Imigrasi Kelas I TPI");
    assert_has(ack, "Rudi Hartono", "Mengetahui, Plh.");
    assert_has(ack, "NIP 19860430 200901 1 004", "Mengetahui, Plh.");
    free(t);
}
END_TEST

/* A list's items end with a semicolon and its last with a full stop, as the
 * Sprindik's and the SPDP's do (Lampiran II UU 12/2011 on the drafting of
 * rules, which official letters follow): the Palembang demo file's Resume
 * (its bases and the acts taken) and its covering letter of Tahap I (its
 * bases and the suspect's status). */
START_TEST(test_a_list_ends_with_a_full_stop)
{
    char *c = demo_case("Nguyễn Văn Thành");
    char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "resume"));
    char spdp[200], bap[200], want[300];
    demo_cite(c, "spdp", spdp, sizeof spdp);
    demo_cite(c, "bap_tersangka", bap, sizeof bap);
    *strstr(bap, " tanggal ") = '\0'; /* the acts list cites the BAP by its number */
    snprintf(want, sizeof want, "%s. II. URAIAN SINGKAT PERKARA", spdp);
    assert_has(t, want, "the Resume's bases");
    snprintf(want, sizeof want, "%s. IV. KETERANGAN", bap);
    assert_has(t, want, "the Resume's acts");
    free(t);
    t = fill_document_text(demo.port, demo.inv, demo_doc(c, "pengantar_tahap1"));
    snprintf(want, sizeof want, "%s. 2. Bersama ini", spdp);
    assert_has(t, want, "Tahap I's bases");
    assert_has(t, "tidak ditahan. 4. ", "Tahap I's suspects");
    free(t);
    free(c);
}
END_TEST

/* A P-form's copy goes to the Kepala Kejaksaan Tinggi above the Kejari,
 * named as its letterhead names him (DOMAIN.md 12: KEJAKSAAN TINGGI ... /
 * KEJAKSAAN NEGERI ...): the Palembang P-21's to Sumatera Selatan's. */
START_TEST(test_the_p21_copies_its_own_kejati)
{
    char *c = demo_case("Łukasz Kowalski");
    char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "p21"));
    assert_has(t, "Tembusan: 1. Kepala Kejaksaan Tinggi Sumatera Selatan; 2. Arsip.", "the P-21");
    free(t);
    free(c);
}
END_TEST

/* Pasal 122 has two letters with different elements (DOMAIN.md 8.2): the
 * catalogue offers 122(a) and 122(b), the Palembang demo file is charged
 * under huruf a, and its Resume analyses huruf a's elements, not both
 * letters' at once. */
START_TEST(test_pasal_122_is_charged_by_its_letter)
{
    json_t *cat = call("GET", "/api/v1/offences", demo.inv, NULL, 200);
    json_t *items = json_is_array(cat) ? cat : json_object_get(cat, "items");
    bool a = false, b = false;
    size_t i;
    json_t *o;
    json_array_foreach(items, i, o)
    {
        const char *code = json_string_value(json_object_get(o, "code"));
        a = a || (code && strcmp(code, "122(a)") == 0);
        b = b || (code && strcmp(code, "122(b)") == 0);
    }
    ck_assert_msg(a && b, "the catalogue lacks 122(a) or 122(b)");
    json_decref(cat);
    char *c = demo_case("Nguyễn Văn Thành");
    char *t = fill_document_text(demo.port, demo.inv, demo_doc(c, "resume"));
    assert_has(t, "Pasal 122 huruf a Undang-Undang", "the Resume");
    assert_has(t, "Unsur \"Setiap Orang Asing\"", "the Resume's analysis");
    assert_lacks(t, "(huruf b)", "the Resume's analysis");
    free(t);
    free(c);
}
END_TEST

/* The bound file reads cleanly: the cover's labels on one line, each SHA-256
 * of the manifest in two even halves of 32 digits, no page that holds only
 * the end of a list of copies ("3. Arsip."), and the investigator's rank
 * under his signature on the lists (as on every other paper he signs). */
START_TEST(test_the_demo_dossier_reads_cleanly)
{
    char *c = demo_case("Łukasz Kowalski");
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%s/dossier.pdf", c);
    char *t = layout_text(demo.inv, route);
    const char *page2 = strchr(t, '\f');
    ck_assert_ptr_nonnull(page2);
    char cover[4096];
    snprintf(cover, sizeof cover, "%.*s", (int)(page2 - t), t);
    ck_assert_msg(strstr(cover, "REPUBLIK INDONESIA") != NULL, "the cover's kop wraps: %s", cover);
    ck_assert_msg(strstr(cover, "Nomor perkara   : LK/") && !strstr(cover, "\nberkas\n"),
                  "a cover label wraps: %s", cover);
    ck_assert_msg(strstr(t, "9. Tindakan yang diambil   ") != NULL, "the Laporan's row 9");
    /* every page begins with something else than the tail of a list of copies */
    for (const char *p = strchr(t, '\f'); p; p = strchr(p + 1, '\f')) {
        const char *q = p + 1;
        while (*q == ' ' || *q == '\n')
            q++;
        ck_assert_msg(!(*q >= '1' && *q <= '9' && strncmp(q + 1, ". Arsip.", 8) == 0),
                      "a page of \"Arsip.\" alone: %.200s", q);
    }
    const char *list = strstr(t, "DAFTAR BARANG BUKTI");
    ck_assert_ptr_nonnull(list);
    const char *name = strstr(list, "Andi Pratama");
    ck_assert_ptr_nonnull(name);
    const char *nip = strstr(name, "NIP 19881111");
    ck_assert_ptr_nonnull(nip);
    const char *rank = strstr(name, "Penata (III/c)");
    ck_assert_msg(rank && rank < nip, "no rank under the signature: %.400s", name);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%s/documents", c);
    json_t *docs = call("GET", path, demo.inv, NULL, 200);
    json_t *items = json_object_get(docs, "items");
    size_t i, halves = 0;
    json_t *d;
    json_array_foreach(items, i, d)
    {
        const char *sha = json_string_value(json_object_get(d, "sha256"));
        char h1[33], h2[33];
        snprintf(h1, sizeof h1, "%.32s", sha);
        snprintf(h2, sizeof h2, "%s", sha + 32);
        if (strstr(t, h1) && strstr(t, h2))
            halves++;
        else if (strcmp(json_string_value(json_object_get(d, "form")), "p21") != 0 &&
                 strcmp(json_string_value(json_object_get(d, "form")), "ba_tahap2") != 0)
            ck_abort_msg("%s not in two halves of 32 in the manifest", sha);
    }
    ck_assert_uint_ge(halves, 6);
    json_decref(docs);
    free(t);
    free(c);
}
END_TEST

Suite *suite_paper(void)
{
    Suite *s = suite_create("paper");
    TCase *tc = tcase_create("paper");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, test_each_paper_cites_the_sprindik_in_force_on_its_date);
    tcase_add_test(tc, test_the_resume_lists_the_acts_in_the_order_they_happened);
    tcase_add_test(tc, test_the_dossier_is_dated_by_its_sending_not_by_the_printing_day);
    tcase_add_test(tc, test_an_acts_number_is_given_once);
    tcase_add_test(tc, test_an_spdp_of_no_recipient_gets_its_korwas_letter);
    tcase_add_test(tc, test_the_korwas_letter_goes_with_the_korwas_copy_once_recorded);
    tcase_add_test(tc, test_a_number_given_by_upload_is_the_acts_number);
    tcase_add_test(tc, test_each_paper_cites_the_spdp_in_force_on_its_date);
    tcase_add_test(tc, test_an_act_of_no_hour_keeps_its_place_among_the_acts_of_its_day);
    tcase_add_test(tc, test_the_demo_file_carries_its_interpreters_oath);
    tcase_add_test(tc, test_the_demo_reports_state_their_facts);
    tcase_add_test(tc, test_the_demo_detention_names_its_place);
    tcase_add_test(tc, test_the_demo_arrest_names_its_place_and_is_told);
    tcase_add_test(tc, test_the_tahap2_record_names_the_receiving_prosecutor);
    tcase_add_test(tc, test_the_tahap2_record_names_the_jaksa_of_the_p16);
    tcase_add_test(tc, test_the_tahap2_draft_names_the_jaksa_of_the_p16);
    tcase_add_test(tc, test_the_tahap2_record_cites_the_p21_by_its_own_number);
    tcase_add_test(tc, test_the_p21_copies_its_own_kejati);
    tcase_add_test(tc, test_a_resume_names_only_who_was_heard_by_its_date);
    tcase_add_test(tc, test_the_tahap1_letter_of_no_evidence_says_so);
    tcase_add_test(tc, test_a_returned_berkas_is_not_called_unsent);
    tcase_add_test(tc, test_a_bap_saksi_cites_the_new_kuhap_once);
    tcase_add_test(tc, test_the_resending_letter_names_the_paper_of_each_item);
    tcase_add_test(tc, test_the_laporan_names_the_head_who_acknowledges_it);
    tcase_add_test(tc, test_a_list_ends_with_a_full_stop);
    tcase_add_test(tc, test_pasal_122_is_charged_by_its_letter);
    tcase_add_test(tc, test_the_demo_dossier_reads_cleanly);
    suite_add_tcase(s, tc);
    return s;
}
