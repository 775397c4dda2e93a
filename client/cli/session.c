/* session.c - see session.h. */
#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api.h"

#define SESSION_FILE "session.json"
#define MAX_FILE     ((size_t)64 * 1024)

/* The directory the file lives in: $XDG_CONFIG_HOME/berkas, else
 * $HOME/.config/berkas (XDG Base Directory: a relative value is ignored). */
static bool session_dir(char *buf, size_t size, char *err, size_t errsz)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, size, "%s/berkas", xdg);
    else if (home && home[0])
        n = snprintf(buf, size, "%s/.config/berkas", home);
    else {
        snprintf(err, errsz,
                 "neither XDG_CONFIG_HOME nor HOME is set: nowhere to keep the session");
        return false;
    }
    if (n < 0 || (size_t)n >= size) {
        snprintf(err, errsz, "jalur direktori konfigurasi terlalu panjang");
        return false;
    }
    return true;
}

bool session_path(char *buf, size_t size, char *err, size_t errsz)
{
    char dir[4096];
    if (!session_dir(dir, sizeof dir, err, errsz))
        return false;
    int n = snprintf(buf, size, "%s/" SESSION_FILE, dir);
    if (n < 0 || (size_t)n >= size) {
        snprintf(err, errsz, "jalur berkas sesi terlalu panjang");
        return false;
    }
    return true;
}

/* mkdir -p with 0700 for whatever is missing; the last component, if it
 * already exists and is ours, is narrowed to 0700. */
static bool make_private_dir(char *path, char *err, size_t errsz)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        struct stat st;
        int rc = mkdir(path, 0700);
        int e = errno;
        if (rc != 0 && e != EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            rc = 0; /* there, if not ours to create (EACCES on a parent we cannot write) */
        *p = '/';
        if (rc != 0 && e != EEXIST) {
            snprintf(err, errsz, "tidak dapat membuat %.*s: %s", (int)(p - path), path,
                     strerror(e));
            return false;
        }
    }
    if (mkdir(path, 0700) != 0 && errno != EEXIST) {
        snprintf(err, errsz, "tidak dapat membuat %s: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errsz, "%s bukan direktori", path);
        return false;
    }
    if (st.st_uid == geteuid() && (st.st_mode & 077) && chmod(path, 0700) != 0) {
        snprintf(err, errsz, "tidak dapat membuat %s pribadi: %s", path, strerror(errno));
        return false;
    }
    return true;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* text into dir/SESSION_FILE: a 0600 temp file beside it, fsync, rename,
 * fsync the directory. */
static bool write_atomically(const char *dir, const char *text, char *err, size_t errsz)
{
    char tmp[4200], final[4200];
    snprintf(tmp, sizeof tmp, "%s/." SESSION_FILE ".XXXXXX", dir);
    snprintf(final, sizeof final, "%s/" SESSION_FILE, dir);
    int fd = mkstemp(tmp); /* O_EXCL, mode 0600 */
    if (fd < 0) {
        snprintf(err, errsz, "tidak dapat membuat berkas di %s: %s", dir, strerror(errno));
        return false;
    }
    const char *what = NULL;
    if (fchmod(fd, 0600) != 0 || !write_all(fd, text, strlen(text)) || !write_all(fd, "\n", 1))
        what = "write";
    else if (fsync(fd) != 0)
        what = "fsync";
    int e = errno;
    if (close(fd) != 0 && !what) {
        what = "close";
        e = errno;
    }
    if (!what && rename(tmp, final) != 0) {
        what = "rename";
        e = errno;
    }
    if (what) {
        unlink(tmp);
        snprintf(err, errsz, "tidak dapat menyimpan sesi di %s (%s: %s)", final, what, strerror(e));
        return false;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd); /* the rename itself durable; best effort */
        close(dfd);
    }
    return true;
}

bool session_save(const struct session *s, char *err, size_t errsz)
{
    char dir[4096];
    if (!session_dir(dir, sizeof dir, err, errsz) || !make_private_dir(dir, err, errsz))
        return false;
    json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s}", "server", s->server, "token", s->token,
                          "nip", s->nip ? s->nip : "", "name", s->name ? s->name : "", "role",
                          s->role ? s->role : "");
    char *text = j ? json_dumps(j, JSON_INDENT(2)) : NULL;
    api_wipe_json_string(j, "token");
    json_decref(j);
    if (!text) {
        snprintf(err, errsz, "memori habis");
        return false;
    }
    bool ok = write_atomically(dir, text, err, errsz);
    api_wipe(text, strlen(text));
    free(text);
    return ok;
}

static char *dup_field(const json_t *j, const char *key)
{
    const char *v = json_string_value(json_object_get(j, key));
    return strdup(v ? v : "");
}

/* The file's contents, at most MAX_FILE bytes; NULL with errno. */
static char *read_file(int fd, size_t *len)
{
    char *buf = malloc(MAX_FILE + 1);
    size_t n = 0;
    while (buf && n < MAX_FILE) {
        ssize_t r = read(fd, buf + n, MAX_FILE - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            api_wipe(buf, n);
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

enum session_status session_load(struct session *s, char *err, size_t errsz)
{
    memset(s, 0, sizeof *s);
    char path[4200];
    if (!session_path(path, sizeof path, err, errsz))
        return SESSION_BAD;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
        return SESSION_NONE;
    if (fd < 0) {
        snprintf(err, errsz, "tidak dapat membaca %s: %s", path, strerror(errno));
        return SESSION_BAD;
    }
    size_t len = 0;
    char *text = read_file(fd, &len);
    int e = errno;
    close(fd);
    if (!text) {
        snprintf(err, errsz, "tidak dapat membaca %s: %s", path, strerror(e));
        return SESSION_BAD;
    }
    json_t *j = json_loadb(text, len, 0, NULL);
    api_wipe(text, len);
    free(text);
    const char *server = json_string_value(json_object_get(j, "server"));
    const char *token = json_string_value(json_object_get(j, "token"));
    if (!server || !*server || !token || !*token) {
        json_decref(j);
        snprintf(err, errsz, "%s rusak; jalankan: berkas login", path);
        return SESSION_BAD;
    }
    s->server = strdup(server);
    s->token = strdup(token);
    s->nip = dup_field(j, "nip");
    s->name = dup_field(j, "name");
    s->role = dup_field(j, "role");
    api_wipe_json_string(j, "token");
    json_decref(j);
    if (!s->server || !s->token || !s->nip || !s->name || !s->role) {
        session_free(s);
        snprintf(err, errsz, "memori habis");
        return SESSION_BAD;
    }
    return SESSION_OK;
}

bool session_remove(bool *existed, char *err, size_t errsz)
{
    char path[4200];
    *existed = false;
    if (!session_path(path, sizeof path, err, errsz))
        return false;
    if (unlink(path) == 0) {
        *existed = true;
        return true;
    }
    if (errno == ENOENT)
        return true;
    snprintf(err, errsz, "tidak dapat menghapus %s: %s", path, strerror(errno));
    return false;
}

void session_free(struct session *s)
{
    if (s->token)
        api_wipe(s->token, strlen(s->token));
    free(s->server);
    free(s->token);
    free(s->nip);
    free(s->name);
    free(s->role);
    memset(s, 0, sizeof *s);
}
