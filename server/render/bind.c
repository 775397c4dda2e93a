/*
 * bind.c - PDF pages from outside berkas: checking an uploaded PDF and
 * binding its pages into a berkas perkara.
 *
 * libharu writes PDFs but cannot import a page of another one, so the book
 * is laid out with a sheet and blank placeholder pages where an upload goes
 * (its pages are counted in the daftar isi and in "Halaman X dari Y"), and
 * libqpdf (Debian's libqpdf, a PDF-to-PDF library) then puts the upload's
 * own pages in place of the placeholders, content untouched.  An upload is
 * read by qpdf only after its first bytes say it is a PDF; an encrypted or
 * unreadable one is refused, so what is stored is always a PDF qpdf can
 * bind later.
 *
 * No active content (issue 22): the berkas perkara is a state paper the
 * prosecutor and the court open, often in Acrobat, which runs what a PDF
 * asks when it is opened or a page shows.  render_pdf_check walks every
 * object reachable from the trailer (qpdf resolves references, objects in
 * object streams included; no PDF is parsed here) and refuses one that holds
 * - anywhere: the keys /JS, /JavaScript (also a /Names tree of scripts), /AA
 *   (actions run when a page opens, a field is touched, the file closes),
 *   /XFA, /EmbeddedFiles, /EF, /RichMediaContent;
 * - an action (/S) that runs code, sends, fetches or starts something:
 *   /JavaScript, /Launch, /SubmitForm, /ImportData, /GoToR, /GoToE,
 *   /GoTo3DView, /RichMediaExecute, /Rendition, /Movie, /Sound;
 * - an object (/Type, /Subtype) that carries a file or a player:
 *   /EmbeddedFile, /FileAttachment, /RichMedia, /Screen, /Movie, /Sound, /3D;
 * - an /OpenAction other than a destination (an array) or a plain /GoTo:
 *   opening on a page is what a viewer does anyway, anything else runs
 *   unasked.
 * A link's /URI (and a /GoTo or /Named one) stays: it does nothing until the
 * reader clicks it, and the viewer asks before it leaves the file; as an
 * /OpenAction or under /AA it is refused with them.
 */
#include <qpdf/qpdf-c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

#define PAGES_MAX 2000

static bool qpdf_failed(qpdf_data q, struct berr *err, enum berr_kind kind, const char *what)
{
    qpdf_error e = qpdf_has_error(q) ? qpdf_get_error(q) : NULL;
    const char *why = e ? qpdf_get_error_full_text(q, e) : "unknown";
    return berr_set(err, kind, "%s: %.200s", what, why ? why : "unknown");
}

/* The content says PDF: "%PDF-" first (no name or header is trusted), and
 * an end-of-file marker in the last kilobyte (a truncated upload is not). */
static bool looks_like_pdf(const unsigned char *p, size_t len)
{
    if (len < 16 || memcmp(p, "%PDF-", 5) != 0)
        return false;
    size_t tail = len > 1024 ? 1024 : len;
    for (size_t i = len - tail; i + 5 <= len; i++)
        if (memcmp(p + i, "%%EOF", 5) == 0)
            return true;
    return false;
}

/* ---- active content ------------------------------------------------------------------- */

#define FOUND_MAX 6

/* Keys that make a PDF act of its own wherever they stand. */
static const char *const active_keys[] = {
    "/JS", "/JavaScript", "/AA", "/XFA", "/EmbeddedFiles", "/EF", "/RichMediaContent", NULL};
/* Action types (/S) that run code, send, fetch or start something. */
static const char *const active_actions[] = {
    "/JavaScript", "/Launch",           "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
    "/GoTo3DView", "/RichMediaExecute", "/Rendition",  "/Movie",      "/Sound", NULL};
/* Objects (/Type, /Subtype) that carry a file or a player. */
static const char *const active_kinds[] = {
    "/EmbeddedFile", "/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D", NULL};

/* One object waiting to be walked, and how deep it sits inside the indirect object that holds
 * it (0: it is one). */
struct pending {
    qpdf_oh oh;
    unsigned depth;
};

struct scan {
    qpdf_data q;
    struct pending *stack;
    size_t n, cap;
    uint64_t *seen; /* indirect objects walked (id, generation): open addressing, 0 empty */
    size_t nseen, seencap;
    long visited; /* dictionaries, arrays and streams walked */
    char found[FOUND_MAX][48];
    int nfound;
    bool oom;
    enum { UNDER, OVER_DEPTH, OVER_PENDING, OVER_OBJECTS } over; /* the cap gone past */
};

static bool listed(const char *const *list, const char *name)
{
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

static void note(struct scan *s, const char *what)
{
    for (int i = 0; i < s->nfound; i++)
        if (strcmp(s->found[i], what) == 0)
            return;
    if (s->nfound < FOUND_MAX)
        snprintf(s->found[s->nfound++], sizeof s->found[0], "%s", what);
}

/* oh to be walked, unless there is nothing in it to walk: a number, a string, a name (the
 * names that matter are read where they stand, scan_key), null.  The caller's depth + 1, or 0
 * for an indirect object. */
static void push(struct scan *s, qpdf_oh oh, unsigned depth)
{
    bool indirect = qpdf_oh_is_indirect(s->q, oh);
    enum qpdf_object_type_e t = indirect ? ot_reserved : qpdf_oh_get_type_code(s->q, oh);
    if (!indirect && t != ot_dictionary && t != ot_array && t != ot_stream) {
        qpdf_oh_release(s->q, oh);
        return;
    }
    depth = indirect ? 0 : depth;
    if (depth > RENDER_PDF_CHECK_MAX_DEPTH)
        s->over = OVER_DEPTH;
    else if (s->n >= RENDER_PDF_CHECK_MAX_PENDING)
        s->over = OVER_PENDING;
    if (s->over) {
        qpdf_oh_release(s->q, oh);
        return;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        struct pending *v = realloc(s->stack, cap * sizeof *v);
        if (!v) {
            s->oom = true;
            qpdf_oh_release(s->q, oh);
            return;
        }
        s->stack = v;
        s->cap = cap;
    }
    s->stack[s->n++] = (struct pending){oh, depth};
}

static bool seen_insert(uint64_t *tab, size_t cap, uint64_t key)
{
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
    while (tab[i] && tab[i] != key)
        i = (i + 1) & (cap - 1);
    if (tab[i])
        return false;
    tab[i] = key;
    return true;
}

/* Whether the indirect object (id, gen) is walked for the first time. */
static bool first_visit(struct scan *s, int id, int gen)
{
    if (2 * (s->nseen + 1) > s->seencap) {
        size_t cap = s->seencap ? s->seencap * 2 : 1024;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t)
            return !(s->oom = true);
        for (size_t i = 0; i < s->seencap; i++)
            if (s->seen[i])
                seen_insert(t, cap, s->seen[i]);
        free(s->seen);
        s->seen = t;
        s->seencap = cap;
    }
    uint64_t key = ((uint64_t)(uint32_t)id << 20 | (uint32_t)(gen & 0xFFFFF)) + 1;
    bool fresh = seen_insert(s->seen, s->seencap, key);
    s->nseen += fresh;
    return fresh;
}

/* An /OpenAction that only opens the file at a place: a destination or a plain /GoTo - one
 * chaining no further action (/Next: a /URI, /Named Print, /Hide... would run unasked too). */
static bool opens_at_a_place(qpdf_data q, qpdf_oh v)
{
    if (qpdf_oh_is_array(q, v))
        return true;
    qpdf_oh kind = qpdf_oh_get_key_if_dict(q, v, "/S");
    bool go = qpdf_oh_is_name_and_equals(q, kind, "/GoTo") && !qpdf_oh_has_key(q, v, "/Next");
    qpdf_oh_release(q, kind);
    return go;
}

/* One key of a dictionary and its value (pushed to be walked in turn). */
static void scan_key(struct scan *s, const char *key, qpdf_oh v, unsigned depth)
{
    if (listed(active_keys, key))
        note(s, key);
    if (strcmp(key, "/OpenAction") == 0 && !opens_at_a_place(s->q, v))
        note(s, key);
    bool action = strcmp(key, "/S") == 0;
    if ((action || strcmp(key, "/Type") == 0 || strcmp(key, "/Subtype") == 0) &&
        qpdf_oh_is_name(s->q, v)) {
        char name[48];
        snprintf(name, sizeof name, "%s", qpdf_oh_get_name(s->q, v));
        if (listed(action ? active_actions : active_kinds, name))
            note(s, name);
    }
    push(s, v, depth + 1);
}

/* Each key of d and its value; no other dictionary is iterated meanwhile (qpdf's C API iterates
 * one at a time, and a key's text lasts until the next key is asked for). */
static void scan_dict(struct scan *s, qpdf_oh d, unsigned depth)
{
    qpdf_oh_begin_dict_key_iter(s->q, d);
    while (!s->oom && !s->over && qpdf_oh_dict_more_keys(s->q)) {
        const char *key = qpdf_oh_dict_next_key(s->q);
        scan_key(s, key, qpdf_oh_get_key(s->q, d, key), depth);
    }
}

/* One object off the stack: its dictionary's keys, its array's items. */
static void scan_one(struct scan *s, struct pending p)
{
    if (qpdf_oh_is_indirect(s->q, p.oh) &&
        !first_visit(s, qpdf_oh_get_object_id(s->q, p.oh), qpdf_oh_get_generation(s->q, p.oh)))
        return;
    enum qpdf_object_type_e t = qpdf_oh_get_type_code(s->q, p.oh);
    if (t != ot_dictionary && t != ot_stream && t != ot_array)
        return; /* an indirect number, string... */
    if (++s->visited > RENDER_PDF_CHECK_MAX_OBJECTS) {
        s->over = OVER_OBJECTS;
        return;
    }
    if (t == ot_dictionary) {
        scan_dict(s, p.oh, p.depth);
    } else if (t == ot_stream) {
        qpdf_oh d = qpdf_oh_get_dict(s->q, p.oh);
        scan_dict(s, d, p.depth);
        qpdf_oh_release(s->q, d);
    } else {
        int n = qpdf_oh_get_array_n_items(s->q, p.oh);
        for (int i = 0; i < n && !s->oom && !s->over; i++)
            push(s, qpdf_oh_get_array_item(s->q, p.oh, i), p.depth + 1);
    }
}

/* The refusal of a PDF past one of the walk's caps (render.h). */
static bool over_cap(const struct scan *s, struct berr *err)
{
    char what[120];
    if (s->over == OVER_DEPTH)
        snprintf(what, sizeof what, "larik/kamus bersarang lebih dari %d tingkat",
                 RENDER_PDF_CHECK_MAX_DEPTH);
    else if (s->over == OVER_PENDING)
        snprintf(what, sizeof what, "lebih dari %d objek menunggu diperiksa sekaligus",
                 RENDER_PDF_CHECK_MAX_PENDING);
    else
        snprintf(what, sizeof what, "lebih dari %d objek", RENDER_PDF_CHECK_MAX_OBJECTS);
    return berr_field(err, BERR_UNPROCESSABLE, "file",
                      "PDF terlalu rumit untuk diperiksa isinya (%s; batas pemeriksaan isi "
                      "aktif): unggah hasil pindai biasa - satu gambar per halaman - atau "
                      "pisahkan dokumennya",
                      what);
}

/* Walk everything reachable from the trailer; s->found names what acts.  The walk is capped
 * (render.h): a PDF past a cap is refused, BERR_UNPROCESSABLE. */
static bool scan_pdf(qpdf_data q, struct scan *s, struct berr *err)
{
    *s = (struct scan){.q = q};
    push(s, qpdf_get_trailer(q), 0);
    while (s->n > 0 && !s->oom && !s->over) {
        struct pending p = s->stack[--s->n];
        scan_one(s, p);
        qpdf_oh_release(q, p.oh);
    }
    for (size_t i = 0; i < s->n; i++)
        qpdf_oh_release(q, s->stack[i].oh);
    free(s->stack);
    free(s->seen);
    if (s->oom)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    if (s->over)
        return over_cap(s, err);
    if (qpdf_has_error(q))
        return qpdf_failed(q, err, BERR_BAD_INPUT, "PDF tidak dapat dibaca seluruhnya");
    return true;
}

/* The refusal of a PDF that acts of its own (see the head of this file). */
static bool no_active_content(qpdf_data q, struct berr *err)
{
    struct scan s;
    if (!scan_pdf(q, &s, err))
        return false;
    if (s.nfound == 0)
        return true;
    char what[FOUND_MAX * 50] = "";
    for (int i = 0; i < s.nfound; i++)
        snprintf(what + strlen(what), sizeof what - strlen(what), "%s%s", i ? ", " : "",
                 s.found[i]);
    return berr_field(err, BERR_UNPROCESSABLE, "file",
                      "PDF berisi JavaScript/aksi otomatis: %s; berkas perkara tidak menjilid isi "
                      "yang berjalan sendiri: unggah hasil pindai tanpa JavaScript, aksi "
                      "otomatis, formulir XFA atau berkas tersemat",
                      what);
}

bool render_pdf_check(const unsigned char *pdf, size_t len, int *pages, struct berr *err)
{
    *pages = 0;
    if (!looks_like_pdf(pdf, len))
        return berr_field(err, BERR_BAD_INPUT, "file",
                          "berkas yang diunggah bukan PDF (isinya tidak diawali %%PDF- dan "
                          "diakhiri %%%%EOF)");
    qpdf_data q = qpdf_init();
    if (!q)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    qpdf_silence_errors(q);
    bool ok = true;
    if (qpdf_read_memory(q, "upload.pdf", (const char *)pdf, len, "") & QPDF_ERRORS)
        ok = qpdf_failed(q, err, BERR_BAD_INPUT, "PDF tidak dapat dibaca");
    else if (qpdf_is_encrypted(q))
        ok = berr_field(err, BERR_BAD_INPUT, "file",
                        "PDF terenkripsi tidak dapat dijilid ke berkas perkara: unggah salinan "
                        "tanpa kata sandi");
    else {
        int n = qpdf_get_num_pages(q);
        if (n < 1 || n > PAGES_MAX)
            ok = berr_field(err, BERR_BAD_INPUT, "file", "PDF harus 1 sampai %d halaman, bukan %d",
                            PAGES_MAX, n);
        else
            ok = no_active_content(q, err);
        if (ok)
            *pages = n;
    }
    qpdf_cleanup(&q);
    return ok;
}

/* The handles of the placeholder pages of every insert, in order (page
 * indices move as pages go in, handles do not); NULL (err set) when one is
 * outside the book or memory is short. */
static qpdf_oh *placeholders(qpdf_data q, const struct render_insert *ins, size_t n,
                             struct berr *err)
{
    int total = qpdf_get_num_pages(q);
    size_t nph = 0;
    for (size_t i = 0; i < n; i++)
        nph += (size_t)ins[i].pages;
    qpdf_oh *ph = calloc(nph + 1, sizeof *ph);
    if (!ph) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    for (size_t i = 0, k = 0; i < n; i++)
        for (int p = 0; p < ins[i].pages; p++, k++) {
            int at = ins[i].first_page - 1 + p;
            if (at < 0 || at >= total) {
                berr_set(err, BERR_INTERNAL, "lampiran %zu: halaman %d di luar berkas", i, at + 1);
                free(ph);
                return NULL;
            }
            ph[k] = qpdf_get_page_n(q, (size_t)at);
        }
    return ph;
}

/* What a page brings along: qpdf_add_page_at copies the page object and what
 * it reaches (its resources, contents, annotations and their actions) but
 * not its /Parent, so nothing of the upload's catalog - its /OpenAction,
 * /Names (scripts, embedded files), /AcroForm - ever enters the book.  A
 * page's own actions would: so only an upload that passed render_pdf_check
 * is bound - when it came in, or, stored before that check, again by the
 * dossier, which leaves out one that fails (app/dossier.c).
 *
 * Insert i's pages read into *src (the caller cleans it up) and put in
 * place of its placeholders ph, which go. */
static bool bind_insert(qpdf_data q, qpdf_data *src, const struct render_insert *in, size_t i,
                        const qpdf_oh *ph, struct berr *err)
{
    *src = qpdf_init();
    if (!*src)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    qpdf_set_suppress_warnings(*src, QPDF_TRUE);
    if (qpdf_read_memory(*src, "lampiran.pdf", (const char *)in->pdf, in->len, "") & QPDF_ERRORS)
        return qpdf_failed(*src, err, BERR_INTERNAL, "lampiran");
    if (qpdf_get_num_pages(*src) != in->pages)
        return berr_set(err, BERR_INTERNAL, "lampiran %zu: jumlah halaman berubah", i);
    bool ok = true;
    for (int p = 0; ok && p < in->pages; p++) {
        qpdf_oh page = qpdf_get_page_n(*src, (size_t)p);
        ok = (!(qpdf_add_page_at(q, *src, page, QPDF_TRUE, ph[p]) & QPDF_ERRORS) &&
              !(qpdf_remove_page(q, ph[p]) & QPDF_ERRORS)) ||
             qpdf_failed(q, err, BERR_INTERNAL, "menjilid lampiran");
    }
    return ok;
}

/* The bound book into a malloc'd *out (a deterministic /ID). */
static bool write_book(qpdf_data q, unsigned char **out, size_t *out_len, struct berr *err)
{
    /* the writer's options exist once it is initialised */
    if (qpdf_init_write_memory(q) & QPDF_ERRORS)
        return qpdf_failed(q, err, BERR_INTERNAL, "menulis berkas perkara");
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    if (qpdf_write(q) & QPDF_ERRORS)
        return qpdf_failed(q, err, BERR_INTERNAL, "menulis berkas perkara");
    *out_len = qpdf_get_buffer_length(q);
    *out = malloc(*out_len ? *out_len : 1);
    if (!*out)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    memcpy(*out, qpdf_get_buffer(q), *out_len);
    return true;
}

bool render_pdf_bind(const unsigned char *book, size_t len, const struct render_insert *ins,
                     size_t n, unsigned char **out, size_t *out_len, struct berr *err)
{
    *out = NULL;
    *out_len = 0;
    qpdf_data q = qpdf_init(), *src = calloc(n + 1, sizeof *src);
    if (!q || !src) {
        if (q)
            qpdf_cleanup(&q);
        free(src);
        return berr_set(err, BERR_INTERNAL, "out of memory");
    }
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    bool ok = !(qpdf_read_memory(q, "berkas.pdf", (const char *)book, len, "") & QPDF_ERRORS) ||
              qpdf_failed(q, err, BERR_INTERNAL, "berkas perkara");
    qpdf_oh *ph = ok ? placeholders(q, ins, n, err) : NULL;
    ok = ok && ph;
    for (size_t i = 0, k = 0; ok && i < n; k += (size_t)ins[i].pages, i++)
        ok = bind_insert(q, &src[i], &ins[i], i, ph + k, err);
    ok = ok && write_book(q, out, out_len, err);
    for (size_t i = 0; i < n; i++)
        if (src[i])
            qpdf_cleanup(&src[i]);
    qpdf_cleanup(&q);
    free(src);
    free(ph);
    return ok;
}
