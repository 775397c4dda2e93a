/* facts.c - see facts.h.  The fact table is data: code, label, how to
 * supply the fact, and the acts that establish it. */
#include "facts.h"

#include <stdio.h>
#include <string.h>

/* clang-format off */
#define NO_SOURCE     {{EV__COUNT, AV_ANY}}
#define SOURCE(e, v)  {{e, v}, {EV__COUNT, AV_ANY}}
#define SOURCES(a, b) {{a, AV_ANY}, {b, AV_ANY}, {EV__COUNT, AV_ANY}}
/* the file's receipt at the Kejaksaan: the PU's record, or the Kejari's tanda terima (DOMAIN 5.1) */
#define RECEIPTS      {{EV_TAHAP1_RECEIVED_BY_PU, AV_ANY}, {EV_LETTER_DELIVERED, AV_BERKAS_RECEIPT}, \
                       {EV__COUNT, AV_ANY}}
/* clang-format on */

static const struct {
    const char *code;
    const char *label;
    const char *hint;          /* "{case}" stands for the case's id */
    struct act_ref sources[4]; /* ended by EV__COUNT */
} facts[FACT__COUNT] = {
    [FACT_RULESET] =
        {"ruleset", "Aturan hukum acara yang berlaku pada tanggal tindakan",
         "tanggal tindakan harus pada atau sesudah berlakunya suatu aturan hukum acara "
         "(berkas rulesets)",
         NO_SOURCE},
    [FACT_LAPORAN] = {"laporan", "Laporan Keimigrasian telah diregistrasi",
                      "perkara dibuka bersama Laporan Keimigrasian-nya (berkas case new)",
                      SOURCE(EV_REPORT_REGISTERED, AV_ANY)},
    [FACT_SPDP_SENT] = {"spdp_sent", "SPDP telah dikirim sejak Sprindik terakhir",
                        "catat spdp_sent (berkas record {case} spdp_sent --recipient kejari "
                        "--date TANGGAL)",
                        SOURCE(EV_SPDP_SENT, AV_SPDP_TO_PU)},
    [FACT_SUSPECT] = {"suspect", "Sekurang-kurangnya satu tersangka telah ditetapkan",
                      "tambahkan tersangka (berkas suspect add {case} --name NAMA) lalu catat "
                      "suspect_designated (berkas record {case} suspect_designated --party ID)",
                      SOURCE(EV_SUSPECT_DESIGNATED, AV_ANY)},
    [FACT_BAP_TERSANGKA] = {"bap_tersangka", "BAP tersangka untuk setiap tersangka",
                            "catat BAP setiap tersangka (berkas record {case} bap_recorded --bap "
                            "tersangka --party ID --date TANGGAL)",
                            SOURCE(EV_BAP_RECORDED, AV_BAP_TERSANGKA)},
    [FACT_RESUME] = {"resume", "Resume telah dibuat",
                     "catat resume_written (berkas record {case} resume_written --date TANGGAL)",
                     SOURCE(EV_RESUME_WRITTEN, AV_ANY)},
    [FACT_INSTRUCTIONS_ANSWERED] = {"instructions_answered", "Setiap petunjuk P-19 telah dipenuhi",
                                    "catat instruction_answered untuk setiap petunjuk terbuka "
                                    "(berkas record {case} instruction_answered --instruction-id "
                                    "ID --answer TEKS)",
                                    SOURCE(EV_INSTRUCTION_ANSWERED, AV_ANY)},
    [FACT_TAHAP1_RECEIVED] = {"tahap1_received", "Tanggal penerimaan berkas oleh Penuntut Umum",
                              "Penuntut Umum mencatat tahap1_received_by_pu (berkas record {case} "
                              "tahap1_received_by_pu --date TANGGAL), atau penyidik mencatat "
                              "tanda terima berkas dari Kejaksaan (berkas record {case} "
                              "letter_delivered --recipient berkas_kejari --received-by NAMA "
                              "--date TANGGAL)",
                              RECEIPTS},
    [FACT_PU_PERIOD_ELAPSED] = {"pu_period_elapsed",
                                "Lewat 14 hari sejak berkas diterima tanpa pengembalian",
                                "dapat dicatat mulai hari ke-15 sejak berkas diterima Penuntut "
                                "Umum (KUHAP 110(4))",
                                RECEIPTS},
    [FACT_P21] = {"p21", "P-21 atau berkas dianggap lengkap telah dicatat",
                  "Penuntut Umum mencatat p21_received, atau penyidik mencatat "
                  "deemed_complete_confirmed (berkas record {case} deemed_complete_confirmed)",
                  SOURCES(EV_P21_RECEIVED, EV_DEEMED_COMPLETE_CONFIRMED)},
    [FACT_TAHAP2_PERIOD_ELAPSED] = {"tahap2_period_elapsed",
                                    "Lewat 60 hari sejak P-21 tanpa Tahap II",
                                    "dapat dicatat mulai hari ke-61 sejak P-21 (Surat JAM Pidum "
                                    "B-1310/E/EJP/05/2022)",
                                    SOURCES(EV_P21_RECEIVED, EV_DEEMED_COMPLETE_CONFIRMED)},
    [FACT_SHORT_PROCEDURE] = {"short_procedure_offence",
                              "Hanya tindak pidana Pasal 116/117 UU 6/2011 (acara singkat)",
                              "sangkakan hanya Pasal 116 atau 117 (berkas offence charge {case} "
                              "116)",
                              NO_SOURCE},
    [FACT_DETAINABLE_OFFENCE] = {"detainable_offence",
                                 "Tindak pidana yang dapat ditahan (KUHAP 21(4); UU 6/2011 "
                                 "Pasal 109)",
                                 "sangkakan pasal yang dapat ditahan (berkas offence charge "
                                 "{case} PASAL --party ID)",
                                 NO_SOURCE},
    [FACT_POLRI_ORDER] = {"polri_order", "Perintah penyidik Polri (UU 20/2025)",
                          "sertakan nomor perintah penyidik Polri (--polri-order NOMOR)",
                          NO_SOURCE},
    [FACT_COURT_EXTENSION_GROUND] = {"court_extension_ground",
                                     "Ancaman pidana 9 tahun atau lebih, atau gangguan fisik/"
                                     "mental berat (KUHAP 29(1))",
                                     "sangkakan pasal dengan ancaman 9 tahun atau lebih, atau "
                                     "sertakan --severe-illness (surat keterangan dokter)",
                                     NO_SOURCE},
    [FACT_POLRI_INVOLVEMENT] = {"polri_involvement",
                                "Keterlibatan penyidik Polri (UU 20/2025 Pasal 24(3))",
                                "catat keterlibatan penyidik Polri (--polri-involved)", NO_SOURCE},
    [FACT_DETENTION_IN_FORCE] = {"detention_in_force",
                                 "Masa penahanan yang diperpanjang masih berjalan",
                                 "perpanjangan dicatat sebelum masa penahanan berakhir; bila "
                                 "sudah lewat, catat released (berkas record {case} released "
                                 "--party ID --at WAKTU)",
                                 NO_SOURCE},
    [FACT_EXTENSION_WITHIN_LIMIT] = {"extension_within_limit",
                                     "Lama perpanjangan tidak melebihi batas undang-undang",
                                     "--days paling banyak batas undang-undang (tanpa --days: "
                                     "batas penuh)",
                                     NO_SOURCE},
    [FACT_DETENTION_DAYS_LEFT] = {"detention_days_left",
                                  "Sisa masa penahanan yang dapat dilanjutkan setelah penangguhan",
                                  "masa penahanan habis saat ditangguhkan; catat released (berkas "
                                  "record {case} released --party ID --at WAKTU)",
                                  NO_SOURCE},
    [FACT_NEW_SUBMISSION] =
        {"new_submission",
         "Berkas yang diterima adalah kiriman yang belum diterima (penerimaan "
         "yang sama dicatat sekali; babak baru hanya setelah pengiriman kembali)",
         "penerimaan berkas ini sudah dicatat; penerimaan berikutnya setelah "
         "penyidik mencatat resubmitted",
         NO_SOURCE},
    [FACT_PU_RETURN_IN_TIME] = {"pu_return_in_time",
                                "Pengembalian (P-19) atau pemberitahuan belum lengkap (P-18) "
                                "dalam batas waktu Penuntut Umum sejak berkas diterima (KUHAP "
                                "110(4): selebihnya berkas dianggap lengkap)",
                                "lewat batas waktu berkas sudah lengkap menurut hukum: catat "
                                "deemed_complete_confirmed, atau bila pengembalian tetap "
                                "dicatat, sertakan alasannya (--late-reason ALASAN)",
                                NO_SOURCE},
    /* a label names the condition a refusal found unmet ("... belum dapat dicatat, belum
     * terpenuhi: LABEL"); these two say as well what is so, which is why (shown only when
     * unmet): "P-19 belum pernah diberikan untuk berkas ini" alone read as a false statement */
    [FACT_FIRST_RETURN] = {"first_return",
                           "P-19 yang pertama untuk berkas ini (P-19 hanya sekali, SE JAM Pidum "
                           "B-3326/E/EJP/11/2011: berkas ini sudah pernah dikembalikan dengan "
                           "P-19 sejak Surat Perintah Penyidikan terakhirnya)",
                           "pengembalian berikutnya dicatat sebagai surat biasa yang menyebut "
                           "petunjuk yang belum dipenuhi (berkas record {case} "
                           "return_letter_received --unmet ID)",
                           NO_SOURCE},
    [FACT_P19_GIVEN] = {"p19_given",
                        "P-19 lebih dahulu (surat biasa hanya untuk pengembalian setelah P-19: "
                        "berkas ini belum pernah dikembalikan dengan P-19 sejak Surat Perintah "
                        "Penyidikan terakhirnya)",
                        "pengembalian pertama dicatat dengan P-19 (berkas record {case} "
                        "p19_received --instruction TEKS)",
                        SOURCE(EV_P19_RECEIVED, AV_ANY)},
    [FACT_RETURN_UNRECEIVED] = {"return_unreceived",
                                "Penerimaan berkas yang dikembalikan belum dicatat (sekali untuk "
                                "setiap pengembalian)",
                                "penerimaan berkas yang dikembalikan ini sudah dicatat", NO_SOURCE},
    [FACT_RESEND_PERIOD_ELAPSED] = {"resend_period_elapsed",
                                    "Lewat 14 hari sejak penyidik menerima berkas yang "
                                    "dikembalikan (KUHAP 138(2))",
                                    "P-20 dapat dicatat mulai hari ke-15 sejak penyidik menerima "
                                    "berkas yang dikembalikan (returned_file_received), atau sejak "
                                    "pengembalian bila penerimaannya tidak dicatat",
                                    {{EV_P19_RECEIVED, AV_ANY},
                                     {EV_RETURN_LETTER_RECEIVED, AV_ANY},
                                     {EV_RETURNED_FILE_RECEIVED, AV_ANY},
                                     {EV__COUNT, AV_ANY}}},
    [FACT_SUMMONS_NOTICE] = {"summons_notice",
                             "Hari hadir dalam surat panggilan sekurang-kurangnya tenggang "
                             "panggilan sesudah panggilan diterima (KUHAP 227(1): tiga hari), "
                             "atau panggilan mendesak dengan alasannya",
                             "sertakan hari hadir --appearance TANGGAL sekurang-kurangnya "
                             "summons_notice_days (3) hari sesudah tanggal panggilan diterima, "
                             "atau bila mendesak --urgent-reason ALASAN",
                             NO_SOURCE},
    [FACT_INTERPRETER_SWORN] = {"interpreter_sworn",
                                "Penerjemah disumpah sebelum BAP setiap tersangka yang tidak "
                                "berbahasa Indonesia (KUHAP 53, 177)",
                                "catat sumpah penerjemah (berkas record {case} interpreter_sworn "
                                "--party ID --at WAKTU) sebelum BAP tersangka itu; bila BAP-nya "
                                "sudah dibuat tanpa penerjemah, periksa ulang dengan penerjemah "
                                "(bap_recorded --bap tersangka)",
                                NO_SOURCE},
    [FACT_ARREST_PERIOD] = {"arrest_period",
                            "Penahanan dicatat dalam masa penangkapan (KUHAP 19(1): paling lama "
                            "satu hari), atau sesudah tersangka dilepaskan",
                            "masa penangkapan sudah habis: catat pelepasan lebih dahulu (berkas "
                            "record {case} released --party ID --at WAKTU) lalu penahanan dengan "
                            "dasar baru, atau catat penahanan ini sebagai tidak sah dengan "
                            "alasannya (--unlawful-reason ALASAN; tampil di daftar tinjauan)",
                            NO_SOURCE},
    [FACT_CUSTODY_NOTICE] = {"custody_notice",
                             "Berkas telah berakhir: yang masih dicatat hanya penyampaian "
                             "tembusan surat perintah penangkapan atau penahanan kepada keluarga "
                             "(KUHAP 18(3), 21(3)) dan pemberitahuan kepada perwakilan negara "
                             "tersangka asing (Konvensi Wina 1963 Pasal 36(1)(b))",
                             "catat tanda terimanya (berkas record {case} letter_delivered "
                             "--recipient keluarga_penangkapan|keluarga_penahanan|"
                             "perwakilan_negara --party ID --date TANGGAL)",
                             NO_SOURCE},
    [FACT_SP3_STANDS] = {"sp3_stands",
                         "Berkas ini dihentikan penyidikannya dengan SP3 yang masih berlaku: "
                         "pemberitahuannya (KUHAP 109(2)-(3); UU 20/2025 Pasal 24(4)) tetap wajib "
                         "sesudah Tindakan Administratif Keimigrasian",
                         "berkas yang dialihkan ke tindakan administratif tanpa SP3 tidak "
                         "memberitahukan penghentian penyidikan",
                         NO_SOURCE},
    [FACT_NOTICE_OWED] = {"notice_owed",
                          "Yang dinyatakan tidak dapat disampaikan hanya pemberitahuan yang masih "
                          "terutang: atas penangkapan atau penahanan tersangka (tembusan surat "
                          "perintah kepada keluarga, KUHAP 18(3), 21(3); pemberitahuan kepada "
                          "perwakilan negara, Konvensi Wina 1963 Pasal 36(1)(b)) atau "
                          "pemberitahuan SP3 kepada selain Penuntut Umum - belum disampaikan dan "
                          "belum dinyatakan tidak dapat disampaikan",
                          "lihat tenggat pemberitahuan tersangka itu (berkas clocks {case}); "
                          "pemberitahuan yang sudah disampaikan tidak dinyatakan tidak dapat "
                          "disampaikan",
                          NO_SOURCE},
};

const char *fact_code(enum fact f)
{
    return (int)f >= 0 && f < FACT__COUNT ? facts[f].code : "";
}

const char *fact_label(enum fact f)
{
    return (int)f >= 0 && f < FACT__COUNT ? facts[f].label : "";
}

void fact_hint(enum fact f, long long case_id, char *buf, size_t size)
{
    if (size == 0)
        return;
    buf[0] = '\0';
    if ((int)f < 0 || f >= FACT__COUNT)
        return;
    char id[24];
    if (case_id > 0)
        snprintf(id, sizeof id, "%lld", case_id);
    else
        snprintf(id, sizeof id, "PERKARA");
    size_t used = 0;
    for (const char *p = facts[f].hint; *p && used + 1 < size;) {
        if (strncmp(p, "{case}", 6) == 0) {
            int w = snprintf(buf + used, size - used, "%s", id);
            if (w < 0)
                break;
            used += (size_t)w;
            if (used >= size) {
                used = size - 1;
                break;
            }
            p += 6;
        } else {
            buf[used++] = *p++;
        }
    }
    buf[used] = '\0';
}

const struct act_ref *fact_sources(enum fact f)
{
    static const struct act_ref none[1] = {{EV__COUNT, AV_ANY}};
    return (int)f >= 0 && f < FACT__COUNT ? facts[f].sources : none;
}

bool fact_each_suspect(enum fact f)
{
    return f == FACT_BAP_TERSANGKA;
}

void facts_all_missing(struct case_facts *f)
{
    memset(f, 0, sizeof *f);
    f->act_known = true;
    f->suspects_without_bap = 1;
    f->instructions_open = 1;
}

bool fact_lookup(const char *code, enum fact *out)
{
    if (!code)
        return false;
    for (int i = 0; i < FACT__COUNT; i++)
        if (strcmp(facts[i].code, code) == 0) {
            *out = (enum fact)i;
            return true;
        }
    return false;
}

void missing_clear(struct missing *m)
{
    m->n = 0;
}

void missing_add(struct missing *m, enum fact f)
{
    if (missing_has(m, f) || m->n >= FACT__COUNT)
        return;
    m->list[m->n++] = f;
}

bool missing_has(const struct missing *m, enum fact f)
{
    for (int i = 0; i < m->n; i++)
        if (m->list[i] == f)
            return true;
    return false;
}

const struct ruleset *facts_rules(const struct case_facts *f)
{
    return facts_rules_on(f, f->act_date);
}

const struct ruleset *facts_rules_on(const struct case_facts *f, struct caldate d)
{
    if (!caldate_valid(d))
        return NULL;
    return ruleset_for_date(f->rulesets, f->nrulesets, d);
}
