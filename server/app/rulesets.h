/*
 * rulesets.h - the legal rule sets as rows, read and amended (rulesets.c).
 */
#ifndef BERKAS_APP_RULESETS_H
#define BERKAS_APP_RULESETS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct ruleset;
struct tx;

BERKAS_MUST_CHECK bool app_rulesets_seed(struct app *app, struct berr *err);
BERKAS_MUST_CHECK json_t *app_rulesets_get(struct app *app, const struct actor *who,
                                           struct berr *err);
/* One value of a rule set amended by a root office's administrator: to_verify 1 or 0 marks
 * it still to verify or verified, -1 (not said) keeps its mark; effective_from (YYYY-MM-DD;
 * NULL: today in the administrator's office zone) the date from which it applies - acts dated
 * before keep the value in force on their date.  Not before today (422) unless override, which
 * needs a note and is recorded; never outside the set's time. */
struct ruleset_amendment_in {
    const char *name, *key;
    int value;
    int to_verify;
    const char *note;
    const char *effective_from;
    bool override;
};
/* Answers the sets as app_rulesets_get, with the amendment made (amendment); NULL refused. */
BERKAS_MUST_CHECK json_t *app_ruleset_amend(struct app *app, const struct actor *who,
                                            const struct ruleset_amendment_in *in,
                                            struct audit_rec *au, struct berr *err);

/* Every amendment of the rule sets (of set name and key when not NULL), each as PUT answers
 * it, each set's latest-applying first: for administrators and supervisors (403 otherwise). */
BERKAS_MUST_CHECK json_t *app_ruleset_history(struct app *app, const struct actor *who,
                                              const char *name, const char *key, struct berr *err);

/* Insert the built-in rule sets and any missing key (never overwriting an
 * administrator's value). */
BERKAS_MUST_CHECK bool rulesets_seed(struct tx *tx, struct berr *err);

/* The rule sets as the database has them now. */
BERKAS_MUST_CHECK bool rulesets_load(struct tx *tx, struct ruleset *out, int *n, struct berr *err);

/* As rulesets_load, from berkasd's copy when version (the rule sets' version
 * read in this transaction, store_rules_version) is the one it was read at. */
BERKAS_MUST_CHECK bool rulesets_load_at(struct tx *tx, long long version, struct ruleset *out,
                                        int *n, struct berr *err);

#endif
