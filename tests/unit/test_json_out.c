/* SPDX-License-Identifier: MIT
 *
 * test_json_out.c — unit tests for src/cli/json_out.c: the buffered record writer (hd_jw_*)
 * must print exactly what the stdio writer (hd_json_str) prints, for every escape, for
 * strings longer than its buffer, and across flushes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli/json_out.h"

/* Output written to a memory stream, as one NUL-terminated string (caller frees). */
typedef struct mem_out {
    char *p;
    size_t n;
    FILE *f;
} mem_out;

static void mem_open(mem_out *m)
{
    m->p = NULL;
    m->n = 0;
    m->f = open_memstream(&m->p, &m->n);
    assert_non_null(m->f);
}

static void mem_close(mem_out *m)
{
    assert_int_equal(fclose(m->f), 0);
}

/* hd_jw_str and hd_json_str agree on s[0..n) and the result is expect (when not NULL). */
static void check_same(const char *s, size_t n, const char *expect)
{
    mem_out a, b;
    mem_open(&a);
    mem_open(&b);
    hd_json_str(a.f, s, n);
    hd_jw *w = malloc(sizeof *w);
    assert_non_null(w);
    hd_jw_init(w, b.f);
    hd_jw_str(w, s, n);
    hd_jw_flush(w);
    free(w);
    mem_close(&a);
    mem_close(&b);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.p, b.p, a.n);
    if (expect)
        assert_string_equal(b.p, expect);
    free(a.p);
    free(b.p);
}

static void test_escapes(void **state)
{
    (void)state;
    check_same("", 0, "\"\"");
    check_same("plain", 5, "\"plain\"");
    check_same("say \"no\"", 8, "\"say \\\"no\\\"\"");
    check_same("a\\b", 3, "\"a\\\\b\"");
    check_same("l1\nl2\tx\ry", 9, "\"l1\\nl2\\tx\\ry\"");
    check_same("\x01\x1f", 2, "\"\\u0001\\u001f\"");
    check_same("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", 13,
               "\"caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d\"");
    /* a NUL inside the counted string is escaped, not an end */
    check_same("a\0b", 3, "\"a\\u0000b\"");
    /* specials on both sides of the eight-byte SWAR steps */
    check_same("0123456\"89abcdef\\", 17, "\"0123456\\\"89abcdef\\\\\"");
    check_same("01234567\n", 9, "\"01234567\\n\"");
}

static void test_long_strings(void **state)
{
    (void)state;
    /* longer than the writer's buffer, with escapes spread through it */
    size_t n = 3 * sizeof(((hd_jw *)0)->buf) + 17;
    char *s = malloc(n);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 97 == 0 ? '"' : i % 101 == 0 ? '\n' : (char)('a' + i % 26);
    check_same(s, n, NULL);
    /* one long run without escapes goes past the buffer in one piece */
    memset(s, 'x', n);
    check_same(s, n, NULL);
    free(s);
}

static void test_record(void **state)
{
    (void)state;
    mem_out m;
    mem_open(&m);
    hd_jw *w = malloc(sizeof *w);
    assert_non_null(w);
    hd_jw_init(w, m.f);
    hd_jw_lit(w, "{\"a\":");
    hd_jw_strz(w, NULL);
    hd_jw_lit(w, ",\"b\":");
    hd_jw_strz(w, "x\"y");
    hd_jw_lit(w, ",\"n\":[");
    hd_jw_uint(w, 0);
    hd_jw_raw(w, ",", 1);
    hd_jw_uint(w, 4294967295u);
    hd_jw_raw(w, ",", 1);
    hd_jw_uint(w, 18446744073709551615ull);
    hd_jw_lit(w, "]}\n");
    /* nothing reaches the file before the flush */
    fflush(m.f);
    assert_int_equal(m.n, 0);
    hd_jw_flush(w);
    /* many records: the buffer fills and flushes on its own, keeping order */
    for (unsigned i = 0; i < 20000; i++) {
        hd_jw_uint(w, i);
        hd_jw_raw(w, "\n", 1);
    }
    hd_jw_flush(w);
    free(w);
    mem_close(&m);
    const char *head = "{\"a\":null,\"b\":\"x\\\"y\",\"n\":[0,4294967295,18446744073709551615]}\n";
    assert_true(m.n > strlen(head));
    assert_memory_equal(m.p, head, strlen(head));
    const char *p = m.p + strlen(head);
    for (unsigned i = 0; i < 20000; i++) {
        char *end;
        unsigned long v = strtoul(p, &end, 10);
        assert_int_equal(v, i);
        assert_int_equal(*end, '\n');
        p = end + 1;
    }
    assert_ptr_equal(p, m.p + m.n);
    free(m.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_long_strings),
        cmocka_unit_test(test_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
