/*
 * test_law.c - the law's order of things over real HTTP (issue 13): act
 * dates that agree, fields an act does not take, refusals that name the
 * item and say how to supply it.  Every refusal is problem+json with the
 * field the client sent, and writes nothing (the event count is the same
 * before and after).  The expectations come from the law cited at each
 * test, not from server/core.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

#define NIP_INV_BLC "199205052016031002" /* Kantor Imigrasi Batulicin, WITA */

static struct demo_server demo;
static const char *inv_blc, *sup;
static long long kejari_tnb;

static void start_server(void)
{
    demo_server_start(&demo, "law_suite");
    /* this suite checks the law's guards on acts; the documents that Tahap I
     * also needs (issue 8) are checked in test_acts.c */
    harness_setting(demo.db, "dossier.tahap1_requires_documents", "false");
    inv_blc = demo_server_login(&demo, NIP_INV_BLC);
    sup = demo_server_login(&demo, NIP_SUP_PLG);
    kejari_tnb = demo_server_office(&demo, "KEJARI-TNB");
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

static const char *str(json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    return s ? s : "";
}

static long long open_case_on(const char *token, long long kejari, const char *opened)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"summary\":\"Uji urutan\","
             "\"kejari_id\":%lld}",
             opened, kejari);
    json_t *c = call("POST", "/api/v1/cases", token, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    return id;
}

static long long open_case(int opened_ago)
{
    char date[11];
    days_ago(opened_ago, date);
    return open_case_on(demo.inv, demo.kejari_plg, date);
}

static json_t *post(long long id, const char *token, const char *body, long want)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    return call("POST", path, token, body, want);
}

/* Record type dated `date` ("YYYY-MM-DD" or an instant) with extra members. */
static long long rec_on(long long id, const char *token, const char *type, const char *date,
                        const char *extra)
{
    char body[1024];
    snprintf(body, sizeof body, "{\"type\":\"%s\",\"%s\":\"%s\"%s%s}", type,
             strchr(date, 'T') ? "at" : "date", date, extra ? "," : "", extra ? extra : "");
    json_t *j = post(id, token, body, 201);
    long long ev = json_integer_value(json_object_get(j, "id"));
    json_decref(j);
    return ev;
}

static long long rec(long long id, const char *token, const char *type, int ago, const char *extra)
{
    char date[11];
    days_ago(ago, date);
    return rec_on(id, token, type, date, extra);
}

static long long add_party(long long id, const char *kind, const char *name)
{
    char path[64], body[256];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"%s\",\"name\":\"%s\",\"nationality\":\"VN\",\"passport_no\":"
             "\"C7654321\"}",
             kind, name);
    json_t *p = call("POST", path, demo.inv, body, 201);
    long long pid = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    return pid;
}

static long long charge(long long id, const char *code, long long party)
{
    char path[64], body[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"%s\",\"party_id\":%lld}", code, party);
    json_t *o = call("POST", path, demo.inv, body, 201);
    long long oid = json_integer_value(json_object_get(o, "id"));
    json_decref(o);
    return oid;
}

static long long events_of(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, p);
}

/* POST body to case id as token, expecting a refusal with status, problem
 * type and field; nothing may be written.  The problem (caller decrefs). */
static json_t *refused(long long id, const char *token, const char *body, long status,
                       const char *type, const char *field)
{
    long long before = events_of(id);
    json_t *j = post(id, token, body, status);
    char want[96];
    snprintf(want, sizeof want, "urn:berkas:problem:%s", type);
    ck_assert_str_eq(str(j, "type"), want);
    if (field)
        ck_assert_str_eq(str(j, "field"), field);
    ck_assert_int_eq(events_of(id), before);
    return j;
}

/* ---- fields an act does not take (issue 13.11) -------------------------------------------- */

START_TEST(test_a_field_the_act_does_not_take_is_refused_and_not_stored)
{
    long long id = open_case(10);
    char body[256], d[11];
    days_ago(9, d);
    /* days belong to a detention extension (KUHAP 24(2)), not to a Sprindik */
    snprintf(body, sizeof body, "{\"type\":\"sprindik_issued\",\"date\":\"%s\",\"days\":20}", d);
    json_t *j = refused(id, demo.inv, body, 400, "bad-input", "days");
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "days"));
    json_decref(j);
    long long sprindik = rec(id, demo.inv, "sprindik_issued", 9, NULL);
    /* a BAP's kind on an SPDP; a P-19's items on a letter */
    snprintf(body, sizeof body,
             "{\"type\":\"spdp_sent\",\"date\":\"%s\",\"recipient\":\"kejari\",\"bap\":\"saksi\"}",
             d);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "bap"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"instructions\":[\"x\"]}", d);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "instructions"));
    /* a correction carries what the corrected act takes, and no more */
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%lld,\"days\":3}", d, sprindik);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "days"));
    /* nothing of it reached the payloads */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.events WHERE case_id = $1::bigint AND "
                               "(payload ? 'days' OR payload ? 'bap' OR payload ? 'instructions')",
                               1, p),
                     0);
}
END_TEST

START_TEST(test_date_and_at_that_disagree_are_refused_by_the_offices_calendar)
{
    /* Batulicin keeps WITA (UTC+8): 23:30 WIB on the 5th is 00:30 on the 6th
     * there, so `date` must say the 6th */
    char d6[11], d5[11], at[40], body[512];
    days_ago(6, d6);
    days_ago(5, d5);
    long long id = open_case_on(inv_blc, kejari_tnb, d6);
    rec_on(id, inv_blc, "sprindik_issued", d6, NULL);
    snprintf(at, sizeof at, "%sT23:30:00+07:00", d6);
    snprintf(body, sizeof body, "{\"type\":\"resume_written\",\"at\":\"%s\",\"date\":\"%s\"}", at,
             d6);
    json_t *j = refused(id, inv_blc, body, 400, "bad-input", "date");
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "WITA"));
    json_decref(j);
    snprintf(body, sizeof body, "{\"type\":\"resume_written\",\"at\":\"%s\",\"date\":\"%s\"}", at,
             d5);
    json_decref(post(id, inv_blc, body, 201));
}
END_TEST

/* ---- act dates that agree (issue 13.1) ------------------------------------------------------ */

START_TEST(test_spdp_before_its_sprindik_is_refused_naming_both_acts)
{
    /* KUHAP 109(1): the SPDP notifies the investigation the Sprindik began */
    long long id = open_case(20);
    char d15[11], d16[11], body[256];
    days_ago(15, d15);
    days_ago(16, d16);
    rec(id, demo.inv, "sprindik_issued", 15, NULL);
    snprintf(body, sizeof body, "{\"type\":\"spdp_sent\",\"date\":\"%s\",\"recipient\":\"kejari\"}",
             d16);
    json_t *j = refused(id, demo.inv, body, 422, "date-order", "date");
    const char *detail = str(j, "detail");
    ck_assert_ptr_nonnull(strstr(detail, "SPDP"));
    ck_assert_ptr_nonnull(strstr(detail, d16));
    ck_assert_ptr_nonnull(strstr(detail, "Surat Perintah Penyidikan"));
    ck_assert_ptr_nonnull(strstr(detail, d15));
    ck_assert_str_eq(str(json_object_get(j, "act"), "type"), "spdp_sent");
    ck_assert_str_eq(str(json_object_get(j, "act"), "date"), d16);
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "sprindik_issued");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "date"), d15);
    json_decref(j);
    /* the same day is in order */
    rec(id, demo.inv, "spdp_sent", 15, "\"recipient\":\"kejari\"");
}
END_TEST

START_TEST(test_detention_before_the_arrest_is_refused_by_the_hour_as_at)
{
    /* KUHAP 19(1), 21: detained after the arrest, and a detention five
     * days before the arrest (the issue's case) is refused */
    long long id = open_case(20);
    long long s = add_party(id, "suspect", "TRAN VAN B");
    charge(id, "122", s);
    rec(id, demo.inv, "sprindik_issued", 15, NULL);
    char d[11], at[40], body[512], extra[64];
    days_ago(10, d);
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d);
    rec_on(id, demo.inv, "arrested", at, extra);
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"%sT08:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Han/2/2026\"}",
             d, s);
    json_t *j = refused(id, demo.inv, body, 422, "date-order", "at");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "arrested");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "at"), at);
    json_decref(j);
    days_ago(15, d);
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"%sT10:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Han/2/2026\"}",
             d, s);
    json_decref(refused(id, demo.inv, body, 422, "date-order", "at"));
}
END_TEST

START_TEST(test_a_correction_that_breaks_the_order_is_refused)
{
    /* re-dating the Sprindik after its SPDP would leave the SPDP before the
     * act it notifies: refused, naming both; an in-order one is taken */
    long long id = open_case(20);
    long long sprindik = rec(id, demo.inv, "sprindik_issued", 15, NULL);
    rec(id, demo.inv, "spdp_sent", 13, "\"recipient\":\"kejari\"");
    char d12[11], d14[11], body[256];
    days_ago(12, d12);
    days_ago(14, d14);
    snprintf(body, sizeof body, "{\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%lld}", d12,
             sprindik);
    json_t *j = refused(id, demo.inv, body, 422, "date-order", "date");
    ck_assert_str_eq(str(json_object_get(j, "act"), "type"), "spdp_sent");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "date"), d12);
    json_decref(j);
    snprintf(body, sizeof body, "{\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%lld}", d14,
             sprindik);
    json_decref(post(id, demo.inv, body, 201));
}
END_TEST

START_TEST(test_order_across_the_regime_switch)
{
    /* a Sprindik of 1 January 2026 (KUHAP 1981) and its SPDP of 2 January
     * (UU 20/2025): in order; one of 31 December: not */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2025-12-28");
    rec_on(id, demo.inv, "sprindik_issued", "2026-01-01", NULL);
    json_decref(refused(id, demo.inv,
                        "{\"type\":\"spdp_sent\",\"date\":\"2025-12-31\",\"recipient\":\"kejari\"}",
                        422, "date-order", "date"));
    json_t *j =
        post(id, demo.inv,
             "{\"type\":\"spdp_sent\",\"date\":\"2026-01-02\",\"recipient\":\"kejari\"}", 201);
    ck_assert_str_eq(str(j, "regime"), "KUHAP-2025");
    json_decref(j);
}
END_TEST

/* ---- refusals that name the item (issue 13.11, 8.7) ---------------------------------------- */

START_TEST(test_a_guard_says_how_to_supply_what_is_missing)
{
    long long id = open_case(20);
    rec(id, demo.inv, "sprindik_issued", 15, NULL);
    char d[11], body[128], how[64];
    days_ago(10, d);
    snprintf(body, sizeof body, "{\"type\":\"tahap1_sent\",\"date\":\"%s\"}", d);
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    json_t *hints = json_object_get(j, "hints");
    ck_assert_uint_eq(json_array_size(hints), json_array_size(json_object_get(j, "missing")));
    ck_assert_str_eq(str(json_array_get(hints, 0), "fact"), "spdp_sent");
    snprintf(how, sizeof how, "berkas record %lld spdp_sent", id);
    ck_assert_ptr_nonnull(strstr(str(json_array_get(hints, 0), "how"), how));
    json_decref(j);
}
END_TEST

/* A file sent to the Kejari: Sprindik, SPDP, a suspect examined, resume,
 * Tahap I, all dated from `from` days ago on. */
static long long file_sent(int from, long long *suspect)
{
    long long id = open_case(from + 2);
    long long s = add_party(id, "suspect", "LE THI C");
    charge(id, "122", s);
    char sx[64];
    snprintf(sx, sizeof sx, "\"party_id\":%lld", s);
    rec(id, demo.inv, "sprindik_issued", from, NULL);
    rec(id, demo.inv, "spdp_sent", from, "\"recipient\":\"kejari\"");
    rec(id, demo.inv, "suspect_designated", from - 1, sx);
    char bap[96];
    snprintf(bap, sizeof bap, "\"bap\":\"tersangka\",\"party_id\":%lld", s);
    rec(id, demo.inv, "bap_recorded", from - 2, bap);
    rec(id, demo.inv, "resume_written", from - 3, NULL);
    rec(id, demo.inv, "tahap1_sent", from - 4, NULL);
    if (suspect)
        *suspect = s;
    return id;
}

START_TEST(test_p21_without_the_prosecutors_receipt_is_refused)
{
    /* KUHAP 138(1): the prosecutor answers on a file he received */
    long long id = file_sent(20, NULL);
    char d[11], body[128];
    days_ago(12, d);
    snprintf(body, sizeof body, "{\"type\":\"p21_received\",\"date\":\"%s\"}", d);
    json_t *j = refused(id, demo.pros, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "tahap1_received");
    ck_assert_ptr_nonnull(strstr(str(json_array_get(json_object_get(j, "hints"), 0), "how"),
                                 "tahap1_received_by_pu"));
    json_decref(j);
    rec(id, demo.pros, "tahap1_received_by_pu", 14, NULL);
    json_decref(post(id, demo.pros, body, 201));
}
END_TEST

START_TEST(test_a_resend_names_the_instruction_left_unanswered)
{
    long long id = file_sent(20, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 15, NULL);
    rec(id, demo.pros, "p19_received", 12,
        "\"instructions\":[\"Lengkapi BAP saksi\",\"Lampirkan SIMKIM\",\"Periksa ahli\"]");
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    long long items[3];
    for (int i = 0; i < 3; i++) {
        char no[4], *v;
        snprintf(no, sizeof no, "%d", i + 1);
        const char *pi[2] = {cid, no};
        v = sql_value(demo.db,
                      "SELECT id FROM app.instructions WHERE case_id = $1::bigint AND item_no = "
                      "$2::int",
                      2, pi);
        items[i] = strtoll(v, NULL, 10);
        free(v);
    }
    (void)p;
    char extra[128];
    for (int i = 0; i < 3; i += 2) { /* the 1st and the 3rd answered, not the 2nd */
        snprintf(extra, sizeof extra, "\"instruction_id\":%lld,\"answer\":\"Sudah\"", items[i]);
        rec(id, demo.inv, "instruction_answered", 10, extra);
    }
    char d[11], body[128], named[64];
    days_ago(9, d);
    snprintf(body, sizeof body, "{\"type\":\"resubmitted\",\"date\":\"%s\"}", d);
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    json_t *open = json_object_get(j, "open_instructions");
    ck_assert_uint_eq(json_array_size(open), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(open, 0), "id")), items[1]);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(open, 0), "item_no")), 2);
    snprintf(named, sizeof named, "no. 2 (instruction_id %lld)", items[1]);
    ck_assert_msg(strstr(str(j, "detail"), named), "%s", str(j, "detail"));
    json_decref(j);
}
END_TEST

START_TEST(test_an_extension_after_the_only_charge_was_withdrawn_is_refused)
{
    /* KUHAP 21(4), 24(2): the extension continues a detention whose ground,
     * a detainable offence charged, must still stand */
    long long id = open_case(20);
    long long s = add_party(id, "suspect", "PHAM VAN D");
    long long off = charge(id, "122", s);
    rec(id, demo.inv, "sprindik_issued", 15, NULL);
    char d[11], at[40], extra[128];
    days_ago(10, d);
    snprintf(at, sizeof at, "%sT10:00:00+07:00", d);
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"polri_order\":\"SP.Han/1/2026\"", s);
    rec_on(id, demo.inv, "detained", at, extra);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", id, off);
    json_decref(call("DELETE", path, demo.inv, NULL, 204));
    char body[256];
    days_ago(2, d);
    snprintf(body, sizeof body,
             "{\"type\":\"detention_extended_pu\",\"at\":\"%sT09:00:00+07:00\",\"party_id\":%lld}",
             d, s);
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "detainable_offence");
    json_decref(j);
}
END_TEST

START_TEST(test_a_duplicate_case_number_is_named_in_indonesian)
{
    char d[11], body[256];
    days_ago(3, d);
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"%s\",\"number\":\"LK/UJI/13/2026\"}", d);
    json_decref(call("POST", "/api/v1/cases", demo.inv, body, 201));
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.cases", 0, NULL);
    json_t *j = call("POST", "/api/v1/cases", demo.inv, body, 409);
    ck_assert_str_eq(str(j, "field"), "number");
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "nomor perkara"));
    ck_assert_ptr_null(strstr(str(j, "detail"), "_key"));
    ck_assert_ptr_null(strstr(str(j, "detail"), "exists"));
    json_decref(j);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.cases", 0, NULL), before);
}
END_TEST

START_TEST(test_the_field_named_is_the_one_the_client_sent)
{
    /* the Laporan's date is the case's opened_on: a future one is named so */
    char d[11], body[256];
    days_ago(-3, d);
    snprintf(body, sizeof body, "{\"source\":\"jagratara\",\"opened_on\":\"%s\"}", d);
    long long before = sql_count(demo.db, "SELECT count(*) FROM app.cases", 0, NULL);
    json_t *j = call("POST", "/api/v1/cases", demo.inv, body, 400);
    ck_assert_str_eq(str(j, "field"), "opened_on");
    json_decref(j);
    ck_assert_int_eq(sql_count(demo.db, "SELECT count(*) FROM app.cases", 0, NULL), before);
}
END_TEST

/* ---- the prosecutor's cycle (issue 13.2-5) -------------------------------------------------- */

static const char *sup_token(void)
{
    return sup;
}

static json_t *get_case(long long id, const char *token)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return call("GET", path, token, NULL, 200);
}

static json_t *clock_of(json_t *c, const char *code)
{
    size_t i;
    json_t *k;
    json_array_foreach(json_object_get(c, "clocks"), i,
                       k) if (strcmp(str(k, "code"), code) == 0) return k;
    return NULL;
}

static bool has_flag(json_t *j, const char *flag)
{
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(j, "flags"), i,
                       f) if (strcmp(json_string_value(f), flag) == 0) return true;
    return false;
}

START_TEST(test_a_repeated_receipt_is_refused_and_moves_no_clock)
{
    /* issue 13.2: a second receipt of the same file would restart the
     * prosecutor's 7 and 14 days (KUHAP 138(1), 110(4)) */
    long long id = file_sent(30, NULL);
    char d25[11], d20[11], body[128];
    days_ago(25, d25);
    days_ago(20, d20);
    rec(id, demo.pros, "tahap1_received_by_pu", 25, NULL);
    snprintf(body, sizeof body, "{\"type\":\"tahap1_received_by_pu\",\"date\":\"%s\"}", d20);
    json_t *j = refused(id, demo.pros, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "new_submission");
    json_decref(j);
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_of(c, "pu_return"), "start"), d25);
    ck_assert_str_eq(str(clock_of(c, "pu_return"), "state"), "overdue");
    json_decref(c);
}
END_TEST

/* DOMAIN 5.1: the date on the Kejari's tanda terima is the file's receipt and drives the PU's
 * clocks (KUHAP 138(1) 7 days, 110(4) 14 days).  A Kejari that does not use berkas never records
 * tahap1_received_by_pu: the investigator records the tanda terima he holds (letter_delivered to
 * berkas_kejari, who signed for it), and the file is then received that day - its clocks run
 * from it and, the PU silent past 14 days, the investigator may confirm it complete (110(4)). */
START_TEST(test_the_kejaris_tanda_terima_of_the_file_is_its_receipt)
{
    long long id = file_sent(40, NULL); /* Tahap I 36 days ago */
    char d35[11], d37[11], body[320];
    days_ago(35, d35);
    days_ago(37, d37);
    /* who signed for it is said; dated before the sending: refused, nothing written */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"berkas_kejari\"}",
             d35);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "received_by"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"berkas_kejari\","
             "\"received_by\":\"Petugas PTSP Kejaksaan Negeri Palembang\"}",
             d37);
    json_decref(post(id, demo.inv, body, 422));
    /* the prosecutor does not record the investigator's letters; another office's PPNS does
     * not see the file */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"berkas_kejari\","
             "\"received_by\":\"Petugas PTSP Kejaksaan Negeri Palembang\"}",
             d35);
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    char *inv_ptk = api_login(demo.port, NIP_INV_PTK, DEMO_PW);
    ck_assert_ptr_nonnull(inv_ptk);
    json_decref(refused(id, inv_ptk, body, 404, "not-found", NULL));
    free(inv_ptk);
    json_t *c = get_case(id, demo.inv);
    ck_assert_ptr_null(clock_of(c, "pu_return"));
    json_decref(c);
    /* signed for at the Kejari the day after it was sent */
    json_decref(post(id, demo.inv, body, 201));
    c = get_case(id, demo.inv);
    ck_assert_ptr_nonnull(clock_of(c, "pu_return"));
    ck_assert_str_eq(str(clock_of(c, "pu_return"), "start"), d35);
    ck_assert_str_eq(str(clock_of(c, "pu_return"), "state"), "overdue");
    ck_assert_str_eq(str(clock_of(c, "pu_answer"), "start"), d35);
    json_decref(c);
    /* received once: the prosecutor's own record of it is a second receipt */
    snprintf(body, sizeof body, "{\"type\":\"tahap1_received_by_pu\",\"date\":\"%s\"}", d35);
    json_t *j = refused(id, demo.pros, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "new_submission");
    json_decref(j);
    /* 14 days past the receipt without a return: complete by law (110(4)) */
    rec(id, demo.inv, "deemed_complete_confirmed", 0, NULL);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "complete");
    json_decref(c);
    /* a file not with the PU has no tanda terima to record */
    long long other = open_case(5);
    rec(other, demo.inv, "sprindik_issued", 4, NULL);
    char d2[11];
    days_ago(2, d2);
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"berkas_kejari\","
             "\"received_by\":\"Petugas PTSP Kejaksaan Negeri Palembang\"}",
             d2);
    json_decref(refused(other, demo.inv, body, 409, "transition-not-allowed", NULL));
}
END_TEST

/* KUHAP 138(1): the PU tells within 7 days whether the file is complete; 110(4): not returned
 * within 14 days of its receipt, the file is complete by law. A P-18 ("not yet complete") on day 8
 * is late but still says something and is recorded; on day 21 - the acceptance tester's 1
 * December after a receipt of 10 November - the file is complete by law, and the P-18 is refused
 * as the P-19 is, in words that cite the article, nothing written; with its reason it stands. */
START_TEST(test_a_p18_after_the_file_is_complete_by_law_is_refused_as_the_p19_is)
{
    long long id = file_sent(30, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 21, NULL); /* day 0 */
    char today[11], body[256];
    days_ago(0, today); /* day 21 */
    snprintf(body, sizeof body, "{\"type\":\"p18_received\",\"date\":\"%s\"}", today);
    json_t *j = refused(id, demo.pros, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "pu_return_in_time");
    ck_assert_msg(strstr(str(j, "detail"), "P-18") && strstr(str(j, "detail"), "110(4)") &&
                      strstr(str(j, "detail"), "dianggap lengkap"),
                  "%s", str(j, "detail"));
    json_decref(j);
    /* the P-19 the same day, as before */
    snprintf(body, sizeof body,
             "{\"type\":\"p19_received\",\"date\":\"%s\",\"instructions\":[\"Lengkapi\"]}", today);
    json_decref(refused(id, demo.pros, body, 422, "guard-failed", NULL));
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "with_prosecutor");
    json_decref(c);
    /* recorded anyway, its reason given */
    snprintf(body, sizeof body,
             "{\"type\":\"p18_received\",\"date\":\"%s\",\"late_reason\":\"Surat P-18 tertanggal "
             "hari ke-6 baru diterima penyidik\"}",
             today);
    json_decref(post(id, demo.pros, body, 201));
    /* a P-18 on day 14 is in time; one on day 8 (past 138(1)'s 7 days) is recorded too */
    long long a = file_sent(30, NULL);
    rec(a, demo.pros, "tahap1_received_by_pu", 14, NULL);
    rec(a, demo.pros, "p18_received", 0, NULL);
    long long b = file_sent(30, NULL);
    rec(b, demo.pros, "tahap1_received_by_pu", 8, NULL);
    rec(b, demo.pros, "p18_received", 0, NULL);
}
END_TEST

START_TEST(test_a_late_p19_is_refused_or_recorded_with_its_reason_for_review)
{
    /* KUHAP 110(4): received on day 0, the file not returned by day 14 is
     * complete by law; a P-19 on day 15 is out of time */
    long long id = file_sent(40, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 35, NULL);
    char d21[11], d20[11], body[256];
    days_ago(21, d21); /* day 14 */
    days_ago(20, d20); /* day 15 */
    snprintf(body, sizeof body,
             "{\"type\":\"p19_received\",\"date\":\"%s\",\"instructions\":[\"Lengkapi\"]}", d20);
    json_t *j = refused(id, demo.pros, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "pu_return_in_time");
    ck_assert_ptr_nonnull(
        strstr(str(json_array_get(json_object_get(j, "hints"), 0), "how"), "--late-reason"));
    json_decref(j);
    snprintf(body, sizeof body,
             "{\"type\":\"p19_received\",\"date\":\"%s\",\"instructions\":[\"Lengkapi\"],"
             "\"late_reason\":\"Tanda terima berkas baru sampai di meja jaksa\"}",
             d20);
    json_decref(post(id, demo.pros, body, 201));
    /* the review list and the case show it */
    json_t *c = get_case(id, demo.inv);
    ck_assert(has_flag(c, "p19_out_of_time"));
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_object_get(c, "facts"), "returns_out_of_time")), 1);
    json_decref(c);
    json_t *list = call("GET", "/api/v1/cases?limit=100&q=Uji%20urutan", sup_token(), NULL, 200);
    bool listed = false;
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(list, "items"), i,
                       it) if (json_integer_value(json_object_get(it, "id")) == id) listed =
        has_flag(it, "p19_out_of_"
                     "time");
    ck_assert(listed);
    json_decref(list);
    (void)d21;
}
END_TEST

START_TEST(test_a_new_sprindiks_file_is_not_flagged_for_the_earlier_files_late_return)
{
    /* The late P-19 was the earlier file's (KUHAP 110(4)); after the SP3 a new Sprindik starts
     * a new file with its own P-19 and its own 14 days (SE B-3326/E/EJP/11/2011; JAM Pidum
     * B-1310/E/EJP/05/2022): the case is no longer flagged p19_out_of_time, the late return
     * stays in its history. */
    long long id = file_sent(40, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 35, NULL);
    char d20[11], body[256];
    days_ago(20, d20); /* day 15 */
    snprintf(body, sizeof body,
             "{\"type\":\"p19_received\",\"date\":\"%s\",\"instructions\":[\"Lengkapi\"],"
             "\"late_reason\":\"Tanda terima berkas baru sampai di meja jaksa\"}",
             d20);
    json_decref(post(id, demo.pros, body, 201));
    json_t *c = get_case(id, demo.inv);
    ck_assert(has_flag(c, "p19_out_of_time"));
    json_decref(c);
    rec(id, demo.inv, "sp3_issued", 19, "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    rec(id, demo.inv, "sprindik_issued", 18, NULL);
    c = get_case(id, demo.inv);
    ck_assert(!has_flag(c, "p19_out_of_time"));
    json_t *f = json_object_get(c, "facts");
    ck_assert_int_eq(json_integer_value(json_object_get(f, "returns_out_of_time")), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(f, "returns_this_file")), 0);
    json_decref(c);
}
END_TEST

/* An act dated before the act the law makes it wait for is refused naming the law (DOMAIN
 * 4.12: the P-21 answers the file the PU received, KUHAP 138(1)) - never the name of the code
 * that checks it ("(guard_pu_receipt)", found in acceptance). */
START_TEST(test_an_act_out_of_date_order_names_the_law_not_the_code)
{
    long long id = file_sent(20, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 15, NULL);
    char d[11], body[160];
    days_ago(16, d);
    snprintf(body, sizeof body, "{\"type\":\"p21_received\",\"date\":\"%s\"}", d);
    json_t *j = post(id, demo.pros, body, 422);
    const char *detail = str(j, "detail");
    ck_assert_msg(strstr(detail, "rutan tanggal tidak sah") && strstr(detail, "KUHAP 138(1)") &&
                      !strstr(detail, "guard_"),
                  "%s", detail);
    json_decref(j);
}
END_TEST

START_TEST(test_the_p19_once_then_a_letter_naming_the_unmet_items)
{
    /* SE JAM Pidum B-3326/E/EJP/11/2011 */
    long long id = file_sent(40, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 35, NULL);
    rec(id, demo.pros, "p19_received", 33,
        "\"instructions\":[\"Lengkapi BAP saksi\",\"Lampirkan SIMKIM\"]");
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *v = sql_value(demo.db,
                        "SELECT string_agg(id::text, ',' ORDER BY item_no) FROM app.instructions "
                        "WHERE case_id = $1::bigint",
                        1, p);
    long long i1 = strtoll(v, NULL, 10), i2 = strtoll(strchr(v, ',') + 1, NULL, 10);
    free(v);
    char extra[128];
    snprintf(extra, sizeof extra, "\"instruction_id\":%lld,\"answer\":\"Sudah\"", i1);
    rec(id, demo.inv, "instruction_answered", 30, extra);
    snprintf(extra, sizeof extra, "\"instruction_id\":%lld,\"answer\":\"Sudah\"", i2);
    rec(id, demo.inv, "instruction_answered", 30, extra);
    rec(id, demo.inv, "resubmitted", 29, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 28, NULL);
    char d[11], body[256];
    days_ago(25, d);
    /* a second P-19: refused, told to write the letter */
    snprintf(body, sizeof body,
             "{\"type\":\"p19_received\",\"date\":\"%s\",\"instructions\":[\"Lagi\"]}", d);
    json_t *j = refused(id, demo.pros, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "first_return");
    ck_assert_ptr_nonnull(strstr(str(json_array_get(json_object_get(j, "hints"), 0), "how"),
                                 "return_letter_received"));
    /* the reason as it is: the file had its P-19 - not "P-19 belum pernah diberikan", which
     * read as if none had been given (found in acceptance) */
    ck_assert_msg(strstr(str(j, "detail"), "belum terpenuhi: P-19 yang pertama untuk berkas ini") &&
                      strstr(str(j, "detail"), "sudah pernah dikembalikan dengan P-19") &&
                      strstr(str(j, "detail"), "P-19 hanya sekali") &&
                      !strstr(str(j, "detail"), "belum pernah diberikan"),
                  "%s", str(j, "detail"));
    json_decref(j);
    /* a letter without the items, or naming another case's, is bad input */
    snprintf(body, sizeof body, "{\"type\":\"return_letter_received\",\"date\":\"%s\"}", d);
    json_decref(refused(id, demo.pros, body, 400, "bad-input", "unmet"));
    snprintf(body, sizeof body,
             "{\"type\":\"return_letter_received\",\"date\":\"%s\",\"unmet\":[999999999]}", d);
    json_decref(refused(id, demo.pros, body, 400, "bad-input", "unmet"));
    /* the investigator does not write the prosecutor's letter */
    snprintf(body, sizeof body,
             "{\"type\":\"return_letter_received\",\"date\":\"%s\",\"unmet\":[%lld]}", d, i2);
    json_decref(refused(id, demo.inv, body, 403, "forbidden", NULL));
    json_t *ok = post(id, demo.pros, body, 201);
    ck_assert_str_eq(str(ok, "stage"), "returned");
    json_decref(ok);
    /* it counts as a round, naming the unmet item again, open */
    json_t *c = get_case(id, demo.inv);
    ck_assert_int_eq(json_integer_value(json_object_get(c, "p19_returns")), 2);
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_object_get(c, "facts"), "instructions_open")), 1);
    json_t *rounds = json_object_get(c, "p19_rounds");
    ck_assert_uint_eq(json_array_size(rounds), 2);
    json_t *item = json_array_get(json_object_get(json_array_get(rounds, 1), "items"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(item, "reopens")), i2);
    ck_assert_str_eq(str(item, "text"), "Lampirkan SIMKIM");
    ck_assert(json_is_false(json_object_get(item, "answered")));
    json_decref(c);
}
END_TEST

START_TEST(test_p20_only_after_the_investigators_14_days)
{
    /* KUHAP 138(2): the investigator re-sends within 14 days of receiving
     * the returned file; P-20 says that time ran out, so not before */
    long long id = file_sent(60, NULL);
    rec(id, demo.pros, "tahap1_received_by_pu", 55, NULL);
    rec(id, demo.pros, "p19_received", 50, "\"instructions\":[\"Lengkapi\"]");
    char d48[11], body[128];
    days_ago(48, d48);
    rec(id, demo.inv, "returned_file_received", 48, NULL);
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_of(c, "resend"), "start"), d48);
    json_decref(c);
    /* its receipt once */
    snprintf(body, sizeof body, "{\"type\":\"returned_file_received\",\"date\":\"%s\"}", d48);
    json_decref(refused(id, demo.inv, body, 422, "guard-failed", NULL));
    char d34[11], d33[11];
    days_ago(34, d34); /* day 14 from the receipt */
    days_ago(33, d33); /* day 15 */
    snprintf(body, sizeof body, "{\"type\":\"p20_received\",\"date\":\"%s\"}", d34);
    json_t *j = refused(id, demo.pros, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "resend_period_elapsed");
    json_decref(j);
    snprintf(body, sizeof body, "{\"type\":\"p20_received\",\"date\":\"%s\"}", d33);
    json_decref(post(id, demo.pros, body, 201));
}
END_TEST

START_TEST(test_the_api_description_lists_the_fields_each_act_takes)
{
    json_t *doc = call("GET", "/api/v1/openapi.json", NULL, NULL, 200);
    json_t *input = json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"),
                                    "EventInput");
    json_t *days = json_object_get(json_object_get(input, "properties"), "days");
    json_t *by = json_object_get(days, "x-berkas-taken-by");
    bool pu = false, tahap1 = false;
    size_t i;
    json_t *e;
    json_array_foreach(by, i, e)
    {
        pu |= strcmp(json_string_value(e), "detention_extended_pu") == 0;
        tahap1 |= strcmp(json_string_value(e), "tahap1_sent") == 0;
    }
    ck_assert(pu && !tahap1);
    ck_assert(json_is_false(json_object_get(input, "additionalProperties")));
    /* each refusal a write may meet, the withdrawal from under a standing act among them */
    const char *what = str(input, "description");
    ck_assert_msg(strstr(what, "date-order") && strstr(what, "dependent-act"), "%s", what);
    json_t *post = json_object_get(
        json_object_get(json_object_get(doc, "paths"), "/api/v1/cases/{id}/events"), "post");
    ck_assert_ptr_nonnull(json_object_get(post, "requestBody"));
    json_decref(doc);
}
END_TEST

/* ---- the SP3's ground (issue 13.10) ---------------------------------------------------------- */

/* The draft of form `form` for case id as text (pdftotext, white space
 * collapsed to one space). */
static char *draft_text(long long id, const char *form)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s.pdf", id, form);
    struct http_result r;
    ck_assert(api_call(demo.port, "GET", path, demo.inv, NULL, &r));
    ck_assert_msg(r.status == 200, "GET %s: %ld %s", path, r.status, r.body);
    char *dir = harness_mkdtemp("law-pdf");
    char file[512];
    snprintf(file, sizeof file, "%s/d.pdf", dir);
    FILE *f = fopen(file, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(r.body, 1, r.len, f), r.len);
    fclose(f);
    http_result_free(&r);
    char *argv[] = {"/usr/bin/pdftotext", "-q", file, "-", NULL}, *out = NULL;
    ck_assert_int_eq(run_capture(argv, 30000, &out), 0);
    char *w = out;
    bool space = false;
    for (char *c = out; *c; c++) {
        bool ws = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\f' || *c == '\r';
        if (ws && !space && w != out)
            *w++ = ' ';
        else if (!ws)
            *w++ = *c;
        space = ws;
    }
    *w = '\0';
    free(dir);
    return out;
}

/* An investigation with a suspect charged, Sprindik and SPDP on `on`. */
static long long investigation_on(const char *opened, const char *on)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, opened);
    long long s = add_party(id, "suspect", "NGUYEN VAN S");
    charge(id, "122", s);
    rec_on(id, demo.inv, "sprindik_issued", on, "\"number\":\"SP.Sidik/13/XII/2026\"");
    rec_on(id, demo.inv, "spdp_sent", on, "\"recipient\":\"kejari\"");
    return id;
}

START_TEST(test_an_sp3_without_a_statutory_ground_is_refused_naming_the_field)
{
    /* KUHAP 109(2): not enough evidence, not a crime, stopped by law --
     * "dideportasi" is none of them (issue 13.10), and a ground is needed */
    char d[11], body[256];
    days_ago(10, d);
    long long id = investigation_on(d, d);
    snprintf(body, sizeof body, "{\"type\":\"sp3_issued\",\"date\":\"%s\",\"polri_involved\":true}",
             d);
    json_t *j = refused(id, demo.inv, body, 422, "sp3-ground", "ground");
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "Pasal 24"));
    json_decref(j);
    snprintf(body, sizeof body,
             "{\"type\":\"sp3_issued\",\"date\":\"%s\",\"ground\":\"dideportasi\","
             "\"polri_involved\":true}",
             d);
    j = refused(id, demo.inv, body, 422, "sp3-ground", "ground");
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "dideportasi"));
    bool listed = false;
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(j, "grounds"), i, g)
    {
        listed |= strcmp(json_string_value(g), "tidak_cukup_bukti") == 0;
        ck_assert_str_ne(json_string_value(g), "dideportasi");
    }
    ck_assert(listed);
    json_decref(j);
    /* the same words typed instead of the code are not the list's either */
    snprintf(body, sizeof body,
             "{\"type\":\"sp3_issued\",\"date\":\"%s\",\"ground\":\"tidak terdapat cukup "
             "bukti\",\"polri_involved\":true}",
             d);
    json_decref(refused(id, demo.inv, body, 422, "sp3-ground", "ground"));
    snprintf(body, sizeof body,
             "{\"type\":\"sp3_issued\",\"date\":\"%s\",\"ground\":\"demi_hukum_meninggal_dunia\","
             "\"polri_involved\":true,\"number\":\"S.Tap/13/XII/2026\"}",
             d);
    json_t *ok = post(id, demo.inv, body, 201);
    ck_assert_str_eq(str(ok, "stage"), "terminated");
    json_decref(ok);
    /* the SP3 and its notice print the ground in the statute's words */
    char *t = draft_text(id, "sp3");
    ck_assert_msg(strstr(t, "dihentikan demi hukum karena tersangka meninggal dunia"), "%.2000s",
                  t);
    ck_assert_ptr_null(strstr(t, "demi_hukum"));
    free(t);
    t = draft_text(id, "pemberitahuan_sp3");
    ck_assert_msg(strstr(t, "tersangka meninggal dunia"), "%.2000s", t);
    free(t);
}
END_TEST

START_TEST(test_restorative_justice_is_a_ground_only_under_uu_20_2025)
{
    /* UU 20/2025 Pasal 24 adds restorative justice; KUHAP 109(2) of 1981
     * does not know it: an SP3 of 1 January 2026 may not rest on it, one of
     * 2 January may */
    long long id = investigation_on("2025-12-20", "2025-12-22");
    json_decref(refused(id, demo.inv,
                        "{\"type\":\"sp3_issued\",\"date\":\"2026-01-01\",\"ground\":"
                        "\"keadilan_restoratif\"}",
                        422, "sp3-ground", "ground"));
    json_t *ok = post(id, demo.inv,
                      "{\"type\":\"sp3_issued\",\"date\":\"2026-01-02\",\"ground\":"
                      "\"keadilan_restoratif\",\"polri_involved\":true}",
                      201);
    ck_assert_str_eq(str(ok, "regime"), "KUHAP-2025");
    json_decref(ok);
    /* under the old code, the old grounds */
    long long old = investigation_on("2025-12-20", "2025-12-22");
    json_decref(post(old, demo.inv,
                     "{\"type\":\"sp3_issued\",\"date\":\"2026-01-01\",\"ground\":"
                     "\"bukan_tindak_pidana\"}",
                     201));
}
END_TEST

/* ---- what an SP3 may say (play4 #5, #6, #7, #28) ------------------------------------------- */

/* An SP3 of the new code (a 2026 investigation, the Polri investigator involved) on `ground`
 * in case id: the body. */
static void sp3_body(char *body, size_t size, const char *date, const char *ground)
{
    static int n;
    snprintf(body, size,
             "{\"type\":\"sp3_issued\",\"date\":\"%s\",\"ground\":\"%s\",\"polri_involved\":true,"
             "\"number\":\"S.Tap/%d/SP3/2026\"}",
             date, ground, ++n);
}

static bool lists_offence(json_t *j, const char *code)
{
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(j, "offences"), i,
                       o) if (strcmp(json_string_value(o), code) == 0) return true;
    return false;
}

START_TEST(test_an_sp3_ground_the_charged_pasal_makes_impossible_is_refused)
{
    /* UU 20/2025 Pasal 24 (DOMAIN 9.1): the fine paid stops only an offence punishable by a
     * fine alone up to category II, or one of at most 1 year's prison or a fine up to category
     * III; KUHAP 109(2) jo. KUHP 75: a complaint withdrawn stops only a complaint offence, and
     * no UU 6/2011 offence is one.  Pasal 122 (stay-permit misuse): 5 years and Rp500 juta
     * (DOMAIN 8.2). */
    char body[256];
    long long id = investigation_on("2026-02-02", "2026-02-03");
    sp3_body(body, sizeof body, "2026-02-10", "denda_kategori_ii");
    json_t *j = refused(id, demo.inv, body, 422, "sp3-ground", "ground");
    const char *d = str(j, "detail");
    ck_assert_msg(strstr(d, "Pasal 122") && strstr(d, "penjara paling lama 5 tahun") &&
                      strstr(d, "kategori II"),
                  "%s", d);
    ck_assert(lists_offence(j, "122"));
    json_decref(j);
    sp3_body(body, sizeof body, "2026-02-10", "denda_kategori_iv");
    j = refused(id, demo.inv, body, 422, "sp3-ground", "ground");
    d = str(j, "detail");
    ck_assert_msg(strstr(d, "Pasal 122") && strstr(d, "paling lama 1 (satu) tahun") &&
                      strstr(d, "5 tahun"),
                  "%s", d);
    json_decref(j);
    sp3_body(body, sizeof body, "2026-02-10", "demi_hukum_pengaduan_dicabut");
    j = refused(id, demo.inv, body, 422, "sp3-ground", "ground");
    d = str(j, "detail");
    ck_assert_msg(strstr(d, "Pasal 122") && strstr(d, "bukan tindak pidana aduan"), "%s", d);
    json_decref(j);
    /* the supervisor records no SP3, whatever its ground; nothing written */
    json_decref(refused(id, sup, body, 403, "forbidden", NULL));
    /* under the 1981 code the complaint is as impossible */
    long long old = investigation_on("2025-10-01", "2025-10-02");
    sp3_body(body, sizeof body, "2025-10-20", "demi_hukum_pengaduan_dicabut");
    json_decref(refused(old, demo.inv, body, 422, "sp3-ground", "ground"));
    /* Pasal 113 (1 year): the category IV fine may stop it, the category II may not (it is
     * not punishable by a fine alone); with 119(1) beside it (5 years), neither - naming 119(1)
     * and not 113 */
    long long light = open_case_on(demo.inv, demo.kejari_plg, "2026-02-02");
    long long s = add_party(light, "suspect", "TRAN VAN L");
    charge(light, "113", s);
    rec_on(light, demo.inv, "sprindik_issued", "2026-02-03", "\"number\":\"SP.Sidik/14/II/2026\"");
    rec_on(light, demo.inv, "spdp_sent", "2026-02-03", "\"recipient\":\"kejari\"");
    sp3_body(body, sizeof body, "2026-02-10", "denda_kategori_ii");
    j = refused(light, demo.inv, body, 422, "sp3-ground", "ground");
    ck_assert_msg(strstr(str(j, "detail"), "Pasal 113"), "%s", str(j, "detail"));
    json_decref(j);
    long long heavy = charge(light, "119(1)", s);
    sp3_body(body, sizeof body, "2026-02-10", "denda_kategori_iv");
    j = refused(light, demo.inv, body, 422, "sp3-ground", "ground");
    ck_assert(lists_offence(j, "119(1)") && !lists_offence(j, "113"));
    json_decref(j);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", light, heavy);
    json_decref(call("DELETE", path, demo.inv, NULL, 204));
    json_t *ok = post(light, demo.inv, body, 201);
    ck_assert_str_eq(str(ok, "stage"), "terminated");
    json_decref(ok);
}
END_TEST

START_TEST(test_whether_an_offence_is_fine_only_is_the_catalogues_data)
{
    /* 124(b) (3 months' kurungan or Rp25 juta; how UU 1/2023 restates it is UNCERTAIN, DOMAIN
     * 8.2): not fine-only as seeded, so the category II fine cannot stop it; an administrator
     * who records it as punishable by a fine alone of category II lets it */
    char body[256];
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-03-02");
    long long s = add_party(id, "suspect", "LE VAN K");
    charge(id, "124(b)", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-03-03", "\"number\":\"SP.Sidik/15/III/2026\"");
    rec_on(id, demo.inv, "spdp_sent", "2026-03-03", "\"recipient\":\"kejari\"");
    sp3_body(body, sizeof body, "2026-03-10", "denda_kategori_ii");
    json_t *j = refused(id, demo.inv, body, 422, "sp3-ground", "ground");
    ck_assert_msg(strstr(str(j, "detail"), "kurungan paling lama 3 bulan"), "%s", str(j, "detail"));
    json_decref(j);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.offence_catalogue WHERE code = '124(b)' "
                               "AND to_verify AND NOT fine_only AND fine_category = 3",
                               0, NULL),
                     1);
    free(sql_value(demo.db,
                   "UPDATE app.offence_catalogue SET fine_only = true, fine_category = 2 WHERE "
                   "code = '124(b)' RETURNING id",
                   0, NULL));
    json_t *ok = post(id, demo.inv, body, 201);
    json_decref(ok);
    free(sql_value(demo.db,
                   "UPDATE app.offence_catalogue SET fine_only = false, fine_category = 3 WHERE "
                   "code = '124(b)' RETURNING id",
                   0, NULL));
}
END_TEST

START_TEST(test_only_an_sp3_for_want_of_evidence_says_it_may_be_reopened)
{
    /* play4 #6, #7: new evidence reopens a stop for want of evidence or of a crime (KUHAP
     * 109(2)); a stop demi hukum - here the suspect's death (KUHP 77) - ends it for good, and
     * says "demi hukum" once */
    char body[256];
    long long id = investigation_on("2026-04-01", "2026-04-02");
    sp3_body(body, sizeof body, "2026-04-09", "demi_hukum_meninggal_dunia");
    json_decref(post(id, demo.inv, body, 201));
    char *t = draft_text(id, "sp3");
    ck_assert_msg(strstr(t, "perlu dihentikan demi hukum karena tersangka meninggal dunia"),
                  "%.3000s", t);
    ck_assert_msg(!strstr(t, "karena penyidikan dihentikan"), "%.3000s", t);
    ck_assert_msg(!strstr(t, "dibuka kembali"), "%.3000s", t);
    ck_assert_msg(strstr(t, "KETIGA: Surat Ketetapan ini berlaku") && !strstr(t, "KEEMPAT"),
                  "%.3000s", t);
    free(t);
    t = draft_text(id, "pemberitahuan_sp3");
    ck_assert_msg(strstr(t, "telah dihentikan demi hukum karena tersangka meninggal dunia"),
                  "%.3000s", t);
    ck_assert_msg(!strstr(t, "dibuka kembali") && !strstr(t, "karena penyidikan dihentikan"),
                  "%.3000s", t);
    free(t);
    long long weak = investigation_on("2026-04-01", "2026-04-02");
    sp3_body(body, sizeof body, "2026-04-09", "tidak_cukup_bukti");
    json_decref(post(weak, demo.inv, body, 201));
    t = draft_text(weak, "sp3");
    ck_assert_msg(strstr(t, "perlu dihentikan karena tidak terdapat cukup bukti") &&
                      strstr(t, "KETIGA: Apabila di kemudian hari ditemukan bukti baru, "
                                "penyidikan dapat dibuka kembali") &&
                      strstr(t, "KEEMPAT"),
                  "%.3000s", t);
    free(t);
    t = draft_text(weak, "pemberitahuan_sp3");
    ck_assert_msg(strstr(t, "penyidikan perkara tersebut dapat dibuka kembali"), "%.3000s", t);
    free(t);
}
END_TEST

START_TEST(test_no_new_sprindik_after_an_sp3_that_ended_the_file_for_good)
{
    /* play4 #28 (KUHAP 109(2) jo. KUHP 76-78): after an SP3 for the suspect's death a new
     * Sprindik is refused naming the SP3 and its ground, nothing recorded; after one for want of
     * evidence, new evidence reopens the investigation */
    char body[256];
    long long id = investigation_on("2026-05-04", "2026-05-05");
    sp3_body(body, sizeof body, "2026-05-11", "demi_hukum_meninggal_dunia");
    json_decref(post(id, demo.inv, body, 201));
    json_t *j = refused(id, demo.inv,
                        "{\"type\":\"sprindik_issued\",\"date\":\"2026-05-20\",\"number\":"
                        "\"SP.Sidik/20/V/2026\"}",
                        422, "sp3-final", "type");
    const char *d = str(j, "detail");
    ck_assert_msg(strstr(d, "SP3") && strstr(d, "2026-05-11") &&
                      strstr(d, "demi_hukum_meninggal_dunia") && strstr(d, "KUHP 77"),
                  "%s", d);
    ck_assert_str_eq(str(j, "ground"), "demi_hukum_meninggal_dunia");
    json_decref(j);
    /* the supervisor may not record one either: 403 before anything else */
    json_decref(refused(id, sup,
                        "{\"type\":\"sprindik_issued\",\"date\":\"2026-05-20\",\"number\":"
                        "\"SP.Sidik/20/V/2026\"}",
                        403, "forbidden", NULL));
    long long weak = investigation_on("2026-05-04", "2026-05-05");
    sp3_body(body, sizeof body, "2026-05-11", "tidak_cukup_bukti");
    json_decref(post(weak, demo.inv, body, 201));
    json_t *ok = post(weak, demo.inv,
                      "{\"type\":\"sprindik_issued\",\"date\":\"2026-05-20\",\"number\":"
                      "\"SP.Sidik/21/V/2026\"}",
                      201);
    ck_assert_str_eq(str(ok, "stage"), "investigation");
    json_decref(ok);
}
END_TEST

/* ---- a summons' notice (issue 13.6) ---------------------------------------------------------- */

START_TEST(test_a_summons_with_less_than_three_days_notice_is_refused_unless_urgent)
{
    /* KUHAP 227(1): the summons reaches the person at least three days
     * before the day it calls him to appear */
    char d10[11], d8[11], d7[11], d11[11], body[320];
    days_ago(10, d10);
    days_ago(8, d8);
    days_ago(7, d7);
    days_ago(11, d11);
    long long id = investigation_on(d11, d11);
    long long w = add_party(id, "witness", "TRAN THI W");
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"%s\",\"party_id\":%lld,"
             "\"appearance\":\"%s\"}",
             d10, w, d8);
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "missing"), 0)),
                     "summons_notice");
    ck_assert_ptr_nonnull(
        strstr(str(json_array_get(json_object_get(j, "hints"), 0), "how"), "--urgent-reason"));
    /* the summons' own input can meet it: a later day to appear, or the
     * urgency that allows less notice (KUHAP 227(1)) */
    json_t *fields = json_object_get(j, "fields");
    ck_assert_int_eq(json_array_size(fields), 2);
    ck_assert_str_eq(json_string_value(json_array_get(fields, 0)), "appearance");
    ck_assert_str_eq(json_string_value(json_array_get(fields, 1)), "urgent_reason");
    json_decref(j);
    /* no day to appear: the notice cannot be shown */
    snprintf(body, sizeof body, "{\"type\":\"summons_served\",\"date\":\"%s\",\"party_id\":%lld}",
             d10, w);
    json_decref(refused(id, demo.inv, body, 422, "guard-failed", NULL));
    /* KUHAP 112(1): a summons calls a named person; none named is bad input */
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"%s\",\"appearance\":\"%s\"}", d10, d7);
    j = refused(id, demo.inv, body, 400, "bad-input", "party_id");
    ck_assert_msg(strstr(str(j, "detail"), "112"), "%s", str(j, "detail"));
    json_decref(j);
    /* the prosecutor does not summon for the investigator */
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"%s\",\"party_id\":%lld,"
             "\"appearance\":\"%s\"}",
             d10, w, d7);
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    /* a day to appear before the summons is served is no day at all */
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"%s\",\"party_id\":%lld,"
             "\"appearance\":\"%s\",\"urgent_reason\":\"x\"}",
             d10, w, d11);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "appearance"));
    /* three days: in time; the day is kept with the act */
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"%s\",\"party_id\":%lld,"
             "\"appearance\":\"%s\"}",
             d10, w, d7);
    json_t *made = post(id, demo.inv, body, 201);
    long long ev = json_integer_value(json_object_get(made, "id"));
    json_decref(made);
    char eid[24];
    snprintf(eid, sizeof eid, "%lld", ev);
    const char *p[1] = {eid};
    char *kept = sql_value(
        demo.db, "SELECT payload->>'appearance' FROM app.events WHERE id = $1::bigint", 1, p);
    ck_assert_str_eq(kept, d7);
    free(kept);
    /* urgent, with its reason: a shorter notice is taken */
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"%s\",\"party_id\":%lld,"
             "\"appearance\":\"%s\",\"urgent_reason\":\"Saksi berangkat ke luar negeri\"}",
             d10, w, d8);
    json_decref(post(id, demo.inv, body, 201));
}
END_TEST

START_TEST(test_a_summons_notice_counts_on_the_offices_calendar_and_across_the_new_code)
{
    /* Batulicin keeps WITA: served at 23:30 WIB on day X is 00:30 on X+1
     * there, so an appearance on X+3 is two days' notice; X+4 is three */
    char d9[11], x[11], x3[11], x4[11], body[400];
    days_ago(9, d9);
    days_ago(6, x);
    days_ago(3, x3);
    days_ago(2, x4);
    long long id = open_case_on(inv_blc, kejari_tnb, d9);
    rec_on(id, inv_blc, "sprindik_issued", d9, NULL);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *pw = call("POST", path, inv_blc, "{\"kind\":\"witness\",\"name\":\"SAKSI B\"}", 201);
    long long w = json_integer_value(json_object_get(pw, "id"));
    json_decref(pw);
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"at\":\"%sT23:30:00+07:00\",\"party_id\":%lld,"
             "\"appearance\":\"%s\"}",
             x, w, x3);
    json_decref(refused(id, inv_blc, body, 422, "guard-failed", NULL));
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"at\":\"%sT23:30:00+07:00\",\"party_id\":%lld,"
             "\"appearance\":\"%s\"}",
             x, w, x4);
    json_decref(post(id, inv_blc, body, 201));
    /* under UU 20/2025 the rule set's value (three, to verify) holds the same */
    long long old = investigation_on("2025-12-20", "2025-12-22");
    long long ow = add_party(old, "witness", "SAKSI O");
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"2025-12-30\",\"party_id\":%lld,"
             "\"appearance\":\"2026-01-02\"}",
             ow);
    json_decref(post(old, demo.inv, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"summons_served\",\"date\":\"2026-01-02\",\"party_id\":%lld,"
             "\"appearance\":\"2026-01-04\"}",
             ow);
    json_decref(refused(old, demo.inv, body, 422, "guard-failed", NULL));
}
END_TEST

/* ---- counsel's threshold as data (issue 13.9) ----------------------------------------------- */

START_TEST(test_the_counsel_threshold_is_the_rule_sets_value)
{
    /* KUHAP 56(1): counsel is appointed for an offence of five years or
     * more; Pasal 122 carries five (DOMAIN.md 8.2).  The years are the rule
     * set's, which an administrator may amend without a release. */
    char d[11], path[128];
    days_ago(6, d);
    long long id = investigation_on(d, d);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *party = sql_value(demo.db,
                            "SELECT id FROM app.parties WHERE case_id = $1::bigint AND kind = "
                            "'suspect'",
                            1, p);
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%s", party);
    rec(id, demo.inv, "suspect_designated", 5, extra);
    snprintf(extra, sizeof extra, "\"bap\":\"tersangka\",\"party_id\":%s", party);
    long long bap = rec(id, demo.inv, "bap_recorded", 4, extra);
    free(party);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events/%lld/bap", id, bap);
    json_t *v = call("GET", path, demo.inv, NULL, 200);
    ck_assert(json_is_true(json_object_get(v, "counsel_mandatory")));
    json_decref(v);
    char *admin = api_login(demo.port, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert_ptr_nonnull(admin);
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-2025/counsel_min_years", admin,
                     "{\"value\":6,\"note\":\"uji\",\"effective_from\":\"2026-01-02\","
                     "\"override\":true}",
                     200));
    v = call("GET", path, demo.inv, NULL, 200);
    ck_assert(json_is_false(json_object_get(v, "counsel_mandatory")));
    json_decref(v);
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-2025/counsel_min_years", admin,
        "{\"value\":5,\"note\":\"uji\",\"effective_from\":\"2026-01-02\",\"override\":true}", 200));
    v = call("GET", path, demo.inv, NULL, 200);
    ck_assert(json_is_true(json_object_get(v, "counsel_mandatory")));
    json_decref(v);
    free(admin);
}
END_TEST

/* ---- arrest to detention (issue 13.7) ------------------------------------------------------ */

/* The review list's item for case id as the supervisor sees it, or NULL
 * (the caller decrefs *list). */
static json_t *review_item_of(long long id, const char *token, json_t **list)
{
    *list = json_array();
    char cursor[128] = "";
    for (int page = 0; page < 100; page++) {
        char path[256];
        snprintf(path, sizeof path, "/api/v1/review?limit=100%s%s", cursor[0] ? "&cursor=" : "",
                 cursor);
        json_t *p = call("GET", path, token, NULL, 200);
        json_array_extend(*list, json_object_get(p, "items"));
        json_t *next = json_object_get(p, "next_cursor");
        bool more = json_is_string(next);
        if (more)
            snprintf(cursor, sizeof cursor, "%s", json_string_value(next));
        json_decref(p);
        if (!more)
            break;
    }
    size_t i;
    json_t *it;
    json_array_foreach(*list, i,
                       it) if (json_integer_value(json_object_get(it, "case_id")) == id) return it;
    return NULL;
}

/* A case of `token`'s office opened on `opened` with a Sprindik that day
 * and two suspects charged with Pasal 122 (detainable, UU 6/2011 Pasal 109). */
static long long detention_case(const char *token, long long kejari, const char *opened,
                                long long s[2])
{
    long long id = open_case_on(token, kejari, opened);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    for (int k = 0; k < 2; k++) {
        char body[256];
        snprintf(body, sizeof body,
                 "{\"kind\":\"suspect\",\"name\":\"TERSANGKA %c\",\"nationality\":\"VN\"}",
                 'A' + k);
        json_t *p = call("POST", path, token, body, 201);
        s[k] = json_integer_value(json_object_get(p, "id"));
        json_decref(p);
        snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
        snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", s[k]);
        json_decref(call("POST", path, token, body, 201));
        snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    }
    rec_on(id, token, "sprindik_issued", opened, NULL);
    return id;
}

/* POST a detention of suspect s at `at` (with more members), wanting status. */
static json_t *detain_at(long long id, const char *token, long long s, const char *at,
                         const char *more, long status)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"%s\",\"party_id\":%lld,\"detention_type\":"
             "\"rutan\",\"polri_order\":\"SP.Han/13/2026\"%s%s}",
             at, s, more ? "," : "", more ? more : "");
    return status == 201
               ? post(id, token, body, 201)
               : refused(id, token, body, status, status == 422 ? "guard-failed" : "bad-input",
                         status == 422 ? NULL : "unlawful_reason");
}

static void arrest_at(long long id, const char *token, long long s, const char *at)
{
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"polri_order\":\"SP.Kap/13/2026\"", s);
    rec_on(id, token, "arrested", at, extra);
}

static bool missing_has_code(json_t *j, const char *code)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(j, "missing"), i,
                       v) if (strcmp(json_string_value(v), code) == 0) return true;
    return false;
}

START_TEST(test_a_detention_after_the_arrests_day_is_refused_naming_both_acts)
{
    /* KUHAP 19(1): an arrest lasts at most one day, 24 hours from its hour
     * (Pasal 1 angka 31; DOMAIN.md 5.1): 23 h 59 min on, the suspect may be
     * detained; 24 h 1 min on, not without a release first */
    char d3[11], d2[11], d1[11], at[40], held[40];
    days_ago(3, d3);
    days_ago(2, d2);
    days_ago(1, d1);
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, d3, s);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d3);
    arrest_at(id, demo.inv, s[0], at);
    arrest_at(id, demo.inv, s[1], at);
    snprintf(held, sizeof held, "%sT08:59:00+07:00", d2);
    json_decref(detain_at(id, demo.inv, s[0], held, NULL, 201));
    snprintf(held, sizeof held, "%sT09:01:00+07:00", d2);
    json_t *j = detain_at(id, demo.inv, s[1], held, NULL, 422);
    ck_assert(missing_has_code(j, "arrest_period"));
    const char *detail = str(j, "detail");
    char want[64];
    snprintf(want, sizeof want, "%s 09.01 WIB", d2);
    ck_assert_msg(strstr(detail, want), "%s", detail);
    snprintf(want, sizeof want, "%s 09.00 WIB", d3);
    ck_assert_msg(strstr(detail, want), "%s", detail);
    ck_assert_msg(strstr(detail, "KUHAP 19(1)"), "%s", detail);
    ck_assert_str_eq(str(json_object_get(j, "act"), "type"), "detained");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "arrested");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "at"), at);
    ck_assert_ptr_nonnull(
        strstr(str(json_array_get(json_object_get(j, "hints"), 0), "how"), "--unlawful-reason"));
    json_decref(j);
    /* an empty reason is no reason; the reason is not taken by an arrest */
    json_decref(detain_at(id, demo.inv, s[1], held, "\"unlawful_reason\":\"\"", 400));
    char body[512];
    snprintf(body, sizeof body,
             "{\"type\":\"arrested\",\"at\":\"%sT10:00:00+07:00\",\"party_id\":%lld,"
             "\"unlawful_reason\":\"x\"}",
             d2, s[0]);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "unlawful_reason"));
    /* the prosecutor and the supervisor do not record a detention */
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"%s\",\"party_id\":%lld,\"polri_order\":\"x\","
             "\"unlawful_reason\":\"Terlambat\"}",
             held, s[1]);
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    json_decref(refused(id, sup, body, 403, "forbidden", NULL));
    /* recorded as unlawful, with its reason: the case and the review list say so */
    json_t *c = get_case(id, demo.inv);
    ck_assert(!has_flag(c, "detention_unlawful"));
    json_decref(c);
    json_decref(detain_at(id, demo.inv, s[1], held,
                          "\"unlawful_reason\":\"Surat perintah penahanan terlambat "
                          "ditandatangani\"",
                          201));
    c = get_case(id, demo.inv);
    ck_assert(has_flag(c, "detention_unlawful"));
    json_decref(c);
    json_t *list;
    json_t *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "case %lld not in the review list", id);
    bool shown = false;
    size_t i;
    json_t *fl;
    json_array_foreach(json_object_get(it, "flags"), i, fl)
    {
        if (strcmp(str(fl, "code"), "detention_unlawful") == 0) {
            shown = true;
            ck_assert_ptr_nonnull(strstr(str(fl, "label"), "KUHAP 19(1)"));
        }
    }
    ck_assert(shown);
    json_decref(list);
    (void)d1;
}
END_TEST

START_TEST(test_a_release_first_lets_a_new_detention_follow)
{
    /* a suspect released when the arrest ran out may be detained later on a
     * new basis (the detention order itself): no unlawful_reason needed */
    char d3[11], d1[11], at[40];
    days_ago(3, d3);
    days_ago(1, d1);
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, d3, s);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d3);
    arrest_at(id, demo.inv, s[0], at);
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"ground\":\"masa_penangkapan_habis\"", s[0]);
    snprintf(at, sizeof at, "%sT08:30:00+07:00", d1);
    rec_on(id, demo.inv, "released", at, extra);
    snprintf(at, sizeof at, "%sT10:00:00+07:00", d1);
    json_decref(detain_at(id, demo.inv, s[0], at, NULL, 201));
    json_t *c = get_case(id, demo.inv);
    ck_assert(!has_flag(c, "detention_unlawful"));
    json_decref(c);
}
END_TEST

START_TEST(test_the_arrests_day_in_wita_and_wit_and_across_the_new_code)
{
    /* Batulicin keeps WITA: arrested 23:30 WITA, detained 23:29 WITA the
     * next day is in time, 23:31 is not, and the refusal says WITA */
    char d3[11], d2[11], at[40], held[40];
    days_ago(3, d3);
    days_ago(2, d2);
    long long s[2];
    long long id = detention_case(inv_blc, kejari_tnb, d3, s);
    snprintf(at, sizeof at, "%sT23:30:00+08:00", d3);
    arrest_at(id, inv_blc, s[0], at);
    arrest_at(id, inv_blc, s[1], at);
    snprintf(held, sizeof held, "%sT23:29:00+08:00", d2);
    json_decref(detain_at(id, inv_blc, s[0], held, NULL, 201));
    /* 23:31 WITA written as 22:31 WIB is the same instant */
    snprintf(held, sizeof held, "%sT22:31:00+07:00", d2);
    json_t *j = detain_at(id, inv_blc, s[1], held, NULL, 422);
    ck_assert(missing_has_code(j, "arrest_period"));
    /* what the act's own input can still do: record it as unlawful with
     * its reason (KUHAP 19(1)); the refusal names that field for a form */
    json_t *fields = json_object_get(j, "fields");
    ck_assert_int_eq(json_array_size(fields), 1);
    ck_assert_str_eq(json_string_value(json_array_get(fields, 0)), "unlawful_reason");
    char want[64];
    snprintf(want, sizeof want, "%s 23.31 WITA", d2);
    ck_assert_msg(strstr(str(j, "detail"), want), "%s", str(j, "detail"));
    json_decref(j);
    /* Pontianak made a WIT office for this test (Asia/Jayapura, UTC+9):
     * arrested on 1 January 2026 under KUHAP 1981, detained on 2 January
     * under UU 20/2025 (the same 24 hours, DOMAIN.md 9.1) */
    free(sql_value(demo.db,
                   "UPDATE app.offices SET tz = 'Asia/Jayapura' WHERE code = 'KANIM-PTK' "
                   "RETURNING code",
                   0, NULL));
    char *inv_ptk = api_login(demo.port, NIP_INV_PTK, DEMO_PW);
    ck_assert_ptr_nonnull(inv_ptk);
    long long wit =
        detention_case(inv_ptk, demo_server_office(&demo, "KEJARI-PTK"), "2025-12-30", s);
    arrest_at(wit, inv_ptk, s[0], "2026-01-01T10:00:00+09:00");
    arrest_at(wit, inv_ptk, s[1], "2026-01-01T10:00:00+09:00");
    json_decref(detain_at(wit, inv_ptk, s[0], "2026-01-02T09:59:00+09:00", NULL, 201));
    j = detain_at(wit, inv_ptk, s[1], "2026-01-02T10:01:00+09:00", NULL, 422);
    ck_assert(missing_has_code(j, "arrest_period"));
    ck_assert_msg(strstr(str(j, "detail"), "2026-01-02 10.01 WIT"), "%s", str(j, "detail"));
    ck_assert_msg(strstr(str(j, "detail"), "2026-01-01 10.00 WIT"), "%s", str(j, "detail"));
    json_decref(j);
    free(sql_value(demo.db,
                   "UPDATE app.offices SET tz = 'Asia/Jakarta' WHERE code = 'KANIM-PTK' "
                   "RETURNING code",
                   0, NULL));
    free(inv_ptk);
}
END_TEST

/* ---- notices of arrest and detention (issue 13.7) ------------------------------------------ */

static json_t *clock_for(json_t *c, const char *code, long long party)
{
    size_t i;
    json_t *k;
    json_array_foreach(json_object_get(c, "clocks"), i, k)
    {
        if (strcmp(str(k, "code"), code) == 0 &&
            json_integer_value(json_object_get(k, "party_id")) == party)
            return k;
    }
    return NULL;
}

/* Rule set set's value key in a GET /api/v1/rulesets answer (borrowed), or NULL. */
static json_t *rule_in(json_t *list, const char *set, const char *key)
{
    size_t i, k;
    json_t *rs, *v;
    json_array_foreach(json_object_get(list, "items"), i, rs)
    {
        if (strcmp(str(rs, "name"), set) != 0)
            continue;
        json_array_foreach(json_object_get(rs, "values"), k,
                           v) if (strcmp(str(v, "key"), key) == 0) return v;
    }
    return NULL;
}

/* PUT body to KUHAP rule set set's key as token, wanting status; a refusal names field. */
static json_t *amend_rule(const char *token, const char *set, const char *key, const char *body,
                          long status, const char *field)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/rulesets/%s/%s", set, key);
    json_t *j = call("PUT", path, token, body, status);
    if (field)
        ck_assert_str_eq(str(j, "field"), field);
    return j;
}

/* play4 #11: an amendment of the detention's days moved every running detention at once - a
 * suspect whose SP Penahanan ends in two days was shown with twelve left, and held past his
 * order while every list said fine (KUHAP 24(1), (4); UU 20/2025 Pasal 99-111).  A detention
 * lasts as long as its order says: the rule set in force on the order's date.  An amendment
 * applies from its date (today by default; DOMAIN 9.2: the 2025 durations are an
 * administrator's data): a detention ordered before keeps its 20 days (KUHAP 24(1), end = start
 * + 19, DOMAIN 5.1), one ordered on it takes the new value.  A date before today is refused
 * (422) unless overridden with a reason; a date outside the set's time, a malformed one (400),
 * an override without a reason and anyone but the admin (403) change nothing. */
START_TEST(test_a_rule_amendment_applies_from_its_date_not_backwards)
{
    char *admin = api_login(demo.port, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert_ptr_nonnull(admin);
    long long s[2];
    char opened[11], d6[11], today[11], yesterday[11], tomorrow[11], due_a[11], due_b[11];
    char at[40], body[256];
    days_ago(10, opened);
    days_ago(6, d6);
    days_ago(0, today);
    days_ago(1, yesterday);
    days_ago(-1, tomorrow);
    days_ago(6 - 19, due_a);
    long long id = detention_case(demo.inv, demo.kejari_plg, opened, s);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d6);
    arrest_at(id, demo.inv, s[0], at);
    snprintf(at, sizeof at, "%sT10:00:00+07:00", d6);
    json_decref(detain_at(id, demo.inv, s[0], at, NULL, 201));
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_for(c, "detention", s[0]), "due_date"), due_a);
    json_decref(c);
    json_t *before = call("GET", "/api/v1/rulesets", admin, NULL, 200);
    ck_assert_int_eq(json_integer_value(
                         json_object_get(rule_in(before, "KUHAP-2025", "detention_days"), "value")),
                     20);
    /* refused, nothing changed */
    static const char *const malformed[] = {"\"2026-02-30\"", "\"08-12-2026\"", "\"\"", "5"};
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++) {
        snprintf(body, sizeof body, "{\"value\":30,\"effective_from\":%s}", malformed[i]);
        json_decref(amend_rule(admin, "KUHAP-2025", "detention_days", body, 400, "effective_from"));
    }
    json_decref(amend_rule(admin, "KUHAP-2025", "detention_days",
                           "{\"value\":30,\"override\":\"ya\",\"note\":\"x\"}", 400, "override"));
    snprintf(body, sizeof body, "{\"value\":30,\"effective_from\":\"%s\"}", yesterday);
    json_t *p = amend_rule(admin, "KUHAP-2025", "detention_days", body, 422, "effective_from");
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), yesterday));
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "tidak berlaku surut"));
    json_decref(p);
    snprintf(body, sizeof body, "{\"value\":30,\"effective_from\":\"%s\",\"override\":true}",
             yesterday);
    json_decref(amend_rule(admin, "KUHAP-2025", "detention_days", body, 422, "note"));
    p = amend_rule(admin, "KUHAP-2025", "detention_days",
                   "{\"value\":30,\"effective_from\":\"2025-12-01\",\"override\":true,"
                   "\"note\":\"sebelum UU 20/2025\"}",
                   422, "effective_from");
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "2026-01-02"));
    json_decref(p);
    /* the repealed code's values are history (play4 #26): refused without an override; with
     * one, its set still applies to no act from today */
    p = amend_rule(admin, "KUHAP-1981", "detention_days", "{\"value\":30}", 409, "ruleset");
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "tidak berlaku lagi sejak 2026-01-02"));
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "dicabut"));
    json_decref(p);
    p = amend_rule(admin, "KUHAP-1981", "detention_days",
                   "{\"value\":30,\"override\":true,\"note\":\"uji\"}", 422, "effective_from");
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "tidak berlaku lagi sejak 2026-01-02"));
    json_decref(p);
    /* a verified value (UU 20/2025 keeps the arrest's 1 x 24 hours: DOMAIN 9.1) too */
    p = amend_rule(admin, "KUHAP-2025", "arrest_hours", "{\"value\":48}", 409, "value");
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "sudah dipastikan"));
    ck_assert_ptr_nonnull(strstr(str(p, "detail"), "KUHAP 19(1)"));
    json_decref(p);
    const char *others[] = {demo.inv, sup_token()};
    for (int i = 0; i < 2; i++)
        json_decref(
            amend_rule(others[i], "KUHAP-2025", "detention_days", "{\"value\":30}", 403, NULL));
    json_t *now = call("GET", "/api/v1/rulesets", admin, NULL, 200);
    ck_assert(json_equal(now, before));
    json_decref(now);
    json_decref(before);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_for(c, "detention", s[0]), "due_date"), due_a);
    json_decref(c);

    /* from today: the API says since when and what it replaced */
    json_t *r = amend_rule(admin, "KUHAP-2025", "detention_days",
                           "{\"value\":30,\"note\":\"uji: sejak hari ini\"}", 200, NULL);
    json_t *v = rule_in(r, "KUHAP-2025", "detention_days");
    ck_assert_int_eq(json_integer_value(json_object_get(v, "value")), 30);
    json_t *a = json_object_get(v, "amended");
    ck_assert_str_eq(str(a, "effective_from"), today);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "old_value")), 20);
    ck_assert(json_is_false(json_object_get(a, "override")));
    ck_assert_str_eq(str(a, "note"), "uji: sejak hari ini");
    json_decref(r);
    /* the detention ordered six days ago keeps its 20 days; one ordered today takes 30 */
    snprintf(at, sizeof at, "%sT23:00:00+07:00", yesterday);
    arrest_at(id, demo.inv, s[1], at);
    snprintf(at, sizeof at, "%sT00:00:00+07:00", today);
    json_decref(detain_at(id, demo.inv, s[1], at, NULL, 201));
    days_ago(-29, due_b);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_for(c, "detention", s[0]), "due_date"), due_a);
    ck_assert_str_eq(str(clock_for(c, "detention", s[1]), "due_date"), due_b);
    json_decref(c);

    /* from tomorrow: in force today is still 30, the 25 scheduled */
    snprintf(body, sizeof body, "{\"value\":25,\"effective_from\":\"%s\"}", tomorrow);
    r = amend_rule(admin, "KUHAP-2025", "detention_days", body, 200, NULL);
    v = rule_in(r, "KUHAP-2025", "detention_days");
    ck_assert_int_eq(json_integer_value(json_object_get(v, "value")), 30);
    a = json_array_get(json_object_get(v, "scheduled"), 0);
    ck_assert_str_eq(str(a, "effective_from"), tomorrow);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "value")), 25);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "old_value")), 30);
    json_decref(r);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_for(c, "detention", s[1]), "due_date"), due_b);
    json_decref(c);
    /* a verified value overridden, with its reason, from tomorrow (no act of the suite is
     * dated then), and set back the same way */
    snprintf(body, sizeof body,
             "{\"value\":48,\"effective_from\":\"%s\",\"override\":true,"
             "\"note\":\"uji: penggantian penangkapan\"}",
             tomorrow);
    r = amend_rule(admin, "KUHAP-2025", "arrest_hours", body, 200, NULL);
    a = json_object_get(r, "amendment");
    ck_assert(json_is_true(json_object_get(a, "override")));
    ck_assert_int_eq(json_integer_value(json_object_get(a, "old_value")), 24);
    json_decref(r);
    snprintf(body, sizeof body, "{\"value\":24,\"effective_from\":\"%s\"}", tomorrow);
    json_decref(amend_rule(admin, "KUHAP-2025", "arrest_hours", body, 409, "value"));
    snprintf(body, sizeof body,
             "{\"value\":24,\"effective_from\":\"%s\",\"override\":true,"
             "\"note\":\"uji: dikembalikan\"}",
             tomorrow);
    json_decref(amend_rule(admin, "KUHAP-2025", "arrest_hours", body, 200, NULL));
    /* the history, for admins and supervisors: old -> new, from when, override, who, why */
    json_t *h = call("GET", "/api/v1/rulesets/amendments?ruleset=KUHAP-2025&key=arrest_hours",
                     sup_token(), NULL, 200);
    ck_assert_int_eq(json_array_size(json_object_get(h, "items")), 2);
    a = json_array_get(json_object_get(h, "items"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "old_value")), 48);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "value")), 24);
    ck_assert_str_eq(str(a, "note"), "uji: dikembalikan");
    a = json_array_get(json_object_get(h, "items"), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "old_value")), 24);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "value")), 48);
    ck_assert_str_eq(str(a, "effective_from"), tomorrow);
    ck_assert(json_is_true(json_object_get(a, "override")));
    ck_assert_str_eq(str(a, "note"), "uji: penggantian penangkapan");
    ck_assert(str(json_object_get(a, "by"), "name")[0]);
    json_decref(h);
    h = call("GET", "/api/v1/rulesets/amendments?key=detention_days", admin, NULL, 200);
    a = json_array_get(json_object_get(h, "items"),
                       json_array_size(json_object_get(h, "items")) - 1);
    ck_assert_str_eq(str(a, "ruleset"), "KUHAP-2025");
    ck_assert_int_eq(json_integer_value(json_object_get(a, "old_value")), 20);
    ck_assert_int_eq(json_integer_value(json_object_get(a, "value")), 30);
    ck_assert_str_eq(str(a, "effective_from"), today);
    json_decref(h);
    json_decref(call("GET", "/api/v1/rulesets/amendments", demo.inv, NULL, 403));
    json_decref(call("GET", "/api/v1/rulesets/amendments", demo.pros, NULL, 403));
    json_decref(call("GET", "/api/v1/rulesets/amendments", NULL, NULL, 401));
    /* back to the law's 20 for the suite's other files, from today and from tomorrow */
    json_decref(amend_rule(admin, "KUHAP-2025", "detention_days", "{\"value\":20}", 200, NULL));
    snprintf(body, sizeof body, "{\"value\":20,\"effective_from\":\"%s\"}", tomorrow);
    json_decref(amend_rule(admin, "KUHAP-2025", "detention_days", body, 200, NULL));
    free(admin);
}
END_TEST

START_TEST(test_notices_of_an_arrest_are_clocks_delivered_by_a_letter)
{
    /* KUHAP 18(3): the family has the arrest's order "segera"; VCCR 1963
     * Art. 36(1)(b): a foreigner's representation is told without delay,
     * through the Ministry of Foreign Affairs.  Both run from the arrest and
     * stop with the letter that delivered them, naming who received it. */
    char d2[11], d1[11], at[40], body[512];
    days_ago(2, d2);
    days_ago(1, d1);
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, d2, s); /* Vietnamese suspects */
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *pp =
        call("POST", path, demo.inv,
             "{\"kind\":\"suspect\",\"name\":\"BUDI SANTOSO\",\"nationality\":\"ID\"}", 201);
    long long indo = json_integer_value(json_object_get(pp, "id"));
    json_decref(pp);
    charge(id, "122", indo);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d2);
    arrest_at(id, demo.inv, s[0], at);
    arrest_at(id, demo.inv, indo, at);
    json_t *c = get_case(id, demo.inv);
    json_t *fam = clock_for(c, "family_arrest_notice", s[0]);
    ck_assert_ptr_nonnull(fam);
    ck_assert(json_is_true(json_object_get(fam, "running")));
    ck_assert_str_eq(str(fam, "due_date"), d1);
    ck_assert_ptr_nonnull(strstr(str(fam, "basis"), "18(3)"));
    ck_assert(json_is_true(json_object_get(fam, "to_verify")));
    ck_assert_ptr_nonnull(clock_for(c, "consular_notice", s[0]));
    ck_assert_ptr_nonnull(clock_for(c, "family_arrest_notice", indo));
    ck_assert_ptr_null(clock_for(c, "consular_notice", indo)); /* an Indonesian */
    json_decref(c);
    /* bad input: an unknown recipient, no suspect, a witness, no receiver;
     * nothing is written */
    long long w = add_party(id, "witness", "SAKSI W");
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"tetangga\","
             "\"party_id\":%lld,\"received_by\":\"X\"}",
             d1, s[0]);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "recipient"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":"
             "\"keluarga_penangkapan\",\"received_by\":\"X\"}",
             d1);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "party_id"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":"
             "\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"X\"}",
             d1, w);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "party_id"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":"
             "\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"\"}",
             d1, s[0]);
    json_t *j = refused(id, demo.inv, body, 400, "bad-input", "received_by");
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "menerima"));
    json_decref(j);
    snprintf(body, sizeof body,
             "{\"type\":\"spdp_sent\",\"date\":\"%s\",\"recipient\":\"kejari\","
             "\"received_by\":\"X\"}",
             d1);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "received_by"));
    /* the prosecutor and the supervisor do not record the investigator's letters */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":"
             "\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"Istri\"}",
             d1, s[0]);
    json_decref(refused(id, sup, body, 403, "forbidden", NULL));
    /* delivered the next day to his wife: in time, and the case says by whom */
    json_decref(post(id, demo.inv, body, 201));
    c = get_case(id, demo.inv);
    fam = clock_for(c, "family_arrest_notice", s[0]);
    ck_assert(json_is_false(json_object_get(fam, "running")));
    ck_assert_str_eq(str(fam, "state"), "ok");
    ck_assert_str_eq(str(fam, "stopped_by"), "letter_delivered");
    json_t *dv = json_object_get(fam, "delivered");
    ck_assert_str_eq(str(dv, "on"), d1);
    ck_assert_str_eq(str(dv, "received_by"), "Istri");
    /* the consular notice still runs */
    ck_assert(json_is_true(json_object_get(clock_for(c, "consular_notice", s[0]), "running")));
    json_decref(c);
}
END_TEST

START_TEST(test_an_overdue_notice_shows_in_the_review_list_with_its_reason)
{
    /* arrested and detained five days ago, no family told (KUHAP 18(3),
     * 21(3)), no representation told (VCCR 36(1)(b)): the supervisor sees
     * each notice overdue, for whom and by when */
    char d5[11], at[40];
    days_ago(5, d5);
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, d5, s);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d5);
    arrest_at(id, demo.inv, s[0], at);
    snprintf(at, sizeof at, "%sT15:00:00+07:00", d5);
    json_decref(detain_at(id, demo.inv, s[0], at, NULL, 201));
    json_t *list;
    json_t *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "case %lld not in the review list", id);
    const char *want[] = {"family_arrest_notice", "family_detention_notice", "consular_notice"};
    for (size_t k = 0; k < 3; k++) {
        bool seen = false;
        size_t i;
        json_t *n;
        json_array_foreach(json_object_get(it, "notices"), i, n)
        {
            if (strcmp(str(n, "code"), want[k]) != 0)
                continue;
            seen = true;
            ck_assert_str_eq(str(n, "state"), "overdue");
            ck_assert(str(n, "label")[0]);
            ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(n, "party"), "id")),
                             s[0]);
        }
        ck_assert_msg(seen, "%s not listed", want[k]);
    }
    /* a notice owed past its day is a deadline of the file like its own: the family's copy of
     * the arrest order, due the day after (family_notice_days 1), passed first - it orders the
     * list, makes the file overdue (before its SPDP, due day 7) and, late while the detention
     * runs in time, is the row's headline (the row's words name the clock that is late); the
     * suspect held is on the row all the same */
    ck_assert_str_eq(str(json_object_get(it, "reason"), "code"), "family_arrest_notice");
    ck_assert_str_eq(str(json_object_get(it, "reason"), "state"), "overdue");
    ck_assert(json_is_null(json_object_get(it, "earliest")));
    ck_assert_str_eq(str(it, "next_due_at"), str(json_object_get(it, "reason"), "due_at"));
    ck_assert_str_eq(str(json_array_get(json_object_get(it, "detentions"), 0), "code"),
                     "detention");
    ck_assert_str_eq(str(it, "state"), "overdue");
    json_decref(list);
}
END_TEST

/* UU 6/2011 Pasal 110(2): under the short procedure the PPNS hands the suspect and the evidence
 * to the Penuntut Umum "disertai catatan" (DOMAIN 4.14, 7.1: surat penyerahan + catatan).  Found
 * in acceptance: the catatan was only the act's free note, printed nowhere, and the hand-over had
 * no paper.  The tester's file: a Japanese overstayer charged under Pasal 116; a handover without
 * its catatan is refused naming it (422) and one too short (400), nothing recorded; with it, its
 * Surat Penyerahan Perkara Acara Pemeriksaan Singkat is issued with the act, addressed to the
 * Penuntut Umum of the file's Kejari, and prints the catatan, the Pasal, the suspect and the day;
 * the case's documents list it; a prosecutor may not issue it. */
START_TEST(test_the_short_procedure_handover_has_its_catatan_and_its_paper)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-01");
    char path[96], body[1024];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"TANAKA HIROSHI\",\"nationality\":\"JP\","
                     "\"passport_no\":\"TR7654321\"}",
                     201);
    long long s = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "116", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-11-02", "\"number\":\"SP.Sidik/21/XI/2026\"");
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-11-02", extra);
    rec_on(id, demo.inv, "spdp_sent", "2026-11-02", "\"recipient\":\"kejari\"");
    snprintf(extra, sizeof extra, "\"bap\":\"tersangka\",\"party_id\":%lld", s);
    rec_on(id, demo.inv, "bap_recorded", "2026-11-03T09:00:00+07:00", extra);
    /* no catatan: 422 naming it, nothing recorded */
    json_decref(
        refused(id, demo.inv,
                "{\"type\":\"short_procedure_handover\",\"at\":\"2026-11-04T10:00:00+07:00\","
                "\"note\":\"diserahkan\"}",
                422, "unprocessable", "catatan"));
    /* a catatan that says nothing: 400 */
    json_decref(
        refused(id, demo.inv,
                "{\"type\":\"short_procedure_handover\",\"at\":\"2026-11-04T10:00:00+07:00\","
                "\"catatan\":\"Pasal 116\"}",
                400, "bad-input", "catatan"));
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "investigation");
    json_decref(c);
    const char *catatan = "Tersangka tidak dapat memperlihatkan paspornya ketika diminta petugas "
                          "pada pemeriksaan di Jalan Sudirman Palembang tanggal 3 November 2026";
    snprintf(body, sizeof body,
             "{\"type\":\"short_procedure_handover\",\"at\":\"2026-11-04T10:00:00+07:00\","
             "\"catatan\":\"%s\",\"issue\":[\"penyerahan_acara_singkat\"]}",
             catatan);
    json_t *e = post(id, demo.inv, body, 201);
    json_t *doc = json_array_get(json_object_get(e, "documents"), 0);
    ck_assert_ptr_nonnull(doc);
    long long doc_id = json_integer_value(json_object_get(doc, "id"));
    json_decref(e);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "handed_over");
    json_decref(c);
    char *t = fill_document_text(demo.port, demo.inv, doc_id);
    ck_assert_msg(strstr(t, "PRO JUSTITIA") != NULL, "the paper: %s", t);
    ck_assert_msg(strstr(t, "SURAT PENYERAHAN PERKARA ACARA PEMERIKSAAN SINGKAT") != NULL,
                  "the paper's title: %s", t);
    ck_assert_msg(strstr(t, "Penuntut Umum pada Kejaksaan Negeri Palembang") != NULL,
                  "the addressee: %s", t);
    ck_assert_msg(strstr(t, "Pasal 110") != NULL, "the law it hands over under: %s", t);
    ck_assert_msg(strstr(t, "Pasal 116") != NULL, "the Pasal charged: %s", t);
    ck_assert_msg(strstr(t, "TANAKA HIROSHI") != NULL, "the suspect: %s", t);
    ck_assert_msg(strstr(t, catatan) != NULL, "the catatan: %s", t);
    ck_assert_msg(strstr(t, "Rabu tanggal empat bulan November tahun dua ribu dua puluh enam"),
                  "the day of the hand-over: %s", t);
    free(t);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/documents", id);
    json_t *docs = call("GET", path, demo.inv, NULL, 200);
    char *listed = json_dumps(docs, 0);
    ck_assert_msg(listed && strstr(listed, "penyerahan_acara_singkat") != NULL,
                  "the case's documents do not list the hand-over's paper: %s", listed);
    free(listed);
    json_decref(docs);
    /* the prosecutor does not make the investigator's paper */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/penyerahan_acara_singkat", id);
    json_decref(call("POST", path, demo.pros, "{\"params\":{}}", 403));
    /* the file the PU received stays as he received it: its paper is not revoked, and the
     * refusal says how the file ended - there was no P-21 (reviewer's finding) */
    snprintf(path, sizeof path, "/api/v1/documents/%lld/revoke", doc_id);
    json_t *no = call("POST", path, demo.inv, "{\"note\":\"salah ketik catatan\"}", 409);
    ck_assert_msg(strstr(str(no, "detail"), "acara pemeriksaan singkat") != NULL &&
                      strstr(str(no, "detail"), "P-21") == NULL,
                  "%s", str(no, "detail"));
    json_decref(no);
}
END_TEST

/* UU 6/2011 Pasal 110(2): the PPNS hands the suspect, the evidence and the catatan to the PU - the
 * suspect he has examined (DOMAIN 4.14, 7.1) - and the SPDP is owed to the PU in every
 * investigation, the short one too (KUHAP 109(1) jo. MK 130/PUU-XIII/2015: 7 days; DOMAIN 4.4,
 * D1).  Found in acceptance (play3 #2, #24): a Pasal 116 file was handed over with neither the
 * suspect's BAP nor the SPDP; the file, closed, then refused both, and its spdp clock ran on the
 * board for ever.  A Japanese suspect who speaks Japanese: the hand-over is refused naming the
 * SPDP and the BAP (and the interpreter), nothing recorded; after the SPDP, the BAP alone; after a
 * BAP with no interpreter sworn before it, the interpreter; the prosecutor may not hand over; the
 * oath taken before the BAP recorded, the file goes, its SPDP clock stopped by the SPDP, not on
 * the supervisor's board. */
START_TEST(test_the_short_procedure_hands_over_an_examined_suspect_after_the_spdp)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-01");
    char path[96], body[1024], extra[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"TANAKA HIROSHI\",\"nationality\":\"JP\","
                     "\"passport_no\":\"TR7654321\",\"language\":\"Jepang\"}",
                     201);
    long long s = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "116", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-11-02", NULL);
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-11-02", extra);
    snprintf(body, sizeof body,
             "{\"type\":\"short_procedure_handover\",\"date\":\"2026-11-06\",\"catatan\":"
             "\"Tidak memperlihatkan paspor ketika diminta petugas di Palembang (Pasal 116)\"}");
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(missing_has_code(j, "spdp_sent"));
    ck_assert(missing_has_code(j, "bap_tersangka"));
    json_decref(j);
    rec_on(id, demo.inv, "spdp_sent", "2026-11-03", "\"recipient\":\"kejari\"");
    j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(!missing_has_code(j, "spdp_sent"));
    ck_assert(missing_has_code(j, "bap_tersangka"));
    json_decref(j);
    /* examined without an interpreter sworn before it: not an examination he understood */
    snprintf(extra, sizeof extra, "\"bap\":\"tersangka\",\"party_id\":%lld", s);
    rec_on(id, demo.inv, "bap_recorded", "2026-11-04T10:00:00+07:00", extra);
    j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(missing_has_code(j, "interpreter_sworn"));
    ck_assert(!missing_has_code(j, "bap_tersangka"));
    json_decref(j);
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "investigation");
    json_decref(c);
    /* the prosecutor does not hand over the investigator's suspect */
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    /* the oath taken at 09:00, before the examination, recorded as it was */
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "interpreter_sworn", "2026-11-04T09:00:00+07:00", extra);
    json_t *ok = post(id, demo.inv, body, 201);
    ck_assert_str_eq(str(ok, "stage"), "handed_over");
    json_decref(ok);
    c = get_case(id, demo.inv);
    json_t *spdp = clock_for(c, "spdp", 0);
    ck_assert_msg(spdp != NULL, "no spdp clock");
    ck_assert(json_is_false(json_object_get(spdp, "running")));
    ck_assert_str_eq(str(spdp, "stopped_by"), "spdp_sent");
    json_decref(c);
    json_t *list, *it = review_item_of(id, sup, &list);
    ck_assert_msg(it == NULL || strcmp(str(json_object_get(it, "reason"), "code"), "spdp") != 0,
                  "the handed-over file is on the board for its SPDP");
    json_decref(list);
}
END_TEST

/* The case list's row of case id as token sees it (GET /cases?number=), taken; NULL if none. */
static json_t *list_row(long long id, const char *token, const char *query)
{
    char path[256];
    snprintf(path, sizeof path, "/api/v1/cases?%s", query);
    json_t *l = call("GET", path, token, NULL, 200), *row = NULL;
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(l, "items"), i, it)
    {
        if (json_integer_value(json_object_get(it, "id")) == id)
            row = json_incref(it);
    }
    json_decref(l);
    return row;
}

/* UU 6/2011 Pasal 110 (DOMAIN 4.14): a file handed over under the short procedure had no P-21
 * and no Tahap II (KUHAP 8(3)(b) follows a complete file).  Found in acceptance (play3 #3, #24):
 * the inbox and the case page said "Penyerahan perkara acara singkat", while the case list, the
 * supervisor's board (and so the CLI and the web, which print what they are given) and the
 * refusals on the file said "Tahap II selesai" - "tidak dapat dicatat pada tahap Tahap II
 * selesai", "sudah selesai (Tahap II selesai)".  Every one of them says the inbox's words; the
 * demo's file that went through Tahap II still says "Tahap II selesai". */
START_TEST(test_a_file_handed_over_under_the_short_procedure_is_called_so_everywhere)
{
    const char *label = "Penyerahan perkara acara singkat";
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-01");
    char path[96], body[512], extra[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"PARK MIN-HO\",\"nationality\":\"KR\","
                     "\"passport_no\":\"M87654321\"}",
                     201);
    long long s = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "116", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-11-02", NULL);
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-11-02", extra);
    rec_on(id, demo.inv, "spdp_sent", "2026-11-02", "\"recipient\":\"kejari\"");
    /* arrested and his family never told: the file stays on the board after it ends */
    arrest_at(id, demo.inv, s, "2026-11-03T10:00:00+07:00");
    snprintf(extra, sizeof extra, "\"bap\":\"tersangka\",\"party_id\":%lld", s);
    rec_on(id, demo.inv, "bap_recorded", "2026-11-03T11:00:00+07:00", extra);
    rec_on(id, demo.inv, "short_procedure_handover", "2026-11-03T14:00:00+07:00",
           "\"catatan\":\"Tidak memperlihatkan paspor saat diperiksa petugas (Pasal 116)\"");
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage_label"), label);
    char query[160];
    snprintf(query, sizeof query, "number=%s", str(c, "number"));
    json_decref(c);
    /* the case list */
    json_t *row = list_row(id, demo.inv, query);
    ck_assert_msg(row != NULL, "not in the case list");
    ck_assert_str_eq(str(row, "stage"), "handed_over");
    ck_assert_str_eq(str(row, "stage_label"), label);
    json_decref(row);
    /* the supervisor's board, in full and in its few words */
    json_t *list, *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "the file owing the family's notice is not on the board");
    ck_assert_str_eq(str(it, "stage_label"), label);
    ck_assert_str_eq(str(it, "stage_short"), "Acara singkat");
    json_decref(list);
    /* a refusal for the stage: the investigation's letters are over */
    snprintf(body, sizeof body, "{\"type\":\"resume_written\",\"date\":\"2026-11-04\"}");
    json_t *j = refused(id, demo.inv, body, 409, "transition-not-allowed", NULL);
    ck_assert_msg(strstr(str(j, "detail"), label) && !strstr(str(j, "detail"), "Tahap II"), "%s",
                  str(j, "detail"));
    json_decref(j);
    /* a party of a file closed for good */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties/%lld", id, s);
    j = call("PUT", path, demo.inv, "{\"birth_place\":\"Busan\"}", 409);
    ck_assert_msg(strstr(str(j, "detail"), label) && !strstr(str(j, "detail"), "Tahap II"), "%s",
                  str(j, "detail"));
    json_decref(j);
    /* the case's XML export, of the file and of its hand-over */
    struct http_result xr;
    snprintf(path, sizeof path, "/api/v1/cases/%lld.xml", id);
    ck_assert(api_call(demo.port, "GET", path, demo.inv, NULL, &xr));
    ck_assert_int_eq(xr.status, 200);
    ck_assert_msg(strstr(xr.body, "<tahap kode=\"handed_over\">Penyerahan perkara acara "
                                  "singkat</tahap>") &&
                      strstr(xr.body, "<tahap-sesudah kode=\"handed_over\">Penyerahan perkara "
                                      "acara singkat</tahap-sesudah>") &&
                      !strstr(xr.body, "Tahap II selesai"),
                  "%.3000s", xr.body);
    http_result_free(&xr);
    /* a file that went through P-21 and Tahap II keeps its label */
    json_t *l = call("GET", "/api/v1/cases?stage=handed_over", demo.inv, NULL, 200);
    size_t i, tahap2 = 0;
    json_array_foreach(json_object_get(l, "items"), i, it)
    {
        if (json_integer_value(json_object_get(it, "id")) == id)
            continue;
        c = get_case(json_integer_value(json_object_get(it, "id")), demo.inv);
        bool short_way = strcmp(str(c, "stage_label"), label) == 0;
        json_decref(c);
        if (short_way)
            continue;
        ck_assert_str_eq(str(it, "stage_label"), "Tahap II selesai");
        tahap2++;
    }
    ck_assert_msg(tahap2 > 0, "the demo's Tahap II file is not listed");
    json_decref(l);
}
END_TEST

/* Whether review row it lists notice code as owed (state overdue, not missed). */
static bool owes_notice(json_t *it, const char *code)
{
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(it, "notices"), i, n)
    {
        if (strcmp(str(n, "code"), code) == 0 && strcmp(str(n, "state"), "overdue") == 0 &&
            !json_is_true(json_object_get(n, "missed")))
            return true;
    }
    return false;
}

/* KUHAP 18(3) (the family has the arrest's order "segera"), VCCR 36(1)(b) (a foreigner's
 * consulate told "without delay"): owed because a person was taken, not because an investigation
 * runs.  The acceptance tester's file: a Korean arrested at 10:00 on 3 November 2026 for Pasal 116
 * and handed over under the short procedure (UU 6/2011 Pasal 110) at 14:00 the same day, no one
 * told - the case page said of both notices "Berkas berakhir sebelum tenggatnya; tidak lagi wajib",
 * the board dropped them, and their delivery was refused (409).  Both are still owed, overdue
 * once their day passed, on the supervisor's board; the handed-over file takes their delivery
 * (late) and nothing else: the SPDP's copy is refused, nothing written. */
START_TEST(test_the_notices_of_an_arrest_outlive_the_file)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-01");
    char path[64], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"PARK JI-SUNG\",\"nationality\":\"KR\","
                     "\"passport_no\":\"M12345678\"}",
                     201);
    long long s = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "116", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-11-02", NULL);
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-11-02", extra);
    arrest_at(id, demo.inv, s, "2026-11-03T10:00:00+07:00");
    rec_on(id, demo.inv, "spdp_sent", "2026-11-02", "\"recipient\":\"kejari\"");
    snprintf(extra, sizeof extra, "\"bap\":\"tersangka\",\"party_id\":%lld", s);
    rec_on(id, demo.inv, "bap_recorded", "2026-11-03T11:00:00+07:00", extra);
    rec_on(id, demo.inv, "short_procedure_handover", "2026-11-03T14:00:00+07:00",
           "\"catatan\":\"Tidak memperlihatkan paspor saat diperiksa (Pasal 116)\"");
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "handed_over");
    const char *owed[] = {"family_arrest_notice", "consular_notice"};
    for (int k = 0; k < 2; k++) {
        json_t *n = clock_for(c, owed[k], s);
        ck_assert_msg(n != NULL, "no %s", owed[k]);
        ck_assert_msg(json_is_true(json_object_get(n, "running")), "%s not running", owed[k]);
        ck_assert_str_eq(str(n, "state"), "overdue");
        ck_assert_ptr_null(json_object_get(n, "not_delivered"));
    }
    json_decref(c);
    json_t *list, *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "the handed-over file owing the notices is not on the board");
    ck_assert(owes_notice(it, "family_arrest_notice"));
    ck_assert(owes_notice(it, "consular_notice"));
    json_decref(list);
    /* the investigation's letters are over: the SPDP's copy refused, nothing written */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-11-10\",\"recipient\":\"spdp_kejari\","
             "\"received_by\":\"Petugas PTSP\"}");
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(missing_has_code(j, "custody_notice"));
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "keluarga"));
    json_decref(j);
    /* the supervisor and the prosecutor do not deliver them */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-11-10\",\"recipient\":"
             "\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"Istri\"}",
             s);
    json_decref(refused(id, sup, body, 403, "forbidden", NULL));
    /* delivered late to his wife and, through Kemlu, to his embassy: stopped, late */
    json_decref(post(id, demo.inv, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-11-11\",\"recipient\":"
             "\"perwakilan_negara\",\"party_id\":%lld,\"received_by\":\"Kedutaan Besar Republik "
             "Korea\"}",
             s);
    json_decref(post(id, demo.inv, body, 201));
    c = get_case(id, demo.inv);
    for (int k = 0; k < 2; k++) {
        json_t *n = clock_for(c, owed[k], s);
        ck_assert(json_is_false(json_object_get(n, "running")));
        ck_assert_str_eq(str(n, "stopped_by"), "letter_delivered");
        ck_assert_str_eq(str(n, "state"), "overdue");
    }
    ck_assert_str_eq(str(c, "stage"), "handed_over");
    json_decref(c);
    it = review_item_of(id, sup, &list);
    ck_assert(it == NULL ||
              (!owes_notice(it, "family_arrest_notice") && !owes_notice(it, "consular_notice")));
    json_decref(list);
}
END_TEST

/* The clock of suspect s's notice `code` on case id's page: whether it is closed as declared
 * undelivered with reason `why` (the act notice_undelivered), not running, not delivered. */
static void assert_declared_undelivered(long long id, const char *code, long long s,
                                        const char *why)
{
    json_t *c = get_case(id, demo.inv);
    json_t *n = clock_for(c, code, s);
    ck_assert_msg(n != NULL, "no %s", code);
    ck_assert(json_is_false(json_object_get(n, "running")));
    ck_assert_str_eq(str(n, "stopped_by"), "notice_undelivered");
    ck_assert(json_is_true(json_object_get(n, "not_delivered")));
    ck_assert_str_eq(str(n, "undelivered_reason"), why);
    ck_assert_ptr_null(json_object_get(n, "delivered_on"));
    json_decref(c);
}

/* KUHAP 18(3), 21(3), VCCR 36(1)(b): the family's copy of an arrest's order and the consular
 * notice are owed because a person was taken, and outlive the file (be2d331) - but not every one
 * can be delivered: no family known or found, a foreigner who asks that his consulate not be told
 * (VCCR 36(1)(b): "if he so requests").  Without a way to say so, a closed file stayed on the
 * board for ever, and only a false delivery took it off.  The investigator declares such a notice
 * undelivered with his reason: its clock stops as not delivered (no deadline, never "selesai"),
 * the reason kept on the case; in an open file and in one that ended (SP3, then administrative
 * action).  Only a notice of custody still owed, only with a reason, only by the investigator;
 * nothing written on a refusal.  A delivery recorded after all stops it as delivered. */
START_TEST(test_a_custody_notice_that_cannot_be_delivered_is_declared_with_its_reason)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-01");
    char path[64], body[768];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"KIM MIN-JUN\",\"nationality\":\"KR\","
                     "\"passport_no\":\"M87654321\"}",
                     201);
    long long s = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "116", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-11-02", NULL);
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-11-02", extra);
    arrest_at(id, demo.inv, s, "2026-11-03T10:00:00+07:00");
    const char *consul = "Tersangka menyatakan tidak menghendaki perwakilan negaranya diberi tahu";
    /* no reason, a blank one: 400 naming it */
    snprintf(body, sizeof body,
             "{\"type\":\"notice_undelivered\",\"date\":\"2026-11-04\",\"recipient\":"
             "\"perwakilan_negara\",\"party_id\":%lld}",
             s);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "undelivered_reason"));
    snprintf(body, sizeof body,
             "{\"type\":\"notice_undelivered\",\"date\":\"2026-11-04\",\"recipient\":"
             "\"perwakilan_negara\",\"party_id\":%lld,\"undelivered_reason\":\"   \"}",
             s);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "undelivered_reason"));
    /* the SPDP's copy is not a notice that may be declared undelivered: 400 naming recipient */
    snprintf(body, sizeof body,
             "{\"type\":\"notice_undelivered\",\"date\":\"2026-11-04\",\"recipient\":"
             "\"spdp_tersangka\",\"party_id\":%lld,\"undelivered_reason\":\"%s\"}",
             s, consul);
    json_t *j = refused(id, demo.inv, body, 400, "bad-input", "recipient");
    json_decref(j);
    /* the supervisor does not record it */
    snprintf(body, sizeof body,
             "{\"type\":\"notice_undelivered\",\"date\":\"2026-11-04\",\"recipient\":"
             "\"perwakilan_negara\",\"party_id\":%lld,\"undelivered_reason\":\"%s\"}",
             s, consul);
    json_decref(refused(id, sup, body, 403, "forbidden", NULL));
    /* nor the prosecutor (his role records no such act: 403), nor another office's
     * investigator (the case is not his office's: 404) */
    long long before = events_of(id);
    json_decref(post(id, demo.pros, body, 403));
    json_decref(post(id, inv_blc, body, 404));
    ck_assert_int_eq(events_of(id), before);
    /* the investigator, in the open file: closed as not delivered, with its reason */
    json_decref(post(id, demo.inv, body, 201));
    assert_declared_undelivered(id, "consular_notice", s, consul);
    /* declared once: a second time it is owed no more */
    j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(missing_has_code(j, "notice_owed"));
    json_decref(j);
    /* the file ends: SP3, then administrative action (deportation); the family's copy is owed */
    rec_on(id, demo.inv, "sp3_issued", "2026-11-05",
           "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    rec_on(id, demo.inv, "tak_decided", "2026-11-06", "\"note\":\"deportasi\"");
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "administrative");
    json_t *n = clock_for(c, "family_arrest_notice", s);
    ck_assert(json_is_true(json_object_get(n, "running")));
    ck_assert_str_eq(str(n, "state"), "overdue");
    json_decref(c);
    json_t *list, *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL && owes_notice(it, "family_arrest_notice"),
                  "the family's copy owed is not on the board");
    json_decref(list);
    const char *family = "Keluarga tersangka tidak diketahui keberadaannya; tersangka tidak "
                         "memberikan alamat keluarga di Indonesia maupun di Korea";
    snprintf(body, sizeof body,
             "{\"type\":\"notice_undelivered\",\"date\":\"2026-11-10\",\"recipient\":"
             "\"keluarga_penangkapan\",\"party_id\":%lld,\"undelivered_reason\":\"%s\"}",
             s, family);
    json_decref(post(id, demo.inv, body, 201));
    assert_declared_undelivered(id, "family_arrest_notice", s, family);
    /* off the board as a deadline; where the row still shows it, as not delivered, with why */
    it = review_item_of(id, sup, &list);
    ck_assert(it == NULL || !owes_notice(it, "family_arrest_notice"));
    size_t i;
    json_array_foreach(it ? json_object_get(it, "notices") : NULL, i, n)
    {
        if (strcmp(str(n, "code"), "family_arrest_notice") != 0)
            continue;
        ck_assert_str_eq(str(n, "state"), "undelivered");
        ck_assert_ptr_null(json_object_get(n, "missed"));
        ck_assert_str_eq(str(n, "undelivered_reason"), family);
    }
    json_decref(list);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "administrative");
    json_decref(c);
    /* found after all: the delivery stops it as delivered */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-11-12\",\"recipient\":"
             "\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"Saudara kandung "
             "tersangka\"}",
             s);
    json_decref(post(id, demo.inv, body, 201));
    c = get_case(id, demo.inv);
    n = clock_for(c, "family_arrest_notice", s);
    ck_assert_str_eq(str(n, "stopped_by"), "letter_delivered");
    ck_assert_ptr_null(json_object_get(n, "not_delivered"));
    ck_assert_ptr_null(json_object_get(n, "undelivered_reason"));
    json_decref(c);
}
END_TEST

/* KUHAP 109(2)-(3), UU 20/2025 Pasal 24(4): the stop of an investigation is told to the PU and
 * the suspect (and the others the rule set names) whatever follows it.  The acceptance tester's
 * file (play4 #8): an SP3, then a TAK (deportation) two days later, no notice sent - the clocks
 * said "selesai ... berhenti (tak_decided)" and the file left the board, while the same SP3
 * without a TAK stayed overdue.  Now the notices stay owed after the TAK, on the board; the
 * administrative stage takes sp3_notified while the SP3 stands; a file diverted to
 * administrative action without an SP3 has none to tell (422 sp3_stands, nothing written). */
START_TEST(test_an_sp3_is_still_owed_its_notices_after_a_tak)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-10-01");
    long long s = add_party(id, "suspect", "TRAN Van Hung");
    charge(id, "116", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-10-02", NULL);
    rec_on(id, demo.inv, "sp3_issued", "2026-10-20",
           "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    rec_on(id, demo.inv, "tak_decided", "2026-10-22", "\"note\":\"deportasi\"");
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(c, "stage"), "administrative");
    json_t *n = clock_for(c, "sp3_notify", 0);
    ck_assert_msg(n != NULL, "no sp3_notify clock");
    ck_assert(json_is_true(json_object_get(n, "running")));
    ck_assert_str_eq(str(n, "state"), "overdue");
    json_decref(c);
    json_t *list, *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "the SP3 owing its notice left the board after the TAK");
    json_decref(list);
    /* the supervisor and the prosecutor do not record it (403), nothing written */
    const char *told = "{\"type\":\"sp3_notified\",\"date\":\"2026-10-27\",\"recipient\":"
                       "\"kejari\"}";
    json_decref(refused(id, sup, told, 403, "forbidden", NULL));
    json_decref(refused(id, demo.pros, told, 403, "forbidden", NULL));
    /* told to the PU after the TAK: stopped by the notice */
    rec_on(id, demo.inv, "sp3_notified", "2026-10-27", "\"recipient\":\"kejari\"");
    c = get_case(id, demo.inv);
    n = clock_for(c, "sp3_notify", 0);
    ck_assert(json_is_false(json_object_get(n, "running")));
    ck_assert_str_eq(str(n, "stopped_by"), "sp3_notified");
    ck_assert_str_eq(str(c, "stage"), "administrative");
    json_decref(c);
    /* the suspect deported: the SP3's notice to him cannot go - declared so, with its reason
     * (never the PU's: 400, nothing written) */
    json_decref(refused(id, demo.inv,
                        "{\"type\":\"notice_undelivered\",\"date\":\"2026-10-28\",\"recipient\":"
                        "\"sp3_kejari\",\"undelivered_reason\":\"x\"}",
                        400, "bad-input", "recipient"));
    const char *gone = "Tersangka telah dideportasi ke Vietnam pada 23 Oktober 2026";
    char body[512];
    snprintf(body, sizeof body,
             "{\"type\":\"notice_undelivered\",\"date\":\"2026-10-28\",\"recipient\":"
             "\"sp3_suspect\",\"undelivered_reason\":\"%s\"}",
             gone);
    json_decref(refused(id, sup, body, 403, "forbidden", NULL));
    json_decref(post(id, demo.inv, body, 201));
    c = get_case(id, demo.inv);
    n = clock_for(c, "sp3_notify_suspect", 0);
    ck_assert_msg(n != NULL, "no sp3_notify_suspect clock");
    ck_assert(json_is_false(json_object_get(n, "running")));
    ck_assert_str_eq(str(n, "stopped_by"), "notice_undelivered");
    ck_assert_str_eq(str(n, "undelivered_reason"), gone);
    json_decref(c);
    /* a report diverted to administrative action in prapenyidikan has no SP3 to tell */
    long long other = open_case_on(demo.inv, demo.kejari_plg, "2026-10-01");
    rec_on(other, demo.inv, "tak_decided", "2026-10-03", "\"note\":\"deportasi\"");
    json_t *j =
        refused(other, demo.inv,
                "{\"type\":\"sp3_notified\",\"date\":\"2026-10-05\",\"recipient\":\"kejari\"}", 422,
                "guard-failed", NULL);
    ck_assert(missing_has_code(j, "sp3_stands"));
    json_decref(j);
}
END_TEST

START_TEST(test_a_notice_dated_before_the_act_it_notifies_is_refused_naming_both)
{
    /* KUHAP 18(3), 21(3); VCCR 36(1)(b): a notice tells of an arrest or a
     * detention that has happened; a letter dated before it is refused,
     * naming both acts and both dates */
    char d3[11], d2[11], at[40], body[512];
    days_ago(3, d3);
    days_ago(2, d2);
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, d3, s);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d2);
    arrest_at(id, demo.inv, s[0], at);
    const char *to[] = {"keluarga_penangkapan", "perwakilan_negara"};
    for (int k = 0; k < 2; k++) {
        snprintf(body, sizeof body,
                 "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"%s\","
                 "\"party_id\":%lld,\"received_by\":\"Istri\"}",
                 d3, to[k], s[0]);
        json_t *j = refused(id, demo.inv, body, 422, "date-order", "date");
        ck_assert_msg(strstr(str(j, "detail"), d3) && strstr(str(j, "detail"), d2), "%s",
                      str(j, "detail"));
        ck_assert_msg(strstr(str(j, "detail"), "Penangkapan") ||
                          strstr(str(j, "detail"), "penangkapan"),
                      "%s", str(j, "detail"));
        json_decref(j);
    }
    /* the same day as the arrest is no earlier than it: recorded */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":"
             "\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"Istri\"}",
             d2, s[0]);
    json_decref(post(id, demo.inv, body, 201));
}
END_TEST

START_TEST(test_a_detention_dated_only_on_the_day_the_arrest_ends_asks_for_its_hour)
{
    /* KUHAP 19(1): the arrest lasts one day, counted by the hour.  Arrested
     * at 09:00 two days ago, the arrest ends at 09:00 yesterday: a
     * detention dated yesterday without its hour may fall either side, so
     * the hour is asked for; one dated the arrest's own day is within it. */
    char d3[11], d2[11], d1[11], at[40], body[512];
    days_ago(3, d3);
    days_ago(2, d2);
    days_ago(1, d1);
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, d3, s);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d2);
    arrest_at(id, demo.inv, s[0], at);
    arrest_at(id, demo.inv, s[1], at);
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"date\":\"%s\",\"party_id\":%lld,\"detention_type\":"
             "\"rutan\",\"polri_order\":\"SP.Han/13/2026\"}",
             d1, s[0]);
    json_t *j = refused(id, demo.inv, body, 422, "time-needed", "at");
    ck_assert_msg(strstr(str(j, "detail"), "\"at\"") && strstr(str(j, "detail"), "19(1)"), "%s",
                  str(j, "detail"));
    char ends[40];
    snprintf(ends, sizeof ends, "%sT09:00:00+07:00", d1);
    ck_assert_str_eq(str(j, "arrest_ends_at"), ends);
    json_decref(j);
    /* the prosecutor does not detain for the investigator */
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    /* with its hour: 08:59 is within the day, 09:01 is not */
    snprintf(at, sizeof at, "%sT08:59:00+07:00", d1);
    json_decref(detain_at(id, demo.inv, s[0], at, NULL, 201));
    snprintf(at, sizeof at, "%sT09:01:00+07:00", d1);
    j = detain_at(id, demo.inv, s[1], at, NULL, 422);
    ck_assert(missing_has_code(j, "arrest_period"));
    json_decref(j);
    /* dated the arrest's own day, the date shows it within the hours */
    long long t[2];
    long long id2 = detention_case(demo.inv, demo.kejari_plg, d3, t);
    snprintf(at, sizeof at, "%sT09:00:00+07:00", d2);
    arrest_at(id2, demo.inv, t[0], at);
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"date\":\"%s\",\"party_id\":%lld,\"detention_type\":"
             "\"rutan\",\"polri_order\":\"SP.Han/13/2026\"}",
             d2, t[0]);
    json_decref(post(id2, demo.inv, body, 201));
}
END_TEST

/* ---- the SPDP's recipients (issue 13.8) ----------------------------------------------------- */

/* The review item's notice of `code` for party (0: the case's), or NULL. */
static json_t *notice_of(json_t *it, const char *code, long long party)
{
    size_t i;
    json_t *n;
    json_array_foreach(json_object_get(it, "notices"), i, n)
    {
        long long p = json_integer_value(json_object_get(json_object_get(n, "party"), "id"));
        if (strcmp(str(n, "code"), code) == 0 && p == party)
            return n;
    }
    return NULL;
}

START_TEST(test_each_spdp_recipient_is_a_delivery_with_its_own_day)
{
    /* KUHAP 109(1) jo. MK 130/PUU-XIII/2015: the prosecutor, the reported
     * person and the reporter/victim have the SPDP within 7 days of the
     * Sprindik; Permenkumham 39/2021 Pasal 27: Korwas PPNS, each suspect, and
     * for a foreign suspect his representation through Kemlu.  Sprindik ten
     * days ago (day 0): due three days ago (day 7). */
    char d10[11], d9[11], d8[11], d1[11], body[640], x[160];
    days_ago(10, d10);
    days_ago(9, d9);
    days_ago(8, d8);
    days_ago(1, d1);
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, d10, s); /* two Vietnamese */
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *pp =
        call("POST", path, demo.inv,
             "{\"kind\":\"suspect\",\"name\":\"BUDI SANTOSO\",\"nationality\":\"ID\"}", 201);
    long long indo = json_integer_value(json_object_get(pp, "id"));
    json_decref(pp);
    /* the reporter: MK 130/2015 owes the SPDP to one the file has (a party of kind reporter) */
    json_decref(call("POST", path, demo.inv,
                     "{\"kind\":\"reporter\",\"name\":\"Pengelola Hotel Melati\"}", 201));
    long long all[3] = {s[0], s[1], indo};
    for (int k = 0; k < 3; k++) {
        snprintf(x, sizeof x, "\"party_id\":%lld", all[k]);
        rec_on(id, demo.inv, "suspect_designated", d10, x);
    }
    /* a delivery before any SPDP of the Sprindik: the SPDP is missing */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_korwas\","
             "\"received_by\":\"Kasubdit Korwas\"}",
             d9);
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(missing_has_code(j, "spdp_sent"));
    json_decref(j);
    rec_on(id, demo.inv, "spdp_sent", d9, "\"recipient\":\"kejari\"");
    /* bad input, nothing written: an unknown recipient, a suspect's copy
     * without the suspect or to a witness, no receiver */
    long long w = add_party(id, "witness", "SAKSI W");
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_tetangga\","
             "\"received_by\":\"X\"}",
             d8);
    j = refused(id, demo.inv, body, 400, "bad-input", "recipient");
    ck_assert_ptr_nonnull(strstr(str(j, "detail"), "spdp_korwas"));
    json_decref(j);
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":"
             "\"spdp_tersangka\",\"received_by\":\"X\"}",
             d8);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "party_id"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":"
             "\"spdp_perwakilan_negara\",\"party_id\":%lld,\"received_by\":\"X\"}",
             d8, w);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "party_id"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_korwas\"}", d8);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "received_by"));
    /* dated before the SPDP itself: refused naming both dates */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_kejari\","
             "\"received_by\":\"PTSP Kejari\"}",
             d10);
    j = refused(id, demo.inv, body, 422, "date-order", "date");
    ck_assert_msg(strstr(str(j, "detail"), d10) && strstr(str(j, "detail"), d9) &&
                      strstr(str(j, "detail"), "SPDP"),
                  "%s", str(j, "detail"));
    json_decref(j);
    /* the prosecutor and the supervisor do not record the investigator's deliveries */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_kejari\","
             "\"received_by\":\"PTSP Kejari\"}",
             d8);
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    json_decref(refused(id, sup, body, 403, "forbidden", NULL));
    /* the Kejari on day 2, suspect A on day 2: in time; Korwas on day 9: late */
    json_decref(post(id, demo.inv, body, 201));
    snprintf(x, sizeof x,
             "\"recipient\":\"spdp_tersangka\",\"party_id\":%lld,"
             "\"received_by\":\"Tersangka sendiri\"",
             s[0]);
    rec_on(id, demo.inv, "letter_delivered", d8, x);
    rec_on(id, demo.inv, "letter_delivered", d1,
           "\"recipient\":\"spdp_korwas\",\"received_by\":\"Kasubdit Korwas\"");
    json_t *c = get_case(id, demo.inv);
    json_t *k = clock_for(c, "spdp_to_kejari", 0);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(str(k, "state"), "ok");
    ck_assert_str_eq(str(k, "recipient"), "spdp_kejari");
    ck_assert_str_eq(str(json_object_get(k, "delivered"), "on"), d8);
    ck_assert_str_eq(str(json_object_get(k, "delivered"), "received_by"), "PTSP Kejari");
    k = clock_for(c, "spdp_to_korwas", 0);
    ck_assert(json_is_false(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_str_eq(str(json_object_get(k, "delivered"), "on"), d1);
    ck_assert_ptr_nonnull(strstr(str(k, "basis"), "27(2)"));
    k = clock_for(c, "spdp_to_pelapor", 0);
    ck_assert(json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_str_eq(str(clock_for(c, "spdp_to_tersangka", s[0]), "state"), "ok");
    ck_assert_str_eq(str(clock_for(c, "spdp_to_tersangka", s[1]), "state"), "overdue");
    ck_assert_str_eq(str(clock_for(c, "spdp_to_tersangka", indo), "state"), "overdue");
    ck_assert_ptr_nonnull(clock_for(c, "spdp_to_perwakilan_negara", s[0]));
    ck_assert_ptr_null(clock_for(c, "spdp_to_perwakilan_negara", indo)); /* an Indonesian */
    json_decref(c);
    /* the supervisor's list names each recipient still owed it, and the late one */
    json_t *list;
    json_t *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "case %lld not in the review list", id);
    ck_assert_ptr_nonnull(notice_of(it, "spdp_to_pelapor", 0));
    ck_assert_ptr_nonnull(notice_of(it, "spdp_to_tersangka", s[1]));
    ck_assert_ptr_nonnull(notice_of(it, "spdp_to_tersangka", indo));
    ck_assert_ptr_nonnull(notice_of(it, "spdp_to_perwakilan_negara", s[0]));
    ck_assert_ptr_nonnull(notice_of(it, "spdp_to_perwakilan_negara", s[1]));
    ck_assert_ptr_null(notice_of(it, "spdp_to_kejari", 0));
    ck_assert_ptr_null(notice_of(it, "spdp_to_tersangka", s[0]));
    ck_assert_ptr_null(notice_of(it, "spdp_to_perwakilan_negara", indo));
    json_t *late = notice_of(it, "spdp_to_korwas", 0);
    ck_assert_ptr_nonnull(late);
    ck_assert(json_is_true(json_object_get(late, "late")));
    ck_assert_str_eq(str(late, "delivered_on"), d1);
    ck_assert_ptr_nonnull(strstr(str(late, "label"), "Korwas"));
    json_t *owed = notice_of(it, "spdp_to_pelapor", 0);
    ck_assert_str_eq(str(owed, "state"), "overdue");
    ck_assert(!json_is_true(json_object_get(owed, "late")));
    json_decref(list);
}
END_TEST

START_TEST(test_spdp_recipients_count_the_offices_day_and_the_new_codes_rules)
{
    /* a Sprindik on 2 January 2026 runs under UU 20/2025: the recipients
     * are the same, marked to verify (DOMAIN.md 9.1); one on 1 January is
     * KUHAP 1981's, certain.  A WIT office counts its own calendar. */
    free(sql_value(demo.db,
                   "UPDATE app.offices SET tz = 'Asia/Jayapura' WHERE code = 'KANIM-PTK' "
                   "RETURNING code",
                   0, NULL));
    char *inv_ptk = api_login(demo.port, NIP_INV_PTK, DEMO_PW);
    ck_assert_ptr_nonnull(inv_ptk);
    long long kj = demo_server_office(&demo, "KEJARI-PTK");
    long long nu = open_case_on(inv_ptk, kj, "2025-12-30");
    rec_on(nu, inv_ptk, "sprindik_issued", "2026-01-02", NULL);
    long long old = open_case_on(inv_ptk, kj, "2025-12-30");
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", old);
    /* a victim, owed the SPDP (MK 130/PUU-XIII/2015) */
    json_decref(call("POST", path, inv_ptk, "{\"kind\":\"victim\",\"name\":\"Korban\"}", 201));
    rec_on(old, inv_ptk, "sprindik_issued", "2026-01-01", NULL);
    rec_on(old, inv_ptk, "spdp_sent", "2026-01-02", "\"recipient\":\"kejari\"");
    /* 23:30 WIT on day 7 (8 January): in time; 00:30 WIT on day 8: late */
    rec_on(old, inv_ptk, "letter_delivered", "2026-01-08T23:30:00+09:00",
           "\"recipient\":\"spdp_korwas\",\"received_by\":\"Korwas Polda Papua\"");
    rec_on(old, inv_ptk, "letter_delivered", "2026-01-09T00:30:00+09:00",
           "\"recipient\":\"spdp_pelapor\",\"received_by\":\"Pelapor\"");
    json_t *c = get_case(nu, inv_ptk);
    json_t *k = clock_for(c, "spdp_to_korwas", 0);
    ck_assert_str_eq(str(k, "regime"), "KUHAP-2025");
    ck_assert(json_is_true(json_object_get(k, "to_verify")));
    ck_assert_str_eq(str(k, "due_date"), "2026-01-09");
    json_decref(c);
    c = get_case(old, inv_ptk);
    k = clock_for(c, "spdp_to_korwas", 0);
    ck_assert_str_eq(str(k, "regime"), "KUHAP-1981");
    ck_assert(json_is_false(json_object_get(k, "to_verify")));
    ck_assert_str_eq(str(k, "state"), "ok");
    ck_assert_str_eq(str(clock_for(c, "spdp_to_pelapor", 0), "state"), "overdue");
    json_decref(c);
    free(sql_value(demo.db,
                   "UPDATE app.offices SET tz = 'Asia/Jakarta' WHERE code = 'KANIM-PTK' "
                   "RETURNING code",
                   0, NULL));
    free(inv_ptk);
}
END_TEST

/* ---- an interpreter sworn before the BAP (issue 13.9) ---------------------------------------- */

START_TEST(test_tahap1_is_refused_naming_a_suspect_examined_without_a_sworn_interpreter)
{
    /* KUHAP 53, 177: a suspect who does not speak Indonesian is examined
     * through an interpreter sworn before it; the file does not go to the
     * prosecutor without it.  An Indonesian-speaking suspect needs none. */
    char d6[11], d5[11], d4[11], at[40], body[512], path[64];
    days_ago(6, d6);
    days_ago(5, d5);
    days_ago(4, d4);
    long long id = open_case_on(demo.inv, demo.kejari_plg, d6);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"NGUYEN VAN T\",\"nationality\":\"VN\","
                     "\"language\":\"Vietnam\"}",
                     201);
    long long vn = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    p = call("POST", path, demo.inv,
             "{\"kind\":\"suspect\",\"name\":\"SITI AMINAH\",\"nationality\":\"MY\","
             "\"language\":\"Bahasa Indonesia\"}",
             201);
    long long my = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "122", vn);
    charge(id, "122", my);
    rec_on(id, demo.inv, "sprindik_issued", d6, NULL);
    rec_on(id, demo.inv, "spdp_sent", d6, "\"recipient\":\"kejari\"");
    long long both[2] = {vn, my};
    for (int k = 0; k < 2; k++) {
        char x[96];
        snprintf(x, sizeof x, "\"party_id\":%lld", both[k]);
        rec_on(id, demo.inv, "suspect_designated", d6, x);
        snprintf(x, sizeof x, "\"bap\":\"tersangka\",\"party_id\":%lld", both[k]);
        snprintf(at, sizeof at, "%sT10:00:00+07:00", d5);
        rec_on(id, demo.inv, "bap_recorded", at, x);
    }
    rec_on(id, demo.inv, "resume_written", d4, NULL);
    /* sworn an hour after his BAP: too late */
    char x[64];
    snprintf(x, sizeof x, "\"party_id\":%lld", vn);
    snprintf(at, sizeof at, "%sT11:00:00+07:00", d5);
    rec_on(id, demo.inv, "interpreter_sworn", at, x);
    snprintf(body, sizeof body, "{\"type\":\"tahap1_sent\",\"date\":\"%s\"}", d4);
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(missing_has_code(j, "interpreter_sworn"));
    ck_assert_msg(strstr(str(j, "detail"), "NGUYEN VAN T"), "%s", str(j, "detail"));
    ck_assert_msg(!strstr(str(j, "detail"), "SITI AMINAH"), "%s", str(j, "detail"));
    json_t *named = json_object_get(j, "suspects");
    ck_assert_uint_eq(json_array_size(named), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(named, 0), "id")), vn);
    ck_assert_ptr_nonnull(
        strstr(str(json_array_get(json_object_get(j, "hints"), 0), "how"), "interpreter_sworn"));
    json_decref(j);
    /* the prosecutor does not send the investigator's file */
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    /* the oath recorded as it was, half an hour before the BAP: the file goes */
    snprintf(at, sizeof at, "%sT09:30:00+07:00", d5);
    rec_on(id, demo.inv, "interpreter_sworn", at, x);
    json_t *ok = post(id, demo.inv, body, 201);
    ck_assert_str_eq(str(ok, "stage"), "with_prosecutor");
    json_decref(ok);
}
END_TEST

/* A correction of oath `oath` with extra members (its instant...), or its withdrawal (NULL). */
static void oath_correction(char *body, size_t size, long long oath, const char *extra)
{
    snprintf(body, size,
             "{\"type\":\"corrected\",\"corrects\":%lld,%s,\"note\":\"koreksi sumpah "
             "penerjemah\"}",
             oath, extra ? extra : "\"date\":\"2026-03-06\",\"withdraws\":true");
}

START_TEST(test_the_oath_a_suspects_bap_rests_on_is_not_pulled_from_under_it)
{
    /* KUHAP 53, 177: the suspect who does not speak Indonesian is examined through an
     * interpreter sworn before it - his BAP rests on that oath.  Withdrawing it, or moving it
     * after the BAP, is refused while his BAP stands (422, naming the BAP, nothing written); an
     * oath sworn for a suspect who speaks Indonesian protects nothing; another oath of his
     * before the BAP, or the BAP withdrawn first, frees it */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-03-01");
    char path[64], x[96], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"NGUYEN VAN T\",\"nationality\":\"VN\","
                     "\"language\":\"Vietnam\"}",
                     201);
    long long vn = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    p = call("POST", path, demo.inv,
             "{\"kind\":\"suspect\",\"name\":\"SITI AMINAH\",\"nationality\":\"MY\","
             "\"language\":\"Bahasa Indonesia\"}",
             201);
    long long my = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "122", vn);
    charge(id, "122", my);
    rec_on(id, demo.inv, "sprindik_issued", "2026-03-01", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2026-03-02", "\"recipient\":\"kejari\"");
    snprintf(x, sizeof x, "\"party_id\":%lld", vn);
    rec_on(id, demo.inv, "suspect_designated", "2026-03-03", x);
    long long oath = rec_on(id, demo.inv, "interpreter_sworn", "2026-03-04T09:00:00+07:00", x);
    snprintf(x, sizeof x, "\"bap\":\"tersangka\",\"party_id\":%lld", vn);
    long long bap = rec_on(id, demo.inv, "bap_recorded", "2026-03-04T10:00:00+07:00", x);
    snprintf(x, sizeof x, "\"party_id\":%lld", my);
    rec_on(id, demo.inv, "suspect_designated", "2026-03-03", x);
    long long needless = rec_on(id, demo.inv, "interpreter_sworn", "2026-03-04T09:00:00+07:00", x);
    snprintf(x, sizeof x, "\"bap\":\"tersangka\",\"party_id\":%lld", my);
    rec_on(id, demo.inv, "bap_recorded", "2026-03-04T11:00:00+07:00", x);
    /* withdrawn under his BAP */
    oath_correction(body, sizeof body, oath, NULL);
    json_t *j = refused(id, demo.inv, body, 422, "dependent-act", "corrects");
    char want[96];
    snprintf(want, sizeof want, "tarik dulu BAP tersangka itu (peristiwa %lld)", bap);
    ck_assert_msg(strstr(str(j, "detail"), want), "%s", str(j, "detail"));
    ck_assert_msg(strstr(str(j, "detail"), "KUHAP 53, 177"), "%s", str(j, "detail"));
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "act"), "id")), bap);
    json_decref(j);
    /* another office's investigator does not see the case; the prosecutor does not correct */
    char *inv_ptk = api_login(demo.port, NIP_INV_PTK, DEMO_PW);
    ck_assert_ptr_nonnull(inv_ptk);
    json_decref(refused(id, inv_ptk, body, 404, "not-found", NULL));
    free(inv_ptk);
    json_decref(refused(id, demo.pros, body, 403, "forbidden", NULL));
    /* moved after his BAP, or to the other suspect */
    oath_correction(body, sizeof body, oath, "\"at\":\"2026-03-04T10:30:00+07:00\"");
    json_decref(refused(id, demo.inv, body, 422, "date-order", "at"));
    snprintf(x, sizeof x, "\"at\":\"2026-03-04T09:00:00+07:00\",\"party_id\":%lld", my);
    oath_correction(body, sizeof body, oath, x);
    json_decref(refused(id, demo.inv, body, 422, "date-order", "at"));
    /* a correction restates the act: without his party_id the oath is no one's */
    oath_correction(body, sizeof body, oath, "\"at\":\"2026-03-04T08:30:00+07:00\"");
    j = refused(id, demo.inv, body, 422, "date-order", "at");
    ck_assert_msg(strstr(str(j, "detail"), "party_id"), "%s", str(j, "detail"));
    json_decref(j);
    /* re-dated, his, still before it: recorded */
    snprintf(x, sizeof x, "\"at\":\"2026-03-04T08:30:00+07:00\",\"party_id\":%lld", vn);
    oath_correction(body, sizeof body, oath, x);
    json_decref(post(id, demo.inv, body, 201));
    /* the Indonesian-speaking suspect's oath protects nothing */
    oath_correction(body, sizeof body, needless, NULL);
    json_decref(post(id, demo.inv, body, 201));
    /* a second oath of his before the BAP: the first may go, the second then may not */
    snprintf(x, sizeof x, "\"party_id\":%lld", vn);
    long long again = rec_on(id, demo.inv, "interpreter_sworn", "2026-03-04T09:30:00+07:00", x);
    oath_correction(body, sizeof body, oath, NULL);
    json_decref(post(id, demo.inv, body, 201));
    oath_correction(body, sizeof body, again, NULL);
    json_decref(refused(id, demo.inv, body, 422, "dependent-act", "corrects"));
    /* the BAP withdrawn first, its oath then may be */
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"2026-03-06\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"BAP dicatat keliru\"}",
             bap);
    json_decref(post(id, demo.inv, body, 201));
    oath_correction(body, sizeof body, again, NULL);
    json_decref(post(id, demo.inv, body, 201));
}
END_TEST

START_TEST(test_a_suspects_bap_is_not_moved_before_the_oath_it_rests_on)
{
    /* KUHAP 53, 177: the suspect who does not speak Indonesian is examined through an
     * interpreter sworn BEFORE the examination.  His BAP re-dated before the oath, or
     * restated as another foreign suspect's who has none, would stand unsworn: refused as
     * its first recording would be (422, nothing written); re-dated still after the oath,
     * recorded */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-03-01");
    char path[64], x[160], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"NGUYEN VAN T\",\"nationality\":\"VN\","
                     "\"language\":\"Vietnam\"}",
                     201);
    long long vn = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    p = call("POST", path, demo.inv,
             "{\"kind\":\"suspect\",\"name\":\"LI WEI\",\"nationality\":\"CN\","
             "\"language\":\"Mandarin\"}",
             201);
    long long cn = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    charge(id, "122", vn);
    charge(id, "122", cn);
    rec_on(id, demo.inv, "sprindik_issued", "2026-03-01", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2026-03-02", "\"recipient\":\"kejari\"");
    snprintf(x, sizeof x, "\"party_id\":%lld", vn);
    rec_on(id, demo.inv, "suspect_designated", "2026-03-03", x);
    rec_on(id, demo.inv, "interpreter_sworn", "2026-03-04T09:00:00+07:00", x);
    snprintf(x, sizeof x, "\"party_id\":%lld", cn);
    rec_on(id, demo.inv, "suspect_designated", "2026-03-03", x);
    snprintf(x, sizeof x, "\"bap\":\"tersangka\",\"party_id\":%lld", vn);
    long long bap = rec_on(id, demo.inv, "bap_recorded", "2026-03-04T10:00:00+07:00", x);
    long long before = events_of(id);
    /* re-dated to 08:00, before the oath of 09:00 */
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-03-04T08:00:00+07:00\","
             "\"bap\":\"tersangka\",\"party_id\":%lld,\"note\":\"jam pemeriksaan keliru\"}",
             bap, vn);
    json_t *j = post(id, demo.inv, body, 422);
    ck_assert_msg(strstr(str(j, "detail"), "KUHAP 53") || strstr(str(j, "detail"), "juru bahasa") ||
                      strstr(str(j, "detail"), "penerjemah"),
                  "%s", str(j, "detail"));
    json_decref(j);
    /* restated as the Chinese suspect's, who was never sworn an interpreter */
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-03-04T10:00:00+07:00\","
             "\"bap\":\"tersangka\",\"party_id\":%lld,\"note\":\"salah tersangka\"}",
             bap, cn);
    json_decref(post(id, demo.inv, body, 422));
    ck_assert_int_eq(events_of(id), before); /* nothing written */
    /* re-dated to 11:00, still after the oath: recorded */
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%lld,\"at\":\"2026-03-04T11:00:00+07:00\","
             "\"bap\":\"tersangka\",\"party_id\":%lld,\"note\":\"jam pemeriksaan keliru\"}",
             bap, vn);
    json_decref(post(id, demo.inv, body, 201));
}
END_TEST

/* ---- P-17 from the prosecutor's receipt of the SPDP (DOMAIN 5.2 D14) ---------------------- */

/* The running or stopped p17 clock of case id as the case page shows it: start, due date. */
static void p17_is(long long id, const char *start, const char *due, const char *state,
                   bool running)
{
    json_t *c = get_case(id, demo.inv);
    json_t *k = clock_of(c, "p17");
    ck_assert_msg(k != NULL, "case %lld: no p17 clock", id);
    ck_assert_str_eq(str(k, "start"), start);
    ck_assert_str_eq(str(k, "due_date"), due);
    ck_assert_str_eq(str(k, "state"), state);
    ck_assert_int_eq(json_is_true(json_object_get(k, "running")), running);
    ck_assert_str_eq(str(k, "actor"), "prosecutor");
    json_decref(c);
}

START_TEST(test_p17_counts_from_the_prosecutors_receipt_of_the_spdp)
{
    /* DOMAIN D14: the PU sends P-17 when no file came ~30 days (p17_days, UNCERTAIN) after it
     * RECEIVED the SPDP.  Day 0 is the receipt's day (as "within 7 days" of a Sprindik):
     * sent 1 March 2026, received 10 March -> 30 days -> 9 April is the last day in time.
     * While no receipt is recorded, it counts from the sending: 31 March. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-02-20");
    rec_on(id, demo.inv, "sprindik_issued", "2026-02-25", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2026-03-01", "\"recipient\":\"kejari\"");
    /* its other recipients (Permenkumham 39/2021 Pasal 27) signed for it that day: a notice
     * owed past its day would be the investigator's deadline before the P-17 */
    rec_on(id, demo.inv, "letter_delivered", "2026-03-01",
           "\"recipient\":\"spdp_korwas\",\"received_by\":\"Korwas PPNS\"");
    rec_on(id, demo.inv, "letter_delivered", "2026-03-01",
           "\"recipient\":\"spdp_pelapor\",\"received_by\":\"Pelapor\"");
    p17_is(id, "2026-03-01", "2026-03-31", "overdue", true);
    long long receipt = rec_on(id, demo.pros, "spdp_received_by_pu", "2026-03-10", NULL);
    ck_assert_int_gt(receipt, 0);
    p17_is(id, "2026-03-10", "2026-04-09", "overdue", true);
    /* registered again on 20 March: refused (one receipt for one SPDP), the first counts */
    json_decref(refused(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2026-03-20\"}",
                        409, "conflict", "type"));
    p17_is(id, "2026-03-10", "2026-04-09", "overdue", true);
    /* an act of the investigator's after it (no file): the review list's reason is the P-17,
     * overdue since 10 April, the prosecutor's to act on */
    rec_on(id, demo.inv, "letter_delivered", "2026-04-01", "\"note\":\"surat biasa\"");
    json_t *list, *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "case %lld not in the review list", id);
    json_t *why = json_object_get(it, "reason");
    ck_assert_str_eq(str(why, "code"), "p17");
    ck_assert_str_eq(str(why, "due_date"), "2026-04-09");
    ck_assert_str_eq(str(why, "state"), "overdue");
    ck_assert_str_eq(str(why, "actor"), "prosecutor");
    json_decref(list);
    /* the P-17 received on 15 April stops it, late: after 9 April */
    rec_on(id, demo.pros, "p17_received", "2026-04-15", NULL);
    p17_is(id, "2026-03-10", "2026-04-09", "overdue", false);
}
END_TEST

/* Whether the review list names the notice code for case id; when it does, the notice is
 * overdue, due on due and owed to the party (no check when due is NULL). */
static bool notice_listed(long long id, const char *code, long long party, const char *due)
{
    json_t *list, *it = review_item_of(id, sup, &list), *n;
    ck_assert_msg(it != NULL, "case %lld not in the review list", id);
    bool seen = false;
    size_t i;
    json_array_foreach(json_object_get(it, "notices"), i, n)
    {
        if (strcmp(str(n, "code"), code) != 0)
            continue;
        seen = true;
        if (!due)
            continue;
        ck_assert_str_eq(str(n, "state"), "overdue");
        ck_assert_str_eq(str(n, "due_date"), due);
        ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(n, "party"), "id")),
                         party);
    }
    json_decref(list);
    return seen;
}

/* ---- DOMAIN D15: the suspect told of his designation (UU 20/2025 Pasal 90) ----------------- */

START_TEST(test_a_designation_under_uu_20_2025_owes_the_suspect_a_notice_in_1_day)
{
    /* designated 5 January 2026: told by 6 January (day 0 the designation's date); not told,
     * the review list names it overdue for him; a letter dated before the designation is
     * refused; told on 6 January: met.  Designated 10 December 2025 (KUHAP 1981): no clock. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-01-03");
    rec_on(id, demo.inv, "sprindik_issued", "2026-01-04", NULL);
    long long s = add_party(id, "suspect", "TRAN VAN D");
    char x[160], body[512];
    snprintf(x, sizeof x, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-01-05", x);
    json_t *c = get_case(id, demo.inv);
    json_t *k = clock_for(c, "designation_notice", s);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(str(k, "start"), "2026-01-05");
    ck_assert_str_eq(str(k, "due_date"), "2026-01-06");
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_str_eq(str(k, "recipient"), "penetapan_tersangka");
    ck_assert_ptr_nonnull(strstr(str(k, "basis"), "Pasal 90"));
    ck_assert(json_is_true(json_object_get(k, "to_verify")));
    json_decref(c);
    ck_assert_msg(notice_listed(id, "designation_notice", s, "2026-01-06"),
                  "designation_notice not listed");
    /* a letter dated before the designation it tells of: refused, nothing written */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-01-04\",\"recipient\":"
             "\"penetapan_tersangka\",\"party_id\":%lld,\"received_by\":\"Tersangka\"}",
             s);
    json_decref(refused(id, demo.inv, body, 422, "date-order", "date"));
    /* without the suspect: refused */
    json_decref(refused(id, demo.inv,
                        "{\"type\":\"letter_delivered\",\"date\":\"2026-01-06\",\"recipient\":"
                        "\"penetapan_tersangka\",\"received_by\":\"Tersangka\"}",
                        400, "bad-input", "party_id"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-01-06\",\"recipient\":"
             "\"penetapan_tersangka\",\"party_id\":%lld,\"received_by\":\"Tersangka\"}",
             s);
    json_decref(post(id, demo.inv, body, 201));
    c = get_case(id, demo.inv);
    k = clock_for(c, "designation_notice", s);
    ck_assert(json_is_false(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "ok");
    ck_assert_str_eq(str(json_object_get(k, "delivered"), "on"), "2026-01-06");
    json_decref(c);
    ck_assert_msg(!notice_listed(id, "designation_notice", 0, NULL),
                  "designation_notice still listed");

    long long old = open_case_on(demo.inv, demo.kejari_plg, "2025-12-01");
    rec_on(old, demo.inv, "sprindik_issued", "2025-12-02", NULL);
    long long t = add_party(old, "suspect", "TRAN VAN E");
    snprintf(x, sizeof x, "\"party_id\":%lld", t);
    rec_on(old, demo.inv, "suspect_designated", "2025-12-10", x);
    c = get_case(old, demo.inv);
    ck_assert_ptr_null(clock_for(c, "designation_notice", t));
    json_decref(c);
}
END_TEST

/* ---- DOMAIN D16: a copy of the suspect's BAP to him (UU 20/2025 as reported) -------------- */

START_TEST(test_a_suspects_bap_under_uu_20_2025_owes_him_its_copy_in_1_day)
{
    /* examined 5 February 2026: the copy by 6 February (day 0 the BAP's date); none given, the
     * review list names it overdue for him; a letter dated before the BAP is refused; given on 6
     * February: met.  A witness's BAP owes none; a suspect examined in December 2025 (KUHAP
     * 1981): no clock. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-02-01");
    rec_on(id, demo.inv, "sprindik_issued", "2026-02-02", NULL);
    long long s = add_party(id, "suspect", "TRAN VAN F");
    long long w = add_party(id, "witness", "SAKSI SATU");
    char x[160], body[512];
    snprintf(x, sizeof x, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-02-03", x);
    snprintf(x, sizeof x, "\"party_id\":%lld,\"bap\":\"saksi\"", w);
    rec_on(id, demo.inv, "bap_recorded", "2026-02-04", x);
    json_t *c = get_case(id, demo.inv);
    ck_assert_ptr_null(clock_for(c, "bap_copy", w));
    json_decref(c);
    snprintf(x, sizeof x, "\"party_id\":%lld,\"bap\":\"tersangka\"", s);
    rec_on(id, demo.inv, "bap_recorded", "2026-02-05", x);
    c = get_case(id, demo.inv);
    json_t *k = clock_for(c, "bap_copy", s);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(str(k, "start"), "2026-02-05");
    ck_assert_str_eq(str(k, "due_date"), "2026-02-06");
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_str_eq(str(k, "recipient"), "salinan_bap");
    ck_assert_ptr_nonnull(strstr(str(k, "basis"), "UU 20/2025"));
    ck_assert(json_is_true(json_object_get(k, "to_verify")));
    json_decref(c);
    ck_assert_msg(notice_listed(id, "bap_copy", s, "2026-02-06"), "bap_copy not listed");
    /* a copy dated before the BAP it copies: refused, nothing written */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-02-04\",\"recipient\":"
             "\"salinan_bap\",\"party_id\":%lld,\"received_by\":\"Tersangka\"}",
             s);
    json_decref(refused(id, demo.inv, body, 422, "date-order", "date"));
    /* without the suspect, or without who received it: refused */
    json_decref(refused(id, demo.inv,
                        "{\"type\":\"letter_delivered\",\"date\":\"2026-02-06\",\"recipient\":"
                        "\"salinan_bap\",\"received_by\":\"Tersangka\"}",
                        400, "bad-input", "party_id"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-02-06\",\"recipient\":"
             "\"salinan_bap\",\"party_id\":%lld}",
             s);
    json_decref(refused(id, demo.inv, body, 400, "bad-input", "received_by"));
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-02-06\",\"recipient\":"
             "\"salinan_bap\",\"party_id\":%lld,\"received_by\":\"Tersangka\"}",
             s);
    json_decref(post(id, demo.inv, body, 201));
    c = get_case(id, demo.inv);
    k = clock_for(c, "bap_copy", s);
    ck_assert(json_is_false(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "ok");
    ck_assert_str_eq(str(json_object_get(k, "delivered"), "on"), "2026-02-06");
    json_decref(c);
    ck_assert_msg(!notice_listed(id, "bap_copy", 0, NULL), "bap_copy still listed");

    long long old = open_case_on(demo.inv, demo.kejari_plg, "2025-12-01");
    rec_on(old, demo.inv, "sprindik_issued", "2025-12-02", NULL);
    long long t = add_party(old, "suspect", "TRAN VAN G");
    snprintf(x, sizeof x, "\"party_id\":%lld", t);
    rec_on(old, demo.inv, "suspect_designated", "2025-12-03", x);
    snprintf(x, sizeof x, "\"party_id\":%lld,\"bap\":\"tersangka\"", t);
    rec_on(old, demo.inv, "bap_recorded", "2025-12-10", x);
    c = get_case(old, demo.inv);
    ck_assert_ptr_null(clock_for(c, "bap_copy", t));
    json_decref(c);
}
END_TEST

/* The copy of his first examination, given the next day, may be entered after his second: it
 * follows a BAP of his, not necessarily the latest (found in review: it was refused as dated
 * before the latest). */
START_TEST(test_the_copy_of_his_first_bap_entered_after_his_second_is_recorded)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-02-01");
    rec_on(id, demo.inv, "sprindik_issued", "2026-02-02", NULL);
    long long s = add_party(id, "suspect", "TRAN VAN H");
    char x[160], body[512];
    snprintf(x, sizeof x, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "suspect_designated", "2026-02-03", x);
    snprintf(x, sizeof x, "\"party_id\":%lld,\"bap\":\"tersangka\"", s);
    rec_on(id, demo.inv, "bap_recorded", "2026-02-05", x);
    rec_on(id, demo.inv, "bap_recorded", "2026-02-20", x);
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-02-06\",\"recipient\":"
             "\"salinan_bap\",\"party_id\":%lld,\"received_by\":\"Tersangka\"}",
             s);
    json_decref(post(id, demo.inv, body, 201));
    /* before his first examination it still copies nothing: refused */
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"2026-02-04\",\"recipient\":"
             "\"salinan_bap\",\"party_id\":%lld,\"received_by\":\"Tersangka\"}",
             s);
    json_decref(refused(id, demo.inv, body, 422, "date-order", "date"));
}
END_TEST

/* ---- the prosecutor's side of the SPDP (DOMAIN 4.4, 6: P-16, P-17, D14) ------------------- */

/* A case of 2025 (KUHAP 1981) whose SPDP was sent on 3 March 2025. */
static long long spdp_sent_2025(void)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2025-03-01");
    rec_on(id, demo.inv, "sprindik_issued", "2025-03-02", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2025-03-03", "\"recipient\":\"kejari\"");
    return id;
}

/* The prosecutor of Palembang asks for case id: 200 once it was disclosed to his Kejari, else
 * 404 (want). */
static void pu_sees(long long id, long want)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_decref(call("GET", path, demo.pros, NULL, want));
}

START_TEST(test_only_the_spdp_to_the_prosecutor_is_the_spdp_sent)
{
    /* KUHAP 109(1) jo. MK 130/PUU-XIII/2015 (DOMAIN 4.4, D1): the SPDP must reach the PU
     * within 7 days of the Sprindik; its copies to Korwas (Permenkumham 39/2021 Pasal 27(2)),
     * the reporter or victim, the suspect and his family (27(3)), a foreigner's embassy (27(6))
     * are other duties.  An SPDP names its addressee, one of the law's: an unknown one or
     * none is refused (400 naming recipient and listing the addressees), nothing recorded.
     * One to Korwas is recorded but is not the SPDP sent: the 7-day spdp clock still runs, no
     * P-17 clock, the file is not disclosed to the Kejari (its prosecutor cannot see it), the
     * fact spdp_sent stays false.  The one to the Kejari is. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-30");
    rec_on(id, demo.inv, "sprindik_issued", "2026-12-01", NULL);
    json_t *j = refused(id, demo.inv,
                        "{\"type\":\"spdp_sent\",\"date\":\"2026-12-03\",\"recipient\":\"zzz\"}",
                        400, "bad-input", "recipient");
    const char *d = str(j, "detail");
    ck_assert_msg(strstr(d, "zzz") && strstr(d, "kejari") && strstr(d, "korwas") &&
                      strstr(d, "reporter") && strstr(d, "suspect") && strstr(d, "family") &&
                      strstr(d, "embassy"),
                  "%s", d);
    json_decref(j);
    j = refused(id, demo.inv, "{\"type\":\"spdp_sent\",\"date\":\"2026-12-03\"}", 400, "bad-input",
                "recipient");
    ck_assert_msg(strstr(str(j, "detail"), "kejari"), "%s", str(j, "detail"));
    json_decref(j);
    rec_on(id, demo.inv, "spdp_sent", "2026-12-03", "\"recipient\":\"korwas\"");
    json_t *c = get_case(id, demo.inv);
    ck_assert(!json_is_true(json_object_get(json_object_get(c, "facts"), "spdp_sent")));
    ck_assert(!json_is_true(json_object_get(c, "disclosed_to_kejari")));
    json_t *k = clock_of(c, "spdp");
    ck_assert_ptr_nonnull(k);
    ck_assert(json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "due_date"), "2026-12-08");
    ck_assert_ptr_null(clock_of(c, "p17"));
    json_decref(c);
    pu_sees(id, 404);
    /* the SPDP to the Kejari: sent, its clock stopped, the P-17's from it, disclosed */
    rec_on(id, demo.inv, "spdp_sent", "2026-12-04", "\"recipient\":\"kejari\"");
    c = get_case(id, demo.inv);
    ck_assert(json_is_true(json_object_get(json_object_get(c, "facts"), "spdp_sent")));
    ck_assert(json_is_true(json_object_get(c, "disclosed_to_kejari")));
    k = clock_of(c, "spdp");
    ck_assert(!json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "stopped_by"), "spdp_sent");
    ck_assert_str_eq(str(k, "state"), "ok");
    k = clock_of(c, "p17");
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(str(k, "start"), "2026-12-04");
    json_decref(c);
    pu_sees(id, 200);
    rec_on(id, demo.pros, "spdp_received_by_pu", "2026-12-05", NULL);
}
END_TEST

/* Whether the case is among the SPDPs on the prosecutor's desk (GET /inbox?kind=spdp). */
static bool spdp_on_desk(long long id)
{
    json_t *p = call("GET", "/api/v1/inbox?kind=spdp&limit=100", demo.pros, NULL, 200);
    json_t *it;
    size_t i;
    bool found = false;
    json_array_foreach(json_object_get(p, "items"), i, it)
    {
        if (json_integer_value(json_object_get(it, "case_id")) == id)
            found = true;
    }
    json_decref(p);
    return found;
}

/* A correction of an SPDP's addressee changes what the SPDP was (DOMAIN 12: the act as it
 * stands): a copy to Korwas corrected to the Kejari is the SPDP sent to the prosecutor (KUHAP
 * 109(1)) - the file is disclosed to his Kejari and the SPDP is on his desk, as if recorded so;
 * an SPDP to the Kejari corrected to Korwas is no longer on his desk (he would be offered to
 * record the receipt of an SPDP the server then refuses).  Found by the reviewer: the
 * disclosure and the desk read the act as first recorded. */
START_TEST(test_an_spdp_corrected_to_another_addressee_is_what_it_now_says)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-30");
    rec_on(id, demo.inv, "sprindik_issued", "2026-12-01", NULL);
    long long spdp = rec_on(id, demo.inv, "spdp_sent", "2026-12-03", "\"recipient\":\"korwas\"");
    pu_sees(id, 404);
    char fix[200];
    snprintf(fix, sizeof fix,
             "\"corrects\":%lld,\"recipient\":\"kejari\",\"note\":\"salah alamat\"", spdp);
    rec_on(id, demo.inv, "corrected", "2026-12-03", fix);
    json_t *c = get_case(id, demo.inv);
    ck_assert(json_is_true(json_object_get(json_object_get(c, "facts"), "spdp_sent")));
    ck_assert(json_is_true(json_object_get(c, "disclosed_to_kejari")));
    json_decref(c);
    pu_sees(id, 200);
    ck_assert(spdp_on_desk(id));
    /* the other way */
    id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-30");
    rec_on(id, demo.inv, "sprindik_issued", "2026-12-01", NULL);
    spdp = rec_on(id, demo.inv, "spdp_sent", "2026-12-03", "\"recipient\":\"kejari\"");
    ck_assert(spdp_on_desk(id));
    snprintf(fix, sizeof fix,
             "\"corrects\":%lld,\"recipient\":\"korwas\",\"note\":\"salah alamat\"", spdp);
    rec_on(id, demo.inv, "corrected", "2026-12-03", fix);
    c = get_case(id, demo.inv);
    ck_assert(!json_is_true(json_object_get(json_object_get(c, "facts"), "spdp_sent")));
    json_decref(c);
    ck_assert(!spdp_on_desk(id));
}
END_TEST

/* The SPDP is one letter to the Penuntut Umum (KUHAP 109(1); DOMAIN 4.4, 12), its copies to
 * Korwas and the others carry the same number: its paper is issued for the act that sent it to
 * the Kejari, never for a copy's delivery (a second SPDP with its own number, addressed to the
 * Kejari on the copy's day) - refused 409 naming what to do, nothing issued; a copy recorded
 * with its paper asked is refused whole, nothing recorded. */
START_TEST(test_the_spdp_paper_is_the_one_sent_to_the_prosecutor)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-30");
    charge(id, "122(a)", add_party(id, "suspect", "TRAN VAN BINH"));
    long long sprindik = rec_on(id, demo.inv, "sprindik_issued", "2026-12-01", NULL);
    char path[96], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/sprindik", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", sprindik);
    json_decref(call("POST", path, demo.inv, body, 201)); /* the SPDP cites its number */
    long long to_pu = rec_on(id, demo.inv, "spdp_sent", "2026-12-03", "\"recipient\":\"kejari\"");
    long long copy = rec_on(id, demo.inv, "spdp_sent", "2026-12-04", "\"recipient\":\"korwas\"");
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/spdp", id);
    snprintf(body, sizeof body, "{\"event\":%lld}", copy);
    json_t *p = call("POST", path, demo.inv, body, 409);
    ck_assert_msg(strstr(str(p, "detail"), "tembusan") && strstr(str(p, "detail"), "kejari"), "%s",
                  str(p, "detail"));
    json_decref(p);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(
        sql_count(demo.db, "SELECT count(*) FROM app.documents WHERE case_id = $1::bigint", 1, q),
        1); /* the Sprindik's alone */
    long long before = events_of(id);
    json_decref(post(id, demo.inv,
                     "{\"type\":\"spdp_sent\",\"date\":\"2026-12-04\",\"recipient\":"
                     "\"embassy\",\"issue\":[\"spdp\"]}",
                     409));
    ck_assert_int_eq(events_of(id), before);
    /* the one to the Kejari: its paper, of its day */
    snprintf(body, sizeof body, "{\"event\":%lld}", to_pu);
    p = call("POST", path, demo.inv, body, 201);
    ck_assert_str_eq(str(p, "issued_on"), "2026-12-03");
    json_decref(p);
}
END_TEST

START_TEST(test_the_prosecutor_receives_no_spdp_sent_only_to_another)
{
    /* The PU registers the SPDP he received (KUHAP 109(1); DOMAIN 4.4): an SPDP sent to the
     * reporter alone is not one he can receive: the file is not his to see, nor to record
     * a receipt on (404).  A copy sent to the suspect after the PU received the SPDP is not a
     * new SPDP: his receipt stays once (409), the P-17 counts from it. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-30");
    rec_on(id, demo.inv, "sprindik_issued", "2026-12-01", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2026-12-02", "\"recipient\":\"reporter\"");
    pu_sees(id, 404);
    json_t *j =
        post(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2026-12-03\"}", 404);
    json_decref(j);
    rec_on(id, demo.inv, "spdp_sent", "2026-12-03", "\"recipient\":\"kejari\"");
    rec_on(id, demo.pros, "spdp_received_by_pu", "2026-12-04", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2026-12-05", "\"recipient\":\"suspect\"");
    j = refused(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2026-12-06\"}", 409,
                "conflict", "type");
    json_decref(j);
    /* the P-17 counts from the receipt of the SPDP to the Kejari, not moved by the copy */
    p17_is(id, "2026-12-04", "2027-01-03", "ok", true);
}
END_TEST

START_TEST(test_a_p16_dated_before_the_prosecutors_receipt_of_the_spdp_is_refused)
{
    /* The Kejaksaan registers the SPDP it received, then appoints the prosecutors who follow
     * the investigation (P-16): a P-16 dated before the SPDP was sent is impossible, and so is
     * one dated before the recorded receipt.  422 naming the date and the act it may not
     * precede; nothing recorded. */
    long long id = spdp_sent_2025();
    json_t *j = refused(id, demo.pros, "{\"type\":\"p16_received\",\"date\":\"2025-03-02\"}", 422,
                        "date-order", "date");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "spdp_sent");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "date"), "2025-03-03");
    json_decref(j);
    rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-05", NULL);
    j = refused(id, demo.pros, "{\"type\":\"p16_received\",\"date\":\"2025-03-04\"}", 422,
                "date-order", "date");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "spdp_received_by_pu");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "date"), "2025-03-05");
    ck_assert_msg(strstr(str(j, "detail"), "2025-03-04") && strstr(str(j, "detail"), "2025-03-05"),
                  "%s", str(j, "detail"));
    json_decref(j);
    /* so is a P-17 asking for progress before the SPDP arrived */
    json_decref(refused(id, demo.pros, "{\"type\":\"p17_received\",\"date\":\"2025-03-04\"}", 422,
                        "date-order", "date"));
    /* on the receipt's day: recorded */
    rec_on(id, demo.pros, "p16_received", "2025-03-05",
           "\"number\":\"PRINT-13/L.6.10/Eku.1/03/2025\"");
}
END_TEST

START_TEST(test_an_spdp_is_received_once_and_a_new_sprindiks_spdp_anew)
{
    /* One SPDP, one receipt: a second is a conflict naming the first, and moves no clock (P-17
     * runs from the first).  After an SP3 a new Sprindik owes a new SPDP (KUHAP 109(1) jo. MK
     * 130/PUU-XIII/2015), whose receipt is recorded once in turn. */
    long long id = spdp_sent_2025();
    rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-05", NULL);
    json_t *j = refused(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2025-03-06\"}",
                        409, "conflict", "type");
    ck_assert_msg(strstr(str(j, "detail"), "2025-03-05"), "%s", str(j, "detail"));
    json_decref(j);
    p17_is(id, "2025-03-05", "2025-04-04", "overdue", true);
    rec_on(id, demo.inv, "sp3_issued", "2025-03-10", "\"ground\":\"tidak_cukup_bukti\"");
    rec_on(id, demo.inv, "sprindik_issued", "2025-03-20", NULL);
    /* the new Sprindik's SPDP is not sent yet: nothing to receive */
    j = refused(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2025-03-21\"}", 422,
                "guard-failed", NULL);
    ck_assert(missing_has_code(j, "spdp_sent"));
    json_decref(j);
    rec_on(id, demo.inv, "spdp_sent", "2025-03-21", "\"recipient\":\"kejari\"");
    rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-24", NULL);
    p17_is(id, "2025-03-24", "2025-04-23", "overdue", true);
    j = refused(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2025-03-25\"}", 409,
                "conflict", "type");
    ck_assert_msg(strstr(str(j, "detail"), "2025-03-24"), "%s", str(j, "detail"));
    json_decref(j);
}
END_TEST

START_TEST(test_a_receipt_of_the_spdp_entered_after_a_p16_dated_before_it_is_refused)
{
    /* The other way round from the test above: the P-16 recorded first (4 March), then the
     * PU's receipt of the SPDP dated after it (5 March) says the P-16 came before the receipt
     * it must follow (DOMAIN 4.4, 6).  422 date-order naming the receipt's date field, the
     * P-16 as the act dated before it (with its id) and the receipt it depends on; nothing
     * recorded.  A receipt on the P-16's day is recorded; a correction moving it past the
     * P-16 is refused the same way. */
    long long id = spdp_sent_2025();
    long long p16 = rec_on(id, demo.pros, "p16_received", "2025-03-04",
                           "\"number\":\"PRINT-13/L.6.10/Eku.1/03/2025\"");
    json_t *j = refused(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2025-03-05\"}",
                        422, "date-order", "date");
    ck_assert_str_eq(str(json_object_get(j, "act"), "type"), "p16_received");
    ck_assert_str_eq(str(json_object_get(j, "act"), "date"), "2025-03-04");
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "act"), "id")), p16);
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "spdp_received_by_pu");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "date"), "2025-03-05");
    ck_assert_msg(strstr(str(j, "detail"), "2025-03-04") && strstr(str(j, "detail"), "2025-03-05"),
                  "%s", str(j, "detail"));
    json_decref(j);
    long long receipt = rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-04", NULL);
    char body[256];
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"2025-03-05\",\"corrects\":%lld}", receipt);
    json_decref(refused(id, demo.pros, body, 422, "date-order", "date"));
}
END_TEST

START_TEST(test_a_p16_of_a_new_spdp_entered_before_its_receipt_is_refused)
{
    /* KUHAP 109(1) jo. MK 130/PUU-XIII/2015: after an SP3 a new Sprindik owes a new SPDP,
     * which the Kejaksaan registers anew and then appoints its prosecutors (P-16).  A P-16
     * recorded after the new SPDP was sent (22 March) is of the new SPDP, so its receipt
     * dated 24 March puts that P-16 before the receipt it follows: 422 naming the P-16 (its
     * id) and the receipt, nothing recorded - the first SPDP's receipt (5 March) is of
     * another round.  Received on the P-16's day: recorded. */
    long long id = spdp_sent_2025();
    rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-05", NULL);
    rec_on(id, demo.pros, "p16_received", "2025-03-06", "\"number\":\"PRINT-13/L.6.10/03/2025\"");
    rec_on(id, demo.inv, "sp3_issued", "2025-03-10", "\"ground\":\"tidak_cukup_bukti\"");
    rec_on(id, demo.inv, "sprindik_issued", "2025-03-20", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2025-03-21", "\"recipient\":\"kejari\"");
    long long p16 = rec_on(id, demo.pros, "p16_received", "2025-03-22",
                           "\"number\":\"PRINT-20/L.6.10/03/2025\"");
    json_t *j = refused(id, demo.pros, "{\"type\":\"spdp_received_by_pu\",\"date\":\"2025-03-24\"}",
                        422, "date-order", "date");
    ck_assert_str_eq(str(json_object_get(j, "act"), "type"), "p16_received");
    ck_assert_str_eq(str(json_object_get(j, "act"), "date"), "2025-03-22");
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "act"), "id")), p16);
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "spdp_received_by_pu");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "date"), "2025-03-24");
    json_decref(j);
    rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-22", NULL);
}
END_TEST

START_TEST(test_a_late_notice_of_an_earlier_arrest_does_not_hold_back_the_next)
{
    /* KUHAP 18(3): the family's copy of the warrant of his arrest of 2 January (09:00), given
     * on 3 January and entered after his release that evening, follows that arrest; his
     * second arrest on 5 January is recorded, and so is its own copy */
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, "2026-01-01", s);
    arrest_at(id, demo.inv, s[0], "2026-01-02T09:00:00+07:00");
    char x[160];
    snprintf(x, sizeof x, "\"party_id\":%lld,\"ground\":\"tidak_perlu_ditahan\"", s[0]);
    rec_on(id, demo.inv, "released", "2026-01-02T20:00:00+07:00", x);
    snprintf(x, sizeof x,
             "\"recipient\":\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"Istri\"",
             s[0]);
    rec_on(id, demo.inv, "letter_delivered", "2026-01-03", x);
    arrest_at(id, demo.inv, s[0], "2026-01-05T09:00:00+07:00");
    rec_on(id, demo.inv, "letter_delivered", "2026-01-05", x);
}
END_TEST

START_TEST(test_the_other_half_orders_acts_of_one_day_by_the_hour)
{
    /* Both acts carry their hour: a P-16 at 08:00 entered first, then the receipt of the SPDP
     * at 10:00 the same day is refused (the P-16 came before the receipt it follows), at
     * 07:00 recorded; a receipt with no hour on the P-16's day is in order (by the day) */
    long long id = spdp_sent_2025();
    rec_on(id, demo.pros, "p16_received", "2025-03-05T08:00:00+07:00",
           "\"number\":\"PRINT-13/L.6.10/03/2025\"");
    json_t *j = refused(id, demo.pros,
                        "{\"type\":\"spdp_received_by_pu\",\"at\":\"2025-03-05T10:00:00+07:00\"}",
                        422, "date-order", "at");
    ck_assert_str_eq(str(json_object_get(j, "act"), "at"), "2025-03-05T08:00:00+07:00");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "at"), "2025-03-05T10:00:00+07:00");
    json_decref(j);
    long long receipt =
        rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-05T07:00:00+07:00", NULL);
    (void)receipt;
    id = spdp_sent_2025();
    rec_on(id, demo.pros, "p16_received", "2025-03-05T08:00:00+07:00",
           "\"number\":\"PRINT-14/L.6.10/03/2025\"");
    rec_on(id, demo.pros, "spdp_received_by_pu", "2025-03-05", NULL);
}
END_TEST

/* An act entered as berkasd accepted it before a rule it now checks on write (the harness's
 * legacy act: an empty payload, no party). */
static long long legacy_act(long long id, const char *type, const char *date)
{
    return harness_legacy_act(demo.db, id, type, date, 0, 0, NULL);
}

START_TEST(test_a_1981_sp3_is_notified_within_the_rule_sets_segera)
{
    /* KUHAP 1981 Pasal 109(3): the PPNS who stops an investigation notifies the Polri
     * investigator and the PU "segera" (DOMAIN 4.15, D13: no number of days, UNCERTAIN).  The
     * duty has a clock all the same, from the rule set: sp3_notify_days 2, marked to verify,
     * which an administrator amends without a release (1: due the next day).  Before, a 1981
     * SP3 had no clock at all. */
    long long id = spdp_sent_2025();
    rec_on(id, demo.inv, "sp3_issued", "2025-03-10", "\"ground\":\"tidak_cukup_bukti\"");
    json_t *c = get_case(id, demo.inv);
    json_t *k = clock_of(c, "sp3_notify");
    ck_assert_msg(k != NULL, "no sp3_notify clock for a 1981 SP3");
    ck_assert_str_eq(str(k, "due_date"), "2025-03-12");
    ck_assert_str_eq(str(k, "regime"), "KUHAP-1981");
    ck_assert_str_eq(str(k, "basis"), "KUHAP 109(3)");
    ck_assert(json_is_true(json_object_get(k, "to_verify")));
    ck_assert_str_eq(str(k, "state"), "overdue");
    json_decref(c);
    char *admin = api_login(demo.port, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert_ptr_nonnull(admin);
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-1981/sp3_notify_days", admin,
                     "{\"value\":1,\"note\":\"uji: segera dibaca 1 hari\","
                     "\"effective_from\":\"1981-12-31\",\"override\":true}",
                     200));
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_of(c, "sp3_notify"), "due_date"), "2025-03-11");
    json_decref(c);
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-1981/sp3_notify_days", admin,
        "{\"value\":2,\"note\":\"uji\",\"effective_from\":\"1981-12-31\",\"override\":true}", 200));
    free(admin);
    /* notified to the Kejari: stopped */
    rec_on(id, demo.inv, "sp3_notified", "2025-03-11", "\"recipient\":\"kejari\"");
    c = get_case(id, demo.inv);
    k = clock_of(c, "sp3_notify");
    ck_assert(!json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "ok");
    json_decref(c);
}
END_TEST

START_TEST(test_an_sp3_owes_the_release_of_a_suspect_under_arrest_that_day)
{
    /* KUHAP 16-19, 109(2); DOMAIN 4.7, 4.15: an arrest is made for the investigation and lasts
     * at most one day (19(1)); an SP3 stops the investigation, and the suspect still held on
     * arrest is owed his release at once, as a detained one is.  Arrested at 09:00 on 10 March
     * 2026 in Palembang (WIB), SP3 at 14:00 the same day: his arrest's clock is due at the end of
     * 10 March (not 09:00 on the 11th), overdue from the 11th until his release; released at
     * 10:00 on the 11th it stopped late.  While the SP3 stands no new custody is recorded: an
     * arrest, a detention or an extension is refused (409), nothing written. */
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, "2026-03-09", s);
    arrest_at(id, demo.inv, s[0], "2026-03-10T09:00:00+07:00");
    rec_on(id, demo.inv, "sp3_issued", "2026-03-10T14:00:00+07:00",
           "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    json_t *c = get_case(id, demo.inv);
    json_t *k = clock_for(c, "arrest", s[0]);
    ck_assert_msg(k != NULL, "no arrest clock");
    ck_assert(json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "due_date"), "2026-03-10");
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_str_eq(str(k, "actor"), "investigator");
    ck_assert_ptr_nonnull(strstr(str(k, "label"), "SP3"));
    ck_assert_ptr_nonnull(strstr(str(k, "basis"), "109(2)"));
    json_decref(c);
    char body[256];
    snprintf(body, sizeof body,
             "{\"type\":\"arrested\",\"at\":\"2026-03-10T15:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/14/2026\"}",
             s[1]);
    json_decref(refused(id, demo.inv, body, 409, "transition-not-allowed", NULL));
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"2026-03-10T15:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"polri_order\":\"SP.Han/13/2026\"}",
             s[0]);
    json_decref(refused(id, demo.inv, body, 409, "transition-not-allowed", NULL));
    snprintf(body, sizeof body,
             "{\"type\":\"detention_extended_pu\",\"date\":\"2026-03-10\",\"party_id\":%lld}",
             s[0]);
    json_decref(refused(id, demo.inv, body, 409, "transition-not-allowed", NULL));
    char x[96];
    snprintf(x, sizeof x, "\"party_id\":%lld,\"ground\":\"penyidikan_dihentikan\"", s[0]);
    rec_on(id, demo.inv, "released", "2026-03-11T10:00:00+07:00", x);
    c = get_case(id, demo.inv);
    k = clock_for(c, "arrest", s[0]);
    ck_assert(!json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "due_date"), "2026-03-10");
    ck_assert_str_eq(str(k, "state"), "overdue");
    json_decref(c);
}
END_TEST

/* Whether the review board finds case id by reason (?reason=), as the supervisor sees it. */
static bool board_finds(long long id, const char *reason)
{
    char cursor[128] = "";
    for (int page = 0; page < 100; page++) {
        char path[256];
        snprintf(path, sizeof path, "/api/v1/review?limit=100&reason=%s%s%s", reason,
                 cursor[0] ? "&cursor=" : "", cursor);
        json_t *p = call("GET", path, sup, NULL, 200);
        size_t i;
        json_t *it;
        bool found = false;
        json_array_foreach(json_object_get(p, "items"), i, it) found =
            found || json_integer_value(json_object_get(it, "case_id")) == id;
        json_t *next = json_object_get(p, "next_cursor");
        bool more = json_is_string(next);
        if (more)
            snprintf(cursor, sizeof cursor, "%s", json_string_value(next));
        json_decref(p);
        if (found)
            return true;
        if (!more)
            break;
    }
    return false;
}

/* A 2026 file (UU 20/2025) with a victim, its SPDP sent, stopped by an SP3 on 10 March 2026. */
static long long sp3_2026_with_a_victim(void)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-03-01");
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_decref(call("POST", path, demo.inv, "{\"kind\":\"victim\",\"name\":\"Korban\"}", 201));
    rec_on(id, demo.inv, "sprindik_issued", "2026-03-02", NULL);
    rec_on(id, demo.inv, "spdp_sent", "2026-03-03", "\"recipient\":\"kejari\"");
    rec_on(id, demo.inv, "sp3_issued", "2026-03-10",
           "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    return id;
}

START_TEST(test_an_sp3_of_2026_is_owed_to_the_pu_the_suspect_and_the_victim_each)
{
    /* UU 20/2025 Pasal 24(4) (DOMAIN D13, 9.1): the stop is notified within 1 Hari to the PU,
     * "korban dan/atau tersangka" - a clock for each, stopped only by the notice to that one.
     * Told to the victim alone, the PU's is still owed (before, the first notice to anyone
     * stopped the one clock); told the PU, the suspect's and the victim's are still owed and
     * late after the day, each a reason the board finds the file by; the family's notice
     * answers for the suspect (KUHAP 109(2) "tersangka atau keluarganya"). Korwas is not
     * named by 24(4): no clock (rule-set data, to verify). */
    long long id = sp3_2026_with_a_victim();
    rec_on(id, demo.inv, "sp3_notified", "2026-03-10", "\"recipient\":\"reporter\"");
    json_t *c = get_case(id, demo.inv);
    json_t *k = clock_of(c, "sp3_notify");
    ck_assert_msg(k != NULL, "no sp3_notify clock");
    ck_assert_msg(json_is_true(json_object_get(k, "running")),
                  "the PU's notice stopped by the victim's");
    ck_assert_str_eq(str(k, "state"), "overdue");
    k = clock_of(c, "sp3_notify_reporter");
    ck_assert_msg(k != NULL, "no clock for the victim's notice");
    ck_assert(!json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "ok");
    json_decref(c);
    rec_on(id, demo.inv, "sp3_notified", "2026-03-10", "\"recipient\":\"kejari\"");
    c = get_case(id, demo.inv);
    ck_assert(!json_is_true(json_object_get(clock_of(c, "sp3_notify"), "running")));
    k = clock_of(c, "sp3_notify_suspect");
    ck_assert_msg(k != NULL, "no clock for the suspect's notice");
    ck_assert(json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "due_date"), "2026-03-11");
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_str_eq(str(k, "regime"), "KUHAP-2025");
    ck_assert_str_eq(str(k, "basis"), "UU 20/2025 Pasal 24(4)");
    ck_assert(json_is_true(json_object_get(k, "to_verify")));
    ck_assert_ptr_nonnull(strstr(str(k, "label"), "tersangka"));
    ck_assert_ptr_null(clock_of(c, "sp3_notify_korwas"));
    json_decref(c);
    ck_assert(board_finds(id, "sp3_notify_suspect"));
    ck_assert(!board_finds(id, "sp3_notify"));
    /* his family told: nothing more owed, the file off the board's SP3 reasons */
    rec_on(id, demo.inv, "sp3_notified", "2026-03-12", "\"recipient\":\"family\"");
    c = get_case(id, demo.inv);
    k = clock_of(c, "sp3_notify_suspect");
    ck_assert(!json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "overdue"); /* told a day late */
    json_decref(c);
    ck_assert(!board_finds(id, "sp3_notify_suspect"));
}
END_TEST

START_TEST(test_an_sp3_of_2025_is_owed_to_the_pu_korwas_and_the_suspect_each)
{
    /* KUHAP 1981 Pasal 109(2): the PU and the suspect or his family; 109(3): for a PPNS the
     * Polri investigator (Korwas) and the PU - "segera", the rule set's 2 days. Told the PU,
     * Korwas's and the suspect's notices are still owed and late; the reporter is named by
     * neither (DOMAIN 4.15 lists him as practice): no clock, until an administrator requires
     * it (PUT /api/v1/rulesets/KUHAP-1981/sp3_to_reporter, a flag: 2 is refused, an
     * investigator may not). */
    long long id = spdp_sent_2025();
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_decref(call("POST", path, demo.inv, "{\"kind\":\"reporter\",\"name\":\"Pelapor\"}", 201));
    rec_on(id, demo.inv, "sp3_issued", "2025-03-10", "\"ground\":\"tidak_cukup_bukti\"");
    rec_on(id, demo.inv, "sp3_notified", "2025-03-11", "\"recipient\":\"kejari\"");
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_of(c, "sp3_notify"), "state"), "ok");
    json_t *k = clock_of(c, "sp3_notify_korwas");
    ck_assert_msg(k != NULL, "no clock for Korwas's notice");
    ck_assert_str_eq(str(k, "due_date"), "2025-03-12");
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_str_eq(str(k, "basis"), "KUHAP 109(3)");
    k = clock_of(c, "sp3_notify_suspect");
    ck_assert_msg(k != NULL, "no clock for the suspect's notice");
    ck_assert_str_eq(str(k, "basis"), "KUHAP 109(2)");
    ck_assert_str_eq(str(k, "state"), "overdue");
    ck_assert_ptr_null(clock_of(c, "sp3_notify_reporter"));
    json_decref(c);
    ck_assert(board_finds(id, "sp3_notify_korwas"));
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-1981/sp3_to_reporter", demo.inv, "{\"value\":1}", 403));
    char *admin = api_login(demo.port, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert_ptr_nonnull(admin);
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-1981/sp3_to_reporter", admin, "{\"value\":2}", 400));
    json_decref(call("PUT", "/api/v1/rulesets/KUHAP-1981/sp3_to_reporter", admin,
                     "{\"value\":1,\"note\":\"uji: pelapor diberi tahu\","
                     "\"effective_from\":\"1981-12-31\",\"override\":true}",
                     200));
    c = get_case(id, demo.inv);
    k = clock_of(c, "sp3_notify_reporter");
    ck_assert_msg(k != NULL, "the reporter required, no clock");
    ck_assert_str_eq(str(k, "state"), "overdue");
    json_decref(c);
    json_decref(call(
        "PUT", "/api/v1/rulesets/KUHAP-1981/sp3_to_reporter", admin,
        "{\"value\":0,\"note\":\"uji\",\"effective_from\":\"1981-12-31\",\"override\":true}", 200));
    free(admin);
    rec_on(id, demo.inv, "sp3_notified", "2025-03-12", "\"recipient\":\"korwas\"");
    c = get_case(id, demo.inv);
    k = clock_of(c, "sp3_notify_korwas");
    ck_assert(!json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "state"), "ok");
    ck_assert(json_is_true(json_object_get(clock_of(c, "sp3_notify_suspect"), "running")));
    json_decref(c);
}
END_TEST

START_TEST(test_an_spdp_stored_before_its_addressee_was_required_reads_as_the_law_says)
{
    /* An spdp_sent stored with no recipient (accepted then) was the SPDP to the Kejari - its
     * paper and the prosecutor's inbox read it so: the SPDP sent, its clock stopped.  One
     * stored naming no addressee the law knows is no SPDP to the PU: the clock runs on. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-30");
    rec_on(id, demo.inv, "sprindik_issued", "2026-12-01", NULL);
    harness_legacy_act(demo.db, id, "spdp_sent", "2026-12-02", 0, 0, NULL);
    json_t *c = get_case(id, demo.inv);
    ck_assert(json_is_true(json_object_get(json_object_get(c, "facts"), "spdp_sent")));
    ck_assert(!json_is_true(json_object_get(clock_of(c, "spdp"), "running")));
    json_decref(c);
    id = open_case_on(demo.inv, demo.kejari_plg, "2026-11-30");
    rec_on(id, demo.inv, "sprindik_issued", "2026-12-01", NULL);
    harness_legacy_act(demo.db, id, "spdp_sent", "2026-12-02", 0, 0, "{\"recipient\":\"zzz\"}");
    c = get_case(id, demo.inv);
    ck_assert(!json_is_true(json_object_get(json_object_get(c, "facts"), "spdp_sent")));
    ck_assert(json_is_true(json_object_get(clock_of(c, "spdp"), "running")));
    json_decref(c);
}
END_TEST

START_TEST(test_a_correction_of_a_log_entered_out_of_order_before_is_weighed_for_its_change)
{
    /* The P-16 of 4 March entered before the receipt of the SPDP of 5 March, as berkasd
     * accepted before the other half was checked: the case loads, and a correction that
     * changes no date of it (the P-16's number mistyped) is recorded - it puts nothing out of
     * order.  A correction moving the P-16 further before the receipt (3 March) is refused
     * (422 date-order, nothing written); one moving it to the receipt's day mends the log. */
    long long id = spdp_sent_2025();
    long long p16 = rec_on(id, demo.pros, "p16_received", "2025-03-04",
                           "\"number\":\"PRINT-13/L.6.10/03/2O25\"");
    long long receipt = legacy_act(id, "spdp_received_by_pu", "2025-03-05");
    ck_assert_int_gt(receipt, p16);
    char body[256];
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"2025-03-04\",\"corrects\":%lld,"
             "\"number\":\"PRINT-13/L.6.10/03/2025\"}",
             p16);
    json_decref(post(id, demo.pros, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"2025-03-05\",\"corrects\":%lld}", receipt);
    json_decref(post(id, demo.pros, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"2025-03-03\",\"corrects\":%lld,"
             "\"number\":\"PRINT-13/L.6.10/03/2025\"}",
             p16);
    json_t *j = refused(id, demo.pros, body, 422, "date-order", "date");
    ck_assert_str_eq(str(json_object_get(j, "act"), "date"), "2025-03-03");
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "spdp_received_by_pu");
    json_decref(j);
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"2025-03-05\",\"corrects\":%lld,"
             "\"number\":\"PRINT-13/L.6.10/03/2025\"}",
             p16);
    json_decref(post(id, demo.pros, body, 201));
}
END_TEST

/* Withdraw act ev of case id as token: the body. */
static void withdrawal_of(long long ev, char *body, size_t size)
{
    snprintf(body, size, "{\"type\":\"corrected\",\"corrects\":%lld,\"withdraws\":true}", ev);
}

START_TEST(test_a_receipt_is_not_withdrawn_from_under_the_prosecutors_answer)
{
    /* KUHAP 138(1): the P-18 answers the file the PU received.  Withdrawing the receipt while
     * the P-18 stands would leave an answer to a file never received, which no write accepts:
     * 422 dependent-act naming the P-18 (its id) to withdraw first, nothing written.  The
     * P-18 withdrawn, the receipt may go. */
    long long id = file_sent(20, NULL);
    long long receipt = rec(id, demo.pros, "tahap1_received_by_pu", 15, NULL);
    long long p18 = rec(id, demo.pros, "p18_received", 14, NULL);
    char body[128];
    withdrawal_of(receipt, body, sizeof body);
    json_t *j = refused(id, demo.pros, body, 422, "dependent-act", "corrects");
    ck_assert_str_eq(str(json_object_get(j, "act"), "type"), "p18_received");
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "act"), "id")), p18);
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "tahap1_received_by_pu");
    char named[48];
    snprintf(named, sizeof named, "(peristiwa %lld)", p18);
    ck_assert_msg(strstr(str(j, "detail"), "tarik dulu") && strstr(str(j, "detail"), named), "%s",
                  str(j, "detail"));
    json_decref(j);
    withdrawal_of(p18, body, sizeof body);
    json_decref(post(id, demo.pros, body, 201));
    withdrawal_of(receipt, body, sizeof body);
    json_decref(post(id, demo.pros, body, 201));
}
END_TEST

START_TEST(test_an_arrest_is_withdrawn_under_its_detention_but_not_under_its_notice)
{
    /* KUHAP 20-21: a suspect may be detained without an arrest before it, so an arrest
     * recorded in error is withdrawn while the detention that followed stands.  The family's
     * copy of the arrest warrant (KUHAP 18(3)) tells of that arrest: while it stands the
     * arrest is not withdrawn (422 dependent-act naming the letter). */
    long long s[2];
    long long id = detention_case(demo.inv, demo.kejari_plg, "2026-01-01", s);
    char x[160], body[128];
    snprintf(x, sizeof x, "\"party_id\":%lld,\"polri_order\":\"SP.Kap/13/2026\"", s[0]);
    long long arrest = rec_on(id, demo.inv, "arrested", "2026-01-02T09:00:00+07:00", x);
    json_decref(detain_at(id, demo.inv, s[0], "2026-01-02T20:00:00+07:00", NULL, 201));
    withdrawal_of(arrest, body, sizeof body);
    json_decref(post(id, demo.inv, body, 201));
    snprintf(x, sizeof x, "\"party_id\":%lld,\"polri_order\":\"SP.Kap/14/2026\"", s[1]);
    arrest = rec_on(id, demo.inv, "arrested", "2026-01-03T09:00:00+07:00", x);
    snprintf(x, sizeof x,
             "\"recipient\":\"keluarga_penangkapan\",\"party_id\":%lld,\"received_by\":\"Istri\"",
             s[1]);
    long long letter = rec_on(id, demo.inv, "letter_delivered", "2026-01-03", x);
    withdrawal_of(arrest, body, sizeof body);
    json_t *j = refused(id, demo.inv, body, 422, "dependent-act", "corrects");
    ck_assert_str_eq(str(json_object_get(j, "act"), "type"), "letter_delivered");
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "act"), "id")), letter);
    ck_assert_str_eq(str(json_object_get(j, "depends_on"), "type"), "arrested");
    json_decref(j);
}
END_TEST

/* ---- KUHAP 29: the court's two extensions (DOMAIN 4.8, D7) --------------------------------- */

START_TEST(test_a_third_court_extension_is_refused_saying_pasal_29s_two_are_used_up)
{
    /* People smuggling (Pasal 120, up to 15 years): 20 + 40 + 30 + 30 days; a third court
     * extension is refused because KUHAP 29(2)'s two are used up -- not "after the PU's". */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2025-01-01");
    long long s = add_party(id, "suspect", "ABDUL K");
    charge(id, "120", s);
    rec_on(id, demo.inv, "sprindik_issued", "2025-01-02", NULL);
    char x[128], body[256];
    snprintf(x, sizeof x, "\"party_id\":%lld,\"detention_type\":\"rutan\"", s);
    rec_on(id, demo.inv, "detained", "2025-01-02", x);
    snprintf(x, sizeof x, "\"party_id\":%lld", s);
    rec_on(id, demo.inv, "detention_extended_pu", "2025-01-15", x);
    snprintf(x, sizeof x, "\"party_id\":%lld,\"court\":\"Palembang\"", s);
    rec_on(id, demo.inv, "detention_extended_court", "2025-03-01", x);
    rec_on(id, demo.inv, "detention_extended_court", "2025-03-25", x);
    snprintf(body, sizeof body,
             "{\"type\":\"detention_extended_court\",\"date\":\"2025-04-20\",\"party_id\":%lld,"
             "\"court\":\"Palembang\"}",
             s);
    json_t *j = refused(id, demo.inv, body, 409, "transition-not-allowed", NULL);
    const char *d = str(j, "detail");
    ck_assert_msg(strstr(d, "Pasal 29") && strstr(d, "sudah digunakan") && strstr(d, "2 x 30 hari"),
                  "%s", d);
    ck_assert_msg(!strstr(d, "setelah perpanjangan oleh Penuntut Umum"), "%s", d);
    json_decref(j);
}
END_TEST

/* ---- KUHAP 24(4): detained again after an early release (DOMAIN 4.8, D5-D6) ---------------- */

START_TEST(test_a_suspect_released_early_is_detained_again_counting_the_days_served)
{
    /* 60 days in all at the investigation stage (KUHAP 24(4)).  Detained 1-20 July 2025 and
     * released: 20 served.  Detained again on 1 August: his 20 days run to 20 August; the PU
     * may then give 20, not 40 (422 naming extension_within_limit); given, they run to 9
     * September.  Released then, a third detention is refused (409): the 60 are served. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2025-06-25");
    long long s = add_party(id, "suspect", "LI WEI");
    charge(id, "122", s);
    rec_on(id, demo.inv, "sprindik_issued", "2025-06-30", NULL);
    char x[128], p[64], out[96], body[256];
    snprintf(x, sizeof x, "\"party_id\":%lld,\"detention_type\":\"rutan\"", s);
    snprintf(p, sizeof p, "\"party_id\":%lld", s);
    /* released as his 20 days end (KUHAP 24(4)) */
    snprintf(out, sizeof out, "\"party_id\":%lld,\"ground\":\"masa_penahanan_habis\"", s);
    rec_on(id, demo.inv, "detained", "2025-07-01", x);
    rec_on(id, demo.inv, "released", "2025-07-20", out);
    rec_on(id, demo.inv, "detained", "2025-08-01", x);
    json_t *c = get_case(id, demo.inv);
    json_t *k = clock_for(c, "detention", s);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(str(k, "due_date"), "2025-08-20");
    json_decref(c);
    snprintf(body, sizeof body,
             "{\"type\":\"detention_extended_pu\",\"date\":\"2025-08-10\",\"party_id\":%lld,"
             "\"days\":40}",
             s);
    json_t *j = refused(id, demo.inv, body, 422, "guard-failed", NULL);
    ck_assert(missing_has_code(j, "extension_within_limit"));
    json_decref(j);
    rec_on(id, demo.inv, "detention_extended_pu", "2025-08-10", p);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(clock_for(c, "detention", s), "due_date"), "2025-09-09");
    json_decref(c);
    rec_on(id, demo.inv, "released", "2025-09-09", out);
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"date\":\"2025-09-15\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\"}",
             s);
    j = refused(id, demo.inv, body, 409, "transition-not-allowed", NULL);
    ck_assert_msg(strstr(str(j, "detail"), "24(4)") && strstr(str(j, "detail"), "60 hari"), "%s",
                  str(j, "detail"));
    json_decref(j);
}
END_TEST

/* The review row's flag of code for party, or NULL. */
static json_t *row_flag(json_t *row, const char *code, long long party)
{
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(row, "flags"), i, f)
    {
        if (strcmp(str(f, "code"), code) == 0 &&
            json_integer_value(json_object_get(json_object_get(f, "party"), "id")) == party)
            return f;
    }
    return NULL;
}

START_TEST(test_a_detention_held_past_its_end_stays_in_sight_once_he_is_released)
{
    /* KUHAP 24(1): the investigator's order holds him 20 days - detained 1 July 2025, the
     * last day is 20 July; 24(4): then he is released by operation of law.  LAMA Tua is
     * released on 23 July, three days late: held unlawfully those days, the gravest fault the
     * file can show (PLAY4 21), it must not vanish when his clock stops - the case's flag and
     * his clock say so, and the supervisor's row keeps a flag naming him, the last day in
     * time, the day it ended and the 3 days over (no deadline: nothing is owed now).  TEPAT
     * Waktu, released on 15 July inside his 20 days, is flagged nowhere. */
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2025-06-25");
    long long late = add_party(id, "suspect", "LAMA Tua");
    long long ok = add_party(id, "suspect", "TEPAT Waktu");
    charge(id, "122", late);
    charge(id, "122", ok);
    rec_on(id, demo.inv, "sprindik_issued", "2025-06-30", NULL);
    char x[128], out[96];
    long long who[2] = {late, ok};
    const char *freed[2] = {"2025-07-23", "2025-07-15"};
    const char *ground[2] = {"masa_penahanan_habis", "kepentingan_terpenuhi"};
    for (int k = 0; k < 2; k++) {
        snprintf(x, sizeof x, "\"party_id\":%lld,\"detention_type\":\"rutan\"", who[k]);
        rec_on(id, demo.inv, "detained", "2025-07-01", x);
    }
    for (int k = 0; k < 2; k++) {
        snprintf(out, sizeof out, "\"party_id\":%lld,\"ground\":\"%s\"", who[k], ground[k]);
        rec_on(id, demo.inv, "released", freed[k], out);
    }
    json_t *c = get_case(id, demo.inv);
    ck_assert(has_flag(c, "detention_overrun"));
    json_t *k = clock_for(c, "detention", late);
    ck_assert_ptr_nonnull(k);
    ck_assert(!json_is_true(json_object_get(k, "running")));
    ck_assert_str_eq(str(k, "due_date"), "2025-07-20");
    json_t *o = json_object_get(k, "overrun");
    ck_assert_msg(json_is_object(o), "no overrun on the late release's clock");
    ck_assert_int_eq(json_integer_value(json_object_get(o, "days")), 3);
    ck_assert_str_eq(str(o, "stopped_on"), "2025-07-23");
    k = clock_for(c, "detention", ok);
    ck_assert_ptr_nonnull(k);
    ck_assert_ptr_null(json_object_get(k, "overrun"));
    json_decref(c);
    /* on the supervisor's board: a flag for him, none for the one released in time */
    json_t *list;
    json_t *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "case %lld not in the review list", id);
    json_t *f = row_flag(it, "detention_overrun", late);
    ck_assert_msg(f != NULL, "no detention_overrun flag for the suspect released late");
    ck_assert_int_eq(json_integer_value(json_object_get(f, "days_over")), 3);
    ck_assert_str_eq(str(f, "due_date"), "2025-07-20");
    ck_assert_str_eq(str(f, "stopped_on"), "2025-07-23");
    ck_assert_str_eq(str(f, "stopped_by"), "released");
    const char *label = str(f, "label");
    ck_assert_msg(strstr(label, "Penahanan melampaui batas 3 hari") && strstr(label, "LAMA Tua") &&
                      strstr(label, "20 Juli 2025") && strstr(label, "23 Juli 2025") &&
                      strstr(label, "dasar: KUHAP 24(1)") && strstr(label, "demi hukum"),
                  "%s", label);
    ck_assert_ptr_null(row_flag(it, "detention_overrun", ok));
    json_decref(list);
}
END_TEST

/* The overrun's label cites the law of the detention's own date (review2 F8): a detention of
 * February 2026 is under UU 20/2025 (its period's articles, to verify), not KUHAP 1981 24(4). */
START_TEST(test_an_overrun_of_2026_cites_the_new_code)
{
    long long id = open_case_on(demo.inv, demo.kejari_plg, "2026-02-01");
    long long s = add_party(id, "suspect", "BARU Kode");
    charge(id, "122", s);
    rec_on(id, demo.inv, "sprindik_issued", "2026-02-02", NULL);
    char x[200];
    snprintf(x, sizeof x,
             "\"party_id\":%lld,\"detention_type\":\"rutan\",\"polri_order\":\"SP.Han/9/II/2026\"",
             s);
    rec_on(id, demo.inv, "detained", "2026-02-05", x);
    snprintf(x, sizeof x, "\"party_id\":%lld,\"ground\":\"masa_penahanan_habis\"", s);
    rec_on(id, demo.inv, "released", "2026-02-28", x);
    json_t *list, *it = review_item_of(id, sup, &list);
    ck_assert_msg(it != NULL, "case %lld not in the review list", id);
    json_t *f = row_flag(it, "detention_overrun", s);
    ck_assert_msg(f != NULL, "no detention_overrun flag");
    const char *label = str(f, "label");
    ck_assert_msg(strstr(label, "UU 20/2025") && !strstr(label, "KUHAP 24(4)"), "%s", label);
    json_decref(list);
}
END_TEST

Suite *suite_law(void)
{
    Suite *s = suite_create("law");
    TCase *tc = tcase_create("law");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_a_field_the_act_does_not_take_is_refused_and_not_stored);
    tcase_add_test(tc, test_date_and_at_that_disagree_are_refused_by_the_offices_calendar);
    tcase_add_test(tc, test_spdp_before_its_sprindik_is_refused_naming_both_acts);
    tcase_add_test(tc, test_detention_before_the_arrest_is_refused_by_the_hour_as_at);
    tcase_add_test(tc, test_a_rule_amendment_applies_from_its_date_not_backwards);
    tcase_add_test(tc, test_a_correction_that_breaks_the_order_is_refused);
    tcase_add_test(tc, test_order_across_the_regime_switch);
    tcase_add_test(tc, test_a_guard_says_how_to_supply_what_is_missing);
    tcase_add_test(tc, test_p21_without_the_prosecutors_receipt_is_refused);
    tcase_add_test(tc, test_a_resend_names_the_instruction_left_unanswered);
    tcase_add_test(tc, test_an_extension_after_the_only_charge_was_withdrawn_is_refused);
    tcase_add_test(tc, test_a_duplicate_case_number_is_named_in_indonesian);
    tcase_add_test(tc, test_the_field_named_is_the_one_the_client_sent);
    tcase_add_test(tc, test_the_api_description_lists_the_fields_each_act_takes);
    tcase_add_test(tc, test_a_repeated_receipt_is_refused_and_moves_no_clock);
    tcase_add_test(tc, test_the_kejaris_tanda_terima_of_the_file_is_its_receipt);
    tcase_add_test(tc, test_a_late_p19_is_refused_or_recorded_with_its_reason_for_review);
    tcase_add_test(tc, test_a_p18_after_the_file_is_complete_by_law_is_refused_as_the_p19_is);
    tcase_add_test(tc, test_the_p19_once_then_a_letter_naming_the_unmet_items);
    tcase_add_test(tc, test_an_act_out_of_date_order_names_the_law_not_the_code);
    tcase_add_test(tc, test_p20_only_after_the_investigators_14_days);
    tcase_add_test(tc, test_an_sp3_without_a_statutory_ground_is_refused_naming_the_field);
    tcase_add_test(tc, test_restorative_justice_is_a_ground_only_under_uu_20_2025);
    tcase_add_test(tc, test_an_sp3_ground_the_charged_pasal_makes_impossible_is_refused);
    tcase_add_test(tc, test_whether_an_offence_is_fine_only_is_the_catalogues_data);
    tcase_add_test(tc, test_only_an_sp3_for_want_of_evidence_says_it_may_be_reopened);
    tcase_add_test(tc, test_no_new_sprindik_after_an_sp3_that_ended_the_file_for_good);
    tcase_add_test(tc, test_a_summons_with_less_than_three_days_notice_is_refused_unless_urgent);
    tcase_add_test(tc,
                   test_a_summons_notice_counts_on_the_offices_calendar_and_across_the_new_code);
    tcase_add_test(tc, test_the_counsel_threshold_is_the_rule_sets_value);
    tcase_add_test(tc, test_a_detention_after_the_arrests_day_is_refused_naming_both_acts);
    tcase_add_test(tc, test_a_release_first_lets_a_new_detention_follow);
    tcase_add_test(tc, test_the_arrests_day_in_wita_and_wit_and_across_the_new_code);
    tcase_add_test(tc, test_notices_of_an_arrest_are_clocks_delivered_by_a_letter);
    tcase_add_test(tc, test_an_overdue_notice_shows_in_the_review_list_with_its_reason);
    tcase_add_test(tc, test_a_notice_dated_before_the_act_it_notifies_is_refused_naming_both);
    tcase_add_test(tc, test_a_detention_dated_only_on_the_day_the_arrest_ends_asks_for_its_hour);
    tcase_add_test(tc, test_each_spdp_recipient_is_a_delivery_with_its_own_day);
    tcase_add_test(tc, test_spdp_recipients_count_the_offices_day_and_the_new_codes_rules);
    tcase_add_test(tc,
                   test_tahap1_is_refused_naming_a_suspect_examined_without_a_sworn_interpreter);
    tcase_add_test(tc, test_the_oath_a_suspects_bap_rests_on_is_not_pulled_from_under_it);
    tcase_add_test(tc, test_a_suspects_bap_is_not_moved_before_the_oath_it_rests_on);
    tcase_add_test(tc, test_p17_counts_from_the_prosecutors_receipt_of_the_spdp);
    tcase_add_test(tc, test_a_designation_under_uu_20_2025_owes_the_suspect_a_notice_in_1_day);
    tcase_add_test(tc, test_a_suspects_bap_under_uu_20_2025_owes_him_its_copy_in_1_day);
    tcase_add_test(tc, test_the_copy_of_his_first_bap_entered_after_his_second_is_recorded);
    tcase_add_test(tc, test_only_the_spdp_to_the_prosecutor_is_the_spdp_sent);
    tcase_add_test(tc, test_the_prosecutor_receives_no_spdp_sent_only_to_another);
    tcase_add_test(tc, test_an_spdp_corrected_to_another_addressee_is_what_it_now_says);
    tcase_add_test(tc, test_the_spdp_paper_is_the_one_sent_to_the_prosecutor);
    tcase_add_test(tc, test_an_spdp_stored_before_its_addressee_was_required_reads_as_the_law_says);
    tcase_add_test(tc, test_a_1981_sp3_is_notified_within_the_rule_sets_segera);
    tcase_add_test(tc, test_an_sp3_owes_the_release_of_a_suspect_under_arrest_that_day);
    tcase_add_test(tc, test_an_sp3_of_2026_is_owed_to_the_pu_the_suspect_and_the_victim_each);
    tcase_add_test(tc, test_an_sp3_of_2025_is_owed_to_the_pu_korwas_and_the_suspect_each);
    tcase_add_test(tc, test_a_p16_dated_before_the_prosecutors_receipt_of_the_spdp_is_refused);
    tcase_add_test(tc, test_a_receipt_of_the_spdp_entered_after_a_p16_dated_before_it_is_refused);
    tcase_add_test(tc, test_a_p16_of_a_new_spdp_entered_before_its_receipt_is_refused);
    tcase_add_test(tc, test_a_late_notice_of_an_earlier_arrest_does_not_hold_back_the_next);
    tcase_add_test(tc, test_the_other_half_orders_acts_of_one_day_by_the_hour);
    tcase_add_test(
        tc, test_a_correction_of_a_log_entered_out_of_order_before_is_weighed_for_its_change);
    tcase_add_test(tc, test_a_receipt_is_not_withdrawn_from_under_the_prosecutors_answer);
    tcase_add_test(tc, test_an_arrest_is_withdrawn_under_its_detention_but_not_under_its_notice);
    tcase_add_test(tc, test_an_spdp_is_received_once_and_a_new_sprindiks_spdp_anew);
    tcase_add_test(tc, test_a_third_court_extension_is_refused_saying_pasal_29s_two_are_used_up);
    tcase_add_test(tc, test_a_suspect_released_early_is_detained_again_counting_the_days_served);
    tcase_add_test(tc, test_a_new_sprindiks_file_is_not_flagged_for_the_earlier_files_late_return);
    tcase_add_test(tc, test_the_notices_of_an_arrest_outlive_the_file);
    tcase_add_test(tc, test_a_custody_notice_that_cannot_be_delivered_is_declared_with_its_reason);
    tcase_add_test(tc, test_an_sp3_is_still_owed_its_notices_after_a_tak);
    tcase_add_test(tc, test_the_short_procedure_handover_has_its_catatan_and_its_paper);
    tcase_add_test(tc, test_the_short_procedure_hands_over_an_examined_suspect_after_the_spdp);
    tcase_add_test(tc, test_a_detention_held_past_its_end_stays_in_sight_once_he_is_released);
    tcase_add_test(tc, test_an_overrun_of_2026_cites_the_new_code);
    tcase_add_test(tc, test_a_file_handed_over_under_the_short_procedure_is_called_so_everywhere);
    suite_add_tcase(s, tc);
    return s;
}
