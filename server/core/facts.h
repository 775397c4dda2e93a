/*
 * facts.h - what the guards know about a case, and the facts they can miss.
 *
 * struct case_facts is a snapshot of one case at the moment an act is about
 * to be recorded: counts and flags derived from the event log (see
 * evlog_facts() in evlog.h), plus what only the caller knows (the offences
 * charged, the Polri order attached to the act, the rule sets).  Guards read
 * it and name each missing fact with a stable code and an Indonesian
 * description, so a refusal can say exactly what is lacking (a 422).
 *
 * The fact table in facts.c is data: per fact its code, its label, a short
 * Indonesian how-to (which act or option supplies it, issue 8.7), and the
 * acts that establish it.  The last is what order.c derives the order of
 * act dates from: an act whose guard needs a fact comes no earlier than the
 * acts that established it.
 */
#ifndef BERKAS_CORE_FACTS_H
#define BERKAS_CORE_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "caldate.h"
#include "event.h"
#include "ruleset.h"

/* The facts a guard can find missing.  Codes are stable API values. */
enum fact {
    FACT_RULESET,                /* "ruleset": a rule set in force on the act's date */
    FACT_LAPORAN,                /* "laporan": the Laporan Keimigrasian is registered */
    FACT_SPDP_SENT,              /* "spdp_sent": an SPDP sent since the latest Sprindik */
    FACT_SUSPECT,                /* "suspect": at least one suspect designated */
    FACT_BAP_TERSANGKA,          /* "bap_tersangka": a BAP for each suspect */
    FACT_RESUME,                 /* "resume": the resume is written */
    FACT_INSTRUCTIONS_ANSWERED,  /* "instructions_answered": every P-19 item answered */
    FACT_TAHAP1_RECEIVED,        /* "tahap1_received": the PU's receipt of the file */
    FACT_PU_PERIOD_ELAPSED,      /* "pu_period_elapsed": 14 days since receipt are over */
    FACT_P21,                    /* "p21": P-21 or deemed complete recorded */
    FACT_TAHAP2_PERIOD_ELAPSED,  /* "tahap2_period_elapsed": 60 days since P-21 are over */
    FACT_SHORT_PROCEDURE,        /* "short_procedure_offence": only Pasal 116/117 charged */
    FACT_DETAINABLE_OFFENCE,     /* "detainable_offence": KUHAP 21(4), UU 6/2011 Pasal 109 */
    FACT_POLRI_ORDER,            /* "polri_order": the Polri investigator's order */
    FACT_COURT_EXTENSION_GROUND, /* "court_extension_ground": KUHAP 29(1) */
    FACT_POLRI_INVOLVEMENT,      /* "polri_involvement": UU 20/2025 Pasal 24(3) */
    FACT_DETENTION_IN_FORCE,     /* "detention_in_force": the period to extend still runs */
    FACT_EXTENSION_WITHIN_LIMIT, /* "extension_within_limit": days within the legal maximum */
    FACT_DETENTION_DAYS_LEFT,    /* "detention_days_left": days left to resume after suspension */
    FACT_NEW_SUBMISSION,         /* "new_submission": the file received is one not yet received */
    FACT_PU_RETURN_IN_TIME,      /* "pu_return_in_time": returned within the PU's 14 days */
    FACT_FIRST_RETURN,           /* "first_return": no P-19 yet for this file (SE B-3326/2011) */
    FACT_P19_GIVEN,              /* "p19_given": the P-19 a later letter follows */
    FACT_RETURN_UNRECEIVED,      /* "return_unreceived": the return not yet received */
    FACT_RESEND_PERIOD_ELAPSED,  /* "resend_period_elapsed": the investigator's 14 days are over */
    FACT_SUMMONS_NOTICE,         /* "summons_notice": the appearance day, far enough ahead
                                    (KUHAP 227(1)) or urgent with a reason */
    FACT_INTERPRETER_SWORN,      /* "interpreter_sworn": an interpreter sworn before the BAP of
                                    each suspect who does not speak Indonesian (KUHAP 53, 177) */
    FACT_ARREST_PERIOD,          /* "arrest_period": a detention after an arrest within the
                                    arrest's hours (KUHAP 19(1)), or released first, or
                                    recorded as unlawful with a reason */
    FACT_CUSTODY_NOTICE,         /* "custody_notice": after the file's end, only a notice owed
                                    for a suspect's arrest or detention (KUHAP 18(3), 21(3);
                                    VCCR 36(1)(b)) is still delivered */
    FACT_NOTICE_OWED,            /* "notice_owed": a notice declared undelivered is a notice of
                                    the suspect's custody (family, consular) still owed to him:
                                    neither delivered nor declared undelivered before */
    FACT_SP3_STANDS,             /* "sp3_stands": an SP3 stands in the file (no reopening, no
                                    new Sprindik since): after a TAK its notices are still owed */
    FACT__COUNT
};

/* A list of missing facts, each at most once, in the order found. */
struct missing {
    int n;
    enum fact list[FACT__COUNT];
};

struct case_facts {
    /* Context of the act (set by the caller). */
    const struct ruleset *rulesets; /* all rule sets; the act's regime is chosen by act_date */
    int nrulesets;
    struct caldate act_date; /* the legal date of the act, local to the office */
    bool act_known;          /* the act's own details below are given (a write); false when
                                listing what may come next: guards on the act's details then
                                assume the act will bring what they need */

    /* Derived from the event log (evlog_facts). */
    bool report_registered;
    bool spdp_sent;           /* an SPDP sent since the latest Sprindik */
    int suspects;             /* suspects designated */
    int suspects_without_bap; /* designated suspects without a BAP tersangka since
                                 the latest Sprindik */
    bool resume_written;      /* since the latest Sprindik */
    int instructions_open;    /* P-19 instruction items not yet answered */
    bool tahap1_received;     /* the PU's receipt of the file now with the PU */
    struct caldate tahap1_received_on;
    bool p21; /* P-21 or deemed complete, since the latest Sprindik */
    struct caldate p21_on;
    int returns;                /* P-19s and later letters since the latest Sprindik */
    int returns_late;           /* ... of them recorded after the PU's period, with a reason */
    bool returned;              /* the file is back with the investigator ... */
    struct caldate returned_on; /* ... by the return of this date */
    bool return_received;       /* the investigator's receipt of that return is recorded */
    struct caldate return_received_on;

    /* Known to the caller (offences charged: to the suspect concerned, for a
     * per-suspect act; else to the case). */
    int suspects_uninterpreted; /* suspects who do not speak Indonesian whose BAP has no
                                   interpreter sworn before it (KUHAP 53, 177) */
    int offences;               /* number of offences charged */
    int max_prison_months;      /* highest maximum prison term among them */
    bool offence_detainable;    /* one of them is on UU 6/2011 Pasal 109's list */
    bool short_procedure_only;  /* all of them are Pasal 116/117 (UU 6/2011 Pasal 110) */
    bool severe_illness;        /* doctor's certificate, KUHAP 29(1)(a) */
    bool polri_order;           /* the act carries the Polri investigator's order */
    bool polri_involved;        /* the SP3 records the Polri investigator's involvement */
    bool late_reason;           /* a return after the PU's period carries its reason */
    bool has_appearance;        /* a summons names the day to appear ... */
    struct caldate appearance;  /* ... this one, on the office's calendar */
    bool urgent_reason;         /* a summons with less notice says why it is urgent */
    /* detained: the suspect's arrest still held (detention.c's state), when
     * the arrest runs out, the detention's instant, and its unlawful_reason */
    bool arrested;
    int64_t arrest_ends_at;
    int64_t act_at;
    bool unlawful_reason;
    /* letter_delivered: it delivers a notice owed for a suspect's arrest or detention (the
     * family's copy of the order, the consular notice), which the file's end does not discharge */
    bool custody_notice;
    /* notice_undelivered: the notice it names - one of custody, or an SP3's to another than the
     * PU - is owed: its clock still runs (the caller's clock fold) */
    bool notice_owed;
    /* sp3_notified in a file diverted to administrative action: an SP3 stands (the caller's
     * clock fold: no reopening, no new Sprindik since it) */
    bool sp3_stands;
    /* the file was handed over under the short procedure (UU 6/2011 Pasal 110): a refusal names
     * its stage so (stage_label_of), not "Tahap II selesai" */
    bool handed_short;
};

/* Stable code of f ("spdp_sent"), or "" for an invalid fact. */
const char *fact_code(enum fact f);

/* Indonesian description of f ("SPDP telah dikirim"), or "". */
const char *fact_label(enum fact f);

/* How to supply f, in Indonesian, with "{case}" replaced by case_id (or by
 * "PERKARA" when case_id <= 0), into buf: "catat spdp_sent (berkas record 12
 * spdp_sent --recipient kejari --date TANGGAL)".  "" for an invalid fact. */
void fact_hint(enum fact f, long long case_id, char *buf, size_t size);

/* The acts that establish f (those a guard needing f waits for), ended by
 * ev == EV__COUNT; an empty list for facts no act establishes (offences,
 * orders carried by the act itself). */
const struct act_ref *fact_sources(enum fact f);

/* Whether a guard asks f of each suspect rather than of the case: a BAP tersangka for every
 * designated suspect (KUHAP 110(1) with 8(3)(a): the file holds the examination of each), so
 * one suspect's act establishing it cannot stand in for another's (order.c's withdrawals). */
bool fact_each_suspect(enum fact f);

/* Facts in which everything a guard can find missing in the log is
 * missing (no act recorded, a suspect without a BAP, an instruction open),
 * the act's details given, and no rule set: running a guard on them names
 * every log fact it needs (order.c's derivation). */
void facts_all_missing(struct case_facts *f);

/* The fact whose code is `code`; false for an unknown code. */
bool fact_lookup(const char *code, enum fact *out);

/* Empty m. */
void missing_clear(struct missing *m);

/* Append f to m unless it is already there. */
void missing_add(struct missing *m, enum fact f);

/* True when m lists f. */
bool missing_has(const struct missing *m, enum fact f);

/* The rule set in force on f->act_date, or NULL. */
const struct ruleset *facts_rules(const struct case_facts *f);

/* The rule set in force on date d among f's rule sets, or NULL. */
const struct ruleset *facts_rules_on(const struct case_facts *f, struct caldate d);

#endif
