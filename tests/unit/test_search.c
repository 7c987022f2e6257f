/* SPDX-License-Identifier: MIT
 *
 * test_search.c — search end to end, in process: index 120 BBC News articles (politics,
 * business, tech 001-040, with dates made up per category) through the public index API,
 * then check queries against a brute-force oracle that re-analyses every stored title and
 * body and scores BM25F by hand: the same top docs in the same order, with the same scores,
 * with pruning on and off; phrase vs words, AND vs OR, NOT, fields, date ranges, prefixes,
 * date sort, paging, snippets and errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/fs.h"
#include "base/mem.h"
#include "index/index.h"
#include "search/search.h"

#define N_DOCS 120

typedef struct odoc {
    char id[64];
    char date[16];
    char source[64];
    char *title, *body;
    /* analysed terms in order, NUL-separated, per field (0 title, 1 body); a hyphenated
     * compound is followed by its parts, the first at the compound's position */
    hd_buf terms[2];
    uint32_t n_terms[2];
    hd_buf pos[2];       /* uint32_t position of each term */
    uint32_t n_words[2]; /* field length: positions taken */
} odoc;

static odoc docs[N_DOCS];
static char dir[256];
static hd_analyzer *an;

typedef struct tok_out {
    hd_buf *terms, *pos;
    uint32_t n, words, last;
} tok_out;

static int on_tok(void *ud, const hd_token *t)
{
    tok_out *o = ud;
    hd_buf_add(o->terms, t->term, t->term_len);
    hd_buf_addc(o->terms, '\0');
    if (o->pos)
        hd_buf_add(o->pos, &t->pos, sizeof t->pos);
    o->words += o->n == 0 || t->pos != o->last;
    o->last = t->pos;
    o->n++;
    return 0;
}

/* Analyse text into terms (and positions, when pos is not NULL); returns the term count. */
static uint32_t analyse_pos(const char *text, hd_buf *out, hd_buf *pos, uint32_t *out_words)
{
    hd_buf_init(out);
    if (pos)
        hd_buf_init(pos);
    tok_out o = {.terms = out, .pos = pos};
    uint32_t next = 0;
    assert_int_equal(hd_analyze(an, text, strlen(text), 0, on_tok, &o, &next, NULL), HD_OK);
    if (out_words)
        *out_words = o.words;
    return o.n;
}

static uint32_t analyse(const char *text, hd_buf *out)
{
    return analyse_pos(text, out, NULL, NULL);
}

static uint32_t pos_at(const odoc *d, int f, uint32_t i)
{
    uint32_t p;
    memcpy(&p, d->pos[f].p + i * sizeof p, sizeof p);
    return p;
}

/* The i-th analysed term of a field, or NULL. */
static const char *term_at(const odoc *d, int f, uint32_t i)
{
    const char *p = d->terms[f].p;
    if (i >= d->n_terms[f])
        return NULL;
    while (i--)
        p += strlen(p) + 1;
    return p;
}

static uint32_t tf(const odoc *d, int f, const char *t)
{
    uint32_t n = 0;
    const char *p = d->terms[f].p;
    for (uint32_t i = 0; i < d->n_terms[f]; i++, p += strlen(p) + 1)
        n += !strcmp(p, t);
    return n;
}

/* Occurrences of the phrase w[0..n) (consecutive positions) in field f. */
static uint32_t phrase_tf(const odoc *d, int f, const char *const *w, uint32_t n)
{
    uint32_t c = 0;
    for (uint32_t i = 0; i < d->n_terms[f]; i++) {
        if (strcmp(term_at(d, f, i), w[0]))
            continue;
        uint32_t k;
        for (k = 1; k < n; k++) {
            uint32_t want = pos_at(d, f, i) + k, j;
            for (j = i + 1; j < d->n_terms[f] && pos_at(d, f, j) <= want; j++)
                if (pos_at(d, f, j) == want && !strcmp(term_at(d, f, j), w[k]))
                    break;
            if (j >= d->n_terms[f] || pos_at(d, f, j) != want)
                break;
        }
        c += k == n;
    }
    return c;
}

/* The single analysed term of a word. */
static void stem(const char *word, char *out, size_t cap)
{
    hd_buf b;
    assert_int_equal(analyse(word, &b), 1);
    snprintf(out, cap, "%s", b.p);
    hd_buf_done(&b);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/herald-test-search-XXXXXX");
    assert_non_null(mkdtemp(dir));
    assert_int_equal(hd_analyzer_new("english", &an, NULL), HD_OK);
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts io = {.create = 1, .writable = 1};
    if (hd_index_open(dir, &io, &ix, &err))
        fail_msg("open: %s", err.msg);
    static const char *cats[] = {"politics", "business", "tech"};
    for (int i = 0; i < N_DOCS; i++) {
        odoc *d = &docs[i];
        int cat = i / 40, num = i % 40 + 1;
        char path[512];
        snprintf(path, sizeof path, "%s/bbc-news/%s/%03d.txt", HD_SHARED_DATA, cats[cat], num);
        hd_buf raw;
        hd_buf_init(&raw);
        if (hd_fs_read_all(path, 1 << 20, &raw, &err))
            fail_msg("%s: %s", path, err.msg);
        char *nl = strchr(raw.p, '\n');
        assert_non_null(nl);
        d->title = hd_strndup(raw.p, (size_t)(nl - raw.p));
        d->body = hd_strdup(nl + 1);
        hd_buf_done(&raw);
        snprintf(d->id, sizeof d->id, "bbc-%s-%03d", cats[cat], num);
        snprintf(d->source, sizeof d->source, "bbc/%s/%03d.txt", cats[cat], num);
        /* politics in 2005, business in 2004, tech in 2003; day = number */
        snprintf(d->date, sizeof d->date, "%d-%02d-%02d", 2005 - cat, 1 + num / 28, 1 + num % 28);
        d->n_terms[0] = analyse_pos(d->title, &d->terms[0], &d->pos[0], &d->n_words[0]);
        d->n_terms[1] = analyse_pos(d->body, &d->terms[1], &d->pos[1], &d->n_words[1]);
        hd_doc doc = {.id = d->id,
                      .source = d->source,
                      .date = d->date,
                      .title = d->title,
                      .body = d->body,
                      .body_len = strlen(d->body)};
        if (hd_index_add(ix, &doc, &err))
            fail_msg("add %s: %s", d->id, err.msg);
        /* three commits: several segments */
        if (i == 39 || i == 79)
            assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    }
    if (hd_index_commit(ix, &err))
        fail_msg("commit: %s", err.msg);
    hd_index_close(ix);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < N_DOCS; i++) {
        hd_free(docs[i].title);
        hd_free(docs[i].body);
        for (int f = 0; f < 2; f++) {
            hd_buf_done(&docs[i].terms[f]);
            hd_buf_done(&docs[i].pos[f]);
        }
    }
    hd_analyzer_free(an);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static hd_index *open_ix(void)
{
    hd_index *ix;
    hd_err err = {0};
    if (hd_index_open(dir, NULL, &ix, &err))
        fail_msg("open: %s", err.msg);
    return ix;
}

static int doc_by_id(const char *id)
{
    for (int i = 0; i < N_DOCS; i++)
        if (!strcmp(docs[i].id, id))
            return i;
    fail_msg("unknown id %s", id);
    return -1;
}

/* ---- the oracle: BM25F by hand over the re-analysed text ------------------------------------ */

static double avglen(int f)
{
    double tot = 0;
    for (int i = 0; i < N_DOCS; i++)
        tot += docs[i].n_words[f];
    return tot / N_DOCS;
}

static double oracle_idf(const char *t)
{
    uint64_t df[2] = {0, 0};
    for (int i = 0; i < N_DOCS; i++)
        for (int f = 0; f < 2; f++)
            df[f] += tf(&docs[i], f, t) > 0;
    return hd_bm25_idf(N_DOCS, df[0] > df[1] ? df[0] : df[1]);
}

/* BM25F of a set of OR-ed single terms (with their idf) for doc i; 0 when none matches. */
static double oracle_score(int i, char terms[][64], const double *idf, int n)
{
    static double avg[2] = {-1, -1};
    if (avg[0] < 0) {
        avg[0] = avglen(0);
        avg[1] = avglen(1);
    }
    hd_bm25f_params p;
    hd_bm25f_init(&p, 2, avg);
    p.weight[0] = HD_BM25F_TITLE_WEIGHT;
    double s = 0;
    for (int k = 0; k < n; k++) {
        double t[2], len[2];
        for (int f = 0; f < 2; f++) {
            t[f] = tf(&docs[i], f, terms[k]);
            /* the index keeps lengths in one lossy byte */
            len[f] = hd_fieldnorm_decode(hd_fieldnorm_encode(docs[i].n_words[f]));
        }
        s += hd_bm25f_term(&p, idf[k], t, len);
    }
    return s;
}

typedef struct ranked {
    int doc;
    double score;
} ranked;

static int by_score(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->doc - y->doc;
}

/* Run query through the internal pipeline with or without pruning. */
static void run_internal(hd_index *ix, const char *q, int prune, size_t k, hd_topk_result *out,
                         hd_arena *a)
{
    hd_err err = {0};
    hd_qnode *qn;
    hd_plan *plan;
    assert_int_equal(hd_qparse(q, strlen(q), a, &qn, &err), HD_OK);
    assert_int_equal(hd_plan_build(qn, hd_index_reader(ix), hd_index_analyzer(ix), a, &plan, &err),
                     HD_OK);
    plan->exact_hits = prune ? 0 : UINT64_MAX;
    if (hd_topk_run(plan, hd_index_reader(ix), k, 0, a, out, &err))
        fail_msg("%s: %s", q, err.msg);
}

static int n_pruned; /* queries whose pruned run skipped docs (inexact count) */

static void check_or_query(hd_index *ix, const char *q)
{
    /* words of q -> stems */
    char words[4][64], terms[4][64];
    int n = sscanf(q, "%63s %63s %63s %63s", words[0], words[1], words[2], words[3]);
    /* stop words ("the", "of") are left out when the query has other words */
    int content = 0;
    for (int k = 0; k < n; k++)
        content |= !hd_stopword("english", words[k], strlen(words[k]));
    if (content) {
        int m = 0;
        for (int k = 0; k < n; k++)
            if (!hd_stopword("english", words[k], strlen(words[k])))
                memmove(words[m++], words[k], sizeof words[k]);
        n = m;
    }
    double idf[4];
    for (int k = 0; k < n; k++) {
        stem(words[k], terms[k], sizeof terms[k]);
        idf[k] = oracle_idf(terms[k]);
    }
    ranked want[N_DOCS];
    int n_match = 0;
    for (int i = 0; i < N_DOCS; i++) {
        double s = oracle_score(i, terms, idf, n);
        if (s > 0)
            want[n_match++] = (ranked){i, s};
    }
    qsort(want, (size_t)n_match, sizeof *want, by_score);

    for (int prune = 0; prune < 2; prune++) {
        hd_arena a;
        hd_arena_init(&a, 0);
        hd_topk_result res;
        run_internal(ix, q, prune, 10, &res, &a);
        size_t n_want = n_match < 10 ? (size_t)n_match : 10;
        if (res.n_hits != n_want)
            fail_msg("[%s] prune=%d: %zu hits, oracle %zu", q, prune, res.n_hits, n_want);
        if (!prune) {
            assert_true(res.exact);
            assert_int_equal(res.total, n_match);
        } else {
            assert_true(res.total <= (uint64_t)n_match);
            n_pruned += res.total < (uint64_t)n_match;
            if (res.exact)
                assert_int_equal(res.total, n_match);
        }
        for (size_t r = 0; r < res.n_hits; r++) {
            double got = res.hits[r].score, exp = want[r].score;
            if (fabs(got - exp) > 1e-4 * (1 + exp))
                fail_msg("[%s] prune=%d rank %zu: score %.6f, oracle %.6f (doc %s)", q, prune, r,
                         got, exp, docs[want[r].doc].id);
        }
        hd_arena_done(&a);
    }
}

static void test_ranking_matches_oracle(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    static const char *fixed[] = {
        "labour budget",       "greenspan dollar", "china internet", "blair election tax",
        "yukos oil",           "profit warner",    "mobile phone",   "the",
        "economy growth rates"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        check_or_query(ix, fixed[i]);
    /* random 1-3 word queries made of words of the bodies */
    uint32_t seed = 7;
    for (int qi = 0; qi < 60; qi++) {
        char q[256] = "";
        seed = seed * 1103515245 + 12345;
        int nw = 1 + (int)((seed >> 16) % 3);
        for (int w = 0; w < nw; w++) {
            seed = seed * 1103515245 + 12345;
            const odoc *d = &docs[(seed >> 16) % N_DOCS];
            seed = seed * 1103515245 + 12345;
            /* pick a word of the body: an alphabetic run */
            const char *p = d->body + (seed >> 16) % strlen(d->body);
            while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
                p++;
            while (p > d->body &&
                   ((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z')))
                p--;
            size_t len = 0;
            while ((p[len] >= 'a' && p[len] <= 'z') || (p[len] >= 'A' && p[len] <= 'Z'))
                len++;
            if (!len || len > 30)
                continue;
            snprintf(q + strlen(q), sizeof q - strlen(q), "%s%.*s", q[0] ? " " : "", (int)len, p);
        }
        if (q[0])
            check_or_query(ix, q);
    }
    /* MaxScore did skip docs in some queries (and still found the same top 10) */
    assert_true(n_pruned > 5);
    hd_index_close(ix);
}

static int n_fewer; /* queries whose pruned run skipped some matching docs */

/* Pruning never changes the top 10: any query, pruned from the first hit vs never pruned. */
static void check_consistent_k(hd_index *ix, const char *q, size_t k)
{
    hd_arena a;
    hd_arena_init(&a, 0);
    hd_topk_result full, pruned;
    run_internal(ix, q, 0, k, &full, &a);
    run_internal(ix, q, 1, k, &pruned, &a);
    if (full.n_hits != pruned.n_hits)
        fail_msg("[%s] k=%zu: %zu hits unpruned, %zu pruned", q, k, full.n_hits, pruned.n_hits);
    assert_true(full.exact);
    assert_true(pruned.total <= full.total);
    n_fewer += pruned.total < full.total;
    for (size_t r = 0; r < full.n_hits; r++) {
        if (fabs(full.hits[r].score - pruned.hits[r].score) > 1e-9)
            fail_msg("[%s] k=%zu rank %zu: %.6f unpruned, %.6f pruned", q, k, r, full.hits[r].score,
                     pruned.hits[r].score);
        assert_int_equal(full.hits[r].doc, pruned.hits[r].doc);
        assert_int_equal(full.hits[r].seg, pruned.hits[r].seg);
    }
    hd_arena_done(&a);
}

static void check_consistent(hd_index *ix, const char *q)
{
    check_consistent_k(ix, q, 1);
    check_consistent_k(ix, q, 3);
    check_consistent_k(ix, q, 10);
}

static void test_pruning_consistent(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    static const char *qs[] = {
        "\"the government\"",
        "\"of the\"",
        "\"in the\" economy",
        "the AND government",
        "+said +the",
        "said the -labour",
        "\"said\" OR \"the\" OR \"of\"",
        "the year date:2004..",
        "title:the body:year",
        "(the OR a) AND (of OR in)",
        "+the growth* -china",
        "\"chief executive\" profit",
        "the of and to in a",
        /* a phrase inside a group: its own bound is not the doc's (other clauses add) */
        "(\"of the\" OR economy) -zzz",
        "(\"said the\" OR china) -zzz",
        "(\"in the\" OR profit) date:2004..",
        "(\"said the\" AND year) OR \"of a\"",
    };
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
        check_consistent(ix, qs[i]);
    assert_true(n_fewer >= 4); /* pruning did happen, phrases included */
    hd_index_close(ix);
}

/* ---- behaviour through the public API ------------------------------------------------------- */

typedef struct got {
    int n;
    int doc[N_DOCS];
    double score[N_DOCS];
    char snippet[4][1024];
    uint64_t total;
    int exact;
} got;

static void search(hd_index *ix, const char *q, const hd_search_opts *o, got *g)
{
    hd_results *r;
    hd_err err = {0};
    hd_search_opts def = {.limit = N_DOCS};
    if (hd_search(ix, q, o ? o : &def, &r, &err))
        fail_msg("[%s]: %s", q, err.msg);
    memset(g, 0, sizeof *g);
    const hd_hit *h;
    while (hd_results_next(r, &h) == HD_OK) {
        if (g->n < 4 && h->snippet)
            snprintf(g->snippet[g->n], sizeof g->snippet[0], "%s", h->snippet);
        g->score[g->n] = h->score;
        int i = doc_by_id(h->id);
        g->doc[g->n++] = i;
        /* stored fields come back */
        assert_string_equal(h->title, docs[i].title);
        assert_string_equal(h->date, docs[i].date);
        assert_string_equal(h->source, docs[i].source);
    }
    g->total = hd_results_total(r, &g->exact);
    assert_true(hd_results_took_ms(r) >= 0);
    hd_results_free(r);
}

static int has(const got *g, int doc)
{
    for (int i = 0; i < g->n; i++)
        if (g->doc[i] == doc)
            return 1;
    return 0;
}

static int body_or_title_tf(int i, const char *t)
{
    return (int)(tf(&docs[i], 0, t) + tf(&docs[i], 1, t));
}

static void test_phrase(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    got g, words;
    char w[2][64];
    stem("Time", w[0], 64);
    stem("Warner", w[1], 64);
    const char *ph[2] = {w[0], w[1]};
    search(ix, "\"Time Warner\"", NULL, &g);
    int n_phrase = 0;
    for (int i = 0; i < N_DOCS; i++) {
        int in = phrase_tf(&docs[i], 0, ph, 2) + phrase_tf(&docs[i], 1, ph, 2) > 0;
        n_phrase += in;
        assert_int_equal(has(&g, i), in);
    }
    assert_true(n_phrase >= 1);
    assert_int_equal(g.n, n_phrase);
    assert_int_equal(g.total, n_phrase);
    assert_int_equal(g.doc[0], doc_by_id("bbc-business-001")); /* "Ad sales boost Time Warner" */
    /* the same words without quotes match more docs (any doc with "time") */
    search(ix, "Time Warner", NULL, &words);
    assert_true(words.n > g.n);
    /* a phrase in the wrong order matches nothing */
    search(ix, "\"Warner Time\"", NULL, &g);
    assert_int_equal(g.n, 0);
    /* a phrase with a word the index lacks matches nothing */
    search(ix, "\"Time Warner zyzzyva\"", NULL, &g);
    assert_int_equal(g.n, 0);
    hd_index_close(ix);
}

static void test_and_or_not(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    char a[64], b[64];
    stem("labour", a, 64);
    stem("budget", b, 64);
    got gand, gplus, gor, gnot;
    search(ix, "labour AND budget", NULL, &gand);
    search(ix, "+labour +budget", NULL, &gplus);
    search(ix, "labour OR budget", NULL, &gor);
    search(ix, "labour -budget", NULL, &gnot);
    int n_and = 0, n_or = 0, n_not = 0;
    for (int i = 0; i < N_DOCS; i++) {
        int ha = body_or_title_tf(i, a) > 0, hb = body_or_title_tf(i, b) > 0;
        n_and += ha && hb;
        n_or += ha || hb;
        n_not += ha && !hb;
        assert_int_equal(has(&gand, i), ha && hb);
        assert_int_equal(has(&gplus, i), ha && hb);
        assert_int_equal(has(&gor, i), ha || hb);
        assert_int_equal(has(&gnot, i), ha && !hb);
    }
    assert_true(n_and > 0 && n_not > 0 && n_or > n_and);
    assert_int_equal(gand.total, n_and);
    assert_int_equal(gor.total, n_or);
    assert_int_equal(gnot.total, n_not);
    /* AND and +a +b rank alike; both terms count in the score */
    for (int i = 0; i < gand.n; i++) {
        assert_int_equal(gand.doc[i], gplus.doc[i]);
        assert_float_equal(gand.score[i], gplus.score[i], 1e-9);
    }
    /* NOT alone: everything but */
    got gneg;
    search(ix, "NOT labour", NULL, &gneg);
    int n_neg = 0;
    for (int i = 0; i < N_DOCS; i++)
        n_neg += body_or_title_tf(i, a) == 0;
    assert_int_equal(gneg.n, n_neg);
    /* +required optional: all docs with labour, those with budget first */
    got gopt;
    search(ix, "+labour budget", NULL, &gopt);
    int n_lab = 0;
    for (int i = 0; i < N_DOCS; i++)
        n_lab += body_or_title_tf(i, a) > 0;
    assert_int_equal(gopt.n, n_lab);
    /* parentheses */
    got gpar;
    search(ix, "(labour OR budget) AND NOT labour", NULL, &gpar);
    for (int i = 0; i < gpar.n; i++)
        assert_true(body_or_title_tf(gpar.doc[i], a) == 0 && body_or_title_tf(gpar.doc[i], b) > 0);
    hd_index_close(ix);
}

static void test_fields(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    char t[64];
    stem("labour", t, 64);
    got g, any;
    search(ix, "title:labour", NULL, &g);
    search(ix, "labour", NULL, &any);
    int n = 0;
    for (int i = 0; i < N_DOCS; i++) {
        int in = tf(&docs[i], 0, t) > 0;
        n += in;
        assert_int_equal(has(&g, i), in);
    }
    assert_true(n > 0 && any.n > n);
    /* body: only */
    search(ix, "body:labour", NULL, &g);
    for (int i = 0; i < N_DOCS; i++)
        assert_int_equal(has(&g, i), tf(&docs[i], 1, t) > 0);
    /* a title match outranks the same word only in bodies: the top hit has it in its title */
    assert_true(tf(&docs[any.doc[0]], 0, t) > 0);
    /* source: filters next to words */
    search(ix, "labour source:business", NULL, &g);
    for (int i = 0; i < g.n; i++)
        assert_non_null(strstr(docs[g.doc[i]].source, "business"));
    /* filters alone keep their OR: business or tech, not politics */
    search(ix, "source:business OR source:tech", NULL, &g);
    assert_int_equal(g.n, 80);
    for (int i = 0; i < g.n; i++)
        assert_null(strstr(docs[g.doc[i]].source, "politics"));
    /* a group of filters next to a word is one required filter */
    got gl;
    search(ix, "labour (source:business OR source:tech)", NULL, &gl);
    search(ix, "labour", NULL, &any);
    int n_lab_bt = 0;
    for (int i = 0; i < any.n; i++)
        n_lab_bt += strstr(docs[any.doc[i]].source, "politics") == NULL;
    assert_int_equal(gl.n, n_lab_bt);
    hd_index_close(ix);
}

static void test_dates(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    got g, all;
    search(ix, "labour date:2005-01-01..2005-01-31", NULL, &g);
    search(ix, "labour", NULL, &all);
    int n = 0;
    for (int i = 0; i < all.n; i++) {
        const char *d = docs[all.doc[i]].date;
        n += strcmp(d, "2005-01-01") >= 0 && strcmp(d, "2005-01-31") <= 0;
    }
    assert_int_equal(g.n, n);
    assert_true(n > 0 && n < all.n);
    for (int i = 0; i < g.n; i++)
        assert_memory_equal(docs[g.doc[i]].date, "2005-01", 7);
    /* the filter does not change scores */
    for (int i = 0; i < g.n; i++)
        for (int k = 0; k < all.n; k++)
            if (all.doc[k] == g.doc[i])
                assert_float_equal(g.score[i], all.score[k], 1e-9);
    /* open ends */
    search(ix, "date:..2003-12-31", NULL, &g);
    assert_int_equal(g.n, 40); /* the tech docs */
    for (int i = 0; i < g.n; i++)
        assert_memory_equal(docs[g.doc[i]].date, "2003", 4);
    search(ix, "date:2004-02-01..", NULL, &g);
    for (int i = 0; i < g.n; i++)
        assert_true(strcmp(docs[g.doc[i]].date, "2004-02-01") >= 0);
    search(ix, "date:2004", NULL, &g);
    assert_int_equal(g.n, 40);
    /* sort by date: newest first */
    hd_search_opts o = {.limit = 50, .sort = HD_SORT_DATE};
    search(ix, "labour OR profit OR china", &o, &g);
    assert_true(g.n > 10);
    for (int i = 1; i < g.n; i++)
        assert_true(strcmp(docs[g.doc[i - 1]].date, docs[g.doc[i]].date) >= 0);
    hd_index_close(ix);
}

static void test_prefix(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    got g;
    search(ix, "greensp*", NULL, &g);
    assert_true(has(&g, doc_by_id("bbc-business-002"))); /* "Dollar gains on Greenspan speech" */
    for (int i = 0; i < g.n; i++)
        assert_true(strcasestr(docs[g.doc[i]].body, "greensp") ||
                    strcasestr(docs[g.doc[i]].title, "greensp"));
    int n = 0;
    for (int i = 0; i < N_DOCS; i++)
        n += strcasestr(docs[i].body, "greensp") || strcasestr(docs[i].title, "greensp");
    assert_int_equal(g.n, n);
    search(ix, "+greensp* +dollar", NULL, &g);
    assert_true(g.n >= 1);
    search(ix, "zzzzq*", NULL, &g);
    assert_int_equal(g.n, 0);
    hd_index_close(ix);
}

static void test_paging_and_snippets(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    got all, page;
    search(ix, "china internet", NULL, &all);
    assert_true(all.n > 6);
    hd_search_opts o = {.limit = 3, .offset = 2};
    search(ix, "china internet", &o, &page);
    assert_int_equal(page.n, 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(page.doc[i], all.doc[i + 2]);
    /* snippets: marks around the matched words, HTML-escaped text */
    hd_search_opts so = {.limit = 3, .snippets = 1};
    search(ix, "\"Time Warner\"", &so, &page);
    assert_non_null(strstr(page.snippet[0], "<b>Time Warner</b>"));
    /* words of a phrase are marked only where the whole phrase occurs */
    for (int i = 0; i < page.n && i < 4; i++) {
        int marks = 0, phrases = 0;
        for (const char *p = page.snippet[i]; (p = strstr(p, "<b>")); p++)
            marks++;
        for (const char *p = page.snippet[i]; (p = strstr(p, "<b>Time Warner</b>")); p++)
            phrases++;
        assert_int_equal(marks, phrases);
    }
    /* excluded words are not marked */
    search(ix, "profit -warner", &so, &page);
    assert_true(page.n > 0);
    assert_null(strcasestr(page.snippet[0], "<b>warner"));
    assert_null(strchr(page.snippet[0], '\n'));
    hd_search_opts tty = {
        .limit = 3, .snippets = 1, .hl_open = "[[", .hl_close = "]]", .hl_raw = 1};
    search(ix, "greenspan", &tty, &page);
    assert_non_null(strcasestr(page.snippet[0], "[[greenspan"));
    hd_index_close(ix);
}

static void test_errors(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    hd_results *r = (hd_results *)1;
    hd_err err = {0};
    assert_int_equal(hd_search(ix, "(labour", NULL, &r, &err), HD_EQUERY);
    assert_null(r);
    assert_non_null(strstr(err.msg, "unbalanced parenthesis at column 1"));
    hd_err_clear(&err);
    hd_search_opts big = {.limit = 10, .offset = HD_SEARCH_MAX_WINDOW};
    assert_int_equal(hd_search(ix, "labour", &big, &r, &err), HD_ELIMIT);
    hd_err_clear(&err);
    assert_int_equal(hd_search(NULL, "labour", NULL, &r, &err), HD_EINVAL);
    /* a query of punctuation only matches nothing, without error */
    got g;
    search(ix, "- ; ,", NULL, &g);
    assert_int_equal(g.n, 0);
    assert_int_equal(hd_results_next(NULL, NULL), HD_DONE);
    hd_results_free(NULL);
    hd_index_close(ix);
}

/* A fresh writable index in a new directory /tmp/<name>-XXXXXX (path written to path). */
static hd_index *new_index(const char *name, char *path, size_t cap)
{
    snprintf(path, cap, "/tmp/%s-XXXXXX", name);
    assert_non_null(mkdtemp(path));
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts io = {.create = 1, .writable = 1};
    if (hd_index_open(path, &io, &ix, &err))
        fail_msg("open %s: %s", path, err.msg);
    return ix;
}

/* Close ix and remove its directory. */
static void drop_index(hd_index *ix, const char *path)
{
    hd_index_close(ix);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    assert_int_equal(system(cmd), 0);
}

/* Scores of "talks OR iran" by id, through hd_search on ix. */
static size_t scores_by_id(hd_index *ix, char ids[][8], double *sc, size_t cap)
{
    hd_err err = {0};
    hd_results *r;
    const hd_hit *h;
    hd_search_opts o = {.limit = 50};
    assert_int_equal(hd_search(ix, "talks OR iran", &o, &r, &err), HD_OK);
    size_t n = 0;
    while (hd_results_next(r, &h) == HD_OK && n < cap) {
        snprintf(ids[n], 8, "%s", h->id);
        sc[n++] = h->score;
    }
    hd_results_free(r);
    return n;
}

/* A handle keeps per-snapshot scoring data (the BM25F length-norm tables) and the planner
 * hands its term lookups to the iterators of each segment: after a commit that changes the
 * average lengths and adds a segment, the same handle ranks exactly as a freshly opened one,
 * and differently from before. */
static void test_snapshot_state(void **state)
{
    (void)state;
    char d3[256];
    hd_index *ix = new_index("herald-test-search3", d3, sizeof d3);
    hd_err err = {0};
    hd_doc a = {.id = "a", .title = "Talks", .body = "Iran talks resume."};
    hd_doc b = {.id = "b", .title = "Iran", .body = "No talks today."};
    a.body_len = strlen(a.body);
    b.body_len = strlen(b.body);
    assert_int_equal(hd_index_add(ix, &a, &err), HD_OK);
    assert_int_equal(hd_index_add(ix, &b, &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    char ids0[8][8], ids1[8][8], ids2[8][8];
    double s0[8], s1[8], s2[8];
    size_t n0 = scores_by_id(ix, ids0, s0, 8);
    assert_int_equal(n0, 2);
    assert_int_equal(scores_by_id(ix, ids1, s1, 8), 2); /* again, from the kept tables */
    assert_memory_equal(s0, s1, sizeof *s0 * 2);
    /* a second segment of long bodies: every average length changes */
    hd_doc c = {.id = "c",
                .title = "Weather report for the coming week",
                .body = "Rain in Tehran, and talks of snow in the mountains later in the week, "
                        "with cold air from the north over Iran until Sunday."};
    c.body_len = strlen(c.body);
    assert_int_equal(hd_index_add(ix, &c, &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    size_t n1 = scores_by_id(ix, ids1, s1, 8);
    hd_index *fresh;
    assert_int_equal(hd_index_open(d3, NULL, &fresh, &err), HD_OK);
    assert_int_equal(hd_ixr_n_segments(hd_index_reader(fresh)), 2);
    size_t n2 = scores_by_id(fresh, ids2, s2, 8);
    hd_index_close(fresh);
    assert_int_equal(n1, 3);
    assert_int_equal(n2, 3);
    for (size_t i = 0; i < n1; i++) {
        assert_string_equal(ids1[i], ids2[i]);
        assert_true(s1[i] == s2[i]);
        for (size_t k = 0; k < n0; k++)
            if (!strcmp(ids0[k], ids1[i]))
                assert_true(s0[k] != s1[i]); /* new statistics, new scores */
    }
    drop_index(ix, d3);
}

/* Deleted and replaced docs never show; speaker: finds quoted people. A separate small index. */
static void test_deletes_and_speakers(void **state)
{
    (void)state;
    char d2[256];
    hd_index *ix = new_index("herald-test-search2", d2, sizeof d2);
    hd_err err = {0};
    const char *sp1[] = {"Ali Khamenei"}, *sp2[] = {"Joe Biden"};
    hd_doc a = {.id = "a",
                .title = "Leader rejects talks",
                .body = "Iran will not talk.",
                .date = "2022-11-27",
                .speakers = sp1,
                .n_speakers = 1};
    hd_doc b = {.id = "b",
                .title = "President answers",
                .body = "Talks with Iran stall.",
                .date = "2022-11-28",
                .speakers = sp2,
                .n_speakers = 1};
    hd_doc c = {.id = "c", .title = "Weather", .body = "Rain in Tehran, talks of snow."};
    a.body_len = strlen(a.body);
    b.body_len = strlen(b.body);
    c.body_len = strlen(c.body);
    assert_int_equal(hd_index_add(ix, &a, &err), HD_OK);
    assert_int_equal(hd_index_add(ix, &b, &err), HD_OK);
    assert_int_equal(hd_index_add(ix, &c, &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);

    hd_results *r;
    const hd_hit *h;
    assert_int_equal(hd_search(ix, "speaker:khamenei", NULL, &r, &err), HD_OK);
    assert_int_equal(hd_results_next(r, &h), HD_OK);
    assert_string_equal(h->id, "a");
    assert_int_equal(hd_results_next(r, &h), HD_DONE);
    hd_results_free(r);
    /* speaker: next to words filters */
    assert_int_equal(hd_search(ix, "talks speaker:biden", NULL, &r, &err), HD_OK);
    assert_int_equal(hd_results_count(r), 1);
    assert_int_equal(hd_results_next(r, &h), HD_OK);
    assert_string_equal(h->id, "b");
    hd_results_free(r);

    /* delete b, replace c: "talks" finds a and the new c once */
    assert_int_equal(hd_index_delete(ix, "b", &err), HD_OK);
    c.body = "Talks resume, sun in Tehran.";
    c.body_len = strlen(c.body);
    assert_int_equal(hd_index_add(ix, &c, &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    assert_int_equal(hd_search(ix, "talks OR talk", NULL, &r, &err), HD_OK);
    int seen_a = 0, seen_c = 0;
    while (hd_results_next(r, &h) == HD_OK) {
        assert_string_not_equal(h->id, "b");
        seen_a += !strcmp(h->id, "a");
        seen_c += !strcmp(h->id, "c");
    }
    assert_int_equal(seen_a, 1);
    assert_int_equal(seen_c, 1);
    int exact;
    assert_int_equal(hd_results_total(r, &exact), 2);
    assert_true(exact);
    hd_results_free(r);
    /* the old text of c is gone */
    assert_int_equal(hd_search(ix, "snow", NULL, &r, &err), HD_OK);
    assert_int_equal(hd_results_count(r), 0);
    hd_results_free(r);
    /* a purely negative query skips deleted docs too: not b (deleted), not c (its title) */
    assert_int_equal(hd_search(ix, "-weather", NULL, &r, &err), HD_OK);
    assert_int_equal(hd_results_count(r), 1);
    assert_int_equal(hd_results_next(r, &h), HD_OK);
    assert_string_equal(h->id, "a");
    hd_results_free(r);
    /* a 1 MB body: found by a word near its end; the snippet scans only the first 64 KiB */
    hd_buf big;
    hd_buf_init(&big);
    for (int i = 0; i < 150000; i++)
        hd_buf_adds(&big, "filler ");
    hd_buf_adds(&big, "zebra crossing");
    hd_doc bd = {.id = "big", .title = "Big", .body = big.p, .body_len = big.len};
    assert_int_equal(hd_index_add(ix, &bd, &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_search_opts so = {.limit = 3, .snippets = 1};
    assert_int_equal(hd_search(ix, "zebra", &so, &r, &err), HD_OK);
    assert_int_equal(hd_results_next(r, &h), HD_OK);
    assert_string_equal(h->id, "big");
    assert_non_null(h->snippet);
    assert_non_null(strstr(h->snippet, "filler filler"));
    assert_null(strstr(h->snippet, "<b>"));
    assert_true(strlen(h->snippet) < 1000);
    hd_results_free(r);
    hd_buf_done(&big);
    drop_index(ix, d2);
}

/* ---- hd_search_each: every match, unranked --------------------------------------------- */

typedef struct each_seen {
    int n, stop_after;
    int order_ok;
    int last;
    int hit[N_DOCS];
    double score[N_DOCS];
    int bodies_ok;
    int want_bodies;
} each_seen;

static int on_each(void *ud, const hd_hit *h)
{
    each_seen *e = ud;
    int i = doc_by_id(h->id);
    /* index order: setup added the docs in array order, across three segments */
    if (i <= e->last)
        e->order_ok = 0;
    e->last = i;
    e->hit[i]++;
    e->score[i] = h->score;
    if (e->want_bodies ? !h->body || strcmp(h->body, docs[i].body) : h->body != NULL)
        e->bodies_ok = 0;
    if (strcmp(h->title, docs[i].title) || strcmp(h->date, docs[i].date))
        e->bodies_ok = 0;
    e->n++;
    return e->stop_after && e->n == e->stop_after;
}

/* hd_search_each visits exactly the docs hd_search finds (all of them, in index order), each
 * once, with the same scores when asked; stops when told; reports query errors. */
static void test_each(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    hd_err err = {0};
    static const char *queries[] = {"labour",
                                    "china internet",
                                    "\"prime minister\"",
                                    "blair AND election",
                                    "profit -warner",
                                    "date:2004",
                                    "title:economy",
                                    "minist*",
                                    "*",
                                    "zzzznothing",
                                    "(tax OR budget) +brown"};
    for (size_t qi = 0; qi < sizeof queries / sizeof *queries; qi++) {
        got all;
        hd_search_opts o = {.limit = N_DOCS};
        search(ix, queries[qi], &o, &all);
        each_seen e = {.order_ok = 1, .last = -1, .bodies_ok = 1, .want_bodies = qi % 2};
        hd_search_each_opts eo = {.bodies = e.want_bodies, .scores = 1};
        if (hd_search_each(ix, queries[qi], &eo, on_each, &e, &err))
            fail_msg("%s: %s", queries[qi], err.msg);
        assert_int_equal(e.n, all.n);
        assert_true(e.order_ok);
        assert_true(e.bodies_ok);
        for (int k = 0; k < all.n; k++) {
            assert_int_equal(e.hit[all.doc[k]], 1);
            assert_true(fabs(e.score[all.doc[k]] - all.score[k]) <= 1e-6 * (1 + all.score[k]));
        }
    }
    /* the query matches far more than 3: stop after 3 */
    each_seen e = {.order_ok = 1, .last = -1, .bodies_ok = 1, .stop_after = 3};
    assert_int_equal(hd_search_each(ix, "*", NULL, on_each, &e, &err), HD_OK);
    assert_int_equal(e.n, 3);
    /* errors as hd_search */
    assert_int_equal(hd_search_each(ix, "(labour", NULL, on_each, &e, &err), HD_EQUERY);
    assert_non_null(strstr(err.msg, "column 1"));
    hd_err_clear(&err);
    assert_int_equal(hd_search_each(ix, "labour", NULL, NULL, &e, &err), HD_EINVAL);
    hd_err_clear(&err);
    hd_index_close(ix);
}

static int count_hit(void *ud, const hd_hit *h)
{
    (void)h;
    (*(size_t *)ud)++;
    return 0;
}

/* Past the result window: 10,050 matching docs, which hd_search cannot return at once; the
 * count of hd_search_each is exact and skips deleted docs. */
static void test_each_past_window(void **state)
{
    (void)state;
    char d2[256];
    hd_index *ix = new_index("herald-test-search3", d2, sizeof d2);
    hd_err err = {0};
    enum { N = HD_SEARCH_MAX_WINDOW + 50 };
    for (int i = 0; i < N; i++) {
        char id[32], body[64];
        snprintf(id, sizeof id, "d%d", i);
        snprintf(body, sizeof body, "statement number %d %s", i, i % 2 ? "odd" : "even");
        hd_doc d = {.id = id, .title = "t", .body = body, .body_len = strlen(body)};
        assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    assert_int_equal(hd_index_delete(ix, "d0", &err), HD_OK);
    assert_int_equal(hd_index_delete(ix, "d1", &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_results *r;
    hd_search_opts big = {.limit = HD_SEARCH_MAX_WINDOW + 1};
    assert_int_equal(hd_search(ix, "statement", &big, &r, &err), HD_ELIMIT);
    hd_err_clear(&err);
    size_t n = 0;
    assert_int_equal(hd_search_each(ix, "statement", NULL, count_hit, &n, &err), HD_OK);
    assert_int_equal(n, N - 2);
    n = 0;
    assert_int_equal(hd_search_each(ix, "odd", NULL, count_hit, &n, &err), HD_OK);
    assert_int_equal(n, N / 2 - 1);
    drop_index(ix, d2);
}

/* Every allocation failure inside a search gives HD_ENOMEM and leaks nothing. */
static void test_out_of_memory(void **state)
{
    (void)state;
    hd_index *ix = open_ix();
    hd_search_opts o = {.limit = 5, .snippets = 1};
    const char *q = "(greensp* OR \"time warner\") economy -zzz date:2004..";
    int ok = 0;
    for (long n = 0; n < 400 && !ok; n++) {
        hd_results *r = NULL;
        hd_err err = {0};
        hd_mem_fail_after(n);
        hd_rc rc = hd_search(ix, q, &o, &r, &err);
        hd_mem_fail_after(-1);
        if (rc == HD_OK) {
            ok = 1;
            assert_true(hd_results_count(r) > 0);
        } else {
            if (rc != HD_ENOMEM)
                fail_msg("fail after %ld: %s (%s)", n, hd_rc_name(rc), err.msg);
            assert_null(r);
        }
        hd_results_free(r);
    }
    assert_true(ok);
    hd_index_close(ix);
}

/* ---- hyphenated compounds: the word as written and its parts ------------------------------- */

static int by_id(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* Ids of the hits of q on ix, comma-joined in id order, and the snippet of the hit with id
 * snip_id (when not NULL) into snip. */
static void cq(hd_index *ix, const char *q, char *ids, size_t cap, const char *snip_id, char *snip,
               size_t snip_cap)
{
    hd_search_opts o = {.limit = 10, .snippets = 1, .hl_open = "[", .hl_close = "]", .hl_raw = 1};
    hd_results *r;
    hd_err err = {0};
    if (hd_search(ix, q, &o, &r, &err))
        fail_msg("[%s]: %s", q, err.msg);
    char hit[8][16];
    int n = 0;
    const hd_hit *h;
    while (hd_results_next(r, &h) == HD_OK && n < 8) {
        snprintf(hit[n++], sizeof hit[0], "%s", h->id);
        if (snip_id && !strcmp(h->id, snip_id))
            snprintf(snip, snip_cap, "%s", h->snippet);
    }
    hd_results_free(r);
    qsort(hit, (size_t)n, sizeof hit[0], by_id);
    ids[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(ids + strlen(ids), cap - strlen(ids), "%s%s", i ? "," : "", hit[i]);
}

static void expect_hits(hd_index *ix, const char *q, const char *want)
{
    char ids[128];
    cq(ix, q, ids, sizeof ids, NULL, NULL, 0);
    if (strcmp(ids, want))
        fail_msg("[%s]: hits {%s}, want {%s}", q, ids, want);
}

static void expect_snippet(hd_index *ix, const char *q, const char *id, const char *want)
{
    char ids[128], snip[512] = "";
    cq(ix, q, ids, sizeof ids, id, snip, sizeof snip);
    if (!strstr(snip, want))
        fail_msg("[%s] %s: snippet '%s' lacks '%s'", q, id, snip, want);
}

static void test_compounds(void **state)
{
    (void)state;
    char cdir[256];
    hd_index *ix = new_index("herald-test-compound", cdir, sizeof cdir);
    hd_err err = {0};
    static const char *body[] = {
        "Doctors prescribe anti-inflammatory drugs for the 12-day course.",
        "An inflammatory speech about drugs and a 12 day war.",
        "Anti inflammatory treatment and inflammatory drugs are listed.",
    };
    for (int i = 0; i < 3; i++) {
        char id[8];
        snprintf(id, sizeof id, "c%d", i + 1);
        hd_doc d = {.id = id, .title = "T", .body = body[i]};
        assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    /* lengths count positions: 10 + 10 + 8 words, the compounds' own tokens not counted */
    assert_int_equal(hd_ixr_field_total(hd_index_reader(ix), HD_FIELD_BODY), 28);

    /* the word as written finds itself only; its parts find it too */
    expect_hits(ix, "anti-inflammatory", "c1");
    expect_hits(ix, "inflammatory", "c1,c2,c3");
    expect_hits(ix, "12-day", "c1");
    expect_hits(ix, "day", "c1,c2");
    expect_hits(ix, "anti-infl*", "c1");
    /* phrases: the compound spans its parts' positions */
    expect_hits(ix, "\"anti-inflammatory drugs\"", "c1");
    expect_hits(ix, "\"inflammatory drugs\"", "c1,c3");
    expect_hits(ix, "\"anti inflammatory\"", "c1,c3");
    expect_hits(ix, "\"the 12-day course\"", "c1");
    expect_hits(ix, "\"12 day\"", "c1,c2");
    expect_hits(ix, "\"anti drugs\"", "");
    expect_hits(ix, "\"12-day war\"", "");
    expect_hits(ix, "\"day course\"", "c1");

    /* snippets mark the word as written, once */
    expect_snippet(ix, "inflammatory", "c1", "prescribe [anti-inflammatory] drugs");
    expect_snippet(ix, "anti-inflammatory", "c1", "prescribe [anti-inflammatory] drugs");
    expect_snippet(ix, "\"inflammatory drugs\"", "c1", "[anti-inflammatory drugs] for");
    expect_snippet(ix, "\"anti-inflammatory drugs\"", "c1", "[anti-inflammatory drugs] for");
    expect_snippet(ix, "\"anti inflammatory\"", "c1", "prescribe [anti-inflammatory] drugs");
    expect_snippet(ix, "\"the 12-day course\"", "c1", "for [the 12-day course].");
    expect_snippet(ix, "day", "c1", "the [12-day] course");
    /* a phrase word alone is not marked: "drugs" of c3 outside "inflammatory drugs" */
    expect_snippet(ix, "\"anti-inflammatory drugs\"", "c1", "prescribe [anti-inflammatory");
    expect_snippet(ix, "\"inflammatory drugs\"", "c3",
                   "Anti inflammatory treatment and "
                   "[inflammatory drugs]");
    drop_index(ix, cdir);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* As expect_hits, in any order: want lists the ids sorted. */
static void expect_set(hd_index *ix, const char *q, const char *want)
{
    char ids[128], sorted[128] = "", *v[16];
    size_t n = 0;
    cq(ix, q, ids, sizeof ids, NULL, NULL, 0);
    for (char *t = strtok(ids, ","); t && n < 16; t = strtok(NULL, ","))
        v[n++] = t;
    qsort(v, n, sizeof *v, cmp_str);
    for (size_t i = 0; i < n; i++)
        snprintf(sorted + strlen(sorted), sizeof sorted - strlen(sorted), "%s%s", i ? "," : "",
                 v[i]);
    if (strcmp(sorted, want))
        fail_msg("[%s]: hits {%s}, want {%s}", q, sorted, want);
}

/* Optional stop words are left out of a query with other words, and only then. */
static void test_stop_words(void **state)
{
    (void)state;
    char sdir[256];
    hd_index *ix = new_index("herald-test-stop", sdir, sizeof sdir);
    hd_err err = {0};
    static const char *body[] = {
        "The oil price rose again.",
        "The talks and the market: the end of the day for the traders.",
        "Oil exports fell sharply in March.",
        "Who is to blame? The WHO said the virus spread.",
        "US trade talks resumed.",
    };
    for (int i = 0; i < 5; i++) {
        char id[8];
        snprintf(id, sizeof id, "s%d", i + 1);
        hd_doc d = {.id = id, .title = "T", .body = body[i]};
        assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    /* s2 and s4 have "the" but no oil: not hits once "the" is left out */
    expect_set(ix, "the oil", "s1,s3");
    expect_set(ix, "What is the price of oil", "s1,s3");
    /* only stop words: they are the query */
    expect_set(ix, "the", "s1,s2,s4");
    expect_set(ix, "the -oil", "s2,s4");
    /* phrases, required words and field clauses keep them */
    expect_hits(ix, "\"the oil\"", "s1");
    expect_set(ix, "+the oil", "s1,s2,s4");
    expect_set(ix, "body:the oil", "s1,s2,s3,s4");
    /* capitals are a name: US the country, WHO the organisation */
    expect_set(ix, "US talks", "s2,s5");
    expect_hits(ix, "US", "s5");
    expect_set(ix, "us talks", "s2,s5");
    expect_set(ix, "us oil", "s1,s3");
    expect_set(ix, "US oil", "s1,s3,s5");
    expect_hits(ix, "WHO virus", "s4");
    expect_set(ix, "who oil", "s1,s3");
    expect_set(ix, "WHO oil", "s1,s3,s4");
    /* a left-out word is not highlighted */
    expect_snippet(ix, "the oil", "s1", "The [oil] price");
    assert_true(hd_stopword("english", "Through", 7));
    assert_false(hd_stopword("english", "IT", 2));
    assert_false(hd_stopword("english", "oil", 3));
    assert_false(hd_stopword("german", "the", 3));
    drop_index(ix, sdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ranking_matches_oracle),
        cmocka_unit_test(test_pruning_consistent),
        cmocka_unit_test(test_phrase),
        cmocka_unit_test(test_and_or_not),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_paging_and_snippets),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_deletes_and_speakers),
        cmocka_unit_test(test_snapshot_state),
        cmocka_unit_test(test_each),
        cmocka_unit_test(test_each_past_window),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_stop_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
