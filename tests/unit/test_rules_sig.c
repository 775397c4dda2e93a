/*
 * test_rules_sig.c - the rule sets' fingerprint (app/summary.h summary_rules_sig), which the
 * write path asks for at every act and keeps for the rule sets it last saw: a summary or a
 * snapshot folded under other rule values must never be taken for one of these (a stale
 * fingerprint would let a snapshot folded under the old values be believed after an amendment).
 *  - the same rule sets give the same fingerprint, asked again or copied;
 *  - one value amended, or its "to verify" mark, gives another fingerprint, right after the
 *    old sets were asked for; the old sets asked again give the old one back;
 *  - bytes that are no value (the name's unused tail) do not change it.
 */
#include <check.h>
#include <string.h>

#include "suites.h"
#include "app/summary.h"
#include "core/ruleset.h"

static int builtins(struct ruleset *sets)
{
    int n = 0;
    for (int i = 0; i < RULESET_BUILTIN_COUNT && ruleset_builtin(i); i++)
        memcpy(&sets[n++], ruleset_builtin(i), sizeof *sets);
    return n;
}

START_TEST(test_the_same_sets_keep_their_fingerprint)
{
    struct ruleset a[RULESET_BUILTIN_COUNT], b[RULESET_BUILTIN_COUNT];
    int n = builtins(a);
    ck_assert_int_gt(n, 1);
    long long first = summary_rules_sig(a, n);
    ck_assert_int_eq(summary_rules_sig(a, n), first);
    memcpy(b, a, sizeof a);
    ck_assert_int_eq(summary_rules_sig(b, n), first);
    /* the name's unused tail is no value */
    size_t used = strlen(b[0].name) + 1;
    memset(b[0].name + used, 'x', sizeof b[0].name - used);
    ck_assert_int_eq(summary_rules_sig(b, n), first);
    /* fewer sets are other sets */
    ck_assert_int_ne(summary_rules_sig(a, n - 1), first);
    ck_assert_int_eq(summary_rules_sig(a, n), first);
}
END_TEST

START_TEST(test_an_amended_value_is_another_fingerprint)
{
    struct ruleset a[RULESET_BUILTIN_COUNT], b[RULESET_BUILTIN_COUNT];
    int n = builtins(a);
    long long old = summary_rules_sig(a, n);
    for (int k = 0; k < ruleset_key_count(); k++) {
        memcpy(b, a, sizeof a);
        struct rule_value *v = (struct rule_value *)ruleset_value(&b[n - 1], ruleset_key_at(k));
        v->value += 1;
        long long amended = summary_rules_sig(b, n);
        ck_assert_msg(amended != old, "%s amended, same fingerprint", ruleset_key_at(k)->key);
        ck_assert_int_eq(summary_rules_sig(a, n), old);
        ck_assert_int_eq(summary_rules_sig(b, n), amended);
        v->value -= 1;
        v->to_verify = !v->to_verify;
        ck_assert_msg(summary_rules_sig(b, n) != old, "%s's mark changed, same fingerprint",
                      ruleset_key_at(k)->key);
        ck_assert_int_eq(summary_rules_sig(a, n), old);
    }
}
END_TEST

Suite *suite_rules_sig(void)
{
    Suite *s = suite_create("rules_sig");
    TCase *tc = tcase_create("rules_sig");
    tcase_add_test(tc, test_the_same_sets_keep_their_fingerprint);
    tcase_add_test(tc, test_an_amended_value_is_another_fingerprint);
    suite_add_tcase(s, tc);
    return s;
}
