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

#include "core/event.h"
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
    /* a charge's withdrawal (sql/0046, 0050) names the one withdrawing and a charge gone: a row
     * naming another user, or a charge that stands, is refused */
    r = as_user(c, INV_A1,
                "INSERT INTO app.charge_withdrawals (case_id, charge_id, offence_id, added_at, "
                "withdrawn_by) SELECT c.id, 987654321, (SELECT min(id) FROM "
                "app.offence_catalogue), now(), 2 FROM app.cases c WHERE c.number = 'A1-J1'");
    ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    char forged[400];
    snprintf(forged, sizeof forged,
             "INSERT INTO app.charge_withdrawals (case_id, charge_id, offence_id, added_at, "
             "withdrawn_by) SELECT c.id, 987654321, (SELECT min(id) FROM app.offence_catalogue), "
             "now(), %d FROM app.cases c WHERE c.number = 'A1-J1'",
             (int)INV_A1);
    r = as_user(c, INV_A1, forged);
    ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
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

/* An event of a case, inserted as user uid on connection c inside a new
 * transaction: the chain trigger fills prev_hash and hash.  Seq is the case's
 * next as the owner sees it, so that a refusal is the fence's, not a gap's. */
static PGresult *insert_event(PGconn *c, long uid, const char *number, const char *type)
{
    const char *p[1] = {number};
    char *cid = sql_value(owner, "SELECT id FROM app.cases WHERE number = $1", 1, p);
    char *seq = sql_value(owner, "SELECT events + 1 FROM app.cases WHERE number = $1", 1, p);
    char sql[800];
    snprintf(sql, sizeof sql,
             "INSERT INTO app.events (case_id, seq, type, legal_date, regime, stage_before, "
             "stage_after, entered_at, entered_by, late, prev_hash, hash) VALUES (%s, %s, '%s', "
             "'2026-01-05', 'KUHAP-2025', 'investigation', 'investigation', now(), %ld, false, "
             "'\\x00', '\\x00')",
             cid, seq, type, uid);
    free(cid);
    free(seq);
    return as_user(c, uid, sql);
}

/* Written as berkas_app, directly in SQL: an event, a snapshot or a summary
 * of a case goes in only for who may (0003, 0008, 0009, 0019 as restated by
 * 0025's app.case_readable/app.case_writable): the investigators of the
 * case's office write any act; a supervisor only supervision acts on a case
 * of an office under theirs; a prosecutor only P-forms of a case disclosed to
 * their Kejari; an admin, a disabled user or nobody nothing. */
START_TEST(test_event_writes_outside_the_fence_are_refused)
{
    struct {
        long uid;
        const char *number, *type;
        bool allowed;
    } cases[] = {
        {INV_A1, "A1-J1", "letter_delivered", true},
        {INV_A1, "A2-J1", "letter_delivered", false},  /* another office */
        {INV_A1, "A1-J1", "review_note", true},        /* the app refuses it; the fence not */
        {SUP_K1, "A2-J1", "review_note", true},        /* an office under theirs */
        {SUP_K1, "A2-J1", "letter_delivered", false},  /* not a supervision act */
        {SUP_K1, "A3-J2", "review_note", false},       /* another Kanwil's */
        {PROS_J1, "A1-J1", "p16_received", true},      /* disclosed to their Kejari */
        {PROS_J1, "A1-J1", "letter_delivered", false}, /* not a P-form */
        {PROS_J1, "A1-J1-undisclosed", "p16_received", false},
        {PROS_J1, "A1-J2", "p16_received", false}, /* another Kejari's */
        {ADMIN_D, "A1-J1", "letter_delivered", false},
        {INV_DISABLED, "A1-J1", "letter_delivered", false},
        {999, "A1-J1", "letter_delivered", false},
    };
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    long long before = sql_count(owner, "SELECT count(*) FROM app.events", 0, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        PGresult *r = insert_event(c, cases[i].uid, cases[i].number, cases[i].type);
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        if (cases[i].allowed)
            ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "user %ld, %s on %s: %s",
                          cases[i].uid, cases[i].type, cases[i].number, PQresultErrorMessage(r));
        else /* the policy (42501), or the chain trigger that does not see the case (23503) */
            ck_assert_msg(state && (strcmp(state, "42501") == 0 || strcmp(state, "23503") == 0),
                          "user %ld, %s on %s: %s", cases[i].uid, cases[i].type, cases[i].number,
                          state ? state : "written");
        PQclear(r);
        r = PQexec(c, "ROLLBACK");
        PQclear(r);
    }
    /* the snapshot and the summary: whoever may read the case */
    struct {
        long uid;
        const char *number;
        bool allowed;
    } derived[] = {
        {INV_A1, "A1-J1", true},
        {INV_A1, "A2-J1", false},
        {SUP_K1, "A2-J1", true},
        {SUP_K1, "A3-J2", false},
        {PROS_J1, "A1-J1", true},
        {PROS_J1, "A1-J2", false},
        {PROS_J1, "A1-J1-undisclosed", false},
        {ADMIN_D, "A1-J1", false},
    };
    for (size_t i = 0; i < sizeof derived / sizeof derived[0]; i++) {
        const char *p[1] = {derived[i].number};
        char *cid = sql_value(owner, "SELECT id FROM app.cases WHERE number = $1", 1, p);
        char sql[400];
        snprintf(sql, sizeof sql,
                 "INSERT INTO app.case_snapshots (case_id, format, events, last_event, "
                 "case_version, state, written_at) VALUES (%s, 1, 0, 0, 1, '{}', now())",
                 cid);
        PGresult *r = as_user(c, derived[i].uid, sql);
        ck_assert_msg((PQresultStatus(r) == PGRES_COMMAND_OK) == derived[i].allowed,
                      "snapshot: user %ld on %s: %s", derived[i].uid, derived[i].number,
                      PQresultErrorMessage(r));
        PQclear(r);
        r = PQexec(c, "ROLLBACK");
        PQclear(r);
        snprintf(sql, sizeof sql,
                 "INSERT INTO app.case_summaries (case_id, office_id, disclosed, scope1, stage, "
                 "case_version, rules_sig, computed_at) VALUES (%s, 4, false, 1, 'investigation', "
                 "1, 0, now())",
                 cid);
        r = as_user(c, derived[i].uid, sql);
        ck_assert_msg((PQresultStatus(r) == PGRES_COMMAND_OK) == derived[i].allowed,
                      "summary: user %ld on %s: %s", derived[i].uid, derived[i].number,
                      PQresultErrorMessage(r));
        PQclear(r);
        r = PQexec(c, "ROLLBACK");
        PQclear(r);
        free(cid);
    }
    PQfinish(c);
    ck_assert_int_eq(sql_count(owner, "SELECT count(*) FROM app.events", 0, NULL), before);
}
END_TEST

/* The chain's canonical text as 0004 first defined it (a PL/pgSQL loop),
 * kept here to check that every hash the database computes now is the one it
 * computed then: rows written before 0025 still verify, and new rows verify
 * under the old definition. */
static const char old_canonical[] =
    "CREATE FUNCTION pg_temp.old_canonical(e app.events) RETURNS text LANGUAGE plpgsql "
    "IMMUTABLE AS $$ DECLARE parts text[] := ARRAY['berkas-event-v1', e.case_id::text, "
    "e.seq::text, e.type, e.legal_date::text, coalesce(to_char(e.legal_at AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), ''), e.doc_number, coalesce(e.party_id::text, ''), "
    "coalesce(e.corrects::text, ''), e.regime, e.stage_before, e.stage_after, e.payload::text, "
    "to_char(e.entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
    "e.entered_by::text, e.late::text]; out text := ''; i int; BEGIN FOR i IN 1 .. "
    "array_length(parts, 1) LOOP IF i > 1 THEN out := out || E'\\n'; END IF; out := out || "
    "length(parts[i])::text || ':' || parts[i]; END LOOP; RETURN out; END $$";

START_TEST(test_the_chain_hashes_are_those_of_the_first_definition)
{
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    /* a chain on its own case: a party, acts with and without an hour, a number, a
     * party, a correction, a payload with characters of more than one byte */
    PGresult *r =
        as_user(c, INV_A1, "INSERT INTO app.cases (number, office_id) VALUES ('chain', 4)");
    ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
    PQclear(r);
    const char *acts[] = {
        "'sprindik_issued', '2026-01-05', NULL, 'SP.Sidik/1', NULL, NULL, '{}'",
        "'arrested', '2026-01-06', '2026-01-06 08:30:15.25+07', '', (SELECT id::text FROM "
        "app.parties WHERE name = 'Zoë Ñúñez'), NULL, "
        "'{\"note\": \"Zoë \u00e9\u20ac \\\\ \\\"\"}'",
        "'corrected', '2026-01-07', NULL, '', NULL, (SELECT min(e.id)::text FROM app.events e "
        "JOIN app.cases k ON k.id = e.case_id WHERE k.number = 'chain'), '{\"why\": \"typo\"}'",
    };
    r = PQexec(c, "INSERT INTO app.parties (case_id, kind, name) SELECT id, 'suspect', "
                  "'Zoë Ñúñez' FROM app.cases WHERE number = 'chain'");
    ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
    PQclear(r);
    for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
        char sql[1600];
        snprintf(sql, sizeof sql,
                 "WITH e AS (INSERT INTO app.events (case_id, seq, type, legal_date, legal_at, "
                 "doc_number, party_id, corrects, regime, stage_before, stage_after, payload, "
                 "entered_at, entered_by, late, prev_hash, hash) SELECT k.id, k.events + 1, v.t, "
                 "v.d::date, v.at::timestamptz, v.num, v.party::bigint, v.corr::bigint, "
                 "'KUHAP-2025', 'investigation', 'investigation', v.pl::jsonb, now(), 1, %s, "
                 "'\\x00', '\\x00' FROM app.cases k, (VALUES (%s)) AS v(t, d, at, num, party, "
                 "corr, pl) WHERE k.number = 'chain' RETURNING case_id, seq, hash) UPDATE "
                 "app.cases k SET "
                 "events = e.seq, last_hash = e.hash FROM e WHERE k.id = e.case_id",
                 i == 1 ? "true" : "false", acts[i]);
        r = PQexec(c, sql);
        ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "act %zu: %s", i,
                      PQresultErrorMessage(r));
        ck_assert_str_eq(PQcmdTuples(r), "1");
        PQclear(r);
    }
    r = PQexec(c, "COMMIT");
    PQclear(r);
    PQfinish(c);

    PGconn *o = PQconnectdb(owner);
    r = PQexec(o, old_canonical);
    ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
    PQclear(r);
    /* every row: the same text, and the stored hash is that of the old text */
    r = PQexec(o, "SELECT count(*), count(*) FILTER (WHERE app.event_canonical(e) = "
                  "pg_temp.old_canonical(e) AND e.hash = sha256(e.prev_hash || "
                  "convert_to(pg_temp.old_canonical(e), 'UTF8'))), count(*) FILTER (WHERE "
                  "e.legal_at IS NOT NULL AND e.party_id IS NOT NULL), count(*) FILTER (WHERE "
                  "e.corrects IS NOT NULL) FROM app.events e JOIN app.cases k ON k.id = "
                  "e.case_id WHERE k.number = 'chain'");
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
    ck_assert_str_eq(PQgetvalue(r, 0, 1), "3");
    ck_assert_str_eq(PQgetvalue(r, 0, 2), "1");
    ck_assert_str_eq(PQgetvalue(r, 0, 3), "1");
    PQclear(r);
    /* ...and the verifier finds the chain whole */
    r = PQexec(o, "SELECT v.events, coalesce(v.reason, 'whole') FROM app.verify_chain(1) v "
                  "WHERE v.number = 'chain'");
    ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
    ck_assert_int_eq(PQntuples(r), 1);
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
    ck_assert_str_eq(PQgetvalue(r, 0, 1), "whole");
    PQclear(r);
    PQfinish(o);
}
END_TEST

/* The fence's answer kept for the transaction (berkas.fence, sql/0025) is
 * believed only when it is this user's, in this transaction, for this case:
 * set by hand for another case, user or transaction it widens nothing. */
START_TEST(test_a_forged_fence_setting_does_not_widen_access)
{
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    const char *p[1] = {"A2-J1"};
    char *other = sql_value(owner, "SELECT id FROM app.cases WHERE number = $1", 1, p);
    /* another user's, another transaction's, garbage */
    const char *forged[] = {"2|x|supervisor|2", "1|2000-01-01 00:00:00+00|investigator|4", ""};
    for (size_t i = 0; i < sizeof forged / sizeof forged[0]; i++) {
        char value[200];
        snprintf(value, sizeof value, "%s#%s#w", forged[i], other);
        PGresult *r = as_user(c, INV_A1, "SELECT 1");
        PQclear(r);
        set_in(c, "berkas.fence", value, true);
        char sql[400];
        snprintf(sql, sizeof sql,
                 "INSERT INTO app.case_snapshots (case_id, format, events, last_event, "
                 "case_version, state, written_at) VALUES (%s, 1, 0, 0, 1, '{}', now())",
                 other);
        r = PQexec(c, sql);
        ck_assert_msg(PQresultStatus(r) == PGRES_FATAL_ERROR, "forged %s: written", value);
        ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
        PQclear(r);
        r = PQexec(c, "ROLLBACK");
        PQclear(r);
    }
    /* the investigator's own case is still theirs to write, with the setting kept */
    PGresult *r = insert_event(c, INV_A1, "A1-J1", "letter_delivered");
    ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
    PQclear(r);
    r = PQexec(c, "SELECT split_part(current_setting('berkas.fence'), '#', 3)");
    ck_assert_str_eq(PQgetvalue(r, 0, 0), "w");
    PQclear(r);
    r = PQexec(c, "ROLLBACK");
    PQclear(r);
    free(other);
    PQfinish(c);
}
END_TEST

static PGconn *oc; /* the owner's connection in the writer's tests */

/* The first column of the first row of sql as the owner, on oc (caller frees;
 * "" for no row). */
static char *owner_value(const char *sql, const char *param)
{
    const char *p[1] = {param};
    PGresult *r = PQexecParams(oc, sql, param ? 1 : 0, NULL, p, NULL, NULL, 0);
    ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK,
                  "%s: %s", sql, PQresultErrorMessage(r));
    char *v = strdup(PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "");
    PQclear(r);
    return v;
}

/* app.record_summary (sql/0026), called as berkas_app by user uid inside a new
 * transaction for the cases numbered in numbers ("A1-J1" or "A1-J1,A2-J1": one
 * call for all).  Each row claims office 5 and Kejari 11: the stored row must
 * take them from its case, not from the input. */
static PGresult *record_summary(PGconn *c, long uid, const char *numbers)
{
    char *ids = owner_value("SELECT string_agg(id::text, ',' ORDER BY id) FROM app.cases "
                            "WHERE number = ANY (string_to_array($1, ','))",
                            numbers);
    char rows[2048] = "[", *at = rows + 1;
    for (char *id = strtok(ids, ","); id; id = strtok(NULL, ","))
        at += snprintf(at, sizeof rows - (size_t)(at - rows) - 2,
                       "%s{\"case_id\": %s, \"office_id\": 5, \"kejari_id\": 11, \"stage\": "
                       "\"investigation\", \"p19_rounds\": 0, \"pingpong\": false, "
                       "\"directions_open\": 0, \"detail\": {}, \"stats\": {}, "
                       "\"case_version\": 7, \"rules_sig\": 42, \"snapshot\": {\"format\": 1, "
                       "\"events\": 0, \"last_event\": 0}}",
                       at > rows + 1 ? ", " : "", id);
    strcat(at, "]");
    free(ids);
    PGresult *r = as_user(c, uid, "SELECT 1");
    PQclear(r);
    const char *q[1] = {rows};
    return PQexecParams(c, "SELECT app.record_summary($1::jsonb)", 1, NULL, q, NULL, NULL, 0);
}

/* app.record_case_summary (sql/0040: an act's own summary, its snapshot as text), called as
 * berkas_app by user uid inside a new transaction for the case numbered number; the row
 * claims office 5 and Kejari 11 as record_summary's do. */
static PGresult *record_case_summary(PGconn *c, long uid, const char *number)
{
    char *id = owner_value("SELECT id FROM app.cases WHERE number = $1", number);
    PGresult *r = as_user(c, uid, "SELECT 1");
    PQclear(r);
    const char *q[2] = {id,
                        "{\"office_id\": 5, \"kejari_id\": 11, \"stage\": \"investigation\", "
                        "\"p19_rounds\": 0, \"pingpong\": false, \"directions_open\": 0, "
                        "\"detail\": {}, \"stats\": {}, \"case_version\": 7, \"rules_sig\": 42}"};
    r = PQexecParams(c,
                     "SELECT app.record_case_summary($1::bigint, $2::jsonb, "
                     "'{\"format\":1,\"events\":0,\"last_event\":0}', 1, 0, 0)",
                     2, NULL, q, NULL, NULL, 0);
    free(id);
    return r;
}

/* The summary and snapshot rows record_summary wrote that the owner sees, and
 * they are taken away: "summaries snapshots", e.g. "1 1" or "0 0". */
static char *recorded_taken(void)
{
    char *n = owner_value("SELECT (SELECT count(*) FROM app.case_summaries WHERE rules_sig = 42) "
                          "|| ' ' || (SELECT count(*) FROM app.case_snapshots "
                          "WHERE case_version = 7)",
                          NULL);
    free(owner_value("WITH s AS (DELETE FROM app.case_summaries WHERE rules_sig = 42) "
                     "DELETE FROM app.case_snapshots WHERE case_version = 7",
                     NULL));
    return n;
}

/* The act's summary and snapshot written past the tables' per-row policies
 * (sql/0026) still go in only for who may read the case - the rule of
 * app.case_summaries' and app.case_snapshots' own write policies - and for
 * anyone else the call fails and writes nothing: another office's
 * investigator, a supervisor of another Kanwil, a prosecutor of another Kejari
 * or of a case not disclosed, an admin, a disabled user, nobody. */
START_TEST(test_the_act_summary_writer_keeps_the_fence)
{
    struct {
        long uid;
        const char *numbers, *want;
    } calls[] = {
        {INV_A1, "A1-J1", "1 1"},
        {SUP_K1, "A2-J1", "1 1"},
        {PROS_J1, "A1-J1", "1 1"},
        {INV_A1, "A1-J1,A1-J2", "2 2"},
        {INV_A1, "A2-J1", NULL},
        {INV_A1, "A1-J1,A2-J1", NULL}, /* one is not theirs */
        {SUP_K1, "A3-J2", NULL},
        {PROS_J1, "A1-J2", NULL},
        {PROS_J1, "A1-J1-undisclosed", NULL},
        {ADMIN_D, "A1-J1", NULL},
        {INV_DISABLED, "A1-J1", NULL},
        {999, "A1-J1", NULL},
    };
    oc = PQconnectdb(owner);
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        PGresult *r = record_summary(c, calls[i].uid, calls[i].numbers);
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        ck_assert_msg(calls[i].want ? PQresultStatus(r) == PGRES_TUPLES_OK
                                    : state && strcmp(state, "42501") == 0,
                      "user %ld on %s: %s", calls[i].uid, calls[i].numbers,
                      state ? PQresultErrorMessage(r) : "written");
        PQclear(r);
        r = PQexec(c, calls[i].want ? "COMMIT" : "ROLLBACK");
        PQclear(r);
        /* the office, Kejari and disclosure are the case's own, whatever the row said */
        char *kept = owner_value("SELECT s.office_id || ' ' || s.kejari_id || ' ' || s.disclosed "
                                 "|| ' ' || s.scope1 FROM app.case_summaries s JOIN app.cases c "
                                 "ON c.id = s.case_id WHERE c.number = $1 AND s.rules_sig = 42",
                                 "A1-J1");
        char *seen = recorded_taken();
        ck_assert_msg(strcmp(seen, calls[i].want ? calls[i].want : "0 0") == 0,
                      "user %ld on %s: %s", calls[i].uid, calls[i].numbers, seen);
        if (calls[i].want && strstr(calls[i].numbers, "A1-J1"))
            ck_assert_str_eq(kept, "4 10 true 1");
        free(kept);
        free(seen);
        if (strchr(calls[i].numbers, ','))
            continue;
        /* the act's own writer (sql/0040) answers each user as record_summary does */
        r = record_case_summary(c, calls[i].uid, calls[i].numbers);
        state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        ck_assert_msg(calls[i].want ? PQresultStatus(r) == PGRES_TUPLES_OK
                                    : state && strcmp(state, "42501") == 0,
                      "user %ld on %s (record_case_summary): %s", calls[i].uid, calls[i].numbers,
                      state ? PQresultErrorMessage(r) : "written");
        PQclear(r);
        r = PQexec(c, calls[i].want ? "COMMIT" : "ROLLBACK");
        PQclear(r);
        kept = owner_value("SELECT s.office_id || ' ' || s.kejari_id || ' ' || s.disclosed "
                           "|| ' ' || s.scope1 || ' ' || n.state FROM app.case_summaries s "
                           "JOIN app.cases c ON c.id = s.case_id JOIN app.case_snapshots n ON "
                           "n.case_id = c.id WHERE c.number = $1 AND s.rules_sig = 42",
                           "A1-J1");
        seen = recorded_taken();
        ck_assert_msg(strcmp(seen, calls[i].want ? calls[i].want : "0 0") == 0,
                      "user %ld on %s (record_case_summary): %s", calls[i].uid, calls[i].numbers,
                      seen);
        if (calls[i].want && strstr(calls[i].numbers, "A1-J1"))
            ck_assert_str_eq(kept, "4 10 true 1 {\"format\":1,\"events\":0,\"last_event\":0}");
        free(kept);
        free(seen);
    }
    PQfinish(c);
    PQfinish(oc);
}
END_TEST

/* app.record_act (sql/0027), called as berkas_app by user uid inside a new
 * transaction: an act of type on the case numbered number, its next in the
 * log, moving the case to stage (NULL: where it is).  With summary, by
 * app.record_act_summary (sql/0042), with a summary row that claims office 5 and Kejari 11
 * (as record_summary's) and a snapshot whose last event it leaves to the act. */
static PGresult *record_act_with(PGconn *c, long uid, const char *number, const char *type,
                                 const char *stage, bool summary);

static PGresult *record_act(PGconn *c, long uid, const char *number, const char *type,
                            const char *stage)
{
    return record_act_with(c, uid, number, type, stage, false);
}

static PGresult *record_act_with(PGconn *c, long uid, const char *number, const char *type,
                                 const char *stage, bool summary)
{
    const char *p[1] = {number};
    char *row = sql_value(owner,
                          "SELECT id || ' ' || (events + 1) || ' ' || stage FROM app.cases "
                          "WHERE number = $1",
                          1, p);
    char cid[24], seq[16], now[40], by[24];
    ck_assert_int_eq(sscanf(row, "%23s %15s %39s", cid, seq, now), 3);
    free(row);
    snprintf(by, sizeof by, "%ld", uid);
    PGresult *r = as_user(c, uid, "SELECT 1");
    PQclear(r);
    const char *q[6] = {cid, seq, type, now, stage ? stage : now, by};
    if (summary)
        return PQexecParams(
            c,
            "SELECT id, hash, version FROM app.record_act_summary($1::bigint, $2::int, $3, "
            "'2026-01-05', NULL, 'B/1/2026', NULL, NULL, 'KUHAP-2025', $4, $5, "
            "'{\"recipient\": \"x\"}', $6::bigint, false, false, NULL, '{\"office_id\": 5, "
            "\"kejari_id\": 11, \"stage\": \"investigation\", \"p19_rounds\": 0, "
            "\"pingpong\": false, \"directions_open\": 0, \"detail\": {}, \"stats\": {}, "
            "\"case_version\": 7, \"rules_sig\": 42}', '{\"format\":1}', 1, 1, 999999)",
            6, NULL, q, NULL, NULL, 0);
    return PQexecParams(c,
                        "SELECT id, hash, version FROM app.record_act($1::bigint, $2::int, $3, "
                        "'2026-01-05', NULL, 'B/1/2026', NULL, NULL, 'KUHAP-2025', $4, $5, "
                        "'{\"recipient\": \"x\"}', $6::bigint, false, false, NULL)",
                        6, NULL, q, NULL, NULL, 0);
}

/* What the owner sees of the case numbered number: "events version last_hash". */
static char *case_head(const char *number)
{
    const char *p[1] = {number};
    return sql_value(owner,
                     "SELECT events || ' ' || version || ' ' || encode(last_hash, 'hex') "
                     "FROM app.cases WHERE number = $1",
                     1, p);
}

/* The act written past the per-row policies of app.events and app.cases
 * (sql/0027) goes in only for who those policies let in: the investigators of
 * the case's office any act; a supervisor above the office only a supervision
 * act, and without moving the case; a prosecutor of the Kejari the case was
 * disclosed to only a P-form.  Anyone else's call fails with 42501 and leaves
 * no row and the case's head as it was; a written act is chained to the
 * case's previous head, moves it, and the whole log still verifies. */
START_TEST(test_the_act_writer_keeps_the_fence)
{
    struct {
        long uid;
        const char *number, *type, *stage;
        bool allowed;
    } calls[] = {
        {INV_A1, "A1-J1", "letter_delivered", NULL, true},
        {INV_A1, "A1-J1", "sprindik_issued", "investigation", true},
        {INV_A1, "A2-J1", "letter_delivered", NULL, false},  /* another office's case */
        {INV_A1, "A3-J2", "letter_delivered", NULL, false},  /* another Kanwil's */
        {SUP_K1, "A2-J1", "review_note", NULL, true},        /* an office under theirs */
        {SUP_K1, "A2-J1", "letter_delivered", NULL, false},  /* not a supervision act */
        {SUP_K1, "A2-J1", "p21_received", NULL, false},      /* a prosecutor's */
        {SUP_K1, "A2-J1", "review_note", "complete", false}, /* a supervisor moves nothing */
        {SUP_K1, "A3-J2", "review_note", NULL, false},       /* another Kanwil's */
        {PROS_J1, "A1-J1", "p16_received", NULL, true},      /* disclosed to their Kejari */
        {PROS_J1, "A1-J1", "letter_delivered", NULL, false}, /* an investigator's act */
        {PROS_J1, "A1-J1", "sprindik_issued", NULL, false},
        {PROS_J1, "A1-J1", "review_note", NULL, false}, /* a supervisor's */
        {PROS_J1, "A1-J1-undisclosed", "p16_received", NULL, false},
        {PROS_J1, "A1-J2", "p16_received", NULL, false}, /* another Kejari's */
        {ADMIN_D, "A1-J1", "letter_delivered", NULL, false},
        {INV_DISABLED, "A1-J1", "letter_delivered", NULL, false},
        {999, "A1-J1", "letter_delivered", NULL, false},
    };
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    oc = PQconnectdb(owner);
    /* each call twice: the act alone (0027), then with its summary and snapshot (0042) */
    for (size_t k = 0; k < 2 * sizeof calls / sizeof calls[0]; k++) {
        size_t i = k % (sizeof calls / sizeof calls[0]);
        bool with = k >= sizeof calls / sizeof calls[0];
        long long before = sql_count(owner, "SELECT count(*) FROM app.events", 0, NULL);
        char *head = case_head(calls[i].number);
        PGresult *r =
            record_act_with(c, calls[i].uid, calls[i].number, calls[i].type, calls[i].stage, with);
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        char *hash = NULL;
        if (calls[i].allowed) {
            ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1,
                          "user %ld, %s on %s: %s", calls[i].uid, calls[i].type, calls[i].number,
                          PQresultErrorMessage(r));
            hash = strdup(PQgetvalue(r, 0, 1));
        } else {
            ck_assert_msg(state && strcmp(state, "42501") == 0, "user %ld, %s on %s: %s",
                          calls[i].uid, calls[i].type, calls[i].number,
                          state ? PQresultErrorMessage(r) : "written");
        }
        PQclear(r);
        r = PQexec(c, calls[i].allowed ? "COMMIT" : "ROLLBACK");
        ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
        PQclear(r);
        long long after = sql_count(owner, "SELECT count(*) FROM app.events", 0, NULL);
        char *moved = case_head(calls[i].number);
        /* with it the summary and snapshot: of the case's own office whatever the row said,
         * the snapshot's last event the act's row; nothing of either when refused */
        char *summarised =
            with && calls[i].allowed
                ? owner_value("SELECT (s.office_id = c.office_id) || ' ' || (n.last_event = "
                              "e.id) FROM app.cases c JOIN app.case_summaries s ON s.case_id = "
                              "c.id JOIN app.case_snapshots n ON n.case_id = c.id JOIN "
                              "app.events e ON e.case_id = c.id AND e.seq = c.events "
                              "WHERE c.number = $1 AND s.rules_sig = 42",
                              calls[i].number)
                : strdup("true true");
        char *seen = recorded_taken();
        ck_assert_msg(strcmp(seen, with && calls[i].allowed ? "1 1" : "0 0") == 0,
                      "user %ld, %s on %s (summary %d): %s", calls[i].uid, calls[i].type,
                      calls[i].number, with, seen);
        ck_assert_str_eq(summarised, "true true");
        free(seen);
        free(summarised);
        if (!calls[i].allowed) {
            ck_assert_int_eq(after, before);
            ck_assert_str_eq(moved, head);
        } else {
            /* one row, chained to the old head; the head moved to it */
            ck_assert_int_eq(after, before + 1);
            int events, version;
            char old[65], now[65];
            ck_assert_int_eq(sscanf(head, "%d %d %64s", &events, &version, old), 3);
            char want[200];
            snprintf(want, sizeof want, "%d %d %s", events + 1, version + 1, hash);
            ck_assert_str_eq(moved, want);
            const char *p[2] = {calls[i].number, hash};
            char *prev = sql_value(owner,
                                   "SELECT encode(e.prev_hash, 'hex') FROM app.events e JOIN "
                                   "app.cases c ON c.id = e.case_id WHERE c.number = $1 AND "
                                   "e.hash = decode($2, 'hex') AND e.seq = c.events",
                                   2, p);
            ck_assert_int_eq(sscanf(head, "%*d %*d %64s", now), 1);
            ck_assert_str_eq(prev, now);
            free(prev);
        }
        free(hash);
        free(head);
        free(moved);
    }
    PQfinish(c);
    PQfinish(oc);
    /* every case's log, the rows written before and these, verifies */
    long long broken = sql_count(owner,
                                 "SELECT count(*) FROM app.offices o, app.verify_chain(o.id) v "
                                 "WHERE o.parent_id IS NULL AND v.broken_seq IS NOT NULL",
                                 0, NULL);
    ck_assert_int_eq(broken, 0);
    /* (a case is under the root of its office and under that of its Kejari) */
    long long checked = sql_count(owner,
                                  "SELECT sum(events) FROM (SELECT DISTINCT v.case_id, v.events "
                                  "FROM app.offices o, app.verify_chain(o.id) v "
                                  "WHERE o.parent_id IS NULL) x",
                                  0, NULL);
    ck_assert_int_eq(checked, sql_count(owner, "SELECT count(*) FROM app.events", 0, NULL));
}
END_TEST

/* app.record_act_summary (0042) called as user uid on the case numbered number with an act of
 * type (NULL: none), the summary and the snapshot given (NULL: SQL NULL); the result. */
static PGresult *whole_call(PGconn *c, long uid, const char *number, const char *type,
                            const char *summary, const char *snapshot)
{
    const char *p[1] = {number};
    char *row = sql_value(owner,
                          "SELECT id || ' ' || (events + 1) || ' ' || stage FROM app.cases "
                          "WHERE number = $1",
                          1, p);
    char cid[24], seq[16], stage[40], by[24];
    ck_assert_int_eq(sscanf(row, "%23s %15s %39s", cid, seq, stage), 3);
    free(row);
    snprintf(by, sizeof by, "%ld", uid);
    PGresult *r = as_user(c, uid, "SELECT 1");
    PQclear(r);
    const char *q[7] = {cid, type ? seq : NULL, type, stage, by, summary, snapshot};
    return PQexecParams(c,
                        "SELECT id, hash, version FROM app.record_act_summary($1::bigint, $2::int, "
                        "$3, '2026-01-05', NULL, 'B/1/2026', NULL, NULL, 'KUHAP-2025', $4, $4, "
                        "'{}', $5::bigint, false, false, NULL, $6::jsonb, $7, 1, 1, 1)",
                        7, NULL, q, NULL, NULL, 0);
}

/* The whole writer's odd calls (0042) write nothing: no act and no summary (42501); an act with
 * a summary that is not an object, or without its snapshot, fails whole - the act is not left
 * without its summary; a summary alone goes in for who may read the case (a prosecutor of the
 * Kejari it was disclosed to) and for no one else. */
START_TEST(test_the_whole_writer_refuses_odd_calls_whole)
{
    static const char summary[] = "{\"stage\": \"investigation\", \"p19_rounds\": 0, "
                                  "\"pingpong\": false, \"directions_open\": 0, \"detail\": {}, "
                                  "\"stats\": {}, \"case_version\": 7, \"rules_sig\": 42}";
    struct {
        long uid;
        const char *number, *type, *summary, *snapshot, *want; /* want: NULL refused, else seen */
    } calls[] = {
        {INV_A1, "A1-J1", NULL, NULL, NULL, NULL},               /* nothing to write */
        {INV_A1, "A1-J1", NULL, summary, NULL, NULL},            /* a summary without snapshot */
        {INV_A1, "A1-J1", "letter_delivered", "[]", "{}", NULL}, /* not an object */
        {INV_A1, "A1-J1", "letter_delivered", "\"x\"", "{}", NULL},
        {INV_A1, "A1-J1", "letter_delivered", summary, NULL, NULL}, /* no snapshot */
        {PROS_J1, "A1-J1", NULL, summary, "{}", "1 1"},             /* disclosed to him */
        {PROS_J1, "A1-J1-undisclosed", NULL, summary, "{}", NULL},
        {SUP_K1, "A3-J2", NULL, summary, "{}", NULL}, /* another Kanwil's */
    };
    oc = PQconnectdb(owner);
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        long long before = sql_count(owner, "SELECT count(*) FROM app.events", 0, NULL);
        PGresult *r = whole_call(c, calls[i].uid, calls[i].number, calls[i].type, calls[i].summary,
                                 calls[i].snapshot);
        bool done = PQresultStatus(r) == PGRES_TUPLES_OK;
        ck_assert_msg(done == (calls[i].want != NULL), "call %zu: %s", i,
                      done ? "written" : PQresultErrorMessage(r));
        PQclear(r);
        r = PQexec(c, done ? "COMMIT" : "ROLLBACK");
        PQclear(r);
        char *seen = recorded_taken();
        ck_assert_msg(strcmp(seen, calls[i].want ? calls[i].want : "0 0") == 0, "call %zu: %s", i,
                      seen);
        free(seen);
        ck_assert_int_eq(sql_count(owner, "SELECT count(*) FROM app.events", 0, NULL), before);
    }
    PQfinish(c);
    PQfinish(oc);
}
END_TEST

/* The writer's act-type lists are the policies' (0025): for every act there
 * is, a supervisor above the case's office, a prosecutor of its Kejari and an
 * investigator of its office get the same answer from app.record_act as from
 * an INSERT into app.events through the policies. */
START_TEST(test_the_act_writer_lets_in_what_the_policies_do)
{
    struct {
        long uid;
        const char *number;
    } who[] = {{INV_A1, "A1-J1"}, {SUP_K1, "A2-J1"}, {PROS_J1, "A1-J1"}, {PROS_J1, "A1-J2"}};
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    int allowed[4] = {0, 0, 0, 0};
    for (size_t w = 0; w < sizeof who / sizeof who[0]; w++)
        for (int e = 0; e < EV__COUNT; e++) {
            const char *type = event_code((enum event)e);
            PGresult *r = insert_event(c, who[w].uid, who[w].number, type);
            bool policy = PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
            r = PQexec(c, "ROLLBACK");
            PQclear(r);
            r = record_act(c, who[w].uid, who[w].number, type, NULL);
            bool writer = PQresultStatus(r) == PGRES_TUPLES_OK;
            ck_assert_msg(policy == writer, "user %ld, %s on %s: policy %d, writer %d (%s)",
                          who[w].uid, type, who[w].number, policy, writer, PQresultErrorMessage(r));
            PQclear(r);
            r = PQexec(c, "ROLLBACK");
            PQclear(r);
            /* the act with its summary (0042): the same answer */
            r = record_act_with(c, who[w].uid, who[w].number, type, NULL, true);
            bool whole = PQresultStatus(r) == PGRES_TUPLES_OK;
            ck_assert_msg(policy == whole, "user %ld, %s on %s: policy %d, act+summary %d (%s)",
                          who[w].uid, type, who[w].number, policy, whole, PQresultErrorMessage(r));
            PQclear(r);
            r = PQexec(c, "ROLLBACK");
            PQclear(r);
            allowed[w] += writer;
        }
    PQfinish(c);
    /* the investigator every act; the supervisor the four of supervision and a
     * correction; the prosecutor the twelve receipts of 0025's list, the lapse
     * and a correction; another Kejari's prosecutor none */
    ck_assert_int_eq(allowed[0], EV__COUNT);
    ck_assert_int_eq(allowed[1], 5);
    ck_assert_int_eq(allowed[2], 14);
    ck_assert_int_eq(allowed[3], 0);
}
END_TEST

/* The cases a user's app.case_head (sql/0031: the write path's read, past
 * the per-row policies) gives a row for, comma-separated and sorted, each
 * checked to be the case asked for: of the fixture's six cases, or of all. */
static char *heads_read(PGconn *c, long uid, bool fixture)
{
    PGconn *own = PQconnectdb(owner);
    ck_assert_int_eq(PQstatus(own), CONNECTION_OK);
    PGresult *ids = PQexec(own, fixture ? "SELECT id, number FROM app.cases WHERE number IN "
                                          "('A1-J1', 'A1-J1-undisclosed', 'A1-J2', 'A2-J1', "
                                          "'U1', 'A3-J2') ORDER BY number"
                                        : "SELECT id, number FROM app.cases ORDER BY number");
    PQfinish(own);
    ck_assert_int_eq(PQresultStatus(ids), PGRES_TUPLES_OK);
    char *out = calloc(1, 1024);
    for (int i = 0; i < PQntuples(ids); i++) {
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT id, number FROM app.case_head(%s)",
                 PQgetvalue(ids, i, 0));
        PGresult *r = as_user(c, uid, sql);
        ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "user %ld: %s", uid,
                      PQresultErrorMessage(r));
        ck_assert_int_le(PQntuples(r), 1);
        if (PQntuples(r) == 1) {
            ck_assert_str_eq(PQgetvalue(r, 0, 0), PQgetvalue(ids, i, 0));
            ck_assert_str_eq(PQgetvalue(r, 0, 1), PQgetvalue(ids, i, 1));
            snprintf(out + strlen(out), 1024 - strlen(out), "%s%s", out[0] ? "," : "",
                     PQgetvalue(ids, i, 1));
        }
        PQclear(r);
        r = PQexec(c, "ROLLBACK");
        PQclear(r);
    }
    PQclear(ids);
    return out;
}

/* The write path's read of a case (app.case_head, sql/0031) gives its row to
 * exactly whom app.cases' read policies show it: the investigators of its
 * office, a supervisor of an office above it, a prosecutor of the Kejari it
 * was disclosed to; an admin, a disabled user, nobody and an unknown user get
 * no row, as for a case that does not exist (404). */
START_TEST(test_the_case_head_reads_what_the_policies_show)
{
    struct {
        long uid;
        const char *cases;
    } who[] = {{INV_A1, "A1-J1,A1-J1-undisclosed,A1-J2"},
               {SUP_K1, "A1-J1,A1-J1-undisclosed,A1-J2,A2-J1,U1"},
               {PROS_J1, "A1-J1,A2-J1"},
               {ADMIN_D, ""},
               {INV_DISABLED, ""},
               {0, ""},
               {999, ""}};
    PGconn *c = PQconnectdb(app);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    for (size_t w = 0; w < sizeof who / sizeof who[0]; w++) {
        char *heads = heads_read(c, who[w].uid, true);
        ck_assert_msg(strcmp(heads, who[w].cases) == 0, "user %ld: case_head %s", who[w].uid,
                      heads);
        free(heads);
        /* and of every case the suite's other tests made: the same as the policies */
        heads = heads_read(c, who[w].uid, false);
        char *policies = visible(who[w].uid);
        ck_assert_msg(strcmp(heads, policies) == 0, "user %ld: case_head %s, policies %s",
                      who[w].uid, heads, policies);
        free(heads);
        free(policies);
    }
    PQfinish(c);
}
END_TEST

/* Only berkasd's handlers' role may call the writers (of the summary, of the
 * act); they run as a role that owns nothing, cannot log on and cannot bypass
 * row-level security, with their search_path pinned (and, since 0035, their
 * statements' plans generic: the only other setting). */
START_TEST(test_the_act_summary_writer_is_the_handlers_alone)
{
    const char *roles[] = {"berkas_verifier", "berkas_maint", "berkas_fence"};
    const char *calls[] = {"SELECT app.record_summary('[]')",
                           "SELECT app.record_case_summary(1, '{}', '{}', 1, 0, 0)",
                           "SELECT app.record_act(NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                           "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
                           "SELECT * FROM app.case_head(1)",
                           "SELECT app.record_act_summary(NULL, NULL, NULL, NULL, NULL, NULL, "
                           "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                           "NULL, NULL, NULL, NULL)"};
    PGconn *c = PQconnectdb(owner);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++) {
            char sql[200];
            snprintf(sql, sizeof sql, "SET ROLE %s", roles[i]);
            PGresult *r = PQexec(c, sql);
            PQclear(r);
            r = PQexec(c, calls[k]);
            ck_assert_msg(PQresultStatus(r) == PGRES_FATAL_ERROR, "%s may call %s", roles[i],
                          calls[k]);
            ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
            PQclear(r);
            r = PQexec(c, "RESET ROLE");
            PQclear(r);
        }
    PQfinish(c);
    const char *functions[] = {"app.record_summary(jsonb)",
                               "app.record_case_summary(bigint, jsonb, text, int, int, bigint)",
                               "app.record_act(bigint, int, text, date, timestamptz, text, "
                               "bigint, bigint, text, text, text, jsonb, bigint, boolean, "
                               "boolean, bigint)",
                               "app.case_head(bigint)",
                               "app.record_act_summary(bigint, int, text, date, timestamptz, "
                               "text, bigint, bigint, text, text, text, jsonb, bigint, boolean, "
                               "boolean, bigint, jsonb, text, int, int, bigint)"};
    for (size_t k = 0; k < sizeof functions / sizeof functions[0]; k++) {
        const char *p[1] = {functions[k]};
        char *r =
            sql_value(owner,
                      "SELECT p.proowner::regrole || ' ' || p.prosecdef || ' ' || r.rolcanlogin "
                      "|| ' ' || r.rolbypassrls || ' ' || r.rolsuper || ' ' || "
                      "(SELECT count(*) FROM pg_class WHERE relowner = r.oid) || ' ' || "
                      "array_to_string(p.proconfig, ',') || ' ' || (SELECT string_agg("
                      "g.grantee::regrole::text, ',' ORDER BY g.grantee::regrole::text) FROM "
                      "aclexplode(p.proacl) g WHERE g.privilege_type = 'EXECUTE') FROM pg_proc p "
                      "JOIN pg_roles r ON r.oid = p.proowner WHERE p.oid = $1::regprocedure",
                      1, p);
        /* search_path pinned first (0026, 0027, 0031); the statements' plans generic (0035) */
        ck_assert_str_eq(r, "berkas_record true false false false 0 "
                            "search_path=pg_catalog, pg_temp,plan_cache_mode=force_generic_plan "
                            "berkas_app,berkas_record");
        free(r);
    }
}
END_TEST

/* The case row's two value lists (sql/0003; asked by a function each since
 * sql/0029): each of the ten stages and the ten sources may stand in the row,
 * anything else is refused with the same constraint's name and SQLSTATE
 * (23514), and the refused statement changes nothing. */
START_TEST(test_the_case_row_takes_only_its_stages_and_sources)
{
    static const char *const stages[] = {
        "pre_investigation", "investigation", "with_prosecutor", "returned",       "complete",
        "handed_over",       "lapsed",        "terminated",      "administrative", "dismissed"};
    static const char *const sources[] = {
        "jagratara", "tim_pora",    "public_report", "apoa",         "desa_binaan",
        "tpi_check", "supervision", "intelligence",  "other_agency", "other"};
    static const char *const wrong[] = {"", "Investigation", "penyidikan", "investigation ",
                                        "others"};
    PGconn *c = PQconnectdb(owner);
    ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
    struct {
        const char *column, *constraint;
        const char *const *ok;
    } lists[] = {{"stage", "cases_stage_check", stages}, {"source", "cases_source_check", sources}};
    for (size_t l = 0; l < 2; l++) {
        char sql[160];
        snprintf(sql, sizeof sql, "UPDATE app.cases SET %s = $1 WHERE number = 'U1'",
                 lists[l].column);
        for (size_t i = 0; i < 10; i++) {
            const char *p[1] = {lists[l].ok[i]};
            PGresult *r = PQexec(c, "BEGIN");
            PQclear(r);
            r = PQexecParams(c, sql, 1, NULL, p, NULL, NULL, 0);
            ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdTuples(r), "1") == 0,
                          "%s %s: %s", lists[l].column, p[0], PQresultErrorMessage(r));
            PQclear(r);
            r = PQexec(c, "ROLLBACK");
            PQclear(r);
        }
        for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
            const char *p[1] = {wrong[i]};
            PGresult *r = PQexecParams(c, sql, 1, NULL, p, NULL, NULL, 0);
            ck_assert_msg(PQresultStatus(r) == PGRES_FATAL_ERROR, "%s '%s' taken", lists[l].column,
                          p[0]);
            ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23514");
            ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME), lists[l].constraint);
            PQclear(r);
        }
    }
    PQfinish(c);
    /* nothing moved, and a new case takes the defaults */
    char *row = sql_value(owner, "SELECT stage || ' ' || source FROM app.cases WHERE number = 'U1'",
                          0, NULL);
    ck_assert_str_eq(row, "pre_investigation other");
    free(row);
}
END_TEST

Suite *suite_rls(void)
{
    Suite *s = suite_create("rls");
    TCase *tc = tcase_create("rls");
    /* plain SQL, but dozens of transactions each (the act writer's matrices some 600):
     * Check's 4 s is short under load */
    tcase_set_timeout(tc, 120);
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
    tcase_add_test(tc, test_event_writes_outside_the_fence_are_refused);
    tcase_add_test(tc, test_the_chain_hashes_are_those_of_the_first_definition);
    tcase_add_test(tc, test_a_forged_fence_setting_does_not_widen_access);
    tcase_add_test(tc, test_the_act_summary_writer_keeps_the_fence);
    tcase_add_test(tc, test_the_act_summary_writer_is_the_handlers_alone);
    tcase_add_test(tc, test_the_case_head_reads_what_the_policies_show);
    tcase_add_test(tc, test_the_act_writer_keeps_the_fence);
    tcase_add_test(tc, test_the_act_writer_lets_in_what_the_policies_do);
    tcase_add_test(tc, test_the_whole_writer_refuses_odd_calls_whole);
    tcase_add_test(tc, test_the_case_row_takes_only_its_stages_and_sources);
    suite_add_tcase(s, tc);
    return s;
}
