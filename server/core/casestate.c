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

void casestate_step(struct case_state *st, const struct case_event *e, const struct tzone *z,
                    const struct ruleset *sets, int nsets)
{
    st->nevents++;
    /* the last act of a log has no correction after it: it stands as recorded */
    if (e->event != EV_CORRECTED)
        apply_effective(st, e, z, sets, nsets);
}

void casestate_fold(const struct case_event *ev, int n, const struct tzone *z,
                    const struct ruleset *sets, int nsets, struct case_state *st)
{
    casestate_init(st);
    struct case_event e;
    for (int i = 0; i < n; i++)
        if (evlog_effective(ev, n, i, &e))
            apply_effective(st, &e, z, sets, nsets);
    st->nevents = n;
}
