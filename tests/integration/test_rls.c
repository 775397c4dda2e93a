/*
 * test_rls.c - the second fence: PostgreSQL row-level security on the case
 * tables, tested directly in SQL as the role berkasd's handlers run as
 * (berkas_app), with statements that have no WHERE clause at all.  If the
 * application's own checks had a bug, this is what would still hold.
 */
#include <check.h>
#include <stdbool.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "suites.h"

static char *owner; /* conninfo as the owner */
static char *app;   /* conninfo as berkas_app */

/* ids fixed by the fixture below */
enum { D = 1, K1, K2, A1, A2, A3, U1, G, T1, J1, J2 };
enum { INV_A1 = 1, SUP_K1, PROS_J1, ADMIN_D, INV_DISABLED };

static void exec_owner(const char *sql)
{
    free(sql_value(owner, sql, 0, NULL));
}

static void setup(void)
{
    owner = harness_new_db("rls_suite");
    size_t n = strlen(owner) + 32;
    app = malloc(n);
    snprintf(app, n, "%s user=berkas_app", owner);
    exec_owner("INSERT INTO app.offices (id, parent_id, kind, code, name, tz, class) VALUES "
               "(1, NULL, 'ditjen', 'DJ', 'Ditjen', 'Asia/Jakarta', NULL),"
               "(2, 1, 'kanwil', 'K1', 'Kanwil 1', 'Asia/Jakarta', NULL),"
               "(3, 1, 'kanwil', 'K2', 'Kanwil 2', 'Asia/Makassar', NULL),"
               "(4, 2, 'kanim', 'A1', 'Kanim A1', 'Asia/Jakarta', 'Kelas I TPI'),"
               "(5, 2, 'kanim', 'A2', 'Kanim A2', 'Asia/Jakarta', 'Kelas II TPI'),"
               "(6, 3, 'kanim', 'A3', 'Kanim A3', 'Asia/Makassar', 'Kelas II TPI'),"
               "(7, 4, 'ukk', 'U1', 'UKK U1', 'Asia/Jakarta', NULL),"
               "(8, NULL, 'kejagung', 'GG', 'Kejagung', 'Asia/Jakarta', NULL),"
               "(9, 8, 'kejati', 'T1', 'Kejati 1', 'Asia/Jakarta', NULL),"
               "(10, 9, 'kejari', 'J1', 'Kejari 1', 'Asia/Jakarta', NULL),"
               "(11, 9, 'kejari', 'J2', 'Kejari 2', 'Asia/Jakarta', NULL)");
    exec_owner("INSERT INTO app.users (id, nip, name, office_id, role, ppns_card_no, "
               "ppns_valid_until, password_hash, disabled_at) VALUES "
               "(1, '198811112010121001', 'Inv', 4, 'investigator', 'X', '2030-01-01', 'x', "
               "NULL),"
               "(2, '198811112010121002', 'Sup', 2, 'supervisor', NULL, NULL, 'x', NULL),"
               "(3, '198811112010121003', 'Pros', 10, 'prosecutor', NULL, NULL, 'x', NULL),"
               "(4, '198811112010121004', 'Adm', 1, 'admin', NULL, NULL, 'x', NULL),"
               "(5, '198811112010121005', 'Gone', 4, 'investigator', 'Y', '2030-01-01', 'x', "
               "now())");
    /* cases: number = where it lives / where it went */
    exec_owner("INSERT INTO app.cases (number, office_id, kejari_id, disclosed_at) VALUES "
               "('A1-J1', 4, 10, now()), ('A1-J1-undisclosed', 4, 10, NULL),"
               "('A1-J2', 4, 11, now()), ('A2-J1', 5, 10, now()), ('U1', 7, NULL, NULL),"
               "('A3-J2', 6, 11, now())");
}

static void teardown(void)
{
    free(owner);
    free(app);
}

/* The case numbers user uid sees with a bare SELECT, comma-separated, sorted. */
static char *visible(long uid)
{
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    PGresult *r = PQexec(c, "BEGIN");
    PQclear(r);
    char id[24];
    snprintf(id, sizeof id, "%ld", uid);
    const char *p[1] = {uid ? id : ""};
    r = PQexecParams(c, "SELECT set_config('berkas.user_id', $1, true)", 1, NULL, p, NULL, NULL, 0);
    PQclear(r);
    r = PQexec(c, "SELECT coalesce(string_agg(number, ',' ORDER BY number), '') FROM app.cases");
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    char *out = strdup(PQgetvalue(r, 0, 0));
    PQclear(r);
    PQfinish(c);
    return out;
}

START_TEST(test_investigator_sees_only_own_office_without_a_where_clause)
{
    char *v = visible(INV_A1);
    ck_assert_str_eq(v, "A1-J1,A1-J1-undisclosed,A1-J2");
    free(v);
}
END_TEST

START_TEST(test_supervisor_sees_every_office_under_theirs)
{
    char *v = visible(SUP_K1);
    ck_assert_str_eq(v, "A1-J1,A1-J1-undisclosed,A1-J2,A2-J1,U1");
    free(v);
}
END_TEST

START_TEST(test_prosecutor_sees_only_what_reached_their_kejari)
{
    char *v = visible(PROS_J1);
    ck_assert_str_eq(v, "A1-J1,A2-J1");
    free(v);
}
END_TEST

START_TEST(test_admin_nobody_and_disabled_users_see_no_case)
{
    long who[] = {ADMIN_D, 0, INV_DISABLED, 999};
    for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
        char *v = visible(who[i]);
        ck_assert_msg(strcmp(v, "") == 0, "user %ld sees %s", who[i], v);
        free(v);
    }
}
END_TEST

START_TEST(test_acting_user_does_not_outlive_its_transaction)
{
    PGconn *c = PQconnectdb(app);
    PGresult *r = PQexec(c, "BEGIN");
    PQclear(r);
    r = PQexec(c, "SELECT set_config('berkas.user_id', '1', true)");
    PQclear(r);
    r = PQexec(c, "SELECT count(*) FROM app.cases");
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
    PQclear(r);
    r = PQexec(c, "COMMIT");
    PQclear(r);
    r = PQexec(c, "SELECT count(*) FROM app.cases");
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
    PQclear(r);
    PQfinish(c);
}
END_TEST

static PGresult *as_user(PGconn *c, long uid, const char *sql)
{
    PGresult *r = PQexec(c, "BEGIN");
    PQclear(r);
    char id[24];
    snprintf(id, sizeof id, "%ld", uid);
    const char *p[1] = {id};
    r = PQexecParams(c, "SELECT set_config('berkas.user_id', $1, true)", 1, NULL, p, NULL, NULL, 0);
    PQclear(r);
    return PQexec(c, sql);
}

START_TEST(test_writes_outside_the_fence_are_refused)
{
    PGconn *c = PQconnectdb(app);
    /* an investigator cannot file a case for another office */
    PGresult *r =
        as_user(c, INV_A1, "INSERT INTO app.cases (number, office_id) VALUES ('sneaky', 5)");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    /* ...nor change one: the row is simply not there for them */
    r = as_user(c, INV_A1, "UPDATE app.cases SET summary = 'x' WHERE office_id = 5");
    ck_assert_str_eq(PQcmdTuples(r), "0");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    /* ...nor move their own case to another office */
    r = as_user(c, INV_A1, "UPDATE app.cases SET office_id = 5 WHERE number = 'A1-J1'");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    /* a supervisor does not edit or move a case (they touch only its chain head) */
    r = as_user(c, SUP_K1, "UPDATE app.cases SET summary = 'x'");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    r = as_user(c, SUP_K1, "UPDATE app.cases SET stage = 'complete'");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    /* nor a column no use case changes */
    r = as_user(c, INV_A1, "UPDATE app.cases SET number = 'renumbered'");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    /* and deleting is not granted at all */
    r = as_user(c, INV_A1, "DELETE FROM app.cases");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    PQfinish(c);
    ck_assert_int_eq(sql_count(owner, "SELECT count(*) FROM app.cases", 0, NULL), 6);
}
END_TEST

/* The case count on connection c, inside its open transaction. */
static char *count_in(PGconn *c)
{
    PGresult *r = PQexec(c, "SELECT count(*) FROM app.cases");
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    char *out = strdup(PQgetvalue(r, 0, 0));
    PQclear(r);
    return out;
}

static void set_in(PGconn *c, const char *name, const char *value, bool local)
{
    const char *p[3] = {name, value, local ? "true" : "false"};
    PGresult *r =
        PQexecParams(c, "SELECT set_config($1, $2, $3::boolean)", 3, NULL, p, NULL, NULL, 0);
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    PQclear(r);
}

static void expect_count(PGconn *c, const char *want, const char *why)
{
    char *got = count_in(c);
    ck_assert_msg(strcmp(got, want) == 0, "%s: %s cases seen, want %s", why, got, want);
    free(got);
}

/* The role and office are read once per transaction (sql/0017) and kept in
 * berkas.acting: a value there that is not the acting user's, in this
 * transaction, is never believed, and nobody has no role whatever it says. */
START_TEST(test_a_forged_or_missing_acting_setting_does_not_widen_access)
{
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    PGresult *r = PQexec(c, "BEGIN");
    PQclear(r);
    /* the user changes inside the transaction: derived again each time */
    set_in(c, "berkas.user_id", "1", true);
    expect_count(c, "3", "investigator");
    set_in(c, "berkas.user_id", "2", true);
    expect_count(c, "5", "supervisor after the investigator");
    set_in(c, "berkas.user_id", "5", true);
    expect_count(c, "0", "disabled user after the supervisor");
    set_in(c, "berkas.user_id", "1", true);
    expect_count(c, "3", "investigator again");
    /* forged for another user (the supervisor of K1): not this user's */
    set_in(c, "berkas.acting", "2|x|supervisor|2", true);
    expect_count(c, "3", "investigator with a supervisor's setting");
    /* bound to this user, but not to this transaction */
    set_in(c, "berkas.acting", "1|2000-01-01 00:00:00+00|supervisor|2", true);
    expect_count(c, "3", "investigator with another transaction's setting");
    /* missing, empty or garbage: read from the user's row again */
    set_in(c, "berkas.acting", "", true);
    expect_count(c, "3", "investigator with an empty setting");
    set_in(c, "berkas.acting", "supervisor", true);
    expect_count(c, "3", "investigator with a garbage setting");
    /* nobody: no role whatever the setting says */
    set_in(c, "berkas.user_id", "", true);
    set_in(c, "berkas.acting", "|x|supervisor|1", true);
    expect_count(c, "0", "nobody with a national supervisor's setting");
    r = PQexec(c, "COMMIT");
    PQclear(r);
    /* a setting made for the session outlives transactions: still not believed */
    set_in(c, "berkas.acting", "1|x|supervisor|1", false);
    r = PQexec(c, "BEGIN");
    PQclear(r);
    expect_count(c, "0", "nobody in the next transaction");
    set_in(c, "berkas.user_id", "4", true);
    expect_count(c, "0", "admin with a session-wide supervisor's setting");
    set_in(c, "berkas.user_id", "3", true);
    expect_count(c, "2", "prosecutor with a session-wide supervisor's setting");
    r = PQexec(c, "COMMIT");
    PQclear(r);
    PQfinish(c);
}
END_TEST

/* One read of app.users per transaction, however many statements the
 * policies guard (issue 12.4). */
START_TEST(test_the_acting_role_and_office_are_kept_for_the_transaction)
{
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    PGresult *r = PQexec(c, "BEGIN");
    PQclear(r);
    set_in(c, "berkas.user_id", "2", true);
    for (int i = 0; i < 5; i++)
        expect_count(c, "5", "supervisor");
    r = PQexec(c, "SELECT split_part(current_setting('berkas.acting'), '|', 3), "
                  "split_part(current_setting('berkas.acting'), '|', 4)");
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "supervisor");
    ck_assert_str_eq(PQgetvalue(r, 0, 1), "2");
    PQclear(r);
    r = PQexec(c, "COMMIT");
    PQclear(r);
    PQfinish(c);
}
END_TEST

START_TEST(test_the_handlers_role_owns_nothing_and_cannot_bypass)
{
    ck_assert_int_eq(sql_count(owner,
                               "SELECT count(*) FROM pg_class WHERE relowner = "
                               "'berkas_app'::regrole",
                               0, NULL),
                     0);
    char *flags = sql_value(owner,
                            "SELECT rolsuper::text || rolbypassrls::text || rolcreaterole::text "
                            "FROM pg_roles WHERE rolname = 'berkas_app'",
                            0, NULL);
    ck_assert_str_eq(flags, "falsefalsefalse");
    free(flags);
    ck_assert_int_eq(sql_count(owner,
                               "SELECT count(*) FROM pg_class WHERE oid = 'app.cases'::regclass "
                               "AND relrowsecurity AND relforcerowsecurity",
                               0, NULL),
                     1);
}
END_TEST

Suite *suite_rls(void)
{
    Suite *s = suite_create("rls");
    TCase *tc = tcase_create("rls");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_investigator_sees_only_own_office_without_a_where_clause);
    tcase_add_test(tc, test_supervisor_sees_every_office_under_theirs);
    tcase_add_test(tc, test_prosecutor_sees_only_what_reached_their_kejari);
    tcase_add_test(tc, test_admin_nobody_and_disabled_users_see_no_case);
    tcase_add_test(tc, test_acting_user_does_not_outlive_its_transaction);
    tcase_add_test(tc, test_writes_outside_the_fence_are_refused);
    tcase_add_test(tc, test_the_handlers_role_owns_nothing_and_cannot_bypass);
    tcase_add_test(tc, test_a_forged_or_missing_acting_setting_does_not_widen_access);
    tcase_add_test(tc, test_the_acting_role_and_office_are_kept_for_the_transaction);
    suite_add_tcase(s, tc);
    return s;
}
