/*
 * review.h (store) - the queries of the supervisors' review list and its
 * counts per office (app/review.c), over app.case_summaries (summary.h) and
 * the indexes sql/0009 and sql/0020 tuned for them.
 *
 * A page walks its reach's (next_due_at, case_id) index from the cursor and
 * stops after `limit` rows that pass its filters; each combination of
 * filters is a statement of its own (shape.h), planned for what it filters.
 * Results are C structs pointing into memory they own until their _free.
 */
#ifndef BERKAS_STORE_REVIEW_H
#define BERKAS_STORE_REVIEW_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"
#include "reach.h"

struct tx;

struct store_review_query {
    enum store_scope scope;
    long long reach;               /* the scope column's value */
    long long after_due, after_id; /* the cursor: next_due_at (epoch), case id */
    int limit;                     /* rows to fetch */
    const char *reason;            /* NULL, "stall", "damaged" or a clock's code */
    const char *actor;             /* NULL or who must act: investigator, prosecutor, ... */
    const char *state;             /* NULL or overdue, stalled, warning, ok, damaged */
    const char *stage;             /* NULL or a stage's code */
    long long mine;                /* 0, or only the files of this investigator's team */
};

/* One listed file: its summary's columns, epoch seconds for instants. */
struct store_review_row {
    long long case_id, office_id;
    const char *number;
    const char *opened_on; /* YYYY-MM-DD or "" */
    const char *office_code, *office_name, *tz;
    const char *stage;
    const char *stage_since; /* YYYY-MM-DD or "" */
    bool has_clock;          /* the earliest running clock (due, first warning): */
    long long clock_due_at, clock_attention_at;
    const char *clock_code, *clock_actor; /* the reason's clock (app/summary.c: due_next) */
    long long clock_party;                /* its suspect, 0 for none */
    const char *last_act_on;              /* YYYY-MM-DD or "" */
    const char *last_act_type;
    bool has_stall; /* no act for the stage's N days: */
    long long stall_at;
    const char *stall_actor;
    long long next_due_at;
    int p19_rounds;
    bool pingpong;
    const char *detail;                          /* the summary's detail, a JSON object's text */
    const char *damaged;                         /* why the log does not load; NULL when it does */
    const struct store_review_suspect *suspects; /* the case's suspects, by id */
    int nsuspects;
    const char *const *team; /* the team's names, by name */
    int nteam;
};

struct store_review_suspect {
    long long id; /* the party */
    const char *name;
};

struct store_review_page {
    int n;
    struct store_review_row *items;
    long long now; /* the database's clock, epoch seconds */
    void *res_, *suspects_, *team_, *arena_;
};

/* The page after q's cursor, the earliest next_due_at first. */
BERKAS_MUST_CHECK bool store_review_page(struct tx *tx, const struct store_review_query *q,
                                         struct store_review_page *out, struct berr *err);
void store_review_page_free(struct store_review_page *p);

/* The counts of one office of the reach (every office of its Imigrasi
 * subtree, quiet ones too, in tree order). */
enum {
    STORE_REVIEW_OPEN,
    STORE_REVIEW_DAMAGED,
    STORE_REVIEW_OVERDUE,
    STORE_REVIEW_STALLED,
    STORE_REVIEW_WARNING,
    STORE_REVIEW_DIRECTIONS_OVERDUE,
    STORE_REVIEW_PINGPONG,
    STORE_REVIEW__COUNTS
};
#define STORE_OFFICE_DEPTH 8 /* Ditjen, Kanwil, Kantor, UKK: room to spare */
struct store_review_count {
    long long office_id;
    const char *code, *name, *kind;
    long long n[STORE_REVIEW__COUNTS];
    long long ancestors[STORE_OFFICE_DEPTH]; /* from the root down to and including itself */
    int nancestors;
};
struct store_review_counts {
    int n;
    struct store_review_count *items;
    void *res_;
};

/* The counts per office of the reach; none when empty. */
BERKAS_MUST_CHECK bool store_review_counts(struct tx *tx, enum store_scope scope, long long reach,
                                           bool empty, struct store_review_counts *out,
                                           struct berr *err);
void store_review_counts_free(struct store_review_counts *c);

#endif
