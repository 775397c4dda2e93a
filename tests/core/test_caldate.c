/* test_caldate.c - civil dates, day numbers, the three Indonesian zones, and
 * strict parsing of dates and instants. */
#include <check.h>
#include <string.h>

#include "core/caldate.h"
#include "helpers.h"
#include "suites.h"

static void assert_date(struct caldate d, int y, int m, int dd)
{
    ck_assert_int_eq(d.y, y);
    ck_assert_int_eq(d.m, m);
    ck_assert_int_eq(d.d, dd);
}

START_TEST(test_leap_years_follow_the_gregorian_rule)
{
    ck_assert(caldate_is_leap(2028));
    ck_assert(caldate_is_leap(2000));
    ck_assert(caldate_is_leap(2024));
    ck_assert(!caldate_is_leap(2100));
    ck_assert(!caldate_is_leap(1900));
    ck_assert(!caldate_is_leap(2025));
    ck_assert(!caldate_is_leap(2026));
    ck_assert_int_eq(caldate_days_in_month(2028, 2), 29);
    ck_assert_int_eq(caldate_days_in_month(2027, 2), 28);
    ck_assert_int_eq(caldate_days_in_month(2026, 4), 30);
    ck_assert_int_eq(caldate_days_in_month(2026, 12), 31);
    ck_assert_int_eq(caldate_days_in_month(2026, 13), 0);
    ck_assert_int_eq(caldate_days_in_month(2026, 0), 0);
}
END_TEST

START_TEST(test_validity_rejects_days_that_do_not_exist)
{
    ck_assert(caldate_valid((struct caldate){2028, 2, 29}));
    ck_assert(!caldate_valid((struct caldate){2025, 2, 29}));
    ck_assert(!caldate_valid((struct caldate){2100, 2, 29}));
    ck_assert(!caldate_valid((struct caldate){2026, 4, 31}));
    ck_assert(!caldate_valid((struct caldate){2026, 0, 1}));
    ck_assert(!caldate_valid((struct caldate){2026, 1, 0}));
    ck_assert(!caldate_valid((struct caldate){0, 1, 1}));
    ck_assert(!caldate_valid((struct caldate){10000, 1, 1}));
    ck_assert(caldate_valid((struct caldate){1, 1, 1}));
    ck_assert(caldate_valid((struct caldate){9999, 12, 31}));
}
END_TEST

START_TEST(test_day_numbers_of_known_dates)
{
    ck_assert_int_eq(caldate_to_days(day_of("1970-01-01")), 0);
    ck_assert_int_eq(caldate_to_days(day_of("2000-03-01")), 11017);
    ck_assert_int_eq(caldate_to_days(day_of("2026-01-02")), 20455);
    ck_assert_int_eq(caldate_to_days(day_of("2028-02-29")), 21243);
    ck_assert_int_eq(caldate_to_days(day_of("1900-01-01")), -25567);
    assert_date(caldate_from_days(20455), 2026, 1, 2);
    assert_date(caldate_from_days(-1), 1969, 12, 31);
    assert_date(caldate_from_days(21243), 2028, 2, 29);
}
END_TEST

START_TEST(test_day_numbers_round_trip_and_are_consecutive)
{
    /* 1900-01-01 .. 2100-12-31, day by day, against a naive successor. */
    struct caldate d = {1900, 1, 1};
    int n = caldate_to_days(d);
    int count = 0;
    while (d.y <= 2100) {
        ck_assert_int_eq(caldate_to_days(d), n);
        struct caldate back = caldate_from_days(n);
        ck_assert(caldate_cmp(back, d) == 0);
        d.d++;
        if (d.d > caldate_days_in_month(d.y, d.m)) {
            d.d = 1;
            if (++d.m > 12) {
                d.m = 1;
                d.y++;
            }
        }
        n++;
        count++;
    }
    ck_assert_int_eq(count, 73414); /* 201 years, 49 of them leap */
}
END_TEST

START_TEST(test_adding_days_crosses_29_february_2028)
{
    assert_date(caldate_add(day_of("2028-02-28"), 1), 2028, 2, 29);
    assert_date(caldate_add(day_of("2028-02-28"), 2), 2028, 3, 1);
    assert_date(caldate_add(day_of("2027-02-28"), 1), 2027, 3, 1);
    assert_date(caldate_add(day_of("2028-03-01"), -1), 2028, 2, 29);
    assert_date(caldate_add(day_of("2025-12-31"), 1), 2026, 1, 1);
    assert_date(caldate_add(day_of("2026-01-01"), -1), 2025, 12, 31);
    ck_assert_int_eq(caldate_diff(day_of("2028-02-01"), day_of("2028-03-01")), 29);
    ck_assert_int_eq(caldate_diff(day_of("2027-02-01"), day_of("2027-03-01")), 28);
    ck_assert_int_eq(caldate_diff(day_of("2026-03-01"), day_of("2026-02-01")), -28);
    ck_assert_int_lt(caldate_cmp(day_of("2026-01-01"), day_of("2026-01-02")), 0);
    ck_assert_int_gt(caldate_cmp(day_of("2026-02-01"), day_of("2026-01-31")), 0);
    ck_assert_int_eq(caldate_cmp(day_of("2026-01-02"), day_of("2026-01-02")), 0);
}
END_TEST

START_TEST(test_weekdays_and_indonesian_names)
{
    /* DOMAIN.md 7.3: 2 September 2024 was a Monday; UU 20/2025 took effect
     * on Friday 2 January 2026. */
    ck_assert_int_eq(caldate_weekday(day_of("2024-09-02")), 1);
    ck_assert_str_eq(caldate_weekday_name(day_of("2024-09-02")), "Senin");
    ck_assert_str_eq(caldate_weekday_name(day_of("2026-01-02")), "Jumat");
    ck_assert_str_eq(caldate_weekday_name(day_of("2028-02-29")), "Selasa");
    ck_assert_str_eq(caldate_weekday_name(day_of("1970-01-01")), "Kamis");
    ck_assert_str_eq(caldate_weekday_name(day_of("1969-12-28")), "Minggu");
    ck_assert_int_eq(caldate_weekday(day_of("1969-12-28")), 7);
    ck_assert_str_eq(caldate_month_name(1), "Januari");
    ck_assert_str_eq(caldate_month_name(8), "Agustus");
    ck_assert_str_eq(caldate_month_name(12), "Desember");
    ck_assert_str_eq(caldate_month_name(13), "");
}
END_TEST

START_TEST(test_office_zones_are_fixed_offsets)
{
    ck_assert_int_eq(zone_of("Asia/Jakarta")->offset_seconds, 7 * 3600);
    ck_assert_str_eq(zone_of("Asia/Jakarta")->abbr, "WIB");
    ck_assert_int_eq(zone_of("Asia/Pontianak")->offset_seconds, 7 * 3600);
    ck_assert_int_eq(zone_of("Asia/Makassar")->offset_seconds, 8 * 3600);
    ck_assert_str_eq(zone_of("Asia/Makassar")->abbr, "WITA");
    ck_assert_int_eq(zone_of("Asia/Jayapura")->offset_seconds, 9 * 3600);
    ck_assert_str_eq(zone_of("Asia/Jayapura")->abbr, "WIT");
}
END_TEST

START_TEST(test_unknown_zone_names_are_refused)
{
    ck_assert_ptr_null(caldate_zone("Asia/Singapore"));
    ck_assert_ptr_null(caldate_zone("WIB"));
    ck_assert_ptr_null(caldate_zone("asia/jakarta"));
    ck_assert_ptr_null(caldate_zone(""));
    ck_assert_ptr_null(caldate_zone(NULL));
}
END_TEST

START_TEST(test_same_instant_is_a_different_local_day_in_jakarta_and_jayapura)
{
    int64_t t = instant_of("2026-01-01T15:30:00Z");
    struct caltime wib = caldate_local(t, zone_of("Asia/Jakarta"));
    struct caltime wita = caldate_local(t, zone_of("Asia/Makassar"));
    struct caltime wit = caldate_local(t, zone_of("Asia/Jayapura"));
    assert_date(wib.date, 2026, 1, 1);
    ck_assert_int_eq(wib.hour, 22);
    assert_date(wita.date, 2026, 1, 1);
    ck_assert_int_eq(wita.hour, 23);
    assert_date(wit.date, 2026, 1, 2);
    ck_assert_int_eq(wit.hour, 0);
    ck_assert_int_eq(wit.min, 30);
}
END_TEST

START_TEST(test_local_midnight_boundaries_in_each_zone)
{
    const char *zones[] = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"};
    const char *last[] = {"2028-02-29T23:59:59+07:00", "2028-02-29T23:59:59+08:00",
                          "2028-02-29T23:59:59+09:00"};
    for (int i = 0; i < 3; i++) {
        const struct tzone *z = zone_of(zones[i]);
        int64_t t = instant_of(last[i]);
        assert_date(caldate_local_date(t, z), 2028, 2, 29);
        assert_date(caldate_local_date(t + 1, z), 2028, 3, 1);
        ck_assert_int_eq(caldate_day_start(day_of("2028-03-01"), z), t + 1);
        struct caltime lt = caldate_local(t, z);
        ck_assert_int_eq(lt.hour, 23);
        ck_assert_int_eq(lt.min, 59);
        ck_assert_int_eq(lt.sec, 59);
        ck_assert_int_eq(caldate_instant(lt, z), t);
    }
}
END_TEST

START_TEST(test_instants_before_the_epoch_fall_on_the_right_day)
{
    const struct tzone *z = zone_of("Asia/Jakarta");
    struct caltime lt = caldate_local(-1, z);
    assert_date(lt.date, 1970, 1, 1);
    ck_assert_int_eq(lt.hour, 6);
    ck_assert_int_eq(lt.sec, 59);
    lt = caldate_local(-7 * 3600 - 1, z);
    assert_date(lt.date, 1969, 12, 31);
    ck_assert_int_eq(lt.hour, 23);
}
END_TEST

START_TEST(test_dates_parse_strictly)
{
    struct caldate d = {1, 2, 3};
    ck_assert(caldate_parse("2028-02-29", &d));
    assert_date(d, 2028, 2, 29);
    ck_assert(caldate_parse("0001-01-01", &d));
    ck_assert(caldate_parse("9999-12-31", &d));
    const char *bad[] = {"2025-02-29",
                         "2100-02-29",
                         "2025-13-01",
                         "2025-00-10",
                         "2025-04-31",
                         "2025-01-00",
                         "2025-1-01",
                         "2025-01-1",
                         "20250101",
                         "2025/01/01",
                         "2025-01-01 ",
                         " 2025-01-01",
                         "2025-01-01T00:00:00Z",
                         "",
                         "0000-01-01",
                         "2025-01-0a",
                         "+2025-01-01",
                         "2025-01",
                         "２０２５-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct caldate keep = {7, 7, 7};
        ck_assert_msg(!caldate_parse(bad[i], &keep), "accepted %s", bad[i]);
        assert_date(keep, 7, 7, 7);
    }
    ck_assert(!caldate_parse(NULL, &d));
}
END_TEST

START_TEST(test_instants_parse_with_offset_or_z)
{
    int64_t t = 0;
    ck_assert(caldate_parse_instant("2026-03-02T09:30:00+07:00", &t));
    ck_assert_int_eq(t, 1772418600);
    ck_assert(caldate_parse_instant("2026-03-02T02:30:00Z", &t));
    ck_assert_int_eq(t, 1772418600);
    ck_assert(caldate_parse_instant("2026-03-02T11:30:00+09:00", &t));
    ck_assert_int_eq(t, 1772418600);
    ck_assert(caldate_parse_instant("2026-03-01T21:30:00-05:00", &t));
    ck_assert_int_eq(t, 1772418600);
    ck_assert(caldate_parse_instant("2026-03-02T02:30:00+00:00", &t));
    ck_assert_int_eq(t, 1772418600);
    ck_assert(caldate_parse_instant("2028-02-29T23:59:59+14:00", &t));
}
END_TEST

START_TEST(test_instant_parsing_rejects_malformed_times_and_offsets)
{
    const char *bad[] = {
        "2026-03-02T24:00:00+07:00",  "2026-03-02T23:60:00+07:00", "2026-03-02T23:59:60+07:00",
        "2026-03-02T09:30:00+07:60",  "2026-03-02T09:30:00+15:00", "2026-03-02T09:30:00+14:30",
        "2026-03-02T09:30:00+7:00",   "2026-03-02T09:30:00+0700",  "2026-03-02T09:30:00",
        "2026-03-02t09:30:00Z",       "2026-03-02T09:30:00z",      "2026-03-02T09:30:00.5Z",
        "2026-03-02T09:30:00Z ",      "2026-03-02 09:30:00Z",      "2025-02-29T00:00:00Z",
        "2026-03-02T9:30:00Z",        "2026-03-02T09:30Z",         "2026-03-02T09:30:00+07:00:00",
        "2026-03-02T09:30:00 +07:00", "2026-03-02T09:30:00WIB",    "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t keep = 42;
        ck_assert_msg(!caldate_parse_instant(bad[i], &keep), "accepted %s", bad[i]);
        ck_assert_int_eq(keep, 42);
    }
    int64_t t;
    ck_assert(!caldate_parse_instant(NULL, &t));
}
END_TEST

START_TEST(test_formatting_round_trips)
{
    char buf[CALDATE_INSTANT_LEN];
    ck_assert(caldate_format(day_of("2028-02-29"), buf, sizeof buf));
    ck_assert_str_eq(buf, "2028-02-29");
    ck_assert(caldate_format((struct caldate){5, 1, 9}, buf, sizeof buf));
    ck_assert_str_eq(buf, "0005-01-09");
    ck_assert(!caldate_format(day_of("2028-02-29"), buf, 10));
    int64_t t = instant_of("2026-03-02T09:30:00+07:00");
    ck_assert(caldate_format_instant(t, zone_of("Asia/Jakarta"), buf, sizeof buf));
    ck_assert_str_eq(buf, "2026-03-02T09:30:00+07:00");
    ck_assert(caldate_format_instant(t, zone_of("Asia/Makassar"), buf, sizeof buf));
    ck_assert_str_eq(buf, "2026-03-02T10:30:00+08:00");
    ck_assert(caldate_format_instant(t, zone_of("Asia/Jayapura"), buf, sizeof buf));
    ck_assert_str_eq(buf, "2026-03-02T11:30:00+09:00");
    int64_t back;
    ck_assert(caldate_parse_instant(buf, &back));
    ck_assert_int_eq(back, t);
    ck_assert(!caldate_format_instant(t, zone_of("Asia/Jayapura"), buf, 25));
}
END_TEST

Suite *suite_caldate(void)
{
    Suite *s = suite_create("caldate");
    TCase *tc = tcase_create("caldate");
    tcase_add_test(tc, test_leap_years_follow_the_gregorian_rule);
    tcase_add_test(tc, test_validity_rejects_days_that_do_not_exist);
    tcase_add_test(tc, test_day_numbers_of_known_dates);
    tcase_add_test(tc, test_day_numbers_round_trip_and_are_consecutive);
    tcase_add_test(tc, test_adding_days_crosses_29_february_2028);
    tcase_add_test(tc, test_weekdays_and_indonesian_names);
    tcase_add_test(tc, test_office_zones_are_fixed_offsets);
    tcase_add_test(tc, test_unknown_zone_names_are_refused);
    tcase_add_test(tc, test_same_instant_is_a_different_local_day_in_jakarta_and_jayapura);
    tcase_add_test(tc, test_local_midnight_boundaries_in_each_zone);
    tcase_add_test(tc, test_instants_before_the_epoch_fall_on_the_right_day);
    tcase_add_test(tc, test_dates_parse_strictly);
    tcase_add_test(tc, test_instants_parse_with_offset_or_z);
    tcase_add_test(tc, test_instant_parsing_rejects_malformed_times_and_offsets);
    tcase_add_test(tc, test_formatting_round_trips);
    suite_add_tcase(s, tc);
    return s;
}
