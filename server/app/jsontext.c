/* jsontext.c - see jsontext.h. */
#include "jsontext.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

/* s[0..n) as jansson's dump_string writes it, quotes included. */
static void put_string(struct buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    (void)buf_append(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        (void)buf_append(b, s + run, i - run);
        run = i + 1;
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t k = 2;
        switch (c) {
        case '\b':
            esc[1] = 'b';
            break;
        case '\f':
            esc[1] = 'f';
            break;
        case '\n':
            esc[1] = 'n';
            break;
        case '\r':
            esc[1] = 'r';
            break;
        case '\t':
            esc[1] = 't';
            break;
        case '"':
            esc[1] = '"';
            break;
        case '\\':
            esc[1] = '\\';
            break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
        }
        (void)buf_append(b, esc, k);
    }
    (void)buf_append(b, s + run, n - run);
    (void)buf_append(b, "\"", 1);
}

static void put_integer(struct buf *b, json_int_t v)
{
    char d[24], *p = d + sizeof d;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    (void)buf_append(b, p, (size_t)(d + sizeof d - p));
}

/* a real as jansson writes it (its precision, exponent and ".0" rules): by jansson */
static void put_real(struct buf *b, const json_t *v)
{
    char *t = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    if (!t || !buf_append_str(b, t))
        b->failed = true;
    free(t);
}

static void put_value(struct buf *b, const json_t *v);

static void put_object(struct buf *b, const json_t *o)
{
    const char *key;
    json_t *x;
    bool first = true;
    (void)buf_append(b, "{", 1);
    json_object_foreach((json_t *)o, key, x)
    {
        if (!first)
            (void)buf_append(b, ",", 1);
        first = false;
        put_string(b, key, strlen(key));
        (void)buf_append(b, ":", 1);
        put_value(b, x);
    }
    (void)buf_append(b, "}", 1);
}

static void put_array(struct buf *b, const json_t *a)
{
    size_t n = json_array_size(a);
    (void)buf_append(b, "[", 1);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            (void)buf_append(b, ",", 1);
        put_value(b, json_array_get(a, i));
    }
    (void)buf_append(b, "]", 1);
}

static void put_value(struct buf *b, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        put_object(b, v);
        break;
    case JSON_ARRAY:
        put_array(b, v);
        break;
    case JSON_STRING:
        put_string(b, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER:
        put_integer(b, json_integer_value(v));
        break;
    case JSON_REAL:
        put_real(b, v);
        break;
    case JSON_TRUE:
        (void)buf_append(b, "true", 4);
        break;
    case JSON_FALSE:
        (void)buf_append(b, "false", 5);
        break;
    case JSON_NULL:
        (void)buf_append(b, "null", 4);
        break;
    default:
        b->failed = true;
    }
}

char *jsontext_dumps(const json_t *v, size_t *len)
{
    struct buf b = {0};
    if (!v || !buf_reserve(&b, 2048)) {
        buf_free(&b);
        return NULL;
    }
    put_value(&b, v);
    return buf_take(&b, len);
}
