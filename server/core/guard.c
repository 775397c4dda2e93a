/* guard.c - see guard.h. */
#include "guard.h"

/* Append f to m when cond fails; returns cond. */
static bool need(bool cond, struct missing *m, enum fact f)
{
    if (!cond)
        missing_add(m, f);
    return cond;
}

/* The act's rule set, or NULL after recording FACT_RULESET. */
static const struct ruleset *act_rules(const struct case_facts *f, struct missing *m)
{
    const struct ruleset *rs = facts_rules(f);
    need(rs != NULL, m, FACT_RULESET);
    return rs;
}

bool guard_laporan(const struct case_facts *f, struct missing *m)
{
    return need(f->report_registered, m, FACT_LAPORAN);
}

bool guard_spdp(const struct case_facts *f, struct missing *m)
{
    return need(f->spdp_sent, m, FACT_SPDP_SENT);
}

bool guard_file_complete(const struct case_facts *f, struct missing *m)
{
    bool ok = need(f->spdp_sent, m, FACT_SPDP_SENT);
    ok &= need(f->suspects > 0, m, FACT_SUSPECT);
    ok &= need(f->suspects_without_bap == 0, m, FACT_BAP_TERSANGKA);
    /* KUHAP 53, 177: a suspect who does not speak Indonesian is examined
     * through an interpreter sworn before it */
    ok &= need(f->suspects_uninterpreted == 0, m, FACT_INTERPRETER_SWORN);
    ok &= need(f->resume_written, m, FACT_RESUME);
    return ok;
}

bool guard_instructions_answered(const struct case_facts *f, struct missing *m)
{
    return need(f->instructions_open <= 0, m, FACT_INSTRUCTIONS_ANSWERED);
}

/* True when act_date lies more than `days` after start: day days+1 or later. */
static bool period_over(const struct case_facts *f, struct caldate start, int days)
{
    return caldate_valid(f->act_date) && caldate_diff(start, f->act_date) > days;
}

bool guard_deemed_complete(const struct case_facts *f, struct missing *m)
{
    if (!need(f->tahap1_received && caldate_valid(f->tahap1_received_on), m, FACT_TAHAP1_RECEIVED))
        return false;
    /* KUHAP 110(4): the period is the receipt's, under the receipt's regime. */
    const struct ruleset *rs = facts_rules_on(f, f->tahap1_received_on);
    if (!need(rs != NULL, m, FACT_RULESET))
        return false;
    return need(rs->deemed_complete_applies.value &&
                    period_over(f, f->tahap1_received_on, rs->pu_return_days.value),
                m, FACT_PU_PERIOD_ELAPSED);
}

bool guard_receipt_once(const struct case_facts *f, struct missing *m)
{
    return need(!f->tahap1_received, m, FACT_NEW_SUBMISSION);
}

/* A return of the file received: in the PU's time (KUHAP 110(4)), or with a
 * reason recorded for the review list.  Unknown details (listing what may
 * come next) pass: the act may bring its reason. */
static bool return_in_time(const struct case_facts *f, struct missing *m)
{
    if (!f->tahap1_received || !caldate_valid(f->tahap1_received_on))
        return true; /* named as tahap1_received */
    const struct ruleset *rs = facts_rules_on(f, f->tahap1_received_on);
    if (!need(rs != NULL, m, FACT_RULESET))
        return false;
    bool late = rs->deemed_complete_applies.value &&
                period_over(f, f->tahap1_received_on, rs->pu_return_days.value);
    return need(!late || !f->act_known || f->late_reason, m, FACT_PU_RETURN_IN_TIME);
}

bool guard_p19(const struct case_facts *f, struct missing *m)
{
    bool ok = guard_pu_receipt(f, m);
    ok &= need(f->returns == 0, m, FACT_FIRST_RETURN);
    ok &= return_in_time(f, m);
    return ok;
}

bool guard_p18(const struct case_facts *f, struct missing *m)
{
    bool ok = guard_pu_receipt(f, m);
    ok &= return_in_time(f, m);
    return ok;
}

bool guard_return_letter(const struct case_facts *f, struct missing *m)
{
    bool ok = guard_pu_receipt(f, m);
    ok &= need(f->returns > 0, m, FACT_P19_GIVEN);
    ok &= return_in_time(f, m);
    return ok;
}

bool guard_return_receipt(const struct case_facts *f, struct missing *m)
{
    return need(!f->return_received, m, FACT_RETURN_UNRECEIVED);
}

bool guard_p20(const struct case_facts *f, struct missing *m)
{
    /* KUHAP 138(2): 14 days from the investigator's receipt of the returned
     * file; from the return itself when the receipt is not recorded */
    struct caldate start = f->return_received ? f->return_received_on : f->returned_on;
    const struct ruleset *rs =
        f->returned && caldate_valid(start) ? facts_rules_on(f, start) : NULL;
    return need(rs && period_over(f, start, rs->resend_days.value), m, FACT_RESEND_PERIOD_ELAPSED);
}

bool guard_pu_receipt(const struct case_facts *f, struct missing *m)
{
    return need(f->tahap1_received && caldate_valid(f->tahap1_received_on), m,
                FACT_TAHAP1_RECEIVED);
}

bool guard_lapse(const struct case_facts *f, struct missing *m)
{
    if (!need(f->p21 && caldate_valid(f->p21_on), m, FACT_P21))
        return false;
    const struct ruleset *rs = facts_rules_on(f, f->p21_on);
    if (!need(rs != NULL, m, FACT_RULESET))
        return false;
    return need(period_over(f, f->p21_on, rs->tahap2_days.value), m, FACT_TAHAP2_PERIOD_ELAPSED);
}

/* UU 6/2011 Pasal 110(2): the PPNS hands the suspect, the evidence and the catatan to the PU -
 * after an investigation like any other: the SPDP is owed to the PU within 7 days of the
 * Sprindik (KUHAP 109(1) jo. MK 130/PUU-XIII/2015; Pasal 110 exempts the file from the berkas
 * perkara and the P-19 loop, not from the notice that an investigation began), and the suspect
 * handed over has been examined (his BAP tersangka, through a sworn interpreter where he does
 * not speak Indonesian, KUHAP 53, 177).  After the hand-over the file takes neither (DOMAIN
 * 4.4, 4.14, 7.1). */
bool guard_short_procedure(const struct case_facts *f, struct missing *m)
{
    bool ok = need(f->spdp_sent, m, FACT_SPDP_SENT);
    ok &= need(f->suspects > 0, m, FACT_SUSPECT);
    ok &= need(f->suspects_without_bap == 0, m, FACT_BAP_TERSANGKA);
    ok &= need(f->suspects_uninterpreted == 0, m, FACT_INTERPRETER_SWORN);
    ok &= need(f->offences > 0 && f->short_procedure_only, m, FACT_SHORT_PROCEDURE);
    return ok;
}

bool guard_sp3(const struct case_facts *f, struct missing *m)
{
    const struct ruleset *rs = act_rules(f, m);
    if (!rs)
        return false;
    return need(!rs->sp3_needs_polri.value || f->polri_involved, m, FACT_POLRI_INVOLVEMENT);
}

bool guard_summons(const struct case_facts *f, struct missing *m)
{
    const struct ruleset *rs = act_rules(f, m);
    if (!rs)
        return false;
    if (!f->act_known)
        return true;
    /* KUHAP 227(1): received "selambat-lambatnya tiga hari sebelum tanggal
     * hadir": served on day D, the appearance is on D + 3 or later */
    bool notice = f->has_appearance && caldate_valid(f->appearance) &&
                  caldate_diff(f->act_date, f->appearance) >= rs->summons_notice_days.value;
    return need(notice || (f->has_appearance && f->urgent_reason), m, FACT_SUMMONS_NOTICE);
}

bool guard_custody_notice(const struct case_facts *f, struct missing *m)
{
    return need(!f->act_known || f->custody_notice, m, FACT_CUSTODY_NOTICE);
}

bool guard_notice_owed(const struct case_facts *f, struct missing *m)
{
    return need(!f->act_known || f->notice_owed, m, FACT_NOTICE_OWED);
}

bool guard_sp3_stands(const struct case_facts *f, struct missing *m)
{
    return need(!f->act_known || f->sp3_stands, m, FACT_SP3_STANDS);
}

bool guard_arrest(const struct case_facts *f, struct missing *m)
{
    const struct ruleset *rs = act_rules(f, m);
    if (!rs)
        return false;
    return need(!rs->arrest_needs_polri_order.value || f->polri_order, m, FACT_POLRI_ORDER);
}

/* KUHAP 21(4): (a) a maximum of 5 years or more, (b) the listed offences,
 * which for immigration are UU 6/2011 Pasal 109's list. */
static bool detainable(const struct case_facts *f, const struct ruleset *rs)
{
    return f->offences > 0 &&
           (f->offence_detainable || f->max_prison_months >= rs->detainable_min_years.value * 12);
}

bool guard_detention(const struct case_facts *f, struct missing *m)
{
    const struct ruleset *rs = act_rules(f, m);
    if (!rs)
        return false;
    bool ok = need(detainable(f, rs), m, FACT_DETAINABLE_OFFENCE);
    /* UU 20/2025 Pasal 99(3): a PPNS detains only on a Polri investigator's order. */
    ok &= need(!rs->detention_needs_polri_order.value || f->polri_order, m, FACT_POLRI_ORDER);
    /* KUHAP 19(1) (UU 20/2025 Pasal 93-98 keep 1 x 24 hours): an arrest
     * lasts arrest_hours of its own regime; a detention after that needs a
     * release first, or is recorded as unlawful with its reason */
    if (f->act_known && f->arrested)
        ok &= need(f->act_at < f->arrest_ends_at || f->unlawful_reason, m, FACT_ARREST_PERIOD);
    return ok;
}

bool guard_detention_continues(const struct case_facts *f, struct missing *m)
{
    const struct ruleset *rs = act_rules(f, m);
    if (!rs)
        return false;
    /* KUHAP 24(2): an extension continues a detention whose ground (21(4))
     * must still hold on the day it is granted. */
    return need(detainable(f, rs), m, FACT_DETAINABLE_OFFENCE);
}

bool guard_court_extension(const struct case_facts *f, struct missing *m)
{
    const struct ruleset *rs = act_rules(f, m);
    if (!rs)
        return false;
    bool ok = need(detainable(f, rs), m, FACT_DETAINABLE_OFFENCE);
    bool ground = f->severe_illness ||
                  (f->offences > 0 && f->max_prison_months >= rs->court_ext_min_years.value * 12);
    return need(ground, m, FACT_COURT_EXTENSION_GROUND) && ok;
}
