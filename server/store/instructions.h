/*
 * instructions.h (store) - what recording an act reads and writes beside
 * the log: the P-19 items of a case (app.instructions: given with the
 * return, named again as unmet in a later round, answered), the parties an
 * act names, and the setting that makes Tahap I wait for the dossier's
 * documents.
 *
 * Results are C structs; text in a list points into memory the list owns
 * until its _free.
 */
#ifndef BERKAS_STORE_INSTRUCTIONS_H
#define BERKAS_STORE_INSTRUCTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* ---- the parties an act names ---------------------------------------------------------- */

/* The kind ("suspect", "witness", ...) of party_id in case_id, cut to fit
 * in kind (n bytes); found false when the case has no such party. */
BERKAS_MUST_CHECK bool store_party_kind(struct tx *tx, long long case_id, long long party_id,
                                        char *kind, size_t n, bool *found, struct berr *err);

struct store_party_name {
    long long id;
    const char *name;
};

struct store_party_names {
    int n;
    struct store_party_name *items;
    void *res_;
};

/* The names of the parties ids (n of them), by id. */
BERKAS_MUST_CHECK bool store_party_names(struct tx *tx, const long long *ids, int n,
                                         struct store_party_names *out, struct berr *err);
void store_party_names_free(struct store_party_names *p);

/* ---- the P-19 items -------------------------------------------------------------------- */

struct store_instruction {
    long long id;
    int round, item_no;
};

struct store_instructions {
    int n;
    struct store_instruction *items;
};

/* The items of case_id not answered yet, by round and number. */
BERKAS_MUST_CHECK bool store_instructions_open(struct tx *tx, long long case_id,
                                               struct store_instructions *out, struct berr *err);
void store_instructions_free(struct store_instructions *i);

/* Whether id is an item of case_id. */
BERKAS_MUST_CHECK bool store_instruction_of_case(struct tx *tx, long long case_id, long long id,
                                                 bool *found, struct berr *err);

/* The act that gave item id of case_id in its round (the p19_received, or the return letter
 * naming it unmet again) into *event_id; 0 when the case has no such item. */
BERKAS_MUST_CHECK bool store_instruction_given(struct tx *tx, long long case_id, long long id,
                                               long long *event_id, struct berr *err);

/* Item item_no of round, given by event_id: a new text, or (reopen) the
 * text of item reopens of the case named again as unmet. */
BERKAS_MUST_CHECK bool store_instruction_add(struct tx *tx, long long case_id, long long event_id,
                                             int round, int item_no, const char *text,
                                             struct berr *err);
BERKAS_MUST_CHECK bool store_instruction_reopen(struct tx *tx, long long case_id,
                                                long long event_id, int round, int item_no,
                                                long long reopens, struct berr *err);

/* Item id of case_id answered by event_id with answer; done false when the
 * case has no such item or it was answered already (nothing changes). */
BERKAS_MUST_CHECK bool store_instruction_answer(struct tx *tx, long long case_id, long long id,
                                                const char *answer, long long event_id, bool *done,
                                                struct berr *err);

/* The item of case_id answered by event_id open again (the answer withdrawn); none: nothing. */
BERKAS_MUST_CHECK bool store_instruction_unanswer(struct tx *tx, long long case_id,
                                                  long long event_id, struct berr *err);

/* The answer kept with the item of case_id answered by event_id, as a correction of that answer
 * leaves it (app/p19answer.h); none: nothing. */
BERKAS_MUST_CHECK bool store_instruction_restate(struct tx *tx, long long case_id,
                                                 long long event_id, const char *answer,
                                                 struct berr *err);

/* ---- settings -------------------------------------------------------------------------- */

/* The setting dossier.tahap1_requires_documents: true unless set to false. */
BERKAS_MUST_CHECK bool store_tahap1_requires_documents(struct tx *tx, bool *required,
                                                       struct berr *err);

/* The setting dossier.p19_answers_need_paper (0030): true unless set to false. */
BERKAS_MUST_CHECK bool store_p19_answers_need_paper(struct tx *tx, bool *required,
                                                    struct berr *err);

#endif
