/*
 * render_swap.h - the forms' engine in force, swapped on SIGHUP while
 * requests run (render_swap.c).
 */
#ifndef BERKAS_APP_RENDER_SWAP_H
#define BERKAS_APP_RENDER_SWAP_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct render_engine;

/* From here on app->render is the engine in force and may be replaced by
 * app_render_swap while requests run.  A request pins the engine in force
 * when it starts (app_render_pin, in the HTTP layer before the handler) and
 * uses that one throughout (app_render), even when a swap comes meanwhile;
 * an engine replaced is closed when the last request pinning it unpins.
 * Without app_render_start, app_render is app->render and the rest does
 * nothing. */
BERKAS_MUST_CHECK bool app_render_start(struct app *app, struct berr *err);
const struct render_engine *app_render(struct app *app);
void app_render_pin(struct app *app);
void app_render_unpin(struct app *app);
/* fresh (a checked engine, render_open) in force for requests that start
 * from now on. */
void app_render_swap(struct app *app, struct render_engine *fresh);
/* Close the engine in force (no request may be running). */
void app_render_stop(struct app *app);

#endif
