/*
 * cases.h (store) - the queries of the case aggregate: the case row and its
 * particulars, who may see it, its parties, offences charged and evidence,
 * its team (app.case_investigators) and jaksa (app.case_prosecutors), the
 * list of cases, the chain check, and the rows of its page.  Row-level
 * security (sql/0002) is the second fence behind every one of them.
 *
 * Results are C structs; text in a list points into memory the list owns
 * until its _free.  A row of the case page (struct store_rows) is one JSON
 * object as the database renders it (dates "YYYY-MM-DD", timestamps as
 * to_json renders a timestamptz), which app/ parses and shapes.
 */
#ifndef BERKAS_STORE_CASES_H
#define BERKAS_STORE_CASES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* ---- who sees which case ------------------------------------------------------------------ */

enum store_case_sight {
    STORE_SEES_OFFICE,    /* the cases of the office $1 */
    STORE_SEES_SUBTREE,   /* ... of $1 and every office below it */
    STORE_SEES_DISCLOSED, /* the cases disclosed to the Kejari $1 */
};

/* The sight as an SQL condition over app.cases c, $1 the office: for the
 * statements that read cases (store/ and, until they move here, app/). */
const char *store_case_visible_clause(enum store_case_sight sight);

/* ---- the case's particulars ---------------------------------------------------------------- */

/* Whether office is a Kejaksaan Negeri (or a Cabjari): where a file goes. */
BERKAS_MUST_CHECK bool store_kejari_exists(struct tx *tx, long long office, bool *is_kejari,
                                           struct berr *err);

/* Whether ids (n of them, each once) are all active investigators of
 * office. */
BERKAS_MUST_CHECK bool store_investigators_active(struct tx *tx, const long long *ids, size_t n,
                                                  long long office, bool *all, struct berr *err);

/* Correct the case's particulars: NULL (kejari 0) keeps a column as it is;
 * the version goes up by one (*version the new one) and the text search is
 * made anew. */
BERKAS_MUST_CHECK bool store_case_particulars(struct tx *tx, long long case_id, const char *summary,
                                              const char *source, const char *source_note,
                                              long long kejari, int *version, struct berr *err);

/* The case's investigators become exactly ids (n of them). */
BERKAS_MUST_CHECK bool store_case_investigators_set(struct tx *tx, long long case_id,
                                                    const long long *ids, size_t n,
                                                    struct berr *err);

#endif
