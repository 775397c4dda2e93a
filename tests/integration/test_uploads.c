/*
 * test_uploads.c - what an upload may bring into the berkas perkara, over real
 * HTTP against a real berkasd on the demo data, its dossier read back with
 * pdftotext.
 *
 * The berkas perkara is a state paper the Penuntut Umum and the court open,
 * often in Acrobat, which runs what a PDF asks when it opens or a page shows
 * (issue 22): a PDF holding JavaScript or an action run unasked (/OpenAction
 * other than a place to open at, /AA), or that launches, submits, imports,
 * opens another file or carries one (/Launch, /SubmitForm, /ImportData,
 * /GoToR, /EmbeddedFiles, XFA) is refused 422 problem+json naming what was
 * found, nothing stored - wherever it hides: in a /Names tree, behind escaped
 * names, compressed inside an object stream.  A plain scan is still taken and
 * bound; so is a link (/URI) and an /OpenAction that opens at a page.
 *
 * While the Penuntut Umum holds the file (Tahap I, P-21, Tahap II: KUHAP 110,
 * 138, 8(3)(b)) the papers it was sent with stay as he holds them: an upload to
 * an act recorded before it was sent is refused 409 as a revocation is, while
 * an act recorded since takes its paper and the prosecutor's own acts theirs;
 * a file returned (P-19) takes papers again.
 *
 * The hostile PDFs are written here as PDF text (their cross-reference table
 * computed), the object-stream one rewritten by libqpdf (qpdf's own writer,
 * object streams generated, compressed) so that nothing of it reads as text.
 */
#include <check.h>
#include <jansson.h>
#include <libpq-fe.h>
#include <qpdf/qpdf-c.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "papers.h"
#include "suites.h"

/* ---- PDFs written here ------------------------------------------------------------------- */

struct pdf {
    char *p;
    size_t len;
};

static void pdf_free(struct pdf *d)
{
    free(d->p);
    d->p = NULL;
}

/* A one-page PDF reading "SURAT PINDAI 4711": the catalog (1) with cat_extra, the pages (2),
 * the page (3) with page_extra, its content (4), its font (5), then each of the
 * NULL-terminated extra objects (6, 7, ...) as written; its cross-reference table true. */
static struct pdf pdf_make(const char *cat_extra, const char *page_extra, ...)
{
    static const char content[] = "BT /F1 18 Tf 72 700 Td (SURAT PINDAI 4711) Tj ET";
    char *obj[16], buf[1024];
    int n = 0;
    snprintf(buf, sizeof buf, "<< /Type /Catalog /Pages 2 0 R %s >>", cat_extra);
    obj[n++] = strdup(buf);
    obj[n++] = strdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    snprintf(buf, sizeof buf,
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
             "5 0 R >> >> /Contents 4 0 R %s >>",
             page_extra);
    obj[n++] = strdup(buf);
    snprintf(buf, sizeof buf, "<< /Length %zu >>\nstream\n%s\nendstream", strlen(content), content);
    obj[n++] = strdup(buf);
    obj[n++] = strdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    va_list ap;
    va_start(ap, page_extra);
    for (const char *x; n < 16 && (x = va_arg(ap, const char *));)
        obj[n++] = strdup(x);
    va_end(ap);
    size_t cap = 8192, len = 0, off[16];
    for (int i = 0; i < n; i++)
        cap += strlen(obj[i]) + 32;
    char *p = malloc(cap);
    len += (size_t)snprintf(p, cap, "%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n");
    for (int i = 0; i < n; i++) {
        off[i] = len;
        len += (size_t)snprintf(p + len, cap - len, "%d 0 obj\n%s\nendobj\n", i + 1, obj[i]);
        free(obj[i]);
    }
    size_t xref = len;
    len += (size_t)snprintf(p + len, cap - len, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(p + len, cap - len, "%010zu 00000 n \n", off[i]);
    len += (size_t)snprintf(p + len, cap - len,
                            "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
                            xref);
    ck_assert_uint_lt(len, cap);
    return (struct pdf){p, len};
}

/* in rewritten by libqpdf with every object that may go in an object stream in one, and the
 * streams compressed. */
static struct pdf pdf_in_object_streams(const struct pdf *in)
{
    qpdf_data q = qpdf_init();
    ck_assert(!(qpdf_read_memory(q, "in.pdf", in->p, in->len, "") & QPDF_ERRORS));
    ck_assert(!(qpdf_init_write_memory(q) & QPDF_ERRORS));
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_compress_streams(q, QPDF_TRUE);
    ck_assert(!(qpdf_write(q) & QPDF_ERRORS));
    struct pdf out = {malloc(qpdf_get_buffer_length(q)), qpdf_get_buffer_length(q)};
    memcpy(out.p, qpdf_get_buffer(q), out.len);
    qpdf_cleanup(&q);
    return out;
}

static bool holds(const struct pdf *d, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= d->len; i++)
        if (memcmp(d->p + i, needle, n) == 0)
            return true;
    return false;
}

/* ---- the server ---------------------------------------------------------------------------- */

static long long count_of(const char *sql, long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    return sql_count(demo.db, sql, 1, q);
}

static long long uploads_of(long long id)
{
    return count_of("SELECT count(*) FROM app.uploads WHERE case_id = $1::bigint", id);
}

/* POST pdf as token on act event of case id; the status, *reply the body as JSON (NULL: not
 * wanted).  A refusal must be problem+json. */
static long upload_to(const char *token, long long id, const char *to, long long target,
                      const struct pdf *d, json_t **reply)
{
    char url[300], auth[300];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    snprintf(url, sizeof url,
             "http://127.0.0.1:%d/api/v1/cases/%lld/uploads?%s=%lld&title=Hasil%%20pindai",
             demo.port, id, to, target);
    const char *h[] = {auth, "Content-Type: application/pdf", NULL};
    struct http_result r;
    ck_assert(http_do("POST", url, d->p, d->len, h, &r));
    if (r.status >= 400)
        ck_assert_msg(strncmp(r.content_type, "application/problem+json", 24) == 0, "%s",
                      r.content_type);
    if (reply)
        *reply = json_loads(r.body, 0, NULL);
    long st = r.status;
    http_result_free(&r);
    return st;
}

static long upload(const char *token, long long id, long long event, const struct pdf *d,
                   json_t **reply)
{
    return upload_to(token, id, "event", event, d, reply);
}

static long long party(long long id, const char *name)
{
    char path[96], body[512];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"VN\",\"sex\":\"L\","
             "\"birth_date\":\"1985-04-02\",\"birth_place\":\"Palembang\",\"passport_no\":"
             "\"C1234567\"}",
             name);
    return api_id(call("POST", path, demo.inv, body, 201));
}

static long long issue(long long id, const char *form, long long event)
{
    char path[128], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, event ? "{\"event\":%lld}" : "{}", event);
    return api_id(call("POST", path, demo.inv, body, 201));
}

static json_t *act(long long id, const char *token, const char *members, long want)
{
    return api_act(demo.port, id, token, members, want);
}

/* A Palembang case of June 2026 holding the five papers every file needs (the Laporan, the
 * Sprindik, the SPDP, the suspect's BAP, the Resume), so that its dossier binds; *bap: the
 * BAP's act, *bap_doc (may be NULL) its paper. */
static long long ready_case(long long *bap, long long *bap_doc)
{
    char body[512], m[256];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-06-01\",\"summary\":\"Uji lampiran "
             "berkas perkara\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    long long suspect = party(id, "Lê Văn Hùng");
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
    *bap = api_id(act(id, demo.inv, m, 201));
    fill_bap(demo.port, demo.inv, id, *bap);
    long long doc = issue(id, "bap_tersangka", *bap);
    if (bap_doc)
        *bap_doc = doc;
    long long res =
        api_id(act(id, demo.inv, "\"type\":\"resume_written\",\"date\":\"2026-06-10\"", 201));
    fill_resume(demo.port, demo.inv, id, res);
    issue(id, "resume", res);
    return id;
}

/* A case in investigation and an act of it to attach papers to. */
static long long fresh_case(long long *event)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-06-01\",\"summary\":\"Uji lampiran "
             "aktif\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    *event = api_id(act(id, demo.inv, "\"type\":\"sprindik_issued\",\"date\":\"2026-06-02\"", 201));
    return id;
}

/* pdf refused 422 on a fresh case, its detail naming each of the NULL-terminated needles and
 * asking for a plain scan; nothing stored, nothing audited as added. */
static void refused(const struct pdf *d, ...)
{
    long long event, id = fresh_case(&event);
    json_t *p = NULL;
    ck_assert_int_eq(upload(demo.inv, id, event, d, &p), 422);
    ck_assert_ptr_nonnull(p);
    const char *detail = str(p, "detail");
    ck_assert_ptr_nonnull(detail);
    assert_has(detail, "PDF berisi JavaScript/aksi otomatis", "the refusal");
    assert_has(detail, "unggah hasil pindai", "the refusal");
    ck_assert_str_eq(str(p, "field"), "file");
    va_list ap;
    va_start(ap, d);
    for (const char *x; (x = va_arg(ap, const char *));)
        assert_has(detail, x, "the refusal names what was found");
    va_end(ap);
    json_decref(p);
    ck_assert_int_eq(uploads_of(id), 0);
    ck_assert_int_eq(count_of("SELECT count(*) FROM audit.events WHERE object_id = $1::bigint AND "
                              "action = 'upload.add' AND outcome = 'ok'",
                              id),
                     0);
}

/* ---- 1. active content is refused ----------------------------------------------------------- */

/* The acceptance tester's PDF: a JavaScript /OpenAction and a page-open /AA /O. */
START_TEST(test_javascript_run_on_opening_is_refused)
{
    struct pdf d = pdf_make("/OpenAction 6 0 R", "/AA << /O 7 0 R >>",
                            "<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>",
                            "<< /S /JavaScript /JS (app.alert\\('halaman'\\)) >>", NULL);
    refused(&d, "/OpenAction", "/JavaScript", "/JS", "/AA", NULL);
    pdf_free(&d);
}
END_TEST

/* The same actions moved by qpdf into a compressed object stream: nothing of them reads as
 * text in the file, qpdf resolves them all the same. */
START_TEST(test_javascript_inside_an_object_stream_is_refused)
{
    struct pdf plain = pdf_make("/OpenAction 6 0 R", "/AA << /O 7 0 R >>",
                                "<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>",
                                "<< /S /JavaScript /JS (app.alert\\('halaman'\\)) >>", NULL);
    struct pdf d = pdf_in_object_streams(&plain);
    ck_assert(holds(&d, "/ObjStm"));
    ck_assert(!holds(&d, "JavaScript") && !holds(&d, "app.alert") && !holds(&d, "/AA"));
    refused(&d, "/OpenAction", "/JavaScript", "/AA", NULL);
    pdf_free(&d);
    pdf_free(&plain);
}
END_TEST

/* A document-level script in the /Names tree, its names written with #-escapes. */
START_TEST(test_a_names_tree_of_scripts_is_refused)
{
    struct pdf d = pdf_make(
        "/Names << /Java#53cript << /Names [(mulai) 6 0 R] >> >>", "",
        "<< /S /Java#53cript /J#53 (this.submitForm\\('http://contoh.invalid'\\)) >>", NULL);
    refused(&d, "/JavaScript", "/JS", NULL);
    pdf_free(&d);
}
END_TEST

/* A link that starts a program, a form that sends itself, a file carried inside. */
START_TEST(test_launch_submit_and_embedded_files_are_refused)
{
    struct pdf d = pdf_make(
        "", "/Annots [6 0 R]",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (cmd.exe) >> >>",
        NULL);
    refused(&d, "/Launch", NULL);
    pdf_free(&d);
    d = pdf_make("", "/Annots [6 0 R]",
                 "<< /Type /Annot /Subtype /Widget /Rect [0 0 100 100] /A << /S /SubmitForm /F "
                 "<< /FS /URL /F (http://contoh.invalid) >> >> >>",
                 NULL);
    refused(&d, "/SubmitForm", NULL);
    pdf_free(&d);
    d = pdf_make("/Names << /EmbeddedFiles << /Names [(surat.exe) 6 0 R] >> >>", "",
                 "<< /Type /Filespec /F (surat.exe) /EF << /F 7 0 R >> >>",
                 "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream", NULL);
    refused(&d, "/EmbeddedFiles", "/EF", "/EmbeddedFile", NULL);
    pdf_free(&d);
    /* a web address opened unasked is an action run unasked */
    d = pdf_make("/OpenAction << /S /URI /URI (http://contoh.invalid) >>", "", NULL);
    refused(&d, "/OpenAction", NULL);
    pdf_free(&d);
    /* so is one chained behind a plain /GoTo (/Next: reviewer's finding) */
    d = pdf_make("/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /URI /URI "
                 "(http://contoh.invalid) >> >>",
                 "", NULL);
    refused(&d, "/OpenAction", NULL);
    pdf_free(&d);
}
END_TEST

/* A PDF too intricate for the check to walk within its caps (render.h; README "Papers from
 * outside"): refused 422 saying so and asking for a plain scan, nothing stored. */
static void too_intricate(const char *big)
{
    struct pdf d = pdf_make("/Tambahan 6 0 R", "", big, NULL);
    long long event, id = fresh_case(&event);
    json_t *p = NULL;
    ck_assert_int_eq(upload(demo.inv, id, event, &d, &p), 422);
    assert_has(str(p, "detail"), "PDF terlalu rumit untuk diperiksa isinya", "the refusal");
    assert_has(str(p, "detail"), "unggah hasil pindai biasa", "the refusal");
    ck_assert_str_eq(str(p, "field"), "file");
    json_decref(p);
    pdf_free(&d);
    ck_assert_int_eq(uploads_of(id), 0);
}

/* Reviewer's finding 9: the walk is capped - objects walked (400 arrays of 300 dictionaries:
 * 120,000 > 100,000), objects waiting at once (one array of 100,001), nesting (66 arrays one
 * inside another: 65 levels inside the object > 64) - and each past it is refused, not walked
 * without end. */
START_TEST(test_a_pdf_past_the_checks_caps_is_refused)
{
    size_t cap = 2 * 1024 * 1024, len = 0;
    char *big = malloc(cap);
    len += (size_t)snprintf(big + len, cap - len, "[");
    for (int a = 0; a < 400; a++) {
        len += (size_t)snprintf(big + len, cap - len, "[");
        for (int i = 0; i < 300; i++)
            len += (size_t)snprintf(big + len, cap - len, "<<>>");
        len += (size_t)snprintf(big + len, cap - len, "]\n");
    }
    snprintf(big + len, cap - len, "]");
    too_intricate(big);
    len = (size_t)snprintf(big, cap, "[");
    for (int i = 0; i < 100001; i++)
        len += (size_t)snprintf(big + len, cap - len, "<<>>%s", i % 100 == 99 ? "\n" : "");
    snprintf(big + len, cap - len, "]");
    too_intricate(big);
    len = 0;
    for (int i = 0; i < 66; i++)
        len += (size_t)snprintf(big + len, cap - len, "[");
    for (int i = 0; i < 66; i++)
        len += (size_t)snprintf(big + len, cap - len, "]");
    too_intricate(big);
    free(big);
}
END_TEST

/* Reviewer's finding 9: the check needs no database and runs before the case is locked, so
 * one upload being walked holds no writer of its case - and, the other way round, a case whose
 * row another transaction holds still has a PDF that must be refused refused at once (422),
 * where the check behind the lock waited for the row and gave up (503). */
START_TEST(test_the_check_runs_before_the_case_is_locked)
{
    long long event, id = fresh_case(&event);
    PGconn *hold = PQconnectdb(demo.db);
    ck_assert_int_eq(PQstatus(hold), CONNECTION_OK);
    PQclear(PQexec(hold, "BEGIN"));
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    PGresult *r = PQexecParams(hold, "SELECT 1 FROM app.cases WHERE id = $1::bigint FOR UPDATE", 1,
                               NULL, q, NULL, NULL, 0);
    ck_assert_int_eq(PQntuples(r), 1);
    PQclear(r);
    struct pdf d =
        pdf_make("/OpenAction 6 0 R", "", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>", NULL);
    json_t *p = NULL;
    long st = upload(demo.inv, id, event, &d, &p);
    ck_assert_msg(st == 422, "%ld %s", st, str(p, "detail"));
    assert_has(str(p, "detail"), "PDF berisi JavaScript/aksi otomatis: /OpenAction", "refusal");
    json_decref(p);
    pdf_free(&d);
    PQclear(PQexec(hold, "ROLLBACK"));
    PQfinish(hold);
    ck_assert_int_eq(uploads_of(id), 0);
}
END_TEST

/* A plain scan is taken and bound, its page read back in the dossier; so is one that opens at
 * its page (a destination) and holds a link the reader may click. */
START_TEST(test_a_plain_scan_is_still_taken_and_bound)
{
    long long bap, id = ready_case(&bap, NULL);
    struct pdf d = pdf_make("", "", NULL);
    ck_assert_int_eq(upload(demo.inv, id, bap, &d, NULL), 201);
    pdf_free(&d);
    d = pdf_make("/OpenAction [3 0 R /Fit]", "/Annots [6 0 R]",
                 "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI "
                 "(https://kejari-palembang.kejaksaan.go.id) >> >>",
                 NULL);
    ck_assert_int_eq(upload(demo.inv, id, bap, &d, NULL), 201);
    pdf_free(&d);
    ck_assert_int_eq(uploads_of(id), 2);
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    const char *first = strstr(t, "SURAT PINDAI 4711");
    ck_assert_msg(first && strstr(first + 1, "SURAT PINDAI 4711"), "both scans bound: %s", t);
    free(t);
}
END_TEST

/* An upload as one stored before the check was (aa246a7) and before sql/0052: written here
 * behind berkasd's back on act event of case id, its checked column NULL.  Its id. */
static long long stored_before_the_check(long long id, long long event, const struct pdf *d)
{
    char *hex = malloc(2 * d->len + 1), cid[24], eid[24];
    for (size_t i = 0; i < d->len; i++)
        snprintf(hex + 2 * i, 3, "%02x", (unsigned char)d->p[i]);
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(eid, sizeof eid, "%lld", event);
    const char *q[4] = {cid, eid, hex, NIP_INV_PLG};
    char *up =
        sql_value(demo.db,
                  "INSERT INTO app.uploads (case_id, event_id, title, pdf, pdf_sha256, size, "
                  "pages, uploaded_by) SELECT $1::bigint, $2::bigint, 'Pindaian lama', "
                  "decode($3, 'hex'), sha256(decode($3, 'hex')), length(decode($3, 'hex')), "
                  "1, u.id FROM app.users u WHERE u.nip = $4 RETURNING id",
                  4, q);
    free(hex);
    long long upload_id = atoll(up);
    free(up);
    return upload_id;
}

/* GET /api/v1/uploads/{id}.pdf as token: the status, *r the answer (freed by the caller). */
static long read_upload(const char *token, long long upload_id, struct http_result *r)
{
    char url[160], auth[300];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/uploads/%lld.pdf", demo.port, upload_id);
    const char *h[] = {auth, NULL};
    ck_assert(http_do("GET", url, NULL, 0, h, r));
    return r->status;
}

/* Refused 409 problem+json to token: the upload named, what was found, what to do. */
static void withheld_from(const char *token, long long upload_id)
{
    struct http_result r;
    ck_assert_int_eq(read_upload(token, upload_id, &r), 409);
    ck_assert_msg(strncmp(r.content_type, "application/problem+json", 24) == 0, "%s",
                  r.content_type);
    json_t *p = json_loads(r.body, 0, NULL);
    const char *detail = str(p, "detail");
    char name[48];
    snprintf(name, sizeof name, "lampiran %lld \"Pindaian lama\"", upload_id);
    assert_has(detail, name, "the refusal names the upload");
    assert_has(detail, "/OpenAction", "the refusal says what was found");
    assert_has(detail, "unggah ulang hasil pindai yang bersih", "the refusal says what to do");
    json_decref(p);
    http_result_free(&r);
}

/* Reviewer's finding 8: an upload stored before the check holding JavaScript run on opening is
 * served to no one (409 naming it and what to do; another office's investigator still 404, the
 * admin 403), and the dossier leaves it out saying so - none of its actions, none of its pages;
 * the row stays as it was. */
START_TEST(test_an_old_upload_with_active_content_leaves_the_server_nowhere)
{
    long long bap, id = ready_case(&bap, NULL);
    struct pdf d = pdf_make("/OpenAction 6 0 R", "/AA << /O 7 0 R >>",
                            "<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>",
                            "<< /S /JavaScript /JS (app.alert\\('halaman'\\)) >>", NULL);
    long long up = stored_before_the_check(id, bap, &d);
    pdf_free(&d);
    withheld_from(demo.inv, up);
    withheld_from(demo.pros, up);
    struct http_result r;
    ck_assert_int_eq(read_upload(demo_server_login(&demo, NIP_INV_MRE), up, &r), 404);
    http_result_free(&r);
    ck_assert_int_eq(read_upload(demo_server_login(&demo, NIP_ADMIN_DITJEN), up, &r), 403);
    http_result_free(&r);
    char url[160], auth[300];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/dossier.pdf", demo.port, id);
    const char *h[] = {auth, NULL};
    ck_assert(http_do("GET", url, NULL, 0, h, &r));
    ck_assert_int_eq(r.status, 200);
    struct pdf book = {r.body, r.len};
    ck_assert_msg(!holds(&book, "app.alert") && !holds(&book, "/JavaScript") &&
                      !holds(&book, "/AA") && !holds(&book, "/OpenAction"),
                  "the dossier carries the upload's actions");
    http_result_free(&r);
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "TIDAK DIJILID", "the dossier says the upload is left out");
    assert_has(t, "Pindaian lama", "the dossier names it");
    assert_has(t, "/OpenAction", "the dossier says what was found");
    assert_has(t, "hasil pindai yang bersih", "the dossier says what to do");
    ck_assert_msg(!strstr(t, "SURAT PINDAI 4711"), "the dossier binds its pages: %s", t);
    free(t);
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", up);
    const char *q[1] = {uid};
    ck_assert_int_eq(
        sql_count(demo.db,
                  "SELECT count(*) FROM app.uploads WHERE id = $1::bigint AND checked "
                  "IS NULL AND position('app.alert' IN convert_from(pdf, 'LATIN1')) > 0",
                  1, q),
        1);
}
END_TEST

/* An upload stored before the check that passes it is served as stored and bound; one taken
 * now is stored as checked. */
START_TEST(test_an_old_clean_upload_is_served_and_bound)
{
    long long bap, id = ready_case(&bap, NULL);
    struct pdf d = pdf_make("", "", NULL);
    long long up = stored_before_the_check(id, bap, &d);
    struct http_result r;
    ck_assert_int_eq(read_upload(demo.inv, up, &r), 200);
    ck_assert_uint_eq(r.len, d.len);
    ck_assert(memcmp(r.body, d.p, d.len) == 0);
    http_result_free(&r);
    char route[96];
    snprintf(route, sizeof route, "/api/v1/cases/%lld/dossier.pdf", id);
    char *t = fill_pdf_text(demo.port, demo.inv, route);
    assert_has(t, "SURAT PINDAI 4711", "the dossier binds the stored scan's page");
    ck_assert_msg(!strstr(t, "TIDAK DIJILID"), "a clean upload left out: %s", t);
    free(t);
    json_t *made = NULL;
    ck_assert_int_eq(upload(demo.inv, id, bap, &d, &made), 201);
    char uid[24];
    snprintf(uid, sizeof uid, "%lld", (long long)json_integer_value(json_object_get(made, "id")));
    json_decref(made);
    pdf_free(&d);
    const char *q[1] = {uid};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.uploads WHERE id = $1::bigint AND "
                               "checked IS NOT NULL",
                               1, q),
                     1);
}
END_TEST

/* An upload is handed out as a file to save, under a name berkasd chose, never shown by the
 * browser as a page of berkas; and never sniffed as something else.  A paper berkas made opens
 * in the browser (inline: the page's link shows it). */
START_TEST(test_an_upload_is_an_attachment)
{
    long long bap, id = ready_case(&bap, NULL);
    struct pdf d = pdf_make("", "", NULL);
    json_t *made = NULL;
    ck_assert_int_eq(upload(demo.inv, id, bap, &d, &made), 201);
    pdf_free(&d);
    long long up = json_integer_value(json_object_get(made, "id"));
    json_decref(made);
    struct http_result r;
    ck_assert_int_eq(read_upload(demo.pros, up, &r), 200);
    char want[64];
    snprintf(want, sizeof want, "attachment; filename=\"lampiran-%lld.pdf\"", up);
    ck_assert_str_eq(r.disposition, want);
    ck_assert_str_eq(r.nosniff, "nosniff");
    ck_assert_str_eq(r.content_type, "application/pdf");
    http_result_free(&r);
    char url[160], auth[300];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", demo.inv);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld/dossier.pdf", demo.port, id);
    const char *h[] = {auth, NULL};
    ck_assert(http_do("GET", url, NULL, 0, h, &r));
    ck_assert_int_eq(r.status, 200);
    ck_assert_msg(strncmp(r.disposition, "inline;", 7) == 0, "%s", r.disposition);
    http_result_free(&r);
}
END_TEST

/* The CLI says it in one line, exits non-zero, and nothing is stored. */
START_TEST(test_the_cli_says_what_was_found_in_one_line)
{
    long long event, id = fresh_case(&event);
    char *dir = harness_mkdtemp("uploads-cli"), url[64], path[1100], cid[24], eid[24];
    ck_assert_ptr_nonnull(dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    snprintf(url, sizeof url, "http://127.0.0.1:%d", demo.port);
    char *login[] = {(char *)harness_cli(), "--server", url, "login", "--nip", NIP_INV_PLG, NULL};
    char *out = NULL;
    int rc = run_capture(login, 30000, &out);
    ck_assert_msg(rc == 0, "login: %d: %s", rc, out);
    free(out);
    struct pdf d =
        pdf_make("/OpenAction 6 0 R", "", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>", NULL);
    snprintf(path, sizeof path, "%s/pindai.pdf", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(d.p, 1, d.len, f), d.len);
    fclose(f);
    pdf_free(&d);
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(eid, sizeof eid, "%lld", event);
    char *up[] = {(char *)harness_cli(), "upload",  cid, path, "--title",
                  "Hasil pindai",        "--event", eid, NULL};
    rc = run_capture(up, 30000, &out);
    ck_assert_int_ne(rc, 0);
    assert_has(out, "PDF berisi JavaScript/aksi otomatis: /OpenAction", "the CLI's refusal");
    const char *nl = strchr(out, '\n');
    ck_assert_msg(nl && nl[1] == '\0', "one line: %s", out);
    free(out);
    free(dir);
    ck_assert_int_eq(uploads_of(id), 0);
}
END_TEST

/* ---- 2. the file the prosecutor holds takes no paper -------------------------------------- */

/* An upload as token on act (or document) target of case id refused 409 problem+json with
 * both needles in its detail, nothing stored. */
static void held(const char *token, long long id, const char *to, long long target,
                 const char *words, const char *verb)
{
    long long before = uploads_of(id);
    struct pdf d = pdf_make("", "", NULL);
    json_t *p = NULL;
    ck_assert_int_eq(upload_to(token, id, to, target, &d, &p), 409);
    pdf_free(&d);
    assert_has(str(p, "detail"), words, "the refusal says who holds the file");
    assert_has(str(p, "detail"), verb, "the refusal says when");
    ck_assert_str_eq(str(p, "field"), to);
    json_decref(p);
    ck_assert_int_eq(uploads_of(id), before);
}

static long taken(const char *token, long long id, long long event)
{
    struct pdf d = pdf_make("", "", NULL);
    long st = upload(token, id, event, &d, NULL);
    pdf_free(&d);
    return st;
}

#define TAHAP1 "berkas sedang diteliti Penuntut Umum (Tahap I)"
#define BACK   "dilampirkan sesudah berkas dikembalikan (P-18/P-19)"
#define P21    "berkas sudah dinyatakan lengkap (P-21)"
#define NEVER  "tidak dilampirkan lagi"

/* KUHAP 110, 138: the file sent (Tahap I) is the prosecutor's to examine; its BAP takes no
 * scan (409, as a revocation of its paper is refused) and its BAP's paper no signed scan,
 * while the prosecutor's own receipt takes his; returned with a P-19 it takes papers again;
 * sent again it takes none. */
START_TEST(test_a_file_with_the_prosecutor_takes_no_paper_until_it_comes_back)
{
    long long bap, doc, id = ready_case(&bap, &doc);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    held(demo.inv, id, "event", bap, TAHAP1, BACK);
    held(demo.inv, id, "document", doc, TAHAP1, BACK);
    long long rcv = api_id(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-12\"", 201));
    ck_assert_int_eq(taken(demo.pros, id, rcv), 201);
    json_decref(act(id, demo.pros,
                    "\"type\":\"p19_received\",\"date\":\"2026-06-15\",\"instructions\":[\"Periksa "
                    "saksi pelapor\"]",
                    201));
    json_decref(
        act(id, demo.inv, "\"type\":\"returned_file_received\",\"date\":\"2026-06-16\"", 201));
    ck_assert_int_eq(taken(demo.inv, id, bap), 201);
    harness_setting(demo.db, "dossier.p19_answers_need_paper", "false");
    char cid[24], m[512];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    char *item =
        sql_value(demo.db, "SELECT id FROM app.instructions WHERE case_id = $1::bigint", 1, q);
    snprintf(m, sizeof m,
             "\"type\":\"instruction_answered\",\"date\":\"2026-06-18\",\"instruction_id\":%s,"
             "\"answer\":\"Telah diperiksa\"",
             item);
    free(item);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv, "\"type\":\"resubmitted\",\"date\":\"2026-06-20\"", 201));
    harness_setting(demo.db, "dossier.p19_answers_need_paper", "true");
    held(demo.inv, id, "event", bap, TAHAP1, BACK);
}
END_TEST

/* KUHAP 24(2): an extension of the suspect's detention granted while the file is with the
 * prosecutor is an act recorded since it was sent - its paper (the PU's letter) is taken while
 * the BAP it was sent with still takes none. */
START_TEST(test_an_act_recorded_while_the_prosecutor_holds_the_file_takes_its_paper)
{
    long long bap, id = ready_case(&bap, NULL);
    char cid[24], m[300];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    char *suspect = sql_value(demo.db,
                              "SELECT id FROM app.parties WHERE case_id = $1::bigint AND kind = "
                              "'suspect'",
                              1, q);
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-06-05T10:00:00+07:00\",\"party_id\":%s,"
             "\"polri_order\":\"SP.Han/1/2026\"",
             suspect);
    json_decref(act(id, demo.inv, m, 201));
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    snprintf(m, sizeof m,
             "\"type\":\"detention_extended_pu\",\"at\":\"2026-06-20T10:00:00+07:00\","
             "\"party_id\":%s,\"days\":30,\"number\":\"B-321/L.6.10/Eku.1/06/2026\"",
             suspect);
    free(suspect);
    long long ext = api_id(act(id, demo.inv, m, 201));
    ck_assert_int_eq(taken(demo.inv, id, ext), 201);
    held(demo.inv, id, "event", bap, TAHAP1, BACK);
}
END_TEST

/* KUHAP 138(1), 8(3)(b): the file declared complete (P-21) and handed over (Tahap II) takes no
 * paper on the acts it was sent with; the Tahap II hand-over, recorded since, takes its own. */
START_TEST(test_a_file_declared_complete_takes_no_paper)
{
    long long bap, id = ready_case(&bap, NULL);
    json_decref(act(id, demo.inv, "\"type\":\"tahap1_sent\",\"date\":\"2026-06-11\"", 201));
    json_decref(
        act(id, demo.pros, "\"type\":\"tahap1_received_by_pu\",\"date\":\"2026-06-12\"", 201));
    json_decref(act(id, demo.pros, "\"type\":\"p21_received\",\"date\":\"2026-06-20\"", 201));
    held(demo.inv, id, "event", bap, P21, NEVER);
    long long t2 =
        api_id(act(id, demo.inv, "\"type\":\"tahap2_done\",\"date\":\"2026-06-25\"", 201));
    held(demo.inv, id, "event", bap, P21, NEVER);
    ck_assert_int_eq(taken(demo.inv, id, t2), 201);
}
END_TEST

/* The acceptance tester's case: the demo's Palembang file handed over (Tahap II) takes no paper
 * on its BAP; who may not attach at all is refused as before (a supervisor 403, another
 * office's investigator 404), nothing stored. */
START_TEST(test_the_handed_over_demo_file_takes_no_paper)
{
    char *id_text = sql_value(demo.db,
                              "SELECT c.id FROM app.cases c JOIN app.offices o ON o.id = "
                              "c.office_id WHERE o.code = 'KANIM-PLG' AND c.stage = "
                              "'handed_over' ORDER BY c.id LIMIT 1",
                              0, NULL);
    ck_assert_ptr_nonnull(id_text);
    const char *q[1] = {id_text};
    char *bap_text = sql_value(demo.db,
                               "SELECT id FROM app.events WHERE case_id = $1::bigint AND type = "
                               "'bap_recorded' ORDER BY seq LIMIT 1",
                               1, q);
    long long id = atoll(id_text), bap = atoll(bap_text);
    free(id_text);
    free(bap_text);
    held(demo.inv, id, "event", bap, P21, NEVER);
    long long before = uploads_of(id);
    ck_assert_int_eq(taken(demo_server_login(&demo, NIP_SUP_PLG), id, bap), 403);
    ck_assert_int_eq(taken(demo_server_login(&demo, NIP_INV_MRE), id, bap), 404);
    ck_assert_int_eq(uploads_of(id), before);
}
END_TEST

Suite *suite_uploads(void)
{
    Suite *s = suite_create("uploads");
    TCase *tc = tcase_create("uploads");
    papers_fixture(tc, "uploads_suite");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_javascript_run_on_opening_is_refused);
    tcase_add_test(tc, test_javascript_inside_an_object_stream_is_refused);
    tcase_add_test(tc, test_a_names_tree_of_scripts_is_refused);
    tcase_add_test(tc, test_launch_submit_and_embedded_files_are_refused);
    tcase_add_test(tc, test_a_pdf_past_the_checks_caps_is_refused);
    tcase_add_test(tc, test_the_check_runs_before_the_case_is_locked);
    tcase_add_test(tc, test_a_plain_scan_is_still_taken_and_bound);
    tcase_add_test(tc, test_an_old_upload_with_active_content_leaves_the_server_nowhere);
    tcase_add_test(tc, test_an_old_clean_upload_is_served_and_bound);
    tcase_add_test(tc, test_an_upload_is_an_attachment);
    tcase_add_test(tc, test_the_cli_says_what_was_found_in_one_line);
    tcase_add_test(tc, test_a_file_with_the_prosecutor_takes_no_paper_until_it_comes_back);
    tcase_add_test(tc, test_an_act_recorded_while_the_prosecutor_holds_the_file_takes_its_paper);
    tcase_add_test(tc, test_a_file_declared_complete_takes_no_paper);
    tcase_add_test(tc, test_the_handed_over_demo_file_takes_no_paper);
    suite_add_tcase(s, tc);
    return s;
}
