/*
 * inbox.h (store) - the queries of the prosecutor's inbox (app/inbox.c):
 * what arrived at a Kejaksaan Negeri, from the case summaries (summary.h:
 * each case's arrivals, receipts and the prosecutor's earliest running
 * deadline), read or not per prosecutor (app.inbox_reads).
 *
 * Two sections, each paged by its own order: 'a', the cases with a
 * prosecutor's deadline, the earliest first; 'b', the others, the latest
 * arrival first.  Each combination of filters is a statement of its own
 * (shape.h).  Results are C structs pointing into memory they own until
 * their _free.
 */
#ifndef BERKAS_STORE_INBOX_H
#define BERKAS_STORE_INBOX_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

struct store_inbox_query {
    long long kejari;   /* the prosecutor's Kejari */
    char section;       /* 'a' or 'b' */
    long long after;    /* the cursor: a: the deadline (epoch); b: the arrival's day number */
    long long after_id; /* and the case id */
    int limit;          /* rows to fetch */
    long long me;       /* the prosecutor */
    bool unread;        /* only what me has not read */
    const char
        *kind; /* NULL, or the latest arrival's kind: spdp, tahap1, resend, tahap2, sp3, short */
    bool mine; /* only the cases naming me jaksa peneliti */
    long long case_id; /* one case, or 0 */
};

struct store_inbox_row {
    long long case_id;
    const char *number, *office_code, *office_name, *tz; /* the sending office */
    const char *stage;
    const char *detail;     /* the summary's detail, a JSON object's text */
    bool unread;            /* me has not read the latest arrival */
    long long pu_due_at;    /* the prosecutor's deadline (epoch), section a */
    const char *arrived_on; /* YYYY-MM-DD: the latest arrival */
};

/* What the page's cases name, each list by case id: their suspects (by
 * party id), the offences charged (each code once, by code and label), the
 * jaksa peneliti (by name), and the arrivals me has read. */
struct store_inbox_suspect {
    long long case_id;
    const char *name, *nationality; /* nationality NULL: not known */
};
struct store_inbox_offence {
    long long case_id;
    const char *code, *label;
};
struct store_inbox_jaksa {
    long long case_id;
    const char *name;
};
struct store_inbox_read {
    long long case_id, event_id;
};

struct store_inbox_page {
    int n;
    struct store_inbox_row *items;
    long long now; /* the database's clock, epoch seconds */
    int nsuspects, noffences, njaksa, nread;
    struct store_inbox_suspect *suspects;
    struct store_inbox_offence *offences;
    struct store_inbox_jaksa *jaksa;
    struct store_inbox_read *read;
    void *res_, *arena_;
};

/* One section's rows after the cursor, in its order, with what they name. */
BERKAS_MUST_CHECK bool store_inbox_section(struct tx *tx, const struct store_inbox_query *q,
                                           struct store_inbox_page *out, struct berr *err);
void store_inbox_page_free(struct store_inbox_page *p);

/* Mark read by me the arrivals at kejari named by events_json (a JSON array
 * of arrival event ids) and every arrival of the cases in cases_json (a
 * JSON array of case ids): how many arrivals were named, in how many cases,
 * how many were newly marked, and how many of events_json were found. */
struct store_inbox_marked {
    long long found, cases, newly, events_found;
};
BERKAS_MUST_CHECK bool store_inbox_mark_read(struct tx *tx, long long me, long long kejari,
                                             const char *events_json, const char *cases_json,
                                             struct store_inbox_marked *out, struct berr *err);

#endif
