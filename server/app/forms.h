/*
 * forms.h - what the dossier (dossier.c) needs of the forms' rules
 * (forms.c): each form's place in the berkas perkara, each act's place, and
 * which required documents are missing.  Internal to server/app.
 */
#ifndef BERKAS_APP_FORMS_H
#define BERKAS_APP_FORMS_H

#include <jansson.h>
#include <stdbool.h>

#include "core/caldate.h"
#include "core/error.h"
#include "core/mustcheck.h"
#include <stddef.h>
#include "actor.h"

struct app;
struct tx;
struct casefile;

/* The place of form in the investigator's berkas (smaller first), or -1
 * when it is not bound there (the prosecutor's P-forms, BA Tahap II). */
BERKAS_MUST_CHECK int forms_dossier_order(const char *form);

/* The place of an act's paper (its primary form's), for an upload of it. */
BERKAS_MUST_CHECK int forms_act_order(const char *event_type);

/* Whether form is the paper its act is first made of (the order a Berita Acara then cites:
 * an SP Penahanan before its BA Penahanan); false for any other or an unknown form. */
BERKAS_MUST_CHECK bool forms_is_primary(const char *form);

/* Whether the berkas holds every paper it needs (forms_dossier_missing);
 * false with *missing and 422 saying how to issue or upload them otherwise. */
BERKAS_MUST_CHECK bool forms_dossier_complete(struct app *app, struct tx *tx,
                                              const struct casefile *cf, json_t **missing,
                                              struct berr *err);

/* The missing list (forms_dossier_missing) in one line, "; " between entries. */
void forms_missing_line(json_t *miss, char *out, size_t size);

/* The hour of an act's instant (Unix seconds; < 0: none) on the office's
 * clock, "HH:MM", else "": a Berita Acara states it (KUHAP 75). */
void forms_act_time(long long at, const struct tzone *zone, char out[8]);

/* ---- forms: the use cases ------------------------------------------------------------------ */

/* The forms berkasd knows: name, title, who issues them, their parameters. */
BERKAS_MUST_CHECK json_t *app_forms_list(struct app *app, struct berr *err);

/* A draft of form for case id, from the case as it is now: watermarked, no
 * number, stored nowhere.  params: a JSON object of string parameters. */
BERKAS_MUST_CHECK bool app_form_draft(struct app *app, const struct actor *who, long long case_id,
                                      const char *form, json_t *params, unsigned char **pdf,
                                      size_t *len, struct audit_rec *au, struct berr *err);

/* Issue form for the act event_id (0: the latest act of the form's type
 * that has no such document yet; forms of no act: dated today): the next
 * gapless number of the office, the PDF with its verification code, stored
 * with its SHA-256; *doc describes it.  params may gain the act's party. */
BERKAS_MUST_CHECK bool app_form_issue(struct app *app, const struct actor *who, long long case_id,
                                      const char *form, long long event_id, json_t *params,
                                      json_t **doc, struct audit_rec *au, struct berr *err);

/* The documents issued for a case. */
BERKAS_MUST_CHECK json_t *app_documents_list(struct app *app, const struct actor *who,
                                             long long case_id, struct audit_rec *au,
                                             struct berr *err);

/* An issued document's PDF, as issued. */
BERKAS_MUST_CHECK bool app_document_pdf(struct app *app, const struct actor *who, long long doc_id,
                                        unsigned char **pdf, size_t *len, struct audit_rec *au,
                                        struct berr *err);

/* Public: what a verification code stands for (no case data). */
BERKAS_MUST_CHECK json_t *app_verify_document(struct app *app, const char *code, struct berr *err);

/* Issue form inside tx (no audit, no commit), for the act event_id (0: the
 * latest act of the form's type without it); as app_form_issue. */
BERKAS_MUST_CHECK bool forms_issue_tx(struct app *app, struct tx *tx, const struct actor *who,
                                      long long case_id, long long event_id, const char *form,
                                      json_t *params, json_t **doc, struct berr *err);

/* forms_issue_tx for a paper issued again in place of a revoked one of the same act: when
 * the form carries its act's number (a primary paper) and the act has none given outside
 * berkas, the new paper keeps act_number, the revoked one's (NULL or "": the next of the
 * series).  An act's number is the act's: the papers citing it keep citing it. */
BERKAS_MUST_CHECK bool forms_reissue_tx(struct app *app, struct tx *tx, const struct actor *who,
                                        long long case_id, long long event_id, const char *form,
                                        json_t *params, const char *act_number, json_t **doc,
                                        struct berr *err);

/* What the berkas perkara of cf lacks, as an array of strings (NULL on
 * error): the form name of each of the five papers every file needs that is
 * neither issued nor uploaded for its act, then, in the order recorded, a
 * sentence (Indonesian) for each BAP not withdrawn that names no one or has
 * no paper, for each Ketua PN's Penetapan a standing search or seizure
 * stands on or that answers for an urgent one (permit_subject) with no copy
 * uploaded on its act, and for each answered P-19 item whose answer neither
 * names an act with a paper nor has one uploaded (unless the setting
 * dossier.p19_answers_need_paper is false).  The BAPs', the Penetapan's and
 * the answers' papers are asked when it is being sent (sending: Tahap I, the re-sending)
 * or while the file is with the investigator (before Tahap I, or returned):
 * once the PU has it, it is read as it was sent. */
BERKAS_MUST_CHECK json_t *forms_dossier_missing(struct app *app, struct tx *tx,
                                                const struct casefile *cf, bool sending,
                                                struct berr *err);

/* The papers the short procedure's hand-over takes with the suspect (UU 6/2011 Pasal 110(2);
 * DOMAIN 4.14, 7.1): a sentence for each BAP tersangka not withdrawn that names no one or has no
 * paper, issued or uploaded - after the hand-over the file takes none; empty when each has one.
 * NULL with err on a database error. */
BERKAS_MUST_CHECK json_t *forms_suspect_papers_missing(struct tx *tx, const struct casefile *cf,
                                                       struct berr *err);

#endif
