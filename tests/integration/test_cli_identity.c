/*
 * test_cli_identity.c - berkas login, logout, whoami and the administrator's
 * office and user commands, as real processes against a real berkasd with
 * the demo data (server/app/demo.c), over real HTTP.
 *
 * Each test runs in its own process with its own XDG_CONFIG_HOME, so every
 * test starts logged out.  The database is shared by the suite's tests:
 * each one that adds people or offices uses its own NIPs and codes.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

#define PASSWORD     "demo-berkas-2026"
#define ADMIN_DITJEN "198001152005011002" /* Hendra Wijaya, admin at DITJEN */
#define INV_PLG      "198811112010121001" /* Andi Pratama, investigator at KANIM-PLG */
#define NEW_PASSWORD "kuda lari ke hutan pagi-pagi"

static struct proc server;
static int port;
static char *conninfo;
static char server_url[64];
static char *config_dir; /* this test's XDG_CONFIG_HOME */

static void start_server(void)
{
    conninfo = harness_new_demo_db("cli_identity_suite");
    char *extra[] = {"--db", conninfo, "--demo", NULL};
    if (!berkasd_start(&server, &port, extra))
        abort();
    snprintf(server_url, sizeof server_url, "http://127.0.0.1:%d", port);
}

static void stop_server(void)
{
    proc_stop(&server);
    proc_free(&server);
    free(conninfo);
}

/* In each test's own process: logged out, nothing from the environment. */
static void fresh_config(void)
{
    unsetenv("BERKAS_SERVER");
    unsetenv("BERKAS_PASSWORD");
    unsetenv("BERKAS_NEW_PASSWORD");
    config_dir = harness_mkdtemp("cli-config");
    ck_assert_ptr_nonnull(config_dir);
    setenv("XDG_CONFIG_HOME", config_dir, 1);
}

static void drop_config(void)
{
    free(config_dir);
    config_dir = NULL;
}

/* berkas ARGS... (NULL-terminated): exit status, output in *out. */
static int cli(char **out, ...)
{
    char *argv[40] = {(char *)harness_cli()};
    size_t n = 1;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 39 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 30000, out);
}

/* cli, for when the output does not matter. */
static int cli_quiet(const char *a1, const char *a2, const char *a3, const char *a4)
{
    char *out;
    int rc = cli(&out, a1, a2, a3, a4, NULL);
    free(out);
    return rc;
}

static char *session_file(const char *dir)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/berkas/session.json", dir);
    return strdup(path);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void login_as(const char *nip)
{
    setenv("BERKAS_PASSWORD", PASSWORD, 1);
    char *out;
    int rc = cli(&out, "--server", server_url, "login", "--nip", nip, NULL);
    ck_assert_msg(rc == 0, "login %s: %d: %s", nip, rc, out);
    free(out);
    unsetenv("BERKAS_PASSWORD");
}

/* The output after the log-on banner that login prints first on stderr. */
static const char *after_banner(const char *out)
{
    struct http_result r;
    char url[128];
    snprintf(url, sizeof url, "%s/api/v1/banner", server_url);
    ck_assert(http_do("GET", url, NULL, 0, NULL, &r));
    json_t *j = json_loads(r.body, 0, NULL);
    const char *banner = json_string_value(json_object_get(j, "banner"));
    size_t skip = 0;
    if (banner && *banner && strncmp(out, banner, strlen(banner)) == 0)
        skip = strlen(banner) + 2; /* and the blank line */
    ck_assert_msg(banner && *banner && skip > 0, "no banner before: %s", out);
    json_decref(j);
    http_result_free(&r);
    return out + skip;
}

/* The session's token, from the file (caller frees). */
static char *saved_token(void)
{
    char *path = session_file(config_dir);
    char *text = read_text(path);
    ck_assert_msg(text != NULL, "no session file %s", path);
    json_t *j = json_loads(text, 0, NULL);
    char *token = strdup(json_string_value(json_object_get(j, "token")));
    json_decref(j);
    free(text);
    free(path);
    return token;
}

/* GET /api/v1/me with this bearer token: the status. */
static long me_status(const char *token)
{
    char url[128], auth[256];
    snprintf(url, sizeof url, "%s/api/v1/me", server_url);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
    const char *headers[] = {auth, NULL};
    struct http_result r;
    ck_assert(http_do("GET", url, NULL, 0, headers, &r));
    long status = r.status;
    http_result_free(&r);
    return status;
}

/* The output of a --json command, parsed (asserts it parses). */
static json_t *cli_json(const char *a1, const char *a2, const char *a3, const char *a4)
{
    char *out;
    int rc = cli(&out, a1, a2, a3, a4, NULL);
    ck_assert_msg(rc == 0, "%s %s %s: %d: %s", a1, a2, a3 ? a3 : "", rc, out);
    json_error_t e;
    json_t *j = json_loads(out, 0, &e);
    ck_assert_msg(j != NULL, "not JSON (%s): %s", e.text, out);
    free(out);
    return j;
}

/* The id of the office or user in list.items whose key equals value. */
static long long id_where(const json_t *list, const char *key, const char *value)
{
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(list, "items"), i, o)
    {
        const char *v = json_string_value(json_object_get(o, key));
        if (v && strcmp(v, value) == 0)
            return (long long)json_integer_value(json_object_get(o, "id"));
    }
    ck_abort_msg("no %s=%s in the list", key, value);
    return 0;
}

static long long office_id(const char *code)
{
    json_t *list = cli_json("office", "list", "--json", NULL);
    long long id = id_where(list, "code", code);
    json_decref(list);
    return id;
}

/* Add a user as the logged-on admin, with NEW_PASSWORD; returns the id. */
static long long add_user(const char *nip, const char *name, const char *office_code,
                          const char *role)
{
    char office[24];
    snprintf(office, sizeof office, "%lld", office_id(office_code));
    setenv("BERKAS_NEW_PASSWORD", NEW_PASSWORD, 1);
    char *out;
    int rc = cli(&out, "user", "add", "--nip", nip, "--name", name, "--office", office, "--role",
                 role, "--json", NULL);
    unsetenv("BERKAS_NEW_PASSWORD");
    ck_assert_msg(rc == 0, "user add: %d: %s", rc, out);
    json_t *u = json_loads(out, 0, NULL);
    ck_assert_msg(u != NULL, "not JSON: %s", out);
    long long id = (long long)json_integer_value(json_object_get(u, "id"));
    json_decref(u);
    free(out);
    return id;
}

/* Run the CLI with no controlling terminal (its own session), stdin from
 * input (NULL: /dev/null); output as run_capture's. */
static int run_without_tty(char *const argv[], const char *input, char **out)
{
    int in[2], res[2];
    ck_assert(pipe(in) == 0 && pipe(res) == 0);
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        setsid(); /* no controlling terminal: /dev/tty cannot be opened */
        dup2(in[0], 0);
        dup2(res[1], 1);
        dup2(res[1], 2);
        close(in[1]);
        close(res[0]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(in[0]);
    close(res[1]);
    if (input)
        ck_assert(write(in[1], input, strlen(input)) == (ssize_t)strlen(input));
    close(in[1]);
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    time_t deadline = time(NULL) + 30;
    for (;;) {
        struct pollfd p = {.fd = res[0], .events = POLLIN};
        if (poll(&p, 1, 1000) == 0 && time(NULL) < deadline)
            continue;
        if (time(NULL) >= deadline) {
            kill(pid, SIGKILL);
            break;
        }
        if (len + 1024 > cap)
            buf = realloc(buf, cap *= 2);
        ssize_t r = read(res[0], buf + len, cap - len - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        len += (size_t)r;
    }
    buf[len] = '\0';
    close(res[0]);
    int st;
    waitpid(pid, &st, 0);
    *out = buf;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* ---- log-on, the session file, log-off ---------------------------------------- */

START_TEST(test_login_then_whoami_shows_the_user)
{
    login_as(ADMIN_DITJEN);
    char *out;
    /* no --server: the session's server */
    ck_assert_int_eq(cli(&out, "whoami", NULL), 0);
    ck_assert_msg(strstr(out, "Hendra Wijaya") && strstr(out, ADMIN_DITJEN), "%s", out);
    ck_assert_msg(strstr(out, "admin") && strstr(out, "DITJEN") && strstr(out, server_url), "%s",
                  out);
    free(out);
}
END_TEST

START_TEST(test_login_reads_the_nip_from_stdin)
{
    setenv("BERKAS_PASSWORD", PASSWORD, 1);
    char *argv[] = {(char *)harness_cli(), "--server", server_url, "login", NULL};
    char *out;
    ck_assert_int_eq(run_without_tty(argv, INV_PLG "\n", &out), 0);
    ck_assert_msg(strstr(after_banner(out), "Andi Pratama"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "whoami", NULL), 0);
    ck_assert_msg(strstr(out, INV_PLG) && strstr(out, "investigator"), "%s", out);
    ck_assert_msg(strstr(out, "PPNS-IMI-0412/2021"), "the PPNS card: %s", out);
    free(out);
}
END_TEST

START_TEST(test_session_file_is_private_and_holds_no_password)
{
    /* a config dir that does not exist yet is made, private */
    char nested[800];
    snprintf(nested, sizeof nested, "%s/not/yet", config_dir);
    setenv("XDG_CONFIG_HOME", nested, 1);
    login_as(ADMIN_DITJEN);
    char dir[900];
    snprintf(dir, sizeof dir, "%s/berkas", nested);
    char *path = session_file(nested);
    struct stat st;
    ck_assert_int_eq(stat(dir, &st), 0);
    ck_assert_msg((st.st_mode & 07777) == 0700, "dir mode %o", st.st_mode & 07777);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_msg(S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0600, "file mode %o",
                  st.st_mode & 07777);
    char *text = read_text(path);
    ck_assert_ptr_null(strstr(text, PASSWORD));
    json_t *j = json_loads(text, 0, NULL);
    ck_assert_msg(j != NULL, "not JSON: %s", text);
    ck_assert_str_eq(json_string_value(json_object_get(j, "nip")), ADMIN_DITJEN);
    ck_assert_str_eq(json_string_value(json_object_get(j, "server")), server_url);
    ck_assert_str_eq(json_string_value(json_object_get(j, "role")), "admin");
    ck_assert_uint_ge(strlen(json_string_value(json_object_get(j, "token"))), 43); /* 256 bits */
    ck_assert_ptr_null(json_object_get(j, "password"));
    /* written whole: no temp file left beside it */
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    ck_assert_int_eq(system(cmd), 0);
    json_decref(j);
    free(text);
    free(path);
}
END_TEST

START_TEST(test_logout_ends_the_session_on_the_server)
{
    login_as(ADMIN_DITJEN);
    char *token = saved_token();
    ck_assert_int_eq(me_status(token), 200);
    char *out;
    ck_assert_int_eq(cli(&out, "logout", NULL), 0);
    ck_assert_msg(strstr(out, "Keluar"), "%s", out);
    free(out);
    ck_assert_int_eq(me_status(token), 401);
    char *path = session_file(config_dir);
    ck_assert(!exists(path));
    /* again: not logged in is a message, not an error */
    ck_assert_int_eq(cli(&out, "logout", NULL), 0);
    ck_assert_msg(strstr(out, "Belum masuk"), "%s", out);
    free(out);
    free(path);
    free(token);
}
END_TEST

START_TEST(test_whoami_without_a_session_is_exit_1_in_one_line)
{
    char *out;
    ck_assert_int_eq(cli(&out, "--server", server_url, "whoami", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "belum masuk; jalankan: berkas login"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "--server", server_url, "user", "list", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    free(out);
}
END_TEST

START_TEST(test_wrong_password_is_exit_1_in_one_line_and_saves_nothing)
{
    setenv("BERKAS_PASSWORD", "not-the-password-at-all", 1);
    char *out;
    ck_assert_int_eq(cli(&out, "--server", server_url, "login", "--nip", ADMIN_DITJEN, NULL), 1);
    const char *rest = after_banner(out);
    ck_assert_int_eq(count_lines(rest), 1);
    ck_assert_msg(strncmp(rest, "berkas: 401 ", 12) == 0, "%s", rest);
    ck_assert_ptr_null(strstr(rest, "not-the-password"));
    free(out);
    char *path = session_file(config_dir);
    ck_assert(!exists(path));
    free(path);
}
END_TEST

START_TEST(test_no_password_without_env_or_terminal_is_exit_2)
{
    char *argv[] = {(char *)harness_cli(), "--server", server_url, "login", "--nip",
                    ADMIN_DITJEN,          NULL};
    char *out;
    ck_assert_int_eq(run_without_tty(argv, NULL, &out), 2);
    const char *rest = after_banner(out);
    ck_assert_int_eq(count_lines(rest), 1);
    ck_assert_msg(strstr(rest, "BERKAS_PASSWORD"), "%s", rest);
    free(out);
    char *path = session_file(config_dir);
    ck_assert(!exists(path));
    free(path);
}
END_TEST

START_TEST(test_token_is_sent_only_to_the_server_that_issued_it)
{
    login_as(ADMIN_DITJEN);
    char other[64], *out;
    snprintf(other, sizeof other, "http://127.0.0.1:%d", free_port());
    ck_assert_int_eq(cli(&out, "--server", other, "whoami", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "masuk di") && strstr(out, other), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_unreachable_server_at_login_is_exit_2)
{
    char other[64], *out;
    snprintf(other, sizeof other, "http://127.0.0.1:%d", free_port());
    setenv("BERKAS_PASSWORD", PASSWORD, 1);
    ck_assert_int_eq(cli(&out, "--server", other, "login", "--nip", ADMIN_DITJEN, NULL), 2);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "tidak dapat menghubungi"), "%s", out);
    free(out);
}
END_TEST

/* ---- administration --------------------------------------------------------- */

START_TEST(test_admin_adds_an_office_and_a_user_who_can_then_log_in)
{
    login_as(ADMIN_DITJEN);
    char parent[24], *out;
    snprintf(parent, sizeof parent, "%lld", office_id("KANWIL-SUMSEL"));
    ck_assert_int_eq(cli(&out, "office", "add", "--parent", parent, "--kind", "kanim", "--code",
                         "KANIM-LLG", "--name", "Kantor Imigrasi Kelas III Lubuklinggau", "--tz",
                         "Asia/Jakarta", "--class", "Kelas III", NULL),
                     0);
    ck_assert_msg(strstr(out, "KANIM-LLG"), "%s", out);
    free(out);
    char office[24];
    snprintf(office, sizeof office, "%lld", office_id("KANIM-LLG"));
    ck_assert_int_eq(cli(&out, "office", "show", office, NULL), 0);
    ck_assert_msg(strstr(out, "Kelas III") && strstr(out, "Lubuklinggau"), "%s", out);
    free(out);
    /* by its code, in any case; a slip gets a guess */
    ck_assert_int_eq(cli(&out, "office", "show", "kanim-llg", NULL), 0);
    ck_assert_msg(strstr(out, "Lubuklinggau"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "office", "show", "KANIM-LLX", NULL), 1);
    ck_assert_msg(strstr(out, "maksud Anda KANIM-LLG?"), "%s", out);
    free(out);

    setenv("BERKAS_NEW_PASSWORD", NEW_PASSWORD, 1);
    ck_assert_int_eq(cli(&out, "user", "add", "--nip", "199501012020011001", "--name",
                         "Budi Santoso", "--office", office, "--role", "investigator", "--pangkat",
                         "Penata Muda", "--golongan", "III/a", "--position", "PPNS Keimigrasian",
                         "--ppns-card", "PPNS-IMI-0701/2025", "--ppns-valid-until", "2030-06-30",
                         NULL),
                     0);
    ck_assert_msg(strstr(out, "Budi Santoso"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "user", "list", NULL), 0);
    ck_assert_msg(strstr(out, "199501012020011001") && strstr(out, "KANIM-LLG"), "%s", out);
    free(out);

    /* the new user logs on with the password the admin gave */
    setenv("BERKAS_PASSWORD", NEW_PASSWORD, 1);
    ck_assert_int_eq(cli(&out, "login", "--nip", "199501012020011001", NULL), 0);
    free(out);
    ck_assert_int_eq(cli(&out, "whoami", NULL), 0);
    ck_assert_msg(strstr(out, "Budi Santoso") && strstr(out, "KANIM-LLG") &&
                      strstr(out, "PPNS-IMI-0701/2025"),
                  "%s", out);
    free(out);
}
END_TEST

START_TEST(test_weak_password_for_a_new_user_is_refused_naming_the_field)
{
    login_as(ADMIN_DITJEN);
    char office[24], *out;
    snprintf(office, sizeof office, "%lld", office_id("KANIM-PLG"));
    setenv("BERKAS_NEW_PASSWORD", "password1234", 1);
    ck_assert_int_eq(cli(&out, "user", "add", "--nip", "199501012020011002", "--name", "Citra Ayu",
                         "--office", office, "--role", "supervisor", NULL),
                     1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strncmp(out, "berkas: 400 Bad Request: ", 25) == 0, "%s", out);
    ck_assert_msg(strstr(out, "(isian: password)"), "%s", out);
    free(out);
    /* nobody was added */
    json_t *list = cli_json("user", "list", "--json", NULL);
    size_t i;
    json_t *u;
    json_array_foreach(json_object_get(list, "items"), i, u)
        ck_assert_str_ne(json_string_value(json_object_get(u, "nip")), "199501012020011002");
    json_decref(list);
}
END_TEST

START_TEST(test_disabling_a_user_ends_their_saved_session)
{
    login_as(ADMIN_DITJEN);
    long long id = add_user("199501012020011003", "Dian Permata", "KANIM-PLG", "supervisor");
    char *admin_dir = strdup(config_dir), *user_dir = harness_mkdtemp("cli-config-user");

    setenv("XDG_CONFIG_HOME", user_dir, 1);
    setenv("BERKAS_PASSWORD", NEW_PASSWORD, 1);
    char *out;
    ck_assert_int_eq(
        cli(&out, "--server", server_url, "login", "--nip", "199501012020011003", NULL), 0);
    free(out);
    ck_assert_int_eq(cli_quiet("whoami", NULL, NULL, NULL), 0);

    setenv("XDG_CONFIG_HOME", admin_dir, 1);
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", id);
    ck_assert_int_eq(cli(&out, "user", "disable", sid, NULL), 0);
    ck_assert_msg(strstr(out, "nonaktif"), "%s", out);
    free(out);

    setenv("XDG_CONFIG_HOME", user_dir, 1);
    ck_assert_int_eq(cli(&out, "whoami", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "401"), "%s", out);
    free(out);
    /* the session is gone on the server: logout still forgets it here */
    ck_assert_int_eq(cli_quiet("logout", NULL, NULL, NULL), 0);
    char *path = session_file(user_dir);
    ck_assert(!exists(path));
    free(path);
    free(admin_dir);
    free(user_dir);
}
END_TEST

START_TEST(test_unlock_lets_a_locked_user_log_on_again)
{
    login_as(ADMIN_DITJEN);
    long long id = add_user("199501012020011004", "Eko Prasetyo", "KANIM-MRE", "supervisor");
    char *admin_dir = strdup(config_dir), *user_dir = harness_mkdtemp("cli-config-user");
    setenv("XDG_CONFIG_HOME", user_dir, 1);
    setenv("BERKAS_PASSWORD", "this-is-not-his-password", 1);
    for (int i = 0; i < 5; i++) /* issue 3: five failures in 15 minutes lock it */
        ck_assert_int_eq(cli_quiet("--server", server_url, "login", "--nip=199501012020011004"), 1);
    setenv("BERKAS_PASSWORD", NEW_PASSWORD, 1);
    ck_assert_int_eq(cli_quiet("--server", server_url, "login", "--nip=199501012020011004"), 1);

    setenv("XDG_CONFIG_HOME", admin_dir, 1);
    char sid[24], *out;
    snprintf(sid, sizeof sid, "%lld", id);
    ck_assert_int_eq(cli(&out, "user", "show", sid, NULL), 0);
    ck_assert_msg(strstr(out, "terkunci"), "%s", out);
    free(out);
    /* a user is named by the NIP as printed, spaces and all */
    ck_assert_int_eq(cli(&out, "user", "show", "19950101 202001 1 004", NULL), 0);
    ck_assert_msg(strstr(out, "Eko Prasetyo"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "user", "show", "19950101 202001 1 099", NULL), 1);
    free(out);
    ck_assert_int_eq(cli(&out, "user", "unlock", "19950101 202001 1 004", NULL), 0);
    ck_assert_msg(strstr(out, "aktif"), "%s", out);
    free(out);

    /* issue 9.3: the owner is told of the lock at their next log-on */
    setenv("XDG_CONFIG_HOME", user_dir, 1);
    ck_assert_int_eq(
        cli(&out, "--server", server_url, "login", "--nip=19950101 202001 1 004", NULL), 0);
    ck_assert_msg(strstr(out, "akun Anda dikunci") && strstr(out, "setelah 5 percobaan"), "%s",
                  out);
    free(out);
    free(admin_dir);
    free(user_dir);
}
END_TEST

START_TEST(test_investigator_listing_users_is_refused_with_403)
{
    login_as(INV_PLG);
    char *out;
    ck_assert_int_eq(cli(&out, "user", "list", NULL), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strncmp(out, "berkas: 403 ", 12) == 0, "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "office", "add", "--parent", "1", "--kind", "kanwil", "--code",
                         "KANWIL-X", "--name", "Kantor Wilayah X", "--tz", "Asia/Jakarta", NULL),
                     1);
    ck_assert_msg(strstr(out, "403") && count_lines(out) == 1, "%s", out);
    free(out);
}
END_TEST

START_TEST(test_letterhead_added_from_a_date_is_listed)
{
    login_as(ADMIN_DITJEN);
    char office[24], *out;
    snprintf(office, sizeof office, "%lld", office_id("KANIM-PTK"));
    ck_assert_int_eq(cli(&out, "office", "letterhead-add", office, "--from", "2026-01-01", "--line",
                         "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN", "--line",
                         "KANTOR IMIGRASI PONTIANAK (BARU)", NULL),
                     0);
    ck_assert_msg(strstr(out, "2026-01-01") && strstr(out, "(BARU)"), "%s", out);
    free(out);
    json_t *list = cli_json("office", "letterheads", office, "--json");
    json_t *items = json_object_get(list, "items");
    ck_assert_uint_ge(json_array_size(items), 3); /* the demo's two, and this one */
    json_t *last = json_array_get(items, json_array_size(items) - 1);
    ck_assert_str_eq(json_string_value(json_object_get(last, "effective_from")), "2026-01-01");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(last, "lines"), 1)),
                     "KANTOR IMIGRASI PONTIANAK (BARU)");
    json_decref(list);
}
END_TEST

/* ---- usage and output forms ----------------------------------------------- */

START_TEST(test_usage_errors_are_exit_2_in_one_line)
{
    const char *bad[][8] = {
        {"office", "bogus"},
        {"office"},
        {"user"},
        {"user", "list", "--bogus"},
        {"whoami", "extra"},
        {"login", "--nip"},
        {"office", "show"},
        {"office", "show", "ab c"},
        {"office", "show", "0"},
        {"office", "add", "--parent"},
        {"office", "add", "--parent", "2", "--kind", "kanim"},
        {"office", "letterhead-add", "5", "--from", "1/1/2026", "--line"},
        {"office", "letterhead-add", "5", "--from", "1/1/2026", "--line", "X"},
        {"user", "add", "--nip", "199501012020011009"},
        {"user", "disable"},
        {"user", "unlock", "1", "2"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *argv[10] = {(char *)harness_cli()};
        for (size_t k = 0; k < 8 && bad[i][k]; k++)
            argv[k + 1] = (char *)bad[i][k];
        char *out;
        int rc = run_capture(argv, 10000, &out);
        ck_assert_msg(rc == 2, "%s %s: exit %d: %s", bad[i][0], bad[i][1] ? bad[i][1] : "", rc,
                      out);
        ck_assert_msg(count_lines(out) == 1, "%s %s: %s", bad[i][0], bad[i][1] ? bad[i][1] : "",
                      out);
        ck_assert_msg(strncmp(out, "berkas", 6) == 0, "%s", out);
        free(out);
    }
}
END_TEST

START_TEST(test_every_command_has_help)
{
    const char *cmds[][2] = {
        {"login", NULL},
        {"logout", NULL},
        {"whoami", NULL},
        {"office", "list"},
        {"office", "show"},
        {"office", "add"},
        {"office", "letterheads"},
        {"office", "letterhead-add"},
        {"user", "list"},
        {"user", "show"},
        {"user", "add"},
        {"user", "disable"},
        {"user", "unlock"},
        {"office", NULL},
        {"user", NULL},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out, want[64];
        snprintf(want, sizeof want, "Pemakaian: berkas %s%s%s", cmds[i][0], cmds[i][1] ? " " : "",
                 cmds[i][1] ? cmds[i][1] : "");
        int rc = cmds[i][1] ? cli(&out, cmds[i][0], cmds[i][1], "--help", NULL)
                            : cli(&out, cmds[i][0], "--help", NULL);
        ck_assert_msg(rc == 0 && strncmp(out, want, strlen(want)) == 0, "%s: %d: %s", want, rc,
                      out);
        free(out);
    }
    char *out;
    ck_assert_int_eq(cli(&out, "--help", NULL), 0);
    ck_assert_msg(strstr(out, "office letterhead-add") && strstr(out, "user unlock"), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_json_output_parses_for_whoami_office_list_user_list)
{
    login_as(ADMIN_DITJEN);
    json_t *me = cli_json("whoami", "--json", NULL, NULL);
    ck_assert_str_eq(json_string_value(json_object_get(me, "nip")), ADMIN_DITJEN);
    ck_assert_str_eq(json_string_value(json_object_get(me, "role")), "admin");
    json_decref(me);
    me = cli_json("--json", "whoami", NULL, NULL); /* the global form */
    ck_assert_str_eq(json_string_value(json_object_get(me, "nip")), ADMIN_DITJEN);
    json_decref(me);

    json_t *offices = cli_json("office", "list", "--json", NULL);
    ck_assert_uint_ge(json_array_size(json_object_get(offices, "items")), 16);
    ck_assert_int_gt(id_where(offices, "code", "KANIM-BLC"), 0);
    json_decref(offices);

    json_t *users = cli_json("user", "list", "--json", NULL);
    ck_assert_uint_ge(json_array_size(json_object_get(users, "items")), 10);
    ck_assert_int_gt(id_where(users, "nip", INV_PLG), 0);
    json_decref(users);
}
END_TEST

Suite *suite_cli_identity(void)
{
    Suite *s = suite_create("cli_identity");
    TCase *tc = tcase_create("cli_identity");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_add_checked_fixture(tc, fresh_config, drop_config);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_login_then_whoami_shows_the_user);
    tcase_add_test(tc, test_login_reads_the_nip_from_stdin);
    tcase_add_test(tc, test_session_file_is_private_and_holds_no_password);
    tcase_add_test(tc, test_logout_ends_the_session_on_the_server);
    tcase_add_test(tc, test_whoami_without_a_session_is_exit_1_in_one_line);
    tcase_add_test(tc, test_wrong_password_is_exit_1_in_one_line_and_saves_nothing);
    tcase_add_test(tc, test_no_password_without_env_or_terminal_is_exit_2);
    tcase_add_test(tc, test_token_is_sent_only_to_the_server_that_issued_it);
    tcase_add_test(tc, test_unreachable_server_at_login_is_exit_2);
    tcase_add_test(tc, test_admin_adds_an_office_and_a_user_who_can_then_log_in);
    tcase_add_test(tc, test_weak_password_for_a_new_user_is_refused_naming_the_field);
    tcase_add_test(tc, test_disabling_a_user_ends_their_saved_session);
    tcase_add_test(tc, test_unlock_lets_a_locked_user_log_on_again);
    tcase_add_test(tc, test_investigator_listing_users_is_refused_with_403);
    tcase_add_test(tc, test_letterhead_added_from_a_date_is_listed);
    tcase_add_test(tc, test_usage_errors_are_exit_2_in_one_line);
    tcase_add_test(tc, test_every_command_has_help);
    tcase_add_test(tc, test_json_output_parses_for_whoami_office_list_user_list);
    suite_add_tcase(s, tc);
    return s;
}
