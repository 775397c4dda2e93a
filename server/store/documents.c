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
    PGresult *r = stmt_query(tx, &upload_limit, NULL, err);
    if (!r)
        return false;
    *bytes = PQntuples(r) == 1 ? stmt_ll(r, 0, 0) : 0;
    PQclear(r);
    return true;
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

/* rows calloc()ed for a result of n rows kept in *res; false (r cleared) when out of memory */
static bool rows_of(PGresult *r, void **items, size_t size, void **res, struct berr *err)
{
    *res = r;
    int n = PQntuples(r);
    if (n == 0)
        return true;
    *items = calloc((size_t)n, size);
    if (*items)
        return true;
    PQclear(r);
    *res = NULL;
    return berr_set(err, BERR_INTERNAL, "out of memory");
}

bool store_issued_of_case(struct tx *tx, long long case_id, struct store_issued_list *out,
                          struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    PGresult *r = stmt_query(tx, &issued_of_case, p, err);
    if (!r || !rows_of(r, (void **)&out->items, sizeof *out->items, &out->res_, err))
        return false;
    out->n = PQntuples(r);
    for (int i = 0; i < out->n; i++) {
        struct store_issued *d = &out->items[i];
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
    return true;
}

void store_issued_list_free(struct store_issued_list *l)
{
    free(l->items);
    PQclear(l->res_);
    memset(l, 0, sizeof *l);
}

bool store_uploads_of_case(struct tx *tx, long long case_id, struct store_uploads *out,
                           struct berr *err)
{
    memset(out, 0, sizeof *out);
    char c[24];
    const char *p[1] = {stmt_id(c, case_id)};
    PGresult *r = stmt_query(tx, &uploads_of_case, p, err);
    if (!r || !rows_of(r, (void **)&out->items, sizeof *out->items, &out->res_, err))
        return false;
    out->n = PQntuples(r);
    for (int i = 0; i < out->n; i++) {
        struct store_upload *u = &out->items[i];
        u->id = stmt_ll(r, i, 0);
        u->title = PQgetvalue(r, i, 1);
        u->number = PQgetvalue(r, i, 2);
        u->dated = PQgetvalue(r, i, 3);
        u->sha256_hex = PQgetvalue(r, i, 4);
        u->pages = (int)stmt_ll(r, i, 5);
        u->act_type = PQgetvalue(r, i, 6);
        u->document_id = stmt_ll(r, i, 7);
    }
    return true;
}

void store_uploads_free(struct store_uploads *u)
{
    free(u->items);
    PQclear(u->res_);
    memset(u, 0, sizeof *u);
}
