/*
 * ruleset.h - the legal durations as data (DESIGN.md "Clocks and rule sets").
 *
 * A rule set is every number the clocks, guards and the detention machine
 * use, under one procedural regime, with the date from which it applies.
 * Two are built in: KUHAP-1981 (UU 8/1981) and KUHAP-2025 (UU 20/2025, from
 * 2 January 2026).  The regime is chosen per act, by the act's local date
 * (ruleset_for_date), never per case.  Where DOMAIN.md marks a value
 * UNCERTAIN, it carries to_verify; KUHAP-2025 carries the 1981 value marked
 * to_verify where the new code's value is not confirmed.
 *
 * The store seeds the built-ins into PostgreSQL and loads amended values back
 * as (ruleset, key, value) rows through ruleset_set(); the keys are stable
 * (they are the field names) and enumerable with ruleset_key_at().  An
 * amendment applies from its own date: the loaded array then holds one
 * version of the set per such date (RULESET_MAX), in date order.
 */
#ifndef BERKAS_CORE_RULESET_H
#define BERKAS_CORE_RULESET_H

#include <stdbool.h>
#include <stddef.h>

#include "caldate.h"
#include "error.h"

#define RULESET_NAME_MAX 32

enum regime {
    REGIME_KUHAP_1981, /* UU 8/1981: acts up to 1 January 2026 */
    REGIME_KUHAP_2025, /* UU 20/2025: acts from 2 January 2026 (Pasal 369) */
};

/* One value and whether DOMAIN.md could confirm it. */
struct rule_value {
    int value;
    bool to_verify;
};

/* Flat on purpose: every field below is a key of the table in ruleset.c. */
struct ruleset {
    char name[RULESET_NAME_MAX]; /* "KUHAP-1981" */
    enum regime regime;          /* which law the citations refer to */
    struct caldate effective_from;

    struct rule_value spdp_days;               /* SPDP within N days of the Sprindik (day 0) */
    struct rule_value spdp_warn_day;           /* warn from day N after the Sprindik */
    struct rule_value p17_days;                /* P-17 expected N days after the PU's receipt of the
                                                  SPDP (its sending while none is recorded), with no
                                                  file (DOMAIN D14) */
    struct rule_value pu_answer_days;          /* PU says complete/incomplete within N days */
    struct rule_value pu_answer_warn_day;      /* warn from day N after receipt */
    struct rule_value pu_return_days;          /* PU returns within N days or deemed complete */
    struct rule_value pu_return_warn_day;      /* warn from day N after receipt */
    struct rule_value deemed_complete_applies; /* 1: after pu_return_days the file is complete by
                                                  law (KUHAP 110(4)): a later return is out of
                                                  time, deemed completion may be confirmed */
    struct rule_value resend_days;             /* investigator re-sends N days after P-19 */
    struct rule_value resend_warn_day;         /* warn from day N after P-19 */
    struct rule_value tahap2_days;             /* Tahap II within N days of P-21, else lapsed */
    struct rule_value tahap2_warn1_day;        /* first warning, day N after P-21 */
    struct rule_value tahap2_warn2_day;        /* second warning, day N after P-21 */
    struct rule_value sp3_notify_days; /* notify SP3 within N days; 0 = "segera", no clock */
    struct rule_value sp3_needs_polri; /* 1: SP3 needs the Polri investigator's involvement */
    /* Who must be told of the SP3 within sp3_notify_days besides the PU, 1 = required, each a
     * clock of its own (core/clock.c): the Polri investigator as Korwas PPNS (KUHAP 109(3)),
     * the suspect or his family (109(2); UU 20/2025 Pasal 24(4)), the reporter or victim (UU
     * 20/2025 Pasal 24(4) "korban"; only for a file that has one).  Where DOMAIN cannot confirm
     * a recipient the value is marked to verify and an administrator amends it. */
    struct rule_value sp3_to_korwas;
    struct rule_value sp3_to_suspect;
    struct rule_value sp3_to_reporter;
    struct rule_value arrest_hours;              /* arrest lasts at most N hours */
    struct rule_value arrest_warn_hours;         /* warn N hours before the arrest expires */
    struct rule_value arrest_needs_polri_order;  /* 1: arrest needs a Polri order */
    struct rule_value detention_days;            /* investigator's detention, N days */
    struct rule_value detention_ext_pu_days;     /* extension by the PU, up to N days */
    struct rule_value detention_ext_court_days;  /* each extension by the court, up to N */
    struct rule_value detention_ext_court_count; /* number of court extensions allowed */
    /* 1: a suspect released before the stage's limit may be detained again for the days left of
     * it, the days served counted (KUHAP 24(4): 60 days in all; DOMAIN leaves re-detention open:
     * to verify); 0: released is released for the stage */
    struct rule_value redetention_within_limit;
    struct rule_value detention_warn_days;         /* warn N days before a detention ends */
    struct rule_value detention_needs_polri_order; /* 1: detention needs a Polri order */
    struct rule_value detainable_min_years;        /* detainable when the maximum is >= N years */
    struct rule_value court_ext_min_years; /* court extension when the maximum is >= N years */
    struct rule_value detensi_max_days;    /* administrative detention at most N days */
    struct rule_value late_entry_days;     /* an entry N+ days after its act is "late" */
    /* The review list's "no act for N days", per stage (0 = not watched): berkas'
     * own policy, since KUHAP sets no overall time limit (DOMAIN.md 10.1, 11.9). */
    struct rule_value stall_pre_investigation_days; /* prapenyidikan without a decision */
    struct rule_value stall_investigation_days;     /* penyidikan without an act */
    struct rule_value stall_with_prosecutor_days;   /* the file with the PU, nothing heard */
    struct rule_value stall_returned_days;          /* returned with P-19, nothing done */
    struct rule_value stall_complete_days;          /* P-21, no step towards Tahap II */
    struct rule_value pingpong_rounds;      /* returns (P-19 or letter) that flag ping-pong */
    struct rule_value summons_notice_days;  /* a summons reaches the person N days before the
                                               appearance, unless urgent (KUHAP 227(1)) */
    struct rule_value family_notice_days;   /* the family has the arrest's or detention's
                                               order within N days (KUHAP 18(3), 21(3)) */
    struct rule_value consular_notice_days; /* a foreigner's representation is told through
                                               Kemlu within N days (VCCR 36(1)(b)) */
    struct rule_value counsel_min_years;    /* counsel appointed for a maximum of N years or
                                               more (KUHAP 56(1)) */
    /* Who must receive the SPDP within spdp_days besides the prosecutor (issue
     * 13.8), 1 = required: Korwas PPNS, each suspect, the reporter or victim,
     * and a foreign suspect's representation through Kemlu. */
    struct rule_value spdp_to_korwas;    /* Permenkumham 39/2021 Pasal 27(2) */
    struct rule_value spdp_to_suspect;   /* Pasal 27(3); MK 130/PUU-XIII/2015 (terlapor) */
    struct rule_value spdp_to_reporter;  /* MK 130/PUU-XIII/2015 (pelapor/korban) */
    struct rule_value spdp_to_consulate; /* Pasal 27(6) */
    /* The suspect is told of his designation within N days of it (UU 20/2025 Pasal 90 as
     * reported, DOMAIN D15); 0 = no clock (KUHAP 1981 sets none). */
    struct rule_value designation_notice_days;
    /* The suspect is given a copy of the record of his examination within N days of it
     * (UU 20/2025 as reported, article unknown, DOMAIN D16); 0 = no clock (KUHAP 1981). */
    struct rule_value bap_copy_days;
    /* A search or seizure done in urgency, without the Ketua PN's permit, is reported to him
     * for his approval "segera" (KUHAP 34, 38(2); DOMAIN 4.9, D8): the law sets no number of
     * days, so N is an administrator's value (to verify); 0 = no clock. */
    struct rule_value pn_approval_days;
};

enum rule_unit {
    RULE_DAYS,
    RULE_HOURS,
    RULE_YEARS,
    RULE_COUNT,
    RULE_FLAG, /* 0 or 1 */
};

/* One key of struct ruleset: its name, Indonesian label, basis, unit, the
 * field's offset and the range ruleset_set() accepts. */
struct rule_key {
    const char *key;
    const char *label;
    const char *basis;
    enum rule_unit unit;
    size_t offset;
    int min;
    int max;
};

#define RULESET_BUILTIN_COUNT 2

/* The most versions of the sets loaded at once: each set from its start, and a version more for
 * each date from which an amendment applies (app/rulesets.c, sql/0055).  All versions of a set
 * share its name and regime; ruleset_for_date picks the one in force on an act's date. */
#define RULESET_MAX 32

/* Number of keys (fields) of struct ruleset. */
int ruleset_key_count(void);

/* The i-th key (0 <= i < ruleset_key_count()), or NULL. */
const struct rule_key *ruleset_key_at(int i);

/* The key named `key`, or NULL. */
const struct rule_key *ruleset_key_find(const char *key);

/* The value of key k in rs. */
const struct rule_value *ruleset_value(const struct ruleset *rs, const struct rule_key *k);

/* Stable code of a unit ("days"). */
const char *rule_unit_code(enum rule_unit u);

/* Set key to value; false (rs untouched) for an unknown key or a value out
 * of the key's range.  to_verify is left as it was. */
bool ruleset_set(struct ruleset *rs, const char *key, int value);

/* Set the to_verify mark of key; false for an unknown key. */
bool ruleset_set_to_verify(struct ruleset *rs, const char *key, bool to_verify);

/* Read key into out; false for an unknown key. */
bool ruleset_get(const struct ruleset *rs, const char *key, struct rule_value *out);

/* Check that the values hang together (each warning falls inside its period,
 * the two Tahap II warnings are in order, the name is set); false with a
 * BERR_BAD_INPUT naming the key otherwise. */
bool ruleset_check(const struct ruleset *rs, struct berr *err);

/* The i-th built-in rule set (0: KUHAP-1981, 1: KUHAP-2025), or NULL.  Points
 * into constant storage: copy it to amend it. */
const struct ruleset *ruleset_builtin(int i);

/* The built-in rule set named `name`, or NULL. */
const struct ruleset *ruleset_builtin_find(const char *name);

/* The rule set in force on local date d: among sets[0..n), the one with the
 * latest effective_from not after d; NULL when d precedes them all. */
const struct ruleset *ruleset_for_date(const struct ruleset *sets, int n, struct caldate d);

/* The "no act for N days" threshold of stage (a enum stage value) in rs: 0 when
 * the stage is not watched (terminal, lapsed, terminated). */
int ruleset_stall_days(const struct ruleset *rs, int stage);

/* True when an act dated act_date, entered on local date entered_on, was
 * entered more than late_entry_days after it (issue 4: flagged "late"). */
bool ruleset_late_entry(const struct ruleset *rs, struct caldate act_date,
                        struct caldate entered_on);

/* Stable code of a regime ("KUHAP-1981"). */
const char *regime_code(enum regime r);

#endif
