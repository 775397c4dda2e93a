/*
 * stats.h (store) - the queries of the monthly and yearly report
 * (app/stats.c): figures over the case summaries, their log and charges,
 * inside a reach (reach.h), each grouped by office with a grouping set for
 * the whole reach.  A period is a calendar month or year of legal dates.
 *
 * Results are C structs pointing into memory they own until their _free.
 * A row's office is NULL for the reach's own figures.
 */
#ifndef BERKAS_STORE_STATS_H
#define BERKAS_STORE_STATS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"
#include "reach.h"

struct tx;

struct store_stats_query {
    enum store_scope scope;
    long long reach;       /* the scope column's value; 0: nothing */
    const char *from, *to; /* YYYY-MM-DD, the period's first and last day */
};

/* "office, key: n" figures. */
struct store_stats_count {
    const char *office; /* an office id's text; NULL: the reach */
    const char *key;    /* the stage, act, or Pasal; NULL for the late entries */
    long long n;
};
struct store_stats_counts {
    int n;
    struct store_stats_count *items;
    void *res_;
};
void store_stats_counts_free(struct store_stats_counts *c);

/* Files per stage at the period's end (the stage after the last act dated
 * within). */
BERKAS_MUST_CHECK bool store_stats_stages(struct tx *tx, const struct store_stats_query *q,
                                          struct store_stats_counts *out, struct berr *err);

/* The counted acts of the period per type (an act withdrawn by a correction
 * did not happen; deemed complete counts as p21_received, the short
 * procedure's hand-over as tahap2_done). */
BERKAS_MUST_CHECK bool store_stats_acts(struct tx *tx, const struct store_stats_query *q,
                                        struct store_stats_counts *out, struct berr *err);

/* The files alive in the period (opened by its end, an act since its
 * start) per Pasal. */
BERKAS_MUST_CHECK bool store_stats_pasal(struct tx *tx, const struct store_stats_query *q,
                                         struct store_stats_counts *out, struct berr *err);

/* The acts entered late whose legal date lies in the period. */
BERKAS_MUST_CHECK bool store_stats_late(struct tx *tx, const struct store_stats_query *q,
                                        struct store_stats_counts *out, struct berr *err);

/* A span between two acts of the files that reached its end in the period. */
struct store_stats_span {
    long long files;
    bool has_avg, has_median, has_max;
    double avg, median;
    long long max;
};
struct store_stats_duration {
    const char *office;       /* NULL: the reach */
    long long files_complete; /* P-21 in the period */
    bool has_rounds_avg;
    double rounds_avg;
    long long rounds_max;
    struct store_stats_span sprindik_to_p21, p21_to_tahap2;
    long long detention_days; /* person-days within the period, day 1 counted (KUHAP 24) */
};
struct store_stats_durations {
    int n;
    struct store_stats_duration *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_stats_durations(struct tx *tx, const struct store_stats_query *q,
                                             struct store_stats_durations *out, struct berr *err);
void store_stats_durations_free(struct store_stats_durations *d);

/* The offices of the subtree of office (itself first, in tree order). */
struct store_stats_office {
    long long id;
    const char *id_text, *code, *name;
    bool is_root; /* office itself */
};
struct store_stats_offices {
    int n;
    struct store_stats_office *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_stats_offices(struct tx *tx, long long office,
                                           struct store_stats_offices *out, struct berr *err);
void store_stats_offices_free(struct store_stats_offices *o);

/* Today (YYYY-MM-DD) on the office's calendar; "" when there is no such
 * office. */
BERKAS_MUST_CHECK bool store_office_today(struct tx *tx, long long office, char today[11],
                                          struct berr *err);

#endif
