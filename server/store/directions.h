/*
 * directions.h (store) - the queries of the directions list and of a
 * reassignment (app/directions.c): the directions that the case summaries
 * keep (summary.h: each with its text, due instant, addressee and, once
 * done, the act that did it), with the names of who gave, who is addressed
 * and who did it; the case a supervisor names; a case's team by name.
 *
 * Results are C structs; lists point into memory they own until their
 * _free.
 */
#ifndef BERKAS_STORE_DIRECTIONS_H
#define BERKAS_STORE_DIRECTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"
#include "reach.h"

struct tx;

enum store_direction_state {
    STORE_DIRECTIONS_OPEN,    /* not done (overdue or not) */
    STORE_DIRECTIONS_OVERDUE, /* not done, due by now */
    STORE_DIRECTIONS_DONE,
    STORE_DIRECTIONS_ALL,
};

enum store_direction_mine {
    STORE_DIRECTIONS_ANYONE,
    STORE_DIRECTIONS_TO_ME,       /* addressed to me or to the office */
    STORE_DIRECTIONS_GIVEN_BY_ME, /* entered by me */
};

struct store_directions_query {
    enum store_scope scope;
    long long reach;               /* the scope column's value */
    long long after_due, after_id; /* the cursor: due_at (epoch), the giving act */
    int limit;                     /* rows to fetch */
    enum store_direction_state state;
    enum store_direction_mine mine;
    long long me; /* the caller, for mine */
};

struct store_direction_row {
    long long case_id;
    const char *number, *office_code, *tz;
    const char *direction; /* the summary's JSON object of the direction */
    const char *given_by;  /* "" when unknown */
    const char *to_name;   /* NULL: addressed to the office */
    const char *to_nip;
    const char *done_by; /* "" when not done */
};

struct store_directions {
    int n;
    struct store_direction_row *items;
    long long now; /* the database's clock, epoch seconds */
    void *res_;
};

/* The directions of the reach after the cursor, the earliest due first. */
BERKAS_MUST_CHECK bool store_directions_list(struct tx *tx, const struct store_directions_query *q,
                                             struct store_directions *out, struct berr *err);
void store_directions_free(struct store_directions *d);

/* The case with the id or number `ref` among the cases under the office
 * `office` (a supervisor's view); *id 0 when there is none. */
BERKAS_MUST_CHECK bool store_case_in_subtree(struct tx *tx, long long office, const char *ref,
                                             long long *id, char *number, size_t numsz,
                                             struct berr *err);

/* The names of the case's active investigators, sorted. */
struct store_names {
    int n;
    const char **items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_case_team(struct tx *tx, long long case_id, struct store_names *out,
                                       struct berr *err);
void store_names_free(struct store_names *n);

#endif
