/*
 * test_detention.c - one suspect's arrest and detention: the periods of
 * KUHAP 19, 24 and 29 on both readings, the 9-year rule, suspension, change
 * of type, release, and detensi that never counts as penahanan.
 */
#include <check.h>
#include <string.h>

#include "core/detention.h"
#include "helpers.h"
#include "suites.h"

static struct ruleset sets[RULESET_BUILTIN_COUNT];
static const struct tzone *wib;

static void setup(void)
{
    builtin_sets(sets);
    wib = zone_of("Asia/Jakarta");
}

/* Apply an act at instant s (no guards: f NULL unless given). */
static bool act(struct detention *d, enum event e, const char *s, int days,
                const struct case_facts *f, struct det_result *res)
{
    int64_t at = strchr(s, 'T') ? instant_of(s) : caldate_day_start(day_of(s), wib);
    struct detention_act a = {e, at, DETT_RUTAN, days};
    const struct ruleset *rs = ruleset_for_date(sets, 2, caldate_local_date(at, wib));
    return detention_apply(d, &a, rs, wib, f, d, res);
}

static void must(struct detention *d, enum event e, const char *s, int days)
{
    struct det_result r;
    ck_assert_msg(act(d, e, s, days, NULL, &r), "%s at %s refused: %s", event_code(e), s, r.reason);
}

static void assert_day(struct caldate d, const char *s)
{
    ck_assert_msg(caldate_cmp(d, day_of(s)) == 0, "%04d-%02d-%02d != %s", d.y, d.m, d.d, s);
}

/* Facts for a suspect charged with an offence of `years` maximum. */
static struct case_facts facts(int years, const char *act_date)
{
    struct case_facts f;
    memset(&f, 0, sizeof f);
    f.rulesets = sets;
    f.nrulesets = 2;
    f.act_date = day_of(act_date);
    f.offences = 1;
    f.max_prison_months = years * 12;
    return f;
}

START_TEST(test_arrest_lasts_24_hours_from_its_instant)
{
    /* KUHAP 19(1). */
    struct detention d;
    detention_init(&d);
    must(&d, EV_ARRESTED, "2025-07-01T22:15:00+07:00", 0);
    ck_assert_int_eq(d.state, DET_ARRESTED);
    ck_assert_int_eq(d.arrest_ends_at, instant_of("2025-07-02T22:15:00+07:00"));
    ck_assert_int_eq(detention_expires_at(&d), d.arrest_ends_at);
}
END_TEST

START_TEST(test_detention_is_20_days_inclusive_and_strict)
{
    /* KUHAP 24(1); DOMAIN.md 5.1: 1 July .. 20 July. */
    struct detention d;
    detention_init(&d);
    must(&d, EV_ARRESTED, "2025-06-30T11:00:00+07:00", 0);
    must(&d, EV_DETAINED, "2025-07-01T10:00:00+07:00", 0);
    ck_assert_int_eq(d.state, DET_DETAINED);
    ck_assert_int_eq(d.period, DETP_INVESTIGATOR);
    assert_day(d.start, "2025-07-01");
    assert_day(d.end, "2025-07-20");
    ck_assert_int_eq(d.period_days, 20);
    ck_assert_int_eq(d.day_end_at, instant_of("2025-07-21T00:00:00+07:00"));
    ck_assert_int_eq(d.strict_end_at, instant_of("2025-07-21T10:00:00+07:00"));
    /* The earlier of the two readings. */
    ck_assert_int_eq(detention_expires_at(&d), instant_of("2025-07-21T00:00:00+07:00"));
    ck_assert_int_eq(d.days_granted, 20);
}
END_TEST

START_TEST(test_detention_over_29_february_2028)
{
    struct detention d;
    detention_init(&d);
    must(&d, EV_DETAINED, "2028-02-10", 0);
    assert_day(d.end, "2028-02-29");
    detention_init(&d);
    must(&d, EV_DETAINED, "2027-02-10", 0);
    assert_day(d.end, "2027-03-01");
}
END_TEST

START_TEST(test_detention_day_one_is_the_local_day_of_the_order)
{
    /* 00:30 WIT on 1 July is still 30 June in Jakarta. */
    const char *s = "2025-07-01T00:30:00+09:00";
    struct detention d;
    detention_init(&d);
    must(&d, EV_DETAINED, s, 0);
    assert_day(d.start, "2025-06-30");
    assert_day(d.end, "2025-07-19");

    const struct tzone *wit = zone_of("Asia/Jayapura");
    struct detention_act a = {EV_DETAINED, instant_of(s), DETT_RUTAN, 0};
    detention_init(&d);
    ck_assert(detention_apply(&d, &a, &sets[0], wit, NULL, &d, NULL));
    assert_day(d.start, "2025-07-01");
    assert_day(d.end, "2025-07-20");
    ck_assert_int_eq(d.day_end_at, instant_of("2025-07-21T00:00:00+09:00"));
}
END_TEST

START_TEST(test_extension_by_pu_runs_on_from_the_previous_end)
{
    /* KUHAP 24(2): + 40 days; 24(4): 60 in all. */
    struct detention d;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01T10:00:00+07:00", 0);
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-07-15", 0);
    ck_assert_int_eq(d.period, DETP_PU);
    assert_day(d.start, "2025-07-21");
    assert_day(d.end, "2025-08-29");
    ck_assert_int_eq(d.strict_end_at, instant_of("2025-08-30T10:00:00+07:00"));
    ck_assert_int_eq(d.day_end_at, instant_of("2025-08-30T00:00:00+07:00"));
    ck_assert_int_eq(d.days_granted, 60);
}
END_TEST

START_TEST(test_a_shorter_extension_may_be_granted_but_not_a_longer_one)
{
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_PU, "2025-07-15", 41, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_GUARD);
    ck_assert_int_eq(r.missing.n, 1);
    ck_assert_int_eq(r.missing.list[0], FACT_EXTENSION_WITHIN_LIMIT);
    ck_assert_int_eq(d.period, DETP_INVESTIGATOR); /* untouched */
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-07-15", 30);
    assert_day(d.end, "2025-08-19");
}
END_TEST

START_TEST(test_extension_refused_once_the_period_has_run_out)
{
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01T10:00:00+07:00", 0);
    struct detention saved = d;
    /* The last day (day 20) is still in time, to its last second. */
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-07-20T23:59:59+07:00", 0);
    d = saved;
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_PU, "2025-07-21T00:00:00+07:00", 0, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_GUARD);
    ck_assert_int_eq(r.missing.list[0], FACT_DETENTION_IN_FORCE);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_PU, "2025-07-21", 0, NULL, &r));
}
END_TEST

START_TEST(test_court_extension_needs_the_pu_extension_first)
{
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_COURT, "2025-07-15", 0, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_STATE);
    ck_assert_ptr_nonnull(strstr(r.reason, "KUHAP 29"));
}
END_TEST

START_TEST(test_court_extension_refused_below_nine_years)
{
    /* KUHAP 29(1)(b): Pasal 122 carries 5 years. */
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-07-15", 0);
    struct case_facts f = facts(5, "2025-08-20");
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_COURT, "2025-08-20", 0, &f, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_GUARD);
    ck_assert_int_eq(r.missing.n, 1);
    ck_assert_int_eq(r.missing.list[0], FACT_COURT_EXTENSION_GROUND);
    ck_assert_ptr_nonnull(strstr(r.reason, "9 tahun"));
}
END_TEST

START_TEST(test_court_extends_twice_by_30_for_people_smuggling)
{
    /* Pasal 120: up to 15 years; KUHAP 29(2): 30 + 30; 120 days in all. */
    struct detention d;
    struct det_result r;
    struct case_facts f = facts(15, "2025-01-01");
    detention_init(&d);
    ck_assert(act(&d, EV_DETAINED, "2025-01-01", 0, &f, &r));
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-01-15", 0);
    ck_assert(act(&d, EV_DETENTION_EXTENDED_COURT, "2025-03-01", 0, &f, &r));
    ck_assert_int_eq(d.period, DETP_COURT_1);
    assert_day(d.end, "2025-03-31");
    ck_assert(act(&d, EV_DETENTION_EXTENDED_COURT, "2025-03-25", 0, &f, &r));
    ck_assert_int_eq(d.period, DETP_COURT_2);
    assert_day(d.end, "2025-04-30");
    ck_assert_int_eq(d.days_granted, 120);
    ck_assert_int_eq(d.court_extensions, 2);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_COURT, "2025-04-20", 0, &f, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_STATE);
}
END_TEST

/* A suspect detained on `from` with the PU's 40 and the court's two 30s (dates relative to a
 * start on the 1st of a month), then a third court extension asked on `third`. */
static void third_court_extension(const char *detained, const char *pu, const char *c1,
                                  const char *c2, const char *third, struct det_result *r)
{
    struct detention d;
    detention_init(&d);
    must(&d, EV_DETAINED, detained, 0);
    must(&d, EV_DETENTION_EXTENDED_PU, pu, 0);
    must(&d, EV_DETENTION_EXTENDED_COURT, c1, 0);
    must(&d, EV_DETENTION_EXTENDED_COURT, c2, 0);
    ck_assert_int_eq(d.period, DETP_COURT_2);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_COURT, third, 0, NULL, r));
    ck_assert_int_eq(r->verdict, DET_REFUSED_STATE);
}

START_TEST(test_a_third_court_extension_is_refused_saying_pasal_29s_two_are_used_up)
{
    /* KUHAP 29(2): the court may extend twice by 30 days; a third is refused because both are
     * used, not because the PU's extension is missing (it was granted).  UU 20/2025 keeps the
     * numbers of the rule set (DOMAIN 9.2: the new code's durations unconfirmed). */
    struct det_result r;
    third_court_extension("2025-01-01", "2025-01-15", "2025-03-01", "2025-03-25", "2025-04-20", &r);
    ck_assert_msg(strstr(r.reason, "Pasal 29") && strstr(r.reason, "sudah digunakan") &&
                      strstr(r.reason, "2 x 30 hari"),
                  "%s", r.reason);
    ck_assert_msg(!strstr(r.reason, "setelah perpanjangan oleh Penuntut Umum"), "%s", r.reason);
    third_court_extension("2026-02-01", "2026-02-15", "2026-04-01", "2026-04-25", "2026-05-20", &r);
    ck_assert_msg(strstr(r.reason, "Pasal 29") && strstr(r.reason, "sudah digunakan") &&
                      strstr(r.reason, "UU 20/2025") && strstr(r.reason, "2 x 30 hari"),
                  "%s", r.reason);
    ck_assert_msg(!strstr(r.reason, "setelah perpanjangan oleh Penuntut Umum"), "%s", r.reason);
    /* the counts are the rule set's */
    ck_assert(ruleset_set(&sets[0], "detention_ext_court_count", 1));
    ck_assert(ruleset_set(&sets[0], "detention_ext_court_days", 20));
    struct detention d;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-01-01", 0);
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-01-15", 0);
    must(&d, EV_DETENTION_EXTENDED_COURT, "2025-03-01", 0);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_COURT, "2025-03-10", 0, NULL, &r));
    ck_assert_msg(strstr(r.reason, "1 x 20 hari") && strstr(r.reason, "sudah digunakan"), "%s",
                  r.reason);
}
END_TEST

START_TEST(test_court_extension_for_severe_illness_below_nine_years)
{
    struct detention d;
    struct det_result r;
    struct case_facts f = facts(5, "2025-08-20");
    f.severe_illness = true;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-07-15", 0);
    ck_assert(act(&d, EV_DETENTION_EXTENDED_COURT, "2025-08-20", 0, &f, &r));
}
END_TEST

START_TEST(test_court_extension_count_is_data)
{
    struct detention d;
    struct det_result r;
    ck_assert(ruleset_set(&sets[0], "detention_ext_court_count", 1));
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-01-01", 0);
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-01-15", 0);
    must(&d, EV_DETENTION_EXTENDED_COURT, "2025-03-01", 0);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_COURT, "2025-03-25", 0, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_STATE);
}
END_TEST

START_TEST(test_detention_refused_for_a_non_detainable_offence)
{
    /* Pasal 124(a): 2 years, not on UU 6/2011 Pasal 109's list. */
    struct detention d;
    struct det_result r;
    struct case_facts f = facts(2, "2025-07-01");
    detention_init(&d);
    ck_assert(!act(&d, EV_DETAINED, "2025-07-01", 0, &f, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_GUARD);
    ck_assert_int_eq(r.missing.list[0], FACT_DETAINABLE_OFFENCE);
    ck_assert_int_eq(d.state, DET_FREE);
}
END_TEST

START_TEST(test_detention_under_uu_20_2025_needs_the_polri_order)
{
    struct detention d;
    struct det_result r;
    struct case_facts f = facts(5, "2026-01-02");
    detention_init(&d);
    ck_assert(!act(&d, EV_DETAINED, "2026-01-02T08:00:00+07:00", 0, &f, &r));
    ck_assert_int_eq(r.missing.n, 1);
    ck_assert_int_eq(r.missing.list[0], FACT_POLRI_ORDER);
    f.polri_order = true;
    ck_assert(act(&d, EV_DETAINED, "2026-01-02T08:00:00+07:00", 0, &f, &r));
    /* On 1 January 2026 the 1981 code still applies: no order needed. */
    f = facts(5, "2026-01-01");
    detention_init(&d);
    ck_assert(act(&d, EV_DETAINED, "2026-01-01T23:59:59+07:00", 0, &f, &r));
}
END_TEST

START_TEST(test_suspension_keeps_the_days_left_for_a_resumption)
{
    /* KUHAP 31: detained 1-20 July, suspended on 10 July: 10 days left
     * (11-20 July); resumed on 1 August: runs to 10 August. */
    struct detention d;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01T10:00:00+07:00", 0);
    must(&d, EV_DETENTION_SUSPENDED, "2025-07-10T15:00:00+07:00", 0);
    ck_assert_int_eq(d.state, DET_SUSPENDED);
    ck_assert_int_eq(d.days_left, 10);
    ck_assert_int_eq(detention_expires_at(&d), 0);
    must(&d, EV_DETAINED, "2025-08-01T09:00:00+07:00", 0);
    ck_assert_int_eq(d.state, DET_DETAINED);
    ck_assert_int_eq(d.period, DETP_INVESTIGATOR);
    assert_day(d.start, "2025-08-01");
    assert_day(d.end, "2025-08-10");
    /* strict: 10 days 19 hours were left. */
    ck_assert_int_eq(d.strict_end_at, instant_of("2025-08-12T04:00:00+07:00"));
    ck_assert_int_eq(detention_expires_at(&d), instant_of("2025-08-11T00:00:00+07:00"));
}
END_TEST

START_TEST(test_no_resumption_when_suspended_on_the_last_day)
{
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    must(&d, EV_DETENTION_SUSPENDED, "2025-07-20", 0);
    ck_assert_int_eq(d.days_left, 0);
    ck_assert(!act(&d, EV_DETAINED, "2025-07-25", 0, NULL, &r));
    ck_assert_int_eq(r.missing.list[0], FACT_DETENTION_DAYS_LEFT);
}
END_TEST

START_TEST(test_change_of_type_keeps_the_period)
{
    /* KUHAP 22-23: rutan -> tahanan rumah. */
    struct detention d;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    struct detention_act a = {EV_DETENTION_TYPE_CHANGED,
                              caldate_day_start(day_of("2025-07-05"), wib), DETT_RUMAH, 0};
    ck_assert(detention_apply(&d, &a, &sets[0], wib, NULL, &d, NULL));
    ck_assert_int_eq(d.type, DETT_RUMAH);
    assert_day(d.end, "2025-07-20");
    ck_assert_str_eq(det_type_code(d.type), "rumah");
    a.type = (enum det_type)7;
    struct det_result r;
    ck_assert(!detention_apply(&d, &a, &sets[0], wib, NULL, &d, &r));
    ck_assert_int_eq(r.verdict, DET_INVALID);
}
END_TEST

START_TEST(test_release_ends_detention_and_a_second_counts_the_days_served)
{
    /* KUHAP 24(1)-(2), (4): 20 + 40 = 60 days in all at the investigation stage.  Detained
     * 1-20 July (20 days served, the day of release counted), released, detained again on 1
     * August: the investigator's 20 days (1-20 August), then the PU may give 20 more, not 40:
     * 60 in all.  Released on the 60th day, he may not be detained again at this stage. */
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    must(&d, EV_RELEASED, "2025-07-20", 0);
    ck_assert_int_eq(d.state, DET_RELEASED);
    ck_assert_int_eq(detention_expires_at(&d), 0);
    ck_assert_int_eq(d.days_served, 20);
    must(&d, EV_DETAINED, "2025-08-01", 0);
    ck_assert_int_eq(d.period, DETP_INVESTIGATOR);
    assert_day(d.end, "2025-08-20");
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_PU, "2025-08-10", 40, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_GUARD);
    ck_assert(missing_has(&r.missing, FACT_EXTENSION_WITHIN_LIMIT));
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-08-10", 0);
    assert_day(d.end, "2025-09-09");
    ck_assert_int_eq(d.days_served + d.days_granted, 60);
    must(&d, EV_RELEASED, "2025-09-09", 0);
    ck_assert_int_eq(d.days_served, 60);
    ck_assert(!act(&d, EV_DETAINED, "2025-09-15", 0, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_STATE);
    ck_assert_msg(strstr(r.reason, "24(4)") && strstr(r.reason, "60 hari"), "%s", r.reason);
    /* nor after an arrest */
    must(&d, EV_ARRESTED, "2025-09-15T08:00:00+07:00", 0);
    ck_assert(!act(&d, EV_DETAINED, "2025-09-15T09:00:00+07:00", 0, NULL, &r));
}
END_TEST

START_TEST(test_detained_again_for_no_more_than_the_days_left)
{
    /* 1 July .. 19 August (50 days, the PU's extension included), released; detained again
     * on 1 September after an arrest: 10 days (1-10 September) and nothing left for the PU. */
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    must(&d, EV_DETENTION_EXTENDED_PU, "2025-07-15", 0);
    must(&d, EV_RELEASED, "2025-08-19T10:00:00+07:00", 0);
    ck_assert_int_eq(d.days_served, 50);
    must(&d, EV_ARRESTED, "2025-08-31T20:00:00+07:00", 0);
    must(&d, EV_DETAINED, "2025-09-01T10:00:00+07:00", 0);
    ck_assert_int_eq(d.period_days, 10);
    assert_day(d.end, "2025-09-10");
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_PU, "2025-09-05", 0, NULL, &r));
    ck_assert(missing_has(&r.missing, FACT_EXTENSION_WITHIN_LIMIT));
    /* suspended on 5 September with 5 days left, released: 55 served */
    must(&d, EV_DETENTION_SUSPENDED, "2025-09-05", 0);
    must(&d, EV_RELEASED, "2025-09-07", 0);
    ck_assert_int_eq(d.days_served, 55);
}
END_TEST

START_TEST(test_no_redetention_where_the_rule_set_says_released_is_released)
{
    /* redetention_within_limit is data (KUHAP 24(4) says nothing of it: to verify) */
    struct detention d;
    struct det_result r;
    ck_assert(ruleset_set(&sets[0], "redetention_within_limit", 0));
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    must(&d, EV_RELEASED, "2025-07-10", 0);
    ck_assert(!act(&d, EV_DETAINED, "2025-07-12", 0, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_STATE);
    ck_assert_ptr_nonnull(strstr(r.reason, "24(4)"));
}
END_TEST

START_TEST(test_acts_the_state_does_not_accept_are_refused_with_the_alternatives)
{
    struct detention d;
    struct det_result r;
    detention_init(&d);
    ck_assert(!act(&d, EV_RELEASED, "2025-07-01", 0, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_REFUSED_STATE);
    ck_assert_int_eq(r.nallowed, 3);
    ck_assert_int_eq(r.allowed[0], EV_ARRESTED);
    ck_assert_int_eq(r.allowed[1], EV_DETAINED);
    ck_assert_int_eq(r.allowed[2], EV_DETENSI_STARTED);
    ck_assert(!act(&d, EV_DETENTION_EXTENDED_PU, "2025-07-01", 0, NULL, &r));
    ck_assert(!act(&d, EV_DETENTION_SUSPENDED, "2025-07-01", 0, NULL, &r));
    ck_assert(!act(&d, EV_DETENTION_TYPE_CHANGED, "2025-07-01", 0, NULL, &r));
    ck_assert(!act(&d, EV_DETENSI_ENDED, "2025-07-01", 0, NULL, &r));
    must(&d, EV_ARRESTED, "2025-07-01", 0);
    ck_assert(!act(&d, EV_ARRESTED, "2025-07-01", 0, NULL, &r));
    must(&d, EV_DETAINED, "2025-07-01", 0);
    ck_assert(!act(&d, EV_DETAINED, "2025-07-02", 0, NULL, &r));
    enum event out[DETENTION_EVENTS];
    int n = detention_allowed(&d, &sets[0], out, DETENTION_EVENTS);
    ck_assert_int_eq(n, 4); /* extended_pu, suspended, type_changed, released */
}
END_TEST

START_TEST(test_detensi_never_counts_as_penahanan)
{
    /* 30 days in a Ruang Detensi, then criminal detention: the full 20 days. */
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETENSI_STARTED, "2025-06-01", 0);
    ck_assert(d.in_detensi);
    ck_assert_int_eq(d.state, DET_FREE);
    ck_assert_int_eq(d.days_granted, 0);
    ck_assert(!act(&d, EV_DETAINED, "2025-07-01", 0, NULL, &r));
    ck_assert_ptr_nonnull(strstr(r.reason, "pendetensian"));
    ck_assert(!act(&d, EV_ARRESTED, "2025-07-01", 0, NULL, &r));
    must(&d, EV_DETENSI_ENDED, "2025-07-01", 0);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    assert_day(d.start, "2025-07-01");
    assert_day(d.end, "2025-07-20");
    ck_assert_int_eq(d.days_granted, 20);
    ck_assert(!d.in_detensi);
}
END_TEST

START_TEST(test_detensi_cannot_start_during_detention)
{
    struct detention d;
    struct det_result r;
    detention_init(&d);
    must(&d, EV_DETAINED, "2025-07-01", 0);
    ck_assert(!act(&d, EV_DETENSI_STARTED, "2025-07-05", 0, NULL, &r));
    must(&d, EV_DETENTION_SUSPENDED, "2025-07-05", 0);
    must(&d, EV_DETENSI_STARTED, "2025-07-06", 0);
    ck_assert(!act(&d, EV_DETENSI_STARTED, "2025-07-07", 0, NULL, &r));
    /* Suspension days are not changed by detensi either. */
    ck_assert_int_eq(d.days_left, 15);
    must(&d, EV_DETENSI_ENDED, "2025-08-01", 0);
    must(&d, EV_DETAINED, "2025-08-02", 0);
    assert_day(d.end, "2025-08-16");
}
END_TEST

START_TEST(test_non_detention_events_are_invalid_here)
{
    struct detention d;
    struct det_result r;
    detention_init(&d);
    ck_assert(!act(&d, EV_TAHAP1_SENT, "2025-07-01", 0, NULL, &r));
    ck_assert_int_eq(r.verdict, DET_INVALID);
    struct detention_act a = {EV_DETAINED, 0, DETT_RUTAN, 0};
    ck_assert(!detention_apply(&d, &a, NULL, wib, NULL, &d, &r));
    ck_assert_int_eq(r.verdict, DET_INVALID);
    ck_assert(!detention_apply(&d, &a, &sets[0], NULL, NULL, &d, NULL));
}
END_TEST

START_TEST(test_state_and_type_codes)
{
    ck_assert_str_eq(det_state_code(DET_SUSPENDED), "suspended");
    ck_assert_str_eq(det_state_label(DET_DETAINED), "Ditahan");
    ck_assert_str_eq(det_period_code(DETP_COURT_2), "court_2");
    ck_assert_ptr_nonnull(strstr(det_period_label(DETP_PU, REGIME_KUHAP_1981), "24(2)"));
    ck_assert_ptr_null(strstr(det_period_label(DETP_PU, REGIME_KUHAP_2025), "24(2)"));
    enum det_type t;
    ck_assert(det_type_lookup("kota", &t));
    ck_assert_int_eq(t, DETT_KOTA);
    ck_assert(!det_type_lookup("rudenim", &t));
    ck_assert_str_eq(det_type_label(DETT_RUTAN), "Rumah tahanan negara");
    ck_assert_str_eq(det_state_code(DET__COUNT), "");
}
END_TEST

Suite *suite_detention(void)
{
    Suite *s = suite_create("detention");
    TCase *tc = tcase_create("detention");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_arrest_lasts_24_hours_from_its_instant);
    tcase_add_test(tc, test_detention_is_20_days_inclusive_and_strict);
    tcase_add_test(tc, test_detention_over_29_february_2028);
    tcase_add_test(tc, test_detention_day_one_is_the_local_day_of_the_order);
    tcase_add_test(tc, test_extension_by_pu_runs_on_from_the_previous_end);
    tcase_add_test(tc, test_a_shorter_extension_may_be_granted_but_not_a_longer_one);
    tcase_add_test(tc, test_extension_refused_once_the_period_has_run_out);
    tcase_add_test(tc, test_court_extension_needs_the_pu_extension_first);
    tcase_add_test(tc, test_court_extension_refused_below_nine_years);
    tcase_add_test(tc, test_court_extends_twice_by_30_for_people_smuggling);
    tcase_add_test(tc, test_a_third_court_extension_is_refused_saying_pasal_29s_two_are_used_up);
    tcase_add_test(tc, test_court_extension_for_severe_illness_below_nine_years);
    tcase_add_test(tc, test_court_extension_count_is_data);
    tcase_add_test(tc, test_detention_refused_for_a_non_detainable_offence);
    tcase_add_test(tc, test_detention_under_uu_20_2025_needs_the_polri_order);
    tcase_add_test(tc, test_suspension_keeps_the_days_left_for_a_resumption);
    tcase_add_test(tc, test_no_resumption_when_suspended_on_the_last_day);
    tcase_add_test(tc, test_change_of_type_keeps_the_period);
    tcase_add_test(tc, test_release_ends_detention_and_a_second_counts_the_days_served);
    tcase_add_test(tc, test_detained_again_for_no_more_than_the_days_left);
    tcase_add_test(tc, test_no_redetention_where_the_rule_set_says_released_is_released);
    tcase_add_test(tc, test_acts_the_state_does_not_accept_are_refused_with_the_alternatives);
    tcase_add_test(tc, test_detensi_never_counts_as_penahanan);
    tcase_add_test(tc, test_detensi_cannot_start_during_detention);
    tcase_add_test(tc, test_non_detention_events_are_invalid_here);
    tcase_add_test(tc, test_state_and_type_codes);
    suite_add_tcase(s, tc);
    return s;
}
