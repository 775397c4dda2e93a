/* relground.c - see relground.h.  The order is the statute's. */
#include "relground.h"

#include <stdio.h>
#include <string.h>

/* clang-format off */
static const struct release_ground grounds[] = {
    {"kepentingan_terpenuhi",
     "kepentingan pemeriksaan sudah terpenuhi sehingga penahanan tidak diperlukan lagi",
     "KUHAP 24(3)"},
    {"masa_penahanan_habis",
     "masa penahanan telah habis sehingga tersangka harus dikeluarkan dari tahanan demi hukum",
     "KUHAP 24(4), 29(6)"},
    {"penyidikan_dihentikan",
     "penyidikan terhadap tersangka telah dihentikan (Surat Perintah Penghentian Penyidikan)",
     "KUHAP 109(2)"},
    {"putusan_praperadilan",
     "putusan praperadilan menyatakan penahanan terhadap tersangka tidak sah",
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

const char *release_ground_list(char *buf, size_t n)
{
    size_t used = 0;
    if (n)
        buf[0] = '\0';
    for (int i = 0; i < NGROUNDS && used < n; i++) {
        int w = snprintf(buf + used, n - used, "%s%s", i ? ", " : "", grounds[i].code);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    return buf;
}
