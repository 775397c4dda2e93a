/*
 * test_inbox.c - the prosecutor's inbox over real HTTP and the real CLI
 * (issue 10, item 4): what the investigator sends arrives at the Kejari it
 * was sent to (KUHAP 109(1) the SPDP, 8(3)(a) and 110(1) the file, 110(3) the
 * file re-sent after a P-19), with its dates, the sending office, the
 * suspects and offences; read or not per prosecutor; the prosecutor's own
 * deadlines first (KUHAP 138(1): 7 days to say complete or not); and the
 * prosecutor's verbs recorded as the acts they stand for.
 */
#include <check.h>
#include <jansson.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "suites.h"

#define NIP_PROS_PLG2 "198909092014032003" /* a second jaksa at Kejari Palembang, made here */

static struct proc server;
static int port;
static char *db;
static char *inv, *pros, *pros2, *pros_mre, *sup, *admin;
static long long kejari_plg;

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(port, method, path, token, body, want);
}

static void rec(long long id, const char *token, const char *type, int ago, const char *extra)
{
    char date[11], body[1024], path[64];
    days_ago(ago, date);
    snprintf(body, sizeof body, "{\"type\":\"%s\",\"date\":\"%s\"%s%s}", type, date,
             extra ? "," : "", extra ? extra : "");
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_decref(call("POST", path, token, body, 201));
}

/* A case at Palembang for Kejari Palembang: Sprindik, a suspect charged with
 * Pasal 122 and examined, and (spdp) the SPDP to the Kejari, `ago` days back. */
static long long new_case(const char *name, int ago, bool spdp)
{
    char date[11], body[512], path[64];
    days_ago(ago + 2, date);
    snprintf(body, sizeof body,
             "{\"source\":\"tim_pora\",\"opened_on\":\"%s\",\"summary\":\"Uji kotak masuk\","
             "\"kejari_id\":%lld}",
             date, kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    rec(id, inv, "sprindik_issued", ago + 1, NULL);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body, "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"MY\"}",
             name);
    json_t *p = call("POST", path, inv, body, 201);
    long long pid = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", pid);
    json_decref(call("POST", path, inv, body, 201));
    char extra[128];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", pid);
    rec(id, inv, "suspect_designated", ago + 1, extra);
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"bap\":\"tersangka\"", pid);
    rec(id, inv, "bap_recorded", ago + 1, extra);
    rec(id, inv, "resume_written", ago + 1, NULL);
    if (spdp)
        rec(id, inv, "spdp_sent", ago, "\"recipient\":\"kejari\"");
    return id;
}

static json_t *inbox(const char *token, const char *query)
{
    char path[256];
    snprintf(path, sizeof path, "/api/v1/inbox?limit=100%s%s", query ? "&" : "",
             query ? query : "");
    json_t *p = call("GET", path, token, NULL, 200);
    json_t *items = json_incref(json_object_get(p, "items"));
    json_decref(p);
    return items;
}

static json_t *row_of(json_t *items, long long id)
{
    json_t *it;
    size_t i;
    json_array_foreach(items, i, it)
    {
        if (json_integer_value(json_object_get(it, "case_id")) == id)
            return it;
    }
    return NULL;
}

static const char *latest(json_t *row, const char *key)
{
    const char *s = json_string_value(json_object_get(json_object_get(row, "latest"), key));
    return s ? s : "";
}

static char *token_of(const char *nip)
{
    char *t = api_login(port, nip, DEMO_PW);
    ck_assert_msg(t != NULL, "log-on %s", nip);
    return t;
}

static void setup(void)
{
    db = harness_new_db("inbox_suite");
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
    const char *p[2] = {NIP_PROS_PLG2, hash};
    free(sql_value(db,
                   "INSERT INTO app.users (nip, name, office_id, role, password_hash) SELECT $1, "
                   "'Ratih Kusuma', id, 'prosecutor', $2 FROM app.offices WHERE code = "
                   "'KEJARI-PLG' RETURNING id",
                   2, p));
    inv = token_of(NIP_INV_PLG);
    pros = token_of(NIP_PROS_PLG);
    pros2 = token_of(NIP_PROS_PLG2);
    pros_mre = token_of("198506062010011003");
    sup = token_of(NIP_SUP_KANWIL);
    admin = token_of(NIP_ADMIN_DITJEN);
    char *k = sql_value(db, "SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'", 0, NULL);
    kejari_plg = strtoll(k, NULL, 10);
    free(k);
}

static void teardown(void)
{
    proc_stop(&server);
    proc_free(&server);
    char **t[] = {&inv, &pros, &pros2, &pros_mre, &sup, &admin};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        free(*t[i]);
    free(db);
}

START_TEST(test_an_spdp_arrives_at_its_kejari_with_who_sent_it_and_about_whom)
{
    long long id = new_case("Lim Wei Ming", 5, true);
    char sent[11];
    days_ago(5, sent);
    json_t *items = inbox(pros, NULL);
    json_t *row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(latest(row, "kind"), "spdp");
    ck_assert_str_eq(latest(row, "sent_on"), sent);
    ck_assert(json_is_null(json_object_get(json_object_get(row, "latest"), "received_on")));
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(row, "from"), "code")),
                     "KANIM-PLG");
    ck_assert_str_eq(json_string_value(json_object_get(
                         json_array_get(json_object_get(row, "suspects"), 0), "name")),
                     "Lim Wei Ming");
    ck_assert_str_eq(json_string_value(json_object_get(
                         json_array_get(json_object_get(row, "offences"), 0), "code")),
                     "122");
    ck_assert(json_is_true(json_object_get(row, "unread")));
    /* what the prosecutor can do: register the SPDP, appoint the jaksa (P-16) */
    json_t *next = json_object_get(row, "next");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(next, 0), "event")),
                     "spdp_received_by_pu");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(next, 1), "verb")),
                     "appoint");
    json_decref(items);
    /* Muara Enim's Kejari sees nothing of Palembang's */
    items = inbox(pros_mre, NULL);
    ck_assert_ptr_null(row_of(items, id));
    json_decref(items);
    /* an SPDP to the embassy alone is no arrival at the Kejari */
    long long other = new_case("Tan Ah Kow", 4, false);
    rec(other, inv, "spdp_sent", 4, "\"recipient\":\"embassy\"");
    items = inbox(pros, NULL);
    ck_assert_ptr_null(row_of(items, other));
    json_decref(items);
}
END_TEST

/* KUHAP 109(2): an investigation stopped by SP3 is over; its SPDP, never recorded received, is
 * still listed as what arrived, but the prosecutor is offered nothing to do with it - the
 * receipt the inbox used to offer is refused by the stage machine (409). */
START_TEST(test_a_stopped_investigation_offers_the_prosecutor_nothing)
{
    long long id = new_case("Ng Boon Hock", 10, true);
    rec(id, inv, "sp3_issued", 3, "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    json_t *items = inbox(pros, NULL);
    json_t *row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(latest(row, "kind"), "spdp");
    ck_assert(json_is_null(json_object_get(json_object_get(row, "latest"), "received_on")));
    ck_assert_int_eq(json_array_size(json_object_get(row, "next")), 0);
    json_decref(items);
    char date[11], body[128], path[64];
    days_ago(1, date);
    snprintf(body, sizeof body, "{\"type\":\"spdp_received_by_pu\",\"date\":\"%s\"}", date);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_decref(call("POST", path, pros, body, 409));
}
END_TEST

/* UU 6/2011 Pasal 110 (DOMAIN 4.14): a Pasal 116 file goes the short way - the PPNS hands the
 * suspect, the evidence and the catatan to the Penuntut Umum; there is no P-21 before it and no
 * berkas perkara.  Found in acceptance: the inbox called it Tahap II (latest.kind tahap2, 'Tahap
 * II selesai'), awaiting for ever with nothing to record, and offered a dossier that answered 422.
 * It says what it is, awaits nothing of him, offers no dossier; the case says so too; another
 * Kejari's prosecutor does not see it. */
START_TEST(test_a_short_procedure_handover_arrives_as_what_it_is)
{
    char date[11], body[512], path[96];
    days_ago(5, date);
    snprintf(body, sizeof body,
             "{\"source\":\"tim_pora\",\"opened_on\":\"%s\",\"summary\":\"Acara singkat\","
             "\"kejari_id\":%lld}",
             date, kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    rec(id, inv, "sprindik_issued", 4, NULL);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, inv,
                     "{\"kind\":\"suspect\",\"name\":\"SATO KENJI\",\"nationality\":\"JP\"}", 201);
    long long pid = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"116\",\"party_id\":%lld}", pid);
    json_decref(call("POST", path, inv, body, 201));
    char extra[256];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", pid);
    rec(id, inv, "suspect_designated", 4, extra);
    rec(id, inv, "spdp_sent", 4, "\"recipient\":\"kejari\"");
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"bap\":\"tersangka\"", pid);
    rec(id, inv, "bap_recorded", 3, extra);
    rec(id, inv, "short_procedure_handover", 2,
        "\"catatan\":\"Tidak memperlihatkan paspor ketika diminta petugas (Pasal 116)\"");
    json_t *items = inbox(pros, NULL);
    json_t *row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(latest(row, "kind"), "short");
    ck_assert_str_eq(latest(row, "label"), "Penyerahan perkara acara singkat");
    ck_assert(json_is_false(json_object_get(json_object_get(row, "latest"), "awaiting")));
    ck_assert_str_eq(json_string_value(json_object_get(row, "stage")), "handed_over");
    ck_assert_str_eq(json_string_value(json_object_get(row, "stage_label")),
                     "Penyerahan perkara acara singkat");
    ck_assert_int_eq(json_array_size(json_object_get(row, "next")), 0);
    ck_assert(json_is_null(json_object_get(row, "dossier")));
    json_decref(items);
    items = inbox(pros, "kind=short");
    ck_assert_ptr_nonnull(row_of(items, id));
    json_decref(items);
    items = inbox(pros, "kind=tahap2");
    ck_assert_ptr_null(row_of(items, id));
    json_decref(items);
    items = inbox(pros_mre, NULL);
    ck_assert_ptr_null(row_of(items, id));
    json_decref(items);
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    c = call("GET", path, inv, NULL, 200);
    ck_assert_str_eq(json_string_value(json_object_get(c, "stage_label")),
                     "Penyerahan perkara acara singkat");
    json_decref(c);
}
END_TEST

static int cli(char **out, ...);

/* The arrival of kind of the row's arrivals (the first), or NULL. */
static json_t *arrival_of(json_t *row, const char *kind)
{
    json_t *a;
    size_t i;
    json_array_foreach(json_object_get(row, "arrivals"), i, a)
    {
        if (strcmp(json_string_value(json_object_get(a, "kind")), kind) == 0)
            return a;
    }
    return NULL;
}

/* KUHAP 109(3), DOMAIN 4.15: a PPNS who stops an investigation notifies the PU.  The SP3's
 * notice delivered to the Kejari (sp3_notified, recipient kejari) reaches the prosecutor's desk
 * as an arrival of its own (kind sp3), received the day it was delivered, and the SPDP that
 * came before it and was never recorded received awaits nothing any more: ended that day, not
 * "belum diterima" (the acceptance tester's defect: the desk still said only "SPDP masuk,
 * belum diterima" and --kind had no sp3).  A notice to Korwas alone is no arrival at the
 * Kejari; another Kejari's prosecutor sees nothing of it. */
/* The SP3's notice corrected to another addressee is what it now says (DOMAIN 12: the act as
 * it stands): one to Korwas corrected to the Kejari arrives at his desk; one to the Kejari
 * corrected to the suspect no longer does - the desk read the act's first recipient, while
 * its clocks read the corrected one. */
START_TEST(test_an_sp3_notice_corrected_to_another_addressee_arrives_as_it_now_says)
{
    long long id = new_case("Bui Thi Lan", 10, true);
    rec(id, inv, "sp3_issued", 3, "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    char date[11], body[256], path[64];
    days_ago(3, date);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"sp3_notified\",\"date\":\"%s\",\"recipient\":\"korwas\"}", date);
    json_t *j = call("POST", path, inv, body, 201);
    long long ev = json_integer_value(json_object_get(j, "id"));
    json_decref(j);
    json_t *items = inbox(pros, NULL);
    ck_assert_ptr_null(arrival_of(row_of(items, id), "sp3"));
    json_decref(items);
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%lld,\"recipient\":\"kejari\"}",
             date, ev);
    json_decref(call("POST", path, inv, body, 201));
    items = inbox(pros, NULL);
    json_t *row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    ck_assert_msg(arrival_of(row, "sp3") != NULL, "corrected to the Kejari, not on his desk");
    ck_assert_str_eq(latest(row, "kind"), "sp3");
    json_decref(items);
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%lld,\"recipient\":\"suspect\"}",
             date, ev);
    json_decref(call("POST", path, inv, body, 201));
    items = inbox(pros, NULL);
    ck_assert_ptr_null(arrival_of(row_of(items, id), "sp3"));
    json_decref(items);
}
END_TEST

START_TEST(test_the_sp3_notice_arrives_at_the_kejari_and_ends_the_spdp_awaiting)
{
    long long id = new_case("Lim Wei Jie", 10, true);
    rec(id, inv, "sp3_issued", 3, "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    rec(id, inv, "sp3_notified", 3, "\"recipient\":\"korwas\"");
    json_t *items = inbox(pros, NULL);
    json_t *row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(latest(row, "kind"), "spdp"); /* Korwas' notice is not the Kejari's */
    ck_assert_ptr_null(arrival_of(row, "sp3"));
    json_decref(items);
    rec(id, inv, "sp3_notified", 2, "\"recipient\":\"kejari\"");
    char on[11];
    days_ago(2, on);
    items = inbox(pros, NULL);
    row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(latest(row, "kind"), "sp3");
    ck_assert_str_eq(latest(row, "label"), "Pemberitahuan penghentian penyidikan (SP3)");
    ck_assert_str_eq(latest(row, "sent_on"), on);
    ck_assert_str_eq(latest(row, "received_on"), on);
    ck_assert(json_is_false(json_object_get(json_object_get(row, "latest"), "awaiting")));
    ck_assert(json_is_true(json_object_get(row, "unread")));
    json_t *spdp = arrival_of(row, "spdp");
    ck_assert_ptr_nonnull(spdp);
    ck_assert(json_is_null(json_object_get(spdp, "received_on")));
    ck_assert_str_eq(json_string_value(json_object_get(spdp, "ended_on")), on);
    ck_assert(json_is_false(json_object_get(spdp, "awaiting")));
    ck_assert_int_eq(json_array_size(json_object_get(row, "next")), 0);
    json_decref(items);
    /* the filter by the latest arrival's kind */
    items = inbox(pros, "kind=sp3");
    ck_assert_ptr_nonnull(row_of(items, id));
    json_decref(items);
    items = inbox(pros, "kind=spdp");
    ck_assert_ptr_null(row_of(items, id));
    json_decref(items);
    json_t *p = call("GET", "/api/v1/inbox?kind=sp4", pros, NULL, 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "kind");
    json_decref(p);
    /* Muara Enim's Kejari sees nothing of it; an investigator has no inbox */
    items = inbox(pros_mre, "kind=sp3");
    ck_assert_ptr_null(row_of(items, id));
    json_decref(items);
    json_decref(call("GET", "/api/v1/inbox?kind=sp3", inv, NULL, 403));
    /* berkas inbox show says it in the prosecutor's words */
    char cid[24], *out = NULL;
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    char *number = sql_value(db, "SELECT number FROM app.cases WHERE id = $1::bigint", 1, q);
    char *dir = harness_mkdtemp("inbox-sp3");
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    setenv("BERKAS_SERVER", url, 1);
    ck_assert_int_eq(cli(&out, "login", "--nip", NIP_PROS_PLG, NULL), 0);
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", "show", number, NULL), 0);
    char want[160];
    snprintf(want, sizeof want, "SPDP masuk, tidak diterima: penyidikan dihentikan %s", on);
    ck_assert_msg(strstr(out, want) != NULL, "%s", out);
    snprintf(want, sizeof want, "Pemberitahuan penghentian penyidikan (SP3), diterima %s", on);
    ck_assert_msg(strstr(out, want) != NULL, "%s", out);
    ck_assert_msg(strstr(out, "belum diterima") == NULL, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", "--kind", "sp3", NULL), 0);
    ck_assert_msg(strstr(out, number) != NULL, "%s", out);
    free(out);
    free(number);
    free(dir);
    /* a file still open: its SPDP awaits the prosecutor's receipt */
    long long open = new_case("Tan Mei Ling", 4, true);
    items = inbox(pros, NULL);
    spdp = arrival_of(row_of(items, open), "spdp");
    ck_assert(json_is_true(json_object_get(spdp, "awaiting")));
    ck_assert(json_is_null(json_object_get(spdp, "ended_on")));
    json_decref(items);
}
END_TEST

/* DOMAIN 5.1: the receipt at the Kejaksaan is the date on its tanda terima. An SPDP the
 * investigator delivered to the Kejari's desk, signed for two days after it was sent, arrived
 * received on that day - not "not yet received" while the P-17 already counts from it - and
 * the inbox offers no receipt to record again. */
START_TEST(test_an_spdp_signed_for_at_the_kejari_is_received_that_day)
{
    long long id = new_case("Chua Kim Seng", 6, true);
    rec(id, inv, "letter_delivered", 4,
        "\"recipient\":\"spdp_kejari\",\"received_by\":\"Petugas PTSP Kejaksaan Negeri\"");
    char on[11];
    days_ago(4, on);
    json_t *items = inbox(pros, NULL);
    json_t *row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    ck_assert_str_eq(latest(row, "kind"), "spdp");
    ck_assert_str_eq(latest(row, "received_on"), on);
    json_t *n;
    size_t i;
    json_array_foreach(json_object_get(row, "next"), i, n)
    {
        ck_assert_str_ne(json_string_value(json_object_get(n, "verb")), "receive");
    }
    json_decref(items);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, pros, NULL, 200);
    json_t *k;
    json_array_foreach(json_object_get(c, "clocks"), i, k)
    {
        if (strcmp(json_string_value(json_object_get(k, "code")), "p17") == 0)
            ck_assert_str_eq(json_string_value(json_object_get(k, "start")), on);
    }
    json_decref(c);
}
END_TEST

/* What the inbox names of a case is what was entered: a suspect's name with
 * quotes, commas, braces, a backslash, one named "NULL" and one without a
 * nationality; each offence once however many suspects it is charged to,
 * by its code. */
START_TEST(test_suspects_come_as_entered_and_each_offence_once)
{
    long long id = new_case("O\\\"Brien, {Jr.} \\\\ x", 3, true);
    char path[64], body[256];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, inv, "{\"kind\":\"suspect\",\"name\":\"NULL\"}", 201);
    long long second = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", second);
    json_decref(call("POST", path, inv, body, 201));
    snprintf(body, sizeof body, "{\"code\":\"119(1)\",\"party_id\":%lld}", second);
    json_decref(call("POST", path, inv, body, 201));
    json_t *items = inbox(pros, NULL);
    json_t *row = row_of(items, id);
    ck_assert_ptr_nonnull(row);
    json_t *sus = json_object_get(row, "suspects");
    ck_assert_int_eq(json_array_size(sus), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(sus, 0), "name")),
                     "O\"Brien, {Jr.} \\ x");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(sus, 0), "nationality")),
                     "MY");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(sus, 1), "name")), "NULL");
    ck_assert(json_is_null(json_object_get(json_array_get(sus, 1), "nationality")));
    json_t *off = json_object_get(row, "offences");
    ck_assert_int_eq(json_array_size(off), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(off, 0), "code")), "119(1)");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(off, 1), "code")), "122");
    ck_assert(json_is_array(json_object_get(row, "jaksa")));
    ck_assert_int_eq(json_array_size(json_object_get(row, "jaksa")), 0);
    json_decref(items);
}
END_TEST

START_TEST(test_the_prosecutors_own_deadlines_come_first)
{
    /* D9: the file received 8 days ago must be answered within 7: overdue */
    long long late = new_case("Ong Kah Seng", 15, true);
    rec(late, inv, "tahap1_sent", 9, NULL);
    rec(late, pros, "tahap1_received_by_pu", 8, NULL);
    /* a file the prosecutor finished with (P-21): nothing for them to do */
    long long done = new_case("Chua Beng Hock", 40, true);
    rec(done, inv, "tahap1_sent", 30, NULL);
    rec(done, pros, "tahap1_received_by_pu", 29, NULL);
    rec(done, pros, "p21_received", 25, NULL);
    json_t *items = inbox(pros, NULL);
    json_t *row = row_of(items, late);
    ck_assert_str_eq(latest(row, "kind"), "tahap1");
    json_t *dl = json_object_get(row, "deadline");
    ck_assert_str_eq(json_string_value(json_object_get(dl, "code")), "pu_answer");
    ck_assert_str_eq(json_string_value(json_object_get(dl, "state")), "overdue");
    ck_assert_int_eq(json_integer_value(json_object_get(dl, "days_left")), -1);
    ck_assert(json_is_null(json_object_get(row_of(items, done), "deadline")));
    /* every row with a deadline before every row without, deadlines in order */
    bool without = false;
    json_t *it;
    size_t i;
    json_array_foreach(items, i, it)
    {
        bool has = json_is_object(json_object_get(it, "deadline"));
        ck_assert_msg(!(has && without), "a deadline after a row without one: case %lld",
                      (long long)json_integer_value(json_object_get(it, "case_id")));
        without |= !has;
    }
    json_decref(items);
    /* the same, a page of two at a time */
    json_t *all = inbox(pros, NULL), *paged = json_array();
    char cursor[96] = "";
    for (int page = 0; page < 100; page++) {
        char path[192];
        snprintf(path, sizeof path, "/api/v1/inbox?limit=2%s%s", cursor[0] ? "&cursor=" : "",
                 cursor);
        json_t *p = call("GET", path, pros, NULL, 200);
        json_array_extend(paged, json_object_get(p, "items"));
        json_t *next = json_object_get(p, "next_cursor");
        bool more = json_is_string(next);
        if (more)
            snprintf(cursor, sizeof cursor, "%s", json_string_value(next));
        json_decref(p);
        if (!more)
            break;
    }
    ck_assert_uint_eq(json_array_size(paged), json_array_size(all));
    for (size_t k = 0; k < json_array_size(all); k++)
        ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(all, k), "case_id")),
                         json_integer_value(json_object_get(json_array_get(paged, k), "case_id")));
    json_decref(all);
    json_decref(paged);
}
END_TEST

START_TEST(test_read_or_not_is_each_prosecutors_own)
{
    long long id = new_case("Goh Chok Tong", 3, true);
    char body[96];
    snprintf(body, sizeof body, "{\"cases\":[%lld]}", id);
    json_t *r = call("POST", "/api/v1/inbox/read", pros, body, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(r, "read")), 1);
    json_decref(r);
    json_t *mine = inbox(pros, NULL), *hers = inbox(pros2, NULL);
    ck_assert(json_is_false(json_object_get(row_of(mine, id), "unread")));
    ck_assert(json_is_true(json_object_get(row_of(hers, id), "unread")));
    json_decref(mine);
    json_decref(hers);
    mine = inbox(pros, "unread=true");
    ck_assert_ptr_null(row_of(mine, id));
    json_decref(mine);
    /* something new arrives: unread again */
    rec(id, inv, "tahap1_sent", 1, NULL);
    mine = inbox(pros, "unread=true");
    ck_assert_ptr_nonnull(row_of(mine, id));
    ck_assert_str_eq(latest(row_of(mine, id), "kind"), "tahap1");
    json_decref(mine);
    /* an arrival by its event id */
    mine = inbox(pros, NULL);
    long long ev = json_integer_value(
        json_object_get(json_object_get(row_of(mine, id), "latest"), "event_id"));
    json_decref(mine);
    snprintf(body, sizeof body, "{\"events\":[%lld]}", ev);
    json_decref(call("POST", "/api/v1/inbox/read", pros, body, 200));
    /* bad input and other people's arrivals */
    json_decref(call("POST", "/api/v1/inbox/read", pros, "{}", 400));
    json_decref(call("POST", "/api/v1/inbox/read", pros, "{\"events\":[\"x\"]}", 400));
    json_decref(call("POST", "/api/v1/inbox/read", pros, "{\"events\":[0]}", 400));
    json_decref(call("POST", "/api/v1/inbox/read", pros, "{\"cases\":{}}", 400));
    json_decref(call("POST", "/api/v1/inbox/read", pros, "{\"seen\":[1]}", 400));
    json_decref(call("POST", "/api/v1/inbox/read", pros_mre, body, 404));
    json_decref(call("POST", "/api/v1/inbox/read", inv, body, 403));
    json_decref(call("POST", "/api/v1/inbox/read", NULL, body, 401));
}
END_TEST

START_TEST(test_only_prosecutors_have_an_inbox_and_bad_filters_are_refused)
{
    json_decref(call("GET", "/api/v1/inbox", inv, NULL, 403));
    json_decref(call("GET", "/api/v1/inbox", sup, NULL, 403));
    json_decref(call("GET", "/api/v1/inbox", admin, NULL, 403));
    json_decref(call("GET", "/api/v1/inbox", NULL, NULL, 401));
    static const char *const bad[][2] = {{"kind=p21", "kind"},       {"unread=yes", "unread"},
                                         {"mine=1", "mine"},         {"cursor=c.1.1", "cursor"},
                                         {"cursor=a.x.1", "cursor"}, {"limit=101", "limit"},
                                         {"case=abc", "case"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "/api/v1/inbox?%s", bad[i][0]);
        json_t *p = call("GET", path, pros, NULL, 400);
        ck_assert_str_eq(json_string_value(json_object_get(p, "field")), bad[i][1]);
        json_decref(p);
    }
}
END_TEST

/* The prosecutor's cycle from the terminal, in the prosecutor's verbs. */
static int cli(char **out, ...)
{
    char *argv[24] = {(char *)harness_cli()};
    va_list ap;
    va_start(ap, out);
    int n = 1;
    for (char *a; n < 23 && (a = va_arg(ap, char *)) != NULL;)
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 30000, out);
}

static const char *stage_of(long long id)
{
    static char stage[64];
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *s = sql_value(db, "SELECT stage FROM app.cases WHERE id = $1::bigint", 1, p);
    snprintf(stage, sizeof stage, "%s", s);
    free(s);
    return stage;
}

START_TEST(test_receive_appoint_return_and_accept_from_the_inbox)
{
    long long id = new_case("Wong Ka Wai", 10, true);
    char cid[24], *out = NULL;
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *number = sql_value(db, "SELECT number FROM app.cases WHERE id = $1::bigint", 1, p);
    char *dir = harness_mkdtemp("inbox-cli");
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    setenv("BERKAS_SERVER", url, 1);
    ck_assert_int_eq(cli(&out, "login", "--nip", NIP_PROS_PLG, NULL), 0);
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", NULL), 0);
    ck_assert_msg(strstr(out, number) && strstr(out, "SPDP masuk"), "%s", out);
    free(out);
    /* "SPDP diterima": the act of the log is spdp_received_by_pu */
    ck_assert_int_eq(cli(&out, "inbox", "receive", number, NULL), 0);
    free(out);
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.events WHERE case_id = $1::bigint AND "
                               "type = 'spdp_received_by_pu'",
                               1, p),
                     1);
    /* P-16 names a jaksa: the second jaksa, her NIP as printed */
    ck_assert_int_eq(
        cli(&out, "inbox", "appoint", number, "--jaksa", "19890909 201403 2 003", NULL), 0);
    free(out);
    ck_assert_int_eq(
        sql_count(db,
                  "SELECT count(*) FROM app.case_prosecutors cp JOIN app.users u ON "
                  "u.id = cp.user_id WHERE cp.case_id = $1::bigint AND u.nip = '" NIP_PROS_PLG2 "'",
                  1, p),
        1);
    /* the file comes; received, returned with two instructions */
    rec(id, inv, "tahap1_sent", 2, NULL);
    ck_assert_int_eq(cli(&out, "inbox", "receive", number, NULL), 0);
    free(out);
    ck_assert_str_eq(stage_of(id), "with_prosecutor");
    ck_assert_int_eq(cli(&out, "inbox", "return", number, NULL), 2); /* no instruction */
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", "return", number, "--instruction",
                         "Lengkapi BAP saksi pelapor", "--instruction",
                         "Lampirkan izin tinggal asli", NULL),
                     0);
    free(out);
    ck_assert_str_eq(stage_of(id), "returned");
    ck_assert_int_eq(
        sql_count(db, "SELECT count(*) FROM app.instructions WHERE case_id = $1::bigint", 1, p), 2);
    /* the investigator answers both and sends it back; received; accepted */
    char *items = sql_value(db,
                            "SELECT string_agg(id::text, ',' ORDER BY id) FROM app.instructions "
                            "WHERE case_id = $1::bigint",
                            1, p);
    for (char *tok = items, *comma; tok && *tok; tok = comma ? comma + 1 : NULL) {
        comma = strchr(tok, ',');
        if (comma)
            *comma = '\0';
        char extra[128];
        snprintf(extra, sizeof extra, "\"instruction_id\":%s,\"answer\":\"Sudah\"", tok);
        rec(id, inv, "instruction_answered", 0, extra);
    }
    free(items);
    rec(id, inv, "resubmitted", 0, NULL); /* the P-19 was recorded today */
    ck_assert_int_eq(cli(&out, "inbox", "--json", NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "\"resend\""));
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", "receive", number, NULL), 0);
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", "accept", number, NULL), 0);
    free(out);
    ck_assert_str_eq(stage_of(id), "complete");
    /* nothing left to receive; an unknown verb; show marks the case read */
    ck_assert_int_eq(cli(&out, "inbox", "receive", number, NULL), 1);
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", "terima", number, NULL), 2);
    free(out);
    ck_assert_int_eq(cli(&out, "inbox", "show", number, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "KIRIMAN"));
    free(out);
    json_t *mine = inbox(pros, NULL);
    ck_assert(json_is_false(json_object_get(row_of(mine, id), "unread")));
    json_decref(mine);
    free(number);
    free(dir);
}
END_TEST

/* The verbs of row, as "event,event,..." */
static void verbs_of(json_t *row, char *out, size_t size)
{
    json_t *n;
    size_t i, used = 0;
    out[0] = '\0';
    json_array_foreach(json_object_get(row, "next"), i, n)
    {
        int w = snprintf(out + used, size - used, "%s,",
                         json_string_value(json_object_get(n, "event")));
        if (w > 0 && used + (size_t)w < size)
            used += (size_t)w;
    }
}

/* KUHAP 110(4): a file the PU has not returned within 14 days of its receipt is complete by law,
 * and the server refuses a P-19 (or a P-18) then that brings no reason for its lateness: the
 * inbox offers no return of a file received 21 days ago, only its acceptance (P-21), and the
 * return it does not offer is indeed refused; a file received 10 days ago is offered both. */
START_TEST(test_past_the_pus_14_days_the_inbox_offers_no_return)
{
    long long late = new_case("Tran Van Loc", 30, true);
    rec(late, inv, "tahap1_sent", 25, NULL);
    rec(late, pros, "tahap1_received_by_pu", 21, NULL);
    long long fresh = new_case("Pham Thi Mai", 30, true);
    rec(fresh, inv, "tahap1_sent", 12, NULL);
    rec(fresh, pros, "tahap1_received_by_pu", 10, NULL);
    json_t *items = inbox(pros, NULL);
    char verbs[512];
    verbs_of(row_of(items, late), verbs, sizeof verbs);
    ck_assert_msg(strstr(verbs, "p21_received,") && !strstr(verbs, "p19_received") &&
                      !strstr(verbs, "p18_received"),
                  "%s", verbs);
    verbs_of(row_of(items, fresh), verbs, sizeof verbs);
    ck_assert_msg(strstr(verbs, "p19_received,") && strstr(verbs, "p21_received,"), "%s", verbs);
    /* its deadline is the 14 days passed, in words that offer no P-18 (DOMAIN D10), not the
     * 7-day answer "complete (P-21) or not yet (P-18)" it settles */
    json_t *dl = json_object_get(row_of(items, late), "deadline");
    ck_assert_str_eq(json_string_value(json_object_get(dl, "code")), "pu_return");
    ck_assert_str_eq(json_string_value(json_object_get(dl, "state")), "overdue");
    ck_assert_int_eq(json_integer_value(json_object_get(dl, "days_left")), -7);
    const char *label = json_string_value(json_object_get(dl, "label"));
    ck_assert_msg(strstr(label, "dianggap lengkap") && strstr(label, "110(4)") &&
                      !strstr(label, "P-18"),
                  "%s", label);
    json_decref(items);
    char date[11], body[256], path[64];
    days_ago(0, date);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", late);
    snprintf(body, sizeof body,
             "{\"type\":\"p19_received\",\"date\":\"%s\",\"instructions\":[\"Lengkapi\"]}", date);
    json_decref(call("POST", path, pros, body, 422));
    snprintf(body, sizeof body, "{\"type\":\"p18_received\",\"date\":\"%s\"}", date);
    json_decref(call("POST", path, pros, body, 422));
    ck_assert_str_eq(stage_of(late), "with_prosecutor");
}
END_TEST

Suite *suite_inbox(void)
{
    Suite *s = suite_create("inbox");
    TCase *tc = tcase_create("inbox");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_an_spdp_arrives_at_its_kejari_with_who_sent_it_and_about_whom);
    tcase_add_test(tc, test_a_stopped_investigation_offers_the_prosecutor_nothing);
    tcase_add_test(tc, test_the_sp3_notice_arrives_at_the_kejari_and_ends_the_spdp_awaiting);
    tcase_add_test(tc, test_an_sp3_notice_corrected_to_another_addressee_arrives_as_it_now_says);
    tcase_add_test(tc, test_an_spdp_signed_for_at_the_kejari_is_received_that_day);
    tcase_add_test(tc, test_suspects_come_as_entered_and_each_offence_once);
    tcase_add_test(tc, test_the_prosecutors_own_deadlines_come_first);
    tcase_add_test(tc, test_read_or_not_is_each_prosecutors_own);
    tcase_add_test(tc, test_only_prosecutors_have_an_inbox_and_bad_filters_are_refused);
    tcase_add_test(tc, test_receive_appoint_return_and_accept_from_the_inbox);
    tcase_add_test(tc, test_past_the_pus_14_days_the_inbox_offers_no_return);
    tcase_add_test(tc, test_a_short_procedure_handover_arrives_as_what_it_is);
    suite_add_tcase(s, tc);
    return s;
}
