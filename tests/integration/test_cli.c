/*
 * test_cli.c - the berkas CLI as a real process against a real berkasd:
 * status in both output forms, the documented exit codes, --help
 * everywhere, one-line errors.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

static struct proc server;
static int port;
static char *conninfo;
static char server_url[64];

static void start_server(void)
{
    conninfo = harness_new_db("cli_suite");
    char *extra[] = {"--db", conninfo, NULL};
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

static int cli(char **out, const char *a1, const char *a2, const char *a3, const char *a4)
{
    char *argv[8] = {(char *)harness_cli(), (char *)a1, (char *)a2, (char *)a3, (char *)a4, NULL};
    return run_capture(argv, 20000, out);
}

START_TEST(test_status_prints_version_and_health)
{
    char *out;
    ck_assert_int_eq(cli(&out, "--server", server_url, "status", NULL), 0);
    ck_assert_msg(strstr(out, "berkasd 0.") && strstr(out, "skema "), "%s", out);
    ck_assert_msg(strstr(out, "kesehatan   ok"), "%s", out);
    ck_assert_msg(strstr(out, server_url), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_status_json_is_one_object)
{
    for (int form = 0; form < 2; form++) {
        char *out;
        int rc = form == 0 ? cli(&out, "--server", server_url, "status", "--json")
                           : cli(&out, "--server", server_url, "--json", "status");
        ck_assert_int_eq(rc, 0);
        json_error_t e;
        json_t *j = json_loads(out, 0, &e);
        ck_assert_msg(j != NULL, "not JSON (%s): %s", e.text, out);
        ck_assert(json_is_true(json_object_get(j, "healthy")));
        ck_assert_str_eq(json_string_value(json_object_get(j, "health")), "ok");
        json_t *v = json_object_get(j, "version");
        ck_assert_str_eq(json_string_value(json_object_get(v, "name")), "berkas");
        json_decref(j);
        free(out);
    }
}
END_TEST

START_TEST(test_server_from_the_environment)
{
    setenv("BERKAS_SERVER", server_url, 1);
    char *out;
    ck_assert_int_eq(cli(&out, "status", NULL, NULL, NULL), 0);
    ck_assert_msg(strstr(out, server_url), "%s", out);
    free(out);
    unsetenv("BERKAS_SERVER");
}
END_TEST

START_TEST(test_unreachable_server_is_exit_2_in_one_line)
{
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", free_port());
    char *out;
    ck_assert_int_eq(cli(&out, "--server", url, "status", NULL), 2);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "tidak dapat menghubungi") && strstr(out, url), "%s", out);
    free(out);
}
END_TEST

START_TEST(test_help_everywhere_and_usage_errors_exit_2)
{
    char *out;
    ck_assert_int_eq(cli(&out, "--help", NULL, NULL, NULL), 0);
    ck_assert_msg(strstr(out, "status") && strstr(out, "Status keluar"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "status", "--help", NULL, NULL), 0);
    ck_assert_msg(strstr(out, "Pemakaian: berkas status"), "%s", out);
    free(out);
    ck_assert_int_eq(cli(&out, "--version", NULL, NULL, NULL), 0);
    ck_assert_msg(strncmp(out, "berkas ", 7) == 0, "%s", out);
    free(out);

    const char *bad[][3] = {
        {"frobnicate", NULL, NULL}, {"status", "--bogus", NULL}, {"status", "extra", NULL},
        {"--server", NULL, NULL},   {"--nope", "status", NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(cli(&out, bad[i][0], bad[i][1], bad[i][2], NULL), 2);
        ck_assert_int_eq(count_lines(out), 1);
        free(out);
    }
    char *argv[] = {(char *)harness_cli(), NULL};
    ck_assert_int_eq(run_capture(argv, 10000, &out), 2);
    ck_assert_int_eq(count_lines(out), 1);
    free(out);
}
END_TEST

/* Issue 10.6: a man page and bash completion installed with the CLI.  The
 * page is written from the command table (berkas --man): every command that
 * --help lists has its section, and groff reads the page without a warning. */
START_TEST(test_the_manual_documents_every_command)
{
    char *help, *man;
    ck_assert_int_eq(cli(&help, "--help", NULL, NULL, NULL), 0);
    ck_assert_int_eq(cli(&man, "--man", NULL, NULL, NULL), 0);
    ck_assert_msg(strncmp(man, ".TH BERKAS 1 ", 13) == 0, "%.200s", man);
    const char *list = strstr(help, "Perintah:\n");
    ck_assert_ptr_nonnull(list);
    int commands = 0;
    for (const char *line = strchr(list, '\n') + 1; strncmp(line, "  ", 2) == 0;
         line = strchr(line, '\n') + 1) {
        /* "  office list            summary": the name is the words before two spaces */
        const char *name = line + 2, *end = strstr(name, "  ");
        char want[96];
        size_t n = (size_t)snprintf(want, sizeof want, ".SS \"");
        for (const char *c = name; c < end && n + 4 < sizeof want; c++) {
            if (*c == '-') /* roff's minus: copied from the page as typed */
                want[n++] = '\\';
            want[n++] = *c;
        }
        snprintf(want + n, sizeof want - n, "\"\n");
        ck_assert_msg(strstr(man, want), "no %s in the manual", want);
        commands++;
    }
    ck_assert_int_ge(commands, 40);
    free(help);
    if (access("/usr/bin/groff", X_OK) == 0) {
        char *dir = harness_mkdtemp("man"), page[512], *warn;
        snprintf(page, sizeof page, "%s/berkas.1", dir);
        FILE *f = fopen(page, "w");
        ck_assert_ptr_nonnull(f);
        fputs(man, f);
        fclose(f);
        char *argv[] = {"/usr/bin/groff", "-ww", "-z", "-man", page, NULL};
        ck_assert_int_eq(run_capture(argv, 20000, &warn), 0);
        ck_assert_msg(warn[0] == '\0', "groff: %s", warn);
        free(warn);
        free(dir);
    }
    free(man);
}
END_TEST

/* The completion asks the berkas on PATH, so it completes what that client
 * takes: commands, a group's subcommands, a command's own options. */
START_TEST(test_bash_completes_commands_subcommands_and_options)
{
    const char *sql = getenv("BERKAS_SQL_DIR");
    ck_assert_ptr_nonnull(sql);
    char script[2048], cli_dir[512];
    snprintf(cli_dir, sizeof cli_dir, "%s", harness_cli());
    *strrchr(cli_dir, '/') = '\0';
    snprintf(script, sizeof script,
             "PATH=%s:$PATH; source %s/../client/cli/berkas.bash-completion; "
             "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _berkas; "
             "echo \"${COMPREPLY[*]}\"; }; "
             "t berkas inb; t berkas office ''; t berkas inbox --un; t berkas report --mo",
             cli_dir, sql);
    char *argv[] = {"/bin/bash", "-c", script, NULL}, *out;
    ck_assert_int_eq(run_capture(argv, 20000, &out), 0);
    ck_assert_msg(
        strcmp(out,
               "inbox\nlist show add import letterheads letterhead-add\n--unread\n--month\n") == 0,
        "%s", out);
    free(out);
}
END_TEST

Suite *suite_cli(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_add_unchecked_fixture(tc, start_server, stop_server);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_status_prints_version_and_health);
    tcase_add_test(tc, test_status_json_is_one_object);
    tcase_add_test(tc, test_server_from_the_environment);
    tcase_add_test(tc, test_unreachable_server_is_exit_2_in_one_line);
    tcase_add_test(tc, test_help_everywhere_and_usage_errors_exit_2);
    tcase_add_test(tc, test_the_manual_documents_every_command);
    tcase_add_test(tc, test_bash_completes_commands_subcommands_and_options);
    suite_add_tcase(s, tc);
    return s;
}
