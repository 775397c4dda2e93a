/*
 * cmd_session.c - berkas login, logout, whoami.
 *
 * The password is taken from BERKAS_PASSWORD (scripts) or asked on the
 * terminal without echo, sent once, and wiped from every buffer the CLI
 * owns (ours, jansson's copy, the serialised request).  What is kept is the
 * token the server returns, in the session file (session.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"
#include "prompt.h"

#define PASSWORD_MAX 1024 /* the server's limit, in bytes */

/* The server's log-on banner on stderr, before anything is asked. */
static int show_banner(struct global *g)
{
    char err[512];
    struct api_response r;
    if (!api_get(&g->api, "/api/v1/banner", &r, err, sizeof err))
        return cli_fail(EXIT_USAGE, "%s", err);
    json_t *j = r.status == 200 ? api_json(&r) : NULL;
    const char *banner = jstr(j, "banner");
    if (*banner)
        fprintf(stderr, "%s\n\n", banner);
    json_decref(j);
    api_response_free(&r);
    return GO_ON;
}

static int ask_nip(const struct command *cmd, char *nip, size_t size)
{
    char typed[64];
    switch (prompt_line("NIP: ", typed, sizeof typed)) {
    case PROMPT_OK:
        cli_nip(typed, nip, size);
        return GO_ON;
    case PROMPT_TOO_LONG:
        return cli_usage_error(cmd, "NIP terlalu panjang (18 angka)");
    default:
        return cli_usage_error(cmd, "NIP tidak diberikan: pakai --nip NIP");
    }
}

/* The password from $env or the terminal; *buf is wiped by the caller. */
int cli_password(const struct command *cmd, const char *env, const char *prompt, char *buf,
                 size_t size)
{
    const char *from_env = getenv(env);
    if (from_env && *from_env) {
        if (strlen(from_env) >= size)
            return cli_usage_error(cmd, "$%s lebih dari %zu bita", env, size - 1);
        memcpy(buf, from_env, strlen(from_env) + 1);
        return GO_ON;
    }
    switch (prompt_password(prompt, buf, size)) {
    case PROMPT_OK:
        return GO_ON;
    case PROMPT_NO_TTY:
        return cli_fail(EXIT_USAGE, "tidak ada kata sandi: isi %s atau jalankan di terminal", env);
    case PROMPT_TOO_LONG:
        return cli_usage_error(cmd, "kata sandi lebih dari %zu bita", size - 1);
    case PROMPT_EMPTY:
        return cli_usage_error(cmd, "kata sandi tidak diberikan");
    case PROMPT_FAILED:
        break;
    }
    return cli_fail(EXIT_USAGE, "tidak dapat membaca kata sandi dari terminal");
}

/* POST /api/v1/sessions; the reply (token and user) or NULL with *rc. */
static json_t *log_on(struct global *g, const char *nip, char *password, int *rc)
{
    json_t *body = json_pack("{s:s, s:s}", "nip", nip, "password", password);
    api_wipe(password, strlen(password));
    if (!body) {
        *rc = cli_fail(EXIT_USAGE, "memori habis");
        return NULL;
    }
    json_t *reply = cli_call(g, "POST", "/api/v1/sessions", body, rc);
    api_wipe_json_string(body, "password");
    json_decref(body);
    if (reply && !json_string_value(json_object_get(reply, "token"))) {
        json_decref(reply);
        *rc = cli_fail(EXIT_REFUSED, "jawaban server tanpa token");
        return NULL;
    }
    return reply;
}

/* A previous session at the same server, now replaced: end it there too
 * (best effort; it would expire on its own). */
static void end_replaced_session(struct global *g, const struct session *old)
{
    if (!cli_same_server(old->server, g->api.base))
        return;
    struct api_client c = g->api;
    c.base = old->server;
    c.token = old->token;
    struct api_response r;
    char err[256];
    if (api_request(&c, "DELETE", "/api/v1/sessions/current", NULL, &r, err, sizeof err))
        api_response_free(&r);
}

/* What the server says the owner must hear at log-on (issue 9.3): locks of
 * the account and failed log-ons since their last log-on, one line each. */
static void print_notices(json_t *notices)
{
    size_t i;
    json_t *n;
    json_array_foreach(notices, i, n)
    {
        const char *type = jstr(n, "type");
        if (strcmp(type, "account_locked") == 0)
            printf("Perhatian: akun Anda dikunci pada %s sampai %s setelah %lld percobaan masuk "
                   "gagal.\n",
                   jstr(n, "locked_at"), jstr(n, "locked_until"),
                   (long long)json_integer_value(json_object_get(n, "failures")));
        else if (strcmp(type, "failed_logons") == 0)
            printf("Perhatian: %lld percobaan masuk gagal sejak Anda terakhir masuk.\n",
                   (long long)json_integer_value(json_object_get(n, "count")));
    }
}

static int save_and_report(struct global *g, json_t *reply)
{
    json_t *user = json_object_get(reply, "user");
    json_t *office = json_object_get(user, "office");
    struct session s = {
        .server = (char *)g->api.base,
        .token = (char *)json_string_value(json_object_get(reply, "token")),
        .nip = (char *)jstr(user, "nip"),
        .name = (char *)jstr(user, "name"),
        .role = (char *)jstr(user, "role"),
    };
    char err[512];
    if (!session_save(&s, err, sizeof err)) {
        /* a token nobody keeps: end it rather than leave it live */
        struct api_client c = g->api;
        c.token = s.token;
        struct api_response r;
        char ignored[256];
        if (api_request(&c, "DELETE", "/api/v1/sessions/current", NULL, &r, ignored,
                        sizeof ignored))
            api_response_free(&r);
        return cli_fail(EXIT_USAGE, "%s", err);
    }
    if (g->has_session)
        end_replaced_session(g, &g->session);
    if (g->json) {
        json_t *notices = json_object_get(reply, "notices");
        json_t *out = json_pack("{s:s, s:O, s:o}", "server", g->api.base, "user", user, "notices",
                                notices ? json_incref(notices) : json_array());
        out_json(out);
        json_decref(out);
    } else {
        printf("Masuk ke %s sebagai %s (NIP %s), %s di %s.\n", g->api.base, s.name, s.nip, s.role,
               *jstr(office, "name") ? jstr(office, "name") : "?");
        print_notices(json_object_get(reply, "notices"));
    }
    return EXIT_OK;
}

int cmd_login(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *nip_opt = NULL;
    const struct cli_opt opts[] = {{"nip", &nip_opt, NULL, false, NULL},
                                   {NULL, NULL, NULL, false, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, NULL);
    if (rc != GO_ON || (rc = cli_connect(g, false)) != GO_ON || (rc = show_banner(g)) != GO_ON)
        return rc;
    char nip[64];
    if (nip_opt)
        cli_nip(nip_opt, nip, sizeof nip); /* as printed, with spaces, or not */
    else if ((rc = ask_nip(cmd, nip, sizeof nip)) != GO_ON)
        return rc;
    char password[PASSWORD_MAX + 1], prompt[96];
    snprintf(prompt, sizeof prompt, "Kata sandi untuk %s: ", nip);
    rc = cli_password(cmd, "BERKAS_PASSWORD", prompt, password, sizeof password);
    if (rc != GO_ON) {
        api_wipe(password, sizeof password);
        return rc;
    }
    json_t *reply = log_on(g, nip, password, &rc);
    api_wipe(password, sizeof password);
    if (!reply)
        return rc;
    rc = save_and_report(g, reply);
    api_wipe_json_string(reply, "token");
    json_decref(reply);
    return rc;
}

/* The end of a logout: the file goes, whatever the server said. */
static int forget_session(struct global *g, bool had_ended)
{
    char err[512];
    bool existed;
    if (!session_remove(&existed, err, sizeof err))
        return cli_fail(EXIT_USAGE, "%s", err);
    if (g->json) {
        json_t *out = json_pack("{s:b, s:s, s:b}", "logged_out", 1, "server", g->api.base,
                                "session_had_ended", had_ended);
        out_json(out);
        json_decref(out);
    } else if (had_ended) {
        printf("Keluar (sesi di %s sudah berakhir).\n", g->api.base);
    } else {
        printf("Keluar dari %s.\n", g->api.base);
    }
    return EXIT_OK;
}

int cmd_logout(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_parse(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON || (rc = cli_connect(g, false)) != GO_ON)
        return rc;
    if (g->session_status == SESSION_BAD) {
        bool existed;
        char err[512];
        if (!session_remove(&existed, err, sizeof err))
            return cli_fail(EXIT_USAGE, "%s", err);
    }
    if (g->session_status != SESSION_OK) {
        if (g->json) {
            json_t *out = json_pack("{s:b, s:s}", "logged_out", 0, "reason", "not logged in");
            out_json(out);
            json_decref(out);
        } else {
            printf("Belum masuk.\n");
        }
        return EXIT_OK;
    }
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    char err[512];
    struct api_response r;
    if (!api_request(&g->api, "DELETE", "/api/v1/sessions/current", NULL, &r, err, sizeof err))
        return cli_fail(EXIT_USAGE, "%s (still logged in)", err);
    if (r.status == 401 || (r.status >= 200 && r.status <= 299)) {
        bool had_ended = r.status == 401;
        api_response_free(&r);
        return forget_session(g, had_ended);
    }
    char line[1024];
    api_problem_line(&r, line, sizeof line);
    api_response_free(&r);
    return cli_fail(EXIT_REFUSED, "%s (still logged in)", line);
}

int cmd_whoami(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_parse(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON || (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *me = cli_call(g, "GET", "/api/v1/me", NULL, &rc);
    if (!me)
        return rc;
    if (g->json) {
        out_json(me);
    } else {
        json_t *office = json_object_get(me, "office");
        json_t *ppns = json_object_get(me, "ppns");
        out_kv("server", "%s", g->api.base);
        out_kv("nama", "%s", jstr(me, "name"));
        out_kv("nip", "%s", jstr(me, "nip"));
        if (*jstr(me, "pangkat") || *jstr(me, "golongan"))
            out_kv("pangkat", "%s%s%s%s", jstr(me, "pangkat"), *jstr(me, "golongan") ? " (" : "",
                   jstr(me, "golongan"), *jstr(me, "golongan") ? ")" : "");
        if (*jstr(me, "position"))
            out_kv("jabatan", "%s", jstr(me, "position"));
        out_kv("peran", "%s", jstr(me, "role"));
        out_kv("kantor", "%s (%s, %s)", jstr(office, "name"), jstr(office, "code"),
               jstr(office, "tz"));
        if (ppns)
            out_kv("kartu PPNS", "%s, berlaku sampai %s", jstr(ppns, "card_no"),
                   jstr(ppns, "valid_until"));
    }
    json_decref(me);
    return EXIT_OK;
}
