/*
 * h_cases.c - cases: open, list, read, export, record acts; parties,
 * offences, evidence; the offence catalogue, rule sets and the chain check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/casecorrect.h"
#include "app/casework.h"
#include "app/events.h"
#include "app/evfield.h"
#include "core/mustcheck.h"
#include "handlers.h"
#include "app/casexml.h"
#include "app/rulesets.h"

/* A problem reply with the members DESIGN.md promises for refusals: the
 * events allowed (409), the missing facts (422), the current version. */
static void reply_refusal(struct http_reply *rep, const struct berr *err,
                          const struct event_outcome *out)
{
    reply_berr(rep, err);
    if (!out->problem_type && !out->allowed && !out->missing && !out->fields && !out->extra)
        return;
    json_t *j = json_loadb(rep->body, rep->len, 0, NULL);
    if (!j)
        return;
    if (out->problem_type) {
        char type[96];
        snprintf(type, sizeof type, "urn:berkas:problem:%s", out->problem_type);
        json_object_set_new(j, "type", json_string(type));
    }
    if (out->allowed)
        json_object_set(j, "allowed", out->allowed);
    if (out->missing)
        json_object_set(j, "missing", out->missing);
    if (out->fields)
        json_object_set(j, "fields", out->fields);
    if (out->extra)
        json_object_update(j, out->extra);
    if (out->current_version > 0)
        json_object_set_new(j, "current_version", json_integer(out->current_version));
    unsigned status = rep->status;
    int retry = rep->retry_after;
    reply_json(rep, status, j);
    rep->content_type = "application/problem+json";
    rep->retry_after = retry;
}

static void outcome_free(struct event_outcome *out)
{
    json_decref(out->body);
    json_decref(out->allowed);
    json_decref(out->missing);
    json_decref(out->fields);
    json_decref(out->extra);
}

/* If-Match: "7", W/"7" or 7. -1 when absent; -2 when malformed. */
int http_if_match(const struct http_request *req)
{
    const char *h = http_header(req, "If-Match");
    if (!h)
        return -1;
    if (h[0] == 'W' && h[1] == '/')
        h += 2;
    char buf[16];
    size_t n = strlen(h);
    if (n >= 2 && h[0] == '"' && h[n - 1] == '"') {
        h++;
        n -= 2;
    }
    if (n == 0 || n >= sizeof buf || strspn(h, "0123456789") < n)
        return -2;
    memcpy(buf, h, n);
    buf[n] = '\0';
    return (int)strtol(buf, NULL, 10);
}

HANDLER(h_cases_list)
{
    struct berr err = {0};
    struct case_filter flt = {.stage = http_query(req, "stage"),
                              .clock = http_query(req, "clock"),
                              .article = http_query(req, "article"),
                              .q = http_query(req, "q"),
                              .mine = http_query(req, "mine"),
                              .number = http_query(req, "number")};
    const char *office = http_query(req, "office"), *cursor = http_query(req, "cursor"),
               *limit = http_query(req, "limit");
    long long n = 0;
    bool ok = (!office || path_id(office, "office", &flt.office, &err)) &&
              (!cursor || path_id(cursor, "cursor", &flt.cursor, &err));
    if (ok && limit && (!path_id(limit, "limit", &n, &err) || n > 100))
        ok = berr_field(&err, BERR_BAD_INPUT, "limit", "limit: 1 sampai 100");
    if (!ok) {
        reply_berr(rep, &err);
        return;
    }
    flt.limit = (int)n;
    if (flt.number && (strlen(flt.number) == 0 || strlen(flt.number) > 128)) {
        berr_field(&err, BERR_BAD_INPUT, "number", "number: 1 sampai 128 karakter");
        reply_berr(rep, &err);
        return;
    }
    if (flt.q && strlen(flt.q) > 100) {
        berr_field(&err, BERR_BAD_INPUT, "q", "q paling panjang 100 karakter");
        reply_berr(rep, &err);
        return;
    }
    reply_result(rep, 200, app_cases_list(app, &req->actor, &flt, &req->audit, &err), &err);
}

/* The case id's page (app_case_get) as the answer with status, or the problem. */
static void reply_case(struct app *app, struct http_request *req, struct http_reply *rep,
                       unsigned status, long long id, struct berr *err)
{
    char *text;
    size_t len;
    if (app_case_get(app, &req->actor, id, &req->audit, &text, &len, err))
        reply_json_text(rep, status, text, len);
    else
        reply_berr(rep, err);
}

HANDLER(h_case_create)
{
    static const char *const fields[] = {"kejari_id", "source", "source_note",   "summary",
                                         "opened_on", "number", "report_number", NULL};
    struct berr err = {0};
    req->audit.action = "case.create";
    json_t *body = json_body(req, fields, false, &err);
    struct case_input in = {0};
    long long id = 0;
    struct event_outcome out = {0};
    bool ok = body && json_get_int(body, "kejari_id", false, 1, (1LL << 53), &in.kejari_id, &err) &&
              json_get_str(body, "source", true, 32, &in.source, &err) &&
              json_get_str(body, "source_note", false, 500, &in.source_note, &err) &&
              json_get_str(body, "summary", false, 2000, &in.summary, &err) &&
              json_get_str(body, "opened_on", true, 10, &in.opened_on, &err) &&
              json_get_str(body, "number", false, 100, &in.number, &err) &&
              json_get_str(body, "report_number", false, 100, &in.report_number, &err) &&
              app_case_create(app, &req->actor, &in, &id, &out, &req->audit, &err);
    if (ok) {
        reply_case(app, req, rep, 201, id, &err);
        snprintf(rep->location_buf, sizeof rep->location_buf, "/api/v1/cases/%lld", id);
        rep->location = rep->location_buf;
    } else {
        reply_refusal(rep, &err, &out);
    }
    outcome_free(&out);
    json_decref(body);
}

HANDLER(h_case_get)
{
    struct berr err = {0};
    long long id;
    req->audit.action = "case.read";
    if (path_id(req->params[0], "id", &id, &err))
        reply_case(app, req, rep, 200, id, &err);
    else
        reply_berr(rep, &err);
}

HANDLER(h_case_xml)
{
    struct berr err = {0};
    long long id;
    char *xml = NULL;
    size_t len = 0;
    req->audit.action = "case.export";
    if (path_id(req->params[0], "id", &id, &err) &&
        app_case_xml(app, &req->actor, id, &xml, &len, &req->audit, &err)) {
        free(rep->body);
        rep->status = 200;
        rep->content_type = "application/xml";
        rep->body = xml;
        rep->len = len;
    } else {
        reply_berr(rep, &err);
    }
}

/* A list of texts, each a string of at most EVF_TEXT_MAX bytes, checked (and
 * normalised) in place as json_get_str would one member. */
BERKAS_MUST_CHECK static bool member_texts(json_t *v, const struct evfield *r, struct berr *err)
{
    size_t count = json_array_size(v);
    if (!json_is_array(v) || count > (size_t)r->max)
        return berr_field(err, BERR_BAD_INPUT, r->name, "%s: daftar teks (paling banyak %lld)",
                          r->name, r->max);
    for (size_t i = 0; i < count; i++) {
        json_t *wrap = json_pack("{s:O}", "item", json_array_get(v, i));
        const char *text;
        bool ok = json_get_str(wrap, "item", true, EVF_TEXT_MAX, &text, err);
        if (ok)
            json_array_set(v, i, json_object_get(wrap, "item"));
        else
            snprintf(err->field, sizeof err->field, "%s", r->name);
        json_decref(wrap);
        if (!ok)
            return false;
    }
    return true;
}

/* A list of form names: lower-case letters, digits and '_', 1 to 40 of them. */
BERKAS_MUST_CHECK static bool member_forms(json_t *v, const struct evfield *r, struct berr *err)
{
    size_t count = json_array_size(v);
    if (!json_is_array(v) || count > (size_t)r->max)
        return berr_field(err, BERR_BAD_INPUT, r->name,
                          "%s: daftar nama formulir (paling banyak %lld)", r->name, r->max);
    for (size_t i = 0; i < count; i++) {
        const char *f = json_string_value(json_array_get(v, i));
        if (!f || !*f || strlen(f) > 40 ||
            strspn(f, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(f))
            return berr_field(err, BERR_BAD_INPUT, r->name,
                              "%s: nama formulir seperti \"ba_penangkapan\"", r->name);
    }
    return true;
}

/* A list of 1 to r->max ids, each a positive integer. */
BERKAS_MUST_CHECK static bool member_ids(json_t *v, const struct evfield *r, struct berr *err)
{
    size_t count = json_array_size(v);
    bool ids = json_is_array(v) && count >= 1 && count <= (size_t)r->max;
    for (size_t i = 0; ids && i < count; i++)
        ids = json_is_integer(json_array_get(v, i)) && json_integer_value(json_array_get(v, i)) > 0;
    if (!ids)
        return berr_field(err, BERR_BAD_INPUT, r->name, "%s; daftar 1 sampai %lld id", r->need,
                          r->max);
    return true;
}

/* One member of an act's body into its member of in, as its row says
 * (app/evfield.h): its JSON type and bounds; a list is checked item by item. */
static bool event_member(json_t *body, const struct evfield *r, struct event_input *in,
                         struct berr *err)
{
    json_t *v = json_object_get(body, r->name);
    long long n = 0;
    switch (r->input) {
    case EVI_STR:
        return json_get_str(body, r->name, r->required, (size_t)r->max, evfield_str(in, r), err);
    case EVI_ID:
        if (!json_get_int(body, r->name, r->required, 1, (1LL << 53), &n, err))
            return false;
        *evfield_ll(in, r) = n;
        return true;
    case EVI_DAYS:
        if (!json_get_int(body, r->name, r->required, 1, r->max, &n, err))
            return false;
        *evfield_int(in, r) = (int)n;
        return true;
    case EVI_FLAG:
        if (v && !json_is_boolean(v))
            return berr_field(err, BERR_BAD_INPUT, r->name, "%s harus true atau false", r->name);
        *evfield_bool(in, r) = json_is_true(v);
        return true;
    case EVI_PEOPLE: /* app/acts.c resolves each NIP and says which one is wrong */
        *evfield_json(in, r) = v;
        return true;
    case EVI_TEXTS:
    case EVI_IDS:
    case EVI_FORMS:
        break;
    }
    if (!v)
        return true;
    bool ok = r->input == EVI_TEXTS   ? member_texts(v, r, err)
              : r->input == EVI_FORMS ? member_forms(v, r, err)
                                      : member_ids(v, r, err);
    if (!ok)
        return false;
    *evfield_json(in, r) = v;
    return true;
}

HANDLER(h_event_create)
{
    struct berr err = {0};
    req->audit.action = "case.event";
    long long id;
    struct event_input in = {.if_match = http_if_match(req)};
    struct event_outcome out = {0};
    json_t *body = NULL;
    bool ok = path_id(req->params[0], "id", &id, &err);
    if (ok && in.if_match == -2)
        ok = berr_field(&err, BERR_BAD_INPUT, "If-Match",
                        "If-Match harus versi perkara, mis. \"3\"");
    req->audit.object_type = "case";
    req->audit.object_id = ok ? id : 0;
    /* the members and their checks: one row each (core/evfields.def) */
    ok = ok && (body = json_body(req, evfield_names(), false, &err)) != NULL;
    for (size_t i = 0; ok && i < evfields_count; i++)
        ok = event_member(body, &evfields[i], &in, &err);
    ok = ok && app_event_record(app, &req->actor, id, &in, &out, &req->audit, &err);
    if (ok) {
        reply_json(rep, (unsigned)out.status, json_incref(out.body));
        snprintf(rep->location_buf, sizeof rep->location_buf, "/api/v1/cases/%lld", id);
        rep->location = rep->location_buf;
    } else {
        /* a refusal about the act's input names the fields at fault (or
         * those that would satisfy the guard), for a form to ask for them */
        if (!out.fields && evfield_named(err.field))
            out.fields = json_pack("[s]", err.field);
        reply_refusal(rep, &err, &out);
    }
    outcome_free(&out);
    json_decref(body);
}

static bool party_fields(json_t *body, struct party_input *in, bool add, struct berr *err)
{
    return json_get_str(body, "kind", add, 10, &in->kind, err) &&
           json_get_str(body, "name", add, 200, &in->name, err) &&
           json_get_str(body, "nationality", false, 2, &in->nationality, err) &&
           json_get_str(body, "passport_no", false, 20, &in->passport_no, err) &&
           json_get_str(body, "nik", false, 16, &in->nik, err) &&
           json_get_str(body, "birth_date", false, 10, &in->birth_date, err) &&
           json_get_str(body, "birth_place", false, 200, &in->birth_place, err) &&
           json_get_str(body, "sex", false, 1, &in->sex, err) &&
           json_get_str(body, "occupation", false, 200, &in->occupation, err) &&
           json_get_str(body, "address_id", false, 500, &in->address_id, err) &&
           json_get_str(body, "address_abroad", false, 500, &in->address_abroad, err) &&
           json_get_str(body, "language", false, 100, &in->language, err) &&
           json_get_str(body, "interpreter", false, 200, &in->interpreter, err);
}

static const char *const party_field_names[] = {
    "kind",        "name",        "nationality", "passport_no", "birth_date",
    "birth_place", "sex",         "occupation",  "address_id",  "address_abroad",
    "language",    "interpreter", "nik",         NULL};

static void party_save(struct app *app, struct http_request *req, struct http_reply *rep, bool add)
{
    struct berr err = {0};
    long long case_id, party_id = 0, id = 0;
    struct party_input in = {.if_match = -1};
    json_t *body = NULL;
    bool ok = path_id(req->params[0], "id", &case_id, &err) &&
              (add || path_id(req->params[1], "party", &party_id, &err));
    if (ok && !add) {
        in.if_match = http_if_match(req);
        if (in.if_match == -2)
            ok = berr_field(&err, BERR_BAD_INPUT, "If-Match", "If-Match harus versi pihak");
    }
    ok = ok && (body = json_body(req, party_field_names, false, &err)) != NULL &&
         party_fields(body, &in, add, &err) &&
         app_party_save(app, &req->actor, case_id, party_id, &in, &id, &req->audit, &err);
    if (ok)
        reply_json(rep, add ? 201 : 200,
                   json_pack("{s:I, s:I}", "id", (json_int_t)id, "case_id", (json_int_t)case_id));
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_party_add)
{
    req->audit.action = "party.add";
    party_save(app, req, rep, true);
}

HANDLER(h_party_correct)
{
    req->audit.action = "party.correct";
    party_save(app, req, rep, false);
}

HANDLER(h_offence_charge)
{
    static const char *const fields[] = {"code", "party_id", NULL};
    struct berr err = {0};
    req->audit.action = "offence.charge";
    long long case_id, party_id = 0, id = 0;
    const char *code;
    json_t *body = NULL;
    bool ok = path_id(req->params[0], "id", &case_id, &err) &&
              (body = json_body(req, fields, false, &err)) != NULL &&
              json_get_str(body, "code", true, 16, &code, &err) &&
              json_get_int(body, "party_id", false, 1, (1LL << 53), &party_id, &err) &&
              app_offence_charge(app, &req->actor, case_id, code, party_id, &id, &req->audit, &err);
    if (ok)
        reply_json(rep, 201, json_pack("{s:I, s:s}", "id", (json_int_t)id, "code", code));
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_evidence_add)
{
    static const char *const fields[] = {"description", "quantity",      "seized_from", "seized_on",
                                         "storage",     "seizure_event", NULL};
    struct berr err = {0};
    req->audit.action = "evidence.add";
    long long case_id, id = 0;
    struct evidence_in in = {0};
    json_t *body = NULL;
    bool ok = path_id(req->params[0], "id", &case_id, &err) &&
              (body = json_body(req, fields, false, &err)) != NULL &&
              json_get_str(body, "description", true, 1000, &in.description, &err) &&
              json_get_str(body, "quantity", false, 60, &in.quantity, &err) &&
              json_get_int(body, "seized_from", false, 1, (1LL << 53), &in.seized_from, &err) &&
              json_get_str(body, "seized_on", false, 10, &in.seized_on, &err) &&
              json_get_str(body, "storage", false, 200, &in.storage, &err) &&
              json_get_int(body, "seizure_event", false, 1, (1LL << 53), &in.seizure_event, &err) &&
              app_evidence_add(app, &req->actor, case_id, &in, &id, &req->audit, &err);
    if (ok)
        reply_json(rep, 201, json_pack("{s:I}", "id", (json_int_t)id));
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_offences_list)
{
    struct berr err = {0};
    reply_result(rep, 200, app_offence_catalogue(app, &req->actor, &err), &err);
}

HANDLER(h_rulesets_list)
{
    struct berr err = {0};
    reply_result(rep, 200, app_rulesets_get(app, &req->actor, &err), &err);
}

HANDLER(h_ruleset_history)
{
    struct berr err = {0};
    reply_result(rep, 200,
                 app_ruleset_history(app, &req->actor, http_query(req, "ruleset"),
                                     http_query(req, "key"), &err),
                 &err);
}

HANDLER(h_ruleset_amend)
{
    static const char *const fields[] = {"value",          "to_verify", "note",
                                         "effective_from", "override",  NULL};
    struct berr err = {0};
    req->audit.action = "ruleset.amend";
    long long value = 0;
    struct ruleset_amendment_in in = {.name = req->params[0], .key = req->params[1]};
    json_t *body = json_body(req, fields, false, &err);
    bool ok = body && json_get_int(body, "value", true, -1000000, 1000000, &value, &err) &&
              json_get_str(body, "note", false, 500, &in.note, &err) &&
              json_get_str(body, "effective_from", false, 10, &in.effective_from, &err);
    json_t *tv = body ? json_object_get(body, "to_verify") : NULL;
    json_t *ov = body ? json_object_get(body, "override") : NULL;
    if (ok && tv && !json_is_boolean(tv))
        ok = berr_field(&err, BERR_BAD_INPUT, "to_verify", "to_verify harus true atau false");
    if (ok && ov && !json_is_boolean(ov))
        ok = berr_field(&err, BERR_BAD_INPUT, "override", "override harus true atau false");
    in.value = (int)value;
    in.to_verify = tv ? json_is_true(tv) : -1;
    in.override = json_is_true(ov);
    json_t *r = ok ? app_ruleset_amend(app, &req->actor, &in, &req->audit, &err) : NULL;
    if (r)
        reply_result(rep, 200, r, &err);
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_verify_chain)
{
    struct berr err = {0};
    json_t *body = json_body(req, NULL, true, &err);
    json_t *j = body ? app_verify_chain(app, &req->actor, &req->audit, &err) : NULL;
    reply_result(rep, 200, j, &err);
    json_decref(body);
}

HANDLER(h_offence_withdraw)
{
    struct berr err = {0};
    req->audit.action = "offence.withdraw";
    long long case_id, charge;
    json_t *body = NULL;
    bool ok = path_id(req->params[0], "id", &case_id, &err) &&
              path_id(req->params[1], "charge", &charge, &err) &&
              (body = json_body(req, NULL, true, &err)) != NULL &&
              app_offence_withdraw(app, &req->actor, case_id, charge, &req->audit, &err);
    if (ok) {
        rep->status = 204;
        rep->content_type = NULL;
    } else {
        reply_berr(rep, &err);
    }
    json_decref(body);
}

HANDLER(h_evidence_correct)
{
    static const char *const fields[] = {"description", "quantity",      "seized_on",
                                         "storage",     "seizure_event", NULL};
    struct berr err = {0};
    req->audit.action = "evidence.correct";
    long long case_id, item;
    struct evidence_in in = {0};
    int version = http_if_match(req);
    json_t *body = NULL;
    bool ok = path_id(req->params[0], "id", &case_id, &err) &&
              path_id(req->params[1], "item", &item, &err);
    if (ok && version == -2)
        ok = berr_field(&err, BERR_BAD_INPUT, "If-Match", "If-Match harus versi barang bukti");
    ok = ok && (body = json_body(req, fields, false, &err)) != NULL &&
         json_get_str(body, "description", false, 1000, &in.description, &err) &&
         json_get_str(body, "quantity", false, 60, &in.quantity, &err) &&
         json_get_str(body, "seized_on", false, 10, &in.seized_on, &err) &&
         json_get_str(body, "storage", false, 200, &in.storage, &err) &&
         json_get_int(body, "seizure_event", false, 1, (1LL << 53), &in.seizure_event, &err) &&
         app_evidence_correct(app, &req->actor, case_id, item, version, &in, &req->audit, &err);
    if (ok)
        reply_json(rep, 200,
                   json_pack("{s:I, s:I}", "id", (json_int_t)item, "case_id", (json_int_t)case_id));
    else
        reply_berr(rep, &err);
    json_decref(body);
}

/* PUT /cases/{id}: the case's particulars, with If-Match (issue 8). */
HANDLER(h_case_update)
{
    static const char *const fields[] = {"summary",   "source",        "source_note",
                                         "kejari_id", "investigators", NULL};
    struct berr err = {0};
    req->audit.action = "case.update";
    long long id, kejari = 0;
    json_t *body = NULL, *out = NULL;
    struct case_update in = {.if_match = http_if_match(req)};
    bool ok = path_id(req->params[0], "id", &id, &err);
    if (ok && in.if_match == -2)
        ok = berr_field(&err, BERR_BAD_INPUT, "If-Match",
                        "If-Match harus versi perkara, mis. \"3\"");
    req->audit.object_type = "case";
    req->audit.object_id = ok ? id : 0;
    ok = ok && (body = json_body(req, fields, false, &err)) != NULL &&
         json_get_str(body, "summary", false, 4000, &in.summary, &err) &&
         json_get_str(body, "source", false, 40, &in.source, &err) &&
         json_get_str(body, "source_note", false, 1000, &in.source_note, &err) &&
         json_get_int(body, "kejari_id", false, 1, (1LL << 53), &kejari, &err);
    in.kejari_id = kejari;
    in.investigators = body ? json_object_get(body, "investigators") : NULL;
    ok = ok && app_case_update(app, &req->actor, id, &in, &out, &req->audit, &err);
    if (ok)
        reply_json(rep, 200, out);
    else
        reply_berr(rep, &err);
    json_decref(body);
}
