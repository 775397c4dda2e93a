/* documents.c (store) - see documents.h. */
#include "documents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt.h"

/* ---- uploads ------------------------------------------------------------------------------ */

static const struct stmt upload_limit = {
    "documents.upload_limit", 0, "SELECT value FROM app.settings WHERE key = 'upload.max_bytes'"};

static const struct stmt target_act = {"documents.upload_target_act", 2,
                                       "SELECT type, doc_number, '' FROM app.events WHERE "
                                       "case_id = $1::bigint AND id = $2::bigint"};

static const struct stmt target_document = {
    "documents.upload_target_document", 2,
    "SELECT d.form, d.number, u.role FROM app.documents d JOIN "
    "app.users u ON u.id = d.issued_by WHERE d.case_id = "
    "$1::bigint AND d.id = $2::bigint AND d.revoked_at IS NULL"};

static const struct stmt upload_insert = {
    "documents.upload_insert", 11,
    "INSERT INTO app.uploads (case_id, event_id, document_id, title, "
    "number, dated, pdf, pdf_sha256, size, pages, uploaded_by) VALUES "
    "($1::bigint, $2::bigint, $3::bigint, $4, $5, $6::date, $7::bytea, "
    "decode($8, 'hex'), $9::int, $10::int, $11::bigint) RETURNING id"};

static const struct stmt upload_pdf = {"documents.upload_pdf", 1,
                                       "SELECT pdf FROM app.uploads WHERE id = $1::bigint"};

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
    const char *v[11] = {stmt_id(cid, in->case_id),
                         in->event_id ? stmt_id(eid, in->event_id) : NULL,
                         in->document_id ? stmt_id(did, in->document_id) : NULL,
                         in->title,
                         in->number,
                         in->dated,
                         (const char *)in->pdf,
                         in->sha256_hex,
                         size,
                         pg,
                         stmt_id(uid, in->uploaded_by)};
    int ln[11] = {0}, fm[11] = {0};
    ln[6] = (int)in->len;
    fm[6] = 1; /* the PDF goes as binary; everything else as text */
    PGresult *r = stmt_query_bin(tx, &upload_insert, v, ln, fm, 0, err);
    if (!r)
        return false;
    *id = stmt_ll(r, 0, 0);
    PQclear(r);
    return true;
}

bool store_upload_pdf(struct tx *tx, long long upload_id, unsigned char **pdf, size_t *len,
                      bool *found, struct berr *err)
{
    *pdf = NULL;
    *len = 0;
    char u[24];
    const char *p[1] = {stmt_id(u, upload_id)};
    PGresult *r = stmt_query_bin(tx, &upload_pdf, p, NULL, NULL, 1, err);
    if (!r)
        return false;
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

/* ---- what the dossier binds ---------------------------------------------------------------- */

static const struct stmt issued_of_case = {
    "documents.issued_of_case", 1,
    "SELECT form, title, number, issued_on::text, verify_code, "
    "encode(pdf_sha256, 'hex'), params::text, d.issued_by, case_xml, "
    "signer::text, coalesce(e.seq, 0), coalesce(extract(epoch FROM "
    "e.legal_at)::bigint, -1), d.late, d.id FROM app.documents d LEFT "
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
    "SELECT id, seq, type, legal_date::text, doc_number, "
    "coalesce(payload->>'bap', ''), coalesce(party_id, 0), entered_by, "
    "coalesce(extract(epoch FROM legal_at)::bigint, -1) FROM app.events "
    "WHERE case_id = $1::bigint AND id = $2::bigint"};

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
    "SELECT title, doc_type, number, issued_on::text, office, revoked "
    "FROM app.verify_document($1)"};

/* issued, or the paper of an act numbered outside berkas uploaded */
static const struct stmt papers_of_case = {
    "documents.papers_of_case", 1,
    "SELECT form, '', '' FROM app.documents WHERE case_id = $1::bigint "
    "AND revoked_at IS NULL UNION SELECT '', e.type, coalesce(e.payload->>"
    "'bap', '') FROM app.uploads u JOIN app.events e ON e.id = u.event_id "
    "WHERE u.case_id = $1::bigint"};

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

void store_papers_free(struct store_papers *p)
{
    free(p->items);
    PQclear(p->res_);
    memset(p, 0, sizeof *p);
}

/* ---- the case document: one statement, one snapshot ------------------------------------ */

/* clang-format off */
#define EPOCH(x) "CASE WHEN isfinite(" x ") THEN floor(extract(epoch FROM " x "))::bigint END"

#define OFFICE_JSON(col)                                                                     \
    "(SELECT to_jsonb(o) || jsonb_build_object('kop', (SELECT jsonb_agg("                    \
    "jsonb_build_object('from', l.effective_from, 'lines', l.lines) "                        \
    "ORDER BY l.effective_from) FROM app.letterheads l WHERE l.office_id = o.id)) "          \
    "FROM app.offices o WHERE o.id = " col ")"

static const char q_case[] =
    "SELECT (to_jsonb(c) - 'last_hash' - 'search') || jsonb_build_object("
        "'created_s', " EPOCH("c.created_at") ", "
        "'stage_since_s', " EPOCH("c.stage_since") ", "
        "'disclosed_s', " EPOCH("c.disclosed_at") ", "
        "'export_s', " EPOCH("now()") ", "
        "'creator_name', u.name, 'creator_nip', u.nip), "
    OFFICE_JSON("c.office_id") ", "
    OFFICE_JSON("c.kejari_id") ", "
    "(SELECT jsonb_agg(to_jsonb(u) - 'password_hash' ORDER BY ci.added_at, u.id) "
        "FROM app.case_investigators ci JOIN app.users u ON u.id = ci.user_id "
        "WHERE ci.case_id = c.id AND ci.removed_at IS NULL), " /* the team now (0009) */
    "(SELECT jsonb_agg(to_jsonb(p) ORDER BY p.id) FROM app.parties p "
        "WHERE p.case_id = c.id), ";

static const char q_offences[] =
    "(SELECT jsonb_agg(to_jsonb(o) || jsonb_build_object('party', p.id, 'party_name', p.name, "
        "'charge_id', co.id, 'elements', (SELECT jsonb_agg(jsonb_build_object('no', oe.no, "
        "'element', oe.element, 'to_verify', oe.to_verify) ORDER BY oe.no) "
        "FROM app.offence_elements oe WHERE oe.code = o.code)) "
        "ORDER BY co.id) FROM app.case_offences co "
        "JOIN app.offence_catalogue o ON o.id = co.offence_id "
        "LEFT JOIN app.parties p ON p.id = co.party_id AND p.case_id = co.case_id "
        "WHERE co.case_id = c.id), "
    "(SELECT jsonb_agg(to_jsonb(e) || jsonb_build_object('party', p.id, 'party_name', p.name) "
        "ORDER BY e.id) FROM app.evidence e "
        "LEFT JOIN app.parties p ON p.id = e.seized_from AND p.case_id = e.case_id "
        "WHERE e.case_id = c.id), ";

static const char q_events[] =
    "(SELECT jsonb_agg((to_jsonb(e) - 'prev_hash' - 'hash') || jsonb_build_object("
            "'legal_s', " EPOCH("e.legal_at") ", "
            "'entered_s', " EPOCH("e.entered_at") ", "
            "'party', p.id, 'party_name', p.name, 'corrects_seq', ce.seq, "
            "'regime_label', r.label, 'by_name', u.name, 'by_nip', u.nip, "
            /* what a BAP or a Resume says (contents.c) */
            "'content', ac.content, 'content_version', ac.version, "
            /* one number: the act's own, else the number berkas gave its paper */
            "'doc_number', coalesce(nullif(e.doc_number, ''), (SELECT d.number "
                "FROM app.documents d WHERE d.event_id = e.id AND d.act_number "
                "AND d.revoked_at IS NULL ORDER BY d.id LIMIT 1), '')) ORDER BY e.seq) "
        "FROM app.events e "
        "LEFT JOIN app.parties p ON p.id = e.party_id AND p.case_id = e.case_id "
        "LEFT JOIN app.events ce ON ce.id = e.corrects AND ce.case_id = e.case_id "
        "LEFT JOIN app.rulesets r ON r.name = e.regime "
        "LEFT JOIN app.users u ON u.id = e.entered_by "
        "LEFT JOIN app.act_contents ac ON ac.event_id = e.id AND ac.case_id = e.case_id "
        "WHERE e.case_id = c.id), "
    "(SELECT jsonb_agg(to_jsonb(i) || jsonb_build_object('p19_seq', pe.seq, "
            "'p19_number', coalesce(nullif(pe.doc_number, ''), (SELECT d.number "
            "FROM app.documents d WHERE d.event_id = pe.id AND d.act_number "
            "AND d.revoked_at IS NULL ORDER BY d.id LIMIT 1), ''), 'p19_date', pe.legal_date, 'answer_seq', ae.seq) "
            "ORDER BY i.round, i.item_no) "
        "FROM app.instructions i "
        "LEFT JOIN app.events pe ON pe.id = i.event_id AND pe.case_id = i.case_id "
        "LEFT JOIN app.events ae ON ae.id = i.answered_by AND ae.case_id = i.case_id "
        "WHERE i.case_id = c.id) "
    "FROM app.cases c LEFT JOIN app.users u ON u.id = c.created_by "
    "WHERE c.id = $2::bigint AND ";
/* clang-format on */

bool store_casedoc_load(struct tx *tx, const char *reader, const char *visible, long long office_id,
                        long long case_id, struct store_casedoc *out, struct berr *err)
{
    memset(out, 0, sizeof *out);
    size_t n = sizeof q_case + sizeof q_offences + sizeof q_events + strlen(visible);
    char *sql = malloc(n), name[64];
    if (!sql)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    snprintf(sql, n, "%s%s%s%s", q_case, q_offences, q_events, visible);
    snprintf(name, sizeof name, "documents.casedoc_%.40s", reader);
    const struct stmt s = {name, 2, sql};
    char o[24], c[24];
    const char *p[2] = {stmt_id(o, office_id), stmt_id(c, case_id)};
    PGresult *r = stmt_query(tx, &s, p, err);
    free(sql);
    if (!r)
        return false;
    out->res_ = r;
    out->found = PQntuples(r) == 1 && PQnfields(r) == STORE_CASEDOC_PARTS;
    for (int i = 0; out->found && i < STORE_CASEDOC_PARTS; i++)
        out->part[i] = PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
    return true;
}

void store_casedoc_free(struct store_casedoc *d)
{
    PQclear(d->res_);
    memset(d, 0, sizeof *d);
}
