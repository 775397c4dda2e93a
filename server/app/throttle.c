/* throttle.c - see throttle.h. */
#include "throttle.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SLOTS 4096
#define PROBE 16 /* slots looked at per key: its own, or the stalest to reuse */

struct bucket {
    char key[64];
    double tokens;
    long long at; /* ms, monotonic: when tokens was last brought up to date */
};

struct throttle {
    pthread_mutex_t lock;
    struct bucket b[SLOTS];
};

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

struct throttle *throttle_new(void)
{
    struct throttle *t = calloc(1, sizeof *t);
    if (t)
        pthread_mutex_init(&t->lock, NULL);
    return t;
}

void throttle_free(struct throttle *t)
{
    if (!t)
        return;
    pthread_mutex_destroy(&t->lock);
    free(t);
}

static bool take(struct throttle *t, const char *key, int per_minute, bool spend, int *retry_after)
{
    *retry_after = 0;
    if (!t || per_minute <= 0)
        return true;
    char k[64];
    snprintf(k, sizeof k, "%s", key);
    long long now = now_ms();
    unsigned long h = hash(k);
    pthread_mutex_lock(&t->lock);
    struct bucket *use = NULL, *stalest = NULL;
    for (int i = 0; i < PROBE && !use; i++) {
        struct bucket *b = &t->b[(h + (unsigned long)i) % SLOTS];
        if (strcmp(b->key, k) == 0)
            use = b;
        else if (!stalest || b->at < stalest->at)
            stalest = b;
    }
    if (!use) {
        use = stalest;
        snprintf(use->key, sizeof use->key, "%s", k);
        use->tokens = per_minute;
        use->at = now;
    }
    double rate = per_minute / 60000.0; /* tokens per ms */
    use->tokens += (double)(now - use->at) * rate;
    if (use->tokens > per_minute)
        use->tokens = per_minute;
    use->at = now;
    bool ok = use->tokens >= 1.0;
    if (ok && spend)
        use->tokens -= 1.0;
    else
        *retry_after = (int)((1.0 - use->tokens) / rate / 1000.0) + 1;
    pthread_mutex_unlock(&t->lock);
    return ok;
}

bool throttle_take(struct throttle *t, const char *key, int per_minute, bool spend,
                   int *retry_after)
{
    return take(t, key, per_minute, spend, retry_after);
}

void throttle_spend(struct throttle *t, const char *key, int per_minute)
{
    int retry_after;
    take(t, key, per_minute, true, &retry_after); /* none left: the bucket is spent already */
}
