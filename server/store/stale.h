/*
 * stale.h - what app/stale.c needs to tell which issued papers no longer
 * match their act (DOMAIN 12: a paper is its act's; an issued paper keeps its
 * bytes, so a correction recorded after it leaves it behind).
 *
 * For the cases asked, only those that may have such a paper (a paper not
 * revoked, of an act, and a correction in the case recorded after it, a
 * withdrawal in the case whenever recorded, a party changed after it, a charge it may have
 * printed withdrawn after it, or an item of evidence changed after it) - five statements in one
 * round trip: the acts that have a paper or a correction and every correction of those cases,
 * their papers not revoked with the revoked ones that numbered their act (a paper citing its
 * act's number cites the one its act had when it was issued), their parties, their charges
 * withdrawn, and their items of evidence changed since recorded.
 */
#ifndef BERKAS_STORE_STALE_H
#define BERKAS_STORE_STALE_H

#include <stdbool.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

struct store_stale_act { /* an act with a paper, or a correction; by case, then id */
    long long case_id, id, corrects, party_id; /* 0: none */
    int seq;
    bool has_at;
    long long at;         /* the legal instant, Unix seconds (has_at) */
    long long entered_us; /* when it was recorded, Unix microseconds */
    const char *legal_date, *number, *payload, *entered_at; /* entered_at ISO 8601 */
    const char *own_number; /* the number recorded with it (given outside berkas), or "" */
    const char *type;       /* its kind: "sprindik_issued", "corrected", ... */
};

struct store_stale_party { /* a party of the case; by case, then id */
    long long case_id, id;
    long long created_us, updated_us;     /* Unix microseconds */
    const char *kind, *name, *updated_at; /* kind suspect/witness/expert; updated_at ISO 8601 */
};

struct store_stale_paper { /* an issued paper of an act, not revoked or its act's number; by
                            case, then id */
    long long case_id, id, event_id;
    long long issued_us;  /* when it was issued, Unix microseconds */
    long long revoked_us; /* when it was revoked, 0: it stands */
    bool act_number;      /* its number is its act's (the act's primary paper) */
    long long office_id;  /* the issuing office */
    const char *form, *title, *number, *issued_on;
    const char *issuer_role; /* the issuing user's role ("investigator", ...), "" unseen */
};

struct store_stale_charge {           /* a charge withdrawn (sql/0046); by case, then id */
    long long case_id, party_id;      /* party_id 0: charged to the whole file */
    long long added_us, withdrawn_us; /* Unix microseconds */
    const char *code, *withdrawn_at;  /* the Pasal ("122(a)"); withdrawn_at ISO 8601 */
};

struct store_stale_item { /* an item of evidence changed in what papers print of it
                             (sql/0048); by case, then id */
    long long case_id, id;
    long long created_us, printed_us; /* printed_us: description, quantity, seized_on or
                                         seized_from last changed, 0 never (Unix microseconds) */
    long long linked_us;              /* its seizure act set or changed (or on insert), 0 never */
    long long seizure_event, seizure_was; /* the seizure act it names, the one before; 0 none */
    const char *description, *changed_at; /* changed_at: the later change, ISO 8601 */
};
struct store_stale_rows {
    int nacts, npapers, nparties, ncharges, nitems;
    struct store_stale_act *acts;
    struct store_stale_paper *papers;
    struct store_stale_party *parties;
    struct store_stale_charge *charges;
    struct store_stale_item *items;
    void *res_[5];
};

/* The rows of the cases ids[0..n) the transaction's role sees. */
BERKAS_MUST_CHECK bool store_stale_rows(struct tx *tx, const long long *ids, int n,
                                        struct store_stale_rows *out, struct berr *err);
void store_stale_rows_free(struct store_stale_rows *r);

/* ---- revoking a paper ------------------------------------------------------------------- */

struct store_revoke_target {      /* an issued document the caller sees */
    long long case_id, office_id; /* the case's, the issuing office's */
    bool revoked;
    bool act_number;                                         /* it carries its act's number */
    long long event_id;                                      /* its act, 0: none */
    char form[48], title[160], number[161], issuer_role[16]; /* the issuing user's role */
    char *params; /* the parameters it was issued with, JSON text (malloc'd) */
};
void store_revoke_target_free(struct store_revoke_target *t);

/* Document doc_id as the transaction's role sees it (*found false when not). */
BERKAS_MUST_CHECK bool store_revoke_target(struct tx *tx, long long doc_id,
                                           struct store_revoke_target *out, bool *found,
                                           struct berr *err);

/* Revoke document doc_id of case case_id with its reason (not revoked yet: *done false
 * otherwise). */
BERKAS_MUST_CHECK bool store_document_revoke(struct tx *tx, long long case_id, long long doc_id,
                                             const char *note, bool *done, struct berr *err);

#endif
