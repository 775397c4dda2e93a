/*
 * test_migrate.c - migrations: applied in order, once, each in its own
 * transaction; an edited, removed, out-of-order or failing migration stops
 * start-up and changes nothing.
 */
#include <check.h>
#include <dirent.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"
#include "store/db.h"
#include "store/migrate.h"

static int count_repo_migrations(void)
{
    DIR *d = opendir(harness_sql_dir());
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (migrate_parse_name(e->d_name) > 0)
            n++;
    if (d)
        closedir(d);
    return n;
}

/* A private copy of the repository's migrations, to edit. */
static char *copy_sql_dir(void)
{
    char *dir = harness_mkdtemp("sql");
    DIR *d = opendir(harness_sql_dir());
    struct dirent *e;
    while ((e = readdir(d))) {
        if (migrate_parse_name(e->d_name) < 0)
            continue;
        char src[1024], dst[1024];
        snprintf(src, sizeof src, "%s/%s", harness_sql_dir(), e->d_name);
        snprintf(dst, sizeof dst, "%s/%s", dir, e->d_name);
        char *text = read_text(src);
        ck_assert_ptr_nonnull(text);
        ck_assert(write_text(dst, text));
        free(text);
    }
    closedir(d);
    return dir;
}

static PGconn *connect_new_empty(const char *name)
{
    char *ci = harness_new_empty_db(name);
    struct berr err = {0};
    PGconn *c = db_connect(ci, &err);
    free(ci);
    ck_assert_msg(c != NULL, "%s", err.message);
    return c;
}

static long long scalar(PGconn *c, const char *sql)
{
    PGresult *r = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    long long v = PQgetisnull(r, 0, 0) ? -1 : strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    return v;
}

START_TEST(test_migrations_apply_to_an_empty_database)
{
    PGconn *c = connect_new_empty("m_apply");
    struct migrate_result res;
    struct berr err = {0};
    ck_assert_msg(migrate_run(c, harness_sql_dir(), &res, &err), "%s", err.message);
    int files = count_repo_migrations();
    ck_assert_int_gt(files, 0);
    ck_assert_int_eq(res.applied_now, files);
    ck_assert_int_eq(res.total, files);
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM berkas_migrations"), files);
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM berkas_migrations WHERE sha256 !~ "
                               "'^[0-9a-f]{64}$'"),
                     0);
    /* the first migration's work is there */
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'app' AND "
                               "tablename = 'settings'"),
                     1);
    PQfinish(c);
}
END_TEST

/* A connection of berkasd's runs with its limits and without JIT (store/db.c): the statements
 * are short, and JIT's compile time, once the planner's estimate passes jit_above_cost, was
 * most of a long log's read. */
START_TEST(test_a_berkasd_connection_has_its_limits_and_no_jit)
{
    PGconn *c = connect_new_empty("m_settings");
    static const char *const want[][2] = {
        {"SHOW jit", "off"},         {"SHOW statement_timeout", "5s"},
        {"SHOW lock_timeout", "2s"}, {"SHOW idle_in_transaction_session_timeout", "10s"},
        {"SHOW TimeZone", "UTC"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        PGresult *r = PQexecParams(c, want[i][0], 0, NULL, NULL, NULL, NULL, 0);
        ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
        ck_assert_msg(strcmp(PQgetvalue(r, 0, 0), want[i][1]) == 0, "%s: %s", want[i][0],
                      PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    PQfinish(c);
}
END_TEST

START_TEST(test_migrations_are_idempotent_on_restart)
{
    PGconn *c = connect_new_empty("m_idem");
    struct migrate_result first, second;
    struct berr err = {0};
    ck_assert_msg(migrate_run(c, harness_sql_dir(), &first, &err), "%s", err.message);
    long long applied_at = scalar(c, "SELECT extract(epoch FROM max(applied_at))*1e6 FROM "
                                     "berkas_migrations");
    ck_assert_msg(migrate_run(c, harness_sql_dir(), &second, &err), "%s", err.message);
    ck_assert_int_eq(second.applied_now, 0);
    ck_assert_int_eq(second.total, first.total);
    ck_assert_int_eq(second.latest, first.latest);
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM berkas_migrations"), first.total);
    ck_assert_int_eq(scalar(c, "SELECT extract(epoch FROM max(applied_at))*1e6 FROM "
                               "berkas_migrations"),
                     applied_at);
    PQfinish(c);
}
END_TEST

START_TEST(test_edited_migration_is_refused)
{
    char *dir = copy_sql_dir();
    PGconn *c = connect_new_empty("m_edit");
    struct migrate_result res;
    struct berr err = {0};
    ck_assert_msg(migrate_run(c, dir, &res, &err), "%s", err.message);

    char path[1024];
    snprintf(path, sizeof path, "%s/0001_foundation.sql", dir);
    char *text = read_text(path);
    size_t n = strlen(text) + 64;
    char *edited = malloc(n);
    snprintf(edited, n, "%s\n-- a harmless-looking edit\n", text);
    ck_assert(write_text(path, edited));

    berr_clear(&err);
    ck_assert(!migrate_run(c, dir, &res, &err));
    ck_assert_ptr_nonnull(strstr(err.message, "0001_foundation.sql"));
    ck_assert_ptr_nonnull(strstr(err.message, "edited"));
    ck_assert_ptr_null(strchr(err.message, '\n'));
    free(text);
    free(edited);
    free(dir);
    PQfinish(c);
}
END_TEST

START_TEST(test_failing_migration_leaves_nothing_behind)
{
    char *dir = copy_sql_dir();
    char path[1024];
    snprintf(path, sizeof path, "%s/9001_broken.sql", dir);
    ck_assert(write_text(path, "CREATE TABLE app.half_made (x int);\n"
                               "-- the next statement is a typo\n"
                               "SELEC 1;\n"));
    PGconn *c = connect_new_empty("m_broken");
    struct migrate_result res;
    struct berr err = {0};
    ck_assert(!migrate_run(c, dir, &res, &err));
    ck_assert_msg(strstr(err.message, "9001_broken.sql") != NULL, "%s", err.message);
    ck_assert_msg(strstr(err.message, "line 3") != NULL, "%s", err.message);
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'half_made'"), 0);
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM berkas_migrations WHERE version = 9001"), 0);
    /* the good ones before it did land, each in its own transaction */
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM berkas_migrations"), count_repo_migrations());
    free(dir);
    PQfinish(c);
}
END_TEST

START_TEST(test_removed_migration_is_refused)
{
    char *dir = copy_sql_dir();
    char path[1024];
    snprintf(path, sizeof path, "%s/9002_extra.sql", dir);
    ck_assert(write_text(path, "CREATE TABLE app.extra (x int);\n"));
    PGconn *c = connect_new_empty("m_removed");
    struct migrate_result res;
    struct berr err = {0};
    ck_assert_msg(migrate_run(c, dir, &res, &err), "%s", err.message);
    unlink(path);
    ck_assert(!migrate_run(c, dir, &res, &err));
    ck_assert_msg(strstr(err.message, "9002_extra.sql") && strstr(err.message, "missing"), "%s",
                  err.message);
    free(dir);
    PQfinish(c);
}
END_TEST

START_TEST(test_migration_numbered_below_an_applied_one_is_refused)
{
    char *dir = copy_sql_dir();
    char late[1024], early[1024];
    snprintf(late, sizeof late, "%s/9004_late.sql", dir);
    snprintf(early, sizeof early, "%s/9003_early.sql", dir);
    ck_assert(write_text(late, "SELECT 1;\n"));
    PGconn *c = connect_new_empty("m_order");
    struct migrate_result res;
    struct berr err = {0};
    ck_assert_msg(migrate_run(c, dir, &res, &err), "%s", err.message);
    ck_assert(write_text(early, "SELECT 1;\n"));
    ck_assert(!migrate_run(c, dir, &res, &err));
    ck_assert_msg(strstr(err.message, "9003_early.sql") != NULL, "%s", err.message);
    ck_assert_int_eq(scalar(c, "SELECT count(*) FROM berkas_migrations WHERE version = 9003"), 0);
    free(dir);
    PQfinish(c);
}
END_TEST

static void run_sql(PGconn *c, const char *sql)
{
    PGresult *r = PQexec(c, sql);
    ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
    PQclear(r);
}

/* "amended_by's name|amended_at in UTC|note" of rule set name's key. */
static void assert_amendment(PGconn *c, const char *name, const char *key, const char *want)
{
    const char *p[2] = {name, key};
    PGresult *r =
        PQexecParams(c,
                     "SELECT coalesce(u.name, '') || '|' || coalesce(to_char(v.amended_at "
                     "AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), '') || '|' || v.note "
                     "FROM app.ruleset_values v LEFT JOIN app.users u ON u.id = "
                     "v.amended_by WHERE v.ruleset = $1 AND v.key = $2",
                     2, NULL, p, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    ck_assert_int_eq(PQntuples(r), 1);
    ck_assert_msg(strcmp(PQgetvalue(r, 0, 0), want) == 0, "%s/%s: %s, want %s", name, key,
                  PQgetvalue(r, 0, 0), want);
    PQclear(r);
}

/* 0037 gives the rule values amended before it their last amendment's user and time from the
 * audit trail (a refused one is none), keeps a reason an amendment gave, and clears a note that
 * is only the basis the value was seeded with (never amended, or amended without a reason). */
START_TEST(test_0037_finds_past_rule_amendments_in_the_audit_trail)
{
    char *dir = copy_sql_dir();
    /* the database as it was before 0037: it and any later migration held back */
    char path[1024];
    snprintf(path, sizeof path, "%s/0037_rule_amendments.sql", dir);
    char *text = read_text(path);
    ck_assert_ptr_nonnull(text);
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (migrate_parse_name(e->d_name) >= 37) {
            char f[1024];
            snprintf(f, sizeof f, "%s/%s", dir, e->d_name);
            unlink(f);
        }
    }
    closedir(d);
    PGconn *c = connect_new_empty("m_0037");
    struct migrate_result res;
    struct berr err = {0};
    ck_assert_msg(migrate_run(c, dir, &res, &err), "%s", err.message);
    run_sql(c, "INSERT INTO app.offices (kind, code, name, tz) VALUES ('ditjen', 'DITJEN', "
               "'Direktorat Jenderal Imigrasi', 'Asia/Jakarta');"
               "INSERT INTO app.users (nip, name, office_id, role, password_hash) SELECT "
               "'198001152005011002', 'Admin Pusat', id, 'admin', 'x' FROM app.offices;"
               "INSERT INTO app.rulesets (name, effective_from) VALUES ('KUHAP-1981', "
               "'1981-12-31'), ('KUHAP-2025', '2026-01-02');"
               /* as the seed wrote them: each note the key's basis */
               "INSERT INTO app.ruleset_values (ruleset, key, value, note) SELECT s, k, 1, b "
               "FROM (VALUES ('KUHAP-1981'), ('KUHAP-2025')) AS s (s), (VALUES ('spdp_days', "
               "'KUHAP 109(1)'), ('bap_copy_days', 'KUHAP 72'), ('p21_days', 'KUHAP 138(1)')) "
               "AS v (k, b);"
               /* amended: 2025's spdp_days with a reason, 1981's bap_copy_days twice without
                * one; 1981's p21_days refused */
               "UPDATE app.ruleset_values SET value = 14, note = 'Surat Edaran Dirjen' WHERE "
               "ruleset = 'KUHAP-2025' AND key = 'spdp_days';"
               "UPDATE app.ruleset_values SET value = 2 WHERE ruleset = 'KUHAP-1981' AND key = "
               "'bap_copy_days';"
               "INSERT INTO audit.events (at, user_id, role, action, outcome, detail) SELECT "
               "e.at, u.id, 'admin', 'ruleset.amend', e.outcome, e.detail::jsonb FROM app.users "
               "u, (VALUES ('2026-03-01 10:00+00'::timestamptz, 'ok', '{\"ruleset\": "
               "\"KUHAP-2025\", \"key\": \"spdp_days\", \"value\": 14}'), ('2026-03-02 10:00+00', "
               "'ok', '{\"ruleset\": \"KUHAP-1981\", \"key\": \"bap_copy_days\", \"value\": 3}'), "
               "('2026-03-03 10:00+00', 'ok', '{\"ruleset\": \"KUHAP-1981\", \"key\": "
               "\"bap_copy_days\", \"value\": 2}'), ('2026-03-04 10:00+00', 'refused', "
               "'{\"ruleset\": \"KUHAP-1981\", \"key\": \"p21_days\", \"value\": 5}')) AS e (at, "
               "outcome, detail);");
    ck_assert(write_text(path, text));
    ck_assert_msg(migrate_run(c, dir, &res, &err), "%s", err.message);
    ck_assert_int_eq(res.applied_now, 1);
    assert_amendment(c, "KUHAP-2025", "spdp_days",
                     "Admin Pusat|2026-03-01 10:00|Surat Edaran Dirjen");
    assert_amendment(c, "KUHAP-1981", "bap_copy_days", "Admin Pusat|2026-03-03 10:00|");
    assert_amendment(c, "KUHAP-1981", "p21_days", "||");
    assert_amendment(c, "KUHAP-2025", "bap_copy_days", "||");
    assert_amendment(c, "KUHAP-1981", "spdp_days", "||");
    free(text);
    free(dir);
    PQfinish(c);
}
END_TEST

START_TEST(test_berkasd_refuses_to_start_on_an_edited_migration)
{
    char *dir = copy_sql_dir();
    char *ci = harness_new_empty_db("m_daemon");
    char sqlopt[1024];
    snprintf(sqlopt, sizeof sqlopt, "%s", dir);
    char *extra[] = {"--db", ci, "--sql-dir", sqlopt, NULL};
    struct proc p;
    int port;
    ck_assert(berkasd_start(&p, &port, extra));
    proc_stop_clean(&p);
    proc_free(&p);

    char path[1024];
    snprintf(path, sizeof path, "%s/0001_foundation.sql", dir);
    char *text = read_text(path);
    text[0] = ' '; /* the first "-" of the header comment */
    ck_assert(write_text(path, text));
    free(text);

    char listen[64];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", free_port());
    char *argv[] = {
        (char *)harness_berkasd(), "--db", ci, "--sql-dir", dir, "--listen", listen, NULL};
    char *out;
    int st = run_capture(argv, 30000, &out);
    ck_assert_int_eq(st, 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "0001_foundation.sql") && strstr(out, "edited"), "%s", out);
    free(out);
    free(ci);
    free(dir);
}
END_TEST

Suite *suite_migrate(void)
{
    Suite *s = suite_create("migrate");
    TCase *tc = tcase_create("migrate");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_migrations_apply_to_an_empty_database);
    tcase_add_test(tc, test_a_berkasd_connection_has_its_limits_and_no_jit);
    tcase_add_test(tc, test_migrations_are_idempotent_on_restart);
    tcase_add_test(tc, test_edited_migration_is_refused);
    tcase_add_test(tc, test_failing_migration_leaves_nothing_behind);
    tcase_add_test(tc, test_removed_migration_is_refused);
    tcase_add_test(tc, test_migration_numbered_below_an_applied_one_is_refused);
    tcase_add_test(tc, test_berkasd_refuses_to_start_on_an_edited_migration);
    tcase_add_test(tc, test_0037_finds_past_rule_amendments_in_the_audit_trail);
    suite_add_tcase(s, tc);
    return s;
}
