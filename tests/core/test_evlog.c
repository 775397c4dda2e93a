/* test_evlog.c - the log's shape, corrections (replace, withdraw, chain), the
 * stage replayed from the log, and the facts the guards read. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/casestate.h"
#include "core/clock.h"
#include "core/evlog.h"
#include "core/fsm.h"
#include "helpers.h"
#include "suites.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct case_event correction(int ref, const char *s)
{
    struct case_event e = ev_on(EV_CORRECTED, s);
    e.ref = ref;
    return e;
}

START_TEST(test_a_well_formed_log_passes_the_check)
{
    struct case_event log[] = {
        ev_on(EV_REPORT_REGISTERED, "2025-03-01"),
        ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-03", 0),
        ev_suspect(EV_ARRESTED, "2025-03-03T10:00:00+07:00", 0),
        correction(3, "2025-03-03T09:00:00+07:00"),
    };
    log[4].suspect = 0;
    struct berr err = {0};
    ck_assert_msg(evlog_check(log, N(log), &err), "%s", err.message);
    ck_assert(evlog_check(NULL, 0, &err));
}
END_TEST

START_TEST(test_malformed_logs_are_refused_naming_the_field)
{
    struct berr err;
    struct case_event e = ev_on(EV_ARRESTED, "2025-03-03"); /* no suspect */
    ck_assert(!evlog_check(&e, 1, &err));
    ck_assert_str_eq(err.field, "suspect");

    e = ev_on(EV_BAP_RECORDED, "2025-03-03");
    e.bap = BAP_TERSANGKA;
    ck_assert(!evlog_check(&e, 1, &err));
    ck_assert_str_eq(err.field, "suspect");
    e.bap = BAP_SAKSI;
    ck_assert(evlog_check(&e, 1, &err));

    e = ev_on(EV_SPDP_SENT, "2025-03-03");
    e.date.d = 32;
    ck_assert(!evlog_check(&e, 1, &err));
    ck_assert_str_eq(err.field, "date");

    e = ev_on(EV_SPDP_SENT, "2025-03-03");
    e.event = EV__COUNT;
    ck_assert(!evlog_check(&e, 1, &err));
    ck_assert_str_eq(err.field, "event");

    e = ev_on(EV_P19_RECEIVED, "2025-03-03");
    e.items = -1;
    ck_assert(!evlog_check(&e, 1, &err));

    e = ev_on(EV_DIRECTION_GIVEN, "2025-03-03"); /* no due date */
    ck_assert(!evlog_check(&e, 1, &err));
    ck_assert_str_eq(err.field, "due");

    e = ev_suspect(EV_ARRESTED, "2025-03-03", EVLOG_MAX_SUSPECTS);
    ck_assert(!evlog_check(&e, 1, &err));
}
END_TEST

START_TEST(test_references_must_point_backwards)
{
    struct berr err;
    struct case_event log[2] = {ev_on(EV_SPDP_SENT, "2025-03-03"), correction(1, "2025-03-04")};
    ck_assert(!evlog_check(log, 2, &err));
    ck_assert_str_eq(err.field, "ref");
    log[1].ref = -1;
    ck_assert(!evlog_check(log, 2, &err));
    log[1] = ev_on(EV_DIRECTION_DONE, "2025-03-04");
    log[1].ref = 0; /* not a direction */
    ck_assert(!evlog_check(log, 2, &err));
    ck_assert_str_eq(err.field, "ref");
}
END_TEST

START_TEST(test_the_last_correction_wins_and_chains_to_the_original)
{
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2025-03-01"), correction(0, "2025-03-03"),
        correction(1, "2025-03-05"), /* corrects the correction: still the Sprindik */
    };
    struct case_event e;
    ck_assert(evlog_effective(log, N(log), 0, &e));
    ck_assert_int_eq(e.event, EV_SPRINDIK_ISSUED);
    ck_assert(caldate_cmp(e.date, day_of("2025-03-05")) == 0);
    ck_assert(!evlog_effective(log, N(log), 1, &e));
    ck_assert(!evlog_effective(log, N(log), 2, &e));
    ck_assert(evlog_effective(log, 1, 0, &e)); /* as the log stood then */
    ck_assert(caldate_cmp(e.date, day_of("2025-03-01")) == 0);
}
END_TEST

/* A correction that a later one supersedes has no effect (the last wins), so
 * its details cannot make the log unreadable: a proper correction repairs a
 * log that a bad one (issue 9: no suspect on a per-suspect act) broke. */
START_TEST(test_a_later_correction_repairs_a_bad_one)
{
    struct case_event log[] = {
        ev_on(EV_REPORT_REGISTERED, "2025-03-01"),
        ev_suspect(EV_DETENSI_STARTED, "2025-03-03T10:00:00+07:00", 0),
        correction(1, "2025-03-03T09:00:00+07:00"), /* no suspect: bad */
        correction(1, "2025-03-03T08:00:00+07:00"),
    };
    struct berr err = {0};
    ck_assert(!evlog_check(log, 3, &err));
    ck_assert_str_eq(err.field, "suspect");
    log[3].suspect = 0;
    ck_assert_msg(evlog_check(log, 4, &err), "%s", err.message);
    /* a correction of the bad correction corrects the original: it repairs too */
    log[3] = correction(2, "2025-03-03T08:00:00+07:00");
    log[3].suspect = 0;
    ck_assert_msg(evlog_check(log, 4, &err), "%s", err.message);
    /* and the one validation every reader runs agrees */
    struct ruleset rs[RULESET_BUILTIN_COUNT];
    int nrs = RULESET_BUILTIN_COUNT;
    for (int i = 0; i < nrs; i++)
        rs[i] = *ruleset_builtin(i);
    struct clock_input in = {.events = log,
                             .nevents = 4,
                             .zone = caldate_zone("Asia/Jakarta"),
                             .rulesets = rs,
                             .nrulesets = nrs,
                             .now = log[1].at + 86400};
    ck_assert_msg(clock_log_loads(&in, &err), "%s", err.message);
    in.nevents = 3;
    ck_assert(!clock_log_loads(&in, &err));
}
END_TEST

START_TEST(test_a_withdrawn_event_is_no_act)
{
    struct case_event log[] = {ev_on(EV_SPDP_SENT, "2025-03-01"), correction(0, "2025-03-02")};
    log[1].withdraws = true;
    struct case_event e;
    ck_assert(!evlog_effective(log, N(log), 0, &e));
    struct berr err;
    ck_assert(evlog_check(log, N(log), &err));
}
END_TEST

START_TEST(test_the_stage_replays_from_the_log)
{
    struct case_event log[] = {
        ev_on(EV_REPORT_REGISTERED, "2025-03-01"), ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"),
        ev_on(EV_SPDP_SENT, "2025-03-03"),         ev_on(EV_TAHAP1_SENT, "2025-04-01"),
        ev_on(EV_P19_RECEIVED, "2025-04-10"),      ev_on(EV_RESUBMITTED, "2025-04-20"),
        ev_on(EV_P21_RECEIVED, "2025-04-25"),
    };
    enum stage st;
    struct berr err;
    ck_assert(evlog_stage(log, N(log), &st, &err));
    ck_assert_int_eq(st, ST_COMPLETE);
    ck_assert(evlog_stage(log, 0, &st, &err));
    ck_assert_int_eq(st, ST_PRE_INVESTIGATION);
}
END_TEST

START_TEST(test_withdrawing_a_move_breaks_the_replay)
{
    struct case_event log[] = {
        ev_on(EV_REPORT_REGISTERED, "2025-03-01"),
        ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"),
        ev_on(EV_TAHAP1_SENT, "2025-04-01"),
        ev_on(EV_P19_RECEIVED, "2025-04-10"),
        correction(2, "2025-04-11"),
    };
    log[4].withdraws = true;
    enum stage st = ST_DISMISSED;
    struct berr err = {0};
    ck_assert(!evlog_stage(log, N(log), &st, &err));
    ck_assert_int_eq(err.kind, BERR_CONFLICT);
    ck_assert_ptr_nonnull(strstr(err.message, "p19_received"));
    ck_assert_int_eq(st, ST_DISMISSED);
}
END_TEST

START_TEST(test_facts_count_suspects_and_their_baps)
{
    struct case_event log[] = {
        ev_on(EV_REPORT_REGISTERED, "2025-03-01"),
        ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"),
        ev_on(EV_SPDP_SENT, "2025-03-03"),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-04", 0),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-04", 5),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-05", 5), /* twice: one suspect */
        ev_suspect(EV_BAP_RECORDED, "2025-03-06", 5),
        ev_on(EV_RESUME_WRITTEN, "2025-03-20"),
    };
    log[6].bap = BAP_TERSANGKA;
    struct case_facts f;
    memset(&f, 0, sizeof f);
    evlog_facts(log, N(log), zone_of("Asia/Jakarta"), &f);
    ck_assert(f.report_registered);
    ck_assert(f.spdp_sent);
    ck_assert_int_eq(f.suspects, 2);
    ck_assert_int_eq(f.suspects_without_bap, 1);
    ck_assert(f.resume_written);
    /* and the guard agrees */
    struct missing m = {0};
    ck_assert(!guard_file_complete(&f, &m));
    ck_assert_int_eq(m.n, 1);
    ck_assert_int_eq(m.list[0], FACT_BAP_TERSANGKA);
}
END_TEST

START_TEST(test_a_new_sprindik_needs_a_new_spdp_bap_and_resume)
{
    /* JAM Pidum B-1310/E/EJP/05/2022: after the lapse, a new Sprindik, a new
     * SPDP, and the berita acara redone. */
    struct case_event log[] = {
        ev_on(EV_SPRINDIK_ISSUED, "2025-03-02"),
        ev_on(EV_SPDP_SENT, "2025-03-03"),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2025-03-04", 0),
        ev_suspect(EV_BAP_RECORDED, "2025-03-06", 0),
        ev_on(EV_RESUME_WRITTEN, "2025-03-20"),
        ev_on(EV_P21_RECEIVED, "2025-04-01"),
        ev_on(EV_LAPSED, "2025-06-01"),
        ev_on(EV_SPRINDIK_ISSUED, "2025-06-10"),
    };
    log[3].bap = BAP_TERSANGKA;
    struct case_facts f;
    memset(&f, 0, sizeof f);
    evlog_facts(log, N(log), zone_of("Asia/Jakarta"), &f);
    ck_assert(!f.spdp_sent);
    ck_assert(!f.resume_written);
    ck_assert(!f.p21);
    ck_assert_int_eq(f.suspects, 1);
    ck_assert_int_eq(f.suspects_without_bap, 1);
}
END_TEST

START_TEST(test_open_instructions_and_the_current_receipt)
{
    struct case_event log[] = {
        ev_on(EV_TAHAP1_SENT, "2025-04-01"),
        ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-04-01T16:30:00Z"), /* 2 April in WITA */
        ev_on(EV_P19_RECEIVED, "2025-04-10"),
        ev_on(EV_INSTRUCTION_ANSWERED, "2025-04-12"),
    };
    log[2].items = 3;
    struct case_facts f;
    memset(&f, 0, sizeof f);
    evlog_facts(log, 2, zone_of("Asia/Makassar"), &f);
    ck_assert(f.tahap1_received);
    ck_assert(caldate_cmp(f.tahap1_received_on, day_of("2025-04-02")) == 0);
    evlog_facts(log, N(log), zone_of("Asia/Makassar"), &f);
    ck_assert_int_eq(f.instructions_open, 2);
    struct case_event more[6];
    memcpy(more, log, sizeof log);
    more[4] = ev_on(EV_INSTRUCTION_ANSWERED, "2025-04-13");
    more[5] = ev_on(EV_RESUBMITTED, "2025-04-14");
    evlog_facts(more, 6, zone_of("Asia/Makassar"), &f);
    ck_assert_int_eq(f.instructions_open, 1);
    ck_assert(!f.tahap1_received); /* the resubmitted file is not received yet */
}
END_TEST

START_TEST(test_a_correction_moves_the_receipt_date)
{
    struct case_event log[] = {
        ev_on(EV_TAHAP1_SENT, "2025-04-01"),
        ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2025-04-01"),
        correction(1, "2025-04-03"),
    };
    struct case_facts f;
    memset(&f, 0, sizeof f);
    evlog_facts(log, N(log), zone_of("Asia/Jakarta"), &f);
    ck_assert(caldate_cmp(f.tahap1_received_on, day_of("2025-04-03")) == 0);
}
END_TEST

/* evlog_effective() on a noted log (evlog_index) answers as the scan does,
 * for every act of random logs with chains of corrections and withdrawals;
 * a copy or a longer log is not believed until noted again. */
START_TEST(test_the_noted_log_answers_as_the_scanned_one)
{
    enum { LEN = 60 };
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        struct case_event log[LEN + 1], scanned[LEN + 1];
        int n = 1 + (int)(seed % LEN);
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            if (i > 0 && seed % 3 == 0) {
                log[i] = correction((int)((seed >> 8) % (unsigned)i), "2025-03-05");
                log[i].withdraws = (seed >> 4) % 5 == 0;
                log[i].days = i;
            } else {
                log[i] = ev_on(EV_LETTER_DELIVERED, "2025-03-04");
            }
        }
        memcpy(scanned, log, sizeof log);
        evlog_index(log, n);
        for (int i = 0; i < n; i++) {
            struct case_event a, b;
            bool ka = evlog_effective(log, n, i, &a), kb = evlog_effective(scanned, n, i, &b);
            ck_assert_int_eq(ka, kb);
            if (ka)
                ck_assert_int_eq(a.days, b.days);
        }
        /* one more act: the notes are for n events, not n + 1 */
        log[n] = correction(0, "2025-03-06");
        log[n].days = 999;
        scanned[n] = log[n];
        struct case_event a, b;
        bool ka = evlog_effective(log, n + 1, 0, &a), kb = evlog_effective(scanned, n + 1, 0, &b);
        ck_assert_int_eq(ka, kb);
        if (ka)
            ck_assert_int_eq(a.days, 999);
        /* a copy of the noted log elsewhere, then changed: its notes are not believed */
        struct case_event copy[LEN + 1], plain[LEN + 1];
        memcpy(copy, log, sizeof log);
        if (n >= 2) {
            copy[1] = correction(0, "2025-03-07");
            copy[1].days = 7;
            memcpy(plain, copy, sizeof copy);
            for (int i = 0; i < n; i++)
                plain[i].fix_n = 0; /* never noted: scanned */
            ka = evlog_effective(copy, n, 0, &a);
            kb = evlog_effective(plain, n, 0, &b);
            ck_assert_int_eq(ka, kb);
            if (ka)
                ck_assert_int_eq(a.days, b.days);
        }
        seed = seed * 1103515245u + 12345u;
    }
}
END_TEST

/* Two states agree on what the write path reads of them. */
static void same_state(const struct case_state *a, const struct case_state *b, int at)
{
    ck_assert_msg(a->nevents == b->nevents && a->replays == b->replays && a->stage == b->stage,
                  "after event %d: %d/%d events, stage %s/%s", at, a->nevents, b->nevents,
                  stage_code(a->stage), stage_code(b->stage));
    struct case_facts fa, fb;
    memset(&fa, 0, sizeof fa);
    memset(&fb, 0, sizeof fb);
    evlog_fold_facts(&a->facts, &fa);
    evlog_fold_facts(&b->facts, &fb);
    ck_assert_msg(memcmp(&fa, &fb, sizeof fa) == 0, "facts differ after event %d", at);
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++) {
        const struct detention *x = &a->det[s], *y = &b->det[s];
        ck_assert_msg(x->state == y->state && x->period == y->period &&
                          x->arrest_ends_at == y->arrest_ends_at &&
                          x->days_granted == y->days_granted && x->day_end_at == y->day_end_at &&
                          x->strict_end_at == y->strict_end_at &&
                          x->ever_detained == y->ever_detained,
                      "suspect %d's detention differs after event %d", s, at);
    }
}

/* The snapshot's invariant (casestate.h, issue 12.2): one step of an act
 * appended to the fold of a log is the fold of the longer log, so a write
 * applies its one act instead of replaying the log. */
START_TEST(test_one_step_is_the_fold_of_the_longer_log)
{
    struct ruleset sets[RULESET_BUILTIN_COUNT];
    builtin_sets(sets);
    struct case_event p19 = ev_on(EV_P19_RECEIVED, "2026-03-20");
    p19.items = 2;
    struct case_event bap = ev_suspect(EV_BAP_RECORDED, "2026-03-05", 1);
    bap.bap = BAP_TERSANGKA;
    struct case_event log[] = {
        ev_on(EV_REPORT_REGISTERED, "2026-03-01"),
        ev_on(EV_SPRINDIK_ISSUED, "2026-03-02"),
        ev_suspect(EV_SUSPECT_DESIGNATED, "2026-03-02", 1),
        ev_suspect(EV_ARRESTED, "2026-03-02T08:00:00+07:00", 1),
        ev_suspect(EV_DETAINED, "2026-03-02T20:00:00+07:00", 1),
        ev_on(EV_SPDP_SENT, "2026-03-03"),
        bap,
        ev_on(EV_RESUME_WRITTEN, "2026-03-06"),
        ev_suspect(EV_DETENTION_EXTENDED_PU, "2026-03-20", 1),
        ev_on(EV_TAHAP1_SENT, "2026-03-07"),
        ev_on(EV_TAHAP1_RECEIVED_BY_PU, "2026-03-08"),
        p19,
        ev_on(EV_INSTRUCTION_ANSWERED, "2026-03-21"),
        ev_suspect(EV_RELEASED, "2026-03-22", 1),
    };
    int n = (int)(sizeof log / sizeof log[0]);
    const struct tzone *z = zone_of("Asia/Jakarta");
    struct case_state *stepped = malloc(sizeof *stepped), *folded = malloc(sizeof *folded);
    ck_assert_ptr_nonnull(stepped);
    ck_assert_ptr_nonnull(folded);
    casestate_init(stepped);
    for (int i = 0; i < n; i++) {
        struct clock_input in = {.events = log,
                                 .nevents = i + 1,
                                 .zone = z,
                                 .rulesets = sets,
                                 .nrulesets = RULESET_BUILTIN_COUNT};
        struct berr err = {0};
        ck_assert_msg(casestate_step(stepped, &in, NULL, &err), "event %d: %s", i, err.message);
        ck_assert(casestate_fold(&in, folded));
        same_state(stepped, folded, i);
        ck_assert_msg(casestate_equal(stepped, folded), "states differ after event %d", i);
        casestate_free(folded);
    }
    ck_assert(stepped->replays);
    ck_assert_int_eq(stepped->stage, ST_RETURNED);
    ck_assert_int_eq(stepped->det[1].state, DET_RELEASED);
    casestate_free(stepped);
    free(stepped);
    free(folded);
}
END_TEST

Suite *suite_evlog(void)
{
    Suite *s = suite_create("evlog");
    TCase *tc = tcase_create("evlog");
    tcase_add_test(tc, test_a_well_formed_log_passes_the_check);
    tcase_add_test(tc, test_malformed_logs_are_refused_naming_the_field);
    tcase_add_test(tc, test_references_must_point_backwards);
    tcase_add_test(tc, test_the_last_correction_wins_and_chains_to_the_original);
    tcase_add_test(tc, test_a_later_correction_repairs_a_bad_one);
    tcase_add_test(tc, test_a_withdrawn_event_is_no_act);
    tcase_add_test(tc, test_the_stage_replays_from_the_log);
    tcase_add_test(tc, test_withdrawing_a_move_breaks_the_replay);
    tcase_add_test(tc, test_facts_count_suspects_and_their_baps);
    tcase_add_test(tc, test_a_new_sprindik_needs_a_new_spdp_bap_and_resume);
    tcase_add_test(tc, test_open_instructions_and_the_current_receipt);
    tcase_add_test(tc, test_a_correction_moves_the_receipt_date);
    tcase_add_test(tc, test_the_noted_log_answers_as_the_scanned_one);
    tcase_add_test(tc, test_one_step_is_the_fold_of_the_longer_log);
    suite_add_tcase(s, tc);
    return s;
}
