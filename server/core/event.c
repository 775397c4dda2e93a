/*
 * event.c - see event.h.  The catalogue, one row per event in enum order.
 *
 * Recorders follow DESIGN.md's roles: investigators record their own acts and
 * the orders they receive from a court or the prosecutor on detention (T-4,
 * penetapan PN); prosecutors record the P-forms and the receipt of the file;
 * supervisors record notes, directions and reassignments.  A correction may be
 * recorded by any role (the app checks it is the role of the original).
 */
#include "event.h"

#include <stdint.h>
#include <string.h>

#define INV ACTOR_INVESTIGATOR
#define PU  ACTOR_PROSECUTOR
#define SUP ACTOR_SUPERVISOR
#define ALL (ACTOR_INVESTIGATOR | ACTOR_PROSECUTOR | ACTOR_SUPERVISOR)

/* clang-format off */
static const struct event_info events[EV__COUNT] = {
    [EV_REPORT_REGISTERED] = {"report_registered", "Laporan Keimigrasian diregistrasi",
        "Permenkumham 39/2021 Pasal 27(1)(a); KUHAP 102-108", EVG_OPENING, INV, false},
    [EV_PRE_INVESTIGATION_ORDERED] = {"pre_investigation_ordered",
        "Surat Perintah Tugas prapenyidikan", "Permenkumham 39/2021 (prapenyidikan)",
        EVG_OPENING, INV, false},
    [EV_TAK_DECIDED] = {"tak_decided", "Keputusan Tindakan Administratif Keimigrasian",
        "UU 6/2011 Pasal 75; Permenkumham 39/2021", EVG_OPENING, INV, false},
    [EV_DISMISSED] = {"dismissed", "Prapenyidikan dihentikan", "Permenkumham 39/2021",
        EVG_OPENING, INV, false},
    [EV_SPRINDIK_ISSUED] = {"sprindik_issued", "Surat Perintah Penyidikan diterbitkan",
        "KUHAP 109(1); UU 6/2011 Pasal 106", EVG_OPENING, INV, false},
    [EV_SPDP_SENT] = {"spdp_sent", "SPDP dikirim",
        "KUHAP 109(1) jo. Putusan MK 130/PUU-XIII/2015; Permenkumham 39/2021 Pasal 27",
        EVG_NOTICE, INV, false},
    [EV_SPDP_RECEIVED_BY_PU] = {"spdp_received_by_pu", "SPDP diterima dan diregistrasi Penuntut Umum",
        "KUHAP 109(1); SOP Pidum PER-036/A/JA/09/2011 (registrasi SPDP)", EVG_NOTICE, PU, false},
    [EV_SUSPECT_DESIGNATED] = {"suspect_designated", "Penetapan tersangka",
        "Permenkumham 39/2021 Pasal 27(5); UU 20/2025 Pasal 90", EVG_NOTICE, INV, true},
    [EV_LETTER_DELIVERED] = {"letter_delivered", "Surat disampaikan (tanda terima)",
        "Tata naskah dinas", EVG_NOTICE, INV, false},
    [EV_NOTICE_UNDELIVERED] = {"notice_undelivered", "Pemberitahuan tidak dapat disampaikan",
        "KUHAP 18(3), 21(3); Konvensi Wina 1963 Pasal 36(1)(b)", EVG_NOTICE, INV, false},
    [EV_SUMMONS_SERVED] = {"summons_served", "Surat panggilan disampaikan", "KUHAP 112, 227",
        EVG_INVESTIGATION, INV, false},
    [EV_BAP_RECORDED] = {"bap_recorded", "Berita Acara Pemeriksaan dibuat",
        "KUHAP 75, 116-120", EVG_INVESTIGATION, INV, false},
    [EV_INTERPRETER_SWORN] = {"interpreter_sworn", "Penerjemah disumpah", "KUHAP 53, 177",
        EVG_INVESTIGATION, INV, false},
    [EV_SEARCH_DONE] = {"search_done", "Penggeledahan", "KUHAP 33-34; UU 6/2011 Pasal 106",
        EVG_INVESTIGATION, INV, false},
    [EV_SEIZURE_DONE] = {"seizure_done", "Penyitaan", "KUHAP 38; UU 20/2025 Pasal 44",
        EVG_INVESTIGATION, INV, false},
    [EV_COURT_PERMIT_RECEIVED] = {"court_permit_received",
        "Penetapan Ketua Pengadilan Negeri diterima (izin/persetujuan penggeledahan atau penyitaan)",
        "KUHAP 33(1), 34, 38; UU 20/2025 Pasal 44", EVG_INVESTIGATION, INV, false},
    [EV_EVIDENCE_DEPOSITED] = {"evidence_deposited", "Barang bukti dititipkan", "KUHAP 44",
        EVG_INVESTIGATION, INV, false},
    [EV_RESUME_WRITTEN] = {"resume_written", "Resume dibuat", "KUHAP 8(1)-(2), 75",
        EVG_INVESTIGATION, INV, false},
    [EV_ARRESTED] = {"arrested", "Penangkapan",
        "KUHAP 16-19; UU 6/2011 Pasal 106(e); UU 20/2025 Pasal 93", EVG_SUSPECT, INV, true},
    [EV_DETAINED] = {"detained", "Penahanan",
        "KUHAP 20-24; UU 6/2011 Pasal 109; UU 20/2025 Pasal 99(3)", EVG_SUSPECT, INV, true},
    [EV_DETENTION_EXTENDED_PU] = {"detention_extended_pu",
        "Perpanjangan penahanan oleh Penuntut Umum (T-4)", "KUHAP 24(2)", EVG_SUSPECT, INV,
        true},
    [EV_DETENTION_EXTENDED_COURT] = {"detention_extended_court",
        "Perpanjangan penahanan oleh Ketua Pengadilan Negeri", "KUHAP 29", EVG_SUSPECT, INV,
        true},
    [EV_DETENTION_SUSPENDED] = {"detention_suspended", "Penangguhan penahanan", "KUHAP 31",
        EVG_SUSPECT, INV, true},
    [EV_DETENTION_TYPE_CHANGED] = {"detention_type_changed", "Pengalihan jenis penahanan",
        "KUHAP 22-23", EVG_SUSPECT, INV, true},
    [EV_RELEASED] = {"released", "Pengeluaran tahanan", "KUHAP 24(3)-(4)", EVG_SUSPECT, INV,
        true},
    [EV_DETENSI_STARTED] = {"detensi_started", "Pendetensian dimulai (bukan penahanan)",
        "UU 6/2011 Pasal 83", EVG_SUSPECT, INV, true},
    [EV_DETENSI_ENDED] = {"detensi_ended", "Pendetensian berakhir", "UU 6/2011 Pasal 83-85",
        EVG_SUSPECT, INV, true},
    [EV_TAHAP1_SENT] = {"tahap1_sent", "Pengiriman berkas perkara (Tahap I)",
        "KUHAP 8(3)(a), 110(1); UU 6/2011 Pasal 107(2)", EVG_FILE, INV, false},
    [EV_TAHAP1_RECEIVED_BY_PU] = {"tahap1_received_by_pu", "Berkas perkara diterima Penuntut Umum",
        "KUHAP 138(1)", EVG_FILE, PU, false},
    [EV_P16_RECEIVED] = {"p16_received", "P-16: penunjukan jaksa peneliti",
        "KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_P17_RECEIVED] = {"p17_received", "P-17: permintaan perkembangan hasil penyidikan",
        "KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_P18_RECEIVED] = {"p18_received", "P-18: hasil penyidikan belum lengkap",
        "KUHAP 138(1); KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_P19_RECEIVED] = {"p19_received", "P-19: pengembalian berkas perkara untuk dilengkapi",
        "KUHAP 110(2), 138(2); SE JAM Pidum B-3326/E/EJP/11/2011", EVG_FILE, PU, false},
    [EV_RETURN_LETTER_RECEIVED] = {"return_letter_received",
        "Berkas dikembalikan dengan surat biasa: petunjuk P-19 belum dipenuhi",
        "SE JAM Pidum B-3326/E/EJP/11/2011; KUHAP 110(2), 138(2)", EVG_FILE, PU, false},
    [EV_RETURNED_FILE_RECEIVED] = {"returned_file_received",
        "Berkas yang dikembalikan diterima penyidik", "KUHAP 138(2)", EVG_FILE, INV, false},
    [EV_INSTRUCTION_ANSWERED] = {"instruction_answered", "Petunjuk P-19 dijawab",
        "KUHAP 110(3)", EVG_FILE, INV, false},
    [EV_RESUBMITTED] = {"resubmitted", "Berkas perkara dikirim kembali",
        "KUHAP 110(3), 138(2)", EVG_FILE, INV, false},
    [EV_P20_RECEIVED] = {"p20_received", "P-20: waktu penyidikan tambahan telah habis",
        "KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_P21_RECEIVED] = {"p21_received", "P-21: hasil penyidikan sudah lengkap",
        "KUHAP 138(1); KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_DEEMED_COMPLETE_CONFIRMED] = {"deemed_complete_confirmed",
        "Berkas dianggap lengkap (lewat 14 hari tanpa pengembalian)", "KUHAP 110(4)",
        EVG_FILE, INV, false},
    [EV_P21A_RECEIVED] = {"p21a_received", "P-21A: pemberitahuan susulan hasil penyidikan lengkap",
        "KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_P22_RECEIVED] = {"p22_received", "P-22: penyerahan tersangka dan barang bukti",
        "KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_P23_RECEIVED] = {"p23_received", "P-23: surat susulan penyerahan tersangka dan barang bukti",
        "KEP-518/A/J.A/11/2001", EVG_FILE, PU, false},
    [EV_TAHAP2_DONE] = {"tahap2_done", "Penyerahan tersangka dan barang bukti (Tahap II)",
        "KUHAP 8(3)(b)", EVG_FILE, INV, false},
    [EV_SHORT_PROCEDURE_HANDOVER] = {"short_procedure_handover",
        "Penyerahan perkara acara pemeriksaan singkat", "UU 6/2011 Pasal 110", EVG_FILE, INV,
        false},
    [EV_LAPSED] = {"lapsed", "Berkas dikembalikan: Tahap II lewat 60 hari",
        "Surat JAM Pidum B-1310/E/EJP/05/2022", EVG_FILE, PU, false},
    [EV_SP3_ISSUED] = {"sp3_issued", "Penghentian penyidikan (SP3)",
        "KUHAP 109(2); UU 6/2011 Pasal 106(n); UU 20/2025 Pasal 24", EVG_ENDING, INV, false},
    [EV_SP3_NOTIFIED] = {"sp3_notified", "Pemberitahuan penghentian penyidikan disampaikan",
        "KUHAP 109(3); UU 20/2025 Pasal 24(4)", EVG_ENDING, INV, false},
    [EV_REOPENED] = {"reopened", "Penyidikan dibuka kembali", "KUHAP 77-83 (praperadilan)",
        EVG_ENDING, INV, false},
    [EV_REVIEW_NOTE] = {"review_note", "Catatan pengawas",
        "Perkap 20/2010; Permenkumham 39/2021 (pengendalian)", EVG_SUPERVISION, SUP, false},
    [EV_DIRECTION_GIVEN] = {"direction_given", "Arahan pengawas",
        "Permenkumham 39/2021 (pengendalian)", EVG_SUPERVISION, SUP, false},
    [EV_DIRECTION_DONE] = {"direction_done", "Arahan pengawas dilaksanakan",
        "Permenkumham 39/2021 (pengendalian)", EVG_SUPERVISION, INV, false},
    [EV_REASSIGNED] = {"reassigned", "Penggantian penyidik",
        "Surat perintah penyidikan (perubahan)", EVG_SUPERVISION, SUP, false},
    [EV_CORRECTED] = {"corrected", "Koreksi catatan",
        "Catatan asli tetap; koreksi dicatat terpisah", EVG_CORRECTION, ALL, false},
};
/* clang-format on */

/* The input fields (evfields.def): each with the acts that take and
 * require it, as bits of enum event. */
#define EVB(x) (UINT64_C(1) << EV_##x)
_Static_assert(EV__COUNT <= 64, "an event kind is a bit of a uint64_t");
_Static_assert(EVF__COUNT <= 64, "a field is a bit of an evfield_mask");
#define F(x) EVF_BIT(EVF_##x)
static const struct {
    const char *code;
    uint64_t takes, needs;
    bool kept; /* stays with the original act when it is corrected */
} field_rows[EVF__COUNT] = {
#define EVFIELD(ID, name, member, input, max, payload, key, core, kept, takes, needs, answers,     \
                need, desc)                                                                        \
    [EVF_##ID] = {name, takes, needs, kept},
#include "evfields.def"
};

/* The fields whose row says bit (1 << e) of its takes or needs mask. */
static evfield_mask fields_with(enum event e, bool needs)
{
    evfield_mask m = 0;
    for (int f = 0; f < EVF__COUNT; f++)
        if ((needs ? field_rows[f].needs : field_rows[f].takes) & (UINT64_C(1) << e))
            m |= EVF_BIT(f);
    return m;
}

/* what stays with the original act when it is corrected (the people an act
 * names change by reassignment, not by correcting it) */
static evfield_mask kept_by_original(void)
{
    evfield_mask m = 0;
    for (int f = 0; f < EVF__COUNT; f++)
        if (field_rows[f].kept)
            m |= EVF_BIT(f);
    return m;
}

static const char *const group_codes[] = {
    [EVG_OPENING] = "opening",
    [EVG_NOTICE] = "notices",
    [EVG_INVESTIGATION] = "investigation",
    [EVG_SUSPECT] = "per_suspect",
    [EVG_FILE] = "file_movement",
    [EVG_ENDING] = "ending",
    [EVG_SUPERVISION] = "supervision",
    [EVG_CORRECTION] = "corrections",
};

static const char *const notice_codes[NOTICE__COUNT] = {
    [NOTICE_NONE] = "",
    [NOTICE_FAMILY_ARREST] = "keluarga_penangkapan",
    [NOTICE_FAMILY_DETENTION] = "keluarga_penahanan",
    [NOTICE_CONSULAR] = "perwakilan_negara",
    [NOTICE_SPDP_KEJARI] = "spdp_kejari",
    [NOTICE_SPDP_KORWAS] = "spdp_korwas",
    [NOTICE_SPDP_PELAPOR] = "spdp_pelapor",
    [NOTICE_SPDP_TERSANGKA] = "spdp_tersangka",
    [NOTICE_SPDP_PERWAKILAN] = "spdp_perwakilan_negara",
    [NOTICE_DESIGNATION] = "penetapan_tersangka",
    [NOTICE_BAP_COPY] = "salinan_bap",
    [NOTICE_BERKAS_KEJARI] = "berkas_kejari",
};

static const char *const notice_labels[NOTICE__COUNT] = {
    [NOTICE_NONE] = "",
    [NOTICE_FAMILY_ARREST] = "Tembusan surat perintah penangkapan diterima keluarga",
    [NOTICE_FAMILY_DETENTION] = "Tembusan surat perintah penahanan diterima keluarga",
    [NOTICE_CONSULAR] = "Pemberitahuan diterima perwakilan negara tersangka (melalui Kemlu)",
    [NOTICE_SPDP_KEJARI] = "SPDP diterima Kejaksaan",
    [NOTICE_SPDP_KORWAS] = "SPDP diterima Korwas PPNS",
    [NOTICE_SPDP_PELAPOR] = "SPDP diterima pelapor/korban",
    [NOTICE_SPDP_TERSANGKA] = "SPDP diterima tersangka",
    [NOTICE_SPDP_PERWAKILAN] = "SPDP diterima perwakilan negara tersangka (melalui Kemlu)",
    [NOTICE_DESIGNATION] = "Pemberitahuan penetapan tersangka diterima tersangka",
    [NOTICE_BAP_COPY] = "Salinan BAP tersangka diterima tersangka",
    [NOTICE_BERKAS_KEJARI] = "Berkas perkara diterima Kejaksaan (tanda terima)",
};

bool notice_lookup(const char *code, enum notice_kind *out)
{
    for (int i = 1; code && i < NOTICE__COUNT; i++)
        if (strcmp(code, notice_codes[i]) == 0) {
            *out = (enum notice_kind)i;
            return true;
        }
    return false;
}

/* spdp_sent's recipients (event.h spdp_recipient_lookup): the web's select and the CLI's
 * help name the same codes */
static const struct {
    const char *code;
    enum notice_kind notice;
} spdp_to[] = {
    {"kejari", NOTICE_SPDP_KEJARI},    {"korwas", NOTICE_SPDP_KORWAS},
    {"reporter", NOTICE_SPDP_PELAPOR}, {"suspect", NOTICE_SPDP_TERSANGKA},
    {"family", NOTICE_NONE},           {"embassy", NOTICE_SPDP_PERWAKILAN},
};

bool spdp_recipient_lookup(const char *code, enum notice_kind *out)
{
    for (size_t i = 0; code && i < sizeof spdp_to / sizeof spdp_to[0]; i++)
        if (strcmp(code, spdp_to[i].code) == 0) {
            *out = spdp_to[i].notice;
            return true;
        }
    return false;
}

const char *spdp_recipients_text(void)
{
    return "kejari (Kejaksaan Negeri: SPDP kepada Penuntut Umum, KUHAP 109(1)), korwas (Korwas "
           "PPNS), reporter (pelapor/korban), suspect (tersangka), family (keluarga tersangka), "
           "embassy (perwakilan negara tersangka melalui Kementerian Luar Negeri)";
}

/* sp3_notified's recipients (event.h sp3_recipient_known); the web's select and the CLI's help
 * name the same codes */
static const struct {
    const char *code;
    enum sp3_recipient to;
} sp3_to[] = {{"kejari", SP3_TO_KEJARI},
              {"korwas", SP3_TO_KORWAS},
              {"suspect", SP3_TO_SUSPECT},
              {"family", SP3_TO_FAMILY},
              {"reporter", SP3_TO_REPORTER}};

bool sp3_recipient_lookup(const char *code, enum sp3_recipient *out)
{
    for (size_t i = 0; code && i < sizeof sp3_to / sizeof sp3_to[0]; i++)
        if (strcmp(code, sp3_to[i].code) == 0) {
            *out = sp3_to[i].to;
            return true;
        }
    return false;
}

bool sp3_recipient_known(const char *code)
{
    enum sp3_recipient to;
    return sp3_recipient_lookup(code, &to);
}

const char *sp3_recipients_text(void)
{
    return "kejari (Kejaksaan Negeri: Penuntut Umum), korwas (Penyidik Polri selaku Korwas PPNS, "
           "KUHAP 109(3)), suspect (tersangka), family (keluarga tersangka), reporter "
           "(pelapor/korban, UU 20/2025 Pasal 24(4))";
}

bool sp3_undelivered_lookup(const char *code, enum sp3_recipient *out)
{
    enum sp3_recipient to;
    if (!code || strncmp(code, "sp3_", 4) != 0 || !sp3_recipient_lookup(code + 4, &to) ||
        to == SP3_TO_KEJARI)
        return false;
    *out = to;
    return true;
}

const char *undelivered_recipients_text(void)
{
    return "keluarga_penangkapan, keluarga_penahanan (tembusan surat perintah kepada keluarga, "
           "KUHAP 18(3), 21(3)), perwakilan_negara (Konvensi Wina 1963 Pasal 36(1)(b)); "
           "pemberitahuan SP3: sp3_korwas, sp3_suspect, sp3_family, sp3_reporter (bukan kepada "
           "Penuntut Umum)";
}

const char *notice_code(enum notice_kind n)
{
    return (int)n >= 0 && n < NOTICE__COUNT ? notice_codes[n] : "";
}

const char *notice_label(enum notice_kind n)
{
    return (int)n >= 0 && n < NOTICE__COUNT ? notice_labels[n] : "";
}

bool notice_per_suspect(enum notice_kind n)
{
    return n == NOTICE_FAMILY_ARREST || n == NOTICE_FAMILY_DETENTION || n == NOTICE_CONSULAR ||
           n == NOTICE_SPDP_TERSANGKA || n == NOTICE_SPDP_PERWAKILAN || n == NOTICE_DESIGNATION ||
           n == NOTICE_BAP_COPY;
}

bool notice_of_custody(enum notice_kind n)
{
    return n == NOTICE_FAMILY_ARREST || n == NOTICE_FAMILY_DETENTION || n == NOTICE_CONSULAR;
}

bool notice_is_spdp(enum notice_kind n)
{
    return n >= NOTICE_SPDP_KEJARI && n <= NOTICE_SPDP_PERWAKILAN;
}

bool event_valid(enum event e)
{
    return (int)e >= 0 && e < EV__COUNT;
}

const struct event_info *event_info(enum event e)
{
    return event_valid(e) ? &events[e] : NULL;
}

const char *event_code(enum event e)
{
    return event_valid(e) ? events[e].code : "";
}

const char *event_label(enum event e)
{
    return event_valid(e) ? events[e].label : "";
}

bool event_lookup(const char *code, enum event *out)
{
    if (!code)
        return false;
    for (int i = 0; i < EV__COUNT; i++)
        if (strcmp(events[i].code, code) == 0) {
            *out = (enum event)i;
            return true;
        }
    return false;
}

bool event_recordable_by(enum event e, enum actor_role role)
{
    return event_valid(e) && role != ACTOR_NONE && (events[e].recorders & (unsigned)role) == role;
}

bool event_is_detention(enum event e)
{
    return event_valid(e) && e >= EV_ARRESTED && e <= EV_DETENSI_ENDED;
}

const char *event_field_code(enum event_field f)
{
    return (int)f >= 0 && f < EVF__COUNT ? field_rows[f].code : "";
}

evfield_mask event_fields_taken(enum event e)
{
    return event_valid(e) ? fields_with(e, false) : 0;
}

evfield_mask event_fields_required(enum event e)
{
    return event_valid(e) ? fields_with(e, true) : 0;
}

void event_correction_fields(enum event as, bool withdraws, evfield_mask *takes,
                             evfield_mask *requires)
{
    *takes = F(CORRECTS);
    *requires = F(CORRECTS);
    if (withdraws) {
        *takes |= F(WITHDRAWS);
        return;
    }
    if (event_valid(as) && as != EV_CORRECTED) {
        *takes |= fields_with(as, false) & ~kept_by_original();
        *requires |= fields_with(as, true) & ~kept_by_original();
    }
}

/* What e takes and requires, for a correction as the act `as`. */
static void fields_of(enum event e, enum event as, bool withdraws, evfield_mask *takes,
                      evfield_mask *requires)
{
    if (e == EV_CORRECTED) {
        event_correction_fields(as, withdraws, takes, requires);
        return;
    }
    *takes = event_fields_taken(e);
    *requires = event_fields_required(e);
}

enum event_field event_field_unexpected(enum event e, enum event as, bool withdraws,
                                        evfield_mask sent)
{
    evfield_mask takes, requires;
    fields_of(e, as, withdraws, &takes, &requires);
    for (int f = 0; f < EVF__COUNT; f++)
        if ((sent & EVF_BIT(f)) && !(takes & EVF_BIT(f)))
            return (enum event_field)f;
    return EVF__COUNT;
}

enum event_field event_field_missing(enum event e, enum event as, bool withdraws, evfield_mask sent)
{
    evfield_mask takes, requires;
    fields_of(e, as, withdraws, &takes, &requires);
    for (int f = 0; f < EVF__COUNT; f++)
        if ((requires & EVF_BIT(f)) && !(sent & EVF_BIT(f)))
            return (enum event_field)f;
    return EVF__COUNT;
}

const char *event_group_code(enum event_group g)
{
    if ((int)g < 0 || (size_t)g >= sizeof group_codes / sizeof group_codes[0])
        return "";
    return group_codes[g];
}

const char *actor_code(enum actor_role a)
{
    switch (a) {
    case ACTOR_INVESTIGATOR:
        return "investigator";
    case ACTOR_PROSECUTOR:
        return "prosecutor";
    case ACTOR_SUPERVISOR:
        return "supervisor";
    case ACTOR_COURT:
        return "court";
    case ACTOR_NONE:
        break;
    }
    return "";
}

const char *actor_label(enum actor_role a)
{
    switch (a) {
    case ACTOR_INVESTIGATOR:
        return "Penyidik (PPNS Keimigrasian)";
    case ACTOR_PROSECUTOR:
        return "Penuntut Umum";
    case ACTOR_SUPERVISOR:
        return "Pengawas";
    case ACTOR_COURT:
        return "Ketua Pengadilan Negeri";
    case ACTOR_NONE:
        break;
    }
    return "";
}
