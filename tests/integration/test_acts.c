/*
 * test_acts.c - one act, one document (issue 8), over real HTTP against a
 * real berkasd on the demo data, PDFs read back with pdftotext.
 *
 * The expectations come from the law and the issue, not from the code:
 * a document is dated by its act (DOMAIN.md 12: "it never takes the printing
 * day"), carries the letterhead in force on that date (the ministry split of
 * 21 October 2024, DOMAIN.md 2.1) and the procedural law of that date
 * (UU 20/2025 from 2 January 2026, its Pasal 369), is signed by the official
 * in force on that date and never by the PPNS an order commands (DOMAIN.md
 * 12), states a Berita Acara's day and hour in words (KUHAP 75, DOMAIN.md
 * 7.3), and the act's number is the paper's number wherever it is cited.
 * The demo's Palembang office has Kepala Kantor Surya Dharma Putra until
 * 20 November 2025, Plh. Rudi Hartono 21-30 November 2025, and Made Wirawan
 * Kusuma from 1 December 2025 (server/app/demo.c).
 */
#include <check.h>
#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

#define PDFTOTEXT "/usr/bin/pdftotext"

static struct demo_server demo;
static const char *admin, *admin_kejagung;
static long long office_plg;

static void start(void)
{
    demo_server_start(&demo, "acts_suite");
    admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
    admin_kejagung = demo_server_login(&demo, NIP_ADMIN_KEJAGUNG);
    office_plg = demo_server_office(&demo, "KANIM-PLG");
}

static void stop(void)
{
    demo_server_stop(&demo);
}

/* ---- HTTP and PDFs ------------------------------------------------------------------- */

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

/* The text of issued document id (pdftotext, white space collapsed to one
 * space so that a wrapped line reads as one). */
static char *document_text(long long id)
{
    return fill_document_text(demo.port, demo.inv, id);
}

static void assert_has(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not in: %.3000s", what, needle, text);
}

/* ---- cases --------------------------------------------------------------------------- */

/* A Palembang case opened on opened, with a suspect of a long accented name
 * charged with Pasal code; *party: the suspect. */
static long long case_charged(const char *opened, const char *code, long long *party)
{
    char body[512], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji dokumen "
             "tindakan\",\"kejari_id\":%lld}",
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
    snprintf(body, sizeof body, "{\"code\":\"%s\",\"party_id\":%lld}", code, *party);
    json_decref(call("POST", path, demo.inv, body, 201));
    return id;
}

/* The same, charged with Pasal 122. */
static long long case_opened(const char *opened, long long *party)
{
    return case_charged(opened, "122", party);
}

/* POST an act (body without braces); the reply, which must have status want. */
static json_t *act(long long id, const char *token, const char *members, long want)
{
    return api_act(demo.port, id, token, members, want);
}

static int case_version(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    int v = (int)json_integer_value(json_object_get(c, "version"));
    json_decref(c);
    return v;
}

/* ---- a document is its act's ------------------------------------------------------------ */

/* The Sprindik of an act on each date: its date, letterhead, law and signer
 * are the date's.  (DOMAIN.md 12; 2.1 the split of 21 October 2024; UU
 * 20/2025 Pasal 369; the demo's officials above.) */
START_TEST(test_the_sprindik_takes_its_acts_date_letterhead_law_and_signer)
{
    static const struct {
        const char *opened, *date, *date_text, *kop, *law, *signer;
    } rows[] = {
        {"2024-09-02", "2024-09-10", "10 September 2024", "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA",
         "Undang-Undang Nomor 8 Tahun 1981", "Surya Dharma Putra"},
        {"2025-01-08", "2025-01-15", "15 Januari 2025", "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN",
         "Undang-Undang Nomor 8 Tahun 1981", "Surya Dharma Putra"},
        {"2025-11-20", "2025-11-25", "25 November 2025", "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN",
         "Undang-Undang Nomor 8 Tahun 1981", "Rudi Hartono"},
        {"2025-12-10", "2025-12-15", "15 Desember 2025", "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN",
         "Undang-Undang Nomor 8 Tahun 1981", "Made Wirawan Kusuma"},
        {"2026-01-02", "2026-01-05", "5 Januari 2026", "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN",
         "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara Pidana",
         "Made Wirawan Kusuma"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        long long party, id = case_opened(rows[i].opened, &party);
        char m[256];
        snprintf(m, sizeof m,
                 "\"type\":\"sprindik_issued\",\"date\":\"%s\",\"issue\":[\"sprindik\"]",
                 rows[i].date);
        json_t *e = act(id, demo.inv, m, 201);
        json_t *d = json_array_get(json_object_get(e, "documents"), 0);
        ck_assert_ptr_nonnull(d);
        /* dated by the act, flagged late like the act (entered long after) */
        ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), rows[i].date);
        ck_assert(json_is_true(json_object_get(d, "late")));
        ck_assert(json_is_true(json_object_get(e, "late")));
        ck_assert_str_eq(json_string_value(json_object_get(d, "signer")), rows[i].signer);
        char *t = document_text(json_integer_value(json_object_get(d, "id")));
        assert_has(t, rows[i].date_text, rows[i].date);
        assert_has(t, rows[i].kop, rows[i].date);
        assert_has(t, rows[i].law, rows[i].date);
        assert_has(t, rows[i].signer, rows[i].date);
        assert_has(t, json_string_value(json_object_get(d, "number")), rows[i].date);
        /* an order is not signed by the PPNS it commands: the demo's PPNS
         * Andi Pratama is in "Kepada", and the signature block is the
         * official's (the Plh. prints his acting title) */
        if (strcmp(rows[i].signer, "Rudi Hartono") == 0)
            assert_has(t, "Plh. KEPALA KANTOR IMIGRASI", rows[i].date);
        else
            assert_has(t, "KEPALA KANTOR IMIGRASI KELAS I TPI PALEMBANG", rows[i].date);
        /* the old law never on a 2026 act, the new one never on a 2025 act */
        if (strncmp(rows[i].date, "2026", 4) == 0)
            ck_assert_msg(strstr(t, "Nomor 8 Tahun 1981") == NULL, "%s cites UU 8/1981",
                          rows[i].date);
        else
            ck_assert_msg(strstr(t, "Nomor 20 Tahun 2025") == NULL, "%s cites UU 20/2025",
                          rows[i].date);
        /* the printing day is nowhere: the document is of its act */
        free(t);
        json_decref(e);
    }
}
END_TEST

/* A Berita Acara states the act's day and hour in words (KUHAP 75; DOMAIN.md
 * 7.3), and cites the order by the one number the order was issued with;
 * the case's history and XML show that same number for the act. */
START_TEST(test_a_berita_acara_has_its_acts_hour_in_words_and_one_number)
{
    long long party, id = case_opened("2025-11-28", &party);
    json_decref(act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2025-12-01\",\"issue\":[\"sprindik\"]",
                    201));
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2025-12-01\",\"party_id\":%lld", party);
    json_decref(act(id, demo.inv, m, 201));
    /* Tuesday 2 December 2025, 09:30 WIB */
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2025-12-02T09:30:00+07:00\",\"party_id\":%lld,"
             "\"scene\":\"Jalan Kolonel Atmo Nomor 12, Palembang\","
             "\"issue\":[\"sp_penangkapan\",\"ba_penangkapan\"]",
             party);
    json_t *e = act(id, demo.inv, m, 201);
    json_t *docs = json_object_get(e, "documents");
    ck_assert_uint_eq(json_array_size(docs), 2);
    const char *sp = json_string_value(json_object_get(json_array_get(docs, 0), "number"));
    long long ba = json_integer_value(json_object_get(json_array_get(docs, 1), "id"));
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(docs, 1), "issued_on")),
                     "2025-12-02");
    char *t = document_text(ba);
    assert_has(t,
               "Pada hari ini Selasa tanggal dua bulan Desember tahun dua ribu dua puluh lima, "
               "pukul 09.30 (sembilan lewat tiga puluh menit) WIB",
               "BA Penangkapan");
    char cite[256];
    snprintf(cite, sizeof cite, "Surat Perintah Penangkapan Nomor %s", sp);
    assert_has(t, cite, "BA Penangkapan");
    assert_has(t, "Nguyễn Thị Phương Thảo", "BA Penangkapan");
    free(t);
    /* the act's number is the order's, in the case and in its XML */
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    size_t i;
    json_t *h;
    bool seen = false;
    json_array_foreach(json_object_get(c, "history"), i, h)
    {
        if (strcmp(json_string_value(json_object_get(h, "type")), "arrested") == 0) {
            ck_assert_str_eq(json_string_value(json_object_get(h, "number")), sp);
            seen = true;
        }
    }
    ck_assert(seen);
    json_decref(c);
    json_decref(e);
}
END_TEST

/* One number: an act recorded with a number given outside berkas is never
 * issued again under berkas' own number (issue 8.1), and asking for both at
 * once records nothing. */
START_TEST(test_an_act_numbered_outside_berkas_is_not_numbered_again)
{
    long long party, id = case_opened("2026-02-02", &party);
    int v = case_version(id);
    json_t *p = act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-02-03\",\"number\":"
                    "\"SP.Sidik/77/II/2026/LUAR\",\"issue\":[\"sprindik\"]",
                    409);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "event");
    json_decref(p);
    ck_assert_int_eq(case_version(id), v); /* the act was not recorded either */
    json_t *e = act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-02-03\",\"number\":"
                    "\"SP.Sidik/77/II/2026/LUAR\"",
                    201);
    char path[96], body[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/sprindik", id);
    snprintf(body, sizeof body, "{\"event\":%lld}",
             (long long)json_integer_value(json_object_get(e, "id")));
    p = call("POST", path, demo.inv, body, 409);
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(p, "detail")), "LUAR"));
    json_decref(p);
    const char *pc[1] = {path};
    (void)pc;
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.documents WHERE case_id = $1::bigint", 1, q),
        0);
    json_decref(e);
}
END_TEST

/* Bad input for the act a document is for: not an id, an act of another
 * case, an act of another type, the same paper twice. */
START_TEST(test_issuing_for_an_act_refuses_bad_acts)
{
    long long party, id = case_opened("2026-03-02", &party);
    long long other = case_opened("2026-03-02", &party);
    json_t *e = act(id, demo.inv, "\"type\":\"sprindik_issued\",\"date\":\"2026-03-03\"", 201);
    long long ev = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    char path[96], body[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/sprindik", id);
    json_decref(call("POST", path, demo.inv, "{\"event\":\"satu\"}", 400));
    json_decref(call("POST", path, demo.inv, "{\"event\":-4}", 400));
    /* an act of another case is not this case's */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/sprindik", other);
    snprintf(body, sizeof body, "{\"event\":%lld}", ev);
    json_t *p = call("POST", path, demo.inv, body, 404);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "event");
    json_decref(p);
    /* a Sprindik is not the paper of the Laporan's act */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", id);
    json_decref(call("POST", path, demo.inv, body, 409));
    /* once, then never again for the same act */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/sprindik", id);
    json_decref(call("POST", path, demo.inv, body, 201));
    p = call("POST", path, demo.inv, body, 409);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "event");
    json_decref(p);
    /* "issue" on an act must be form names */
    json_decref(act(id, demo.inv, "\"type\":\"letter_delivered\",\"issue\":\"sprindik\"", 400));
    json_decref(act(id, demo.inv, "\"type\":\"letter_delivered\",\"issue\":[\"../etc\"]", 400));
    /* a form that is not this act's refuses the act with it */
    int v = case_version(id);
    json_decref(act(id, demo.inv, "\"type\":\"letter_delivered\",\"issue\":[\"sprindik\"]", 409));
    ck_assert_int_eq(case_version(id), v);
}
END_TEST

/* ---- officials -------------------------------------------------------------------------- */

/* An admin records who signs; a new Kepala from a date signs what is dated
 * from then on, the documents issued before keep theirs (the dossier
 * reprints the stored signer). */
START_TEST(test_an_official_signs_from_the_date_recorded)
{
    char path[96], body[512];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/officials", office_plg);
    snprintf(body, sizeof body,
             "{\"role\":\"kepala_kantor\",\"title\":\"Kepala Kantor Imigrasi Kelas I TPI "
             "Palembang\",\"acting\":\"Plt.\",\"name\":\"Wayan Ṣubagia Ñoman\",\"nip\":"
             "\"198205052006041001\",\"pangkat\":\"Pembina\",\"golongan\":\"IV/a\","
             "\"valid_from\":\"2026-04-01\",\"valid_to\":\"2026-04-30\"}");
    json_t *o = call("POST", path, admin, body, 201);
    json_decref(o);
    long long party, id = case_opened("2026-04-06", &party);
    json_t *e =
        act(id, demo.inv,
            "\"type\":\"sprindik_issued\",\"date\":\"2026-04-07\",\"issue\":[\"sprindik\"]", 201);
    json_t *d = json_array_get(json_object_get(e, "documents"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(d, "signer")), "Wayan Ṣubagia Ñoman");
    char *t = document_text(json_integer_value(json_object_get(d, "id")));
    assert_has(t, "Plt. KEPALA KANTOR IMIGRASI", "Plt.");
    free(t);
    json_decref(e);
    /* listed for anyone logged on */
    json_t *list = call("GET", path, demo.inv, NULL, 200);
    ck_assert_uint_ge(json_array_size(json_object_get(list, "items")), 4);
    json_decref(list);
}
END_TEST

/* Bad input is 400 naming the field and records nothing; a non-admin is
 * 403; an office outside the admin's subtree is 404. */
START_TEST(test_officials_refuse_bad_input_and_the_wrong_people)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/officials", office_plg);
    static const struct {
        const char *body, *field;
    } bad[] = {
        {"{\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":\"198205052006041001\",\"valid_from\":"
         "\"2026-01-01\"}",
         "role"},
        {"{\"role\":\"camat\",\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":\"198205052006041001\","
         "\"valid_from\":\"2026-01-01\"}",
         "role"},
        {"{\"role\":\"kepala_kantor\",\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":\"12345\","
         "\"valid_from\":\"2026-01-01\"}",
         "nip"},
        {"{\"role\":\"kepala_kantor\",\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":"
         "\"198205052006041001\",\"valid_from\":\"2026-02-30\"}",
         "valid_from"},
        {"{\"role\":\"kepala_kantor\",\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":"
         "\"198205052006041001\",\"valid_from\":\"2026-02-01\",\"valid_to\":\"2026-01-01\"}",
         "valid_to"},
        {"{\"role\":\"kepala_kantor\",\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":"
         "\"198205052006041001\",\"valid_from\":\"2026-02-01\",\"acting\":\"Pj.\"}",
         "acting"},
        {"{\"role\":\"kepala_kantor\",\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":"
         "\"198205052006041001\",\"valid_from\":\"2026-02-01\",\"golongan\":\"V/z\"}",
         "golongan"},
        {"{\"role\":\"kepala_kantor\",\"title\":\"Kepala\",\"name\":\"A B\",\"nip\":"
         "\"198205052006041001\",\"valid_from\":\"2026-02-01\",\"warna\":\"merah\"}",
         "warna"},
    };
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.officials", 0, NULL);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = call("POST", path, admin, bad[i].body, 400);
        ck_assert_msg(strcmp(json_string_value(json_object_get(p, "field")), bad[i].field) == 0,
                      "%s: field %s", bad[i].body, json_string_value(json_object_get(p, "field")));
        json_decref(p);
    }
    static const char good[] = "{\"role\":\"kepala_kantor\",\"title\":\"Kepala\",\"name\":\"A B\","
                               "\"nip\":\"198205052006041001\",\"valid_from\":\"2026-02-01\"}";
    json_decref(call("POST", path, demo.inv, good, 403));
    json_decref(call("POST", path, NULL, good, 401));
    json_decref(call("POST", path, admin_kejagung, good, 404)); /* the other tree */
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.officials", 0, NULL), before);
    /* ending a period: a date, not before it began, an official of that office */
    char *oid = sql_value(
        demo.db, "SELECT id FROM app.officials WHERE name = 'Made Wirawan Kusuma'", 0, NULL);
    char epath[128];
    snprintf(epath, sizeof epath, "/api/v1/offices/%lld/officials/%s", office_plg, oid);
    json_decref(call("PUT", epath, admin, "{\"valid_to\":\"kemarin\"}", 400));
    json_decref(call("PUT", epath, admin, "{\"valid_to\":\"2020-01-01\"}", 404));
    json_decref(call("PUT", epath, demo.inv, "{\"valid_to\":\"2030-01-01\"}", 403));
    snprintf(epath, sizeof epath, "/api/v1/offices/%lld/officials/%s", demo.kejari_plg, oid);
    json_decref(call("PUT", epath, admin_kejagung, "{\"valid_to\":\"2030-01-01\"}", 404));
    free(oid);
    /* the audit trail has the refusals and nothing was changed */
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.officials WHERE valid_to IS NOT NULL "
                               "AND name = 'Made Wirawan Kusuma'",
                               0, NULL),
                     0);
}
END_TEST

/* No official in force on the act's date: the order cannot be signed, 422
 * names who is missing and how to record them, and no number is taken. */
START_TEST(test_an_order_without_an_official_in_force_is_422)
{
    char *o = sql_value(demo.db, "SELECT id FROM app.offices WHERE code = 'KANIM-MRE'", 0, NULL);
    (void)o;
    free(o);
    long long party, id = case_opened("2026-01-10", &party);
    /* the Palembang Kepala's record ends before the act: none in force */
    free(sql_value(demo.db,
                   "UPDATE app.officials SET valid_from = '2026-06-01' WHERE name = "
                   "'Made Wirawan Kusuma' RETURNING id",
                   0, NULL));
    json_t *p =
        act(id, demo.inv,
            "\"type\":\"sprindik_issued\",\"date\":\"2026-01-12\",\"issue\":[\"sprindik\"]", 422);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "signer");
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(p, "detail")), "official add"));
    json_decref(p);
    free(sql_value(demo.db,
                   "UPDATE app.officials SET valid_from = '2025-12-01' WHERE name = "
                   "'Made Wirawan Kusuma' RETURNING id",
                   0, NULL));
}
END_TEST

/* ---- no dead ends ---------------------------------------------------------------------- */

/* PUT with If-Match (the harness' api_call sends no headers). */
static json_t *put_case(long long id, const char *token, int version, const char *body, long want)
{
    char url[128], auth[300], match[48];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld", demo.port, id);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    snprintf(match, sizeof match, "If-Match: \"%d\"", version);
    const char *h[] = {auth, "Content-Type: application/json", version >= 0 ? match : NULL, NULL};
    struct http_result r;
    ck_assert(http_do("PUT", url, body, strlen(body), h, &r));
    ck_assert_msg(r.status == want, "PUT %s %s: want %ld, got %ld: %.500s", url, body, want,
                  r.status, r.body);
    json_t *j = json_loads(r.body, 0, NULL);
    http_result_free(&r);
    ck_assert_ptr_nonnull(j);
    return j;
}

static long long user_id(const char *nip)
{
    const char *p[1] = {nip};
    char *v = sql_value(demo.db, "SELECT id FROM app.users WHERE nip = $1", 1, p);
    long long id = strtoll(v, NULL, 10);
    free(v);
    return id;
}

/* An act whose case row is not moved - what a concurrent change leaves; here a
 * trigger of the test's own skips the row's update - is a conflict the client
 * may retry (409 problem+json, as a stale version is), not a server error; it
 * leaves no row, and the retry, once nothing holds the row, is recorded
 * after the case's last act as if the first had never been sent. */
START_TEST(test_an_act_whose_case_row_was_not_moved_is_a_conflict_to_retry)
{
    json_t *c = call("POST", "/api/v1/cases", demo.inv,
                     "{\"source\":\"other\",\"opened_on\":\"2026-05-04\"}", 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    char path[64], sql[400], cid[24];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    const char *body = "{\"type\":\"letter_delivered\",\"date\":\"2026-05-05\"}";
    json_decref(call("POST", path, demo.inv, body, 201));
    long long before =
        sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1", 1, p);
    free(sql_value(demo.db,
                   "CREATE OR REPLACE FUNCTION public.hold_case() RETURNS trigger "
                   "LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
                   0, NULL));
    snprintf(sql, sizeof sql,
             "CREATE TRIGGER hold_case BEFORE UPDATE ON app.cases FOR EACH ROW WHEN "
             "(OLD.id = %lld AND NEW.events <> OLD.events) EXECUTE FUNCTION public.hold_case()",
             id);
    free(sql_value(demo.db, sql, 0, NULL));
    struct http_result r;
    ck_assert(api_call(demo.port, "POST", path, demo.inv, body, &r));
    ck_assert_msg(r.status == 409, "want 409, got %ld: %.400s", r.status, r.body);
    ck_assert_msg(strncmp(r.content_type, "application/problem+json", 24) == 0, "%s",
                  r.content_type);
    json_t *problem = json_loads(r.body, 0, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(problem, "status")), 409);
    json_decref(problem);
    http_result_free(&r);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1", 1, p),
                     before);
    free(sql_value(demo.db, "DROP TRIGGER hold_case ON app.cases", 0, NULL));
    json_t *ok = call("POST", path, demo.inv, body, 201);
    ck_assert_int_eq(json_integer_value(json_object_get(ok, "seq")), before + 1);
    json_decref(ok);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.events e JOIN app.cases c ON "
                               "c.id = e.case_id AND c.events = e.seq AND c.last_hash = e.hash "
                               "WHERE c.id = $1",
                               1, p),
                     1);
}
END_TEST

/* A case opened without a summary or a Kejari can be corrected: summary,
 * source, Kejari and investigators, with If-Match, audited (issue 8.7). */
START_TEST(test_a_cases_particulars_are_corrected_with_if_match)
{
    json_t *c = call("POST", "/api/v1/cases", demo.inv,
                     "{\"source\":\"other\",\"opened_on\":\"2026-05-04\"}", 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    int v = case_version(id);
    char body[256];
    snprintf(body, sizeof body,
             "{\"summary\":\"WNA bekerja tanpa izin di kebun sawit\",\"source\":\"tim_pora\","
             "\"kejari_id\":%lld,\"investigators\":[%lld,%lld]}",
             demo.kejari_plg, user_id(NIP_INV_PLG), user_id(NIP_INV_PLG2));
    /* bad input changes nothing */
    json_decref(put_case(id, demo.inv, -1, body, 400));                    /* no If-Match */
    json_decref(put_case(id, demo.inv, v + 5, body, 409));                 /* stale */
    json_decref(put_case(id, demo.inv, v, "{\"source\":\"gosip\"}", 400)); /* unknown source */
    json_decref(put_case(id, demo.inv, v, "{\"kejari_id\":1}", 400));      /* not a Kejari */
    json_decref(put_case(id, demo.inv, v, "{\"investigators\":[]}", 400)); /* nobody */
    snprintf(body + 200, 56, "{\"investigators\":[%lld]}", user_id(NIP_INV_MRE));
    json_decref(put_case(id, demo.inv, v, body + 200, 400)); /* another office's PPNS */
    json_decref(put_case(id, demo.inv, v, "{\"warna\":\"merah\"}", 400)); /* unknown member */
    ck_assert_int_eq(case_version(id), v);
    /* who may not: a supervisor, an investigator of another office */
    char *other = api_login(demo.port, NIP_INV_MRE, DEMO_PW),
         *sup = api_login(demo.port, NIP_SUP_PLG, DEMO_PW);
    json_decref(put_case(id, sup, v, body, 403));
    json_decref(put_case(id, other, v, body, 404));
    free(other);
    free(sup);
    /* then it takes, once */
    json_t *ok = put_case(id, demo.inv, v, body, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(ok, "version")), v + 1);
    json_decref(ok);
    json_decref(put_case(id, demo.inv, v, body, 409));
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    c = call("GET", path, demo.inv, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(c, "summary")),
                     "WNA bekerja tanpa izin di kebun sawit");
    ck_assert_str_eq(json_string_value(json_object_get(c, "source")), "tim_pora");
    json_decref(c);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.case_investigators WHERE case_id = "
                               "$1::bigint",
                               1, q),
                     2);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM audit.events WHERE action = 'case.update' "
                               "AND object_id = $1::bigint AND outcome = 'ok'",
                               1, q),
                     1);
}
END_TEST

/* Tahap I sends the berkas: refused (422) until its documents are issued,
 * naming them and how; every act's document can then still be issued at a
 * later stage, BA Tahap II after Tahap II; the dossier binds only the
 * investigator's file (DOMAIN.md 12), its cover carries the case number. */
START_TEST(test_tahap1_needs_the_documents_and_no_stage_locks_a_paper_out)
{
    long long party, id = case_opened("2026-06-01", &party);
    char m[256];
    json_t *e = act(id, demo.inv, "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\"", 201);
    long long sprindik = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-02\",\"party_id\":%lld", party);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-06-03\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    422)); /* its Sprindik has no number yet: one number, so it is refused */
    char path[96], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/sprindik", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", sprindik);
    json_decref(call("POST", path, demo.inv, body, 201));
    json_decref(act(id, demo.inv,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-06-03\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-06-05\",\"bap\":\"tersangka\","
             "\"party_id\":%lld",
             party);
    json_t *bap = act(id, demo.inv, m, 201);
    json_t *res = act(id, demo.inv, "\"type\":\"resume_written\",\"date\":\"2026-06-10\"", 201);
    /* what they say, before their papers are issued (issue 8 point 4) */
    fill_bap(demo.port, demo.inv, id, json_integer_value(json_object_get(bap, "id")));
    fill_resume(demo.port, demo.inv, id, json_integer_value(json_object_get(res, "id")));
    json_decref(bap);
    json_decref(res);
    /* Tahap I: the Laporan, the BAP and the Resume are not issued */
    json_t *p = act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 422);
    json_t *missing = json_object_get(p, "missing");
    ck_assert_uint_eq(json_array_size(missing), 3);
    ck_assert_str_eq(json_string_value(json_array_get(missing, 0)), "laporan_kejadian");
    ck_assert_str_eq(json_string_value(json_array_get(missing, 1)), "bap_tersangka");
    ck_assert_str_eq(json_string_value(json_array_get(missing, 2)), "resume");
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(p, "detail")), "berkas issue"));
    json_decref(p);
    static const char *const forms[] = {"laporan_kejadian", "bap_tersangka", "resume"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, forms[i]);
        json_t *d = call("POST", path, demo.inv, "{}", 201);
        if (i == 0) { /* the Laporan's number is the case's: one number */
            char p2[64];
            snprintf(p2, sizeof p2, "/api/v1/cases/%lld", id);
            json_t *c = call("GET", p2, demo.inv, NULL, 200);
            ck_assert_str_eq(json_string_value(json_object_get(d, "number")),
                             json_string_value(json_object_get(c, "number")));
            ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2026-06-01");
            json_decref(c);
        }
        json_decref(d);
    }
    json_decref(act(
        id, demo.inv,
        "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\",\"issue\":[\"pengantar_tahap1\"]", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-12\"", 201));
    json_decref(act(id, demo.pros,
                    "\"type\":\"p21_received\",\"date\":\"2026-06-15\",\"issue\":[\"p21\"]", 201));
    json_decref(act(id, demo.inv, "\"type\":\"tahap2_done\",\"date\":\"2026-06-20\"", 201));
    /* handed over: the BA of Tahap II is still issued for its act */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/ba_tahap2", id);
    json_t *d = call("POST", path, demo.inv, "{}", 201);
    ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2026-06-20");
    json_decref(d);
    /* the dossier: the investigator's file only, the case number on its cover */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
    char *dir = harness_mkdtemp("acts-dossier"), file[512], url[128], auth[300];
    snprintf(file, sizeof file, "%s/b.pdf", dir);
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.pros);
    FILE *f = fopen(file, "wb");
    CURL *c = curl_easy_init();
    struct curl_slist *h = curl_slist_append(NULL, auth);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
    long status = 0;
    ck_assert_int_eq(curl_easy_perform(c), CURLE_OK);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    curl_slist_free_all(h);
    fclose(f);
    ck_assert_int_eq(status, 200); /* the prosecutor downloads it */
    char *argv[] = {PDFTOTEXT, "-q", file, "-", NULL}, *text = NULL;
    ck_assert_int_eq(run_capture(argv, 30000, &text), 0);
    ck_assert_msg(strstr(text, "(belum bernomor)") == NULL, "cover without the case number");
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *cj = call("GET", path, demo.inv, NULL, 200);
    assert_has(text, json_string_value(json_object_get(cj, "number")), "sampul");
    json_decref(cj);
    ck_assert_msg(strstr(text, "BERITA ACARA SERAH TERIMA") == NULL && strstr(text, "P-21") == NULL,
                  "a P-form or BA Tahap II is bound into the investigator's berkas");
    assert_has(text, "RESUME", "resume");
    free(text);
    free(dir);
}
END_TEST

/* UU 6/2011 Pasal 110(2): the short procedure hands the suspect to the PU with the record of his
 * examination (DOMAIN 4.14, 7.1); after it the file is closed and no paper can be issued for it.
 * Found in acceptance (play3 #2): a hand-over accepted with the BAP tersangka recorded and its
 * paper never issued, which then could not be issued for good.  The hand-over is refused (422,
 * naming the BAP and how to issue it) until the BAP has its paper - nothing recorded, its own paper
 * not issued; the prosecutor may not hand over; issued, the file goes. */
START_TEST(test_the_short_procedure_hands_over_the_suspects_bap_with_its_paper)
{
    long long party, id = case_charged("2026-06-01", "116", &party);
    char m[512], path[96];
    json_decref(act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\",\"number\":"
                    "\"SP.Sidik/30/VI/2026\"",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-02\",\"party_id\":%lld", party);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-06-03\",\"recipient\":\"kejari\"",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-06-05\",\"bap\":\"tersangka\","
             "\"party_id\":%lld",
             party);
    json_t *bap = act(id, demo.inv, m, 201);
    long long bap_id = json_integer_value(json_object_get(bap, "id"));
    json_decref(bap);
    fill_bap(demo.port, demo.inv, id, bap_id);
    const char *handover =
        "\"type\":\"short_procedure_handover\",\"date\":\"2026-06-08\",\"catatan\":"
        "\"Tidak memperlihatkan paspor ketika diminta petugas di Palembang (Pasal 116)\","
        "\"issue\":[\"penyerahan_acara_singkat\"]";
    int version = case_version(id);
    json_t *p = act(id, demo.inv, handover, 422);
    json_t *missing = json_object_get(p, "missing");
    ck_assert_uint_eq(json_array_size(missing), 1);
    const char *gap = json_string_value(json_array_get(missing, 0));
    ck_assert_msg(gap && strstr(gap, "BAP tersangka") && strstr(gap, "belum ada berkas"), "%s",
                  gap);
    const char *detail = json_string_value(json_object_get(p, "detail"));
    ck_assert_msg(strstr(detail, "Pasal 110") && strstr(detail, "bap_tersangka"), "%s", detail);
    json_decref(p);
    /* nothing recorded, nothing issued */
    ck_assert_int_eq(case_version(id), version);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/documents", id);
    json_t *docs = call("GET", path, demo.inv, NULL, 200);
    char *listed = json_dumps(docs, 0);
    ck_assert_msg(strstr(listed, "penyerahan_acara_singkat") == NULL, "%s", listed);
    free(listed);
    json_decref(docs);
    /* the prosecutor does not hand over the investigator's suspect */
    json_decref(act(id, demo.pros, handover, 403));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/bap_tersangka", id);
    snprintf(m, sizeof m, "{\"event\":%lld}", bap_id);
    json_decref(call("POST", path, demo.inv, m, 201));
    json_t *e = act(id, demo.inv, handover, 201);
    ck_assert_str_eq(json_string_value(json_object_get(e, "stage")), "handed_over");
    ck_assert_uint_eq(json_array_size(json_object_get(e, "documents")), 1);
    json_decref(e);
}
END_TEST

/* ---- the CLI ----------------------------------------------------------------------------- */

/* berkas ARGS... (NULL-terminated) as the user whose session lives in
 * XDG_CONFIG_HOME: the exit status, the output in *out. */
static int berkas(char **out, ...)
{
    char *argv[40] = {(char *)harness_cli()};
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 39 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 60000, out);
}

static void berkas_login(const char *nip)
{
    char *dir = harness_mkdtemp("acts-cli"), url[64], *out = NULL;
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    snprintf(url, sizeof url, "http://127.0.0.1:%d", demo.port);
    int rc = berkas(&out, "--server", url, "login", "--nip", nip, NULL);
    ck_assert_msg(rc == 0, "login: %d %s", rc, out);
    unsetenv("BERKAS_PASSWORD");
    free(out);
    free(dir);
}

/* One line on stderr and the README's exit codes: 0 done, 1 refused, 2 usage. */
static void assert_refused(int rc, char *out, int want, const char *what)
{
    ck_assert_msg(rc == want, "%s: exit %d, want %d: %s", what, rc, want, out);
    size_t lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    ck_assert_msg(lines == 1, "%s: %zu lines: %s", what, lines, out);
    free(out);
}

START_TEST(test_cli_records_an_act_with_its_paper_and_corrects_a_case)
{
    long long party, id = case_opened("2026-07-01", &party);
    (void)party;
    char cid[24], *out = NULL;
    snprintf(cid, sizeof cid, "%lld", id);
    berkas_login(NIP_INV_PLG);
    int rc = berkas(&out, "record", cid, "sprindik_issued", "--date", "2026-07-02", "--issue",
                    "sprindik", NULL);
    ck_assert_msg(rc == 0 && strstr(out, "Surat Perintah Penyidikan SP.SIDIK/"), "%d %s", rc, out);
    free(out);
    /* the same paper again for the latest Sprindik act: refused, one line */
    rc = berkas(&out, "issue", cid, "sprindik", NULL);
    assert_refused(rc, out, 1, "issue twice");
    rc = berkas(&out, "issue", cid, "sprindik", "--event", "satu", NULL);
    assert_refused(rc, out, 2, "issue --event satu");
    rc = berkas(&out, "case", "correct", cid, NULL);
    assert_refused(rc, out, 2, "case correct without a change");
    rc = berkas(&out, "case", "correct", cid, "--source", "gosip", NULL);
    assert_refused(rc, out, 1, "case correct --source gosip");
    rc = berkas(&out, "case", "correct", cid, "--summary", "Ringkasan yang dikoreksi", NULL);
    ck_assert_msg(rc == 0 && strstr(out, "dikoreksi"), "%d %s", rc, out);
    free(out);
    /* a PPNS does not record officials */
    char office[24];
    snprintf(office, sizeof office, "%lld", office_plg);
    rc = berkas(&out, "official", "add", office, "--role", "kepala_kantor", "--title", "Kepala",
                "--name", "Nama Uji", "--nip", "198001012005011001", "--from", "2026-01-01", NULL);
    assert_refused(rc, out, 1, "official add as a PPNS");
}
END_TEST

START_TEST(test_cli_admin_records_and_ends_an_official)
{
    char office[24], *out = NULL;
    snprintf(office, sizeof office, "%lld", office_plg);
    berkas_login(NIP_ADMIN_DITJEN);
    int rc = berkas(&out, "official", "add", office, "--role", "kepala_inteldakim", "--title",
                    "Kepala Seksi Intelijen dan Penindakan Keimigrasian", "--name",
                    "Yuliana Sitompul", "--nip", "12345", "--from", "2026-08-01", NULL);
    assert_refused(rc, out, 1, "official add --nip 12345");
    rc = berkas(&out, "official", "add", office, "--role", "kepala_inteldakim", "--from", "kemarin",
                "--title", "Kepala", "--name", "Nama", "--nip", "198001012005011001", NULL);
    assert_refused(rc, out, 2, "official add --from kemarin");
    rc = berkas(&out, "--json", "official", "add", office, "--role", "kepala_inteldakim", "--title",
                "Kepala Seksi Intelijen dan Penindakan Keimigrasian", "--name", "Yuliana Sitompul",
                "--nip", "198507072009122001", "--pangkat", "Penata Tk. I", "--golongan", "III/d",
                "--from", "2026-08-01", NULL);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    json_t *o = json_loads(out, 0, NULL);
    ck_assert_ptr_nonnull(o);
    char oid[24];
    snprintf(oid, sizeof oid, "%lld", (long long)json_integer_value(json_object_get(o, "id")));
    json_decref(o);
    free(out);
    rc = berkas(&out, "official", "list", office, NULL);
    ck_assert_msg(rc == 0 && strstr(out, "Yuliana Sitompul") && strstr(out, "2026-08-01"), "%s",
                  out);
    free(out);
    rc = berkas(&out, "official", "end", office, oid, "--to", "2026-07-01", NULL);
    assert_refused(rc, out, 1, "official end before it began");
    rc = berkas(&out, "official", "end", office, oid, "--to", "2026-09-30", NULL);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    free(out);
    rc = berkas(&out, "official", "list", office, NULL);
    ck_assert_msg(strstr(out, "2026-09-30") != NULL, "%s", out);
    free(out);
}
END_TEST

/* ---- documents from outside ---------------------------------------------------------------- */

struct bytes {
    unsigned char *p;
    size_t n;
};

static size_t bytes_in(char *p, size_t size, size_t n, void *u)
{
    struct bytes *b = u;
    unsigned char *g = realloc(b->p, b->n + size * n);
    if (!g)
        return 0;
    memcpy(g + b->n, p, size * n);
    b->p = g;
    b->n += size * n;
    return size * n;
}

/* GET or POST (body with content type) as token: the status; the reply's
 * bytes in *out (may be NULL). */
static long raw(const char *method, const char *path, const char *token, const void *body,
                size_t len, const char *ctype, struct bytes *out)
{
    char url[1024], auth[300], ct[96];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    snprintf(ct, sizeof ct, "Content-Type: %s", ctype ? ctype : "application/pdf");
    struct curl_slist *h = curl_slist_append(NULL, auth);
    h = curl_slist_append(h, ct);
    struct bytes sink = {0};
    CURL *c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, bytes_in);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, out ? out : &sink);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    if (strcmp(method, "POST") == 0) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    }
    long status = 0;
    ck_assert_int_eq(curl_easy_perform(c), CURLE_OK);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(c);
    curl_slist_free_all(h);
    free(sink.p);
    return status;
}

static void hex_sha256(const struct bytes *b, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, b->p, b->n);
    sodium_bin2hex(out, 65, h, sizeof h);
}

/* An act numbered outside berkas has its paper uploaded (a PDF, sniffed,
 * limited, hashed), under the act's number; it is listed with the case's
 * documents and bound into the berkas perkara in the act's place, its own
 * pages counted in the daftar isi; a later document cites that number. */
START_TEST(test_an_uploaded_paper_is_checked_listed_and_bound_in_its_place)
{
    long long party, id = case_opened("2026-09-01", &party);
    char m[256], path[512];
    json_t *e = act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-09-02\",\"number\":"
                    "\"SP.Sidik/07/IX/2026/LUAR\"",
                    201);
    long long sprindik = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    /* a real PDF from elsewhere: a draft of another case's Laporan, with a
     * scene no document of this case prints */
    long long other_party, other = case_opened("2026-09-01", &other_party);
    struct bytes pdf = {0};
    snprintf(path, sizeof path,
             "/api/v1/cases/%lld/forms/laporan_kejadian.pdf?scene=Dermaga%%20Uji%%20Tujuh", other);
    ck_assert_int_eq(raw("GET", path, demo.inv, NULL, 0, NULL, &pdf), 200);
    char sha[65];
    hex_sha256(&pdf, sha);
    /* bad input: refused, nothing stored */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/uploads?event=%lld&title=Salinan%%20Sprindik",
             id, sprindik);
    ck_assert_int_eq(raw("POST", path, demo.inv, "bukan pdf %%EOF", 15, NULL, NULL), 400);
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n, "application/json", NULL), 400);
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n / 2, NULL, NULL),
                     400); /* truncated */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/uploads?event=%lld", id, sprindik);
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n, NULL, NULL), 400); /* no title */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/uploads?event=%lld&document=1&title=Dua", id,
             sprindik);
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n, NULL, NULL), 400);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/uploads?event=%lld&title=Salinan&warna=merah",
             id, sprindik);
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n, NULL, NULL), 400);
    snprintf(path, sizeof path,
             "/api/v1/cases/%lld/uploads?event=%lld&title=Salinan&number=SP.Sidik/99/LAIN", id,
             sprindik);
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n, NULL, NULL), 409); /* one number */
    harness_setting(demo.db, "upload.max_bytes", "1000");
    snprintf(path, sizeof path, "/api/v1/cases/%lld/uploads?event=%lld&title=Salinan", id,
             sprindik);
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n, NULL, NULL), 413);
    harness_setting(demo.db, "upload.max_bytes", "10485760");
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.uploads WHERE case_id = $1::bigint", 1, q), 0);
    /* the Sprindik's paper */
    snprintf(path, sizeof path,
             "/api/v1/cases/%lld/uploads?event=%lld&title=Surat%%20Perintah%%20Penyidikan%%20("
             "salinan)",
             id, sprindik);
    struct bytes reply = {0};
    ck_assert_int_eq(raw("POST", path, demo.inv, pdf.p, pdf.n, NULL, &reply), 201);
    json_t *u = json_loadb((const char *)reply.p, reply.n, 0, NULL);
    free(reply.p);
    ck_assert_ptr_nonnull(u);
    ck_assert_str_eq(json_string_value(json_object_get(u, "number")), "SP.Sidik/07/IX/2026/LUAR");
    ck_assert_str_eq(json_string_value(json_object_get(u, "sha256")), sha);
    long long up = json_integer_value(json_object_get(u, "id"));
    int up_pages = (int)json_integer_value(json_object_get(u, "pages"));
    ck_assert_int_ge(up_pages, 1);
    json_decref(u);
    /* as uploaded, byte for byte */
    struct bytes back = {0};
    snprintf(path, sizeof path, "/api/v1/uploads/%lld.pdf", up);
    ck_assert_int_eq(raw("GET", path, demo.inv, NULL, 0, NULL, &back), 200);
    char sha2[65];
    hex_sha256(&back, sha2);
    ck_assert_str_eq(sha2, sha);
    free(back.p);
    /* the SPDP cites the Sprindik by the one number */
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-09-02\",\"party_id\":%lld", party);
    json_decref(act(id, demo.inv, m, 201));
    e = act(id, demo.inv,
            "\"type\":\"spdp_sent\",\"date\":\"2026-09-03\",\"recipient\":\"kejari\",\"issue\":["
            "\"spdp\"]",
            201);
    char *t = document_text(json_integer_value(
        json_object_get(json_array_get(json_object_get(e, "documents"), 0), "id")));
    assert_has(t, "SP.Sidik/07/IX/2026/LUAR", "SPDP");
    free(t);
    json_decref(e);
    /* the prosecutor may not attach a paper to the investigator's act */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/uploads?event=%lld&title=Salinan", id,
             sprindik);
    ck_assert_int_eq(raw("POST", path, demo.pros, pdf.p, pdf.n, NULL, NULL), 403);
    /* listed with the case's documents */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/documents", id);
    json_t *list = call("GET", path, demo.inv, NULL, 200);
    ck_assert_uint_eq(json_array_size(json_object_get(list, "uploads")), 1);
    json_decref(list);
    /* complete the file and bind it: the upload's own text is inside */
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-09-05\",\"bap\":\"tersangka\","
             "\"party_id\":%lld",
             party);
    json_t *bap = act(id, demo.inv, m, 201);
    json_t *res = act(id, demo.inv, "\"type\":\"resume_written\",\"date\":\"2026-09-09\"", 201);
    static const char *const said[] = {"bap_tersangka", "resume"};
    json_t *acts[] = {bap, res};
    for (int i = 0; i < 2; i++) {
        long long ev = json_integer_value(json_object_get(acts[i], "id"));
        if (i == 0)
            fill_bap(demo.port, demo.inv, id, ev);
        else
            fill_resume(demo.port, demo.inv, id, ev);
        char issue[64];
        snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, said[i]);
        snprintf(issue, sizeof issue, "{\"event\":%lld}", ev);
        json_decref(call("POST", path, demo.inv, issue, 201));
        json_decref(acts[i]);
    }
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/laporan_kejadian", id);
    json_decref(call("POST", path, demo.inv, "{}", 201));
    struct bytes book = {0};
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
    ck_assert_int_eq(raw("GET", path, demo.inv, NULL, 0, NULL, &book), 200);
    char *dir = harness_mkdtemp("acts-bind"), file[512];
    snprintf(file, sizeof file, "%s/b.pdf", dir);
    FILE *f = fopen(file, "wb");
    ck_assert_uint_eq(fwrite(book.p, 1, book.n, f), book.n);
    fclose(f);
    char *argv[] = {PDFTOTEXT, "-q", "-layout", file, "-", NULL}, *text = NULL;
    ck_assert_int_eq(run_capture(argv, 30000, &text), 0);
    assert_has(text, "Dermaga Uji Tujuh", "the upload's own page");
    assert_has(text, "LAMPIRAN", "the sheet before it");
    assert_has(text, sha, "the manifest");
    /* the daftar isi names its number and the page its sheet is on */
    const char *row = strstr(text, "Surat Perintah Penyidikan (salinan)");
    ck_assert_ptr_nonnull(row);
    free(text);
    free(dir);
    free(book.p);
    free(pdf.p);
}
END_TEST

Suite *suite_acts(void)
{
    Suite *s = suite_create("acts");
    TCase *tc = tcase_create("acts");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_the_sprindik_takes_its_acts_date_letterhead_law_and_signer);
    tcase_add_test(tc, test_a_berita_acara_has_its_acts_hour_in_words_and_one_number);
    tcase_add_test(tc, test_an_act_numbered_outside_berkas_is_not_numbered_again);
    tcase_add_test(tc, test_issuing_for_an_act_refuses_bad_acts);
    tcase_add_test(tc, test_an_official_signs_from_the_date_recorded);
    tcase_add_test(tc, test_officials_refuse_bad_input_and_the_wrong_people);
    tcase_add_test(tc, test_an_order_without_an_official_in_force_is_422);
    tcase_add_test(tc, test_a_cases_particulars_are_corrected_with_if_match);
    tcase_add_test(tc, test_an_act_whose_case_row_was_not_moved_is_a_conflict_to_retry);
    tcase_add_test(tc, test_tahap1_needs_the_documents_and_no_stage_locks_a_paper_out);
    tcase_add_test(tc, test_an_uploaded_paper_is_checked_listed_and_bound_in_its_place);
    tcase_add_test(tc, test_the_short_procedure_hands_over_the_suspects_bap_with_its_paper);
    suite_add_tcase(s, tc);
    TCase *tcli = tcase_create("acts_cli");
    tcase_add_unchecked_fixture(tcli, start, stop);
    tcase_set_timeout(tcli, 120);
    tcase_add_test(tcli, test_cli_records_an_act_with_its_paper_and_corrects_a_case);
    tcase_add_test(tcli, test_cli_admin_records_and_ends_an_official);
    suite_add_tcase(s, tcli);
    return s;
}
