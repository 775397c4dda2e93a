/* release.c - see release.h. */
#include "release.h"

#include <stdio.h>
#include <string.h>

#include "core/relground.h"
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

unsigned release_custody_on(const struct casefile *cf, int suspect, struct caldate day, int skip)
{
    if (suspect < 0)
        return 0;
    struct detention d;
    extension_held_on(cf, suspect, day, skip, &d);
    if (d.state == DET_ARRESTED)
        return RELC_ARREST;
    return d.state == DET_DETAINED || d.state == DET_SUSPENDED ? RELC_DETENTION : 0;
}

/* "2026-02-05 08.00 WIB": instant t on the office's clock. */
static void local_hour(const struct casefile *cf, int64_t t, char *buf, size_t n)
{
    struct caldate d = caldate_local_date(t, cf->zone);
    int64_t s = t - caldate_day_start(d, cf->zone);
    snprintf(buf, n, "%04d-%02d-%02d %02d.%02d %s", d.y, d.m, d.d, (int)(s / 3600),
             (int)(s % 3600 / 60), cf->zone->abbr);
}

/* masa_penangkapan_habis: under arrest at the release, its hours ended on or before it. */
static bool arrest_ended(const struct casefile *cf, int suspect, struct caldate day, int64_t at,
                         bool has_time, int skip, struct berr *err)
{
    struct detention d;
    extension_held_on(cf, suspect, day, skip, &d);
    if (d.arrest_ends_at <= at)
        return true;
    char ends[48], rel[48];
    local_hour(cf, d.arrest_ends_at, ends, sizeof ends);
    local_hour(cf, at, rel, sizeof rel);
    return berr_field(err, BERR_UNPROCESSABLE, "ground",
                      "alasan masa_penangkapan_habis ditolak: masa penangkapan tersangka "
                      "berakhir %s, sesudah saat pelepasan %s%s (KUHAP 19(1)); sebelum masa itu "
                      "habis tersangka dilepaskan karena penahanan tidak diperlukan "
                      "(tidak_perlu_ditahan) atau alasan lain",
                      ends, rel,
                      has_time ? "" : " (dicatat dengan tanggal saja: catat jamnya dengan at)");
}

/* A ground given for a custody it does not end: 422 naming the custody the file shows on dd and
 * the grounds that end it. */
static bool wrong_custody(const struct release_ground *g, unsigned custody, const char *dd,
                          struct berr *err)
{
    char fit[200];
    release_ground_list(custody, fit, sizeof fit);
    if (custody == RELC_ARREST)
        return berr_field(err, BERR_UNPROCESSABLE, "ground",
                          "alasan %s adalah alasan pengeluaran dari tahanan (%s), sedangkan pada "
                          "%s tersangka tidak sedang ditahan, melainkan dalam penangkapan menurut "
                          "catatan perkara; pelepasan dari penangkapan (KUHAP 19(1)) dengan "
                          "alasan: %s",
                          g->code, g->basis, dd, fit);
    return berr_field(err, BERR_UNPROCESSABLE, "ground",
                      "alasan %s adalah alasan pelepasan dari penangkapan (%s), sedangkan pada %s "
                      "tersangka ditahan menurut catatan perkara; pengeluaran tahanan (KUHAP "
                      "24(3)-(4)) dengan alasan: %s",
                      g->code, g->basis, dd, fit);
}

bool release_ground_borne(const struct casefile *cf, int suspect, const char *ground,
                          struct caldate day, int64_t at, bool has_time, int skip, struct berr *err)
{
    char dd[CALDATE_DATE_LEN];
    caldate_format(day, dd, sizeof dd);
    const struct release_ground *g = release_ground_find(ground);
    if (!g || suspect < 0)
        return true;
    unsigned custody = release_custody_on(cf, suspect, day, skip);
    if (custody && !release_ground_ends(g, custody))
        return wrong_custody(g, custody, dd, err);
    if (strcmp(ground, "penyidikan_dihentikan") == 0 && !sp3_stands(cf, day, skip))
        return berr_field(err, BERR_UNPROCESSABLE, "ground",
                          "alasan penyidikan_dihentikan ditolak: tidak ada SP3 (Surat Perintah "
                          "Penghentian Penyidikan) yang berlaku pada atau sebelum %s menurut "
                          "catatan perkara; catat dahulu SP3-nya (sp3_issued, KUHAP 109(2))",
                          dd);
    if (strcmp(ground, "masa_penahanan_habis") == 0)
        return period_ended(cf, suspect, day, skip, dd, err);
    if (strcmp(ground, "masa_penangkapan_habis") == 0 && custody == RELC_ARREST)
        return arrest_ended(cf, suspect, day, has_time ? at : caldate_day_start(day, cf->zone),
                            has_time, skip, err);
    if (strcmp(ground, "masa_penangkapan_habis") == 0)
        return berr_field(err, BERR_UNPROCESSABLE, "ground",
                          "alasan masa_penangkapan_habis ditolak: tersangka tidak dalam "
                          "penangkapan pada %s menurut catatan perkara, tidak ada masa "
                          "penangkapan yang habis (KUHAP 19(1))",
                          dd);
    return true;
}

const char *release_ground_words(const struct casefile *cf, int suspect, const char *ground,
                                 struct caldate day, int skip)
{
    const struct release_ground *g = release_ground_find(ground);
    if (!g)
        return NULL;
    unsigned custody = release_custody_on(cf, suspect, day, skip);
    const char *w = release_ground_text(g, custody ? custody : RELC_DETENTION);
    return w ? w
             : release_ground_text(g, g->custody & RELC_DETENTION ? RELC_DETENTION : RELC_ARREST);
}
