/*
 * test_casexml.c - GET /api/v1/cases/{id}.xml: the case as one XML document,
 * the data forms bind to (issue 4 item 3, issue 5 items 1-3).
 *
 * A rich Palembang case is written straight into the database as the owner
 * (names from three scripts and one full of markup characters, offences from
 * the catalogue, evidence, events with payloads, two P-19 rounds), then
 * fetched over real HTTP from a real berkasd, parsed the way RELIABILITY.md
 * C4 allows (XML_PARSE_NONET only: no entities, no DTD), validated against
 * schemas/case.xsd and read back with XPath, as a form template would.
 */
#include <check.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/event.h"
#include "core/stage.h"
#include "harness.h"
#include "suites.h"

#define NS "urn:berkas:case:1"

/* NFC, as the API stores them */
#define NAME_VN    "Nguyễn Văn Thành"
#define NAME_DE    "Zoë Müller"
#define NAME_MARKS "O'Brien <Jean> & \"JJ\""
#define NAME_TERP  "Trần Thị Mai"

static struct demo_server demo;
static long long case_id, bare_id;
static long long p_vn, p_marks, p_de, p_expert;
static const char *tok_inv_mre, *tok_pros_ptk, *tok_admin, *tok_sup;

/* ---- the fixture: a rich case, written as the owner --------------------------------- */

static long long insert_id(const char *sql, int n, const char *const *params)
{
    char *v = sql_value(demo.db, sql, n, params);
    ck_assert_ptr_nonnull(v);
    long long id = strtoll(v, NULL, 10);
    free(v);
    return id;
}

static void exec_sql(const char *sql, int n, const char *const *params)
{
    free(sql_value(demo.db, sql, n, params));
}

static long long add_party(const char *kind, const char *name, const char *nationality,
                           const char *passport, const char *birth, const char *sex,
                           const char *language, const char *interpreter)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    const char *p[9] = {cid, kind, name, nationality, passport, birth, sex, language, interpreter};
    return insert_id("INSERT INTO app.parties (case_id, kind, name, nationality, passport_no, "
                     "birth_date, birth_place, sex, occupation, address_id, address_abroad, "
                     "language, interpreter) VALUES ($1::bigint, $2, $3, $4, $5, $6::date, "
                     "'Hà Nội', $7, 'Pedagang & \"importir\"', 'Jl. Sudirman No. 1, Palembang', "
                     "'12 Phố Huế, Hà Nội', $8, $9) RETURNING id",
                     9, p);
}

static void add_offence(const char *code, long long party)
{
    char cid[24], pid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(pid, sizeof pid, "%lld", party);
    const char *p[3] = {cid, code, party ? pid : NULL};
    exec_sql("INSERT INTO app.case_offences (case_id, offence_id, party_id) VALUES ($1::bigint, "
             "(SELECT id FROM app.offence_catalogue WHERE code = $2 ORDER BY effective_from DESC "
             "LIMIT 1), $3::bigint)",
             3, p);
}

struct ev {
    const char *type, *date, *at, *number; /* at: an instant or NULL */
    long long party;
    int corrects; /* seq of the corrected event, or 0 */
    const char *regime, *before, *after, *entered_at, *by_nip, *payload;
    bool late;
};

static long long ev_ids[16];

/* Event seq; prev_hash and hash are placeholders (the chain is not this
 * suite's business; a trigger may replace them), and the case head moves
 * with it so that a chain trigger finds the sequence it expects. */
static void add_event(int seq, const struct ev *e)
{
    char cid[24], s[16], party[24], corr[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(s, sizeof s, "%d", seq);
    snprintf(party, sizeof party, "%lld", e->party);
    snprintf(corr, sizeof corr, "%lld", e->corrects ? ev_ids[e->corrects] : 0);
    const char *p[15] = {cid,
                         s,
                         e->type,
                         e->date,
                         e->at,
                         e->number,
                         e->party ? party : NULL,
                         e->corrects ? corr : NULL,
                         e->regime,
                         e->before,
                         e->after,
                         e->payload,
                         e->entered_at,
                         e->by_nip,
                         e->late ? "t" : "f"};
    ev_ids[seq] = insert_id(
        "INSERT INTO app.events (case_id, seq, type, legal_date, legal_at, doc_number, party_id, "
        "corrects, regime, stage_before, stage_after, payload, entered_at, entered_by, late, "
        "prev_hash, hash) VALUES ($1::bigint, $2::int, $3, $4::date, $5::timestamptz, $6, "
        "$7::bigint, $8::bigint, $9, $10, $11, $12::jsonb, $13::timestamptz, "
        "(SELECT id FROM app.users WHERE nip = $14), $15::boolean, decode(repeat('00', 32), "
        "'hex'), decode(repeat('00', 32), 'hex')) RETURNING id",
        15, p);
    const char *q[1] = {cid};
    exec_sql("UPDATE app.cases SET events = events + 1 WHERE id = $1::bigint", 1, q);
}

static void add_instruction(int round, int item, int p19_seq, const char *text, const char *answer,
                            int answer_seq)
{
    char cid[24], r[8], i[8], ev[24], ans[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    snprintf(r, sizeof r, "%d", round);
    snprintf(i, sizeof i, "%d", item);
    snprintf(ev, sizeof ev, "%lld", ev_ids[p19_seq]);
    snprintf(ans, sizeof ans, "%lld", answer_seq ? ev_ids[answer_seq] : 0);
    const char *p[7] = {cid, ev, r, i, text, answer, answer_seq ? ans : NULL};
    exec_sql("INSERT INTO app.instructions (case_id, event_id, round, item_no, text, answer, "
             "answered_by) VALUES ($1::bigint, $2::bigint, $3::int, $4::int, $5, $6, $7::bigint)",
             7, p);
}

static void add_case(void)
{
    /* a control character in the summary: the API refuses it, the export must survive it */
    const char *p[2] = {"Ringkasan <awal> & \"akhir\"\x01 selesai", NIP_INV_PLG};
    case_id = insert_id(
        "INSERT INTO app.cases (number, office_id, kejari_id, disclosed_at, stage, version, "
        "source, source_note, summary, opened_on, created_by, created_at, stage_since) VALUES "
        "('XML-1/PLG/2026', (SELECT id FROM app.offices WHERE code = 'KANIM-PLG'), "
        "(SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'), '2026-01-20 03:00:00+00', "
        "'returned', 12, 'tim_pora', 'Operasi gabungan TIM PORA <Sumsel> & \"Jambi\"', $1, "
        "'2025-12-30', (SELECT id FROM app.users WHERE nip = $2), '2025-12-30 01:00:00+00', "
        "'2026-02-01 04:00:00+00') RETURNING id",
        2, p);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    const char *q[3] = {cid, NIP_INV_PLG, NIP_INV_PLG2};
    exec_sql("INSERT INTO app.case_investigators (case_id, user_id) SELECT $1::bigint, id FROM "
             "app.users WHERE nip IN ($2, $3)",
             3, q);
    p_vn = add_party("suspect", NAME_VN, "VN", "C1234567", "1990-02-28", "L", "Bahasa Vietnam",
                     NAME_TERP);
    p_marks = add_party("suspect", NAME_MARKS, "IE", NULL, NULL, "L", "English", "");
    p_de = add_party("witness", NAME_DE, "DE", "C01X00T47", "1985-07-14", "P", "Deutsch", "");
    p_expert = add_party("expert", "Dr. Siti Aminah, S.H., M.H.", "ID", NULL, "1975-03-01", "P",
                         "Bahasa Indonesia", "");
    add_offence("119(1)", p_vn);
    add_offence("122", p_marks);
    add_offence("116", 0);
    char pv[24];
    snprintf(pv, sizeof pv, "%lld", p_vn);
    const char *e[2] = {cid, pv};
    exec_sql("INSERT INTO app.evidence (case_id, description, quantity, seized_from, seized_on, "
             "storage) VALUES ($1::bigint, 'Paspor Vietnam No. C1234567', '1 (satu) buku', "
             "$2::bigint, '2026-01-06', 'Ruang barang bukti Kanim Palembang'), ($1::bigint, "
             "'Uang tunai Rp5.000.000 <lima juta>', '1 (satu) amplop', NULL, NULL, '')",
             2, e);
}

static void add_events(void)
{
    const struct ev evs[] = {
        [1] = {"report_registered", "2025-12-30", NULL, "LK/01/XII/2025", 0, 0, "KUHAP-1981",
               "pre_investigation", "pre_investigation", "2025-12-30 02:00:00+00", NIP_INV_PLG,
               "{\"note\": \"Laporan <awal> & \\\"rahasia\\\"\"}", false},
        [2] = {"sprindik_issued", "2026-01-05", NULL, "SP.Sidik/01/I/2026/PPNS-IMI", 0, 0,
               "KUHAP-2025", "pre_investigation", "investigation", "2026-01-05 02:00:00+00",
               NIP_INV_PLG, "{}", false},
        [3] = {"arrested", "2026-01-06", "2026-01-06 02:30:00+00", "SP.Kap/02/I/2026", p_vn, 0,
               "KUHAP-2025", "investigation", "investigation", "2026-01-06 03:00:00+00",
               NIP_INV_PLG, "{\"place\": \"Hotel Aryaduta\", \"items\": 2, \"urgent\": true}",
               false},
        [4] = {"bap_recorded", "2026-01-07", NULL, "BAP/03/I/2026", p_de, 0, "KUHAP-2025",
               "investigation", "investigation", "2026-01-07 09:00:00+00", NIP_INV_PLG2,
               "{\"bap\": \"saksi\", \"languages\": [\"de\", \"id\"]}", false},
        [5] = {"tahap1_sent", "2026-01-15", NULL, "B-15/IMI.6-PLG/I/2026", 0, 0, "KUHAP-2025",
               "investigation", "with_prosecutor", "2026-01-15 02:00:00+00", NIP_INV_PLG, "{}",
               false},
        [6] = {"p19_received", "2026-01-20", NULL, "B-123/L.6.10/Eku.1/01/2026", 0, 0, "KUHAP-2025",
               "with_prosecutor", "returned", "2026-01-20 03:00:00+00", NIP_PROS_PLG,
               "{\"items\": 2}", false},
        [7] = {"instruction_answered", "2026-01-25", NULL, "", 0, 0, "KUHAP-2025", "returned",
               "returned", "2026-01-25 02:00:00+00", NIP_INV_PLG, "{\"instruction\": 1}", false},
        [8] = {"corrected", "2026-01-07", NULL, "", 0, 4, "KUHAP-2025", "returned", "returned",
               "2026-01-26 02:00:00+00", NIP_INV_PLG, "{\"reason\": \"salah nomor BAP\"}", true},
        [9] = {"p19_received", "2026-02-01", NULL, "B-140/L.6.10/Eku.1/02/2026", 0, 0, "KUHAP-2025",
               "returned", "returned", "2026-02-01 04:00:00+00", NIP_PROS_PLG, "{}", false},
    };
    for (int seq = 1; seq < (int)(sizeof evs / sizeof evs[0]); seq++)
        add_event(seq, &evs[seq]);
    add_instruction(1, 1, 6, "Lengkapi BAP saksi <pemilik hotel> & lampirkan register tamu.",
                    "BAP saksi tambahan telah dilampirkan.", 7);
    add_instruction(1, 2, 6, "Sertakan hasil pemeriksaan SIMKIM atas paspor tersangka.", NULL, 0);
    add_instruction(2, 1, 9, "Uraikan unsur \"berada\" dalam Pasal 119 ayat (1).", NULL, 0);
}

static void start_server(void)
{
    demo_server_start(&demo, "casexml_suite");
    /* this suite checks the stage machine's own guards; the documents that
     * Tahap I also needs (issue 8) are checked in test_acts.c */
    harness_setting(demo.db, "dossier.tahap1_requires_documents", "false");
    add_case();
    add_events();
    bare_id = insert_id("INSERT INTO app.cases (number, office_id, kejari_id) VALUES "
                        "('XML-2/PLG/2026', (SELECT id FROM app.offices WHERE code = 'KANIM-PLG'), "
                        "(SELECT id FROM app.offices WHERE code = 'KEJARI-PLG')) RETURNING id",
                        0, NULL);
    tok_inv_mre = demo_server_login(&demo, NIP_INV_MRE);
    tok_pros_ptk = demo_server_login(&demo, NIP_PROS_PTK);
    tok_admin = demo_server_login(&demo, NIP_ADMIN_DITJEN);
    tok_sup = demo_server_login(&demo, NIP_SUP_KANWIL);
}

static void stop_server(void)
{
    demo_server_stop(&demo);
}

/* ---- reading the document ------------------------------------------------------------- */

/* GET the case's XML; want the status; returns the body (caller frees). */
static char *fetch_on(int on_port, const char *token, long long id, long want, char *ctype,
                      size_t n)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld.xml", id);
    struct http_result r;
    ck_assert(api_call(on_port, "GET", path, token, NULL, &r));
    ck_assert_msg(r.status == want, "GET %s: want %ld, got %ld: %.300s", path, want, r.status,
                  r.body ? r.body : "");
    if (ctype)
        snprintf(ctype, n, "%s", r.content_type);
    char *body = r.body;
    r.body = NULL;
    http_result_free(&r);
    return body;
}

static char *fetch(const char *token, long long id, long want)
{
    return fetch_on(demo.port, token, id, want, NULL, 0);
}

/* Parse as RELIABILITY.md C4 allows: no entities, no DTD, no network. */
static xmlDocPtr parse(const char *body)
{
    xmlDocPtr doc = xmlReadMemory(body, (int)strlen(body), "case.xml", NULL, XML_PARSE_NONET);
    ck_assert_msg(doc != NULL, "the export is not well-formed XML");
    ck_assert_msg(doc->intSubset == NULL && doc->extSubset == NULL, "the export has a DOCTYPE");
    return doc;
}

static xmlDocPtr fetch_doc(long long id)
{
    char *body = fetch(demo.inv, id, 200);
    xmlDocPtr doc = parse(body);
    free(body);
    return doc;
}

static xmlXPathObjectPtr xpath(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    ck_assert_ptr_nonnull(ctx);
    ck_assert_int_eq(xmlXPathRegisterNs(ctx, (const xmlChar *)"b", (const xmlChar *)NS), 0);
    xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    xmlXPathFreeContext(ctx);
    ck_assert_msg(o != NULL, "XPath %s does not evaluate", expr);
    return o;
}

/* The string value of expr (wrapped in string()); caller frees. */
static char *xstr(xmlDocPtr doc, const char *expr)
{
    char wrapped[512];
    snprintf(wrapped, sizeof wrapped, "string(%s)", expr);
    xmlXPathObjectPtr o = xpath(doc, wrapped);
    char *s = strdup(o->stringval ? (const char *)o->stringval : "");
    xmlXPathFreeObject(o);
    return s;
}

static void assert_xstr(xmlDocPtr doc, const char *expr, const char *want)
{
    char *got = xstr(doc, expr);
    ck_assert_msg(strcmp(got, want) == 0, "%s: want \"%s\", got \"%s\"", expr, want, got);
    free(got);
}

static long xcount(xmlDocPtr doc, const char *expr)
{
    char wrapped[512];
    snprintf(wrapped, sizeof wrapped, "count(%s)", expr);
    xmlXPathObjectPtr o = xpath(doc, wrapped);
    long n = (long)o->floatval;
    xmlXPathFreeObject(o);
    return n;
}

/* The first node of expr (which must match). */
static xmlNodePtr xnode(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr o = xpath(doc, expr);
    ck_assert_msg(o->nodesetval && o->nodesetval->nodeNr > 0, "%s matches nothing", expr);
    xmlNodePtr n = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    return n;
}

/* ---- the schema ------------------------------------------------------------------------- */

static void first_error(void *ctx, xmlErrorPtr e)
{
    char *msg = ctx;
    if (!msg[0] && e && e->message)
        snprintf(msg, 512, "line %d: %s", e->line, e->message);
}

/* Validate doc against schemas/case.xsd; false with the first error in msg (512 bytes). */
static bool validate(xmlDocPtr doc, char *msg)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/../schemas/case.xsd", harness_sql_dir());
    char *xsd = read_text(path);
    ck_assert_msg(xsd != NULL, "cannot read %s", path);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xsd, (int)strlen(xsd));
    ck_assert_ptr_nonnull(pc);
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    free(xsd);
    ck_assert_msg(schema != NULL, "schemas/case.xsd does not compile");
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    ck_assert_ptr_nonnull(vc);
    msg[0] = '\0';
    xmlSchemaSetValidStructuredErrors(vc, first_error, msg);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    return rc == 0;
}

static void assert_valid(xmlDocPtr doc)
{
    char msg[512];
    ck_assert_msg(validate(doc, msg), "invalid against schemas/case.xsd: %s", msg);
}

static void assert_invalid(xmlDocPtr doc, const char *why)
{
    char msg[512];
    ck_assert_msg(!validate(doc, msg), "the schema accepts %s", why);
}

/* ---- tests -------------------------------------------------------------------------------- */

START_TEST(test_export_is_utf8_xml_that_validates_against_the_schema)
{
    char ctype[128];
    char *body = fetch_on(demo.port, demo.inv, case_id, 200, ctype, sizeof ctype);
    /* RFC 7303: application/xml; a charset parameter, when sent, must be utf-8 (the
     * declaration says UTF-8 in any case) */
    ck_assert_msg(strncmp(ctype, "application/xml", 15) == 0 &&
                      (ctype[15] == '\0' || strcmp(ctype + 15, "; charset=utf-8") == 0),
                  "Content-Type %s", ctype);
    ck_assert_msg(strncmp(body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 38) == 0,
                  "declaration: %.60s", body);
    xmlDocPtr doc = parse(body);
    ck_assert_str_eq((const char *)doc->encoding, "UTF-8");
    xmlNodePtr root = xmlDocGetRootElement(doc);
    ck_assert_str_eq((const char *)root->name, "perkara");
    ck_assert_str_eq((const char *)root->ns->href, NS);
    assert_valid(doc);
    char id[24];
    snprintf(id, sizeof id, "%lld", case_id);
    assert_xstr(doc, "/b:perkara/@id", id);
    assert_xstr(doc, "/b:perkara/b:nomor", "XML-1/PLG/2026");
    assert_xstr(doc, "/b:perkara/b:tahap/@kode", "returned");
    assert_xstr(doc, "/b:perkara/b:tahap", "Dikembalikan (P-19)");
    assert_xstr(doc, "/b:perkara/b:versi", "12");
    assert_xstr(doc, "/b:perkara/b:sumber/@kode", "tim_pora");
    assert_xstr(doc, "/b:perkara/b:sumber", "TIM PORA");
    assert_xstr(doc, "/b:perkara/b:catatan-sumber",
                "Operasi gabungan TIM PORA <Sumsel> & \"Jambi\"");
    assert_xstr(doc, "/b:perkara/b:tanggal-dibuka", "2025-12-30");
    assert_xstr(doc, "/b:perkara/b:dibuat-pada", "2025-12-30T08:00:00+07:00");
    assert_xstr(doc, "/b:perkara/b:dibuat-oleh", "Andi Pratama");
    assert_xstr(doc, "/b:perkara/b:dibuat-oleh/@nip", NIP_INV_PLG);
    assert_xstr(doc, "/b:perkara/b:disampaikan-pada", "2026-01-20T10:00:00+07:00");
    xmlFreeDoc(doc);
    free(body);
}
END_TEST

START_TEST(test_names_come_back_byte_identical)
{
    char *body = fetch(demo.inv, case_id, 200);
    /* UTF-8 as it is, not as character references */
    ck_assert_ptr_nonnull(strstr(body, ">" NAME_VN "<"));
    ck_assert_ptr_nonnull(strstr(body, ">" NAME_DE "<"));
    ck_assert_ptr_nonnull(strstr(body, ">O'Brien &lt;Jean&gt; &amp; &quot;JJ&quot;<"));
    xmlDocPtr doc = parse(body);
    assert_xstr(doc, "/b:perkara/b:daftar-tersangka/b:tersangka[b:kewarganegaraan='VN']/b:nama",
                NAME_VN);
    assert_xstr(doc, "/b:perkara/b:daftar-tersangka/b:tersangka[b:kewarganegaraan='IE']/b:nama",
                NAME_MARKS);
    assert_xstr(doc, "/b:perkara/b:daftar-saksi/b:saksi[1]/b:nama", NAME_DE);
    assert_xstr(doc, "/b:perkara/b:daftar-saksi/b:saksi[1]/b:kewarganegaraan", "DE");
    assert_xstr(doc, "/b:perkara/b:daftar-ahli/b:ahli[1]/b:nama", "Dr. Siti Aminah, S.H., M.H.");
    const char *vn = "/b:perkara/b:daftar-tersangka/b:tersangka[1]";
    char expr[256];
    snprintf(expr, sizeof expr, "%s/@id", vn);
    char want[32];
    snprintf(want, sizeof want, "pihak-%lld", p_vn);
    assert_xstr(doc, expr, want);
    const struct {
        const char *el, *value;
    } facts[] = {
        {"nomor-paspor", "C1234567"},
        {"tanggal-lahir", "1990-02-28"},
        {"tempat-lahir", "Hà Nội"},
        {"jenis-kelamin/@kode", "L"},
        {"jenis-kelamin", "Laki-laki"},
        {"pekerjaan", "Pedagang & \"importir\""},
        {"alamat-indonesia", "Jl. Sudirman No. 1, Palembang"},
        {"alamat-luar-negeri", "12 Phố Huế, Hà Nội"},
        {"bahasa", "Bahasa Vietnam"},
        {"penerjemah", NAME_TERP},
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
        snprintf(expr, sizeof expr, "%s/b:%s", vn, facts[i].el);
        assert_xstr(doc, expr, facts[i].value);
    }
    /* a fact the database does not hold is absent, not empty */
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-tersangka/b:tersangka[2]/b:tanggal-lahir"),
                     0);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-tersangka/b:tersangka[2]/b:nomor-paspor"), 0);
    xmlFreeDoc(doc);
    free(body);
}
END_TEST

START_TEST(test_office_kejari_letterheads_and_investigators_bind)
{
    xmlDocPtr doc = fetch_doc(case_id);
    assert_xstr(doc, "/b:perkara/b:kantor/b:kode", "KANIM-PLG");
    assert_xstr(doc, "/b:perkara/b:kantor/b:nama", "Kantor Imigrasi Kelas I TPI Palembang");
    assert_xstr(doc, "/b:perkara/b:kantor/b:jenis/@kode", "kanim");
    assert_xstr(doc, "/b:perkara/b:kantor/b:kelas", "Kelas I TPI");
    assert_xstr(doc, "/b:perkara/b:kantor/b:zona-waktu", "Asia/Jakarta");
    assert_xstr(doc, "/b:perkara/b:kantor/b:zona-waktu/@singkatan", "WIB");
    assert_xstr(doc, "/b:perkara/b:kantor/b:zona-waktu/@selisih", "+07:00");
    /* both letterheads, before and after the ministry split of 21 October 2024 */
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:kantor/b:kop"), 2);
    assert_xstr(doc, "/b:perkara/b:kantor/b:kop[@berlaku-mulai='2000-01-01']/b:baris[1]",
                "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA REPUBLIK INDONESIA");
    assert_xstr(doc, "/b:perkara/b:kantor/b:kop[@berlaku-mulai='2024-10-21']/b:baris[1]",
                "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA");
    assert_xstr(doc, "/b:perkara/b:kantor/b:kop[@berlaku-mulai='2024-10-21']/b:baris[2]",
                "DIREKTORAT JENDERAL IMIGRASI");
    assert_xstr(doc, "/b:perkara/b:kantor/b:kop[@berlaku-mulai='2024-10-21']/b:baris[last()]",
                "PALEMBANG");
    assert_xstr(doc, "/b:perkara/b:kejari/b:kode", "KEJARI-PLG");
    assert_xstr(doc, "/b:perkara/b:kejari/b:jenis", "Kejaksaan Negeri");
    /* a Kejaksaan's kop (DOMAIN.md 12): the Kejaksaan RI, its Kejati, then itself */
    assert_xstr(doc, "/b:perkara/b:kejari/b:kop/b:baris[1]", "KEJAKSAAN REPUBLIK INDONESIA");
    assert_xstr(doc, "/b:perkara/b:kejari/b:kop/b:baris[2]", "KEJAKSAAN TINGGI SUMATERA SELATAN");
    assert_xstr(doc, "/b:perkara/b:kejari/b:kop/b:baris[3]", "KEJAKSAAN NEGERI PALEMBANG");
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-penyidik/b:penyidik"), 2);
    const char *andi = "/b:perkara/b:daftar-penyidik/b:penyidik[b:nip='" NIP_INV_PLG "']";
    char expr[256];
    const struct {
        const char *el, *value;
    } facts[] = {
        {"nama", "Andi Pratama"},
        {"pangkat", "Penata"},
        {"golongan", "III/c"},
        {"jabatan", "PPNS Keimigrasian"},
        {"kartu-ppns", "PPNS-IMI-0412/2021"},
        {"kartu-ppns-berlaku-sampai", "2027-06-30"},
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
        snprintf(expr, sizeof expr, "%s/b:%s", andi, facts[i].el);
        assert_xstr(doc, expr, facts[i].value);
    }
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_offences_and_evidence_bind)
{
    xmlDocPtr doc = fetch_doc(case_id);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-pasal/b:pasal"), 3);
    const char *p119 = "/b:perkara/b:daftar-pasal/b:pasal[b:kode='119(1)']";
    char expr[256], ref[32];
    snprintf(ref, sizeof ref, "pihak-%lld", p_vn);
    const struct {
        const char *el, *value;
    } facts[] = {
        {"nomor-pasal", "119"},
        {"uraian", "Orang asing masuk atau berada di Indonesia tanpa dokumen perjalanan dan visa "
                   "yang sah"},
        {"pidana-penjara-maks-bulan", "60"},
        {"denda-maks", "500000000"},
        {"penghubung", "dan"},
        {"dapat-ditahan", "true"},
        {"acara-singkat", "false"},
        {"perlu-verifikasi", "false"},
        {"berlaku-mulai", "2011-05-05"},
        {"tersangka", NAME_VN},
        {"tersangka/@ref", ref},
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
        snprintf(expr, sizeof expr, "%s/b:%s", p119, facts[i].el);
        assert_xstr(doc, expr, facts[i].value);
    }
    assert_xstr(doc, "/b:perkara/b:daftar-pasal/b:pasal[b:kode='122']/b:tersangka", NAME_MARKS);
    /* Pasal 116: the short procedure, charged in the case as a whole */
    assert_xstr(doc, "/b:perkara/b:daftar-pasal/b:pasal[b:kode='116']/b:acara-singkat", "true");
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-pasal/b:pasal[b:kode='116']/b:tersangka"), 0);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-barang-bukti/b:barang-bukti"), 2);
    const char *bb = "/b:perkara/b:daftar-barang-bukti/b:barang-bukti";
    snprintf(expr, sizeof expr, "%s[1]/b:disita-dari", bb);
    assert_xstr(doc, expr, NAME_VN);
    snprintf(expr, sizeof expr, "%s[1]/b:tanggal-sita", bb);
    assert_xstr(doc, expr, "2026-01-06");
    snprintf(expr, sizeof expr, "%s[2]/b:uraian", bb);
    assert_xstr(doc, expr, "Uang tunai Rp5.000.000 <lima juta>");
    snprintf(expr, sizeof expr, "%s[2]/b:disita-dari", bb);
    ck_assert_int_eq(xcount(doc, expr), 0);
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_events_bind_in_order_with_labels_times_and_payloads)
{
    xmlDocPtr doc = fetch_doc(case_id);
    const char *list = "/b:perkara/b:daftar-peristiwa/b:peristiwa";
    ck_assert_int_eq(xcount(doc, list), 9);
    char expr[256];
    /* every event's label is the core catalogue's label of its code */
    for (int seq = 1; seq <= 9; seq++) {
        snprintf(expr, sizeof expr, "%s[%d]/b:urutan", list, seq);
        char want[8];
        snprintf(want, sizeof want, "%d", seq);
        assert_xstr(doc, expr, want);
        snprintf(expr, sizeof expr, "%s[%d]/b:jenis/@kode", list, seq);
        char *code = xstr(doc, expr);
        enum event e;
        ck_assert_msg(event_lookup(code, &e), "unknown event code %s", code);
        snprintf(expr, sizeof expr, "%s[%d]/b:jenis", list, seq);
        assert_xstr(doc, expr, event_label(e));
        free(code);
    }
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[6]/b:jenis",
                "P-19: pengembalian berkas perkara untuk dilengkapi");
    /* the arrest: its instant in the office's time (WIB), its suspect, its payload */
    const char *arrest = "/b:perkara/b:daftar-peristiwa/b:peristiwa[b:jenis/@kode='arrested']";
    snprintf(expr, sizeof expr, "%s/b:waktu", arrest);
    assert_xstr(doc, expr, "2026-01-06T09:30:00+07:00");
    snprintf(expr, sizeof expr, "%s/b:tanggal", arrest);
    assert_xstr(doc, expr, "2026-01-06");
    snprintf(expr, sizeof expr, "%s/b:pihak", arrest);
    assert_xstr(doc, expr, NAME_VN);
    snprintf(expr, sizeof expr, "%s/b:data[@kunci='place']", arrest);
    assert_xstr(doc, expr, "Hotel Aryaduta");
    snprintf(expr, sizeof expr, "%s/b:data[@kunci='items']", arrest);
    assert_xstr(doc, expr, "2");
    snprintf(expr, sizeof expr, "%s/b:data[@kunci='urgent']", arrest);
    assert_xstr(doc, expr, "true");
    snprintf(expr, sizeof expr, "%s/b:dicatat-pada", arrest);
    assert_xstr(doc, expr, "2026-01-06T10:00:00+07:00");
    snprintf(expr, sizeof expr, "%s/b:dicatat-oleh", arrest);
    assert_xstr(doc, expr, "Andi Pratama");
    /* no instant where the hour does not matter */
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[1]/b:waktu"), 0);
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[1]/b:data[@kunci='note']",
                "Laporan <awal> & \"rahasia\"");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[1]/b:rezim/@kode", "KUHAP-1981");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[2]/b:rezim/@kode", "KUHAP-2025");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[2]/b:nomor-dokumen",
                "SP.Sidik/01/I/2026/PPNS-IMI");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[2]/b:tahap-sesudah/@kode",
                "investigation");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[2]/b:tahap-sesudah", "Penyidikan");
    /* an array: one element per item, in order */
    const char *langs = "/b:perkara/b:daftar-peristiwa/b:peristiwa[4]/b:data[@kunci='languages']";
    ck_assert_int_eq(xcount(doc, langs), 2);
    snprintf(expr, sizeof expr, "%s[1]", langs);
    assert_xstr(doc, expr, "de");
    snprintf(expr, sizeof expr, "%s[2]", langs);
    assert_xstr(doc, expr, "id");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[4]/b:dicatat-oleh/@nip",
                NIP_INV_PLG2);
    /* the correction points at the event it corrects, and was late */
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[8]/b:mengoreksi/@ref",
                "peristiwa-4");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[8]/b:mengoreksi", "4");
    /* and at the act its chain of corrections stands for (here the same) */
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[8]/b:mengoreksi/@akar",
                "peristiwa-4");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[8]/b:terlambat", "true");
    assert_xstr(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[7]/b:terlambat", "false");
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_p19_instructions_grouped_by_round)
{
    xmlDocPtr doc = fetch_doc(case_id);
    const char *r = "/b:perkara/b:petunjuk-p19/b:putaran";
    ck_assert_int_eq(xcount(doc, r), 2);
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/@ke", "1");
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/@peristiwa", "peristiwa-6");
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/b:tanggal", "2026-01-20");
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/b:nomor-dokumen",
                "B-123/L.6.10/Eku.1/01/2026");
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/b:butir"), 2);
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/b:butir[@no='1']/b:teks",
                "Lengkapi BAP saksi <pemilik hotel> & lampirkan register tamu.");
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/b:butir[@no='1']/b:jawaban",
                "BAP saksi tambahan telah dilampirkan.");
    assert_xstr(doc,
                "/b:perkara/b:petunjuk-p19/b:putaran[1]/b:butir[@no='1']/b:peristiwa-jawaban/@ref",
                "peristiwa-7");
    /* not answered yet: no answer at all */
    ck_assert_int_eq(
        xcount(doc, "/b:perkara/b:petunjuk-p19/b:putaran[1]/b:butir[@no='2']/b:jawaban"), 0);
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[2]/@ke", "2");
    assert_xstr(doc, "/b:perkara/b:petunjuk-p19/b:putaran[2]/b:butir[1]/b:teks",
                "Uraikan unsur \"berada\" dalam Pasal 119 ayat (1).");
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_control_characters_do_not_break_the_document)
{
    /* the summary carries U+0001, which XML 1.0 cannot: it comes out as U+FFFD */
    xmlDocPtr doc = fetch_doc(case_id);
    assert_xstr(doc, "/b:perkara/b:ringkasan", "Ringkasan <awal> & \"akhir\"\xEF\xBF\xBD selesai");
    assert_valid(doc);
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_a_bare_case_validates_too)
{
    xmlDocPtr doc = fetch_doc(bare_id);
    assert_valid(doc);
    assert_xstr(doc, "/b:perkara/b:tahap/@kode", "pre_investigation");
    assert_xstr(doc, "/b:perkara/b:ringkasan", "");
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:tanggal-dibuka"), 0);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:dibuat-oleh"), 0);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:disampaikan-pada"), 0);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-tersangka/*"), 0);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:daftar-peristiwa/*"), 0);
    ck_assert_int_eq(xcount(doc, "/b:perkara/b:petunjuk-p19/*"), 0);
    xmlFreeDoc(doc);
}
END_TEST

/* 404 as problem+json, the same words whether the case exists or not. */
static void assert_not_found(const char *token, long long id)
{
    char ctype[128];
    char *body = fetch_on(demo.port, token, id, 404, ctype, sizeof ctype);
    ck_assert_str_eq(ctype, "application/problem+json; charset=utf-8");
    ck_assert_ptr_nonnull(strstr(body, "urn:berkas:problem:not-found"));
    char words[64];
    snprintf(words, sizeof words, "perkara %lld tidak ditemukan", id);
    ck_assert_msg(strstr(body, words) != NULL, "404 body: %s", body);
    ck_assert_ptr_null(strstr(body, "XML-")); /* nothing of the case */
    free(body);
}

START_TEST(test_who_may_not_see_the_case_gets_404)
{
    assert_not_found(tok_pros_ptk, case_id); /* another Kejari */
    assert_not_found(demo.pros, bare_id);    /* their Kejari, but not sent yet */
    assert_not_found(tok_inv_mre, case_id);  /* another office */
    assert_not_found(demo.inv, 999999999);   /* no such case */
}
END_TEST

START_TEST(test_who_may_see_it_gets_it)
{
    /* the Kejari it was sent to, and the Kanwil above the office */
    const char *tokens[2] = {demo.pros, tok_sup};
    for (int i = 0; i < 2; i++) {
        char *body = fetch(tokens[i], case_id, 200);
        xmlDocPtr doc = parse(body);
        assert_xstr(doc, "/b:perkara/b:nomor", "XML-1/PLG/2026");
        xmlFreeDoc(doc);
        free(body);
    }
}
END_TEST

START_TEST(test_admin_gets_403)
{
    char ctype[128];
    char *body = fetch_on(demo.port, tok_admin, case_id, 403, ctype, sizeof ctype);
    ck_assert_str_eq(ctype, "application/problem+json; charset=utf-8");
    ck_assert_ptr_null(strstr(body, "XML-"));
    free(body);
}
END_TEST

START_TEST(test_export_is_audited)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", case_id);
    const char *p[2] = {cid, NIP_INV_PLG};
    const char *sql = "SELECT count(*) FROM audit.events WHERE action = 'case.export' AND "
                      "object_type = 'case' AND object_id = $1::bigint AND outcome = 'ok' AND "
                      "user_id = (SELECT id FROM app.users WHERE nip = $2)";
    long long before = sql_count(demo.db, sql, 2, p);
    free(fetch(demo.inv, case_id, 200));
    ck_assert_int_eq(sql_count(demo.db, sql, 2, p), before + 1);
    /* the refusal too, and no case contents in the trail */
    const char *q[2] = {cid, NIP_PROS_PTK};
    const char *refused = "SELECT count(*) FROM audit.events WHERE action = 'case.export' AND "
                          "object_id = $1::bigint AND outcome = 'refused' AND status = 404 AND "
                          "user_id = (SELECT id FROM app.users WHERE nip = $2)";
    before = sql_count(demo.db, refused, 2, q);
    free(fetch(tok_pros_ptk, case_id, 404));
    ck_assert_int_eq(sql_count(demo.db, refused, 2, q), before + 1);
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM audit.events WHERE coalesce(detail::text, "
                               "'') LIKE '%Nguy%'",
                               0, NULL),
                     0);
}
END_TEST

START_TEST(test_schema_rejects_a_wrong_stage_code)
{
    xmlDocPtr doc = fetch_doc(case_id);
    assert_valid(doc);
    xmlNodePtr tahap = xnode(doc, "/b:perkara/b:tahap");
    xmlSetProp(tahap, (const xmlChar *)"kode", (const xmlChar *)"under_review");
    char msg[512];
    ck_assert(!validate(doc, msg));
    ck_assert_msg(strstr(msg, "kode") != NULL, "error names the attribute: %s", msg);
    xmlFreeDoc(doc);
}
END_TEST

/* One mutation of a valid export that the schema must refuse. */
static void refuse_mutation(const char *expr, const char *attr, const char *value, bool unlink,
                            const char *why)
{
    xmlDocPtr doc = fetch_doc(case_id);
    xmlNodePtr n = xnode(doc, expr);
    if (unlink) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    } else if (attr) {
        xmlSetProp(n, (const xmlChar *)attr, (const xmlChar *)value);
    } else {
        xmlNodeSetContent(n, (const xmlChar *)value);
    }
    assert_invalid(doc, why);
    xmlFreeDoc(doc);
}

START_TEST(test_schema_is_strict_about_shapes_and_references)
{
    refuse_mutation("/b:perkara/b:tanggal-dibuka", NULL, "30-12-2025", false, "a d-m-y date");
    refuse_mutation("/b:perkara/b:tanggal-dibuka", NULL, "2025-12-30Z", false, "a zoned date");
    refuse_mutation("/b:perkara/b:dibuat-pada", NULL, "2025-12-30T08:00:00", false,
                    "an instant without its offset");
    refuse_mutation("/b:perkara/b:nomor", NULL, NULL, true, "a case without its number");
    refuse_mutation("/b:perkara/b:sumber", "kode", "rumor", false, "an unknown source");
    refuse_mutation("/b:perkara/b:kantor/b:jenis", "kode", "polres", false,
                    "an unknown office kind");
    refuse_mutation("/b:perkara/b:daftar-peristiwa/b:peristiwa[1]/b:jenis", "kode", "p99_received",
                    false, "an unknown event");
    refuse_mutation("/b:perkara/b:daftar-peristiwa/b:peristiwa[3]/b:pihak", "ref", "pihak-999999",
                    false, "a reference to a party that is not there");
    refuse_mutation("/b:perkara/b:daftar-peristiwa/b:peristiwa[8]/b:mengoreksi", "ref",
                    "peristiwa-99", false, "a correction of an event that is not there");
    char witness[32];
    snprintf(witness, sizeof witness, "pihak-%lld", p_de);
    refuse_mutation("/b:perkara/b:daftar-pasal/b:pasal[1]/b:tersangka", "ref", witness, false,
                    "an offence charged to a witness");
    refuse_mutation("/b:perkara/b:daftar-pasal/b:pasal[1]/b:dapat-ditahan", NULL, "1", false,
                    "a boolean as a digit");
    refuse_mutation("/b:perkara/b:daftar-penyidik/b:penyidik[1]/b:nip", NULL, "1988111120101210",
                    false, "a 16-digit NIP");
    refuse_mutation("/b:perkara/b:daftar-tersangka/b:tersangka[1]/b:kewarganegaraan", NULL, "VNM",
                    false, "an alpha-3 country code");
}
END_TEST

START_TEST(test_schema_knows_every_stage_and_event_of_the_core)
{
    xmlDocPtr doc = fetch_doc(case_id);
    xmlNodePtr tahap = xnode(doc, "/b:perkara/b:tahap");
    xmlNodePtr jenis = xnode(doc, "/b:perkara/b:daftar-peristiwa/b:peristiwa[1]/b:jenis");
    char msg[512];
    for (int s = 0; s < ST__COUNT; s++) {
        xmlSetProp(tahap, (const xmlChar *)"kode", (const xmlChar *)stage_code((enum stage)s));
        ck_assert_msg(validate(doc, msg), "stage %s: %s", stage_code((enum stage)s), msg);
    }
    for (int e = 0; e < EV__COUNT; e++) {
        xmlSetProp(jenis, (const xmlChar *)"kode", (const xmlChar *)event_code((enum event)e));
        ck_assert_msg(validate(doc, msg), "event %s: %s", event_code((enum event)e), msg);
    }
    xmlFreeDoc(doc);
}
END_TEST

/* A berkasd of its own, so that this process is its parent and sees its exit
 * status: under the sanitizers a leak in the export path makes it non-zero. */
START_TEST(test_berkasd_exits_cleanly_after_exports)
{
    struct proc own;
    int own_port;
    char *extra[] = {"--db", demo.db, "--demo", NULL};
    ck_assert(berkasd_start(&own, &own_port, extra));
    char *t = api_login(own_port, NIP_INV_PLG, DEMO_PW);
    char *a = api_login(own_port, NIP_ADMIN_DITJEN, DEMO_PW);
    ck_assert(t && a);
    for (int i = 0; i < 3; i++)
        free(fetch_on(own_port, t, case_id, 200, NULL, 0));
    free(fetch_on(own_port, t, bare_id, 200, NULL, 0));
    free(fetch_on(own_port, t, 999999999, 404, NULL, 0));
    free(fetch_on(own_port, a, case_id, 403, NULL, 0));
    free(t);
    free(a);
    int st = proc_stop(&own);
    if (st != 0) {
        char *out = proc_output(&own);
        fprintf(stderr, "%s\n", out);
        free(out);
    }
    proc_free(&own);
    ck_assert_int_eq(st, 0);
}
END_TEST

Suite *suite_casexml(void)
{
    Suite *s = suite_create("casexml");
    TCase *tc = tcase_create("casexml");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_export_is_utf8_xml_that_validates_against_the_schema);
    tcase_add_test(tc, test_names_come_back_byte_identical);
    tcase_add_test(tc, test_office_kejari_letterheads_and_investigators_bind);
    tcase_add_test(tc, test_offences_and_evidence_bind);
    tcase_add_test(tc, test_events_bind_in_order_with_labels_times_and_payloads);
    tcase_add_test(tc, test_p19_instructions_grouped_by_round);
    tcase_add_test(tc, test_control_characters_do_not_break_the_document);
    tcase_add_test(tc, test_a_bare_case_validates_too);
    tcase_add_test(tc, test_who_may_not_see_the_case_gets_404);
    tcase_add_test(tc, test_who_may_see_it_gets_it);
    tcase_add_test(tc, test_admin_gets_403);
    tcase_add_test(tc, test_export_is_audited);
    tcase_add_test(tc, test_schema_rejects_a_wrong_stage_code);
    tcase_add_test(tc, test_schema_is_strict_about_shapes_and_references);
    tcase_add_test(tc, test_schema_knows_every_stage_and_event_of_the_core);
    tcase_add_test(tc, test_berkasd_exits_cleanly_after_exports);
    suite_add_tcase(s, tc);
    return s;
}
