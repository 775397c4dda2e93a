/*
 * test_unmet.c - a P-19 item the investigator cannot meet, over real HTTP against a real
 * berkasd on the demo data, its papers read back with pdftotext.
 *
 * The expectations come from the law (DOMAIN 4.12, 10.1): the P-19 is given once (SE JAM
 * Pidum B-3326/E/EJP/11/2011); the investigator completes the file as instructed (KUHAP
 * 110(3), 138(2)) and sends it back; "if the investigator's resubmission still misses them,
 * the PU returns the file with an ordinary letter pointing to the unmet items".  So a
 * re-send that misses an item is foreseen: the investigator says which item cannot be met and
 * why (unmet_reason), the item has its answer (the file may go back), the berkas perkara asks
 * no paper for it, the re-send letter lists it apart with its reason, the case page shows it
 * to the PU, who may return the file by ordinary letter naming it.  Bad input is refused
 * (400 problem+json naming the field, nothing recorded), and neither the prosecutor nor
 * another office's investigator answers for the investigator.
 */
#include <check.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

static struct demo_server demo;

static void start(void)
{
    demo_server_start(&demo, "unmet_suite");
}

static void stop(void)
{
    demo_server_stop(&demo);
}

#define ITEM1  "Lengkapi BAP saksi pelapor Hendra Saputra"
#define ITEM2  "Periksa petugas hotel yang menerima tersangka sebagai saksi"
#define ITEM3  "Sita rekening koran tersangka pada Bank Sumsel Babel"
#define REASON "Rekening sudah ditutup sejak 2024, bukti tidak ada pada bank"

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

static json_t *act(long long id, const char *token, const char *members, long want)
{
    return api_act(demo.port, id, token, members, want);
}

static long long issue(long long id, const char *form, long long event)
{
    char path[128], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, event ? "{\"event\":%lld}" : "{}", event);
    return api_id(call("POST", path, demo.inv, body, 201));
}

static long long party(long long id, const char *kind, const char *name)
{
    char path[96], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    bool suspect = strcmp(kind, "suspect") == 0;
    snprintf(body, sizeof body,
             "{\"kind\":\"%s\",\"name\":\"%s\",\"nationality\":\"%s\",\"sex\":\"L\","
             "\"birth_date\":\"1985-04-02\",\"birth_place\":\"Palembang\"%s}",
             kind, name, suspect ? "VN" : "ID", suspect ? ",\"passport_no\":\"C1234567\"" : "");
    return api_id(call("POST", path, demo.inv, body, 201));
}

static long long events_of(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    return sql_count(demo.db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, q);
}

static json_t *get_case(long long id, const char *token)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return call("GET", path, token, NULL, 200);
}

/* The refusal of members as token: status want, problem+json naming field, nothing recorded. */
static void refused(long long id, const char *token, const char *members, long want,
                    const char *field)
{
    long long before = events_of(id);
    char path[96], *body = malloc(strlen(members) + 3);
    ck_assert_ptr_nonnull(body);
    sprintf(body, "{%s}", members);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_t *p = call("POST", path, token, body, want);
    free(body);
    if (field)
        ck_assert_msg(json_string_value(json_object_get(p, "field")) &&
                          strcmp(json_string_value(json_object_get(p, "field")), field) == 0,
                      "want field %s: %s", field, json_string_value(json_object_get(p, "detail")));
    ck_assert_ptr_nonnull(json_string_value(json_object_get(p, "detail")));
    json_decref(p);
    ck_assert_int_eq(events_of(id), before);
}

/* A Palembang case of June 2026 with the five papers every file needs, sent (11 June),
 * received (12 June), returned with a P-19 of the three items (15 June), the returned file
 * received (16 June). */
static long long returned_case(void)
{
    char body[512], m[512];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-06-01\",\"summary\":\"Uji petunjuk "
             "yang tidak dapat dipenuhi\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    long long suspect = party(id, "suspect", "Lê Văn Hùng");
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122(a)\",\"party_id\":%lld}", suspect);
    json_decref(call("POST", path, demo.inv, body, 201));
    issue(id, "laporan_kejadian", 0);
    json_decref(act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\",\"issue\":[\"sprindik\"]",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-06-02\",\"party_id\":%lld", suspect);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv,
                    "\"type\":\"spdp_sent\",\"date\":\"2026-06-03\",\"recipient\":\"kejari\","
                    "\"issue\":[\"spdp\"]",
                    201));
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-06-05\",\"bap\":\"tersangka\","
             "\"party_id\":%lld",
             suspect);
    long long bap = api_id(act(id, demo.inv, m, 201));
    fill_bap(demo.port, demo.inv, id, bap);
    issue(id, "bap_tersangka", bap);
    long long res =
        api_id(act(id, demo.inv, "\"type\":\"resume_written\",\"date\":\"2026-06-10\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    issue(id, "resume", res);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-12\"", 201));
    json_decref(act(id, demo.pros,
                    "\"type\":\"p19_received\",\"date\":\"2026-06-15\",\"number\":\"B-1507/L.6.10/"
                    "Eku.1/06/2026\",\"instructions\":[\"" ITEM1 "\",\"" ITEM2 "\",\"" ITEM3 "\"]",
                    201));
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-06-16\"", 201));
    return id;
}

/* A witness's BAP of date, its paper issued when papered. */
static long long witness_bap(long long id, const char *name, const char *date, bool papered)
{
    char m[256];
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"%s\",\"bap\":\"saksi\",\"party_id\":%lld", date,
             party(id, "witness", name));
    long long bap = api_id(act(id, demo.inv, m, 201));
    if (papered) {
        fill_bap(demo.port, demo.inv, id, bap);
        issue(id, "bap_saksi", bap);
    }
    return bap;
}

/* The items of round r (1-based) of the case page c. */
static json_t *items_of(json_t *c, int r)
{
    return json_object_get(json_array_get(json_object_get(c, "p19_rounds"), (size_t)r - 1),
                           "items");
}

static long long item_id(long long id, int no)
{
    json_t *c = get_case(id, demo.inv);
    long long x = json_integer_value(json_object_get(json_array_get(items_of(c, 1), no - 1), "id"));
    json_decref(c);
    return x;
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* An answer to item with the act that fulfils it. */
static long long answer_met(long long id, long long item, const char *date, long long bap)
{
    char m[512];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"%s\",\"instruction_id\":%lld,"
             "\"answer\":\"Saksi telah diperiksa\",\"answer_act\":%lld",
             date, item, bap);
    return api_id(act(id, demo.inv, m, 201));
}

/* ---- the case as XML (schemas/case.xsd) ---------------------------------------------------- */

static void first_error(void *ctx, xmlErrorPtr e)
{
    char *msg = ctx;
    if (!msg[0] && e && e->message)
        snprintf(msg, 512, "line %d: %s", e->line, e->message);
}

/* The case's XML as the investigator reads it, valid against schemas/case.xsd; the text of
 * expr (XPath, prefix b) in it. */
static char *case_xml_value(long long id, const char *expr)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld.xml", id);
    char url[160], auth[300];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", demo.port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    const char *h[] = {auth, NULL};
    struct http_result r;
    ck_assert(http_do("GET", url, NULL, 0, h, &r));
    ck_assert_int_eq(r.status, 200);
    xmlDocPtr doc = xmlReadMemory(r.body, (int)r.len, "case.xml", NULL, XML_PARSE_NONET);
    http_result_free(&r);
    ck_assert_ptr_nonnull(doc);
    snprintf(path, sizeof path, "%s/../schemas/case.xsd", harness_sql_dir());
    char *xsd = read_text(path), msg[512] = "";
    ck_assert_ptr_nonnull(xsd);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xsd, (int)strlen(xsd));
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    free(xsd);
    ck_assert_ptr_nonnull(schema);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(vc, first_error, msg);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    ck_assert_msg(rc == 0, "invalid against schemas/case.xsd: %s", msg);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"b", (const xmlChar *)"urn:berkas:case:1");
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    ck_assert_ptr_nonnull(o);
    xmlChar *v = xmlXPathCastToString(o);
    char *out = strdup((const char *)v);
    xmlFree(v);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return out;
}

/* DOMAIN 4.12: three items, two met with acts and papers, one that cannot be met with its
 * reason: the file goes back (201; before: 422, no paper for item 3), the dossier asks no paper
 * for it, the case page shows each item's status, the re-send letter lists item 3 under its
 * own heading with its reason, and the PU's ordinary letter names it unmet. */
START_TEST(test_a_resend_may_say_an_item_cannot_be_met)
{
    long long id = returned_case();
    long long i1 = item_id(id, 1), i2 = item_id(id, 2), i3 = item_id(id, 3);
    long long b1 = witness_bap(id, "Hendra Saputra", "2026-06-17", true);
    long long b2 = witness_bap(id, "Rina Marlina", "2026-06-18", true);
    answer_met(id, i1, "2026-06-17", b1);
    answer_met(id, i2, "2026-06-18", b2);
    /* the reason alone, with blanks around it: the answer kept with the item is the reason */
    char m[1024];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"unmet_reason\":\"  " REASON "   \"",
             i3);
    long long a3 = api_id(act(id, demo.inv, m, 201));
    json_t *c = get_case(id, demo.pros);
    json_t *items = items_of(c, 1);
    ck_assert_str_eq(str(json_array_get(items, 0), "status"), "dipenuhi");
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(items, 0), "answer_act")),
                     b1);
    ck_assert_str_eq(str(json_array_get(items, 1), "status"), "dipenuhi");
    json_t *it3 = json_array_get(items, 2);
    ck_assert_str_eq(str(it3, "status"), "tidak_dapat_dipenuhi");
    ck_assert_str_eq(str(it3, "unmet_reason"), REASON);
    ck_assert_str_eq(str(it3, "answer"), REASON);
    ck_assert(json_is_null(json_object_get(it3, "answer_act")));
    ck_assert_int_eq(json_integer_value(json_object_get(it3, "answered_by")), a3);
    ck_assert(json_is_true(json_object_get(it3, "answered")));
    json_decref(c);
    /* the Resume drawn now lists the answers among the acts taken, and says none of them
     * "dipenuhi" - item 3 was not (reviewer's finding: the act's label said so of every answer) */
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/forms/resume.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    ck_assert_msg(strstr(t, "Petunjuk P-19 dijawab") != NULL, "%.3000s", t);
    ck_assert_msg(strstr(t, "P-19 dipenuhi") == NULL, "%.3000s", t);
    free(t);
    /* the file goes back: every item has its answer, item 3 asks no paper */
    long long sent =
        api_id(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    t = fill_pdf_text(demo.port, demo.inv, route);
    free(t);
    /* the case as XML: item 3 carries its reason, names no act; item 1 names its BAP */
    char *x = case_xml_value(id, "string(/b:perkara/b:petunjuk-p19/b:putaran[@ke='1']/"
                                 "b:butir[@no='3']/b:tidak-dapat-dipenuhi)");
    ck_assert_str_eq(x, REASON);
    free(x);
    x = case_xml_value(id, "count(/b:perkara/b:petunjuk-p19/b:putaran[@ke='1']/b:butir[@no='3']/"
                           "b:peristiwa-pemenuh) + count(/b:perkara/b:petunjuk-p19/"
                           "b:putaran[@ke='1']/b:butir[@no='1']/b:tidak-dapat-dipenuhi)");
    ck_assert_str_eq(x, "0");
    free(x);
    /* the re-send letter: items 1 and 2 as met, item 3 apart with its reason */
    long long doc = issue(id, "pengiriman_kembali", sent);
    t = fill_document_text(demo.port, demo.inv, doc);
    const char *heading = strstr(t, "Petunjuk Penuntut Umum yang tidak dapat dipenuhi");
    ck_assert_msg(heading != NULL, "%s", t);
    const char *p1 = strstr(t, ITEM1), *p2 = strstr(t, ITEM2), *p3 = strstr(t, ITEM3);
    ck_assert_msg(p1 && p2 && p3, "%s", t);
    ck_assert_msg(p1 < heading && p2 < heading && p3 > heading, "%s", t);
    ck_assert_msg(strstr(heading, "Petunjuk : " ITEM3 " Alasan : " REASON) != NULL, "%s", t);
    ck_assert_msg(strstr(t, "Berita Acara Pemeriksaan Saksi Hendra Saputra") != NULL, "%s", t);
    free(t);
    /* the PU returns it by ordinary letter naming item 3 unmet: round 2 holds it again */
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-22\"", 201));
    snprintf(m, sizeof m,
             "\"type\":\"return_letter_received\",\"date\":\"2026-06-24\",\"unmet\":[%lld]", i3);
    json_decref(act(id, demo.pros, m, 201));
    c = get_case(id, demo.inv);
    items = items_of(c, 2);
    ck_assert_uint_eq(json_array_size(items), 1);
    ck_assert_str_eq(str(json_array_get(items, 0), "text"), ITEM3);
    ck_assert_str_eq(str(json_array_get(items, 0), "status"), "terbuka");
    json_decref(c);
}
END_TEST

/* A correction of the answer turns it into a met one (answer_act: its paper is then asked for)
 * and back (unmet_reason: no paper asked); the case page follows each. */
START_TEST(test_a_correction_turns_an_unmet_answer_into_a_met_one_and_back)
{
    long long id = returned_case();
    long long i1 = item_id(id, 1), i2 = item_id(id, 2), i3 = item_id(id, 3);
    answer_met(id, i1, "2026-06-17", witness_bap(id, "Hendra Saputra", "2026-06-17", true));
    answer_met(id, i2, "2026-06-18", witness_bap(id, "Rina Marlina", "2026-06-18", true));
    char m[1024];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"answer\":\"Bank telah dimintai keterangan\",\"unmet_reason\":\"" REASON "\"",
             i3);
    long long a3 = api_id(act(id, demo.inv, m, 201));
    /* the account found after all: an act without its paper yet */
    long long late = witness_bap(id, "Petugas Bank Sumsel Babel", "2026-06-21", false);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,"
             "\"answer_act\":%lld,\"unmet_reason\":\"x\"",
             a3, late);
    refused(id, demo.inv, m, 400, "unmet_reason");
    /* met now, the answer says what was done to meet it: the text written beside the reason
     * ("the bank was asked") told why it could not be met, not how it was (KUHAP 110(3)) */
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,\"answer_act\":%lld",
             a3, late);
    refused(id, demo.inv, m, 400, "answer");
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,\"answer_act\":%lld,"
             "\"answer\":\"Petugas bank diperiksa sebagai saksi\"",
             a3, late);
    long long fix = api_id(act(id, demo.inv, m, 201));
    json_t *c = get_case(id, demo.inv);
    json_t *it3 = json_array_get(items_of(c, 1), 2);
    ck_assert_str_eq(str(it3, "status"), "dipenuhi");
    ck_assert_int_eq(json_integer_value(json_object_get(it3, "answer_act")), late);
    ck_assert(json_is_null(json_object_get(it3, "unmet_reason")));
    ck_assert_str_eq(str(it3, "answer"), "Petugas bank diperiksa sebagai saksi");
    json_decref(c);
    /* met now: the act's paper is asked for */
    long long before = events_of(id);
    json_t *p = act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-22\"", 422);
    char *gaps = json_dumps(json_object_get(p, "missing"), JSON_COMPACT);
    ck_assert_msg(strstr(gaps, "babak 1 no. 3") != NULL, "%s", gaps);
    free(gaps);
    json_decref(p);
    ck_assert_int_eq(events_of(id), before);
    /* and back: a correction of the correction says it cannot be met after all */
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,"
             "\"unmet_reason\":\"Petugas bank menyatakan rekening telah ditutup\"",
             fix);
    json_decref(act(id, demo.inv, m, 201));
    c = get_case(id, demo.inv);
    it3 = json_array_get(items_of(c, 1), 2);
    ck_assert_str_eq(str(it3, "status"), "tidak_dapat_dipenuhi");
    ck_assert_str_eq(str(it3, "unmet_reason"), "Petugas bank menyatakan rekening telah ditutup");
    ck_assert(json_is_null(json_object_get(it3, "answer_act")));
    ck_assert_str_eq(str(it3, "answer"), "Petugas bank menyatakan rekening telah ditutup");
    json_decref(c);
    /* the examination it no longer names may go: nothing stands on it */
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-21\",\"corrects\":%lld,\"withdraws\":true",
             late);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-22\"", 201));
}
END_TEST

/* Bad input is refused 400 naming the field, nothing recorded: answer_act and unmet_reason
 * both; a reason of blanks; one longer than 2000 characters; unmet_reason on another act;
 * neither an answer nor a reason.  The prosecutor may not answer (403), another office's
 * investigator does not see the case (404). */
START_TEST(test_bad_unmet_answers_are_refused_and_change_nothing)
{
    long long id = returned_case();
    long long i3 = item_id(id, 3);
    long long bap = witness_bap(id, "Hendra Saputra", "2026-06-17", true);
    char m[4400];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"answer\":\"Telah diperiksa\",\"answer_act\":%lld,\"unmet_reason\":\"" REASON "\"",
             i3, bap);
    refused(id, demo.inv, m, 400, "unmet_reason");
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"unmet_reason\":\"    \"",
             i3);
    refused(id, demo.inv, m, 400, "unmet_reason");
    int n = snprintf(m, sizeof m,
                     "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\","
                     "\"instruction_id\":%lld,\"unmet_reason\":\"",
                     i3);
    for (int k = 0; k < 2001; k++)
        m[n++] = 'x';
    snprintf(m + n, sizeof m - (size_t)n, "\"");
    refused(id, demo.inv, m, 400, "unmet_reason");
    refused(id, demo.inv,
            "\"type\":\"resume_written\",\"date\":\"2026-06-19\",\"unmet_reason\":\"" REASON "\"",
            400, "unmet_reason");
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld",
             i3);
    refused(id, demo.inv, m, 400, "answer");
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"unmet_reason\":\"" REASON "\"",
             i3);
    refused(id, demo.pros, m, 403, NULL);
    char *inv_ptk = api_login(demo.port, NIP_INV_PTK, DEMO_PW);
    ck_assert_ptr_nonnull(inv_ptk);
    refused(id, inv_ptk, m, 404, NULL);
    free(inv_ptk);
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(json_array_get(items_of(c, 1), 2), "status"), "terbuka");
    json_decref(c);
}
END_TEST

/* berkas ARGS... (NULL-terminated) as the Palembang PPNS: exit status, output in *out. */
static int cli(char **out, ...)
{
    char url[64], *argv[16] = {(char *)harness_cli()};
    snprintf(url, sizeof url, "http://127.0.0.1:%d", demo.port);
    char *dir = harness_mkdtemp("unmet-cli");
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char *argl[] = {argv[0], "--server", url, "login", "--nip", NIP_INV_PLG, NULL}, *o = NULL;
    ck_assert_msg(run_capture(argl, 30000, &o) == 0, "login: %s", o);
    free(o);
    unsetenv("BERKAS_PASSWORD");
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 15 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    int rc = run_capture(argv, 30000, out);
    free(dir);
    return rc;
}

static int lines_of(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The CLI: --unmet-reason answers an item as one that cannot be met; a reason of blanks, or one
 * beside --answer-act, is refused in one line, exit non-zero, nothing recorded. */
START_TEST(test_the_cli_records_an_item_that_cannot_be_met)
{
    long long id = returned_case();
    long long bap = witness_bap(id, "Hendra Saputra", "2026-06-17", true);
    char cid[24], iid[24], act_id[24], *out = NULL;
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(iid, sizeof iid, "%lld", item_id(id, 3));
    snprintf(act_id, sizeof act_id, "%lld", bap);
    long long before = events_of(id);
    ck_assert_int_eq(cli(&out, "record", cid, "instruction_answered", "--date", "2026-06-19",
                         "--instruction-id", iid, "--unmet-reason", "   ", NULL),
                     1);
    ck_assert_msg(lines_of(out) == 1 && strstr(out, "unmet_reason"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "record", cid, "instruction_answered", "--date", "2026-06-19",
                         "--instruction-id", iid, "--unmet-reason", REASON, "--answer-act", act_id,
                         NULL),
                     1);
    ck_assert_msg(lines_of(out) == 1 && strstr(out, "unmet_reason"), "%s", out);
    free(out);
    ck_assert_int_eq(events_of(id), before);
    ck_assert_int_eq(cli(&out, "record", cid, "instruction_answered", "--date", "2026-06-19",
                         "--instruction-id", iid, "--unmet-reason", REASON, NULL),
                     0);
    free(out);
    json_t *c = get_case(id, demo.inv);
    json_t *it3 = json_array_get(items_of(c, 1), 2);
    ck_assert_str_eq(str(it3, "status"), "tidak_dapat_dipenuhi");
    ck_assert_str_eq(str(it3, "unmet_reason"), REASON);
    json_decref(c);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    ck_assert_msg(strstr(out, "TIDAK DAPAT DIPENUHI") != NULL, "%s", out);
    free(out);
}
END_TEST

/* An answer recorded in error and withdrawn (a correction saying withdraws: the log says it
 * never stood) leaves its item open again - the re-send is refused for it (KUHAP 110(3), 138(2))
 * - and the item takes a new answer (found by helper unmet: the item stayed marked answered in
 * app.instructions, "sudah dijawab", so it could never be answered again and the file never
 * re-sent). */
START_TEST(test_an_item_whose_answer_was_withdrawn_takes_a_new_one)
{
    long long id = returned_case();
    long long i1 = item_id(id, 1), i2 = item_id(id, 2), i3 = item_id(id, 3);
    answer_met(id, i1, "2026-06-17", witness_bap(id, "Hendra Saputra", "2026-06-17", true));
    long long bap2 = witness_bap(id, "Rina Marlina", "2026-06-18", true);
    long long wrong = answer_met(id, i2, "2026-06-18", bap2);
    char m[1024];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"unmet_reason\":\"" REASON "\"",
             i3);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-18\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"jawaban dicatat untuk petunjuk yang salah\"",
             wrong);
    json_decref(act(id, demo.inv, m, 201));
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(json_array_get(items_of(c, 1), 1), "status"), "terbuka");
    json_decref(c);
    /* open again: the file is not re-sent without it */
    long long before = events_of(id);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-22\"", 422));
    ck_assert_int_eq(events_of(id), before);
    /* answered anew */
    answer_met(id, i2, "2026-06-20", bap2);
    c = get_case(id, demo.inv);
    ck_assert_str_eq(str(json_array_get(items_of(c, 1), 1), "status"), "dipenuhi");
    json_decref(c);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-22\"", 201));
}
END_TEST

#define REASON2 "Petugas hotel telah kembali ke Malaysia dan tidak dapat dihadirkan"

/* The re-send letter issued for the resubmission sent, as text. */
static char *resend_letter(long long id, long long sent)
{
    return fill_document_text(demo.port, demo.inv, issue(id, "pengiriman_kembali", sent));
}

/* A correction that turns a met answer into one that cannot be met (DOMAIN 4.12; SE JAM Pidum
 * B-3326/E/EJP/11/2011): what stands is the reason alone - the item, the PU's view and the
 * re-send letter no longer say the witness "telah diperiksa" beside a reason he could not be
 * examined (reviewer's finding: app.instructions kept the first answer's text, and the letter
 * printed it as the Pelaksanaan of an item it says was not met). */
START_TEST(test_an_answer_corrected_to_unmet_says_only_its_reason)
{
    long long id = returned_case();
    long long i1 = item_id(id, 1), i2 = item_id(id, 2), i3 = item_id(id, 3);
    answer_met(id, i1, "2026-06-17", witness_bap(id, "Hendra Saputra", "2026-06-17", true));
    long long a2 =
        answer_met(id, i2, "2026-06-18", witness_bap(id, "Rina Marlina", "2026-06-18", true));
    char m[1024];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"unmet_reason\":\"" REASON "\"",
             i3);
    json_decref(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-18\",\"corrects\":%lld,"
             "\"unmet_reason\":\"" REASON2 "\"",
             a2);
    json_decref(act(id, demo.inv, m, 201));
    json_t *c = get_case(id, demo.pros);
    json_t *it2 = json_array_get(items_of(c, 1), 1);
    ck_assert_str_eq(str(it2, "status"), "tidak_dapat_dipenuhi");
    ck_assert_str_eq(str(it2, "unmet_reason"), REASON2);
    ck_assert_str_eq(str(it2, "answer"), REASON2);
    ck_assert(json_is_null(json_object_get(it2, "answer_act")));
    json_decref(c);
    long long sent =
        api_id(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
    char *t = resend_letter(id, sent);
    const char *heading = strstr(t, "Petunjuk Penuntut Umum yang tidak dapat dipenuhi");
    ck_assert_msg(heading != NULL, "%s", t);
    ck_assert_msg(strstr(heading, "Petunjuk : " ITEM2 " Alasan : " REASON2) != NULL, "%s", t);
    ck_assert_msg(strstr(heading, "telah diperiksa") == NULL, "%s", t);
    free(t);
}
END_TEST

/* ...and one that cannot be met turned into a met one: the answer must then say what was done
 * (a new answer that meets its item says it: KUHAP 110(3)) - without it 400 naming answer,
 * nothing recorded; with it the item, the PU's view and the letter carry that answer and
 * nowhere the reason that no longer stands. */
START_TEST(test_an_answer_corrected_to_met_says_what_was_done)
{
    long long id = returned_case();
    long long i1 = item_id(id, 1), i2 = item_id(id, 2), i3 = item_id(id, 3);
    answer_met(id, i1, "2026-06-17", witness_bap(id, "Hendra Saputra", "2026-06-17", true));
    answer_met(id, i2, "2026-06-18", witness_bap(id, "Rina Marlina", "2026-06-18", true));
    char m[1024];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"unmet_reason\":\"" REASON "\"",
             i3);
    long long a3 = api_id(act(id, demo.inv, m, 201));
    long long bank = witness_bap(id, "Petugas Bank Sumsel Babel", "2026-06-19", true);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,\"answer_act\":%lld",
             a3, bank);
    refused(id, demo.inv, m, 400, "answer");
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,\"answer_act\":%lld,"
             "\"answer\":\"   \"",
             a3, bank);
    refused(id, demo.inv, m, 400, "answer");
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(json_array_get(items_of(c, 1), 2), "answer"), REASON);
    json_decref(c);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,\"answer_act\":%lld,"
             "\"answer\":\"Rekening koran diserahkan petugas bank\"",
             a3, bank);
    json_decref(act(id, demo.inv, m, 201));
    c = get_case(id, demo.pros);
    json_t *it3 = json_array_get(items_of(c, 1), 2);
    ck_assert_str_eq(str(it3, "status"), "dipenuhi");
    ck_assert_str_eq(str(it3, "answer"), "Rekening koran diserahkan petugas bank");
    ck_assert(json_is_null(json_object_get(it3, "unmet_reason")));
    ck_assert_int_eq(json_integer_value(json_object_get(it3, "answer_act")), bank);
    json_decref(c);
    long long sent =
        api_id(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
    char *t = resend_letter(id, sent);
    ck_assert_msg(strstr(t, "Pelaksanaan : Rekening koran diserahkan petugas bank") != NULL, "%s",
                  t);
    ck_assert_msg(strstr(t, "Rekening sudah ditutup") == NULL, "%s", t);
    ck_assert_msg(strstr(t, "tidak dapat dipenuhi") == NULL, "%s", t);
    free(t);
}
END_TEST

/* A withdrawal is itself corrected (the log: the act's last correction decides, evlog.h): the
 * answer stands again, so its item is answered again - not left open with a standing answer
 * (found by helper unmet, left from 7e516d3).  Unless the item was answered anew meanwhile: two
 * answers would stand for one item - 409 naming the newer, nothing recorded. */
START_TEST(test_an_answer_whose_withdrawal_is_undone_answers_its_item_again)
{
    long long id = returned_case();
    long long i1 = item_id(id, 1), i2 = item_id(id, 2), i3 = item_id(id, 3);
    answer_met(id, i1, "2026-06-17", witness_bap(id, "Hendra Saputra", "2026-06-17", true));
    long long bap2 = witness_bap(id, "Rina Marlina", "2026-06-18", true);
    long long a2 = answer_met(id, i2, "2026-06-18", bap2);
    char m[1024];
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-19\",\"instruction_id\":%lld,"
             "\"unmet_reason\":\"" REASON "\"",
             i3);
    long long a3 = api_id(act(id, demo.inv, m, 201));
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-18\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dikira jawaban petunjuk lain\"",
             a2);
    long long w = api_id(act(id, demo.inv, m, 201));
    json_t *c = get_case(id, demo.inv);
    ck_assert_str_eq(str(json_array_get(items_of(c, 1), 1), "status"), "terbuka");
    json_decref(c);
    /* the withdrawal was the mistake: corrected, the answer stands as it was */
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-18\",\"corrects\":%lld,"
             "\"note\":\"penarikan keliru, jawaban tetap\"",
             w);
    json_decref(act(id, demo.inv, m, 201));
    c = get_case(id, demo.pros);
    json_t *it2 = json_array_get(items_of(c, 1), 1);
    ck_assert_str_eq(str(it2, "status"), "dipenuhi");
    ck_assert_str_eq(str(it2, "answer"), "Saksi telah diperiksa");
    ck_assert_int_eq(json_integer_value(json_object_get(it2, "answered_by")), a2);
    ck_assert_int_eq(json_integer_value(json_object_get(it2, "answer_act")), bap2);
    json_decref(c);
    /* item 3's answer withdrawn and answered anew: its first answer cannot stand again */
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld,\"withdraws\":true",
             a3);
    long long w3 = api_id(act(id, demo.inv, m, 201));
    long long bank = witness_bap(id, "Petugas Bank Sumsel Babel", "2026-06-19", true);
    long long again = answer_met(id, i3, "2026-06-19", bank);
    snprintf(m, sizeof m, "\"type\":\"corrected\",\"date\":\"2026-06-19\",\"corrects\":%lld", w3);
    refused(id, demo.inv, m, 409, "corrects");
    c = get_case(id, demo.inv);
    json_t *it3 = json_array_get(items_of(c, 1), 2);
    ck_assert_str_eq(str(it3, "status"), "dipenuhi");
    ck_assert_int_eq(json_integer_value(json_object_get(it3, "answered_by")), again);
    json_decref(c);
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-22\"", 201));
}
END_TEST

Suite *suite_unmet(void)
{
    Suite *s = suite_create("unmet");
    TCase *tc = tcase_create("unmet");
    tcase_set_timeout(tc, 600);
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_add_test(tc, test_a_resend_may_say_an_item_cannot_be_met);
    tcase_add_test(tc, test_a_correction_turns_an_unmet_answer_into_a_met_one_and_back);
    tcase_add_test(tc, test_bad_unmet_answers_are_refused_and_change_nothing);
    tcase_add_test(tc, test_an_item_whose_answer_was_withdrawn_takes_a_new_one);
    tcase_add_test(tc, test_the_cli_records_an_item_that_cannot_be_met);
    tcase_add_test(tc, test_an_answer_corrected_to_unmet_says_only_its_reason);
    tcase_add_test(tc, test_an_answer_corrected_to_met_says_what_was_done);
    tcase_add_test(tc, test_an_answer_whose_withdrawal_is_undone_answers_its_item_again);
    suite_add_tcase(s, tc);
    return s;
}
