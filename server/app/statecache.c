/* statecache.c - see statecache.h. */
#include "statecache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapshot.h"

/* builds with AddressSanitizer parse the text of every hit as well and compare */
#if defined(__SANITIZE_ADDRESS__)
#define VERIFY 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VERIFY 1
#endif
#endif

struct entry {
    long long case_id; /* 0: a free slot */
    unsigned long long stamp;
    long long rules_sig;
    int nrulesets, nevents, nsuspects;
    long long last_event;
    long long *suspects; /* party ids, then... */
    bool *foreign;       /* ...their foreign marks (one allocation with them) */
    char *text;
    size_t len;
    struct case_state *st;
    struct summary_walk walk;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct entry slots[STATECACHE_MAX];
static unsigned long long clock_;
static long long hits, misses;

static long long last_event_of(const struct casefile *cf)
{
    return cf->nevents > 0 ? cf->ev_id[cf->nevents - 1] : 0;
}

static bool foreign_of(const struct casefile *cf, int s)
{
    return cf->suspect_foreign && cf->suspect_foreign[s];
}

/* Whether e was made for what snapshot_read reads of cf and of its text. */
static bool same_inputs(const struct entry *e, const struct casefile *cf, long long sig)
{
    if (e->rules_sig != sig || e->nrulesets != cf->nrulesets || e->nevents != cf->nevents ||
        e->last_event != last_event_of(cf) || e->nsuspects != cf->nsuspects || !cf->snapshot ||
        strlen(cf->snapshot) != e->len || memcmp(cf->snapshot, e->text, e->len) != 0)
        return false;
    for (int s = 0; s < cf->nsuspects; s++)
        if (e->suspects[s] != cf->suspect_ids[s] || e->foreign[s] != foreign_of(cf, s))
            return false;
    return true;
}

static void state_free(struct case_state *st)
{
    if (st)
        clock_fold_free(&st->clocks);
    free(st);
}

/* What e holds freed; e is a free slot again. */
static void entry_free(struct entry *e)
{
    free(e->suspects);
    free(e->text);
    state_free(e->st);
    summary_walk_free(&e->walk);
    memset(e, 0, sizeof *e);
}

#ifdef VERIFY
static bool walk_equal(const struct summary_walk *a, const struct summary_walk *b)
{
    return a->stage == b->stage && caldate_cmp(a->stage_since, b->stage_since) == 0 &&
           a->any == b->any && a->last == b->last && caldate_cmp(a->last_on, b->last_on) == 0 &&
           a->p19_rounds == b->p19_rounds && a->narrivals == b->narrivals &&
           (a->narrivals == 0 ||
            memcmp(a->arrivals, b->arrivals, (size_t)a->narrivals * sizeof *a->arrivals) == 0) &&
           memcmp(a->dates, b->dates, sizeof a->dates) == 0 && a->nclosed == b->nclosed &&
           (a->nclosed == 0 ||
            memcmp(a->closed, b->closed, (size_t)a->nclosed * sizeof *a->closed) == 0) &&
           memcmp(a->held_since, b->held_since, sizeof a->held_since) == 0 &&
           a->unlawful == b->unlawful;
}

/* a and b (with their walks) the same in every member the snapshot keeps: compared member by
 * member (casestate_equal) and as the text each makes (snapshot_json) */
static bool state_same(const struct casefile *cf, long long sig, const struct case_state *a,
                       const struct summary_walk *wa, const struct case_state *b,
                       const struct summary_walk *wb)
{
    if (!casestate_equal(a, b) || !walk_equal(wa, wb))
        return false;
    json_t *ja = snapshot_json(cf, a, wa, sig), *jb = snapshot_json(cf, b, wb, sig);
    char *ta = ja ? json_dumps(ja, JSON_COMPACT) : NULL;
    char *tb = jb ? json_dumps(jb, JSON_COMPACT) : NULL;
    bool same = ta && tb && strcmp(ta, tb) == 0 && strcmp(ta, cf->snapshot) == 0;
    free(ta);
    free(tb);
    json_decref(ja);
    json_decref(jb);
    return same;
}

/* The hit's state and walk are what snapshot_read makes of the text: else abort. */
static void verify(const struct casefile *cf, long long sig, struct case_state *st,
                   const struct summary_walk *walk)
{
    struct case_state *parsed = malloc(sizeof *parsed);
    struct summary_walk w;
    if (!parsed)
        return;
    bool read = snapshot_read(cf, cf->snapshot, sig, parsed, &w);
    bool same = read && state_same(cf, sig, st, walk, parsed, &w);
    casestate_free(parsed);
    free(parsed);
    summary_walk_free(&w);
    if (!same) {
        fprintf(stderr, "statecache: case %lld: the kept state is not its snapshot's (%s)\n",
                cf->id, read ? "differs" : "not believed");
        abort();
    }
}
#endif

bool statecache_take(const struct casefile *cf, long long rules_sig, struct case_state **st,
                     struct summary_walk *walk)
{
    struct entry e = {0};
    pthread_mutex_lock(&mu);
    for (int k = 0; k < STATECACHE_MAX; k++)
        if (slots[k].case_id == cf->id && cf->id != 0) {
            if (same_inputs(&slots[k], cf, rules_sig)) {
                e = slots[k];
                memset(&slots[k], 0, sizeof slots[k]);
            }
            break;
        }
    if (e.st)
        hits++;
    else
        misses++;
    pthread_mutex_unlock(&mu);
    if (!e.st)
        return false;
#ifdef VERIFY
    verify(cf, rules_sig, e.st, &e.walk);
#endif
    *st = e.st;
    *walk = e.walk;
    e.st = NULL;
    summary_walk_init(&e.walk);
    entry_free(&e);
    return true;
}

void statecache_put(const struct casefile *cf, long long rules_sig, const char *text, size_t len,
                    struct case_state **st, struct summary_walk *walk)
{
    struct entry e = {.case_id = cf->id,
                      .rules_sig = rules_sig,
                      .nrulesets = cf->nrulesets,
                      .nevents = cf->nevents,
                      .nsuspects = cf->nsuspects,
                      .last_event = last_event_of(cf),
                      .len = len,
                      .st = *st,
                      .walk = *walk};
    *st = NULL;
    summary_walk_init(walk);
    size_t n = (size_t)cf->nsuspects;
    e.suspects = malloc(n * (sizeof *e.suspects + sizeof *e.foreign) + 1);
    e.text = malloc(len + 1);
    if (!e.suspects || !e.text || cf->id == 0 || !text) {
        entry_free(&e);
        return;
    }
    e.foreign = (bool *)(e.suspects + n);
    for (size_t s = 0; s < n; s++) {
        e.suspects[s] = cf->suspect_ids[s];
        e.foreign[s] = foreign_of(cf, (int)s);
    }
    memcpy(e.text, text, len);
    e.text[len] = '\0';

    struct entry gone = {0};
    pthread_mutex_lock(&mu);
    /* the case's own slot, else a free one, else the one put longest ago */
    int at = -1;
    for (int k = 0; k < STATECACHE_MAX && at < 0; k++)
        if (slots[k].case_id == cf->id)
            at = k;
    for (int k = 0; k < STATECACHE_MAX && at < 0; k++)
        if (slots[k].case_id == 0)
            at = k;
    if (at < 0) {
        at = 0;
        for (int k = 1; k < STATECACHE_MAX; k++)
            if (slots[k].stamp < slots[at].stamp)
                at = k;
    }
    gone = slots[at];
    e.stamp = ++clock_;
    slots[at] = e;
    pthread_mutex_unlock(&mu);
    if (gone.case_id)
        entry_free(&gone);
}

void statecache_clear(void)
{
    pthread_mutex_lock(&mu);
    for (int k = 0; k < STATECACHE_MAX; k++)
        entry_free(&slots[k]);
    pthread_mutex_unlock(&mu);
}

void statecache_stats(long long *h, long long *m)
{
    pthread_mutex_lock(&mu);
    *h = hits;
    *m = misses;
    pthread_mutex_unlock(&mu);
}
