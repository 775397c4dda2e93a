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
#include <stdint.h>

enum event {
    /* opening */
    EV_REPORT_REGISTERED,
    EV_PRE_INVESTIGATION_ORDERED,
    EV_TAK_DECIDED,
    EV_DISMISSED,
    EV_SPRINDIK_ISSUED,
    /* notices */
    EV_SPDP_SENT,
    EV_SPDP_RECEIVED_BY_PU, /* issue 10: the Kejari registers the SPDP it received */
    EV_SUSPECT_DESIGNATED,
    EV_LETTER_DELIVERED,
    EV_NOTICE_UNDELIVERED, /* a custody notice that could not be delivered, with its reason */
    /* investigation */
    EV_SUMMONS_SERVED,
    EV_BAP_RECORDED,
    EV_INTERPRETER_SWORN,
    EV_SEARCH_DONE,
    EV_SEIZURE_DONE,
    EV_COURT_PERMIT_RECEIVED, /* the Ketua PN's Penetapan: a permit (izin) or an approval
                                 (persetujuan) of an urgent search or seizure (DOMAIN 4.9, D8) */
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
    EV_RETURN_LETTER_RECEIVED, /* a later return: an ordinary letter (SE B-3326/2011) */
    EV_RETURNED_FILE_RECEIVED, /* the investigator receives the returned file (KUHAP 138(2)) */
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

/* The input fields an act may carry beyond those every act takes (type,
 * date, at, number, note), by their API names: one row each in
 * evfields.def, which says which acts take and require each (a field an act
 * does not take is refused, never stored: issue 13.11), and how the HTTP
 * input, the stored payload and the OpenAPI schema treat it (issue 12.3). */
enum event_field {
#define EVFIELD(ID, ...) EVF_##ID,
#include "evfields.def"
    EVF__COUNT
};

/* Variants of an act that the law treats apart (a BAP of a suspect is not a
 * BAP of a witness). */
enum act_variant {
    AV_ANY,                /* any act of the event type */
    AV_BAP_TERSANGKA,      /* bap_recorded of a suspect */
    AV_NOTICE_ARREST,      /* letter_delivered: the family's copy of an arrest's order;
                              as an "after" of suspect scope: the arrest it notifies */
    AV_NOTICE_DETENTION,   /* letter_delivered: ... of a detention's order; as an "after":
                              the detention it notifies */
    AV_NOTICE_CONSULAR,    /* letter_delivered: the consular notice of a custody */
    AV_SPDP_DELIVERY,      /* letter_delivered: a delivery of the SPDP */
    AV_CUSTODY,            /* arrested or detained: the act that took the suspect into
                              custody (an "after" of suspect scope only) */
    AV_NOTICE_DESIGNATION, /* letter_delivered: the suspect told of his designation */
    AV_NOTICE_BAP_COPY,    /* letter_delivered: the suspect given a copy of his BAP */
    AV_BERKAS_RECEIPT,     /* letter_delivered: the Kejari's tanda terima of the file sent */
    AV_SPDP_TO_PU,         /* spdp_sent to the prosecutor (recipient kejari), the SPDP of
                              KUHAP 109(1); not a copy to another recipient */
};

/* An act by event type and variant; ev == EV__COUNT ends a list. */
struct act_ref {
    enum event ev;
    enum act_variant variant;
};

/* The notices owed for one suspect's arrest or detention (issue 13.7), each
 * delivered by a letter_delivered naming the suspect and the recipient:
 * the family's copy of the arrest's order (KUHAP 18(3)) and of the
 * detention's (KUHAP 21(3)), and for a foreign national the notice to his
 * representation through the Ministry of Foreign Affairs (VCCR 1963 Art.
 * 36(1)(b), UU 1/1982). */
enum notice_kind {
    NOTICE_NONE,
    NOTICE_FAMILY_ARREST,    /* "keluarga_penangkapan" */
    NOTICE_FAMILY_DETENTION, /* "keluarga_penahanan" */
    NOTICE_CONSULAR,         /* "perwakilan_negara" */
    /* the SPDP's recipients (KUHAP 109(1) jo. MK 130/PUU-XIII/2015;
     * Permenkumham 39/2021 Pasal 27), each delivery its own act (issue 13.8) */
    NOTICE_SPDP_KEJARI,     /* "spdp_kejari": the prosecutor */
    NOTICE_SPDP_KORWAS,     /* "spdp_korwas": Korwas PPNS (Pasal 27(2)) */
    NOTICE_SPDP_PELAPOR,    /* "spdp_pelapor": the reporter or victim (MK 130/2015) */
    NOTICE_SPDP_TERSANGKA,  /* "spdp_tersangka": one suspect (Pasal 27(3); MK 130/2015) */
    NOTICE_SPDP_PERWAKILAN, /* "spdp_perwakilan_negara": a foreign suspect's representation
                               through Kemlu (Pasal 27(6)) */
    NOTICE_DESIGNATION,     /* "penetapan_tersangka": the suspect told of his designation
                               (UU 20/2025 Pasal 90 as reported; DOMAIN D15) */
    NOTICE_BAP_COPY,        /* "salinan_bap": the suspect given a copy of his examination's
                               record (UU 20/2025 as reported, article unknown; DOMAIN D16) */
    NOTICE_BERKAS_KEJARI,   /* "berkas_kejari": the berkas perkara sent (Tahap I, or again
                               after a P-19) signed for at the Kejaksaan - its tanda terima,
                               whose date is the file's receipt (DOMAIN 5.1; KUHAP 110(4),
                               138(1)); owed to no one, so no clock of its own */
    NOTICE__COUNT
};

/* The notice whose recipient code is `code`; false for any other recipient. */
bool notice_lookup(const char *code, enum notice_kind *out);

/* The SPDP's addressee, spdp_sent's recipient (a closed list, core/event.c spdp_to): the
 * prosecutor's SPDP ("kejari", KUHAP 109(1) jo. MK 130/PUU-XIII/2015: the one that counts as the
 * SPDP sent - its 7-day clock, the P-17's, the file disclosed to the Kejari), or a copy to Korwas
 * ("korwas", Permenkumham 39/2021 Pasal 27(2)), the reporter or victim ("reporter", MK
 * 130/2015), the suspect ("suspect") or his family ("family", Pasal 27(3)), a foreign suspect's
 * representation through Kemlu ("embassy", 27(6)).  *out: the recipient's SPDP notice
 * (NOTICE_SPDP_KEJARI ...; NOTICE_NONE for the family, who has no clock of its own).  false
 * for any other code, NULL included. */
bool spdp_recipient_lookup(const char *code, enum notice_kind *out);

/* The recipients spdp_sent takes, for a refusal: "kejari (Kejaksaan Negeri: Penuntut Umum),
 * korwas (...), ...". */
const char *spdp_recipients_text(void);

/* The SP3 notice's addressee, sp3_notified's recipient (a closed list, core/event.c sp3_to):
 * the prosecutor ("kejari") and the Polri investigator as Korwas PPNS ("korwas") - KUHAP 1981
 * Pasal 109(3) -, the suspect ("suspect") or his family ("family"), the reporter or victim
 * ("reporter") - UU 20/2025 Pasal 24(4): the PU, the victim and/or the suspect; DOMAIN 4.15.
 * false for any other code, NULL included. */
bool sp3_recipient_known(const char *code);

/* The SP3 notice's addressees as the clocks follow them (core/clock.c: one clock per recipient
 * the rule set of the SP3's day names, each stopped by the notice to that one). */
enum sp3_recipient {
    SP3_TO_NONE,     /* a code outside the list (accepted before it was closed): no one's */
    SP3_TO_KEJARI,   /* "kejari": the PU (KUHAP 109(2)-(3); UU 20/2025 Pasal 24(4)) */
    SP3_TO_KORWAS,   /* "korwas": the Polri investigator as Korwas PPNS (KUHAP 109(3)) */
    SP3_TO_SUSPECT,  /* "suspect" (KUHAP 109(2); UU 20/2025 Pasal 24(4)) */
    SP3_TO_FAMILY,   /* "family": his family, for him (KUHAP 109(2) "tersangka atau keluarganya") */
    SP3_TO_REPORTER, /* "reporter": the reporter or victim (UU 20/2025 Pasal 24(4) "korban") */
    SP3_TO__COUNT
};

/* The addressee of code into *out; false (out untouched) for any other code, NULL included. */
bool sp3_recipient_lookup(const char *code, enum sp3_recipient *out);

/* The recipients sp3_notified takes, for a refusal. */
const char *sp3_recipients_text(void);

/* The SP3 notice a notice_undelivered names ("sp3_korwas", "sp3_suspect", "sp3_family",
 * "sp3_reporter": the addressee's code after "sp3_") into *out; never the prosecutor's - the
 * notice to the PU is one that must go (KUHAP 109(2)-(3)).  false for any other code. */
bool sp3_undelivered_lookup(const char *code, enum sp3_recipient *out);

/* The recipients notice_undelivered takes, for a refusal. */
const char *undelivered_recipients_text(void);

/* Stable recipient code of a notice ("keluarga_penangkapan"), or "". */
const char *notice_code(enum notice_kind n);

/* Indonesian words for the delivery of notice n ("SPDP diterima Korwas PPNS"), or "". */
const char *notice_label(enum notice_kind n);

/* True when notice n is delivered for one suspect (names his party_id). */
bool notice_per_suspect(enum notice_kind n);

/* True when notice n is owed for a suspect's arrest or detention: the family's copy of the order
 * (KUHAP 18(3), 21(3)) or the consular notice (VCCR 36(1)(b)) - owed for the custody itself,
 * whatever becomes of the file. */
bool notice_of_custody(enum notice_kind n);

/* True when notice n is a delivery of the SPDP. */
bool notice_is_spdp(enum notice_kind n);

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

/* API name of an input field ("party_id"), or "" for anything else. */
const char *event_field_code(enum event_field f);

/* A set of input fields: bit EVF_BIT(EVF_x) for each (64 fields at most:
 * event.c asserts it). */
typedef uint64_t evfield_mask;
#define EVF_BIT(f) ((evfield_mask)1 << (f))

/* The fields e takes (bit EVF_BIT(EVF_x)), and those it requires.  A
 * correction (EV_CORRECTED) that replaces an act takes and requires what
 * the act does (event_correction_fields); these are its own. */
evfield_mask event_fields_taken(enum event e);
evfield_mask event_fields_required(enum event e);

/* What a correction of an act of type `as` takes and requires: corrects,
 * and when it withdraws the act, withdraws and nothing else; when it
 * replaces the act, the act's own details (not the P-19's items, an answer
 * or the direction pointed at: those stay with the original). */
void event_correction_fields(enum event as, bool withdraws, evfield_mask *takes,
                             evfield_mask *requires);

/* The first field (in enum order) set in `sent` that e does not take, or
 * EVF__COUNT when none: as e itself, or for a correction of `as`. */
enum event_field event_field_unexpected(enum event e, enum event as, bool withdraws,
                                        evfield_mask sent);

/* The first field e requires that `sent` lacks (same rules), or EVF__COUNT. */
enum event_field event_field_missing(enum event e, enum event as, bool withdraws,
                                     evfield_mask sent);

/* Stable code of a group ("file_movement"). */
const char *event_group_code(enum event_group g);

/* Stable code of one actor bit ("investigator"), or "" for anything else. */
const char *actor_code(enum actor_role a);

/* Indonesian label of one actor bit ("Penyidik (PPNS)"), or "" for anything else. */
const char *actor_label(enum actor_role a);

#endif
