/* SPDX-License-Identifier: MIT
 *
 * test_base.c — unit tests for src/base: errors, buffers, arena, UTF-8 repair and NFC.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/mem.h"
#include "base/str.h"
#include "base/utf8.h"

static void test_err_first_wins(void **state)
{
    (void)state;
    hd_err e = {0};
    assert_int_equal(hd_err_setw(&e, HD_EINPUT, "a.txt:3", "bad %s", "thing"), HD_EINPUT);
    assert_int_equal(hd_err_set(&e, HD_EIO, "second"), HD_EIO);
    assert_int_equal(e.code, HD_EINPUT);
    assert_string_equal(e.where, "a.txt:3");
    assert_string_equal(e.msg, "bad thing");
    hd_err_clear(&e);
    assert_int_equal(e.code, HD_OK);
    assert_string_equal(hd_rc_name(HD_ECORRUPT), "HD_ECORRUPT");
    assert_string_equal(hd_rc_str(HD_ENOMEM), "out of memory");
    assert_string_equal(hd_rc_str((hd_rc)999), "unknown error");
}

static void test_buf_sticky_oom(void **state)
{
    (void)state;
    hd_buf b;
    hd_buf_init(&b);
    hd_buf_adds(&b, "abc");
    hd_buf_printf(&b, "-%d-", 42);
    assert_string_equal(b.p, "abc-42-");
    hd_mem_fail_after(0);
    char big[1000];
    memset(big, 'x', sizeof big);
    hd_buf_add(&b, big, sizeof big);
    hd_mem_fail_after(-1);
    assert_true(b.oom);
    hd_buf_adds(&b, "more"); /* ignored once failed */
    hd_err e = {0};
    assert_int_equal(hd_buf_status(&b, &e), HD_ENOMEM);
    hd_buf_done(&b);
}

static void test_arena(void **state)
{
    (void)state;
    hd_arena a;
    hd_arena_init(&a, 128);
    char *s = hd_arena_strdup(&a, "hello");
    void *big = hd_arena_alloc(&a, 10000);
    char *t = hd_arena_strndup(&a, "world!!", 5);
    assert_non_null(big);
    assert_string_equal(s, "hello");
    assert_string_equal(t, "world");
    assert_int_equal((uintptr_t)t % 16, 0);
    hd_arena_reset(&a);
    assert_non_null(hd_arena_alloc(&a, 16));
    hd_arena_done(&a);
}

static void test_utf8_repair(void **state)
{
    (void)state;
    /* valid: e-acute, then a stray continuation byte, a truncated 3-byte sequence, a NUL */
    const char in[] = "caf\xC3\xA9 \x80 x\xE2\x82 y\0z";
    hd_buf out;
    hd_buf_init(&out);
    size_t n_bad, first, n_nul;
    hd_utf8_repair(in, sizeof in - 1, &out, &n_bad, &first, &n_nul);
    assert_int_equal(n_bad, 2);
    assert_int_equal(n_nul, 1);
    assert_int_equal(first, 6);
    assert_string_equal(out.p, "caf\xC3\xA9 \xEF\xBF\xBD x\xEF\xBF\xBD yz");
    assert_int_equal(hd_utf8_valid_prefix(out.p, out.len), out.len);
    /* overlong encodings and surrogates are invalid */
    assert_int_equal(hd_utf8_valid_prefix("\xC0\xAF", 2), 0);
    assert_int_equal(hd_utf8_valid_prefix("\xED\xA0\x80", 3), 0);
    assert_int_equal(hd_utf8_valid_prefix("\xF4\x90\x80\x80", 4), 0);
    hd_buf_done(&out);
}

static void test_nfc(void **state)
{
    (void)state;
    hd_buf out;
    hd_buf_init(&out);
    /* "e" + COMBINING ACUTE ACCENT composes to U+00E9 */
    assert_int_equal(hd_utf8_nfc("cafe\xCC\x81", 6, &out), 0);
    assert_string_equal(out.p, "caf\xC3\xA9");
    hd_buf_clear(&out);
    assert_int_equal(hd_utf8_nfc("plain ascii", 11, &out), 0);
    assert_string_equal(out.p, "plain ascii");
    hd_buf_done(&out);
}

static void test_mem_overflow(void **state)
{
    (void)state;
    assert_null(hd_mallocarray(SIZE_MAX / 2, 4));
    int *v = NULL;
    size_t cap = 0;
    assert_int_equal(HD_GROW(v, cap, 100), 0);
    assert_true(cap >= 100);
    hd_free(v);
}

/* A suffix from a list, ASCII case ignored, with at least one byte before it; the string need
 * not be NUL-terminated. */
static void test_str_ends_any(void **state)
{
    (void)state;
    static const char *const tail[] = {" wire services", "-year", NULL};
    const char *s = "Detroit News Wire Services and more";
    assert_true(hd_str_ends_any(s, 26, tail));
    assert_false(hd_str_ends_any(s, 25, tail));
    assert_true(hd_str_ends_any("two-YEAR", 8, tail));
    assert_false(hd_str_ends_any("-year", 5, tail)); /* nothing before the suffix */
    assert_false(hd_str_ends_any("", 0, tail));
    static const char *const none[] = {NULL};
    assert_false(hd_str_ends_any("two-year", 8, none));
}

static void test_str_in_list(void **state)
{
    (void)state;
    static const char *const list[] = {"bancorp", "foundation", NULL};
    assert_int_equal(hd_str_in_list("Bancorp", 7, list), 1);
    assert_int_equal(hd_str_in_list("FOUNDATION.", 10, list), 2); /* the length decides */
    assert_int_equal(hd_str_in_list("Banco", 5, list), 0);
    assert_int_equal(hd_str_in_list("bancorps", 8, list), 0);
    assert_int_equal(hd_str_in_list("", 0, list), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_err_first_wins),
        cmocka_unit_test(test_buf_sticky_oom),
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_utf8_repair),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_mem_overflow),
        cmocka_unit_test(test_str_ends_any),
        cmocka_unit_test(test_str_in_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
