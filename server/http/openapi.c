/*
 * openapi.c - GET /api/v1/openapi.json, the API described from the route
 * table itself, so that the description cannot drift from what is served:
 * every route with its method, path parameters, summary, who may call it
 * (x-berkas-roles), whether it needs a session, and the problem responses
 * it can give.
 */
#include <stdio.h>
#include <string.h>

#include "app/actor.h"
#include "app/evfield.h"
#include "config.h"
#include "core/event.h"
#include "core/sp3ground.h"
#include "handlers.h"

static json_t *problem_ref(const char *why)
{
    return json_pack("{s:s, s:{s:{s:{s:s}}}}", "description", why, "content",
                     "application/problem+json", "schema", "$ref", "#/components/schemas/Problem");
}

static json_t *operation(const struct route *r)
{
    json_t *op = json_pack("{s:s, s:s}", "summary", r->summary, "operationId", "");
    char id[160];
    snprintf(id, sizeof id, "%s %s", r->method, r->pattern);
    json_object_set_new(op, "operationId", json_string(id));

    json_t *params = json_array();
    for (const char *p = strchr(r->pattern, '{'); p; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(close - p - 1), p + 1);
        json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:{s:s}}", "name", name, "in",
                                                "path", "required", 1, "schema", "type", "string"));
    }
    if (r->flags & ROUTE_IDEMPOTENT)
        json_array_append_new(
            params, json_pack("{s:s, s:s, s:b, s:s, s:{s:s, s:i, s:i}}", "name", "Idempotency-Key",
                              "in", "header", "required", 0, "description",
                              "a retry with the same key gets the first answer and acts once "
                              "(kept idempotency.keep_hours, 24 h by default)",
                              "schema", "type", "string", "minLength", 1, "maxLength", 200));
    if (json_array_size(params))
        json_object_set_new(op, "parameters", params);
    else
        json_decref(params);

    json_t *roles = json_array();
    static const enum role all[] = {ROLE_INVESTIGATOR, ROLE_SUPERVISOR, ROLE_PROSECUTOR,
                                    ROLE_ADMIN};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (r->roles & all[i])
            json_array_append_new(roles, json_string(role_code(all[i])));
    json_object_set_new(op, "x-berkas-roles", roles);
    json_object_set_new(op, "x-berkas-audited", json_boolean(r->flags & ROUTE_AUDIT));

    json_t *responses = json_object();
    json_object_set_new(responses, "2XX", json_pack("{s:s}", "description", "done"));
    bool writes = strcmp(r->method, "GET") != 0;
    if (writes) {
        json_object_set_new(responses, "400", problem_ref("bad input (names the field)"));
        json_object_set_new(responses, "413", problem_ref("body over the limit"));
    }
    if (r->roles != ROUTE_PUBLIC) {
        json_object_set_new(op, "security", json_pack("[{s:[]}]", "bearer"));
        json_object_set_new(responses, "401", problem_ref("no valid session"));
        json_object_set_new(responses, "403", problem_ref("the role may not do this"));
    }
    if (strchr(r->pattern, '{'))
        json_object_set_new(responses, "404",
                            problem_ref("not found, or not visible to the caller"));
    json_object_set_new(responses, "503", problem_ref("database away; retry later"));
    json_object_set_new(op, "responses", responses);
    return op;
}

/* The JSON schema of one member of an act's body, from its row. */
static json_t *member_schema(const struct evfield *r)
{
    switch (r->input) {
    case EVI_STR:
        return json_pack("{s:s, s:I}", "type", "string", "maxLength", (json_int_t)r->max);
    case EVI_ID:
        return json_pack("{s:s, s:i, s:I}", "type", "integer", "minimum", 1, "maximum",
                         (json_int_t)(1LL << 53));
    case EVI_DAYS:
        return json_pack("{s:s, s:i, s:I}", "type", "integer", "minimum", 1, "maximum",
                         (json_int_t)r->max);
    case EVI_FLAG:
        return json_pack("{s:s}", "type", "boolean");
    case EVI_TEXTS:
        return json_pack("{s:s, s:I, s:{s:s, s:i}}", "type", "array", "maxItems",
                         (json_int_t)r->max, "items", "type", "string", "maxLength", EVF_TEXT_MAX);
    case EVI_IDS:
        return json_pack("{s:s, s:i, s:I, s:{s:s, s:i}}", "type", "array", "minItems", 1,
                         "maxItems", (json_int_t)r->max, "items", "type", "integer", "minimum", 1);
    case EVI_FORMS:
        return json_pack("{s:s, s:I, s:{s:s, s:s, s:i}}", "type", "array", "maxItems",
                         (json_int_t)r->max, "items", "type", "string", "pattern", "^[a-z0-9_]+$",
                         "maxLength", 40);
    case EVI_PEOPLE:
        return json_pack("{s:s, s:{s:[s, s]}}", "type", "array", "items", "type", "string",
                         "integer");
    }
    return json_object();
}

/* The body of POST /api/v1/cases/{id}/events, from the one description of
 * an act's input (core/evfields.def): each member's type and bounds, and
 * for the fields beyond those every act takes, the acts that take (and
 * require) them.  A field an act does not take is refused (400). */
static json_t *event_input_schema(void)
{
    json_t *props = json_object(), *required = json_array();
    for (size_t i = 0; i < evfields_count; i++) {
        const struct evfield *r = &evfields[i];
        json_t *prop = member_schema(r);
        json_object_set_new(prop, "description", json_string(r->description));
        if (r->required)
            json_array_append_new(required, json_string(r->name));
        if (r->field >= 0) {
            json_t *takes = json_array(), *needs = json_array();
            for (int e = 0; e < EV__COUNT; e++) {
                if (event_fields_taken((enum event)e) & EVF_BIT(r->field))
                    json_array_append_new(takes, json_string(event_code((enum event)e)));
                if (event_fields_required((enum event)e) & EVF_BIT(r->field))
                    json_array_append_new(needs, json_string(event_code((enum event)e)));
            }
            json_object_set_new(prop, "x-berkas-taken-by", takes);
            json_object_set_new(prop, "x-berkas-required-by", needs);
        }
        if (r->field == EVF_GROUND) { /* the statute's closed list (core/sp3ground.h) */
            json_t *codes = json_array();
            for (int g = 0; g < sp3_ground_count(); g++)
                json_array_append_new(codes, json_string(sp3_ground_at(g)->code));
            json_object_set_new(prop, "enum", codes);
            json_object_set_new(prop, "description",
                                json_string("the SP3's ground: KUHAP 109(2) under KUHAP-1981; "
                                            "UU 20/2025 Pasal 24 adds keadilan_restoratif, "
                                            "denda_kategori_ii and denda_kategori_iv"));
        }
        json_object_set_new(props, r->name, prop);
    }
    return json_pack("{s:s, s:o, s:o, s:b, s:s}", "type", "object", "required", required,
                     "properties", props, "additionalProperties", 0, "description",
                     "A correction (corrected) takes what the act it corrects takes, except a "
                     "P-19's items, an answer and the direction done; with withdraws, nothing "
                     "more.  Refusals: 400 a field the act does not take or lacks (fields: "
                     "[the field]); 409 a stage or state that does not take the act (allowed); "
                     "422 a guard (missing, hints: how to supply each; fields: those of the "
                     "act's input that could), or an act dated before one it depends on "
                     "(date-order: act, depends_on), or a withdrawal of an act that an act "
                     "standing presupposes (dependent-act: field corrects, act - the one to "
                     "withdraw first -, depends_on), or a detention dated only the day the "
                     "arrest's hours end (time-needed: field at, fields [at], "
                     "arrest_ends_at).  Sending the file (tahap1_sent, resubmitted) is answered "
                     "201 with warnings: each urgent search or seizure whose Ketua PN's approval "
                     "is still owed (pn_approval_awaited) or was refused (pn_approval_refused), "
                     "{code, event_id, type, date, message}.");
}

json_t *openapi_document(void)
{
    json_t *paths = json_object();
    for (size_t i = 0; i < http_routes_count; i++) {
        const struct route *r = &http_routes[i];
        json_t *item = json_object_get(paths, r->pattern);
        if (!item) {
            item = json_object();
            json_object_set_new(paths, r->pattern, item);
        }
        /* OpenAPI keys operations by the method in lower case */
        char method[16] = "";
        size_t k = 0;
        for (const char *m = r->method; *m && k + 1 < sizeof method; m++)
            method[k++] = (char)(*m >= 'A' && *m <= 'Z' ? *m + ('a' - 'A') : *m);
        method[k] = '\0';
        json_t *op = operation(r);
        if (strcmp(r->pattern, "/api/v1/cases/{id}/events") == 0 && strcmp(r->method, "POST") == 0)
            json_object_set_new(op, "requestBody",
                                json_pack("{s:b, s:{s:{s:{s:s}}}}", "required", 1, "content",
                                          "application/json", "schema", "$ref",
                                          "#/components/schemas/EventInput"));
        json_object_set_new(item, method, op);
    }
    json_t *problem =
        json_pack("{s:s, s:[s, s, s], s:{s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}}}", "type",
                  "object", "required", "type", "title", "status", "properties", "type", "type",
                  "string", "title", "type", "string", "status", "type", "integer", "detail",
                  "type", "string", "field", "type", "string");
    json_object_set_new(json_object_get(problem, "properties"), "fields",
                        json_pack("{s:s, s:{s:s}}", "type", "array", "items", "type", "string"));
    return json_pack(
        "{s:s, s:{s:s, s:s, s:s}, s:o, s:{s:{s:o, s:o}, s:{s:{s:s, s:s}}}}", "openapi", "3.1.0",
        "info", "title", "berkas API", "version", BERKAS_VERSION, "description",
        "Case files of PPNS Keimigrasian. Errors are RFC 9457 problem details.", "paths", paths,
        "components", "schemas", "Problem", problem, "EventInput", event_input_schema(),
        "securitySchemes", "bearer", "type", "http", "scheme", "bearer");
}

HANDLER(h_openapi)
{
    (void)app;
    (void)req;
    reply_json(rep, 200, openapi_document());
}
