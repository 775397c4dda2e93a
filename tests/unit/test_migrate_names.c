/* test_migrate_names.c - which files are migrations, and error lines. */
#include <check.h>
#include "suites.h"

#include "store/migrate.h"

START_TEST(test_migration_names)
{
    ck_assert_int_eq(migrate_parse_name("0001_foundation.sql"), 1);
    ck_assert_int_eq(migrate_parse_name("0042_users_and_roles.sql"), 42);
    ck_assert_int_eq(migrate_parse_name("9999_x.sql"), 9999);
    const char *bad[] = {"0000_zero.sql", "001_short.sql",  "00001_long.sql", "0001-dash.sql",
                         "0001_.sql",     "0001_Upper.sql", "0001_x.sql~",    "0001_x.SQL",
                         "README.md",     "0001_x y.sql",   ".0001_x.sql",    "0001_x.sql.orig"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(migrate_parse_name(bad[i]) == -1, "%s accepted", bad[i]);
}
END_TEST

START_TEST(test_error_positions_map_to_lines)
{
    const char *sql = "SELECT 1;\nSELECT 2;\nSELEC 3;\n";
    ck_assert_int_eq(migrate_line_of(sql, 1), 1);
    ck_assert_int_eq(migrate_line_of(sql, 10), 1);
    ck_assert_int_eq(migrate_line_of(sql, 11), 2);
    ck_assert_int_eq(migrate_line_of(sql, 21), 3);
    ck_assert_int_eq(migrate_line_of(sql, 10000), 4);
}
END_TEST

Suite *suite_migrate_names(void)
{
    Suite *s = suite_create("migrate-names");
    TCase *tc = tcase_create("names");
    tcase_add_test(tc, test_migration_names);
    tcase_add_test(tc, test_error_positions_map_to_lines);
    suite_add_tcase(s, tc);
    return s;
}
