/*
 * offload.h - a few threads of their own for the requests that take long
 * without the database (a log-on: one argon2id, 64 MiB and about a tenth
 * of a second of CPU), so that they never occupy libmicrohttpd's workers.
 *
 * Issue 9.2: 24 clients posting log-ons pushed a logged-on user's request
 * from 1.7 ms to 11 s, because the hashes ran on the HTTP workers and every
 * worker waited for one.  server.c suspends such a request's connection
 * (MHD_suspend_connection), hands it here, and the job resumes it when its
 * answer is ready; meanwhile the HTTP workers serve everyone else.  The
 * queue is bounded: a request that finds it full is answered 503 with
 * Retry-After at once, instead of waiting.
 *
 * Thread safety: every function may be called from any thread.
 */
#ifndef BERKAS_HTTP_OFFLOAD_H
#define BERKAS_HTTP_OFFLOAD_H

#include <stdbool.h>

struct offload;

/* A job: run(arg) on one of the pool's threads.  stop(arg) instead, on the
 * thread that calls offload_free(), for a job still queued when the pool
 * stops (it must still answer its request). */
struct offload_job {
    void (*run)(void *arg);
    void (*stop)(void *arg);
    void *arg;
    struct offload_job *next; /* the pool's */
};

/* `threads` threads with room for `queue` jobs waiting; NULL when out of
 * memory or no thread could start. */
struct offload *offload_new(int threads, int queue);

/* Stop taking jobs, stop() the queued ones, let the running ones finish,
 * join the threads, free.  NULL is fine. */
void offload_free(struct offload *o);

/* Hold a place for one job: false when the queue is full or the pool is
 * stopping (answer 503 then).  A reservation must be used by
 * offload_submit(). */
bool offload_reserve(struct offload *o);

/* Queue a job in the place reserved (never fails).  The job is the
 * caller's memory until run() or stop() is called. */
void offload_submit(struct offload *o, struct offload_job *job);

#endif
