/*
 * rulesets.h (store) - the queries of the legal rule sets: app.rulesets and
 * their values (app.ruleset_values), seeded, read back and amended.
 *
 * Results are C structs; lists point into memory they own until their
 * _free.
 */
#ifndef BERKAS_STORE_RULESETS_H
#define BERKAS_STORE_RULESETS_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;
struct stmt;

/* Seed a set (name, YYYY-MM-DD, label): a set already there is left as it is. */
BERKAS_MUST_CHECK bool store_ruleset_seed(struct tx *tx, const char *name,
                                          const char *effective_from, const char *label,
                                          struct berr *err);

/* Seed one value of a set: a value already there (an amendment) is left.  A seed gives no
 * note: the basis is the code's (core/ruleset.c), the note an amendment's reason. */
BERKAS_MUST_CHECK bool store_ruleset_seed_value(struct tx *tx, const char *ruleset, const char *key,
                                                int value, bool to_verify, struct berr *err);

/* One row a value, the sets in date order (then name), each set's values
 * together; a set without values has one row with key NULL. */
struct store_ruleset_value {
    const char *name, *effective_from; /* YYYY-MM-DD */
    const char *key;                   /* NULL: the set has no values */
    int value;
    bool to_verify;
};
struct store_ruleset_values {
    int n;
    struct store_ruleset_value *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_ruleset_values(struct tx *tx, struct store_ruleset_values *out,
                                            struct berr *err);
void store_ruleset_values_free(struct store_ruleset_values *v);

/* One amendment of a value (sql/0055): the value before (has_old false: not known, an
 * amendment older than the table) and after, their marks, the date from which it applies
 * (YYYY-MM-DD), whether the administrator overrode a refusal, the reason given ("" none), when
 * (UTC, "YYYY-MM-DDTHH:MM:SSZ") and by whom. */
struct store_ruleset_amendment {
    long long id;
    const char *ruleset, *key, *effective_from, *note, *at, *by_name;
    bool has_old, old_to_verify, to_verify, override;
    int old_value, value;
    long long by_id;
};
struct store_ruleset_amendments {
    int n;
    struct store_ruleset_amendment *items;
    void *res_;
};

/* Record amendment a (at and by_name unused; by_id the administrator): a->id its new id. */
BERKAS_MUST_CHECK bool store_ruleset_amend(struct tx *tx, struct store_ruleset_amendment *a,
                                           struct berr *err);

/* Every amendment in the order they apply (set, date, then as made): ruleset, key, value,
 * to_verify and effective_from only - what loading the sets needs, readable by every role that
 * loads them. */
BERKAS_MUST_CHECK bool store_ruleset_changes(struct tx *tx, struct store_ruleset_amendments *out,
                                             struct berr *err);

/* Every amendment in full, in the same order, with who made it. */
BERKAS_MUST_CHECK bool store_ruleset_amendments(struct tx *tx, struct store_ruleset_amendments *out,
                                                struct berr *err);
void store_ruleset_amendments_free(struct store_ruleset_amendments *a);

/* Today (YYYY-MM-DD) by the database's clock in office's zone; the national zone (WIB) for an
 * office not found. */
BERKAS_MUST_CHECK bool store_ruleset_today(struct tx *tx, long long office, char out[11],
                                           struct berr *err);

/* The rule sets' version (sql/0024: a new one at every change), as a
 * statement for a batch of the caller's (tx_batch), and read from its result
 * (0 when there is none). */
extern const struct stmt store_rules_version_stmt;
long long store_rules_version(const PGresult *r);

#endif
