/*
 * cluster.c - the embedded PostgreSQL cluster; see cluster.h for the layout
 * and the promises.
 *
 * Everything here runs in the main thread: at start-up, before any other
 * thread exists, at shut-down, after they are gone, and in between only the
 * supervision (cluster_reap, cluster_restart), which touches nothing the
 * other threads use.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "cluster.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/mustcheck.h"

#define PG_PORT           "5432"
#define SOCKET_PATH_MAX   107 /* sizeof(sun_path) - 1 */
#define START_TIMEOUT_MS  30000
#define STOP_TIMEOUT_MS   30000
#define DEFAULT_DBNAME    "berkas"
#define CLUSTER_SUPERUSER "berkas"

struct cluster {
    char *data_dir;   /* absolute */
    char *pg_dir;     /* DATA/pg */
    char *initdb_dir; /* DATA/pg.initdb */
    char *log_path;   /* DATA/postgres.log */
    char *bindir;
    char *dbname;
    char *conninfo;
    bool no_sync;
    bool created_data_dir; /* we made DATA in this run: remove it on failure */
    bool created_cluster;  /* initdb ran in this run */
    int lock_fd;
    pid_t pid;
    /* who the cluster runs as: ourselves, or 'postgres' when we are root */
    bool drop_privileges;
    uid_t run_uid;
    gid_t run_gid;
    char *run_user;
};

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

static char *path_join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* Characters that initdb's own use of system() would mis-quote. */
static bool path_is_safe(const char *p)
{
    return strpbrk(p, "\"'\\$`\n\r") == NULL;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Leaves errno as it found it: a caller cleaning up after a failed call
 * still reports that call's reason. */
static void remove_tree(const char *path)
{
    int saved = errno;
    struct stat st;
    if (lstat(path, &st) == 0)
        nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    errno = saved;
}

/* mkdir -p for the parents of path (not path itself). */
static bool make_parents(const char *path, struct berr *err)
{
    char *copy = strdup(path);
    if (!copy)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0755) == -1 && errno != EEXIST) {
            berr_set(err, BERR_BAD_INPUT, "cannot create directory %s: %s", copy, strerror(errno));
            free(copy);
            return false;
        }
        *p = '/';
    }
    free(copy);
    return true;
}

static char *absolute_path(const char *p)
{
    if (p[0] == '/')
        return strdup(p);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return NULL;
    /* keep it tidy for messages: drop a leading "./" */
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    return path_join(cwd, p);
}

/* ---- running a child as the cluster user ----------------------------------------------- */

/* In the child, after fork: become the cluster user (when root), restore the
 * signal state berkasd changed, and send output to log_fd. */
static void child_setup(const struct cluster *c, int log_fd)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    setsid(); /* a terminal's Ctrl-C goes to berkasd, which stops us in order */

    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) {
        dup2(devnull, STDIN_FILENO);
        close(devnull);
    }
    if (log_fd >= 0) {
        dup2(log_fd, STDOUT_FILENO);
        dup2(log_fd, STDERR_FILENO);
        close(log_fd);
    }
    if (c->drop_privileges) {
        if (setgroups(0, NULL) == -1 || setgid(c->run_gid) == -1 || setuid(c->run_uid) == -1) {
            dprintf(STDERR_FILENO, "berkasd: cannot become user %s: %s\n", c->run_user,
                    strerror(errno));
            _exit(126);
        }
    }
}

/* Run argv[0] from bindir as the cluster user, output appended to log_path;
 * returns the exit status, or -1 when it could not be run.  The program gets
 * its full path as its argv[0]: initdb and postgres find their own directory
 * (and from it postgres, the share dir) from argv[0], through PATH when it
 * has no slash, and the bindir is not on a service's PATH. */
static int run_tool(const struct cluster *c, char *const argv[], const char *log_path)
{
    int log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    pid_t pid = fork();
    if (pid == -1) {
        if (log_fd >= 0)
            close(log_fd);
        return -1;
    }
    if (pid == 0) {
        if (log_fd >= 0)
            fcntl(log_fd, F_SETFD, 0);
        child_setup(c, log_fd);
        char *exe = path_join(c->bindir, argv[0]);
        char *args[32];
        size_t n = 0;
        args[n++] = exe;
        for (size_t i = 1; argv[i] && n < 31; i++)
            args[n++] = argv[i];
        args[n] = NULL;
        execv(exe, args);
        dprintf(STDERR_FILENO, "berkasd: cannot run %s: %s\n", exe, strerror(errno));
        _exit(127);
    }
    if (log_fd >= 0)
        close(log_fd);
    int status;
    while (waitpid(pid, &status, 0) == -1)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The last non-empty line of a log file, for one-line error messages. */
static void last_log_line(const char *path, char *out, size_t outsz)
{
    out[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n > 0) {
            if (n >= outsz)
                n = outsz - 1;
            memcpy(out, line, n);
            out[n] = '\0';
        }
    }
    fclose(f);
}

/* ---- finding things ------------------------------------------------------------------- */

static bool bindir_has_tools(const char *dir)
{
    char *a = path_join(dir, "initdb"), *b = path_join(dir, "postgres");
    bool ok = a && b && access(a, X_OK) == 0 && access(b, X_OK) == 0;
    free(a);
    free(b);
    return ok;
}

/* The Debian way: pg_config --bindir, else the newest /usr/lib/postgresql/N/bin. */
static char *find_bindir(void)
{
    const char *env = getenv("BERKAS_PG_BINDIR");
    if (env && *env)
        return bindir_has_tools(env) ? strdup(env) : NULL;

    FILE *p = popen("pg_config --bindir 2>/dev/null", "r");
    if (p) {
        char line[1024] = "";
        char *got = fgets(line, sizeof line, p);
        pclose(p);
        if (got) {
            line[strcspn(line, "\r\n")] = '\0';
            if (bindir_has_tools(line))
                return strdup(line);
        }
    }
    int best = -1;
    DIR *d = opendir("/usr/lib/postgresql");
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            char *end;
            long v = strtol(e->d_name, &end, 10);
            if (*end || v <= best || v > 1000)
                continue;
            char dir[256];
            snprintf(dir, sizeof dir, "/usr/lib/postgresql/%ld/bin", v);
            if (bindir_has_tools(dir))
                best = (int)v;
        }
        closedir(d);
    }
    if (best < 0)
        return NULL;
    char dir[256];
    snprintf(dir, sizeof dir, "/usr/lib/postgresql/%d/bin", best);
    return strdup(dir);
}

/* As root: can the cluster user reach and enter dir?  On failure, names the
 * first directory on the way that stops it. */
static bool cluster_user_can_enter(const struct cluster *c, const char *dir, struct berr *err)
{
    pid_t pid = fork();
    if (pid == -1)
        return berr_set(err, BERR_INTERNAL, "fork: %s", strerror(errno));
    if (pid == 0) {
        if (setgroups(0, NULL) == -1 || setgid(c->run_gid) == -1 || setuid(c->run_uid) == -1)
            _exit(2);
        _exit(access(dir, X_OK) == 0 ? 0 : 1);
    }
    int status;
    while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
        ;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;

    /* find the blocking ancestor, for a message that says what to change */
    char *copy = strdup(dir), *block = NULL;
    for (char *p = copy; p && *p;) {
        char *slash = strchr(p + 1, '/');
        if (slash)
            *slash = '\0';
        struct stat st;
        const char *cur = copy[0] ? copy : "/";
        if (stat(cur, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid != c->run_uid &&
            !(st.st_mode & S_IXOTH) && strcmp(cur, dir) != 0) {
            block = strdup(cur);
            break;
        }
        if (!slash)
            break;
        *slash = '/';
        p = slash;
    }
    if (block)
        berr_set(err, BERR_BAD_INPUT,
                 "data dir %s: the PostgreSQL cluster runs as user '%s' (berkasd runs as root), "
                 "and directory %s (mode %s) keeps that user out; use a --data-dir it can reach, "
                 "e.g. /var/lib/berkas",
                 dir, c->run_user, block, "without o+x");
    else
        berr_set(err, BERR_BAD_INPUT,
                 "data dir %s: user '%s', who runs the PostgreSQL cluster, cannot enter it", dir,
                 c->run_user);
    free(block);
    free(copy);
    return false;
}

/* ---- open --------------------------------------------------------------------------- */

static bool check_data_dir(struct cluster *c, struct berr *err)
{
    struct stat st;
    if (stat(c->data_dir, &st) == -1) {
        if (errno != ENOENT)
            return berr_set(err, BERR_BAD_INPUT, "data dir %s: %s", c->data_dir, strerror(errno));
        if (!make_parents(c->data_dir, err))
            return false;
        if (mkdir(c->data_dir, c->drop_privileges ? 0711 : 0700) == -1)
            return berr_set(err, BERR_BAD_INPUT, "cannot create data dir %s: %s", c->data_dir,
                            strerror(errno));
        c->created_data_dir = true;
        if (c->drop_privileges)
            chmod(c->data_dir, 0711); /* the umask may have taken the x bit away */
        return true;
    }
    if (!S_ISDIR(st.st_mode))
        return berr_set(err, BERR_BAD_INPUT, "data dir %s is not a directory", c->data_dir);
    if (st.st_uid != geteuid())
        return berr_set(err, BERR_BAD_INPUT,
                        "data dir %s is owned by uid %u, not by the user running berkasd "
                        "(uid %u)",
                        c->data_dir, (unsigned)st.st_uid, (unsigned)geteuid());
    if (access(c->data_dir, W_OK | X_OK) == -1)
        return berr_set(err, BERR_BAD_INPUT, "data dir %s is not writable: %s", c->data_dir,
                        strerror(errno));
    if (c->drop_privileges && (st.st_mode & 0011) != 0011)
        chmod(c->data_dir, (st.st_mode & 07777) | 0011);
    return true;
}

static bool take_lock(struct cluster *c, struct berr *err)
{
    char *lock_path = path_join(c->data_dir, "berkasd.lock");
    c->lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (c->lock_fd == -1) {
        berr_set(err, BERR_BAD_INPUT, "cannot open %s: %s", lock_path, strerror(errno));
        free(lock_path);
        return false;
    }
    if (flock(c->lock_fd, LOCK_EX | LOCK_NB) == -1) {
        berr_set(err, BERR_CONFLICT, "data dir %s is in use by another berkasd", c->data_dir);
        free(lock_path);
        close(c->lock_fd);
        c->lock_fd = -1;
        return false;
    }
    free(lock_path);
    return true;
}

static bool decide_cluster_user(struct cluster *c, struct berr *err)
{
    if (geteuid() != 0) {
        c->run_uid = geteuid();
        c->run_gid = getegid();
        struct passwd *pw = getpwuid(c->run_uid);
        c->run_user = strdup(pw ? pw->pw_name : "self");
        return true;
    }
    const char *name = getenv("BERKAS_PG_USER");
    if (!name || !*name)
        name = "postgres";
    struct passwd *pw = getpwnam(name);
    if (!pw)
        return berr_set(err, BERR_BAD_INPUT,
                        "berkasd runs as root, and PostgreSQL refuses to: the cluster must run "
                        "as an unprivileged user, but user '%s' does not exist (install "
                        "postgresql-15, or run berkasd as a normal user)",
                        name);
    if (pw->pw_uid == 0)
        return berr_set(err, BERR_BAD_INPUT, "BERKAS_PG_USER must not be root");
    c->drop_privileges = true;
    c->run_uid = pw->pw_uid;
    c->run_gid = pw->pw_gid;
    c->run_user = strdup(name);
    return true;
}

/* Append s to out with ' and \ escaped, as libpq's conninfo grammar wants. */
static char *append_quoted(char *o, const char *s)
{
    *o++ = '\'';
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            *o++ = '\\';
        *o++ = *s;
    }
    *o++ = '\'';
    *o = '\0';
    return o;
}

static char *make_conninfo(const char *sockdir, const char *dbname)
{
    static const char mid[] = " port=" PG_PORT " user=" CLUSTER_SUPERUSER " dbname=";
    static const char tail[] = " connect_timeout=5";
    size_t n =
        strlen("host=") + strlen(sockdir) * 2 + strlen(dbname) * 2 + sizeof mid + sizeof tail + 8;
    char *out = malloc(n);
    if (!out)
        return NULL;
    memcpy(out, "host=", 5);
    char *o = append_quoted(out + 5, sockdir);
    memcpy(o, mid, sizeof mid);
    o = append_quoted(o + sizeof mid - 1, dbname);
    memcpy(o, tail, sizeof tail);
    return out;
}

struct cluster *cluster_open(const struct cluster_opts *opts, struct berr *err)
{
    struct cluster *c = calloc(1, sizeof *c);
    if (!c) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        return NULL;
    }
    c->lock_fd = -1;
    c->no_sync = opts->no_sync;
    c->dbname = strdup(opts->dbname ? opts->dbname : DEFAULT_DBNAME);
    c->data_dir = absolute_path(opts->data_dir);
    if (!c->data_dir || !c->dbname) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        goto fail;
    }
    /* trailing slashes would make the socket-length arithmetic lie */
    for (size_t n = strlen(c->data_dir); n > 1 && c->data_dir[n - 1] == '/'; n--)
        c->data_dir[n - 1] = '\0';
    if (!path_is_safe(c->data_dir)) {
        berr_set(err, BERR_BAD_INPUT,
                 "data dir %s: quotes, backslashes, '$' and '`' are not allowed in its path",
                 c->data_dir);
        goto fail;
    }
    c->pg_dir = path_join(c->data_dir, "pg");
    c->initdb_dir = path_join(c->data_dir, "pg.initdb");
    c->log_path = path_join(c->data_dir, "postgres.log");
    if (strlen(c->pg_dir) + strlen("/.s.PGSQL." PG_PORT ".lock") > SOCKET_PATH_MAX) {
        berr_set(err, BERR_BAD_INPUT,
                 "data dir %s: path too long for PostgreSQL's unix socket (at most %d bytes "
                 "for the whole socket path); choose a shorter --data-dir",
                 c->data_dir, SOCKET_PATH_MAX);
        goto fail;
    }
    c->bindir = find_bindir();
    if (!c->bindir) {
        berr_set(err, BERR_INTERNAL,
                 "PostgreSQL server binaries not found (pg_config --bindir, "
                 "/usr/lib/postgresql/*/bin): install postgresql-15, or pass --db");
        goto fail;
    }
    if (!decide_cluster_user(c, err))
        goto fail;
    if (!check_data_dir(c, err))
        goto fail;
    if (!take_lock(c, err))
        goto fail;
    if (c->drop_privileges && !cluster_user_can_enter(c, c->data_dir, err))
        goto fail;
    c->conninfo = make_conninfo(c->pg_dir, c->dbname);
    if (!c->conninfo) {
        berr_set(err, BERR_INTERNAL, "out of memory");
        goto fail;
    }
    return c;
fail:
    if (c->created_data_dir)
        remove_tree(c->data_dir); /* made in this run, holding nothing yet */
    cluster_free(c);
    return NULL;
}

/* ---- start / stop ------------------------------------------------------------------- */

/* initdb into DATA/pg.initdb, its output in DATA/initdb.log (whose last line
 * err quotes when it fails). */
BERKAS_MUST_CHECK static bool initdb_exec(struct cluster *c, struct berr *err)
{
    char *log = path_join(c->data_dir, "initdb.log");
    char *argv[16];
    int n = 0;
    argv[n++] = "initdb";
    argv[n++] = "-D";
    argv[n++] = c->initdb_dir;
    argv[n++] = "-U";
    argv[n++] = CLUSTER_SUPERUSER;
    argv[n++] = "-E";
    argv[n++] = "UTF8";
    argv[n++] = "--locale=C.UTF-8";
    argv[n++] = "--auth-local=trust";
    argv[n++] = "--auth-host=reject";
    argv[n++] = "--data-checksums";
    if (c->no_sync)
        argv[n++] = "--no-sync";
    argv[n] = NULL;
    int rc = run_tool(c, argv, log);
    if (rc != 0) {
        char line[300];
        last_log_line(log, line, sizeof line);
        berr_set(err, BERR_INTERNAL, "initdb failed (exit %d): %s (see %s)", rc,
                 line[0] ? line : "no output", log);
    }
    free(log);
    return rc == 0;
}

/* Settings that make it private and durable; appended so that a plain
 * `postgres -D DATA/pg` started by hand behaves the same.  Every write, the
 * flush, the fsync (unless no_sync) and the close are checked: on a full disk
 * the cluster would otherwise be made without them (listening on localhost,
 * on the default port), so the start fails instead, naming the file and the
 * reason, and run_initdb removes what initdb made. */
BERKAS_MUST_CHECK static bool initdb_settings(const struct cluster *c, struct berr *err)
{
    char *conf = path_join(c->initdb_dir, "postgresql.conf");
    if (!conf)
        return berr_set(err, BERR_INTERNAL, "out of memory");
    FILE *f = fopen(conf, "a");
    if (!f) {
        berr_set(err, BERR_INTERNAL, "cannot open %s: %s", conf, strerror(errno));
        free(conf);
        return false;
    }
    bool ok = fprintf(f, "\n# --- berkas: embedded cluster (written by berkasd at initdb) ---\n"
                         "listen_addresses = ''\n"
                         "port = " PG_PORT "\n"
                         "unix_socket_permissions = 0700\n"
                         "max_connections = 60\n"
                         "password_encryption = 'scram-sha-256'\n"
                         "log_line_prefix = '%%m [%%p] %%u@%%d '\n"
                         "log_min_messages = warning\n"
                         "log_statement = 'ddl'\n"
                         "log_lock_waits = on\n"
                         "timezone = 'UTC'\n") >= 0;
    if (ok && c->no_sync)
        ok = fprintf(f, "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n") >= 0;
    ok = ok && fflush(f) == 0 && (c->no_sync || fsync(fileno(f)) == 0);
    int why = errno;
    if (fclose(f) != 0 && ok) {
        ok = false;
        why = errno;
    }
    if (!ok)
        berr_set(err, BERR_INTERNAL, "cannot write the settings to %s: %s", conf, strerror(why));
    free(conf);
    return ok;
}

/* The rename of DATA/pg.initdb to DATA/pg is made durable before anything is
 * written into the cluster: otherwise a power loss could bring back the old
 * name with the database written since inside it, and the next start-up would
 * remove it as an unfinished initdb. */
BERKAS_MUST_CHECK static bool sync_dir(const char *dir, struct berr *err)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1)
        return berr_set(err, BERR_INTERNAL, "cannot open %s: %s", dir, strerror(errno));
    bool ok = fsync(fd) == 0;
    int why = errno;
    close(fd);
    if (!ok)
        return berr_set(err, BERR_INTERNAL, "cannot sync %s: %s", dir, strerror(why));
    return true;
}

/* A new cluster in DATA/pg: made in DATA/pg.initdb (initdb and our settings)
 * and renamed into place only when whole, so that a crash leaves none half
 * made where start-up would take it for one. */
static bool run_initdb(struct cluster *c, struct berr *err)
{
    remove_tree(c->initdb_dir); /* what a crash during an earlier initdb left */
    if (mkdir(c->initdb_dir, 0700) == -1)
        return berr_set(err, BERR_BAD_INPUT, "cannot create %s: %s", c->initdb_dir,
                        strerror(errno));
    if (c->drop_privileges && chown(c->initdb_dir, c->run_uid, c->run_gid) == -1) {
        remove_tree(c->initdb_dir);
        return berr_set(err, BERR_INTERNAL, "cannot give %s to user %s: %s", c->initdb_dir,
                        c->run_user, strerror(errno));
    }
    if (!initdb_exec(c, err) || !initdb_settings(c, err)) {
        remove_tree(c->initdb_dir);
        return false;
    }
    if (rename(c->initdb_dir, c->pg_dir) == -1) {
        remove_tree(c->initdb_dir);
        return berr_set(err, BERR_INTERNAL, "cannot rename %s: %s", c->initdb_dir, strerror(errno));
    }
    c->created_cluster = true;
    return c->no_sync || sync_dir(c->data_dir, err);
}

/* A postmaster left running on DATA/pg (an earlier berkasd was killed before
 * the kernel's death signal reached it): wait for it to finish shutting down. */
static bool wait_for_old_postmaster(struct cluster *c, struct berr *err)
{
    char *pidfile = path_join(c->pg_dir, "postmaster.pid");
    FILE *f = fopen(pidfile, "r");
    free(pidfile);
    if (!f)
        return true;
    long pid = 0;
    if (fscanf(f, "%ld", &pid) != 1)
        pid = 0;
    fclose(f);
    if (pid <= 0)
        return true;
    long long deadline = now_ms() + 10000;
    while (kill((pid_t)pid, 0) == 0 || errno == EPERM) {
        if (now_ms() > deadline)
            return berr_set(err, BERR_CONFLICT,
                            "a PostgreSQL server (pid %ld) still runs on %s; stop it first", pid,
                            c->pg_dir);
        sleep_ms(50);
    }
    return true;
}

static bool check_pg_version(struct cluster *c, struct berr *err)
{
    char *vfile = path_join(c->pg_dir, "PG_VERSION");
    FILE *f = fopen(vfile, "r");
    free(vfile);
    if (!f)
        return berr_set(err, BERR_INTERNAL, "%s has no PG_VERSION: not a PostgreSQL cluster",
                        c->pg_dir);
    char ver[32] = "";
    if (!fgets(ver, sizeof ver, f))
        ver[0] = '\0';
    fclose(f);
    ver[strcspn(ver, "\r\n")] = '\0';
    char marker[64];
    snprintf(marker, sizeof marker, "/%s/", ver);
    /* Debian's bindir names the major version: /usr/lib/postgresql/15/bin */
    if (strncmp(c->bindir, "/usr/lib/postgresql/", 20) == 0 && !strstr(c->bindir, marker))
        return berr_set(err, BERR_INTERNAL,
                        "the cluster in %s is PostgreSQL %s, but the binaries found are in %s",
                        c->pg_dir, ver, c->bindir);
    return true;
}

static bool spawn_postmaster(struct cluster *c, struct berr *err)
{
    int log_fd = open(c->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log_fd == -1)
        return berr_set(err, BERR_INTERNAL, "cannot open %s: %s", c->log_path, strerror(errno));
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == -1) {
        close(log_fd);
        return berr_set(err, BERR_INTERNAL, "fork: %s", strerror(errno));
    }
    if (pid == 0) {
        fcntl(log_fd, F_SETFD, 0);
        child_setup(c, log_fd);
        /* after setuid, which clears it: fast shutdown if berkasd dies */
        prctl(PR_SET_PDEATHSIG, SIGINT);
        if (getppid() != parent)
            _exit(1);
        char *exe = path_join(c->bindir, "postgres");
        char *argv[] = {exe, "-D", c->pg_dir, "-k", c->pg_dir, NULL}; /* see run_tool */
        execv(exe, argv);
        dprintf(STDERR_FILENO, "berkasd: cannot run %s: %s\n", exe, strerror(errno));
        _exit(127);
    }
    close(log_fd);
    c->pid = pid;
    return true;
}

static bool wait_until_ready(struct cluster *c, struct berr *err)
{
    char *admin = cluster_conninfo_for(c, "postgres");
    long long deadline = now_ms() + START_TIMEOUT_MS;
    bool ok = false;
    while (now_ms() < deadline) {
        int status;
        pid_t w = waitpid(c->pid, &status, WNOHANG);
        if (w == c->pid) {
            c->pid = 0;
            char line[300];
            last_log_line(c->log_path, line, sizeof line);
            berr_set(err, BERR_INTERNAL, "PostgreSQL did not start: %s (see %s)",
                     line[0] ? line : "no output", c->log_path);
            break;
        }
        if (PQping(admin) == PQPING_OK) {
            ok = true;
            break;
        }
        sleep_ms(10);
    }
    if (!ok && err->kind == BERR_NONE)
        berr_set(err, BERR_INTERNAL, "PostgreSQL did not accept connections within %d s (see %s)",
                 START_TIMEOUT_MS / 1000, c->log_path);
    free(admin);
    return ok;
}

static bool create_database(struct cluster *c, struct berr *err)
{
    char *admin = cluster_conninfo_for(c, "postgres");
    PGconn *conn = PQconnectdb(admin);
    free(admin);
    bool ok = false;
    if (PQstatus(conn) != CONNECTION_OK) {
        berr_set(err, BERR_INTERNAL, "cannot connect to the new cluster: %s", PQerrorMessage(conn));
        goto out;
    }
    const char *params[1] = {c->dbname};
    PGresult *r = PQexecParams(conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL,
                               params, NULL, NULL, 0);
    bool exists = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    PQclear(r);
    if (exists) {
        ok = true;
        goto out;
    }
    /* CREATE DATABASE takes no parameters: quote the name the reviewed way */
    char *ident = PQescapeIdentifier(conn, c->dbname, strlen(c->dbname));
    if (!ident) {
        berr_set(err, BERR_INTERNAL, "bad database name");
        goto out;
    }
    char sql[256];
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", ident);
    PQfreemem(ident);
    r = PQexec(conn, sql); /* sql-gate: identifier quoted by PQescapeIdentifier */
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        berr_set(err, BERR_INTERNAL, "CREATE DATABASE failed: %s", PQresultErrorMessage(r));
    else
        ok = true;
    PQclear(r);
out:
    PQfinish(conn);
    return ok;
}

static bool stop(struct cluster *c, struct berr *err);

/* Stop the server after another failure, which err holds; when the stop
 * fails too, err says so after it (a server left running is waited for by
 * the next start). */
static void stop_after_failure(struct cluster *c, struct berr *err)
{
    struct berr stop_err = {0};
    if (stop(c, &stop_err) || !err)
        return;
    char first[sizeof err->message];
    snprintf(first, sizeof first, "%s", err->message);
    berr_set(err, err->kind, "%.300s; stopping the server failed too: %.180s", first,
             stop_err.message);
}

bool cluster_start(struct cluster *c, struct berr *err)
{
    if (c->pid > 0)
        return true;
    struct stat st;
    if (stat(c->pg_dir, &st) == -1) {
        if (!run_initdb(c, err))
            return false;
    } else {
        remove_tree(c->initdb_dir);
        if (!check_pg_version(c, err) || !wait_for_old_postmaster(c, err))
            return false;
    }
    if (!spawn_postmaster(c, err) || !wait_until_ready(c, err) || !create_database(c, err)) {
        stop_after_failure(c, err);
        if (c->created_cluster) {
            remove_tree(c->pg_dir);
            c->created_cluster = false;
        }
        return false;
    }
    return true;
}

bool cluster_make_standby(struct cluster *c, const struct cluster *primary, struct berr *err)
{
    struct stat st;
    if (stat(c->pg_dir, &st) == 0)
        return berr_set(err, BERR_CONFLICT, "%s exists: a standby is made into a new data dir",
                        c->pg_dir);
    if (mkdir(c->pg_dir, 0700) == -1)
        return berr_set(err, BERR_INTERNAL, "cannot create %s: %s", c->pg_dir, strerror(errno));
    if (c->drop_privileges && chown(c->pg_dir, c->run_uid, c->run_gid) == -1) {
        remove_tree(c->pg_dir);
        return berr_set(err, BERR_INTERNAL, "cannot give %s to user %s: %s", c->pg_dir, c->run_user,
                        strerror(errno));
    }
    char *log = path_join(c->data_dir, "basebackup.log");
    char *argv[] = {"pg_basebackup",
                    "-h",
                    primary->pg_dir,
                    "-p",
                    PG_PORT,
                    "-U",
                    CLUSTER_SUPERUSER,
                    "-D",
                    c->pg_dir,
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast",
                    NULL};
    int rc = run_tool(c, argv, log);
    if (rc != 0) {
        char line[300];
        last_log_line(log, line, sizeof line);
        berr_set(err, BERR_INTERNAL, "pg_basebackup failed (exit %d): %s (see %s)", rc,
                 line[0] ? line : "no output", log);
        remove_tree(c->pg_dir);
        free(log);
        return false;
    }
    free(log);
    /* the primary's socket lives in its data dir, so its lock file came along:
     * the standby's postmaster would take it for a live server's */
    char *lock = path_join(c->pg_dir, ".s.PGSQL." PG_PORT ".lock");
    if (lock)
        unlink(lock);
    free(lock);
    return true;
}

bool cluster_reap(struct cluster *c, char *how, size_t howsz)
{
    if (!c || c->pid <= 0)
        return false;
    int status;
    pid_t w = waitpid(c->pid, &status, WNOHANG);
    if (w != c->pid)
        return false;
    if (WIFSIGNALED(status))
        snprintf(how, howsz, "killed by signal %d", WTERMSIG(status));
    else
        snprintf(how, howsz, "exited with status %d", WEXITSTATUS(status));
    c->pid = 0;
    return true;
}

bool cluster_restart(struct cluster *c, struct berr *err)
{
    if (c->pid > 0)
        return true;
    if (!wait_for_old_postmaster(c, err) || !spawn_postmaster(c, err))
        return false;
    if (wait_until_ready(c, err))
        return true;
    stop_after_failure(c, err);
    return false;
}

bool cluster_stop(struct cluster *c, struct berr *err)
{
    return stop(c, err);
}

static bool stop(struct cluster *c, struct berr *err)
{
    if (!c || c->pid <= 0)
        return true;
    /* SIGINT: fast shutdown (roll back, checkpoint, exit); then harder */
    static const int sigs[] = {SIGINT, SIGQUIT, SIGKILL};
    static const long waits[] = {STOP_TIMEOUT_MS, 5000, 5000};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        kill(c->pid, sigs[i]);
        long long deadline = now_ms() + waits[i];
        while (now_ms() < deadline) {
            int status;
            pid_t w = waitpid(c->pid, &status, WNOHANG);
            if (w == c->pid || (w == -1 && errno == ECHILD)) {
                c->pid = 0;
                return i == 0 ? true
                              : berr_set(err, BERR_INTERNAL, "PostgreSQL needed signal %d to stop",
                                         sigs[i]);
            }
            sleep_ms(5);
        }
    }
    return berr_set(err, BERR_INTERNAL, "PostgreSQL (pid %ld) did not stop", (long)c->pid);
}

const char *cluster_conninfo(const struct cluster *c)
{
    return c->conninfo;
}

char *cluster_conninfo_for(const struct cluster *c, const char *dbname)
{
    return make_conninfo(c->pg_dir, dbname);
}

pid_t cluster_pid(const struct cluster *c)
{
    return c ? c->pid : 0;
}

bool cluster_was_created(const struct cluster *c)
{
    return c && c->created_cluster;
}

void cluster_abandon(struct cluster *c)
{
    if (!c)
        return;
    struct berr ignored = {0};
    stop(c, &ignored); /* given up: a server left running is waited for by the next start */
    if (c->created_cluster) {
        remove_tree(c->pg_dir);
        c->created_cluster = false;
    }
    cluster_free(c);
}

void cluster_free(struct cluster *c)
{
    if (!c)
        return;
    struct berr ignored = {0};
    stop(c, &ignored); /* as cluster_abandon */
    if (c->lock_fd >= 0)
        close(c->lock_fd);
    free(c->data_dir);
    free(c->pg_dir);
    free(c->initdb_dir);
    free(c->log_path);
    free(c->bindir);
    free(c->dbname);
    free(c->conninfo);
    free(c->run_user);
    free(c);
}
