/*
 * clock.c - see clock.h.
 *
 * The case-level clocks are one table (defs): what starts each, what stops
 * it, which rule values give its length and warnings.  The log is folded
 * once, in recording order: case-level events start and stop slots;
 * per-suspect events go through the detention machine (detention.c), whose
 * state gives the arrest and detention periods.  The clocks are built from
 * the slots at the end and evaluated against `now`.
 */
#include "clock.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "order.h"

#define NONE      EV__COUNT /* end of an event list */
#define MAX_LIST  6
#define RV(field) offsetof(struct ruleset, field)

struct day_def {
    const char *code;
    const char *label;
    const char *basis_1981;
    const char *basis_2025;
    enum actor_role actor;
    enum event starts[MAX_LIST];
    enum event stops[MAX_LIST];
    size_t days;                   /* offset of the rule value giving the length */
    size_t warn[CLOCK_MAX_WARN];   /* offsets of warning days; 0 = none */
    enum event arms[MAX_LIST];     /* when not empty: the clock starts only on the first start
                                      after one of these (and at the beginning of the log) */
    enum event restarts[MAX_LIST]; /* an act that moves the running clock's start to its own
                                      date, once per start: a repeated one cannot push the
                                      due date further out */
};

/* clang-format off */
static const struct day_def defs[CLK_SP3_NOTIFY + 1] = {
    [CLK_SPDP] = {"spdp", "Pengiriman SPDP",
        "KUHAP 109(1) jo. Putusan MK 130/PUU-XIII/2015; Permenkumham 39/2021 Pasal 27(2)",
        "UU 20/2025 (SPDP 7 hari: belum dipastikan); Permenkumham 39/2021 Pasal 27(2)",
        ACTOR_INVESTIGATOR,
        {EV_SPRINDIK_ISSUED, NONE},
        {EV_SPDP_SENT, EV_SP3_ISSUED, NONE},
        RV(spdp_days), {RV(spdp_warn_day), 0}, {NONE}, {NONE}},
    /* DOMAIN 5.2 D14: from the SPDP's receipt at the Kejaksaan when it is recorded - the
     * prosecutor's record or the Kejari's tanda terima (restarts() below), the earliest receipt
     * whatever the order it was recorded in: a later one cannot move it out again - else from the sending, so that a file whose
     * receipt was never entered is still watched */
    [CLK_P17] = {"p17", "P-17 diharapkan (berkas belum dikirim sejak SPDP diterima PU)",
        "SOP Pidum PER-036/A/JA/09/2011; Pedoman Jaksa Agung 24/2021",
        "SOP Pidum PER-036/A/JA/09/2011; Pedoman Jaksa Agung 24/2021",
        ACTOR_PROSECUTOR,
        {EV_SPDP_SENT, NONE},
        {EV_TAHAP1_SENT, EV_P17_RECEIVED, EV_SP3_ISSUED, EV_SHORT_PROCEDURE_HANDOVER, NONE},
        RV(p17_days), {0, 0}, {EV_SPRINDIK_ISSUED, NONE}, {EV_SPDP_RECEIVED_BY_PU, NONE}},
    /* issue 13.2: the prosecutor's clocks start at the first receipt of each
     * submission; a repeated receipt cannot reset them */
    [CLK_PU_ANSWER] = {"pu_answer", "Pemberitahuan lengkap/belum lengkap oleh Penuntut Umum",
        "KUHAP 138(1)", "UU 20/2025 (prapenuntutan: belum dipastikan); KUHAP 1981 138(1)",
        ACTOR_PROSECUTOR,
        {EV_TAHAP1_RECEIVED_BY_PU, NONE},
        {EV_P18_RECEIVED, EV_P19_RECEIVED, EV_RETURN_LETTER_RECEIVED, EV_P21_RECEIVED,
         EV_DEEMED_COMPLETE_CONFIRMED, NONE},
        RV(pu_answer_days), {RV(pu_answer_warn_day), 0}, {EV_TAHAP1_SENT, EV_RESUBMITTED, NONE},
        {NONE}},
    [CLK_PU_RETURN] = {"pu_return", "Pengembalian berkas oleh Penuntut Umum (selebihnya dianggap lengkap)",
        "KUHAP 110(4)", "UU 20/2025 (prapenuntutan: belum dipastikan); KUHAP 1981 110(4)",
        ACTOR_PROSECUTOR,
        {EV_TAHAP1_RECEIVED_BY_PU, NONE},
        {EV_P19_RECEIVED, EV_RETURN_LETTER_RECEIVED, EV_P21_RECEIVED,
         EV_DEEMED_COMPLETE_CONFIRMED, NONE},
        RV(pu_return_days), {RV(pu_return_warn_day), 0}, {EV_TAHAP1_SENT, EV_RESUBMITTED, NONE},
        {NONE}},
    /* KUHAP 138(2): from the investigator's receipt of the returned file when
     * recorded, else from the return (issue 13.4) */
    [CLK_RESEND] = {"resend", "Pengiriman kembali berkas setelah P-19",
        "KUHAP 138(2)", "UU 20/2025 (prapenuntutan: belum dipastikan); KUHAP 1981 138(2)",
        ACTOR_INVESTIGATOR,
        {EV_P19_RECEIVED, EV_RETURN_LETTER_RECEIVED, EV_RETURNED_FILE_RECEIVED, NONE},
        {EV_RESUBMITTED, EV_SP3_ISSUED, NONE},
        RV(resend_days), {RV(resend_warn_day), 0}, {NONE}, {NONE}},
    [CLK_TAHAP2] = {"tahap2", "Penyerahan tersangka dan barang bukti (Tahap II)",
        "Surat JAM Pidum B-1310/E/EJP/05/2022", "Surat JAM Pidum B-1310/E/EJP/05/2022",
        ACTOR_INVESTIGATOR,
        {EV_P21_RECEIVED, EV_DEEMED_COMPLETE_CONFIRMED, NONE},
        {EV_TAHAP2_DONE, EV_LAPSED, NONE},
        RV(tahap2_days), {RV(tahap2_warn1_day), RV(tahap2_warn2_day)}, {NONE}, {NONE}},
    [CLK_SP3_NOTIFY] = {"sp3_notify", "Pemberitahuan penghentian penyidikan kepada Penuntut Umum",
        "KUHAP 109(3)", "UU 20/2025 Pasal 24(4)",
        ACTOR_INVESTIGATOR,
        {EV_SP3_ISSUED, NONE},
        {EV_SP3_NOTIFIED, NONE},
        RV(sp3_notify_days), {0, 0}, {NONE}, {NONE}},
};
/* clang-format on */

static const char *const kind_codes[CLK__COUNT] = {
    [CLK_SPDP] = "spdp",
    [CLK_P17] = "p17",
    [CLK_PU_ANSWER] = "pu_answer",
    [CLK_PU_RETURN] = "pu_return",
    [CLK_RESEND] = "resend",
    [CLK_TAHAP2] = "tahap2",
    [CLK_SP3_NOTIFY] = "sp3_notify",
    [CLK_ARREST] = "arrest",
    [CLK_DETENTION] = "detention",
    [CLK_DETENSI] = "detensi",
    [CLK_FAMILY_ARREST_NOTICE] = "family_arrest_notice",
    [CLK_FAMILY_DETENTION_NOTICE] = "family_detention_notice",
    [CLK_CONSULAR_NOTICE] = "consular_notice",
    [CLK_DESIGNATION_NOTICE] = "designation_notice",
    [CLK_BAP_COPY] = "bap_copy",
    [CLK_SPDP_KEJARI] = "spdp_to_kejari",
    [CLK_SPDP_KORWAS] = "spdp_to_korwas",
    [CLK_SPDP_PELAPOR] = "spdp_to_pelapor",
    [CLK_SPDP_TERSANGKA] = "spdp_to_tersangka",
    [CLK_SPDP_PERWAKILAN] = "spdp_to_perwakilan_negara",
    [CLK_PN_APPROVAL] = "pn_approval",
    [CLK_DIRECTION] = "direction",
    [CLK_SP3_NOTIFY_KORWAS] = "sp3_notify_korwas",
    [CLK_SP3_NOTIFY_SUSPECT] = "sp3_notify_suspect",
    [CLK_SP3_NOTIFY_REPORTER] = "sp3_notify_reporter",
};

/* The rule set of a slot (or round), and a rule set's index. */
#define RS(s)   (&in->rulesets[(s)->rs])
#define RSI(rs) ((int)((rs)-in->rulesets))

static const struct rule_value *rule(const struct ruleset *rs, size_t off)
{
    return (const struct rule_value *)(const void *)((const char *)rs + off);
}

static bool in_list(const enum event *list, enum event ev)
{
    for (int i = 0; i < MAX_LIST && list[i] != NONE; i++)
        if (list[i] == ev)
            return true;
    return false;
}

static void slot_start(struct clock_slot *s, int src, int rs, struct caldate day, int64_t at)
{
    s->used = true;
    s->running = true;
    s->src = src;
    s->rs = rs;
    s->moved = false;
    s->stop = -1;
    s->start = day;
    s->started_at = at;
}

static void slot_stop(struct clock_slot *s, enum event by, int i, int64_t at)
{
    if (!s->running)
        return;
    s->running = false;
    s->stopped_by = by;
    s->stop = i;
    s->stopped_at = at;
}

/* The acts that end the file (core/fsm.c: into handed_over, terminated, lapsed,
 * administrative, dismissed). */
static bool ends_file(enum event ev)
{
    return ev == EV_TAHAP2_DONE || ev == EV_SHORT_PROCEDURE_HANDOVER || ev == EV_SP3_ISSUED ||
           ev == EV_LAPSED || ev == EV_DISMISSED || ev == EV_TAK_DECIDED;
}

/* A notice's delivery stops its clock; one closed undelivered at the file's end (close_owed)
 * or declared undelivered (notice_undelivered) and delivered since - recorded while the stage
 * still takes a letter - is stopped by its delivery instead: delivered (late when past its
 * day), no longer missed. */
static void slot_deliver(struct clock_slot *s, enum event by, int i, int64_t at)
{
    if (s->used && !s->running &&
        (ends_file(s->stopped_by) || s->stopped_by == EV_NOTICE_UNDELIVERED))
        s->running = true;
    slot_stop(s, by, i, at);
}

/* The rule set of an act on `day`, or a BAD_INPUT error. */
static const struct ruleset *rules_on(const struct clock_input *in, int i, struct caldate day,
                                      struct berr *err)
{
    const struct ruleset *rs = ruleset_for_date(in->rulesets, in->nrulesets, day);
    if (!rs)
        berr_field(err, BERR_BAD_INPUT, "date", "event %d: no rule set in force on %04d-%02d-%02d",
                   i, day.y, day.m, day.d);
    return rs;
}

static bool foreign_suspect(const struct clock_input *in, int sx)
{
    return in->foreign && sx >= 0 && sx < in->nforeign && in->foreign[sx];
}

/* Start suspect sx's SPDP clocks of this round on `day` (the Sprindik's, or
 * his designation's when later), for the recipients the round's rules need. */
static void spdp_suspect_start(struct clock_fold *fo, const struct clock_input *in, int sx,
                               struct caldate day, int64_t at)
{
    struct clock_spdp *r = &fo->spdp;
    struct clock_track *t = &fo->suspects[sx];
    r->started[sx] = r->n;
    t->notices[NOTICE_SPDP_TERSANGKA].used = false;
    t->notices[NOTICE_SPDP_PERWAKILAN].used = false;
    if (RS(r)->spdp_to_suspect.value && r->delivered[sx][0] != r->n)
        slot_start(&t->notices[NOTICE_SPDP_TERSANGKA], r->src, r->rs, day, at);
    if (RS(r)->spdp_to_consulate.value && foreign_suspect(in, sx) && r->delivered[sx][1] != r->n)
        slot_start(&t->notices[NOTICE_SPDP_PERWAKILAN], r->src, r->rs, day, at);
}

/* The SPDP's recipients (issue 13.8): a Sprindik opens a round, a
 * designation adds a suspect to it, a delivery or the SP3 stops a clock. */
static bool fold_spdp(struct clock_fold *fo, const struct clock_input *in, int i,
                      const struct case_event *e, struct caldate day, int64_t at, struct berr *err)
{
    struct clock_spdp *r = &fo->spdp;
    int sx = e->suspect >= 0 && e->suspect < EVLOG_MAX_SUSPECTS ? e->suspect : -1;
    switch (e->event) {
    case EV_SPRINDIK_ISSUED: {
        const struct ruleset *rs = rules_on(in, i, day, err);
        if (!rs)
            return false;
        r->n++;
        r->src = i;
        r->rs = RSI(rs);
        r->day = day;
        r->at = at;
        static const struct {
            enum notice_kind n;
            size_t required; /* offset of the flag; 0: always */
        } cases[] = {{NOTICE_SPDP_KEJARI, 0},
                     {NOTICE_SPDP_KORWAS, RV(spdp_to_korwas)},
                     {NOTICE_SPDP_PELAPOR, RV(spdp_to_reporter)}};
        for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
            r->to[cases[k].n].used = false;
            if (!cases[k].required || rule(rs, cases[k].required)->value)
                slot_start(&r->to[cases[k].n], i, RSI(rs), day, at);
        }
        for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++)
            if (r->designated[s])
                spdp_suspect_start(fo, in, s, day, at);
        return true;
    }
    case EV_SUSPECT_DESIGNATED:
        if (sx < 0)
            return true;
        r->designated[sx] = true;
        if (r->n > 0 && r->started[sx] != r->n)
            spdp_suspect_start(fo, in, sx, day, at);
        return true;
    case EV_SPDP_RECEIVED_BY_PU:
        slot_stop(&r->to[NOTICE_SPDP_KEJARI], e->event, i, at);
        return true;
    case EV_LETTER_DELIVERED:
        if (!notice_is_spdp(e->notice))
            return true;
        if (!notice_per_suspect(e->notice)) {
            slot_deliver(&r->to[e->notice], e->event, i, at);
        } else if (sx >= 0) {
            r->delivered[sx][e->notice == NOTICE_SPDP_PERWAKILAN] = r->n;
            slot_deliver(&fo->suspects[sx].notices[e->notice], e->event, i, at);
        }
        return true;
    case EV_SP3_ISSUED:
        for (int n = NOTICE_SPDP_KEJARI; n <= NOTICE_SPDP_PERWAKILAN; n++) {
            slot_stop(&r->to[n], e->event, i, at);
            for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++)
                slot_stop(&fo->suspects[s].notices[n], e->event, i, at);
        }
        return true;
    default:
        return true;
    }
}

/* The SP3's notice to each recipient besides the PU (whose clock is the defs' sp3_notify): the
 * law names them by regime - KUHAP 1981 109(2) the PU and the suspect or his family, 109(3) for
 * a PPNS the Polri investigator and the PU; UU 20/2025 Pasal 24(4) the PU and "korban dan/atau
 * tersangka" (DOMAIN 4.15, 9.1, D13) - and which are owed is rule-set data of the SP3's day
 * (required: sp3_to_korwas, sp3_to_suspect, sp3_to_reporter; to verify where DOMAIN is
 * uncertain), each within sp3_notify_days (0: no clock, as for the PU's). */
static const struct sp3_def {
    enum sp3_recipient to;
    enum clock_kind kind;
    const char *label, *basis_1981, *basis_2025;
    size_t required;
} sp3_defs[] = {
    {SP3_TO_KORWAS, CLK_SP3_NOTIFY_KORWAS,
     "Pemberitahuan penghentian penyidikan kepada penyidik Polri (Korwas PPNS)", "KUHAP 109(3)",
     "UU 20/2025 Pasal 24(3)-(4) (belum dipastikan); KUHAP 1981 109(3)", RV(sp3_to_korwas)},
    {SP3_TO_SUSPECT, CLK_SP3_NOTIFY_SUSPECT,
     "Pemberitahuan penghentian penyidikan kepada tersangka atau keluarganya", "KUHAP 109(2)",
     "UU 20/2025 Pasal 24(4)", RV(sp3_to_suspect)},
    {SP3_TO_REPORTER, CLK_SP3_NOTIFY_REPORTER,
     "Pemberitahuan penghentian penyidikan kepada pelapor/korban",
     "KUHAP 1981 tidak menyebutnya; nilai aturan", "UU 20/2025 Pasal 24(4)", RV(sp3_to_reporter)},
};

#define NSP3 ((int)(sizeof sp3_defs / sizeof sp3_defs[0]))

/* An SP3 starts the clocks of the recipients its day's rule set requires; a notice stops its
 * recipient's (the suspect's by his own or his family's). */
static bool fold_sp3(struct clock_fold *fo, const struct clock_input *in, int i,
                     const struct case_event *e, struct caldate day, int64_t at, struct berr *err)
{
    if (e->event == EV_SP3_NOTIFIED || e->event == EV_NOTICE_UNDELIVERED) {
        enum sp3_recipient to = e->sp3_to == SP3_TO_FAMILY ? SP3_TO_SUSPECT : e->sp3_to;
        if (to <= SP3_TO_KEJARI || to >= SP3_TO__COUNT)
            return true;
        /* delivered (after a declaration too: slot_deliver), or declared undelivered with its
         * reason - the suspect deported, the reporter not found (review2 F3) */
        if (e->event == EV_SP3_NOTIFIED)
            slot_deliver(&fo->sp3_to[to], e->event, i, at);
        else
            slot_stop(&fo->sp3_to[to], e->event, i, at);
        return true;
    }
    if (e->event != EV_SP3_ISSUED)
        return true;
    const struct ruleset *rs = rules_on(in, i, day, err);
    if (!rs)
        return false;
    for (int k = 0; k < NSP3; k++) {
        struct clock_slot *s = &fo->sp3_to[sp3_defs[k].to];
        s->used = false;
        if (rs->sp3_notify_days.value > 0 && rule(rs, sp3_defs[k].required)->value)
            slot_start(s, i, RSI(rs), day, at);
    }
    return true;
}

/* A restarting act (defs' restarts) moves the running clock's start to its own date, under
 * its own date's rule set.  The earliest receipt counts: once moved (slot->moved), a later-dated
 * one cannot push the due date further out, but one recorded later and dated earlier (the
 * Kejari's tanda terima of the 3rd entered after the prosecutor's record of the 10th) moves it
 * back to its own day.  false when no rule set is in force on `day`. */
static bool slot_restart(struct clock_slot *s, const struct day_def *d,
                         const struct clock_input *in, int i, struct caldate day, int64_t at,
                         struct berr *err)
{
    if (!s->used || !s->running || (s->moved && caldate_cmp(day, s->start) >= 0))
        return true;
    const struct ruleset *rs = rules_on(in, i, day, err);
    if (!rs)
        return false;
    if (rule(rs, d->days)->value <= 0)
        return true;
    slot_start(s, i, RSI(rs), day, at);
    s->moved = true;
    return true;
}

/* Notices owed to the suspect himself for an act about him, each within N days of the act's
 * date under that date's rule set (0: no clock, as under KUHAP 1981); the letter delivering it
 * to him stops it (13.7's stop):
 *   - UU 20/2025 Pasal 90 as reported (DOMAIN D15): told of his designation,
 *     designation_notice_days;
 *   - UU 20/2025 as reported, article unknown (DOMAIN D16): a copy of the record of his
 *     examination as a suspect, bap_copy_days (a supplementary examination of him, bap
 *     tambahan, is a record of his examination too); a later BAP of his owes its own copy, so it
 * starts the clock again once the copy owed before it was given - while that one is still owed, its
 *     clock runs on from its own BAP (a copy overdue stays overdue on the board, not hidden by
 *     the next examination), and the letter giving him his copies stops it. */
static bool fold_owed_to_suspect(struct clock_fold *fo, const struct clock_input *in, int i,
                                 const struct case_event *e, struct caldate day, int64_t at,
                                 struct berr *err)
{
    if (e->suspect < 0 || e->suspect >= EVLOG_MAX_SUSPECTS)
        return true;
    /* his examination: as a suspect, or a supplementary one (bap tambahan) of him */
    bool examined =
        e->event == EV_BAP_RECORDED && (e->bap == BAP_TERSANGKA || e->bap == BAP_TAMBAHAN);
    enum notice_kind n = e->event == EV_SUSPECT_DESIGNATED ? NOTICE_DESIGNATION
                         : examined                        ? NOTICE_BAP_COPY
                                                           : NOTICE_NONE;
    if (n == NOTICE_NONE)
        return true;
    const struct ruleset *rs = rules_on(in, i, day, err);
    if (!rs)
        return false;
    int days =
        n == NOTICE_DESIGNATION ? rs->designation_notice_days.value : rs->bap_copy_days.value;
    struct clock_slot *s = &fo->suspects[e->suspect].notices[n];
    if (days > 0 && !(n == NOTICE_BAP_COPY && s->running))
        slot_start(s, i, RSI(rs), day, at);
    return true;
}

/* Whether e moves clock k's start (defs' restarts).  The Kejaksaan's receipt drives the PU's
 * clocks, not the sending (DOMAIN 5.1: "tanggal terima on the tanda terima"): the P-17 counts from
 * the SPDP's receipt, which is the prosecutor's record of it or the tanda terima the investigator
 * holds from the Kejari (a letter_delivered of notice spdp_kejari), whichever is dated first. */
static bool restarts(int k, const struct day_def *d, const struct case_event *e)
{
    return in_list(d->restarts, e->event) ||
           (k == CLK_P17 && e->event == EV_LETTER_DELIVERED && e->notice == NOTICE_SPDP_KEJARI);
}

/* Whether e stops clock k (defs' stops): the SP3's notice to the PU is stopped only by the one
 * addressed to him (sp3_notified to the kejari; one stored with none was his); the notices to
 * the others have clocks of their own (fold_sp3). */
static bool stops(int k, const struct day_def *d, const struct case_event *e)
{
    return in_list(d->stops, e->event) &&
           (k != CLK_SP3_NOTIFY || e->event != EV_SP3_NOTIFIED || e->sp3_to == SP3_TO_KEJARI);
}

/* Whether e is the file's receipt at the Kejaksaan that starts clock k (defs' starts): the
 * PU's record of it or, for the PU's answer and return (KUHAP 138(1), 110(4): from the receipt
 * of the file), the Kejari's tanda terima the investigator holds (a letter_delivered of notice
 * berkas_kejari; DOMAIN 5.1), whichever is dated first. */
static bool starts(int k, const struct day_def *d, const struct case_event *e)
{
    return in_list(d->starts, e->event) ||
           ((k == CLK_PU_ANSWER || k == CLK_PU_RETURN) && e->event == EV_LETTER_DELIVERED &&
            e->notice == NOTICE_BERKAS_KEJARI);
}

/* The file's end closes the notices still owed (the brief of issue "closed", decided from the
 * law): the suspect's designation notice and BAP copy (UU 20/2025 as reported, D15, D16), the
 * SPDP to any recipient (KUHAP 109(1) jo. MK 130/2015; Permenkumham 39/2021 Pasal 27; the SP3
 * closed these already, issue 13.8), the report of an urgent search or seizure to the Ketua PN
 * (KUHAP 34, 38(2)).  Each of
 * them informs someone of the investigation while it runs, so that he may act in it (the
 * reporter who may ask for a praperadilan, the prosecutor who follows the file, the suspect who
 * answers it); once the file is handed over (Tahap II, KUHAP 8(3)(b); the short procedure, UU
 * 6/2011 Pasal 110), terminated (SP3, whose own notice then tells them, KUHAP 109(3)), lapsed
 * (B-1310/E/EJP/05/2022), decided by TAK or dismissed, the investigation they inform about is
 * over.  A notice closed undelivered is stopped by the act that ended the file: past its day
 * it is a missed notice (state overdue, no delivery), kept in the case's clocks and the
 * summary's missed notices (app/summary.c), never a running deadline; a delivery recorded
 * after the end (terminated and lapsed still take a letter) stops it as delivered late
 * (slot_deliver).  A file reopened (a new Sprindik, praperadilan) does not reopen them: what
 * was missed was missed, and a new Sprindik owes its own SPDP.
 *
 * Not the notices owed for a suspect's custody - the family's copies of his arrest's and
 * detention's orders (KUHAP 18(3), 21(3)) and the consular notice of a foreigner taken (VCCR
 * 36(1)(b)): they are owed because a person was taken, "segera" / "without delay", not because
 * an investigation runs, and his family and consul must learn it whatever becomes of the file
 * (found in acceptance: a man arrested at 10:00 and handed over under the short procedure the
 * same day had his family's and consul's notices marked "no longer owed").  They keep running
 * past the end - overdue on the board once their day is past - and a stage that takes no other
 * act still takes their delivery (fsm.c, guard_custody_notice).
 *
 * Nor the SP3's own notices (KUHAP 109(2)-(3); UU 20/2025 Pasal 24(4)) when a TAK follows the SP3
 * (found in acceptance, play4 #8: an SP3 then a deportation had its notices to the PU, Korwas and
 * suspect shown "selesai" and the file gone from the board): the stop of an investigation is told
 * to them whatever follows - a deportation makes the PU's notice more needed, not less - and the
 * administrative stage takes sp3_notified while the SP3 stands (fsm.c, guard_sp3_stands). */
static void close_owed(struct clock_fold *fo, enum event by, int i, int64_t at)
{
    for (int n = NOTICE_SPDP_KEJARI; n <= NOTICE_SPDP_PERWAKILAN; n++)
        slot_stop(&fo->spdp.to[n], by, i, at);
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++)
        for (int n = NOTICE_NONE + 1; n < NOTICE__COUNT; n++)
            if (!notice_of_custody((enum notice_kind)n))
                slot_stop(&fo->suspects[s].notices[n], by, i, at);
    for (int k = 0; k < fo->napprovals; k++)
        slot_stop(&fo->approvals[k], by, i, at);
}

/* KUHAP 20, 24(3): detention serves the investigation, and an arrest is made for it (KUHAP 16,
 * 17-19); once an SP3 stops it (109(2); DOMAIN 4.15) there is no ground left to hold him, and his
 * release is owed at once - by the end of the SP3's day (by), his arrest's or detention's clock
 * due then (the investigator's), until the release is recorded (an earlier end of his arrest or
 * period stands: emit_arrest_clock, emit_detention_clock).  While the SP3 stands no later act
 * clears it: a detention or arrest recorded after it (the write path refuses them in a
 * terminated file; the fold does not rely on that) owes the same release
 * (fo->sp3_release_at, snap_period); a reopening (praperadilan, a new Sprindik) ends it for acts
 * after it. */
static void release_owed(struct clock_fold *fo, int64_t by)
{
    fo->sp3_release_at = by;
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++) {
        struct clock_track *t = &fo->suspects[s];
        if (t->detention.used && t->detention.running && t->snap.release_at == 0)
            t->snap.release_at = by;
        if (t->arrest.used && t->arrest.running && t->arrest_release_at == 0)
            t->arrest_release_at = by;
    }
}

/* A letter delivering a notice for a suspect stops its clock (13.7).  A notice of his custody
 * the investigator could not deliver, with its reason (no family known, the consular notice
 * declined, ...), is closed as not delivered - never as delivered (clock_undelivered); a delivery
 * recorded since stops it instead (slot_deliver). */
static void fold_suspect_notice(struct clock_fold *fo, const struct case_event *e, int i,
                                int64_t at)
{
    if (e->notice <= NOTICE_NONE || e->notice >= NOTICE__COUNT || notice_is_spdp(e->notice) ||
        e->suspect < 0 || e->suspect >= EVLOG_MAX_SUSPECTS)
        return;
    struct clock_slot *s = &fo->suspects[e->suspect].notices[e->notice];
    if (e->event == EV_LETTER_DELIVERED)
        slot_deliver(s, e->event, i, at);
    else if (e->event == EV_NOTICE_UNDELIVERED && notice_of_custody(e->notice))
        slot_stop(s, e->event, i, at);
}

static bool fold_case_event(struct clock_fold *fo, const struct clock_input *in, int i,
                            const struct case_event *e, struct berr *err)
{
    const struct tzone *z = in->zone;
    struct caldate day = evlog_date(e, z);
    int64_t at = evlog_instant(e, z);

    /* an SPDP sent to another than the prosecutor is a copy (core/evlog.h evlog_spdp_to_pu):
     * it neither stops the SPDP's own clock nor starts the P-17's */
    bool counts = e->event != EV_SPDP_SENT || evlog_spdp_to_pu(e);
    for (int k = 0; counts && k <= CLK_SP3_NOTIFY; k++) {
        const struct day_def *d = &defs[k];
        struct clock_slot *s = &fo->cases[k];
        if (in_list(d->arms, e->event))
            s->armed = true;
        if (stops(k, d, e))
            slot_stop(s, e->event, i, at);
        if (restarts(k, d, e) && !slot_restart(s, d, in, i, day, at, err))
            return false;
        if (!starts(k, d, e))
            continue;
        /* a second receipt of the same sending (the PU's record and the Kejari's tanda terima)
         * moves the start only to an earlier day: the first receipt counts */
        if (d->arms[0] != NONE && !s->armed) {
            bool pu = k == CLK_PU_ANSWER || k == CLK_PU_RETURN;
            if (pu && s->used && s->running && caldate_cmp(day, s->start) < 0 &&
                !slot_restart(s, d, in, i, day, at, err))
                return false;
            continue;
        }
        const struct ruleset *rs = rules_on(in, i, day, err);
        if (!rs)
            return false;
        if (rule(rs, d->days)->value <= 0)
            continue; /* a value amended to 0: no period, no clock */
        slot_start(s, i, RSI(rs), day, at);
        s->armed = false;
    }
    fold_suspect_notice(fo, e, i, at);
    if (!fold_spdp(fo, in, i, e, day, at, err) ||
        !fold_owed_to_suspect(fo, in, i, e, day, at, err) || !fold_sp3(fo, in, i, e, day, at, err))
        return false;
    if (ends_file(e->event))
        close_owed(fo, e->event, i, at);
    if (e->event == EV_SP3_ISSUED)
        release_owed(fo, caldate_day_start(caldate_add(day, 1), z));
    if (e->event == EV_REOPENED || e->event == EV_SPRINDIK_ISSUED)
        fo->sp3_release_at = 0; /* the investigation runs again */
    /* KUHAP 8(3)(b), UU 6/2011 Pasal 110(2): custody of the suspect passes to
     * the prosecutor; the investigator's arrest and detention clocks stop. */
    if (e->event == EV_TAHAP2_DONE || e->event == EV_SHORT_PROCEDURE_HANDOVER)
        for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++) {
            slot_stop(&fo->suspects[s].arrest, e->event, i, at);
            slot_stop(&fo->suspects[s].detention, e->event, i, at);
        }
    return true;
}

/* The period in force after a detention act; while an SP3 stands (release, 0 if none), the
 * release it owes (release_owed). */
static void snap_period(struct clock_track *t, int64_t release)
{
    t->snap.period = t->det.period;
    t->snap.start = t->det.start;
    t->snap.started_at = t->det.started_at;
    t->snap.day_end_at = t->det.day_end_at;
    t->snap.strict_end_at = t->det.strict_end_at;
    t->snap.release_at = release;
}

static bool fold_suspect_event(struct clock_fold *fo, const struct clock_input *in, int i,
                               const struct case_event *e, struct berr *err)
{
    const struct tzone *z = in->zone;
    struct caldate day = evlog_date(e, z);
    int64_t at = evlog_instant(e, z);
    struct clock_track *t = &fo->suspects[e->suspect];
    const struct ruleset *rs = rules_on(in, i, day, err);
    if (!rs)
        return false;
    struct detention_act act = {e->event, at, e->det_type, e->days};
    enum det_state before = t->det.state;
    if (!detention_apply(&t->det, &act, rs, z, NULL, &t->det, NULL)) {
        fo->skipped++;
        return true;
    }
    /* the notices an arrest or a detention owes (KUHAP 18(3), 21(3)); a
     * foreign suspect taken into custody, his representation (VCCR 36) */
    bool foreign = in->foreign && e->suspect < in->nforeign && in->foreign[e->suspect];
    bool taken = before == DET_FREE || before == DET_RELEASED;
    if (e->event == EV_ARRESTED || e->event == EV_DETAINED) {
        enum notice_kind n =
            e->event == EV_ARRESTED ? NOTICE_FAMILY_ARREST : NOTICE_FAMILY_DETENTION;
        slot_start(&t->notices[n], i, RSI(rs), day, at);
        if (foreign && taken)
            slot_start(&t->notices[NOTICE_CONSULAR], i, RSI(rs), day, at);
    }
    switch (e->event) {
    case EV_ARRESTED:
        slot_start(&t->arrest, i, RSI(rs), day, at);
        t->arrest_release_at = fo->sp3_release_at;
        break;
    case EV_DETAINED:
    case EV_DETENTION_EXTENDED_PU:
    case EV_DETENTION_EXTENDED_COURT:
        slot_stop(&t->arrest, e->event, i, at);
        snap_period(t, fo->sp3_release_at);
        slot_start(&t->detention, i, RSI(rs), t->det.start, t->det.started_at);
        break;
    case EV_DETENTION_SUSPENDED:
        slot_stop(&t->detention, e->event, i, at);
        break;
    case EV_RELEASED:
        slot_stop(&t->arrest, e->event, i, at);
        slot_stop(&t->detention, e->event, i, at);
        break;
    case EV_DETENSI_STARTED:
        slot_start(&t->detensi, i, RSI(rs), day, at);
        break;
    case EV_DETENSI_ENDED:
        slot_stop(&t->detensi, e->event, i, at);
        break;
    default:
        break;
    }
    return true;
}

/* Fields common to every clock. */
static void clock_base(struct clock *c, const struct clock_input *in, enum clock_kind kind,
                       const char *label, const char *basis, enum actor_role actor, int suspect,
                       const struct clock_slot *s)
{
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->code = kind_codes[kind];
    c->label = label;
    c->basis = basis;
    c->actor = actor;
    c->suspect = suspect;
    c->source = s->src;
    snprintf(c->regime, sizeof c->regime, "%s", RS(s)->name);
    c->period = DETP_NONE;
    c->start = s->start;
    c->started_at = s->started_at;
    c->running = s->running;
    c->stopped_by = s->running ? EV__COUNT : s->stopped_by;
    c->stopped_at = s->running ? 0 : s->stopped_at;
    c->stop_source = s->running ? -1 : s->stop;
}

/* Due date and warnings of a day clock: day 0 is the start. */
static void day_due(struct clock *c, int days, const int *warn, int nwarn, const struct tzone *z)
{
    c->due_date = caldate_add(c->start, days);
    c->due_at = caldate_day_start(caldate_add(c->start, days + 1), z);
    c->strict_at = c->due_at;
    for (int i = 0; i < nwarn; i++) {
        c->warn_on[c->nwarn] = caldate_add(c->start, warn[i]);
        c->warn_at[c->nwarn] = caldate_day_start(c->warn_on[c->nwarn], z);
        c->nwarn++;
    }
}

/* Add a warning at instant w. */
static void warn_at(struct clock *c, int64_t w, const struct tzone *z)
{
    if (c->nwarn >= CLOCK_MAX_WARN)
        return;
    c->warn_at[c->nwarn] = w;
    c->warn_on[c->nwarn] = caldate_local_date(w, z);
    c->nwarn++;
}

/* State, days and seconds left, as of now (running) or of the stop. */
static void evaluate(struct clock *c, int64_t now, const struct tzone *z)
{
    if (c->running) {
        c->days_left = caldate_diff(caldate_local_date(now, z), c->due_date);
        c->seconds_left = c->due_at - now;
        c->state = CLOCK_OK;
        for (int i = 0; i < c->nwarn; i++)
            if (now >= c->warn_at[i])
                c->state = CLOCK_WARNING;
        if (now >= c->due_at)
            c->state = CLOCK_OVERDUE;
        return;
    }
    c->stopped_on = caldate_local_date(c->stopped_at, z);
    c->days_left = caldate_diff(c->stopped_on, c->due_date);
    c->seconds_left = c->due_at - c->stopped_at;
    c->state = c->stopped_at >= c->due_at ? CLOCK_OVERDUE : CLOCK_OK;
}

static void emit(struct clock_set *out, const struct clock *c)
{
    if (out->count < out->cap)
        out->items[out->count++] = *c;
    out->total++;
}

static void emit_case_clock(const struct clock_fold *fo, const struct clock_input *in,
                            enum clock_kind k, struct clock_set *out)
{
    const struct day_def *d = &defs[k];
    const struct clock_slot *s = &fo->cases[k];
    const struct tzone *z = in->zone;
    if (!s->used)
        return;
    struct clock c;
    clock_base(&c, in, k, d->label,
               RS(s)->regime == REGIME_KUHAP_2025 ? d->basis_2025 : d->basis_1981, d->actor, -1, s);
    const struct rule_value *len = rule(RS(s), d->days);
    int warn[CLOCK_MAX_WARN], nwarn = 0;
    c.to_verify = len->to_verify;
    for (int i = 0; i < CLOCK_MAX_WARN; i++)
        if (d->warn[i]) {
            warn[nwarn++] = rule(RS(s), d->warn[i])->value;
            c.to_verify |= rule(RS(s), d->warn[i])->to_verify;
        }
    day_due(&c, len->value, warn, nwarn, z);
    evaluate(&c, in->now, z);
    emit(out, &c);
}

/* The SP3's notice to each recipient besides the PU (fold_sp3); the reporter's only for a file
 * with a reporter or victim (clock_input.no_reporter, as the SPDP's). */
static void emit_sp3_clocks(const struct clock_fold *fo, const struct clock_input *in,
                            struct clock_set *out)
{
    for (int k = 0; k < NSP3; k++) {
        const struct sp3_def *d = &sp3_defs[k];
        const struct clock_slot *s = &fo->sp3_to[d->to];
        if (!s->used || (d->to == SP3_TO_REPORTER && in->no_reporter))
            continue;
        struct clock c;
        clock_base(&c, in, d->kind, d->label,
                   RS(s)->regime == REGIME_KUHAP_2025 ? d->basis_2025 : d->basis_1981,
                   ACTOR_INVESTIGATOR, -1, s);
        const struct rule_value *len = &RS(s)->sp3_notify_days;
        c.to_verify = len->to_verify || rule(RS(s), d->required)->to_verify;
        day_due(&c, len->value, NULL, 0, in->zone);
        evaluate(&c, in->now, in->zone);
        emit(out, &c);
    }
}

static const char *detention_basis(enum det_period p, enum regime r)
{
    switch (p) {
    case DETP_PU:
        return r == REGIME_KUHAP_2025
                   ? "UU 20/2025 Pasal 99-111 (belum dipastikan); KUHAP 1981 24(2)"
                   : "KUHAP 24(2), 24(4)";
    case DETP_COURT_1:
    case DETP_COURT_2:
        return r == REGIME_KUHAP_2025 ? "UU 20/2025 Pasal 99-111 (belum dipastikan); KUHAP 1981 29"
                                      : "KUHAP 29";
    default:
        return r == REGIME_KUHAP_2025
                   ? "UU 20/2025 Pasal 99-111 (belum dipastikan); KUHAP 1981 24(1)"
                   : "KUHAP 24(1)";
    }
}

/* The suspect's arrest clock: hours from the arrest. */
static void emit_arrest_clock(const struct clock_track *t, const struct clock_input *in, int sx,
                              struct clock_set *out)
{
    const struct tzone *z = in->zone;
    const struct ruleset *rs = RS(&t->arrest);
    struct clock c;
    clock_base(&c, in, CLK_ARREST, "Masa penangkapan",
               rs->regime == REGIME_KUHAP_2025 ? "UU 20/2025 Pasal 93-98" : "KUHAP 19(1)",
               ACTOR_INVESTIGATOR, sx, &t->arrest);
    c.due_at = c.started_at + (int64_t)rs->arrest_hours.value * 3600;
    if (t->arrest_release_at > 0 && t->arrest_release_at < c.due_at) {
        /* the SP3 left no ground to hold him (release_owed): released by the end of its day */
        c.label = "Pembebasan tersangka: penyidikan dihentikan (SP3)";
        c.basis = rs->regime == REGIME_KUHAP_2025
                      ? "UU 20/2025 Pasal 24, 93-98 (belum dipastikan); KUHAP 1981 17-19, 109(2)"
                      : "KUHAP 17-19, 109(2)";
        c.due_at = t->arrest_release_at;
    }
    c.strict_at = c.due_at;
    c.due_date = caldate_local_date(c.due_at - 1, z);
    if (rs->arrest_warn_hours.value > 0)
        warn_at(&c, c.due_at - (int64_t)rs->arrest_warn_hours.value * 3600, z);
    c.to_verify = rs->arrest_hours.to_verify || rs->arrest_warn_hours.to_verify;
    evaluate(&c, in->now, z);
    emit(out, &c);
}

/* Whether the length of detention period p is still to be verified. */
static bool detention_to_verify(const struct ruleset *rs, enum det_period p)
{
    switch (p) {
    case DETP_PU:
        return rs->detention_ext_pu_days.to_verify;
    case DETP_COURT_1:
    case DETP_COURT_2:
        return rs->detention_ext_court_days.to_verify;
    default:
        return rs->detention_days.to_verify;
    }
}

/* The suspect's detention clock: the period in force (t->snap). */
static void emit_detention_clock(const struct clock_track *t, const struct clock_input *in, int sx,
                                 struct clock_set *out)
{
    const struct tzone *z = in->zone;
    const struct ruleset *rs = RS(&t->detention);
    const struct clock_period *p = &t->snap;
    struct clock c;
    clock_base(&c, in, CLK_DETENTION, det_period_label(p->period, rs->regime),
               detention_basis(p->period, rs->regime), ACTOR_INVESTIGATOR, sx, &t->detention);
    c.period = p->period;
    c.strict_at = p->strict_end_at;
    c.due_at = p->day_end_at < p->strict_end_at ? p->day_end_at : p->strict_end_at;
    if (p->release_at > 0 && p->release_at < c.due_at) {
        /* the SP3 left no ground to hold him (release_owed): released by the end of its day */
        c.label = "Pembebasan tersangka: penyidikan dihentikan (SP3)";
        c.basis = rs->regime == REGIME_KUHAP_2025
                      ? "UU 20/2025 (belum dipastikan); KUHAP 1981 20, 24(3), 109(2)"
                      : "KUHAP 20, 24(3), 109(2)";
        c.due_at = c.strict_at = p->release_at;
    }
    c.due_date = caldate_local_date(c.due_at - 1, z);
    int w = rs->detention_warn_days.value;
    if (w > 0) {
        /* Warn on whichever reading warns first. */
        int64_t by_day = caldate_day_start(caldate_add(c.due_date, -w), z);
        int64_t by_hours = p->strict_end_at - (int64_t)w * CALDATE_DAY_SECONDS;
        warn_at(&c, by_day < by_hours ? by_day : by_hours, z);
    }
    c.to_verify = detention_to_verify(rs, p->period);
    c.to_verify |= rs->detention_warn_days.to_verify;
    evaluate(&c, in->now, z);
    emit(out, &c);
}

/* The suspect's detensi clock (immigration detention, not criminal). */
static void emit_detensi_clock(const struct clock_track *t, const struct clock_input *in, int sx,
                               struct clock_set *out)
{
    const struct tzone *z = in->zone;
    const struct ruleset *rs = RS(&t->detensi);
    struct clock c;
    clock_base(&c, in, CLK_DETENSI, "Pendetensian (bukan penahanan)", "UU 6/2011 Pasal 83-85",
               ACTOR_INVESTIGATOR, sx, &t->detensi);
    c.due_date = caldate_add(c.start, rs->detensi_max_days.value - 1);
    c.due_at = caldate_day_start(caldate_add(c.due_date, 1), z);
    c.strict_at = c.due_at;
    c.to_verify = rs->detensi_max_days.to_verify;
    evaluate(&c, in->now, z);
    emit(out, &c);
}

static void emit_suspect_clocks(const struct clock_fold *fo, const struct clock_input *in, int sx,
                                struct clock_set *out)
{
    const struct clock_track *t = &fo->suspects[sx];
    if (t->arrest.used)
        emit_arrest_clock(t, in, sx, out);
    if (t->detention.used)
        emit_detention_clock(t, in, sx, out);
    if (t->detensi.used)
        emit_detensi_clock(t, in, sx, out);
}

static void emit_notice_clocks(const struct clock_fold *fo, const struct clock_input *in, int sx,
                               struct clock_set *out)
{
    static const struct {
        enum notice_kind n;
        enum clock_kind kind;
        const char *label, *basis_1981, *basis_2025;
        size_t days;
    } defs_n[] = {
        {NOTICE_FAMILY_ARREST, CLK_FAMILY_ARREST_NOTICE,
         "Tembusan surat perintah penangkapan kepada keluarga", "KUHAP 18(3)",
         "UU 20/2025 (belum dipastikan); KUHAP 1981 18(3)", RV(family_notice_days)},
        {NOTICE_FAMILY_DETENTION, CLK_FAMILY_DETENTION_NOTICE,
         "Tembusan surat perintah penahanan kepada keluarga", "KUHAP 21(3)",
         "UU 20/2025 (belum dipastikan); KUHAP 1981 21(3)", RV(family_notice_days)},
        {NOTICE_CONSULAR, CLK_CONSULAR_NOTICE,
         "Pemberitahuan kepada perwakilan negara tersangka melalui Kementerian Luar Negeri",
         "Konvensi Wina 1963 Pasal 36(1)(b) (UU 1/1982)",
         "Konvensi Wina 1963 Pasal 36(1)(b) (UU 1/1982)", RV(consular_notice_days)},
        {NOTICE_DESIGNATION, CLK_DESIGNATION_NOTICE, "Pemberitahuan penetapan tersangka",
         "KUHAP 1981 tidak mengatur; nilai aturan", "UU 20/2025 Pasal 90 (belum dipastikan)",
         RV(designation_notice_days)},
        {NOTICE_BAP_COPY, CLK_BAP_COPY, "Salinan BAP tersangka kepada tersangka",
         "KUHAP 1981 tidak mengatur; nilai aturan",
         "UU 20/2025 (belum dipastikan; pasal tidak diketahui)", RV(bap_copy_days)},
    };
    const struct clock_track *t = &fo->suspects[sx];
    for (size_t k = 0; k < sizeof defs_n / sizeof defs_n[0]; k++) {
        const struct clock_slot *s = &t->notices[defs_n[k].n];
        if (!s->used)
            continue;
        struct clock c;
        clock_base(&c, in, defs_n[k].kind, defs_n[k].label,
                   RS(s)->regime == REGIME_KUHAP_2025 ? defs_n[k].basis_2025 : defs_n[k].basis_1981,
                   ACTOR_INVESTIGATOR, sx, s);
        const struct rule_value *len = rule(RS(s), defs_n[k].days);
        c.to_verify = len->to_verify;
        day_due(&c, len->value, NULL, 0, in->zone);
        evaluate(&c, in->now, in->zone);
        emit(out, &c);
    }
}

/* The SPDP's recipients: the case's, then suspect sx's (sx < 0: the case's). */
static void emit_spdp_clocks(const struct clock_fold *fo, const struct clock_input *in, int sx,
                             struct clock_set *out)
{
    static const struct {
        enum notice_kind n;
        enum clock_kind kind;
        const char *label, *basis_1981, *basis_2025;
        size_t required; /* offset of the rule flag; 0: always */
    } defs_s[] = {
        {NOTICE_SPDP_KEJARI, CLK_SPDP_KEJARI, "SPDP diterima Penuntut Umum (Kejaksaan)",
         "KUHAP 109(1) jo. Putusan MK 130/PUU-XIII/2015; Permenkumham 39/2021 Pasal 27(2)",
         "UU 20/2025 (SPDP 7 hari: belum dipastikan); Permenkumham 39/2021 Pasal 27(2)", 0},
        {NOTICE_SPDP_KORWAS, CLK_SPDP_KORWAS, "SPDP diterima Korwas PPNS",
         "Permenkumham 39/2021 Pasal 27(2)",
         "UU 20/2025 (SPDP 7 hari: belum dipastikan); Permenkumham 39/2021 Pasal 27(2)",
         RV(spdp_to_korwas)},
        {NOTICE_SPDP_PELAPOR, CLK_SPDP_PELAPOR, "SPDP diterima pelapor/korban",
         "Putusan MK 130/PUU-XIII/2015",
         "UU 20/2025 (SPDP 7 hari: belum dipastikan); Putusan MK 130/PUU-XIII/2015",
         RV(spdp_to_reporter)},
        {NOTICE_SPDP_TERSANGKA, CLK_SPDP_TERSANGKA, "SPDP diterima tersangka",
         "Permenkumham 39/2021 Pasal 27(3); Putusan MK 130/PUU-XIII/2015",
         "UU 20/2025 (SPDP 7 hari: belum dipastikan); Permenkumham 39/2021 Pasal 27(3)",
         RV(spdp_to_suspect)},
        {NOTICE_SPDP_PERWAKILAN, CLK_SPDP_PERWAKILAN,
         "SPDP diterima perwakilan negara tersangka melalui Kementerian Luar Negeri",
         "Permenkumham 39/2021 Pasal 27(6)",
         "UU 20/2025 (SPDP 7 hari: belum dipastikan); Permenkumham 39/2021 Pasal 27(6)",
         RV(spdp_to_consulate)},
    };
    for (size_t k = 0; k < sizeof defs_s / sizeof defs_s[0]; k++) {
        if (notice_per_suspect(defs_s[k].n) != (sx >= 0))
            continue;
        const struct clock_slot *s =
            sx >= 0 ? &fo->suspects[sx].notices[defs_s[k].n] : &fo->spdp.to[defs_s[k].n];
        /* MK 130/PUU-XIII/2015 owes the SPDP to the victim or reporter (pelapor/korban): a file
         * from the office's own supervision, operation, intelligence or border check has none -
         * its Laporan Kejadian is the officer's - so nothing is owed to tell one */
        if (!s->used || (defs_s[k].n == NOTICE_SPDP_PELAPOR && in->no_reporter))
            continue;
        struct clock c;
        const char *basis =
            RS(s)->regime == REGIME_KUHAP_2025 ? defs_s[k].basis_2025 : defs_s[k].basis_1981;
        clock_base(&c, in, defs_s[k].kind, defs_s[k].label, basis, ACTOR_INVESTIGATOR, sx, s);
        const struct rule_value *len = &RS(s)->spdp_days, *warn = &RS(s)->spdp_warn_day;
        c.to_verify = len->to_verify || warn->to_verify ||
                      (defs_s[k].required && rule(RS(s), defs_s[k].required)->to_verify);
        int w = warn->value;
        day_due(&c, len->value, &w, w > 0 ? 1 : 0, in->zone);
        evaluate(&c, in->now, in->zone);
        emit(out, &c);
    }
}

/* A direction given (effective event i), or one stopped: by the first direction_done
 * pointing at it (through corrections). */
static bool fold_direction(struct clock_fold *fo, const struct clock_input *in, int i,
                           const struct case_event *e, struct caldate day, int64_t at,
                           struct berr *err)
{
    if (e->event == EV_DIRECTION_DONE) {
        int r = e->ref;
        while (r >= 0 && r < in->nevents && in->events[r].event == EV_CORRECTED)
            r = in->events[r].ref;
        /* the directions are in log order: the one given at r, by bisection */
        int lo = 0, hi = fo->ndirections;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (fo->directions[mid].s.src < r)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < fo->ndirections && fo->directions[lo].s.src == r)
            slot_stop(&fo->directions[lo].s, EV_DIRECTION_DONE, i, at);
        return true;
    }
    if (e->event != EV_DIRECTION_GIVEN)
        return true;
    const struct ruleset *rs = rules_on(in, i, day, err);
    if (!rs)
        return false;
    struct clock_direction *grown =
        array_grow(fo->directions, &fo->dircap, (size_t)fo->ndirections + 1, 8, sizeof *grown);
    if (!grown)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    fo->directions = grown;
    struct clock_direction *d = &fo->directions[fo->ndirections++];
    memset(d, 0, sizeof *d);
    slot_start(&d->s, i, RSI(rs), day, at);
    d->due = e->due;
    return true;
}

/* One clock per direction_given, in log order. */
static void emit_directions(const struct clock_fold *fo, const struct clock_input *in,
                            struct clock_set *out)
{
    for (int k = 0; k < fo->ndirections; k++) {
        const struct clock_direction *d = &fo->directions[k];
        struct clock c;
        clock_base(&c, in, CLK_DIRECTION, "Arahan pengawas", "Permenkumham 39/2021 (pengendalian)",
                   ACTOR_INVESTIGATOR, -1, &d->s);
        c.due_date = d->due;
        c.due_at = caldate_day_start(caldate_add(d->due, 1), in->zone);
        c.strict_at = c.due_at;
        evaluate(&c, in->now, in->zone);
        emit(out, &c);
    }
}

/* The slot of the approval owed for the act at log index src, by bisection (the approvals are
 * in log order), or NULL. */
static struct clock_slot *approval_of(const struct clock_fold *fo, int src)
{
    int lo = 0, hi = fo->napprovals;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (fo->approvals[mid].src < src)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < fo->napprovals && fo->approvals[lo].src == src ? &fo->approvals[lo] : NULL;
}

/* KUHAP 34, 38(2) (DOMAIN 4.9, D8): a search or seizure done in urgency, without the Ketua
 * PN's permit, is reported to him for his approval "segera": a clock of pn_approval_days from
 * the act under its date's rule set (0: none).  The investigator's duty is the report, not the
 * court's answer: the clock is met by the first letter_delivered reporting the act to the Ketua
 * PN (ketua_pn_persetujuan, its ref), or by the persetujuan approving it (its ref) if none was
 * recorded, whichever comes first in the log (refs through corrections).  The clock model has
 * no "awaiting the court" state: after the report it is simply met.  Whether an act needs a permit
 * or its urgency is the write path's check (app/permit.c), never the fold's: a log recorded before
 * that rule loads as it stands. */
static bool fold_approval(struct clock_fold *fo, const struct clock_input *in, int i,
                          const struct case_event *e, struct caldate day, int64_t at,
                          struct berr *err)
{
    if (e->event == EV_COURT_PERMIT_RECEIVED || e->event == EV_LETTER_DELIVERED) {
        int r = e->ref;
        while (r >= 0 && r < in->nevents && in->events[r].event == EV_CORRECTED)
            r = in->events[r].ref;
        struct clock_slot *s = r >= 0 ? approval_of(fo, r) : NULL;
        if (s)
            slot_deliver(s, e->event, i, at);
        return true;
    }
    if ((e->event != EV_SEARCH_DONE && e->event != EV_SEIZURE_DONE) || !e->urgent)
        return true;
    const struct ruleset *rs = rules_on(in, i, day, err);
    if (!rs)
        return false;
    if (rs->pn_approval_days.value <= 0)
        return true;
    struct clock_slot *grown =
        array_grow(fo->approvals, &fo->apcap, (size_t)fo->napprovals + 1, 4, sizeof *grown);
    if (!grown)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    fo->approvals = grown;
    struct clock_slot *s = &fo->approvals[fo->napprovals++];
    memset(s, 0, sizeof *s);
    slot_start(s, i, RSI(rs), day, at);
    return true;
}

/* One clock per urgent search or seizure, in log order. */
static void emit_approvals(const struct clock_fold *fo, const struct clock_input *in,
                           struct clock_set *out)
{
    for (int k = 0; k < fo->napprovals; k++) {
        const struct clock_slot *s = &fo->approvals[k];
        bool search =
            s->src >= 0 && s->src < in->nevents && in->events[s->src].event == EV_SEARCH_DONE;
        struct clock c;
        clock_base(&c, in, CLK_PN_APPROVAL,
                   search ? "Persetujuan Ketua PN atas penggeledahan mendesak"
                          : "Persetujuan Ketua PN atas penyitaan mendesak",
                   RS(s)->regime == REGIME_KUHAP_2025
                       ? (search ? "UU 20/2025 (belum dipastikan); KUHAP 1981 34"
                                 : "UU 20/2025 Pasal 44 (belum dipastikan); KUHAP 1981 38(2)")
                       : (search ? "KUHAP 34" : "KUHAP 38(2)"),
                   ACTOR_INVESTIGATOR, -1, s);
        const struct rule_value *len = &RS(s)->pn_approval_days;
        c.to_verify = len->to_verify;
        day_due(&c, len->value, NULL, 0, in->zone);
        evaluate(&c, in->now, in->zone);
        emit(out, &c);
    }
}

void clock_fold_init(struct clock_fold *fo)
{
    memset(fo, 0, sizeof *fo);
    for (int k = 0; k <= CLK_SP3_NOTIFY; k++)
        fo->cases[k].armed = true;
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++)
        detention_init(&fo->suspects[s].det);
}

bool clock_fold_step(struct clock_fold *fo, const struct clock_input *in, int i,
                     const struct case_event *e, struct berr *err)
{
    if (e->suspect >= fo->nsuspects && e->suspect < EVLOG_MAX_SUSPECTS)
        fo->nsuspects = e->suspect + 1;
    if (event_is_detention(e->event))
        return fold_suspect_event(fo, in, i, e, err);
    if (!fold_case_event(fo, in, i, e, err) ||
        !fold_approval(fo, in, i, e, evlog_date(e, in->zone), evlog_instant(e, in->zone), err))
        return false;
    if (e->event != EV_DIRECTION_GIVEN && e->event != EV_DIRECTION_DONE)
        return true;
    return fold_direction(fo, in, i, e, evlog_date(e, in->zone), evlog_instant(e, in->zone), err);
}

void clock_fold_emit(const struct clock_fold *fo, const struct clock_input *in,
                     struct clock_set *out)
{
    out->count = out->total = 0;
    for (int k = 0; k <= CLK_SP3_NOTIFY; k++)
        emit_case_clock(fo, in, (enum clock_kind)k, out);
    emit_sp3_clocks(fo, in, out);
    for (int s = 0; s < fo->nsuspects; s++)
        emit_suspect_clocks(fo, in, s, out);
    for (int s = 0; s < fo->nsuspects; s++)
        emit_notice_clocks(fo, in, s, out);
    emit_spdp_clocks(fo, in, -1, out);
    for (int s = 0; s < fo->nsuspects; s++)
        emit_spdp_clocks(fo, in, s, out);
    emit_approvals(fo, in, out);
    emit_directions(fo, in, out);
    out->skipped = fo->skipped;
}

int clock_fold_room(const struct clock_fold *fo)
{
    return CLK_SP3_NOTIFY + 1 + SP3_TO__COUNT + NOTICE__COUNT +
           fo->nsuspects * (3 + NOTICE__COUNT) + fo->napprovals + fo->ndirections;
}

static bool slot_equal(const struct clock_slot *a, const struct clock_slot *b)
{
    if (a->used != b->used || a->running != b->running || a->armed != b->armed ||
        a->moved != b->moved)
        return false;
    if (!a->used)
        return true;
    return a->src == b->src && a->rs == b->rs && caldate_cmp(a->start, b->start) == 0 &&
           a->started_at == b->started_at &&
           (a->running || (a->stopped_by == b->stopped_by && a->stop == b->stop &&
                           a->stopped_at == b->stopped_at));
}

static bool det_equal(const struct detention *a, const struct detention *b)
{
    return a->state == b->state && a->period == b->period && a->type == b->type &&
           a->ever_detained == b->ever_detained && a->court_extensions == b->court_extensions &&
           a->arrested_at == b->arrested_at && a->arrest_ends_at == b->arrest_ends_at &&
           a->period_days == b->period_days && a->days_granted == b->days_granted &&
           a->days_served == b->days_served && a->started_at == b->started_at &&
           caldate_cmp(a->start, b->start) == 0 && caldate_cmp(a->end, b->end) == 0 &&
           a->day_end_at == b->day_end_at && a->strict_end_at == b->strict_end_at &&
           caldate_cmp(a->suspended_on, b->suspended_on) == 0 && a->days_left == b->days_left &&
           a->strict_left == b->strict_left && a->in_detensi == b->in_detensi &&
           a->detensi_since_at == b->detensi_since_at;
}

static bool track_equal(const struct clock_track *a, const struct clock_track *b)
{
    if (!det_equal(&a->det, &b->det) || !slot_equal(&a->arrest, &b->arrest) ||
        (a->arrest.used && a->arrest_release_at != b->arrest_release_at) ||
        !slot_equal(&a->detention, &b->detention) || !slot_equal(&a->detensi, &b->detensi))
        return false;
    for (int n = 0; n < NOTICE__COUNT; n++)
        if (!slot_equal(&a->notices[n], &b->notices[n]))
            return false;
    /* the period is read only while the detention clock is in use */
    return !a->detention.used ||
           (a->snap.period == b->snap.period && caldate_cmp(a->snap.start, b->snap.start) == 0 &&
            a->snap.started_at == b->snap.started_at && a->snap.day_end_at == b->snap.day_end_at &&
            a->snap.strict_end_at == b->snap.strict_end_at &&
            a->snap.release_at == b->snap.release_at);
}

bool clock_fold_equal(const struct clock_fold *a, const struct clock_fold *b)
{
    if (a->nsuspects != b->nsuspects || a->skipped != b->skipped ||
        a->sp3_release_at != b->sp3_release_at || a->ndirections != b->ndirections ||
        a->napprovals != b->napprovals)
        return false;
    for (int k = 0; k < a->napprovals; k++)
        if (!slot_equal(&a->approvals[k], &b->approvals[k]))
            return false;
    for (int k = 0; k <= CLK_SP3_NOTIFY; k++)
        if (!slot_equal(&a->cases[k], &b->cases[k]))
            return false;
    for (int k = 0; k < SP3_TO__COUNT; k++)
        if (!slot_equal(&a->sp3_to[k], &b->sp3_to[k]))
            return false;
    const struct clock_spdp *x = &a->spdp, *y = &b->spdp;
    if (x->n != y->n || (x->n > 0 && (x->src != y->src || x->rs != y->rs)))
        return false;
    for (int n = 0; n < NOTICE__COUNT; n++)
        if (!slot_equal(&x->to[n], &y->to[n]))
            return false;
    for (int s = 0; s < a->nsuspects; s++)
        if (x->designated[s] != y->designated[s] || x->started[s] != y->started[s] ||
            x->delivered[s][0] != y->delivered[s][0] || x->delivered[s][1] != y->delivered[s][1] ||
            !track_equal(&a->suspects[s], &b->suspects[s]))
            return false;
    for (int k = 0; k < a->ndirections; k++)
        if (!slot_equal(&a->directions[k].s, &b->directions[k].s) ||
            caldate_cmp(a->directions[k].due, b->directions[k].due) != 0)
            return false;
    return true;
}

bool clock_fold_copy(struct clock_fold *dst, const struct clock_fold *src)
{
    struct clock_direction *d = NULL;
    if (src->ndirections > 0) {
        d = malloc((size_t)src->ndirections * sizeof *d);
        if (!d)
            return false;
        memcpy(d, src->directions, (size_t)src->ndirections * sizeof *d);
    }
    struct clock_slot *a = NULL;
    if (src->napprovals > 0) {
        a = malloc((size_t)src->napprovals * sizeof *a);
        if (!a) {
            free(d);
            return false;
        }
        memcpy(a, src->approvals, (size_t)src->napprovals * sizeof *a);
    }
    *dst = *src;
    dst->directions = d;
    dst->dircap = (size_t)src->ndirections;
    dst->approvals = a;
    dst->apcap = (size_t)src->napprovals;
    return true;
}

void clock_fold_free(struct clock_fold *fo)
{
    free(fo->directions);
    fo->directions = NULL;
    fo->ndirections = fo->dircap = 0;
    free(fo->approvals);
    fo->approvals = NULL;
    fo->napprovals = 0;
    fo->apcap = 0;
}

bool clock_compute(const struct clock_input *in, struct clock_set *out, struct berr *err)
{
    if (!in || !out || (out->cap > 0 && !out->items) || out->cap < 0)
        return berr_set(err, BERR_BAD_INPUT, "no input or output for the clocks");
    out->count = out->total = out->skipped = 0;
    if (!in->zone)
        return berr_field(err, BERR_BAD_INPUT, "zone", "no office time zone");
    if (!in->rulesets || in->nrulesets <= 0)
        return berr_field(err, BERR_BAD_INPUT, "rulesets", "no rule sets");
    if (!evlog_check(in->events, in->nevents, err) ||
        !order_check_err(in->events, in->nevents, in->zone, err))
        return false;

    struct clock_fold *fo = malloc(sizeof *fo);
    if (!fo)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    clock_fold_init(fo);
    struct case_event e;
    bool ok = true;
    for (int i = 0; ok && i < in->nevents; i++)
        if (evlog_effective(in->events, in->nevents, i, &e))
            ok = clock_fold_step(fo, in, i, &e, err);
    if (ok)
        clock_fold_emit(fo, in, out);
    clock_fold_free(fo);
    free(fo);
    return ok;
}

bool clock_log_loads(const struct clock_input *in, struct berr *err)
{
    struct clock_set none = {.items = NULL, .cap = 0};
    return clock_compute(in, &none, err);
}

bool clock_is_sp3_notice(enum clock_kind k)
{
    return k == CLK_SP3_NOTIFY || k == CLK_SP3_NOTIFY_KORWAS || k == CLK_SP3_NOTIFY_SUSPECT ||
           k == CLK_SP3_NOTIFY_REPORTER;
}

bool clock_closed_at_end(const struct clock *c)
{
    return !c->running && ends_file(c->stopped_by);
}

bool clock_undelivered(const struct clock *c)
{
    return !c->running && c->stopped_by == EV_NOTICE_UNDELIVERED;
}

bool clock_overrun(const struct clock *c)
{
    return (c->kind == CLK_ARREST || c->kind == CLK_DETENTION) && !c->running &&
           c->state == CLOCK_OVERDUE;
}

int clock_overrun_days(const struct clock *c)
{
    return c->days_left < 0 ? -c->days_left : 0;
}

int clock_overrun_hours(const struct clock *c)
{
    int64_t over = c->stopped_at - c->due_at;
    return over > 0 ? (int)((over + 3599) / 3600) : 0;
}

enum notice_kind clock_notice(enum clock_kind k)
{
    switch (k) {
    case CLK_FAMILY_ARREST_NOTICE:
        return NOTICE_FAMILY_ARREST;
    case CLK_FAMILY_DETENTION_NOTICE:
        return NOTICE_FAMILY_DETENTION;
    case CLK_CONSULAR_NOTICE:
        return NOTICE_CONSULAR;
    case CLK_DESIGNATION_NOTICE:
        return NOTICE_DESIGNATION;
    case CLK_BAP_COPY:
        return NOTICE_BAP_COPY;
    case CLK_SPDP_KEJARI:
        return NOTICE_SPDP_KEJARI;
    case CLK_SPDP_KORWAS:
        return NOTICE_SPDP_KORWAS;
    case CLK_SPDP_PELAPOR:
        return NOTICE_SPDP_PELAPOR;
    case CLK_SPDP_TERSANGKA:
        return NOTICE_SPDP_TERSANGKA;
    case CLK_SPDP_PERWAKILAN:
        return NOTICE_SPDP_PERWAKILAN;
    default:
        return NOTICE_NONE;
    }
}

enum clock_state clock_worst(const struct clock_set *set)
{
    enum clock_state worst = CLOCK_OK;
    for (int i = 0; set && i < set->count; i++)
        if (set->items[i].running && set->items[i].state > worst)
            worst = set->items[i].state;
    return worst;
}

const char *clock_kind_code(enum clock_kind k)
{
    return (int)k >= 0 && k < CLK__COUNT ? kind_codes[k] : "";
}

const char *clock_state_code(enum clock_state s)
{
    switch (s) {
    case CLOCK_OK:
        return "ok";
    case CLOCK_WARNING:
        return "warning";
    case CLOCK_OVERDUE:
        return "overdue";
    }
    return "";
}

const char *clock_state_label(enum clock_state s)
{
    switch (s) {
    case CLOCK_OK:
        return "Aman";
    case CLOCK_WARNING:
        return "Peringatan";
    case CLOCK_OVERDUE:
        return "Lewat waktu";
    }
    return "";
}
