/* sp3ground.c - see sp3ground.h.  The list is the statute's; its order is
 * the order the statute names the grounds in. */
#include "sp3ground.h"

#include <stdio.h>
#include <string.h>

/* clang-format off */
static const struct sp3_ground grounds[] = {
    {"tidak_cukup_bukti", "tidak terdapat cukup bukti",
     "KUHAP 109(2); UU 20/2025 Pasal 24", true, true, SP3_ANY_OFFENCE, true},
    {"bukan_tindak_pidana", "peristiwa tersebut ternyata bukan merupakan tindak pidana",
     "KUHAP 109(2); UU 20/2025 Pasal 24", true, true, SP3_ANY_OFFENCE, true},
    {"demi_hukum_nebis_in_idem",
     "penyidikan dihentikan demi hukum karena perkara yang sama telah diputus dengan putusan "
     "yang berkekuatan hukum tetap (nebis in idem)",
     "KUHAP 109(2) jo. KUHP 76; UU 20/2025 Pasal 24", true, true, SP3_ANY_OFFENCE, false},
    {"demi_hukum_meninggal_dunia",
     "penyidikan dihentikan demi hukum karena tersangka meninggal dunia",
     "KUHAP 109(2) jo. KUHP 77; UU 20/2025 Pasal 24", true, true, SP3_ANY_OFFENCE, false},
    {"demi_hukum_kedaluwarsa", "penyidikan dihentikan demi hukum karena perkara telah kedaluwarsa",
     "KUHAP 109(2) jo. KUHP 78; UU 20/2025 Pasal 24", true, true, SP3_ANY_OFFENCE, false},
    {"demi_hukum_pengaduan_dicabut",
     "penyidikan dihentikan demi hukum karena pengaduan telah dicabut",
     "KUHAP 109(2) jo. KUHP 75; UU 20/2025 Pasal 24", true, true, SP3_COMPLAINT, false},
    {"keadilan_restoratif", "telah tercapai penyelesaian perkara berdasarkan keadilan restoratif",
     "UU 20/2025 Pasal 24", false, true, SP3_ANY_OFFENCE, false},
    {"denda_kategori_ii",
     "tersangka telah membayar denda paling banyak untuk tindak pidana yang hanya diancam pidana "
     "denda paling banyak kategori II",
     "UU 20/2025 Pasal 24", false, true, SP3_FINE_II, false},
    {"denda_kategori_iv",
     "tersangka telah membayar denda paling banyak kategori IV untuk tindak pidana yang diancam "
     "pidana penjara paling lama 1 (satu) tahun atau pidana denda paling banyak kategori III",
     "UU 20/2025 Pasal 24", false, true, SP3_LIGHT, false},
};
/* clang-format on */

#define NGROUNDS ((int)(sizeof grounds / sizeof grounds[0]))

int sp3_ground_count(void)
{
    return NGROUNDS;
}

const struct sp3_ground *sp3_ground_at(int i)
{
    return i >= 0 && i < NGROUNDS ? &grounds[i] : NULL;
}

const struct sp3_ground *sp3_ground_find(const char *code)
{
    if (!code)
        return NULL;
    for (int i = 0; i < NGROUNDS; i++)
        if (strcmp(grounds[i].code, code) == 0)
            return &grounds[i];
    return NULL;
}

bool sp3_ground_in(const struct sp3_ground *g, enum regime r)
{
    if (!g)
        return false;
    switch (r) {
    case REGIME_KUHAP_1981:
        return g->kuhap1981;
    case REGIME_KUHAP_2025:
        return g->kuhap2025;
    }
    return false;
}

bool sp3_ground_allows(const struct sp3_ground *g, const struct sp3_offence *o)
{
    if (!g || !o)
        return false;
    bool fine_alone = o->fine_only && o->fine_category > 0;
    switch (g->rule) {
    case SP3_ANY_OFFENCE:
        return true;
    case SP3_COMPLAINT:
        return o->complaint;
    case SP3_FINE_II:
        return fine_alone && o->fine_category <= 2;
    case SP3_LIGHT: /* "pidana penjara paling lama 1 tahun atau pidana denda paling banyak
                     * kategori III": a prison term, at most 12 months; none, a fine alone */
        return o->fine_only ? fine_alone && o->fine_category <= 3
                            : o->max_prison_months > 0 && o->max_prison_months <= 12;
    }
    return false;
}

const char *sp3_ground_rule_text(const struct sp3_ground *g)
{
    switch (g ? g->rule : SP3_ANY_OFFENCE) {
    case SP3_ANY_OFFENCE:
        return "";
    case SP3_COMPLAINT:
        return "tindak pidana aduan (KUHP Pasal 75)";
    case SP3_FINE_II:
        return "tindak pidana yang hanya diancam pidana denda paling banyak kategori II (UU "
               "20/2025 "
               "Pasal 24)";
    case SP3_LIGHT:
        return "tindak pidana yang diancam pidana penjara paling lama 1 (satu) tahun atau pidana "
               "denda paling banyak kategori III (UU 20/2025 Pasal 24)";
    }
    return "";
}

static const char *const roman[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII"};

/* 500000000 -> "500.000.000" */
static void rupiah(long long v, char *out, size_t outsz)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", v < 0 ? 0 : v);
    size_t w = 0;
    for (int i = 0; i < n && w + 2 < outsz; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[w++] = '.';
        out[w++] = digits[i];
    }
    out[w < outsz ? w : outsz - 1] = '\0';
}

void sp3_offence_threat(const struct sp3_offence *o, char *out, size_t outsz)
{
    char term[80] = "", fine[80] = "";
    int m = o->max_prison_months;
    if (m > 0 && !o->fine_only)
        snprintf(term, sizeof term, "pidana %s paling lama %d %s",
                 o->kurungan ? "kurungan" : "penjara", m % 12 ? m : m / 12,
                 m % 12 ? "bulan" : "tahun");
    if (o->max_fine > 0) {
        char amount[32];
        rupiah(o->max_fine, amount, sizeof amount);
        int c = o->fine_category;
        snprintf(fine, sizeof fine, "pidana denda paling banyak Rp%s%s%s%s", amount,
                 c > 0 && c <= 8 ? " (kategori " : "", c > 0 && c <= 8 ? roman[c] : "",
                 c > 0 && c <= 8 ? ")" : "");
    }
    if (o->fine_only)
        snprintf(out, outsz, "hanya %s", fine[0] ? fine : "pidana denda");
    else
        snprintf(out, outsz, "%s%s%s%s%s", term[0] ? term : "pidana penjara", fine[0] ? " " : "",
                 fine[0] ? (o->connector && o->connector[0] ? o->connector : "dan") : "",
                 fine[0] ? " " : "", fine);
}
