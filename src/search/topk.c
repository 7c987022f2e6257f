/* SPDX-License-Identifier: MIT
 *
 * topk.c — query plan -> the k best documents. Stage: search (input: an hd_plan and an index
 * snapshot; output: hd_topk_hit[] with the hit count). Called by search.c.
 *
 * Each segment gets an iterator tree built from the plan (qiter.c, qterm.c).
 *
 * A disjunction at the root runs under MaxScore (Turtle & Flood): clauses sorted by their
 * score upper bound; those whose bounds together cannot beat the current k-th score are
 * "non-essential", never drive the iteration and are only probed for docs an essential clause
 * found, while the partial score can still make it. Upper bounds use each term's max tf and
 * min field length; a probe that cannot help is skipped using the block's own max tf and min
 * length (block-max). The hit count is exact unless a clause ever became non-essential.
 */
#include <string.h>

#include "search/search.h"

/* ---- the top-k heap ------------------------------------------------------------------------ */

typedef struct heap {
    hd_topk_hit *v;
    size_t n, k;
    int by_date;
    uint64_t total;
    int exact;
    uint64_t exact_hits; /* count exactly (no pruning) until this many hits */
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

/* The score pruning may rely on: none (-1) until exact_hits docs were counted, so small
 * result sets get exact totals; never when sorting by date. */
static double prune_theta(const heap *h)
{
    if (h->by_date || h->total < h->exact_hits)
        return -1;
    return threshold(h);
}

static void collect(hd_qit_ctx *c, heap *h, uint32_t doc, double score)
{
    hd_topk_hit hit = {.score = score, .seg = c->seg_idx, .doc = doc, .day = HD_NO_DATE};
    if (h->by_date)
        hit.day = hd_seg_date(c->seg, doc);
    h->total++;
    heap_push(h, hit);
}

/* ---- evaluation ---------------------------------------------------------------------------- */

/* Any iterator tree: score every match. Stops early once nothing can beat the threshold. */
static void run_generic(hd_qit_ctx *c, heap *h, hd_qit *s)
{
    uint32_t win_end = 0; /* docs up to win_end passed the block-max test at win_theta */
    double win_theta = -1;
    c->root = s; /* a boolean root may skip hopeless candidates itself (qiter.c) */
    while (s->doc != HD_DOC_END && !c->rc) {
        double theta = prune_theta(h);
        c->root_theta = theta >= 0 ? theta * (1 - 1e-9) : -1; /* rounding margin */
        if (s->max_score <= theta) {
            h->exact = 0;
            return;
        }
        uint32_t d = s->doc;
        if (theta >= 0 && s->vt->block_bound && (d > win_end || theta > win_theta)) {
            /* block-max: skip blocks where the clauses together cannot beat theta */
            uint32_t upto;
            double bb = s->vt->block_bound(s, d, &upto);
            if (bb * (1 + 1e-9) <= theta) {
                h->exact = 0;
                if (upto == HD_DOC_END)
                    return;
                hd_qit_seek(s, upto + 1);
                continue;
            }
            win_end = upto;
            win_theta = theta;
        }
        if (!hd_seg_is_deleted(c->seg, d)) {
            collect(c, h, d, s->vt->score(s));
            theta = prune_theta(h);
            c->root_theta = theta >= 0 ? theta * (1 - 1e-9) : -1; /* rounding margin */
        }
        hd_qit_next(s);
    }
}

/* MaxScore state over the clauses s[0..n) of a disjunction, sorted by upper bound. */
typedef struct maxscore {
    hd_qit **s;
    uint32_t n;
    uint32_t ne;      /* s[0..ne) are non-essential: together they cannot beat theta */
    double ub[64];    /* ub[i] = bound of s[0..i] together */
    double theta;     /* the score to beat, -1 while not pruning */
    uint32_t win_end; /* docs up to win_end passed the block-max test */
    int win_ok;
} maxscore;

static void ms_init(maxscore *m, hd_qit **s, uint32_t n, const heap *h)
{
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t k = i; k > 0 && s[k]->max_score < s[k - 1]->max_score; k--) {
            hd_qit *t = s[k];
            s[k] = s[k - 1];
            s[k - 1] = t;
        }
    double acc = 0;
    for (uint32_t i = 0; i < n; i++)
        m->ub[i] = (acc += s[i]->max_score) * (1 + 1e-9); /* rounding margin */
    m->s = s;
    m->n = n;
    m->ne = 0;
    m->theta = prune_theta(h);
    m->win_ok = 0;
    m->win_end = 0;
    while (m->ne < n && m->ub[m->ne] <= m->theta)
        m->ne++;
}

/* Block-max over the essential lists at candidate d: when their blocks under d and every
 * non-essential list together cannot beat theta, move past the first of those blocks.
 * Returns 0 (evaluate d), 1 (moved on) or -1 (nothing left). */
static int ms_window(maxscore *m, heap *h, uint32_t d)
{
    if (m->theta < 0 || (m->win_ok && d <= m->win_end))
        return 0;
    double bsum = m->ne ? m->ub[m->ne - 1] : 0;
    uint32_t upto = HD_DOC_END;
    for (uint32_t i = m->ne; i < m->n; i++) {
        uint32_t u;
        if (!m->s[i]->vt->block_bound) {
            m->win_ok = 0;
            return 0;
        }
        bsum += m->s[i]->vt->block_bound(m->s[i], d, &u);
        if (u < upto)
            upto = u;
    }
    if (bsum * (1 + 1e-9) <= m->theta) {
        h->exact = 0;
        if (upto == HD_DOC_END)
            return -1;
        for (uint32_t i = m->ne; i < m->n; i++)
            hd_qit_seek(m->s[i], upto + 1);
        return 1;
    }
    m->win_ok = 1;
    m->win_end = upto;
    return 0;
}

/* Score of candidate d: the essential lists on it, then the non-essential ones from the
 * highest bound down, as long as the doc can still beat theta. */
static double ms_score(const maxscore *m, uint32_t d)
{
    hd_qit **s = m->s;
    double score = 0;
    for (uint32_t i = m->ne; i < m->n; i++)
        if (s[i]->doc == d)
            score += s[i]->vt->score(s[i]);
    for (uint32_t j = m->ne; j-- > 0;) {
        if (score + m->ub[j] <= m->theta)
            break;
        if (s[j]->vt->block_bound && s[j]->doc < d) {
            /* block-max: skip the probe when even the block's best cannot help */
            uint32_t upto;
            double bb = s[j]->vt->block_bound(s[j], d, &upto);
            if (score + bb + (j ? m->ub[j - 1] : 0) <= m->theta)
                continue;
        }
        hd_qit_seek(s[j], d);
        if (s[j]->doc == d)
            score += s[j]->vt->score(s[j]);
    }
    return score;
}

/* A full heap and a doc whose matching lists' bounds (plus every non-essential list) cannot
 * beat its worst entry: the doc is a hit but need not be scored. Holds while counting exactly
 * too, so small result sets are cheaper without losing their exact count. */
static int cannot_enter(const maxscore *m, const heap *h, uint32_t d)
{
    if (h->n < h->k || h->by_date)
        return 0;
    double ub = m->ne ? m->ub[m->ne - 1] : 0;
    for (uint32_t i = m->ne; i < m->n; i++)
        if (m->s[i]->doc == d)
            ub += m->s[i]->max_score;
    return ub * (1 + 1e-9) <= h->v[0].score;
}

/* A disjunction (with optional filters and exclusions) under MaxScore. one_leaf: s[0] alone
 * is the whole score, so it may skip docs by the threshold itself (c->theta). */
static void run_maxscore(hd_qit_ctx *c, heap *h, hd_qit **s, uint32_t n, hd_qit **req,
                         uint32_t n_req, hd_qit **excl, uint32_t n_excl, int one_leaf)
{
    maxscore m;
    ms_init(&m, s, n, h);
    if (m.ne)
        h->exact = 0;
    c->theta = one_leaf ? m.theta : -1;
    while (m.ne < n && !c->rc) {
        uint32_t d = HD_DOC_END;
        for (uint32_t i = m.ne; i < n; i++)
            if (s[i]->doc < d)
                d = s[i]->doc;
        if (d == HD_DOC_END)
            break;
        if (n_req) {
            /* the filters know the next doc they accept: skip the essentials there */
            uint32_t fd = hd_qit_conj_align(req, n_req, d);
            if (fd == HD_DOC_END)
                break;
            if (fd > d) {
                for (uint32_t i = m.ne; i < n; i++)
                    hd_qit_seek(s[i], fd);
                continue;
            }
        }
        int w = ms_window(&m, h, d);
        if (w < 0)
            break;
        if (w > 0)
            continue;
        if (hd_seg_is_deleted(c->seg, d) || hd_qit_excluded(excl, n_excl, d)) {
            /* not a hit */
        } else if (cannot_enter(&m, h, d)) {
            h->total++; /* a hit, counted but not scored */
        } else {
            double score = ms_score(&m, d);
            if (c->rc)
                break;
            collect(c, h, d, score);
        }
        if (prune_theta(h) > m.theta) {
            m.theta = prune_theta(h);
            m.win_ok = 0;
            if (one_leaf)
                c->theta = m.theta;
            while (m.ne < n && m.ub[m.ne] <= m.theta) {
                m.ne++;
                h->exact = 0;
            }
        }
        for (uint32_t i = m.ne; i < n; i++)
            if (s[i]->doc == d)
                hd_qit_next(s[i]);
    }
}

static void run_segment(hd_qit_ctx *c, heap *h)
{
    const hd_pnode *root = c->plan->root;
    if (root->kind == HD_PK_NONE)
        return;
    int disj =
        root->kind == HD_PK_TERM || root->kind == HD_PK_PHRASE || root->kind == HD_PK_PREFIX ||
        (root->kind == HD_PK_BOOL && root->n_must == 0 && root->min_should && root->n_should <= 64);
    if (!disj) {
        hd_qit *s = hd_qit_build(c, root);
        if (s && !c->rc)
            run_generic(c, h, s);
        return;
    }
    hd_qit **s, **req = NULL, **excl = NULL;
    uint32_t n, n_req = 0, n_excl = 0;
    if (root->kind != HD_PK_BOOL) {
        s = hd_arena_alloc(c->a, sizeof *s);
        if (!s) {
            hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
            return;
        }
        n = 1;
        if (!(s[0] = hd_qit_build(c, root)))
            return;
    } else {
        n = root->n_should;
        n_req = root->n_filter;
        n_excl = root->n_must_not;
        if (!(s = hd_qit_build_list(c, root->should, n)) ||
            !(req = hd_qit_build_list(c, root->filter, n_req)) ||
            !(excl = hd_qit_build_list(c, root->must_not, n_excl)))
            return;
        hd_qit_sort_by_cost(req, n_req);
    }
    /* Only a lone term or phrase scorer may skip docs by the threshold on its own: its score
     * is then the doc's whole score. */
    const hd_pnode *only = root->kind != HD_PK_BOOL ? root : n == 1 ? root->should[0] : NULL;
    int one_leaf = only && (only->kind == HD_PK_TERM || only->kind == HD_PK_PHRASE);
    run_maxscore(c, h, s, n, req, n_req, excl, n_excl, one_leaf);
}

hd_rc hd_topk_run(const hd_plan *plan, const hd_ixr *r, size_t k, int by_date, hd_arena *a,
                  hd_topk_result *out, hd_err *err)
{
    memset(out, 0, sizeof *out);
    out->exact = 1;
    if (!r || k == 0)
        return HD_OK;
    heap h = {.k = k, .by_date = by_date, .exact = 1, .exact_hits = plan->exact_hits};
    h.v = hd_arena_alloc(a, k * sizeof *h.v);
    if (!h.v)
        return hd_err_set(err, HD_ENOMEM, "out of memory for %zu results", k);
    hd_qit_ctx c = {.plan = plan, .a = a, .err = err, .theta = -1, .root_theta = -1};
    size_t n_seg = hd_ixr_n_segments(r);
    for (size_t i = 0; i < n_seg && !c.rc; i++) {
        c.seg = hd_ixr_segment(r, i);
        c.seg_idx = (uint32_t)i;
        c.max_doc = hd_seg_max_doc(c.seg);
        run_segment(&c, &h);
    }
    if (c.rc)
        return c.rc;
    if (c.skipped)
        h.exact = 0;
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
