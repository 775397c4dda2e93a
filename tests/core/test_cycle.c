/*
 * test_cycle.c - the prosecutor's cycle as the law orders it (issue 13.2-5),
 * from the log to the decision: the facts evlog_facts() reads from a log,
 * the stage machine's answer, and the clocks.  Expectations from KUHAP 110,
 * 138 and SE JAM Pidum B-3326/E/EJP/11/2011; each period at its boundary, in
 * WIB, WITA and WIT, and under both regimes.
 */
#include <check.h>
#include <string.h>

#include "core/clock.h"
#include "core/fsm.h"
#include "helpers.h"
#include "suites.h"

#define MAXLOG 24

static struct ruleset sets[RULESET_BUILTIN_COUNT];

struct log {
    struct case_event ev[MAXLOG];
    int n;
};

static void add(struct log *l, struct case_event e)
{
    ck_assert_int_lt(l->n, MAXLOG);
    l->ev[l->n++] = e;
}

/* A file sent on 7 March 2025 and received by the PU on `received`. */
static struct log sent_and_received(const char *received)
{
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2025-03-01"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"));
    add(&l, ev_on(EV_SPDP_SENT, "2025-03-03"));
    add(&l, ev_on(EV_TAHAP1_SENT, "2025-03-07"));
    if (received)
        add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, received));
    return l;
}

/* The decision on act e dated `when` in `stage` after log l (zone z),
 * with or without a late reason. */
static bool decide(const struct log *l, const char *z, enum stage stage, enum event e,
                   const char *when, bool reason, struct fsm_result *r)
{
    builtin_sets(sets);
    struct case_facts f;
    memset(&f, 0, sizeof f);
    f.rulesets = sets;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_date = day_of(when);
    f.act_known = true;
    f.late_reason = reason;
    evlog_facts(l->ev, l->n, zone_of(z), &f);
    return fsm_apply(stage, e, &f, r);
}

static void refused_for(const struct fsm_result *r, enum fact f)
{
    ck_assert_int_eq(r->verdict, FSM_REFUSED_GUARD);
    bool named = false;
    for (int i = 0; i < r->missing.n; i++)
        named |= r->missing.list[i] == f;
    ck_assert_msg(named, "%s not named: %s", fact_code(f), r->reason);
}

START_TEST(test_a_submission_is_received_once)
{
    /* issue 13.2: a second receipt of the same file would restart the 7
     * and 14 days; only a re-send after a return starts a new round */
    struct fsm_result r;
    struct log l = sent_and_received("2025-03-08");
    ck_assert(!decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_TAHAP1_RECEIVED_BY_PU,
                      "2025-03-20", false, &r));
    refused_for(&r, FACT_NEW_SUBMISSION);
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-10"));
    add(&l, ev_on(EV_RESUBMITTED, "2025-03-15"));
    ck_assert(decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_TAHAP1_RECEIVED_BY_PU, "2025-03-16",
                     false, &r));
}
END_TEST

START_TEST(test_a_repeated_receipt_moves_no_clock)
{
    /* even a log that holds one (from an older release) keeps the first
     * receipt's 14 days: the file is complete by law on day 15 */
    struct log l = sent_and_received("2025-03-08");
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-20"));
    builtin_sets(sets);
    struct clock items[32];
    struct clock_set set = {.items = items, .cap = 32};
    struct clock_input in = {l.ev,
                             l.n,
                             zone_of("Asia/Jakarta"),
                             sets,
                             RULESET_BUILTIN_COUNT,
                             instant_of("2025-03-25T00:00:00+07:00"),
                             NULL,
                             0,
                             false};
    struct berr err = {0};
    ck_assert(clock_compute(&in, &set, &err));
    bool seen = false;
    for (int i = 0; i < set.count; i++)
        if (items[i].kind == CLK_PU_RETURN) {
            seen = true;
            ck_assert_int_eq(items[i].source, 4); /* the first receipt */
            ck_assert_int_eq(items[i].state, CLOCK_OVERDUE);
        }
    ck_assert(seen);
}
END_TEST

START_TEST(test_p19_on_day_14_in_time_on_day_15_only_with_a_reason)
{
    /* KUHAP 110(4): not returned within 14 days of receipt, the file is
     * complete; received 8 March (day 0), a P-19 of the 22nd is in time, one
     * of the 23rd is recorded only with its reason, for the review list */
    struct fsm_result r;
    struct log l = sent_and_received("2025-03-08");
    ck_assert(
        decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-03-22", false, &r));
    ck_assert(
        !decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-03-23", false, &r));
    refused_for(&r, FACT_PU_RETURN_IN_TIME);
    ck_assert(
        decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-03-23", true, &r));
    /* a receipt at 23:30 WIB is the next day in WITA and WIT: there the
     * 23rd is day 14 */
    l.ev[4] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-08T23:30:00+07:00");
    ck_assert(
        !decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-03-23", false, &r));
    ck_assert(
        decide(&l, "Asia/Makassar", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-03-23", false, &r));
    ck_assert(
        decide(&l, "Asia/Jayapura", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-03-23", false, &r));
}
END_TEST

START_TEST(test_p18_on_day_14_in_time_on_day_15_only_with_a_reason)
{
    /* KUHAP 138(1): the PU says within 7 days whether the file is complete; 110(4): past 14
     * days without a return the file is complete by law, and a P-18 ("not yet complete") then
     * is refused as a P-19 is, unless recorded with its reason; day 8 is late for 138(1) but
     * the file is not complete yet: recorded */
    struct fsm_result r;
    struct log l = sent_and_received("2025-03-08");
    ck_assert(
        decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P18_RECEIVED, "2025-03-16", false, &r));
    ck_assert(
        decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P18_RECEIVED, "2025-03-22", false, &r));
    ck_assert(
        !decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P18_RECEIVED, "2025-03-23", false, &r));
    refused_for(&r, FACT_PU_RETURN_IN_TIME);
    ck_assert_ptr_nonnull(strstr(r.reason, "P-18"));
    ck_assert_ptr_nonnull(strstr(r.reason, "110(4)"));
    ck_assert(
        decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P18_RECEIVED, "2025-03-23", true, &r));
    ck_assert_int_eq(r.to, ST_WITH_PROSECUTOR);
}
END_TEST

START_TEST(test_the_period_is_the_receipts_regime_and_is_data)
{
    /* received 25 December 2025 (KUHAP 1981): the 14 days and their effect
     * are 1981's even for a P-19 of 9 January 2026 (day 15) */
    struct fsm_result r;
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2025-12-01"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-12-02"));
    add(&l, ev_on(EV_TAHAP1_SENT, "2025-12-20"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-12-25"));
    ck_assert(
        !decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2026-01-09", false, &r));
    ck_assert(
        decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2026-01-08", false, &r));
    /* received under UU 20/2025, where whether 110(4) carried over is to
     * verify (DOMAIN 9.2): an administrator who sets it to 0 lets a late
     * return stand, and no file is deemed complete */
    l.ev[3] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2026-01-02");
    ck_assert(
        !decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2026-01-17", false, &r));
    builtin_sets(sets);
    ck_assert(ruleset_get(&sets[1], "deemed_complete_applies", &(struct rule_value){0}));
    struct case_facts f;
    memset(&f, 0, sizeof f);
    f.rulesets = sets;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_date = day_of("2026-01-17");
    f.act_known = true;
    evlog_facts(l.ev, l.n, zone_of("Asia/Jakarta"), &f);
    ck_assert(ruleset_set(&sets[1], "deemed_complete_applies", 0));
    ck_assert(fsm_apply(ST_WITH_PROSECUTOR, EV_P19_RECEIVED, &f, &r));
    ck_assert(!fsm_apply(ST_WITH_PROSECUTOR, EV_DEEMED_COMPLETE_CONFIRMED, &f, &r));
}
END_TEST

START_TEST(test_p19_once_then_an_ordinary_letter)
{
    /* SE JAM Pidum B-3326/E/EJP/11/2011: the P-19 once; a later return is
     * an ordinary letter; a letter first is no letter at all */
    struct fsm_result r;
    struct log l = sent_and_received("2025-03-08");
    ck_assert(!decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_RETURN_LETTER_RECEIVED,
                      "2025-03-10", false, &r));
    refused_for(&r, FACT_P19_GIVEN);
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-10"));
    add(&l, ev_on(EV_RESUBMITTED, "2025-03-15"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-16"));
    ck_assert(
        !decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-03-20", false, &r));
    refused_for(&r, FACT_FIRST_RETURN);
    ck_assert(decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_RETURN_LETTER_RECEIVED,
                     "2025-03-20", false, &r));
    ck_assert_int_eq(r.to, ST_RETURNED);
    /* the letter too is held to the 14 days of its receipt */
    ck_assert(!decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_RETURN_LETTER_RECEIVED,
                      "2025-03-31", false, &r));
    refused_for(&r, FACT_PU_RETURN_IN_TIME);
    /* a new file after a new Sprindik has its own P-19 */
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-05-01"));
    add(&l, ev_on(EV_TAHAP1_SENT, "2025-05-10"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-05-11"));
    ck_assert(
        decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, EV_P19_RECEIVED, "2025-05-12", false, &r));
}
END_TEST

START_TEST(test_p19_p18_and_p21_need_the_receipt)
{
    struct fsm_result r;
    struct log l = sent_and_received(NULL);
    enum event answers[] = {EV_P18_RECEIVED, EV_P19_RECEIVED, EV_P21_RECEIVED};
    for (int i = 0; i < 3; i++) {
        ck_assert(
            !decide(&l, "Asia/Jakarta", ST_WITH_PROSECUTOR, answers[i], "2025-03-10", false, &r));
        refused_for(&r, FACT_TAHAP1_RECEIVED);
    }
}
END_TEST

START_TEST(test_p20_after_the_investigators_14_days_from_his_receipt)
{
    /* KUHAP 138(2): 14 days from the investigator's receipt of the returned
     * file; from the P-19 when that receipt is not recorded */
    struct fsm_result r;
    struct log l = sent_and_received("2025-03-08");
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-10"));
    ck_assert(!decide(&l, "Asia/Jakarta", ST_RETURNED, EV_P20_RECEIVED, "2025-03-24", false, &r));
    refused_for(&r, FACT_RESEND_PERIOD_ELAPSED);
    ck_assert(decide(&l, "Asia/Jakarta", ST_RETURNED, EV_P20_RECEIVED, "2025-03-25", false, &r));
    add(&l, ev_on(EV_RETURNED_FILE_RECEIVED, "2025-03-13"));
    ck_assert(!decide(&l, "Asia/Jakarta", ST_RETURNED, EV_P20_RECEIVED, "2025-03-27", false, &r));
    ck_assert(decide(&l, "Asia/Jakarta", ST_RETURNED, EV_P20_RECEIVED, "2025-03-28", false, &r));
    /* the receipt of a return is recorded once */
    ck_assert(!decide(&l, "Asia/Jakarta", ST_RETURNED, EV_RETURNED_FILE_RECEIVED, "2025-03-14",
                      false, &r));
    refused_for(&r, FACT_RETURN_UNRECEIVED);
}
END_TEST

START_TEST(test_the_resend_clock_runs_from_the_investigators_receipt)
{
    struct log l = sent_and_received("2025-03-08");
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-10"));
    add(&l, ev_on(EV_RETURNED_FILE_RECEIVED, "2025-03-13T10:00:00+08:00"));
    builtin_sets(sets);
    struct clock items[32];
    struct clock_set set = {.items = items, .cap = 32};
    struct clock_input in = {l.ev,
                             l.n,
                             zone_of("Asia/Makassar"),
                             sets,
                             RULESET_BUILTIN_COUNT,
                             instant_of("2025-03-27T23:59:59+08:00"),
                             NULL,
                             0,
                             false};
    struct berr err = {0};
    ck_assert(clock_compute(&in, &set, &err));
    const struct clock *c = NULL;
    for (int i = 0; i < set.count; i++)
        if (items[i].kind == CLK_RESEND)
            c = &items[i];
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->source, 6);
    ck_assert(caldate_cmp(c->due_date, day_of("2025-03-27")) == 0);
    ck_assert_int_eq(c->state, CLOCK_WARNING);
    in.now = instant_of("2025-03-28T00:00:00+08:00");
    ck_assert(clock_compute(&in, &set, &err));
    for (int i = 0; i < set.count; i++)
        if (items[i].kind == CLK_RESEND)
            ck_assert_int_eq(items[i].state, CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_returns_are_counted_per_file_and_late_ones_flagged)
{
    struct log l = sent_and_received("2025-03-08");
    struct case_event p19 = ev_on(EV_P19_RECEIVED, "2025-03-30");
    p19.items = 2;
    p19.late_return = true;
    add(&l, p19);
    add(&l, ev_on(EV_RESUBMITTED, "2025-04-05"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-04-06"));
    struct case_event letter = ev_on(EV_RETURN_LETTER_RECEIVED, "2025-04-10");
    letter.items = 1;
    add(&l, letter);
    struct case_facts f;
    memset(&f, 0, sizeof f);
    evlog_facts(l.ev, l.n, zone_of("Asia/Jayapura"), &f);
    ck_assert_int_eq(f.returns, 2);
    ck_assert_int_eq(f.returns_late, 1);
    ck_assert_int_eq(f.instructions_open, 3);
    ck_assert(f.returned);
    ck_assert(caldate_cmp(f.returned_on, day_of("2025-04-10")) == 0);
}
END_TEST

START_TEST(test_a_new_sprindik_starts_the_count_of_late_returns_again)
{
    /* KUHAP 110(4) (D10): a return after the PU's 14 days is late for the file in hand.  After
     * P-21 and the 60 days without Tahap II the file goes back and the investigation restarts
     * with a new Sprindik, a new SPDP and a new file (JAM Pidum B-1310/E/EJP/05/2022, D12),
     * which has its own P-19 and its own 14 days (SE B-3326/E/EJP/11/2011): the earlier
     * file's late return is no longer one of this file's returns. */
    struct log l = sent_and_received("2025-03-08");
    struct case_event p19 = ev_on(EV_P19_RECEIVED, "2025-03-30");
    p19.items = 1;
    p19.late_return = true;
    add(&l, p19);
    add(&l, ev_on(EV_INSTRUCTION_ANSWERED, "2025-04-02"));
    add(&l, ev_on(EV_RESUBMITTED, "2025-04-05"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-04-06"));
    add(&l, ev_on(EV_P21_RECEIVED, "2025-04-10"));
    add(&l, ev_on(EV_LAPSED, "2025-06-10"));
    struct case_facts f;
    memset(&f, 0, sizeof f);
    evlog_facts(l.ev, l.n, zone_of("Asia/Jakarta"), &f);
    ck_assert_int_eq(f.returns, 1);
    ck_assert_int_eq(f.returns_late, 1);
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-06-15"));
    memset(&f, 0, sizeof f);
    evlog_facts(l.ev, l.n, zone_of("Asia/Jakarta"), &f);
    ck_assert_int_eq(f.returns, 0);
    ck_assert_int_eq(f.returns_late, 0);
}
END_TEST

Suite *suite_cycle(void)
{
    Suite *s = suite_create("cycle");
    TCase *tc = tcase_create("cycle");
    tcase_add_test(tc, test_a_submission_is_received_once);
    tcase_add_test(tc, test_a_repeated_receipt_moves_no_clock);
    tcase_add_test(tc, test_p19_on_day_14_in_time_on_day_15_only_with_a_reason);
    tcase_add_test(tc, test_the_period_is_the_receipts_regime_and_is_data);
    tcase_add_test(tc, test_p19_once_then_an_ordinary_letter);
    tcase_add_test(tc, test_p19_p18_and_p21_need_the_receipt);
    tcase_add_test(tc, test_p18_on_day_14_in_time_on_day_15_only_with_a_reason);
    tcase_add_test(tc, test_p20_after_the_investigators_14_days_from_his_receipt);
    tcase_add_test(tc, test_the_resend_clock_runs_from_the_investigators_receipt);
    tcase_add_test(tc, test_returns_are_counted_per_file_and_late_ones_flagged);
    tcase_add_test(tc, test_a_new_sprindik_starts_the_count_of_late_returns_again);
    suite_add_tcase(s, tc);
    return s;
}
