/* relground.c - see relground.h.  The order is the statute's. */
#include "relground.h"

#include <stdio.h>
#include <string.h>

#define BOTH (RELC_ARREST | RELC_DETENTION)

/* clang-format off */
static const struct release_ground grounds[] = {
    {"kepentingan_terpenuhi", RELC_DETENTION,
     "kepentingan pemeriksaan sudah terpenuhi sehingga penahanan tidak diperlukan lagi",
     NULL,
     "KUHAP 24(3)"},
    {"masa_penahanan_habis", RELC_DETENTION,
     "masa penahanan telah habis sehingga tersangka harus dikeluarkan dari tahanan demi hukum",
     NULL,
     "KUHAP 24(4), 29(6)"},
    {"masa_penangkapan_habis", RELC_ARREST,
     NULL,
     "masa penangkapan telah habis sehingga tersangka harus dilepaskan demi hukum",
     "KUHAP 19(1)"},
    {"tidak_perlu_ditahan", RELC_ARREST,
     NULL,
     "berdasarkan hasil pemeriksaan tersangka tidak perlu ditahan",
     "KUHAP 19(1), 21(1), 21(4); UU 6/2011 Pasal 109"},
    {"penyidikan_dihentikan", BOTH,
     "penyidikan terhadap tersangka telah dihentikan (Surat Perintah Penghentian Penyidikan)",
     "penyidikan terhadap tersangka telah dihentikan (Surat Perintah Penghentian Penyidikan)",
     "KUHAP 109(2)"},
    {"putusan_praperadilan", BOTH,
     "putusan praperadilan menyatakan penahanan terhadap tersangka tidak sah",
     "putusan praperadilan menyatakan penangkapan terhadap tersangka tidak sah",
     "KUHAP 77 huruf a, 82(3) huruf a"},
};
/* clang-format on */

#define NGROUNDS ((int)(sizeof grounds / sizeof grounds[0]))

int release_ground_count(void)
{
    return NGROUNDS;
}

const struct release_ground *release_ground_at(int i)
{
    return i >= 0 && i < NGROUNDS ? &grounds[i] : NULL;
}

const struct release_ground *release_ground_find(const char *code)
{
    if (!code)
        return NULL;
    for (int i = 0; i < NGROUNDS; i++)
        if (strcmp(grounds[i].code, code) == 0)
            return &grounds[i];
    return NULL;
}

bool release_ground_ends(const struct release_ground *g, unsigned custody)
{
    return g && (g->custody & custody) != 0;
}

const char *release_ground_text(const struct release_ground *g, unsigned custody)
{
    if (!release_ground_ends(g, custody))
        return NULL;
    return custody == RELC_ARREST ? g->arrest_text : g->text;
}

const char *release_ground_list(unsigned custody, char *buf, size_t n)
{
    size_t used = 0;
    if (n)
        buf[0] = '\0';
    for (int i = 0; i < NGROUNDS && used < n; i++) {
        if (!(grounds[i].custody & custody))
            continue;
        int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", grounds[i].code);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

const char *release_custody_word(unsigned custody)
{
    return custody == RELC_ARREST ? "penangkapan" : "penahanan";
}

const char *release_act_label(const char *custody)
{
    return custody && strcmp(custody, "penangkapan") == 0 ? "Pelepasan dari penangkapan" : NULL;
}
