/* SPDX-License-Identifier: MIT
 *
 * test_pipeline.c — the extractor (src/lib/pipeline.c) reads pages in batches and extracts
 * their articles together: articles and per-input errors still come in input order, a failed
 * line loses nothing around it, and each article's statements and entities are what
 * extracting it alone gives (no state carried from one article of a batch to the next), on
 * the real BBC business pages, which fill several batches. hd_extract_batch refuses a body
 * over the stage's limit before touching any article.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "herald.h"
#include "base/arena.h"
#include "base/buf.h"
#include "extract/extract.h"

/* 200 JSON Lines records: line k (from 1) is story k, except two malformed lines (6 and
 * 131, in the first and the third batch) and a title-only record (line 71). */
static char *records(size_t *len)
{
    hd_buf b;
    hd_buf_init(&b);
    for (int k = 1; k <= 200; k++) {
        char line[256];
        if (k == 6 || k == 131)
            snprintf(line, sizeof line, "{\"id\":\"r%d\",\"text\": broken\n", k);
        else if (k == 71)
            snprintf(line, sizeof line,
                     "{\"id\":\"r%d\",\"title\":\"FLASH HEADLINE\",\"text\":\"\"}\n", k);
        else
            snprintf(line, sizeof line,
                     "{\"id\":\"r%d\",\"text\":\"Story %d. The minister said on Monday that "
                     "prices rose %d pct.\"}\n",
                     k, k, k);
        hd_buf_adds(&b, line);
    }
    assert_false(b.oom);
    return hd_buf_steal(&b, len);
}

static void test_order_and_errors_across_batches(void **state)
{
    (void)state;
    size_t len;
    char *data = records(&len);
    hd_err err = {0};
    hd_extractor *x;
    assert_int_equal(hd_extractor_new(NULL, &x, &err), HD_OK);
    assert_int_equal(hd_extractor_add_buffer(x, "wire.jsonl", data, len, &err), HD_OK);
    free(data);
    const hd_article *a;
    hd_rc rc;
    int want = 1, n_err = 0;
    while ((rc = hd_extractor_next(x, &a, &err)) != HD_DONE) {
        if (rc != HD_OK) {
            /* the error comes where its line is, after the article before it */
            assert_true(want == 6 || want == 131);
            char where[64];
            snprintf(where, sizeof where, "wire.jsonl:%d", want);
            assert_string_equal(err.where, where);
            hd_err_clear(&err);
            n_err++;
            want++;
            continue;
        }
        char id[16];
        snprintf(id, sizeof id, "r%d", want);
        assert_string_equal(a->id, id);
        if (want == 71) {
            assert_string_equal(a->body, "FLASH HEADLINE");
            assert_int_equal(a->n_statements, 0);
        } else {
            char said[64];
            snprintf(said, sizeof said, "prices rose %d pct", want);
            assert_int_equal(a->n_statements, 1);
            assert_non_null(strstr(a->statements[0].text, said));
            assert_string_equal(a->statements[0].cue, "said");
        }
        want++;
    }
    assert_int_equal(want, 201);
    assert_int_equal(n_err, 2);
    assert_int_equal(hd_extractor_n_failed(x), 2);
    hd_extractor_free(x);
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void test_batch_equals_one_by_one(void **state)
{
    (void)state;
    hd_err err = {0};
    hd_extractor *x;
    hd_lexicon *lx;
    assert_int_equal(hd_extractor_new(NULL, &x, &err), HD_OK);
    assert_int_equal(hd_lexicon_load(NULL, &lx, &err), HD_OK);
    assert_int_equal(hd_extractor_add_path(x, HD_SHARED_DATA "/bbc-news/business", &err), HD_OK);
    hd_arena arena;
    hd_arena_init(&arena, 64 * 1024);
    const hd_article *a;
    hd_rc rc;
    size_t n_art = 0, n_st = 0;
    while ((rc = hd_extractor_next(x, &a, &err)) != HD_DONE) {
        assert_int_equal(rc, HD_OK);
        hd_statement *st;
        hd_entity *en;
        size_t ns, ne;
        hd_arena_reset(&arena);
        assert_int_equal(hd_extract_statements(lx, &arena, a->title, a->body, a->body_len, &st, &ns,
                                               &en, &ne, &err),
                         HD_OK);
        assert_int_equal(a->n_statements, ns);
        assert_int_equal(a->n_entities, ne);
        for (size_t k = 0; k < ns; k++) {
            assert_int_equal(a->statements[k].start, st[k].start);
            assert_int_equal(a->statements[k].end, st[k].end);
            assert_true(same_str(a->statements[k].speaker, st[k].speaker));
            assert_true(same_str(a->statements[k].cue, st[k].cue));
        }
        for (size_t k = 0; k < ne; k++) {
            assert_string_equal(a->entities[k].name, en[k].name);
            assert_int_equal(a->entities[k].kind, en[k].kind);
        }
        n_art++;
        n_st += ns;
    }
    /* the folder's 510 stories, several batches, with statements in most */
    assert_true(n_art >= 500);
    assert_true(n_st > n_art);
    hd_arena_done(&arena);
    hd_lexicon_free(lx);
    hd_extractor_free(x);
}

static void test_batch_refuses_bad_input_untouched(void **state)
{
    (void)state;
    hd_err err = {0};
    hd_lexicon *lx;
    assert_int_equal(hd_lexicon_load(NULL, &lx, &err), HD_OK);
    hd_arena arena;
    hd_arena_init(&arena, 4096);
    const char *said = "The minister said on Monday that prices rose 3 pct.";
    hd_article ok = {.body = said, .body_len = strlen(said)};
    /* the length is checked before the body is read: no gigabyte needed */
    hd_article big = {.body = "x", .body_len = HD_EXTRACT_MAX_BODY + 1};
    hd_article *arts[] = {&ok, &big};
    assert_int_equal(hd_extract_batch(lx, &arena, arts, 2, &err), HD_ELIMIT);
    assert_non_null(strstr(err.msg, "over the"));
    assert_int_equal(ok.n_statements, 0);
    assert_null(ok.statements);
    hd_err_clear(&err);
    assert_int_equal(hd_extract_batch(NULL, &arena, arts, 1, &err), HD_EINVAL);
    hd_err_clear(&err);
    assert_int_equal(hd_extract_batch(lx, &arena, arts, 1, &err), HD_OK);
    assert_int_equal(ok.n_statements, 1);
    assert_non_null(strstr(ok.statements[0].text, "prices rose 3 pct"));
    assert_int_equal(hd_extract_batch(lx, &arena, NULL, 0, &err), HD_OK);
    hd_arena_done(&arena);
    hd_lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_errors_across_batches),
        cmocka_unit_test(test_batch_equals_one_by_one),
        cmocka_unit_test(test_batch_refuses_bad_input_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
