/* oath.c - see oath.h. */
#include "oath.h"

#include <stdio.h>

#include "core/evlog.h"

/* In the log's first n acts: whether the BAP tersangka b (as it stands: *x) of suspect s has a
 * standing oath of his interpreter dated on or before it (evlog_interpreted's rule). */
static bool sworn_before(const struct casefile *cf, int n, const struct case_event *x, int s)
{
    struct case_event o;
    for (int k = 0; k < n; k++)
        if (evlog_effective(cf->ev, n, k, &o) && o.event == EV_INTERPRETER_SWORN &&
            o.suspect == s &&
            (o.has_time && x->has_time
                 ? o.at <= x->at
                 : caldate_cmp(evlog_date(&o, cf->zone), evlog_date(x, cf->zone)) <= 0))
            return true;
    return false;
}

/* The first standing BAP tersangka of suspect s that had its oath before the log's last act
 * and has none after it, or -1. */
static int unsworn_now(const struct casefile *cf, int s)
{
    int n = cf->nevents;
    struct case_event was, now;
    for (int b = 0; b < n - 1; b++)
        if (cf->ev[b].event == EV_BAP_RECORDED && evlog_effective(cf->ev, n, b, &now) &&
            now.bap == BAP_TERSANGKA && now.suspect == s &&
            evlog_effective(cf->ev, n - 1, b, &was) && sworn_before(cf, n - 1, &was, s) &&
            !sworn_before(cf, n, &now, s))
            return b;
    return -1;
}

/* The refusal: the correction of oath k leaves BAP b of its suspect without an oath before it. */
static bool refuse_unsworn(const struct casefile *cf, int k, int b, bool withdrawn, bool timed,
                           struct event_outcome *out, struct berr *err)
{
    int n = cf->nevents;
    struct case_event o, x;
    if (!evlog_effective(cf->ev, n, k, &o))
        evlog_effective(cf->ev, n - 1, k, &o); /* as it stood when withdrawn */
    evlog_effective(cf->ev, n, b, &x);
    char od[CALDATE_DATE_LEN], bd[CALDATE_DATE_LEN];
    caldate_format(evlog_date(&o, cf->zone), od, sizeof od);
    caldate_format(evlog_date(&x, cf->zone), bd, sizeof bd);
    long long oid = cf->ev_id[k], bid = cf->ev_id[b];
    out->extra = json_pack("{s:{s:I, s:s, s:s}, s:{s:I, s:s, s:s}, s:s}", "act", "id",
                           (json_int_t)bid, "type", event_code(EV_BAP_RECORDED), "date", bd,
                           "depends_on", "id", (json_int_t)oid, "type",
                           event_code(EV_INTERPRETER_SWORN), "date", od, "basis", "KUHAP 53, 177");
    if (withdrawn) {
        out->problem_type = "dependent-act";
        return berr_field(err, BERR_UNPROCESSABLE, "corrects",
                          "sumpah penerjemah (peristiwa %lld, %s) tidak dapat ditarik: BAP "
                          "tersangka (peristiwa %lld, %s) diperiksa melalui penerjemah yang "
                          "disumpah itu (KUHAP 53, 177); tarik dulu BAP tersangka itu (peristiwa "
                          "%lld)",
                          oid, od, bid, bd, bid);
    }
    out->problem_type = "date-order";
    return berr_field(err, BERR_UNPROCESSABLE, timed ? "at" : "date",
                      "Koreksi ini membuat BAP tersangka (peristiwa %lld, %s) tidak lagi didahului "
                      "sumpah penerjemahnya (peristiwa %lld, %s): penerjemah disumpah sebelum "
                      "pemeriksaan (KUHAP 53, 177); koreksi sumpah itu menyebut tersangkanya "
                      "(party_id) dan saat sebelum pemeriksaan",
                      bid, bd, oid, od);
}

/* Whether the BAP x (as it stands in the log's first n acts) is a suspect's examination that
 * needs an interpreter and has no oath of his before it. */
static bool bap_unsworn(const struct casefile *cf, int n, const struct case_event *x)
{
    int s = x->suspect;
    return x->event == EV_BAP_RECORDED && x->bap == BAP_TERSANGKA && s >= 0 && s < cf->nsuspects &&
           cf->suspect_interpreted && cf->suspect_interpreted[s] && !sworn_before(cf, n, x, s);
}

/* The correction of BAP k leaves it without the oath it had (re-dated before it, or restated
 * as another suspect's who has none): refused as recording it so would be (guard_bap). */
static bool bap_kept_sworn(const struct casefile *cf, int k, bool timed, struct event_outcome *out,
                           struct berr *err)
{
    int n = cf->nevents;
    struct case_event was, now;
    if (!evlog_effective(cf->ev, n, k, &now) || !bap_unsworn(cf, n, &now))
        return true;
    /* a BAP without its oath before the correction is not the correction's doing */
    if (evlog_effective(cf->ev, n - 1, k, &was) && bap_unsworn(cf, n - 1, &was))
        return true;
    char bd[CALDATE_DATE_LEN];
    caldate_format(evlog_date(&now, cf->zone), bd, sizeof bd);
    long long bid = cf->ev_id[k];
    out->problem_type = "date-order";
    out->extra = json_pack("{s:{s:I, s:s, s:s}, s:s}", "act", "id", (json_int_t)bid, "type",
                           event_code(EV_BAP_RECORDED), "date", bd, "basis", "KUHAP 53, 177");
    return berr_field(err, BERR_UNPROCESSABLE, timed ? "at" : "date",
                      "Koreksi ini membuat BAP tersangka (peristiwa %lld, %s) tidak didahului "
                      "sumpah penerjemah tersangkanya: tersangka yang tidak menguasai bahasa "
                      "Indonesia diperiksa melalui penerjemah yang disumpah sebelum pemeriksaan "
                      "(KUHAP 53, 177); catat dulu sumpah penerjemahnya, atau koreksi ke saat "
                      "sesudah sumpah itu",
                      bid, bd);
}

bool oath_links_kept(const struct casefile *cf, bool timed, struct event_outcome *out,
                     struct berr *err)
{
    int n = cf->nevents, k = n - 1;
    while (k >= 0 && cf->ev[k].event == EV_CORRECTED)
        k = cf->ev[k].ref;
    if (k >= 0 && cf->ev[k].event == EV_BAP_RECORDED && cf->suspect_interpreted)
        return bap_kept_sworn(cf, k, timed, out, err);
    if (k < 0 || cf->ev[k].event != EV_INTERPRETER_SWORN || !cf->suspect_interpreted)
        return true;
    struct case_event before;
    if (!evlog_effective(cf->ev, n - 1, k, &before))
        return true;
    /* the suspect it was sworn for as it stood (a correction may name another party) */
    int s = before.suspect;
    if (s < 0 || s >= cf->nsuspects || !cf->suspect_interpreted[s])
        return true;
    int b = unsworn_now(cf, s);
    if (b < 0)
        return true;
    struct case_event now;
    return refuse_unsworn(cf, k, b, !evlog_effective(cf->ev, n, k, &now), timed, out, err);
}
