/*
 * wire.h - what berkasd refuses in a request before any handler sees it,
 * on top of what libmicrohttpd 0.9.75 refuses itself (RFC 9112; ASVS
 * V4.2.1: one reading of the message's boundaries, no smuggling).
 *
 * These checks are pure: they see the request target as it came on the
 * wire and the header fields one by one, and say what is wrong in words a
 * client can read, or NULL.  server.c feeds them from libmicrohttpd's
 * callbacks and answers 400 with "Connection: close".
 */
#ifndef BERKAS_HTTP_WIRE_H
#define BERKAS_HTTP_WIRE_H

#include <stdbool.h>
#include <stddef.h>

/* Query parameters a request may carry; every query of the API needs fewer
 * than ten.  More is refused (libmicrohttpd 0.9.75 would fill the
 * connection's memory with them and stall until the connection timed out). */
#define WIRE_MAX_PARAMS 64

/* The request target as sent (still percent-encoded): refused when it
 * holds a control byte or a space, a percent-encoded control byte
 * (%00-%1F, %7F: "%00" would cut a path short once decoded), a malformed
 * percent escape, or more than WIRE_MAX_PARAMS query parameters.  NULL
 * when it is fine; *params gets the number of query parameters. */
const char *wire_check_target(const char *raw, size_t *params);

/* What the header fields said about the message's framing. */
struct wire_framing {
    int content_lengths;      /* Content-Length fields seen */
    int transfer_encodings;   /* Transfer-Encoding fields seen */
    const char *first_length; /* the first Content-Length's value */
    bool lengths_differ;      /* two Content-Length fields disagree */
};

/* One header field, as libmicrohttpd parsed it (value_size from the
 * parser).  Refused: an empty or non-token name, a control byte other than
 * HTAB in the value.  Counts the framing fields into *f. */
const char *wire_check_field(const char *name, size_t name_size, const char *value,
                             size_t value_size, struct wire_framing *f);

/* After every field: refused when both Content-Length and
 * Transfer-Encoding are present, or when Content-Length fields disagree
 * (RFC 9112 6.3: such a message cannot be framed one way only). */
const char *wire_check_framing(const struct wire_framing *f);

#endif
