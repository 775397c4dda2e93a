/* helpers.h - what the render suites share: the engine over the repo's
 * templates, the rich case fixture, and poppler-utils run on a PDF. */
#ifndef BERKAS_TESTS_RENDER_HELPERS_H
#define BERKAS_TESTS_RENDER_HELPERS_H

#include <stdbool.h>
#include <stddef.h>

#include "render/render.h"

/* The engine over templates/ (opened once, shared by the tests). */
const struct render_engine *engine(void);

/* The rich fixture case XML (tests/render/case_rich.xml). */
const char *case_xml(size_t *len);

/* A directory from the environment meson sets, or fail the test. */
const char *env_dir(const char *name);

/* Whole file into a malloc'd NUL-terminated buffer; NULL if unreadable. */
char *slurp(const char *path, size_t *len);

/* Write bytes to a new file path; aborts the test on failure. */
void spit(const char *path, const void *buf, size_t len);

/* A new temporary directory (freed by the caller, left on disk). */
char *temp_dir(void);

/* Run a shell command and return its standard output (malloc'd). */
char *run(const char *cmd);

/* pdftotext -layout of pages first..last (0: all) with every run of
 * whitespace collapsed to one space, so phrases broken across lines still
 * match and a label stays beside its value. */
char *pdf_text(const char *pdf_path, int first, int last);

/* As pdf_text, without -layout: text in reading order, columns apart. */
char *pdf_text_raw(const char *pdf_path, int first, int last);

/* A word where pdftotext -bbox finds it: page (1-based) and box in points
 * from the page's top left. */
struct bword {
    int page;
    double x0, y0, x1, y1;
    char text[96];
};

/* Every word of the PDF in reading order (malloc'd; *n set). */
struct bword *pdf_words(const char *pdf_path, size_t *n);

/* The first word equal to text at or after index from, or -1. */
long word_find(const struct bword *w, size_t n, size_t from, const char *text);

/* The "Pages:" of pdfinfo's output, or -1. */
int info_pages(const char *info);

/* The signer of orders and letters used by the tests. */
const struct render_signer *test_signer(void);

/* Render form with the defaults used by the tests (issued when number is
 * not NULL); writes the PDF to out_path when not NULL.  Returns the
 * pages, or -1 with err set. */
int render_to(const char *form, const char *xml, size_t len, const char *date, const char *number,
              const struct render_kv *params, size_t n_params, const char *out_path,
              struct berr *err);

#endif
