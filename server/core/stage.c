/* stage.c - see stage.h.  One row per stage, in enum order. */
#include "stage.h"

#include <string.h>

static const struct {
    const char *code;
    const char *label;
    const char *basis;
    bool terminal;
} stages[ST__COUNT] = {
    [ST_PRE_INVESTIGATION] = {"pre_investigation", "Prapenyidikan", "Permenkumham 39/2021", false},
    [ST_INVESTIGATION] = {"investigation", "Penyidikan", "KUHAP 1 angka 2, 109(1)", false},
    [ST_WITH_PROSECUTOR] = {"with_prosecutor", "Penelitian berkas (Tahap I)",
                            "KUHAP 110(1), 138(1)", false},
    [ST_RETURNED] = {"returned", "Dikembalikan (P-19)", "KUHAP 110(2)-(3), 138(2)", false},
    [ST_COMPLETE] = {"complete", "Lengkap (P-21)", "KUHAP 110(4), 138(1)", false},
    [ST_HANDED_OVER] = {"handed_over", "Tahap II selesai", "KUHAP 8(3)(b); UU 6/2011 Pasal 110",
                        true},
    [ST_LAPSED] = {"lapsed", "Berkas dikembalikan, penyidikan terhenti",
                   "Surat JAM Pidum B-1310/E/EJP/05/2022", false},
    [ST_TERMINATED] = {"terminated", "Dihentikan (SP3)", "KUHAP 109(2); UU 20/2025 Pasal 24",
                       false},
    [ST_ADMINISTRATIVE] = {"administrative", "Tindakan administratif (TAK)", "UU 6/2011 Pasal 75",
                           true},
    [ST_DISMISSED] = {"dismissed", "Tidak dilanjutkan", "Permenkumham 39/2021", true},
};

bool stage_valid(enum stage s)
{
    return (int)s >= 0 && s < ST__COUNT;
}

const char *stage_code(enum stage s)
{
    return stage_valid(s) ? stages[s].code : "";
}

const char *stage_label(enum stage s)
{
    return stage_valid(s) ? stages[s].label : "";
}

const char *stage_label_of(enum stage s, bool short_procedure)
{
    return s == ST_HANDED_OVER && short_procedure ? STAGE_SHORT_HANDED_OVER_LABEL : stage_label(s);
}

const char *stage_basis(enum stage s)
{
    return stage_valid(s) ? stages[s].basis : "";
}

bool stage_terminal(enum stage s)
{
    return stage_valid(s) && stages[s].terminal;
}

bool stage_lookup(const char *code, enum stage *out)
{
    if (!code)
        return false;
    for (int i = 0; i < ST__COUNT; i++)
        if (strcmp(stages[i].code, code) == 0) {
            *out = (enum stage)i;
            return true;
        }
    return false;
}
