/* SPDX-License-Identifier: MIT
 *
 * qterm.c — the scoring leaves of the iterator tree: BM25F term and phrase scorers over one
 * postings list (or phrase matcher) per field, with term- and block-level score upper bounds
 * for pruning, and prefix* leaves as a bitset of the docs holding any expansion. Stage: search
 * (input: an hd_plan leaf and a segment; output: an hd_qit). Called by qiter.c.
 */
#include <string.h>

#include "base/mem.h"
#include "search/search.h"

/* ---- postings helpers ----------------------------------------------------------------------- */

static int post_check(hd_qit_ctx *c, hd_rc rc)
{
    if (rc == HD_OK || rc == HD_DONE)
        return 0;
    hd_qit_fail(c, hd_err_setw(c->err, rc, hd_seg_name(c->seg), "bad postings list"));
    return -1;
}

static int post_seek(hd_qit_ctx *c, hd_postings *p, uint32_t d)
{
    return post_check(c, hd_postings_seek(p, d));
}

static int post_next(hd_qit_ctx *c, hd_postings *p)
{
    return post_check(c, hd_postings_next(p));
}

/* Open the postings of (field, term) in the segment, positioned on its first doc. Returns
 * NULL with c->rc unset when the term is absent. */
static hd_postings *post_open(hd_qit_ctx *c, uint8_t field, const hd_pword *w, int with_pos)
{
    hd_terminfo ti;
    int memo = hd_plan_memo(c->plan, w, field, c->seg_idx, &ti);
    hd_rc rc = memo == 1   ? HD_OK
               : memo == 0 ? HD_ENOTFOUND
                           : hd_seg_term(c->seg, (hd_field)field, w->term, w->len, &ti, c->err);
    if (rc == HD_ENOTFOUND)
        return NULL;
    if (rc) {
        hd_qit_fail(c, rc);
        return NULL;
    }
    hd_postings *p = hd_arena_alloc(c->a, sizeof *p);
    if (!p) {
        hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory opening postings"));
        return NULL;
    }
    if ((rc = hd_postings_open(p, c->seg, &ti, with_pos, c->err))) {
        hd_qit_fail(c, rc);
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
    uint8_t field;
    const uint8_t *lens; /* the field's norms in the segment, or NULL (all 0) */
    double idf, k1;
    double rest_ptf;           /* bound of the pseudo-tf the scorer's other fields can add */
    double lim_theta, lim_ptf; /* for theta lim_theta: own pseudo-tf <= lim_ptf cannot win */
} phrase;

/* Count occurrences of the phrase in the current doc (all p[i] on it). */
static uint32_t phrase_count(hd_qit_ctx *c, phrase *ph)
{
    size_t n[64];
    for (uint32_t i = 0; i < ph->n; i++) {
        hd_postings *p = ph->p[i];
        if (p->freq > ph->cap[i]) {
            size_t cap = p->freq * 2;
            uint32_t *v = hd_arena_alloc(c->a, cap * sizeof *v);
            if (!v) {
                hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory matching a phrase"));
                return 0;
            }
            ph->pos[i] = v;
            ph->cap[i] = cap;
        }
        hd_rc rc = hd_postings_positions(p, ph->pos[i], ph->cap[i], &n[i]);
        if (rc) {
            hd_qit_fail(c, hd_err_set(c->err, rc, "%s: bad positions", hd_seg_name(c->seg)));
            return 0;
        }
    }
    size_t j[64];
    memset(j, 0, ph->n * sizeof j[0]); /* not all 64: this runs once per candidate doc */
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
/* The pseudo-tf a doc's own field must exceed to matter, for the current threshold. */
static double phrase_limit(hd_qit_ctx *c, phrase *ph)
{
    if (c->theta != ph->lim_theta) {
        /* score(ptf) = A ptf / (ptf + k1) <= theta  <=>  ptf <= theta k1 / (A - theta) */
        double A = ph->idf * (ph->k1 + 1), t = c->theta * (1 - 1e-9); /* rounding margin */
        ph->lim_theta = c->theta;
        ph->lim_ptf = t >= A ? 1e300 : t * ph->k1 / (A - t) - ph->rest_ptf;
    }
    return ph->lim_ptf;
}

/* Move to the first doc >= target holding the phrase. When c->theta >= 0 (this scorer is the
 * whole query), docs that cannot beat the top-k threshold are passed over without decoding
 * positions: the phrase occurs in a doc at most as often as each of its words. */
static void phrase_seek(hd_qit_ctx *c, phrase *ph, uint32_t target)
{
    uint32_t d = target;
    const float *norms = c->plan->norm[ph->field];
    const uint8_t *lens = ph->lens;
    for (;;) {
        hd_postings *lead = ph->p[0];
        if (lead->doc < d && post_seek(c, lead, d))
            break;
        if (lead->doc == HD_DOC_END)
            break;
        d = lead->doc;
        double lim = c->theta >= 0 ? phrase_limit(c, ph) : -1;
        if (lim >= 0 && lead->freq * (double)norms[lens ? lens[d] : 0] <= lim) {
            c->skipped = 1; /* the rarest word alone rules d out: no other list is moved */
            d++;
            continue;
        }
        uint32_t i, mt = lead->freq;
        for (i = 1; i < ph->n; i++) {
            hd_postings *p = ph->p[i];
            if (p->doc < d && post_seek(c, p, d))
                break;
            if (p->doc != d)
                break;
            if (p->freq < mt)
                mt = p->freq;
        }
        if (i < ph->n) {
            if (c->rc || ph->p[i]->doc == HD_DOC_END)
                break;
            d = ph->p[i]->doc;
            continue;
        }
        if (lim >= 0 && mt < lead->freq && mt * (double)norms[lens ? lens[d] : 0] <= lim) {
            c->skipped = 1;
            d++;
            continue;
        }
        uint32_t f = phrase_count(c, ph);
        if (c->rc)
            break;
        if (f) {
            ph->doc = d;
            ph->freq = f;
            return;
        }
        d++;
    }
    ph->doc = HD_DOC_END;
}

static phrase *new_phrase(hd_qit_ctx *c, uint8_t field, const hd_pnode *n)
{
    phrase *ph = hd_arena_alloc(c->a, sizeof *ph);
    hd_postings **p = hd_arena_alloc(c->a, n->n_words * sizeof *p);
    uint32_t *rel = hd_arena_alloc(c->a, n->n_words * sizeof *rel);
    uint32_t **pos = hd_arena_alloc(c->a, n->n_words * sizeof *pos);
    size_t *cap = hd_arena_alloc(c->a, n->n_words * sizeof *cap);
    if (!ph || !p || !rel || !pos || !cap) {
        hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory opening a phrase"));
        return NULL;
    }
    *ph = (phrase){.n = n->n_words,
                   .p = p,
                   .rel = rel,
                   .pos = pos,
                   .cap = cap,
                   .max_tf = UINT32_MAX,
                   .field = field,
                   .lens = hd_seg_field_norms(c->seg, (hd_field)field),
                   .idf = n->idf,
                   .k1 = c->plan->bm25.k1,
                   .rest_ptf = 1e300,
                   .lim_theta = -1};
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
    const uint8_t *lens; /* the field's norms in the segment (a doc of p or ph is < max_doc) */
    const float *w;      /* the plan's norm table of the field */
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
    hd_qit base;
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

static void src_seek(hd_qit_ctx *c, fsrc *s, uint32_t t)
{
    if (src_doc(s) >= t)
        return;
    if (s->p)
        post_seek(c, s->p, t);
    else
        phrase_seek(c, s->ph, t);
}

static void fterm_seek(hd_qit *it, uint32_t t)
{
    fterm_it *f = (fterm_it *)it;
    for (uint32_t i = 0; i < f->n; i++)
        src_seek(it->c, &f->s[i], t);
    fterm_min(f);
    if (it->c->rc)
        it->doc = HD_DOC_END;
}

static void fterm_next(hd_qit *it)
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
    /* Lists standing on d step once; the others are already past it. */
    for (uint32_t i = 0; i < f->n; i++) {
        fsrc *s = &f->s[i];
        if (src_doc(s) != d)
            continue;
        if (s->p)
            post_next(it->c, s->p);
        else
            phrase_seek(it->c, s->ph, d + 1);
    }
    fterm_min(f);
    if (it->c->rc)
        it->doc = HD_DOC_END;
}

static double fterm_score(hd_qit *it)
{
    fterm_it *f = (fterm_it *)it;
    double ptf = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        const fsrc *s = &f->s[i];
        if (src_doc(s) != it->doc)
            continue;
        ptf += src_freq(s) * (double)s->w[s->lens ? s->lens[it->doc] : 0];
    }
    return sat(f, ptf);
}

/* Upper bound of the score for docs in [t, *out_upto]: the blocks under t of each list. */
/* Upper bound of the score of docs in [t, *out_upto], from the skip data of the postings
 * block under t of each list (a phrase uses its leading word's block: a phrase occurs no more
 * often in a doc than that word, and the doc is no shorter than the block's shortest). */
static double fterm_block_bound(hd_qit *it, uint32_t t, uint32_t *out_upto)
{
    fterm_it *f = (fterm_it *)it;
    const hd_plan *pl = it->c->plan;
    double ptf = 0;
    uint32_t upto = HD_DOC_END;
    for (uint32_t i = 0; i < f->n; i++) {
        const fsrc *s = &f->s[i];
        if (src_doc(s) == HD_DOC_END)
            continue;
        if (s->p) {
            if (hd_postings_shallow_seek(s->p, t) != HD_OK)
                continue; /* no doc >= t here (or damage, which next/seek will report) */
            uint32_t last = hd_postings_block_last_doc(s->p);
            if (last < upto)
                upto = last;
            ptf += hd_postings_block_max_tf(s->p) *
                   (double)pl->norm[s->field][hd_postings_block_min_norm(s->p)];
            continue;
        }
        /* a phrase: no more often than its rarest word's block max, in a doc no shorter than
         * the longest of the words' block minimums */
        uint32_t mt = UINT32_MAX;
        uint8_t mn = 0;
        uint32_t k;
        for (k = 0; k < s->ph->n; k++) {
            hd_postings *p = s->ph->p[k];
            if (hd_postings_shallow_seek(p, t) != HD_OK)
                break;
            uint32_t last = hd_postings_block_last_doc(p);
            if (last < upto)
                upto = last;
            if (hd_postings_block_max_tf(p) < mt)
                mt = hd_postings_block_max_tf(p);
            if (hd_postings_block_min_norm(p) > mn)
                mn = hd_postings_block_min_norm(p);
        }
        if (k == s->ph->n)
            ptf += mt * (double)pl->norm[s->field][mn];
    }
    *out_upto = upto;
    return sat(f, ptf);
}

static const hd_qit_vt fterm_vt = {fterm_next, fterm_seek, fterm_score, fterm_block_bound};

hd_qit *hd_qit_new_term(hd_qit_ctx *c, const hd_pnode *n)
{
    fterm_it *f = hd_arena_alloc(c->a, sizeof *f);
    if (!f) {
        hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory opening a term"));
        return NULL;
    }
    memset(f, 0, sizeof *f);
    f->base = (hd_qit){.vt = &fterm_vt, .c = c};
    f->idf = n->idf;
    f->k1 = c->plan->bm25.k1;
    double ptf_max = 0;
    for (uint32_t i = 0; i < n->n_fields; i++) {
        fsrc s = {.field = n->fields[i],
                  .lens = hd_seg_field_norms(c->seg, (hd_field)n->fields[i]),
                  .w = c->plan->norm[n->fields[i]]};
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
        return hd_qit_new_none(c);
    for (uint32_t i = 0; i < f->n; i++)
        if (f->s[i].ph) {
            f->s[i].ph->rest_ptf =
                ptf_max - f->s[i].max_tf * (double)c->plan->norm[f->s[i].field][f->s[i].min_norm];
            f->s[i].ph->lim_theta = -1; /* recompute the limit */
        }
    f->base.max_score = sat(f, ptf_max);
    fterm_min(f);
    return &f->base;
}

/* ---- prefix: a bitset of the docs holding any expansion ------------------------------------- */

typedef struct bits_it {
    hd_qit base;
    uint64_t *w;
    uint32_t n_words;
    double score;
} bits_it;

static void bits_seek(hd_qit *it, uint32_t t)
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

static void bits_next(hd_qit *it)
{
    if (it->doc != HD_DOC_END)
        bits_seek(it, it->doc + 1);
}

static double bits_score(hd_qit *it)
{
    return ((bits_it *)it)->score;
}

static const hd_qit_vt bits_vt = {bits_next, bits_seek, bits_score, NULL};

typedef struct expand {
    hd_qit_ctx *c;
    bits_it *b;
    hd_postings *p;
} expand;

static int on_expansion(void *ud, const char *term, size_t len, const hd_terminfo *ti)
{
    (void)term;
    (void)len;
    expand *e = ud;
    hd_qit_ctx *c = e->c;
    if (hd_postings_open(e->p, c->seg, ti, 0, c->err) != HD_OK) {
        hd_qit_fail(c, HD_ECORRUPT);
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

hd_qit *hd_qit_new_prefix(hd_qit_ctx *c, const hd_pnode *n)
{
    bits_it *b = hd_arena_alloc(c->a, sizeof *b);
    uint32_t nw = (c->max_doc + 63) / 64;
    uint64_t *w = hd_arena_alloc(c->a, (nw ? nw : 1) * sizeof *w);
    hd_postings *p = hd_arena_alloc(c->a, sizeof *p);
    if (!b || !w || !p) {
        hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory expanding a prefix"));
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
            hd_qit_fail(c, hd_err_set(c->err, HD_ELIMIT, "prefix '%s*' matches more than %d terms",
                                      n->words[0].term, HD_PREFIX_MAX_TERMS));
        } else if (rc)
            hd_qit_fail(c, rc);
    }
    if (c->rc)
        return NULL;
    bits_seek(&b->base, 0);
    return &b->base;
}
