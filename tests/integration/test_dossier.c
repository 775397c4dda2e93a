/*
 * test_dossier.c - the berkas perkara holds the papers it claims to hold,
 * over real HTTP against a real berkasd on the demo data.
 *
 * The expectations come from the law, not from the code: every examination
 * has its Berita Acara (KUHAP 75(1)), and the berkas perkara the
 * investigator sends the Penuntut Umum is made of them (KUHAP 8(3)(a),
 * 110(1), 138): a BAP recorded and not withdrawn whose paper is neither
 * issued by berkas nor uploaded is a gap, and so is a BAP that names no one
 * examined.  After a P-19 the file goes back "telah dilengkapi sesuai dengan
 * petunjuk" (KUHAP 110(3), 138(2)): an item answered is fulfilled by a paper
 * in the file - the act its answer names has its paper, or the paper is
 * uploaded on the answer.  Sending the file (Tahap I, or again after a P-19)
 * is refused while a gap remains, 422 problem+json naming each, nothing
 * written; the dossier lists the same gaps.
 */
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

static struct demo_server demo;

static void start(void)
{
    demo_server_start(&demo, "dossier_suite");
}

static void stop(void)
{
    demo_server_stop(&demo);
}

/* ---- HTTP -------------------------------------------------------------------------------- */

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

/* POST an act (members without braces) as token; the reply, of status want. */
static json_t *act(long long id, const char *token, const char *members, long want)
{
    return api_act(demo.port, id, token, members, want);
}

static long long issue(long long id, const char *form, long long event)
{
    char path[128], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, event ? "{\"event\":%lld}" : "{}", event);
    return api_id(call("POST", path, demo.inv, body, 201));
}

static long long party(long long id, const char *kind, const char *name)
{
    char path[96], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    bool suspect = strcmp(kind, "suspect") == 0;
    snprintf(body, sizeof body,
             "{\"kind\":\"%s\",\"name\":\"%s\",\"nationality\":\"%s\",\"sex\":\"L\","
             "\"birth_date\":\"1985-04-02\",\"birth_place\":\"Palembang\"%s}",
             kind, name, suspect ? "VN" : "ID", suspect ? ",\"passport_no\":\"C1234567\"" : "");
    return api_id(call("POST", path, demo.inv, body, 201));
}

/* A paper signed outside berkas: a real PDF (the Laporan's draft), uploaded
 * on act event; the status. */
static long upload_on(long long id, long long event)
{
    char url[300], auth[300];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/forms/laporan_kejadian.pdf",
             demo.port, id);
    const char *h[] = {auth, NULL};
    struct http_result pdf, r;
    ck_assert(http_do("GET", url, NULL, 0, h, &pdf));
    ck_assert_int_eq(pdf.status, 200);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/uploads?event=%lld&title=BAP",
             demo.port, id, event);
    const char *hp[] = {auth, "Content-Type: application/pdf", NULL};
    ck_assert(http_do("POST", url, pdf.body, pdf.len, hp, &r));
    long st = r.status;
    http_result_free(&r);
    http_result_free(&pdf);
    return st;
}

static long long count_of(const char *sql, long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    return sql_count(demo.db, sql, 1, q);
}

static long long events_of(long long id)
{
    return count_of("SELECT count(*) FROM app.events WHERE case_id = $1::bigint", id);
}

static char *stage_of(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    char *s = strdup(json_string_value(json_object_get(c, "stage")));
    json_decref(c);
    return s;
}

/* The refusal of a sending (an act, as problem+json: api_json asserts the
 * status) changes nothing: the log and the stage as they were. */
static json_t *refused(long long id, const char *members)
{
    long long before = events_of(id);
    char *stage = stage_of(id);
    json_t *p = act(id, demo.inv, members, 422);
    ck_assert_str_eq(json_string_value(json_object_get(p, "type")),
                     "urn:berkas:problem:guard-failed");
    ck_assert_int_eq(events_of(id), before);
    char *now = stage_of(id);
    ck_assert_str_eq(now, stage);
    free(now);
    free(stage);
    return p;
}

/* The one entry of missing (asserted the only one) containing each needle. */
static void only_gap(json_t *p, const char *const *needles)
{
    json_t *missing = json_object_get(p, "missing");
    char *all = json_dumps(missing, JSON_COMPACT);
    ck_assert_msg(json_array_size(missing) == 1, "missing: %s", all);
    const char *gap = json_string_value(json_array_get(missing, 0));
    for (int i = 0; needles[i]; i++)
        ck_assert_msg(strstr(gap, needles[i]) != NULL, "\"%s\" not in %s", needles[i], all);
    free(all);
}

/* The dossier refused (422 problem+json) with the same gaps as p. */
static void dossier_lists(long long id, json_t *p)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
    json_t *d = call("GET", path, demo.inv, NULL, 422);
    ck_assert(json_equal(json_object_get(d, "missing"), json_object_get(p, "missing")));
    json_decref(d);
}

/* ---- a file ready for Tahap I ------------------------------------------------------------ */

/* A Palembang case of June 2026 holding the five papers every file needs:
 * the Laporan, the Sprindik, the SPDP, the suspect's BAP and the Resume,
 * each issued for its act.  *suspect: the suspect. */
static long long ready_case(long long *suspect)
{
    char body[512], m[256];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-06-01\",\"summary\":\"Uji isi "
             "berkas perkara\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    *suspect = party(id, "suspect", "Lê Văn Hùng");
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122(a)\",\"party_id\":%lld}", *suspect);
    json_decref(call("POST", path, demo.inv, body, 201));
    issue(id, "laporan_kejadian", 0);
    json_decref(act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\",\"issue\":[\"sprindik\"]",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-02\",\"party_id\":%lld", *suspect);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-06-03\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-06-05\",\"bap\":\"tersangka\","
             "\"party_id\":%lld",
             *suspect);
    long long bap = api_id(act(id, demo.inv, m, 201));
    fill_bap(demo.port, demo.inv, id, bap);
    issue(id, "bap_tersangka", bap);
    long long res =
        api_id(act(id, demo.inv, "\"type\":\"resume_written\",\"date\":\"2026-06-10\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    issue(id, "resume", res);
    return id;
}

static long long bap_of(long long id, const char *kind, long long who, const char *date)
{
    char m[256];
    if (who)
        snprintf(m, sizeof m,
                 "\"type\":\"bap_recorded\",\"date\":\"%s\",\"bap\":\"%s\",\"party_id\":%lld", date,
                 kind, who);
    else
        snprintf(m, sizeof m, "\"type\":\"bap_recorded\",\"date\":\"%s\",\"bap\":\"%s\"", date,
                 kind);
    return api_id(act(id, demo.inv, m, 201));
}

/* Tahap I sent (11 June 2026) and received (12 June), returned with a P-19 of items, the JSON
 * strings of its list (15 June), and the returned file received (16 June). */
static void returned_with_p19(long long id, const char *items)
{
    char m[1024];
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-12\"", 201));
    snprintf(m, sizeof m, "\"type\":\"p19_received\",\"date\":\"2026-06-15\",\"instructions\":[%s]",
             items);
    json_decref(act(id, demo.pros, m, 201));
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-06-16\"", 201));
}

/* The id of item no of the case's P-19 (malloc'd text). */
static char *item_id(long long id, int no)
{
    char cid[24], n[16];
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(n, sizeof n, "%d", no);
    const char *q[2] = {cid, n};
    return sql_value(demo.db,
                     "SELECT id FROM app.instructions WHERE case_id = $1::bigint AND "
                     "item_no = $2::int",
                     2, q);
}

/* ---- the Ketua PN's Penetapan answers a P-19 item that asks for it ---------------------- */

/* DOMAIN 4.9, 7.4 item 8, D8: the passport was seized in urgency on 8 June 2026 (KUHAP 38(2));
 * the P-19 of 15 June asks for the Ketua PN's approval of that seizure.  The approval
 * received on 17 June (court_permit_received, persetujuan) is what answers it: named as
 * answer_act, 201 (failed before: 422, no act of the investigation); its scan uploaded on it,
 * the file goes back. */
START_TEST(test_the_ketua_pns_approval_answers_the_item_that_asks_for_it)
{
    long long suspect, id = ready_case(&suspect);
    (void)suspect;
    long long sita = api_id(act(id, demo.inv,
                                "\"type\":\"seizure_done\",\"date\":\"2026-06-08\","
                                "\"urgent_reason\":\"paspor palsu hendak dimusnahkan\"",
                                201));
    returned_with_p19(id,
                      "\"Lampirkan persetujuan Ketua Pengadilan Negeri atas penyitaan paspor\"");
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"court_permit_received\",\"court\":\"Palembang\",\"date\":\"2026-06-17\","
             "\"permit_kind\":"
             "\"persetujuan\",\"permit_for\":\"penyitaan\",\"number\":\"51/Pen.Pid/2026/PN "
             "Plg\",\"approves\":%lld",
             sita);
    long long approval = api_id(act(id, demo.inv, m, 201));
    char *i1 = item_id(id, 1);
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-17\",\"instruction_id\":%s,"
             "\"answer\":\"Persetujuan Ketua PN telah diterima\",\"answer_act\":%lld",
             i1, approval);
    free(i1);
    json_decref(act(id, demo.inv, m, 201));
    ck_assert_int_eq(upload_on(id, approval), 201);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-18\"", 201));
}
END_TEST

/* ---- the Ketua PN's Penetapan behind a search or seizure is in the file ------------------- */

/* The gap of missing (asserted present) that contains needle, or fails. */
static const char *gap_with(json_t *p, const char *needle)
{
    json_t *missing = json_object_get(p, "missing");
    for (size_t i = 0; i < json_array_size(missing); i++) {
        const char *g = json_string_value(json_array_get(missing, i));
        if (strstr(g, needle))
            return g;
    }
    char *all = json_dumps(missing, JSON_COMPACT);
    ck_abort_msg("no gap names \"%s\": %s", needle, all);
    free(all);
    return NULL;
}

/* DOMAIN 4.9, 7.1, 7.4 item 8 (search and seizure "with PN permits/approvals"; KUHAP 33(1), 34,
 * 38): the passport seized on 5 June 2026 under the Ketua PN's izin 9/Pen.Pid/2026/PN Plg (its
 * BA cites it), the hotel room searched in urgency on 6 June and approved by his Penetapan
 * 12/Pen.Pid/2026/PN Plg of 8 June; an izin to search a house, never used, also recorded.
 * Neither Penetapan uploaded: Tahap I is refused naming each (its number, court, date, what it
 * permits or approves and the act), nothing written, the dossier the same; the unused izin is
 * no gap.  Each copy uploaded on its act, the gap goes; both, the file goes out (play3 #9:
 * before, the dossier was "complete" without them). */
START_TEST(test_the_ketua_pns_penetapan_of_a_search_or_seizure_is_in_the_file)
{
    long long suspect, id = ready_case(&suspect);
    char m[512], path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Republik Sosialis Vietnam Nomor C1234567\",\"quantity\":"
             "\"1 (satu) buku\",\"seized_from\":%lld,\"seized_on\":\"2026-06-05\",\"storage\":"
             "\"Rupbasan Kelas I Palembang\"}",
             suspect);
    json_decref(call("POST", path, demo.inv, m, 201));
    long long izin = api_id(act(id, demo.inv,
                                "\"type\":\"court_permit_received\",\"court\":\"Palembang\","
                                "\"date\":\"2026-06-04\",\"permit_kind\":\"izin\",\"permit_for\":"
                                "\"penyitaan\",\"number\":\"9/Pen.Pid/2026/PN Plg\"",
                                201));
    json_decref(act(id, demo.inv,
                    "\"type\":\"court_permit_received\",\"court\":\"Palembang\","
                    "\"date\":\"2026-06-04\",\"permit_kind\":\"izin\",\"permit_for\":"
                    "\"penggeledahan\",\"number\":\"10/Pen.Pid/2026/PN Plg\"",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"seizure_done\",\"date\":\"2026-06-05\",\"scene\":\"Jalan Merdeka Nomor 5, "
             "Palembang\",\"permit_act\":%lld,\"number\":\"SP.Sita/31/VI/2026/Kanim Plg\"",
             izin);
    long long sita = api_id(act(id, demo.inv, m, 201));
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1);
    long long ba = issue(id, "ba_penyitaan", sita);
    long long geledah = api_id(act(id, demo.inv,
                                   "\"type\":\"search_done\",\"date\":\"2026-06-06\",\"scene\":"
                                   "\"Hotel Novotel Palembang kamar 512\",\"urgent_reason\":"
                                   "\"tersangka hendak melarikan diri\"",
                                   201));
    snprintf(m, sizeof m,
             "\"type\":\"court_permit_received\",\"court\":\"Pengadilan Negeri Palembang\","
             "\"date\":\"2026-06-08\",\"permit_kind\":\"persetujuan\",\"permit_for\":"
             "\"penggeledahan\",\"number\":\"12/Pen.Pid/2026/PN Plg\",\"approves\":%lld",
             geledah);
    long long setuju = api_id(act(id, demo.inv, m, 201));
    /* the BA cites the izin: what the Penuntut Umum reads and must find in the file */
    char route[96];
    snprintf(route, sizeof route, "/api/v1/documents/%lld.pdf", ba);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    ck_assert_msg(strstr(t, "9/Pen.Pid/2026/PN Plg") != NULL, "BA: %.2000s", t);
    free(t);

    json_t *p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    ck_assert_uint_eq(json_array_size(json_object_get(p, "missing")), 2);
    char ref[160];
    const char *g = gap_with(p, "9/Pen.Pid/2026/PN Plg");
    snprintf(ref, sizeof ref, "izin penyitaan, peristiwa %lld", izin);
    ck_assert_msg(strstr(g, "Penetapan Ketua Pengadilan Negeri Palembang Nomor") &&
                      strstr(g, ref) && strstr(g, "4 Juni 2026") && strstr(g, "belum dilampirkan"),
                  "%s", g);
    snprintf(ref, sizeof ref, "penyitaan peristiwa %lld", sita);
    ck_assert_msg(strstr(g, ref), "%s", g);
    g = gap_with(p, "12/Pen.Pid/2026/PN Plg");
    snprintf(ref, sizeof ref, "persetujuan penggeledahan, peristiwa %lld", setuju);
    ck_assert_msg(strstr(g, "Pengadilan Negeri Palembang Nomor") && strstr(g, ref) &&
                      strstr(g, "8 Juni 2026") && !strstr(g, "Negeri Pengadilan"),
                  "%s", g);
    snprintf(ref, sizeof ref, "penggeledahan mendesak peristiwa %lld", geledah);
    ck_assert_msg(strstr(g, ref), "%s", g);
    char *all = json_dumps(json_object_get(p, "missing"), JSON_COMPACT);
    ck_assert_msg(strstr(all, "10/Pen.Pid/2026/PN Plg") == NULL, "the unused izin: %s", all);
    free(all);
    dossier_lists(id, p);
    json_decref(p);

    /* the izin's copy uploaded on its act: the approval's gap alone */
    ck_assert_int_eq(upload_on(id, izin), 201);
    p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    only_gap(p, (const char *const[]){"12/Pen.Pid/2026/PN Plg", "belum dilampirkan", NULL});
    dossier_lists(id, p);
    json_decref(p);
    ck_assert_int_eq(upload_on(id, setuju), 201);
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    t = fill_pdf_text(demo.port, demo.inv, route);
    ck_assert_msg(strstr(t, "Berita Acara Penyitaan") != NULL, "dossier: %.600s", t);
    free(t);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
}
END_TEST

/* ---- a BAP has its paper ---------------------------------------------------------------- */

/* The reporter examined as a witness on 6 June 2026 and the document
 * examiner as an expert on 7 June: neither paper issued nor uploaded, Tahap I
 * is refused naming each (who, which act, which day); the expert's BAP issued
 * by berkas, the refusal names the witness's alone, as does the dossier;
 * the witness's signed BAP uploaded, Tahap I goes out. */
START_TEST(test_tahap1_waits_for_the_paper_of_every_bap)
{
    long long suspect, id = ready_case(&suspect);
    long long witness = party(id, "witness", "Hendra Saputra");
    long long expert = party(id, "expert", "Wulan Sari");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-06");
    long long ahli = bap_of(id, "ahli", expert, "2026-06-07");
    json_t *p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    json_t *missing = json_object_get(p, "missing");
    ck_assert_uint_eq(json_array_size(missing), 2);
    char ref[64];
    snprintf(ref, sizeof ref, "peristiwa %lld, 6 Juni 2026", saksi);
    const char *g0 = json_string_value(json_array_get(missing, 0));
    ck_assert_msg(strstr(g0, "BAP saksi Hendra Saputra") && strstr(g0, ref), "%s", g0);
    snprintf(ref, sizeof ref, "peristiwa %lld, 7 Juni 2026", ahli);
    const char *g1 = json_string_value(json_array_get(missing, 1));
    ck_assert_msg(strstr(g1, "BAP ahli Wulan Sari") && strstr(g1, ref), "%s", g1);
    ck_assert_ptr_nonnull(
        strstr(json_string_value(json_object_get(p, "detail")), "Hendra Saputra"));
    dossier_lists(id, p);
    json_decref(p);
    fill_bap(demo.port, demo.inv, id, ahli);
    issue(id, "bap_ahli", ahli);
    p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    snprintf(ref, sizeof ref, "peristiwa %lld, 6 Juni 2026", saksi);
    only_gap(p, (const char *const[]){"BAP saksi Hendra Saputra", ref, "belum ada berkas", NULL});
    dossier_lists(id, p);
    json_decref(p);
    ck_assert_int_eq(upload_on(id, saksi), 201);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
}
END_TEST

/* A BAP that names no one examined is no Berita Acara of an examination
 * (KUHAP 75(1), 117-118: whose statement it records); a BAP withdrawn by
 * its correction records nothing, and needs no paper. */
START_TEST(test_a_bap_of_no_one_is_a_gap_and_a_withdrawn_one_needs_nothing)
{
    long long suspect, id = ready_case(&suspect);
    long long saksi = bap_of(id, "saksi", 0, "2026-06-06");
    json_t *p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    char ref[64];
    snprintf(ref, sizeof ref, "peristiwa %lld, 6 Juni 2026", saksi);
    only_gap(p, (const char *const[]){"BAP saksi", ref, "tidak menyebut siapa", NULL});
    json_decref(p);
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-06\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dicatat keliru: tidak ada pemeriksaan\"",
             saksi);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
}
END_TEST

/* Whom a BAP examined is whom the act names as it stands: a correction of a correction naming
 * the witness names him (the gap is then his missing paper), and a later one naming no one names
 * no one again (found in review: only direct corrections were read, and only those naming one). */
START_TEST(test_a_bap_names_whom_its_latest_correction_names)
{
    long long suspect, id = ready_case(&suspect);
    long long witness = party(id, "witness", "Hendra Saputra");
    long long saksi = bap_of(id, "saksi", 0, "2026-06-06");
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-07\",\"corrects\":%lld,\"bap\":\"saksi\"",
             saksi);
    long long c1 = api_id(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-07\",\"corrects\":%lld,\"bap\":\"saksi\","
             "\"party_id\":%lld",
             c1, witness);
    long long c2 = api_id(act(id, demo.inv, m, 201));
    json_t *p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    only_gap(p, (const char *const[]){"BAP saksi Hendra Saputra", "belum ada berkas", NULL});
    json_decref(p);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-07\",\"corrects\":%lld,\"bap\":\"saksi\"",
             c2);
    json_decref(act(id, demo.inv, m, 201));
    p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    only_gap(p, (const char *const[]){"BAP saksi", "tidak menyebut siapa", NULL});
    json_decref(p);
}
END_TEST

/* berkas ARGS... (NULL-terminated) as the Palembang PPNS, logged on in a
 * config of its own: the exit status, stdout and stderr in *out. */
static int cli(char **out, ...)
{
    char url[64], *argv[16] = {(char *)harness_cli()};
    snprintf(url, sizeof url, "http://127.0.0.1:%d", demo.port);
    char *dir = harness_mkdtemp("dossier-cli");
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char *argl[] = {argv[0], "--server", url, "login", "--nip", NIP_INV_PLG, NULL}, *o = NULL;
    ck_assert_msg(run_capture(argl, 30000, &o) == 0, "login: %s", o);
    free(o);
    unsetenv("BERKAS_PASSWORD");
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 15 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    int rc = run_capture(argv, 30000, out);
    free(dir);
    return rc;
}

/* The CLI shows each gap on a line of its own, for the dossier and for a
 * refused Tahap I: refused (exit 1), "  - BAP saksi <name> (peristiwa N,
 * day): ..." readable as it is. */
START_TEST(test_the_cli_shows_each_gap_on_its_own_line)
{
    long long suspect, id = ready_case(&suspect);
    long long witness = party(id, "witness", "Hendra Saputra");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-06");
    char cid[24], line[160], *out = NULL;
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(line, sizeof line,
             "\n  - BAP saksi Hendra Saputra (peristiwa %lld, 6 Juni 2026): ", saksi);
    char *dir = harness_mkdtemp("dossier-pdf"), file[512];
    snprintf(file, sizeof file, "%s/b.pdf", dir);
    ck_assert_int_eq(cli(&out, "dossier", cid, "-o", file, NULL), 1);
    ck_assert_msg(strstr(out, line) != NULL, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "record", cid, "tahap1_sent", "--date", "2026-06-11", NULL), 1);
    ck_assert_msg(strstr(out, line) != NULL, "%s", out);
    free(out);
    free(dir);
}
END_TEST

/* ---- an answered P-19 item has its paper ------------------------------------------------- */

/* The file sent, received and returned with a P-19 of two items; item 1
 * answered by the witness's BAP (answer_act) issued by berkas, item 2
 * answered "telah dilengkapi" with nothing in the file: sending it back is
 * refused naming item 2 (round, number, text), and the dossier lists it; the
 * lab's report uploaded on that answer, the file goes back. */
START_TEST(test_an_answered_p19_item_needs_the_paper_that_answers_it)
{
    long long suspect, id = ready_case(&suspect);
    returned_with_p19(id,
                      "\"Lengkapi BAP saksi pelapor\",\"Lampirkan hasil laboratorium forensik\"");
    long long witness = party(id, "witness", "Hendra Saputra");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-18");
    fill_bap(demo.port, demo.inv, id, saksi);
    issue(id, "bap_saksi", saksi);
    char m[512];
    char *i1 = item_id(id, 1);
    char *i2 = item_id(id, 2);
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Saksi pelapor telah diperiksa\",\"answer_act\":%lld",
             i1, saksi);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%s,"
             "\"answer\":\"Telah dilengkapi\"",
             i2);
    long long answer = api_id(act(id, demo.inv, m, 201));
    free(i1);
    free(i2);
    json_t *p = refused(id, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"");
    char ref[64];
    snprintf(ref, sizeof ref, "peristiwa %lld, 19 Juni 2026", answer);
    only_gap(p, (const char *const[]){"petunjuk P-19 babak 1 no. 2",
                                      "Lampirkan hasil laboratorium forensik", ref, NULL});
    dossier_lists(id, p);
    json_decref(p);
    ck_assert_int_eq(upload_on(id, answer), 201);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
}
END_TEST

/* An item quoted in its gap is cut at 120 characters, never inside one: an item whose 120th
 * character is a curly quote (3 bytes in UTF-8) once made the gap's text no JSON string, the gap
 * fell out of the list, and the file was re-sent without the paper (found in review). */
START_TEST(test_an_item_cut_inside_a_character_is_still_a_gap)
{
    long long suspect, id = ready_case(&suspect);
    /* 119 ASCII characters, then \u201c as its 120th: byte 120 is inside it */
    char item[256], m[768];
    snprintf(item, sizeof item, "%-119.119s\u201chasil uji laboratorium\u201d",
             "Lampirkan surat keterangan dari instansi yang berwenang mengenai keaslian paspor "
             "tersangka beserta berita acaranya");
    snprintf(m, sizeof m, "\"%s\"", item);
    returned_with_p19(id, m);
    char *i1 = item_id(id, 1);
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Telah dilengkapi\"",
             i1);
    free(i1);
    json_decref(act(id, demo.inv, m, 201));
    json_t *p = refused(id, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"");
    /* the item quoted to its 120th character, that character whole, nothing after it */
    only_gap(
        p, (const char *const[]){"petunjuk P-19 babak 1 no. 1", "paspor", "\xe2\x80\x9c\"", NULL});
    const char *gap = json_string_value(json_array_get(json_object_get(p, "missing"), 0));
    ck_assert_msg(strstr(gap, "hasil uji") == NULL, "%s", gap);
    json_decref(p);
}
END_TEST

/* A file the PU has received is read as it was sent: an item answered without a paper while the
 * setting was off (as before this rule), the file re-sent and found complete (P-21), the setting
 * on again - the prosecutor and the investigator still get its dossier (found in review: 422
 * for the Kejari's own file). */
START_TEST(test_a_file_the_pu_received_is_read_as_it_was_sent)
{
    long long suspect, id = ready_case(&suspect);
    returned_with_p19(id, "\"Lampirkan hasil laboratorium forensik\"");
    char m[512];
    char *i1 = item_id(id, 1);
    harness_setting(demo.db, "dossier.p19_answers_need_paper", "false");
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Telah dilengkapi\"",
             i1);
    free(i1);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-21\"", 201));
    json_decref(act(id, demo.pros, "\"type\":\"p21_received\",\"date\":\"2026-06-25\"", 201));
    harness_setting(demo.db, "dossier.p19_answers_need_paper", "true");
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    const char *readers[] = {demo.pros, demo.inv};
    for (int k = 0; k < 2; k++) {
        char *t = fill_pdf_text(demo.port, readers[k], route);
        ck_assert_msg(strstr(t, "Lê Văn Hùng") != NULL, "%.400s", t);
        free(t);
    }
}
END_TEST

/* An answer names an act of its own case whose paper can answer it: not an
 * act of another case, nor a correction (400 problem+json, nothing written);
 * an act named that has no paper leaves its item unfulfilled. */
START_TEST(test_an_answer_names_an_act_of_its_case_with_a_paper)
{
    long long suspect, id = ready_case(&suspect), other_suspect;
    long long other = ready_case(&other_suspect);
    long long elsewhere = bap_of(other, "saksi", party(other, "witness", "Budi"), "2026-06-06");
    returned_with_p19(id, "\"Periksa saksi pelapor\"");
    char cid[24], m[512];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    char *item = item_id(id, 1);
    long long before = events_of(id);
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Telah diperiksa\",\"answer_act\":%lld",
             item, elsewhere);
    json_t *p = act(id, demo.inv, m, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "answer_act");
    json_decref(p);
    ck_assert_int_eq(events_of(id), before);
    long long saksi = bap_of(id, "saksi", party(id, "witness", "Hendra Saputra"), "2026-06-18");
    /* answered through the CLI, naming the act */
    char act_id[24], *out = NULL;
    snprintf(act_id, sizeof act_id, "%lld", saksi);
    ck_assert_msg(cli(&out, "record", cid, "instruction_answered", "--date", "2026-06-18",
                      "--instruction-id", item, "--answer", "Telah diperiksa", "--answer-act",
                      act_id, NULL) == 0,
                  "%s", out);
    free(out);
    free(item);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.events WHERE case_id = $1::bigint AND "
                               "type = 'instruction_answered' AND (payload->>'answer_act') IS "
                               "NOT NULL",
                               1, q),
                     1);
    /* the BAP named has no paper: both the BAP and the item are gaps */
    p = refused(id, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"");
    ck_assert_uint_eq(json_array_size(json_object_get(p, "missing")), 2);
    json_decref(p);
    fill_bap(demo.port, demo.inv, id, saksi);
    issue(id, "bap_saksi", saksi);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
}
END_TEST

/* The id of the case's first act of type (by its order in the log). */
static long long first_act(long long id, const char *type)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[2] = {cid, type};
    char *v = sql_value(demo.db,
                        "SELECT id FROM app.events WHERE case_id = $1::bigint AND type = $2 "
                        "ORDER BY seq LIMIT 1",
                        2, q);
    long long x = atoll(v);
    free(v);
    return x;
}

/* An answer to item naming act, dated 18 June 2026, refused 422 problem+json naming answer_act
 * with a detail holding needle, nothing written. */
static void answer_refused(long long id, const char *item, long long named, const char *needle)
{
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Telah dilengkapi\",\"answer_act\":%lld",
             item, named);
    long long before = events_of(id);
    json_t *p = act(id, demo.inv, m, 422);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "answer_act");
    const char *detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(detail && strstr(detail, needle), "%s", detail ? detail : "(no detail)");
    json_decref(p);
    ck_assert_int_eq(events_of(id), before);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[2] = {cid, item};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.instructions WHERE case_id = $1::bigint "
                               "AND id = $2::bigint AND answer IS NULL",
                               2, q),
                     1);
}

/* A P-19 item asks the investigator to complete the file (KUHAP 110(3), 138(2)): examine,
 * search, seize, keep evidence, set the Resume right - after the instruction reached him.  The
 * act an answer names is one of those, of this case, not withdrawn, dated on or after the P-19
 * (15 June 2026): not the Sprindik nor the SPDP that opened the case, not the suspect's BAP of 5
 * June the PU already had, not a withdrawn examination (422 problem+json naming answer_act,
 * nothing written); the witness's BAP of 18 June answers it (201), and with its paper the file
 * goes back. */
START_TEST(test_an_answer_names_an_act_that_completes_the_file_after_the_p19)
{
    long long suspect, id = ready_case(&suspect);
    returned_with_p19(id, "\"Periksa saksi pelapor\"");
    char *item = item_id(id, 1);
    answer_refused(id, item, first_act(id, "sprindik_issued"), "sprindik_issued");
    answer_refused(id, item, first_act(id, "spdp_sent"), "tidak melengkapi berkas");
    answer_refused(id, item, first_act(id, "bap_recorded"), "sebelum pengembalian");
    long long witness = party(id, "witness", "Hendra Saputra");
    long long gone = bap_of(id, "saksi", witness, "2026-06-17");
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-17\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dicatat keliru\"",
             gone);
    json_decref(act(id, demo.inv, m, 201));
    answer_refused(id, item, gone, "ditarik");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-18");
    fill_bap(demo.port, demo.inv, id, saksi);
    issue(id, "bap_saksi", saksi);
    /* the case page offers the item this act alone (the web's answer select) */
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *it = json_array_get(
        json_object_get(json_array_get(json_object_get(c, "p19_rounds"), 0), "items"), 0);
    json_t *offered = json_object_get(it, "answer_acts");
    ck_assert_uint_eq(json_array_size(offered), 1);
    ck_assert_int_eq(json_integer_value(json_array_get(offered, 0)), saksi);
    json_decref(c);
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Saksi pelapor telah diperiksa\",\"answer_act\":%lld",
             item, saksi);
    json_decref(act(id, demo.inv, m, 201));
    free(item);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
}
END_TEST

/* Whether the case page offers act as an answer to its first round's first item. */
static bool offered(long long id, long long act)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *it = json_array_get(
        json_object_get(json_array_get(json_object_get(c, "p19_rounds"), 0), "items"), 0);
    bool found = false;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(it, "answer_acts"), i, v) found |=
        json_integer_value(v) == act;
    json_decref(c);
    return found;
}

/* play3 #10 (KUHAP 110(3), 138(2): the file is completed as instructed): the passport seized in
 * urgency on 8 June 2026, the file sent to the PU on the 11th; the Ketua PN's approval, dated
 * the 13th, came while the PU held the file, so it was not in the file he returned with his P-19
 * of the 15th: "Lampirkan Penetapan ...".  It cannot be made again after the P-19: it is
 * attached.  Cited while it has no paper: 422 naming answer_act (nothing to attach); the
 * suspect's BAP, whose paper the file sent held: 422 (attaching it again completes nothing,
 * d33c96c); the Penetapan's scan uploaded: the answer stands (failed before: 422 'bertanggal
 * sebelum pengembalian'), the item met, the file goes back and its letter names the
 * Penetapan. */
START_TEST(test_a_penetapan_recorded_before_the_return_is_attached_as_asked)
{
    long long suspect, id = ready_case(&suspect);
    (void)suspect;
    long long sita = api_id(act(id, demo.inv,
                                "\"type\":\"seizure_done\",\"date\":\"2026-06-08\","
                                "\"urgent_reason\":\"paspor palsu hendak dimusnahkan\"",
                                201));
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"court_permit_received\",\"court\":\"Palembang\",\"date\":\"2026-06-13\","
             "\"permit_kind\":\"persetujuan\",\"permit_for\":\"penyitaan\",\"number\":\"40/"
             "Pen.Pid/2026/PN Plg\",\"approves\":%lld",
             sita);
    /* recorded while the PU holds the file, before his P-19 */
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-12\"", 201));
    long long approval = api_id(act(id, demo.inv, m, 201));
    json_decref(
        act(id, demo.pros,
            "\"type\":\"p19_received\",\"date\":\"2026-06-15\",\"instructions\":[\"Lampirkan "
            "Penetapan persetujuan Ketua PN atas penyitaan paspor\"]",
            201));
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-06-16\"", 201));
    /* the P-19's number, which the re-send letter cites, set right */
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-15\",\"corrects\":%lld,\"number\":\"B-"
             "1507/L.6.10/Eku.1/06/2026\"",
             first_act(id, "p19_received"));
    json_decref(act(id, demo.pros, m, 201));
    char *item = item_id(id, 1);
    answer_refused(id, item, approval, "belum ada dokumennya");
    answer_refused(id, item, first_act(id, "bap_recorded"), "sudah ada dalam berkas perkara");
    ck_assert(!offered(id, approval));
    ck_assert_int_eq(upload_on(id, approval), 201);
    /* the case page offers it now (the web's answer select), never the BAP the PU had */
    ck_assert(offered(id, approval));
    ck_assert(!offered(id, first_act(id, "bap_recorded")));
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-17\",\"instruction_id\":%s,"
             "\"answer\":\"Penetapan persetujuan penyitaan dilampirkan\",\"answer_act\":%lld",
             item, approval);
    free(item);
    json_decref(act(id, demo.inv, m, 201));
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.pros, NULL, 200);
    json_t *it = json_array_get(
        json_object_get(json_array_get(json_object_get(c, "p19_rounds"), 0), "items"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(it, "status")), "dipenuhi");
    ck_assert_int_eq(json_integer_value(json_object_get(it, "answer_act")), approval);
    json_decref(c);
    long long sent =
        api_id(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-18\"", 201));
    char *t = fill_document_text(demo.port, demo.inv, issue(id, "pengiriman_kembali", sent));
    ck_assert_msg(strstr(t, "Penetapan persetujuan penyitaan dilampirkan") != NULL, "%s", t);
    ck_assert_msg(strstr(t, "40/Pen.Pid/2026/PN Plg") != NULL, "%s", t);
    free(t);
}
END_TEST

/* A withdrawal recorded by mistake is itself corrected: the log says the act stands again (the
 * last correction decides, core/evlog.h), so the examination is one of the file's (KUHAP 75(1))
 * - Tahap I asks for its paper - and its paper can be issued (failed before: 422 'sudah ditarik',
 * the forms' fold kept the act withdrawn while the log and the dossier said it stood); issued,
 * the file goes. */
START_TEST(test_a_bap_whose_withdrawal_is_corrected_has_its_paper)
{
    long long suspect, id = ready_case(&suspect);
    (void)suspect;
    long long witness = party(id, "witness", "Hendra Saputra");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-06");
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-06\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dikira pemeriksaan perkara lain\"",
             saksi);
    long long w = api_id(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-06\",\"corrects\":%lld,\"bap\":\"saksi\","
             "\"party_id\":%lld,\"note\":\"penarikan keliru: pemeriksaan perkara ini\"",
             w, witness);
    json_decref(act(id, demo.inv, m, 201));
    json_t *p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    only_gap(p, (const char *const[]){"BAP saksi Hendra Saputra", "belum ada berkas", NULL});
    json_decref(p);
    fill_bap(demo.port, demo.inv, id, saksi);
    issue(id, "bap_saksi", saksi);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
}
END_TEST

/* Append, as the cluster's owner and behind berkasd's back, a correction of act ev of case id
 * dating it `date` (a BAP of whom, members payload): a log written before berkasd refused
 * re-dating the act a standing answer names.  The next write reads the log again. */
static void legacy_correction(long long id, long long ev, long long whom, const char *date,
                              const char *payload)
{
    harness_legacy_act(demo.db, id, "corrected", date, ev, whom, payload);
}

/* An answer that named a fitting act, whose act a correction has since dated before the P-19
 * (a log written before such a correction was refused), still loads.  The act, dated the 13th,
 * after the file went to the PU on the 11th, its paper made since, was in no file he returned:
 * attached now it answers the item (p19answer.h) - no gap of the answer; but the BAP's paper,
 * issued before the correction, is not the act as it stands (app/stale.h): a gap until it is
 * revoked and issued again, then the file goes back. */
START_TEST(test_an_answer_whose_act_no_longer_fits_is_a_gap_when_sent)
{
    long long suspect, id = ready_case(&suspect);
    returned_with_p19(id, "\"Periksa saksi pelapor\"");
    long long witness = party(id, "witness", "Hendra Saputra");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-18");
    fill_bap(demo.port, demo.inv, id, saksi);
    long long paper = issue(id, "bap_saksi", saksi);
    char *item = item_id(id, 1), m[512];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Saksi pelapor telah diperiksa\",\"answer_act\":%lld",
             item, saksi);
    free(item);
    json_decref(act(id, demo.inv, m, 201));
    legacy_correction(id, saksi, witness, "2026-06-13",
                      "{\"bap\":\"saksi\",\"note\":\"tanggal pemeriksaan yang benar\"}");
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_decref(call("GET", path, demo.inv, NULL, 200));
    json_t *p = refused(id, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"");
    only_gap(p,
             (const char *const[]){"Berita Acara Pemeriksaan Saksi", "diterbitkan sebelum koreksi",
                                   "cabut dan terbitkan ulang", NULL});
    dossier_lists(id, p);
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/documents/%lld/revoke", paper);
    json_decref(call("POST", path, demo.inv, "{\"note\":\"tanggal pemeriksaan dikoreksi\"}", 200));
    issue(id, "bap_saksi", saksi);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
}
END_TEST

/* An answer written before the rule (d33c96c) that names the suspect's BAP of 5 June - whose
 * paper the file sent on the 11th held, the PU returning it with the P-19 of the 15th - still
 * loads, and leaves its item unfulfilled at the re-sending although the BAP has its paper: the
 * PU had it, citing it again completes nothing (KUHAP 110(3), 138(2)); refused naming the item
 * and why; the paper that fulfils it uploaded on the answer itself, the file goes back. */
START_TEST(test_an_answer_citing_a_paper_the_pu_had_is_a_gap_when_sent)
{
    long long suspect, id = ready_case(&suspect);
    (void)suspect;
    returned_with_p19(id, "\"Periksa saksi pelapor\"");
    char *item = item_id(id, 1), payload[160], ans[24];
    long long bap = first_act(id, "bap_recorded");
    snprintf(payload, sizeof payload, "{\"instruction\":%s,\"answer_act\":%lld}", item, bap);
    long long answer =
        harness_legacy_act(demo.db, id, "instruction_answered", "2026-06-18", 0, 0, payload);
    snprintf(ans, sizeof ans, "%lld", answer);
    const char *q[2] = {item, ans};
    free(sql_value(demo.db,
                   "UPDATE app.instructions SET answer = 'Telah diperiksa', answered_by = "
                   "$2::bigint WHERE id = $1::bigint RETURNING id",
                   2, q));
    free(item);
    json_t *p = refused(id, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"");
    char ref[64];
    snprintf(ref, sizeof ref, "peristiwa %lld", bap);
    only_gap(p, (const char *const[]){"petunjuk P-19 babak 1 no. 1", ref,
                                      "sebelum petunjuk diterima", NULL});
    dossier_lists(id, p);
    json_decref(p);
    ck_assert_int_eq(upload_on(id, answer), 201);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
}
END_TEST

/* Whether every answered item needs its paper is an administrator's to change over HTTP, and the
 * change takes effect without a restart: an item answered with nothing in the file keeps the
 * file from going back; the setting set false by PUT /api/v1/settings (not SQL), it goes (201);
 * set true again. */
START_TEST(test_the_answers_setting_set_over_http_takes_effect)
{
    long long suspect, id = ready_case(&suspect);
    returned_with_p19(id, "\"Lampirkan hasil laboratorium forensik\"");
    char *item = item_id(id, 1), m[512];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Telah dilengkapi\"",
             item);
    free(item);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(refused(id, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\""));
    const char *admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
    json_decref(call("PUT", "/api/v1/settings/dossier.p19_answers_need_paper", admin,
                     "{\"value\":\"false\"}", 200));
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
    json_decref(call("PUT", "/api/v1/settings/dossier.p19_answers_need_paper", admin,
                     "{\"value\":\"true\"}", 200));
}
END_TEST

/* A correction of act ev of case id (members after "corrects") refused 422 problem+json of
 * type and field, nothing written; the body. */
static json_t *correction_refused(long long id, long long ev, const char *members, const char *type,
                                  const char *field)
{
    char m[512], want[96];
    snprintf(m, sizeof m, "\"type\":\"corrected\",\"corrects\":%lld,%s", ev, members);
    long long before = events_of(id);
    json_t *p = act(id, demo.inv, m, 422);
    snprintf(want, sizeof want, "urn:berkas:problem:%s", type);
    ck_assert_str_eq(json_string_value(json_object_get(p, "type")), want);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), field);
    ck_assert_int_eq(events_of(id), before);
    return p;
}

static void withdraw(long long id, long long ev)
{
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dicatat keliru\"",
             ev);
    json_decref(act(id, demo.inv, m, 201));
}

/* The answer to a P-19 item rests on the act it names (d33c96c: an act that completes the
 * file, dated on or after the return carrying the item, KUHAP 110(3), 138(2)).  That act is
 * not withdrawn while the answer stands - 422 dependent-act on corrects naming the answer and
 * its id to withdraw first - nor re-dated before the P-19 of 15 June (422 date-order on the
 * date, saying why), nothing written; re-dated to a day still after the P-19 it is corrected,
 * and once the answer is withdrawn the act may go. */
START_TEST(test_the_act_an_answer_names_stays_while_the_answer_stands)
{
    long long suspect, id = ready_case(&suspect);
    returned_with_p19(id, "\"Periksa saksi pelapor\"");
    long long witness = party(id, "witness", "Hendra Saputra");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-18");
    char *item = item_id(id, 1), m[512], needle[64];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Saksi pelapor telah diperiksa\",\"answer_act\":%lld",
             item, saksi);
    free(item);
    long long answer = api_id(act(id, demo.inv, m, 201));
    json_t *p = correction_refused(id, saksi, "\"date\":\"2026-06-19\",\"withdraws\":true",
                                   "dependent-act", "corrects");
    const char *detail = json_string_value(json_object_get(p, "detail"));
    snprintf(needle, sizeof needle, "tarik dulu Petunjuk P-19 dijawab (peristiwa %lld)", answer);
    ck_assert_msg(detail && strstr(detail, needle), "%s", detail ? detail : "(no detail)");
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(p, "act"), "id")), answer);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(p, "depends_on"), "id")),
                     saksi);
    json_decref(p);
    snprintf(m, sizeof m,
             "\"date\":\"2026-06-13\",\"bap\":\"saksi\",\"party_id\":%lld,\"note\":\"tanggal\"",
             witness);
    p = correction_refused(id, saksi, m, "date-order", "date");
    detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(detail && strstr(detail, "sebelum petunjuk diterima") &&
                      strstr(detail, "2026-06-15"),
                  "%s", detail ? detail : "(no detail)");
    json_decref(p);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-17\",\"corrects\":%lld,\"bap\":\"saksi\","
             "\"party_id\":%lld,\"note\":\"tanggal pemeriksaan yang benar\"",
             saksi, witness);
    json_decref(act(id, demo.inv, m, 201));
    withdraw(id, answer);
    withdraw(id, saksi);
}
END_TEST

/* ...nor the return that carried the item re-dated after it: the witness examined on the day
 * of the P-19 (15 June) answers its item; the prosecutor's correction moving the P-19 to 16
 * June would leave the answer naming an act done before the instruction reached the
 * investigator - 422 date-order on the date, nothing written. */
START_TEST(test_the_return_an_answer_follows_is_not_redated_after_its_act)
{
    long long suspect, id = ready_case(&suspect);
    returned_with_p19(id, "\"Periksa saksi pelapor\"");
    long long witness = party(id, "witness", "Hendra Saputra");
    long long saksi = bap_of(id, "saksi", witness, "2026-06-15");
    char *item = item_id(id, 1), m[512];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Saksi pelapor telah diperiksa\",\"answer_act\":%lld",
             item, saksi);
    free(item);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m, "\"type\":\"corrected\",\"date\":\"2026-06-16\",\"corrects\":%lld",
             first_act(id, "p19_received"));
    long long before = events_of(id);
    json_t *p = act(id, demo.pros, m, 422);
    ck_assert_str_eq(json_string_value(json_object_get(p, "type")),
                     "urn:berkas:problem:date-order");
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "date");
    const char *detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(detail && strstr(detail, "sebelum petunjuk diterima"), "%s",
                  detail ? detail : "(no detail)");
    json_decref(p);
    ck_assert_int_eq(events_of(id), before);
}
END_TEST

/* Tahap I sends the examination of every suspect (KUHAP 110(1), 8(3)(a); its guard asks a BAP
 * tersangka of each): one suspect's BAP does not stand in for another's.  Of two suspects, the
 * first examined twice before Tahap I: either of his BAPs may be withdrawn (201), his last one
 * not - 422 dependent-act on corrects naming Tahap I and its id, nothing written - though the
 * second suspect's BAP stands. */
START_TEST(test_a_suspects_last_bap_stays_under_tahap1_though_anothers_stands)
{
    long long first, id = ready_case(&first);
    long long second = party(id, "suspect", "Tran Thi Mai");
    char path[96], body[128], m[256];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122(a)\",\"party_id\":%lld}", second);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-04\",\"party_id\":%lld", second);
    json_decref(act(id, demo.inv, m, 201));
    long long was = first_act(id, "bap_recorded"); /* his BAP of 5 June (ready_case) */
    long long other = bap_of(id, "tersangka", second, "2026-06-06");
    long long last = bap_of(id, "tersangka", first, "2026-06-07");
    long long papers[2] = {other, last};
    for (int i = 0; i < 2; i++) {
        fill_bap(demo.port, demo.inv, id, papers[i]);
        issue(id, "bap_tersangka", papers[i]);
    }
    long long tahap1 =
        api_id(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    withdraw(id, was);
    json_t *p = correction_refused(id, last, "\"date\":\"2026-06-19\",\"withdraws\":true",
                                   "dependent-act", "corrects");
    json_t *a = json_object_get(p, "act");
    ck_assert_str_eq(json_string_value(json_object_get(a, "type")), "tahap1_sent");
    ck_assert_int_eq(json_integer_value(json_object_get(a, "id")), tahap1);
    const char *detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(detail && strstr(detail, "tarik dulu"), "%s", detail ? detail : "(no detail)");
    json_decref(p);
}
END_TEST

/* ---- the demo's files ------------------------------------------------------------------ */

/* The text of every demo dossier of a file sent to the prosecutor, as
 * token reads it, each dossier complete (200; a refusal's gaps in the
 * message); how many in *n.  Caller frees. */
static char *sent_dossiers(const char *token, int *n)
{
    json_t *list = call("GET", "/api/v1/cases?limit=100", token, NULL, 200);
    size_t i, size = 1;
    char *all = calloc(1, 1);
    json_t *c;
    *n = 0;
    json_array_foreach(json_object_get(list, "items"), i, c)
    {
        const char *stage = json_string_value(json_object_get(c, "stage"));
        if (strcmp(stage, "with_prosecutor") != 0 && strcmp(stage, "returned") != 0 &&
            strcmp(stage, "complete") != 0 && strcmp(stage, "handed_over") != 0)
            continue;
        char url[128], auth[300];
        snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/dossier.pdf", demo.port,
                 (long long)json_integer_value(json_object_get(c, "id")));
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        const char *h[] = {auth, NULL};
        struct http_result r;
        ck_assert(http_do("GET", url, NULL, 0, h, &r));
        ck_assert_msg(r.status == 200, "%s (%s): %ld %.*s", url,
                      json_string_value(json_object_get(c, "number")), r.status, (int)r.len,
                      r.body);
        http_result_free(&r);
        char route[96];
        snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf",
                 (long long)json_integer_value(json_object_get(c, "id")));
        char *t = fill_pdf_text(demo.port, token, route);
        size += strlen(t);
        all = realloc(all, size);
        strcat(all, t);
        free(t);
        (*n)++;
    }
    json_decref(list);
    return all;
}

/* Every demo file that went to the prosecutor holds what it claims: its
 * dossier is complete; the Palembang file's witness (case 3) and the
 * Pontianak file's witness and expert, whose BAPs answer its P-19 (case 4),
 * are in them. */
START_TEST(test_every_demo_file_sent_holds_its_papers)
{
    int n_plg, n_ptk;
    char *plg = sent_dossiers(demo.pros, &n_plg);
    const char *ptk_pros = demo_server_login(&demo, NIP_PROS_PTK);
    char *ptk = sent_dossiers(ptk_pros, &n_ptk);
    ck_assert_int_ge(n_plg, 3);
    ck_assert_int_ge(n_ptk, 1);
    ck_assert_msg(strstr(plg, "Hendra Saputra") != NULL, "no witness BAP in Palembang's files");
    ck_assert_msg(strstr(ptk, "Rizky Pratama") && strstr(ptk, "Wulan Sari"),
                  "no witness or expert BAP in Pontianak's file");
    free(plg);
    free(ptk);
}
END_TEST

/* ---- a paper whose act was withdrawn ----------------------------------------------------- */

/* The case's stale_papers entry of document doc, or NULL. */
static json_t *stale_of(json_t *c, long long doc)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(c, "stale_papers"), i, s)
    {
        if (json_integer_value(json_object_get(s, "document_id")) == doc)
            return s;
    }
    return NULL;
}

static bool flagged(json_t *flags, const char *code)
{
    size_t i;
    json_t *f;
    json_array_foreach(flags, i, f)
    {
        const char *c = json_is_string(f) ? json_string_value(f)
                                          : json_string_value(json_object_get(f, "code"));
        if (c && strcmp(c, code) == 0)
            return true;
    }
    return false;
}

/* Whether the Palembang supervisor's review board flags case id stale_papers (listed). */
static bool board_flags_stale(long long id)
{
    const char *sup = demo_server_login(&demo, NIP_SUP_PLG);
    json_t *l = call("GET", "/api/v1/review?limit=100", sup, NULL, 200);
    size_t i;
    json_t *it;
    int found = -1;
    json_array_foreach(json_object_get(l, "items"), i, it)
    {
        if (json_integer_value(json_object_get(it, "case_id")) == id)
            found = flagged(json_object_get(it, "flags"), "stale_papers");
    }
    json_decref(l);
    ck_assert_msg(found >= 0, "case %lld not on the supervisor's board", id);
    return found == 1;
}

/* The actions entry s offers its reader, as one comma-joined text. */
static void actions_are(json_t *s, const char *want)
{
    char got[100] = "";
    size_t i, n = 0;
    json_t *a;
    json_array_foreach(json_object_get(s, "actions"), i, a)
    {
        n += (size_t)snprintf(got + n, sizeof got - n, "%s%s", i ? "," : "", json_string_value(a));
    }
    ck_assert_msg(json_is_array(json_object_get(s, "actions")), "no actions");
    ck_assert_str_eq(got, want);
}

static json_t *case_of(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return call("GET", path, demo.inv, NULL, 200);
}

static void doc_post(long long doc, const char *what, const char *token, const char *body,
                     long want)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/documents/%lld/%s", doc, what);
    json_decref(call("POST", path, token, body, want));
}

/* DOMAIN 12 (a paper is its act's) and the withdrawal (evlog.h: the log says the act never
 * stood): a BA Penyitaan issued for a seizure of 5 June 2026 recorded by mistake and then
 * withdrawn is a paper of no act.  A Penuntut Umum given a file holding it returns it (P-19):
 * the case lists it among its stale papers as withdrawn, the supervisors' board flags the file,
 * Tahap I and the dossier name it as a gap until it is revoked, it cannot be issued again (nor
 * anew: there is no act to issue it for), and once revoked it is no part of the file sent. */
START_TEST(test_the_paper_of_a_withdrawn_act_is_revoked_before_the_file_is_sent)
{
    long long suspect, id = ready_case(&suspect);
    char m[512], path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Republik Sosialis Vietnam Nomor C1234567\",\"quantity\":"
             "\"1 (satu) buku\",\"seized_from\":%lld,\"seized_on\":\"2026-06-05\",\"storage\":"
             "\"Rupbasan Kelas I Palembang\"}",
             suspect);
    json_decref(call("POST", path, demo.inv, m, 201));
    long long izin = api_id(act(id, demo.inv,
                                "\"type\":\"court_permit_received\",\"court\":\"Palembang\","
                                "\"date\":\"2026-06-04\",\"permit_kind\":\"izin\",\"permit_for\":"
                                "\"penyitaan\",\"number\":\"9/Pen.Pid/2026/PN Plg\"",
                                201));
    /* its order numbered outside berkas, recorded with it: the BA cites it (KUHAP 38, 75) */
    snprintf(m, sizeof m,
             "\"type\":\"seizure_done\",\"date\":\"2026-06-05\",\"scene\":\"Jalan Merdeka Nomor 5, "
             "Palembang\",\"permit_act\":%lld,\"number\":"
             "\"SP.Sita/31/VI/2026/Kanim Plg\"",
             izin);
    long long sita = api_id(act(id, demo.inv, m, 201));
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1); /* the passport */
    ck_assert_int_eq(upload_on(id, izin), 201); /* the Penetapan's copy, in the file with it */
    long long ba = issue(id, "ba_penyitaan", sita);
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    /* the paper is the file's while its act stands */
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    ck_assert_msg(strstr(t, "Berita Acara Penyitaan") != NULL, "BA not in the file: %.600s", t);
    free(t);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-05\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dicatat keliru: tidak ada penyitaan\"",
             sita);
    json_t *w = act(id, demo.inv, m, 201);
    long long wid = json_integer_value(json_object_get(w, "id"));
    long long wseq = json_integer_value(json_object_get(w, "seq"));
    ck_assert_int_gt(wseq, 0);
    json_decref(w);
    /* the case lists it, as withdrawn, with the withdrawal */
    json_t *c = case_of(id);
    json_t *s = stale_of(c, ba);
    char *all = json_dumps(json_object_get(c, "stale_papers"), JSON_COMPACT);
    ck_assert_msg(s != NULL, "the withdrawn seizure's BA not listed stale: %s", all);
    ck_assert_str_eq(json_string_value(json_object_get(s, "form")), "ba_penyitaan");
    ck_assert_int_eq(json_integer_value(json_object_get(s, "event_id")), sita);
    ck_assert_msg(json_is_true(json_object_get(s, "withdrawn")), "not said withdrawn: %s", all);
    json_t *f = json_object_get(s, "fields");
    ck_assert_msg(json_array_size(f) == 1 &&
                      strcmp(json_string_value(json_array_get(f, 0)), "withdrawn") == 0,
                  "fields: %s", all);
    ck_assert_int_eq(json_integer_value(json_object_get(s, "correction_id")), wid);
    ck_assert_int_eq(json_integer_value(json_object_get(s, "correction_seq")), wseq);
    ck_assert(flagged(json_object_get(c, "flags"), "stale_papers"));
    /* in words; revoked, never issued again */
    actions_are(s, "revoke");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(s, "labels"), 0)),
                     "tindakan ditarik");
    free(all);
    json_decref(c);
    ck_assert_msg(board_flags_stale(id), "the board does not flag the withdrawn act's paper");
    /* a blocking gap of Tahap I, the same in the dossier asked for */
    json_t *p = refused(id, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"");
    only_gap(p, (const char *const[]){"Berita Acara Penyitaan", "ditarik", "cabut", NULL});
    dossier_lists(id, p);
    json_decref(p);
    /* nothing to issue it again for: the reissue refused and nothing revoked, nor issued anew */
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", ba);
    p = call("POST", path, demo.inv, "{\"note\":\"tindakannya ditarik\"}", 422);
    char *detail = json_dumps(p, JSON_COMPACT);
    ck_assert_msg(strstr(detail, "ditarik") != NULL, "reissue refusal: %s", detail);
    free(detail);
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/ba_penyitaan", id);
    snprintf(m, sizeof m, "{\"event\":%lld}", sita);
    p = call("POST", path, demo.inv, m, 422);
    detail = json_dumps(p, JSON_COMPACT);
    ck_assert_msg(strstr(detail, "ditarik") != NULL, "issue refusal: %s", detail);
    free(detail);
    json_decref(p);
    /* who may not revoke it, and a revocation without a reason */
    const char *mre = demo_server_login(&demo, NIP_INV_MRE);
    const char *sup = demo_server_login(&demo, NIP_SUP_PLG);
    doc_post(ba, "revoke", mre, "{\"note\":\"tindakannya ditarik\"}", 404);
    doc_post(ba, "revoke", sup, "{\"note\":\"tindakannya ditarik\"}", 403);
    doc_post(ba, "revoke", demo.inv, "{\"note\":\"  \"}", 400);
    c = case_of(id);
    ck_assert_msg(stale_of(c, ba) != NULL, "a refused reissue or revocation changed something");
    json_decref(c);
    ck_assert_int_eq(count_of("SELECT count(*) FROM app.documents WHERE case_id = $1::bigint AND "
                              "form = 'ba_penyitaan'",
                              id),
                     1);
    /* a paper issued after its act was withdrawn, as berkas let one be before: the same (the
     * case's papers' issue moved after the withdrawal by hand, as no request can issue one now) */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    free(sql_value(demo.db,
                   "WITH u AS (UPDATE app.documents SET issued_at = now() WHERE case_id = "
                   "$1::bigint RETURNING id) SELECT count(*) FROM u",
                   1, q));
    c = case_of(id);
    s = stale_of(c, ba);
    ck_assert_msg(s && json_is_true(json_object_get(s, "withdrawn")),
                  "a paper issued after the withdrawal not listed");
    json_decref(c);
    ck_assert(board_flags_stale(id));
    /* revoked: nothing stale, no flag, no gap, and the file sent holds no BA Penyitaan */
    doc_post(ba, "revoke", demo.inv, "{\"note\":\"penyitaan ditarik: dicatat keliru\"}", 200);
    c = case_of(id);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    ck_assert(!flagged(json_object_get(c, "flags"), "stale_papers"));
    json_decref(c);
    ck_assert(!board_flags_stale(id));
    t = fill_pdf_text(demo.port, demo.inv, route);
    ck_assert_msg(strstr(t, "Berita Acara Penyitaan") == NULL, "revoked BA in the file: %.3000s",
                  t);
    free(t);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
}
END_TEST

/* A stale paper offers revoke and reissue to whoever may do them, and to nobody else: the
 * Sprindik re-dated after the file went to the Penuntut Umum (Tahap I) leaves its paper stale,
 * but the investigator does not revoke a paper of a file the prosecutor examines (KUHAP 110,
 * 138: 409), nor the prosecutor an investigator's paper (403), nor the supervisor any (403):
 * no actions for any of them, and the server refuses each as it says.  Returned with a P-19,
 * the investigator may again. */
START_TEST(test_a_stale_paper_offers_what_its_reader_may_do)
{
    long long suspect, id = ready_case(&suspect);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-12\"", 201));
    long long sprindik = first_act(id, "sprindik_issued");
    char m[256];
    snprintf(m, sizeof m, "\"type\":\"corrected\",\"date\":\"2026-06-01\",\"corrects\":%lld",
             sprindik);
    json_decref(act(id, demo.inv, m, 201));
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    char *v = sql_value(demo.db,
                        "SELECT id FROM app.documents WHERE case_id = $1::bigint AND form = "
                        "'sprindik'",
                        1, q);
    long long doc = atoll(v);
    free(v);
    const char *sup = demo_server_login(&demo, NIP_SUP_PLG);
    const char *who[3] = {demo.inv, demo.pros, sup};
    for (int k = 0; k < 3; k++) {
        char path[64];
        snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
        json_t *c = call("GET", path, who[k], NULL, 200);
        json_t *s = stale_of(c, doc);
        ck_assert_msg(s != NULL, "the re-dated Sprindik's paper not listed to reader %d", k);
        actions_are(s, "");
        ck_assert_str_eq(json_string_value(json_array_get(json_object_get(s, "labels"), 0)),
                         "tanggal");
        json_decref(c);
    }
    doc_post(doc, "revoke", demo.inv, "{\"note\":\"tanggal dikoreksi\"}", 409);
    doc_post(doc, "reissue", demo.pros, "{\"note\":\"tanggal dikoreksi\"}", 403);
    doc_post(doc, "revoke", sup, "{\"note\":\"tanggal dikoreksi\"}", 403);
    json_decref(act(id, demo.pros,
                    "\"type\":\"p19_received\",\"date\":\"2026-06-15\",\"instructions\":[\"Periksa "
                    "saksi pelapor\"]",
                    201));
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-06-16\"", 201));
    json_t *c = case_of(id);
    actions_are(stale_of(c, doc), "revoke,reissue");
    json_decref(c);
}
END_TEST

/* A file that ended in prapenyidikan - TAK (UU 6/2011 Pasal 75) or dismissed - was never
 * investigated: no Surat Perintah Penyidikan, so no berkas perkara (KUHAP 8(1), 75: the file holds
 * the investigation's papers).  Its dossier is refused as such (409 saying so), not as a file
 * missing a Sprindik, an SPDP, a BAP and a Resume it never could have; its Laporan stays its own
 * paper.  A file stopped by SP3 after a Sprindik and then diverted to TAK was investigated: its
 * dossier lists what it lacks as any other's does (422). */
START_TEST(test_a_file_ended_before_investigation_has_no_dossier)
{
    const char *ends[] = {"tak_decided", "dismissed"};
    for (int k = 0; k < 2; k++) {
        long long id = api_id(call("POST", "/api/v1/cases", demo.inv,
                                   "{\"source\":\"jagratara\",\"opened_on\":\"2026-06-01\","
                                   "\"summary\":\"Uji berakhir di prapenyidikan\"}",
                                   201));
        char m[128], path[96];
        snprintf(m, sizeof m, "\"type\":\"%s\",\"date\":\"2026-06-03\",\"note\":\"uji\"", ends[k]);
        json_decref(act(id, demo.inv, m, 201));
        snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
        json_t *p = call("GET", path, demo.inv, NULL, 409);
        const char *detail = json_string_value(json_object_get(p, "detail"));
        ck_assert_msg(detail && strstr(detail, "prapenyidikan") &&
                          strstr(detail, "tanpa Surat Perintah Penyidikan"),
                      "%s: %s", ends[k], detail ? detail : "(no detail)");
        ck_assert_msg(json_object_get(p, "missing") == NULL, "%s: lists papers to make", ends[k]);
        json_decref(p);
        ck_assert_int_gt(issue(id, "laporan_kejadian", 0), 0);
    }
    /* investigated, stopped, then TAK: the file's own gaps */
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv,
                               "{\"source\":\"jagratara\",\"opened_on\":\"2026-06-01\","
                               "\"summary\":\"Uji SP3 lalu TAK\"}",
                               201));
    json_decref(act(id, demo.inv, "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\"", 201));
    json_decref(act(id, demo.inv,
                    "\"type\":\"sp3_issued\",\"date\":\"2026-06-05\",\"ground\":"
                    "\"tidak_cukup_bukti\",\"polri_involved\":true",
                    201));
    json_decref(act(id, demo.inv, "\"type\":\"tak_decided\",\"date\":\"2026-06-06\"", 201));
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
    json_t *p = call("GET", path, demo.inv, NULL, 422);
    ck_assert(json_array_size(json_object_get(p, "missing")) > 0);
    json_decref(p);
}
END_TEST

Suite *suite_dossier(void)
{
    Suite *s = suite_create("dossier");
    TCase *tc = tcase_create("dossier");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 120);
    /* first: the demo's files alone in the database */
    tcase_add_test(tc, test_every_demo_file_sent_holds_its_papers);
    tcase_add_test(tc, test_tahap1_waits_for_the_paper_of_every_bap);
    tcase_add_test(tc, test_a_bap_of_no_one_is_a_gap_and_a_withdrawn_one_needs_nothing);
    tcase_add_test(tc, test_a_bap_names_whom_its_latest_correction_names);
    tcase_add_test(tc, test_the_cli_shows_each_gap_on_its_own_line);
    tcase_add_test(tc, test_an_answered_p19_item_needs_the_paper_that_answers_it);
    tcase_add_test(tc, test_an_item_cut_inside_a_character_is_still_a_gap);
    tcase_add_test(tc, test_a_file_the_pu_received_is_read_as_it_was_sent);
    tcase_add_test(tc, test_an_answer_names_an_act_of_its_case_with_a_paper);
    tcase_add_test(tc, test_an_answer_names_an_act_that_completes_the_file_after_the_p19);
    tcase_add_test(tc, test_an_answer_whose_act_no_longer_fits_is_a_gap_when_sent);
    tcase_add_test(tc, test_an_answer_citing_a_paper_the_pu_had_is_a_gap_when_sent);
    tcase_add_test(tc, test_a_bap_whose_withdrawal_is_corrected_has_its_paper);
    tcase_add_test(tc, test_the_act_an_answer_names_stays_while_the_answer_stands);
    tcase_add_test(tc, test_the_return_an_answer_follows_is_not_redated_after_its_act);
    tcase_add_test(tc, test_a_suspects_last_bap_stays_under_tahap1_though_anothers_stands);
    tcase_add_test(tc, test_the_answers_setting_set_over_http_takes_effect);
    tcase_add_test(tc, test_the_ketua_pns_approval_answers_the_item_that_asks_for_it);
    tcase_add_test(tc, test_the_ketua_pns_penetapan_of_a_search_or_seizure_is_in_the_file);
    tcase_add_test(tc, test_a_penetapan_recorded_before_the_return_is_attached_as_asked);
    tcase_add_test(tc, test_the_paper_of_a_withdrawn_act_is_revoked_before_the_file_is_sent);
    tcase_add_test(tc, test_a_stale_paper_offers_what_its_reader_may_do);
    tcase_add_test(tc, test_a_file_ended_before_investigation_has_no_dossier);
    suite_add_tcase(s, tc);
    return s;
}
