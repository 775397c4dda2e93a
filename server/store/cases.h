/*
 * cases.h (store) - the queries of the case aggregate: the case row and its
 * particulars, who may see it, its parties, offences charged and evidence,
 * its team (app.case_investigators) and jaksa (app.case_prosecutors), the
 * list of cases, the chain check, and the rows of its page.  Row-level
 * security (sql/0002) is the second fence behind every one of them.
 *
 * Results are C structs; text in a list points into memory the list owns
 * until its _free.  app/ shapes them into JSON.
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

/* ---- opening a case ------------------------------------------------------------------------ */

/* The next number of series (e.g. "LK") for year from the office's gapless
 * counter (a rollback gives it back) with the office's code. */
BERKAS_MUST_CHECK bool store_case_counter_next(struct tx *tx, long long office, const char *series,
                                               int year, long *next, char code[64],
                                               struct berr *err);

struct store_new_case {
    const char *number;
    long long office_id, kejari_id; /* kejari 0: none yet */
    const char *source, *source_note, *summary, *opened_on;
    long long created_by;
};

/* A new case row (its text search from number and summary); *id its id.
 * BERR_CONFLICT when the office already has the number. */
BERKAS_MUST_CHECK bool store_case_insert(struct tx *tx, const struct store_new_case *in,
                                         long long *id, struct berr *err);

/* user joins the case's investigators. */
BERKAS_MUST_CHECK bool store_case_investigator_add(struct tx *tx, long long case_id, long long user,
                                                   struct berr *err);

/* ---- writing to a case ---------------------------------------------------------------------- */

/* Lock the case for the update if it belongs to office; found false when
 * it does not (or does not exist); its stage's code into stage (STORE_STAGE_LEN bytes), and
 * whether its summary holds a hand-over under the short procedure into *handed_short. */
#define STORE_STAGE_LEN 32
BERKAS_MUST_CHECK bool store_case_lock_in_office(struct tx *tx, long long case_id, long long office,
                                                 char stage[STORE_STAGE_LEN], bool *handed_short,
                                                 bool *found, struct berr *err);

/* The case's text search made anew from its number, summary and parties. */
BERKAS_MUST_CHECK bool store_case_search_refresh(struct tx *tx, long long case_id,
                                                 struct berr *err);

/* A party's columns; NULL: "" for a new party's free text, unchanged in a
 * correction. */
struct store_party_in {
    const char *kind, *name, *nationality, *passport_no, *birth_date, *birth_place, *sex;
    const char *occupation, *address_id, *address_abroad, *language, *interpreter;
    const char *nik; /* the NIK (KTP-el), 16 digits */
};

/* A new party of the case; *id its id. */
BERKAS_MUST_CHECK bool store_party_insert(struct tx *tx, long long case_id,
                                          const struct store_party_in *in, long long *id,
                                          struct berr *err);

/* Correct party of the case where its version is if_match (-1: any): what
 * is not NULL changes, the version goes up; *done false when no row
 * matched. */
BERKAS_MUST_CHECK bool store_party_update(struct tx *tx, long long case_id, long long party,
                                          const struct store_party_in *in, int if_match, bool *done,
                                          struct berr *err);

/* Whether party is a party of the case (suspect_only: a suspect). */
BERKAS_MUST_CHECK bool store_party_of_case(struct tx *tx, long long case_id, long long party,
                                           bool suspect_only, bool *found, struct berr *err);

/* Whether the offence code is already charged to party (0: the case as a
 * whole). */
BERKAS_MUST_CHECK bool store_offence_charged(struct tx *tx, long long case_id, const char *code,
                                             long long party, bool *charged, struct berr *err);

/* Charge the catalogue's offence code in force to party (0: the case);
 * *id its id, 0 when the catalogue has no such code. */
BERKAS_MUST_CHECK bool store_offence_charge(struct tx *tx, long long case_id, const char *code,
                                            long long party, long long *id, struct berr *err);

/* Withdraw charge of the case; code its offence's code, "" when there was
 * no such charge. */
BERKAS_MUST_CHECK bool store_offence_withdraw(struct tx *tx, long long case_id, long long charge,
                                              char code[32], struct berr *err);

/* An item of evidence as written: seized_from and seizure_event 0 none (the seizure_done act
 * that took it: the caller checks it is an act of the case), a text NULL none. */
struct store_evidence_in {
    const char *description, *quantity, *seized_on, *storage;
    long long seized_from, seizure_event;
};

/* An item of evidence (quantity and storage NULL: "1" and ""); *id 0 when seized_from is no
 * party of the case. */
BERKAS_MUST_CHECK bool store_evidence_insert(struct tx *tx, long long case_id,
                                             const struct store_evidence_in *in, long long *id,
                                             struct berr *err);

/* Correct an item where its version is if_match (-1: any): what is not NULL (seizure_event:
 * not 0) changes; seized_from is not changed; *done false when no row matched. */
BERKAS_MUST_CHECK bool store_evidence_update(struct tx *tx, long long case_id, long long item,
                                             int if_match, const struct store_evidence_in *in,
                                             bool *done, struct berr *err);

/* *found: whether item is an item of evidence of the case. */
BERKAS_MUST_CHECK bool store_evidence_in_case(struct tx *tx, long long case_id, long long item,
                                              bool *found, struct berr *err);

/* *n: how many items of the case name the seizure act event_id as the one that took them. */
BERKAS_MUST_CHECK bool store_evidence_of_act(struct tx *tx, long long case_id, long long event_id,
                                             long long *n, struct berr *err);

/* ---- the offence catalogue in force -------------------------------------------------------- */

struct store_offence {
    const char *code, *label, *connector, *effective_from;
    long long article, max_prison_months, min_prison_months, max_fine;
    bool kurungan, detainable, short_procedure, to_verify;
};
struct store_offences {
    int n;
    struct store_offence *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_offence_catalogue(struct tx *tx, struct store_offences *out,
                                               struct berr *err);
void store_offences_free(struct store_offences *o);

/* ---- the team and the jaksa --------------------------------------------------------------- */

/* The user id of person (an 18-digit NIP, or a shorter decimal user id) if
 * they are an active role of office (a prosecutor: also of a Cabjari under
 * it); 0 otherwise. */
BERKAS_MUST_CHECK bool store_case_person(struct tx *tx, const char *person, const char *role,
                                         long long office, long long *id, struct berr *err);

/* The case's active investigators (*ids malloc'd, *n of them). */
BERKAS_MUST_CHECK bool store_case_team_ids(struct tx *tx, long long case_id, long long **ids,
                                           int *n, struct berr *err);

/* ids_json (a JSON array of user ids) join the case's team, by source
 * ("order", "reassigned") and event_id; only: the others leave it, removed
 * by user. */
BERKAS_MUST_CHECK bool store_case_team_set(struct tx *tx, long long case_id, const char *ids_json,
                                           bool only, const char *source, long long event_id,
                                           long long user, struct berr *err);

/* ids_json leave the case's team, removed by user through event_id. */
BERKAS_MUST_CHECK bool store_case_team_remove(struct tx *tx, long long case_id,
                                              const char *ids_json, long long event_id,
                                              long long user, struct berr *err);

/* user becomes (again) a jaksa of the case through event_id. */
BERKAS_MUST_CHECK bool store_case_jaksa_add(struct tx *tx, long long case_id, long long user,
                                            long long event_id, struct berr *err);

/* ---- the case's page ------------------------------------------------------------------------ */

struct store_case_head {
    const char *number, *stage, *office_code, *office_name, *office_tz;
    long long office_id, kejari_id;                         /* kejari 0: none */
    const char *kejari_name;                                /* "" when none */
    const char *source, *source_note, *summary, *opened_on; /* opened_on "" when none */
    bool disclosed;
    const char *stage_since; /* "YYYY-MM-DDTHH:MM:SSZ" */
    void *res_;
};

/* The case row with its office and Kejari; found false when not there. */
BERKAS_MUST_CHECK bool store_case_head(struct tx *tx, long long case_id,
                                       struct store_case_head *out, bool *found, struct berr *err);
void store_case_head_free(struct store_case_head *h);

/* The lists of the case's page, each in its order; a NULL column is NULL
 * text (0 for an id), dates are "YYYY-MM-DD" and instants as PostgreSQL's
 * to_json renders a timestamptz. */
struct store_party {
    long long id;
    const char *kind, *name, *nationality, *passport_no, *birth_date; /* the last three NULL-able */
    const char *birth_place, *sex, *occupation, *address_id, *address_abroad; /* sex NULL-able */
    const char *language, *interpreter;
    int version;
    const char *nik; /* NULL-able */
};
struct store_charge {       /* an offence charged, with the catalogue's columns */
    long long id, party_id; /* party 0: the case as a whole */
    const char *code, *label;
    int max_prison_months;
    bool detainable, short_procedure, to_verify;
};
struct store_evidence {
    long long id, seized_from;                                /* 0: from nobody named */
    long long seizure_event;                                  /* 0: no seizure act named */
    const char *description, *quantity, *seized_on, *storage; /* seized_on NULL-able */
    int version;
};
struct store_p19_item { /* by round, then item */
    int round, item_no;
    const char *received_on;   /* the P-19's legal date */
    long long id, reopens;     /* reopens 0: none */
    long long given;           /* the act that gave it in its round (p19_received, letter) */
    long long answered_by;     /* the instruction_answered, 0: not answered */
    const char *text, *answer; /* answer NULL: not answered */
};
struct store_act_paper { /* a paper of an act not revoked, by act then id */
    long long event_id, id;
    const char *form, *number;
};
struct store_member { /* of the active team or the jaksa, by name */
    long long id;
    const char *name, *nip, *source, *since; /* source NULL for the jaksa */
    long long event_id; /* the act that named them (as first recorded: since its date), or 0 */
};
struct store_case_lists {
    int nparties, ncharges, nevidence, np19, npapers, nteam, njaksa;
    struct store_party *parties;
    struct store_charge *charges;
    struct store_evidence *evidence;
    struct store_p19_item *p19;
    struct store_act_paper *papers;
    struct store_member *team, *jaksa;
    void *res_[7];
};

/* Every list of the case's page in one round trip. */
BERKAS_MUST_CHECK bool store_case_lists(struct tx *tx, long long case_id,
                                        struct store_case_lists *out, struct berr *err);
void store_case_lists_free(struct store_case_lists *l);

/* Who gave each of the directions dirs_json (a JSON array of the summary's
 * directions: event_id, to, done.event_id), to whom, and who reported it
 * done: one row per direction in its order, NULL where nobody is named. */
struct store_direction_names {
    const char *given_by, *to_name, *to_nip, *done_by;
};
struct store_directions_named {
    int n;
    struct store_direction_names *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_case_directions_named(struct tx *tx, long long case_id,
                                                   const char *dirs_json,
                                                   struct store_directions_named *out,
                                                   struct berr *err);
void store_directions_named_free(struct store_directions_named *d);

/* ---- the list of cases ---------------------------------------------------------------------- */

/* What a page of the list asks; NULL or 0 members filter nothing. */
struct store_case_query {
    enum store_case_sight sight;
    long long office; /* the actor's office ($1 of the sight) */
    long long after;  /* the cursor: ids above it */
    int limit;        /* rows at most */
    const char *stage, *number, *article, *q;
    const char *clock; /* the worst clock: "ok", "warning", "overdue" (a damaged case too) */
    long long subtree; /* cases of this office and below */
    long long mine;    /* cases this user is an active investigator of */
};
struct store_case_row {
    long long id, office_id;
    const char *number, *stage, *worst_clock;
    int version;
    const char *damaged; /* NULL when the log loads */
    const char *flags;   /* JSON array text from the summary */
    bool handed_short;   /* its summary holds a hand-over under the short procedure */
};
struct store_case_rows {
    int n;
    struct store_case_row *items;
    void *res_;
};

/* The cases of the query in id order, with each one's summary: one
 * statement per combination of filters asked, each prepared and planned
 * for what it filters. */
BERKAS_MUST_CHECK bool store_cases_list(struct tx *tx, const struct store_case_query *q,
                                        struct store_case_rows *out, struct berr *err);
void store_case_rows_free(struct store_case_rows *r);

/* ---- the chain check ------------------------------------------------------------------------ */

struct store_chain {
    long long case_id, events, broken_seq; /* broken_seq 0: intact */
    bool broken;
    const char *number, *reason;
};
struct store_chains {
    int n;
    struct store_chain *items;
    void *res_;
};

/* Every case's hash chain of the subtree of office checked
 * (app.verify_chain: links, never contents). */
BERKAS_MUST_CHECK bool store_chains_verify(struct tx *tx, long long office,
                                           struct store_chains *out, struct berr *err);
void store_chains_free(struct store_chains *c);

/* ---- for the demo's loader (app/demo_cases.c) --------------------------------------------- */

/* The database's clock (Unix seconds) and how many cases the transaction's
 * user sees. */
BERKAS_MUST_CHECK bool store_cases_seen(struct tx *tx, long long *now, long long *count,
                                        struct berr *err);

/* The P-19 item item_no of the case's round (*id 0: none). */
BERKAS_MUST_CHECK bool store_case_instruction(struct tx *tx, long long case_id, int round,
                                              long long item_no, long long *id, struct berr *err);

/* The case's first P-19 item not answered yet (*id 0: none). */
BERKAS_MUST_CHECK bool store_case_instruction_open(struct tx *tx, long long case_id, long long *id,
                                                   struct berr *err);

#endif
