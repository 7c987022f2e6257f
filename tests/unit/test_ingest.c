/* SPDX-License-Identifier: MIT
 *
 * test_ingest.c — format detection, JSON Lines records, the page reader (buffers, directories,
 * repair warnings, limits) on real seed pages and hand-made bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/buf.h"
#include "ingest/ingest.h"
#include "warns.h"

#define SEED HD_SHARED_DATA "/seed-pages"

static void test_detect(void **state)
{
    (void)state;
    assert_int_equal(hd_ingest_detect("{\"text\":\"x\"}\n", 13), HD_FMT_JSONL);
    assert_int_equal(hd_ingest_detect("  \n{\"a\":1}", 10), HD_FMT_JSONL);
    assert_int_equal(hd_ingest_detect("[{\"page\":1}]", 12), HD_FMT_JSON);
    assert_int_equal(hd_ingest_detect("\xEF\xBB\xBFHeadline\n\nBody.", 19), HD_FMT_TEXT);
    char bin[256];
    for (int i = 0; i < 256; i++)
        bin[i] = (char)i;
    assert_int_equal(hd_ingest_detect(bin, sizeof bin), HD_FMT_BINARY);
    /* Latin-1 text with a few high bytes is still text (repaired later). */
    assert_int_equal(hd_ingest_detect("Price \xA3 5 and \xA3 6 for the tickets today", 39),
                     HD_FMT_TEXT);
}

static void test_jsonl_fields(void **state)
{
    (void)state;
    hd_buf store = {0};
    hd_page pg;
    hd_err err = {0};
    const char *line =
        "{\"id\": 42, \"url\": \"http://x\", \"source\": \"wire\", \"date\": "
        "\"2022-11-27\", \"title\": \"T\", \"text\": \"Body\\nmore\", \"extra\": [1]}";
    assert_int_equal(hd_jsonl_parse(line, strlen(line), "f.jsonl:1", &pg, &store, &err), HD_OK);
    assert_string_equal(pg.id, "42");
    assert_string_equal(pg.url, "http://x");
    assert_string_equal(pg.source, "wire");
    assert_string_equal(pg.date, "2022-11-27");
    assert_string_equal(pg.title, "T");
    assert_string_equal(pg.text, "Body\nmore");
    assert_int_equal(pg.len, 9);

    const char *no_text = "{\"id\": \"a\", \"title\": \"T\"}";
    assert_int_equal(hd_jsonl_parse(no_text, strlen(no_text), "f.jsonl:7", &pg, &store, &err),
                     HD_EINPUT);
    assert_string_equal(err.where, "f.jsonl:7:text");
    assert_non_null(strstr(err.msg, "missing field \"text\""));
    hd_err_clear(&err);

    const char *bad = "{\"text\": \"unterminated}";
    assert_int_equal(hd_jsonl_parse(bad, strlen(bad), "f.jsonl:9", &pg, &store, &err), HD_EINPUT);
    assert_string_equal(err.where, "f.jsonl:9");
    assert_non_null(strstr(err.msg, "malformed JSON at column"));
    hd_err_clear(&err);

    const char *typed = "{\"text\": \"x\", \"title\": {\"a\": 1}}";
    assert_int_equal(hd_jsonl_parse(typed, strlen(typed), "f.jsonl:2", &pg, &store, &err),
                     HD_EINPUT);
    assert_string_equal(err.where, "f.jsonl:2:title");
    hd_buf_done(&store);
}

static void test_reader_jsonl_continues_after_bad_line(void **state)
{
    (void)state;
    const char *feed = "{\"id\":\"1\",\"text\":\"first\"}\n"
                       "{\"id\":\"2\",\"text\":broken}\n"
                       "\n"
                       "{\"id\":\"3\",\"text\":\"third \\u0000x\"}";
    warns ws = {0};
    hd_reader_opts o = {0, on_warn, &ws};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    assert_int_equal(hd_reader_add_buffer(r, "feed", feed, strlen(feed), &err), HD_OK);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_string_equal(pg.id, "1");
    assert_int_equal(pg.line, 1);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_EINPUT);
    assert_string_equal(err.where, "feed:2");
    hd_err_clear(&err);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_string_equal(pg.id, "3");
    assert_int_equal(pg.line, 4);
    assert_string_equal(pg.text, "third x"); /* NUL removed */
    assert_int_equal(ws.n, 1);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_DONE);
    hd_reader_free(r);
}

static void test_reader_repairs_utf8_with_offset(void **state)
{
    (void)state;
    const char page[] = "Headline\n\nPrice rose to \xA3"
                        "5 on Monday.";
    warns ws = {0};
    hd_reader_opts o = {0, on_warn, &ws};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    hd_reader_add_buffer(r, "latin1.txt", page, sizeof page - 1, &err);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_non_null(strstr(pg.text, "to \xEF\xBF\xBD"
                                    "5"));
    assert_int_equal(ws.n, 1);
    assert_non_null(strstr(ws.last, "latin1.txt: invalid UTF-8 at byte offset 24"));
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_DONE);
    hd_reader_free(r);
}

static void test_reader_limits_and_junk(void **state)
{
    (void)state;
    warns ws = {0};
    hd_reader_opts o = {100, on_warn, &ws};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    char big[300];
    memset(big, 'a', sizeof big);
    char bin[64] = {0};
    hd_buf line = {0};
    hd_buf_adds(&line, "{\"text\":\"");
    hd_buf_add(&line, big, sizeof big);
    hd_buf_adds(&line, "\"}\n{\"text\":\"small\"}\n");
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    hd_reader_add_buffer(r, "big.txt", big, sizeof big, &err);
    hd_reader_add_buffer(r, "junk.bin", bin, sizeof bin, &err);
    hd_reader_add_buffer(r, "empty.txt", "", 0, &err);
    hd_reader_add_buffer(r, "feed.jsonl", line.p, line.len, &err);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_ELIMIT);
    assert_string_equal(err.where, "big.txt");
    hd_err_clear(&err);
    /* binary and empty inputs are skipped with warnings; the long JSONL line is refused and
     * the next one still read */
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_ELIMIT);
    assert_string_equal(err.where, "feed.jsonl:1");
    hd_err_clear(&err);
    assert_int_equal(ws.n, 2);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_string_equal(pg.text, "small");
    assert_int_equal(pg.line, 2);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_DONE);
    hd_reader_free(r);
    hd_buf_done(&line);
}

/* A JSON Lines feed that delivers one record and then waits (a FIFO whose writer stays open)
 * gives that record at once: the reader must not wait for a full format-detection sample.
 * Before, this read blocked until more bytes or the end came (alarm() fails the test then). */
static void test_reader_streamed_jsonl(void **state)
{
    (void)state;
    char dir[] = "/tmp/hd_test_fifo_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/feed", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    int wfd = open(path, O_RDWR); /* a writer that does not block the open and stays */
    assert_true(wfd >= 0);
    const char *rec = "{\"id\":\"1\",\"text\":\"first record\"}\n";
    assert_int_equal(write(wfd, rec, strlen(rec)), (ssize_t)strlen(rec));
    hd_reader_opts o = {0};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    assert_int_equal(hd_reader_add_path(r, path, &err), HD_OK);
    alarm(20);
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_string_equal(pg.id, "1");
    const char *rec2 = "{\"id\":\"2\",\"text\":\"second\"}\n";
    assert_int_equal(write(wfd, rec2, strlen(rec2)), (ssize_t)strlen(rec2));
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
    assert_string_equal(pg.id, "2");
    close(wfd); /* the end of the feed */
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_DONE);
    alarm(0);
    hd_reader_free(r);
    unlink(path);
    rmdir(dir);
}

static void test_reader_directory_sorted(void **state)
{
    (void)state;
    warns ws = {0};
    hd_reader_opts o = {0, on_warn, &ws};
    hd_reader *r;
    hd_err err = {0};
    hd_page pg;
    assert_int_equal(hd_reader_new(&o, &r, &err), HD_OK);
    hd_reader_add_path(r, SEED, &err);
    hd_reader_add_path(r, "/nonexistent/herald-test-file", &err);
    const char *expect[] = {"000_9272e3ac30541b30.txt", "001_57416462ae6622d3.txt",
                            "002_0baeef3d5710d46d.txt"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(hd_reader_next(r, &pg, &err), HD_OK);
        assert_non_null(strstr(pg.origin, expect[i]));
        assert_true(pg.len > 2000);
    }
    /* gold.json is a JSON document, not a page: skipped with a warning */
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_EIO);
    assert_string_equal(err.where, "/nonexistent/herald-test-file");
    assert_int_equal(ws.n, 1);
    assert_non_null(strstr(ws.last, "gold.json"));
    assert_int_equal(hd_reader_next(r, &pg, &err), HD_DONE);
    hd_reader_free(r);
}

/* The fast JSONL scanner must agree with jansson on every line: same fields, or both refuse. */
static int same_as_jansson(const char *line, size_t len)
{
    hd_buf s1 = {0}, s2 = {0};
    hd_page a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    hd_err err = {0};
    hd_rc fast = hd_jsonl_parse_fast(line, len, &a, &s1);
    hd_rc ref = hd_jsonl_parse_jansson(line, len, "t", &b, &s2, &err);
    if (fast == HD_OK) {
        if (ref != HD_OK)
            fail_msg("fast path accepted what jansson refuses: %.*s (%s)", (int)len, line, err.msg);
        const char *fa[] = {a.id, a.url, a.source, a.date, a.title};
        const char *fb[] = {b.id, b.url, b.source, b.date, b.title};
        for (int i = 0; i < 5; i++) {
            if (!fa[i] || !fb[i])
                assert_ptr_equal(fa[i], fb[i]);
            else
                assert_string_equal(fa[i], fb[i]);
        }
        assert_int_equal(a.len, b.len);
        assert_memory_equal(a.text, b.text, a.len);
    }
    hd_buf_done(&s1);
    hd_buf_done(&s2);
    return fast == HD_OK;
}

static void test_jsonl_fast_matches_jansson(void **state)
{
    (void)state;
    const char *lines[] = {
        "{\"id\":\"a\",\"text\":\"x\"}",
        "{ \"text\" : \"tab\\there \\\"q\\\" \\/ \\\\\" , \"id\": -12 }",
        "{\"text\":\"caf\\u00e9 \\ud83d\\ude00 nul\\u0000x\"}",
        "{\"text\":\"lone \\ud83d\"}",
        "{\"text\":\"bad \\x escape\"}",
        "{\"text\":\"raw\ttab\"}",
        "{\"text\":\"t\",\"tags\":[1,2],\"title\":\"T\"}",
        "{\"text\":\"t\",\"n\":1.5e3,\"ok\":true,\"no\":false,\"z\":null}",
        "{\"text\":\"t\",\"id\":1.5}",
        "{\"text\":\"t\",\"id\":007}",
        "{\"text\":\"t\",\"title\":null}",
        "{\"text\":null}",
        "{\"title\":\"no text\"}",
        "{\"text\":\"a\",\"text\":\"b\"}",
        "{\"te\\u0078t\":\"escaped key\"}",
        "{\"text\":\"t\"} trailing",
        "{\"text\":\"t\",}",
        "{}",
        "[1]",
        "{\"text\":\"unterminated",
        "{\"text\":\"t\",\"id\":123456789012345678901234}",
    };
    int accepted = 0;
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        accepted += same_as_jansson(lines[i], strlen(lines[i]));
    assert_int_equal(accepted, 6); /* the flat, valid ones; the rest go to jansson */

    /* Random flat objects: random keys (some of herald's fields), values and escapes. */
    static const char *keys[] = {"id", "url", "source", "date", "title", "text", "x", "tags"};
    static const char *pieces[] = {"a",   "\\n",      "\\\"", "\\u00e9", "\\ud83d\\ude00",
                                   " ",   "\xc3\xa9", "\\t",  "\\\\",    "\\u0041",
                                   "\\/", "z9"};
    uint32_t seed = 12345;
    hd_buf line = {0};
    for (int iter = 0; iter < 2000; iter++) {
        hd_buf_clear(&line);
        hd_buf_addc(&line, '{');
        int n = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
        for (int k = 0; k < n + 1; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *key = k == n ? "text" : keys[(seed >> 16) % 8];
            if (k)
                hd_buf_adds(&line, (seed >> 8) & 1 ? ", " : ",");
            hd_buf_printf(&line, "\"%s\":", key);
            seed = seed * 1103515245u + 12345u;
            unsigned kind = (seed >> 16) % 8;
            if (kind == 0) {
                hd_buf_printf(&line, "%d", (int)(seed % 100000) - 500);
            } else if (kind == 1) {
                hd_buf_adds(&line, "null");
            } else {
                hd_buf_addc(&line, '"');
                int m = (int)((seed >> 4) % 12);
                for (int j = 0; j < m; j++) {
                    seed = seed * 1103515245u + 12345u;
                    hd_buf_adds(&line, pieces[(seed >> 16) % 12]);
                }
                hd_buf_addc(&line, '"');
            }
        }
        hd_buf_addc(&line, '}');
        accepted += same_as_jansson(line.p, line.len);
    }
    print_message("fast path took %d of 2006 lines\n", accepted);
    assert_true(accepted > 600); /* most valid random flat objects take the fast path */
    hd_buf_done(&line);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_jsonl_fields),
        cmocka_unit_test(test_jsonl_fast_matches_jansson),
        cmocka_unit_test(test_reader_jsonl_continues_after_bad_line),
        cmocka_unit_test(test_reader_repairs_utf8_with_offset),
        cmocka_unit_test(test_reader_limits_and_junk),
        cmocka_unit_test(test_reader_directory_sorted),
        cmocka_unit_test(test_reader_streamed_jsonl),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
