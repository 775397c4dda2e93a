/* permit.c - see permit.h. */
#include "permit.h"

#include <stdio.h>
#include <string.h>

#include "core/ruleset.h"
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

/* Whether the Penetapan at log index k is the Ketua PN's refusal (decision ditolak). */
static bool refusal(const struct casefile *cf, int k)
{
    return strcmp(stored(cf, k, "decision"), PERMIT_REFUSED) == 0;
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

/* The act a (chain of) correction(s) at log index i stands for. */
static int root_of(const struct casefile *cf, int i)
{
    while (i >= 0 && cf->ev[i].event == EV_CORRECTED)
        i = cf->ev[i].ref;
    return i;
}

/* The basis a search or seizure at log index j stands on in the log's first n acts: the last
 * of its record and its corrections that states one (check_basis) - its permit_act (*permit:
 * the izin's log index, or -1 if not in the log) or its urgency; false if none states one (an
 * act recorded before the rule, corrected only clerically since). */
static bool basis_of(const struct casefile *cf, int n, int j, int *permit)
{
    *permit = -1;
    for (int t = n - 1; t >= j; t--) {
        if (t != j &&
            (cf->ev[t].event != EV_CORRECTED || cf->ev[t].withdraws || root_of(cf, t) != j))
            continue;
        long long id = json_integer_value(json_object_get(cf->ev_payload[t], "permit_act"));
        if (id) {
            *permit = casefile_event_index(cf, id);
            return true;
        }
        if (json_object_get(cf->ev_payload[t], "urgent_reason"))
            return true;
    }
    return false;
}

/* The izin a search or seizure at log index j stands on in the first n acts, or -1. */
static int permit_of(const struct casefile *cf, int n, int j)
{
    int permit;
    basis_of(cf, n, j, &permit);
    return permit;
}

/* A correction of a search or seizure recorded before the rule (no basis stated since) that
 * states none and leaves the act on its date: a clerical correction (its number, its place)
 * does not change the act's legal basis, so the basis is not asked of it (as an SP3's ground
 * is not re-checked on a correction not sending it); moving the act is a new assertion of when
 * it was done, and needs the basis then. */
static bool clerical(const struct casefile *cf, enum event ev, const struct event_input *in,
                     struct caldate date, int64_t at, bool has_time)
{
    if (ev != EV_CORRECTED || in->withdraws || in->permit_act || in->urgent_reason)
        return false;
    int k = root_of(cf, casefile_event_index(cf, in->corrects)), permit;
    struct case_event e;
    if (k < 0 || basis_of(cf, cf->nevents, k, &permit) ||
        !evlog_effective(cf->ev, cf->nevents, k, &e))
        return false;
    if (caldate_cmp(evlog_date(&e, cf->zone), date) != 0)
        return false;
    return !has_time || (e.has_time && e.at == at);
}

/* The law a search or seizure dated `date` is cited by, by the regime of that date (DOMAIN 9.1:
 * UU 8/1981 until 1 January 2026, UU 20/2025 from the 2nd).  UU 20/2025's articles are known
 * only as the press reports them (DOMAIN 4.9, 9.1: seizure permit "Pasal 44", sources
 * conflicting); the rest is said to be unconfirmed rather than cited from the repealed code. */
struct permit_law {
    const char *permit; /* the izin before the act */
    const char *urgent; /* the act in urgency, its persetujuan after */
};

static struct permit_law law_of(const struct casefile *cf, enum event act, struct caldate date)
{
    const struct ruleset *rs = ruleset_for_date(cf->rulesets, cf->nrulesets, date);
    bool search = act == EV_SEARCH_DONE;
    if (rs && rs->regime == REGIME_KUHAP_2025)
        return (struct permit_law){
            search ? "UU 20/2025; pasal izin penggeledahan belum dipastikan"
                   : "UU 20/2025 Pasal 44, sebagaimana dilaporkan; belum dipastikan",
            search ? "UU 20/2025; pasal penggeledahan mendesak belum dipastikan"
                   : "UU 20/2025; pasal penyitaan mendesak belum dipastikan"};
    return (struct permit_law){search ? "KUHAP 1981 Pasal 33(1)" : "KUHAP 1981 Pasal 38(1)",
                               search ? "KUHAP 1981 Pasal 34" : "KUHAP 1981 Pasal 38(2)"};
}

/* A search or seizure: done under an izin of its purpose dated on or before it, or urgent. */
static bool check_basis(const struct casefile *cf, enum event as, const struct event_input *in,
                        struct caldate date, int64_t at, bool has_time, struct event_outcome *out,
                        struct berr *err)
{
    const char *purpose = permit_purpose(as);
    struct permit_law law = law_of(cf, as, date);
    const char *article = law.permit, *urgent = law.urgent;
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
    if (refusal(cf, k)) {
        snprintf(msg, sizeof msg,
                 "Penetapan %lld adalah penolakan Ketua PN (decision ditolak), bukan izin: %s "
                 "tidak dapat dilakukan berdasarkan penolakan (%s)",
                 in->permit_act, purpose, article);
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
                          "%s %lld sudah %s Ketua PN (peristiwa %lld)", purpose, in->approves,
                          refusal(cf, first) ? "ditolak persetujuannya oleh" : "disetujui",
                          cf->ev_id[first]);
    return true;
}

/* The report of urgent act k to the Ketua PN already recorded, or -1. */
static int reported_by(const struct casefile *cf, int k)
{
    struct case_event e;
    for (int i = k + 1; i < cf->nevents; i++)
        if (cf->ev[i].event == EV_LETTER_DELIVERED && cf->ev[i].ref == k &&
            evlog_effective(cf->ev, cf->nevents, i, &e))
            return i;
    return -1;
}

/* KUHAP 34, 38(2): the investigator reports an urgent search or seizure to the Ketua PN
 * "segera" for his approval (DOMAIN 4.9, D8): a letter_delivered to ketua_pn_persetujuan names
 * (approves) the urgent act of this case it reports, standing, dated on or before the letter,
 * once, and not one the Ketua PN has already approved.  Its recipient and approves go
 * together; a correction keeps approves (evfields.def) and may not send another recipient. */
static bool check_report(const struct casefile *cf, enum event ev, const struct event_input *in,
                         struct caldate date, int64_t at, bool has_time, struct event_outcome *out,
                         struct berr *err)
{
    bool to_pn = in->recipient && strcmp(in->recipient, PERMIT_REPORT_RECIPIENT) == 0;
    long long approves = in->approves;
    if (ev == EV_CORRECTED) {
        int k = root_of(cf, casefile_event_index(cf, in->corrects));
        if (k < 0 || !in->recipient || (cf->ev[k].ref >= 0) == to_pn)
            return true;
        return berr_field(err, BERR_BAD_INPUT, "recipient",
                          "koreksi tidak mengubah penerima laporan kepada Ketua PN "
                          "(ketua_pn_persetujuan): tarik surat itu dan catat yang baru");
    }
    if (to_pn != (approves != 0))
        return berr_field(err, BERR_BAD_INPUT, to_pn ? "approves" : "recipient",
                          "laporan tindakan mendesak kepada Ketua PN: recipient "
                          "ketua_pn_persetujuan dengan approves (id penggeledahan atau penyitaan "
                          "mendesak yang dilaporkan), keduanya atau tidak sama sekali");
    if (!to_pn)
        return true;
    char msg[400];
    struct case_event e;
    int k = act_named(cf, approves, &e);
    if (k < 0 || (e.event != EV_SEARCH_DONE && e.event != EV_SEIZURE_DONE) || !e.urgent) {
        snprintf(msg, sizeof msg,
                 "approves %lld bukan penggeledahan atau penyitaan mendesak (urgent_reason) "
                 "perkara ini yang berlaku: tidak ada yang perlu dilaporkan kepada Ketua PN",
                 approves);
        return mismatch(out, err, "approves", msg);
    }
    const char *purpose = permit_purpose(e.event);
    if (dated_after(cf, &e, date, at, has_time)) {
        snprintf(msg, sizeof msg,
                 "laporan kepada Ketua PN bertanggal sebelum %s yang "
                 "dilaporkannya (%lld, %s)",
                 purpose, approves, law_of(cf, e.event, evlog_date(&e, cf->zone)).urgent);
        return mismatch(out, err, "approves", msg);
    }
    int first = reported_by(cf, k), approved = approved_by(cf, k);
    if (first >= 0 || approved >= 0)
        return berr_field(err, BERR_CONFLICT, "approves",
                          "%s %lld sudah %s Ketua PN (peristiwa %lld)", purpose, approves,
                          first >= 0              ? "dilaporkan kepada"
                          : refusal(cf, approved) ? "ditolak persetujuannya oleh"
                                                  : "disetujui",
                          cf->ev_id[first >= 0 ? first : approved]);
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
        return berr_field(
            err, BERR_BAD_INPUT, "permit_kind",
            "permit_kind: izin (sebelum tindakan: %s; %s) atau persetujuan (atas tindakan "
            "mendesak: %s; %s)",
            law_of(cf, EV_SEARCH_DONE, date).permit, law_of(cf, EV_SEIZURE_DONE, date).permit,
            law_of(cf, EV_SEARCH_DONE, date).urgent, law_of(cf, EV_SEIZURE_DONE, date).urgent);
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
    if (!in->court)
        return berr_field(err, BERR_BAD_INPUT, "court",
                          "Penetapan Ketua PN perlu pengadilannya (court): Pengadilan Negeri "
                          "mana, mis. Palembang");
    if (in->decision && strcmp(in->decision, PERMIT_GRANTED) != 0 &&
        strcmp(in->decision, PERMIT_REFUSED) != 0)
        return berr_field(err, BERR_BAD_INPUT, "decision",
                          "decision: dikabulkan (izin atau persetujuan diberikan) atau ditolak "
                          "(Ketua PN menolaknya)");
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

/* The Ketua PN's Penetapan extending a detention (KUHAP 29; DOMAIN 4.8): the Pengadilan Negeri
 * whose Ketua gave it, which its Berita Acara Perpanjangan and the release's papers cite, asked
 * of every new one (422 naming court: no office names a default court - app.offices has none),
 * a blank one 400; a correction may leave it as it was.  A log recorded before the field loads
 * and prints without it. */
static bool check_extension_court(enum event ev, const struct event_input *in, struct berr *err)
{
    if (in->court && validate_blank(in->court))
        return berr_field(err, BERR_BAD_INPUT, "court", "court tidak boleh kosong");
    if (in->court || ev == EV_CORRECTED)
        return true;
    return berr_field(err, BERR_UNPROCESSABLE, "court",
                      "perpanjangan penahanan oleh Ketua Pengadilan Negeri perlu pengadilannya "
                      "(court): Pengadilan Negeri yang menetapkan, mis. Palembang (KUHAP 29)");
}

bool permit_check(const struct casefile *cf, enum event ev, enum event as,
                  const struct event_input *in, struct caldate date, int64_t at, bool has_time,
                  struct event_outcome *out, struct berr *err)
{
    if (ev == EV_CORRECTED && in->withdraws)
        return true;
    if (as == EV_SEARCH_DONE || as == EV_SEIZURE_DONE)
        return clerical(cf, ev, in, date, at, has_time) ||
               check_basis(cf, as, in, date, at, has_time, out, err);
    if (as == EV_LETTER_DELIVERED)
        return check_report(cf, ev, in, date, at, has_time, out, err);
    if (as == EV_DETENTION_EXTENDED_COURT)
        return check_extension_court(ev, in, err);
    if (as != EV_COURT_PERMIT_RECEIVED)
        return true;
    if (in->court && validate_blank(in->court))
        return berr_field(err, BERR_BAD_INPUT, "court", "court tidak boleh kosong");
    /* a correction of a Penetapan re-dates, renumbers it or names its court right: what it is
     * stays (evfields.def) */
    if (ev == EV_CORRECTED)
        return !in->number || !validate_blank(in->number) ||
               berr_field(err, BERR_BAD_INPUT, "number", "number tidak boleh kosong");
    return check_penetapan(cf, in, date, at, has_time, out, err);
}

enum link_fault { LINK_OK, LINK_WITHDRAWN, LINK_AFTER, LINK_NOT_URGENT };

/* In the log's first n acts: the act `dep` rests on `base` (a search or seizure on its izin, a
 * persetujuan or a report on the urgent act it names); base must stand while dep does, be dated
 * on or before it, and, under a persetujuan or a report, stay urgent (KUHAP 34, 38(2): only an
 * act done without the izin is reported to the Ketua PN for his approval). */
static enum link_fault link_check(const struct casefile *cf, int n, int base, int dep)
{
    struct case_event b, d;
    if (!evlog_effective(cf->ev, n, dep, &d))
        return LINK_OK; /* nothing rests on base any more */
    if (!evlog_effective(cf->ev, n, base, &b))
        return LINK_WITHDRAWN;
    if ((d.event == EV_COURT_PERMIT_RECEIVED || d.event == EV_LETTER_DELIVERED) && !b.urgent)
        return LINK_NOT_URGENT;
    return dated_after(cf, &b, evlog_date(&d, cf->zone), d.at, d.has_time) ? LINK_AFTER : LINK_OK;
}

/* An act as the refusal names it: {id, type, label, date}. */
static json_t *link_act_json(const struct casefile *cf, int n, int i)
{
    struct case_event e;
    if (!evlog_effective(cf->ev, n, i, &e))
        evlog_effective(cf->ev, n - 1, i, &e); /* as it stood when withdrawn */
    char d[CALDATE_DATE_LEN];
    caldate_format(evlog_date(&e, cf->zone), d, sizeof d);
    return json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)cf->ev_id[i], "type",
                     event_code(e.event), "label", event_label(e.event), "date", d);
}

/* The correction (the log's last act) breaks the link of dep on base: withdrawn, 422
 * dependent-act on corrects naming dep to withdraw first; re-dated, 422 permit-mismatch on the
 * date (at).  Nothing is written. */
static bool refuse_link(const struct casefile *cf, int base, int dep, enum link_fault f, bool timed,
                        struct event_outcome *out, struct berr *err)
{
    int n = cf->nevents;
    bool report = cf->ev[dep].event == EV_LETTER_DELIVERED;
    bool approval = report || cf->ev[dep].event == EV_COURT_PERMIT_RECEIVED;
    const char *what = report ? "laporan kepada Ketua PN" : "persetujuan Ketua PN";
    const char *noun = report ? "laporan kepada Ketua PN" : "persetujuan";
    enum event act = approval ? cf->ev[base].event : cf->ev[dep].event;
    const char *purpose = permit_purpose(act);
    struct case_event a;
    int the_act = approval ? base : dep; /* the search or seizure, as it stood */
    if (!evlog_effective(cf->ev, n, the_act, &a))
        evlog_effective(cf->ev, n - 1, the_act, &a);
    struct permit_law law = law_of(cf, act, evlog_date(&a, cf->zone));
    const char *basis = approval ? law.urgent : law.permit;
    json_t *b = link_act_json(cf, n, base), *d = link_act_json(cf, n, dep);
    char bd[CALDATE_DATE_LEN], dd[CALDATE_DATE_LEN];
    snprintf(bd, sizeof bd, "%s", json_string_value(json_object_get(b, "date")));
    snprintf(dd, sizeof dd, "%s", json_string_value(json_object_get(d, "date")));
    out->extra = json_pack("{s:o, s:o, s:s}", "act", d, "depends_on", b, "basis", basis);
    long long bid = cf->ev_id[base], did = cf->ev_id[dep];
    if (f == LINK_WITHDRAWN) {
        out->problem_type = "dependent-act";
        if (approval)
            return berr_field(err, BERR_UNPROCESSABLE, "corrects",
                              "%s (peristiwa %lld, %s) tidak dapat ditarik: %s (peristiwa "
                              "%lld, %s) menyebutnya (%s); tarik dulu %s itu (peristiwa %lld)",
                              event_label(act), bid, bd, what, did, dd, basis, noun, did);
        return berr_field(err, BERR_UNPROCESSABLE, "corrects",
                          "izin %s (peristiwa %lld, %s) tidak dapat ditarik: %s (peristiwa %lld, "
                          "%s) dilakukan berdasarkan izin itu (%s); tarik dulu %s itu (peristiwa "
                          "%lld)",
                          purpose, bid, bd, purpose, did, dd, basis, purpose, did);
    }
    if (f == LINK_NOT_URGENT) {
        out->problem_type = "dependent-act";
        return berr_field(err, BERR_UNPROCESSABLE, "permit_act",
                          "%s (peristiwa %lld, %s) tidak dapat dikoreksi menjadi tindakan "
                          "berdasarkan izin, bukan mendesak: %s (peristiwa %lld, %s) "
                          "menyebutnya sebagai tindakan mendesak (%s); tarik dulu %s itu "
                          "(peristiwa %lld)",
                          event_label(act), bid, bd, what, did, dd, basis, noun, did);
    }
    out->problem_type = "permit-mismatch";
    if (approval)
        return berr_field(err, BERR_UNPROCESSABLE, timed ? "at" : "date",
                          "Koreksi ini membuat %s (peristiwa %lld, %s) mendahului %s "
                          "mendesak yang disebutnya (peristiwa %lld, %s): %s menyusul "
                          "tindakan (%s)",
                          what, did, dd, purpose, bid, bd, what, basis);
    return berr_field(err, BERR_UNPROCESSABLE, timed ? "at" : "date",
                      "Koreksi ini membuat izin %s (peristiwa %lld, %s) bertanggal sesudah %s "
                      "(peristiwa %lld, %s) yang dilakukan berdasarkan izin itu: izin mendahului "
                      "tindakan (%s)",
                      purpose, bid, bd, purpose, did, dd, basis);
}

bool permit_links_kept(const struct casefile *cf, bool timed, struct event_outcome *out,
                       struct berr *err)
{
    int n = cf->nevents, k = root_of(cf, n - 1);
    for (int j = 0; k >= 0 && j < n - 1; j++) {
        enum event ev = cf->ev[j].event;
        int base = -1;
        if ((ev == EV_SEARCH_DONE || ev == EV_SEIZURE_DONE) && j != k)
            base = permit_of(cf, n, j); /* the act's own correction: check_basis */
        else if (ev == EV_COURT_PERMIT_RECEIVED || ev == EV_LETTER_DELIVERED)
            base = cf->ev[j].ref; /* a persetujuan or report: the urgent act it names */
        if (base < 0 || (base != k && j != k))
            continue;
        enum link_fault now = link_check(cf, n, base, j);
        if (now != LINK_OK && link_check(cf, n - 1, base, j) == LINK_OK)
            return refuse_link(cf, base, j, now, timed, out, err);
    }
    return true;
}

/* One warning about urgent act k (its label, id and date in the text). */
static json_t *warning_json(const struct casefile *cf, int k, const struct case_event *e,
                            const char *code, const char *text)
{
    char on[CALDATE_DATE_LEN];
    caldate_format(evlog_date(e, cf->zone), on, sizeof on);
    return json_pack("{s:s, s:I, s:s, s:s, s:s}", "code", code, "event_id",
                     (json_int_t)cf->ev_id[k], "type", event_code(e->event), "date", on, "message",
                     text);
}

/* Urgent act k whose persetujuan is still owed: reported (the report's id) or not. */
static json_t *awaited(const struct casefile *cf, int k, const struct case_event *e)
{
    const char *purpose = permit_purpose(e->event);
    struct permit_law law = law_of(cf, e->event, evlog_date(e, cf->zone));
    int report = reported_by(cf, k);
    char msg[600], on[CALDATE_DATE_LEN], said[96] = "belum dilaporkan kepada Ketua PN";
    caldate_format(evlog_date(e, cf->zone), on, sizeof on);
    if (report >= 0)
        snprintf(said, sizeof said, "sudah dilaporkan kepada Ketua PN (peristiwa %lld)",
                 cf->ev_id[report]);
    snprintf(msg, sizeof msg,
             "%s mendesak (peristiwa %lld, %s) belum mendapat persetujuan Ketua PN (%s): %s; "
             "berkas perkara dikirim tanpa Penetapan persetujuannya",
             purpose, cf->ev_id[k], on, law.urgent, said);
    return warning_json(cf, k, e, "pn_approval_awaited", msg);
}

/* Urgent act k whose persetujuan the Ketua PN refused (Penetapan r).  What follows for the
 * goods seized is not written in the law berkas models (DOMAIN 4.9 says only that the approval
 * is sought; KUHAP 46 returns goods no longer needed): UNCERTAIN, so a warning naming the act,
 * never a refusal to send the file. */
static json_t *refused_warning(const struct casefile *cf, int k, const struct case_event *e, int r)
{
    const char *purpose = permit_purpose(e->event);
    struct permit_law law = law_of(cf, e->event, evlog_date(e, cf->zone));
    char msg[700], on[CALDATE_DATE_LEN];
    caldate_format(evlog_date(e, cf->zone), on, sizeof on);
    snprintf(msg, sizeof msg,
             "persetujuan Ketua PN atas %s mendesak (peristiwa %lld, %s) ditolak (Penetapan, "
             "peristiwa %lld; %s): keabsahan %s itu%s dapat dipersoalkan; tindak lanjutnya "
             "(mis. pengembalian barang) belum dipastikan",
             purpose, cf->ev_id[k], on, cf->ev_id[r], law.urgent, purpose,
             e->event == EV_SEIZURE_DONE ? " dan barang bukti hasilnya" : "");
    return warning_json(cf, k, e, "pn_approval_refused", msg);
}

int permit_subject(const struct casefile *cf, int k)
{
    struct case_event e;
    for (int j = 0; k >= 0 && j < cf->nevents; j++) {
        if ((cf->ev[j].event != EV_SEARCH_DONE && cf->ev[j].event != EV_SEIZURE_DONE) ||
            !evlog_effective(cf->ev, cf->nevents, j, &e))
            continue;
        if (root_of(cf, permit_of(cf, cf->nevents, j)) == k ||
            (e.urgent && approved_by(cf, j) == k))
            return j;
    }
    return -1;
}

json_t *permit_warnings(const struct casefile *cf)
{
    json_t *a = json_array();
    struct case_event e;
    for (int k = 0; k < cf->nevents; k++) {
        if ((cf->ev[k].event != EV_SEARCH_DONE && cf->ev[k].event != EV_SEIZURE_DONE) ||
            !evlog_effective(cf->ev, cf->nevents, k, &e) || !e.urgent)
            continue;
        int r = approved_by(cf, k); /* the Ketua PN's answer, granted or refused */
        if (r < 0)
            json_array_append_new(a, awaited(cf, k, &e));
        else if (refusal(cf, r))
            json_array_append_new(a, refused_warning(cf, k, &e, r));
    }
    return a;
}
