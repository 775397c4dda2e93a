/*
 * test_fold.c - the write path's one-act step agrees with the readers' whole-log fold
 * (issue 12.2): for random logs, at every prefix, the case's state stepped by the last act
 * (casestate_step: its shape, the date order, the clocks' fold) refuses exactly the acts the
 * whole log's check refuses (clock_log_loads, order_check naming the same pair), and when it
 * accepts, its clocks are clock_compute's clock for clock and its state is the fresh fold's.
 * Corrections are folded again from the log, as the write path does.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/casestate.h"
#include "core/clock.h"
#include "core/evlog.h"
#include "core/order.h"
#include "helpers.h"
#include "suites.h"

#define LOG_MAX 160
#define SEEDS   60

static unsigned next(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 8) & 0xffffffu;
}

/* A random act (not a correction) at about `cursor`, on one of four suspects; a
 * direction_done points at an earlier direction_given when there is one, NULL when the
 * drawn act cannot be made. */
static bool random_act(unsigned *seed, const struct case_event *log, int n, struct caldate cursor,
                       struct case_event *out)
{
    enum event ev = (enum event)(next(seed) % EV__COUNT);
    if (ev == EV_CORRECTED)
        ev = EV_LETTER_DELIVERED;
    struct caldate d = caldate_add(cursor, (int)(next(seed) % 7) - 2);
    struct case_event e = evlog_event(ev, d);
    if (next(seed) % 3 == 0) {
        e.has_time = true;
        e.at = caldate_day_start(d, zone_of("Asia/Jakarta")) + (int64_t)(next(seed) % 86400);
    }
    int sx = (int)(next(seed) % 4);
    if (event_info(ev)->per_suspect)
        e.suspect = sx;
    switch (ev) {
    case EV_BAP_RECORDED:
        e.bap = (enum bap_kind)(1 + next(seed) % 4);
        if (e.bap == BAP_TERSANGKA)
            e.suspect = sx;
        break;
    case EV_LETTER_DELIVERED:
        e.notice = (enum notice_kind)(next(seed) % NOTICE__COUNT);
        if (notice_per_suspect(e.notice))
            e.suspect = sx;
        break;
    case EV_DETAINED:
    case EV_DETENTION_TYPE_CHANGED:
        e.det_type = (enum det_type)(next(seed) % DETT__COUNT);
        break;
    case EV_DETENTION_EXTENDED_PU:
    case EV_DETENTION_EXTENDED_COURT:
        e.days = (int)(next(seed) % 45);
        break;
    case EV_P19_RECEIVED:
        e.items = (int)(next(seed) % 4);
        break;
    case EV_DIRECTION_GIVEN:
        e.due = caldate_add(d, (int)(next(seed) % 20));
        break;
    case EV_DIRECTION_DONE: {
        int given[LOG_MAX], k = 0;
        for (int i = 0; i < n; i++)
            if (log[i].event == EV_DIRECTION_GIVEN)
                given[k++] = i;
        if (k == 0)
            return false;
        e.ref = given[next(seed) % (unsigned)k];
        break;
    }
    default:
        break;
    }
    *out = e;
    return true;
}

/* A correction of a random earlier act: re-dated, sometimes a withdrawal. */
static struct case_event random_correction(unsigned *seed, const struct case_event *log, int n,
                                           struct caldate cursor)
{
    int target = (int)(next(seed) % (unsigned)n);
    struct case_event c = log[target];
    c.event = EV_CORRECTED;
    c.ref = target;
    c.date = caldate_add(cursor, -(int)(next(seed) % 5));
    c.has_time = false;
    c.withdraws = next(seed) % 4 == 0;
    return c;
}

static void same_clock(const struct clock *a, const struct clock *b, int at, int k)
{
    ck_assert_msg(a->kind == b->kind && a->suspect == b->suspect && a->source == b->source &&
                      strcmp(a->regime, b->regime) == 0 && a->to_verify == b->to_verify &&
                      a->period == b->period && caldate_cmp(a->start, b->start) == 0 &&
                      a->started_at == b->started_at &&
                      caldate_cmp(a->due_date, b->due_date) == 0 && a->due_at == b->due_at &&
                      a->strict_at == b->strict_at && a->nwarn == b->nwarn &&
                      a->running == b->running && a->stopped_by == b->stopped_by &&
                      a->stop_source == b->stop_source && a->stopped_at == b->stopped_at &&
                      a->days_left == b->days_left && a->seconds_left == b->seconds_left &&
                      a->state == b->state && strcmp(a->basis, b->basis) == 0,
                  "after event %d: clock %d (%s) differs", at, k, a->code);
    for (int w = 0; w < a->nwarn; w++)
        ck_assert(a->warn_at[w] == b->warn_at[w]);
}

/* The stepped state's clocks against clock_compute of the log. */
static void same_clocks(const struct case_state *st, const struct clock_input *in, int at)
{
    static struct clock stepped[512], whole[512];
    struct clock_set a = {.items = stepped, .cap = 512}, b = {.items = whole, .cap = 512};
    struct berr err = {0};
    ck_assert_int_le(clock_fold_room(&st->clocks), 512);
    clock_fold_emit(&st->clocks, in, &a);
    ck_assert_msg(clock_compute(in, &b, &err), "after event %d: %s", at, err.message);
    ck_assert_int_eq(a.total, b.total);
    ck_assert_int_eq(a.count, b.count);
    ck_assert_int_eq(a.skipped, b.skipped);
    for (int k = 0; k < a.count; k++)
        same_clock(&a.items[k], &b.items[k], at, k);
}

START_TEST(test_stepping_one_act_is_the_fold_of_the_longer_log)
{
    struct ruleset sets[RULESET_BUILTIN_COUNT];
    builtin_sets(sets);
    const struct tzone *z = zone_of("Asia/Jakarta");
    static struct case_event log[LOG_MAX + 1];
    struct case_state *st = calloc(1, sizeof *st), *fresh = calloc(1, sizeof *fresh);
    ck_assert_ptr_nonnull(st);
    ck_assert_ptr_nonnull(fresh);
    int accepted = 0, refused = 0, order_refusals = 0, corrections = 0, p17_moved = 0, told = 0;
    for (unsigned s = 1; s <= SEEDS; s++) {
        unsigned seed = s * 2654435761u;
        bool foreign[4];
        for (int k = 0; k < 4; k++)
            foreign[k] = next(&seed) % 3 == 0;
        struct clock_input in = {.events = log,
                                 .nevents = 0,
                                 .zone = z,
                                 .rulesets = sets,
                                 .nrulesets = RULESET_BUILTIN_COUNT,
                                 .now = instant_of("2026-02-20T12:00:00+07:00"),
                                 .foreign = foreign,
                                 .nforeign = 4};
        /* across the two regimes: KUHAP 1981 until 2026-01-01, UU 20/2025 from 2026-01-02 */
        struct caldate cursor = day_of("2025-12-10");
        int n = 0;
        casestate_init(st);
        for (int tries = 0; n < LOG_MAX && tries < 3 * LOG_MAX; tries++) {
            cursor = caldate_add(cursor, (int)(next(&seed) % 3));
            bool correct = n > 0 && next(&seed) % 12 == 0;
            if (correct)
                log[n] = random_correction(&seed, log, n, cursor);
            else if (!random_act(&seed, log, n, cursor, &log[n]))
                continue;
            in.nevents = n + 1;
            evlog_index_append(log, n + 1);
            struct berr err = {0};
            bool loads = clock_log_loads(&in, &err);
            if (correct || !st->loads) {
                /* the write path folds the log again */
                casestate_free(st);
                ck_assert_int_eq(casestate_fold(&in, st), loads);
                corrections += correct;
            } else {
                struct order_fault fault, whole;
                struct berr serr = {0};
                bool stepped = casestate_step(st, &in, &fault, &serr);
                ck_assert_msg(stepped == loads, "seed %u, event %d (%s): step %d, whole log %d: %s",
                              s, n, event_code(log[n].event), stepped, loads,
                              stepped ? err.message : serr.message);
                if (!stepped) {
                    /* the same refusal: an order fault names the same pair */
                    bool ordered = order_check(log, n + 1, z, &whole);
                    ck_assert_int_eq(fault.act >= 0, !ordered && evlog_check(log, n + 1, &err));
                    if (fault.act >= 0) {
                        ck_assert_int_eq(fault.act, whole.act);
                        ck_assert_int_eq(fault.dep, whole.dep);
                        ck_assert_str_eq(fault.basis, whole.basis);
                        order_refusals++;
                    }
                    /* the write is refused: the log stays as it was, so does its state */
                    casestate_free(st);
                    in.nevents = n;
                    evlog_index(log, n);
                    ck_assert(casestate_fold(&in, st)); /* the log before it loaded */
                    refused++;
                    continue;
                }
            }
            if (!loads) {
                /* a correction that leaves the log unreadable is refused too */
                casestate_free(st);
                in.nevents = n;
                evlog_index(log, n);
                (void)casestate_fold(&in, st);
                refused++;
                continue;
            }
            n++;
            accepted++;
            ck_assert(casestate_fold(&in, fresh));
            ck_assert_msg(casestate_equal(st, fresh), "seed %u: state differs after event %d (%s)",
                          s, n - 1, event_code(log[n - 1].event));
            casestate_free(fresh);
            same_clocks(st, &in, n - 1);
            /* the P-17 clock moved to the SPDP's receipt (its restart) */
            for (int x = 0; x < 4; x++)
                told += !st->clocks.suspects[x].notices[NOTICE_DESIGNATION].running &&
                        st->clocks.suspects[x].notices[NOTICE_DESIGNATION].used &&
                        log[n - 1].event == EV_LETTER_DELIVERED && log[n - 1].suspect == x &&
                        log[n - 1].notice == NOTICE_DESIGNATION;
            p17_moved +=
                st->clocks.cases[CLK_P17].moved && log[n - 1].event == EV_SPDP_RECEIVED_BY_PU;
        }
        casestate_free(st);
    }
    /* the logs went far and were refused for their dates too */
    ck_assert_int_gt(accepted, SEEDS * 40);
    ck_assert_int_gt(refused, 0);
    ck_assert_int_gt(order_refusals, 0);
    ck_assert_int_gt(corrections, 0);
    ck_assert_int_gt(told, 0);      /* designation notices started and delivered (UU 20/2025) */
    ck_assert_int_gt(p17_moved, 0); /* the logs moved a running P-17 clock (spdp_received_by_pu) */
    free(st);
    free(fresh);
}
END_TEST

/* The order checker stepped act by act answers as order_check of each prefix, faults
 * included, and a refused act leaves its state as it was. */
START_TEST(test_the_order_step_is_order_check_at_every_prefix)
{
    const struct tzone *z = zone_of("Asia/Jakarta");
    static struct case_event log[LOG_MAX];
    static struct order_state st, before;
    for (unsigned s = 1; s <= SEEDS; s++) {
        unsigned seed = s * 40503u + 7u;
        struct caldate cursor = day_of("2026-01-05");
        int n = 0;
        order_init(&st);
        for (int tries = 0; n < LOG_MAX && tries < 2 * LOG_MAX; tries++) {
            cursor = caldate_add(cursor, (int)(next(&seed) % 2));
            if (!random_act(&seed, log, n, cursor, &log[n]))
                continue;
            evlog_index(log, n + 1);
            struct order_fault a, b;
            before = st;
            bool stepped = order_step(&st, log, n + 1, n, z, &a);
            bool whole = order_check(log, n + 1, z, &b);
            ck_assert_int_eq(stepped, whole);
            if (!stepped) {
                ck_assert_int_eq(a.act, b.act);
                ck_assert_int_eq(a.dep, b.dep);
                ck_assert(order_equal(&st, &before));
                continue; /* refused: not appended */
            }
            n++;
        }
    }
}
END_TEST

/* A log noted act by act (evlog_index_append) answers as one noted whole, and an appended
 * correction is noted whole again. */
START_TEST(test_appending_keeps_the_notes)
{
    static struct case_event log[LOG_MAX], plain[LOG_MAX];
    unsigned seed = 99;
    struct caldate cursor = day_of("2026-01-05");
    int n = 0;
    while (n < LOG_MAX) {
        if (n > 0 && next(&seed) % 5 == 0)
            log[n] = random_correction(&seed, log, n, cursor);
        else if (!random_act(&seed, log, n, cursor, &log[n]))
            continue;
        n++;
        evlog_index_append(log, n);
        memcpy(plain, log, (size_t)n * sizeof *log);
        for (int i = 0; i < n; i++)
            plain[i].fix_n = 0; /* never noted: scanned */
        for (int i = 0; i < n; i++) {
            struct case_event a, b;
            bool ka = evlog_effective(log, n, i, &a), kb = evlog_effective(plain, n, i, &b);
            ck_assert_int_eq(ka, kb);
            if (ka)
                ck_assert(caldate_cmp(a.date, b.date) == 0 && a.suspect == b.suspect);
        }
    }
}
END_TEST

Suite *suite_fold(void)
{
    Suite *s = suite_create("fold");
    TCase *tc = tcase_create("fold");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_stepping_one_act_is_the_fold_of_the_longer_log);
    tcase_add_test(tc, test_the_order_step_is_order_check_at_every_prefix);
    tcase_add_test(tc, test_appending_keeps_the_notes);
    suite_add_tcase(s, tc);
    return s;
}
