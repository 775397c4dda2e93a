/*
 * clock.h - the legal clocks of a case, derived from its event log.
 *
 * A clock is: the act that starts it, how long it runs (from the rule set of
 * that act's date: the regime of a clock is the regime of the act that starts
 * it), what stops it, who must act, its legal basis and its warning points.
 * Clocks are never stored as the truth; they are computed from the log, the
 * office's time zone, the rule sets and `now`, all passed in.
 *
 * Day clocks count calendar days on the office's local calendar with the
 * starting act's date as day 0: "within 7 days" of a Sprindik dated 1 March
 * is in time through 8 March and overdue from 9 March 00:00 local.  The
 * arrest counts hours from its instant.  Detention counts day 1 as the day
 * of the order (end = start + N - 1, expiring at the end of that local day)
 * and also the strict 24 h x N instant; the earlier of the two is due_at and
 * the warning comes from whichever warns first.  Detensi has a clock of its
 * own and never counts as detention.
 *
 * case-level clocks:   spdp, p17, pu_answer, pu_return, resend, tahap2, sp3_notify (the SP3's
 *                      notice to the PU, stopped by sp3_notified to the kejari)
 * SP3's recipients:    sp3_notify_korwas, sp3_notify_suspect, sp3_notify_reporter: day clocks
 *                      of sp3_notify_days from the SP3 for the recipients the rule set of its
 *                      day requires (sp3_to_korwas, sp3_to_suspect, sp3_to_reporter; the
 *                      reporter's only for a file with one: clock_input.no_reporter), each
 *                      stopped by the sp3_notified to that recipient (the suspect's also by the
 *                      one to his family, KUHAP 109(2) "tersangka atau keluarganya")
 * per-suspect clocks:  arrest, detention, detensi
 * notices:             family_arrest_notice, family_detention_notice (each arrest or
 *                      detention), consular_notice (a foreign suspect taken into custody),
 *                      day clocks from the act, stopped by the letter_delivered that
 *                      delivers it (issue 13.7) or closed, not delivered, by the
 *                      notice_undelivered that says why it cannot be (a delivery
 *                      recorded after it stops it instead); designation_notice (UU 20/2025 Pasal
 * 90, as reported: a designation under a rule set with designation_notice_days > 0, stopped by the
 * letter telling him); bap_copy (DOMAIN D16, UU 20/2025 as reported: a BAP of a suspect under a
 * rule set with bap_copy_days > 0, stopped by the letter giving him its copy; his next BAP starts
 * it again) SPDP recipients:     spdp_to_kejari, spdp_to_korwas, spdp_to_pelapor (case; only for a
 *                      file with a reporter or victim: clock_input.no_reporter), then
 *                      spdp_to_tersangka, spdp_to_perwakilan_negara per suspect: day
 *                      clocks of spdp_days from the Sprindik (a suspect designated later:
 *                      from his designation), for the recipients the rule set requires,
 *                      stopped by the letter_delivered of that recipient (the
 *                      prosecutor's also by spdp_received_by_pu) or by SP3 (issue 13.8)
 * court approval:      pn_approval (one per search_done or seizure_done done in urgency,
 *                      without the Ketua PN's permit: KUHAP 34, 38(2), DOMAIN D8): a day
 *                      clock of pn_approval_days (a rule value: the law says "segera") from
 *                      the act, stopped by the court_permit_received (persetujuan) that
 *                      approves it
 * supervision:         direction (one per direction_given)
 * the file's end:      the act that ends it (tahap2_done, short_procedure_handover, sp3_issued,
 *                      lapsed, dismissed, tak_decided) closes the notices still owed - the
 *                      SPDP's recipients, the Ketua PN's approvals, the designation's notice
 *                      and the BAP's copy - but not those of a suspect's custody (family,
 *                      consular) nor, on a TAK after an SP3, the SP3's own: they outlive it;
 *                      stopped by that act, undelivered - past its day a missed notice, no
 *                      running deadline; a delivery recorded after it stops it instead (late).
 *                      Why: clock.c close_owed.
 */
#ifndef BERKAS_CORE_CLOCK_H
#define BERKAS_CORE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "caldate.h"
#include "detention.h"
#include "error.h"
#include "event.h"
#include "evlog.h"
#include "ruleset.h"

enum clock_kind {
    CLK_SPDP,       /* SPDP within spdp_days of the Sprindik (KUHAP 109(1) jo. MK 130/2015) */
    CLK_P17,        /* P-17 expected p17_days after the PU's receipt of the SPDP (its sending
                       while no receipt is recorded) while no file is sent (DOMAIN D14) */
    CLK_PU_ANSWER,  /* PU answers within pu_answer_days of receipt (KUHAP 138(1)) */
    CLK_PU_RETURN,  /* PU returns within pu_return_days, else deemed complete (KUHAP 110(4)) */
    CLK_RESEND,     /* re-send within resend_days of P-19 (KUHAP 138(2)) */
    CLK_TAHAP2,     /* Tahap II within tahap2_days of P-21 (B-1310/E/EJP/05/2022) */
    CLK_SP3_NOTIFY, /* notify the PU of the SP3 within sp3_notify_days (KUHAP 109(3); UU
                       20/2025 Pasal 24(4)) */
    CLK_ARREST,     /* arrest_hours from the arrest (KUHAP 19(1)) */
    CLK_DETENTION,  /* the running detention period (KUHAP 24, 29) */
    CLK_DETENSI,    /* administrative detention (UU 6/2011 Pasal 83-85) */
    CLK_FAMILY_ARREST_NOTICE,    /* the family's copy of the arrest's order (KUHAP 18(3)) */
    CLK_FAMILY_DETENTION_NOTICE, /* ... of the detention's order (KUHAP 21(3)) */
    CLK_CONSULAR_NOTICE,         /* a foreigner's representation through Kemlu (VCCR 36) */
    CLK_DESIGNATION_NOTICE,      /* the suspect told of his designation (UU 20/2025 Pasal 90) */
    CLK_BAP_COPY,                /* the suspect given a copy of his BAP (UU 20/2025, D16) */
    /* the SPDP's recipients, each within spdp_days of the Sprindik (issue 13.8) */
    CLK_SPDP_KEJARI,     /* the prosecutor (KUHAP 109(1) jo. MK 130/PUU-XIII/2015) */
    CLK_SPDP_KORWAS,     /* Korwas PPNS (Permenkumham 39/2021 Pasal 27(2)) */
    CLK_SPDP_PELAPOR,    /* the reporter or victim (MK 130/PUU-XIII/2015) */
    CLK_SPDP_TERSANGKA,  /* each suspect (Pasal 27(3)), from his designation when later */
    CLK_SPDP_PERWAKILAN, /* a foreign suspect's representation through Kemlu (27(6)) */
    CLK_PN_APPROVAL,     /* the Ketua PN's approval of an urgent search or seizure (D8) */
    CLK_DIRECTION,       /* a supervisor's direction, due on its own date */
    /* the SP3's notice to each other recipient the rule set names, within sp3_notify_days */
    CLK_SP3_NOTIFY_KORWAS,   /* the Polri investigator as Korwas PPNS (KUHAP 109(3)) */
    CLK_SP3_NOTIFY_SUSPECT,  /* the suspect or his family (109(2); UU 20/2025 Pasal 24(4)) */
    CLK_SP3_NOTIFY_REPORTER, /* the reporter or victim (UU 20/2025 Pasal 24(4)) */
    CLK__COUNT
};

enum clock_state {
    CLOCK_OK,
    CLOCK_WARNING,
    CLOCK_OVERDUE,
};

#define CLOCK_MAX_WARN 2

struct clock {
    enum clock_kind kind;
    const char *code;              /* "spdp" */
    const char *label;             /* Indonesian */
    const char *basis;             /* the citation under the clock's regime */
    enum actor_role actor;         /* who must act: investigator, prosecutor */
    int suspect;                   /* per-suspect clocks: the suspect index; else -1 */
    int source;                    /* index in the log of the event that started it */
    char regime[RULESET_NAME_MAX]; /* name of the rule set of the starting act */
    bool to_verify;                /* a duration or warning it uses is marked to_verify */
    enum det_period period;        /* CLK_DETENTION: whose period; else DETP_NONE */

    struct caldate start;    /* local date of the starting act */
    int64_t started_at;      /* its instant (start of its local day when it has none) */
    struct caldate due_date; /* the last local day still in time */
    int64_t due_at;          /* overdue from this instant on */
    int64_t strict_at;       /* detention: the strict 24 h x N instant; else == due_at */
    int nwarn;
    int64_t warn_at[CLOCK_MAX_WARN];        /* warning from these instants */
    struct caldate warn_on[CLOCK_MAX_WARN]; /* ... local dates */

    bool running;          /* false once its stopping act is recorded */
    enum event stopped_by; /* !running: the act that stopped it */
    int stop_source;       /* !running: its index in the log; else -1 */
    int64_t stopped_at;    /* !running: its instant */
    struct caldate stopped_on;

    int days_left;          /* due_date - today (running) or - stopped_on; < 0 when late */
    int64_t seconds_left;   /* due_at - now (running) or - stopped_at */
    enum clock_state state; /* running: as of now; stopped: overdue if it stopped late, else ok */
};

struct clock_input {
    const struct case_event *events; /* the log, in recording order */
    int nevents;
    const struct tzone *zone;       /* the office's zone */
    const struct ruleset *rulesets; /* the rule sets, chosen per act by date */
    int nrulesets;
    int64_t now; /* the current instant, UTC */
    /* which suspects are foreign nationals (consular notice), by suspect
     * index; NULL or shorter: none */
    const bool *foreign;
    int nforeign;
    /* the file has no reporter or victim (MK 130/PUU-XIII/2015 owes them the SPDP): no
     * spdp_to_pelapor clock is emitted (its slot is folded all the same, so that the fold does
     * not depend on it); false: one is owed when the rule set requires it */
    bool no_reporter;
};

/* Caller-provided output: cap slots at items. */
struct clock_set {
    struct clock *items;
    int cap;
    int count;   /* clocks written (<= cap) */
    int total;   /* clocks computed; total > count means cap was too small */
    int skipped; /* per-suspect events the detention machine refused on replay
                    (a log made inconsistent by corrections) */
};

/* The notice whose delivery stops a clock of kind k (family, consular, the
 * SPDP's recipients), or NOTICE_NONE. */
enum notice_kind clock_notice(enum clock_kind k);

/* Whether k is a clock of the SP3's notice: to the PU (sp3_notify) or another recipient. */
bool clock_is_sp3_notice(enum clock_kind k);

/* Whether clock c was stopped by the act that ended the file (handed over, terminated, lapsed,
 * administrative, dismissed): for a notice, closed undelivered (clock.c close_owed). */
bool clock_closed_at_end(const struct clock *c);

/* Whether clock c - a notice of a suspect's custody - was closed by a notice_undelivered: the
 * investigator could not deliver it and said why; not delivered, not met. */
bool clock_undelivered(const struct clock *c);

/* Whether c is a suspect's arrest or detention clock stopped after its due instant: he was
 * held past his order's end (released late, after an SP3's day too, or handed over at
 * Tahap II while held past it), held without ground - KUHAP 19(1), 24(4), 29(6): released "demi
 * hukum" - a fault of the file kept in sight once the clock has stopped (app/summary.c overruns).
 */
bool clock_overrun(const struct clock *c);

/* How far past its due instant an overrun clock stopped: whole local days from its last day
 * in time to the day it stopped, and hours (begun) from its due instant. */
int clock_overrun_days(const struct clock *c);
int clock_overrun_hours(const struct clock *c);

/* Compute every clock of the log into out: case-level clocks in kind order, the SP3's other
 * recipients, then each suspect's arrest, detention and detensi, then each suspect's
 * notices, then the SPDP's recipients, then directions in log order.  false with BERR_BAD_INPUT for
 * a malformed log (evlog_check), a missing zone, or an act dated before every rule set;
 * BERR_UNPROCESSABLE for acts whose dates are out of order (order.h).  Allocates only the
 * directions' room; uses about 150 KB of stack (a clock track per possible suspect, the order
 * table). */
bool clock_compute(const struct clock_input *in, struct clock_set *out, struct berr *err);

/* ---- the fold, one act at a time (issue 12.2) -----------------------------------------
 *
 * clock_compute is clock_fold_init, clock_fold_step over the effective events of the log in
 * order, then clock_fold_emit: a caller that keeps the fold (the case's snapshot, casestate.h)
 * steps it by one new act and emits the clocks without the log.  Rule sets are named by their
 * index in the input's rule sets, acts by their index in the log. */

/* A clock being followed through the fold. */
struct clock_slot {
    bool used;
    bool running;
    bool armed; /* a clock with arms: no start yet since the last arming act */
    bool moved; /* a clock with restarts: its start was moved since it started */
    int src;    /* log index of the act that started it */
    int rs;     /* its rule set (index) */
    struct caldate start;
    int64_t started_at;
    enum event stopped_by;
    int stop; /* log index of the act that stopped it */
    int64_t stopped_at;
};

/* What a detention clock needs of the period it follows. */
struct clock_period {
    enum det_period period;
    struct caldate start;
    int64_t started_at;
    int64_t day_end_at;
    int64_t strict_end_at;
    /* 0, or: an SP3 stopped the investigation while he was detained (or stands when this
     * period began), and his release is owed by this instant, the end of the SP3's local day
     * (clock.c release_owed) */
    int64_t release_at;
};

/* One suspect's clocks. */
struct clock_track {
    struct detention det;
    struct clock_slot arrest;
    struct clock_slot detention;
    struct clock_slot detensi;
    struct clock_slot notices[NOTICE__COUNT]; /* by enum notice_kind (0 unused) */
    struct clock_period snap;
    /* 0, or: an SP3 stopped the investigation while he was under arrest (or stood when he was
     * arrested), and his release is owed by this instant, the end of the SP3's local day */
    int64_t arrest_release_at;
};

/* The SPDP's round: from the latest Sprindik, whose date starts its
 * recipients' clocks (issue 13.8). */
struct clock_spdp {
    int n; /* Sprindiks so far; 0: none */
    int src;
    int rs;
    struct caldate day;
    int64_t at;
    struct clock_slot to[NOTICE__COUNT];  /* the case's recipients, by notice kind */
    bool designated[EVLOG_MAX_SUSPECTS];  /* designated as a suspect (Pasal 27(5)) */
    int started[EVLOG_MAX_SUSPECTS];      /* the round his clocks started in; 0: none */
    int delivered[EVLOG_MAX_SUSPECTS][2]; /* the round of his latest delivery (tersangka,
                                             perwakilan), to start no clock after it */
};

/* A supervisor's direction: its own due date, stopped by the first direction_done
 * pointing at it. */
struct clock_direction {
    struct clock_slot s;
    struct caldate due;
};

struct clock_fold {
    struct clock_slot cases[CLK_SP3_NOTIFY + 1];
    /* the SP3's notice to each recipient besides the PU, by enum sp3_recipient (korwas,
     * suspect - his family's stops it too -, reporter; the others unused) */
    struct clock_slot sp3_to[SP3_TO__COUNT];
    /* 0, or: an SP3 stands (no reopening since: a praperadilan's reopened, a new Sprindik) and
     * anyone in custody is owed his release by this instant, the end of its local day: a
     * detention or arrest recorded while it stands owes it too (clock.c release_owed) */
    int64_t sp3_release_at;
    struct clock_track suspects[EVLOG_MAX_SUSPECTS];
    struct clock_spdp spdp;
    int nsuspects; /* 1 + the highest suspect index an act named (the tracks in use) */
    int skipped;
    int ndirections;
    size_t dircap;
    struct clock_direction *directions; /* in log order (malloc'd: clock_fold_free) */
    int napprovals;
    size_t apcap;
    struct clock_slot *approvals; /* pn_approval, one per urgent act, in log order (malloc'd) */
};

/* The fold of an empty log. */
void clock_fold_init(struct clock_fold *fo);

/* Apply the effective event e, event i of in->events (zone, rule sets and foreign from in;
 * the log is only read to follow a direction_done to its direction).  false with
 * BERR_BAD_INPUT for an act dated before every rule set, BERR_INTERNAL out of memory. */
bool clock_fold_step(struct clock_fold *fo, const struct clock_input *in, int i,
                     const struct case_event *e, struct berr *err);

/* The clocks of the fold as of in->now into out (as clock_compute orders them). */
void clock_fold_emit(const struct clock_fold *fo, const struct clock_input *in,
                     struct clock_set *out);

/* Room for every clock of the fold (a clock_set's cap). */
int clock_fold_room(const struct clock_fold *fo);

/* Whether two folds hold the same state (the snapshot's check). */
bool clock_fold_equal(const struct clock_fold *a, const struct clock_fold *b);

/* Copy src into dst (dst's directions and approvals are its own). false out of memory. */
bool clock_fold_copy(struct clock_fold *dst, const struct clock_fold *src);

void clock_fold_free(struct clock_fold *fo);

/* Whether a case's log loads: what every reader of a case runs over it
 * (evlog_check's shape, the order of its dates, then the clocks' fold)
 * succeeds.  The
 * write path asks it of the log with the new act appended, so that no
 * accepted write can leave a case that does not load (issue 9).  false with
 * err naming the first fault. */
bool clock_log_loads(const struct clock_input *in, struct berr *err);

/* The worst state among the running clocks in set (CLOCK_OK when none). */
enum clock_state clock_worst(const struct clock_set *set);

/* Stable code of a kind ("pu_return"), or "". */
const char *clock_kind_code(enum clock_kind k);

/* Stable code of a state ("ok", "warning", "overdue"). */
const char *clock_state_code(enum clock_state s);

/* Indonesian label of a state ("Aman", "Peringatan", "Lewat waktu"). */
const char *clock_state_label(enum clock_state s);

#endif
