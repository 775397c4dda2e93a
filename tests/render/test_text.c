/* test_text.c - text that is not printable as it stands still prints:
 * every control byte becomes U+FFFD (layout.c, lay_text) and the words
 * around it stay whole, read back from the PDF with pdftotext.
 *
 * A control byte is one byte in and U+FFFD's three bytes out; the arena
 * once reserved two per byte, so a long enough run of them wrote past its
 * end (seen under ASan).  The run below is sized so that the arena's
 * doubling leaves no slack to hide that: after "AWAL" it holds 5 bytes, two
 * per byte of 16,000 ask for 32,009 and get 32,768, and 48,001 are written.
 * (A run of 50,000 is refused by libharu, HPDF_STRING_OUT_OF_RANGE, a limit
 * of its own.) */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

#define FFFD "\xEF\xBF\xBD"

static const char text_form[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<form xmlns=\"urn:berkas:form:1\" title=\"Teks\" code=\"TEST.TEXT\" "
    "issuer=\"system\" pro-justitia=\"false\" page=\"A4\" font-size=\"11\">\n"
    "  <param name=\"t\"/>\n"
    "  <body>\n"
    "    <p align=\"left\">AWAL <field select=\"$t\"/> AKHIR</p>\n"
    "  </body>\n"
    "</form>\n";

/* the same paragraph, the field in title case */
static const char title_form[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<form xmlns=\"urn:berkas:form:1\" title=\"Judul\" code=\"TEST.TITLE\" "
    "issuer=\"system\" pro-justitia=\"false\" page=\"A4\" font-size=\"11\">\n"
    "  <param name=\"t\"/>\n"
    "  <body>\n"
    "    <p align=\"left\">AWAL <field select=\"$t\" format=\"title\"/> AKHIR</p>\n"
    "  </body>\n"
    "</form>\n";

static struct render_engine *text_engine;
static char *text_dir;

static void setup(void)
{
    text_dir = temp_dir();
    char path[1200];
    size_t n;
    snprintf(path, sizeof path, "%s/form.rng", env_dir("RENDER_TEMPLATES"));
    char *rng = slurp(path, &n);
    ck_assert_ptr_nonnull(rng);
    snprintf(path, sizeof path, "%s/form.rng", text_dir);
    spit(path, rng, n);
    free(rng);
    snprintf(path, sizeof path, "%s/text.xml", text_dir);
    spit(path, text_form, strlen(text_form));
    snprintf(path, sizeof path, "%s/title.xml", text_dir);
    spit(path, title_form, strlen(title_form));
    struct berr err = {0};
    text_engine = render_open(text_dir, NULL, &err);
    ck_assert_msg(text_engine != NULL, "%s", err.message);
}

static void teardown(void)
{
    render_close(text_engine);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", text_dir);
    ck_assert_int_eq(system(cmd), 0);
    free(text_dir);
}

/* Render t into form; the PDF's text, as pdftotext reads it in order. */
static char *render_form_text(const char *form, const char *t, const char *name)
{
    const struct render_kv kv[] = {{"t", t}};
    struct render_opts o = {.date = "2024-09-02", .params = kv, .n_params = 1};
    unsigned char *pdf;
    size_t len;
    struct berr err = {0};
    ck_assert_msg(render_form(text_engine, form, "<perkara xmlns=\"urn:berkas:case:1\"/>",
                              strlen("<perkara xmlns=\"urn:berkas:case:1\"/>"), &o, &pdf, &len,
                              NULL, &err),
                  "%s", err.message);
    char path[1200];
    snprintf(path, sizeof path, "%s/text-%s.pdf", env_dir("RENDER_OUT"), name);
    spit(path, pdf, len);
    free(pdf);
    return pdf_text_raw(path, 0, 0);
}

static char *render_text(const char *t, const char *name)
{
    return render_form_text("text", t, name);
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + strlen(what), what))
        n++;
    return n;
}

/* the C0 controls that are not white space (which breaks words), and DEL */
static char control(size_t i)
{
    static const char c[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0B\x0C\x0E\x0F\x10\x11\x12\x13"
                            "\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\x7F";
    return c[i % (sizeof c - 1)];
}

START_TEST(test_a_word_of_sixteen_thousand_control_bytes_prints_as_replacement_characters)
{
    enum { N = 16000 };
    char *t = malloc(N + 1);
    for (size_t i = 0; i < N; i++)
        t[i] = control(i);
    t[N] = '\0';
    char *text = render_text(t, "controls");
    free(t);
    ck_assert_ptr_nonnull(strstr(text, "AWAL"));
    ck_assert_ptr_nonnull(strstr(text, "AKHIR"));
    ck_assert_uint_eq(count(text, FFFD), N);
    for (const char *p = text; *p; p++)
        ck_assert_msg((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\f' || *p == ' ',
                      "control byte 0x%02x in the PDF's text", (unsigned char)*p);
    free(text);
}
END_TEST

START_TEST(test_a_control_byte_inside_a_word_is_replaced_in_place)
{
    char *text = render_text("Nama\x01"
                             "Ayah Bu\x7F"
                             "di Zo\xC3\xAB",
                             "inword");
    ck_assert_msg(strstr(text, "AWAL Nama" FFFD "Ayah Bu" FFFD "di Zo\xC3\xAB AKHIR"),
                  "read back: %s", text);
    free(text);
}
END_TEST

/* UTF-8 that is not well-formed (RFC 3629): each byte that begins no
 * well-formed character prints as one U+FFFD and the bytes after it are
 * read again; a character above U+FFFF (libharu maps 16 bits) is one U+FFFD. */
START_TEST(test_ill_formed_utf8_prints_one_replacement_per_bad_byte)
{
    static const struct {
        const char *in, *want, *what;
    } words[] = {
        {"A\xC3(B", "A" FFFD "(B", "a lead byte without its continuation"},
        {"C\xC0\xAFP", "C" FFFD FFFD "P", "\"/\" in an overlong form"},
        {"E\xED\xA0\x80Q", "E" FFFD FFFD FFFD "Q", "a surrogate, U+D800"},
        {"G\xF0\x9F\x98\x80H", "G" FFFD "H", "U+1F600, past 16 bits"},
        {"J\xF8\x88\x80\x80\x80K", "J" FFFD FFFD FFFD FFFD FFFD "K", "a five-byte form"},
        {"Lu\xE1\xBB\xB9", "Lu\xE1\xBB\xB9", "well-formed: kept"},
        {"I\xE2\x82", "I" FFFD FFFD, "cut short at the end"},
    };
    char in[256] = "", want[512] = "AWAL";
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        snprintf(in + strlen(in), sizeof in - strlen(in), "%s%s", i ? " " : "", words[i].in);
        snprintf(want + strlen(want), sizeof want - strlen(want), " %s", words[i].want);
    }
    snprintf(want + strlen(want), sizeof want - strlen(want), " AKHIR");
    char *text = render_text(in, "illformed");
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        ck_assert_msg(strstr(text, words[i].want), "%s: read back %s", words[i].what, text);
    ck_assert_msg(strstr(text, want), "read back: %s", text);
    free(text);
}
END_TEST

/* format="title" writes a name from a letterhead's capitals as running text
 * writes it (EYD V, huruf kapital): each word capitalised, the function
 * words di, ke, dari, dan, yang, untuk, pada small unless they begin it,
 * acronyms of initials and Roman numerals in capitals.  Each row as the
 * name is written in Indonesian official text, then one read back from a
 * PDF. */
START_TEST(test_title_case_keeps_acronyms_and_roman_numerals)
{
    static const struct {
        const char *in, *want;
    } rows[] = {
        {"KEJAKSAAN TINGGI DKI JAKARTA", "Kejaksaan Tinggi DKI Jakarta"},
        {"KEJAKSAAN TINGGI DAERAH ISTIMEWA YOGYAKARTA",
         "Kejaksaan Tinggi Daerah Istimewa Yogyakarta"},
        {"KANTOR WILAYAH DIY", "Kantor Wilayah DIY"},
        {"KEJAKSAAN TINGGI NTB", "Kejaksaan Tinggi NTB"},
        {"kejaksaan tinggi ntt", "Kejaksaan Tinggi NTT"},
        {"KANTOR IMIGRASI KELAS I TPI PALEMBANG", "Kantor Imigrasi Kelas I TPI Palembang"},
        {"KANTOR IMIGRASI KELAS II NON TPI MUARA ENIM",
         "Kantor Imigrasi Kelas II Non TPI Muara Enim"},
        {"RUMAH TAHANAN NEGARA KELAS IIB BATULICIN", "Rumah Tahanan Negara Kelas IIB Batulicin"},
        {"LEMBAGA PEMASYARAKATAN KELAS IIA", "Lembaga Pemasyarakatan Kelas IIA"},
        {"KELAS III", "Kelas III"},
        {"BAGIAN IV", "Bagian IV"},
        {"SEKTOR IX DAN XIV", "Sektor IX dan XIV"},
        {"KEMENTERIAN HUKUM DAN HAM RI", "Kementerian Hukum dan HAM RI"},
        {"KEJAKSAAN NEGERI DI JAKARTA", "Kejaksaan Negeri di Jakarta"},
        {"DI YOGYAKARTA", "Di Yogyakarta"},
        {"KANTOR WILAYAH KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN SUMATERA SELATAN",
         "Kantor Wilayah Kementerian Imigrasi dan Pemasyarakatan Sumatera Selatan"},
        {"KEJAKSAAN NEGERI BANDA ACEH-SABANG (SUMUT)/X",
         "Kejaksaan Negeri Banda Aceh-Sabang (Sumut)/X"},
        {"MIX DIVA CIVIL VIVA LIVI", "Mix Diva Civil Viva Livi"},
        {"ŁÓDŹ İSTANBUL NGUYỄN", "Łódź İstanbul Nguyễn"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *got = render_title_case(rows[i].in);
        ck_assert_ptr_nonnull(got);
        ck_assert_msg(strcmp(got, rows[i].want) == 0, "\"%s\": \"%s\", not \"%s\"", rows[i].in, got,
                      rows[i].want);
        free(got);
    }
    char *text = render_form_text("title", "KEJAKSAAN TINGGI DKI JAKARTA", "title");
    ck_assert_msg(strstr(text, "AWAL Kejaksaan Tinggi DKI Jakarta AKHIR"), "read back: %s", text);
    free(text);
}
END_TEST

Suite *suite_text(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("text");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc,
                   test_a_word_of_sixteen_thousand_control_bytes_prints_as_replacement_characters);
    tcase_add_test(tc, test_a_control_byte_inside_a_word_is_replaced_in_place);
    tcase_add_test(tc, test_ill_formed_utf8_prints_one_replacement_per_bad_byte);
    tcase_add_test(tc, test_title_case_keeps_acronyms_and_roman_numerals);
    suite_add_tcase(s, tc);
    return s;
}
