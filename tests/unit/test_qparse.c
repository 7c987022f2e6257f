/* SPDX-License-Identifier: MIT
 *
 * test_qparse.c — the query parser: every syntax form (checked through the canonical dump),
 * errors with their column, and the limits on length, terms and nesting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/mem.h"
#include "search/search.h"

/* Parse q and compare the dump with want; returns the rc. */
static void expect_tree(const char *q, const char *want)
{
    hd_arena a;
    hd_arena_init(&a, 0);
    hd_err err = {0};
    hd_qnode *root = NULL;
    hd_rc rc = hd_qparse(q, strlen(q), &a, &root, &err);
    if (rc != HD_OK)
        fail_msg("query [%s]: %s", q, err.msg);
    hd_buf b;
    hd_buf_init(&b);
    hd_qnode_dump(root, &b);
    if (strcmp(b.p, want))
        fail_msg("query [%s]\n  got  %s\n  want %s", q, b.p, want);
    hd_buf_done(&b);
    hd_arena_done(&a);
}

static void expect_error(const char *q, hd_rc code, const char *msg)
{
    hd_arena a;
    hd_arena_init(&a, 0);
    hd_err err = {0};
    hd_qnode *root = NULL;
    hd_rc rc = hd_qparse(q, strlen(q), &a, &root, &err);
    if (rc != code)
        fail_msg("query [%s]: rc %s, want %s (%s)", q, hd_rc_name(rc), hd_rc_name(code), err.msg);
    assert_int_equal(err.code, code);
    assert_null(root);
    if (msg && !strstr(err.msg, msg))
        fail_msg("query [%s]: message '%s' lacks '%s'", q, err.msg, msg);
    hd_arena_done(&a);
}

static void test_terms(void **state)
{
    (void)state;
    expect_tree("iran", "iran");
    expect_tree("*", "*"); /* every document: `herald who` without a topic */
    expect_tree("* -iran", "(* -iran)");
    expect_tree("  iran  ", "iran");
    expect_tree("iran talks", "(iran talks)");
    expect_tree("iran talks nuclear", "(iran talks nuclear)");
    expect_tree("and or not", "(and or not)"); /* lower case: words */
    expect_tree("10:30 e-mail U.S.", "(10:30 e-mail U.S.)");
    expect_tree("Ünïcödé café", "(Ünïcödé café)");
}

static void test_operators(void **state)
{
    (void)state;
    expect_tree("a AND b", "(+a +b)");
    expect_tree("a && b", "(+a +b)");
    expect_tree("a OR b", "(a b)");
    expect_tree("a || b", "(a b)");
    expect_tree("+a +b", "(+a +b)");
    expect_tree("+a b -c", "(+a b -c)");
    expect_tree("a NOT b", "(a -b)");
    expect_tree("a AND NOT b", "(+a -b)");
    expect_tree("NOT b", "(-b)");
    expect_tree("-b", "(-b)");
    expect_tree("a AND b OR c", "((+a +b) c)");
    expect_tree("a OR b AND c", "(a (+b +c))");
    expect_tree("a b AND c d", "(a (+b +c) d)");
    /* a lone sign is not an operator */
    expect_tree("a - b", "(a - b)");
    expect_tree("a-b", "a-b");
}

static void test_parens(void **state)
{
    (void)state;
    expect_tree("(a b) AND c", "(+(a b) +c)");
    expect_tree("(a)", "a");
    expect_tree("((a))", "a");
    expect_tree("-(a b) c", "(-(a b) c)");
    expect_tree("+(a OR b) +(c OR d)", "(+(a b) +(c d))");
    expect_tree("(a AND (b OR (c AND d)))", "(+a +(b (+c +d)))");
}

static void test_phrases(void **state)
{
    (void)state;
    expect_tree("\"Supreme Leader\"", "\"Supreme Leader\"");
    expect_tree("\"a b\" c", "(\"a b\" c)");
    expect_tree("+\"a b\" -\"c d\"", "(+\"a b\" -\"c d\")");
    expect_tree("x\"a b\"y", "(x \"a b\" y)");
    expect_tree("\"\"", "\"\"");
}

static void test_fields(void **state)
{
    (void)state;
    expect_tree("title:iran", "title:iran");
    expect_tree("TITLE:iran", "title:iran");
    expect_tree("body:iran source:reuters speaker:khamenei",
                "(body:iran source:reuters speaker:khamenei)");
    expect_tree("title:\"nuclear deal\"", "title:\"nuclear deal\"");
    expect_tree("title:(iran talks)", "(title:iran title:talks)");
    expect_tree("title:(iran AND -talks)", "(+title:iran -title:talks)");
    expect_tree("-title:iran", "(-title:iran)");
    expect_tree("title:nucl*", "title:nucl*");
    expect_tree("foo:bar", "foo:bar"); /* unknown field: one word */
}

static void test_prefix(void **state)
{
    (void)state;
    expect_tree("nucl*", "nucl*");
    expect_tree("nucl** iran", "(nucl* iran)");
    expect_tree("+nucl* -iran", "(+nucl* -iran)");
}

static void test_dates(void **state)
{
    (void)state;
    expect_tree("date:2022-01-01..2022-12-31", "date:[20220101,20221231]");
    expect_tree("date:..2022-12-31", "date:[0,20221231]");
    expect_tree("date:2022-01-01..", "date:[20220101,99991231]");
    expect_tree("date:2022-03-04", "date:[20220304,20220304]");
    expect_tree("date:2022", "date:[20220101,20221231]");
    expect_tree("date:2024-02", "date:[20240201,20240229]");
    expect_tree("date:2023-02..2023-03", "date:[20230201,20230331]");
    expect_tree("iran date:2022..", "(iran date:[20220101,99991231])");
    expect_tree("-date:..2021", "(-date:[0,20211231])");
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("", HD_EQUERY, "empty query");
    expect_error("   ", HD_EQUERY, "empty query");
    expect_error("(iran talks", HD_EQUERY, "unbalanced parenthesis at column 1");
    expect_error("iran talks) x", HD_EQUERY, "unbalanced parenthesis at column 11");
    expect_error("iran (talks AND (x)", HD_EQUERY, "unbalanced parenthesis at column 6");
    expect_error("a ()", HD_EQUERY, "empty parentheses at column 3");
    expect_error("\"supreme leader", HD_EQUERY, "unterminated quote at column 1");
    expect_error("a \"b", HD_EQUERY, "unterminated quote at column 3");
    expect_error("AND a", HD_EQUERY, "AND at column 1 has no left operand");
    expect_error("a AND", HD_EQUERY, "AND has no right operand at column 3");
    expect_error("a OR", HD_EQUERY, "OR has no right operand at column 3");
    expect_error("a OR OR b", HD_EQUERY, "OR has no right operand at column 3");
    expect_error("a NOT", HD_EQUERY, "NOT at column 3 has no operand");
    expect_error("a NOT NOT b", HD_EQUERY, "operator after an operator at column 7");
    expect_error("title: x", HD_EQUERY, "field has no value at column 1");
    expect_error("title:", HD_EQUERY, "field has no value at column 1");
    expect_error("title:body:x", HD_EQUERY, "field body: inside title: at column 7");
    expect_error("date:yesterday", HD_EQUERY, "bad date 'yesterday' at column 6");
    expect_error("date:2022-13-01", HD_EQUERY, "bad date");
    expect_error("date:2022-02-30", HD_EQUERY, "bad date");
    expect_error("date:..", HD_EQUERY, "bad date");
    expect_error("date:2023..2022", HD_EQUERY, "date range ends before it starts");
    expect_error("date:\"2022\"", HD_EQUERY, "date: needs a date or a range at column 1");
    expect_error("title:* a", HD_EQUERY, "field needs a word, a phrase or parentheses");
    /* columns count characters, not bytes */
    expect_error("café (x", HD_EQUERY, "unbalanced parenthesis at column 6");
}

static void test_limits(void **state)
{
    (void)state;
    hd_buf b;
    hd_buf_init(&b);
    /* length */
    for (int i = 0; i < HD_QUERY_MAX_BYTES; i++)
        hd_buf_addc(&b, 'x');
    hd_buf_addc(&b, 'y');
    expect_error(b.p, HD_ELIMIT, "longer than");
    /* number of terms */
    hd_buf_clear(&b);
    for (int i = 0; i <= HD_QUERY_MAX_LEAVES; i++)
        hd_buf_adds(&b, "t ");
    expect_error(b.p, HD_ELIMIT, "more than 256 terms");
    /* a lone '*' (every document) counts as a term: terms and stars together over the limit */
    hd_buf_clear(&b);
    for (int i = 0; i <= HD_QUERY_MAX_LEAVES; i++)
        hd_buf_adds(&b, i % 2 ? "* " : "t* ");
    expect_error(b.p, HD_ELIMIT, "more than 256 terms");
    hd_buf_clear(&b);
    for (int i = 0; i < HD_QUERY_MAX_LEAVES; i++)
        hd_buf_adds(&b, "t ");
    hd_arena a;
    hd_arena_init(&a, 0);
    hd_qnode *root;
    assert_int_equal(hd_qparse(b.p, b.len, &a, &root, NULL), HD_OK);
    assert_int_equal(root->n_kids, HD_QUERY_MAX_LEAVES);
    hd_arena_done(&a);
    /* nesting */
    hd_buf_clear(&b);
    for (int i = 0; i <= HD_QUERY_MAX_DEPTH; i++)
        hd_buf_addc(&b, '(');
    hd_buf_addc(&b, 'a');
    for (int i = 0; i <= HD_QUERY_MAX_DEPTH; i++)
        hd_buf_addc(&b, ')');
    expect_error(b.p, HD_ELIMIT, "deeper than 32 levels at column 33");
    hd_buf_clear(&b);
    for (int i = 0; i < HD_QUERY_MAX_DEPTH; i++)
        hd_buf_addc(&b, '(');
    hd_buf_addc(&b, 'a');
    for (int i = 0; i < HD_QUERY_MAX_DEPTH; i++)
        hd_buf_addc(&b, ')');
    expect_tree(b.p, "a");
    /* a deep unbalanced query hits the depth limit, not the stack */
    hd_buf_clear(&b);
    for (int i = 0; i < 4000; i++)
        hd_buf_addc(&b, '(');
    expect_error(b.p, HD_ELIMIT, "deeper than");
    hd_buf_done(&b);
}

static void test_oom(void **state)
{
    (void)state;
    /* Every allocation failure gives HD_ENOMEM (never a crash); eventually it succeeds. */
    const char *q = "(iran OR talks) AND title:\"supreme leader\" -date:..2020 nucl*";
    int ok = 0;
    for (long n = 0; n < 50 && !ok; n++) {
        hd_arena a;
        hd_arena_init(&a, 256);
        hd_err err = {0};
        hd_qnode *root;
        hd_mem_fail_after(n);
        hd_rc rc = hd_qparse(q, strlen(q), &a, &root, &err);
        hd_mem_fail_after(-1);
        if (rc == HD_OK)
            ok = 1;
        else
            assert_int_equal(rc, HD_ENOMEM);
        hd_arena_done(&a);
    }
    assert_true(ok);
}

/* Random byte strings never crash the parser and always give OK or an error with a message. */
static void test_garbage(void **state)
{
    (void)state;
    const char alphabet[] = "ab ()\"+-:*.ANDORT\xc3\xa9title:date:2022-01-01..";
    uint32_t seed = 12345;
    for (int i = 0; i < 20000; i++) {
        char q[64];
        size_t n = 0;
        seed = seed * 1103515245 + 12345;
        size_t len = (seed >> 16) % sizeof q;
        while (n < len) {
            seed = seed * 1103515245 + 12345;
            q[n++] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        hd_arena a;
        hd_arena_init(&a, 0);
        hd_err err = {0};
        hd_qnode *root;
        hd_rc rc = hd_qparse(q, n, &a, &root, &err);
        if (rc == HD_OK) {
            hd_buf b;
            hd_buf_init(&b);
            hd_qnode_dump(root, &b);
            hd_buf_done(&b);
        } else {
            assert_true(rc == HD_EQUERY || rc == HD_ELIMIT);
            assert_true(err.msg[0] != '\0');
        }
        hd_arena_done(&a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_terms),   cmocka_unit_test(test_operators),
        cmocka_unit_test(test_parens),  cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_fields),  cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_dates),   cmocka_unit_test(test_errors),
        cmocka_unit_test(test_limits),  cmocka_unit_test(test_oom),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
