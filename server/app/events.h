/*
 * events.h - recording an act in a case (events.c): the one write path of
 * the case file.  The input as the API received it, the outcome with a
 * refusal's problem members, and the step other use cases run inside their
 * own transaction (case creation's Laporan, an act issued with its forms).
 */
#ifndef BERKAS_APP_EVENTS_H
#define BERKAS_APP_EVENTS_H

#include <jansson.h>
#include <stdbool.h>

#include "actor.h"
#include "core/error.h"
#include "core/mustcheck.h"

struct app;
struct audit_rec;
struct tx;

/* One act to record, as the API received it (strings already NFC).  Each
 * member the API fills is a row of core/evfields.def (app/evfield.h). */
struct event_input {
    const char *type;   /* core/event.c code: "sprindik_issued" */
    const char *date;   /* legal date YYYY-MM-DD (office calendar), or NULL */
    const char *at;     /* legal instant with offset, where the hour matters, or NULL */
    const char *number; /* the document's number */
    const char *note;
    long long party_id;         /* the suspect (per-suspect acts, BAP tersangka) or party */
    const char *bap;            /* bap_recorded: saksi | tersangka | ahli | tambahan */
    int days;                   /* detention extensions: days granted (0 = the maximum) */
    const char *detention_type; /* rutan | rumah | kota */
    const char *recipient;      /* spdp_sent: kejari | korwas | suspect | embassy */
    const char *ground;         /* sp3_issued */
    const char *polri_order;    /* the Polri investigator's order (UU 20/2025) */
    bool polri_involved;        /* sp3 under UU 20/2025 */
    bool severe_illness;        /* KUHAP 29(1)(a) */
    json_t *instructions;       /* p19_received: array of strings */
    long long instruction_id;   /* instruction_answered */
    const char *answer;
    long long answer_act;        /* instruction_answered: the act whose paper fulfils it */
    const char *unmet_reason;    /* instruction_answered: why the item cannot be met */
    const char *undelivered;     /* notice_undelivered: why the notice could not go */
    long long corrects;          /* corrected: the event corrected */
    bool withdraws;              /* corrected: withdraw it instead of replacing it */
    const char *due;             /* direction_given */
    long long direction_event;   /* direction_done: the direction_given */
    json_t *issue;               /* form names to issue for this act in the same transaction */
    const char *late_reason;     /* p19_received, return_letter_received after the PU's period */
    json_t *unmet;               /* return_letter_received: array of instruction ids */
    const char *appearance;      /* summons_served: the day to appear, YYYY-MM-DD */
    const char *urgent_reason;   /* summons_served: why less than KUHAP 227(1)'s notice;
                                    search_done, seizure_done: why without the Ketua PN's
                                    permit (KUHAP 34, 38(2)) */
    const char *received_by;     /* letter_delivered: who received a notice (13.7) */
    const char *unlawful_reason; /* detained: after the arrest's period, why it is recorded
                                    (KUHAP 19(1); shown in the review list) */
    const char *facility;        /* detained, detention_type_changed: where the suspect is
                                    held (KUHAP 21(2)) */
    const char *scene;           /* arrested, seizure_done, search_done: where it was done */
    const char *place;           /* evidence_deposited: the Rupbasan (KUHAP 44(1)) */
    json_t *items;               /* evidence_deposited: the evidence ids deposited */
    const char *permit_kind;     /* court_permit_received: izin | persetujuan */
    const char *permit_for;      /* court_permit_received: penggeledahan | penyitaan */
    long long permit_act;        /* search_done, seizure_done: the court_permit_received (izin) */
    long long approves;          /* court_permit_received (persetujuan): the urgent act */
    const char *decision;        /* court_permit_received: dikabulkan (NULL) | ditolak */
    const char *court;           /* court_permit_received: the Pengadilan Negeri (its seat) */
    const char *conditions;      /* detention_suspended: its conditions (KUHAP 31(1)) */
    const char *guarantee;       /* detention_suspended: its bail, or NULL (none) */
    const char *catatan; /* short_procedure_handover: the offence alleged (UU 6/2011 110(2)) */
    /* the people an act names (acts.h): NIPs, printed spaces allowed */
    const char *to;    /* direction_given: the investigator addressed (NULL: the office) */
    const char *jaksa; /* p16_received: the jaksa peneliti (NULL: the recorder) */
    json_t *team;      /* sprindik_issued, pre_investigation_ordered: the team */
    json_t *added;     /* reassigned (app_reassign): investigators added ... */
    json_t *removed;   /* ... and removed */
    int if_match;      /* the client's version, or -1 */
};

struct event_outcome {
    int status;   /* 201 */
    json_t *body; /* owned by the caller */
    long long event_id;
    /* refusals: problem type and its extension members */
    const char *problem_type;
    json_t *allowed; /* 409: the events the stage (or the suspect's state) allows */
    json_t *missing; /* 422: the missing facts */
    json_t *fields;  /* 422: the input fields that could supply them (evfield.h) */
    json_t *extra;   /* further members of the problem: "hints" (how to supply each missing
                        fact), "open_instructions", the acts out of date order */
    int current_version;
};

/* Record an act in case id (see events.c for the transaction).  On refusal
 * err says why and out carries the problem's members. */
BERKAS_MUST_CHECK bool app_event_record(struct app *app, const struct actor *who, long long case_id,
                                        const struct event_input *in, struct event_outcome *out,
                                        struct audit_rec *au, struct berr *err);

/* Record one act inside tx (no idempotency, no audit, no commit): the case
 * is locked, checked, the event appended, the case moved.  Used by
 * app_event_record and by case creation (its Laporan). */
BERKAS_MUST_CHECK bool events_record_tx(struct tx *tx, const struct actor *who, long long case_id,
                                        const struct event_input *in, struct event_outcome *out,
                                        struct berr *err);

#endif
