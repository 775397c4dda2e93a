/*
 * test_detpapers.c - the papers of the detention acts that had none: the release from
 * detention (Surat Perintah and Berita Acara Pengeluaran Tahanan), over real HTTP against a
 * real berkasd on the demo data, papers read back with pdftotext.
 *
 * Expectations come from the law (DOMAIN.md 4.8, 7.1, 7.3, 12), not from the code:
 *   - a suspect is released from detention on a written order (KUHAP 24(3)-(4), 109(2),
 *     82(3) huruf a; DOMAIN 7.1: "Surat Perintah ... Pengeluaran Tahanan + berita acara"),
 *     an order signed by the atasan PPNS like the SP Penahanan it ends (DOMAIN 12), citing
 *     that SP Penahanan by number and date and the ground of the release;
 *   - its Berita Acara is made by the PPNS who released him, on the act's day and at its hour
 *     (KUHAP 75), naming the suspect, the place he was held and the order it executes;
 *   - a paper is its act's (DOMAIN 12): without a release recorded there is none to issue
 *     (422), and a fact it must state that was not recorded is refused, never dotted.
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

#define SUSPECT  "Nguyễn Thị Lan"
#define PPNS     "Andi Pratama" /* NIP_INV_PLG, who records the acts */
#define FACILITY "Rumah Tahanan Negara Kelas I Palembang"

static long long count_of(const char *sql, long long case_id)
{
    char id[24];
    snprintf(id, sizeof id, "%lld", case_id);
    const char *p[1] = {id};
    return sql_count(demo.db, sql, 1, p);
}

static long long documents(long long case_id)
{
    return count_of("SELECT count(*) FROM app.documents WHERE case_id = $1::bigint", case_id);
}

static long long events(long long case_id)
{
    return count_of("SELECT count(*) FROM app.events WHERE case_id = $1::bigint", case_id);
}

/* Record members (without braces) on case id as the PPNS; the act's id. */
static long long record(long long id, const char *members)
{
    char path[96], body[800];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s}", members);
    json_t *e = call("POST", path, demo.inv, body, 201);
    long long k = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    return k;
}

/* A Palembang case opened on opened about summary, its suspect (*party) with members (the
 * party's JSON members without braces, kind suspect added) charged with Pasal code, and a
 * Sprindik of sprindik with its paper (NULL: none) - what every paper here is issued on. */
static long long suspect_case(const char *opened, const char *summary, const char *members,
                              const char *code, const char *sprindik, long long *party)
{
    char body[700], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"%s\","
             "\"kejari_id\":%lld}",
             opened, summary, demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body, "{\"kind\":\"suspect\",%s}", members);
    json_t *p = call("POST", path, demo.inv, body, 201);
    *party = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"%s\",\"party_id\":%lld}", code, *party);
    json_decref(call("POST", path, demo.inv, body, 201));
    if (sprindik) {
        snprintf(body, sizeof body,
                 "\"type\":\"sprindik_issued\",\"date\":\"%s\",\"issue\":[\"sprindik\"]", sprindik);
        (void)record(id, body);
    }
    return id;
}

/* The suspect of most tests: a Vietnamese woman with her passport and address. */
#define LAN                                                                                        \
    "\"name\":\"" SUSPECT "\",\"nationality\":\"VN\",\"passport_no\":\"C7766554\",\"sex\":"        \
    "\"P\",\"birth_date\":\"1990-03-08\",\"birth_place\":\"Hải Phòng\",\"address_id\":"         \
    "\"Jalan Merdeka Nomor 9, Palembang\""

/* A Palembang case opened on 2 February 2026, its Vietnamese suspect (*party) charged with
 * Pasal 122, a Sprindik of 3 February with its paper, the suspect arrested on 4 February and
 * detained in the Rutan on 5 February at 07:00 (*han) with his SP Penahanan issued (*sp_han:
 * its number). */
static long long detained_case(long long *party, long long *han, char *sp_han, size_t n)
{
    char m[700];
    long long id =
        suspect_case("2026-02-02", "Uji pengeluaran tahanan", LAN, "122", "2026-02-03", party);
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-02-04T08:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/21/II/2026/Ditreskrimsus\",\"scene\":\"Jalan Merdeka "
             "Nomor 9, Palembang\"",
             *party);
    (void)record(id, m);
    snprintf(m, sizeof m,
             "{\"type\":\"detained\",\"at\":\"2026-02-05T07:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"facility\":\"%s\",\"polri_order\":"
             "\"SP.Han/22/II/2026/Ditreskrimsus\",\"issue\":[\"sp_penahanan\"]}",
             *party, FACILITY);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *e = call("POST", path, demo.inv, m, 201);
    *han = json_integer_value(json_object_get(e, "id"));
    json_t *docs = json_object_get(e, "documents");
    const char *num = str(json_array_get(docs, 0), "number");
    ck_assert_msg(num != NULL, "the SP Penahanan issued with its act");
    snprintf(sp_han, n, "%s", num);
    json_decref(e);
    return id;
}

/* POST form for event (0: none named) with params; the reply. */
static json_t *issue(long long id, const char *form, long long event, const char *params,
                     const char *token, long want)
{
    char path[128], body[600];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    if (event)
        snprintf(body, sizeof body, "{\"event\":%lld,\"params\":%s}", event, params);
    else
        snprintf(body, sizeof body, "{\"params\":%s}", params);
    return call("POST", path, token, body, want);
}

/* Issuing form is refused with want, detail naming what, nothing written. */
static void refused(long long id, const char *form, long long event, const char *params, long want,
                    const char *what)
{
    long long before = documents(id);
    json_t *p = issue(id, form, event, params, demo.inv, want);
    ck_assert_msg(str(p, "detail") && strstr(str(p, "detail"), what), "%s: %s", form,
                  str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(documents(id), before);
}

/* DOMAIN 7.1, 12: a suspect detained and then released has the order and the Berita Acara of
 * his release, each its act's.  Found in acceptance: a prosecutor receiving the file of a
 * suspect detained and released found no paper saying when and on what order he left. */
START_TEST(test_a_release_has_its_order_and_berita_acara)
{
    long long party, han;
    char sp_han[160], path[96], body[600], pihak[40];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(pihak, sizeof pihak, "{\"party\":\"pihak-%lld\"}", party);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);

    /* no release recorded: no paper of one (the act first) */
    refused(id, "sp_pengeluaran_tahanan", 0, pihak, 422, "Pengeluaran tahanan");
    refused(id, "ba_pengeluaran_tahanan", 0, pihak, 422, "Pengeluaran tahanan");
    /* a detention is not a release */
    refused(id, "sp_pengeluaran_tahanan", han, "{}", 409, "bukan dokumen tindakan");

    /* a ground the law does not know: 400 naming the field, nothing recorded */
    long long before = events(id);
    snprintf(body, sizeof body,
             "{\"type\":\"released\",\"at\":\"2026-02-12T15:30:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"dideportasi\"}",
             party);
    json_t *p = call("POST", path, demo.inv, body, 400);
    ck_assert_str_eq(str(p, "field") ? str(p, "field") : "ground", "ground");
    ck_assert_msg(strstr(str(p, "detail"), "kepentingan_terpenuhi"), "%s", str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(events(id), before);

    /* no ground at all: 422 naming the field and the grounds the law knows, nothing recorded */
    long long docs = documents(id);
    snprintf(body, sizeof body,
             "{\"type\":\"released\",\"at\":\"2026-02-12T15:30:00+07:00\",\"party_id\":%lld}",
             party);
    p = call("POST", path, demo.inv, body, 422);
    ck_assert_str_eq(str(p, "field"), "ground");
    ck_assert_str_eq(str(p, "type"), "urn:berkas:problem:release-ground");
    static const char *const grounds[] = {"kepentingan_terpenuhi", "masa_penahanan_habis",
                                          "penyidikan_dihentikan", "putusan_praperadilan"};
    json_t *listed = json_object_get(p, "grounds");
    ck_assert_int_eq(json_array_size(listed), 4);
    for (size_t i = 0; i < 4; i++) {
        ck_assert_msg(strstr(str(p, "detail"), grounds[i]), "%s", str(p, "detail"));
        ck_assert_str_eq(json_string_value(json_array_get(listed, i)), grounds[i]);
    }
    json_decref(p);
    ck_assert_int_eq(events(id), before);
    ck_assert_int_eq(documents(id), docs);

    /* released on 12 February at 15:30 because the examination no longer needs him held
     * (KUHAP 24(3)); his order issued with the act */
    snprintf(body, sizeof body,
             "{\"type\":\"released\",\"at\":\"2026-02-12T15:30:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\"}",
             party);
    json_t *e = call("POST", path, demo.inv, body, 201);
    long long rel = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    /* the BA before its order: refused, saying to issue the order first */
    refused(id, "ba_pengeluaran_tahanan", rel, "{}", 422,
            "terbitkan dahulu Surat Perintah Pengeluaran Tahanan");

    json_t *sp = issue(id, "sp_pengeluaran_tahanan", rel, "{}", demo.inv, 201);
    ck_assert_str_eq(str(sp, "issued_on"), "2026-02-12");
    char *t =
        fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(sp, "id")));
    char want[400];
    assert_has(t, "PRO JUSTITIA", "SP Pengeluaran");
    assert_has(t, "SURAT PERINTAH PENGELUARAN TAHANAN", "SP Pengeluaran");
    snprintf(want, sizeof want, "Nomor: %s", str(sp, "number"));
    assert_has(t, want, "SP Pengeluaran: its own number");
    snprintf(want, sizeof want, "Surat Perintah Penahanan Nomor %s tanggal 5 Februari 2026",
             sp_han);
    assert_has(t, want, "SP Pengeluaran: the SP Penahanan it ends");
    assert_has(t, "kepentingan pemeriksaan sudah terpenuhi", "SP Pengeluaran: the ground");
    assert_lacks(t, "Perpanjangan Penahanan", "SP Pengeluaran: no extension to cite");
    assert_has(t, SUSPECT, "SP Pengeluaran: the suspect");
    assert_has(t, FACILITY, "SP Pengeluaran: where he was held");
    assert_has(t, "12 Februari 2026", "SP Pengeluaran: dated by its act");
    assert_has(t, str(sp, "signer"), "SP Pengeluaran: the signer");
    ck_assert_str_ne(str(sp, "signer"), PPNS); /* the atasan signs an order, not the PPNS */
    assert_lacks(t, "....", "SP Pengeluaran: no blank");
    free(t);

    json_t *ba = issue(id, "ba_pengeluaran_tahanan", rel, "{}", demo.inv, 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(ba, "id")));
    assert_has(t, "BERITA ACARA PENGELUARAN TAHANAN", "BA Pengeluaran");
    assert_has(t, "PRO JUSTITIA", "BA Pengeluaran");
    assert_has(t,
               "Pada hari ini Kamis tanggal dua belas bulan Februari tahun dua ribu dua puluh "
               "enam",
               "BA Pengeluaran: the act's day");
    assert_has(t, "pukul 15.30", "BA Pengeluaran: the act's hour");
    assert_has(t, PPNS, "BA Pengeluaran: the PPNS who released him");
    snprintf(want, sizeof want,
             "Surat Perintah Pengeluaran Tahanan Nomor %s, tanggal 12 "
             "Februari 2026",
             str(sp, "number"));
    assert_has(t, want, "BA Pengeluaran: the order it executes");
    snprintf(want, sizeof want, "Surat Perintah Penahanan Nomor %s tanggal 5 Februari 2026",
             sp_han);
    assert_has(t, want, "BA Pengeluaran: the SP Penahanan");
    assert_has(t, SUSPECT, "BA Pengeluaran: the suspect");
    assert_has(t, FACILITY, "BA Pengeluaran: the place");
    assert_has(t, "kepentingan pemeriksaan sudah terpenuhi", "BA Pengeluaran: the ground");
    assert_lacks(t, "....", "BA Pengeluaran: no blank");
    free(t);
    json_decref(ba);
    json_decref(sp);

    /* the prosecutor makes neither */
    p = issue(id, "ba_pengeluaran_tahanan", rel, "{}", demo.pros, 403);
    json_decref(p);
}
END_TEST

/* A release logged without its ground before the write asked for it (KUHAP 24(3)-(4), 26(4),
 * 31: the paper says why he leaves detention): the log still loads, its papers are refused
 * naming the ground, nothing numbered, until a correction records it - then the papers state
 * the ground as corrected (DOMAIN 12: a paper is its act's, as corrected). */
START_TEST(test_a_release_without_its_ground_has_no_paper_until_recorded)
{
    long long party, han;
    char sp_han[160], path[96], body[600];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    long long rel = harness_legacy_act(demo.db, id, "released", "2026-02-25", 0, party, NULL);
    /* the log loads: the case answers */
    char casepath[64];
    snprintf(casepath, sizeof casepath, "/api/v1/cases/%lld", id);
    json_decref(call("GET", casepath, demo.inv, NULL, 200));
    refused(id, "sp_pengeluaran_tahanan", rel, "{}", 422, "alasan pengeluaran tahanan");
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-02-25T09:00:00+07:00\","
             "\"party_id\":%lld,\"ground\":\"masa_penahanan_habis\"}",
             rel, party);
    json_decref(call("POST", path, demo.inv, body, 201));
    json_t *sp = issue(id, "sp_pengeluaran_tahanan", rel, "{}", demo.inv, 201);
    char *t =
        fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(sp, "id")));
    assert_has(t, "masa penahanan telah habis", "SP Pengeluaran: the ground as corrected");
    assert_has(t, "25 Februari 2026", "SP Pengeluaran: dated by its act");
    free(t);
    json_decref(sp);
}
END_TEST

/* The number is the office's series for the paper, in the pattern its admin sets (DOMAIN 7.2:
 * number formats are data per office and document type); the forms list offers both papers
 * for the released act, the order as the paper carrying the act's number. */
START_TEST(test_release_papers_are_listed_and_numbered_by_the_office_pattern)
{
    json_t *forms = call("GET", "/api/v1/forms", demo.inv, NULL, 200);
    json_t *list = json_object_get(forms, "items");
    int seen = 0;
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *f = json_array_get(list, i);
        const char *name = str(f, "name");
        if (!name || strstr(name, "pengeluaran_tahanan") == NULL)
            continue;
        ck_assert_str_eq(str(f, "act"), "released");
        ck_assert(json_is_true(json_object_get(f, "primary")) == (name[0] == 's'));
        seen++;
    }
    ck_assert_int_eq(seen, 2);
    /* the extension's Berita Acara is offered beside either extension */
    seen = 0;
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *f = json_array_get(list, i);
        if (strcmp(str(f, "name"), "ba_perpanjangan_penahanan") != 0)
            continue;
        json_t *acts = json_object_get(f, "acts");
        ck_assert_int_eq(json_array_size(acts), 2);
        ck_assert_str_eq(json_string_value(json_array_get(acts, 0)), "detention_extended_pu");
        ck_assert_str_eq(json_string_value(json_array_get(acts, 1)), "detention_extended_court");
        ck_assert(!json_is_true(json_object_get(f, "primary")));
        seen++;
    }
    json_decref(forms);
    ck_assert_int_eq(seen, 1);

    const char *admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
    long long office =
        sql_count(demo.db, "SELECT id FROM app.offices WHERE code = 'KANIM-PLG'", 0, NULL);
    char path[128];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/number-patterns/sp_pengeluaran_tahanan",
             office);
    json_decref(call("PUT", path, admin,
                     "{\"pattern\":\"W6.IMI.5-GR.01.05-{seq:04}/KELUAR/{roman_month}/{year}\"}",
                     200));
    long long party, han;
    char sp_han[160], events_path[96], body[400];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(events_path, sizeof events_path, "/api/v1/cases/%lld/events", id);
    /* the investigation stopped on 6 March (KUHAP 109(2)), the suspect released that day */
    (void)record(id, "\"type\":\"sp3_issued\",\"date\":\"2026-03-06\",\"ground\":"
                     "\"tidak_cukup_bukti\",\"polri_involved\":true");
    snprintf(body, sizeof body,
             "{\"type\":\"released\",\"at\":\"2026-03-06T10:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"penyidikan_dihentikan\",\"issue\":[\"sp_pengeluaran_tahanan\","
             "\"ba_pengeluaran_tahanan\"]}",
             party);
    json_t *e = call("POST", events_path, demo.inv, body, 201);
    json_t *docs = json_object_get(e, "documents");
    ck_assert_int_eq(json_array_size(docs), 2);
    const char *n = str(json_array_get(docs, 0), "number");
    ck_assert_msg(n && strncmp(n, "W6.IMI.5-GR.01.05-", 18) == 0 && strstr(n, "/KELUAR/III/2026"),
                  "the office's pattern: %s", n ? n : "(none)");
    /* the act carries its order's number */
    ck_assert_str_eq(str(e, "number") ? str(e, "number") : n, n);
    json_decref(e);
}
END_TEST

/* KUHAP 75: a Berita Acara states what was done, on the act's day, closed and signed that day.
 * The BA Penahanan said "tembusan Surat Perintah Penahanan telah disampaikan kepada keluarganya"
 * though no delivery was recorded (acceptance play4 #2; KUHAP 21(3) owes it, the
 * family_detention_notice clock runs until it is delivered).  It says so only of a delivery
 * recorded on the detention's own day (5 February) and standing: not before any delivery, not of
 * one the day after (a BA of 5 February cannot report 6 February: review2 F2), not of one
 * withdrawn (F1).  The BA Perpanjangan, for whose copy berkas records no delivery, claims none. */
static char *ba_penahanan_after(const char *delivered_on, bool withdrawn, long long *case_id)
{
    long long party, han;
    char sp_han[160], m[600], pihak[48];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    if (delivered_on) {
        snprintf(m, sizeof m,
                 "\"type\":\"letter_delivered\",\"date\":\"%s\",\"party_id\":%lld,"
                 "\"recipient\":\"keluarga_penahanan\",\"received_by\":\"Tran Van Minh (suami)\"",
                 delivered_on, party);
        long long ld = record(id, m);
        snprintf(m, sizeof m,
                 "\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%lld,\"withdraws\":true",
                 delivered_on, ld);
        if (withdrawn)
            (void)record(id, m);
    }
    snprintf(pihak, sizeof pihak, "{\"party\":\"pihak-%lld\"}", party);
    json_t *d = issue(id, "ba_penahanan", han, pihak, demo.inv, 201);
    char *t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    json_decref(d);
    assert_has(t, "telah dijelaskan alasan penahanannya", "BA Penahanan");
    if (case_id)
        *case_id = id;
    return t;
}

START_TEST(test_a_detentions_berita_acara_claims_no_copy_to_the_family_not_delivered)
{
    char *t = ba_penahanan_after(NULL, false, NULL);
    assert_lacks(t, "kepada keluarganya", "BA Penahanan: no delivery recorded, none claimed");
    free(t);
    t = ba_penahanan_after("2026-02-06", false, NULL);
    assert_lacks(t, "kepada keluarganya", "BA Penahanan of 5 February: the delivery of the 6th");
    free(t);
    t = ba_penahanan_after("2026-02-05", true, NULL);
    assert_lacks(t, "kepada keluarganya", "BA Penahanan: the delivery withdrawn");
    free(t);
    long long id;
    t = ba_penahanan_after("2026-02-05", false, &id);
    assert_has(t, "tembusan Surat Perintah Penahanan telah disampaikan kepada keluarganya",
               "BA Penahanan: delivered on its day");
    free(t);
    long long party =
        sql_count(demo.db, "SELECT max(id) FROM app.parties WHERE kind = 'suspect'", 0, NULL);
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2026-02-20T10:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"number\":\"B-322/L.6.10/Eku.1/02/2026\"",
             party);
    long long pu = record(id, m);
    json_t *d = issue(id, "ba_perpanjangan_penahanan", pu, "{}", demo.inv, 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t, "BERITA ACARA PERPANJANGAN PENAHANAN", "BA Perpanjangan");
    assert_lacks(t, "kepada keluarganya", "BA Perpanjangan: no delivery recordable, none claimed");
    free(t);
    json_decref(d);
}
END_TEST

/* KUHAP 24(2), 29, 75; DOMAIN 7.1 ("Berita Acara Perpanjangan"): the PPNS executes each
 * extension granted - the PU's T-4, then the Ketua PN's Penetapan - in a Berita Acara that
 * cites the grant by the number and date recorded on its act and states the new period as the
 * detention runs (day 1 the day after the period extended ends: 20 days from 5 February end on
 * 24 February, the PU's 30 run 25 February - 26 March, the court's 30 27 March - 25 April;
 * 2026 is no leap year).  Found in acceptance: the extensions had no paper at all. */
START_TEST(test_each_extension_granted_has_its_berita_acara)
{
    long long party, han;
    char sp_han[160], m[600], want[400], pihak[48];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(pihak, sizeof pihak, "{\"party\":\"pihak-%lld\"}", party);
    refused(id, "ba_perpanjangan_penahanan", 0, pihak, 422, "Perpanjangan penahanan");

    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2026-02-20T10:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"number\":\"B-321/L.6.10/Eku.1/02/2026\"",
             party);
    long long pu = record(id, m);
    /* what berkas computes is never given */
    refused(id, "ba_perpanjangan_penahanan", pu, "{\"det-until\":\"2026-04-05\"}", 400,
            "det-until");
    json_t *d = issue(id, "ba_perpanjangan_penahanan", pu, "{}", demo.inv, 201);
    ck_assert_str_eq(str(d, "issued_on"), "2026-02-20");
    char *t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t, "BERITA ACARA PERPANJANGAN PENAHANAN", "BA Perpanjangan (PU)");
    assert_has(t, "PRO JUSTITIA", "BA Perpanjangan (PU)");
    assert_has(t,
               "Pada hari ini Jumat tanggal dua puluh bulan Februari tahun dua ribu dua puluh "
               "enam, pukul 10.00",
               "BA Perpanjangan (PU): the act's day and hour");
    assert_has(t, PPNS, "BA Perpanjangan (PU): the PPNS");
    assert_has(t,
               "Surat Perpanjangan Penahanan (T-4) Kepala Kejaksaan Negeri Palembang Nomor "
               "B-321/L.6.10/Eku.1/02/2026 tanggal 20 Februari 2026",
               "BA Perpanjangan (PU): the grant");
    snprintf(want, sizeof want, "Surat Perintah Penahanan Nomor %s tanggal 5 Februari 2026",
             sp_han);
    assert_has(t, want, "BA Perpanjangan (PU): the SP Penahanan");
    assert_has(t, SUSPECT, "BA Perpanjangan (PU): the suspect");
    assert_has(t, FACILITY, "BA Perpanjangan (PU): the place");
    assert_has(t,
               "selama 30 (tiga puluh) hari terhitung sejak tanggal 25 Februari 2026 s.d. "
               "tanggal 26 Maret 2026",
               "BA Perpanjangan (PU): the new period");
    assert_lacks(t, "....", "BA Perpanjangan (PU): no blank");
    free(t);
    json_decref(d);

    /* the Ketua PN's names his court (KUHAP 29): without it 422 naming court, blank 400, the
     * prosecutor records none (403); nothing written */
    char path[96], body[700];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    long long before = events(id);
    snprintf(body, sizeof body,
             "{\"type\":\"detention_extended_court\",\"at\":\"2026-03-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"severe_illness\":true}",
             party);
    json_t *p = call("POST", path, demo.inv, body, 422);
    ck_assert_str_eq(str(p, "field"), "court");
    ck_assert_msg(strstr(str(p, "detail"), "Pengadilan Negeri"), "%s", str(p, "detail"));
    json_decref(p);
    snprintf(body, sizeof body,
             "{\"type\":\"detention_extended_court\",\"at\":\"2026-03-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"severe_illness\":true,\"court\":\"  \"}",
             party);
    p = call("POST", path, demo.inv, body, 400);
    ck_assert_str_eq(str(p, "field"), "court");
    json_decref(p);
    snprintf(body, sizeof body,
             "{\"type\":\"detention_extended_court\",\"at\":\"2026-03-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"severe_illness\":true,\"court\":\"Palembang\"}",
             party);
    json_decref(call("POST", path, demo.pros, body, 403));
    ck_assert_int_eq(events(id), before);

    /* recorded with its court but without the Penetapan's number: refused naming it, nothing
     * written; corrected with it, issued citing the court recorded */
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_court\",\"at\":\"2026-03-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"severe_illness\":true,\"court\":\"Palembang\"",
             party);
    long long pn = record(id, m);
    refused(id, "ba_perpanjangan_penahanan", pn, "{}", 422, "nomor surat perpanjangan penahanan");
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-03-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"severe_illness\":true,\"number\":"
             "\"12/Pen.Pid/2026/PN Plg\"",
             pn, party);
    (void)record(id, m);
    d = issue(id, "ba_perpanjangan_penahanan", pn, "{}", demo.inv, 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t,
               "Penetapan Ketua Pengadilan Negeri Palembang Nomor 12/Pen.Pid/2026/PN Plg tanggal "
               "20 Maret 2026",
               "BA Perpanjangan (PN): the grant");
    assert_has(t,
               "selama 30 (tiga puluh) hari terhitung sejak tanggal 27 Maret 2026 s.d. tanggal "
               "25 April 2026",
               "BA Perpanjangan (PN): the new period");
    assert_has(t, "oleh Ketua Pengadilan Negeri", "BA Perpanjangan (PN)");
    assert_lacks(t, "T-4", "BA Perpanjangan (PN): not the PU's");
    free(t);
    json_decref(d);
    /* the prosecutor makes none */
    json_decref(issue(id, "ba_perpanjangan_penahanan", pu, "{}", demo.pros, 403));
}
END_TEST

/* KUHAP 22, 23(1); DOMAIN 7.1 ("Surat Perintah ... Pengalihan Jenis ... + berita acara"): a
 * detention changed from the Rutan to a house detention has its order - signed by the atasan
 * as the SP Penahanan, citing it, the kind before and after and where the suspect is now held:
 * his house, at his address (22(2)) - and its Berita Acara by the PPNS on the act's day and
 * hour, citing the order.  A change recorded without the kind it changes to has no paper
 * (422 naming it), never dots. */
START_TEST(test_a_change_of_kind_has_its_order_and_berita_acara)
{
    long long party, han;
    char sp_han[160], m[600], want[400], pihak[48];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(pihak, sizeof pihak, "{\"party\":\"pihak-%lld\"}", party);
    refused(id, "sp_pengalihan_penahanan", 0, pihak, 422, "Pengalihan jenis penahanan");

    snprintf(m, sizeof m,
             "\"type\":\"detention_type_changed\",\"at\":\"2026-02-09T09:00:00+07:00\","
             "\"party_id\":%lld",
             party);
    long long bare = record(id, m);
    refused(id, "sp_pengalihan_penahanan", bare, "{}", 422, "jenis penahanan baru");

    snprintf(m, sizeof m,
             "\"type\":\"detention_type_changed\",\"at\":\"2026-02-10T11:00:00+07:00\","
             "\"party_id\":%lld,\"detention_type\":\"rumah\"",
             party);
    long long alih = record(id, m);
    refused(id, "ba_pengalihan_penahanan", alih, "{}", 422,
            "terbitkan dahulu Surat Perintah Pengalihan Jenis Penahanan");
    json_t *sp = issue(id, "sp_pengalihan_penahanan", alih, "{}", demo.inv, 201);
    ck_assert_str_eq(str(sp, "issued_on"), "2026-02-10");
    char *t =
        fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(sp, "id")));
    assert_has(t, "SURAT PERINTAH PENGALIHAN JENIS PENAHANAN", "SP Pengalihan");
    assert_has(t, "PRO JUSTITIA", "SP Pengalihan");
    snprintf(want, sizeof want, "Surat Perintah Penahanan Nomor %s tanggal 5 Februari 2026",
             sp_han);
    assert_has(t, want, "SP Pengalihan: the SP Penahanan");
    assert_has(t,
               "dari Penahanan Rumah Tahanan Negara menjadi Penahanan Rumah di rumah tempat "
               "tinggal tersangka, Jalan Merdeka Nomor 9, Palembang",
               "SP Pengalihan: the kinds and the place");
    assert_has(t, SUSPECT, "SP Pengalihan: the suspect");
    assert_has(t, str(sp, "signer"), "SP Pengalihan: the signer");
    ck_assert_str_ne(str(sp, "signer"), PPNS);
    assert_lacks(t, "....", "SP Pengalihan: no blank");
    free(t);

    json_t *ba = issue(id, "ba_pengalihan_penahanan", alih, "{}", demo.inv, 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(ba, "id")));
    assert_has(t, "BERITA ACARA PENGALIHAN JENIS PENAHANAN", "BA Pengalihan");
    assert_has(t,
               "Pada hari ini Selasa tanggal sepuluh bulan Februari tahun dua ribu dua puluh "
               "enam, pukul 11.00",
               "BA Pengalihan: the act's day and hour");
    assert_has(t, PPNS, "BA Pengalihan: the PPNS");
    snprintf(want, sizeof want,
             "Surat Perintah Pengalihan Jenis Penahanan Nomor %s, tanggal 10 Februari 2026",
             str(sp, "number"));
    assert_has(t, want, "BA Pengalihan: the order it executes");
    assert_has(t, "menjadi Penahanan Rumah di rumah tempat tinggal tersangka",
               "BA Pengalihan: the kind and place after");
    assert_lacks(t, "....", "BA Pengalihan: no blank");
    free(t);
    json_decref(ba);
    json_decref(sp);
    json_decref(issue(id, "sp_pengalihan_penahanan", bare, "{}", demo.pros, 403));
}
END_TEST

/* KUHAP 31; DOMAIN 7.1 ("Surat Perintah Penangguhan ... + berita acara"): a detention suspended
 * at the suspect's request, on conditions and with a person's guarantee, has its order -
 * signed by the atasan, citing the SP Penahanan, where he was held, the conditions and the
 * bail as recorded with the act - and its Berita Acara by the PPNS on the act's day and hour.
 * The conditions are what 31(1) grants it on: recorded without them, no paper (422 naming
 * them), never dots; a condition too long for the act is 400, nothing recorded. */
START_TEST(test_a_suspension_has_its_order_and_berita_acara)
{
    long long party, han;
    char sp_han[160], m[1200], want[400], pihak[48];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(pihak, sizeof pihak, "{\"party\":\"pihak-%lld\"}", party);
    refused(id, "sp_penangguhan_penahanan", 0, pihak, 422, "Penangguhan penahanan");

    /* conditions of more than 500 characters: 400, nothing recorded */
    char lng[620];
    memset(lng, 'a', 600);
    lng[600] = '\0';
    long long before = events(id);
    snprintf(m, sizeof m,
             "{\"type\":\"detention_suspended\",\"at\":\"2026-02-11T14:00:00+07:00\","
             "\"party_id\":%lld,\"conditions\":\"%s\"}",
             party, lng);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *p = call("POST", path, demo.inv, m, 400);
    json_decref(p);
    ck_assert_int_eq(events(id), before);

    snprintf(m, sizeof m,
             "\"type\":\"detention_suspended\",\"at\":\"2026-02-11T14:00:00+07:00\","
             "\"party_id\":%lld",
             party);
    long long bare = record(id, m);
    refused(id, "sp_penangguhan_penahanan", bare, "{}", 422, "syarat penangguhan");
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-02-11T14:00:00+07:00\","
             "\"party_id\":%lld,\"conditions\":\"wajib lapor setiap hari Senin dan Kamis; "
             "tidak keluar kota Palembang\",\"guarantee\":\"jaminan orang: Nguyễn Văn Hải, "
             "suami tersangka\"",
             bare, party);
    (void)record(id, m);
    json_t *sp = issue(id, "sp_penangguhan_penahanan", bare, "{}", demo.inv, 201);
    ck_assert_str_eq(str(sp, "issued_on"), "2026-02-11");
    char *t =
        fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(sp, "id")));
    assert_has(t, "SURAT PERINTAH PENANGGUHAN PENAHANAN", "SP Penangguhan");
    assert_has(t, "PRO JUSTITIA", "SP Penangguhan");
    snprintf(want, sizeof want, "Surat Perintah Penahanan Nomor %s tanggal 5 Februari 2026",
             sp_han);
    assert_has(t, want, "SP Penangguhan: the SP Penahanan");
    assert_has(t, FACILITY, "SP Penangguhan: where he was held");
    assert_has(t, "dengan jaminan orang: Nguyễn Văn Hải, suami tersangka",
               "SP Penangguhan: the bail");
    assert_has(t, "wajib lapor setiap hari Senin dan Kamis; tidak keluar kota Palembang",
               "SP Penangguhan: the conditions");
    assert_has(t, str(sp, "signer"), "SP Penangguhan: the signer");
    ck_assert_str_ne(str(sp, "signer"), PPNS);
    assert_lacks(t, "....", "SP Penangguhan: no blank");
    free(t);

    json_t *ba = issue(id, "ba_penangguhan_penahanan", bare, "{}", demo.inv, 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(ba, "id")));
    assert_has(t, "BERITA ACARA PENANGGUHAN PENAHANAN", "BA Penangguhan");
    assert_has(t,
               "Pada hari ini Rabu tanggal sebelas bulan Februari tahun dua ribu dua puluh "
               "enam, pukul 14.00",
               "BA Penangguhan: the act's day and hour");
    assert_has(t, PPNS, "BA Penangguhan: the PPNS");
    snprintf(want, sizeof want,
             "Surat Perintah Penangguhan Penahanan Nomor %s, tanggal 11 Februari 2026",
             str(sp, "number"));
    assert_has(t, want, "BA Penangguhan: the order it executes");
    assert_has(t, "wajib lapor setiap hari Senin dan Kamis", "BA Penangguhan: the conditions");
    assert_lacks(t, "....", "BA Penangguhan: no blank");
    free(t);
    json_decref(ba);
    json_decref(sp);
    json_decref(issue(id, "ba_penangguhan_penahanan", bare, "{}", demo.pros, 403));
}
END_TEST

/* KUHAP 22(2): a house detention is served at the suspect's house, so a paper ending it names
 * his address.  A suspect held at home whose address was never recorded: his SP Pengeluaran is
 * refused naming it, nothing numbered (it printed a dotted line before), the draft keeps it. */
START_TEST(test_a_house_detention_released_needs_the_address)
{
    char path[128], m[600];
    long long party;
    long long id = suspect_case("2026-02-02", "Uji tahanan rumah",
                                "\"name\":\"Ivan Petrov\",\"nationality\":\"RU\",\"passport_no\":"
                                "\"751234567\",\"sex\":\"L\",\"birth_date\":\"1979-05-05\"",
                                "122", "2026-02-03", &party);
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-02-04T08:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/31/II/2026/Ditreskrimsus\"",
             party);
    (void)record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-02-05T07:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rumah\",\"number\":\"SP.Han/32/II/2026/Ditreskrimsus\","
             "\"polri_order\":\"SP.Han/32/II/2026/Ditreskrimsus\"",
             party);
    (void)record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-12T15:30:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\"",
             party);
    long long rel = record(id, m);
    refused(id, "sp_pengeluaran_tahanan", rel, "{}", 422, "alamat tersangka");
    snprintf(path, sizeof path,
             "/api/v1/cases/%lld/forms/sp_pengeluaran_tahanan.pdf?party=pihak-%lld", id, party);
    char *t = fill_pdf_text(demo.port, demo.inv, path);
    assert_has(t, "rumah tempat tinggal tersangka, ....", "the draft SP Pengeluaran");
    free(t);
}
END_TEST

/* DOMAIN 7.4 item 8 (Permenkumham 1/2023 Pasal 48): the berkas perkara binds the detention's
 * orders and berita acara - the release's among them - with the other papers of the file. */
START_TEST(test_the_dossier_binds_the_release_papers)
{
    char path[96], m[600];
    long long party;
    long long id = suspect_case("2026-06-01", "Uji berkas dengan pengeluaran tahanan", LAN,
                                "122(a)", NULL, &party);
    json_decref(issue(id, "laporan_kejadian", 0, "{}", demo.inv, 201));
    (void)record(id, "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\",\"issue\":["
                     "\"sprindik\"]");
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-02\",\"party_id\":%lld", party);
    (void)record(id, m);
    (void)record(id, "\"type\":\"spdp_sent\",\"date\":\"2026-06-03\",\"recipient\":"
                     "\"kejari\",\"issue\":[\"spdp\"]");
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-06-04T09:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"facility\":\"%s\",\"polri_order\":"
             "\"SP.Han/61/VI/2026/Ditreskrimsus\",\"issue\":[\"sp_penahanan\"]",
             party, FACILITY);
    (void)record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-06-05\",\"bap\":\"tersangka\","
             "\"party_id\":%lld",
             party);
    long long bap = record(id, m);
    fill_bap(demo.port, demo.inv, id, bap);
    json_decref(issue(id, "bap_tersangka", bap, "{}", demo.inv, 201));
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-06-09T16:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\",\"issue\":[\"sp_pengeluaran_tahanan\","
             "\"ba_pengeluaran_tahanan\"]",
             party);
    (void)record(id, m);
    long long res = record(id, "\"type\":\"resume_written\",\"date\":\"2026-06-10\"");
    fill_resume(demo.port, demo.inv, id, res);
    json_decref(issue(id, "resume", res, "{}", demo.inv, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, path);
    assert_has(t, "SURAT PERINTAH PENGELUARAN TAHANAN", "the dossier");
    assert_has(t, "BERITA ACARA PENGELUARAN TAHANAN", "the dossier");
    assert_has(t, "SURAT PERINTAH PENAHANAN", "the dossier");
    free(t);
}
END_TEST

/* A detention of 2025 is ended and extended under UU 8/1981 (UU 20/2025 in force from 2
 * January 2026, DOMAIN 4.8, 12: a paper cites the procedural law of its act's date): the SP
 * Pengeluaran's Dasar cites Pasal 24 of UU 8/1981, the BA Perpanjangan the PU's grant under
 * Pasal 24 ayat (2), neither UU 20/2025. */
START_TEST(test_papers_of_a_1981_detention_cite_uu_8_1981)
{
    char body[700], path[96], m[600];
    long long party;
    long long id = suspect_case("2025-06-02", "Uji penahanan 2025",
                                "\"name\":\"" SUSPECT "\",\"nationality\":\"VN\",\"address_id\":"
                                "\"Jalan Merdeka Nomor 9, Palembang\"",
                                "122(a)", "2025-06-03", &party);
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2025-06-05T10:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"facility\":\"%s\",\"issue\":[\"sp_penahanan\"]",
             party, FACILITY);
    (void)record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2025-06-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"number\":\"B-55/L.6.10/Eku.1/06/2025\"",
             party);
    long long pu = record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2025-07-01T10:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\",\"issue\":[\"sp_pengeluaran_tahanan\"]",
             party);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s}", m);
    json_t *e = call("POST", path, demo.inv, body, 201);
    long long sp = json_integer_value(
        json_object_get(json_array_get(json_object_get(e, "documents"), 0), "id"));
    json_decref(e);
    char *t = fill_document_text(demo.port, demo.inv, sp);
    assert_has(t,
               "Pasal 7 ayat (1) huruf d, Pasal 11, dan Pasal 24 Undang-Undang Nomor 8 Tahun 1981",
               "SP Pengeluaran of 2025");
    assert_lacks(t, "Nomor 20 Tahun 2025", "SP Pengeluaran of 2025");
    free(t);
    json_t *d = issue(id, "ba_perpanjangan_penahanan", pu, "{}", demo.inv, 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t, "(Pasal 24 ayat (2) Undang-Undang Nomor 8 Tahun 1981", "BA Perpanjangan of 2025");
    /* 20 days from 5 June end on 24 June; the PU's 40 (the most, none given) 25 June - 3 August */
    assert_has(t,
               "selama 40 (empat puluh) hari terhitung sejak tanggal 25 Juni 2025 s.d. tanggal 3 "
               "Agustus 2025",
               "BA Perpanjangan of 2025");
    assert_lacks(t, "Nomor 20 Tahun 2025", "BA Perpanjangan of 2025");
    free(t);
    json_decref(d);
}
END_TEST

/* KUHAP 24(2), 29: a suspect whose detention was extended is held, when released, on the
 * extension in force - the PU's T-4, then the Ketua PN's Penetapan - besides his SP Penahanan;
 * the order releasing him and its Berita Acara cite both by the number and date recorded on
 * their acts.  Without an extension they cite the SP Penahanan alone (the first test).  An
 * extension recorded without its number: the papers are refused naming it, nothing numbered. */
START_TEST(test_release_papers_cite_the_extension_he_was_held_on)
{
    long long party, han;
    char sp_han[160], m[600], want[400];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2026-02-20T10:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"number\":\"B-323/L.6.10/Eku.1/02/2026\"",
             party);
    (void)record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-03-03T10:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\"",
             party);
    long long rel = record(id, m);
    snprintf(want, sizeof want,
             "Surat Perintah Penahanan Nomor %s tanggal 5 Februari 2026 dan Surat Perpanjangan "
             "Penahanan (T-4) Kepala Kejaksaan Negeri Palembang Nomor B-323/L.6.10/Eku.1/02/2026 "
             "tanggal 20 Februari 2026",
             sp_han);
    static const char *const forms[] = {"sp_pengeluaran_tahanan", "ba_pengeluaran_tahanan"};
    for (int i = 0; i < 2; i++) {
        json_t *d = issue(id, forms[i], rel, "{}", demo.inv, 201);
        char *t =
            fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
        assert_has(t, want, forms[i]);
        assert_lacks(t, "Pengadilan Negeri", forms[i]);
        free(t);
        json_decref(d);
    }

    /* then the Ketua PN's 30 days (27 March - 25 April), first recorded without its number */
    id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2026-02-20T10:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"number\":\"B-324/L.6.10/Eku.1/02/2026\"",
             party);
    (void)record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_court\",\"at\":\"2026-03-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"severe_illness\":true,\"court\":\"Palembang\"",
             party);
    long long pn = record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-04-02T10:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\"",
             party);
    rel = record(id, m);
    refused(id, "sp_pengeluaran_tahanan", rel, "{}", 422, "nomor surat perpanjangan penahanan");
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-03-20T09:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"severe_illness\":true,\"number\":"
             "\"22/Pen.Pid/2026/PN Plg\"",
             pn, party);
    (void)record(id, m);
    snprintf(want, sizeof want,
             "Surat Perintah Penahanan Nomor %s tanggal 5 Februari 2026 dan Penetapan Ketua "
             "Pengadilan Negeri Palembang Nomor 22/Pen.Pid/2026/PN Plg tanggal 20 Maret 2026",
             sp_han);
    for (int i = 0; i < 2; i++) {
        json_t *d = issue(id, forms[i], rel, "{}", demo.inv, 201);
        char *t =
            fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
        assert_has(t, want, forms[i]);
        assert_has(t, "Nomor 22/Pen.Pid/2026/PN Plg tanggal 20 Maret 2026", forms[i]);
        assert_lacks(t, "(T-4)", forms[i]);
        assert_lacks(t, "....", forms[i]);
        free(t);
        json_decref(d);
    }
}
END_TEST

/* Release members (without braces, the suspect's party_id added) on case id refused with 422
 * on ground, its detail holding each of what[] (NULL-ended), nothing recorded. */
static void release_refused(long long id, long long party, const char *members,
                            const char *const what[])
{
    char path[96], body[600];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{\"type\":\"released\",\"party_id\":%lld,%s}", party, members);
    long long before = events(id);
    json_t *p = call("POST", path, demo.inv, body, 422);
    ck_assert_str_eq(str(p, "field"), "ground");
    for (int i = 0; what[i]; i++)
        ck_assert_msg(strstr(str(p, "detail"), what[i]), "\"%s\" not in: %s", what[i],
                      str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(events(id), before);
}

/* KUHAP 24(4), 29(6): "masa penahanan telah habis" is a fact of the file - the period in force
 * (the detention clock) ended on or before the release's day.  Detained 5 February 2026 at
 * 07:00, his 20 days run to 24 February: released on the 12th it is refused naming the 24th,
 * nothing recorded; on the 25th it stands and his order says so.  Extended by the PU on 20
 * February by 30 days (to 26 March), a release on 1 March on that ground is refused naming 26
 * March; a correction moving a release back inside the period on that ground too.  Of a suspect
 * never detained, no period ran out. */
START_TEST(test_a_release_because_the_period_ran_out_only_when_it_did)
{
    long long party, han;
    char sp_han[160], m[600];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    release_refused(
        id, party, "\"at\":\"2026-02-12T15:30:00+07:00\",\"ground\":\"masa_penahanan_habis\"",
        (const char *const[]){"masa_penahanan_habis", "2026-02-24", "2026-02-12", "24(4)", NULL});
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-25T08:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"masa_penahanan_habis\"",
             party);
    long long rel = record(id, m);
    json_t *sp = issue(id, "sp_pengeluaran_tahanan", rel, "{}", demo.inv, 201);
    char *t =
        fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(sp, "id")));
    assert_has(t, "masa penahanan telah habis", "SP Pengeluaran: the ground");
    free(t);
    json_decref(sp);
    /* re-dated to the 20th, keeping the ground: refused, the release stands as it was */
    char path[96], body[600];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-02-20T08:00:00+07:00\","
             "\"party_id\":%lld}",
             rel, party);
    long long before = events(id);
    json_t *p = call("POST", path, demo.inv, body, 422);
    ck_assert_str_eq(str(p, "field"), "ground");
    ck_assert_msg(strstr(str(p, "detail"), "2026-02-24"), "%s", str(p, "detail"));
    json_decref(p);
    ck_assert_int_eq(events(id), before);

    /* extended by the PU: the period now ends on 26 March */
    id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2026-02-20T10:00:00+07:00\","
             "\"party_id\":%lld,\"days\":30,\"number\":\"B-322/L.6.10/Eku.1/02/2026\"",
             party);
    (void)record(id, m);
    release_refused(id, party,
                    "\"at\":\"2026-03-01T09:00:00+07:00\",\"ground\":\"masa_penahanan_habis\"",
                    (const char *const[]){"2026-03-26", NULL});
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-03-26T16:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"masa_penahanan_habis\"",
             party);
    (void)record(id, m);

    /* arrested, never detained: no period of detention to run out */
    long long other;
    long long id2 =
        suspect_case("2026-02-02", "Uji tanpa penahanan", LAN, "122", "2026-02-03", &other);
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-02-04T08:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/23/II/2026/Ditreskrimsus\"",
             other);
    (void)record(id2, m);
    release_refused(id2, other,
                    "\"at\":\"2026-02-04T20:00:00+07:00\",\"ground\":\"masa_penahanan_habis\"",
                    (const char *const[]){"tidak sedang ditahan", NULL});
}
END_TEST

/* KUHAP 109(2): "penyidikan ... telah dihentikan" only when an SP3 stands on or before the
 * release's day - not before one is recorded, not once it is withdrawn; then released the day
 * of a new SP3, the order states that ground.  The court's praperadilan order is an outside
 * paper the file cannot gainsay (KUHAP 77, 82(3) huruf a): that ground is taken as given. */
START_TEST(test_a_release_because_the_investigation_stopped_only_under_an_sp3)
{
    long long party, han;
    char sp_han[160], m[600];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    const char *const no_sp3[] = {"penyidikan_dihentikan", "SP3", "2026-02-10", NULL};
    release_refused(id, party,
                    "\"at\":\"2026-02-10T15:00:00+07:00\",\"ground\":\"penyidikan_dihentikan\"",
                    no_sp3);
    long long sp3 = record(id, "\"type\":\"sp3_issued\",\"date\":\"2026-02-10\",\"ground\":"
                               "\"tidak_cukup_bukti\",\"polri_involved\":true");
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-02-10\",\"corrects\":%lld,\"withdraws\":true",
             sp3);
    (void)record(id, m);
    release_refused(id, party,
                    "\"at\":\"2026-02-10T15:00:00+07:00\",\"ground\":\"penyidikan_dihentikan\"",
                    no_sp3);
    (void)record(id, "\"type\":\"sp3_issued\",\"date\":\"2026-02-10\",\"ground\":"
                     "\"tidak_cukup_bukti\",\"polri_involved\":true");
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-10T15:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"penyidikan_dihentikan\"",
             party);
    long long rel = record(id, m);
    json_t *sp = issue(id, "sp_pengeluaran_tahanan", rel, "{}", demo.inv, 201);
    char *t =
        fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(sp, "id")));
    assert_has(t, "penyidikan terhadap tersangka telah dihentikan", "SP Pengeluaran: the ground");
    free(t);
    json_decref(sp);

    /* the praperadilan's order, in a file with no SP3 and the period still running */
    id = detained_case(&party, &han, sp_han, sizeof sp_han);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-13T11:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"putusan_praperadilan\"",
             party);
    (void)record(id, m);
}
END_TEST

/* A Palembang case of 2 February 2026, its suspect (*party) charged with Pasal 122, a Sprindik
 * of 3 February, the suspect arrested on 4 February at 08:00 on a Polri order (UU 20/2025), not
 * detained: the release from an arrest (KUHAP 19(1)). */
static long long arrested_case(long long *party)
{
    char m[600];
    long long id = suspect_case("2026-02-02", "Uji pelepasan", LAN, "122", "2026-02-03", party);
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-02-04T08:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/31/II/2026/Ditreskrimsus\",\"scene\":\"Jalan Merdeka "
             "Nomor 9, Palembang\"",
             *party);
    (void)record(id, m);
    return id;
}

/* The payload's ground_text of act k of case id (the words its papers print). */
static char *ground_text_of(long long id, long long k)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *all = call("GET", path, demo.inv, NULL, 200);
    json_t *items = json_object_get(all, "history");
    char *out = NULL;
    for (size_t i = 0; i < json_array_size(items); i++) {
        json_t *e = json_array_get(items, i);
        if (json_integer_value(json_object_get(e, "id")) == k)
            out = strdup(str(json_object_get(e, "payload"), "ground_text"));
    }
    json_decref(all);
    ck_assert_msg(out != NULL, "act %lld has its ground_text", k);
    return out;
}

/* KUHAP 19(1): an arrest lasts at most one day; at its end the suspect is detained or let go.
 * Arrested on 4 February 2026 at 08:00 and never detained, he is let go on a ground of an
 * arrest, never one of a detention: "kepentingan pemeriksaan ... penahanan tidak diperlukan
 * lagi" (KUHAP 24(3)) and "masa penahanan telah habis" (24(4)) speak of a detention that never
 * was - 422 naming the arrest's grounds, nothing recorded.  Without a ground the refusal lists
 * the arrest's.  "masa penangkapan telah habis" only once the day has run out: at 20:00 on the
 * 4th it is refused naming 08.00 on the 5th; on the 5th without the hour too (at 00:00 the day
 * had not run out); at 08:00 on the 5th it stands, in the arrest's words. */
START_TEST(test_a_release_from_an_arrest_stands_on_an_arrests_ground)
{
    long long party;
    char m[600], path[96], body[600];
    long long id = arrested_case(&party);
    release_refused(id, party,
                    "\"at\":\"2026-02-04T20:00:00+07:00\",\"ground\":\"kepentingan_terpenuhi\"",
                    (const char *const[]){"kepentingan_terpenuhi", "penangkapan",
                                          "masa_penangkapan_habis", "tidak_perlu_ditahan", NULL});
    release_refused(id, party,
                    "\"at\":\"2026-02-04T20:00:00+07:00\",\"ground\":\"masa_penahanan_habis\"",
                    (const char *const[]){"masa_penahanan_habis", "tidak sedang ditahan", NULL});
    release_refused(id, party,
                    "\"at\":\"2026-02-04T20:00:00+07:00\",\"ground\":\"masa_penangkapan_habis\"",
                    (const char *const[]){"masa_penangkapan_habis", "2026-02-05 08.00",
                                          "2026-02-04 20.00", "19(1)", NULL});
    release_refused(id, party, "\"date\":\"2026-02-05\",\"ground\":\"masa_penangkapan_habis\"",
                    (const char *const[]){"2026-02-05 08.00", "at", NULL});
    /* no ground: the arrest's are named, not the detention's */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"released\",\"party_id\":%lld,\"at\":\"2026-02-04T20:00:00+07:00\"}",
             party);
    long long before = events(id);
    json_t *p = call("POST", path, demo.inv, body, 422);
    ck_assert_str_eq(str(p, "field"), "ground");
    ck_assert_msg(strstr(str(p, "detail"), "pelepasan dari penangkapan"), "%s", str(p, "detail"));
    ck_assert_msg(!strstr(str(p, "detail"), "kepentingan_terpenuhi"), "%s", str(p, "detail"));
    json_t *g = json_object_get(p, "grounds");
    ck_assert_int_eq(json_array_size(g), 4);
    ck_assert_str_eq(json_string_value(json_array_get(g, 0)), "masa_penangkapan_habis");
    json_decref(p);
    ck_assert_int_eq(events(id), before);

    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-05T08:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"masa_penangkapan_habis\"",
             party);
    long long rel = record(id, m);
    char *t = ground_text_of(id, rel);
    assert_has(t, "masa penangkapan telah habis", "the arrest's ground");
    assert_lacks(t, "penahanan", "no word of a detention that never was");
    free(t);

    /* let go the same evening because no detention is called for (KUHAP 21(1), (4)); the
     * court's ruling on an arrest speaks of the arrest (KUHAP 77 huruf a, 82(3) huruf a) */
    static const char *const other[][2] = {{"tidak_perlu_ditahan", "tersangka tidak perlu ditahan"},
                                           {"putusan_praperadilan", "penangkapan terhadap "
                                                                    "tersangka tidak sah"}};
    for (int i = 0; i < 2; i++) {
        id = arrested_case(&party);
        snprintf(m, sizeof m,
                 "\"type\":\"released\",\"at\":\"2026-02-04T20:00:00+07:00\",\"party_id\":%lld,"
                 "\"ground\":\"%s\"",
                 party, other[i][0]);
        rel = record(id, m);
        t = ground_text_of(id, rel);
        assert_has(t, other[i][1], other[i][0]);
        assert_lacks(t, "penahanan", other[i][0]);
        free(t);
    }
}
END_TEST

/* KUHAP 24(3)-(4): a suspect detained is released from detention on a detention's ground; the
 * arrest's are refused (422 naming the detention's grounds), nothing recorded. */
START_TEST(test_a_release_from_detention_refuses_an_arrests_ground)
{
    long long party, han;
    char sp_han[160];
    long long id = detained_case(&party, &han, sp_han, sizeof sp_han);
    release_refused(
        id, party, "\"at\":\"2026-02-12T15:30:00+07:00\",\"ground\":\"tidak_perlu_ditahan\"",
        (const char *const[]){"tidak_perlu_ditahan", "ditahan", "kepentingan_terpenuhi", NULL});
    release_refused(id, party,
                    "\"at\":\"2026-02-12T15:30:00+07:00\",\"ground\":\"masa_penangkapan_habis\"",
                    (const char *const[]){"masa_penangkapan_habis", "masa_penahanan_habis", NULL});
}
END_TEST

/* The case of arrested_case with the arrest's SP Penangkapan issued (*sp_kap: its number). */
static long long arrested_case_with_order(long long *party, char *sp_kap, size_t n)
{
    char m[700], path[96];
    long long id =
        suspect_case("2026-02-02", "Uji surat pelepasan", LAN, "122", "2026-02-03", party);
    snprintf(m, sizeof m,
             "{\"type\":\"arrested\",\"at\":\"2026-02-04T08:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/32/II/2026/Ditreskrimsus\",\"scene\":\"Jalan Merdeka "
             "Nomor 9, Palembang\",\"issue\":[\"sp_penangkapan\"]}",
             *party);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *e = call("POST", path, demo.inv, m, 201);
    const char *num = str(json_array_get(json_object_get(e, "documents"), 0), "number");
    ck_assert_msg(num != NULL, "the SP Penangkapan issued with its act");
    snprintf(sp_kap, n, "%s", num);
    json_decref(e);
    return id;
}

/* KUHAP 19(1), 75; DOMAIN 7.1, 12: a suspect let go from an arrest not followed by detention has
 * the order and the Berita Acara of that release - citing the Surat Perintah Penangkapan he was
 * held on by number and date and the arrest's ground, never a detention: the papers of a
 * release from detention (which cite an SP Penahanan) are refused him 409 naming his, nothing
 * issued, and his are refused a suspect released from detention.  His Berita Acara states the
 * order it executes, so it waits for it (422 naming it); a release from an arrest whose order has
 * no number is refused its order (422 naming the SP Penangkapan). */
START_TEST(test_a_release_from_an_arrest_has_its_pelepasan_papers)
{
    long long party;
    char sp_kap[160], m[600], want[300];
    long long id = arrested_case_with_order(&party, sp_kap, sizeof sp_kap);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-05T08:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"masa_penangkapan_habis\"",
             party);
    long long rel = record(id, m);
    refused(id, "sp_pengeluaran_tahanan", rel, "{}", 409, "sp_pelepasan");
    refused(id, "ba_pengeluaran_tahanan", rel, "{}", 409, "ba_pelepasan");
    refused(id, "ba_pelepasan", rel, "{}", 422, "Surat Perintah Pelepasan Tersangka");

    json_t *sp = issue(id, "sp_pelepasan", rel, "{}", demo.inv, 201);
    const char *sp_no = str(sp, "number");
    ck_assert_msg(sp_no != NULL, "the SP Pelepasan numbered");
    char *t =
        fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(sp, "id")));
    assert_has(t, "SURAT PERINTAH PELEPASAN TERSANGKA", "SP Pelepasan: its title");
    snprintf(want, sizeof want, "Surat Perintah Penangkapan Nomor %s tanggal 4 Februari 2026",
             sp_kap);
    assert_has(t, want, "SP Pelepasan: the SP Penangkapan by number and date");
    assert_has(t, "masa penangkapan telah habis", "SP Pelepasan: the arrest's ground");
    assert_has(t, "melepaskan tersangka", "SP Pelepasan: the order");
    assert_has(t, SUSPECT, "SP Pelepasan: the suspect");
    assert_lacks(t, "penahanan", "SP Pelepasan: no detention");
    assert_lacks(t, "tahanan", "SP Pelepasan: no detention");
    free(t);

    json_t *ba = issue(id, "ba_pelepasan", rel, "{}", demo.inv, 201);
    t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(ba, "id")));
    assert_has(t, "BERITA ACARA PELEPASAN TERSANGKA", "BA Pelepasan: its title");
    snprintf(want, sizeof want, "Surat Perintah Pelepasan Tersangka Nomor %s", sp_no);
    assert_has(t, want, "BA Pelepasan: the order it executes");
    snprintf(want, sizeof want, "Surat Perintah Penangkapan Nomor %s tanggal 4 Februari 2026",
             sp_kap);
    assert_has(t, want, "BA Pelepasan: the SP Penangkapan by number and date");
    assert_has(t, "Tersangka dilepaskan karena masa penangkapan telah habis",
               "BA Pelepasan: the arrest's ground");
    assert_has(t, PPNS, "BA Pelepasan: the PPNS who let him go");
    assert_lacks(t, "penahanan", "BA Pelepasan: no detention");
    assert_lacks(t, "tahanan", "BA Pelepasan: no detention");
    free(t);
    json_decref(ba);
    json_decref(sp);

    /* released from detention: the Pengeluaran Tahanan's papers, not his */
    long long other, han;
    char sp_han[160];
    long long id2 = detained_case(&other, &han, sp_han, sizeof sp_han);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-12T15:30:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\"",
             other);
    long long rel2 = record(id2, m);
    refused(id2, "sp_pelepasan", rel2, "{}", 409, "sp_pengeluaran_tahanan");
    refused(id2, "ba_pelepasan", rel2, "{}", 409, "ba_pengeluaran_tahanan");

    /* an arrest whose order has no number: its release's order cannot cite it */
    long long id3 = arrested_case(&other);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-04T20:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"tidak_perlu_ditahan\"",
             other);
    long long rel3 = record(id3, m);
    refused(id3, "sp_pelepasan", rel3, "{}", 422, "Surat Perintah Penangkapan");
}
END_TEST

/* The label the case's history gives act k of case id. */
static char *label_of(long long id, long long k)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *items = json_object_get(c, "history");
    char *out = NULL;
    for (size_t i = 0; i < json_array_size(items); i++)
        if (json_integer_value(json_object_get(json_array_get(items, i), "id")) == k)
            out = strdup(str(json_array_get(items, i), "label"));
    json_decref(c);
    ck_assert_msg(out != NULL, "act %lld has its label", k);
    return out;
}

/* KUHAP 19(1): a release from an arrest is not "pengeluaran tahanan" - no detention ended.  The
 * case's history names it "Pelepasan dari penangkapan", and so does the Resume's list of the acts
 * taken (a pro justitia paper the prosecutor reads); a release from detention keeps its name. */
START_TEST(test_a_release_from_an_arrest_is_named_so)
{
    long long party;
    char m[600], route[96];
    long long id = arrested_case(&party);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-04T20:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"tidak_perlu_ditahan\"",
             party);
    long long rel = record(id, m);
    char *l = label_of(id, rel);
    ck_assert_str_eq(l, "Pelepasan dari penangkapan");
    free(l);
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/resume.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "Pelepasan dari penangkapan", "Resume: the release from the arrest");
    assert_lacks(t, "Pengeluaran tahanan", "Resume: no release from detention");
    free(t);

    long long other, han;
    char sp_han[160];
    long long id2 = detained_case(&other, &han, sp_han, sizeof sp_han);
    snprintf(m, sizeof m,
             "\"type\":\"released\",\"at\":\"2026-02-12T15:30:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"kepentingan_terpenuhi\"",
             other);
    long long rel2 = record(id2, m);
    l = label_of(id2, rel2);
    ck_assert_str_eq(l, "Pengeluaran tahanan");
    free(l);
}
END_TEST

Suite *suite_detpapers(void)
{
    Suite *s = suite_create("detpapers");
    TCase *tc = tcase_create("release");
    papers_fixture(tc, "detpapers_suite");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_a_release_has_its_order_and_berita_acara);
    tcase_add_test(tc, test_a_detentions_berita_acara_claims_no_copy_to_the_family_not_delivered);
    tcase_add_test(tc, test_a_release_without_its_ground_has_no_paper_until_recorded);
    tcase_add_test(tc, test_release_papers_are_listed_and_numbered_by_the_office_pattern);
    tcase_add_test(tc, test_each_extension_granted_has_its_berita_acara);
    tcase_add_test(tc, test_a_change_of_kind_has_its_order_and_berita_acara);
    tcase_add_test(tc, test_a_suspension_has_its_order_and_berita_acara);
    tcase_add_test(tc, test_a_house_detention_released_needs_the_address);
    tcase_add_test(tc, test_the_dossier_binds_the_release_papers);
    tcase_add_test(tc, test_papers_of_a_1981_detention_cite_uu_8_1981);
    tcase_add_test(tc, test_a_release_because_the_period_ran_out_only_when_it_did);
    tcase_add_test(tc, test_a_release_because_the_investigation_stopped_only_under_an_sp3);
    tcase_add_test(tc, test_release_papers_cite_the_extension_he_was_held_on);
    tcase_add_test(tc, test_a_release_from_an_arrest_stands_on_an_arrests_ground);
    tcase_add_test(tc, test_a_release_from_detention_refuses_an_arrests_ground);
    tcase_add_test(tc, test_a_release_from_an_arrest_has_its_pelepasan_papers);
    tcase_add_test(tc, test_a_release_from_an_arrest_is_named_so);
    suite_add_tcase(s, tc);
    return s;
}
