/* SPDX-License-Identifier: MIT
 *
 * test_bm25.c — BM25 / BM25F arithmetic against values worked out by hand (k1 = 1.2,
 * b = 0.75, idf = max(0.01, ln((N - df + 0.5) / (df + 0.5)))).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>

#include <cmocka.h>

#include "search/search.h"

#define EPS 1e-4

static void test_idf(void **state)
{
    (void)state;
    /* N = 1000, df = 10: ln(990.5 / 10.5) = ln(94.3333) = 4.54684 */
    assert_float_equal(hd_bm25_idf(1000, 10), 4.54684, EPS);
    /* N = 1000, df = 300: ln(700.5 / 300.5) = 0.846350 */
    assert_float_equal(hd_bm25_idf(1000, 300), 0.846350, EPS);
    /* df = N/2 and above: the floor, small but positive */
    assert_float_equal(hd_bm25_idf(1000, 500), HD_BM25_IDF_FLOOR, 1e-12);
    assert_float_equal(hd_bm25_idf(1000, 1000), HD_BM25_IDF_FLOOR, 1e-12);
    assert_float_equal(HD_BM25_IDF_FLOOR, 0.01, 1e-12);
    /* just under half: ln(501.5 / 499.5) = 0.003996, below the floor */
    assert_float_equal(hd_bm25_idf(1000, 499), HD_BM25_IDF_FLOOR, 1e-12);
    /* df = 1, N = 1: ln(0.5 / 1.5) < 0: the floor */
    assert_float_equal(hd_bm25_idf(1, 1), HD_BM25_IDF_FLOOR, 1e-12);
    /* N = 3, df = 1: ln(2.5 / 1.5) = 0.510826 */
    assert_float_equal(hd_bm25_idf(3, 1), 0.510826, EPS);
    /* df > N (stale stats) is clamped, never NaN */
    assert_float_equal(hd_bm25_idf(5, 9), hd_bm25_idf(5, 5), 1e-12);
    /* rarer terms weigh more */
    assert_true(hd_bm25_idf(1000, 1) > hd_bm25_idf(1000, 2));
}

static void test_bm25(void **state)
{
    (void)state;
    double idf = 4.55738; /* some word's idf (hd_bm25_idf is checked above) */
    /* tf 3, len 50, avg 100: 4.55738 * 3 * 2.2 / (3 + 1.2 * (0.25 + 0.75 * 0.5))
     * = 30.0787 / 3.75 = 8.02099 */
    assert_float_equal(hd_bm25(idf, 3, 50, 100), 8.02099, EPS);
    /* tf 1 at average length: idf * 2.2 / 2.2 = idf */
    assert_float_equal(hd_bm25(idf, 1, 100, 100), idf, 1e-9);
    /* tf 0 scores 0 */
    assert_float_equal(hd_bm25(idf, 0, 100, 100), 0, 1e-12);
    /* saturation: never above idf * (k1 + 1) */
    assert_true(hd_bm25(idf, 1e6, 1, 100) < idf * 2.2);
    /* longer docs score lower for the same tf */
    assert_true(hd_bm25(idf, 2, 300, 100) < hd_bm25(idf, 2, 30, 100));
}

static void test_bm25f(void **state)
{
    (void)state;
    double avg[2] = {8, 100};
    hd_bm25f_params p;
    hd_bm25f_init(&p, 2, avg);
    p.weight[0] = 2.5;
    double idf = 4.55738;
    /* title: w 2.5, tf 1, len 5: 2.5 / (0.25 + 0.75 * 5 / 8) = 3.47826
     * body:  w 1,   tf 2, len 200: 1 / (0.25 + 0.75 * 2) = 0.571429, x2 = 1.142857
     * tf' = 4.621118; score = 4.55738 * 4.621118 * 2.2 / (4.621118 + 1.2) = 7.95937 */
    assert_float_equal(hd_bm25f_norm(&p, 0, 5), 3.47826, EPS);
    assert_float_equal(hd_bm25f_norm(&p, 1, 200), 0.571429, EPS);
    double tf[2] = {1, 2}, len[2] = {5, 200};
    assert_float_equal(hd_bm25f_term(&p, idf, tf, len), 7.95937, EPS);
    /* only the body matches: tf' = 1.142857: 4.55738 * 1.142857 * 2.2 / 2.342857 = 4.89085 */
    double tf_b[2] = {0, 2};
    assert_float_equal(hd_bm25f_term(&p, idf, tf_b, len), 4.89085, EPS);
    /* with one field of weight 1, BM25F is BM25 */
    hd_bm25f_params one;
    double avg1 = 100;
    hd_bm25f_init(&one, 1, &avg1);
    double t1 = 3, l1 = 50;
    assert_float_equal(hd_bm25f_term(&one, idf, &t1, &l1), hd_bm25(idf, 3, 50, 100), 1e-9);
    /* the title boost ranks a title match above the same body match */
    double tt[2] = {1, 0}, tb[2] = {0, 1}, ll[2] = {8, 100};
    assert_true(hd_bm25f_term(&p, idf, tt, ll) > hd_bm25f_term(&p, idf, tb, ll));
}

static uint32_t decode_identity(uint8_t n)
{
    return n;
}

static void test_norm_table(void **state)
{
    (void)state;
    double avg[1] = {20};
    hd_bm25f_params p;
    hd_bm25f_init(&p, 1, avg);
    float t[256];
    hd_bm25f_norm_table(&p, 0, decode_identity, t);
    /* len 20 = avg: 1; len 0: 1 / 0.25 = 4; len 40: 1 / 1.75 */
    assert_float_equal(t[20], 1.0, 1e-6);
    assert_float_equal(t[0], 4.0, 1e-6);
    assert_float_equal(t[40], 1 / 1.75, 1e-6);
    for (int i = 1; i < 256; i++)
        assert_true(t[i] <= t[i - 1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_idf),
        cmocka_unit_test(test_bm25),
        cmocka_unit_test(test_bm25f),
        cmocka_unit_test(test_norm_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
