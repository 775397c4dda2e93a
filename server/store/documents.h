/*
 * documents.h (store) - the queries of a case's papers: the documents
 * berkas issued (app.documents, with their numbers), the papers uploaded
 * from outside (app.uploads) and what the dossier binds of both.
 *
 * Results are C structs; lists point into memory they own until their
 * _free.  PDFs come out as bytes the caller free()s.
 */
#ifndef BERKAS_STORE_DOCUMENTS_H
#define BERKAS_STORE_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;

/* ---- uploads ------------------------------------------------------------------------------ */

/* The setting upload.max_bytes as stored (0 when not set or not a number). */
BERKAS_MUST_CHECK bool store_upload_limit(struct tx *tx, long long *bytes, struct berr *err);

/* What an upload is attached to: an act of the case (its type and its one
 * number: given outside berkas, else the number berkas gave its paper) or an
 * issued document in force (its form, number and the role of its issuer).
 * *found false when the case has none such. */
struct store_upload_target {
    char type[64]; /* the act's type, or the document's form */
    char number[161];
    char issuer[16];  /* a document's: "investigator", "prosecutor", ... */
    long long act_id; /* the act's row id, or the act the document was issued for (0: none) */
};
BERKAS_MUST_CHECK bool store_upload_target_act(struct tx *tx, long long case_id, long long event_id,
                                               struct store_upload_target *out, bool *found,
                                               struct berr *err);
BERKAS_MUST_CHECK bool store_upload_target_document(struct tx *tx, long long case_id,
                                                    long long document_id,
                                                    struct store_upload_target *out, bool *found,
                                                    struct berr *err);

struct store_upload_new {
    long long case_id, event_id, document_id, uploaded_by; /* 0: none */
    const char *title, *number, *dated;                    /* dated NULL: none */
    const unsigned char *pdf;
    size_t len;
    const char *sha256_hex;
    int pages;
    const char *checked; /* the version of the check it passed (render.h) */
};
BERKAS_MUST_CHECK bool store_upload_insert(struct tx *tx, const struct store_upload_new *in,
                                           long long *id, struct berr *err);

/* An upload's PDF, its title, and the version of the check it passed when stored ("": none,
 * stored before any check; sql/0052). */
struct store_upload_blob {
    unsigned char *pdf; /* malloc()ed */
    size_t len;
    char title[201], checked[48];
};

/* The upload's PDF (as row-level security lets the user see it): out->pdf
 * malloc()ed, NULL with *found false when there is none. */
BERKAS_MUST_CHECK bool store_upload_pdf(struct tx *tx, long long upload_id,
                                        struct store_upload_blob *out, bool *found,
                                        struct berr *err);

/* ---- what the dossier binds ---------------------------------------------------------------- */

/* The documents of the case in force, by issue date, then issue time, then
 * id: what each was issued from and as. */
struct store_issued {
    long long id, issued_by;
    const char *form, *title, *number, *issued_on, *verify_code, *sha256_hex;
    const char *params, *signer; /* the stored JSON documents, as text */
    const char *case_xml;
    int act_seq;      /* 0: issued for no act */
    long long act_at; /* the act's legal time (Unix seconds), -1 when none */
    bool late;
    long long issued_at; /* when it was issued (Unix seconds) */
};
struct store_issued_list {
    int n;
    struct store_issued *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_issued_of_case(struct tx *tx, long long case_id,
                                            struct store_issued_list *out, struct berr *err);
void store_issued_list_free(struct store_issued_list *l);

/* The uploads of the case by id, each with its date (its own, else its
 * act's, else its document's), its act's type ("" when attached to a
 * document) and its document (0 when attached to an act). */
struct store_upload {
    long long id, document_id;
    const char *title, *number, *dated, *sha256_hex, *act_type;
    int pages;
};
struct store_uploads {
    int n;
    struct store_upload *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_uploads_of_case(struct tx *tx, long long case_id,
                                             struct store_uploads *out, struct berr *err);
void store_uploads_free(struct store_uploads *u);

/* ---- issuing (app/forms.c) ------------------------------------------------------------------ */

/* The database's clock: now as Unix seconds (the transaction's start). */
BERKAS_MUST_CHECK bool store_db_now(struct tx *tx, long long *now, struct berr *err);

/* Take the next number of office's series for year (gapless: the counter
 * moves with the transaction), with the office's code and its number
 * pattern for series (else its '*' pattern, else ""). */
struct store_number {
    long long seq;
    const char *office_code, *pattern;
    void *res_;
};
BERKAS_MUST_CHECK bool store_number_take(struct tx *tx, long long office_id, const char *series,
                                         int year, struct store_number *out, struct berr *err);
void store_number_free(struct store_number *n);

/* Act event_id of case_id as a document's act; found false when none. */
struct store_doc_act {
    bool found;
    long long id, party_id, entered_by; /* party_id 0: none */
    int seq;
    const char *type, *legal_date, *doc_number, *bap;
    const char *payload; /* the stored JSON object's text */
    long long legal_at;  /* Unix seconds, -1 when none */
    void *res_;
};
BERKAS_MUST_CHECK bool store_doc_act(struct tx *tx, long long case_id, long long event_id,
                                     struct store_doc_act *out, struct berr *err);
void store_doc_act_free(struct store_doc_act *a);

/* The latest act of type (of that kind of BAP, bap "" for any; for party_id,
 * 0 for any) not withdrawn and without a document of form in force: its id
 * in *event_id, 0 when none. */
BERKAS_MUST_CHECK bool store_doc_act_pick(struct tx *tx, long long case_id, const char *type,
                                          const char *bap, long long party_id, const char *form,
                                          long long *event_id, struct berr *err);

/* A document issued: everything it was issued from and as.  A second
 * document of a form for one act is BERR_CONFLICT. */
struct store_document_new {
    long long case_id, issued_by, office_id, event_id; /* event_id 0: for no act */
    const char *form, *title, *number, *issued_on, *params, *case_xml, *signer; /* JSON texts */
    const unsigned char *pdf;
    size_t pdf_len;
    const char *sha256_hex, *verify_code, *regime;
    int pages;
    bool late, act_number;
};
BERKAS_MUST_CHECK bool store_document_insert(struct tx *tx, const struct store_document_new *in,
                                             long long *id, struct berr *err);

/* The issued document's PDF as issued (as row-level security lets the user
 * see it): *pdf malloc()ed, NULL with *found false when there is none. */
BERKAS_MUST_CHECK bool store_document_pdf(struct tx *tx, long long doc_id, unsigned char **pdf,
                                          size_t *len, bool *found, struct berr *err);

/* The documents of a case (revoked ones too) by id. */
struct store_document {
    long long id, event_id; /* event_id 0: none */
    const char *form, *title, *number, *issued_on, *sha256_hex, *verify_code;
    const char *regime, *signer_name; /* NULL when none */
    int pages;
    bool late, revoked;
};
struct store_documents {
    int n;
    struct store_document *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_documents_of_case(struct tx *tx, long long case_id,
                                               struct store_documents *out, struct berr *err);
void store_documents_free(struct store_documents *d);

/* The uploads of a case by id, as listed. */
struct store_upload_row {
    long long id, event_id, document_id; /* 0: none */
    const char *title, *number, *sha256_hex;
    const char *dated; /* NULL when none */
    int pages;         /* 0 when not known */
    long long size;
};
struct store_upload_rows {
    int n;
    struct store_upload_row *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_upload_rows_of_case(struct tx *tx, long long case_id,
                                                 struct store_upload_rows *out, struct berr *err);
void store_upload_rows_free(struct store_upload_rows *u);

/* A document by its verification code (app.verify_document, for anyone). */
struct store_verified {
    bool found, revoked;
    bool late; /* issued after its act's late-entry threshold */
    const char *title, *doc_type, *number, *issued_on, *office;
    const char *entered_on; /* the day it was issued, the office's calendar */
    void *res_;
};
BERKAS_MUST_CHECK bool store_document_verify(struct tx *tx, const char *code,
                                             struct store_verified *out, struct berr *err);
void store_verified_free(struct store_verified *v);

/* What the case's file has: one row a document in force (form), one an
 * upload of an act (its type and kind of BAP); the other fields "". */
struct store_paper {
    const char *form, *act_type, *bap;
    long long event_id; /* the act it is the paper of, or 0 */
};
struct store_papers {
    int n;
    struct store_paper *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_papers_of_case(struct tx *tx, long long case_id,
                                            struct store_papers *out, struct berr *err);
void store_papers_free(struct store_papers *p);

/* Whether the act whose event ids are ids (a text array, "{12,15}": the act and its
 * corrections) has a paper now (*now: a document not revoked, or an upload) and had one in the
 * file the act sent (a tahap1_sent or resubmitted) took to the Penuntut Umum (*then: a document
 * issued by then and not revoked by then, or an upload by then). */
BERKAS_MUST_CHECK bool store_act_paper_sent(struct tx *tx, long long case_id, const char *ids,
                                            long long sent, bool *now, bool *then,
                                            struct berr *err);

/* The acts whose paper the dossier asks for (forms.c): every BAP, with the
 * name of the party it examined ("" for none), and every answer to a P-19
 * item, with the item (round, number, text; 0 and "" when the item row is
 * not found), the act that gave it in its round (given; 0: not found) and
 * the act its payload names as answering it (0: none); and every Ketua PN's
 * Penetapan (court_permit_received) with its number and court (the izin or
 * persetujuan a search or seizure in the file stands on: DOMAIN 7.4 item 8). */
struct store_dossier_act {
    long long event_id, answer_act, given;
    const char *type, *bap, *party, *item_text;
    int round, item_no;
    const char *number, *court; /* the act's one number (act_number.h), its payload's court */
};
struct store_dossier_acts {
    int n;
    struct store_dossier_act *items;
    void *res_;
};
BERKAS_MUST_CHECK bool store_dossier_acts(struct tx *tx, long long case_id,
                                          struct store_dossier_acts *out, struct berr *err);
void store_dossier_acts_free(struct store_dossier_acts *a);

/* ---- the case document (app/casexml.c) ------------------------------------------------------ */

/* The case as one document's data, in plain columns: the case row with its
 * office and Kejari, their letterheads, the team, the PPNS who recorded its
 * acts (on the team or not), the parties, the charges
 * (one row an element of each charged Pasal), the evidence, the events
 * (with what a BAP or Resume says, and the act's number) and the
 * prosecutor's instructions.  Nine statements in one round trip; they are
 * one snapshot of the case when the transaction is (tx_begin_read), or when
 * it holds the case row's lock (every writer of a case's file takes it
 * first: forms_issue_tx, an act).  The case is read behind visible, the
 * caller's SQL condition over app.cases c with $1 the reader's office (one
 * per reader, named by reader: "investigator", ...).  found false when the
 * reader may not see the case or there is none.
 *
 * Texts are NULL where the database holds NULL; dates YYYY-MM-DD (NULL
 * when NULL or not finite); instants epoch seconds with a has_ flag;
 * ids 0 for none. */
struct store_cd_office {
    bool found;
    long long id;
    const char *code, *name, *kind, *class_, *tz;
};
struct store_cd_case {
    long long id;
    int version;
    const char *number, *stage, *source, *source_note, *summary, *opened_on;
    bool has_stage_since, has_created, has_disclosed;
    long long stage_since, created, disclosed, exported; /* exported: the database's now */
    const char *creator_name, *creator_nip;              /* NULL: no creator */
    struct store_cd_office office, kejari;
};
struct store_cd_kop_line { /* one line of a letterhead of the office or the Kejari */
    long long office_id;
    const char *from;
    int no; /* 0: the letterhead has no lines */
    const char *line;
};
struct store_cd_member {
    const char *name, *nip, *pangkat, *golongan, *position, *ppns_card_no, *ppns_valid_until;
};
struct store_cd_party {
    long long id;
    const char *kind, *name, *nationality, *passport_no, *birth_date, *birth_place, *sex,
        *occupation, *address_id, *address_abroad, *language, *interpreter, *nik;
};
struct store_cd_charge { /* one element of a charge (no 0: its Pasal has none) */
    long long id, party;
    int article, max_prison_months, min_prison_months;
    long long max_fine, min_fine;
    const char *code, *label, *connector, *effective_from, *effective_to, *party_name;
    bool kurungan, detainable, short_procedure, to_verify;
    int no;
    const char *element;
    bool element_to_verify;
};
struct store_cd_evidence {
    long long id, party;
    int seizure_seq; /* the seizure act that took it (its seq in the case), 0: none named */
    const char *description, *quantity, *party_name, *seized_on, *storage;
};
struct store_cd_event {
    int seq, corrects_seq; /* corrects_seq 0: corrects none */
    long long party;
    const char *type, *legal_date, *doc_number, *party_name, *regime, *regime_label;
    const char *stage_before, *stage_after, *by_name, *by_nip;
    bool has_legal, has_entered, late;
    long long legal, entered;
    const char *payload; /* the stored JSON object's text */
    const char *content; /* what a BAP or Resume says (JSON text), NULL when nothing */
    int content_version;
    long long id; /* the event's row id (what a payload's reference to an act holds) */
};
struct store_cd_instruction {
    int round, item_no, p19_seq, answer_seq; /* 0: none */
    int act_seq; /* the act whose paper fulfils it (its answer's answer_act), 0: none */
    const char *text, *answer, *p19_number, *p19_date;
};
struct store_casedoc {
    bool found;
    struct store_cd_case c;
    struct store_cd_kop_line *kop;
    struct store_cd_member *team;
    struct store_cd_member *actors; /* the PPNS who recorded its acts, by NIP */
    struct store_cd_party *parties;
    struct store_cd_charge *charges;
    struct store_cd_evidence *evidence;
    struct store_cd_event *events;
    struct store_cd_instruction *instructions;
    int nkop, nteam, nactors, nparties, ncharges, nevidence, nevents, ninstructions;
    void *res_[9];
};
BERKAS_MUST_CHECK bool store_casedoc_load(struct tx *tx, const char *reader, const char *visible,
                                          long long office_id, long long case_id,
                                          struct store_casedoc *out, struct berr *err);
void store_casedoc_free(struct store_casedoc *d);

#endif
