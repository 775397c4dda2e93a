/*
 * json_in.c - what comes in: request bodies and path parameters.
 *
 * The edge is where text is made trustworthy: valid UTF-8 (jansson refuses
 * anything else, and NUL inside strings), one value per key, only the
 * members a route knows (an unknown one is refused, not ignored, so a typo
 * or a mass-assignment attempt never passes silently), no control
 * characters, and Unicode NFC (utf8proc) so that a name typed in decomposed
 * form is stored, found and drawn as one.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "http.h"

/* What is wrong with a body jansson refused, in the user's words: its own text is English and
 * names its flags ("\\u0000 is not allowed without JSON_ALLOW_NUL"). */
static const char *json_fault(const json_error_t *je)
{
    switch (json_error_code(je)) {
    case json_error_invalid_utf8:
        return "teks bukan UTF-8 yang sah";
    case json_error_premature_end_of_input:
        return "isi berakhir sebelum JSON lengkap";
    case json_error_end_of_input_expected:
        return "ada teks lain setelah akhir JSON";
    case json_error_null_character:
        return "karakter NUL (\\u0000) tidak diterima dalam teks";
    case json_error_duplicate_key:
        return "nama kolom yang sama muncul dua kali dalam satu objek";
    case json_error_numeric_overflow:
        return "angka di luar jangkauan";
    case json_error_stack_overflow:
        return "JSON bersarang terlalu dalam";
    case json_error_out_of_memory:
        return "isi terlalu besar untuk dibaca";
    default:
        return "susunan JSON tidak sah (tanda kurung, koma, tanda kutip atau nilai)";
    }
}

json_t *json_body(const struct http_request *req, const char *const allowed[], bool empty_ok,
                  struct berr *err)
{
    if (req->body_len == 0) {
        if (empty_ok)
            return json_object();
        berr_set(err, BERR_BAD_INPUT, "isi permintaan (JSON) kosong");
        return NULL;
    }
    const char *ct = http_header(req, "Content-Type");
    if (!ct || strncasecmp(ct, "application/json", 16) != 0 ||
        (ct[16] != '\0' && ct[16] != ';' && ct[16] != ' ')) {
        berr_field(err, BERR_BAD_INPUT, "Content-Type", "Content-Type harus application/json");
        return NULL;
    }
    json_error_t je;
    json_t *j = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        berr_set(err, BERR_BAD_INPUT, "JSON tidak sah (baris %d, kolom %d): %s", je.line, je.column,
                 json_fault(&je));
        return NULL;
    }
    if (!json_is_object(j)) {
        json_decref(j);
        berr_set(err, BERR_BAD_INPUT, "isi permintaan harus objek JSON");
        return NULL;
    }
    const char *key;
    json_t *value;
    /* {"*", NULL}: any member, for bodies whose shape the use case judges */
    if (allowed && allowed[0] && strcmp(allowed[0], "*") == 0)
        return j;
    json_object_foreach(j, key, value)
    {
        bool known = false;
        for (size_t i = 0; allowed && allowed[i]; i++)
            if (strcmp(key, allowed[i]) == 0)
                known = true;
        if (!known) {
            berr_field(err, BERR_BAD_INPUT, key, "kolom tidak dikenal: %.60s", key);
            json_decref(j);
            return NULL;
        }
    }
    return j;
}

static bool has_controls(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return true;
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) /* C1 controls */
            return true;
    }
    return false;
}

bool json_get_str(json_t *obj, const char *key, bool required, size_t maxlen, const char **out,
                  struct berr *err)
{
    *out = NULL;
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) {
        if (required)
            return berr_field(err, BERR_BAD_INPUT, key, "%s wajib diisi", key);
        return true;
    }
    if (!json_is_string(v))
        return berr_field(err, BERR_BAD_INPUT, key, "%s harus teks", key);
    const char *s = json_string_value(v);
    if (has_controls(s))
        return berr_field(err, BERR_BAD_INPUT, key, "%s memuat karakter kendali", key);
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
    if (!nfc)
        return berr_field(err, BERR_BAD_INPUT, key, "%s bukan UTF-8 yang sah", key);
    size_t chars = 0;
    for (const utf8proc_uint8_t *p = nfc; *p; p++)
        if ((*p & 0xC0) != 0x80)
            chars++;
    bool ok = true;
    if (required && chars == 0)
        ok = berr_field(err, BERR_BAD_INPUT, key, "%s wajib diisi", key);
    else if (chars > maxlen)
        ok = berr_field(err, BERR_BAD_INPUT, key, "%s paling panjang %zu karakter", key, maxlen);
    else if (strcmp((const char *)nfc, s) != 0)
        json_string_set(v, (const char *)nfc);
    free(nfc);
    if (ok)
        *out = json_string_value(v);
    return ok;
}

bool json_get_int(json_t *obj, const char *key, bool required, long long lo, long long hi,
                  long long *out, struct berr *err)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) {
        if (required)
            return berr_field(err, BERR_BAD_INPUT, key, "%s wajib diisi", key);
        return true;
    }
    if (!json_is_integer(v))
        return berr_field(err, BERR_BAD_INPUT, key, "%s harus bilangan bulat", key);
    json_int_t n = json_integer_value(v);
    if (n < lo || n > hi)
        return berr_field(err, BERR_BAD_INPUT, key, "%s harus antara %lld dan %lld", key, lo, hi);
    *out = n;
    return true;
}

bool path_id(const char *s, const char *name, long long *out, struct berr *err)
{
    size_t n = strlen(s);
    if (n == 0 || n > 15 || strspn(s, "0123456789") != n || s[0] == '0')
        return berr_field(err, BERR_BAD_INPUT, name, "%s harus bilangan bulat positif", name);
    *out = strtoll(s, NULL, 10);
    return true;
}
