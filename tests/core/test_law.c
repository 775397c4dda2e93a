/* test_law.c - the rules of issue 13 that live in server/core as data: the
 * SP3's grounds (KUHAP 109(2); UU 20/2025 Pasal 24) and a summons' notice
 * (KUHAP 227(1)).  The expectations are
 * written from the statutes as DOMAIN.md quotes them (4.15, 9.1), not read
 * back from the tables. */
#include <check.h>
#include <string.h>

#include "core/detention.h"
#include "core/evlog.h"
#include "core/fsm.h"
#include "core/guard.h"
#include "core/ruleset.h"
#include "core/sp3ground.h"
#include "helpers.h"
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

/* The offences as DOMAIN 8.2 has them (months, rupiah; UU 1/2023 Pasal 79(1) categories:
 * II Rp10 juta, III Rp50 juta, IV Rp200 juta, V Rp500 juta). */
static const struct sp3_offence p119_1 = {"119(1)", 60, false, 500000000, "dan", false, 5, false};
static const struct sp3_offence p113 = {"113", 12, false, 100000000, "dan/atau", false, 4, false};
static const struct sp3_offence p124a = {"124(a)",   24,    false, 200000000,
                                         "dan/atau", false, 4,     false};
static const struct sp3_offence fine2 = {"x", 0, false, 10000000, "", true, 2, false};
static const struct sp3_offence fine3 = {"y", 0, false, 50000000, "", true, 3, false};
static const struct sp3_offence fine4 = {"z", 0, false, 200000000, "", true, 4, false};
static const struct sp3_offence aduan = {"w", 12, false, 0, "", false, 0, true};

START_TEST(test_a_fine_paid_stops_only_the_offences_uu_20_2025_pasal_24_names)
{
    /* "tindak pidana yang hanya diancam pidana denda paling banyak kategori II" */
    const struct sp3_ground *ii = sp3_ground_find("denda_kategori_ii");
    ck_assert(sp3_ground_allows(ii, &fine2));
    ck_assert(!sp3_ground_allows(ii, &fine3));
    ck_assert(!sp3_ground_allows(ii, &p113));   /* prison too: not a fine alone */
    ck_assert(!sp3_ground_allows(ii, &p119_1)); /* play4 #5 */
    /* "diancam pidana penjara paling lama 1 (satu) tahun atau pidana denda paling banyak
     * kategori III" */
    const struct sp3_ground *iv = sp3_ground_find("denda_kategori_iv");
    ck_assert(sp3_ground_allows(iv, &p113));
    ck_assert(sp3_ground_allows(iv, &fine2));
    ck_assert(sp3_ground_allows(iv, &fine3));
    ck_assert(!sp3_ground_allows(iv, &fine4));
    ck_assert(!sp3_ground_allows(iv, &p124a));
    ck_assert(!sp3_ground_allows(iv, &p119_1));
    char t[200];
    sp3_offence_threat(&p119_1, t, sizeof t);
    ck_assert_str_eq(t, "pidana penjara paling lama 5 tahun dan pidana denda paling banyak "
                        "Rp500.000.000 (kategori V)");
}
END_TEST

START_TEST(test_a_complaint_withdrawn_stops_only_a_complaint_offence)
{
    /* KUHP 75; no UU 6/2011 offence is a delik aduan */
    const struct sp3_ground *g = sp3_ground_find("demi_hukum_pengaduan_dicabut");
    ck_assert(sp3_ground_allows(g, &aduan));
    ck_assert(!sp3_ground_allows(g, &p119_1));
    ck_assert(!sp3_ground_allows(g, &p113));
    /* the rest ask nothing of the offence */
    ck_assert(sp3_ground_allows(sp3_ground_find("demi_hukum_meninggal_dunia"), &p119_1));
    ck_assert(sp3_ground_allows(sp3_ground_find("tidak_cukup_bukti"), &p119_1));
}
END_TEST

START_TEST(test_only_want_of_evidence_or_of_a_crime_may_be_reopened)
{
    /* KUHAP 109(2): new evidence reopens a stop for want of evidence (or of a crime); a stop
     * demi hukum (KUHP 76-78), on a fine paid or a settlement ends it (play4 #6, #28) */
    for (int i = 0; i < sp3_ground_count(); i++) {
        const struct sp3_ground *g = sp3_ground_at(i);
        bool want = strcmp(g->code, "tidak_cukup_bukti") == 0 ||
                    strcmp(g->code, "bukan_tindak_pidana") == 0;
        ck_assert_msg(g->reopenable == want, "%s", g->code);
    }
}
END_TEST

/* ---- a summons' notice (KUHAP 227(1)) ---------------------------------------- */

static struct ruleset sets[RULESET_BUILTIN_COUNT];

static struct caldate d(int y, int m, int day)
{
    return (struct caldate){y, m, day};
}

/* A summons served on `served`, calling the person on `appear` (or naming
 * no day when appear is not valid), urgent or not, through the stage table
 * in penyidikan: the missing facts, or none. */
static bool summons(struct caldate served, struct caldate appear, bool urgent, struct missing *m)
{
    for (int i = 0; i < RULESET_BUILTIN_COUNT; i++)
        sets[i] = *ruleset_builtin(i);
    struct case_facts f = {0};
    f.rulesets = sets;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_date = served;
    f.act_known = true;
    f.has_appearance = caldate_valid(appear);
    f.appearance = appear;
    f.urgent_reason = urgent;
    struct fsm_result r;
    bool ok = fsm_apply(ST_INVESTIGATION, EV_SUMMONS_SERVED, &f, &r);
    *m = r.missing;
    return ok;
}

START_TEST(test_a_summons_reaches_the_person_three_days_before_the_appearance)
{
    /* KUHAP 227(1): "selambat-lambatnya tiga hari sebelum tanggal hadir":
     * served on the 2nd, the 5th is three days before, the 4th is not */
    struct missing m;
    ck_assert(summons(d(2025, 6, 2), d(2025, 6, 5), false, &m));
    ck_assert(summons(d(2025, 6, 2), d(2025, 6, 30), false, &m));
    ck_assert(!summons(d(2025, 6, 2), d(2025, 6, 4), false, &m));
    ck_assert_int_eq(m.n, 1);
    ck_assert_int_eq(m.list[0], FACT_SUMMONS_NOTICE);
    ck_assert(!summons(d(2025, 6, 2), d(2025, 6, 2), false, &m));
    /* across a month's end, on the calendar */
    ck_assert(summons(d(2025, 2, 26), d(2025, 3, 1), false, &m));
    ck_assert(!summons(d(2025, 2, 27), d(2025, 3, 1), false, &m));
}
END_TEST

START_TEST(test_a_shorter_notice_only_when_urgent_with_its_reason)
{
    struct missing m;
    ck_assert(summons(d(2025, 6, 2), d(2025, 6, 3), true, &m));
    ck_assert(summons(d(2025, 6, 2), d(2025, 6, 2), true, &m));
    /* no day to appear: nothing to measure the notice by, urgent or not */
    ck_assert(!summons(d(2025, 6, 2), (struct caldate){0}, true, &m));
    ck_assert(!summons(d(2025, 6, 2), (struct caldate){0}, false, &m));
}
END_TEST

START_TEST(test_the_notice_under_uu_20_2025_is_the_rule_sets_value)
{
    /* the new code's rule is not confirmed (DOMAIN.md 9.2): the same three
     * days, marked to verify, and an administrator's amendment applies */
    const struct ruleset *rs2025 = ruleset_builtin_find("KUHAP-2025");
    const struct ruleset *rs1981 = ruleset_builtin_find("KUHAP-1981");
    ck_assert_int_eq(rs1981->summons_notice_days.value, 3);
    ck_assert(!rs1981->summons_notice_days.to_verify);
    ck_assert_int_eq(rs2025->summons_notice_days.value, 3);
    ck_assert(rs2025->summons_notice_days.to_verify);
    struct missing m;
    /* the regime switches on 2 January 2026 (UU 20/2025 Pasal 369) */
    ck_assert(summons(d(2026, 1, 1), d(2026, 1, 4), false, &m));
    ck_assert(summons(d(2026, 1, 2), d(2026, 1, 5), false, &m));
    ck_assert(!summons(d(2026, 1, 2), d(2026, 1, 4), false, &m));
    struct ruleset amended[RULESET_BUILTIN_COUNT] = {*rs1981, *rs2025};
    ck_assert(ruleset_set(&amended[1], "summons_notice_days", 5));
    struct case_facts f = {0};
    f.rulesets = amended;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_date = d(2026, 3, 2);
    f.act_known = true;
    f.has_appearance = true;
    f.appearance = d(2026, 3, 6);
    missing_clear(&m);
    ck_assert(!guard_summons(&f, &m));
    f.appearance = d(2026, 3, 7);
    missing_clear(&m);
    ck_assert(guard_summons(&f, &m));
    /* listing what may come next, the act's own day is not known yet */
    f.act_known = false;
    f.has_appearance = false;
    missing_clear(&m);
    ck_assert(guard_summons(&f, &m));
}
END_TEST

/* ---- arrest to detention (issue 13.7) ---------------------------------------------------- */

/* A suspect arrested at `arrest` (office zone `tz`) and detained at `held`:
 * may the case record it?  Both codes' rule sets, chosen by each act's day
 * in the office's zone; the detainable Pasal 122 charged, the Polri order
 * carried. */
static bool detain(const char *tz, const char *arrest, const char *held, bool unlawful,
                   struct missing *m)
{
    struct ruleset rsets[RULESET_BUILTIN_COUNT];
    builtin_sets(rsets);
    const struct tzone *z = zone_of(tz);
    int64_t a = instant_of(arrest), h = instant_of(held);
    struct detention st;
    detention_init(&st);
    struct detention_act act = {.event = EV_ARRESTED, .at = a};
    const struct ruleset *rs =
        ruleset_for_date(rsets, RULESET_BUILTIN_COUNT, caldate_local_date(a, z));
    ck_assert(detention_apply(&st, &act, rs, z, NULL, &st, NULL));
    struct case_facts f = {0};
    f.rulesets = rsets;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_date = caldate_local_date(h, z);
    f.act_known = true;
    f.offences = 1;
    f.max_prison_months = 60;
    f.offence_detainable = true;
    f.polri_order = true;
    f.arrested = st.state == DET_ARRESTED;
    f.arrest_ends_at = st.arrest_ends_at;
    f.act_at = h;
    f.unlawful_reason = unlawful;
    struct fsm_result r;
    bool ok = fsm_apply(ST_INVESTIGATION, EV_DETAINED, &f, &r);
    *m = r.missing;
    /* the detention machine runs the same guard and agrees */
    struct detention next;
    struct det_result dr;
    struct detention_act d = {.event = EV_DETAINED, .at = h, .type = DETT_RUTAN};
    ck_assert_int_eq(detention_apply(&st, &d,
                                     ruleset_for_date(rsets, RULESET_BUILTIN_COUNT, f.act_date), z,
                                     &f, &next, &dr),
                     ok);
    return ok;
}

START_TEST(test_a_detention_within_the_arrests_day_is_taken_after_it_refused)
{
    /* KUHAP 19(1): "penangkapan ... dapat dilakukan untuk paling lama satu
     * hari"; one day is 24 hours (Pasal 1 angka 31), counted by the hour
     * from the arrest (DOMAIN.md 5.1) */
    struct missing m;
    ck_assert(detain("Asia/Jakarta", "2025-06-02T09:00:00+07:00", "2025-06-03T08:59:00+07:00",
                     false, &m));
    ck_assert(!detain("Asia/Jakarta", "2025-06-02T09:00:00+07:00", "2025-06-03T09:01:00+07:00",
                      false, &m));
    ck_assert_int_eq(m.n, 1);
    ck_assert_int_eq(m.list[0], FACT_ARREST_PERIOD);
    /* WITA and WIT: the hours are the same hours wherever the office is */
    ck_assert(detain("Asia/Makassar", "2025-06-02T23:30:00+08:00", "2025-06-03T23:29:00+08:00",
                     false, &m));
    ck_assert(!detain("Asia/Makassar", "2025-06-02T23:30:00+08:00", "2025-06-03T23:31:00+08:00",
                      false, &m));
    ck_assert(detain("Asia/Jayapura", "2025-06-02T00:15:00+09:00", "2025-06-03T00:14:00+09:00",
                     false, &m));
    ck_assert(!detain("Asia/Jayapura", "2025-06-02T00:15:00+09:00", "2025-06-03T00:16:00+09:00",
                      false, &m));
    /* the same instant written in another zone's offset is the same instant */
    ck_assert(!detain("Asia/Jayapura", "2025-06-02T00:15:00+09:00", "2025-06-02T22:16:00+07:00",
                      false, &m));
    /* exactly 24 hours on, the arrest has run out */
    ck_assert(!detain("Asia/Jakarta", "2025-06-02T09:00:00+07:00", "2025-06-03T09:00:00+07:00",
                      false, &m));
}
END_TEST

START_TEST(test_a_late_detention_is_taken_only_as_unlawful_with_its_reason)
{
    struct missing m;
    ck_assert(
        detain("Asia/Jakarta", "2025-06-02T09:00:00+07:00", "2025-06-05T09:00:00+07:00", true, &m));
    /* a reason does not excuse what the guard needs besides */
    struct ruleset rsets[RULESET_BUILTIN_COUNT];
    builtin_sets(rsets);
    struct case_facts f = {0};
    f.rulesets = rsets;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_date = d(2025, 6, 5);
    f.act_known = true;
    f.arrested = true;
    f.arrest_ends_at = instant_of("2025-06-03T09:00:00+07:00");
    f.act_at = instant_of("2025-06-05T09:00:00+07:00");
    f.unlawful_reason = true;
    missing_clear(&m);
    ck_assert(!guard_detention(&f, &m));
    ck_assert(missing_has(&m, FACT_DETAINABLE_OFFENCE));
    ck_assert(!missing_has(&m, FACT_ARREST_PERIOD));
    /* listing what may come next, the act's instant is not known yet */
    f.offences = 1;
    f.max_prison_months = 60;
    f.offence_detainable = true;
    f.unlawful_reason = false;
    f.act_known = false;
    missing_clear(&m);
    ck_assert(guard_detention(&f, &m));
}
END_TEST

START_TEST(test_the_arrests_day_across_the_new_code)
{
    /* UU 20/2025 keeps 1 x 24 hours (DOMAIN.md 9.1); an arrest on the last
     * day of the old code is measured by the old code's day, a detention on
     * 2 January 2026 by the new one's guard (with the Polri order) */
    struct missing m;
    ck_assert(detain("Asia/Jakarta", "2026-01-01T10:00:00+07:00", "2026-01-02T09:59:00+07:00",
                     false, &m));
    ck_assert(!detain("Asia/Jakarta", "2026-01-01T10:00:00+07:00", "2026-01-02T10:01:00+07:00",
                      false, &m));
    ck_assert(missing_has(&m, FACT_ARREST_PERIOD));
    ck_assert(detain("Asia/Jayapura", "2026-01-01T10:00:00+09:00", "2026-01-02T09:59:00+09:00",
                     false, &m));
    ck_assert(!detain("Asia/Makassar", "2026-01-01T10:00:00+08:00", "2026-01-02T10:01:00+08:00",
                      false, &m));
    ck_assert_int_eq(ruleset_builtin_find("KUHAP-1981")->arrest_hours.value, 24);
    ck_assert_int_eq(ruleset_builtin_find("KUHAP-2025")->arrest_hours.value, 24);
}
END_TEST

/* ---- an interpreter sworn before the BAP (issue 13.9) ----------------------------------- */

static struct case_event bap_of(const char *s, int x)
{
    struct case_event e = ev_suspect(EV_BAP_RECORDED, s, x);
    e.bap = BAP_TERSANGKA;
    return e;
}

START_TEST(test_the_interpreter_is_sworn_before_the_bap)
{
    /* KUHAP 53, 177: a suspect who does not understand Indonesian is
     * examined through an interpreter who has sworn first: by the hour
     * when both are timed, else on the same day or before */
    const struct tzone *wita = zone_of("Asia/Makassar");
    struct case_event log[] = {ev_suspect(EV_INTERPRETER_SWORN, "2025-06-02T09:59:00+08:00", 0),
                               bap_of("2025-06-02T10:00:00+08:00", 0)};
    ck_assert(evlog_interpreted(log, 2, 0, wita));
    log[0] = ev_suspect(EV_INTERPRETER_SWORN, "2025-06-02T10:01:00+08:00", 0);
    ck_assert(!evlog_interpreted(log, 2, 0, wita));
    /* the oath for another suspect is not his */
    log[0] = ev_suspect(EV_INTERPRETER_SWORN, "2025-06-02T09:00:00+08:00", 1);
    ck_assert(!evlog_interpreted(log, 2, 0, wita));
    /* by the office's day when one has no hour: 23:30 WIT on the 1st is
     * still the 1st in Jayapura, before a BAP dated the 2nd */
    const struct tzone *wit = zone_of("Asia/Jayapura");
    struct case_event d[] = {ev_suspect(EV_INTERPRETER_SWORN, "2026-01-01T23:30:00+09:00", 0),
                             bap_of("2026-01-02", 0)};
    ck_assert(evlog_interpreted(d, 2, 0, wit));
    d[1] = bap_of("2026-01-01", 0);
    ck_assert(evlog_interpreted(d, 2, 0, wit)); /* the same day */
    d[0] = ev_suspect(EV_INTERPRETER_SWORN, "2026-01-02T00:30:00+09:00", 0);
    ck_assert(!evlog_interpreted(d, 2, 0, wit));
    /* every BAP of his: a second one before any oath is not covered */
    struct case_event two[] = {bap_of("2025-06-01", 0),
                               ev_suspect(EV_INTERPRETER_SWORN, "2025-06-02", 0),
                               bap_of("2025-06-03", 0)};
    ck_assert(!evlog_interpreted(two, 3, 0, wita));
    /* no BAP: nothing to cover (the BAP itself is another fact) */
    ck_assert(evlog_interpreted(two, 0, 0, wita));
}
END_TEST

START_TEST(test_tahap1_waits_for_the_interpreters_oath_under_both_codes)
{
    struct ruleset rsets[RULESET_BUILTIN_COUNT];
    builtin_sets(rsets);
    struct case_facts f = {0};
    f.rulesets = rsets;
    f.nrulesets = RULESET_BUILTIN_COUNT;
    f.act_known = true;
    f.spdp_sent = true;
    f.suspects = 1;
    f.resume_written = true;
    f.suspects_uninterpreted = 1;
    const char *days[] = {"2026-01-01", "2026-01-02"};
    for (int i = 0; i < 2; i++) {
        f.act_date = day_of(days[i]);
        struct fsm_result r;
        ck_assert(!fsm_apply(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, &r));
        ck_assert_int_eq(r.missing.n, 1);
        ck_assert_int_eq(r.missing.list[0], FACT_INTERPRETER_SWORN);
    }
    f.suspects_uninterpreted = 0;
    struct fsm_result r;
    ck_assert(fsm_apply(ST_INVESTIGATION, EV_TAHAP1_SENT, &f, &r));
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
    tcase_add_test(tc, test_a_fine_paid_stops_only_the_offences_uu_20_2025_pasal_24_names);
    tcase_add_test(tc, test_a_complaint_withdrawn_stops_only_a_complaint_offence);
    tcase_add_test(tc, test_only_want_of_evidence_or_of_a_crime_may_be_reopened);
    suite_add_tcase(s, tc);
    tc = tcase_create("summons_notice");
    tcase_add_test(tc, test_a_summons_reaches_the_person_three_days_before_the_appearance);
    tcase_add_test(tc, test_a_shorter_notice_only_when_urgent_with_its_reason);
    tcase_add_test(tc, test_the_notice_under_uu_20_2025_is_the_rule_sets_value);
    suite_add_tcase(s, tc);
    tc = tcase_create("interpreter");
    tcase_add_test(tc, test_the_interpreter_is_sworn_before_the_bap);
    tcase_add_test(tc, test_tahap1_waits_for_the_interpreters_oath_under_both_codes);
    suite_add_tcase(s, tc);
    tc = tcase_create("arrest_to_detention");
    tcase_add_test(tc, test_a_detention_within_the_arrests_day_is_taken_after_it_refused);
    tcase_add_test(tc, test_a_late_detention_is_taken_only_as_unlawful_with_its_reason);
    tcase_add_test(tc, test_the_arrests_day_across_the_new_code);
    suite_add_tcase(s, tc);
    return s;
}
