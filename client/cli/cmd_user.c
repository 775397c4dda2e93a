/*
 * cmd_user.c - berkas user list|show|add|disable|unlock: the administrator's
 * commands for the people of their subtree.
 *
 * A new user's password comes from BERKAS_NEW_PASSWORD or is typed twice
 * without echo; the server judges it (length, common passwords, the NIP
 * inside it) and its refusal names the field.
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
#define PASSWORD_MAX 1024

static long long jid(const json_t *o, const char *key)
{
    return (long long)json_integer_value(json_object_get(o, key));
}

static const char *user_state(const json_t *u)
{
    bool locked = json_is_true(json_object_get(u, "locked"));
    bool disabled = json_is_true(json_object_get(u, "disabled"));
    return disabled && locked ? "nonaktif,terkunci"
           : disabled         ? "nonaktif"
           : locked           ? "terkunci"
                              : "aktif";
}

/* Office id -> code, for the humans' table; an empty object if the
 * directory cannot be read (the table then shows ids). */
static json_t *office_codes(struct global *g)
{
    json_t *codes = json_object();
    struct api_response r;
    char err[256], key[24];
    if (!codes || !api_get(&g->api, "/api/v1/offices", &r, err, sizeof err))
        return codes;
    json_t *list = r.status == 200 ? api_json(&r) : NULL;
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(list, "items"), i, o)
    {
        snprintf(key, sizeof key, "%lld", jid(o, "id"));
        json_object_set(codes, key, json_object_get(o, "code"));
    }
    json_decref(list);
    api_response_free(&r);
    return codes;
}

int cmd_user_list(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_begin(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/users", NULL, &rc);
    if (!list)
        return rc;
    if (g->json) {
        out_json(list);
        json_decref(list);
        return EXIT_OK;
    }
    static const char *const heads[] = {"ID", "NIP", "PERAN", "KANTOR", "KEADAAN", "NAMA"};
    struct table *t = table_new(6, heads);
    json_t *codes = office_codes(g);
    size_t i;
    json_t *u;
    json_array_foreach(json_object_get(list, "items"), i, u)
    {
        char id[24], office[24];
        snprintf(id, sizeof id, "%lld", jid(u, "id"));
        snprintf(office, sizeof office, "%lld", jid(u, "office_id"));
        const char *code = json_string_value(json_object_get(codes, office));
        const char *cells[] = {id,
                               jstr(u, "nip"),
                               jstr(u, "role"),
                               code ? code : office,
                               user_state(u),
                               jstr(u, "name")};
        table_add(t, cells);
    }
    table_print(t);
    table_free(t);
    json_decref(codes);
    json_decref(list);
    return EXIT_OK;
}

static void print_user(const json_t *u)
{
    json_t *ppns = json_object_get(u, "ppns");
    out_kv("id", "%lld", jid(u, "id"));
    out_kv("nama", "%s", jstr(u, "name"));
    out_kv("nip", "%s", jstr(u, "nip"));
    if (*jstr(u, "pangkat") || *jstr(u, "golongan"))
        out_kv("pangkat", "%s%s%s%s", jstr(u, "pangkat"), *jstr(u, "golongan") ? " (" : "",
               jstr(u, "golongan"), *jstr(u, "golongan") ? ")" : "");
    if (*jstr(u, "position"))
        out_kv("jabatan", "%s", jstr(u, "position"));
    out_kv("peran", "%s", jstr(u, "role"));
    out_kv("kantor", "%lld", jid(u, "office_id"));
    if (ppns)
        out_kv("kartu PPNS", "%s, berlaku sampai %s", jstr(ppns, "card_no"),
               jstr(ppns, "valid_until"));
    out_kv("keadaan", "%s", user_state(u));
}

int cmd_user_show(struct global *g, const struct command *cmd, int argc, char **argv)
{
    long long id;
    int rc = cli_begin_named(g, cmd, argc, argv, NULL, CLI_USER, &id);
    if (rc != GO_ON)
        return rc;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/users/%lld", id);
    json_t *u = cli_call(g, "GET", path, NULL, &rc);
    if (!u)
        return rc;
    if (g->json)
        out_json(u);
    else
        print_user(u);
    json_decref(u);
    return EXIT_OK;
}

/* The new user's password, typed twice when not in the environment. */
static int new_password(const struct command *cmd, char *pw, size_t size)
{
    const char *env = getenv("BERKAS_NEW_PASSWORD");
    int rc = cli_password(cmd, "BERKAS_NEW_PASSWORD", "Kata sandi pengguna baru: ", pw, size);
    if (rc != GO_ON || (env && *env))
        return rc;
    char again[PASSWORD_MAX + 1];
    rc = cli_password(cmd, "BERKAS_NEW_PASSWORD", "Ulangi sekali lagi: ", again, sizeof again);
    if (rc == GO_ON && strcmp(pw, again) != 0)
        rc = cli_fail(EXIT_USAGE, "kedua kata sandi berbeda");
    api_wipe(again, sizeof again);
    return rc;
}

struct user_args {
    const char *nip, *name, *office, *role, *pangkat, *golongan, *position, *card, *valid_until;
};

/* The request body (without the password), or NULL. */
static json_t *user_body(const struct user_args *a, long long office_id)
{
    json_t *b = json_pack("{s:s, s:s, s:I, s:s}", "nip", a->nip, "name", a->name, "office_id",
                          (json_int_t)office_id, "role", a->role);
    const struct {
        const char *key, *value;
    } optional[] = {
        {"pangkat", a->pangkat},
        {"golongan", a->golongan},
        {"position", a->position},
        {"ppns_card_no", a->card},
        {"ppns_valid_until", a->valid_until},
    };
    for (size_t i = 0; b && i < sizeof optional / sizeof optional[0]; i++) {
        if (!optional[i].value)
            continue;
        json_t *v = json_string(optional[i].value);
        if (!v || json_object_set_new(b, optional[i].key, v) != 0) {
            json_decref(b);
            b = NULL;
        }
    }
    return b;
}

/* POST the user; the created user or NULL with *rc. */
static json_t *create_user(struct global *g, json_t *body, char *pw, int *rc)
{
    json_t *p = json_string(pw);
    api_wipe(pw, strlen(pw));
    if (!p || json_object_set_new(body, "password", p) != 0) {
        *rc = cli_fail(EXIT_USAGE, "kata sandi bukan teks UTF-8");
        return NULL;
    }
    json_t *u = cli_call(g, "POST", "/api/v1/users", body, rc);
    api_wipe_json_string(body, "password");
    return u;
}

int cmd_user_add(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct user_args a = {0};
    const struct cli_opt opts[] = {
        {"nip", &a.nip, NULL, true, NULL},
        {"name", &a.name, NULL, true, NULL},
        {"office", &a.office, NULL, true, NULL},
        {"role", &a.role, NULL, true, NULL},
        {"pangkat", &a.pangkat, NULL, false, NULL},
        {"golongan", &a.golongan, NULL, false, NULL},
        {"position", &a.position, NULL, false, NULL},
        {"ppns-card", &a.card, NULL, false, NULL},
        {"ppns-valid-until", &a.valid_until, NULL, false, NULL},
        END_OPTS,
    };
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON)
        return rc;
    char nip[64];
    cli_nip(a.nip, nip, sizeof nip); /* the printed spaces dropped */
    a.nip = nip;
    if (!a.card != !a.valid_until)
        return cli_usage_error(cmd, "--ppns-card dan --ppns-valid-until harus bersama");
    if (a.valid_until && !cli_is_date(a.valid_until))
        return cli_usage_error(cmd, "--ppns-valid-until harus tanggal YYYY-MM-DD, bukan '%s'",
                               a.valid_until);
    long long office_id;
    if ((rc = cli_office(g, cmd, "--office", a.office, &office_id)) != GO_ON ||
        (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *body = user_body(&a, office_id);
    if (!body)
        return cli_fail(EXIT_USAGE, "memori habis (atau teks bukan UTF-8)");
    char pw[PASSWORD_MAX + 1];
    json_t *u = NULL;
    if ((rc = new_password(cmd, pw, sizeof pw)) == GO_ON)
        u = create_user(g, body, pw, &rc);
    api_wipe(pw, sizeof pw);
    json_decref(body);
    if (!u)
        return rc;
    if (g->json)
        out_json(u);
    else
        printf("Pengguna %lld ditambahkan: %s (NIP %s), %s di kantor %lld.\n", jid(u, "id"),
               jstr(u, "name"), jstr(u, "nip"), jstr(u, "role"), jid(u, "office_id"));
    json_decref(u);
    return EXIT_OK;
}

/* POST /api/v1/users/ID/<act> and report the user as it now is. */
static int user_act(struct global *g, const struct command *cmd, int argc, char **argv,
                    const char *act, const char *done)
{
    long long id;
    int rc = cli_begin_named(g, cmd, argc, argv, NULL, CLI_USER, &id);
    if (rc != GO_ON)
        return rc;
    char path[80];
    snprintf(path, sizeof path, "/api/v1/users/%lld/%s", id, act);
    json_t *u = cli_call(g, "POST", path, NULL, &rc);
    if (!u)
        return rc;
    if (g->json)
        out_json(u);
    else
        printf("%s: pengguna %lld, %s (NIP %s), kini %s.\n", done, jid(u, "id"), jstr(u, "name"),
               jstr(u, "nip"), user_state(u));
    json_decref(u);
    return EXIT_OK;
}

int cmd_user_disable(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return user_act(g, cmd, argc, argv, "disable", "Dinonaktifkan");
}

int cmd_user_unlock(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return user_act(g, cmd, argc, argv, "unlock", "Dibuka kuncinya");
}
