/*
 * contents.h (store) - the queries of what acts say (app.act_contents): the
 * act a BAP or a Resume is written into, its stored content and the charges
 * a Resume analyses (with the elements of each Pasal).
 *
 * Results are C structs; those with pointers point into memory they own
 * until their _free.
 */
#ifndef BERKAS_STORE_CONTENTS_H
#define BERKAS_STORE_CONTENTS_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* The act event_id of case_id as its content sees it: its type, the kind of
 * BAP, the party examined (party_id 0: none), whether a correction withdrew
 * it, the number of its BAP or Resume issued and in force ("" when none),
 * and whether it was recorded in this very transaction. */
struct store_content_act {
    bool found;
    const char *type, *bap, *issued;
    bool withdrawn, fresh;
    long long party_id;
    bool has_party; /* the party's row is found: its particulars below */
    const char *party_kind, *party_name, *party_language, *party_interpreter;
    const char *party_nationality; /* NULL when not known */
    void *res_;
};
BERKAS_MUST_CHECK bool store_content_act(struct tx *tx, long long case_id, long long event_id,
                                         struct store_content_act *out, struct berr *err);
void store_content_act_free(struct store_content_act *a);

/* The act's stored content (JSON text) and version; found false when none
 * yet.  lock: FOR UPDATE, before it is written. */
struct store_content {
    bool found;
    const char *content;
    int version;
    void *res_;
};
BERKAS_MUST_CHECK bool store_content_get(struct tx *tx, long long event_id, bool lock,
                                         struct store_content *out, struct berr *err);
void store_content_free(struct store_content *c);

/* Write the act's content (JSON text): the first version when stored is 0,
 * else the next; *version the version written, 0 when no row changed. */
BERKAS_MUST_CHECK bool store_content_put(struct tx *tx, long long case_id, long long event_id,
                                         long long user_id, const char *content, int stored,
                                         int *version, struct berr *err);

/* The charges of the case in the order they were laid, one row an element
 * of the charged Pasal (a Pasal without elements: one row, element_no 0). */
struct store_charge_element {
    long long charge_id, party_id; /* party_id 0: none */
    const char *code, *party_name; /* party_name NULL: none */
    long long max_prison_months;
    int element_no; /* 0: none */
    const char *element;
    bool to_verify;
};
struct store_charge_elements {
    int n;
    struct store_charge_element *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_charge_elements(struct tx *tx, long long case_id,
                                             struct store_charge_elements *out, struct berr *err);
void store_charge_elements_free(struct store_charge_elements *c);

#endif
