/*
 * test_contents.c - what a BAP and a Resume say (issue 8 point 4), over real
 * HTTP against a real berkasd on the demo data, the CLI as a real process,
 * the issued PDFs read back with pdftotext.
 *
 * The expectations come from the law and the issue, not from the code:
 *   - a Berita Acara Pemeriksaan holds the numbered questions and answers
 *     the examiner wrote, the identity of the person examined from the
 *     party record, whether counsel was present (KUHAP 54-56, 114) and the
 *     interpreter (KUHAP 53, 177), and the closing formula: made truthfully
 *     under oath of office, closed and signed on the date above (DOMAIN.md
 *     7.3); a refusal to sign is noted with its reason (KUHAP 118(2));
 *   - the Resume holds the facts, the analysis of each element (unsur) of
 *     each charged Pasal against them and the conclusion (DOMAIN.md 7.4 and
 *     12, Permenkumham 1/2023 Pasal 48); the elements are those of UU 6/2011
 *     Bab XI as the Pasal reads, so Pasal 119(1) has three elements - "Setiap
 *     Orang Asing", "masuk dan/atau berada di Wilayah Indonesia", and "tidak
 *     memiliki Dokumen Perjalanan dan Visa yang sah dan masih berlaku" -
 *     and never an element "sah" of its own;
 *   - an empty BAP or Resume cannot be issued: 422 naming what is missing
 *     and how to supply it, nothing stored, no number taken;
 *   - bad input is 400 naming the field and changes nothing; only an
 *     investigator of the case's office writes.
 * Acts are dated in October 2026: UU 20/2025 (in force 2 January 2026,
 * its Pasal 369) is the procedural law they cite, never UU 8/1981.
 */
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

static struct demo_server demo;
static const char *inv2, *inv_mre, *sup;
static char server_url[64];

static void start(void)
{
    demo_server_start(&demo, "contents_suite");
    snprintf(server_url, sizeof server_url, "http://127.0.0.1:%d", demo.port);
    inv2 = demo_server_login(&demo, NIP_INV_PLG2);
    inv_mre = demo_server_login(&demo, NIP_INV_MRE);
    sup = demo_server_login(&demo, NIP_SUP_PLG);
}

static void stop(void)
{
    demo_server_stop(&demo);
}

/* ---- HTTP ----------------------------------------------------------------------------- */

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

/* PUT body at path as token with If-Match if_match (NULL: none); the reply
 * with status want. */
static json_t *put(const char *path, const char *token, const char *if_match, const char *body,
                   long want)
{
    char url[256], auth[300], match[64];
    snprintf(url, sizeof url, "%s%s", server_url, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token ? token : "");
    snprintf(match, sizeof match, "If-Match: %s", if_match ? if_match : "");
    const char *h[] = {"Content-Type: application/json", token ? auth : NULL, NULL, NULL};
    if (if_match)
        h[token ? 2 : 1] = match;
    struct http_result r;
    ck_assert(http_do("PUT", url, body, strlen(body), h, &r));
    ck_assert_msg(r.status == want, "PUT %s %.300s: want %ld, got %ld: %.700s", path, body, want,
                  r.status, r.body);
    json_t *j = r.body[0] ? json_loads(r.body, 0, NULL) : json_object();
    ck_assert_msg(j != NULL, "not JSON: %.300s", r.body);
    http_result_free(&r);
    return j;
}

static void assert_has(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not in: %.4000s", what, needle, text);
}

static const char *detail(json_t *problem)
{
    const char *d = json_string_value(json_object_get(problem, "detail"));
    return d ? d : "";
}

/* ---- a case under investigation --------------------------------------------------------- */

struct kase {
    long long id, party, bap, resume;
};

/* A Palembang case opened 1 October 2026 with a suspect of an accented name
 * charged with each Pasal of codes (NULL-ended), its Sprindik issued on 2
 * October, the suspect examined on 5 October (a BAP act, nothing written
 * yet) and a Resume act of 20 October. */
static struct kase investigated(const char *const codes[])
{
    struct kase k = {0};
    char body[640], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-10-01\",\"summary\":\"Uji isi BAP "
             "dan Resume\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    k.id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", k.id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"Nguyễn Thị Phương Thảo\",\"nationality\":"
                     "\"VN\",\"passport_no\":\"C7766554\",\"sex\":\"P\",\"birth_date\":"
                     "\"1991-03-04\",\"birth_place\":\"Thành phố Hồ Chí Minh\"}",
                     201);
    k.party = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", k.id);
    for (size_t i = 0; codes[i]; i++) {
        snprintf(body, sizeof body, "{\"code\":\"%s\",\"party_id\":%lld}", codes[i], k.party);
        json_decref(call("POST", path, demo.inv, body, 201));
    }
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", k.id);
    json_decref(call(
        "POST", path, demo.inv,
        "{\"type\":\"sprindik_issued\",\"date\":\"2026-10-02\",\"issue\":[\"sprindik\"]}", 201));
    snprintf(body, sizeof body,
             "{\"type\":\"suspect_designated\",\"date\":\"2026-10-02\",\"party_id\":%lld}",
             k.party);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(
        body, sizeof body,
        "{\"type\":\"bap_recorded\",\"date\":\"2026-10-05\",\"at\":\"2026-10-05T09:00:00+07:00\","
        "\"bap\":\"tersangka\",\"party_id\":%lld}",
        k.party);
    json_t *b = call("POST", path, demo.inv, body, 201);
    k.bap = json_integer_value(json_object_get(b, "id"));
    json_decref(b);
    json_t *r =
        call("POST", path, demo.inv, "{\"type\":\"resume_written\",\"date\":\"2026-10-20\"}", 201);
    k.resume = json_integer_value(json_object_get(r, "id"));
    json_decref(r);
    return k;
}

static void bap_path(const struct kase *k, char *out, size_t size)
{
    snprintf(out, size, "/api/v1/cases/%lld/events/%lld/bap", k->id, k->bap);
}

static void resume_path(const struct kase *k, char *out, size_t size)
{
    snprintf(out, size, "/api/v1/cases/%lld/events/%lld/resume", k->id, k->resume);
}

static long long documents_of(long long case_id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    const char *p[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.documents WHERE case_id = $1::bigint", 1,
                     p);
}

static long long events_of(long long case_id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    const char *p[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, p);
}

/* The first charge id of the case (GET resume lists them). */
static long long first_charge(const struct kase *k)
{
    char path[128];
    resume_path(k, path, sizeof path);
    json_t *v = call("GET", path, demo.inv, NULL, 200);
    long long id = json_integer_value(
        json_object_get(json_array_get(json_object_get(v, "charges"), 0), "charge"));
    json_decref(v);
    return id;
}

static const char *const only_122[] = {"122", NULL};

static char *config_dir;
static int cli(char **out, ...);
static void cli_logon(void);

/* ---- an Indonesian suspect's identity ------------------------------------------------- */

static long long parties_of(long long case_id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    const char *p[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.parties WHERE case_id = $1::bigint", 1, p);
}

/* The party's stored NIK and version, "nik/version" (malloc'd). */
static char *nik_of(long long party)
{
    char pid[24];
    snprintf(pid, sizeof pid, "%lld", party);
    const char *p[1] = {pid};
    return sql_value(demo.db,
                     "SELECT coalesce(nik, '-') || '/' || version FROM app.parties WHERE id = "
                     "$1::bigint",
                     1, p);
}

/* play3 #25; DOMAIN 7.3 (the identity block of the person examined), UU 6/2011 Pasal 124 (an
 * Indonesian who harbours a foreigner staying unlawfully): a WNI is identified by his NIK
 * (KTP-el), not a passport he need not hold.  Rahmat Saputra, ID, no passport: his BAP Tersangka
 * is refused naming the NIK (before: naming the passport number); a NIK of the wrong shape - 15
 * digits, a letter, month 13, day 32, serial 0000 - is 400 naming nik, nothing changed, on add
 * and on correction; corrected with 1671010504900003 (Palembang, 5 April 1990), the paper says
 * "NIK : 1671010504900003" and no passport line; the case lists it.  The supervisor may not
 * correct it (403), nor another office's investigator (404).  The CLI: --nik of 15 digits one
 * line naming nik, exit 1; a witness added with --nik, case show prints it. */
START_TEST(test_an_indonesian_suspect_is_identified_by_his_nik)
{
    char body[640], path[128], form[96], ev[64];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-10-01\",\"summary\":\"Uji NIK "
             "tersangka WNI\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    static const char *const bad[] = {"167101050490000",  "16710105049000A3", "1671010513900003",
                                      "1671013204900003", "1671010504900000", "0971010504900003"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(body, sizeof body,
                 "{\"kind\":\"suspect\",\"name\":\"Rahmat Saputra\",\"nationality\":\"ID\","
                 "\"nik\":\"%s\"}",
                 bad[i]);
        json_t *p = call("POST", path, demo.inv, body, 400);
        ck_assert_msg(strstr(detail(p), "nik") != NULL, "%s: %s", bad[i], detail(p));
        json_decref(p);
        ck_assert_int_eq(parties_of(id), 0);
    }
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"Rahmat Saputra\",\"nationality\":\"ID\","
                     "\"sex\":\"L\",\"birth_date\":\"1990-04-05\",\"birth_place\":\"Palembang\","
                     "\"occupation\":\"Pemilik rumah kos\",\"address_id\":\"Jalan Kapten Rivai "
                     "Nomor 12, Palembang\"}",
                     201);
    long long party = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"124(a)\",\"party_id\":%lld}", party);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_decref(call(
        "POST", path, demo.inv,
        "{\"type\":\"sprindik_issued\",\"date\":\"2026-10-02\",\"issue\":[\"sprindik\"]}", 201));
    snprintf(body, sizeof body,
             "{\"type\":\"suspect_designated\",\"date\":\"2026-10-02\",\"party_id\":%lld}", party);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(
        body, sizeof body,
        "{\"type\":\"bap_recorded\",\"date\":\"2026-10-05\",\"at\":\"2026-10-05T09:00:00+07:00\","
        "\"bap\":\"tersangka\",\"party_id\":%lld}",
        party);
    json_t *b = call("POST", path, demo.inv, body, 201);
    long long bap = json_integer_value(json_object_get(b, "id"));
    json_decref(b);
    fill_bap(demo.port, demo.inv, id, bap);
    /* neither NIK nor passport: refused naming the NIK, nothing issued */
    snprintf(form, sizeof form, "/api/v1/cases/%lld/forms/bap_tersangka", id);
    snprintf(ev, sizeof ev, "{\"event\":%lld}", bap);
    long long docs = documents_of(id);
    json_t *r = call("POST", form, demo.inv, ev, 422);
    ck_assert_msg(strstr(detail(r), "NIK tersangka") && !strstr(detail(r), "paspor"), "%s",
                  detail(r));
    json_decref(r);
    ck_assert_int_eq(documents_of(id), docs);
    /* a correction of the wrong shape: 400, nothing changed */
    char *was = nik_of(party);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties/%lld", id, party);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(body, sizeof body, "{\"nik\":\"%s\"}", bad[i]);
        r = call("PUT", path, demo.inv, body, 400);
        ck_assert_msg(strstr(detail(r), "nik") != NULL, "%s", detail(r));
        json_decref(r);
    }
    /* who may not correct it */
    json_decref(call("PUT", path, sup, "{\"nik\":\"1671010504900003\"}", 403));
    json_decref(call("PUT", path, inv_mre, "{\"nik\":\"1671010504900003\"}", 404));
    char *now = nik_of(party);
    ck_assert_str_eq(now, was);
    free(now);
    free(was);
    json_decref(call("PUT", path, demo.inv, "{\"nik\":\"1671010504900003\"}", 200));
    r = call("POST", form, demo.inv, ev, 201);
    long long doc = json_integer_value(json_object_get(r, "id"));
    json_decref(r);
    char *t = fill_document_text(demo.port, demo.inv, doc);
    assert_has(t, "Nama : Rahmat Saputra", "identity");
    assert_has(t, "Kewarganegaraan : Indonesia", "identity");
    assert_has(t, "NIK : 1671010504900003", "the WNI's NIK");
    ck_assert_msg(strstr(t, "Nomor paspor") == NULL, "a passport line for a WNI: %.3000s", t);
    free(t);
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    c = call("GET", path, demo.inv, NULL, 200);
    json_t *pp = json_array_get(json_object_get(c, "parties"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(pp, "nik")), "1671010504900003");
    json_decref(c);
    /* the command line */
    cli_logon();
    char cid[24], pid[24], *out;
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(pid, sizeof pid, "%lld", party);
    ck_assert_int_eq(cli(&out, "party", "correct", cid, pid, "--nik", "167101050490000", NULL), 1);
    const char *nl = strchr(out, '\n');
    ck_assert_msg(strstr(out, "nik") && nl && nl[1] == '\0', "not one line naming nik: %s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "party", "add", cid, "--kind", "witness", "--name", "Siti Aminah",
                         "--nationality", "ID", "--sex", "P", "--nik", "1671015208850001", NULL),
                     0);
    free(out);
    ck_assert_int_eq(cli(&out, "case", "show", cid, "--wide", NULL), 0);
    ck_assert_msg(strstr(out, "NIK 1671010504900003") && strstr(out, "NIK 1671015208850001"), "%s",
                  out);
    free(out);
}
END_TEST

/* ---- the BAP ------------------------------------------------------------------------- */

/* The examiner's questions and answers, counsel and interpreter, and the
 * closing, written through the API and read back from the issued PDF. */
START_TEST(test_a_bap_is_written_then_issued_with_what_the_examiner_wrote)
{
    struct kase k = investigated(only_122);
    char path[128], form[96], ev[64];
    bap_path(&k, path, sizeof path);
    /* nothing written yet: version 0, and what is missing says so */
    json_t *v = call("GET", path, demo.inv, NULL, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "version")), 0);
    ck_assert_str_eq(json_string_value(json_object_get(v, "bap")), "tersangka");
    /* Pasal 122: five years (DOMAIN.md 8.2), so counsel is mandatory
     * (KUHAP 56(1), DOMAIN.md 4.6) */
    ck_assert(json_is_true(json_object_get(v, "counsel_mandatory")));
    ck_assert_int_gt(json_array_size(json_object_get(v, "missing")), 0);
    json_decref(v);

    static const char first[] =
        "{\"counsel_informed\":true,"
        "\"counsel\":{\"status\":\"present\",\"name\":\"Ahmad Fauzi, S.H.\",\"office\":\"LBH "
        "Palembang\"},"
        "\"interpreter\":{\"name\":\"Trần Văn Nam\",\"language\":\"Vietnam\"},"
        "\"questions\":["
        "{\"question\":\"Apakah Saudara dalam keadaan sehat jasmani dan rohani?\","
        "\"answer\":\"Ya, saya sehat dan bersedia diperiksa.\"},"
        "{\"question\":\"Izin tinggal apa yang Saudara miliki?\","
        "\"answer\":\"Izin tinggal kunjungan yang berlaku 60 hari.\"},"
        "{\"question\":\"Apa yang Saudara kerjakan di Pasar 16 Ilir?\","
        "\"answer\":\"Saya berjualan pakaian setiap hari\\nsejak bulan Agustus.\"}],"
        "\"closing\":\"Tersangka menyatakan tidak ada lagi keterangan yang ingin ditambahkan.\","
        "\"finished_at\":\"11:40\",\"signed\":true}";
    v = put(path, demo.inv, NULL, first, 201);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "version")), 1);
    ck_assert_msg(json_array_size(json_object_get(v, "missing")) == 0, "missing: %s",
                  json_dumps(json_object_get(v, "missing"), 0));
    json_decref(v);
    /* written whole with its version: none, or a stale one, is refused */
    json_t *p = put(path, demo.inv, NULL, first, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "If-Match");
    json_decref(p);
    json_decref(put(path, demo.inv, "\"7\"", first, 409));
    /* the second version corrects an answer */
    char *second = strdup(first);
    char *at = strstr(second, "berlaku 60 hari");
    memcpy(at, "berlaku 30 hari", 15);
    v = put(path, demo.inv, "\"1\"", second, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "version")), 2);
    json_decref(v);
    free(second);

    snprintf(form, sizeof form, "/api/v1/cases/%lld/forms/bap_tersangka", k.id);
    snprintf(ev, sizeof ev, "{\"event\":%lld}", k.bap);
    json_t *d = call("POST", form, demo.inv, ev, 201);
    long long doc = json_integer_value(json_object_get(d, "id"));
    const char *number = json_string_value(json_object_get(d, "number"));
    char *t = fill_document_text(demo.port, demo.inv, doc);
    assert_has(t, "BERITA ACARA PEMERIKSAAN TERSANGKA", "title");
    assert_has(t, number, "number");
    /* the act's day and hour in words (KUHAP 75) */
    assert_has(t, "Pada hari ini Senin tanggal lima bulan Oktober tahun dua ribu dua puluh enam",
               "date in words");
    /* the identity block, from the party record */
    assert_has(t, "Nama : Nguyễn Thị Phương Thảo", "identity");
    assert_has(t, "Thành phố Hồ Chí Minh, 4 Maret 1991", "identity");
    assert_has(t, "Kewarganegaraan : Vietnam", "identity");
    assert_has(t, "Nomor paspor : C7766554", "identity");
    /* the right to counsel told, counsel present (KUHAP 54-56, 114) */
    assert_has(t, "diberitahukan haknya untuk mendapat bantuan hukum", "counsel told");
    assert_has(t, "didampingi oleh penasihat hukumnya, Ahmad Fauzi, S.H., dari LBH Palembang",
               "counsel");
    /* the interpreter (KUHAP 53, 177) */
    assert_has(t, "dibantu oleh penerjemah Trần Văn Nam (bahasa Vietnam)", "interpreter");
    /* the numbered questions and answers, as written (the second version) */
    assert_has(t, "1. Pertanyaan : Apakah Saudara dalam keadaan sehat jasmani dan rohani?", "qa");
    assert_has(t, "Jawaban : Ya, saya sehat dan bersedia diperiksa.", "qa");
    assert_has(t, "2. Pertanyaan : Izin tinggal apa yang Saudara miliki?", "qa");
    assert_has(t, "Jawaban : Izin tinggal kunjungan yang berlaku 30 hari.", "qa");
    assert_has(t, "3. Pertanyaan : Apa yang Saudara kerjakan di Pasar 16 Ilir?", "qa");
    assert_has(t, "Saya berjualan pakaian setiap hari sejak bulan Agustus.", "qa");
    ck_assert_msg(strstr(t, "berlaku 60 hari") == NULL, "the first version was issued");
    /* the closing words and formula */
    assert_has(t, "Tersangka menyatakan tidak ada lagi keterangan yang ingin ditambahkan.",
               "closing words");
    assert_has(t, "Pemeriksaan selesai pada pukul 11.40", "end");
    assert_has(t,
               "Demikian Berita Acara Pemeriksaan ini dibuat dengan sebenarnya atas kekuatan "
               "sumpah jabatan",
               "closing formula");
    assert_has(t, "ditutup dan ditandatangani pada hari dan tanggal tersebut di atas",
               "closing formula");
    /* the charged Pasal, and the law of the act's date (UU 20/2025 Pasal 369) */
    assert_has(t, "Pasal 122", "pasal");
    assert_has(t,
               "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara Pidana",
               "KUHAP 2025");
    ck_assert_msg(strstr(t, "Nomor 8 Tahun 1981") == NULL, "a 2026 BAP cites UU 8/1981");
    /* no dotted boilerplate */
    ck_assert_ptr_null(strstr(t, "......"));
    free(t);
    json_decref(d);

    /* issued: the content is frozen (a further examination is a new act) */
    json_decref(put(path, demo.inv, "\"2\"", first, 409));
    v = call("GET", path, demo.inv, NULL, 200);
    ck_assert(json_is_true(json_object_get(v, "issued")));
    ck_assert_int_eq(json_integer_value(json_object_get(v, "version")), 2);
    json_decref(v);
}
END_TEST

/* KUHAP 118(2): a refusal to sign is noted in the BAP with its reason. */
START_TEST(test_a_refusal_to_sign_is_noted_with_its_reason)
{
    struct kase k = investigated(only_122);
    char path[128], form[96], ev[64];
    bap_path(&k, path, sizeof path);
    json_decref(put(path, demo.inv, NULL,
                    "{\"counsel_informed\":true,\"counsel\":{\"status\":\"refused\",\"name\":"
                    "\"Ahmad Fauzi, S.H.\"},\"questions\":[{\"question\":\"Apakah Saudara "
                    "sehat?\",\"answer\":\"Ya.\"}],\"signed\":false,\"refusal_reason\":\"tersangka "
                    "ingin berkonsultasi dengan kedutaannya terlebih dahulu\"}",
                    201));
    snprintf(form, sizeof form, "/api/v1/cases/%lld/forms/bap_tersangka", k.id);
    snprintf(ev, sizeof ev, "{\"event\":%lld}", k.bap);
    json_t *d = call("POST", form, demo.inv, ev, 201);
    char *t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t,
               "Tersangka tidak bersedia menandatangani berita acara ini dengan alasan: tersangka "
               "ingin berkonsultasi dengan kedutaannya terlebih dahulu",
               "refusal");
    assert_has(t, "tidak bersedia didampingi penasihat hukum", "counsel refused");
    assert_has(t, "(tidak bersedia menandatangani)", "signature line");
    free(t);
    json_decref(d);
}
END_TEST

/* ---- nothing said, nothing issued ------------------------------------------------------- */

START_TEST(test_an_empty_bap_or_resume_is_not_issued)
{
    struct kase k = investigated(only_122);
    char form[96], ev[64], path[128], events[96], body[400];
    long long docs = documents_of(k.id), evs = events_of(k.id);
    /* the BAP, nothing written */
    snprintf(form, sizeof form, "/api/v1/cases/%lld/forms/bap_tersangka", k.id);
    snprintf(ev, sizeof ev, "{\"event\":%lld}", k.bap);
    json_t *p = call("POST", form, demo.inv, ev, 422);
    char how[96];
    snprintf(how, sizeof how, "berkas bap %lld %lld", k.id, k.bap);
    assert_has(detail(p), "BAP belum lengkap", "bap");
    assert_has(detail(p), "pertanyaan dan jawaban", "bap");
    assert_has(detail(p), "KUHAP Pasal 114", "bap");
    assert_has(detail(p), how, "how to supply it");
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "bap");
    /* never a name from the case in a problem (it is logged) */
    ck_assert_ptr_null(strstr(detail(p), "Nguyễn"));
    json_decref(p);
    /* a second examination recorded with its paper: refused, and the act
     * with it (one transaction) */
    snprintf(events, sizeof events, "/api/v1/cases/%lld/events", k.id);
    snprintf(body, sizeof body,
             "{\"type\":\"bap_recorded\",\"date\":\"2026-10-06\",\"bap\":\"tersangka\","
             "\"party_id\":%lld,\"issue\":[\"bap_tersangka\"]}",
             k.party);
    p = call("POST", events, demo.inv, body, 422);
    assert_has(detail(p), "tanpa --issue", "record --issue");
    json_decref(p);
    ck_assert_int_eq(events_of(k.id), evs);

    /* the Resume, nothing written: each part named, each element of 122 */
    snprintf(form, sizeof form, "/api/v1/cases/%lld/forms/resume", k.id);
    snprintf(ev, sizeof ev, "{\"event\":%lld}", k.resume);
    p = call("POST", form, demo.inv, ev, 422);
    assert_has(detail(p), "Resume belum lengkap", "resume");
    assert_has(detail(p), "uraian singkat", "resume");
    assert_has(detail(p), "fakta-fakta", "resume");
    assert_has(detail(p), "analisis Pasal 122 unsur 1", "resume");
    snprintf(how, sizeof how, "berkas resume %lld %lld", k.id, k.resume);
    assert_has(detail(p), how, "how to supply it");
    json_decref(p);

    /* written but for one element: exactly that one is named */
    long long charge = first_charge(&k);
    resume_path(&k, path, sizeof path);
    snprintf(body, sizeof body,
             "{\"summary\":\"Uraian.\",\"facts\":[\"Bahwa tersangka orang asing.\"],"
             "\"analysis\":[{\"charge\":%lld,\"element\":1,\"text\":\"Terpenuhi.\"},"
             "{\"charge\":%lld,\"element\":2,\"text\":\"Terpenuhi.\"}],"
             "\"conclusion\":\"Terpenuhi.\"}",
             charge, charge);
    json_t *v = put(path, demo.inv, NULL, body, 201);
    json_t *missing = json_object_get(v, "missing");
    ck_assert_int_eq(json_array_size(missing), 1);
    assert_has(json_string_value(json_array_get(missing, 0)), "analisis Pasal 122 unsur 3",
               "missing");
    json_decref(v);
    p = call("POST", form, demo.inv, ev, 422);
    assert_has(detail(p), "analisis Pasal 122 unsur 3", "resume");
    ck_assert_ptr_null(strstr(detail(p), "unsur 1"));
    json_decref(p);

    /* KUHAP 56(1): five years or more and counsel refused with no counsel
     * appointed; an answer left empty */
    bap_path(&k, path, sizeof path);
    json_decref(put(path, demo.inv, NULL,
                    "{\"counsel_informed\":true,\"counsel\":{\"status\":\"refused\"},"
                    "\"questions\":[{\"question\":\"Apakah Saudara sehat?\",\"answer\":\"Ya.\"},"
                    "{\"question\":\"Di mana Saudara bekerja?\",\"answer\":\"\"}]}",
                    201));
    snprintf(form, sizeof form, "/api/v1/cases/%lld/forms/bap_tersangka", k.id);
    snprintf(ev, sizeof ev, "{\"event\":%lld}", k.bap);
    p = call("POST", form, demo.inv, ev, 422);
    assert_has(detail(p), "KUHAP Pasal 56 ayat (1)", "counsel");
    assert_has(detail(p), "jawaban pertanyaan 2", "answer");
    ck_assert_ptr_null(strstr(detail(p), "pertanyaan dan jawaban;"));
    json_decref(p);

    /* none of it stored a paper */
    ck_assert_int_eq(documents_of(k.id), docs);
}
END_TEST

/* ---- bad input ---------------------------------------------------------------------------- */

START_TEST(test_bad_content_is_refused_naming_the_field_and_changes_nothing)
{
    struct kase k = investigated(only_122);
    char bap[128], res[128], body[600];
    bap_path(&k, bap, sizeof bap);
    resume_path(&k, res, sizeof res);
    long long charge = first_charge(&k);
    char long_q[4100 + 64];
    snprintf(long_q, sizeof long_q, "{\"questions\":[{\"question\":\"%4001d\"}]}", 7);
    static const struct {
        bool resume;
        const char *body, *field;
    } bad[] = {
        {false, "{\"questions\":\"Apakah?\"}", "questions"},
        {false, "{\"questions\":[{\"question\":\"  \",\"answer\":\"Ya.\"}]}",
         "questions.1.question"},
        {false, "{\"questions\":[{\"question\":\"Apa?\",\"answer\":\"Ya.\",\"nilai\":1}]}",
         "questions.1"},
        {false, "{\"questions\":[{\"question\":\"Apa?\",\"answer\":7}]}", "questions.1.answer"},
        {false, "{\"pertanyaan\":[]}", "pertanyaan"},
        {false, "{\"counsel\":{\"status\":\"mungkin\"}}", "counsel.status"},
        {false, "{\"counsel\":{\"status\":\"present\"}}", "counsel.name"},
        {false, "{\"interpreter\":{\"language\":\"Vietnam\"}}", "interpreter.name"},
        /* a suspect is not sworn; only a witness's oath has a reason */
        {false, "{\"oath\":\"sumpah\"}", "oath"},
        {false, "{\"expertise\":\"Hukum\"}", "expertise"},
        {false, "{\"finished_at\":\"25:00\"}", "finished_at"},
        {false, "{\"finished_at\":\"1130\"}", "finished_at"},
        {false, "{\"signed\":\"ya\"}", "signed"},
        /* KUHAP 118(2): a refusal to sign needs its reason */
        {false, "{\"signed\":false}", "refusal_reason"},
        {false, "{\"questions\":[{\"question\":\"Apa\\u0007?\",\"answer\":\"Ya.\"}]}",
         "questions.1.question"},
        {true, "{\"facts\":\"Bahwa.\"}", "facts"},
        {true, "{\"facts\":[\"Bahwa.\",\"\"]}", "facts.2"},
        {true, "{\"analysis\":[{\"charge\":999999,\"element\":1,\"text\":\"x\"}]}",
         "analysis.1.charge"},
        {true, "{\"counsel\":{\"status\":\"present\"}}", "counsel"},
        {true, "{\"summary\":[\"x\"]}", "summary"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        json_t *p = put(bad[i].resume ? res : bap, demo.inv, NULL, bad[i].body, 400);
        ck_assert_msg(strcmp(json_string_value(json_object_get(p, "field")), bad[i].field) == 0,
                      "%s: field %s, not %s (%s)", bad[i].body,
                      json_string_value(json_object_get(p, "field")), bad[i].field, detail(p));
        json_decref(p);
    }
    json_t *p = put(bap, demo.inv, NULL, long_q, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "questions.1.question");
    json_decref(p);
    /* an element the Pasal does not have; the same element twice */
    snprintf(body, sizeof body, "{\"analysis\":[{\"charge\":%lld,\"element\":9,\"text\":\"x\"}]}",
             charge);
    p = put(res, demo.inv, NULL, body, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "analysis.1.element");
    json_decref(p);
    snprintf(body, sizeof body,
             "{\"analysis\":[{\"charge\":%lld,\"element\":1,\"text\":\"x\"},{\"charge\":%lld,"
             "\"element\":1,\"text\":\"y\"}]}",
             charge, charge);
    p = put(res, demo.inv, NULL, body, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "analysis.2");
    json_decref(p);
    /* not JSON, not an object, a malformed If-Match */
    json_decref(put(bap, demo.inv, NULL, "{\"questions\":", 400));
    json_decref(put(bap, demo.inv, NULL, "[]", 400));
    p = put(bap, demo.inv, "abc", "{}", 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "If-Match");
    json_decref(p);
    /* the wrong kind of act, an act of another case, no such act: 404 */
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/%lld/bap", k.id, k.resume);
    json_decref(put(path, demo.inv, NULL, "{}", 404));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/%lld/resume", k.id, k.bap);
    json_decref(call("GET", path, demo.inv, NULL, 404));
    struct kase other = investigated(only_122);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/%lld/bap", k.id, other.bap);
    json_decref(put(path, demo.inv, NULL, "{}", 404));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/999999999/bap", k.id);
    json_decref(call("GET", path, demo.inv, NULL, 404));
    /* nothing was stored */
    json_t *v = call("GET", bap, demo.inv, NULL, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "version")), 0);
    json_decref(v);
    v = call("GET", res, demo.inv, NULL, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "version")), 0);
    json_decref(v);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", k.id);
    const char *pc[1] = {cid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.act_contents WHERE case_id = $1::bigint",
                               1, pc),
                     0);
}
END_TEST

/* ---- who may ------------------------------------------------------------------------------ */

START_TEST(test_only_an_investigator_of_the_office_writes)
{
    struct kase k = investigated(only_122);
    char bap[128], res[128];
    bap_path(&k, bap, sizeof bap);
    resume_path(&k, res, sizeof res);
    static const char body[] = "{\"questions\":[{\"question\":\"Apakah Saudara sehat?\"}]}";
    /* the supervisor reads and may not write; the prosecutor may not write
     * (and, the SPDP not sent, does not see the case); another office's
     * investigator sees nothing; nobody logged on is 401 */
    json_decref(call("GET", bap, sup, NULL, 200));
    json_decref(put(bap, sup, NULL, body, 403));
    json_decref(put(res, sup, NULL, "{}", 403));
    json_decref(call("GET", bap, demo.pros, NULL, 404));
    json_decref(put(bap, demo.pros, NULL, body, 403));
    json_decref(call("GET", bap, inv_mre, NULL, 404));
    json_decref(put(bap, inv_mre, NULL, body, 404));
    json_decref(put(res, inv_mre, NULL, "{}", 404));
    json_decref(put(bap, NULL, NULL, body, 401));
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", k.id);
    const char *pc[1] = {cid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.act_contents WHERE case_id = $1::bigint",
                               1, pc),
                     0);
    /* another investigator of the same office writes */
    json_decref(put(bap, inv2, NULL, body, 201));
    /* each write leaves an audit line naming counts, never the content */
    long long n = sql_count(demo.db,
                            "SELECT count(*) FROM audit.events WHERE action = 'bap.write' AND "
                            "object_id = $1::bigint AND detail::text LIKE '%Saudara%'",
                            1, pc);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM audit.events WHERE action = 'bap.write' "
                               "AND object_id = $1::bigint AND outcome = 'ok'",
                               1, pc),
                     1);
}
END_TEST

/* ---- the elements of the law -------------------------------------------------------------- */

/* What each Pasal of UU 6/2011 Bab XI says, read from the Pasal's own
 * wording (DOMAIN.md 8.2): words each element list must hold. */
static const struct {
    const char *code;
    const char *words[3];
} pasal_words[] = {
    {"113", {"Setiap orang", "dengan sengaja", "Pasal 9 ayat (1)"}},
    {"114(1)", {"Penanggung Jawab Alat Angkut", "Pasal 17 ayat (1)", NULL}},
    {"114(2)", {"Penanggung Jawab Alat Angkut", "penumpang", "Pasal 17 ayat (2)"}},
    {"115", {"Penanggung Jawab Alat Angkut", "biaya beban", NULL}},
    {"116", {"Orang Asing", "Pasal 71", NULL}},
    {"117", {"tempat penginapan", "Pasal 72 ayat (2)", NULL}},
    {"118", {"Penjamin", "Pasal 63", NULL}},
    {"119(1)",
     {"Setiap Orang Asing", "Dokumen Perjalanan dan Visa yang sah dan masih berlaku", "Pasal 8"}},
    {"119(2)", {"Orang Asing", "Dokumen Perjalanan", "palsu atau dipalsukan"}},
    {"120", {"mencari keuntungan", "membawa", "tidak memiliki hak secara sah"}},
    {"121", {"Visa", "Izin Tinggal", "palsu"}},
    {"122", {"Orang Asing", "Izin Tinggal", NULL}},
    {"123", {"keterangan yang tidak benar", "Visa atau Izin Tinggal", NULL}},
    {"124(a)", {"menyembunyikan", "Orang Asing", "secara tidak sah"}},
    {"124(b)", {"menyembunyikan", "Izin Tinggalnya habis berlaku", NULL}},
    {"125", {"Orang Asing", "daerah", NULL}},
    {"126", {"Dokumen Perjalanan Republik Indonesia", NULL, NULL}},
    {"127", {"menyimpan", "Dokumen Perjalanan Republik Indonesia", NULL}},
    {"128", {"blangko", NULL, NULL}},
    {"129", {"Dokumen Perjalanan Republik Indonesia", NULL, NULL}},
    {"130", {"milik orang lain", NULL, NULL}},
    {"131", {"data Keimigrasian", NULL, NULL}},
    {"132", {"Pejabat Imigrasi", NULL, NULL}},
    {"133(b)", {"Pejabat Imigrasi", "Penyelundupan Manusia", NULL}},
    {"134(b)", {"Deteni", "melarikan diri", NULL}},
    {"135", {"perkawinan semu", NULL, NULL}},
};

/* Every Pasal of the catalogue, charged, brings its own elements in order:
 * the words of its wording, and no element cut out of another ("sah"). */
START_TEST(test_every_pasal_of_the_catalogue_brings_its_elements)
{
    json_t *cat = call("GET", "/api/v1/offences", demo.inv, NULL, 200);
    json_t *items = json_object_get(cat, "items");
    if (!items)
        items = cat;
    ck_assert_int_ge(json_array_size(items), 26);
    const char *codes[64];
    size_t n = 0, i;
    json_t *o;
    json_array_foreach(items, i, o)
    {
        if (n < 63)
            codes[n++] = json_string_value(json_object_get(o, "code"));
    }
    codes[n] = NULL;
    struct kase k = investigated(codes);
    char path[128];
    resume_path(&k, path, sizeof path);
    json_t *v = call("GET", path, demo.inv, NULL, 200);
    json_t *charges = json_object_get(v, "charges");
    ck_assert_int_eq(json_array_size(charges), n);
    size_t checked = 0;
    json_t *ch;
    json_array_foreach(charges, i, ch)
    {
        const char *code = json_string_value(json_object_get(ch, "code"));
        json_t *els = json_object_get(ch, "elements");
        ck_assert_msg(json_array_size(els) >= 2, "Pasal %s: %zu elements", code,
                      json_array_size(els));
        char all[4000] = "";
        size_t e;
        json_t *el;
        json_array_foreach(els, e, el)
        {
            const char *text = json_string_value(json_object_get(el, "element"));
            ck_assert_int_eq(json_integer_value(json_object_get(el, "no")), (long long)e + 1);
            ck_assert_msg(strcmp(text, "sah") != 0 && strncmp(text, "sah ", 4) != 0 &&
                              strcmp(text, "yang sah") != 0,
                          "Pasal %s: element %zu is \"%s\"", code, e + 1, text);
            strncat(all, text, sizeof all - strlen(all) - 2);
            strncat(all, "|", sizeof all - strlen(all) - 1);
        }
        for (size_t w = 0; w < sizeof pasal_words / sizeof pasal_words[0]; w++) {
            if (strcmp(pasal_words[w].code, code) != 0)
                continue;
            checked++;
            for (int q = 0; q < 3 && pasal_words[w].words[q]; q++)
                ck_assert_msg(strstr(all, pasal_words[w].words[q]) != NULL,
                              "Pasal %s lacks \"%s\": %s", code, pasal_words[w].words[q], all);
        }
        /* 119(1): three elements, the third whole (not split at "sah") */
        if (strcmp(code, "119(1)") == 0) {
            ck_assert_int_eq(json_array_size(els), 3);
            assert_has(json_string_value(json_object_get(json_array_get(els, 2), "element")),
                       "tidak memiliki Dokumen Perjalanan dan Visa yang sah dan masih berlaku",
                       "119(1) element 3");
        }
    }
    ck_assert_int_eq(checked, sizeof pasal_words / sizeof pasal_words[0]);
    json_decref(v);
    json_decref(cat);
}
END_TEST

/* The Resume written for Pasal 119(1) and 122 and read back: the facts,
 * each element with its analysis, the conclusion. */
START_TEST(test_a_resume_is_written_then_issued_with_each_element_analysed)
{
    static const char *const codes[] = {"119(1)", "122", NULL};
    struct kase k = investigated(codes);
    fill_bap(demo.port, demo.inv, k.id, k.bap);
    char path[128];
    resume_path(&k, path, sizeof path);
    json_t *v = call("GET", path, demo.inv, NULL, 200);
    json_t *analysis = json_array();
    size_t i, e;
    json_t *ch, *el;
    json_array_foreach(json_object_get(v, "charges"), i, ch)
    {
        json_array_foreach(json_object_get(ch, "elements"), e, el)
        {
            char text[200];
            snprintf(text, sizeof text, "Analisis unsur %zu Pasal %s: terpenuhi oleh fakta.", e + 1,
                     json_string_value(json_object_get(ch, "code")));
            json_array_append_new(analysis, json_pack("{s:O, s:O, s:s}", "charge",
                                                      json_object_get(ch, "charge"), "element",
                                                      json_object_get(el, "no"), "text", text));
        }
    }
    json_decref(v);
    json_t *c = json_pack(
        "{s:[s], s:s, s:[s, s], s:o, s:s}", "basis",
        "Keterangan tertulis Pejabat Imigrasi tanggal 3 Oktober 2026", "summary",
        "Dalam pengawasan ditemukan orang asing berdagang di Pasar 16 Ilir tanpa paspor.", "facts",
        "Bahwa tersangka tidak dapat menunjukkan paspor dan visa.",
        "Bahwa tersangka berdagang pakaian setiap hari.", "analysis", analysis, "conclusion",
        "Perbuatan tersangka memenuhi unsur Pasal 119 ayat (1) dan Pasal 122.");
    char *body = json_dumps(c, JSON_COMPACT);
    json_decref(put(path, demo.inv, NULL, body, 201));
    free(body);
    json_decref(c);
    char form[96], ev[64];
    snprintf(form, sizeof form, "/api/v1/cases/%lld/forms/resume", k.id);
    snprintf(ev, sizeof ev, "{\"event\":%lld}", k.resume);
    json_t *d = call("POST", form, demo.inv, ev, 201);
    char *t = fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
    assert_has(t, "RESUME", "title");
    assert_has(t, "Keterangan tertulis Pejabat Imigrasi tanggal 3 Oktober 2026", "basis");
    assert_has(t, "Dalam pengawasan ditemukan orang asing berdagang", "summary");
    assert_has(t, "VI. FAKTA-FAKTA", "facts");
    assert_has(t, "Bahwa tersangka tidak dapat menunjukkan paspor dan visa.", "facts");
    assert_has(t, "VII. ANALISA YURIDIS", "analysis");
    /* UU 6/2011 Pasal 119(1), element by element, whole */
    assert_has(t, "Unsur \"Setiap Orang Asing\"", "119(1)");
    assert_has(t, "Unsur \"masuk dan/atau berada di Wilayah Indonesia\"", "119(1)");
    assert_has(t,
               "Unsur \"tidak memiliki Dokumen Perjalanan dan Visa yang sah dan masih berlaku "
               "sebagaimana dimaksud dalam Pasal 8\"",
               "119(1)");
    ck_assert_msg(strstr(t, "Unsur \"sah\"") == NULL, "an element \"sah\" of its own");
    assert_has(t, "Analisis unsur 3 Pasal 119(1): terpenuhi oleh fakta.", "analysis");
    assert_has(t, "Analisis unsur 3 Pasal 122: terpenuhi oleh fakta.", "analysis");
    assert_has(t, "VIII. KESIMPULAN", "conclusion");
    assert_has(t, "Perbuatan tersangka memenuhi unsur Pasal 119 ayat (1) dan Pasal 122.",
               "conclusion");
    /* nothing left marked as not written */
    ck_assert_ptr_null(strstr(t, "belum diisi"));
    ck_assert_ptr_null(strstr(t, "belum dianalisis"));
    free(t);
    json_decref(d);
}
END_TEST

/* ---- the CLI ------------------------------------------------------------------------------- */

/* berkas ARGS... (NULL-terminated) as the PLG investigator: exit status,
 * stdout and stderr in *out. */
static int cli(char **out, ...)
{
    char *argv[32] = {(char *)harness_cli(), "--server", server_url};
    size_t n = 3;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 31 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 30000, out);
}

static void cli_logon(void)
{
    config_dir = harness_mkdtemp("cli-contents");
    setenv("XDG_CONFIG_HOME", config_dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    unsetenv("BERKAS_SERVER");
    char *out;
    int rc = cli(&out, "login", "--nip", NIP_INV_PLG, NULL);
    ck_assert_msg(rc == 0, "login: %d %s", rc, out);
    free(out);
    unsetenv("BERKAS_PASSWORD");
}

static char *file_with(const char *name, const char *text)
{
    size_t n = strlen(config_dir) + strlen(name) + 2;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s", config_dir, name);
    ck_assert(write_text(path, text));
    return path;
}

START_TEST(test_cli_writes_a_bap_and_a_resume_from_text_files)
{
    cli_logon();
    struct kase k = investigated(only_122);
    char cid[24], bev[24], rev[24], *out;
    snprintf(cid, sizeof cid, "%lld", k.id);
    snprintf(bev, sizeof bev, "%lld", k.bap);
    snprintf(rev, sizeof rev, "%lld", k.resume);
    char *bap = file_with("bap.txt", "# BAP tersangka\n"
                                     "diberitahu-hak-penasihat-hukum: ya\n"
                                     "penasihat-hukum: hadir\n"
                                     "nama-penasihat-hukum: Siti Rahmawati, S.H.\n"
                                     "penerjemah: Trần Văn Nam\n"
                                     "bahasa-penerjemah: Vietnam\n"
                                     "\n"
                                     "P: Apakah Saudara sehat?\n"
                                     "J: Ya, saya sehat.\n"
                                     "P: Apa pekerjaan Saudara\n"
                                     "  di Palembang?\n"
                                     "J: Saya berdagang pakaian\r\n"
                                     "  di Pasar 16 Ilir.\n"
                                     "penutup: Tidak ada keterangan tambahan.\n"
                                     "selesai-pukul: 10:30\n"
                                     "ditandatangani: ya\n");
    int rc = cli(&out, "bap", cid, bev, "--from", bap, NULL);
    ck_assert_msg(rc == 0 && strstr(out, "tersimpan: versi 1") && strstr(out, "berkas issue"),
                  "bap: %d %s", rc, out);
    free(out);
    char path[128];
    bap_path(&k, path, sizeof path);
    json_t *v = call("GET", path, demo.inv, NULL, 200);
    json_t *qs = json_object_get(json_object_get(v, "content"), "questions");
    ck_assert_int_eq(json_array_size(qs), 2);
    /* a line that is not a key continues the entry above, as a new line */
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(qs, 1), "question")),
                     "Apa pekerjaan Saudara\ndi Palembang?");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(qs, 1), "answer")),
                     "Saya berdagang pakaian\ndi Pasar 16 Ilir.");
    ck_assert_str_eq(json_string_value(json_object_get(
                         json_object_get(json_object_get(v, "content"), "counsel"), "name")),
                     "Siti Rahmawati, S.H.");
    json_decref(v);
    /* --show prints it back in the same format; sent again it is the same */
    rc = cli(&out, "bap", cid, bev, "--show", NULL);
    ck_assert_msg(rc == 0 && strstr(out, "P: Apa pekerjaan Saudara\n  di Palembang?") &&
                      strstr(out, "penasihat-hukum: hadir"),
                  "show: %d %s", rc, out);
    char *again = file_with("again.txt", out);
    free(out);
    rc = cli(&out, "bap", cid, bev, "--from", again, NULL);
    ck_assert_msg(rc == 0 && strstr(out, "versi 2"), "again: %d %s", rc, out);
    free(out);
    v = call("GET", path, demo.inv, NULL, 200);
    ck_assert_str_eq(
        json_string_value(json_object_get(
            json_array_get(json_object_get(json_object_get(v, "content"), "questions"), 1),
            "answer")),
        "Saya berdagang pakaian\ndi Pasar 16 Ilir.");
    json_decref(v);

    /* a line it cannot read: one line naming the line, exit 2, nothing sent */
    char *bad =
        file_with("bad.txt", "P: Apakah Saudara sehat?\nJ: Ya.\npenasihat-hukum: mungkin\n");
    rc = cli(&out, "bap", cid, bev, "--from", bad, NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1 && strstr(out, "baris 3"), "bad: %d %s", rc,
                  out);
    free(out);
    char *stray = file_with("stray.txt", "bukan kunci sama sekali\n");
    rc = cli(&out, "bap", cid, bev, "--from", stray, NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1 && strstr(out, "baris 1"), "stray: %d %s", rc,
                  out);
    free(out);
    rc = cli(&out, "bap", cid, bev, "--from", "/nonexistent/bap.txt", NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1, "missing file: %d %s", rc, out);
    free(out);
    /* the server refuses (a suspect is not sworn): one line, exit 1 */
    char *sworn = file_with("sworn.txt", "sumpah: sumpah\nP: Apa?\nJ: Ya.\n");
    rc = cli(&out, "bap", cid, bev, "--from", sworn, NULL);
    ck_assert_msg(rc == 1 && count_lines(out) == 1 && strstr(out, "400"), "sworn: %d %s", rc, out);
    free(out);
    /* no file and no terminal for $EDITOR: usage, 2 */
    rc = cli(&out, "bap", cid, bev, NULL);
    ck_assert_msg(rc == 2 && count_lines(out) == 1 && strstr(out, "terminal"), "tty: %d %s", rc,
                  out);
    free(out);
    v = call("GET", path, demo.inv, NULL, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "version")), 2);
    json_decref(v);

    /* the Resume: --show lists the charge's elements to analyse */
    long long charge = first_charge(&k);
    rc = cli(&out, "resume", cid, rev, "--show", NULL);
    char key[64];
    snprintf(key, sizeof key, "unsur %lld.3:", charge);
    ck_assert_msg(rc == 0 && strstr(out, key) && strstr(out, "# Pasal 122"), "show: %d %s", rc,
                  out);
    free(out);
    char text[1200];
    snprintf(text, sizeof text,
             "uraian: Orang asing berdagang di Pasar 16 Ilir dengan izin tinggal kunjungan.\n"
             "fakta: Bahwa tersangka memegang izin tinggal kunjungan.\n"
             "fakta: Bahwa tersangka berdagang pakaian\n"
             "  setiap hari.\n"
             "unsur %lld.1: Tersangka orang asing.\n"
             "unsur %lld.2: Tersangka berdagang dengan sengaja.\n"
             "unsur %lld.3: Berdagang tidak sesuai dengan izin tinggal kunjungan.\n"
             "kesimpulan: Seluruh unsur Pasal 122 terpenuhi.\n",
             charge, charge, charge);
    char *res = file_with("resume.txt", text);
    rc = cli(&out, "resume", cid, rev, "--from", res, NULL);
    ck_assert_msg(rc == 0 && strstr(out, "Lengkap"), "resume: %d %s", rc, out);
    free(out);
    rc = cli(&out, "issue", cid, "resume", "--event", rev, NULL);
    ck_assert_msg(rc == 0, "issue resume: %d %s", rc, out);
    free(out);
    /* the BAP was completed above: issued too */
    rc = cli(&out, "issue", cid, "bap_tersangka", "--event", bev, NULL);
    ck_assert_msg(rc == 0, "issue bap: %d %s", rc, out);
    free(out);
    /* issued: written no more (409), one line, exit 1 */
    rc = cli(&out, "bap", cid, bev, "--from", again, NULL);
    ck_assert_msg(rc == 1 && count_lines(out) == 1 && strstr(out, "409"), "frozen: %d %s", rc, out);
    free(out);
    free(bap);
    free(again);
    free(bad);
    free(stray);
    free(sworn);
    free(res);
    free(config_dir);
}
END_TEST

/* An empty BAP issued from the CLI: one line naming what is missing, exit 1. */
START_TEST(test_cli_refuses_to_issue_an_empty_bap)
{
    cli_logon();
    struct kase k = investigated(only_122);
    char cid[24], bev[24], *out;
    snprintf(cid, sizeof cid, "%lld", k.id);
    snprintf(bev, sizeof bev, "%lld", k.bap);
    int rc = cli(&out, "issue", cid, "bap_tersangka", "--event", bev, NULL);
    ck_assert_msg(rc == 1 && count_lines(out) == 1 && strstr(out, "422") &&
                      strstr(out, "BAP belum lengkap") && strstr(out, "berkas bap"),
                  "%d %s", rc, out);
    free(out);
    free(config_dir);
}
END_TEST

/* $EDITOR on a terminal: the current content is opened, what the editor
 * leaves is sent. */
START_TEST(test_cli_bap_in_the_editor)
{
    cli_logon();
    struct kase k = investigated(only_122);
    char cid[24], bev[24], *out;
    snprintf(cid, sizeof cid, "%lld", k.id);
    snprintf(bev, sizeof bev, "%lld", k.bap);
    /* the "editor" appends a question and its answer to the file it gets */
    char *editor = file_with("editor.sh", "#!/bin/sh\nprintf 'P: Apakah Saudara sehat?\\nJ: Ya, "
                                          "sehat.\\n' >> \"$1\"\n");
    ck_assert_int_eq(chmod(editor, 0700), 0);
    setenv("EDITOR", editor, 1);
    unsetenv("VISUAL");
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s --server %s bap %s %s", harness_cli(), server_url, cid, bev);
    /* script(1) gives the command a terminal */
    char *argv[] = {"/usr/bin/script", "-qec", cmd, "/dev/null", NULL};
    int rc = run_capture(argv, 30000, &out);
    ck_assert_msg(rc == 0 && strstr(out, "tersimpan"), "editor: %d %s", rc, out);
    free(out);
    char path[128];
    bap_path(&k, path, sizeof path);
    json_t *v = call("GET", path, demo.inv, NULL, 200);
    json_t *q = json_array_get(json_object_get(json_object_get(v, "content"), "questions"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(q, "answer")), "Ya, sehat.");
    json_decref(v);
    unsetenv("EDITOR");
    free(editor);
    free(config_dir);
}
END_TEST

/* ---- the demo ------------------------------------------------------------------------------ */

/* tools/run shows complete files (issue 8.8 with 8.4): every BAP of a party
 * and every Resume of the demo says something, and the dossier a
 * prosecutor downloads holds the questions and answers, counsel, the
 * interpreter, the closing formula, the facts, each element analysed and
 * the conclusion - nothing left "belum diisi". */
START_TEST(test_the_demo_dossiers_read_complete)
{
    /* the demo's acts, not those of this suite's own cases ("Uji isi ...") */
    ck_assert_int_eq(
        sql_count(demo.db,
                  "SELECT count(*) FROM app.events e WHERE ((e.type = 'bap_recorded' "
                  "AND e.party_id IS NOT NULL) OR e.type = 'resume_written') AND NOT "
                  "EXISTS (SELECT 1 FROM app.act_contents c WHERE c.event_id = e.id) AND "
                  "e.case_id NOT IN (SELECT id FROM app.cases WHERE summary = "
                  "'Uji isi BAP dan Resume')",
                  0, NULL),
        0);
    ck_assert_int_ge(sql_count(demo.db,
                               "SELECT count(*) FROM app.documents WHERE form = 'resume' AND "
                               "revoked_at IS NULL",
                               0, NULL),
                     5);
    static const struct {
        const char *suspect, *interpreter;
    } files[] = {
        /* the Palembang file with the prosecutor (Tahap I), an interpreter */
        {"Nguyễn Văn Thành", "Trần Thị Mai"},
        /* the Palembang P-21 file, fifty days without Tahap II */
        {"Zoë Müller", NULL},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *p[1] = {files[i].suspect};
        char *id = sql_value(demo.db, "SELECT case_id FROM app.parties WHERE name = $1", 1, p);
        ck_assert_ptr_nonnull(id);
        char route[96];
        snprintf(route, sizeof route, "/api/v1/cases/%s/dossier.pdf", id);
        free(id);
        char *t = fill_pdf_text(demo.port, demo.pros, route);
        assert_has(t, "BERITA ACARA PEMERIKSAAN TERSANGKA", files[i].suspect);
        assert_has(t, "1. Pertanyaan : Apakah Saudara dalam keadaan sehat", files[i].suspect);
        assert_has(t, "Jawaban : Ya, saya sehat", files[i].suspect);
        /* Pasal 122: five years, counsel (KUHAP 56(1)) */
        assert_has(t, "didampingi oleh penasihat hukumnya", files[i].suspect);
        if (files[i].interpreter) {
            char who[128];
            snprintf(who, sizeof who, "dibantu oleh penerjemah %s", files[i].interpreter);
            assert_has(t, who, files[i].suspect);
        }
        assert_has(t,
                   "Demikian Berita Acara Pemeriksaan ini dibuat dengan sebenarnya atas "
                   "kekuatan sumpah jabatan",
                   files[i].suspect);
        assert_has(t, "RESUME", files[i].suspect);
        char fact[160];
        snprintf(fact, sizeof fact, "Bahwa %s adalah warga negara asing", files[i].suspect);
        assert_has(t, fact, files[i].suspect);
        assert_has(t, "Unsur \"", files[i].suspect);
        assert_has(t, "Izin Tinggal", files[i].suspect);
        assert_has(t, "Unsur ini terpenuhi.", files[i].suspect);
        assert_has(t, "memenuhi seluruh unsur Pasal 122", files[i].suspect);
        ck_assert_msg(strstr(t, "belum diisi") == NULL && strstr(t, "belum dianalisis") == NULL,
                      "%s: something not written", files[i].suspect);
        free(t);
    }
}
END_TEST

Suite *suite_contents(void)
{
    Suite *s = suite_create("contents");
    TCase *tc = tcase_create("contents");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_a_bap_is_written_then_issued_with_what_the_examiner_wrote);
    tcase_add_test(tc, test_a_refusal_to_sign_is_noted_with_its_reason);
    tcase_add_test(tc, test_an_empty_bap_or_resume_is_not_issued);
    tcase_add_test(tc, test_bad_content_is_refused_naming_the_field_and_changes_nothing);
    tcase_add_test(tc, test_only_an_investigator_of_the_office_writes);
    tcase_add_test(tc, test_every_pasal_of_the_catalogue_brings_its_elements);
    tcase_add_test(tc, test_a_resume_is_written_then_issued_with_each_element_analysed);
    tcase_add_test(tc, test_cli_writes_a_bap_and_a_resume_from_text_files);
    tcase_add_test(tc, test_cli_refuses_to_issue_an_empty_bap);
    tcase_add_test(tc, test_cli_bap_in_the_editor);
    tcase_add_test(tc, test_an_indonesian_suspect_is_identified_by_his_nik);
    tcase_add_test(tc, test_the_demo_dossiers_read_complete);
    suite_add_tcase(s, tc);
    return s;
}
