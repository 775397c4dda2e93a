/*
 * test_fsm.c - the stage machine: every (stage, event) pair against an
 * expectation written here from DESIGN.md and DOMAIN.md 4.17 (not read from
 * the table), and every guard's list of missing facts.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/fsm.h"
#include "helpers.h"
#include "suites.h"

/* What each stage accepts; "event>stage" moves, a bare event keeps the stage. */
static const char *const expected[ST__COUNT][2] = {
    {"pre_investigation",
     "report_registered pre_investigation_ordered tak_decided>administrative dismissed>dismissed "
     "sprindik_issued>investigation letter_delivered notice_undelivered detensi_started "
     "detensi_ended review_note "
     "direction_given direction_done reassigned corrected"},
    {"investigation",
     "spdp_sent spdp_received_by_pu suspect_designated letter_delivered notice_undelivered "
     "summons_served "
     "bap_recorded interpreter_sworn "
     "search_done seizure_done court_permit_received evidence_deposited resume_written arrested "
     "detained detention_extended_pu detention_extended_court detention_suspended "
     "detention_type_changed released detensi_started detensi_ended tahap1_sent>with_prosecutor "
     "p16_received "
     "p17_received short_procedure_handover>handed_over sp3_issued>terminated review_note "
     "direction_given direction_done reassigned corrected"},
    {"with_prosecutor",
     "spdp_sent spdp_received_by_pu letter_delivered notice_undelivered court_permit_received "
     "arrested detained "
     "detention_extended_pu detention_extended_court detention_suspended detention_type_changed "
     "released "
     "detensi_started detensi_ended tahap1_received_by_pu p16_received p18_received "
     "p19_received>returned return_letter_received>returned p21_received>complete "
     "deemed_complete_confirmed>complete review_note direction_given direction_done reassigned "
     "corrected"},
    {"returned",
     "spdp_sent spdp_received_by_pu suspect_designated letter_delivered notice_undelivered "
     "summons_served "
     "bap_recorded interpreter_sworn "
     "search_done seizure_done court_permit_received evidence_deposited resume_written arrested "
     "detained detention_extended_pu detention_extended_court detention_suspended "
     "detention_type_changed released detensi_started detensi_ended p16_received "
     "returned_file_received "
     "instruction_answered resubmitted>with_prosecutor p20_received sp3_issued>terminated "
     "review_note direction_given direction_done reassigned corrected"},
    {"complete", "letter_delivered notice_undelivered court_permit_received evidence_deposited "
                 "arrested detained "
                 "detention_extended_pu "
                 "detention_extended_court detention_suspended detention_type_changed released "
                 "detensi_started detensi_ended p21a_received p22_received p23_received "
                 "tahap2_done>handed_over lapsed>lapsed review_note direction_given direction_done "
                 "reassigned corrected"},
    {"handed_over",
     "letter_delivered notice_undelivered detensi_ended review_note direction_done corrected"},
    {"lapsed",
     "sprindik_issued>investigation letter_delivered notice_undelivered released detensi_started "
     "detensi_ended review_note direction_given direction_done reassigned corrected"},
    {"terminated",
     "tak_decided>administrative sprindik_issued>investigation sp3_notified "
     "reopened>investigation letter_delivered notice_undelivered released detensi_started "
     "detensi_ended review_note direction_given direction_done reassigned "
     "corrected"},
    {"administrative",
     "letter_delivered notice_undelivered sp3_notified detensi_started detensi_ended review_note "
     "direction_done corrected"},
    {"dismissed",
     "letter_delivered notice_undelivered detensi_ended review_note direction_done corrected"},
};

/* Pairs whose guard fails on empty facts (rule sets known, act in 1981),
 * with the facts it must name, in order. */
static const char *const guarded_on_empty[][3] = {
    {"pre_investigation", "sprindik_issued", "laporan"},
    {"investigation", "tahap1_sent", "spdp_sent suspect resume"},
    {"investigation", "short_procedure_handover", "spdp_sent suspect short_procedure_offence"},
    {"investigation", "p16_received", "spdp_sent"},
    /* issue 10: the Kejari registers an SPDP only once one was sent (KUHAP 109(1)) */
    {"investigation", "spdp_received_by_pu", "spdp_sent"},
    {"with_prosecutor", "spdp_received_by_pu", "spdp_sent"},
    {"returned", "spdp_received_by_pu", "spdp_sent"},
    {"investigation", "p17_received", "spdp_sent"},
    {"with_prosecutor", "p16_received", "spdp_sent"},
    {"returned", "p16_received", "spdp_sent"},
    {"with_prosecutor", "deemed_complete_confirmed", "tahap1_received"},
    {"complete", "lapsed", "p21"},
    {"investigation", "detained", "detainable_offence"},
    {"with_prosecutor", "detained", "detainable_offence"},
    {"returned", "detained", "detainable_offence"},
    {"complete", "detained", "detainable_offence"},
    /* KUHAP 24(2), 29: an extension continues a detention whose ground
     * still stands (issue 13.11: not after the only charge was withdrawn) */
    {"investigation", "detention_extended_pu", "detainable_offence"},
    {"with_prosecutor", "detention_extended_pu", "detainable_offence"},
    {"returned", "detention_extended_pu", "detainable_offence"},
    {"complete", "detention_extended_pu", "detainable_offence"},
    {"investigation", "detention_extended_court", "detainable_offence court_extension_ground"},
    {"with_prosecutor", "detention_extended_court", "detainable_offence court_extension_ground"},
    {"returned", "detention_extended_court", "detainable_offence court_extension_ground"},
    {"complete", "detention_extended_court", "detainable_offence court_extension_ground"},
    /* KUHAP 138(1): the PU answers a file it received (issue 13.5, 13.11) */
    {"with_prosecutor", "p21_received", "tahap1_received"},
    {"with_prosecutor", "p18_received", "tahap1_received"},
    {"with_prosecutor", "p19_received", "tahap1_received"},
    /* SE B-3326/2011: a later return is a letter after the P-19 */
    {"with_prosecutor", "return_letter_received", "tahap1_received p19_given"},
    /* KUHAP 138(2): P-20 after the investigator's 14 days */
    {"returned", "p20_received", "resend_period_elapsed"},
};

static struct ruleset sets[RULESET_BUILTIN_COUNT];

/* Copy the next space-separated word of *p into buf; false at the end. */
static bool next_word(const char **p, char *buf, size_t n)
{
    while (**p == ' ')
        (*p)++;
    if (!**p)
        return false;
    size_t len = strcspn(*p, " ");
    ck_assert_uint_lt(len, n);
    memcpy(buf, *p, len);
    buf[len] = '\0';
    *p += len;
    return true;
}

/* Is event accepted in stage by the expectation?  to gets the target code
 * ("" when the stage is kept). */
static bool expected_pair(const char *stage, const char *event, char *to, size_t n)
{
    for (int s = 0; s < ST__COUNT; s++) {
        if (strcmp(expected[s][0], stage) != 0)
            continue;
        const char *p = expected[s][1];
        char word[64];
        while (next_word(&p, word, sizeof word)) {
            char *gt = strchr(word, '>');
            if (gt)
                *gt = '\0';
            if (strcmp(word, event) == 0) {
                snprintf(to, n, "%s", gt ? gt + 1 : "");
                return true;
            }
        }
        return false;
    }
    ck_abort_msg("no expectation for stage %s", stage);
    return false;
}

static int expected_count(const char *stage)
{
    int n = 0;
    for (int e = 0; e < EV__COUNT; e++) {
        char to[32];
        if (expected_pair(stage, event_code((enum event)e), to, sizeof to))
            n++;
    }
    return n;
}

/* Facts with every rule set, the act on 1 June 2025 (KUHAP-1981), and nothing else. */
static struct case_facts empty_facts(void)
{
    struct case_facts f;
    memset(&f, 0, sizeof f);
    builtin_sets(sets);
    f.rulesets = sets;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_date = day_of("2025-06-01");
    return f;
}

/* Facts under which every guard passes. */
static struct case_facts full_facts(void)
{
    struct case_facts f = empty_facts();
    f.report_registered = true;
    f.spdp_sent = true;
    f.suspects = 2;
    f.suspects_without_bap = 0;
    f.resume_written = true;
    f.instructions_open = 0;
    f.tahap1_received = true;
    f.tahap1_received_on = day_of("2025-01-02");
    f.p21 = true;
    f.p21_on = day_of("2025-01-02");
    f.offences = 1;
    f.max_prison_months = 15 * 12;
    f.offence_detainable = true;
    f.short_procedure_only = true;
    f.severe_illness = true;
    f.polri_order = true;
    f.polri_involved = true;
    f.returned = true; /* returned on 2 January, received back on the 3rd */
    f.returned_on = day_of("2025-01-02");
    f.return_received = false;
    f.return_received_on = day_of("2025-01-03");
    f.act_known = true;
    f.late_reason = true;
    f.has_appearance = true; /* a summons with a week's notice (KUHAP 227(1)) */
    f.appearance = caldate_add(f.act_date, 7);
    return f;
}

/* full_facts(), but what the act e itself wants absent: a receipt not yet
 * recorded for the receipt (issue 13.2), a P-19 already given for the
 * later letter (SE B-3326/2011). */
static struct case_facts full_facts_for(enum event e)
{
    struct case_facts f = full_facts();
    if (e == EV_TAHAP1_RECEIVED_BY_PU)
        f.tahap1_received = false;
    if (e == EV_RETURN_LETTER_RECEIVED)
        f.returns = 1;
    if (e == EV_LETTER_DELIVERED)
        f.custody_notice = true; /* what a file that has ended still takes */
    if (e == EV_NOTICE_UNDELIVERED)
        f.custody_notice = f.notice_owed = true; /* a notice of custody still owed */
    if (e == EV_SP3_NOTIFIED)
        f.sp3_stands = true; /* after a TAK, an SP3 stands */
    return f;
}

/* m lists exactly the codes in `codes` (space-separated), in that order. */
static void assert_missing(const struct missing *m, const char *codes)
{
    const char *p = codes;
    char word[64];
    int i = 0;
    while (next_word(&p, word, sizeof word)) {
        ck_assert_msg(i < m->n, "missing only %d facts, expected %s", m->n, codes);
        ck_assert_str_eq(fact_code(m->list[i]), word);
        i++;
    }
    ck_assert_msg(i == m->n, "%d facts missing, expected %s", m->n, codes);
}

static void assert_guard(enum stage s, enum event e, const struct case_facts *f, const char *codes)
{
    struct fsm_result r;
    ck_assert(!fsm_apply(s, e, f, &r));
    ck_assert_int_eq(r.verdict, FSM_REFUSED_GUARD);
    ck_assert_int_eq(r.to, s);
    assert_missing(&r.missing, codes);
    ck_assert_ptr_nonnull(strstr(r.reason, fact_label(r.missing.list[0])));
}

static void assert_allowed(enum stage s, enum event e, const struct case_facts *f, enum stage to)
{
    struct fsm_result r;
    ck_assert_msg(fsm_apply(s, e, f, &r), "%s refused in %s: %s", event_code(e), stage_code(s),
                  r.reason);
    ck_assert_int_eq(r.verdict, FSM_ALLOWED);
    ck_assert_int_eq(r.to, to);
}

/* One stage (the loop index) against every event. */
static void check_pair(enum stage s, enum event e)
{
    char to[32];
    bool expect = expected_pair(stage_code(s), event_code(e), to, sizeof to);
    struct case_facts f = full_facts_for(e);
    struct fsm_result r;
    bool ok = fsm_apply(s, e, &f, &r);
    ck_assert_int_eq(r.from, s);
    ck_assert_int_eq(r.event, e);
    if (expect) {
        ck_assert_msg(ok, "%s should be accepted in %s: %s", event_code(e), stage_code(s),
                      r.reason);
        ck_assert_int_eq(r.verdict, FSM_ALLOWED);
        ck_assert_msg(strcmp(stage_code(r.to), to[0] ? to : stage_code(s)) == 0,
                      "%s in %s leads to %s", event_code(e), stage_code(s), stage_code(r.to));
        ck_assert_str_eq(r.reason, "");
        ck_assert_int_gt((int)strlen(r.basis), 3);
        enum stage via = ST__COUNT;
        ck_assert(fsm_accepts(s, e, &via));
        ck_assert_int_eq(via, r.to);
    } else {
        ck_assert_msg(!ok, "%s should be refused in %s", event_code(e), stage_code(s));
        ck_assert_int_eq(r.verdict, FSM_REFUSED_STAGE);
        ck_assert_int_eq(r.to, s);
        ck_assert_ptr_nonnull(strstr(r.reason, stage_label(s)));
        ck_assert_ptr_nonnull(strstr(r.reason, event_code(e)));
        ck_assert(!fsm_accepts(s, e, NULL));
        /* The refusal lists what the stage does accept (for the 409). */
        ck_assert_msg(r.nallowed == expected_count(stage_code(s)), "%s: %d events listed",
                      stage_code(s), r.nallowed);
        for (int i = 0; i < r.nallowed; i++)
            ck_assert(expected_pair(stage_code(s), event_code(r.allowed[i]), to, sizeof to));
    }
}

START_TEST(test_every_stage_event_pair_matches_the_expectation)
{
    for (int e = 0; e < EV__COUNT; e++)
        check_pair((enum stage)_i, (enum event)e);
}
END_TEST

/* With empty facts, an accepted pair is refused only by its expected guard. */
static void check_guarded(enum stage s, enum event e)
{
    char to[32];
    if (!expected_pair(stage_code(s), event_code(e), to, sizeof to))
        return;
    const char *codes = NULL;
    for (size_t i = 0; i < sizeof guarded_on_empty / sizeof guarded_on_empty[0]; i++)
        if (strcmp(guarded_on_empty[i][0], stage_code(s)) == 0 &&
            strcmp(guarded_on_empty[i][1], event_code(e)) == 0)
            codes = guarded_on_empty[i][2];
    struct case_facts f = empty_facts();
    struct fsm_result r;
    bool ok = fsm_apply(s, e, &f, &r);
    if (codes) {
        ck_assert_msg(!ok, "%s in %s should be guarded", event_code(e), stage_code(s));
        ck_assert_int_eq(r.verdict, FSM_REFUSED_GUARD);
        assert_missing(&r.missing, codes);
    } else {
        ck_assert_msg(ok, "%s in %s refused: %s", event_code(e), stage_code(s), r.reason);
    }
}

START_TEST(test_every_accepted_pair_is_guarded_only_where_expected)
{
    for (int e = 0; e < EV__COUNT; e++)
        check_guarded((enum stage)_i, (enum event)e);
}
END_TEST

START_TEST(test_terminal_stages_accept_only_annotations)
{
    struct case_facts f = full_facts();
    enum stage terminal[] = {ST_HANDED_OVER, ST_ADMINISTRATIVE, ST_DISMISSED};
    for (int i = 0; i < 3; i++) {
        enum event out[EV__COUNT];
        int n = fsm_allowed(terminal[i], &f, out, EV__COUNT);
        ck_assert_int_le(n, 5);
        for (int j = 0; j < n; j++) {
            ck_assert(out[j] == EV_REVIEW_NOTE || out[j] == EV_CORRECTED ||
                      out[j] == EV_DIRECTION_DONE || out[j] == EV_DETENSI_ENDED ||
                      (terminal[i] == ST_ADMINISTRATIVE && out[j] == EV_DETENSI_STARTED));
            enum stage to;
            ck_assert(fsm_accepts(terminal[i], out[j], &to));
            ck_assert_int_eq(to, terminal[i]);
        }
        struct fsm_result r;
        ck_assert(!fsm_apply(terminal[i], EV_SPRINDIK_ISSUED, &f, &r));
        ck_assert_ptr_nonnull(strstr(r.reason, "tahap akhir"));
    }
}
END_TEST

/* KUHAP 18(3), 21(3); VCCR 36(1)(b): the family's copy of an arrest's or a detention's order and
 * the consular notice are owed because a person was taken; a file handed over, diverted to
 * administrative action or dismissed still takes their delivery, and only theirs - the SPDP's
 * copies, a report to the Ketua PN, tell of an investigation that is over. */
START_TEST(test_a_file_that_ended_takes_only_a_notice_of_custody)
{
    enum stage terminal[] = {ST_HANDED_OVER, ST_ADMINISTRATIVE, ST_DISMISSED};
    for (int i = 0; i < 3; i++) {
        struct case_facts f = full_facts();
        f.custody_notice = true;
        assert_allowed(terminal[i], EV_LETTER_DELIVERED, &f, terminal[i]);
        f.custody_notice = false;
        assert_guard(terminal[i], EV_LETTER_DELIVERED, &f, "custody_notice");
    }
    /* an open file takes any letter */
    struct case_facts f = full_facts();
    assert_allowed(ST_TERMINATED, EV_LETTER_DELIVERED, &f, ST_TERMINATED);
    assert_allowed(ST_INVESTIGATION, EV_LETTER_DELIVERED, &f, ST_INVESTIGATION);
}
END_TEST

/* A notice of custody the investigator cannot deliver (no family known, the consular notice
 * declined) is declared so with its reason, in an open file and in one that ended (the notice
 * outlives it); only while it is owed (not delivered, not declared before).  Which notices may
 * be declared at all (custody, an SP3's to another than the PU; never the SPDP's copies) the
 * input's recipient decides: 400 before the guard (app/events.c). */
START_TEST(test_only_a_custody_notice_still_owed_is_declared_undelivered)
{
    enum stage stages[] = {ST_INVESTIGATION, ST_WITH_PROSECUTOR, ST_TERMINATED,
                           ST_HANDED_OVER,   ST_ADMINISTRATIVE,  ST_DISMISSED};
    for (int i = 0; i < 6; i++) {
        struct case_facts f = full_facts();
        f.custody_notice = f.notice_owed = true;
        assert_allowed(stages[i], EV_NOTICE_UNDELIVERED, &f, stages[i]);
        f.notice_owed = false; /* delivered, or declared undelivered already */
        assert_guard(stages[i], EV_NOTICE_UNDELIVERED, &f, "notice_owed");
    }
}
END_TEST

/* KUHAP 109(2)-(3), UU 20/2025 Pasal 24(4): an SP3 is told to the PU and the suspect whatever
 * follows it - a file diverted to administrative action (deportation) after its SP3 still takes
 * the SP3's notice; one diverted without an SP3 has none to tell (play4 #8). */
START_TEST(test_an_sp3_is_told_after_the_administrative_action_that_follows_it)
{
    struct case_facts f = full_facts();
    f.sp3_stands = true;
    assert_allowed(ST_ADMINISTRATIVE, EV_SP3_NOTIFIED, &f, ST_ADMINISTRATIVE);
    f.sp3_stands = false;
    assert_guard(ST_ADMINISTRATIVE, EV_SP3_NOTIFIED, &f, "sp3_stands");
    assert_allowed(ST_TERMINATED, EV_SP3_NOTIFIED, &f, ST_TERMINATED);
}
END_TEST

START_TEST(test_rows_cover_exactly_the_expected_pairs)
{
    struct fsm_row rows[ST__COUNT * EV__COUNT];
    int n = fsm_rows(rows, ST__COUNT * EV__COUNT);
    int expect = 0;
    for (int s = 0; s < ST__COUNT; s++)
        expect += expected_count(stage_code((enum stage)s));
    ck_assert_int_eq(n, expect);
    for (int i = 0; i < n; i++) {
        char to[32];
        ck_assert(
            expected_pair(stage_code(rows[i].from), event_code(rows[i].event), to, sizeof to));
        ck_assert_ptr_nonnull(rows[i].guard_name);
        ck_assert_int_eq(rows[i].guard != NULL, rows[i].guard_name[0] != '\0');
        if (i > 0) /* stage by stage, events in catalogue order, no pair twice */
            ck_assert(rows[i].from > rows[i - 1].from ||
                      (rows[i].from == rows[i - 1].from && rows[i].event > rows[i - 1].event));
    }
    ck_assert_int_eq(fsm_rows(rows, 3), n); /* counts past max */
}
END_TEST

START_TEST(test_invalid_stage_event_or_facts_are_refused_as_invalid)
{
    struct case_facts f = full_facts();
    struct fsm_result r;
    ck_assert(!fsm_apply(ST__COUNT, EV_TAHAP1_SENT, &f, &r));
    ck_assert_int_eq(r.verdict, FSM_INVALID);
    ck_assert(!fsm_apply(ST_INVESTIGATION, EV__COUNT, &f, &r));
    ck_assert_int_eq(r.verdict, FSM_INVALID);
    ck_assert(!fsm_apply(ST_INVESTIGATION, EV_TAHAP1_SENT, NULL, &r));
    ck_assert_int_eq(r.verdict, FSM_INVALID);
    ck_assert(!fsm_accepts((enum stage) - 1, EV_CORRECTED, NULL));
    enum event out[4];
    ck_assert_int_eq(fsm_allowed(ST__COUNT, &f, out, 4), 0);
    ck_assert_int_eq(fsm_stage_events(ST__COUNT, out, 4), 0);
}
END_TEST

START_TEST(test_tahap1_refused_without_spdp)
{
    struct case_facts f = full_facts();
    f.spdp_sent = false;
    assert_guard(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, "spdp_sent");
}
END_TEST

START_TEST(test_tahap1_refused_without_any_suspect)
{
    struct case_facts f = full_facts();
    f.suspects = 0;
    assert_guard(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, "suspect");
}
END_TEST

START_TEST(test_tahap1_refused_while_a_suspect_has_no_bap)
{
    struct case_facts f = full_facts();
    f.suspects = 3;
    f.suspects_without_bap = 1;
    assert_guard(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, "bap_tersangka");
}
END_TEST

START_TEST(test_tahap1_refused_without_resume)
{
    struct case_facts f = full_facts();
    f.resume_written = false;
    assert_guard(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, "resume");
}
END_TEST

START_TEST(test_tahap1_names_every_missing_fact_at_once)
{
    struct case_facts f = full_facts();
    f.spdp_sent = false;
    f.suspects = 1;
    f.suspects_without_bap = 1;
    f.resume_written = false;
    assert_guard(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, "spdp_sent bap_tersangka resume");
    struct fsm_result r;
    fsm_apply(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, &r);
    ck_assert_ptr_nonnull(strstr(r.reason, "SPDP"));
    ck_assert_ptr_nonnull(strstr(r.reason, "BAP tersangka"));
    ck_assert_ptr_nonnull(strstr(r.reason, "Resume"));
}
END_TEST

START_TEST(test_tahap1_allowed_with_a_complete_file)
{
    struct case_facts f = empty_facts();
    f.spdp_sent = true;
    f.suspects = 1;
    f.resume_written = true;
    assert_allowed(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, ST_WITH_PROSECUTOR);
}
END_TEST

START_TEST(test_resubmission_refused_while_an_instruction_is_open)
{
    struct case_facts f = full_facts();
    f.instructions_open = 1;
    assert_guard(ST_RETURNED, EV_RESUBMITTED, &f, "instructions_answered");
    f.instructions_open = 0;
    assert_allowed(ST_RETURNED, EV_RESUBMITTED, &f, ST_WITH_PROSECUTOR);
}
END_TEST

START_TEST(test_p21_refused_until_the_prosecutor_received_the_file)
{
    /* KUHAP 138(1): the PU answers on a file he received (issue 13.11) */
    struct case_facts f = full_facts();
    f.tahap1_received = false;
    assert_guard(ST_WITH_PROSECUTOR, EV_P21_RECEIVED, &f, "tahap1_received");
    f.tahap1_received = true;
    assert_allowed(ST_WITH_PROSECUTOR, EV_P21_RECEIVED, &f, ST_COMPLETE);
}
END_TEST

START_TEST(test_extension_refused_once_no_detainable_offence_is_charged)
{
    /* KUHAP 24(2), 21(4): the only charge withdrawn, no ground is left */
    struct case_facts f = full_facts();
    f.offences = 0;
    f.offence_detainable = false;
    f.max_prison_months = 0;
    f.severe_illness = false;
    assert_guard(ST_INVESTIGATION, EV_DETENTION_EXTENDED_PU, &f, "detainable_offence");
    assert_guard(ST_INVESTIGATION, EV_DETENTION_EXTENDED_COURT, &f,
                 "detainable_offence court_extension_ground");
    f.severe_illness = true; /* a doctor's certificate is no ground to detain */
    assert_guard(ST_INVESTIGATION, EV_DETENTION_EXTENDED_COURT, &f, "detainable_offence");
    f.offences = 1; /* Pasal 113: one year, not on Pasal 109's list */
    f.max_prison_months = 12;
    assert_guard(ST_RETURNED, EV_DETENTION_EXTENDED_PU, &f, "detainable_offence");
    f.max_prison_months = 60; /* five years: KUHAP 21(4)(a) */
    assert_allowed(ST_RETURNED, EV_DETENTION_EXTENDED_PU, &f, ST_RETURNED);
}
END_TEST

START_TEST(test_sprindik_needs_the_laporan_only_from_pre_investigation)
{
    struct case_facts f = empty_facts();
    assert_guard(ST_PRE_INVESTIGATION, EV_SPRINDIK_ISSUED, &f, "laporan");
    assert_allowed(ST_LAPSED, EV_SPRINDIK_ISSUED, &f, ST_INVESTIGATION);
    assert_allowed(ST_TERMINATED, EV_SPRINDIK_ISSUED, &f, ST_INVESTIGATION);
    f.report_registered = true;
    assert_allowed(ST_PRE_INVESTIGATION, EV_SPRINDIK_ISSUED, &f, ST_INVESTIGATION);
}
END_TEST

START_TEST(test_deemed_complete_refused_on_day_14_allowed_on_day_15)
{
    /* KUHAP 110(4): deemed complete if the PU has not returned the file
     * within 14 days of receipt; receipt on 1 March is day 0. */
    struct case_facts f = empty_facts();
    assert_guard(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, "tahap1_received");
    f.tahap1_received = true;
    f.tahap1_received_on = day_of("2025-03-01");
    f.act_date = day_of("2025-03-14");
    assert_guard(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, "pu_period_elapsed");
    f.act_date = day_of("2025-03-15");
    assert_guard(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, "pu_period_elapsed");
    f.act_date = day_of("2025-03-16");
    assert_allowed(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, ST_COMPLETE);
}
END_TEST

START_TEST(test_deemed_complete_uses_the_regime_of_the_receipt)
{
    /* Receipt on 30 December 2025 (KUHAP-1981, 14 days); an amended
     * KUHAP-2025 with 20 days must not lengthen it. */
    struct case_facts f = empty_facts();
    ck_assert(ruleset_set(&sets[1], "pu_return_days", 20));
    f.tahap1_received = true;
    f.tahap1_received_on = day_of("2025-12-30");
    f.act_date = day_of("2026-01-13"); /* day 14 */
    assert_guard(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, "pu_period_elapsed");
    f.act_date = day_of("2026-01-14"); /* day 15 */
    assert_allowed(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, ST_COMPLETE);
    /* A receipt on 2 January 2026 follows the amended 20 days. */
    f.tahap1_received_on = day_of("2026-01-02");
    f.act_date = day_of("2026-01-17"); /* day 15 */
    assert_guard(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, "pu_period_elapsed");
    f.act_date = day_of("2026-01-23"); /* day 21 */
    assert_allowed(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, ST_COMPLETE);
}
END_TEST

START_TEST(test_lapse_refused_on_day_60_allowed_on_day_61)
{
    /* JAM Pidum B-1310/E/EJP/05/2022: 60 days after P-21 without Tahap II. */
    struct case_facts f = empty_facts();
    assert_guard(ST_COMPLETE, EV_LAPSED, &f, "p21");
    f.p21 = true;
    f.p21_on = day_of("2025-05-01");
    f.act_date = day_of("2025-06-29"); /* day 59 */
    assert_guard(ST_COMPLETE, EV_LAPSED, &f, "tahap2_period_elapsed");
    f.act_date = day_of("2025-06-30"); /* day 60 */
    assert_guard(ST_COMPLETE, EV_LAPSED, &f, "tahap2_period_elapsed");
    f.act_date = day_of("2025-07-01"); /* day 61 */
    assert_allowed(ST_COMPLETE, EV_LAPSED, &f, ST_LAPSED);
}
END_TEST

START_TEST(test_short_procedure_only_for_pasal_116_and_117)
{
    /* UU 6/2011 Pasal 110(1). */
    struct case_facts f = empty_facts();
    assert_guard(ST_INVESTIGATION, EV_SHORT_PROCEDURE_HANDOVER, &f,
                 "spdp_sent suspect short_procedure_offence");
    f.spdp_sent = true;
    f.suspects = 1;
    f.offences = 2;
    f.short_procedure_only = false; /* e.g. Pasal 116 and Pasal 122 */
    assert_guard(ST_INVESTIGATION, EV_SHORT_PROCEDURE_HANDOVER, &f, "short_procedure_offence");
    f.short_procedure_only = true;
    assert_allowed(ST_INVESTIGATION, EV_SHORT_PROCEDURE_HANDOVER, &f, ST_HANDED_OVER);
}
END_TEST

START_TEST(test_short_procedure_hands_over_an_examined_suspect_after_the_spdp)
{
    /* UU 6/2011 Pasal 110(2) hands over the suspect examined; KUHAP 109(1) jo. MK 130/2015: the
     * SPDP to the PU in every investigation; KUHAP 53, 177: the interpreter sworn first. */
    struct case_facts f = empty_facts();
    f.suspects = 2;
    f.offences = 1;
    f.short_procedure_only = true;
    f.suspects_without_bap = 1;
    f.suspects_uninterpreted = 1;
    assert_guard(ST_INVESTIGATION, EV_SHORT_PROCEDURE_HANDOVER, &f,
                 "spdp_sent bap_tersangka interpreter_sworn");
    f.spdp_sent = true;
    f.suspects_uninterpreted = 0;
    assert_guard(ST_INVESTIGATION, EV_SHORT_PROCEDURE_HANDOVER, &f, "bap_tersangka");
    f.suspects_without_bap = 0;
    assert_allowed(ST_INVESTIGATION, EV_SHORT_PROCEDURE_HANDOVER, &f, ST_HANDED_OVER);
}
END_TEST

START_TEST(test_a_file_handed_over_under_the_short_procedure_is_not_tahap_ii)
{
    /* UU 6/2011 Pasal 110; DOMAIN 4.14: no P-21, no Tahap II - one label for it */
    ck_assert_str_eq(stage_label_of(ST_HANDED_OVER, true), "Penyerahan perkara acara singkat");
    ck_assert_str_eq(stage_label_of(ST_HANDED_OVER, false), "Tahap II selesai");
    ck_assert_str_eq(stage_label_of(ST_TERMINATED, true), stage_label(ST_TERMINATED));
    struct case_facts f = empty_facts();
    struct fsm_result r;
    f.handed_short = true;
    ck_assert(!fsm_apply(ST_HANDED_OVER, EV_RESUME_WRITTEN, &f, &r));
    ck_assert_msg(strstr(r.reason, "Penyerahan perkara acara singkat") &&
                      !strstr(r.reason, "Tahap II"),
                  "%s", r.reason);
    f.handed_short = false;
    ck_assert(!fsm_apply(ST_HANDED_OVER, EV_RESUME_WRITTEN, &f, &r));
    ck_assert_msg(strstr(r.reason, "Tahap II selesai"), "%s", r.reason);
}
END_TEST

START_TEST(test_sp3_needs_polri_involvement_only_for_acts_from_2_january_2026)
{
    /* UU 20/2025 Pasal 24(3). */
    struct case_facts f = empty_facts();
    f.act_date = day_of("2026-01-01");
    assert_allowed(ST_INVESTIGATION, EV_SP3_ISSUED, &f, ST_TERMINATED);
    assert_allowed(ST_RETURNED, EV_SP3_ISSUED, &f, ST_TERMINATED);
    f.act_date = day_of("2026-01-02");
    assert_guard(ST_INVESTIGATION, EV_SP3_ISSUED, &f, "polri_involvement");
    assert_guard(ST_RETURNED, EV_SP3_ISSUED, &f, "polri_involvement");
    f.polri_involved = true;
    assert_allowed(ST_INVESTIGATION, EV_SP3_ISSUED, &f, ST_TERMINATED);
}
END_TEST

START_TEST(test_detention_refused_for_a_non_detainable_offence)
{
    /* KUHAP 21(4); UU 6/2011 Pasal 109: Pasal 124(a), 2 years, is not listed. */
    struct case_facts f = empty_facts();
    f.offences = 1;
    f.max_prison_months = 24;
    assert_guard(ST_INVESTIGATION, EV_DETAINED, &f, "detainable_offence");
    f.max_prison_months = 59;
    assert_guard(ST_INVESTIGATION, EV_DETAINED, &f, "detainable_offence");
    f.max_prison_months = 60; /* 21(4)(a): five years */
    assert_allowed(ST_INVESTIGATION, EV_DETAINED, &f, ST_INVESTIGATION);
    f.max_prison_months = 12;
    f.offence_detainable = true; /* on Pasal 109's list */
    assert_allowed(ST_INVESTIGATION, EV_DETAINED, &f, ST_INVESTIGATION);
    f.offences = 0; /* nothing charged yet */
    assert_guard(ST_INVESTIGATION, EV_DETAINED, &f, "detainable_offence");
}
END_TEST

START_TEST(test_detention_needs_polri_order_for_acts_from_2_january_2026)
{
    /* UU 20/2025 Pasal 99(3). */
    struct case_facts f = empty_facts();
    f.offences = 1;
    f.max_prison_months = 60;
    f.act_date = day_of("2026-01-01");
    assert_allowed(ST_INVESTIGATION, EV_DETAINED, &f, ST_INVESTIGATION);
    f.act_date = day_of("2026-01-02");
    assert_guard(ST_INVESTIGATION, EV_DETAINED, &f, "polri_order");
    f.max_prison_months = 24;
    assert_guard(ST_INVESTIGATION, EV_DETAINED, &f, "detainable_offence polri_order");
    f.max_prison_months = 60;
    f.polri_order = true;
    assert_allowed(ST_COMPLETE, EV_DETAINED, &f, ST_COMPLETE);
}
END_TEST

START_TEST(test_court_extension_only_for_nine_years_or_severe_illness)
{
    /* KUHAP 29(1): (a) severe physical/mental disorder, (b) >= 9 years. */
    struct case_facts f = empty_facts();
    f.offences = 1;
    f.max_prison_months = 5 * 12; /* Pasal 122 */
    assert_guard(ST_INVESTIGATION, EV_DETENTION_EXTENDED_COURT, &f, "court_extension_ground");
    f.max_prison_months = 9 * 12 - 1;
    assert_guard(ST_INVESTIGATION, EV_DETENTION_EXTENDED_COURT, &f, "court_extension_ground");
    f.max_prison_months = 9 * 12;
    assert_allowed(ST_INVESTIGATION, EV_DETENTION_EXTENDED_COURT, &f, ST_INVESTIGATION);
    f.max_prison_months = 15 * 12; /* Pasal 120, people smuggling */
    assert_allowed(ST_RETURNED, EV_DETENTION_EXTENDED_COURT, &f, ST_RETURNED);
    f.max_prison_months = 5 * 12;
    f.severe_illness = true;
    assert_allowed(ST_INVESTIGATION, EV_DETENTION_EXTENDED_COURT, &f, ST_INVESTIGATION);
}
END_TEST

START_TEST(test_arrest_needs_polri_order_only_when_the_rule_set_says_so)
{
    /* UU 20/2025 Pasal 93(3) is UNCERTAIN: off by default, data to switch on. */
    struct case_facts f = empty_facts();
    f.act_date = day_of("2026-02-01");
    assert_allowed(ST_INVESTIGATION, EV_ARRESTED, &f, ST_INVESTIGATION);
    ck_assert(ruleset_set(&sets[1], "arrest_needs_polri_order", 1));
    assert_guard(ST_INVESTIGATION, EV_ARRESTED, &f, "polri_order");
    f.act_date = day_of("2025-12-31");
    assert_allowed(ST_INVESTIGATION, EV_ARRESTED, &f, ST_INVESTIGATION);
}
END_TEST

START_TEST(test_p16_and_p17_need_an_spdp)
{
    struct case_facts f = empty_facts();
    assert_guard(ST_INVESTIGATION, EV_P17_RECEIVED, &f, "spdp_sent");
    assert_guard(ST_INVESTIGATION, EV_P16_RECEIVED, &f, "spdp_sent");
    f.spdp_sent = true;
    assert_allowed(ST_INVESTIGATION, EV_P17_RECEIVED, &f, ST_INVESTIGATION);
    assert_allowed(ST_INVESTIGATION, EV_P16_RECEIVED, &f, ST_INVESTIGATION);
}
END_TEST

START_TEST(test_an_act_before_every_rule_set_misses_the_ruleset)
{
    struct case_facts f = full_facts();
    f.act_date = day_of("1975-01-01");
    assert_guard(ST_INVESTIGATION, EV_DETAINED, &f, "ruleset");
    assert_guard(ST_INVESTIGATION, EV_SP3_ISSUED, &f, "ruleset");
    assert_guard(ST_INVESTIGATION, EV_ARRESTED, &f, "ruleset");
    assert_guard(ST_INVESTIGATION, EV_DETENTION_EXTENDED_COURT, &f, "ruleset");
    f.rulesets = NULL;
    f.nrulesets = 0;
    f.act_date = day_of("2025-01-01");
    assert_guard(ST_INVESTIGATION, EV_DETAINED, &f, "ruleset");
}
END_TEST

START_TEST(test_allowed_now_follows_the_guards)
{
    struct case_facts f = empty_facts();
    enum event out[EV__COUNT];
    int n = fsm_allowed(ST_PRE_INVESTIGATION, &f, out, EV__COUNT);
    ck_assert_int_eq(n, expected_count("pre_investigation") - 1);
    for (int i = 0; i < n; i++)
        ck_assert_int_ne(out[i], EV_SPRINDIK_ISSUED);
    f.report_registered = true;
    ck_assert_int_eq(fsm_allowed(ST_PRE_INVESTIGATION, &f, out, EV__COUNT),
                     expected_count("pre_investigation"));
    /* Counting goes on past max. */
    ck_assert_int_eq(fsm_allowed(ST_PRE_INVESTIGATION, &f, out, 2),
                     expected_count("pre_investigation"));
    ck_assert_int_eq(fsm_stage_events(ST_INVESTIGATION, out, EV__COUNT),
                     expected_count("investigation"));
}
END_TEST

START_TEST(test_a_case_walks_from_report_to_hand_over)
{
    struct case_facts f = full_facts();
    struct {
        enum event e;
        enum stage to;
    } walk[] = {
        {EV_REPORT_REGISTERED, ST_PRE_INVESTIGATION},
        {EV_SPRINDIK_ISSUED, ST_INVESTIGATION},
        {EV_SPDP_SENT, ST_INVESTIGATION},
        {EV_TAHAP1_SENT, ST_WITH_PROSECUTOR},
        {EV_P18_RECEIVED, ST_WITH_PROSECUTOR},
        {EV_P19_RECEIVED, ST_RETURNED},
        {EV_INSTRUCTION_ANSWERED, ST_RETURNED},
        {EV_RESUBMITTED, ST_WITH_PROSECUTOR},
        {EV_P19_RECEIVED, ST_RETURNED},
        {EV_RESUBMITTED, ST_WITH_PROSECUTOR},
        {EV_P21_RECEIVED, ST_COMPLETE},
        {EV_TAHAP2_DONE, ST_HANDED_OVER},
    };
    enum stage s = ST_PRE_INVESTIGATION;
    for (size_t i = 0; i < sizeof walk / sizeof walk[0]; i++) {
        struct fsm_result r;
        ck_assert(fsm_apply(s, walk[i].e, &f, &r));
        ck_assert_int_eq(r.to, walk[i].to);
        s = r.to;
    }
}
END_TEST

START_TEST(test_sp3_can_be_reopened_or_turned_into_tak)
{
    struct case_facts f = full_facts();
    assert_allowed(ST_TERMINATED, EV_REOPENED, &f, ST_INVESTIGATION);
    assert_allowed(ST_TERMINATED, EV_TAK_DECIDED, &f, ST_ADMINISTRATIVE);
    assert_allowed(ST_LAPSED, EV_SPRINDIK_ISSUED, &f, ST_INVESTIGATION);
    struct fsm_result r;
    ck_assert(!fsm_apply(ST_LAPSED, EV_REOPENED, &f, &r));
    ck_assert_int_eq(r.verdict, FSM_REFUSED_STAGE);
}
END_TEST

Suite *suite_fsm(void)
{
    Suite *s = suite_create("fsm");
    TCase *pairs = tcase_create("pairs");
    tcase_add_loop_test(pairs, test_every_stage_event_pair_matches_the_expectation, 0, ST__COUNT);
    tcase_add_loop_test(pairs, test_every_accepted_pair_is_guarded_only_where_expected, 0,
                        ST__COUNT);
    tcase_add_test(pairs, test_terminal_stages_accept_only_annotations);
    tcase_add_test(pairs, test_rows_cover_exactly_the_expected_pairs);
    tcase_add_test(pairs, test_a_file_that_ended_takes_only_a_notice_of_custody);
    tcase_add_test(pairs, test_only_a_custody_notice_still_owed_is_declared_undelivered);
    tcase_add_test(pairs, test_an_sp3_is_told_after_the_administrative_action_that_follows_it);
    tcase_add_test(pairs, test_invalid_stage_event_or_facts_are_refused_as_invalid);
    suite_add_tcase(s, pairs);

    TCase *guards = tcase_create("guards");
    tcase_add_test(guards, test_tahap1_refused_without_spdp);
    tcase_add_test(guards, test_tahap1_refused_without_any_suspect);
    tcase_add_test(guards, test_tahap1_refused_while_a_suspect_has_no_bap);
    tcase_add_test(guards, test_tahap1_refused_without_resume);
    tcase_add_test(guards, test_tahap1_names_every_missing_fact_at_once);
    tcase_add_test(guards, test_tahap1_allowed_with_a_complete_file);
    tcase_add_test(guards, test_resubmission_refused_while_an_instruction_is_open);
    tcase_add_test(guards, test_sprindik_needs_the_laporan_only_from_pre_investigation);
    tcase_add_test(guards, test_p21_refused_until_the_prosecutor_received_the_file);
    tcase_add_test(guards, test_extension_refused_once_no_detainable_offence_is_charged);
    tcase_add_test(guards, test_deemed_complete_refused_on_day_14_allowed_on_day_15);
    tcase_add_test(guards, test_deemed_complete_uses_the_regime_of_the_receipt);
    tcase_add_test(guards, test_lapse_refused_on_day_60_allowed_on_day_61);
    tcase_add_test(guards, test_short_procedure_only_for_pasal_116_and_117);
    tcase_add_test(guards, test_short_procedure_hands_over_an_examined_suspect_after_the_spdp);
    tcase_add_test(guards, test_a_file_handed_over_under_the_short_procedure_is_not_tahap_ii);
    tcase_add_test(guards, test_sp3_needs_polri_involvement_only_for_acts_from_2_january_2026);
    tcase_add_test(guards, test_detention_refused_for_a_non_detainable_offence);
    tcase_add_test(guards, test_detention_needs_polri_order_for_acts_from_2_january_2026);
    tcase_add_test(guards, test_court_extension_only_for_nine_years_or_severe_illness);
    tcase_add_test(guards, test_arrest_needs_polri_order_only_when_the_rule_set_says_so);
    tcase_add_test(guards, test_p16_and_p17_need_an_spdp);
    tcase_add_test(guards, test_an_act_before_every_rule_set_misses_the_ruleset);
    tcase_add_test(guards, test_allowed_now_follows_the_guards);
    tcase_add_test(guards, test_a_case_walks_from_report_to_hand_over);
    tcase_add_test(guards, test_sp3_can_be_reopened_or_turned_into_tak);
    suite_add_tcase(s, guards);
    return s;
}
