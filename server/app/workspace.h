/*
 * workspace.h - the case summaries behind the supervisors' and prosecutors'
 * workspace (issue 10): their check and their refresher (summaries.c).
 * The workspace's lists have a header each: review.h, directions.h,
 * inbox.h, stats.h.
 */
#ifndef BERKAS_APP_WORKSPACE_H
#define BERKAS_APP_WORKSPACE_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

/* ---- summaries (summaries.c) ----------------------------------------------------------- */

/* Admin: compare every summary of the admin's subtree with its
 * recomputation from the log (repair: and rewrite those that differ);
 * names the cases that differ, never their contents.  Needs app->maint. */
BERKAS_MUST_CHECK json_t *app_summaries_check(struct app *app, const struct actor *who, bool repair,
                                              struct audit_rec *au, struct berr *err);

/* Start the thread that rewrites summaries computed under other rule sets
 * (after an amendment) and builds missing ones; app_summaries_wake() nudges
 * it.  Needs app->maint.  app_summaries_stop() joins it. */
BERKAS_MUST_CHECK bool app_summaries_start(struct app *app, struct berr *err);
void app_summaries_wake(struct app *app);
void app_summaries_stop(struct app *app);

#endif
