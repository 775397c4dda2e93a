/*
 * cmd_forms.c - berkas forms, form, issue, documents, document, dossier and
 * verify: a case's documents as PDF.
 *
 * A PDF goes to FILE through a temporary file in FILE's directory, written
 * and synced in full, then linked into place (or renamed over FILE with
 * --force): a failure at any point, or an interrupt, leaves no half-written
 * FILE, and an existing FILE is never replaced without --force.  FILE and
 * its directory are checked (the temporary file created) before anything is
 * asked of the server, so "issue -o FILE" onto a file that exists takes no
 * number.  The files are created with mode 0600: they are case documents.
 *
 * The bytes of a PDF are kept with their length (api_download), never read
 * as a string; the SHA-256 printed is of the bytes written, and for an
 * issued document it must equal the one the server recorded.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }
#define FORM_NAME_MAX 64
#define PATH_LEN      8192
#define SHA_HEX       (crypto_hash_sha256_BYTES * 2 + 1)
#define CODE_LEN      12
#define CODE_ALPHABET "0123456789ABCDEFGHJKMNPQRSTVWXYZ" /* Crockford's base32 */

/* ---- FILE, written whole or not at all ---------------------------------------------- */

struct out_file {
    const char *path; /* FILE as given */
    bool force;       /* replace FILE if it exists */
    int fd;           /* the temporary file, -1 when none */
    char dir[PATH_MAX];
    char tmp[PATH_MAX];
};

/* The temporary file to remove if a signal ends the process. */
static volatile sig_atomic_t pending_set;
static char pending[PATH_MAX];

static void on_signal(int sig)
{
    if (pending_set)
        unlink(pending); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

static void guard_tmp(const char *tmp)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    snprintf(pending, sizeof pending, "%s", tmp);
    pending_set = 1;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_signal);
}

static void unguard_tmp(void)
{
    pending_set = 0;
}

/* Check FILE and create the temporary file beside it.  GO_ON, or an exit
 * status after one line (2: FILE exists without --force, is a directory,
 * or its directory is not writable). */
static int out_open(struct out_file *o, const char *path, bool force)
{
    o->path = path;
    o->force = force;
    o->fd = -1;
    struct stat st;
    if (!*path)
        return cli_fail(EXIT_USAGE, "nama berkas keluaran kosong");
    if (lstat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return cli_fail(EXIT_USAGE, "%s adalah direktori", path);
        if (!force)
            return cli_fail(EXIT_USAGE, "%s exists; --force replaces it", path);
    } else if (errno != ENOENT) {
        return cli_fail(EXIT_USAGE, "tidak dapat menulis %s: %s", path, strerror(errno));
    }
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*base)
        return cli_fail(EXIT_USAGE, "%s menunjuk direktori, bukan berkas", path);
    int n = slash ? snprintf(o->dir, sizeof o->dir, "%.*s", (int)(slash - path + 1), path)
                  : snprintf(o->dir, sizeof o->dir, "./");
    if (n < 0 || (size_t)n >= sizeof o->dir)
        return cli_fail(EXIT_USAGE, "jalur %s terlalu panjang", path);
    n = snprintf(o->tmp, sizeof o->tmp, "%s.%s.XXXXXX", o->dir, base);
    if (n < 0 || (size_t)n >= sizeof o->tmp)
        n = snprintf(o->tmp, sizeof o->tmp, "%s.berkas-XXXXXX", o->dir);
    if (n < 0 || (size_t)n >= sizeof o->tmp)
        return cli_fail(EXIT_USAGE, "jalur %s terlalu panjang", path);
    o->fd = mkstemp(o->tmp);
    if (o->fd < 0)
        return cli_fail(EXIT_USAGE, "tidak dapat menulis di %s: %s", o->dir, strerror(errno));
    guard_tmp(o->tmp);
    return GO_ON;
}

/* Remove the temporary file: nothing was written. */
static void out_abort(struct out_file *o)
{
    if (o->fd < 0)
        return;
    close(o->fd);
    unlink(o->tmp);
    unguard_tmp();
    o->fd = -1;
}

static bool write_all(int fd, const unsigned char *p, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        len -= (size_t)w;
    }
    return true;
}

/* Put the temporary file in place as FILE: without --force by link(2),
 * which fails rather than replace a FILE created meanwhile. */
static bool put_in_place(struct out_file *o, int *err)
{
    if (o->force) {
        if (rename(o->tmp, o->path) == 0)
            return true;
        *err = errno;
        return false;
    }
    if (link(o->tmp, o->path) == 0) {
        unlink(o->tmp);
        return true;
    }
    *err = errno;
    if (*err != EPERM && *err != ENOTSUP && *err != EOPNOTSUPP && *err != ENOSYS && *err != EMLINK)
        return false;
    /* no hard links here (a FAT stick): check, then rename */
    struct stat st;
    if (lstat(o->path, &st) == 0) {
        *err = EEXIST;
        return false;
    }
    if (rename(o->tmp, o->path) == 0)
        return true;
    *err = errno;
    return false;
}

/* Write the bytes and put them in place.  GO_ON, or 2 after one line (the
 * temporary file removed, FILE untouched). */
static int out_commit(struct out_file *o, const unsigned char *data, size_t len)
{
    int e = 0;
    bool ok = write_all(o->fd, data, len) && fsync(o->fd) == 0;
    if (!ok)
        e = errno;
    if (close(o->fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    o->fd = -1;
    ok = ok && put_in_place(o, &e);
    if (!ok) {
        unlink(o->tmp);
        unguard_tmp();
        if (e == EEXIST)
            return cli_fail(EXIT_USAGE, "%s exists; --force replaces it", o->path);
        return cli_fail(EXIT_USAGE, "tidak dapat menulis %s: %s", o->path, strerror(e ? e : EIO));
    }
    unguard_tmp();
    int dfd = open(o->dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        (void)fsync(dfd); /* the new name too, as far as the file system allows */
        close(dfd);
    }
    return GO_ON;
}

/* ---- arguments ---------------------------------------------------------------------- */

static int want_form(const struct command *cmd, const char *form)
{
    size_t n = strlen(form);
    if (n == 0 || n > FORM_NAME_MAX || strspn(form, "abcdefghijklmnopqrstuvwxyz0123456789_") != n)
        return cli_usage_error(cmd,
                               "FORM harus nama formulir seperti sprindik, bukan '%s' "
                               "(berkas forms lists them)",
                               form);
    return GO_ON;
}

/* The --param NAME=VALUE options as a JSON object of strings; NULL with
 * *rc after a usage error. */
static json_t *params_of(const struct command *cmd, const struct cli_list *list, int *rc)
{
    json_t *params = json_object();
    if (!params) {
        *rc = cli_fail(EXIT_USAGE, "memori habis");
        return NULL;
    }
    for (size_t i = 0; i < list->n; i++) {
        const char *item = list->items[i], *eq = strchr(item, '=');
        char name[FORM_NAME_MAX + 1];
        if (!eq || eq == item) {
            *rc = cli_usage_error(cmd, "--param harus NAMA=NILAI, bukan '%s'", item);
        } else if ((size_t)(eq - item) > FORM_NAME_MAX) {
            *rc = cli_usage_error(cmd, "--param: nama dalam '%.40s...' terlalu panjang", item);
        } else {
            snprintf(name, sizeof name, "%.*s", (int)(eq - item), item);
            json_t *v = json_string(eq + 1);
            if (v && json_object_set_new(params, name, v) == 0)
                continue;
            *rc = cli_usage_error(cmd, "--param %s: nilainya bukan teks UTF-8", name);
        }
        json_decref(params);
        return NULL;
    }
    return params;
}

/* path + "?name=value&..." for the params; false when it does not fit. */
static bool add_query(char *path, size_t size, const json_t *params)
{
    size_t len = strlen(path);
    char sep = '?';
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)params, key, v)
    {
        char k[3 * FORM_NAME_MAX + 1], val[3 * 1024 + 1];
        if (!api_escape(key, k, sizeof k) || !api_escape(json_string_value(v), val, sizeof val))
            return false;
        int n = snprintf(path + len, size - len, "%c%s=%s", sep, k, val);
        if (n < 0 || (size_t)n >= size - len)
            return false;
        len += (size_t)n;
        sep = '&';
    }
    return true;
}

/* ---- PDFs from the server ----------------------------------------------------------- */

/* GET path as a PDF into r.  GO_ON, or an exit status after one line: 1
 * refused (the problem in one line, with the missing forms of a 422), 2
 * unreachable. */
static int fetch_pdf(struct global *g, const char *path, struct api_response *r)
{
    char err[512];
    if (!api_download(&g->api, path, "application/pdf", r, err, sizeof err))
        return cli_fail(EXIT_USAGE, "%s", err);
    if (r->status < 200 || r->status > 299) {
        char line[4096];
        api_problem_line(r, line, sizeof line);
        int rc = cli_fail(EXIT_REFUSED, "%s", line);
        api_problem_gaps(r, stderr);
        api_response_free(r);
        return rc;
    }
    if (strncasecmp(r->content_type, "application/pdf", 15) != 0 || r->len < 5 ||
        memcmp(r->body, "%PDF-", 5) != 0) {
        int rc = cli_fail(EXIT_REFUSED, "GET %s: jawaban (%ld, %s, %zu bita) bukan PDF", path,
                          r->status, r->content_type[0] ? r->content_type : "tanpa jenis", r->len);
        api_response_free(r);
        return rc;
    }
    return GO_ON;
}

static bool sha256_hex(const void *data, size_t len, char out[SHA_HEX])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    if (sodium_init() < 0)
        return false;
    crypto_hash_sha256(h, data, len);
    sodium_bin2hex(out, SHA_HEX, h, sizeof h);
    return true;
}

/* GET path as a PDF into FILE (already opened with out_open); the SHA-256
 * of the bytes into sha.  When want_sha is not NULL the bytes must hash to
 * it.  GO_ON or an exit status; the temporary file is gone either way. */
static int save_pdf(struct global *g, const char *path, struct out_file *o, const char *want_sha,
                    char sha[SHA_HEX], size_t *bytes)
{
    struct api_response r;
    int rc = fetch_pdf(g, path, &r);
    if (rc != GO_ON) {
        out_abort(o);
        return rc;
    }
    if (!sha256_hex(r.body, r.len, sha)) {
        rc = cli_fail(EXIT_USAGE, "libsodium tidak dapat dimulai");
    } else if (want_sha && strcmp(sha, want_sha) != 0) {
        rc = cli_fail(EXIT_REFUSED, "GET %s: SHA-256 PDF %s bukan yang diterbitkan, %s", path, sha,
                      want_sha);
    } else {
        *bytes = r.len;
        rc = out_commit(o, (const unsigned char *)r.body, r.len);
    }
    if (rc != GO_ON)
        out_abort(o);
    api_response_free(&r);
    return rc;
}

/* What was written, as text or JSON. */
static void print_saved(const struct global *g, const char *file, const char *what,
                        long long id_value, const char *id_key, size_t bytes, const char *sha)
{
    if (g->json) {
        json_t *j = json_pack("{s:s, s:s, s:I, s:I, s:s}", "file", file, "kind", what, id_key,
                              (json_int_t)id_value, "bytes", (json_int_t)bytes, "sha256", sha);
        if (j)
            out_json(j);
        json_decref(j);
        return;
    }
    out_kv("berkas", "%s", file);
    out_kv(id_key, "%lld", id_value);
    out_kv("jenis", "%s", what);
    out_kv("bita", "%zu", bytes);
    out_kv("sha256", "%s", sha);
}

/* ---- commands ----------------------------------------------------------------------- */

int cmd_forms(struct global *g, const struct command *cmd, int argc, char **argv)
{
    int rc = cli_parse(g, cmd, argc, argv, NULL, NULL);
    if (rc != GO_ON || (rc = cli_connect(g, true)) != GO_ON)
        return rc;
    json_t *list = cli_call(g, "GET", "/api/v1/forms", NULL, &rc);
    if (!list)
        return rc;
    if (g->json) {
        out_json(list);
        json_decref(list);
        return EXIT_OK;
    }
    json_t *items = json_object_get(list, "items");
    static const char *const heads[] = {"FORM", "KODE", "PENERBIT", "KERTAS", "JUDUL"};
    static const char *const pheads[] = {"FORM", "PARAMETER", "URAIAN"};
    struct table *t = table_new(5, heads), *pt = table_new(3, pheads);
    bool ok = t && pt, any_param = false;
    size_t i;
    json_t *f;
    json_array_foreach(items, i, f)
    {
        const char *row[] = {jstr(f, "name"), jstr(f, "code"), jstr(f, "issuer"), jstr(f, "page"),
                             jstr(f, "title")};
        ok = ok && table_add(t, row);
        size_t k;
        json_t *p;
        json_array_foreach(json_object_get(f, "params"), k, p)
        {
            char name[FORM_NAME_MAX + 8];
            snprintf(name, sizeof name, "%s%s", jstr(p, "name"),
                     json_is_true(json_object_get(p, "required")) ? "*" : "");
            const char *prow[] = {jstr(f, "name"), name, jstr(p, "description")};
            ok = ok && table_add(pt, prow);
            any_param = true;
        }
    }
    if (ok) {
        table_print(t);
        if (any_param) {
            printf("\nParameter (--param NAMA=NILAI; * wajib):\n");
            table_print(pt);
        }
    }
    table_free(t);
    table_free(pt);
    json_decref(list);
    return ok ? EXIT_OK : cli_fail(EXIT_USAGE, "memori habis");
}

int cmd_form(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct cli_list plist = {0};
    const char *case_arg = NULL, *form = NULL, *file = NULL;
    bool force = false;
    const struct cli_opt opts[] = {
        {"param", NULL, &plist, false, NULL},
        {"output", &file, NULL, true, NULL},
        {"force", NULL, NULL, false, &force},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {"FORM", &form}, {NULL, NULL}};
    long long id = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = want_form(cmd, form)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &id)) != GO_ON)
        return rc;
    json_t *params = params_of(cmd, &plist, &rc);
    if (!params)
        return rc;
    char path[PATH_LEN];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s.pdf", id, form);
    if (!add_query(path, sizeof path, params)) {
        json_decref(params);
        return cli_usage_error(cmd, "parameter terlalu panjang");
    }
    json_decref(params);
    struct out_file o;
    if ((rc = cli_connect(g, true)) != GO_ON || (rc = out_open(&o, file, force)) != GO_ON)
        return rc;
    char sha[SHA_HEX];
    size_t bytes = 0;
    if ((rc = save_pdf(g, path, &o, NULL, sha, &bytes)) != GO_ON)
        return rc;
    print_saved(g, file, "draft", id, "case", bytes, sha);
    return EXIT_OK;
}

/* The issue request: the --param values, and the act the document is for
 * (its id in `berkas history`); without it the server takes the latest act
 * of the form's type still without one.  NULL (*rc set) on a bad --param. */
static json_t *issue_body(const struct command *cmd, const struct cli_list *plist, long long event,
                          int *rc)
{
    json_t *params = params_of(cmd, plist, rc);
    if (!params)
        return NULL;
    json_t *body = json_pack("{s:o}", "params", params);
    if (!body) {
        *rc = cli_fail(EXIT_USAGE, "memori habis");
        return NULL;
    }
    if (event)
        json_object_set_new(body, "event", json_integer(event));
    return body;
}

/* An issued document as key: value lines; file, when it was written. */
static void print_issued(const json_t *doc, const char *file)
{
    out_kv("dokumen", "%lld", jint(doc, "id"));
    out_kv("form", "%s (%s)", jstr(doc, "title"), jstr(doc, "form"));
    out_kv("nomor", "%s", jstr(doc, "number"));
    out_kv("tanggal", "%s%s", jstr(doc, "issued_on"),
           json_is_true(json_object_get(doc, "late")) ? " (terlambat dicatat)" : "");
    if (json_object_get(doc, "event_id"))
        out_kv("peristiwa", "%lld", jint(doc, "event_id"));
    out_kv("penanda", "%s", jstr(doc, "signer"));
    out_kv("rezim", "%s", jstr(doc, "regime"));
    out_kv("kode", "%s", jstr(doc, "verify_code"));
    out_kv("url", "%s", jstr(doc, "verify_url"));
    out_kv("sha256", "%s", jstr(doc, "sha256"));
    out_kv("halaman", "%lld", jint(doc, "pages"));
    if (file)
        out_kv("berkas", "%s", file);
}

int cmd_issue(struct global *g, const struct command *cmd, int argc, char **argv)
{
    struct cli_list plist = {0};
    const char *case_arg = NULL, *form = NULL, *file = NULL, *event_arg = NULL;
    bool force = false;
    const struct cli_opt opts[] = {
        {"param", NULL, &plist, false, NULL},
        {"event", &event_arg, NULL, false, NULL},
        {"output", &file, NULL, false, NULL},
        {"force", NULL, NULL, false, &force},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {"FORM", &form}, {NULL, NULL}};
    long long id = 0, event = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = want_form(cmd, form)) != GO_ON ||
        (event_arg && (rc = cli_want_id(cmd, "--event", event_arg, &event)) != GO_ON) ||
        (rc = cli_case(g, cmd, case_arg, &id)) != GO_ON)
        return rc;
    if (force && !file)
        return cli_usage_error(cmd, "--force hanya bersama --output");
    json_t *body = issue_body(cmd, &plist, event, &rc);
    if (!body)
        return rc;
    struct out_file o = {.fd = -1};
    if ((rc = cli_connect(g, true)) != GO_ON ||
        (file && (rc = out_open(&o, file, force)) != GO_ON)) {
        json_decref(body);
        return rc;
    }
    char path[PATH_LEN];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/forms/%s", id, form);
    json_t *doc = cli_call(g, "POST", path, body, &rc);
    json_decref(body);
    if (!doc) {
        out_abort(&o);
        return rc;
    }
    /* issued: from here on the number is taken, so it is printed whatever
     * becomes of the download */
    char sha[SHA_HEX] = "";
    size_t bytes = 0;
    int saved = GO_ON;
    if (file) {
        snprintf(path, sizeof path, "/api/v1/documents/%lld.pdf", jint(doc, "id"));
        saved = save_pdf(g, path, &o, jstr(doc, "sha256"), sha, &bytes);
        if (saved == GO_ON)
            json_object_set_new(doc, "file", json_string(file));
    }
    if (g->json)
        out_json(doc);
    else
        print_issued(doc, saved == GO_ON ? file : NULL);
    if (saved != GO_ON)
        cli_fail(
            saved,
            "dokumen %lld telah diterbitkan, tetapi %s tidak ditulis; jalankan: berkas document "
            "%lld -o FILE",
            jint(doc, "id"), file, jint(doc, "id"));
    json_decref(doc);
    return saved == GO_ON ? EXIT_OK : saved;
}

/* Revoke an issued document with its reason, or (--reissue) revoke it and issue its form again
 * for its act as it stands, in one step: a paper issued before a correction of its act (berkas
 * show, the dossier's gaps). */
int cmd_revoke(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *doc_arg = NULL, *note = NULL;
    bool reissue = false;
    const struct cli_opt opts[] = {
        {"note", &note, NULL, false, NULL},
        {"reissue", NULL, NULL, false, &reissue},
        END_OPTS,
    };
    const struct cli_arg args[] = {{"DOCUMENT", &doc_arg}, {NULL, NULL}};
    long long id = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "DOCUMENT", doc_arg, &id)) != GO_ON)
        return rc;
    if (!note || !*note)
        return cli_usage_error(cmd, "--note TEKS wajib: alasan pencabutan");
    if ((rc = cli_connect(g, true)) != GO_ON)
        return rc;
    char path[PATH_LEN];
    snprintf(path, sizeof path, "/api/v1/documents/%lld/%s", id, reissue ? "reissue" : "revoke");
    json_t *body = json_pack("{s:s}", "note", note);
    json_t *doc = cli_call(g, "POST", path, body, &rc);
    json_decref(body);
    if (!doc)
        return rc;
    if (g->json)
        out_json(doc);
    else if (reissue) {
        out_kv("dicabut", "%lld", id);
        print_issued(doc, NULL);
    } else
        out_kv("dicabut", "%lld %s", id, jstr(doc, "number"));
    json_decref(doc);
    return EXIT_OK;
}

int cmd_documents(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL;
    const struct cli_arg args[] = {{"CASE", &case_arg}, {NULL, NULL}};
    long long id = 0;
    int rc = cli_parse(g, cmd, argc, argv, NULL, args);
    if (rc != GO_ON || (rc = cli_connect(g, true)) != GO_ON ||
        (rc = cli_case(g, cmd, case_arg, &id)) != GO_ON)
        return rc;
    char path[64];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/documents", id);
    json_t *list = cli_call(g, "GET", path, NULL, &rc);
    if (!list)
        return rc;
    json_t *items = json_object_get(list, "items");
    if (g->json) {
        out_json(list);
    } else if (json_array_size(items) == 0) {
        printf("Belum ada dokumen diterbitkan.\n");
    } else {
        static const char *const heads[] = {"ID",  "FORM", "NOMOR",   "TANGGAL",
                                            "HLM", "KODE", "KEADAAN", "SHA-256"};
        struct table *t = table_new(8, heads);
        bool ok = t != NULL;
        size_t i;
        json_t *d;
        json_array_foreach(items, i, d)
        {
            char idb[24], pages[24];
            const char *row[] = {jtext(d, "id", idb, sizeof idb),
                                 jstr(d, "form"),
                                 jstr(d, "number"),
                                 jstr(d, "issued_on"),
                                 jtext(d, "pages", pages, sizeof pages),
                                 jstr(d, "verify_code"),
                                 json_is_true(json_object_get(d, "revoked")) ? "REVOKED"
                                                                             : "berlaku",
                                 jstr(d, "sha256")};
            ok = ok && table_add(t, row);
        }
        if (ok)
            table_print(t);
        table_free(t);
        if (!ok) {
            json_decref(list);
            return cli_fail(EXIT_USAGE, "memori habis");
        }
    }
    json_decref(list);
    return EXIT_OK;
}

/* The common body of document and dossier: ID, -o FILE, --force, one PDF. */
static int download_to_file(struct global *g, const struct command *cmd, int argc, char **argv,
                            const char *what, const char *id_key, const char *before,
                            const char *after)
{
    const char *id_arg = NULL, *file = NULL;
    bool force = false;
    const struct cli_opt opts[] = {
        {"output", &file, NULL, true, NULL},
        {"force", NULL, NULL, false, &force},
        END_OPTS,
    };
    const struct cli_arg args[] = {{strcmp(id_key, "case") == 0 ? "CASE" : "ID", &id_arg},
                                   {NULL, NULL}};
    long long id = 0;
    bool is_case = strcmp(id_key, "case") == 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (!is_case && (rc = cli_want_id(cmd, args[0].name, id_arg, &id)) != GO_ON))
        return rc;
    struct out_file o;
    if ((rc = cli_connect(g, true)) != GO_ON ||
        (is_case && (rc = cli_case(g, cmd, id_arg, &id)) != GO_ON) ||
        (rc = out_open(&o, file, force)) != GO_ON)
        return rc;
    char path[128];
    snprintf(path, sizeof path, "%s%lld%s", before, id, after);
    char sha[SHA_HEX];
    size_t bytes = 0;
    if ((rc = save_pdf(g, path, &o, NULL, sha, &bytes)) != GO_ON)
        return rc;
    print_saved(g, file, what, id, id_key, bytes, sha);
    return EXIT_OK;
}

int cli_save(struct global *g, const char *path, const char *accept, const char *file, bool force,
             size_t *bytes)
{
    struct out_file o;
    int rc = out_open(&o, file, force);
    if (rc != GO_ON)
        return rc;
    char err[512];
    struct api_response r;
    if (!api_download(&g->api, path, accept, &r, err, sizeof err)) {
        out_abort(&o);
        return cli_fail(EXIT_USAGE, "%s", err);
    }
    if (r.status < 200 || r.status > 299) {
        char line[4096];
        api_problem_line(&r, line, sizeof line);
        rc = cli_fail(EXIT_REFUSED, "%s", line);
        api_problem_gaps(&r, stderr);
    } else if (strncasecmp(r.content_type, accept, strlen(accept)) != 0) {
        rc = cli_fail(EXIT_REFUSED, "GET %s: jawaban (%s) bukan %s", path,
                      r.content_type[0] ? r.content_type : "tanpa jenis", accept);
    } else {
        *bytes = r.len;
        rc = out_commit(&o, (const unsigned char *)r.body, r.len);
    }
    if (rc != GO_ON)
        out_abort(&o);
    api_response_free(&r);
    return rc == GO_ON ? EXIT_OK : rc;
}

int cmd_document(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return download_to_file(g, cmd, argc, argv, "issued", "document", "/api/v1/documents/", ".pdf");
}

int cmd_dossier(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return download_to_file(g, cmd, argc, argv, "dossier", "case", "/api/v1/cases/",
                            "/dossier.pdf");
}

/* A verification code as typed from paper, in the form the server keeps:
 * capitals, without '-' or spaces, I and L read as 1 and O as 0
 * (Crockford).  False when it cannot be one. */
static bool normal_code(const char *in, char out[CODE_LEN + 1])
{
    size_t n = 0;
    for (; *in; in++) {
        char c = *in;
        if (c == '-' || c == ' ')
            continue;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        c = c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c;
        if (n == CODE_LEN || !strchr(CODE_ALPHABET, c))
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n == CODE_LEN;
}

int cmd_verify(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *code_arg = NULL;
    const struct cli_arg args[] = {{"CODE", &code_arg}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, NULL, args);
    if (rc != GO_ON)
        return rc;
    char code[CODE_LEN + 1];
    if (!normal_code(code_arg, code))
        return cli_usage_error(cmd,
                               "KODE harus kode verifikasi 12 karakter yang tercetak pada "
                               "dokumen, bukan '%s'",
                               code_arg);
    /* public: no session needed, and no token sent */
    if ((rc = cli_connect(g, false)) != GO_ON)
        return rc;
    char path[64];
    snprintf(path, sizeof path, "/verify/%s", code);
    json_t *v = cli_call(g, "GET", path, NULL, &rc);
    if (!v)
        return rc;
    bool genuine = json_is_true(json_object_get(v, "genuine"));
    bool revoked = json_is_true(json_object_get(v, "revoked"));
    if (g->json) {
        out_json(v);
    } else {
        out_kv("status", "%s",
               !genuine  ? "TIDAK ASLI"
               : revoked ? "DICABUT: asli, tetapi telah ditarik"
                         : "asli dan berlaku");
        out_kv("jenis", "%s", jstr(v, "title"));
        out_kv("nomor", "%s", jstr(v, "number"));
        out_kv("tanggal", "%s", jstr(v, "issued_on"));
        out_kv("kantor", "%s", jstr(v, "office"));
        out_kv("kode", "%s", jstr(v, "code"));
    }
    json_decref(v);
    return genuine && !revoked ? EXIT_OK : EXIT_REFUSED;
}

/* The whole of a file, at most max bytes; NULL with a one-line error. */
static unsigned char *read_file_max(const char *path, size_t max, size_t *len, int *rc)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *rc = cli_fail(EXIT_USAGE, "tidak dapat membuka %s", path);
        return NULL;
    }
    unsigned char *buf = malloc(max + 1);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
    bool bad = ferror(f) != 0;
    fclose(f);
    if (!buf || bad || n == 0 || n > max) {
        free(buf);
        *rc = cli_fail(EXIT_USAGE,
                       !buf     ? "memori habis"
                       : bad    ? "tidak dapat membaca %s"
                       : n == 0 ? "%s kosong"
                                : "%s lebih besar dari 32 MiB",
                       path);
        return NULL;
    }
    *len = n;
    return buf;
}

/* "&name=escaped value" appended to path; false when it does not fit. */
static bool query_add(char *path, size_t size, const char *name, const char *value)
{
    if (!value)
        return true;
    char esc[1024];
    size_t used = strlen(path);
    if (!api_escape(value, esc, sizeof esc))
        return false;
    int n = snprintf(path + used, size - used, "%c%s=%s", strchr(path, '?') ? '&' : '?', name, esc);
    return n > 0 && (size_t)n < size - used;
}

int cmd_upload(struct global *g, const struct command *cmd, int argc, char **argv)
{
    const char *case_arg = NULL, *file = NULL, *title = NULL, *event = NULL, *document = NULL,
               *number = NULL, *dated = NULL;
    const struct cli_opt opts[] = {
        {"title", &title, NULL, true, NULL},        {"event", &event, NULL, false, NULL},
        {"document", &document, NULL, false, NULL}, {"number", &number, NULL, false, NULL},
        {"dated", &dated, NULL, false, NULL},       END_OPTS,
    };
    const struct cli_arg args[] = {{"CASE", &case_arg}, {"FILE", &file}, {NULL, NULL}};
    long long id = 0, ev = 0, doc = 0;
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON || (rc = cli_want_id(cmd, "--event", event, &ev)) != GO_ON ||
        (rc = cli_want_id(cmd, "--document", document, &doc)) != GO_ON ||
        (rc = cli_want_date(cmd, "--dated", dated)) != GO_ON)
        return rc;
    if (!event == !document)
        return cli_usage_error(cmd,
                               "beri --event ID (tindakannya) atau --document ID (pindaiannya)");
    if ((rc = cli_case(g, cmd, case_arg, &id)) != GO_ON)
        return rc;
    size_t len = 0;
    unsigned char *pdf = read_file_max(file, 32u << 20, &len, &rc);
    if (!pdf)
        return rc;
    char path[4096];
    snprintf(path, sizeof path, "/api/v1/cases/%lld/uploads", id);
    bool fits =
        query_add(path, sizeof path, event ? "event" : "document", event ? event : document) &&
        query_add(path, sizeof path, "title", title) &&
        query_add(path, sizeof path, "number", number) &&
        query_add(path, sizeof path, "dated", dated);
    if (!fits || (rc = cli_connect(g, true)) != GO_ON) {
        free(pdf);
        return fits ? rc : cli_usage_error(cmd, "--title atau --number terlalu panjang");
    }
    struct api_response r;
    char err[512];
    bool sent = api_upload(&g->api, path, pdf, len, "application/pdf", &r, err, sizeof err);
    free(pdf);
    if (!sent)
        return cli_fail(EXIT_USAGE, "%s", err);
    json_t *j = r.status == 201 ? api_json(&r) : NULL;
    if (!j) {
        char line[2048];
        api_problem_line(&r, line, sizeof line);
        api_response_free(&r);
        return cli_fail(EXIT_REFUSED, "%s", line);
    }
    api_response_free(&r);
    if (g->json) {
        out_json(j);
    } else {
        out_kv("lampiran", "%lld", jint(j, "id"));
        out_kv("judul", "%s", jstr(j, "title"));
        out_kv("nomor", "%s", *jstr(j, "number") ? jstr(j, "number") : "-");
        out_kv("halaman", "%lld", jint(j, "pages"));
        out_kv("sha256", "%s", jstr(j, "sha256"));
    }
    json_decref(j);
    return EXIT_OK;
}
