/*
 * render.h - berkas's forms: XML templates + the case XML -> PDF.
 *
 * An engine is opened once at start-up: it reads and validates EVERY
 * template of a directory against templates/form.rng (a broken template
 * stops start-up with "file:line: message") and finds the fonts.  After
 * that it is read-only: any number of threads may render with it at once,
 * each render having its own libxml2 and libharu state.
 *
 * A render binds the template to the case document (schemas/case.xsd) with
 * XPath; the document's parameters are XPath variables ($date, $number,
 * $place, $party, ...).  A field the template marks required that yields
 * nothing fails the render with BERR_UNPROCESSABLE naming every such field
 * (422 at the HTTP edge); a parameter missing or unknown is BERR_BAD_INPUT.
 *
 * libxml2 runs with no network, no DTD, no entity expansion, no XInclude, a
 * size cap, and a process-wide external entity loader that refuses
 * everything (installed by the first render_open; call it from the main
 * thread before worker threads start).
 */
#ifndef BERKAS_RENDER_RENDER_H
#define BERKAS_RENDER_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

struct render_engine;

enum render_issuer {
    RENDER_ISSUER_INVESTIGATOR, /* PPNS, the office */
    RENDER_ISSUER_PROSECUTOR,   /* Kejaksaan */
    RENDER_ISSUER_SYSTEM,       /* generated pages: sampul, daftar isi, manifest */
};

/* A parameter a form takes, e.g. "party" (the person a BAP is about). */
struct render_param_info {
    const char *name;
    const char *description;
    bool required;
};

/* What a template says about itself (the <form> element). */
struct render_form_info {
    const char *name;  /* file name without .xml: "sprindik" */
    const char *title; /* "Surat Perintah Penyidikan" */
    const char *code;  /* document type code: "SP.SIDIK" */
    enum render_issuer issuer;
    bool pro_justitia; /* carries the PRO JUSTITIA marking */
    const char *page;  /* "A4" or "F4" */
    const struct render_param_info *params;
    size_t n_params;
    /* What the template reads of the case besides its own act, found in its text when it is
     * loaded (app/stale.c: a paper printing another act or a party goes stale with it):
     * " kind kind ... " the kinds of act it selects by kind (c:jenis/@kode = 'kind'), and
     * which parties it prints (RENDER_READS_*). */
    const char *cites;
    unsigned reads;
};

enum {
    RENDER_READS_SUSPECTS = 1,    /* the suspects' list (daftar-tersangka) */
    RENDER_READS_WITNESSES = 2,   /* daftar-saksi */
    RENDER_READS_EXPERTS = 4,     /* daftar-ahli */
    RENDER_READS_PARTY = 8,       /* a party by id: its act's */
    RENDER_READS_PERMIT = 16,     /* the Penetapan its act names (permit_act) */
    RENDER_READS_SEIZED = 32,     /* the party each thing was seized from (disita-dari): any */
    RENDER_READS_CHARGES = 64,    /* the Pasal charged (daftar-pasal) */
    RENDER_READS_EVIDENCE = 128,  /* the things seized (barang-bukti) */
    RENDER_READS_ACT_ITEMS = 256, /* ... only those its act took (barang-bukti/penyitaan) */
    /* every reporter and victim (daftar-pelapor, daftar-korban): the SP3's papers list them
     * among those it is notified to (KUHAP 109(2); UU 20/2025 Pasal 24(4)) */
    RENDER_READS_REPORTERS = 512,
};

struct render_kv {
    const char *name;
    const char *value;
};

/* Who signs, when the case XML does not say (the head of office for
 * orders and letters).  Each member is an XPath variable: $signer-name,
 * $signer-nip, $signer-rank (pangkat), $signer-grade (golongan),
 * $signer-position (jabatan), $signer-on-behalf ("a.n. KEPALA ..."),
 * $signer-acting ("Plh." or "Plt." before the position, never upper-cased).
 * Absent members are empty strings. */
struct render_signer {
    const char *name;
    const char *nip;
    const char *rank;
    const char *grade;
    const char *position;
    const char *on_behalf;
    const char *acting;
};

struct render_opts {
    const char *date;                   /* the document's date, YYYY-MM-DD (required): $date */
    bool issued;                        /* false: a draft, watermarked DRAFT, no number */
    const char *number;                 /* issued: the number ($number, <number/>) */
    const char *verify_code;            /* issued: short verification code (printed, in the QR) */
    const char *verify_url;             /* issued: URL the QR code points at */
    const char *place;                  /* $place; NULL: the city taken from the office's name */
    const struct render_signer *signer; /* NULL: all $signer-* empty */
    const struct render_kv *params;     /* the form's declared parameters */
    size_t n_params;
    /* The act the document belongs to: $act is its id in the case XML
     * ("peristiwa-7", "" for none), $act-time its hour on the office's clock
     * ("09:30", "" when the act has none), $late whether the document was
     * issued after the late-entry threshold (it is still dated by its act). */
    const char *act;
    const char *act_time;
    bool late;
    /* late: the day it was issued (YYYY-MM-DD, the office's calendar), printed under the
     * verification code - a paper issued late is still dated by its act and marked as entered
     * late (DOMAIN 12); NULL: no mark */
    const char *entered_on;
};

/* Open an engine: every templates/NAME.xml of template_dir (form.rng
 * beside them), fonts BerkasSerif.ttf and BerkasSerif-Bold.ttf of font_dir
 * (NULL: render_default_font_dir()).  NULL and err on failure; the message
 * names the file and line. */
struct render_engine *render_open(const char *template_dir, const char *font_dir, struct berr *err);

/* Free the engine (NULL is fine).  No render may be running. */
void render_close(struct render_engine *e);

/* The fonts built into this build tree (the meson custom target). */
const char *render_default_font_dir(void);

/* The font directory the engine uses. */
const char *render_font_dir(const struct render_engine *e);

/* All forms, sorted by name; *count set.  Owned by the engine. */
const struct render_form_info *render_forms(const struct render_engine *e, size_t *count);

/* The form called name, or NULL. */
const struct render_form_info *render_form_find(const struct render_engine *e, const char *name);

/* Render one form.  On success *pdf is a malloc'd PDF (the caller frees),
 * *pdf_len its size, *pages (may be NULL) its page count.  On failure
 * nothing is allocated and err says why: BERR_NOT_FOUND unknown form,
 * BERR_BAD_INPUT bad options or case XML, BERR_UNPROCESSABLE data missing
 * (err->message lists every missing field, err->field the first),
 * BERR_INTERNAL a template or libharu failure. */
bool render_form(const struct render_engine *e, const char *form, const char *case_xml,
                 size_t case_len, const struct render_opts *opts, unsigned char **pdf,
                 size_t *pdf_len, int *pages, struct berr *err);

/* ---- books: the berkas perkara in one PDF ------------------------------------------ */

/* One part of a book: a form rendered with its own options.  Generated
 * pages are forms too: a template with <toc/> lists the parts and their
 * first pages (daftar isi), one with <manifest/> lists each part that has a
 * sha256. */
struct render_part {
    const char *form;   /* template name */
    const char *title;  /* outline and daftar isi entry; NULL: the form's title */
    const char *sha256; /* hex SHA-256 of the issued document, for <manifest/>; or NULL */
    bool hide_in_toc;   /* leave out of <toc/> (the sampul, the daftar isi itself) */
    struct render_opts opts;
    /* The case document this part binds to; NULL: the book's.  An issued
     * document is reprinted from the data it was issued from. */
    const char *case_xml;
    size_t case_len;
    /* Blank pages laid out after the part, counted in the page numbers and
     * the daftar isi: the places an upload's own pages take (render_pdf_bind). */
    int blank_pages;
};

/* Render parts into ONE PDF: running page numbers "Halaman X dari Y",
 * every part on a new page, one outline entry per part.  Laid out twice so
 * that <toc/> prints each part's real first page.  first_pages (may be
 * NULL) receives n entries, each part's first page (1-based).  Errors as
 * render_form, the message prefixed with the part's form name. */
bool render_book(const struct render_engine *e, const char *case_xml, size_t case_len,
                 const struct render_part *parts, size_t n, bool draft, unsigned char **pdf,
                 size_t *pdf_len, int *pages, int *first_pages, struct berr *err);

/* ---- pages from outside: PDF uploads (bind.c, libqpdf) ------------------------------ */

/* Whether pdf is a PDF berkas can bind: "%PDF-" first and "%%EOF" at the
 * end, readable by qpdf, not encrypted, 1 to 2000 pages (*pages):
 * BERR_BAD_INPUT saying why not; and without active content (JavaScript,
 * actions run unasked, embedded files, XFA: bind.c's head lists them):
 * BERR_UNPROCESSABLE naming what was found. */
bool render_pdf_check(const unsigned char *pdf, size_t len, int *pages, struct berr *err);

/* The check's walk is capped, so that no upload makes it run long or grow without end (README,
 * "Papers from outside"): the dictionaries, arrays and streams it walks; how many wait at once
 * (its own memory); how deep arrays and dictionaries nest inside one object.  A PDF past one is
 * refused BERR_UNPROCESSABLE saying which.  bench/pdfcheck measures the check. */
#define RENDER_PDF_CHECK_MAX_OBJECTS 100000
#define RENDER_PDF_CHECK_MAX_PENDING 100000
#define RENDER_PDF_CHECK_MAX_DEPTH   64

/* The version of render_pdf_check's rules, stored with each upload that passed them
 * (app.uploads.checked, sql/0052): an upload stored before them, or under rules since widened
 * (bump this when bind.c's lists grow), is checked again wherever it is read or bound. */
#define RENDER_PDF_CHECK_VERSION "active-1"

/* An upload bound into a book (one that passed render_pdf_check): its pages replace the book's
 * pages first_page .. first_page + pages - 1 (1-based; placeholders laid out by render_book for a
 * part with blank_pages). */
struct render_insert {
    int first_page;
    int pages;
    const unsigned char *pdf;
    size_t len;
};

/* The book with every insert in place; *out malloc'd. */
bool render_pdf_bind(const unsigned char *book, size_t len, const struct render_insert *ins,
                     size_t n, unsigned char **out, size_t *out_len, struct berr *err);

/* v in title case as a name is written in running text (format="title",
 * titlecase.c): each word capitalised, the EYD function words (di, ke, dari,
 * dan, yang, untuk, pada) small unless first, acronyms of initials (DKI,
 * DIY, NTB, NTT, TPI, ...) and Roman numerals (I, II, IIA, IV, ...) in
 * capitals.  Malloc'd; NULL when out of memory. */
char *render_title_case(const char *v);

/* ---- for tests -------------------------------------------------------------------- */

/* Times the external entity loader was asked for anything since start-up
 * (every call is refused; a safe parse never calls it at all). */
unsigned long render_xml_loader_calls(void);

/* Parse a template from memory with the engine's rules (size cap, no DTD,
 * schema) without keeping it: for the hostile-template tests.  name is
 * used in messages ("name:line: message"). */
bool render_check_template(const char *template_dir, const char *name, const char *buf, size_t len,
                           struct berr *err);

/* Whether the document fonts draw every character of the UTF-8 text s (line ends and tabs
 * pass: the layout breaks on them): a text that will be printed on a paper must be, or it is
 * drawn as empty boxes.  false with *bad the first character they do not draw, or -1 for bytes
 * that are no UTF-8.  The fonts' own coverage, read from them at build time (fontcover.py). */
bool render_printable(const char *s, long *bad);

#endif
