/* casestate.c - see casestate.h. */
#include "casestate.h"

#include <string.h>

#include "fsm.h"

void casestate_init(struct case_state *st)
{
    memset(st, 0, sizeof *st);
    st->replays = true;
    st->stage = ST_PRE_INVESTIGATION;
    evlog_fold_init(&st->facts);
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++)
        detention_init(&st->det[s]);
    st->loads = true;
    order_init(&st->order);
    clock_fold_init(&st->clocks);
}

/* One effective event: the stage (as evlog_stage, which stops at the first
 * event it does not accept), the facts, and the suspect's detention (as the
 * write path replayed it: no guards, a refused act leaves the state). */
static void apply_effective(struct case_state *st, const struct case_event *e,
                            const struct tzone *z, const struct ruleset *sets, int nsets)
{
    enum stage to;
    if (st->replays) {
        if (fsm_accepts(st->stage, e->event, &to))
            st->stage = to;
        else
            st->replays = false;
    }
    evlog_fold_step(&st->facts, e, z);
    if (event_is_detention(e->event) && e->suspect >= 0 && e->suspect < EVLOG_MAX_SUSPECTS) {
        const struct ruleset *rs = ruleset_for_date(sets, nsets, evlog_date(e, z));
        struct detention_act act = {
            .event = e->event, .at = evlog_instant(e, z), .type = e->det_type, .days = e->days};
        if (rs)
            detention_apply(&st->det[e->suspect], &act, rs, z, NULL, &st->det[e->suspect], NULL);
    }
}

void casestate_free(struct case_state *st)
{
    clock_fold_free(&st->clocks);
    casestate_init(st);
}

bool casestate_step(struct case_state *st, const struct clock_input *in, struct order_fault *fault,
                    struct berr *err)
{
    struct order_fault none;
    if (!fault)
        fault = &none;
    fault->act = -1;
    int i = in->nevents - 1;
    const struct case_event *e = &in->events[i];
    if (i < 0 || !st->loads || e->event == EV_CORRECTED || st->nevents != i)
        return berr_set(err, BERR_INTERNAL, "the state cannot be stepped by this act");
    if (!evlog_check_last(in->events, in->nevents, err))
        return false;
    if (!order_step(&st->order, in->events, in->nevents, i, in->zone, fault)) {
        char msg[400];
        order_fault_message(fault, in->zone, msg, sizeof msg);
        return berr_field(err, BERR_UNPROCESSABLE, "date", "event %d: %s", fault->act, msg);
    }
    fault->act = -1;
    /* the last act of a log has no correction after it: it stands as recorded */
    if (!clock_fold_step(&st->clocks, in, i, e, err))
        return false;
    st->nevents++;
    apply_effective(st, e, in->zone, in->rulesets, in->nrulesets);
    return true;
}

bool casestate_fold(const struct clock_input *in, struct case_state *st)
{
    casestate_init(st);
    const struct case_event *ev = in->events;
    int n = in->nevents;
    struct berr err = {0};
    st->loads = in->zone && in->rulesets && in->nrulesets > 0 && evlog_check(ev, n, &err);
    struct case_event e;
    for (int i = 0; i < n; i++) {
        if (!evlog_effective(ev, n, i, &e))
            continue;
        if (st->loads && (!order_step(&st->order, ev, n, i, in->zone, NULL) ||
                          !clock_fold_step(&st->clocks, in, i, &e, &err)))
            st->loads = false;
        apply_effective(st, &e, in->zone, in->rulesets, in->nrulesets);
    }
    st->nevents = n;
    if (!st->loads) {
        /* a log that does not load keeps no fold of its order nor of its clocks */
        clock_fold_free(&st->clocks);
        clock_fold_init(&st->clocks);
        order_init(&st->order);
    }
    return st->loads;
}

bool casestate_equal(const struct case_state *a, const struct case_state *b)
{
    if (a->nevents != b->nevents || a->replays != b->replays || a->stage != b->stage ||
        a->loads != b->loads)
        return false;
    struct case_facts fa, fb;
    memset(&fa, 0, sizeof fa);
    memset(&fb, 0, sizeof fb);
    evlog_fold_facts(&a->facts, &fa);
    evlog_fold_facts(&b->facts, &fb);
    if (memcmp(&fa, &fb, sizeof fa) != 0)
        return false;
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++)
        if (a->facts.designated[s] != b->facts.designated[s] ||
            a->facts.bap[s] != b->facts.bap[s] || !detention_equal(&a->det[s], &b->det[s]))
            return false;
    return order_equal(&a->order, &b->order) && clock_fold_equal(&a->clocks, &b->clocks);
}
