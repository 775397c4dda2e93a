/*
 * test_embedded.c - berkasd on its embedded default: first start (initdb),
 * warm start, clean stop on SIGTERM with no process left behind, and every
 * way start-up can fail, each a one-line error that leaves nothing half-made.
 */
#include <check.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

static pid_t postmaster_pid(const char *data_dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/pg/postmaster.pid", data_dir);
    char *s = read_text(path);
    pid_t pid = s ? (pid_t)strtol(s, NULL, 10) : 0;
    free(s);
    return pid;
}

static bool wait_gone(pid_t pid, int ms)
{
    for (int i = 0; i < ms / 10; i++) {
        if (!pid_alive(pid))
            return true;
        usleep(10000);
    }
    return !pid_alive(pid);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* berkasd with a data dir under a fresh temp dir; returns the data dir. */
static char *start_embedded(struct proc *p, int *port)
{
    char *base = harness_mkdtemp("emb");
    size_t n = strlen(base) + 8;
    char *data = malloc(n);
    snprintf(data, n, "%s/data", base);
    free(base);
    char *extra[] = {"--data-dir", data, "--unsafe-no-fsync", NULL};
    if (!berkasd_start(p, port, extra)) {
        char *out = proc_output(p);
        ck_abort_msg("berkasd did not start: %s", out);
    }
    return data;
}

/* berkasd's output once it holds needle, waiting at most ms: /healthz
 * answers as soon as the HTTP server runs, a moment before the "ready" line
 * is written; a failed restart of the cluster is logged only once pg_ctl
 * gives up: a restart into a shut directory may wait out the old
 * postmaster and a start deadline (cluster.c), tens of seconds on a loaded
 * machine, so the caller may wait long; a found line returns at once. */
static char *output_within(const struct proc *p, const char *needle, int ms)
{
    char *out = proc_output(p);
    for (int i = 0; i < ms / 10 && !strstr(out, needle); i++) {
        free(out);
        usleep(10000);
        out = proc_output(p);
    }
    return out;
}

static char *output_with(const struct proc *p, const char *needle)
{
    return output_within(p, needle, 5000);
}

START_TEST(test_embedded_default_is_healthy_and_sigterm_leaves_nothing_running)
{
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port);
    pid_t pm = postmaster_pid(data);
    ck_assert_int_gt(pm, 0);
    ck_assert(pid_alive(pm));
    char *out = output_with(&p, "ready");
    ck_assert_msg(strstr(out, "ready") && strstr(out, "(new)"), "%s", out);
    free(out);
    /* no TCP listener: the cluster is reachable only through its socket */
    char pgconf[1024];
    snprintf(pgconf, sizeof pgconf, "%s/pg/postgresql.conf", data);
    char *conf = read_text(pgconf);
    ck_assert_ptr_nonnull(strstr(conf, "listen_addresses = ''"));
    free(conf);

    proc_stop_clean(&p);
    ck_assert(wait_gone(pm, 5000));
    ck_assert_int_eq(count_processes_with(data), 0);
    proc_free(&p);
    free(data);
}
END_TEST

/* A service's PATH (systemd's: no /usr/lib/postgresql/N/bin, and on a fresh
 * Debian no /usr/local/bin links to it either): initdb and postgres still
 * find themselves. */
START_TEST(test_first_start_with_a_bare_path)
{
    setenv("PATH", "/usr/bin:/bin", 1); /* this test's own process (Check forks) */
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port);
    char *out = output_with(&p, "ready");
    ck_assert_msg(strstr(out, "(new)"), "%s", out);
    free(out);
    proc_stop_clean(&p);
    proc_free(&p);
    free(data);
}
END_TEST

START_TEST(test_warm_start_reuses_the_cluster)
{
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port);
    proc_stop_clean(&p);
    proc_free(&p);

    char *extra[] = {"--data-dir", data, "--unsafe-no-fsync", NULL};
    ck_assert(berkasd_start(&p, &port, extra));
    char *out = output_with(&p, "ready");
    ck_assert_msg(strstr(out, "ready") && !strstr(out, "(new)"), "%s", out);
    ck_assert_msg(strstr(out, "0 migrations applied now"), "%s", out);
    free(out);
    proc_stop_clean(&p);
    proc_free(&p);
    free(data);
}
END_TEST

START_TEST(test_killed_berkasd_leaves_no_postgres_behind)
{
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port);
    pid_t pm = postmaster_pid(data);
    kill(p.pid, SIGKILL);
    ck_assert(proc_wait(&p, 5000));
    /* the kernel's parent-death signal asks the postmaster for a fast shutdown */
    ck_assert_msg(wait_gone(pm, 15000), "postmaster %d still running", (int)pm);
    ck_assert_int_eq(count_processes_with(data), 0);
    proc_free(&p);

    /* and the next start is not tripped up */
    char *extra[] = {"--data-dir", data, "--unsafe-no-fsync", NULL};
    ck_assert(berkasd_start(&p, &port, extra));
    proc_stop_clean(&p);
    proc_free(&p);
    free(data);
}
END_TEST

START_TEST(test_database_gone_gives_503_and_cli_exit_1)
{
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port);
    /* the database away for good: its directory shut, then its postmaster
     * killed, so that the supervisor's restarts fail (test_resilience.c has
     * the restarts that succeed) */
    char pg[1024];
    snprintf(pg, sizeof pg, "%s/pg", data);
    ck_assert_int_eq(chmod(pg, 0), 0);
    pid_t pm = postmaster_pid(data);
    kill(pm, SIGKILL);
    ck_assert(wait_gone(pm, 10000));

    char u[128];
    snprintf(u, sizeof u, "http://127.0.0.1:%d/healthz", port);
    struct http_result r;
    ck_assert(http_do("GET", u, NULL, 0, NULL, &r));
    ck_assert_int_eq(r.status, 503);
    ck_assert_str_eq(r.content_type, "application/problem+json; charset=utf-8");
    ck_assert_str_eq(r.retry_after, "5");
    http_result_free(&r);

    char server[128];
    snprintf(server, sizeof server, "http://127.0.0.1:%d", port);
    char *argv[] = {(char *)harness_cli(), "--server", server, "status", NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 20000, &out), 1);
    ck_assert_msg(strstr(out, "TIDAK TERSEDIA"), "%s", out);
    free(out);
    out = output_within(&p, "PostgreSQL restart 1 failed", 90000);
    ck_assert_msg(strstr(out, "PostgreSQL restart 1 failed"), "%s", out);
    free(out);

    proc_stop(&p);
    ck_assert_int_eq(chmod(pg, 0700), 0);
    ck_assert_int_eq(count_processes_with(data), 0);
    proc_free(&p);
    free(data);
}
END_TEST

START_TEST(test_port_in_use_is_one_line_and_touches_nothing)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(listen(fd, 1), 0);
    socklen_t len = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &len);
    char listen_addr[64];
    snprintf(listen_addr, sizeof listen_addr, "127.0.0.1:%d", ntohs(a.sin_port));

    char *base = harness_mkdtemp("port");
    char data[1024];
    snprintf(data, sizeof data, "%s/data", base);
    char *argv[] = {(char *)harness_berkasd(), "--listen", listen_addr, "--data-dir", data, NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 20000, &out), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, listen_addr) && strstr(out, "in use"), "%s", out);
    ck_assert(!exists(data));
    free(out);
    free(base);
    close(fd);
}
END_TEST

START_TEST(test_unreachable_db_is_one_line_without_the_password)
{
    char listen_addr[64];
    snprintf(listen_addr, sizeof listen_addr, "127.0.0.1:%d", free_port());
    char db[128];
    snprintf(db, sizeof db, "postgresql://berkas:s3cretpw@127.0.0.1:%d/berkas", free_port());
    char *argv[] = {(char *)harness_berkasd(), "--listen", listen_addr, "--db", db, NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 20000, &out), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "cannot connect to database 127.0.0.1:"), "%s", out);
    ck_assert_ptr_null(strstr(out, "s3cretpw"));
    free(out);
}
END_TEST

static void expect_refused(const char *data, const char *want, bool none_running)
{
    char listen_addr[64];
    snprintf(listen_addr, sizeof listen_addr, "127.0.0.1:%d", free_port());
    char *argv[] = {
        (char *)harness_berkasd(), "--listen", listen_addr, "--data-dir", (char *)data, NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 20000, &out), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, want) != NULL, "want '%s' in: %s", want, out);
    if (none_running)
        ck_assert_int_eq(count_processes_with(data), 0);
    free(out);
}

static void expect_data_dir_refused(const char *data, const char *want)
{
    expect_refused(data, want, true);
}

START_TEST(test_data_dir_owned_by_someone_else_is_refused)
{
    char *base = harness_mkdtemp("owner");
    if (geteuid() == 0) {
        ck_assert_int_eq(chown(base, 65534, 65534), 0);
        expect_data_dir_refused(base, "is owned by uid 65534");
        char pg[1024];
        snprintf(pg, sizeof pg, "%s/pg", base);
        ck_assert(!exists(pg));
    } else {
        expect_data_dir_refused("/", "is owned by uid 0");
    }
    free(base);
}
END_TEST

START_TEST(test_data_dir_that_is_a_file_is_refused)
{
    char *base = harness_mkdtemp("file");
    char data[1024];
    snprintf(data, sizeof data, "%s/not-a-dir", base);
    ck_assert(write_text(data, "x"));
    expect_data_dir_refused(data, "is not a directory");
    free(base);
}
END_TEST

START_TEST(test_data_dir_not_writable_is_refused)
{
    char *base = harness_mkdtemp("ro");
    char data[1024];
    if (geteuid() == 0) {
        /* root writes anywhere; what stops it is the cluster user being
         * unable to enter: a 0700 parent */
        char parent[900];
        snprintf(parent, sizeof parent, "%s/closed", base);
        ck_assert_int_eq(mkdir(parent, 0700), 0);
        snprintf(data, sizeof data, "%s/data", parent);
        expect_data_dir_refused(data, "keeps that user out");
        ck_assert(!exists(data));
    } else {
        snprintf(data, sizeof data, "%s/data", base);
        ck_assert_int_eq(mkdir(data, 0500), 0);
        expect_data_dir_refused(data, "is not writable");
    }
    free(base);
}
END_TEST

START_TEST(test_failing_migration_on_first_start_leaves_no_cluster)
{
    char *sql = harness_mkdtemp("badsql");
    char path[1024];
    snprintf(path, sizeof path, "%s/0001_broken.sql", sql);
    ck_assert(write_text(path, "CREATE TABLE t (x int);\nCREATE TABLE u (x int;\n"));
    char *base = harness_mkdtemp("badmig");
    char data[1024];
    snprintf(data, sizeof data, "%s/data", base);
    char listen_addr[64];
    snprintf(listen_addr, sizeof listen_addr, "127.0.0.1:%d", free_port());
    char *argv[] = {
        (char *)harness_berkasd(), "--listen", listen_addr, "--data-dir", data, "--sql-dir", sql,
        "--unsafe-no-fsync",       NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 30000, &out), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "0001_broken.sql failed at line 2"), "%s", out);
    char pg[1100];
    snprintf(pg, sizeof pg, "%s/pg", data);
    ck_assert(!exists(pg));
    ck_assert_int_eq(count_processes_with(data), 0);
    free(out);
    free(base);
    free(sql);
}
END_TEST

/* A bin directory for BERKAS_PG_BINDIR: the real PostgreSQL tools, but an
 * initdb that, once the real one made the cluster, leaves its
 * postgresql.conf as /dev/full, where every write fails as on a full disk. */
static char *bindir_with_a_full_conf(void)
{
    FILE *pc = popen("pg_config --bindir", "r");
    ck_assert_ptr_nonnull(pc);
    char real[512] = "";
    ck_assert_ptr_nonnull(fgets(real, sizeof real, pc));
    pclose(pc);
    real[strcspn(real, "\n")] = '\0';
    char *bin = harness_mkdtemp("fullbin");
    DIR *d = opendir(real);
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "initdb") == 0)
            continue;
        char from[1024], to[1024];
        snprintf(from, sizeof from, "%s/%s", real, e->d_name);
        snprintf(to, sizeof to, "%s/%s", bin, e->d_name);
        ck_assert_int_eq(symlink(from, to), 0);
    }
    closedir(d);
    char script[2048], path[1024];
    snprintf(script, sizeof script,
             "#!/bin/sh\n"
             "'%s/initdb' \"$@\" || exit\n"
             "while [ $# -gt 0 ]; do [ \"$1\" = -D ] && dir=$2; shift; done\n"
             "rm \"$dir/postgresql.conf\" && ln -s /dev/full \"$dir/postgresql.conf\"\n",
             real);
    snprintf(path, sizeof path, "%s/initdb", bin);
    ck_assert(write_text(path, script));
    ck_assert_int_eq(chmod(path, 0755), 0);
    return bin;
}

/* The settings berkasd appends to a new cluster's postgresql.conf (no TCP
 * listener, its port, its socket's mode) cannot be written: the first start
 * fails in one line naming the file and the reason, and leaves no cluster
 * that a later start would take up without them. */
START_TEST(test_settings_not_written_on_first_start_leaves_no_cluster)
{
    char *bin = bindir_with_a_full_conf();
    setenv("BERKAS_PG_BINDIR", bin, 1); /* this test's own process (Check forks) */
    char *base = harness_mkdtemp("fullconf");
    char data[1024];
    snprintf(data, sizeof data, "%s/data", base);
    char listen_addr[64];
    snprintf(listen_addr, sizeof listen_addr, "127.0.0.1:%d", free_port());
    char *argv[] = {(char *)harness_berkasd(), "--listen", listen_addr, "--data-dir", data,
                    "--unsafe-no-fsync",       NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 30000, &out), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "postgresql.conf") && strstr(out, "No space left on device"), "%s",
                  out);
    char pg[1100], initdb_dir[1100];
    snprintf(pg, sizeof pg, "%s/pg", data);
    snprintf(initdb_dir, sizeof initdb_dir, "%s/pg.initdb", data);
    ck_assert(!exists(pg));
    ck_assert(!exists(initdb_dir));
    ck_assert_int_eq(count_processes_with(data), 0);
    free(out);
    free(base);
    free(bin);
}
END_TEST

START_TEST(test_second_berkasd_on_the_same_data_dir_is_refused)
{
    struct proc p;
    int port;
    char *data = start_embedded(&p, &port);
    expect_refused(data, "in use by another berkasd", false);
    /* ...and the first one is unharmed */
    char u[128];
    snprintf(u, sizeof u, "http://127.0.0.1:%d/healthz", port);
    struct http_result r;
    ck_assert(http_do("GET", u, NULL, 0, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    http_result_free(&r);
    proc_stop_clean(&p);
    proc_free(&p);
    free(data);
}
END_TEST

START_TEST(test_unknown_option_is_a_usage_error)
{
    char *argv[] = {(char *)harness_berkasd(), "--frobnicate", NULL};
    char *out;
    ck_assert_int_eq(run_capture(argv, 10000, &out), 2);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "--frobnicate"), "%s", out);
    free(out);

    char *argv2[] = {(char *)harness_berkasd(), "--threads", "zero", NULL};
    ck_assert_int_eq(run_capture(argv2, 10000, &out), 2);
    ck_assert_msg(strstr(out, "--threads"), "%s", out);
    free(out);

    char *argv3[] = {(char *)harness_berkasd(), "--listen", "nonsense", NULL};
    ck_assert_int_eq(run_capture(argv3, 10000, &out), 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "nonsense"), "%s", out);
    free(out);

    char *argv4[] = {(char *)harness_berkasd(), "--help", NULL};
    ck_assert_int_eq(run_capture(argv4, 10000, &out), 0);
    ck_assert_msg(strstr(out, "--data-dir") && strstr(out, "--db"), "%s", out);
    free(out);
}
END_TEST

Suite *suite_embedded(void)
{
    Suite *s = suite_create("embedded");
    TCase *tc = tcase_create("embedded");
    tcase_set_timeout(tc, 90);
    tcase_add_test(tc, test_embedded_default_is_healthy_and_sigterm_leaves_nothing_running);
    tcase_add_test(tc, test_warm_start_reuses_the_cluster);
    tcase_add_test(tc, test_first_start_with_a_bare_path);
    tcase_add_test(tc, test_killed_berkasd_leaves_no_postgres_behind);
    tcase_add_test(tc, test_database_gone_gives_503_and_cli_exit_1);
    tcase_add_test(tc, test_port_in_use_is_one_line_and_touches_nothing);
    tcase_add_test(tc, test_unreachable_db_is_one_line_without_the_password);
    tcase_add_test(tc, test_data_dir_owned_by_someone_else_is_refused);
    tcase_add_test(tc, test_data_dir_that_is_a_file_is_refused);
    tcase_add_test(tc, test_data_dir_not_writable_is_refused);
    tcase_add_test(tc, test_failing_migration_on_first_start_leaves_no_cluster);
    tcase_add_test(tc, test_settings_not_written_on_first_start_leaves_no_cluster);
    tcase_add_test(tc, test_second_berkasd_on_the_same_data_dir_is_refused);
    tcase_add_test(tc, test_unknown_option_is_a_usage_error);
    suite_add_tcase(s, tc);
    return s;
}
