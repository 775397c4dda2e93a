/* documents.c (store) - see documents.h. */
#include "documents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_number.h"
#include "db.h"
#include "stmt.h"
#include "tx.h"

/* ---- uploads ------------------------------------------------------------------------------ */

static const struct stmt upload_limit = {
    "documents.upload_limit", 0, "SELECT value FROM app.settings WHERE key = 'upload.max_bytes'"};

/* the act's one number: its own (given outside berkas), else the number
 * berkas gave its paper, else an earlier upload's (casedoc_events says the
 * same) */
static const struct stmt target_act = {
    "documents.upload_target_act", 2,
    "SELECT e.type, " STORE_ACT_NUMBER("e") ", '', e.id FROM app.events e WHERE e.case_id = "
                                            "$1::bigint AND e.id = $2::bigint"};

static const struct stmt target_document = {
    "documents.upload_target_document", 2,
    "SELECT d.form, d.number, u.role, coalesce(d.event_id, 0) FROM app.documents d JOIN "
    "app.users u ON u.id = d.issued_by WHERE d.case_id = "
    "$1::bigint AND d.id = $2::bigint AND d.revoked_at IS NULL"};

static const struct stmt upload_insert = {
    "documents.upload_insert", 12,
    "INSERT INTO app.uploads (case_id, event_id, document_id, title, "
    "number, dated, pdf, pdf_sha256, size, pages, uploaded_by, checked) VALUES "
    "($1::bigint, $2::bigint, $3::bigint, $4, $5, $6::date, $7::bytea, "
    "decode($8, 'hex'), $9::int, $10::int, $11::bigint, $12) RETURNING id"};

static const struct stmt upload_pdf = {
    "documents.upload_pdf", 1,
    "SELECT pdf, title, coalesce(checked, '') FROM app.uploads WHERE id = $1::bigint"};

bool store_upload_limit(struct tx *tx, long long *bytes, struct berr *err)
{
    return stmt_one(tx, &upload_limit, NULL, NULL, bytes, err);
}

static bool target(struct tx *tx, const struct stmt *s, long long case_id, long long id,
                   struct store_upload_target *out, bool *found, struct berr *err)
{
    char c[24], i[24];
    const char *p[2] = {stmt_id(c, case_id), stmt_id(i, id)};
    PGresult *r = stmt_query(tx, s, p, err);
    if (!r)
        return false;
    memset(out, 0, sizeof *out);
    *found = PQntuples(r) == 1;
    if (*found) {
        stmt_copy(out->type, sizeof out->type, r, 0, 0);
        stmt_copy(out->number, sizeof out->number, r, 0, 1);
        stmt_copy(out->issuer, sizeof out->issuer, r, 0, 2);
        out->act_id = stmt_ll(r, 0, 3);
    }
    PQclear(r);
    return true;
}

bool store_upload_target_act(struct tx *tx, long long case_id, long long event_id,
                             struct store_upload_target *out, bool *found, struct berr *err)
{
    return target(tx, &target_act, case_id, event_id, out, found, err);
}

bool store_upload_target_document(struct tx *tx, long long case_id, long long document_id,
                                  struct store_upload_target *out, bool *found, struct berr *err)
{
    return target(tx, &target_document, case_id, document_id, out, found, err);
}

bool store_upload_insert(struct tx *tx, const struct store_upload_new *in, long long *id,
                         struct berr *err)
{
    char cid[24], eid[24], did[24], size[24], pg[16], uid[24];
    snprintf(size, sizeof size, "%zu", in->len);
    snprintf(pg, sizeof pg, "%d", in->pages);
    const char *v[12] = {stmt_id(cid, in->case_id),
                         in->event_id ? stmt_id(eid, in->event_id) : NULL,
                         in->document_id ? stmt_id(did, in->document_id) : NULL,
                         in->title,
                         in->number,
                         in->dated,
                         (const char *)in->pdf,
                         in->sha256_hex,
                         size,
                         pg,
                         stmt_id(uid, in->uploaded_by),
                         in->checked};
    int ln[12] = {0}, fm[12] = {0};
    ln[6] = (int)in->len;
    fm[6] = 1; /* the PDF goes as binary; everything else as text */
    PGresult *r = stmt_query_bin(tx, &upload_insert, v, ln, fm, 0, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_upload_pdf(struct tx *tx, long long upload_id, struct store_upload_blob *out,
                      bool *found, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char u[24];
    const char *p[1] = {stmt_id(u, upload_id)};
    PGresult *r = stmt_query_bin(tx, &upload_pdf, p, NULL, NULL, 1, err);
    if (!r)
        return false;
    *found = PQntuples(r) == 1;
    bool ok = true;
    if (*found) {
        out->len = (size_t)PQgetlength(r, 0, 0);
        out->pdf = malloc(out->len ? out->len : 1);
        ok = out->pdf != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
        if (ok)
            memcpy(out->pdf, PQgetvalue(r, 0, 0), out->len);
        /* text in the binary result format is its bytes; libpq ends every value with a NUL */
        stmt_copy(out->title, sizeof out->title, r, 0, 1);
        stmt_copy(out->checked, sizeof out->checked, r, 0, 2);
    }
    PQclear(r);
    return ok;
}

/* ---- what the dossier binds ---------------------------------------------------------------- */

static const struct stmt issued_of_case = {
    "documents.issued_of_case", 1,
    "SELECT form, title, number, issued_on::text, verify_code, "
    "encode(pdf_sha256, 'hex'), params::text, d.issued_by, case_xml, "
    "signer::text, coalesce(e.seq, 0), coalesce(extract(epoch FROM "
    "e.legal_at)::bigint, -1), d.late, d.id, extract(epoch FROM "
    "d.issued_at)::bigint FROM app.documents d LEFT "
    "JOIN app.events e ON e.id = d.event_id AND e.case_id = d.case_id "
    "WHERE d.case_id = $1::bigint AND revoked_at IS NULL "
    "ORDER BY issued_on, issued_at, d.id"};

static const struct stmt uploads_of_case = {
    "documents.uploads_of_case", 1,
    "SELECT u.id, u.title, u.number, coalesce(u.dated, e.legal_date, "
    "d.issued_on)::text, encode(u.pdf_sha256, 'hex'), u.pages, "
    "coalesce(e.type, ''), coalesce(u.document_id, 0) FROM app.uploads u "
    "LEFT JOIN app.events e ON e.id = u.event_id LEFT JOIN app.documents d "
    "ON d.id = u.document_id WHERE u.case_id = $1::bigint ORDER BY u.id"};

static void issued_of_case_row(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_issued *d = item;
    d->form = PQgetvalue(r, i, 0);
    d->title = PQgetvalue(r, i, 1);
    d->number = PQgetvalue(r, i, 2);
    d->issued_on = PQgetvalue(r, i, 3);
    d->verify_code = PQgetvalue(r, i, 4);
    d->sha256_hex = PQgetvalue(r, i, 5);
    d->params = PQgetvalue(r, i, 6);
    d->issued_by = stmt_ll(r, i, 7);
    d->case_xml = PQgetvalue(r, i, 8);
    d->signer = PQgetvalue(r, i, 9);
    d->act_seq = (int)stmt_ll(r, i, 10);
    d->act_at = stmt_ll(r, i, 11);
    d->late = stmt_bool(r, i, 12);
    d->id = stmt_ll(r, i, 13);
    d->issued_at = stmt_ll(r, i, 14);
}

bool store_issued_of_case(struct tx *tx, long long case_id, struct store_issued_list *out,
                          struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items = NULL;
    bool ok = stmt_rows(stmt_query(tx, &issued_of_case, p, err), sizeof *out->items,
                        issued_of_case_row, NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_issued_list_free(struct store_issued_list *l)
{
    free(l->items);
    PQclear(l->res_);
    memset(l, 0, sizeof *l);
}

static void uploads_of_case_row(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_upload *u = item;
    u->id = stmt_ll(r, i, 0);
    u->title = PQgetvalue(r, i, 1);
    u->number = PQgetvalue(r, i, 2);
    u->dated = PQgetvalue(r, i, 3);
    u->sha256_hex = PQgetvalue(r, i, 4);
    u->pages = (int)stmt_ll(r, i, 5);
    u->act_type = PQgetvalue(r, i, 6);
    u->document_id = stmt_ll(r, i, 7);
}

bool store_uploads_of_case(struct tx *tx, long long case_id, struct store_uploads *out,
                           struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items = NULL;
    bool ok = stmt_rows(stmt_query(tx, &uploads_of_case, p, err), sizeof *out->items,
                        uploads_of_case_row, NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_uploads_free(struct store_uploads *u)
{
    free(u->items);
    PQclear(u->res_);
    memset(u, 0, sizeof *u);
}

/* ---- issuing (app/forms.c) ------------------------------------------------------------------ */

static const struct stmt db_now = {"documents.now", 0, "SELECT extract(epoch FROM now())::bigint"};

static const struct stmt number_take = {
    "documents.number_take", 3,
    "INSERT INTO app.counters (office_id, series, year, next) "
    "VALUES ($1::bigint, $2, $3::int, 2) ON CONFLICT (office_id, series, "
    "year) DO UPDATE SET next = app.counters.next + 1 RETURNING next - 1, "
    "(SELECT code FROM app.offices WHERE id = $1::bigint), "
    "coalesce((SELECT pattern FROM app.number_patterns WHERE office_id = "
    "$1::bigint AND doc_type = $2), (SELECT pattern FROM "
    "app.number_patterns WHERE office_id = $1::bigint AND doc_type = "
    "'*'), '')"};

static const struct stmt doc_act = {
    "documents.act", 2,
    /* its number from outside: given with the act, else its paper's uploaded
     * under a number before berkas issued one */
    "SELECT e.id, e.seq, e.type, e.legal_date::text, coalesce(nullif(e.doc_number, ''), "
    "(SELECT u.number FROM app.uploads u WHERE u.event_id = e.id AND u.case_id = e.case_id AND "
    "u.number <> '' AND NOT EXISTS (SELECT 1 FROM app.documents d WHERE d.event_id = e.id AND "
    "d.act_number AND d.revoked_at IS NULL) ORDER BY u.id LIMIT 1), ''), "
    "coalesce(e.payload->>'bap', ''), coalesce(e.party_id, 0), e.entered_by, "
    "coalesce(extract(epoch FROM e.legal_at)::bigint, -1), e.payload::text FROM app.events e "
    "WHERE e.case_id = $1::bigint AND e.id = $2::bigint"};

static const struct stmt doc_act_pick = {
    "documents.act_pick", 5,
    "SELECT e.id FROM app.events e WHERE e.case_id = $1::bigint AND "
    "e.type = $2 AND ($3 = '' OR e.payload->>'bap' = $3) AND "
    "($4::bigint = 0 OR e.party_id = $4::bigint) AND NOT EXISTS "
    "(SELECT 1 FROM app.events c WHERE c.corrects = e.id AND "
    "c.case_id = e.case_id AND c.payload->>'withdraws' = 'true') AND NOT "
    "EXISTS (SELECT 1 FROM app.documents d WHERE d.event_id = e.id AND "
    "d.form = $5 AND d.revoked_at IS NULL) ORDER BY e.seq DESC LIMIT 1"};

static const struct stmt document_insert = {
    "documents.insert", 19,
    "INSERT INTO app.documents (case_id, form, doc_type, title, "
    "number, issued_on, issued_by, office_id, params, case_xml, pdf, "
    "pdf_sha256, pages, verify_code, event_id, regime, late, "
    "act_number, signer) VALUES ($1::bigint, $2, $3, $4, $5, $6::date, "
    "$7::bigint, $8::bigint, $9::jsonb, $10, $11::bytea, decode($12, "
    "'hex'), $13::int, $14, $15::bigint, $16, $17::boolean, "
    "$18::boolean, $19::jsonb) RETURNING id"};

static const struct stmt document_pdf = {
    "documents.pdf", 1, "SELECT d.pdf FROM app.documents d WHERE d.id = $1::bigint"};

static const struct stmt documents_of_case = {
    "documents.of_case", 1,
    "SELECT id, form, title, number, issued_on::text, pages, encode(pdf_sha256, 'hex'), "
    "verify_code, coalesce(event_id, 0), late, regime, signer->>'name', revoked_at IS NOT NULL "
    "FROM app.documents WHERE case_id = $1::bigint ORDER BY id"};

static const struct stmt upload_rows_of_case = {
    "documents.upload_rows_of_case", 1,
    "SELECT id, title, number, dated::text, coalesce(event_id, 0), coalesce(document_id, 0), "
    "coalesce(pages, 0), size, encode(pdf_sha256, 'hex') FROM app.uploads "
    "WHERE case_id = $1::bigint ORDER BY id"};

static const struct stmt verify = {
    "documents.verify", 1,
    "SELECT title, doc_type, number, issued_on::text, office, revoked, "
    "entered_on::text, late FROM app.verify_document($1)"};

/* issued, or the paper of an act numbered outside berkas uploaded */
static const struct stmt papers_of_case = {
    "documents.papers_of_case", 1,
    "SELECT form, '', '', coalesce(event_id, 0) FROM app.documents WHERE case_id = $1::bigint "
    "AND revoked_at IS NULL UNION SELECT '', e.type, coalesce(e.payload->>"
    "'bap', ''), e.id FROM app.uploads u JOIN app.events e ON e.id = u.event_id "
    "WHERE u.case_id = $1::bigint"};

/* whether an act (its event ids: the act and its corrections, whose papers are its own) has a
 * paper now, and had one in the file the sending act (sent) took to the Penuntut Umum: a
 * document issued by the sending's transaction and not revoked by then, or an upload by then */
static const struct stmt act_paper_sent = {
    "documents.act_paper_sent", 3,
    "SELECT EXISTS (SELECT 1 FROM app.documents d WHERE d.case_id = $1::bigint AND d.event_id = "
    "ANY ($2::bigint[]) AND d.revoked_at IS NULL) OR EXISTS (SELECT 1 FROM app.uploads u WHERE "
    "u.case_id = $1::bigint AND u.event_id = ANY ($2::bigint[])), EXISTS (SELECT 1 FROM "
    "app.documents d JOIN app.events s ON s.id = $3::bigint AND s.case_id = d.case_id WHERE "
    "d.case_id = $1::bigint AND d.event_id = ANY ($2::bigint[]) AND d.issued_at <= s.entered_at "
    "AND (d.revoked_at IS NULL OR d.revoked_at > s.entered_at)) OR EXISTS (SELECT 1 FROM "
    "app.uploads u JOIN app.events s ON s.id = $3::bigint AND s.case_id = u.case_id WHERE "
    "u.case_id = $1::bigint AND u.event_id = ANY ($2::bigint[]) AND u.uploaded_at <= "
    "s.entered_at)"};

/* the acts whose paper the file must hold: each BAP with the name of whom
 * it examined (as the act stands: its latest correction, a correction of a
 * correction included, names whom it names, or no one), each answer to a
 * P-19 item with its item, the return that gave it and the act it names as answering it */
static const struct stmt dossier_acts = {
    "documents.dossier_acts", 1,
    "SELECT e.id, e.type, coalesce(e.payload->>'bap', ''), CASE WHEN EXISTS (SELECT 1 FROM "
    "app.events c WHERE c.case_id = e.case_id AND c.corrects = e.id) THEN coalesce((WITH "
    "RECURSIVE chain(id, seq, party_id) AS (SELECT c.id, c.seq, c.party_id FROM app.events c "
    "WHERE c.case_id = e.case_id AND c.corrects = e.id UNION ALL SELECT c.id, c.seq, c.party_id "
    "FROM app.events c JOIN chain ON c.corrects = chain.id WHERE c.case_id = e.case_id) SELECT "
    "cp.name FROM chain LEFT JOIN app.parties cp ON cp.id = chain.party_id ORDER BY chain.seq "
    "DESC LIMIT 1), '') ELSE coalesce(p.name, '') END, "
    "coalesce((e.payload->>'answer_act')::bigint, 0), coalesce(i.round, 0), "
    "coalesce(i.item_no, 0), coalesce(i.text, ''), coalesce(i.event_id, 0), " STORE_ACT_NUMBER(
        "e") ", coalesce(e.payload->>'court', '') FROM app.events e "
             "LEFT JOIN app.parties p ON p.id = e.party_id AND p.case_id = e.case_id "
             "LEFT JOIN app.instructions i ON i.answered_by = e.id AND i.case_id = e.case_id "
             "WHERE e.case_id = $1::bigint AND e.type IN ('bap_recorded', 'instruction_answered', "
             "'court_permit_received') ORDER BY e.id"};

bool store_db_now(struct tx *tx, long long *now, struct berr *err)
{
    PGresult *r = stmt_query(tx, &db_now, NULL, err);
    if (!r)
        return false;
    *now = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_number_take(struct tx *tx, long long office_id, const char *series, int year,
                       struct store_number *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    char o[24], y[16];
    snprintf(y, sizeof y, "%d", year);
    const char *p[3] = {stmt_id(o, office_id), series, y};
    PGresult *r = stmt_query(tx, &number_take, p, err);
    if (!r)
        return false;
    out->res_ = r;
    out->seq = stmt_ll(r, 0, 0);
    out->office_code = PQgetvalue(r, 0, 1);
    out->pattern = PQgetvalue(r, 0, 2);
    return true;
}

void store_number_free(struct store_number *n)
{
    PQclear(n->res_);
    memset(n, 0, sizeof *n);
}

bool store_doc_act(struct tx *tx, long long case_id, long long event_id, struct store_doc_act *out,
                   struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24], e[24];
    const char *p[2] = {stmt_id(c, case_id), stmt_id(e, event_id)};
    PGresult *r = stmt_query(tx, &doc_act, p, err);
    if (!r)
        return false;
    out->res_ = r;
    out->found = PQntuples(r) == 1;
    if (out->found) {
        out->id = stmt_ll(r, 0, 0);
        out->seq = (int)stmt_ll(r, 0, 1);
        out->type = PQgetvalue(r, 0, 2);
        out->legal_date = PQgetvalue(r, 0, 3);
        out->doc_number = PQgetvalue(r, 0, 4);
        out->bap = PQgetvalue(r, 0, 5);
        out->party_id = stmt_ll(r, 0, 6);
        out->entered_by = stmt_ll(r, 0, 7);
        out->legal_at = stmt_ll(r, 0, 8);
        out->payload = PQgetvalue(r, 0, 9);
    }
    return true;
}

void store_doc_act_free(struct store_doc_act *a)
{
    PQclear(a->res_);
    memset(a, 0, sizeof *a);
}

bool store_doc_act_pick(struct tx *tx, long long case_id, const char *type, const char *bap,
                        long long party_id, const char *form, long long *event_id, struct berr *err)
{
    char c[24], ps[24];
    const char *p[5] = {stmt_id(c, case_id), type, bap, stmt_id(ps, party_id), form};
    return stmt_one(tx, &doc_act_pick, p, NULL, event_id, err);
}

bool store_document_insert(struct tx *tx, const struct store_document_new *in, long long *id,
                           struct berr *err)
{
    char cid[24], uid[24], office[24], pg[16], eid[24];
    snprintf(pg, sizeof pg, "%d", in->pages);
    const char *v[19] = {stmt_id(cid, in->case_id),
                         in->form,
                         in->form,
                         in->title,
                         in->number,
                         in->issued_on,
                         stmt_id(uid, in->issued_by),
                         stmt_id(office, in->office_id),
                         in->params,
                         in->case_xml,
                         (const char *)in->pdf,
                         in->sha256_hex,
                         pg,
                         in->verify_code,
                         in->event_id ? stmt_id(eid, in->event_id) : NULL,
                         in->regime,
                         in->late ? "t" : "f",
                         in->act_number ? "t" : "f",
                         in->signer};
    int ln[19] = {0}, fm[19] = {0};
    ln[10] = (int)in->pdf_len;
    fm[10] = 1; /* the PDF goes as binary; everything else as text */
    PGresult *r = stmt_query_bin(tx, &document_insert, v, ln, fm, 0, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

/* the bytes of a one-column binary result's row, malloc()ed */
static bool bytes_of(PGresult *r, unsigned char **pdf, size_t *len, bool *found, struct berr *err)
{
    *found = PQntuples(r) == 1;
    bool ok = true;
    if (*found) {
        *len = (size_t)PQgetlength(r, 0, 0);
        *pdf = malloc(*len ? *len : 1);
        ok = *pdf != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
        if (ok)
            memcpy(*pdf, PQgetvalue(r, 0, 0), *len);
    }
    PQclear(r);
    return ok;
}

bool store_document_pdf(struct tx *tx, long long doc_id, unsigned char **pdf, size_t *len,
                        bool *found, struct berr *err)
{
    *pdf = NULL;
    *len = 0;
    char d[24];
    const char *p[1] = {stmt_id(d, doc_id)};
    /* binary result: the PDF's bytes as they were issued */
    PGresult *r = stmt_query_bin(tx, &document_pdf, p, NULL, NULL, 1, err);
    return r && bytes_of(r, pdf, len, found, err);
}

static void documents_of_case_row(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_document *d = item;
    d->id = stmt_ll(r, i, 0);
    d->form = PQgetvalue(r, i, 1);
    d->title = PQgetvalue(r, i, 2);
    d->number = PQgetvalue(r, i, 3);
    d->issued_on = PQgetvalue(r, i, 4);
    d->pages = (int)stmt_ll(r, i, 5);
    d->sha256_hex = PQgetvalue(r, i, 6);
    d->verify_code = PQgetvalue(r, i, 7);
    d->event_id = stmt_ll(r, i, 8);
    d->late = stmt_bool(r, i, 9);
    d->regime = PQgetisnull(r, i, 10) ? NULL : PQgetvalue(r, i, 10);
    d->signer_name = PQgetisnull(r, i, 11) ? NULL : PQgetvalue(r, i, 11);
    d->revoked = stmt_bool(r, i, 12);
}

bool store_documents_of_case(struct tx *tx, long long case_id, struct store_documents *out,
                             struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items = NULL;
    bool ok = stmt_rows(stmt_query(tx, &documents_of_case, p, err), sizeof *out->items,
                        documents_of_case_row, NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_documents_free(struct store_documents *d)
{
    free(d->items);
    PQclear(d->res_);
    memset(d, 0, sizeof *d);
}

static void upload_rows_of_case_row(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_upload_row *u = item;
    u->id = stmt_ll(r, i, 0);
    u->title = PQgetvalue(r, i, 1);
    u->number = PQgetvalue(r, i, 2);
    u->dated = PQgetisnull(r, i, 3) ? NULL : PQgetvalue(r, i, 3);
    u->event_id = stmt_ll(r, i, 4);
    u->document_id = stmt_ll(r, i, 5);
    u->pages = (int)stmt_ll(r, i, 6);
    u->size = stmt_ll(r, i, 7);
    u->sha256_hex = PQgetvalue(r, i, 8);
}

bool store_upload_rows_of_case(struct tx *tx, long long case_id, struct store_upload_rows *out,
                               struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items = NULL;
    bool ok = stmt_rows(stmt_query(tx, &upload_rows_of_case, p, err), sizeof *out->items,
                        upload_rows_of_case_row, NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_upload_rows_free(struct store_upload_rows *u)
{
    free(u->items);
    PQclear(u->res_);
    memset(u, 0, sizeof *u);
}

bool store_document_verify(struct tx *tx, const char *code, struct store_verified *out,
                           struct berr *err)
{
    memset(out, 0, sizeof *out);
    const char *p[1] = {code};
    PGresult *r = stmt_query(tx, &verify, p, err);
    if (!r)
        return false;
    out->res_ = r;
    out->found = PQntuples(r) == 1;
    if (out->found) {
        out->title = PQgetvalue(r, 0, 0);
        out->doc_type = PQgetvalue(r, 0, 1);
        out->number = PQgetvalue(r, 0, 2);
        out->issued_on = PQgetvalue(r, 0, 3);
        out->office = PQgetvalue(r, 0, 4);
        out->revoked = stmt_bool(r, 0, 5);
        out->entered_on = PQgetvalue(r, 0, 6);
        out->late = stmt_bool(r, 0, 7);
    }
    return true;
}

void store_verified_free(struct store_verified *v)
{
    PQclear(v->res_);
    memset(v, 0, sizeof *v);
}

static void papers_of_case_row(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_paper *d = item;
    d->form = PQgetvalue(r, i, 0);
    d->act_type = PQgetvalue(r, i, 1);
    d->bap = PQgetvalue(r, i, 2);
    d->event_id = stmt_ll(r, i, 3);
}

bool store_papers_of_case(struct tx *tx, long long case_id, struct store_papers *out,
                          struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items = NULL;
    bool ok = stmt_rows(stmt_query(tx, &papers_of_case, p, err), sizeof *out->items,
                        papers_of_case_row, NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

bool store_act_paper_sent(struct tx *tx, long long case_id, const char *ids, long long sent,
                          bool *now, bool *then, struct berr *err)
{
    char c[24], e[24];
    const char *p[3] = {stmt_id(c, case_id), ids, stmt_id(e, sent)};
    PGresult *r = stmt_query(tx, &act_paper_sent, p, err);
    if (!r)
        return false;
    *now = stmt_bool(r, 0, 0);
    *then = stmt_bool(r, 0, 1);
    PQclear(r);
    return true;
}

void store_papers_free(struct store_papers *p)
{
    free(p->items);
    PQclear(p->res_);
    memset(p, 0, sizeof *p);
}

static void dossier_act_row(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_dossier_act *a = item;
    a->event_id = stmt_ll(r, i, 0);
    a->type = PQgetvalue(r, i, 1);
    a->bap = PQgetvalue(r, i, 2);
    a->party = PQgetvalue(r, i, 3);
    a->answer_act = stmt_ll(r, i, 4);
    a->round = (int)stmt_ll(r, i, 5);
    a->item_no = (int)stmt_ll(r, i, 6);
    a->item_text = PQgetvalue(r, i, 7);
    a->given = stmt_ll(r, i, 8);
    a->number = PQgetvalue(r, i, 9);
    a->court = PQgetvalue(r, i, 10);
}

bool store_dossier_acts(struct tx *tx, long long case_id, struct store_dossier_acts *out,
                        struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    void *items = NULL;
    bool ok = stmt_rows(stmt_query(tx, &dossier_acts, p, err), sizeof *out->items, dossier_act_row,
                        NULL, &items, &out->n, &out->res_, err);
    out->items = items;
    return ok;
}

void store_dossier_acts_free(struct store_dossier_acts *a)
{
    free(a->items);
    PQclear(a->res_);
    memset(a, 0, sizeof *a);
}

/* ---- the case document: eight statements, one round trip --------------------------------- */

/* clang-format off */
#define EPOCH(x) "CASE WHEN isfinite(" x ") THEN floor(extract(epoch FROM " x "))::bigint END"
/* a date as YYYY-MM-DD; NULL when NULL or not finite (whatever DateStyle is) */
#define DAY(x) "CASE WHEN isfinite(" x ") THEN to_char(" x ", 'YYYY-MM-DD') END"

#define OFFICE_COLS(a) a ".id, " a ".code, " a ".name, " a ".kind, " a ".class, " a ".tz"

/* the case row and its offices; the reader's clause follows */
static const char q_case[] =
    "SELECT c.id, c.version, c.number, c.stage, c.source, c.source_note, c.summary, "
    DAY("c.opened_on") ", " EPOCH("c.stage_since") ", " EPOCH("c.created_at") ", "
    EPOCH("c.disclosed_at") ", " EPOCH("now()") ", u.name, u.nip, "
    OFFICE_COLS("co") ", " OFFICE_COLS("ck") " "
    "FROM app.cases c LEFT JOIN app.users u ON u.id = c.created_by "
    "LEFT JOIN app.offices co ON co.id = c.office_id "
    "LEFT JOIN app.offices ck ON ck.id = c.kejari_id "
    "WHERE c.id = $2::bigint AND ";

static const struct stmt casedoc_parts[] = {
    {"documents.casedoc_kop", 1,
     "SELECT l.office_id, CASE WHEN isfinite(l.effective_from) THEN "
     "to_char(l.effective_from, 'YYYY-MM-DD') ELSE l.effective_from::text END, "
     "coalesce(x.no, 0), x.line FROM app.cases c JOIN app.letterheads l "
     "ON l.office_id IN (c.office_id, c.kejari_id) "
     "LEFT JOIN LATERAL unnest(l.lines) WITH ORDINALITY AS x(line, no) ON true "
     "WHERE c.id = $1::bigint ORDER BY l.office_id, l.effective_from, x.no"},
    /* the team now (0009) */
    {"documents.casedoc_team", 1,
     "SELECT u.name, u.nip, u.pangkat, u.golongan, u.position, u.ppns_card_no, "
     DAY("u.ppns_valid_until") " FROM app.case_investigators ci "
     "JOIN app.users u ON u.id = ci.user_id "
     "WHERE ci.case_id = $1::bigint AND ci.removed_at IS NULL ORDER BY ci.added_at, u.id"},
    /* the PPNS who recorded the case's acts, on the team or not: who did each act (a Berita
     * Acara's maker, KUHAP 75), as the users table has them now */
    {"documents.casedoc_actors", 1,
     "SELECT u.name, u.nip, u.pangkat, u.golongan, u.position, u.ppns_card_no, "
     DAY("u.ppns_valid_until") " FROM app.users u "
     "WHERE (u.role = 'investigator' OR u.ppns_card_no IS NOT NULL) AND u.id IN "
     "(SELECT e.entered_by FROM app.events e WHERE e.case_id = $1::bigint) ORDER BY u.nip"},
    {"documents.casedoc_parties", 1,
     "SELECT p.id, p.kind, p.name, p.nationality, p.passport_no, " DAY("p.birth_date") ", "
     "p.birth_place, p.sex, p.occupation, p.address_id, p.address_abroad, p.language, "
     "p.interpreter, p.nik FROM app.parties p WHERE p.case_id = $1::bigint ORDER BY p.id"},
    /* one row an element of each charged Pasal */
    {"documents.casedoc_charges", 1,
     "SELECT co.id, coalesce(p.id, 0), o.article, o.max_prison_months, o.min_prison_months, "
     "o.max_fine, o.min_fine, o.code, o.label, o.connector, " DAY("o.effective_from") ", "
     DAY("o.effective_to") ", p.name, o.kurungan, o.detainable, o.short_procedure, "
     "o.to_verify, coalesce(oe.no, 0), oe.element, oe.to_verify "
     "FROM app.case_offences co JOIN app.offence_catalogue o ON o.id = co.offence_id "
     "LEFT JOIN app.parties p ON p.id = co.party_id AND p.case_id = co.case_id "
     "LEFT JOIN app.offence_elements oe ON oe.code = o.code "
     "WHERE co.case_id = $1::bigint ORDER BY co.id, oe.no"},
    {"documents.casedoc_evidence", 1,
     "SELECT e.id, coalesce(p.id, 0), e.description, e.quantity, p.name, " DAY("e.seized_on") ", "
     "e.storage, coalesce(se.seq, 0) FROM app.evidence e "
     "LEFT JOIN app.parties p ON p.id = e.seized_from AND p.case_id = e.case_id "
     "LEFT JOIN app.events se ON se.id = e.seizure_event AND se.case_id = e.case_id "
     "WHERE e.case_id = $1::bigint ORDER BY e.id"},
    {"documents.casedoc_events", 1,
     "SELECT e.seq, coalesce(ce.seq, 0), coalesce(p.id, 0), e.type, " DAY("e.legal_date") ", "
     /* one number: the act's own, its paper's, or its upload's */
     STORE_ACT_NUMBER("e") ", p.name, e.regime, r.label, e.stage_before, e.stage_after, "
     "u.name, u.nip, "
     EPOCH("e.legal_at") ", " EPOCH("e.entered_at") ", e.late, e.payload::text, "
     /* what a BAP or a Resume says (contents.c) */
     "ac.content::text, coalesce(ac.version, 0), e.id "
     "FROM app.events e "
     "LEFT JOIN app.parties p ON p.id = e.party_id AND p.case_id = e.case_id "
     "LEFT JOIN app.events ce ON ce.id = e.corrects AND ce.case_id = e.case_id "
     "LEFT JOIN app.rulesets r ON r.name = e.regime "
     "LEFT JOIN app.users u ON u.id = e.entered_by "
     "LEFT JOIN app.act_contents ac ON ac.event_id = e.id AND ac.case_id = e.case_id "
     "WHERE e.case_id = $1::bigint ORDER BY e.seq"},
    {"documents.casedoc_instructions", 1,
     "SELECT i.round, i.item_no, coalesce(pe.seq, 0), coalesce(ae.seq, 0), i.text, i.answer, "
     STORE_ACT_NUMBER("pe") ", " DAY("pe.legal_date") ", coalesce(fe.seq, 0) "
     "FROM app.instructions i "
     "LEFT JOIN app.events pe ON pe.id = i.event_id AND pe.case_id = i.case_id "
     "LEFT JOIN app.events ae ON ae.id = i.answered_by AND ae.case_id = i.case_id "
     "LEFT JOIN app.events fe ON fe.id = (ae.payload->>'answer_act')::bigint "
     "AND fe.case_id = i.case_id "
     "WHERE i.case_id = $1::bigint ORDER BY i.round, i.item_no"},
};
/* clang-format on */

enum { CD_PARTS = 1 + sizeof casedoc_parts / sizeof casedoc_parts[0] };
_Static_assert(CD_PARTS == sizeof((struct store_casedoc *)0)->res_ /
                               sizeof((struct store_casedoc *)0)->res_[0],
               "one result a statement");

/* the text at row, col; NULL when NULL */
static const char *cd_text(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static int cd_int(const PGresult *r, int row, int col)
{
    return (int)stmt_ll(r, row, col);
}

/* an instant's epoch seconds: whether there is one */
static bool cd_epoch(const PGresult *r, int row, int col, long long *t)
{
    *t = PQgetisnull(r, row, col) ? 0 : stmt_ll(r, row, col);
    return !PQgetisnull(r, row, col);
}

static void cd_office(const PGresult *r, int col, struct store_cd_office *o)
{
    o->found = !PQgetisnull(r, 0, col);
    if (!o->found)
        return;
    o->id = stmt_ll(r, 0, col);
    o->code = cd_text(r, 0, col + 1);
    o->name = cd_text(r, 0, col + 2);
    o->kind = cd_text(r, 0, col + 3);
    o->class_ = cd_text(r, 0, col + 4);
    o->tz = cd_text(r, 0, col + 5);
}

static void cd_case(const PGresult *r, struct store_cd_case *c)
{
    c->id = stmt_ll(r, 0, 0);
    c->version = cd_int(r, 0, 1);
    c->number = cd_text(r, 0, 2);
    c->stage = cd_text(r, 0, 3);
    c->source = cd_text(r, 0, 4);
    c->source_note = cd_text(r, 0, 5);
    c->summary = cd_text(r, 0, 6);
    c->opened_on = cd_text(r, 0, 7);
    c->has_stage_since = cd_epoch(r, 0, 8, &c->stage_since);
    c->has_created = cd_epoch(r, 0, 9, &c->created);
    c->has_disclosed = cd_epoch(r, 0, 10, &c->disclosed);
    cd_epoch(r, 0, 11, &c->exported);
    c->creator_name = cd_text(r, 0, 12);
    c->creator_nip = cd_text(r, 0, 13);
    cd_office(r, 14, &c->office);
    cd_office(r, 20, &c->kejari);
}

static void kop_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_cd_kop_line *k = item;
    k->office_id = stmt_ll(r, i, 0);
    k->from = cd_text(r, i, 1);
    k->no = cd_int(r, i, 2);
    k->line = cd_text(r, i, 3);
}

static void member_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_cd_member *m = item;
    m->name = cd_text(r, i, 0);
    m->nip = cd_text(r, i, 1);
    m->pangkat = cd_text(r, i, 2);
    m->golongan = cd_text(r, i, 3);
    m->position = cd_text(r, i, 4);
    m->ppns_card_no = cd_text(r, i, 5);
    m->ppns_valid_until = cd_text(r, i, 6);
}

static void party_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_cd_party *p = item;
    p->id = stmt_ll(r, i, 0);
    p->kind = cd_text(r, i, 1);
    p->name = cd_text(r, i, 2);
    p->nationality = cd_text(r, i, 3);
    p->passport_no = cd_text(r, i, 4);
    p->birth_date = cd_text(r, i, 5);
    p->birth_place = cd_text(r, i, 6);
    p->sex = cd_text(r, i, 7);
    p->occupation = cd_text(r, i, 8);
    p->address_id = cd_text(r, i, 9);
    p->address_abroad = cd_text(r, i, 10);
    p->language = cd_text(r, i, 11);
    p->interpreter = cd_text(r, i, 12);
    p->nik = cd_text(r, i, 13);
}

static void charge_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_cd_charge *c = item;
    c->id = stmt_ll(r, i, 0);
    c->party = stmt_ll(r, i, 1);
    c->article = cd_int(r, i, 2);
    c->max_prison_months = cd_int(r, i, 3);
    c->min_prison_months = cd_int(r, i, 4);
    c->max_fine = stmt_ll(r, i, 5);
    c->min_fine = stmt_ll(r, i, 6);
    c->code = cd_text(r, i, 7);
    c->label = cd_text(r, i, 8);
    c->connector = cd_text(r, i, 9);
    c->effective_from = cd_text(r, i, 10);
    c->effective_to = cd_text(r, i, 11);
    c->party_name = cd_text(r, i, 12);
    c->kurungan = stmt_bool(r, i, 13);
    c->detainable = stmt_bool(r, i, 14);
    c->short_procedure = stmt_bool(r, i, 15);
    c->to_verify = stmt_bool(r, i, 16);
    c->no = cd_int(r, i, 17);
    c->element = cd_text(r, i, 18);
    c->element_to_verify = stmt_bool(r, i, 19);
}

static void evidence_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_cd_evidence *e = item;
    e->id = stmt_ll(r, i, 0);
    e->party = stmt_ll(r, i, 1);
    e->description = cd_text(r, i, 2);
    e->quantity = cd_text(r, i, 3);
    e->party_name = cd_text(r, i, 4);
    e->seized_on = cd_text(r, i, 5);
    e->storage = cd_text(r, i, 6);
    e->seizure_seq = cd_int(r, i, 7);
}

static void event_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_cd_event *e = item;
    e->seq = cd_int(r, i, 0);
    e->corrects_seq = cd_int(r, i, 1);
    e->party = stmt_ll(r, i, 2);
    e->type = cd_text(r, i, 3);
    e->legal_date = cd_text(r, i, 4);
    e->doc_number = cd_text(r, i, 5);
    e->party_name = cd_text(r, i, 6);
    e->regime = cd_text(r, i, 7);
    e->regime_label = cd_text(r, i, 8);
    e->stage_before = cd_text(r, i, 9);
    e->stage_after = cd_text(r, i, 10);
    e->by_name = cd_text(r, i, 11);
    e->by_nip = cd_text(r, i, 12);
    e->has_legal = cd_epoch(r, i, 13, &e->legal);
    e->has_entered = cd_epoch(r, i, 14, &e->entered);
    e->late = stmt_bool(r, i, 15);
    e->payload = cd_text(r, i, 16);
    e->content = cd_text(r, i, 17);
    e->content_version = cd_int(r, i, 18);
    e->id = stmt_ll(r, i, 19);
}

static void instruction_of(const PGresult *r, int i, void *item, void *ctx)
{
    (void)ctx;
    struct store_cd_instruction *x = item;
    x->round = cd_int(r, i, 0);
    x->item_no = cd_int(r, i, 1);
    x->p19_seq = cd_int(r, i, 2);
    x->answer_seq = cd_int(r, i, 3);
    x->text = cd_text(r, i, 4);
    x->answer = cd_text(r, i, 5);
    x->p19_number = cd_text(r, i, 6);
    x->p19_date = cd_text(r, i, 7);
    x->act_seq = cd_int(r, i, 8);
}

bool store_casedoc_load(struct tx *tx, const char *reader, const char *visible, long long office_id,
                        long long case_id, struct store_casedoc *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    size_t n = sizeof q_case + strlen(visible);
    char *sql = malloc(n), name[64];
    if (!sql)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    snprintf(sql, n, "%s%s", q_case, visible);
    snprintf(name, sizeof name, "documents.casedoc_%.40s", reader);
    char o[24], c[24];
    const char *p[2] = {stmt_id(o, office_id), stmt_id(c, case_id)};
    struct db_batch b[CD_PARTS] = {{name, sql, 2, p}};
    for (int i = 1; i < CD_PARTS; i++)
        b[i] = (struct db_batch){casedoc_parts[i - 1].name, casedoc_parts[i - 1].sql,
                                 casedoc_parts[i - 1].nparams, p + 1};
    PGresult *r[CD_PARTS];
    bool ok = tx_batch(tx, CD_PARTS, b, r, err);
    free(sql);
    if (!ok)
        return false;
    out->res_[0] = r[0];
    out->found = PQntuples(r[0]) == 1;
    if (out->found)
        cd_case(r[0], &out->c);
    const struct {
        size_t size;
        stmt_row_fn *fill;
        int *n;
    } to[CD_PARTS - 1] = {
        {sizeof *out->kop, kop_of, &out->nkop},
        {sizeof *out->team, member_of, &out->nteam},
        {sizeof *out->actors, member_of, &out->nactors},
        {sizeof *out->parties, party_of, &out->nparties},
        {sizeof *out->charges, charge_of, &out->ncharges},
        {sizeof *out->evidence, evidence_of, &out->nevidence},
        {sizeof *out->events, event_of, &out->nevents},
        {sizeof *out->instructions, instruction_of, &out->ninstructions},
    };
    void *items[CD_PARTS] = {0};
    for (int i = 1; i < CD_PARTS; i++) {
        if (ok)
            ok = stmt_rows(r[i], to[i - 1].size, to[i - 1].fill, NULL, &items[i], to[i - 1].n,
                           &out->res_[i], err);
        else
            PQclear(r[i]);
    }
    out->kop = items[1];
    out->team = items[2];
    out->actors = items[3];
    out->parties = items[4];
    out->charges = items[5];
    out->evidence = items[6];
    out->events = items[7];
    out->instructions = items[8];
    if (!ok)
        store_casedoc_free(out);
    return ok;
}

void store_casedoc_free(struct store_casedoc *d)
{
    free(d->kop);
    free(d->team);
    free(d->actors);
    free(d->parties);
    free(d->charges);
    free(d->evidence);
    free(d->events);
    free(d->instructions);
    for (int i = 0; i < CD_PARTS; i++)
        PQclear(d->res_[i]);
    memset(d, 0, sizeof *d);
}
