/*
 * test_stats.c - the monthly report (issue 10, item 5) over real HTTP, the
 * CSV, and the PDF read back with pdftotext and pdfinfo.
 *
 * A Kantor of its own (KANIM-UJI, under Kanwil Sumatera Selatan) gets four
 * files whose every act falls in one month, two months back: a file from
 * Sprindik to Tahap II with a suspect detained, a file returned once with
 * P-19 and then complete, a report diverted to TAK, a report not pursued.
 * The expected figures are counted here by hand from those acts and the
 * issue's definitions: the stage after the last act of the month, the acts
 * of the month, pro justitia (Sprindik) against TAK, P-19 rounds of the
 * files completed, days Sprindik to P-21 and P-21 to Tahap II, person-days
 * of detention (day 1 counted, custody ends at Tahap II: KUHAP 8(3)(b)),
 * and late entries (every act here is entered over a month after its date).
 */
#include <check.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "suites.h"

#define NIP_INV_UJI "199303032018011005"

static struct proc server;
static int port;
static char *db;
static char *inv, *sup, *pros, *admin;
static long long kejari_plg;
static int y, m; /* the month of the acts */

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(port, method, path, token, body, want);
}

/* day d of the month of the acts */
static void day(int d, char out[11])
{
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static long long rec(long long id, const char *token, const char *type, int d, const char *extra)
{
    char date[11], body[1024], path[64];
    day(d, date);
    snprintf(body, sizeof body, "{\"type\":\"%s\",\"date\":\"%s\"%s%s}", type, date,
             extra ? "," : "", extra ? extra : "");
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *e = call("POST", path, token, body, 201);
    long long ev = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    return ev;
}

static void at(long long id, const char *type, int d, const char *hour, const char *extra)
{
    char body[512], path[64];
    snprintf(body, sizeof body, "{\"type\":\"%s\",\"at\":\"%04d-%02d-%02dT%s:00+07:00\"%s%s}", type,
             y, m, d, hour, extra ? "," : "", extra ? extra : "");
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_decref(call("POST", path, inv, body, 201));
}

static long long open_case(int d)
{
    char date[11], body[256];
    day(d, date);
    snprintf(body, sizeof body,
             "{\"source\":\"supervision\",\"opened_on\":\"%s\",\"kejari_id\":%lld}", date,
             kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    return id;
}

/* A suspect charged with code, designated and examined on day d. */
static long long suspect(long long id, const char *code, int d)
{
    char path[64], body[128], extra[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, inv, "{\"kind\":\"suspect\",\"name\":\"Tersangka Uji\"}", 201);
    long long pid = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"%s\",\"party_id\":%lld}", code, pid);
    json_decref(call("POST", path, inv, body, 201));
    snprintf(extra, sizeof extra, "\"party_id\":%lld", pid);
    rec(id, inv, "suspect_designated", d, extra);
    return pid;
}

static void bap(long long id, long long pid, int d)
{
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"bap\":\"tersangka\"", pid);
    rec(id, inv, "bap_recorded", d, extra);
}

static void setup(void)
{
    db = harness_new_db("stats_suite");
    char *extra[] = {"--db", db, "--demo", NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    /* these suites check the lists over files at every stage; the documents
     * that Tahap I also needs (issue 8) are checked in test_acts.c */
    harness_setting(db, "dossier.tahap1_requires_documents", "false");
    char hash[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0 ||
        crypto_pwhash_str(hash, DEMO_PW, strlen(DEMO_PW), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        abort();
    free(sql_value(db,
                   "INSERT INTO app.offices (parent_id, kind, code, name, tz, class) SELECT id, "
                   "'kanim', 'KANIM-UJI', 'Kantor Imigrasi Uji Statistik', 'Asia/Jakarta', "
                   "'Kelas III' FROM app.offices WHERE code = 'KANWIL-SUMSEL' RETURNING id",
                   0, NULL));
    const char *p[2] = {NIP_INV_UJI, hash};
    free(sql_value(db,
                   "INSERT INTO app.users (nip, name, office_id, role, password_hash, "
                   "ppns_card_no, ppns_valid_until) SELECT $1, 'Penyidik Uji', id, "
                   "'investigator', $2, 'PPNS-UJI-1', '2030-01-01' FROM app.offices WHERE code = "
                   "'KANIM-UJI' RETURNING id",
                   2, p));
    inv = api_login(port, NIP_INV_UJI, DEMO_PW);
    sup = api_login(port, NIP_SUP_KANWIL, DEMO_PW);
    pros = api_login(port, NIP_PROS_PLG, DEMO_PW);
    admin = api_login(port, NIP_ADMIN_DITJEN, DEMO_PW);
    char *k = sql_value(db, "SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'", 0, NULL);
    kejari_plg = strtoll(k, NULL, 10);
    free(k);
    /* two months back, so that day 28 is well past and every act is entered late */
    time_t t = time(NULL) + 7 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    y = tm.tm_year + 1900;
    m = tm.tm_mon + 1 - 2;
    if (m < 1) {
        m += 12;
        y--;
    }

    /* A: Sprindik 2, detained 5 (arrested that morning), P-21 20, Tahap II 25 */
    long long a = open_case(1);
    rec(a, inv, "sprindik_issued", 2, NULL);
    long long sa = suspect(a, "122", 2);
    rec(a, inv, "spdp_sent", 3, "\"recipient\":\"kejari\"");
    char ex[160];
    snprintf(ex, sizeof ex, "\"party_id\":%lld,\"polri_order\":\"SP/1\"", sa);
    at(a, "arrested", 5, "08:00", ex);
    snprintf(ex, sizeof ex,
             "\"party_id\":%lld,\"polri_order\":\"SP/2\",\"detention_type\":\"rutan\"", sa);
    at(a, "detained", 5, "14:00", ex);
    bap(a, sa, 6);
    rec(a, inv, "resume_written", 8, NULL);
    rec(a, inv, "tahap1_sent", 10, NULL);
    rec(a, pros, "tahap1_received_by_pu", 11, NULL);
    rec(a, pros, "p21_received", 20, NULL);
    rec(a, inv, "tahap2_done", 25, NULL);
    /* B: prapenyidikan, then TAK */
    long long b = open_case(3);
    rec(b, inv, "pre_investigation_ordered", 4, NULL);
    rec(b, inv, "tak_decided", 6, "\"note\":\"deportasi\"");
    /* C: Sprindik 6, returned once (P-19 15), re-sent 18, P-21 26 */
    long long c = open_case(5);
    rec(c, inv, "sprindik_issued", 6, NULL);
    long long sc = suspect(c, "119(1)", 6);
    rec(c, inv, "spdp_sent", 7, "\"recipient\":\"kejari\"");
    bap(c, sc, 8);
    rec(c, inv, "resume_written", 9, NULL);
    rec(c, inv, "tahap1_sent", 10, NULL);
    rec(c, pros, "tahap1_received_by_pu", 11, NULL);
    rec(c, pros, "p19_received", 15, "\"instructions\":[\"Lengkapi BAP saksi\"]");
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", c);
    const char *pc[1] = {cid};
    char *item = sql_value(db, "SELECT id FROM app.instructions WHERE case_id = $1::bigint", 1, pc);
    snprintf(ex, sizeof ex, "\"instruction_id\":%s,\"answer\":\"Sudah\"", item);
    free(item);
    rec(c, inv, "instruction_answered", 17, ex);
    rec(c, inv, "resubmitted", 18, NULL);
    rec(c, pros, "tahap1_received_by_pu", 19, NULL);
    rec(c, pros, "p21_received", 26, NULL);
    /* D: not pursued */
    long long d = open_case(2);
    rec(d, inv, "dismissed", 4, "\"note\":\"tidak terbukti\"");
}

static void teardown(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(inv);
    free(sup);
    free(pros);
    free(admin);
    free(db);
}

static json_t *report(const char *token)
{
    char path[128];
    snprintf(path, sizeof path, "/api/v1/stats?month=%04d-%02d&office=KANIM-UJI", y, m);
    return call("GET", path, token, NULL, 200);
}

static long long n_of(json_t *total, const char *part, const char *key)
{
    json_t *v = json_object_get(json_object_get(total, part), key);
    ck_assert_msg(json_is_integer(v), "%s.%s missing", part, key);
    return json_integer_value(v);
}

static double real_of(json_t *total, const char *part, const char *key)
{
    json_t *v = json_object_get(json_object_get(total, part), key);
    ck_assert_msg(json_is_number(v), "%s.%s missing", part, key);
    return json_number_value(v);
}

START_TEST(test_the_month_in_figures)
{
    json_t *r = report(sup);
    json_t *t = json_object_get(r, "total");
    /* the stage after each file's last act of the month */
    ck_assert_int_eq(n_of(t, "stages", "handed_over"), 1);
    ck_assert_int_eq(n_of(t, "stages", "administrative"), 1);
    ck_assert_int_eq(n_of(t, "stages", "complete"), 1);
    ck_assert_int_eq(n_of(t, "stages", "dismissed"), 1);
    ck_assert_int_eq(n_of(t, "stages", "investigation"), 0);
    /* the acts of the month */
    ck_assert_int_eq(n_of(t, "acts", "report_registered"), 4);
    ck_assert_int_eq(n_of(t, "acts", "sprindik_issued"), 2);
    ck_assert_int_eq(n_of(t, "acts", "tahap1_sent"), 2);
    ck_assert_int_eq(n_of(t, "acts", "p19_received"), 1);
    ck_assert_int_eq(n_of(t, "acts", "resubmitted"), 1);
    ck_assert_int_eq(n_of(t, "acts", "p21_received"), 2);
    ck_assert_int_eq(n_of(t, "acts", "tahap2_done"), 1);
    ck_assert_int_eq(n_of(t, "acts", "sp3_issued"), 0);
    /* pro justitia against TAK */
    ck_assert_int_eq(n_of(t, "decisions", "pro_justitia"), 2);
    ck_assert_int_eq(n_of(t, "decisions", "tak"), 1);
    ck_assert_int_eq(n_of(t, "decisions", "dismissed"), 1);
    /* per Pasal: the two files charged */
    ck_assert_int_eq(n_of(t, "pasal", "122"), 1);
    ck_assert_int_eq(n_of(t, "pasal", "119"), 1);
    /* P-19: one return; of the two files completed, 0 and 1 rounds */
    ck_assert_int_eq(n_of(t, "p19", "returns"), 1);
    ck_assert_int_eq(n_of(t, "p19", "files_complete"), 2);
    ck_assert(real_of(t, "p19", "rounds_avg") > 0.49 && real_of(t, "p19", "rounds_avg") < 0.51);
    ck_assert_int_eq(n_of(t, "p19", "rounds_max"), 1);
    /* Sprindik to P-21: 18 (A: 2 to 20) and 20 days (C: 6 to 26) */
    ck_assert_int_eq(n_of(t, "sprindik_to_p21", "files"), 2);
    ck_assert(real_of(t, "sprindik_to_p21", "avg") > 18.99 &&
              real_of(t, "sprindik_to_p21", "avg") < 19.01);
    ck_assert(real_of(t, "sprindik_to_p21", "median") > 18.99 &&
              real_of(t, "sprindik_to_p21", "median") < 19.01);
    ck_assert_int_eq(n_of(t, "sprindik_to_p21", "max"), 20);
    /* P-21 to Tahap II: 5 days (A: 20 to 25) */
    ck_assert_int_eq(n_of(t, "p21_to_tahap2", "files"), 1);
    ck_assert_int_eq(n_of(t, "p21_to_tahap2", "max"), 5);
    /* detained from day 5 through day 25, when custody passed to the PU: 21 days */
    ck_assert_int_eq(json_integer_value(json_object_get(t, "detention_days")), 21);
    /* every act was entered more than 3 days after its date: 12 + 3 + 13 + 2 */
    ck_assert_int_eq(json_integer_value(json_object_get(t, "late_entries")), 30);
    /* one office, the same figures */
    json_t *o = json_array_get(json_object_get(r, "offices"), 0);
    ck_assert_uint_eq(json_array_size(json_object_get(r, "offices")), 1);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(o, "office"), "code")),
                     "KANIM-UJI");
    ck_assert_int_eq(json_integer_value(json_object_get(o, "late_entries")), 30);
    json_decref(r);
    /* the investigator of the office sees the same month of his office */
    r = report(inv);
    ck_assert_int_eq(n_of(json_object_get(r, "total"), "acts", "p21_received"), 2);
    json_decref(r);
    /* the year holds the month */
    char path[96];
    snprintf(path, sizeof path, "/api/v1/stats?year=%04d&office=KANIM-UJI", y);
    r = call("GET", path, sup, NULL, 200);
    ck_assert_int_ge(n_of(json_object_get(r, "total"), "acts", "report_registered"), 4);
    json_decref(r);
}
END_TEST

START_TEST(test_csv_and_pdf_carry_the_figures)
{
    char path[160];
    snprintf(path, sizeof path, "/api/v1/stats?month=%04d-%02d&office=KANIM-UJI&format=csv", y, m);
    struct http_result r;
    ck_assert(api_call(port, "GET", path, sup, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.content_type, "text/csv"));
    ck_assert_ptr_nonnull(strstr(r.body, "kantor,bagian,kunci,nilai\r\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "KANIM-UJI,acts,p21_received,2\r\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "JUMLAH,late_entries,count,30\r\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "JUMLAH,detention,days,21\r\n"));
    http_result_free(&r);

    snprintf(path, sizeof path, "/api/v1/stats.pdf?month=%04d-%02d&office=KANIM-UJI", y, m);
    ck_assert(api_call(port, "GET", path, sup, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    ck_assert_str_eq(r.content_type, "application/pdf");
    http_result_free(&r);
    char *dir = harness_mkdtemp("stats-pdf");
    char file[512];
    snprintf(file, sizeof file, "%s/laporan.pdf", dir);
    /* the CLI writes it whole: pdftotext reads the figures back */
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char url[64], month[16];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    setenv("BERKAS_SERVER", url, 1);
    snprintf(month, sizeof month, "%04d-%02d", y, m);
    char *login[] = {(char *)harness_cli(), "login", "--nip", NIP_SUP_KANWIL, NULL};
    char *out = NULL;
    ck_assert_int_eq(run_capture(login, 30000, &out), 0);
    free(out);
    char *rep[] = {(char *)harness_cli(), "report", "--month", month,     "--office",
                   "KANIM-UJI",           "-o",     file,      "--force", NULL};
    ck_assert_int_eq(run_capture(rep, 60000, &out), 0);
    free(out);
    char *info[] = {"/usr/bin/pdfinfo", file, NULL};
    ck_assert_int_eq(run_capture(info, 30000, &out), 0);
    ck_assert_ptr_nonnull(strstr(out, "Pages:"));
    free(out);
    char *text[] = {"/usr/bin/pdftotext", "-layout", file, "-", NULL};
    ck_assert_int_eq(run_capture(text, 30000, &out), 0);
    ck_assert_ptr_nonnull(strstr(out, "LAPORAN STATISTIK PERKARA TINDAK PIDANA KEIMIGRASIAN"));
    ck_assert_ptr_nonnull(strstr(out, "Kantor Imigrasi Uji Statistik"));
    ck_assert_ptr_nonnull(strstr(out, "Pro justitia (Sprindik)"));
    ck_assert_ptr_nonnull(strstr(out, "Sprindik sampai P-21"));
    ck_assert_msg(strstr(out, "orang-hari dalam") && strstr(out, "21."), "%s", out);
    ck_assert_ptr_nonnull(strstr(out, "KANIM-UJI"));
    free(out);
    /* the terminal table, and an existing file kept without --force */
    char *table[] = {(char *)harness_cli(), "report", "--month", month, "--office",
                     "KANIM-UJI",           NULL};
    ck_assert_int_eq(run_capture(table, 30000, &out), 0);
    ck_assert_ptr_nonnull(strstr(out, "KANIM-UJI"));
    ck_assert_ptr_nonnull(strstr(out, "JUMLAH"));
    free(out);
    char *keep[] = {(char *)harness_cli(), "report", "--month", month, "-o", file, NULL};
    ck_assert_int_eq(run_capture(keep, 30000, &out), 2);
    free(out);
    char *neither[] = {(char *)harness_cli(), "report", NULL};
    ck_assert_int_eq(run_capture(neither, 30000, &out), 2);
    free(out);
    free(dir);
}
END_TEST

/* UU 6/2011 Pasal 110 (DOMAIN 4.14): a Pasal 116 file handed over under the short procedure has no
 * P-21 and no berkas perkara - it is not Tahap II.  Found in acceptance: the report counted it as
 * tahap2_done, so a Ditjen reader could not tell the files that went the short way.  A file of
 * its own, the month before the fixture's: counted as short_procedure_handover, tahap2_done 0,
 * in the total, in its office and in the CSV. */
START_TEST(test_a_short_procedure_handover_is_counted_as_itself)
{
    if (--m < 1) { /* this test's own month: the fixture's other files are not in it */
        m = 12;
        y--;
    }
    long long e = open_case(1);
    rec(e, inv, "sprindik_issued", 2, NULL);
    bap(e, suspect(e, "116", 2), 2);
    rec(e, inv, "spdp_sent", 2, "\"recipient\":\"kejari\"");
    rec(e, inv, "short_procedure_handover", 3,
        "\"catatan\":\"Tidak memperlihatkan paspor ketika diminta petugas (Pasal 116)\"");
    json_t *r = report(sup);
    json_t *t = json_object_get(r, "total");
    ck_assert_int_eq(n_of(t, "acts", "short_procedure_handover"), 1);
    ck_assert_int_eq(n_of(t, "acts", "tahap2_done"), 0);
    ck_assert_int_eq(n_of(t, "stages", "handed_over"), 1);
    json_t *o = json_array_get(json_object_get(r, "offices"), 0);
    ck_assert_int_eq(n_of(o, "acts", "short_procedure_handover"), 1);
    ck_assert_int_eq(n_of(o, "acts", "tahap2_done"), 0);
    json_decref(r);
    char path[160];
    snprintf(path, sizeof path, "/api/v1/stats?month=%04d-%02d&office=KANIM-UJI&format=csv", y, m);
    struct http_result c;
    ck_assert(api_call(port, "GET", path, sup, NULL, &c));
    ck_assert_int_eq(c.status, 200);
    ck_assert_ptr_nonnull(strstr(c.body, "KANIM-UJI,acts,short_procedure_handover,1\r\n"));
    ck_assert_ptr_nonnull(strstr(c.body, "KANIM-UJI,acts,tahap2_done,0\r\n"));
    http_result_free(&c);
}
END_TEST

START_TEST(test_bad_periods_and_callers_are_refused)
{
    static const char *const bad[][2] = {{"month=2026-13", "month"},
                                         {"month=2026-1", "month"},
                                         {"year=20", "year"},
                                         {"year=1999", "year"},
                                         {"", "month"},
                                         {"month=2026-01&year=2026", "year"},
                                         {"month=2026-01&format=xml", "format"},
                                         {"month=2026-01&office=NOPE-2", "office"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "/api/v1/stats?%s", bad[i][0]);
        json_t *p = call("GET", path, sup, NULL, 400);
        ck_assert_msg(strcmp(json_string_value(json_object_get(p, "field")), bad[i][1]) == 0,
                      "%s: %s", bad[i][0], json_string_value(json_object_get(p, "field")));
        json_decref(p);
    }
    json_decref(call("GET", "/api/v1/stats?month=2026-01", pros, NULL, 403));
    json_decref(call("GET", "/api/v1/stats?month=2026-01", admin, NULL, 403));
    json_decref(call("GET", "/api/v1/stats?month=2026-01", NULL, NULL, 401));
    json_decref(call("GET", "/api/v1/stats.pdf?month=2026-01", pros, NULL, 403));
    json_decref(call("GET", "/api/v1/stats.pdf?month=2026-13", sup, NULL, 400));
}
END_TEST

Suite *suite_stats(void)
{
    Suite *s = suite_create("stats");
    TCase *tc = tcase_create("stats");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_the_month_in_figures);
    tcase_add_test(tc, test_csv_and_pdf_carry_the_figures);
    tcase_add_test(tc, test_bad_periods_and_callers_are_refused);
    tcase_add_test(tc, test_a_short_procedure_handover_is_counted_as_itself);
    suite_add_tcase(s, tc);
    return s;
}
