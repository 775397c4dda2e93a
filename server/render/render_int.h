/*
 * render_int.h - what the files of server/render share (not an interface
 * for anyone else; render.h is).
 *
 *   xmlsafe.c  libxml2 with the hardening of RELIABILITY.md C4
 *   tmpl.c     a template file -> a tree of struct tnode (validated, compiled)
 *   layout.c   boxes and drawing ops: line breaking, justification, pages
 *   build.c    walks a template against the case XML, feeding layout.c
 *   pdf.c      libharu: fonts, pages, ops -> PDF bytes, DRAFT, QR codes
 *   render.c   the engine and the public API
 *
 * Units: points (1/72 inch) everywhere except template attributes, which
 * are millimetres.  Layout y grows downwards from the top of a box.
 */
#ifndef BERKAS_RENDER_INT_H
#define BERKAS_RENDER_INT_H

#include <hpdf.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/error.h"
#include "render.h"

#define MM(x) ((float)(x)*72.0f / 25.4f)

#define TEMPLATE_MAX_BYTES (1024 * 1024)
#define CASE_XML_MAX_BYTES (32 * 1024 * 1024)

/* ---- xmlsafe.c ---------------------------------------------------------------------- */

/* Once per process: xmlInitParser and the deny-all external entity loader. */
void xmlsafe_init(void);

/* Parse buf (len <= max) as a standalone document: no DOCTYPE allowed, no
 * network, no entities, no DTD.  NULL and err ("name:line: message")
 * otherwise.  kind is BERR_INTERNAL for templates, BERR_BAD_INPUT for data. */
xmlDocPtr xmlsafe_parse(const char *name, const char *buf, size_t len, size_t max,
                        enum berr_kind kind, struct berr *err);

/* Read a whole file (at most max bytes) into a malloc'd buffer. */
bool xmlsafe_read_file(const char *path, size_t max, char **buf, size_t *len, struct berr *err);

/* ---- tmpl.c: the template tree -------------------------------------------------------- */

enum tkind {
    /* inline */
    T_TEXT,
    T_FIELD,
    T_B,
    T_U,
    T_BR,
    T_NUMBER,
    /* blocks */
    T_LETTERHEAD,
    T_PRO_JUSTITIA,
    T_TITLE,
    T_SUBTITLE,
    T_P,
    T_LIST,
    T_ITEM,
    T_ROWS,
    T_ROW,
    T_TABLE,
    T_COLUMN,
    T_THEAD,
    T_TR,
    T_TD,
    T_QA,
    T_PAIR,
    T_Q,
    T_A,
    T_SIGNATURES,
    T_SIGNATURE,
    T_TEMBUSAN,
    T_SPACE,
    T_PAGE_BREAK,
    T_KEEP,
    T_RULE,
    T_BAR, /* a horizontal bar, value/max of the width: charts (issue 10) */
    T_VERIFICATION,
    T_TOC,
    T_MANIFEST,
    /* both */
    T_FOR_EACH,
    T_IF,
};

enum talign { AL_INHERIT = 0, AL_LEFT, AL_CENTER, AL_RIGHT, AL_JUSTIFY };

enum tfmt {
    F_NONE = 0,
    F_UPPER,
    F_LOWER,
    F_DATE,       /* 2 September 2024 */
    F_DATE_WORDS, /* Senin tanggal dua bulan September tahun dua ribu dua puluh empat */
    F_DAY,        /* Senin */
    F_MONTH,      /* September */
    F_ROMAN_MONTH,
    F_YEAR,
    F_NIP,
    F_COUNT, /* 2 (dua) */
    F_WORDS, /* dua */
    F_PASAL, /* 119(1) -> Pasal 119 ayat (1) */
    F_COUNTRY,
    F_TIME,       /* 10.00 */
    F_TIME_WORDS, /* 09.30 (sembilan lewat tiga puluh menit): a Berita Acara's hour */
    F_AGE,        /* 33 tahun, at $date */
    F_TITLE,      /* KANTOR WILAYAH BALI -> Kantor Wilayah Bali */
};

enum tlist { LS_NUMBER = 0, LS_ALPHA, LS_DASH, LS_BULLET, LS_NONE };
enum tpos { POS_RIGHT = 0, POS_LEFT, POS_CENTER };

struct tnode {
    enum tkind kind;
    int line;
    struct tnode *first; /* children */
    struct tnode *next;
    char *text;  /* T_TEXT: the text; T_ROW: label; T_NUMBER: draft text; T_FOR_EACH: sep */
    char *text2; /* T_FOR_EACH: last separator; T_FIELD: default */
    char *label; /* T_FIELD, T_FOR_EACH, T_LETTERHEAD: what a 422 calls it */
    int expr;    /* index into form->exprs, or -1 */
    int expr2;   /* T_FOR_EACH zip=, or -1 */
    enum tfmt fmt;
    enum talign align;
    enum tlist list_style;
    enum tpos pos;
    bool required;
    bool bold, underline, keep_next, border, repeat_header, is_inline;
    float size;   /* points, 0: inherit */
    float indent; /* first line, points */
    float left;   /* left indent, points */
    float before; /* points */
    float after;  /* points */
    float width;  /* points (label width, signature width, space height), or a column weight */
    int start;    /* list/qa numbering start */
};

struct tlet {
    char *name;
    int expr;
};

struct form {
    struct render_form_info info;
    struct render_param_info *params;
    struct tlet *lets;
    size_t n_lets;
    char **exprs; /* XPath sources, compiled per render */
    int n_exprs;
    struct tnode *body;
    char *file; /* for messages */
    float page_w, page_h, mt, mr, mb, ml;
    float font_size, line_height;
};

/* Load and validate one template (path for messages); rng already parsed. */
struct form *tmpl_load(const char *name, const char *path, const char *buf, size_t len, void *rng,
                       struct berr *err);
void tmpl_free(struct form *f);

/* Parse form.rng of template_dir; NULL and err when it is broken. */
void *tmpl_schema_load(const char *template_dir, struct berr *err);
void tmpl_schema_free(void *rng);

/* ---- layout.c ---------------------------------------------------------------------- */

enum opkind { OP_TEXT, OP_LINE, OP_RECT, OP_QR };

struct op {
    uint8_t kind;
    uint8_t font; /* 0 regular, 1 bold */
    float x, y;   /* text: baseline start; line: start; rect/qr: top-left */
    float x2, y2; /* line: end; rect: width, height */
    float size;   /* text: font size; line: width; rect: grey level; qr: module size */
    uint32_t off; /* text: arena offset; qr: arena offset of the modules */
    uint32_t len; /* text: bytes; qr: modules per side */
};

enum boxflag {
    BOX_SPACE = 1,     /* vertical space: dropped at the top of a page */
    BOX_BREAK = 2,     /* page break before the next box */
    BOX_KEEP_NEXT = 4, /* keep on the page of the next box */
    BOX_THEAD = 8,     /* a table's header row, repeated on each page it spans */
    BOX_PART = 16,     /* a book part begins (new page) */
};

struct box {
    float h;
    uint32_t op_first, op_count;
    uint16_t flags;
    int table; /* table instance, 0 none */
    int part;  /* book part index */
};

struct placement {
    uint32_t box;
    float top;
};

struct page {
    float w, h, mt, mr, mb, ml;
    size_t pl_first, pl_count;
    int part;
    bool watermark;
};

/* Page geometry of a part. */
struct geom {
    float w, h, mt, mr, mb, ml;
};

struct layout {
    HPDF_Font font[2];
    float space_w[2];     /* width of U+0020 at 1 pt */
    uint16_t *glyph_w[2]; /* per BMP code point: 1 + width in 1/1000 em; 0 not yet asked */
    struct box *box;
    size_t n_box, cap_box;
    struct op *op;
    size_t n_op, cap_op;
    struct buf arena; /* the text of the ops, each NUL-terminated; QR modules */
    struct placement *pl;
    size_t n_pl, cap_pl;
    struct page *page;
    size_t n_page, cap_page;
    int next_table;
    bool oom;
};

/* A paragraph being built: pieces of text, each one style, with whether a
 * space comes before it. */
struct piece {
    uint32_t off, len;
    float w;
    float size;
    uint8_t font;
    bool underline;
    bool space_before;
    bool hard_break; /* a forced line break before this piece */
};

struct para {
    struct piece *p;
    size_t n, cap;
    bool pending_space;
    bool pending_break;
};

void layout_init(struct layout *L, HPDF_Font regular, HPDF_Font bold);
void layout_free(struct layout *L);
void para_free(struct para *P);

/* Append text in a style to a paragraph; whitespace separates words. */
void para_add(struct layout *L, struct para *P, const char *s, size_t len, uint8_t font, float size,
              bool underline);
void para_break(struct para *P);

/* Lay a paragraph out at x with width w into line boxes. */
void lay_para(struct layout *L, struct para *P, float x, float w, enum talign al, float indent,
              float line_height, uint16_t flags);

/* A box with no ops: vertical space, a page break, a part start. */
void lay_space(struct layout *L, float h, uint16_t flags);

/* One op into the current (last) box, or into a new box of height h. */
size_t lay_op(struct layout *L, struct op o);
void lay_box(struct layout *L, float h, uint16_t flags); /* a box holding ops from op_first */
uint32_t lay_text(struct layout *L, const char *s, size_t len);
float lay_width(struct layout *L, uint8_t font, float size, const char *s, size_t len);

/* Stack boxes [start, n_box) into one unbreakable box; returns its height. */
float lay_collapse(struct layout *L, size_t start);

/* Attach ops [op_start, op_start + n) (labels) to the first line of the
 * boxes laid out from box_start, at that line's baseline. */
void lay_attach(struct layout *L, size_t op_start, size_t n, size_t box_start, float size,
                float line_height);

/* Set label lines [a0, a1) beside the boxes laid out after them, from
 * b_first on (a <rows> label wrapped in its column, issue 8.9). */
void lay_zip(struct layout *L, size_t a0, size_t a1, size_t b_first);

/* Keep the last `lines` lines laid out before box b0 (and the space between)
 * on the page of b0: a signature or a receipt never starts a page alone
 * (issue 8.9).  Stops at a page break or a book part. */
void lay_keep_with_previous(struct layout *L, size_t b0, int lines);

/* Paginate boxes [box_first, n_box) with geometry g; pages numbered from
 * the current page count. */
/* n empty pages of part (places that other pages will take, render_pdf_bind). */
void lay_blank_pages(struct layout *L, const struct geom *g, int part, int n);

void lay_paginate(struct layout *L, size_t box_first, const struct geom *g, int part,
                  bool watermark);

/* ---- pdf.c ------------------------------------------------------------------------- */

struct pdfdoc {
    HPDF_Doc pdf;
    HPDF_Font font[2];
    HPDF_STATUS error_no;
    HPDF_STATUS detail_no;
};

bool pdf_begin(struct pdfdoc *d, const char *regular_path, const char *bold_path, struct berr *err);
/* Draw every page of L; outline titles (n_parts of them, may be NULL). */
bool pdf_draw(struct pdfdoc *d, const struct layout *L, const char *const *part_titles,
              size_t n_parts, struct berr *err);
bool pdf_finish(struct pdfdoc *d, unsigned char **out, size_t *out_len, struct berr *err);
void pdf_end(struct pdfdoc *d);

/* QR modules for text: *side modules per side, one byte each (1 dark) into
 * the arena; false when libqrencode cannot encode it. */
bool qr_modules(struct layout *L, const char *text, uint32_t *off, uint32_t *side);

/* ---- build.c ------------------------------------------------------------------------ */

struct book_entry {
    const char *title;
    const char *number;
    const char *date; /* YYYY-MM-DD of an issued or uploaded part, else NULL */
    const char *sha256;
    int first_page;
    bool in_toc;
};

struct build_in {
    const struct render_engine *engine;
    const struct form *form;
    const struct render_opts *opts;
    xmlDocPtr case_doc;
    const struct book_entry *book; /* NULL outside a book */
    size_t n_book;
    int part;
};

/* Lay the form out into L (boxes only; the caller paginates). */
bool build_form(struct layout *L, const struct build_in *in, struct berr *err);

#endif
