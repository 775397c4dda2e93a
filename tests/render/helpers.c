/* helpers.c - see helpers.h. */
#include "helpers.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct render_engine *eng;
static char *fixture;
static size_t fixture_len;

const char *env_dir(const char *name)
{
    const char *v = getenv(name);
    ck_assert_msg(v && *v, "%s is not set (run through meson test)", name);
    return v;
}

const struct render_engine *engine(void)
{
    if (!eng) {
        struct berr err = {0};
        eng = render_open(env_dir("RENDER_TEMPLATES"), NULL, &err);
        ck_assert_msg(eng != NULL, "render_open: %s", err.message);
    }
    return eng;
}

char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n < 2) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (b) {
        b[n] = '\0';
        if (len)
            *len = n;
    }
    return b;
}

void spit(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

const char *case_xml(size_t *len)
{
    if (!fixture) {
        char path[1024];
        snprintf(path, sizeof path, "%s/case_rich.xml", env_dir("RENDER_FIXTURES"));
        fixture = slurp(path, &fixture_len);
        ck_assert_msg(fixture != NULL, "cannot read %s", path);
    }
    *len = fixture_len;
    return fixture;
}

char *temp_dir(void)
{
    char tmpl[] = "/tmp/berkas-render-XXXXXX";
    char *d = mkdtemp(tmpl);
    ck_assert_msg(d != NULL, "mkdtemp failed");
    return strdup(d);
}

char *run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    ck_assert_msg(p != NULL, "popen %s", cmd);
    size_t cap = 8192, n = 0;
    char *b = malloc(cap);
    ck_assert_ptr_nonnull(b);
    size_t r;
    while ((r = fread(b + n, 1, cap - n - 1, p)) > 0) {
        n += r;
        if (cap - n < 2) {
            b = realloc(b, cap *= 2);
            ck_assert_ptr_nonnull(b);
        }
    }
    b[n] = '\0';
    pclose(p);
    return b;
}

static char *text_of(const char *pdf_path, int first, int last, bool layout)
{
    char cmd[1200];
    const char *mode = layout ? "-layout" : "";
    if (first > 0)
        snprintf(cmd, sizeof cmd, "pdftotext -q %s -enc UTF-8 -f %d -l %d '%s' -", mode, first,
                 last, pdf_path);
    else
        snprintf(cmd, sizeof cmd, "pdftotext -q %s -enc UTF-8 '%s' -", mode, pdf_path);
    char *t = run(cmd);
    char *o = t;
    bool sp = false;
    for (char *s = t; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f') {
            sp = true;
            continue;
        }
        if (sp && o != t)
            *o++ = ' ';
        sp = false;
        *o++ = *s;
    }
    *o = '\0';
    return t;
}

char *pdf_text(const char *pdf_path, int first, int last)
{
    return text_of(pdf_path, first, last, true);
}

char *pdf_text_raw(const char *pdf_path, int first, int last)
{
    return text_of(pdf_path, first, last, false);
}

const struct render_signer *test_signer(void)
{
    static const struct render_signer s = {
        .name = "Dr. I Gusti Ngurah Rai Wirawan, S.H., M.Si.",
        .nip = "197001011995031001",
        .rank = "Pembina Tingkat I",
        .grade = "IV/b",
        .position = "Kepala Kantor Imigrasi Kelas I TPI Denpasar",
    };
    return &s;
}

int render_to(const char *form, const char *xml, size_t len, const char *date, const char *number,
              const struct render_kv *params, size_t n_params, const char *out_path,
              struct berr *err)
{
    struct render_opts o = {
        .date = date,
        .issued = number != NULL,
        .number = number,
        .verify_code = "K7QX-2M9D",
        .verify_url = "https://berkas.imigrasi.go.id/verify/K7QX-2M9D",
        .signer = test_signer(),
        .params = params,
        .n_params = n_params,
    };
    unsigned char *pdf;
    size_t pdf_len;
    int pages;
    if (!render_form(engine(), form, xml, len, &o, &pdf, &pdf_len, &pages, err))
        return -1;
    if (out_path)
        spit(out_path, pdf, pdf_len);
    free(pdf);
    return pages;
}

int info_pages(const char *info)
{
    const char *p = strstr(info, "Pages:");
    return p ? (int)strtol(p + 6, NULL, 10) : -1;
}

/* The value of attribute name="..." in a pdftotext -bbox line. */
static double attr_of(const char *line, const char *name)
{
    char key[16];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *p = strstr(line, key);
    return p ? strtod(p + strlen(key), NULL) : -1;
}

struct bword *pdf_words(const char *pdf_path, size_t *n)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "pdftotext -q -bbox -enc UTF-8 '%s' - 2>/dev/null", pdf_path);
    char *out = run(cmd);
    size_t cap = 256;
    struct bword *w = malloc(cap * sizeof *w);
    ck_assert_ptr_nonnull(w);
    *n = 0;
    int page = 0;
    for (char *line = out, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strstr(line, "<page ")) {
            page++;
            continue;
        }
        const char *open = strstr(line, "<word ");
        const char *gt = open ? strchr(open, '>') : NULL;
        const char *close = gt ? strstr(gt, "</word>") : NULL;
        if (!close)
            continue;
        if (*n == cap) {
            w = realloc(w, (cap *= 2) * sizeof *w);
            ck_assert_ptr_nonnull(w);
        }
        struct bword *b = &w[(*n)++];
        b->page = page;
        b->x0 = attr_of(open, "xMin");
        b->y0 = attr_of(open, "yMin");
        b->x1 = attr_of(open, "xMax");
        b->y1 = attr_of(open, "yMax");
        snprintf(b->text, sizeof b->text, "%.*s", (int)(close - gt - 1), gt + 1);
    }
    free(out);
    return w;
}

long word_find(const struct bword *w, size_t n, size_t from, const char *text)
{
    for (size_t i = from; i < n; i++)
        if (strcmp(w[i].text, text) == 0)
            return (long)i;
    return -1;
}
