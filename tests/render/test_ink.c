/* test_ink.c - what the page LOOKS like, not only what pdftotext reads.
 *
 * Debian's libharu 2.3.0 drops the inner pieces of nested composite glyphs
 * when it subsets a font: "Nguyễn Đặng" was drawn as "Nguyen Đ ̣ng" while
 * pdftotext still read it right.  The fonts are decomposed at build time;
 * this test proves it on the page: each name, rasterised at 300 dpi, must
 * carry more ink than its unaccented twin in the same font and size. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

static const char ink_form[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<form xmlns=\"urn:berkas:form:1\" title=\"Tinta\" code=\"TEST.INK\" issuer=\"system\"\n"
    "      pro-justitia=\"false\" page=\"A4\" font-size=\"14\">\n"
    "  <param name=\"text\"/>\n"
    "  <body>\n"
    "    <p align=\"left\"><field select=\"$text\"/></p>\n"
    "    <p align=\"left\"><b><field select=\"$text\"/></b></p>\n"
    "  </body>\n"
    "</form>\n";

static struct render_engine *ink_engine;
static char *ink_dir;

static void setup(void)
{
    ink_dir = temp_dir();
    char path[1200];
    size_t n;
    snprintf(path, sizeof path, "%s/form.rng", env_dir("RENDER_TEMPLATES"));
    char *rng = slurp(path, &n);
    ck_assert_ptr_nonnull(rng);
    snprintf(path, sizeof path, "%s/form.rng", ink_dir);
    spit(path, rng, n);
    free(rng);
    snprintf(path, sizeof path, "%s/ink.xml", ink_dir);
    spit(path, ink_form, strlen(ink_form));
    struct berr err = {0};
    ink_engine = render_open(ink_dir, NULL, &err);
    ck_assert_msg(ink_engine != NULL, "%s", err.message);
}

static void teardown(void)
{
    render_close(ink_engine);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", ink_dir);
    ck_assert_int_eq(system(cmd), 0);
    free(ink_dir);
}

static void render_text(const char *text, const char *pdf)
{
    const struct render_kv kv[] = {{"text", text}};
    struct render_opts o = {
        .date = "2024-09-02", .issued = true, .number = "1", .params = kv, .n_params = 1};
    unsigned char *buf;
    size_t len;
    struct berr err = {0};
    ck_assert_msg(render_form(ink_engine, "ink", "<perkara xmlns=\"urn:berkas:case:1\"/>", 36, &o,
                              &buf, &len, NULL, &err),
                  "%s", err.message);
    spit(pdf, buf, len);
    free(buf);
}

/* Dark pixels (grey < 128) in the top band of page 1 at 300 dpi. */
static long ink(const char *pdf)
{
    char cmd[2600], pgm[1200];
    snprintf(pgm, sizeof pgm, "%s.raster", pdf);
    snprintf(cmd, sizeof cmd,
             "pdftoppm -q -r 300 -gray -f 1 -l 1 -x 0 -y 0 -W 2480 -H 700 -singlefile "
             "'%s' '%s'",
             pdf, pgm);
    ck_assert_int_eq(system(cmd), 0);
    strncat(pgm, ".pgm", sizeof pgm - strlen(pgm) - 1);
    size_t n;
    unsigned char *b = (unsigned char *)slurp(pgm, &n);
    ck_assert_msg(b != NULL && n > 20 && b[0] == 'P' && b[1] == '5', "%s is not a PGM", pgm);
    /* header: P5 <w> <h> <max>, whitespace separated, then one byte per pixel */
    size_t i = 2;
    int fields = 0;
    while (fields < 3 && i < n) {
        while (i < n && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
            i++;
        while (i < n && b[i] >= '0' && b[i] <= '9')
            i++;
        fields++;
    }
    i++; /* the single whitespace before the pixels */
    long dark = 0;
    for (; i < n; i++)
        dark += b[i] < 128;
    free(b);
    return dark;
}

START_TEST(test_accented_names_carry_more_ink_than_their_twins)
{
    static const char *const pairs[][2] = {
        {"Nguyễn Đặng", "Nguyen Dang"},
        {"Nguyễn Văn Thành", "Nguyen Van Thanh"},
        {"Đặng Thị Hương", "Dang Thi Huong"},
        {"Zoë Müller", "Zoe Muller"},
        {"Łukasz Wiśniewski", "Lukasz Wisniewski"},
        {"Ayşe Şahin", "Ayse Sahin"},
        {"Trần Thị Mai", "Tran Thi Mai"},
    };
    char a[1200], b[1200];
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        snprintf(a, sizeof a, "%s/accented.pdf", ink_dir);
        snprintf(b, sizeof b, "%s/plain.pdf", ink_dir);
        render_text(pairs[i][0], a);
        render_text(pairs[i][1], b);
        long ia = ink(a), ib = ink(b);
        ck_assert_msg(ib > 1000, "the twin \"%s\" is on the page (%ld dark pixels)", pairs[i][1],
                      ib);
        ck_assert_msg(ia > ib, "\"%s\" carries %ld dark pixels, its twin \"%s\" %ld: marks dropped",
                      pairs[i][0], ia, pairs[i][1], ib);
        /* and pdftotext reads it back byte for byte */
        char *t = pdf_text(a, 0, 0);
        ck_assert_msg(strstr(t, pairs[i][0]) != NULL, "pdftotext lost \"%s\"", pairs[i][0]);
        free(t);
    }
}
END_TEST

START_TEST(test_a_word_longer_than_the_line_breaks_between_characters)
{
    /* 300 x U+1EC5 (three bytes each), no space: libharu's MeasureText may
     * cut inside a character; the layout backs off to a boundary */
    char text[1000];
    size_t o = 0;
    for (int i = 0; i < 300; i++) {
        memcpy(text + o, "\xE1\xBB\x85", 3);
        o += 3;
    }
    text[o] = '\0';
    char pdf[1200];
    snprintf(pdf, sizeof pdf, "%s/long.pdf", ink_dir);
    render_text(text, pdf);
    char cmd[1400];
    /* -layout: the lines as laid out (without it pdftotext joins a word
     * hyphenated at a line's end) */
    snprintf(cmd, sizeof cmd, "pdftotext -q -layout -enc UTF-8 '%s' -", pdf);
    char *t = run(cmd);
    int count = 0, lines = 0;
    for (const char *p = t; (p = strstr(p, "\xE1\xBB\x85")) != NULL; p += 3)
        count++;
    for (const char *p = t; *p; p++) {
        lines += *p == '\n';
        /* nothing but whole characters: no stray continuation or lead bytes */
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80)
            ck_assert_msg(c == 0xE1 || c == 0xBB || c == 0x85, "broken byte %02x", c);
    }
    ck_assert_int_eq(count, 600);
    ck_assert_int_gt(lines, 6); /* it did wrap */
    free(t);
}
END_TEST

Suite *suite_ink(void)
{
    Suite *s = suite_create("ink");
    TCase *tc = tcase_create("ink");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_accented_names_carry_more_ink_than_their_twins);
    tcase_add_test(tc, test_a_word_longer_than_the_line_breaks_between_characters);
    suite_add_tcase(s, tc);
    return s;
}
