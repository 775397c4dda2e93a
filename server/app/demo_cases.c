/*
 * demo_cases.c - demo case files, one or more at every stage, recorded act by
 * act through the same use cases the investigators and prosecutors call
 * (app_case_create, app_party_save, app_offence_charge, app_event_record), so
 * every guard and clock sees them exactly as it would see real work.
 *
 * Every act that has a paper gets it in the same transaction (issue 8: one
 * act, one document), dated by the act, so that each file's documents and
 * its dossier are there to read - but a BAP and a Resume say something
 * first: their content is written (demo_contents.c), then their paper is
 * issued for the act.
 *
 * Dates are relative to the day berkasd loads them, so the clocks always
 * tell the same story: the Batulicin detention ends in two days, the
 * Palembang P-21 is 50 days old without Tahap II, the Pontianak file has
 * come back twice with P-19.  All names are invented.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"

#include "casework.h"
#include "core/caldate.h"
#include "events.h"
#include "store/cases.h"
#include "store/identity.h"
#include "store/offices.h"
#include "store/tx.h"

struct demo_case {
    const char *office, *kejari, *source, *summary;
    int opened_ago;       /* days before today */
    const char *suspects; /* JSON array of party objects: the suspects first, then any
                             witness or expert ("kind"; what they say: "questions") */
    const char *offence;  /* charged to every suspect */
    const char *steps;    /* JSON array of acts, see run_step() */
    bool papers;          /* its acts get their papers (the files whose dossier is read) */
};

/* The SPDP received by each recipient (Permenkumham 39/2021 Pasal 27; MK
 * 130/PUU-XIII/2015) on one day, AGO days before today: the Kejari, Korwas
 * PPNS, the reporter, the (foreign) suspect and, through Kemlu, his
 * representation; SPDP_KNOWN leaves the representation's out. */
#define SPDP_STEP(ago, to, by)                                                                     \
    " {\"type\":\"letter_delivered\",\"ago\":" #ago ",\"recipient\":\"spdp_" to                    \
    "\",\"received_by\":\"" by "\"},"
#define SPDP_KNOWN(ago)                                                                            \
    SPDP_STEP(ago, "kejari", "Petugas PTSP Kejaksaan Negeri")                                      \
    SPDP_STEP(ago, "korwas", "Subdit Korwas PPNS Ditreskrimsus Polda")                             \
    SPDP_STEP(ago, "pelapor", "Pelapor (petugas Inteldakim)")                                      \
    " {\"type\":\"letter_delivered\",\"ago\":" #ago                                                \
    ",\"recipient\":\"spdp_tersangka\",\"party\":1,"                                               \
    "\"received_by\":\"Tersangka sendiri\"},"
#define SPDP_ALL(ago)                                                                              \
    SPDP_KNOWN(ago)                                                                                \
    " {\"type\":\"letter_delivered\",\"ago\":" #ago ",\"recipient\":\"spdp_perwakilan_negara\","   \
    "\"party\":1,\"received_by\":\"Direktorat Perlindungan WNI dan BHI, Kementerian Luar "         \
    "Negeri\"},"
/* What a suspect is given himself under UU 20/2025, as reported (DOMAIN D15, D16): the notice
 * of his designation and the copy of the record of his examination, each on the act's day. */
#define TOLD(ago)                                                                                  \
    " {\"type\":\"letter_delivered\",\"ago\":" #ago ",\"recipient\":\"penetapan_tersangka\","      \
    "\"party\":1,\"received_by\":\"Tersangka sendiri\"},"
#define BAP_COPY(ago)                                                                              \
    " {\"type\":\"letter_delivered\",\"ago\":" #ago ",\"recipient\":\"salinan_bap\","              \
    "\"party\":1,\"received_by\":\"Tersangka sendiri\"},"

/* clang-format off */
static const struct demo_case cases[] = {
    /* 1. Prapenyidikan: a report, nothing more yet */
    {"KANIM-PLG", "KEJARI-PLG", "jagratara", "Operasi Jagratara: WNA diduga bekerja tanpa izin di proyek smelter", 3,
     "[]", NULL, "[]", false},
    /* 2. Penyidikan, Muara Enim: Sprindik, SPDP, suspect examined 15 days ago and the copy
     * of his BAP (DOMAIN D16) not given him yet: the board lists it owed */
    {"KANIM-MRE", "KEJARI-MRE", "tim_pora", "Temuan TIM PORA: penyalahgunaan izin tinggal kunjungan", 25,
     "[{\"name\":\"Zhang Wei\",\"nationality\":\"CN\",\"passport_no\":\"EJ4471920\",\"sex\":\"L\",\"birth_date\":\"1984-02-11\",\"birth_place\":\"Fuzhou\"}]",
     "122(a)",
     "[{\"type\":\"sprindik_issued\",\"ago\":22},"
     " {\"type\":\"suspect_designated\",\"ago\":22,\"party\":1},"
     TOLD(22)
     " {\"type\":\"spdp_sent\",\"ago\":20,\"recipient\":\"kejari\"},"
     SPDP_KNOWN(19)
     " {\"type\":\"summons_served\",\"ago\":18,\"party\":1,\"appearance_ago\":15},"
     " {\"type\":\"bap_recorded\",\"ago\":15,\"bap\":\"tersangka\",\"party\":1}]", false},
    /* 3. Tahap I, Palembang: the file is with the prosecutor; the reporter examined as a
     * witness, the suspect, who speaks Vietnamese, through an interpreter sworn first
     * (KUHAP 53, 177) */
    {"KANIM-PLG", "KEJARI-PLG", "public_report", "Laporan masyarakat: WNA berjualan tanpa izin", 40,
     "[{\"name\":\"Nguyễn Văn Thành\",\"nationality\":\"VN\",\"passport_no\":\"C2345678\",\"sex\":\"L\",\"birth_date\":\"1991-07-09\",\"birth_place\":\"Hà Nội\",\"language\":\"Vietnam\",\"interpreter\":\"Trần Thị Mai\"},"
     " {\"kind\":\"witness\",\"name\":\"Hendra Saputra\",\"nationality\":\"ID\",\"sex\":\"L\",\"birth_date\":\"1983-05-21\",\"birth_place\":\"Palembang\",\"occupation\":\"Pedagang\",\"questions\":["
     "  [\"Apakah Saudara mengenal orang asing bernama Nguyễn Văn Thành dan apa hubungan Saudara dengannya?\",\"Saya mengenalnya sebagai pedagang di kios sebelah kios saya di pasar; saya tidak mempunyai hubungan keluarga maupun pekerjaan dengannya.\"],"
     "  [\"Apa yang Saudara laporkan kepada Kantor Imigrasi?\",\"Bahwa ia setiap hari berjualan pakaian di kios itu dari pagi sampai sore, melayani pembeli, dan menerima uang hasil penjualan.\"],"
     "  [\"Sejak kapan Saudara melihatnya berjualan?\",\"Sejak kurang lebih dua bulan sebelum saya melapor.\"]]}]",
     "122(a)",
     "[{\"type\":\"sprindik_issued\",\"ago\":38},"
     " {\"type\":\"suspect_designated\",\"ago\":38,\"party\":1},"
     TOLD(38)
     " {\"type\":\"spdp_sent\",\"ago\":36,\"recipient\":\"kejari\"},"
     SPDP_ALL(35)
     " {\"type\":\"bap_recorded\",\"ago\":30,\"bap\":\"saksi\",\"party\":2},"
     " {\"type\":\"interpreter_sworn\",\"ago\":28,\"hour\":9,\"party\":1},"
     " {\"type\":\"bap_recorded\",\"ago\":28,\"bap\":\"tersangka\",\"party\":1},"
     BAP_COPY(28)
     " {\"type\":\"resume_written\",\"ago\":10},"
     " {\"type\":\"tahap1_sent\",\"ago\":9},"
     " {\"by\":\"pu\",\"type\":\"tahap1_received_by_pu\",\"ago\":8}]", true},
    /* 4. Pontianak: returned twice, the P-19 and then, its second item still
     * unmet, an ordinary letter (SE JAM Pidum B-3326/E/EJP/11/2011); each
     * return within the prosecutor's 14 days of receiving the file (KUHAP
     * 110(4)), each re-send within the investigator's 14 days (138(2)); each
     * P-19 item answered by the act that fulfils it, its paper in the file:
     * the reporting officer's BAP and the document examiner's (the
     * prosecutor then asks for the laboratory's own report: the letter) */
    {"KANIM-PTK", "KEJARI-PTK", "tpi_check", "Pemeriksaan TPI: paspor palsu", 90,
     "[{\"name\":\"Ayşe Şahin\",\"nationality\":\"TR\",\"passport_no\":\"U98765432\",\"sex\":\"P\",\"birth_date\":\"1988-11-30\",\"birth_place\":\"İzmir\"},"
     " {\"kind\":\"witness\",\"name\":\"Rizky Pratama\",\"nationality\":\"ID\",\"sex\":\"L\",\"birth_date\":\"1990-08-14\",\"birth_place\":\"Pontianak\",\"occupation\":\"Pemeriksa Keimigrasian\",\"questions\":["
     "  [\"Apa tugas Saudara pada hari Ayşe Şahin tiba?\",\"Saya bertugas di konter pemeriksaan kedatangan Tempat Pemeriksaan Imigrasi.\"],"
     "  [\"Apa yang Saudara temukan pada paspornya?\",\"Halaman data paspor nomor U98765432 tidak cocok dengan hasil pemindaian alat pemeriksa dokumen, dan laminasinya terangkat di sudut, sehingga paspor itu saya serahkan kepada Seksi Inteldakim.\"]]},"
     " {\"kind\":\"expert\",\"name\":\"Wulan Sari, S.Si.\",\"nationality\":\"ID\",\"sex\":\"P\",\"birth_date\":\"1985-02-03\",\"birth_place\":\"Bandung\",\"occupation\":\"Pemeriksa Dokumen Perjalanan\",\"expertise\":\"Pemeriksaan keaslian dokumen perjalanan (Laboratorium Forensik Dokumen Keimigrasian)\",\"questions\":["
     "  [\"Apa yang Saudara periksa?\",\"Paspor nomor U98765432 atas nama Ayşe Şahin yang diserahkan penyidik.\"],"
     "  [\"Apa hasil pemeriksaan Saudara?\",\"Halaman data paspor itu telah diganti: cetakan latarnya tidak sesuai dengan spesimen paspor negara penerbit dan fotonya ditempel di bawah laminasi baru. Paspor itu palsu.\"]]}]",
     "119(2)",
     "[{\"type\":\"sprindik_issued\",\"ago\":88},"
     " {\"type\":\"suspect_designated\",\"ago\":88,\"party\":1},"
     TOLD(88)
     " {\"type\":\"spdp_sent\",\"ago\":86,\"recipient\":\"kejari\"},"
     SPDP_ALL(85)
     " {\"type\":\"bap_recorded\",\"ago\":80,\"bap\":\"tersangka\",\"party\":1},"
     BAP_COPY(80)
     " {\"type\":\"resume_written\",\"ago\":42},"
     " {\"type\":\"tahap1_sent\",\"ago\":40},"
     " {\"by\":\"pu\",\"type\":\"tahap1_received_by_pu\",\"ago\":39},"
     " {\"by\":\"pu\",\"type\":\"p19_received\",\"ago\":30,\"instructions\":[\"Lengkapi BAP saksi pelapor\",\"Lampirkan hasil pemeriksaan laboratorium forensik dokumen\"]},"
     " {\"type\":\"returned_file_received\",\"ago\":29},"
     " {\"type\":\"bap_recorded\",\"ago\":26,\"bap\":\"saksi\",\"party\":2,\"answers\":1},"
     " {\"type\":\"bap_recorded\",\"ago\":20,\"bap\":\"ahli\",\"party\":3,\"answers\":2},"
     " {\"type\":\"resubmitted\",\"ago\":18},"
     " {\"by\":\"pu\",\"type\":\"tahap1_received_by_pu\",\"ago\":17},"
     " {\"by\":\"pu\",\"type\":\"return_letter_received\",\"ago\":5,\"unmet_item\":2}]", true},
    /* 5. Palembang: P-21 fifty days ago, Tahap II not yet done */
    {"KANIM-PLG", "KEJARI-PLG", "supervision", "Pengawasan: overstay dan bekerja tanpa izin", 120,
     "[{\"name\":\"Zoë Müller\",\"nationality\":\"DE\",\"passport_no\":\"C01X00T47\",\"sex\":\"P\",\"birth_date\":\"1979-04-18\",\"birth_place\":\"München\"}]",
     "122(a)",
     "[{\"type\":\"sprindik_issued\",\"ago\":115},"
     " {\"type\":\"suspect_designated\",\"ago\":115,\"party\":1},"
     TOLD(115)
     " {\"type\":\"spdp_sent\",\"ago\":113,\"recipient\":\"kejari\"},"
     SPDP_ALL(112)
     " {\"type\":\"bap_recorded\",\"ago\":100,\"bap\":\"tersangka\",\"party\":1},"
     BAP_COPY(100)
     " {\"type\":\"resume_written\",\"ago\":65},"
     " {\"type\":\"tahap1_sent\",\"ago\":64},"
     " {\"by\":\"pu\",\"type\":\"tahap1_received_by_pu\",\"ago\":63},"
     " {\"by\":\"pu\",\"type\":\"p21_received\",\"ago\":50}]", true},
    /* 6. Palembang: handed over (Tahap II) */
    {"KANIM-PLG", "KEJARI-PLG", "apoa", "APOA: pengelola penginapan tidak melapor, WNA tanpa visa", 150,
     "[{\"name\":\"Łukasz Kowalski\",\"nationality\":\"PL\",\"passport_no\":\"EA1234567\",\"sex\":\"L\",\"birth_date\":\"1990-01-21\",\"birth_place\":\"Kraków\"}]",
     "119(1)",
     "[{\"type\":\"sprindik_issued\",\"ago\":148},"
     " {\"type\":\"suspect_designated\",\"ago\":148,\"party\":1},"
     TOLD(148)
     " {\"type\":\"spdp_sent\",\"ago\":146,\"recipient\":\"kejari\"},"
     SPDP_ALL(145)
     " {\"type\":\"bap_recorded\",\"ago\":140,\"bap\":\"tersangka\",\"party\":1},"
     BAP_COPY(140)
     " {\"type\":\"resume_written\",\"ago\":130},"
     " {\"type\":\"tahap1_sent\",\"ago\":129},"
     " {\"by\":\"pu\",\"type\":\"tahap1_received_by_pu\",\"ago\":128},"
     " {\"by\":\"pu\",\"type\":\"p21_received\",\"ago\":120},"
     " {\"type\":\"tahap2_done\",\"ago\":110,\"hour\":10}]", true},
    /* 7. Muara Enim: P-21 and no Tahap II for more than 60 days: lapsed */
    {"KANIM-MRE", "KEJARI-MRE", "other_agency", "Limpahan Polres: WNA tanpa dokumen", 160,
     "[{\"name\":\"Somchai Prasert\",\"nationality\":\"TH\",\"passport_no\":\"AA7654321\",\"sex\":\"L\",\"birth_date\":\"1982-06-06\",\"birth_place\":\"Chiang Mai\"}]",
     "119(1)",
     "[{\"type\":\"sprindik_issued\",\"ago\":158},"
     " {\"type\":\"suspect_designated\",\"ago\":158,\"party\":1},"
     TOLD(158)
     " {\"type\":\"spdp_sent\",\"ago\":156,\"recipient\":\"kejari\"},"
     SPDP_ALL(155)
     " {\"type\":\"bap_recorded\",\"ago\":150,\"bap\":\"tersangka\",\"party\":1},"
     BAP_COPY(150)
     " {\"type\":\"resume_written\",\"ago\":140},"
     " {\"type\":\"tahap1_sent\",\"ago\":139},"
     " {\"by\":\"pu\",\"type\":\"tahap1_received_by_pu\",\"ago\":138},"
     " {\"by\":\"pu\",\"type\":\"p21_received\",\"ago\":130},"
     " {\"by\":\"pu\",\"type\":\"lapsed\",\"ago\":60}]", true},
    /* 8. Pontianak: stopped by SP3 */
    {"KANIM-PTK", "KEJARI-PTK", "public_report", "Dugaan perkawinan semu; bukti tidak cukup", 70,
     "[{\"name\":\"Đặng Thị Hương\",\"nationality\":\"VN\",\"passport_no\":\"C7654321\",\"sex\":\"P\",\"birth_date\":\"1995-09-12\",\"birth_place\":\"Huế\"}]",
     "135",
     "[{\"type\":\"sprindik_issued\",\"ago\":68},"
     " {\"type\":\"suspect_designated\",\"ago\":68,\"party\":1},"
     TOLD(68)
     " {\"type\":\"spdp_sent\",\"ago\":66,\"recipient\":\"kejari\"},"
     SPDP_ALL(65)
     " {\"type\":\"bap_recorded\",\"ago\":60,\"bap\":\"tersangka\",\"party\":1},"
     BAP_COPY(60)
     " {\"type\":\"sp3_issued\",\"ago\":20,\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true},"
     " {\"type\":\"sp3_notified\",\"ago\":20,\"recipient\":\"kejari\"},"
     /* UU 20/2025 Pasal 24(4): the PU, "korban dan/atau tersangka" - a public report's file
      * has a reporter */
     " {\"type\":\"sp3_notified\",\"ago\":20,\"recipient\":\"suspect\"},"
     " {\"type\":\"sp3_notified\",\"ago\":20,\"recipient\":\"reporter\"}]", false},
    /* 9. Batulicin (WITA): the suspect's detention ends in two days */
    {"KANIM-BLC", "KEJARI-TNB", "tpi_check", "Pemeriksaan pelabuhan: penyelundupan manusia", 20,
     "[{\"name\":\"Ahmad Karimi\",\"nationality\":\"AF\",\"passport_no\":\"P01234567\",\"sex\":\"L\",\"birth_date\":\"1986-03-03\",\"birth_place\":\"Herat\"}]",
     "120",
     "[{\"type\":\"sprindik_issued\",\"ago\":19},"
     " {\"type\":\"suspect_designated\",\"ago\":19,\"party\":1},"
     TOLD(19)
     " {\"type\":\"arrested\",\"ago\":18,\"hour\":9,\"party\":1,\"scene\":\"Pelabuhan Samudera Batulicin, Kecamatan Batulicin, Kabupaten Tanah Bumbu\"},"
     " {\"type\":\"detained\",\"ago\":17,\"hour\":8,\"party\":1,\"detention_type\":\"rutan\",\"facility\":\"Rumah Tahanan Negara Kelas IIB Batulicin\",\"polri_order\":\"SP.Han/07/2026/Ditreskrimum\"},"
     " {\"type\":\"letter_delivered\",\"ago\":18,\"recipient\":\"keluarga_penangkapan\",\"party\":1,\"received_by\":\"Keluarga tersangka (saudara kandung, Mohammad Karimi)\"},"
     " {\"type\":\"letter_delivered\",\"ago\":17,\"recipient\":\"keluarga_penahanan\",\"party\":1,\"received_by\":\"Keluarga tersangka (saudara kandung, Mohammad Karimi)\"},"
     " {\"type\":\"letter_delivered\",\"ago\":16,\"recipient\":\"perwakilan_negara\",\"party\":1,\"received_by\":\"Direktorat Perlindungan WNI dan BHI, Kementerian Luar Negeri\"},"
     " {\"type\":\"spdp_sent\",\"ago\":16,\"recipient\":\"kejari\"},"
     SPDP_ALL(15)
     " {\"type\":\"bap_recorded\",\"ago\":15,\"bap\":\"tersangka\",\"party\":1},"
     " {\"type\":\"letter_delivered\",\"ago\":15,\"recipient\":\"salinan_bap\",\"party\":1,"
     "\"received_by\":\"Tersangka sendiri\"}]", true},
    /* 10. Batulicin: diverted to administrative action (TAK) */
    {"KANIM-BLC", "KEJARI-TNB", "supervision", "Overstay ringan: tindakan administratif keimigrasian", 12,
     "[]", NULL,
     "[{\"type\":\"pre_investigation_ordered\",\"ago\":11},"
     " {\"type\":\"tak_decided\",\"ago\":8,\"note\":\"deportasi dan penangkalan\"}]", false},
    /* 11. Muara Enim: not pursued */
    {"KANIM-MRE", "KEJARI-MRE", "public_report", "Laporan tidak terbukti", 30,
     "[]", NULL,
     "[{\"type\":\"dismissed\",\"ago\":28,\"note\":\"tidak ditemukan pelanggaran\"}]", false},
};

/* Each case's Laporan Keimigrasian (by index into cases[]): the hour it was
 * made, the day of the event reported (days before today, on or before the
 * case's opening), where it happened, and what the reporting officer had
 * done so far: the facts a report states (KUHAP 102-108; DOMAIN.md 4.1).
 * The places are real; what happened there is invented. */
static const struct demo_report {
    const char *time;
    int occurred_ago;
    const char *scene, *action;
} reports[] = {
    {"10:00", 4, "Lokasi proyek pembangunan smelter, Kecamatan Banyuasin I, Kabupaten Banyuasin, Sumatera Selatan",
     "memeriksa dokumen perjalanan dan izin tinggal WNA di lokasi, mencatat identitasnya, dan melaporkannya kepada Kepala Kantor untuk prapenyidikan."},
    {"09:30", 26, "Rumah makan di Jalan Jenderal Sudirman, Kecamatan Muara Enim, Kabupaten Muara Enim",
     "memeriksa paspor dan izin tinggal kunjungan WNA bersama TIM PORA, mengamankan paspornya, dan meminta WNA menghadap ke Kantor Imigrasi."},
    {"13:00", 41, "Pasar 16 Ilir, Kecamatan Ilir Timur I, Kota Palembang",
     "mendatangi tempat kejadian, memeriksa paspor dan izin tinggal WNA yang berjualan di pasar, dan meminta keterangan pelapor."},
    {"07:45", 90, "Tempat Pemeriksaan Imigrasi Bandar Udara Internasional Supadio, Kabupaten Kubu Raya",
     "mengamankan paspor yang diduga palsu dan membawa pemegangnya ke Kantor Imigrasi untuk dimintai keterangan."},
    {"11:00", 121, "Kafe di Jalan Angkatan 45, Kecamatan Ilir Barat I, Kota Palembang",
     "memeriksa paspor dan izin tinggal WNA yang bekerja di kafe, yang ternyata telah habis berlaku, dan meminta keterangan pemilik kafe."},
    {"14:00", 151, "Penginapan di Jalan Kolonel Atmo, Kecamatan Bukit Kecil, Kota Palembang",
     "mencocokkan data APOA, mendatangi penginapan, dan memeriksa paspor WNA yang menginap tanpa visa."},
    {"10:30", 161, "Desa Tanjung Enim, Kecamatan Lawang Kidul, Kabupaten Muara Enim",
     "menerima penyerahan WNA beserta berita acara dari Polres Muara Enim dan memeriksa identitasnya."},
    {"09:00", 72, "Kecamatan Pontianak Kota, Kota Pontianak",
     "meminta keterangan pelapor dan memeriksa dokumen perkawinan yang diajukan untuk permohonan izin tinggal."},
    {"06:30", 20, "Pelabuhan Samudera Batulicin, Kecamatan Batulicin, Kabupaten Tanah Bumbu",
     "mengamankan WNA yang turun dari kapal motor tanpa pemeriksaan keimigrasian dan memeriksa dokumen perjalanannya."},
    {"15:00", 13, "Jalan Raya Batulicin, Kecamatan Simpang Empat, Kabupaten Tanah Bumbu",
     "memeriksa paspor WNA yang izin tinggalnya telah habis berlaku beberapa hari."},
    {"10:00", 31, "Kecamatan Muara Enim, Kabupaten Muara Enim",
     "mendatangi tempat yang dilaporkan dan meminta keterangan pelapor."},
};
_Static_assert(sizeof reports / sizeof reports[0] == sizeof cases / sizeof cases[0],
               "a report for every demo case");
/* clang-format on */

/* The investigators and prosecutors who record the acts, by office. */
static const struct {
    const char *office, *nip;
} recorders[] = {
    {"KANIM-PLG", "198811112010121001"},  {"KANIM-MRE", "199107082015031001"},
    {"KANIM-PTK", "198912242012122002"},  {"KANIM-BLC", "199205052016031002"},
    {"KEJARI-PLG", "198110102006042002"}, {"KEJARI-MRE", "198506062010011003"},
    {"KEJARI-PTK", "198708182011012001"}, {"KEJARI-TNB", "198402292009121002"},
};

static bool actor_for(struct app *app, const char *office, struct actor *who, struct berr *err)
{
    const char *nip = NULL;
    for (size_t i = 0; i < sizeof recorders / sizeof recorders[0]; i++)
        if (strcmp(recorders[i].office, office) == 0)
            nip = recorders[i].nip;
    if (!nip)
        return berr_set(err, BERR_INTERNAL, "demo: nobody records for %s", office);
    struct store_account acc;
    if (!store_account_by_nip(app->db, nip, &acc, err))
        return false;
    if (acc.found) {
        memset(who, 0, sizeof *who);
        who->user_id = acc.user.id;
        who->role = role_from_code(acc.user.role);
        who->office_id = acc.user.office_id;
        snprintf(who->name, sizeof who->name, "%s", acc.user.name);
        snprintf(who->nip, sizeof who->nip, "%s", nip);
        snprintf(who->client_addr, sizeof who->client_addr, "127.0.0.1");
    }
    return acc.found || berr_set(err, BERR_INTERNAL, "demo: no user %s", nip);
}

/* The office with code: its id (0: none) and whether it keeps WITA (each
 * when asked for). */
static bool office_of(struct app *app, const char *code, long long *id, bool *wita,
                      struct berr *err)
{
    struct tx tx;
    struct store_offices o;
    if (!tx_begin(&tx, app->db, 0, err))
        return false;
    bool ok = store_office_by_code(&tx, code, &o, err);
    tx_end(&tx);
    if (!ok)
        return false;
    if (id)
        *id = o.n == 1 ? o.items[0].id : 0;
    if (wita)
        *wita = o.n == 1 && strcmp(o.items[0].tz, "Asia/Makassar") == 0;
    store_offices_free(&o);
    return true;
}

/* "today minus ago days" on the office's calendar, as a date or an instant. */
static void day(const struct tzone *z, long long now, int ago, int hour, char *date, size_t datesz,
                char *at, size_t atsz)
{
    struct caldate d = caldate_add(caldate_local_date(now, z), -ago);
    caldate_format(d, date, datesz);
    at[0] = '\0';
    if (hour >= 0) {
        struct caltime lt = {.date = d, .hour = hour};
        caldate_format_instant(caldate_instant(lt, z), z, at, atsz);
    }
}

/* The papers an act gets with it (forms.c's act of each form): none for a
 * summons (its appearance day is the investigator's to choose), nor for
 * an SPDP's or SP3's notices to others than the Kejari; a BAP's and a
 * Resume's come after their content (content_papers). */
static json_t *papers_of(const struct event_input *in)
{
    static const struct {
        const char *type, *forms[4];
    } papers[] = {
        {"sprindik_issued", {"sprindik", NULL}},
        {"interpreter_sworn", {"ba_sumpah_penerjemah", NULL}},
        /* with the copies to the family (KUHAP 18(3), 21(3)) and, for the
         * foreign suspect, the notice to his consulate (VCCR 36(1)(b)) */
        {"arrested",
         {"sp_penangkapan", "ba_penangkapan", "pemberitahuan_penangkapan", "notifikasi_konsuler"}},
        {"detained", {"sp_penahanan", "ba_penahanan", "pemberitahuan_penahanan", NULL}},
        {"seizure_done", {"sp_penyitaan", "ba_penyitaan"}},
        {"tahap1_sent", {"pengantar_tahap1", NULL}},
        {"resubmitted", {"pengiriman_kembali", NULL}},
        {"p19_received", {"p19", NULL}},
        {"return_letter_received", {"pengembalian_berkas", NULL}},
        {"p21_received", {"p21", NULL}},
        {"tahap2_done", {"ba_tahap2", NULL}},
        {"sp3_issued", {"sp3", NULL}},
    };
    json_t *list = json_array();
    if (strcmp(in->type, "spdp_sent") == 0 && in->recipient && strcmp(in->recipient, "kejari") == 0)
        json_array_append_new(list, json_string("spdp"));
    if (strcmp(in->type, "sp3_notified") == 0 && in->recipient &&
        strcmp(in->recipient, "kejari") == 0)
        json_array_append_new(list, json_string("pemberitahuan_sp3"));
    for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
        for (int k = 0; k < 4 && strcmp(papers[i].type, in->type) == 0 && papers[i].forms[k]; k++)
            json_array_append_new(list, json_string(papers[i].forms[k]));
    return list;
}

static bool record(struct app *app, const struct actor *who, long long case_id,
                   struct event_input *in, bool with_papers, long long *event_id, struct berr *err)
{
    struct event_outcome out = {0};
    struct audit_rec au = {.method = "DEMO", .route = "demo"};
    in->if_match = -1;
    json_t *papers = with_papers ? papers_of(in) : NULL;
    in->issue = papers;
    bool ok = app_event_record(app, who, case_id, in, &out, &au, err);
    *event_id = out.event_id;
    in->issue = NULL;
    json_decref(papers);
    json_decref(out.body);
    json_decref(out.allowed);
    json_decref(out.missing);
    json_decref(out.fields);
    json_decref(out.extra);
    if (!ok) {
        char why[sizeof err->message];
        memcpy(why, err->message, sizeof why);
        return berr_set(err, err->kind, "demo case %lld, %s: %s", case_id, in->type, why);
    }
    return true;
}

/* A BAP of a party or a Resume: its content written, and in a file whose
 * papers are read, its paper issued for the act.  A BAP is of the party the
 * step names, a Resume of the first suspect. */
static bool content_papers(struct app *app, const struct demo_case *c, const struct actor *who,
                           long long case_id, long long event_id, const struct event_input *in,
                           json_t *parties, json_t *step, struct berr *err)
{
    char form[32];
    json_t *person = json_array_get(parties, 0);
    if (strcmp(in->type, "resume_written") == 0)
        snprintf(form, sizeof form, "resume");
    else if (strcmp(in->type, "bap_recorded") == 0 && in->bap && in->party_id)
        snprintf(form, sizeof form, "bap_%s", in->bap);
    else
        return true;
    if (in->party_id)
        person =
            json_array_get(parties, (size_t)json_integer_value(json_object_get(step, "party")) - 1);
    return demo_content_issue(app, who, case_id, event_id, form, c->offence, person, c->papers,
                              err);
}

/* The id of the P-19 item of round 1 numbered as the step's "unmet_item";
 * 0 with err set when there is none. */
static long long unmet_item(struct app *app, const struct actor *who, long long case_id,
                            json_t *step, struct berr *err)
{
    long long no = (long long)json_integer_value(json_object_get(step, "unmet_item"));
    long long item = 0;
    struct tx tx;
    if (tx_begin(&tx, app->db, who->user_id, err)) {
        if (!store_case_instruction(&tx, case_id, 1, no, &item, err))
            item = 0;
        tx_end(&tx);
    }
    if (!item && err->kind == BERR_NONE)
        berr_set(err, BERR_INTERNAL, "demo: no item %lld", no);
    return item;
}

/* The P-19 item of round 1 numbered as the step's "answers", answered by the
 * act just recorded (answer_act): the act whose paper fulfils it. */
static bool answer_item(struct app *app, const struct actor *who, long long case_id, json_t *step,
                        const char *date, long long act, struct berr *err)
{
    json_t *no = json_object_get(step, "answers");
    if (!no)
        return true;
    json_t *ask = json_pack("{s:O}", "unmet_item", no);
    long long item = unmet_item(app, who, case_id, ask, err), event_id = 0;
    json_decref(ask);
    if (!item)
        return false;
    struct event_input a = {.type = "instruction_answered",
                            .date = date,
                            .instruction_id = item,
                            .answer = "Telah dilengkapi; berita acaranya terlampir dalam berkas.",
                            .answer_act = act};
    return record(app, who, case_id, &a, false, &event_id, err);
}

static bool run_step(struct app *app, const struct demo_case *c, long long case_id,
                     const long long *party_ids, json_t *suspects, json_t *step,
                     const struct tzone *z, long long now, struct berr *err)
{
    const char *by = json_string_value(json_object_get(step, "by"));
    struct actor who;
    if (!actor_for(app, by && strcmp(by, "pu") == 0 ? c->kejari : c->office, &who, err))
        return false;
    json_t *hour = json_object_get(step, "hour");
    char date[CALDATE_DATE_LEN], at[CALDATE_INSTANT_LEN];
    day(z, now, (int)json_integer_value(json_object_get(step, "ago")),
        hour ? (int)json_integer_value(hour) : -1, date, sizeof date, at, sizeof at);
    const char *type = json_string_value(json_object_get(step, "type"));
    json_t *party = json_object_get(step, "party");
    struct event_input in = {
        .type = type,
        .date = at[0] ? NULL : date,
        .at = at[0] ? at : NULL,
        .number = json_string_value(json_object_get(step, "number")),
        .note = json_string_value(json_object_get(step, "note")),
        .party_id = party ? party_ids[json_integer_value(party) - 1] : 0,
        .bap = json_string_value(json_object_get(step, "bap")),
        .detention_type = json_string_value(json_object_get(step, "detention_type")),
        .recipient = json_string_value(json_object_get(step, "recipient")),
        .received_by = json_string_value(json_object_get(step, "received_by")),
        .ground = json_string_value(json_object_get(step, "ground")),
        .polri_order = json_string_value(json_object_get(step, "polri_order")),
        .facility = json_string_value(json_object_get(step, "facility")),
        .scene = json_string_value(json_object_get(step, "scene")),
        .polri_involved = json_is_true(json_object_get(step, "polri_involved")),
        .instructions = json_object_get(step, "instructions"),
    };
    /* a summons names the day to appear (KUHAP 227(1)): "appearance_ago" */
    char appear[CALDATE_DATE_LEN], appear_at[CALDATE_INSTANT_LEN];
    json_t *appearance = json_object_get(step, "appearance_ago");
    if (appearance) {
        day(z, now, (int)json_integer_value(appearance), -1, appear, sizeof appear, appear_at,
            sizeof appear_at);
        in.appearance = appear;
    }
    long long event_id = 0;
    json_t *unmet = NULL;
    if (json_object_get(step, "unmet_item")) {
        long long item = unmet_item(app, &who, case_id, step, err);
        if (!item)
            return false;
        unmet = json_pack("[I]", (json_int_t)item);
        in.unmet = unmet;
    }
    if (unmet) {
        bool ok = record(app, &who, case_id, &in, c->papers, &event_id, err);
        json_decref(unmet);
        return ok;
    }
    return record(app, &who, case_id, &in, c->papers, &event_id, err) &&
           content_papers(app, c, &who, case_id, event_id, &in, suspects, step, err) &&
           answer_item(app, &who, case_id, step, date, event_id, err);
}

/* The case's parties (at most 8; their ids in party_ids), each suspect
 * charged with the case's offence. */
static bool add_suspects(struct app *app, const struct demo_case *c, const struct actor *inv,
                         long long case_id, json_t *suspects, long long party_ids[8],
                         struct berr *err)
{
    bool ok = true;
    size_t i;
    json_t *s;
    json_array_foreach(suspects, i, s)
    {
        if (i >= 8)
            break;
        const char *kind = json_string_value(json_object_get(s, "kind"));
        struct party_input pi = {
            .kind = kind ? kind : "suspect",
            .name = json_string_value(json_object_get(s, "name")),
            .nationality = json_string_value(json_object_get(s, "nationality")),
            .passport_no = json_string_value(json_object_get(s, "passport_no")),
            .birth_date = json_string_value(json_object_get(s, "birth_date")),
            .birth_place = json_string_value(json_object_get(s, "birth_place")),
            .sex = json_string_value(json_object_get(s, "sex")),
            .language = json_string_value(json_object_get(s, "language")),
            .interpreter = json_string_value(json_object_get(s, "interpreter")),
            .occupation = json_string_value(json_object_get(s, "occupation")),
            .if_match = -1,
        };
        struct audit_rec pa = {.method = "DEMO", .route = "demo"};
        ok = ok && app_party_save(app, inv, case_id, 0, &pi, &party_ids[i], &pa, err);
        if (ok && c->offence && !kind) {
            long long oid;
            struct audit_rec oa = {.method = "DEMO", .route = "demo"};
            ok = app_offence_charge(app, inv, case_id, c->offence, party_ids[i], &oid, &oa, err);
        }
    }
    return ok;
}

/* The Laporan's paper, dated by the report, with the facts it reports: it
 * names the persons reported and the offence suspected, so it follows
 * them. */
static bool laporan(struct app *app, const struct actor *inv, long long case_id,
                    const struct demo_report *r, const struct tzone *z, long long now,
                    struct berr *err)
{
    char occurred[CALDATE_DATE_LEN], at[CALDATE_INSTANT_LEN];
    day(z, now, r->occurred_ago, -1, occurred, sizeof occurred, at, sizeof at);
    json_t *params = json_pack("{s:s, s:s, s:s, s:s}", "time", r->time, "occurred", occurred,
                               "scene", r->scene, "action", r->action),
           *doc = NULL;
    struct audit_rec la = {.method = "DEMO", .route = "demo"};
    bool ok =
        params && app_form_issue(app, inv, case_id, "laporan_kejadian", 0, params, &doc, &la, err);
    json_decref(params);
    json_decref(doc);
    return ok || err->kind != BERR_NONE || berr_set(err, BERR_INTERNAL, "out of memory");
}

static bool load_case(struct app *app, const struct demo_case *c, long long now, struct berr *err)
{
    struct actor inv;
    if (!actor_for(app, c->office, &inv, err))
        return false;
    long long kejari;
    bool wita;
    if (!office_of(app, c->kejari, &kejari, NULL, err) ||
        !office_of(app, c->office, NULL, &wita, err))
        return false;
    const struct tzone *z = caldate_zone(wita ? "Asia/Makassar" : "Asia/Jakarta");
    char opened[CALDATE_DATE_LEN], at[CALDATE_INSTANT_LEN];
    day(z, now, c->opened_ago, -1, opened, sizeof opened, at, sizeof at);
    struct case_input ci = {
        .kejari_id = kejari, .source = c->source, .summary = c->summary, .opened_on = opened};
    long long case_id;
    struct event_outcome out;
    struct audit_rec au = {.method = "DEMO", .route = "demo"};
    bool ok = app_case_create(app, &inv, &ci, &case_id, &out, &au, err);
    json_decref(out.body);
    json_decref(out.allowed);
    json_decref(out.missing);
    json_decref(out.fields);
    json_decref(out.extra);
    if (!ok)
        return false;
    json_t *suspects = json_loads(c->suspects, 0, NULL);
    json_t *steps = json_loads(c->steps, 0, NULL);
    long long party_ids[8] = {0};
    ok = add_suspects(app, c, &inv, case_id, suspects, party_ids, err) &&
         (!c->papers || laporan(app, &inv, case_id, &reports[c - cases], z, now, err));
    size_t i;
    json_t *s;
    json_array_foreach(steps, i, s)
    {
        if (!ok)
            break;
        ok = run_step(app, c, case_id, party_ids, suspects, s, z, now, err);
    }
    json_decref(suspects);
    json_decref(steps);
    return ok;
}

bool demo_cases_load(struct app *app, struct berr *err)
{
    struct tx tx;
    long long now = 0, existing = 0;
    if (!tx_begin(&tx, app->db, 0, err))
        return false;
    bool ok = store_cases_seen(&tx, &now, &existing, err);
    tx_end(&tx);
    if (!ok || !now)
        return false;
    if (existing > 0)
        return true;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (!load_case(app, &cases[i], now, err))
            return false;
    return true;
}
