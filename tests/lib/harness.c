/* harness.c - see harness.h. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "harness.h"

#include <check.h>
#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/cluster.h"
#include "store/db.h"
#include "store/migrate.h"

#define TEMPLATE_DB "berkas_template"

static struct cluster *the_cluster;
static char *run_dir;
static pid_t owner_pid;

static void die(const char *what, const char *why)
{
    fprintf(stderr, "harness: %s: %s\n", what, why);
    harness_stop();
    exit(2);
}

const char *harness_berkasd(void)
{
    const char *p = getenv("BERKASD");
    if (!p)
        die("BERKASD", "not set (run the tests with meson test)");
    return p;
}

const char *harness_cli(void)
{
    const char *p = getenv("BERKAS_CLI");
    if (!p)
        die("BERKAS_CLI", "not set (run the tests with meson test)");
    return p;
}

const char *harness_sql_dir(void)
{
    const char *p = getenv("BERKAS_SQL_DIR");
    if (!p)
        die("BERKAS_SQL_DIR", "not set (run the tests with meson test)");
    return p;
}

static void quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static void exec_admin(const char *sql)
{
    char *ci = cluster_conninfo_for(the_cluster, "postgres");
    PGconn *c = PQconnectdb(ci);
    free(ci);
    if (PQstatus(c) != CONNECTION_OK)
        die("connect", PQerrorMessage(c));
    PQsetNoticeProcessor(c, quiet, NULL);
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        die(sql, PQresultErrorMessage(r));
    PQclear(r);
    PQfinish(c);
}

static void on_exit_stop(void)
{
    harness_stop();
}

void harness_start(void)
{
    owner_pid = getpid();
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/berkas-test-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpl))
        die("mkdtemp", strerror(errno));
    chmod(tmpl, 0711); /* the cluster user must be able to enter when we are root */
    run_dir = strdup(tmpl);
    atexit(on_exit_stop);

    char data[600];
    snprintf(data, sizeof data, "%s/pg", run_dir);
    struct berr err = {0};
    struct cluster_opts o = {.data_dir = data, .no_sync = true, .dbname = "postgres"};
    the_cluster = cluster_open(&o, &err);
    if (!the_cluster || !cluster_start(the_cluster, &err))
        die("test cluster", err.message);

    exec_admin("CREATE DATABASE " TEMPLATE_DB);
    char *ci = cluster_conninfo_for(the_cluster, TEMPLATE_DB);
    PGconn *c = db_connect(ci, &err);
    free(ci);
    if (!c)
        die("template", err.message);
    struct migrate_result mr;
    if (!migrate_run(c, harness_sql_dir(), &mr, &err))
        die("migrations on the template", err.message);
    PQfinish(c);
    fprintf(stderr, "harness: PostgreSQL cluster in %s, template with %d migrations\n", data,
            mr.total);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void harness_stop(void)
{
    if (getpid() != owner_pid) /* a forked test must not stop the run's cluster */
        return;
    if (the_cluster) {
        cluster_free(the_cluster);
        the_cluster = NULL;
    }
    if (run_dir && !getenv("BERKAS_KEEP_TEST_DIR")) {
        nftw(run_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    }
    free(run_dir);
    run_dir = NULL;
}

static char *new_db(const char *name, const char *template)
{
    char sql[512];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
    exec_admin(sql);
    snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\" TEMPLATE %s", name, template);
    exec_admin(sql);
    return cluster_conninfo_for(the_cluster, name);
}

char *harness_new_db(const char *name)
{
    return new_db(name, TEMPLATE_DB);
}

#define DEMO_TEMPLATE_DB "berkas_demo_template"

char *harness_new_demo_db(const char *name)
{
    char *admin = cluster_conninfo_for(the_cluster, "postgres");
    long long have = sql_count(
        admin, "SELECT count(*) FROM pg_database WHERE datname = '" DEMO_TEMPLATE_DB "'", 0, NULL);
    free(admin);
    if (have == 0) {
        /* made under a temporary name and renamed when whole, so that a
         * failed load never leaves a template the next call would trust */
        char *ci = new_db(DEMO_TEMPLATE_DB "_making", TEMPLATE_DB);
        struct proc p;
        int port;
        char *extra[] = {"--db", ci, "--demo", NULL};
        if (!berkasd_start(&p, &port, extra)) {
            char *out = proc_output(&p);
            die("demo template", out ? out : "berkasd did not start");
        }
        int rc = proc_stop(&p);
        char *out = proc_output(&p);
        proc_free(&p);
        free(ci);
        if (rc != 0)
            die("demo template: berkasd did not stop cleanly", out);
        free(out);
        exec_admin("ALTER DATABASE " DEMO_TEMPLATE_DB "_making RENAME TO " DEMO_TEMPLATE_DB);
    }
    return new_db(name, DEMO_TEMPLATE_DB);
}

char *harness_new_empty_db(const char *name)
{
    return new_db(name, "template0");
}

char *harness_mkdtemp(const char *prefix)
{
    char tmpl[700];
    snprintf(tmpl, sizeof tmpl, "%s/%s-XXXXXX", run_dir ? run_dir : "/tmp", prefix);
    if (!mkdtemp(tmpl))
        return NULL;
    chmod(tmpl, 0711);
    return strdup(tmpl);
}

/* ---- clusters of a suite's own ------------------------------------------------------ */

static struct cluster *own_cluster(const char *prefix, const char *dbname, bool standby_of_given,
                                   struct cluster *primary, char **conninfo)
{
    char *dir = harness_mkdtemp(prefix);
    ck_assert_ptr_nonnull(dir);
    struct berr err = {0};
    struct cluster_opts o = {.data_dir = dir, .no_sync = true, .dbname = dbname};
    struct cluster *c = cluster_open(&o, &err);
    free(dir);
    ck_assert_msg(c != NULL, "%s: %s", prefix, err.message);
    bool ok =
        (!standby_of_given || cluster_make_standby(c, primary, &err)) && cluster_start(c, &err);
    if (!ok)
        cluster_free(c);
    ck_assert_msg(ok, "%s: %s", prefix, err.message);
    *conninfo = cluster_conninfo_for(c, dbname);
    return c;
}

struct cluster *harness_cluster_new(const char *prefix, const char *dbname, char **conninfo)
{
    return own_cluster(prefix, dbname, false, NULL, conninfo);
}

struct cluster *harness_standby_new(struct cluster *primary, const char *dbname, char **conninfo)
{
    return own_cluster("standby", dbname, true, primary, conninfo);
}

/* ---- processes ------------------------------------------------------------------- */

static int log_counter;

void proc_start(struct proc *p, char *const argv[])
{
    memset(p, 0, sizeof *p);
    char path[700];
    snprintf(path, sizeof path, "%s/proc-%d-%d.log", run_dir ? run_dir : "/tmp", (int)getpid(),
             ++log_counter);
    p->log_path = strdup(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t parent = getpid();
    p->pid = fork();
    if (p->pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent)
            _exit(1);
        dup2(fd, 1);
        dup2(fd, 2);
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        execv(argv[0], argv);
        dprintf(2, "exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(fd);
}

bool proc_wait(struct proc *p, int timeout_ms)
{
    if (p->reaped)
        return true;
    for (int waited = 0; waited <= timeout_ms; waited += 10) {
        int st;
        pid_t w = waitpid(p->pid, &st, WNOHANG);
        if (w == p->pid) {
            p->reaped = true;
            p->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            return true;
        }
        usleep(10000);
    }
    return false;
}

int proc_stop(struct proc *p)
{
    if (!p->pid)
        return -1;
    if (!p->reaped) {
        kill(p->pid, SIGTERM);
        if (!proc_wait(p, 20000)) {
            kill(p->pid, SIGKILL);
            proc_wait(p, 5000);
        }
    }
    return p->status;
}

void proc_stop_clean(struct proc *p)
{
    int rc = proc_stop(p);
    if (rc == 0)
        return;
    char *out = proc_output(p);
    size_t n = strlen(out);
    char tail[2001];
    snprintf(tail, sizeof tail, "%s", n > 2000 ? out + n - 2000 : out);
    free(out);
    ck_abort_msg("exit status %d on SIGTERM (128+N: killed by signal N); its output ends:\n%s", rc,
                 tail);
}

char *proc_output(const struct proc *p)
{
    char *s = read_text(p->log_path);
    return s ? s : strdup("");
}

void proc_free(struct proc *p)
{
    if (p->pid && !p->reaped)
        proc_stop(p);
    free(p->log_path);
    memset(p, 0, sizeof *p);
}

int run_capture(char *const argv[], int timeout_ms, char **out)
{
    struct proc p;
    proc_start(&p, argv);
    if (!proc_wait(&p, timeout_ms)) {
        kill(p.pid, SIGKILL);
        proc_wait(&p, 5000);
        p.status = -1;
    }
    if (out)
        *out = proc_output(&p);
    int st = p.status;
    unlink(p.log_path);
    proc_free(&p);
    return st;
}

int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    if (bind(fd, (struct sockaddr *)&a, sizeof a) == -1 ||
        getsockname(fd, (struct sockaddr *)&a, &len) == -1) {
        close(fd);
        return -1;
    }
    close(fd);
    return ntohs(a.sin_port);
}

bool berkasd_start(struct proc *p, int *port, char *const extra[])
{
    *port = free_port();
    char listen[64];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", *port);
    char *argv[32];
    int n = 0;
    argv[n++] = (char *)harness_berkasd();
    argv[n++] = "--listen";
    argv[n++] = listen;
    argv[n++] = "--sql-dir";
    argv[n++] = (char *)harness_sql_dir();
    argv[n++] = "--threads";
    argv[n++] = "2";
    for (int i = 0; extra && extra[i] && n < 30; i++)
        argv[n++] = extra[i];
    argv[n] = NULL;
    proc_start(p, argv);
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/healthz", *port);
    for (int i = 0; i < 3000; i++) { /* 30 s: a first start runs initdb */
        if (proc_wait(p, 0))
            return false;
        struct http_result r;
        if (http_do("GET", url, NULL, 0, NULL, &r)) {
            bool ok = r.status == 200;
            http_result_free(&r);
            if (ok)
                return true;
        }
        usleep(10000);
    }
    return false;
}

/* ---- HTTP ------------------------------------------------------------------------ */

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    struct http_result *r = userp;
    size_t n = size * nmemb, old = r->len;
    char *grown = realloc(r->body, old + n + 1);
    if (!grown)
        return 0;
    memcpy(grown + old, data, n);
    grown[old + n] = '\0';
    r->body = grown;
    r->len = old + n;
    return n;
}

static void copy_header(const char *line, size_t n, const char *key, char *dst, size_t dstsz)
{
    size_t k = strlen(key);
    if (n <= k || strncasecmp(line, key, k) != 0)
        return;
    const char *v = line + k;
    while (*v == ' ')
        v++;
    size_t len = strcspn(v, "\r\n");
    if (len >= dstsz)
        len = dstsz - 1;
    memcpy(dst, v, len);
    dst[len] = '\0';
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userp)
{
    struct http_result *r = userp;
    size_t n = size * nmemb;
    copy_header(data, n, "content-type:", r->content_type, sizeof r->content_type);
    copy_header(data, n, "allow:", r->allow, sizeof r->allow);
    copy_header(data, n, "retry-after:", r->retry_after, sizeof r->retry_after);
    copy_header(data, n, "location:", r->location, sizeof r->location);
    copy_header(data, n, "content-disposition:", r->disposition, sizeof r->disposition);
    copy_header(data, n, "x-content-type-options:", r->nosniff, sizeof r->nosniff);
    return n;
}

bool http_do(const char *method, const char *url, const char *body, size_t body_len,
             const char *const headers[], struct http_result *out)
{
    return http_do_from(NULL, method, url, body, body_len, headers, out);
}

bool http_do_from(const char *source, const char *method, const char *url, const char *body,
                  size_t body_len, const char *const headers[], struct http_result *out)
{
    memset(out, 0, sizeof *out);
    CURL *c = curl_easy_init();
    if (!c)
        return false;
    struct curl_slist *hl = NULL;
    for (int i = 0; headers && headers[i]; i++)
        hl = curl_slist_append(hl, headers[i]);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    if (strcmp(method, "HEAD") == 0)
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, out);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (source)
        curl_easy_setopt(c, CURLOPT_INTERFACE, source);
    CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
    curl_slist_free_all(hl);
    curl_easy_cleanup(c);
    if (rc != CURLE_OK) {
        http_result_free(out);
        return false;
    }
    if (!out->body)
        out->body = calloc(1, 1);
    return true;
}

void http_result_free(struct http_result *r)
{
    free(r->body);
    r->body = NULL;
}

/* ---- misc ------------------------------------------------------------------------ */

bool pid_alive(pid_t pid)
{
    if (pid <= 0)
        return false;
    if (kill(pid, 0) == -1 && errno == ESRCH)
        return false;
    /* a zombie is not alive */
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    char *s = read_text(path);
    bool zombie = s && strstr(s, ") Z ");
    free(s);
    return !zombie;
}

int count_processes_with(const char *needle)
{
    int n = 0;
    DIR *d = opendir("/proc");
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        char path[300];
        snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        char buf[4096];
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        for (size_t i = 0; i < len; i++)
            if (buf[i] == '\0')
                buf[i] = ' ';
        buf[len] = '\0';
        if (strstr(buf, needle) && pid_alive((pid_t)strtol(e->d_name, NULL, 10)))
            n++;
    }
    closedir(d);
    return n;
}

char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (cap - len < 2) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

bool write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

int count_lines(const char *s)
{
    int n = 0;
    for (const char *p = s; *p; p++)
        if (*p == '\n')
            n++;
    if (*s && s[strlen(s) - 1] != '\n')
        n++;
    return n;
}

void days_ago(int ago, char out[11])
{
    time_t t = time(NULL) + 7 * 3600 - (time_t)ago * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* ---- the API as a client ------------------------------------------------------- */

bool api_call(int port, const char *method, const char *path, const char *token,
              const char *json_body, struct http_result *out)
{
    char url[512], auth[160];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    const char *headers[3] = {NULL, NULL, NULL};
    int n = 0;
    if (token) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        headers[n++] = auth;
    }
    if (json_body)
        headers[n++] = "Content-Type: application/json";
    return http_do(method, url, json_body, json_body ? strlen(json_body) : 0, headers, out);
}

json_t *api_json(int port, const char *method, const char *path, const char *token,
                 const char *json_body, long want)
{
    struct http_result r;
    ck_assert(api_call(port, method, path, token, json_body, &r));
    ck_assert_msg(r.status == want, "%s %s %s: want %ld, got %ld: %.700s", method, path,
                  json_body ? json_body : "", want, r.status, r.body);
    if (want >= 400)
        ck_assert_msg(strstr(r.content_type, "application/problem+json") != NULL,
                      "%s %s: a refusal is problem+json, not %s", method, path, r.content_type);
    bool is_json = strstr(r.content_type, "json") != NULL;
    json_t *j = is_json && r.body[0] ? json_loads(r.body, 0, NULL) : json_object();
    ck_assert_msg(j != NULL, "not JSON: %.300s", r.body);
    http_result_free(&r);
    return j;
}

int api_seized_all(int port, long long case_id, const char *token, long long seizure)
{
    char path[128], body[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", case_id);
    json_t *c = api_json(port, "GET", path, token, NULL, 200);
    json_t *items = json_object_get(c, "evidence"), *e;
    size_t i;
    int n = 0;
    snprintf(body, sizeof body, "{\"seizure_event\":%lld}", seizure);
    json_array_foreach(items, i, e)
    {
        if (json_integer_value(json_object_get(e, "seizure_event")))
            continue;
        snprintf(path, sizeof path, "/api/v1/cases/%lld/evidence/%lld", case_id,
                 (long long)json_integer_value(json_object_get(e, "id")));
        json_decref(api_json(port, "PUT", path, token, body, 200));
        n++;
    }
    json_decref(c);
    return n;
}

char *api_evidence_ids(int port, long long case_id, const char *token)
{
    char path[96];
    snprintf(path, sizeof path, "/api/v1/cases/%lld", case_id);
    json_t *c = api_json(port, "GET", path, token, NULL, 200);
    json_t *ids = json_array(), *e;
    size_t i;
    json_array_foreach(json_object_get(c, "evidence"), i, e)
    {
        json_array_append(ids, json_object_get(e, "id"));
    }
    char *text = json_dumps(ids, JSON_COMPACT);
    json_decref(ids);
    json_decref(c);
    ck_assert(text != NULL);
    return text;
}

char *api_login(int port, const char *nip, const char *password)
{
    char body[512];
    snprintf(body, sizeof body, "{\"nip\":\"%s\",\"password\":\"%s\"}", nip, password);
    struct http_result r;
    if (!api_call(port, "POST", "/api/v1/sessions", NULL, body, &r))
        return NULL;
    char *token = NULL;
    const char *key = "\"token\":\"";
    const char *at = r.status == 201 ? strstr(r.body, key) : NULL;
    if (at) {
        at += strlen(key);
        size_t len = strcspn(at, "\"");
        token = strndup(at, len);
    }
    http_result_free(&r);
    return token;
}

json_t *api_act(int port, long long case_id, const char *token, const char *members, long want)
{
    char path[96], body[2048];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/events", case_id);
    int n = snprintf(body, sizeof body, "{%s}", members);
    ck_assert_msg(n > 0 && (size_t)n < sizeof body, "act too long: %.200s", members);
    return api_json(port, "POST", path, token, body, want);
}

long long api_id(json_t *j)
{
    long long id = json_integer_value(json_object_get(j, "id"));
    json_decref(j);
    return id;
}

/* ---- SQL as the owner ---------------------------------------------------------- */

char *sql_value(const char *conninfo, const char *sql, int nparams, const char *const *params)
{
    PGconn *c = PQconnectdb(conninfo);
    if (PQstatus(c) != CONNECTION_OK) {
        fprintf(stderr, "sql_value: %s", PQerrorMessage(c));
        abort();
    }
    PQsetNoticeProcessor(c, quiet, NULL);
    PGresult *r = PQexecParams(c, sql, nparams, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        fprintf(stderr, "sql_value: %s: %s", sql, PQresultErrorMessage(r));
        abort();
    }
    char *v = NULL;
    if (st == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
        v = strdup(PQgetvalue(r, 0, 0));
    PQclear(r);
    PQfinish(c);
    return v;
}

long long sql_count(const char *conninfo, const char *sql, int nparams, const char *const *params)
{
    char *v = sql_value(conninfo, sql, nparams, params);
    long long n = v ? strtoll(v, NULL, 10) : -1;
    free(v);
    return n;
}

void harness_setting(const char *conninfo, const char *key, const char *value)
{
    const char *p[2] = {key, value};
    char *k = sql_value(conninfo, "UPDATE app.settings SET value = $2 WHERE key = $1 RETURNING key",
                        2, p);
    if (!k)
        die(key, "no such setting");
    free(k);
}

long long harness_legacy_act(const char *conninfo, long long id, const char *type, const char *date,
                             long long corrects, long long party, const char *payload)
{
    char cid[24], fix[24], who[24];
    snprintf(cid, sizeof cid, "%lld", id);
    snprintf(fix, sizeof fix, "%lld", corrects);
    snprintf(who, sizeof who, "%lld", party);
    const char *p[6] = {cid, type, date, fix, who, payload ? payload : "{}"};
    char *v = sql_value(conninfo,
                        "WITH c AS (SELECT * FROM app.cases WHERE id = $1::bigint FOR UPDATE), "
                        "e AS (INSERT INTO app.events (case_id, seq, type, legal_date, legal_at, "
                        "doc_number, party_id, corrects, regime, stage_before, stage_after, "
                        "payload, entered_at, entered_by, late, prev_hash, hash) SELECT "
                        "x.case_id, c.events + 1, $2, $3::date, NULL, '', "
                        "nullif($5::bigint, 0), nullif($4::bigint, 0), x.regime, c.stage, "
                        "c.stage, $6::jsonb, now(), x.entered_by, false, '\\x00', '\\x00' "
                        "FROM app.events x, c WHERE x.case_id = c.id AND x.seq = c.events "
                        "RETURNING id, seq, hash), "
                        "u AS (UPDATE app.cases SET events = e.seq, version = version + 1, "
                        "last_hash = e.hash FROM e WHERE app.cases.id = $1::bigint) "
                        "SELECT id FROM e",
                        6, p);
    if (!v)
        die(type, "the legacy act was not appended");
    long long ev = strtoll(v, NULL, 10);
    free(v);
    return ev;
}

/* ---- a suite's berkasd on the demo data ------------------------------------------ */

void demo_server_start(struct demo_server *s, const char *dbname)
{
    *s = (struct demo_server){0};
    s->db = harness_new_demo_db(dbname);
    char *extra[] = {"--db", s->db, "--demo", NULL};
    if (!berkasd_start(&s->proc, &s->port, extra)) {
        char *out = proc_output(&s->proc);
        die(dbname, out ? out : "berkasd did not start");
    }
    s->inv = demo_server_login(s, NIP_INV_PLG);
    s->pros = demo_server_login(s, NIP_PROS_PLG);
    s->kejari_plg = demo_server_office(s, "KEJARI-PLG");
}

void demo_server_stop(struct demo_server *s)
{
    int status = proc_stop(&s->proc);
    if (status != 0)
        fprintf(stderr, "demo_server: berkasd on %s exited with status %d\n", s->db, status);
    proc_free(&s->proc);
    for (int i = 0; i < s->ntokens; i++)
        free(s->tokens[i]);
    free(s->db);
    *s = (struct demo_server){0};
}

const char *demo_server_login(struct demo_server *s, const char *nip)
{
    int max = (int)(sizeof s->tokens / sizeof s->tokens[0]);
    if (s->ntokens == max)
        die(nip, "demo_server_login: more log-ons than a demo_server keeps");
    char *token = api_login(s->port, nip, DEMO_PW);
    if (!token)
        die(nip, "the demo log-on was refused");
    s->tokens[s->ntokens++] = token;
    return token;
}

long long demo_server_office(const struct demo_server *s, const char *code)
{
    const char *p[1] = {code};
    char *v = sql_value(s->db, "SELECT id FROM app.offices WHERE code = $1", 1, p);
    if (!v)
        die(code, "no such office in the demo database");
    long long id = strtoll(v, NULL, 10);
    free(v);
    return id;
}
