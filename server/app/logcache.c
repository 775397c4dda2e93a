/* logcache.c - see logcache.h. */
#include "logcache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 4096

struct entry {
    long long case_id;
    int nevents, cap;
    unsigned char head[32];
    int nsuspects;
    long long *suspects;
    struct case_event *ev;
    long long *ev_id;
    json_t **ev_payload;
    struct entry *chain;         /* next in the bucket */
    struct entry *newer, *older; /* the LRU list */
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct entry *buckets[NBUCKETS];
static struct entry *newest, *oldest;
static long long total, hits, misses;

static unsigned bucket_of(long long id)
{
    return (unsigned)((unsigned long long)id * 0x9E3779B97F4A7C15ULL >> 52) % NBUCKETS;
}

static void free_log(int n, struct case_event *ev, long long *ids, json_t **payloads)
{
    for (int i = 0; payloads && i < n; i++)
        json_decref(payloads[i]);
    free(ev);
    free(ids);
    free(payloads);
}

/* Unlink e from its bucket and the LRU list (mu held). */
static void unlink_entry(struct entry *e)
{
    struct entry **p = &buckets[bucket_of(e->case_id)];
    while (*p && *p != e)
        p = &(*p)->chain;
    if (*p)
        *p = e->chain;
    if (e->newer)
        e->newer->older = e->older;
    else
        newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        oldest = e->newer;
    total -= e->nevents;
}

static void free_entry(struct entry *e)
{
    free_log(e->nevents, e->ev, e->ev_id, e->ev_payload);
    free(e->suspects);
    free(e);
}

static struct entry *find(long long id)
{
    for (struct entry *e = buckets[bucket_of(id)]; e; e = e->chain)
        if (e->case_id == id)
            return e;
    return NULL;
}

static bool same_head(const struct entry *e, const struct casefile *cf)
{
    return e->nevents == cf->head_events && memcmp(e->head, cf->last_hash, sizeof e->head) == 0 &&
           e->nsuspects == cf->nsuspects &&
           (cf->nsuspects == 0 ||
            memcmp(e->suspects, cf->suspect_ids, (size_t)cf->nsuspects * sizeof *e->suspects) == 0);
}

bool logcache_take(struct casefile *cf)
{
    pthread_mutex_lock(&mu);
    struct entry *e = find(cf->id);
    if (!e || !same_head(e, cf)) {
        misses++;
        pthread_mutex_unlock(&mu);
        return false;
    }
    unlink_entry(e);
    hits++;
    pthread_mutex_unlock(&mu);
    int n = e->nevents;
    if (e->cap < n + 1) {
        /* room for the act the writer appends, and the next few */
        size_t room = (size_t)n + (size_t)n / 2 + 16;
        struct case_event *ev = realloc(e->ev, room * sizeof *ev);
        if (ev)
            e->ev = ev;
        long long *ids = realloc(e->ev_id, room * sizeof *ids);
        if (ids)
            e->ev_id = ids;
        json_t **pl = realloc(e->ev_payload, room * sizeof *pl);
        if (pl)
            e->ev_payload = pl;
        if (!ev || !ids || !pl) {
            free_entry(e);
            return false;
        }
        e->cap = (int)room;
        /* the notes of evlog_index hold for the address they were made at:
         * an entry is put indexed, so only a moved log needs them again */
        evlog_index(e->ev, n);
    }
    cf->nevents = n;
    cf->ev = e->ev;
    cf->ev_id = e->ev_id;
    cf->ev_payload = e->ev_payload;
    cf->ev_cap = e->cap;
    free(e->suspects);
    free(e);
    return true;
}

void logcache_put(struct casefile *cf)
{
    int n = cf->nevents;
    int cap = cf->ev_cap > n ? cf->ev_cap : n;
    struct entry *e = calloc(1, sizeof *e);
    long long *sus = calloc((size_t)cf->nsuspects + 1, sizeof *sus);
    if (!e || !sus || !cf->ev || !cf->ev_id || !cf->ev_payload || n > LOGCACHE_MAX_EVENTS) {
        free(e);
        free(sus);
        return; /* the caller frees the log */
    }
    e->case_id = cf->id;
    e->nevents = n;
    e->cap = cap;
    memcpy(e->head, cf->last_hash, sizeof e->head);
    e->nsuspects = cf->nsuspects;
    if (cf->nsuspects > 0)
        memcpy(sus, cf->suspect_ids, (size_t)cf->nsuspects * sizeof *sus);
    e->suspects = sus;
    e->ev = cf->ev;
    e->ev_id = cf->ev_id;
    e->ev_payload = cf->ev_payload;
    cf->ev = NULL;
    cf->ev_id = NULL;
    cf->ev_payload = NULL;
    cf->nevents = 0;
    cf->ev_cap = 0;

    struct entry *gone = NULL;
    pthread_mutex_lock(&mu);
    struct entry *old = find(e->case_id);
    if (old) {
        unlink_entry(old);
        old->chain = gone;
        gone = old;
    }
    unsigned b = bucket_of(e->case_id);
    e->chain = buckets[b];
    buckets[b] = e;
    e->older = newest;
    if (newest)
        newest->newer = e;
    newest = e;
    if (!oldest)
        oldest = e;
    total += n;
    while (total > LOGCACHE_MAX_EVENTS && oldest && oldest != e) {
        struct entry *x = oldest;
        unlink_entry(x);
        x->chain = gone;
        gone = x;
    }
    pthread_mutex_unlock(&mu);
    /* freed outside the lock: a long log's payloads take a while */
    while (gone) {
        struct entry *next = gone->chain;
        free_entry(gone);
        gone = next;
    }
}

void logcache_clear(void)
{
    pthread_mutex_lock(&mu);
    struct entry *all = newest;
    memset(buckets, 0, sizeof buckets);
    newest = oldest = NULL;
    total = 0;
    pthread_mutex_unlock(&mu);
    while (all) {
        struct entry *next = all->older;
        free_entry(all);
        all = next;
    }
}

void logcache_stats(long long *h, long long *m)
{
    pthread_mutex_lock(&mu);
    *h = hits;
    *m = misses;
    pthread_mutex_unlock(&mu);
}
