/*
 * summary.c - see summary.h.
 *
 * The derivation (summary_compute) reads the log once for what the clocks do
 * not say (the stage's legal start, the last act, P-19 rounds, arrivals,
 * statistics dates) and takes every deadline from clock_compute(): this file
 * computes no period of its own, except "no act for N days", whose N is the
 * stage's rule-set value and which runs from the last act's legal date like
 * a day clock (day 0 the act, stalled from the start of day N).
 */
#include "summary.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/fsm.h"
#include "jsontext.h"
#include "permit.h"
#include "rulesets.h"
#include "snapshot.h"
#include "store/casefile.h"
#include "store/db.h"
#include "store/summaries.h"
#include "store/tx.h"

#define SWEEP_BATCH  400
#define MISMATCH_MAX 100

/* ---- small JSON helpers ------------------------------------------------------------ */

static json_t *jdate(struct caldate d)
{
    char buf[CALDATE_DATE_LEN];
    return caldate_valid(d) && caldate_format(d, buf, sizeof buf) ? json_string(buf) : json_null();
}

static json_t *jat(bool has, int64_t t)
{
    return has ? json_integer((json_int_t)t) : json_null();
}

static json_t *jid(long long id)
{
    return id > 0 ? json_integer((json_int_t)id) : json_null();
}

static const char *payload_str(const struct casefile *cf, int i, const char *key)
{
    return json_string_value(json_object_get(cf->ev_payload[i], key));
}

static long long payload_id(const struct casefile *cf, int i, const char *key)
{
    json_t *v = json_object_get(cf->ev_payload[i], key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : 0;
}

static long long party_of(const struct casefile *cf, int suspect)
{
    return suspect >= 0 && suspect < cf->nsuspects ? cf->suspect_ids[suspect] : 0;
}

/* ---- what the log says beyond the clocks --------------------------------------------- */

/* short: the hand-over under the short procedure (UU 6/2011 Pasal 110), not Tahap II: no P-21,
 * no berkas perkara, nothing for the prosecutor to record in berkas (DOMAIN 4.14) */
static const char *const arrival_kinds[] = {"spdp", "tahap1", "resend", "tahap2", "sp3", "short"};
enum { ARR_SPDP, ARR_TAHAP1, ARR_RESEND, ARR_TAHAP2, ARR_SP3, ARR_SHORT, ARR__COUNT };

static const char *const date_keys[SUMMARY_DATES] = {"sprindik_on", "p21_on",      "tahap1_on",
                                                     "tahap2_on",   "tak_on",      "sp3_on",
                                                     "lapsed_on",   "dismissed_on"};

/* The stage's actor when nothing moves: who must act on "no act for N days". */
static enum actor_role stall_actor(enum stage s)
{
    return s == ST_WITH_PROSECUTOR ? ACTOR_PROSECUTOR : ACTOR_INVESTIGATOR;
}

/* Room in list (n used of cap) for one more (core/buf.h); false out of memory. */
#define ROOM_FOR_ONE(list, n, cap) room_for_one((void *)(list), &(list), n, &(cap), sizeof *(list))

static bool room_for_one(void *arr, void *where, int n, size_t *cap, size_t size)
{
    void *p = array_grow(arr, cap, (size_t)n + 1, 8, size);
    if (p)
        memcpy(where, &p, sizeof p);
    return p != NULL;
}

static bool close_detention(struct summary_walk *w, const struct casefile *cf, int s,
                            struct caldate to)
{
    if (!caldate_valid(w->held_since[s]))
        return true;
    if (!ROOM_FOR_ONE(w->closed, w->nclosed, w->closedcap))
        return false;
    w->closed[w->nclosed++] = (struct summary_period){party_of(cf, s), w->held_since[s], to};
    w->held_since[s] = (struct caldate){0, 0, 0};
    return true;
}

/* Arrivals at the Kejari (the prosecutor's inbox) and their receipts:
 * KUHAP 109(1) the SPDP, 8(3)(a) Tahap I, 110(3) the re-sent file, 8(3)(b)
 * Tahap II, 109(3) the notice that the investigation was stopped (SP3; DOMAIN 4.15), received
 * the day the investigator records it delivered (sp3_notified to the kejari: the act is the
 * delivery).  A receipt answers the latest arrival of its kind still open. */
static bool note_arrival(struct summary_walk *w, const struct casefile *cf, int i,
                         const struct case_event *e)
{
    int kind = -1;
    enum event ev = e->event;
    switch (ev) {
    case EV_SPDP_SENT:
        /* to the prosecutor as the act stands (a correction may name another addressee) */
        kind = evlog_spdp_to_pu(e) ? ARR_SPDP : -1;
        break;
    case EV_SP3_NOTIFIED:
        /* to the prosecutor as the act stands (a correction may name another addressee) */
        kind = e->sp3_to == SP3_TO_KEJARI ? ARR_SP3 : -1;
        break;
    case EV_TAHAP1_SENT:
        kind = ARR_TAHAP1;
        break;
    case EV_RESUBMITTED:
        kind = ARR_RESEND;
        break;
    case EV_TAHAP2_DONE:
        kind = ARR_TAHAP2;
        break;
    case EV_SHORT_PROCEDURE_HANDOVER:
        kind = ARR_SHORT;
        break;
    default:
        break;
    }
    if (kind >= 0) {
        if (!ROOM_FOR_ONE(w->arrivals, w->narrivals, w->arrcap))
            return false;
        w->arrivals[w->narrivals++] = (struct summary_arrival){i, kind, kind == ARR_SP3 ? i : -1};
        return true;
    }
    /* the SPDP, or the file sent, is received at the Kejaksaan by the prosecutor's record of it
     * or by the tanda terima the investigator holds from the Kejari (a letter_delivered to
     * spdp_kejari, berkas_kejari), the first of them (DOMAIN 5.1; the P-17 and the PU's answer
     * and return count from it too, core/clock.c) */
    const char *to = ev == EV_LETTER_DELIVERED ? payload_str(cf, i, "recipient") : NULL;
    bool spdp = ev == EV_SPDP_RECEIVED_BY_PU || (to && strcmp(to, "spdp_kejari") == 0),
         file = ev == EV_TAHAP1_RECEIVED_BY_PU || (to && strcmp(to, "berkas_kejari") == 0);
    for (int k = w->narrivals - 1; (spdp || file) && k >= 0; k--) {
        int kk = w->arrivals[k].kind;
        bool fits = spdp ? kk == ARR_SPDP : kk == ARR_TAHAP1 || kk == ARR_RESEND;
        if (fits && w->arrivals[k].received < 0) {
            w->arrivals[k].received = i;
            return true;
        }
    }
    return true;
}

/* The dates statistics count from, and detention periods per suspect. */
static bool note_stats(struct summary_walk *w, const struct casefile *cf,
                       const struct case_event *e, struct caldate d)
{
    static const struct {
        enum event ev;
        int key;
    } dated[] = {{EV_SPRINDIK_ISSUED, 0}, {EV_P21_RECEIVED, 1}, {EV_DEEMED_COMPLETE_CONFIRMED, 1},
                 {EV_TAHAP1_SENT, 2},     {EV_TAHAP2_DONE, 3},  {EV_SHORT_PROCEDURE_HANDOVER, 3},
                 {EV_TAK_DECIDED, 4},     {EV_SP3_ISSUED, 5},   {EV_LAPSED, 6},
                 {EV_DISMISSED, 7}};
    for (size_t k = 0; k < sizeof dated / sizeof dated[0]; k++)
        if (dated[k].ev == e->event)
            w->dates[dated[k].key] = d;
    int s = e->suspect;
    bool ok = true;
    switch (e->event) {
    case EV_DETAINED:
        if (s >= 0 && s < cf->nsuspects && s < EVLOG_MAX_SUSPECTS &&
            !caldate_valid(w->held_since[s]))
            w->held_since[s] = d;
        break;
    case EV_DETENTION_SUSPENDED:
    case EV_RELEASED:
        if (s >= 0 && s < cf->nsuspects && s < EVLOG_MAX_SUSPECTS)
            ok = close_detention(w, cf, s, d);
        break;
    case EV_TAHAP2_DONE:
    case EV_SHORT_PROCEDURE_HANDOVER: /* KUHAP 8(3)(b): custody passes to the PU */
        for (int k = 0; ok && k < cf->nsuspects && k < EVLOG_MAX_SUSPECTS; k++)
            ok = close_detention(w, cf, k, d);
        break;
    default:
        break;
    }
    return ok;
}

void summary_walk_init(struct summary_walk *w)
{
    memset(w, 0, sizeof *w);
    w->stage = ST_PRE_INVESTIGATION;
    w->last = -1;
}

bool summary_walk_step(struct summary_walk *w, const struct casefile *cf, int i,
                       const struct case_event *e)
{
    struct caldate d = evlog_date(e, cf->zone);
    enum stage to, before = w->stage;
    bool moved = fsm_accepts(w->stage, e->event, &to) && to != w->stage;
    if (moved)
        w->stage = to;
    if (!w->any || moved)
        w->stage_since = d;
    w->any = true;
    const struct event_info *info = event_info(e->event);
    enum event_group g = info->group;
    /* supervision and corrections are not progress on the file; nor is a prosecutor's letter
     * while the file is not with him - a P-17 asks for the progress that has not come (DOMAIN
     * D14), a P-16, the SPDP's receipt, a P-20, P-21A, P-22 or P-23 wait on the investigator:
     * his stall runs on from his own last act */
    bool pu_aside = info->recorders == ACTOR_PROSECUTOR && before != ST_WITH_PROSECUTOR;
    if (g != EVG_SUPERVISION && g != EVG_CORRECTION && !pu_aside &&
        (w->last < 0 || caldate_cmp(d, w->last_on) >= 0)) {
        w->last = i;
        w->last_on = d;
    }
    /* every return of the file is a round: the P-19, given once, and the ordinary letters
     * after it naming its unmet items (SE JAM Pidum B-3326/E/EJP/11/2011; DOMAIN 10.1), as
     * the case page counts them (casework.c p19_returns) */
    if (e->event == EV_P19_RECEIVED || e->event == EV_RETURN_LETTER_RECEIVED)
        w->p19_rounds++;
    if (e->event == EV_DETAINED && e->unlawful)
        w->unlawful = true;
    return note_arrival(w, cf, i, e) && note_stats(w, cf, e, d);
}

bool summary_walk_log(const struct casefile *cf, struct summary_walk *w)
{
    summary_walk_init(w);
    struct case_event e;
    for (int i = 0; i < cf->nevents; i++)
        if (evlog_effective(cf->ev, cf->nevents, i, &e) && !summary_walk_step(w, cf, i, &e))
            return false;
    return true;
}

void summary_walk_free(struct summary_walk *w)
{
    free(w->arrivals);
    free(w->closed);
    summary_walk_init(w);
}

/* The statistics' object: the dates, then the detention periods (ended, then running). */
static json_t *walk_stats(const struct casefile *cf, const struct summary_walk *w)
{
    json_t *stats = json_object(), *periods = json_array();
    for (int k = 0; k < SUMMARY_DATES; k++)
        if (caldate_valid(w->dates[k]))
            json_object_set_new(stats, date_keys[k], jdate(w->dates[k]));
    for (int k = 0; k < w->nclosed; k++)
        json_array_append_new(
            periods, json_pack("{s:o, s:o, s:o}", "party_id", jid(w->closed[k].party_id), "from",
                               jdate(w->closed[k].from), "to", jdate(w->closed[k].to)));
    for (int s = 0; s < cf->nsuspects && s < EVLOG_MAX_SUSPECTS; s++)
        if (caldate_valid(w->held_since[s]))
            json_array_append_new(periods,
                                  json_pack("{s:o, s:o, s:n}", "party_id", jid(party_of(cf, s)),
                                            "from", jdate(w->held_since[s]), "to"));
    json_object_set_new(stats, "detentions", periods);
    return stats;
}

static json_t *jday3(struct caldate d)
{
    return json_pack("[i, i, i]", d.y, d.m, d.d);
}

static bool day3(json_t *a, struct caldate *d)
{
    if (!json_is_array(a) || json_array_size(a) != 3)
        return false;
    d->y = (int)json_integer_value(json_array_get(a, 0));
    d->m = (int)json_integer_value(json_array_get(a, 1));
    d->d = (int)json_integer_value(json_array_get(a, 2));
    return true;
}

json_t *summary_walk_json(const struct casefile *cf, const struct summary_walk *w)
{
    json_t *arr = json_array(), *dates = json_array(), *closed = json_array(), *held = json_array();
    for (int k = 0; k < w->narrivals; k++)
        json_array_append_new(arr, json_pack("[i, i, i]", w->arrivals[k].event, w->arrivals[k].kind,
                                             w->arrivals[k].received));
    for (int k = 0; k < SUMMARY_DATES; k++)
        json_array_append_new(dates, jday3(w->dates[k]));
    for (int k = 0; k < w->nclosed; k++)
        json_array_append_new(closed, json_pack("[I, o, o]", (json_int_t)w->closed[k].party_id,
                                                jday3(w->closed[k].from), jday3(w->closed[k].to)));
    for (int s = 0; s < cf->nsuspects && s < EVLOG_MAX_SUSPECTS; s++)
        if (caldate_valid(w->held_since[s]))
            json_array_append_new(
                held, json_pack("[I, o]", (json_int_t)party_of(cf, s), jday3(w->held_since[s])));
    return json_pack("{s:s, s:o, s:b, s:i, s:o, s:i, s:o, s:o, s:o, s:o, s:b}", "stage",
                     stage_code(w->stage), "stage_since", jday3(w->stage_since), "any", w->any,
                     "last", w->last, "last_on", jday3(w->last_on), "p19_rounds", w->p19_rounds,
                     "arrivals", arr, "dates", dates, "closed", closed, "held", held, "unlawful",
                     w->unlawful);
}

static bool walk_lists_read(const struct casefile *cf, json_t *o, struct summary_walk *w)
{
    json_t *arr = json_object_get(o, "arrivals"), *closed = json_object_get(o, "closed"),
           *held = json_object_get(o, "held"), *x;
    size_t i;
    if (!json_is_array(arr) || !json_is_array(closed) || !json_is_array(held))
        return false;
    json_array_foreach(arr, i, x)
    {
        int ev = (int)json_integer_value(json_array_get(x, 0));
        int kind = (int)json_integer_value(json_array_get(x, 1));
        int recv = (int)json_integer_value(json_array_get(x, 2));
        if (json_array_size(x) != 3 || ev < 0 || ev >= cf->nevents || kind < 0 ||
            kind >= ARR__COUNT || recv < -1 || recv >= cf->nevents ||
            !ROOM_FOR_ONE(w->arrivals, w->narrivals, w->arrcap))
            return false;
        w->arrivals[w->narrivals++] = (struct summary_arrival){ev, kind, recv};
    }
    json_array_foreach(closed, i, x)
    {
        struct summary_period p = {
            (long long)json_integer_value(json_array_get(x, 0)), {0, 0, 0}, {0, 0, 0}};
        if (json_array_size(x) != 3 || !day3(json_array_get(x, 1), &p.from) ||
            !day3(json_array_get(x, 2), &p.to) ||
            !ROOM_FOR_ONE(w->closed, w->nclosed, w->closedcap))
            return false;
        w->closed[w->nclosed++] = p;
    }
    json_array_foreach(held, i, x)
    {
        int s = casefile_suspect_index(cf, (long long)json_integer_value(json_array_get(x, 0)));
        if (json_array_size(x) != 2 || s < 0 || s >= EVLOG_MAX_SUSPECTS ||
            !day3(json_array_get(x, 1), &w->held_since[s]))
            return false;
    }
    return true;
}

bool summary_walk_read(const struct casefile *cf, json_t *o, struct summary_walk *w)
{
    summary_walk_init(w);
    json_t *dates = json_object_get(o, "dates");
    const char *stage = json_string_value(json_object_get(o, "stage"));
    bool ok = json_is_object(o) && stage && stage_lookup(stage, &w->stage) &&
              day3(json_object_get(o, "stage_since"), &w->stage_since) &&
              day3(json_object_get(o, "last_on"), &w->last_on) && json_is_array(dates) &&
              json_array_size(dates) == SUMMARY_DATES && walk_lists_read(cf, o, w);
    for (int k = 0; ok && k < SUMMARY_DATES; k++)
        ok = day3(json_array_get(dates, (size_t)k), &w->dates[k]);
    w->any = json_is_true(json_object_get(o, "any"));
    w->last = (int)json_integer_value(json_object_get(o, "last"));
    w->p19_rounds = (int)json_integer_value(json_object_get(o, "p19_rounds"));
    w->unlawful = json_is_true(json_object_get(o, "unlawful"));
    ok = ok && w->last >= -1 && w->last < cf->nevents;
    if (!ok)
        summary_walk_free(w);
    return ok;
}

/* ---- the clocks ------------------------------------------------------------------------ */

int summary_clock_room(const struct casefile *cf)
{
    /* every clock the fold can emit (clock_fold_room): none is left out */
    int cap =
        CLK_SP3_NOTIFY + 1 + SP3_TO__COUNT + NOTICE__COUNT + cf->nsuspects * (3 + NOTICE__COUNT);
    for (int i = 0; i < cf->nevents; i++)
        cap += cf->ev[i].event == EV_DIRECTION_GIVEN || cf->ev[i].event == EV_SEARCH_DONE ||
               cf->ev[i].event == EV_SEIZURE_DONE;
    return cap;
}

/* Every clock of cf from the core; *set->items malloc'd (caller frees). */
static bool clocks_of(const struct casefile *cf, struct clock_set *set, struct berr *err)
{
    int cap = summary_clock_room(cf);
    memset(set, 0, sizeof *set);
    set->items = calloc((size_t)cap, sizeof *set->items);
    set->cap = cap;
    if (!set->items)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    return casefile_clocks(cf, cf->now, set, err);
}

/* The first warning of c, or its due instant when it has none. */
static int64_t attention_of(const struct clock *c)
{
    int64_t a = c->due_at;
    for (int i = 0; i < c->nwarn; i++)
        if (c->warn_at[i] < a)
            a = c->warn_at[i];
    return a;
}

/* The directions of the log, done or not: [{event_id, text, due, due_at, to,
 * given_on, done}], done = {event_id, on, note} or null.  A direction_done
 * answers the direction its reference (through corrections) names. */
static json_t *directions_of(const struct casefile *cf, const struct clock_set *set)
{
    json_t *a = json_array();
    for (int k = 0; k < set->count; k++) {
        const struct clock *c = &set->items[k];
        if (c->kind != CLK_DIRECTION)
            continue;
        int i = c->source;
        json_t *done = json_null();
        /* the direction_done that stopped it (its clock names it) */
        int j = c->stop_source;
        if (!c->running && j > i && j < cf->nevents) {
            const char *note = payload_str(cf, j, "note");
            done = json_pack("{s:I, s:o, s:s}", "event_id", (json_int_t)cf->ev_id[j], "on",
                             jdate(caldate_local_date(c->stopped_at, cf->zone)), "note",
                             note ? note : "");
        }
        const char *text = payload_str(cf, i, "note");
        json_array_append_new(
            a, json_pack("{s:I, s:s, s:o, s:I, s:o, s:o, s:o}", "event_id",
                         (json_int_t)cf->ev_id[i], "text", text ? text : "", "due",
                         jdate(c->due_date), "due_at", (json_int_t)c->due_at, "to",
                         jid(payload_id(cf, i, "to")), "given_on", jdate(c->start), "done", done));
    }
    return a;
}

struct picked {
    const struct clock *first;   /* the running clock due first */
    const struct clock *custody; /* the running custody clock due first (is_custody), if any */
    unsigned actors;             /* the actors of the running clocks, directions aside */
    int64_t attention;           /* min first warning over the running clocks */
    bool any;
    int directions;
    int64_t directions_due;
    bool pu;
    int64_t pu_due, pu_attention;
};

/* A person held: an arrest (KUHAP 19(1)), a detention (KUHAP 24-29) or an
 * immigration detention (UU 6/2011 Pasal 83-85). */
static bool is_custody(enum clock_kind k)
{
    return k == CLK_ARREST || k == CLK_DETENTION || k == CLK_DETENSI;
}

static int clock_cmp(const void *a, const void *b)
{
    const struct clock *x = *(const struct clock *const *)a, *y = *(const struct clock *const *)b;
    return (x->due_at > y->due_at) - (x->due_at < y->due_at);
}

/* A late clock's weight among the file's reasons (app/review.c: a row's headline is the late
 * clock of least weight, the longest late among equals; every late clock is a reason the board
 * finds the file by), decided from the law - what is at stake when it has passed:
 *   0  a person held (arrest, detention, detensi): held past his time, or with no ground left,
 *      he must be released at once (KUHAP 19(1), 24(4), 20-31; UU 6/2011 Pasal 83-85);
 *   1  the file's own clocks whose passing changes where the file stands in law: the PU's 14
 *      days (deemed complete, KUHAP 110(4)), the re-send after a P-19 (138(2)), Tahap II after
 *      the P-21 (60 days, then the file is returned: B-1310/E/EJP/05/2022), the SPDP (109(1) jo.
 *      MK 130/PUU-XIII/2015), the SP3's notice to each recipient (109(2)-(3); UU 20/2025
 *      Pasal 24(4));
 *   2  the file's clocks that ask for an answer or a report and change nothing by themselves:
 *      the PU's 7-day answer (138(1); at 14 days 110(4) speaks for it), the P-17 (an SOP), the
 *      report of an urgent search or seizure to the Ketua PN (34, 38(2));
 *   3  a supervisor's direction (an order of the office, not of the law);
 *   4  the notices owed (the family's copies, the consular notice, the suspect's own notices,
 *      the SPDP to each recipient): each informs someone, none moves the file. */
static int reason_rank(enum clock_kind k)
{
    switch (k) {
    case CLK_ARREST:
    case CLK_DETENTION:
    case CLK_DETENSI:
        return 0;
    case CLK_PU_RETURN:
    case CLK_RESEND:
    case CLK_TAHAP2:
    case CLK_SPDP:
    case CLK_SP3_NOTIFY:
    case CLK_SP3_NOTIFY_KORWAS:
    case CLK_SP3_NOTIFY_SUSPECT:
    case CLK_SP3_NOTIFY_REPORTER:
        return 1;
    case CLK_PU_ANSWER:
    case CLK_P17:
    case CLK_PN_APPROVAL:
        return 2;
    case CLK_DIRECTION:
        return 3;
    default:
        return 4;
    }
}

/* A running clock as the summary's detail keeps it. */
static json_t *clock_row(const struct casefile *cf, const struct clock *c, int64_t att)
{
    return json_pack(
        "{s:s, s:s, s:s, s:o, s:I, s:I, s:I, s:I, s:b, s:s, s:s, s:i}", "code", c->code, "label",
        c->label, "actor", actor_code(c->actor), "party_id", jid(party_of(cf, c->suspect)),
        "event_id", (json_int_t)(c->source >= 0 ? cf->ev_id[c->source] : 0), "due_at",
        (json_int_t)c->due_at, "attention_at", (json_int_t)att, "strict_at",
        (json_int_t)c->strict_at, "to_verify", c->to_verify, "basis", c->basis, "period",
        c->kind == CLK_DETENTION ? det_period_code(c->period) : "", "rank", reason_rank(c->kind));
}

/* The running clocks, due first first, as the list shows them; and what they
 * add up to. */
static json_t *running_clocks(const struct casefile *cf, const struct clock_set *set,
                              struct picked *p)
{
    memset(p, 0, sizeof *p);
    const struct clock **v = calloc((size_t)set->count + 1, sizeof *v);
    json_t *a = json_array();
    int n = 0;
    for (int k = 0; v && k < set->count; k++)
        if (set->items[k].running)
            v[n++] = &set->items[k];
    if (v)
        qsort(v, (size_t)n, sizeof *v, clock_cmp); /* stable enough: ties keep no order */
    for (int k = 0; k < n; k++) {
        const struct clock *c = v[k];
        int64_t att = attention_of(c);
        /* a notice the law owes (the SPDP to the embassy, Permenkumham 39/2021 Pasal 27(6); the
         * suspect's BAP copy, D16; the family's, KUHAP 18(3), 21(3); the consular notice) is a
         * deadline of the file like the others: past its day the file is overdue for the
         * supervisor, the investigator must act.  It does not watch the stall: the file's own
         * work still has to move */
        bool notice = clock_notice(c->kind) != NOTICE_NONE;
        if (!p->first || c->due_at < p->first->due_at)
            p->first = c;
        if (is_custody(c->kind) && (!p->custody || c->due_at < p->custody->due_at))
            p->custody = c;
        p->attention = p->any && p->attention < att ? p->attention : att;
        p->any = true;
        if (c->kind != CLK_DIRECTION && !notice)
            p->actors |= (unsigned)c->actor;
        if (c->kind == CLK_DIRECTION) {
            p->directions_due =
                p->directions && p->directions_due < c->due_at ? p->directions_due : c->due_at;
            p->directions++;
        }
        if (c->actor == ACTOR_PROSECUTOR && !notice) {
            p->pu_due = p->pu && p->pu_due < c->due_at ? p->pu_due : c->due_at;
            p->pu_attention = p->pu && p->pu_attention < att ? p->pu_attention : att;
            p->pu = true;
        }
        json_array_append_new(a, clock_row(cf, c, att));
    }
    free(v);
    return a;
}

/* ---- the summary ---------------------------------------------------------------------- */

/* The SPDP's deliveries made after their day (issue 13.8), as the summary's
 * detail keeps them: a clock row with the day it was delivered. */
static json_t *late_deliveries(const struct casefile *cf, const struct clock_set *set)
{
    json_t *a = json_array();
    for (int k = 0; k < set->count; k++) {
        const struct clock *c = &set->items[k];
        if (c->running || c->state != CLOCK_OVERDUE || !notice_is_spdp(clock_notice(c->kind)) ||
            clock_closed_at_end(c))
            continue;
        json_t *row = clock_row(cf, c, c->due_at);
        json_object_set_new(row, "delivered_on", jdate(c->stopped_on));
        json_array_append_new(a, row);
    }
    return a;
}

/* The notices the law owed past their day and never delivered when the file ended (core/clock.c
 * close_owed), and those of a suspect's custody the investigator declared undelivered with his
 * reason (notice_undelivered, whatever their day: not delivered is not met): a fault of the file
 * kept in sight - the board's notices of the row, the case's
 * clocks - but no deadline any more (no running clock: not the file's state, reason or counts),
 * since no one can deliver them now.  Each a clock row with the act that closed it and its day.
 * The Ketua PN's approval owed for an urgent act is one too (its report never made). */
static json_t *missed_notices(const struct casefile *cf, const struct clock_set *set)
{
    json_t *a = json_array();
    for (int k = 0; k < set->count; k++) {
        const struct clock *c = &set->items[k];
        bool owed = clock_notice(c->kind) != NOTICE_NONE || c->kind == CLK_PN_APPROVAL ||
                    clock_is_sp3_notice(c->kind);
        bool undelivered = clock_undelivered(c);
        if (!owed || (!undelivered && (!clock_closed_at_end(c) || c->state != CLOCK_OVERDUE)))
            continue;
        json_t *row = clock_row(cf, c, c->due_at);
        json_object_set_new(row, "closed_by", json_string(event_code(c->stopped_by)));
        json_object_set_new(row, "closed_on", jdate(c->stopped_on));
        json_t *why = undelivered && c->stop_source >= 0 && c->stop_source < cf->nevents
                          ? json_object_get(cf->ev_payload[c->stop_source], "undelivered_reason")
                          : NULL;
        if (json_is_string(why))
            json_object_set(row, "undelivered_reason", why);
        json_array_append_new(a, row);
    }
    return a;
}

/* The arrests and detentions that outlasted their order (core/clock.c clock_overrun): a person
 * held past his order's end - released late, after an SP3's day too, or handed over at Tahap
 * II while held past it - was held unlawfully (KUHAP 19(1), 24(4), 29(6)), the gravest fault a file
 * can show. Once the clock has stopped it is no deadline (not the file's state, reason or counts)
 * but is kept in sight as missed_notices are: each a clock row with its last day in time, the act
 * that stopped it and its day, the days (and hours) over. */
static json_t *overruns(const struct casefile *cf, const struct clock_set *set)
{
    json_t *a = json_array();
    for (int k = 0; k < set->count; k++) {
        const struct clock *c = &set->items[k];
        if (!clock_overrun(c))
            continue;
        json_t *row = clock_row(cf, c, c->due_at);
        json_object_set_new(row, "due_date", jdate(c->due_date));
        json_object_set_new(row, "stopped_by", json_string(event_code(c->stopped_by)));
        json_object_set_new(row, "stopped_on", jdate(c->stopped_on));
        json_object_set_new(row, "days_over", json_integer(clock_overrun_days(c)));
        json_object_set_new(row, "hours_over", json_integer(clock_overrun_hours(c)));
        json_array_append_new(a, row);
    }
    return a;
}

/* Raise it when summary_compute changes what it derives: every row computed
 * by an older berkasd is then stale and rewritten at start-up. */
#define SUMMARY_DERIVATION                                                                         \
    "berkas-summary-34" /* 2: detail.flags (13.3); 3, 4: 13.7; 5: 13.8;                            \
                          6: room for every clock (12.2); 7: P-17 from the SPDP's receipt;         \
                          8: the designation's notice; 9: not used; 10: a new Sprindik's file      \
                          counts its own late returns, P-16/P-17 after the SPDP's receipt;         \
                          11: a running custody clock is the reason; 12: the BAP's copy (D16);     \
                          13: the Ketua PN's approval of an urgent search or seizure (D8);         \
                          14: a copy owed for his supplementary BAP too (D16);                     \
                          15: the PN approval's clock met by the report to the Ketua PN;           \
                          16: a return by letter after the P-19 is a round (pingpong);             \
                          17: the P-17 from the Kejari's tanda terima of the SPDP too;             \
                          18: the flag pn_approval_refused;                                        \
                          19: a prosecutor's letter is no act of a file not with him (stall);      \
                          20: the SPDP's arrival received by the Kejari's tanda terima too;        \
                          21: the P-17 from the earliest receipt, whatever the order of entry;     \
                          22: a notice owed is a deadline of the file (state, reason, counts);     \
                          23: the file received by the Kejari's tanda terima too (arrival, PU      \
                          clocks); 24: a detention clock's label in the law of its act's date;     \
                          25: the file's end closes the notices owed (missed_notices), the SP3's   \
                          notice to the Kejari is an arrival (sp3) ending the ones unreceived;     \
                          26: each clock's weight among the reasons (rank: the board's headline);  \
                          27: only the SPDP to the Kejari is the SPDP sent (its clock, P-17);      \
                          28: an SPDP's arrival by its addressee as corrected;                     \
                          29: the SP3's notice, a clock per recipient; its arrival as corrected;   \
                          30: a custody notice (family, consular) outlives the file's end;         \
                          31: the short procedure's hand-over is its own arrival (short);          \
                          32: a custody notice declared undelivered (missed_notices);              \
                          33: a TAK after an SP3 leaves the SP3's notices owed;                    \
                          34: an arrest or detention stopped past its due instant (overruns) */

static long long rules_sig_of(const struct ruleset *sets, int n)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (const char *p = SUMMARY_DERIVATION; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ULL;
    }
    for (int i = 0; i < n; i++) {
        char buf[96];
        int len = snprintf(buf, sizeof buf, "%s|%d-%d-%d|", sets[i].name, sets[i].effective_from.y,
                           sets[i].effective_from.m, sets[i].effective_from.d);
        for (int k = 0; k < ruleset_key_count(); k++) {
            const struct rule_value *v = ruleset_value(&sets[i], ruleset_key_at(k));
            len += snprintf(buf + len, sizeof buf - (size_t)len, "%d%c", v->value,
                            v->to_verify ? '?' : ',');
            for (int c = 0; c < len; c++) {
                h ^= (unsigned char)buf[c];
                h *= 1099511628211ULL;
            }
            len = 0;
        }
    }
    return (long long)(h & 0x7fffffffffffffffULL);
}

/* The last fingerprint worked out, with the bytes of the rule sets it was worked out over: the
 * write path asks for it at every act, of the same rule sets until an administrator amends one.
 * The same bytes are the same values, so the same fingerprint; other bytes (another value, or
 * only other padding) are worked out again. */
static pthread_mutex_t sig_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ruleset sig_sets[RULESET_MAX];
static int sig_n = -1;
static long long sig_value;

long long summary_rules_sig(const struct ruleset *sets, int n)
{
    bool keep = n >= 0 && n <= RULESET_MAX;
    if (keep) {
        pthread_mutex_lock(&sig_lock);
        bool same = n == sig_n && (n == 0 || memcmp(sets, sig_sets, (size_t)n * sizeof *sets) == 0);
        long long v = sig_value;
        pthread_mutex_unlock(&sig_lock);
        if (same)
            return v;
    }
    long long v = rules_sig_of(sets, n);
    if (keep) {
        pthread_mutex_lock(&sig_lock);
        if (n > 0)
            memcpy(sig_sets, sets, (size_t)n * sizeof *sets);
        sig_n = n;
        sig_value = v;
        pthread_mutex_unlock(&sig_lock);
    }
    return v;
}

/* The summary of a case whose log does not load: first in every list. */
static json_t *damaged_summary(json_t *row, const char *why)
{
    json_object_set_new(row, "damaged", json_string(why));
    json_object_set_new(row, "next_due_at", json_integer(0));
    return row;
}

static const struct ruleset *rules_on(const struct casefile *cf, struct caldate d)
{
    const struct ruleset *rs =
        caldate_valid(d) ? ruleset_for_date(cf->rulesets, cf->nrulesets, d) : NULL;
    return rs ? rs : &cf->rulesets[cf->nrulesets - 1];
}

/* An arrival's receipt, or what ended it unreceived: {event_id, on} of log index i. */
static json_t *arrival_act(const struct casefile *cf, int i)
{
    struct case_event r;
    evlog_effective(cf->ev, cf->nevents, i, &r);
    return json_pack("{s:I, s:o}", "event_id", (json_int_t)cf->ev_id[i], "on",
                     jdate(evlog_date(&r, cf->zone)));
}

/* The arrivals, each with its receipt; one never received before the SP3's notice reached the
 * Kejari (KUHAP 109(3)) awaits nothing of the prosecutor any more: ended names that notice. */
static json_t *arrivals_json(const struct casefile *cf, const struct summary_walk *w, json_t *row)
{
    json_t *a = json_array();
    struct case_event e;
    for (int k = 0; k < w->narrivals; k++) {
        const struct summary_arrival *x = &w->arrivals[k];
        evlog_effective(cf->ev, cf->nevents, x->event, &e);
        json_t *recv = x->received >= 0 ? arrival_act(cf, x->received) : json_null();
        int end = -1;
        for (int j = k + 1; x->received < 0 && end < 0 && j < w->narrivals; j++)
            if (w->arrivals[j].kind == ARR_SP3)
                end = w->arrivals[j].event;
        json_array_append_new(
            a, json_pack("{s:I, s:s, s:o, s:o, s:o}", "event_id", (json_int_t)cf->ev_id[x->event],
                         "kind", arrival_kinds[x->kind], "sent_on", jdate(evlog_date(&e, cf->zone)),
                         "received", recv, "ended", end >= 0 ? arrival_act(cf, end) : json_null()));
    }
    if (w->narrivals > 0) {
        const struct summary_arrival *x = &w->arrivals[w->narrivals - 1];
        evlog_effective(cf->ev, cf->nevents, x->event, &e);
        json_object_set_new(row, "last_arrival_on", jdate(evlog_date(&e, cf->zone)));
        json_object_set_new(row, "last_arrival_event", jid(cf->ev_id[x->event]));
    }
    return a;
}

/* Every column, null or zero, so that a row always has the same members. */
static json_t *empty_row(const struct casefile *cf)
{
    return json_pack("{s:I, s:s, s:n, s:n, s:n, s:n, s:n, s:n, s:n, s:n, s:n, s:n, s:n, s:i, "
                     "s:b, s:i, s:n, s:n, s:n, s:n, s:n, s:{}, s:{}, s:n, s:i, s:I}",
                     "case_id", (json_int_t)cf->id, "stage", stage_code(cf->stage), "stage_since",
                     "clock_due_at", "clock_attention_at", "clock_code", "clock_actor",
                     "clock_party", "last_act_on", "last_act_type", "stall_at", "stall_actor",
                     "next_due_at", "p19_rounds", 0, "pingpong", false, "directions_open", 0,
                     "directions_due_at", "pu_due_at", "pu_attention_at", "last_arrival_on",
                     "last_arrival_event", "detail", "stats", "damaged", "case_version",
                     cf->version, "rules_sig",
                     (json_int_t)summary_rules_sig(cf->rulesets, cf->nrulesets));
}

json_t *summary_compute(const struct casefile *cf, struct berr *err)
{
    return summary_compute_with(cf, NULL, err);
}

/* The walk the caller keeps, or one of the log (*own: ours to free).  False
 * when out of memory. */
static bool walk_get(const struct casefile *cf, const struct summary_known *known,
                     struct summary_walk *w, bool *own)
{
    *own = !(known && known->walk);
    if (!*own) {
        *w = *known->walk;
        return true;
    }
    if (summary_walk_log(cf, w))
        return true;
    summary_walk_free(w);
    return false;
}

enum got { GOT_OK, GOT_OOM, GOT_DAMAGED };

/* The case's clocks into set (set->items ours to free when GOT_OK): the
 * caller's set, copied so that the summary frees what it uses either way, or
 * the clocks' fold, the readers' one validation (casefile_clocks): a log it
 * refuses is GOT_DAMAGED, err saying why. */
static enum got clocks_get(const struct casefile *cf, const struct summary_known *known,
                           struct clock_set *set, struct berr *err)
{
    if (known && known->clocks) {
        *set = *known->clocks;
        set->items = malloc((size_t)(set->count > 0 ? set->count : 1) * sizeof *set->items);
        if (!set->items) {
            berr_set(err, BERR_INTERNAL, "out of memory");
            return GOT_OOM;
        }
        if (set->count > 0)
            memcpy(set->items, known->clocks->items, (size_t)set->count * sizeof *set->items);
        return GOT_OK;
    }
    if (clocks_of(cf, set, err))
        return GOT_OK;
    bool oom = set->items == NULL;
    free(set->items);
    return oom ? GOT_OOM : GOT_DAMAGED;
}

/* What is due next: the running clock due first (clock_due_at, and the
 * earliest first warning in clock_attention_at), and "no act for N days"
 * (stall_*) for a stage whose own actor has no legal clock running;
 * next_due_at the earlier of the two.  The reason the file is listed
 * (clock_code, clock_actor, clock_party) is the running custody clock due
 * first whenever a suspect is held, whatever else is due sooner: a person
 * held past his time is the gravest thing a supervisor can miss (KUHAP 24-29,
 * 19(1); UU 6/2011 Pasal 83-85), and a file that is late on its P-17 too must
 * not hide him behind it.  Else the running clock due first.  Which clock
 * runs is known when the summary is written; which is overdue is not, so the
 * reason never depends on "now" (review.c: the state comes from the
 * earliest deadlines, not from the reason).  Returns N, 0 when the stall is
 * not watched. */
static int due_next(json_t *row, const struct casefile *cf, const struct summary_walk *w,
                    const struct picked *p, const struct ruleset *rs)
{
    int64_t next = 0;
    bool has_next = false;
    if (p->first) {
        const struct clock *c = p->first, *why = p->custody ? p->custody : p->first;
        json_object_set_new(row, "clock_due_at", jat(true, c->due_at));
        json_object_set_new(row, "clock_attention_at", jat(true, p->attention));
        json_object_set_new(row, "clock_code", json_string(why->code));
        json_object_set_new(row, "clock_actor", json_string(actor_code(why->actor)));
        json_object_set_new(row, "clock_party", jid(party_of(cf, why->suspect)));
        next = c->due_at;
        has_next = true;
    }
    bool watched = (p->actors & (unsigned)stall_actor(cf->stage)) != 0;
    int stall_days = w->last >= 0 && !watched ? ruleset_stall_days(rs, cf->stage) : 0;
    if (stall_days > 0) {
        /* "no act for N days": day 0 is the last act, stalled from day N */
        int64_t stall = caldate_day_start(caldate_add(w->last_on, stall_days), cf->zone);
        json_object_set_new(row, "stall_at", jat(true, stall));
        json_object_set_new(row, "stall_actor", json_string(actor_code(stall_actor(cf->stage))));
        if (!has_next || stall < next)
            next = stall;
        has_next = true;
    }
    json_object_set_new(row, "next_due_at", jat(has_next, next));
    return stall_days;
}

/* The summary's fields from the walk of the log and the case's clocks. */
static void summary_fill(json_t *row, const struct casefile *cf, const struct summary_known *known,
                         const struct summary_walk *w, const struct clock_set *set)
{
    if (w->stage == cf->stage)
        json_object_set_new(row, "stage_since", jdate(w->stage_since));
    struct picked p;
    json_t *clocks = running_clocks(cf, set, &p);
    const struct ruleset *rs = rules_on(cf, w->last_on);
    if (w->last >= 0) {
        json_object_set_new(row, "last_act_on", jdate(w->last_on));
        json_object_set_new(row, "last_act_type", json_string(event_code(cf->ev[w->last].event)));
    }
    int stall_days = due_next(row, cf, w, &p, rs);
    json_object_set_new(row, "p19_rounds", json_integer(w->p19_rounds));
    json_object_set_new(row, "pingpong", json_boolean(w->p19_rounds >= rs->pingpong_rounds.value));
    json_object_set_new(row, "directions_open", json_integer(p.directions));
    json_object_set_new(row, "directions_due_at", jat(p.directions > 0, p.directions_due));
    json_object_set_new(row, "pu_due_at", jat(p.pu, p.pu_due));
    json_object_set_new(row, "pu_attention_at", jat(p.pu, p.pu_attention));
    json_t *arrivals = arrivals_json(cf, w, row);
    json_object_set_new(row, "detail",
                        json_pack("{s:o, s:o, s:o, s:i, s:o, s:o, s:o, s:o}", "clocks", clocks,
                                  "directions", directions_of(cf, set), "arrivals", arrivals,
                                  "stall_days", stall_days, "flags",
                                  summary_flags_known(cf, known ? known->facts : NULL, w),
                                  "late_deliveries", late_deliveries(cf, set), "missed_notices",
                                  missed_notices(cf, set), "overruns", overruns(cf, set)));
    json_object_set_new(row, "stats", walk_stats(cf, w));
}

json_t *summary_compute_with(const struct casefile *cf, const struct summary_known *known,
                             struct berr *err)
{
    json_t *row = empty_row(cf);
    if (!row) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    if (cf->nrulesets <= 0)
        return damaged_summary(row, "tanpa aturan");
    struct summary_walk w;
    bool own;
    if (!walk_get(cf, known, &w, &own)) {
        json_decref(row);
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    struct clock_set set;
    struct berr lerr = {0};
    enum got got = clocks_get(cf, known, &set, &lerr);
    if (got != GOT_OK) {
        if (own)
            summary_walk_free(&w);
        if (got == GOT_DAMAGED)
            return damaged_summary(row, lerr.message);
        json_decref(row);
        *err = lerr;
        return NULL;
    }
    summary_fill(row, cf, known, &w, &set);
    free(set.items);
    if (own)
        summary_walk_free(&w);
    return row;
}

/* Whether a standing persetujuan of the Ketua PN refuses (decision ditolak) the standing urgent
 * act it answers. */
static bool refused_approval(const struct casefile *cf)
{
    struct case_event e;
    for (int i = 0; i < cf->nevents; i++) {
        if (cf->ev[i].event != EV_COURT_PERMIT_RECEIVED || cf->ev[i].ref < 0)
            continue;
        const char *d = json_string_value(json_object_get(cf->ev_payload[i], "decision"));
        if (d && strcmp(d, PERMIT_REFUSED) == 0 && evlog_effective(cf->ev, cf->nevents, i, &e) &&
            evlog_effective(cf->ev, cf->nevents, cf->ev[i].ref, &e))
            return true;
    }
    return false;
}

bool summary_handed_short(json_t *detail)
{
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(detail, "arrivals"), i, a)
    {
        const char *kind = json_string_value(json_object_get(a, "kind"));
        if (kind && strcmp(kind, arrival_kinds[ARR_SHORT]) == 0)
            return true;
    }
    return false;
}

json_t *summary_flags(const struct casefile *cf)
{
    return summary_flags_from(cf, NULL);
}

json_t *summary_flags_from(const struct casefile *cf, const struct evlog_fold *fold)
{
    return summary_flags_known(cf, fold, NULL);
}

json_t *summary_flags_known(const struct casefile *cf, const struct evlog_fold *fold,
                            const struct summary_walk *walk)
{
    struct case_facts f;
    if (fold)
        casefile_facts_from(cf, fold, -1, caldate_local_date(cf->now, cf->zone), &f);
    else
        casefile_facts(cf, -1, caldate_local_date(cf->now, cf->zone), &f);
    json_t *flags = json_array();
    if (f.returns_late > 0)
        json_array_append_new(flags, json_string("p19_out_of_time"));
    /* a detention recorded after the arrest's hours, as unlawful with its
     * reason (KUHAP 19(1); issue 13.7) */
    bool unlawful = walk && walk->unlawful;
    struct case_event e;
    for (int i = 0; !walk && !unlawful && i < cf->nevents; i++)
        unlawful =
            evlog_effective(cf->ev, cf->nevents, i, &e) && e.event == EV_DETAINED && e.unlawful;
    if (unlawful)
        json_array_append_new(flags, json_string("detention_unlawful"));
    /* an urgent search or seizure whose approval the Ketua PN refused (KUHAP 34, 38(2); what
     * follows for the goods is not settled: permit.h permit_warnings) */
    if (refused_approval(cf))
        json_array_append_new(flags, json_string("pn_approval_refused"));
    return flags;
}

/* ---- storing ---------------------------------------------------------------------------- */

/* The rows (the maintainer's sweep, the rebuild: through the tables' policies): their summaries
 * and their snapshots, each sent as a JSON text of its own (the snapshots are written first:
 * store_summaries_put), so that each is parsed once. */
static bool store_rows(struct tx *tx, json_t *rows, struct berr *err)
{
    if (json_array_size(rows) == 0)
        return true;
    json_t *summaries = json_array(), *snapshots = json_array();
    bool ok = summaries && snapshots;
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row)
    {
        json_t *snapshot = json_object_get(row, "snapshot");
        json_t *summary = ok ? json_copy(row) : NULL; /* shallow: the members are shared */
        if (!summary) {
            ok = false;
            break;
        }
        (void)json_object_del(summary, "snapshot"); /* -1: none given, nothing to drop */
        ok =
            json_array_append_new(summaries, summary) == 0 &&
            (!json_is_object(snapshot) ||
             json_array_append_new(
                 snapshots, json_pack("{s:O, s:O, s:O}", "case_id", json_object_get(row, "case_id"),
                                      "case_version", json_object_get(row, "case_version"),
                                      "snapshot", snapshot)) == 0);
        if (!ok)
            break;
    }
    char *text = ok ? json_dumps(summaries, JSON_COMPACT) : NULL;
    char *snaps = ok && json_array_size(snapshots) > 0 ? json_dumps(snapshots, JSON_COMPACT) : NULL;
    ok = text && (snaps || json_array_size(snapshots) == 0);
    if (!ok)
        berr_set(err, BERR_INTERNAL, "out of memory");
    ok = ok && store_summaries_put(tx, text, snaps, err);
    free(text);
    free(snaps);
    json_decref(summaries);
    json_decref(snapshots);
    return ok;
}

bool summary_store(struct tx *tx, json_t *rows, struct berr *err)
{
    return store_rows(tx, rows, err);
}

bool summary_texts_make(const struct casefile *cf, json_t *snapshot,
                        const struct summary_known *known, struct summary_texts *t,
                        struct berr *err)
{
    *t = (struct summary_texts){0};
    if (!snapshot)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    json_t *row = summary_compute_with(cf, known, err);
    bool ok = row != NULL; /* else err set by summary_compute_with */
    if (ok) {
        /* json_dumps(JSON_COMPACT)'s texts, at less cost (jsontext.h) */
        t->row = jsontext_dumps(row, NULL);
        t->snapshot = t->row ? jsontext_dumps(snapshot, &t->snapshot_len) : NULL;
        t->format = (int)json_integer_value(json_object_get(snapshot, "format"));
        t->events = (int)json_integer_value(json_object_get(snapshot, "events"));
        t->last_event = (long long)json_integer_value(json_object_get(snapshot, "last_event"));
        ok = t->snapshot || berr_set(err, BERR_INTERNAL, "out of memory");
    }
    json_decref(row);
    json_decref(snapshot);
    if (!ok)
        summary_texts_free(t);
    return ok;
}

void summary_texts_free(struct summary_texts *t)
{
    free(t->row);
    free(t->snapshot);
    *t = (struct summary_texts){0};
}

bool summary_write(struct tx *tx, const struct casefile *cf, json_t *snapshot,
                   const struct summary_known *known, char **text, size_t *len, struct berr *err)
{
    if (text)
        *text = NULL;
    struct summary_texts t;
    if (!summary_texts_make(cf, snapshot, known, &t, err))
        return false;
    /* the snapshot apart, as text (sql/0040): sent with the transaction's next statement, on
     * the write path its audit line and COMMIT (tx_defer) */
    struct store_snapshot_key key = {
        .format = t.format, .events = t.events, .last_event = t.last_event};
    bool ok = store_summaries_record(tx, cf->id, t.row, t.snapshot, &key, err);
    if (ok && text) {
        /* the snapshot's text as stored, for the caller to keep (statecache.h) */
        *len = t.snapshot_len;
        *text = t.snapshot;
        t.snapshot = NULL;
    }
    summary_texts_free(&t);
    return ok;
}

/* ---- rebuilding and checking ------------------------------------------------------------ */

/* The members of a and b that differ, as a JSON array of names. */
static json_t *differing(json_t *a, json_t *b)
{
    json_t *names = json_array();
    const char *key;
    json_t *v;
    json_object_foreach(a, key, v)
    {
        if (!json_equal(v, json_object_get(b, key)))
            json_array_append_new(names, json_string(key));
    }
    return names;
}

struct batch {
    long long ids[SWEEP_BATCH];
    int n;
    struct casefile cf[SWEEP_BATCH];
};

/* The next batch of case ids after *after under root (or, in stale mode,
 * the cases whose summary is missing or of other rule sets). */
static bool next_ids(struct tx *tx, long long root, enum summary_mode mode, long long sig,
                     long long *after, struct batch *b, struct berr *err)
{
    if (!store_casefile_sweep_ids(tx, root, mode == SUMMARY_STALE, sig, CASESTATE_FORMAT, *after,
                                  SWEEP_BATCH, b->ids, &b->n, err))
        return false;
    if (b->n > 0)
        *after = b->ids[b->n - 1];
    return true;
}

/* A stored row's columns in summary_compute's shape (store_summary_columns),
 * or NULL when one does not read as its kind. */
static json_t *stored_row(const struct store_stored_summary *s)
{
    json_t *row = json_object();
    for (int k = 0; row && k < STORE_SUMMARY_NCOLS; k++) {
        const char *v = s->cols[k];
        char kind = store_summary_columns[k].kind;
        json_t *j = !v            ? json_null()
                    : kind == 'i' ? json_integer(strtoll(v, NULL, 10))
                    : kind == 'b' ? json_boolean(v[0] == 't')
                    : kind == 'j' ? json_loads(v, JSON_DECODE_ANY, NULL)
                                  : json_string(v);
        if (!j || json_object_set_new(row, store_summary_columns[k].name, j) != 0) {
            json_decref(row);
            row = NULL;
        }
    }
    return row;
}

/* The stored rows of the batch, as an object keyed by case id ("fence" added). */
static json_t *stored_rows(struct tx *tx, const struct batch *b, struct berr *err)
{
    struct store_stored_summaries s;
    if (!store_casefile_summaries(tx, b->ids, b->n, &s, err))
        return NULL;
    json_t *by_id = json_object();
    for (int i = 0; i < s.n; i++) {
        json_t *row = stored_row(&s.items[i]);
        if (!row)
            continue;
        json_object_set_new(row, "fence", json_boolean(s.items[i].fence));
        char key[24];
        snprintf(key, sizeof key, "%lld", s.items[i].case_id);
        json_object_set_new(by_id, key, row);
    }
    store_stored_summaries_free(&s);
    return by_id;
}

static void note_mismatch(struct summary_report *rep, const struct casefile *cf, json_t *cols)
{
    rep->mismatched++;
    if (json_array_size(rep->mismatches) < MISMATCH_MAX)
        json_array_append_new(rep->mismatches,
                              json_pack("{s:I, s:s, s:O}", "case_id", (json_int_t)cf->id, "number",
                                        cf->number, "columns", cols));
}

/* One case's summary row with its snapshot, the log walked once for both;
 * st is scratch for the fold.  NULL (err set) when it could not be made. */
static json_t *case_row(const struct casefile *cf, struct case_state *st, struct berr *err)
{
    struct summary_walk w;
    if (!summary_walk_log(cf, &w)) {
        summary_walk_free(&w);
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    struct summary_known known = {.walk = &w};
    json_t *row = summary_compute_with(cf, &known, err);
    if (row) {
        /* the snapshot as a fresh fold of the log gives it (snapshot.h) */
        struct clock_input in;
        casefile_clock_input(cf, cf->now, &in);
        (void)casestate_fold(&in, st);
        json_object_set_new(
            row, "snapshot",
            snapshot_json(cf, st, &w, summary_rules_sig(cf->rulesets, cf->nrulesets)));
        casestate_free(st);
    }
    summary_walk_free(&w);
    return row;
}

bool summary_refresh(struct tx *tx, const struct actor *who, long long case_id, struct berr *err)
{
    struct casefile cf;
    if (!casefile_load(tx, who, case_id, false, &cf, err))
        return false;
    struct summary_walk w;
    summary_walk_init(&w);
    struct case_state *st = malloc(sizeof *st);
    bool ok = st && summary_walk_log(&cf, &w);
    if (ok) {
        /* the snapshot as a fresh fold of the log gives it, as case_row's */
        struct clock_input in;
        casefile_clock_input(&cf, cf.now, &in);
        (void)casestate_fold(&in, st);
        struct summary_known known = {.walk = &w};
        ok = summary_write(tx, &cf,
                           snapshot_json(&cf, st, &w, summary_rules_sig(cf.rulesets, cf.nrulesets)),
                           &known, NULL, NULL, err);
        casestate_free(st);
    } else {
        berr_set(err, BERR_INTERNAL, "out of memory");
    }
    free(st);
    summary_walk_free(&w);
    casefile_free(&cf);
    return ok;
}

/* Whether the case's fresh row is to be written: every row when rebuilding
 * or rewriting stale ones; in check and repair mode it is compared with the
 * stored one (old, NULL: missing), a difference noted in rep and rewritten
 * only when repairing. */
static bool row_to_write(json_t *row, json_t *old, const struct casefile *cf,
                         enum summary_mode mode, struct summary_report *rep)
{
    bool rewrite = mode == SUMMARY_REBUILD || mode == SUMMARY_STALE;
    if (mode == SUMMARY_CHECK || mode == SUMMARY_REPAIR) {
        /* the case's version moves with acts that change nothing here: not compared */
        json_object_set(row, "fence", json_true());
        if (old)
            json_object_set(old, "case_version", json_object_get(row, "case_version"));
        json_t *cols = old ? differing(row, old) : json_pack("[s]", "missing");
        if (json_array_size(cols) > 0) {
            note_mismatch(rep, cf, cols);
            rewrite = mode == SUMMARY_REPAIR;
        }
        json_decref(cols);
        json_object_del(row, "fence");
    }
    return rewrite;
}

/* Compare and (by mode) rewrite one loaded batch. */
static bool sweep_batch(struct tx *tx, struct batch *b, enum summary_mode mode,
                        struct summary_report *rep, struct berr *err)
{
    json_t *stored =
        mode == SUMMARY_REBUILD || mode == SUMMARY_STALE ? json_object() : stored_rows(tx, b, err);
    json_t *write = json_array();
    struct case_state *st = malloc(sizeof *st);
    bool ok = stored && write && st;
    if (!st)
        berr_set(err, BERR_INTERNAL, "out of memory");
    for (int i = 0; ok && i < b->n; i++) {
        const struct casefile *cf = &b->cf[i];
        if (cf->id == 0)
            continue; /* gone between the two queries: cannot be, cases are never deleted */
        rep->cases++;
        json_t *row = case_row(cf, st, err);
        if (!row) {
            ok = false;
            break;
        }
        if (!json_is_null(json_object_get(row, "damaged")))
            rep->damaged++;
        char key[24];
        snprintf(key, sizeof key, "%lld", cf->id);
        if (row_to_write(row, json_object_get(stored, key), cf, mode, rep)) {
            json_array_append(write, row);
            rep->written++;
        }
        json_decref(row);
    }
    free(st);
    ok = ok && summary_store(tx, write, err);
    json_decref(stored);
    json_decref(write);
    return ok;
}

/* One batch after *after: read, compare, write, commit.  *after moves on
 * only when it committed. */
static bool sweep_once(struct db_pool *pool, long long root, enum summary_mode mode,
                       long long *after, struct batch *b, struct summary_report *rep,
                       struct berr *err)
{
    /* a transaction on one snapshot: the case rows, their suspects and
     * events are read as of one instant, and writing a row that an act
     * rewrote since fails (40001) instead of overwriting it with an older
     * truth */
    struct tx tx;
    if (!tx_begin_snapshot(&tx, pool, err))
        return false;
    struct ruleset sets[RULESET_MAX];
    int nsets = 0;
    long long next = *after;
    struct summary_report part = {.mismatches = rep->mismatches};
    bool ok = rulesets_load(&tx, sets, &nsets, err) &&
              next_ids(&tx, root, mode, summary_rules_sig(sets, nsets), &next, b, err) &&
              casefile_load_many(&tx, b->ids, b->n, b->cf, err);
    if (ok) {
        ok = sweep_batch(&tx, b, mode, &part, err);
        for (int i = 0; i < b->n; i++)
            casefile_free(&b->cf[i]);
    }
    ok = ok && tx_commit(&tx, err);
    tx_end(&tx);
    if (ok) {
        *after = next;
        rep->cases += part.cases;
        rep->written += part.written;
        rep->mismatched += part.mismatched;
        rep->damaged += part.damaged;
    }
    return ok;
}

bool summary_sweep(struct db_pool *pool, long long root, enum summary_mode mode,
                   struct summary_report *rep, struct berr *err)
{
    return summary_sweep_until(pool, root, mode, NULL, rep, err);
}

bool summary_sweep_until(struct db_pool *pool, long long root, enum summary_mode mode,
                         const atomic_bool *stop, struct summary_report *rep, struct berr *err)
{
    memset(rep, 0, sizeof *rep);
    rep->mismatches = json_array();
    struct batch *b = calloc(1, sizeof *b);
    if (!b || !rep->mismatches) {
        free(b);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    long long after = 0;
    bool ok = true;
    for (int tries = 0; ok;) {
        if (stop && atomic_load(stop)) {
            rep->stopped = true;
            break;
        }
        size_t listed = json_array_size(rep->mismatches);
        if (sweep_once(pool, root, mode, &after, b, rep, err)) {
            tries = 0;
            if (b->n < SWEEP_BATCH)
                break;
            continue;
        }
        /* an act rewrote a row of the batch meanwhile: read it again */
        while (json_array_size(rep->mismatches) > listed)
            json_array_remove(rep->mismatches, listed);
        ok = err->kind == BERR_CONFLICT && ++tries < 10;
        if (ok)
            berr_clear(err);
    }
    free(b);
    return ok;
}
