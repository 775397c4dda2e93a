/*
 * offices.h (store) - the queries of the office directory: offices and
 * their subtrees (app.offices.ancestors: from the root down to and
 * including the office), letterheads, number patterns.
 *
 * Results are C structs; lists point into memory they own until their
 * _free.
 */
#ifndef BERKAS_STORE_OFFICES_H
#define BERKAS_STORE_OFFICES_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* Whether office lies in the subtree of under (itself included). */
BERKAS_MUST_CHECK bool store_office_in_subtree(struct tx *tx, long long office, long long under,
                                               bool *in, struct berr *err);

/* Whether office is at the root of its tree (Ditjen, Kejaksaan Agung);
 * false when there is no such office. */
BERKAS_MUST_CHECK bool store_office_is_root(struct tx *tx, long long office, bool *root,
                                            struct berr *err);

/* Whether the office exists (as row-level security lets the user see it). */
BERKAS_MUST_CHECK bool store_office_exists(struct tx *tx, long long office, bool *found,
                                           struct berr *err);

/* The office's tree ("imigrasi", "kejaksaan") in tree; found false when
 * there is no such office. */
BERKAS_MUST_CHECK bool store_office_tree(struct tx *tx, long long office, char tree[16],
                                         bool *found, struct berr *err);

struct store_office {
    long long id, parent_id;                                 /* parent_id 0: a root */
    const char *kind, *code, *name, *class_name, *tz, *tree; /* class_name "" when none */
};
struct store_offices {
    int n;
    struct store_office *items;
    void *res_;
};

/* Every office, the Imigrasi tree first, each tree from its root down. */
BERKAS_MUST_CHECK bool store_offices_all(struct tx *tx, struct store_offices *out,
                                         struct berr *err);

/* The office with id (out->n 0 or 1). */
BERKAS_MUST_CHECK bool store_office_by_id(struct tx *tx, long long id, struct store_offices *out,
                                          struct berr *err);
/* The office with code (out->n 0 or 1). */
BERKAS_MUST_CHECK bool store_office_by_code(struct tx *tx, const char *code,
                                            struct store_offices *out, struct berr *err);
void store_offices_free(struct store_offices *o);

/* A new office (parent_id 0: a root; class_name NULL: none); *id its id. */
BERKAS_MUST_CHECK bool store_office_insert(struct tx *tx, long long parent_id, const char *kind,
                                           const char *code, const char *name, const char *tz,
                                           const char *class_name, long long *id, struct berr *err);

/* ---- letterheads ------------------------------------------------------------------------- */

#define STORE_LETTERHEAD_LINES 8 /* the table's CHECK */

struct store_letterhead {
    const char *effective_from; /* YYYY-MM-DD */
    int nlines;
    const char *lines[STORE_LETTERHEAD_LINES];
};
struct store_letterheads {
    int n;
    struct store_letterhead *items;
    void *res_;
};

/* The office's letterheads, the oldest first. */
BERKAS_MUST_CHECK bool store_letterheads_of(struct tx *tx, long long office,
                                            struct store_letterheads *out, struct berr *err);
void store_letterheads_free(struct store_letterheads *l);

/* A letterhead from effective_from (YYYY-MM-DD) on; lines_json a JSON
 * array of strings. */
BERKAS_MUST_CHECK bool store_letterhead_add(struct tx *tx, long long office,
                                            const char *effective_from, const char *lines_json,
                                            struct berr *err);

/* ---- number patterns -------------------------------------------------------------------- */

struct store_number_pattern {
    const char *doc_type, *pattern;
};
struct store_number_patterns {
    int n;
    struct store_number_pattern *items;
    void *res_;
};

/* The office's own patterns, by document type. */
BERKAS_MUST_CHECK bool store_number_patterns_of(struct tx *tx, long long office,
                                                struct store_number_patterns *out,
                                                struct berr *err);
void store_number_patterns_free(struct store_number_patterns *p);

/* Set (insert or replace) the office's pattern for doc_type. */
BERKAS_MUST_CHECK bool store_number_pattern_set(struct tx *tx, long long office,
                                                const char *doc_type, const char *pattern,
                                                struct berr *err);

#endif
