/*
 * permit.h - a search or a seizure and the Ketua PN's Penetapan behind it (DOMAIN 4.9, D8).
 *
 * KUHAP 1981 Pasal 33(1) (search) and 38(1) (seizure), and UU 20/2025 (seizure, reported as
 * Pasal 44), need the Ketua Pengadilan Negeri's permit (izin) before the act; in urgency
 * (Pasal 34 search, 38(2) seizure of movables) the investigator acts first and seeks the Ketua
 * PN's approval (persetujuan) "segera".  A prosecutor, and a praperadilan, reject a seizure
 * with neither.  So a search_done or seizure_done names the court_permit_received (an izin for
 * its purpose, dated on or before it) it was done under, or says why it was urgent; and a
 * court_permit_received says what it is (izin or persetujuan), for what (penggeledahan or
 * penyitaan), its number, and for a persetujuan the urgent act it approves.
 *
 * These are checks on WRITE only (like events.c's check_input): a log recorded before the rule
 * (a search or seizure with neither) still loads and replays as it stands; nothing in the core
 * refuses it.
 */
#ifndef BERKAS_APP_PERMIT_H
#define BERKAS_APP_PERMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "casefile.h"
#include "core/error.h"
#include "core/event.h"
#include "events.h"

/* The act `ev` (as: the act a correction stands for) with the input `in`, dated `date` (its
 * instant `at` when has_time) checked against the rule above: 400 (BERR_BAD_INPUT) for a
 * malformed Penetapan (unknown permit_kind or permit_for, no number, approves on an izin or
 * missing on a persetujuan, both permit_act and urgent_reason), 422 (BERR_UNPROCESSABLE,
 * out->problem_type "permit-missing" or "permit-mismatch") for a search or seizure with
 * neither, or a permit_act/approves that is not the act the law needs (another case's, of the
 * wrong kind or purpose, dated after, withdrawn, not urgent), 409 for a second approval of
 * the same act; a letter_delivered to ketua_pn_persetujuan reports (approves) such an urgent
 * act, standing and dated on or before it, once (409 twice or after its persetujuan), its
 * recipient and approves together (400); the refusals cite the law of the act's date (UU 8/1981
 * until 1 January 2026, UU 20/2025 after, its articles as reported and marked unconfirmed).  A
 * correction that withdraws passes; so does one of a search or seizure that never stated a basis
 * (recorded before the rule) when it states none and leaves the act on its date (a clerical
 * correction does not change the legal basis; one moving it needs it). */
bool permit_check(const struct casefile *cf, enum event ev, enum event as,
                  const struct event_input *in, struct caldate date, int64_t at, bool has_time,
                  struct event_outcome *out, struct berr *err);

/* A correction (the last act of cf's log) must not pull a permit from under the acts resting
 * on it: an izin a standing search or seizure names (permit_act) stays standing and dated on
 * or before it; an urgent act a standing persetujuan approves (or report names) stays standing,
 * urgent and dated on or before it.  Withdrawn: 422 dependent-act on corrects naming the act to
 * withdraw first (its id); corrected to an izin: 422 dependent-act on permit_act likewise;
 * re-dated: 422 permit-mismatch on the date (at when timed).  A link that did not hold
 * before the correction (a log written before the rule) is not the correction's doing. */
bool permit_links_kept(const struct casefile *cf, bool timed, struct event_outcome *out,
                       struct berr *err);

/* The recipient of a letter_delivered reporting an urgent search or seizure (its approves) to
 * the Ketua PN for his approval (KUHAP 34, 38(2)): the report meets the investigator's duty
 * and the clock pn_approval (core/clock.c); the court's answer is not his to keep. */
#define PERMIT_REPORT_RECIPIENT "ketua_pn_persetujuan"

/* A Penetapan's decision (its payload's "decision"): granted when absent (every Penetapan
 * recorded before the field), or refused. */
#define PERMIT_GRANTED "dikabulkan"
#define PERMIT_REFUSED "ditolak"

/* What sending the file (Tahap I, or again after a P-19) leaves open about the Ketua PN's
 * approvals, one object per urgent search or seizure standing ({code, event_id, type, date,
 * message}): pn_approval_awaited while no persetujuan is recorded (reported or not), and
 * pn_approval_refused when the Ketua PN refused it.  Warnings, not refusals: the law berkas
 * models does not forbid sending the file then, and what a refusal means for the goods seized
 * is not settled (UNCERTAIN, DOMAIN 4.9). */
json_t *permit_warnings(const struct casefile *cf);

/* The standing search or seizure (its log index) the Ketua PN's Penetapan at log index k is
 * the court's word on: one that stands on it as its izin (permit_act, as its corrections leave
 * it), or the urgent one it approves - or refuses: granted or not, it is the court's paper on
 * that act; -1 if none stands.  Such a Penetapan is a paper of the berkas perkara (DOMAIN 7.4
 * item 8: search and seizure "with PN permits/approvals"; forms_dossier_missing). */
int permit_subject(const struct casefile *cf, int k);

/* "penggeledahan" for a search, "penyitaan" for a seizure, else "". */
const char *permit_purpose(enum event act);

#endif
