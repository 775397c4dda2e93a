/*
 * stale.h - issued papers that no longer match their act, the acts they cite or the
 * parties they print (DOMAIN 12).
 *
 * A paper is its act's, as its corrections leave it (forms.c act_load), and
 * an issued paper keeps its bytes.  So a paper issued before a correction of
 * its act that changed something it prints - the date, the hour, the
 * number, the party, or any member of the act's payload (the BAP's kind, a
 * search's or seizure's basis: permit_act, urgent_reason, ...) - still stands
 * with the act as it was: a prosecutor returns it.  Such a paper is stale
 * until it is revoked and issued again.  So is a paper citing its act's
 * number (a BA cites its order's) issued before the act's numbered paper was
 * revoked and issued again under a new number.
 *
 * A paper prints more than its act: the acts its template cites (a BA
 * Penyitaan the Sprindik's number and date and the Penetapan its seizure was
 * done under, a Resume every act) and the parties (names, nationality,
 * address).  So it is stale too when, after its issue, an act it cites was
 * corrected in what the paper prints of it (fields "sprindik_issued.date",
 * "court_permit_received.number"), or a party it prints was changed (PUT
 * /parties/{id}: "party_data", party_changed).  What a template cites is read
 * from its text when the engine loads it (render.h cites, reads): the kinds
 * of act it selects by kind (not its own act's kind, which a template selects
 * only when given no act), the Penetapan named by its act's permit_act, and
 * the parties it lists (suspects, witnesses, experts) or names by id (its
 * act's), and whoever a thing was seized from (disita-dari: any party, as
 * the things' list is not read here).  Every act of a cited kind counts,
 * not only the one the template picks (the Sprindik in force on its date):
 * a second Sprindik corrected may flag a paper that printed the first - a
 * false flag resolved by issuing it again, never a missed one.  Chosen over
 * rendering each paper's fields from its stored case XML and from the
 * current one (what the reviewer suggested, exact): that costs the case's
 * XML and two template evaluations per paper on every read of the case page
 * and the review list, where this reuses the rows the check already reads
 * plus the case's parties (measured, a case of 100 papers, 99 of them stale
 * after a witness renamed: GET p50 36.8-45.6 ms before, 36.5-45.5 ms after,
 * within the shared machine's noise).  An act recorded after the paper is
 * none it printed; a party added after it is none it printed either - but for a reporter or
 * victim added after a paper that lists them all as those it is notified to (the SP3 and its
 * notice: KUHAP 109(2), UU 20/2025 Pasal 24(4)): it would now name him ("party_added").
 *
 * A paper that prints the things seized (barang-bukti: the BA and SP Penyitaan, the BA
 * Pembungkusan, the BA Penitipan, the Resume, the BA Tahap II) is stale too when an item it
 * printed was corrected after it in what it prints of it - description, quantity, the day seized,
 * whom from (PUT /cases/{id}/evidence/{item}; sql/0048 printed_at): "evidence_data", and which
 * item (evidence_changed).  NOT when only its storage changed: a move to the Rupbasan is not a
 * correction of what was seized - the BA states where the thing was put then, and the BA
 * Penitipan records the move.  A paper of a seizure lists only the things its act took: it is
 * stale for an item naming its act whose text changed, and for one linked to its act or away
 * from it after it (linked_at, seizure_was) - one recorded after it and linked to its act
 * included, as the paper misses it; an item of another seizure leaves it be.  A paper listing
 * every item counts those recorded at or before it (one recorded after is none it printed).
 *
 * A paper that prints the Pasal charged (daftar-pasal: the Sprindik, the SPDP, the orders, the
 * BAPs, the Resume) is stale too when a charge laid at or before its issue was withdrawn after
 * it (DELETE /cases/{id}/offences/{charge}; sql/0046 keeps the withdrawal): it names a Pasal
 * the file no longer charges ("charges", charges_withdrawn).  Every such paper, whichever
 * suspect the charge was laid to, and whether or not another charge of the same Pasal still
 * stands: a false flag resolved by issuing it again, never a missed one.  A charge laid after
 * the paper is none it printed (the paper states the charges of its day).
 *
 * Decided here once, over store/stale.h's rows, in one pass over a case's
 * acts and corrections: each correction walked to its act (a correction of a
 * correction corrects the same act, as evlog.h and casexml.c's last_fixes
 * say), then for each paper the act as it stood when the paper was issued
 * (the corrections recorded at or before its issue folded over it by
 * actfix.h, as forms.c and casexml.c fold them) compared with the act as it
 * stands now (all its corrections folded).  A
 * correction recorded before the paper leaves it as printed; a correction
 * superseded by a later one that puts the printed values back leaves nothing
 * changed.
 *
 * A paper of an act withdrawn (a correction saying withdraws: the log says the
 * act never stood) is stale too, whenever it was issued and whatever it
 * prints: a BA Penyitaan of a seizure that never happened in the file sent is
 * returned (P-19) or reaches the court.  Its entry says "withdrawn" (fields
 * ["withdrawn"], the withdrawal as its correction); it is revoked, and never
 * issued again (forms.c refuses a paper of a withdrawn act: there is no act
 * to issue it for).  Read by the case (GET /api/v1/cases/{id}: stale_papers), the review list
 * (flag stale_papers) and the file sent to the prosecutor (forms.c: a gap).
 *
 * The order of a paper and a correction is that of their transactions'
 * start (issued_at and entered_at are now(); the same transaction counts the
 * correction as before the paper).  Both lock the case row, so they commit one
 * after the other; but a transaction begun a moment before the other and
 * then waiting for its lock is ordered by its start, not its commit: a paper
 * issued right after a correction begun later and committed first would be
 * listed though it prints the correction.  A window of the few statements
 * before the lock, not closed here (the documents keep no sequence of the
 * case's log; their case_xml does say which acts they were rendered from).
 */
#ifndef BERKAS_APP_STALE_H
#define BERKAS_APP_STALE_H

#include <jansson.h>
#include <stdbool.h>

#include "core/mustcheck.h"
#include "store/stale.h"

struct stale_paper {
    const struct store_stale_paper *paper;
    const struct store_stale_act *act;     /* its act */
    const struct store_stale_act *fix;     /* the standing correction, recorded after it, of its
                                              act or of an act it cites; NULL when none: its act's
                                              number given anew, or a party changed */
    const struct store_stale_party *party; /* a party it prints changed after it, or NULL */
    const struct store_stale_item *item;   /* an item of evidence it prints changed after it, or
                                              NULL */
    bool added;      /* party: a reporter or victim added after it, whom it would now name */
    json_t *charges; /* the charges it printed withdrawn after it (borrowed): [{code, party_id,
                        at}], empty when none */
    json_t *fields;  /* what changed that the paper prints (borrowed): "date", "number", ... of
                        its act, "sprindik_issued.date" of an act it cites, "party_data",
                        "party_added", "charges", "evidence_data"; or
                        "withdrawn" alone */
    bool withdrawn;  /* its act withdrawn (fix: the withdrawal): revoke it, issue nothing again */
};

typedef void stale_fn(const struct stale_paper *s, void *ctx);

/* fn for each stale paper of case case_id among rows, in the papers' order, what each form
 * reads told by render (render.h: cites, reads; NULL: each paper's own act only).  The number
 * of them. */
struct render_engine;
int stale_each(const struct store_stale_rows *rows, long long case_id,
               const struct render_engine *render, stale_fn *fn, void *ctx);

/* The stale papers of case case_id as the case's JSON lists them: each with its fields in words
 * ("labels") and what reader who (NULL: none) may do with it in case cf ("actions": "revoke",
 * "reissue" - not for a withdrawn act's paper - or none: another role's or office's paper, an
 * investigator's while the prosecutor holds the file). */
struct actor;
struct casefile;
json_t *stale_json(const struct store_stale_rows *rows, long long case_id,
                   const struct render_engine *render, const struct actor *who,
                   const struct casefile *cf);

/* Field name f of an entry's fields (its act's "date", a cited act's "sprindik_issued.date",
 * "party_data", "withdrawn") in Indonesian words into out[0..n): the words. */
const char *stale_field_words(const char *f, char *out, size_t n);

/* Whether the prosecutor holds the investigator's file: with him (Tahap I, KUHAP 110, 138),
 * declared complete (P-21) or handed over (Tahap II).  The papers in it then stay as he holds
 * them (a revocation, an upload: uploads.c) until it comes back (P-18/P-19). */
struct berr;
bool stale_file_held(const struct casefile *cf);

/* The refusal of a change to paper (its words: "Sprindik no. X") of a held file, 409 on field:
 * "berkas sedang diteliti Penuntut Umum (Tahap I): <paper> <verb> sesudah berkas dikembalikan
 * (P-18/P-19)", or "berkas sudah dinyatakan lengkap (P-21): <paper> tidak <verb> lagi".  false. */
bool stale_held_refusal(const struct casefile *cf, const char *field, const char *paper,
                        const char *verb, struct berr *err);

/* Revoke issued document doc_id, with the reason note (POST /api/v1/documents/{id}/revoke):
 * by an investigator of the case's office or a prosecutor of the issuing Kejari, the paper of
 * their role; it keeps its bytes and number (verify says it is revoked), leaves the dossier, and
 * its form may be issued again for the act.  400 a note missing or too long, 404 a document the
 * caller does not see, 403 another role's or office's paper, 409 revoked already. */
struct app;
struct audit_rec;
struct berr;
BERKAS_MUST_CHECK bool app_document_revoke(struct app *app, const struct actor *who,
                                           long long doc_id, const char *note, json_t **out,
                                           struct audit_rec *au, struct berr *err);

/* Revoke issued document doc_id as app_document_revoke does and issue its form again for its
 * act as it stands, with the parameters it was given (not those the act gives: its party, the
 * receiving jaksa, the head of office), in one transaction (POST
 * /api/v1/documents/{id}/reissue): nothing is revoked when the new paper cannot be issued (its
 * refusal is the answer).  *out the new document, "revoked" the old one's id; 422 for a paper of
 * no act. */
BERKAS_MUST_CHECK bool app_document_reissue(struct app *app, const struct actor *who,
                                            long long doc_id, const char *note, json_t **out,
                                            struct audit_rec *au, struct berr *err);

#endif
