/* SPDX-License-Identifier: MIT
 *
 * test_statements.c — statements as records of their own (src/lib/statements.c): the record
 * of each statement, the two ways of adding them (hd_index_add_statements, and analysis in
 * another thread with hd_statement_doc + hd_tokenizer_run + hd_index_add_tokens) giving the
 * same index, deletion of records an article no longer has, and record ids.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "herald.h"
#include "index/seg.h"

static hd_statement sts[] = {
    {.speaker = "Ali Khamenei",
     .speaker_mention = "the Leader",
     .text = "negotiating with America is poison",
     .direct = 1},
    {.speaker = NULL, .speaker_mention = "he", .text = "sanctions would not break Iran"},
    {.speaker = "Ali Khamenei", .text = ""}, /* empty: no record */
    {.speaker = "Antony Blinken", .text = "the door to diplomacy remains open"},
};

static const hd_article art = {.id = "page-7#0",
                               .source = "wire",
                               .url = "http://example.org/7",
                               .title = "Leader rejects talks",
                               .date = "2022-11-27",
                               .statements = sts,
                               .n_statements = 4};

static void test_statement_doc(void **state)
{
    (void)state;
    char id[64];
    const char *sp[1];
    hd_doc d;
    assert_int_equal(hd_statement_doc(&art, 0, id, sizeof id, sp, &d), HD_OK);
    assert_string_equal(d.id, "page-7#0#s0");
    assert_string_equal(d.body, sts[0].text);
    assert_int_equal(d.body_len, strlen(sts[0].text));
    assert_string_equal(d.title, art.title);
    assert_string_equal(d.date, art.date);
    assert_string_equal(d.source, art.source);
    assert_int_equal(d.n_speakers, 1);
    assert_string_equal(d.speakers[0], "Ali Khamenei");
    /* unknown speaker: no speaker: field */
    assert_int_equal(hd_statement_doc(&art, 1, id, sizeof id, sp, &d), HD_OK);
    assert_int_equal(d.n_speakers, 0);
    assert_null(d.speakers);
    /* empty text, out of range: not indexed */
    assert_int_equal(hd_statement_doc(&art, 2, id, sizeof id, sp, &d), HD_DONE);
    assert_int_equal(hd_statement_doc(&art, 4, id, sizeof id, sp, &d), HD_DONE);
    /* an id that does not fit */
    char small[8];
    assert_int_equal(hd_statement_doc(&art, 0, small, sizeof small, sp, &d), HD_ELIMIT);
    /* record id -> article id */
    assert_int_equal(hd_statement_article_id_len("page-7#0#s12"), strlen("page-7#0"));
    assert_int_equal(hd_statement_article_id_len("page-7#0"), strlen("page-7#0"));
    assert_int_equal(hd_statement_article_id_len("x#s"), 3);
    assert_int_equal(hd_statement_article_id_len("x#s1a"), 5);
}

/* The ids a query finds, sorted, joined by spaces. */
static void ids(hd_index *ix, const char *q, char *out, size_t cap)
{
    hd_results *r;
    hd_err err = {0};
    hd_search_opts o = {.limit = 100};
    if (hd_search(ix, q, &o, &r, &err))
        fail_msg("%s: %s", q, err.msg);
    const char *v[100];
    size_t n = 0;
    const hd_hit *h;
    while (n < 100 && hd_results_next(r, &h) == HD_OK)
        v[n++] = h->id;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
            const char *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    out[0] = 0;
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? " " : "", v[i]);
    hd_results_free(r);
}

static hd_index *open_new(char *dir)
{
    assert_non_null(mkdtemp(dir));
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts io = {.create = 1, .writable = 1};
    if (hd_index_open(dir, &io, &ix, &err))
        fail_msg("open %s: %s", dir, err.msg);
    return ix;
}

static void rm_rf(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_add_both_ways(void **state)
{
    (void)state;
    char d1[] = "/tmp/herald-test-stmt1-XXXXXX", d2[] = "/tmp/herald-test-stmt2-XXXXXX";
    hd_index *a = open_new(d1), *b = open_new(d2);
    hd_err err = {0};
    assert_int_equal(hd_index_add_statements(a, &art, &err), HD_OK);
    assert_int_equal(hd_index_commit(a, &err), HD_OK);
    /* the other way: analysed apart, added with its tokens */
    hd_tokenizer *tz;
    assert_int_equal(hd_tokenizer_new(hd_index_language(b), &tz, &err), HD_OK);
    for (size_t k = 0; k < art.n_statements; k++) {
        char id[64];
        const char *sp[1];
        hd_doc d;
        if (hd_statement_doc(&art, k, id, sizeof id, sp, &d) != HD_OK)
            continue;
        hd_doc_tokens *t;
        assert_int_equal(hd_tokenizer_run(tz, &d, &t, &err), HD_OK);
        assert_int_equal(hd_index_add_tokens(b, &d, t, &err), HD_OK);
        hd_doc_tokens_free(t);
    }
    hd_tokenizer_free(tz);
    assert_int_equal(hd_index_commit(b, &err), HD_OK);
    static const char *const qs[] = {"*",
                                     "speaker:khamenei",
                                     "poison",
                                     "title:talks",
                                     "date:2022-11..2022-12",
                                     "speaker:blinken door",
                                     "-speaker:khamenei"};
    char x[512], y[512];
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        ids(a, qs[i], x, sizeof x);
        ids(b, qs[i], y, sizeof y);
        assert_string_equal(x, y);
    }
    ids(a, "*", x, sizeof x);
    assert_string_equal(x, "page-7#0#s0 page-7#0#s1 page-7#0#s3");
    ids(a, "speaker:khamenei", x, sizeof x);
    assert_string_equal(x, "page-7#0#s0");
    ids(a, "-speaker:khamenei", x, sizeof x);
    assert_string_equal(x, "page-7#0#s1 page-7#0#s3");

    /* re-extracted with one statement: the records beyond it go */
    hd_article fewer = art;
    fewer.n_statements = 1;
    assert_int_equal(hd_index_add_statements(a, &fewer, &err), HD_OK);
    assert_int_equal(hd_index_delete_statements(a, &fewer, art.n_statements + 8, &err), HD_OK);
    assert_int_equal(hd_index_commit(a, &err), HD_OK);
    ids(a, "*", x, sizeof x);
    assert_string_equal(x, "page-7#0#s0");
    assert_int_equal(hd_index_add_statements(NULL, &art, &err), HD_EINVAL);
    hd_index_close(a);
    hd_index_close(b);
    rm_rf(d1);
    rm_rf(d2);
}

/* Two analyses of one document are the same: fields, keys, positions, stem flags. */
static void assert_same_tokens(const hd_doc_tokens *x, const hd_doc_tokens *y, const char *what)
{
    if (x->n != y->n)
        fail_msg("%s: %zu tokens vs %zu", what, x->n, y->n);
    for (int f = 0; f <= HD_N_TEXT_FIELDS; f++)
        if (x->start[f] != y->start[f])
            fail_msg("%s: field %d starts at token %zu vs %zu", what, f, x->start[f], y->start[f]);
    for (size_t i = 0; i < x->n; i++) {
        const hd_tokrec *a = &x->tok[i], *b = &y->tok[i];
        if (a->len != b->len || memcmp(x->keys.p + a->off, y->keys.p + b->off, a->len) != 0 ||
            a->pos != b->pos || a->hash != b->hash || a->stemmable != b->stemmable)
            fail_msg("%s: token %zu differs (%.*s@%u vs %.*s@%u)", what, i, (int)a->len - 1,
                     x->keys.p + a->off + 1, a->pos, (int)b->len - 1, y->keys.p + b->off + 1,
                     b->pos);
    }
}

/* A statement record analysed from its article's tokens (hd_tokenizer_run_part) is the one
 * analysed afresh, on every statement of real pages: the seed pages and BBC business news. */
static void test_part_analysis_real_pages(void **state)
{
    (void)state;
    hd_err err = {0};
    hd_extractor *x;
    hd_tokenizer *tz;
    assert_int_equal(hd_extractor_new(NULL, &x, &err), HD_OK);
    assert_int_equal(hd_tokenizer_new("english", &tz, &err), HD_OK);
    assert_int_equal(hd_extractor_add_path(x, HD_SHARED_DATA "/seed-pages", &err), HD_OK);
    assert_int_equal(hd_extractor_add_path(x, HD_SHARED_DATA "/bbc-news/business", &err), HD_OK);
    const hd_article *a;
    hd_rc rc;
    size_t n_st = 0, n_sub = 0;
    while ((rc = hd_extractor_next(x, &a, &err)) != HD_DONE) {
        if (rc != HD_OK) {
            hd_err_clear(&err);
            continue;
        }
        hd_doc whole = {.id = a->id,
                        .url = a->url,
                        .source = a->source,
                        .date = a->date,
                        .title = a->title,
                        .body = a->body,
                        .body_len = a->body_len};
        hd_doc_tokens *wt;
        assert_int_equal(hd_tokenizer_run(tz, &whole, &wt, &err), HD_OK);
        for (size_t k = 0; k < a->n_statements; k++) {
            char id[600];
            const char *sp[1];
            hd_doc d;
            if (hd_statement_doc(a, k, id, sizeof id, sp, &d) != HD_OK)
                continue;
            const hd_statement *st = &a->statements[k];
            n_sub += st->end - st->start == d.body_len &&
                     memcmp(a->body + st->start, d.body, d.body_len) == 0;
            hd_doc_tokens *fresh, *part;
            assert_int_equal(hd_tokenizer_run(tz, &d, &fresh, &err), HD_OK);
            assert_int_equal(hd_tokenizer_run_part(tz, &d, &whole, wt, st->start, &part, &err),
                             HD_OK);
            assert_same_tokens(fresh, part, d.id);
            /* the same stretch at a wrong offset: analysed, not copied */
            hd_doc_tokens *off;
            assert_int_equal(hd_tokenizer_run_part(tz, &d, &whole, wt, st->start + 1, &off, &err),
                             HD_OK);
            assert_same_tokens(fresh, off, d.id);
            hd_doc_tokens_free(fresh);
            hd_doc_tokens_free(part);
            hd_doc_tokens_free(off);
            n_st++;
        }
        hd_doc_tokens_free(wt);
    }
    /* the data held statements, most of them stretches of their bodies */
    print_message("%zu statements, %zu stretches of their bodies\n", n_st, n_sub);
    assert_true(n_st > 500);
    assert_true(n_sub * 10 > n_st * 7);
    hd_tokenizer_free(tz);
    hd_extractor_free(x);
}

/* Stretches that start or end inside a word, or hyphenated compounds at the edges. */
static void test_part_analysis_edges(void **state)
{
    (void)state;
    hd_err err = {0};
    hd_tokenizer *tz;
    assert_int_equal(hd_tokenizer_new("english", &tz, &err), HD_OK);
    const char *body = "The 12-day talks in the U.S. ended; officials said 1,060 jobs don't "
                       "matter, \u201cwe\u2019ll see\u201d.";
    hd_doc whole = {.id = "w", .title = "Talks end", .source = "wire", .body = body};
    hd_doc_tokens *wt;
    assert_int_equal(hd_tokenizer_run(tz, &whole, &wt, &err), HD_OK);
    size_t n = strlen(body);
    for (size_t off = 0; off < n; off++)
        for (size_t len = 1; off + len <= n; len++) {
            char text[256];
            memcpy(text, body + off, len);
            text[len] = 0;
            const char *sp[] = {"Jane Roe"};
            hd_doc d = {.id = "s",
                        .title = "Talks end",
                        .source = "wire",
                        .body = text,
                        .body_len = len,
                        .speakers = sp,
                        .n_speakers = 1};
            hd_doc_tokens *fresh, *part;
            assert_int_equal(hd_tokenizer_run(tz, &d, &fresh, &err), HD_OK);
            assert_int_equal(hd_tokenizer_run_part(tz, &d, &whole, wt, off, &part, &err), HD_OK);
            assert_same_tokens(fresh, part, text);
            hd_doc_tokens_free(fresh);
            hd_doc_tokens_free(part);
        }
    hd_doc_tokens_free(wt);
    hd_tokenizer_free(tz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statement_doc),
        cmocka_unit_test(test_add_both_ways),
        cmocka_unit_test(test_part_analysis_real_pages),
        cmocka_unit_test(test_part_analysis_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
