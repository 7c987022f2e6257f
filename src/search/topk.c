/* SPDX-License-Identifier: MIT
 *
 * topk.c — query plan -> the k best documents. Stage: search (input: an hd_plan and an index
 * snapshot; output: hd_topk_hit[] with the hit count). Called by search.c.
 *
 * Each segment gets an iterator tree built from the plan: TERM and PHRASE leaves are BM25F
 * scorers over one postings list (or phrase matcher) per field, PREFIX leaves a bitset of the
 * docs holding any expansion, DATE leaves a scan of the date doc values, BOOL nodes
 * conjunctions (leapfrog), disjunctions and exclusions. Iterators stand on their current doc;
 * next/seek move forward only; doc == HD_DOC_END when exhausted. Errors (a corrupt postings
 * list) are sticky in the context and end the iteration.
 *
 * A disjunction at the root runs under MaxScore (Turtle & Flood): clauses sorted by their
 * score upper bound; those whose bounds together cannot beat the current k-th score are
 * "non-essential", never drive the iteration and are only probed for docs an essential clause
 * found, while the partial score can still make it. Upper bounds use each term's max tf and
 * min field length; a probe that cannot help is skipped using the block's own max tf and min
 * length (block-max). The hit count is exact unless a clause ever became non-essential.
 */
#include <string.h>

#include "base/mem.h"
#include "search/search.h"

typedef struct ctx {
    const hd_plan *plan;
    const hd_seg *seg;
    uint32_t seg_idx;
    uint32_t max_doc;
    hd_arena *a;
    hd_err *err;
    hd_rc rc; /* sticky */
} ctx;

typedef struct sit sit;
typedef struct sit_vt {
    void (*next)(sit *);
    void (*seek)(sit *, uint32_t target);
    double (*score)(sit *);
} sit_vt;

struct sit {
    uint32_t doc;
    const sit_vt *vt;
    double max_score; /* upper bound of score() */
    uint64_t cost;    /* about how many docs it yields */
    ctx *c;
};

static void it_next(sit *s)
{
    s->vt->next(s);
}

static void it_seek(sit *s, uint32_t t)
{
    if (s->doc < t)
        s->vt->seek(s, t);
}

static void fail(ctx *c, hd_rc rc)
{
    if (!c->rc)
        c->rc = rc;
}

/* ---- empty ---------------------------------------------------------------------------------- */

static void none_next(sit *s)
{
    s->doc = HD_DOC_END;
}
static void none_seek(sit *s, uint32_t t)
{
    (void)t;
    s->doc = HD_DOC_END;
}
static double zero_score(sit *s)
{
    (void)s;
    return 0;
}
static const sit_vt none_vt = {none_next, none_seek, zero_score};

static sit *new_none(ctx *c)
{
    sit *s = hd_arena_alloc(c->a, sizeof *s);
    if (!s)
        return NULL;
    *s = (sit){.doc = HD_DOC_END, .vt = &none_vt, .c = c};
    return s;
}

/* ---- all docs / date range (filters, no score) ---------------------------------------------- */

typedef struct scan_it {
    sit base;
    int32_t lo, hi; /* day range; all docs when lo > hi is never used */
    int all;
} scan_it;

static int scan_ok(scan_it *s, uint32_t d)
{
    if (s->all)
        return 1;
    int32_t day = hd_seg_date(s->base.c->seg, d);
    return day != HD_NO_DATE && day >= s->lo && day <= s->hi;
}

static void scan_seek(sit *it, uint32_t t)
{
    scan_it *s = (scan_it *)it;
    uint32_t d = t, n = it->c->max_doc;
    while (d < n && !scan_ok(s, d))
        d++;
    it->doc = d < n ? d : HD_DOC_END;
}

static void scan_next(sit *it)
{
    if (it->doc == HD_DOC_END)
        return;
    scan_seek(it, it->doc + 1);
}
static const sit_vt scan_vt = {scan_next, scan_seek, zero_score};

static sit *new_scan(ctx *c, int all, int32_t lo, int32_t hi)
{
    scan_it *s = hd_arena_alloc(c->a, sizeof *s);
    if (!s)
        return NULL;
    *s = (scan_it){
        .base = {.vt = &scan_vt, .c = c, .cost = c->max_doc}, .lo = lo, .hi = hi, .all = all};
    scan_seek(&s->base, 0);
    return &s->base;
}

/* ---- postings helpers ----------------------------------------------------------------------- */

static int post_check(ctx *c, hd_rc rc)
{
    if (rc == HD_OK || rc == HD_DONE)
        return 0;
    fail(c, hd_err_setw(c->err, rc, hd_seg_name(c->seg), "bad postings list"));
    return -1;
}

static int post_seek(ctx *c, hd_postings *p, uint32_t d)
{
    return post_check(c, hd_postings_seek(p, d));
}

static int post_next(ctx *c, hd_postings *p)
{
    return post_check(c, hd_postings_next(p));
}

/* Open the postings of (field, term) in the segment, positioned on its first doc. Returns
 * NULL with c->rc unset when the term is absent. */
static hd_postings *post_open(ctx *c, uint8_t field, const hd_pword *w, int with_pos)
{
    hd_terminfo ti;
    hd_rc rc = hd_seg_term(c->seg, (hd_field)field, w->term, w->len, &ti, c->err);
    if (rc == HD_ENOTFOUND)
        return NULL;
    if (rc) {
        fail(c, rc);
        return NULL;
    }
    hd_postings *p = hd_arena_alloc(c->a, sizeof *p);
    if (!p) {
        fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory opening postings"));
        return NULL;
    }
    if ((rc = hd_postings_open(p, c->seg, &ti, with_pos, c->err))) {
        fail(c, rc);
        return NULL;
    }
    if (post_next(c, p))
        return NULL;
    return p;
}

/* ---- phrase matcher over one field ---------------------------------------------------------- */

typedef struct phrase {
    uint32_t n;
    hd_postings **p; /* p[0] is the rarest word */
    uint32_t *rel;
    uint32_t **pos;
    size_t *cap;
    uint32_t doc, freq;
    uint32_t max_tf;
    uint8_t min_norm;
} phrase;

/* Count occurrences of the phrase in the current doc (all p[i] on it). */
static uint32_t phrase_count(ctx *c, phrase *ph)
{
    size_t n[64];
    for (uint32_t i = 0; i < ph->n; i++) {
        hd_postings *p = ph->p[i];
        if (p->freq > ph->cap[i]) {
            size_t cap = p->freq * 2;
            uint32_t *v = hd_arena_alloc(c->a, cap * sizeof *v);
            if (!v) {
                fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory matching a phrase"));
                return 0;
            }
            ph->pos[i] = v;
            ph->cap[i] = cap;
        }
        hd_rc rc = hd_postings_positions(p, ph->pos[i], ph->cap[i], &n[i]);
        if (rc) {
            fail(c, hd_err_set(c->err, rc, "%s: bad positions", hd_seg_name(c->seg)));
            return 0;
        }
    }
    size_t j[64] = {0};
    uint32_t count = 0;
    for (size_t k = 0; k < n[0]; k++) {
        if (ph->pos[0][k] < ph->rel[0])
            continue;
        uint32_t base = ph->pos[0][k] - ph->rel[0];
        uint32_t i;
        for (i = 1; i < ph->n; i++) {
            uint32_t want = base + ph->rel[i];
            while (j[i] < n[i] && ph->pos[i][j[i]] < want)
                j[i]++;
            if (j[i] >= n[i] || ph->pos[i][j[i]] != want)
                break;
        }
        if (i == ph->n)
            count++;
    }
    return count;
}

/* Move to the first doc >= target holding the phrase. */
static void phrase_seek(ctx *c, phrase *ph, uint32_t target)
{
    uint32_t d = target;
    for (;;) {
        uint32_t i;
        for (i = 0; i < ph->n; i++) {
            hd_postings *p = ph->p[i];
            if (p->doc < d && post_seek(c, p, d)) {
                ph->doc = HD_DOC_END;
                return;
            }
            if (p->doc == HD_DOC_END) {
                ph->doc = HD_DOC_END;
                return;
            }
            if (p->doc > d) {
                d = p->doc;
                break;
            }
        }
        if (i < ph->n)
            continue;
        uint32_t f = phrase_count(c, ph);
        if (c->rc) {
            ph->doc = HD_DOC_END;
            return;
        }
        if (f) {
            ph->doc = d;
            ph->freq = f;
            return;
        }
        d++;
    }
}

static phrase *new_phrase(ctx *c, uint8_t field, const hd_pnode *n)
{
    phrase *ph = hd_arena_alloc(c->a, sizeof *ph);
    hd_postings **p = hd_arena_alloc(c->a, n->n_words * sizeof *p);
    uint32_t *rel = hd_arena_alloc(c->a, n->n_words * sizeof *rel);
    uint32_t **pos = hd_arena_alloc(c->a, n->n_words * sizeof *pos);
    size_t *cap = hd_arena_alloc(c->a, n->n_words * sizeof *cap);
    if (!ph || !p || !rel || !pos || !cap) {
        fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory opening a phrase"));
        return NULL;
    }
    *ph =
        (phrase){.n = n->n_words, .p = p, .rel = rel, .pos = pos, .cap = cap, .max_tf = UINT32_MAX};
    for (uint32_t i = 0; i < n->n_words; i++) {
        p[i] = post_open(c, field, &n->words[i], 1);
        if (!p[i])
            return NULL;
        rel[i] = n->words[i].rel;
        pos[i] = NULL;
        cap[i] = 0;
        uint32_t mt;
        uint8_t mn;
        hd_postings_term_bounds(p[i], &mt, &mn);
        if (mt < ph->max_tf)
            ph->max_tf = mt;
        if (mn > ph->min_norm)
            ph->min_norm = mn;
        /* the rarest word leads the intersection */
        for (uint32_t k = i; k > 0 && p[k]->df < p[k - 1]->df; k--) {
            hd_postings *tp = p[k];
            p[k] = p[k - 1];
            p[k - 1] = tp;
            uint32_t tr = rel[k];
            rel[k] = rel[k - 1];
            rel[k - 1] = tr;
        }
    }
    phrase_seek(c, ph, 0);
    return ph;
}

/* ---- BM25F scorer: one term or phrase over a field set -------------------------------------- */

typedef struct fsrc {
    uint8_t field;
    hd_postings *p; /* a term, or */
    phrase *ph;     /* a phrase */
    uint32_t max_tf;
    uint8_t min_norm;
} fsrc;

static inline uint32_t src_doc(const fsrc *s)
{
    return s->p ? s->p->doc : s->ph->doc;
}

static inline uint32_t src_freq(const fsrc *s)
{
    return s->p ? s->p->freq : s->ph->freq;
}

typedef struct fterm_it {
    sit base;
    double idf, k1;
    uint32_t n;
    fsrc s[HD_BM25F_MAX_FIELDS];
} fterm_it;

static inline double sat(const fterm_it *f, double ptf)
{
    return ptf > 0 ? f->idf * (f->k1 + 1) * ptf / (ptf + f->k1) : 0;
}

static void fterm_min(fterm_it *f)
{
    uint32_t d = HD_DOC_END;
    for (uint32_t i = 0; i < f->n; i++) {
        uint32_t x = src_doc(&f->s[i]);
        if (x < d)
            d = x;
    }
    f->base.doc = d;
}

static void src_seek(ctx *c, fsrc *s, uint32_t t)
{
    if (src_doc(s) >= t)
        return;
    if (s->p)
        post_seek(c, s->p, t);
    else
        phrase_seek(c, s->ph, t);
}

static void fterm_seek(sit *it, uint32_t t)
{
    fterm_it *f = (fterm_it *)it;
    for (uint32_t i = 0; i < f->n; i++)
        src_seek(it->c, &f->s[i], t);
    fterm_min(f);
    if (it->c->rc)
        it->doc = HD_DOC_END;
}

static void fterm_next(sit *it)
{
    fterm_it *f = (fterm_it *)it;
    uint32_t d = it->doc;
    if (d == HD_DOC_END)
        return;
    if (f->n == 1 && f->s[0].p) {
        /* the common case: one postings list */
        post_next(it->c, f->s[0].p);
        it->doc = it->c->rc ? HD_DOC_END : f->s[0].p->doc;
        return;
    }
    fterm_seek(it, d + 1);
}

static double fterm_score(sit *it)
{
    fterm_it *f = (fterm_it *)it;
    const hd_plan *pl = it->c->plan;
    double ptf = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        const fsrc *s = &f->s[i];
        if (src_doc(s) != it->doc)
            continue;
        uint8_t norm = hd_seg_field_norm(it->c->seg, (hd_field)s->field, it->doc);
        ptf += src_freq(s) * (double)pl->norm[s->field][norm];
    }
    return sat(f, ptf);
}

/* Upper bound of the score for docs in [t, *out_upto]: the blocks under t of each list. */
static double fterm_block_bound(sit *it, uint32_t t, uint32_t *out_upto)
{
    fterm_it *f = (fterm_it *)it;
    const hd_plan *pl = it->c->plan;
    double ptf = 0;
    uint32_t upto = HD_DOC_END;
    for (uint32_t i = 0; i < f->n; i++) {
        const fsrc *s = &f->s[i];
        if (src_doc(s) == HD_DOC_END)
            continue;
        if (s->p && hd_postings_shallow_seek(s->p, t) == HD_OK) {
            uint32_t last = hd_postings_block_last_doc(s->p);
            if (last < upto)
                upto = last;
            ptf += hd_postings_block_max_tf(s->p) *
                   (double)pl->norm[s->field][hd_postings_block_min_norm(s->p)];
        } else if (!s->p) {
            ptf += s->max_tf * (double)pl->norm[s->field][s->min_norm];
        }
    }
    *out_upto = upto;
    return sat(f, ptf);
}

static const sit_vt fterm_vt = {fterm_next, fterm_seek, fterm_score};

static sit *new_fterm(ctx *c, const hd_pnode *n)
{
    fterm_it *f = hd_arena_alloc(c->a, sizeof *f);
    if (!f) {
        fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory opening a term"));
        return NULL;
    }
    memset(f, 0, sizeof *f);
    f->base = (sit){.vt = &fterm_vt, .c = c};
    f->idf = n->idf;
    f->k1 = c->plan->bm25.k1;
    double ptf_max = 0;
    for (uint32_t i = 0; i < n->n_fields; i++) {
        fsrc s = {.field = n->fields[i]};
        if (n->kind == HD_PK_TERM) {
            s.p = post_open(c, s.field, &n->words[0], 0);
            if (s.p) {
                hd_postings_term_bounds(s.p, &s.max_tf, &s.min_norm);
                f->base.cost += s.p->df;
            }
        } else {
            s.ph = new_phrase(c, s.field, n);
            if (s.ph) {
                s.max_tf = s.ph->max_tf;
                s.min_norm = s.ph->min_norm;
                f->base.cost += s.ph->p[0]->df;
            }
        }
        if (c->rc)
            return NULL;
        if (!s.p && !s.ph)
            continue;
        ptf_max += s.max_tf * (double)c->plan->norm[s.field][s.min_norm];
        f->s[f->n++] = s;
    }
    if (!f->n)
        return new_none(c);
    f->base.max_score = sat(f, ptf_max);
    fterm_min(f);
    return &f->base;
}

/* ---- prefix: a bitset of the docs holding any expansion ------------------------------------- */

typedef struct bits_it {
    sit base;
    uint64_t *w;
    uint32_t n_words;
    double score;
} bits_it;

static void bits_seek(sit *it, uint32_t t)
{
    bits_it *b = (bits_it *)it;
    uint32_t wi = t >> 6;
    if (wi >= b->n_words) {
        it->doc = HD_DOC_END;
        return;
    }
    uint64_t x = b->w[wi] & (~0ull << (t & 63));
    while (!x) {
        if (++wi >= b->n_words) {
            it->doc = HD_DOC_END;
            return;
        }
        x = b->w[wi];
    }
    it->doc = (wi << 6) + (uint32_t)__builtin_ctzll(x);
}

static void bits_next(sit *it)
{
    if (it->doc != HD_DOC_END)
        bits_seek(it, it->doc + 1);
}

static double bits_score(sit *it)
{
    return ((bits_it *)it)->score;
}

static const sit_vt bits_vt = {bits_next, bits_seek, bits_score};

typedef struct expand {
    ctx *c;
    bits_it *b;
    hd_postings *p;
} expand;

static int on_expansion(void *ud, const char *term, size_t len, const hd_terminfo *ti)
{
    (void)term;
    (void)len;
    expand *e = ud;
    ctx *c = e->c;
    if (hd_postings_open(e->p, c->seg, ti, 0, c->err) != HD_OK) {
        fail(c, HD_ECORRUPT);
        return 1;
    }
    hd_rc rc;
    while ((rc = hd_postings_next(e->p)) == HD_OK)
        if (e->p->doc < c->max_doc)
            e->b->w[e->p->doc >> 6] |= 1ull << (e->p->doc & 63);
    if (post_check(c, rc))
        return 1;
    e->b->base.cost += ti->doc_freq;
    return 0;
}

static sit *new_prefix(ctx *c, const hd_pnode *n)
{
    bits_it *b = hd_arena_alloc(c->a, sizeof *b);
    uint32_t nw = (c->max_doc + 63) / 64;
    uint64_t *w = hd_arena_alloc(c->a, (nw ? nw : 1) * sizeof *w);
    hd_postings *p = hd_arena_alloc(c->a, sizeof *p);
    if (!b || !w || !p) {
        fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory expanding a prefix"));
        return NULL;
    }
    memset(w, 0, (nw ? nw : 1) * sizeof *w);
    *b = (bits_it){.base = {.vt = &bits_vt, .c = c, .max_score = n->idf},
                   .w = w,
                   .n_words = nw,
                   .score = n->idf};
    expand e = {.c = c, .b = b, .p = p};
    for (uint32_t i = 0; i < n->n_fields && !c->rc; i++) {
        hd_rc rc =
            hd_seg_terms_prefix(c->seg, (hd_field)n->fields[i], n->words[0].term, n->words[0].len,
                                HD_PREFIX_MAX_TERMS, on_expansion, &e, c->err);
        if (rc == HD_ELIMIT) {
            if (c->err)
                hd_err_clear(c->err);
            fail(c, hd_err_set(c->err, HD_ELIMIT, "prefix '%s*' matches more than %d terms",
                               n->words[0].term, HD_PREFIX_MAX_TERMS));
        } else if (rc)
            fail(c, rc);
    }
    if (c->rc)
        return NULL;
    bits_seek(&b->base, 0);
    return &b->base;
}

/* ---- boolean ------------------------------------------------------------------------------- */

typedef struct bool_it {
    sit base;
    sit **req; /* must and filter, cheapest first: the conjunction */
    uint32_t n_req;
    sit **must; /* the scoring part of req */
    uint32_t n_must;
    sit **should;
    uint32_t n_should;
    sit **excl;
    uint32_t n_excl;
    uint32_t min_should;
} bool_it;

/* First doc >= t on which every iterator of v sits (leapfrog), or HD_DOC_END. */
static uint32_t conj_align(sit **v, uint32_t n, uint32_t t)
{
    uint32_t d = t;
    for (uint32_t i = 0; i < n;) {
        it_seek(v[i], d);
        if (v[i]->doc == HD_DOC_END)
            return HD_DOC_END;
        if (v[i]->doc > d) {
            d = v[i]->doc;
            i = i == 0 ? 1 : 0;
            continue;
        }
        i++;
    }
    return d;
}

static int excluded(sit **v, uint32_t n, uint32_t d)
{
    for (uint32_t i = 0; i < n; i++) {
        it_seek(v[i], d);
        if (v[i]->doc == d)
            return 1;
    }
    return 0;
}

static void bool_align(bool_it *b, uint32_t t)
{
    sit *it = &b->base;
    while (!it->c->rc) {
        uint32_t d;
        if (b->n_req) {
            d = conj_align(b->req, b->n_req, t);
        } else {
            d = HD_DOC_END;
            for (uint32_t i = 0; i < b->n_should; i++) {
                it_seek(b->should[i], t);
                if (b->should[i]->doc < d)
                    d = b->should[i]->doc;
            }
        }
        if (d == HD_DOC_END)
            break;
        if (excluded(b->excl, b->n_excl, d)) {
            t = d + 1;
            continue;
        }
        if (b->n_req && b->min_should) {
            uint32_t i;
            for (i = 0; i < b->n_should; i++) {
                it_seek(b->should[i], d);
                if (b->should[i]->doc == d)
                    break;
            }
            if (i == b->n_should) {
                t = d + 1;
                continue;
            }
        }
        it->doc = d;
        return;
    }
    it->doc = HD_DOC_END;
}

static void bool_next(sit *it)
{
    if (it->doc != HD_DOC_END)
        bool_align((bool_it *)it, it->doc + 1);
}

static void bool_seek(sit *it, uint32_t t)
{
    bool_align((bool_it *)it, t);
}

static double bool_score(sit *it)
{
    bool_it *b = (bool_it *)it;
    double s = 0;
    for (uint32_t i = 0; i < b->n_must; i++)
        s += b->must[i]->vt->score(b->must[i]);
    for (uint32_t i = 0; i < b->n_should; i++) {
        it_seek(b->should[i], it->doc);
        if (b->should[i]->doc == it->doc)
            s += b->should[i]->vt->score(b->should[i]);
    }
    return s;
}

static const sit_vt bool_vt = {bool_next, bool_seek, bool_score};

static sit *build(ctx *c, const hd_pnode *n);

static sit **build_list(ctx *c, hd_pnode **v, uint32_t n)
{
    sit **out = hd_arena_alloc(c->a, (n ? n : 1) * sizeof *out);
    if (!out) {
        fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++)
        if (!(out[i] = build(c, v[i])))
            return NULL;
    return out;
}

static void sort_by_cost(sit **v, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t k = i; k > 0 && v[k]->cost < v[k - 1]->cost; k--) {
            sit *t = v[k];
            v[k] = v[k - 1];
            v[k - 1] = t;
        }
}

static sit *new_bool(ctx *c, const hd_pnode *n)
{
    bool_it *b = hd_arena_alloc(c->a, sizeof *b);
    if (!b) {
        fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
        return NULL;
    }
    memset(b, 0, sizeof *b);
    b->base = (sit){.vt = &bool_vt, .c = c};
    b->n_must = n->n_must;
    b->n_should = n->n_should;
    b->n_excl = n->n_must_not;
    b->n_req = n->n_must + n->n_filter;
    b->min_should = n->min_should;
    sit **filter;
    if (!(b->must = build_list(c, n->must, n->n_must)) ||
        !(filter = build_list(c, n->filter, n->n_filter)) ||
        !(b->should = build_list(c, n->should, n->n_should)) ||
        !(b->excl = build_list(c, n->must_not, n->n_must_not)) ||
        !(b->req = hd_arena_alloc(c->a, (b->n_req ? b->n_req : 1) * sizeof *b->req)))
        return NULL;
    memcpy(b->req, b->must, n->n_must * sizeof *b->req);
    memcpy(b->req + n->n_must, filter, n->n_filter * sizeof *b->req);
    sort_by_cost(b->req, b->n_req);
    for (uint32_t i = 0; i < b->n_must; i++)
        b->base.max_score += b->must[i]->max_score;
    for (uint32_t i = 0; i < b->n_should; i++) {
        b->base.max_score += b->should[i]->max_score;
        if (!b->n_req)
            b->base.cost += b->should[i]->cost;
    }
    if (b->n_req)
        b->base.cost = b->req[0]->cost;
    bool_align(b, 0);
    return &b->base;
}

static sit *build(ctx *c, const hd_pnode *n)
{
    sit *s = NULL;
    switch (n->kind) {
    case HD_PK_NONE:
        s = new_none(c);
        break;
    case HD_PK_ALL:
        s = new_scan(c, 1, 0, 0);
        break;
    case HD_PK_DATE:
        s = new_scan(c, 0, n->day_lo, n->day_hi);
        break;
    case HD_PK_TERM:
    case HD_PK_PHRASE:
        return new_fterm(c, n);
    case HD_PK_PREFIX:
        return new_prefix(c, n);
    case HD_PK_BOOL:
        return new_bool(c, n);
    }
    if (!s)
        fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
    return s;
}

/* ---- the top-k heap ------------------------------------------------------------------------ */

typedef struct heap {
    hd_topk_hit *v;
    size_t n, k;
    int by_date;
    uint64_t total;
    int exact;
} heap;

/* a ranks below b */
static int worse(const heap *h, const hd_topk_hit *a, const hd_topk_hit *b)
{
    if (h->by_date && a->day != b->day)
        return a->day < b->day;
    if (a->score != b->score)
        return a->score < b->score;
    if (a->seg != b->seg)
        return a->seg > b->seg;
    return a->doc > b->doc;
}

static void sift_down(heap *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && worse(h, &h->v[l], &h->v[m]))
            m = l;
        if (r < h->n && worse(h, &h->v[r], &h->v[m]))
            m = r;
        if (m == i)
            return;
        hd_topk_hit t = h->v[i];
        h->v[i] = h->v[m];
        h->v[m] = t;
        i = m;
    }
}

static void heap_push(heap *h, hd_topk_hit hit)
{
    if (h->n < h->k) {
        size_t i = h->n++;
        h->v[i] = hit;
        while (i && worse(h, &h->v[i], &h->v[(i - 1) / 2])) {
            hd_topk_hit t = h->v[i];
            h->v[i] = h->v[(i - 1) / 2];
            h->v[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
    } else if (worse(h, &h->v[0], &hit)) {
        h->v[0] = hit;
        sift_down(h, 0);
    }
}

/* The score a new doc must beat to enter (by score only); -1 while the heap has room. */
static double threshold(const heap *h)
{
    return h->n < h->k || h->by_date ? -1 : h->v[0].score;
}

static void collect(ctx *c, heap *h, uint32_t doc, double score)
{
    hd_topk_hit hit = {.score = score, .seg = c->seg_idx, .doc = doc, .day = HD_NO_DATE};
    if (h->by_date)
        hit.day = hd_seg_date(c->seg, doc);
    h->total++;
    heap_push(h, hit);
}

/* ---- evaluation ---------------------------------------------------------------------------- */

/* Any iterator tree: score every match. Stops early once nothing can beat the threshold. */
static void run_generic(ctx *c, heap *h, sit *s, int prune)
{
    while (s->doc != HD_DOC_END && !c->rc) {
        if (prune && h->n == h->k && s->max_score <= threshold(h)) {
            h->exact = 0;
            return;
        }
        uint32_t d = s->doc;
        if (!hd_seg_is_deleted(c->seg, d))
            collect(c, h, d, s->vt->score(s));
        it_next(s);
    }
}

/* A disjunction (with optional filters and exclusions) under MaxScore. */
static void run_maxscore(ctx *c, heap *h, sit **s, uint32_t n, sit **req, uint32_t n_req,
                         sit **excl, uint32_t n_excl, int prune)
{
    /* by upper bound, ascending; ub[i] = bound of s[0..i] together */
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t k = i; k > 0 && s[k]->max_score < s[k - 1]->max_score; k--) {
            sit *t = s[k];
            s[k] = s[k - 1];
            s[k - 1] = t;
        }
    double ub[64];
    double acc = 0;
    for (uint32_t i = 0; i < n; i++)
        ub[i] = (acc += s[i]->max_score) * (1 + 1e-9); /* rounding margin */
    uint32_t ne = 0;
    double theta = prune ? threshold(h) : -1;
    while (ne < n && ub[ne] <= theta)
        ne++;
    if (ne)
        h->exact = 0;
    while (ne < n && !c->rc) {
        uint32_t d = HD_DOC_END;
        for (uint32_t i = ne; i < n; i++)
            if (s[i]->doc < d)
                d = s[i]->doc;
        if (d == HD_DOC_END)
            break;
        if (n_req) {
            /* the filters know the next doc they accept: skip the essentials there */
            uint32_t fd = conj_align(req, n_req, d);
            if (fd == HD_DOC_END)
                break;
            if (fd > d) {
                for (uint32_t i = ne; i < n; i++)
                    it_seek(s[i], fd);
                continue;
            }
        }
        if (!hd_seg_is_deleted(c->seg, d) && !excluded(excl, n_excl, d)) {
            double score = 0;
            for (uint32_t i = ne; i < n; i++)
                if (s[i]->doc == d)
                    score += s[i]->vt->score(s[i]);
            for (uint32_t j = ne; j-- > 0;) {
                if (score + ub[j] <= theta)
                    break;
                if (s[j]->vt == &fterm_vt && s[j]->doc < d) {
                    /* block-max: skip the probe when even the block's best cannot help */
                    uint32_t upto;
                    double bb = fterm_block_bound(s[j], d, &upto);
                    if (score + bb + (j ? ub[j - 1] : 0) <= theta)
                        continue;
                }
                it_seek(s[j], d);
                if (s[j]->doc == d)
                    score += s[j]->vt->score(s[j]);
            }
            if (c->rc)
                break;
            collect(c, h, d, score);
            if (prune && threshold(h) > theta) {
                theta = threshold(h);
                while (ne < n && ub[ne] <= theta) {
                    ne++;
                    h->exact = 0;
                }
            }
        }
        for (uint32_t i = ne; i < n; i++)
            if (s[i]->doc == d)
                it_next(s[i]);
    }
}

static void run_segment(ctx *c, heap *h, int prune)
{
    const hd_pnode *root = c->plan->root;
    if (root->kind == HD_PK_NONE)
        return;
    int disj =
        root->kind == HD_PK_TERM || root->kind == HD_PK_PHRASE || root->kind == HD_PK_PREFIX ||
        (root->kind == HD_PK_BOOL && root->n_must == 0 && root->min_should && root->n_should <= 64);
    if (!disj) {
        sit *s = build(c, root);
        if (s && !c->rc)
            run_generic(c, h, s, prune);
        return;
    }
    sit **s, **req = NULL, **excl = NULL;
    uint32_t n, n_req = 0, n_excl = 0;
    if (root->kind != HD_PK_BOOL) {
        s = hd_arena_alloc(c->a, sizeof *s);
        if (!s) {
            fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
            return;
        }
        n = 1;
        if (!(s[0] = build(c, root)))
            return;
    } else {
        n = root->n_should;
        n_req = root->n_filter;
        n_excl = root->n_must_not;
        if (!(s = build_list(c, root->should, n)) || !(req = build_list(c, root->filter, n_req)) ||
            !(excl = build_list(c, root->must_not, n_excl)))
            return;
        sort_by_cost(req, n_req);
    }
    run_maxscore(c, h, s, n, req, n_req, excl, n_excl, prune);
}

hd_rc hd_topk_run(const hd_plan *plan, const hd_ixr *r, size_t k, int by_date, hd_arena *a,
                  hd_topk_result *out, hd_err *err)
{
    memset(out, 0, sizeof *out);
    out->exact = 1;
    if (!r || k == 0)
        return HD_OK;
    heap h = {.k = k, .by_date = by_date, .exact = 1};
    h.v = hd_arena_alloc(a, k * sizeof *h.v);
    if (!h.v)
        return hd_err_set(err, HD_ENOMEM, "out of memory for %zu results", k);
    int prune = !by_date && plan->cost > plan->exact_cost;
    ctx c = {.plan = plan, .a = a, .err = err};
    size_t n_seg = hd_ixr_n_segments(r);
    for (size_t i = 0; i < n_seg && !c.rc; i++) {
        c.seg = hd_ixr_segment(r, i);
        c.seg_idx = (uint32_t)i;
        c.max_doc = hd_seg_max_doc(c.seg);
        run_segment(&c, &h, prune);
    }
    if (c.rc)
        return c.rc;
    /* heap -> best first */
    size_t n = h.n;
    while (h.n > 1) {
        hd_topk_hit t = h.v[0];
        h.v[0] = h.v[h.n - 1];
        h.v[h.n - 1] = t;
        h.n--;
        sift_down(&h, 0);
    }
    out->hits = h.v;
    out->n_hits = n;
    out->total = h.total;
    out->exact = h.exact;
    return HD_OK;
}
