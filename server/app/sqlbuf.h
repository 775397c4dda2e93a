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

#include <stddef.h>

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

#endif
