/*
 * cmd_rules.c - the law as data and the integrity of the log: berkas
 * rulesets, ruleset set (admin), verify-chain (admin).
 *
 * verify-chain exits 1 when a chain is broken, as the server's answer is
 * then a finding, not a success: scripts and cron jobs can act on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }

int cmd_verify_chain(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_begin(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON)
        return rc;
    json_t *r = cli_call(g, "POST", "/api/v1/verify-chain", NULL, &rc);
    if (!r)
        return rc;
    bool intact = json_is_true(json_object_get(r, "intact"));
    json_t *broken = json_object_get(r, "broken");
    if (g->json) {
        out_json(r);
    } else {
        printf("diperiksa %lld perkara, %lld peristiwa: %s\n", jint(r, "cases"), jint(r, "events"),
               intact ? "semua rantai utuh" : "PUTUS");
        if (json_array_size(broken) > 0) {
            static const char *const heads[] = {"PERKARA", "NOMOR", "URUT", "SEBAB"};
            struct table *t = table_new(4, heads);
            size_t i;
            json_t *b;
            json_array_foreach(broken, i, b)
            {
                char id[32], seq[32];
                snprintf(id, sizeof id, "%lld", jint(b, "case_id"));
                snprintf(seq, sizeof seq, "%lld", jint(b, "seq"));
                const char *cells[] = {id, jstr(b, "number"), seq, jstr(b, "reason")};
                table_add(t, cells);
            }
            table_print(t);
            table_free(t);
        }
    }
    json_decref(r);
    return intact ? EXIT_OK : EXIT_REFUSED;
}

/* One row of the table: set name, from date, value v (or amendment a of it scheduled). */
static void rules_row(struct table *t, const json_t *set, const json_t *v, const json_t *a)
{
    char value[32];
    const json_t *last = json_object_get(v, "amended");
    const char *from = a                      ? jstr(a, "effective_from")
                       : json_is_object(last) ? jstr(last, "effective_from")
                                              : jstr(set, "effective_from");
    jtext(a ? a : v, "value", value, sizeof value);
    bool tv = json_is_true(json_object_get(a ? a : v, "to_verify"));
    const char *cells[] = {jstr(set, "name"),
                           from,
                           jstr(v, "key"),
                           value,
                           jstr(v, "unit"),
                           a    ? (tv ? "terjadwal, ? verifikasi" : "terjadwal")
                           : tv ? "? verifikasi"
                                : "terverifikasi",
                           jstr(v, "label")};
    table_add(t, cells);
}

/* One table of every value of every rule set in list.items, as in force today (BERLAKU: since
 * when), and each amendment that applies from a later date (terjadwal). */
static void print_rulesets(const json_t *list)
{
    static const char *const heads[] = {"PERANGKAT", "BERLAKU", "KUNCI", "NILAI",
                                        "SATUAN",    "STATUS",  "URAIAN"};
    struct table *t = table_new(7, heads);
    size_t i, k, j;
    json_t *set, *v, *a;
    json_array_foreach(json_object_get(list, "items"), i, set)
    {
        json_array_foreach(json_object_get(set, "values"), k, v)
        {
            rules_row(t, set, v, NULL);
            json_array_foreach(json_object_get(v, "scheduled"), j, a) rules_row(t, set, v, a);
        }
    }
    table_print(t);
    table_free(t);
}

int cmd_rulesets(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_begin(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/rulesets", NULL, &rc);
    if (!list)
        return rc;
    if (g->json)
        out_json(list);
    else
        print_rulesets(list);
    json_decref(list);
    return EXIT_OK;
}

/* The value name.key in the rule sets list, or NULL. */
static const json_t *find_value(const json_t *list, const char *name, const char *key)
{
    size_t i, k;
    json_t *set, *v;
    json_array_foreach(json_object_get(list, "items"), i, set)
    {
        if (strcmp(jstr(set, "name"), name) != 0)
            continue;
        json_array_foreach(json_object_get(set, "values"), k, v)
        {
            if (strcmp(jstr(v, "key"), key) == 0)
                return v;
        }
    }
    return NULL;
}

int cmd_ruleset_set(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *name = NULL, *key = NULL, *value = NULL, *note = NULL, *from = NULL;
    bool to_verify = false, verified = false, force = false;
    const struct cli_opt opts[] = {
        {"from", &from, NULL, false, NULL},           {"force", NULL, NULL, false, &force},
        {"to-verify", NULL, NULL, false, &to_verify}, {"verified", NULL, NULL, false, &verified},
        {"note", &note, NULL, false, NULL},           END_OPTS,
    };
    const struct cli_arg args[] = {{"NAME", &name}, {"KEY", &key}, {"VALUE", &value}, {NULL, NULL}};
    long long n = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_int(cmd, "VALUE", value, &n)) != GO_ON)
        return rc;
    char ename[256], ekey[256], path[640];
    if (!*name || !*key || !api_escape(name, ename, sizeof ename) ||
        !api_escape(key, ekey, sizeof ekey))
        return cli_usage_error(cmd, "NAMA dan KUNCI tidak boleh kosong atau terlalu panjang");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    snprintf(path, sizeof path, "/api/v1/rulesets/%s/%s", ename, ekey);
    if (to_verify && verified)
        return cli_usage_error(cmd, "--to-verify dan --verified tidak bersamaan");
    json_t *body = json_pack("{s:I}", "value", (json_int_t)n);
    if (body && (to_verify || verified) &&
        json_object_set_new(body, "to_verify", json_boolean(to_verify)) != 0) {
        json_decref(body);
        body = NULL;
    }
    if (body && ((from && json_object_set_new(body, "effective_from", json_string(from)) != 0) ||
                 (force && json_object_set_new(body, "override", json_true()) != 0))) {
        json_decref(body);
        body = NULL;
    }
    if (body && note && json_object_set_new(body, "note", json_string(note)) != 0) {
        json_decref(body);
        body = NULL;
    }
    if (!body)
        return cli_fail(EXIT_USAGE, "memori habis (atau catatan bukan UTF-8)");
    json_t *list = cli_call(g, "PUT", path, body, &rc);
    json_decref(body);
    if (!list)
        return rc;
    const json_t *v = find_value(list, name, key);
    const json_t *a = json_object_get(list, "amendment");
    if (g->json) {
        out_json(v ? v : list);
    } else if (v && json_is_object(a)) {
        char was[32], now[32];
        printf("%s %s = %s %s (%s) berlaku sejak %s%s, sebelumnya %s: %s\n", name, key,
               jtext(a, "value", now, sizeof now), jstr(v, "unit"),
               json_is_true(json_object_get(a, "to_verify")) ? "verifikasi" : "terverifikasi",
               jstr(a, "effective_from"),
               json_is_true(json_object_get(a, "override")) ? " (override)" : "",
               jtext(a, "old_value", was, sizeof was), jstr(v, "label"));
    } else {
        printf("%s %s = %lld\n", name, key, n);
    }
    json_decref(list);
    return EXIT_OK;
}

/* berkas ruleset history [NAME [KEY]]: every amendment, old -> new, from when, who, why. */
int cmd_ruleset_history(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *name = NULL, *key = NULL;
    const struct cli_opt opts[] = {
        {"ruleset", &name, NULL, false, NULL},
        {"key", &key, NULL, false, NULL},
        END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON)
        return rc;
    char ename[256] = "", ekey[256] = "", path[640];
    if ((name && !api_escape(name, ename, sizeof ename)) ||
        (key && !api_escape(key, ekey, sizeof ekey)))
        return cli_usage_error(cmd, "--ruleset atau --key terlalu panjang");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    snprintf(path, sizeof path, "/api/v1/rulesets/amendments%s%s%s%s", name ? "?ruleset=" : "",
             ename, key ? (name ? "&key=" : "?key=") : "", ekey);
    json_t *list = cli_call(g, "GET", path, NULL, &rc);
    if (!list)
        return rc;
    if (g->json) {
        out_json(list);
    } else {
        static const char *const heads[] = {"BERLAKU", "PERANGKAT", "KUNCI",    "LAMA",  "BARU",
                                            "OLEH",    "WAKTU",     "OVERRIDE", "ALASAN"};
        struct table *t = table_new(9, heads);
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(list, "items"), i, a)
        {
            char was[32], now[32];
            if (json_is_null(json_object_get(a, "old_value")))
                snprintf(was, sizeof was, "?");
            else
                jtext(a, "old_value", was, sizeof was);
            const char *cells[] = {jstr(a, "effective_from"),
                                   jstr(a, "ruleset"),
                                   jstr(a, "key"),
                                   was,
                                   jtext(a, "value", now, sizeof now),
                                   jstr(json_object_get(a, "by"), "name"),
                                   jstr(a, "at"),
                                   json_is_true(json_object_get(a, "override")) ? "ya" : "-",
                                   jstr(a, "note")};
            table_add(t, cells);
        }
        table_print(t);
        table_free(t);
    }
    json_decref(list);
    return EXIT_OK;
}
