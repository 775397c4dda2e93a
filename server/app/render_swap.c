/* render_swap.c - the forms' engine swapped on SIGHUP; see app.h.
 *
 * Each engine in force is a generation with a count of the requests that
 * pinned it.  The pin is kept per thread: a request runs on one thread
 * (an HTTP worker or a log-on thread) from app_render_pin to app_render_unpin,
 * and every app_render on that thread meanwhile gives the pinned engine, so
 * that a form found in one engine is never rendered by another, nor by an
 * engine already closed.
 */
#include <pthread.h>
#include <stdlib.h>

#include "app.h"
#include "render/render.h"
#include "render_swap.h"

struct render_gen {
    struct render_engine *engine;
    int pins;
};

struct render_slot {
    pthread_mutex_t lock;
    struct render_gen *current;
};

static _Thread_local struct render_gen *pinned;

bool app_render_start(struct app *app, struct berr *err)
{
    struct render_slot *s = calloc(1, sizeof *s);
    struct render_gen *g = calloc(1, sizeof *g);
    if (!s || !g) {
        free(s);
        free(g);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    pthread_mutex_init(&s->lock, NULL);
    g->engine = app->render;
    s->current = g;
    app->render_slot = s;
    return true;
}

const struct render_engine *app_render(struct app *app)
{
    if (pinned)
        return pinned->engine;
    struct render_slot *s = app->render_slot;
    if (!s)
        return app->render;
    pthread_mutex_lock(&s->lock);
    const struct render_engine *e = s->current->engine;
    pthread_mutex_unlock(&s->lock);
    return e;
}

void app_render_pin(struct app *app)
{
    struct render_slot *s = app->render_slot;
    if (!s || pinned)
        return;
    pthread_mutex_lock(&s->lock);
    pinned = s->current;
    pinned->pins++;
    pthread_mutex_unlock(&s->lock);
}

void app_render_unpin(struct app *app)
{
    struct render_slot *s = app->render_slot;
    struct render_gen *g = pinned;
    if (!s || !g)
        return;
    pinned = NULL;
    pthread_mutex_lock(&s->lock);
    bool last = --g->pins == 0 && g != s->current;
    pthread_mutex_unlock(&s->lock);
    if (last) {
        render_close(g->engine);
        free(g);
    }
}

void app_render_swap(struct app *app, struct render_engine *fresh)
{
    struct render_slot *s = app->render_slot;
    struct render_gen *g = calloc(1, sizeof *g);
    if (!s || !g) { /* not serving, or no memory: keep the one in force */
        free(g);
        render_close(fresh);
        return;
    }
    g->engine = fresh;
    pthread_mutex_lock(&s->lock);
    struct render_gen *old = s->current;
    s->current = g;
    app->render = fresh;
    bool unused = old->pins == 0;
    pthread_mutex_unlock(&s->lock);
    if (unused) {
        render_close(old->engine);
        free(old);
    }
}

void app_render_stop(struct app *app)
{
    struct render_slot *s = app->render_slot;
    if (!s) {
        render_close(app->render);
        app->render = NULL;
        return;
    }
    render_close(s->current->engine);
    free(s->current);
    pthread_mutex_destroy(&s->lock);
    free(s);
    app->render_slot = NULL;
    app->render = NULL;
}
