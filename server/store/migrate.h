/*
 * migrate.h - schema migrations from numbered SQL files.
 *
 * A migration is a file NNNN_name.sql in the SQL directory.  At start-up
 * they are applied in order, each once, each in its own transaction, and
 * recorded in berkas_migrations with the SHA-256 of the file.  A migration
 * that was applied and later edited (its checksum changed) or removed stops
 * start-up: the database and the repository no longer tell the same story.
 * Two berkasd starting at once serialise on an advisory lock.
 */
#ifndef BERKAS_STORE_MIGRATE_H
#define BERKAS_STORE_MIGRATE_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct migrate_result {
    int applied_now; /* migrations applied by this call */
    int total;       /* migrations recorded in the database afterwards */
    int latest;      /* highest version, the schema version */
};

/* Apply what is pending from sql_dir on conn (which must be allowed to
 * change the schema).  On failure nothing of the failing migration remains,
 * err names the file (and line, for SQL errors). */
BERKAS_MUST_CHECK bool migrate_run(PGconn *conn, const char *sql_dir, struct migrate_result *res,
                                   struct berr *err);

/* What the server on conn runs (its version, in version: n bytes) and
 * whether berkas' schema is there (berkas_migrations exists): false with err
 * set when the server does not answer. */
BERKAS_MUST_CHECK bool migrate_server(PGconn *conn, char *version, size_t n, bool *schema,
                                      struct berr *err);

/* Parse a migration file name "NNNN_name.sql": its version (> 0), or -1 when
 * the name is not a migration's. */
BERKAS_MUST_CHECK int migrate_parse_name(const char *name);

/* Line number (1-based) of byte offset pos (1-based, as PostgreSQL reports
 * positions in characters; close enough for ASCII SQL) in text. */
BERKAS_MUST_CHECK int migrate_line_of(const char *text, long pos);

#endif
