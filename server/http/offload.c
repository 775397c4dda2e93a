/* offload.c - see offload.h. */
#include "offload.h"

#include <pthread.h>
#include <stdlib.h>

struct offload {
    pthread_mutex_t lock;
    pthread_cond_t work;
    pthread_t *threads;
    int nthreads;
    int capacity; /* running + waiting at most */
    int held;     /* places reserved, queued or running */
    bool stopping;
    struct offload_job *head, *tail;
};

static void *worker(void *arg)
{
    struct offload *o = arg;
    pthread_mutex_lock(&o->lock);
    for (;;) {
        while (!o->head && !o->stopping)
            pthread_cond_wait(&o->work, &o->lock);
        if (!o->head)
            break; /* stopping, and nothing left */
        struct offload_job *j = o->head;
        o->head = j->next;
        if (!o->head)
            o->tail = NULL;
        pthread_mutex_unlock(&o->lock);
        j->run(j->arg);
        pthread_mutex_lock(&o->lock);
        o->held--;
    }
    pthread_mutex_unlock(&o->lock);
    return NULL;
}

struct offload *offload_new(int threads, int queue)
{
    struct offload *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->threads = calloc((size_t)(threads > 0 ? threads : 1), sizeof *o->threads);
    if (!o->threads) {
        free(o);
        return NULL;
    }
    pthread_mutex_init(&o->lock, NULL);
    pthread_cond_init(&o->work, NULL);
    o->capacity = (threads > 0 ? threads : 1) + (queue > 0 ? queue : 0);
    for (int i = 0; i < (threads > 0 ? threads : 1); i++) {
        if (pthread_create(&o->threads[i], NULL, worker, o) != 0) {
            offload_free(o);
            return NULL;
        }
        o->nthreads++;
    }
    return o;
}

void offload_free(struct offload *o)
{
    if (!o)
        return;
    pthread_mutex_lock(&o->lock);
    o->stopping = true;
    struct offload_job *queued = o->head; /* answered here, not run */
    o->head = o->tail = NULL;
    pthread_cond_broadcast(&o->work);
    pthread_mutex_unlock(&o->lock);
    while (queued) {
        struct offload_job *next = queued->next;
        queued->stop(queued->arg);
        queued = next;
    }
    for (int i = 0; i < o->nthreads; i++)
        pthread_join(o->threads[i], NULL);
    pthread_mutex_destroy(&o->lock);
    pthread_cond_destroy(&o->work);
    free(o->threads);
    free(o);
}

bool offload_reserve(struct offload *o)
{
    pthread_mutex_lock(&o->lock);
    bool ok = !o->stopping && o->held < o->capacity;
    if (ok)
        o->held++;
    pthread_mutex_unlock(&o->lock);
    return ok;
}

void offload_submit(struct offload *o, struct offload_job *job)
{
    job->next = NULL;
    pthread_mutex_lock(&o->lock);
    if (o->stopping) { /* stopped between the reservation and now */
        pthread_mutex_unlock(&o->lock);
        job->stop(job->arg);
        return;
    }
    if (o->tail)
        o->tail->next = job;
    else
        o->head = job;
    o->tail = job;
    pthread_cond_signal(&o->work);
    pthread_mutex_unlock(&o->lock);
}
