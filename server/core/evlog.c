/* evlog.c - see evlog.h. */
#include "evlog.h"

#include <string.h>

#include "fsm.h"

/* 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z */
#define MIN_INSTANT (-62135596800LL)
#define MAX_INSTANT 253402300799LL

struct case_event evlog_event(enum event ev, struct caldate date)
{
    struct case_event e;
    memset(&e, 0, sizeof e);
    e.event = ev;
    e.date = date;
    e.suspect = -1;
    e.ref = -1;
    e.det_type = DETT_RUTAN;
    e.bap = BAP_NONE;
    /* the SPDP of KUHAP 109(1) is the prosecutor's; a copy to another names its recipient */
    if (ev == EV_SPDP_SENT)
        e.notice = NOTICE_SPDP_KEJARI;
    /* so is an SP3's notice with no addressee (its paper is the Kejari's) */
    if (ev == EV_SP3_NOTIFIED)
        e.sp3_to = SP3_TO_KEJARI;
    return e;
}

/* The original event a (chain of) correction(s) at i points to. */
static int root_of(const struct case_event *ev, int i)
{
    while (i >= 0 && ev[i].event == EV_CORRECTED)
        i = ev[i].ref;
    return i;
}

/* True when correction i has a later correction of the same act. */
static bool superseded(const struct case_event *ev, int n, int i)
{
    int root = root_of(ev, i);
    for (int j = i + 1; j < n; j++)
        if (ev[j].event == EV_CORRECTED && root_of(ev, j) == root)
            return true;
    return false;
}

static bool has_suspect(const struct case_event *e)
{
    return e->suspect >= 0 && e->suspect < EVLOG_MAX_SUSPECTS;
}

/* The checks on an event's details (its own, or a replacement's for root). */
static bool check_details(const struct case_event *e, enum event as, int i, struct berr *err)
{
    if (e->has_time ? e->at < MIN_INSTANT || e->at > MAX_INSTANT : !caldate_valid(e->date))
        return berr_field(err, BERR_BAD_INPUT, "date", "event %d: invalid legal date", i);
    if (e->items < 0 || e->days < 0)
        return berr_field(err, BERR_BAD_INPUT, "items", "event %d: negative count", i);
    if ((int)e->bap < BAP_NONE || e->bap > BAP_TAMBAHAN)
        return berr_field(err, BERR_BAD_INPUT, "bap", "event %d: unknown BAP kind", i);
    if ((int)e->det_type < 0 || e->det_type >= DETT__COUNT)
        return berr_field(err, BERR_BAD_INPUT, "det_type", "event %d: unknown detention type", i);
    bool needs_suspect =
        event_info(as)->per_suspect || (as == EV_BAP_RECORDED && e->bap == BAP_TERSANGKA);
    if (needs_suspect && !has_suspect(e))
        return berr_field(err, BERR_BAD_INPUT, "suspect", "event %d: %s needs a suspect index", i,
                          event_code(as));
    bool letter = as == EV_LETTER_DELIVERED || as == EV_NOTICE_UNDELIVERED;
    if (e->notice != NOTICE_NONE && as != EV_SPDP_SENT &&
        (!letter || (notice_per_suspect(e->notice) && !has_suspect(e))))
        return berr_field(err, BERR_BAD_INPUT, "suspect",
                          "event %d: a notice of arrest or detention names its suspect", i);
    if (as == EV_DIRECTION_GIVEN && !caldate_valid(e->due))
        return berr_field(err, BERR_BAD_INPUT, "due", "event %d: direction without a due date", i);
    return true;
}

bool evlog_check(const struct case_event *ev, int n, struct berr *err)
{
    if (n < 0 || (n > 0 && !ev))
        return berr_set(err, BERR_BAD_INPUT, "no event log");
    /* first the shape of every reference, so that following a chain of
     * corrections below always ends */
    for (int i = 0; i < n; i++) {
        const struct case_event *e = &ev[i];
        if (!event_valid(e->event))
            return berr_field(err, BERR_BAD_INPUT, "event", "event %d: unknown event", i);
        if (e->event == EV_CORRECTED || e->event == EV_DIRECTION_DONE) {
            if (e->ref < 0 || e->ref >= i)
                return berr_field(err, BERR_BAD_INPUT, "ref",
                                  "event %d: must point at an earlier event", i);
        }
        if ((e->event == EV_COURT_PERMIT_RECEIVED || e->event == EV_LETTER_DELIVERED) &&
            e->ref >= i)
            return berr_field(err, BERR_BAD_INPUT, "ref",
                              "event %d: an approval must point at an earlier act", i);
    }
    for (int i = 0; i < n; i++) {
        const struct case_event *e = &ev[i];
        if (e->event == EV_DIRECTION_DONE && root_of(ev, e->ref) >= 0 &&
            ev[root_of(ev, e->ref)].event != EV_DIRECTION_GIVEN)
            return berr_field(err, BERR_BAD_INPUT, "ref",
                              "event %d: direction_done must point at a direction_given", i);
        enum event as = e->event == EV_CORRECTED ? ev[root_of(ev, i)].event : e->event;
        /* A correction that a later one of the same act supersedes has no
         * effect on anything (evlog_effective takes the last): its details
         * are not checked, so that a proper correction repairs a log that a
         * bad one (from an older release) left unreadable. */
        if (e->event == EV_CORRECTED && superseded(ev, n, i))
            continue;
        if (e->event == EV_CORRECTED && e->withdraws) {
            if (e->has_time ? e->at < MIN_INSTANT || e->at > MAX_INSTANT : !caldate_valid(e->date))
                return berr_field(err, BERR_BAD_INPUT, "date", "event %d: invalid date", i);
            continue;
        }
        if (!check_details(e, as, i, err))
            return false;
    }
    return true;
}

bool evlog_check_last(const struct case_event *ev, int n, struct berr *err)
{
    if (n <= 0)
        return evlog_check(ev, n, err);
    int i = n - 1;
    const struct case_event *e = &ev[i];
    if (!event_valid(e->event))
        return berr_field(err, BERR_BAD_INPUT, "event", "event %d: unknown event", i);
    if ((e->event == EV_CORRECTED || e->event == EV_DIRECTION_DONE) && (e->ref < 0 || e->ref >= i))
        return berr_field(err, BERR_BAD_INPUT, "ref", "event %d: must point at an earlier event",
                          i);
    if ((e->event == EV_COURT_PERMIT_RECEIVED || e->event == EV_LETTER_DELIVERED) && e->ref >= i)
        return berr_field(err, BERR_BAD_INPUT, "ref",
                          "event %d: an approval must point at an earlier act", i);
    if (e->event == EV_DIRECTION_DONE && root_of(ev, e->ref) >= 0 &&
        ev[root_of(ev, e->ref)].event != EV_DIRECTION_GIVEN)
        return berr_field(err, BERR_BAD_INPUT, "ref",
                          "event %d: direction_done must point at a direction_given", i);
    enum event as = e->event == EV_CORRECTED ? ev[root_of(ev, i)].event : e->event;
    if (e->event == EV_CORRECTED && e->withdraws) {
        if (e->has_time ? e->at < MIN_INSTANT || e->at > MAX_INSTANT : !caldate_valid(e->date))
            return berr_field(err, BERR_BAD_INPUT, "date", "event %d: invalid date", i);
        return true;
    }
    return check_details(e, as, i, err);
}

/* What evlog_index() writes beside act i of a log of n events: its address
 * and n, so that a copy or a longer log is not mistaken for the one noted. */
static uintptr_t fix_tag(const struct case_event *e, int n)
{
    return ((uintptr_t)e ^ ((uintptr_t)(unsigned)n * (uintptr_t)0x9E3779B97F4A7C15ULL)) ^
           (uintptr_t)0x5bd1e995U;
}

void evlog_index(struct case_event *ev, int n)
{
    for (int i = 0; i < n; i++) {
        ev[i].fix = -1;
        ev[i].fix_n = 0; /* not believed until the whole log is noted */
    }
    for (int j = 0; j < n; j++) {
        if (ev[j].event != EV_CORRECTED)
            continue;
        int root = j, hops = 0;
        while (root >= 0 && ev[root].event == EV_CORRECTED) {
            int ref = ev[root].ref;
            if (ref >= root || ++hops > n)
                return; /* not a backward reference: left unnoted, scanned as before */
            root = ref;
        }
        if (root >= 0)
            ev[root].fix = j; /* ascending j: the last correction stays */
    }
    for (int i = 0; i < n; i++) {
        ev[i].fix_n = n;
        ev[i].fix_tag = fix_tag(&ev[i], n);
    }
}

/* Whether event i was noted at the length it says (fix_n). */
static bool noted(const struct case_event *ev, int i)
{
    return ev[i].fix_n > i && ev[i].fix_tag == fix_tag(&ev[i], ev[i].fix_n);
}

void evlog_index_append(struct case_event *ev, int n)
{
    if (n <= 0)
        return;
    if (ev[n - 1].event == EV_CORRECTED ||
        (n >= 2 && !(noted(ev, n - 2) && ev[n - 2].fix_n == n - 1))) {
        evlog_index(ev, n);
        return;
    }
    ev[n - 1].fix = -1;
    ev[n - 1].fix_n = n;
    ev[n - 1].fix_tag = fix_tag(&ev[n - 1], n);
}

bool evlog_effective(const struct case_event *ev, int n, int i, struct case_event *out)
{
    if (i < 0 || i >= n || ev[i].event == EV_CORRECTED)
        return false;
    int last = -1;
    /* the notes hold for this log when its last event was noted at this length (by
     * evlog_index, or evlog_index_append from a log noted so): then every note is */
    if (ev[n - 1].fix_n == n && noted(ev, n - 1) && ev[i].fix_n <= n && noted(ev, i))
        last = ev[i].fix;
    else
        for (int j = i + 1; j < n; j++)
            if (ev[j].event == EV_CORRECTED && root_of(ev, j) == i)
                last = j;
    *out = ev[i];
    if (last < 0)
        return true;
    const struct case_event *c = &ev[last];
    if (c->withdraws)
        return false;
    out->date = c->date;
    out->at = c->at;
    out->has_time = c->has_time;
    out->suspect = c->suspect;
    /* a P-19's items stay the original's: a correction re-dates the
     * letter, its instructions are rows of their own */
    out->days = c->days;
    out->det_type = c->det_type;
    out->bap = c->bap;
    out->due = c->due;
    out->late_return = c->late_return;
    out->unlawful = c->unlawful;
    out->urgent = c->urgent;
    out->notice = c->notice;
    out->sp3_to = c->sp3_to;
    return true;
}

bool evlog_spdp_to_pu(const struct case_event *e)
{
    return e->event == EV_SPDP_SENT && e->notice == NOTICE_SPDP_KEJARI;
}

bool evlog_interpreted(const struct case_event *ev, int n, int s, const struct tzone *z)
{
    struct case_event b, o;
    for (int i = 0; i < n; i++) {
        if (!evlog_effective(ev, n, i, &b) || b.event != EV_BAP_RECORDED ||
            b.bap != BAP_TERSANGKA || b.suspect != s)
            continue;
        bool sworn = false;
        for (int k = 0; k < n && !sworn; k++) {
            if (!evlog_effective(ev, n, k, &o) || o.event != EV_INTERPRETER_SWORN || o.suspect != s)
                continue;
            sworn = o.has_time && b.has_time
                        ? o.at <= b.at
                        : caldate_cmp(evlog_date(&o, z), evlog_date(&b, z)) <= 0;
        }
        if (!sworn)
            return false;
    }
    return true;
}

struct caldate evlog_date(const struct case_event *e, const struct tzone *z)
{
    return e->has_time ? caldate_local_date(e->at, z) : e->date;
}

int64_t evlog_instant(const struct case_event *e, const struct tzone *z)
{
    return e->has_time ? e->at : caldate_day_start(e->date, z);
}

bool evlog_stage(const struct case_event *ev, int n, enum stage *out, struct berr *err)
{
    enum stage st = ST_PRE_INVESTIGATION;
    struct case_event e;
    for (int i = 0; i < n; i++) {
        if (!evlog_effective(ev, n, i, &e))
            continue;
        enum stage to;
        if (!fsm_accepts(st, e.event, &to))
            return berr_set(err, BERR_CONFLICT, "event %d (%s) is not accepted in stage %s", i,
                            event_code(e.event), stage_code(st));
        st = to;
    }
    *out = st;
    return true;
}

void evlog_fold_init(struct evlog_fold *fo)
{
    memset(fo, 0, sizeof *fo);
}

/* A new Sprindik starts a new round: new SPDP, berita acara redone
 * (JAM Pidum B-1310/E/EJP/05/2022), new P-21. */
static void fold_new_round(struct evlog_fold *fo)
{
    struct case_facts *f = &fo->f;
    f->spdp_sent = false;
    f->resume_written = false;
    f->tahap1_received = false;
    f->p21 = false;
    f->returns = 0; /* a new file: its own P-19 (SE B-3326/2011) */
    /* ... and its own PU period (KUHAP 110(4)): the earlier file's late returns are not this
     * file's (they stay in the log) */
    f->returns_late = 0;
    f->returned = false;
    memset(fo->bap, 0, sizeof fo->bap);
}

/* The file sent back (a P-19, or a letter returning it): its instructions
 * open, one return more (late or not), awaiting the returned file. */
/* The file now with the PU received on day d: by the PU's own record of it or by the Kejari's
 * tanda terima the investigator holds, the earlier of them whatever the order they were entered
 * in (DOMAIN 5.1: the date on the tanda terima drives the PU's clocks; KUHAP 110(4), 138(1)). */
static void fold_file_received(struct case_facts *f, struct caldate d)
{
    if (!f->tahap1_received || !caldate_valid(f->tahap1_received_on) ||
        caldate_cmp(d, f->tahap1_received_on) < 0)
        f->tahap1_received_on = d;
    f->tahap1_received = true;
}

static void fold_returned(struct case_facts *f, const struct case_event *e, const struct tzone *z)
{
    f->instructions_open += e->items;
    f->returns++;
    f->returns_late += e->late_return;
    f->returned = true;
    f->returned_on = evlog_date(e, z);
    f->return_received = false;
}

void evlog_fold_step(struct evlog_fold *fo, const struct case_event *e, const struct tzone *z)
{
    struct case_facts *f = &fo->f;
    switch (e->event) {
    case EV_REPORT_REGISTERED:
        f->report_registered = true;
        break;
    case EV_SPRINDIK_ISSUED:
        fold_new_round(fo);
        break;
    case EV_SPDP_SENT:
        f->spdp_sent |= evlog_spdp_to_pu(e);
        break;
    case EV_SUSPECT_DESIGNATED:
        if (has_suspect(e))
            fo->designated[e->suspect] = true;
        break;
    case EV_BAP_RECORDED:
        if (e->bap == BAP_TERSANGKA && has_suspect(e))
            fo->bap[e->suspect] = true;
        break;
    case EV_RESUME_WRITTEN:
        f->resume_written = true;
        break;
    case EV_P19_RECEIVED:
    case EV_RETURN_LETTER_RECEIVED:
        fold_returned(f, e, z);
        break;
    case EV_RETURNED_FILE_RECEIVED:
        f->return_received = true;
        f->return_received_on = evlog_date(e, z);
        break;
    case EV_INSTRUCTION_ANSWERED:
        if (f->instructions_open > 0)
            f->instructions_open--;
        break;
    case EV_TAHAP1_SENT:
    case EV_RESUBMITTED:
        f->tahap1_received = false;
        f->returned = false;
        break;
    case EV_TAHAP1_RECEIVED_BY_PU:
        fold_file_received(f, evlog_date(e, z));
        break;
    case EV_LETTER_DELIVERED:
        /* the Kejari's tanda terima of the file sent is its receipt too (DOMAIN 5.1) */
        if (e->notice == NOTICE_BERKAS_KEJARI)
            fold_file_received(f, evlog_date(e, z));
        break;
    case EV_P21_RECEIVED:
    case EV_DEEMED_COMPLETE_CONFIRMED:
        f->p21 = true;
        f->p21_on = evlog_date(e, z);
        break;
    default:
        break;
    }
}

void evlog_fold_facts(const struct evlog_fold *fo, struct case_facts *f)
{
    /* a date never set leaves the caller's, as the fold over the log always did */
    const struct case_facts *g = &fo->f;
    f->report_registered = g->report_registered;
    f->spdp_sent = g->spdp_sent;
    f->resume_written = g->resume_written;
    f->instructions_open = g->instructions_open;
    f->tahap1_received = g->tahap1_received;
    if (g->tahap1_received_on.y)
        f->tahap1_received_on = g->tahap1_received_on;
    f->p21 = g->p21;
    if (g->p21_on.y)
        f->p21_on = g->p21_on;
    f->returns = g->returns;
    f->returns_late = g->returns_late;
    f->returned = g->returned;
    if (g->returned_on.y)
        f->returned_on = g->returned_on;
    f->return_received = g->return_received;
    if (g->return_received_on.y)
        f->return_received_on = g->return_received_on;
    f->suspects = 0;
    f->suspects_without_bap = 0;
    for (int s = 0; s < EVLOG_MAX_SUSPECTS; s++)
        if (fo->designated[s]) {
            f->suspects++;
            if (!fo->bap[s])
                f->suspects_without_bap++;
        }
}

void evlog_facts(const struct case_event *ev, int n, const struct tzone *z, struct case_facts *f)
{
    struct evlog_fold fo;
    struct case_event e;
    evlog_fold_init(&fo);
    for (int i = 0; i < n; i++)
        if (evlog_effective(ev, n, i, &e))
            evlog_fold_step(&fo, &e, z);
    evlog_fold_facts(&fo, f);
}
