/* extension.c - see extension.h. */
#include "extension.h"

#include <stdio.h>
#include <string.h>

#include "core/guard.h"

/* A suspect's detention folded from his acts dated on or before a day. */
struct held {
    struct detention det;
    long long order_event, ext_event; /* see struct ext_ask */
    bool later;                       /* he is detained by an act dated after the day */
    struct caldate later_on;          /* the first such act's day */
};

/* Act i (effective e, dated on) applied to h under the rule set of its date without the
 * guards (as the case's state folds it); false when the detention machine does not take it. */
static bool fold_one(const struct casefile *cf, int i, const struct case_event *e,
                     struct caldate on, struct held *h)
{
    const struct ruleset *rs = ruleset_for_date(cf->rulesets, cf->nrulesets, on);
    struct detention_act act = {
        .event = e->event, .at = evlog_instant(e, cf->zone), .type = e->det_type, .days = e->days};
    struct detention before = h->det;
    if (!rs || !detention_apply(&before, &act, rs, cf->zone, NULL, &h->det, NULL))
        return false;
    if (e->event == EV_DETAINED) {
        h->order_event = cf->ev_id[i];
        h->ext_event = 0;
    } else if (e->event == EV_DETENTION_EXTENDED_PU || e->event == EV_DETENTION_EXTENDED_COURT) {
        h->ext_event = cf->ev_id[i];
    }
    return true;
}

/* h: suspect's detention after his effective acts dated on or before day, in the log's order,
 * without the act at log index skip (-1: none). */
static void fold_until(const struct casefile *cf, int suspect, struct caldate day, int skip,
                       struct held *h)
{
    memset(h, 0, sizeof *h);
    detention_init(&h->det);
    for (int i = 0; i < cf->nevents; i++) {
        struct case_event e;
        if (i == skip || !evlog_effective(cf->ev, cf->nevents, i, &e) || e.suspect != suspect ||
            !event_is_detention(e.event))
            continue;
        struct caldate on = evlog_date(&e, cf->zone);
        if (caldate_cmp(on, day) > 0) {
            if (!h->later && e.event == EV_DETAINED)
                h->later_on = on;
            h->later = h->later || e.event == EV_DETAINED;
            continue;
        }
        (void)fold_one(cf, i, &e, on, h);
    }
}

void extension_held_on(const struct casefile *cf, int suspect, struct caldate day, int skip,
                       struct detention *out)
{
    struct held h;
    fold_until(cf, suspect, day, skip, &h);
    *out = h.det;
}

bool extension_granted(const struct casefile *cf, long long event_id, struct ext_granted *out,
                       struct berr *err)
{
    memset(out, 0, sizeof *out);
    int k = casefile_event_index(cf, event_id);
    struct case_event e;
    if (k < 0 || !evlog_effective(cf->ev, cf->nevents, k, &e) ||
        (e.event != EV_DETENTION_EXTENDED_PU && e.event != EV_DETENTION_EXTENDED_COURT))
        return berr_field(err, BERR_UNPROCESSABLE, "event",
                          "peristiwa %lld bukan perpanjangan penahanan yang berlaku", event_id);
    struct held h;
    memset(&h, 0, sizeof h);
    detention_init(&h.det);
    bool applied = false;
    for (int i = 0; i <= k; i++) {
        struct case_event x;
        if (evlog_effective(cf->ev, cf->nevents, i, &x) && x.suspect == e.suspect &&
            event_is_detention(x.event))
            applied = fold_one(cf, i, &x, evlog_date(&x, cf->zone), &h);
    }
    if (!applied || h.ext_event != event_id)
        return berr_field(err, BERR_UNPROCESSABLE, "event",
                          "perpanjangan penahanan (peristiwa %lld) tidak berlaku atas penahanan "
                          "tersangka menurut catatan perkara",
                          event_id);
    out->court = e.event == EV_DETENTION_EXTENDED_COURT;
    out->period = h.det.period;
    out->days = h.det.period_days;
    out->from = h.det.start;
    out->until = h.det.end;
    out->order_event = h.order_event;
    return true;
}

/* The article of UU 8/1981 cited, or under UU 20/2025 the law by its title with the 1981
 * article whose numbers the rule set keeps (DOMAIN 9.2: Pasal 99-111 not confirmed). */
static const char *law(const struct ruleset *rs, const char *article, char *buf, size_t size)
{
    if (rs->regime == REGIME_KUHAP_1981)
        snprintf(buf, size, "KUHAP %s", article);
    else
        snprintf(buf, size, "UU 20/2025; aturan %s seperti KUHAP 1981 %s", rs->name, article);
    return buf;
}

/* Why no detention of the investigator's is in force on day dd (h not DET_DETAINED). */
static bool not_held(const struct held *h, const char *dd, struct berr *err)
{
    const char *why = "tersangka tidak pernah ditahan penyidik";
    char later[160];
    if (h->det.state == DET_RELEASED)
        why = "tersangka sudah dikeluarkan dari tahanan";
    else if (h->det.state == DET_SUSPENDED)
        why = "penahanan tersangka sedang ditangguhkan (KUHAP 31)";
    else if (h->det.state == DET_ARRESTED)
        why = "tersangka baru ditangkap, belum ditahan";
    if (h->det.state == DET_FREE && h->later) {
        char on[CALDATE_DATE_LEN];
        caldate_format(h->later_on, on, sizeof on);
        snprintf(later, sizeof later, "tersangka belum ditahan penyidik (penahanannya mulai %s)",
                 on);
        why = later;
    }
    return berr_field(
        err, BERR_UNPROCESSABLE, "dated",
        "permintaan perpanjangan penahanan bertanggal %s ditolak: %s pada hari itu; "
        "perpanjangan hanya diminta atas penahanan yang sedang berjalan (KUHAP 24(2))",
        dd, why);
}

/* The period in force ended before day dd: asked after it, nothing is left to extend. */
static bool lapsed(const struct detention *d, enum regime r, const char *dd, struct berr *err)
{
    char end[CALDATE_DATE_LEN];
    caldate_format(d->end, end, sizeof end);
    return berr_field(err, BERR_UNPROCESSABLE, "dated",
                      "permintaan perpanjangan penahanan bertanggal %s ditolak: masa %s berakhir "
                      "%s, sebelum tanggal surat; perpanjangan diminta sebelum masa penahanan yang "
                      "diperpanjang berakhir (KUHAP 24(2)), sesudahnya tersangka dikeluarkan",
                      dd, det_period_label(d->period, r), end);
}

/* Every extension of the stage granted, or none left within its limit. */
static bool used_up(const struct detention *d, const struct ruleset *rs, struct berr *err)
{
    char end[CALDATE_DATE_LEN], basis[120];
    caldate_format(d->end, end, sizeof end);
    return berr_field(
        err, BERR_UNPROCESSABLE, "party",
        "tidak ada lagi perpanjangan penahanan tingkat penyidikan yang dapat diminta menurut "
        "aturan %s (penyidik %d hari, Penuntut Umum %d hari, Ketua PN %d x %d hari; %s): masa "
        "penahanan berakhir %s, sesudahnya tersangka dikeluarkan demi hukum",
        rs->name, rs->detention_days.value, rs->detention_ext_pu_days.value,
        rs->detention_ext_court_count.value, rs->detention_ext_court_days.value,
        law(rs, "24(4), 29(6)", basis, sizeof basis), end);
}

/* KUHAP 29(1): the Ketua PN extends only for a severe disorder (huruf a) or an offence
 * punishable by court_ext_min_years or more (huruf b); the ground into a->ground. */
static bool court_ground(const struct casefile *cf, int suspect, struct caldate day,
                         const struct ruleset *rs, bool illness, struct ext_ask *a,
                         struct berr *err)
{
    struct case_facts f;
    struct missing m = {0};
    casefile_facts(cf, suspect, day, &f);
    if (guard_court_extension(&f, &m)) {
        a->ground = 'b';
        return true;
    }
    f.severe_illness = illness;
    missing_clear(&m);
    if (illness && guard_court_extension(&f, &m)) {
        a->ground = 'a';
        return true;
    }
    char basis[120];
    return berr_field(err, BERR_UNPROCESSABLE, "illness",
                      "perpanjangan oleh Ketua Pengadilan Negeri (%s) hanya bila tersangka "
                      "menderita gangguan fisik atau mental yang berat (surat keterangan dokter: "
                      "param illness) atau tindak pidana yang disangkakan diancam pidana penjara "
                      "%d tahun atau lebih; pasal yang disangkakan kepadanya diancam paling lama "
                      "%d bulan",
                      law(rs, "29(1)", basis, sizeof basis), rs->court_ext_min_years.value,
                      f.max_prison_months);
}

/* To whom and for how long at most, from the period in force (d in force on day). */
static bool next_step(const struct casefile *cf, int suspect, struct caldate day,
                      const struct detention *d, const struct ruleset *rs, bool illness,
                      struct ext_ask *a, struct berr *err)
{
    int limit = rs->detention_days.value + rs->detention_ext_pu_days.value;
    if (d->period == DETP_INVESTIGATOR) {
        a->max_days = rs->detention_ext_pu_days.value;
    } else if ((d->period == DETP_PU || d->period == DETP_COURT_1) &&
               d->court_extensions < rs->detention_ext_court_count.value) {
        if (!court_ground(cf, suspect, day, rs, illness, a, err))
            return false;
        a->to_court = true;
        a->max_days = rs->detention_ext_court_days.value;
        limit += rs->detention_ext_court_days.value * rs->detention_ext_court_count.value;
    } else {
        return used_up(d, rs, err);
    }
    /* all together within the stage's limit, less the days served before (KUHAP 24(4)) */
    int room = limit - d->days_served - d->days_granted;
    if (room < a->max_days)
        a->max_days = room;
    return a->max_days >= 1 || used_up(d, rs, err);
}

bool extension_ask(const struct casefile *cf, int suspect, struct caldate day, int days_given,
                   bool illness, struct ext_ask *out, struct berr *err)
{
    struct held h;
    char dd[CALDATE_DATE_LEN];
    memset(out, 0, sizeof *out);
    caldate_format(day, dd, sizeof dd);
    fold_until(cf, suspect, day, -1, &h);
    const struct detention *d = &h.det;
    if (d->state != DET_DETAINED)
        return not_held(&h, dd, err);
    const struct ruleset *rs = ruleset_for_date(cf->rulesets, cf->nrulesets, day);
    if (!rs)
        return berr_field(err, BERR_UNPROCESSABLE, "dated", "tidak ada aturan yang berlaku pada %s",
                          dd);
    if (caldate_day_start(day, cf->zone) >= detention_expires_at(d))
        return lapsed(d, rs->regime, dd, err);
    if (!next_step(cf, suspect, day, d, rs, illness, out, err))
        return false;
    if (days_given > out->max_days)
        return berr_field(err, BERR_UNPROCESSABLE, "days",
                          "lama perpanjangan %d hari melebihi yang dapat diminta: paling lama %d "
                          "hari (aturan %s)",
                          days_given, out->max_days, rs->name);
    out->period = d->period;
    out->period_days = d->period_days;
    out->start = d->start;
    out->end = d->end;
    out->days = days_given > 0 ? days_given : out->max_days;
    out->from = caldate_add(d->end, 1);
    out->until = caldate_add(out->from, out->days - 1);
    out->order_event = h.order_event;
    out->ext_event = h.ext_event;
    return true;
}
