/* SPDX-License-Identifier: MIT
 *
 * test_postings.c — property tests of the postings codec through the real writer and reader:
 * random documents over a skewed vocabulary (so terms have from one doc to thousands, gaps
 * from 1 to thousands, term frequencies from 1 to dozens), written as segments, then read
 * back with next(), seek() to random targets, shallow_seek() block bounds and positions, and
 * compared with a model computed independently.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/mem.h"
#include "base/buf.h"
#include "index/codec.h"
#include "index/index.h"

#define N_TERMS 40

typedef struct model {
    uint32_t n_docs;
    /* per term: docs containing it (increasing), tf and positions */
    uint32_t *docs[N_TERMS];
    uint32_t *tfs[N_TERMS];
    uint32_t **pos[N_TERMS];
    uint32_t n[N_TERMS];
} model;

static uint64_t rng_state;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

static char *tmpdir(void)
{
    char *d = strdup("/tmp/hd_test_postings_XXXXXX");
    assert_non_null(mkdtemp(d));
    return d;
}

static void rmdir_all(const char *d)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    assert_int_equal(system(cmd), 0);
}

/* Build docs: term k (named "w<k>x", digits so it is not stemmed) appears in a doc with
 * probability ~ 1/(k+1)^1.3, with 1..max tf occurrences at random positions. */
static void build(model *m, hd_index *ix, uint32_t n_docs, uint64_t seed)
{
    rng_state = seed * 2654435761u + 88172645463325252ull;
    memset(m, 0, sizeof *m);
    m->n_docs = n_docs;
    for (int k = 0; k < N_TERMS; k++) {
        m->docs[k] = calloc(n_docs, 4);
        m->tfs[k] = calloc(n_docs, 4);
        m->pos[k] = calloc(n_docs, sizeof(uint32_t *));
    }
    char *text = malloc(1 << 16);
    for (uint32_t d = 0; d < n_docs; d++) {
        /* layout: a doc of L words; each slot gets a term or filler "zz" */
        /* one doc in eight is long, so position gaps take two-byte varints */
        uint32_t L = 5 + (rnd() % 8 ? rnd() % 60 : rnd() % 300);
        int slot_term[310];
        for (uint32_t i = 0; i < L; i++)
            slot_term[i] = -1;
        for (int k = 0; k < N_TERMS; k++) {
            double p = 1.0 / (1.0 + k * 1.7);
            if ((rnd() % 10000) / 10000.0 >= p)
                continue;
            uint32_t tf = 1 + (k < 3 ? rnd() % 20 : rnd() % 3);
            for (uint32_t t = 0; t < tf; t++)
                slot_term[rnd() % L] = k;
        }
        size_t o = 0;
        for (uint32_t i = 0; i < L; i++) {
            if (slot_term[i] < 0)
                o += (size_t)sprintf(text + o, "zz ");
            else
                o += (size_t)sprintf(text + o, "w%dx ", slot_term[i]);
        }
        for (int k = 0; k < N_TERMS; k++) {
            uint32_t tf = 0;
            for (uint32_t i = 0; i < L; i++)
                tf += slot_term[i] == k;
            if (!tf)
                continue;
            uint32_t j = m->n[k]++;
            m->docs[k][j] = d;
            m->tfs[k][j] = tf;
            m->pos[k][j] = malloc(tf * 4);
            for (uint32_t i = 0, q = 0; i < L; i++)
                if (slot_term[i] == k)
                    m->pos[k][j][q++] = i;
        }
        char id[32];
        sprintf(id, "doc%u", d);
        hd_doc doc = {.id = id, .title = "", .body = text, .body_len = o, .source = "s"};
        hd_err err = {0};
        assert_int_equal(hd_index_add(ix, &doc, &err), HD_OK);
    }
    free(text);
}

static void free_model(model *m)
{
    for (int k = 0; k < N_TERMS; k++) {
        for (uint32_t j = 0; j < m->n[k]; j++)
            free(m->pos[k][j]);
        free(m->docs[k]);
        free(m->tfs[k]);
        free(m->pos[k]);
    }
}

static void verify(const model *m, const hd_seg *s)
{
    hd_err err = {0};
    uint32_t pos[64];
    for (int k = 0; k < N_TERMS; k++) {
        char term[16];
        int tl = sprintf(term, "w%dx", k);
        hd_terminfo ti;
        hd_rc rc = hd_seg_term(s, HD_FIELD_BODY, term, (size_t)tl, &ti, &err);
        if (m->n[k] == 0) {
            assert_int_equal(rc, HD_ENOTFOUND);
            continue;
        }
        assert_int_equal(rc, HD_OK);
        assert_int_equal(ti.doc_freq, m->n[k]);
        /* full scan with positions */
        hd_postings p;
        assert_int_equal(hd_postings_open(&p, s, &ti, 1, &err), HD_OK);
        uint64_t ttf = 0;
        for (uint32_t j = 0; j < m->n[k]; j++) {
            assert_int_equal(hd_postings_next(&p), HD_OK);
            assert_int_equal(p.doc, m->docs[k][j]);
            assert_int_equal(p.freq, m->tfs[k][j]);
            ttf += p.freq;
            /* positions only for some docs, so skipping over positions is exercised */
            if (j % 3 == 0) {
                size_t np;
                assert_int_equal(hd_postings_positions(&p, pos, 64, &np), HD_OK);
                assert_int_equal(np, p.freq);
                assert_memory_equal(pos, m->pos[k][j], np * 4);
            }
        }
        assert_int_equal(hd_postings_next(&p), HD_DONE);
        assert_int_equal(p.doc, HD_DOC_END);
        assert_int_equal(ti.total_tf, ttf);
        /* random increasing seeks, compared with a linear search in the model */
        assert_int_equal(hd_postings_open(&p, s, &ti, 1, &err), HD_OK);
        uint32_t target = 0, j = 0;
        for (;;) {
            target += rnd() % (k < 5 ? 40 : 400);
            while (j < m->n[k] && m->docs[k][j] < target)
                j++;
            rc = hd_postings_seek(&p, target);
            if (j == m->n[k]) {
                assert_int_equal(rc, HD_DONE);
                break;
            }
            assert_int_equal(rc, HD_OK);
            assert_int_equal(p.doc, m->docs[k][j]);
            assert_int_equal(p.freq, m->tfs[k][j]);
            if (rnd() % 2) {
                size_t np;
                assert_int_equal(hd_postings_positions(&p, pos, 64, &np), HD_OK);
                assert_memory_equal(pos, m->pos[k][j], np * 4);
            }
            /* block bounds: the block under the cursor holds doc j; its max tf bounds it */
            assert_true(hd_postings_block_last_doc(&p) >= p.doc);
            assert_true(hd_postings_block_max_tf(&p) >= p.freq);
            assert_true(hd_postings_block_min_norm(&p) <=
                        hd_seg_field_norm(s, HD_FIELD_BODY, p.doc));
        }
        /* shallow seeks ahead, then a seek to a smaller target still finds the right doc */
        assert_int_equal(hd_postings_open(&p, s, &ti, 0, &err), HD_OK);
        uint32_t far = m->docs[k][m->n[k] - 1];
        assert_int_equal(hd_postings_shallow_seek(&p, far), HD_OK);
        assert_true(hd_postings_block_last_doc(&p) >= far);
        assert_int_equal(hd_postings_shallow_seek(&p, far + 1), HD_DONE);
        uint32_t mid = m->docs[k][m->n[k] / 2];
        assert_int_equal(hd_postings_seek(&p, mid), HD_OK);
        assert_int_equal(p.doc, mid);
        assert_int_equal(hd_postings_next(&p), m->n[k] / 2 + 1 < m->n[k] ? HD_OK : HD_DONE);
        /* whole-term bounds */
        uint32_t mtf;
        uint8_t mn;
        assert_int_equal(hd_postings_open(&p, s, &ti, 0, &err), HD_OK);
        hd_postings_term_bounds(&p, &mtf, &mn);
        uint32_t want = 0;
        for (uint32_t q = 0; q < m->n[k]; q++)
            if (m->tfs[k][q] > want)
                want = m->tfs[k][q];
        assert_int_equal(mtf, want);
    }
}

static void run_case(uint32_t n_docs, uint64_t seed)
{
    char *dir = tmpdir();
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts o = {.create = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
    model m;
    build(&m, ix, n_docs, seed);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_segments(r), 1);
    assert_int_equal(hd_ixr_n_docs(r), n_docs);
    verify(&m, hd_ixr_segment(r, 0));
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    hd_index_close(ix);
    free_model(&m);
    rmdir_all(dir);
    free(dir);
}

static void test_small(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 20; seed++)
        run_case(1 + (uint32_t)seed * 7, seed); /* below and around one block */
}

static void test_blocks(void **state)
{
    (void)state;
    run_case(128, 101); /* exactly one full block for the commonest terms */
    run_case(129, 102);
    run_case(3000, 103); /* many blocks, rare terms with large gaps */
    run_case(7777, 104);
}

/* hd_bitunpack(hd_bitpack(v)) == v for every width and for lengths around the unrolled
 * groups of eight, values random below 2^bits (the maximum included). */
static void test_bitpack(void **state)
{
    (void)state;
    rng_state = 7;
    static const size_t lens[] = {0, 1, 7, 8, 9, 15, 16, 17, 63, 127, 128, 129};
    uint32_t v[129], out[129];
    for (unsigned bits = 0; bits <= 32; bits++) {
        for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
            size_t n = lens[li];
            uint64_t lim = (uint64_t)1 << bits;
            for (size_t i = 0; i < n; i++)
                v[i] = bits == 0 ? 0 : i == 0 ? (uint32_t)(lim - 1) : (uint32_t)(rnd() % lim);
            hd_buf b;
            hd_buf_init(&b);
            hd_bitpack(&b, v, n, bits);
            assert_false(b.oom);
            assert_int_equal(b.len, hd_packed_len(n, bits));
            /* the reader may load 8 bytes past the packed data */
            uint8_t *p = calloc(b.len + 8, 1);
            assert_non_null(p);
            if (b.len)
                memcpy(p, b.p, b.len);
            memset(out, 0xAB, sizeof out);
            hd_bitunpack(p, out, n, bits);
            if (n)
                assert_memory_equal(out, v, n * sizeof v[0]);
            assert_int_equal(out[n < 129 ? n : 128], n < 129 ? 0xABABABABu : v[128]);
            free(p);
            hd_buf_done(&b);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bitpack),
        cmocka_unit_test(test_small),
        cmocka_unit_test(test_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
