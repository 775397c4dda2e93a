/*
 * cmd_settings.c - the server-wide settings (admin): berkas settings lists
 * them, berkas settings set KEY VALUE changes one (GET /api/v1/settings,
 * PUT /api/v1/settings/{key}); the server checks the value against the
 * key's type and bounds and says what is wrong in one line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"

/* "integer 1..1440", "boolean", "text 10..4000" */
static const char *type_text(const json_t *s, char *buf, size_t size)
{
    if (json_object_get(s, "min"))
        snprintf(buf, size, "%s %lld..%lld", jstr(s, "type"), jint(s, "min"), jint(s, "max"));
    else
        snprintf(buf, size, "%s", jstr(s, "type"));
    return buf;
}

/* Each setting on two lines, its key whole (a table would cut it): "key = value", then its type
 * and bounds, when a change takes effect, when it last changed, and its note. */
static void print_settings(const json_t *list)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(list, "items"), i, s)
    {
        char type[64];
        const char *when = jstr(s, "takes_effect");
        printf("%s = %s\n    %s; berlaku %s; diubah %s; %s\n", jstr(s, "key"), jstr(s, "value"),
               type_text(s, type, sizeof type),
               strcmp(when, "now") == 0   ? "segera"
               : strcmp(when, "10s") == 0 ? "dalam 10 detik"
                                          : when,
               jstr(s, "updated_at"), jstr(s, "note"));
    }
}

/* The setting key in list, or NULL. */
static const json_t *find_setting(const json_t *list, const char *key)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(list, "items"), i, s)
    {
        if (strcmp(jstr(s, "key"), key) == 0)
            return s;
    }
    return NULL;
}

static int setting_set(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *key = NULL, *value = NULL;
    const struct cli_arg args[] = {{"KUNCI", &key}, {"NILAI", &value}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, NULL, args);
    if (rc != GO_ON)
        return rc;
    char ekey[256], path[320];
    if (!*key || !api_escape(key, ekey, sizeof ekey))
        return cli_usage_error(cmd, "KUNCI tidak boleh kosong atau terlalu panjang");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    snprintf(path, sizeof path, "/api/v1/settings/%s", ekey);
    json_t *body = json_pack("{s:s}", "value", value);
    if (!body)
        return cli_fail(EXIT_USAGE, "NILAI bukan teks UTF-8");
    json_t *list = cli_call(g, "PUT", path, body, &rc);
    json_decref(body);
    if (!list)
        return rc;
    const json_t *s = find_setting(list, key);
    if (g->json)
        out_json(s ? s : list);
    else
        printf("%s = %s\n", key, s ? jstr(s, "value") : value);
    json_decref(list);
    return EXIT_OK;
}

int cmd_settings(struct global *g, const struct command *cmd, int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "set") == 0)
        return setting_set(g, cmd, argc - 1, argv + 1);
    int rc = cli_begin(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/settings", NULL, &rc);
    if (!list)
        return rc;
    if (g->json)
        out_json(list);
    else
        print_settings(list);
    json_decref(list);
    return EXIT_OK;
}
