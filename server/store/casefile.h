/*
 * casefile.h (store) - the case as the core folds it (app/casefile.h): the
 * case row (under its lock with its snapshot, for the write path), its
 * suspects, the offences charged and its log in seq order; and the same of
 * many cases at once, for the summary's sweeps.
 *
 * Who may read the case is the sight's condition (store/cases.h) with the
 * actor's office, then row-level security: a case the actor may not see has
 * no row, exactly like one that does not exist.
 *
 * Results are C structs; their text points into memory the result owns
 * until its _free.
 */
#ifndef BERKAS_STORE_CASEFILE_H
#define BERKAS_STORE_CASEFILE_H

#include <stdbool.h>

#include "cases.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* The case row, with its office's zone and the database's clock. */
struct store_casefile_row {
    long long id, office_id, kejari_id; /* kejari 0: none */
    const char *number;
    const char *opened_on; /* "YYYY-MM-DD", "" when not set */
    const char *tz;        /* the office's zone */
    const char *stage;
    int version;
    bool disclosed;
    const char *last_hash; /* the chain head in hex */
    long long now;         /* the database's clock, Unix seconds */
    bool reporter;         /* a reporter or victim: a party of that kind, or a public report */
    /* read with the lock only (the write path): */
    const char *snapshot; /* the stored snapshot's text, NULL when there is none */
    int events;           /* the case row's count of events */
};

struct store_casefile_rows {
    int n;
    struct store_casefile_row *items;
    void *res_;
};

/* A suspect of the case (parties of kind 'suspect'), in id order. */
struct store_suspect {
    long long case_id, id;
    bool foreign;     /* a nationality other than Indonesian (VCCR 36) */
    bool interpreted; /* does not speak Indonesian (KUHAP 53, 177) */
};

struct store_suspects {
    int n;
    struct store_suspect *items;
    void *res_;
};

/* An offence charged, in the order charged. */
struct store_charged {
    long long party_id; /* 0: charged to the case as a whole */
    int max_prison_months;
    bool detainable, short_procedure;
    const char *code;
};

struct store_charged_list {
    int n;
    struct store_charged *items;
    void *res_;
};

/* One act of the log, in seq order. */
struct store_log_row {
    long long case_id, id;
    const char *type;
    const char *legal_date; /* "YYYY-MM-DD" */
    const char *legal_at;   /* "YYYY-MM-DDTHH:MM:SSZ", "" when none */
    long long party_id;     /* 0: none */
    long long corrects;     /* 0: none */
    const char *payload;    /* a JSON object's text */
};

/* What the case's page shows of an act beside its log row (store_casefile_page_log): the
 * dates and instants as to_json renders them, legal_at NULL when none; number the act's
 * (store/act_number.h); entered_by the name of who entered it. */
struct store_log_act {
    int seq;
    bool late;
    const char *legal_date, *legal_at, *number, *regime, *stage_before, *stage_after;
    const char *entered_at, *entered_by;
};

struct store_log {
    int n;
    struct store_log_row *items;
    struct store_log_act *acts; /* NULL but from store_casefile_page_log: one an item */
    void *res_;
};

/* The case row of case_id as sight sees it from office (heads->n 0 when
 * it does not), with lock under FOR UPDATE and with its snapshot. */
BERKAS_MUST_CHECK bool store_casefile_head(struct tx *tx, enum store_case_sight sight,
                                           long long office, long long case_id, bool lock,
                                           struct store_casefile_rows *heads, struct berr *err);

/* Its suspects and the offences charged. */
BERKAS_MUST_CHECK bool store_casefile_suspects(struct tx *tx, long long case_id,
                                               struct store_suspects *out, struct berr *err);
BERKAS_MUST_CHECK bool store_casefile_charged(struct tx *tx, long long case_id,
                                              struct store_charged_list *out, struct berr *err);

/* An offence charged, with what an SP3's ground asks of it (sql/0053). */
struct store_sp3_offence {
    const char *code, *connector;
    int max_prison_months, fine_category; /* fine_category 0: none known */
    long long max_fine;
    bool kurungan, fine_only, complaint;
};

struct store_sp3_offences {
    int n;
    struct store_sp3_offence *items;
    void *res_;
};

/* The offences charged in case_id (to anyone, or to the case), each once. */
BERKAS_MUST_CHECK bool store_casefile_sp3_offences(struct tx *tx, long long case_id,
                                                   struct store_sp3_offences *out,
                                                   struct berr *err);
void store_sp3_offences_free(struct store_sp3_offences *o);

/* The write path's head (sql/0031, app.case_head: one statement): the case
 * row under its lock with its snapshot, its suspects, the offences charged,
 * the rule sets' version (*rules, 0 when none: store/rulesets.h) and the id
 * the act's row will take (*next_event, from the log's sequence: a gap when
 * not used).  A case the acting user may not read (app.case_fence, the read
 * policies' rule) has no row, and no suspects or offences either. */
BERKAS_MUST_CHECK bool
store_casefile_head_for_write(struct tx *tx, long long case_id, struct store_casefile_rows *heads,
                              struct store_suspects *suspects, struct store_charged_list *charged,
                              long long *rules, long long *next_event, struct berr *err);

/* The log of case_id in seq order. */
BERKAS_MUST_CHECK bool store_casefile_log(struct tx *tx, long long case_id, struct store_log *out,
                                          struct berr *err);

/* The log of case_id in seq order with what the case's page shows of each act (out->acts):
 * the page reads the log once (issue 12.4). */
BERKAS_MUST_CHECK bool store_casefile_page_log(struct tx *tx, long long case_id,
                                               struct store_log *out, struct berr *err);

/* The case rows (no lock, no snapshot), suspects and logs of the cases ids
 * (n of them; those row-level security shows), each in case id order:
 * three statements. */
BERKAS_MUST_CHECK bool store_casefile_many(struct tx *tx, const long long *ids, int n,
                                           struct store_casefile_rows *heads,
                                           struct store_suspects *suspects, struct store_log *log,
                                           struct berr *err);

/* ---- the summary's sweeps -------------------------------------------------------------------- */

/* The ids (at most limit, into ids; *n of them) after `after` in id order of
 * the cases under root (0: every case).  With stale, only those whose
 * summary is missing, of other rule sets than sig or of another version of
 * the case, or whose snapshot is missing, of another format than format or
 * of another count of events. */
BERKAS_MUST_CHECK bool store_casefile_sweep_ids(struct tx *tx, long long root, bool stale,
                                                long long sig, int format, long long after,
                                                int limit, long long *ids, int *n,
                                                struct berr *err);

/* A stored summary row (app.case_summaries with its snapshot): its columns as
 * text, NULL for SQL's NULL, named and typed as summary_compute's members by
 * store_summary_columns ('i' an integer, 's' a string, 'b' a boolean, 'j' a
 * JSON text; instants as seconds since the epoch, dates as YYYY-MM-DD). */
#define STORE_SUMMARY_NCOLS 27
struct store_summary_column {
    const char *name;
    char kind;
};
extern const struct store_summary_column store_summary_columns[STORE_SUMMARY_NCOLS];

struct store_stored_summary {
    long long case_id;
    const char *cols[STORE_SUMMARY_NCOLS];
    bool fence; /* its office columns are the case row's */
};

struct store_stored_summaries {
    int n;
    struct store_stored_summary *items;
    void *res_;
};

/* The stored rows of the cases ids (n of them) that have one. */
BERKAS_MUST_CHECK bool store_casefile_summaries(struct tx *tx, const long long *ids, int n,
                                                struct store_stored_summaries *out,
                                                struct berr *err);
void store_stored_summaries_free(struct store_stored_summaries *s);

void store_casefile_rows_free(struct store_casefile_rows *h);
void store_suspects_free(struct store_suspects *s);
void store_charged_list_free(struct store_charged_list *c);
void store_log_free(struct store_log *l);

#endif
