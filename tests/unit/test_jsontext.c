/*
 * test_jsontext.c - app/jsontext.h: the write path's dump of an act's summary row and snapshot
 * is json_dumps(v, JSON_COMPACT) byte for byte (jansson is the oracle):
 *  - members in the order they were set, not sorted; empty objects and arrays; nesting;
 *  - every byte below 0x20, '"', '\\', '/', DEL, UTF-8 of two to four bytes, a NUL inside;
 *  - integers at int64's ends and zero; reals jansson writes its own way; true, false, null;
 *  - a thousand trees drawn from a fixed seed.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "app/jsontext.h"

static void same_as_jansson(json_t *v)
{
    ck_assert_ptr_nonnull(v);
    char *want = json_dumps(v, JSON_COMPACT);
    size_t len = 0;
    char *got = jsontext_dumps(v, &len);
    ck_assert_ptr_nonnull(want);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, want);
    ck_assert_uint_eq(len, strlen(want));
    free(want);
    free(got);
}

START_TEST(test_members_in_their_order_and_nesting)
{
    json_t *o = json_pack("{s:i, s:[], s:{}, s:{s:n, s:[b, b]}, s:I}", "zz", 1, "a", "mm", "b", "y",
                          "x", 1, 0, "aa", (json_int_t)-42);
    same_as_jansson(o);
    json_decref(o);
    json_t *a = json_pack("[[[[{}]]], {s:[{s:s}]}]", "k", "v", "w");
    same_as_jansson(a);
    json_decref(a);
    json_t *e = json_object();
    same_as_jansson(e);
    json_decref(e);
}
END_TEST

START_TEST(test_strings_escaped_as_jansson_escapes_them)
{
    char raw[40];
    for (int c = 1; c < 0x20; c++)
        raw[c - 1] = (char)c;
    memcpy(raw + 31, "\"\\/\x7f", 4);
    json_t *a = json_array();
    json_array_append_new(a, json_stringn(raw, 35));
    json_array_append_new(a, json_stringn("sebelum\0sesudah", 15));
    json_array_append_new(a, json_string("Trần Văn Bảo – “kutip” 𝄞 ✓"));
    json_array_append_new(a, json_string(""));
    json_t *o = json_object();
    json_object_set_new(o, "kunci \"aneh\"\n\\", json_string("nilai\t"));
    json_array_append_new(a, o);
    same_as_jansson(a);
    json_decref(a);
}
END_TEST

START_TEST(test_numbers_and_constants)
{
    json_t *a = json_pack("[I, I, i, i, f, f, f, f, f, f, b, b, n]", (json_int_t)INT64_MAX,
                          (json_int_t)INT64_MIN, 0, -1, 1.5, 1e20, 0.1, -0.0, 3.0, 1e-7, 1, 0);
    same_as_jansson(a);
    json_decref(a);
}
END_TEST

static uint64_t seed = 20261207;

static unsigned draw(unsigned n)
{
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(seed >> 33) % n;
}

static json_t *random_value(int depth)
{
    static const char *words[] = {"a", "bb", "kasus", "\"", "\\n", "ä", "", "x\ty", "Đ"};
    switch (draw(depth > 3 ? 5 : 7)) {
    case 0:
        return json_integer((json_int_t)draw(1000000) - 500000);
    case 1:
        return json_string(words[draw(9)]);
    case 2:
        return json_boolean(draw(2));
    case 3:
        return json_null();
    case 4:
        return json_integer((json_int_t)(seed >> 1) * (draw(2) ? 1 : -1));
    case 5: {
        json_t *a = json_array();
        for (unsigned k = draw(5); k > 0; k--)
            json_array_append_new(a, random_value(depth + 1));
        return a;
    }
    default: {
        json_t *o = json_object();
        for (unsigned k = draw(6); k > 0; k--) {
            char key[16];
            snprintf(key, sizeof key, "%s%u", words[draw(9)], draw(50));
            json_object_set_new(o, key, random_value(depth + 1));
        }
        return o;
    }
    }
}

START_TEST(test_a_thousand_trees)
{
    for (int i = 0; i < 1000; i++) {
        json_t *v = json_pack("[o]", random_value(0));
        same_as_jansson(v);
        json_decref(v);
    }
}
END_TEST

Suite *suite_jsontext(void)
{
    Suite *s = suite_create("jsontext");
    TCase *tc = tcase_create("jsontext");
    tcase_add_test(tc, test_members_in_their_order_and_nesting);
    tcase_add_test(tc, test_strings_escaped_as_jansson_escapes_them);
    tcase_add_test(tc, test_numbers_and_constants);
    tcase_add_test(tc, test_a_thousand_trees);
    suite_add_tcase(s, tc);
    return s;
}
