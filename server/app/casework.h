/*
 * casework.h - opening a case, its parties, offences and evidence, the case
 * as a document, the list of cases and the chain check (casework.c).
 */
#ifndef BERKAS_APP_CASEWORK_H
#define BERKAS_APP_CASEWORK_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

/* An item of evidence as sent: seized_from and seizure_event 0 none (seizure_event: the
 * seizure_done act that took it), a text NULL none. */
struct evidence_in {
    const char *description, *quantity, *seized_on, *storage;
    long long seized_from, seizure_event;
};

struct app;
struct event_outcome;

struct case_input {
    long long kejari_id; /* the Kejaksaan Negeri the file will go to, or 0 */
    const char *source;  /* jagratara, tim_pora, public_report, ... */
    const char *source_note, *summary;
    const char *opened_on;     /* the Laporan's date */
    const char *number;        /* NULL: from the office's counter */
    const char *report_number; /* the Laporan Kejadian's own number */
};

struct party_input {
    const char *kind, *name, *nationality, *passport_no, *birth_date, *birth_place, *sex;
    const char *occupation, *address_id, *address_abroad, *language, *interpreter;
    const char *nik; /* the NIK (KTP-el) of an Indonesian: 16 digits, checked (nik_valid) */
    int if_match;    /* corrections: the party's version, or -1 */
};

struct case_filter {
    const char *stage, *clock, *article, *q;
    const char *mine;   /* "true"/"false": only the caller's own cases (investigators: true) */
    const char *number; /* exactly this case number (LK/KANIM-PLG/2026/0001) */
    long long office;   /* subtree root, or 0 */
    long long cursor;   /* the last id of the previous page, or 0 */
    int limit;
};

/* Open a case with its Laporan (report_registered) in one transaction;
 * investigators only, in their own office. */
BERKAS_MUST_CHECK bool app_case_create(struct app *app, const struct actor *who,
                                       const struct case_input *in, long long *id,
                                       struct event_outcome *out, struct audit_rec *au,
                                       struct berr *err);

/* Add (party_id 0) or correct a party. */
BERKAS_MUST_CHECK bool app_party_save(struct app *app, const struct actor *who, long long case_id,
                                      long long party_id, const struct party_input *in,
                                      long long *id, struct audit_rec *au, struct berr *err);

/* Charge an offence from the catalogue, to a suspect or (party_id 0) the case. */
BERKAS_MUST_CHECK bool app_offence_charge(struct app *app, const struct actor *who,
                                          long long case_id, const char *code, long long party_id,
                                          long long *id, struct audit_rec *au, struct berr *err);

/* Record an item of evidence; in->seizure_event (0: none) the seizure act that took it, an act
 * of this case of kind seizure_done that stands (422 otherwise). */
BERKAS_MUST_CHECK bool app_evidence_add(struct app *app, const struct actor *who, long long case_id,
                                        const struct evidence_in *in, long long *id,
                                        struct audit_rec *au, struct berr *err);

/* Withdraw a charge laid in error (the audit trail keeps it). */
BERKAS_MUST_CHECK bool app_offence_withdraw(struct app *app, const struct actor *who,
                                            long long case_id, long long charge_id,
                                            struct audit_rec *au, struct berr *err);

/* Correct an item of evidence (what in gives; seizure_event as app_evidence_add's, linking
 * it to its seizure); if_match: its version, or -1. */
BERKAS_MUST_CHECK bool app_evidence_correct(struct app *app, const struct actor *who,
                                            long long case_id, long long item_id, int if_match,
                                            const struct evidence_in *in, struct audit_rec *au,
                                            struct berr *err);

/* The offence catalogue in force. */
BERKAS_MUST_CHECK json_t *app_offence_catalogue(struct app *app, const struct actor *who,
                                                struct berr *err);

/* The cases the actor may see, filtered, one page after flt->cursor. */
BERKAS_MUST_CHECK json_t *app_cases_list(struct app *app, const struct actor *who,
                                         const struct case_filter *flt, struct audit_rec *au,
                                         struct berr *err);

/* One case: stage, facts, allowed next events, clocks, P-19 rounds,
 * timeline, history, as JSON text (*text malloc'd, *len bytes: a long
 * case's history is written, not built: casepage_text).  BERR_NOT_FOUND
 * also when the actor may not see it.  Audited. */
BERKAS_MUST_CHECK bool app_case_get(struct app *app, const struct actor *who, long long id,
                                    struct audit_rec *au, char **text, size_t *len,
                                    struct berr *err);

/* Every case's hash chain recomputed (admin); the first broken link named. */
BERKAS_MUST_CHECK json_t *app_verify_chain(struct app *app, const struct actor *who,
                                           struct audit_rec *au, struct berr *err);

/* Whether s is a source a case may have (casework.c). */
BERKAS_MUST_CHECK bool casework_source_known(const char *s);

#endif
