/*
 * layout.c - boxes, drawing ops, line breaking and pages.
 *
 * Layout turns content into a list of boxes, top to bottom.  A box is the
 * unit pagination moves: one line of a paragraph, a table row, a signature
 * block, a run of vertical space.  Its drawing ops (text, lines, filled
 * squares) sit in one array with y relative to the box's top; ops are
 * claimed by boxes in order (op_mark), which is what lets a list label be
 * emitted before its item and land in the item's first line.
 *
 * Paragraphs break greedily at spaces, measured with libharu's widths of
 * the embedded fonts; a word longer than the line is cut with
 * HPDF_Font_MeasureText, backed off to a UTF-8 character boundary (it can
 * cut a character in half).  Justified lines spread the extra room over the
 * gaps between words; each word is its own text op, since PDF word spacing
 * does not apply to two-byte (CID) fonts.
 *
 * Pagination places boxes on pages: vertical space is dropped at the top of
 * a page, a box marked keep-next stays with the box after it, and a table's
 * header box is placed again at the top of every page the table continues
 * on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "render_int.h"

#define GROW(L, arr, n, cap, extra)                                                                \
    ((n) + (extra) <= (cap) || grow((void **)&(arr), &(cap), (n) + (extra), sizeof *(arr)) ||      \
     ((L)->oom = true, false))

/* Room for need elements of elem bytes in *arr (core/buf.h's array_grow,
 * from 64); false (and *arr as it was) when it cannot be had. */
static bool grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    void *p = array_grow(*arr, cap, need, 64, elem);
    if (!p)
        return false;
    *arr = p;
    return true;
}

void layout_init(struct layout *L, HPDF_Font regular, HPDF_Font bold)
{
    memset(L, 0, sizeof *L);
    L->font[0] = regular;
    L->font[1] = bold;
    for (int i = 0; i < 2; i++) {
        HPDF_TextWidth tw = HPDF_Font_TextWidth(L->font[i], (const HPDF_BYTE *)" ", 1);
        L->space_w[i] = (float)tw.width / 1000.0f;
    }
}

void layout_free(struct layout *L)
{
    free(L->glyph_w[0]);
    free(L->glyph_w[1]);
    free(L->box);
    free(L->op);
    buf_free(&L->arena);
    free(L->pl);
    free(L->page);
    memset(L, 0, sizeof *L);
}

void para_free(struct para *P)
{
    free(P->p);
    memset(P, 0, sizeof *P);
}

/* Copy s into the arena: code points above U+FFFF (libharu's UTF-8 encoder
 * maps into 16 bits) and controls become U+FFFD, and so does each byte that
 * does not begin a well-formed character (utf8proc_iterate: no overlong
 * form, no surrogate, no lone continuation byte).  An input byte gives at
 * most three (a control byte becomes U+FFFD's three), and the NUL. */
uint32_t lay_text(struct layout *L, const char *s, size_t len)
{
    if (len > (SIZE_MAX - 1) / 3 || !buf_reserve(&L->arena, len * 3 + 1)) {
        L->oom = true;
        return 0;
    }
    uint32_t off = (uint32_t)L->arena.len;
    char *d = L->arena.data + L->arena.len;
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t i = 0, o = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0 || cp < 0x20 || cp == 0x7F || cp > 0xFFFF) {
            memcpy(d + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += n < 0 ? 1 : (size_t)n; /* ill-formed: one byte at a time */
            continue;
        }
        memcpy(d + o, u + i, (size_t)n);
        o += (size_t)n;
        i += (size_t)n;
    }
    d[o] = '\0';
    L->arena.len += o + 1;
    return off;
}

/* The width of s in 1/1000 em from each character's advance, asked of
 * libharu once per character and font (HPDF_Font_GetUnicodeWidth, the
 * widths HPDF_Font_TextWidth adds up); -1 when s is not plain 1-3 byte
 * UTF-8, for libharu to measure whole. */
static long cached_width(struct layout *L, uint8_t font, const unsigned char *u, size_t len)
{
    if (!L->glyph_w[font] && !(L->glyph_w[font] = calloc(0x10000, sizeof(uint16_t))))
        return -1;
    uint16_t *tab = L->glyph_w[font];
    long w = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0 || cp > 0xFFFF)
            return -1;
        i += (size_t)n;
        if (!tab[cp]) {
            HPDF_INT cw = HPDF_Font_GetUnicodeWidth(L->font[font], (HPDF_UNICODE)cp);
            if (cw < 0 || cw >= 0xFFFF)
                return -1;
            tab[cp] = (uint16_t)(cw + 1);
        }
        w += tab[cp] - 1;
    }
    return w;
}

float lay_width(struct layout *L, uint8_t font, float size, const char *s, size_t len)
{
    long w = cached_width(L, font, (const unsigned char *)s, len);
    if (w < 0)
        w = (long)HPDF_Font_TextWidth(L->font[font], (const HPDF_BYTE *)s, (HPDF_UINT)len).width;
    return (float)w * size / 1000.0f;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void para_add(struct layout *L, struct para *P, const char *s, size_t len, uint8_t font, float size,
              bool underline)
{
    size_t i = 0;
    while (i < len) {
        if (is_space((unsigned char)s[i])) {
            P->pending_space = true;
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && !is_space((unsigned char)s[j]))
            j++;
        if (!GROW(L, P->p, P->n, P->cap, 1))
            return;
        struct piece *pc = &P->p[P->n];
        pc->off = lay_text(L, s + i, j - i);
        if (L->oom)
            return;
        pc->len = (uint32_t)strlen(L->arena.data + pc->off);
        pc->font = font;
        pc->size = size;
        pc->underline = underline;
        pc->w = lay_width(L, font, size, L->arena.data + pc->off, pc->len);
        pc->space_before = P->pending_space && P->n > 0 && !P->pending_break;
        pc->hard_break = P->pending_break;
        P->pending_space = false;
        P->pending_break = false;
        P->n++;
        i = j;
    }
}

void para_break(struct para *P)
{
    P->pending_break = true;
    P->pending_space = false;
}

/* ---- boxes and ops ---------------------------------------------------------------- */

size_t lay_op(struct layout *L, struct op o)
{
    if (!GROW(L, L->op, L->n_op, L->cap_op, 1))
        return 0;
    L->op[L->n_op] = o;
    return L->n_op++;
}

/* The first op not yet claimed by a box. */
static uint32_t unclaimed(const struct layout *L)
{
    for (size_t i = L->n_box; i > 0; i--)
        if (L->box[i - 1].op_count)
            return L->box[i - 1].op_first + L->box[i - 1].op_count;
    return 0;
}

void lay_box(struct layout *L, float h, uint16_t flags)
{
    if (!GROW(L, L->box, L->n_box, L->cap_box, 1))
        return;
    uint32_t first = unclaimed(L);
    L->box[L->n_box++] = (struct box){
        .h = h, .op_first = first, .op_count = (uint32_t)L->n_op - first, .flags = flags};
}

void lay_space(struct layout *L, float h, uint16_t flags)
{
    if (!GROW(L, L->box, L->n_box, L->cap_box, 1))
        return;
    uint32_t first = unclaimed(L);
    L->box[L->n_box++] = (struct box){.h = h, .op_first = first, .op_count = 0, .flags = flags};
}

/* ---- lines ------------------------------------------------------------------------ */

struct lp {
    uint32_t off, len;
    float w, size;
    uint8_t font;
    bool underline, gap;
};

struct linebuf {
    struct lp *v;
    size_t n, cap;
    float w;  /* natural width so far */
    int gaps; /* number of gaps */
};

static void line_push(struct layout *L, struct linebuf *lb, const struct piece *p, uint32_t off,
                      uint32_t len, float w, bool gap)
{
    if (!GROW(L, lb->v, lb->n, lb->cap, 1))
        return;
    float gw = gap ? L->space_w[p->font] * p->size : 0;
    lb->v[lb->n++] = (struct lp){off, len, w, p->size, p->font, p->underline, gap};
    lb->w += gw + w;
    lb->gaps += gap ? 1 : 0;
}

static void line_flush(struct layout *L, struct linebuf *lb, float x, float avail, enum talign al,
                       bool last, float dflt_size, float lh, uint16_t flags)
{
    float maxsize = 0;
    for (size_t i = 0; i < lb->n; i++)
        if (lb->v[i].size > maxsize)
            maxsize = lb->v[i].size;
    if (maxsize == 0)
        maxsize = dflt_size;
    float h = maxsize * lh;
    float base = h / 2 + maxsize * 0.32f;
    float extra = 0, x0 = x;
    float room = avail - lb->w;
    if (al == AL_JUSTIFY && !last && lb->gaps > 0 && room > 0)
        extra = room / (float)lb->gaps;
    else if (al == AL_CENTER && room > 0)
        x0 += room / 2;
    else if (al == AL_RIGHT && room > 0)
        x0 += room;
    float cx = x0, ul_start = 0, ul_size = 0;
    bool in_ul = false;
    for (size_t i = 0; i < lb->n; i++) {
        const struct lp *p = &lb->v[i];
        float gap = p->gap ? L->space_w[p->font] * p->size + extra : 0;
        if (in_ul && !p->underline) {
            lay_op(L, (struct op){.kind = OP_LINE,
                                  .x = ul_start,
                                  .y = base + ul_size * 0.15f,
                                  .x2 = cx,
                                  .y2 = base + ul_size * 0.15f,
                                  .size = ul_size * 0.06f});
            in_ul = false;
        }
        cx += gap;
        lay_op(L, (struct op){.kind = OP_TEXT,
                              .font = p->font,
                              .x = cx,
                              .y = base,
                              .size = p->size,
                              .off = p->off,
                              .len = p->len});
        if (p->underline && !in_ul) {
            in_ul = true;
            ul_start = cx;
            ul_size = p->size;
        }
        cx += p->w;
    }
    if (in_ul)
        lay_op(L, (struct op){.kind = OP_LINE,
                              .x = ul_start,
                              .y = base + ul_size * 0.15f,
                              .x2 = cx,
                              .y2 = base + ul_size * 0.15f,
                              .size = ul_size * 0.06f});
    lay_box(L, h, flags);
    lb->n = 0;
    lb->w = 0;
    lb->gaps = 0;
}

/* Bytes of s (at most len) that fit in width w, backed off to a character
 * boundary; at least one character when force. */
static uint32_t fit_bytes(struct layout *L, const struct piece *p, const char *s, uint32_t len,
                          float w, bool force)
{
    HPDF_REAL real = 0;
    HPDF_UINT n = HPDF_Font_MeasureText(L->font[p->font], (const HPDF_BYTE *)s, len, w, p->size, 0,
                                        0, HPDF_FALSE, &real);
    if (n > len)
        n = len;
    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    if (n == 0 && force) {
        n = 1;
        while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
    }
    return n;
}

/* The last break opportunity in s[0..n), as the byte count up to and
 * including it; 0 when none.  A number such as SP.SIDIK/3/XII/2026/KANIM-PLG
 * breaks after a '/' first, then after '-', '.' or '_'. */
static uint32_t break_after(const char *s, uint32_t n)
{
    for (uint32_t i = n; i > 1; i--)
        if (s[i - 1] == '/')
            return i;
    for (uint32_t i = n; i > 1; i--)
        if (s[i - 1] == '-' || s[i - 1] == '.' || s[i - 1] == '_')
            return i;
    return 0;
}

static bool is_vowel(char c)
{
    return c && strchr("aeiouAEIOU", c) != NULL;
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The last place in s[0..n) where an Indonesian word may be hyphenated
 * (pemenggalan kata, PUEBI): before a consonant followed by a vowel (a-pa,
 * ap-ti, Kewar-ga-ne-ga-ra-an), never inside ng, ny, kh or sy, with two
 * letters at least on each side; 0 when none. */
static uint32_t syllable_before(const char *s, uint32_t n, uint32_t len)
{
    for (uint32_t i = n; i >= 2; i--) {
        if (i + 2 > len || !is_letter(s[i - 1]) || !is_letter(s[i]) || !is_letter(s[i - 2]))
            continue;
        if (is_vowel(s[i]) || !is_vowel(s[i + 1]))
            continue;
        char a = (char)(s[i - 1] | 0x20), b = (char)(s[i] | 0x20);
        if ((a == 'n' && (b == 'g' || b == 'y')) || (a == 'k' && b == 'h') ||
            (a == 's' && b == 'y'))
            continue; /* a digraph is one consonant: break before it */
        return i;
    }
    return 0;
}

#define SHRINK_MIN 0.6f /* the smallest a word is set to fit its column */

/* One piece of a word longer than the line: see lay_para. */
/* The start of a piece (len bytes at off, n of them fit in room) with no
 * break opportunity that fits, on an empty line: the part up to its next
 * break opportunity, smaller when it then fits (down to SHRINK_MIN), or else
 * what fits, cut at a character.  Returns the bytes placed. */
static uint32_t squeeze(struct layout *L, struct linebuf *lb, const struct piece *p, uint32_t off,
                        uint32_t len, uint32_t n, float room)
{
    const char *s = L->arena.data + off;
    float whole = lay_width(L, p->font, p->size, s, len);
    /* the next break opportunity, if the part up to it fits when smaller */
    uint32_t upto = len;
    for (uint32_t q = n; q < len; q++)
        if (s[q] == '/' || s[q] == '-' || s[q] == '.' || s[q] == '_') {
            upto = q + 1;
            break;
        }
    float part = upto < len ? lay_width(L, p->font, p->size, s, upto) : whole;
    struct piece small = *p;
    if (part * SHRINK_MIN <= room) {
        small.size = p->size * room / part;
        line_push(L, lb, &small, off, upto, room, false);
        return upto;
    }
    /* no way to fit it whole: cut at a character; a word (letters only) is
     * marked with a hyphen, a code (a hash, a number) is not, so that it
     * reads back whole; at its own size, so that its lines read as one
     * column */
    bool word = true;
    for (uint32_t q = 0; q < len && word; q++)
        word = !(s[q] >= '0' && s[q] <= '9');
    float hy = word ? lay_width(L, p->font, small.size, "-", 1) : 0;
    uint32_t m = fit_bytes(L, &small, s, len, room - hy, true);
    uint32_t syl = word ? syllable_before(s, m, len) : 0;
    if (syl > 0)
        m = syl;
    line_push(L, lb, &small, off, m, lay_width(L, p->font, small.size, s, m), false);
    if (word) /* the arena may move: s is not used after this */
        line_push(L, lb, &small, lay_text(L, "-", 1), 1, hy, false);
    return m;
}

static void long_piece(struct layout *L, struct linebuf *lb, const struct piece *p, float line_w,
                       bool *first, float x, float w, float indent, enum talign al, float dflt,
                       float lh, uint16_t flags)
{
    uint32_t off = p->off, len = p->len;
    while (len > 0 && !L->oom) {
        float room = (*first ? w - indent : w) - lb->w;
        (void)line_w;
        const char *s = L->arena.data + off;
        uint32_t n = fit_bytes(L, p, s, len, room, false);
        if (n >= len) {
            line_push(L, lb, p, off, len, lay_width(L, p->font, p->size, s, len), false);
            return;
        }
        uint32_t cut = break_after(s, n);
        if (cut > 0) {
            line_push(L, lb, p, off, cut, lay_width(L, p->font, p->size, s, cut), false);
            off += cut;
            len -= cut;
        } else if (lb->n > 0) {
            /* nothing fits after what the line holds: the rest on a new line */
        } else {
            uint32_t used = squeeze(L, lb, p, off, len, n, room);
            off += used;
            len -= used;
        }
        if (len > 0) {
            line_flush(L, lb, *first ? x + indent : x, *first ? w - indent : w, al, false, dflt, lh,
                       flags);
            *first = false;
        }
    }
}

void lay_para(struct layout *L, struct para *P, float x, float w, enum talign al, float indent,
              float lh, uint16_t flags)
{
    struct linebuf lb = {0};
    float dflt = P->n ? P->p[0].size : 11;
    bool first = true;
    size_t k = 0;
#define LINE_X (first ? x + indent : x)
#define LINE_W (first ? w - indent : w)
#define FLUSH(last)                                                                                \
    do {                                                                                           \
        line_flush(L, &lb, LINE_X, LINE_W, al, last, dflt, lh, flags);                             \
        first = false;                                                                             \
    } while (0)
    while (k < P->n && !L->oom) {
        size_t j = k + 1;
        while (j < P->n && !P->p[j].space_before && !P->p[j].hard_break)
            j++;
        if (P->p[k].hard_break && (lb.n > 0 || k > 0))
            FLUSH(true);
        float ww = 0;
        for (size_t i = k; i < j; i++)
            ww += P->p[i].w;
        bool gap = lb.n > 0 && P->p[k].space_before;
        float gw = gap ? L->space_w[P->p[k].font] * P->p[k].size : 0;
        if (lb.w + gw + ww <= LINE_W + 0.01f) {
            for (size_t i = k; i < j; i++)
                line_push(L, &lb, &P->p[i], P->p[i].off, P->p[i].len, P->p[i].w, i == k && gap);
        } else if (lb.n > 0 && ww <= w + 0.01f) {
            FLUSH(false);
            for (size_t i = k; i < j; i++)
                line_push(L, &lb, &P->p[i], P->p[i].off, P->p[i].len, P->p[i].w, false);
        } else {
            /* longer than a whole line: never cut inside a word (issue 8.9:
             * "Tempat/tangga l lahir") - break after a '/', '-', '.' or '_'
             * that fits, else set the rest a little smaller so it fits, and
             * only a run that cannot fit even so is cut, with a hyphen */
            if (lb.n > 0)
                FLUSH(false);
            for (size_t i = k; i < j && !L->oom; i++)
                long_piece(L, &lb, &P->p[i], LINE_W, &first, x, w, indent, al, dflt, lh, flags);
        }
        k = j;
    }
    if (lb.n > 0 || P->pending_break)
        FLUSH(true);
#undef FLUSH
#undef LINE_W
#undef LINE_X
    free(lb.v);
}

/* ---- composing boxes ---------------------------------------------------------------- */

float lay_collapse(struct layout *L, size_t start)
{
    if (start >= L->n_box)
        return 0;
    float acc = 0;
    uint32_t first = L->box[start].op_first, end = first;
    for (size_t b = start; b < L->n_box; b++) {
        struct box *bx = &L->box[b];
        for (uint32_t i = bx->op_first; i < bx->op_first + bx->op_count; i++) {
            L->op[i].y += acc;
            if (L->op[i].kind == OP_LINE)
                L->op[i].y2 += acc;
        }
        if (bx->op_count)
            end = bx->op_first + bx->op_count;
        acc += bx->h;
    }
    L->box[start] = (struct box){.h = acc, .op_first = first, .op_count = end - first};
    L->n_box = start + 1;
    return acc;
}

void lay_attach(struct layout *L, size_t op_start, size_t n, size_t box_start, float size, float lh)
{
    if (L->oom || n == 0)
        return;
    for (size_t b = box_start; b < L->n_box; b++) {
        struct box *bx = &L->box[b];
        if (bx->op_count == 0 || op_start < bx->op_first || op_start >= bx->op_first + bx->op_count)
            continue;
        float base = size * lh / 2 + size * 0.32f;
        for (uint32_t i = (uint32_t)(op_start + n); i < bx->op_first + bx->op_count; i++)
            if (L->op[i].kind == OP_TEXT) {
                base = L->op[i].y;
                break;
            }
        for (size_t i = op_start; i < op_start + n; i++)
            L->op[i].y = base;
        return;
    }
    /* nothing was laid out after the labels: a line of their own */
    for (size_t i = op_start; i < op_start + n; i++)
        L->op[i].y = size * lh / 2 + size * 0.32f;
    lay_box(L, size * lh, 0);
}

/* Label lines beside the boxes laid out after them: label line k joins the
 * k-th box holding content from b_first on (as many lines as the box is
 * tall: a table or a kept block takes the rest beside it); the lines left
 * over follow as boxes of their own.  Ops are reordered so that each box
 * still owns one contiguous run of them. */
/* The ops of label line *k (a copy in tb and to, to starting at op op_lo)
 * into the box being written at op *cur, moved down by dy. */
static void take_label(struct layout *L, const struct box *tb, const struct op *to, uint32_t op_lo,
                       size_t *k, uint32_t *cur, float dy)
{
    const struct box *lb = &tb[*k];
    for (uint32_t i = 0; i < lb->op_count; i++) {
        struct op o = to[lb->op_first - op_lo + i];
        o.y += dy;
        if (o.kind == OP_LINE)
            o.y2 += dy;
        L->op[(*cur)++] = o;
    }
    (*k)++;
}

void lay_zip(struct layout *L, size_t a0, size_t a1, size_t b_first)
{
    if (L->oom || a1 <= a0 || a1 > L->n_box)
        return;
    size_t nb = L->n_box - a0, nl = a1 - a0;
    uint32_t op_lo = L->box[a0].op_first, op_hi = unclaimed(L);
    struct box *tb = malloc(nb * sizeof *tb);
    struct op *to = malloc((op_hi - op_lo + 1) * sizeof *to);
    if (!tb || !to) {
        free(tb);
        free(to);
        L->oom = true;
        return;
    }
    memcpy(tb, L->box + a0, nb * sizeof *tb);
    memcpy(to, L->op + op_lo, (op_hi - op_lo) * sizeof *to);
    size_t out = a0, k = 0;
    uint32_t cur = op_lo;
    for (size_t j = nl; j < nb; j++) {
        struct box b = tb[j];
        struct box w = b;
        w.op_first = cur;
        if (a0 + j >= b_first && k < nl && b.op_count > 0) {
            float dy = 0;
            do {
                float lh = tb[k].h;
                take_label(L, tb, to, op_lo, &k, &cur, dy);
                dy += lh;
            } while (k < nl && dy + tb[k].h <= b.h + 0.01f);
            if (dy > w.h)
                w.h = dy;
            w.flags &= (uint16_t)~BOX_SPACE;
        }
        if (b.op_count)
            memcpy(L->op + cur, to + (b.op_first - op_lo), b.op_count * sizeof *to);
        cur += b.op_count;
        w.op_count = cur - w.op_first;
        L->box[out++] = w;
    }
    while (k < nl) {
        struct box w = tb[k];
        w.op_first = cur;
        take_label(L, tb, to, op_lo, &k, &cur, 0);
        w.op_count = cur - w.op_first;
        L->box[out++] = w;
    }
    L->n_box = out;
    free(tb);
    free(to);
}

void lay_keep_with_previous(struct layout *L, size_t b0, int lines)
{
    for (size_t b = b0; b > 0 && lines > 0; b--) {
        struct box *bx = &L->box[b - 1];
        if (bx->flags & (BOX_BREAK | BOX_PART))
            return;
        bx->flags |= BOX_KEEP_NEXT;
        if (bx->op_count > 0)
            lines--;
    }
}

/* ---- pages ---------------------------------------------------------------------------- */

static void new_page(struct layout *L, const struct geom *g, int part, bool watermark)
{
    if (!GROW(L, L->page, L->n_page, L->cap_page, 1))
        return;
    L->page[L->n_page++] = (struct page){.w = g->w,
                                         .h = g->h,
                                         .mt = g->mt,
                                         .mr = g->mr,
                                         .mb = g->mb,
                                         .ml = g->ml,
                                         .pl_first = L->n_pl,
                                         .part = part,
                                         .watermark = watermark};
}

static void place(struct layout *L, uint32_t b, float top)
{
    if (!GROW(L, L->pl, L->n_pl, L->cap_pl, 1))
        return;
    L->pl[L->n_pl++] = (struct placement){b, top};
    L->page[L->n_page - 1].pl_count++;
}

void lay_blank_pages(struct layout *L, const struct geom *g, int part, int n)
{
    for (int i = 0; i < n && !L->oom; i++)
        new_page(L, g, part, false);
}

void lay_paginate(struct layout *L, size_t box_first, const struct geom *g, int part,
                  bool watermark)
{
    float top = g->mt, bottom = g->h - g->mb - 14; /* room for the page number */
    float y = top;
    new_page(L, g, part, watermark);
    int cur_table = 0;
    long thead = -1;
    for (size_t i = box_first; i < L->n_box && !L->oom; i++) {
        const struct box *b = &L->box[i];
        if (b->flags & BOX_THEAD) {
            cur_table = b->table;
            thead = (long)i;
        }
        if (b->flags & BOX_BREAK) {
            if (y > top) {
                new_page(L, g, part, watermark);
                y = top;
            }
            continue;
        }
        if ((b->flags & BOX_SPACE) && y <= top)
            continue;
        float need = b->h;
        for (size_t j = i; (L->box[j].flags & BOX_KEEP_NEXT) && j + 1 < L->n_box; j++)
            need += L->box[j + 1].h;
        if (need > bottom - top)
            need = b->h;
        if (y + need > bottom && y > top) {
            new_page(L, g, part, watermark);
            y = top;
            if (b->flags & BOX_SPACE)
                continue;
            if (b->table && b->table == cur_table && thead >= 0 && (size_t)thead != i) {
                place(L, (uint32_t)thead, y);
                y += L->box[thead].h;
            }
        }
        place(L, (uint32_t)i, y);
        y += b->h;
    }
}
