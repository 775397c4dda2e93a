/* test_ruleset.c - the two built-in regimes, choosing one per act by date,
 * and amending values by key as the store will. */
#include <check.h>
#include <stddef.h>
#include <string.h>

#include "core/ruleset.h"
#include "helpers.h"
#include "suites.h"

static int value(const struct ruleset *rs, const char *key)
{
    struct rule_value v = {-1, false};
    ck_assert_msg(ruleset_get(rs, key, &v), "no key %s", key);
    return v.value;
}

static bool to_verify(const struct ruleset *rs, const char *key)
{
    struct rule_value v = {-1, false};
    ck_assert_msg(ruleset_get(rs, key, &v), "no key %s", key);
    return v.to_verify;
}

START_TEST(test_builtins_are_kuhap_1981_and_kuhap_2025)
{
    const struct ruleset *old = ruleset_builtin(0), *neu = ruleset_builtin(1);
    ck_assert_str_eq(old->name, "KUHAP-1981");
    ck_assert_str_eq(neu->name, "KUHAP-2025");
    ck_assert_int_eq(old->regime, REGIME_KUHAP_1981);
    ck_assert_int_eq(neu->regime, REGIME_KUHAP_2025);
    /* UU 20/2025 Pasal 369: in force 2 January 2026. */
    ck_assert(caldate_cmp(neu->effective_from, day_of("2026-01-02")) == 0);
    ck_assert(caldate_cmp(old->effective_from, day_of("1981-12-31")) == 0);
    ck_assert_ptr_null(ruleset_builtin(2));
    ck_assert_ptr_null(ruleset_builtin(-1));
    ck_assert_ptr_eq(ruleset_builtin_find("KUHAP-2025"), neu);
    ck_assert_ptr_null(ruleset_builtin_find("KUHAP-2026"));
    ck_assert_str_eq(regime_code(REGIME_KUHAP_2025), "KUHAP-2025");
}
END_TEST

START_TEST(test_kuhap_1981_values_are_the_deadline_table)
{
    const struct ruleset *rs = ruleset_builtin(0);
    /* DOMAIN.md 5.2: D1, D4-D7, D9-D14. */
    ck_assert_int_eq(value(rs, "spdp_days"), 7);
    ck_assert_int_eq(value(rs, "spdp_warn_day"), 5);
    ck_assert_int_eq(value(rs, "arrest_hours"), 24);
    ck_assert_int_eq(value(rs, "detention_days"), 20);
    ck_assert_int_eq(value(rs, "detention_ext_pu_days"), 40);
    ck_assert_int_eq(value(rs, "detention_ext_court_days"), 30);
    ck_assert_int_eq(value(rs, "detention_ext_court_count"), 2);
    ck_assert_int_eq(value(rs, "pu_answer_days"), 7);
    ck_assert_int_eq(value(rs, "pu_return_days"), 14);
    ck_assert_int_eq(value(rs, "resend_days"), 14);
    ck_assert_int_eq(value(rs, "tahap2_days"), 60);
    ck_assert_int_eq(value(rs, "tahap2_warn1_day"), 30);
    ck_assert_int_eq(value(rs, "tahap2_warn2_day"), 45);
    /* KUHAP 109(3) "segera" (DOMAIN D13): a value to verify, amendable */
    ck_assert_int_eq(value(rs, "sp3_notify_days"), 2);
    ck_assert(to_verify(rs, "sp3_notify_days"));
    ck_assert_int_eq(value(rs, "p17_days"), 30);
    ck_assert_int_eq(value(rs, "detainable_min_years"), 5);
    ck_assert_int_eq(value(rs, "court_ext_min_years"), 9);
    ck_assert_int_eq(value(rs, "detention_needs_polri_order"), 0);
    ck_assert_int_eq(value(rs, "sp3_needs_polri"), 0);
    /* KUHAP 109(3): Korwas; 109(2): the suspect or his family; the reporter named by neither */
    ck_assert_int_eq(value(rs, "sp3_to_korwas"), 1);
    ck_assert(!to_verify(rs, "sp3_to_korwas"));
    ck_assert_int_eq(value(rs, "sp3_to_suspect"), 1);
    ck_assert(!to_verify(rs, "sp3_to_suspect"));
    ck_assert_int_eq(value(rs, "sp3_to_reporter"), 0);
    ck_assert(to_verify(rs, "sp3_to_reporter"));
}
END_TEST

START_TEST(test_kuhap_2025_adds_the_polri_order_and_the_one_day_sp3_notice)
{
    const struct ruleset *rs = ruleset_builtin(1);
    ck_assert_int_eq(value(rs, "detention_needs_polri_order"), 1); /* Pasal 99(3) */
    ck_assert(!to_verify(rs, "detention_needs_polri_order"));
    ck_assert_int_eq(value(rs, "sp3_notify_days"), 1); /* Pasal 24(4) */
    ck_assert_int_eq(value(rs, "sp3_needs_polri"), 1); /* Pasal 24(3) */
    /* Pasal 24(4): the PU, "korban dan/atau tersangka"; Korwas not named - all to verify */
    ck_assert_int_eq(value(rs, "sp3_to_suspect"), 1);
    ck_assert_int_eq(value(rs, "sp3_to_reporter"), 1);
    ck_assert_int_eq(value(rs, "sp3_to_korwas"), 0);
    ck_assert(to_verify(rs, "sp3_to_suspect") && to_verify(rs, "sp3_to_reporter") &&
              to_verify(rs, "sp3_to_korwas"));
    ck_assert_int_eq(value(rs, "arrest_hours"), 24);
    ck_assert_int_eq(value(rs, "detainable_min_years"), 5);
}
END_TEST

START_TEST(test_unconfirmed_2025_values_carry_the_1981_value_to_verify)
{
    const struct ruleset *old = ruleset_builtin(0), *neu = ruleset_builtin(1);
    const char *carried[] = {"spdp_days", "pu_answer_days", "pu_return_days", "resend_days",
                             "tahap2_days", "detention_days", "detention_ext_pu_days",
                             "detention_ext_court_days", "detention_ext_court_count",
                             "court_ext_min_years", "arrest_needs_polri_order",
                             /* DOMAIN 9.2: whether KUHAP 110(4) carried over */
                             "deemed_complete_applies"};
    for (size_t i = 0; i < sizeof carried / sizeof carried[0]; i++) {
        ck_assert_int_eq(value(neu, carried[i]), value(old, carried[i]));
        ck_assert_msg(to_verify(neu, carried[i]), "%s should be to verify", carried[i]);
        ck_assert_msg(!to_verify(old, carried[i]), "%s is settled in 1981", carried[i]);
    }
    /* UNCERTAIN in both regimes (DOMAIN.md 5.2 D14, 4.8, 4.16). */
    ck_assert(to_verify(old, "p17_days") && to_verify(neu, "p17_days"));
    ck_assert(to_verify(old, "detention_warn_days") && to_verify(neu, "detention_warn_days"));
    ck_assert(to_verify(old, "detensi_max_days") && to_verify(neu, "detensi_max_days"));
    /* re-detention after an early release (KUHAP 24(4) is silent): allowed within the days
     * left, the days served counted, to verify in both */
    ck_assert(to_verify(old, "redetention_within_limit") &&
              to_verify(neu, "redetention_within_limit"));
    ck_assert_int_eq(value(old, "redetention_within_limit"), 1);
    ck_assert_int_eq(value(neu, "redetention_within_limit"), 1);
}
END_TEST

START_TEST(test_regime_switches_between_1_and_2_january_2026)
{
    struct ruleset sets[2];
    builtin_sets(sets);
    ck_assert_str_eq(ruleset_for_date(sets, 2, day_of("2026-01-01"))->name, "KUHAP-1981");
    ck_assert_str_eq(ruleset_for_date(sets, 2, day_of("2026-01-02"))->name, "KUHAP-2025");
    ck_assert_str_eq(ruleset_for_date(sets, 2, day_of("2025-12-31"))->name, "KUHAP-1981");
    ck_assert_str_eq(ruleset_for_date(sets, 2, day_of("2030-06-01"))->name, "KUHAP-2025");
    ck_assert_str_eq(ruleset_for_date(sets, 2, day_of("1981-12-31"))->name, "KUHAP-1981");
    ck_assert_ptr_null(ruleset_for_date(sets, 2, day_of("1981-12-30")));
    ck_assert_ptr_null(ruleset_for_date(NULL, 0, day_of("2026-01-02")));
}
END_TEST

START_TEST(test_regime_choice_does_not_depend_on_array_order)
{
    struct ruleset sets[2];
    sets[0] = *ruleset_builtin(1);
    sets[1] = *ruleset_builtin(0);
    ck_assert_str_eq(ruleset_for_date(sets, 2, day_of("2026-01-01"))->name, "KUHAP-1981");
    ck_assert_str_eq(ruleset_for_date(sets, 2, day_of("2026-01-02"))->name, "KUHAP-2025");
}
END_TEST

START_TEST(test_every_key_reads_its_own_field)
{
    struct ruleset rs = *ruleset_builtin(1);
    ck_assert_int_eq(ruleset_key_count(), 49);
    /* Every rule_value field of the struct has a key. */
    ck_assert_int_eq((int)((sizeof(struct ruleset) - offsetof(struct ruleset, spdp_days)) /
                           sizeof(struct rule_value)),
                     ruleset_key_count());
    for (int i = 0; i < ruleset_key_count(); i++) {
        const struct rule_key *k = ruleset_key_at(i);
        ck_assert_ptr_nonnull(k);
        ck_assert_ptr_eq(ruleset_key_find(k->key), k);
        ck_assert_int_gt((int)strlen(k->label), 5);
        ck_assert_int_gt((int)strlen(k->basis), 5);
        ck_assert_int_le(k->min, k->max);
        ck_assert_str_ne(rule_unit_code(k->unit), "");
        for (int j = i + 1; j < ruleset_key_count(); j++)
            ck_assert_str_ne(k->key, ruleset_key_at(j)->key);
        /* Setting a key changes exactly the value read back by that key. */
        int v =
            k->min == k->max ? k->min : (ruleset_value(&rs, k)->value == k->min ? k->max : k->min);
        ck_assert(ruleset_set(&rs, k->key, v));
        ck_assert_int_eq(ruleset_value(&rs, k)->value, v);
    }
    ck_assert_ptr_null(ruleset_key_at(49));
    ck_assert_ptr_null(ruleset_key_at(-1));
}
END_TEST

START_TEST(test_setting_by_name_reaches_the_struct_field)
{
    struct ruleset rs = *ruleset_builtin(1);
    ck_assert(ruleset_set(&rs, "detention_days", 25));
    ck_assert_int_eq(rs.detention_days.value, 25);
    ck_assert(rs.detention_days.to_verify);
    ck_assert(ruleset_set_to_verify(&rs, "detention_days", false));
    ck_assert(!rs.detention_days.to_verify);
    ck_assert(ruleset_set(&rs, "tahap2_warn2_day", 50));
    ck_assert_int_eq(rs.tahap2_warn2_day.value, 50);
    ck_assert_int_eq(rs.tahap2_warn1_day.value, 30);
}
END_TEST

START_TEST(test_unknown_keys_and_out_of_range_values_are_refused)
{
    struct ruleset rs = *ruleset_builtin(0);
    ck_assert(!ruleset_set(&rs, "detention", 10));
    ck_assert(!ruleset_set(&rs, "name", 1));
    ck_assert(!ruleset_set(&rs, "", 1));
    ck_assert(!ruleset_set(&rs, NULL, 1));
    ck_assert(!ruleset_set(&rs, "spdp_days", 0));
    ck_assert(!ruleset_set(&rs, "spdp_days", -7));
    ck_assert(!ruleset_set(&rs, "detention_needs_polri_order", 2));
    ck_assert(!ruleset_set(&rs, "detention_ext_court_count", 3));
    ck_assert(!ruleset_set_to_verify(&rs, "nope", true));
    struct rule_value v;
    ck_assert(!ruleset_get(&rs, "nope", &v));
    for (int i = 0; i < ruleset_key_count(); i++) {
        const struct rule_key *k = ruleset_key_at(i);
        ck_assert_int_eq(ruleset_value(&rs, k)->value, ruleset_value(ruleset_builtin(0), k)->value);
    }
}
END_TEST

START_TEST(test_builtins_pass_the_consistency_check)
{
    struct berr err = {0};
    ck_assert(ruleset_check(ruleset_builtin(0), &err));
    ck_assert(ruleset_check(ruleset_builtin(1), &err));
}
END_TEST

START_TEST(test_a_warning_beyond_its_period_is_refused)
{
    struct berr err = {0};
    struct ruleset rs = *ruleset_builtin(0);
    ck_assert(ruleset_set(&rs, "spdp_warn_day", 8));
    ck_assert(!ruleset_check(&rs, &err));
    ck_assert_int_eq(err.kind, BERR_BAD_INPUT);
    ck_assert_str_eq(err.field, "spdp_warn_day");

    rs = *ruleset_builtin(0);
    ck_assert(ruleset_set(&rs, "tahap2_warn1_day", 50));
    ck_assert(!ruleset_check(&rs, &err));
    ck_assert_str_eq(err.field, "tahap2_warn1_day");

    rs = *ruleset_builtin(0);
    rs.name[0] = '\0';
    ck_assert(!ruleset_check(&rs, &err));
    ck_assert_str_eq(err.field, "name");

    rs = *ruleset_builtin(0);
    rs.effective_from = (struct caldate){2025, 2, 29};
    ck_assert(!ruleset_check(&rs, &err));
    ck_assert_str_eq(err.field, "effective_from");

    rs = *ruleset_builtin(0);
    rs.detention_days.value = 0; /* set behind ruleset_set's back */
    ck_assert(!ruleset_check(&rs, &err));
    ck_assert_str_eq(err.field, "detention_days");
}
END_TEST

START_TEST(test_an_entry_more_than_3_days_after_its_act_is_late)
{
    const struct ruleset *rs = ruleset_builtin(0);
    ck_assert(!ruleset_late_entry(rs, day_of("2025-03-01"), day_of("2025-03-01")));
    ck_assert(!ruleset_late_entry(rs, day_of("2025-03-01"), day_of("2025-03-04")));
    ck_assert(ruleset_late_entry(rs, day_of("2025-03-01"), day_of("2025-03-05")));
    ck_assert(ruleset_late_entry(rs, day_of("2028-02-27"), day_of("2028-03-02")));
    ck_assert(!ruleset_late_entry(rs, day_of("2028-02-27"), day_of("2028-03-01")));
}
END_TEST

Suite *suite_ruleset(void)
{
    Suite *s = suite_create("ruleset");
    TCase *tc = tcase_create("ruleset");
    tcase_add_test(tc, test_builtins_are_kuhap_1981_and_kuhap_2025);
    tcase_add_test(tc, test_kuhap_1981_values_are_the_deadline_table);
    tcase_add_test(tc, test_kuhap_2025_adds_the_polri_order_and_the_one_day_sp3_notice);
    tcase_add_test(tc, test_unconfirmed_2025_values_carry_the_1981_value_to_verify);
    tcase_add_test(tc, test_regime_switches_between_1_and_2_january_2026);
    tcase_add_test(tc, test_regime_choice_does_not_depend_on_array_order);
    tcase_add_test(tc, test_every_key_reads_its_own_field);
    tcase_add_test(tc, test_setting_by_name_reaches_the_struct_field);
    tcase_add_test(tc, test_unknown_keys_and_out_of_range_values_are_refused);
    tcase_add_test(tc, test_builtins_pass_the_consistency_check);
    tcase_add_test(tc, test_a_warning_beyond_its_period_is_refused);
    tcase_add_test(tc, test_an_entry_more_than_3_days_after_its_act_is_late);
    suite_add_tcase(s, tc);
    return s;
}
