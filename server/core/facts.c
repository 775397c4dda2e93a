/* facts.c - see facts.h. */
#include "facts.h"

#include <string.h>

static const struct {
    const char *code;
    const char *label;
} facts[FACT__COUNT] = {
    [FACT_RULESET] = {"ruleset", "Aturan hukum acara yang berlaku pada tanggal tindakan"},
    [FACT_LAPORAN] = {"laporan", "Laporan Keimigrasian telah diregistrasi"},
    [FACT_SPDP_SENT] = {"spdp_sent", "SPDP telah dikirim sejak Sprindik terakhir"},
    [FACT_SUSPECT] = {"suspect", "Sekurang-kurangnya satu tersangka telah ditetapkan"},
    [FACT_BAP_TERSANGKA] = {"bap_tersangka", "BAP tersangka untuk setiap tersangka"},
    [FACT_RESUME] = {"resume", "Resume telah dibuat"},
    [FACT_INSTRUCTIONS_ANSWERED] = {"instructions_answered", "Setiap petunjuk P-19 telah dipenuhi"},
    [FACT_TAHAP1_RECEIVED] = {"tahap1_received", "Tanggal penerimaan berkas oleh Penuntut Umum"},
    [FACT_PU_PERIOD_ELAPSED] = {"pu_period_elapsed",
                                "Lewat 14 hari sejak berkas diterima tanpa pengembalian"},
    [FACT_P21] = {"p21", "P-21 atau berkas dianggap lengkap telah dicatat"},
    [FACT_TAHAP2_PERIOD_ELAPSED] = {"tahap2_period_elapsed",
                                    "Lewat 60 hari sejak P-21 tanpa Tahap II"},
    [FACT_SHORT_PROCEDURE] = {"short_procedure_offence",
                              "Hanya tindak pidana Pasal 116/117 UU 6/2011 (acara singkat)"},
    [FACT_DETAINABLE_OFFENCE] = {"detainable_offence",
                                 "Tindak pidana yang dapat ditahan (KUHAP 21(4); UU 6/2011 "
                                 "Pasal 109)"},
    [FACT_POLRI_ORDER] = {"polri_order", "Perintah penyidik Polri (UU 20/2025)"},
    [FACT_COURT_EXTENSION_GROUND] = {"court_extension_ground",
                                     "Ancaman pidana 9 tahun atau lebih, atau gangguan fisik/"
                                     "mental berat (KUHAP 29(1))"},
    [FACT_POLRI_INVOLVEMENT] = {"polri_involvement",
                                "Keterlibatan penyidik Polri (UU 20/2025 Pasal 24(3))"},
    [FACT_DETENTION_IN_FORCE] = {"detention_in_force",
                                 "Masa penahanan yang diperpanjang masih berjalan"},
    [FACT_EXTENSION_WITHIN_LIMIT] = {"extension_within_limit",
                                     "Lama perpanjangan tidak melebihi batas undang-undang"},
    [FACT_DETENTION_DAYS_LEFT] = {"detention_days_left", "Sisa masa penahanan yang dapat "
                                                         "dilanjutkan setelah penangguhan"},
};

const char *fact_code(enum fact f)
{
    return (int)f >= 0 && f < FACT__COUNT ? facts[f].code : "";
}

const char *fact_label(enum fact f)
{
    return (int)f >= 0 && f < FACT__COUNT ? facts[f].label : "";
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
