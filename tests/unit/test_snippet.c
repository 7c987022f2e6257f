/* SPDX-License-Identifier: MIT
 *
 * test_snippet.c — best-passage choice and highlighting. Words are cut here by a tiny ASCII
 * splitter and matched case-insensitively against the query terms, so the test does not depend
 * on the index analyzer (test_search.c covers the two together).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <ctype.h>
#include <string.h>

#include <cmocka.h>

#include "search/search.h"

#define MAX_TOKS 4096

static size_t split(const char *text, const char *const *terms, size_t n_terms, hd_snip_tok *t)
{
    size_t n = 0, len = strlen(text);
    for (size_t i = 0; i < len && n < MAX_TOKS;) {
        if (!isalnum((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t s = i;
        while (i < len && isalnum((unsigned char)text[i]))
            i++;
        t[n].start = (uint32_t)s;
        t[n].end = (uint32_t)i;
        t[n].term = -1;
        for (size_t k = 0; k < n_terms; k++)
            if (strlen(terms[k]) == i - s && !strncasecmp(terms[k], text + s, i - s))
                t[n].term = (int32_t)k;
        n++;
    }
    return n;
}

static char *snip(const char *text, const char *const *terms, const double *w, size_t n_terms,
                  const hd_snippet_opts *o, hd_buf *b)
{
    static hd_snip_tok toks[MAX_TOKS];
    size_t n = split(text, terms, n_terms, toks);
    hd_buf_clear(b);
    hd_snippet(text, strlen(text), toks, n, w, n_terms, o, b);
    assert_false(b->oom);
    return b->len ? b->p : "";
}

static void test_highlight(void **state)
{
    (void)state;
    hd_buf b;
    hd_buf_init(&b);
    const char *terms[] = {"supreme", "leader"};
    double w[] = {2, 1};
    hd_snippet_opts o = {.max_words = 30, .escape_html = 1};
    assert_string_equal(snip("Iran's Supreme Leader spoke.", terms, w, 2, &o, &b),
                        "Iran's <b>Supreme Leader</b> spoke.");
    /* separate matches get separate marks; punctuation breaks a run */
    assert_string_equal(snip("leader, then supreme", terms, w, 2, &o, &b),
                        "<b>leader</b>, then <b>supreme</b>");
    /* custom marks (terminal) and no escaping */
    hd_snippet_opts tty = {.max_words = 30, .open = "\033[1m", .close = "\033[0m"};
    assert_string_equal(snip("a <leader> b", terms, w, 2, &tty, &b), "a <\033[1mleader\033[0m> b");
    /* escaping keeps marks unambiguous */
    assert_string_equal(snip("a <leader> & b", terms, w, 2, &o, &b),
                        "a &lt;<b>leader</b>&gt; &amp; b");
    /* line breaks become spaces */
    assert_string_equal(snip("one\ntwo\nleader", terms, w, 2, &o, &b), "one two <b>leader</b>");
    hd_buf_done(&b);
}

static void test_best_window(void **state)
{
    (void)state;
    hd_buf b;
    hd_buf_init(&b);
    const char *terms[] = {"nuclear", "talks", "vienna"};
    double w[] = {3, 1, 2};
    hd_snippet_opts o = {.max_words = 8, .open = "[", .close = "]"};
    /* The passage with all three terms wins over the one repeating a single term. */
    const char *text = "nuclear nuclear nuclear nuclear filler words go here and here and there "
                       "and more filler words until the talks in vienna on the nuclear deal "
                       "ended late and so on and so forth with many more words after";
    char *s = snip(text, terms, w, 3, &o, &b);
    assert_non_null(strstr(s, "[talks] in [vienna] on the [nuclear]"));
    assert_true(!strncmp(s, "\xE2\x80\xA6 ", 4)); /* cut at the start */
    size_t sl = strlen(s);
    assert_true(sl >= 4 && !memcmp(s + sl - 4, " \xE2\x80\xA6", 4)); /* and at the end */
    /* 8 words exactly */
    int words = 0;
    for (const char *p = s; *p; p++)
        if (isalnum((unsigned char)*p) && (p == s || !isalnum((unsigned char)p[-1])))
            words++;
    assert_int_equal(words, 8);
    /* the window keeps some context before its first match */
    assert_null(strstr(s, "\xE2\x80\xA6 [talks"));
    hd_buf_done(&b);
}

static void test_no_match(void **state)
{
    (void)state;
    hd_buf b;
    hd_buf_init(&b);
    const char *terms[] = {"absent"};
    double w[] = {1};
    hd_snippet_opts o = {.max_words = 3};
    assert_string_equal(snip("alpha beta gamma delta", terms, w, 1, &o, &b),
                        "alpha beta gamma \xE2\x80\xA6");
    assert_string_equal(snip("", terms, w, 1, &o, &b), "");
    assert_string_equal(snip("...", terms, w, 1, &o, &b), "");
    /* a short body is returned whole */
    assert_string_equal(snip("absent here", terms, w, 1, &o, &b), "<b>absent</b> here");
    hd_buf_done(&b);
}

static void test_rare_term_wins(void **state)
{
    (void)state;
    hd_buf b;
    hd_buf_init(&b);
    const char *terms[] = {"the", "khamenei"};
    double w[] = {0.1, 5};
    hd_snippet_opts o = {.max_words = 4};
    const char *text = "the the the the x x x x x x x x said khamenei today y y y y y y";
    char *s = snip(text, terms, w, 2, &o, &b);
    assert_non_null(strstr(s, "<b>khamenei</b>"));
    hd_buf_done(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_highlight),
        cmocka_unit_test(test_best_window),
        cmocka_unit_test(test_no_match),
        cmocka_unit_test(test_rare_term_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
