/*
 * h_review.c - the supervisors' workspace over HTTP: the review list, its
 * counts per office, and the administrator's check of the case summaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/directions.h"
#include "app/inbox.h"
#include "app/review.h"
#include "app/stats.h"
#include "app/workspace.h"
#include "handlers.h"

/* A query value of at most max bytes, or a 400 naming it. */
static bool query_arg(struct http_request *req, const char *name, size_t max, const char **out,
                      struct berr *err)
{
    *out = http_query(req, name);
    if (*out && (strlen(*out) == 0 || strlen(*out) > max))
        return berr_field(err, BERR_BAD_INPUT, name, "%s: 1 sampai %zu karakter", name, max);
    return true;
}

HANDLER(h_review_list)
{
    struct berr err = {0};
    struct review_filter f = {0};
    const char *limit;
    long long n = 0;
    bool ok =
        query_arg(req, "office", 40, &f.office, &err) &&
        query_arg(req, "reason", 24, &f.reason, &err) &&
        query_arg(req, "actor", 24, &f.actor, &err) &&
        query_arg(req, "stage", 24, &f.stage, &err) &&
        query_arg(req, "state", 16, &f.state, &err) && query_arg(req, "mine", 8, &f.mine, &err) &&
        query_arg(req, "cursor", 48, &f.cursor, &err) && query_arg(req, "limit", 8, &limit, &err);
    if (ok && limit && (!path_id(limit, "limit", &n, &err) || n > 100))
        ok = berr_field(&err, BERR_BAD_INPUT, "limit", "limit: 1 sampai 100");
    f.limit = (int)n;
    reply_result(rep, 200, ok ? app_review_list(app, &req->actor, &f, &req->audit, &err) : NULL,
                 &err);
}

HANDLER(h_review_counts)
{
    struct berr err = {0};
    const char *office;
    bool ok = query_arg(req, "office", 40, &office, &err);
    reply_result(rep, 200,
                 ok ? app_review_counts(app, &req->actor, office, &req->audit, &err) : NULL, &err);
}

HANDLER(h_summaries_check)
{
    static const char *const fields[] = {"repair", NULL};
    struct berr err = {0};
    req->audit.action = "summaries.check";
    json_t *body = json_body(req, fields, true, &err);
    json_t *repair = body ? json_object_get(body, "repair") : NULL;
    bool ok = body != NULL;
    if (ok && repair && !json_is_boolean(repair))
        ok = berr_field(&err, BERR_BAD_INPUT, "repair", "repair harus true atau false");
    json_t *j =
        ok ? app_summaries_check(app, &req->actor, json_is_true(repair), &req->audit, &err) : NULL;
    reply_result(rep, 200, j, &err);
    json_decref(body);
}

HANDLER(h_directions_list)
{
    struct berr err = {0};
    struct direction_filter f = {0};
    const char *limit;
    long long n = 0;
    bool ok =
        query_arg(req, "state", 16, &f.state, &err) &&
        query_arg(req, "office", 40, &f.office, &err) && query_arg(req, "mine", 8, &f.mine, &err) &&
        query_arg(req, "cursor", 48, &f.cursor, &err) && query_arg(req, "limit", 8, &limit, &err);
    if (ok && limit && (!path_id(limit, "limit", &n, &err) || n > 100))
        ok = berr_field(&err, BERR_BAD_INPUT, "limit", "limit: 1 sampai 100");
    f.limit = (int)n;
    reply_result(rep, 200, ok ? app_directions_list(app, &req->actor, &f, &req->audit, &err) : NULL,
                 &err);
}

HANDLER(h_reassign)
{
    static const char *const fields[] = {"cases", "add", "remove", "reason", NULL};
    struct berr err = {0};
    req->audit.action = "case.reassign";
    json_t *body = json_body(req, fields, false, &err);
    struct reassign_input in = {0};
    bool ok = body && json_get_str(body, "reason", true, 500, &in.reason, &err);
    if (ok) {
        in.cases = json_object_get(body, "cases");
        in.add = json_object_get(body, "add");
        in.remove = json_object_get(body, "remove");
    }
    json_t *j = ok ? app_reassign(app, &req->actor, &in, &req->audit, &err) : NULL;
    reply_result(rep, 200, j, &err);
    json_decref(body);
}

HANDLER(h_inbox_list)
{
    struct berr err = {0};
    struct inbox_filter f = {0};
    const char *limit, *case_id;
    long long n = 0;
    bool ok =
        query_arg(req, "unread", 8, &f.unread, &err) && query_arg(req, "kind", 16, &f.kind, &err) &&
        query_arg(req, "mine", 8, &f.mine, &err) && query_arg(req, "case", 24, &case_id, &err) &&
        query_arg(req, "cursor", 64, &f.cursor, &err) && query_arg(req, "limit", 8, &limit, &err);
    if (ok && case_id)
        ok = path_id(case_id, "case", &f.case_id, &err);
    if (ok && limit && (!path_id(limit, "limit", &n, &err) || n > 100))
        ok = berr_field(&err, BERR_BAD_INPUT, "limit", "limit: 1 sampai 100");
    f.limit = (int)n;
    reply_result(rep, 200, ok ? app_inbox_list(app, &req->actor, &f, &req->audit, &err) : NULL,
                 &err);
}

HANDLER(h_inbox_read)
{
    static const char *const fields[] = {"events", "cases", NULL};
    struct berr err = {0};
    req->audit.action = "inbox.read";
    json_t *body = json_body(req, fields, false, &err);
    json_t *j = body ? app_inbox_read(app, &req->actor, json_object_get(body, "events"),
                                      json_object_get(body, "cases"), &req->audit, &err)
                     : NULL;
    reply_result(rep, 200, j, &err);
    json_decref(body);
}

static bool stats_args(struct http_request *req, struct stats_request *rq, const char **format,
                       struct berr *err)
{
    return query_arg(req, "month", 7, &rq->month, err) &&
           query_arg(req, "year", 4, &rq->year, err) &&
           query_arg(req, "office", 40, &rq->office, err) &&
           (!format || query_arg(req, "format", 4, format, err));
}

/* "2026-11" or "2026": the file name's period, from what was checked. */
static const char *period_name(const struct stats_request *rq)
{
    return rq->month ? rq->month : rq->year ? rq->year : "";
}

HANDLER(h_stats)
{
    struct berr err = {0};
    struct stats_request rq = {0};
    const char *format = NULL;
    bool ok = stats_args(req, &rq, &format, &err);
    if (ok && format && strcmp(format, "json") != 0 && strcmp(format, "csv") != 0)
        ok = berr_field(&err, BERR_BAD_INPUT, "format", "format: json atau csv");
    json_t *j = ok ? app_stats(app, &req->actor, &rq, &req->audit, &err) : NULL;
    if (!j || !format || strcmp(format, "csv") != 0) {
        reply_result(rep, 200, j, &err);
        return;
    }
    char *csv = app_stats_csv(j);
    json_decref(j);
    if (!csv) {
        berr_set(&err, BERR_INTERNAL, "out of memory");
        reply_berr(rep, &err);
        return;
    }
    free(rep->body);
    rep->status = 200;
    rep->content_type = "text/csv; charset=utf-8";
    rep->body = csv;
    rep->len = strlen(csv);
    snprintf(rep->disposition, sizeof rep->disposition, "attachment; filename=\"statistik-%s.csv\"",
             period_name(&rq));
}

HANDLER(h_stats_pdf)
{
    struct berr err = {0};
    struct stats_request rq = {0};
    unsigned char *pdf = NULL;
    size_t len = 0;
    req->audit.action = "stats.pdf";
    if (stats_args(req, &rq, NULL, &err) &&
        app_stats_pdf(app, &req->actor, &rq, &pdf, &len, &req->audit, &err)) {
        free(rep->body);
        rep->status = 200;
        rep->content_type = "application/pdf";
        rep->body = (char *)pdf;
        rep->len = len;
        snprintf(rep->disposition, sizeof rep->disposition,
                 "attachment; filename=\"statistik-%s.pdf\"", period_name(&rq));
    } else {
        reply_berr(rep, &err);
    }
}
