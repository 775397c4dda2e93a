/*
 * sqlbuf.h - a statement put together from fixed fragments chosen by which
 * filters a request carries, with its parameters.  The text never contains
 * input: a fragment marks its parameter "$?", and the value goes into the
 * parameter list.  One text per combination of filters, so that each is
 * prepared and planned for what it filters (MEASURED.md: one statement with
 * "($n IS NULL OR ...)" for every case flips to a generic plan and scans).
 */
#ifndef BERKAS_APP_SQLBUF_H
#define BERKAS_APP_SQLBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mustcheck.h"

struct tx;
struct db_pool;

#define SQLBUF_PARAMS 16

struct sqlbuf {
    char text[6144];
    size_t len;
    const char *params[SQLBUF_PARAMS];
    int n;
};

/* Append fragment; each of its "$?" becomes $N for value, the next
 * parameter.  Without value the fragment is appended as it is. */
void sqlbuf_add(struct sqlbuf *b, const char *fragment, const char *value);

/* Append a parameter without text: for fragments that name it by number. */
void sqlbuf_param(struct sqlbuf *b, const char *value);

/* tx_begin for a list: the transaction reads and writes only its audit
 * line, so its commit does not wait for the disk (synchronous_commit off:
 * a crash of the machine may lose the last fraction of a second of such
 * lines, never an act; README "Lists"). */
BERKAS_MUST_CHECK bool list_tx_begin(struct tx *tx, struct db_pool *pool, long long user,
                                     struct berr *err);

#endif
