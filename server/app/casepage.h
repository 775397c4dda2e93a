/*
 * casepage.h - the lists of a case's page (GET /api/v1/cases/{id}) shaped
 * into JSON from the rows store/cases.h reads: parties, offences charged,
 * evidence, the P-19 rounds with their items, the timeline of the stage,
 * the history of acts with their papers, the team and the jaksa, and the
 * directions with the people they name.  Keys, their order, their types and
 * null where a column is NULL are the API's (the web pages and the CLI read
 * them).
 */
#ifndef BERKAS_APP_CASEPAGE_H
#define BERKAS_APP_CASEPAGE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct casefile;
struct store_case_lists;
struct store_log;
struct store_member;
struct store_directions_named;

/* "parties", "offences", "evidence", "p19_rounds", "timeline" and "history"
 * set on doc, in that order; each P-19 item with answer_acts, the ids of
 * cf's acts that can answer it (core/answer.h); the timeline from log, the
 * rows cf was loaded from (casefile_load_page: the log read once); history
 * null, its place: casepage_text writes it. */
void casepage_lists(const struct store_case_lists *l, const struct store_log *log,
                    const struct casefile *cf, json_t *doc);

/* doc as JSON text, the bytes json_dumps(doc, JSON_COMPACT) gives, with its
 * member "history" written from l, log and cf: every act with its papers,
 * its label and its payload (cf's).  A malloc'd string (*len its length),
 * NULL when memory is short. */
BERKAS_MUST_CHECK char *casepage_text(const json_t *doc, const struct store_case_lists *l,
                                      const struct store_log *log, const struct casefile *cf,
                                      size_t *len);

/* The team or the jaksa: [{id, name, nip, source, since}] (jaksa without
 * source); since is the date of the act that named them as cf's log stands (its latest
 * correction's: DOMAIN 12), the stored one where cf has no such act standing. */
struct casefile;
json_t *casepage_members(const struct store_member *m, int n, bool with_source,
                         const struct casefile *cf);

/* The directions dirs (the summary's) each with given_by, to_name, to_nip
 * and done_by from names, one row per direction; NULL with err when they do
 * not match. */
BERKAS_MUST_CHECK json_t *casepage_directions(const json_t *dirs,
                                              const struct store_directions_named *names,
                                              struct berr *err);

#endif
