/*
 * test_integrity.c - no accepted write can leave a case that does not load
 * (issue 9, point 1).
 *
 * A correction replaces the details of the act it corrects (DESIGN.md: "a
 * correction is a new event that points at the one it corrects"), so it must
 * carry what that act needs: a correction of an act on a suspect names the
 * suspect, a correction of a direction keeps a due date.  These expectations
 * come from the meaning of a correction, not from the code: the server must
 * refuse the incomplete correction (400 naming the field) and write nothing.
 *
 * A case whose log does not load (written by a bug of an older release,
 * simulated here by inserting the bad row as the owner) fails alone: the
 * office's list answers 200 and shows it as damaged by id, the case page
 * shows it with the reason, and a proper correction repairs it.
 */
#include <check.h>
#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/summary.h"
#include "harness.h"
#include "store/db.h"
#include "suites.h"

static struct demo_server demo;
static const char *sup, *admin;

static void start_server(void)
{
    demo_server_start(&demo, "integrity_suite");
    sup = demo_server_login(&demo, NIP_SUP_PLG);
    admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
}

static void stop_server(void)
{
    demo_server_stop(&demo);
}

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

static long long open_case(void)
{
    char date[11], body[256];
    days_ago(20, date);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji integritas\"}",
             date);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    return id;
}

static long long add_suspect(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"Tran Van Minh\",\"nationality\":\"VN\","
                     "\"passport_no\":\"C1234567\",\"sex\":\"L\"}",
                     201);
    long long pid = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    return pid;
}

/* Record body on case id as token; the new event's id (want 201) or 0. */
static long long record(long long id, const char *token, const char *body, long want)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *j = call("POST", path, token, body, want);
    long long eid = want == 201 ? json_integer_value(json_object_get(j, "id")) : 0;
    json_decref(j);
    return eid;
}

static long long events_of(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, p);
}

/* GET /cases/{id} must answer 200; returns its "damaged" member (null when whole). */
static bool case_damaged(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *d = json_object_get(c, "damaged");
    bool damaged = d && !json_is_null(d);
    if (damaged)
        ck_assert_ptr_nonnull(json_string_value(json_object_get(d, "reason")));
    json_decref(c);
    return damaged;
}

/* The problem's "field" member of a refused request. */
static void expect_field(long long id, const char *body, const char *field)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *j = call("POST", path, demo.inv, body, 400);
    ck_assert_str_eq(json_string_value(json_object_get(j, "type")) +
                         strlen(json_string_value(json_object_get(j, "type"))) -
                         strlen("bad-input"),
                     "bad-input");
    ck_assert_msg(json_string_value(json_object_get(j, "field")) &&
                      strcmp(json_string_value(json_object_get(j, "field")), field) == 0,
                  "want field %s in %s", field, json_dumps(j, JSON_COMPACT));
    json_decref(j);
}

START_TEST(test_a_correction_of_an_act_on_a_suspect_must_name_the_suspect)
{
    long long id = open_case();
    long long pid = add_suspect(id);
    char date[11], body[512];
    days_ago(10, date);
    snprintf(body, sizeof body,
             "{\"type\":\"detensi_started\",\"at\":\"%sT10:00:00+07:00\",\"party_id\":%lld}", date,
             pid);
    long long det = record(id, demo.inv, body, 201);
    long long before = events_of(id);

    /* the correction that made a case unreadable for good: no party_id */
    days_ago(9, date);
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"%sT11:00:00+07:00\"}", det, date);
    expect_field(id, body, "party_id");
    ck_assert_int_eq(events_of(id), before);
    ck_assert(!case_damaged(id));

    /* the same correction naming the suspect is a correction */
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"%sT11:00:00+07:00\","
             "\"party_id\":%lld}",
             det, date, pid);
    record(id, demo.inv, body, 201);
    ck_assert_int_eq(events_of(id), before + 1);
    ck_assert(!case_damaged(id));

    /* withdrawing the act needs no details */
    snprintf(body, sizeof body, "{\"type\":\"corrected\",\"corrects\":%lld,\"withdraws\":true}",
             det);
    record(id, demo.inv, body, 201);
    ck_assert(!case_damaged(id));
}
END_TEST

START_TEST(test_a_correction_of_a_direction_must_keep_a_due_date)
{
    long long id = open_case();
    char date[11], due[11], body[512];
    days_ago(5, date);
    days_ago(-10, due);
    snprintf(body, sizeof body,
             "{\"type\":\"direction_given\",\"date\":\"%s\",\"due\":\"%s\",\"note\":\"Periksa "
             "saksi\"}",
             date, due);
    long long dir = record(id, sup, body, 201);
    long long before = events_of(id);
    snprintf(body, sizeof body, "{\"type\":\"corrected\",\"corrects\":%lld,\"date\":\"%s\"}", dir,
             date);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *j = call("POST", path, sup, body, 400);
    ck_assert_str_eq(json_string_value(json_object_get(j, "field")), "due");
    json_decref(j);
    ck_assert_int_eq(events_of(id), before);
    ck_assert(!case_damaged(id));
}
END_TEST

/* A bad correction written straight into the log (as an older release's bug
 * would have): the case is damaged, not the office. */
START_TEST(test_a_case_that_does_not_load_fails_alone_and_a_correction_repairs_it)
{
    long long id = open_case();
    long long pid = add_suspect(id);
    char date[11], body[512];
    days_ago(10, date);
    snprintf(body, sizeof body,
             "{\"type\":\"detensi_started\",\"at\":\"%sT10:00:00+07:00\",\"party_id\":%lld}", date,
             pid);
    long long det = record(id, demo.inv, body, 201);

    /* the owner appends what events.c refuses today: a correction without a
     * suspect (the database computes the chain's hash itself) */
    char cid[24], eid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(eid, sizeof eid, "%lld", det);
    const char *p[2] = {cid, eid};
    free(sql_value(demo.db,
                   "WITH c AS (SELECT * FROM app.cases WHERE id = $1::bigint FOR UPDATE), "
                   "e AS (INSERT INTO app.events (case_id, seq, type, legal_date, doc_number, "
                   "corrects, regime, stage_before, stage_after, payload, entered_at, entered_by, "
                   "late, prev_hash, hash) SELECT c.id, c.events + 1, 'corrected', "
                   "current_date - 9, '', $2::bigint, 'KUHAP-2025', c.stage, c.stage, '{}', now(), "
                   "(SELECT entered_by FROM app.events WHERE id = $2::bigint), false, '\\x00', "
                   "'\\x00' FROM c RETURNING seq, hash) "
                   "UPDATE app.cases SET events = e.seq, version = version + 1, last_hash = e.hash "
                   "FROM e WHERE id = $1::bigint RETURNING 1",
                   2, p));
    ck_assert(case_damaged(id));

    /* issue 10: lists read each case's summary, written with each act; a log
     * written behind berkasd's back is found by the summaries' check, and
     * the repair (as berkasd --rebuild-summaries after an upgrade) marks it */
    json_t *check = call("POST", "/api/v1/summaries/check", admin, "{}", 200);
    ck_assert_int_eq(json_integer_value(json_object_get(check, "mismatched")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_array_get(json_object_get(check, "mismatches"), 0), "case_id")),
                     id);
    json_decref(check);
    check = call("POST", "/api/v1/summaries/check", admin, "{\"repair\":true}", 200);
    ck_assert_int_eq(json_integer_value(json_object_get(check, "damaged")), 1);
    json_decref(check);

    /* the office's list and the supervisor's answer 200, the case marked */
    const char *tokens[2] = {demo.inv, sup};
    for (int t = 0; t < 2; t++) {
        json_t *page = call("GET", "/api/v1/cases?limit=100", tokens[t], NULL, 200);
        bool seen = false;
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(page, "items"), i, it)
        {
            if (json_integer_value(json_object_get(it, "id")) != id) {
                json_t *d = json_object_get(it, "damaged");
                ck_assert(!d || json_is_null(d)); /* only this one */
                continue;
            }
            seen = true;
            ck_assert_str_eq(json_string_value(json_object_get(it, "worst_clock")), "damaged");
        }
        json_decref(page);
        ck_assert_msg(seen, "the damaged case is listed");
    }
    json_t *page = call("GET", "/api/v1/cases?clock=overdue", sup, NULL, 200);
    json_decref(page);

    /* a proper correction of the same act repairs it */
    days_ago(9, date);
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"%sT11:00:00+07:00\","
             "\"party_id\":%lld}",
             det, date, pid);
    record(id, demo.inv, body, 201);
    ck_assert(!case_damaged(id));
}
END_TEST

/* berkasd stopping during its summaries' sweep (tens of minutes at start-up
 * on a national database) must not wait for the sweep to end: asked to stop,
 * the sweep stops before its next batch; what it had not done is still
 * stale, and the next sweep does it.  On a database of its own, so that no
 * berkasd's sweep runs meanwhile. */
START_TEST(test_a_summaries_sweep_asked_to_stop_leaves_the_rest_to_the_next)
{
    char *own = harness_new_demo_db("sweep_stop");
    long long rows = sql_count(own, "SELECT count(*) FROM app.case_summaries", 0, NULL);
    ck_assert_int_gt(rows, 0);
    /* the rule sets' fingerprint they were computed under: one for all */
    ck_assert_int_eq(
        sql_count(own, "SELECT count(DISTINCT rules_sig) FROM app.case_summaries", 0, NULL), 1);
    char *sig = sql_value(own, "SELECT min(rules_sig)::text FROM app.case_summaries", 0, NULL);
    const char *p[1] = {sig};
    const char *stale = "SELECT count(*) FROM app.case_summaries WHERE rules_sig <> $1::bigint";
    /* every summary as if computed under other rule sets: stale */
    free(sql_value(own,
                   "WITH u AS (UPDATE app.case_summaries SET rules_sig = rules_sig + 1 "
                   "RETURNING 1) SELECT count(*) FROM u",
                   0, NULL));
    ck_assert_int_eq(sql_count(own, stale, 1, p), rows);

    struct berr err = {0};
    struct db_pool *maint = db_pool_new(own, 1, "berkas_maint", &err);
    ck_assert_msg(maint != NULL, "%s", err.message);
    atomic_bool stop;
    atomic_init(&stop, true);
    struct summary_report rep;
    ck_assert_msg(summary_sweep_until(maint, 0, SUMMARY_STALE, &stop, &rep, &err), "%s",
                  err.message);
    ck_assert(rep.stopped);
    ck_assert_int_eq(rep.written, 0);
    json_decref(rep.mismatches);
    ck_assert_int_eq(sql_count(own, stale, 1, p), rows); /* left as they were */

    atomic_store(&stop, false);
    ck_assert_msg(summary_sweep_until(maint, 0, SUMMARY_STALE, &stop, &rep, &err), "%s",
                  err.message);
    ck_assert(!rep.stopped);
    ck_assert_int_eq(rep.written, rows);
    json_decref(rep.mismatches);
    ck_assert_int_eq(sql_count(own, stale, 1, p), 0);

    /* and they agree with their logs */
    ck_assert_msg(summary_sweep(maint, 0, SUMMARY_CHECK, &rep, &err), "%s", err.message);
    ck_assert_int_eq(rep.mismatched, 0);
    json_decref(rep.mismatches);
    db_pool_free(maint);
    free(sig);
    free(own);
}
END_TEST

/* Whether the summaries' check names case id as differing from its log. */
static bool check_names(long long id)
{
    json_t *check = call("POST", "/api/v1/summaries/check", admin, "{}", 200);
    bool named = false;
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(check, "mismatches"), i, it) named |=
        json_integer_value(json_object_get(it, "case_id")) == id;
    json_decref(check);
    return named;
}

/* The snapshot is folded with the case's foreign suspects (their consular notices, VCCR
 * 36(1)(b)): a suspect added or corrected rewrites it with the case's summary, so that a case
 * whose suspects changed since its last act is not named by the summaries' check (berkasd
 * --check-summaries: exit 1) as differing from its log (found by the model walk: a case opened
 * with its foreign suspects and no act since). */
START_TEST(test_a_suspect_added_or_corrected_keeps_the_snapshot_true)
{
    long long id = open_case();
    ck_assert(!check_names(id));
    long long pid = add_suspect(id);
    ck_assert_msg(!check_names(id), "a foreign suspect added: the snapshot differs");
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties/%lld", id, pid);
    json_decref(call("PUT", path, demo.inv, "{\"nationality\":\"ID\"}", 200));
    ck_assert_msg(!check_names(id), "a suspect corrected to Indonesian: the snapshot differs");
    char date[11], body[96];
    days_ago(10, date);
    snprintf(body, sizeof body, "{\"type\":\"sprindik_issued\",\"date\":\"%s\"}", date);
    record(id, demo.inv, body, 201);
    add_suspect(id);
    ck_assert_msg(!check_names(id), "a foreign suspect added after an act: the snapshot differs");
}
END_TEST

Suite *suite_integrity(void)
{
    Suite *s = suite_create("integrity");
    TCase *tc = tcase_create("integrity");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_add_test(tc, test_a_suspect_added_or_corrected_keeps_the_snapshot_true);
    tcase_add_test(tc, test_a_correction_of_an_act_on_a_suspect_must_name_the_suspect);
    tcase_add_test(tc, test_a_correction_of_a_direction_must_keep_a_due_date);
    tcase_add_test(tc, test_a_case_that_does_not_load_fails_alone_and_a_correction_repairs_it);
    tcase_add_test(tc, test_a_summaries_sweep_asked_to_stop_leaves_the_rest_to_the_next);
    suite_add_tcase(s, tc);
    return s;
}
