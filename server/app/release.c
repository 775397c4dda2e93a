/* release.c - see release.h. */
#include "release.h"

#include <string.h>

#include "extension.h"

/* Whether an SP3 stands on day: of the effective acts dated on or before it (without skip), in
 * the log's order, the last that stops or restarts the investigation is an SP3. */
static bool sp3_stands(const struct casefile *cf, struct caldate day, int skip)
{
    bool stands = false;
    for (int i = 0; i < cf->nevents; i++) {
        struct case_event e;
        if (i == skip || !evlog_effective(cf->ev, cf->nevents, i, &e) ||
            caldate_cmp(evlog_date(&e, cf->zone), day) > 0)
            continue;
        if (e.event == EV_SP3_ISSUED)
            stands = true;
        else if (e.event == EV_REOPENED || e.event == EV_SPRINDIK_ISSUED)
            stands = false;
    }
    return stands;
}

/* masa_penahanan_habis: held on day, his period ended on or before it. */
static bool period_ended(const struct casefile *cf, int suspect, struct caldate day, int skip,
                         const char *dd, struct berr *err)
{
    struct detention d;
    extension_held_on(cf, suspect, day, skip, &d);
    if (d.state != DET_DETAINED)
        return berr_field(err, BERR_UNPROCESSABLE, "ground",
                          "alasan masa_penahanan_habis ditolak: tersangka tidak sedang ditahan "
                          "pada %s menurut catatan perkara, tidak ada masa penahanan yang habis "
                          "(KUHAP 24(4), 29(6))",
                          dd);
    if (caldate_cmp(d.end, day) <= 0)
        return true;
    const struct ruleset *rs = ruleset_for_date(cf->rulesets, cf->nrulesets, day);
    char end[CALDATE_DATE_LEN];
    caldate_format(d.end, end, sizeof end);
    return berr_field(err, BERR_UNPROCESSABLE, "ground",
                      "alasan masa_penahanan_habis ditolak: masa %s berakhir %s, sesudah tanggal "
                      "pengeluaran %s (KUHAP 24(4), 29(6)); sebelum masa itu habis tersangka "
                      "dikeluarkan karena kepentingan pemeriksaan sudah terpenuhi "
                      "(kepentingan_terpenuhi, KUHAP 24(3)) atau alasan lain",
                      rs ? det_period_label(d.period, rs->regime) : "penahanan", end, dd);
}

bool release_ground_borne(const struct casefile *cf, int suspect, const char *ground,
                          struct caldate day, int skip, struct berr *err)
{
    char dd[CALDATE_DATE_LEN];
    caldate_format(day, dd, sizeof dd);
    if (!ground || suspect < 0)
        return true;
    if (strcmp(ground, "penyidikan_dihentikan") == 0 && !sp3_stands(cf, day, skip))
        return berr_field(err, BERR_UNPROCESSABLE, "ground",
                          "alasan penyidikan_dihentikan ditolak: tidak ada SP3 (Surat Perintah "
                          "Penghentian Penyidikan) yang berlaku pada atau sebelum %s menurut "
                          "catatan perkara; catat dahulu SP3-nya (sp3_issued, KUHAP 109(2))",
                          dd);
    if (strcmp(ground, "masa_penahanan_habis") == 0)
        return period_ended(cf, suspect, day, skip, dd, err);
    return true;
}
