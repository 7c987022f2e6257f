/* SPDX-License-Identifier: MIT
 *
 * test_analyze.c — unit tests for the analyzer (src/index/analyze.c): word boundaries, joiners
 * inside words, hyphenated compounds and their parts, folding, Snowball stems, positions and
 * byte offsets, real BBC text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "base/fs.h"
#include "index/index.h"

typedef struct toks {
    char term[64][100];
    uint32_t pos[64];
    size_t start[64], end[64];
    int compound[64], part[64];
    size_t n;
} toks;

static int collect(void *ud, const hd_token *t)
{
    toks *k = ud;
    if (k->n < 64) {
        memcpy(k->term[k->n], t->term, t->term_len);
        k->term[k->n][t->term_len] = 0;
        k->pos[k->n] = t->pos;
        k->start[k->n] = t->start;
        k->end[k->n] = t->end;
        k->compound[k->n] = t->compound;
        k->part[k->n] = t->part;
        k->n++;
    }
    return 0;
}

static toks run(hd_analyzer *an, const char *s, int flags)
{
    toks k;
    memset(&k, 0, sizeof k);
    hd_err err = {0};
    uint32_t next;
    assert_int_equal(hd_analyze_ex(an, s, strlen(s), 0, flags, collect, &k, &next, &err), HD_OK);
    return k;
}

static void expect(hd_analyzer *an, const char *s, int flags, const char *const *want, size_t n)
{
    toks k = run(an, s, flags);
    if (k.n != n) {
        for (size_t i = 0; i < k.n; i++)
            fprintf(stderr, "  got [%s]\n", k.term[i]);
    }
    assert_int_equal(k.n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(k.term[i], want[i]);
}

static void test_sentence(void **state)
{
    hd_analyzer *an = *state;
    const char *s = "The BBC's economists don't expect 1,060 jobs in the 12-day strike.";
    /* "12-day" stays one token, followed by its parts */
    const char *want[] = {"the", "bbc", "economist", "don't", "expect", "1,060", "job",
                          "in",  "the", "12-day",    "12",    "day",    "strike"};
    const uint32_t pos[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11};
    expect(an, s, 0, want, 13);
    toks k = run(an, s, 0);
    for (size_t i = 0; i < k.n; i++)
        assert_int_equal(k.pos[i], pos[i]);
    /* byte ranges point at the words as written */
    assert_int_equal(k.start[5], strlen("The BBC's economists don't expect "));
    assert_int_equal(k.end[5] - k.start[5], 5);
    assert_memory_equal(s + k.start[9], "12-day", 6);
    assert_memory_equal(s + k.start[10], "12", 2);
    assert_int_equal(k.end[10] - k.start[10], 2);
    assert_memory_equal(s + k.start[11], "day", 3);
    assert_int_equal(k.end[11], k.end[9]);
}

static void test_apostrophes(void **state)
{
    hd_analyzer *an = *state;
    const char *w1[] = {"don't", "stop"};
    expect(an, "Don\xe2\x80\x99t stop", 0, w1, 2); /* U+2019 */
    expect(an, "don't stop", 0, w1, 2);
    const char *w2[] = {"rock", "n", "roll"}; /* leading/trailing apostrophes split */
    expect(an, "rock 'n' roll", 0, w2, 3);
    const char *w3[] = {"minist"}; /* possessive: plural + ' */
    expect(an, "ministers'", 0, w3, 1);
}

static void test_numbers_and_hyphens(void **state)
{
    hd_analyzer *an = *state;
    const char *w[] = {"3.5", "per", "cent", "well-known", "well", "known", "u", "s"};
    expect(an, "3.5 per cent, well-known U.S.", HD_AN_NO_STEM, w, 8);
    const char *w2[] = {"2004", "1,000,000", "end"};
    expect(an, "2004, 1,000,000 - end", 0, w2, 3);
    const char *w3[] = {"a", "b"}; /* a dash between spaces is no joiner */
    expect(an, "a -- b", 0, w3, 2);
}

/* A hyphenated compound: the word as written (flagged compound) at the position of its first
 * part, then its parts (flagged part), analysed as words of their own, one position each. */
static void test_compounds(void **state)
{
    hd_analyzer *an = *state;
    const char *s = "Anti-inflammatory drugs, state-of-the-art 1,000-strong";
    toks k = run(an, s, 0);
    const char *want[] = {"anti-inflammatori",
                          "anti",
                          "inflammatori",
                          "drug",
                          "state-of-the-art",
                          "state",
                          "of",
                          "the",
                          "art",
                          "1,000-strong",
                          "1,000",
                          "strong"};
    const uint32_t pos[] = {0, 0, 1, 2, 3, 3, 4, 5, 6, 7, 7, 8};
    const int comp[] = {1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0};
    const int part[] = {0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1};
    assert_int_equal(k.n, 12);
    for (size_t i = 0; i < k.n; i++) {
        assert_string_equal(k.term[i], want[i]);
        assert_int_equal(k.pos[i], pos[i]);
        assert_int_equal(k.compound[i], comp[i]);
        assert_int_equal(k.part[i], part[i]);
    }
    /* each part's bytes are its own, inside the compound's */
    assert_memory_equal(s + k.start[2], "inflammatory", k.end[2] - k.start[2]);
    assert_int_equal(k.end[2] - k.start[2], 12);
    assert_int_equal(k.start[1], k.start[0]);
    assert_int_equal(k.end[2], k.end[0]);
    assert_memory_equal(s + k.start[10], "1,000", 5);
    /* the next free position follows the last part */
    uint32_t next;
    hd_err err = {0};
    toks k2;
    memset(&k2, 0, sizeof k2);
    assert_int_equal(hd_analyze(an, "a 12-day", 8, 5, collect, &k2, &next, &err), HD_OK);
    assert_int_equal(next, 8);
    /* Unicode hyphens (U+2010) split too; apostrophes and digit separators do not */
    const char *w2[] = {"e-mail", "e", "mail", "rock'n"};
    expect(an, "e\xe2\x80\x90mail rock'n", HD_AN_NO_STEM, w2, 4);
    /* a dash between spaces or at a word's end is no joiner: no compound */
    const char *w3[] = {"pre", "post"};
    expect(an, "pre- post", 0, w3, 2);
}

/* A compound over the term limit is dropped but its parts are still indexed. */
static void test_long_compound(void **state)
{
    hd_analyzer *an = *state;
    char s[400];
    memset(s, 'x', 200);
    strcpy(s + 200, "-ray after");
    toks k = run(an, s, 0);
    assert_int_equal(k.n, 2);
    assert_string_equal(k.term[0], "ray"); /* the 200-letter part is dropped too */
    assert_int_equal(k.part[0], 1);
    assert_int_equal(k.pos[0], 1);
    assert_string_equal(k.term[1], "after");
    assert_int_equal(k.pos[1], 2);
}

static int stop_at_part(void *ud, const hd_token *t)
{
    ++*(int *)ud;
    return t->part;
}

static void test_unicode(void **state)
{
    hd_analyzer *an = *state;
    const char *w[] = {"café", "café", "straße"};
    /* precomposed, decomposed (e + U+0301), upper case */
    expect(an, "CAF\xc3\x89 cafe\xcc\x81 STRASSE", HD_AN_NO_STEM,
           (const char *[]){"café", "café", "strasse"}, 3);
    (void)w;
    const char *cjk[] = {"東", "京", "tokyo"};
    expect(an, "東京 Tokyo", HD_AN_NO_STEM, cjk, 3);
    const char *bad[] = {"abc", "def"};
    expect(an,
           "abc\xff"
           "def",
           0, bad, 2);
    const char *pound[] = {"5m"};
    expect(an,
           "\xc2\xa3"
           "5m",
           0, pound, 1);
}

static void test_stems(void **state)
{
    hd_analyzer *an = *state;
    const char *w[] = {"run", "quick", "generous", "elect", "elect"};
    expect(an, "running quickly generously elections election", 0, w, 5);
    /* the cache returns the same stems the second time */
    expect(an, "running quickly generously elections election", 0, w, 5);
}

static void test_long_word_and_positions(void **state)
{
    hd_analyzer *an = *state;
    char s[400];
    memset(s, 'x', 300);
    strcpy(s + 300, " after");
    toks k = run(an, s, 0);
    assert_int_equal(k.n, 1);
    assert_string_equal(k.term[0], "after");
    assert_int_equal(k.pos[0], 1); /* the dropped word still took position 0 */
}

static int stop_after_two(void *ud, const hd_token *t)
{
    (void)t;
    return ++*(int *)ud >= 2;
}

static void test_stop_and_next_pos(void **state)
{
    hd_analyzer *an = *state;
    int n = 0;
    hd_err err = {0};
    assert_int_equal(hd_analyze(an, "one two three four", 18, 10, stop_after_two, &n, NULL, &err),
                     HD_OK);
    assert_int_equal(n, 2);
    /* stopping at a part stops the whole analysis */
    n = 0;
    assert_int_equal(hd_analyze(an, "x-ray vision", 12, 0, stop_at_part, &n, NULL, &err), HD_OK);
    assert_int_equal(n, 2);
    uint32_t next;
    toks k;
    memset(&k, 0, sizeof k);
    assert_int_equal(hd_analyze(an, "one two three", 13, 10, collect, &k, &next, &err), HD_OK);
    assert_int_equal(next, 13);
    assert_int_equal(k.pos[0], 10);
}

static void test_languages(void **state)
{
    (void)state;
    hd_analyzer *fr, *none, *bad;
    hd_err err = {0};
    assert_int_equal(hd_analyzer_new("klingon", &bad, &err), HD_EINVAL);
    assert_int_equal(hd_analyzer_new("french", &fr, NULL), HD_OK);
    assert_string_equal(hd_analyzer_language(fr), "french");
    const char *w[] = {"chanson"};
    expect(fr, "chansons", 0, w, 1);
    assert_int_equal(hd_analyzer_new("none", &none, NULL), HD_OK);
    const char *w2[] = {"running"};
    expect(none, "Running", 0, w2, 1);
    hd_analyzer_free(fr);
    hd_analyzer_free(none);
}

static int count(void *ud, const hd_token *t)
{
    (void)t;
    ++*(size_t *)ud;
    return 0;
}

static void test_real_article(void **state)
{
    hd_analyzer *an = *state;
    hd_buf b;
    hd_buf_init(&b);
    hd_err err = {0};
    if (hd_fs_read_all(HD_SHARED_DATA "/bbc-news/business/001.txt", 1 << 20, &b, &err) != HD_OK)
        skip();
    size_t n = 0;
    assert_int_equal(hd_analyze(an, b.p, b.len, 0, count, &n, NULL, &err), HD_OK);
    /* the first BBC business article has a few hundred words */
    assert_true(n > 300 && n < 1000);
    /* and the invalid byte in sport/199.txt is no problem */
    hd_buf_clear(&b);
    if (hd_fs_read_all(HD_SHARED_DATA "/bbc-news/sport/199.txt", 1 << 20, &b, &err) == HD_OK) {
        n = 0;
        assert_int_equal(hd_analyze(an, b.p, b.len, 0, count, &n, NULL, &err), HD_OK);
        assert_true(n > 50);
    }
    hd_buf_done(&b);
}

static int setup(void **state)
{
    hd_analyzer *an;
    if (hd_analyzer_new("english", &an, NULL) != HD_OK)
        return -1;
    *state = an;
    return 0;
}

static int teardown(void **state)
{
    hd_analyzer_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence),
        cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_numbers_and_hyphens),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_long_compound),
        cmocka_unit_test(test_unicode),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_long_word_and_positions),
        cmocka_unit_test(test_stop_and_next_pos),
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_real_article),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
