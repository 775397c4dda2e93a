/*
 * guard.h - the named conditions a transition or a detention act requires.
 *
 * Each guard reads a struct case_facts, appends every missing fact to m (it
 * does not stop at the first), and returns true when nothing was missing.
 * The stage table (fsm.c) and the detention machine (detention.c) use the
 * same functions, so the two can never disagree on what the law requires.
 *
 * Period guards compare the act's date with the start of the period, using
 * the rule set of the act that started it (the regime of a clock is the
 * regime of the act that starts it): "14 days" are over on day 15.
 */
#ifndef BERKAS_CORE_GUARD_H
#define BERKAS_CORE_GUARD_H

#include <stdbool.h>

#include "facts.h"

typedef bool (*guard_fn)(const struct case_facts *f, struct missing *m);

/* sprindik_issued from pre_investigation: the Laporan Keimigrasian is
 * registered (Permenkumham 39/2021 Pasal 27(1)(a): the Sprindik rests on it). */
bool guard_laporan(const struct case_facts *f, struct missing *m);

/* p16/p17: the prosecutor reacts to an SPDP, so one must have been sent. */
bool guard_spdp(const struct case_facts *f, struct missing *m);

/* tahap1_sent (KUHAP 110(1)): SPDP sent, >= 1 suspect, a BAP tersangka for
 * each (through an interpreter sworn before it for a suspect who does not
 * speak Indonesian, KUHAP 53, 177), and the resume. */
bool guard_file_complete(const struct case_facts *f, struct missing *m);

/* resubmitted (KUHAP 110(3)): every P-19 instruction item answered. */
bool guard_instructions_answered(const struct case_facts *f, struct missing *m);

/* deemed_complete_confirmed (KUHAP 110(4)): the PU's receipt is known and
 * more than pu_return_days have passed since it. */
bool guard_deemed_complete(const struct case_facts *f, struct missing *m);

/* p18_received, p21_received (KUHAP 138(1)): the prosecutor answers a file
 * it received, so the PU's receipt of the file now with it is recorded. */
bool guard_pu_receipt(const struct case_facts *f, struct missing *m);

/* p18_received: the file was received (KUHAP 138(1)) and, as a return (guard_p19), within
 * pu_return_days of the receipt where deemed_complete_applies (KUHAP 110(4): past them the file
 * is complete by law, and "incomplete" no longer says anything), unless the act carries a
 * reason for its lateness. */
bool guard_p18(const struct case_facts *f, struct missing *m);

/* tahap1_received_by_pu: a submission is received once; only a re-send
 * after a return starts a new round (issue 13.2: no clock is reset). */
bool guard_receipt_once(const struct case_facts *f, struct missing *m);

/* p19_received: the file was received (KUHAP 138(1)); no P-19 yet since the
 * latest Sprindik (SE JAM Pidum B-3326/E/EJP/11/2011: once); and within
 * pu_return_days of the receipt, under the receipt's regime, where
 * deemed_complete_applies (KUHAP 110(4)), unless the act carries a reason
 * for its lateness. */
bool guard_p19(const struct case_facts *f, struct missing *m);

/* return_letter_received: as guard_p19, but after a P-19 of this file: a
 * later return is an ordinary letter naming the unmet items. */
bool guard_return_letter(const struct case_facts *f, struct missing *m);

/* returned_file_received (KUHAP 138(2)): once per return. */
bool guard_return_receipt(const struct case_facts *f, struct missing *m);

/* p20_received: more than resend_days have passed since the investigator
 * received the returned file, or since the return when that receipt is not
 * recorded (KUHAP 138(2)), under the regime of the act that started them. */
bool guard_p20(const struct case_facts *f, struct missing *m);

/* lapsed (JAM Pidum B-1310/E/EJP/05/2022): P-21 recorded and more than
 * tahap2_days have passed since it. */
bool guard_lapse(const struct case_facts *f, struct missing *m);

/* short_procedure_handover (UU 6/2011 Pasal 110): the SPDP sent to the PU since the latest
 * Sprindik (KUHAP 109(1) jo. MK 130/2015), >= 1 suspect, a BAP tersangka of each (an interpreter
 * sworn before it where he needs one, KUHAP 53, 177), and every offence charged is Pasal 116 or
 * 117. */
bool guard_short_procedure(const struct case_facts *f, struct missing *m);

/* sp3_issued: under a regime with sp3_needs_polri (UU 20/2025 Pasal 24(3)),
 * the Polri investigator's involvement. */
bool guard_sp3(const struct case_facts *f, struct missing *m);

/* summons_served (KUHAP 227(1)): the summons reaches the person at least
 * summons_notice_days before the appearance day it names, under the regime
 * of the day it was served, unless it is urgent and says why.  Listing what
 * may come next (!act_known) it passes: the act brings its day. */
bool guard_summons(const struct case_facts *f, struct missing *m);

/* arrested: under a regime with arrest_needs_polri_order, the Polri order. */
bool guard_arrest(const struct case_facts *f, struct missing *m);

/* letter_delivered once the file has ended (handed over, administrative, dismissed): only a
 * notice owed for an arrest or detention, which the end of the file does not discharge (KUHAP
 * 18(3), 21(3); VCCR 36(1)(b)). */
bool guard_custody_notice(const struct case_facts *f, struct missing *m);

/* notice_undelivered: the notice it names is owed - one of the suspect's custody (family,
 * consular) or an SP3's to another than the PU - neither delivered nor declared before. */
bool guard_notice_owed(const struct case_facts *f, struct missing *m);

/* sp3_notified in a file diverted to administrative action: only after an SP3 that stands. */
bool guard_sp3_stands(const struct case_facts *f, struct missing *m);

/* detained: a detainable offence (UU 6/2011 Pasal 109 list, or a maximum of
 * detainable_min_years or more, KUHAP 21(4)), and under a regime with
 * detention_needs_polri_order (UU 20/2025 Pasal 99(3)) the Polri order; for a
 * suspect still under arrest, the detention's instant before the arrest runs
 * out (KUHAP 19(1)) or an unlawful_reason. */
bool guard_detention(const struct case_facts *f, struct missing *m);

/* detention_extended_pu (KUHAP 24(2)): the ground of the detention still
 * stands: a detainable offence is still charged (an extension after the only
 * charge was withdrawn is refused). */
bool guard_detention_continues(const struct case_facts *f, struct missing *m);

/* detention_extended_court (KUHAP 29(1)): a detainable offence still
 * charged, and a maximum of court_ext_min_years or more, or a severe
 * physical/mental disorder certified by a doctor. */
bool guard_court_extension(const struct case_facts *f, struct missing *m);

#endif
