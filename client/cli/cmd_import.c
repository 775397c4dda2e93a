/*
 * cmd_import.c - berkas office import FILE and berkas user import FILE: an
 * installation's offices and people from a CSV file (RFC 4180: a header
 * line naming the columns, commas, "quoted" fields with "" inside, UTF-8).
 *
 * The file goes to the server as rows, each with its line number; the
 * server checks every row with the rules of office add / user add inside
 * one transaction and writes all of them or none.  Every bad row is printed
 * as "FILE:LINE: column: why", so one run names them all.  --dry-run checks
 * and writes nothing.  A user row without a password gets a generated one,
 * printed once (NIP and password, tab-separated) on standard output.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/buf.h"
#include "cmds.h"
#include "output.h"

#define END_OPTS                                                                                   \
    {                                                                                              \
        NULL, NULL, NULL, false, NULL                                                              \
    }
#define IMPORT_MAX_ROWS  500
#define IMPORT_MAX_BYTES (900 * 1024) /* the server takes 1 MiB of JSON */
#define MAX_COLUMNS      16

/* One parsed file: the header's names and every record as an object with
 * its starting line. */
struct csv {
    const char *names[MAX_COLUMNS];
    char *header[MAX_COLUMNS];
    size_t ncols;
};

/* One field at *p (a record ends at '\n' or the end); into a new string.
 * *line counts the newlines passed (inside quotes too).  NULL on a
 * malformed quote, with why. */
static char *csv_field(const char **p, int *line, const char **why)
{
    const char *s = *p;
    struct buf out = {.secret = true}; /* a user file's field may be a password */
    bool quoted = *s == '"';
    if (quoted)
        s++;
    for (;;) {
        char c = *s;
        if (quoted && c == '\0') {
            *why = "tanda kutip tidak ditutup";
            buf_free(&out);
            return NULL;
        }
        if (quoted && c == '"' && s[1] == '"') {
            c = '"';
            s++;
        } else if (quoted && c == '"') {
            s++;
            if (*s != ',' && *s != '\n' && *s != '\r' && *s != '\0') {
                *why = "teks setelah tanda kutip penutup";
                buf_free(&out);
                return NULL;
            }
            break;
        } else if (!quoted && (c == ',' || c == '\n' || c == '\0')) {
            break;
        } else if (!quoted && c == '\r' && (s[1] == '\n' || s[1] == '\0')) {
            s++;
            break;
        }
        if (c == '\n')
            (*line)++;
        if (!buf_append(&out, &c, 1)) {
            buf_free(&out);
            return NULL; /* memory short: the caller says so */
        }
        s++;
    }
    if (*s == '\r' && s[1] == '\n')
        s++;
    *p = s;
    return buf_take(&out, NULL);
}

/* Where a parse is: the text left, its line, and the file's name and the
 * reason's buffer for a refusal. */
struct csv_at {
    const char *p;
    int line;
    const char *file;
    char *why;
    size_t whysz;
};

/* The header line into h: the column names, lower-cased.  False (why set)
 * on a malformed field or more than MAX_COLUMNS columns. */
static bool csv_header(struct csv_at *at, struct csv *h)
{
    const char *bad = NULL;
    if (strncmp(at->p, "\xEF\xBB\xBF", 3) == 0) /* a spreadsheet's byte-order mark */
        at->p += 3;
    while (h->ncols < MAX_COLUMNS) {
        char *name = csv_field(&at->p, &at->line, &bad);
        if (!name) {
            snprintf(at->why, at->whysz, "%s:1: %s", at->file, bad ? bad : "memori habis");
            return false;
        }
        for (char *c = name; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        h->header[h->ncols++] = name;
        if (*at->p != ',')
            break;
        at->p++;
    }
    if (*at->p == '\n') {
        at->p++;
        at->line++;
    } else if (*at->p) {
        snprintf(at->why, at->whysz, "%s:1: lebih dari %d kolom", at->file, MAX_COLUMNS);
        return false;
    }
    return true;
}

/* One value of a record into row under its column's name (an empty one left
 * out).  False (why set) for a value beyond the header's columns or one that
 * is not UTF-8 text. */
static bool csv_value(struct csv_at *at, const struct csv *h, int start, size_t col, const char *v,
                      json_t *row)
{
    if (col >= h->ncols) {
        if (!*v)
            return true;
        snprintf(at->why, at->whysz, "%s:%d: lebih banyak kolom dari kepalanya (%zu)", at->file,
                 start, h->ncols);
        return false;
    }
    if (!*v)
        return true;
    json_t *s = json_string(v);
    if (!s) {
        snprintf(at->why, at->whysz, "%s:%d: bukan teks UTF-8", at->file, start);
        return false;
    }
    json_object_set_new(row, h->header[col], s);
    return true;
}

/* One record as an object with its starting "line"; *out NULL for a record
 * of empty fields.  False (why set) when a field is refused. */
static bool csv_record(struct csv_at *at, const struct csv *h, json_t **out)
{
    const char *bad = NULL;
    int start = at->line;
    json_t *row = json_pack("{s:i}", "line", start);
    bool blank = true;
    for (size_t col = 0;; col++) {
        char *v = csv_field(&at->p, &at->line, &bad);
        if (!v) {
            snprintf(at->why, at->whysz, "%s:%d: %s", at->file, start, bad ? bad : "memori habis");
            json_decref(row);
            return false;
        }
        if (*v)
            blank = false;
        bool ok = csv_value(at, h, start, col, v, row);
        free(v);
        if (!ok) {
            json_decref(row);
            return false;
        }
        if (*at->p != ',')
            break;
        at->p++;
    }
    if (*at->p == '\n') {
        at->p++;
        at->line++;
    }
    if (blank) {
        json_decref(row);
        row = NULL;
    }
    *out = row;
    return true;
}

/* The rows of text as JSON objects keyed by the header's names, each with
 * "line"; empty fields left out.  NULL with a one-line reason. */
static json_t *csv_rows(const char *text, const char *file, char *why, size_t whysz)
{
    struct csv h = {0};
    struct csv_at at = {.p = text, .line = 1, .file = file, .why = why, .whysz = whysz};
    json_t *rows = NULL;
    if (csv_header(&at, &h)) {
        rows = json_array();
        while (*at.p) {
            json_t *row;
            if (!csv_record(&at, &h, &row)) {
                json_decref(rows);
                rows = NULL;
                break;
            }
            if (row)
                json_array_append_new(rows, row);
        }
    }
    for (size_t i = 0; i < h.ncols; i++)
        free(h.header[i]);
    return rows;
}

static char *read_file(const char *path, size_t max, char *why, size_t whysz)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, whysz, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc(max + 1);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
    bool err = ferror(f);
    fclose(f);
    if (!buf || err || n > max) {
        snprintf(why, whysz, "%s: %s", path,
                 !buf  ? "memori habis"
                 : err ? "tak terbaca"
                       : "terlalu besar");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (strlen(buf) != n) {
        snprintf(why, whysz, "%s: memuat byte NUL (bukan CSV teks)", path);
        free(buf);
        return NULL;
    }
    return buf;
}

/* Print the server's refusal: every bad row, or the problem's one line. */
static int print_refusal(const struct api_response *r, const char *file)
{
    json_t *p = api_json(r);
    json_t *errors = json_object_get(p, "errors");
    if (r->status != 422 || !json_is_array(errors)) {
        char line[4096];
        api_problem_line(r, line, sizeof line);
        json_decref(p);
        return cli_fail(EXIT_REFUSED, "%s", line);
    }
    size_t i;
    json_t *e;
    json_array_foreach(errors, i, e)
    {
        const char *field = jstr(e, "field");
        fprintf(stderr, "%s:%lld: %s%s%s\n", file,
                (long long)json_integer_value(json_object_get(e, "line")), field,
                *field ? ": " : "", jstr(e, "detail"));
    }
    fprintf(stderr, "berkas: %zu baris salah; tidak ada yang disimpan\n", json_array_size(errors));
    json_decref(p);
    return EXIT_REFUSED;
}

static int import(struct global *g, const struct command *cmd, int argc, char **argv,
                  const char *what)
{
    const char *file = NULL;
    bool dry = false;
    const struct cli_opt opts[] = {{"dry-run", NULL, NULL, false, &dry}, END_OPTS};
    const struct cli_arg args[] = {{"FILE", &file}, {NULL, NULL}};
    int rc = cli_parse(g, cmd, argc, argv, opts, args);
    if (rc != GO_ON)
        return rc;
    char why[1024];
    char *text = read_file(file, IMPORT_MAX_BYTES, why, sizeof why);
    json_t *rows = text ? csv_rows(text, file, why, sizeof why) : NULL;
    if (text)
        api_wipe(text, strlen(text)); /* a user file may hold passwords */
    free(text);
    if (!rows)
        return cli_fail(EXIT_USAGE, "%s", why);
    if (json_array_size(rows) == 0 || json_array_size(rows) > IMPORT_MAX_ROWS) {
        size_t n = json_array_size(rows);
        json_decref(rows);
        return cli_fail(EXIT_USAGE, "%s: %zu baris data; 1 sampai %d per berkas", file, n,
                        IMPORT_MAX_ROWS);
    }
    if ((rc = cli_connect(g, true)) != GO_ON) {
        json_decref(rows);
        return rc;
    }
    json_t *body = json_pack("{s:s, s:b, s:o}", "what", what, "dry_run", dry, "rows", rows);
    struct api_response r;
    char err[512];
    bool sent = body && api_request(&g->api, "POST", "/api/v1/imports", body, &r, err, sizeof err);
    size_t i;
    json_t *row;
    json_array_foreach(json_object_get(body, "rows"), i, row) api_wipe_json_string(row, "password");
    json_decref(body);
    if (!sent)
        return cli_fail(EXIT_USAGE, "%s", body ? err : "memori habis");
    if (r.status != 200) {
        rc = print_refusal(&r, file);
        api_response_free(&r);
        return rc;
    }
    json_t *res = api_json(&r);
    api_response_free(&r);
    json_t *p;
    if (g->json) {
        out_json(res);
    } else {
        json_array_foreach(json_object_get(res, "passwords"), i, p)
            printf("%s\t%s\n", jstr(p, "nip"), jstr(p, "password"));
        fprintf(stderr, "berkas: %lld baris %s%s\n",
                (long long)json_integer_value(json_object_get(res, "rows")),
                dry ? "benar; tidak ada yang disimpan (--dry-run)" : "disimpan",
                json_array_size(json_object_get(res, "passwords")) > 0
                    ? "; kata sandi awal di atas (NIP, kata sandi): serahkan masing-masing "
                      "kepada pemiliknya"
                    : "");
    }
    json_array_foreach(json_object_get(res, "passwords"), i, p) api_wipe_json_string(p, "password");
    json_decref(res);
    return EXIT_OK;
}

int cmd_office_import(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return import(g, cmd, argc, argv, "offices");
}

int cmd_user_import(struct global *g, const struct command *cmd, int argc, char **argv)
{
    return import(g, cmd, argc, argv, "users");
}
