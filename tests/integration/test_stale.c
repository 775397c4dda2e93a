/*
 * test_stale.c - papers issued before a correction of their act (DOMAIN 12:
 * a paper is its act's, as corrected; an issued paper keeps its bytes), over
 * real HTTP against a real berkasd on the demo data, PDFs read back with
 * pdftotext.
 *
 * Expectations come from the law and the lead's issue, not from the code:
 *   - a BA Penyitaan issued for a seizure of Friday 9 January 2026, the
 *     seizure then corrected to Monday 12 January, no longer matches its act:
 *     the case lists it (its document, form, act, the correction, what
 *     changed: the date), the supervisors' review list flags the case
 *     ('Dokumen tidak sesuai koreksi'), and Tahap I names it as a gap (the
 *     Penuntut Umum would return a file whose BA says Friday the 9th);
 *   - revoked (with a reason; by the PPNS of the case's office only) and
 *     issued again, the new paper says Senin 12 Januari 2026, the old one
 *     still says what it said (its bytes unchanged) and verify says revoked,
 *     and nothing is flagged any more;
 *   - the same for a correction of the act's number, and of its party;
 *   - a correction recorded before the paper was issued leaves it matching,
 *     and so does a correction superseded by one that puts the printed value
 *     back;
 *   - another office's PPNS sees none of it (404), a supervisor or
 *     prosecutor may not revoke a PPNS's paper, a revocation without reason
 *     is 400, a second one 409.
 */
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "suites.h"

static struct demo_server demo;
static const char *sup, *mre;

static void start(void)
{
    demo_server_start(&demo, "stale_suite");
    sup = demo_server_login(&demo, NIP_SUP_PLG);
    mre = demo_server_login(&demo, NIP_INV_MRE);
}

static void stop(void)
{
    demo_server_stop(&demo);
}

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(demo.port, method, path, token, body, want);
}

static void assert_has(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not in: %.3000s", what, needle, text);
}

static void assert_lacks(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) == NULL, "%s: \"%s\" in: %.3000s", what, needle, text);
}

static long long id_of(json_t *j)
{
    return (long long)json_integer_value(json_object_get(j, "id"));
}

/* A Palembang case opened on 5 January 2026 with a suspect, investigated from the 6th. */
static long long case_open(long long *suspect)
{
    char body[400], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-01-05\",\"summary\":\"Uji dokumen "
             "sesudah koreksi\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", demo.inv, body, 201);
    long long id = id_of(c);
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, demo.inv,
                     "{\"kind\":\"suspect\",\"name\":\"Tran Van Minh\",\"nationality\":\"VN\","
                     "\"passport_no\":\"C1234567\",\"sex\":\"L\"}",
                     201);
    *suspect = id_of(p);
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", *suspect);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_decref(call(
        "POST", path, demo.inv,
        "{\"type\":\"sprindik_issued\",\"date\":\"2026-01-06\",\"issue\":[\"sprindik\"]}", 201));
    /* the thing a seizure takes */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(body, sizeof body,
             "{\"description\":\"Paspor Republik Sosialis Vietnam Nomor C1234567\",\"quantity\":"
             "\"1 (satu) buku\",\"seized_from\":%lld,\"seized_on\":\"2026-01-09\",\"storage\":"
             "\"Rupbasan Kelas I Palembang\"}",
             *suspect);
    json_decref(call("POST", path, demo.inv, body, 201));
    return id;
}

/* Record an act (members without braces): its id. */
static long long act(long long id, const char *members)
{
    char path[96], body[900];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s}", members);
    json_t *e = call("POST", path, demo.inv, body, 201);
    long long k = id_of(e);
    json_decref(e);
    return k;
}

/* A Penetapan izin penyitaan of 8 January 2026: its id. */
static long long izin(long long id, const char *number)
{
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"court_permit_received\",\"court\":\"Palembang\",\"date\":\"2026-01-08\","
             "\"permit_kind\":"
             "\"izin\",\"permit_for\":\"penyitaan\",\"number\":\"%s\"",
             number);
    return act(id, m);
}

/* A seizure on date under izin p (number: its own, or none): its id.  It took what the case
 * holds of no seizure yet (the passport of case_open, for the case's first), else a letter
 * (its papers list what it took: KUHAP 75, 129(2)). */
static long long seizure(long long id, const char *date, long long p, const char *number)
{
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"seizure_done\",\"date\":\"%s\",\"scene\":\"Jalan Merdeka Nomor 5, "
             "Palembang\",\"permit_act\":%lld%s%s%s",
             date, p, number ? ",\"number\":\"" : "", number ? number : "", number ? "\"" : "");
    long long k = act(id, m);
    if (api_seized_all(demo.port, id, demo.inv, k) == 0) {
        char path[96];
        snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
        snprintf(m, sizeof m, "{\"description\":\"1 (satu) lembar surat\",\"seizure_event\":%lld}",
                 k);
        json_decref(call("POST", path, demo.inv, m, 201));
    }
    return k;
}

/* Correct act k to date, with more members (may be ""): the correction's id. */
static long long correct(long long id, long long k, const char *date, const char *more)
{
    char m[400];
    snprintf(m, sizeof m, "\"type\":\"corrected\",\"date\":\"%s\",\"corrects\":%lld%s", date, k,
             more);
    return act(id, m);
}

static json_t *issue_with(long long id, const char *form, long long event, const char *params,
                          long want)
{
    char path[128], body[300];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, "{\"event\":%lld,\"params\":%s}", event, params);
    return call("POST", path, demo.inv, body, want);
}

static json_t *issue(long long id, const char *form, long long event, long want)
{
    return issue_with(id, form, event, "{}", want);
}

static json_t *case_get(long long id, const char *token)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return call("GET", path, token, NULL, 200);
}

/* The case's stale_papers entry of document doc, or NULL. */
static json_t *stale_entry(json_t *c, long long doc)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(c, "stale_papers"), i, s)
    {
        if (json_integer_value(json_object_get(s, "document_id")) == doc)
            return s;
    }
    return NULL;
}

static bool has_flag(json_t *flags, const char *code)
{
    size_t i;
    json_t *f;
    json_array_foreach(flags, i, f)
    {
        const char *c = json_is_string(f) ? json_string_value(f)
                                          : json_string_value(json_object_get(f, "code"));
        if (c && strcmp(c, code) == 0)
            return true;
    }
    return false;
}

/* The supervisor's review row of case id (asserted listed). */
static json_t *review_row(long long id)
{
    json_t *l = call("GET", "/api/v1/review?limit=100", sup, NULL, 200);
    size_t i;
    json_t *it, *row = NULL;
    json_array_foreach(json_object_get(l, "items"), i, it)
    {
        if (json_integer_value(json_object_get(it, "case_id")) == id)
            row = json_incref(it);
    }
    json_decref(l);
    ck_assert_msg(row != NULL, "case %lld not in the supervisor's review list", id);
    return row;
}

/* The fields entry s names, as one comma-joined text. */
static void fields_are(json_t *s, const char *want)
{
    char got[200] = "";
    size_t i, n = 0;
    json_t *f;
    json_array_foreach(json_object_get(s, "fields"), i, f)
    {
        n += (size_t)snprintf(got + n, sizeof got - n, "%s%s", i ? "," : "", json_string_value(f));
    }
    ck_assert_str_eq(got, want);
}

/* The file asked for while it is assembled (the dossier; Tahap I and the sending back ask the
 * same of it: forms.c forms_dossier_missing) refused: its gaps as one text. */
static char *file_gaps(long long id)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/dossier.pdf", id);
    json_t *p = call("GET", path, demo.inv, NULL, 422);
    char *all = json_dumps(json_object_get(p, "missing"), JSON_COMPACT);
    json_decref(p);
    return all;
}

static void revoke(long long doc, const char *token, const char *body, long want)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/documents/%lld/revoke", doc);
    json_decref(call("POST", path, token, body, want));
}

/* The issue's example: BA Penyitaan of Friday 9 January, the seizure re-dated to Monday 12. */
START_TEST(test_a_paper_issued_before_its_acts_correction_is_stale_until_issued_again)
{
    long long suspect, id = case_open(&suspect);
    (void)suspect;
    long long p = izin(id, "3/Pen.Pid/2026/PN Plg");
    long long sita = seizure(id, "2026-01-09", p, NULL);
    /* its order first, as a PPNS does: the BA cites it by number (KUHAP 38, 75) */
    json_t *d = issue(id, "sp_penyitaan", sita, 201);
    long long order = id_of(d);
    json_decref(d);
    d = issue(id, "ba_penyitaan", sita, 201);
    long long doc = id_of(d);
    char sha[80], code[20];
    snprintf(sha, sizeof sha, "%s", json_string_value(json_object_get(d, "sha256")));
    snprintf(code, sizeof code, "%s", json_string_value(json_object_get(d, "verify_code")));
    json_decref(d);
    char *before = fill_document_text(demo.port, demo.inv, doc);
    assert_has(before, "9 Januari 2026", "BA Penyitaan of the seizure of the 9th");
    /* nothing corrected yet: nothing stale */
    json_t *c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    ck_assert(!has_flag(json_object_get(c, "flags"), "stale_papers"));
    json_decref(c);
    char more[80];
    snprintf(more, sizeof more, ",\"permit_act\":%lld", p);
    long long fix = correct(id, sita, "2026-01-12", more);
    c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, doc);
    ck_assert_msg(s != NULL, "BA Penyitaan of the 9th not listed stale after the re-dating");
    ck_assert_msg(stale_entry(c, order) != NULL, "SP Penyitaan of the 9th not listed stale");
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 2);
    ck_assert_str_eq(json_string_value(json_object_get(s, "form")), "ba_penyitaan");
    ck_assert_int_eq(json_integer_value(json_object_get(s, "event_id")), sita);
    ck_assert_int_eq(json_integer_value(json_object_get(s, "correction_id")), fix);
    ck_assert_str_eq(json_string_value(json_object_get(s, "issued_on")), "2026-01-09");
    ck_assert_str_eq(json_string_value(json_object_get(s, "corrected_date")), "2026-01-12");
    fields_are(s, "date");
    ck_assert(has_flag(json_object_get(c, "flags"), "stale_papers"));
    json_decref(c);
    /* the supervisor's list flags the file */
    json_t *row = review_row(id);
    ck_assert(has_flag(json_object_get(row, "flags"), "stale_papers"));
    char *rt = json_dumps(json_object_get(row, "flags"), JSON_COMPACT);
    assert_has(rt, "Dokumen tidak sesuai koreksi", "review flag label");
    free(rt);
    json_decref(row);
    /* the file names it among its gaps, as Tahap I does */
    char *gaps = file_gaps(id);
    assert_has(gaps, "Berita Acara Penyitaan", "the file's gap of the stale BA");
    char want[80];
    snprintf(want, sizeof want, "koreksi peristiwa %d", 0);
    json_t *cc = case_get(id, demo.inv);
    snprintf(
        want, sizeof want, "koreksi peristiwa %lld",
        (long long)json_integer_value(json_object_get(stale_entry(cc, doc), "correction_seq")));
    json_decref(cc);
    assert_has(gaps, want, "the file's gap names the correction");
    assert_has(gaps, "cabut dan terbitkan ulang", "the file's gap says what to do");
    free(gaps);
    /* another office's PPNS sees nothing of it; who may not revoke it */
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_decref(call("GET", path, mre, NULL, 404));
    revoke(doc, mre, "{\"note\":\"diterbitkan sebelum koreksi\"}", 404);
    revoke(doc, sup, "{\"note\":\"diterbitkan sebelum koreksi\"}", 403);
    revoke(doc, demo.pros, "{\"note\":\"diterbitkan sebelum koreksi\"}", 404);
    revoke(doc, demo.inv, "{}", 400);
    revoke(doc, demo.inv, "{\"note\":\"\"}", 400);
    revoke(doc, demo.inv, "{\"note\":\"diterbitkan sebelum koreksi\",\"extra\":1}", 400);
    revoke(doc, demo.inv, "{\"note\":\"   \"}", 400); /* a reason of spaces is none */
    revoke(doc, demo.inv, "{\"note\":\" \\t \"}", 400);
    revoke(999999999, demo.inv, "{\"note\":\"diterbitkan sebelum koreksi\"}", 404);
    c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, doc) != NULL, "a refused revocation changed something");
    json_decref(c);
    revoke(doc, demo.inv, "{\"note\":\"diterbitkan sebelum koreksi tanggal penyitaan\"}", 200);
    revoke(doc, demo.inv, "{\"note\":\"sekali lagi\"}", 409);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 1); /* the order */
    json_decref(c);
    revoke(order, demo.inv, "{\"note\":\"diterbitkan sebelum koreksi tanggal penyitaan\"}", 200);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    ck_assert(!has_flag(json_object_get(c, "flags"), "stale_papers"));
    json_decref(c);
    row = review_row(id);
    ck_assert(!has_flag(json_object_get(row, "flags"), "stale_papers"));
    json_decref(row);
    /* issued again, the order first: the act as it stands */
    json_decref(issue(id, "sp_penyitaan", sita, 201));
    d = issue(id, "ba_penyitaan", sita, 201);
    ck_assert_str_eq(json_string_value(json_object_get(d, "issued_on")), "2026-01-12");
    char *t = fill_document_text(demo.port, demo.inv, id_of(d));
    assert_has(t, "Senin", "BA Penyitaan issued again");
    assert_has(t, "12 Januari 2026", "BA Penyitaan issued again");
    assert_lacks(t, "9 Januari 2026", "BA Penyitaan issued again");
    free(t);
    json_decref(d);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
    gaps = file_gaps(id);
    assert_lacks(gaps, "Berita Acara Penyitaan", "the file's gap after the paper was issued again");
    free(gaps);
    /* the old paper: what was issued, revoked */
    char *after = fill_document_text(demo.port, demo.inv, doc);
    ck_assert_str_eq(after, before);
    free(after);
    free(before);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/documents", id);
    json_t *l = call("GET", path, demo.inv, NULL, 200);
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(l, "items"), i, it)
    {
        if (id_of(it) == doc) {
            ck_assert_str_eq(json_string_value(json_object_get(it, "sha256")), sha);
            ck_assert(json_is_true(json_object_get(it, "revoked")));
        }
    }
    json_decref(l);
    snprintf(path, sizeof path, "/verify/%s", code);
    struct http_result v;
    ck_assert(api_call(demo.port, "GET", path, NULL, NULL, &v));
    ck_assert_int_eq(v.status, 200);
    ck_assert_msg(strstr(v.body, "\"revoked\":true") || strstr(v.body, "DICABUT"),
                  "verify of the revoked paper: %s", v.body);
    http_result_free(&v);
}
END_TEST

/* berkas ARGS... (NULL-terminated) as the Palembang PPNS (logged on first in a config of its
 * own): exit status, its output in *out. */
static int cli(char **out, ...)
{
    static char *dir;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", demo.port);
    if (!dir) {
        dir = harness_mkdtemp("stale-cli");
        ck_assert_ptr_nonnull(dir);
        setenv("XDG_CONFIG_HOME", dir, 1);
        unsetenv("BERKAS_SERVER");
        setenv("BERKAS_PASSWORD", DEMO_PW, 1);
        char *o;
        char *const login[] = {(char *)harness_cli(), "--server", url, "login", "--nip",
                               NIP_INV_PLG,           NULL};
        int rc = run_capture(login, 30000, &o);
        ck_assert_msg(rc == 0, "login: %d: %s", rc, o);
        free(o);
        unsetenv("BERKAS_PASSWORD");
    }
    char *argv[16] = {(char *)harness_cli()};
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 15 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 30000, out);
}

/* The number, and a correction before the paper; one superseded by a correction back. */
START_TEST(test_what_a_correction_changed_and_when)
{
    long long suspect, id = case_open(&suspect);
    (void)suspect;
    long long p = izin(id, "4/Pen.Pid/2026/PN Plg");
    char more[160];
    /* the number: a seizure numbered outside berkas, its BA issued, then its number corrected */
    long long a = seizure(id, "2026-01-09", p, "SP.Sita/01/I/2026/Kanim Plg");
    json_t *d = issue(id, "ba_penyitaan", a, 201);
    long long doc_a = id_of(d);
    json_decref(d);
    snprintf(more, sizeof more, ",\"permit_act\":%lld,\"number\":\"SP.Sita/02/I/2026/Kanim Plg\"",
             p);
    correct(id, a, "2026-01-09", more);
    json_t *c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, doc_a);
    ck_assert_msg(s != NULL, "BA of a seizure whose number was corrected not listed");
    fields_are(s, "number");
    json_decref(c);
    /* a correction recorded before the paper: the paper is of the act as corrected */
    long long b = seizure(id, "2026-01-09", p, NULL);
    snprintf(more, sizeof more, ",\"permit_act\":%lld", p);
    correct(id, b, "2026-01-13", more);
    json_decref(issue(id, "sp_penyitaan", b, 201)); /* the order first (KUHAP 38, 75) */
    d = issue(id, "ba_penyitaan", b, 201);
    long long doc_b = id_of(d);
    json_decref(d);
    /* re-dated after the paper, then corrected back to the date it prints */
    long long e = seizure(id, "2026-01-10", p, NULL);
    json_decref(issue(id, "sp_penyitaan", e, 201));
    d = issue(id, "ba_penyitaan", e, 201);
    long long doc_e = id_of(d);
    json_decref(d);
    correct(id, e, "2026-01-14", more);
    c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, doc_e) != NULL, "BA of a re-dated seizure not listed");
    json_decref(c);
    correct(id, e, "2026-01-10", more);
    c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, doc_b) == NULL, "a paper issued after its correction listed");
    ck_assert_msg(stale_entry(c, doc_e) == NULL,
                  "a paper whose act was corrected back to what it prints listed");
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 1);
    json_decref(c);
    /* the CLI: berkas case show names it and the command that mends it; berkas revoke without a
     * reason is a usage error; with --reissue the paper is issued again with the new number */
    char cid[24], did[24], *out;
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(did, sizeof did, "%lld", doc_a);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    assert_has(out, "DOKUMEN TIDAK SESUAI KOREKSI", "berkas case show");
    char want[64];
    snprintf(want, sizeof want, "berkas revoke %lld --reissue", doc_a);
    assert_has(out, want, "berkas case show");
    free(out);
    ck_assert_int_eq(cli(&out, "revoke", did, NULL), 2);
    assert_has(out, "--note", "berkas revoke without a reason");
    free(out);
    ck_assert_int_eq(cli(&out, "revoke", did, "--reissue", "--note", "nomor dikoreksi", NULL), 0);
    assert_has(out, "dicabut", "berkas revoke --reissue");
    free(out);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    assert_lacks(out, "DOKUMEN TIDAK SESUAI KOREKSI", "berkas case show after the reissue");
    free(out);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
}
END_TEST

/* The party: a summons served on one witness, corrected to another. */
START_TEST(test_a_correction_of_the_party)
{
    long long suspect, id = case_open(&suspect);
    (void)suspect;
    char path[96], m[300];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *w = call("POST", path, demo.inv,
                     "{\"kind\":\"witness\",\"name\":\"Siti Aminah\",\"address_id\":\"Jalan "
                     "Sudirman 1, Palembang\"}",
                     201);
    long long w1 = id_of(w);
    json_decref(w);
    w = call("POST", path, demo.inv,
             "{\"kind\":\"witness\",\"name\":\"Budi Santoso\",\"address_id\":\"Jalan Merdeka 2, "
             "Palembang\"}",
             201);
    long long w2 = id_of(w);
    json_decref(w);
    snprintf(m, sizeof m,
             "\"type\":\"summons_served\",\"date\":\"2026-01-09\",\"appearance\":\"2026-01-14\","
             "\"party_id\":%lld",
             w1);
    long long s1 = act(id, m);
    json_t *d = issue_with(id, "surat_panggilan", s1,
                           "{\"appear-date\":\"2026-01-14\",\"appear-time\":\"09:00\"}", 201);
    long long doc = id_of(d);
    json_decref(d);
    snprintf(m, sizeof m, ",\"party_id\":%lld", w2);
    correct(id, s1, "2026-01-09", m);
    json_t *c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, doc);
    ck_assert_msg(s != NULL,
                  "Surat Panggilan of a summons corrected to another witness not listed");
    fields_are(s, "party");
    json_decref(c);
    /* revoked and issued again in one step: the witness the act now names, the day to appear
     * as first given; refused (a supervisor, no reason), nothing is revoked */
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", doc);
    json_decref(call("POST", path, sup, "{\"note\":\"koreksi pihak\"}", 403));
    json_decref(call("POST", path, mre, "{\"note\":\"koreksi pihak\"}", 404));
    json_decref(call("POST", path, demo.inv, "{}", 400));
    c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, doc) != NULL, "a refused reissue revoked the paper");
    json_decref(c);
    d = call("POST", path, demo.inv, "{\"note\":\"diterbitkan sebelum koreksi pihak\"}", 201);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "revoked")), doc);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "event_id")), s1);
    char *t = fill_document_text(demo.port, demo.inv, id_of(d));
    assert_has(t, "Budi Santoso", "Surat Panggilan issued again");
    assert_lacks(t, "Siti Aminah", "Surat Panggilan issued again");
    assert_has(t, "14 Januari 2026", "Surat Panggilan issued again: the day to appear given");
    free(t);
    json_decref(d);
    t = fill_document_text(demo.port, demo.inv, doc);
    assert_has(t, "Siti Aminah", "the Surat Panggilan first issued, as issued");
    free(t);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
    json_decref(call("POST", path, demo.inv, "{\"note\":\"sekali lagi\"}", 409));
}
END_TEST

/* The seizure's order (SP Penyitaan) numbers the act; its BA cites that number (KUHAP 38, 129).
 * Both issued for 9 January, the seizure re-dated: both stale. The BA issued again first cites
 * the order's number still standing; the order then issued again takes a new number, so the BA
 * issued again cites a number the act no longer has: stale until issued again once more. */
START_TEST(test_a_paper_citing_its_acts_number_after_the_order_is_issued_again)
{
    long long suspect, id = case_open(&suspect);
    (void)suspect;
    long long p = izin(id, "5/Pen.Pid/2026/PN Plg");
    long long sita = seizure(id, "2026-01-09", p, NULL);
    json_t *d = issue(id, "sp_penyitaan", sita, 201);
    long long sp = id_of(d);
    char sp_no[160];
    snprintf(sp_no, sizeof sp_no, "%s", json_string_value(json_object_get(d, "number")));
    json_decref(d);
    d = issue(id, "ba_penyitaan", sita, 201);
    long long ba = id_of(d);
    json_decref(d);
    char more[80], path[96];
    snprintf(more, sizeof more, ",\"permit_act\":%lld", p);
    correct(id, sita, "2026-01-12", more);
    json_t *c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, sp) && stale_entry(c, ba), "both papers of the seizure stale");
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", ba);
    d = call("POST", path, demo.inv, "{\"note\":\"tanggal penyitaan dikoreksi\"}", 201);
    long long ba2 = id_of(d);
    json_decref(d);
    char *t = fill_document_text(demo.port, demo.inv, ba2);
    assert_has(t, sp_no, "the BA issued again cites the order standing");
    free(t);
    /* the order issued again for its corrected date keeps the act's number: the seizure was
     * ordered as that number, and the BA issued again cites it (an act has one number) */
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", sp);
    d = call("POST", path, demo.inv, "{\"note\":\"tanggal penyitaan dikoreksi\"}", 201);
    long long sp2 = id_of(d);
    ck_assert_str_eq(json_string_value(json_object_get(d, "number")), sp_no);
    json_decref(d);
    t = fill_document_text(demo.port, demo.inv, sp2);
    assert_has(t, sp_no, "the order issued again under its own number");
    assert_has(t, "12 Januari 2026", "the order issued again of the corrected date");
    free(t);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
    /* revoked and issued anew (not again in its place): the next number of the series, and the
     * BA citing the old one no longer matches it */
    revoke(sp2, demo.inv, "{\"note\":\"dicabut, diterbitkan baru\"}", 200);
    d = issue(id, "sp_penyitaan", sita, 201);
    char sp2_no[160];
    snprintf(sp2_no, sizeof sp2_no, "%s", json_string_value(json_object_get(d, "number")));
    json_decref(d);
    ck_assert_str_ne(sp2_no, sp_no);
    c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, ba2);
    ck_assert_msg(s != NULL, "a BA citing the order's revoked number not listed");
    fields_are(s, "number");
    ck_assert(json_is_null(json_object_get(s, "correction_seq")));
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 1);
    json_decref(c);
    char *gaps = file_gaps(id);
    assert_has(gaps, "diterbitkan sebelum dokumen bernomor tindakan itu diterbitkan ulang",
               "the file's gap of the BA citing the old number");
    free(gaps);
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", ba2);
    d = call("POST", path, demo.inv, "{\"note\":\"nomor SP Penyitaan baru\"}", 201);
    t = fill_document_text(demo.port, demo.inv, id_of(d));
    assert_has(t, sp2_no, "the BA issued again once more cites the order's new number");
    free(t);
    json_decref(d);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
}
END_TEST

/* A document of a demo Palembang case at `stage`, issued by its investigator: its id. */
static long long demo_paper_at(const char *stage, const char *form)
{
    const char *p[2] = {stage, form};
    char *v =
        sql_value(demo.db,
                  "SELECT d.id FROM app.documents d JOIN app.cases c ON c.id = d.case_id "
                  "JOIN app.offices o ON o.id = c.office_id WHERE o.code = 'KANIM-PLG' AND "
                  "c.stage = $1 AND d.form = $2 AND d.revoked_at IS NULL ORDER BY d.id LIMIT 1",
                  2, p);
    ck_assert_msg(v != NULL, "no %s paper of a Palembang case at %s in the demo", form, stage);
    long long id = atoll(v);
    free(v);
    return id;
}

static bool revoked(long long doc)
{
    char d[24];
    snprintf(d, sizeof d, "%lld", doc);
    const char *p[1] = {d};
    return sql_count(demo.db,
                     "SELECT count(*) FROM app.documents WHERE id = $1::bigint AND revoked_at IS "
                     "NOT NULL",
                     1, p) == 1;
}

/* KUHAP 110, 138: while the prosecutor examines the file (Tahap I) and once he has declared it
 * complete (P-21), the investigator's papers in it are the ones he holds: the investigator does
 * not revoke or replace them then (409, nothing revoked); the file returned (P-19) is his
 * again. */
static long long case_row(long long id, const char *sql);

START_TEST(test_papers_of_a_file_with_the_prosecutor_stay_as_sent)
{
    const char *stages[2] = {"with_prosecutor", "complete"};
    for (int i = 0; i < 2; i++) {
        long long doc = demo_paper_at(stages[i], "sprindik");
        revoke(doc, demo.inv, "{\"note\":\"tanggal keliru\"}", 409);
        char path[96];
        snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", doc);
        json_decref(call("POST", path, demo.inv, "{\"note\":\"tanggal keliru\"}", 409));
        ck_assert_msg(!revoked(doc), "a paper of a file at %s was revoked", stages[i]);
        /* nor are the charges and the things seized its papers print changed under him
         * (reviewer's finding on 72327eb: a charge withdrawn there made papers stale that
         * could not be revoked); a party may still be set right (flagged, stale.h) */
        long long id = case_row(doc, "SELECT case_id FROM app.documents WHERE id = $1::bigint");
        json_t *c = case_get(id, demo.inv);
        json_t *o = json_array_get(json_object_get(c, "offences"), 0);
        ck_assert_msg(o != NULL, "the demo file at %s charges nothing", stages[i]);
        long long charges = (long long)json_array_size(json_object_get(c, "offences")),
                  things = (long long)json_array_size(json_object_get(c, "evidence"));
        snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", id, id_of(o));
        json_t *p = call("DELETE", path, demo.inv, NULL, 409);
        ck_assert_ptr_nonnull(
            strstr(json_string_value(json_object_get(p, "detail")), i == 0 ? "Tahap I" : "P-21"));
        json_decref(p);
        snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
        json_decref(call("POST", path, demo.inv, "{\"code\":\"116\"}", 409));
        snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
        json_decref(call("POST", path, demo.inv, "{\"description\":\"Telepon genggam\"}", 409));
        json_decref(c);
        c = case_get(id, demo.inv);
        ck_assert_int_eq((long long)json_array_size(json_object_get(c, "offences")), charges);
        ck_assert_int_eq((long long)json_array_size(json_object_get(c, "evidence")), things);
        json_decref(c);
        ck_assert_int_eq(case_row(id, "SELECT count(*) FROM app.charge_withdrawals WHERE case_id "
                                      "= $1::bigint"),
                         0);
    }
}
END_TEST

/* Corrections add up (a correction restates the date; what it leaves out - the number, the
 * Penetapan's court - stands as the earlier ones left it): the seizure's number corrected, its
 * BA issued, then the seizure only re-dated.  The BA is stale for its date alone, and issued
 * again it prints the corrected number and the new date (DOMAIN 12: a paper is its act's, as
 * corrected: date, number). */
START_TEST(test_corrections_add_up)
{
    long long suspect, id = case_open(&suspect);
    (void)suspect;
    long long p = izin(id, "6/Pen.Pid/2026/PN Plg");
    long long sita = seizure(id, "2026-01-09", p, "SP.Sita/01/I/2026/Kanim Plg");
    char more[200], path[96];
    snprintf(more, sizeof more, ",\"permit_act\":%lld,\"number\":\"SP.Sita/07/I/2026/Kanim Plg\"",
             p);
    correct(id, sita, "2026-01-09", more);
    /* the Penetapan's court set right, then the Penetapan only re-dated */
    correct(id, p, "2026-01-08", ",\"court\":\"Pengadilan Negeri Kayuagung\"");
    correct(id, p, "2026-01-07", "");
    json_t *d = issue(id, "ba_penyitaan", sita, 201);
    long long ba = id_of(d);
    json_decref(d);
    char *t = fill_document_text(demo.port, demo.inv, ba);
    assert_has(t, "SP.Sita/07/I/2026/Kanim Plg", "BA issued after the number's correction");
    assert_has(t, "Kayuagung", "BA issued after the court's correction");
    free(t);
    snprintf(more, sizeof more, ",\"permit_act\":%lld", p);
    correct(id, sita, "2026-01-12", more);
    json_t *c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, ba);
    ck_assert_msg(s != NULL, "BA of a seizure re-dated after it not listed");
    fields_are(s, "date");
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 1);
    json_decref(c);
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", ba);
    d = call("POST", path, demo.inv, "{\"note\":\"tanggal penyitaan dikoreksi\"}", 201);
    t = fill_document_text(demo.port, demo.inv, id_of(d));
    assert_has(t, "SP.Sita/07/I/2026/Kanim Plg", "BA issued again: the corrected number");
    assert_lacks(t, "SP.Sita/01/I/2026", "BA issued again: not the number first recorded");
    assert_has(t, "12 Januari 2026", "BA issued again: the new date");
    assert_has(t, "Kayuagung", "BA issued again: the court set right");
    free(t);
    json_decref(d);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
}
END_TEST

/* The id of case id's first row of sql (a query of $1, the case id). */
static long long case_row(long long id, const char *sql)
{
    char c[24];
    snprintf(c, sizeof c, "%lld", id);
    const char *p[1] = {c};
    char *v = sql_value(demo.db, sql, 1, p);
    ck_assert_msg(v != NULL, "no row: %s", sql);
    long long k = atoll(v);
    free(v);
    return k;
}

/* A paper prints other acts than its own (DOMAIN 12: a paper must be true to the acts it
 * cites - the BA Penyitaan cites the Sprindik's number and date and the Penetapan it was done
 * under, KUHAP 38, 129): the Sprindik re-dated after the BA was issued leaves the BA, not only
 * the Sprindik's own paper, printing the old date; the Penetapan renumbered, the same.  An act
 * it does not cite (another seizure) leaves it alone. */
START_TEST(test_a_paper_is_stale_with_the_acts_it_cites)
{
    long long suspect, id = case_open(&suspect);
    long long sprindik =
        case_row(id, "SELECT id FROM app.events WHERE case_id = $1::bigint AND type = "
                     "'sprindik_issued'");
    long long sp_doc = case_row(id, "SELECT id FROM app.documents WHERE case_id = $1::bigint AND "
                                    "form = 'sprindik'");
    long long p = izin(id, "8/Pen.Pid/2026/PN Plg");
    /* its order numbered outside berkas, recorded with it: the BA cites it (KUHAP 38, 75) */
    long long sita = seizure(id, "2026-01-09", p, "SP.Sita/08/I/2026/Kanim Plg");
    json_t *d = issue(id, "ba_penyitaan", sita, 201);
    long long ba = id_of(d);
    json_decref(d);
    char *t = fill_document_text(demo.port, demo.inv, ba);
    assert_has(t, "tanggal 6 Januari 2026", "BA Penyitaan cites the Sprindik of the 6th");
    free(t);
    /* another seizure, re-dated: not the BA's */
    long long other = seizure(id, "2026-01-10", p, NULL);
    char more[120], path[96];
    snprintf(more, sizeof more, ",\"permit_act\":%lld", p);
    correct(id, other, "2026-01-11", more);
    json_t *c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, ba) == NULL, "a BA listed for a seizure it does not cite");
    json_decref(c);
    /* the Sprindik re-dated */
    long long fix = correct(id, sprindik, "2026-01-07", "");
    c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, sp_doc);
    ck_assert_msg(s != NULL, "the Sprindik's own paper not listed");
    fields_are(s, "date");
    s = stale_entry(c, ba);
    ck_assert_msg(s != NULL, "a BA Penyitaan citing the re-dated Sprindik not listed");
    fields_are(s, "sprindik_issued.date");
    ck_assert_int_eq(json_integer_value(json_object_get(s, "event_id")), sita);
    ck_assert_int_eq(json_integer_value(json_object_get(s, "correction_id")), fix);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 2);
    json_decref(c);
    char *gaps = file_gaps(id);
    assert_has(gaps, "tanggal Surat Perintah Penyidikan", "the file's gap says what changed");
    free(gaps);
    /* issued again, it cites the Sprindik as it stands */
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", ba);
    d = call("POST", path, demo.inv, "{\"note\":\"tanggal Sprindik dikoreksi\"}", 201);
    long long ba2 = id_of(d);
    json_decref(d);
    t = fill_document_text(demo.port, demo.inv, ba2);
    assert_has(t, "tanggal 7 Januari 2026", "BA Penyitaan issued again cites the Sprindik of 7");
    free(t);
    c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, ba2) == NULL, "the BA issued again listed");
    ck_assert_msg(stale_entry(c, sp_doc) != NULL, "the Sprindik's paper no longer listed");
    json_decref(c);
    /* the Penetapan the seizure was done under renumbered */
    correct(id, p, "2026-01-08", ",\"number\":\"9/Pen.Pid/2026/PN Plg\"");
    c = case_get(id, demo.inv);
    s = stale_entry(c, ba2);
    ck_assert_msg(s != NULL, "a BA citing the renumbered Penetapan not listed");
    fields_are(s, "court_permit_received.number");
    json_decref(c);
    /* the suspect the passport was seized from renamed: the BA prints 'Disita dari' him */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties/%lld", id, suspect);
    json_decref(call("PUT", path, demo.inv, "{\"name\":\"Tran Van Manh\"}", 200));
    c = case_get(id, demo.inv);
    fields_are(stale_entry(c, ba2), "court_permit_received.number,party_data");
    json_decref(c);
}
END_TEST

/* A paper prints parties (DOMAIN 12): the Sprindik names the suspect, a Surat Panggilan its
 * witness.  The suspect's name set right (PUT /parties/{id}) after they were issued: the
 * Sprindik is listed (party_data, the party named), the witness's summons is not; issued again
 * it prints the new name. */
START_TEST(test_a_paper_is_stale_with_the_parties_it_prints)
{
    long long suspect, id = case_open(&suspect);
    long long sp_doc = case_row(id, "SELECT id FROM app.documents WHERE case_id = $1::bigint AND "
                                    "form = 'sprindik'");
    char path[96], m[300];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *w = call("POST", path, demo.inv,
                     "{\"kind\":\"witness\",\"name\":\"Siti Aminah\",\"address_id\":\"Jalan "
                     "Sudirman 1, Palembang\"}",
                     201);
    long long w1 = id_of(w);
    json_decref(w);
    snprintf(m, sizeof m,
             "\"type\":\"summons_served\",\"date\":\"2026-01-09\",\"appearance\":\"2026-01-14\","
             "\"party_id\":%lld",
             w1);
    long long s1 = act(id, m);
    json_t *d = issue_with(id, "surat_panggilan", s1,
                           "{\"appear-date\":\"2026-01-14\",\"appear-time\":\"09:00\"}", 201);
    long long summons = id_of(d);
    json_decref(d);
    char *t = fill_document_text(demo.port, demo.inv, sp_doc);
    assert_has(t, "Tran Van Minh", "the Sprindik names the suspect");
    free(t);
    /* who may not change the party changes nothing */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties/%lld", id, suspect);
    json_decref(call("PUT", path, mre, "{\"name\":\"Tran Van Manh\"}", 404));
    json_decref(call("PUT", path, sup, "{\"name\":\"Tran Van Manh\"}", 403));
    json_t *c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
    json_decref(call("PUT", path, demo.inv, "{\"name\":\"Tran Van Manh\"}", 200));
    c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, sp_doc);
    ck_assert_msg(s != NULL, "the Sprindik naming the renamed suspect not listed");
    fields_are(s, "party_data");
    ck_assert(json_is_null(json_object_get(s, "correction_seq")));
    json_t *pc = json_object_get(s, "party_changed");
    ck_assert_int_eq(json_integer_value(json_object_get(pc, "id")), suspect);
    ck_assert_str_eq(json_string_value(json_object_get(pc, "name")), "Tran Van Manh");
    ck_assert_msg(stale_entry(c, summons) == NULL, "the witness's summons listed");
    ck_assert(has_flag(json_object_get(c, "flags"), "stale_papers"));
    json_decref(c);
    char *gaps = file_gaps(id);
    assert_has(gaps, "data pihak Tran Van Manh", "the file's gap names the party");
    free(gaps);
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", sp_doc);
    d = call("POST", path, demo.inv, "{\"note\":\"nama tersangka dikoreksi\"}", 201);
    t = fill_document_text(demo.port, demo.inv, id_of(d));
    assert_has(t, "Tran Van Manh", "the Sprindik issued again");
    assert_lacks(t, "Tran Van Minh", "the Sprindik issued again");
    free(t);
    json_decref(d);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
}
END_TEST

/* The SP3 names among those its stop is notified to the reporter and the victim (KEDUA and its
 * copies; KUHAP 109(2), UU 20/2025 Pasal 24(4): "korban"; DOMAIN 4.15). One issued before the
 * file's victim was recorded names no one: once he is added it would name him, so it is stale
 * ("party_added", the victim named) until issued again, and the paper issued again names him.
 * A witness added names no one new: the Sprindik, listing the suspects, stays as it is. */
START_TEST(test_an_sp3_issued_before_a_victim_was_added_is_stale)
{
    long long suspect, id = case_open(&suspect);
    long long sp3 = act(id, "\"type\":\"sp3_issued\",\"date\":\"2026-01-12\",\"ground\":"
                            "\"tidak_cukup_bukti\",\"polri_involved\":true");
    json_t *d = issue(id, "sp3", sp3, 201);
    long long doc = id_of(d);
    json_decref(d);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_decref(call("POST", path, demo.inv,
                     "{\"kind\":\"witness\",\"name\":\"Rina Wati\",\"address_id\":\"Jalan "
                     "Sudirman 2, Palembang\"}",
                     201));
    json_t *c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, doc) == NULL, "the SP3 stale for a witness added");
    json_decref(c);
    json_t *v =
        call("POST", path, demo.inv, "{\"kind\":\"victim\",\"name\":\"Dewi Lestari\"}", 201);
    long long victim = id_of(v);
    json_decref(v);
    c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, doc);
    ck_assert_msg(s != NULL, "the SP3 issued before the victim was added not listed");
    fields_are(s, "party_added");
    json_t *pa = json_object_get(s, "party_added");
    ck_assert_int_eq(json_integer_value(json_object_get(pa, "id")), victim);
    ck_assert_str_eq(json_string_value(json_object_get(pa, "name")), "Dewi Lestari");
    ck_assert(json_is_null(json_object_get(s, "party_changed")));
    long long sprindik = case_row(id, "SELECT id FROM app.documents WHERE case_id = $1::bigint "
                                      "AND form = 'sprindik'");
    ck_assert_msg(stale_entry(c, sprindik) == NULL, "the Sprindik listed for the victim");
    json_decref(c);
    char cid[24], *out = NULL;
    snprintf(cid, sizeof cid, "%lld", id);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    assert_has(out, "diterbitkan sebelum pelapor/korban Dewi Lestari ditambahkan",
               "berkas case show");
    free(out);
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", doc);
    d = call("POST", path, demo.inv, "{\"note\":\"korban ditambahkan\"}", 201);
    char *t = fill_document_text(demo.port, demo.inv, id_of(d));
    assert_has(t, "Dewi Lestari", "the SP3 issued again names the victim");
    free(t);
    json_decref(d);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
}
END_TEST

/* A seizure recorded by mistake and withdrawn after its BA Penyitaan was issued: the BA is a
 * paper of no act (the log says the seizure never stood), listed as withdrawn - not as
 * corrected - by the API and by berkas case show, which says to revoke it and not to issue it
 * again; berkas revoke --reissue is refused (one line, non-zero, nothing revoked), berkas revoke
 * --note takes it out. */
START_TEST(test_the_paper_of_a_withdrawn_act_is_listed_and_revoked_from_the_cli)
{
    long long suspect, id = case_open(&suspect);
    (void)suspect;
    long long p = izin(id, "7/Pen.Pid/2026/PN Plg");
    /* its order numbered outside berkas, recorded with it: the BA cites it (KUHAP 38, 75) */
    long long sita = seizure(id, "2026-01-09", p, "SP.Sita/09/I/2026/Kanim Plg");
    json_t *d = issue(id, "ba_penyitaan", sita, 201);
    long long doc = id_of(d);
    json_decref(d);
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-01-09\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dicatat keliru\"",
             sita);
    act(id, m);
    json_t *c = case_get(id, demo.inv);
    json_t *s = stale_entry(c, doc);
    ck_assert_msg(s != NULL, "the withdrawn seizure's BA not listed");
    fields_are(s, "withdrawn");
    ck_assert(json_is_true(json_object_get(s, "withdrawn")));
    char seq[24];
    snprintf(seq, sizeof seq, "%lld",
             (long long)json_integer_value(json_object_get(s, "correction_seq")));
    json_decref(c);
    char cid[24], did[24], *out;
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(did, sizeof did, "%lld", doc);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    assert_has(out, "DOKUMEN TIDAK SESUAI KOREKSI", "berkas case show");
    char want[96];
    snprintf(want, sizeof want, "tindakannya ditarik dengan koreksi peristiwa %s", seq);
    assert_has(out, want, "berkas case show");
    snprintf(want, sizeof want, "berkas revoke %lld --note", doc);
    assert_has(out, want, "berkas case show");
    snprintf(want, sizeof want, "berkas revoke %lld --reissue", doc);
    assert_lacks(out, want, "berkas case show");
    free(out);
    ck_assert_int_ne(cli(&out, "revoke", did, "--reissue", "--note", "tindakan ditarik", NULL), 0);
    assert_has(out, "ditarik", "berkas revoke --reissue of a withdrawn act's paper");
    ck_assert_msg(strchr(out, '\n') == strrchr(out, '\n'), "more than one line: %s", out);
    free(out);
    ck_assert(!revoked(doc));
    ck_assert_int_eq(cli(&out, "revoke", did, "--note", "penyitaan ditarik", NULL), 0);
    assert_has(out, "dicabut", "berkas revoke");
    free(out);
    ck_assert(revoked(doc));
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    assert_lacks(out, "DOKUMEN TIDAK SESUAI KOREKSI", "berkas case show after the revocation");
    free(out);
}
END_TEST

/* The charge's id of Pasal code in case id (asserted charged). */
static long long charge_of(long long id, const char *code)
{
    json_t *c = case_get(id, demo.inv);
    size_t i;
    json_t *o;
    long long k = 0;
    json_array_foreach(json_object_get(c, "offences"), i, o)
    {
        if (strcmp(json_string_value(json_object_get(o, "code")), code) == 0)
            k = id_of(o);
    }
    json_decref(c);
    ck_assert_msg(k > 0, "Pasal %s not charged in case %lld", code, id);
    return k;
}

/* A charge laid in error (DOMAIN 4.3, 7.1, 12): the Sprindik of 6 January says the file
 * investigates Pasal 122 (case_open); the suspect's stay permit turns out to be forged - Pasal
 * 119 ayat (1) - so that is charged and Pasal 122 withdrawn.  The Sprindik issued while 122
 * stood still names it: a paper the Penuntut Umum returns, listed (charges, charge_withdrawn
 * 122), flagged on the review, a gap of the file; a charge laid after a paper is none it printed
 * (the Sprindik is not listed when 119(1) is added); a paper issued after the withdrawal is not
 * listed; who may not withdraw changes nothing; issued again, the Sprindik names 119 ayat (1)
 * and no longer Pasal 122. */
START_TEST(test_a_paper_is_stale_with_a_charge_it_printed_withdrawn)
{
    long long suspect, id = case_open(&suspect);
    long long sp_doc = case_row(id, "SELECT id FROM app.documents WHERE case_id = $1::bigint AND "
                                    "form = 'sprindik'");
    char path[96], body[200];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"119(1)\",\"party_id\":%lld}", suspect);
    json_decref(call("POST", path, demo.inv, body, 201));
    json_t *c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, sp_doc) == NULL, "a charge laid after the Sprindik flags it");
    json_decref(c);
    long long k122 = charge_of(id, "122");
    /* who may not withdraw it, and what is no charge, change nothing */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", id, k122);
    json_decref(call("DELETE", path, mre, NULL, 404));
    json_decref(call("DELETE", path, sup, NULL, 403));
    json_decref(call("DELETE", path, demo.pros, NULL, 403));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", id, k122 + 1000000);
    json_decref(call("DELETE", path, demo.inv, NULL, 404));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/pasal122", id);
    json_decref(call("DELETE", path, demo.inv, NULL, 400));
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "offences")), 2);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
    ck_assert_int_eq(case_row(id, "SELECT count(*) FROM app.charge_withdrawals WHERE case_id = "
                                  "$1::bigint"),
                     0);
    /* withdrawn by the investigator of the file's office */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences/%lld", id, k122);
    json_decref(call("DELETE", path, demo.inv, NULL, 204));
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "offences")), 1);
    json_t *s = stale_entry(c, sp_doc);
    ck_assert_msg(s != NULL, "the Sprindik naming the withdrawn Pasal 122 not listed");
    fields_are(s, "charges");
    ck_assert_uint_eq(json_array_size(json_object_get(s, "charges_withdrawn")), 1);
    json_t *w = json_array_get(json_object_get(s, "charges_withdrawn"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(w, "code")), "122");
    ck_assert_int_eq(json_integer_value(json_object_get(w, "party_id")), suspect);
    ck_assert(json_is_null(json_object_get(s, "correction_seq")));
    ck_assert(has_flag(json_object_get(c, "flags"), "stale_papers"));
    json_decref(c);
    json_t *row = review_row(id);
    ck_assert(has_flag(json_object_get(row, "flags"), "stale_papers"));
    json_decref(row);
    char *gaps = file_gaps(id);
    assert_has(gaps, "menyebut Pasal 122, yang ditarik", "the file's gap names the Pasal");
    free(gaps);
    /* the CLI says it too */
    char cid[24], *out;
    snprintf(cid, sizeof cid, "%lld", id);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    assert_has(out, "menyebut Pasal 122, yang ditarik", "berkas case show");
    free(out);
    /* a summons issued now prints the charges as they stand: not listed */
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *x = call("POST", path, demo.inv,
                     "{\"kind\":\"witness\",\"name\":\"Siti Aminah\",\"address_id\":\"Jalan "
                     "Sudirman 1, Palembang\"}",
                     201);
    char m[200];
    snprintf(m, sizeof m,
             "\"type\":\"summons_served\",\"date\":\"2026-01-09\",\"appearance\":\"2026-01-14\","
             "\"party_id\":%lld",
             id_of(x));
    json_decref(x);
    json_t *d = issue_with(id, "surat_panggilan", act(id, m),
                           "{\"appear-date\":\"2026-01-14\",\"appear-time\":\"09:00\"}", 201);
    long long summons = id_of(d);
    json_decref(d);
    char *t = fill_document_text(demo.port, demo.inv, summons);
    assert_has(t, "Pasal 119 ayat (1)", "the summons issued after the withdrawal");
    assert_lacks(t, "Pasal 122", "the summons issued after the withdrawal");
    free(t);
    c = case_get(id, demo.inv);
    ck_assert_msg(stale_entry(c, summons) == NULL, "a paper issued after the withdrawal listed");
    json_decref(c);
    /* issued again: the Sprindik names the charge that stands */
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", sp_doc);
    d = call("POST", path, demo.inv, "{\"note\":\"pasal 122 ditarik\"}", 201);
    t = fill_document_text(demo.port, demo.inv, id_of(d));
    assert_has(t, "Pasal 119 ayat (1)", "the Sprindik issued again");
    assert_lacks(t, "Pasal 122", "the Sprindik issued again");
    free(t);
    json_decref(d);
    c = case_get(id, demo.inv);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "stale_papers")), 0);
    json_decref(c);
}
END_TEST

Suite *suite_stale(void)
{
    Suite *s = suite_create("stale");
    TCase *tc = tcase_create("stale");
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_a_paper_issued_before_its_acts_correction_is_stale_until_issued_again);
    tcase_add_test(tc, test_what_a_correction_changed_and_when);
    tcase_add_test(tc, test_a_correction_of_the_party);
    tcase_add_test(tc, test_a_paper_citing_its_acts_number_after_the_order_is_issued_again);
    tcase_add_test(tc, test_papers_of_a_file_with_the_prosecutor_stay_as_sent);
    tcase_add_test(tc, test_corrections_add_up);
    tcase_add_test(tc, test_a_paper_is_stale_with_the_acts_it_cites);
    tcase_add_test(tc, test_a_paper_is_stale_with_the_parties_it_prints);
    tcase_add_test(tc, test_an_sp3_issued_before_a_victim_was_added_is_stale);
    tcase_add_test(tc, test_the_paper_of_a_withdrawn_act_is_listed_and_revoked_from_the_cli);
    tcase_add_test(tc, test_a_paper_is_stale_with_a_charge_it_printed_withdrawn);
    suite_add_tcase(s, tc);
    return s;
}
