/* answer.c - see answer.h. */
#include "answer.h"

/*
 * The acts that complete a file (DOMAIN 4.6-4.10, 7.4).  A P-19 item asks
 * the investigator to examine a witness, an expert or the suspect again or
 * for the first time, to search or seize, to obtain and keep evidence, or to
 * set the facts right in the Resume; each of these has its berita acara
 * (KUHAP 75(1)) in the berkas perkara (7.4: 3 the Resume, 7 the BAPs and
 * oath records, 8 the berita acara of search, seizure and packaging):
 *   bap_recorded        KUHAP 112-120; any examination (saksi, tersangka,
 *                       ahli, tambahan)
 *   interpreter_sworn   KUHAP 53, 177: the oath record of an examination
 *   search_done         KUHAP 33-34; UU 6/2011 Pasal 106
 *   seizure_done        KUHAP 38-39; UU 6/2011 Pasal 106
 *   court_permit_received  KUHAP 33(1), 34, 38: the Ketua PN's permit or approval of a
 *                       search or seizure (7.4 item 8), which a P-19 asks for when the file
 *                       lacks it
 *   evidence_deposited  KUHAP 44: the evidence kept (packaging, sealing)
 *   resume_written      KUHAP 8(1)-(2), 75: the investigator's summary
 * Not in the list: the report, the Sprindik and the SPDP (what opened the
 * case is no answer to what the PU found missing in it), the designation
 * of a suspect (a new suspect makes a file of his own: splitsing, 4.10),
 * summonses (the examination's BAP is what answers), notices delivered
 * (the suspect's and his family's due on their own clocks, not evidence;
 * a proof of delivery a P-19 asks for is uploaded on the answer), arrest
 * and detention (custody, not the file), the P-forms and the file's
 * movements, supervision, and corrections.
 */
static const enum event kinds[] = {
    EV_BAP_RECORDED,          EV_INTERPRETER_SWORN,  EV_SEARCH_DONE,    EV_SEIZURE_DONE,
    EV_COURT_PERMIT_RECEIVED, EV_EVIDENCE_DEPOSITED, EV_RESUME_WRITTEN,
};

bool answer_kind(enum event ev)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i] == ev)
            return true;
    return false;
}

const enum event *answer_kinds(size_t *n)
{
    *n = sizeof kinds / sizeof kinds[0];
    return kinds;
}

/* Whether a is dated before b: by the hour when both carry one, else by the local day. */
static bool dated_before(const struct case_event *a, const struct case_event *b,
                         const struct tzone *z)
{
    if (a->has_time && b->has_time)
        return a->at < b->at;
    return caldate_cmp(evlog_date(a, z), evlog_date(b, z)) < 0;
}

enum answer_fault answer_check(const struct case_event *ev, int n, int act, int given,
                               const struct tzone *z)
{
    if (act < 0 || act >= n || ev[act].event == EV_CORRECTED)
        return ANSWER_NOT_AN_ACT;
    struct case_event a, g;
    if (!evlog_effective(ev, n, act, &a))
        return ANSWER_WITHDRAWN;
    if (!answer_kind(a.event))
        return ANSWER_KIND;
    /* the instruction reaches the investigator with the return that carries it (the P-19, or
     * the letter naming the item unmet again): nothing done before it can follow it.  The
     * returned file's receipt (KUHAP 138(2)) is not the anchor: it starts his 14 days, and is
     * not always recorded, but the items are known from the return's letter. */
    if (given >= 0 && given < n && evlog_effective(ev, n, given, &g) && dated_before(&a, &g, z))
        return ANSWER_BEFORE;
    return ANSWER_OK;
}
