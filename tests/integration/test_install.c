/*
 * test_install.c - a real office's first start (issue 14.1): berkasd
 * --init-admin plants a tree (its root office and first admin) once, with
 * the password rules every user meets; then the admin imports offices and
 * users from CSV files through the CLI, all or nothing, every bad row named,
 * a dry run writing nothing.  Real berkasd and berkas processes on a fresh
 * database of the run's cluster with every migration and no demo data.
 */
#include <check.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "suites.h"

#define ADMIN_NIP "197501012000031001"
#define ADMIN_PW  "rumah di tepi sungai musi 2026"

static char *conninfo;
static char *dir; /* this test's temp dir: XDG_CONFIG_HOME and the CSV files */

static void fresh(void)
{
    static int n;
    char name[64];
    snprintf(name, sizeof name, "install_%d_%d", (int)getpid(), ++n);
    conninfo = harness_new_db(name);
    dir = harness_mkdtemp("install");
    ck_assert_ptr_nonnull(dir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    unsetenv("BERKAS_ADMIN_PASSWORD");
    unsetenv("BERKAS_PASSWORD");
    unsetenv("BERKAS_SERVER");
}

static void done(void)
{
    free(conninfo);
    free(dir);
}

/* berkasd --db ... --init-admin ADMIN_NIP ... EXTRA: exit status, output. */
static int init_admin(const char *password, char **out, ...)
{
    char *argv[32] = {(char *)harness_berkasd(),
                      "--db",
                      conninfo,
                      "--sql-dir",
                      (char *)harness_sql_dir(),
                      "--init-admin",
                      ADMIN_NIP,
                      "--admin-name",
                      "Hadi Santoso",
                      "--admin-golongan",
                      "IV/a"};
    size_t n = 11;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 31 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    if (password)
        setenv("BERKAS_ADMIN_PASSWORD", password, 1);
    int rc = run_capture(argv, 60000, out);
    unsetenv("BERKAS_ADMIN_PASSWORD");
    return rc;
}

static long long offices(void)
{
    return sql_count(conninfo, "SELECT count(*) FROM app.offices", 0, NULL);
}

static long long users(void)
{
    return sql_count(conninfo, "SELECT count(*) FROM app.users", 0, NULL);
}

START_TEST(test_init_plants_the_tree_once_and_the_admin_logs_on)
{
    fresh();
    char *out;
    ck_assert_int_eq(offices(), 0);
    int rc = init_admin(ADMIN_PW, &out, NULL);
    ck_assert_msg(rc == 0, "init: %d: %s", rc, out);
    ck_assert_msg(strstr(out, "initialised") && strstr(out, "DITJEN"), "%s", out);
    free(out);
    ck_assert_int_eq(sql_count(conninfo,
                               "SELECT count(*) FROM app.offices WHERE code = 'DITJEN' AND "
                               "parent_id IS NULL AND kind = 'ditjen'",
                               0, NULL),
                     1);
    /* the password is stored hashed (argon2id), never as typed */
    const char *nip[1] = {ADMIN_NIP};
    char *hash = sql_value(conninfo, "SELECT password_hash FROM app.users WHERE nip = $1", 1, nip);
    ck_assert_ptr_nonnull(hash);
    ck_assert_msg(strncmp(hash, "$argon2id$", 10) == 0, "%s", hash);
    free(hash);

    struct proc p;
    int port;
    char *extra[] = {"--db", conninfo, NULL};
    ck_assert(berkasd_start(&p, &port, extra));
    char *token = api_login(port, ADMIN_NIP, ADMIN_PW);
    ck_assert_ptr_nonnull(token);
    struct http_result r;
    ck_assert(api_call(port, "GET", "/api/v1/me", token, NULL, &r));
    ck_assert_msg(r.status == 200 && strstr(r.body, "\"admin\""), "%ld %s", r.status, r.body);
    http_result_free(&r);
    /* the admin builds the tree from there */
    ck_assert(api_call(port, "POST", "/api/v1/offices", token,
                       "{\"parent_id\":1,\"kind\":\"kanwil\",\"code\":\"KANWIL-UJI\",\"name\":"
                       "\"Kantor Wilayah Uji\",\"tz\":\"Asia/Jakarta\"}",
                       &r));
    ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
    http_result_free(&r);
    free(token);
    proc_stop_clean(&p);
    proc_free(&p);

    /* the other tree, once too, with its admin from a file */
    char pwfile[1100];
    snprintf(pwfile, sizeof pwfile, "%s/pw", dir);
    ck_assert(write_text(pwfile, "kejaksaan agung di jalan sultan hasanuddin\n"));
    char *argv[] = {(char *)harness_berkasd(),
                    "--db",
                    conninfo,
                    "--sql-dir",
                    (char *)harness_sql_dir(),
                    "--init-admin",
                    "197601012001121001",
                    "--admin-name",
                    "Surya Dharmawan",
                    "--root",
                    "kejagung",
                    "--admin-password-file",
                    pwfile,
                    NULL};
    rc = run_capture(argv, 60000, &out);
    ck_assert_msg(rc == 0, "kejagung: %d: %s", rc, out);
    free(out);
    ck_assert_int_eq(
        sql_count(conninfo, "SELECT count(*) FROM app.offices WHERE parent_id IS NULL", 0, NULL),
        2);
    done();
}
END_TEST

START_TEST(test_init_refused_the_second_time_in_one_line)
{
    fresh();
    char *out;
    ck_assert_int_eq(init_admin(ADMIN_PW, &out, NULL), 0);
    free(out);
    int rc = init_admin("another long passphrase here", &out, "--admin-name", "Orang Lain", NULL);
    ck_assert_int_eq(rc, 1);
    ck_assert_int_eq(count_lines(out), 1);
    ck_assert_msg(strstr(out, "already initialised") && strstr(out, "DITJEN"), "%s", out);
    free(out);
    ck_assert_int_eq(offices(), 1);
    ck_assert_int_eq(users(), 1);
    done();
}
END_TEST

START_TEST(test_init_weak_password_refused_nothing_written)
{
    fresh();
    /* a common password dressed up (john-data's list), the NIP inside, too short */
    static const char *const weak[] = {"P@ssw0rd2026!", "x" ADMIN_NIP "x", "pendek"};
    for (size_t i = 0; i < sizeof weak / sizeof weak[0]; i++) {
        char *out;
        int rc = init_admin(weak[i], &out, NULL);
        ck_assert_msg(rc == 1, "%s: %d %s", weak[i], rc, out);
        ck_assert_int_eq(count_lines(out), 1);
        ck_assert_msg(strstr(out, "kata sandi"), "%s", out);
        free(out);
    }
    /* no password at all, no terminal: usage */
    char *out;
    ck_assert_int_eq(init_admin(NULL, &out, NULL), 2);
    ck_assert_msg(strstr(out, "BERKAS_ADMIN_PASSWORD"), "%s", out);
    free(out);
    ck_assert_int_eq(offices(), 0);
    ck_assert_int_eq(users(), 0);
    done();
}
END_TEST

/* ---- CSV import through the CLI ---------------------------------------------------- */

static struct proc server;
static char url[64];

static void start_admin_session(void)
{
    char *out;
    ck_assert_int_eq(init_admin(ADMIN_PW, &out, NULL), 0);
    free(out);
    int port;
    char *extra[] = {"--db", conninfo, NULL};
    ck_assert(berkasd_start(&server, &port, extra));
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    setenv("BERKAS_PASSWORD", ADMIN_PW, 1);
    char *argv[] = {(char *)harness_cli(), "--server", url, "login", "--nip", ADMIN_NIP, NULL};
    int rc = run_capture(argv, 30000, &out);
    ck_assert_msg(rc == 0, "login: %s", out);
    free(out);
    unsetenv("BERKAS_PASSWORD");
}

static int import(const char *what, const char *csv, bool dry, char **out)
{
    char path[1100];
    static int n;
    snprintf(path, sizeof path, "%s/%s-%d.csv", dir, what, ++n);
    ck_assert(write_text(path, csv));
    char *argv[] = {(char *)harness_cli(),    (char *)what, "import", path,
                    dry ? "--dry-run" : NULL, NULL};
    return run_capture(argv, 60000, out);
}

static const char good_offices[] =
    "code,parent,kind,name,tz,class\n"
    "KANWIL-SUMUT,DITJEN,kanwil,Kantor Wilayah Sumatera Utara,Asia/Jakarta,\n"
    "KANIM-MDN,KANWIL-SUMUT,kanim,Kantor Imigrasi Kelas I Khusus TPI Medan,Asia/Jakarta,"
    "Kelas I Khusus TPI\n"
    "\"KANIM-BLW\",KANWIL-SUMUT,kanim,\"Kantor Imigrasi Kelas II TPI Belawan, \"\"Pelabuhan\"\"\","
    "Asia/Jakarta,Kelas II TPI\r\n";

START_TEST(test_csv_import_good_offices_and_users)
{
    fresh();
    start_admin_session();
    char *out;
    int rc = import("office", good_offices, false, &out);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    free(out);
    ck_assert_int_eq(offices(), 4);
    const char *blw[1] = {"KANIM-BLW"};
    char *name = sql_value(conninfo, "SELECT name FROM app.offices WHERE code = $1", 1, blw);
    ck_assert_str_eq(name, "Kantor Imigrasi Kelas II TPI Belawan, \"Pelabuhan\"");
    free(name);

    /* one user with a password given, one without: the second gets one */
    rc = import("user",
                "nip,name,office,role,golongan,ppns_card_no,ppns_valid_until,password\n"
                "198901012015011001,Budi Penyidik,KANIM-MDN,investigator,III/b,PPNS-IMI-0001/2025,"
                "2029-12-31,sungai deli mengalir ke selat\n"
                "198902022015012002,Rina Pengawas,KANWIL-SUMUT,supervisor,IV/a,,,\n",
                false, &out);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    ck_assert_int_eq(users(), 3);
    const char *line = strstr(out, "198902022015012002\t");
    ck_assert_msg(line, "no generated password: %s", out);
    char generated[64];
    snprintf(generated, sizeof generated, "%.*s", (int)strcspn(line + 19, "\n"), line + 19);
    free(out);
    ck_assert_int_eq((int)strlen(generated), 23);
    int port = (int)strtol(strrchr(url, ':') + 1, NULL, 10);
    char *t1 = api_login(port, "198901012015011001", "sungai deli mengalir ke selat");
    char *t2 = api_login(port, "198902022015012002", generated);
    ck_assert_ptr_nonnull(t1);
    ck_assert_ptr_nonnull(t2);
    free(t1);
    free(t2);
    proc_stop(&server);
    proc_free(&server);
    done();
}
END_TEST

START_TEST(test_csv_three_bad_rows_all_named_nothing_written)
{
    fresh();
    start_admin_session();
    char *out;
    /* lines 3, 5 and 6 are bad: a kind unknown, a duplicate code, a parent that is nowhere */
    int rc = import("office",
                    "code,parent,kind,name,tz\n"
                    "KANWIL-ACEH,DITJEN,kanwil,Kantor Wilayah Aceh,Asia/Jakarta\n"
                    "KANIM-X,KANWIL-ACEH,kantor,Kantor Salah Jenis,Asia/Jakarta\n"
                    "KANWIL-RIAU,DITJEN,kanwil,Kantor Wilayah Riau,Asia/Jakarta\n"
                    "KANWIL-ACEH,DITJEN,kanwil,Kantor Wilayah Aceh Lagi,Asia/Jakarta\n"
                    "KANWIL-BALI,DITJEN-XX,kanwil,Kantor Wilayah Bali,Asia/Makassar\n",
                    false, &out);
    ck_assert_int_eq(rc, 1);
    ck_assert_msg(strstr(out, ".csv:3: ") && strstr(out, ".csv:5: code") &&
                      strstr(out, ".csv:6: parent"),
                  "%s", out);
    ck_assert_msg(!strstr(out, ".csv:2:") && !strstr(out, ".csv:4:"), "%s", out);
    ck_assert_msg(strstr(out, "3 baris salah"), "%s", out);
    free(out);
    ck_assert_int_eq(offices(), 1);

    /* users: a weak password, a prosecutor at Imigrasi, an investigator without a card */
    rc = import("user",
                "nip,name,office,role,password\n"
                "198901012015011001,Budi,DITJEN,supervisor,Password2026!\n"
                "198902022015012002,Rina,DITJEN,prosecutor,\n"
                "198903032015011003,Tono,DITJEN,investigator,\n",
                false, &out);
    ck_assert_int_eq(rc, 1);
    ck_assert_msg(strstr(out, ".csv:2: password") && strstr(out, ".csv:3: role") &&
                      strstr(out, ".csv:4: ppns"),
                  "%s", out);
    free(out);
    ck_assert_int_eq(users(), 1);
    proc_stop(&server);
    proc_free(&server);
    done();
}
END_TEST

START_TEST(test_csv_dry_run_writes_nothing)
{
    fresh();
    start_admin_session();
    char *out;
    long long audit0 = sql_count(conninfo, "SELECT count(*) FROM audit.events", 0, NULL);
    int rc = import("office", good_offices, true, &out);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    ck_assert_msg(strstr(out, "--dry-run"), "%s", out);
    free(out);
    ck_assert_int_eq(offices(), 1);
    rc = import("user",
                "nip,name,office,role\n"
                "198902022015012002,Rina Pengawas,DITJEN,supervisor\n",
                true, &out);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    ck_assert_msg(!strstr(out, "198902022015012002\t"), "a dry run printed a password: %s", out);
    free(out);
    ck_assert_int_eq(users(), 1);
    /* the attempts are audited, nothing else is */
    ck_assert_int_eq(sql_count(conninfo, "SELECT count(*) FROM audit.events", 0, NULL), audit0 + 2);
    /* the same file for real then writes */
    ck_assert_int_eq(import("office", good_offices, false, &out), 0);
    free(out);
    ck_assert_int_eq(offices(), 4);
    proc_stop(&server);
    proc_free(&server);
    done();
}
END_TEST

/* ---- berkasd --check-config and the installed tree (issue 14.2, 14.3) ---------------- */

static int check_config(char **out, ...)
{
    char *argv[32] = {(char *)harness_berkasd(), "--check-config"};
    size_t n = 2;
    va_list ap;
    va_start(ap, out);
    for (const char *a; n < 31 && (a = va_arg(ap, const char *)) != NULL;)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return run_capture(argv, 60000, out);
}

START_TEST(test_check_config_reports_what_a_start_finds)
{
    fresh();
    char data[1100], listen[64], *out;
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(listen, sizeof listen, "127.0.0.1:%d", free_port());
    int rc = check_config(&out, "--data-dir", data, "--listen", listen, "--sql-dir",
                          harness_sql_dir(), NULL);
    ck_assert_msg(rc == 0, "%d %s", rc, out);
    static const char *const lines[] = {"ok    listen",    "ok    data dir", "ok    sql dir",
                                        "ok    templates", "ok    fonts",    "ok    password list",
                                        "configuration ok"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        ck_assert_msg(strstr(out, lines[i]), "no '%s' in:\n%s", lines[i], out);
    ck_assert_msg(strstr(out, "not there yet"), "%s", out);
    free(out);
    ck_assert_msg(access(data, F_OK) != 0, "--check-config made the data dir");
    /* --db: the database and its schema */
    rc = check_config(&out, "--db", conninfo, "--listen", listen, NULL);
    ck_assert_msg(rc == 0 && strstr(out, "berkas schema present"), "%d %s", rc, out);
    free(out);
    /* the environment's defaults */
    setenv("BERKAS_LISTEN", listen, 1);
    setenv("BERKAS_DATA_DIR", data, 1);
    rc = check_config(&out, NULL);
    ck_assert_msg(rc == 0 && strstr(out, listen) && strstr(out, data), "%d %s", rc, out);
    free(out);
    unsetenv("BERKAS_LISTEN");
    unsetenv("BERKAS_DATA_DIR");
    done();
}
END_TEST

START_TEST(test_check_config_names_every_problem)
{
    fresh();
    /* a port in use, templates and a password list that are not there */
    struct proc p;
    int port;
    char *extra[] = {"--db", conninfo, NULL};
    ck_assert(berkasd_start(&p, &port, extra));
    char listen[64], *out;
    snprintf(listen, sizeof listen, "127.0.0.1:%d", port);
    int rc = check_config(&out, "--db", conninfo, "--listen", listen, "--template-dir",
                          "/nonexistent/templates", "--password-list", "/nonexistent/pw.lst", NULL);
    ck_assert_int_eq(rc, 1);
    ck_assert_msg(strstr(out, "FAIL  listen") && strstr(out, "FAIL  templates") &&
                      strstr(out, "FAIL  password list") && strstr(out, "ok    database"),
                  "%s", out);
    free(out);
    proc_stop(&p);
    proc_free(&p);
    done();
}
END_TEST

START_TEST(test_installed_berkasd_finds_its_files)
{
    const char *build = getenv("BERKAS_BUILD_ROOT"), *bindir = getenv("BERKAS_INSTALL_BINDIR");
    ck_assert_ptr_nonnull(build);
    ck_assert_ptr_nonnull(bindir);
    fresh();
    char dest[1100], exe[2300], data[1200], listen[64], *out;
    snprintf(dest, sizeof dest, "%s/destdir", dir);
    char *argv[] = {"/usr/bin/meson", "install",   "-C", (char *)build, "--no-rebuild",
                    "--quiet",        "--destdir", dest, NULL};
    int rc = run_capture(argv, 120000, &out);
    ck_assert_msg(rc == 0, "meson install: %d %s", rc, out);
    free(out);
    snprintf(exe, sizeof exe, "%s%s/berkasd", dest, bindir);
    snprintf(data, sizeof data, "%s/var-lib-berkas", dir);
    snprintf(listen, sizeof listen, "127.0.0.1:%d", free_port());
    /* no --sql-dir, --template-dir, --font-dir: found beside the binary */
    char *run[] = {exe, "--check-config", "--data-dir", data, "--listen", listen, NULL};
    rc = run_capture(run, 60000, &out);
    ck_assert_msg(rc == 0, "%s: %d %s", exe, rc, out);
    char where[1200];
    snprintf(where, sizeof where, "%s/", dest);
    ck_assert_msg(strstr(out, "share/berkas/templates") && strstr(out, "share/berkas/sql") &&
                      strstr(out, "share/berkas/fonts") && strstr(out, where),
                  "%s", out);
    free(out);
    /* and it serves from there: migrations applied, a form rendered at start-up */
    snprintf(data, sizeof data, "%s/served", dir);
    char *serve[] = {exe, "--data-dir", data, "--listen", listen, "--unsafe-no-fsync", NULL};
    struct proc p;
    proc_start(&p, serve);
    bool up = false;
    char health[96];
    snprintf(health, sizeof health, "http://%s/healthz", listen);
    for (int i = 0; i < 3000 && !up && !proc_wait(&p, 0); i++) {
        struct http_result r;
        if (http_do("GET", health, NULL, 0, NULL, &r)) {
            up = r.status == 200;
            http_result_free(&r);
        }
        if (!up)
            usleep(10000);
    }
    out = proc_output(&p);
    ck_assert_msg(up, "installed berkasd did not serve:\n%s", out);
    free(out);
    /* the pages too, from the installed share/berkas/web (/healthz answers a
     * moment before the start-up lines are written: asked, not read) */
    char page[96];
    snprintf(page, sizeof page, "http://%s/web/app.js", listen);
    struct http_result r;
    ck_assert(http_do("GET", page, NULL, 0, NULL, &r));
    ck_assert_msg(r.status == 200 && strstr(r.content_type, "javascript"), "%ld %s", r.status,
                  r.content_type);
    http_result_free(&r);
    char web[1300];
    snprintf(web, sizeof web, "%s%s/../share/berkas/web/index.html", dest, bindir);
    ck_assert_msg(access(web, R_OK) == 0, "%s not installed", web);
    proc_stop_clean(&p);
    proc_free(&p);
    done();
}
END_TEST

START_TEST(test_systemd_unit_verifies)
{
    if (access("/usr/bin/systemd-analyze", X_OK) != 0)
        return; /* documented: the check needs systemd's tools */
    fresh();
    char unit_in[1100], unit[1100];
    snprintf(unit_in, sizeof unit_in, "%s/dist/berkasd.service", getenv("BERKAS_SOURCE_ROOT"));
    char *text = read_text(unit_in);
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(strstr(text, "ExecReload=/bin/kill -HUP $MAINPID"), "%s", text);
    ck_assert_msg(strstr(text, "ProtectSystem=strict") && strstr(text, "NoNewPrivileges=yes") &&
                      strstr(text, "PrivateTmp=yes") &&
                      strstr(text, "ReadWritePaths=/var/lib/berkas"),
                  "%s", text);
    /* verify checks that ExecStart exists: point it at this build's berkasd */
    const char *from = strstr(text, "ExecStart=/usr/bin/berkasd");
    ck_assert_ptr_nonnull(from);
    snprintf(unit, sizeof unit, "%s/berkasd.service", dir);
    char *edited = malloc(strlen(text) + 4096);
    snprintf(edited, strlen(text) + 4096, "%.*sExecStart=%s%s", (int)(from - text), text,
             harness_berkasd(), from + strlen("ExecStart=/usr/bin/berkasd"));
    ck_assert(write_text(unit, edited));
    char *argv[] = {"/usr/bin/systemd-analyze", "verify", "--man=no", unit, NULL};
    char *out;
    int rc = run_capture(argv, 60000, &out);
    ck_assert_msg(rc == 0 && !strstr(out, "berkasd.service:"), "%d %s", rc, out);
    free(out);
    free(edited);
    free(text);
    done();
}
END_TEST

/* ---- systemctl reload (SIGHUP) reads the templates again (issue 14.2) ---------------- */

static bool output_has(struct proc *p, const char *needle, int count, int ms)
{
    for (int i = 0; i < ms / 50; i++) {
        char *out = proc_output(p);
        int n = 0;
        for (const char *at = out; (at = strstr(at, needle)) != NULL; at++)
            n++;
        free(out);
        if (n >= count)
            return true;
        usleep(50000);
    }
    return false;
}

struct pdf_loop {
    int port;
    const char *token;
    int done, ok;
};

/* The monthly statistics as a PDF, again and again: a render through the
 * forms' engine while SIGHUPs swap it. */
static void *pdf_loop(void *arg)
{
    struct pdf_loop *l = arg;
    for (int i = 0; i < 12; i++) {
        struct http_result r;
        if (api_call(l->port, "GET", "/api/v1/stats.pdf?month=2026-01", l->token, NULL, &r)) {
            if (r.status == 200 && r.len > 4 && memcmp(r.body, "%PDF", 4) == 0)
                l->ok++;
            else
                fprintf(stderr, "stats.pdf: %ld %.200s\n", r.status, r.body);
            http_result_free(&r);
        }
        l->done++;
    }
    return NULL;
}

START_TEST(test_sighup_reloads_the_templates_a_bad_set_keeps_the_old)
{
    fresh();
    free(conninfo);
    char name[64];
    snprintf(name, sizeof name, "install_reload_%d", (int)getpid());
    conninfo = harness_new_demo_db(name);
    char templates[1100], p16[1200], p17[1200], *out;
    snprintf(templates, sizeof templates, "%s/templates", dir);
    char from[1100];
    snprintf(from, sizeof from, "%s/templates", getenv("BERKAS_SOURCE_ROOT"));
    char *cp[] = {"/bin/cp", "-r", from, templates, NULL};
    ck_assert_int_eq(run_capture(cp, 30000, NULL), 0);
    struct proc p;
    int port;
    char *extra[] = {"--db", conninfo, "--template-dir", templates, NULL};
    ck_assert(berkasd_start(&p, &port, extra));
    char *token = api_login(port, NIP_INV_PLG, DEMO_PW);
    ck_assert_ptr_nonnull(token);
    struct http_result r;
    ck_assert(api_call(port, "GET", "/api/v1/forms", token, NULL, &r));
    ck_assert_msg(r.status == 200 && strstr(r.body, "\"Surat Perintah Penunjukan Jaksa"), "%s",
                  r.body);
    http_result_free(&r);

    /* a template changed, then systemctl reload: the new title is served */
    snprintf(p16, sizeof p16, "%s/p16.xml", templates);
    char *text = read_text(p16);
    ck_assert_ptr_nonnull(text);
    char *at = strstr(text, "title=\"Surat Perintah Penunjukan Jaksa");
    ck_assert_ptr_nonnull(at);
    size_t len = strlen(text);
    char *changed = malloc(len + 16);
    snprintf(changed, len + 16, "%.*stitle=\"Diubah: %s", (int)(at - text), text, at + 7);
    ck_assert(write_text(p16, changed));
    free(changed);
    free(text);
    ck_assert_int_eq(kill(p.pid, SIGHUP), 0);
    ck_assert(output_has(&p, "SIGHUP: templates reloaded", 1, 20000));
    ck_assert(api_call(port, "GET", "/api/v1/forms", token, NULL, &r));
    ck_assert_msg(r.status == 200 && strstr(r.body, "\"Diubah: Surat Perintah Penunjukan"), "%s",
                  r.body);
    http_result_free(&r);

    /* renders run on while reloads swap the engine under them (one SIGHUP
     * at a time: signals sent while one is handled would merge) */
    struct pdf_loop loop = {.port = port, .token = token};
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, pdf_loop, &loop), 0);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(kill(p.pid, SIGHUP), 0);
        ck_assert(output_has(&p, "SIGHUP: templates reloaded", 2 + i, 60000));
    }
    pthread_join(th, NULL);
    ck_assert_int_eq(loop.ok, loop.done);

    /* a broken template: one line naming it, the set in force stays */
    snprintf(p17, sizeof p17, "%s/p17.xml", templates);
    ck_assert(write_text(p17, "<?xml version=\"1.0\"?>\n<form xmlns=\"urn:berkas:form:1\">\n"));
    ck_assert_int_eq(kill(p.pid, SIGHUP), 0);
    ck_assert(output_has(&p, "SIGHUP: templates kept as they were", 1, 20000));
    out = proc_output(&p);
    const char *line = strstr(out, "SIGHUP: templates kept as they were");
    ck_assert_msg(strstr(line, "p17.xml") && strstr(line, "p17.xml") < strchr(line, '\n'), "%s",
                  line);
    free(out);
    ck_assert(pid_alive(p.pid));
    ck_assert(api_call(port, "GET", "/api/v1/forms", token, NULL, &r));
    ck_assert_msg(r.status == 200 && strstr(r.body, "\"Diubah: Surat Perintah Penunjukan") &&
                      strstr(r.body, "\"P-17\""),
                  "%s", r.body);
    http_result_free(&r);
    ck_assert(api_call(port, "GET", "/api/v1/stats.pdf?month=2026-01", token, NULL, &r));
    ck_assert_int_eq(r.status, 200);
    http_result_free(&r);
    free(token);
    proc_stop_clean(&p);
    proc_free(&p);
    done();
}
END_TEST

Suite *suite_install(void)
{
    Suite *s = suite_create("install");
    TCase *tc = tcase_create("first-start");
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, test_init_plants_the_tree_once_and_the_admin_logs_on);
    tcase_add_test(tc, test_init_refused_the_second_time_in_one_line);
    tcase_add_test(tc, test_init_weak_password_refused_nothing_written);
    tcase_add_test(tc, test_csv_import_good_offices_and_users);
    tcase_add_test(tc, test_csv_three_bad_rows_all_named_nothing_written);
    tcase_add_test(tc, test_csv_dry_run_writes_nothing);
    suite_add_tcase(s, tc);
    TCase *deploy = tcase_create("deploy");
    tcase_set_timeout(deploy, 300);
    tcase_add_test(deploy, test_check_config_reports_what_a_start_finds);
    tcase_add_test(deploy, test_check_config_names_every_problem);
    tcase_add_test(deploy, test_installed_berkasd_finds_its_files);
    tcase_add_test(deploy, test_systemd_unit_verifies);
    tcase_add_test(deploy, test_sighup_reloads_the_templates_a_bad_set_keeps_the_old);
    suite_add_tcase(s, deploy);
    return s;
}
