/*
 * buf.h - a growable byte buffer: a request body, a CSV, a reply read off
 * the network, the render arena.
 *
 * Invariants: len <= cap; when data is not NULL, data[len] is a NUL that
 * len does not count, so text reads as a string (bytes may hold NULs of
 * their own: use len).  Sizes are checked before they are added or doubled:
 * a size past PTRDIFF_MAX (which no allocator gives) or one that would wrap
 * is refused like a failed allocation.
 *
 * A failed append leaves the bytes appended before it as they were and
 * marks the buffer failed; later appends do nothing, and buf_take returns
 * NULL, so a caller may append a run of pieces and check once, at the take.
 * The zero value {0} is an empty buffer; every buffer is given back with
 * buf_free or buf_take.
 */
#ifndef BERKAS_CORE_BUF_H
#define BERKAS_CORE_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "mustcheck.h"

struct buf {
    char *data;  /* NULL until the first byte (or reserve) */
    size_t len;  /* bytes held, not counting the NUL after them */
    size_t cap;  /* bytes allocated at data */
    bool secret; /* may hold a password or a token: every block it leaves is
                    wiped before it is freed (growth copies, never realloc) */
    bool failed; /* an append or reserve failed since the last reset */
};

/* Make room for extra more bytes (and the NUL) without moving data again
 * until they are written; the caller writes at data + len and adds to len.
 * False when the size is refused or memory is short (the buffer is then
 * failed, its bytes unchanged). */
BERKAS_MUST_CHECK bool buf_reserve(struct buf *b, size_t extra);

/* Append n bytes at p (p may be NULL when n is 0).  False as buf_reserve. */
bool buf_append(struct buf *b, const void *p, size_t n);

/* Append the string s, without its NUL. */
bool buf_append_str(struct buf *b, const char *s);

/* Append printf-style text. False as buf_reserve, or when fmt is refused
 * by vsnprintf. */
bool buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Hand the bytes over: a malloc'd NUL-terminated block (an empty string
 * for an empty buffer), its length in *len when len is not NULL; the buffer
 * is empty and usable again.  NULL when an append failed (the bytes are
 * freed, wiped when secret). */
BERKAS_MUST_CHECK char *buf_take(struct buf *b, size_t *len);

/* Empty the buffer and clear its failure, keeping its memory for reuse
 * (wiped when secret). */
void buf_reset(struct buf *b);

/* Free the memory (wiped when secret); the buffer is {0} again but keeps
 * secret.  Safe on a buffer already freed. */
void buf_free(struct buf *b);

/* An array of elements of elem bytes at arr (NULL when none yet) holding *cap of them, grown to
 * hold at least need: arr itself when it already does, else the array moved to room for
 * twice as many as before (first first, when it had none) until need fits, *cap updated.
 * NULL when the count or the bytes would not fit in a size_t or memory is short: arr is then
 * as it was, still the caller's, and *cap unchanged.  The one growth of berkas' arrays:
 *     struct item *v = array_grow(l->items, &l->cap, l->n + 1, 16, sizeof *v);
 *     if (!v) return false;
 *     l->items = v; */
BERKAS_MUST_CHECK void *array_grow(void *arr, size_t *cap, size_t need, size_t first, size_t elem);

#endif
