/*
 * event.h - the event catalogue: one vocabulary for the event log, the API,
 * the CLI and the tests (DESIGN.md "The event catalogue").
 *
 * Each event has a stable snake_case code (stored in the database: never
 * rename one), an Indonesian label, its legal basis, its group, whether it
 * names one suspect, and which roles may record it.  Which stage accepts it
 * is fsm.c's business.
 */
#ifndef BERKAS_CORE_EVENT_H
#define BERKAS_CORE_EVENT_H

#include <stdbool.h>

enum event {
    /* opening */
    EV_REPORT_REGISTERED,
    EV_PRE_INVESTIGATION_ORDERED,
    EV_TAK_DECIDED,
    EV_DISMISSED,
    EV_SPRINDIK_ISSUED,
    /* notices */
    EV_SPDP_SENT,
    EV_SUSPECT_DESIGNATED,
    EV_LETTER_DELIVERED,
    /* investigation */
    EV_SUMMONS_SERVED,
    EV_BAP_RECORDED,
    EV_INTERPRETER_SWORN,
    EV_SEARCH_DONE,
    EV_SEIZURE_DONE,
    EV_EVIDENCE_DEPOSITED,
    EV_RESUME_WRITTEN,
    /* per suspect */
    EV_ARRESTED,
    EV_DETAINED,
    EV_DETENTION_EXTENDED_PU,
    EV_DETENTION_EXTENDED_COURT,
    EV_DETENTION_SUSPENDED,
    EV_DETENTION_TYPE_CHANGED,
    EV_RELEASED,
    EV_DETENSI_STARTED,
    EV_DETENSI_ENDED,
    /* file movement */
    EV_TAHAP1_SENT,
    EV_TAHAP1_RECEIVED_BY_PU,
    EV_P16_RECEIVED,
    EV_P17_RECEIVED,
    EV_P18_RECEIVED,
    EV_P19_RECEIVED,
    EV_INSTRUCTION_ANSWERED,
    EV_RESUBMITTED,
    EV_P20_RECEIVED,
    EV_P21_RECEIVED,
    EV_DEEMED_COMPLETE_CONFIRMED,
    EV_P21A_RECEIVED,
    EV_P22_RECEIVED,
    EV_P23_RECEIVED,
    EV_TAHAP2_DONE,
    EV_SHORT_PROCEDURE_HANDOVER,
    EV_LAPSED,
    /* ending */
    EV_SP3_ISSUED,
    EV_SP3_NOTIFIED,
    EV_REOPENED,
    /* supervision */
    EV_REVIEW_NOTE,
    EV_DIRECTION_GIVEN,
    EV_DIRECTION_DONE,
    EV_REASSIGNED,
    /* corrections */
    EV_CORRECTED,
    EV__COUNT
};

enum event_group {
    EVG_OPENING,
    EVG_NOTICE,
    EVG_INVESTIGATION,
    EVG_SUSPECT,
    EVG_FILE,
    EVG_ENDING,
    EVG_SUPERVISION,
    EVG_CORRECTION,
};

/* Who records an event, or who must act on a clock.  Bits, so that an event
 * may name several recorders. */
enum actor_role {
    ACTOR_NONE = 0,
    ACTOR_INVESTIGATOR = 1, /* PPNS Keimigrasian */
    ACTOR_PROSECUTOR = 2,   /* Jaksa at the Kejaksaan Negeri */
    ACTOR_SUPERVISOR = 4,   /* atasan PPNS, Kanwil, Ditjen */
    ACTOR_COURT = 8,        /* Ketua Pengadilan Negeri (acts only as a clock's actor) */
};

struct event_info {
    const char *code;  /* "tahap1_sent" */
    const char *label; /* "Pengiriman berkas perkara (Tahap I)" */
    const char *basis; /* "KUHAP 8(3)(a), 110(1); UU 6/2011 Pasal 107(2)" */
    enum event_group group;
    unsigned recorders; /* enum actor_role bits: the roles that may record it */
    bool per_suspect;   /* names exactly one suspect (detention sub-machine, designation) */
};

/* True when e is a real event (0 <= e < EV__COUNT). */
bool event_valid(enum event e);

/* The catalogue row of e, or NULL for an invalid event. */
const struct event_info *event_info(enum event e);

/* Stable code of e, or "" for an invalid event. */
const char *event_code(enum event e);

/* Indonesian label of e, or "" for an invalid event. */
const char *event_label(enum event e);

/* The event whose code is `code`; false (out untouched) for an unknown code. */
bool event_lookup(const char *code, enum event *out);

/* True when role (one enum actor_role bit) may record e. */
bool event_recordable_by(enum event e, enum actor_role role);

/* True for the nine arrest/detention/detensi events that drive detention.c. */
bool event_is_detention(enum event e);

/* Stable code of a group ("file_movement"). */
const char *event_group_code(enum event_group g);

/* Stable code of one actor bit ("investigator"), or "" for anything else. */
const char *actor_code(enum actor_role a);

/* Indonesian label of one actor bit ("Penyidik (PPNS)"), or "" for anything else. */
const char *actor_label(enum actor_role a);

#endif
