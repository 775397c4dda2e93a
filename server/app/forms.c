/*
 * forms.c - forms as drafts, issuing them, verifying them, and the dossier.
 *
 * A draft is rendered on demand from the case as it is now, watermarked, with
 * no number, and stored nowhere.  Issuing happens in one transaction as the
 * acting user: lock the case, check the stage, take the next number of the
 * office's gapless counter for the document type and year, format it by the
 * office's pattern, render with the number and a verification code (QR),
 * store the PDF and its SHA-256, audit, commit.  A render that fails rolls
 * everything back, number included.  The dossier binds every issued document
 * into one PDF in legal order, between a cover, a table of contents, the
 * lists of witnesses, suspects and evidence, and a closing manifest with
 * each part's SHA-256.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "core/numfmt.h"
#include "render/render.h"
#include "store/tx.h"

#define STAGE_BIT(s) (1u << (s))
#define OPEN_STAGES                                                                                \
    (STAGE_BIT(ST_PRE_INVESTIGATION) | STAGE_BIT(ST_INVESTIGATION) |                               \
     STAGE_BIT(ST_WITH_PROSECUTOR) | STAGE_BIT(ST_RETURNED) | STAGE_BIT(ST_COMPLETE) |             \
     STAGE_BIT(ST_HANDED_OVER) | STAGE_BIT(ST_LAPSED) | STAGE_BIT(ST_TERMINATED))
#define INVESTIGATING (STAGE_BIT(ST_INVESTIGATION) | STAGE_BIT(ST_RETURNED))

/* Which stages a form may be made in, and its place in the dossier (DOMAIN.md
 * 7.4: laporan, Sprindik, SPDP, the examinations, the coercive measures, the
 * resume and the covering letters).  A form not listed may be made in any
 * open stage and comes last. */
static const struct form_rule {
    const char *form;
    unsigned stages;
    int order;
} rules[] = {
    {"laporan_kejadian", OPEN_STAGES, 10},
    {"sprindik",
     STAGE_BIT(ST_PRE_INVESTIGATION) | INVESTIGATING | STAGE_BIT(ST_LAPSED) |
         STAGE_BIT(ST_TERMINATED),
     20},
    {"spdp", INVESTIGATING, 30},
    {"surat_panggilan", INVESTIGATING, 40},
    {"bap_saksi", INVESTIGATING, 50},
    {"bap_ahli", INVESTIGATING, 51},
    {"bap_tersangka", INVESTIGATING, 52},
    {"sp_penangkapan", INVESTIGATING, 60},
    {"ba_penangkapan", INVESTIGATING, 61},
    {"sp_penahanan", INVESTIGATING, 62},
    {"ba_penahanan", INVESTIGATING, 63},
    {"permintaan_perpanjangan", INVESTIGATING, 64},
    {"sp_penyitaan", INVESTIGATING, 70},
    {"ba_penyitaan", INVESTIGATING, 71},
    {"resume", INVESTIGATING, 80},
    {"pengantar_tahap1", INVESTIGATING, 90},
    {"pengiriman_kembali", STAGE_BIT(ST_RETURNED), 91},
    {"ba_tahap2", STAGE_BIT(ST_COMPLETE), 95},
    {"sp3", INVESTIGATING | STAGE_BIT(ST_TERMINATED), 96},
    {"pemberitahuan_sp3", STAGE_BIT(ST_TERMINATED), 97},
    {"p19", STAGE_BIT(ST_WITH_PROSECUTOR) | STAGE_BIT(ST_RETURNED), 100},
    {"p21", STAGE_BIT(ST_WITH_PROSECUTOR) | STAGE_BIT(ST_COMPLETE), 101},
};

/* What a file sent to the prosecutor must contain (KUHAP 110, 138; the
 * guards of Tahap I ask for the same acts). */
static const char *const dossier_required[] = {"laporan_kejadian", "sprindik", "spdp",
                                               "bap_tersangka",    "resume",   NULL};

/* The generated parts of the dossier, by template name. */
#define PART_COVER    "sampul"
#define PART_TOC      "daftar_isi"
#define PART_LISTS    "daftar_pihak"
#define PART_MANIFEST "manifest"

static const struct form_rule *rule_of(const char *form)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].form, form) == 0)
            return &rules[i];
    return NULL;
}

static bool role_issues(const struct actor *who, const struct render_form_info *f, struct berr *err)
{
    bool ok = (f->issuer == RENDER_ISSUER_INVESTIGATOR && who->role == ROLE_INVESTIGATOR) ||
              (f->issuer == RENDER_ISSUER_PROSECUTOR && who->role == ROLE_PROSECUTOR);
    return ok || berr_set(err, BERR_FORBIDDEN, "peran Anda tidak membuat %s", f->title);
}

static const struct render_form_info *find_form(struct app *app, const char *form, struct berr *err)
{
    const struct render_form_info *f = app->render ? render_form_find(app->render, form) : NULL;
    if (!f || f->issuer == RENDER_ISSUER_SYSTEM) { /* the dossier's own parts are not forms */
        berr_set(err, BERR_NOT_FOUND, "formulir %.60s tidak dikenal", form);
        return NULL;
    }
    return f;
}

static bool stage_allows(const struct casefile *cf, const struct render_form_info *f,
                         struct berr *err)
{
    const struct form_rule *r = rule_of(f->name);
    unsigned stages = r ? r->stages : OPEN_STAGES;
    if (stages & STAGE_BIT(cf->stage))
        return true;
    return berr_field(err, BERR_CONFLICT, "form", "%s tidak dapat dibuat pada tahap %s", f->title,
                      stage_label(cf->stage));
}

/* The params object (string members) as render key/values; the strings stay
 * owned by params. */
static bool params_of(const struct render_form_info *f, json_t *params, struct render_kv *kv,
                      size_t *n, struct berr *err)
{
    *n = 0;
    const char *key;
    json_t *v;
    json_object_foreach(params, key, v)
    {
        bool known = false;
        for (size_t i = 0; i < f->n_params; i++)
            if (strcmp(f->params[i].name, key) == 0)
                known = true;
        if (!known)
            return berr_field(err, BERR_BAD_INPUT, key, "%s tidak memakai parameter %.40s",
                              f->title, key);
        if (!json_is_string(v))
            return berr_field(err, BERR_BAD_INPUT, key, "parameter %.40s harus teks", key);
        if (*n == 16)
            return berr_field(err, BERR_BAD_INPUT, "params", "terlalu banyak parameter");
        kv[*n].name = key;
        kv[*n].value = json_string_value(v);
        (*n)++;
    }
    for (size_t i = 0; i < f->n_params; i++)
        if (f->params[i].required && !json_object_get(params, f->params[i].name))
            return berr_field(err, BERR_BAD_INPUT, f->params[i].name, "%s perlu parameter %s (%s)",
                              f->title, f->params[i].name,
                              f->params[i].description ? f->params[i].description : "");
    return true;
}

/* The signer's particulars: the acting user (PPNS or Jaksa). */
struct signer_buf {
    char name[201], nip[19], rank[61], grade[9], position[201];
    struct render_signer s;
};

static bool load_signer_id(struct tx *tx, long long user_id, struct signer_buf *b, struct berr *err)
{
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", user_id);
    const char *p[1] = {uid};
    PGresult *r = tx_query(tx,
                           "SELECT name, nip, pangkat, golongan, position FROM app.users "
                           "WHERE id = $1::bigint",
                           1, p, err);
    if (!r)
        return false;
    bool ok = PQntuples(r) == 1;
    if (ok) {
        snprintf(b->name, sizeof b->name, "%s", PQgetvalue(r, 0, 0));
        snprintf(b->nip, sizeof b->nip, "%s", PQgetvalue(r, 0, 1));
        snprintf(b->rank, sizeof b->rank, "%s", PQgetvalue(r, 0, 2));
        snprintf(b->grade, sizeof b->grade, "%s", PQgetvalue(r, 0, 3));
        snprintf(b->position, sizeof b->position, "%s", PQgetvalue(r, 0, 4));
        b->s = (struct render_signer){.name = b->name,
                                      .nip = b->nip,
                                      .rank = b->rank,
                                      .grade = b->grade,
                                      .position = b->position,
                                      .on_behalf = ""};
    }
    PQclear(r);
    return ok || berr_set(err, BERR_UNAUTHENTICATED, "pengguna tidak ada lagi");
}

static bool load_signer(struct tx *tx, const struct actor *who, struct signer_buf *b,
                        struct berr *err)
{
    return load_signer_id(tx, who->user_id, b, err);
}

static bool today(struct tx *tx, const struct casefile *cf, char out[CALDATE_DATE_LEN],
                  struct caldate *d, struct berr *err)
{
    PGresult *r = tx_query(tx, "SELECT extract(epoch FROM now())::bigint", 0, NULL, err);
    if (!r)
        return false;
    *d = caldate_local_date(strtoll(PQgetvalue(r, 0, 0), NULL, 10), cf->zone);
    PQclear(r);
    caldate_format(*d, out, CALDATE_DATE_LEN);
    return true;
}

bool app_form_draft(struct app *app, const struct actor *who, long long case_id, const char *form,
                    json_t *params, unsigned char **pdf, size_t *len, struct audit_rec *au,
                    struct berr *err)
{
    au->action = "form.draft";
    au->object_type = "case";
    au->object_id = case_id;
    const struct render_form_info *f = find_form(app, form, err);
    if (!f || !role_issues(who, f, err))
        return false;
    struct render_kv kv[16];
    size_t nkv;
    if (!params_of(f, params, kv, &nkv, err))
        return false;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf;
    char *xml = NULL;
    size_t xml_len = 0;
    char date[CALDATE_DATE_LEN];
    struct caldate d;
    struct signer_buf signer;
    bool ok = casefile_load(&tx, who, case_id, false, &cf, err) && stage_allows(&cf, f, err) &&
              today(&tx, &cf, date, &d, err) && load_signer(&tx, who, &signer, err) &&
              casexml_build(&tx, who, case_id, &xml, &xml_len, err);
    if (ok) {
        struct render_opts o = {
            .date = date, .issued = false, .signer = &signer.s, .params = kv, .n_params = nkv};
        ok = render_form(app->render, f->name, xml, xml_len, &o, pdf, len, NULL, err);
    }
    snprintf(au->detail, sizeof au->detail, "{\"form\":\"%s\"}", f->name);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    if (!ok && *pdf) {
        free(*pdf);
        *pdf = NULL;
    }
    tx_end(&tx);
    free(xml);
    if (cf.zone)
        casefile_free(&cf);
    return ok;
}

/* A short code to type from paper: 12 characters of Crockford's base32
 * (no I, L, O, U), 60 random bits. */
static void verify_code(char out[13])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    unsigned char raw[12];
    randombytes_buf(raw, sizeof raw);
    for (int i = 0; i < 12; i++)
        out[i] = alphabet[raw[i] & 31];
    out[12] = '\0';
}

/* The next number of the ISSUING office's series (a Kejari numbers its
 * P-forms in its own series, by its own pattern). */
static bool next_number(struct tx *tx, long long office_id, const char *doc_type, struct caldate d,
                        char *number, size_t numsz, struct berr *err)
{
    char office[24], year[8];
    snprintf(office, sizeof office, "%lld", office_id);
    snprintf(year, sizeof year, "%d", d.y);
    const char *pn[3] = {office, doc_type, year};
    PGresult *r = tx_query(tx,
                           "INSERT INTO app.counters (office_id, series, year, next) "
                           "VALUES ($1::bigint, $2, $3::int, 2) ON CONFLICT (office_id, series, "
                           "year) DO UPDATE SET next = app.counters.next + 1 RETURNING next - 1, "
                           "(SELECT code FROM app.offices WHERE id = $1::bigint), "
                           "coalesce((SELECT pattern FROM app.number_patterns WHERE office_id = "
                           "$1::bigint AND doc_type = $2), (SELECT pattern FROM "
                           "app.number_patterns WHERE office_id = $1::bigint AND doc_type = "
                           "'*'), '')",
                           3, pn, err);
    if (!r)
        return false;
    struct numfmt_vars v = {.seq = strtol(PQgetvalue(r, 0, 0), NULL, 10),
                            .year = d.y,
                            .month = d.m,
                            .office = PQgetvalue(r, 0, 1),
                            .type = doc_type};
    const char *pattern = PQgetvalue(r, 0, 2)[0] ? PQgetvalue(r, 0, 2) : NUMFMT_DEFAULT;
    bool ok = numfmt_format(pattern, &v, number, numsz, err);
    PQclear(r);
    return ok;
}

bool app_form_issue(struct app *app, const struct actor *who, long long case_id, const char *form,
                    json_t *params, json_t **doc, struct audit_rec *au, struct berr *err)
{
    au->action = "form.issue";
    au->object_type = "case";
    au->object_id = case_id;
    *doc = NULL;
    const struct render_form_info *f = find_form(app, form, err);
    if (!f || !role_issues(who, f, err))
        return false;
    struct render_kv kv[16];
    size_t nkv;
    if (!params_of(f, params, kv, &nkv, err))
        return false;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf = {0};
    char *xml = NULL;
    size_t xml_len = 0;
    unsigned char *pdf = NULL;
    size_t pdf_len = 0;
    int pages = 0;
    char date[CALDATE_DATE_LEN], number[160], code[13], url[320], sha[65];
    struct caldate d;
    struct signer_buf signer;
    bool ok = casefile_load(&tx, who, case_id, true, &cf, err) && stage_allows(&cf, f, err) &&
              today(&tx, &cf, date, &d, err) && load_signer(&tx, who, &signer, err) &&
              casexml_build(&tx, who, case_id, &xml, &xml_len, err) &&
              next_number(&tx, who->office_id, f->name, d, number, sizeof number, err);
    if (ok) {
        verify_code(code);
        snprintf(url, sizeof url, "%s/verify/%s", app->public_url, code);
        struct render_opts o = {.date = date,
                                .issued = true,
                                .number = number,
                                .verify_code = code,
                                .verify_url = url,
                                .signer = &signer.s,
                                .params = kv,
                                .n_params = nkv};
        ok = render_form(app->render, f->name, xml, xml_len, &o, &pdf, &pdf_len, &pages, err);
    }
    long long doc_id = 0;
    if (ok) {
        unsigned char h[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(h, pdf, pdf_len);
        sodium_bin2hex(sha, sizeof sha, h, sizeof h);
        char cid[24], uid[24], office[24], pg[16];
        snprintf(cid, sizeof cid, "%lld", case_id);
        snprintf(uid, sizeof uid, "%lld", who->user_id);
        snprintf(office, sizeof office, "%lld", who->office_id);
        snprintf(pg, sizeof pg, "%d", pages);
        char *params_text = json_dumps(params, JSON_COMPACT | JSON_SORT_KEYS);
        const char *values[13] = {cid,      f->name, f->name,
                                  f->title, number,  date,
                                  uid,      office,  params_text ? params_text : "{}",
                                  xml,      NULL,    sha,
                                  pg};
        int formats[13] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
        int lengths[13] = {0};
        lengths[10] = (int)pdf_len;
        values[10] = (const char *)pdf;
        /* the PDF goes as binary; everything else as text */
        const char *vc[14];
        memcpy(vc, values, sizeof values);
        vc[13] = code;
        int fm[14] = {0}, ln[14] = {0};
        memcpy(fm, formats, sizeof formats);
        memcpy(ln, lengths, sizeof lengths);
        PGresult *r =
            PQexecParams(tx.conn,
                         "INSERT INTO app.documents (case_id, form, doc_type, title, "
                         "number, issued_on, issued_by, office_id, params, case_xml, pdf, "
                         "pdf_sha256, pages, verify_code) VALUES ($1::bigint, $2, $3, $4, "
                         "$5, $6::date, $7::bigint, $8::bigint, $9::jsonb, $10, "
                         "$11::bytea, decode($12, 'hex'), $13::int, $14) RETURNING id",
                         14, NULL, vc, ln, fm, 0);
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            tx_error_of(r, err);
            PQclear(r);
            r = NULL;
            ok = false;
        }
        free(params_text);
        if (r) {
            doc_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
            PQclear(r);
        }
    }
    if (ok) {
        snprintf(au->detail, sizeof au->detail,
                 "{\"form\":\"%s\",\"document\":%lld,\"sha256\":\"%s\"}", f->name, doc_id, sha);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    if (ok)
        *doc = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i}", "id",
                         (json_int_t)doc_id, "case_id", (json_int_t)case_id, "form", f->name,
                         "title", f->title, "number", number, "issued_on", date, "verify_code",
                         code, "verify_url", url, "sha256", sha, "pages", pages);
    tx_end(&tx); /* a failed render or insert rolls the number back */
    free(pdf);
    free(xml);
    casefile_free(&cf);
    return ok;
}

json_t *app_documents_list(struct app *app, const struct actor *who, long long case_id,
                           struct audit_rec *au, struct berr *err)
{
    au->action = "case.read";
    au->object_type = "case";
    au->object_id = case_id;
    snprintf(au->detail, sizeof au->detail, "{\"part\":\"documents\"}");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return NULL;
    struct casefile cf;
    json_t *items = NULL;
    if (casefile_load(&tx, who, case_id, false, &cf, err)) {
        char cid[24];
        snprintf(cid, sizeof cid, "%lld", case_id);
        const char *p[1] = {cid};
        PGresult *r = tx_query(&tx,
                               "SELECT json_build_object('id', id, 'form', form, 'title', title, "
                               "'number', number, 'issued_on', issued_on, 'pages', pages, "
                               "'sha256', encode(pdf_sha256, 'hex'), 'verify_code', verify_code, "
                               "'revoked', revoked_at IS NOT NULL)::text FROM app.documents "
                               "WHERE case_id = $1::bigint ORDER BY id",
                               1, p, err);
        if (r) {
            items = json_array();
            for (int i = 0; i < PQntuples(r); i++)
                json_array_append_new(items, json_loads(PQgetvalue(r, i, 0), 0, NULL));
            PQclear(r);
            if (!audit_ok(&tx, who, au, err) || !tx_commit(&tx, err)) {
                json_decref(items);
                items = NULL;
            }
        }
        casefile_free(&cf);
    }
    tx_end(&tx);
    return items ? json_pack("{s:I, s:o}", "case_id", (json_int_t)case_id, "items", items) : NULL;
}

bool app_document_pdf(struct app *app, const struct actor *who, long long doc_id,
                      unsigned char **pdf, size_t *len, struct audit_rec *au, struct berr *err)
{
    au->action = "document.read";
    au->object_type = "document";
    au->object_id = doc_id;
    *pdf = NULL;
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    char did[24];
    snprintf(did, sizeof did, "%lld", doc_id);
    const char *p[1] = {did};
    /* binary result: the PDF's bytes as they were issued */
    PGresult *r = PQexecParams(tx.conn, "SELECT d.pdf FROM app.documents d WHERE d.id = $1::bigint",
                               1, NULL, p, NULL, NULL, 1);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok)
        tx_error_of(r, err);
    else if (PQntuples(r) != 1)
        ok = berr_set(err, BERR_NOT_FOUND, "dokumen %lld tidak ditemukan", doc_id);
    if (ok) {
        *len = (size_t)PQgetlength(r, 0, 0);
        *pdf = malloc(*len ? *len : 1);
        if (*pdf)
            memcpy(*pdf, PQgetvalue(r, 0, 0), *len);
        ok = *pdf != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
    }
    PQclear(r);
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok) {
        free(*pdf);
        *pdf = NULL;
    }
    return ok;
}

json_t *app_verify_document(struct app *app, const char *code, struct berr *err)
{
    size_t n = strlen(code);
    if (n != 12 || strspn(code, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") != n) {
        berr_set(err, BERR_NOT_FOUND, "kode verifikasi tidak dikenal");
        return NULL;
    }
    struct tx tx;
    if (!tx_begin(&tx, app->db, 0, err))
        return NULL;
    const char *p[1] = {code};
    PGresult *r = tx_query(&tx,
                           "SELECT title, doc_type, number, issued_on::text, office, revoked "
                           "FROM app.verify_document($1)",
                           1, p, err);
    tx_end(&tx);
    if (!r)
        return NULL;
    json_t *j = NULL;
    if (PQntuples(r) == 1)
        j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:b}", "code", code, "title",
                      PQgetvalue(r, 0, 0), "number", PQgetvalue(r, 0, 2), "issued_on",
                      PQgetvalue(r, 0, 3), "office", PQgetvalue(r, 0, 4), "genuine", 1, "revoked",
                      PQgetvalue(r, 0, 5)[0] == 't');
    else
        berr_set(err, BERR_NOT_FOUND, "kode verifikasi tidak dikenal");
    PQclear(r);
    return j;
}

/* ---- the dossier ----------------------------------------------------------------------- */

struct issued {
    char form[64], title[200], number[160], date[CALDATE_DATE_LEN], code[13], sha[65];
    char url[320];
    json_t *params;
    int order;
    long long issued_by;
    char *case_xml; /* the data it was issued from */
    struct signer_buf signer;
};

static int by_order(const void *a, const void *b)
{
    const struct issued *x = a, *y = b;
    return (x->order > y->order) - (x->order < y->order);
}

bool app_dossier(struct app *app, const struct actor *who, long long case_id, unsigned char **pdf,
                 size_t *len, json_t **missing, struct audit_rec *au, struct berr *err)
{
    au->action = "dossier.read";
    au->object_type = "case";
    au->object_id = case_id;
    *pdf = NULL;
    *missing = NULL;
    if (who->role == ROLE_ADMIN)
        return berr_set(err, BERR_FORBIDDEN, "peran ini tidak membaca isi perkara");
    struct tx tx;
    if (!tx_begin(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf = {0};
    char *xml = NULL;
    size_t xml_len = 0;
    struct issued *docs = NULL;
    int ndocs = 0;
    bool ok = casefile_load(&tx, who, case_id, false, &cf, err) &&
              casexml_build(&tx, who, case_id, &xml, &xml_len, err);
    PGresult *r = NULL;
    if (ok) {
        char cid[24];
        snprintf(cid, sizeof cid, "%lld", case_id);
        const char *p[1] = {cid};
        r = tx_query(&tx,
                     "SELECT form, title, number, issued_on::text, verify_code, "
                     "encode(pdf_sha256, 'hex'), params::text, issued_by, case_xml "
                     "FROM app.documents "
                     "WHERE case_id = $1::bigint AND revoked_at IS NULL ORDER BY issued_at, id",
                     1, p, err);
        ok = r != NULL;
    }
    if (ok) {
        ndocs = PQntuples(r);
        docs = calloc((size_t)ndocs + 1, sizeof *docs);
        ok = docs != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
        for (int i = 0; ok && i < ndocs; i++) {
            struct issued *d = &docs[i];
            snprintf(d->form, sizeof d->form, "%s", PQgetvalue(r, i, 0));
            snprintf(d->title, sizeof d->title, "%s", PQgetvalue(r, i, 1));
            snprintf(d->number, sizeof d->number, "%s", PQgetvalue(r, i, 2));
            snprintf(d->date, sizeof d->date, "%s", PQgetvalue(r, i, 3));
            snprintf(d->code, sizeof d->code, "%s", PQgetvalue(r, i, 4));
            snprintf(d->sha, sizeof d->sha, "%s", PQgetvalue(r, i, 5));
            d->params = json_loads(PQgetvalue(r, i, 6), 0, NULL);
            d->issued_by = strtoll(PQgetvalue(r, i, 7), NULL, 10);
            d->case_xml = strdup(PQgetvalue(r, i, 8));
            ok = d->case_xml != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
            const struct form_rule *rule = rule_of(d->form);
            d->order = rule ? rule->order : 1000;
        }
        qsort(docs, (size_t)ndocs, sizeof *docs, by_order);
    }
    PQclear(r);
    /* what the file must hold before it can be bound */
    if (ok) {
        json_t *miss = json_array();
        for (int k = 0; dossier_required[k]; k++) {
            if (!render_form_find(app->render, dossier_required[k]))
                continue;
            bool have = false;
            for (int i = 0; i < ndocs; i++)
                if (strcmp(docs[i].form, dossier_required[k]) == 0)
                    have = true;
            if (!have)
                json_array_append_new(miss, json_string(dossier_required[k]));
        }
        if (json_array_size(miss) > 0) {
            *missing = miss;
            ok = berr_field(err, BERR_UNPROCESSABLE, "documents",
                            "berkas perkara belum lengkap: %zu dokumen wajib belum diterbitkan",
                            json_array_size(miss));
        } else {
            json_decref(miss);
        }
    }
    char date[CALDATE_DATE_LEN];
    struct caldate d;
    struct signer_buf signer;
    if (ok)
        ok = today(&tx, &cf, date, &d, err) && load_signer(&tx, who, &signer, err);
    /* each document is reprinted as it was issued: its data, its signer */
    for (int i = 0; ok && i < ndocs; i++)
        ok = load_signer_id(&tx, docs[i].issued_by, &docs[i].signer, err);
    if (ok) {
        /* cover, contents, lists, every issued document, manifest */
        size_t cap = (size_t)ndocs + 4, n = 0;
        struct render_part *parts = calloc(cap, sizeof *parts);
        struct render_kv(*kvs)[16] = calloc((size_t)ndocs + 1, sizeof *kvs);
        ok = parts && kvs;
        struct render_opts base = {.date = date, .issued = false, .signer = &signer.s};
        if (ok && render_form_find(app->render, PART_COVER))
            parts[n++] =
                (struct render_part){.form = PART_COVER, .hide_in_toc = true, .opts = base};
        if (ok && render_form_find(app->render, PART_TOC))
            parts[n++] = (struct render_part){.form = PART_TOC, .hide_in_toc = true, .opts = base};
        if (ok && render_form_find(app->render, PART_LISTS))
            parts[n++] = (struct render_part){.form = PART_LISTS, .opts = base};
        for (int i = 0; ok && i < ndocs; i++) {
            struct render_opts o = base;
            o.date = docs[i].date;
            o.issued = true;
            o.number = docs[i].number;
            o.verify_code = docs[i].code;
            snprintf(docs[i].url, sizeof docs[i].url, "%s/verify/%s", app->public_url,
                     docs[i].code);
            o.verify_url = docs[i].url;
            size_t nkv = 0;
            const char *key;
            json_t *v;
            json_object_foreach(docs[i].params, key, v) if (nkv < 16 && json_is_string(v))
            {
                kvs[i][nkv].name = key;
                kvs[i][nkv].value = json_string_value(v);
                nkv++;
            }
            o.params = kvs[i];
            o.n_params = nkv;
            o.signer = &docs[i].signer.s;
            parts[n++] = (struct render_part){.form = docs[i].form,
                                              .title = docs[i].title,
                                              .sha256 = docs[i].sha,
                                              .opts = o,
                                              .case_xml = docs[i].case_xml,
                                              .case_len = strlen(docs[i].case_xml)};
        }
        if (ok && render_form_find(app->render, PART_MANIFEST))
            parts[n++] = (struct render_part){.form = PART_MANIFEST, .opts = base};
        int pages = 0;
        ok = ok &&
             render_book(app->render, xml, xml_len, parts, n, false, pdf, len, &pages, NULL, err);
        free(parts);
        free(kvs);
        if (ok)
            snprintf(au->detail, sizeof au->detail, "{\"documents\":%d,\"pages\":%d}", ndocs,
                     pages);
    }
    ok = ok && audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    tx_end(&tx);
    if (!ok && *pdf) {
        free(*pdf);
        *pdf = NULL;
    }
    for (int i = 0; docs && i < ndocs; i++) {
        json_decref(docs[i].params);
        free(docs[i].case_xml);
    }
    free(docs);
    free(xml);
    casefile_free(&cf);
    return ok;
}

json_t *app_forms_list(struct app *app, struct berr *err)
{
    if (!app->render) {
        berr_set(err, BERR_UNAVAILABLE, "formulir belum dimuat");
        return NULL;
    }
    size_t n;
    const struct render_form_info *f = render_forms(app->render, &n);
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++) {
        if (f[i].issuer == RENDER_ISSUER_SYSTEM)
            continue;
        json_t *params = json_array();
        for (size_t k = 0; k < f[i].n_params; k++)
            json_array_append_new(
                params, json_pack("{s:s, s:s, s:b}", "name", f[i].params[k].name, "description",
                                  f[i].params[k].description ? f[i].params[k].description : "",
                                  "required", f[i].params[k].required));
        json_array_append_new(
            items,
            json_pack("{s:s, s:s, s:s, s:s, s:b, s:s, s:o}", "name", f[i].name, "title", f[i].title,
                      "code", f[i].code ? f[i].code : "", "issuer",
                      f[i].issuer == RENDER_ISSUER_PROSECUTOR ? "prosecutor" : "investigator",
                      "pro_justitia", f[i].pro_justitia, "page", f[i].page ? f[i].page : "A4",
                      "params", params));
    }
    return json_pack("{s:o}", "items", items);
}
