/* permit.c - see permit.h. */
#include "permit.h"

#include <stdio.h>
#include <string.h>

#include "validate.h"

const char *permit_purpose(enum event act)
{
    return act == EV_SEARCH_DONE ? "penggeledahan" : act == EV_SEIZURE_DONE ? "penyitaan" : "";
}

/* The stored text of act i's payload under key, or "". */
static const char *stored(const struct casefile *cf, int i, const char *key)
{
    const char *s = json_string_value(json_object_get(cf->ev_payload[i], key));
    return s ? s : "";
}

static bool mismatch(struct event_outcome *out, struct berr *err, const char *field,
                     const char *msg)
{
    out->problem_type = "permit-mismatch";
    return berr_field(err, BERR_UNPROCESSABLE, field, "%s", msg);
}

/* Whether act k (effective: e) is dated after the act being recorded. */
static bool dated_after(const struct casefile *cf, const struct case_event *e, struct caldate date,
                        int64_t at, bool has_time)
{
    if (e->has_time && has_time)
        return e->at > at;
    return caldate_cmp(evlog_date(e, cf->zone), date) > 0;
}

/* The act an id names in this case, as it stands: its log index, or -1 (another case's, none,
 * a correction, or withdrawn). */
static int act_named(const struct casefile *cf, long long id, struct case_event *e)
{
    int k = casefile_event_index(cf, id);
    if (k < 0 || !evlog_effective(cf->ev, cf->nevents, k, e))
        return -1;
    return k;
}

/* A search or seizure: done under an izin of its purpose dated on or before it, or urgent. */
static bool check_basis(const struct casefile *cf, enum event as, const struct event_input *in,
                        struct caldate date, int64_t at, bool has_time, struct event_outcome *out,
                        struct berr *err)
{
    const char *purpose = permit_purpose(as);
    const char *article = as == EV_SEARCH_DONE ? "KUHAP 33(1)" : "KUHAP 38(1)";
    const char *urgent = as == EV_SEARCH_DONE ? "KUHAP 34" : "KUHAP 38(2)";
    char msg[400];
    if (in->permit_act && in->urgent_reason)
        return berr_field(err, BERR_BAD_INPUT, "permit_act",
                          "%s dengan izin Ketua PN (permit_act) atau dalam keadaan mendesak "
                          "(urgent_reason), tidak keduanya",
                          purpose);
    if (!in->permit_act && !in->urgent_reason) {
        out->problem_type = "permit-missing";
        out->fields = json_pack("[s, s]", "permit_act", "urgent_reason");
        return berr_field(err, BERR_UNPROCESSABLE, "permit_act",
                          "%s tanpa izin Ketua Pengadilan Negeri: sebutkan Penetapan izin %s "
                          "(permit_act, %s) atau alasan keadaan sangat perlu dan mendesak "
                          "(urgent_reason, %s; persetujuan Ketua PN lalu dimintakan segera)",
                          purpose, purpose, article, urgent);
    }
    if (!in->permit_act)
        return true;
    struct case_event e;
    int k = act_named(cf, in->permit_act, &e);
    if (k < 0 || e.event != EV_COURT_PERMIT_RECEIVED) {
        snprintf(msg, sizeof msg,
                 "permit_act %lld bukan Penetapan Ketua PN (court_permit_received) perkara ini "
                 "yang berlaku",
                 in->permit_act);
        return mismatch(out, err, "permit_act", msg);
    }
    if (strcmp(stored(cf, k, "permit_kind"), "izin") != 0) {
        snprintf(msg, sizeof msg,
                 "Penetapan %lld adalah persetujuan atas tindakan mendesak, bukan izin %s "
                 "sebelum tindakan (%s)",
                 in->permit_act, purpose, article);
        return mismatch(out, err, "permit_act", msg);
    }
    if (strcmp(stored(cf, k, "permit_for"), purpose) != 0) {
        snprintf(msg, sizeof msg, "Penetapan %lld adalah izin %.20s, bukan izin %s (%s)",
                 in->permit_act, stored(cf, k, "permit_for"), purpose, article);
        return mismatch(out, err, "permit_act", msg);
    }
    if (dated_after(cf, &e, date, at, has_time)) {
        char on[CALDATE_DATE_LEN];
        caldate_format(evlog_date(&e, cf->zone), on, sizeof on);
        snprintf(msg, sizeof msg,
                 "izin %s %lld bertanggal %s, sesudah %s ini: izin mendahului "
                 "tindakan (%s)",
                 purpose, in->permit_act, on, purpose, article);
        return mismatch(out, err, "permit_act", msg);
    }
    return true;
}

/* The persetujuan already recorded for act k, or -1. */
static int approved_by(const struct casefile *cf, int k)
{
    struct case_event e;
    for (int i = k + 1; i < cf->nevents; i++)
        if (cf->ev[i].event == EV_COURT_PERMIT_RECEIVED && cf->ev[i].ref == k &&
            evlog_effective(cf->ev, cf->nevents, i, &e))
            return i;
    return -1;
}

/* A persetujuan approves an urgent act of its purpose, dated on or before it, once. */
static bool check_approves(const struct casefile *cf, const struct event_input *in,
                           const char *purpose, struct caldate date, int64_t at, bool has_time,
                           struct event_outcome *out, struct berr *err)
{
    char msg[400];
    struct case_event e;
    int k = act_named(cf, in->approves, &e);
    if (k < 0 || (e.event != EV_SEARCH_DONE && e.event != EV_SEIZURE_DONE)) {
        snprintf(msg, sizeof msg,
                 "approves %lld bukan penggeledahan atau penyitaan perkara ini yang berlaku",
                 in->approves);
        return mismatch(out, err, "approves", msg);
    }
    if (strcmp(permit_purpose(e.event), purpose) != 0) {
        snprintf(msg, sizeof msg, "persetujuan %s tidak menyetujui %s (peristiwa %lld)", purpose,
                 permit_purpose(e.event), in->approves);
        return mismatch(out, err, "approves", msg);
    }
    if (!e.urgent) {
        snprintf(msg, sizeof msg,
                 "%s %lld tidak dicatat sebagai tindakan mendesak (urgent_reason): tidak ada "
                 "persetujuan yang terutang",
                 permit_purpose(e.event), in->approves);
        return mismatch(out, err, "approves", msg);
    }
    if (dated_after(cf, &e, date, at, has_time)) {
        snprintf(msg, sizeof msg, "persetujuan bertanggal sebelum %s yang disetujuinya (%lld)",
                 purpose, in->approves);
        return mismatch(out, err, "approves", msg);
    }
    int first = approved_by(cf, k);
    if (first >= 0)
        return berr_field(err, BERR_CONFLICT, "approves",
                          "%s %lld sudah disetujui Ketua PN (peristiwa %lld)", purpose,
                          in->approves, cf->ev_id[first]);
    return true;
}

/* The Penetapan: izin or persetujuan, for penggeledahan or penyitaan, its number; a
 * persetujuan names the urgent act it approves. */
static bool check_penetapan(const struct casefile *cf, const struct event_input *in,
                            struct caldate date, int64_t at, bool has_time,
                            struct event_outcome *out, struct berr *err)
{
    bool izin = in->permit_kind && strcmp(in->permit_kind, "izin") == 0;
    bool persetujuan = in->permit_kind && strcmp(in->permit_kind, "persetujuan") == 0;
    if (!izin && !persetujuan)
        return berr_field(err, BERR_BAD_INPUT, "permit_kind",
                          "permit_kind: izin (sebelum tindakan, KUHAP 33(1), 38(1)) atau "
                          "persetujuan (atas tindakan mendesak, KUHAP 34, 38(2))");
    const char *purpose = in->permit_for && (strcmp(in->permit_for, "penggeledahan") == 0 ||
                                             strcmp(in->permit_for, "penyitaan") == 0)
                              ? in->permit_for
                              : NULL;
    if (!purpose)
        return berr_field(err, BERR_BAD_INPUT, "permit_for",
                          "permit_for: penggeledahan atau "
                          "penyitaan");
    if (!in->number || validate_blank(in->number))
        return berr_field(err, BERR_BAD_INPUT, "number",
                          "Penetapan Ketua PN perlu nomornya (number)");
    if (izin && in->approves)
        return berr_field(err, BERR_BAD_INPUT, "approves",
                          "approves hanya untuk persetujuan atas tindakan mendesak; izin "
                          "mendahului tindakannya (tindakan itu menyebutnya dengan permit_act)");
    if (persetujuan && !in->approves)
        return berr_field(err, BERR_BAD_INPUT, "approves",
                          "persetujuan perlu approves: id penggeledahan atau penyitaan mendesak "
                          "yang disetujui");
    return !persetujuan || check_approves(cf, in, purpose, date, at, has_time, out, err);
}

bool permit_check(const struct casefile *cf, enum event ev, enum event as,
                  const struct event_input *in, struct caldate date, int64_t at, bool has_time,
                  struct event_outcome *out, struct berr *err)
{
    if (ev == EV_CORRECTED && in->withdraws)
        return true;
    if (as == EV_SEARCH_DONE || as == EV_SEIZURE_DONE)
        return check_basis(cf, as, in, date, at, has_time, out, err);
    if (as != EV_COURT_PERMIT_RECEIVED)
        return true;
    /* a correction of a Penetapan re-dates or renumbers it: what it is stays (evfields.def) */
    if (ev == EV_CORRECTED)
        return !in->number || !validate_blank(in->number) ||
               berr_field(err, BERR_BAD_INPUT, "number", "number tidak boleh kosong");
    return check_penetapan(cf, in, date, at, has_time, out, err);
}
