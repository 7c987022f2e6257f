/* SPDX-License-Identifier: MIT
 *
 * bm25.c — textbook BM25 and BM25F arithmetic. Stage: search (input: term and field
 * statistics; output: scores and score upper bounds). Called by topk.c for every scored doc and
 * by the pruning code for bounds; checked against hand-computed values in test_bm25.c.
 *
 * idf is Robertson-Sparck Jones's, floored at a small positive weight:
 *   idf = max(HD_BM25_IDF_FLOOR, ln((N - df + 0.5) / (df + 0.5)))
 * RSJ is the log-odds of a word in a relevant against a non-relevant document; for a word in
 * half of the documents or more it is <= 0: no evidence. Lucene adds 1 inside the log to stay
 * positive, which also gives such words up to ln 2 = 0.69 (at df = N/2; an eighth of the
 * weight of a word found once in 423 documents), so in long natural-language queries "the",
 * "of", "in" move rankings. The floor (as in SQLite FTS5, whose floor is 1e-6) keeps them
 * matching and ordering documents among themselves (a query of only such words still ranks
 * by BM25's tf and length), with a weight next to nothing. For words in fewer than a third
 * of the documents the two formulas differ by less than ln(1 + 1/2).
 */
#include <math.h>

#include "search/search.h"

double hd_bm25_idf(uint64_t n_docs, uint64_t df)
{
    if (df > n_docs)
        df = n_docs; /* stale statistics must not make idf undefined */
    double idf = log(((double)n_docs - (double)df + 0.5) / ((double)df + 0.5));
    return idf > HD_BM25_IDF_FLOOR ? idf : HD_BM25_IDF_FLOOR;
}

double hd_bm25(double idf, double tf, double len, double avglen)
{
    if (tf <= 0)
        return 0;
    if (avglen <= 0)
        avglen = 1;
    double k1 = HD_BM25_K1, b = HD_BM25_B;
    return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen));
}

void hd_bm25f_init(hd_bm25f_params *p, uint32_t n_fields, const double *avglen)
{
    if (n_fields > HD_BM25F_MAX_FIELDS)
        n_fields = HD_BM25F_MAX_FIELDS;
    p->n_fields = n_fields;
    p->k1 = HD_BM25_K1;
    for (uint32_t f = 0; f < HD_BM25F_MAX_FIELDS; f++) {
        p->weight[f] = 1;
        p->b[f] = HD_BM25_B;
        p->avglen[f] = (f < n_fields && avglen && avglen[f] > 0) ? avglen[f] : 1;
    }
}

double hd_bm25f_norm(const hd_bm25f_params *p, uint32_t field, double len)
{
    double b = p->b[field];
    return p->weight[field] / (1 - b + b * len / p->avglen[field]);
}

double hd_bm25f_score(const hd_bm25f_params *p, double idf, double pseudo_tf)
{
    if (pseudo_tf <= 0)
        return 0;
    return idf * pseudo_tf * (p->k1 + 1) / (pseudo_tf + p->k1);
}

double hd_bm25f_term(const hd_bm25f_params *p, double idf, const double *tf, const double *len)
{
    double ptf = 0;
    for (uint32_t f = 0; f < p->n_fields; f++)
        if (tf[f] > 0)
            ptf += tf[f] * hd_bm25f_norm(p, f, len[f]);
    return hd_bm25f_score(p, idf, ptf);
}

void hd_bm25f_norm_table(const hd_bm25f_params *p, uint32_t field, hd_norm_decode_fn decode,
                         float out[256])
{
    for (int i = 0; i < 256; i++)
        out[i] = (float)hd_bm25f_norm(p, field, (double)decode((uint8_t)i));
}
