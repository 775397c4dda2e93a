/*
 * sqlgate.c - SQL lives in server/store/ (issue 12.1), and this gate says
 * where it does not yet.
 *
 *   sqlgate ALLOWLIST ROOT [DIR...]   check DIRs (default: server client)
 *   sqlgate --print ROOT [DIR...]     print the counts in the allowlist's form
 *
 * Every C file (.c, .h) under ROOT/DIR outside server/store/ is read as C:
 * comments and character constants are skipped, adjacent string literals are
 * joined into one (as the compiler joins them), and a joined literal is an SQL
 * string when it holds, as an upper-case word, a statement's keyword (SELECT,
 * INSERT INTO, UPDATE, DELETE FROM, WITH, RETURNING, ON CONFLICT, SET LOCAL,
 * BEGIN, COMMIT, ROLLBACK), or two clause keywords (FROM, WHERE, JOIN,
 * ORDER BY, GROUP BY, HAVING, LIMIT, FILTER): a fragment spliced into a
 * statement is SQL too.
 *
 * The allowlist names each file that still holds SQL ("path count" a line,
 * # comments) and may only shrink: a file with more SQL strings than its
 * line allows, or a file not on the list with any, fails; so does a file
 * with fewer (the list is to be tightened to the new count, so that the
 * room cannot be taken again) and a line for a file that is gone or that
 * lives in server/store/.
 *
 *   sqlgate --json ALLOWLIST ROOT     JSON is not built in SQL (issue 12.1)
 *
 * counts instead, in the C files of ROOT/server/store/ only, the joined
 * literals that call a function building JSON (json_build_object,
 * json_build_array, json_agg, json_object_agg, to_jsonb, row_to_json,
 * array_to_json, and their jsonb_ twins; any case): a query module hands
 * app/ plain columns in C structs.  The same allowlist rules hold.  A value
 * rendered as JSON text (to_json(x) #>> '{}') builds nothing and is not
 * counted.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define STORE_DIR "server/store/"

struct buf {
    char *s;
    size_t len, cap;
};

static void buf_add(struct buf *b, char c)
{
    if (b->len + 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        char *s = realloc(b->s, cap);
        if (!s) {
            fprintf(stderr, "sqlgate: out of memory\n");
            exit(2);
        }
        b->s = s;
        b->cap = cap;
    }
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

/* ---- what an SQL string is ------------------------------------------------------------ */

static bool word_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* How many times kw (words separated by single spaces) stands in s as whole
 * words, any run of blanks between its words. */
static int occurrences(const char *s, const char *kw)
{
    int n = 0;
    for (const char *p = s; *p; p++) {
        if (p > s && word_char(p[-1]))
            continue;
        const char *q = p, *k = kw;
        while (*k) {
            if (*k == ' ') {
                if (*q != ' ' && *q != '\t' && *q != '\n')
                    break;
                while (*q == ' ' || *q == '\t' || *q == '\n')
                    q++;
                k++;
            } else if (*q == *k) {
                q++;
                k++;
            } else {
                break;
            }
        }
        if (!*k && !word_char(*q))
            n++;
    }
    return n;
}

static bool is_sql(const char *s)
{
    static const char *const statement[] = {"SELECT", "INSERT INTO", "UPDATE",      "DELETE FROM",
                                            "WITH",   "RETURNING",   "ON CONFLICT", "SET LOCAL",
                                            "BEGIN",  "COMMIT",      "ROLLBACK"};
    static const char *const clause[] = {"FROM",     "WHERE",  "JOIN",  "ORDER BY",
                                         "GROUP BY", "HAVING", "LIMIT", "FILTER"};
    for (size_t i = 0; i < sizeof statement / sizeof statement[0]; i++)
        if (occurrences(s, statement[i]))
            return true;
    int n = 0;
    for (size_t i = 0; i < sizeof clause / sizeof clause[0]; i++)
        n += occurrences(s, clause[i]);
    return n >= 2;
}

/* the --json mode: what is counted is JSON built in SQL, in server/store/ */
static bool json_mode;

static bool builds_json(const char *s)
{
    static const char *const fn[] = {"json_build_object", "jsonb_build_object", "json_build_array",
                                     "jsonb_build_array", "json_agg",           "jsonb_agg",
                                     "json_object_agg",   "jsonb_object_agg",   "to_jsonb",
                                     "row_to_json",       "array_to_json"};
    char *low = strdup(s);
    if (!low) {
        fprintf(stderr, "sqlgate: out of memory\n");
        exit(2);
    }
    for (char *p = low; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    bool found = false;
    for (size_t i = 0; i < sizeof fn / sizeof fn[0] && !found; i++)
        found = occurrences(low, fn[i]) > 0;
    free(low);
    return found;
}

static bool counted(const char *s)
{
    return json_mode ? builds_json(s) : is_sql(s);
}

/* ---- reading C -------------------------------------------------------------------------- */

/* The SQL strings of one file's text: their count, and each one's first line
 * printed when show is set. */
static int count_sql(const char *path, const char *src, bool show)
{
    struct buf lit = {0};
    bool in_lit = false; /* a joined literal is open: only blanks and comments since */
    int lit_line = 0, line = 1, count = 0;
    const char *p = src;
    while (*p) {
        if (p[0] == '/' && p[1] == '/') {
            while (*p && *p != '\n')
                p++;
            continue;
        }
        if (p[0] == '/' && p[1] == '*') {
            p += 2;
            while (*p && !(p[0] == '*' && p[1] == '/')) {
                line += *p == '\n';
                p++;
            }
            if (*p)
                p += 2;
            continue;
        }
        if (*p == '"') {
            if (!in_lit) {
                lit.len = 0;
                if (lit.s)
                    lit.s[0] = '\0';
                lit_line = line;
                in_lit = true;
            }
            for (p++; *p && *p != '"' && *p != '\n'; p++) {
                if (*p == '\\' && p[1]) {
                    /* an escape: \n and \t read as the blanks they are */
                    p++;
                    buf_add(&lit, *p == 'n' || *p == 't' ? ' ' : *p);
                    continue;
                }
                buf_add(&lit, *p);
            }
            if (*p == '"')
                p++;
            continue;
        }
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
            line += *p == '\n';
            p++;
            continue;
        }
        /* anything else ends a joined literal */
        if (in_lit) {
            in_lit = false;
            if (lit.s && counted(lit.s)) {
                count++;
                if (show)
                    printf("  %s:%d: %.70s\n", path, lit_line, lit.s);
            }
        }
        if (*p == '\'') { /* a character constant, '"' among them */
            for (p++; *p && *p != '\'' && *p != '\n'; p++)
                if (*p == '\\' && p[1])
                    p++;
            if (*p == '\'')
                p++;
            continue;
        }
        p++;
    }
    if (in_lit && lit.s && counted(lit.s)) {
        count++;
        if (show)
            printf("  %s:%d: %.70s\n", path, lit_line, lit.s);
    }
    free(lit.s);
    return count;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct buf b = {0};
    int c;
    while ((c = getc(f)) != EOF)
        buf_add(&b, c == '\0' ? ' ' : (char)c);
    fclose(f);
    if (!b.s)
        buf_add(&b, ' ');
    return b.s;
}

/* ---- the files -------------------------------------------------------------------------- */

struct entry {
    char *path; /* relative to ROOT */
    int found;  /* SQL strings now; -1: no such file */
    int allowed;
};

struct list {
    struct entry *e;
    size_t n, cap;
};

static struct entry *list_find(struct list *l, const char *path)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->e[i].path, path) == 0)
            return &l->e[i];
    return NULL;
}

static struct entry *list_add(struct list *l, const char *path)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct entry *e = realloc(l->e, cap * sizeof *e);
        if (!e) {
            fprintf(stderr, "sqlgate: out of memory\n");
            exit(2);
        }
        l->e = e;
        l->cap = cap;
    }
    struct entry *e = &l->e[l->n++];
    e->path = strdup(path);
    if (!e->path) {
        fprintf(stderr, "sqlgate: out of memory\n");
        exit(2);
    }
    e->found = -1;
    e->allowed = 0;
    return e;
}

static bool c_file(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && name[n - 2] == '.' && (name[n - 1] == 'c' || name[n - 1] == 'h');
}

/* Every C file under root/rel, outside server/store/ (in it, with --json),
 * counted into l. */
static bool walk(const char *root, const char *rel, struct list *l)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, rel);
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "sqlgate: cannot read %s: %s\n", dir, strerror(errno));
        return false;
    }
    bool ok = true;
    struct dirent *de;
    while (ok && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char sub[4096], full[8192];
        snprintf(sub, sizeof sub, "%s/%s", rel, de->d_name);
        snprintf(full, sizeof full, "%s/%s", root, sub);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            char prefix[4100];
            snprintf(prefix, sizeof prefix, "%s/", sub);
            if (json_mode || strcmp(prefix, STORE_DIR) != 0)
                ok = walk(root, sub, l);
        } else if (S_ISREG(st.st_mode) && c_file(de->d_name)) {
            char *src = read_all(full);
            if (!src) {
                fprintf(stderr, "sqlgate: cannot read %s\n", full);
                ok = false;
                break;
            }
            int n = count_sql(sub, src, false);
            free(src);
            struct entry *e = list_find(l, sub);
            if (!e && n == 0)
                continue;
            if (!e)
                e = list_add(l, sub);
            e->found = n;
        }
    }
    closedir(d);
    return ok;
}

static bool read_allowlist(const char *path, struct list *l)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "sqlgate: cannot read the allowlist %s: %s\n", path, strerror(errno));
        return false;
    }
    char line[4096];
    int no = 0;
    bool ok = true;
    while (fgets(line, sizeof line, f)) {
        no++;
        char *s = line + strspn(line, " \t");
        if (*s == '#' || *s == '\n' || *s == '\0')
            continue;
        char file[4096];
        int count;
        char extra;
        if (sscanf(s, "%4095s %d %c", file, &count, &extra) != 2 || count < 0) {
            fprintf(stderr, "sqlgate: %s:%d: not \"path count\"\n", path, no);
            ok = false;
            continue;
        }
        if (list_find(l, file)) {
            fprintf(stderr, "sqlgate: %s:%d: %s named twice\n", path, no, file);
            ok = false;
            continue;
        }
        list_add(l, file)->allowed = count;
    }
    fclose(f);
    return ok;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

static void list_free(struct list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->e[i].path);
    free(l->e);
}

int main(int argc, char **argv)
{
    json_mode = argc >= 2 && strcmp(argv[1], "--json") == 0;
    if (json_mode) {
        argv++;
        argc--;
    }
    bool print = argc >= 2 && strcmp(argv[1], "--print") == 0;
    if (argc < 3 || (json_mode && argc > 3)) {
        fprintf(stderr, "usage: sqlgate ALLOWLIST ROOT [DIR...]\n"
                        "       sqlgate --print ROOT [DIR...]\n"
                        "       sqlgate --json ALLOWLIST ROOT\n"
                        "       sqlgate --json --print ROOT\n");
        return 2;
    }
    const char *root = argv[2];
    static const char *const defaults[] = {"server", "client"};
    static const char *const store[] = {"server/store"};
    const char *const *dirs = json_mode  ? store
                              : argc > 3 ? (const char *const *)argv + 3
                                         : defaults;
    int ndirs = json_mode ? 1 : argc > 3 ? argc - 3 : 2;
    struct list l = {0};
    bool ok = print || read_allowlist(argv[1], &l);
    for (int i = 0; i < ndirs && ok; i++)
        ok = walk(root, dirs[i], &l);
    if (!ok) {
        list_free(&l);
        return 2;
    }
    if (l.n)
        qsort(l.e, l.n, sizeof *l.e, by_path);
    int failed = 0, total = 0, files = 0;
    for (size_t i = 0; i < l.n; i++) {
        struct entry *e = &l.e[i];
        if (e->found > 0) {
            total += e->found;
            files++;
        }
        if (print) {
            printf("%s %d\n", e->path, e->found);
            continue;
        }
        if (!json_mode && strncmp(e->path, STORE_DIR, strlen(STORE_DIR)) == 0) {
            printf("sqlgate: %s is in %s, where SQL belongs: take its line off the allowlist\n",
                   e->path, STORE_DIR);
            failed++;
        } else if (e->found < 0) {
            printf("sqlgate: %s is on the allowlist but not here (or not under the checked "
                   "directories): take its line off\n",
                   e->path);
            failed++;
        } else if (e->found > e->allowed && json_mode) {
            printf("sqlgate: %s holds %d statement%s building JSON in SQL, the allowlist lets it "
                   "have %d: give app/ plain columns in C structs (stmt_rows) and build the JSON "
                   "there\n",
                   e->path, e->found, e->found == 1 ? "" : "s", e->allowed);
            char full[8192];
            snprintf(full, sizeof full, "%s/%s", root, e->path);
            char *src = read_all(full);
            if (src)
                count_sql(e->path, src, true);
            free(src);
            failed++;
        } else if (e->found > e->allowed) {
            printf("sqlgate: %s holds %d SQL string%s, the allowlist lets it have %d: put the SQL "
                   "in a query module of %s and call that\n",
                   e->path, e->found, e->found == 1 ? "" : "s", e->allowed, STORE_DIR);
            char full[8192];
            snprintf(full, sizeof full, "%s/%s", root, e->path);
            char *src = read_all(full);
            if (src)
                count_sql(e->path, src, true);
            free(src);
            failed++;
        } else if (e->found < e->allowed) {
            printf("sqlgate: %s now holds %d SQL string%s, fewer than the %d allowed: tighten "
                   "its line in the allowlist to \"%s %d\"%s (the list only shrinks)\n",
                   e->path, e->found, e->found == 1 ? "" : "s", e->allowed, e->path, e->found,
                   e->found == 0 ? ", or take the line off" : "");
            failed++;
        }
    }
    if (!print && json_mode)
        printf("sqlgate: %d statement%s building JSON in %s in %d file%s; %d problem%s\n", total,
               total == 1 ? "" : "s", STORE_DIR, files, files == 1 ? "" : "s", failed,
               failed == 1 ? "" : "s");
    else if (!print)
        printf("sqlgate: %d SQL string%s outside %s in %d file%s; %d problem%s\n", total,
               total == 1 ? "" : "s", STORE_DIR, files, files == 1 ? "" : "s", failed,
               failed == 1 ? "" : "s");
    list_free(&l);
    return failed ? 1 : 0;
}
