/*
 * summaries.c - keeping the case summaries true: the check an administrator
 * asks for, and the thread that rewrites the rows a rule-set amendment made
 * stale (and builds the rows of cases that have none, after an upgrade).
 *
 * Both run on app->maint, connections as berkas_maint (sql/0009), which read
 * every log: request handlers' own connections (berkas_app) could not.  They
 * report case ids, numbers and counts, never contents.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "audit.h"
#include "store/tx.h"
#include "summary.h"
#include "workspace.h"

#define REFRESH_IDLE_SECONDS 300 /* a safety net: amendments wake it at once */

struct summary_refresher {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool wake, stop;
    atomic_bool stopping; /* stop, as the sweep reads it between two batches */
    struct app *app;
};

json_t *app_summaries_check(struct app *app, const struct actor *who, bool repair,
                            struct audit_rec *au, struct berr *err)
{
    au->action = repair ? "summaries.repair" : "summaries.check";
    if (who->role != ROLE_ADMIN) {
        berr_set(err, BERR_FORBIDDEN, "hanya administrator");
        return NULL;
    }
    if (!app->maint) {
        berr_set(err, BERR_UNAVAILABLE, "pemeliharaan ringkasan tidak tersedia");
        return NULL;
    }
    struct summary_report rep;
    if (!summary_sweep(app->maint, who->office_id, repair ? SUMMARY_REPAIR : SUMMARY_CHECK, &rep,
                       err)) {
        json_decref(rep.mismatches);
        return NULL;
    }
    snprintf(au->detail, sizeof au->detail, "{\"cases\":%lld,\"mismatched\":%lld,\"written\":%lld}",
             rep.cases, rep.mismatched, rep.written);
    /* the line is written by the caller's own transaction (no case rows there) */
    struct tx tx;
    bool ok = tx_begin(&tx, app->db, who->user_id, err) && audit_ok(&tx, who, au, err) &&
              tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        json_decref(rep.mismatches);
        return NULL;
    }
    return json_pack("{s:I, s:I, s:I, s:I, s:b, s:o}", "cases", (json_int_t)rep.cases, "mismatched",
                     (json_int_t)rep.mismatched, "written", (json_int_t)rep.written, "damaged",
                     (json_int_t)rep.damaged, "consistent", rep.mismatched == 0, "mismatches",
                     rep.mismatches);
}

static void *refresh_run(void *arg)
{
    struct summary_refresher *r = arg;
    pthread_mutex_lock(&r->mu);
    while (!r->stop) {
        if (!r->wake) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_sec += REFRESH_IDLE_SECONDS;
            pthread_cond_timedwait(&r->cv, &r->mu, &until);
            if (r->stop)
                break;
        }
        r->wake = false;
        pthread_mutex_unlock(&r->mu);
        struct summary_report rep;
        struct berr err = {0};
        if (!summary_sweep_until(r->app->maint, 0, SUMMARY_STALE, &r->stopping, &rep, &err))
            fprintf(stderr, "berkasd: case summaries: %s\n", err.message);
        else if (rep.stopped)
            fprintf(stderr,
                    "berkasd: case summaries: %lld rewritten before stopping; the rest at the "
                    "next start\n",
                    rep.written);
        else if (rep.written > 0)
            fprintf(stderr, "berkasd: case summaries: %lld rewritten (rule sets or schema)\n",
                    rep.written);
        json_decref(rep.mismatches);
        pthread_mutex_lock(&r->mu);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

bool app_summaries_start(struct app *app, struct berr *err)
{
    if (!app->maint)
        return berr_set(err, BERR_INTERNAL, "no maintenance connection");
    struct summary_refresher *r = calloc(1, sizeof *r);
    if (!r)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    r->app = app;
    atomic_init(&r->stopping, false);
    r->wake = true; /* at start-up: rows missing after an upgrade, or stale */
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv, NULL);
    if (pthread_create(&r->thread, NULL, refresh_run, r) != 0) {
        pthread_mutex_destroy(&r->mu);
        pthread_cond_destroy(&r->cv);
        free(r);
        return berr_set(err, BERR_INTERNAL, "cannot start the summaries thread");
    }
    app->refresher = r;
    return true;
}

void app_summaries_wake(struct app *app)
{
    struct summary_refresher *r = app->refresher;
    if (!r)
        return;
    pthread_mutex_lock(&r->mu);
    r->wake = true;
    pthread_cond_signal(&r->cv);
    pthread_mutex_unlock(&r->mu);
}

void app_summaries_stop(struct app *app)
{
    struct summary_refresher *r = app->refresher;
    if (!r)
        return;
    atomic_store(&r->stopping, true); /* a sweep under way ends after its batch */
    pthread_mutex_lock(&r->mu);
    r->stop = true;
    pthread_cond_signal(&r->cv);
    pthread_mutex_unlock(&r->mu);
    pthread_join(r->thread, NULL);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->cv);
    free(r);
    app->refresher = NULL;
}
