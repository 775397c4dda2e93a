/* migrate.c - see migrate.h. */
#include "migrate.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"

#define MAX_MIGRATION_BYTES (4 * 1024 * 1024)
/* pg_advisory_lock key: "berkas-m" as a number, any constant would do */
#define MIGRATE_LOCK_KEY "7074420378129574253"

struct migration {
    int version;
    char name[256];
    char *sql;
    char sha256[crypto_hash_sha256_BYTES * 2 + 1];
};

int migrate_parse_name(const char *name)
{
    int v = 0, digits = 0;
    const char *p = name;
    while (isdigit((unsigned char)*p) && digits < 9) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (digits != 4 || *p != '_' || v <= 0)
        return -1;
    p++;
    size_t n = strlen(p);
    if (n <= 4 || strcmp(p + n - 4, ".sql") != 0)
        return -1;
    for (size_t i = 0; i < n - 4; i++)
        if (!(islower((unsigned char)p[i]) || isdigit((unsigned char)p[i]) || p[i] == '_'))
            return -1;
    return v;
}

int migrate_line_of(const char *text, long pos)
{
    int line = 1;
    for (long i = 0; text[i] && i < pos - 1; i++)
        if (text[i] == '\n')
            line++;
    return line;
}

static char *read_file(const char *path, struct berr *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        berr_set(err, BERR_INTERNAL, "cannot read migration %s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == -1 || st.st_size > MAX_MIGRATION_BYTES) {
        fclose(f);
        berr_set(err, BERR_INTERNAL, "migration %s is larger than %d bytes", path,
                 MAX_MIGRATION_BYTES);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    fclose(f);
    if (!buf || got != (size_t)st.st_size) {
        free(buf);
        berr_set(err, BERR_INTERNAL, "cannot read migration %s", path);
        return NULL;
    }
    buf[got] = '\0';
    if (strlen(buf) != got) {
        free(buf);
        berr_set(err, BERR_INTERNAL, "migration %s contains a NUL byte", path);
        return NULL;
    }
    return buf;
}

static int cmp_migration(const void *a, const void *b)
{
    const struct migration *x = a, *y = b;
    return (x->version > y->version) - (x->version < y->version);
}

static void free_migrations(struct migration *m, int n)
{
    for (int i = 0; i < n; i++)
        free(m[i].sql);
    free(m);
}

/* Read and checksum every migration in dir, sorted by version. */
static bool load_dir(const char *dir, struct migration **out, int *count, struct berr *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return berr_set(err, BERR_INTERNAL, "cannot open SQL directory %s: %s", dir,
                        strerror(errno));
    struct migration *m = NULL;
    int n = 0;
    size_t cap = 0;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d))) {
        int v = migrate_parse_name(e->d_name);
        if (v < 0)
            continue;
        struct migration *grown = array_grow(m, &cap, (size_t)n + 1, 16, sizeof *m);
        if (!grown) {
            ok = berr_set(err, BERR_INTERNAL, "out of memory");
            break;
        }
        m = grown;
        struct migration *cur = &m[n];
        memset(cur, 0, sizeof *cur);
        cur->version = v;
        snprintf(cur->name, sizeof cur->name, "%s", e->d_name);
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        cur->sql = read_file(path, err);
        if (!cur->sql) {
            ok = false;
            break;
        }
        unsigned char hash[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(hash, (const unsigned char *)cur->sql, strlen(cur->sql));
        sodium_bin2hex(cur->sha256, sizeof cur->sha256, hash, sizeof hash);
        n++;
    }
    closedir(d);
    if (!ok) {
        free_migrations(m, n);
        return false;
    }
    qsort(m, (size_t)n, sizeof *m, cmp_migration);
    for (int i = 1; i < n; i++)
        if (m[i].version == m[i - 1].version) {
            berr_set(err, BERR_INTERNAL, "migrations %s and %s share the number %04d",
                     m[i - 1].name, m[i].name, m[i].version);
            free_migrations(m, n);
            return false;
        }
    *out = m;
    *count = n;
    return true;
}

static bool exec_simple(PGconn *conn, const char *sql, struct berr *err)
{
    PGresult *r = PQexec(conn, sql); /* sql-gate: callers pass literals */
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) {
        char msg[300];
        snprintf(msg, sizeof msg, "%s", PQresultErrorMessage(r));
        msg[strcspn(msg, "\n")] = '\0';
        berr_set(err, BERR_INTERNAL, "migrations: %s", msg);
    }
    PQclear(r);
    return ok;
}

/* Check the recorded migrations against the files; collect what is applied. */
static bool check_applied(PGconn *conn, struct migration *m, int n, bool *applied, int *recorded,
                          struct berr *err)
{
    PGresult *r = PQexecParams(conn,
                               "SELECT version, name, sha256 FROM berkas_migrations "
                               "ORDER BY version",
                               0, NULL, NULL, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        berr_set(err, BERR_INTERNAL, "migrations: cannot read berkas_migrations: %s",
                 PQresultErrorMessage(r));
        PQclear(r);
        return false;
    }
    bool ok = true;
    int rows = PQntuples(r);
    for (int i = 0; i < rows && ok; i++) {
        int v = (int)strtol(PQgetvalue(r, i, 0), NULL, 10);
        const char *name = PQgetvalue(r, i, 1), *sum = PQgetvalue(r, i, 2);
        int found = -1;
        for (int j = 0; j < n; j++)
            if (m[j].version == v)
                found = j;
        if (found < 0)
            ok = berr_set(err, BERR_INTERNAL,
                          "migration %s was applied to this database but is missing from the "
                          "SQL directory",
                          name);
        else if (strcmp(m[found].sha256, sum) != 0)
            ok = berr_set(err, BERR_INTERNAL,
                          "migration %s was edited after it was applied (applied sha256 %.12s…, "
                          "file now %.12s…); put the change in a new migration instead",
                          m[found].name, sum, m[found].sha256);
        else
            applied[found] = true;
    }
    *recorded = rows;
    /* a new file numbered below an applied one would run out of order */
    for (int j = 0; ok && j < n; j++)
        for (int k = j + 1; k < n; k++)
            if (!applied[j] && applied[k]) {
                ok = berr_set(err, BERR_INTERNAL,
                              "migration %s is numbered below %s, which is already applied; "
                              "renumber it",
                              m[j].name, m[k].name);
                break;
            }
    PQclear(r);
    return ok;
}

/* A migration may hand a function of schema app to the NOLOGIN role
 * berkas_verifier (0004 and 0005: ALTER FUNCTION ... OWNER TO), which
 * PostgreSQL allows only when the new owner may create in the schema.  A
 * superuser (the embedded cluster's) skips that check; the owner of a --db
 * database with the documented grants (LOGIN CREATEROLE, owner of the
 * database) does not.  So the schema is opened to create in for the
 * migration's own transaction and closed again before it commits: no other
 * session ever sees it open. */
#define OPEN_APP                                                                                   \
    "DO $$ BEGIN IF to_regnamespace('app') IS NOT NULL THEN "                                      \
    "GRANT CREATE ON SCHEMA app TO PUBLIC; END IF; END $$"
#define CLOSE_APP                                                                                  \
    "DO $$ BEGIN IF to_regnamespace('app') IS NOT NULL THEN "                                      \
    "REVOKE CREATE ON SCHEMA app FROM PUBLIC; END IF; END $$"

static bool apply_one(PGconn *conn, const struct migration *mig, struct berr *err)
{
    if (!exec_simple(conn, "BEGIN", err))
        return false;
    if (!exec_simple(conn, OPEN_APP, err)) {
        PGresult *rb = PQexec(conn, "ROLLBACK");
        PQclear(rb);
        return false;
    }
    /* The one place berkas runs SQL text that is not a literal: the
     * migration files of its own repository, trusted like the binary. */
    PGresult *r = PQexec(conn, mig->sql); /* sql-gate: the repository's own file */
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
        const char *pos = PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION);
        const char *primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
        if (pos)
            berr_set(err, BERR_INTERNAL, "migration %s failed at line %d: %s", mig->name,
                     migrate_line_of(mig->sql, strtol(pos, NULL, 10)), primary ? primary : "error");
        else
            berr_set(err, BERR_INTERNAL, "migration %s failed: %s", mig->name,
                     primary ? primary : "error");
        PQclear(r);
        PGresult *rb = PQexec(conn, "ROLLBACK");
        PQclear(rb);
        return false;
    }
    PQclear(r);
    if (!exec_simple(conn, CLOSE_APP, err)) {
        PGresult *rb = PQexec(conn, "ROLLBACK");
        PQclear(rb);
        return false;
    }
    char version[16];
    snprintf(version, sizeof version, "%d", mig->version);
    const char *params[3] = {version, mig->name, mig->sha256};
    r = PQexecParams(conn,
                     "INSERT INTO berkas_migrations (version, name, sha256) "
                     "VALUES ($1::int, $2, $3)",
                     3, NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        berr_set(err, BERR_INTERNAL, "migration %s: cannot record it: %s", mig->name,
                 PQresultErrorMessage(r));
    PQclear(r);
    if (ok)
        ok = exec_simple(conn, "COMMIT", err);
    else {
        PGresult *rb = PQexec(conn, "ROLLBACK");
        PQclear(rb);
    }
    return ok;
}

bool migrate_run(PGconn *conn, const char *sql_dir, struct migrate_result *res, struct berr *err)
{
    struct migrate_result local = {0};
    struct migration *m = NULL;
    int n = 0;
    if (sodium_init() < 0)
        return berr_set(err, BERR_INTERNAL, "libsodium failed to initialise");
    if (!load_dir(sql_dir, &m, &n, err))
        return false;
    if (n == 0) {
        free_migrations(m, n);
        return berr_set(err, BERR_INTERNAL, "no migrations (NNNN_name.sql) in %s", sql_dir);
    }
    bool *applied = calloc((size_t)n, sizeof *applied);
    bool ok = applied != NULL;
    if (!ok)
        berr_set(err, BERR_INTERNAL, "out of memory");
    ok = ok && exec_simple(conn, "SELECT pg_advisory_lock(" MIGRATE_LOCK_KEY ")", err);
    bool locked = ok;
    ok = ok && exec_simple(conn,
                           "CREATE TABLE IF NOT EXISTS berkas_migrations ("
                           " version int PRIMARY KEY,"
                           " name text NOT NULL,"
                           " sha256 text NOT NULL,"
                           " applied_at timestamptz NOT NULL DEFAULT now())",
                           err);
    int recorded = 0;
    ok = ok && check_applied(conn, m, n, applied, &recorded, err);
    for (int i = 0; ok && i < n; i++) {
        if (applied[i])
            continue;
        ok = apply_one(conn, &m[i], err);
        if (ok)
            local.applied_now++;
    }
    if (ok) {
        local.total = recorded + local.applied_now;
        local.latest = m[n - 1].version;
    }
    if (locked) {
        PGresult *r = PQexec(conn, "SELECT pg_advisory_unlock(" MIGRATE_LOCK_KEY ")");
        PQclear(r);
    }
    free(applied);
    free_migrations(m, n);
    if (ok && res)
        *res = local;
    return ok;
}

bool migrate_server(PGconn *conn, char *version, size_t n, bool *schema, struct berr *err)
{
    PGresult *v = PQexec(conn, "SELECT current_setting('server_version'), (SELECT count(*) "
                               "FROM pg_tables WHERE tablename = 'berkas_migrations')");
    bool ok = PQresultStatus(v) == PGRES_TUPLES_OK && PQntuples(v) == 1;
    if (ok) {
        snprintf(version, n, "%s", PQgetvalue(v, 0, 0));
        *schema = PQgetvalue(v, 0, 1)[0] != '0';
    } else {
        berr_set(err, BERR_UNAVAILABLE, "%s", PQerrorMessage(conn));
    }
    PQclear(v);
    return ok;
}
