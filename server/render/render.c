/*
 * render.c - the engine (templates and fonts, read-only once open) and the
 * public API of render.h: one form, or a book of parts, to PDF bytes.
 *
 * Per render: parse the case XML (safely, capped), start a libharu
 * document and register the two embedded fonts, lay the form out with
 * libharu's width tables, paginate, draw, save to memory.  Nothing of a
 * render outlives it, and nothing shared is written, so renders run
 * concurrently on berkasd's worker threads.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render_int.h"

#ifndef BERKAS_BUILD_FONT_DIR
#define BERKAS_BUILD_FONT_DIR "fonts"
#endif

#define FONT_REGULAR "BerkasSerif.ttf"
#define FONT_BOLD    "BerkasSerif-Bold.ttf"

struct render_engine {
    char *font_dir;
    char *font_path[2];
    struct form **forms;
    struct render_form_info *infos;
    size_t n_forms;
};

const char *render_default_font_dir(void)
{
    return BERKAS_BUILD_FONT_DIR;
}

const char *render_font_dir(const struct render_engine *e)
{
    return e->font_dir;
}

/* A form and what cites_of added to it. */
static void form_free(struct form *f)
{
    if (f)
        free((char *)f->info.cites);
    tmpl_free(f);
}

void render_close(struct render_engine *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n_forms; i++)
        form_free(e->forms[i]);
    free(e->forms);
    free(e->infos);
    free(e->font_path[0]);
    free(e->font_path[1]);
    free(e->font_dir);
    free(e);
}

static char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static int by_name(const void *a, const void *b)
{
    const struct form *const *x = a, *const *y = b;
    return strcmp((*x)->info.name, (*y)->info.name);
}

/* NAME.xml with NAME of [a-z0-9_-], 1..64 characters */
static bool template_name(const char *file, char *name, size_t n)
{
    size_t l = strlen(file);
    if (l < 5 || l - 4 >= n || l - 4 > 64 || strcmp(file + l - 4, ".xml") != 0)
        return false;
    for (size_t i = 0; i < l - 4; i++) {
        char c = file[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    }
    memcpy(name, file, l - 4);
    name[l - 4] = '\0';
    return true;
}

/* The first needle in buf[0..len), or NULL. */
static const char *text_find(const char *buf, size_t len, const char *needle, size_t nlen)
{
    for (size_t i = 0; nlen <= len && i <= len - nlen; i++)
        if (buf[i] == needle[0] && memcmp(buf + i, needle, nlen) == 0)
            return buf + i;
    return NULL;
}

static bool text_has(const char *buf, size_t len, const char *needle)
{
    return text_find(buf, len, needle, strlen(needle)) != NULL;
}

/* f's info.cites and info.reads from its template's text buf[0..len) (render.h). */
static bool cites_of(struct form *f, const char *buf, size_t len)
{
    static const char key[] = "@kode = '";
    size_t cap = 2, n = 1;
    char *out = malloc(cap);
    if (!out)
        return false;
    out[0] = ' ';
    for (const char *p = buf, *end = buf + len; p && p < end;) {
        const char *k = text_find(p, (size_t)(end - p), key, sizeof key - 1);
        if (!k)
            break;
        k += sizeof key - 1;
        const char *q = memchr(k, '\'', (size_t)(end - k));
        if (!q)
            break;
        size_t w = (size_t)(q - k);
        char *grown = realloc(out, cap + w + 2);
        if (!grown) {
            free(out);
            return false;
        }
        out = grown;
        cap += w + 2;
        memcpy(out + n, k, w);
        n += w;
        out[n++] = ' ';
        p = q + 1;
    }
    out[n] = '\0';
    f->info.cites = out;
    f->info.reads = (text_has(buf, len, "daftar-tersangka") ? RENDER_READS_SUSPECTS : 0u) |
                    (text_has(buf, len, "daftar-saksi") ? RENDER_READS_WITNESSES : 0u) |
                    (text_has(buf, len, "daftar-ahli") ? RENDER_READS_EXPERTS : 0u) |
                    (text_has(buf, len, "$party") ? RENDER_READS_PARTY : 0u) |
                    (text_has(buf, len, "disita-dari") ? RENDER_READS_SEIZED : 0u) |
                    (text_has(buf, len, "'permit_act'") ? RENDER_READS_PERMIT : 0u);
    return true;
}

static bool load_one(struct render_engine *e, const char *dir, const char *file, void *rng,
                     struct berr *err)
{
    char name[80];
    if (!template_name(file, name, sizeof name))
        return true; /* not a template */
    char *path = path_join(dir, file);
    if (!path)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    char *buf = NULL;
    size_t len = 0;
    struct form *f = NULL;
    if (xmlsafe_read_file(path, TEMPLATE_MAX_BYTES, &buf, &len, err))
        f = tmpl_load(name, path, buf, len, rng, err);
    free(path);
    bool cited = f && cites_of(f, buf, len);
    free(buf);
    if (!f)
        return false;
    if (!cited) {
        form_free(f);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    struct form **v = reallocarray(e->forms, (size_t)e->n_forms + 1, sizeof *v);
    if (!v) {
        form_free(f);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    e->forms = v;
    v[e->n_forms++] = f;
    return true;
}

struct render_engine *render_open(const char *template_dir, const char *font_dir, struct berr *err)
{
    xmlsafe_init();
    struct render_engine *e = calloc(1, sizeof *e);
    if (!e) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    e->font_dir = strdup(font_dir ? font_dir : render_default_font_dir());
    e->font_path[0] = e->font_dir ? path_join(e->font_dir, FONT_REGULAR) : NULL;
    e->font_path[1] = e->font_dir ? path_join(e->font_dir, FONT_BOLD) : NULL;
    if (!e->font_path[0] || !e->font_path[1]) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        goto fail;
    }
    for (int i = 0; i < 2; i++)
        if (access(e->font_path[i], R_OK) != 0) {
            berr_set(err, BERR_INTERNAL, "%s: font missing (build the fonts, or --font-dir)",
                     e->font_path[i]);
            goto fail;
        }
    void *rng = tmpl_schema_load(template_dir, err);
    if (!rng)
        goto fail;
    DIR *d = opendir(template_dir);
    if (!d) {
        tmpl_schema_free(rng);
        berr_set(err, BERR_INTERNAL, "%s: cannot open the template directory", template_dir);
        goto fail;
    }
    bool ok = true;
    struct dirent *de;
    while (ok && (de = readdir(d)) != NULL)
        ok = load_one(e, template_dir, de->d_name, rng, err);
    closedir(d);
    tmpl_schema_free(rng);
    if (!ok)
        goto fail;
    if (e->n_forms == 0) {
        berr_set(err, BERR_INTERNAL, "%s: no templates", template_dir);
        goto fail;
    }
    qsort(e->forms, e->n_forms, sizeof *e->forms, by_name);
    e->infos = calloc(e->n_forms, sizeof *e->infos);
    if (!e->infos) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < e->n_forms; i++)
        e->infos[i] = e->forms[i]->info;
    return e;
fail:
    render_close(e);
    return NULL;
}

const struct render_form_info *render_forms(const struct render_engine *e, size_t *count)
{
    *count = e->n_forms;
    return e->infos;
}

static const struct form *find(const struct render_engine *e, const char *name)
{
    size_t lo = 0, hi = e->n_forms;
    while (name && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(name, e->forms[mid]->info.name);
        if (c == 0)
            return e->forms[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const struct render_form_info *render_form_find(const struct render_engine *e, const char *name)
{
    const struct form *f = find(e, name);
    if (!f)
        return NULL;
    for (size_t i = 0; i < e->n_forms; i++)
        if (e->forms[i] == f)
            return &e->infos[i];
    return NULL;
}

bool render_check_template(const char *template_dir, const char *name, const char *buf, size_t len,
                           struct berr *err)
{
    xmlsafe_init();
    void *rng = tmpl_schema_load(template_dir, err);
    if (!rng)
        return false;
    struct form *f = tmpl_load(name, name, buf, len, rng, err);
    tmpl_schema_free(rng);
    tmpl_free(f);
    return f != NULL;
}

/* ---- rendering ---------------------------------------------------------------------------- */

static bool check_opts(const struct form *f, const struct render_opts *o, struct berr *err)
{
    if (!o || !o->date)
        return berr_field(err, BERR_BAD_INPUT, "date", "tanggal dokumen tidak ada");
    if (o->issued && (!o->number || !*o->number))
        return berr_field(err, BERR_BAD_INPUT, "number", "dokumen terbit tanpa nomor");
    for (size_t k = 0; k < o->n_params; k++) {
        bool known = false;
        for (size_t i = 0; i < f->info.n_params; i++)
            known |= o->params[k].name && strcmp(o->params[k].name, f->params[i].name) == 0;
        if (!known)
            return berr_field(err, BERR_BAD_INPUT, o->params[k].name ? o->params[k].name : "",
                              "formulir %s tidak mengenal parameter %.60s", f->info.name,
                              o->params[k].name ? o->params[k].name : "(null)");
    }
    for (size_t i = 0; i < f->info.n_params; i++) {
        if (!f->params[i].required)
            continue;
        bool given = false;
        for (size_t k = 0; k < o->n_params; k++)
            given |= o->params[k].name && strcmp(o->params[k].name, f->params[i].name) == 0 &&
                     o->params[k].value && *o->params[k].value;
        if (!given)
            return berr_field(err, BERR_BAD_INPUT, f->params[i].name,
                              "formulir %s memerlukan parameter %s", f->info.name,
                              f->params[i].name);
    }
    return true;
}

static struct geom geom_of(const struct form *f)
{
    return (struct geom){f->page_w, f->page_h, f->mt, f->mr, f->mb, f->ml};
}

bool render_form(const struct render_engine *e, const char *form, const char *case_xml,
                 size_t case_len, const struct render_opts *opts, unsigned char **pdf,
                 size_t *pdf_len, int *pages, struct berr *err)
{
    *pdf = NULL;
    *pdf_len = 0;
    const struct form *f = find(e, form);
    if (!f)
        return berr_field(err, BERR_NOT_FOUND, "form", "formulir %.60s tidak dikenal",
                          form ? form : "(null)");
    if (!check_opts(f, opts, err))
        return false;
    xmlDocPtr doc =
        xmlsafe_parse("case.xml", case_xml, case_len, CASE_XML_MAX_BYTES, BERR_BAD_INPUT, err);
    if (!doc)
        return false;
    struct pdfdoc d;
    struct layout L;
    bool ok = pdf_begin(&d, e->font_path[0], e->font_path[1], err);
    if (ok) {
        layout_init(&L, d.font[0], d.font[1]);
        struct build_in in = {.engine = e, .form = f, .opts = opts, .case_doc = doc, .part = 0};
        struct geom g = geom_of(f);
        ok = build_form(&L, &in, err);
        if (ok) {
            lay_paginate(&L, 0, &g, 0, !opts->issued);
            ok = !L.oom || berr_set(err, BERR_INTERNAL, "out of memory");
        }
        ok = ok && pdf_draw(&d, &L, NULL, 0, err) && pdf_finish(&d, pdf, pdf_len, err);
        if (ok && pages)
            *pages = (int)L.n_page;
        layout_free(&L);
    }
    pdf_end(&d);
    xmlFreeDoc(doc);
    return ok;
}

/* ---- books ------------------------------------------------------------------------------- */

static bool part_error(struct berr *err, size_t i, const char *form)
{
    if (err) {
        char msg[sizeof err->message];
        /* a book's parts are counted in hundreds: %u keeps the message in msg */
        snprintf(msg, sizeof msg, "bagian %u (%.40s): %.440s", (unsigned)(i + 1), form ? form : "?",
                 err->message);
        memcpy(err->message, msg, sizeof msg);
    }
    return false;
}

static bool lay_book(const struct render_engine *e, struct layout *L, xmlDocPtr *docs,
                     const struct render_part *parts, size_t n, struct book_entry *book, bool draft,
                     int *first, struct berr *err)
{
    for (size_t i = 0; i < n; i++) {
        const struct form *f = find(e, parts[i].form);
        struct build_in in = {.engine = e,
                              .form = f,
                              .opts = &parts[i].opts,
                              .case_doc = docs[i],
                              .book = book,
                              .n_book = n,
                              .part = (int)i};
        size_t box0 = L->n_box;
        if (!build_form(L, &in, err))
            return part_error(err, i, parts[i].form);
        first[i] = (int)L->n_page + 1;
        struct geom g = geom_of(f);
        lay_paginate(L, box0, &g, (int)i, draft);
        if (parts[i].blank_pages > 0)
            lay_blank_pages(L, &g, (int)i, parts[i].blank_pages);
        if (L->oom)
            return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    return true;
}

/* A book being made: its parts, the daftar isi's entries, each part's title,
 * first page and document (its own, or the case's).  book_free frees what
 * book_alloc and book_docs made. */
struct book {
    const struct render_engine *e;
    const struct render_part *parts;
    size_t n;
    bool draft;
    struct book_entry *entry;
    const char **titles;
    int *first;
    xmlDocPtr doc;   /* the case's */
    xmlDocPtr *docs; /* each part's: doc, or its own */
};

static bool book_alloc(struct book *b, struct berr *err)
{
    b->entry = calloc(b->n, sizeof *b->entry);
    b->first = calloc(b->n, sizeof *b->first);
    b->titles = calloc(b->n, sizeof *b->titles);
    b->docs = calloc(b->n, sizeof *b->docs);
    if (!b->entry || !b->first || !b->titles || !b->docs)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    return true;
}

static void book_free(struct book *b)
{
    for (size_t i = 0; b->docs && i < b->n; i++)
        if (b->docs[i] && b->docs[i] != b->doc)
            xmlFreeDoc(b->docs[i]);
    free(b->docs);
    xmlFreeDoc(b->doc);
    free(b->entry);
    free(b->first);
    free(b->titles);
}

/* Each part's title and daftar isi entry; false (err set) when a part names
 * a form berkas does not know or options its form refuses. */
static bool book_entries(struct book *b, struct berr *err)
{
    for (size_t i = 0; i < b->n; i++) {
        const struct render_part *p = &b->parts[i];
        const struct form *f = find(b->e, p->form);
        if (!f)
            return berr_field(err, BERR_NOT_FOUND, "form", "formulir %.60s tidak dikenal",
                              p->form ? p->form : "(null)");
        if (!check_opts(f, &p->opts, err))
            return part_error(err, i, p->form);
        b->titles[i] = p->title ? p->title : f->info.title;
        b->entry[i] = (struct book_entry){.title = b->titles[i],
                                          .number = p->opts.number,
                                          .date = p->sha256 ? p->opts.date : NULL,
                                          .sha256 = p->sha256,
                                          .in_toc = !p->hide_in_toc};
    }
    return true;
}

/* The case's document, and each part's: its own when it has one. */
static bool book_docs(struct book *b, const char *case_xml, size_t case_len, struct berr *err)
{
    b->doc = xmlsafe_parse("case.xml", case_xml, case_len, CASE_XML_MAX_BYTES, BERR_BAD_INPUT, err);
    if (!b->doc)
        return false;
    for (size_t i = 0; i < b->n; i++) {
        const struct render_part *p = &b->parts[i];
        b->docs[i] = b->doc;
        if (p->case_xml) {
            b->docs[i] = xmlsafe_parse("case.xml", p->case_xml, p->case_len, CASE_XML_MAX_BYTES,
                                       BERR_BAD_INPUT, err);
            if (!b->docs[i])
                return part_error(err, i, p->form);
        }
    }
    return true;
}

/* Lays the book out until the daftar isi prints the pages the parts really
 * start on (twice, unless the daftar isi itself changed length). */
static bool book_lay(struct book *b, const struct pdfdoc *d, struct layout *L, struct berr *err)
{
    bool ok = true;
    for (int pass = 0; ok && pass < 4; pass++) {
        layout_free(L);
        layout_init(L, d->font[0], d->font[1]);
        ok = lay_book(b->e, L, b->docs, b->parts, b->n, b->entry, b->draft, b->first, err);
        bool same = true;
        for (size_t i = 0; ok && i < b->n; i++) {
            same &= b->entry[i].first_page == b->first[i];
            b->entry[i].first_page = b->first[i];
        }
        if (same)
            break;
    }
    return ok;
}

bool render_book(const struct render_engine *e, const char *case_xml, size_t case_len,
                 const struct render_part *parts, size_t n, bool draft, unsigned char **pdf,
                 size_t *pdf_len, int *pages, int *first_pages, struct berr *err)
{
    *pdf = NULL;
    *pdf_len = 0;
    if (n == 0)
        return berr_set(err, BERR_BAD_INPUT, "buku tanpa bagian");
    struct book b = {.e = e, .parts = parts, .n = n, .draft = draft};
    struct pdfdoc d = {0};
    struct layout L;
    memset(&L, 0, sizeof L);
    bool ok = book_alloc(&b, err) && book_entries(&b, err) &&
              book_docs(&b, case_xml, case_len, err) &&
              pdf_begin(&d, e->font_path[0], e->font_path[1], err) && book_lay(&b, &d, &L, err) &&
              pdf_draw(&d, &L, b.titles, n, err) && pdf_finish(&d, pdf, pdf_len, err);
    if (ok && pages)
        *pages = (int)L.n_page;
    if (ok && first_pages)
        memcpy(first_pages, b.first, n * sizeof *b.first);
    layout_free(&L);
    pdf_end(&d);
    book_free(&b);
    return ok;
}
