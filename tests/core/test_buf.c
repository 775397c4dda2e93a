/* test_buf.c - the growable buffer (server/core/buf.h): what goes in comes
 * out, byte for byte, across growth; sizes that cannot be had are refused
 * and leave what was there; a failure is remembered until the take. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "suites.h"

START_TEST(test_an_empty_buffer_takes_as_an_empty_string)
{
    struct buf b = {0};
    size_t len = 99;
    char *s = buf_take(&b, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    ck_assert_uint_eq(len, 0);
    free(s);
    buf_free(&b);
}
END_TEST

START_TEST(test_bytes_with_nuls_are_kept_and_counted)
{
    struct buf b = {0};
    static const char bytes[] = {'a', '\0', 'b', '\0', '\xff'};
    ck_assert(buf_append(&b, bytes, sizeof bytes));
    ck_assert(buf_append(&b, NULL, 0));
    ck_assert_uint_eq(b.len, sizeof bytes);
    ck_assert_int_eq(memcmp(b.data, bytes, sizeof bytes), 0);
    ck_assert_int_eq(b.data[b.len], '\0'); /* the NUL after, not counted */
    buf_free(&b);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    buf_free(&b); /* twice is harmless */
}
END_TEST

START_TEST(test_strings_and_printf_concatenate)
{
    struct buf b = {0};
    ck_assert(buf_append_str(&b, "office,"));
    ck_assert(buf_printf(&b, "%s,%d", "p19", 7));
    ck_assert(buf_printf(&b, "%s", ""));
    ck_assert(buf_append_str(&b, "\n"));
    ck_assert_str_eq(b.data, "office,p19,7\n");
    ck_assert_uint_eq(b.len, strlen("office,p19,7\n"));
    buf_free(&b);
}
END_TEST

START_TEST(test_printf_longer_than_the_room_grows_once_and_is_whole)
{
    struct buf b = {0};
    ck_assert(buf_append_str(&b, "x"));
    size_t cap = b.cap;
    char *big = malloc(10000);
    memset(big, 'q', 9999);
    big[9999] = '\0';
    ck_assert(buf_printf(&b, "[%s]", big));
    ck_assert_uint_gt(b.cap, cap);
    ck_assert_uint_eq(b.len, 1 + 1 + 9999 + 1);
    ck_assert_int_eq(b.data[0], 'x');
    ck_assert_int_eq(b.data[1], '[');
    ck_assert_int_eq(memcmp(b.data + 2, big, 9999), 0);
    ck_assert_str_eq(b.data + 10001, "]");
    free(big);
    buf_free(&b);
}
END_TEST

START_TEST(test_a_hundred_thousand_small_appends_are_the_concatenation)
{
    struct buf b = {.secret = true}; /* growth by copy takes the same path to the same bytes */
    struct buf r = {0};
    for (int i = 0; i < 100000; i++) {
        char c = (char)('a' + i % 26);
        ck_assert(buf_append(&b, &c, 1));
        ck_assert(buf_append(&r, &c, 1));
    }
    ck_assert_uint_eq(b.len, 100000);
    ck_assert_uint_le(b.cap, 2 * (100000 + 1)); /* doubling, not one block per append */
    for (size_t i = 0; i < b.len; i++)
        ck_assert_int_eq(b.data[i], 'a' + (int)(i % 26));
    ck_assert_int_eq(memcmp(b.data, r.data, r.len + 1), 0);
    buf_free(&b);
    ck_assert(b.secret); /* a freed secret buffer stays secret for its next use */
    buf_free(&r);
}
END_TEST

START_TEST(test_reserve_gives_room_that_appends_then_use_in_place)
{
    struct buf b = {0};
    ck_assert(buf_reserve(&b, 1000));
    ck_assert_uint_ge(b.cap, 1001);
    char *at = b.data;
    size_t cap = b.cap;
    memcpy(b.data + b.len, "abc", 3);
    b.len += 3;
    b.data[b.len] = '\0';
    for (int i = 0; i < 997; i++)
        ck_assert(buf_append(&b, "z", 1));
    ck_assert_ptr_eq(b.data, at); /* reserved room: no move */
    ck_assert_uint_eq(b.cap, cap);
    ck_assert_uint_eq(b.len, 1000);
    ck_assert_int_eq(strncmp(b.data, "abczz", 5), 0);
    buf_free(&b);
}
END_TEST

START_TEST(test_sizes_that_wrap_or_pass_ptrdiff_max_are_refused_and_keep_the_bytes)
{
    struct buf b = {0};
    ck_assert(buf_append_str(&b, "kept"));
    ck_assert(!buf_reserve(&b, SIZE_MAX)); /* len + SIZE_MAX wraps */
    ck_assert(b.failed);
    ck_assert_str_eq(b.data, "kept");
    ck_assert_uint_eq(b.len, 4);
    buf_reset(&b);
    ck_assert(buf_append_str(&b, "kept"));
    ck_assert(!buf_reserve(&b, (size_t)PTRDIFF_MAX - 4)); /* + the NUL is past PTRDIFF_MAX */
    ck_assert_str_eq(b.data, "kept");
    buf_free(&b);
}
END_TEST

START_TEST(test_a_failure_is_remembered_until_the_take_which_gives_null)
{
    struct buf b = {0};
    ck_assert(buf_append_str(&b, "a,b\n"));
    ck_assert(!buf_reserve(&b, SIZE_MAX - 2));
    ck_assert(!buf_append_str(&b, "c,d\n")); /* after a failure nothing more goes in */
    ck_assert(!buf_printf(&b, "%d", 1));
    ck_assert_str_eq(b.data, "a,b\n");
    size_t len = 99;
    ck_assert_ptr_null(buf_take(&b, &len));
    ck_assert_ptr_null(b.data); /* taken: freed, the buffer empty and usable */
    ck_assert(!b.failed);
    ck_assert(buf_append_str(&b, "again"));
    ck_assert_str_eq(b.data, "again");
    buf_free(&b);
}
END_TEST

START_TEST(test_take_hands_over_and_reset_starts_again)
{
    struct buf b = {0};
    ck_assert(buf_printf(&b, "%s-%02d", "W6", 4));
    size_t len = 0;
    char *s = buf_take(&b, &len);
    ck_assert_str_eq(s, "W6-04");
    ck_assert_uint_eq(len, 5);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_uint_eq(b.cap, 0);
    free(s);
    ck_assert(buf_append_str(&b, "first"));
    char *at = b.data;
    buf_reset(&b);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_str_eq(b.data, "");
    ck_assert(buf_append_str(&b, "2nd"));
    ck_assert_ptr_eq(b.data, at); /* the memory was kept */
    ck_assert_str_eq(b.data, "2nd");
    buf_free(&b);
}
END_TEST

START_TEST(test_arrays_grow_by_doubling_and_refuse_sizes_that_wrap)
{
    /* none yet: room for the first count asked, at least `first` */
    size_t cap = 0;
    int *v = array_grow(NULL, &cap, 1, 16, sizeof *v);
    ck_assert_ptr_nonnull(v);
    ck_assert_uint_eq(cap, 16);
    for (int i = 0; i < 16; i++)
        v[i] = i;
    /* room enough: the same array, nothing moved */
    ck_assert_ptr_eq(array_grow(v, &cap, 16, 16, sizeof *v), v);
    ck_assert_uint_eq(cap, 16);
    /* one past: doubled, the elements kept */
    v = array_grow(v, &cap, 17, 16, sizeof *v);
    ck_assert_ptr_nonnull(v);
    ck_assert_uint_eq(cap, 32);
    /* far past: doubled until it fits (32 -> 64 -> 128 -> 256) */
    v = array_grow(v, &cap, 200, 16, sizeof *v);
    ck_assert_ptr_nonnull(v);
    ck_assert_uint_eq(cap, 256);
    for (int i = 0; i < 16; i++)
        ck_assert_int_eq(v[i], i);
    v[199] = 7;
    /* a count whose bytes wrap, and one past SIZE_MAX / 2: refused, the array and its count
     * as they were */
    ck_assert_ptr_null(array_grow(v, &cap, SIZE_MAX / 4 + 1, 16, sizeof *v));
    ck_assert_ptr_null(array_grow(v, &cap, SIZE_MAX, 16, 1));
    ck_assert_uint_eq(cap, 256);
    ck_assert_int_eq(v[15], 15);
    ck_assert_int_eq(v[199], 7);
    free(v);
}
END_TEST

Suite *suite_buf(void)
{
    Suite *s = suite_create("buf");
    TCase *tc = tcase_create("buf");
    tcase_add_test(tc, test_an_empty_buffer_takes_as_an_empty_string);
    tcase_add_test(tc, test_bytes_with_nuls_are_kept_and_counted);
    tcase_add_test(tc, test_strings_and_printf_concatenate);
    tcase_add_test(tc, test_printf_longer_than_the_room_grows_once_and_is_whole);
    tcase_add_test(tc, test_a_hundred_thousand_small_appends_are_the_concatenation);
    tcase_add_test(tc, test_reserve_gives_room_that_appends_then_use_in_place);
    tcase_add_test(tc, test_sizes_that_wrap_or_pass_ptrdiff_max_are_refused_and_keep_the_bytes);
    tcase_add_test(tc, test_a_failure_is_remembered_until_the_take_which_gives_null);
    tcase_add_test(tc, test_take_hands_over_and_reset_starts_again);
    tcase_add_test(tc, test_arrays_grow_by_doubling_and_refuse_sizes_that_wrap);
    suite_add_tcase(s, tc);
    return s;
}
