/*
 * test_cli_cases.c - the case commands of berkas (case new|list|show,
 * record, suspect/party/offence/evidence, clocks, history, verify-chain,
 * rulesets) as real processes against a real berkasd with the demo data,
 * over real HTTP.
 *
 * Each test runs in its own process with its own XDG_CONFIG_HOME, one
 * subdirectory per user it acts as, so an investigator and a prosecutor
 * can take turns on one case.  The database is shared by the suite's
 * tests: each test opens its own cases and finds them by their ids or by a
 * text of its own.  Dates are computed from the machine's clock (acts may
 * not be in the future, nor before the case was opened).  Stage labels are
 * read from the server's JSON, never written here.
 */
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

static struct demo_server demo;
static char server_url[64];
static char *config_dir; /* this test's: one subdirectory per user */

static void start_server(void)
{
    demo_server_start(&demo, "cli_cases_suite");
    /* this suite checks the stage machine's own guards; the documents that
     * Tahap I also needs (issue 8) are checked in test_acts.c */
    harness_setting(demo.db, "dossier.tahap1_requires_documents", "false");
    snprintf(server_url, sizeof server_url, "http://127.0.0.1:%d", demo.port);
}

static void stop_server(void)
{
    demo_server_stop(&demo);
}

static void fresh_config(void)
{
    unsetenv("BERKAS_SERVER");
    unsetenv("BERKAS_PASSWORD");
    config_dir = harness_mkdtemp("cli-cases");
    ck_assert_ptr_nonnull(config_dir);
    setenv("XDG_CONFIG_HOME", config_dir, 1);
}

static void drop_config(void)
{
    free(config_dir);
    config_dir = NULL;
}

/* berkas ARGS... (NULL-terminated): exit status, stdout and stderr in *out. */
static int cli(char **out, ...)
{
    char *argv[48] = {(char *)harness_cli()};
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 47 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 30000, out);
}

/* berkas argv... that must exit 0 and print JSON; the JSON. */
static json_t *cli_json_v(char *const argv[])
{
    char *out;
    int rc = run_capture(argv, 30000, &out);
    ck_assert_msg(rc == 0, "%s %s %s: exit %d: %s", argv[1], argv[2] ? argv[2] : "",
                  argv[2] && argv[3] ? argv[3] : "", rc, out);
    json_error_t e;
    json_t *j = json_loads(out, 0, &e);
    ck_assert_msg(j != NULL, "%s %s: not JSON (%s): %s", argv[1], argv[2] ? argv[2] : "", e.text,
                  out);
    free(out);
    return j;
}

static json_t *cli_json(const char *first, ...)
{
    char *argv[48] = {(char *)harness_cli(), (char *)first};
    size_t n = 2;
    va_list ap;
    va_start(ap, first);
    for (const char *a; n < 46 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n++] = "--json";
    argv[n] = NULL;
    return cli_json_v(argv);
}

/* Act as the user with this NIP from now on (logging on the first time). */
static void act_as(const char *nip)
{
    char dir[1024], session[1100];
    snprintf(dir, sizeof dir, "%s/%s", config_dir, nip);
    snprintf(session, sizeof session, "%s/berkas/session.json", dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    struct stat st;
    if (stat(session, &st) == 0)
        return;
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char *out;
    int rc = cli(&out, "--server", server_url, "login", "--nip", nip, NULL);
    ck_assert_msg(rc == 0, "login %s: %d: %s", nip, rc, out);
    free(out);
    unsetenv("BERKAS_PASSWORD");
}

static const char *id_str(long long id, char buf[24])
{
    snprintf(buf, 24, "%lld", id);
    return buf;
}

/* berkas case new as the current user, opened ago days back, sent to the
 * Kejari Palembang; the case id. */
static long long new_case(const char *summary, int ago)
{
    char date[11], kejari[24];
    days_ago(ago, date);
    json_t *c = cli_json("case", "new", "--source", "jagratara", "--opened-on", date, "--kejari",
                         id_str(demo.kejari_plg, kejari), "--summary", summary, NULL);
    long long id = (long long)json_integer_value(json_object_get(c, "id"));
    ck_assert_int_gt(id, 0);
    json_decref(c);
    return id;
}

static long long add_suspect(const char *cid, const char *name)
{
    json_t *p = cli_json("suspect", "add", cid, "--name", name, "--nationality", "CN", "--passport",
                         "E12345678", "--sex", "L", NULL);
    long long id = (long long)json_integer_value(json_object_get(p, "id"));
    ck_assert_int_gt(id, 0);
    json_decref(p);
    return id;
}

/* berkas record CASE EVENT [more args] that must succeed. */
#define RECORD(...) record_ok(__VA_ARGS__, NULL)
static void record_ok(const char *cid, const char *event, ...)
{
    char *argv[48] = {(char *)harness_cli(), "record", (char *)cid, (char *)event};
    size_t n = 4;
    va_list ap;
    va_start(ap, event);
    for (const char *a; n < 47 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    char *out;
    int rc = run_capture(argv, 30000, &out);
    ck_assert_msg(rc == 0, "record %s %s: exit %d: %s", cid, event, rc, out);
    ck_assert_msg(strstr(out, "dicatat"), "%s", out);
    free(out);
}

static json_t *show(const char *cid)
{
    return cli_json("case", "show", cid, NULL);
}

static const char *jstr_of(const json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    ck_assert_msg(s != NULL, "no string %s", key);
    return s;
}

/* The widest line of out in characters (UTF-8 continuation bytes do not count). */
static int widest_line(const char *out)
{
    int widest = 0, n = 0;
    for (const char *p = out; *p; p++) {
        if (*p == '\n') {
            n = 0;
            continue;
        }
        if (((unsigned char)*p & 0xC0) != 0x80 && ++n > widest)
            widest = n;
    }
    return widest;
}

static size_t history_count(const char *cid)
{
    json_t *h = cli_json("history", cid, NULL);
    size_t n = json_array_size(json_object_get(h, "history"));
    json_decref(h);
    return n;
}

/* The human `case show` prints the stage label the server gives. */
static void assert_shows_stage(const char *cid, const char *stage)
{
    json_t *c = show(cid);
    ck_assert_str_eq(jstr_of(c, "stage"), stage);
    char *out;
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    ck_assert_msg(strstr(out, jstr_of(c, "stage_label")), "no '%s' in: %s",
                  jstr_of(c, "stage_label"), out);
    free(out);
    json_decref(c);
}

/* As the investigator of Palembang: a case with one suspect charged under
 * Pasal 122, taken through the CLI to Tahap I.  *party gets the suspect. */
static long long case_at_tahap1(const char *summary, const char *suspect, long long *party)
{
    act_as(NIP_INV_PLG);
    char d20[11], d18[11], d17[11], d16[11], cid[24], pid[24];
    days_ago(20, d20);
    days_ago(18, d18);
    days_ago(17, d17);
    days_ago(16, d16);
    long long id = new_case(summary, 20);
    id_str(id, cid);
    *party = add_suspect(cid, suspect);
    id_str(*party, pid);
    json_t *o = cli_json("offence", "charge", cid, "122", "--party", pid, NULL);
    ck_assert_str_eq(jstr_of(o, "code"), "122");
    json_decref(o);
    RECORD(cid, "sprindik_issued", "--date", d20, "--number", "SP.Dik/01/IX/2026");
    RECORD(cid, "suspect_designated", "--date", d18, "--party", pid);
    RECORD(cid, "spdp_sent", "--date", d18, "--recipient", "kejari", "--number", "B-SPDP/01");
    RECORD(cid, "bap_recorded", "--date", d17, "--bap", "tersangka", "--party", pid);
    RECORD(cid, "resume_written", "--date", d16);
    RECORD(cid, "tahap1_sent", "--date", d16, "--number", "B-TAHAP1/01");
    return id;
}

/* ---- the investigator's work --------------------------------------------------------- */

START_TEST(test_investigator_takes_a_case_to_tahap1_through_the_cli)
{
    act_as(NIP_INV_PLG);
    char d20[11], d18[11], d17[11], d16[11], cid[24], pid[24], *out;
    days_ago(20, d20);
    days_ago(18, d18);
    days_ago(17, d17);
    days_ago(16, d16);

    ck_assert_int_eq(cli(&out, "case", "new", "--source", "tim_pora", "--opened-on", d20,
                         "--summary", "TIM PORA: WNA bekerja tanpa izin", NULL),
                     0);
    ck_assert_msg(strstr(out, "LK/KANIM-PLG/") && strstr(out, "pre_investigation"), "%s", out);
    free(out);
    long long id = new_case("Operasi JAGRATARA: penyalahgunaan izin tinggal", 20);
    id_str(id, cid);
    assert_shows_stage(cid, "pre_investigation");

    long long party = add_suspect(cid, "WANG Xiaoming");
    id_str(party, pid);
    ck_assert_int_eq(cli(&out, "offence", "charge", cid, "122", "--party", pid, NULL), 0);
    ck_assert_msg(strstr(out, "122"), "%s", out);
    free(out);

    ck_assert_int_eq(cli(&out, "record", cid, "sprindik_issued", "--date", d20, "--number",
                         "SP.Dik/07/IX/2026", NULL),
                     0);
    ck_assert_msg(strstr(out, "pre_investigation -> investigation"), "%s", out);
    free(out);
    assert_shows_stage(cid, "investigation");

    RECORD(cid, "suspect_designated", "--date", d18, "--party", pid);
    RECORD(cid, "spdp_sent", "--date", d18, "--recipient", "kejari");
    RECORD(cid, "bap_recorded", "--date", d17, "--bap", "tersangka", "--party", pid);
    RECORD(cid, "resume_written", "--date", d16);
    RECORD(cid, "tahap1_sent", "--date", d16);
    assert_shows_stage(cid, "with_prosecutor");

    /* case show: the summary, the suspect, the offence, the clocks */
    json_t *c = show(cid);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(c, "facts"), "suspects")),
                     1);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    ck_assert_msg(strstr(out, jstr_of(c, "number")) && strstr(out, "WANG Xiaoming") &&
                      strstr(out, "122") && strstr(out, "KANIM-PLG") && strstr(out, "jagratara"),
                  "%s", out);
    ck_assert_msg(strstr(out, "JAM HUKUM") && strstr(out, "spdp") && strstr(out, "PUTARAN P-19"),
                  "%s", out);
    free(out);

    /* clocks: the table only, one row per clock of the JSON */
    json_t *clocks = json_object_get(c, "clocks");
    ck_assert_uint_ge(json_array_size(clocks), 1);
    ck_assert_int_eq(cli(&out, "clocks", cid, NULL), 0);
    ck_assert_msg(strncmp(out, "KEADAAN", 7) == 0, "%s", out);
    ck_assert_int_eq(count_lines(out), 1 + (int)json_array_size(clocks));
    size_t i;
    json_t *k;
    json_array_foreach(clocks, i, k) ck_assert_msg(
        strstr(out, jstr_of(k, "code")) && strstr(out, jstr_of(k, "due_date")), "%s", out);
    free(out);

    /* history: seven acts, each with the server's label, who, late flag */
    json_t *history = json_object_get(c, "history");
    ck_assert_uint_eq(json_array_size(history), 7);
    ck_assert_int_eq(cli(&out, "history", cid, NULL), 0);
    ck_assert_int_eq(count_lines(out), 8);
    /* issue 10: the output fits 100 columns; the dates are whole, the words give way */
    ck_assert_msg(widest_line(out) <= 100, "%s", out);
    json_array_foreach(history, i, k) ck_assert_msg(strstr(out, jstr_of(k, "legal_date")),
                                                    "no '%s' in %s", jstr_of(k, "legal_date"), out);
    free(out);
    /* --wide: nothing cut */
    ck_assert_int_eq(cli(&out, "history", cid, "--wide", NULL), 0);
    ck_assert_int_eq(count_lines(out), 8);
    json_array_foreach(history, i, k)
        ck_assert_msg(strstr(out, jstr_of(k, "label")), "no '%s' in %s", jstr_of(k, "label"), out);
    ck_assert_msg(strstr(out, jstr_of(json_array_get(history, 0), "entered_by")), "%s", out);
    ck_assert_msg(strstr(out, "SP.Dik/07/IX/2026") && strstr(out, "terlambat") &&
                      strstr(out, "investigation -> with_prosecutor"),
                  "%s", out);
    free(out);
    json_decref(c);
}
END_TEST

START_TEST(test_tahap1_too_early_names_the_missing_facts_in_one_line)
{
    act_as(NIP_INV_PLG);
    char d10[11], cid[24], *out;
    days_ago(10, d10);
    id_str(new_case("berkas terlalu dini", 10), cid);
    RECORD(cid, "sprindik_issued", "--date", d10);
    size_t before = history_count(cid);
    /* KUHAP 110(1), DESIGN.md: Tahap I needs the SPDP, a suspect, a resume */
    ck_assert_int_eq(cli(&out, "record", cid, "tahap1_sent", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strncmp(out, "berkas: 422 ", 12) == 0, "%s", out);
    ck_assert_msg(strstr(out, "kurang: ") && strstr(out, "spdp_sent") && strstr(out, "suspect") &&
                      strstr(out, "resume"),
                  "%s", out);
    /* and how to supply each (issue 8.7): the act to record, in this case */
    char how[64];
    snprintf(how, sizeof how, "berkas record %s spdp_sent", cid);
    ck_assert_msg(strstr(out, "cara: ") && strstr(out, how), "%s", out);
    free(out);
    ck_assert_uint_eq(history_count(cid), before); /* a refusal writes nothing */
}
END_TEST

START_TEST(test_event_the_stage_does_not_allow_lists_the_allowed_events)
{
    act_as(NIP_INV_PLG);
    char cid[24], *out;
    id_str(new_case("belum ada sprindik", 5), cid);
    ck_assert_int_eq(cli(&out, "record", cid, "resume_written", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strncmp(out, "berkas: 409 ", 12) == 0, "%s", out);
    ck_assert_msg(strstr(out, "boleh: ") && strstr(out, "sprindik_issued"), "%s", out);
    free(out);
    /* the events listed are those case show offers */
    json_t *c = show(cid);
    size_t i;
    json_t *e;
    ck_assert_int_eq(cli(&out, "record", cid, "resume_written", NULL), 1);
    json_array_foreach(json_object_get(c, "allowed_events"), i, e)
        ck_assert_msg(strstr(out, jstr_of(e, "type")), "no %s in %s", jstr_of(e, "type"), out);
    free(out);
    json_decref(c);
}
END_TEST

START_TEST(test_json_output_parses_for_every_case_command)
{
    act_as(NIP_INV_PLG);
    char cid[24], pid[24], d3[11];
    days_ago(3, d3);
    id_str(new_case("keluaran json", 3), cid);
    id_str(add_suspect(cid, "JSON Tester"), pid);
    json_decref(cli_json("offence", "charge", cid, "116", NULL));
    json_t *e = cli_json("record", cid, "sprindik_issued", "--date", d3, NULL);
    ck_assert_str_eq(jstr_of(e, "stage"), "investigation");
    ck_assert_int_gt(json_integer_value(json_object_get(e, "version")), 0);
    char sprindik[24], sita[24], *out = NULL;
    id_str(json_integer_value(json_object_get(e, "id")), sprindik);
    json_decref(e);
    /* an item names the seizure that took it (its BA lists it: KUHAP 75, 129(2)): the Sprindik
     * is none, refused in one line, nothing added; the seizure is */
    ck_assert_int_ne(
        cli(&out, "evidence", "add", cid, "--description", "Paspor", "--seizure", sprindik, NULL),
        0);
    ck_assert_msg(strstr(out, "seizure_event") && strchr(out, '\n') == out + strlen(out) - 1, "%s",
                  out);
    free(out);
    json_t *s = cli_json("record", cid, "seizure_done", "--date", d3, "--urgent-reason",
                         "paspor dapat dihilangkan", NULL);
    id_str(json_integer_value(json_object_get(s, "id")), sita);
    json_decref(s);
    json_t *ev = cli_json("evidence", "add", cid, "--description", "Paspor", "--seized-from", pid,
                          "--seized-on", d3, "--seizure", sita, NULL);
    ck_assert_int_gt(json_integer_value(json_object_get(ev, "id")), 0);
    json_decref(ev);
    json_t *w = cli_json("party", "add", cid, "--kind", "witness", "--name", "Saksi Satu", NULL);
    ck_assert_int_gt(json_integer_value(json_object_get(w, "id")), 0);
    json_decref(w);

    json_t *c = show(cid);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "parties")), 2);
    ck_assert_uint_eq(json_array_size(json_object_get(c, "evidence")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_array_get(json_object_get(c, "evidence"), 0), "seizure_event")),
                     strtoll(sita, NULL, 10));
    json_decref(c);
    json_t *cl = cli_json("clocks", cid, NULL);
    ck_assert(json_is_array(json_object_get(cl, "clocks")));
    json_decref(cl);
    json_t *h = cli_json("history", cid, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(h, "history")), 3); /* with the seizure */
    json_decref(h);
    json_t *l = cli_json("case", "list", NULL);
    ck_assert(json_is_array(json_object_get(l, "items")));
    json_decref(l);
    json_t *o = cli_json("offence", "list", NULL);
    ck_assert_uint_ge(json_array_size(json_object_get(o, "items")), 20);
    json_decref(o);
    json_t *r = cli_json("rulesets", NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(r, "items")), 2);
    json_decref(r);
    /* the global form */
    char *argv[] = {(char *)harness_cli(), "--json", "case", "show", cid, NULL};
    c = cli_json_v(argv);
    ck_assert_str_eq(jstr_of(c, "stage"), "investigation");
    json_decref(c);
}
END_TEST

START_TEST(test_case_list_filters_by_stage_and_text_and_pages)
{
    act_as(NIP_INV_PLG);
    char cid[24], d4[11], *out;
    days_ago(4, d4);
    long long id = new_case("daftar perkara", 4);
    id_str(id, cid);
    add_suspect(cid, "KOWALCZYK Zbigniew");
    RECORD(cid, "sprindik_issued", "--date", d4);

    ck_assert_int_eq(cli(&out, "case", "list", "--stage", "investigation", NULL), 0);
    ck_assert_msg(strncmp(out, "ID", 2) == 0, "%s", out);
    json_t *c = show(cid);
    ck_assert_msg(strstr(out, jstr_of(c, "number")) && strstr(out, jstr_of(c, "stage_label")), "%s",
                  out);
    free(out);
    json_t *l = cli_json("case", "list", "--stage", "investigation", "--all", NULL);
    bool found = false;
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(l, "items"), i, it)
    {
        ck_assert_str_eq(jstr_of(it, "stage"), "investigation");
        found = found || json_integer_value(json_object_get(it, "id")) == id;
    }
    ck_assert(found);
    json_decref(l);

    /* by the suspect's name, in another case */
    l = cli_json("case", "list", "--q", "Kowalczyk", NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(l, "items")), 1);
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_array_get(json_object_get(l, "items"), 0), "id")),
        id);
    json_decref(l);
    ck_assert_int_eq(cli(&out, "case", "list", "--q", "Kowalczyk Zbigniew", NULL), 0);
    ck_assert_msg(strstr(out, jstr_of(c, "number")) && count_lines(out) == 2, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "case", "list", "--q", "no such name anywhere", NULL), 0);
    ck_assert_msg(strstr(out, "Tidak ada perkara"), "%s", out);
    free(out);
    json_decref(c);

    /* one page of one, then --all follows next_cursor to the end */
    l = cli_json("case", "list", "--limit", "1", NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(l, "items")), 1);
    ck_assert(json_is_integer(json_object_get(l, "next_cursor")));
    json_decref(l);
    json_t *all = cli_json("case", "list", "--limit", "1", "--all", NULL);
    json_t *big = cli_json("case", "list", "--limit", "100", "--all", NULL);
    ck_assert_uint_ge(json_array_size(json_object_get(all, "items")), 2);
    ck_assert_uint_eq(json_array_size(json_object_get(all, "items")),
                      json_array_size(json_object_get(big, "items")));
    ck_assert(json_is_null(json_object_get(all, "next_cursor")));
    json_decref(all);
    json_decref(big);
    ck_assert_int_eq(cli(&out, "case", "list", "--limit", "1", NULL), 0);
    ck_assert_msg(strstr(out, "--all"), "the hint to the next page: %s", out);
    free(out);
}
END_TEST

/* ---- the prosecutor, and the answers to a P-19 ---------------------------------------- */

START_TEST(test_prosecutor_returns_with_p19_and_investigator_answers)
{
    long long party;
    char cid[24], d15[11], d14[11], *out;
    id_str(case_at_tahap1("bolak-balik P-19", "TANAKA Hiroshi", &party), cid);
    days_ago(15, d15);
    days_ago(14, d14);

    act_as(NIP_PROS_PLG);
    RECORD(cid, "tahap1_received_by_pu", "--date", d15);
    ck_assert_int_eq(cli(&out, "record", cid, "p19_received", "--date", d14, "--number",
                         "B-77/L.6.10/Eku.1/09/2026", "--instruction", "Lengkapi BAP saksi pelapor",
                         "--instruction", "Lampirkan salinan paspor yang dilegalisasi", NULL),
                     0);
    ck_assert_msg(strstr(out, "with_prosecutor -> returned"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    ck_assert_msg(strstr(out, "Lengkapi BAP saksi pelapor") &&
                      strstr(out, "Lampirkan salinan paspor yang dilegalisasi") &&
                      strstr(out, "TERBUKA"),
                  "%s", out);
    free(out);

    act_as(NIP_INV_PLG);
    json_t *c = show(cid);
    ck_assert_str_eq(jstr_of(c, "stage"), "returned");
    json_t *items = json_object_get(json_array_get(json_object_get(c, "p19_rounds"), 0), "items");
    ck_assert_uint_eq(json_array_size(items), 2);
    /* KUHAP 110(3): the file goes back only with every instruction met */
    ck_assert_int_eq(cli(&out, "record", cid, "resubmitted", NULL), 1);
    ck_assert_msg(strstr(out, "422") && strstr(out, "instructions_answered"), "%s", out);
    free(out);
    size_t i;
    json_t *it;
    long long second = 0; /* the item the prosecutor finds unmet later */
    json_array_foreach(items, i, it)
    {
        char iid[24], answer[64];
        if (i == 1)
            second = (long long)json_integer_value(json_object_get(it, "id"));
        id_str((long long)json_integer_value(json_object_get(it, "id")), iid);
        snprintf(answer, sizeof answer, "Dipenuhi: jawaban %zu", i + 1);
        RECORD(cid, "instruction_answered", "--instruction-id", iid, "--answer", answer);
    }
    json_decref(c);
    c = show(cid);
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_object_get(c, "facts"), "instructions_open")), 0);
    items = json_object_get(json_array_get(json_object_get(c, "p19_rounds"), 0), "items");
    json_array_foreach(items, i, it) ck_assert(json_is_true(json_object_get(it, "answered")));
    json_decref(c);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    ck_assert_msg(strstr(out, "Dipenuhi: jawaban 1") && strstr(out, "Dipenuhi: jawaban 2") &&
                      !strstr(out, "TERBUKA"),
                  "%s", out);
    free(out);
    RECORD(cid, "resubmitted");
    assert_shows_stage(cid, "with_prosecutor");

    /* SE JAM Pidum B-3326/E/EJP/11/2011: no second P-19; the prosecutor's
     * letter names the item still unmet, and counts as a round */
    act_as(NIP_PROS_PLG);
    RECORD(cid, "tahap1_received_by_pu");
    ck_assert_int_eq(cli(&out, "record", cid, "p19_received", "--instruction", "Lagi", NULL), 1);
    ck_assert_msg(strstr(out, "422") && strstr(out, "first_return") &&
                      strstr(out, "return_letter_received"),
                  "%s", out);
    free(out);
    char unmet[24];
    id_str(second, unmet);
    ck_assert_int_eq(cli(&out, "record", cid, "return_letter_received", "--unmet", unmet, NULL), 0);
    ck_assert_msg(strstr(out, "with_prosecutor -> returned"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "record", cid, "return_letter_received", "--unmet", "x1", NULL), 2);
    free(out);
}
END_TEST

/* ---- If-Match and Idempotency-Key --------------------------------------------------------- */

START_TEST(test_stale_if_match_is_refused_with_the_current_version)
{
    act_as(NIP_INV_PLG);
    char cid[24], d6[11], *out, want[64];
    days_ago(6, d6);
    id_str(new_case("versi usang", 6), cid);
    RECORD(cid, "sprindik_issued", "--date", d6);
    json_t *c = show(cid);
    long long version = (long long)json_integer_value(json_object_get(c, "version"));
    json_decref(c);
    size_t before = history_count(cid);
    ck_assert_int_eq(cli(&out, "record", cid, "resume_written", "--if-match", "1", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    snprintf(want, sizeof want, "versi sekarang: %lld", version);
    ck_assert_msg(strncmp(out, "berkas: 409 ", 12) == 0 && strstr(out, want), "%s", out);
    free(out);
    ck_assert_uint_eq(history_count(cid), before);
    /* the version seen is accepted */
    char v[24];
    RECORD(cid, "resume_written", "--if-match", id_str(version, v));
    ck_assert_uint_eq(history_count(cid), before + 1);
}
END_TEST

START_TEST(test_record_reads_nothing_before_it_writes)
{
    act_as(NIP_INV_PLG);
    char cid[24], d6[11], *out;
    days_ago(6, d6);
    id_str(new_case("tanpa baca dulu", 6), cid);
    const char *p[1] = {cid};
    const char *reads = "SELECT count(*) FROM audit.events WHERE action = 'case.read' AND "
                        "object_type = 'case' AND object_id = $1::bigint";
    long long before = sql_count(demo.db, reads, 1, p);
    RECORD(cid, "sprindik_issued", "--date", d6);
    RECORD(cid, "resume_written");
    ck_assert_int_eq(sql_count(demo.db, reads, 1, p), before);
    /* without If-Match the server still refuses an act the stage does not
     * allow, naming the ones it does */
    size_t acts = history_count(cid);
    ck_assert_int_eq(cli(&out, "record", cid, "tahap2_done", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strncmp(out, "berkas: 409 ", 12) == 0 && strstr(out, "boleh") &&
                      strstr(out, "tahap1_sent"),
                  "%s", out);
    free(out);
    ck_assert_uint_eq(history_count(cid), acts);
}
END_TEST

START_TEST(test_same_idempotency_key_records_once)
{
    act_as(NIP_INV_PLG);
    char cid[24], d6[11], key[64];
    days_ago(6, d6);
    id_str(new_case("coba lagi", 6), cid);
    RECORD(cid, "sprindik_issued", "--date", d6);
    size_t before = history_count(cid);
    snprintf(key, sizeof key, "retry-%ld-%d", (long)time(NULL), (int)getpid());
    json_t *first = cli_json("record", cid, "bap_recorded", "--bap", "saksi", "--date", d6,
                             "--idempotency-key", key, NULL);
    json_t *again = cli_json("record", cid, "bap_recorded", "--bap", "saksi", "--date", d6,
                             "--idempotency-key", key, NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(first, "id")),
                     json_integer_value(json_object_get(again, "id")));
    ck_assert_uint_eq(history_count(cid), before + 1);
    json_decref(first);
    json_decref(again);
    /* without the key, the same command is a second act */
    RECORD(cid, "bap_recorded", "--bap", "saksi", "--date", d6);
    ck_assert_uint_eq(history_count(cid), before + 2);
}
END_TEST

/* ---- clocks ------------------------------------------------------------------------- */

START_TEST(test_overdue_clock_is_marked_and_listed_first)
{
    act_as(NIP_INV_PLG);
    char tag[64], warn_id[24], late_id[24], d5[11], d40[11], d39[11], d38[11], *out;
    snprintf(tag, sizeof tag, "urgensi-%d", (int)getpid());
    days_ago(5, d5);
    days_ago(40, d40);
    days_ago(39, d39);
    days_ago(38, d38);
    /* SPDP within 7 days of the Sprindik, warned from day 5 */
    id_str(new_case(tag, 5), warn_id);
    RECORD(warn_id, "sprindik_issued", "--date", d5);
    /* P-17 expected 30 days after the SPDP without a file: overdue */
    id_str(new_case(tag, 40), late_id);
    RECORD(late_id, "sprindik_issued", "--date", d40);
    RECORD(late_id, "spdp_sent", "--date", d39, "--recipient", "kejari");
    /* ... received by the prosecutor, Korwas and the reporter the next day
     * (MK 130/PUU-XIII/2015; Permenkumham 39/2021 Pasal 27: no suspect yet) */
    RECORD(late_id, "letter_delivered", "--date", d38, "--recipient", "spdp_kejari",
           "--received-by", "PTSP Kejari");
    RECORD(late_id, "letter_delivered", "--date", d38, "--recipient", "spdp_korwas",
           "--received-by", "Korwas PPNS");
    RECORD(late_id, "letter_delivered", "--date", d38, "--recipient", "spdp_pelapor",
           "--received-by", "Pelapor");

    ck_assert_int_eq(cli(&out, "clocks", warn_id, NULL), 0);
    ck_assert_msg(strstr(out, "! peringatan") && !strstr(out, "!! LEWAT WAKTU"), "%s", out);
    free(out);
    /* the running overdue clock first, the stopped SPDP clock after it */
    ck_assert_int_eq(cli(&out, "clocks", late_id, NULL), 0);
    const char *row1 = strchr(out, '\n') + 1;
    ck_assert_msg(strncmp(row1, "!! LEWAT WAKTU", 14) == 0 && strstr(row1, "p17"), "%s", out);
    const char *spdp = strstr(row1, "spdp");
    ck_assert_msg(spdp && spdp > strchr(row1, '\n'), "%s", out);
    free(out);

    /* the list: the overdue case above the warned one, though opened later */
    ck_assert_int_eq(cli(&out, "case", "list", "--q", tag, NULL), 0);
    ck_assert_int_eq(count_lines(out), 3);
    row1 = strchr(out, '\n') + 1;
    ck_assert_msg(strncmp(row1, late_id, strlen(late_id)) == 0 && strstr(row1, "!! LEWAT WAKTU"),
                  "%s", out);
    ck_assert_msg(strstr(strchr(row1, '\n'), "! peringatan"), "%s", out);
    free(out);
    json_t *l = cli_json("case", "list", "--q", tag, "--clock", "overdue", NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(l, "items")), 1);
    ck_assert_str_eq(jstr_of(json_array_get(json_object_get(l, "items"), 0), "worst_clock"),
                     "overdue");
    json_decref(l);
}
END_TEST

/* ---- parties, evidence ------------------------------------------------------------------ */

START_TEST(test_party_correction_and_evidence_show_in_the_case)
{
    act_as(NIP_INV_PLG);
    char cid[24], pid[24], d2[11], *out;
    days_ago(2, d2);
    id_str(new_case("koreksi pihak", 2), cid);
    id_str(add_suspect(cid, "NGUYEN Van An"), pid);
    ck_assert_int_eq(cli(&out, "party", "correct", cid, pid, "--passport", "C7654321", "--language",
                         "Vietnam", NULL),
                     0);
    free(out);
    /* the version it had is stale now */
    ck_assert_int_eq(
        cli(&out, "party", "correct", cid, pid, "--passport", "C0000000", "--if-match", "1", NULL),
        1);
    ck_assert_msg(strstr(out, "409") && count_lines(out) == 1, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "evidence", "add", cid, "--description", "Paspor Vietnam",
                         "--quantity", "1 buku", "--seized-from", pid, "--seized-on", d2,
                         "--storage", "Rupbasan Palembang", NULL),
                     0);
    free(out);
    ck_assert_int_eq(cli(&out, "case", "show", cid, NULL), 0);
    ck_assert_msg(strstr(out, "C7654321") && !strstr(out, "C0000000") && strstr(out, "Vietnam") &&
                      strstr(out, "Paspor Vietnam") && strstr(out, "Rupbasan Palembang"),
                  "%s", out);
    free(out);
    /* a passport number of the wrong shape: the server names the field */
    ck_assert_int_eq(
        cli(&out, "suspect", "add", cid, "--name", "X", "--passport", "no spaces!", NULL), 1);
    ck_assert_msg(strstr(out, "400") && strstr(out, "passport_no") && count_lines(out) == 1, "%s",
                  out);
    free(out);
}
END_TEST

/* ---- the administrator ----------------------------------------------------------------- */

START_TEST(test_admin_verify_chain_reports_the_counts)
{
    act_as(NIP_INV_PLG);
    char cid[24], d3[11], *out;
    days_ago(3, d3);
    id_str(new_case("rantai", 3), cid);
    RECORD(cid, "sprindik_issued", "--date", d3);
    ck_assert_int_eq(cli(&out, "verify-chain", NULL), 1); /* admins only */
    ck_assert_msg(strstr(out, "403") && count_lines(out) == 1, "%s", out);
    free(out);

    act_as(NIP_ADMIN_DITJEN);
    json_t *r = cli_json("verify-chain", NULL);
    ck_assert(json_is_true(json_object_get(r, "intact")));
    long long cases = (long long)json_integer_value(json_object_get(r, "cases"));
    long long events = (long long)json_integer_value(json_object_get(r, "events"));
    ck_assert_int_ge(cases, 1);
    ck_assert_int_ge(events, 2);
    json_decref(r);
    ck_assert_int_eq(cli(&out, "verify-chain", NULL), 0);
    ck_assert_msg(strstr(out, "perkara") && strstr(out, "peristiwa") && strstr(out, "utuh"), "%s",
                  out);
    free(out);
}
END_TEST

START_TEST(test_rulesets_mark_to_verify_and_admin_amends)
{
    act_as(NIP_INV_PLG);
    char *out;
    ck_assert_int_eq(cli(&out, "rulesets", NULL), 0);
    ck_assert_msg(strstr(out, "KUHAP-1981") && strstr(out, "KUHAP-2025") &&
                      strstr(out, "spdp_days") && strstr(out, "? verifikasi"),
                  "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", NULL), 1);
    ck_assert_msg(strstr(out, "403") && count_lines(out) == 1, "%s", out);
    free(out);

    act_as(NIP_ADMIN_DITJEN);
    /* the same value, still to verify: the other tests' clocks do not move */
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", "--to-verify",
                         "--note", "SOP Pidum: belum dipastikan", NULL),
                     0);
    ck_assert_msg(strstr(out, "p17_days = 30") && strstr(out, "verifikasi"), "%s", out);
    free(out);
    json_t *v = cli_json("ruleset", "set", "KUHAP-2025", "p17_days", "30", "--note",
                         "SOP Pidum: menunggu surat edaran", NULL);
    /* the reason is this amendment's, returned with who made it */
    json_t *amended = json_object_get(v, "amended");
    ck_assert_str_eq(json_string_value(json_object_get(amended, "note")),
                     "SOP Pidum: menunggu surat edaran");
    ck_assert_ptr_nonnull(
        json_string_value(json_object_get(json_object_get(amended, "by"), "name")));
    json_decref(v);
    v = cli_json("ruleset", "set", "KUHAP-2025", "p17_days", "30", "--to-verify", NULL);
    ck_assert_int_eq(json_integer_value(json_object_get(v, "value")), 30);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(v, "amended"), "note")), "");
    ck_assert(json_is_true(json_object_get(v, "to_verify")));
    json_decref(v);
    /* neither flag: the mark stays (still to verify); --verified marks it verified; both: usage */
    v = cli_json("ruleset", "set", "KUHAP-2025", "p17_days", "30", NULL);
    ck_assert(json_is_true(json_object_get(v, "to_verify")));
    json_decref(v);
    v = cli_json("ruleset", "set", "KUHAP-2025", "p17_days", "30", "--verified", NULL);
    ck_assert(json_is_false(json_object_get(v, "to_verify")));
    json_decref(v);
    v = cli_json("ruleset", "set", "KUHAP-2025", "p17_days", "30", "--to-verify", NULL);
    ck_assert(json_is_true(json_object_get(v, "to_verify")));
    json_decref(v);
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", "--to-verify",
                         "--verified", NULL),
                     2);
    ck_assert_msg(count_lines(out) == 1, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "no_such_key", "3", NULL), 1);
    ck_assert_msg(count_lines(out) == 1, "%s", out);
    free(out);
    /* play4 #11: an amendment applies from its date (--from; today when not given), shown by
     * set and listed by rulesets as scheduled; a date that is no date, or one before today
     * without --force, is one line, exit 1; --force asks a reason (the same value throughout:
     * the other tests' clocks do not move) */
    char today[11], tomorrow[11], yesterday[11], want[96];
    days_ago(0, today);
    days_ago(-1, tomorrow);
    days_ago(1, yesterday);
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", NULL), 0);
    snprintf(want, sizeof want, "berlaku sejak %s, sebelumnya 30", today);
    ck_assert_msg(strstr(out, want), "%s", out);
    free(out);
    ck_assert_int_eq(
        cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", "--from", tomorrow, NULL), 0);
    snprintf(want, sizeof want, "berlaku sejak %s", tomorrow);
    ck_assert_msg(strstr(out, want), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "rulesets", NULL), 0);
    ck_assert_msg(strstr(out, tomorrow) && strstr(out, "terjadwal"), "%s", out);
    free(out);
    static const char *const bad[] = {"2026-13-01", "besok"};
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(
            cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", "--from", bad[i], NULL), 1);
        ck_assert_msg(strstr(out, "400") && count_lines(out) == 1, "%s", out);
        free(out);
    }
    ck_assert_int_eq(
        cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", "--from", yesterday, NULL), 1);
    ck_assert_msg(strstr(out, "422") && strstr(out, "surut") && count_lines(out) == 1, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", "--from",
                         yesterday, "--force", NULL),
                     1);
    ck_assert_msg(strstr(out, "422") && strstr(out, "note") && count_lines(out) == 1, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "p17_days", "30", "--from",
                         yesterday, "--force", "--note", "uji: surut", NULL),
                     0);
    snprintf(want, sizeof want, "berlaku sejak %s (override)", yesterday);
    ck_assert_msg(strstr(out, want), "%s", out);
    free(out);
    /* play4 #26: a verified value is not changed without --force (409, one line); the history
     * says old -> new, from when, override and why, for an admin; an investigator is refused */
    ck_assert_int_eq(cli(&out, "ruleset", "set", "KUHAP-2025", "arrest_hours", "48", NULL), 1);
    ck_assert_msg(strstr(out, "409") && strstr(out, "sudah dipastikan") && count_lines(out) == 1,
                  "%s", out);
    free(out);
    ck_assert_int_eq(
        cli(&out, "ruleset", "history", "--ruleset", "KUHAP-2025", "--key", "p17_days", NULL), 0);
    ck_assert_msg(strstr(out, "BERLAKU") && strstr(out, yesterday) && strstr(out, tomorrow) &&
                      strstr(out, "uji: surut") && strstr(out, "ya"),
                  "%s", out);
    ck_assert_msg(!strstr(out, "arrest_hours"), "%s", out);
    free(out);
    act_as(NIP_INV_PLG);
    ck_assert_int_eq(cli(&out, "ruleset", "history", NULL), 1);
    ck_assert_msg(strstr(out, "403") && count_lines(out) == 1, "%s", out);
    free(out);
}
END_TEST

/* berkas settings lists the server's settings for an administrator; settings set changes one
 * (a root office's administrator); a refusal - not an administrator, an unknown key, a value not
 * of its type - is one line, exit 1, nothing changed. */
START_TEST(test_settings_listed_and_set_by_an_admin)
{
    char *out;
    act_as(NIP_INV_PLG);
    ck_assert_int_eq(cli(&out, "settings", NULL), 1);
    ck_assert_msg(strstr(out, "403") && count_lines(out) == 1, "%s", out);
    free(out);
    act_as(NIP_ADMIN_DITJEN);
    ck_assert_int_eq(cli(&out, "settings", NULL), 0);
    ck_assert_msg(strstr(out, "dossier.p19_answers_need_paper") && strstr(out, "boolean") &&
                      strstr(out, "session.idle_minutes") && strstr(out, "integer 1..1440"),
                  "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "settings", "set", "idempotency.keep_hours", "48", NULL), 0);
    ck_assert_msg(strstr(out, "idempotency.keep_hours = 48"), "%s", out);
    free(out);
    const char *bad[][2] = {{"idempotency.keep_hours", "dua"}, {"no.such_key", "1"}};
    for (size_t i = 0; i < 2; i++) {
        ck_assert_int_eq(cli(&out, "settings", "set", bad[i][0], bad[i][1], NULL), 1);
        ck_assert_msg(count_lines(out) == 1 && strstr(out, bad[i][0]), "%s", out);
        free(out);
    }
    json_t *list = cli_json("settings", NULL);
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(list, "items"), i, v)
    {
        if (strcmp(json_string_value(json_object_get(v, "key")), "idempotency.keep_hours") == 0)
            ck_assert_str_eq(json_string_value(json_object_get(v, "value")), "48");
    }
    json_decref(list);
    ck_assert_int_eq(cli(&out, "settings", "set", "idempotency.keep_hours", "24", NULL), 0);
    free(out);
}
END_TEST

/* ---- usage ----------------------------------------------------------------------------- */

START_TEST(test_bad_arguments_exit_2_in_one_line)
{
    act_as(NIP_INV_PLG); /* logged on: what fails is the arguments */
    const char *bad[][10] = {
        {"case", "show"},
        {"case", "show", ""},
        {"case", "show", "0"},
        {"case", "show", "1", "2"},
        {"case", "new", "--opened-on", "2026-01-01"},
        {"case", "new", "--source", "other", "--opened-on", "1/1/2026"},
        {"case", "new", "--source", "other", "--opened-on", "2026-01-01", "--kejari", "k k"},
        {"case", "list", "--limit", "0"},
        {"case", "list", "--office", "x/y"},
        {"case", "list", "--all", "yes"},
        {"case", "bogus"},
        {"record", "1"},
        {"record", "", "sprindik_issued"},
        {"record", "1", "sprindik_issued", "--date", "2026/01/01"},
        {"record", "1", "spdp_sent", "--date", "2026-01-01", "--at", "2026-01-01T10:00:00+07:00"},
        {"record", "1", "bap_recorded", "--party", "abc"},
        {"record", "1", "instruction_answered", "--instruction-id", "3"},
        {"record", "1", "corrected", "--withdraws"},
        {"record", "1", "detained", "--days", "-3"},
        {"record", "1", "resume_written", "--if-match", "v3"},
        {"record", "1", "direction_given", "--due", "tomorrow"},
        {"record", "1", "resume_written", "--bogus"},
        {"suspect", "add", "1"},
        {"suspect", "add", "", "--name", "X"},
        {"suspect", "add", "1", "--name", "X", "--birth-date", "31-12-1990"},
        {"party", "add", "1", "--name", "X"},
        {"party", "correct", "1", "2"},
        {"party", "correct", "1", "p", "--name", "X"},
        {"offence", "charge", "1"},
        {"offence", "charge", "1", "122", "--party", "0"},
        {"evidence", "add", "1", "--description", "x", "--seized-on", "yesterday"},
        {"evidence", "add", "1"},
        {"evidence", "add", "1", "--description", "x", "--seizure", "satu"},
        {"clocks"},
        {"history", "1", "2"},
        {"ruleset", "set", "KUHAP-2025", "p17_days", "thirty"},
        {"ruleset", "set", "KUHAP-2025"},
        {"verify-chain", "extra"},
        {"rulesets", "--bogus"},
        {"settings", "set", "session.idle_minutes"},
        {"settings", "set", "", "3"},
        {"settings", "extra"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *argv[12] = {(char *)harness_cli()};
        char line[256] = "";
        for (size_t k = 0; k < 10 && bad[i][k]; k++) {
            argv[k + 1] = (char *)bad[i][k];
            size_t len = strlen(line);
            snprintf(line + len, sizeof line - len, " %s", bad[i][k]);
        }
        char *out;
        int rc = run_capture(argv, 10000, &out);
        ck_assert_msg(rc == 2, "berkas%s: exit %d: %s", line, rc, out);
        ck_assert_msg(count_lines(out) == 1, "berkas%s: %s", line, out);
        ck_assert_msg(strncmp(out, "berkas", 6) == 0, "%s", out);
        free(out);
    }
    /* names the server does not know: refused in one line, with a guess when close */
    char *out;
    ck_assert_int_eq(cli(&out, "case", "show", "LK/TIDAK/ADA", NULL), 1);
    ck_assert_msg(count_lines(out) == 1 && strstr(out, "tidak ditemukan"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "case", "list", "--office", "KANIM-PLX", NULL), 1);
    ck_assert_msg(count_lines(out) == 1 && strstr(out, "maksud Anda KANIM-PLG?"), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_every_case_command_has_help)
{
    const char *cmds[][2] = {
        {"case", "new"},        {"case", "list"},    {"case", "show"},     {"record", NULL},
        {"suspect", "add"},     {"party", "add"},    {"party", "correct"}, {"offence", "charge"},
        {"offence", "list"},    {"evidence", "add"}, {"clocks", NULL},     {"history", NULL},
        {"verify-chain", NULL}, {"rulesets", NULL},  {"ruleset", "set"},   {"case", NULL},
        {"party", NULL},        {"offence", NULL},   {"ruleset", NULL},    {"settings", NULL},
        {"ruleset", "history"},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out, want[64];
        snprintf(want, sizeof want, "Pemakaian: berkas %s%s%s", cmds[i][0], cmds[i][1] ? " " : "",
                 cmds[i][1] ? cmds[i][1] : "");
        int rc = cmds[i][1] ? cli(&out, cmds[i][0], cmds[i][1], "--help", NULL)
                            : cli(&out, cmds[i][0], "--help", NULL);
        ck_assert_msg(rc == 0 && strncmp(out, want, strlen(want)) == 0, "%s: %d: %s", want, rc,
                      out);
        ck_assert_msg(strstr(out, "--json") || strstr(out, "SUBPERINTAH"), "%s", out);
        free(out);
    }
    char *out;
    ck_assert_int_eq(cli(&out, "--help", NULL), 0);
    ck_assert_msg(strstr(out, "case show") && strstr(out, "record") && strstr(out, "verify-chain"),
                  "%s", out);
    free(out);
}
END_TEST

/* Where an arrest was made and where the suspect is held (KUHAP 18(1), 21(2)) are given on the
 * command line, stored with the acts as the API stores them, and named in record --help. */
START_TEST(test_record_takes_the_scene_and_the_facility)
{
    act_as(NIP_INV_PLG);
    char d10[11], d9[11], d8[11], at1[40], at2[40], cid[24], pid[24];
    days_ago(10, d10);
    days_ago(9, d9);
    days_ago(8, d8);
    long long id = new_case("Penangkapan di pelabuhan", 10);
    id_str(id, cid);
    id_str(add_suspect(cid, "LI Qiang"), pid);
    json_decref(cli_json("offence", "charge", cid, "122(a)", "--party", pid, NULL));
    RECORD(cid, "sprindik_issued", "--date", d10);
    RECORD(cid, "suspect_designated", "--date", d9, "--party", pid);
    snprintf(at1, sizeof at1, "%sT09:00:00+07:00", d8);
    snprintf(at2, sizeof at2, "%sT15:00:00+07:00", d8);
    RECORD(cid, "arrested", "--at", at1, "--party", pid, "--polri-order", "SP.Kap/3/2026",
           "--scene", "Pelabuhan Boom Baru, Palembang");
    RECORD(cid, "detained", "--at", at2, "--party", pid, "--detention-type", "rutan",
           "--polri-order", "SP.Han/3/2026", "--facility",
           "Rumah Tahanan Negara Kelas I Palembang");
    json_t *h = cli_json("history", cid, NULL);
    size_t i;
    json_t *e;
    int seen = 0;
    json_array_foreach(json_object_get(h, "history"), i, e)
    {
        const char *type = json_string_value(json_object_get(e, "type"));
        json_t *p = json_object_get(e, "payload");
        if (strcmp(type, "arrested") == 0) {
            ck_assert_str_eq(jstr_of(p, "scene"), "Pelabuhan Boom Baru, Palembang");
            seen++;
        } else if (strcmp(type, "detained") == 0) {
            ck_assert_str_eq(jstr_of(p, "facility"), "Rumah Tahanan Negara Kelas I Palembang");
            seen++;
        }
    }
    ck_assert_int_eq(seen, 2);
    json_decref(h);
    /* a blank place is the server's 400, one line, nothing written */
    size_t before = history_count(cid);
    char *out;
    ck_assert_int_eq(cli(&out, "record", cid, "detention_type_changed", "--party", pid, "--date",
                         d8, "--detention-type", "rumah", "--facility", " ", NULL),
                     1);
    ck_assert_msg(strstr(out, "facility"), "%s", out);
    free(out);
    ck_assert_uint_eq(history_count(cid), before);
    ck_assert_int_eq(cli(&out, "record", "--help", NULL), 0);
    ck_assert_msg(strstr(out, "--facility") && strstr(out, "--scene"), "%s", out);
    free(out);
}
END_TEST

/* KUHAP 24(3)-(4), 109(2): a release is recorded with its ground (--ground).  Without one, or on
 * a ground the file does not bear out - the period not yet ended, no SP3 - the server's 422 is
 * one line naming ground, exit 1, nothing written; with the examination done it is recorded,
 * the ground stored as the API stores it. */
START_TEST(test_record_a_release_with_its_ground)
{
    act_as(NIP_INV_PLG);
    char d10[11], d8[11], d2[11], cid[24], pid[24];
    days_ago(10, d10);
    days_ago(8, d8);
    days_ago(2, d2);
    long long id = new_case("Pengeluaran tahanan lewat baris perintah", 10);
    id_str(id, cid);
    id_str(add_suspect(cid, "ZHANG Wei"), pid);
    json_decref(cli_json("offence", "charge", cid, "122(a)", "--party", pid, NULL));
    RECORD(cid, "sprindik_issued", "--date", d10);
    /* detained 8 days ago: his 20 days have 12 to run */
    RECORD(cid, "detained", "--date", d8, "--party", pid, "--detention-type", "rutan",
           "--polri-order", "SP.Han/4/2026", "--facility",
           "Rumah Tahanan Negara Kelas I Palembang");
    size_t before = history_count(cid);
    static const char *const bad[][2] = {{NULL, "kepentingan_terpenuhi"},
                                         {"masa_penahanan_habis", "masa_penahanan_habis"},
                                         {"penyidikan_dihentikan", "SP3"},
                                         /* an arrest's ground for a detention (KUHAP 19(1)) */
                                         {"tidak_perlu_ditahan", "pelepasan dari penangkapan"}};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        char *out;
        int rc = bad[k][0]
                     ? cli(&out, "record", cid, "released", "--date", d2, "--party", pid,
                           "--ground", bad[k][0], NULL)
                     : cli(&out, "record", cid, "released", "--date", d2, "--party", pid, NULL);
        ck_assert_int_eq(rc, 1);
        ck_assert_int_eq(count_lines(out), 1);
        ck_assert_msg(strncmp(out, "berkas: 422 ", 12) == 0 && strstr(out, "ground") &&
                          strstr(out, bad[k][1]),
                      "%s", out);
        free(out);
        ck_assert_uint_eq(history_count(cid), before);
    }
    RECORD(cid, "released", "--date", d2, "--party", pid, "--ground", "kepentingan_terpenuhi");
    json_t *h = cli_json("history", cid, NULL);
    size_t i;
    json_t *e;
    int seen = 0;
    json_array_foreach(json_object_get(h, "history"), i, e)
    {
        if (strcmp(json_string_value(json_object_get(e, "type")), "released") != 0)
            continue;
        ck_assert_str_eq(jstr_of(json_object_get(e, "payload"), "ground"), "kepentingan_terpenuhi");
        seen++;
    }
    ck_assert_int_eq(seen, 1);
    json_decref(h);
}
END_TEST

/* UU 6/2011 Pasal 110(2): the short procedure's hand-over goes "disertai catatan" - given on the
 * command line (--catatan), stored as the API stores it; without it the server's 422 is one line
 * naming catatan, exit 1, nothing written. */
START_TEST(test_record_a_short_procedure_handover_with_its_catatan)
{
    act_as(NIP_INV_PLG);
    char d4[11], d2[11], cid[24], pid[24];
    days_ago(4, d4);
    days_ago(2, d2);
    long long id = new_case("Acara singkat lewat baris perintah", 4);
    id_str(id, cid);
    id_str(add_suspect(cid, "LI Na"), pid);
    json_decref(cli_json("offence", "charge", cid, "116", "--party", pid, NULL));
    RECORD(cid, "sprindik_issued", "--date", d4);
    RECORD(cid, "suspect_designated", "--date", d4, "--party", pid);
    RECORD(cid, "spdp_sent", "--date", d4, "--recipient", "kejari");
    RECORD(cid, "bap_recorded", "--date", d4, "--bap", "tersangka", "--party", pid);
    size_t before = history_count(cid);
    char *out;
    int rc = cli(&out, "record", cid, "short_procedure_handover", "--date", d2, NULL);
    ck_assert_int_eq(rc, 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strncmp(out, "berkas: 422 ", 12) == 0 && strstr(out, "catatan"), "%s", out);
    free(out);
    ck_assert_uint_eq(history_count(cid), before);
    const char *catatan = "Tidak memperlihatkan paspor ketika diminta petugas (Pasal 116)";
    RECORD(cid, "short_procedure_handover", "--date", d2, "--catatan", catatan);
    assert_shows_stage(cid, "handed_over");
    /* the list says what the case says: no Tahap II without a P-21 (UU 6/2011 Pasal 110) */
    json_t *c = show(cid);
    ck_assert_int_eq(cli(&out, "case", "list", "--stage", "handed_over", NULL), 0);
    const char *line = strstr(out, jstr_of(c, "number"));
    ck_assert_msg(line, "%s", out);
    const char *eol = strchr(line, '\n');
    ck_assert_msg(strstr(line, "Penyerahan perkara acara singkat") &&
                      (!eol || strstr(line, "Penyerahan perkara acara singkat") < eol),
                  "%s", out);
    free(out);
    json_decref(c);
    json_t *h = cli_json("history", cid, NULL);
    size_t i;
    json_t *e;
    int seen = 0;
    json_array_foreach(json_object_get(h, "history"), i, e)
    {
        if (strcmp(json_string_value(json_object_get(e, "type")), "short_procedure_handover") != 0)
            continue;
        ck_assert_str_eq(jstr_of(json_object_get(e, "payload"), "catatan"), catatan);
        seen++;
    }
    ck_assert_int_eq(seen, 1);
    json_decref(h);
}
END_TEST

/* DOMAIN 4.9, D8: the Ketua PN's Penetapan and the search or seizure it permits or approves are
 * given on the command line (--permit-kind, --permit-for, --number, --approves; --permit-act,
 * --urgent-reason), stored as the API stores them; a seizure with neither is the server's 422,
 * one line, nothing written; a --permit-act that is no id is refused before any request. */
START_TEST(test_record_takes_the_ketua_pns_penetapan_and_the_permit_it_names)
{
    act_as(NIP_INV_PLG);
    char d10[11], d9[11], d8[11], cid[24], permit[24], urgent[24];
    days_ago(10, d10);
    days_ago(9, d9);
    days_ago(8, d8);
    long long id = new_case("Penyitaan dengan izin PN", 10);
    id_str(id, cid);
    RECORD(cid, "sprindik_issued", "--date", d10);
    /* the Pengadilan Negeri is said (--court): without it, the server's 400, one line */
    char *out;
    size_t before = history_count(cid);
    ck_assert_int_eq(cli(&out, "record", cid, "court_permit_received", "--date", d9,
                         "--permit-kind", "izin", "--permit-for", "penyitaan", "--number",
                         "7/Pen.Pid/2026/PN Plg", NULL),
                     1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strncmp(out, "berkas: 400 ", 12) == 0 && strstr(out, "court"), "%s", out);
    free(out);
    ck_assert_int_eq(history_count(cid), before);
    json_t *e = cli_json("record", cid, "court_permit_received", "--date", d9, "--permit-kind",
                         "izin", "--permit-for", "penyitaan", "--number", "7/Pen.Pid/2026/PN Plg",
                         "--court", "Palembang", NULL);
    id_str(json_integer_value(json_object_get(e, "id")), permit);
    json_decref(e);
    RECORD(cid, "seizure_done", "--date", d8, "--permit-act", permit);
    e = cli_json("record", cid, "search_done", "--date", d8, "--urgent-reason",
                 "tersangka hendak melarikan diri", NULL);
    id_str(json_integer_value(json_object_get(e, "id")), urgent);
    json_decref(e);
    RECORD(cid, "court_permit_received", "--date", d8, "--permit-kind", "persetujuan",
           "--permit-for", "penggeledahan", "--number", "8/Pen.Pid/2026/PN Plg", "--approves",
           urgent, "--court", "Palembang", "--decision", "ditolak");
    json_t *h = cli_json("history", cid, NULL);
    size_t i;
    json_t *x;
    int seen = 0;
    json_array_foreach(json_object_get(h, "history"), i, x)
    {
        const char *type = json_string_value(json_object_get(x, "type"));
        json_t *p = json_object_get(x, "payload");
        if (strcmp(type, "seizure_done") == 0) {
            ck_assert_int_eq(json_integer_value(json_object_get(p, "permit_act")), atoll(permit));
            seen++;
        } else if (strcmp(type, "court_permit_received") == 0 &&
                   strcmp(jstr_of(p, "permit_kind"), "persetujuan") == 0) {
            ck_assert_str_eq(jstr_of(p, "permit_for"), "penggeledahan");
            ck_assert_int_eq(json_integer_value(json_object_get(p, "approves")), atoll(urgent));
            ck_assert_str_eq(jstr_of(p, "court"), "Palembang");
            ck_assert_str_eq(jstr_of(p, "decision"), "ditolak");
            seen++;
        }
    }
    ck_assert_int_eq(seen, 2);
    json_decref(h);
    /* KUHAP 38(2): an urgent seizure reported to the Ketua PN (letter_delivered
     * ketua_pn_persetujuan --approves): stored as sent */
    e = cli_json("record", cid, "seizure_done", "--date", d8, "--urgent-reason",
                 "paspor hendak dimusnahkan", NULL);
    id_str(json_integer_value(json_object_get(e, "id")), urgent);
    json_decref(e);
    e = cli_json("record", cid, "letter_delivered", "--date", d8, "--recipient",
                 "ketua_pn_persetujuan", "--approves", urgent, NULL);
    json_t *p = json_object_get(e, "payload");
    ck_assert_msg(p == NULL || json_integer_value(json_object_get(p, "approves")) == atoll(urgent),
                  "payload");
    json_decref(e);
    h = cli_json("history", cid, NULL);
    seen = 0;
    json_array_foreach(json_object_get(h, "history"), i, x)
    {
        json_t *q = json_object_get(x, "payload");
        if (strcmp(json_string_value(json_object_get(x, "type")), "letter_delivered") == 0 &&
            strcmp(jstr_of(q, "recipient"), "ketua_pn_persetujuan") == 0 &&
            json_integer_value(json_object_get(q, "approves")) == atoll(urgent))
            seen++;
    }
    ck_assert_int_eq(seen, 1);
    json_decref(h);
    before = history_count(cid);
    ck_assert_int_eq(cli(&out, "record", cid, "seizure_done", "--date", d8, NULL), 1);
    ck_assert_msg(count_lines(out) == 1 && strstr(out, "permit_act") &&
                      strstr(out, "urgent_reason"),
                  "%s", out);
    free(out);
    ck_assert_int_eq(
        cli(&out, "record", cid, "seizure_done", "--date", d8, "--permit-act", "x7", NULL), 2);
    ck_assert_msg(strstr(out, "--permit-act"), "%s", out);
    free(out);
    ck_assert_uint_eq(history_count(cid), before);
    ck_assert_int_eq(cli(&out, "record", "--help", NULL), 0);
    ck_assert_msg(strstr(out, "--permit-act") && strstr(out, "--permit-kind") &&
                      strstr(out, "--permit-for") && strstr(out, "--approves"),
                  "%s", out);
    free(out);
}
END_TEST

/* DOMAIN D15: a letter_delivered to penetapan_tersangka (the suspect told of
 * his designation) stops the designation-notice clock, so record --help names
 * it among the recipients --received-by is for; the help is whole, to its
 * exit statuses, within 100 columns, and the manual's record section says the
 * same. */
START_TEST(test_record_help_names_the_designation_notice_recipient)
{
    char *out;
    ck_assert_int_eq(cli(&out, "record", "--help", NULL), 0);
    const char *rb = strstr(out, "--received-by"), *next = rb ? strstr(rb, "--if-match") : NULL;
    const char *named = rb ? strstr(rb, "penetapan_tersangka") : NULL;
    ck_assert_msg(named && next && named < next, "%s", out);
    ck_assert_msg(strstr(next, "Status keluar: 0 dicatat"), "%s", out);
    /* and --recipient, where the code goes, names every recipient of a letter_delivered */
    const char *rc = strstr(out, "--recipient"), *rc_end = rc ? strstr(rc, "--ground") : NULL;
    static const char *const codes[] = {"keluarga_penangkapan", "keluarga_penahanan",
                                        "perwakilan_negara",    "spdp_kejari",
                                        "spdp_korwas",          "spdp_pelapor",
                                        "spdp_tersangka",       "spdp_perwakilan_negara",
                                        "penetapan_tersangka",  "salinan_bap",
                                        "ketua_pn_persetujuan"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *at = rc ? strstr(rc, codes[i]) : NULL;
        ck_assert_msg(at && rc_end && at < rc_end, "--recipient lacks %s: %.600s", codes[i],
                      rc ? rc : out);
    }
    ck_assert_int_le(widest_line(out), 100);
    free(out);

    ck_assert_int_eq(cli(&out, "--man", NULL), 0);
    const char *sec = strstr(out, ".SS \"record\"\n");
    ck_assert_ptr_nonnull(sec);
    const char *end = strstr(sec + 1, ".SS ");
    named = strstr(sec, "penetapan_tersangka");
    ck_assert_msg(named && (!end || named < end), "%.4000s", sec);
    free(out);
}
END_TEST

/* A notice the file's end closed undelivered was never met (core/clock.c close_owed): `berkas
 * clocks` calls it missed ("terlewat"), not "selesai, terlambat" - done late - as it did (found in
 * acceptance: the supervisor reading it would think the copy went out late). */
START_TEST(test_clocks_call_a_notice_closed_undelivered_missed)
{
    act_as(NIP_INV_PLG);
    char d30[11], d20[11], d5[11], cid[24], pid[24], *out;
    days_ago(30, d30);
    days_ago(20, d20);
    days_ago(5, d5);
    long long id = new_case("SP3 tanpa SPDP kepada Korwas", 30);
    id_str(id, cid);
    id_str(add_suspect(cid, "LI Wei"), pid);
    json_decref(cli_json("offence", "charge", cid, "122", "--party", pid, NULL));
    RECORD(cid, "sprindik_issued", "--date", d30, "--number", "SP.Dik/09/IX/2026");
    RECORD(cid, "spdp_sent", "--date", d20, "--recipient", "kejari");
    RECORD(cid, "sp3_issued", "--date", d5, "--ground", "tidak_cukup_bukti", "--polri-involved");
    ck_assert_int_eq(cli(&out, "clocks", cid, NULL), 0);
    const char *line = strstr(out, "spdp_to_korwas");
    ck_assert_msg(line != NULL, "%s", out);
    const char *start = line;
    while (start > out && start[-1] != '\n')
        start--;
    const char *end = strchr(line, '\n');
    char row[512];
    snprintf(row, sizeof row, "%.*s", (int)(end ? end - start : (long)strlen(start)), start);
    ck_assert_msg(strstr(row, "terlewat") && !strstr(row, "selesai"), "%s", row);
    free(out);
}
END_TEST

/* A notice of custody the investigator cannot deliver is declared so with its reason (`berkas
 * record CASE notice_undelivered --recipient perwakilan_negara --party ID --undelivered-reason
 * ...`; VCCR 36(1)(b): the consul is told if the suspect so requests); `berkas clocks` then says
 * "tidak dapat disampaikan" of it - neither "selesai" (done) nor a running deadline - and the
 * history names the act.  Without a reason the CLI exits non-zero with one line. */
START_TEST(test_a_notice_declared_undelivered_is_shown_so)
{
    act_as(NIP_INV_PLG);
    char d10[11], d9[11], d8[11], d7[11], at1[40], cid[24], pid[24], *out;
    days_ago(10, d10);
    days_ago(9, d9);
    days_ago(8, d8);
    days_ago(7, d7);
    long long id = new_case("Penangkapan WNA tanpa pemberitahuan konsuler", 10);
    id_str(id, cid);
    id_str(add_suspect(cid, "ZHANG Wei"), pid);
    json_decref(cli_json("offence", "charge", cid, "122(a)", "--party", pid, NULL));
    RECORD(cid, "sprindik_issued", "--date", d10);
    RECORD(cid, "suspect_designated", "--date", d9, "--party", pid);
    snprintf(at1, sizeof at1, "%sT09:00:00+07:00", d8);
    RECORD(cid, "arrested", "--at", at1, "--party", pid, "--polri-order", "SP.Kap/4/2026",
           "--scene", "Pelabuhan Boom Baru, Palembang");
    ck_assert_int_ne(cli(&out, "record", cid, "notice_undelivered", "--date", d7, "--recipient",
                         "perwakilan_negara", "--party", pid, NULL),
                     0);
    ck_assert_msg(strstr(out, "undelivered_reason") != NULL &&
                      !strchr(strchr(out, '\n') ? strchr(out, '\n') + 1 : "", '\n'),
                  "%s", out);
    free(out);
    RECORD(cid, "notice_undelivered", "--date", d7, "--recipient", "perwakilan_negara", "--party",
           pid, "--undelivered-reason", "Tersangka menolak perwakilan negaranya diberi tahu");
    ck_assert_int_eq(cli(&out, "clocks", cid, NULL), 0);
    const char *line = strstr(out, "consular_notice");
    ck_assert_msg(line != NULL, "%s", out);
    const char *start = line;
    while (start > out && start[-1] != '\n')
        start--;
    const char *end = strchr(line, '\n');
    char row[512];
    snprintf(row, sizeof row, "%.*s", (int)(end ? end - start : (long)strlen(start)), start);
    ck_assert_msg(strstr(row, "tidak dapat disampaikan") && !strstr(row, "selesai"), "%s", row);
    free(out);
    json_t *h = cli_json("history", cid, NULL);
    size_t i;
    json_t *e;
    int seen = 0;
    json_array_foreach(json_object_get(h, "history"), i, e)
    {
        if (strcmp(jstr_of(e, "type"), "notice_undelivered") != 0)
            continue;
        ck_assert_str_eq(jstr_of(e, "label"), "Pemberitahuan tidak dapat disampaikan");
        ck_assert_str_eq(jstr_of(json_object_get(e, "payload"), "undelivered_reason"),
                         "Tersangka menolak perwakilan negaranya diberi tahu");
        seen++;
    }
    ck_assert_int_eq(seen, 1);
    json_decref(h);
}
END_TEST

Suite *suite_cli_cases(void)
{
    Suite *s = suite_create("cli_cases");
    TCase *tc = tcase_create("cli_cases");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_add_checked_fixture(tc, fresh_config, drop_config);
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, test_investigator_takes_a_case_to_tahap1_through_the_cli);
    tcase_add_test(tc, test_tahap1_too_early_names_the_missing_facts_in_one_line);
    tcase_add_test(tc, test_event_the_stage_does_not_allow_lists_the_allowed_events);
    tcase_add_test(tc, test_json_output_parses_for_every_case_command);
    tcase_add_test(tc, test_case_list_filters_by_stage_and_text_and_pages);
    tcase_add_test(tc, test_prosecutor_returns_with_p19_and_investigator_answers);
    tcase_add_test(tc, test_stale_if_match_is_refused_with_the_current_version);
    tcase_add_test(tc, test_record_reads_nothing_before_it_writes);
    tcase_add_test(tc, test_same_idempotency_key_records_once);
    tcase_add_test(tc, test_overdue_clock_is_marked_and_listed_first);
    tcase_add_test(tc, test_party_correction_and_evidence_show_in_the_case);
    tcase_add_test(tc, test_admin_verify_chain_reports_the_counts);
    tcase_add_test(tc, test_rulesets_mark_to_verify_and_admin_amends);
    tcase_add_test(tc, test_settings_listed_and_set_by_an_admin);
    tcase_add_test(tc, test_bad_arguments_exit_2_in_one_line);
    tcase_add_test(tc, test_every_case_command_has_help);
    tcase_add_test(tc, test_record_help_names_the_designation_notice_recipient);
    tcase_add_test(tc, test_record_takes_the_scene_and_the_facility);
    tcase_add_test(tc, test_record_takes_the_ketua_pns_penetapan_and_the_permit_it_names);
    tcase_add_test(tc, test_clocks_call_a_notice_closed_undelivered_missed);
    tcase_add_test(tc, test_a_notice_declared_undelivered_is_shown_so);
    tcase_add_test(tc, test_record_a_release_with_its_ground);
    tcase_add_test(tc, test_record_a_short_procedure_handover_with_its_catatan);
    suite_add_tcase(s, tc);
    return s;
}
