/*
 * test_seizure.c - each seizure paper lists the things ITS act took, over real HTTP against a
 * real berkasd on the demo data, read back with pdftotext.
 *
 * Expectations come from the law, not from the code:
 *   - a Berita Acara records what was done in THAT act (KUHAP 75, 129(2)): the BA Penyitaan of
 *     a seizure lists the things taken in it, not those of the case's other seizures; so do its
 *     order (the SP Penyitaan, KUHAP 38) and the BA Pembungkusan of the things it took (130(1));
 *   - an item of evidence names the seizure act that took it (seizure_event): an act of the
 *     case of kind seizure_done that stands, else 422 and nothing written; optional (an item
 *     recorded before, a thing handed over); only the case's own investigators write it (another
 *     office 404, a supervisor or a prosecutor 403);
 *   - a seizure paper for an act that took nothing recorded is refused (422 naming what to do),
 *     never printed with an empty list or another act's things.
 * Found in acceptance: an urgent seizure of two passports on 5 October and a seizure under izin
 * of two identity cards on 8 October at another place - the BA of 8 October said it seized all
 * four.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filler.h"
#include "harness.h"
#include "papers.h"
#include "suites.h"

/* each short enough to stay on one line of the paper's table */
#define PASPOR_1 "Paspor Vietnam C7766554"
#define PASPOR_2 "Paspor Vietnam C1122334"
#define KTP_1    "KTP palsu 1671-0001"
#define KTP_2    "KTP palsu 1671-0002"

/* A Palembang case opened on 1 October 2026 with its Vietnamese suspect (*party) charged with
 * Pasal 119 ayat (1) and its Sprindik of 2 October. */
static long long seizure_case(long long *party)
{
    char body[600], path[96];
    snprintf(body, sizeof body,
             "{\"source\":\"jagratara\",\"opened_on\":\"2026-10-01\",\"summary\":\"Uji benda "
             "sitaan per penyitaan\",\"kejari_id\":%lld}",
             demo.kejari_plg);
    long long id = api_id(call("POST", "/api/v1/cases", demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/parties", id);
    *party = api_id(call("POST", path, demo.inv,
                         "{\"kind\":\"suspect\",\"name\":\"Tran Van Long\",\"nationality\":\"VN\","
                         "\"passport_no\":\"C9000001\",\"sex\":\"L\",\"birth_date\":\"1990-04-04\","
                         "\"address_id\":\"Jalan Kolonel Atmo Nomor 12, Palembang\"}",
                         201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/offences", id);
    snprintf(body, sizeof body, "{\"code\":\"119(1)\",\"party_id\":%lld}", *party);
    json_decref(call("POST", path, demo.inv, body, 201));
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    json_decref(call(
        "POST", path, demo.inv,
        "{\"type\":\"sprindik_issued\",\"date\":\"2026-10-02\",\"issue\":[\"sprindik\"]}", 201));
    return id;
}

/* Record act members (without braces) in case id; its id. */
static long long record(long long id, const char *members)
{
    char path[96], body[900];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    snprintf(body, sizeof body, "{%s}", members);
    return api_id(call("POST", path, demo.inv, body, 201));
}

/* POST an item of evidence (JSON body) to case id as token; the reply, which must be want. */
static json_t *item(long long id, const char *token, const char *body, long want)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence", id);
    return call("POST", path, token, body, want);
}

/* An item taken from party by the seizure act sita (0: none named): its id. */
static long long seized(long long id, long long sita, long long party, const char *what,
                        const char *on)
{
    char body[600], link[48] = "";
    if (sita)
        snprintf(link, sizeof link, ",\"seizure_event\":%lld", sita);
    snprintf(body, sizeof body,
             "{\"description\":\"%s\",\"quantity\":\"1 (satu) lembar\",\"seized_from\":%lld,"
             "\"seized_on\":\"%s\",\"storage\":\"Ruang barang bukti Kantor Imigrasi "
             "Palembang\"%s}",
             what, party, on, link);
    return api_id(item(id, demo.inv, body, 201));
}

/* Issue form for act event; the reply, which must be want. */
static json_t *issue(long long id, const char *form, long long event, long want)
{
    char path[128], body[200];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    snprintf(body, sizeof body, "{\"event\":%lld,\"params\":{}}", event);
    return call("POST", path, demo.inv, body, want);
}

/* The text of paper form issued for act event (must be 201). */
static char *paper_text(long long id, const char *form, long long event)
{
    long long doc = api_id(issue(id, form, event, 201));
    return fill_document_text(demo.port, demo.inv, doc);
}

static long long count_of(const char *sql, long long id)
{
    char cid[24];
    snprintf(cid, sizeof cid, "%lld", id);
    const char *p[1] = {cid};
    return sql_count(demo.db, sql, 1, p);
}

/* The two seizures of the tester's case: *urgent of 5 October 2026 at the suspect's hotel
 * (KUHAP 38(2)), *permitted of 8 October at his employer's office under izin 31/... */
static void two_seizures(long long id, long long *urgent, long long *permitted)
{
    *urgent = record(id, "\"type\":\"seizure_done\",\"date\":\"2026-10-05\",\"scene\":\"Hotel "
                         "Sriwijaya kamar 12, Palembang\",\"urgent_reason\":\"paspor hendak "
                         "dibawa ke luar negeri\"");
    long long izin = record(id, "\"type\":\"court_permit_received\",\"court\":\"Palembang\","
                                "\"date\":\"2026-10-07\",\"permit_kind\":\"izin\",\"permit_for\":"
                                "\"penyitaan\",\"number\":\"31/Pen.Pid/2026/PN Plg\"");
    char m[400];
    snprintf(m, sizeof m,
             "\"type\":\"seizure_done\",\"date\":\"2026-10-08\",\"scene\":\"Kantor PT Maju Jaya, "
             "Jalan Sudirman Nomor 10, Palembang\",\"permit_act\":%lld",
             izin);
    *permitted = record(id, m);
}

static void lists_its_own(const char *t, const char *form, const char *own1, const char *own2,
                          const char *other1, const char *other2)
{
    assert_has(t, own1, form);
    assert_has(t, own2, form);
    assert_lacks(t, other1, form);
    assert_lacks(t, other2, form);
}

START_TEST(test_each_seizure_paper_lists_the_things_its_act_took)
{
    long long party, urgent, permitted, id = seizure_case(&party);
    two_seizures(id, &urgent, &permitted);
    seized(id, urgent, party, PASPOR_1, "2026-10-05");
    seized(id, urgent, party, PASPOR_2, "2026-10-05");
    seized(id, permitted, party, KTP_1, "2026-10-08");
    seized(id, permitted, party, KTP_2, "2026-10-08");
    /* the order first: each BA cites its own (KUHAP 38, 75) */
    char *t = paper_text(id, "sp_penyitaan", urgent);
    lists_its_own(t, "SP Penyitaan of 5 October", PASPOR_1, PASPOR_2, KTP_1, KTP_2);
    free(t);
    t = paper_text(id, "ba_penyitaan", urgent);
    lists_its_own(t, "BA Penyitaan of 5 October", PASPOR_1, PASPOR_2, KTP_1, KTP_2);
    assert_has(t, "Hotel Sriwijaya kamar 12", "BA Penyitaan of 5 October: its place");
    free(t);
    t = paper_text(id, "ba_pembungkusan", urgent);
    lists_its_own(t, "BA Pembungkusan of 5 October", PASPOR_1, PASPOR_2, KTP_1, KTP_2);
    free(t);
    t = paper_text(id, "sp_penyitaan", permitted);
    lists_its_own(t, "SP Penyitaan of 8 October", KTP_1, KTP_2, PASPOR_1, PASPOR_2);
    free(t);
    t = paper_text(id, "ba_penyitaan", permitted);
    lists_its_own(t, "BA Penyitaan of 8 October", KTP_1, KTP_2, PASPOR_1, PASPOR_2);
    assert_has(t, "Kantor PT Maju Jaya", "BA Penyitaan of 8 October: its place");
    assert_has(t, "31/Pen.Pid/2026/PN Plg", "BA Penyitaan of 8 October: its izin");
    free(t);
    t = paper_text(id, "ba_pembungkusan", permitted);
    lists_its_own(t, "BA Pembungkusan of 8 October", KTP_1, KTP_2, PASPOR_1, PASPOR_2);
    free(t);
    /* the case page names each item's seizure */
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    json_t *c = call("GET", path, demo.inv, NULL, 200);
    json_t *ev = json_object_get(c, "evidence");
    ck_assert_int_eq(json_array_size(ev), 4);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(ev, 0), "seizure_event")),
                     urgent);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(ev, 3), "seizure_event")),
                     permitted);
    json_decref(c);
}
END_TEST

/* A seizure that took nothing recorded: its papers are refused, 422 naming seizure_event and
 * what to do, nothing numbered; an item recorded before (no seizure named) is not another
 * act's to list.  Linked by a correction of the item, the paper is issued listing it. */
START_TEST(test_a_seizure_paper_of_an_act_with_nothing_linked_is_refused)
{
    long long party, urgent, permitted, id = seizure_case(&party);
    two_seizures(id, &urgent, &permitted);
    long long before_rule = seized(id, 0, party, PASPOR_1, "2026-10-05");
    seized(id, permitted, party, KTP_1, "2026-10-08");
    long long docs = count_of("SELECT count(*) FROM app.documents WHERE case_id = $1", id);
    const char *forms[] = {"sp_penyitaan", "ba_penyitaan", "ba_pembungkusan"};
    for (int i = 0; i < 3; i++) {
        json_t *p = issue(id, forms[i], urgent, 422);
        ck_assert_str_eq(str(p, "field"), "seizure_event");
        assert_has(str(p, "detail"), "belum ada barang bukti yang dicatat disita dalam penyitaan",
                   forms[i]);
        assert_has(str(p, "detail"), "tautkan barang bukti", forms[i]);
        json_decref(p);
    }
    ck_assert_int_eq(count_of("SELECT count(*) FROM app.documents WHERE case_id = $1", id), docs);
    /* the item recorded without its seizure, linked by its correction */
    char path[128], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence/%lld", id, before_rule);
    snprintf(body, sizeof body, "{\"seizure_event\":%lld}", urgent);
    json_decref(call("PUT", path, demo.inv, body, 200));
    char *t = paper_text(id, "sp_penyitaan", urgent);
    lists_its_own(t, "SP Penyitaan after the link", PASPOR_1, PASPOR_1, KTP_1, KTP_1);
    free(t);
    t = paper_text(id, "ba_penyitaan", urgent);
    lists_its_own(t, "BA Penyitaan after the link", PASPOR_1, PASPOR_1, KTP_1, KTP_1);
    free(t);
}
END_TEST

/* seizure_event names a seizure act of this case that stands: another kind of act, another
 * case's seizure, a correction, a withdrawn seizure, none such - 422, nothing written; not a
 * number - 400.  Only the case's investigators: another office 404, a supervisor and a
 * prosecutor 403. */
START_TEST(test_a_bad_seizure_event_is_refused_and_nothing_changes)
{
    long long party, urgent, permitted, id = seizure_case(&party);
    two_seizures(id, &urgent, &permitted);
    long long kept = seized(id, urgent, party, PASPOR_1, "2026-10-05");
    long long other_party, other = seizure_case(&other_party);
    long long theirs = record(other, "\"type\":\"seizure_done\",\"date\":\"2026-10-05\","
                                     "\"urgent_reason\":\"dapat dihilangkan\"");
    long long gone = record(id, "\"type\":\"seizure_done\",\"date\":\"2026-10-06\","
                                "\"urgent_reason\":\"dapat dihilangkan\"");
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-10-06\",\"corrects\":%lld,\"withdraws\":true,"
             "\"note\":\"dicatat keliru\"",
             gone);
    long long fix = record(id, m);
    long long izin = 0;
    {
        char cid[24];
        snprintf(cid, sizeof cid, "%lld", id);
        const char *p[1] = {cid};
        char *s = sql_value(demo.db,
                            "SELECT id FROM app.events WHERE case_id = $1::bigint AND type = "
                            "'court_permit_received'",
                            1, p);
        izin = s ? strtoll(s, NULL, 10) : 0;
        free(s);
    }
    ck_assert(izin > 0);
    long long items = count_of("SELECT count(*) FROM app.evidence WHERE case_id = $1", id);
    const long long bad[] = {izin, theirs, fix, gone, 987654321};
    char body[400], path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence/%lld", id, kept);
    for (int i = 0; i < 5; i++) {
        snprintf(body, sizeof body,
                 "{\"description\":\"" KTP_1 "\",\"seized_from\":%lld,\"seizure_event\":%lld}",
                 party, bad[i]);
        json_t *p = item(id, demo.inv, body, 422);
        ck_assert_str_eq(str(p, "field"), "seizure_event");
        assert_has(str(p, "detail"), "bukan tindakan penyitaan", "a bad seizure_event");
        json_decref(p);
        snprintf(body, sizeof body, "{\"description\":\"diubah\",\"seizure_event\":%lld}", bad[i]);
        p = call("PUT", path, demo.inv, body, 422);
        ck_assert_str_eq(str(p, "field"), "seizure_event");
        json_decref(p);
    }
    json_decref(item(id, demo.inv, "{\"description\":\"x\",\"seizure_event\":\"satu\"}", 400));
    json_decref(item(id, demo.inv, "{\"description\":\"x\",\"seizure_event\":0}", 400));
    json_decref(call("PUT", path, demo.inv, "{\"seizure_event\":-3}", 400));
    ck_assert_int_eq(count_of("SELECT count(*) FROM app.evidence WHERE case_id = $1", id), items);
    ck_assert_int_eq(
        count_of("SELECT count(*) FROM app.evidence WHERE case_id = $1 AND description = 'diubah'",
                 id),
        0);
    /* who may not: another office's PPNS does not find the case, a supervisor and a
     * prosecutor do not record evidence */
    const char *mre = demo_server_login(&demo, NIP_INV_MRE);
    const char *sup = demo_server_login(&demo, NIP_SUP_PLG);
    snprintf(body, sizeof body, "{\"description\":\"" KTP_2 "\",\"seizure_event\":%lld}",
             permitted);
    json_decref(item(id, mre, body, 404));
    json_decref(item(id, sup, body, 403));
    json_decref(item(id, demo.pros, body, 403));
    snprintf(body, sizeof body, "{\"seizure_event\":%lld}", permitted);
    json_decref(call("PUT", path, mre, body, 404));
    json_decref(call("PUT", path, sup, body, 403));
    json_decref(call("PUT", path, demo.pros, body, 403));
    ck_assert_int_eq(count_of("SELECT count(*) FROM app.evidence WHERE case_id = $1", id), items);
    char sita[24];
    snprintf(sita, sizeof sita, "%lld", urgent);
    char kid[24];
    snprintf(kid, sizeof kid, "%lld", kept);
    const char *pk[2] = {kid, sita};
    ck_assert_int_eq(sql_count(demo.db,
                               "SELECT count(*) FROM app.evidence WHERE id = $1::bigint AND "
                               "seizure_event = $2::bigint AND description = '" PASPOR_1 "'",
                               2, pk),
                     1);
}
END_TEST

/* The case's stale_papers entry for document doc (borrowed from c), or NULL. */
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

static json_t *case_get(long long id)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", id);
    return call("GET", path, demo.inv, NULL, 200);
}

/* PUT item of case id with body (200). */
static void correct_item(long long id, long long item, const char *body)
{
    char path[128];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence/%lld", id, item);
    json_decref(call("PUT", path, demo.inv, body, 200));
}

/* Whether doc is listed stale in case id for item (evidence_data naming it), or not listed. */
static void listed_for(long long id, long long doc, long long item, const char *what)
{
    json_t *c = case_get(id), *s = stale_entry(c, doc);
    if (!item) {
        ck_assert_msg(s == NULL, "%s: listed stale", what);
        json_decref(c);
        return;
    }
    ck_assert_msg(s != NULL, "%s: not listed stale", what);
    char *f = json_dumps(json_object_get(s, "fields"), JSON_COMPACT);
    ck_assert_msg(strstr(f, "\"evidence_data\"") != NULL, "%s: fields %s", what, f);
    free(f);
    json_t *e = json_object_get(s, "evidence_changed");
    ck_assert_msg(json_integer_value(json_object_get(e, "id")) == item, "%s: item", what);
    f = json_dumps(json_object_get(s, "labels"), JSON_COMPACT);
    ck_assert_msg(strstr(f, "data barang bukti") != NULL, "%s: labels %s", what, f);
    free(f);
    json_decref(c);
}

/* A paper printing an item corrected after it contradicts the daftar barang bukti (DOMAIN 12):
 * listed stale ("evidence_data", which item) until issued again - a BA Penyitaan of the
 * item's seizure, its order, a BA Penitipan listing every item - never for a move of storage
 * alone (the BA states where it was put then), never a seizure paper of another act.  An item
 * linked away from a seizure, or to it, after its BA: that BA no longer lists what its act
 * took.  Found in acceptance: PUT description after the BA, stale_papers empty. */
START_TEST(test_a_paper_printing_an_item_corrected_after_it_is_stale)
{
    long long party, urgent, permitted, id = seizure_case(&party);
    two_seizures(id, &urgent, &permitted);
    long long p1 = seized(id, urgent, party, PASPOR_1, "2026-10-05");
    seized(id, urgent, party, PASPOR_2, "2026-10-05");
    long long k1 = seized(id, permitted, party, KTP_1, "2026-10-08");
    long long k2 = seized(id, permitted, party, KTP_2, "2026-10-08");
    long long sp_u = api_id(issue(id, "sp_penyitaan", urgent, 201));
    long long ba_u = api_id(issue(id, "ba_penyitaan", urgent, 201));
    json_decref(issue(id, "sp_penyitaan", permitted, 201));
    long long ba_p = api_id(issue(id, "ba_penyitaan", permitted, 201));
    listed_for(id, ba_u, 0, "BA Penyitaan of 5 October as issued");
    /* moved to the Rupbasan: not a correction of what was seized */
    correct_item(id, p1, "{\"storage\":\"Rupbasan Kelas I Palembang\"}");
    listed_for(id, ba_u, 0, "BA Penyitaan of 5 October after a move of storage");
    listed_for(id, sp_u, 0, "SP Penyitaan of 5 October after a move of storage");
    /* its description corrected: its seizure's papers, not the other seizure's */
    correct_item(id, p1, "{\"description\":\"" PASPOR_1 " (sampul rusak)\"}");
    listed_for(id, ba_u, p1, "BA Penyitaan of 5 October after its item was corrected");
    listed_for(id, sp_u, p1, "SP Penyitaan of 5 October after its item was corrected");
    listed_for(id, ba_p, 0, "BA Penyitaan of 8 October after another act's item was corrected");
    /* issued again: it prints the item as it stands, and is not listed */
    char path[96];
    snprintf(path, sizeof path, "/api/v1/documents/%lld/reissue", ba_u);
    long long ba_u2 =
        api_id(call("POST", path, demo.inv, "{\"note\":\"uraian barang dikoreksi\"}", 201));
    char *t = fill_document_text(demo.port, demo.inv, ba_u2);
    assert_has(t, "(sampul rusak)", "BA Penyitaan issued again");
    free(t);
    listed_for(id, ba_u2, 0, "BA Penyitaan of 5 October issued again");
    /* an identity card found to have been taken on 5 October, linked there: both BAs */
    char body[80];
    snprintf(body, sizeof body, "{\"seizure_event\":%lld}", urgent);
    correct_item(id, k2, body);
    listed_for(id, ba_p, k2, "BA Penyitaan of 8 October after its item was linked away");
    listed_for(id, ba_u2, k2, "BA Penyitaan of 5 October after an item was linked to it");
    /* a paper listing every item: a new item is none it printed, a quantity corrected is */
    char m[300];
    snprintf(m, sizeof m,
             "\"type\":\"evidence_deposited\",\"date\":\"2026-10-09\",\"place\":\"Rupbasan Kelas I "
             "Palembang\",\"items\":[%lld,%lld]",
             k1, k2);
    long long titip = record(id, m);
    long long ba_t = api_id(issue(id, "ba_penitipan", titip, 201));
    seized(id, 0, party, "Telepon genggam Samsung", "2026-10-09");
    listed_for(id, ba_t, 0, "BA Penitipan after an item recorded after it");
    correct_item(id, k1, "{\"storage\":\"Gudang Rupbasan Palembang\"}");
    listed_for(id, ba_t, 0, "BA Penitipan after a move of storage");
    correct_item(id, k1, "{\"quantity\":\"2 (dua) lembar\"}");
    listed_for(id, ba_t, k1, "BA Penitipan after a quantity corrected");
}
END_TEST

/* A deposit hands THESE things to THAT Rupbasan (KUHAP 44(1)): the act names its place and its
 * items, the BA Penitipan prints them and no other - it printed "kepada <the first item's
 * storage>" and every item of the case (found in acceptance).  A new deposit without them, or
 * naming a thing of another case, is refused, nothing recorded; one recorded before them loads
 * and its paper lists every item as it did; a correction names the place right. */
START_TEST(test_a_deposit_names_its_place_and_its_things)
{
    long long party, urgent, permitted, id = seizure_case(&party);
    two_seizures(id, &urgent, &permitted);
    long long p1 = seized(id, urgent, party, PASPOR_1, "2026-10-05");
    long long p2 = seized(id, urgent, party, PASPOR_2, "2026-10-05");
    seized(id, permitted, party, KTP_1, "2026-10-08");
    long long k2 = seized(id, permitted, party, KTP_2, "2026-10-08");
    long long other_party, other = seizure_case(&other_party);
    long long theirs = seized(other, 0, other_party, "Paspor lain", "2026-10-05");
    long long events = count_of("SELECT count(*) FROM app.events WHERE case_id = $1", id);
    char path[96], m[400];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", id);
    char two[64], foreign[96], twice[96];
    snprintf(two, sizeof two, "[%lld,%lld]", p1, p2);
    snprintf(foreign, sizeof foreign, "[%lld,%lld,%lld]", p1, p2, theirs);
    snprintf(twice, sizeof twice, "[%lld,%lld,%lld]", p1, p2, p1);
    const struct {
        const char *place, *items, *field;
        long status;
    } bad[] = {
        {NULL, two, "place", 422},
        {"\"Rupbasan Kelas I Palembang\"", NULL, "items", 422},
        {"\"   \"", two, "place", 400},
        {"\"Rupbasan Kelas I Palembang\"", foreign, "items", 422},
        {"\"Rupbasan Kelas I Palembang\"", twice, "items", 400},
        {"\"Rupbasan Kelas I Palembang\"", "[\"satu\"]", "items", 400},
        {"\"Rupbasan Kelas I Palembang\"", "[]", "items", 400},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char body[400];
        snprintf(body, sizeof body,
                 "{\"type\":\"evidence_deposited\",\"date\":\"2026-10-09\"%s%s%s%s}",
                 bad[i].place ? ",\"place\":" : "", bad[i].place ? bad[i].place : "",
                 bad[i].items ? ",\"items\":" : "", bad[i].items ? bad[i].items : "");
        json_t *p = call("POST", path, demo.inv, body, bad[i].status);
        ck_assert_msg(strcmp(str(p, "field"), bad[i].field) == 0, "%zu: field %s", i,
                      str(p, "field"));
        json_decref(p);
    }
    ck_assert_int_eq(count_of("SELECT count(*) FROM app.events WHERE case_id = $1", id), events);
    /* the passports to the Rupbasan of Palembang: its BA names it and them only */
    snprintf(m, sizeof m,
             "\"type\":\"evidence_deposited\",\"date\":\"2026-10-09\",\"place\":\"Rupbasan Kelas I "
             "Palembang\",\"items\":[%lld,%lld]",
             p1, p2);
    long long titip = record(id, m);
    char *t = paper_text(id, "ba_penitipan", titip);
    assert_has(t, "kepada Rupbasan Kelas I Palembang", "BA Penitipan: its place");
    lists_its_own(t, "BA Penitipan of the passports", PASPOR_1, PASPOR_2, KTP_1, KTP_2);
    assert_lacks(t, "kepada Ruang barang bukti", "BA Penitipan: not the first item's storage");
    free(t);
    /* an identity card to another Rupbasan, the place first mistyped, then corrected */
    snprintf(m, sizeof m,
             "\"type\":\"evidence_deposited\",\"date\":\"2026-10-10\",\"place\":\"Rupbasan Kelas I "
             "Jakarta Pusat\",\"items\":[%lld]",
             k2);
    long long card = record(id, m);
    snprintf(m, sizeof m,
             "\"type\":\"corrected\",\"date\":\"2026-10-10\",\"corrects\":%lld,\"place\":"
             "\"Rupbasan Kelas I Jakarta Selatan\"",
             card);
    record(id, m);
    t = paper_text(id, "ba_penitipan", card);
    assert_has(t, "kepada Rupbasan Kelas I Jakarta Selatan", "BA Penitipan: its place corrected");
    lists_its_own(t, "BA Penitipan of the card", KTP_2, KTP_2, PASPOR_1, KTP_1);
    free(t);
    /* a deposit recorded before it named them: loads, its paper lists every item as before */
    long long old = harness_legacy_act(demo.db, id, "evidence_deposited", "2026-10-11", 0, 0, "{}");
    t = paper_text(id, "ba_penitipan", old);
    lists_its_own(t, "BA Penitipan of a deposit recorded before", PASPOR_1, KTP_2, "Paspor lain",
                  "Paspor lain");
    assert_has(t, KTP_1, "BA Penitipan of a deposit recorded before");
    free(t);
    /* who may not: another office's PPNS does not find the case, a supervisor does not record */
    snprintf(m, sizeof m,
             "{\"type\":\"evidence_deposited\",\"date\":\"2026-10-09\",\"place\":\"Rupbasan\","
             "\"items\":[%lld]}",
             p1);
    json_decref(call("POST", path, demo_server_login(&demo, NIP_INV_MRE), m, 404));
    json_decref(call("POST", path, demo_server_login(&demo, NIP_SUP_PLG), m, 403));
}
END_TEST

Suite *suite_seizure(void)
{
    Suite *s = suite_create("seizure");
    TCase *tc = tcase_create("seizure");
    papers_fixture(tc, "seizure_suite");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_each_seizure_paper_lists_the_things_its_act_took);
    tcase_add_test(tc, test_a_seizure_paper_of_an_act_with_nothing_linked_is_refused);
    tcase_add_test(tc, test_a_bad_seizure_event_is_refused_and_nothing_changes);
    tcase_add_test(tc, test_a_paper_printing_an_item_corrected_after_it_is_stale);
    tcase_add_test(tc, test_a_deposit_names_its_place_and_its_things);
    suite_add_tcase(s, tc);
    return s;
}
