/*
 * test_answer.c - what can answer a P-19 item (KUHAP 110(3), 138(2)): an
 * act of the investigation that completes the file (an examination, an
 * oath, a search, a seizure, evidence kept, the Resume), not withdrawn,
 * done on or after the return that carries the item.  Written from the law
 * (DOMAIN 4.6-4.12, 7.4), not read from answer.c's table.
 */
#include <check.h>

#include "core/answer.h"
#include "helpers.h"
#include "suites.h"

START_TEST(test_acts_of_the_investigation_answer_and_the_opening_does_not)
{
    const enum event yes[] = {EV_BAP_RECORDED,  EV_INTERPRETER_SWORN,     EV_SEARCH_DONE,
                              EV_SEIZURE_DONE,  EV_COURT_PERMIT_RECEIVED, EV_EVIDENCE_DEPOSITED,
                              EV_RESUME_WRITTEN};
    const enum event no[] = {EV_REPORT_REGISTERED,
                             EV_SPRINDIK_ISSUED,
                             EV_SPDP_SENT,
                             EV_SUSPECT_DESIGNATED,
                             EV_LETTER_DELIVERED,
                             EV_SUMMONS_SERVED,
                             EV_ARRESTED,
                             EV_DETAINED,
                             EV_TAHAP1_SENT,
                             EV_P19_RECEIVED,
                             EV_INSTRUCTION_ANSWERED,
                             EV_RESUBMITTED,
                             EV_REVIEW_NOTE,
                             EV_DIRECTION_DONE,
                             EV_CORRECTED};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        ck_assert_msg(answer_kind(yes[i]), "%s", event_code(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        ck_assert_msg(!answer_kind(no[i]), "%s", event_code(no[i]));
}
END_TEST

/* The P-19 of 15 June 2026 (index 1) after the Sprindik (index 0). */
START_TEST(test_an_answer_is_dated_on_or_after_the_return)
{
    const struct tzone *z = zone_of("Asia/Jakarta");
    struct case_event ev[6] = {
        ev_on(EV_SPRINDIK_ISSUED, "2026-06-02"), ev_on(EV_P19_RECEIVED, "2026-06-15"),
        ev_on(EV_BAP_RECORDED, "2026-06-14"),    ev_on(EV_BAP_RECORDED, "2026-06-15"),
        ev_on(EV_SEIZURE_DONE, "2026-06-16"),
    };
    ck_assert_int_eq(answer_check(ev, 5, 0, 1, z), ANSWER_KIND);
    ck_assert_int_eq(answer_check(ev, 5, 2, 1, z), ANSWER_BEFORE);
    ck_assert_int_eq(answer_check(ev, 5, 3, 1, z), ANSWER_OK); /* the return's day */
    ck_assert_int_eq(answer_check(ev, 5, 4, 1, z), ANSWER_OK);
    ck_assert_int_eq(answer_check(ev, 5, 2, -1, z), ANSWER_OK); /* no return known */
    ck_assert_int_eq(answer_check(ev, 5, 9, 1, z), ANSWER_NOT_AN_ACT);
    /* by the hour when both carry one: 09:00 is before a return at 14:00 that day */
    ev[1] = ev_on(EV_P19_RECEIVED, "2026-06-15T14:00:00+07:00");
    ev[3] = ev_on(EV_BAP_RECORDED, "2026-06-15T09:00:00+07:00");
    ck_assert_int_eq(answer_check(ev, 5, 3, 1, z), ANSWER_BEFORE);
    ev[3] = ev_on(EV_BAP_RECORDED, "2026-06-15T15:00:00+07:00");
    ck_assert_int_eq(answer_check(ev, 5, 3, 1, z), ANSWER_OK);
    /* withdrawn: nothing was done; moved by a correction to a day before: before */
    ev[5] = ev_on(EV_CORRECTED, "2026-06-17");
    ev[5].ref = 4;
    ev[5].withdraws = true;
    ck_assert_int_eq(answer_check(ev, 6, 4, 1, z), ANSWER_WITHDRAWN);
    ck_assert_int_eq(answer_check(ev, 6, 5, 1, z), ANSWER_NOT_AN_ACT);
    ev[5] = ev_on(EV_CORRECTED, "2026-06-10");
    ev[5].ref = 4;
    ck_assert_int_eq(answer_check(ev, 6, 4, 1, z), ANSWER_BEFORE);
}
END_TEST

Suite *suite_answer(void)
{
    Suite *s = suite_create("answer");
    TCase *tc = tcase_create("answer");
    tcase_add_test(tc, test_acts_of_the_investigation_answer_and_the_opening_does_not);
    tcase_add_test(tc, test_an_answer_is_dated_on_or_after_the_return);
    suite_add_tcase(s, tc);
    return s;
}
