/*
 * test_pforms.c - the prosecutor's papers (issue 8.5) over real HTTP against
 * a real berkasd on the demo data, PDFs read back with pdftotext.
 *
 * Expectations come from the law and the issue, not from the code:
 *   - each P-form (KEP-518/A/J.A/11/2001) is the Kejaksaan's paper: on its
 *     letterhead KEJAKSAAN REPUBLIK INDONESIA / KEJAKSAAN TINGGI ... /
 *     KEJAKSAAN NEGERI ... (DOMAIN.md 12), numbered in the Kejari's series,
 *     never bound into the investigator's berkas;
 *   - issued for its act: dated by it, citing UU 8/1981 article by article
 *     for an act up to 1 January 2026 and UU 20/2025 by its title from
 *     2 January 2026 (its Pasal 369), UU 6/2011 as amended last by UU 63/2024;
 *   - the P-16 is the Kepala Kejaksaan Negeri's order, signed by the one in
 *     force on its date (a Plh. while he acts); the letters by the jaksa who
 *     recorded them with pangkat and NIP, a.n. the Kepala Kejaksaan Negeri;
 *   - the P-19 is given once; a later return is an ordinary letter naming
 *     the unmet items (SE JAM Pidum B-3326/E/EJP/11/2011);
 *   - one number: what a later paper cites is the number the earlier one was
 *     issued with;
 *   - an investigator may not issue them, nor anyone for another act.
 * The demo's Kejari Palembang: Kepala Hari Setiawan from 2022; jaksa Fitri
 * Handayani, Jaksa Madya (IV/a), NIP 198110102006042002 (server/app/demo.c).
 */
#include <check.h>
#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

#define PDFTOTEXT "/usr/bin/pdftotext"
#define K81       "Undang-Undang Nomor 8 Tahun 1981"
#define K25       "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara Pidana"
#define UU6                                                                                        \
    "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian sebagaimana telah beberapa kali "       \
    "diubah, terakhir dengan Undang-Undang Nomor 63 Tahun 2024"
#define KOP1 "KEJAKSAAN REPUBLIK INDONESIA"
#define KOP2 "KEJAKSAAN TINGGI SUMATERA SELATAN"
#define KOP3 "KEJAKSAAN NEGERI PALEMBANG"

static struct demo_server demo;
static const char *admin_kejagung;

static void start(void)
{
    demo_server_start(&demo, "pforms_suite");
    /* this suite reads the prosecutor's papers; an answered P-19 item's own
     * paper in the file (the dossier suite) is not its subject */
    free(sql_value(demo.db,
                   "UPDATE app.settings SET value = 'false' WHERE key = "
                   "'dossier.p19_answers_need_paper' RETURNING key",
                   0, NULL));
    admin_kejagung = demo_server_login(&demo, NIP_ADMIN_KEJAGUNG);
}

static void stop(void)
{
    demo_server_stop(&demo);
}

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

/* GET url as token into a file; its path (in a fresh directory). */
static char *fetch(const char *path, const char *token)
{
    char *dir = harness_mkdtemp("pforms"), *file = malloc(512), url[160], auth[300];
    ck_assert_ptr_nonnull(file);
    snprintf(file, 512, "%s/d.pdf", dir);
    free(dir);
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    FILE *f = fopen(file, "wb");
    ck_assert_ptr_nonnull(f);
    CURL *c = curl_easy_init();
    struct curl_slist *h = curl_slist_append(NULL, auth);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    curl_slist_free_all(h);
    fclose(f);
    ck_assert_msg(rc == CURLE_OK && status == 200, "GET %s: %d %ld", url, rc, status);
    return file;
}

/* pdftotext of a file, white space collapsed to one space. */
static char *text_of(const char *file)
{
    char *argv[] = {PDFTOTEXT, "-q", (char *)file, "-", NULL}, *out = NULL;
    ck_assert_int_eq(run_capture(argv, 30000, &out), 0);
    char *w = out;
    bool space = false;
    for (char *r = out; *r; r++) {
        bool ws = *r == ' ' || *r == '\n' || *r == '\t' || *r == '\f' || *r == '\r';
        if (ws && !space && w != out)
            *w++ = ' ';
        else if (!ws)
            *w++ = *r;
        space = ws;
    }
    *w = '\0';
    return out;
}

static char *document_text(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/documents/%lld.pdf", id);
    char *file = fetch(path, demo.pros);
    char *t = text_of(file);
    free(file);
    return t;
}

static void assert_has(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not in: %.4000s", what, needle, text);
}

/* A Palembang case opened on opened, its suspect with a long accented name
 * charged with Pasal 122; *party: the suspect. */
static long long case_opened(const char *opened, long long *party)
{
    char body[512], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji formulir "
             "Kejaksaan\",\"kejari_id\":%lld}",
             opened, demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"Nguyễn Thị Phương Thảo Đặng Hoàng "
                     "Quỳnh Anh\",\"nationality\":\"VN\",\"passport_no\":\"C7766554\","
                     "\"sex\":\"P\",\"birth_date\":\"1991-03-04\",\"birth_place\":\"Thành phố "
                     "Hồ Chí Minh\"}",
                     201);
    *party = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", *party);
    json_decref(call("POST", path, demo.inv, body, 201));
    return id;
}

/* POST an act (members without braces) as token; the reply (status want). */
static json_t *act(long long id, const char *token, const char *members, long want)
{
    return api_act(demo.port, id, token, members, want);
}

/* Record an act with its one paper; the paper (a new reference). */
static json_t *act_paper(long long id, const char *token, const char *type, const char *date,
                         const char *extra, const char *form)
{
    char m[1100];
    snprintf(m, sizeof m, "\"type\":\"%s\",\"date\":\"%s\"%s%s,\"issue\":[\"%s\"]", type, date,
             extra ? "," : "", extra ? extra : "", form);
    json_t *e = act(id, token, m, 201);
    json_t *d = json_array_get(json_object_get(e, "documents"), 0);
    ck_assert_msg(d != NULL, "%s: no document", form);
    ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), date); /* its act's */
    json_t *keep = json_deep_copy(d);
    json_object_set_new(keep, "event", json_integer(json_integer_value(json_object_get(e, "id"))));
    json_decref(e);
    return keep;
}

static const char *str(json_t *j, const char *k)
{
    return json_string_value(json_object_get(j, k));
}

/* A case brought to the prosecutor on the given dates: Sprindik and SPDP
 * with their papers, the BAP and Resume, Tahap I received; *party: the
 * suspect; *spdp: the SPDP's number (malloc'd). */
static long long case_at_prosecutor(const char *opened, const char *sprindik, const char *sent,
                                    const char *received, char **spdp)
{
    long long party, id = case_opened(opened, &party);
    char extra[160];
    json_decref(act_paper(id, demo.inv, "sprindik_issued", sprindik, NULL, "sprindik"));
    snprintf(extra, sizeof extra, "\"party_id\":%lld", party);
    char m[300];
    snprintf(m, sizeof m, "\"type\":\"suspect_designated\",\"date\":\"%s\",%s", sprindik, extra);
    json_decref(act(id, demo.inv, m, 201));
    json_t *s = act_paper(id, demo.inv, "spdp_sent", sprindik, "\"recipient\":\"kejari\"", "spdp");
    *spdp = strdup(str(s, "number"));
    json_decref(s);
    if (!sent)
        return id;
    /* the BAP and the Resume are written before their papers are issued */
    char path[96], body[64];
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"%s\",\"bap\":\"tersangka\",\"party_id\":%lld",
             sprindik, party);
    json_t *b = act(id, demo.inv, m, 201);
    long long bap = json_integer_value(json_object_get(b, "id"));
    json_decref(b);
    fill_bap(demo.port, demo.inv, id, bap);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/bap_tersangka", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", bap);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(m, sizeof m, "\"type\":\"resume_written\",\"date\":\"%s\"", sprindik);
    json_t *r = act(id, demo.inv, m, 201);
    long long resume = json_integer_value(json_object_get(r, "id"));
    json_decref(r);
    fill_resume(demo.port, demo.inv, id, resume);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/resume", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", resume);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", id);
    json_decref(call("POST", path, demo.inv, "{}", 201));
    json_decref(act_paper(id, demo.inv, "tahap1_sent", sent, NULL, "pengantar_tahap1"));
    snprintf(m, sizeof m, "\"type\":\"tahap1_received_by_pu\",\"date\":\"%s\"", received);
    json_decref(act(id, demo.pros, m, 201));
    return id;
}

/* The first P-19 item of case id still unanswered (0: none). */
static long long open_item(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *v = sql_value(demo.db,
                        "SELECT coalesce(min(id), 0) FROM app.instructions WHERE case_id = "
                        "$1::bigint AND answer IS NULL",
                        1, p);
    ck_assert_ptr_nonnull(v);
    long long n = strtoll(v, NULL, 10);
    free(v);
    return n;
}

/* What every P-form shows: the Kejaksaan's kop and not the immigration
 * office's, its code, its number, the law of its date, UU 6/2011 as
 * amended, and the jaksa or the Kepala Kejari who signs. */
static void assert_pform(const char *t, const char *code, json_t *d, bool y2026)
{
    assert_has(t, KOP1, code);
    assert_has(t, KOP2, code);
    assert_has(t, KOP3, code);
    assert_has(t, code, code);
    assert_has(t, str(d, "number"), code);
    assert_has(t, UU6, code);
    assert_has(t, y2026 ? K25 : K81, code);
    ck_assert_msg(strstr(t, y2026 ? "Nomor 8 Tahun 1981" : "Nomor 20 Tahun 2025") == NULL,
                  "%s cites the other procedural law", code);
    ck_assert_msg(strstr(t, "KEMENTERIAN IMIGRASI") == NULL, "%s on the office's kop", code);
    ck_assert_msg(strstr(t, "PRO JUSTITIA") == NULL, "%s: PRO JUSTITIA", code);
    ck_assert_msg(strstr(t, "Nguyễn Thị Phương Thảo Đặng Hoàng Quỳnh Anh") != NULL ||
                      strstr(t, "Nguyễn Thị Phương Thảo Đặng Hoàng") != NULL,
                  "%s without the suspect", code);
    if (strcmp(code, "P-16") != 0) {
        assert_has(t, "a.n. Kepala Kejaksaan Negeri Palembang", code);
        assert_has(t, "Fitri Handayani", code);
        assert_has(t, "Jaksa Madya (IV/a)", code);
        assert_has(t, "NIP 19811010 200604 2 002", code);
        ck_assert_str_eq(str(d, "signer"), "Fitri Handayani");
    }
}

/* The whole cycle, December 2025 into 2026: every paper dated by its act,
 * on the Kejari's kop, its law by its date, each citing the earlier paper by
 * the number it was issued with; the P-19 once, then the ordinary letter. */
START_TEST(test_the_prosecutors_papers_through_the_cycle)
{
    char *spdp = NULL;
    long long id = case_at_prosecutor("2025-12-01", "2025-12-02", NULL, NULL, &spdp);
    /* P-16 on 5 December 2025: the Kepala Kejari's order, UU 8/1981 */
    json_t *p16 = act_paper(id, demo.pros, "p16_received", "2025-12-05", NULL, "p16");
    ck_assert_str_eq(str(p16, "signer"), "Hari Setiawan");
    char *t = document_text(json_integer_value(json_object_get(p16, "id")));
    assert_pform(t, "P-16", p16, false);
    assert_has(t, "SURAT PERINTAH PENUNJUKAN JAKSA PENUNTUT UMUM", "P-16");
    assert_has(t, "pada tanggal : 5 Desember 2025", "P-16");
    assert_has(t, "Pasal 109 ayat (1)", "P-16");
    assert_has(t, "KEPALA KEJAKSAAN NEGERI PALEMBANG", "P-16");
    assert_has(t, "Hari Setiawan", "P-16");
    assert_has(t, "Fitri Handayani", "P-16"); /* the jaksa it appoints */
    char cite[300];
    snprintf(cite, sizeof cite, "Nomor %s tanggal 2 Desember 2025", spdp);
    assert_has(t, cite, "P-16 cites the SPDP");
    free(t);
    /* P-17 on 22 December 2025 */
    json_t *p17 = act_paper(id, demo.pros, "p17_received", "2025-12-22", NULL, "p17");
    t = document_text(json_integer_value(json_object_get(p17, "id")));
    assert_pform(t, "P-17", p17, false);
    assert_has(t, "Palembang, 22 Desember 2025", "P-17");
    assert_has(t, cite, "P-17 cites the SPDP");
    snprintf(cite, sizeof cite, "(P-16) Nomor %s tanggal 5 Desember 2025", str(p16, "number"));
    assert_has(t, cite, "P-17 cites the P-16");
    assert_has(t, "Pasal 109 ayat (1) dan Pasal 110 ayat (1)", "P-17");
    free(t);
    /* the two are numbered in the Kejari's series (the demo keeps the
     * default pattern, which ends with the issuing office's code), the
     * SPDP in the immigration office's */
    ck_assert_msg(strstr(str(p16, "number"), "KEJARI-PLG") != NULL, "P-16 number %s",
                  str(p16, "number"));
    ck_assert_msg(strstr(str(p17, "number"), "KEJARI-PLG") != NULL, "P-17 number %s",
                  str(p17, "number"));
    ck_assert_msg(strstr(spdp, "KEJARI") == NULL, "SPDP number %s", spdp);
    json_decref(p16);
    json_decref(p17);
    free(spdp);
}
END_TEST

/* The prosecutor's papers of 2026: P-18, the one P-19, P-20, the ordinary
 * letter after the P-19, P-21, P-22, P-21A, P-23. */
START_TEST(test_the_papers_of_2026_and_the_letter_after_the_p19)
{
    char *spdp = NULL;
    long long id =
        case_at_prosecutor("2025-12-10", "2025-12-11", "2025-12-29", "2025-12-30", &spdp);
    free(spdp);
    json_t *p18 = act_paper(id, demo.pros, "p18_received", "2026-01-05", NULL, "p18");
    char *t = document_text(json_integer_value(json_object_get(p18, "id")));
    assert_pform(t, "P-18", p18, true);
    assert_has(t, "Palembang, 5 Januari 2026", "P-18");
    assert_has(t, "yang kami terima pada tanggal 30 Desember 2025", "P-18");
    assert_has(t, "belum lengkap", "P-18");
    free(t);
    json_t *p19 = act_paper(id, demo.pros, "p19_received", "2026-01-06",
                            "\"instructions\":[\"Periksa saksi pemilik penginapan di Ilir Barat "
                            "II.\",\"Lampirkan data perlintasan SIMKIM tersangka.\"]",
                            "p19");
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-01-08\"", 201));
    /* P-20 once the investigator's 14 days (KUHAP 138(2)) ran out */
    json_t *p20 = act_paper(id, demo.pros, "p20_received", "2026-01-23", NULL, "p20");
    t = document_text(json_integer_value(json_object_get(p20, "id")));
    assert_pform(t, "P-20", p20, true);
    char cite[300];
    snprintf(cite, sizeof cite, "surat kami Nomor %s tanggal 6 Januari 2026 (P-19)",
             str(p19, "number"));
    assert_has(t, cite, "P-20 cites the P-19");
    assert_has(t, "yang Saudara terima pada tanggal 8 Januari 2026", "P-20");
    free(t);
    /* both items answered, the file sent back and received */
    char path[96];
    long long item[2];
    for (size_t i = 0; i < 2; i++) {
        item[i] = open_item(id);
        char m[300];
        snprintf(m, sizeof m,
                 "\"type\":\"instruction_answered\",\"date\":\"2026-01-2%zu\",\"instruction_id\":"
                 "%lld,\"answer\":\"Telah dilaksanakan.\"",
                 i + 4, item[i]);
        json_decref(act(id, demo.inv, m, 201));
    }
    json_t *kembali =
        act_paper(id, demo.inv, "resubmitted", "2026-01-26", NULL, "pengiriman_kembali");
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-01-27\"", 201));
    /* a second P-19 is refused: the P-19 is given once, the refusal says how */
    json_t *twice =
        act(id, demo.pros,
            "\"type\":\"p19_received\",\"date\":\"2026-01-29\",\"instructions\":[\"x\"]", 422);
    char *tw = json_dumps(twice, 0);
    ck_assert_ptr_nonnull(strstr(tw, "return_letter_received"));
    free(tw);
    json_decref(twice);
    char m[300];
    snprintf(m, sizeof m, "\"unmet\":[%lld]", item[1]);
    json_t *letter =
        act_paper(id, demo.pros, "return_letter_received", "2026-01-29", m, "pengembalian_berkas");
    t = document_text(json_integer_value(json_object_get(letter, "id")));
    assert_pform(t, "Pengembalian Berkas Perkara", letter, true);
    snprintf(cite, sizeof cite, "surat Nomor %s tanggal 6 Januari 2026 (P-19) belum dipenuhi",
             str(p19, "number"));
    assert_has(t, cite, "the letter cites the P-19");
    snprintf(cite, sizeof cite, "surat Saudara Nomor %s tanggal 26 Januari 2026",
             str(kembali, "number"));
    assert_has(t, cite, "the letter cites the resubmission");
    assert_has(t, "1. Lampirkan data perlintasan SIMKIM tersangka.", "the unmet item");
    ck_assert_msg(strstr(t, "Ilir Barat") == NULL, "the letter names a met item");
    ck_assert_msg(strstr(t, "P-19 ") == NULL || strstr(t, "(P-19)") != NULL, "letter as P-19");
    ck_assert_msg(strstr(t, "Pengembalian Berkas Perkara untuk Dilengkapi") == NULL,
                  "the letter is titled as a P-19");
    free(t);
    /* the letter's act has no P-19 paper, and the P-19's act no second one */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/p19", id);
    char body[64];
    snprintf(body, sizeof body, "{\"event\":%lld}",
             (long long)json_integer_value(json_object_get(letter, "event")));
    json_decref(call("POST", path, demo.pros, body, 409));
    snprintf(body, sizeof body, "{\"event\":%lld}",
             (long long)json_integer_value(json_object_get(p19, "event")));
    json_decref(call("POST", path, demo.pros, body, 409));
    /* answered again, re-sent, complete */
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-01-30\"", 201));
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-02-02\",\"instruction_id\":"
             "%lld,\"answer\":\"Data perlintasan SIMKIM telah dilampirkan.\"",
             open_item(id));
    json_decref(act(id, demo.inv, m, 201));
    ck_assert_int_eq(open_item(id), 0);
    json_decref(act_paper(id, demo.inv, "resubmitted", "2026-02-03", NULL, "pengiriman_kembali"));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-02-04\"", 201));
    json_t *p21 = act_paper(id, demo.pros, "p21_received", "2026-02-06", NULL, "p21");
    json_t *p22 = act_paper(id, demo.pros, "p22_received", "2026-02-09", NULL, "p22");
    t = document_text(json_integer_value(json_object_get(p22, "id")));
    assert_pform(t, "P-22", p22, true);
    snprintf(cite, sizeof cite, "surat kami Nomor %s tanggal 6 Februari 2026", str(p21, "number"));
    assert_has(t, cite, "P-22 cites the P-21");
    assert_has(t, "paspor nomor C7766554", "P-22 lists the suspect");
    free(t);
    json_t *p21a = act_paper(id, demo.pros, "p21a_received", "2026-02-20", NULL, "p21a");
    t = document_text(json_integer_value(json_object_get(p21a, "id")));
    assert_pform(t, "P-21A", p21a, true);
    assert_has(t, cite, "P-21A cites the P-21");
    assert_has(t, "60 (enam puluh) hari", "P-21A");
    free(t);
    json_t *p23 = act_paper(id, demo.pros, "p23_received", "2026-02-25", NULL, "p23");
    t = document_text(json_integer_value(json_object_get(p23, "id")));
    assert_pform(t, "P-23", p23, true);
    snprintf(cite, sizeof cite, "surat kami Nomor %s tanggal 9 Februari 2026", str(p22, "number"));
    assert_has(t, cite, "P-23 cites the P-22");
    assert_has(t, "Palembang, 25 Februari 2026", "P-23");
    free(t);
    /* each number is the Kejari's series: eight papers, eight numbers, none
     * of the immigration office's; none is bound into the berkas perkara */
    json_t *all[] = {p18, p19, p20, letter, p21, p22, p21a, p23};
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        for (size_t n = k + 1; n < sizeof all / sizeof all[0]; n++)
            ck_assert_str_ne(str(all[k], "number"), str(all[n], "number"));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
    char *file = fetch(path, demo.inv);
    t = text_of(file);
    ck_assert_msg(strstr(t, KOP1) == NULL, "a prosecutor's paper is bound into the berkas");
    free(t);
    free(file);
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        json_decref(all[k]);
    json_decref(kembali);
}
END_TEST

/* The P-16 is signed by the Kepala Kejaksaan Negeri in force on its date:
 * a Plh. recorded for 10-12 December 2025 signs one of 11 December with his
 * acting title; the holder signs before and after. */
START_TEST(test_the_p16_is_signed_by_the_kepala_kejari_in_force)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/officials", demo.kejari_plg);
    json_decref(call("POST", path, admin_kejagung,
                     "{\"role\":\"kepala_kejari\",\"title\":\"Kepala Kejaksaan Negeri "
                     "Palembang\",\"acting\":\"Plh.\",\"name\":\"Bonifasius Ŝtefan Żukowski-"
                     "Simanjuntak\",\"nip\":\"197909092005011003\",\"pangkat\":\"Jaksa Utama "
                     "Pratama\",\"golongan\":\"IV/b\",\"valid_from\":\"2025-12-10\",\"valid_to\":"
                     "\"2025-12-12\"}",
                     201));
    static const struct {
        const char *date, *signer;
        bool plh;
    } rows[] = {{"2025-12-09", "Hari Setiawan", false},
                {"2025-12-11", "Bonifasius Ŝtefan Żukowski-Simanjuntak", true},
                {"2025-12-13", "Hari Setiawan", false}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *spdp = NULL;
        long long id = case_at_prosecutor("2025-12-01", "2025-12-02", NULL, NULL, &spdp);
        free(spdp);
        json_t *d = act_paper(id, demo.pros, "p16_received", rows[i].date, NULL, "p16");
        ck_assert_str_eq(str(d, "signer"), rows[i].signer);
        char *t = document_text(json_integer_value(json_object_get(d, "id")));
        assert_has(t, rows[i].signer, rows[i].date);
        if (rows[i].plh)
            assert_has(t, "Plh. KEPALA KEJAKSAAN NEGERI PALEMBANG", rows[i].date);
        else
            ck_assert_msg(strstr(t, "Plh.") == NULL, "%s: Plh. printed", rows[i].date);
        free(t);
        json_decref(d);
    }
}
END_TEST

/* Who may not: an investigator never issues a prosecutor's paper (403), a
 * paper is issued only for its own act (409 for another act, 404 for an
 * act of another case), once per act; a paper asked for with no act of its
 * kind says which act to record (422); nothing is numbered on a refusal. */
START_TEST(test_pforms_refuse_the_wrong_people_and_acts)
{
    char *spdp = NULL;
    long long id = case_at_prosecutor("2025-12-01", "2025-12-02", NULL, NULL, &spdp);
    free(spdp);
    json_t *e = act(id, demo.pros, "\"type\":\"p16_received\",\"date\":\"2025-12-04\"", 201);
    long long ev = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    char path[96], body[64];
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    snprintf(body, sizeof body, "{\"event\":%lld}", ev);
    static const char *const forms[] = {"p16", "p17",  "p18", "pengembalian_berkas",
                                        "p20", "p21a", "p22", "p23"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, forms[i]);
        json_decref(call("POST", path, demo.inv, body, 403)); /* the investigator */
        json_decref(call("POST", path, NULL, body, 401));     /* no session */
        if (i > 0)                                            /* the P-16's act for another paper */
            json_decref(call("POST", path, demo.pros, body, 409));
    }
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/p22", id);
    json_t *p = call("POST", path, demo.pros, "{}", 422); /* no P-22 act recorded */
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(p, "detail")), "p22_received"));
    json_decref(p);
    json_decref(call("POST", path, demo.pros, "{\"event\":\"x\"}", 400));
    json_decref(call("POST", path, demo.pros, "{\"event\":99999999}", 404));
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
    /* issued once per act */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/p16", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", ev);
    json_decref(call("POST", path, demo.pros, body, 201));
    json_decref(call("POST", path, demo.pros, body, 409));
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before + 1);
}
END_TEST

/* The demo's Pontianak file, returned twice, holds the P-19 and then the
 * ordinary letter as papers of their acts (issue 8.8; SE JAM Pidum
 * B-3326/E/EJP/11/2011), both in the Kejari Pontianak's series. */
START_TEST(test_the_demo_return_round_has_its_p19_and_its_letter)
{
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.documents d JOIN app.events e ON e.id = "
                               "d.event_id JOIN app.offices o ON o.id = d.office_id WHERE d.form "
                               "= 'pengembalian_berkas' AND e.type = 'return_letter_received' "
                               "AND o.code = 'KEJARI-PTK' AND d.case_id IN (SELECT case_id FROM "
                               "app.documents WHERE form = 'p19')",
                               0, NULL),
                     1);
}
END_TEST

Suite *suite_pforms(void)
{
    Suite *s = suite_create("pforms");
    TCase *tc = tcase_create("pforms");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_the_prosecutors_papers_through_the_cycle);
    tcase_add_test(tc, test_the_papers_of_2026_and_the_letter_after_the_p19);
    tcase_add_test(tc, test_the_p16_is_signed_by_the_kepala_kejari_in_force);
    tcase_add_test(tc, test_pforms_refuse_the_wrong_people_and_acts);
    tcase_add_test(tc, test_the_demo_return_round_has_its_p19_and_its_letter);
    suite_add_tcase(s, tc);
    return s;
}
