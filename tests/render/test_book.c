/* test_book.c - the berkas perkara as one PDF: running page numbers, an
 * outline entry per part, a daftar isi whose page numbers are the pages
 * the parts really start on, a manifest with every part's SHA-256; and a
 * table that spans pages repeats its header row on each. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

static const struct render_kv party1[] = {{"party", "pihak-1"}};

#define SHA_A "3f1d2c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff001"
#define SHA_B "aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55aa55"
#define SHA_C "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* s with every whitespace removed (SHA-256 values wrap in narrow cells) */
static char *squeeze(const char *s)
{
    char *r = strdup(s), *o = r;
    for (; *s; s++)
        if (*s != ' ')
            *o++ = *s;
    *o = '\0';
    return r;
}

START_TEST(test_book_outline_toc_and_running_page_numbers_agree)
{
    size_t len;
    const char *xml = case_xml(&len);
    const struct render_signer *sg = test_signer();
    struct render_opts base = {.date = "2024-09-20", .issued = true, .signer = sg};
    struct render_part parts[7];
    memset(parts, 0, sizeof parts);
    const char *forms[7] = {"sampul",        "daftar_isi",          "sprindik", "spdp",
                            "bap_tersangka", "daftar_barang_bukti", "manifest"};
    const char *numbers[7] = {"BP/04/IX/2024/PPNS-IMI",
                              "-",
                              "SP.Sidik/12/IX/2024/PPNS-IMI",
                              "B-IMI.12.GR.01.01-0451/IX/2024",
                              "BAP/07/IX/2024/PPNS-IMI",
                              "-",
                              "-"};
    const char *sha[7] = {NULL, NULL, SHA_A, SHA_B, SHA_C, NULL, NULL};
    for (int i = 0; i < 7; i++) {
        parts[i].form = forms[i];
        parts[i].opts = base;
        parts[i].opts.number = numbers[i];
        parts[i].sha256 = sha[i];
    }
    parts[0].hide_in_toc = parts[1].hide_in_toc = true;
    parts[4].opts.params = party1;
    parts[4].opts.n_params = 1;
    parts[4].title = "Berita Acara Pemeriksaan Tersangka Nguyễn Văn Thành";

    unsigned char *pdf;
    size_t pdf_len;
    int pages, first[7];
    struct berr err = {0};
    ck_assert_msg(
        render_book(engine(), xml, len, parts, 7, false, &pdf, &pdf_len, &pages, first, &err), "%s",
        err.message);
    char path[1200];
    snprintf(path, sizeof path, "%s/berkas.pdf", env_dir("RENDER_OUT"));
    spit(path, pdf, pdf_len);

    /* page count: ours, pdfinfo's, and the last page's footer */
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s'", path);
    char *info = run(cmd), want[80];
    ck_assert_int_eq(info_pages(info), pages);
    free(info);
    char *t = pdf_text(path, pages, pages);
    snprintf(want, sizeof want, "Halaman %d dari %d", pages, pages);
    ck_assert_msg(strstr(t, want) != NULL, "last page footer: %s", want);
    free(t);

    /* a reader takes the fonts' ToUnicode maps without complaint (poppler said
     * "Invalid 'begincidrange' operator in ToUnicode CMap" for each font of
     * each page: libharu's map, rewritten by pdf.c), and the names in other
     * scripts read back as written */
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' /dev/null 2>&1", path);
    char *said = run(cmd);
    ck_assert_msg(said[0] == '\0', "pdftotext on the berkas: %s", said);
    free(said);
    t = pdf_text(path, 0, 0);
    static const char *const names[] = {"Nguyễn Văn Thành", "Ayşe Şahin", "Zoë Müller",
                                        "Łukasz Wiśniewski"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        ck_assert_msg(strstr(t, names[i]) != NULL, "%s not read back from the berkas", names[i]);
    free(t);

    /* each part starts on a new page, in order, and that page is its own */
    ck_assert_int_eq(first[0], 1);
    static const char *const marks[7] = {"BERKAS PERKARA",
                                         "DAFTAR ISI",
                                         "SURAT PERINTAH PENYIDIKAN",
                                         "Pemberitahuan Dimulainya Penyidikan",
                                         "BERITA ACARA PEMERIKSAAN TERSANGKA",
                                         "DAFTAR BARANG BUKTI",
                                         "MANIFES BERKAS PERKARA"};
    for (int i = 0; i < 7; i++) {
        if (i > 0)
            ck_assert_int_gt(first[i], first[i - 1]);
        t = pdf_text(path, first[i], first[i]);
        ck_assert_msg(strstr(t, marks[i]) != NULL, "page %d does not begin %s", first[i], forms[i]);
        snprintf(want, sizeof want, "Halaman %d dari %d", first[i], pages);
        ck_assert_msg(strstr(t, want) != NULL, "page %d lacks \"%s\"", first[i], want);
        free(t);
    }

    /* the daftar isi lists parts 3..7 with their real first pages */
    t = pdf_text(path, first[1], first[1]);
    const char *titles[7] = {NULL,
                             NULL,
                             "Surat Perintah Penyidikan",
                             "Surat Pemberitahuan Dimulainya Penyidikan",
                             "Berita Acara Pemeriksaan Tersangka Nguyễn Văn Thành",
                             "Daftar Barang Bukti",
                             "Manifes Berkas Perkara"};
    /* each row: "N. title ... number date page" (a long title or number
     * wraps inside its column, so the row is read as the text between its
     * own number and the next row's) */
    for (int i = 2, no = 1; i < 7; i++, no++) {
        char head[32], next[32], page[16];
        snprintf(head, sizeof head, "%d. ", no);
        snprintf(next, sizeof next, " %d. ", no + 1);
        snprintf(page, sizeof page, " %d", first[i]);
        const char *row = strstr(t, head);
        ck_assert_msg(row != NULL, "daftar isi lacks row %d: %s", no, t);
        const char *end = strstr(row, next);
        size_t rl = end ? (size_t)(end - row) : strlen(row);
        char seg[600];
        snprintf(seg, sizeof seg, "%.*s", (int)(rl < sizeof seg ? rl : sizeof seg - 1), row);
        char word[40];
        snprintf(word, sizeof word, "%.*s", (int)strcspn(titles[i], " "), titles[i]);
        ck_assert_msg(strstr(seg, word) != NULL, "row %d is not %s: %s", no, titles[i], seg);
        ck_assert_msg(strstr(seg, page) != NULL, "row %d lacks page %d: %s", no, first[i], seg);
    }
    ck_assert_ptr_null(strstr(t, "Sampul"));
    free(t);

    /* the manifest: each issued part, its number and SHA-256 */
    t = pdf_text_raw(path, first[6], pages);
    char *sq = squeeze(t);
    ck_assert(strstr(sq, SHA_A) && strstr(sq, SHA_B) && strstr(sq, SHA_C));
    ck_assert(strstr(sq, "SP.Sidik/12/IX/2024/PPNS-IMI"));
    free(sq);
    free(t);

    /* one outline entry per part, UTF-8 titles included */
    size_t n_titles = 0;
    for (const unsigned char *p = pdf; p + 6 < pdf + pdf_len; p++)
        n_titles += memcmp(p, "/Title", 6) == 0;
    ck_assert_uint_eq(n_titles, 7);
    ck_assert(memmem(pdf, pdf_len, "/Outlines", 9) != NULL);
    free(pdf);
}
END_TEST

START_TEST(test_a_table_repeats_its_header_on_every_page)
{
    size_t len;
    const char *xml = case_xml(&len);
    /* 150 pieces of evidence: the second one, 149 times more */
    const char *from = strstr(xml, "    <barang-bukti id=\"barang-bukti-2\">");
    const char *to = strstr(xml, "  </daftar-barang-bukti>");
    ck_assert(from && to);
    size_t item = (size_t)(to - from);
    size_t cap = len + 150 * (item + 16);
    char *big = malloc(cap), *o = big;
    memcpy(o, xml, (size_t)(to - xml));
    o += to - xml;
    for (int k = 3; k <= 150; k++) {
        char id[40];
        snprintf(id, sizeof id, "barang-bukti-%d\"", k);
        const char *q = strstr(from, "barang-bukti-2\"");
        memcpy(o, from, (size_t)(q - from));
        o += q - from;
        memcpy(o, id, strlen(id));
        o += strlen(id);
        size_t rest = item - (size_t)(q - from) - strlen("barang-bukti-2\"");
        memcpy(o, q + strlen("barang-bukti-2\""), rest);
        o += rest;
    }
    memcpy(o, to, strlen(to) + 1);
    struct berr err = {0};
    char path[1200];
    snprintf(path, sizeof path, "%s/daftar-bb-150.pdf", env_dir("RENDER_OUT"));
    int pages = render_to("daftar_barang_bukti", big, strlen(big), "2024-09-20", "DBB/1", NULL, 0,
                          path, &err);
    ck_assert_msg(pages >= 4, "%d pages: %s", pages, err.message);
    for (int p = 1; p <= pages; p++) {
        char *t = pdf_text(path, p, p);
        ck_assert_msg(strstr(t, "No. Uraian Jumlah Disita dari /") &&
                          strstr(t, "Tempat penyimpanan"),
                      "page %d lacks the header row", p);
        char want[64];
        snprintf(want, sizeof want, "Halaman %d dari %d", p, pages);
        ck_assert_msg(strstr(t, want) != NULL, "page %d lacks %s", p, want);
        free(t);
    }
    char *t = pdf_text(path, 0, 0);
    ck_assert(strstr(t, "150. Paspor Republik Turki"));
    free(t);
    free(big);
}
END_TEST

Suite *suite_book(void)
{
    Suite *s = suite_create("book");
    TCase *tc = tcase_create("book");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_book_outline_toc_and_running_page_numbers_agree);
    tcase_add_test(tc, test_a_table_repeats_its_header_on_every_page);
    suite_add_tcase(s, tc);
    return s;
}
