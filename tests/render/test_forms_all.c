/* test_forms_all.c - every form of templates/ rendered from the rich case:
 * each comes back out of pdftotext with its key fields (number, names, the
 * date in words of a Berita Acara, the article), on the page size it
 * declares; the P-19 and the letter returning the file carry every
 * instruction of the latest round; the SPDP and the orders fall back to the
 * case number when the Laporan was registered without one; the citations
 * switch to UU 20/2025 for acts from 2 January 2026. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

static char *out_path(const char *name)
{
    static char p[1024];
    snprintf(p, sizeof p, "%s/all-%s.pdf", env_dir("RENDER_OUT"), name);
    return p;
}

static void assert_has(const char *form, const char *text, const char *needle)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not found in the PDF's text", form,
                  needle);
}

/* Render form and return its text (pdftotext -layout, whitespace
 * collapsed); checks the page size the form declares. */
static char *render_text(const char *form, const char *xml, size_t len, const char *date,
                         const char *number, const struct render_kv *kv, size_t nkv)
{
    struct berr err = {0};
    const char *pdf = out_path(form);
    int pages = render_to(form, xml, len, date, number, kv, nkv, pdf, &err);
    ck_assert_msg(pages > 0, "%s: %s", form, err.message);
    const struct render_form_info *f = render_form_find(engine(), form);
    ck_assert_ptr_nonnull(f);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s'", pdf);
    char *info = run(cmd);
    ck_assert_int_eq(info_pages(info), pages);
    const char *size = strstr(info, "Page size:");
    ck_assert_ptr_nonnull(size);
    bool f4 = f->page && strcmp(f->page, "F4") == 0;
    ck_assert_msg(strstr(size, f4 ? "609.4" : "595.2") && strstr(size, f4 ? "935.4" : "841.8"),
                  "%s declares %s, pdfinfo says %.60s", form, f->page, size);
    free(info);
    return pdf_text(pdf, 0, 0);
}

/* s with the first occurrence of from replaced by to (malloc'd). */
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

/* An event appended to the fixture's log (sequence n). */
static char *with_event(const char *xml, int n, const char *kode, const char *date,
                        const char *number, const char *data)
{
    char ev[2048];
    snprintf(ev, sizeof ev,
             "    <peristiwa id=\"peristiwa-%d\">\n      <urutan>%d</urutan>\n"
             "      <jenis kode=\"%s\">x</jenis>\n      <tanggal>%s</tanggal>\n"
             "      <nomor-dokumen>%s</nomor-dokumen>\n"
             "      <rezim kode=\"KUHAP-1981\">KUHAP 1981</rezim>\n"
             "      <tahap-sebelum kode=\"investigation\">Penyidikan</tahap-sebelum>\n"
             "      <tahap-sesudah kode=\"investigation\">Penyidikan</tahap-sesudah>\n"
             "      <terlambat>false</terlambat>\n"
             "      <dicatat-pada>%sT16:00:00+08:00</dicatat-pada>\n"
             "      <dicatat-oleh nip=\"198503122010121002\">Made Wirawan, S.H.</dicatat-oleh>\n"
             "%s    </peristiwa>\n  </daftar-peristiwa>",
             n, n, kode, date, number, date, data ? data : "");
    return replace(xml, "  </daftar-peristiwa>", ev);
}

#define SP3_NO "S.Tap/02/XI/2024/PPNS-IMI"
#define P21_NO "B-2391/N.1.10/Eku.1/10/2024"

/* The fixture with an SP3 recorded (ground "tidak terdapat cukup bukti"). */
static char *case_with_sp3(size_t *len)
{
    size_t n;
    char *x = with_event(case_xml(&n), 16, "sp3_issued", "2024-11-04", SP3_NO,
                         "      <data kunci=\"ground\">tidak terdapat cukup bukti</data>\n");
    *len = strlen(x);
    return x;
}

/* The fixture after the file was sent back and found complete (P-21). */
static char *case_with_p21(size_t *len)
{
    size_t n;
    char *a = with_event(case_xml(&n), 16, "resubmitted", "2024-10-10",
                         "B-IMI.12.GR.01.01-0611/X/2024", NULL);
    char *b = with_event(a, 17, "p21_received", "2024-10-15", P21_NO, NULL);
    free(a);
    *len = strlen(b);
    return b;
}

/* The fixture through the prosecutor's whole cycle (KUHAP 109-110, 138;
 * KEP-518/A/J.A/11/2001): P-16 on the SPDP, P-17, the resubmission after
 * the P-19 found still short in item 3 (an ordinary letter, SE JAM Pidum
 * B-3326/E/EJP/11/2011), P-20, then P-21, P-21A, P-22 and P-23. */
#define P16_NO    "PRINT-118/N.1.10/Eku.1/09/2024"
#define LETTER_NO "B-2301/N.1.10/Eku.1/10/2024"
#define P22_NO    "B-2440/N.1.10/Eku.2/10/2024"
static char *case_with_cycle(size_t *len)
{
    static const struct {
        int n;
        const char *kode, *date, *number;
    } ev[] = {
        {16, "p16_received", "2024-09-07", P16_NO},
        {17, "p17_received", "2024-09-16", "B-2101/N.1.10/Eku.1/09/2024"},
        {18, "resubmitted", "2024-10-10", "B-IMI.12.GR.01.01-0611/X/2024"},
        {19, "tahap1_received_by_pu", "2024-10-11", ""},
        {20, "return_letter_received", "2024-10-14", LETTER_NO},
        {21, "returned_file_received", "2024-10-15", ""},
        {22, "p20_received", "2024-10-30", "B-2502/N.1.10/Eku.1/10/2024"},
        {23, "p21_received", "2024-11-05", P21_NO},
        {24, "p22_received", "2024-11-06", P22_NO},
        {25, "p21a_received", "2024-11-20", "B-2601/N.1.10/Eku.1/11/2024"},
        {26, "p23_received", "2024-11-25", "B-2650/N.1.10/Eku.1/11/2024"},
    };
    size_t n;
    char *x = strdup(case_xml(&n));
    ck_assert_ptr_nonnull(x);
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++) {
        char *y = with_event(x, ev[i].n, ev[i].kode, ev[i].date, ev[i].number, NULL);
        free(x);
        x = y;
    }
    /* the letter's round names the P-19's third item again */
    char *y = replace(x, "  </petunjuk-p19>",
                      "    <putaran ke=\"2\" peristiwa=\"peristiwa-20\">\n"
                      "      <tanggal>2024-10-14</tanggal>\n"
                      "      <nomor-dokumen>" LETTER_NO "</nomor-dokumen>\n"
                      "      <butir no=\"1\"><teks>Periksa pemilik vila sebagai saksi untuk "
                      "menerangkan hubungan kerja dengan tersangka.</teks></butir>\n"
                      "    </putaran>\n  </petunjuk-p19>");
    free(x);
    *len = strlen(y);
    return y;
}

/* The fixture with the investigator's acts that have papers of their own
 * (issue 8.5): the prapenyidikan order, the suspect's designation, the
 * interpreter's oath, a search, the deposit of the things seized and the
 * SPDP's copy to Korwas PPNS. */
static char *case_with_acts(size_t *len)
{
    static const struct {
        int n;
        const char *kode, *date, *number, *data;
    } ev[] = {
        {16, "pre_investigation_ordered", "2024-08-29", "SP.Gas/03/VIII/2024/INTELDAKIM", NULL},
        {17, "suspect_designated", "2024-09-02", "S.Tap/07/IX/2024/PPNS-IMI",
         "      <pihak ref=\"pihak-1\">Nguyễn Văn Thành</pihak>\n"},
        {18, "interpreter_sworn", "2024-09-03", "BA.Sumpah/02/IX/2024/PPNS-IMI",
         "      <pihak ref=\"pihak-1\">Nguyễn Văn Thành</pihak>\n"},
        {19, "search_done", "2024-09-03", "SP.Dah/01/IX/2024/PPNS-IMI",
         "      <data kunci=\"urgent_reason\">tersangka hendak melarikan diri</data>\n"
         "      <data kunci=\"scene\">Vila Melati Nomor 7, Canggu</data>\n"},
        {20, "evidence_deposited", "2024-09-05", "BA.Titip/01/IX/2024/PPNS-IMI", NULL},
        {21, "spdp_sent", "2024-09-05", "", "      <data kunci=\"recipient\">korwas</data>\n"},
    };
    size_t n;
    char *x = strdup(case_xml(&n));
    ck_assert_ptr_nonnull(x);
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++) {
        char *y = with_event(x, ev[i].n, ev[i].kode, ev[i].date, ev[i].number, ev[i].data);
        free(x);
        x = y;
    }
    *len = strlen(x);
    return x;
}

static bool in_acts(const char *form)
{
    static const char *const f[] = {"sp_tugas",
                                    "penetapan_tersangka",
                                    "ba_sumpah_penerjemah",
                                    "sp_penggeledahan",
                                    "ba_penggeledahan",
                                    "ba_pembungkusan",
                                    "ba_penitipan",
                                    "pemberitahuan_penangkapan",
                                    "pemberitahuan_penahanan",
                                    "notifikasi_konsuler",
                                    "pengantar_spdp_korwas",
                                    "permohonan_izin_pn"};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (strcmp(f[i], form) == 0)
            return true;
    return false;
}

/* The parameters a form requires, with values a user would give. */
/* What berkas gives the fixture's extension request (app/extension.h, from the detention as
 * it stands on the letter's day): Nguyễn Văn Thành detained on 4 September 2024 by
 * SP.Han/06/IX/2024/PPNS-IMI (peristiwa-6), the investigator's 20 days to 23 September; the PU's 40
 * asked from 24 September to 2 November. */
static const struct render_kv ext_kv[] = {{"party", "pihak-1"},
                                          {"det-to", "kejari"},
                                          {"det-period", "investigator"},
                                          {"det-period-days", "20"},
                                          {"det-start", "2024-09-04"},
                                          {"det-end", "2024-09-23"},
                                          {"det-order", "peristiwa-6"},
                                          {"det-order-date", "2024-09-04"},
                                          {"det-days", "40"},
                                          {"det-from", "2024-09-24"},
                                          {"det-until", "2024-11-02"}};
#define EXT_N (sizeof ext_kv / sizeof ext_kv[0])

static size_t required_params(const struct render_form_info *f, struct render_kv kv[6])
{
    static const struct render_kv given[] = {{"action", "penggeledahan"},
                                             {"kind", "izin"},
                                             {"object", "vila Jalan Pantai Batu Bolong Nomor 18"},
                                             {"court", "Pengadilan Negeri Denpasar"},
                                             {"appear-date", "2024-09-09"},
                                             {"appear-time", "09:00"},
                                             {"result", "tidak ditemukan benda yang berkaitan"}};
    size_t n = 0;
    for (size_t k = 0; k < f->n_params; k++) {
        if (strcmp(f->params[k].name, "party") == 0)
            kv[n++] = (struct render_kv){"party", strstr(f->name, "saksi")  ? "pihak-5"
                                                  : strstr(f->name, "ahli") ? "pihak-6"
                                                                            : "pihak-1"};
        else if (strcmp(f->params[k].name, "ground") == 0)
            kv[n++] = (struct render_kv){"ground", "tidak terdapat cukup bukti"};
        else
            for (size_t g = 0; g < sizeof given / sizeof given[0]; g++)
                /* what an issued paper needs though a draft does not: the search's result
                 * (KUHAP 126(1)); the object of a permit asked before the act (an approval
                 * of an act done reads it from the act) */
                if ((f->params[k].required || strcmp(given[g].name, "result") == 0 ||
                     strcmp(given[g].name, "object") == 0) &&
                    strcmp(f->params[k].name, given[g].name) == 0)
                    kv[n++] = given[g];
    }
    return n;
}

static bool in_cycle(const char *form)
{
    static const char *const f[] = {"p16", "p17",  "p18", "pengembalian_berkas",
                                    "p20", "p21a", "p22", "p23"};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (strcmp(f[i], form) == 0)
            return true;
    return false;
}

/* UU 6/2011 by its title as amended (DOMAIN 12: titles to cite) */
#define UU6_AMENDED                                                                                \
    "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian sebagaimana telah beberapa kali "       \
    "diubah, terakhir dengan Undang-Undang Nomor 63 Tahun 2024"

START_TEST(test_every_form_renders_from_the_rich_case)
{
    size_t len, len3;
    const char *xml = case_xml(&len);
    char *sp3 = case_with_sp3(&len3);
    size_t lenc, lena;
    char *cycle = case_with_cycle(&lenc);
    char *acts = case_with_acts(&lena);
    size_t n;
    const struct render_form_info *f = render_forms(engine(), &n);
    ck_assert_uint_ge(n, 27);
    for (size_t i = 0; i < n; i++) {
        struct render_kv kv[6];
        size_t nkv = 0;
        for (size_t k = 0; k < f[i].n_params; k++)
            if (f[i].params[k].required && strcmp(f[i].params[k].name, "party") == 0)
                kv[nkv++] = (struct render_kv){"party", strstr(f[i].name, "saksi")  ? "pihak-5"
                                                        : strstr(f[i].name, "ahli") ? "pihak-6"
                                                                                    : "pihak-1"};
            else if (strcmp(f[i].params[k].name, "ground") == 0)
                kv[nkv++] = (struct render_kv){"ground", "tidak terdapat cukup bukti"};
            else if (f[i].params[k].required && strcmp(f[i].params[k].name, "appear-date") == 0)
                kv[nkv++] = (struct render_kv){"appear-date", "2024-09-09"};
            else if (f[i].params[k].required && strcmp(f[i].params[k].name, "appear-time") == 0)
                kv[nkv++] = (struct render_kv){"appear-time", "09:00"};
        bool needs_sp3 = strcmp(f[i].name, "pemberitahuan_sp3") == 0;
        bool ext = strcmp(f[i].name, "permintaan_perpanjangan") == 0;
        struct berr err = {0};
        if (in_acts(f[i].name))
            nkv = required_params(&f[i], kv);
        int pages =
            ext ? render_to(f[i].name, xml, len, "2024-10-10", NULL, ext_kv, EXT_N, NULL, &err)
            : in_cycle(f[i].name)
                ? render_to(f[i].name, cycle, lenc, "2024-11-25", NULL, kv, nkv, NULL, &err)
            : in_acts(f[i].name)
                ? render_to(f[i].name, acts, lena, "2024-09-10", NULL, kv, nkv, NULL, &err)
                : render_to(f[i].name, needs_sp3 ? sp3 : xml, needs_sp3 ? len3 : len, "2024-10-10",
                            NULL, kv, nkv, NULL, &err);
        ck_assert_msg(pages > 0, "%s: %s", f[i].name, err.message);
    }
    free(sp3);
    free(cycle);
    free(acts);
}
END_TEST

START_TEST(test_laporan_keimigrasian)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_kv kv[] = {{"time", "10:15"},
                                   {"scene", "Vila Jalan Pantai Batu Bolong Nomor 18, Canggu"}};
    char *t = render_text("laporan_kejadian", xml, len, "2024-08-28", "LK/17/VIII/2024/INTELDAKIM",
                          kv, 2);
    const char *want[] = {
        "PRO JUSTITIA",
        "LAPORAN KEIMIGRASIAN",
        "Nomor: LK/17/VIII/2024/INTELDAKIM",
        "Pada hari ini Rabu tanggal dua puluh delapan bulan Agustus tahun dua ribu dua puluh "
        "empat, pukul 10.15 (sepuluh lewat lima belas menit) WITA",
        "Vila Jalan Pantai Batu Bolong Nomor 18, Canggu",
        "TIM PORA: Operasi gabungan TIM PORA Kota Denpasar",
        "Dua orang asing bekerja di sebuah vila di Canggu",
        "Nguyễn Văn Thành",
        "Ayşe Şahin",
        "Zoë Müller",
        "Łukasz Wiśniewski",
        "kewarganegaraan Vietnam, paspor nomor C2345678",
        "I Wayan Sudarma",
        "Pasal 122 huruf a dan Pasal 119 ayat (1) Undang-Undang Nomor 6 Tahun 2011",
        "Yang melaporkan,",
        "Rai Wirawan",
        "NIP 19700101 199503 1 001",
        "Denpasar, 28 Agustus 2024"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_has("laporan_kejadian", t, want[i]);
    free(t);
}
END_TEST

START_TEST(test_bap_saksi_and_bap_ahli)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_kv s[] = {{"party", "pihak-5"}};
    char *t = render_text("bap_saksi", xml, len, "2024-09-04", "BAP/09/IX/2024/PPNS-IMI", s, 1);
    const char *ws[] = {"BERITA ACARA PEMERIKSAAN SAKSI",
                        "Pada hari ini Rabu tanggal empat bulan September tahun dua ribu dua puluh "
                        "empat, pukul 09.00 (sembilan tepat) WITA",
                        "seorang laki-laki yang mengaku bernama", "Nama : I Wayan Sudarma",
                        "Tabanan, 17 April 1982 (umur 42 tahun)", "Kewarganegaraan : Indonesia",
                        "SP.Sidik/12/IX/2024/PPNS-IMI",
                        "Pasal 122 huruf a dan Pasal 119 ayat (1) Undang-Undang Nomor 6 Tahun 2011",
                        "1. Pertanyaan : Apakah Saudara dalam keadaan sehat",
                        "Jawaban : Ya, saya sehat dan bersedia.",
                        "2. Pertanyaan : Apakah Saudara mengenal orang asing",
                        "melihat Nguyễn Văn Thành memasak",
                        /* KUHAP 116(1): not sworn; 118(2): the refusal and its reason */
                        "Saksi diperiksa dengan tidak disumpah, sebagaimana dimaksud dalam Pasal "
                        "116 ayat (1)",
                        "Saksi tidak bersedia menandatangani berita acara ini dengan alasan: saksi "
                        "menyatakan takut kehilangan pekerjaannya",
                        /* (the page may turn before "Tahun 1981") */
                        "Pasal 118 ayat (2) Undang-Undang Nomor 8", "(tidak bersedia",
                        "Yang diperiksa, Yang memeriksa,", "Made Wirawan, S.H."};
    for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++)
        assert_has("bap_saksi", t, ws[i]);
    ck_assert_ptr_null(strstr(t, "Nomor paspor")); /* an Indonesian witness */
    free(t);

    const struct render_kv a[] = {{"party", "pihak-6"}, {"time", "13:00"}};
    t = render_text("bap_ahli", xml, len, "2024-09-06", "BAP/11/IX/2024/PPNS-IMI", a, 2);
    const char *wa[] = {"BERITA ACARA PEMERIKSAAN AHLI",
                        "Pada hari ini Jumat tanggal enam bulan September tahun dua ribu dua puluh "
                        "empat, pukul 13.00 (tiga belas tepat) WITA",
                        "Nama : Dr. Ni Luh Gede Sri Wahyuni, S.H., M.H.",
                        "Pekerjaan : Dosen Hukum Keimigrasian",
                        "Bidang keahlian : Hukum Keimigrasian",
                        /* KUHAP 120(2): the expert promised (janji) */
                        "ahli telah mengucapkan janji sesuai dengan agama dan kepercayaannya",
                        "Pasal 120 ayat (2) Undang-Undang Nomor 8 Tahun 1981",
                        "1. Pertanyaan : Menurut pendapat Saudara sebagai ahli",
                        "Izin tinggal kunjungan tidak memberi hak untuk bekerja", "Yang memberi"};
    for (size_t i = 0; i < sizeof wa / sizeof wa[0]; i++)
        assert_has("bap_ahli", t, wa[i]);
    free(t);

    /* a witness is not an expert */
    struct berr err = {0};
    ck_assert_int_eq(render_to("bap_ahli", xml, len, "2024-09-06", NULL, s, 1, NULL, &err), -1);
    ck_assert_int_eq(err.kind, BERR_UNPROCESSABLE);
    ck_assert_msg(strstr(err.message, "nama ahli"), "%s", err.message);
}
END_TEST

/* s with every occurrence of from replaced by to (malloc'd; s freed; to does not hold from). */
static char *replace_all(char *s, const char *from, const char *to)
{
    while (strstr(s, from)) {
        char *r = replace(s, from, to);
        free(s);
        s = r;
    }
    return s;
}

/* DOMAIN 12, KUHAP 75: a Berita Acara is made and signed by the PPNS who did its act - the one
 * daftar-pelaksana names by the act's dicatat-oleh/@nip, whether or not the team does.  The
 * fixture's acts recorded by Komang, whom the team does not name: with the list the BAP is his;
 * without it (the case data stored with papers issued before it existed) the paper is the team's
 * first, as those papers printed. */
START_TEST(test_a_berita_acara_is_made_by_who_recorded_its_act)
{
    size_t len;
    char *x =
        replace_all(strdup(case_xml(&len)),
                    "<dicatat-oleh nip=\"198503122010121002\">Made Wirawan, S.H.</dicatat-oleh>",
                    "<dicatat-oleh nip=\"199001012015031001\">Komang Adi Saputra</dicatat-oleh>");
    char *y =
        replace(x, "</perkara>",
                "  <daftar-pelaksana>\n    <penyidik>\n      <nama>Komang Adi Saputra</nama>\n"
                "      <nip>199001012015031001</nip>\n      <pangkat>Penata Muda Tk. I</pangkat>\n"
                "      <golongan>III/b</golongan>\n      <jabatan>PPNS Keimigrasian</jabatan>\n"
                "    </penyidik>\n  </daftar-pelaksana>\n</perkara>");
    const struct render_kv s[] = {{"party", "pihak-5"}};
    char *t = render_text("bap_saksi", y, strlen(y), "2024-09-04", "BAP/09/IX/2024/PPNS-IMI", s, 1);
    assert_has("bap_saksi", t, "Nama : Komang Adi Saputra");
    assert_has("bap_saksi", t, "Penata Muda Tk. I (III/b)");
    assert_has("bap_saksi", t, "NIP 19900101 201503 1 001");
    ck_assert_msg(strstr(t, "Made Wirawan") == NULL, "the team's first in: %s", t);
    free(t);
    t = render_text("bap_saksi", x, strlen(x), "2024-09-04", "BAP/09/IX/2024/PPNS-IMI", s, 1);
    assert_has("bap_saksi of case data before daftar-pelaksana", t, "Nama : Made Wirawan, S.H.");
    ck_assert_msg(strstr(t, "Komang") == NULL, "%s", t);
    free(t);
    free(y);
    free(x);
}
END_TEST

START_TEST(test_arrest_order_and_its_berita_acara)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_kv p1[] = {{"party", "pihak-1"}};
    char *t =
        render_text("sp_penangkapan", xml, len, "2024-09-03", "SP.Kap/05/IX/2024/PPNS-IMI", p1, 1);
    const char *w[] = {"SURAT PERINTAH PENANGKAPAN",
                       "Nomor: SP.Kap/05/IX/2024/PPNS-IMI",
                       "Pasal 7 ayat (2), Pasal 16, Pasal 17, Pasal 18, dan Pasal 19 Undang-Undang "
                       "Nomor 8 Tahun 1981",
                       "Pasal 106 huruf e Undang-Undang Nomor 6 Tahun 2011",
                       "Laporan Keimigrasian Nomor LK/17/VIII/2024/INTELDAKIM",
                       "DIPERINTAHKAN",
                       "Nama : Nguyễn Văn Thành",
                       "Kewarganegaraan : Vietnam",
                       "Pasal 122 huruf a Undang-Undang Nomor 6 Tahun 2011",
                       "paling lama 1 (satu) hari",
                       "Keluarga tersangka Nguyễn Văn Thành;",
                       "KEPALA KANTOR IMIGRASI KELAS I",
                       "NIP 19700101 199503 1 001"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("sp_penangkapan", t, w[i]);
    ck_assert_ptr_null(strstr(t, "Pasal 119")); /* only this suspect's article */
    free(t);

    const struct render_kv kv[] = {{"party", "pihak-1"},
                                   {"scene", "Jalan Pantai Batu Bolong Nomor 18, Canggu"}};
    t = render_text("ba_penangkapan", xml, len, "2024-09-03", "BA.Kap/05/IX/2024/PPNS-IMI", kv, 2);
    const char *b[] = {
        "BERITA ACARA PENANGKAPAN",
        "Pada hari ini Selasa tanggal tiga bulan September tahun dua ribu dua puluh empat, pukul "
        "07.45 (tujuh lewat empat puluh lima menit) WITA",
        "Surat Perintah Penangkapan Nomor SP.Kap/05/IX/2024/PPNS-IMI, tanggal 3 September 2024",
        "Nama : Nguyễn Văn Thành",
        "Penangkapan dilakukan di Jalan Pantai Batu Bolong Nomor 18, Canggu",
        "dengan bantuan penerjemah Đặng Thị Hương",
        "Pasal 122 huruf a Undang-Undang Nomor 6 Tahun 2011",
        UU6_AMENDED,
        "Yang ditangkap, Yang melakukan penangkapan,"};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        assert_has("ba_penangkapan", t, b[i]);
    free(t);
}
END_TEST

START_TEST(test_detention_period_runs_inclusive_dates)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_kv p1[] = {{"party", "pihak-1"}};
    /* detained 4 September 2024, 20 days: 4 to 23 September inclusive */
    char *t =
        render_text("sp_penahanan", xml, len, "2024-09-04", "SP.Han/06/IX/2024/PPNS-IMI", p1, 1);
    const char *w[] = {"SURAT PERINTAH PENAHANAN",
                       "Nomor: SP.Han/06/IX/2024/PPNS-IMI",
                       "Pasal 109 Undang-Undang Nomor 6 Tahun 2011",
                       "Nama : Nguyễn Văn Thành",
                       "Penahanan Rumah Tahanan Negara",
                       "selama 20 (dua puluh) hari terhitung sejak tanggal 4 September 2024 s.d. "
                       "tanggal 23 September 2024",
                       "Keluarga tersangka Nguyễn Văn Thành;",
                       "Kepala Kejaksaan Negeri Denpasar;"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("sp_penahanan", t, w[i]);
    free(t);

    t = render_text("ba_penahanan", xml, len, "2024-09-04", "BA.Han/06/IX/2024/PPNS-IMI", p1, 1);
    const char *b[] = {"BERITA ACARA PENAHANAN",
                       "Pada hari ini Rabu tanggal empat bulan September tahun dua ribu dua puluh "
                       "empat, pukul 06.30 (enam lewat tiga puluh menit) WITA",
                       "Surat Perintah Penahanan Nomor SP.Han/06/IX/2024/PPNS-IMI",
                       "Penahanan Rumah Tahanan Negara",
                       "terhitung sejak tanggal 4 September 2024 s.d. tanggal 23 September 2024",
                       "Yang ditahan, Yang melakukan penahanan,"};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        assert_has("ba_penahanan", t, b[i]);
    free(t);

    /* across a month and a leap day: 15 February 2024 + 20 days - 1 = 5 March;
       house detention at the suspect's address, on a report and under a
       Sprindik of its own month (the fixture's are of August and September,
       after this order: it can cite neither) */
    const struct render_kv kv[] = {
        {"party", "pihak-2"}, {"type", "rumah"}, {"start", "2024-02-15"}};
    char *rep =
        with_event(xml, 16, "report_registered", "2024-02-13", "LK/02/II/2024/INTELDAKIM", NULL);
    char *feb = with_event(rep, 17, "sprindik_issued", "2024-02-14", "SP.Sidik/03/II/2024", NULL);
    free(rep);
    t = render_text("sp_penahanan", feb, strlen(feb), "2024-02-15", NULL, kv, 3);
    assert_has("sp_penahanan", t, "Laporan Keimigrasian Nomor LK/02/II/2024/INTELDAKIM tanggal");
    assert_has("sp_penahanan", t, "13 Februari 2024;");
    assert_has("sp_penahanan", t,
               "Surat Perintah Penyidikan Nomor SP.Sidik/03/II/2024 tanggal 14 Februari 2024");
    free(feb);
    assert_has("sp_penahanan", t,
               "jenis penahanan: Penahanan Rumah, di rumah tempat tinggal "
               "tersangka, Jalan Pantai Batu Bolong Nomor 18");
    assert_has("sp_penahanan", t,
               "terhitung sejak tanggal 15 Februari 2024 s.d. tanggal 5 Maret 2024");
    assert_has("sp_penahanan", t, "Nama : Ayşe Şahin");
    free(t);
    /* across the year's end, 30 days */
    const struct render_kv ny[] = {{"party", "pihak-1"}, {"start", "2024-12-20"}, {"days", "30"}};
    t = render_text("ba_penahanan", xml, len, "2024-12-20", NULL, ny, 3);
    assert_has("ba_penahanan", t,
               "30 (tiga puluh) hari terhitung sejak tanggal 20 Desember 2024 s.d. "
               "tanggal 18 Januari 2025");
    free(t);
}
END_TEST

START_TEST(test_extension_request_to_the_kejaksaan_negeri)
{
    size_t len;
    const char *xml = case_xml(&len);
    /* 20 days from 4 September end on 23 September; 40 more: 24 September - 2 November */
    char *t = render_text("permintaan_perpanjangan", xml, len, "2024-09-16",
                          "B-IMI.12.GR.01.01-0470/IX/2024", ext_kv, EXT_N);
    const char *w[] = {
        "Denpasar, 16 September 2024",
        "Nomor : B-IMI.12.GR.01.01-0470/IX/2024",
        "Hal : Permintaan Perpanjangan Penahanan atas nama tersangka Nguyễn Văn Thành",
        "Yth. Kepala Kejaksaan Negeri Denpasar",
        "Pasal 24 ayat (2) Undang-Undang Nomor 8 Tahun 1981",
        "Surat Perintah Penahanan Nomor SP.Han/06/IX/2024/PPNS-IMI tanggal 4 September 2024",
        "selama 20 (dua puluh) hari terhitung sejak tanggal 4 September 2024 s.d. tanggal 23 "
        "September 2024",
        "diperpanjang selama 40 (empat puluh) hari terhitung sejak tanggal 24 September 2024 s.d. "
        "tanggal 2 November 2024",
        "Pasal 122 huruf a Undang-Undang Nomor 6 Tahun 2011"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("permintaan_perpanjangan", t, w[i]);
    free(t);
}
END_TEST

/* After the Penuntut Umum's 40 days the next extension is the Ketua PN's (KUHAP 29(1), (3)
 * huruf a): the letter is addressed to the Ketua Pengadilan Negeri of the seat given, cites
 * Pasal 29 on its ground and the PU's extension, states the period in force as extended by
 * the PU and asks what berkas computed - not the Kejari, not 20 + 40. */
START_TEST(test_extension_request_to_the_ketua_pn_after_the_pu)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_kv kv[] = {{"party", "pihak-1"},
                                   {"court", "PN Denpasar"},
                                   {"det-to", "pn"},
                                   {"det-ground", "b"},
                                   {"det-period", "pu"},
                                   {"det-period-days", "40"},
                                   {"det-start", "2024-09-24"},
                                   {"det-end", "2024-11-02"},
                                   {"det-order", "peristiwa-6"},
                                   {"det-order-date", "2024-09-04"},
                                   {"det-ext-date", "2024-09-20"},
                                   {"det-days", "30"},
                                   {"det-from", "2024-11-03"},
                                   {"det-until", "2024-12-02"}};
    char *t = render_text("permintaan_perpanjangan", xml, len, "2024-10-28",
                          "B-IMI.12.GR.01.01-0512/X/2024", kv, sizeof kv / sizeof kv[0]);
    const char *w[] = {
        "Yth. Ketua Pengadilan Negeri Denpasar di Denpasar",
        "Pasal 29 ayat (1) huruf b dan ayat (3) huruf a Undang-Undang Nomor 8 Tahun 1981",
        "Perpanjangan penahanan oleh Penuntut Umum pada Kejaksaan Negeri Denpasar tanggal 20 "
        "September 2024",
        "Surat Perintah Penahanan Nomor SP.Han/06/IX/2024/PPNS-IMI tanggal 4 September 2024;",
        "telah diperpanjang oleh Penuntut Umum selama 40 (empat puluh) hari terhitung sejak "
        "tanggal 24 September 2024 s.d. tanggal 2 November 2024",
        "diancam dengan pidana penjara sembilan tahun atau lebih",
        "diperpanjang selama 30 (tiga puluh) hari terhitung sejak tanggal 3 November 2024 s.d. "
        "tanggal 2 Desember 2024"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("permintaan_perpanjangan", t, w[i]);
    ck_assert_msg(strstr(t, "Yth. Kepala Kejaksaan") == NULL, "addressed to the Kejari: %s", t);
    ck_assert_msg(strstr(t, "Pasal 24 ayat (2)") == NULL, "cites 24(2): %s", t);
    free(t);
}
END_TEST

/* The request states the detention as it stands (KUHAP 21(2), 22, 23): its place as recorded,
 * and after a change of type the new type and place - not the first order's (found in review:
 * the place was computed and never printed, and a change of type was not read). */
START_TEST(test_extension_request_states_the_detention_as_it_stands)
{
    size_t len;
    /* the fixture's detention states its place (KUHAP 21(2)) */
    char *held = strdup(case_xml(&len));
    char *t = render_text("permintaan_perpanjangan", held, strlen(held), "2024-09-16",
                          "B-IMI.12.GR.01.01-0470/IX/2024", ext_kv, EXT_N);
    assert_has("permintaan_perpanjangan", t,
               "Penahanan Rumah Tahanan Negara di Rumah Tahanan Negara Kelas IIA Denpasar, "
               "selama 20 (dua puluh) hari");
    free(t);
    char *moved =
        replace(held, "  </daftar-peristiwa>",
                "    <peristiwa id=\"peristiwa-16\">\n      <urutan>16</urutan>\n"
                "      <jenis kode=\"detention_type_changed\">x</jenis>\n"
                "      <tanggal>2024-09-10</tanggal>\n"
                "      <pihak ref=\"pihak-1\">Nguyễn Văn Thành</pihak>\n"
                "      <rezim kode=\"KUHAP-1981\">KUHAP 1981</rezim>\n"
                "      <tahap-sebelum kode=\"investigation\">Penyidikan</tahap-sebelum>\n"
                "      <tahap-sesudah kode=\"investigation\">Penyidikan</tahap-sesudah>\n"
                "      <terlambat>false</terlambat>\n"
                "      <dicatat-pada>2024-09-10T16:00:00+08:00</dicatat-pada>\n"
                "      <dicatat-oleh nip=\"198503122010121002\">Made Wirawan, S.H.</dicatat-oleh>\n"
                "      <data kunci=\"detention_type\">rumah</data>\n"
                "      <data kunci=\"facility\">Jalan Pantai Batu Bolong Nomor 18, Canggu</data>\n"
                "    </peristiwa>\n  </daftar-peristiwa>");
    t = render_text("permintaan_perpanjangan", moved, strlen(moved), "2024-09-16",
                    "B-IMI.12.GR.01.01-0470/IX/2024", ext_kv, EXT_N);
    assert_has("permintaan_perpanjangan", t,
               "Penahanan Rumah di Jalan Pantai Batu Bolong Nomor 18, Canggu, selama 20");
    free(t);
    free(moved);
    free(held);
}
END_TEST

START_TEST(test_seizure_order_and_its_berita_acara_list_the_items)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_kv p1[] = {{"party", "pihak-1"}};
    char *t =
        render_text("sp_penyitaan", xml, len, "2024-09-03", "SP.Sita/04/IX/2024/PPNS-IMI", p1, 1);
    /* seized in urgency (KUHAP 38(2)): the order says so, never a blank permit */
    const char *w[] = {"SURAT PERINTAH PENYITAAN",
                       "Nomor: SP.Sita/04/IX/2024/PPNS-IMI",
                       "Pasal 106 huruf f dan huruf h Undang-Undang Nomor 6 Tahun 2011",
                       "Keadaan yang sangat perlu dan mendesak, karena paspor ditemukan pada saat "
                       "tertangkap tangan",
                       "Pasal 38 ayat (2) Undang-Undang Nomor 8 Tahun 1981",
                       "Uraian barang",
                       "Paspor Republik Sosialis Vietnam Nomor",
                       "C2345678",
                       "dari Nguyễn Văn Thành, Vietnam"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("sp_penyitaan", t, w[i]);
    ck_assert_ptr_null(strstr(t, "U19283746")); /* only the items seized from this person */
    ck_assert_ptr_null(strstr(t, "......"));    /* no blank in a numbered order */
    free(t);

    t = render_text("ba_penyitaan", xml, len, "2024-09-03", "BA.Sita/04/IX/2024/PPNS-IMI", NULL, 0);
    const char *b[] = {
        "BERITA ACARA PENYITAAN",
        "Pada hari ini Selasa tanggal tiga bulan September tahun dua ribu dua puluh empat, pukul "
        "08.30 (delapan lewat tiga puluh menit) WITA",
        "Surat Perintah Penyitaan Nomor SP.Sita/04/IX/2024/PPNS-IMI, tanggal 3 September 2024",
        "C2345678",
        "U19283746",
        "Nomor",
        "Ruang barang bukti",
        "Pasal 122 huruf a dan Pasal 119 ayat (1)",
        "Yang menyerahkan, Saksi, Yang melakukan penyitaan,"};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        assert_has("ba_penyitaan", t, b[i]);
    free(t);
}
END_TEST

START_TEST(test_resume_outlines_acts_evidence_and_elements)
{
    size_t len;
    const char *xml = case_xml(&len);
    /* no Resume written yet: the record's parts, and the investigator's
     * parts marked as not written (never an outline split from a label) */
    char *t = render_text("resume", xml, len, "2024-09-19", "R/03/IX/2024/PPNS-IMI", NULL, 0);
    const char *w[] = {
        "RESUME",
        "Nomor: R/03/IX/2024/PPNS-IMI",
        "I. DASAR",
        "Pasal 8 ayat (1) dan ayat (2) serta Pasal 75 Undang-Undang Nomor 8 Tahun 1981",
        "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian sebagaimana telah beberapa kali "
        "diubah, terakhir dengan Undang-Undang Nomor 63 Tahun 2024",
        "Laporan Keimigrasian Nomor LK/17/VIII/2024/INTELDAKIM tanggal 28 Agustus 2024",
        "Surat Perintah Penyidikan Nomor SP.Sidik/12/IX/2024/PPNS-IMI",
        "Surat Pemberitahuan Dimulainya Penyidikan Nomor B-IMI.12.GR.01.01-0451/IX/2024",
        "II. URAIAN SINGKAT PERKARA",
        "Dua orang asing bekerja",
        "III. TINDAKAN YANG TELAH DILAKUKAN",
        "tanggal 3 September 2024 pukul 07.45 WITA: Penangkapan terhadap Nguyễn Văn Thành, "
        "Nomor SP.Kap/05/IX/2024/PPNS-IMI",
        "Penahanan terhadap Nguyễn Văn Thành, Nomor SP.Han/06/IX/2024/PPNS-IMI",
        "Berita Acara Pemeriksaan dibuat (saksi) terhadap I Wayan Sudarma",
        "IV. KETERANGAN SAKSI, AHLI, DAN TERSANGKA",
        "V. BARANG BUKTI",
        "Paspor Republik Turki Nomor U19283746",
        "VI. FAKTA-FAKTA",
        "(fakta-fakta belum diisi: berkas resume)",
        "VII. ANALISA YURIDIS",
        "(analisis unsur belum diisi: berkas resume)",
        "VIII. KESIMPULAN",
        "IX. PENUTUP",
        "Penyidik Pegawai Negeri Sipil Keimigrasian,"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("resume", t, w[i]);
    ck_assert_ptr_null(strstr(t, "Mengetahui")); /* the PPNS does not acknowledge himself */
    free(t);

    /* what the investigator wrote: each element of each charged Pasal with
     * its analysis, as berkasd's case document carries them */
    char *x = with_event(
        xml, 16, "resume_written", "2024-09-19", "",
        "      <isi-resume versi=\"3\">\n"
        "        <dasar>Surat Perintah Penahanan Nomor SP.Han/06/IX/2024/PPNS-IMI</dasar>\n"
        "        <uraian-singkat>Tersangka bekerja sebagai juru masak dengan izin tinggal "
        "kunjungan.</uraian-singkat>\n"
        "        <fakta no=\"1\">Bahwa tersangka warga negara Vietnam.</fakta>\n"
        "        <fakta no=\"2\">Bahwa tersangka bekerja sebagai juru masak.</fakta>\n"
        "        <analisis-pasal dakwaan=\"dakwaan-1\">\n"
        "          <kode>122(a)</kode>\n"
        "          <tersangka ref=\"pihak-1\">Nguyễn Văn Thành</tersangka>\n"
        "          <unsur no=\"1\" perlu-verifikasi=\"false\"><rumusan>Setiap Orang Asing"
        "</rumusan><analisis>Tersangka adalah orang asing pemegang paspor Vietnam.</analisis>"
        "</unsur>\n"
        "          <unsur no=\"2\" perlu-verifikasi=\"false\"><rumusan>dengan sengaja "
        "menyalahgunakan atau melakukan kegiatan</rumusan><analisis>Tersangka sadar bekerja "
        "setiap hari.</analisis></unsur>\n"
        "        </analisis-pasal>\n"
        "        <kesimpulan>Unsur-unsur Pasal 122 huruf a telah terpenuhi.</kesimpulan>\n"
        "      </isi-resume>\n");
    t = render_text("resume", x, strlen(x), "2024-09-19", "R/03/IX/2024/PPNS-IMI", NULL, 0);
    /* the last of the bases: a full stop (a list's items end with ";", its last with ".") */
    assert_has("resume", t, "Surat Perintah Penahanan Nomor SP.Han/06/IX/2024/PPNS-IMI.");
    assert_has("resume", t, "Tersangka bekerja sebagai juru masak dengan izin tinggal kunjungan.");
    assert_has("resume", t, "1. Bahwa tersangka warga negara Vietnam.");
    assert_has("resume", t, "2. Bahwa tersangka bekerja sebagai juru masak.");
    assert_has("resume", t,
               "Pasal 122 huruf a Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian atas nama "
               "tersangka Nguyễn Văn Thành, dengan unsur-unsur:");
    assert_has("resume", t,
               "1. Unsur \"Setiap Orang Asing\": Tersangka adalah orang asing pemegang paspor "
               "Vietnam.");
    assert_has("resume", t,
               "2. Unsur \"dengan sengaja menyalahgunakan atau melakukan kegiatan\": Tersangka "
               "sadar bekerja setiap hari.");
    assert_has("resume", t, "Unsur-unsur Pasal 122 huruf a telah terpenuhi.");
    ck_assert_ptr_null(strstr(t, "belum diisi"));
    free(t);
    free(x);
}
END_TEST
static const char *const P19_ITEMS[] = {
    "Lakukan pemeriksaan tambahan terhadap tersangka Nguyễn Văn Thành mengenai besarnya upah",
    "Lampirkan salinan izin tinggal kunjungan tersangka yang telah dilegalisasi",
    "Periksa pemilik vila sebagai saksi untuk menerangkan hubungan kerja dengan tersangka."};

START_TEST(test_tahap1_covering_letter)
{
    size_t len;
    const char *xml = case_xml(&len);
    char *t = render_text("pengantar_tahap1", xml, len, "2024-09-20",
                          "B-IMI.12.GR.01.01-0530/IX/2024", NULL, 0);
    const char *w[] = {
        "Denpasar, 20 September 2024",
        "Nomor : B-IMI.12.GR.01.01-0530/IX/2024",
        "Hal : Pengiriman Berkas Perkara atas nama tersangka Nguyễn Văn Thành, Ayşe Şahin, "
        "Zoë Müller dan Łukasz Wiśniewski",
        "Yth. Kepala Kejaksaan Negeri Denpasar",
        "Pasal 8 ayat (2) dan ayat (3) huruf a serta Pasal 110 ayat (1)",
        "Pasal 107 ayat (2) Undang-Undang Nomor 6 Tahun 2011",
        "Surat Pemberitahuan Dimulainya Penyidikan Nomor B-IMI.12.GR.01.01-0451/IX/2024 tanggal 5 "
        "September 2024",
        "1 (satu) berkas perkara",
        "Pasal 122 huruf a dan Pasal 119 ayat (1)",
        "tersangka Nguyễn Văn Thành ditahan sejak tanggal 4 September 2024",
        "tersangka Ayşe Şahin tidak ditahan",
        "tersangka Łukasz Wiśniewski tidak ditahan",
        "berjumlah 2 (dua) jenis",
        "Arsip."};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("pengantar_tahap1", t, w[i]);
    free(t);
}
END_TEST

START_TEST(test_p19_and_the_answer_carry_every_instruction)
{
    size_t len;
    const char *xml = case_xml(&len);
    char *t = render_text("p19", xml, len, "2024-10-01", "B-2207/N.1.10/Eku.1/10/2024", NULL, 0);
    const char *w[] = {
        "KEJAKSAAN REPUBLIK INDONESIA",
        "KEJAKSAAN NEGERI DENPASAR",
        "P-19",
        "Denpasar, 1 Oktober 2024",
        "Nomor : B-2207/N.1.10/Eku.1/10/2024",
        "Perihal : Pengembalian Berkas Perkara atas nama tersangka Nguyễn Văn Thành",
        "Yth. Penyidik Pegawai Negeri Sipil Keimigrasian",
        "pada Kantor Imigrasi Kelas I TPI Denpasar",
        "surat pengantar Nomor B-IMI.12.GR.01.01-0530/IX/2024 tanggal 20 September 2024 yang kami "
        "terima pada tanggal 21 September 2024",
        "belum lengkap",
        "Pasal 110 ayat (3) dan Pasal 138 ayat (2)",
        "14 (empat belas) hari",
        UU6_AMENDED,
        "Kode verifikasi: K7QX-2M9D",
        "NIP 19700101 199503 1 001"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("p19", t, w[i]);
    for (size_t i = 0; i < 3; i++) {
        char want[400];
        snprintf(want, sizeof want, "%zu. %s", i + 1, P19_ITEMS[i]);
        assert_has("p19", t, want);
    }
    ck_assert_ptr_null(strstr(t, "KANTOR IMIGRASI KELAS I TPI DENPASAR")); /* not our letterhead */
    ck_assert_ptr_null(strstr(t, "PRO JUSTITIA"));
    free(t);
    const struct render_form_info *f = render_form_find(engine(), "p19");
    ck_assert_int_eq(f->issuer, RENDER_ISSUER_PROSECUTOR);

    t = render_text("pengiriman_kembali", xml, len, "2024-10-10", "B-IMI.12.GR.01.01-0611/X/2024",
                    NULL, 0);
    const char *k[] = {
        "Hal : Pengiriman Kembali Berkas Perkara atas nama tersangka",
        "Surat Kepala Kejaksaan Negeri Denpasar Nomor B-2207/N.1.10/Eku.1/10/2024 tanggal 1 "
        "Oktober 2024 perihal Pengembalian Berkas Perkara untuk Dilengkapi (P-19)",
        "Pasal 110 ayat (3) dan Pasal 138 ayat (2)",
        "Pelaksanaan : Telah dilakukan pemeriksaan tambahan terhadap tersangka pada tanggal 7 "
        "Oktober 2024",
        "Pelaksanaan : Salinan izin tinggal yang dilegalisasi dan cetakan data perlintasan SIMKIM",
        "Pelaksanaan : Pemilik vila telah diperiksa sebagai saksi pada tanggal 9 Oktober 2024."};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        assert_has("pengiriman_kembali", t, k[i]);
    for (size_t i = 0; i < 3; i++) {
        char want[400];
        snprintf(want, sizeof want, "%zu. Petunjuk : %s", i + 1, P19_ITEMS[i]);
        assert_has("pengiriman_kembali", t, want);
    }
    free(t);

    /* a second round: both forms answer the latest only, unless asked */
    char *x = replace(xml, "  </petunjuk-p19>",
                      "    <putaran ke=\"2\">\n      <tanggal>2024-10-20</tanggal>\n"
                      "      <nomor-dokumen>B-2480/N.1.10/Eku.1/10/2024</nomor-dokumen>\n"
                      "      <butir no=\"1\"><teks>Sita kontrak kerja tersangka dengan pengelola "
                      "vila.</teks></butir>\n"
                      "    </putaran>\n  </petunjuk-p19>");
    t = render_text("pengiriman_kembali", x, strlen(x), "2024-10-25", NULL, NULL, 0);
    assert_has("pengiriman_kembali", t,
               "Nomor B-2480/N.1.10/Eku.1/10/2024 tanggal 20 Oktober 2024");
    assert_has("pengiriman_kembali", t,
               "1. Petunjuk : Sita kontrak kerja tersangka dengan pengelola vila.");
    assert_has("pengiriman_kembali", t, "Pelaksanaan : ........");
    ck_assert_ptr_null(strstr(t, "Periksa pemilik vila"));
    free(t);
    const struct render_kv r1[] = {{"round", "1"}};
    t = render_text("p19", x, strlen(x), "2024-10-01", NULL, r1, 1);
    assert_has("p19", t, P19_ITEMS[2]);
    ck_assert_ptr_null(strstr(t, "Sita kontrak kerja"));
    free(t);
    free(x);

    /* no instruction, no P-19 */
    char *none = replace(xml, "<butir no=\"1\">", "<butir no=\"1\" >");
    char *y = replace(none, "<putaran ke=\"1\" peristiwa=\"peristiwa-12\">",
                      "<putaran ke=\"1\" peristiwa=\"peristiwa-12\" >");
    free(none);
    struct berr err = {0};
    const struct render_kv r9[] = {{"round", "9"}};
    ck_assert_int_eq(render_to("p19", y, strlen(y), "2024-10-01", NULL, r9, 1, NULL, &err), -1);
    ck_assert_int_eq(err.kind, BERR_UNPROCESSABLE);
    ck_assert_msg(strstr(err.message, "petunjuk P-19"), "%s", err.message);
    free(y);
}
END_TEST

START_TEST(test_p21_and_the_tahap2_handover)
{
    size_t len;
    char *xml = case_with_p21(&len);
    char *t = render_text("p21", xml, len, "2024-10-15", P21_NO, NULL, 0);
    const char *w[] = {
        "KEJAKSAAN NEGERI DENPASAR",
        "P-21",
        "Nomor : " P21_NO,
        "Perihal : Pemberitahuan bahwa Hasil Penyidikan atas nama tersangka Nguyễn Văn Thành",
        "surat Nomor B-IMI.12.GR.01.01-0611/X/2024 tanggal 10 Oktober 2024",
        "sudah lengkap",
        "Pasal 8 ayat (3) huruf b, Pasal 138 ayat (1), dan Pasal 139",
        "Pasal 122 huruf a dan Pasal 119 ayat (1)"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("p21", t, w[i]);
    free(t);

    const struct render_kv kv[] = {{"time", "10:00"}, {"prosecutor", "I Made Santika, S.H."}};
    t = render_text("ba_tahap2", xml, len, "2024-10-22", "BA/15/X/2024/PPNS-IMI", kv, 2);
    const char *b[] = {
        "BERITA ACARA SERAH TERIMA TERSANGKA DAN BARANG BUKTI",
        "Pada hari ini Selasa tanggal dua puluh dua bulan Oktober tahun dua ribu dua puluh empat, "
        "pukul 10.00 (sepuluh tepat) WITA, bertempat di Kantor Kejaksaan Negeri Denpasar",
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        "I Made Santika, S.H.",
        "Nomor " P21_NO " tanggal 15 Oktober 2024",
        "Nguyễn Văn Thành",
        "Ayşe Şahin",
        "Zoë Müller",
        "Łukasz Wiśniewski",
        "ditahan",
        "tidak ditahan",
        "Paspor Republik Turki Nomor U19283746",
        "Pasal 122 huruf a dan Pasal 119 ayat (1)",
        UU6_AMENDED};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        assert_has("ba_tahap2", t, b[i]);
    free(t);
    free(xml);
}
END_TEST

/* The prosecutor's papers (KEP-518/A/J.A/11/2001; DOMAIN.md 6, 12): each on
 * the Kejaksaan's letterhead (KEJAKSAAN REPUBLIK INDONESIA / ... / KEJAKSAAN
 * NEGERI), never PRO JUSTITIA nor the immigration office's kop, with its
 * code, the Kejari's city and date, its number, and the earlier paper it
 * answers cited by that paper's number; the articles of UU 8/1981 that each
 * relies on (P-16/P-17: 109(1); P-18: 138(1); P-20 and the letter: 110(3),
 * 138(2); P-21A/P-22/P-23: 8(3) huruf b). */
START_TEST(test_prosecutor_forms_on_the_kejaksaan_letterhead)
{
    size_t len;
    char *xml = case_with_cycle(&len);
    static const struct {
        const char *form, *code, *date, *number, *want[5];
    } rows[] = {
        {"p16",
         "P-16",
         "2024-09-07",
         P16_NO,
         {"SURAT PERINTAH PENUNJUKAN JAKSA PENUNTUT UMUM UNTUK MENGIKUTI PERKEMBANGAN PENYIDIKAN",
          "Nomor B-IMI.12.GR.01.01-0451/IX/2024 tanggal 5 September 2024",
          "Pasal 14 huruf a dan huruf b, Pasal 109 ayat (1)", "KEJAKSAAN NEGERI DENPASAR",
          "Dikeluarkan di : Denpasar"}},
        {"p17",
         "P-17",
         "2024-09-16",
         "B-2101/N.1.10/Eku.1/09/2024",
         {"Perihal : Permintaan Perkembangan Hasil Penyidikan atas nama tersangka Nguyễn Văn Thành",
          "Nomor B-IMI.12.GR.01.01-0451/IX/2024 tanggal 5 September 2024",
          "(P-16) Nomor " P16_NO " tanggal 7 September 2024",
          "Pasal 109 ayat (1) dan Pasal 110 ayat (1)", "belum menerima berkas perkara"}},
        {"p18",
         "P-18",
         "2024-11-25",
         "B-2099/N.1.10/Eku.1/10/2024",
         {"surat Nomor B-IMI.12.GR.01.01-0611/X/2024 tanggal 10 Oktober 2024 yang kami terima "
          "pada tanggal 11 Oktober 2024",
          "Pasal 138 ayat (1)", "belum lengkap", "(P-19)", "Sifat : Segera"}},
        {"pengembalian_berkas",
         "Pengembalian Berkas Perkara",
         "2024-10-14",
         LETTER_NO,
         {"surat Nomor B-2207/N.1.10/Eku.1/10/2024 tanggal 1 Oktober 2024 (P-19) belum "
          "dipenuhi seluruhnya",
          "1. Periksa pemilik vila sebagai saksi",
          "Nomor B-IMI.12.GR.01.01-0611/X/2024 tanggal 10 Oktober 2024",
          "Pasal 110 ayat (3) dan Pasal 138 ayat (2)", "14 (empat belas) hari"}},
        {"p20",
         "P-20",
         "2024-10-30",
         "B-2502/N.1.10/Eku.1/10/2024",
         {"surat kami Nomor " LETTER_NO " tanggal 14 Oktober 2024",
          "yang Saudara terima pada tanggal 15 Oktober 2024", "14 (empat belas) hari",
          "Pasal 110 ayat (3) dan Pasal 138 ayat (2)", "belum Saudara kirimkan kembali"}},
        {"p21a",
         "P-21A",
         "2024-11-20",
         "B-2601/N.1.10/Eku.1/11/2024",
         {"Nomor " P21_NO " tanggal 5 November 2024",
          "Pemberitahuan bahwa Hasil Penyidikan sudah Lengkap (P-21)", "Pasal 8 ayat (3) huruf b",
          "60 (enam puluh) hari", "B-1310/E/EJP/05/2022"}},
        {"p22",
         "P-22",
         "2024-11-06",
         P22_NO,
         {"Nomor " P21_NO " tanggal 5 November 2024", "Pasal 8 ayat (3) huruf b",
          "Paspor Republik Turki Nomor U19283746", "Nguyễn Văn Thành", "Ayşe Şahin"}},
        {"p23",
         "P-23",
         "2024-11-25",
         "B-2650/N.1.10/Eku.1/11/2024",
         {"surat kami Nomor " P22_NO " tanggal 6 November 2024",
          "Penyerahan Tersangka dan Barang Bukti (P-22)", "Pasal 8 ayat (3) huruf b",
          "60 (enam puluh) hari", "Nguyễn Văn Thành"}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *t = render_text(rows[i].form, xml, len, rows[i].date, rows[i].number, NULL, 0);
        char nomor[200];
        snprintf(nomor, sizeof nomor, "Nomor%s%s", strcmp(rows[i].form, "p16") == 0 ? ": " : " : ",
                 rows[i].number);
        assert_has(rows[i].form, t, "KEJAKSAAN REPUBLIK INDONESIA");
        assert_has(rows[i].form, t, "KEJAKSAAN TINGGI BALI");
        assert_has(rows[i].form, t, "KEJAKSAAN NEGERI DENPASAR");
        assert_has(rows[i].form, t, rows[i].code);
        assert_has(rows[i].form, t, nomor);
        assert_has(rows[i].form, t, "Undang-Undang Nomor 8 Tahun 1981");
        assert_has(rows[i].form, t,
                   "Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian sebagaimana telah "
                   "beberapa kali diubah, terakhir dengan Undang-Undang Nomor 63 Tahun 2024");
        for (size_t k = 0; k < 5 && rows[i].want[k]; k++)
            assert_has(rows[i].form, t, rows[i].want[k]);
        ck_assert_msg(strstr(t, "KANTOR IMIGRASI KELAS I TPI DENPASAR") == NULL, "%s: our kop",
                      rows[i].form);
        ck_assert_msg(strstr(t, "PRO JUSTITIA") == NULL, "%s: PRO JUSTITIA", rows[i].form);
        ck_assert_msg(strstr(t, "Nomor 20 Tahun 2025") == NULL, "%s: 2024 cites UU 20/2025",
                      rows[i].form);
        free(t);
        const struct render_form_info *f = render_form_find(engine(), rows[i].form);
        ck_assert_int_eq(f->issuer, RENDER_ISSUER_PROSECUTOR);
    }
    /* the letter after the P-19 names only what is still unmet, and is no P-19 */
    char *t = render_text("pengembalian_berkas", xml, len, "2024-10-14", LETTER_NO, NULL, 0);
    ck_assert_ptr_null(strstr(t, "Lakukan pemeriksaan tambahan"));
    ck_assert_ptr_null(strstr(t, "Pengembalian Berkas Perkara untuk Dilengkapi"));
    free(t);
    /* the draft P-19 is the P-19's round, never the letter's */
    t = render_text("p19", xml, len, "2024-10-01", NULL, NULL, 0);
    assert_has("p19", t, "1. Lakukan pemeriksaan tambahan");
    free(t);
    /* an act from 2 January 2026 cites UU 20/2025 by its title, none of UU 8/1981
     * (its Pasal 369); one on 31 December 2025 still UU 8/1981 */
    const char *const forms[] = {"p16", "p17",  "p18", "pengembalian_berkas",
                                 "p20", "p21a", "p22", "p23"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        t = render_text(forms[i], xml, len, "2026-01-05", "B-1/2026", NULL, 0);
        assert_has(forms[i], t,
                   "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara "
                   "Pidana");
        ck_assert_msg(strstr(t, "Nomor 8 Tahun 1981") == NULL, "%s cites UU 8/1981 in 2026",
                      forms[i]);
        free(t);
        t = render_text(forms[i], xml, len, "2025-12-31", "B-9/2025", NULL, 0);
        assert_has(forms[i], t, "Undang-Undang Nomor 8 Tahun 1981");
        ck_assert_msg(strstr(t, "Nomor 20 Tahun 2025") == NULL, "%s cites UU 20/2025 in 2025",
                      forms[i]);
        free(t);
    }
    free(xml);
}
END_TEST

/* The investigator's papers of issue 8.5 cite UU 8/1981 up to 1 January
 * 2026 and UU 20/2025 by its title from 2 January 2026 (its Pasal 369), and
 * UU 6/2011 as amended last by UU 63/2024, and carry the office's kop. */
START_TEST(test_investigator_papers_cite_the_law_of_their_date)
{
    size_t len;
    char *xml = case_with_acts(&len);
    static const char *const forms[] = {"sp_tugas",
                                        "penetapan_tersangka",
                                        "ba_sumpah_penerjemah",
                                        "sp_penggeledahan",
                                        "ba_penggeledahan",
                                        "ba_pembungkusan",
                                        "ba_penitipan",
                                        "pemberitahuan_penangkapan",
                                        "pemberitahuan_penahanan",
                                        "pengantar_spdp_korwas",
                                        "permohonan_izin_pn"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        struct render_kv kv[6];
        size_t nkv = required_params(render_form_find(engine(), forms[i]), kv);
        char *t = render_text(forms[i], xml, len, "2026-01-05", "X-1/2026", kv, nkv);
        assert_has(forms[i], t,
                   "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara "
                   "Pidana");
        ck_assert_msg(strstr(t, "Nomor 8 Tahun 1981") == NULL, "%s cites UU 8/1981 in 2026",
                      forms[i]);
        assert_has(forms[i], t, "KANTOR IMIGRASI KELAS I TPI DENPASAR");
        free(t);
        t = render_text(forms[i], xml, len, "2025-12-31", "X-9/2025", kv, nkv);
        assert_has(forms[i], t, "Undang-Undang Nomor 8 Tahun 1981");
        ck_assert_msg(strstr(t, "Nomor 20 Tahun 2025") == NULL, "%s cites UU 20/2025 in 2025",
                      forms[i]);
        free(t);
    }
    /* a Berita Acara states its day in words; the order it cites by number */
    const struct render_kv bp[] = {{"target", "vila Jalan Pantai Batu Bolong Nomor 18, Canggu"},
                                   {"result", "ditemukan 1 (satu) buku paspor"}};
    char *t = render_text("ba_penggeledahan", xml, len, "2024-09-03", "BA.Dah/01/IX/2024", bp, 2);
    assert_has("ba_penggeledahan", t,
               "Pada hari ini Selasa tanggal tiga bulan September tahun dua ribu dua puluh empat");
    assert_has("ba_penggeledahan", t,
               "Surat Perintah Penggeledahan Nomor SP.Dah/01/IX/2024/PPNS-IMI tanggal 3 "
               "September 2024");
    assert_has("ba_penggeledahan", t, "Pasal 33 ayat (3) dan ayat (4)");
    free(t);
    const struct render_kv p1[] = {{"party", "pihak-1"}};
    t = render_text("notifikasi_konsuler", xml, len, "2024-09-03", "B-1/2024", p1, 1);
    assert_has("notifikasi_konsuler", t, "Perwakilan Vietnam di Indonesia");
    assert_has("notifikasi_konsuler", t,
               "Surat Perintah Penangkapan Nomor SP.Kap/05/IX/2024/PPNS-IMI");
    free(t);
    free(xml);
}
END_TEST

START_TEST(test_sp3_and_its_notification_give_the_ground)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_kv g[] = {{"ground", "tidak terdapat cukup bukti"}};
    char *t = render_text("sp3", xml, len, "2024-11-04", SP3_NO, g, 1);
    const char *w[] = {"SURAT KETETAPAN",
                       "Nomor: " SP3_NO,
                       "PENGHENTIAN PENYIDIKAN",
                       "Pasal 109 ayat (2) dan ayat (3) Undang-Undang Nomor 8 Tahun 1981",
                       "Pasal 106 huruf n Undang-Undang Nomor 6 Tahun 2011",
                       "karena tidak terdapat cukup bukti",
                       "MEMUTUSKAN:",
                       "KESATU",
                       "Nguyễn Văn Thành, kewarganegaraan Vietnam, paspor nomor C2345678",
                       "Ditetapkan di : Denpasar",
                       "Tersangka Zoë Müller;"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("sp3", t, w[i]);
    free(t);

    /* without a ground, no SP3 */
    struct berr err = {0};
    ck_assert_int_eq(render_to("sp3", xml, len, "2024-11-04", NULL, NULL, 0, NULL, &err), -1);
    ck_assert_int_eq(err.kind, BERR_UNPROCESSABLE);
    ck_assert_msg(strstr(err.message, "alasan penghentian penyidikan"), "%s", err.message);

    size_t l3;
    char *x = case_with_sp3(&l3);
    t = render_text("pemberitahuan_sp3", x, l3, "2024-11-05", "B-IMI.12.GR.01.01-0702/XI/2024",
                    NULL, 0);
    const char *p[] = {"Hal : Pemberitahuan Penghentian Penyidikan atas nama tersangka",
                       "Yth. Kepala Kejaksaan Negeri Denpasar",
                       "Surat Ketetapan Penghentian Penyidikan Nomor " SP3_NO
                       " tanggal 4 November 2024",
                       "terhitung mulai tanggal 4 November 2024 telah dihentikan karena tidak "
                       "terdapat cukup bukti",
                       "Koordinator Pengawas PPNS",
                       "Tersangka Ayşe Şahin;"};
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
        assert_has("pemberitahuan_sp3", t, p[i]);
    free(t);
    free(x);
}
END_TEST

START_TEST(test_daftar_pihak_lists_witnesses_suspects_and_evidence)
{
    size_t len;
    const char *xml = case_xml(&len);
    char *t = render_text("daftar_pihak", xml, len, "2024-09-20", NULL, NULL, 0);
    const char *w[] = {
        "DAFTAR SAKSI",        "I Wayan Sudarma",  "Lingkungan",          "DAFTAR AHLI",
        "Dr. Ni Luh Gede Sri", "DAFTAR TERSANGKA", "Nguyễn Văn Thành",    "Hà Nội",
        "C01X00T47",           "Wiśniewski",       "DAFTAR BARANG BUKTI", "U19283746"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_has("daftar_pihak", t, w[i]);
    free(t);
    /* each list on its own page */
    char *p2 = pdf_text(out_path("daftar_pihak"), 2, 2);
    assert_has("daftar_pihak", p2, "DAFTAR TERSANGKA");
    ck_assert_ptr_null(strstr(p2, "DAFTAR SAKSI"));
    free(p2);
    ck_assert_int_eq(render_form_find(engine(), "daftar_pihak")->issuer, RENDER_ISSUER_SYSTEM);
    /* a narrow column never breaks inside a word (issue 8.9: "Tempat/tangga l
     * lahir", "Kewarganegar/aan"): each word of each header is whole on some
     * line of the page as laid out */
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "pdftotext -q -layout -enc UTF-8 '%s' -", out_path("daftar_pihak"));
    char *lay = run(cmd);
    static const char *const whole[] = {"Tempat/", "tanggal lahir", "Pekerjaan", "Alamat"};
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
        ck_assert_msg(strstr(lay, whole[i]) != NULL, "\"%s\" is broken: %s", whole[i], lay);
    ck_assert_ptr_null(strstr(lay, "tangga l"));
    free(lay);
}
END_TEST

/* An Indonesian is identified by his NIK, a foreigner by his passport (DOMAIN 7.3; UU 6/2011
 * Pasal 124 names Indonesians; play3 #25): the fixture's first suspect made an Indonesian with
 * a NIK and no passport, its witness given his - the list of parties, the Laporan and the SP
 * Penahanan print "NIK 1671010504900003" for him, the BAP of the witness his NIK; the other
 * suspects keep their passports. */
START_TEST(test_an_indonesian_is_printed_with_his_nik)
{
    size_t len;
    const char *xml = case_xml(&len);
    char *x = replace(xml,
                      "<kewarganegaraan>VN</kewarganegaraan>\n      <nomor-paspor>C2345678</nomor-"
                      "paspor>",
                      "<kewarganegaraan>ID</kewarganegaraan>\n      <nik>1671010504900003</nik>");
    char *y = replace(x, "<kewarganegaraan>ID</kewarganegaraan>\n      <tanggal-lahir>1982-04-17",
                      "<kewarganegaraan>ID</kewarganegaraan>\n      <nik>5102011704820001</nik>\n"
                      "      <tanggal-lahir>1982-04-17");
    free(x);
    char *t = render_text("daftar_pihak", y, strlen(y), "2024-09-20", NULL, NULL, 0);
    /* a narrow column: the number whole */
    assert_has("daftar_pihak", t, "1671010504900003");
    assert_has("daftar_pihak", t, "C01X00T47"); /* a foreigner's passport */
    free(t);
    t = render_text("laporan_kejadian", y, strlen(y), "2024-08-28", "LK/17/VIII/2024/INTELDAKIM",
                    NULL, 0);
    assert_has("laporan_kejadian", t, "NIK 1671010504900003");
    ck_assert_ptr_null(strstr(t, "paspor nomor C2345678"));
    free(t);
    const struct render_kv p1[] = {{"party", "pihak-1"}};
    t = render_text("sp_penahanan", y, strlen(y), "2024-09-05", "SP.HAN/1/IX/2024", p1, 1);
    assert_has("sp_penahanan", t, "NIK : 1671010504900003");
    ck_assert_ptr_null(strstr(t, "Nomor paspor"));
    free(t);
    const struct render_kv p5[] = {{"party", "pihak-5"}};
    t = render_text("bap_saksi", y, strlen(y), "2024-09-04", "BAP/09/IX/2024/PPNS-IMI", p5, 1);
    assert_has("bap_saksi", t, "NIK : 5102011704820001");
    free(t);
    free(y);
}
END_TEST

START_TEST(test_laporan_without_number_falls_back_to_the_case_number)
{
    size_t len;
    const char *xml = case_xml(&len);
    char *x = replace(xml, "<nomor-dokumen>LK/17/VIII/2024/INTELDAKIM</nomor-dokumen>",
                      "<nomor-dokumen></nomor-dokumen>");
    static const char *const forms[] = {"sprindik",     "spdp",         "sp_penangkapan",
                                        "sp_penahanan", "sp_penyitaan", "resume"};
    const struct render_kv p1[] = {{"party", "pihak-1"}};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        bool party =
            strcmp(forms[i], "sp_penangkapan") == 0 || strcmp(forms[i], "sp_penahanan") == 0;
        char pdf[1100];
        snprintf(pdf, sizeof pdf, "%s/fallback-%s.pdf", env_dir("RENDER_OUT"), forms[i]);
        struct berr err = {0};
        ck_assert_msg(render_to(forms[i], x, strlen(x), "2024-09-05", "X/1/IX/2024", p1,
                                party ? 1 : 0, pdf, &err) > 0,
                      "%s: %s", forms[i], err.message);
        char *t = pdf_text(pdf, 0, 0);
        assert_has(forms[i], t,
                   "Laporan Keimigrasian Nomor BKS-2024-000042 tanggal 28 Agustus 2024");
        free(t);
    }
    free(x);
}
END_TEST

START_TEST(test_orders_cite_uu_20_2025_from_2_january_2026)
{
    size_t len;
    const char *xml = case_xml(&len);
    static const char *const forms[] = {"sp_penangkapan",
                                        "sp_penahanan",
                                        "sp_penyitaan",
                                        "permintaan_perpanjangan",
                                        "pengantar_tahap1",
                                        "pengiriman_kembali",
                                        "sp3",
                                        "p19",
                                        "p21",
                                        "bap_ahli"};
    const struct render_kv kv[] = {{"party", "pihak-1"}, {"ground", "tidak terdapat cukup bukti"}};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        const struct render_form_info *f = render_form_find(engine(), forms[i]);
        struct render_kv use[2];
        size_t n = 0;
        for (size_t k = 0; k < f->n_params; k++)
            for (size_t j = 0; j < 2; j++)
                if (strcmp(f->params[k].name, kv[j].name) == 0)
                    use[n++] = kv[j];
        if (strcmp(forms[i], "bap_ahli") == 0)
            use[0].value = "pihak-6";
        /* issued (a number), so that no DRAFT watermark falls between the words */
        bool ext = strcmp(forms[i], "permintaan_perpanjangan") == 0;
        char *t = render_text(forms[i], xml, len, "2026-01-05", "UJI/1/I/2026", ext ? ext_kv : use,
                              ext ? EXT_N : n);
        assert_has(forms[i], t,
                   "Undang-Undang Nomor 20 Tahun 2025 tentang Kitab Undang-Undang Hukum Acara "
                   "Pidana");
        ck_assert_msg(strstr(t, "Nomor 8 Tahun 1981") == NULL, "%s still cites UU 8/1981",
                      forms[i]);
        free(t);
    }
}
END_TEST

START_TEST(test_png_of_page_one_of_new_forms)
{
    static const char *const forms[] = {"p19",          "sp_penahanan",       "resume",
                                        "ba_penyitaan", "pengiriman_kembali", "daftar_pihak"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char pdf[1100], png[1100], cmd[2400];
        snprintf(pdf, sizeof pdf, "%s", out_path(forms[i]));
        size_t n = 0;
        char *b = slurp(pdf, &n);
        if (!b) { /* not rendered yet by the tests before */
            size_t len;
            const char *xml = case_xml(&len);
            const struct render_kv p1[] = {{"party", "pihak-1"}};
            struct berr err = {0};
            ck_assert_msg(render_to(forms[i], xml, len, "2024-10-10", "X/1/X/2024", p1,
                                    strcmp(forms[i], "sp_penahanan") == 0, pdf, &err) > 0,
                          "%s", err.message);
        }
        free(b);
        snprintf(png, sizeof png, "%s/%s-page1", env_dir("RENDER_OUT"), forms[i]);
        snprintf(cmd, sizeof cmd, "pdftoppm -q -png -r 80 -f 1 -l 1 -singlefile '%s' '%s'", pdf,
                 png);
        ck_assert_int_eq(system(cmd), 0);
        strncat(png, ".png", sizeof png - strlen(png) - 1);
        b = slurp(png, &n);
        ck_assert_msg(b && n > 1000, "%s written", png);
        free(b);
    }
}
END_TEST

Suite *suite_forms_all(void)
{
    Suite *s = suite_create("forms_all");
    TCase *tc = tcase_create("forms_all");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_every_form_renders_from_the_rich_case);
    tcase_add_test(tc, test_laporan_keimigrasian);
    tcase_add_test(tc, test_bap_saksi_and_bap_ahli);
    tcase_add_test(tc, test_a_berita_acara_is_made_by_who_recorded_its_act);
    tcase_add_test(tc, test_arrest_order_and_its_berita_acara);
    tcase_add_test(tc, test_detention_period_runs_inclusive_dates);
    tcase_add_test(tc, test_extension_request_to_the_kejaksaan_negeri);
    tcase_add_test(tc, test_extension_request_to_the_ketua_pn_after_the_pu);
    tcase_add_test(tc, test_extension_request_states_the_detention_as_it_stands);
    tcase_add_test(tc, test_seizure_order_and_its_berita_acara_list_the_items);
    tcase_add_test(tc, test_resume_outlines_acts_evidence_and_elements);
    tcase_add_test(tc, test_tahap1_covering_letter);
    tcase_add_test(tc, test_p19_and_the_answer_carry_every_instruction);
    tcase_add_test(tc, test_p21_and_the_tahap2_handover);
    tcase_add_test(tc, test_prosecutor_forms_on_the_kejaksaan_letterhead);
    tcase_add_test(tc, test_investigator_papers_cite_the_law_of_their_date);
    tcase_add_test(tc, test_sp3_and_its_notification_give_the_ground);
    tcase_add_test(tc, test_daftar_pihak_lists_witnesses_suspects_and_evidence);
    tcase_add_test(tc, test_an_indonesian_is_printed_with_his_nik);
    tcase_add_test(tc, test_laporan_without_number_falls_back_to_the_case_number);
    tcase_add_test(tc, test_orders_cite_uu_20_2025_from_2_january_2026);
    tcase_add_test(tc, test_png_of_page_one_of_new_forms);
    suite_add_tcase(s, tc);
    return s;
}
