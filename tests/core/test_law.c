/* test_law.c - the rules of issue 13 that live in server/core as data: the
 * SP3's grounds (KUHAP 109(2); UU 20/2025 Pasal 24).  The expectations are
 * written from the statutes as DOMAIN.md quotes them (4.15, 9.1), not read
 * back from the tables. */
#include <check.h>
#include <string.h>

#include "core/sp3ground.h"
#include "suites.h"

/* KUHAP 1981 Pasal 109(2): not enough evidence; not a crime; stopped by law,
 * which is stopped for one of its reasons (KUHP 75-78: a complaint
 * withdrawn, ne bis in idem, death, limitation). */
static const char *const kuhap1981[] = {
    "tidak_cukup_bukti",          "bukan_tindak_pidana",    "demi_hukum_nebis_in_idem",
    "demi_hukum_meninggal_dunia", "demi_hukum_kedaluwarsa", "demi_hukum_pengaduan_dicabut",
};
/* UU 20/2025 Pasal 24 adds restorative justice and the two fine payments. */
static const char *const only2025[] = {"keadilan_restoratif", "denda_kategori_ii",
                                       "denda_kategori_iv"};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_the_three_grounds_of_kuhap_109_2_hold_under_both_codes)
{
    for (int i = 0; i < N(kuhap1981); i++) {
        const struct sp3_ground *g = sp3_ground_find(kuhap1981[i]);
        ck_assert_msg(g != NULL, "%s missing", kuhap1981[i]);
        ck_assert(sp3_ground_in(g, REGIME_KUHAP_1981));
        ck_assert(sp3_ground_in(g, REGIME_KUHAP_2025));
        ck_assert_ptr_nonnull(strstr(g->basis, "109(2)"));
        ck_assert_ptr_nonnull(strstr(g->basis, "UU 20/2025 Pasal 24"));
    }
}
END_TEST

START_TEST(test_restorative_justice_and_fines_are_grounds_only_from_2_january_2026)
{
    for (int i = 0; i < N(only2025); i++) {
        const struct sp3_ground *g = sp3_ground_find(only2025[i]);
        ck_assert_msg(g != NULL, "%s missing", only2025[i]);
        ck_assert(!sp3_ground_in(g, REGIME_KUHAP_1981));
        ck_assert(sp3_ground_in(g, REGIME_KUHAP_2025));
        ck_assert_ptr_nonnull(strstr(g->basis, "UU 20/2025 Pasal 24"));
    }
}
END_TEST

START_TEST(test_the_list_is_closed)
{
    /* issue 13.10: "dideportasi" alone is not a ground; nor is a label
     * typed instead of its code, nor "demi hukum" without its reason */
    ck_assert_int_eq(sp3_ground_count(), N(kuhap1981) + N(only2025));
    ck_assert_ptr_null(sp3_ground_find("dideportasi"));
    ck_assert_ptr_null(sp3_ground_find("tidak terdapat cukup bukti"));
    ck_assert_ptr_null(sp3_ground_find("demi_hukum"));
    ck_assert_ptr_null(sp3_ground_find("TIDAK_CUKUP_BUKTI"));
    ck_assert_ptr_null(sp3_ground_find(""));
    ck_assert_ptr_null(sp3_ground_find(NULL));
    ck_assert(!sp3_ground_in(NULL, REGIME_KUHAP_2025));
    ck_assert_ptr_null(sp3_ground_at(-1));
    ck_assert_ptr_null(sp3_ground_at(sp3_ground_count()));
}
END_TEST

START_TEST(test_each_ground_prints_in_indonesian_words)
{
    /* the SP3 says "dihentikan karena <text>" (Permenkumham 39/2021 forms) */
    ck_assert_str_eq(sp3_ground_find("tidak_cukup_bukti")->text, "tidak terdapat cukup bukti");
    ck_assert_ptr_nonnull(strstr(sp3_ground_find("bukan_tindak_pidana")->text, "bukan merupakan "
                                                                               "tindak pidana"));
    for (int i = 0; i < sp3_ground_count(); i++) {
        const struct sp3_ground *g = sp3_ground_at(i);
        ck_assert(g->text[0] != '\0' && g->basis[0] != '\0');
        if (strncmp(g->code, "demi_hukum_", 11) == 0)
            ck_assert_ptr_nonnull(strstr(g->text, "demi hukum"));
        ck_assert_ptr_eq(sp3_ground_find(g->code), g);
    }
}
END_TEST

Suite *suite_law(void)
{
    Suite *s = suite_create("law");
    TCase *tc = tcase_create("sp3_grounds");
    tcase_add_test(tc, test_the_three_grounds_of_kuhap_109_2_hold_under_both_codes);
    tcase_add_test(tc, test_restorative_justice_and_fines_are_grounds_only_from_2_january_2026);
    tcase_add_test(tc, test_the_list_is_closed);
    tcase_add_test(tc, test_each_ground_prints_in_indonesian_words);
    suite_add_tcase(s, tc);
    return s;
}
