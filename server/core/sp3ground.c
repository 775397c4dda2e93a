/* sp3ground.c - see sp3ground.h.  The list is the statute's; its order is
 * the order the statute names the grounds in. */
#include "sp3ground.h"

#include <string.h>

/* clang-format off */
static const struct sp3_ground grounds[] = {
    {"tidak_cukup_bukti", "tidak terdapat cukup bukti",
     "KUHAP 109(2); UU 20/2025 Pasal 24", true, true},
    {"bukan_tindak_pidana", "peristiwa tersebut ternyata bukan merupakan tindak pidana",
     "KUHAP 109(2); UU 20/2025 Pasal 24", true, true},
    {"demi_hukum_nebis_in_idem",
     "penyidikan dihentikan demi hukum karena perkara yang sama telah diputus dengan putusan "
     "yang berkekuatan hukum tetap (nebis in idem)",
     "KUHAP 109(2) jo. KUHP 76; UU 20/2025 Pasal 24", true, true},
    {"demi_hukum_meninggal_dunia",
     "penyidikan dihentikan demi hukum karena tersangka meninggal dunia",
     "KUHAP 109(2) jo. KUHP 77; UU 20/2025 Pasal 24", true, true},
    {"demi_hukum_kedaluwarsa", "penyidikan dihentikan demi hukum karena perkara telah kedaluwarsa",
     "KUHAP 109(2) jo. KUHP 78; UU 20/2025 Pasal 24", true, true},
    {"demi_hukum_pengaduan_dicabut",
     "penyidikan dihentikan demi hukum karena pengaduan telah dicabut",
     "KUHAP 109(2) jo. KUHP 75; UU 20/2025 Pasal 24", true, true},
    {"keadilan_restoratif", "telah tercapai penyelesaian perkara berdasarkan keadilan restoratif",
     "UU 20/2025 Pasal 24", false, true},
    {"denda_kategori_ii",
     "tersangka telah membayar denda paling banyak untuk tindak pidana yang hanya diancam pidana "
     "denda paling banyak kategori II",
     "UU 20/2025 Pasal 24", false, true},
    {"denda_kategori_iv",
     "tersangka telah membayar denda paling banyak kategori IV untuk tindak pidana yang diancam "
     "pidana penjara paling lama 1 (satu) tahun atau pidana denda paling banyak kategori III",
     "UU 20/2025 Pasal 24", false, true},
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
