/* snapshot.c - see snapshot.h. */
#include "snapshot.h"

#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* A date as [y, m, d]; no date (all zero) as 0: most of a snapshot's dates are none, and
 * every value costs its parse and its emission on each write (format 3). */
static json_t *jday(struct caldate d)
{
    if (d.y == 0 && d.m == 0 && d.d == 0)
        return json_integer(0);
    return json_pack("[i, i, i]", d.y, d.m, d.d);
}

static bool get_day(json_t *a, struct caldate *d)
{
    if (json_is_integer(a) && json_integer_value(a) == 0) {
        *d = (struct caldate){0, 0, 0};
        return true;
    }
    if (!json_is_array(a) || json_array_size(a) != 3)
        return false;
    d->y = (int)json_integer_value(json_array_get(a, 0));
    d->m = (int)json_integer_value(json_array_get(a, 1));
    d->d = (int)json_integer_value(json_array_get(a, 2));
    return true;
}

/* A suspect's detention, member by member of struct detention. */
static json_t *det_json(const struct detention *d)
{
    json_t *o =
        json_pack("{s:i, s:i, s:i, s:b, s:i, s:I, s:I, s:i, s:i, s:I}", "state", d->state, "period",
                  d->period, "type", d->type, "ever_detained", d->ever_detained, "court_extensions",
                  d->court_extensions, "arrested_at", (json_int_t)d->arrested_at, "arrest_ends_at",
                  (json_int_t)d->arrest_ends_at, "period_days", d->period_days, "days_granted",
                  d->days_granted, "started_at", (json_int_t)d->started_at);
    json_object_set_new(o, "start", jday(d->start));
    json_object_set_new(o, "end", jday(d->end));
    json_object_set_new(o, "day_end_at", json_integer(d->day_end_at));
    json_object_set_new(o, "strict_end_at", json_integer(d->strict_end_at));
    json_object_set_new(o, "suspended_on", jday(d->suspended_on));
    json_object_set_new(o, "days_left", json_integer(d->days_left));
    json_object_set_new(o, "strict_left", json_integer(d->strict_left));
    json_object_set_new(o, "in_detensi", json_boolean(d->in_detensi));
    json_object_set_new(o, "detensi_since_at", json_integer(d->detensi_since_at));
    json_object_set_new(o, "days_served", json_integer(d->days_served));
    return o;
}

static int64_t num(json_t *o, const char *k)
{
    return json_integer_value(json_object_get(o, k));
}

static bool det_read(json_t *o, struct detention *d)
{
    if (!json_is_object(o) || json_object_size(o) != 20)
        return false;
    d->state = (enum det_state)num(o, "state");
    d->period = (enum det_period)num(o, "period");
    d->type = (enum det_type)num(o, "type");
    d->ever_detained = json_is_true(json_object_get(o, "ever_detained"));
    d->court_extensions = (int)num(o, "court_extensions");
    d->arrested_at = num(o, "arrested_at");
    d->arrest_ends_at = num(o, "arrest_ends_at");
    d->period_days = (int)num(o, "period_days");
    d->days_granted = (int)num(o, "days_granted");
    d->days_served = (int)num(o, "days_served");
    d->started_at = num(o, "started_at");
    d->day_end_at = num(o, "day_end_at");
    d->strict_end_at = num(o, "strict_end_at");
    d->days_left = (int)num(o, "days_left");
    d->strict_left = num(o, "strict_left");
    d->in_detensi = json_is_true(json_object_get(o, "in_detensi"));
    d->detensi_since_at = num(o, "detensi_since_at");
    return get_day(json_object_get(o, "start"), &d->start) &&
           get_day(json_object_get(o, "end"), &d->end) &&
           get_day(json_object_get(o, "suspended_on"), &d->suspended_on);
}

static json_t *facts_json(const struct case_facts *f)
{
    json_t *o =
        json_pack("{s:b, s:b, s:b, s:i, s:b, s:b, s:i, s:i, s:b, s:b}", "report_registered",
                  f->report_registered, "spdp_sent", f->spdp_sent, "resume_written",
                  f->resume_written, "instructions_open", f->instructions_open, "tahap1_received",
                  f->tahap1_received, "p21", f->p21, "returns", f->returns, "returns_late",
                  f->returns_late, "returned", f->returned, "return_received", f->return_received);
    json_object_set_new(o, "tahap1_received_on", jday(f->tahap1_received_on));
    json_object_set_new(o, "p21_on", jday(f->p21_on));
    json_object_set_new(o, "returned_on", jday(f->returned_on));
    json_object_set_new(o, "return_received_on", jday(f->return_received_on));
    return o;
}

static bool facts_read(json_t *o, struct case_facts *f)
{
    if (!json_is_object(o) || json_object_size(o) != 14)
        return false;
    f->report_registered = json_is_true(json_object_get(o, "report_registered"));
    f->spdp_sent = json_is_true(json_object_get(o, "spdp_sent"));
    f->resume_written = json_is_true(json_object_get(o, "resume_written"));
    f->instructions_open = (int)num(o, "instructions_open");
    f->tahap1_received = json_is_true(json_object_get(o, "tahap1_received"));
    f->p21 = json_is_true(json_object_get(o, "p21"));
    f->returns = (int)num(o, "returns");
    f->returns_late = (int)num(o, "returns_late");
    f->returned = json_is_true(json_object_get(o, "returned"));
    f->return_received = json_is_true(json_object_get(o, "return_received"));
    return get_day(json_object_get(o, "tahap1_received_on"), &f->tahap1_received_on) &&
           get_day(json_object_get(o, "p21_on"), &f->p21_on) &&
           get_day(json_object_get(o, "returned_on"), &f->returned_on) &&
           get_day(json_object_get(o, "return_received_on"), &f->return_received_on);
}

/* ---- the date order's latest acts and the clocks' fold (format 2) ------------------------ */

static json_t *jstamp(const struct order_stamp *t)
{
    if (t->index < 0)
        return json_null();
    return json_pack("[i, i, i, i, b, I]", t->index, t->date.y, t->date.m, t->date.d, t->has_time,
                     (json_int_t)t->at);
}

static bool get_stamp(json_t *a, struct order_stamp *t)
{
    if (json_is_null(a)) {
        t->index = -1;
        return true;
    }
    if (!json_is_array(a) || json_array_size(a) != 6)
        return false;
    t->index = (int)json_integer_value(json_array_get(a, 0));
    t->date.y = (int)json_integer_value(json_array_get(a, 1));
    t->date.m = (int)json_integer_value(json_array_get(a, 2));
    t->date.d = (int)json_integer_value(json_array_get(a, 3));
    t->has_time = json_is_true(json_array_get(a, 4));
    t->at = json_integer_value(json_array_get(a, 5));
    return t->index >= 0;
}

static json_t *jseen(const struct order_seen *s)
{
    return json_pack("[o, o]", jstamp(&s->untimed), jstamp(&s->timed));
}

static bool get_seen(json_t *a, struct order_seen *s)
{
    return json_is_array(a) && json_array_size(a) == 2 &&
           get_stamp(json_array_get(a, 0), &s->untimed) &&
           get_stamp(json_array_get(a, 1), &s->timed);
}

static bool seen_empty(const struct order_seen *s)
{
    return s->untimed.index < 0 && s->timed.index < 0;
}

/* The case's latest acts: [[event, variant, seen]] for the kinds seen. */
static json_t *order_json(const struct order_state *o)
{
    json_t *a = json_array();
    for (int e = 0; e < EV__COUNT; e++)
        for (int v = 0; v < 2; v++)
            if (!seen_empty(&o->cases[e][v]))
                json_array_append_new(a, json_pack("[i, i, o]", e, v, jseen(&o->cases[e][v])));
    return a;
}

static bool order_read(json_t *a, struct order_state *o)
{
    size_t i;
    json_t *x;
    if (!json_is_array(a))
        return false;
    json_array_foreach(a, i, x)
    {
        int e = (int)json_integer_value(json_array_get(x, 0));
        int v = (int)json_integer_value(json_array_get(x, 1));
        if (!json_is_array(x) || json_array_size(x) != 3 || e < 0 || e >= EV__COUNT || v < 0 ||
            v > 1 || !get_seen(json_array_get(x, 2), &o->cases[e][v]))
            return false;
    }
    return true;
}

/* A clock slot as [used, running, armed, moved, src, rs, y, m, d, started_at, stopped_by, stop,
 * stopped_at]; one whose members after its flags are all zero (most: no clock of that kind
 * ever started) as the integer used | running << 1 | armed << 2 | moved << 3 (format 3; moved:
 * format 4). */
static json_t *jslot(const struct clock_slot *s)
{
    if (s->src == 0 && s->rs == 0 && s->start.y == 0 && s->start.m == 0 && s->start.d == 0 &&
        s->started_at == 0 && s->stopped_by == 0 && s->stop == 0 && s->stopped_at == 0)
        return json_integer((s->used ? 1 : 0) | (s->running ? 2 : 0) | (s->armed ? 4 : 0) |
                            (s->moved ? 8 : 0));
    return json_pack("[b, b, b, b, i, i, i, i, i, I, i, i, I]", s->used, s->running, s->armed,
                     s->moved, s->src, s->rs, s->start.y, s->start.m, s->start.d,
                     (json_int_t)s->started_at, s->stopped_by, s->stop, (json_int_t)s->stopped_at);
}

static bool get_slot(json_t *a, struct clock_slot *s, int nsets)
{
    if (json_is_integer(a)) {
        json_int_t f = json_integer_value(a);
        *s = (struct clock_slot){.used = f & 1, .running = f & 2, .armed = f & 4, .moved = f & 8};
        return f >= 0 && f <= 15 && (!s->used || nsets > 0);
    }
    if (!json_is_array(a) || json_array_size(a) != 13)
        return false;
    int v[13];
    for (int k = 0; k < 13; k++)
        v[k] = (int)json_integer_value(json_array_get(a, (size_t)k));
    s->used = json_is_true(json_array_get(a, 0));
    s->running = json_is_true(json_array_get(a, 1));
    s->armed = json_is_true(json_array_get(a, 2));
    s->moved = json_is_true(json_array_get(a, 3));
    s->src = v[4];
    s->rs = v[5];
    s->start = (struct caldate){v[6], v[7], v[8]};
    s->started_at = json_integer_value(json_array_get(a, 9));
    s->stopped_by = (enum event)v[10];
    s->stop = v[11];
    s->stopped_at = json_integer_value(json_array_get(a, 12));
    /* a slot in use names a rule set that exists: the emission reads it */
    return !s->used || (s->rs >= 0 && s->rs < nsets);
}

static json_t *jslots(const struct clock_slot *s, int n)
{
    json_t *a = json_array();
    for (int k = 0; k < n; k++)
        json_array_append_new(a, jslot(&s[k]));
    return a;
}

static bool get_slots(json_t *a, struct clock_slot *s, int n, int nsets)
{
    if (!json_is_array(a) || json_array_size(a) != (size_t)n)
        return false;
    for (int k = 0; k < n; k++)
        if (!get_slot(json_array_get(a, (size_t)k), &s[k], nsets))
            return false;
    return true;
}

/* The case's clocks: its slots, the SPDP's round, the directions (suspects: suspect_json). */
static json_t *clocks_json(const struct clock_fold *fo)
{
    const struct clock_spdp *r = &fo->spdp;
    json_t *dirs = json_array();
    for (int k = 0; k < fo->ndirections; k++) {
        const struct clock_direction *d = &fo->directions[k];
        json_array_append_new(dirs, json_pack("[o, o]", jslot(&d->s), jday(d->due)));
    }
    return json_pack("{s:o, s:o, s:i, s:I, s:{s:i, s:i, s:i, s:o, s:I, s:o}, s:o, s:o}", "cases",
                     jslots(fo->cases, CLK_SP3_NOTIFY + 1), "sp3_to",
                     jslots(fo->sp3_to, SP3_TO__COUNT), "skipped", fo->skipped, "sp3_release",
                     (json_int_t)fo->sp3_release_at, "spdp", "n", r->n, "src", r->src, "rs", r->rs,
                     "day", jday(r->day), "at", (json_int_t)r->at, "to",
                     jslots(r->to, NOTICE__COUNT), "directions", dirs, "approvals",
                     jslots(fo->approvals, fo->napprovals));
}

/* The approvals owed to the Ketua PN (clock.h: pn_approval), each a slot in use (format 9). */
static bool approvals_read(json_t *a, struct clock_fold *fo, int nsets)
{
    if (!json_is_array(a))
        return false;
    size_t n = json_array_size(a);
    if (n > 0) {
        fo->approvals = calloc(n, sizeof *fo->approvals);
        if (!fo->approvals)
            return false;
        fo->apcap = n;
    }
    for (size_t k = 0; k < n; k++) {
        if (!get_slot(json_array_get(a, k), &fo->approvals[k], nsets) || !fo->approvals[k].used)
            return false;
        fo->napprovals++;
    }
    return true;
}

static bool clocks_read(json_t *o, struct clock_fold *fo, int nsets)
{
    json_t *r = json_object_get(o, "spdp"), *dirs = json_object_get(o, "directions");
    if (!json_is_object(o) || !json_is_object(r) || !json_is_array(dirs) ||
        !get_slots(json_object_get(o, "cases"), fo->cases, CLK_SP3_NOTIFY + 1, nsets) ||
        !get_slots(json_object_get(o, "sp3_to"), fo->sp3_to, SP3_TO__COUNT, nsets) ||
        !get_slots(json_object_get(r, "to"), fo->spdp.to, NOTICE__COUNT, nsets) ||
        !get_day(json_object_get(r, "day"), &fo->spdp.day))
        return false;
    fo->skipped = (int)num(o, "skipped");
    fo->sp3_release_at = num(o, "sp3_release");
    fo->spdp.n = (int)num(r, "n");
    fo->spdp.src = (int)num(r, "src");
    fo->spdp.rs = (int)num(r, "rs");
    fo->spdp.at = num(r, "at");
    if (fo->spdp.n > 0 && (fo->spdp.rs < 0 || fo->spdp.rs >= nsets))
        return false;
    size_t n = json_array_size(dirs);
    if (n > 0) {
        fo->directions = calloc(n, sizeof *fo->directions);
        if (!fo->directions)
            return false;
        fo->dircap = n;
    }
    for (size_t k = 0; k < n; k++) {
        json_t *d = json_array_get(dirs, k);
        if (!get_slot(json_array_get(d, 0), &fo->directions[k].s, nsets) ||
            !fo->directions[k].s.used || !get_day(json_array_get(d, 1), &fo->directions[k].due))
            return false;
        fo->ndirections++;
    }
    return approvals_read(json_object_get(o, "approvals"), fo, nsets);
}

/* What the order and the clocks keep of suspect s, or NULL when nothing. */
static json_t *suspect_folds(const struct case_state *st, int s)
{
    const struct order_state *o = &st->order;
    const struct clock_fold *fo = &st->clocks;
    bool seen = o->held[s];
    for (int k = 0; k < ORDER_SUSPECT_SLOTS; k++)
        seen = seen || !seen_empty(&o->suspects[s][k]);
    if (!seen && s >= fo->nsuspects)
        return NULL;
    json_t *order = json_array();
    for (int k = 0; k < ORDER_SUSPECT_SLOTS; k++)
        json_array_append_new(order, jseen(&o->suspects[s][k]));
    const struct clock_track *t = &fo->suspects[s];
    const struct clock_period *p = &t->snap;
    /* true: the same as the suspect's own detention (format 3) */
    json_t *det = detention_equal(&t->det, &st->det[s]) ? json_true() : det_json(&t->det);
    return json_pack("{s:b, s:b, s:o, s:{s:b, s:i, s:[i, i], s:o, s:o, s:o, s:o, s:o, s:[i, i, i, "
                     "i, I, I, I, I, I]}}",
                     "named", s < fo->nsuspects, "held", o->held[s], "order", order, "clocks",
                     "designated", fo->spdp.designated[s], "started", fo->spdp.started[s],
                     "delivered", fo->spdp.delivered[s][0], fo->spdp.delivered[s][1], "detention",
                     det, "arrest", jslot(&t->arrest), "period", jslot(&t->detention), "detensi",
                     jslot(&t->detensi), "notices", jslots(t->notices, NOTICE__COUNT), "snap",
                     p->period, p->start.y, p->start.m, p->start.d, (json_int_t)p->started_at,
                     (json_int_t)p->day_end_at, (json_int_t)p->strict_end_at,
                     (json_int_t)p->release_at, (json_int_t)t->arrest_release_at);
}

static bool suspect_folds_read(json_t *o, struct case_state *st, int s, int nsets)
{
    if (!o)
        return true; /* a suspect the order and the clocks know nothing of */
    json_t *order = json_object_get(o, "order"), *c = json_object_get(o, "clocks");
    if (!json_is_array(order) || json_array_size(order) != ORDER_SUSPECT_SLOTS ||
        !json_is_object(c))
        return false;
    for (int k = 0; k < ORDER_SUSPECT_SLOTS; k++)
        if (!get_seen(json_array_get(order, (size_t)k), &st->order.suspects[s][k]))
            return false;
    st->order.held[s] = json_is_true(json_object_get(o, "held"));
    struct clock_fold *fo = &st->clocks;
    struct clock_track *t = &fo->suspects[s];
    if (json_is_true(json_object_get(o, "named")) && s + 1 > fo->nsuspects)
        fo->nsuspects = s + 1;
    fo->spdp.designated[s] = json_is_true(json_object_get(c, "designated"));
    fo->spdp.started[s] = (int)num(c, "started");
    json_t *dl = json_object_get(c, "delivered"), *p = json_object_get(c, "snap");
    if (!json_is_array(dl) || json_array_size(dl) != 2 || !json_is_array(p) ||
        json_array_size(p) != 9)
        return false;
    fo->spdp.delivered[s][0] = (int)json_integer_value(json_array_get(dl, 0));
    fo->spdp.delivered[s][1] = (int)json_integer_value(json_array_get(dl, 1));
    int pv[4];
    for (int k = 0; k < 4; k++)
        pv[k] = (int)json_integer_value(json_array_get(p, (size_t)k));
    t->snap = (struct clock_period){(enum det_period)pv[0],
                                    {pv[1], pv[2], pv[3]},
                                    json_integer_value(json_array_get(p, 4)),
                                    json_integer_value(json_array_get(p, 5)),
                                    json_integer_value(json_array_get(p, 6)),
                                    json_integer_value(json_array_get(p, 7))};
    t->arrest_release_at = json_integer_value(json_array_get(p, 8));
    json_t *det = json_object_get(c, "detention");
    if (json_is_true(det))
        t->det = st->det[s]; /* read before its folds (snapshot_read) */
    return (json_is_true(det) || det_read(det, &t->det)) &&
           get_slot(json_object_get(c, "arrest"), &t->arrest, nsets) &&
           get_slot(json_object_get(c, "period"), &t->detention, nsets) &&
           get_slot(json_object_get(c, "detensi"), &t->detensi, nsets) &&
           get_slots(json_object_get(c, "notices"), t->notices, NOTICE__COUNT, nsets);
}

/* The party ids of the foreign suspects: the clocks' fold depends on them (consular
 * notices), so a fold believed is one folded with these. */
static json_t *foreign_json(const struct casefile *cf)
{
    json_t *a = json_array();
    for (int s = 0; cf->suspect_foreign && s < cf->nsuspects; s++)
        if (cf->suspect_foreign[s])
            json_array_append_new(a, json_integer((json_int_t)cf->suspect_ids[s]));
    return a;
}

json_t *snapshot_json(const struct casefile *cf, const struct case_state *st,
                      const struct summary_walk *walk, long long rules_sig)
{
    struct detention idle;
    detention_init(&idle);
    json_t *suspects = json_array();
    for (int s = 0; s < cf->nsuspects && s < EVLOG_MAX_SUSPECTS; s++) {
        json_t *folds = suspect_folds(st, s);
        bool touched =
            st->facts.designated[s] || st->facts.bap[s] || !detention_equal(&st->det[s], &idle);
        if (touched || folds) {
            json_t *o = json_pack("{s:I, s:b, s:b, s:o}", "party", (json_int_t)cf->suspect_ids[s],
                                  "designated", st->facts.designated[s], "bap", st->facts.bap[s],
                                  "detention", det_json(&st->det[s]));
            if (folds)
                json_object_set_new(o, "folds", folds);
            json_array_append_new(suspects, o);
        }
    }
    return json_pack("{s:i, s:i, s:I, s:I, s:b, s:s, s:o, s:o, s:b, s:o, s:o, s:o, s:o}", "format",
                     CASESTATE_FORMAT, "events", st->nevents, "last_event",
                     (json_int_t)(cf->nevents > 0 ? cf->ev_id[cf->nevents - 1] : 0), "rules_sig",
                     (json_int_t)rules_sig, "replays", st->replays, "stage", stage_code(st->stage),
                     "facts", facts_json(&st->facts.f), "suspects", suspects, "loads", st->loads,
                     "foreign", foreign_json(cf), "order", order_json(&st->order), "clocks",
                     clocks_json(&st->clocks), "walk", summary_walk_json(cf, walk));
}

bool snapshot_read(const struct casefile *cf, const char *text, long long rules_sig,
                   struct case_state *st, struct summary_walk *walk)
{
    casestate_init(st);
    summary_walk_init(walk);
    if (!text || !*text)
        return false;
    json_t *o = json_loads(text, 0, NULL);
    if (!o)
        return false;
    long long last = cf->nevents > 0 ? cf->ev_id[cf->nevents - 1] : 0;
    json_t *suspects = json_object_get(o, "suspects");
    bool ok = num(o, "format") == CASESTATE_FORMAT && num(o, "events") == cf->nevents &&
              num(o, "last_event") == last && num(o, "rules_sig") == rules_sig &&
              json_is_boolean(json_object_get(o, "replays")) &&
              json_is_string(json_object_get(o, "stage")) &&
              stage_lookup(json_string_value(json_object_get(o, "stage")), &st->stage) &&
              facts_read(json_object_get(o, "facts"), &st->facts.f) && json_is_array(suspects) &&
              json_is_boolean(json_object_get(o, "loads"));
    /* folded with the suspects foreign as they are now (the consular clocks) */
    json_t *foreign = foreign_json(cf);
    ok = ok && json_equal(foreign, json_object_get(o, "foreign"));
    json_decref(foreign);
    st->loads = json_is_true(json_object_get(o, "loads"));
    ok = ok && order_read(json_object_get(o, "order"), &st->order) &&
         clocks_read(json_object_get(o, "clocks"), &st->clocks, cf->nrulesets);
    st->nevents = cf->nevents;
    st->replays = json_is_true(json_object_get(o, "replays"));
    size_t i;
    json_t *s;
    json_array_foreach(suspects, i, s)
    {
        if (!ok)
            break;
        int k = casefile_suspect_index(cf, (long long)num(s, "party"));
        ok = k >= 0 && k < EVLOG_MAX_SUSPECTS &&
             det_read(json_object_get(s, "detention"), &st->det[k]) &&
             suspect_folds_read(json_object_get(s, "folds"), st, k, cf->nrulesets);
        if (ok) {
            st->facts.designated[k] = json_is_true(json_object_get(s, "designated"));
            st->facts.bap[k] = json_is_true(json_object_get(s, "bap"));
        }
    }
    ok = ok && summary_walk_read(cf, json_object_get(o, "walk"), walk);
    json_decref(o);
    if (!ok)
        casestate_free(st);
    return ok;
}

bool snapshot_state(const struct casefile *cf, long long rules_sig, struct case_state *st,
                    struct summary_walk *walk, bool *trusted)
{
    *trusted = snapshot_read(cf, cf->snapshot, rules_sig, st, walk);
    if (*trusted)
        return true;
    struct clock_input in;
    casefile_clock_input(cf, cf->now, &in);
    (void)casestate_fold(&in, st);
    return summary_walk_log(cf, walk);
}

void snapshot_facts(const struct case_state *st, struct case_facts *f)
{
    evlog_fold_facts(&st->facts, f);
}
