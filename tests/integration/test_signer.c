/*
 * test_signer.c - a paper names the PPNS who acted (DOMAIN.md 7.3, 12; KUHAP
 * 75), over real HTTP against a real berkasd on the demo data, the papers
 * read back with pdftotext.
 *
 * Expectations come from the law, not from the code:
 *   - a Berita Acara is made and signed by the PPNS who did the act (who
 *     examined, arrested, detained, searched, seized, swore the
 *     interpreter, deposited, handed over): the act's recorder, whatever
 *     the team the Sprindik names or its order; the documents list names
 *     the same signer as the paper;
 *   - a summons calls the person before the PPNS who summoned him (the
 *     summons' recorder), who signs it;
 *   - an order (Surat Perintah) names the investigators it orders - the
 *     team - and is signed by the official who orders (the Kepala Kantor),
 *     never by the PPNS it commands;
 *   - an investigative act recorded by a PPNS the case's team does not name
 *     is recorded (berkas does not refuse it: the team is often kept
 *     loosely), its answer warning that the Sprindik does not order him.
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

#define ANDI        "Andi Pratama"
#define ANDI_NIP    "19881111 201012 1 001"
#define SITI        "Siti Nurhaliza Putri"
#define SITI_NIP    "19900214 201402 2 002"
#define KAKANIM     "Made Wirawan Kusuma"
#define NOT_IN_TEAM "recorder_not_in_team"

static struct demo_server demo;
static const char *siti;

static void start(void)
{
    demo_server_start(&demo, "signer_suite");
    siti = demo_server_login(&demo, NIP_INV_PLG2);
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
    ck_assert_msg(strstr(text, needle) != NULL, "%s: \"%s\" not in: %.4000s", what, needle, text);
}

static void assert_lacks(const char *text, const char *needle, const char *what)
{
    ck_assert_msg(strstr(text, needle) == NULL, "%s: \"%s\" in: %.4000s", what, needle, text);
}

static const char *str(json_t *j, const char *k)
{
    const char *s = json_string_value(json_object_get(j, k));
    ck_assert_msg(s != NULL, "no %s", k);
    return s;
}

/* A party of kind with name on case id: its id. */
static long long party(long long id, const char *token, const char *kind, const char *name,
                       const char *nationality)
{
    char path[96], body[400];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body,
             "{\"kind\":\"%s\",\"name\":\"%s\",\"nationality\":\"%s\",\"passport_no\":"
             "\"C5544332\",\"sex\":\"L\",\"birth_date\":\"1989-05-06\",\"birth_place\":\"Hanoi\","
             "\"address_id\":\"Jalan Kapten Rivai Nomor 3, Palembang\"}",
             kind, name, nationality);
    return api_id(call("POST", path, token, body, 201));
}

/* A Palembang case opened by token on 2 March 2026, a Vietnamese suspect
 * charged with Pasal 122 (*suspect) and an Indonesian witness (*witness). */
static long long expert;

static long long case_opened(const char *token, long long *suspect, long long *witness)
{
    char body[400], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-03-02\",\"summary\":\"Uji penyidik "
             "yang bertindak\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", token, body, 201));
    *suspect = party(id, token, "suspect", "NGUYEN VAN TAM", "VN");
    *witness = party(id, token, "witness", "Budi Santoso", "ID");
    expert = party(id, token, "expert", "Dr. Rina Kartika", "ID");
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", *suspect);
    json_decref(call("POST", path, token, body, 201));
    return id;
}

/* Record an act as token (members without braces) with the papers named in
 * issue (a JSON array's inside, or NULL); the reply (201 asserted). */
static json_t *act(long long id, const char *token, const char *members, const char *issue)
{
    char path[96], body[1400];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s%s%s%s}", members, issue ? ",\"issue\":[" : "",
             issue ? issue : "", issue ? "]" : "");
    return call("POST", path, token, body, 201);
}

/* Paper k of an act's reply (borrowed). */
static json_t *paper(json_t *e, size_t k)
{
    json_t *d = json_array_get(json_object_get(e, "documents"), k);
    ck_assert_msg(d != NULL, "no paper %zu", k);
    return d;
}

/* Issue form for act event as token with params (JSON object text); the document. */
static json_t *issue(long long id, const char *token, const char *form, long long event,
                     const char *params)
{
    char path[128], body[900];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, "{\"event\":%lld,\"params\":%s}", event, params ? params : "{}");
    return call("POST", path, token, body, 201);
}

static char *text_of(json_t *d)
{
    return fill_document_text(demo.port, demo.inv, json_integer_value(json_object_get(d, "id")));
}

/* How many of the act's answer's warnings have code. */
static int warned(json_t *e, const char *code)
{
    int n = 0;
    size_t i;
    json_t *w;
    json_array_foreach(json_object_get(e, "warnings"), i, w)
    {
        const char *c = json_string_value(json_object_get(w, "code"));
        n += c && strcmp(c, code) == 0;
    }
    return n;
}

/* The signer the case's documents list gives document d. */
static char *listed_signer(long long id, json_t *d)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/documents", id);
    json_t *l = call("GET", path, demo.inv, NULL, 200);
    json_t *docs = json_object_get(l, "items");
    long long want = json_integer_value(json_object_get(d, "id"));
    char *s = NULL;
    size_t i;
    json_t *x;
    json_array_foreach(docs, i, x)
    {
        if (json_integer_value(json_object_get(x, "id")) == want) {
            const char *n = json_string_value(json_object_get(x, "signer"));
            s = strdup(n ? n : "");
        }
    }
    json_decref(l);
    ck_assert_msg(s != NULL, "document %lld not listed", want);
    return s;
}

/* The CLI as Andi (logged on at the first call) with args; its exit status, *out its output. */
static int cli(char **out, ...)
{
    static char *dir;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", demo.port);
    if (!dir) {
        dir = harness_mkdtemp("signer-cli");
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
    char *argv[20] = {(char *)harness_cli()};
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 19 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 30000, out);
}

/* A Berita Acara (or a summons) d: made and signed by the PPNS named (name,
 * formatted NIP), not by other; listed with him as its signer. */
static void made_by(long long id, json_t *d, const char *name, const char *nip, const char *other,
                    const char *what)
{
    char *t = text_of(d);
    assert_has(t, name, what);
    assert_has(t, nip, what);
    assert_lacks(t, other, what);
    free(t);
    ck_assert_str_eq(str(d, "signer"), name);
    char *listed = listed_signer(id, d);
    ck_assert_msg(strcmp(listed, name) == 0, "%s: listed signer %s, not %s", what, listed, name);
    free(listed);
}

/* An order d: names the team's PPNS in_team, not out (the PPNS it does not
 * order), and is signed by the Kepala Kantor. */
static void ordered(long long id, json_t *d, const char *in_team, const char *out, const char *what)
{
    char *t = text_of(d);
    assert_has(t, in_team, what);
    assert_lacks(t, out, what);
    assert_has(t, KAKANIM, what);
    free(t);
    ck_assert_str_eq(str(d, "signer"), KAKANIM);
    char *listed = listed_signer(id, d);
    ck_assert_str_eq(listed, KAKANIM);
    free(listed);
}

/* The acceptance tester's steps: Andi records the Sprindik naming Siti alone (the team replaced
 * by her), then summons, examines, arrests, detains, swears the interpreter, searches, seizes
 * and deposits himself, and takes the expert's BAP.  Each Berita Acara and the summons are his
 * (KUHAP 75, 112), each order names Siti, whom it orders, and is the Kepala Kantor's; each act
 * warns that the Sprindik does not name him. */
START_TEST(test_each_berita_acara_names_the_ppns_who_acted)
{
    long long suspect, witness, id = case_opened(demo.inv, &suspect, &witness);
    char m[700];
    json_t *e =
        act(id, demo.inv,
            "\"type\":\"sprindik_issued\",\"date\":\"2026-03-03\",\"team\":[\"" NIP_INV_PLG2 "\"]",
            "\"sprindik\"");
    ordered(id, paper(e, 0), SITI, ANDI, "Sprindik naming Siti");
    ck_assert_int_eq(warned(e, NOT_IN_TEAM), 0); /* an order is no investigative act */
    json_decref(e);
    snprintf(m, sizeof m,
             "\"type\":\"suspect_designated\",\"date\":\"2026-03-03\",\"party_id\":%lld", suspect);
    json_decref(act(id, demo.inv, m, NULL));
    /* the summons: the witness appears before Andi, who summoned him */
    snprintf(m, sizeof m,
             "\"type\":\"summons_served\",\"date\":\"2026-03-04\",\"party_id\":%lld,"
             "\"appearance\":\"2026-03-09\"",
             witness);
    e = act(id, demo.inv, m, NULL);
    ck_assert_int_eq(warned(e, NOT_IN_TEAM), 1);
    snprintf(m, sizeof m,
             "{\"party\":\"pihak-%lld\",\"appear-date\":\"2026-03-09\",\"appear-time\":\"10:00\","
             "\"as\":\"saksi\"}",
             witness);
    json_t *d = issue(id, demo.inv, "surat_panggilan", api_id(e), m);
    char *t = text_of(d);
    assert_has(t, "menghadap kepada " ANDI, "summons");
    free(t);
    made_by(id, d, ANDI, ANDI_NIP, SITI, "summons");
    json_decref(d);
    /* the examinations */
    static const struct {
        const char *kind, *form;
    } baps[] = {{"saksi", "bap_saksi"}, {"tersangka", "bap_tersangka"}, {"ahli", "bap_ahli"}};
    for (size_t i = 0; i < 3; i++) {
        snprintf(m, sizeof m,
                 "\"type\":\"bap_recorded\",\"date\":\"2026-03-09\",\"bap\":\"%s\","
                 "\"party_id\":%lld",
                 baps[i].kind,
                 i == 0   ? witness
                 : i == 1 ? suspect
                          : expert);
        e = act(id, demo.inv, m, NULL);
        ck_assert_int_eq(warned(e, NOT_IN_TEAM), 1);
        long long bap = json_integer_value(json_object_get(e, "id"));
        json_decref(e);
        fill_bap(demo.port, demo.inv, id, bap);
        d = issue(id, demo.inv, baps[i].form, bap, NULL);
        t = text_of(d);
        assert_has(t, "Yang memeriksa,", baps[i].form);
        free(t);
        made_by(id, d, ANDI, ANDI_NIP, SITI, baps[i].form);
        json_decref(d);
    }
    /* the arrest and the detention: the orders name Siti, the Berita Acara Andi */
    snprintf(m, sizeof m,
             "\"type\":\"arrested\",\"at\":\"2026-03-10T09:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/9/III/2026/Ditreskrimsus\",\"scene\":\"Jalan Kolonel Atmo "
             "Nomor 12, Palembang\"",
             suspect);
    e = act(id, demo.inv, m, "\"sp_penangkapan\",\"ba_penangkapan\"");
    ck_assert_int_eq(warned(e, NOT_IN_TEAM), 1);
    ordered(id, paper(e, 0), SITI, ANDI, "SP Penangkapan");
    made_by(id, paper(e, 1), ANDI, ANDI_NIP, SITI, "BA Penangkapan");
    json_decref(e);
    snprintf(m, sizeof m,
             "\"type\":\"detained\",\"at\":\"2026-03-10T20:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"polri_order\":\"SP.Han/9/III/2026/Ditreskrimsus\","
             "\"facility\":\"Rumah Tahanan Negara Kelas I Palembang\"",
             suspect);
    /* asked BA first: the order is issued first all the same (the BA cites its number), the
     * answer lists them as asked */
    e = act(id, demo.inv, m, "\"ba_penahanan\",\"sp_penahanan\"");
    ordered(id, paper(e, 1), SITI, ANDI, "SP Penahanan");
    made_by(id, paper(e, 0), ANDI, ANDI_NIP, SITI, "BA Penahanan");
    json_decref(e);
    /* the interpreter's oath */
    snprintf(
        m, sizeof m,
        "\"type\":\"interpreter_sworn\",\"at\":\"2026-03-11T09:00:00+07:00\",\"party_id\":%lld",
        suspect);
    e = act(id, demo.inv, m, NULL);
    d = issue(id, demo.inv, "ba_sumpah_penerjemah", api_id(e),
              "{\"interpreter\":\"Trần Thị Mỹ Dung\",\"language\":\"Vietnam\"}");
    made_by(id, d, ANDI, ANDI_NIP, SITI, "BA Sumpah Penerjemah");
    json_decref(d);
    /* the search under the Ketua PN's izin */
    e = act(id, demo.inv,
            "\"type\":\"court_permit_received\",\"court\":\"Palembang\",\"date\":\"2026-03-11\","
            "\"permit_kind\":\"izin\",\"permit_for\":\"penggeledahan\",\"number\":"
            "\"11/Pen.Pid/2026/PN Plg\"",
            NULL);
    snprintf(m, sizeof m,
             "\"type\":\"search_done\",\"at\":\"2026-03-12T10:00:00+07:00\",\"permit_act\":%lld",
             (long long)json_integer_value(json_object_get(e, "id")));
    json_decref(e);
    long long search = api_id(act(id, demo.inv, m, NULL));
    d = issue(id, demo.inv, "sp_penggeledahan", search,
              "{\"target\":\"rumah kos Jalan Merdeka Nomor 7, Palembang\"}");
    ordered(id, d, SITI, ANDI, "SP Penggeledahan");
    json_decref(d);
    d = issue(id, demo.inv, "ba_penggeledahan", search,
              "{\"target\":\"rumah kos Jalan Merdeka Nomor 7, Palembang\",\"result\":\"nihil\"}");
    made_by(id, d, ANDI, ANDI_NIP, SITI, "BA Penggeledahan");
    json_decref(d);
    /* the seizure, in urgency, and the deposit */
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    snprintf(m, sizeof m,
             "{\"description\":\"Paspor Vietnam Nomor C5544332\",\"quantity\":\"1 (satu) buku\","
             "\"seized_from\":%lld,\"seized_on\":\"2026-03-12\",\"storage\":\"Rupbasan Kelas I "
             "Palembang\"}",
             suspect);
    json_decref(call("POST", path, demo.inv, m, 201));
    e = act(id, demo.inv,
            "\"type\":\"seizure_done\",\"date\":\"2026-03-12\",\"scene\":\"rumah kos Jalan "
            "Merdeka Nomor 7, Palembang\",\"urgent_reason\":\"paspor "
            "ditemukan saat penggeledahan\"",
            NULL);
    /* its papers list what it took: the passport, linked to it */
    long long sita = json_integer_value(json_object_get(e, "id"));
    ck_assert_int_eq(api_seized_all(demo.port, id, demo.inv, sita), 1);
    d = issue(id, demo.inv, "sp_penyitaan", sita, NULL);
    ordered(id, d, SITI, ANDI, "SP Penyitaan");
    json_decref(d);
    d = issue(id, demo.inv, "ba_pembungkusan", sita, NULL);
    made_by(id, d, ANDI, ANDI_NIP, SITI, "BA Pembungkusan");
    json_decref(d);
    d = issue(id, demo.inv, "ba_penyitaan", sita, NULL);
    made_by(id, d, ANDI, ANDI_NIP, SITI, "BA Penyitaan");
    json_decref(d);
    json_decref(e);
    char *items = api_evidence_ids(demo.port, id, demo.inv);
    snprintf(m, sizeof m,
             "\"type\":\"evidence_deposited\",\"date\":\"2026-03-13\",\"place\":\"Rupbasan Kelas I "
             "Palembang\",\"items\":%s",
             items);
    free(items);
    e = act(id, demo.inv, m, "\"ba_penitipan\"");
    made_by(id, paper(e, 0), ANDI, ANDI_NIP, SITI, "BA Penitipan");
    json_decref(e);
}
END_TEST

/* Whatever the team's order: a Sprindik naming Siti first and Andi second.  The BAP Siti takes
 * is hers, the one Andi takes his; neither warns (the Sprindik orders both). */
START_TEST(test_a_berita_acara_is_its_examiners_whatever_the_teams_order)
{
    long long suspect, witness, id = case_opened(demo.inv, &suspect, &witness);
    json_decref(act(id, demo.inv,
                    "\"type\":\"sprindik_issued\",\"date\":\"2026-03-03\",\"team\":[\"" NIP_INV_PLG2
                    "\",\"" NIP_INV_PLG "\"]",
                    "\"sprindik\""));
    char m[300];
    const char *tokens[] = {siti, demo.inv}, *names[] = {SITI, ANDI},
               *nips[] = {SITI_NIP, ANDI_NIP};
    long long who[] = {witness, suspect};
    const char *kinds[] = {"saksi", "tersangka"}, *forms[] = {"bap_saksi", "bap_tersangka"};
    for (int i = 0; i < 2; i++) {
        snprintf(m, sizeof m,
                 "\"type\":\"bap_recorded\",\"date\":\"2026-03-09\",\"bap\":\"%s\","
                 "\"party_id\":%lld",
                 kinds[i], who[i]);
        json_t *e = act(id, tokens[i], m, NULL);
        ck_assert_int_eq(warned(e, NOT_IN_TEAM), 0);
        long long bap = json_integer_value(json_object_get(e, "id"));
        json_decref(e);
        fill_bap(demo.port, tokens[i], id, bap);
        json_t *d = issue(id, tokens[i], forms[i], bap, NULL);
        made_by(id, d, names[i], nips[i], names[1 - i], forms[i]);
        json_decref(d);
    }
}
END_TEST

/* A case Siti opened and ordered alone (Andi on no team of it): the BAP Andi takes is his, and
 * the answer warns; the one Siti takes is hers and does not. */
START_TEST(test_a_ppns_off_the_team_examines_and_is_warned)
{
    long long suspect, witness, id = case_opened(siti, &suspect, &witness);
    json_decref(
        act(id, siti, "\"type\":\"sprindik_issued\",\"date\":\"2026-03-03\"", "\"sprindik\""));
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-03-09\",\"bap\":\"saksi\","
             "\"party_id\":%lld",
             witness);
    json_t *e = act(id, demo.inv, m, NULL);
    ck_assert_int_eq(warned(e, NOT_IN_TEAM), 1);
    json_t *w = json_array_get(json_object_get(e, "warnings"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(w, "event_id")),
                     json_integer_value(json_object_get(e, "id")));
    const char *msg = str(w, "message");
    ck_assert_msg(strstr(msg, ANDI) && strstr(msg, "Surat Perintah Penyidikan"), "%s", msg);
    long long bap = json_integer_value(json_object_get(e, "id"));
    json_decref(e);
    fill_bap(demo.port, demo.inv, id, bap);
    json_t *d = issue(id, demo.inv, "bap_saksi", bap, NULL);
    made_by(id, d, ANDI, ANDI_NIP, SITI, "BAP saksi by Andi, off the team");
    json_decref(d);
    snprintf(m, sizeof m,
             "\"type\":\"bap_recorded\",\"date\":\"2026-03-10\",\"bap\":\"tersangka\","
             "\"party_id\":%lld",
             suspect);
    e = act(id, siti, m, NULL);
    ck_assert_int_eq(warned(e, NOT_IN_TEAM), 0);
    json_decref(e);
    /* the CLI says it too, and records the act */
    char cid[24], pid[24], *out;
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(pid, sizeof pid, "%lld", witness);
    int rc = cli(&out, "record", cid, "bap_recorded", "--date", "2026-03-11", "--bap", "saksi",
                 "--party", pid, NULL);
    ck_assert_msg(rc == 0, "berkas record: %d: %s", rc, out);
    ck_assert_msg(strstr(out, "peringatan") && strstr(out, "tidak disebut dalam tim penyidik"),
                  "%s", out);
    free(out);
}
END_TEST

/* The BA of Tahap II is made by the PPNS who handed the suspect and the things over (KUHAP
 * 8(3) huruf b): on the demo's complete Palembang file, Siti records the hand-over and issues
 * it; PIHAK PERTAMA is Siti, not the team's first. */
START_TEST(test_the_ba_of_tahap_ii_names_who_handed_over)
{
    char *sid = sql_value(demo.db,
                          "SELECT c.id FROM app.cases c JOIN app.offices o ON o.id = c.office_id "
                          "WHERE o.code = 'KANIM-PLG' AND c.stage = 'complete' ORDER BY c.id "
                          "LIMIT 1",
                          0, NULL);
    ck_assert_msg(sid != NULL, "the demo has no complete Palembang file");
    long long id = atoll(sid);
    free(sid);
    char today[11], m[200];
    days_ago(0, today);
    snprintf(m, sizeof m, "\"type\":\"tahap2_done\",\"date\":\"%s\"", today);
    json_t *e = act(id, siti, m, "\"ba_tahap2\"");
    json_t *d = paper(e, 0);
    char *t = text_of(d);
    assert_has(t, "PIHAK PERTAMA", "BA Tahap II");
    free(t);
    made_by(id, d, SITI, SITI_NIP, ANDI, "BA Tahap II by Siti");
    json_decref(e);
}
END_TEST

Suite *suite_signer(void)
{
    Suite *s = suite_create("signer");
    TCase *tc = tcase_create("signer");
    tcase_set_timeout(tc, 600);
    tcase_add_unchecked_fixture(tc, start, stop);
    tcase_add_test(tc, test_each_berita_acara_names_the_ppns_who_acted);
    tcase_add_test(tc, test_a_berita_acara_is_its_examiners_whatever_the_teams_order);
    tcase_add_test(tc, test_a_ppns_off_the_team_examines_and_is_warned);
    tcase_add_test(tc, test_the_ba_of_tahap_ii_names_who_handed_over);
    suite_add_tcase(s, tc);
    return s;
}
