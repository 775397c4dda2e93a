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
 */
#include <qpdf/qpdf-c.h>
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

/* Insert i's pages read into *src (the caller cleans it up) and put in
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
