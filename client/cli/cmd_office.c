/*
 * cmd_office.c - berkas office list|show|add|letterheads|letterhead-add.
 *
 * Anyone logged on may read the office directory; adding offices and
 * letterheads is for administrators, within their own subtree (the server
 * decides, and its refusal is printed as it comes).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }

static void office_row(struct table *t, const json_t *o)
{
    char id[24], parent[24] = "";
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(o, "id")));
    if (json_is_integer(json_object_get(o, "parent_id")))
        snprintf(parent, sizeof parent, "%lld",
                 (long long)json_integer_value(json_object_get(o, "parent_id")));
    const char *cells[] = {id,
                           parent,
                           jstr(o, "kind"),
                           jstr(o, "code"),
                           jstr(o, "tz"),
                           jstr(o, "class"),
                           jstr(o, "name")};
    table_add(t, cells);
}

int cmd_office_list(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_begin(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/offices", NULL, &rc);
    if (!list)
        return rc;
    if (g->json) {
        out_json(list);
    } else {
        static const char *const heads[] = {"ID",   "INDUK", "JENIS", "KODE",
                                            "ZONA", "KELAS", "NAMA"};
        struct table *t = table_new(7, heads);
        size_t i;
        json_t *o;
        json_array_foreach(json_object_get(list, "items"), i, o)
        {
            office_row(t, o);
        }
        table_print(t);
        table_free(t);
    }
    json_decref(list);
    return EXIT_OK;
}

static void print_office(const json_t *o)
{
    out_kv("id", "%lld", (long long)json_integer_value(json_object_get(o, "id")));
    out_kv("kode", "%s", jstr(o, "code"));
    out_kv("nama", "%s", jstr(o, "name"));
    out_kv("jenis", "%s", jstr(o, "kind"));
    if (*jstr(o, "class"))
        out_kv("kelas", "%s", jstr(o, "class"));
    out_kv("pohon", "%s", jstr(o, "tree"));
    out_kv("zona waktu", "%s", jstr(o, "tz"));
    if (json_is_integer(json_object_get(o, "parent_id")))
        out_kv("induk", "%lld", (long long)json_integer_value(json_object_get(o, "parent_id")));
    else
        out_kv("induk", "- (kantor puncak)");
}

int cmd_office_show(struct global *g, const struct command *cmd, int argc, char **argv)
{
    long long id;
    int rc = cli_begin_named(g, cmd, argc, argv, NULL, CLI_OFFICE, &id);
    if (rc != GO_ON)
        return rc;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/offices/%lld", id);
    json_t *o = cli_call(g, "GET", path, NULL, &rc);
    if (!o)
        return rc;
    if (g->json)
        out_json(o);
    else
        print_office(o);
    json_decref(o);
    return EXIT_OK;
}

int cmd_office_add(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *parent = NULL, *kind = NULL, *code = NULL, *name = NULL, *tz = NULL,
               *class_name = NULL;
    const struct cli_opt opts[] = {
        {"parent", &parent, NULL, true, NULL},
        {"kind", &kind, NULL, true, NULL},
        {"code", &code, NULL, true, NULL},
        {"name", &name, NULL, true, NULL},
        {"tz", &tz, NULL, true, NULL},
        {"class", &class_name, NULL, false, NULL},
        END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON)
        return rc;
    long long parent_id;
    if ((rc = cli_office(g, cmd, "--parent", parent, &parent_id)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *body = json_pack("{s:I, s:s, s:s, s:s, s:s}", "parent_id", (json_int_t)parent_id,
                             "kind", kind, "code", code, "name", name, "tz", tz);
    if (body && class_name)
        json_object_set_new(body, "class", json_string(class_name));
    json_t *o = body ? cli_call(g, "POST", "/api/v1/offices", body, &rc) : NULL;
    json_decref(body);
    if (!o)
        return body ? rc : cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    if (g->json)
        out_json(o);
    else
        printf("Kantor %lld ditambahkan: %s %s.\n",
               (long long)json_integer_value(json_object_get(o, "id")), jstr(o, "code"),
               jstr(o, "name"));
    json_decref(o);
    return EXIT_OK;
}

static void print_letterheads(const json_t *list)
{
    printf("%-12s %s\n", "FROM", "LINES");
    size_t i, k;
    json_t *item, *line;
    json_array_foreach(json_object_get(list, "items"), i, item)
    {
        json_array_foreach(json_object_get(item, "lines"), k, line)
            out_kv(k == 0 ? jstr(item, "effective_from") : "", "%s", json_string_value(line));
    }
}

int cmd_office_letterheads(struct global *g, const struct command *cmd, int argc, char **argv)
{
    long long id;
    int rc = cli_begin_named(g, cmd, argc, argv, NULL, CLI_OFFICE, &id);
    if (rc != GO_ON)
        return rc;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/letterheads", id);
    json_t *list = cli_call(g, "GET", path, NULL, &rc);
    if (!list)
        return rc;
    if (g->json)
        out_json(list);
    else
        print_letterheads(list);
    json_decref(list);
    return EXIT_OK;
}

int cmd_office_letterhead_add(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *from = NULL;
    struct cli_list lines = {0};
    const struct cli_opt opts[] = {
        {"from", &from, NULL, true, NULL},
        {"line", NULL, &lines, true, NULL},
        END_OPTS,
    };
    long long id;
    const char *office = NULL;
    const struct cli_arg args[] = {{"OFFICE", &office}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON)
        return rc;
    if (!cli_is_date(from))
        return cli_usage_error(cmd, "--from harus tanggal YYYY-MM-DD, bukan '%s'", from);
    if ((rc = cli_office(g, cmd, "OFFICE", office, &id)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < lines.n; i++)
        if (json_array_append_new(arr, json_string(lines.items[i])) != 0) {
            json_decref(arr);
            return cli_usage_error(cmd, "--line '%s' bukan teks UTF-8", lines.items[i]);
        }
    json_t *body = json_pack("{s:s, s:o}", "effective_from", from, "lines", arr);
    char path[64];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/letterheads", id);
    json_t *list = body ? cli_call(g, "POST", path, body, &rc) : NULL;
    json_decref(body);
    if (!list)
        return body ? rc : cli_fail(EXIT_USAGE, "memori habis");
    if (g->json)
        out_json(list);
    else
        print_letterheads(list);
    json_decref(list);
    return EXIT_OK;
}

/* ---- officials who sign (issue 8) ------------------------------------------------------ */

static void print_officials(const json_t *list)
{
    printf("%-6s %-18s %-11s %-11s %s\n", "ID", "ROLE", "FROM", "TO", "OFFICIAL");
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(list, "items"), i, o)
    {
        const char *to = jstr(o, "valid_to");
        printf("%-6lld %-18s %-11s %-11s %s%s%s, %s (NIP %s)\n",
               (long long)json_integer_value(json_object_get(o, "id")), jstr(o, "role"),
               jstr(o, "valid_from"), to && *to ? to : "-", jstr(o, "acting"),
               *jstr(o, "acting") ? " " : "", jstr(o, "title"), jstr(o, "name"), jstr(o, "nip"));
    }
}

int cmd_official_list(struct global *g, const struct command *cmd, int argc, char **argv)
{
    long long id;
    int rc = cli_begin_named(g, cmd, argc, argv, NULL, CLI_OFFICE, &id);
    if (rc != GO_ON)
        return rc;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/officials", id);
    json_t *list = cli_call(g, "GET", path, NULL, &rc);
    if (!list)
        return rc;
    if (g->json)
        out_json(list);
    else
        print_officials(list);
    json_decref(list);
    return EXIT_OK;
}

int cmd_official_add(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *role = NULL, *title = NULL, *acting = NULL, *name = NULL, *nip = NULL,
               *pangkat = NULL, *golongan = NULL, *from = NULL, *to = NULL;
    const struct cli_opt opts[] = {
        {"role", &role, NULL, true, NULL},
        {"title", &title, NULL, true, NULL},
        {"acting", &acting, NULL, false, NULL},
        {"name", &name, NULL, true, NULL},
        {"nip", &nip, NULL, true, NULL},
        {"pangkat", &pangkat, NULL, false, NULL},
        {"golongan", &golongan, NULL, false, NULL},
        {"from", &from, NULL, true, NULL},
        {"to", &to, NULL, false, NULL},
        END_OPTS,
    };
    long long id;
    const char *office = NULL;
    const struct cli_arg args[] = {{"OFFICE", &office}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON)
        return rc;
    if (!cli_is_date(from))
        return cli_usage_error(cmd, "--from harus tanggal YYYY-MM-DD, bukan '%s'", from);
    if (to && !cli_is_date(to))
        return cli_usage_error(cmd, "--to harus tanggal YYYY-MM-DD, bukan '%s'", to);
    if ((rc = cli_office(g, cmd, "OFFICE", office, &id)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    char bare[64];
    cli_nip(nip, bare, sizeof bare); /* the printed spaces dropped */
    json_t *body = json_pack("{s:s, s:s, s:s, s:s, s:s}", "role", role, "title", title, "name",
                             name, "nip", bare, "valid_from", from);
    const char *opt_keys[] = {"acting", "pangkat", "golongan", "valid_to"};
    const char *opt_vals[] = {acting, pangkat, golongan, to};
    for (size_t i = 0; body && i < 4; i++)
        if (opt_vals[i])
            json_object_set_new(body, opt_keys[i], json_string(opt_vals[i]));
    char path[64];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/officials", id);
    json_t *o = body ? cli_call(g, "POST", path, body, &rc) : NULL;
    json_decref(body);
    if (!o)
        return body ? rc : cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    if (g->json)
        out_json(o);
    else
        printf("Pejabat %lld dicatat untuk kantor %lld.\n",
               (long long)json_integer_value(json_object_get(o, "id")), id);
    json_decref(o);
    return EXIT_OK;
}

int cmd_official_end(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *office_arg = NULL, *official_arg = NULL, *to = NULL;
    const struct cli_opt opts[] = {{"to", &to, NULL, true, NULL}, END_OPTS};
    const struct cli_arg args[] = {
        {"OFFICE", &office_arg}, {"OFFICIAL", &official_arg}, {NULL, NULL}};
    long long office = 0, official = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "OFFICIAL", official_arg, &official)) != GO_ON)
        return rc;
    if (!cli_is_date(to))
        return cli_usage_error(cmd, "--to harus tanggal YYYY-MM-DD, bukan '%s'", to);
    if ((rc = cli_office(g, cmd, "OFFICE", office_arg, &office)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *body = json_pack("{s:s}", "valid_to", to);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/offices/%lld/officials/%lld", office, official);
    json_t *o = body ? cli_call(g, "PUT", path, body, &rc) : NULL;
    json_decref(body);
    if (!o)
        return body ? rc : cli_fail(EXIT_USAGE, "memori habis");
    if (g->json)
        out_json(o);
    else
        printf("Masa jabatan pejabat %lld berakhir %s.\n", official, to);
    json_decref(o);
    return EXIT_OK;
}
