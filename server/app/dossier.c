/*
 * dossier.c - the berkas perkara in one PDF.
 *
 * The investigator's file in legal order (Permenkumham 1/2023 Pasal 48,
 * DOMAIN.md 12): sampul with the case number, daftar isi naming each part's
 * number, date and page, then the Resume, the Laporan, the Berita Acara, the
 * orders and letters, each uploaded paper of an act in its act's place and
 * each signed scan right after the document it is the scan of, the lists of
 * witnesses, suspects and evidence, and a manifest with every part's
 * SHA-256.  The prosecutor's P-forms, BA Tahap II and the papers of the
 * prosecutor's acts are not part of the investigator's file.
 *
 * Every issued document is reprinted from what it was issued with: its case
 * XML, its act, its signer snapshot (never today's users row).  Uploaded
 * PDFs cannot be drawn by libharu: the book reserves blank pages for them,
 * counted in "Halaman X dari Y" and the daftar isi, and libqpdf puts the
 * upload's own pages there (render_pdf_bind).
 *
 * What of an upload enters the book: its pages, each with what it reaches
 * (resources, contents, annotations), never its catalog - no document-level
 * /OpenAction, /Names (scripts, embedded files) or /AcroForm of an upload is
 * copied.  An upload with active content is refused when it comes in
 * (render_pdf_check, issue 22); one stored before that check (app.uploads.checked,
 * sql/0052) is checked again here, and one that fails is left out: its sheet
 * says so and what was found, and asks for a clean scan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "casefile.h"
#include "casexml.h"
#include "core/event.h"
#include "forms.h"
#include "render/render.h"
#include "render_swap.h"
#include "signers.h"
#include "store/documents.h"
#include "store/tx.h"
#include "uploads.h"
#include "dossier.h"

/* The generated parts of the dossier, by template name. */
#define PART_COVER    "sampul"
#define PART_TOC      "daftar_isi"
#define PART_LISTS    "daftar_pihak"
#define PART_MANIFEST "manifest"
#define PART_UPLOAD   "lampiran"

/* One part from the case: an issued document or an upload. */
struct source {
    bool upload;
    char form[64], title[201], number[161], date[CALDATE_DATE_LEN], code[13], sha[65];
    char url[320], act[40], act_time[8], pages_text[16];
    json_t *params;
    long long issued_by, id;
    char *case_xml; /* a document: the data it was issued from */
    struct signer_buf signer;
    bool has_signer, late;
    char entered_on[CALDATE_DATE_LEN]; /* late: the day it was issued */
    int order, row, pages;
    unsigned char *pdf; /* an upload's bytes */
    size_t pdf_len;
    char withheld[512]; /* an upload left out: what its check found; "" bound */
};

struct sources {
    struct source *v;
    int n, cap;
};

static struct source *source_add(struct sources *s)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        struct source *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v)
            return NULL;
        s->v = v;
        s->cap = cap;
    }
    struct source *x = &s->v[s->n++];
    memset(x, 0, sizeof *x);
    return x;
}

static void sources_free(struct sources *s)
{
    for (int i = 0; i < s->n; i++) {
        json_decref(s->v[i].params);
        free(s->v[i].case_xml);
        free(s->v[i].pdf);
    }
    free(s->v);
}

/* Legal order, then the acts' dates, then the order they were made in. */
static int by_order(const void *a, const void *b)
{
    const struct source *x = a, *y = b;
    if (x->order != y->order)
        return (x->order > y->order) - (x->order < y->order);
    int c = strcmp(x->date, y->date);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

static void document_from_row(struct source *d, const struct store_issued *r, int row,
                              const struct tzone *zone)
{
    snprintf(d->form, sizeof d->form, "%s", r->form);
    snprintf(d->title, sizeof d->title, "%s", r->title);
    snprintf(d->number, sizeof d->number, "%s", r->number);
    snprintf(d->date, sizeof d->date, "%s", r->issued_on);
    snprintf(d->code, sizeof d->code, "%s", r->verify_code);
    snprintf(d->sha, sizeof d->sha, "%s", r->sha256_hex);
    d->params = json_loads(r->params, 0, NULL);
    d->issued_by = r->issued_by;
    d->case_xml = strdup(r->case_xml);
    json_t *sj = json_loads(r->signer, 0, NULL);
    d->has_signer = signer_from_json(sj, &d->signer);
    json_decref(sj);
    /* its act, as it was issued for it */
    if (r->act_seq > 0)
        snprintf(d->act, sizeof d->act, "peristiwa-%d", r->act_seq);
    forms_act_time(r->act_at, zone, d->act_time);
    d->late = r->late;
    caldate_format(caldate_local_date(r->issued_at, zone), d->entered_on, sizeof d->entered_on);
    d->id = r->id;
    d->order = forms_dossier_order(d->form);
    d->row = 2 * row;
}

/* The issued documents that belong in the investigator's file. */
static bool documents_load(struct tx *tx, const struct casefile *cf, struct sources *s,
                           struct berr *err)
{
    struct store_issued_list l;
    if (!store_issued_of_case(tx, cf->id, &l, err))
        return false;
    bool ok = true;
    for (int row = 0; ok && row < l.n; row++) {
        if (forms_dossier_order(l.items[row].form) < 0)
            continue; /* the prosecutor's P-forms, BA Tahap II */
        struct source *d = source_add(s);
        ok = d != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
        if (ok) {
            document_from_row(d, &l.items[row], row, cf->zone);
            ok = d->case_xml != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
        }
    }
    store_issued_list_free(&l);
    return ok;
}

/* Where an upload goes: after the document it is the scan of, or in its
 * act's place; -1 for the papers of the prosecutor's own acts. */
static int upload_order(const struct sources *s, const char *type, long long doc_id, int *row)
{
    if (doc_id) {
        for (int i = 0; i < s->n; i++)
            if (!s->v[i].upload && s->v[i].id == doc_id) {
                *row = s->v[i].row + 1;
                return s->v[i].order;
            }
        return -1; /* a scan of a document not bound (a P-form) */
    }
    enum event ev;
    if (!event_lookup(type, &ev) || !event_recordable_by(ev, ACTOR_INVESTIGATOR))
        return -1;
    *row = 1 << 20;
    return forms_act_order(type);
}

/* An upload's bytes; one stored before the active-content check that fails it now is left
 * out, its sheet saying what was found (reviewer's finding 8: nothing with active content leaves
 * the server as if it were clean). */
static bool upload_bytes(struct tx *tx, struct source *u, struct berr *err)
{
    bool found = false;
    struct store_upload_blob b;
    if (!store_upload_pdf(tx, u->id, &b, &found, err))
        return false;
    if (!found)
        return berr_set(err, BERR_INTERNAL, "lampiran %lld hilang", u->id);
    struct berr why = {0};
    if (app_upload_passes(&b, &why)) {
        u->pdf = b.pdf;
        u->pdf_len = b.len;
        return true;
    }
    free(b.pdf);
    if (why.kind == BERR_INTERNAL) {
        *err = why;
        return false;
    }
    snprintf(u->withheld, sizeof u->withheld, "%s", why.message);
    u->pages = 0;
    snprintf(u->pages_text, sizeof u->pages_text, "0");
    return true;
}

/* An upload's source from its row, in its place. */
static bool upload_from_row(struct source *u, const struct store_upload *r, int order, int row,
                            struct berr *err)
{
    u->upload = true;
    u->id = r->id;
    snprintf(u->form, sizeof u->form, PART_UPLOAD);
    snprintf(u->title, sizeof u->title, "%s", r->title);
    snprintf(u->number, sizeof u->number, "%s", r->number);
    snprintf(u->date, sizeof u->date, "%s", r->dated);
    snprintf(u->sha, sizeof u->sha, "%s", r->sha256_hex);
    u->pages = r->pages;
    snprintf(u->pages_text, sizeof u->pages_text, "%d", u->pages);
    u->order = order;
    u->row = row;
    return u->pages > 0 || berr_set(err, BERR_INTERNAL, "lampiran tanpa jumlah halaman");
}

/* The uploads of the investigator's acts and of the documents bound. */
static bool uploads_load(struct tx *tx, long long case_id, struct sources *s, struct berr *err)
{
    struct store_uploads l;
    if (!store_uploads_of_case(tx, case_id, &l, err))
        return false;
    bool ok = true;
    for (int row = 0; ok && row < l.n; row++) {
        int at = 0, order = upload_order(s, l.items[row].act_type, l.items[row].document_id, &at);
        if (order < 0)
            continue;
        struct source *u = source_add(s);
        ok = u != NULL || berr_set(err, BERR_INTERNAL, "out of memory");
        ok = ok && upload_from_row(u, &l.items[row], order, at + row, err);
    }
    store_uploads_free(&l);
    for (int i = 0; ok && i < s->n; i++)
        if (s->v[i].upload)
            ok = upload_bytes(tx, &s->v[i], err);
    return ok;
}

/* A document's part: reprinted as issued (its data, act, signer, number). */
static struct render_part document_part(struct app *app, struct source *d,
                                        const struct render_opts *base, struct render_kv *kv)
{
    struct render_opts o = *base;
    o.date = d->date;
    o.issued = true;
    o.number = d->number;
    o.verify_code = d->code;
    snprintf(d->url, sizeof d->url, "%s/verify/%s", app->public_url, d->code);
    o.verify_url = d->url;
    size_t nkv = 0;
    const char *key;
    json_t *v;
    json_object_foreach(d->params, key, v)
    {
        if (nkv < 16 && json_is_string(v)) {
            kv[nkv].name = key;
            kv[nkv].value = json_string_value(v);
            nkv++;
        }
    }
    o.params = kv;
    o.n_params = nkv;
    o.signer = &d->signer.s;
    o.act = d->act;
    o.act_time = d->act_time;
    o.late = d->late;
    o.entered_on = d->entered_on;
    return (struct render_part){.form = d->form,
                                .title = d->title,
                                .sha256 = d->sha,
                                .opts = o,
                                .case_xml = d->case_xml,
                                .case_len = strlen(d->case_xml)};
}

/* An upload's part: a sheet naming it, then blank pages its own take. */
static struct render_part upload_part(struct source *u, const struct render_opts *base,
                                      struct render_kv *kv)
{
    struct render_opts o = *base;
    o.date = u->date;
    o.number = u->number;
    kv[0] = (struct render_kv){"title", u->title};
    kv[1] = (struct render_kv){"number", u->number};
    kv[2] = (struct render_kv){"dated", u->date};
    kv[3] = (struct render_kv){"pages", u->pages_text};
    kv[4] = (struct render_kv){"sha256", u->sha};
    kv[5] = (struct render_kv){"withheld", u->withheld};
    o.params = kv;
    o.n_params = 6;
    return (struct render_part){.form = PART_UPLOAD,
                                .title = u->title,
                                .sha256 = u->sha,
                                .opts = o,
                                .blank_pages = u->pages};
}

/* base without its parameters: for the generated parts that take none (the
 * cover and the lists take $konsep). */
static struct render_opts bare(const struct render_opts *base)
{
    struct render_opts o = *base;
    o.params = NULL;
    o.n_params = 0;
    return o;
}

/* Lay the book out, then put each upload's pages in its places. */
static bool book_render(struct app *app, const char *xml, size_t xml_len, struct sources *s,
                        const struct render_opts *base, unsigned char **pdf, size_t *len,
                        int *pages, struct berr *err)
{
    size_t n = 0, cap = (size_t)s->n + 4;
    struct render_part *parts = calloc(cap, sizeof *parts);
    struct render_kv(*kvs)[16] = calloc((size_t)s->n + 1, sizeof *kvs);
    int *first = calloc(cap, sizeof *first), *at = calloc((size_t)s->n + 1, sizeof *at);
    struct render_insert *ins = calloc((size_t)s->n + 1, sizeof *ins);
    bool ok = (parts && kvs && first && at && ins) || berr_set(err, BERR_INTERNAL, "out of memory");
    const struct render_engine *e = app_render(app);
    if (ok && render_form_find(e, PART_COVER))
        parts[n++] = (struct render_part){.form = PART_COVER, .hide_in_toc = true, .opts = *base};
    if (ok && render_form_find(e, PART_TOC))
        parts[n++] =
            (struct render_part){.form = PART_TOC, .hide_in_toc = true, .opts = bare(base)};
    for (int i = 0; ok && i < s->n; i++) {
        at[i] = (int)n;
        parts[n++] = s->v[i].upload ? upload_part(&s->v[i], base, kvs[i])
                                    : document_part(app, &s->v[i], base, kvs[i]);
    }
    /* the lists of witnesses, suspects and evidence close the file */
    if (ok && render_form_find(e, PART_LISTS))
        parts[n++] = (struct render_part){.form = PART_LISTS, .opts = *base};
    if (ok && render_form_find(e, PART_MANIFEST))
        parts[n++] = (struct render_part){.form = PART_MANIFEST, .opts = bare(base)};
    unsigned char *book = NULL;
    size_t book_len = 0;
    ok = ok && render_book(e, xml, xml_len, parts, n, false, &book, &book_len, pages, first, err);
    size_t nins = 0;
    for (int i = 0; ok && i < s->n; i++)
        if (s->v[i].upload && !s->v[i].withheld[0]) /* its placeholders end where the next
                                                       part begins */
            ins[nins++] = (struct render_insert){.first_page = first[at[i] + 1] - s->v[i].pages,
                                                 .pages = s->v[i].pages,
                                                 .pdf = s->v[i].pdf,
                                                 .len = s->v[i].pdf_len};
    if (ok && nins > 0) {
        ok = render_pdf_bind(book, book_len, ins, nins, pdf, len, err);
        free(book);
    } else if (ok) {
        *pdf = book;
        *len = book_len;
    }
    free(parts);
    free(kvs);
    free(first);
    free(at);
    free(ins);
    return ok;
}

/* The berkas perkara's own date (cover, lists): a paper is its act's, never
 * the printing day's (DOMAIN.md 12).  The file is dated the day it was last
 * sent to the Penuntut Umum (Tahap I, or sent back after a P-19) unless it
 * came back after that (a P-19, a return letter, the file received back, a
 * lapse): *sent true and out that day, the same text whatever day it is
 * printed.  Otherwise it is a draft (konsep) of the next sending: *sent false
 * and out today, for the letterhead in force only; the papers print no
 * date and say KONSEP, *came_back true when it was sent before and came back.
 * Acts by their date, then in the order recorded; corrections applied,
 * withdrawn acts left out. */
static void dossier_date(const struct casefile *cf, char out[CALDATE_DATE_LEN], bool *sent,
                         bool *came_back)
{
    struct caldate last = {0}, at;
    *sent = false;
    for (int i = 0; i < cf->nevents; i++) {
        struct case_event e;
        if (!evlog_effective(cf->ev, cf->nevents, i, &e))
            continue;
        bool send = e.event == EV_TAHAP1_SENT || e.event == EV_RESUBMITTED;
        bool back = e.event == EV_P19_RECEIVED || e.event == EV_RETURN_LETTER_RECEIVED ||
                    e.event == EV_RETURNED_FILE_RECEIVED || e.event == EV_LAPSED;
        at = evlog_date(&e, cf->zone);
        if ((send || back) && (!last.y || caldate_cmp(at, last) >= 0)) {
            last = at;
            *sent = send;
        }
    }
    *came_back = !*sent && last.y; /* only a sending is ever followed by a coming back */
    caldate_format(*sent ? last : caldate_local_date(cf->now, cf->zone), out, CALDATE_DATE_LEN);
}

/* Everything the book is made of, in legal order: the case, its XML, the
 * documents (each with the signer stored with it) and the uploads, and the
 * reader as the signer of the generated parts.  *missing lists what the
 * file still lacks (forms_dossier_complete). */
/* A file that ended in prapenyidikan - diverted to administrative action (TAK) or dismissed -
 * was never investigated: no Surat Perintah Penyidikan stands in its log, so there is no berkas
 * perkara to bind (KUHAP 1 angka 2, 8(1), 75: the file holds the investigation's papers), and
 * listing the Sprindik, SPDP, BAP and Resume as "missing" would tell the user to make papers of
 * an investigation that never was.  409 saying so; false (err set) for such a file. */
static bool investigated(const struct casefile *cf, struct berr *err)
{
    if (cf->stage != ST_ADMINISTRATIVE && cf->stage != ST_DISMISSED)
        return true;
    struct case_event e;
    for (int i = 0; i < cf->nevents; i++)
        if (cf->ev[i].event == EV_SPRINDIK_ISSUED && evlog_effective(cf->ev, cf->nevents, i, &e))
            return true;
    return berr_set(err, BERR_CONFLICT,
                    "Berkas perkara tidak disusun: perkara ini berakhir pada prapenyidikan (%s) "
                    "tanpa Surat Perintah Penyidikan, jadi tidak ada penyidikan yang dibukukan "
                    "(KUHAP 8 ayat (1), 75); dokumen yang telah diterbitkan dapat diunduh satu "
                    "per satu",
                    stage_label(cf->stage));
}

static bool dossier_gather(struct app *app, struct tx *tx, const struct actor *who,
                           long long case_id, struct casefile *cf, struct sources *s, char **xml,
                           size_t *xml_len, struct signer_buf *signer, json_t **missing,
                           struct berr *err)
{
    bool ok = casefile_load(tx, who, case_id, false, cf, err) && investigated(cf, err) &&
              forms_dossier_complete(app, tx, cf, missing, err) &&
              casexml_build(tx, who, case_id, xml, xml_len, err) &&
              documents_load(tx, cf, s, err) && uploads_load(tx, case_id, s, err) &&
              signer_load_user(tx, who->user_id, signer, err);
    if (ok)
        qsort(s->v, (size_t)s->n, sizeof *s->v, by_order);
    /* each document is reprinted with the signer stored with it */
    for (int i = 0; ok && i < s->n; i++)
        if (!s->v[i].upload && !s->v[i].has_signer) /* issued before 0007 */
            ok = signer_load_user(tx, s->v[i].issued_by, &s->v[i].signer, err);
        else if (!s->v[i].upload) /* qsort moved it: its view points elsewhere */
            signer_link(&s->v[i].signer);
    return ok;
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
    struct tx tx; /* one snapshot: the case document and the papers are of one instant */
    if (!tx_begin_read(&tx, app->db, who->user_id, err))
        return false;
    struct casefile cf = {0};
    struct sources s = {0};
    char *xml = NULL, date[CALDATE_DATE_LEN];
    size_t xml_len = 0;
    struct signer_buf signer;
    bool ok =
        dossier_gather(app, &tx, who, case_id, &cf, &s, &xml, &xml_len, &signer, missing, err);
    int pages = 0;
    if (ok) {
        bool sent, back;
        dossier_date(&cf, date, &sent, &back);
        /* the generated parts' parameter: the file is a draft of its sending,
         * or of its sending again after it came back */
        const struct render_kv konsep = {"konsep", sent ? "" : back ? "kembali" : "ya"};
        struct render_opts base = {
            .date = date, .issued = false, .signer = &signer.s, .params = &konsep, .n_params = 1};
        ok = book_render(app, xml, xml_len, &s, &base, pdf, len, &pages, err);
    }
    if (ok) {
        snprintf(au->detail, sizeof au->detail, "{\"parts\":%d,\"pages\":%d}", s.n, pages);
        ok = audit_ok(&tx, who, au, err) && tx_commit(&tx, err);
    }
    tx_end(&tx);
    if (!ok && *pdf) {
        free(*pdf);
        *pdf = NULL;
    }
    sources_free(&s);
    free(xml);
    casefile_free(&cf);
    return ok;
}
