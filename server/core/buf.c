/* buf.c - see buf.h. */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_FIRST ((size_t)64)

/* Overwrite n bytes at p in a way the compiler keeps (glibc's
 * explicit_bzero: libc only, core links nothing else). */
static void wipe(void *p, size_t n)
{
    if (p && n)
        explicit_bzero(p, n);
}

static bool fail(struct buf *b)
{
    b->failed = true;
    return false;
}

bool buf_reserve(struct buf *b, size_t extra)
{
    if (b->failed)
        return false;
    /* len + extra + 1 (the NUL), neither wrapping nor past PTRDIFF_MAX */
    if (extra > (size_t)PTRDIFF_MAX - 1 - b->len)
        return fail(b);
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : BUF_FIRST;
    while (cap < need)
        cap = cap > (size_t)PTRDIFF_MAX / 2 ? need : cap * 2;
    char *grown;
    if (b->secret) {
        grown = malloc(cap);
        if (!grown)
            return fail(b);
        if (b->data) {
            memcpy(grown, b->data, b->len + 1);
            wipe(b->data, b->cap);
            free(b->data);
        }
    } else {
        grown = realloc(b->data, cap);
        if (!grown)
            return fail(b);
    }
    if (!b->data)
        grown[0] = '\0';
    b->data = grown;
    b->cap = cap;
    return true;
}

bool buf_append(struct buf *b, const void *p, size_t n)
{
    if (!buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool buf_append_str(struct buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

bool buf_printf(struct buf *b, const char *fmt, ...)
{
    if (b->failed)
        return false;
    va_list ap;
    va_start(ap, fmt);
    char *at = b->data ? b->data + b->len : NULL;
    size_t room = b->data ? b->cap - b->len : 0;
    int n = vsnprintf(at, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        return fail(b);
    if ((size_t)n >= room) {
        if (!buf_reserve(b, (size_t)n)) {
            if (b->data)
                b->data[b->len] = '\0'; /* the cut-off attempt wrote there */
            return false;
        }
        va_start(ap, fmt);
        int again = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (again != n)
            return fail(b);
    }
    b->len += (size_t)n;
    return true;
}

char *buf_take(struct buf *b, size_t *len)
{
    if (b->failed || (!b->data && !buf_reserve(b, 0))) {
        buf_free(b);
        return NULL;
    }
    char *out = b->data;
    if (len)
        *len = b->len;
    bool secret = b->secret;
    memset(b, 0, sizeof *b);
    b->secret = secret;
    return out;
}

void buf_reset(struct buf *b)
{
    if (b->secret)
        wipe(b->data, b->cap);
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    b->failed = false;
}

void buf_free(struct buf *b)
{
    if (b->secret)
        wipe(b->data, b->cap);
    free(b->data);
    bool secret = b->secret;
    memset(b, 0, sizeof *b);
    b->secret = secret;
}

void *array_grow(void *arr, size_t *cap, size_t need, size_t first, size_t elem)
{
    if (arr && need <= *cap)
        return arr;
    size_t c = *cap && arr ? *cap : (first ? first : 1);
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return NULL;
        c *= 2;
    }
    if (elem && c > SIZE_MAX / elem) /* refused here, never asked of the allocator */
        return NULL;
    void *grown = reallocarray(arr, c, elem);
    if (!grown)
        return NULL;
    *cap = c;
    return grown;
}
