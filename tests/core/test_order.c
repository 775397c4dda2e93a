/*
 * test_order.c - the order of act dates (issue 13.1): no act dated before an
 * act it depends on.  The pairs below are written from the law (KUHAP 109(1),
 * 110, 138, 19-24; Permenkumham 39/2021 Pasal 27), not read from order.c's
 * table; each is tried at its boundary (same day allowed, a day earlier
 * refused), in WIB, WITA and WIT, and on both sides of 2 January 2026.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/order.h"
#include "helpers.h"
#include "suites.h"

#define MAXLOG 24

struct log {
    struct case_event ev[MAXLOG];
    int n;
};

static void add(struct log *l, struct case_event e)
{
    ck_assert_int_lt(l->n, MAXLOG);
    l->ev[l->n++] = e;
}

static struct case_event bap_of(const char *when, int suspect)
{
    struct case_event e = ev_suspect(EV_BAP_RECORDED, when, suspect);
    e.bap = BAP_TERSANGKA;
    return e;
}

/* A file from the Laporan through Tahap I and the PU's receipt, dated
 * 1, 2, 3, ... March 2025 (act k on day k). */
static struct log file_sent(void)
{
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2025-03-01"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"));
    add(&l, ev_on(EV_SPDP_SENT, "2025-03-03"));
    add(&l, ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-04", 0));
    add(&l, bap_of("2025-03-05", 0));
    add(&l, ev_on(EV_RESUME_WRITTEN, "2025-03-06"));
    add(&l, ev_on(EV_TAHAP1_SENT, "2025-03-07"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-08"));
    return l;
}

static bool ordered(const struct log *l, const char *zone, struct order_fault *f)
{
    return order_check(l->ev, l->n, zone_of(zone), f);
}

START_TEST(test_a_file_in_date_order_passes_in_every_zone)
{
    struct log l = file_sent();
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    ck_assert(ordered(&l, "Asia/Makassar", NULL));
    ck_assert(ordered(&l, "Asia/Jayapura", NULL));
}
END_TEST

/* Re-date act k of file_sent() to `when` and expect the check to name acts
 * (act, dep), or to pass when act < 0. */
static void redated(int k, const char *when, int act, int dep)
{
    struct log l = file_sent();
    struct case_event e = ev_on(l.ev[k].event, when);
    e.suspect = l.ev[k].suspect;
    e.bap = l.ev[k].bap;
    l.ev[k] = e;
    struct order_fault f;
    bool ok = ordered(&l, "Asia/Jakarta", &f);
    if (act < 0) {
        ck_assert_msg(ok, "%s on %s refused against %s", event_code(l.ev[k].event), when,
                      ok ? "" : event_code(f.dep_ev.event));
        return;
    }
    ck_assert_msg(!ok, "%s on %s accepted", event_code(l.ev[k].event), when);
    ck_assert_int_eq(f.act, act);
    ck_assert_int_eq(f.dep, dep);
}

START_TEST(test_spdp_on_its_sprindiks_day_allowed_a_day_before_refused)
{
    /* KUHAP 109(1): the SPDP notifies an investigation the Sprindik began */
    redated(2, "2025-03-02", -1, -1);
    redated(2, "2025-03-01", 2, 1);
}
END_TEST

START_TEST(test_tahap1_before_the_sprindik_or_a_bap_is_refused)
{
    /* KUHAP 110(1): the file sent holds the BAPs and the resume */
    redated(6, "2025-03-06", -1, -1);
    redated(6, "2025-03-05", 6, 5); /* before the resume */
    /* before the Sprindik and all the rest: refused, naming one of them */
    struct log l = file_sent();
    l.ev[6] = ev_on(EV_TAHAP1_SENT, "2025-03-01");
    struct order_fault f;
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 6);
    ck_assert(f.dep >= 1 && f.dep <= 5);
}
END_TEST

START_TEST(test_the_prosecutors_receipt_before_the_file_was_sent_is_refused)
{
    /* KUHAP 138(1): the PU studies the file he received */
    redated(7, "2025-03-07", -1, -1);
    redated(7, "2025-03-06", 7, 6);
}
END_TEST

/* DOMAIN 5.1: the Kejari's tanda terima of the file is its receipt; the PU answers a file he
 * received (KUHAP 138(1)): a P-19 dated before the tanda terima is out of order, one on or
 * after it in order; the tanda terima itself is not dated before the sending. */
START_TEST(test_the_pus_return_is_not_dated_before_the_kejaris_tanda_terima)
{
    struct log l = file_sent();
    l.n--; /* no PU record of the receipt: the Kejari's tanda terima of 9 March instead */
    struct case_event tt = ev_on(EV_LETTER_DELIVERED, "2025-03-09");
    tt.notice = NOTICE_BERKAS_KEJARI;
    add(&l, tt);
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-08"));
    struct order_fault f;
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 8);
    ck_assert_int_eq(f.dep, 7);
    l.ev[8] = ev_on(EV_P19_RECEIVED, "2025-03-09");
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    /* a tanda terima dated before the file was sent */
    l.n = 8;
    l.ev[7].date = l.ev[6].date;
    l.ev[6] = ev_on(EV_TAHAP1_SENT, "2025-03-10");
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
}
END_TEST

/* DOMAIN 4.4, 6 (P-16, P-17): the Kejaksaan registers the SPDP it received, then appoints the
 * prosecutors who follow the investigation (P-16) and later asks for progress (P-17): neither
 * is dated before the SPDP was sent, nor before the PU's receipt of it when one is recorded. */
static struct log spdp_received(void)
{
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2025-03-01"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"));
    add(&l, ev_on(EV_SPDP_SENT, "2025-03-03"));
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-05"));
    return l;
}

static void after_receipt(enum event form)
{
    struct order_fault f;
    struct log l = spdp_received();
    add(&l, ev_on(form, "2025-03-05")); /* the receipt's day: in order */
    ck_assert_msg(ordered(&l, "Asia/Jakarta", NULL), "%s on the receipt's day refused",
                  event_code(form));
    l = spdp_received();
    add(&l, ev_on(form, "2025-03-04")); /* after the sending, before the receipt */
    ck_assert_msg(!ordered(&l, "Asia/Jakarta", &f), "%s before the receipt accepted",
                  event_code(form));
    ck_assert_int_eq(f.act, 4);
    ck_assert_int_eq(f.dep, 3);
    char msg[400];
    order_fault_message(&f, zone_of("Asia/Jakarta"), msg, sizeof msg);
    ck_assert_msg(strstr(msg, "2025-03-05") && strstr(msg, "2025-03-04"), "%s", msg);
    /* no receipt recorded: the sending is the bound */
    l = spdp_received();
    l.n = 3;
    add(&l, ev_on(form, "2025-03-03"));
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    l.ev[3] = ev_on(form, "2025-03-02");
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 3);
    ck_assert_int_eq(f.dep, 2);
}

START_TEST(test_p16_and_p17_are_not_dated_before_the_prosecutors_receipt_of_the_spdp)
{
    after_receipt(EV_P16_RECEIVED);
    after_receipt(EV_P17_RECEIVED);
}
END_TEST

START_TEST(test_a_suspect_is_examined_as_one_only_after_his_designation)
{
    redated(4, "2025-03-04", -1, -1);
    redated(4, "2025-03-03", 4, 3);
}
END_TEST

START_TEST(test_sprindik_after_its_spdp_by_correction_is_refused_naming_both)
{
    struct log l = file_sent();
    /* a correction moves the Sprindik to 4 March, after the SPDP of the 3rd */
    struct case_event c = ev_on(EV_CORRECTED, "2025-03-04");
    c.ref = 1;
    add(&l, c);
    struct order_fault f;
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 2); /* the SPDP */
    ck_assert_int_eq(f.dep, 1); /* the Sprindik, as corrected */
    ck_assert_int_eq(f.act_ev.event, EV_SPDP_SENT);
    ck_assert_int_eq(f.dep_ev.event, EV_SPRINDIK_ISSUED);
    char msg[400];
    order_fault_message(&f, zone_of("Asia/Jakarta"), msg, sizeof msg);
    ck_assert_ptr_nonnull(strstr(msg, event_label(EV_SPDP_SENT)));
    ck_assert_ptr_nonnull(strstr(msg, "2025-03-03"));
    ck_assert_ptr_nonnull(strstr(msg, event_label(EV_SPRINDIK_ISSUED)));
    ck_assert_ptr_nonnull(strstr(msg, "2025-03-04"));
    /* withdrawing the SPDP leaves nothing out of order: the designation is
     * on the corrected Sprindik's day, the rest after it */
    c = ev_on(EV_CORRECTED, "2025-03-09");
    c.ref = 2;
    c.withdraws = true;
    add(&l, c);
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
}
END_TEST

START_TEST(test_detention_before_the_arrest_is_refused_by_the_hour)
{
    /* KUHAP 19(1), 21: a suspect arrested at 09:00 is detained after, not
     * before, even on the same day; a detention five days before the arrest
     * (the issue's example) is refused */
    struct log l = file_sent();
    l.n = 4; /* through the designation */
    add(&l, ev_suspect(EV_ARRESTED, "2025-03-04T09:00:00+07:00", 0));
    add(&l, ev_suspect(EV_DETAINED, "2025-03-04T08:59:59+07:00", 0));
    struct order_fault f;
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 5);
    ck_assert_int_eq(f.dep, 4);
    l.ev[5].at = instant_of("2025-03-04T09:00:00+07:00");
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    l.ev[5] = ev_suspect(EV_DETAINED, "2025-02-27", 0);
    ck_assert(!ordered(&l, "Asia/Jakarta", NULL));
    /* another suspect's arrest does not hold this one back */
    l.ev[5] = ev_suspect(EV_DETAINED, "2025-03-03T10:00:00+07:00", 1);
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
}
END_TEST

START_TEST(test_an_instant_and_a_date_compare_on_the_offices_calendar)
{
    /* A Sprindik signed at 23:30 WIB on 2 January 2026 is the 3rd in WITA
     * (00:30) and in WIT (01:30): an SPDP dated the 2nd follows it in a
     * Jakarta office but precedes it in Makassar and Jayapura. */
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2026-01-01"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2026-01-02T23:30:00+07:00"));
    add(&l, ev_on(EV_SPDP_SENT, "2026-01-02"));
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    ck_assert(!ordered(&l, "Asia/Makassar", NULL));
    ck_assert(!ordered(&l, "Asia/Jayapura", NULL));
    l.ev[2] = ev_on(EV_SPDP_SENT, "2026-01-03");
    ck_assert(ordered(&l, "Asia/Makassar", NULL));
    ck_assert(ordered(&l, "Asia/Jayapura", NULL));
}
END_TEST

START_TEST(test_order_holds_across_the_regime_switch)
{
    /* a Sprindik under KUHAP 1981 (1 January 2026) and its SPDP under
     * UU 20/2025 (2 January): in order; the SPDP dated 31 December: not */
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2025-12-30"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2026-01-01"));
    add(&l, ev_on(EV_SPDP_SENT, "2026-01-02"));
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    l.ev[2] = ev_on(EV_SPDP_SENT, "2025-12-31");
    ck_assert(!ordered(&l, "Asia/Jakarta", NULL));
}
END_TEST

START_TEST(test_the_prosecutors_cycle_keeps_its_order)
{
    /* P-19 after the receipt's file was sent; the answers and the re-send
     * after the P-19 (KUHAP 110(3), 138(2)); P-21 after the receipt */
    struct log l = file_sent();
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-10"));
    add(&l, ev_on(EV_INSTRUCTION_ANSWERED, "2025-03-12"));
    add(&l, ev_on(EV_RESUBMITTED, "2025-03-13"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-14"));
    add(&l, ev_on(EV_P21_RECEIVED, "2025-03-15"));
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    struct order_fault f;
    l.ev[9] = ev_on(EV_INSTRUCTION_ANSWERED, "2025-03-09");
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 9);
    ck_assert_int_eq(f.dep, 8);
    l.ev[9] = ev_on(EV_INSTRUCTION_ANSWERED, "2025-03-12");
    l.ev[10] = ev_on(EV_RESUBMITTED, "2025-03-11");
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 10);
    ck_assert_int_eq(f.dep, 9);
    l.ev[10] = ev_on(EV_RESUBMITTED, "2025-03-13");
    l.ev[12] = ev_on(EV_P21_RECEIVED, "2025-03-13");
    ck_assert(!ordered(&l, "Asia/Jakarta", &f));
    ck_assert_int_eq(f.act, 12);
    ck_assert_int_eq(f.dep, 11);
}
END_TEST

START_TEST(test_a_direction_is_done_no_earlier_than_given)
{
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2025-03-01"));
    struct case_event d = ev_on(EV_DIRECTION_GIVEN, "2025-03-05");
    d.due = day_of("2025-03-20");
    add(&l, d);
    struct case_event done = ev_on(EV_DIRECTION_DONE, "2025-03-04");
    done.ref = 1;
    add(&l, done);
    ck_assert(!ordered(&l, "Asia/Jakarta", NULL));
    l.ev[2].date = day_of("2025-03-05");
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
}
END_TEST

START_TEST(test_a_log_out_of_order_does_not_load)
{
    /* the readers' one validation (clock_log_loads) refuses it too, so the
     * write path and the readers agree */
    struct log l = file_sent();
    l.ev[2] = ev_on(EV_SPDP_SENT, "2025-03-01");
    struct ruleset sets[RULESET_BUILTIN_COUNT];
    builtin_sets(sets);
    struct clock_input in = {.events = l.ev,
                             .nevents = l.n,
                             .zone = zone_of("Asia/Jakarta"),
                             .rulesets = sets,
                             .nrulesets = RULESET_BUILTIN_COUNT,
                             .now = instant_of("2025-04-01T00:00:00+07:00")};
    struct berr err = {0};
    ck_assert(!clock_log_loads(&in, &err));
    ck_assert_int_eq(err.kind, BERR_UNPROCESSABLE);
    ck_assert_str_eq(err.field, "date");
    ck_assert_ptr_nonnull(strstr(err.message, "2025-03-01"));
    ck_assert_ptr_nonnull(strstr(err.message, "2025-03-02"));
}
END_TEST

/* ---- the other half: an act entered after an act that must follow it ------------------------
 *
 * The same dates in either order of entry: a P-16 entered before the PU's receipt of the SPDP
 * and dated before it is the P-16 before the receipt that after_receipt refuses (DOMAIN 4.4, 6).
 * At write only (order.h): the fold at load keeps accepting such a log, entered before the
 * check. */

static bool entered(const struct log *l, int k, struct order_fault *f)
{
    return order_check_entered(l->ev, l->n, k, zone_of("Asia/Jakarta"), f);
}

static void receipt_entered_after(enum event form)
{
    struct log l = spdp_received();
    l.n = 3; /* the SPDP sent on 3 March, not received yet */
    add(&l, ev_on(form, "2025-03-04"));
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-05"));
    struct order_fault f;
    ck_assert_msg(!entered(&l, 4, &f), "receipt after %s accepted", event_code(form));
    ck_assert_int_eq(f.act, 3); /* the act dated before the one it must follow */
    ck_assert_int_eq(f.dep, 4);
    ck_assert_int_eq(f.act_ev.event, form);
    ck_assert_int_eq(f.dep_ev.event, EV_SPDP_RECEIVED_BY_PU);
    char msg[400];
    order_fault_message(&f, zone_of("Asia/Jakarta"), msg, sizeof msg);
    ck_assert_msg(strstr(msg, "2025-03-04") && strstr(msg, "2025-03-05"), "%s", msg);
    /* the fold at load is the first half alone: a log entered so before still loads */
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    /* a receipt on the form's day or before it: in order */
    l.ev[4] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-04");
    ck_assert(entered(&l, 4, NULL));
    l.ev[4] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-03");
    ck_assert(entered(&l, 4, NULL));
}

START_TEST(test_a_receipt_of_the_spdp_entered_after_a_p16_dated_before_it_is_refused)
{
    receipt_entered_after(EV_P16_RECEIVED);
    receipt_entered_after(EV_P17_RECEIVED);
}
END_TEST

START_TEST(test_a_designation_entered_after_his_bap_dated_before_it_is_refused)
{
    /* KUHAP 1 angka 14: examined as a suspect after his designation, whichever was entered
     * first; another suspect's designation does not hold him back */
    struct log l = file_sent();
    l.n = 3;
    add(&l, bap_of("2025-03-05", 0));
    add(&l, ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-06", 0));
    struct order_fault f;
    ck_assert(!entered(&l, 4, &f));
    ck_assert_int_eq(f.act, 3);
    ck_assert_int_eq(f.dep, 4);
    l.ev[4].suspect = 1;
    ck_assert(entered(&l, 4, NULL));
    l.ev[4] = ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-05", 0);
    ck_assert(entered(&l, 4, NULL));
}
END_TEST

START_TEST(test_a_later_round_or_the_next_act_of_a_suspect_is_not_held_back)
{
    /* a new SPDP's receipt after the P-16 of the first SPDP: another round (a new Sprindik
     * after an SP3 owes a new SPDP, received anew) */
    struct log l = spdp_received();
    l.n = 3;
    add(&l, ev_on(EV_P16_RECEIVED, "2025-03-04"));
    add(&l, ev_on(EV_SP3_ISSUED, "2025-03-10"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-03-20"));
    add(&l, ev_on(EV_SPDP_SENT, "2025-03-21"));
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-24"));
    for (int k = 0; k < l.n; k++)
        ck_assert_msg(entered(&l, k, NULL), "act %d refused", k);
    /* a reopening after the SP3 (the SPDP was sent under the Sprindik) */
    l.n = 5;
    add(&l, ev_on(EV_REOPENED, "2025-03-25"));
    ck_assert(entered(&l, 5, NULL));
    /* one suspect's arrest, release and arrest again: the machine's next acts */
    l = file_sent();
    l.n = 4;
    add(&l, ev_suspect(EV_ARRESTED, "2025-03-05T09:00:00+07:00", 0));
    add(&l, ev_suspect(EV_RELEASED, "2025-03-05T20:00:00+07:00", 0));
    add(&l, ev_suspect(EV_ARRESTED, "2025-03-07T09:00:00+07:00", 0));
    add(&l, ev_suspect(EV_DETAINED, "2025-03-07T10:00:00+07:00", 0));
    for (int k = 0; k < l.n; k++)
        ck_assert_msg(entered(&l, k, NULL), "act %d refused", k);
}
END_TEST

START_TEST(test_a_correction_goes_through_the_other_half_too)
{
    /* P-16 on the 5th, the receipt entered after it on the 5th: in order; a correction moving
     * the receipt to the 6th puts it after the P-16 */
    struct log l = spdp_received();
    l.n = 3;
    add(&l, ev_on(EV_P16_RECEIVED, "2025-03-05"));
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-05"));
    ck_assert(entered(&l, 4, NULL));
    struct case_event c = ev_on(EV_CORRECTED, "2025-03-06");
    c.ref = 4;
    add(&l, c);
    struct order_fault f;
    ck_assert(!entered(&l, 4, &f));
    ck_assert_int_eq(f.act, 3);
    ck_assert_int_eq(f.dep, 4);
    /* a correction moving the P-16 to the 4th, before the receipt entered after it */
    l.n = 5;
    c = ev_on(EV_CORRECTED, "2025-03-04");
    c.ref = 3;
    add(&l, c);
    ck_assert(!entered(&l, 3, &f));
    ck_assert_int_eq(f.act, 3);
    ck_assert_int_eq(f.dep, 4);
    ck_assert_int_eq(f.act_ev.event, EV_P16_RECEIVED);
}
END_TEST

/* ---- the round an act belongs to --------------------------------------------------------------
 *
 * An act waits for the act of its own round (KUHAP 109(1) jo. MK 130/2015: a new Sprindik owes a
 * new SPDP, registered anew and followed by a P-16; KUHAP 110(2)-(3), 138: the re-sent file is
 * received anew, and researched after that receipt), not for one of an earlier round.  What
 * was entered late for an earlier round still follows the act of that round. */

static struct case_event corrected(int ref, const char *when)
{
    struct case_event c = ev_on(EV_CORRECTED, when);
    c.ref = ref;
    return c;
}

START_TEST(test_a_p16_of_a_new_spdp_entered_before_its_receipt_is_refused)
{
    /* a second Sprindik after an SP3, its SPDP sent on 21 March; the P-16 entered on 22 March
     * appoints the prosecutors of that SPDP, so a receipt of it dated 24 March puts the P-16
     * before the receipt it follows (the first SPDP's receipt of 5 March is of another round) */
    struct log l = spdp_received();
    add(&l, ev_on(EV_P16_RECEIVED, "2025-03-06"));
    add(&l, ev_on(EV_SP3_ISSUED, "2025-03-10"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-03-20"));
    add(&l, ev_on(EV_SPDP_SENT, "2025-03-21"));
    add(&l, ev_on(EV_P16_RECEIVED, "2025-03-22"));
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-24"));
    struct order_fault f;
    ck_assert(!entered(&l, 9, &f));
    ck_assert_int_eq(f.act, 8);
    ck_assert_int_eq(f.dep, 9);
    ck_assert(!f.withdrawn);
    /* received on the P-16's day or before it: in order */
    l.ev[9] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-22");
    ck_assert(entered(&l, 9, NULL));
}
END_TEST

/* file_sent() then the P-19 (9 March), the returned file received (10 March) and the file
 * re-sent (20 March). */
static struct log resent(void)
{
    struct log l = file_sent();
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-09"));
    add(&l, ev_on(EV_RETURNED_FILE_RECEIVED, "2025-03-10"));
    add(&l, ev_on(EV_RESUBMITTED, "2025-03-20"));
    return l;
}

START_TEST(test_a_p18_of_the_resent_file_entered_before_its_receipt_is_refused)
{
    /* KUHAP 138(1): the PU researches the file he received; a P-18 entered after the file was
     * re-sent (21 March) is of the re-sent file, and its receipt dated 22 March is after it.
     * The receipt of the first sending (8 March) is of the first round. */
    struct log l = resent();
    add(&l, ev_on(EV_P18_RECEIVED, "2025-03-21"));
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-22"));
    struct order_fault f;
    ck_assert(!entered(&l, 12, &f));
    ck_assert_int_eq(f.act, 11);
    ck_assert_int_eq(f.dep, 12);
    ck_assert_int_eq(f.act_ev.event, EV_P18_RECEIVED);
    l.ev[12] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-21");
    ck_assert(entered(&l, 12, NULL));
    /* by the hour when both have one: the P-18 at 08:00, the receipt at 10:00 the same day */
    l.ev[11] = ev_on(EV_P18_RECEIVED, "2025-03-21T08:00:00+07:00");
    l.ev[12] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-21T10:00:00+07:00");
    ck_assert(!entered(&l, 12, &f));
    ck_assert_int_eq(f.act, 11);
    l.ev[12] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-21T07:00:00+07:00");
    ck_assert(entered(&l, 12, NULL));
}
END_TEST

START_TEST(test_late_entries_of_an_earlier_round_still_follow_their_own)
{
    /* the SPDP of the first Sprindik delivered to the Korwas on 4 March, entered after the
     * second Sprindik (20 March): it follows the first SPDP (3 March), not the SPDP the second
     * Sprindik owes (21 March) */
    struct log l = spdp_received();
    l.n = 3;
    add(&l, ev_on(EV_SP3_ISSUED, "2025-03-10"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-03-20"));
    struct case_event letter = ev_on(EV_LETTER_DELIVERED, "2025-03-04");
    letter.notice = NOTICE_SPDP_KORWAS;
    add(&l, letter);
    add(&l, ev_on(EV_SPDP_SENT, "2025-03-21"));
    ck_assert(entered(&l, 6, NULL));
    /* the family told on 6 March of the arrest of 5 March, entered after his release that
     * evening: it follows that arrest, not his arrest of 7 March */
    l = file_sent();
    l.n = 4;
    add(&l, ev_suspect(EV_ARRESTED, "2025-03-05T09:00:00+07:00", 0));
    add(&l, ev_suspect(EV_RELEASED, "2025-03-05T20:00:00+07:00", 0));
    struct case_event notice = ev_suspect(EV_LETTER_DELIVERED, "2025-03-06", 0);
    notice.notice = NOTICE_FAMILY_ARREST;
    add(&l, notice);
    add(&l, ev_suspect(EV_ARRESTED, "2025-03-07T09:00:00+07:00", 0));
    add(&l, ev_suspect(EV_DETAINED, "2025-03-07T10:00:00+07:00", 0));
    for (int k = 0; k < l.n; k++)
        ck_assert_msg(entered(&l, k, NULL), "act %d refused", k);
}
END_TEST

/* ---- corrections weighed for what they change ------------------------------------------------ */

START_TEST(test_a_correction_of_a_log_entered_out_of_order_before_is_weighed_for_its_change)
{
    /* the P-16 of 4 March entered before the receipt of 5 March, as was allowed before the
     * other half was checked: the log loads, and a correction that leaves both dates alone
     * (a number fixed) is no new fault */
    struct log l = spdp_received();
    l.n = 3;
    add(&l, ev_on(EV_P16_RECEIVED, "2025-03-04"));
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-05"));
    ck_assert(ordered(&l, "Asia/Jakarta", NULL));
    add(&l, corrected(4, "2025-03-05"));
    ck_assert(entered(&l, 4, NULL));
    l.n = 5;
    add(&l, corrected(3, "2025-03-04"));
    ck_assert(entered(&l, 3, NULL));
    /* moving either further the wrong way is refused; mending it is taken */
    struct order_fault f;
    l.n = 5;
    add(&l, corrected(4, "2025-03-06"));
    ck_assert(!entered(&l, 4, &f));
    ck_assert_int_eq(f.act, 3);
    ck_assert_int_eq(f.dep, 4);
    l.n = 5;
    add(&l, corrected(3, "2025-03-03"));
    ck_assert(!entered(&l, 3, &f));
    ck_assert_int_eq(f.act, 3);
    l.n = 5;
    add(&l, corrected(4, "2025-03-04"));
    ck_assert(entered(&l, 4, NULL));
    l.n = 5;
    add(&l, corrected(3, "2025-03-05"));
    ck_assert(entered(&l, 3, NULL));
    /* a correction that puts another pair out of order is refused even so: a P-17 of 6 March
     * entered before the receipt too (in order with it), moved to the 4th */
    l.n = 3;
    add(&l, ev_on(EV_P16_RECEIVED, "2025-03-04"));
    add(&l, ev_on(EV_P17_RECEIVED, "2025-03-06"));
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-05"));
    add(&l, corrected(4, "2025-03-06"));
    ck_assert(entered(&l, 4, NULL));
    l.n = 6;
    add(&l, corrected(4, "2025-03-04"));
    ck_assert(!entered(&l, 4, &f));
    ck_assert_int_eq(f.act, 4);
    ck_assert_int_eq(f.dep, 5);
}
END_TEST

/* ---- withdrawals: not from under an act that presupposes them ----------------------------------
 */

static struct case_event withdrawal(int ref, const char *when)
{
    struct case_event c = corrected(ref, when);
    c.withdraws = true;
    return c;
}

START_TEST(test_a_receipt_is_not_withdrawn_from_under_the_pus_answer)
{
    /* KUHAP 138(1), 110(2): the P-18 and P-19 answer the file received; withdrawing the
     * receipt while they stand is refused naming the first (withdraw it first); withdrawn
     * after them, the receipt may go */
    struct log l = file_sent();
    add(&l, ev_on(EV_P18_RECEIVED, "2025-03-09"));
    add(&l, ev_on(EV_P19_RECEIVED, "2025-03-09"));
    add(&l, withdrawal(7, "2025-03-10"));
    struct order_fault f;
    ck_assert(!entered(&l, 7, &f));
    ck_assert(f.withdrawn);
    ck_assert_int_eq(f.act, 8);
    ck_assert_int_eq(f.dep, 7);
    ck_assert_int_eq(f.dep_ev.event, EV_TAHAP1_RECEIVED_BY_PU);
    char msg[400];
    order_fault_message(&f, zone_of("Asia/Jakarta"), msg, sizeof msg);
    ck_assert_msg(strstr(msg, "tarik dulu"), "%s", msg);
    l.n = 10;
    add(&l, withdrawal(8, "2025-03-10"));
    add(&l, withdrawal(9, "2025-03-10"));
    add(&l, withdrawal(7, "2025-03-10"));
    ck_assert(entered(&l, 7, NULL));
    /* a receipt of an earlier round does not stand in for the one withdrawn: the P-18 of the
     * re-sent file presupposes its receipt */
    l = resent();
    add(&l, ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-21"));
    add(&l, ev_on(EV_P18_RECEIVED, "2025-03-22"));
    add(&l, withdrawal(11, "2025-03-23"));
    ck_assert(!entered(&l, 11, &f));
    ck_assert_int_eq(f.act, 12);
    /* an act with nothing standing on it is withdrawn freely */
    l.n = 12;
    add(&l, withdrawal(11, "2025-03-23"));
    ck_assert(entered(&l, 11, NULL));
}
END_TEST

START_TEST(test_an_arrest_is_withdrawn_under_its_detention_but_not_its_notice)
{
    /* KUHAP 20-21: a detention needs no arrest before it, so the arrest may be withdrawn while
     * the detention stands; not while the family's copy of its warrant (KUHAP 18(3)) does,
     * unless another arrest of his stands before it */
    struct log l = file_sent();
    l.n = 4;
    add(&l, ev_suspect(EV_ARRESTED, "2025-03-05T09:00:00+07:00", 0));
    add(&l, ev_suspect(EV_DETAINED, "2025-03-05T20:00:00+07:00", 0));
    add(&l, withdrawal(4, "2025-03-06"));
    ck_assert(entered(&l, 4, NULL));
    l.n = 6;
    struct case_event notice = ev_suspect(EV_LETTER_DELIVERED, "2025-03-06", 0);
    notice.notice = NOTICE_FAMILY_ARREST;
    add(&l, notice);
    add(&l, withdrawal(4, "2025-03-06"));
    struct order_fault f;
    ck_assert(!entered(&l, 4, &f));
    ck_assert(f.withdrawn);
    ck_assert_int_eq(f.act, 6);
    /* another suspect's notice does not hold it */
    l.ev[6].suspect = 1;
    ck_assert(entered(&l, 4, NULL));
}
END_TEST

START_TEST(test_a_suspects_only_bap_is_not_withdrawn_under_tahap1_though_anothers_stands)
{
    /* KUHAP 110(1) with 8(3)(a): the file sent holds the examination of each suspect as one
     * (the guard asks a BAP tersangka for every designated suspect), so suspect 1's only BAP
     * may not be withdrawn while Tahap I stands, suspect 0's BAP notwithstanding; with another
     * BAP of suspect 1 entered before Tahap I it may */
    struct log l = file_sent();
    l.n = 5; /* report, Sprindik, SPDP, designation and BAP of suspect 0 */
    add(&l, ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-05", 1));
    add(&l, bap_of("2025-03-06", 1));
    add(&l, ev_on(EV_RESUME_WRITTEN, "2025-03-07"));
    add(&l, ev_on(EV_TAHAP1_SENT, "2025-03-08"));
    add(&l, withdrawal(6, "2025-03-09"));
    struct order_fault f;
    ck_assert(!entered(&l, 6, &f));
    ck_assert(f.withdrawn);
    ck_assert_int_eq(f.act, 8);
    ck_assert_int_eq(f.dep, 6);
    ck_assert_int_eq(f.act_ev.event, EV_TAHAP1_SENT);
    /* suspect 0's BAP likewise */
    l.n = 9;
    add(&l, withdrawal(4, "2025-03-09"));
    ck_assert(!entered(&l, 4, &f));
    ck_assert_int_eq(f.act, 8);
    /* a second BAP of suspect 1 before Tahap I: either of his may go */
    l.n = 7;
    add(&l, bap_of("2025-03-07", 1));
    add(&l, ev_on(EV_RESUME_WRITTEN, "2025-03-07"));
    add(&l, ev_on(EV_TAHAP1_SENT, "2025-03-08"));
    add(&l, withdrawal(6, "2025-03-09"));
    ck_assert(entered(&l, 6, NULL));
    l.n = 10;
    add(&l, withdrawal(7, "2025-03-09"));
    ck_assert(entered(&l, 7, NULL));
    /* a witness's BAP does not stand in for his */
    l.n = 10;
    struct case_event saksi = ev_on(EV_BAP_RECORDED, "2025-03-07");
    saksi.bap = BAP_SAKSI;
    l.ev[7] = saksi;
    add(&l, withdrawal(6, "2025-03-09"));
    ck_assert(!entered(&l, 6, &f));
    ck_assert_int_eq(f.act, 9);
}
END_TEST

/* ---- once in a round (DOMAIN 4.4, 10) -------------------------------------------------------- */

START_TEST(test_an_spdp_is_received_once_and_a_new_sprindiks_spdp_anew)
{
    /* The Kejaksaan registers an SPDP once: a second receipt names the first; after an SP3 a
     * new Sprindik owes a new SPDP, received anew (and once in turn). */
    struct log l = spdp_received();
    struct case_event x = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-06");
    const struct once_rule *r = NULL;
    ck_assert_int_eq(order_once_first(l.ev, l.n, &x, &r), 3);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->act, EV_SPDP_RECEIVED_BY_PU);
    /* withdrawn, the receipt is not there: one may be recorded */
    struct case_event c = ev_on(EV_CORRECTED, "2025-03-06");
    c.ref = 3;
    c.withdraws = true;
    add(&l, c);
    ck_assert_int_eq(order_once_first(l.ev, l.n, &x, NULL), -1);
    l.n = 4;
    add(&l, ev_on(EV_SP3_ISSUED, "2025-03-10"));
    add(&l, ev_on(EV_SPRINDIK_ISSUED, "2025-03-20"));
    ck_assert_int_eq(order_once_first(l.ev, l.n, &x, NULL), -1);
    add(&l, ev_on(EV_SPDP_SENT, "2025-03-21"));
    ck_assert_int_eq(order_once_first(l.ev, l.n, &x, NULL), -1);
    add(&l, ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-24"));
    ck_assert_int_eq(order_once_first(l.ev, l.n, &x, NULL), 7);
    /* another act is not held to it */
    x = ev_on(EV_P16_RECEIVED, "2025-03-25");
    ck_assert_int_eq(order_once_first(l.ev, l.n, &x, NULL), -1);
}
END_TEST

START_TEST(test_a_direction_is_reported_done_once)
{
    /* DOMAIN 10: a direction is carried out and reported once; another direction's report
     * does not count; a report withdrawn reported nothing */
    struct log l = {.n = 0};
    add(&l, ev_on(EV_REPORT_REGISTERED, "2025-03-01"));
    struct case_event d = ev_on(EV_DIRECTION_GIVEN, "2025-03-02");
    d.due = day_of("2025-03-20");
    add(&l, d);
    add(&l, d);
    struct case_event done = ev_on(EV_DIRECTION_DONE, "2025-03-05");
    done.ref = 1;
    ck_assert_int_eq(order_once_first(l.ev, l.n, &done, NULL), -1);
    add(&l, done);
    ck_assert_int_eq(order_once_first(l.ev, l.n, &done, NULL), 3);
    struct case_event other = done;
    other.ref = 2;
    ck_assert_int_eq(order_once_first(l.ev, l.n, &other, NULL), -1);
    /* a report corrected (re-dated) is still the first */
    struct case_event c = ev_on(EV_CORRECTED, "2025-03-06");
    c.ref = 3;
    add(&l, c);
    ck_assert_int_eq(order_once_first(l.ev, l.n, &done, NULL), 3);
    c.withdraws = true;
    c.ref = 4;
    add(&l, c);
    ck_assert_int_eq(order_once_first(l.ev, l.n, &done, NULL), -1);
}
END_TEST

START_TEST(test_the_table_derives_from_the_guards_stages_and_detention)
{
    struct order_rule r[ORDER_MAX_RULES];
    int n = order_rules(r, ORDER_MAX_RULES);
    ck_assert_int_le(n, ORDER_MAX_RULES);
    bool tahap1_spdp = false, p19_sent = false, detention = false, p21_receipt = false;
    for (int i = 0; i < n; i++) {
        ck_assert(event_valid(r[i].act.ev) && event_valid(r[i].after.ev));
        ck_assert_int_gt((int)strlen(r[i].basis), 3);
        /* the law a refusal names, never the guard's C name */
        ck_assert_msg(strncmp(r[i].basis, "guard_", 6) != 0, "basis %s", r[i].basis);
        for (int k = 0; k < i; k++) /* each row once */
            ck_assert(!(r[k].act.ev == r[i].act.ev && r[k].act.variant == r[i].act.variant &&
                        r[k].after.ev == r[i].after.ev &&
                        r[k].after.variant == r[i].after.variant && r[k].scope == r[i].scope));
        if (r[i].act.ev == EV_TAHAP1_SENT && r[i].after.ev == EV_SPDP_SENT)
            tahap1_spdp =
                r[i].origin == ORD_GUARD && strstr(r[i].basis, "KUHAP 8(3)(a), 110(1)") != NULL;
        if (r[i].act.ev == EV_P19_RECEIVED && r[i].after.ev == EV_TAHAP1_SENT)
            p19_sent = r[i].origin == ORD_STAGE;
        if (r[i].act.ev == EV_RELEASED && r[i].after.ev == EV_DETAINED)
            detention = r[i].scope == ORD_SUSPECT;
        if (r[i].act.ev == EV_P21_RECEIVED && r[i].after.ev == EV_TAHAP1_RECEIVED_BY_PU)
            p21_receipt = r[i].origin == ORD_GUARD;
    }
    ck_assert(tahap1_spdp && p19_sent && detention && p21_receipt);
    ck_assert_int_eq(order_rules(r, 2), n); /* counts past max */
}
END_TEST

Suite *suite_order(void)
{
    Suite *s = suite_create("order");
    TCase *tc = tcase_create("order");
    tcase_add_test(tc, test_a_file_in_date_order_passes_in_every_zone);
    tcase_add_test(tc, test_spdp_on_its_sprindiks_day_allowed_a_day_before_refused);
    tcase_add_test(tc, test_tahap1_before_the_sprindik_or_a_bap_is_refused);
    tcase_add_test(tc, test_the_prosecutors_receipt_before_the_file_was_sent_is_refused);
    tcase_add_test(tc, test_the_pus_return_is_not_dated_before_the_kejaris_tanda_terima);
    tcase_add_test(tc, test_a_suspect_is_examined_as_one_only_after_his_designation);
    tcase_add_test(tc, test_p16_and_p17_are_not_dated_before_the_prosecutors_receipt_of_the_spdp);
    tcase_add_test(tc, test_sprindik_after_its_spdp_by_correction_is_refused_naming_both);
    tcase_add_test(tc, test_detention_before_the_arrest_is_refused_by_the_hour);
    tcase_add_test(tc, test_an_instant_and_a_date_compare_on_the_offices_calendar);
    tcase_add_test(tc, test_order_holds_across_the_regime_switch);
    tcase_add_test(tc, test_the_prosecutors_cycle_keeps_its_order);
    tcase_add_test(tc, test_a_direction_is_done_no_earlier_than_given);
    tcase_add_test(tc, test_a_log_out_of_order_does_not_load);
    tcase_add_test(tc, test_the_table_derives_from_the_guards_stages_and_detention);
    tcase_add_test(tc, test_a_receipt_of_the_spdp_entered_after_a_p16_dated_before_it_is_refused);
    tcase_add_test(tc, test_a_designation_entered_after_his_bap_dated_before_it_is_refused);
    tcase_add_test(tc, test_a_later_round_or_the_next_act_of_a_suspect_is_not_held_back);
    tcase_add_test(tc, test_a_correction_goes_through_the_other_half_too);
    tcase_add_test(tc, test_a_p16_of_a_new_spdp_entered_before_its_receipt_is_refused);
    tcase_add_test(tc, test_a_p18_of_the_resent_file_entered_before_its_receipt_is_refused);
    tcase_add_test(tc, test_late_entries_of_an_earlier_round_still_follow_their_own);
    tcase_add_test(
        tc, test_a_correction_of_a_log_entered_out_of_order_before_is_weighed_for_its_change);
    tcase_add_test(tc, test_a_receipt_is_not_withdrawn_from_under_the_pus_answer);
    tcase_add_test(tc, test_an_arrest_is_withdrawn_under_its_detention_but_not_its_notice);
    tcase_add_test(tc,
                   test_a_suspects_only_bap_is_not_withdrawn_under_tahap1_though_anothers_stands);
    tcase_add_test(tc, test_an_spdp_is_received_once_and_a_new_sprindiks_spdp_anew);
    tcase_add_test(tc, test_a_direction_is_reported_done_once);
    suite_add_tcase(s, tc);
    return s;
}
