/* h_admin.c - offices, letterheads, users. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/admin.h"
#include "app/app.h"
#include "handlers.h"
#include "app/install.h"
#include "app/settings.h"
#include "app/signers.h"

static void created(struct http_reply *rep, const char *prefix, long long id, json_t *doc,
                    const struct berr *err)
{
    reply_result(rep, 201, doc, err);
    if (doc) {
        snprintf(rep->location_buf, sizeof rep->location_buf, "%s/%lld", prefix, id);
        rep->location = rep->location_buf;
    }
}

HANDLER(h_offices_list)
{
    struct berr err = {0};
    reply_result(rep, 200, app_offices_list(app, &req->actor, &err), &err);
}

HANDLER(h_office_get)
{
    struct berr err = {0};
    long long id;
    json_t *j = path_id(req->params[0], "id", &id, &err)
                    ? app_office_get(app, &req->actor, id, &err)
                    : NULL;
    reply_result(rep, 200, j, &err);
}

HANDLER(h_office_create)
{
    static const char *const fields[] = {"parent_id", "kind", "code", "name", "tz", "class", NULL};
    struct berr err = {0};
    req->audit.action = "office.create";
    json_t *body = json_body(req, fields, false, &err);
    struct office_input in = {0};
    long long id = 0;
    bool ok = body && json_get_int(body, "parent_id", true, 1, (1LL << 53), &in.parent_id, &err) &&
              json_get_str(body, "kind", true, 16, &in.kind, &err) &&
              json_get_str(body, "code", true, 32, &in.code, &err) &&
              json_get_str(body, "name", true, 200, &in.name, &err) &&
              json_get_str(body, "tz", true, 32, &in.tz, &err) &&
              json_get_str(body, "class", false, 32, &in.class_name, &err) &&
              app_office_create(app, &req->actor, &in, &id, &req->audit, &err);
    if (ok)
        created(rep, "/api/v1/offices", id, app_office_get(app, &req->actor, id, &err), &err);
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_letterheads_list)
{
    struct berr err = {0};
    long long id;
    json_t *j = path_id(req->params[0], "id", &id, &err)
                    ? app_letterheads_list(app, &req->actor, id, &err)
                    : NULL;
    reply_result(rep, 200, j, &err);
}

HANDLER(h_letterhead_add)
{
    static const char *const fields[] = {"effective_from", "lines", NULL};
    struct berr err = {0};
    req->audit.action = "letterhead.add";
    long long id;
    json_t *body = NULL;
    const char *from;
    bool ok = path_id(req->params[0], "id", &id, &err) &&
              (body = json_body(req, fields, false, &err)) != NULL &&
              json_get_str(body, "effective_from", true, 10, &from, &err);
    if (ok) {
        json_t *lines = json_object_get(body, "lines");
        for (size_t i = 0; ok && i < json_array_size(lines); i++) {
            json_t *line = json_array_get(lines, i);
            const char *v;
            json_t *wrap = json_pack("{s:O}", "line", line);
            ok = json_get_str(wrap, "line", true, 200, &v, &err);
            if (ok)
                json_array_set(lines, i, json_object_get(wrap, "line"));
            else
                snprintf(err.field, sizeof err.field, "lines");
            json_decref(wrap);
        }
        ok = ok && app_letterhead_add(app, &req->actor, id, from, lines, &req->audit, &err);
    }
    if (ok)
        reply_result(rep, 201, app_letterheads_list(app, &req->actor, id, &err), &err);
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_users_list)
{
    struct berr err = {0};
    reply_result(rep, 200, app_users_list(app, &req->actor, &err), &err);
}

HANDLER(h_lockouts_list)
{
    struct berr err = {0};
    const char *d = http_query(req, "days");
    char *end = NULL;
    long days = d ? strtol(d, &end, 10) : 30;
    if (d && (!*d || *end || days < 1 || days > 366)) {
        berr_field(&err, BERR_BAD_INPUT, "days", "days harus 1 sampai 366");
        reply_berr(rep, &err);
        return;
    }
    reply_result(rep, 200, app_lockouts_list(app, &req->actor, (int)days, &err), &err);
}

HANDLER(h_user_get)
{
    struct berr err = {0};
    long long id;
    json_t *j =
        path_id(req->params[0], "id", &id, &err) ? app_user_get(app, &req->actor, id, &err) : NULL;
    reply_result(rep, 200, j, &err);
}

HANDLER(h_user_create)
{
    static const char *const fields[] = {
        "nip",  "name",     "pangkat",      "golongan",         "position", "office_id",
        "role", "password", "ppns_card_no", "ppns_valid_until", NULL};
    struct berr err = {0};
    req->audit.action = "user.create";
    json_t *body = json_body(req, fields, false, &err);
    struct user_input in = {0};
    long long id = 0;
    bool ok = body && json_get_str(body, "nip", true, 18, &in.nip, &err) &&
              json_get_str(body, "name", true, 200, &in.name, &err) &&
              json_get_str(body, "pangkat", false, 60, &in.pangkat, &err) &&
              json_get_str(body, "golongan", false, 8, &in.golongan, &err) &&
              json_get_str(body, "position", false, 200, &in.position, &err) &&
              json_get_int(body, "office_id", true, 1, (1LL << 53), &in.office_id, &err) &&
              json_get_str(body, "role", true, 16, &in.role, &err) &&
              json_get_str(body, "ppns_card_no", false, 40, &in.ppns_card_no, &err) &&
              json_get_str(body, "ppns_valid_until", false, 10, &in.ppns_valid_until, &err);
    if (ok) {
        /* the password as typed */
        in.password = json_string_value(json_object_get(body, "password"));
        if (!in.password)
            ok = berr_field(&err, BERR_BAD_INPUT, "password", "password wajib diisi (teks)");
    }
    if (ok && !in.golongan)
        in.golongan = "";
    ok = ok && app_user_create(app, &req->actor, &in, &id, &req->audit, &err);
    if (ok)
        created(rep, "/api/v1/users", id, app_user_get(app, &req->actor, id, &err), &err);
    else
        reply_berr(rep, &err);
    json_decref(body);
}

static void user_act(struct app *app, struct http_request *req, struct http_reply *rep,
                     bool (*act)(struct app *, const struct actor *, long long, struct audit_rec *,
                                 struct berr *))
{
    struct berr err = {0};
    long long id;
    json_t *body = NULL;
    bool ok = path_id(req->params[0], "id", &id, &err) &&
              (body = json_body(req, NULL, true, &err)) != NULL &&
              act(app, &req->actor, id, &req->audit, &err);
    if (ok)
        reply_result(rep, 200, app_user_get(app, &req->actor, id, &err), &err);
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_user_disable)
{
    req->audit.action = "user.disable";
    user_act(app, req, rep, app_user_disable);
}

HANDLER(h_user_unlock)
{
    req->audit.action = "user.unlock";
    user_act(app, req, rep, app_user_unlock);
}

HANDLER(h_number_patterns)
{
    struct berr err = {0};
    long long id;
    json_t *j = path_id(req->params[0], "id", &id, &err)
                    ? app_number_patterns(app, &req->actor, id, &err)
                    : NULL;
    reply_result(rep, 200, j, &err);
}

HANDLER(h_number_pattern_set)
{
    static const char *const fields[] = {"pattern", NULL};
    struct berr err = {0};
    req->audit.action = "number_pattern.set";
    long long id;
    const char *pattern;
    json_t *body = NULL;
    bool ok =
        path_id(req->params[0], "id", &id, &err) &&
        (body = json_body(req, fields, false, &err)) != NULL &&
        json_get_str(body, "pattern", true, 120, &pattern, &err) &&
        app_number_pattern_set(app, &req->actor, id, req->params[1], pattern, &req->audit, &err);
    if (ok)
        reply_result(rep, 200, app_number_patterns(app, &req->actor, id, &err), &err);
    else
        reply_berr(rep, &err);
    json_decref(body);
}

/* ---- officials who sign (issue 8) ------------------------------------------------------ */

HANDLER(h_officials_list)
{
    struct berr err = {0};
    long long id;
    json_t *j = path_id(req->params[0], "id", &id, &err)
                    ? app_officials_list(app, &req->actor, id, &err)
                    : NULL;
    reply_result(rep, 200, j, &err);
}

HANDLER(h_official_add)
{
    static const char *const fields[] = {"role",    "title",    "acting",     "name",     "nip",
                                         "pangkat", "golongan", "valid_from", "valid_to", NULL};
    struct berr err = {0};
    req->audit.action = "official.add";
    long long id, official = 0;
    json_t *body = NULL;
    struct official_input in = {0};
    bool ok = path_id(req->params[0], "id", &id, &err) &&
              (body = json_body(req, fields, false, &err)) != NULL &&
              json_get_str(body, "role", true, 40, &in.role, &err) &&
              json_get_str(body, "title", true, 200, &in.title, &err) &&
              json_get_str(body, "acting", false, 8, &in.acting, &err) &&
              json_get_str(body, "name", true, 200, &in.name, &err) &&
              json_get_str(body, "nip", true, 18, &in.nip, &err) &&
              json_get_str(body, "pangkat", false, 60, &in.pangkat, &err) &&
              json_get_str(body, "golongan", false, 8, &in.golongan, &err) &&
              json_get_str(body, "valid_from", true, 10, &in.valid_from, &err) &&
              json_get_str(body, "valid_to", false, 10, &in.valid_to, &err) &&
              app_official_add(app, &req->actor, id, &in, &official, &req->audit, &err);
    if (ok)
        reply_json(
            rep, 201,
            json_pack("{s:I, s:I}", "id", (json_int_t)official, "office_id", (json_int_t)id));
    else
        reply_berr(rep, &err);
    json_decref(body);
}

HANDLER(h_official_end)
{
    static const char *const fields[] = {"valid_to", NULL};
    struct berr err = {0};
    req->audit.action = "official.end";
    long long id, official;
    json_t *body = NULL;
    const char *to = NULL;
    bool ok = path_id(req->params[0], "id", &id, &err) &&
              path_id(req->params[1], "official", &official, &err) &&
              (body = json_body(req, fields, false, &err)) != NULL &&
              json_get_str(body, "valid_to", true, 10, &to, &err) &&
              app_official_end(app, &req->actor, id, official, to, &req->audit, &err);
    if (ok)
        reply_json(rep, 200,
                   json_pack("{s:I, s:I, s:s}", "id", (json_int_t)official, "office_id",
                             (json_int_t)id, "valid_to", to));
    else
        reply_berr(rep, &err);
    json_decref(body);
}

/* ---- import (issue 14): offices or users from a CSV file, all or nothing ------------- */

static const char *const office_row_fields[] = {"line", "code", "parent", "kind",
                                                "name", "tz",   "class",  NULL};
static const char *const user_row_fields[] = {
    "line",     "nip",      "name",         "office",           "role",     "pangkat",
    "golongan", "position", "ppns_card_no", "ppns_valid_until", "password", NULL};

/* One row as the edge takes any string: known members, text, NFC, no
 * control characters.  false with err naming the member. */
static bool import_row_ok(json_t *row, const char *const fields[], struct berr *err)
{
    const char *key;
    json_t *value;
    json_object_foreach(row, key, value)
    {
        bool known = false;
        for (size_t i = 0; fields[i]; i++)
            known = known || strcmp(key, fields[i]) == 0;
        if (!known)
            return berr_field(err, BERR_BAD_INPUT, key, "kolom tidak dikenal: %.60s", key);
    }
    for (size_t i = 1; fields[i]; i++) {
        const char *s;
        if (!json_get_str(row, fields[i], false, 200, &s, err))
            return false;
    }
    return true;
}

HANDLER(h_import)
{
    static const char *const fields[] = {"what", "dry_run", "rows", NULL};
    struct berr err = {0};
    req->audit.action = "import";
    json_t *body = json_body(req, fields, false, &err);
    const char *what = NULL;
    bool ok = body && json_get_str(body, "what", true, 16, &what, &err);
    json_t *dry = body ? json_object_get(body, "dry_run") : NULL;
    if (ok && dry && !json_is_boolean(dry))
        ok = berr_field(&err, BERR_BAD_INPUT, "dry_run", "dry_run harus true atau false");
    json_t *rows = body ? json_object_get(body, "rows") : NULL;
    json_t *errors = json_array();
    const char *const *row_fields =
        what && strcmp(what, "users") == 0 ? user_row_fields : office_row_fields;
    for (size_t i = 0; ok && i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        struct berr rerr = {0};
        json_t *line = json_object_get(row, "line");
        if (!json_is_object(row) || !json_is_integer(line) || json_integer_value(line) < 1) {
            ok = berr_field(&err, BERR_BAD_INPUT, "rows",
                            "rows: objek dengan line (nomor baris berkas) saja");
        } else if (!import_row_ok(row, row_fields, &rerr)) {
            json_array_append_new(errors, json_pack("{s:O, s:s, s:s}", "line", line, "field",
                                                    rerr.field, "detail", rerr.message));
            json_array_set_new(rows, i, json_null());
        }
    }
    json_t *result =
        ok ? app_import(app, &req->actor, what, rows, json_is_true(dry), errors, &req->audit, &err)
           : NULL;
    if (result && json_array_size(errors) > 0) {
        size_t bad = json_array_size(errors);
        char detail[160];
        snprintf(detail, sizeof detail, "%zu baris salah; tidak ada yang disimpan", bad);
        json_t *p = json_pack(
            "{s:s, s:s, s:i, s:s, s:O}", "type", "urn:berkas:problem:import-rejected", "title",
            "Unprocessable Content", "status", 422, "detail", detail, "errors", errors);
        reply_json(rep, 422, p);
        rep->content_type = "application/problem+json";
        json_decref(result);
    } else {
        reply_result(rep, 200, result, &err);
    }
    json_decref(errors);
    json_decref(body);
}

HANDLER(h_settings_list)
{
    struct berr err = {0};
    reply_result(rep, 200, app_settings_list(app, &req->actor, &err), &err);
}

HANDLER(h_setting_set)
{
    static const char *const fields[] = {"value", NULL};
    struct berr err = {0};
    req->audit.action = "settings.set";
    json_t *body = json_body(req, fields, false, &err);
    const char *value;
    if (body && json_get_str(body, "value", true, 4000, &value, &err) &&
        app_setting_set(app, &req->actor, req->params[0], value, &req->audit, &err))
        reply_result(rep, 200, app_settings_list(app, &req->actor, &err), &err);
    else
        reply_berr(rep, &err);
    json_decref(body);
}
