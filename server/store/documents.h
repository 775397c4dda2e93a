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

/* What an upload is attached to: an act of the case (its type and outside
 * number) or an issued document in force (its form, number and the role of
 * its issuer).  *found false when the case has none such. */
struct store_upload_target {
    char type[64]; /* the act's type, or the document's form */
    char number[161];
    char issuer[16]; /* a document's: "investigator", "prosecutor", ... */
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
};
BERKAS_MUST_CHECK bool store_upload_insert(struct tx *tx, const struct store_upload_new *in,
                                           long long *id, struct berr *err);

/* The upload's PDF (as row-level security lets the user see it): *pdf
 * malloc()ed, NULL with *found false when there is none. */
BERKAS_MUST_CHECK bool store_upload_pdf(struct tx *tx, long long upload_id, unsigned char **pdf,
                                        size_t *len, bool *found, struct berr *err);

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

/* ---- the case document (app/casexml.c) ------------------------------------------------------ */

/* The case as one snapshot: the case row, its office, its Kejari, the team,
 * the parties, the charges (with the elements of each Pasal), the evidence,
 * the events (with what a BAP or Resume says, and the act's number) and the
 * prosecutor's instructions, each part a JSON text (NULL: SQL NULL, an empty
 * list or no Kejari).  The case is read behind visible, the caller's SQL
 * condition over app.cases c with $1 the reader's office (one per reader,
 * named by reader: "investigator", ...).  found false when the reader may
 * not see the case or there is none. */
#define STORE_CASEDOC_PARTS 9
struct store_casedoc {
    bool found;
    const char *part[STORE_CASEDOC_PARTS];
    void *res_;
};
BERKAS_MUST_CHECK bool store_casedoc_load(struct tx *tx, const char *reader, const char *visible,
                                          long long office_id, long long case_id,
                                          struct store_casedoc *out, struct berr *err);
void store_casedoc_free(struct store_casedoc *d);

#endif
