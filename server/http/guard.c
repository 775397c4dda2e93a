/* guard.c - see guard.h. */
#include "guard.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

struct guard_conn {
    int fd;
    bool receiving;  /* the clock runs */
    bool cut;        /* shut down already */
    long long since; /* ms, monotonic: when the clock started */
    struct guard_conn *prev, *next;
};

struct guard {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    bool stopping;
    long long budget_ms, tight_ms;
    unsigned tight_above; /* open connections beyond which the tight budget applies */
    unsigned open;
    unsigned long cut;
    struct guard_conn *head;
};

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether bytes wait in the socket that libmicrohttpd has not read yet: then
 * the client sent its request and the server is the slow one (all its
 * workers busy), which is no reason to cut the client. */
static bool unread(int fd)
{
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 && n > 0;
}

static void *watch(void *arg)
{
    struct guard *g = arg;
    pthread_mutex_lock(&g->lock);
    while (!g->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 250 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&g->wake, &g->lock, &until);
        long long now = now_ms();
        long long budget = g->open > g->tight_above ? g->tight_ms : g->budget_ms;
        unsigned cut = 0;
        for (struct guard_conn *c = g->head; c; c = c->next)
            if (c->receiving && !c->cut && now - c->since > budget && !unread(c->fd)) {
                shutdown(c->fd, SHUT_RDWR);
                c->cut = true;
                cut++;
            }
        if (cut) {
            g->cut += cut;
            fprintf(stderr,
                    "berkasd: http: closed %u connection%s that did not send a request within "
                    "%lld s\n",
                    cut, cut == 1 ? "" : "s", budget / 1000);
        }
    }
    pthread_mutex_unlock(&g->lock);
    return NULL;
}

struct guard *guard_new(unsigned budget_s, unsigned tight_s, unsigned conn_limit)
{
    struct guard *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    pthread_mutex_init(&g->lock, NULL);
    pthread_cond_init(&g->wake, NULL);
    g->budget_ms = (long long)budget_s * 1000;
    g->tight_ms = (long long)(tight_s < budget_s ? tight_s : budget_s) * 1000;
    g->tight_above = conn_limit / 4 * 3;
    if (pthread_create(&g->thread, NULL, watch, g) != 0) {
        pthread_mutex_destroy(&g->lock);
        pthread_cond_destroy(&g->wake);
        free(g);
        return NULL;
    }
    return g;
}

void guard_free(struct guard *g)
{
    if (!g)
        return;
    pthread_mutex_lock(&g->lock);
    g->stopping = true;
    pthread_cond_signal(&g->wake);
    pthread_mutex_unlock(&g->lock);
    pthread_join(g->thread, NULL);
    while (g->head) {
        struct guard_conn *c = g->head;
        g->head = c->next;
        free(c);
    }
    pthread_mutex_destroy(&g->lock);
    pthread_cond_destroy(&g->wake);
    free(g);
}

struct guard_conn *guard_open(struct guard *g, int fd)
{
    struct guard_conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->fd = fd;
    c->receiving = true;
    c->since = now_ms();
    pthread_mutex_lock(&g->lock);
    c->next = g->head;
    if (g->head)
        g->head->prev = c;
    g->head = c;
    g->open++;
    pthread_mutex_unlock(&g->lock);
    return c;
}

void guard_close(struct guard *g, struct guard_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&g->lock);
    if (c->prev)
        c->prev->next = c->next;
    else
        g->head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    g->open--;
    pthread_mutex_unlock(&g->lock);
    free(c);
}

void guard_received(struct guard *g, struct guard_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&g->lock);
    c->receiving = false;
    pthread_mutex_unlock(&g->lock);
}

void guard_idle(struct guard *g, struct guard_conn *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&g->lock);
    c->receiving = true;
    c->since = now_ms();
    pthread_mutex_unlock(&g->lock);
}

unsigned long guard_cut_count(struct guard *g)
{
    pthread_mutex_lock(&g->lock);
    unsigned long n = g->cut;
    pthread_mutex_unlock(&g->lock);
    return n;
}
