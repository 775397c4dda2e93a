/*
 * test_review.c - the supervisors' review list over real HTTP (issue 10):
 * for a case at every stage, the reason it is listed and who must act, with
 * the expected deadline written from DOMAIN.md 5.2's table (not from the
 * code); the order and the cursor; the filters and their bad values; who may
 * call it and what each caller sees; the counts per office; and the case
 * summaries the list stands on: checked against the logs, a tampered row
 * named and repaired, time passing without a write, and a rule-set
 * amendment reaching the list.
 *
 * Dates are days before today on the office's calendar (Palembang, WIB);
 * today is after 2 January 2026, so the acts fall under UU 20/2025's rule set
 * (KUHAP-2025), whose periods DOMAIN.md says keep the 1981 values.
 */
#include <check.h>
#include <jansson.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/summary.h"
#include "core/caldate.h"
#include "core/casestate.h"
#include "harness.h"
#include "store/db.h"
#include "suites.h"

/* this berkasd's snapshot format, as the rows it writes carry it */
#define FORMAT_TEXT(n) #n
#define FORMAT_OF(n)   FORMAT_TEXT(n)
#define FORMAT         FORMAT_OF(CASESTATE_FORMAT)

static struct proc server;
static int port;
static char *db;
static char *inv, *inv2, *pros, *sup_plg, *sup_kanwil, *sup_ditjen, *admin;

/* the cases of the stage walk, opened once for the suite */
enum walk_case {
    W_PRE,        /* prapenyidikan, nothing for N days */
    W_NO_SPDP,    /* Sprindik 8 days ago, no SPDP */
    W_DETAINED,   /* a suspect detained 18 days ago */
    W_WITH_PU,    /* the PU received the file 8 days ago */
    W_UNRECEIVED, /* sent 20 days ago, receipt never recorded */
    W_RETURNED,   /* P-19 15 days ago */
    W_COMPLETE,   /* P-21 61 days ago */
    W_SP3,        /* SP3 3 days ago, not notified */
    W_HANDED,     /* Tahap II done */
    W_TAK,        /* administrative action */
    W_DISMISSED,  /* not pursued */
    W_COUNT
};
static long long walk[W_COUNT];
static long long detained_suspect;
static long long kejari_plg;

/* ---- HTTP ------------------------------------------------------------------------------ */

static json_t *call(const char *method, const char *path, const char *token, const char *body,
                    long want)
{
    return api_json(port, method, path, token, body, want);
}

/* POST with an Idempotency-Key: the status */
static long post_keyed(const char *path, const char *token, const char *body, const char *key)
{
    char url[256], auth[160], ik[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    snprintf(ik, sizeof ik, "Idempotency-Key: %s", key);
    const char *h[] = {auth, "Content-Type: application/json", ik, NULL};
    struct http_result r;
    ck_assert(http_do("POST", url, body, strlen(body), h, &r));
    long status = r.status;
    http_result_free(&r);
    return status;
}

static long long open_case(const char *summary, int opened_ago)
{
    char date[11], body[512];
    days_ago(opened_ago, date);
    snprintf(
        body, sizeof body,
        "{\"source\":\"supervision\",\"opened_on\":\"%s\",\"summary\":\"%s\",\"kejari_id\":%lld}",
        date, summary, kejari_plg);
    json_t *c = call("POST", "/api/v1/cases", inv, body, 201);
    long long id = json_integer_value(json_object_get(c, "id"));
    json_decref(c);
    return id;
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

static long long add_suspect(long long id, const char *name)
{
    char path[64], body[256];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body, "{\"kind\":\"suspect\",\"name\":\"%s\",\"nationality\":\"VN\"}",
             name);
    json_t *p = call("POST", path, inv, body, 201);
    long long pid = json_integer_value(json_object_get(p, "id"));
    json_decref(p);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"122\",\"party_id\":%lld}", pid);
    json_decref(call("POST", path, inv, body, 201)); /* Pasal 122: detainable (UU 6/2011 109) */
    return pid;
}

/* The notice owed to or about suspect (recipient: penetapan_tersangka, salinan_bap,
 * keluarga_penangkapan, ...) delivered `ago` days back: a file whose notices are in time, so
 * that what a test looks at is the file's own deadlines (a notice owed past its day is a
 * deadline of the file too: test_a_notice_owed_past_its_day_makes_the_file_overdue). */
static void notify(long long id, const char *recipient, long long suspect, int ago)
{
    char extra[160], party[48] = "";
    if (suspect > 0)
        snprintf(party, sizeof party, ",\"party_id\":%lld", suspect);
    snprintf(extra, sizeof extra, "\"recipient\":\"%s\"%s,\"received_by\":\"Penerima\"", recipient,
             party);
    rec(id, inv, "letter_delivered", ago, extra);
}

/* The family told of the arrest and the detention (KUHAP 18(3), 21(3)) and the foreign
 * suspect's representative (VCCR 36(1)(b)) the day he was held. */
static void held_told(long long id, long long suspect, int ago)
{
    notify(id, "keluarga_penangkapan", suspect, ago);
    notify(id, "keluarga_penahanan", suspect, ago);
    notify(id, "perwakilan_negara", suspect, ago);
}

/* Sprindik `ago` days back, then a suspect with his BAP, the SPDP and the
 * resume on the following days: a file ready for Tahap I (KUHAP 110(1)); the suspect told of
 * his designation (UU 20/2025 Pasal 90, D15), the SPDP received by each recipient and his BAP's
 * copy given (D16) the same days - unless told is false: no letter at all. */
static long long file_ready_with(long long id, int ago, bool told)
{
    char extra[64];
    rec(id, inv, "sprindik_issued", ago, NULL);
    long long s = add_suspect(id, "Trần Văn Bảo");
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec(id, inv, "suspect_designated", ago, extra);
    if (told)
        notify(id, "penetapan_tersangka", s, ago);
    rec(id, inv, "spdp_sent", ago - 1, "\"recipient\":\"kejari\"");
    /* the SPDP received by each recipient the day it was sent (Permenkumham 39/2021 Pasal 27;
     * the Kejari's tanda terima that day moves no P-17: it counts from the sending either way) */
    if (told) {
        notify(id, "spdp_kejari", 0, ago - 1);
        notify(id, "spdp_korwas", 0, ago - 1);
        notify(id, "spdp_pelapor", 0, ago - 1);
        notify(id, "spdp_tersangka", s, ago - 1);
        notify(id, "spdp_perwakilan_negara", s, ago - 1);
    }
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"bap\":\"tersangka\"", s);
    rec(id, inv, "bap_recorded", ago - 2, extra);
    if (told)
        notify(id, "salinan_bap", s, ago - 2);
    rec(id, inv, "resume_written", ago - 3, NULL);
    return s;
}

static long long file_ready(long long id, int ago)
{
    return file_ready_with(id, ago, true);
}

/* A rule-set value as the server has it (KUHAP-2025: today's acts). */
static int rule_value(const char *key)
{
    json_t *r = call("GET", "/api/v1/rulesets", inv, NULL, 200);
    json_t *set, *v;
    size_t i, k;
    int value = -1;
    json_array_foreach(json_object_get(r, "items"), i, set)
    {
        if (strcmp(json_string_value(json_object_get(set, "name")), "KUHAP-2025") != 0)
            continue;
        json_array_foreach(json_object_get(set, "values"), k, v)
        {
            if (strcmp(json_string_value(json_object_get(v, "key")), key) == 0)
                value = (int)json_integer_value(json_object_get(v, "value"));
        }
    }
    json_decref(r);
    ck_assert_msg(value >= 0, "no rule %s", key);
    return value;
}

/* Every item of the review list as token sees it (query may narrow it). */
static json_t *review_all(const char *token, const char *query)
{
    json_t *all = json_array();
    char cursor[128] = "";
    for (int page = 0; page < 100; page++) {
        char path[512];
        snprintf(path, sizeof path, "/api/v1/review?limit=100%s%s%s%s", query ? "&" : "",
                 query ? query : "", cursor[0] ? "&cursor=" : "", cursor);
        json_t *p = call("GET", path, token, NULL, 200);
        json_array_extend(all, json_object_get(p, "items"));
        json_t *next = json_object_get(p, "next_cursor");
        if (!json_is_string(next)) {
            json_decref(p);
            return all;
        }
        snprintf(cursor, sizeof cursor, "%s", json_string_value(next));
        json_decref(p);
    }
    ck_abort_msg("the review list does not end");
    return all;
}

static json_t *item_of(json_t *items, long long case_id)
{
    json_t *it;
    size_t i;
    json_array_foreach(items, i, it)
    {
        if (json_integer_value(json_object_get(it, "case_id")) == case_id)
            return it;
    }
    return NULL;
}

static const char *reason_str(json_t *it, const char *key)
{
    const char *s = json_string_value(json_object_get(json_object_get(it, "reason"), key));
    return s ? s : "";
}

static const char *str_of(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static long long reason_int(json_t *it, const char *key)
{
    return json_integer_value(json_object_get(json_object_get(it, "reason"), key));
}

/* ---- the fixture ------------------------------------------------------------------------ */

static char *token_of(const char *nip)
{
    char *t = api_login(port, nip, DEMO_PW);
    ck_assert_ptr_nonnull(t);
    return t;
}

static void setup(void)
{
    db = harness_new_db("review_suite");
    char *extra[] = {"--db", db, "--demo", NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    /* these suites check the lists over files at every stage; the documents
     * that Tahap I also needs (issue 8) are checked in test_acts.c */
    harness_setting(db, "dossier.tahap1_requires_documents", "false");
    inv = token_of(NIP_INV_PLG);
    inv2 = token_of(NIP_INV_PLG2);
    pros = token_of(NIP_PROS_PLG);
    sup_plg = token_of(NIP_SUP_PLG);
    sup_kanwil = token_of(NIP_SUP_KANWIL);
    sup_ditjen = token_of(NIP_SUP_DITJEN);
    admin = token_of(NIP_ADMIN_DITJEN);
    char *k = sql_value(db, "SELECT id FROM app.offices WHERE code = 'KEJARI-PLG'", 0, NULL);
    kejari_plg = strtoll(k, NULL, 10);
    free(k);

    walk[W_PRE] = open_case("Uji tinjauan: prapenyidikan diam", 31);

    walk[W_NO_SPDP] = open_case("Uji tinjauan: SPDP belum dikirim", 10);
    rec(walk[W_NO_SPDP], inv, "sprindik_issued", 8, NULL);

    walk[W_DETAINED] = open_case("Uji tinjauan: tersangka ditahan", 25);
    detained_suspect = file_ready(walk[W_DETAINED], 20);
    char at[11], body[512], path[64];
    days_ago(18, at);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", walk[W_DETAINED]);
    snprintf(body, sizeof body,
             "{\"type\":\"arrested\",\"at\":\"%sT09:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/1/2026\"}",
             at, detained_suspect);
    json_decref(call("POST", path, inv, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"%sT15:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"polri_order\":\"SP.Han/1/2026\"}",
             at, detained_suspect);
    json_decref(call("POST", path, inv, body, 201));
    held_told(walk[W_DETAINED], detained_suspect, 18);

    walk[W_WITH_PU] = open_case("Uji tinjauan: berkas di PU", 20);
    file_ready(walk[W_WITH_PU], 15);
    rec(walk[W_WITH_PU], inv, "tahap1_sent", 9, NULL);
    rec(walk[W_WITH_PU], pros, "tahap1_received_by_pu", 8, NULL);

    walk[W_UNRECEIVED] = open_case("Uji tinjauan: tanda terima tidak dicatat", 35);
    file_ready(walk[W_UNRECEIVED], 30);
    rec(walk[W_UNRECEIVED], inv, "tahap1_sent", 20, NULL);

    walk[W_RETURNED] = open_case("Uji tinjauan: P-19", 40);
    file_ready(walk[W_RETURNED], 35);
    rec(walk[W_RETURNED], inv, "tahap1_sent", 25, NULL);
    rec(walk[W_RETURNED], pros, "tahap1_received_by_pu", 24, NULL);
    rec(walk[W_RETURNED], pros, "p19_received", 15, "\"instructions\":[\"Lengkapi BAP saksi\"]");

    walk[W_COMPLETE] = open_case("Uji tinjauan: P-21 tanpa Tahap II", 80);
    file_ready(walk[W_COMPLETE], 75);
    rec(walk[W_COMPLETE], inv, "tahap1_sent", 66, NULL);
    rec(walk[W_COMPLETE], pros, "tahap1_received_by_pu", 65, NULL);
    rec(walk[W_COMPLETE], pros, "p21_received", 61, NULL);

    walk[W_SP3] = open_case("Uji tinjauan: SP3 belum diberitahukan", 30);
    file_ready(walk[W_SP3], 25);
    rec(walk[W_SP3], inv, "sp3_issued", 3,
        "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");

    walk[W_HANDED] = open_case("Uji tinjauan: Tahap II selesai", 60);
    file_ready(walk[W_HANDED], 55);
    rec(walk[W_HANDED], inv, "tahap1_sent", 45, NULL);
    rec(walk[W_HANDED], pros, "tahap1_received_by_pu", 44, NULL);
    rec(walk[W_HANDED], pros, "p21_received", 40, NULL);
    rec(walk[W_HANDED], inv, "tahap2_done", 30, NULL);

    walk[W_TAK] = open_case("Uji tinjauan: TAK", 40);
    rec(walk[W_TAK], inv, "tak_decided", 38, "\"note\":\"deportasi\"");

    walk[W_DISMISSED] = open_case("Uji tinjauan: tidak dilanjutkan", 40);
    rec(walk[W_DISMISSED], inv, "dismissed", 39, "\"note\":\"tidak terbukti\"");
}

static void teardown(void)
{
    proc_stop(&server);
    proc_free(&server);
    char **tokens[] = {&inv, &inv2, &pros, &sup_plg, &sup_kanwil, &sup_ditjen, &admin};
    for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++)
        free(*tokens[i]);
    free(db);
}

/* ---- the reason at every stage --------------------------------------------------------- */

/* The item of case c: listed with reason code, actor and state, its last
 * day in time `due_ago` days before today (negative: ahead). */
static void expect_reason(json_t *items, enum walk_case c, const char *code, const char *actor,
                          const char *state, int due_ago, const char *why)
{
    json_t *it = item_of(items, walk[c]);
    ck_assert_msg(it != NULL, "%s: case %lld not in the review list", why, walk[c]);
    char due[11];
    days_ago(due_ago, due);
    ck_assert_msg(strcmp(reason_str(it, "code"), code) == 0, "%s: reason %s, want %s", why,
                  reason_str(it, "code"), code);
    ck_assert_msg(strcmp(reason_str(it, "actor"), actor) == 0, "%s: actor %s, want %s", why,
                  reason_str(it, "actor"), actor);
    ck_assert_msg(strcmp(json_string_value(json_object_get(it, "state")), state) == 0,
                  "%s: state %s, want %s (%s)", why,
                  json_string_value(json_object_get(it, "state")), state,
                  json_dumps(it, JSON_COMPACT));
    ck_assert_msg(strcmp(reason_str(it, "due_date"), due) == 0, "%s: due %s, want %s", why,
                  reason_str(it, "due_date"), due);
    ck_assert_int_eq(reason_int(it, "days_left"), -due_ago);
}

START_TEST(test_reason_and_actor_at_every_stage)
{
    json_t *items = review_all(sup_kanwil, NULL);
    /* D1: SPDP within 7 days of the Sprindik (day 0): the 7th day passed yesterday */
    expect_reason(items, W_NO_SPDP, "spdp", "investigator", "overdue", 1, "D1 SPDP");
    /* D5: 20 days of detention, day 1 the order's: 18 days ago -> ends tomorrow; the
     * practice of asking for the extension 7 days ahead (DOMAIN 4.8) is a warning */
    expect_reason(items, W_DETAINED, "detention", "investigator", "warning", -1, "D5 detention");
    json_t *party =
        json_object_get(json_object_get(item_of(items, walk[W_DETAINED]), "reason"), "party");
    ck_assert_int_eq(json_integer_value(json_object_get(party, "id")), detained_suspect);
    ck_assert_str_eq(json_string_value(json_object_get(party, "name")), "Trần Văn Bảo");
    /* ... and the detention is named among the suspect's detentions */
    json_t *dets = json_object_get(item_of(items, walk[W_DETAINED]), "detentions");
    ck_assert_uint_eq(json_array_size(dets), 1);
    /* D9: the PU answers within 7 days of receipt */
    expect_reason(items, W_WITH_PU, "pu_answer", "prosecutor", "overdue", 1, "D9 PU answer");
    /* D11: the investigator re-sends within 14 days of the P-19 */
    expect_reason(items, W_RETURNED, "resend", "investigator", "overdue", 1, "D11 resend");
    /* D12: Tahap II within 60 days of the P-21 */
    expect_reason(items, W_COMPLETE, "tahap2", "investigator", "overdue", 1, "D12 Tahap II");
    /* D13 under UU 20/2025 Pasal 24(4): notify the SP3 within 1 Hari */
    expect_reason(items, W_SP3, "sp3_notify", "investigator", "overdue", 2, "D13 SP3 notice");
    /* no legal clock: "no act for N days", N per stage from the rule set */
    int pre = rule_value("stall_pre_investigation_days");
    expect_reason(items, W_PRE, "stall", "investigator", "stalled", 31 - pre + 1,
                  "prapenyidikan without a decision");
    /* its words are Indonesian, the date too ("4 Desember 2026", not ISO) */
    {
        static const char *const bulan[] = {"Januari",   "Februari", "Maret",    "April",
                                            "Mei",       "Juni",     "Juli",     "Agustus",
                                            "September", "Oktober",  "November", "Desember"};
        char iso[11], want[128];
        days_ago(31, iso);
        int y, m, d;
        ck_assert_int_eq(sscanf(iso, "%d-%d-%d", &y, &m, &d), 3);
        snprintf(want, sizeof want, "Tidak ada kegiatan sejak %d %s %d (batas %d hari)", d,
                 bulan[m - 1], y, pre);
        ck_assert_str_eq(reason_str(item_of(items, walk[W_PRE]), "label"), want);
    }
    /* a file sent whose receipt nobody recorded: no PU clock runs, the
     * prosecutor's silence shows after the stage's N days */
    int with_pu = rule_value("stall_with_prosecutor_days");
    expect_reason(items, W_UNRECEIVED, "stall", "prosecutor", "stalled", 20 - with_pu + 1,
                  "file with the PU, no receipt");
    /* what no one has to act on is not listed */
    ck_assert_ptr_null(item_of(items, walk[W_HANDED]));
    ck_assert_ptr_null(item_of(items, walk[W_TAK]));
    ck_assert_ptr_null(item_of(items, walk[W_DISMISSED]));
    /* the P-19 round is counted */
    ck_assert_int_eq(
        json_integer_value(json_object_get(item_of(items, walk[W_RETURNED]), "p19_rounds")), 1);
    json_decref(items);
}
END_TEST

/* DOMAIN 10.1 (bolak-balik berkas): a file returned a second time is marked. P-19 is given
 * once (SE JAM Pidum B-3326/E/EJP/11/2011); the later return is the ordinary letter naming the
 * unmet items, and it is a return of the file all the same: the list counts both rounds, and
 * the rule pingpong_rounds ("a second return", 2) marks it, as the case page counts it. */
START_TEST(test_a_file_returned_again_by_letter_is_a_second_round_and_marked)
{
    ck_assert_int_eq(rule_value("pingpong_rounds"), 2);
    long long id = open_case("Uji tinjauan: dikembalikan dua kali", 50);
    file_ready(id, 45);
    rec(id, inv, "tahap1_sent", 40, NULL);
    rec(id, pros, "tahap1_received_by_pu", 39, NULL);
    rec(id, pros, "p19_received", 37, "\"instructions\":[\"Lampirkan SIMKIM\"]");
    char cid[24], extra[128];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *item =
        sql_value(db, "SELECT id::text FROM app.instructions WHERE case_id = $1::bigint", 1, p);
    snprintf(extra, sizeof extra, "\"instruction_id\":%s,\"answer\":\"Sudah\"", item);
    rec(id, inv, "instruction_answered", 33, extra);
    rec(id, inv, "resubmitted", 32, NULL);
    rec(id, pros, "tahap1_received_by_pu", 31, NULL);
    snprintf(extra, sizeof extra, "\"unmet\":[%s]", item);
    rec(id, pros, "return_letter_received", 30, extra);
    free(item);
    json_t *items = review_all(sup_plg, NULL);
    json_t *it = item_of(items, id);
    ck_assert_ptr_nonnull(it);
    ck_assert_int_eq(json_integer_value(json_object_get(it, "p19_rounds")), 2);
    ck_assert(json_is_true(json_object_get(it, "pingpong")));
    json_decref(items);
    /* counted so for the office */
    json_t *counts = call("GET", "/api/v1/review/offices", sup_plg, NULL, 200);
    json_t *o;
    size_t i;
    long long pingpong = -1;
    json_array_foreach(json_object_get(counts, "items"), i, o)
    {
        if (strcmp(json_string_value(json_object_get(o, "code")), "KANIM-PLG") == 0)
            pingpong = json_integer_value(json_object_get(o, "pingpong"));
    }
    ck_assert_int_ge(pingpong, 1);
    json_decref(counts);
    /* as the case page counts the returns */
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, sup_plg, NULL, 200);
    ck_assert_int_eq(json_integer_value(json_object_get(c, "p19_returns")), 2);
    json_decref(c);
}
END_TEST

/* The item of id in list, or a failure naming why. */
static json_t *listed(json_t *list, long long id, const char *why)
{
    json_t *it = item_of(list, id);
    ck_assert_msg(it != NULL, "%s: case %lld not listed", why, id);
    return it;
}

/* ---- a person held outranks every other reason ---------------------------------------- */

/* The suspect of case id arrested at 09:00 and detained at 15:00 on the day `ago` days back
 * (KUHAP 19(1): within the arrest's day), under a Polri order (UU 20/2025). */
static void hold(long long id, long long suspect, int ago)
{
    char at[11], body[512], path[64];
    days_ago(ago, at);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"arrested\",\"at\":\"%sT09:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/7/2026\"}",
             at, suspect);
    json_decref(call("POST", path, inv, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"%sT15:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"polri_order\":\"SP.Han/7/2026\"}",
             at, suspect);
    json_decref(call("POST", path, inv, body, 201));
    held_told(id, suspect, ago);
}

/* A file in investigation whose SPDP was sent `spdp_ago` days back (its receipt at the Kejari
 * never recorded: the P-17 counts from the sending, DOMAIN D14), no file sent since; its
 * suspect in *suspect. */
static long long spdp_case(const char *summary, int spdp_ago, long long *suspect)
{
    long long id = open_case(summary, spdp_ago + 3);
    *suspect = file_ready(id, spdp_ago + 1);
    return id;
}

/* The item's member key (an object) has this code; "" for null. */
static const char *code_of(json_t *it, const char *key)
{
    const char *s = json_string_value(json_object_get(json_object_get(it, key), "code"));
    return s ? s : "";
}

/* Case id is (listed) or is not in the Kanwil's list narrowed by query. */
static void in_filter(const char *query, long long id, bool listed_there)
{
    json_t *r = review_all(sup_kanwil, query);
    ck_assert_msg((item_of(r, id) != NULL) == listed_there, "case %lld %s under ?%s", id,
                  listed_there ? "not listed" : "listed", query);
    json_decref(r);
}

/* The brief's defect, as the demo data showed it: a suspect held past KUHAP 24's 20 days in a
 * file whose P-17 (the prosecutor's) fell due even earlier.  Who is held is the reason, and
 * the investigator who holds him must act; the file is overdue and ordered by its earliest
 * deadline, the P-17 named beside the reason. */
START_TEST(test_a_suspect_held_past_his_time_is_the_reason_before_an_overdue_p17)
{
    int p17 = rule_value("p17_days");
    ck_assert_int_lt(p17, 99 - 41); /* the P-17 falls due before the detention ends */
    long long s;
    long long id = spdp_case("Tahanan lewat waktu dan P-17 lewat", 99, &s);
    /* detained 60 days ago: 20 days, day 1 the order's (KUHAP 24(1)): the last day was 41
     * days ago, not extended, not released */
    hold(id, s, 60);
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "held past his time");
    ck_assert_str_eq(reason_str(it, "code"), "detention");
    ck_assert_str_eq(reason_str(it, "actor"), "investigator");
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_object_get(json_object_get(it, "reason"), "party"), "id")),
                     s);
    char due[11];
    days_ago(41, due);
    ck_assert_str_eq(reason_str(it, "due_date"), due);
    ck_assert_int_eq(reason_int(it, "days_left"), -41);
    ck_assert_str_eq(reason_str(it, "state"), "overdue");
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    /* the P-17, due p17 days after the sending, came first: it orders the row */
    json_t *first = json_object_get(it, "earliest");
    ck_assert_str_eq(code_of(it, "earliest"), "p17");
    days_ago(99 - p17, due);
    ck_assert_str_eq(json_string_value(json_object_get(first, "due_date")), due);
    ck_assert_str_eq(json_string_value(json_object_get(it, "next_due_at")),
                     json_string_value(json_object_get(first, "due_at")));
    json_decref(items);
    /* found where a supervisor looks for the held, and by the late P-17 too (every late clock
     * is a reason); who must act is the headline's: the investigator who holds him */
    in_filter("reason=detention", id, true);
    in_filter("reason=p17", id, true);
    in_filter("reason=pu_answer", id, false);
    json_t *why = review_all(sup_kanwil, "reason=p17");
    json_t *r = json_object_get(listed(why, id, "by its late P-17"), "reasons");
    ck_assert_uint_eq(json_array_size(r), 2);
    ck_assert_str_eq(str_of(json_array_get(r, 0), "code"), "detention");
    ck_assert_str_eq(str_of(json_array_get(r, 1), "code"), "p17");
    json_decref(why);
    in_filter("actor=investigator", id, true);
    in_filter("actor=prosecutor", id, false);
    in_filter("state=overdue", id, true);
    in_filter("reason=detention&state=overdue", id, true);
}
END_TEST

/* A detention in time does not make the file "in time": its P-17 has passed, so it is
 * overdue (listed, counted and filtered so), and the row's words name the clock that is late -
 * the P-17, the prosecutor's - not "Penahanan, 14 days left" under an overdue mark (the brief
 * of board2); the one held is on the row all the same (detentions), and the file is found by
 * the detention as before. */
START_TEST(test_a_detention_in_time_does_not_hide_the_late_p17)
{
    int p17 = rule_value("p17_days");
    long long s;
    long long id = spdp_case("Tahanan dalam waktu, P-17 lewat", p17 + 10, &s);
    hold(id, s, 5); /* last day 14 days ahead: no warning yet (7 days before, DOMAIN 4.8) */
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "detention in time");
    ck_assert_str_eq(reason_str(it, "code"), "p17");
    ck_assert_str_eq(reason_str(it, "actor"), "prosecutor");
    ck_assert_str_eq(reason_str(it, "state"), "overdue");
    ck_assert_int_eq(reason_int(it, "days_left"), -10);
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    ck_assert(json_is_null(json_object_get(it, "earliest"))); /* the P-17 is the headline */
    json_t *d = json_array_get(json_object_get(it, "detentions"), 0);
    char due[11];
    days_ago(-14, due);
    ck_assert_str_eq(str_of(d, "code"), "detention");
    ck_assert_str_eq(str_of(d, "due_date"), due);
    ck_assert_str_eq(str_of(d, "state"), "ok");
    json_decref(items);
    in_filter("state=overdue", id, true);
    in_filter("reason=detention&state=overdue", id, true);
    in_filter("reason=p17", id, true);
    in_filter("actor=prosecutor", id, true);
    in_filter("actor=investigator", id, false);
    /* the office's count of overdue files holds it: as many as the list shows */
    json_t *counts = call("GET", "/api/v1/review/offices?office=KANIM-PLG", sup_kanwil, NULL, 200);
    json_t *overdue = review_all(sup_kanwil, "office=KANIM-PLG&state=overdue");
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_object_get(counts, "total"), "overdue")),
        (long long)json_array_size(overdue));
    json_decref(overdue);
    json_decref(counts);
}
END_TEST

/* Released, he is no longer held: the reason is the file's own deadline again. */
START_TEST(test_a_released_suspect_is_no_longer_the_reason)
{
    int p17 = rule_value("p17_days");
    long long s;
    long long id = spdp_case("Tersangka dikeluarkan, P-17 lewat", 99, &s);
    hold(id, s, 60);
    char extra[96];
    /* his 20 days ended 41 days ago (KUHAP 24(4)) */
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"ground\":\"masa_penahanan_habis\"", s);
    rec(id, inv, "released", 30, extra);
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "released");
    ck_assert_str_eq(reason_str(it, "code"), "p17");
    ck_assert_str_eq(reason_str(it, "actor"), "prosecutor");
    char due[11];
    days_ago(99 - p17, due);
    ck_assert_str_eq(reason_str(it, "due_date"), due);
    ck_assert(json_is_null(json_object_get(it, "earliest")));
    ck_assert_uint_eq(json_array_size(json_object_get(it, "detentions")), 0);
    json_decref(items);
    in_filter("reason=p17", id, true);
    in_filter("reason=detention", id, false);
    in_filter("actor=prosecutor", id, true);
}
END_TEST

/* The codes of the row's reasons (every late clock, the headline first), "a,b,...,". */
static void reasons_of(json_t *it, char *out, size_t size)
{
    json_t *r;
    size_t i, used = 0;
    out[0] = '\0';
    json_array_foreach(json_object_get(it, "reasons"), i, r)
    {
        int w = snprintf(out + used, size - used, "%s,", str_of(r, "code"));
        if (w > 0 && used + (size_t)w < size)
            used += (size_t)w;
    }
}

/* The acceptance tester's two files (DOMAIN 10.1: "investigator ignores the 14-day return
 * limit", "files with PU beyond 14 days"; 11 item 9): each with the suspect never told of his
 * designation (an older notice overdue, UU 20/2025 Pasal 90 as reported) -
 *   A: returned with a P-19 21 days ago, not re-sent: the investigator is 7 days late (KUHAP
 *      138(2): 14 days);
 *   B: received by the PU 27 days ago, no answer: 13 days past the 14 after which the file is
 *      complete by law (KUHAP 110(4)), 20 past the 7 of 138(1).
 * The board showed both under the older notice and found neither by reason=resend or
 * reason=pu_return. Each late clock is a reason the file is found by; the row's headline is the
 * weightiest (the file's own clocks before the notices; the deemed-complete 14 days before the
 * 7-day answer) and says who must act, since when, how late. */
START_TEST(test_every_late_clock_is_a_reason_and_the_weightiest_is_the_headline)
{
    long long a = open_case("Kirim ulang lewat 14 hari setelah P-19", 62);
    file_ready_with(a, 60, false);
    rec(a, inv, "tahap1_sent", 30, NULL);
    rec(a, pros, "tahap1_received_by_pu", 29, NULL);
    rec(a, pros, "p19_received", 21, "\"instructions\":[\"Lengkapi BAP saksi pelapor\"]");
    long long b = open_case("Penuntut umum diam lewat 14 hari", 62);
    file_ready_with(b, 60, false);
    rec(b, inv, "tahap1_sent", 30, NULL);
    rec(b, pros, "tahap1_received_by_pu", 27, NULL);
    json_t *items = review_all(sup_kanwil, NULL);
    char due[11], reasons[512];
    json_t *it = listed(items, a, "resend late");
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    ck_assert_str_eq(reason_str(it, "code"), "resend");
    ck_assert_str_eq(reason_str(it, "actor"), "investigator");
    ck_assert_str_eq(reason_str(it, "state"), "overdue");
    days_ago(7, due);
    ck_assert_str_eq(reason_str(it, "due_date"), due);
    ck_assert_int_eq(reason_int(it, "days_left"), -7);
    reasons_of(it, reasons, sizeof reasons);
    ck_assert_msg(strncmp(reasons, "resend,", 7) == 0 && strstr(reasons, "designation_notice,"),
                  "%s", reasons);
    /* the older notice is named beside it, as before */
    ck_assert_str_eq(code_of(it, "earliest"), "designation_notice");
    it = listed(items, b, "PU silent");
    ck_assert_str_eq(reason_str(it, "code"), "pu_return");
    ck_assert_str_eq(reason_str(it, "actor"), "prosecutor");
    days_ago(13, due);
    ck_assert_str_eq(reason_str(it, "due_date"), due);
    ck_assert_int_eq(reason_int(it, "days_left"), -13);
    reasons_of(it, reasons, sizeof reasons);
    ck_assert_msg(strncmp(reasons, "pu_return,pu_answer,", 20) == 0 &&
                      strstr(reasons, "designation_notice,"),
                  "%s", reasons);
    json_decref(items);
    in_filter("reason=resend", a, true);
    in_filter("reason=designation_notice", a, true);
    in_filter("reason=pu_return", a, false);
    in_filter("actor=investigator", a, true);
    in_filter("actor=prosecutor", a, false);
    in_filter("reason=pu_return", b, true);
    in_filter("reason=pu_answer", b, true);
    in_filter("reason=designation_notice", b, true);
    in_filter("reason=resend", b, false);
    in_filter("reason=pu_return&state=overdue", b, true);
    in_filter("actor=prosecutor", b, true);
    in_filter("actor=investigator", b, false);
    /* the filtered rows say the reason they were found by among theirs, and the actor filter
     * lists only rows whose headline names that actor */
    items = review_all(sup_kanwil, "actor=prosecutor");
    json_t *x;
    size_t i;
    json_array_foreach(items, i, x)
    {
        ck_assert_str_eq(reason_str(x, "actor"), "prosecutor");
    }
    json_decref(items);
}
END_TEST

/* On the last day of a detention (KUHAP 24(1): 20 days, day 1 the order's) the suspect is
 * lawfully held until midnight; the family never given the copies of the arrest's and the
 * detention's orders (KUHAP 18(3), 21(3)) makes the file overdue. The row said "!! LEWAT
 * Penahanan ... SISA 0": its words must name the clock that is late - a notice - while the
 * detention is on the row in time. */
START_TEST(test_on_the_last_day_of_a_detention_the_row_names_the_late_notice)
{
    long long id = open_case("Hari terakhir penahanan, tembusan keluarga lewat", 40);
    long long s = file_ready(id, 38);
    char at[11], body[512], path[64];
    days_ago(19, at);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"arrested\",\"at\":\"%sT09:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/8/2026\"}",
             at, s);
    json_decref(call("POST", path, inv, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"detained\",\"at\":\"%sT15:00:00+07:00\",\"party_id\":%lld,"
             "\"detention_type\":\"rutan\",\"polri_order\":\"SP.Han/8/2026\"}",
             at, s);
    json_decref(call("POST", path, inv, body, 201));
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "last day of detention");
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    ck_assert_str_ne(reason_str(it, "code"), "detention");
    ck_assert_str_eq(reason_str(it, "state"), "overdue");
    ck_assert_int_lt(reason_int(it, "days_left"), 0);
    json_t *d = json_array_get(json_object_get(it, "detentions"), 0);
    ck_assert_str_eq(str_of(d, "code"), "detention");
    ck_assert_int_eq(json_integer_value(json_object_get(d, "days_left")), 0);
    ck_assert_str_ne(str_of(d, "state"), "overdue");
    char reasons[512];
    reasons_of(it, reasons, sizeof reasons);
    ck_assert_msg(strncmp(reasons, "detention,", 10) != 0 && !strstr(reasons, ",detention,") &&
                      strstr(reasons, "family_detention_notice,"),
                  "%s", reasons);
    json_decref(items);
    in_filter("reason=family_detention_notice", id, true);
    in_filter("reason=detention", id, true); /* the one held, as before */
}
END_TEST

/* The overdue files KANIM-PLG's row of the counts per office gives the Kanwil's supervisor. */
static long long plg_overdue(void)
{
    json_t *c = call("GET", "/api/v1/review/offices?office=KANIM-PLG", sup_kanwil, NULL, 200);
    long long n = json_integer_value(
        json_object_get(json_array_get(json_object_get(c, "items"), 0), "overdue"));
    json_decref(c);
    return n;
}

/* A notice the law owes past its day makes the file overdue for the supervisor: the suspect
 * designated three days ago and not told of it (UU 20/2025 Pasal 90 as reported, DOMAIN D15:
 * within 1 day, designation_notice_days) - the case page says "Lewat waktu", and the board, its
 * filters and the counts per office said "Aman" (the brief's defect). The investigator must
 * act; the notice delivered, the file is in time again. */
START_TEST(test_a_notice_owed_past_its_day_makes_the_file_overdue)
{
    ck_assert_int_eq(rule_value("designation_notice_days"), 1);
    long long id = open_case("Pemberitahuan penetapan lewat waktu", 4);
    rec(id, inv, "sprindik_issued", 3, NULL);
    long long s = add_suspect(id, "Nguyễn Thị Lan");
    long long before = plg_overdue();
    /* the SPDP falls due 4 days ahead (D1): nothing has passed */
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "before the designation");
    ck_assert_str_ne(json_string_value(json_object_get(it, "state")), "overdue");
    json_decref(items);
    char extra[64], due[11];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec(id, inv, "suspect_designated", 3, extra);
    /* day 0 the designation's date: the last day in time was 2 days ago */
    items = review_all(sup_kanwil, NULL);
    it = listed(items, id, "designation not told");
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    ck_assert_str_eq(reason_str(it, "code"), "designation_notice");
    ck_assert_str_eq(reason_str(it, "actor"), "investigator");
    ck_assert_str_eq(reason_str(it, "state"), "overdue");
    days_ago(2, due);
    ck_assert_str_eq(reason_str(it, "due_date"), due);
    ck_assert_int_eq(reason_int(it, "days_left"), -2);
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_object_get(json_object_get(it, "reason"), "party"), "id")),
                     s);
    /* still listed among the file's notices, as the case page lists it */
    json_t *n = json_array_get(json_object_get(it, "notices"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(n, "code")), "designation_notice");
    json_decref(items);
    in_filter("state=overdue", id, true);
    in_filter("reason=designation_notice", id, true);
    in_filter("actor=investigator&state=overdue", id, true);
    in_filter("state=ok", id, false);
    ck_assert_int_eq(plg_overdue(), before + 1);
    /* told yesterday (late): the clock is met, the file in time again */
    notify(id, "penetapan_tersangka", s, 1);
    items = review_all(sup_kanwil, NULL);
    it = listed(items, id, "designation told");
    ck_assert_str_ne(json_string_value(json_object_get(it, "state")), "overdue");
    ck_assert_str_eq(reason_str(it, "code"), "spdp");
    json_decref(items);
    in_filter("state=overdue", id, false);
    ck_assert_int_eq(plg_overdue(), before);
}
END_TEST

static long long events_of(long long id);

/* A party of kind (reporter, victim, witness) added to case id. */
static void add_party(long long id, const char *kind, const char *name)
{
    char path[64], body[256];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    snprintf(body, sizeof body, "{\"kind\":\"%s\",\"name\":\"%s\"}", kind, name);
    json_decref(call("POST", path, inv, body, 201));
}

/* The case's source corrected (PUT /api/v1/cases/{id}, If-Match its version). */
static void case_source(long long id, const char *source, int version)
{
    char url[160], auth[160], match[48], body[96];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v1/cases/%lld", port, id);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", inv);
    snprintf(match, sizeof match, "If-Match: \"%d\"", version);
    snprintf(body, sizeof body, "{\"source\":\"%s\"}", source);
    const char *h[] = {auth, "Content-Type: application/json", match, NULL};
    struct http_result r;
    ck_assert(http_do("PUT", url, body, strlen(body), h, &r));
    ck_assert_msg(r.status == 200, "PUT source: %ld", r.status);
    http_result_free(&r);
}

/* The clock of code on case id's page (the first) or NULL; the page in *page (freed first
 * when set; the caller frees the last). */
static json_t *page_clock_or_null(long long id, const char *code, json_t **page)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_decref(*page);
    *page = call("GET", path, inv, NULL, 200);
    json_t *clk;
    size_t i;
    json_array_foreach(json_object_get(*page, "clocks"), i, clk)
    {
        if (strcmp(json_string_value(json_object_get(clk, "code")), code) == 0)
            return clk;
    }
    return NULL;
}

/* The clock of code on case id's page (the first), held in *page (the caller frees it). */
static json_t *page_clock(long long id, const char *code, json_t **page)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    *page = call("GET", path, inv, NULL, 200);
    json_t *clk;
    size_t i;
    json_array_foreach(json_object_get(*page, "clocks"), i, clk)
    {
        if (strcmp(json_string_value(json_object_get(clk, "code")), code) == 0)
            return clk;
    }
    ck_abort_msg("case %lld has no clock %s", id, code);
    return NULL;
}

/* The row's notice of code (the first), or NULL. */
static json_t *notice_of(json_t *it, const char *code)
{
    json_t *n;
    size_t i;
    json_array_foreach(json_object_get(it, "notices"), i, n)
    {
        if (strcmp(json_string_value(json_object_get(n, "code")), code) == 0)
            return n;
    }
    return NULL;
}

/* Notice n of the row is missed: never delivered when the file ended by `by` `ago` days back. */
static void missed(json_t *it, const char *code, const char *by, int ago)
{
    json_t *n = notice_of(it, code);
    ck_assert_msg(n != NULL, "no notice %s", code);
    char on[11];
    days_ago(ago, on);
    ck_assert(json_is_true(json_object_get(n, "missed")));
    ck_assert_str_eq(json_string_value(json_object_get(n, "state")), "missed");
    ck_assert_str_eq(json_string_value(json_object_get(n, "closed_by")), by);
    ck_assert_str_eq(json_string_value(json_object_get(n, "closed_on")), on);
}

/* The acceptance tester's defect: a closed file - terminated by SP3, or handed over at Tahap II -
 * stayed at the top of every supervisor's board as overdue for notices no one could deliver any
 * more (the family's copy of an arrest order, KUHAP 18(3); the SPDP to the reporter, MK
 * 130/PUU-XIII/2015), a letter_delivered refused 409 on the handed-over file.  Decided
 * (core/clock.c close_owed): the act that ends the file closes the notices still owed; one past its
 * day is a missed notice - on the board's row (missed, closed_by, closed_on) and the case's clocks
 * (not delivered, overdue) - but no deadline: not the file's state, not in the overdue counts.  A
 * delivery recorded after an SP3 (the stage still takes a letter) is a late delivery, no longer
 * missed.  Not the notices of a suspect's custody (the family's copy of his arrest's order, the
 * consular notice): owed because he was taken, they outlive the file (found in a later
 * acceptance play) - still owed, listed and counted until delivered. */
/* KUHAP 20, 24(3), 109(2); DOMAIN 4.15: detention serves the investigation, and an SP3 ends it -
 * the suspect held is owed his release at once. The acceptance tester's file: detained, then the
 * SP3 (201), and the case page said "ok, 17 days left", the board "Lewat waktu ... Penahanan ...
 * SISA". Now his detention's clock is due the day of the SP3, the investigator's: two days later
 * it is the row's headline, overdue by two days, in the words of the release owed; recorded
 * released, it is off the row. */
START_TEST(test_after_an_sp3_the_suspect_held_is_owed_his_release_at_once)
{
    long long id = open_case("SP3 sementara tersangka ditahan", 12);
    long long s = file_ready(id, 10);
    hold(id, s, 3); /* day 1 three days ago: his period ends 17 days ahead */
    rec(id, inv, "sp3_issued", 2, "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    char due[11];
    days_ago(2, due);
    json_t *page = NULL;
    json_t *c = page_clock(id, "detention", &page);
    ck_assert_str_eq(str_of(c, "due_date"), due);
    ck_assert_str_eq(str_of(c, "state"), "overdue");
    ck_assert_ptr_nonnull(strstr(str_of(c, "label"), "SP3"));
    json_decref(page);
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "held after the SP3");
    ck_assert_str_eq(reason_str(it, "code"), "detention");
    ck_assert_str_eq(reason_str(it, "actor"), "investigator");
    ck_assert_str_eq(reason_str(it, "state"), "overdue");
    ck_assert_str_eq(reason_str(it, "due_date"), due);
    ck_assert_int_eq(reason_int(it, "days_left"), -2);
    ck_assert_ptr_nonnull(strstr(reason_str(it, "label"), "Pembebasan tersangka"));
    json_decref(items);
    in_filter("reason=detention&state=overdue", id, true);
    char extra[96];
    snprintf(extra, sizeof extra, "\"party_id\":%lld,\"ground\":\"penyidikan_dihentikan\"", s);
    rec(id, inv, "released", 0, extra);
    items = review_all(sup_kanwil, NULL);
    it = listed(items, id, "released after the SP3, its notice still owed");
    ck_assert_str_eq(reason_str(it, "code"), "sp3_notify");
    ck_assert_uint_eq(json_array_size(json_object_get(it, "detentions")), 0);
    json_decref(items);
    in_filter("reason=detention", id, false);
}
END_TEST

START_TEST(test_a_closed_file_keeps_its_missed_notices_off_the_board)
{
    long long id = open_case("SP3, tembusan keluarga tidak pernah disampaikan", 40);
    long long s = file_ready_with(id, 35, false);
    char at[11], body[512], path[64];
    days_ago(31, at);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"arrested\",\"at\":\"%sT09:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/9/2026\"}",
             at, s);
    json_decref(call("POST", path, inv, body, 201));
    snprintf(body, sizeof body,
             "{\"type\":\"released\",\"at\":\"%sT12:00:00+07:00\",\"party_id\":%lld,"
             "\"ground\":\"tidak_perlu_ditahan\"}",
             at, s);
    json_decref(call("POST", path, inv, body, 201));
    /* open, its notices owed past their day: overdue, as it should be */
    json_t *items = review_all(sup_kanwil, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(listed(items, id, "open"), "state")),
                     "overdue");
    json_decref(items);
    long long before = plg_overdue();
    rec(id, inv, "sp3_issued", 10, "\"ground\":\"tidak_cukup_bukti\",\"polri_involved\":true");
    /* what can still be done is the reason: the SP3's own notice (KUHAP 109(3)) and the family's
     * copy of his arrest's order - owed because he was taken (KUHAP 18(3)), which the SP3 does
     * not undo (found in acceptance: core/clock.c close_owed); the notices of the investigation
     * the SP3 closed are missed, on the row, and no reason of it */
    items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "terminated, not notified");
    json_t *fam = notice_of(it, "family_arrest_notice");
    ck_assert_msg(fam != NULL, "the family's copy owed is not on the row");
    ck_assert_str_eq(json_string_value(json_object_get(fam, "state")), "overdue");
    ck_assert(!json_is_true(json_object_get(fam, "missed")));
    json_t *cons = notice_of(it, "consular_notice"); /* a Vietnamese (VCCR 36(1)(b)) */
    ck_assert_msg(cons != NULL, "the consular notice owed is not on the row");
    ck_assert_str_eq(json_string_value(json_object_get(cons, "state")), "overdue");
    missed(it, "designation_notice", "sp3_issued", 10);
    missed(it, "spdp_to_korwas", "sp3_issued", 10);
    json_decref(items);
    in_filter("reason=family_arrest_notice", id, true);
    in_filter("reason=spdp_to_korwas", id, false);
    /* notified to the PU and to the suspect (UU 20/2025 Pasal 24(4): a clock each): the
     * family's copy and the consular notice are still owed, still listed and counted */
    rec(id, inv, "sp3_notified", 9, "\"recipient\":\"kejari\"");
    rec(id, inv, "sp3_notified", 9, "\"recipient\":\"suspect\"");
    items = review_all(sup_kanwil, NULL);
    it = listed(items, id, "notified, the family's copy still owed");
    ck_assert(notice_of(it, "family_arrest_notice") != NULL);
    json_decref(items);
    in_filter("state=overdue", id, true);
    ck_assert_int_eq(plg_overdue(), before);
    json_t *page, *c = page_clock(id, "family_arrest_notice", &page);
    ck_assert(json_is_true(json_object_get(c, "running")));
    ck_assert_str_eq(json_string_value(json_object_get(c, "state")), "overdue");
    ck_assert_ptr_null(json_object_get(c, "not_delivered"));
    json_decref(page);
    /* delivered since (a terminated file takes a letter): late; nothing left to do, not listed,
     * not counted */
    notify(id, "keluarga_penangkapan", s, 5);
    notify(id, "perwakilan_negara", s, 5);
    c = page_clock(id, "family_arrest_notice", &page);
    ck_assert_str_eq(json_string_value(json_object_get(c, "stopped_by")), "letter_delivered");
    ck_assert_str_eq(json_string_value(json_object_get(c, "state")), "overdue");
    ck_assert_ptr_null(json_object_get(c, "not_delivered"));
    ck_assert(json_is_object(json_object_get(c, "delivered")));
    json_decref(page);
    /* the case's clocks keep the investigation's missed notice: not delivered, stopped by the SP3
     */
    c = page_clock(id, "designation_notice", &page);
    ck_assert(json_is_false(json_object_get(c, "running")));
    ck_assert_str_eq(json_string_value(json_object_get(c, "stopped_by")), "sp3_issued");
    ck_assert(json_is_true(json_object_get(c, "not_delivered")));
    ck_assert_ptr_null(json_object_get(c, "delivered"));
    json_decref(page);
    items = review_all(sup_kanwil, NULL);
    ck_assert_ptr_null(item_of(items, id));
    json_decref(items);
    in_filter("state=overdue", id, false);
    ck_assert_int_eq(plg_overdue(), before - 1);

    /* handed over (Tahap II): the SPDP never given to the reporter nor to Korwas */
    long long h = open_case("Tahap II, SPDP tidak pernah disampaikan", 70);
    add_party(h, "reporter", "Pengelola Hotel Melati"); /* owed the SPDP (MK 130/2015) */
    file_ready_with(h, 65, false);
    rec(h, inv, "tahap1_sent", 55, NULL);
    rec(h, pros, "tahap1_received_by_pu", 54, NULL);
    rec(h, pros, "p21_received", 50, NULL);
    items = review_all(sup_kanwil, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(listed(items, h, "complete"), "state")),
                     "overdue");
    json_decref(items);
    before = plg_overdue();
    rec(h, inv, "tahap2_done", 40, NULL);
    /* no one can act on it: off the board and its counts */
    items = review_all(sup_kanwil, NULL);
    ck_assert_ptr_null(item_of(items, h));
    json_decref(items);
    ck_assert_int_eq(plg_overdue(), before - 1);
    in_filter("state=overdue", h, false);
    /* ... its missed notices kept: the case's clocks and its summary */
    c = page_clock(h, "spdp_to_pelapor", &page);
    ck_assert_str_eq(json_string_value(json_object_get(c, "stopped_by")), "tahap2_done");
    ck_assert_str_eq(json_string_value(json_object_get(c, "state")), "overdue");
    ck_assert(json_is_true(json_object_get(c, "not_delivered")));
    json_decref(page);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", h);
    const char *q[1] = {cid};
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM app.case_summaries s, "
                               "jsonb_array_elements(s.detail->'missed_notices') m WHERE "
                               "s.case_id = $1::bigint AND m->>'code' IN ('spdp_to_pelapor', "
                               "'spdp_to_korwas', 'spdp_to_kejari') AND m->>'closed_by' = "
                               "'tahap2_done'",
                               1, q),
                     3);
    /* nothing of the investigation to record on it any more: the SPDP's letter is refused (only
     * a notice of a suspect's custody is still taken: guard_custody_notice), nothing written */
    long long n = events_of(h);
    char date[11];
    days_ago(1, date);
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_pelapor\","
             "\"received_by\":\"Pelapor\"}",
             date);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", h);
    json_t *no = call("POST", path, inv, body, 422);
    char *why = json_dumps(json_object_get(no, "missing"), 0);
    ck_assert_ptr_nonnull(strstr(why, "custody_notice"));
    free(why);
    json_decref(no);
    ck_assert_int_eq(events_of(h), n);
}
END_TEST

/* MK 130/PUU-XIII/2015 owes the SPDP to the victim or reporter (pelapor/korban).  A file from the
 * office's own supervision has none - its Laporan Kejadian is the officer's - so nothing is owed
 * to a reporter (the acceptance tester's board said "SPDP diterima pelapor/korban" overdue on
 * such a file); one is owed once the file has a reporter or a victim (a party of that kind,
 * sql/0041) or came from a public report (source public_report), and no longer when its source
 * is corrected away from it. */
START_TEST(test_the_reporters_spdp_is_owed_only_to_a_file_that_has_one)
{
    long long id = open_case("Pengawasan rutin, tanpa pelapor", 12);
    rec(id, inv, "sprindik_issued", 10, NULL);
    json_t *page = NULL;
    ck_assert_ptr_null(page_clock_or_null(id, "spdp_to_pelapor", &page));
    ck_assert_str_eq(json_string_value(
                         json_object_get(page_clock_or_null(id, "spdp_to_kejari", &page), "state")),
                     "overdue");
    json_decref(page);
    page = NULL;
    json_t *items = review_all(sup_kanwil, NULL);
    ck_assert_ptr_null(notice_of(listed(items, id, "supervision"), "spdp_to_pelapor"));
    json_decref(items);
    /* who may not add a party, and a kind the law does not know: nothing added */
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    json_t *p = call("POST", path, inv, "{\"kind\":\"korban\",\"name\":\"X\"}", 400);
    ck_assert_str_eq(json_string_value(json_object_get(p, "field")), "kind");
    json_decref(p);
    json_decref(call("POST", path, sup_plg, "{\"kind\":\"victim\",\"name\":\"X\"}", 403));
    char *mre = token_of(NIP_INV_MRE);
    json_decref(call("POST", path, mre, "{\"kind\":\"victim\",\"name\":\"X\"}", 404));
    free(mre);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *q[1] = {cid};
    ck_assert_int_eq(
        sql_count(db, "SELECT count(*) FROM app.parties WHERE case_id = $1::bigint", 1, q), 0);
    /* a victim: owed it within the SPDP's 7 days, past them */
    add_party(id, "victim", "Korban");
    json_t *c = page_clock_or_null(id, "spdp_to_pelapor", &page);
    ck_assert_ptr_nonnull(c);
    ck_assert(json_is_true(json_object_get(c, "running")));
    ck_assert_str_eq(json_string_value(json_object_get(c, "state")), "overdue");
    json_decref(page);
    page = NULL;
    items = review_all(sup_kanwil, NULL);
    ck_assert_ptr_nonnull(notice_of(listed(items, id, "a victim"), "spdp_to_pelapor"));
    json_decref(items);

    /* a public report: its complainant is the reporter */
    long long pr = open_case("Pengaduan masyarakat", 12);
    snprintf(path, sizeof path, "/api/v1/cases/%lld", pr);
    json_t *got = call("GET", path, inv, NULL, 200);
    int version = (int)json_integer_value(json_object_get(got, "version"));
    json_decref(got);
    case_source(pr, "public_report", version);
    rec(pr, inv, "sprindik_issued", 10, NULL);
    ck_assert_ptr_nonnull(page_clock_or_null(pr, "spdp_to_pelapor", &page));
    json_decref(page);
    page = NULL;
    items = review_all(sup_kanwil, NULL);
    ck_assert_ptr_nonnull(notice_of(listed(items, pr, "public report"), "spdp_to_pelapor"));
    json_decref(items);
    /* corrected: it came from supervision after all */
    got = call("GET", path, inv, NULL, 200);
    version = (int)json_integer_value(json_object_get(got, "version"));
    json_decref(got);
    case_source(pr, "supervision", version);
    ck_assert_ptr_null(page_clock_or_null(pr, "spdp_to_pelapor", &page));
    json_decref(page);
    page = NULL;
    items = review_all(sup_kanwil, NULL);
    ck_assert_ptr_null(notice_of(listed(items, pr, "corrected"), "spdp_to_pelapor"));
    json_decref(items);
}
END_TEST

/* With the prosecutor, the file sent and its receipt never recorded, the prosecutor's silence
 * is watched ("no act for N days"); a suspect still held by the investigator outranks it too. */
START_TEST(test_a_suspect_held_outranks_the_stall)
{
    int with_pu = rule_value("stall_with_prosecutor_days");
    /* the stall (day 0 the sending, 20 days ago) passed before the detention's end (5 days
     * ago): by the earlier rule the stall was the reason */
    ck_assert_int_lt(with_pu, 15);
    long long id = open_case("Tahanan, berkas di PU tanpa tanda terima", 35);
    long long s = file_ready(id, 30);
    hold(id, s, 24);
    rec(id, inv, "tahap1_sent", 20, NULL);
    /* 24 days held without an extension: the last day was 5 days ago */
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, id, "held, file with the PU");
    ck_assert_str_eq(reason_str(it, "code"), "detention");
    ck_assert_str_eq(reason_str(it, "actor"), "investigator");
    ck_assert_int_eq(reason_int(it, "days_left"), -5);
    json_decref(items);
    in_filter("reason=detention", id, true);
    in_filter("reason=stall", id, false);
    in_filter("reason=stall&actor=prosecutor", id, false);
    in_filter("actor=prosecutor", id, false);
}
END_TEST

/* A file listed for a passed deadline whose last act is older than the stage's limit too: the
 * state is the deadline's ("overdue" is the worse), so the item says beside the reason how long
 * nobody has acted (DESIGN: a stalled file is one without an act for the stage's N days). A
 * file whose reason is the stall itself, or touched within the limit, has no such note. */
START_TEST(test_an_overdue_file_untouched_past_its_limit_says_how_long)
{
    int limit = rule_value("stall_investigation_days");
    int p17 = rule_value("p17_days");
    ck_assert_int_lt(limit, 90);
    ck_assert_int_lt(p17, 90);
    long long s1, s2;
    /* its last act, the resume, 97 days ago; the P-17 passed 99 - p17 days ago */
    long long quiet = spdp_case("P-17 lewat, tanpa kegiatan", 99, &s1);
    /* the same deadline passed, but a detention recorded 3 days ago */
    long long busy = spdp_case("P-17 lewat, baru ditahan", 99, &s2);
    hold(busy, s2, 3);
    long long pre = open_case("Prapenyidikan macet", limit + 20);
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = listed(items, quiet, "overdue and untouched");
    ck_assert_str_eq(reason_str(it, "code"), "p17");
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    json_t *idle = json_object_get(it, "idle");
    ck_assert_msg(json_is_object(idle), "no idle note on a file untouched 97 days");
    char since[11];
    days_ago(97, since);
    ck_assert_str_eq(json_string_value(json_object_get(idle, "since")), since);
    ck_assert_int_eq(json_integer_value(json_object_get(idle, "days")), 97);
    ck_assert_int_eq(json_integer_value(json_object_get(idle, "limit_days")), limit);
    ck_assert_str_eq(json_string_value(json_object_get(idle, "actor")), "investigator");
    it = listed(items, busy, "overdue, touched 3 days ago");
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    ck_assert_msg(json_is_null(json_object_get(it, "idle")), "idle note on a file acted on");
    it = listed(items, pre, "stalled");
    ck_assert_str_eq(reason_str(it, "code"), "stall");
    ck_assert_msg(json_is_null(json_object_get(it, "idle")), "the stall said twice");
    json_decref(items);
}
END_TEST

/* ---- order and paging ------------------------------------------------------------------ */

static int64_t instant_of(const char *iso)
{
    int64_t t = 0;
    ck_assert_msg(caldate_parse_instant(iso, &t), "not an instant: %s", iso);
    return t;
}

START_TEST(test_the_earliest_deadline_first_and_every_page_once)
{
    json_t *whole = review_all(sup_ditjen, NULL);
    ck_assert_uint_ge(json_array_size(whole), 8);
    /* two at a time through the cursor: the same items in the same order */
    json_t *paged = json_array();
    char cursor[128] = "";
    for (int page = 0; page < 200; page++) {
        char path[256];
        snprintf(path, sizeof path, "/api/v1/review?limit=2%s%s", cursor[0] ? "&cursor=" : "",
                 cursor);
        json_t *p = call("GET", path, sup_ditjen, NULL, 200);
        ck_assert_uint_le(json_array_size(json_object_get(p, "items")), 2);
        json_array_extend(paged, json_object_get(p, "items"));
        json_t *next = json_object_get(p, "next_cursor");
        bool more = json_is_string(next);
        if (more)
            snprintf(cursor, sizeof cursor, "%s", json_string_value(next));
        json_decref(p);
        if (!more)
            break;
    }
    ck_assert_uint_eq(json_array_size(paged), json_array_size(whole));
    int64_t last = INT64_MIN;
    for (size_t i = 0; i < json_array_size(whole); i++) {
        json_t *a = json_array_get(whole, i), *b = json_array_get(paged, i);
        ck_assert_int_eq(json_integer_value(json_object_get(a, "case_id")),
                         json_integer_value(json_object_get(b, "case_id")));
        /* sorted by the earliest deadline; the reason is that deadline, unless a clock has
         * passed: then the weightiest late clock, due no earlier and late itself; or a suspect
         * is held: then his custody clock, due no earlier */
        long long id = (long long)json_integer_value(json_object_get(a, "case_id"));
        int64_t next = instant_of(json_string_value(json_object_get(a, "next_due_at")));
        int64_t due = instant_of(reason_str(a, "due_at"));
        ck_assert_msg(next >= last, "item %zu (case %lld) out of order", i, id);
        const char *code = reason_str(a, "code");
        if (strcmp(str_of(a, "state"), "overdue") == 0)
            ck_assert_msg(due >= next && strcmp(reason_str(a, "state"), "overdue") == 0,
                          "case %lld: overdue, and its reason is no late clock", id);
        else if (strcmp(code, "arrest") == 0 || strcmp(code, "detention") == 0 ||
                 strcmp(code, "detensi") == 0)
            ck_assert_msg(due >= next, "case %lld: held, due before the earliest deadline", id);
        else
            ck_assert_msg(due == next, "case %lld: the reason is not the earliest deadline", id);
        last = next;
    }
    json_decref(whole);
    json_decref(paged);
}
END_TEST

/* Keyset paging (DESIGN.md: lists page with a cursor, never with OFFSET): a
 * file whose deadline moves while someone pages through the list does not
 * shift the others - each file that did not move comes exactly once, in the
 * order it had - and the moved file comes at most once. */
START_TEST(test_a_file_moving_between_pages_leaves_the_others_in_place)
{
    long long moved = open_case("Berpindah antar halaman", 1); /* listed late: few days idle */
    json_t *before = review_all(sup_ditjen, NULL);
    ck_assert_ptr_nonnull(item_of(before, moved));
    size_t at = 0;
    while (json_integer_value(json_object_get(json_array_get(before, at), "case_id")) != moved)
        at++;
    ck_assert_uint_ge(at, 2);
    json_t *paged = json_array();
    char cursor[128] = "";
    bool acted = false;
    for (int page = 0; page < 200; page++) {
        /* the act lands between the page before the moved file's and the next */
        if (!acted && json_array_size(paged) + 2 > at) {
            rec(moved, inv, "sprindik_issued", 0, NULL);
            acted = true;
        }
        char path[256];
        snprintf(path, sizeof path, "/api/v1/review?limit=2%s%s", cursor[0] ? "&cursor=" : "",
                 cursor);
        json_t *p = call("GET", path, sup_ditjen, NULL, 200);
        json_array_extend(paged, json_object_get(p, "items"));
        json_t *next = json_object_get(p, "next_cursor");
        bool more = json_is_string(next);
        if (more)
            snprintf(cursor, sizeof cursor, "%s", json_string_value(next));
        json_decref(p);
        if (!more)
            break;
    }
    ck_assert(acted);
    size_t k = 0, seen_moved = 0;
    json_t *it;
    size_t i;
    json_array_foreach(paged, i, it)
    {
        long long id = json_integer_value(json_object_get(it, "case_id"));
        if (id == moved) {
            seen_moved++;
            continue;
        }
        while (k < json_array_size(before) &&
               json_integer_value(json_object_get(json_array_get(before, k), "case_id")) != id)
            k++;
        ck_assert_msg(k < json_array_size(before), "case %lld twice or out of its order", id);
        k++;
    }
    ck_assert_uint_le(seen_moved, 1);
    ck_assert_uint_eq(json_array_size(paged) - seen_moved, json_array_size(before) - 1);
    json_t *after = review_all(sup_ditjen, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(item_of(after, moved), "stage")),
                     "investigation");
    json_decref(after);
    json_decref(paged);
    json_decref(before);
}
END_TEST

/* ---- filters ------------------------------------------------------------------------------ */

static void all_have(json_t *items, const char *path_key, const char *inner, const char *want)
{
    json_t *it;
    size_t i;
    json_array_foreach(items, i, it)
    {
        json_t *v = inner ? json_object_get(json_object_get(it, path_key), inner)
                          : json_object_get(it, path_key);
        ck_assert_msg(json_is_string(v) && strcmp(json_string_value(v), want) == 0,
                      "case %lld: %s%s%s is not %s",
                      (long long)json_integer_value(json_object_get(it, "case_id")), path_key,
                      inner ? "." : "", inner ? inner : "", want);
    }
}

START_TEST(test_filters_narrow_the_list)
{
    json_t *r = review_all(sup_kanwil, "reason=spdp");
    all_have(r, "reason", "code", "spdp");
    ck_assert_ptr_nonnull(item_of(r, walk[W_NO_SPDP]));
    json_decref(r);
    r = review_all(sup_kanwil, "actor=prosecutor");
    all_have(r, "reason", "actor", "prosecutor");
    ck_assert_ptr_nonnull(item_of(r, walk[W_WITH_PU]));
    ck_assert_ptr_null(item_of(r, walk[W_RETURNED]));
    json_decref(r);
    r = review_all(sup_kanwil, "state=overdue");
    all_have(r, "state", NULL, "overdue");
    ck_assert_ptr_nonnull(item_of(r, walk[W_COMPLETE]));
    ck_assert_ptr_null(item_of(r, walk[W_DETAINED]));
    json_decref(r);
    r = review_all(sup_kanwil, "state=stalled");
    all_have(r, "state", NULL, "stalled");
    ck_assert_ptr_nonnull(item_of(r, walk[W_PRE]));
    json_decref(r);
    r = review_all(sup_kanwil, "stage=returned");
    all_have(r, "stage", NULL, "returned");
    ck_assert_ptr_nonnull(item_of(r, walk[W_RETURNED]));
    json_decref(r);
    r = review_all(sup_kanwil, "reason=stall&actor=investigator");
    all_have(r, "reason", "code", "stall");
    all_have(r, "reason", "actor", "investigator");
    ck_assert_ptr_nonnull(item_of(r, walk[W_PRE]));
    ck_assert_ptr_null(item_of(r, walk[W_UNRECEIVED]));
    json_decref(r);
    /* an office by its code or its id: the same list */
    char *plg = sql_value(db, "SELECT id FROM app.offices WHERE code = 'KANIM-PLG'", 0, NULL);
    char q[64];
    snprintf(q, sizeof q, "office=%s", plg);
    json_t *by_code = review_all(sup_kanwil, "office=KANIM-PLG"),
           *by_id = review_all(sup_kanwil, q);
    ck_assert(json_equal(by_code, by_id));
    all_have(by_code, "office", "code", "KANIM-PLG");
    ck_assert_ptr_nonnull(item_of(by_code, walk[W_PRE]));
    json_decref(by_code);
    json_decref(by_id);
    free(plg);
    /* an office outside the caller's reach: nothing (Pontianak is not Sumatera Selatan's) */
    r = review_all(sup_kanwil, "office=KANIM-PTK");
    ck_assert_uint_eq(json_array_size(r), 0);
    json_decref(r);
}
END_TEST

START_TEST(test_bad_filters_are_refused_naming_the_parameter)
{
    static const char *const bad[][2] = {
        {"reason=ngaret", "reason"}, {"actor=polisi", "actor"},   {"state=late", "state"},
        {"stage=p21", "stage"},      {"cursor=abc", "cursor"},    {"cursor=12.x", "cursor"},
        {"limit=0", "limit"},        {"limit=101", "limit"},      {"limit=-3", "limit"},
        {"mine=maybe", "mine"},      {"office=NOPE-1", "office"}, {"office=", "office"},
        {"reason=", "reason"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "/api/v1/review?%s", bad[i][0]);
        json_t *p = call("GET", path, sup_kanwil, NULL, 400);
        ck_assert_msg(json_is_string(json_object_get(p, "field")) &&
                          strcmp(json_string_value(json_object_get(p, "field")), bad[i][1]) == 0,
                      "%s: field %s", bad[i][0], json_string_value(json_object_get(p, "field")));
        json_decref(p);
    }
    json_decref(call("GET", "/api/v1/review/offices?office=NOPE-1", sup_kanwil, NULL, 400));
}
END_TEST

/* ---- who sees what ------------------------------------------------------------------------ */

START_TEST(test_each_caller_sees_their_reach_only)
{
    /* the investigator's own list: the cases of his team (he opened them) */
    json_t *own = review_all(inv, NULL);
    ck_assert_ptr_nonnull(item_of(own, walk[W_PRE]));
    all_have(own, "office", "code", "KANIM-PLG");
    json_decref(own);
    /* a colleague in the same office: none of them, unless she asks for the office's */
    json_t *hers = review_all(inv2, NULL);
    ck_assert_ptr_null(item_of(hers, walk[W_PRE]));
    json_decref(hers);
    hers = review_all(inv2, "mine=false");
    ck_assert_ptr_nonnull(item_of(hers, walk[W_PRE]));
    all_have(hers, "office", "code", "KANIM-PLG");
    json_decref(hers);
    /* the Kanwil sees Palembang and Muara Enim, never Pontianak or Batulicin */
    json_t *kanwil = review_all(sup_kanwil, NULL);
    json_t *it;
    size_t i;
    json_array_foreach(kanwil, i, it)
    {
        const char *code =
            json_string_value(json_object_get(json_object_get(it, "office"), "code"));
        ck_assert_msg(strcmp(code, "KANIM-PLG") == 0 || strcmp(code, "KANIM-MRE") == 0,
                      "Kanwil Sumsel sees %s", code);
    }
    json_decref(kanwil);
    /* Ditjen sees every office's */
    json_t *all = review_all(sup_ditjen, NULL);
    bool ptk = false;
    json_array_foreach(all, i, it)
    {
        ptk |= strcmp(json_string_value(json_object_get(json_object_get(it, "office"), "code")),
                      "KANIM-PTK") == 0;
    }
    ck_assert(ptk);
    json_decref(all);
    /* a prosecutor has the inbox, an admin no case contents, nobody nothing */
    json_decref(call("GET", "/api/v1/review", pros, NULL, 403));
    json_decref(call("GET", "/api/v1/review", admin, NULL, 403));
    json_decref(call("GET", "/api/v1/review", NULL, NULL, 401));
    json_decref(call("GET", "/api/v1/review/offices", pros, NULL, 403));
    json_decref(call("GET", "/api/v1/review/offices", admin, NULL, 403));
    json_decref(call("GET", "/api/v1/review/offices", NULL, NULL, 401));
}
END_TEST

START_TEST(test_counts_per_office_match_the_list)
{
    json_t *counts = call("GET", "/api/v1/review/offices", sup_kanwil, NULL, 200);
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *o;
    size_t i;
    long long sum = 0;
    json_array_foreach(json_object_get(counts, "items"), i, o)
    {
        const char *code = json_string_value(json_object_get(o, "code"));
        long long listed = 0, overdue = 0, stalled = 0;
        json_t *it;
        size_t k;
        json_array_foreach(items, k, it)
        {
            if (strcmp(json_string_value(json_object_get(json_object_get(it, "office"), "code")),
                       code) != 0)
                continue;
            listed++;
            overdue += strcmp(json_string_value(json_object_get(it, "state")), "overdue") == 0;
            stalled += strcmp(json_string_value(json_object_get(it, "state")), "stalled") == 0;
        }
        ck_assert_int_eq(json_integer_value(json_object_get(o, "open")), listed);
        ck_assert_int_eq(json_integer_value(json_object_get(o, "overdue")), overdue);
        ck_assert_int_eq(json_integer_value(json_object_get(o, "stalled")), stalled);
        sum += listed;
    }
    ck_assert_int_eq(sum, (long long)json_array_size(items));
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(counts, "total"), "open")),
                     sum);
    json_decref(counts);
    json_decref(items);
}
END_TEST

/* ---- the summaries under the list ------------------------------------------------------ */

static json_t *check(bool repair)
{
    return call("POST", "/api/v1/summaries/check", admin, repair ? "{\"repair\":true}" : "{}", 200);
}

/* ---- the stall's boundary --------------------------------------------------------------- */

START_TEST(test_stalled_from_the_stages_nth_day_without_an_act)
{
    /* "no act for N days", N the stage's threshold in the rule set: a file in
     * prapenyidikan whose last act (its opening) is N days old is stalled
     * today - its last day in time was yesterday; one whose last act is
     * N - 1 days old has today as its last day and is not stalled yet */
    int n = rule_value("stall_pre_investigation_days");
    long long at_n = open_case("Uji tinjauan: tanpa kegiatan tepat N hari", n);
    long long before_n = open_case("Uji tinjauan: tanpa kegiatan N-1 hari", n - 1);
    char yesterday[11], today[11];
    days_ago(1, yesterday);
    days_ago(0, today);
    /* each reach pages its own stall index (sql/0020): the office's (the
     * investigator), a Kantor's, a Kanwil's, the nation's */
    const struct {
        const char *token, *who;
    } callers[] = {{inv, "investigator"},
                   {sup_plg, "Kantor supervisor"},
                   {sup_kanwil, "Kanwil supervisor"},
                   {sup_ditjen, "Ditjen supervisor"}};
    for (size_t i = 0; i < sizeof callers / sizeof callers[0]; i++) {
        const char *who = callers[i].who;
        json_t *stall = review_all(callers[i].token, "reason=stall");
        all_have(stall, "reason", "code", "stall");
        json_t *a = listed(stall, at_n, who), *b = listed(stall, before_n, who);
        ck_assert_msg(strcmp(json_string_value(json_object_get(a, "state")), "stalled") == 0,
                      "%s: N days without an act: %s", who,
                      json_string_value(json_object_get(a, "state")));
        ck_assert_str_eq(reason_str(a, "due_date"), yesterday);
        ck_assert_int_eq(reason_int(a, "days_left"), -1);
        ck_assert_str_eq(reason_str(a, "actor"), "investigator");
        ck_assert_msg(strcmp(json_string_value(json_object_get(b, "state")), "ok") == 0,
                      "%s: N - 1 days without an act: %s", who,
                      json_string_value(json_object_get(b, "state")));
        ck_assert_str_eq(reason_str(b, "due_date"), today);
        ck_assert_int_eq(reason_int(b, "days_left"), 0);
        json_decref(stall);
        json_t *stalled = review_all(callers[i].token, "reason=stall&state=stalled");
        all_have(stalled, "state", NULL, "stalled");
        listed(stalled, at_n, who);
        ck_assert_msg(item_of(stalled, before_n) == NULL, "%s: stalled a day early", who);
        json_decref(stalled);
    }
}
END_TEST

/* The prosecutor's letters while the file is not with him are no progress of the investigation:
 * a P-17 is his request for the progress that has not come (DOMAIN 6, D14), a P-16 names who
 * will follow it. A file whose investigator last acted N + 7 days ago is stalled since then,
 * the investigator's to act, whatever the prosecutor wrote since - not "no act since today". */
START_TEST(test_the_prosecutors_letters_do_not_hide_a_stalled_investigation)
{
    int n = rule_value("stall_investigation_days");
    long long id = open_case("Uji tinjauan: P-17 atas penyidikan yang diam", n + 12);
    file_ready(id, n + 10); /* its last act, the resume, n + 7 days ago */
    rec(id, pros, "p16_received", 1, NULL);
    rec(id, pros, "p17_received", 0, NULL);
    json_t *items = review_all(sup_plg, NULL);
    json_t *it = listed(items, id, "stalled investigation");
    ck_assert_str_eq(reason_str(it, "code"), "stall");
    ck_assert_str_eq(reason_str(it, "actor"), "investigator");
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "stalled");
    ck_assert_int_eq(reason_int(it, "days_left"), -8);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(it, "last_act"), "type")),
                     "resume_written");
    json_decref(items);
}
END_TEST

/* ---- the counts per office against a count of every summary ------------------------------ */

/* Every summary with its office's ancestors and its instants, and the
 * database's now: what the counts are counted from, read as the owner. */
static json_t *every_summary(void)
{
    char *s = sql_value(
        db,
        "SELECT json_build_object('now', extract(epoch FROM now()), 'rows', "
        "coalesce(json_agg(json_build_object('office', s.office_id, 'ancestors', o.ancestors, "
        "'listed', s.next_due_at IS NOT NULL, 'damaged', s.damaged IS NOT NULL, 'clock_due', "
        "extract(epoch FROM s.clock_due_at), 'attention', extract(epoch FROM "
        "s.clock_attention_at), 'stall', extract(epoch FROM s.stall_at), 'directions_due', "
        "extract(epoch FROM s.directions_due_at), 'pingpong', s.pingpong)), '[]'))::text "
        "FROM app.case_summaries s JOIN app.offices o ON o.id = s.office_id",
        0, NULL);
    json_t *j = json_loads(s, 0, NULL);
    ck_assert_ptr_nonnull(j);
    free(s);
    return j;
}

static bool has_id(json_t *ids, long long id)
{
    json_t *v;
    size_t i;
    json_array_foreach(ids, i, v)
    {
        if (json_integer_value(v) == id)
            return true;
    }
    return false;
}

/* instant `key` of row has passed at now (absent: never) */
static bool passed(json_t *row, const char *key, double now)
{
    json_t *v = json_object_get(row, key);
    return json_is_number(v) && json_number_value(v) <= now;
}

enum tally { T_OPEN, T_DAMAGED, T_OVERDUE, T_STALLED, T_WARNING, T_DIRECTIONS, T_PINGPONG, T__N };
static const char *const tally_names[T__N] = {
    "open", "damaged", "overdue", "stalled", "warning", "directions_overdue", "pingpong"};

/* The counts of office `office` (0: every office) under root, one summary
 * at a time: a listed file is damaged, else overdue when its earliest clock
 * has passed, else stalled when its stall has, else in warning when a
 * clock's warning has begun; its directions and its ping-pong apart. */
static void tally_of(json_t *all, long long root, long long office, long long out[T__N])
{
    double now = json_number_value(json_object_get(all, "now"));
    memset(out, 0, sizeof(long long) * T__N);
    json_t *row;
    size_t i;
    json_array_foreach(json_object_get(all, "rows"), i, row)
    {
        if (!json_is_true(json_object_get(row, "listed")) ||
            !has_id(json_object_get(row, "ancestors"), root) ||
            (office && json_integer_value(json_object_get(row, "office")) != office))
            continue;
        out[T_OPEN]++;
        if (json_is_true(json_object_get(row, "damaged")))
            out[T_DAMAGED]++;
        else if (passed(row, "clock_due", now))
            out[T_OVERDUE]++;
        else if (passed(row, "stall", now))
            out[T_STALLED]++;
        else if (passed(row, "attention", now))
            out[T_WARNING]++;
        out[T_DIRECTIONS] += passed(row, "directions_due", now);
        out[T_PINGPONG] += json_is_true(json_object_get(row, "pingpong"));
    }
}

static long long office_id(const char *code)
{
    const char *p[1] = {code};
    return sql_count(db, "SELECT id FROM app.offices WHERE code = $1", 1, p);
}

/* The counts per office a caller was given, and what they were counted from. */
struct asked {
    const char *token, *query, *root_code;
    char path[128];
    long long root, offices; /* the root's office, the offices under it */
    json_t *counts, *all;
};

/* GET /api/v1/review/offices[?query] as a->token, every summary at once,
 * and the number of offices under a->root_code (the Imigrasi tree). */
static void ask_counts(struct asked *a)
{
    snprintf(a->path, sizeof a->path, "/api/v1/review/offices%s%s", a->query ? "?" : "",
             a->query ? a->query : "");
    a->counts = call("GET", a->path, a->token, NULL, 200);
    a->all = every_summary();
    a->root = office_id(a->root_code);
    char rid[24];
    snprintf(rid, sizeof rid, "%lld", a->root);
    const char *p[1] = {rid};
    a->offices = sql_count(db,
                           "SELECT count(*) FROM app.offices WHERE tree = 'imigrasi' "
                           "AND $1::bigint = ANY (ancestors)",
                           1, p);
}

/* The counts asked equal the tally of every summary under the root, office
 * by office, and name every office under it once; the total is in out. */
static void counts_are_the_tally(struct asked *a, long long out[T__N])
{
    json_t *items = json_object_get(a->counts, "items"), *o;
    ck_assert_int_eq((long long)json_array_size(items), a->offices);
    size_t i;
    json_array_foreach(items, i, o)
    {
        long long id = json_integer_value(json_object_get(o, "id")), want[T__N];
        for (size_t k = 0; k < i; k++)
            ck_assert(json_integer_value(json_object_get(json_array_get(items, k), "id")) != id);
        tally_of(a->all, a->root, id, want);
        for (int t = 0; t < T__N; t++)
            ck_assert_msg(json_integer_value(json_object_get(o, tally_names[t])) == want[t],
                          "%s %s: %s %lld, counted %lld", a->path,
                          json_string_value(json_object_get(o, "code")), tally_names[t],
                          (long long)json_integer_value(json_object_get(o, tally_names[t])),
                          want[t]);
        /* its subtree: the office's files and those of every office under it */
        json_t *sub = json_object_get(o, "subtree");
        tally_of(a->all, id, 0, want);
        for (int t = 0; t < T__N; t++)
            ck_assert_msg(json_integer_value(json_object_get(sub, tally_names[t])) == want[t],
                          "%s %s: subtree %s %lld, counted %lld", a->path,
                          json_string_value(json_object_get(o, "code")), tally_names[t],
                          (long long)json_integer_value(json_object_get(sub, tally_names[t])),
                          want[t]);
    }
    tally_of(a->all, a->root, 0, out);
    json_t *total = json_object_get(a->counts, "total");
    for (int t = 0; t < T__N; t++)
        ck_assert_msg(json_integer_value(json_object_get(total, tally_names[t])) == out[t],
                      "%s total %s", a->path, tally_names[t]);
}

START_TEST(test_counts_per_office_equal_a_count_of_every_summary)
{
    /* a damaged log, a ping-pong and an overdue direction, so that every
     * count has something to count; the check puts the truth back before
     * anything is asserted */
    char id[3][24];
    snprintf(id[0], sizeof id[0], "%lld", walk[W_RETURNED]);
    snprintf(id[1], sizeof id[1], "%lld", walk[W_COMPLETE]);
    snprintf(id[2], sizeof id[2], "%lld", walk[W_WITH_PU]);
    const char *p[3] = {id[0], id[1], id[2]};
    free(sql_value(db,
                   "UPDATE app.case_summaries SET damaged = CASE WHEN case_id = $1::bigint THEN "
                   "'uji: log rusak' END, pingpong = pingpong OR case_id = $2::bigint, "
                   "directions_due_at = CASE WHEN case_id = $3::bigint THEN now() - interval "
                   "'1 day' ELSE directions_due_at END WHERE case_id IN ($1::bigint, $2::bigint, "
                   "$3::bigint) RETURNING case_id",
                   3, p));
    enum { NATION, KANWIL, KANTOR, NARROWED, N_ASKED };
    struct asked asked[N_ASKED] = {
        [NATION] = {.token = sup_ditjen, .root_code = "DITJEN"},
        [KANWIL] = {.token = sup_kanwil, .root_code = "KANWIL-SUMSEL"},
        [KANTOR] = {.token = sup_plg, .root_code = "KANIM-PLG"},
        /* the Kanwil narrowed to one of its offices: what that office's supervisor gets */
        [NARROWED] = {.token = sup_kanwil, .query = "office=KANIM-PLG", .root_code = "KANIM-PLG"},
    };
    for (int i = 0; i < N_ASKED; i++)
        ask_counts(&asked[i]);
    /* an office outside the caller's reach: no office, nothing counted */
    json_t *ptk = call("GET", "/api/v1/review/offices?office=KANIM-PTK", sup_kanwil, NULL, 200);
    json_t *c = check(true);
    json_decref(c);
    c = check(false);
    ck_assert(json_is_true(json_object_get(c, "consistent")));
    json_decref(c);

    long long got[N_ASKED][T__N];
    for (int i = 0; i < N_ASKED; i++)
        counts_are_the_tally(&asked[i], got[i]);
    for (int t = 0; t < T__N; t++)
        ck_assert_msg(got[NATION][t] > 0, "nothing %s in the country", tally_names[t]);
    ck_assert_int_gt(got[KANTOR][T_OPEN], 0);
    ck_assert_int_le(got[KANTOR][T_OPEN], got[KANWIL][T_OPEN]);
    ck_assert_int_lt(got[KANWIL][T_OPEN], got[NATION][T_OPEN]);
    ck_assert(memcmp(got[NARROWED], got[KANTOR], sizeof got[KANTOR]) == 0);
    /* a Kanwil's row totals its Kanims' files (it holds none of its own here), the Ditjen's the
     * whole tree: each is the total its own supervisor is given */
    struct {
        int asked;
        const char *code;
    } heads[] = {{KANWIL, "KANWIL-SUMSEL"}, {NATION, "KANWIL-SUMSEL"}, {NATION, "DITJEN"}};
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        json_t *o, *row = NULL;
        size_t i;
        json_array_foreach(json_object_get(asked[heads[h].asked].counts, "items"), i, o)
        {
            if (strcmp(json_string_value(json_object_get(o, "code")), heads[h].code) == 0)
                row = o;
        }
        ck_assert_ptr_nonnull(row);
        int whole = strcmp(heads[h].code, "DITJEN") == 0 ? NATION : KANWIL;
        for (int t = 0; t < T__N; t++)
            ck_assert_int_eq(json_integer_value(
                                 json_object_get(json_object_get(row, "subtree"), tally_names[t])),
                             got[whole][t]);
        ck_assert_int_eq(json_integer_value(json_object_get(row, "open")), 0);
        ck_assert_int_gt(
            json_integer_value(json_object_get(json_object_get(row, "subtree"), "overdue")), 0);
    }
    ck_assert_uint_eq(json_array_size(json_object_get(ptk, "items")), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(ptk, "total"), "open")), 0);
    json_decref(ptk);
    for (int i = 0; i < N_ASKED; i++) {
        json_decref(asked[i].counts);
        json_decref(asked[i].all);
    }
}
END_TEST

START_TEST(test_a_tampered_summary_is_named_and_repaired)
{
    json_t *c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    ck_assert_int_ge(json_integer_value(json_object_get(c, "cases")), W_COUNT);
    json_decref(c);
    char id[24];
    snprintf(id, sizeof id, "%lld", walk[W_RETURNED]);
    const char *p[1] = {id};
    free(sql_value(
        db, "UPDATE app.case_summaries SET stage = 'complete' WHERE case_id = $1::bigint", 1, p));
    c = check(false);
    ck_assert(json_is_false(json_object_get(c, "consistent")));
    ck_assert_int_eq(json_integer_value(json_object_get(c, "mismatched")), 1);
    json_t *m = json_array_get(json_object_get(c, "mismatches"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(m, "case_id")), walk[W_RETURNED]);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(m, "columns"), 0)), "stage");
    json_decref(c);
    c = check(true);
    ck_assert_int_eq(json_integer_value(json_object_get(c, "written")), 1);
    json_decref(c);
    c = check(false);
    ck_assert(json_is_true(json_object_get(c, "consistent")));
    json_decref(c);
    /* only an administrator asks; bad input is refused */
    json_decref(call("POST", "/api/v1/summaries/check", sup_ditjen, "{}", 403));
    json_decref(call("POST", "/api/v1/summaries/check", inv, "{}", 403));
    json_decref(call("POST", "/api/v1/summaries/check", NULL, "{}", 401));
    json_decref(call("POST", "/api/v1/summaries/check", admin, "{\"repair\":1}", 400));
    json_decref(call("POST", "/api/v1/summaries/check", admin, "{\"fix\":true}", 400));
}
END_TEST

START_TEST(test_time_passes_without_a_write)
{
    /* the detention ends tomorrow: move its stored instants three days
     * back, as if time had passed, and the list says overdue by itself */
    char id[24];
    snprintf(id, sizeof id, "%lld", walk[W_DETAINED]);
    const char *p[1] = {id};
    free(sql_value(db,
                   "UPDATE app.case_summaries SET clock_due_at = clock_due_at - interval '72 "
                   "hours', next_due_at = next_due_at - interval '72 hours' WHERE case_id = "
                   "$1::bigint",
                   1, p));
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = item_of(items, walk[W_DETAINED]);
    ck_assert_str_eq(json_string_value(json_object_get(it, "state")), "overdue");
    json_decref(items);
    json_t *c = check(true); /* and the check puts the truth back */
    ck_assert_int_eq(json_integer_value(json_object_get(c, "mismatched")), 1);
    json_decref(c);
}
END_TEST

START_TEST(test_berkasd_checks_and_rebuilds_the_summaries_from_the_logs)
{
    char *argv1[] = {(char *)harness_berkasd(), "--db", db, "--check-summaries", NULL};
    char *out = NULL;
    int rc = run_capture(argv1, 60000, &out);
    ck_assert_msg(rc == 0, "--check-summaries: %d %s", rc, out);
    ck_assert_ptr_nonnull(strstr(out, "0 differing"));
    free(out);
    free(sql_value(db,
                   "DELETE FROM app.case_summaries WHERE case_id IN (SELECT min(case_id) FROM "
                   "app.case_summaries)",
                   0, NULL));
    char *argv2[] = {(char *)harness_berkasd(), "--db", db, "--check-summaries", NULL};
    rc = run_capture(argv2, 60000, &out);
    ck_assert_msg(rc == 1 && strstr(out, "1 differing") && strstr(out, "missing"),
                  "a missing row: %d %s", rc, out);
    free(out);
    char *argv3[] = {(char *)harness_berkasd(), "--db", db, "--rebuild-summaries", NULL};
    rc = run_capture(argv3, 60000, &out);
    ck_assert_msg(rc == 0, "--rebuild-summaries: %d %s", rc, out);
    free(out);
    rc = run_capture(argv1, 60000, &out);
    ck_assert_msg(rc == 0 && strstr(out, "0 differing"), "after the rebuild: %d %s", rc, out);
    free(out);
}
END_TEST

/* ---- one snapshot per case (issue 12.2; sql/0019_case_snapshots.sql) ------------------- */

/* The stored snapshot's member path (a jsonb path: '{facts,spdp_sent}') of case id, as text. */
static char *snap_at(long long id, const char *path)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[2] = {cid, path};
    return sql_value(
        db,
        "SELECT coalesce(state::jsonb #>> $2::text[], 'absent') FROM app.case_snapshots "
        "WHERE case_id = $1::bigint",
        2, p);
}

/* The snapshot was folded from the log as it stands: its event count and last event. */
static void snapshot_follows_its_log(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *same = sql_value(
        db,
        "SELECT n.events = c.events AND n.last_event = (SELECT max(id) FROM app.events e WHERE "
        "e.case_id = c.id) AND (n.state::jsonb->>'events')::int = c.events AND n.format = "
        "(n.state::jsonb->>'format')::int AND n.case_version = c.version FROM app.cases c JOIN "
        "app.case_snapshots n ON n.case_id = c.id WHERE c.id = $1::bigint",
        1, p);
    ck_assert_msg(same && strcmp(same, "t") == 0, "case %lld: snapshot %s", id,
                  same ? same : "missing");
    free(same);
}

/* The check names exactly case id, with the column "snapshot" among those that differ. */
static void check_names_snapshot(long long id)
{
    json_t *c = check(false);
    ck_assert_msg(json_integer_value(json_object_get(c, "mismatched")) == 1, "%s",
                  json_dumps(c, JSON_COMPACT));
    json_t *m = json_array_get(json_object_get(c, "mismatches"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(m, "case_id")), id);
    bool named = false;
    size_t i;
    json_t *col;
    json_array_foreach(json_object_get(m, "columns"), i, col)
    {
        named |= strcmp(json_string_value(col), "snapshot") == 0;
    }
    ck_assert_msg(named, "%s", json_dumps(c, JSON_COMPACT));
    json_decref(c);
}

START_TEST(test_a_tampered_snapshot_is_named_and_rebuilt)
{
    json_t *c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    json_decref(c);
    for (int w = 0; w < W_COUNT; w++)
        snapshot_follows_its_log(walk[w]);
    /* the detained suspect's detention is in the snapshot, by his party id */
    char *state = snap_at(walk[W_DETAINED], "{suspects,0,detention,state}");
    char *party = snap_at(walk[W_DETAINED], "{suspects,0,party}");
    ck_assert_str_ne(state, "absent");
    ck_assert_int_eq(strtoll(party, NULL, 10), detained_suspect);
    free(state);
    free(party);

    /* a fact changed behind berkasd's back: named, repaired, consistent again */
    char id[24];
    snprintf(id, sizeof id, "%lld", walk[W_WITH_PU]);
    const char *p[1] = {id};
    free(sql_value(
        db,
        "UPDATE app.case_snapshots SET state = jsonb_set(state::jsonb, '{facts,spdp_sent}', "
        "'false') WHERE case_id = $1::bigint RETURNING 1",
        1, p));
    check_names_snapshot(walk[W_WITH_PU]);
    c = check(true);
    ck_assert_int_eq(json_integer_value(json_object_get(c, "written")), 1);
    json_decref(c);
    char *spdp = snap_at(walk[W_WITH_PU], "{facts,spdp_sent}");
    ck_assert_str_eq(spdp, "true");
    free(spdp);

    /* a snapshot of an older format is never believed: the check names it,
     * and the next act on the case writes it again in this format */
    snprintf(id, sizeof id, "%lld", walk[W_NO_SPDP]);
    free(sql_value(db,
                   "UPDATE app.case_snapshots SET format = 0, state = jsonb_set(state::jsonb || "
                   "'{\"stage\":\"terminated\"}', '{format}', '0') WHERE case_id = $1::bigint "
                   "RETURNING 1",
                   1, p));
    check_names_snapshot(walk[W_NO_SPDP]);
    rec(walk[W_NO_SPDP], inv, "spdp_sent", 0, "\"recipient\":\"kejari\"");
    snapshot_follows_its_log(walk[W_NO_SPDP]);
    char *fmt = snap_at(walk[W_NO_SPDP], "{format}");
    char *stage = snap_at(walk[W_NO_SPDP], "{stage}");
    ck_assert_str_eq(fmt, FORMAT);
    ck_assert_str_eq(stage, "investigation");
    free(fmt);
    free(stage);

    /* a missing one: the same, and berkasd --rebuild-summaries writes it */
    free(sql_value(db, "DELETE FROM app.case_snapshots WHERE case_id = $1::bigint RETURNING 1", 1,
                   p));
    check_names_snapshot(walk[W_NO_SPDP]);
    char *argv[] = {(char *)harness_berkasd(), "--db", db, "--rebuild-summaries", NULL};
    char *out = NULL;
    int rc = run_capture(argv, 60000, &out);
    ck_assert_msg(rc == 0, "--rebuild-summaries: %d %s", rc, out);
    free(out);
    snapshot_follows_its_log(walk[W_NO_SPDP]);
    c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    json_decref(c);
}
END_TEST

START_TEST(test_after_a_correction_the_snapshot_is_a_fresh_fold)
{
    long long id = open_case("koreksi dan snapshot", 20);
    long long s =
        file_ready_with(id, 10, false); /* its SPDP withdrawn, its BAP re-dated: no letters */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *pc[1] = {cid};
    /* the SPDP withdrawn: the fact goes, and the snapshot says so */
    char *spdp = sql_value(
        db, "SELECT id FROM app.events WHERE case_id = $1::bigint AND type = 'spdp_sent'", 1, pc);
    char fix[256];
    snprintf(fix, sizeof fix, "\"corrects\":%s,\"withdraws\":true", spdp);
    rec(id, inv, "corrected", 0, fix);
    free(spdp);
    snapshot_follows_its_log(id);
    char *sent = snap_at(id, "{facts,spdp_sent}");
    ck_assert_str_eq(sent, "false");
    free(sent);
    /* the suspect's BAP re-dated, then an act stepped onto the corrected state */
    char *bap = sql_value(
        db, "SELECT id FROM app.events WHERE case_id = $1::bigint AND type = 'bap_recorded'", 1,
        pc);
    snprintf(fix, sizeof fix, "\"corrects\":%s,\"party_id\":%lld,\"bap\":\"tersangka\"", bap, s);
    rec(id, inv, "corrected", 7, fix);
    free(bap);
    rec(id, inv, "spdp_sent", 0, "\"recipient\":\"kejari\"");
    snapshot_follows_its_log(id);
    sent = snap_at(id, "{facts,spdp_sent}");
    ck_assert_str_eq(sent, "true");
    free(sent);
    /* the check compares every snapshot with a fresh fold of its log */
    json_t *c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    json_decref(c);
}
END_TEST

START_TEST(test_the_write_decides_over_the_snapshot)
{
    /* a write reads the case's snapshot, not its log: a snapshot tampered
     * into saying the SPDP was never sent (its format, log and rule sets
     * still its own) makes Tahap I fail its guard - which is why the check
     * compares every snapshot with a fresh fold, and the repair rebuilds it */
    long long id = open_case("snapshot dipercaya", 20);
    file_ready(id, 10);
    char cid[24], path[64], body[128], date[11];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    free(sql_value(
        db,
        "UPDATE app.case_snapshots SET state = jsonb_set(state::jsonb, '{facts,spdp_sent}', "
        "'false') WHERE case_id = $1::bigint RETURNING 1",
        1, p));
    days_ago(0, date);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{\"type\":\"tahap1_sent\",\"date\":\"%s\"}", date);
    json_t *r = call("POST", path, inv, body, 422);
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(r, "missing"), 0)),
                     "spdp_sent");
    json_decref(r);
    check_names_snapshot(id);
    json_decref(check(true));
    char *sent = snap_at(id, "{facts,spdp_sent}");
    ck_assert_str_eq(sent, "true");
    free(sent);
}
END_TEST

/* The case's snapshot as stored, as text. */
static char *snap_text(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    return sql_value(db, "SELECT state::text FROM app.case_snapshots WHERE case_id = $1::bigint", 1,
                     p);
}

/* The SPDP's receipt by Korwas recorded today on case id: the status (its guard: the SPDP
 * sent since the latest Sprindik, which the write reads in the case's snapshot). */
static long spdp_receipt(long long id)
{
    char path[64], body[256], date[11];
    days_ago(0, date);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"letter_delivered\",\"date\":\"%s\",\"recipient\":\"spdp_korwas\","
             "\"received_by\":\"Korwas\"}",
             date);
    struct http_result r;
    char url[256], auth[160];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", inv);
    const char *h[] = {auth, "Content-Type: application/json", NULL};
    ck_assert(http_do("POST", url, body, strlen(body), h, &r));
    long status = r.status;
    http_result_free(&r);
    return status;
}

/* berkasd keeps the state it made a case's snapshot of, filed under that snapshot's text
 * (app/statecache.h): the case's next act takes it only when the row read under the case's
 * lock holds that text byte for byte.  A snapshot changed by SQL between two acts - believed
 * still: its format, log and rule sets its own - decides the next act as it reads (the SPDP
 * never sent: its receipt refused), as if nothing were kept, and the check names it; the row
 * put back to the very text berkasd wrote decides as that text says (the receipt recorded). */
START_TEST(test_a_snapshot_changed_between_two_acts_decides_the_next)
{
    long long id = open_case("snapshot diubah di antara dua tindakan", 20);
    file_ready(id, 10);
    rec(id, inv, "letter_delivered", 0, "\"note\":\"tindakan terakhir lewat berkasd\"");
    char *written = snap_text(id);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[2] = {cid, written};
    free(sql_value(
        db,
        "UPDATE app.case_snapshots SET state = jsonb_set(state::jsonb, '{facts,spdp_sent}', "
        "'false')::text WHERE case_id = $1::bigint RETURNING 1",
        1, p));
    ck_assert_int_eq(spdp_receipt(id), 422);
    check_names_snapshot(id);
    /* nothing was recorded: the row still as changed */
    char *sent = snap_at(id, "{facts,spdp_sent}");
    ck_assert_str_eq(sent, "false");
    free(sent);

    /* back to the bytes berkasd wrote */
    free(sql_value(
        db, "UPDATE app.case_snapshots SET state = $2 WHERE case_id = $1::bigint RETURNING 1", 2,
        p));
    char *back = snap_text(id);
    ck_assert_str_eq(back, written);
    free(back);
    ck_assert_int_eq(spdp_receipt(id), 201);
    snapshot_follows_its_log(id);
    /* the same snapshot in other bytes (as jsonb prints it): read as it says */
    free(sql_value(db,
                   "UPDATE app.case_snapshots SET state = state::jsonb::text WHERE case_id = "
                   "$1::bigint RETURNING 1",
                   1, p));
    ck_assert_int_eq(spdp_receipt(id), 201);
    snapshot_follows_its_log(id);
    json_t *c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    json_decref(c);
    free(written);
}
END_TEST

/* Whether case id's stored summary lists a running clock of code. */
static bool summary_runs(long long id, const char *code)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[2] = {cid, code};
    char *v = sql_value(db,
                        "SELECT EXISTS (SELECT 1 FROM jsonb_array_elements(detail->'clocks') k "
                        "WHERE k->>'code' = $2) FROM app.case_summaries WHERE case_id = $1::bigint",
                        2, p);
    bool runs = v && strcmp(v, "t") == 0;
    free(v);
    return runs;
}

/* Format 2 of the snapshot (issue 12.2) keeps the date order's latest acts and the clocks'
 * fold, so that a write steps them by its one act: a snapshot of format 1 (without them) is
 * named by the check and folded again by the next act; a tampered fold is named by the check,
 * and - believed, as the write believes the rest of the snapshot - decides that write's
 * clocks until the repair folds the log again. */
START_TEST(test_the_clocks_fold_rides_in_the_snapshot)
{
    long long id = open_case("lipatan jam", 20);
    file_ready(id, 10);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    /* the SPDP's clock (the first case clock: [used, running, ...]) started and stopped */
    char *used = snap_at(id, "{clocks,cases,0,0}"), *running = snap_at(id, "{clocks,cases,0,1}");
    char *seen = snap_at(id, "{order,0}"), *loads = snap_at(id, "{loads}");
    ck_assert_str_eq(used, "true");
    ck_assert_str_eq(running, "false");
    ck_assert_str_ne(seen, "absent");
    ck_assert_str_eq(loads, "true");
    free(used);
    free(running);
    free(seen);
    free(loads);
    ck_assert(!summary_runs(id, "spdp"));
    /* a clock that never started (no SP3 here) is stored as its flags alone, not thirteen
     * members: every value of the snapshot is parsed and written again by each act */
    char *idle = sql_value(db,
                           "SELECT jsonb_typeof(state::jsonb #> '{clocks,cases,6}') FROM "
                           "app.case_snapshots WHERE case_id = $1::bigint",
                           1, p);
    ck_assert_str_eq(idle, "number");
    free(idle);

    /* format 1: no folds - named, then folded again by the next act, in this berkasd's format (13)
     */
    free(sql_value(
        db,
        "UPDATE app.case_snapshots SET format = 1, state = (state::jsonb - 'order' - 'clocks' "
        "- 'loads' - 'foreign') || '{\"format\":1}' WHERE case_id = $1::bigint "
        "RETURNING 1",
        1, p));
    check_names_snapshot(id);
    rec(id, inv, "letter_delivered", 0, "\"note\":\"setelah format 1\"");
    snapshot_follows_its_log(id);
    char *fmt = snap_at(id, "{format}");
    used = snap_at(id, "{clocks,cases,0,0}");
    ck_assert_str_eq(fmt, FORMAT);
    ck_assert_str_eq(used, "true");
    free(fmt);
    free(used);
    json_t *c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    json_decref(c);

    /* the SPDP's clock running again in the fold only: named; the next act steps the fold as
     * stored, so its summary lists the clock; the repair folds the log and it is gone */
    free(sql_value(
        db,
        "UPDATE app.case_snapshots SET state = jsonb_set(state::jsonb, '{clocks,cases,0,1}', "
        "'true') WHERE case_id = $1::bigint RETURNING 1",
        1, p));
    check_names_snapshot(id);
    rec(id, inv, "letter_delivered", 0, "\"note\":\"dari lipatan\"");
    ck_assert(summary_runs(id, "spdp"));
    json_decref(check(true));
    ck_assert(!summary_runs(id, "spdp"));
    running = snap_at(id, "{clocks,cases,0,1}");
    ck_assert_str_eq(running, "false");
    free(running);

    /* the order's latest acts emptied: named and rebuilt too */
    free(sql_value(db,
                   "UPDATE app.case_snapshots SET state = jsonb_set(state::jsonb, '{order}', '[]') "
                   "WHERE case_id = $1::bigint RETURNING 1",
                   1, p));
    check_names_snapshot(id);
    json_decref(check(true));
    c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    json_decref(c);
}
END_TEST

/* The write path keeps each case's log between writes (app/logcache.h), filed under the
 * chain's head: an act the owner appends behind berkasd's back moves the head, so the next
 * write reads the log again and its snapshot and summary hold that act too; a suspect added
 * since (the log's suspect indices are his list's) likewise. */
START_TEST(test_a_log_grown_behind_berkasd_is_read_again)
{
    long long id = open_case("log di luar berkasd", 20);
    rec(id, inv, "letter_delivered", 3, "\"note\":\"pertama\"");
    rec(id, inv, "letter_delivered", 2, "\"note\":\"kedua\"");
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    /* as the owner: a copy of the last act, chained by the trigger, the case row following */
    free(sql_value(db,
                   "WITH c AS (SELECT * FROM app.cases WHERE id = $1::bigint FOR UPDATE), "
                   "e AS (INSERT INTO app.events (case_id, seq, type, legal_date, legal_at, "
                   "doc_number, party_id, corrects, regime, stage_before, stage_after, payload, "
                   "entered_at, entered_by, late, prev_hash, hash) SELECT x.case_id, c.events + 1, "
                   "x.type, x.legal_date, x.legal_at, x.doc_number, x.party_id, "
                   "x.corrects, x.regime, x.stage_before, x.stage_after, x.payload, now(), "
                   "x.entered_by, x.late, '\\x00', '\\x00' FROM app.events x, c WHERE "
                   "x.case_id = c.id AND x.seq = c.events RETURNING seq, hash) "
                   "UPDATE app.cases SET events = e.seq, version = version + 1, last_hash = "
                   "e.hash FROM e WHERE id = $1::bigint RETURNING 1",
                   1, p));
    rec(id, inv, "letter_delivered", 1, "\"note\":\"ketiga\"");
    snapshot_follows_its_log(id);
    /* a suspect added without an act: the next write maps the log to his list */
    ck_assert_int_gt(add_suspect(id, "Tersangka Baru"), 0);
    rec(id, inv, "letter_delivered", 0, "\"note\":\"keempat\"");
    snapshot_follows_its_log(id);
    json_t *c = check(false);
    ck_assert_msg(json_is_true(json_object_get(c, "consistent")), "%s",
                  json_dumps(c, JSON_COMPACT));
    json_decref(c);
}
END_TEST

START_TEST(test_an_amended_rule_set_reaches_the_list)
{
    int pre = rule_value("stall_pre_investigation_days");
    char body[160];
    snprintf(body, sizeof body,
             "{\"value\":%d,\"effective_from\":\"2026-01-02\",\"override\":true,\"note\":\"uji\"}",
             pre + 10);
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-2025/stall_pre_investigation_days", admin, body, 200));
    /* the summaries computed under the old value are rewritten in the background */
    char due[11];
    days_ago(31 - (pre + 10) + 1, due);
    bool moved = false;
    for (int i = 0; i < 100 && !moved; i++) {
        json_t *items = review_all(sup_kanwil, NULL);
        json_t *it = item_of(items, walk[W_PRE]);
        moved = it && strcmp(reason_str(it, "due_date"), due) == 0 &&
                strcmp(json_string_value(json_object_get(it, "state")), "ok") == 0;
        json_decref(items);
        if (!moved)
            usleep(100 * 1000);
    }
    ck_assert_msg(moved, "the list did not follow the amendment");
    snprintf(body, sizeof body,
             "{\"value\":%d,\"effective_from\":\"2026-01-02\",\"override\":true,\"note\":\"uji\"}",
             pre);
    json_decref(
        call("PUT", "/api/v1/rulesets/KUHAP-2025/stall_pre_investigation_days", admin, body, 200));
}
END_TEST

/* ---- directions (item 2) ---------------------------------------------------------------- */

static long long events_of(long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    return sql_count(db, "SELECT count(*) FROM app.events WHERE case_id = $1::bigint", 1, p);
}

static json_t *post_event(long long id, const char *token, const char *body, long want)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    return call("POST", path, token, body, want);
}

static void expect_field(json_t *problem, const char *field)
{
    ck_assert_msg(json_is_string(json_object_get(problem, "field")) &&
                      strcmp(json_string_value(json_object_get(problem, "field")), field) == 0,
                  "want field %s: %s", field, json_dumps(problem, JSON_COMPACT));
    json_decref(problem);
}

static json_t *direction_in(json_t *items, long long event_id)
{
    json_t *it;
    size_t i;
    json_array_foreach(items, i, it)
    {
        if (json_integer_value(json_object_get(it, "event_id")) == event_id)
            return it;
    }
    return NULL;
}

START_TEST(test_a_direction_is_due_no_earlier_than_today_and_shown_to_its_investigator)
{
    long long id = walk[W_NO_SPDP];
    long long before = events_of(id);
    char yesterday[11], soon[11], body[512];
    days_ago(1, yesterday);
    days_ago(-3, soon);
    /* the issue: "a due date in the past is accepted" - no more */
    snprintf(body, sizeof body,
             "{\"type\":\"direction_given\",\"due\":\"%s\",\"note\":\"Kirim SPDP hari ini\"}",
             yesterday);
    expect_field(post_event(id, sup_plg, body, 400), "due");
    snprintf(body, sizeof body, "{\"type\":\"direction_given\",\"due\":\"%s\"}", soon);
    expect_field(post_event(id, sup_plg, body, 400), "note");
    /* to: an investigator of the case's own office, by NIP */
    snprintf(body, sizeof body,
             "{\"type\":\"direction_given\",\"due\":\"%s\",\"note\":\"x\",\"to\":\"%s\"}", soon,
             NIP_INV_MRE);
    expect_field(post_event(id, sup_plg, body, 400), "to");
    snprintf(body, sizeof body,
             "{\"type\":\"direction_given\",\"due\":\"%s\",\"note\":\"x\",\"to\":\"%s\"}", soon,
             NIP_PROS_PLG);
    expect_field(post_event(id, sup_plg, body, 400), "to");
    ck_assert_int_eq(events_of(id), before); /* refusals write nothing */
    /* the NIP as printed, with its spaces */
    snprintf(body, sizeof body,
             "{\"type\":\"direction_given\",\"due\":\"%s\",\"note\":\"Segera kirim SPDP ke "
             "Kejari\",\"to\":\"19900214 201402 2 002\"}",
             soon);
    json_t *e = post_event(id, sup_plg, body, 201);
    long long dir = json_integer_value(json_object_get(e, "id"));
    json_decref(e);

    /* case show: the text, the due date, to whom, from whom */
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, inv2, NULL, 200);
    json_t *d = direction_in(json_object_get(c, "directions"), dir);
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(json_string_value(json_object_get(d, "text")), "Segera kirim SPDP ke Kejari");
    ck_assert_str_eq(json_string_value(json_object_get(d, "due")), soon);
    ck_assert_str_eq(json_string_value(json_object_get(d, "to_name")), "Siti Nurhaliza Putri");
    ck_assert_str_eq(json_string_value(json_object_get(d, "given_by")), "Rudi Hartono");
    ck_assert(json_is_null(json_object_get(d, "done")));
    /* ... and its clock says what it is */
    json_t *clk;
    size_t i;
    bool clocked = false;
    json_array_foreach(json_object_get(c, "clocks"), i, clk)
    {
        clocked |= strcmp(json_string_value(json_object_get(clk, "code")), "direction") == 0 &&
                   json_integer_value(json_object_get(clk, "event_id")) == dir &&
                   strcmp(json_string_value(json_object_get(clk, "text")),
                          "Segera kirim SPDP ke Kejari") == 0;
    }
    ck_assert(clocked);
    json_decref(c);

    /* her list has it; her colleague's own list does not, his office's does */
    json_t *hers = call("GET", "/api/v1/directions", inv2, NULL, 200);
    json_t *mine = direction_in(json_object_get(hers, "items"), dir);
    ck_assert_ptr_nonnull(mine);
    ck_assert_str_eq(json_string_value(json_object_get(mine, "state")), "open");
    ck_assert_int_eq(json_integer_value(json_object_get(mine, "days_left")), 3);
    json_decref(hers);
    json_t *his = call("GET", "/api/v1/directions", inv, NULL, 200);
    ck_assert_ptr_null(direction_in(json_object_get(his, "items"), dir));
    json_decref(his);
    his = call("GET", "/api/v1/directions?mine=false", inv, NULL, 200);
    ck_assert_ptr_nonnull(direction_in(json_object_get(his, "items"), dir));
    json_decref(his);
    /* the review counts it open */
    json_t *items = review_all(sup_kanwil, NULL);
    json_t *it = item_of(items, id);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(it, "directions"), "open")),
                     1);
    json_decref(items);

    /* time passes (the stored instants move back), and it is overdue in both lists */
    char cid[24], did[24];
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(did, sizeof did, "%lld", dir);
    const char *p[2] = {cid, did};
    free(sql_value(db,
                   "UPDATE app.case_summaries SET directions_due_at = directions_due_at - "
                   "interval '5 days', detail = jsonb_set(detail, '{directions}', (SELECT "
                   "jsonb_agg(CASE WHEN (d->>'event_id')::bigint = $2::bigint THEN jsonb_set(d, "
                   "'{due_at}', to_jsonb((d->>'due_at')::bigint - 5 * 86400)) ELSE d END) FROM "
                   "jsonb_array_elements(detail->'directions') d)) WHERE case_id = $1::bigint",
                   2, p));
    items = review_all(sup_kanwil, NULL);
    it = item_of(items, id);
    ck_assert_int_eq(
        json_integer_value(json_object_get(json_object_get(it, "directions"), "overdue")), 1);
    json_decref(items);
    json_t *late = call("GET", "/api/v1/directions?state=overdue", sup_kanwil, NULL, 200);
    ck_assert_ptr_nonnull(direction_in(json_object_get(late, "items"), dir));
    json_decref(late);
    json_decref(check(true)); /* the truth back */

    /* done with a note, by the investigator */
    snprintf(body, sizeof body, "{\"type\":\"direction_done\",\"direction\":%lld}", dir);
    expect_field(post_event(id, inv2, body, 400), "note");
    snprintf(body, sizeof body,
             "{\"type\":\"direction_done\",\"direction\":%lld,\"note\":\"SPDP terkirim\"}", dir);
    json_decref(post_event(id, inv2, body, 201));
    json_t *open = call("GET", "/api/v1/directions?mine=false", inv, NULL, 200);
    ck_assert_ptr_null(direction_in(json_object_get(open, "items"), dir));
    json_decref(open);
    json_t *done = call("GET", "/api/v1/directions?state=done&mine=false", inv, NULL, 200);
    json_t *dd = direction_in(json_object_get(done, "items"), dir);
    ck_assert_ptr_nonnull(dd);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(dd, "done"), "note")),
                     "SPDP terkirim");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(dd, "done"), "by")),
                     "Siti Nurhaliza Putri");
    json_decref(done);
}
END_TEST

START_TEST(test_directions_bad_input_and_callers)
{
    static const char *const bad[][2] = {{"state=late", "state"},
                                         {"mine=maybe", "mine"},
                                         {"cursor=abc", "cursor"},
                                         {"limit=0", "limit"},
                                         {"office=NOPE-9", "office"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "/api/v1/directions?%s", bad[i][0]);
        expect_field(call("GET", path, sup_kanwil, NULL, 400), bad[i][1]);
    }
    json_decref(call("GET", "/api/v1/directions", pros, NULL, 403));
    json_decref(call("GET", "/api/v1/directions", admin, NULL, 403));
    json_decref(call("GET", "/api/v1/directions", NULL, NULL, 401));
}
END_TEST

/* ---- the team (item 3) ------------------------------------------------------------------- */

static json_t *team_of(long long id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, sup_plg, NULL, 200);
    json_t *team = json_incref(json_object_get(c, "team"));
    json_decref(c);
    return team;
}

static bool team_has(json_t *team, const char *nip)
{
    json_t *m;
    size_t i;
    json_array_foreach(team, i, m)
    {
        if (strcmp(json_string_value(json_object_get(m, "nip")), nip) == 0)
            return true;
    }
    return false;
}

START_TEST(test_the_sprindik_names_the_team_and_a_supervisor_reassigns_with_a_reason)
{
    long long a = open_case("Uji tim: Sprindik", 12), b = open_case("Uji tim: kedua", 12);
    json_t *team = team_of(a);
    ck_assert_uint_eq(json_array_size(team), 1);
    ck_assert(team_has(team, NIP_INV_PLG)); /* who opened it */
    json_decref(team);
    char d[11], body[512];
    days_ago(10, d);
    snprintf(body, sizeof body, "{\"type\":\"sprindik_issued\",\"date\":\"%s\",\"team\":[\"%s\"]}",
             d, NIP_INV_MRE); /* Muara Enim's investigator is not Palembang's */
    expect_field(post_event(a, inv, body, 400), "team");
    snprintf(body, sizeof body, "{\"type\":\"sprindik_issued\",\"date\":\"%s\",\"team\":[\"%s\"]}",
             d, NIP_INV_PLG2);
    json_decref(post_event(a, inv, body, 201));
    team = team_of(a);
    ck_assert_uint_eq(json_array_size(team), 1);
    ck_assert(team_has(team, NIP_INV_PLG2));
    json_decref(team);
    /* the investigators' own lists follow the team */
    json_t *his = review_all(inv, NULL), *hers = review_all(inv2, NULL);
    ck_assert_ptr_null(item_of(his, a));
    ck_assert_ptr_nonnull(item_of(hers, a));
    json_decref(his);
    json_decref(hers);

    /* reassigning needs a reason, a supervisor, files they reach, and leaves no file alone */
    char *num_b = NULL;
    {
        char cid[24];
        snprintf(cid, sizeof cid, "%lld", b);
        const char *p[1] = {cid};
        num_b = sql_value(db, "SELECT number FROM app.cases WHERE id = $1::bigint", 1, p);
    }
    long long ea = events_of(a), eb = events_of(b);
    snprintf(body, sizeof body, "{\"cases\":[%lld,\"%s\"],\"add\":[\"%s\"],\"reason\":\" \"}", a,
             num_b, NIP_INV_PLG);
    expect_field(call("POST", "/api/v1/reassignments", sup_plg, body, 400), "reason");
    snprintf(body, sizeof body, "{\"cases\":[%lld],\"remove\":[\"%s\"],\"reason\":\"cuti\"}", a,
             NIP_INV_PLG2);
    expect_field(call("POST", "/api/v1/reassignments", sup_plg, body, 400), "remove");
    snprintf(body, sizeof body, "{\"cases\":[%lld],\"add\":[\"%s\"],\"reason\":\"cuti\"}", a,
             NIP_INV_PLG);
    json_decref(call("POST", "/api/v1/reassignments", inv, body, 403));
    json_decref(call("POST", "/api/v1/reassignments", NULL, body, 401));
    snprintf(body, sizeof body, "{\"cases\":[\"LK/TIDAK/ADA\"],\"add\":[\"%s\"],\"reason\":\"x\"}",
             NIP_INV_PLG);
    json_decref(call("POST", "/api/v1/reassignments", sup_plg, body, 404));
    /* all or none: a file handed over takes no reassignment, so neither moves */
    snprintf(body, sizeof body, "{\"cases\":[%lld,%lld],\"add\":[\"%s\"],\"reason\":\"x\"}", a,
             walk[W_HANDED], NIP_INV_PLG);
    json_decref(call("POST", "/api/v1/reassignments", sup_plg, body, 409));
    ck_assert_int_eq(events_of(a), ea);
    ck_assert_int_eq(events_of(b), eb);

    snprintf(body, sizeof body,
             "{\"cases\":[%lld,\"%s\"],\"add\":[\"%s\"],\"remove\":[\"19900214 201402 2 "
             "002\"],\"reason\":\"Penyidik Siti cuti melahirkan\"}",
             a, num_b, NIP_INV_PLG);
    /* with an Idempotency-Key: a retry gets the first answer and moves nothing again */
    ck_assert_int_eq(post_keyed("/api/v1/reassignments", sup_plg, body, "pindah-siti-1"), 200);
    ck_assert_int_eq(post_keyed("/api/v1/reassignments", sup_plg, body, "pindah-siti-1"), 200);
    ck_assert_int_eq(events_of(a), ea + 1);
    ck_assert_int_eq(events_of(b), eb + 1);
    team = team_of(a);
    ck_assert(team_has(team, NIP_INV_PLG) && !team_has(team, NIP_INV_PLG2));
    json_decref(team);
    /* each file's log says who moved whom and why; the audit trail has the act */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", a);
    const char *p[1] = {cid};
    char *payload = sql_value(db,
                              "SELECT payload::text FROM app.events WHERE case_id = $1::bigint "
                              "AND type = 'reassigned'",
                              1, p);
    ck_assert_ptr_nonnull(strstr(payload, "Penyidik Siti cuti melahirkan"));
    ck_assert_ptr_nonnull(strstr(payload, "\"added\""));
    ck_assert_ptr_nonnull(strstr(payload, "\"removed\""));
    free(payload);
    ck_assert_int_ge(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE action = 'case.reassign' "
                               "AND outcome = 'ok' AND detail->>'cases' = '2'",
                               0, NULL),
                     1);
    ck_assert_int_ge(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE action = 'case.reassign' "
                               "AND outcome = 'refused'",
                               0, NULL),
                     4);
    free(num_b);
}
END_TEST

/* A reassignment refused by one file's stage (Tahap II done: the file has
 * left the investigators, and reassigned is not an act of that stage) is
 * refused whole: the answer names that file, neither file gains an act, and
 * the audit trail has the refusal.  (Run under ASan: a refusal's problem
 * members are freed on the way out.) */
START_TEST(test_a_refused_reassignment_names_the_file_and_moves_none)
{
    long long open_one = open_case("Uji tim: ditolak", 12), closed = walk[W_HANDED];
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", closed);
    const char *p[1] = {cid};
    char *number = sql_value(db, "SELECT number FROM app.cases WHERE id = $1::bigint", 1, p);
    long long refused_before =
        sql_count(db,
                  "SELECT count(*) FROM audit.events WHERE action = 'case.reassign' "
                  "AND outcome = 'refused'",
                  0, NULL);
    long long e_open = events_of(open_one), e_closed = events_of(closed);
    char body[256];
    snprintf(body, sizeof body, "{\"cases\":[%lld,%lld],\"add\":[\"%s\"],\"reason\":\"rotasi\"}",
             open_one, closed, NIP_INV_PLG2);
    json_t *problem = call("POST", "/api/v1/reassignments", sup_plg, body, 409);
    const char *detail = json_string_value(json_object_get(problem, "detail"));
    ck_assert_ptr_nonnull(detail);
    ck_assert_msg(strstr(detail, number), "the refusal names %s: %s", number, detail);
    json_decref(problem);
    ck_assert_int_eq(events_of(open_one), e_open);
    ck_assert_int_eq(events_of(closed), e_closed);
    ck_assert_int_eq(sql_count(db,
                               "SELECT count(*) FROM audit.events WHERE action = 'case.reassign' "
                               "AND outcome = 'refused'",
                               0, NULL),
                     refused_before + 1);
    free(number);
}
END_TEST

START_TEST(test_p16_names_the_jaksa_peneliti)
{
    long long id = walk[W_WITH_PU];
    char body[256];
    snprintf(body, sizeof body, "{\"type\":\"p16_received\",\"jaksa\":\"%s\"}", NIP_INV_PLG);
    expect_field(post_event(id, pros, body, 400), "jaksa");
    /* appointed on the day of the file's last act, recorded later: he is the jaksa since the
     * P-16's own day, not since it was typed in (the act's date, DOMAIN 12) */
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *day = sql_value(db,
                          "SELECT max(legal_date)::text FROM app.events WHERE case_id = "
                          "$1::bigint",
                          1, p);
    snprintf(body, sizeof body, "{\"type\":\"p16_received\",\"date\":\"%s\",\"jaksa\":\"%s\"}", day,
             NIP_PROS_PLG);
    json_decref(post_event(id, pros, body, 201));
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, inv, NULL, 200);
    json_t *j = json_array_get(json_object_get(c, "jaksa"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(j, "name")), "Fitri Handayani");
    ck_assert_str_eq(json_string_value(json_object_get(j, "since")), day);
    json_decref(c);
    /* the P-16 re-dated to the SPDP's day: since the day the act stands at now (DOMAIN 12) */
    char *spdp = sql_value(db,
                           "SELECT legal_date::text FROM app.events WHERE case_id = "
                           "$1::bigint AND type = 'spdp_sent' ORDER BY seq LIMIT 1",
                           1, p);
    char *p16 = sql_value(db,
                          "SELECT id::text FROM app.events WHERE case_id = $1::bigint AND "
                          "type = 'p16_received' ORDER BY seq DESC LIMIT 1",
                          1, p);
    snprintf(body, sizeof body,
             "{\"type\":\"corrected\",\"corrects\":%s,\"date\":\"%s\",\"note\":\"salah "
             "tanggal\"}",
             p16, spdp);
    json_decref(post_event(id, pros, body, 201));
    c = call("GET", path, inv, NULL, 200);
    j = json_array_get(json_object_get(c, "jaksa"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(j, "since")), spdp);
    free(spdp);
    free(p16);
    /* and the team named by the order (the Sprindik) since the order's day */
    char *sprindik = sql_value(db,
                               "SELECT legal_date::text FROM app.events WHERE case_id = "
                               "$1::bigint AND type IN ('sprindik_issued', "
                               "'pre_investigation_ordered') AND payload ? 'team' "
                               "ORDER BY seq DESC LIMIT 1",
                               1, p);
    json_t *team = json_object_get(c, "team");
    ck_assert_int_gt(json_array_size(team), 0);
    size_t i;
    json_t *m;
    json_array_foreach(team, i, m)
    {
        if (strcmp(json_string_value(json_object_get(m, "source")), "order") == 0)
            ck_assert_str_eq(json_string_value(json_object_get(m, "since")), sprindik);
    }
    free(sprindik);
    free(day);
    json_decref(c);
}
END_TEST

/* ---- the CLI ------------------------------------------------------------------------------ */

START_TEST(test_berkas_review_prints_the_list_in_100_columns)
{
    char *dir = harness_mkdtemp("review-cli");
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    setenv("BERKAS_SERVER", url, 1);
    char *login[] = {(char *)harness_cli(), "login", "--nip", NIP_SUP_KANWIL, NULL};
    char *out = NULL;
    ck_assert_int_eq(run_capture(login, 30000, &out), 0);
    free(out);
    char *review[] = {(char *)harness_cli(), "review", NULL};
    ck_assert_int_eq(run_capture(review, 30000, &out), 0);
    char id[24];
    snprintf(id, sizeof id, "%lld", walk[W_COMPLETE]);
    const char *p[1] = {id};
    char *num = sql_value(db, "SELECT number FROM app.cases WHERE id = $1::bigint", 1, p);
    /* its line says overdue, Tahap II, the investigator */
    char *line = strstr(out, num);
    ck_assert_msg(line != NULL, "%s not in:\n%s", num, out);
    while (line > out && line[-1] != '\n')
        line--;
    ck_assert_msg(strncmp(line, "!! LEWAT", 8) == 0, "line: %.100s", line);
    ck_assert_ptr_nonnull(strstr(line, "Tahap II"));
    ck_assert_ptr_nonnull(strstr(line, "Penyidik"));
    /* the Kanwil's row of the counts totals its Kanims' files, its own (none) in brackets: it
     * was left out as an office with nothing listed */
    json_t *counts = call("GET", "/api/v1/review/offices", sup_kanwil, NULL, 200);
    json_t *o, *kanwil = NULL;
    size_t oi;
    json_array_foreach(json_object_get(counts, "items"), oi, o)
    {
        if (strcmp(json_string_value(json_object_get(o, "code")), "KANWIL-SUMSEL") == 0)
            kanwil = o;
    }
    ck_assert_ptr_nonnull(kanwil);
    char want[48];
    snprintf(
        want, sizeof want, " %lld (0) ",
        (long long)json_integer_value(json_object_get(json_object_get(kanwil, "subtree"), "open")));
    json_decref(counts);
    char *row = strstr(out, "\nKANWIL-SUMSEL ");
    ck_assert_msg(row != NULL, "no KANWIL-SUMSEL row in:\n%s", out);
    char *eol = strchr(row + 1, '\n');
    ck_assert_ptr_nonnull(eol);
    *eol = '\0';
    ck_assert_msg(strstr(row, want) != NULL, "no '%s' in '%s'", want, row + 1);
    *eol = '\n';
    ck_assert_ptr_nonnull(strstr(out, "Angka kantor termasuk kantor di bawahnya"));
    /* every line fits 100 columns (characters, not bytes) */
    for (char *l = out; *l;) {
        char *end = strchr(l, '\n');
        size_t chars = 0;
        for (char *c = l; c < (end ? end : l + strlen(l)); c++)
            chars += ((unsigned char)*c & 0xC0) != 0x80;
        ck_assert_msg(chars <= 100, "%zu columns: %.120s", chars, l);
        l = end ? end + 1 : l + strlen(l);
    }
    free(out);
    free(num);
    char *json[] = {(char *)harness_cli(), "review", "--json", "--state", "overdue", NULL};
    ck_assert_int_eq(run_capture(json, 30000, &out), 0);
    json_t *j = json_loads(out, 0, NULL);
    ck_assert_ptr_nonnull(j);
    all_have(json_object_get(json_object_get(j, "review"), "items"), "state", NULL, "overdue");
    json_decref(j);
    free(out);
    char *bad[] = {(char *)harness_cli(), "review", "--state", "nope", NULL};
    ck_assert_int_eq(run_capture(bad, 30000, &out), 1);
    ck_assert_ptr_nonnull(strstr(out, "state"));
    free(out);
    char *usage[] = {(char *)harness_cli(), "review", "--mine", "--everyone", NULL};
    ck_assert_int_eq(run_capture(usage, 30000, &out), 2);
    free(out);
    free(dir);
}
END_TEST

START_TEST(test_berkas_direction_give_directions_and_reassign)
{
    char *dir = harness_mkdtemp("review-cli2");
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("BERKAS_PASSWORD", DEMO_PW, 1);
    char url[64], soon[11], *out = NULL;
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    setenv("BERKAS_SERVER", url, 1);
    days_ago(-2, soon);
    char *login[] = {(char *)harness_cli(), "login", "--nip", NIP_SUP_PLG, NULL};
    ck_assert_int_eq(run_capture(login, 30000, &out), 0);
    free(out);
    long long id = open_case("Uji CLI arahan", 5);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *number = sql_value(db, "SELECT number FROM app.cases WHERE id = $1::bigint", 1, p);
    /* the case by its number, the investigator by the NIP as printed */
    char *give[] = {(char *)harness_cli(),
                    "direction",
                    "give",
                    number,
                    "--due",
                    soon,
                    "--text",
                    "Periksa saksi pelapor",
                    "--to",
                    "19881111 201012 1 001",
                    NULL};
    ck_assert_int_eq(run_capture(give, 30000, &out), 0);
    ck_assert_ptr_nonnull(strstr(out, "arahan dicatat"));
    free(out);
    char *past[] = {(char *)harness_cli(), "direction", "give", number, "--due",
                    "2020-01-01",          "--text",    "x",    NULL};
    ck_assert_int_eq(run_capture(past, 30000, &out), 1);
    ck_assert_ptr_nonnull(strstr(out, "due"));
    free(out);
    char *list[] = {(char *)harness_cli(), "directions", NULL};
    ck_assert_int_eq(run_capture(list, 30000, &out), 0);
    ck_assert_msg(strstr(out, "Periksa saksi pelapor") && strstr(out, number), "%s", out);
    free(out);
    char *move[] = {(char *)harness_cli(), "reassign", "--case",      number, "--add",
                    NIP_INV_PLG2,          "--reason", "Beban kerja", NULL};
    ck_assert_int_eq(run_capture(move, 30000, &out), 0);
    ck_assert_msg(strstr(out, "Siti Nurhaliza Putri") && strstr(out, "Andi Pratama"), "%s", out);
    free(out);
    char *noreason[] = {(char *)harness_cli(), "reassign", "--case", number, "--add",
                        NIP_INV_PLG2,          NULL};
    ck_assert_int_eq(run_capture(noreason, 30000, &out), 2);
    free(out);
    free(number);
    free(dir);
}
END_TEST

/* Last: berkasd stops cleanly after everything above, refusals included.
 * Under ASan a leak anywhere on these paths (a refused reassignment's
 * problem members, a list's rows) is LeakSanitizer's report in its output
 * at exit.  (Each test runs in a process of its own: berkasd is its
 * parent's child, so the test watches it end rather than waiting for it.) */
START_TEST(test_berkasd_stops_cleanly_after_the_lists_and_refusals)
{
    ck_assert_int_eq(kill(server.pid, SIGTERM), 0);
    char stat[64];
    snprintf(stat, sizeof stat, "/proc/%d/stat", (int)server.pid);
    bool ended = false;
    for (int waited = 0; waited < 30000 && !ended; waited += 10) {
        FILE *f = fopen(stat, "r");
        char state = 'R';
        ended = !f || (fscanf(f, "%*d (%*[^)]) %c", &state) == 1 && (state == 'Z' || state == 'X'));
        if (f)
            fclose(f);
        if (!ended)
            usleep(10000);
    }
    ck_assert_msg(ended, "berkasd did not stop within 30 s");
    char *out = proc_output(&server);
    ck_assert_ptr_nonnull(out);
    bool clean = strstr(out, "berkasd: stopped") && !strstr(out, "Sanitizer");
    if (!clean)
        fprintf(stderr, "%s\n", out);
    free(out);
    ck_assert_msg(clean, "berkasd did not stop cleanly: its output is above");
}
END_TEST

/* The suspects the list names come as entered, whatever their names hold
 * (quotes, commas, braces, a backslash, the word NULL), and the team by name. */
START_TEST(test_names_in_the_list_come_as_entered)
{
    long long id = open_case("Uji tinjauan: nama tersangka", 4);
    rec(id, inv, "sprindik_issued", 3, NULL);
    long long other = add_suspect(id, "NULL");
    long long s = add_suspect(id, "O\\\"Brien, {Jr.} \\\\ x");
    char extra[128], at[11], body[512], path[64];
    snprintf(extra, sizeof extra, "\"party_id\":%lld", s);
    rec(id, inv, "suspect_designated", 2, extra);
    days_ago(1, at);
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body,
             "{\"type\":\"arrested\",\"at\":\"%sT09:00:00+07:00\",\"party_id\":%lld,"
             "\"polri_order\":\"SP.Kap/9/2026\"}",
             at, s);
    json_decref(call("POST", path, inv, body, 201));
    json_t *items = review_all(sup_plg, NULL);
    json_t *it = item_of(items, id);
    ck_assert_ptr_nonnull(it);
    json_t *dets = json_object_get(it, "detentions");
    ck_assert_uint_eq(json_array_size(dets), 1); /* the arrest's clock (KUHAP 19(1)) */
    json_t *party = json_object_get(json_array_get(dets, 0), "party");
    ck_assert_int_eq(json_integer_value(json_object_get(party, "id")), s);
    ck_assert_int_ne(s, other);
    ck_assert_str_eq(json_string_value(json_object_get(party, "name")), "O\"Brien, {Jr.} \\ x");
    /* the investigator who opened the case is its team */
    json_t *team = json_object_get(it, "team");
    ck_assert_uint_eq(json_array_size(team), 1);
    json_t *me = call("GET", "/api/v1/me", inv, NULL, 200);
    ck_assert_str_eq(json_string_value(json_array_get(team, 0)),
                     json_string_value(json_object_get(me, "name")));
    json_decref(me);
    json_decref(items);
}
END_TEST

/* Format 4 and later (the P-17 clock counts from the prosecutor's receipt of the SPDP, DOMAIN D14):
 * a snapshot an older berkasd wrote (format 3, its P-17 from the sending) is stale for the start-up
 * sweep, which folds the log again: the P-17 then counts from the receipt, in the snapshot and in
 * the summary the lists read. */
START_TEST(test_the_start_up_sweep_refolds_a_format_3_snapshot)
{
    long long id = open_case("format 3 dan P-17", 45);
    rec(id, inv, "sprindik_issued", 44, NULL);
    rec(id, inv, "spdp_sent", 40, "\"recipient\":\"kejari\"");
    rec(id, pros, "spdp_received_by_pu", 31, NULL);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    char *receipt = sql_value(db,
                              "SELECT id::text FROM app.events WHERE case_id = $1::bigint AND "
                              "type = 'spdp_received_by_pu'",
                              1, p);
    const char *summary_p17 = "SELECT k->>'event_id' FROM app.case_summaries s, "
                              "jsonb_array_elements(s.detail->'clocks') k WHERE s.case_id = "
                              "$1::bigint AND k->>'code' = 'p17'";
    char *from = sql_value(db, summary_p17, 1, p);
    ck_assert_str_eq(from, receipt); /* the clock counts from the receipt */
    free(from);
    /* as an older berkasd left it: format 3, the P-17 slot (the second case clock) idle, a
     * summary computed under the older derivation */
    free(sql_value(
        db,
        "UPDATE app.case_snapshots SET format = 3, state = jsonb_set(jsonb_set(state::jsonb, "
        "'{format}', '3'), '{clocks,cases,1}', '0') WHERE case_id = $1::bigint "
        "RETURNING 1",
        1, p));
    free(sql_value(db,
                   "UPDATE app.case_summaries SET rules_sig = rules_sig + 1, detail = "
                   "jsonb_set(detail, '{clocks}', '[]') WHERE case_id = $1::bigint RETURNING 1",
                   1, p));
    ck_assert(!summary_runs(id, "p17"));
    struct berr err = {0};
    struct db_pool *maint = db_pool_new(db, 1, "berkas_maint", &err);
    ck_assert_msg(maint != NULL, "%s", err.message);
    atomic_bool stop;
    atomic_init(&stop, false);
    struct summary_report rep;
    ck_assert_msg(summary_sweep_until(maint, 0, SUMMARY_STALE, &stop, &rep, &err), "%s",
                  err.message);
    ck_assert_int_ge(rep.written, 1);
    json_decref(rep.mismatches);
    db_pool_free(maint);
    snapshot_follows_its_log(id);
    char *fmt = snap_at(id, "{format}"), *moved = snap_at(id, "{clocks,cases,1,3}");
    ck_assert_str_eq(fmt, FORMAT);
    ck_assert_str_eq(moved, "true"); /* [used, running, armed, moved, ...] */
    free(fmt);
    free(moved);
    from = sql_value(db, summary_p17, 1, p);
    ck_assert_str_eq(from, receipt);
    free(from);
    free(receipt);
}
END_TEST

/* Derivation 11 (a suspect held is the reason): a summary an older berkasd wrote, in which the
 * clock due first (the P-17) was the reason, is stale for the start-up sweep, which computes it
 * again from the log: the held suspect is then found where a supervisor looks for him. */
START_TEST(test_the_start_up_sweep_makes_the_held_suspect_the_reason_of_an_older_summary)
{
    long long s;
    long long id = spdp_case("Ringkasan lama: P-17 sebagai alasan", 99, &s);
    hold(id, s, 60);
    in_filter("reason=detention", id, true);
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    static const char *const stored =
        "SELECT clock_code FROM app.case_summaries WHERE case_id = $1::bigint";
    /* as derivation 10 left it, under its own fingerprint */
    free(sql_value(db,
                   "UPDATE app.case_summaries SET clock_code = 'p17', clock_actor = 'prosecutor', "
                   "clock_party = NULL, rules_sig = rules_sig + 1 WHERE case_id = $1::bigint "
                   "RETURNING 1",
                   1, p));
    /* the stored reason only (both clocks are late: each finds the file either way) */
    char *code = sql_value(db, stored, 1, p);
    ck_assert_str_eq(code, "p17");
    free(code);
    struct berr err = {0};
    struct db_pool *maint = db_pool_new(db, 1, "berkas_maint", &err);
    ck_assert_msg(maint != NULL, "%s", err.message);
    atomic_bool stop;
    atomic_init(&stop, false);
    struct summary_report rep;
    ck_assert_msg(summary_sweep_until(maint, 0, SUMMARY_STALE, &stop, &rep, &err), "%s",
                  err.message);
    ck_assert_int_ge(rep.written, 1);
    json_decref(rep.mismatches);
    db_pool_free(maint);
    code = sql_value(db, stored, 1, p);
    ck_assert_str_eq(code, "detention");
    free(code);
    in_filter("reason=detention", id, true);
    json_t *items = review_all(sup_kanwil, "reason=detention");
    json_t *party =
        json_object_get(json_object_get(listed(items, id, "refolded"), "reason"), "party");
    ck_assert_int_eq(json_integer_value(json_object_get(party, "id")), s);
    json_decref(items);
}
END_TEST

Suite *suite_review(void)
{
    Suite *s = suite_create("review");
    TCase *tc = tcase_create("review");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_reason_and_actor_at_every_stage);
    tcase_add_test(tc, test_a_file_returned_again_by_letter_is_a_second_round_and_marked);
    tcase_add_test(tc, test_a_suspect_held_past_his_time_is_the_reason_before_an_overdue_p17);
    tcase_add_test(tc, test_a_detention_in_time_does_not_hide_the_late_p17);
    tcase_add_test(tc, test_a_released_suspect_is_no_longer_the_reason);
    tcase_add_test(tc, test_every_late_clock_is_a_reason_and_the_weightiest_is_the_headline);
    tcase_add_test(tc, test_on_the_last_day_of_a_detention_the_row_names_the_late_notice);
    tcase_add_test(tc, test_a_closed_file_keeps_its_missed_notices_off_the_board);
    tcase_add_test(tc, test_after_an_sp3_the_suspect_held_is_owed_his_release_at_once);
    tcase_add_test(tc, test_the_reporters_spdp_is_owed_only_to_a_file_that_has_one);
    tcase_add_test(tc, test_a_suspect_held_outranks_the_stall);
    tcase_add_test(tc, test_an_overdue_file_untouched_past_its_limit_says_how_long);
    tcase_add_test(tc, test_the_earliest_deadline_first_and_every_page_once);
    tcase_add_test(tc, test_filters_narrow_the_list);
    tcase_add_test(tc, test_bad_filters_are_refused_naming_the_parameter);
    tcase_add_test(tc, test_each_caller_sees_their_reach_only);
    tcase_add_test(tc, test_counts_per_office_match_the_list);
    tcase_add_test(tc, test_stalled_from_the_stages_nth_day_without_an_act);
    tcase_add_test(tc, test_the_prosecutors_letters_do_not_hide_a_stalled_investigation);
    tcase_add_test(tc, test_counts_per_office_equal_a_count_of_every_summary);
    tcase_add_test(tc, test_a_tampered_summary_is_named_and_repaired);
    tcase_add_test(tc, test_time_passes_without_a_write);
    tcase_add_test(tc, test_berkasd_checks_and_rebuilds_the_summaries_from_the_logs);
    tcase_add_test(tc, test_a_direction_is_due_no_earlier_than_today_and_shown_to_its_investigator);
    tcase_add_test(tc, test_directions_bad_input_and_callers);
    tcase_add_test(tc, test_the_sprindik_names_the_team_and_a_supervisor_reassigns_with_a_reason);
    tcase_add_test(tc, test_a_refused_reassignment_names_the_file_and_moves_none);
    tcase_add_test(tc, test_p16_names_the_jaksa_peneliti);
    tcase_add_test(tc, test_an_amended_rule_set_reaches_the_list);
    tcase_add_test(tc, test_berkas_review_prints_the_list_in_100_columns);
    tcase_add_test(tc, test_the_start_up_sweep_refolds_a_format_3_snapshot);
    tcase_add_test(tc,
                   test_the_start_up_sweep_makes_the_held_suspect_the_reason_of_an_older_summary);
    tcase_add_test(tc, test_berkas_direction_give_directions_and_reassign);
    tcase_add_test(tc, test_a_tampered_snapshot_is_named_and_rebuilt);
    tcase_add_test(tc, test_the_clocks_fold_rides_in_the_snapshot);
    tcase_add_test(tc, test_a_notice_owed_past_its_day_makes_the_file_overdue);
    tcase_add_test(tc, test_after_a_correction_the_snapshot_is_a_fresh_fold);
    tcase_add_test(tc, test_the_write_decides_over_the_snapshot);
    tcase_add_test(tc, test_a_snapshot_changed_between_two_acts_decides_the_next);
    tcase_add_test(tc, test_a_log_grown_behind_berkasd_is_read_again);
    tcase_add_test(tc, test_a_file_moving_between_pages_leaves_the_others_in_place);
    tcase_add_test(tc, test_names_in_the_list_come_as_entered);
    tcase_add_test(tc, test_berkasd_stops_cleanly_after_the_lists_and_refusals);
    suite_add_tcase(s, tc);
    return s;
}
