/*
 * test_blanks.c - a numbered paper never prints a blank ("......", "Nomor -")
 * for a fact it must state: over real HTTP against a real berkasd on the demo
 * data, papers read back with pdftotext.
 *
 * Expectations come from the law (DOMAIN.md 4.7-4.9, 7.3, 12), not from the
 * code:
 *   - a Berita Acara records the execution of an order and cites it by its
 *     number and date (KUHAP 75; the arrest 18(1), the detention 21(2), the
 *     seizure 38-39): the order's number is its act's one number (its paper
 *     issued by berkas, or the number it was given outside); while it has
 *     none, the Berita Acara is not issued (422 saying to issue the order
 *     first), nothing is numbered, and a draft keeps its dotted line.
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

#define SUSPECT "Trần Văn Minh"

static long long documents(void)
{
    return sql_count(demo.db, "SELECT count(*) FROM app.documents", 0, NULL);
}

/* A Palembang case opened on opened, its Vietnamese suspect charged with Pasal 122 (*party),
 * a Sprindik of sprindik with its paper. */
static long long case_opened(const char *opened, const char *sprindik, long long *party)
{
    char body[600], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji kertas tanpa "
             "titik\",\"kejari_id\":%lld}",
             opened, demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"VN\",\"passport_no\":"
             "\"C1122334\",\"sex\":\"L\",\"birth_date\":\"1988-07-01\",\"birth_place\":\"Hà "
             "Nội\",\"address_id\":\"Jalan Sudirman Nomor 3, Palembang\"}",
             SUSPECT);
    json_t *p = call("POST", path, demo.inv, body, 201);
    *party = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", *party);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"sprindik_issued\",\"date\":\"%s\",\"issue\":[\"sprindik\"]}", sprindik);
    json_decref(call("POST", path, demo.inv, body, 201));
    return id;
}

/* Record an act (members without braces), no paper: its id. */
static long long act(long long id, const char *members)
{
    char path[96], body[1400];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s}", members);
    json_t *e = call("POST", path, demo.inv, body, 201);
    long long k = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    return k;
}

/* Issue form for act event with params (JSON object text); the reply. */
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

/* Issuing ba for act event is refused while its order has no number: 422 whose detail names
 * the order's number and says to issue the order first, nothing written. */
static void refused_before_its_order(long long id, const char *ba, long long event,
                                     const char *order)
{
    long long before = documents();
    json_t *p = issue(id, ba, event, "{}", 422);
    char want[160];
    snprintf(want, sizeof want, "nomor %s", order);
    ck_assert_msg(strstr(str(p, "detail"), want), "%s: %s", ba, str(p, "detail"));
    snprintf(want, sizeof want, "terbitkan dahulu %s", order);
    ck_assert_msg(strstr(str(p, "detail"), want), "%s: %s", ba, str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(documents(), before);
}

/* ba issued for event after its order (sp) was: it cites the order by the number the order
 * was issued with and the act's date, with no dotted line for it. */
static void cites_its_order(long long id, const char *sp, const char *ba, long long event,
                            const char *order, const char *date)
{
    json_t *o = issue(id, sp, event, "{}", 201);
    json_t *d = issue(id, ba, event, "{}", 201);
    char *t = text_of_doc(d), cite[300];
    snprintf(cite, sizeof cite, "%s Nomor %s, tanggal %s", order, str(o, "number"), date);
    assert_has(t, cite, ba);
    snprintf(cite, sizeof cite, "%s Nomor ....", order);
    assert_lacks(t, cite, ba);
    free(t);
    json_decref(d);
    json_decref(o);
}

/* KUHAP 75 with 18(1), 21(2), 38-39 (DOMAIN 4.7-4.9): the Berita Acara of an arrest, a
 * detention and a seizure cite the Surat Perintah they execute by number and date.  Found in
 * a returned file: each printed "Surat Perintah ... Nomor ......" when the order's paper was
 * never issued in berkas. */
START_TEST(test_a_berita_acara_cites_the_order_it_executes_by_number)
{
    long long party, id = case_opened("2026-02-02", "2026-02-03", &party);
    char m[600], path[96];
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-02-04T08:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/11/II/2026/Ditreskrimsus\",\"scene\":\"Hotel Sriwijaya "
             "kamar 12, Palembang\"",
             party);
    long long kap = act(id, m);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Republik Sosialis Vietnam Nomor C1122334\",\"quantity\":"
             "\"1 (satu) buku\",\"seized_from\":%lld,\"seized_on\":\"2026-02-04\",\"storage\":"
             "\"Rupbasan Kelas I Palembang\"}",
             party);
    json_decref(call("POST", path, demo.inv, m, 201));
    long long sita =
        act(id, "\"type\":\"seizure_done\",\"at\":\"2026-02-04T09:00:00+07:00\",\"scene\":\"Hotel "
                "Sriwijaya kamar 12, Palembang\","
                "\"urgent_reason\":\"paspor dapat dihilangkan pemiliknya\"");
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1); /* the passport */
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-02-05T07:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"facility\":\"Rumah Tahanan Negara Kelas I "
             "Palembang\",\"polri_order\":\"SP.Han/12/II/2026/Ditreskrimsus\"",
             party);
    long long han = act(id, m);
    /* before its order: refused, nothing numbered */
    refused_before_its_order(id, "ba_penangkapan", kap, "Surat Perintah Penangkapan");
    refused_before_its_order(id, "ba_penahanan", han, "Surat Perintah Penahanan");
    refused_before_its_order(id, "ba_penyitaan", sita, "Surat Perintah Penyitaan");
    /* a draft is not numbered: it keeps the line to fill by hand */
    char route[160];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/ba_penahanan.pdf?party=pihak-%lld", id,
             party);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "Surat Perintah Penahanan Nomor ....", "the draft BA Penahanan");
    free(t);
    /* the order issued first, as a PPNS does: the BA cites it */
    cites_its_order(id, "sp_penangkapan", "ba_penangkapan", kap, "Surat Perintah Penangkapan",
                    "4 Februari 2026");
    cites_its_order(id, "sp_penahanan", "ba_penahanan", han, "Surat Perintah Penahanan",
                    "5 Februari 2026");
    cites_its_order(id, "sp_penyitaan", "ba_penyitaan", sita, "Surat Perintah Penyitaan",
                    "4 Februari 2026");
    /* an order numbered outside berkas (recorded with its act): cited by that number */
    long long out =
        act(id, "\"type\":\"seizure_done\",\"at\":\"2026-02-06T10:00:00+07:00\",\"scene\":\"Hotel "
                "Sriwijaya kamar 12, Palembang\","
                "\"number\":\"SP.Sita/21/II/2026/Kanim Plg\",\"urgent_reason\":"
                "\"telepon genggam dapat dihapus isinya\"");
    snprintf(m, sizeof m,
             "{\"description\":\"1 (satu) unit telepon genggam\",\"seized_from\":%lld,"
             "\"seizure_event\":%lld}",
             party, out);
    json_decref(call("POST", path, demo.inv, m, 201));
    json_t *d = issue(id, "ba_penyitaan", out, "{}", 201);
    t = text_of_doc(d);
    assert_has(t,
               "Surat Perintah Penyitaan Nomor SP.Sita/21/II/2026/Kanim Plg, tanggal 6 "
               "Februari 2026",
               "BA Penyitaan of an order numbered outside berkas");
    free(t);
    json_decref(d);
    /* where it was seized is its act's too (KUHAP 75): none recorded nor given, refused */
    long long nowhere = act(id, "\"type\":\"seizure_done\",\"at\":\"2026-02-06T11:00:00+07:00\","
                                "\"number\":\"SP.Sita/22/II/2026/Kanim Plg\",\"urgent_reason\":"
                                "\"dokumen dapat dimusnahkan\"");
    snprintf(m, sizeof m, "{\"description\":\"1 (satu) map dokumen\",\"seizure_event\":%lld}",
             nowhere);
    json_decref(call("POST", path, demo.inv, m, 201));
    long long before = documents();
    json_t *p = issue(id, "ba_penyitaan", nowhere, "{}", 422);
    ck_assert_msg(strstr(str(p, "detail"), "tempat penyitaan (param scene)"), "%s",
                  str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(documents(), before);
    d = issue(id, "ba_penyitaan", nowhere, "{\"scene\":\"Kantor Imigrasi Palembang\"}", 201);
    t = text_of_doc(d);
    assert_has(t, "bertempat di Kantor Imigrasi Palembang,", "BA Penyitaan: where");
    free(t);
    json_decref(d);
}
END_TEST

/* A Berita Acara states the day and hour of its act (KUHAP 75; DOMAIN 7.3): the hour when the
 * act was recorded with one, and no "pukul" at all when it was recorded by its date alone -
 * never "pukul ........." in a numbered paper.  An arrest is the act whose hour the law counts
 * (KUHAP 19(1): one day of 24 hours from the arrest; DOMAIN 5.1: "record time and zone in the BA
 * Penangkapan"): its BA is refused without an hour (422 naming it), and printed with the hour
 * once given.  Found in a returned file: BAs of acts recorded with a date printed "pukul
 * ........." */
START_TEST(test_a_berita_acara_states_the_hour_of_its_act_or_no_hour)
{
    long long party, id = case_opened("2026-03-02", "2026-03-03", &party);
    char m[600], path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Republik Sosialis Vietnam Nomor C1122334\",\"quantity\":"
             "\"1 (satu) buku\",\"seized_from\":%lld,\"seized_on\":\"2026-03-04\",\"storage\":"
             "\"Rupbasan Kelas I Palembang\"}",
             party);
    json_decref(call("POST", path, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"interpreter_sworn\",\"date\":\"2026-03-04\",\"party_id\":%lld", party);
    long long sumpah = act(id, m);
    long long dah = act(id, "\"type\":\"search_done\",\"date\":\"2026-03-04\",\"scene\":\"rumah "
                            "kos Jalan Merdeka Nomor 5, Palembang\",\"urgent_reason\":\"tersangka "
                            "hendak melarikan diri\"");
    long long sita =
        act(id, "\"type\":\"seizure_done\",\"date\":\"2026-03-04\",\"scene\":\"rumah kos Jalan "
                "Merdeka Nomor 5, Palembang\",\"urgent_reason\":"
                "\"paspor dapat dihilangkan pemiliknya\"");
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1); /* the passport */
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"date\":\"2026-03-05\",\"party_id\":%lld,\"detention_type\":"
             "\"rutan\",\"facility\":\"Rumah Tahanan Negara Kelas I Palembang\",\"polri_order\":"
             "\"SP.Han/15/III/2026/Ditreskrimsus\"",
             party);
    long long han = act(id, m);
    char *items = api_evidence_ids(demo.port, id, demo.inv);
    snprintf(m, sizeof m,
             "\"type\":\"evidence_deposited\",\"date\":\"2026-03-06\",\"place\":\"Rupbasan Kelas I "
             "Palembang\",\"items\":%s",
             items);
    free(items);
    long long titip = act(id, m);
    json_decref(issue(id, "sp_penggeledahan", dah, "{}", 201));
    json_decref(issue(id, "sp_penyitaan", sita, "{}", 201));
    json_decref(issue(id, "sp_penahanan", han, "{}", 201));
    static const struct {
        const char *form, *params, *day;
    } bas[] = {
        {"ba_sumpah_penerjemah", "{\"interpreter\":\"Nguyễn Thị Lan\",\"language\":\"Vietnam\"}",
         "Rabu tanggal empat bulan Maret tahun dua ribu dua puluh enam, saya"},
        {"ba_penggeledahan", "{\"result\":\"ditemukan 1 (satu) buku paspor\"}",
         "Rabu tanggal empat bulan Maret tahun dua ribu dua puluh enam, saya"},
        {"ba_penyitaan", "{}",
         "Rabu tanggal empat bulan Maret tahun dua ribu dua puluh enam, saya"},
        {"ba_pembungkusan", "{}",
         "Rabu tanggal empat bulan Maret tahun dua ribu dua puluh enam, saya"},
        {"ba_penahanan", "{}",
         "Kamis tanggal lima bulan Maret tahun dua ribu dua puluh enam, saya"},
        {"ba_penitipan", "{}",
         "Jumat tanggal enam bulan Maret tahun dua ribu dua puluh enam, saya"},
    };
    const long long acts[] = {sumpah, dah, sita, sita, han, titip};
    for (size_t i = 0; i < sizeof bas / sizeof bas[0]; i++) {
        json_t *d = issue(id, bas[i].form, acts[i], bas[i].params, 201);
        char *t = text_of_doc(d);
        assert_has(t, bas[i].day, bas[i].form);
        assert_lacks(t, "pukul", bas[i].form);
        free(t);
        json_decref(d);
    }
    /* recorded with its hour: stated, with the office's zone */
    snprintf(
        m, sizeof m,
        "\"type\":\"interpreter_sworn\",\"at\":\"2026-03-06T14:30:00+07:00\",\"party_id\":%lld",
        party);
    json_t *d = issue(id, "ba_sumpah_penerjemah", act(id, m), bas[0].params, 201);
    char *t = text_of_doc(d);
    assert_has(t, "tahun dua ribu dua puluh enam, pukul 14.30",
               "BA Sumpah of an act with its hour");
    assert_has(t, "WIB, saya", "BA Sumpah of an act with its hour");
    free(t);
    json_decref(d);
    /* an arrest recorded by its date alone: its BA is refused, nothing numbered */
    long long other, id2 = case_opened("2026-03-02", "2026-03-03", &other);
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"date\":\"2026-03-04\",\"party_id\":%lld,\"polri_order\":"
             "\"SP.Kap/16/III/2026/Ditreskrimsus\"",
             other);
    long long kap = act(id2, m);
    json_decref(issue(id2, "sp_penangkapan", kap, "{}", 201));
    long long before = documents();
    json_t *p = issue(id2, "ba_penangkapan", kap, "{}", 422);
    ck_assert_msg(strstr(str(p, "detail"), "pukul penangkapan"), "%s", str(p, "detail"));
    /* nor where (KUHAP 75: the BA states where the act was done): both named at once */
    ck_assert_msg(strstr(str(p, "detail"), "tempat penangkapan (param scene)"), "%s",
                  str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(documents(), before);
    /* with its hour given: stated */
    d = issue(id2, "ba_penangkapan", kap,
              "{\"time\":\"10:30\",\"scene\":\"Bandara Sultan Mahmud Badaruddin II\"}", 201);
    t = text_of_doc(d);
    assert_has(t, "Penangkapan dilakukan di Bandara Sultan Mahmud Badaruddin II,",
               "BA Penangkapan: where");
    assert_has(t, "tahun dua ribu dua puluh enam, pukul 10.30", "BA Penangkapan with its hour");
    assert_lacks(t, "pukul ....", "BA Penangkapan with its hour");
    free(t);
    json_decref(d);
}
END_TEST

/* The Berita Acara of a search states its course and its result (KUHAP 126(1): "berita acara
 * tentang jalannya dan hasil penggeledahan"; 33(5)): issued without what was found it is refused
 * (422 naming the param, nothing numbered), never "Hasil penggeledahan: ......"; a draft keeps
 * the dotted line; what was found, also nothing, is printed as given. */
START_TEST(test_the_search_berita_acara_states_what_was_found)
{
    long long party, id = case_opened("2026-04-01", "2026-04-02", &party);
    long long dah = act(id, "\"type\":\"search_done\",\"at\":\"2026-04-03T10:00:00+07:00\","
                            "\"scene\":\"gudang Jalan Sudirman Nomor 9, Palembang\",\"urgent_"
                            "reason\":\"tersangka hendak melarikan diri\"");
    json_decref(issue(id, "sp_penggeledahan", dah, "{}", 201));
    long long before = documents();
    json_t *p = issue(id, "ba_penggeledahan", dah, "{}", 422);
    ck_assert_msg(strstr(str(p, "detail"), "hasil penggeledahan (param result)"), "%s",
                  str(p, "detail"));
    json_decref(p);
    p = issue(id, "ba_penggeledahan", dah, "{\"result\":\"  \"}", 422);
    json_decref(p);
    ck_assert_int_eq(documents(), before);
    char route[128];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/ba_penggeledahan.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "Hasil penggeledahan: ....", "the draft BA Penggeledahan");
    free(t);
    json_t *d = issue(id, "ba_penggeledahan", dah,
                      "{\"result\":\"tidak ditemukan benda yang berkaitan dengan tindak "
                      "pidana\"}",
                      201);
    t = text_of_doc(d);
    assert_has(t, "Hasil penggeledahan: tidak ditemukan benda yang berkaitan dengan tindak pidana.",
               "BA Penggeledahan");
    assert_lacks(t, "Hasil penggeledahan: ....", "BA Penggeledahan");
    free(t);
    json_decref(d);
}
END_TEST

/* The order to detain names the place (KUHAP 21(2): "tempat ia ditahan") and, under UU 20/2025,
 * the Polri investigator's order it was given on (Pasal 99(3); the rule set's
 * detention_needs_polri_order, asked when the act is recorded).  A detention recorded without a
 * Polri order (one recorded before the rule, as an older berkasd's log has it) cites none -
 * never "perintah Penyidik Kepolisian ... Nomor ......"; one recorded with it cites it.  Without
 * a place the SP and the BA Penahanan are refused (422 naming the param), never "di ......". */
START_TEST(test_the_detention_order_states_its_place_and_polri_order_or_none)
{
    long long party, id = case_opened("2026-05-04", "2026-05-05", &party);
    long long old = harness_legacy_act(demo.db, id, "detained", "2026-05-06", 0, party,
                                       "{\"detention_type\": \"rutan\", \"facility\": \"Rumah "
                                       "Tahanan Negara Kelas I Palembang\"}");
    json_t *d = issue(id, "sp_penahanan", old, "{}", 201);
    char *t = text_of_doc(d);
    assert_has(t, "Rumah Tahanan Negara Kelas I Palembang", "SP Penahanan");
    assert_lacks(t, "perintah Penyidik Kepolisian", "SP Penahanan without a Polri order");
    assert_lacks(t, "....", "SP Penahanan without a Polri order");
    assert_has(t, "tanggal 5 Mei 2026. ", "SP Penahanan: the Dasar ends at the Sprindik");
    free(t);
    json_decref(d);
    /* with the Polri order: cited */
    long long other, id2 = case_opened("2026-05-04", "2026-05-05", &other);
    char m[600];
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"date\":\"2026-05-06\",\"party_id\":%lld,\"detention_type\":"
             "\"rutan\",\"polri_order\":\"SP.Han/20/V/2026/Ditreskrimsus\"",
             other);
    long long han = act(id2, m);
    /* no place recorded nor given: the order and its BA are refused, nothing numbered */
    long long before = documents();
    static const char *const forms[] = {"sp_penahanan", "ba_penahanan"};
    for (int i = 0; i < 2; i++) {
        json_t *p = issue(id2, forms[i], han, "{}", 422);
        ck_assert_msg(strstr(str(p, "detail"), "tempat penahanan (param facility)"), "%s: %s",
                      forms[i], str(p, "detail"));
        json_decref(p);
    }
    ck_assert_int_eq(documents(), before);
    d = issue(id2, "sp_penahanan", han,
              "{\"facility\":\"Rumah Tahanan Negara Kelas IIA Pakjo Palembang\"}", 201);
    t = text_of_doc(d);
    assert_has(t,
               "perintah Penyidik Kepolisian Negara Republik Indonesia Nomor "
               "SP.Han/20/V/2026/Ditreskrimsus.",
               "SP Penahanan on a Polri order");
    assert_has(t, "Rumah Tahanan Negara Kelas IIA Pakjo Palembang",
               "SP Penahanan: the place given");
    assert_lacks(t, "....", "SP Penahanan on a Polri order");
    free(t);
    json_decref(d);
    /* the draft keeps the dotted line for the place */
    char route[160];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/sp_penahanan.pdf?party=pihak-%lld", id2,
             other);
    t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "Negara, di ....", "the draft SP Penahanan");
    free(t);
}
END_TEST

/* Record an act as token (members without braces) with its papers (issue: a JSON array's
 * inside, may be NULL); the reply, want asserted. */
static json_t *act_as(long long id, const char *token, const char *members, const char *issue,
                      long want)
{
    char path[96], body[1400];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s%s%s%s}", members, issue ? ",\"issue\":[" : "",
             issue ? issue : "", issue ? "]" : "");
    return call("POST", path, token, body, want);
}

/* The prosecutor's P-17 cites the P-16 (the order appointing the jaksa to follow the
 * investigation; DOMAIN 4.4, 6) by its number and date: while the P-16 has none (its act
 * recorded without a number, its paper never issued) the P-17 is refused (422 naming it,
 * nothing recorded), never "(P-16) Nomor -"; the P-16 issued, the P-17 cites it. */
START_TEST(test_the_p17_cites_the_p16_by_its_number)
{
    long long party, id = case_opened("2026-06-01", "2026-06-02", &party);
    json_decref(act_as(id, demo.inv,
                       "\"type\":\"spdp_sent\",\"date\":\"2026-06-03\",\"recipient\":\"kejari\"",
                       "\"spdp\"", 201));
    json_t *e =
        act_as(id, demo.pros, "\"type\":\"p16_received\",\"date\":\"2026-06-05\"", NULL, 201);
    long long p16 = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    long long before = documents();
    json_t *p =
        act_as(id, demo.pros, "\"type\":\"p17_received\",\"date\":\"2026-07-06\"", "\"p17\"", 422);
    ck_assert_msg(strstr(str(p, "detail"), "nomor P-16"), "%s", str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(documents(), before);
    char path[128], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/p16", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", p16);
    json_t *o = call("POST", path, demo.pros, body, 201);
    e = act_as(id, demo.pros, "\"type\":\"p17_received\",\"date\":\"2026-07-06\"", "\"p17\"", 201);
    char *t = text_of_doc(json_array_get(json_object_get(e, "documents"), 0)), cite[300];
    snprintf(cite, sizeof cite, "(P-16) Nomor %s tanggal 5 Juni 2026", str(o, "number"));
    assert_has(t, cite, "P-17 cites the P-16");
    assert_lacks(t, "Nomor -", "P-17");
    free(t);
    json_decref(e);
    json_decref(o);
}
END_TEST

/* The letter sending the file (Tahap I; KUHAP 8(3) huruf a, 110(1)) states each suspect's
 * detention by the order he is held under, by its number: while that order has none the letter
 * is refused with its act (422 naming it, nothing recorded), never "Surat Perintah Penahanan
 * Nomor -"; the order issued, the letter cites it. */
START_TEST(test_the_file_letter_cites_the_detention_order_by_its_number)
{
    long long party, id = case_opened("2026-06-01", "2026-06-02", &party);
    char m[600], path[96];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-02\",\"party_id\":%lld", party);
    act(id, m);
    json_decref(act_as(id, demo.inv,
                       "\"type\":\"spdp_sent\",\"date\":\"2026-06-02\",\"recipient\":\"kejari\"",
                       "\"spdp\"", 201));
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"date\":\"2026-06-03\",\"party_id\":%lld,\"detention_type\":"
             "\"rutan\",\"facility\":\"Rumah Tahanan Negara Kelas I Palembang\",\"polri_order\":"
             "\"SP.Han/30/VI/2026/Ditreskrimsus\"",
             party);
    long long han = act(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-06-04\",\"bap\":\"tersangka\",\"party_id\":"
             "%lld",
             party);
    long long bap = act(id, m);
    fill_bap(demo.port, demo.inv, id, bap);
    json_decref(issue(id, "bap_tersangka", bap, "{}", 201));
    long long resume = act(id, "\"type\":\"resume_written\",\"date\":\"2026-06-05\"");
    fill_resume(demo.port, demo.inv, id, resume);
    json_decref(issue(id, "resume", resume, "{}", 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", id);
    json_decref(call("POST", path, demo.inv, "{}", 201));
    long long before = documents();
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    long long acts =
        sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, q);
    json_t *p = act_as(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-08\"",
                       "\"pengantar_tahap1\"", 422);
    ck_assert_msg(strstr(str(p, "detail"), "nomor Surat Perintah Penahanan"), "%s",
                  str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(documents(), before);
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, q),
        acts);
    json_t *o = issue(id, "sp_penahanan", han, "{}", 201);
    json_t *e = act_as(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-08\"",
                       "\"pengantar_tahap1\"", 201);
    char *t = text_of_doc(json_array_get(json_object_get(e, "documents"), 0)), cite[300];
    snprintf(cite, sizeof cite,
             "ditahan sejak tanggal 3 Juni 2026 berdasarkan Surat Perintah Penahanan Nomor %s",
             str(o, "number"));
    assert_has(t, cite, "the Tahap I letter");
    assert_lacks(t, "Nomor -", "the Tahap I letter");
    free(t);
    json_decref(e);
    json_decref(o);
}
END_TEST

Suite *suite_blanks(void)
{
    Suite *s = suite_create("blanks");
    TCase *tc = tcase_create("blanks");
    papers_fixture(tc, "blanks_suite");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_a_berita_acara_cites_the_order_it_executes_by_number);
    tcase_add_test(tc, test_a_berita_acara_states_the_hour_of_its_act_or_no_hour);
    tcase_add_test(tc, test_the_search_berita_acara_states_what_was_found);
    tcase_add_test(tc, test_the_detention_order_states_its_place_and_polri_order_or_none);
    tcase_add_test(tc, test_the_p17_cites_the_p16_by_its_number);
    tcase_add_test(tc, test_the_file_letter_cites_the_detention_order_by_its_number);
    suite_add_tcase(s, tc);
    return s;
}
