/* test_layout.c - the layout faults of issue 8.9, measured where pdftotext
 * -bbox finds the words on the page:
 *
 * - a <rows> label longer than its column wraps inside the column: every
 *   colon of the block stands in one column, no label word reaches it, no
 *   value word starts before it, and a wrapped label ends above the next row;
 * - a signature block, and a receipt a template keeps together, never start
 *   a page alone: the page that holds them holds at least the last two lines
 *   of the text before them, above them.
 *
 * The templates are the test's own (written to a private template directory
 * with the real form.rng), so the page geometry is known; the real
 * forms' receipt and signatures are checked by the same rule at the end. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

static const char rows_form[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<form xmlns=\"urn:berkas:form:1\" title=\"Baris berlabel\" code=\"TEST.ROWS\" "
    "issuer=\"system\" pro-justitia=\"false\" page=\"A4\" font-size=\"11\">\n"
    "  <body>\n"
    "    <rows label-width=\"30\">\n"
    "      <row label=\"Nama\">Nguyễn Thị Phương Thảo Đặng Hoàng Quỳnh Anh</row>\n"
    "      <row label=\"Tempat dan tanggal lahir serta kewarganegaraan menurut "
    "paspornya\">Thành phố Hồ Chí Minh, 4 Maret 1991</row>\n"
    "      <row label=\"Alamat\">Jalan Pantai Batu Bolong Nomor 18, Banjar Canggu, Desa Canggu, "
    "Kecamatan Kuta Utara, Kabupaten Badung, Provinsi Bali, di rumah milik saksi "
    "Zoë Müller yang disewakan sebagai vila</row>\n"
    "      <row label=\"Pekerjaan atau jabatan terakhir\">Juru masak</row>\n"
    "      <row label=\"Kewarganegaraanrangkappanjangsekali\">Vietnam</row>\n"
    "      <row label=\"Agama\">Hindu</row>\n"
    "    </rows>\n"
    "  </body>\n"
    "</form>\n";

/* Lines L001... from the case document, then a signature block; or a
 * receipt in a <keep>. */
static const char sign_form[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<form xmlns=\"urn:berkas:form:1\" title=\"Tanda tangan\" code=\"TEST.SIGN\" "
    "issuer=\"system\" pro-justitia=\"false\" page=\"A4\" font-size=\"11\">\n"
    "  <param name=\"receipt\" required=\"false\"/>\n"
    "  <body>\n"
    "    <for-each select=\"/c:perkara/c:baris\"><p align=\"left\">Baris <field select=\".\"/> "
    "dari uraian sebelum tanda tangan.</p></for-each>\n"
    "    <if test=\"$receipt = ''\">\n"
    "      <signatures before=\"4\">\n"
    "        <signature position=\"right\" width=\"70\">Penyidik Pegawai Negeri Sipil,"
    "<space mm=\"16\"/><b>Penandatangan</b><br/>NIP 19850312 201012 1 002</signature>\n"
    "      </signatures>\n"
    "    </if>\n"
    "    <if test=\"$receipt != ''\">\n"
    "      <keep>\n"
    "        <p before=\"3\">Penerimaan surat:</p>\n"
    "        <rows label-width=\"40\"><row label=\"Diterima\">............</row>"
    "<row label=\"Tandatangan\">............</row></rows>\n"
    "      </keep>\n"
    "    </if>\n"
    "  </body>\n"
    "</form>\n";

static struct render_engine *lay_engine;
static char *lay_dir;

static void setup(void)
{
    lay_dir = temp_dir();
    char path[1200];
    size_t n;
    snprintf(path, sizeof path, "%s/form.rng", env_dir("RENDER_TEMPLATES"));
    char *rng = slurp(path, &n);
    ck_assert_ptr_nonnull(rng);
    snprintf(path, sizeof path, "%s/form.rng", lay_dir);
    spit(path, rng, n);
    free(rng);
    snprintf(path, sizeof path, "%s/rows.xml", lay_dir);
    spit(path, rows_form, strlen(rows_form));
    snprintf(path, sizeof path, "%s/sign.xml", lay_dir);
    spit(path, sign_form, strlen(sign_form));
    struct berr err = {0};
    lay_engine = render_open(lay_dir, NULL, &err);
    ck_assert_msg(lay_engine != NULL, "%s", err.message);
}

static void teardown(void)
{
    render_close(lay_engine);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", lay_dir);
    ck_assert_int_eq(system(cmd), 0);
    free(lay_dir);
}

static void render_file(const char *form, const char *xml, const struct render_kv *kv, size_t nkv,
                        const char *pdf)
{
    struct render_opts o = {
        .date = "2024-09-02", .issued = true, .number = "1", .params = kv, .n_params = nkv};
    unsigned char *buf;
    size_t len;
    struct berr err = {0};
    ck_assert_msg(render_form(lay_engine, form, xml, strlen(xml), &o, &buf, &len, NULL, &err), "%s",
                  err.message);
    spit(pdf, buf, len);
    free(buf);
}

/* The words of one line: those on page and within 2 pt of baseline y1. */
static bool same_line(const struct bword *a, const struct bword *b)
{
    return a->page == b->page && a->y1 > b->y1 - 2 && a->y1 < b->y1 + 2;
}

START_TEST(test_a_long_row_label_wraps_inside_its_column)
{
    char pdf[1200];
    snprintf(pdf, sizeof pdf, "%s/layout-rows.pdf", env_dir("RENDER_OUT"));
    render_file("rows", "<perkara xmlns=\"urn:berkas:case:1\"/>", NULL, 0, pdf);
    size_t n;
    struct bword *w = pdf_words(pdf, &n);
    /* the colons: one per row, one column */
    long colons[8];
    size_t nc = 0;
    for (long i = word_find(w, n, 0, ":"); i >= 0 && nc < 8;
         i = word_find(w, n, (size_t)i + 1, ":"))
        colons[nc++] = i;
    ck_assert_uint_eq(nc, 6);
    for (size_t i = 1; i < nc; i++)
        ck_assert_msg(
            w[colons[i]].x0 > w[colons[0]].x0 - 0.5 && w[colons[i]].x0 < w[colons[0]].x0 + 0.5,
            "colon %zu at x %.1f, the first at %.1f", i, w[colons[i]].x0, w[colons[0]].x0);
    double colon_x = w[colons[0]].x0;
    /* every word left of the colon column ends before it, every word right
     * of it starts after it: a label never runs into the colon or the value */
    for (size_t i = 0; i < n; i++) {
        if (strcmp(w[i].text, ":") == 0)
            continue;
        bool left = w[i].x0 < colon_x;
        if (left)
            ck_assert_msg(w[i].x1 < colon_x - 1, "\"%s\" reaches the colon (%.1f >= %.1f)",
                          w[i].text, w[i].x1, colon_x - 1);
        else
            ck_assert_msg(w[i].x0 > w[colons[0]].x1, "\"%s\" starts inside the colon column",
                          w[i].text);
    }
    /* the long label is whole, on lines of its own column, the first beside
     * its colon and value, the last above the next row */
    static const char *const label[] = {"Tempat",          "dan",     "tanggal",  "lahir", "serta",
                                        "kewarganegaraan", "menurut", "paspornya"};
    long at = word_find(w, n, 0, "Tempat");
    ck_assert_int_ge(at, 0);
    ck_assert_msg(same_line(&w[at], &w[colons[1]]), "the label's first line is beside its colon");
    ck_assert_msg(same_line(&w[at], &w[word_find(w, n, 0, "Thành")]), "and beside its value");
    double last_y1 = 0;
    int lines = 0;
    for (size_t k = 0; k < sizeof label / sizeof label[0]; k++) {
        long i = word_find(w, n, 0, label[k]);
        ck_assert_msg(i >= 0, "label word %s", label[k]);
        ck_assert_msg(w[i].x0 < colon_x, "%s is in the label column", label[k]);
        if (w[i].y1 > last_y1 + 2) {
            lines++;
            last_y1 = w[i].y1;
        }
    }
    ck_assert_int_ge(lines, 2);
    long next = word_find(w, n, 0, "Alamat");
    ck_assert_msg(w[next].y0 >= last_y1 - 0.5, "the next row begins below the wrapped label");
    /* one word longer than the column: cut inside the column, never across it */
    long kw = word_find(w, n, 0, "Vietnam");
    ck_assert_int_ge(kw, 0);
    ck_assert_double_gt(w[kw].x0, colon_x);
    free(w);
}
END_TEST

/* For N lines before the signature (or receipt), wherever the page breaks:
 * the page of the signature holds the last two lines, above it.  Returns
 * the number of N for which the block is on a later page than line 1. */
static int check_keeps(const char *what, const char *end_word, const struct render_kv *kv,
                       size_t nkv)
{
    int broken = 0;
    for (int lines = 40; lines <= 64; lines++) {
        char *xml = malloc(64 + (size_t)lines * 32);
        ck_assert_ptr_nonnull(xml);
        int o = snprintf(xml, 64, "<perkara xmlns=\"urn:berkas:case:1\">");
        for (int i = 1; i <= lines; i++)
            o += snprintf(xml + o, 32, "<baris>L%03d</baris>", i);
        snprintf(xml + o, 32, "</perkara>");
        char pdf[1200], last[8], before[8];
        snprintf(pdf, sizeof pdf, "%s/layout-%s-%d.pdf", env_dir("RENDER_OUT"), what, lines);
        render_file("sign", xml, kv, nkv, pdf);
        free(xml);
        size_t n;
        struct bword *w = pdf_words(pdf, &n);
        snprintf(last, sizeof last, "L%03d", lines);
        snprintf(before, sizeof before, "L%03d", lines - 1);
        long sig = word_find(w, n, 0, end_word), a = word_find(w, n, 0, last),
             b = word_find(w, n, 0, before), first = word_find(w, n, 0, "L001");
        ck_assert_msg(sig >= 0 && a >= 0 && b >= 0 && first >= 0, "%s %d: words", what, lines);
        ck_assert_msg(w[a].page == w[sig].page && w[b].page == w[sig].page,
                      "%s after %d lines: on page %d, the last lines on pages %d and %d", what,
                      lines, w[sig].page, w[b].page, w[a].page);
        ck_assert_msg(w[a].y1 < w[sig].y0, "%s %d: the last line is above it", what, lines);
        if (w[sig].page > w[first].page)
            broken++;
        free(w);
    }
    return broken;
}

START_TEST(test_a_signature_block_keeps_the_lines_before_it)
{
    int broken = check_keeps("sign", "Penandatangan", NULL, 0);
    /* the range of N crosses the page's end: some signatures went over */
    ck_assert_int_gt(broken, 0);
}
END_TEST

START_TEST(test_a_receipt_kept_together_keeps_the_lines_before_it)
{
    const struct render_kv kv[] = {{"receipt", "1"}};
    int broken = check_keeps("receipt", "Tandatangan", kv, 1);
    ck_assert_int_gt(broken, 0);
}
END_TEST

Suite *suite_layout(void)
{
    Suite *s = suite_create("layout");
    TCase *tc = tcase_create("layout");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_a_long_row_label_wraps_inside_its_column);
    tcase_add_test(tc, test_a_signature_block_keeps_the_lines_before_it);
    tcase_add_test(tc, test_a_receipt_kept_together_keeps_the_lines_before_it);
    suite_add_tcase(s, tc);
    return s;
}
