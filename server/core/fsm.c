/*
 * fsm.c - see fsm.h.
 *
 * A case's stage changes only through the moves table; everything else a
 * stage accepts is in the stays table and keeps the stage.  Those two tables
 * are the whole law of transitions: fsm_apply() looks the pair up, runs the
 * guard, and returns the new stage or a refusal that names its reason.
 */
#include "fsm.h"

#include <stdio.h>
#include <string.h>

#define S(st)    (1u << ST_##st)
#define ACTIVE   (S(INVESTIGATION) | S(WITH_PROSECUTOR) | S(RETURNED) | S(COMPLETE))
#define OPEN     (S(PRE_INVESTIGATION) | ACTIVE | S(LAPSED) | S(TERMINATED))
#define ANY      ((1u << ST__COUNT) - 1u)
#define WORK     (S(INVESTIGATION) | S(RETURNED)) /* investigative acts: before Tahap I, after P-19 */
#define G(fn)    fn, #fn
#define NO_GUARD NULL, ""

struct move {
    enum stage from;
    enum event event;
    guard_fn guard;
    const char *guard_name;
    enum stage to;
    const char *basis;
};

struct stay {
    enum event event;
    unsigned stages; /* bit ST_x set: recordable in stage x */
    guard_fn guard;
    const char *guard_name;
    const char *basis;
};

/* clang-format off */
static const struct move moves[] = {
    /* from                  event                          guard                              to                 basis */
    {ST_PRE_INVESTIGATION, EV_SPRINDIK_ISSUED,           G(guard_laporan),                  ST_INVESTIGATION,  "KUHAP 109(1); Permenkumham 39/2021"},
    {ST_PRE_INVESTIGATION, EV_TAK_DECIDED,               NO_GUARD,                          ST_ADMINISTRATIVE, "UU 6/2011 Pasal 75; Permenkumham 39/2021"},
    {ST_PRE_INVESTIGATION, EV_DISMISSED,                 NO_GUARD,                          ST_DISMISSED,      "Permenkumham 39/2021"},
    {ST_INVESTIGATION,     EV_TAHAP1_SENT,               G(guard_file_complete),            ST_WITH_PROSECUTOR, "KUHAP 8(3)(a), 110(1); UU 6/2011 Pasal 107(2)"},
    {ST_INVESTIGATION,     EV_SHORT_PROCEDURE_HANDOVER,  G(guard_short_procedure),          ST_HANDED_OVER,    "UU 6/2011 Pasal 110"},
    {ST_INVESTIGATION,     EV_SP3_ISSUED,                G(guard_sp3),                      ST_TERMINATED,     "KUHAP 109(2); UU 20/2025 Pasal 24"},
    {ST_WITH_PROSECUTOR,   EV_P19_RECEIVED,              G(guard_p19),                      ST_RETURNED,       "KUHAP 110(2), 138(2); SE JAM Pidum B-3326/E/EJP/11/2011"},
    {ST_WITH_PROSECUTOR,   EV_RETURN_LETTER_RECEIVED,    G(guard_return_letter),            ST_RETURNED,       "SE JAM Pidum B-3326/E/EJP/11/2011; KUHAP 110(2), 138(2)"},
    {ST_WITH_PROSECUTOR,   EV_P21_RECEIVED,              G(guard_pu_receipt),               ST_COMPLETE,       "KUHAP 138(1)"},
    {ST_WITH_PROSECUTOR,   EV_DEEMED_COMPLETE_CONFIRMED, G(guard_deemed_complete),          ST_COMPLETE,       "KUHAP 110(4)"},
    {ST_RETURNED,          EV_RESUBMITTED,               G(guard_instructions_answered),    ST_WITH_PROSECUTOR, "KUHAP 110(3), 138(2)"},
    {ST_RETURNED,          EV_SP3_ISSUED,                G(guard_sp3),                      ST_TERMINATED,     "KUHAP 109(2); UU 20/2025 Pasal 24"},
    {ST_COMPLETE,          EV_TAHAP2_DONE,               NO_GUARD,                          ST_HANDED_OVER,    "KUHAP 8(3)(b)"},
    {ST_COMPLETE,          EV_LAPSED,                    G(guard_lapse),                    ST_LAPSED,         "Surat JAM Pidum B-1310/E/EJP/05/2022"},
    {ST_LAPSED,            EV_SPRINDIK_ISSUED,           NO_GUARD,                          ST_INVESTIGATION,  "Surat JAM Pidum B-1310/E/EJP/05/2022: Sprindik baru"},
    {ST_TERMINATED,        EV_REOPENED,                  NO_GUARD,                          ST_INVESTIGATION,  "KUHAP 77-83 (praperadilan)"},
    {ST_TERMINATED,        EV_SPRINDIK_ISSUED,           NO_GUARD,                          ST_INVESTIGATION,  "KUHAP 109(1): Sprindik baru"},
    {ST_TERMINATED,        EV_TAK_DECIDED,               NO_GUARD,                          ST_ADMINISTRATIVE, "UU 6/2011 Pasal 75"},
};

static const struct stay stays[] = {
    /* event                        stages                                   guard                      basis */
    {EV_REPORT_REGISTERED,         S(PRE_INVESTIGATION),                     NO_GUARD,                  "Permenkumham 39/2021 Pasal 27(1)(a)"},
    {EV_PRE_INVESTIGATION_ORDERED, S(PRE_INVESTIGATION),                     NO_GUARD,                  "Permenkumham 39/2021"},
    {EV_SPDP_SENT,                 S(INVESTIGATION) | S(WITH_PROSECUTOR) | S(RETURNED), NO_GUARD,   "KUHAP 109(1) jo. Putusan MK 130/PUU-XIII/2015"},
    {EV_SPDP_RECEIVED_BY_PU,       S(INVESTIGATION) | S(WITH_PROSECUTOR) | S(RETURNED), G(guard_spdp), "KUHAP 109(1); SOP Pidum PER-036/A/JA/09/2011"},
    {EV_SUSPECT_DESIGNATED,        WORK,                                     NO_GUARD,                  "Permenkumham 39/2021 Pasal 27(5)"},
    {EV_LETTER_DELIVERED,          OPEN,                                     NO_GUARD,                  "Tata naskah dinas"},
    /* a notice owed for an arrest or detention outlives the file (clock.c close_owed) */
    {EV_LETTER_DELIVERED,          S(HANDED_OVER) | S(ADMINISTRATIVE) | S(DISMISSED), G(guard_custody_notice), "KUHAP 18(3), 21(3); Konvensi Wina 1963 Pasal 36(1)(b)"},
    {EV_NOTICE_UNDELIVERED,        OPEN | S(HANDED_OVER) | S(ADMINISTRATIVE) | S(DISMISSED), G(guard_notice_owed), "KUHAP 18(3), 21(3); Konvensi Wina 1963 Pasal 36(1)(b)"},
    {EV_SUMMONS_SERVED,            WORK,                                     G(guard_summons),          "KUHAP 112, 227(1)"},
    {EV_BAP_RECORDED,              WORK,                                     NO_GUARD,                  "KUHAP 75, 116-120"},
    {EV_INTERPRETER_SWORN,         WORK,                                     NO_GUARD,                  "KUHAP 53, 177"},
    {EV_SEARCH_DONE,               WORK,                                     NO_GUARD,                  "KUHAP 33-34"},
    {EV_SEIZURE_DONE,              WORK,                                     NO_GUARD,                  "KUHAP 38"},
    /* an approval of an urgent act may come while the file is with the prosecutor */
    {EV_COURT_PERMIT_RECEIVED,     ACTIVE,                                   NO_GUARD,                  "KUHAP 33(1), 34, 38"},
    {EV_EVIDENCE_DEPOSITED,        WORK | S(COMPLETE),                       NO_GUARD,                  "KUHAP 44"},
    {EV_RESUME_WRITTEN,            WORK,                                     NO_GUARD,                  "KUHAP 8(1)-(2), 75"},
    {EV_ARRESTED,                  ACTIVE,                                   G(guard_arrest),           "KUHAP 16-19"},
    {EV_DETAINED,                  ACTIVE,                                   G(guard_detention),        "KUHAP 21, 24(1); UU 20/2025 Pasal 99(3)"},
    {EV_DETENTION_EXTENDED_PU,     ACTIVE,                                   G(guard_detention_continues), "KUHAP 24(2)"},
    {EV_DETENTION_EXTENDED_COURT,  ACTIVE,                                   G(guard_court_extension),  "KUHAP 29"},
    {EV_DETENTION_SUSPENDED,       ACTIVE,                                   NO_GUARD,                  "KUHAP 31"},
    {EV_DETENTION_TYPE_CHANGED,    ACTIVE,                                   NO_GUARD,                  "KUHAP 22-23"},
    {EV_RELEASED,                  ACTIVE | S(LAPSED) | S(TERMINATED),       NO_GUARD,                  "KUHAP 24(3)-(4)"},
    {EV_DETENSI_STARTED,           OPEN | S(ADMINISTRATIVE),                 NO_GUARD,                  "UU 6/2011 Pasal 83"},
    {EV_DETENSI_ENDED,             ANY,                                      NO_GUARD,                  "UU 6/2011 Pasal 83-85"},
    {EV_TAHAP1_RECEIVED_BY_PU,     S(WITH_PROSECUTOR),                       G(guard_receipt_once),     "KUHAP 138(1)"},
    {EV_P16_RECEIVED,              S(INVESTIGATION) | S(WITH_PROSECUTOR) | S(RETURNED), G(guard_spdp), "KEP-518/A/J.A/11/2001"},
    {EV_P17_RECEIVED,              S(INVESTIGATION),                         G(guard_spdp),             "KEP-518/A/J.A/11/2001"},
    {EV_P18_RECEIVED,              S(WITH_PROSECUTOR),                       G(guard_p18),              "KUHAP 138(1), 110(4)"},
    {EV_RETURNED_FILE_RECEIVED,    S(RETURNED),                              G(guard_return_receipt),   "KUHAP 138(2)"},
    {EV_INSTRUCTION_ANSWERED,      S(RETURNED),                              NO_GUARD,                  "KUHAP 110(3)"},
    {EV_P20_RECEIVED,              S(RETURNED),                              G(guard_p20),              "KUHAP 138(2); KEP-518/A/J.A/11/2001"},
    {EV_P21A_RECEIVED,             S(COMPLETE),                              NO_GUARD,                  "KEP-518/A/J.A/11/2001"},
    {EV_P22_RECEIVED,              S(COMPLETE),                              NO_GUARD,                  "KEP-518/A/J.A/11/2001"},
    {EV_P23_RECEIVED,              S(COMPLETE),                              NO_GUARD,                  "KEP-518/A/J.A/11/2001"},
    {EV_SP3_NOTIFIED,              S(TERMINATED),                            NO_GUARD,                  "KUHAP 109(3); UU 20/2025 Pasal 24(4)"},
    /* an SP3 followed by administrative action (deportation) is still told (clock.c close_owed) */
    {EV_SP3_NOTIFIED,              S(ADMINISTRATIVE),                        G(guard_sp3_stands),       "KUHAP 109(2)-(3); UU 20/2025 Pasal 24(4)"},
    {EV_REVIEW_NOTE,               ANY,                                      NO_GUARD,                  "Perkap 20/2010"},
    {EV_DIRECTION_GIVEN,           OPEN,                                     NO_GUARD,                  "Permenkumham 39/2021 (pengendalian)"},
    {EV_DIRECTION_DONE,            ANY,                                      NO_GUARD,                  "Permenkumham 39/2021 (pengendalian)"},
    {EV_REASSIGNED,                OPEN,                                     NO_GUARD,                  "Surat perintah penyidikan (perubahan)"},
    {EV_CORRECTED,                 ANY,                                      NO_GUARD,                  "Catatan asli tetap"},
};
/* clang-format on */

#define NMOVES ((int)(sizeof moves / sizeof moves[0]))
#define NSTAYS ((int)(sizeof stays / sizeof stays[0]))

/* The row for (from, ev) from either table, or false. */
static bool find_row(enum stage from, enum event ev, struct fsm_row *row)
{
    for (int i = 0; i < NMOVES; i++)
        if (moves[i].from == from && moves[i].event == ev) {
            *row = (struct fsm_row){
                from, ev, moves[i].guard, moves[i].guard_name, moves[i].to, moves[i].basis};
            return true;
        }
    for (int i = 0; i < NSTAYS; i++)
        if (stays[i].event == ev && (stays[i].stages & (1u << from))) {
            *row = (struct fsm_row){from,          ev, stays[i].guard, stays[i].guard_name, from,
                                    stays[i].basis};
            return true;
        }
    return false;
}

bool fsm_accepts(enum stage from, enum event ev, enum stage *to)
{
    struct fsm_row row;
    if (!stage_valid(from) || !event_valid(ev) || !find_row(from, ev, &row))
        return false;
    if (to)
        *to = row.to;
    return true;
}

int fsm_stage_events(enum stage from, enum event *out, int max)
{
    int n = 0;
    if (!stage_valid(from))
        return 0;
    for (int e = 0; e < EV__COUNT; e++)
        if (fsm_accepts(from, (enum event)e, NULL)) {
            if (n < max)
                out[n] = (enum event)e;
            n++;
        }
    return n;
}

int fsm_allowed(enum stage from, const struct case_facts *f, enum event *out, int max)
{
    int n = 0;
    struct fsm_row row;
    if (!stage_valid(from) || !f)
        return 0;
    for (int e = 0; e < EV__COUNT; e++) {
        if (!find_row(from, (enum event)e, &row))
            continue;
        struct missing m = {0};
        if (row.guard && !row.guard(f, &m))
            continue;
        if (n < max)
            out[n] = (enum event)e;
        n++;
    }
    return n;
}

int fsm_rows(struct fsm_row *out, int max)
{
    int n = 0;
    struct fsm_row row;
    for (int s = 0; s < ST__COUNT; s++)
        for (int e = 0; e < EV__COUNT; e++)
            if (find_row((enum stage)s, (enum event)e, &row)) {
                if (n < max)
                    out[n] = row;
                n++;
            }
    return n;
}

/* "X belum dapat dicatat, belum terpenuhi: A; B" from the missing list: each label names a
 * condition, which read as a statement ("... belum dapat dicatat: Laporan Keimigrasian telah
 * diregistrasi") without the words saying it is unmet. */
static void guard_reason(struct fsm_result *r)
{
    size_t used =
        (size_t)snprintf(r->reason, sizeof r->reason,
                         "%s belum dapat dicatat, belum terpenuhi: ", event_label(r->event));
    for (int i = 0; i < r->missing.n && used < sizeof r->reason; i++) {
        int w = snprintf(r->reason + used, sizeof r->reason - used, "%s%s", i ? "; " : "",
                         fact_label(r->missing.list[i]));
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

bool fsm_apply(enum stage from, enum event ev, const struct case_facts *f, struct fsm_result *r)
{
    memset(r, 0, sizeof *r);
    r->from = from;
    r->to = from;
    r->event = ev;
    r->basis = "";
    if (!stage_valid(from) || !event_valid(ev) || !f) {
        r->verdict = FSM_INVALID;
        snprintf(r->reason, sizeof r->reason, "Tahap atau peristiwa tidak dikenal");
        return false;
    }
    struct fsm_row row;
    if (!find_row(from, ev, &row)) {
        r->verdict = FSM_REFUSED_STAGE;
        r->nallowed = fsm_stage_events(from, r->allowed, EV__COUNT);
        snprintf(r->reason, sizeof r->reason, "%s (%s) tidak dapat dicatat pada tahap %s%s",
                 event_label(ev), event_code(ev), stage_label_of(from, f->handed_short),
                 stage_terminal(from) ? ", tahap akhir perkara" : "");
        return false;
    }
    if (row.guard && !row.guard(f, &r->missing)) {
        r->verdict = FSM_REFUSED_GUARD;
        guard_reason(r);
        return false;
    }
    r->verdict = FSM_ALLOWED;
    r->to = row.to;
    r->basis = row.basis;
    return true;
}
