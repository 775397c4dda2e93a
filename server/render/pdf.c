/*
 * pdf.c - laid-out pages -> a PDF through libharu 2.3.0 (RELIABILITY.md C5).
 *
 * libharu reports errors through a callback; ours only records the first
 * error (no longjmp: it would skip cleanup and cross our frames), and every
 * call's status is checked.  Fonts are the build's decomposed, subset
 * "Berkas Serif" TrueType files, embedded, through the UTF-8 encoder;
 * compression is on for everything.  Per page the order is: the DRAFT
 * watermark, filled shapes (QR modules), stroked lines, then all text in
 * one text object, so no path is ever left unpainted when BeginText comes.
 */
#include <math.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "render_int.h"

#if HPDF_VERSION_ID != 20300
#error                                                                                             \
    "move_text() writes into libharu 2.3.0's page attributes: check hpdf_pages.h for this version"
#endif

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    struct pdfdoc *d = user;
    if (d->error_no == 0) {
        d->error_no = error_no;
        d->detail_no = detail_no;
    }
}

static bool failed(struct pdfdoc *d, HPDF_STATUS st, const char *what, struct berr *err)
{
    if (st == HPDF_OK && d->error_no == 0)
        return false;
    berr_set(err, BERR_INTERNAL, "libharu: %s failed (error 0x%04X, detail %u)", what,
             (unsigned)(d->error_no ? d->error_no : st), (unsigned)d->detail_no);
    return true;
}

#define CK(call, what)                                                                             \
    do {                                                                                           \
        if (failed(d, (call), (what), err))                                                        \
            return false;                                                                          \
    } while (0)

/* libharu 2.3.0 gives a TrueType font under the UTF-8 encoder (hpdf_font_cid.c,
 * HPDF_Type0Font_New: /Encoding /Identity-H) the encoder's code-to-CID CMap as
 * its /ToUnicode (CreateCMap: "1 begincidrange <0000> <FFFF> 0 endcidrange").
 * A ToUnicode CMap maps codes to Unicode with bfchar and bfrange only (ISO
 * 32000-1 9.10.3): poppler says "Invalid 'begincidrange' operator in
 * ToUnicode CMap" for each font of each page it reads (pdftotext, every
 * viewer built on it), on every paper berkas prints, and other readers may
 * drop the map.  The codes libharu writes are the characters' own 16-bit
 * values (its CIDs; CIDToGIDMap takes them to glyphs), so the stream, still
 * the font's own object, is written again as the identity in bfranges: one
 * range per high byte (a bfrange varies only its last byte), the surrogates
 * D800-DFFF left out (layout.c never prints one), at most 100 a block. */
static bool tounicode_identity(struct pdfdoc *d, HPDF_Font font, struct berr *err)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    if (!attr || !attr->cmap_stream || !attr->cmap_stream->stream)
        return berr_set(err, BERR_INTERNAL, "libharu: the font has no ToUnicode stream");
    /* a ToUnicode stream is a CMap of its own: not the encoder's name and system */
    static const char *const keys[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        CK(HPDF_Dict_RemoveElement(attr->cmap_stream, keys[i]), "ToUnicode");
    HPDF_Stream s = attr->cmap_stream->stream;
    HPDF_MemStream_FreeData(s);
    CK(HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                               "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 "
                               ">> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                               "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"),
       "ToUnicode");
    int n = 0;
    for (unsigned hi = 0; hi < 256; hi++) {
        if (hi >= 0xD8 && hi <= 0xDF)
            continue;
        char line[48];
        if (n % 100 == 0) {
            int left = 248 - n; /* 256 high bytes less the 8 of the surrogates */
            snprintf(line, sizeof line, "%s%d beginbfrange\n", n ? "endbfrange\n" : "",
                     left < 100 ? left : 100);
            CK(HPDF_Stream_WriteStr(s, line), "ToUnicode");
        }
        snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
        CK(HPDF_Stream_WriteStr(s, line), "ToUnicode");
        n++;
    }
    CK(HPDF_Stream_WriteStr(s, "endbfrange\nendcmap\nCMapName currentdict /CMap defineresource "
                               "pop\nend\nend\n"),
       "ToUnicode");
    return true;
}

bool pdf_begin(struct pdfdoc *d, const char *regular_path, const char *bold_path, struct berr *err)
{
    memset(d, 0, sizeof *d);
    d->pdf = HPDF_NewEx(on_error, NULL, NULL, 0, d);
    if (!d->pdf)
        return berr_set(err, BERR_INTERNAL, "libharu: out of memory");
    CK(HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL), "SetCompressionMode");
    CK(HPDF_UseUTFEncodings(d->pdf), "UseUTFEncodings");
    CK(HPDF_SetCurrentEncoder(d->pdf, "UTF-8"), "SetCurrentEncoder");
    const char *paths[2] = {regular_path, bold_path};
    for (int i = 0; i < 2; i++) {
        const char *name = HPDF_LoadTTFontFromFile(d->pdf, paths[i], HPDF_TRUE);
        if (!name || d->error_no) {
            failed(d, HPDF_INVALID_FONTDEF_DATA, "loading a font", err);
            return false;
        }
        d->font[i] = HPDF_GetFont(d->pdf, name, "UTF-8");
        if (!d->font[i] || d->error_no) {
            failed(d, HPDF_INVALID_FONTDEF_DATA, "GetFont", err);
            return false;
        }
        if (!tounicode_identity(d, d->font[i], err))
            return false;
    }
    CK(HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "berkas"), "SetInfoAttr");
    CK(HPDF_SetInfoAttr(d->pdf, HPDF_INFO_PRODUCER, "berkas (libharu)"), "SetInfoAttr");
    return true;
}

void pdf_end(struct pdfdoc *d)
{
    if (d->pdf)
        HPDF_Free(d->pdf);
    d->pdf = NULL;
}

static bool draw_watermark(struct pdfdoc *d, HPDF_Page pg, float w, float h, struct berr *err)
{
    const char *text = "DRAFT";
    float size = 110;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(d->font[1], (const HPDF_BYTE *)text, 5);
    float tlen = (float)tw.width * size / 1000.0f;
    float a = atanf(h / w);
    float c = cosf(a), s = sinf(a);
    /* centre the text's middle (half its length, a third of its size) on the page's */
    float x = w / 2 - c * tlen / 2 + s * size / 3;
    float y = h / 2 - s * tlen / 2 - c * size / 3;
    CK(HPDF_Page_SetGrayFill(pg, 0.86f), "SetGrayFill");
    CK(HPDF_Page_BeginText(pg), "BeginText");
    CK(HPDF_Page_SetFontAndSize(pg, d->font[1], size), "SetFontAndSize");
    CK(HPDF_Page_SetTextMatrix(pg, c, s, -s, c, x, y), "SetTextMatrix");
    CK(HPDF_Page_ShowText(pg, text), "ShowText");
    CK(HPDF_Page_EndText(pg), "EndText");
    CK(HPDF_Page_SetGrayFill(pg, 0), "SetGrayFill");
    return true;
}

/* QR modules as filled rectangles, one per horizontal run of dark modules. */
static bool draw_qr(struct pdfdoc *d, HPDF_Page pg, const struct layout *L, const struct op *o,
                    float top, float ph, struct berr *err)
{
    const unsigned char *m = (const unsigned char *)L->arena.data + o->off;
    uint32_t side = o->len;
    float ms = o->size;
    for (uint32_t r = 0; r < side; r++) {
        uint32_t c = 0;
        while (c < side) {
            if (!m[r * side + c]) {
                c++;
                continue;
            }
            uint32_t e = c;
            while (e < side && m[r * side + e])
                e++;
            float x = o->x + (float)c * ms, y = ph - (top + o->y + (float)(r + 1) * ms);
            CK(HPDF_Page_Rectangle(pg, x, y, (float)(e - c) * ms, ms), "Rectangle");
            c = e;
        }
    }
    CK(HPDF_Page_Fill(pg), "Fill");
    return true;
}

/* Hundredths of a point, as PDF text: "-12.5", "300", "0.07". */
static char *put_pt(char *b, long v)
{
    if (v < 0) {
        *b++ = '-';
        v = -v;
    }
    char t[24];
    int n = 0;
    long i = v / 100, f = v % 100;
    do
        t[n++] = (char)('0' + i % 10);
    while ((i /= 10) > 0);
    while (n > 0)
        *b++ = t[--n];
    if (f) {
        *b++ = '.';
        *b++ = (char)('0' + f / 10);
        if (f % 10)
            *b++ = (char)('0' + f % 10);
    }
    return b;
}

/*
 * Move the text position to (x, y) on the page: the Td that
 * HPDF_Page_TextOut would write, written here.  libharu 2.3.0 clears a
 * 512-byte buffer one byte at a time for every Td (HPDF_MemSet in
 * HPDF_Page_MoveTextPos), and a justified page has ~500 words, each its own
 * text op (PDF word spacing does not apply to CID fonts): a 301-page BAP
 * spent 27% of its instructions there.  The page's content stream and text
 * matrix are libharu's own page attributes (hpdf_pages.h, installed with
 * libhpdf-dev with the library; the version is checked above); this
 * updates the matrix as MoveTextPos does, with the move rounded to 0.01 pt
 * as written, so positions never drift from what the PDF says.  A rotated or
 * scaled text matrix (none in a text object of ours) goes through libharu.
 */
static HPDF_STATUS move_text(HPDF_Page pg, float x, float y)
{
    HPDF_PageAttr a = (HPDF_PageAttr)pg->attr;
    HPDF_TransMatrix *m = &a->text_matrix;
    if (a->gmode != HPDF_GMODE_TEXT_OBJECT || m->a != 1 || m->b != 0 || m->c != 0 || m->d != 1)
        return HPDF_Page_MoveTextPos(pg, x - m->x, y - m->y);
    long dx = lroundf((x - m->x) * 100), dy = lroundf((y - m->y) * 100);
    char buf[64], *b = put_pt(buf, dx);
    *b++ = ' ';
    b = put_pt(b, dy);
    memcpy(b, " Td\012", 5);
    HPDF_STATUS st = HPDF_Stream_WriteStr(a->stream, buf);
    if (st != HPDF_OK)
        return st;
    m->x += (float)dx / 100;
    m->y += (float)dy / 100;
    a->text_pos.x = m->x;
    a->text_pos.y = m->y;
    return HPDF_OK;
}

static bool draw_text(struct pdfdoc *d, HPDF_Page pg, const struct layout *L, const struct op *o,
                      float top, float ph, int *cur_font, float *cur_size, struct berr *err)
{
    char small[512];
    char *buf = small;
    if (o->len >= sizeof small && !(buf = malloc((size_t)o->len + 1)))
        return berr_set(err, BERR_INTERNAL, "out of memory");
    memcpy(buf, L->arena.data + o->off, o->len);
    buf[o->len] = '\0';
    bool ok = true;
    if (*cur_font != o->font || *cur_size != o->size) {
        ok = !failed(d, HPDF_Page_SetFontAndSize(pg, d->font[o->font], o->size), "SetFontAndSize",
                     err);
        *cur_font = o->font;
        *cur_size = o->size;
    }
    if (ok)
        ok = !failed(d, move_text(pg, o->x, ph - (top + o->y)), "MoveTextPos", err) &&
             !failed(d, HPDF_Page_ShowText(pg, buf), "ShowText", err);
    if (buf != small)
        free(buf);
    return ok;
}

static bool draw_page(struct pdfdoc *d, const struct layout *L, const struct page *p, int no,
                      int total, HPDF_Page *out, struct berr *err)
{
    HPDF_Page pg = HPDF_AddPage(d->pdf);
    if (!pg || d->error_no) {
        failed(d, HPDF_PAGE_CANNOT_GET_ROOT_PAGES, "AddPage", err);
        return false;
    }
    *out = pg;
    CK(HPDF_Page_SetWidth(pg, p->w), "SetWidth");
    CK(HPDF_Page_SetHeight(pg, p->h), "SetHeight");
    if (p->watermark && !draw_watermark(d, pg, p->w, p->h, err))
        return false;
    /* filled shapes, then lines: every path painted before text begins */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = p->pl_first; i < p->pl_first + p->pl_count; i++) {
            const struct placement *pl = &L->pl[i];
            const struct box *b = &L->box[pl->box];
            for (uint32_t k = b->op_first; k < b->op_first + b->op_count; k++) {
                const struct op *o = &L->op[k];
                if (pass == 0 && o->kind == OP_RECT) {
                    CK(HPDF_Page_SetGrayFill(pg, o->size), "SetGrayFill");
                    CK(HPDF_Page_Rectangle(pg, o->x, p->h - (pl->top + o->y + o->y2), o->x2, o->y2),
                       "Rectangle");
                    CK(HPDF_Page_Fill(pg), "Fill");
                    CK(HPDF_Page_SetGrayFill(pg, 0), "SetGrayFill");
                } else if (pass == 0 && o->kind == OP_QR) {
                    if (!draw_qr(d, pg, L, o, pl->top, p->h, err))
                        return false;
                } else if (pass == 1 && o->kind == OP_LINE) {
                    CK(HPDF_Page_SetLineWidth(pg, o->size), "SetLineWidth");
                    CK(HPDF_Page_MoveTo(pg, o->x, p->h - (pl->top + o->y)), "MoveTo");
                    CK(HPDF_Page_LineTo(pg, o->x2, p->h - (pl->top + o->y2)), "LineTo");
                    CK(HPDF_Page_Stroke(pg), "Stroke");
                }
            }
        }
    }
    CK(HPDF_Page_BeginText(pg), "BeginText");
    int cur_font = -1;
    float cur_size = 0;
    for (size_t i = p->pl_first; i < p->pl_first + p->pl_count; i++) {
        const struct placement *pl = &L->pl[i];
        const struct box *b = &L->box[pl->box];
        for (uint32_t k = b->op_first; k < b->op_first + b->op_count; k++)
            if (L->op[k].kind == OP_TEXT &&
                !draw_text(d, pg, L, &L->op[k], pl->top, p->h, &cur_font, &cur_size, err))
                return false;
    }
    char foot[64];
    snprintf(foot, sizeof foot, "Halaman %d dari %d", no, total);
    float fw =
        (float)HPDF_Font_TextWidth(d->font[0], (const HPDF_BYTE *)foot, (HPDF_UINT)strlen(foot))
            .width *
        8.0f / 1000.0f;
    CK(HPDF_Page_SetFontAndSize(pg, d->font[0], 8), "SetFontAndSize");
    float cx = p->ml + (p->w - p->ml - p->mr) / 2 - fw / 2;
    CK(HPDF_Page_TextOut(pg, cx, p->mb / 2, foot), "TextOut");
    CK(HPDF_Page_EndText(pg), "EndText");
    return true;
}

bool pdf_draw(struct pdfdoc *d, const struct layout *L, const char *const *part_titles,
              size_t n_parts, struct berr *err)
{
    int total = (int)L->n_page;
    int last_part = -1;
    HPDF_Encoder utf8 = part_titles ? HPDF_GetEncoder(d->pdf, "UTF-8") : NULL;
    for (size_t i = 0; i < L->n_page; i++) {
        HPDF_Page pg;
        if (!draw_page(d, L, &L->page[i], (int)i + 1, total, &pg, err))
            return false;
        int part = L->page[i].part;
        if (part_titles && part != last_part && part >= 0 && (size_t)part < n_parts) {
            HPDF_Outline ol = HPDF_CreateOutline(d->pdf, NULL, part_titles[part], utf8);
            HPDF_Destination dst = HPDF_Page_CreateDestination(pg);
            if (!ol || !dst || d->error_no) {
                failed(d, HPDF_INVALID_OUTLINE, "CreateOutline", err);
                return false;
            }
            CK(HPDF_Outline_SetDestination(ol, dst), "Outline_SetDestination");
            last_part = part;
        }
    }
    if (part_titles)
        CK(HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE), "SetPageMode");
    return true;
}

bool pdf_finish(struct pdfdoc *d, unsigned char **out, size_t *out_len, struct berr *err)
{
    CK(HPDF_SaveToStream(d->pdf), "SaveToStream");
    HPDF_UINT32 size = HPDF_GetStreamSize(d->pdf);
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    HPDF_UINT32 got = size;
    HPDF_STATUS st = HPDF_ReadFromStream(d->pdf, buf, &got);
    if (st == HPDF_STREAM_EOF && got == size) {
        st = HPDF_OK;
        if (d->error_no == HPDF_STREAM_EOF)
            d->error_no = 0;
    }
    if (failed(d, st, "ReadFromStream", err) || got != size) {
        free(buf);
        if (err && err->kind == BERR_NONE)
            berr_set(err, BERR_INTERNAL, "libharu: short read of the PDF");
        return false;
    }
    *out = buf;
    *out_len = size;
    return true;
}

bool qr_modules(struct layout *L, const char *text, uint32_t *off, uint32_t *side)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return false;
    size_t n = (size_t)q->width * (size_t)q->width;
    /* the modules as 0/1 bytes, appended raw: the arena copier would
     * rewrite them as control bytes */
    if (!buf_reserve(&L->arena, n)) {
        QRcode_free(q);
        L->oom = true;
        return false;
    }
    *off = (uint32_t)L->arena.len;
    for (size_t i = 0; i < n; i++)
        L->arena.data[L->arena.len + i] = (char)(q->data[i] & 1);
    L->arena.len += n;
    L->arena.data[L->arena.len] = '\0';
    *side = (uint32_t)q->width;
    QRcode_free(q);
    return true;
}
