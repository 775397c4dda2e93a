/*
 * test_evfield.c - the one description of an act's input (issue 12.3,
 * core/evfields.def):
 *  - the payload stored with an act, which is hash-chained, is byte for
 *    byte what berkas stored before the table (main's payload_of and
 *    fields_sent, kept below as they were, are the reference), for every
 *    kind of act, with and without each field it takes;
 *  - the OpenAPI schema EventInput says what the law asks of each act.
 */
#include <check.h>
#include <jansson.h>
#include <string.h>

#include "app/events.h"
#include "suites.h"
#include "app/app.h"
#include "app/casefile.h"
#include "app/evfield.h"
#include "core/event.h"
#include "http/handlers.h"

/* ---- the reference: main's code before the table (a5b9302), unchanged ---- */

static json_t *main_payload_of(const struct event_input *in)
{
    json_t *p = json_object();
    if (in->note && *in->note)
        json_object_set_new(p, "note", json_string(in->note));
    if (in->bap)
        json_object_set_new(p, "bap", json_string(in->bap));
    if (in->days > 0)
        json_object_set_new(p, "days", json_integer(in->days));
    if (in->detention_type)
        json_object_set_new(p, "detention_type", json_string(in->detention_type));
    if (in->recipient)
        json_object_set_new(p, "recipient", json_string(in->recipient));
    if (in->ground)
        json_object_set_new(p, "ground", json_string(in->ground));
    if (in->polri_order)
        json_object_set_new(p, "polri_order", json_string(in->polri_order));
    if (in->polri_involved)
        json_object_set_new(p, "polri_involved", json_true());
    if (in->severe_illness)
        json_object_set_new(p, "severe_illness", json_true());
    if (in->due)
        json_object_set_new(p, "due", json_string(in->due));
    if (in->direction_event)
        json_object_set_new(p, "direction", json_integer(in->direction_event));
    if (in->withdraws)
        json_object_set_new(p, "withdraws", json_true());
    if (in->instruction_id)
        json_object_set_new(p, "instruction", json_integer(in->instruction_id));
    if (json_array_size(in->instructions) > 0) {
        json_object_set_new(p, "items",
                            json_integer((json_int_t)json_array_size(in->instructions)));
        json_object_set_new(p, "instructions", json_deep_copy(in->instructions));
    }
    if (json_array_size(in->unmet) > 0) {
        json_object_set_new(p, "items", json_integer((json_int_t)json_array_size(in->unmet)));
        json_object_set_new(p, "unmet", json_deep_copy(in->unmet));
    }
    if (in->late_reason)
        json_object_set_new(p, "late_reason", json_string(in->late_reason));
    if (in->appearance)
        json_object_set_new(p, "appearance", json_string(in->appearance));
    if (in->urgent_reason)
        json_object_set_new(p, "urgent_reason", json_string(in->urgent_reason));
    if (in->unlawful_reason)
        json_object_set_new(p, "unlawful_reason", json_string(in->unlawful_reason));
    if (in->received_by)
        json_object_set_new(p, "received_by", json_string(in->received_by));
    if (in->answer_act)
        json_object_set_new(p, "answer_act", json_integer(in->answer_act));
    if (in->answer) /* kept in the payload too since a correction may give a new one */
        json_object_set_new(p, "answer", json_string(in->answer));
    if (in->unmet_reason) /* kept without the blanks around it */
        json_object_set_new(p, "unmet_reason", json_string("rekening sudah ditutup"));
    return p;
}

/* The fields the client sent beyond type, date, at, number and note. */
static evfield_mask main_fields_sent(const struct event_input *in)
{
    const bool sent[EVF__COUNT] = {
        [EVF_PARTY_ID] = in->party_id != 0,
        [EVF_BAP] = in->bap != NULL,
        [EVF_DAYS] = in->days != 0,
        [EVF_DETENTION_TYPE] = in->detention_type != NULL,
        [EVF_RECIPIENT] = in->recipient != NULL,
        [EVF_GROUND] = in->ground != NULL,
        [EVF_POLRI_ORDER] = in->polri_order != NULL,
        [EVF_POLRI_INVOLVED] = in->polri_involved,
        [EVF_SEVERE_ILLNESS] = in->severe_illness,
        [EVF_INSTRUCTIONS] = in->instructions != NULL,
        [EVF_INSTRUCTION_ID] = in->instruction_id != 0,
        [EVF_ANSWER] = in->answer != NULL,
        [EVF_CORRECTS] = in->corrects != 0,
        [EVF_WITHDRAWS] = in->withdraws,
        [EVF_DUE] = in->due != NULL,
        [EVF_DIRECTION] = in->direction_event != 0,
        [EVF_LATE_REASON] = in->late_reason != NULL,
        [EVF_UNMET] = in->unmet != NULL,
        [EVF_TO] = in->to != NULL,
        [EVF_JAKSA] = in->jaksa != NULL,
        [EVF_TEAM] = in->team != NULL,
        [EVF_APPEARANCE] = in->appearance != NULL,
        [EVF_URGENT_REASON] = in->urgent_reason != NULL,
        [EVF_UNLAWFUL_REASON] = in->unlawful_reason != NULL,
        [EVF_RECEIVED_BY] = in->received_by != NULL,
        [EVF_ANSWER_ACT] = in->answer_act != 0,
        [EVF_UNMET_REASON] = in->unmet_reason != NULL,
    };
    evfield_mask mask = 0;
    for (int f = 0; f < EVF__COUNT; f++)
        if (sent[f])
            mask |= EVF_BIT(f);
    return mask;
}

/* main's casefile_event_from (app/casefile.c): a stored act into the core's event */
static int main_json_int_member(json_t *o, const char *key, int dflt)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (int)json_integer_value(v) : dflt;
}
static void main_casefile_event_from(const struct casefile *cf, enum event type,
                                     const char *legal_date, const char *legal_at,
                                     long long party_id, long long corrects, json_t *payload,
                                     struct case_event *out)
{
    struct caldate d = {0, 0, 0};
    caldate_parse(legal_date, &d);
    *out = evlog_event(type, d);
    int64_t at;
    if (legal_at && *legal_at && caldate_parse_instant(legal_at, &at)) {
        out->at = at;
        out->has_time = true;
    }
    out->suspect = casefile_suspect_index(cf, party_id);
    if (type == EV_CORRECTED)
        out->ref = casefile_event_index(cf, corrects);
    else if (type == EV_DIRECTION_DONE)
        out->ref = casefile_event_index(cf, main_json_int_member(payload, "direction", 0));
    out->withdraws = json_is_true(json_object_get(payload, "withdraws"));
    out->items = main_json_int_member(payload, "items", 0);
    out->days = main_json_int_member(payload, "days", 0);
    const char *dt = json_string_value(json_object_get(payload, "detention_type"));
    if (dt)
        det_type_lookup(dt, &out->det_type);
    const char *bap = json_string_value(json_object_get(payload, "bap"));
    static const struct {
        const char *code;
        enum bap_kind kind;
    } baps[] = {{"saksi", BAP_SAKSI},
                {"tersangka", BAP_TERSANGKA},
                {"ahli", BAP_AHLI},
                {"tambahan", BAP_TAMBAHAN}};
    for (size_t i = 0; bap && i < sizeof baps / sizeof baps[0]; i++)
        if (strcmp(bap, baps[i].code) == 0)
            out->bap = baps[i].kind;
    const char *due = json_string_value(json_object_get(payload, "due"));
    if (due)
        caldate_parse(due, &out->due);
    out->late_return = json_object_get(payload, "late_reason") != NULL;
    out->unlawful = json_object_get(payload, "unlawful_reason") != NULL;
    /* the notice a letter delivers (a correction of one: the act it stands for) */
    enum event as = type;
    for (int k = out->ref, hops = 0;
         as == EV_CORRECTED && k >= 0 && k < cf->nevents && hops <= cf->nevents; hops++) {
        as = cf->ev[k].event;
        k = cf->ev[k].ref;
    }
    enum notice_kind notice = NOTICE_NONE;
    const char *to = json_string_value(json_object_get(payload, "recipient"));
    /* a letter's notice, delivered or declared undelivered (notice_undelivered) */
    if (as == EV_LETTER_DELIVERED || as == EV_NOTICE_UNDELIVERED)
        notice_lookup(to, &notice);
    /* an SPDP's addressee (82e12b0: only the one to the Kejari is the SPDP of KUHAP 109(1));
     * one stored with none, before the addressee was required, was the Kejari's */
    else if (as == EV_SPDP_SENT && !to)
        notice = NOTICE_SPDP_KEJARI;
    else if (as == EV_SPDP_SENT)
        spdp_recipient_lookup(to, &notice);
    out->notice = notice;
    /* an SP3's notice: its addressee (one stored with none, the Kejari's; another, no one's) */
    if (as == EV_SP3_NOTIFIED) {
        out->sp3_to = to ? SP3_TO_NONE : SP3_TO_KEJARI;
        sp3_recipient_lookup(to, &out->sp3_to);
    }
}

/* ---- inputs ------------------------------------------------------------- */

/* An input of act e carrying every field e takes (as a correction: what it
 * takes), each with a value of its kind; `full` sets lists and flags too. */
static void input_for(enum event e, evfield_mask takes, bool full, const char *note,
                      struct event_input *in, json_t *lists[4])
{
    memset(in, 0, sizeof *in);
    in->type = event_code(e);
    in->date = "2026-03-02";
    in->number = "SP.Sidik/12/III/2026";
    in->note = note;
    in->if_match = -1;
    lists[0] = json_pack("[s, s]", "periksa saksi Nguyễn", "sita paspor");
    lists[1] = json_pack("[i, i]", 3, 5);
    lists[2] = json_pack("[s]", "198001012005011001");
    lists[3] = json_pack("[s]", "ba_penangkapan");
    in->issue = full ? lists[3] : NULL;
#define TAKES(x) (takes & EVF_BIT(EVF_##x))
    if (TAKES(PARTY_ID))
        in->party_id = 42;
    if (TAKES(BAP))
        in->bap = "tersangka";
    if (TAKES(DAYS))
        in->days = full ? 30 : 0;
    if (TAKES(DETENTION_TYPE))
        in->detention_type = "rumah";
    if (TAKES(RECIPIENT))
        in->recipient = "keluarga_penangkapan";
    if (TAKES(GROUND))
        in->ground = "tidak_cukup_bukti";
    if (TAKES(POLRI_ORDER))
        in->polri_order = "SP.Kap/7/III/2026/Reskrim";
    in->polri_involved = TAKES(POLRI_INVOLVED) && full;
    in->severe_illness = TAKES(SEVERE_ILLNESS) && full;
    if (TAKES(INSTRUCTIONS))
        in->instructions = full ? lists[0] : NULL;
    if (TAKES(INSTRUCTION_ID))
        in->instruction_id = 7;
    if (TAKES(ANSWER))
        in->answer = full ? "sudah diperiksa" : "";
    if (TAKES(CORRECTS))
        in->corrects = 99;
    in->withdraws = TAKES(WITHDRAWS) && full;
    if (TAKES(DUE))
        in->due = "2026-03-16";
    if (TAKES(DIRECTION))
        in->direction_event = full ? 11 : 0;
    if (TAKES(LATE_REASON))
        in->late_reason = full ? "surat diterima terlambat dari Kejari" : NULL;
    if (TAKES(UNMET))
        in->unmet = full ? lists[1] : NULL;
    if (TAKES(TO))
        in->to = "198001012005011001";
    if (TAKES(JAKSA))
        in->jaksa = full ? "197501012000031002" : NULL;
    if (TAKES(TEAM))
        in->team = full ? lists[2] : NULL;
    if (TAKES(APPEARANCE))
        in->appearance = "2026-03-06";
    if (TAKES(URGENT_REASON))
        in->urgent_reason = full ? "orang asing akan dideportasi" : NULL;
    if (TAKES(RECEIVED_BY))
        in->received_by = "istri tersangka";
    if (TAKES(UNLAWFUL_REASON))
        in->unlawful_reason = full ? "surat perintah terlambat" : NULL;
    if (TAKES(ANSWER_ACT))
        in->answer_act = full ? 12 : 0;
    if (TAKES(UNMET_REASON))
        in->unmet_reason = full ? "  rekening sudah ditutup " : NULL;
#undef TAKES
}

static void lists_free(json_t *lists[4])
{
    for (int i = 0; i < 4; i++)
        json_decref(lists[i]);
}

/* The stored text of a payload: as events.c writes it (jsonb from this). */
static char *stored(json_t *p)
{
    char *s = json_dumps(p, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(p);
    return s;
}

static void same_as_main(const struct event_input *in, const char *what)
{
    char *want = stored(main_payload_of(in)), *got = stored(evfield_payload(in));
    ck_assert_msg(strcmp(want, got) == 0, "%s %s: stored %s, main stored %s", what, in->type, got,
                  want);
    ck_assert_msg(evfield_sent(in) == main_fields_sent(in), "%s %s: sent %llx, main %llx", what,
                  in->type, (unsigned long long)evfield_sent(in),
                  (unsigned long long)main_fields_sent(in));
    free(want);
    free(got);
}

START_TEST(test_every_act_stores_the_payload_main_stored)
{
    static const char *const notes[] = {NULL, "", "dicatat dari BAP; saksi hadir"};
    for (int e = 0; e < EV__COUNT; e++)
        for (int full = 0; full < 2; full++)
            for (size_t n = 0; n < sizeof notes / sizeof notes[0]; n++) {
                struct event_input in;
                json_t *lists[4];
                input_for((enum event)e, event_fields_taken((enum event)e), full, notes[n], &in,
                          lists);
                same_as_main(&in, full ? "full" : "bare");
                lists_free(lists);
            }
}
END_TEST

START_TEST(test_every_correction_stores_the_payload_main_stored)
{
    for (int as = 0; as < EV__COUNT; as++)
        for (int w = 0; w < 2; w++) {
            evfield_mask takes, needs;
            event_correction_fields((enum event)as, w, &takes, &needs);
            struct event_input in;
            json_t *lists[4];
            input_for(EV_CORRECTED, takes, true, "salah tanggal", &in, lists);
            same_as_main(&in, event_code((enum event)as));
            lists_free(lists);
        }
}
END_TEST

START_TEST(test_every_field_at_once_stores_the_payload_main_stored)
{
    /* a P-19's items and a later return's unmet items both count "items":
     * the unmet ones, as main wrote them, win */
    struct event_input in;
    json_t *lists[4];
    input_for(EV_CORRECTED, ~0u, true, "semua", &in, lists);
    same_as_main(&in, "all");
    lists_free(lists);
}
END_TEST

/* A log to load acts into: a letter delivered (id 10), a direction given
 * (11), a correction of the letter (12); one suspect, party 42. */
static void small_case(struct casefile *cf, struct case_event ev[3], long long ids[3],
                       long long suspects[1])
{
    memset(cf, 0, sizeof *cf);
    struct caldate d = {2026, 3, 2};
    ev[0] = evlog_event(EV_LETTER_DELIVERED, d);
    ev[1] = evlog_event(EV_DIRECTION_GIVEN, d);
    ev[2] = evlog_event(EV_CORRECTED, d);
    ev[2].ref = 0;
    ids[0] = 10;
    ids[1] = 11;
    ids[2] = 12;
    suspects[0] = 42;
    cf->ev = ev;
    cf->ev_id = ids;
    cf->nevents = 3;
    cf->ev_cap = 3;
    cf->suspect_ids = suspects;
    cf->nsuspects = 1;
}

static void same_event(const struct case_event *a, const struct case_event *b, const char *what)
{
    ck_assert_msg(a->event == b->event && caldate_cmp(a->date, b->date) == 0 && a->at == b->at &&
                      a->has_time == b->has_time && a->suspect == b->suspect && a->ref == b->ref &&
                      a->withdraws == b->withdraws && a->items == b->items && a->days == b->days &&
                      a->det_type == b->det_type && a->bap == b->bap &&
                      caldate_cmp(a->due, b->due) == 0 && a->late_return == b->late_return &&
                      a->unlawful == b->unlawful && a->notice == b->notice,
                  "%s: the core event differs from main's", what);
}

/* Each act as stored, loaded into the core's event as main loaded it. */
static void loads_as_main(const struct event_input *in, enum event e, long long corrects,
                          const char *what)
{
    struct casefile cf;
    struct case_event ev[3];
    long long ids[3], suspects[1];
    small_case(&cf, ev, ids, suspects);
    json_t *payload = evfield_payload(in);
    struct case_event want, got;
    main_casefile_event_from(&cf, e, "2026-03-02", "2026-03-02T03:00:00Z", in->party_id, corrects,
                             payload, &want);
    casefile_event_from(&cf, e, "2026-03-02", "2026-03-02T03:00:00Z", in->party_id, corrects,
                        payload, &got);
    same_event(&want, &got, what);
    json_decref(payload);
}

START_TEST(test_every_stored_act_loads_into_the_core_event_main_loaded)
{
    static const char *const recipients[] = {"keluarga_penangkapan", "spdp_kejari", "kejari", NULL,
                                             "korwas"};
    static const char *const baps[] = {"saksi", "tersangka", "ahli", "tambahan", "lain", NULL};
    static const char *const types[] = {"rutan", "rumah", "kota", "sel", NULL};
    for (int e = 0; e < EV__COUNT; e++)
        for (int full = 0; full < 2; full++)
            for (size_t k = 0; k < 5; k++) {
                struct event_input in;
                json_t *lists[4];
                evfield_mask takes = event_fields_taken((enum event)e);
                if (e == EV_CORRECTED) /* as the letter, or the direction given */
                    takes = ~(evfield_mask)0;
                input_for((enum event)e, takes, full, "catatan", &in, lists);
                if (in.recipient)
                    in.recipient = recipients[k];
                if (in.bap)
                    in.bap = baps[k];
                if (in.detention_type)
                    in.detention_type = types[k % 4];
                if (in.direction_event)
                    in.direction_event = k % 2 ? 11 : 10;
                if (k == 4) { /* someone else */
                    in.party_id = in.party_id ? 43 : 0;
                    in.due = in.due ? "2026-02-30" : NULL;
                }
                loads_as_main(&in, (enum event)e, k < 2 ? 10 : k < 4 ? 12 : 11, event_code(e));
                lists_free(lists);
            }
}
END_TEST

/* ---- the OpenAPI schema against the law ------------------------------------- */

static json_t *doc;

static json_t *prop(const char *name)
{
    json_t *p = json_object_get(
        json_object_get(
            json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"),
                            "EventInput"),
            "properties"),
        name);
    ck_assert_msg(p != NULL, "EventInput has no %s", name);
    return p;
}

static bool listed(json_t *list, const char *code)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) if (strcmp(json_string_value(v), code) == 0) return true;
    return false;
}

static void requires(const char *act, const char *field)
{
    ck_assert_msg(listed(json_object_get(prop(field), "x-berkas-required-by"), act),
                  "%s should require %s", act, field);
    ck_assert_msg(listed(json_object_get(prop(field), "x-berkas-taken-by"), act),
                  "%s should take %s", act, field);
}

static void takes(const char *act, const char *field)
{
    ck_assert_msg(listed(json_object_get(prop(field), "x-berkas-taken-by"), act),
                  "%s should take %s", act, field);
}

static void refuses(const char *act, const char *field)
{
    ck_assert_msg(!listed(json_object_get(prop(field), "x-berkas-taken-by"), act),
                  "%s should not take %s", act, field);
}

static const char *type_of(const char *field)
{
    return json_string_value(json_object_get(prop(field), "type"));
}

START_TEST(test_the_schema_says_what_the_law_asks_of_each_act)
{
    doc = openapi_document();
    json_t *schema = json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"),
                                     "EventInput");
    ck_assert(json_is_false(json_object_get(schema, "additionalProperties")));
    /* every act says what it is; the rest depends on the act */
    json_t *req = json_object_get(schema, "required");
    ck_assert_int_eq(json_array_size(req), 1);
    ck_assert_str_eq(json_string_value(json_array_get(req, 0)), "type");
    /* the members every act takes, the documents to issue with it among them */
    ck_assert_str_eq(type_of("date"), "string");
    ck_assert_str_eq(type_of("at"), "string"); /* an arrest's day is 24 hours from its hour */
    ck_assert_str_eq(type_of("number"), "string");
    ck_assert_str_eq(type_of("note"), "string");
    ck_assert_str_eq(type_of("issue"), "array");
    /* KUHAP 18(1): an arrest names the suspect; KUHAP 20-21: so does a
     * detention, and each extension, suspension and release of it */
    static const char *const on_a_suspect[] = {"arrested",
                                               "detained",
                                               "detention_extended_pu",
                                               "detention_extended_court",
                                               "detention_suspended",
                                               "released",
                                               "suspect_designated"};
    for (size_t i = 0; i < sizeof on_a_suspect / sizeof on_a_suspect[0]; i++)
    requires(on_a_suspect[i], "party_id");
    ck_assert_str_eq(type_of("party_id"), "integer");
    /* KUHAP 22(1): a detention is in a rutan, a house or a town */
    takes("detained", "detention_type");
    takes("detention_type_changed", "detention_type");
    refuses("arrested", "detention_type");
    /* KUHAP 19(1): a detention after the arrest's day is recorded only as
     * unlawful, with its reason */
    takes("detained", "unlawful_reason");
    refuses("arrested", "unlawful_reason");
    /* KUHAP 24(2), 29: extensions grant days; 29(1)(a) a severe illness */
    takes("detention_extended_pu", "days");
    takes("detention_extended_court", "days");
    takes("detention_extended_court", "severe_illness");
    refuses("detention_extended_pu", "severe_illness");
    refuses("detained", "days");
    ck_assert_str_eq(type_of("days"), "integer");
    ck_assert_str_eq(type_of("severe_illness"), "boolean");
    /* KUHAP 109(2): an SP3 gives its ground, from the statute's list */
    takes("sp3_issued", "ground");
    ck_assert(listed(json_object_get(prop("ground"), "enum"), "tidak_cukup_bukti"));
    ck_assert(listed(json_object_get(prop("ground"), "enum"), "bukan_tindak_pidana"));
    /* KUHAP 112(1): a summons calls a named person, on a day (227(1)) */
    requires("summons_served", "party_id");
    takes("summons_served", "appearance");
    takes("summons_served", "urgent_reason");
    /* KUHAP 138(2): a return gives its instructions, each answered */
    requires("p19_received", "instructions");
    ck_assert_str_eq(type_of("instructions"), "array");
    requires("instruction_answered", "instruction_id");
    /* ... with what was done, or why it cannot be met (SE B-3326/E/EJP/11/2011: the PU decides
     * over an item the re-send misses): the answer, or the reason standing for it */
    takes("instruction_answered", "answer");
    takes("instruction_answered", "unmet_reason");
    /* a BAP says whose examination it records */
    requires("bap_recorded", "bap");
    /* a correction names what it corrects; the original stays */
    requires("corrected", "corrects");
    takes("corrected", "withdraws");
    ck_assert_str_eq(type_of("withdraws"), "boolean");
    /* every field an act may carry is taken by some act, and described */
    for (size_t i = 0; i < evfields_count; i++) {
        json_t *p = prop(evfields[i].name);
        ck_assert_msg(json_string_length(json_object_get(p, "description")) > 0, "%s",
                      evfields[i].name);
        if (evfields[i].field >= 0)
            ck_assert_msg(json_array_size(json_object_get(p, "x-berkas-taken-by")) > 0, "%s",
                          evfields[i].name);
    }
    /* the problem's fields: the members a form asks for again */
    json_t *problem =
        json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"), "Problem");
    json_t *fields = json_object_get(json_object_get(problem, "properties"), "fields");
    ck_assert_str_eq(json_string_value(json_object_get(fields, "type")), "array");
    json_decref(doc);
}
END_TEST

Suite *suite_evfield(void)
{
    Suite *s = suite_create("evfield");
    TCase *tc = tcase_create("evfield");
    tcase_add_test(tc, test_every_act_stores_the_payload_main_stored);
    tcase_add_test(tc, test_every_correction_stores_the_payload_main_stored);
    tcase_add_test(tc, test_every_field_at_once_stores_the_payload_main_stored);
    tcase_add_test(tc, test_every_stored_act_loads_into_the_core_event_main_loaded);
    tcase_add_test(tc, test_the_schema_says_what_the_law_asks_of_each_act);
    suite_add_tcase(s, tc);
    return s;
}
