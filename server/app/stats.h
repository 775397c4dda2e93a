/*
 * stats.h - the monthly and yearly report (issue 10, item 5; stats.c over
 * store/stats.h), as JSON, CSV and PDF.
 */
#ifndef BERKAS_APP_STATS_H
#define BERKAS_APP_STATS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;

struct stats_request {
    const char *month;  /* YYYY-MM, or */
    const char *year;   /* YYYY */
    const char *office; /* an office of the caller's reach; NULL: all of it */
};

/* The report of a month or a year per office of the caller's reach and for
 * the whole reach: files per stage at the period's end, the acts of the
 * period, files per Pasal, pro justitia and TAK, P-19 rounds, days from
 * Sprindik to P-21 and from P-21 to Tahap II, detention days, late entries.
 * Investigators (their office) and supervisors (their subtree).  Audited. */
BERKAS_MUST_CHECK json_t *app_stats(struct app *app, const struct actor *who,
                                    const struct stats_request *rq, struct audit_rec *au,
                                    struct berr *err);

/* The report as CSV ("kantor,bagian,kunci,nilai" lines, CRLF); malloc'd, NULL when
 * out of memory. */
BERKAS_MUST_CHECK char *app_stats_csv(json_t *stats);

/* The report as a PDF with its charts (templates/laporan_statistik.xml); *pdf
 * malloc'd. */
BERKAS_MUST_CHECK bool app_stats_pdf(struct app *app, const struct actor *who,
                                     const struct stats_request *rq, unsigned char **pdf,
                                     size_t *len, struct audit_rec *au, struct berr *err);

#endif
