/* wire.c - see wire.h. */
#include "wire.h"

#include <string.h>
#include <strings.h>

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

const char *wire_check_target(const char *raw, size_t *params)
{
    *params = 0;
    const char *query = strchr(raw, '?');
    for (const char *p = raw; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= 0x20 || c == 0x7f)
            return "alamat permintaan memuat karakter kendali atau spasi";
        if (c != '%')
            continue;
        int hi = hex(p[1]), lo = hi < 0 ? -1 : hex(p[2]);
        if (hi < 0 || lo < 0)
            return "alamat permintaan memuat escape persen yang rusak";
        int v = hi * 16 + lo;
        if (v < 0x20 || v == 0x7f)
            return "alamat permintaan memuat karakter kendali yang disandikan (mis. %00)";
        p += 2;
    }
    if (query && query[1]) {
        size_t n = 1;
        for (const char *p = query + 1; *p; p++)
            n += *p == '&';
        *params = n;
        if (n > WIRE_MAX_PARAMS)
            return "terlalu banyak parameter kueri";
    }
    return NULL;
}

/* RFC 9110 5.6.2 tchar */
static bool is_tchar(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("!#$%&'*+-.^_`|~", c));
}

const char *wire_check_field(const char *name, size_t name_size, const char *value,
                             size_t value_size, struct wire_framing *f)
{
    if (name_size == 0)
        return "nama header kosong";
    for (size_t i = 0; i < name_size; i++)
        if (!is_tchar((unsigned char)name[i]))
            return "nama header memuat karakter yang tidak sah";
    for (size_t i = 0; value && i < value_size; i++) {
        unsigned char c = (unsigned char)value[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return "nilai header memuat karakter kendali";
    }
    if (name_size == 14 && strncasecmp(name, "Content-Length", 14) == 0) {
        if (f->content_lengths > 0 &&
            (!value || !f->first_length || strcmp(value, f->first_length) != 0))
            f->lengths_differ = true;
        if (f->content_lengths == 0)
            f->first_length = value;
        f->content_lengths++;
    } else if (name_size == 17 && strncasecmp(name, "Transfer-Encoding", 17) == 0) {
        f->transfer_encodings++;
    }
    return NULL;
}

const char *wire_check_framing(const struct wire_framing *f)
{
    if (f->content_lengths > 0 && f->transfer_encodings > 0)
        return "Content-Length dan Transfer-Encoding bersamaan";
    if (f->lengths_differ)
        return "beberapa Content-Length yang berbeda";
    if (f->content_lengths > 1)
        return "Content-Length berulang";
    return NULL;
}
