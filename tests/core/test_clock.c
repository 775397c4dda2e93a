/*
 * test_clock.c - every clock rule at its boundaries: day N-1, N, N+1; 23:59
 * and 00:00 local in WIB, WITA and WIT; 29 February 2028; acts on 1 and 2
 * January 2026 either side of the regime switch; detention on both readings;
 * detensi apart; corrections; directions.
 */
#include <check.h>
#include <string.h>

#include "core/clock.h"
#include "helpers.h"
#include "suites.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define CAP  64

static struct ruleset sets[RULESET_BUILTIN_COUNT];

struct run {
    struct clock items[CAP];
    struct clock_set set;
};

static void setup(void)
{
    builtin_sets(sets);
}

static void compute(struct run *r, const struct case_event *ev, int n, const char *zone,
                    const char *now)
{
    struct clock_input in = {ev,   n, zone_of(zone), sets, RULESET_BUILTIN_COUNT, instant_of(now),
                             NULL, 0, false};
    memset(r, 0, sizeof *r);
    r->set.items = r->items;
    r->set.cap = CAP;
    struct berr err = {0};
    ck_assert_msg(clock_compute(&in, &r->set, &err), "clock_compute: %s", err.message);
}

static const struct clock *find(const struct run *r, enum clock_kind k, int suspect)
{
    for (int i = 0; i < r->set.count; i++)
        if (r->items[i].kind == k && r->items[i].suspect == suspect)
            return &r->items[i];
    return NULL;
}

static const struct clock *must_find(const struct run *r, enum clock_kind k, int suspect)
{
    const struct clock *c = find(r, k, suspect);
    ck_assert_msg(c != NULL, "no %s clock", clock_kind_code(k));
    return c;
}

static void assert_day(struct caldate d, const char *s)
{
    ck_assert_msg(caldate_cmp(d, day_of(s)) == 0, "%04d-%02d-%02d != %s", d.y, d.m, d.d, s);
}

/* The state and days left of clock k at `now`. */
static void assert_at(const struct case_event *ev, int n, const char *zone, const char *now,
                      enum clock_kind k, int suspect, enum clock_state state, int days_left)
{
    struct run r;
    compute(&r, ev, n, zone, now);
    const struct clock *c = must_find(&r, k, suspect);
    ck_assert_msg(c->state == state, "%s at %s in %s: state %s, expected %s", clock_kind_code(k),
                  now, zone, clock_state_code(c->state), clock_state_code(state));
    ck_assert_msg(c->days_left == days_left, "%s at %s: %d days left, expected %d",
                  clock_kind_code(k), now, c->days_left, days_left);
}

/* A letter delivering notice n: for suspect x, or the case's (x < 0). */
static struct case_event delivered(const char *s, int x, enum notice_kind n)
{
    struct case_event e =
        x >= 0 ? ev_suspect(EV_LETTER_DELIVERED, s, x) : ev_on(EV_LETTER_DELIVERED, s);
    e.notice = n;
    return e;
}

/* The SP3's notice to `to` on day s. */
static struct case_event sp3_notice(const char *s, enum sp3_recipient to)
{
    struct case_event e = ev_on(EV_SP3_NOTIFIED, s);
    e.sp3_to = to;
    return e;
}

/* ---- SPDP: KUHAP 109(1) jo. MK 130/PUU-XIII/2015, Sprindik = day 0 ---- */

START_TEST(test_spdp_due_seven_days_after_the_sprindik)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01")};
    struct run r;
    compute(&r, log, 1, "Asia/Jakarta", "2025-03-05T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP, -1);
    ck_assert_str_eq(c->code, "spdp");
    ck_assert_str_eq(c->label, "Pengiriman SPDP");
    ck_assert_ptr_nonnull(strstr(c->basis, "MK 130/PUU-XIII/2015"));
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    ck_assert_str_eq(c->regime, "KUHAP-1981");
    ck_assert(!c->to_verify);
    ck_assert(c->running);
    ck_assert_int_eq(c->source, 0);
    assert_day(c->start, "2025-03-01");
    assert_day(c->due_date, "2025-03-08");
    ck_assert_int_eq(c->due_at, instant_of("2025-03-09T00:00:00+07:00"));
    ck_assert_int_eq(c->nwarn, 1);
    assert_day(c->warn_on[0], "2025-03-06");
    ck_assert_int_eq(c->state, CLOCK_OK);
    ck_assert_int_eq(c->days_left, 3);
}
END_TEST

START_TEST(test_spdp_warns_from_day_5_and_is_overdue_on_day_8)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01")};
    const char *z = "Asia/Jakarta";
    assert_at(log, 1, z, "2025-03-05T23:59:59+07:00", CLK_SPDP, -1, CLOCK_OK, 3);
    assert_at(log, 1, z, "2025-03-06T00:00:00+07:00", CLK_SPDP, -1, CLOCK_WARNING, 2);
    assert_at(log, 1, z, "2025-03-07T12:00:00+07:00", CLK_SPDP, -1, CLOCK_WARNING, 1);  /* N-1 */
    assert_at(log, 1, z, "2025-03-08T23:59:59+07:00", CLK_SPDP, -1, CLOCK_WARNING, 0);  /* N */
    assert_at(log, 1, z, "2025-03-09T00:00:00+07:00", CLK_SPDP, -1, CLOCK_OVERDUE, -1); /* N+1 */
    assert_at(log, 1, z, "2025-03-20T00:00:00+07:00", CLK_SPDP, -1, CLOCK_OVERDUE, -12);
}
END_TEST

START_TEST(test_spdp_sent_on_day_7_stops_the_clock_in_time)
{
    /* ... and received by the prosecutor, Korwas and the reporter the same
     * day (no suspect yet: Permenkumham 39/2021 Pasal 27(4)) */
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_SPDP_SENT, "2025-03-08"),
                               delivered("2025-03-08", -1, NOTICE_SPDP_KEJARI),
                               delivered("2025-03-08", -1, NOTICE_SPDP_KORWAS),
                               delivered("2025-03-08", -1, NOTICE_SPDP_PELAPOR)};
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-04-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_SPDP_SENT);
    assert_day(c->stopped_on, "2025-03-08");
    ck_assert_int_eq(c->state, CLOCK_OK);
    ck_assert_int_eq(c->days_left, 0);
    ck_assert_int_eq(clock_worst(&r.set), CLOCK_OK);
}
END_TEST

START_TEST(test_spdp_sent_on_day_8_is_late)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_SPDP_SENT, "2025-03-09"),
                               delivered("2025-03-09", -1, NOTICE_SPDP_KEJARI),
                               delivered("2025-03-09", -1, NOTICE_SPDP_KORWAS),
                               delivered("2025-03-10", -1, NOTICE_SPDP_PELAPOR)};
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-04-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert_int_eq(c->days_left, -1);
    /* A stopped clock does not make the case overdue. */
    ck_assert_int_eq(clock_worst(&r.set), CLOCK_OK);
}
END_TEST

START_TEST(test_same_instant_is_overdue_in_jayapura_and_in_time_in_jakarta)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01")};
    const char *now = "2025-03-08T15:00:00Z"; /* 22:00 WIB, 23:00 WITA, 00:00 WIT */
    assert_at(log, 1, "Asia/Jakarta", now, CLK_SPDP, -1, CLOCK_WARNING, 0);
    assert_at(log, 1, "Asia/Makassar", now, CLK_SPDP, -1, CLOCK_WARNING, 0);
    assert_at(log, 1, "Asia/Jayapura", now, CLK_SPDP, -1, CLOCK_OVERDUE, -1);
    assert_at(log, 1, "Asia/Jayapura", "2025-03-08T14:59:59Z", CLK_SPDP, -1, CLOCK_WARNING, 0);
}
END_TEST

START_TEST(test_last_second_and_midnight_in_wib_wita_and_wit)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01")};
    const char *zones[] = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"};
    const char *last[] = {"2025-03-08T23:59:00+07:00", "2025-03-08T23:59:00+08:00",
                          "2025-03-08T23:59:00+09:00"};
    const char *midnight[] = {"2025-03-09T00:00:00+07:00", "2025-03-09T00:00:00+08:00",
                              "2025-03-09T00:00:00+09:00"};
    for (int i = 0; i < 3; i++) {
        assert_at(log, 1, zones[i], last[i], CLK_SPDP, -1, CLOCK_WARNING, 0);
        assert_at(log, 1, zones[i], midnight[i], CLK_SPDP, -1, CLOCK_OVERDUE, -1);
    }
}
END_TEST

START_TEST(test_a_sprindik_late_at_night_is_a_day_later_in_jayapura)
{
    /* 23:30 WIB on 1 March is 01:30 WIT on 2 March. */
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01T23:30:00+07:00")};
    struct run r;
    compute(&r, log, 1, "Asia/Jakarta", "2025-03-02T00:00:00Z");
    assert_day(must_find(&r, CLK_SPDP, -1)->due_date, "2025-03-08");
    compute(&r, log, 1, "Asia/Jayapura", "2025-03-02T00:00:00Z");
    assert_day(must_find(&r, CLK_SPDP, -1)->start, "2025-03-02");
    assert_day(must_find(&r, CLK_SPDP, -1)->due_date, "2025-03-09");
}
END_TEST

START_TEST(test_sprindik_on_1_january_2026_is_kuhap_1981)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-01-01")};
    struct run r;
    compute(&r, log, 1, "Asia/Jakarta", "2026-01-03T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP, -1);
    ck_assert_str_eq(c->regime, "KUHAP-1981");
    ck_assert(!c->to_verify);
    assert_day(c->due_date, "2026-01-08");
}
END_TEST

START_TEST(test_sprindik_on_2_january_2026_is_kuhap_2025_to_verify)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-01-02")};
    struct run r;
    compute(&r, log, 1, "Asia/Jakarta", "2026-01-03T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP, -1);
    ck_assert_str_eq(c->regime, "KUHAP-2025");
    ck_assert(c->to_verify);
    ck_assert_ptr_nonnull(strstr(c->basis, "UU 20/2025"));
    assert_day(c->due_date, "2026-01-09");
}
END_TEST

START_TEST(test_the_regime_follows_the_local_date_of_the_act)
{
    /* 23:30 WIB on 1 January 2026 = 01:30 WIT on 2 January. */
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-01-01T16:30:00Z")};
    struct run r;
    compute(&r, log, 1, "Asia/Jakarta", "2026-01-03T00:00:00Z");
    ck_assert_str_eq(must_find(&r, CLK_SPDP, -1)->regime, "KUHAP-1981");
    compute(&r, log, 1, "Asia/Jayapura", "2026-01-03T00:00:00Z");
    ck_assert_str_eq(must_find(&r, CLK_SPDP, -1)->regime, "KUHAP-2025");
}
END_TEST

START_TEST(test_an_amended_value_applies_only_to_acts_under_its_regime)
{
    ck_assert(ruleset_set(&sets[1], "tahap2_days", 90));
    struct case_event before[] = {ev_on(EV_P21_RECEIVED, "2026-01-01")};
    struct case_event after[] = {ev_on(EV_P21_RECEIVED, "2026-01-02")};
    struct run r;
    compute(&r, before, 1, "Asia/Jakarta", "2026-01-05T00:00:00+07:00");
    assert_day(must_find(&r, CLK_TAHAP2, -1)->due_date, "2026-03-02");
    compute(&r, after, 1, "Asia/Jakarta", "2026-01-05T00:00:00+07:00");
    assert_day(must_find(&r, CLK_TAHAP2, -1)->due_date, "2026-04-02");
}
END_TEST

START_TEST(test_an_spdp_sent_to_another_than_the_prosecutor_is_no_spdp_sent)
{
    /* KUHAP 109(1) jo. MK 130/PUU-XIII/2015: the SPDP reaches the PU within 7 days of the
     * Sprindik; a copy sent to Korwas, the reporter, the suspect, his family or his embassy
     * (Permenkumham 39/2021 Pasal 27) is another duty: it neither stops the spdp clock nor
     * starts the P-17's, and the fact spdp_sent stays false.  The SPDP to the Kejari does. */
    static const enum notice_kind copies[] = {NOTICE_SPDP_KORWAS, NOTICE_SPDP_PELAPOR,
                                              NOTICE_SPDP_TERSANGKA, NOTICE_SPDP_PERWAKILAN,
                                              NOTICE_NONE};
    for (size_t k = 0; k < N(copies); k++) {
        struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                                   ev_on(EV_SPDP_SENT, "2025-03-03"),
                                   ev_on(EV_SPDP_SENT, "2025-03-10")};
        log[1].notice = copies[k];
        struct run r;
        compute(&r, log, 2, "Asia/Jakarta", "2025-03-09T12:00:00+07:00");
        const struct clock *c = must_find(&r, CLK_SPDP, -1);
        ck_assert_msg(c->running, "copy %zu stopped the spdp clock", k);
        ck_assert_int_eq(c->state, CLOCK_OVERDUE);
        ck_assert_msg(find(&r, CLK_P17, -1) == NULL, "copy %zu started the P-17", k);
        struct case_facts f;
        memset(&f, 0, sizeof f);
        evlog_facts(log, 2, zone_of("Asia/Jakarta"), &f);
        ck_assert(!f.spdp_sent);
        /* then the SPDP to the Kejari (evlog_event's default), a day late */
        ck_assert_int_eq(log[2].notice, NOTICE_SPDP_KEJARI);
        compute(&r, log, 3, "Asia/Jakarta", "2025-03-11T12:00:00+07:00");
        c = must_find(&r, CLK_SPDP, -1);
        ck_assert(!c->running);
        ck_assert_int_eq(c->stop_source, 2);
        ck_assert_int_eq(c->state, CLOCK_OVERDUE);
        c = must_find(&r, CLK_P17, -1);
        assert_day(c->start, "2025-03-10");
        evlog_facts(log, 3, zone_of("Asia/Jakarta"), &f);
        ck_assert(f.spdp_sent);
    }
}
END_TEST

/* ---- P-17: expected 30 days after the SPDP while no file is sent ---- */

START_TEST(test_p17_expected_30_days_after_the_first_spdp)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_SPDP_SENT, "2025-03-05"),
                               ev_on(EV_SPDP_SENT, "2025-03-10")};
    log[2].notice = NOTICE_SPDP_KORWAS; /* a copy to another recipient */
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-04-04T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    assert_day(c->start, "2025-03-05");
    assert_day(c->due_date, "2025-04-04");
    ck_assert_int_eq(c->actor, ACTOR_PROSECUTOR);
    ck_assert(c->to_verify);
    ck_assert_int_eq(c->state, CLOCK_OK);
    assert_at(log, N(log), "Asia/Jakarta", "2025-04-05T00:00:00+07:00", CLK_P17, -1, CLOCK_OVERDUE,
              -1);
}
END_TEST

START_TEST(test_p17_clock_stops_at_tahap1_or_at_the_p17)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_SPDP_SENT, "2025-03-05"),
                               ev_on(EV_TAHAP1_SENT, "2025-04-01")};
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-05-01T00:00:00+07:00");
    ck_assert(!must_find(&r, CLK_P17, -1)->running);
    ck_assert_int_eq(must_find(&r, CLK_P17, -1)->stopped_by, EV_TAHAP1_SENT);
    log[2] = ev_on(EV_P17_RECEIVED, "2025-04-07");
    compute(&r, log, N(log), "Asia/Jakarta", "2025-05-01T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_P17, -1)->stopped_by, EV_P17_RECEIVED);
    ck_assert_int_eq(must_find(&r, CLK_P17, -1)->state, CLOCK_OVERDUE);
}
END_TEST

/* DOMAIN 5.2 D14: the PU sends P-17 when no file has come ~30 days (p17_days, UNCERTAIN) after
 * it RECEIVED the SPDP.  Day 0 is the day of the receipt, as for every day clock (clock.h):
 * received 10 March, 30 days -> 9 April is the last day in time, overdue from 10 April 00:00
 * local.  While no receipt is recorded the clock counts from the sending (1 March -> 31 March). */
static int p17_log(struct case_event *log)
{
    log[0] = ev_on(EV_SPRINDIK_ISSUED, "2025-02-27");
    log[1] = ev_on(EV_SPDP_SENT, "2025-03-01");
    log[2] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-10");
    return 3;
}

START_TEST(test_p17_counts_from_the_prosecutors_receipt_of_the_spdp)
{
    struct case_event log[4];
    int n = p17_log(log);
    struct run r;
    compute(&r, log, n, "Asia/Jakarta", "2025-04-01T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    assert_day(c->start, "2025-03-10");
    assert_day(c->due_date, "2025-04-09");
    ck_assert_int_eq(c->due_at, instant_of("2025-04-10T00:00:00+07:00"));
    ck_assert_int_eq(c->source, 2); /* the receipt is the act it counts from */
    ck_assert(c->running);
    ck_assert_int_eq(c->actor, ACTOR_PROSECUTOR);
    ck_assert(c->to_verify); /* the day count is UNCERTAIN (DOMAIN D14) */
    assert_at(log, n, "Asia/Jakarta", "2025-04-09T23:59:59+07:00", CLK_P17, -1, CLOCK_OK, 0);
    assert_at(log, n, "Asia/Jakarta", "2025-04-10T00:00:00+07:00", CLK_P17, -1, CLOCK_OVERDUE, -1);
    /* the same receipt in Jayapura's calendar (WIT): the same local days */
    assert_at(log, n, "Asia/Jayapura", "2025-04-10T00:00:00+09:00", CLK_P17, -1, CLOCK_OVERDUE, -1);
}
END_TEST

START_TEST(test_p17_counts_from_the_sending_while_no_receipt_is_recorded)
{
    struct case_event log[4];
    p17_log(log);
    struct run r;
    compute(&r, log, 2, "Asia/Jakarta", "2025-03-20T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    assert_day(c->start, "2025-03-01");
    assert_day(c->due_date, "2025-03-31");
    ck_assert_int_eq(c->source, 1);
    assert_at(log, 2, "Asia/Jakarta", "2025-04-01T00:00:00+07:00", CLK_P17, -1, CLOCK_OVERDUE, -1);
    /* the receipt recorded later moves it: overdue on 1 April no more */
    assert_at(log, 3, "Asia/Jakarta", "2025-04-01T00:00:00+07:00", CLK_P17, -1, CLOCK_OK, 8);
}
END_TEST

START_TEST(test_p17_after_the_receipt_stops_at_tahap1)
{
    struct case_event log[4];
    int n = p17_log(log);
    log[n++] = ev_on(EV_TAHAP1_SENT, "2025-04-02");
    struct run r;
    compute(&r, log, n, "Asia/Jakarta", "2025-05-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_TAHAP1_SENT);
    ck_assert_int_eq(c->state, CLOCK_OK); /* in time: 2 April is before 9 April */
    assert_day(c->due_date, "2025-04-09");
    /* sent on 12 April instead: after the receipt's 30 days, late */
    log[n - 1] = ev_on(EV_TAHAP1_SENT, "2025-04-12");
    compute(&r, log, n, "Asia/Jakarta", "2025-05-01T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_P17, -1)->state, CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_p17_a_second_receipt_does_not_push_it_out)
{
    struct case_event log[5];
    int n = p17_log(log);
    log[n++] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-20"); /* registered again */
    struct run r;
    compute(&r, log, n, "Asia/Jakarta", "2025-04-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    assert_day(c->start, "2025-03-10");
    assert_day(c->due_date, "2025-04-09");
    ck_assert_int_eq(c->source, 2);
    assert_at(log, n, "Asia/Jakarta", "2025-04-10T00:00:00+07:00", CLK_P17, -1, CLOCK_OVERDUE, -1);
}
END_TEST

/* DOMAIN 5.1: "Receipt dates at the Kejaksaan (tanggal terima on the tanda terima) drive the PU
 * clocks, not the sending date."  The tanda terima the investigator holds from the Kejari's
 * front desk (a letter_delivered of notice spdp_kejari) is that receipt, whether or not the
 * prosecutor records it himself: sent 1 March, received at the Kejari 3 March, 30 days -> 2
 * April the last day in time.  The prosecutor's own record a week later does not push it out
 * (the first receipt counts), and the SPDP's delivery to Korwas is no receipt at the Kejaksaan. */
START_TEST(test_p17_counts_from_the_kejaris_tanda_terima_of_the_spdp)
{
    struct case_event log[5];
    log[0] = ev_on(EV_SPRINDIK_ISSUED, "2025-02-27");
    log[1] = ev_on(EV_SPDP_SENT, "2025-03-01");
    log[2] = delivered("2025-03-02", -1, NOTICE_SPDP_KORWAS);
    log[3] = delivered("2025-03-03", -1, NOTICE_SPDP_KEJARI);
    log[4] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-10");
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2025-03-20T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    assert_day(c->start, "2025-03-03");
    assert_day(c->due_date, "2025-04-02");
    ck_assert_int_eq(c->source, 3);
    assert_at(log, 4, "Asia/Jakarta", "2025-04-01T00:00:00+07:00", CLK_P17, -1, CLOCK_OK, 1);
    assert_at(log, 4, "Asia/Jakarta", "2025-04-03T00:00:00+07:00", CLK_P17, -1, CLOCK_OVERDUE, -1);
    /* the prosecutor's record after it moves nothing */
    compute(&r, log, 5, "Asia/Jakarta", "2025-03-20T12:00:00+07:00");
    assert_day(must_find(&r, CLK_P17, -1)->start, "2025-03-03");
    assert_at(log, 5, "Asia/Jakarta", "2025-04-03T00:00:00+07:00", CLK_P17, -1, CLOCK_OVERDUE, -1);
    /* delivered to Korwas only: counted from the sending */
    compute(&r, log, 3, "Asia/Jakarta", "2025-03-20T12:00:00+07:00");
    assert_day(must_find(&r, CLK_P17, -1)->start, "2025-03-01");
}
END_TEST

/* The same receipts entered the other way round: the prosecutor's record of the 10th first, the
 * Kejari's tanda terima dated the 3rd entered a week later.  The SPDP was received on the 3rd
 * (DOMAIN 5.1: the tanggal terima drives the PU clocks), so the P-17 counts from the 3rd whatever
 * the order of entry: due 2 April, overdue from 3 April - not 9 April. */
START_TEST(test_p17_an_earlier_receipt_recorded_later_moves_it_back)
{
    struct case_event log[4];
    log[0] = ev_on(EV_SPRINDIK_ISSUED, "2025-02-27");
    log[1] = ev_on(EV_SPDP_SENT, "2025-03-01");
    log[2] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-10");
    log[3] = delivered("2025-03-03", -1, NOTICE_SPDP_KEJARI);
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2025-03-20T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    assert_day(c->start, "2025-03-03");
    assert_day(c->due_date, "2025-04-02");
    ck_assert_int_eq(c->source, 3);
    assert_at(log, 4, "Asia/Jakarta", "2025-04-03T00:00:00+07:00", CLK_P17, -1, CLOCK_OVERDUE, -1);
    /* before the tanda terima was entered: from the prosecutor's record */
    compute(&r, log, 3, "Asia/Jakarta", "2025-03-20T12:00:00+07:00");
    assert_day(must_find(&r, CLK_P17, -1)->due_date, "2025-04-09");
}
END_TEST

START_TEST(test_p17_a_new_sprindik_and_spdp_start_it_again_and_its_receipt_moves_it)
{
    struct case_event log[8];
    int n = p17_log(log);
    log[n++] = ev_on(EV_SP3_ISSUED, "2025-03-15");
    log[n++] = ev_on(EV_REOPENED, "2025-05-01");
    log[n++] = ev_on(EV_SPRINDIK_ISSUED, "2025-05-02");
    log[n++] = ev_on(EV_SPDP_SENT, "2025-05-03");
    struct run r;
    compute(&r, log, n, "Asia/Jakarta", "2025-05-10T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    ck_assert(c->running);
    assert_day(c->start, "2025-05-03");
    assert_day(c->due_date, "2025-06-02");
    /* the new SPDP's receipt on 13 May: 30 days from it, 12 June */
    log[n++] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-05-13");
    compute(&r, log, n, "Asia/Jakarta", "2025-05-20T00:00:00+07:00");
    c = must_find(&r, CLK_P17, -1);
    assert_day(c->start, "2025-05-13");
    assert_day(c->due_date, "2025-06-12");
    ck_assert_int_eq(c->source, n - 1);
}
END_TEST

START_TEST(test_p17_a_receipt_after_the_clock_stopped_starts_nothing)
{
    struct case_event log[5];
    log[0] = ev_on(EV_SPRINDIK_ISSUED, "2025-02-27");
    log[1] = ev_on(EV_SPDP_SENT, "2025-03-01");
    log[2] = ev_on(EV_P17_RECEIVED, "2025-04-02");
    log[3] = ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-04-03"); /* entered late, dated after */
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2025-05-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_P17, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_P17_RECEIVED);
    assert_day(c->start, "2025-03-01");
}
END_TEST

/* ---- DOMAIN D15: the suspect told of his designation within 1 day (UU 20/2025 Pasal 90, as
 * reported; designation_notice_days, to verify).  Day 0 is the designation's date: designated 5
 * January 2026 -> 6 January is the last day in time, overdue from 7 January 00:00 local.  KUHAP
 * 1981 sets no such period: a designation dated up to 1 January 2026 starts no clock. ---- */

START_TEST(test_designation_notice_due_the_next_day_under_uu_20_2025)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-01-03"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-01-05", 0)};
    struct run r;
    compute(&r, log, 2, "Asia/Jakarta", "2026-01-05T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DESIGNATION_NOTICE, 0);
    ck_assert_str_eq(c->code, "designation_notice");
    ck_assert_str_eq(c->regime, "KUHAP-2025");
    ck_assert_ptr_nonnull(strstr(c->basis, "Pasal 90"));
    ck_assert(c->to_verify);
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    ck_assert_int_eq(clock_notice(CLK_DESIGNATION_NOTICE), NOTICE_DESIGNATION);
    assert_day(c->start, "2026-01-05");
    assert_day(c->due_date, "2026-01-06");
    ck_assert_int_eq(c->due_at, instant_of("2026-01-07T00:00:00+07:00"));
    assert_at(log, 2, "Asia/Jakarta", "2026-01-06T23:59:59+07:00", CLK_DESIGNATION_NOTICE, 0,
              CLOCK_OK, 0);
    assert_at(log, 2, "Asia/Jakarta", "2026-01-07T00:00:00+07:00", CLK_DESIGNATION_NOTICE, 0,
              CLOCK_OVERDUE, -1);
}
END_TEST

START_TEST(test_designation_notice_met_by_the_letter_to_that_suspect)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-01-03"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-01-05", 0),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-01-05", 1),
                               delivered("2026-01-06", 0, NOTICE_DESIGNATION)};
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2026-01-20T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DESIGNATION_NOTICE, 0);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert_int_eq(c->state, CLOCK_OK);
    /* the other suspect was not told: his still runs, overdue */
    c = must_find(&r, CLK_DESIGNATION_NOTICE, 1);
    ck_assert(c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    /* told on 7 January instead: met late */
    log[3] = delivered("2026-01-07", 0, NOTICE_DESIGNATION);
    compute(&r, log, 4, "Asia/Jakarta", "2026-01-20T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_DESIGNATION_NOTICE, 0)->state, CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_no_designation_notice_under_kuhap_1981)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-12-01"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2025-12-10", 0),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-01-01", 1),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-01-02", 2)};
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2026-01-05T00:00:00+07:00");
    ck_assert_ptr_null(find(&r, CLK_DESIGNATION_NOTICE, 0));
    ck_assert_ptr_null(find(&r, CLK_DESIGNATION_NOTICE, 1)); /* the last day of KUHAP 1981 */
    assert_day(must_find(&r, CLK_DESIGNATION_NOTICE, 2)->due_date, "2026-01-03");
}
END_TEST

/* ---- DOMAIN D16: a copy of the suspect's BAP to him within 1 day (UU 20/2025 as reported,
 * article unknown; bap_copy_days, to verify).  Day 0 is the examination's date: examined 5
 * February 2026 -> 6 February is the last day in time, overdue from 7 February 00:00 local.  A
 * witness's BAP owes no such copy; KUHAP 1981 sets none. ---- */

static struct case_event bap_of(const char *s, int x, enum bap_kind k)
{
    struct case_event e = x >= 0 ? ev_suspect(EV_BAP_RECORDED, s, x) : ev_on(EV_BAP_RECORDED, s);
    e.bap = k;
    return e;
}

START_TEST(test_bap_copy_due_the_next_day_under_uu_20_2025)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-02-01"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-02-02", 0),
                               bap_of("2026-02-05", 0, BAP_TERSANGKA)};
    struct run r;
    compute(&r, log, 3, "Asia/Jakarta", "2026-02-05T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_BAP_COPY, 0);
    ck_assert_str_eq(c->code, "bap_copy");
    ck_assert_str_eq(c->regime, "KUHAP-2025");
    ck_assert_ptr_nonnull(strstr(c->basis, "UU 20/2025"));
    ck_assert(c->to_verify);
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    ck_assert_int_eq(clock_notice(CLK_BAP_COPY), NOTICE_BAP_COPY);
    assert_day(c->start, "2026-02-05");
    assert_day(c->due_date, "2026-02-06");
    ck_assert_int_eq(c->due_at, instant_of("2026-02-07T00:00:00+07:00"));
    assert_at(log, 3, "Asia/Jakarta", "2026-02-06T23:59:59+07:00", CLK_BAP_COPY, 0, CLOCK_OK, 0);
    assert_at(log, 3, "Asia/Jakarta", "2026-02-07T00:00:00+07:00", CLK_BAP_COPY, 0, CLOCK_OVERDUE,
              -1);
}
END_TEST

START_TEST(test_bap_copy_met_by_the_letter_and_owed_again_for_his_next_bap)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-02-01"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-02-02", 0),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-02-02", 1),
                               bap_of("2026-02-05", 0, BAP_TERSANGKA),
                               bap_of("2026-02-05", 1, BAP_TERSANGKA),
                               delivered("2026-02-06", 0, NOTICE_BAP_COPY),
                               bap_of("2026-02-10", 0, BAP_TERSANGKA)};
    struct run r;
    compute(&r, log, 6, "Asia/Jakarta", "2026-02-09T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_BAP_COPY, 0);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert_int_eq(c->state, CLOCK_OK);
    /* the other suspect got no copy: his runs, overdue */
    c = must_find(&r, CLK_BAP_COPY, 1);
    ck_assert(c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    /* examined again on 10 February: that record owes its own copy, by 11 February */
    compute(&r, log, 7, "Asia/Jakarta", "2026-02-12T00:00:00+07:00");
    c = must_find(&r, CLK_BAP_COPY, 0);
    ck_assert(c->running);
    assert_day(c->start, "2026-02-10");
    assert_day(c->due_date, "2026-02-11");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
}
END_TEST

/* A copy still owed is not hidden by his next examination: examined 5 February, no copy,
 * examined again 20 February - the copy of 5 February is overdue since 7 February, on the board,
 * until the letter giving him his copies (found in review: the next BAP used to restart it). */
START_TEST(test_bap_copy_owed_stays_overdue_across_his_next_bap)
{
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2026-02-01"), ev_suspect(EV_SUSPECT_DESIGNATED, "2026-02-02", 0),
        bap_of("2026-02-05", 0, BAP_TERSANGKA), bap_of("2026-02-20", 0, BAP_TERSANGKA),
        delivered("2026-02-21", 0, NOTICE_BAP_COPY)};
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2026-02-20T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_BAP_COPY, 0);
    ck_assert(c->running);
    assert_day(c->start, "2026-02-05");
    assert_day(c->due_date, "2026-02-06");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    compute(&r, log, 5, "Asia/Jakarta", "2026-02-25T00:00:00+07:00");
    c = must_find(&r, CLK_BAP_COPY, 0);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE); /* given late */
}
END_TEST

/* A supplementary examination of him (BAP tambahan) is a record of his examination: it owes its
 * copy as his first did; a supplementary BAP of a witness owes him nothing (found in review:
 * only a BAP tersangka started the clock). */
START_TEST(test_bap_copy_owed_for_his_supplementary_examination)
{
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2026-02-01"), ev_suspect(EV_SUSPECT_DESIGNATED, "2026-02-02", 0),
        bap_of("2026-02-05", 0, BAP_TERSANGKA),  delivered("2026-02-06", 0, NOTICE_BAP_COPY),
        bap_of("2026-02-10", -1, BAP_TAMBAHAN),  bap_of("2026-02-12", 0, BAP_TAMBAHAN)};
    struct run r;
    compute(&r, log, 5, "Asia/Jakarta", "2026-02-11T12:00:00+07:00");
    ck_assert(!must_find(&r, CLK_BAP_COPY, 0)->running); /* the witness's owes him nothing */
    ck_assert_ptr_null(find(&r, CLK_BAP_COPY, -1));
    compute(&r, log, 6, "Asia/Jakarta", "2026-02-14T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_BAP_COPY, 0);
    ck_assert(c->running);
    assert_day(c->start, "2026-02-12");
    assert_day(c->due_date, "2026-02-13");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_no_bap_copy_for_a_witness_or_under_kuhap_1981)
{
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2025-12-01"), ev_suspect(EV_SUSPECT_DESIGNATED, "2025-12-02", 0),
        bap_of("2025-12-10", 0, BAP_TERSANGKA), bap_of("2026-01-01", 0, BAP_TERSANGKA),
        bap_of("2026-01-05", -1, BAP_SAKSI)};
    struct run r;
    compute(&r, log, 5, "Asia/Jakarta", "2026-01-20T00:00:00+07:00");
    ck_assert_ptr_null(find(&r, CLK_BAP_COPY, 0)); /* 1 January: the last day of KUHAP 1981 */
    ck_assert_ptr_null(find(&r, CLK_BAP_COPY, -1));
    log[3] = bap_of("2026-01-02", 0, BAP_TERSANGKA);
    compute(&r, log, 5, "Asia/Jakarta", "2026-01-20T00:00:00+07:00");
    assert_day(must_find(&r, CLK_BAP_COPY, 0)->due_date, "2026-01-03");
}
END_TEST

/* ---- DOMAIN 4.9, D8: a search or seizure done in urgency without the Ketua PN's permit
 * (KUHAP 34, 38(2)) is reported to him for his approval "segera"; pn_approval_days (2 in both
 * rule sets, to verify: the law gives no number) from the act, day 0 its date: seized 2 March
 * 2026 -> 4 March is the last day in time, overdue from 5 March 00:00 local.  The persetujuan
 * approving that act stops it; an act under a prior permit owes nothing. ---- */

static struct case_event urgent_act(enum event ev, const char *day)
{
    struct case_event e = ev_on(ev, day);
    e.urgent = true;
    return e;
}

static struct case_event approval_of(const char *day, int act)
{
    struct case_event e = ev_on(EV_COURT_PERMIT_RECEIVED, day);
    e.ref = act;
    return e;
}

START_TEST(test_pn_approval_due_two_days_after_an_urgent_seizure)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-03-01"),
                               urgent_act(EV_SEIZURE_DONE, "2026-03-02")};
    struct run r;
    compute(&r, log, 2, "Asia/Jakarta", "2026-03-02T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_PN_APPROVAL, -1);
    ck_assert_str_eq(c->code, "pn_approval");
    ck_assert_str_eq(c->regime, "KUHAP-2025");
    ck_assert_ptr_nonnull(strstr(c->basis, "38(2)"));
    ck_assert_ptr_nonnull(strstr(c->label, "penyitaan"));
    ck_assert(c->to_verify);
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    ck_assert_int_eq(c->source, 1);
    ck_assert_int_eq(clock_notice(CLK_PN_APPROVAL), NOTICE_NONE);
    assert_day(c->start, "2026-03-02");
    assert_day(c->due_date, "2026-03-04");
    ck_assert_int_eq(c->due_at, instant_of("2026-03-05T00:00:00+07:00"));
    assert_at(log, 2, "Asia/Jakarta", "2026-03-04T23:59:59+07:00", CLK_PN_APPROVAL, -1, CLOCK_OK,
              0);
    assert_at(log, 2, "Asia/Jakarta", "2026-03-05T00:00:00+07:00", CLK_PN_APPROVAL, -1,
              CLOCK_OVERDUE, -1);
}
END_TEST

START_TEST(test_pn_approval_stopped_by_the_persetujuan_of_that_act)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-03-01"),
                               urgent_act(EV_SEARCH_DONE, "2026-03-02"),
                               urgent_act(EV_SEIZURE_DONE, "2026-03-02"),
                               approval_of("2026-03-03", 2), approval_of("2026-03-06", 1)};
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2026-03-05T08:00:00+07:00");
    ck_assert_int_eq(r.set.count, r.set.total);
    int seen = 0;
    for (int i = 0; i < r.set.count; i++) {
        const struct clock *c = &r.items[i];
        if (c->kind != CLK_PN_APPROVAL)
            continue;
        seen++;
        if (c->source == 2) { /* the seizure: approved on 3 March, in time */
            ck_assert(!c->running);
            ck_assert_int_eq(c->stopped_by, EV_COURT_PERMIT_RECEIVED);
            ck_assert_int_eq(c->stop_source, 3);
            ck_assert_int_eq(c->state, CLOCK_OK);
        } else { /* the search: no approval yet, overdue */
            ck_assert_int_eq(c->source, 1);
            ck_assert_ptr_nonnull(strstr(c->basis, "34"));
            ck_assert(c->running);
            ck_assert_int_eq(c->state, CLOCK_OVERDUE);
        }
    }
    ck_assert_int_eq(seen, 2);
    /* approved on 6 March: stopped, late */
    compute(&r, log, 5, "Asia/Jakarta", "2026-03-07T08:00:00+07:00");
    for (int i = 0; i < r.set.count; i++)
        if (r.items[i].kind == CLK_PN_APPROVAL && r.items[i].source == 1) {
            ck_assert(!r.items[i].running);
            ck_assert_int_eq(r.items[i].state, CLOCK_OVERDUE);
            ck_assert_int_eq(r.items[i].days_left, -2);
        }
}
END_TEST

/* KUHAP 38(2): the investigator "wajib segera melaporkan kepada ketua pengadilan negeri ...
 * guna memperoleh persetujuannya": his duty is the report; when the court answers is not his
 * breach.  Seized urgently 2 March 2026, reported 3 March (in time: due 4 March), approved 10
 * March: met on 3 March, never overdue, not moved by the later persetujuan.  (No report and a
 * persetujuan on the 3rd: met, above; neither: overdue from 5 March, above.) */
static struct case_event report_of(const char *day, int act)
{
    struct case_event e = ev_on(EV_LETTER_DELIVERED, day);
    e.ref = act;
    return e;
}

START_TEST(test_pn_approval_met_by_the_report_to_the_ketua_pn)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-03-01"),
                               urgent_act(EV_SEIZURE_DONE, "2026-03-02"),
                               report_of("2026-03-03", 1), approval_of("2026-03-10", 1)};
    struct run r;
    const char *whens[] = {"2026-03-03T12:00:00+07:00", "2026-03-05T00:00:00+07:00",
                           "2026-03-09T23:00:00+07:00"};
    for (size_t w = 0; w < sizeof whens / sizeof whens[0]; w++) {
        compute(&r, log, 3, "Asia/Jakarta", whens[w]); /* reported, not yet approved */
        const struct clock *c = must_find(&r, CLK_PN_APPROVAL, -1);
        ck_assert(!c->running);
        ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
        ck_assert_int_eq(c->stop_source, 2);
        assert_day(c->stopped_on, "2026-03-03");
        ck_assert_int_eq(c->state, CLOCK_OK);
    }
    compute(&r, log, 4, "Asia/Jakarta", "2026-03-11T08:00:00+07:00"); /* approved 10 March */
    const struct clock *c = must_find(&r, CLK_PN_APPROVAL, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert_int_eq(c->stop_source, 2);
    ck_assert_int_eq(c->state, CLOCK_OK);
    /* a letter to anyone else (no ref) meets nothing: overdue from 5 March */
    log[2].ref = -1;
    assert_at(log, 3, "Asia/Jakarta", "2026-03-05T00:00:00+07:00", CLK_PN_APPROVAL, -1,
              CLOCK_OVERDUE, -1);
}
END_TEST

START_TEST(test_no_pn_approval_for_a_permitted_act_and_kuhap_1981_counts_too)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-10-01"),
                               ev_on(EV_SEARCH_DONE, "2025-10-02"),
                               ev_on(EV_SEIZURE_DONE, "2025-10-02")};
    struct run r;
    compute(&r, log, 3, "Asia/Jakarta", "2025-10-20T00:00:00+07:00");
    ck_assert_ptr_null(find(&r, CLK_PN_APPROVAL, -1));
    log[1].urgent = true; /* KUHAP 1981 Pasal 34: the same "segera", the same rule value */
    compute(&r, log, 3, "Asia/Jakarta", "2025-10-03T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_PN_APPROVAL, -1);
    ck_assert_str_eq(c->regime, "KUHAP-1981");
    ck_assert_str_eq(c->basis, "KUHAP 34");
    assert_day(c->due_date, "2025-10-04");
    ck_assert_int_eq(c->state, CLOCK_OK);
}
END_TEST

/* ---- the prosecutor's research: KUHAP 138(1), 110(4), 138(2) ---- */

static const struct case_event *tahap1_log(int *n)
{
    static struct case_event log[8];
    log[0] = ev_on(EV_SPRINDIK_ISSUED, "2025-03-01");
    log[1] = ev_on(EV_SPDP_SENT, "2025-03-02");
    log[2] = ev_on(EV_TAHAP1_SENT, "2025-03-20");
    log[3] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-21");
    *n = 4;
    return log;
}

START_TEST(test_pu_answers_within_7_days_of_receipt)
{
    int n;
    const struct case_event *log = tahap1_log(&n);
    struct run r;
    compute(&r, log, n, "Asia/Makassar", "2025-03-22T00:00:00+08:00");
    const struct clock *c = must_find(&r, CLK_PU_ANSWER, -1);
    ck_assert_int_eq(c->actor, ACTOR_PROSECUTOR);
    assert_day(c->due_date, "2025-03-28");
    assert_day(c->warn_on[0], "2025-03-26");
    const char *z = "Asia/Makassar";
    assert_at(log, n, z, "2025-03-25T23:59:00+08:00", CLK_PU_ANSWER, -1, CLOCK_OK, 3);
    assert_at(log, n, z, "2025-03-27T00:00:00+08:00", CLK_PU_ANSWER, -1, CLOCK_WARNING, 1);
    assert_at(log, n, z, "2025-03-28T23:59:00+08:00", CLK_PU_ANSWER, -1, CLOCK_WARNING, 0);
    assert_at(log, n, z, "2025-03-29T00:00:00+08:00", CLK_PU_ANSWER, -1, CLOCK_OVERDUE, -1);
}
END_TEST

START_TEST(test_pu_returns_within_14_days_or_the_file_is_deemed_complete)
{
    int n;
    const struct case_event *log = tahap1_log(&n);
    const char *z = "Asia/Makassar";
    struct run r;
    compute(&r, log, n, z, "2025-03-22T00:00:00+08:00");
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->due_date, "2025-04-04");
    assert_at(log, n, z, "2025-04-01T12:00:00+08:00", CLK_PU_RETURN, -1, CLOCK_OK, 3);
    assert_at(log, n, z, "2025-04-02T00:00:00+08:00", CLK_PU_RETURN, -1, CLOCK_WARNING, 2);
    assert_at(log, n, z, "2025-04-03T12:00:00+08:00", CLK_PU_RETURN, -1, CLOCK_WARNING, 1);
    assert_at(log, n, z, "2025-04-04T23:59:00+08:00", CLK_PU_RETURN, -1, CLOCK_WARNING, 0);
    assert_at(log, n, z, "2025-04-05T00:00:00+08:00", CLK_PU_RETURN, -1, CLOCK_OVERDUE, -1);
}
END_TEST

/* DOMAIN 5.1: the date on the Kejari's tanda terima drives the PU's clocks (KUHAP 138(1): 7
 * days to answer, 110(4): 14 days to return).  The investigator's record of it (a
 * letter_delivered of notice berkas_kejari) starts them when the prosecutor records nothing:
 * sent 20 March, signed for at the Kejari 21 March -> answer due 28 March, return due 4 April.
 * The prosecutor's own record a week later does not push them out; a tanda terima dated before
 * a receipt entered first brings them back to its day; a delivery of another notice is no
 * receipt of the file. */
START_TEST(test_the_pu_clocks_count_from_the_kejaris_tanda_terima_of_the_file)
{
    struct case_event log[6];
    log[0] = ev_on(EV_SPRINDIK_ISSUED, "2025-03-01");
    log[1] = ev_on(EV_SPDP_SENT, "2025-03-02");
    log[2] = ev_on(EV_TAHAP1_SENT, "2025-03-20");
    log[3] = delivered("2025-03-21", -1, NOTICE_BERKAS_KEJARI);
    log[4] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-03-28");
    const char *z = "Asia/Jakarta";
    struct run r;
    compute(&r, log, 4, z, "2025-03-22T00:00:00+07:00");
    assert_day(must_find(&r, CLK_PU_ANSWER, -1)->start, "2025-03-21");
    assert_day(must_find(&r, CLK_PU_ANSWER, -1)->due_date, "2025-03-28");
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->due_date, "2025-04-04");
    ck_assert_int_eq(must_find(&r, CLK_PU_RETURN, -1)->source, 3);
    assert_at(log, 4, z, "2025-04-05T00:00:00+07:00", CLK_PU_RETURN, -1, CLOCK_OVERDUE, -1);
    /* the prosecutor's record a week later moves nothing */
    compute(&r, log, 5, z, "2025-03-29T00:00:00+07:00");
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->due_date, "2025-04-04");
    assert_at(log, 5, z, "2025-03-29T00:00:00+07:00", CLK_PU_ANSWER, -1, CLOCK_OVERDUE, -1);
    /* entered the other way round: the PU's record of the 28th, then the tanda terima of the
     * 21st - the earlier day is the receipt */
    struct case_event back[5] = {log[0], log[1], log[2], log[4], log[3]};
    compute(&r, back, 4, z, "2025-03-29T00:00:00+07:00");
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->due_date, "2025-04-11");
    compute(&r, back, 5, z, "2025-03-29T00:00:00+07:00");
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->start, "2025-03-21");
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->due_date, "2025-04-04");
    assert_day(must_find(&r, CLK_PU_ANSWER, -1)->due_date, "2025-03-28");
    /* the SPDP's delivery to the Kejari is no receipt of the file */
    log[3] = delivered("2025-03-21", -1, NOTICE_SPDP_KEJARI);
    compute(&r, log, 4, z, "2025-03-22T00:00:00+07:00");
    const struct clock *none = find(&r, CLK_PU_RETURN, -1);
    ck_assert(none == NULL || !none->running);
}
END_TEST

START_TEST(test_p18_stops_the_answer_but_not_the_return)
{
    int n;
    const struct case_event *base = tahap1_log(&n);
    struct case_event log[5];
    memcpy(log, base, sizeof(struct case_event) * 4);
    log[4] = ev_on(EV_P18_RECEIVED, "2025-03-27");
    struct run r;
    compute(&r, log, 5, "Asia/Jakarta", "2025-03-30T00:00:00+07:00");
    ck_assert(!must_find(&r, CLK_PU_ANSWER, -1)->running);
    ck_assert_int_eq(must_find(&r, CLK_PU_ANSWER, -1)->state, CLOCK_OK);
    ck_assert(must_find(&r, CLK_PU_RETURN, -1)->running);
}
END_TEST

START_TEST(test_resend_within_14_days_of_the_p19)
{
    int n;
    const struct case_event *base = tahap1_log(&n);
    struct case_event log[7];
    memcpy(log, base, sizeof(struct case_event) * 4);
    log[4] = ev_on(EV_P19_RECEIVED, "2025-04-03");
    const char *z = "Asia/Jakarta";
    struct run r;
    compute(&r, log, 5, z, "2025-04-04T00:00:00+07:00");
    ck_assert(!must_find(&r, CLK_PU_RETURN, -1)->running);
    const struct clock *c = must_find(&r, CLK_RESEND, -1);
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    assert_day(c->due_date, "2025-04-17");
    assert_day(c->warn_on[0], "2025-04-13");
    assert_at(log, 5, z, "2025-04-12T23:59:59+07:00", CLK_RESEND, -1, CLOCK_OK, 5);
    assert_at(log, 5, z, "2025-04-16T08:00:00+07:00", CLK_RESEND, -1, CLOCK_WARNING, 1);
    assert_at(log, 5, z, "2025-04-17T23:59:59+07:00", CLK_RESEND, -1, CLOCK_WARNING, 0);
    assert_at(log, 5, z, "2025-04-18T00:00:00+07:00", CLK_RESEND, -1, CLOCK_OVERDUE, -1);
    /* re-sent a day late; the new receipt restarts the prosecutor's clocks */
    log[5] = ev_on(EV_RESUBMITTED, "2025-04-18");
    log[6] = ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-04-20");
    compute(&r, log, 7, z, "2025-04-21T00:00:00+07:00");
    ck_assert(!must_find(&r, CLK_RESEND, -1)->running);
    ck_assert_int_eq(must_find(&r, CLK_RESEND, -1)->state, CLOCK_OVERDUE);
    ck_assert(must_find(&r, CLK_PU_RETURN, -1)->running);
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->start, "2025-04-20");
    assert_day(must_find(&r, CLK_PU_RETURN, -1)->due_date, "2025-05-04");
}
END_TEST

/* ---- Tahap II: B-1310/E/EJP/05/2022, 60 days, warnings at 30 and 45 ---- */

START_TEST(test_tahap2_within_60_days_of_p21_with_two_warnings)
{
    struct case_event log[] = {ev_on(EV_P21_RECEIVED, "2025-05-01")};
    const char *z = "Asia/Jakarta";
    struct run r;
    compute(&r, log, 1, z, "2025-05-02T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_TAHAP2, -1);
    assert_day(c->due_date, "2025-06-30");
    ck_assert_int_eq(c->nwarn, 2);
    assert_day(c->warn_on[0], "2025-05-31");
    assert_day(c->warn_on[1], "2025-06-15");
    assert_at(log, 1, z, "2025-05-30T23:59:59+07:00", CLK_TAHAP2, -1, CLOCK_OK, 31);
    assert_at(log, 1, z, "2025-05-31T00:00:00+07:00", CLK_TAHAP2, -1, CLOCK_WARNING, 30);
    assert_at(log, 1, z, "2025-06-15T00:00:00+07:00", CLK_TAHAP2, -1, CLOCK_WARNING, 15);
    assert_at(log, 1, z, "2025-06-29T12:00:00+07:00", CLK_TAHAP2, -1, CLOCK_WARNING, 1);
    assert_at(log, 1, z, "2025-06-30T23:59:59+07:00", CLK_TAHAP2, -1, CLOCK_WARNING, 0);
    assert_at(log, 1, z, "2025-07-01T00:00:00+07:00", CLK_TAHAP2, -1, CLOCK_OVERDUE, -1);
}
END_TEST

START_TEST(test_tahap2_clock_starts_at_deemed_complete_and_stops_at_hand_over)
{
    struct case_event log[] = {ev_on(EV_DEEMED_COMPLETE_CONFIRMED, "2025-05-01"),
                               ev_on(EV_TAHAP2_DONE, "2025-06-30")};
    struct run r;
    compute(&r, log, 2, "Asia/Jakarta", "2025-08-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_TAHAP2, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_TAHAP2_DONE);
    ck_assert_int_eq(c->state, CLOCK_OK);
}
END_TEST

START_TEST(test_tahap2_over_29_february_2028)
{
    struct case_event log[] = {ev_on(EV_P21_RECEIVED, "2028-01-01")};
    struct run r;
    compute(&r, log, 1, "Asia/Jayapura", "2028-01-02T00:00:00+09:00");
    assert_day(must_find(&r, CLK_TAHAP2, -1)->due_date, "2028-03-01");
    assert_day(must_find(&r, CLK_TAHAP2, -1)->warn_on[0], "2028-01-31");
    assert_at(log, 1, "Asia/Jayapura", "2028-02-29T23:59:00+09:00", CLK_TAHAP2, -1, CLOCK_WARNING,
              1);
}
END_TEST

/* ---- SP3 notification: 1 Hari, UU 20/2025 Pasal 24(4) only ---- */

START_TEST(test_sp3_notice_due_the_next_day_for_acts_from_2_january_2026)
{
    struct case_event log[] = {ev_on(EV_SP3_ISSUED, "2026-01-02")};
    const char *z = "Asia/Jakarta";
    struct run r;
    compute(&r, log, 1, z, "2026-01-02T10:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SP3_NOTIFY, -1);
    assert_day(c->due_date, "2026-01-03");
    ck_assert_str_eq(c->basis, "UU 20/2025 Pasal 24(4)");
    ck_assert(!c->to_verify);
    assert_at(log, 1, z, "2026-01-03T23:59:59+07:00", CLK_SP3_NOTIFY, -1, CLOCK_OK, 0);
    assert_at(log, 1, z, "2026-01-04T00:00:00+07:00", CLK_SP3_NOTIFY, -1, CLOCK_OVERDUE, -1);
}
END_TEST

/* KUHAP 109(2)-(3), UU 20/2025 Pasal 24(4): the SP3 is told to the PU (and the others the rule
 * set names) whatever follows - a TAK (deportation) the day after does not discharge it (play4
 * #8: shown "selesai", stopped by tak_decided); the notice recorded after the TAK stops it. */
START_TEST(test_a_tak_after_an_sp3_leaves_its_notices_owed)
{
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2026-01-02"), ev_on(EV_SP3_ISSUED, "2026-01-05"),
        ev_on(EV_TAK_DECIDED, "2026-01-06"), sp3_notice("2026-01-09", SP3_TO_KEJARI)};
    struct run r;
    compute(&r, log, 3, "Asia/Jakarta", "2026-01-08T10:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SP3_NOTIFY, -1);
    ck_assert(c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE); /* due 6 January */
    c = must_find(&r, CLK_SP3_NOTIFY_SUSPECT, -1);
    ck_assert(c->running);
    compute(&r, log, 4, "Asia/Jakarta", "2026-01-10T10:00:00+07:00");
    c = must_find(&r, CLK_SP3_NOTIFY, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_SP3_NOTIFIED);
    assert_day(c->stopped_on, "2026-01-09");
}
END_TEST

/* The SP3's notice to a deported suspect cannot be delivered: declared so, with its reason
 * (notice_undelivered naming the SP3's recipient), its clock stops as not delivered; the PU's
 * runs on; his notice delivered after all stops it as delivered (review2 F3). */
START_TEST(test_an_sp3_notice_declared_undelivered_is_closed_not_delivered)
{
    struct case_event gone = sp3_notice("2026-01-08", SP3_TO_SUSPECT);
    gone.event = EV_NOTICE_UNDELIVERED;
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2026-01-02"), ev_on(EV_SP3_ISSUED, "2026-01-05"),
        ev_on(EV_TAK_DECIDED, "2026-01-06"), gone, sp3_notice("2026-01-09", SP3_TO_FAMILY)};
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2026-01-08T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SP3_NOTIFY_SUSPECT, -1);
    ck_assert(!c->running);
    ck_assert(clock_undelivered(c));
    ck_assert(must_find(&r, CLK_SP3_NOTIFY, -1)->running);
    compute(&r, log, 5, "Asia/Jakarta", "2026-01-10T12:00:00+07:00");
    c = must_find(&r, CLK_SP3_NOTIFY_SUSPECT, -1);
    ck_assert_int_eq(c->stopped_by, EV_SP3_NOTIFIED);
    ck_assert(!clock_undelivered(c));
}
END_TEST

START_TEST(test_sp3_under_kuhap_1981_is_notified_by_the_rule_sets_segera)
{
    /* KUHAP 109(3) says "segera" (DOMAIN D13, UNCERTAIN): the rule set's sp3_notify_days, 2
     * days marked to verify, an administrator's to amend; amended to 0, no clock. */
    struct case_event log[] = {ev_on(EV_SP3_ISSUED, "2026-01-01")};
    struct run r;
    compute(&r, log, 1, "Asia/Jakarta", "2026-01-05T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SP3_NOTIFY, -1);
    ck_assert_str_eq(c->regime, "KUHAP-1981");
    ck_assert_str_eq(c->basis, "KUHAP 109(3)");
    ck_assert(c->to_verify);
    assert_day(c->due_date, "2026-01-03");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    sets[0].sp3_notify_days.value = 0;
    compute(&r, log, 1, "Asia/Jakarta", "2026-01-05T00:00:00+07:00");
    sets[0].sp3_notify_days.value = 2;
    ck_assert_ptr_null(find(&r, CLK_SP3_NOTIFY, -1));
    ck_assert_int_eq(r.set.total, 0);
}
END_TEST

/* The SP3's notice is owed to each recipient the law names for the regime of the SP3's day, a
 * clock each, stopped only by the notice to that recipient (DOMAIN 4.15, D13, 9.1):
 * UU 20/2025 Pasal 24(4): the PU, "korban dan/atau tersangka" within 1 Hari - notified to the
 * PU alone, the suspect's and the victim's are still owed and late after the day (to verify:
 * "dan/atau"); no Korwas clock (not named; rule-set data). The family's notice answers for the
 * suspect (KUHAP 109(2) "tersangka atau keluarganya"); a notice to the reporter stops neither
 * the PU's nor the suspect's. A file with no reporter or victim owes him nothing. */
START_TEST(test_an_sp3_of_2026_is_owed_to_the_pu_the_suspect_and_the_victim_each)
{
    const char *z = "Asia/Jakarta";
    struct case_event log[] = {
        ev_on(EV_SP3_ISSUED, "2026-03-10"), sp3_notice("2026-03-10", SP3_TO_KEJARI),
        sp3_notice("2026-03-11", SP3_TO_FAMILY), sp3_notice("2026-03-13", SP3_TO_REPORTER)};
    struct run r;
    compute(&r, log, 2, z, "2026-03-12T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SP3_NOTIFY, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OK);
    ck_assert_ptr_nonnull(strstr(c->label, "Penuntut Umum"));
    c = must_find(&r, CLK_SP3_NOTIFY_SUSPECT, -1);
    ck_assert(c->running);
    assert_day(c->due_date, "2026-03-11");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert_int_eq(c->days_left, -1);
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    ck_assert_str_eq(c->basis, "UU 20/2025 Pasal 24(4)");
    ck_assert(c->to_verify);
    ck_assert_ptr_nonnull(strstr(c->label, "tersangka"));
    c = must_find(&r, CLK_SP3_NOTIFY_REPORTER, -1);
    ck_assert(c->running);
    assert_day(c->due_date, "2026-03-11");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert_ptr_nonnull(strstr(c->label, "korban"));
    ck_assert_ptr_null(find(&r, CLK_SP3_NOTIFY_KORWAS, -1));
    /* his family told on the 11th: in time; the victim on the 13th: late */
    compute(&r, log, 4, z, "2026-03-14T00:00:00+07:00");
    c = must_find(&r, CLK_SP3_NOTIFY_SUSPECT, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OK);
    c = must_find(&r, CLK_SP3_NOTIFY_REPORTER, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert_int_eq(clock_worst(&r.set), CLOCK_OK);
    /* told to the victim alone: the PU's and the suspect's still run */
    struct case_event victim[] = {ev_on(EV_SP3_ISSUED, "2026-03-10"),
                                  sp3_notice("2026-03-10", SP3_TO_REPORTER)};
    compute(&r, victim, 2, z, "2026-03-12T00:00:00+07:00");
    ck_assert(must_find(&r, CLK_SP3_NOTIFY, -1)->running);
    ck_assert(must_find(&r, CLK_SP3_NOTIFY_SUSPECT, -1)->running);
    ck_assert(!must_find(&r, CLK_SP3_NOTIFY_REPORTER, -1)->running);
    /* an addressee outside the list (stored before it was closed) stops none */
    victim[1].sp3_to = SP3_TO_NONE;
    compute(&r, victim, 2, z, "2026-03-12T00:00:00+07:00");
    ck_assert(must_find(&r, CLK_SP3_NOTIFY, -1)->running);
    ck_assert(must_find(&r, CLK_SP3_NOTIFY_REPORTER, -1)->running);
    /* a file with no reporter or victim owes him none */
    struct clock_input in = {
        victim, 1, zone_of(z), sets, RULESET_BUILTIN_COUNT, instant_of("2026-03-12T00:00:00+07:00"),
        NULL,   0, true};
    memset(&r, 0, sizeof r);
    r.set.items = r.items;
    r.set.cap = CAP;
    struct berr err = {0};
    ck_assert(clock_compute(&in, &r.set, &err));
    ck_assert_ptr_null(find(&r, CLK_SP3_NOTIFY_REPORTER, -1));
    ck_assert_ptr_nonnull(find(&r, CLK_SP3_NOTIFY_SUSPECT, -1));
}
END_TEST

/* KUHAP 1981: 109(2) the PU and the suspect or his family, 109(3) for a PPNS the Polri
 * investigator (Korwas) and the PU, "segera" (sp3_notify_days 2, to verify): notified to the
 * Kejari, Korwas's and the suspect's notices still owed; the reporter named by neither (0, to
 * verify: an administrator may require it). Korwas told in time: stopped; the rule set amended
 * to require the reporter: his clock too. */
START_TEST(test_an_sp3_of_2025_is_owed_to_the_pu_korwas_and_the_suspect_each)
{
    const char *z = "Asia/Jakarta";
    struct case_event log[] = {ev_on(EV_SP3_ISSUED, "2025-03-10"),
                               sp3_notice("2025-03-11", SP3_TO_KEJARI),
                               sp3_notice("2025-03-12", SP3_TO_KORWAS)};
    struct run r;
    compute(&r, log, 2, z, "2025-03-13T00:00:00+07:00");
    ck_assert(!must_find(&r, CLK_SP3_NOTIFY, -1)->running);
    const struct clock *c = must_find(&r, CLK_SP3_NOTIFY_KORWAS, -1);
    ck_assert(c->running);
    assert_day(c->due_date, "2025-03-12");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert_str_eq(c->basis, "KUHAP 109(3)");
    ck_assert_str_eq(c->regime, "KUHAP-1981");
    ck_assert(c->to_verify); /* "segera": the days are to verify */
    c = must_find(&r, CLK_SP3_NOTIFY_SUSPECT, -1);
    ck_assert_str_eq(c->basis, "KUHAP 109(2)");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert_ptr_null(find(&r, CLK_SP3_NOTIFY_REPORTER, -1));
    compute(&r, log, 3, z, "2025-03-13T00:00:00+07:00");
    c = must_find(&r, CLK_SP3_NOTIFY_KORWAS, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OK);
    sets[0].sp3_to_reporter.value = 1;
    compute(&r, log, 3, z, "2025-03-13T00:00:00+07:00");
    sets[0].sp3_to_reporter.value = 0;
    ck_assert_int_eq(must_find(&r, CLK_SP3_NOTIFY_REPORTER, -1)->state, CLOCK_OVERDUE);
    /* sp3_notify_days amended to 0: no clock for anyone */
    sets[0].sp3_notify_days.value = 0;
    compute(&r, log, 1, z, "2025-03-13T00:00:00+07:00");
    sets[0].sp3_notify_days.value = 2;
    ck_assert_int_eq(r.set.total, 0);
}
END_TEST

START_TEST(test_sp3_late_at_night_counts_in_jayapura_not_in_jakarta)
{
    struct case_event log[] = {ev_on(EV_SP3_ISSUED, "2026-01-01T16:30:00Z"),
                               ev_on(EV_SP3_NOTIFIED, "2026-01-03T10:00:00+09:00")};
    struct run r;
    /* in Jakarta the SP3 is of 1 January 2026, KUHAP 1981's "segera" (2 days, to verify) */
    compute(&r, log, 1, "Asia/Jakarta", "2026-01-05T00:00:00Z");
    ck_assert_str_eq(must_find(&r, CLK_SP3_NOTIFY, -1)->regime, "KUHAP-1981");
    ck_assert(must_find(&r, CLK_SP3_NOTIFY, -1)->to_verify);
    compute(&r, log, 2, "Asia/Jayapura", "2026-01-05T00:00:00Z");
    const struct clock *c = must_find(&r, CLK_SP3_NOTIFY, -1);
    assert_day(c->due_date, "2026-01-03");
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OK);
}
END_TEST

/* ---- arrest: KUHAP 19(1), 24 hours from its instant ---- */

START_TEST(test_arrest_expires_24_hours_after_its_instant_in_wita)
{
    struct case_event log[] = {ev_suspect(EV_ARRESTED, "2025-07-01T10:00:00+08:00", 0)};
    const char *z = "Asia/Makassar";
    struct run r;
    compute(&r, log, 1, z, "2025-07-01T11:00:00+08:00");
    const struct clock *c = must_find(&r, CLK_ARREST, 0);
    ck_assert_int_eq(c->due_at, instant_of("2025-07-02T10:00:00+08:00"));
    assert_day(c->due_date, "2025-07-02");
    ck_assert_int_eq(c->warn_at[0], instant_of("2025-07-02T04:00:00+08:00"));
    ck_assert_int_eq(c->suspect, 0);
    assert_at(log, 1, z, "2025-07-02T03:59:59+08:00", CLK_ARREST, 0, CLOCK_OK, 0);
    assert_at(log, 1, z, "2025-07-02T04:00:00+08:00", CLK_ARREST, 0, CLOCK_WARNING, 0);
    compute(&r, log, 1, z, "2025-07-02T09:59:59+08:00");
    ck_assert_int_eq(must_find(&r, CLK_ARREST, 0)->seconds_left, 1);
    ck_assert_int_eq(must_find(&r, CLK_ARREST, 0)->state, CLOCK_WARNING);
    compute(&r, log, 1, z, "2025-07-02T10:00:00+08:00");
    ck_assert_int_eq(must_find(&r, CLK_ARREST, 0)->state, CLOCK_OVERDUE);
    ck_assert_int_eq(must_find(&r, CLK_ARREST, 0)->seconds_left, 0);
}
END_TEST

START_TEST(test_detention_stops_the_arrest_clock)
{
    struct case_event log[] = {ev_suspect(EV_ARRESTED, "2025-07-01T10:00:00+08:00", 0),
                               ev_suspect(EV_DETAINED, "2025-07-02T09:00:00+08:00", 0)};
    struct run r;
    compute(&r, log, 2, "Asia/Makassar", "2025-07-03T00:00:00+08:00");
    const struct clock *a = must_find(&r, CLK_ARREST, 0);
    ck_assert(!a->running);
    ck_assert_int_eq(a->stopped_by, EV_DETAINED);
    ck_assert_int_eq(a->state, CLOCK_OK);
    ck_assert(must_find(&r, CLK_DETENTION, 0)->running);
}
END_TEST

/* ---- detention: KUHAP 24, 29; inclusive dates and the strict instant ---- */

START_TEST(test_detention_ends_on_day_20_at_local_midnight_before_the_strict_hour)
{
    struct case_event log[] = {ev_suspect(EV_DETAINED, "2025-07-01T10:00:00+07:00", 1)};
    const char *z = "Asia/Jakarta";
    struct run r;
    compute(&r, log, 1, z, "2025-07-02T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DETENTION, 1);
    ck_assert_str_eq(c->code, "detention");
    ck_assert_int_eq(c->period, DETP_INVESTIGATOR);
    assert_day(c->start, "2025-07-01");
    assert_day(c->due_date, "2025-07-20");
    ck_assert_int_eq(c->due_at, instant_of("2025-07-21T00:00:00+07:00"));
    ck_assert_int_eq(c->strict_at, instant_of("2025-07-21T10:00:00+07:00"));
    ck_assert_int_eq(c->nwarn, 1);
    ck_assert_int_eq(c->warn_at[0], instant_of("2025-07-13T00:00:00+07:00"));
    ck_assert(c->to_verify); /* the 7-day warning is practice, UNCERTAIN */
    assert_at(log, 1, z, "2025-07-12T23:59:59+07:00", CLK_DETENTION, 1, CLOCK_OK, 8);
    assert_at(log, 1, z, "2025-07-13T00:00:00+07:00", CLK_DETENTION, 1, CLOCK_WARNING, 7);
    assert_at(log, 1, z, "2025-07-19T12:00:00+07:00", CLK_DETENTION, 1, CLOCK_WARNING, 1);
    assert_at(log, 1, z, "2025-07-20T23:59:59+07:00", CLK_DETENTION, 1, CLOCK_WARNING, 0);
    /* overdue by the inclusive date although the strict hour is still ahead */
    assert_at(log, 1, z, "2025-07-21T00:00:00+07:00", CLK_DETENTION, 1, CLOCK_OVERDUE, -1);
}
END_TEST

/* KUHAP 20, 24(3), 109(2); DOMAIN 4.15: detention serves the investigation; an SP3 stops it, and
 * the suspect held is owed his release at once - his detention's clock due at the end of the
 * SP3's day (not "ok, 15 days left"), the investigator's, until his release is recorded. */
START_TEST(test_an_sp3_owes_the_release_of_a_detained_suspect_by_the_end_of_its_day)
{
    struct case_event log[] = {ev_suspect(EV_DETAINED, "2025-07-01T10:00:00+07:00", 1),
                               ev_on(EV_SP3_ISSUED, "2025-07-05"),
                               ev_suspect(EV_RELEASED, "2025-07-07T09:00:00+07:00", 1)};
    const char *z = "Asia/Jakarta";
    struct run r;
    compute(&r, log, 2, z, "2025-07-05T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DETENTION, 1);
    ck_assert(c->running);
    assert_day(c->due_date, "2025-07-05");
    ck_assert_int_eq(c->due_at, instant_of("2025-07-06T00:00:00+07:00"));
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    ck_assert_ptr_nonnull(strstr(c->label, "SP3"));
    ck_assert_ptr_nonnull(strstr(c->basis, "109(2)"));
    ck_assert_int_ne(c->state, CLOCK_OVERDUE);
    ck_assert_int_eq(c->days_left, 0);
    assert_at(log, 2, z, "2025-07-06T00:00:00+07:00", CLK_DETENTION, 1, CLOCK_OVERDUE, -1);
    /* released two days later: stopped, late */
    compute(&r, log, 3, z, "2025-07-08T00:00:00+07:00");
    c = must_find(&r, CLK_DETENTION, 1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_RELEASED);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    /* released the day of the SP3: in time */
    log[2] = ev_suspect(EV_RELEASED, "2025-07-05T16:00:00+07:00", 1);
    compute(&r, log, 3, z, "2025-07-08T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_DETENTION, 1)->state, CLOCK_OK);
    /* a detention released before the SP3 owes nothing more */
    struct case_event before[] = {ev_suspect(EV_DETAINED, "2025-07-01T10:00:00+07:00", 1),
                                  ev_suspect(EV_RELEASED, "2025-07-03T09:00:00+07:00", 1),
                                  ev_on(EV_SP3_ISSUED, "2025-07-05")};
    compute(&r, before, 3, z, "2025-07-08T00:00:00+07:00");
    c = must_find(&r, CLK_DETENTION, 1);
    ck_assert_int_eq(c->state, CLOCK_OK);
    assert_day(c->due_date, "2025-07-20");
}
END_TEST

/* KUHAP 16-19, 109(2); DOMAIN 4.7, 4.15: an arrest is made for the investigation; an SP3 stops it,
 * and the suspect held on arrest is owed his release at once, as a detained one is - his arrest's
 * clock due at the end of the SP3's day (not 24 hours from the arrest), the investigator's, until
 * his release is recorded. Arrested at 09:00 on 10 March 2026 (WIB), SP3 at 14:00 the same day:
 * due at the end of 10 March, overdue on the 11th until released. */
START_TEST(test_an_sp3_owes_the_release_of_a_suspect_under_arrest_by_the_end_of_its_day)
{
    struct case_event log[] = {ev_suspect(EV_ARRESTED, "2026-03-10T09:00:00+07:00", 0),
                               ev_on(EV_SP3_ISSUED, "2026-03-10T14:00:00+07:00"),
                               ev_suspect(EV_RELEASED, "2026-03-11T10:00:00+07:00", 0)};
    const char *z = "Asia/Jakarta";
    struct run r;
    compute(&r, log, 2, z, "2026-03-10T20:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_ARREST, 0);
    ck_assert(c->running);
    assert_day(c->due_date, "2026-03-10");
    ck_assert_int_eq(c->due_at, instant_of("2026-03-11T00:00:00+07:00"));
    ck_assert_int_eq(c->actor, ACTOR_INVESTIGATOR);
    ck_assert_ptr_nonnull(strstr(c->label, "SP3"));
    ck_assert_ptr_nonnull(strstr(c->basis, "109(2)"));
    ck_assert_ptr_nonnull(strstr(c->basis, "UU 20/2025")); /* an act of 2026: the new regime */
    ck_assert_int_ne(c->state, CLOCK_OVERDUE);
    ck_assert_int_eq(c->days_left, 0);
    assert_at(log, 2, z, "2026-03-11T00:00:00+07:00", CLK_ARREST, 0, CLOCK_OVERDUE, -1);
    /* still held at 08:59 on the 11th, inside the 24 hours: overdue all the same */
    assert_at(log, 2, z, "2026-03-11T08:59:00+07:00", CLK_ARREST, 0, CLOCK_OVERDUE, -1);
    /* released at 10:00 on the 11th: stopped, late */
    compute(&r, log, 3, z, "2026-03-12T00:00:00+07:00");
    c = must_find(&r, CLK_ARREST, 0);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_RELEASED);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    /* released the day of the SP3: in time */
    log[2] = ev_suspect(EV_RELEASED, "2026-03-10T16:00:00+07:00", 0);
    compute(&r, log, 3, z, "2026-03-12T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_ARREST, 0)->state, CLOCK_OK);
    /* an arrest whose 24 hours end before the SP3's day does: those stand */
    struct case_event late[] = {ev_suspect(EV_ARRESTED, "2026-03-09T23:00:00+07:00", 0),
                                ev_on(EV_SP3_ISSUED, "2026-03-10")};
    compute(&r, late, 2, z, "2026-03-10T12:00:00+07:00");
    c = must_find(&r, CLK_ARREST, 0);
    ck_assert_int_eq(c->due_at, instant_of("2026-03-10T23:00:00+07:00"));
    ck_assert_ptr_null(strstr(c->label, "SP3"));
    /* an arrest released before the SP3 owes nothing more */
    struct case_event before[] = {ev_suspect(EV_ARRESTED, "2026-03-10T09:00:00+07:00", 0),
                                  ev_suspect(EV_RELEASED, "2026-03-10T11:00:00+07:00", 0),
                                  ev_on(EV_SP3_ISSUED, "2026-03-10T14:00:00+07:00")};
    compute(&r, before, 3, z, "2026-03-12T00:00:00+07:00");
    c = must_find(&r, CLK_ARREST, 0);
    ck_assert_int_eq(c->due_at, instant_of("2026-03-11T09:00:00+07:00"));
    ck_assert_int_eq(c->state, CLOCK_OK);
}
END_TEST

/* KUHAP 20, 24(3), 109(2): while an SP3 stands there is no ground to hold anyone, and no later
 * detention act clears the release it owes - an extension recorded after it (the write path
 * refuses one in a terminated file, test_law; the fold does not rely on it) leaves the
 * clock due at the end of the SP3's day, not at the extension's end; a detention or an arrest
 * recorded after it owes the same release.  A reopening (praperadilan) ends it: an extension
 * after the reopening runs its own period. */
START_TEST(test_no_detention_act_after_a_standing_sp3_clears_the_release_it_owes)
{
    const char *z = "Asia/Jakarta";
    struct case_event log[] = {ev_suspect(EV_DETAINED, "2025-07-01T10:00:00+07:00", 1),
                               ev_on(EV_SP3_ISSUED, "2025-07-05"),
                               ev_suspect(EV_DETENTION_EXTENDED_PU, "2025-07-15", 1)};
    struct run r;
    compute(&r, log, 3, z, "2025-07-16T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DETENTION, 1);
    ck_assert(c->running);
    assert_day(c->due_date, "2025-07-05");
    ck_assert_ptr_nonnull(strstr(c->label, "SP3"));
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    /* a detention recorded while the SP3 stands */
    struct case_event fresh[] = {ev_on(EV_SP3_ISSUED, "2025-07-05"),
                                 ev_suspect(EV_DETAINED, "2025-07-07T10:00:00+07:00", 0),
                                 ev_suspect(EV_ARRESTED, "2025-07-07T09:00:00+07:00", 2)};
    compute(&r, fresh, 3, z, "2025-07-08T12:00:00+07:00");
    c = must_find(&r, CLK_DETENTION, 0);
    assert_day(c->due_date, "2025-07-05");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    c = must_find(&r, CLK_ARREST, 2);
    ck_assert_int_eq(c->due_at, instant_of("2025-07-06T00:00:00+07:00"));
    ck_assert_ptr_nonnull(strstr(c->label, "SP3"));
    /* reopened by a praperadilan on the 10th: the investigation runs again, an extension after
     * it runs to its own end (the PU's 40 days from 21 July) */
    struct case_event reopened[] = {
        ev_suspect(EV_DETAINED, "2025-07-01T10:00:00+07:00", 1), ev_on(EV_SP3_ISSUED, "2025-07-05"),
        ev_on(EV_REOPENED, "2025-07-10"), ev_suspect(EV_DETENTION_EXTENDED_PU, "2025-07-15", 1)};
    compute(&r, reopened, 4, z, "2025-07-16T12:00:00+07:00");
    c = must_find(&r, CLK_DETENTION, 1);
    assert_day(c->due_date, "2025-08-29");
    ck_assert_ptr_null(strstr(c->label, "SP3"));
}
END_TEST

START_TEST(test_detention_in_wit_ends_at_wit_midnight)
{
    struct case_event log[] = {ev_suspect(EV_DETAINED, "2028-02-10T08:00:00+09:00", 0)};
    const char *z = "Asia/Jayapura";
    struct run r;
    compute(&r, log, 1, z, "2028-02-11T00:00:00+09:00");
    assert_day(must_find(&r, CLK_DETENTION, 0)->due_date, "2028-02-29");
    assert_at(log, 1, z, "2028-02-29T23:59:00+09:00", CLK_DETENTION, 0, CLOCK_WARNING, 0);
    assert_at(log, 1, z, "2028-03-01T00:00:00+09:00", CLK_DETENTION, 0, CLOCK_OVERDUE, -1);
    /* the same instant seen from a WIB office is still 29 February */
    assert_at(log, 1, "Asia/Jakarta", "2028-03-01T00:00:00+09:00", CLK_DETENTION, 0, CLOCK_WARNING,
              0);
}
END_TEST

START_TEST(test_extensions_chain_from_the_previous_end)
{
    struct case_event log[] = {
        ev_suspect(EV_DETAINED, "2025-01-01T10:00:00+07:00", 0),
        ev_suspect(EV_DETENTION_EXTENDED_PU, "2025-01-15", 0),
        ev_suspect(EV_DETENTION_EXTENDED_COURT, "2025-03-01", 0),
        ev_suspect(EV_DETENTION_EXTENDED_COURT, "2025-03-25", 0),
    };
    struct run r;
    compute(&r, log, 2, "Asia/Jakarta", "2025-01-16T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DETENTION, 0);
    ck_assert_int_eq(c->period, DETP_PU);
    ck_assert_int_eq(c->source, 1);
    assert_day(c->start, "2025-01-21");
    assert_day(c->due_date, "2025-03-01");
    ck_assert_int_eq(c->strict_at, instant_of("2025-03-02T10:00:00+07:00"));
    ck_assert_ptr_nonnull(strstr(c->basis, "24(2)"));
    compute(&r, log, 4, "Asia/Jakarta", "2025-03-26T00:00:00+07:00");
    c = must_find(&r, CLK_DETENTION, 0);
    ck_assert_int_eq(c->period, DETP_COURT_2);
    assert_day(c->start, "2025-04-01");
    assert_day(c->due_date, "2025-04-30");
    ck_assert_ptr_nonnull(strstr(c->basis, "KUHAP 29"));
    ck_assert_int_eq(r.set.skipped, 0);
}
END_TEST

START_TEST(test_an_extension_on_2_january_2026_takes_the_new_regime)
{
    struct case_event log[] = {ev_suspect(EV_DETAINED, "2025-12-20", 0),
                               ev_suspect(EV_DETENTION_EXTENDED_PU, "2026-01-02", 0)};
    struct run r;
    compute(&r, log, 1, "Asia/Jakarta", "2025-12-21T00:00:00+07:00");
    ck_assert_str_eq(must_find(&r, CLK_DETENTION, 0)->regime, "KUHAP-1981");
    assert_day(must_find(&r, CLK_DETENTION, 0)->due_date, "2026-01-08");
    compute(&r, log, 2, "Asia/Jakarta", "2026-01-03T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DETENTION, 0);
    ck_assert_str_eq(c->regime, "KUHAP-2025");
    ck_assert(c->to_verify);
    ck_assert_ptr_nonnull(strstr(c->basis, "UU 20/2025"));
    assert_day(c->due_date, "2026-02-17");
}
END_TEST

/* A detention clock's label names the law of its act's date, as its basis does (DOMAIN 9.1, 9.3:
 * acts from 2 January 2026 are under UU 20/2025, its Pasal 99-111; KUHAP 1981 Pasal 24 and 29
 * before): a detention of 2026 and its extensions never cite the 1981 articles as theirs; one
 * of 2025 keeps them. */
START_TEST(test_a_detention_clock_is_labelled_by_the_law_of_its_act)
{
    struct case_event log[] = {ev_suspect(EV_DETAINED, "2026-02-02T10:00:00+07:00", 0),
                               ev_suspect(EV_DETENTION_EXTENDED_PU, "2026-02-15", 0),
                               ev_suspect(EV_DETENTION_EXTENDED_COURT, "2026-04-01", 0)};
    static const char *const after[] = {"2026-02-03T00:00:00+07:00", "2026-02-16T00:00:00+07:00",
                                        "2026-04-02T00:00:00+07:00"};
    for (int n = 1; n <= 3; n++) {
        struct run r;
        compute(&r, log, n, "Asia/Jakarta", after[n - 1]);
        const struct clock *c = must_find(&r, CLK_DETENTION, 0);
        ck_assert_str_eq(c->regime, "KUHAP-2025");
        ck_assert_msg(strstr(c->label, "UU 20/2025") != NULL, "%d: %s", n, c->label);
        ck_assert_msg(strstr(c->label, "KUHAP") == NULL, "%d: %s", n, c->label);
        ck_assert_msg(strstr(c->label, n == 1   ? "penyidik"
                                       : n == 2 ? "Penuntut Umum"
                                                : "Ketua PN") != NULL,
                      "%d: %s", n, c->label);
    }
    struct case_event old[] = {ev_suspect(EV_DETAINED, "2025-07-01T10:00:00+07:00", 0),
                               ev_suspect(EV_DETENTION_EXTENDED_PU, "2025-07-15", 0)};
    struct run r;
    compute(&r, old, 1, "Asia/Jakarta", "2025-07-02T00:00:00+07:00");
    ck_assert_str_eq(must_find(&r, CLK_DETENTION, 0)->label,
                     "Penahanan oleh penyidik (KUHAP 24(1))");
    compute(&r, old, 2, "Asia/Jakarta", "2025-07-16T00:00:00+07:00");
    ck_assert_str_eq(must_find(&r, CLK_DETENTION, 0)->label,
                     "Perpanjangan oleh Penuntut Umum (KUHAP 24(2))");
}
END_TEST

START_TEST(test_suspension_release_and_tahap2_stop_the_detention_clock)
{
    struct case_event log[] = {
        ev_suspect(EV_DETAINED, "2025-07-01", 0),
        ev_suspect(EV_DETAINED, "2025-07-01", 1),
        ev_suspect(EV_DETAINED, "2025-07-01", 2),
        ev_suspect(EV_DETENTION_SUSPENDED, "2025-07-05", 0),
        ev_suspect(EV_RELEASED, "2025-07-06", 1),
        ev_on(EV_TAHAP2_DONE, "2025-07-07"),
        /* the families had the detention orders the next day (KUHAP 21(3)) */
        ev_suspect(EV_LETTER_DELIVERED, "2025-07-02", 0),
        ev_suspect(EV_LETTER_DELIVERED, "2025-07-02", 1),
        ev_suspect(EV_LETTER_DELIVERED, "2025-07-02", 2),
    };
    for (int s = 0; s < 3; s++)
        log[6 + s].notice = NOTICE_FAMILY_DETENTION;
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-08-01T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_DETENTION, 0)->stopped_by, EV_DETENTION_SUSPENDED);
    ck_assert_int_eq(must_find(&r, CLK_DETENTION, 1)->stopped_by, EV_RELEASED);
    ck_assert_int_eq(must_find(&r, CLK_DETENTION, 2)->stopped_by, EV_TAHAP2_DONE);
    for (int s = 0; s < 3; s++) {
        ck_assert(!must_find(&r, CLK_DETENTION, s)->running);
        ck_assert_int_eq(must_find(&r, CLK_DETENTION, s)->state, CLOCK_OK);
    }
    ck_assert_int_eq(clock_worst(&r.set), CLOCK_OK);
}
END_TEST

START_TEST(test_an_arrest_or_detention_that_ends_past_its_due_is_an_overrun)
{
    /* KUHAP 24(1), 24(4): detained 1 July, his last day is 20 July; released on 22 July (2
     * days over), on 20 July (in time), handed over at Tahap II on 25 July (5 days over).  KUHAP
     * 19(1): arrested 1 July 10.00, due 2 July 10.00, released 15.30 the same day: 6 hours (begun)
     * over, 0 days */
    struct case_event log[] = {
        ev_suspect(EV_DETAINED, "2025-07-01", 0),
        ev_suspect(EV_DETAINED, "2025-07-01", 1),
        ev_suspect(EV_DETAINED, "2025-07-01", 2),
        ev_suspect(EV_ARRESTED, "2025-07-01T10:00:00+07:00", 3),
        ev_suspect(EV_RELEASED, "2025-07-02T15:30:00+07:00", 3),
        ev_suspect(EV_RELEASED, "2025-07-20", 1),
        ev_suspect(EV_RELEASED, "2025-07-22", 0),
        ev_on(EV_TAHAP2_DONE, "2025-07-25"),
    };
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-08-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DETENTION, 0);
    ck_assert(clock_overrun(c));
    ck_assert_int_eq(clock_overrun_days(c), 2);
    ck_assert(!clock_overrun(must_find(&r, CLK_DETENTION, 1)));
    c = must_find(&r, CLK_DETENTION, 2);
    ck_assert_int_eq(c->stopped_by, EV_TAHAP2_DONE);
    ck_assert(clock_overrun(c));
    ck_assert_int_eq(clock_overrun_days(c), 5);
    c = must_find(&r, CLK_ARREST, 3);
    ck_assert(clock_overrun(c));
    ck_assert_int_eq(clock_overrun_days(c), 0);
    ck_assert_int_eq(clock_overrun_hours(c), 6);
    /* a running clock past its due is a deadline, not an overrun */
    compute(&r, log, 3, "Asia/Jakarta", "2025-08-01T00:00:00+07:00");
    ck_assert(!clock_overrun(must_find(&r, CLK_DETENTION, 0)));
}
END_TEST

START_TEST(test_a_resumed_detention_runs_the_days_left)
{
    struct case_event log[] = {
        ev_suspect(EV_DETAINED, "2025-07-01", 0),
        ev_suspect(EV_DETENTION_SUSPENDED, "2025-07-10", 0),
        ev_suspect(EV_DETAINED, "2025-08-01", 0),
    };
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-08-02T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_DETENTION, 0);
    ck_assert(c->running);
    assert_day(c->due_date, "2025-08-10");
}
END_TEST

START_TEST(test_detensi_has_its_own_clock_and_never_shortens_detention)
{
    struct case_event log[] = {
        ev_suspect(EV_DETENSI_STARTED, "2025-06-01", 0),
        ev_suspect(EV_DETENSI_ENDED, "2025-07-01T08:00:00+07:00", 0),
        ev_suspect(EV_ARRESTED, "2025-07-01T09:00:00+07:00", 0),
        ev_suspect(EV_DETAINED, "2025-07-01T20:00:00+07:00", 0),
    };
    struct run r;
    compute(&r, log, N(log), "Asia/Jakarta", "2025-07-02T00:00:00+07:00");
    const struct clock *d = must_find(&r, CLK_DETENSI, 0);
    ck_assert_str_eq(d->code, "detensi");
    ck_assert(!d->running);
    ck_assert_int_eq(d->stopped_by, EV_DETENSI_ENDED);
    assert_day(d->due_date, "2035-05-29"); /* 3650 days, to verify */
    ck_assert(d->to_verify);
    const struct clock *c = must_find(&r, CLK_DETENTION, 0);
    assert_day(c->start, "2025-07-01");
    assert_day(c->due_date, "2025-07-20");
    /* and the family's copies of the arrest's and the detention's orders */
    ck_assert_int_eq(r.set.total, 5);
}
END_TEST

START_TEST(test_a_refused_replay_is_skipped_and_counted)
{
    struct case_event log[] = {ev_suspect(EV_DETENTION_EXTENDED_PU, "2025-07-01", 0),
                               ev_on(EV_SPRINDIK_ISSUED, "2025-07-01")};
    struct run r;
    compute(&r, log, 2, "Asia/Jakarta", "2025-07-02T00:00:00+07:00");
    ck_assert_int_eq(r.set.skipped, 1);
    ck_assert_ptr_null(find(&r, CLK_DETENTION, 0));
    ck_assert_ptr_nonnull(find(&r, CLK_SPDP, -1));
}
END_TEST

/* ---- corrections and directions ---- */

START_TEST(test_a_corrected_sprindik_date_moves_the_spdp_clock)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_CORRECTED, "2025-03-03")};
    log[1].ref = 0;
    struct run r;
    compute(&r, log, 2, "Asia/Jakarta", "2025-03-04T00:00:00+07:00");
    assert_day(must_find(&r, CLK_SPDP, -1)->due_date, "2025-03-10");
    ck_assert_int_eq(must_find(&r, CLK_SPDP, -1)->source, 0);
}
END_TEST

START_TEST(test_a_withdrawn_spdp_restarts_nothing_but_leaves_the_clock_running)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_SPDP_SENT, "2025-03-02"),
                               ev_on(EV_CORRECTED, "2025-03-05")};
    log[2].ref = 1;
    log[2].withdraws = true;
    assert_at(log, 3, "Asia/Jakarta", "2025-03-09T00:00:00+07:00", CLK_SPDP, -1, CLOCK_OVERDUE, -1);
    struct run r;
    compute(&r, log, 3, "Asia/Jakarta", "2025-03-09T00:00:00+07:00");
    ck_assert(must_find(&r, CLK_SPDP, -1)->running);
    ck_assert_ptr_null(find(&r, CLK_P17, -1));
    ck_assert_int_eq(clock_worst(&r.set), CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_a_direction_is_due_on_its_own_date_until_done)
{
    struct case_event log[] = {ev_on(EV_DIRECTION_GIVEN, "2025-03-01"),
                               ev_on(EV_DIRECTION_GIVEN, "2025-03-02"),
                               ev_on(EV_DIRECTION_DONE, "2025-03-09")};
    log[0].due = day_of("2025-03-10");
    log[1].due = day_of("2025-03-05");
    log[2].ref = 0;
    struct run r;
    compute(&r, log, 3, "Asia/Jakarta", "2025-03-11T00:00:00+07:00");
    ck_assert_int_eq(r.set.count, 2);
    ck_assert_int_eq(r.items[0].kind, CLK_DIRECTION);
    ck_assert_int_eq(r.items[0].source, 0);
    ck_assert(!r.items[0].running);
    ck_assert_int_eq(r.items[0].state, CLOCK_OK);
    ck_assert_int_eq(r.items[1].source, 1);
    ck_assert(r.items[1].running);
    ck_assert_int_eq(r.items[1].state, CLOCK_OVERDUE);
    ck_assert_int_eq(r.items[1].days_left, -6);
    assert_at(log, 2, "Asia/Jakarta", "2025-03-05T23:00:00+07:00", CLK_DIRECTION, -1, CLOCK_OK, 5);
}
END_TEST

/* ---- the output and bad input ---- */

START_TEST(test_clocks_come_in_a_fixed_order_and_count_past_the_cap)
{
    struct case_event log[] = {
        ev_suspect(EV_DETAINED, "2025-03-01", 3), ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
        ev_suspect(EV_ARRESTED, "2025-03-01T10:00:00+07:00", 1), ev_on(EV_SPDP_SENT, "2025-03-02")};
    struct run r;
    compute(&r, log, 4, "Asia/Jakarta", "2025-03-02T00:00:00+07:00");
    ck_assert_int_eq(r.set.count, 9);
    ck_assert_int_eq(r.items[0].kind, CLK_SPDP);
    ck_assert_int_eq(r.items[1].kind, CLK_P17);
    ck_assert_int_eq(r.items[2].kind, CLK_ARREST);
    ck_assert_int_eq(r.items[2].suspect, 1);
    ck_assert_int_eq(r.items[3].kind, CLK_DETENTION);
    ck_assert_int_eq(r.items[3].suspect, 3);
    /* the notices after every suspect's custody (KUHAP 18(3), 21(3)) */
    ck_assert_int_eq(r.items[4].kind, CLK_FAMILY_ARREST_NOTICE);
    ck_assert_int_eq(r.items[4].suspect, 1);
    ck_assert_int_eq(r.items[5].kind, CLK_FAMILY_DETENTION_NOTICE);
    ck_assert_int_eq(r.items[5].suspect, 3);
    /* then the SPDP's recipients: no suspect is designated, none of his */
    ck_assert_int_eq(r.items[6].kind, CLK_SPDP_KEJARI);
    ck_assert_int_eq(r.items[7].kind, CLK_SPDP_KORWAS);
    ck_assert_int_eq(r.items[8].kind, CLK_SPDP_PELAPOR);

    struct clock one[1];
    struct clock_set small = {one, 1, 0, 0, 0};
    struct clock_input in = {log,  4, zone_of("Asia/Jakarta"),
                             sets, 2, instant_of("2025-03-02T00:00:00+07:00"),
                             NULL, 0, false};
    struct berr err;
    ck_assert(clock_compute(&in, &small, &err));
    ck_assert_int_eq(small.count, 1);
    ck_assert_int_eq(small.total, 9);
    ck_assert_int_eq(one[0].kind, CLK_SPDP);
}
END_TEST

START_TEST(test_bad_input_is_refused)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "1975-03-01")};
    struct clock items[4];
    struct clock_set out = {items, 4, 0, 0, 0};
    struct clock_input in = {log, 1, zone_of("Asia/Jakarta"), sets, 2, 0, NULL, 0, false};
    struct berr err = {0};
    ck_assert(!clock_compute(&in, &out, &err)); /* before every rule set */
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    ck_assert_str_eq(err.field, "date");
    in.nevents = 0;
    ck_assert(clock_compute(&in, &out, &err));
    ck_assert_int_eq(out.total, 0);
    in.zone = NULL;
    ck_assert(!clock_compute(&in, &out, &err));
    ck_assert_str_eq(err.field, "zone");
    in.zone = zone_of("Asia/Jakarta");
    in.rulesets = NULL;
    ck_assert(!clock_compute(&in, &out, &err));
    in.rulesets = sets;
    log[0] = ev_on(EV_DETAINED, "2025-03-01"); /* no suspect */
    in.nevents = 1;
    ck_assert(!clock_compute(&in, &out, &err));
    ck_assert_str_eq(err.field, "suspect");
    ck_assert(!clock_compute(NULL, &out, &err));
    ck_assert(!clock_compute(&in, NULL, &err));
}
END_TEST

/* ---- notices of arrest and detention (issue 13.7) ---- */

/* As compute(), suspect 0 a foreign national and suspect 1 an Indonesian. */
static void compute_foreign(struct run *r, const struct case_event *ev, int n, const char *zone,
                            const char *now)
{
    static const bool foreign[2] = {true, false};
    struct clock_input in = {
        ev, n, zone_of(zone), sets, RULESET_BUILTIN_COUNT, instant_of(now), foreign, 2, false};
    memset(r, 0, sizeof *r);
    r->set.items = r->items;
    r->set.cap = CAP;
    struct berr err = {0};
    ck_assert_msg(clock_compute(&in, &r->set, &err), "clock_compute: %s", err.message);
}

static struct case_event notice_on(const char *s, int x, enum notice_kind n)
{
    struct case_event e = ev_suspect(EV_LETTER_DELIVERED, s, x);
    e.notice = n;
    return e;
}

START_TEST(test_the_family_has_the_arrests_order_within_its_day)
{
    /* KUHAP 18(3): the copy of the arrest's order goes to the family
     * "segera": rule-set data (family_notice_days, 1, to verify); day 0 is
     * the arrest's local day, in time through the next day's 23:59 */
    struct case_event log[] = {ev_suspect(EV_ARRESTED, "2025-06-02T22:00:00+08:00", 1)};
    struct run r;
    compute_foreign(&r, log, 1, "Asia/Makassar", "2025-06-03T23:59:00+08:00");
    const struct clock *c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1);
    ck_assert_str_eq(c->code, "family_arrest_notice");
    assert_day(c->due_date, "2025-06-03");
    ck_assert(c->running);
    ck_assert(c->to_verify);
    ck_assert_ptr_nonnull(strstr(c->basis, "18(3)"));
    ck_assert_int_ne(c->state, CLOCK_OVERDUE);
    /* an Indonesian owes no consular notice */
    ck_assert_ptr_null(find(&r, CLK_CONSULAR_NOTICE, 1));
    compute_foreign(&r, log, 1, "Asia/Makassar", "2025-06-04T00:00:00+08:00");
    ck_assert_int_eq(must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1)->state, CLOCK_OVERDUE);
    /* delivered the next day (WIT office: the same rule on its own calendar) */
    struct case_event wit[] = {ev_suspect(EV_ARRESTED, "2025-06-02T23:30:00+09:00", 1),
                               notice_on("2025-06-03T20:00:00+09:00", 1, NOTICE_FAMILY_ARREST)};
    compute_foreign(&r, wit, 2, "Asia/Jayapura", "2025-06-10T00:00:00+09:00");
    c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert_int_eq(c->state, CLOCK_OK);
    /* another notice (the detention's) does not stop it */
    wit[1].notice = NOTICE_FAMILY_DETENTION;
    compute_foreign(&r, wit, 2, "Asia/Jayapura", "2025-06-10T00:00:00+09:00");
    ck_assert(must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1)->running);
    /* nor a letter for another suspect */
    wit[1].notice = NOTICE_FAMILY_ARREST;
    wit[1].suspect = 0;
    compute_foreign(&r, wit, 2, "Asia/Jayapura", "2025-06-10T00:00:00+09:00");
    ck_assert(must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1)->running);
}
END_TEST

/* The file's end closes the notices still owed (clock.c close_owed): the SPDP's recipients (7
 * days) are stopped by the SP3 - past their day, overdue (missed), no longer running.  Not the
 * family's copy of an arrest's order (KUHAP 18(3), due the next day): owed because a person was
 * taken, it outlives the file - still running after the SP3, overdue once its day is past (the
 * second arrest's, made the SP3's day), until a letter recorded after the SP3 stops it, late. */
START_TEST(test_the_files_end_closes_the_notices_still_owed)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-06-01"),
                               ev_suspect(EV_ARRESTED, "2025-06-02T10:00:00+07:00", 1),
                               ev_suspect(EV_RELEASED, "2025-06-02T12:00:00+07:00", 1),
                               ev_suspect(EV_ARRESTED, "2025-06-19T10:00:00+07:00", 0),
                               ev_suspect(EV_RELEASED, "2025-06-19T12:00:00+07:00", 0),
                               ev_on(EV_SP3_ISSUED, "2025-06-19"),
                               ev_on(EV_SP3_NOTIFIED, "2025-06-20"),
                               sp3_notice("2025-06-20", SP3_TO_KORWAS),
                               sp3_notice("2025-06-20", SP3_TO_SUSPECT),
                               notice_on("2025-06-25", 1, NOTICE_FAMILY_ARREST)};
    struct run r;
    compute_foreign(&r, log, 9, "Asia/Jakarta", "2025-07-01T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1);
    ck_assert(c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert(!clock_closed_at_end(c));
    c = must_find(&r, CLK_SPDP_KEJARI, -1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert(clock_closed_at_end(c));
    /* the second arrest's copy, due the day after the SP3: still owed, overdue now */
    c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 0);
    ck_assert(c->running);
    assert_day(c->due_date, "2025-06-20");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    compute_foreign(&r, log, 7, "Asia/Jakarta", "2025-06-20T12:00:00+07:00");
    ck_assert_int_ne(must_find(&r, CLK_FAMILY_ARREST_NOTICE, 0)->state, CLOCK_OVERDUE);
    /* delivered after the SP3: stopped by the letter, late */
    compute_foreign(&r, log, 10, "Asia/Jakarta", "2025-07-01T00:00:00+07:00");
    c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    assert_day(c->stopped_on, "2025-06-25");
}
END_TEST

/* A notice of custody the investigator cannot deliver (KUHAP 18(3): the family's copy of the
 * arrest's order, due the day after; VCCR 36(1)(b): the consul's) declared undelivered with its
 * reason: no longer running - not a deadline - and never delivered (clock_undelivered; not the
 * file's end either); declared past its day it was overdue when closed.  The other suspect's
 * notice runs on.  A delivery recorded after all stops it as delivered instead. */
START_TEST(test_a_notice_declared_undelivered_is_closed_not_delivered)
{
    struct case_event undelivered = notice_on("2025-06-04", 0, NOTICE_FAMILY_ARREST);
    undelivered.event = EV_NOTICE_UNDELIVERED;
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-06-01"),
                               ev_suspect(EV_ARRESTED, "2025-06-02T10:00:00+07:00", 0),
                               ev_suspect(EV_ARRESTED, "2025-06-02T11:00:00+07:00", 1), undelivered,
                               notice_on("2025-06-05", 0, NOTICE_FAMILY_ARREST)};
    struct run r;
    compute(&r, log, 3, "Asia/Jakarta", "2025-06-04T12:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 0);
    ck_assert(c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE); /* due 3 June */
    compute(&r, log, 4, "Asia/Jakarta", "2025-06-10T12:00:00+07:00");
    c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 0);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_NOTICE_UNDELIVERED);
    ck_assert(clock_undelivered(c));
    ck_assert(!clock_closed_at_end(c));
    assert_day(c->stopped_on, "2025-06-04");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    /* the other suspect's copy is his own: still owed */
    c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1);
    ck_assert(c->running);
    ck_assert(!clock_undelivered(c));
    /* delivered after all: the delivery stops it */
    compute(&r, log, 5, "Asia/Jakarta", "2025-06-10T12:00:00+07:00");
    c = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 0);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert(!clock_undelivered(c));
    assert_day(c->stopped_on, "2025-06-05");
}
END_TEST

/* MK 130/PUU-XIII/2015 owes the SPDP to the victim or reporter: a file with none owes no
 * spdp_to_pelapor clock; the others' clocks are the same. */
START_TEST(test_no_spdp_is_owed_to_a_reporter_a_file_has_not)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-06-01")};
    struct run with, without;
    compute(&with, log, 1, "Asia/Jakarta", "2025-06-20T00:00:00+07:00");
    ck_assert_int_eq(must_find(&with, CLK_SPDP_PELAPOR, -1)->state, CLOCK_OVERDUE);
    struct clock_input in = {log,
                             1,
                             zone_of("Asia/Jakarta"),
                             sets,
                             RULESET_BUILTIN_COUNT,
                             instant_of("2025-06-20T00:00:00+07:00"),
                             NULL,
                             0,
                             true};
    memset(&without, 0, sizeof without);
    without.set.items = without.items;
    without.set.cap = CAP;
    struct berr err = {0};
    ck_assert(clock_compute(&in, &without.set, &err));
    ck_assert_ptr_null(find(&without, CLK_SPDP_PELAPOR, -1));
    ck_assert_int_eq(without.set.count, with.set.count - 1);
    ck_assert_int_eq(must_find(&without, CLK_SPDP_KEJARI, -1)->state, CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_a_foreign_suspect_taken_into_custody_owes_his_consular_notice)
{
    /* VCCR 1963 Art. 36(1)(b) (UU 1/1982): "without delay" -- rule-set data
     * (consular_notice_days, 3, to verify), through Kemlu; once per custody:
     * the detention that follows the arrest starts no second one */
    struct case_event log[] = {
        ev_suspect(EV_ARRESTED, "2025-06-02T10:00:00+07:00", 0),
        ev_suspect(EV_DETAINED, "2025-06-03T09:00:00+07:00", 0),
        notice_on("2025-06-03T12:00:00+07:00", 0, NOTICE_FAMILY_ARREST),
    };
    struct run r;
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2025-06-05T23:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_CONSULAR_NOTICE, 0);
    ck_assert_int_eq(c->source, 0);
    assert_day(c->due_date, "2025-06-05");
    ck_assert_int_ne(c->state, CLOCK_OVERDUE);
    ck_assert(c->to_verify);
    ck_assert_ptr_nonnull(strstr(c->basis, "36(1)(b)"));
    /* the family's copy of the detention's order is owed too */
    c = must_find(&r, CLK_FAMILY_DETENTION_NOTICE, 0);
    assert_day(c->due_date, "2025-06-04");
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert(!must_find(&r, CLK_FAMILY_ARREST_NOTICE, 0)->running);
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2025-06-06T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_CONSULAR_NOTICE, 0)->state, CLOCK_OVERDUE);
    /* a detention without an arrest starts it as well; delivered late, it
     * stays overdue once stopped */
    struct case_event held[] = {
        ev_suspect(EV_DETAINED, "2025-06-02T10:00:00+07:00", 0),
        notice_on("2025-06-06T08:00:00+07:00", 0, NOTICE_CONSULAR),
    };
    compute_foreign(&r, held, 2, "Asia/Jakarta", "2025-06-10T00:00:00+07:00");
    c = must_find(&r, CLK_CONSULAR_NOTICE, 0);
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_notices_across_the_new_code)
{
    /* an arrest on 1 January 2026 runs under KUHAP 1981, one on 2 January
     * under UU 20/2025 (its basis says the new code's rule is unconfirmed);
     * both count the same day */
    struct case_event log[] = {ev_suspect(EV_ARRESTED, "2026-01-01T23:00:00+07:00", 1),
                               ev_suspect(EV_ARRESTED, "2026-01-02T00:30:00+07:00", 0)};
    struct run r;
    compute_foreign(&r, log, 2, "Asia/Jakarta", "2026-01-02T12:00:00+07:00");
    const struct clock *old = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 1);
    const struct clock *nu = must_find(&r, CLK_FAMILY_ARREST_NOTICE, 0);
    ck_assert_str_eq(old->regime, "KUHAP-1981");
    ck_assert_str_eq(nu->regime, "KUHAP-2025");
    ck_assert_ptr_nonnull(strstr(nu->basis, "UU 20/2025"));
    assert_day(old->due_date, "2026-01-02");
    assert_day(nu->due_date, "2026-01-03");
    assert_day(must_find(&r, CLK_CONSULAR_NOTICE, 0)->due_date, "2026-01-05");
}
END_TEST

/* ---- the SPDP's recipients (issue 13.8) ---- */

START_TEST(test_each_spdp_recipient_is_due_seven_days_after_the_sprindik)
{
    /* KUHAP 109(1) jo. MK 130/PUU-XIII/2015: the prosecutor, the reported
     * person and the reporter/victim within 7 days of the Sprindik;
     * Permenkumham 39/2021 Pasal 27(2), (3), (6): Korwas PPNS, the suspect,
     * a foreign suspect's representation through Kemlu.  Suspect 0 (foreign)
     * is designated on the Sprindik's day, suspect 1 (Indonesian) too. */
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-01", 0),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-01", 1),
        ev_on(EV_SPDP_SENT, "2025-03-03"),
        delivered("2025-03-04", -1, NOTICE_SPDP_KEJARI),
        delivered("2025-03-08", -1, NOTICE_SPDP_KORWAS),   /* day 7: in time */
        delivered("2025-03-09", 1, NOTICE_SPDP_TERSANGKA), /* day 8: late */
    };
    struct run r;
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2025-03-08T23:59:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP_KEJARI, -1);
    ck_assert_str_eq(c->code, "spdp_to_kejari");
    ck_assert(!c->running);
    ck_assert_int_eq(c->state, CLOCK_OK);
    ck_assert_int_eq(must_find(&r, CLK_SPDP_KORWAS, -1)->state, CLOCK_OK);
    /* the reporter, suspect 0 and his representation: not yet, due today */
    c = must_find(&r, CLK_SPDP_PELAPOR, -1);
    ck_assert(c->running);
    assert_day(c->due_date, "2025-03-08");
    ck_assert_int_eq(c->state, CLOCK_WARNING);
    ck_assert(must_find(&r, CLK_SPDP_TERSANGKA, 0)->running);
    c = must_find(&r, CLK_SPDP_PERWAKILAN, 0);
    ck_assert_str_eq(c->code, "spdp_to_perwakilan_negara");
    ck_assert_ptr_nonnull(strstr(c->basis, "27(6)"));
    ck_assert(!c->to_verify);
    /* an Indonesian suspect's country is told nothing */
    ck_assert_ptr_null(find(&r, CLK_SPDP_PERWAKILAN, 1));
    /* on day 8 the missing ones are overdue, the late one is stopped late */
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2025-03-09T00:00:00+07:00");
    ck_assert_int_eq(must_find(&r, CLK_SPDP_PELAPOR, -1)->state, CLOCK_OVERDUE);
    ck_assert_int_eq(must_find(&r, CLK_SPDP_TERSANGKA, 0)->state, CLOCK_OVERDUE);
    ck_assert_int_eq(must_find(&r, CLK_SPDP_PERWAKILAN, 0)->state, CLOCK_OVERDUE);
    ck_assert(must_find(&r, CLK_SPDP_TERSANGKA, 0)->running);
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2025-03-20T00:00:00+07:00");
    c = must_find(&r, CLK_SPDP_TERSANGKA, 1);
    ck_assert(!c->running);
    ck_assert_int_eq(c->stopped_by, EV_LETTER_DELIVERED);
    ck_assert_int_eq(c->state, CLOCK_OVERDUE);
    ck_assert_int_eq(c->days_left, -1);
}
END_TEST

START_TEST(test_spdp_recipients_in_wita_and_wit_count_the_local_day)
{
    /* a delivery at 23:30 WITA on day 7 is in time; the same instant is
     * 00:30 WIT on day 8 in Jayapura: late */
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_SPDP_SENT, "2025-03-02"),
                               delivered("2025-03-08T23:30:00+08:00", -1, NOTICE_SPDP_KORWAS)};
    struct run r;
    compute(&r, log, N(log), "Asia/Makassar", "2025-04-01T00:00:00+08:00");
    ck_assert_int_eq(must_find(&r, CLK_SPDP_KORWAS, -1)->state, CLOCK_OK);
    compute(&r, log, N(log), "Asia/Jayapura", "2025-04-01T00:00:00+09:00");
    ck_assert_int_eq(must_find(&r, CLK_SPDP_KORWAS, -1)->state, CLOCK_OVERDUE);
}
END_TEST

START_TEST(test_a_suspect_designated_later_has_seven_days_from_his_designation)
{
    /* Permenkumham 39/2021 Pasal 27(4)-(5): the SPDP may go out before the
     * suspect is known; his copy is then owed from his designation (our
     * reading: the same 7 days) */
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_on(EV_SPDP_SENT, "2025-03-02"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-20", 0)};
    struct run r;
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2025-03-21T00:00:00+07:00");
    assert_day(must_find(&r, CLK_SPDP_TERSANGKA, 0)->due_date, "2025-03-27");
    assert_day(must_find(&r, CLK_SPDP_PERWAKILAN, 0)->due_date, "2025-03-27");
    ck_assert_ptr_null(find(&r, CLK_SPDP_TERSANGKA, 1)); /* never designated */
    /* the prosecutor's registration of the SPDP is its delivery to him */
    struct case_event pu[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                              ev_on(EV_SPDP_SENT, "2025-03-02"),
                              ev_on(EV_SPDP_RECEIVED_BY_PU, "2025-03-03")};
    compute(&r, pu, N(pu), "Asia/Jakarta", "2025-03-21T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP_KEJARI, -1);
    ck_assert_int_eq(c->stopped_by, EV_SPDP_RECEIVED_BY_PU);
    ck_assert_int_eq(c->state, CLOCK_OK);
}
END_TEST

START_TEST(test_spdp_recipients_are_rule_set_data_across_the_new_code)
{
    /* under UU 20/2025 the SPDP rule is unconfirmed (DOMAIN 9.1): the same
     * recipients, to verify; an administrator may drop one */
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2026-01-02"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2026-01-02", 0)};
    struct run r;
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2026-01-03T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP_PERWAKILAN, 0);
    ck_assert_str_eq(c->regime, "KUHAP-2025");
    ck_assert(c->to_verify);
    ck_assert_ptr_nonnull(strstr(c->basis, "belum dipastikan"));
    ck_assert(ruleset_set(&sets[1], "spdp_to_reporter", 0));
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2026-01-03T00:00:00+07:00");
    ck_assert_ptr_null(find(&r, CLK_SPDP_PELAPOR, -1));
    ck_assert_ptr_nonnull(find(&r, CLK_SPDP_KEJARI, -1)); /* KUHAP 109(1) itself: always */
    /* a Sprindik on 1 January 2026 keeps the old code's certain rule */
    log[0] = ev_on(EV_SPRINDIK_ISSUED, "2026-01-01");
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2026-01-03T00:00:00+07:00");
    ck_assert(!must_find(&r, CLK_SPDP_PELAPOR, -1)->to_verify);
}
END_TEST

START_TEST(test_an_sp3_stops_and_a_new_sprindik_restarts_the_recipients)
{
    struct case_event log[] = {ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"),
                               ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-02", 1),
                               delivered("2025-03-03", 1, NOTICE_SPDP_TERSANGKA),
                               ev_on(EV_SP3_ISSUED, "2025-03-05"),
                               ev_on(EV_REOPENED, "2025-05-01"),
                               ev_on(EV_SPRINDIK_ISSUED, "2025-05-01")};
    struct run r;
    compute_foreign(&r, log, 4, "Asia/Jakarta", "2025-05-02T00:00:00+07:00");
    const struct clock *c = must_find(&r, CLK_SPDP_KORWAS, -1);
    ck_assert_int_eq(c->stopped_by, EV_SP3_ISSUED);
    compute_foreign(&r, log, N(log), "Asia/Jakarta", "2025-05-02T00:00:00+07:00");
    c = must_find(&r, CLK_SPDP_TERSANGKA, 1);
    ck_assert(c->running); /* the new SPDP is owed to him again */
    assert_day(c->start, "2025-05-01");
    ck_assert(must_find(&r, CLK_SPDP_KORWAS, -1)->running);
}
END_TEST

START_TEST(test_kind_and_state_codes)
{
    const char *codes[] = {"spdp",
                           "p17",
                           "pu_answer",
                           "pu_return",
                           "resend",
                           "tahap2",
                           "sp3_notify",
                           "arrest",
                           "detention",
                           "detensi",
                           "family_arrest_notice",
                           "family_detention_notice",
                           "consular_notice",
                           "designation_notice",
                           "bap_copy",
                           "spdp_to_kejari",
                           "spdp_to_korwas",
                           "spdp_to_pelapor",
                           "spdp_to_tersangka",
                           "spdp_to_perwakilan_negara",
                           "pn_approval",
                           "direction",
                           "sp3_notify_korwas",
                           "sp3_notify_suspect",
                           "sp3_notify_reporter"};
    for (int k = 0; k < CLK__COUNT; k++)
        ck_assert_str_eq(clock_kind_code((enum clock_kind)k), codes[k]);
    ck_assert_str_eq(clock_kind_code(CLK__COUNT), "");
    ck_assert_str_eq(clock_state_code(CLOCK_WARNING), "warning");
    ck_assert_str_eq(clock_state_code(CLOCK_OVERDUE), "overdue");
    ck_assert_str_eq(clock_state_label(CLOCK_OK), "Aman");
    ck_assert_str_eq(clock_state_label(CLOCK_OVERDUE), "Lewat waktu");
}
END_TEST

START_TEST(test_a_busy_case_computes_quickly)
{
    /* 2,000 events, 40 suspects: well under a second even under ASan. */
    static struct case_event log[2000];
    int n = 0;
    log[n++] = ev_on(EV_SPRINDIK_ISSUED, "2025-01-01");
    for (int s = 0; s < 40; s++) {
        log[n++] = ev_suspect(EV_ARRESTED, "2025-01-02T10:00:00+07:00", s);
        log[n++] = ev_suspect(EV_DETAINED, "2025-01-03", s);
    }
    while (n < 2000)
        log[n++] = ev_on(EV_LETTER_DELIVERED, "2025-01-05");
    struct run r;
    compute(&r, log, n, "Asia/Jakarta", "2025-01-10T00:00:00+07:00");
    /* + the families' notices + the SPDP's kejari, korwas, pelapor */
    ck_assert_int_eq(r.set.total, 1 + 80 + 80 + 3);
}
END_TEST

Suite *suite_clock(void)
{
    Suite *s = suite_create("clock");
    TCase *tc = tcase_create("case");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_spdp_due_seven_days_after_the_sprindik);
    tcase_add_test(tc, test_spdp_warns_from_day_5_and_is_overdue_on_day_8);
    tcase_add_test(tc, test_spdp_sent_on_day_7_stops_the_clock_in_time);
    tcase_add_test(tc, test_spdp_sent_on_day_8_is_late);
    tcase_add_test(tc, test_same_instant_is_overdue_in_jayapura_and_in_time_in_jakarta);
    tcase_add_test(tc, test_last_second_and_midnight_in_wib_wita_and_wit);
    tcase_add_test(tc, test_a_sprindik_late_at_night_is_a_day_later_in_jayapura);
    tcase_add_test(tc, test_sprindik_on_1_january_2026_is_kuhap_1981);
    tcase_add_test(tc, test_sprindik_on_2_january_2026_is_kuhap_2025_to_verify);
    tcase_add_test(tc, test_the_regime_follows_the_local_date_of_the_act);
    tcase_add_test(tc, test_an_amended_value_applies_only_to_acts_under_its_regime);
    tcase_add_test(tc, test_an_spdp_sent_to_another_than_the_prosecutor_is_no_spdp_sent);
    tcase_add_test(tc, test_p17_expected_30_days_after_the_first_spdp);
    tcase_add_test(tc, test_p17_clock_stops_at_tahap1_or_at_the_p17);
    tcase_add_test(tc, test_p17_counts_from_the_prosecutors_receipt_of_the_spdp);
    tcase_add_test(tc, test_p17_counts_from_the_sending_while_no_receipt_is_recorded);
    tcase_add_test(tc, test_p17_after_the_receipt_stops_at_tahap1);
    tcase_add_test(tc, test_p17_a_second_receipt_does_not_push_it_out);
    tcase_add_test(tc, test_p17_counts_from_the_kejaris_tanda_terima_of_the_spdp);
    tcase_add_test(tc, test_p17_an_earlier_receipt_recorded_later_moves_it_back);
    tcase_add_test(tc, test_p17_a_new_sprindik_and_spdp_start_it_again_and_its_receipt_moves_it);
    tcase_add_test(tc, test_p17_a_receipt_after_the_clock_stopped_starts_nothing);
    tcase_add_test(tc, test_designation_notice_due_the_next_day_under_uu_20_2025);
    tcase_add_test(tc, test_designation_notice_met_by_the_letter_to_that_suspect);
    tcase_add_test(tc, test_no_designation_notice_under_kuhap_1981);
    tcase_add_test(tc, test_bap_copy_due_the_next_day_under_uu_20_2025);
    tcase_add_test(tc, test_bap_copy_met_by_the_letter_and_owed_again_for_his_next_bap);
    tcase_add_test(tc, test_bap_copy_owed_stays_overdue_across_his_next_bap);
    tcase_add_test(tc, test_bap_copy_owed_for_his_supplementary_examination);
    tcase_add_test(tc, test_no_bap_copy_for_a_witness_or_under_kuhap_1981);
    tcase_add_test(tc, test_pn_approval_due_two_days_after_an_urgent_seizure);
    tcase_add_test(tc, test_pn_approval_stopped_by_the_persetujuan_of_that_act);
    tcase_add_test(tc, test_pn_approval_met_by_the_report_to_the_ketua_pn);
    tcase_add_test(tc, test_no_pn_approval_for_a_permitted_act_and_kuhap_1981_counts_too);
    tcase_add_test(tc, test_pu_answers_within_7_days_of_receipt);
    tcase_add_test(tc, test_pu_returns_within_14_days_or_the_file_is_deemed_complete);
    tcase_add_test(tc, test_the_pu_clocks_count_from_the_kejaris_tanda_terima_of_the_file);
    tcase_add_test(tc, test_p18_stops_the_answer_but_not_the_return);
    tcase_add_test(tc, test_resend_within_14_days_of_the_p19);
    tcase_add_test(tc, test_tahap2_within_60_days_of_p21_with_two_warnings);
    tcase_add_test(tc, test_tahap2_clock_starts_at_deemed_complete_and_stops_at_hand_over);
    tcase_add_test(tc, test_tahap2_over_29_february_2028);
    tcase_add_test(tc, test_sp3_notice_due_the_next_day_for_acts_from_2_january_2026);
    tcase_add_test(tc, test_sp3_under_kuhap_1981_is_notified_by_the_rule_sets_segera);
    tcase_add_test(tc, test_sp3_late_at_night_counts_in_jayapura_not_in_jakarta);
    tcase_add_test(tc, test_an_sp3_of_2026_is_owed_to_the_pu_the_suspect_and_the_victim_each);
    tcase_add_test(tc, test_an_sp3_of_2025_is_owed_to_the_pu_korwas_and_the_suspect_each);
    suite_add_tcase(s, tc);

    TCase *sus = tcase_create("suspect");
    tcase_add_checked_fixture(sus, setup, NULL);
    tcase_add_test(sus, test_arrest_expires_24_hours_after_its_instant_in_wita);
    tcase_add_test(sus, test_detention_stops_the_arrest_clock);
    tcase_add_test(sus, test_detention_ends_on_day_20_at_local_midnight_before_the_strict_hour);
    tcase_add_test(sus, test_an_sp3_owes_the_release_of_a_detained_suspect_by_the_end_of_its_day);
    tcase_add_test(sus,
                   test_an_sp3_owes_the_release_of_a_suspect_under_arrest_by_the_end_of_its_day);
    tcase_add_test(sus, test_no_detention_act_after_a_standing_sp3_clears_the_release_it_owes);
    tcase_add_test(sus, test_detention_in_wit_ends_at_wit_midnight);
    tcase_add_test(sus, test_extensions_chain_from_the_previous_end);
    tcase_add_test(sus, test_an_extension_on_2_january_2026_takes_the_new_regime);
    tcase_add_test(sus, test_a_detention_clock_is_labelled_by_the_law_of_its_act);
    tcase_add_test(sus, test_suspension_release_and_tahap2_stop_the_detention_clock);
    tcase_add_test(sus, test_an_arrest_or_detention_that_ends_past_its_due_is_an_overrun);
    tcase_add_test(sus, test_a_resumed_detention_runs_the_days_left);
    tcase_add_test(sus, test_detensi_has_its_own_clock_and_never_shortens_detention);
    tcase_add_test(sus, test_a_refused_replay_is_skipped_and_counted);
    tcase_add_test(sus, test_the_family_has_the_arrests_order_within_its_day);
    tcase_add_test(sus, test_a_foreign_suspect_taken_into_custody_owes_his_consular_notice);
    tcase_add_test(sus, test_notices_across_the_new_code);
    tcase_add_test(sus, test_each_spdp_recipient_is_due_seven_days_after_the_sprindik);
    tcase_add_test(sus, test_spdp_recipients_in_wita_and_wit_count_the_local_day);
    tcase_add_test(sus, test_a_suspect_designated_later_has_seven_days_from_his_designation);
    tcase_add_test(sus, test_spdp_recipients_are_rule_set_data_across_the_new_code);
    tcase_add_test(sus, test_an_sp3_stops_and_a_new_sprindik_restarts_the_recipients);
    suite_add_tcase(s, sus);

    TCase *misc = tcase_create("log");
    tcase_add_checked_fixture(misc, setup, NULL);
    tcase_add_test(misc, test_a_corrected_sprindik_date_moves_the_spdp_clock);
    tcase_add_test(misc, test_a_withdrawn_spdp_restarts_nothing_but_leaves_the_clock_running);
    tcase_add_test(misc, test_a_direction_is_due_on_its_own_date_until_done);
    tcase_add_test(misc, test_clocks_come_in_a_fixed_order_and_count_past_the_cap);
    tcase_add_test(misc, test_bad_input_is_refused);
    tcase_add_test(misc, test_the_files_end_closes_the_notices_still_owed);
    tcase_add_test(misc, test_a_notice_declared_undelivered_is_closed_not_delivered);
    tcase_add_test(misc, test_a_tak_after_an_sp3_leaves_its_notices_owed);
    tcase_add_test(misc, test_an_sp3_notice_declared_undelivered_is_closed_not_delivered);
    tcase_add_test(misc, test_no_spdp_is_owed_to_a_reporter_a_file_has_not);
    tcase_add_test(misc, test_kind_and_state_codes);
    tcase_add_test(misc, test_a_busy_case_computes_quickly);
    suite_add_tcase(s, misc);
    return s;
}
