/*
 * ruleset.c - see ruleset.h.
 *
 * The key table below is the one place that names the fields: the store
 * loads rows by key, the admin API lists keys with their labels and basis,
 * and ruleset_check() and the tests walk it.  Values marked "kebijakan" are
 * berkas's own warning points, not law; to_verify marks what DOMAIN.md could
 * not confirm (section 5.2 D14, 4.8, 9.2).
 */
#include "ruleset.h"

#include <string.h>

#include "stage.h"

#define KEY(field, label, basis, unit, min, max)                                                   \
    {                                                                                              \
#field, label, basis, unit, offsetof(struct ruleset, field), min, max                      \
    }

/* clang-format off */
static const struct rule_key keys[] = {
    KEY(spdp_days, "Batas pengiriman SPDP sejak Sprindik",
        "KUHAP 109(1) jo. Putusan MK 130/PUU-XIII/2015; Permenkumham 39/2021 Pasal 27(2)",
        RULE_DAYS, 1, 365),
    KEY(spdp_warn_day, "Peringatan SPDP (hari ke-)", "Kebijakan berkas", RULE_DAYS, 0, 365),
    KEY(p17_days, "P-17 diharapkan bila berkas belum dikirim sejak SPDP diterima PU",
        "SOP Pidum PER-036/A/JA/09/2011; Pedoman Jaksa Agung 24/2021", RULE_DAYS, 1, 365),
    KEY(pu_answer_days, "Batas PU memberitahukan lengkap/belum lengkap", "KUHAP 138(1)",
        RULE_DAYS, 1, 365),
    KEY(pu_answer_warn_day, "Peringatan jawaban PU (hari ke-)", "Kebijakan berkas", RULE_DAYS,
        0, 365),
    KEY(pu_return_days, "Batas PU mengembalikan berkas, selebihnya dianggap lengkap",
        "KUHAP 110(4)", RULE_DAYS, 1, 365),
    KEY(pu_return_warn_day, "Peringatan pengembalian oleh PU (hari ke-)", "Kebijakan berkas",
        RULE_DAYS, 0, 365),
    KEY(deemed_complete_applies,
        "Lewat batas waktu PU berkas dianggap lengkap; pengembalian sesudahnya terlambat",
        "KUHAP 110(4); UU 20/2025 (prapenuntutan: belum dipastikan)", RULE_FLAG, 0, 1),
    KEY(resend_days, "Batas pengiriman kembali berkas setelah P-19", "KUHAP 138(2)",
        RULE_DAYS, 1, 365),
    KEY(resend_warn_day, "Peringatan pengiriman kembali (hari ke-)", "Kebijakan berkas",
        RULE_DAYS, 0, 365),
    KEY(tahap2_days, "Batas Tahap II sejak P-21", "Surat JAM Pidum B-1310/E/EJP/05/2022",
        RULE_DAYS, 1, 365),
    KEY(tahap2_warn1_day, "Peringatan pertama Tahap II (hari ke-)", "Kebijakan berkas",
        RULE_DAYS, 0, 365),
    KEY(tahap2_warn2_day, "Peringatan kedua Tahap II (hari ke-)", "Kebijakan berkas",
        RULE_DAYS, 0, 365),
    KEY(sp3_notify_days, "Batas pemberitahuan SP3 (hari; 0 = tanpa batas hari)",
        "KUHAP 109(3); UU 20/2025 Pasal 24(4)", RULE_DAYS, 0, 30),
    KEY(sp3_needs_polri, "SP3 oleh PPNS melibatkan penyidik Polri", "UU 20/2025 Pasal 24(3)",
        RULE_FLAG, 0, 1),
    KEY(sp3_to_korwas, "SP3 wajib diberitahukan kepada penyidik Polri (Korwas PPNS)",
        "KUHAP 109(3); UU 20/2025 Pasal 24(4) tidak menyebutnya (belum dipastikan)", RULE_FLAG,
        0, 1),
    KEY(sp3_to_suspect, "SP3 wajib diberitahukan kepada tersangka atau keluarganya",
        "KUHAP 109(2); UU 20/2025 Pasal 24(4) (\"korban dan/atau tersangka\")", RULE_FLAG, 0, 1),
    KEY(sp3_to_reporter, "SP3 wajib diberitahukan kepada pelapor/korban (bila ada)",
        "UU 20/2025 Pasal 24(4) (\"korban dan/atau tersangka\"); KUHAP 109(2) tidak menyebutnya",
        RULE_FLAG, 0, 1),
    KEY(arrest_hours, "Lama penangkapan", "KUHAP 19(1); UU 20/2025 Pasal 93-98", RULE_HOURS, 1,
        72),
    KEY(arrest_warn_hours, "Peringatan sebelum penangkapan berakhir (jam)", "Kebijakan berkas",
        RULE_HOURS, 0, 72),
    KEY(arrest_needs_polri_order, "Penangkapan oleh PPNS atas perintah penyidik Polri",
        "UU 20/2025 Pasal 93(3)", RULE_FLAG, 0, 1),
    KEY(detention_days, "Penahanan oleh penyidik", "KUHAP 24(1); UU 20/2025 Pasal 99-111",
        RULE_DAYS, 1, 365),
    KEY(detention_ext_pu_days, "Perpanjangan penahanan oleh PU", "KUHAP 24(2)", RULE_DAYS, 0,
        365),
    KEY(detention_ext_court_days, "Perpanjangan penahanan oleh Ketua PN (setiap kali)",
        "KUHAP 29(2)", RULE_DAYS, 0, 365),
    KEY(detention_ext_court_count, "Jumlah perpanjangan oleh Ketua PN", "KUHAP 29(2)",
        RULE_COUNT, 0, 2),
    KEY(redetention_within_limit,
        "Tersangka yang dikeluarkan dapat ditahan kembali dalam sisa batas penahanan tingkat "
        "penyidikan (hari yang sudah dijalani dihitung)",
        "KUHAP 24(3)-(4): 60 hari seluruhnya; penahanan kembali belum dipastikan", RULE_FLAG, 0, 1),
    KEY(detention_warn_days, "Peringatan sebelum masa penahanan berakhir (hari)",
        "Praktik permintaan perpanjangan", RULE_DAYS, 0, 365),
    KEY(detention_needs_polri_order, "Penahanan oleh PPNS atas perintah penyidik Polri",
        "UU 20/2025 Pasal 99(3)", RULE_FLAG, 0, 1),
    KEY(detainable_min_years, "Ancaman pidana minimum agar dapat ditahan", "KUHAP 21(4)(a)",
        RULE_YEARS, 1, 20),
    KEY(court_ext_min_years, "Ancaman pidana minimum untuk perpanjangan oleh Ketua PN",
        "KUHAP 29(1)(b)", RULE_YEARS, 1, 20),
    KEY(detensi_max_days, "Lama pendetensian paling lama", "UU 6/2011 Pasal 85", RULE_DAYS, 1,
        3660),
    KEY(late_entry_days, "Pencatatan dianggap terlambat setelah (hari)", "Kebijakan berkas",
        RULE_DAYS, 0, 365),
    KEY(stall_pre_investigation_days, "Prapenyidikan tanpa keputusan dianggap macet (hari)",
        "Kebijakan berkas (DOMAIN 10.1, 11.9: prapenyidikan tanpa keputusan)", RULE_DAYS, 0, 365),
    KEY(stall_investigation_days, "Penyidikan tanpa kegiatan dianggap macet (hari)",
        "Kebijakan berkas (DOMAIN 10.1: KUHAP tanpa batas waktu penyidikan)", RULE_DAYS, 0, 365),
    KEY(stall_with_prosecutor_days, "Berkas di Penuntut Umum tanpa kegiatan (hari)",
        "Kebijakan berkas (DOMAIN 10.1)", RULE_DAYS, 0, 365),
    KEY(stall_returned_days, "Berkas dikembalikan (P-19) tanpa kegiatan (hari)",
        "Kebijakan berkas (DOMAIN 10.1: batas 14 hari tanpa sanksi)", RULE_DAYS, 0, 365),
    KEY(stall_complete_days, "Berkas lengkap (P-21) tanpa kegiatan (hari)",
        "Kebijakan berkas (DOMAIN 10.1: P-21 tanpa Tahap II)", RULE_DAYS, 0, 365),
    KEY(pingpong_rounds, "Pengembalian berkas yang ditandai bolak-balik (kali)",
        "DOMAIN 10.1; SE JAM Pidum B-3326/E/EJP/11/2011 (P-19 sekali)", RULE_COUNT, 1, 20),
    KEY(summons_notice_days, "Surat panggilan diterima paling lambat N hari sebelum hari hadir",
        "KUHAP 227(1); UU 20/2025 (belum dipastikan)", RULE_DAYS, 0, 30),
    KEY(family_notice_days,
        "Tembusan surat perintah penangkapan/penahanan kepada keluarga paling lambat (hari)",
        "KUHAP 18(3), 21(3): segera (belum dipastikan dalam hari)", RULE_DAYS, 0, 30),
    KEY(consular_notice_days,
        "Pemberitahuan penangkapan/penahanan WNA kepada perwakilan negaranya melalui Kemlu "
        "paling lambat (hari)",
        "Konvensi Wina 1963 Pasal 36(1)(b) (UU 1/1982): tanpa penundaan (belum dipastikan dalam "
        "hari)",
        RULE_DAYS, 0, 30),
    KEY(counsel_min_years, "Penasihat hukum wajib ditunjuk bila ancaman pidana N tahun atau lebih",
        "KUHAP 56(1); UU 20/2025 (belum dipastikan)", RULE_YEARS, 1, 20),
    KEY(spdp_to_korwas, "SPDP wajib diterima Korwas PPNS",
        "Permenkumham 39/2021 Pasal 27(2)", RULE_FLAG, 0, 1),
    KEY(spdp_to_suspect, "SPDP wajib diterima setiap tersangka",
        "Permenkumham 39/2021 Pasal 27(3); Putusan MK 130/PUU-XIII/2015 (terlapor)", RULE_FLAG,
        0, 1),
    KEY(spdp_to_reporter, "SPDP wajib diterima pelapor/korban",
        "Putusan MK 130/PUU-XIII/2015", RULE_FLAG, 0, 1),
    KEY(spdp_to_consulate,
        "SPDP wajib diterima perwakilan negara tersangka WNA melalui Kementerian Luar Negeri",
        "Permenkumham 39/2021 Pasal 27(6)", RULE_FLAG, 0, 1),
    KEY(designation_notice_days,
        "Pemberitahuan penetapan tersangka kepada tersangka paling lambat (hari; 0 = tanpa batas)",
        "UU 20/2025 Pasal 90 (belum dipastikan); KUHAP 1981 tidak mengatur", RULE_DAYS, 0, 30),
    KEY(bap_copy_days,
        "Salinan BAP tersangka diberikan kepada tersangka paling lambat (hari; 0 = tanpa batas)",
        "UU 20/2025 (belum dipastikan; pasal tidak diketahui); KUHAP 1981 tidak mengatur",
        RULE_DAYS, 0, 30),
    KEY(pn_approval_days,
        "Penggeledahan/penyitaan mendesak dilaporkan kepada Ketua PN guna persetujuannya "
        "paling lambat (hari; 0 = tanpa batas)",
        "KUHAP 34, 38(2): \"segera\" (belum dipastikan dalam hari); UU 20/2025 Pasal 44 "
        "(belum dipastikan)",
        RULE_DAYS, 0, 30),
};

#define V(n)  {n, false}
#define TV(n) {n, true}

static const struct ruleset builtins[RULESET_BUILTIN_COUNT] = {
    {
        .name = "KUHAP-1981",
        .regime = REGIME_KUHAP_1981,
        .effective_from = {1981, 12, 31},     /* UU 8/1981, LN 1981 No. 76 */
        .spdp_days = V(7),
        .spdp_warn_day = V(5),
        .p17_days = TV(30),                   /* DOMAIN 5.2 D14: day count UNCERTAIN */
        .pu_answer_days = V(7),
        .pu_answer_warn_day = V(5),
        .pu_return_days = V(14),
        .pu_return_warn_day = V(12),
        .deemed_complete_applies = V(1),      /* KUHAP 110(4) */
        .resend_days = V(14),
        .resend_warn_day = V(10),
        .tahap2_days = V(60),
        .tahap2_warn1_day = V(30),
        .tahap2_warn2_day = V(45),
        /* KUHAP 109(3): "segera", no number (DOMAIN D13, UNCERTAIN): read as the Ketua PN's
         * "segera" is (pn_approval_days), marked to verify; an administrator amends it
         * (PUT /api/v1/rulesets/KUHAP-1981/sp3_notify_days), 0 for no clock */
        .sp3_notify_days = TV(2),
        .sp3_needs_polri = V(0),
        /* KUHAP 109(3): a PPNS notifies the Polri investigator and the PU; 109(2): the PU and
         * the suspect or his family; the reporter is named by neither (DOMAIN 4.15 lists him
         * in brackets, as practice): 0, to verify */
        .sp3_to_korwas = V(1),
        .sp3_to_suspect = V(1),
        .sp3_to_reporter = TV(0),
        .arrest_hours = V(24),
        .arrest_warn_hours = V(6),
        .arrest_needs_polri_order = V(0),
        .detention_days = V(20),
        .detention_ext_pu_days = V(40),
        .detention_ext_court_days = V(30),
        .detention_ext_court_count = V(2),
        .redetention_within_limit = TV(1),    /* DOMAIN 4.8, D6: 60 in all; re-detention open */
        .detention_warn_days = TV(7),         /* DOMAIN 4.8: practice 7-10 days, no rule */
        .detention_needs_polri_order = V(0),
        .detainable_min_years = V(5),
        .court_ext_min_years = V(9),
        .detensi_max_days = TV(3650),         /* DOMAIN 4.16: 10 years, details UNCERTAIN */
        .late_entry_days = V(3),
        .stall_pre_investigation_days = V(30),
        .stall_investigation_days = V(30),
        .stall_with_prosecutor_days = V(14),
        .stall_returned_days = V(14),
        .stall_complete_days = V(30),
        .pingpong_rounds = V(2),              /* a second return: P-19 is meant once */
        .summons_notice_days = V(3),          /* KUHAP 227(1): tiga hari sebelum tanggal hadir */
        .family_notice_days = TV(1),          /* KUHAP 18(3), 21(3): "segera" (DOMAIN 4.7, 4.8) */
        .consular_notice_days = TV(3),        /* VCCR 36(1)(b): "without delay" (DOMAIN 12) */
        .counsel_min_years = V(5),            /* KUHAP 56(1): lima tahun atau lebih */
        .spdp_to_korwas = V(1),               /* DOMAIN 4.4, 4.5 */
        .spdp_to_suspect = V(1),
        .spdp_to_reporter = V(1),
        .spdp_to_consulate = V(1),
        .designation_notice_days = V(0),     /* KUHAP 1981: no such clock (DOMAIN D15) */
        .bap_copy_days = V(0),               /* KUHAP 1981: no such clock (DOMAIN D16) */
        .pn_approval_days = TV(2),           /* KUHAP 34, 38(2): "segera", no number (D8) */
    },
    {
        .name = "KUHAP-2025",
        .regime = REGIME_KUHAP_2025,
        .effective_from = {2026, 1, 2},       /* UU 20/2025 Pasal 369 */
        .spdp_days = TV(7),                   /* DOMAIN 9.1: secondary summaries only */
        .spdp_warn_day = V(5),
        .p17_days = TV(30),
        .pu_answer_days = TV(7),              /* DOMAIN 9.2: prapenuntutan timing unconfirmed */
        .pu_answer_warn_day = V(5),
        .pu_return_days = TV(14),
        .pu_return_warn_day = V(12),
        .deemed_complete_applies = TV(1),     /* DOMAIN 9.2: 110(4) carried over? UNCERTAIN */
        .resend_days = TV(14),
        .resend_warn_day = V(10),
        .tahap2_days = TV(60),                /* P-form model under the new code unconfirmed */
        .tahap2_warn1_day = V(30),
        .tahap2_warn2_day = V(45),
        .sp3_notify_days = V(1),              /* UU 20/2025 Pasal 24(4): 1 Hari */
        .sp3_needs_polri = V(1),              /* UU 20/2025 Pasal 24(3) */
        /* Pasal 24(4): the PU, "korban dan/atau tersangka" within 1 Hari (DOMAIN 9.1, D13):
         * both named, whether "dan/atau" owes both to verify; Polri is involved in the stop
         * itself (24(3)), its notice not named: 0, to verify */
        .sp3_to_korwas = TV(0),
        .sp3_to_suspect = TV(1),
        .sp3_to_reporter = TV(1),
        .arrest_hours = V(24),                /* 1 x 24 jam kept (DOMAIN 9.1) */
        .arrest_warn_hours = V(6),
        .arrest_needs_polri_order = TV(0),    /* Pasal 93(3): likely, UNCERTAIN */
        .detention_days = TV(20),             /* Pasal 99-111 durations unconfirmed */
        .detention_ext_pu_days = TV(40),
        .detention_ext_court_days = TV(30),
        .detention_ext_court_count = TV(2),
        .redetention_within_limit = TV(1),
        .detention_warn_days = TV(7),
        .detention_needs_polri_order = V(1),  /* UU 20/2025 Pasal 99(3) */
        .detainable_min_years = V(5),         /* threshold kept (DOMAIN 9.1) */
        .court_ext_min_years = TV(9),
        .detensi_max_days = TV(3650),
        .late_entry_days = V(3),
        .stall_pre_investigation_days = V(30),
        .stall_investigation_days = V(30),
        .stall_with_prosecutor_days = V(14),
        .stall_returned_days = V(14),
        .stall_complete_days = V(30),
        .pingpong_rounds = V(2),
        .summons_notice_days = TV(3),         /* DOMAIN 4.6, 5.2 D3: the new code's rule unseen */
        .family_notice_days = TV(1),
        .consular_notice_days = TV(3),
        .counsel_min_years = TV(5),           /* DOMAIN 4.6 [KNOW] for 1981; the new code unseen */
        .spdp_to_korwas = TV(1),              /* DOMAIN 9.1: the new code's SPDP rule unseen */
        .spdp_to_suspect = TV(1),
        .spdp_to_reporter = TV(1),
        .spdp_to_consulate = TV(1),
        .designation_notice_days = TV(1),    /* DOMAIN D15: Pasal 90 as reported, unverified */
        .bap_copy_days = TV(1),              /* DOMAIN D16: as reported, article unknown */
        .pn_approval_days = TV(2),           /* DOMAIN D8, 9.1: "segera" kept? UNCERTAIN */
    },
};
/* clang-format on */

#define NKEYS ((int)(sizeof keys / sizeof keys[0]))

int ruleset_key_count(void)
{
    return NKEYS;
}

const struct rule_key *ruleset_key_at(int i)
{
    return i >= 0 && i < NKEYS ? &keys[i] : NULL;
}

const struct rule_key *ruleset_key_find(const char *key)
{
    if (!key)
        return NULL;
    for (int i = 0; i < NKEYS; i++)
        if (strcmp(keys[i].key, key) == 0)
            return &keys[i];
    return NULL;
}

const struct rule_value *ruleset_value(const struct ruleset *rs, const struct rule_key *k)
{
    return (const struct rule_value *)(const void *)((const char *)rs + k->offset);
}

static struct rule_value *value_rw(struct ruleset *rs, const struct rule_key *k)
{
    return (struct rule_value *)(void *)((char *)rs + k->offset);
}

const char *rule_unit_code(enum rule_unit u)
{
    switch (u) {
    case RULE_DAYS:
        return "days";
    case RULE_HOURS:
        return "hours";
    case RULE_YEARS:
        return "years";
    case RULE_COUNT:
        return "count";
    case RULE_FLAG:
        return "flag";
    }
    return "";
}

bool ruleset_set(struct ruleset *rs, const char *key, int value)
{
    const struct rule_key *k = ruleset_key_find(key);
    if (!rs || !k || value < k->min || value > k->max)
        return false;
    value_rw(rs, k)->value = value;
    return true;
}

bool ruleset_set_to_verify(struct ruleset *rs, const char *key, bool to_verify)
{
    const struct rule_key *k = ruleset_key_find(key);
    if (!rs || !k)
        return false;
    value_rw(rs, k)->to_verify = to_verify;
    return true;
}

bool ruleset_get(const struct ruleset *rs, const char *key, struct rule_value *out)
{
    const struct rule_key *k = ruleset_key_find(key);
    if (!rs || !k)
        return false;
    *out = *ruleset_value(rs, k);
    return true;
}

/* A warning day must fall inside its period. */
static bool within(const struct ruleset *rs, const char *warn, int w, int period, struct berr *err)
{
    if (w > period)
        return berr_field(err, BERR_BAD_INPUT, warn, "%s: %s (%d) lies beyond its period (%d)",
                          rs->name, warn, w, period);
    return true;
}

bool ruleset_check(const struct ruleset *rs, struct berr *err)
{
    if (!rs)
        return berr_set(err, BERR_BAD_INPUT, "no rule set");
    if (rs->name[0] == '\0' || !memchr(rs->name, '\0', sizeof rs->name))
        return berr_field(err, BERR_BAD_INPUT, "name", "rule set without a name");
    if (!caldate_valid(rs->effective_from))
        return berr_field(err, BERR_BAD_INPUT, "effective_from", "%s: invalid effective date",
                          rs->name);
    for (int i = 0; i < NKEYS; i++) {
        int v = ruleset_value(rs, &keys[i])->value;
        if (v < keys[i].min || v > keys[i].max)
            return berr_field(err, BERR_BAD_INPUT, keys[i].key, "%s: %s = %d is outside %d..%d",
                              rs->name, keys[i].key, v, keys[i].min, keys[i].max);
    }
    return within(rs, "spdp_warn_day", rs->spdp_warn_day.value, rs->spdp_days.value, err) &&
           within(rs, "pu_answer_warn_day", rs->pu_answer_warn_day.value, rs->pu_answer_days.value,
                  err) &&
           within(rs, "pu_return_warn_day", rs->pu_return_warn_day.value, rs->pu_return_days.value,
                  err) &&
           within(rs, "resend_warn_day", rs->resend_warn_day.value, rs->resend_days.value, err) &&
           within(rs, "tahap2_warn1_day", rs->tahap2_warn1_day.value, rs->tahap2_warn2_day.value,
                  err) &&
           within(rs, "tahap2_warn2_day", rs->tahap2_warn2_day.value, rs->tahap2_days.value, err) &&
           within(rs, "arrest_warn_hours", rs->arrest_warn_hours.value, rs->arrest_hours.value,
                  err) &&
           within(rs, "detention_warn_days", rs->detention_warn_days.value,
                  rs->detention_days.value, err);
}

const struct ruleset *ruleset_builtin(int i)
{
    return i >= 0 && i < RULESET_BUILTIN_COUNT ? &builtins[i] : NULL;
}

const struct ruleset *ruleset_builtin_find(const char *name)
{
    if (!name)
        return NULL;
    for (int i = 0; i < RULESET_BUILTIN_COUNT; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}

const struct ruleset *ruleset_for_date(const struct ruleset *sets, int n, struct caldate d)
{
    const struct ruleset *best = NULL;
    for (int i = 0; sets && i < n; i++) {
        if (caldate_cmp(sets[i].effective_from, d) > 0)
            continue;
        if (!best || caldate_cmp(sets[i].effective_from, best->effective_from) > 0)
            best = &sets[i];
    }
    return best;
}

int ruleset_stall_days(const struct ruleset *rs, int stage)
{
    switch (stage) {
    case ST_PRE_INVESTIGATION:
        return rs->stall_pre_investigation_days.value;
    case ST_INVESTIGATION:
        return rs->stall_investigation_days.value;
    case ST_WITH_PROSECUTOR:
        return rs->stall_with_prosecutor_days.value;
    case ST_RETURNED:
        return rs->stall_returned_days.value;
    case ST_COMPLETE:
        return rs->stall_complete_days.value;
    default:
        return 0; /* terminal, lapsed, terminated: nothing to wait for */
    }
}

bool ruleset_late_entry(const struct ruleset *rs, struct caldate act_date,
                        struct caldate entered_on)
{
    return caldate_diff(act_date, entered_on) > rs->late_entry_days.value;
}

const char *regime_code(enum regime r)
{
    switch (r) {
    case REGIME_KUHAP_1981:
        return "KUHAP-1981";
    case REGIME_KUHAP_2025:
        return "KUHAP-2025";
    }
    return "";
}
