/*
 * test_invforms.c - the investigator's papers a file needs (issue 8.5) over
 * real HTTP against a real berkasd on the demo data, read back with
 * pdftotext.
 *
 * Expectations come from the law and the issue, not from the code:
 *   - each paper is issued for its act: dated by it, a Berita Acara with the
 *     act's day and hour in words (KUHAP 75, DOMAIN.md 7.3), on the
 *     letterhead of that date (the ministry split of 21 October 2024,
 *     DOMAIN.md 2.1), citing UU 8/1981 article by article up to 1 January
 *     2026 and UU 20/2025 by its title from 2 January 2026 (its Pasal 369);
 *   - orders and letters are signed by the Kepala Kantor in force on the
 *     date (Plh. Rudi Hartono 21-30 November 2025, Made Wirawan Kusuma from
 *     1 December 2025), Berita Acara by the PPNS who did the act;
 *   - a paper citing an order cites it by the number the order was issued
 *     with (one number): the family notices the warrant (KUHAP 18(3),
 *     21(3)), the consular notice the warrant (Vienna Convention 1963 Art.
 *     36(1)(b), UU 1/1982), the Korwas cover letter the SPDP (Permenkumham
 *     39/2021 Pasal 27(2)), the BA Penggeledahan its order, the BA
 *     Pembungkusan the seizure order (KUHAP 130(1));
 *   - a prosecutor may not issue them; a consular notice for an Indonesian,
 *     a request to the court for anything but a search or seizure, a
 *     deposit with nothing seized are refused and number nothing.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "papers.h"
#include "suites.h"

#define K81     "Undang-Undang Nomor 8 Tahun 1981"
#define K25     "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara Pidana"
#define SUSPECT "Nguyễn Thị Phương Thảo Đặng Hoàng Quỳnh Anh"

/* A Palembang case opened on opened; *party: its Vietnamese suspect with a
 * long accented name charged with Pasal 122; nationality given. */
static long long case_opened(const char *opened, const char *nationality, long long *party)
{
    char body[600], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji formulir "
             "penyidik\",\"kejari_id\":%lld}",
             opened, demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"%s\",\"passport_no\":"
             "\"C7766554\",\"sex\":\"P\",\"birth_date\":\"1991-03-04\",\"birth_place\":\"Thành "
             "phố Hồ Chí Minh\",\"address_id\":\"Jalan Kolonel Atmo Nomor 12, Palembang\"}",
             SUSPECT, nationality);
    json_t *p = call("POST", path, demo.inv, body, 201);
    *party = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", *party);
    json_decref(call("POST", path, demo.inv, body, 201));
    return id;
}

/* Record an act (members without braces) with the papers named in issue
 * (a JSON array's inside, may be empty); the reply. */
static json_t *act(long long id, const char *members, const char *issue, long want)
{
    char path[96], body[1400];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s%s%s%s}", members, issue ? ",\"issue\":[" : "",
             issue ? issue : "", issue ? "]" : "");
    return call("POST", path, demo.inv, body, want);
}

/* Paper k of an act's reply. */
static json_t *paper(json_t *e, size_t k)
{
    json_t *d = json_array_get(json_object_get(e, "documents"), k);
    ck_assert_msg(d != NULL, "no paper %zu", k);
    return d;
}

/* Issue form for act event with params (JSON object text); the document. */
static json_t *issue(long long id, const char *form, long long event, const char *params, long want)
{
    char path[128], body[900];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, "{\"event\":%lld,\"params\":%s}", event, params ? params : "{}");
    return call("POST", path, demo.inv, body, want);
}

static char *text_of_doc(json_t *d)
{
    return fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
}

/* A Penetapan izin of 8 January 2026 for purpose numbered number: its id. */
static long long izin(long long id, const char *purpose, const char *number)
{
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"court_permit_received\",\"court\":\"Palembang\",\"date\":\"2026-01-08\","
             "\"permit_kind\":"
             "\"izin\",\"permit_for\":\"%s\",\"number\":\"%s\"",
             purpose, number);
    json_t *e = act(id, m, NULL, 201);
    long long k = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    return k;
}

/* Act of type on 9 January 2026 stating basis (members), then corrected on its date to state
 * fixed instead: the act's id. */
static long long done_then_corrected(long long id, const char *type, const char *basis,
                                     const char *fixed)
{
    char m[500];
    snprintf(m, sizeof m, "\"type\":\"%s\",\"date\":\"2026-01-09\",%s", type, basis);
    json_t *e = act(id, m, NULL, 201);
    long long k = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    snprintf(m, sizeof m, "\"type\":\"corrected\",\"date\":\"2026-01-09\",\"corrects\":%lld,%s", k,
             fixed);
    json_decref(act(id, m, NULL, 201));
    return k;
}

/* An item described what, taken by the seizure act sita (its papers list it). */
static void seized_in(long long id, long long sita, const char *what)
{
    char path[96], body[300];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(body, sizeof body, "{\"description\":\"%s\",\"seizure_event\":%lld}", what, sita);
    json_decref(call("POST", path, demo.inv, body, 201));
}

/* DOMAIN 12: a paper is its act's as it stands after corrections. A search recorded under izin
 * 5/... and corrected to cite izin 6/..., and a seizure recorded under izin 7/... and corrected
 * to have been done in urgency: their Berita Acara issued after the corrections state the basis
 * corrected (KUHAP 33(1), 38(1), 38(2)), not the one first recorded. */
static void papers_after_corrections(long long id)
{
    char m[300];
    long long a = izin(id, "penggeledahan", "5/Pen.Pid/2026/PN Plg");
    long long b = izin(id, "penggeledahan", "6/Pen.Pid/2026/PN Plg");
    long long c = izin(id, "penyitaan", "7/Pen.Pid/2026/PN Plg");
    char basis[60], fixed[60];
    snprintf(basis, sizeof basis, "\"permit_act\":%lld", a);
    snprintf(fixed, sizeof fixed, "\"permit_act\":%lld", b);
    long long search = done_then_corrected(id, "search_done", basis, fixed);
    json_decref(issue(id, "sp_penggeledahan", search,
                      "{\"target\":\"kamar 2 Jalan Merdeka Nomor 5, Palembang\"}", 201));
    json_t *d = issue(id, "ba_penggeledahan", search,
                      "{\"target\":\"kamar 2 Jalan Merdeka Nomor 5, Palembang\",\"result\":"
                      "\"nihil\"}",
                      201);
    char *t = text_of_doc(d);
    assert_has(t,
               "Penggeledahan dilakukan berdasarkan Penetapan Ketua Pengadilan Negeri Palembang "
               "Nomor 6/Pen.Pid/2026/PN Plg tanggal 8 Januari 2026 tentang izin penggeledahan",
               "BA Penggeledahan cites the izin the correction names");
    assert_lacks(t, "5/Pen.Pid/2026/PN Plg", "BA Penggeledahan after its izin was corrected");
    free(t);
    json_decref(d);
    snprintf(basis, sizeof basis, "\"permit_act\":%lld", c);
    snprintf(m, sizeof m, "\"urgent_reason\":\"pemilik paspor hendak meninggalkan Palembang\"");
    long long sita = done_then_corrected(id, "seizure_done", basis, m);
    seized_in(id, sita, "1 (satu) buku paspor");
    /* the order first: the BA cites it by number (KUHAP 38, 75) */
    json_decref(issue(id, "sp_penyitaan", sita, "{}", 201));
    d = issue(id, "ba_penyitaan", sita, "{\"scene\":\"Jalan Merdeka Nomor 5, Palembang\"}", 201);
    t = text_of_doc(d);
    assert_has(t,
               "Penyitaan dilakukan dalam keadaan yang sangat perlu dan mendesak tanpa izin Ketua "
               "Pengadilan Negeri terlebih dahulu",
               "BA Penyitaan of a seizure corrected to urgent");
    assert_has(t, "karena pemilik paspor hendak meninggalkan Palembang",
               "BA Penyitaan: the urgency the correction states");
    assert_lacks(t, "tentang izin penyitaan", "BA Penyitaan of a seizure corrected to urgent");
    assert_lacks(t, "7/Pen.Pid/2026/PN Plg", "BA Penyitaan of a seizure corrected to urgent");
    free(t);
    json_decref(d);
    /* a seizure recorded on 9 January and re-dated by its correction to Monday 12 January: its
     * Berita Acara, issued after, is of the 12th - the day in words, the date, and the paper's
     * own date - never of the 9th (found in review: the paper took the act's first record) */
    long long p = izin(id, "penyitaan", "8/Pen.Pid/2026/PN Plg");
    snprintf(basis, sizeof basis, "\"permit_act\":%lld", p);
    snprintf(m, sizeof m, "\"type\":\"seizure_done\",\"date\":\"2026-01-09\",%s", basis);
    json_t *e = act(id, m, NULL, 201);
    long long moved = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    snprintf(m, sizeof m, "\"type\":\"corrected\",\"date\":\"2026-01-12\",\"corrects\":%lld,%s",
             moved, basis);
    json_decref(act(id, m, NULL, 201));
    seized_in(id, moved, "1 (satu) lembar izin tinggal");
    json_decref(issue(id, "sp_penyitaan", moved, "{}", 201));
    d = issue(id, "ba_penyitaan", moved, "{\"scene\":\"Jalan Merdeka Nomor 5, Palembang\"}", 201);
    ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2026-01-12");
    t = text_of_doc(d);
    assert_has(t, "Senin", "BA Penyitaan of a seizure re-dated to Monday 12 January");
    assert_has(t, "12 Januari 2026", "BA Penyitaan of a seizure re-dated to 12 January");
    assert_lacks(t, "9 Januari 2026", "BA Penyitaan of a seizure re-dated from 9 January");
    assert_lacks(t, "Jumat", "BA Penyitaan of a seizure re-dated from Friday 9 January");
    free(t);
    json_decref(d);
}

/* The Penetapan is of a Pengadilan Negeri (DOMAIN 4.9, 11.5): a BA cites "Penetapan Ketua
 * Pengadilan Negeri <its seat>".  One recorded before the court was asked (a log of an older
 * berkasd: no court) still loads, is cited, and prints without it; a correction naming its
 * court puts it in the papers issued after. */
static void papers_name_the_court(long long id)
{
    long long old = harness_legacy_act(demo.db, id, "court_permit_received", "2026-01-08", 0, 0,
                                       "{\"permit_kind\": \"izin\", \"permit_for\": "
                                       "\"penggeledahan\"}");
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-01-08\",\"corrects\":%lld,\"number\":"
             "\"9/Pen.Pid/2026/PN Plg\",\"note\":\"nomor Penetapan\"",
             old);
    json_decref(act(id, m, NULL, 201));
    snprintf(m, sizeof m, "\"type\":\"search_done\",\"date\":\"2026-01-09\",\"permit_act\":%lld",
             old);
    json_t *e = act(id, m, NULL, 201);
    long long search = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    const char *params = "{\"target\":\"gudang Jalan Sudirman Nomor 9, Palembang\",\"result\":"
                         "\"nihil\"}";
    json_decref(issue(id, "sp_penggeledahan", search,
                      "{\"target\":\"gudang Jalan Sudirman Nomor 9, Palembang\"}", 201));
    json_t *d = issue(id, "ba_penggeledahan", search, params, 201);
    char *t = text_of_doc(d);
    assert_has(t,
               "Penggeledahan dilakukan berdasarkan Penetapan Ketua Pengadilan Negeri Nomor "
               "9/Pen.Pid/2026/PN Plg tanggal 8 Januari 2026 tentang izin penggeledahan",
               "BA Penggeledahan under a Penetapan recorded without its court");
    free(t);
    json_decref(d);
    /* a blank court is no court */
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-01-08\",\"corrects\":%lld,\"court\":\"  \","
             "\"note\":\"pengadilan\"",
             old);
    json_t *p = act(id, m, NULL, 400);
    ck_assert_str_eq(str(p, "field"), "court");
    json_decref(p);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-01-08\",\"corrects\":%lld,\"court\":"
             "\"Palembang\",\"number\":\"9/Pen.Pid/2026/PN Plg\",\"note\":\"pengadilan\"",
             old);
    json_decref(act(id, m, NULL, 201));
    /* a second search under it, after: its BA names the court (the papers take an act's last
     * correction over its first record: the number is restated with it) */
    snprintf(m, sizeof m, "\"type\":\"search_done\",\"date\":\"2026-01-10\",\"permit_act\":%lld",
             old);
    e = act(id, m, NULL, 201);
    search = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    json_decref(issue(id, "sp_penggeledahan", search,
                      "{\"target\":\"gudang Jalan Sudirman Nomor 9, Palembang\"}", 201));
    d = issue(id, "ba_penggeledahan", search, params, 201);
    t = text_of_doc(d);
    assert_has(t,
               "Penggeledahan dilakukan berdasarkan Penetapan Ketua Pengadilan Negeri Palembang "
               "Nomor 9/Pen.Pid/2026/PN Plg tanggal 8 Januari 2026",
               "BA Penggeledahan after the court was named by a correction");
    free(t);
    json_decref(d);
}

/* The papers of one file, from the prapenyidikan in November 2025 to the
 * seized things deposited in January 2026. */
START_TEST(test_the_investigators_papers_each_of_its_act)
{
    long long party, id = case_opened("2025-11-20", "VN", &party);
    char m[700];
    /* Surat Perintah Tugas, 25 November 2025: the Plh. signs, UU 8/1981 */
    json_t *e = act(id, "\"type\":\"pre_investigation_ordered\",\"date\":\"2025-11-25\"",
                    "\"sp_tugas\"", 201);
    json_t *d = paper(e, 0);
    ck_assert_str_eq(str(d, "issued_on"), "2025-11-25");
    ck_assert_str_eq(str(d, "signer"), "Rudi Hartono");
    char *t = text_of_doc(d);
    assert_has(t, "SURAT PERINTAH TUGAS", "SP Tugas");
    assert_has(t, "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN", "SP Tugas");
    assert_has(t, "Plh. KEPALA KANTOR IMIGRASI", "SP Tugas");
    assert_has(t, "pada tanggal : 25 November 2025", "SP Tugas");
    assert_has(t, K81, "SP Tugas");
    assert_has(t, str(d, "number"), "SP Tugas");
    ck_assert_msg(strstr(t, "Nomor 20 Tahun 2025") == NULL, "SP Tugas of 2025 cites UU 20/2025");
    free(t);
    json_decref(e);
    /* Sprindik and the suspect's designation, 1 December 2025 */
    e = act(id, "\"type\":\"sprindik_issued\",\"date\":\"2025-12-01\"", "\"sprindik\"", 201);
    char sprindik[160];
    snprintf(sprindik, sizeof sprindik, "%s", str(paper(e, 0), "number"));
    json_decref(e);
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2025-12-01\",\"party_id\":%lld", party);
    e = act(id, m, "\"penetapan_tersangka\"", 201);
    d = paper(e, 0);
    ck_assert_str_eq(str(d, "signer"), "Made Wirawan Kusuma");
    t = text_of_doc(d);
    assert_has(t, "PENETAPAN TERSANGKA", "penetapan");
    assert_has(t, SUSPECT, "penetapan");
    assert_has(t, "Pasal 1 angka 14 dan Pasal 17 " K81, "penetapan");
    assert_has(t, "Pasal 27 ayat (5)", "penetapan");
    char cite[300];
    snprintf(cite, sizeof cite, "Surat Perintah Penyidikan Nomor %s tanggal 1 Desember 2025",
             sprindik);
    assert_has(t, cite, "penetapan cites the Sprindik");
    assert_has(t, "Made Wirawan Kusuma", "penetapan");
    free(t);
    json_decref(e);
    /* SPDP to the Kejari, and its covering letter to Korwas PPNS */
    e = act(id, "\"type\":\"spdp_sent\",\"date\":\"2025-12-02\",\"recipient\":\"kejari\"",
            "\"spdp\"", 201);
    char spdp[160];
    snprintf(spdp, sizeof spdp, "%s", str(paper(e, 0), "number"));
    /* Permenkumham 39/2021 Pasal 27(3), (6): to the suspect and his family, and for a
     * Vietnamese to Viet Nam's representation through the Minister of Foreign Affairs */
    t = text_of_doc(paper(e, 0));
    assert_has(t, "Tersangka " SUSPECT, "SPDP copies");
    assert_has(t, "Keluarga Tersangka " SUSPECT, "SPDP copies");
    assert_has(t, "Perwakilan Negara Vietnam di Indonesia melalui Menteri Luar Negeri",
               "SPDP copies");
    free(t);
    json_decref(e);
    e = act(id, "\"type\":\"spdp_sent\",\"date\":\"2025-12-03\",\"recipient\":\"korwas\"",
            "\"pengantar_spdp_korwas\"", 201);
    d = paper(e, 0);
    t = text_of_doc(d);
    snprintf(cite, sizeof cite,
             "Surat Pemberitahuan Dimulainya Penyidikan Nomor %s tanggal 2 "
             "Desember 2025",
             spdp);
    assert_has(t, cite, "Korwas letter cites the SPDP");
    assert_has(t, "Pasal 7 ayat (2) " K81, "Korwas letter");
    assert_has(t, "Pasal 107 ayat (1)", "Korwas letter");
    assert_has(t, "Palembang, 3 Desember 2025", "Korwas letter");
    ck_assert_str_ne(str(d, "number"), spdp); /* a letter of its own number */
    free(t);
    json_decref(e);
    /* the arrest, Monday 5 January 2026, 09.30 WIB: UU 20/2025 */
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-01-05T09:30:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/7/I/2026/Ditreskrimsus\"",
             party);
    e = act(id, m, "\"sp_penangkapan\",\"pemberitahuan_penangkapan\",\"notifikasi_konsuler\"", 201);
    const char *kap = str(paper(e, 0), "number");
    t = text_of_doc(paper(e, 1));
    snprintf(cite, sizeof cite, "Surat Perintah Penangkapan Nomor %s tanggal 5 Januari 2026", kap);
    assert_has(t, cite, "family notice cites the warrant");
    assert_has(t, "Keluarga tersangka " SUSPECT, "family notice");
    assert_has(t, "Jalan Kolonel Atmo Nomor 12, Palembang", "family notice");
    assert_has(t, "pukul 09.30 WIB", "family notice");
    assert_has(t, K25, "family notice");
    ck_assert_msg(strstr(t, "Nomor 8 Tahun 1981") == NULL, "2026 notice cites UU 8/1981");
    assert_has(t, "Made Wirawan Kusuma", "family notice");
    free(t);
    t = text_of_doc(paper(e, 2));
    assert_has(t, "Direktur Jenderal Protokol dan Konsuler", "consular notice");
    assert_has(t, "Pasal 36 ayat (1) huruf b Konvensi Wina 1963", "consular notice");
    assert_has(t, "Undang-Undang Nomor 1 Tahun 1982", "consular notice");
    assert_has(t, "Perwakilan Vietnam di Indonesia", "consular notice");
    assert_has(t, cite, "consular notice cites the warrant");
    free(t);
    json_decref(e);
    /* the interpreter sworn at 13.00 the same day */
    snprintf(
        m, sizeof m,
        "\"type\":\"interpreter_sworn\",\"at\":\"2026-01-05T13:00:00+07:00\",\"party_id\":%lld",
        party);
    e = act(id, m, NULL, 201);
    d = issue(id, "ba_sumpah_penerjemah", json_integer_value(json_object_get(e, "id")),
              "{\"interpreter\":\"Trần Thị Mỹ Dung\",\"language\":\"Vietnam\"}", 201);
    ck_assert_str_eq(str(d, "issued_on"), "2026-01-05");
    t = text_of_doc(d);
    assert_has(t,
               "Pada hari ini Senin tanggal lima bulan Januari tahun dua ribu dua puluh enam, "
               "pukul 13.00 (tiga belas tepat) WIB",
               "BA Sumpah");
    assert_has(t, "Trần Thị Mỹ Dung", "BA Sumpah");
    assert_has(t, SUSPECT, "BA Sumpah");
    assert_has(t, "menerjemahkan dengan benar", "BA Sumpah");
    assert_has(t, K25, "BA Sumpah");
    snprintf(cite, sizeof cite, "Surat Perintah Penyidikan Nomor %s", sprindik);
    assert_has(t, cite, "BA Sumpah cites the Sprindik");
    free(t);
    json_decref(d);
    json_decref(e);
    /* detention (with the Polri investigator's order, UU 20/2025 Pasal 99(3), and the place,
     * KUHAP 21(2)), within the
     * arrest's 24 hours (arrested 5 Jan 09.30 WIB): on the day they end, the hour is needed */
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-01-06T09:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":"
             "\"rutan\",\"polri_order\":"
             "\"SP.Han/3/I/2026/Ditreskrimsus\",\"facility\":\"Rumah Tahanan Negara Kelas I "
             "Palembang\"",
             party);
    e = act(id, m, "\"sp_penahanan\",\"pemberitahuan_penahanan\"", 201);
    t = text_of_doc(paper(e, 1));
    snprintf(cite, sizeof cite, "Surat Perintah Penahanan Nomor %s tanggal 6 Januari 2026",
             str(paper(e, 0), "number"));
    assert_has(t, cite, "family notice cites the detention order");
    free(t);
    json_decref(e);
    /* the search under the Ketua PN's permit (KUHAP 33(1)), its order and its Berita Acara */
    e = act(id,
            "\"type\":\"court_permit_received\",\"court\":\"Pengadilan Negeri Palembang\","
            "\"date\":\"2026-01-06\","
            "\"permit_kind\":"
            "\"izin\",\"permit_for\":\"penggeledahan\",\"number\":\"3/Pen.Pid/2026/PN Plg\"",
            NULL, 201);
    snprintf(m, sizeof m,
             "\"type\":\"search_done\",\"at\":\"2026-01-07T10:15:00+07:00\","
             "\"permit_act\":%lld",
             (long long)json_integer_value(json_object_get(e, "id")));
    json_decref(e);
    e = act(id, m, NULL, 201);
    long long search = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    json_t *sp = issue(id, "sp_penggeledahan", search,
                       "{\"target\":\"rumah kos Jalan Merdeka Nomor 5, Palembang\"}", 201);
    d = issue(id, "ba_penggeledahan", search,
              "{\"target\":\"rumah kos Jalan Merdeka Nomor 5, Palembang\",\"result\":\"ditemukan "
              "1 (satu) buku paspor\"}",
              201);
    t = text_of_doc(d);
    snprintf(cite, sizeof cite, "Surat Perintah Penggeledahan Nomor %s tanggal 7 Januari 2026",
             str(sp, "number"));
    assert_has(t, cite, "BA Penggeledahan cites its order");
    assert_has(t, "Pada hari ini Rabu tanggal tujuh bulan Januari tahun dua ribu dua puluh enam",
               "BA Penggeledahan");
    assert_has(t, "rumah kos Jalan Merdeka Nomor 5, Palembang", "BA Penggeledahan");
    assert_has(t, "Kepala Desa/Ketua Lingkungan", "BA Penggeledahan");
    /* its basis, the Ketua PN's permit recorded before it (KUHAP 33(1); DOMAIN 4.9), of the
     * Pengadilan Negeri it was recorded of (sent whole: "Pengadilan Negeri Palembang", printed
     * once) */
    assert_has(t,
               "Penggeledahan dilakukan berdasarkan Penetapan Ketua Pengadilan Negeri Palembang "
               "Nomor 3/Pen.Pid/2026/PN Plg tanggal 6 Januari 2026 tentang izin penggeledahan",
               "BA Penggeledahan cites the permit and its court");
    assert_lacks(t, "Pengadilan Negeri Pengadilan Negeri", "BA Penggeledahan names the court once");
    assert_lacks(t, "mendesak", "BA Penggeledahan under a permit");
    assert_has(t, K25, "BA Penggeledahan");
    free(t);
    t = text_of_doc(sp);
    assert_has(t, "SURAT PERINTAH PENGGELEDAHAN", "SP Penggeledahan");
    assert_has(t, "Pasal 106 huruf e", "SP Penggeledahan");
    assert_has(t, "Made Wirawan Kusuma", "SP Penggeledahan");
    free(t);
    json_decref(sp);
    json_decref(d);
    /* the seizure: the thing seized, wrapped and sealed */
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Republik Sosialis Vietnam Nomor C7766554 atas nama %s\","
             "\"quantity\":\"1 (satu) buku\",\"seized_from\":%lld,\"seized_on\":\"2026-01-07\","
             "\"storage\":\"Rupbasan Kelas I Palembang\"}",
             SUSPECT, party);
    json_decref(call("POST", path, demo.inv, m, 201));
    /* seized in urgency (KUHAP 38(2)): the approval is asked of the court below; its papers
     * list what it took (the passport, linked to it) */
    e = act(id,
            "\"type\":\"seizure_done\",\"date\":\"2026-01-07\",\"urgent_reason\":\"paspor "
            "ditemukan saat penggeledahan dan dapat dihilangkan\"",
            NULL, 201);
    long long sita = json_integer_value(json_object_get(e, "id"));
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1);
    json_t *order = issue(id, "sp_penyitaan", sita, "{}", 201);
    json_t *wrap = issue(id, "ba_pembungkusan", sita, "{}", 201);
    t = text_of_doc(wrap);
    snprintf(cite, sizeof cite, "Surat Perintah Penyitaan Nomor %s tanggal 7 Januari 2026",
             str(order, "number"));
    json_decref(order);
    json_decref(wrap);
    assert_has(t, cite, "BA Pembungkusan cites the seizure order");
    assert_has(t, "Paspor Republik Sosialis Vietnam Nomor C7766554", "BA Pembungkusan");
    assert_has(t, "diberi lak dan cap jabatan", "BA Pembungkusan");
    free(t);
    /* the BA Penyitaan says it was urgent, why, and that the approval is sought (KUHAP 38(2)) */
    d = issue(id, "ba_penyitaan", sita,
              "{\"scene\":\"rumah kos Jalan Merdeka Nomor 5, Palembang\"}", 201);
    t = text_of_doc(d);
    assert_has(t,
               "Penyitaan dilakukan dalam keadaan yang sangat perlu dan mendesak tanpa izin Ketua "
               "Pengadilan Negeri terlebih dahulu",
               "BA Penyitaan of an urgent seizure");
    assert_has(t, "karena paspor ditemukan saat penggeledahan dan dapat dihilangkan",
               "BA Penyitaan: the urgency");
    assert_has(t, "guna memperoleh persetujuannya", "BA Penyitaan: the approval sought");
    assert_lacks(t, "tentang izin penyitaan", "BA Penyitaan of an urgent seizure");
    free(t);
    json_decref(d);
    json_decref(e);
    /* deposited with the Rupbasan */
    char *items = api_evidence_ids(demo.port, id, demo.inv);
    snprintf(m, sizeof m,
             "\"type\":\"evidence_deposited\",\"date\":\"2026-01-08\",\"place\":\"Rupbasan Kelas I "
             "Palembang\",\"items\":%s",
             items);
    free(items);
    e = act(id, m, "\"ba_penitipan\"", 201);
    t = text_of_doc(paper(e, 0));
    assert_has(t, "BERITA ACARA PENITIPAN BENDA SITAAN", "BA Penitipan");
    assert_has(t, "Rupbasan Kelas I Palembang", "BA Penitipan");
    assert_has(t, "Pada hari ini Kamis tanggal delapan bulan Januari tahun dua ribu dua puluh enam",
               "BA Penitipan");
    free(t);
    json_decref(e);
    /* the request to the court is a letter of its own day (today, 2026): a permit asked before
     * a search, of no act */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/permohonan_izin_pn", id);
    d = call("POST", path, demo.inv,
             "{\"params\":{\"action\":\"penggeledahan\",\"kind\":\"izin\",\"object\":\"gudang "
             "Jalan Sudirman 9, Palembang\",\"court\":\"Pengadilan Negeri Palembang\"}}",
             201);
    t = text_of_doc(d);
    assert_has(t, "Yth. Ketua Pengadilan Negeri Palembang", "permohonan PN");
    assert_has(t, "izin penggeledahan terhadap gudang Jalan Sudirman 9, Palembang",
               "permohonan PN");
    free(t);
    json_decref(d);
    /* entered after the day it was written, it says its own day, not the day it was typed in
     * (DOMAIN 12): the request for approval of the urgent seizure it reports (play3 #19), sent
     * the day after it */
    char req[400];
    snprintf(req, sizeof req,
             "{\"event\":%lld,\"params\":{\"action\":\"penyitaan\",\"kind\":\"persetujuan\","
             "\"object\":\"1 (satu) buku paspor\",\"court\":\"Pengadilan Negeri Palembang\","
             "\"dated\":\"2026-01-08\"}}",
             sita);
    d = call("POST", path, demo.inv, req, 201);
    ck_assert_str_eq(str(d, "issued_on"), "2026-01-08");
    ck_assert_msg(strstr(str(d, "number"), "/I/2026") != NULL, "%s", str(d, "number"));
    t = text_of_doc(d);
    assert_has(t, "8 Januari 2026", "permohonan PN of its own day");
    assert_has(t, "persetujuan atas penyitaan terhadap 1 (satu) buku paspor", "permohonan PN");
    assert_has(t, "karena paspor ditemukan saat penggeledahan dan dapat dihilangkan",
               "permohonan PN: the urgency it reports");
    free(t);
    json_decref(d);
    papers_after_corrections(id);
    papers_name_the_court(id);
}
END_TEST

/* The letterhead of the date: a Surat Perintah Tugas of September 2024 is
 * on the Kemenkumham kop, one of January 2025 on the Kemen Imipas kop (the
 * split of 21 October 2024), each signed by the Kepala Kantor then. */
START_TEST(test_the_letterhead_and_signer_of_the_date)
{
    static const struct {
        const char *opened, *date, *kop, *date_text;
    } rows[] = {
        {"2024-09-02", "2024-09-10", "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA",
         "10 September 2024"},
        {"2025-01-08", "2025-01-15", "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN", "15 Januari 2025"},
    };
    for (size_t i = 0; i < 2; i++) {
        long long party, id = case_opened(rows[i].opened, "VN", &party);
        char m[160];
        snprintf(m, sizeof m, "\"type\":\"pre_investigation_ordered\",\"date\":\"%s\"",
                 rows[i].date);
        json_t *e = act(id, m, "\"sp_tugas\"", 201);
        json_t *d = paper(e, 0);
        ck_assert_str_eq(str(d, "signer"), "Surya Dharma Putra");
        char *t = text_of_doc(d);
        assert_has(t, rows[i].kop, rows[i].date);
        assert_has(t, rows[i].date_text, rows[i].date);
        assert_has(t, "Surya Dharma Putra", rows[i].date);
        if (i == 1)
            ck_assert_msg(strstr(t, "HAK ASASI MANUSIA") == NULL, "old kop in 2025");
        free(t);
        json_decref(e);
    }
}
END_TEST

/* Who may not and what is refused: a prosecutor never issues the
 * investigator's papers (403); a consular notice for an Indonesian (no
 * consulate to notify), a request to the court for anything but a search
 * or seizure, a deposit with nothing seized, a paper for another act are
 * refused, and nothing is numbered. */
START_TEST(test_the_investigators_papers_refuse_bad_input)
{
    long long party, id = case_opened("2026-02-02", "ID", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-02-03\"", "\"sprindik\"", 201));
    json_decref(act(id, "\"type\":\"spdp_sent\",\"date\":\"2026-02-03\",\"recipient\":\"kejari\"",
                    "\"spdp\"", 201));
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"date\":\"2026-02-04\",\"party_id\":%lld,\"polri_order\":"
             "\"SP.Kap/9/II/2026/Ditreskrimsus\"",
             party);
    json_t *e = act(id, m, NULL, 201);
    long long arrest = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    /* a deposit recorded before it named its things (app/deposit.h), of a case with none */
    long long deposit =
        harness_legacy_act(demo.db, id, "evidence_deposited", "2026-02-05", 0, 0, "{}");
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    /* an Indonesian has no consulate to notify */
    json_t *p = issue(id, "notifikasi_konsuler", arrest, NULL, 422);
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "kewarganegaraan asing"));
    json_decref(p);
    /* nothing seized, nothing to deposit */
    p = issue(id, "ba_penitipan", deposit, NULL, 422);
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "benda sitaan"));
    json_decref(p);
    /* a paper of another act */
    json_decref(issue(id, "pemberitahuan_penahanan", arrest, NULL, 409));
    json_decref(issue(id, "ba_penggeledahan", deposit, NULL, 409));
    /* the court is asked for a search or a seizure, a permit or an approval */
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/permohonan_izin_pn", id);
    p = call("POST", path, demo.inv,
             "{\"params\":{\"action\":\"pencurian\",\"kind\":\"izin\",\"object\":\"x\",\"court\":"
             "\"Pengadilan Negeri Palembang\"}}",
             422);
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "penggeledahan atau penyitaan"));
    json_decref(p);
    json_decref(call("POST", path, demo.inv,
                     "{\"params\":{\"action\":\"penyitaan\",\"kind\":\"izin\",\"object\":\"x\"}}",
                     400)); /* no court */
    json_decref(call("POST", path, demo.inv,
                     "{\"params\":{\"action\":\"penyitaan\",\"kind\":\"izin\",\"object\":\"x\","
                     "\"court\":\"Pengadilan Negeri Palembang\",\"warna\":\"merah\"}}",
                     400));
    /* its own day: a date, come, and not before the case's Laporan (2 February 2026) */
    static const struct {
        const char *dated;
        long status;
    } days[] = {{"2026-02-30", 400}, {"kemarin", 400}, {"2099-01-01", 400}, {"2026-01-31", 422}};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        char body[300];
        snprintf(body, sizeof body,
                 "{\"params\":{\"action\":\"penyitaan\",\"kind\":\"izin\",\"object\":\"x\","
                 "\"court\":\"Pengadilan Negeri Palembang\",\"dated\":\"%s\"}}",
                 days[i].dated);
        p = call("POST", path, demo.inv, body, days[i].status);
        ck_assert_str_eq(str(p, "field"), "dated");
        json_decref(p);
    }
    /* the prosecutor issues none of them */
    static const char *const forms[] = {"sp_tugas",
                                        "penetapan_tersangka",
                                        "ba_sumpah_penerjemah",
                                        "sp_penggeledahan",
                                        "ba_penggeledahan",
                                        "permohonan_izin_pn",
                                        "ba_pembungkusan",
                                        "ba_penitipan",
                                        "pemberitahuan_penangkapan",
                                        "pemberitahuan_penahanan",
                                        "notifikasi_konsuler",
                                        "pengantar_spdp_korwas"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, forms[i]);
        json_decref(call("POST", path, demo.pros, "{}", 403));
        json_decref(call("POST", path, NULL, "{}", 401));
    }
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
}
END_TEST

/* Act of type on date with the members more (no leading comma): its id. */
static long long done(long long id, const char *type, const char *date, const char *more)
{
    char m[500];
    snprintf(m, sizeof m, "\"type\":\"%s\",\"date\":\"%s\",%s", type, date, more);
    json_t *e = act(id, m, NULL, 201);
    long long k = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    return k;
}

/* The order to search (KUHAP 33(1)) or to seize (38(1)) is given under the Ketua PN's permit,
 * or in urgency (34, 38(2)) with his approval sought after (DOMAIN 4.9): the order cites the
 * Penetapan by court, number and date, or says it was urgent and why, as its Berita Acara does
 * - never a dotted line in a numbered paper.  Found in acceptance: izin 12/... (search) and
 * 13/... (seizure), the acts naming them, and SP.SITA printed "Nomor ..... tanggal .....",
 * SP.GELEDAH's Dasar left the permit out. */
START_TEST(test_the_search_and_seizure_orders_cite_the_basis_of_their_act)
{
    long long party, id = case_opened("2026-01-05", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-01-06\"", "\"sprindik\"", 201));
    char path[96], m[600], more[80];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Republik Sosialis Vietnam Nomor C7766554\",\"quantity\":"
             "\"1 (satu) buku\",\"seized_from\":%lld,\"seized_on\":\"2026-01-09\",\"storage\":"
             "\"Rupbasan Kelas I Palembang\"}",
             party);
    json_decref(call("POST", path, demo.inv, m, 201));
    long long izin_dah = izin(id, "penggeledahan", "12/Pen.Pid/2026/PN Plg");
    long long izin_sita = izin(id, "penyitaan", "13/Pen.Pid/2026/PN Plg");
    snprintf(more, sizeof more, "\"permit_act\":%lld", izin_dah);
    long long search = done(id, "search_done", "2026-01-09", more);
    snprintf(more, sizeof more, "\"permit_act\":%lld", izin_sita);
    long long sita = done(id, "seizure_done", "2026-01-09", more);
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1); /* the passport */
    json_t *d = issue(id, "sp_penyitaan", sita, "{}", 201);
    char *t = text_of_doc(d);
    assert_has(t,
               "Penetapan Ketua Pengadilan Negeri Palembang Nomor 13/Pen.Pid/2026/PN Plg tanggal 8 "
               "Januari 2026 tentang izin penyitaan",
               "SP Penyitaan under an izin");
    assert_lacks(t, "......", "SP Penyitaan under an izin");
    assert_lacks(t, "12/Pen.Pid", "SP Penyitaan (the search's izin)");
    assert_lacks(t, "mendesak", "SP Penyitaan under an izin");
    free(t);
    json_decref(d);
    d = issue(id, "sp_penggeledahan", search,
              "{\"target\":\"rumah kos Jalan Merdeka Nomor 5, Palembang\"}", 201);
    t = text_of_doc(d);
    assert_has(t,
               "Penetapan Ketua Pengadilan Negeri Palembang Nomor 12/Pen.Pid/2026/PN Plg tanggal 8 "
               "Januari 2026 tentang izin penggeledahan",
               "SP Penggeledahan under an izin");
    assert_lacks(t, "......", "SP Penggeledahan under an izin");
    assert_lacks(t, "13/Pen.Pid", "SP Penggeledahan (the seizure's izin)");
    free(t);
    json_decref(d);
    /* in urgency: said so, why, and that the approval is sought (UU 20/2025 by its title) */
    long long urgent = done(id, "seizure_done", "2026-01-10",
                            "\"urgent_reason\":\"paspor dapat dihilangkan pemiliknya\"");
    seized_in(id, urgent, "Paspor Republik Sosialis Vietnam Nomor C7766555");
    d = issue(id, "sp_penyitaan", urgent, "{}", 201);
    t = text_of_doc(d);
    assert_has(t, "sangat perlu dan mendesak", "SP Penyitaan in urgency");
    assert_has(t, "karena paspor dapat dihilangkan pemiliknya", "SP Penyitaan: the urgency");
    assert_has(t, "guna memperoleh persetujuannya", "SP Penyitaan: the approval sought");
    assert_has(t, K25, "SP Penyitaan of 2026");
    assert_lacks(t, "......", "SP Penyitaan in urgency");
    assert_lacks(t, "Pen.Pid", "SP Penyitaan in urgency");
    free(t);
    json_decref(d);
    urgent = done(id, "search_done", "2026-01-10",
                  "\"urgent_reason\":\"tersangka hendak melarikan diri\"");
    d = issue(id, "sp_penggeledahan", urgent, "{\"target\":\"kamar 3 Hotel Sriwijaya\"}", 201);
    t = text_of_doc(d);
    assert_has(t, "sangat perlu dan mendesak", "SP Penggeledahan in urgency");
    assert_has(t, "karena tersangka hendak melarikan diri", "SP Penggeledahan: the urgency");
    assert_lacks(t, "......", "SP Penggeledahan in urgency");
    assert_lacks(t, "Pen.Pid", "SP Penggeledahan in urgency");
    free(t);
    json_decref(d);
    /* an act recorded before the rule states neither: its order is not numbered with a blank
     * (422 naming the param, nothing issued), and cites the permit the issuer gives */
    long long old = harness_legacy_act(demo.db, id, "seizure_done", "2026-01-11", 0, 0, "{}");
    seized_in(id, old, "1 (satu) unit telepon genggam");
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    json_t *p = issue(id, "sp_penyitaan", old, "{}", 422);
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "param permit"));
    json_decref(p);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
    d = issue(id, "sp_penyitaan", old,
              "{\"permit\":\"Nomor 14/Pen.Pid/2026/PN Plg tanggal 10 Januari 2026\"}", 201);
    t = text_of_doc(d);
    assert_has(t,
               "Surat Izin/Persetujuan Penyitaan Ketua Pengadilan Negeri Nomor 14/Pen.Pid/2026/PN "
               "Plg tanggal 10 Januari 2026",
               "SP Penyitaan of a seizure recorded without its basis");
    free(t);
    json_decref(d);
    old = harness_legacy_act(demo.db, id, "search_done", "2026-01-11", 0, 0, "{}");
    p = issue(id, "sp_penggeledahan", old, "{\"target\":\"gudang\"}", 422);
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "param permit"));
    json_decref(p);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before + 1);
}
END_TEST

/* A paper citing the SPDP cites the one sent to the Penuntut Umum (Permenkumham 39/2021 Pasal
 * 27: one letter, numbered by its paper; the copies to Korwas, the suspect and the reporter are
 * deliveries of it), by its number and date - as the P-16 and the cover letter to Korwas do.
 * Found in acceptance: the SP3 printed "Surat Pemberitahuan Dimulainya Penyidikan Nomor -
 * tanggal <the copy to Korwas' day>", the latest spdp_sent whatever its recipient. One sent
 * to the Kejari without a number: the paper is refused (422 naming it), never "Nomor -". */
START_TEST(test_the_sp3_cites_the_spdp_sent_to_the_kejari_by_its_number)
{
    long long party, id = case_opened("2025-10-06", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2025-10-10\"", "\"sprindik\"", 201));
    json_t *e = act(id, "\"type\":\"spdp_sent\",\"date\":\"2025-10-12\",\"recipient\":\"kejari\"",
                    "\"spdp\"", 201);
    char cite[300];
    snprintf(cite, sizeof cite,
             "Surat Pemberitahuan Dimulainya Penyidikan Nomor %s tanggal 12 Oktober 2025",
             str(paper(e, 0), "number"));
    json_decref(e);
    json_decref(act(id, "\"type\":\"spdp_sent\",\"date\":\"2025-10-14\",\"recipient\":\"korwas\"",
                    NULL, 201));
    e = act(id, "\"type\":\"sp3_issued\",\"date\":\"2025-11-03\",\"ground\":\"tidak_cukup_bukti\"",
            "\"sp3\"", 201);
    char *t = text_of_doc(paper(e, 0));
    assert_has(t, cite, "SP3 cites the SPDP sent to the Kejari");
    assert_lacks(t, "Nomor -", "SP3");
    assert_lacks(t, "14 Oktober 2025", "SP3 (the copy to Korwas)");
    free(t);
    json_decref(e);
    e = act(id, "\"type\":\"sp3_notified\",\"date\":\"2025-11-04\",\"recipient\":\"kejari\"",
            "\"pemberitahuan_sp3\"", 201);
    t = text_of_doc(paper(e, 0));
    assert_has(t, cite, "the SP3's notice cites the SPDP sent to the Kejari");
    assert_lacks(t, "Nomor -", "the SP3's notice");
    free(t);
    json_decref(e);
    /* an SPDP sent to the Kejari without a number (its paper never issued): refused, nothing
     * issued, never "Nomor -" */
    id = case_opened("2025-10-06", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2025-10-10\"", "\"sprindik\"", 201));
    json_decref(act(id, "\"type\":\"spdp_sent\",\"date\":\"2025-10-12\",\"recipient\":\"kejari\"",
                    NULL, 201));
    e = act(id, "\"type\":\"sp3_issued\",\"date\":\"2025-11-03\",\"ground\":\"tidak_cukup_bukti\"",
            NULL, 201);
    long long sp3 = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    json_t *p = issue(id, "sp3", sp3, "{}", 422);
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "nomor SPDP"));
    json_decref(p);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
}
END_TEST

/* A party of kind on case id named name: "pihak-N". */
static void party_of(long long id, const char *kind, const char *name, char *out, size_t size)
{
    char path[96], body[300];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"%s\",\"name\":\"%s\",\"address_id\":\"Jalan Sudirman 1, Palembang\"}",
             kind, name);
    json_t *p = call("POST", path, demo.inv, body, 201);
    snprintf(out, size, "pihak-%lld", (long long)json_integer_value(json_object_get(p, "id")));
    json_decref(p);
}

/* KUHAP 1981 Pasal 109(3): a PPNS who stops an investigation notifies the Polri investigator and
 * the PU; the notices go to the suspect or his family and the reporter too (DOMAIN 4.15; UU
 * 20/2025 Pasal 24(4): the victim).  Found in acceptance: the SP3 of 2025 said in its KEDUA to
 * notify the Polri investigator, but its copies named neither Korwas/Polri nor the reporter.
 * The SP3 and its notice to the Kejari list among their copies the Polri investigator as
 * Korwas PPNS, the reporter and the victim by name; a file with neither lists neither. */
START_TEST(test_the_sp3_copies_the_polri_investigator_the_reporter_and_the_victim)
{
    long long party, id = case_opened("2025-10-06", "VN", &party);
    char pelapor[40], korban[40];
    party_of(id, "reporter", "Budi Santoso", pelapor, sizeof pelapor);
    party_of(id, "victim", "Siti Aminah", korban, sizeof korban);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2025-10-10\"", "\"sprindik\"", 201));
    json_decref(act(id, "\"type\":\"spdp_sent\",\"date\":\"2025-10-12\",\"recipient\":\"kejari\"",
                    "\"spdp\"", 201));
    json_t *e =
        act(id, "\"type\":\"sp3_issued\",\"date\":\"2025-11-03\",\"ground\":\"tidak_cukup_bukti\"",
            "\"sp3\"", 201);
    char *t = text_of_doc(paper(e, 0));
    const char *tembusan = strstr(t, "Tembusan");
    ck_assert_msg(tembusan != NULL, "SP3 without Tembusan: %.3000s", t);
    assert_has(tembusan,
               "Penyidik Kepolisian Negara Republik Indonesia selaku Koordinator Pengawas PPNS",
               "SP3 copies (KUHAP 109(3))");
    assert_has(tembusan, "Pelapor Budi Santoso", "SP3 copies");
    assert_has(tembusan, "Korban Siti Aminah", "SP3 copies");
    assert_has(tembusan, "Tersangka " SUSPECT, "SP3 copies");
    free(t);
    json_decref(e);
    e = act(id, "\"type\":\"sp3_notified\",\"date\":\"2025-11-04\",\"recipient\":\"kejari\"",
            "\"pemberitahuan_sp3\"", 201);
    t = text_of_doc(paper(e, 0));
    tembusan = strstr(t, "Tembusan");
    ck_assert_msg(tembusan != NULL, "notice without Tembusan: %.3000s", t);
    assert_has(tembusan, "Koordinator Pengawas PPNS", "the SP3's notice copies");
    assert_has(tembusan, "Pelapor Budi Santoso", "the SP3's notice copies");
    assert_has(tembusan, "Korban Siti Aminah", "the SP3's notice copies");
    free(t);
    json_decref(e);
    /* each addressee of the law its own notice, its paper addressed to it (KUHAP 109(3); UU
     * 20/2025 Pasal 24(4)); an addressee the law does not name, or none, is refused (400
     * naming recipient with the list), nothing recorded */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *cp[1] = {cid};
    long long before =
        sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, cp);
    json_t *p = act(id, "\"type\":\"sp3_notified\",\"date\":\"2025-11-04\",\"recipient\":\"xx\"",
                    NULL, 400);
    ck_assert_str_eq(str(p, "field"), "recipient");
    ck_assert_msg(strstr(str(p, "detail"), "kejari") && strstr(str(p, "detail"), "korwas") &&
                      strstr(str(p, "detail"), "reporter") && strstr(str(p, "detail"), "suspect"),
                  "%s", str(p, "detail"));
    json_decref(p);
    p = act(id, "\"type\":\"sp3_notified\",\"date\":\"2025-11-04\"", NULL, 400);
    ck_assert_str_eq(str(p, "field"), "recipient");
    json_decref(p);
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, cp),
        before);
    static const struct {
        const char *to, *yth;
    } to[] = {{"reporter", "Yth. Sdr. Budi Santoso dan Siti Aminah di Tempat"},
              {"korwas", "Yth. Penyidik Kepolisian Negara Republik Indonesia selaku Koordinator "
                         "Pengawas PPNS di Tempat"},
              {"suspect", "Yth. Sdr. " SUSPECT " di Tempat"},
              {"family", "Yth. Keluarga Tersangka " SUSPECT " di Tempat"}};
    for (size_t k = 0; k < sizeof to / sizeof to[0]; k++) {
        char m[200];
        snprintf(m, sizeof m,
                 "\"type\":\"sp3_notified\",\"date\":\"2025-11-04\",\"recipient\":\"%s\"",
                 to[k].to);
        e = act(id, m, "\"pemberitahuan_sp3\"", 201);
        t = text_of_doc(paper(e, 0));
        assert_has(t, to[k].yth, to[k].to);
        assert_lacks(t, "Yth. Kepala Kejaksaan", to[k].to);
        assert_has(strstr(t, "Tembusan"), "Kepala Kejaksaan Negeri Palembang", to[k].to);
        free(t);
        json_decref(e);
    }
    /* a file with no reporter or victim names none */
    id = case_opened("2025-10-06", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2025-10-10\"", "\"sprindik\"", 201));
    json_decref(act(id, "\"type\":\"spdp_sent\",\"date\":\"2025-10-12\",\"recipient\":\"kejari\"",
                    "\"spdp\"", 201));
    e = act(id, "\"type\":\"sp3_issued\",\"date\":\"2025-11-03\",\"ground\":\"tidak_cukup_bukti\"",
            "\"sp3\"", 201);
    t = text_of_doc(paper(e, 0));
    assert_has(t, "Koordinator Pengawas PPNS", "SP3 copies");
    assert_lacks(t, "Pelapor ", "SP3 of a file without a reporter");
    assert_lacks(t, "Korban ", "SP3 of a file without a victim");
    free(t);
    json_decref(e);
}
END_TEST

/* A summons calls a person to be heard as what he is in the case (KUHAP 112(1); DOMAIN 4.6): a
 * witness as saksi (116), an expert as ahli (120), a suspect as tersangka.  Found in acceptance:
 * a witness's summons, the party given as --param party=pihak-N, said "didengar keterangannya
 * sebagai tersangka" - the form's role defaulted to tersangka whatever the party.  A role given
 * that is not the party's is refused (422), nothing issued. */
START_TEST(test_a_summons_calls_each_party_as_what_he_is)
{
    long long suspect, id = case_opened("2026-01-05", "VN", &suspect);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-01-06\"", "\"sprindik\"", 201));
    char saksi[40], ahli[40], tsk[40];
    party_of(id, "witness", "Siti Aminah", saksi, sizeof saksi);
    party_of(id, "expert", "Dr. Bambang Wijaya, S.H., M.H.", ahli, sizeof ahli);
    snprintf(tsk, sizeof tsk, "pihak-%lld", suspect);
    static const struct {
        const char *as, *not1, *not2;
    } want[] = {{"saksi", "tersangka", "ahli"},
                {"ahli", "tersangka", "saksi"},
                {"tersangka", "saksi", "ahli"}};
    const char *who[] = {saksi, ahli, tsk};
    for (int i = 0; i < 3; i++) {
        char m[300], params[200], s[80];
        snprintf(m, sizeof m,
                 "\"type\":\"summons_served\",\"date\":\"2026-01-09\",\"appearance\":"
                 "\"2026-01-14\",\"party_id\":%s",
                 who[i] + 6);
        json_t *e = act(id, m, NULL, 201);
        long long ev = json_integer_value(json_object_get(e, "id"));
        json_decref(e);
        /* as the acceptance tester gave it: the party named in the params */
        snprintf(params, sizeof params,
                 "{\"party\":\"%s\",\"appear-date\":\"2026-01-14\",\"appear-time\":\"09:00\"}",
                 who[i]);
        if (i == 0) { /* a witness summoned as a suspect: refused, nothing issued */
            char wrong[200];
            snprintf(wrong, sizeof wrong,
                     "{\"party\":\"%s\",\"appear-date\":\"2026-01-14\",\"appear-time\":\"09:00\","
                     "\"as\":\"tersangka\"}",
                     who[i]);
            long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
            json_t *p = issue(id, "surat_panggilan", ev, wrong, 422);
            ck_assert_ptr_nonnull(strstr(str(p, "detail"), "as sesuai jenis pihak"));
            json_decref(p);
            ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL),
                             before);
        }
        if (i == 1) { /* KUHAP 112(1), 227(1): the paper states the day its act recorded */
            char other[200];
            snprintf(other, sizeof other,
                     "{\"party\":\"%s\",\"appear-date\":\"2026-01-20\",\"appear-time\":\"09:00\"}",
                     who[i]);
            json_t *p = issue(id, "surat_panggilan", ev, other, 422);
            ck_assert_str_eq(str(p, "field"), "appear-date");
            ck_assert_ptr_nonnull(strstr(str(p, "detail"), "2026-01-14"));
            json_decref(p);
        }
        if (i == 2) /* the day to appear taken from the act when not given */
            snprintf(params, sizeof params, "{\"party\":\"%s\",\"appear-time\":\"09:00\"}", who[i]);
        json_t *d = issue(id, "surat_panggilan", ev, params, 201);
        char *t = text_of_doc(d);
        assert_has(t, "14 Januari 2026", who[i]);
        snprintf(s, sizeof s, "didengar keterangannya sebagai %s", want[i].as);
        assert_has(t, s, who[i]);
        snprintf(s, sizeof s, "sebagai %s", want[i].not1);
        assert_lacks(t, s, who[i]);
        snprintf(s, sizeof s, "sebagai %s", want[i].not2);
        assert_lacks(t, s, who[i]);
        free(t);
        json_decref(d);
    }
}
END_TEST

/* The request for a permit or an approval is addressed to the Ketua of a Pengadilan Negeri
 * (KUHAP 33(1), 38(1); 34, 38(2)): "Yth. Ketua Pengadilan Negeri Palembang, di Palembang",
 * whether the court is given by its seat or its name.  Found in acceptance: court=Palembang
 * printed "Yth. Ketua Palembang" and "di Tempat".  A court that names no seat is refused (422),
 * nothing issued. */
START_TEST(test_the_request_to_the_court_names_the_pengadilan_negeri)
{
    long long party, id = case_opened("2026-01-05", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-01-06\"", "\"sprindik\"", 201));
    char path[128], body[400];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/permohonan_izin_pn", id);
    static const char *const courts[] = {"Palembang", "Pengadilan Negeri Palembang", "PN Palembang",
                                         " pengadilan negeri  Palembang "};
    for (size_t i = 0; i < sizeof courts / sizeof courts[0]; i++) {
        snprintf(body, sizeof body,
                 "{\"params\":{\"action\":\"penggeledahan\",\"kind\":\"izin\",\"object\":\"rumah "
                 "kos Jalan Merdeka Nomor 5, Palembang\",\"court\":\"%s\"}}",
                 courts[i]);
        json_t *d = call("POST", path, demo.inv, body, 201);
        char *t = text_of_doc(d);
        assert_has(t, "Yth. Ketua Pengadilan Negeri Palembang di Palembang", courts[i]);
        assert_lacks(t, "Ketua Palembang", courts[i]);
        assert_lacks(t, "Negeri Pengadilan", courts[i]);
        assert_lacks(t, "Negeri PN", courts[i]);
        assert_lacks(t, "Negeri pengadilan", courts[i]);
        assert_lacks(t, "Tempat", courts[i]);
        free(t);
        json_decref(d);
    }
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    static const char *const none[] = {"  ", "Pengadilan Negeri", "PN"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        snprintf(body, sizeof body,
                 "{\"params\":{\"action\":\"penyitaan\",\"kind\":\"izin\",\"object\":\"paspor\","
                 "\"court\":\"%s\"}}",
                 none[i]);
        json_t *p = call("POST", path, demo.inv, body, 422);
        ck_assert_ptr_nonnull(strstr(str(p, "detail"), "Pengadilan Negeri (tempat kedudukannya)"));
        json_decref(p);
    }
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
}
END_TEST

/* A request to the Ketua PN (permohonan_izin_pn, kind and action as sent) for the case's act
 * event (0: none); the reply of status want. */
static json_t *ask_court(long long id, long long event, const char *more, long want)
{
    char path[128], body[600];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/permohonan_izin_pn", id);
    if (event)
        snprintf(body, sizeof body, "{\"event\":%lld,\"params\":{\"court\":\"Palembang\"%s}}",
                 event, more);
    else
        snprintf(body, sizeof body, "{\"params\":{\"court\":\"Palembang\"%s}}", more);
    return call("POST", path, demo.inv, body, want);
}

/* play3 #19; KUHAP 34(2), 38(2) (DOMAIN 4.9, D8): after an urgent search the investigator
 * reports it to the Ketua PN and asks his approval - the letter states the act done, when,
 * where and why it was urgent, and is the paper of that act.  The hotel room searched on
 * Saturday 28 November 2026 at 13.00 WIB because the suspect was about to flee: the request of
 * the 29th names the search's day and hour in words, the room and the reason, asks approval of
 * that search; its document is of the search act.  Refused, nothing issued: a persetujuan of
 * no act (422 event), an izin for the act done (kind), a seizure's approval for a search
 * (action), a request dated the day before the search (dated), the approval of a search done
 * under a permit (event). */
START_TEST(test_the_request_for_approval_reports_the_urgent_act)
{
    long long party, id = case_opened("2026-11-27", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-11-27\"", "\"sprindik\"", 201));
    json_t *e = act(id,
                    "\"type\":\"search_done\",\"at\":\"2026-11-28T13:00:00+07:00\",\"scene\":"
                    "\"Hotel Novotel Palembang kamar 512\",\"urgent_reason\":\"tersangka hendak "
                    "melarikan diri\"",
                    NULL, 201);
    long long search = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"court_permit_received\",\"court\":\"Palembang\",\"date\":\"2026-11-27\","
             "\"permit_kind\":\"izin\",\"permit_for\":\"penggeledahan\",\"number\":"
             "\"40/Pen.Pid/2026/PN Plg\"");
    e = act(id, m, NULL, 201);
    long long permit = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    snprintf(m, sizeof m,
             "\"type\":\"search_done\",\"date\":\"2026-11-28\",\"scene\":\"Jalan Merdeka 5\","
             "\"permit_act\":%lld",
             permit);
    e = act(id, m, NULL, 201);
    long long lawful = json_integer_value(json_object_get(e, "id"));
    json_decref(e);

    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    static const struct {
        int which; /* 0: no act, 1: the urgent search, 2: the search under a permit */
        const char *more, *field;
    } bad[] = {
        {0, ",\"kind\":\"persetujuan\",\"action\":\"penggeledahan\",\"object\":\"x\"", "event"},
        {1, ",\"kind\":\"izin\"", "kind"},
        {1, ",\"action\":\"penyitaan\"", "action"},
        {1, ",\"dated\":\"2026-11-27\"", "dated"},
        {2, "", "event"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        long long ev = bad[i].which == 1 ? search : bad[i].which == 2 ? lawful : 0;
        json_t *p = ask_court(id, ev, bad[i].more, 422);
        ck_assert_msg(str(p, "field") && strcmp(str(p, "field"), bad[i].field) == 0,
                      "case %zu: field %s, %s", i, str(p, "field"), str(p, "detail"));
        json_decref(p);
    }
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
    /* who may not (review2 F13): the prosecutor issues no investigator's letter (403), another
     * office's investigator does not see the case (404), and an act of another case is no act of
     * this one - refused naming the event, nothing of the other case said; nothing issued */
    char route[128], body[200];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/permohonan_izin_pn", id);
    snprintf(body, sizeof body, "{\"event\":%lld,\"params\":{\"court\":\"Palembang\"}}", search);
    json_decref(call("POST", route, demo.pros, body, 403));
    json_decref(call("POST", route, demo_server_login(&demo, "199205052016031002" /* Batulicin */),
                     body, 404));
    long long other_party, other = case_opened("2026-11-20", "VN", &other_party);
    json_decref(act(other, "\"type\":\"sprindik_issued\",\"date\":\"2026-11-21\"", NULL, 201));
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/permohonan_izin_pn", other);
    json_t *p = call("POST", route, demo.inv, body, 422);
    ck_assert_str_eq(str(p, "field"), "event");
    ck_assert_msg(!strstr(str(p, "detail"), "Novotel"), "%s", str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);

    json_t *d = ask_court(id, search, ",\"dated\":\"2026-11-29\"", 201);
    ck_assert_str_eq(str(d, "issued_on"), "2026-11-29");
    char did[24], sid[24];
    snprintf(did, sizeof did, "%lld", (long long)json_integer_value(json_object_get(d, "id")));
    snprintf(sid, sizeof sid, "%lld", search);
    const char *q[1] = {did};
    char *of = sql_value(demo.db, "SELECT event_id FROM app.documents WHERE id = $1::bigint", 1, q);
    ck_assert_str_eq(of, sid);
    free(of);
    char *t = text_of_doc(d);
    assert_has(t, "Permohonan persetujuan penggeledahan", "the request's subject");
    assert_has(t,
               "pada hari Sabtu tanggal dua puluh delapan bulan November tahun dua ribu dua puluh "
               "enam, pukul",
               "the search's day in words");
    assert_has(t,
               "WIB, bertempat di Hotel Novotel Palembang kamar 512, telah dilakukan "
               "penggeledahan dalam keadaan yang sangat perlu dan mendesak",
               "the search done, where");
    assert_has(t, "karena tersangka hendak melarikan diri", "its urgency");
    assert_has(t, "persetujuan atas penggeledahan terhadap Hotel Novotel Palembang kamar 512",
               "the approval asked, of the place searched");
    assert_has(t, "29 November 2026", "the letter's own day");
    free(t);
    /* the act's paper: the search's place corrected since, the case lists the letter as stale */
    long long doc = json_integer_value(json_object_get(d, "id"));
    json_decref(d);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"at\":\"2026-11-28T13:00:00+07:00\",\"corrects\":%lld,"
             "\"scene\":\"Hotel Novotel Palembang kamar 514\",\"urgent_reason\":\"tersangka hendak "
             "melarikan diri\"",
             search);
    json_decref(act(id, m, NULL, 201));
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *stale = json_object_get(c, "stale_papers"), *x;
    size_t k;
    bool listed = false;
    json_array_foreach(stale, k, x)
    {
        listed |= json_integer_value(json_object_get(x, "document_id")) == doc;
    }
    char *all = json_dumps(stale, JSON_COMPACT);
    ck_assert_msg(listed, "the request not stale after its act's correction: %s", all);
    free(all);
    json_decref(c);
    /* issued again for the act as it stands: one place, the corrected one, in both its
     * sentences - never the room first recorded (review2 F9: the place it asks approval for
     * was a copy of the first record, reprinted by the reissue) */
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", doc);
    json_t *again = call("POST", path, demo.inv, "{\"note\":\"tempat dikoreksi\"}", 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(again, "id")));
    assert_has(t, "bertempat di Hotel Novotel Palembang kamar 514", "the reissue: where");
    assert_has(t, "persetujuan atas penggeledahan terhadap Hotel Novotel Palembang kamar 514",
               "the reissue: what is approved");
    assert_lacks(t, "kamar 512", "the reissue: the room first recorded");
    free(t);
    json_decref(again);
}
END_TEST

/* The search order and its Berita Acara name the place searched (KUHAP 33, 75: the BA states
 * where the act was done): the target given, else the scene the search was recorded with -
 * never a dotted line in a numbered paper.  A search recorded without a scene and issued
 * without a target is refused (422 naming the param), nothing issued. */
START_TEST(test_the_search_papers_name_the_place_searched)
{
    long long party, id = case_opened("2026-01-05", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-01-06\"", "\"sprindik\"", 201));
    long long search =
        done(id, "search_done", "2026-01-09",
             "\"urgent_reason\":\"tersangka hendak melarikan diri\",\"scene\":\"rumah kos Jalan "
             "Merdeka Nomor 5, Palembang\"");
    static const char *const forms[] = {"sp_penggeledahan", "ba_penggeledahan"};
    for (int i = 0; i < 2; i++) {
        json_t *d = issue(id, forms[i], search, i ? "{\"result\":\"nihil\"}" : "{}", 201);
        char *t = text_of_doc(d);
        assert_has(t, "penggeledahan terhadap rumah kos Jalan Merdeka Nomor 5, Palembang",
                   forms[i]);
        assert_lacks(t, "terhadap ....", forms[i]);
        free(t);
        json_decref(d);
    }
    long long bare = done(id, "search_done", "2026-01-10",
                          "\"urgent_reason\":\"tersangka hendak melarikan diri\"");
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    for (int i = 0; i < 2; i++) {
        json_t *p = issue(id, forms[i], bare, i ? "{\"result\":\"nihil\"}" : "{}", 422);
        ck_assert_ptr_nonnull(strstr(str(p, "detail"), "param target"));
        json_decref(p);
    }
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
    json_t *d =
        issue(id, "sp_penggeledahan", bare, "{\"target\":\"gudang Jalan Sudirman 9\"}", 201);
    char *t = text_of_doc(d);
    assert_has(t, "penggeledahan terhadap gudang Jalan Sudirman 9,", "the target given");
    free(t);
    json_decref(d);
}
END_TEST

/* ---- the extension request (KUHAP 24(2), 29; DOMAIN 4.8) -------------------------------- */

/* POST the Surat Permintaan Perpanjangan Penahanan with params (JSON object text) as who. */
static json_t *ask_extension(long long id, const char *token, const char *params, long want)
{
    char path[128], body[900];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/permintaan_perpanjangan", id);
    snprintf(body, sizeof body, "{\"params\":%s}", params);
    return call("POST", path, token, body, want);
}

/* The refusal's detail contains each of the words (NULL-terminated), no paper was written. */
static void refused(long long id, const char *params, long want, const char *const *words)
{
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    json_t *p = ask_extension(id, demo.inv, params, want);
    for (; *words; words++)
        ck_assert_msg(strstr(str(p, "detail"), *words) != NULL, "%s: \"%s\" not in \"%s\"", params,
                      *words, str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
}

/* A people-smuggling suspect (Pasal 120, up to 15 years) detained by the investigator on 1
 * November 2026, 20 days to 20 November (KUHAP 24(1); the inclusive convention, DOMAIN 5.1).
 * The request for an extension states facts of its own day and asks what the law gives next:
 *   - dated 30 October, before the detention existed: refused, nothing issued;
 *   - dated 15 November: to the Kepala Kejaksaan Negeri for the PU's 40 days (24(2)), from
 *     21 November to 30 December, citing the SP Penahanan of 1 November;
 *   - the rule set's value, not a number of the template: the PU's days amended to 30, the
 *     request asks 30 (UU 20/2025's durations are unconfirmed, DOMAIN 9.2: data);
 *   - dated 25 November with no extension granted: refused, the 20 days ended on 20 November
 *     (24(2): asked before the detention it extends ends);
 *   - once the PU extended it to 29 November: to the Ketua Pengadilan Negeri for 30 days
 *     (29(1) huruf b, (3) huruf a; the rule set's), 30 November - 29 December, citing the PU's
 *     extension - never the Kejari again nor 20 + 40. */
START_TEST(test_the_extension_request_asks_what_the_law_gives_next)
{
    long long party, id = case_opened("2026-10-20", "VN", &party);
    char m[600], party_p[64];
    snprintf(m, sizeof m, "{\"code\":\"120\",\"party_id\":%lld}", party);
    snprintf(party_p, sizeof party_p, "/api/v1/cases/%lld/offences", id);
    json_decref(call("POST", party_p, demo.inv, m, 201));
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-10-21\"", "\"sprindik\"", 201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-10-21\",\"party_id\":%lld", party);
    json_decref(act(id, m, NULL, 201));
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-11-01T10:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"facility\":\"Rumah Tahanan Negara Kelas I "
             "Palembang\",\"polri_order\":\"SP.Han/41/XI/2026/Ditreskrimum\"",
             party);
    json_t *e = act(id, m, "\"sp_penahanan\"", 201);
    char order[161], cite[400], params[400];
    snprintf(order, sizeof order, "%s", str(paper(e, 0), "number"));
    json_decref(e);
    /* before the detention */
    snprintf(params, sizeof params, "{\"party\":\"pihak-%lld\",\"dated\":\"2026-10-30\"}", party);
    refused(id, params, 422,
            (const char *const[]){"2026-10-30", "belum ditahan", "2026-11-01", NULL});
    /* during the investigator's 20 days: the PU's 40 */
    snprintf(params, sizeof params, "{\"party\":\"pihak-%lld\",\"dated\":\"2026-11-15\"}", party);
    json_t *d = ask_extension(id, demo.inv, params, 201);
    char *t = text_of_doc(d);
    json_decref(d);
    assert_has(t, "Palembang, 15 November 2026", "request of 15 November");
    assert_has(t, "Yth. Kepala Kejaksaan Negeri Palembang di Palembang", "request to the PU");
    snprintf(cite, sizeof cite, "Surat Perintah Penahanan Nomor %s tanggal 1 November 2026", order);
    assert_has(t, cite, "request of 15 November");
    assert_has(t,
               "selama 20 (dua puluh) hari terhitung sejak tanggal 1 November 2026 s.d. tanggal "
               "20 November 2026",
               "the investigator's period");
    assert_has(t,
               "diperpanjang selama 40 (empat puluh) hari terhitung sejak tanggal 21 November 2026 "
               "s.d. tanggal 30 Desember 2026",
               "the PU's 40 days");
    assert_has(t, K25, "request of 15 November");
    assert_lacks(t, "Pengadilan Negeri", "request to the PU");
    free(t);
    /* the rule set's days, not the template's */
    const char *admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-2025/detention_ext_pu_days", admin,
             "{\"value\":30,\"effective_from\":\"2026-01-02\",\"override\":true,\"note\":\"uji\"}",
             200));
    snprintf(params, sizeof params, "{\"party\":\"pihak-%lld\",\"dated\":\"2026-11-16\"}", party);
    d = ask_extension(id, demo.inv, params, 201);
    t = text_of_doc(d);
    json_decref(d);
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-2025/detention_ext_pu_days", admin,
             "{\"value\":40,\"effective_from\":\"2026-01-02\",\"override\":true,\"note\":\"uji\"}",
             200));
    assert_has(t,
               "diperpanjang selama 30 (tiga puluh) hari terhitung sejak tanggal 21 November 2026 "
               "s.d. tanggal 20 Desember 2026",
               "the PU's days amended to 30");
    free(t);
    /* more than the law gives, or not a number of days */
    snprintf(params, sizeof params,
             "{\"party\":\"pihak-%lld\",\"dated\":\"2026-11-15\",\"days\":\"41\"}", party);
    refused(id, params, 422, (const char *const[]){"41", "paling lama 40 hari", NULL});
    snprintf(params, sizeof params,
             "{\"party\":\"pihak-%lld\",\"dated\":\"2026-11-15\",\"days\":\"empat\"}", party);
    refused(id, params, 400, (const char *const[]){"days", NULL});
    /* what berkas computes is not given */
    snprintf(params, sizeof params,
             "{\"party\":\"pihak-%lld\",\"dated\":\"2026-11-15\",\"det-until\":\"2027-01-30\"}",
             party);
    refused(id, params, 400, (const char *const[]){"det-until", "dihitung", NULL});
    /* after the 20 days, with no extension */
    snprintf(params, sizeof params, "{\"party\":\"pihak-%lld\",\"dated\":\"2026-11-25\"}", party);
    refused(id, params, 422,
            (const char *const[]){"2026-11-25", "berakhir 2026-11-20", "sebelum", NULL});
    /* the PU extended it on 18 November to 29 November: the Ketua PN is next */
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2026-11-18T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":9,\"number\":\"B-77/L.6.10/Eku.1/11/2026\"",
             party);
    json_decref(act(id, m, NULL, 201));
    refused(id, params, 422, (const char *const[]){"param court", NULL});
    snprintf(params, sizeof params,
             "{\"party\":\"pihak-%lld\",\"dated\":\"2026-11-25\",\"court\":\"Palembang\"}", party);
    d = ask_extension(id, demo.inv, params, 201);
    t = text_of_doc(d);
    json_decref(d);
    assert_has(t, "Yth. Ketua Pengadilan Negeri Palembang di Palembang", "request to the court");
    assert_lacks(t, "Yth. Kepala Kejaksaan", "request to the court");
    assert_has(t,
               "Perpanjangan penahanan oleh Penuntut Umum pada Kejaksaan Negeri Palembang Nomor "
               "B-77/L.6.10/Eku.1/11/2026 tanggal 18 November 2026",
               "the PU's extension cited");
    assert_has(t,
               "telah diperpanjang oleh Penuntut Umum selama 9 (sembilan) hari terhitung sejak "
               "tanggal 21 November 2026 s.d. tanggal 29 November 2026",
               "the period in force");
    assert_has(t,
               "diperpanjang selama 30 (tiga puluh) hari terhitung sejak tanggal 30 November 2026 "
               "s.d. tanggal 29 Desember 2026",
               "the Ketua PN's 30 days");
    assert_has(t, "pidana penjara sembilan tahun atau lebih", "the ground of KUHAP 29(1) huruf b");
    assert_lacks(t, "40 (empat puluh)", "request to the court");
    assert_lacks(t, "20 (dua puluh) hari terhitung", "request to the court");
    free(t);
    /* a prosecutor does not make it */
    json_decref(ask_extension(id, demo.pros, params, 403));
    /* its draft states today's facts: the PU's 9 days ended on 29 November, nothing to ask */
    char route[160];
    snprintf(
        route, sizeof route,
        "/api/v1/cases/%lld/forms/permintaan_perpanjangan.pdf?party=pihak-%lld&court=Palembang", id,
        party);
    json_t *p = call("GET", route, demo.inv, NULL, 422);
    ck_assert_msg(strstr(str(p, "detail"), "berakhir 2026-11-29"), "%s", str(p, "detail"));
    json_decref(p);
}
END_TEST

/* Under UU 8/1981 a suspect of Pasal 122 (up to 5 years), detained on 5 June 2025 and extended
 * by the PU to 3 August: the Ketua PN extends only on a ground of KUHAP 29(1) - refused without
 * one (naming the doctor's letter, param illness), asked with the doctor's letter of a severe
 * disorder (huruf a) for 30 days from 4 August; the party written without 'pihak-' is refused
 * saying how to write it, a party who is no suspect is refused as such. */
START_TEST(test_the_extension_request_to_the_court_needs_a_ground_of_pasal_29)
{
    long long party, id = case_opened("2025-06-02", "VN", &party);
    char m[600], params[600];
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2025-06-03\"", "\"sprindik\"", 201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2025-06-03\",\"party_id\":%lld", party);
    json_decref(act(id, m, NULL, 201));
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2025-06-05T10:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"facility\":\"Rumah Tahanan Negara Kelas I "
             "Palembang\"",
             party);
    json_decref(act(id, m, "\"sp_penahanan\"", 201));
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2025-06-20T09:00:00+07:00\","
             "\"party_id\":%lld",
             party);
    json_decref(act(id, m, NULL, 201));
    snprintf(params, sizeof params, "{\"party\":\"%lld\",\"dated\":\"2025-07-25\"}", party);
    char want[40];
    snprintf(want, sizeof want, "pihak-%lld", party);
    refused(id, params, 400, (const char *const[]){"party", want, NULL});
    refused(id, "{\"party\":\"pihak-999999\",\"dated\":\"2025-07-25\"}", 422,
            (const char *const[]){"pihak-999999", "bukan tersangka", NULL});
    snprintf(params, sizeof params,
             "{\"party\":\"pihak-%lld\",\"dated\":\"2025-07-25\",\"court\":\"Palembang\"}", party);
    refused(id, params, 422, (const char *const[]){"param illness", "9 tahun", NULL});
    snprintf(params, sizeof params,
             "{\"party\":\"pihak-%lld\",\"dated\":\"2025-07-25\",\"court\":\"Palembang\","
             "\"illness\":\"Nomor 45/VII/2025 RS Bhayangkara Palembang tanggal 20 Juli 2025\"}",
             party);
    json_t *d = ask_extension(id, demo.inv, params, 201);
    char *t = text_of_doc(d);
    json_decref(d);
    assert_has(t, "Yth. Ketua Pengadilan Negeri Palembang di Palembang", "request to the court");
    assert_has(t, "Pasal 29 ayat (1) huruf a dan ayat (3) huruf a Undang-Undang Nomor 8 Tahun 1981",
               "KUHAP 29(1) huruf a");
    assert_has(t, "gangguan fisik atau mental yang berat", "the ground of huruf a");
    assert_has(t, "Nomor 45/VII/2025 RS Bhayangkara Palembang", "the doctor's letter");
    assert_has(t,
               "telah diperpanjang oleh Penuntut Umum selama 40 (empat puluh) hari terhitung sejak "
               "tanggal 25 Juni 2025 s.d. tanggal 3 Agustus 2025",
               "the PU's period");
    assert_has(t,
               "diperpanjang selama 30 (tiga puluh) hari terhitung sejak tanggal 4 Agustus 2025 "
               "s.d. tanggal 2 September 2025",
               "the Ketua PN's 30 days");
    assert_lacks(t, "Pasal 24 ayat (2)", "request to the court");
    free(t);
}
END_TEST

/* A body that is not JSON is refused (400) saying in the user's words what is wrong - not
 * jansson's English naming its flags ("\u0000 is not allowed without JSON_ALLOW_NUL", found in
 * acceptance) - and nothing is issued. */
START_TEST(test_a_body_that_is_not_json_is_refused_in_the_users_words)
{
    long long party, id = case_opened("2026-01-05", "VN", &party);
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/permintaan_perpanjangan", id);
    static const char *const bodies[][2] = {
        {"{\"params\":{\"party\":\"pihak-1\\u0000\"}}", "karakter NUL"},
        {"{\"params\":{},\"params\":{}}", "dua kali"},
        {"{\"params\":{\"party\":\"pihak-1\"}", "sebelum JSON lengkap"},
        {"{\"params\":{}} x", "setelah akhir JSON"},
        {"{\"params\":{\"party\":pihak}}", "susunan JSON tidak sah"}};
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        json_t *p = call("POST", path, demo.inv, bodies[i][0], 400);
        const char *detail = str(p, "detail");
        ck_assert_msg(strstr(detail, "JSON tidak sah") && strstr(detail, bodies[i][1]) &&
                          !strstr(detail, "JSON_ALLOW_NUL") && !strstr(detail, "duplicate") &&
                          !strstr(detail, "expected") && !strstr(detail, "end of"),
                      "%s: %s", bodies[i][0], detail);
        json_decref(p);
    }
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL), before);
}
END_TEST

/* VCCR 36(1)(b): a foreigner "arrested or committed to prison or to custody pending trial or
 * detained in any other manner" - a detention without an arrest before it (KUHAP 21) is custody
 * too, its clock runs (core/clock.c), and its notice to the consulate through Kemlu is issued
 * for the detention: dated by it, citing the SP Penahanan by its number, saying where he is
 * held (found in acceptance: 422 "belum ada Penangkapan", the notice written outside berkas). */
START_TEST(test_the_consular_notice_of_a_detention_without_an_arrest)
{
    long long party, id = case_opened("2026-11-25", "VN", &party);
    json_decref(
        act(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-11-26\"", "\"sprindik\"", 201));
    json_decref(act(id, "\"type\":\"spdp_sent\",\"date\":\"2026-11-26\",\"recipient\":\"kejari\"",
                    "\"spdp\"", 201));
    char m[400];
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-11-28T15:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"facility\":\"Rutan Kelas I Palembang\","
             "\"polri_order\":\"SP.Han/12/XI/2026/Ditreskrimsus\"",
             party);
    json_t *e = act(id, m, "\"sp_penahanan\",\"notifikasi_konsuler\"", 201);
    const char *han = str(paper(e, 0), "number");
    json_t *d = paper(e, 1);
    ck_assert_str_eq(str(d, "issued_on"), "2026-11-28");
    char *t = text_of_doc(d);
    char cite[200];
    snprintf(cite, sizeof cite, "Surat Perintah Penahanan Nomor %s tanggal 28 November 2026", han);
    assert_has(t, cite, "consular notice cites the detention's order");
    assert_has(t, "Notifikasi Konsuler atas Penahanan Warga Negara Vietnam", "consular notice");
    assert_has(t, "salinan Surat Perintah Penahanan", "consular notice");
    assert_has(t, "telah menahan seorang warga negara Vietnam", "consular notice");
    assert_has(t, "ditahan di Rutan Kelas I Palembang", "consular notice");
    assert_has(t, "pukul 15.00 WIB", "consular notice");
    assert_has(t, "Perwakilan Vietnam di Indonesia", "consular notice");
    ck_assert_msg(strstr(t, "menangkap") == NULL && strstr(t, "Penangkapan") == NULL,
                  "a detention's notice speaks of an arrest: %.2000s", t);
    free(t);
    json_decref(e);
    /* its draft, asked for the suspect with no act named, tells of the same detention */
    char route[160];
    snprintf(route, sizeof route,
             "/api/v1/cases/%lld/forms/notifikasi_konsuler.pdf?party=pihak-%lld", id, party);
    t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "telah menahan seorang warga negara Vietnam", "the draft");
    assert_has(t, "ditahan di Rutan Kelas I Palembang", "the draft");
    free(t);
}
END_TEST

Suite *suite_invforms(void)
{
    Suite *s = suite_create("invforms");
    TCase *tc = tcase_create("invforms");
    papers_fixture(tc, "invforms_suite");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_the_investigators_papers_each_of_its_act);
    tcase_add_test(tc, test_the_letterhead_and_signer_of_the_date);
    tcase_add_test(tc, test_the_investigators_papers_refuse_bad_input);
    tcase_add_test(tc, test_the_search_and_seizure_orders_cite_the_basis_of_their_act);
    tcase_add_test(tc, test_the_sp3_cites_the_spdp_sent_to_the_kejari_by_its_number);
    tcase_add_test(tc, test_the_sp3_copies_the_polri_investigator_the_reporter_and_the_victim);
    tcase_add_test(tc, test_a_summons_calls_each_party_as_what_he_is);
    tcase_add_test(tc, test_the_request_to_the_court_names_the_pengadilan_negeri);
    tcase_add_test(tc, test_the_search_papers_name_the_place_searched);
    tcase_add_test(tc, test_the_request_for_approval_reports_the_urgent_act);
    tcase_add_test(tc, test_the_extension_request_asks_what_the_law_gives_next);
    tcase_add_test(tc, test_the_extension_request_to_the_court_needs_a_ground_of_pasal_29);
    tcase_add_test(tc, test_a_body_that_is_not_json_is_refused_in_the_users_words);
    tcase_add_test(tc, test_the_consular_notice_of_a_detention_without_an_arrest);
    suite_add_tcase(s, tc);
    return s;
}
