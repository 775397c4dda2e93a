/* test_forms.c - the three real forms rendered from the rich case: their
 * key fields come back out of pdftotext byte for byte, pages have the
 * right size, drafts and issued documents differ as they must, missing
 * data is named, and renders on several threads agree. */
#include <check.h>
#include <libxml/xmlschemas.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

#define SPRINDIK_NO "SP.Sidik/12/IX/2024/PPNS-IMI"
#define SPDP_NO     "B-IMI.12.GR.01.01-0451/IX/2024"
#define BAP_NO      "BAP/07/IX/2024/PPNS-IMI"

static const struct render_kv party1[] = {{"party", "pihak-1"}};

static char *out_path(const char *name)
{
    static char p[1024];
    snprintf(p, sizeof p, "%s/%s", env_dir("RENDER_OUT"), name);
    return p;
}

static void assert_has(const char *text, const char *needle)
{
    ck_assert_msg(strstr(text, needle) != NULL, "\"%s\" not found in the PDF's text", needle);
}

static void assert_page_size(const char *pdf, const char *w, const char *h, int pages)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s'", pdf);
    char *info = run(cmd);
    ck_assert_int_eq(info_pages(info), pages);
    char *size = strstr(info, "Page size:");
    ck_assert_ptr_nonnull(size);
    ck_assert_msg(strstr(size, w) && strstr(size, h), "page size: %.60s", size);
    free(info);
}

START_TEST(test_fixture_is_valid_against_case_xsd)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/../../schemas/case.xsd", env_dir("RENDER_FIXTURES"));
    size_t xlen, clen;
    char *xsd = slurp(path, &xlen);
    ck_assert_msg(xsd != NULL, "schemas/case.xsd missing");
    const char *xml = case_xml(&clen);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xsd, (int)xlen);
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    ck_assert_ptr_nonnull(schema);
    xmlDocPtr doc = xmlReadMemory(xml, (int)clen, "case_rich.xml", "UTF-8", XML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    ck_assert_int_eq(xmlSchemaValidateDoc(vc, doc), 0);
    xmlSchemaFreeValidCtxt(vc);
    xmlFreeDoc(doc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    free(xsd);
}
END_TEST

START_TEST(test_sprindik_carries_number_names_articles_and_signer)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    const char *pdf = out_path("sprindik.pdf");
    int pages = render_to("sprindik", xml, len, "2024-09-02", SPRINDIK_NO, NULL, 0, pdf, &err);
    ck_assert_msg(pages > 0, "%s", err.message);
    char *t = pdf_text(pdf, 0, 0);
    assert_has(t, "PRO JUSTITIA");
    assert_has(t, "SURAT PERINTAH PENYIDIKAN");
    assert_has(t, "Nomor: " SPRINDIK_NO);
    assert_has(t, "Nguyễn Văn Thành");
    assert_has(t, "Ayşe Şahin");
    assert_has(t, "Zoë Müller");
    assert_has(t, "Łukasz Wiśniewski");
    assert_has(t, "Pasal 122 huruf a dan Pasal 119 ayat (1) Undang-Undang Nomor 6 Tahun 2011");
    assert_has(t, "Laporan Keimigrasian Nomor LK/17/VIII/2024/INTELDAKIM tanggal 28 Agustus 2024");
    assert_has(t, "Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana");
    assert_has(t, "DIPERINTAHKAN");
    assert_has(t, "NIP : 19850312 201012 1 002");
    assert_has(t, "Penata (III/c)");
    assert_has(t, "Dikeluarkan di : Denpasar");
    assert_has(t, "pada tanggal : 2 September 2024");
    assert_has(t, "KEPALA KANTOR IMIGRASI KELAS I");
    assert_has(t, "DENPASAR,");
    assert_has(t, "NIP 19700101 199503 1 001");
    assert_has(t, "Kepala Kantor Wilayah Bali");
    assert_has(t, "Kode verifikasi: K7QX-2M9D");
    assert_has(t, "Halaman 1 dari");
    ck_assert_msg(strstr(t, "DRAFT") == NULL && strstr(t, "DR AF") == NULL, "issued: no DRAFT");
    free(t);
    assert_page_size(pdf, "609.4", "935.4", pages); /* F4: 215 x 330 mm */
}
END_TEST

START_TEST(test_spdp_is_a_letter_to_the_kejaksaan_negeri)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    const char *pdf = out_path("spdp.pdf");
    int pages = render_to("spdp", xml, len, "2024-09-05", SPDP_NO, NULL, 0, pdf, &err);
    ck_assert_msg(pages > 0, "%s", err.message);
    char *t = pdf_text(pdf, 0, 0);
    assert_has(t, "Denpasar, 5 September 2024");
    assert_has(t, "Nomor : " SPDP_NO);
    assert_has(t, "Sifat : Segera");
    assert_has(t, "Lampiran : 1 (satu) berkas");
    assert_has(t, "Hal : Pemberitahuan Dimulainya Penyidikan");
    assert_has(t, "Yth. Kepala Kejaksaan Negeri Denpasar");
    assert_has(t, "Surat Perintah Penyidikan Nomor SP.Sidik/12/IX/2024/PPNS-IMI tanggal 2 "
                  "September 2024");
    assert_has(t, "Pasal 122 huruf a dan Pasal 119 ayat (1)");
    assert_has(t, "Nguyễn Văn Thành");
    assert_has(t, "Hà Nội, 9 Juli 1991");
    assert_has(t, "İzmir, 29 Februari 1988");
    assert_has(t, "Zoë Müller");
    assert_has(t, "Łukasz Wiśniewski");
    assert_has(t, "Kewarganegaraan : Vietnam");
    assert_has(t, "Tembusan:");
    assert_has(t, "Tersangka Ayşe Şahin;");
    assert_has(t, "Arsip.");
    free(t);
    assert_page_size(pdf, "595.2", "841.8", pages); /* A4 */
}
END_TEST

START_TEST(test_bap_tersangka_opens_with_the_date_in_words)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    const char *pdf = out_path("bap_tersangka.pdf");
    int pages = render_to("bap_tersangka", xml, len, "2024-09-02", BAP_NO, party1, 1, pdf, &err);
    ck_assert_msg(pages > 0, "%s", err.message);
    char *t = pdf_text(pdf, 0, 0);
    assert_has(t, "BERITA ACARA PEMERIKSAAN TERSANGKA");
    assert_has(t, "Pada hari ini Senin tanggal dua bulan September tahun dua ribu dua puluh "
                  "empat, pukul 10.00 (sepuluh tepat) WITA, bertempat di Kantor Imigrasi Kelas I "
                  "TPI Denpasar");
    assert_has(t, "Made Wirawan, S.H.");
    assert_has(t, "Nama : Nguyễn Văn Thành");
    assert_has(t, "Hà Nội, 9 Juli 1991 (umur 33 tahun)");
    assert_has(t, "Kewarganegaraan : Vietnam");
    assert_has(t, "C2345678");
    assert_has(t, "Số 5 Phố Huế, Quận Hai Bà Trưng, Hà Nội");
    assert_has(t, "penerjemah Đặng Thị Hương");
    assert_has(t, "Pasal 122 huruf a Undang-Undang Nomor 6 Tahun 2011");
    /* what the examiner wrote: the right to counsel told and counsel present
     * (KUHAP 54-56, 114), no pressure (117(1)), the witnesses the suspect
     * wants heard (116(3)), the numbered questions and answers, the end */
    assert_has(t, "Pasal 54, Pasal 56, dan Pasal 114 Undang-Undang Nomor 8 Tahun 1981");
    assert_has(t, "didampingi oleh penasihat hukumnya, Komang Ayu Pradnyani, S.H., dari Lembaga "
                  "Bantuan Hukum Bali");
    assert_has(t, "tanpa tekanan dari siapa pun dan dalam bentuk apa pun, sebagaimana dimaksud "
                  "dalam Pasal 117 ayat (1)");
    assert_has(t, "Pasal 116 ayat (3) Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana, "
                  "tersangka menerangkan: tidak ada saksi yang dikehendaki");
    assert_has(t, "1. Pertanyaan : Apakah Saudara pada saat ini dalam keadaan sehat jasmani");
    assert_has(t, "Jawaban : Ya, saya sehat dan bersedia diperiksa.");
    assert_has(t, "3. Pertanyaan : Apa pekerjaan Saudara di vila Jalan Pantai Batu Bolong");
    assert_has(t, "Jawaban : Saya memasak untuk tamu vila sejak Juni 2024");
    assert_has(t, "Pemeriksaan selesai pada pukul 12.15 (dua belas lewat lima belas menit) WITA.");
    assert_has(t, "ditutup dan ditandatangani pada hari dan tanggal tersebut di atas");
    ck_assert_ptr_null(strstr(t, "......"));
    ck_assert_ptr_null(strstr(t, "tidak bersedia menandatangani"));
    assert_has(t, "Yang diperiksa, Penerjemah, Yang memeriksa,");
    /* only this suspect's article, not the other's */
    ck_assert_ptr_null(strstr(t, "Pasal 119"));
    free(t);
    assert_page_size(pdf, "609.4", "935.4", pages);
}
END_TEST

START_TEST(test_bap_for_a_suspect_without_interpreter_has_no_interpreter_line)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    const struct render_kv p3[] = {{"party", "pihak-3"}, {"time", "14:30"}};
    const char *pdf = out_path("bap_zoe.pdf");
    ck_assert_msg(render_to("bap_tersangka", xml, len, "2024-09-04", NULL, p3, 2, pdf, &err) > 0,
                  "%s", err.message);
    char *t = pdf_text(pdf, 0, 0);
    assert_has(t, "Rabu tanggal empat bulan September tahun dua ribu dua puluh empat, pukul "
                  "14.30 (empat belas lewat tiga puluh menit) WITA");
    assert_has(t, "Nama : Zoë Müller");
    assert_has(t, "München, 30 November 1979 (umur 44 tahun)");
    assert_has(t, "Kewarganegaraan : Jerman");
    ck_assert_ptr_null(strstr(t, "Penerjemah,"));
    ck_assert_ptr_null(strstr(t, "bantuan penerjemah"));
    /* no BAP written for her: a draft says so, no boilerplate questions */
    assert_has(t, "(pertanyaan dan jawaban belum diisi: berkas bap)");
    ck_assert_ptr_null(strstr(t, "Pertanyaan :"));
    free(t);
}
END_TEST

START_TEST(test_summons_of_a_suspect_fits_one_page)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    const struct render_kv kv[] = {
        {"party", "pihak-4"}, {"appear-date", "2024-09-09"}, {"appear-time", "09:00"}};
    const char *pdf = out_path("surat_panggilan.pdf");
    int pages = render_to("surat_panggilan", xml, len, "2024-09-04", "S.Pgl/31/IX/2024/PPNS-IMI",
                          kv, 3, pdf, &err);
    ck_assert_msg(pages == 1, "%d pages: %s", pages, err.message);
    char *t = pdf_text(pdf, 0, 0);
    assert_has(t, "SURAT PANGGILAN");
    assert_has(t, "Nomor: S.Pgl/31/IX/2024/PPNS-IMI");
    assert_has(t, "Łukasz Wiśniewski");
    assert_has(t, "Kewarganegaraan : Polandia");
    assert_has(t, "pada hari Senin tanggal 9 September 2024 pukul 09.00 WITA");
    assert_has(t, "sebagai tersangka");
    assert_has(t, "Pasal 122 huruf a dan Pasal 119 ayat (1)");
    free(t);
    assert_page_size(pdf, "609.4", "935.4", 1);
}
END_TEST

START_TEST(test_draft_is_watermarked_and_unnumbered)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    const char *pdf = out_path("sprindik-draft.pdf");
    ck_assert_msg(render_to("sprindik", xml, len, "2024-09-02", NULL, NULL, 0, pdf, &err) > 0, "%s",
                  err.message);
    char *t = pdf_text_raw(pdf, 0, 0);
    ck_assert_msg(strstr(t, "DRAFT") || strstr(t, "DR AF T"), "the watermark reads DRAFT");
    ck_assert_ptr_null(strstr(t, SPRINDIK_NO));
    ck_assert_ptr_null(strstr(t, "Kode verifikasi"));
    assert_has(t, "Nomor: ........................");
    free(t);
}
END_TEST

START_TEST(test_letterhead_in_force_on_the_documents_date)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    const char *pdf = out_path("spdp-nov.pdf");
    ck_assert(render_to("spdp", xml, len, "2024-10-20", NULL, NULL, 0, pdf, &err) > 0);
    char *t = pdf_text(pdf, 1, 1);
    assert_has(t, "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA");
    free(t);
    ck_assert(render_to("spdp", xml, len, "2024-10-21", NULL, NULL, 0, pdf, &err) > 0);
    t = pdf_text(pdf, 1, 1);
    assert_has(t, "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA DIREKTORAT "
                  "JENDERAL IMIGRASI");
    ck_assert_ptr_null(strstr(t, "HAK ASASI MANUSIA"));
    free(t);
    /* from 2 January 2026 the new KUHAP (UU 20/2025) is the basis */
    ck_assert(render_to("spdp", xml, len, "2026-01-02", NULL, NULL, 0, pdf, &err) > 0);
    t = pdf_text(pdf, 0, 0);
    assert_has(t,
               "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara Pidana");
    ck_assert_ptr_null(strstr(t, "Nomor 8 Tahun 1981"));
    free(t);
}
END_TEST

/* Replace the first occurrence of from in s (malloc'd result). */
static char *replace(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    ck_assert_msg(p != NULL, "fixture lacks %s", from);
    size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
    char *r = malloc(n);
    ck_assert_ptr_nonnull(r);
    snprintf(r, n, "%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
    return r;
}

START_TEST(test_missing_data_is_422_naming_every_field)
{
    size_t len;
    const char *xml = case_xml(&len);
    /* no Sprindik event, no letterheads, a suspect without nationality */
    char *a = replace(xml, "sprindik_issued", "suspect_designated");
    char *b =
        replace(a, "<kop berlaku-mulai=\"2000-01-01\">", "<kop berlaku-mulai=\"2030-01-01\">");
    char *c =
        replace(b, "<kop berlaku-mulai=\"2024-10-21\">", "<kop berlaku-mulai=\"2030-02-01\">");
    char *d = replace(c, "<kewarganegaraan>TR</kewarganegaraan>", "");
    struct berr err = {0};
    ck_assert_int_eq(render_to("spdp", d, strlen(d), "2024-09-05", NULL, NULL, 0, NULL, &err), -1);
    ck_assert_int_eq(err.kind, BERR_UNPROCESSABLE);
    ck_assert_msg(strstr(err.message, "nomor Surat Perintah Penyidikan") &&
                      strstr(err.message, "tanggal Surat Perintah Penyidikan") &&
                      strstr(err.message, "kop surat") &&
                      strstr(err.message, "kewarganegaraan tersangka"),
                  "message: %s", err.message);
    ck_assert_str_eq(err.field, "kop surat yang berlaku pada tanggal dokumen");
    /* the same field twice is named once */
    const char *first = strstr(err.message, "tanggal Surat Perintah Penyidikan");
    ck_assert_ptr_null(strstr(first + 1, "tanggal Surat Perintah Penyidikan"));
    free(a);
    free(b);
    free(c);
    free(d);

    /* no signer: the order cannot be signed */
    struct render_opts o = {.date = "2024-09-02"};
    unsigned char *pdf;
    size_t pdf_len;
    ck_assert(!render_form(engine(), "sprindik", xml, len, &o, &pdf, &pdf_len, NULL, &err));
    ck_assert_int_eq(err.kind, BERR_UNPROCESSABLE);
    ck_assert_msg(strstr(err.message, "nama penandatangan") &&
                      strstr(err.message, "NIP penandatangan"),
                  "message: %s", err.message);

    /* a party that is not a suspect */
    const struct render_kv px[] = {{"party", "pihak-5"}};
    ck_assert_int_eq(render_to("bap_tersangka", xml, len, "2024-09-02", NULL, px, 1, NULL, &err),
                     -1);
    ck_assert_int_eq(err.kind, BERR_UNPROCESSABLE);
    ck_assert_msg(strstr(err.message, "nama tersangka"), "message: %s", err.message);
}
END_TEST

START_TEST(test_bad_requests_are_refused_before_rendering)
{
    size_t len;
    const char *xml = case_xml(&len);
    struct berr err = {0};
    ck_assert_int_eq(render_to("no_such_form", xml, len, "2024-09-02", NULL, NULL, 0, NULL, &err),
                     -1);
    ck_assert_int_eq(err.kind, BERR_NOT_FOUND);
    ck_assert_int_eq(render_to("bap_tersangka", xml, len, "2024-09-02", NULL, NULL, 0, NULL, &err),
                     -1);
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    ck_assert_str_eq(err.field, "party");
    const struct render_kv odd[] = {{"round", "1"}};
    ck_assert_int_eq(render_to("sprindik", xml, len, "2024-09-02", NULL, odd, 1, NULL, &err), -1);
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    ck_assert_str_eq(err.field, "round");
    ck_assert_int_eq(render_to("sprindik", xml, len, "2 September 2024", NULL, NULL, 0, NULL, &err),
                     -1);
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    ck_assert_int_eq(render_to("sprindik", "<perkara", 8, "2024-09-02", NULL, NULL, 0, NULL, &err),
                     -1);
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    ck_assert_msg(strstr(err.message, "case.xml:1:"), "message: %s", err.message);
}
END_TEST

START_TEST(test_forms_are_listed_with_what_they_say_of_themselves)
{
    size_t n;
    const struct render_form_info *f = render_forms(engine(), &n);
    ck_assert_uint_ge(n, 3);
    for (size_t i = 1; i < n; i++)
        ck_assert_int_lt(strcmp(f[i - 1].name, f[i].name), 0);
    const struct render_form_info *bap = render_form_find(engine(), "bap_tersangka");
    ck_assert_ptr_nonnull(bap);
    ck_assert_str_eq(bap->title, "Berita Acara Pemeriksaan Tersangka");
    ck_assert_int_eq(bap->issuer, RENDER_ISSUER_INVESTIGATOR);
    ck_assert(bap->pro_justitia);
    ck_assert_str_eq(bap->page, "F4");
    ck_assert_uint_eq(bap->n_params, 2);
    ck_assert_str_eq(bap->params[0].name, "party");
    ck_assert(bap->params[0].required);
    ck_assert(!bap->params[1].required);
    const struct render_form_info *spdp = render_form_find(engine(), "spdp");
    ck_assert_ptr_nonnull(spdp);
    ck_assert_str_eq(spdp->code, "SPDP");
    ck_assert_str_eq(spdp->page, "A4");
    ck_assert_ptr_null(render_form_find(engine(), "nope"));
}
END_TEST

START_TEST(test_png_of_page_one_for_a_person_to_look_at)
{
    static const char *const forms[] = {"sprindik", "spdp", "bap_tersangka"};
    size_t len;
    const char *xml = case_xml(&len);
    for (size_t i = 0; i < 3; i++) {
        char pdf[1024], cmd[2400], png[1100];
        snprintf(pdf, sizeof pdf, "%s/look-%s.pdf", env_dir("RENDER_OUT"), forms[i]);
        struct berr err = {0};
        ck_assert_msg(render_to(forms[i], xml, len, "2024-09-02",
                                i == 2 ? NULL : "SP.Sidik/12/IX/2024/PPNS-IMI", party1,
                                i == 2 ? 1 : 0, pdf, &err) > 0,
                      "%s", err.message);
        snprintf(png, sizeof png, "%s/%s-page1", env_dir("RENDER_OUT"), forms[i]);
        snprintf(cmd, sizeof cmd, "pdftoppm -q -png -r 80 -f 1 -l 1 -singlefile '%s' '%s'", pdf,
                 png);
        ck_assert_int_eq(system(cmd), 0);
        strncat(png, ".png", sizeof png - strlen(png) - 1);
        size_t n = 0;
        char *b = slurp(png, &n);
        ck_assert_msg(b && n > 1000, "%s written", png);
        free(b);
    }
}
END_TEST

struct job {
    const char *form;
    const struct render_kv *params;
    size_t n_params;
    unsigned char *pdf[4];
    size_t len[4];
    bool ok;
};

static void *worker(void *arg)
{
    struct job *j = arg;
    size_t len;
    const char *xml = case_xml(&len);
    j->ok = true;
    for (int k = 0; k < 4; k++) {
        struct render_opts o = {.date = "2024-09-02",
                                .issued = true,
                                .number = "X/1/IX/2024",
                                .signer = test_signer(),
                                .params = j->params,
                                .n_params = j->n_params};
        struct berr err = {0};
        if (!render_form(engine(), j->form, xml, len, &o, &j->pdf[k], &j->len[k], NULL, &err))
            j->ok = false;
    }
    return NULL;
}

START_TEST(test_concurrent_renders_agree_with_each_other)
{
    size_t len;
    case_xml(&len);
    engine();
    struct job jobs[6] = {
        {"sprindik", NULL, 0, {0}, {0}, false},
        {"spdp", NULL, 0, {0}, {0}, false},
        {"bap_tersangka", party1, 1, {0}, {0}, false},
        {"sprindik", NULL, 0, {0}, {0}, false},
        {"spdp", NULL, 0, {0}, {0}, false},
        {"bap_tersangka", party1, 1, {0}, {0}, false},
    };
    pthread_t th[6];
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    for (int i = 0; i < 6; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < 6; i++) {
        ck_assert(jobs[i].ok);
        /* the same inputs give the same bytes, whichever thread rendered them */
        for (int k = 0; k < 4; k++) {
            ck_assert_uint_eq(jobs[i].len[k], jobs[i % 3].len[0]);
            ck_assert(memcmp(jobs[i].pdf[k], jobs[i % 3].pdf[0], jobs[i].len[k]) == 0);
        }
    }
    for (int i = 0; i < 6; i++)
        for (int k = 0; k < 4; k++)
            free(jobs[i].pdf[k]);
}
END_TEST

Suite *suite_forms(void)
{
    Suite *s = suite_create("forms");
    TCase *tc = tcase_create("forms");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_fixture_is_valid_against_case_xsd);
    tcase_add_test(tc, test_sprindik_carries_number_names_articles_and_signer);
    tcase_add_test(tc, test_spdp_is_a_letter_to_the_kejaksaan_negeri);
    tcase_add_test(tc, test_bap_tersangka_opens_with_the_date_in_words);
    tcase_add_test(tc, test_bap_for_a_suspect_without_interpreter_has_no_interpreter_line);
    tcase_add_test(tc, test_summons_of_a_suspect_fits_one_page);
    tcase_add_test(tc, test_draft_is_watermarked_and_unnumbered);
    tcase_add_test(tc, test_letterhead_in_force_on_the_documents_date);
    tcase_add_test(tc, test_missing_data_is_422_naming_every_field);
    tcase_add_test(tc, test_bad_requests_are_refused_before_rendering);
    tcase_add_test(tc, test_forms_are_listed_with_what_they_say_of_themselves);
    tcase_add_test(tc, test_png_of_page_one_for_a_person_to_look_at);
    tcase_add_test(tc, test_concurrent_renders_agree_with_each_other);
    suite_add_tcase(s, tc);
    return s;
}
