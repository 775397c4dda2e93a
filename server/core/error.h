/*
 * error.h - the small error value that travels from deep code to the edge.
 *
 * Deep code (store, app, core) fills a struct berr and returns false or a
 * negative code; it never prints.  Only the edges turn an error into words
 * for a person: berkasd's HTTP layer into RFC 9457 problem+json, berkasd's
 * start-up into one line on stderr, the CLI into one line and an exit code.
 *
 * Invariant: when kind is BERR_NONE the other fields are empty.  Messages
 * never carry case data (names, passport numbers): they name fields, files
 * and settings, so they are safe to log.
 */
#ifndef BERKAS_CORE_ERROR_H
#define BERKAS_CORE_ERROR_H

#include <stdbool.h>

enum berr_kind {
    BERR_NONE = 0,
    BERR_BAD_INPUT,       /* the caller sent something malformed (400) */
    BERR_UNAUTHENTICATED, /* no valid session (401) */
    BERR_FORBIDDEN,       /* the role may not do this (403) */
    BERR_NOT_FOUND,       /* no such thing, or not visible to the caller (404) */
    BERR_CONFLICT,        /* stale version, transition not allowed (409) */
    BERR_TOO_LARGE,       /* body over the limit (413) */
    BERR_UNPROCESSABLE,   /* well-formed, but a rule refuses it (422) */
    BERR_UNAVAILABLE,     /* database away, pool exhausted (503) */
    BERR_INTERNAL,        /* a bug or an environment failure (500) */
};

struct berr {
    enum berr_kind kind;
    char message[512]; /* one line, no trailing newline */
    char field[64];    /* the input field at fault, or "" */
};

/* Fill err (if not NULL) with kind and a printf-style message; returns false
 * so that callers can write `return berr_set(err, ...);`. */
bool berr_set(struct berr *err, enum berr_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As berr_set, and records the input field at fault. */
bool berr_field(struct berr *err, enum berr_kind kind, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reset err to BERR_NONE. */
void berr_clear(struct berr *err);

/* A stable short name for kind ("bad-input", "not-found", ...), used in
 * problem type URIs and the CLI's JSON output. */
const char *berr_kind_name(enum berr_kind kind);

#endif
