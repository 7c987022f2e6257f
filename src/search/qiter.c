/* SPDX-License-Identifier: MIT
 *
 * qiter.c — the iterator tree a query runs as, per segment: the common interface, the filters
 * (all docs, date ranges) and boolean nodes (leapfrog conjunction, disjunction, exclusion).
 * Term, phrase and prefix leaves are in qterm.c. Stage: search (input: an hd_plan node and a
 * segment; output: an hd_qit). Called by topk.c.
 *
 * Iterators stand on their current doc; next/seek move forward only; doc == HD_DOC_END when
 * exhausted. Errors (a corrupt postings list) are sticky in the hd_qit_ctx and end iteration.
 */
#include <string.h>

#include "base/mem.h"
#include "search/search.h"

void hd_qit_fail(hd_qit_ctx *c, hd_rc rc)
{
    if (!c->rc)
        c->rc = rc;
}

/* ---- empty ---------------------------------------------------------------------------------- */

static void none_next(hd_qit *s)
{
    s->doc = HD_DOC_END;
}
static void none_seek(hd_qit *s, uint32_t t)
{
    (void)t;
    s->doc = HD_DOC_END;
}
static double zero_score(hd_qit *s)
{
    (void)s;
    return 0;
}
static const hd_qit_vt none_vt = {none_next, none_seek, zero_score, NULL};

hd_qit *hd_qit_new_none(hd_qit_ctx *c)
{
    hd_qit *s = hd_arena_alloc(c->a, sizeof *s);
    if (!s)
        return NULL;
    *s = (hd_qit){.doc = HD_DOC_END, .vt = &none_vt, .c = c};
    return s;
}

/* ---- all docs / date range (filters, no score) ---------------------------------------------- */

typedef struct scan_it {
    hd_qit base;
    int32_t lo, hi; /* inclusive day range (unused with all) */
    int all;
} scan_it;

static int scan_ok(scan_it *s, uint32_t d)
{
    if (s->all)
        return 1;
    int32_t day = hd_seg_date(s->base.c->seg, d);
    return day != HD_NO_DATE && day >= s->lo && day <= s->hi;
}

static void scan_seek(hd_qit *it, uint32_t t)
{
    scan_it *s = (scan_it *)it;
    uint32_t d = t, n = it->c->max_doc;
    while (d < n && !scan_ok(s, d))
        d++;
    it->doc = d < n ? d : HD_DOC_END;
}

static void scan_next(hd_qit *it)
{
    if (it->doc == HD_DOC_END)
        return;
    scan_seek(it, it->doc + 1);
}
static const hd_qit_vt scan_vt = {scan_next, scan_seek, zero_score, NULL};

static hd_qit *new_scan(hd_qit_ctx *c, int all, int32_t lo, int32_t hi)
{
    scan_it *s = hd_arena_alloc(c->a, sizeof *s);
    if (!s)
        return NULL;
    *s = (scan_it){
        .base = {.vt = &scan_vt, .c = c, .cost = c->max_doc}, .lo = lo, .hi = hi, .all = all};
    scan_seek(&s->base, 0);
    return &s->base;
}

/* ---- boolean ------------------------------------------------------------------------------- */

typedef struct bool_it {
    hd_qit base;
    hd_qit **req; /* must and filter, cheapest first: the conjunction */
    uint32_t n_req;
    hd_qit **must; /* the scoring part of req */
    uint32_t n_must;
    hd_qit **should;
    uint32_t n_should;
    hd_qit **excl;
    uint32_t n_excl;
    uint32_t min_should;
} bool_it;

/* First doc >= t on which every iterator of v sits (leapfrog), or HD_DOC_END. */
uint32_t hd_qit_conj_align(hd_qit **v, uint32_t n, uint32_t t)
{
    uint32_t d = t;
    for (uint32_t i = 0; i < n;) {
        hd_qit_seek(v[i], d);
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

int hd_qit_excluded(hd_qit **v, uint32_t n, uint32_t d)
{
    for (uint32_t i = 0; i < n; i++) {
        hd_qit_seek(v[i], d);
        if (v[i]->doc == d)
            return 1;
    }
    return 0;
}

static int is_must(const bool_it *b, const hd_qit *q)
{
    for (uint32_t i = 0; i < b->n_must; i++)
        if (b->must[i] == q)
            return 1;
    return 0;
}

/* The conjunction of the root node under a top-k threshold: a candidate of the cheapest
 * clause whose own score plus every other clause's maximum cannot beat the threshold is
 * passed over before the other lists move. */
static uint32_t conj_pruned(bool_it *b, uint32_t t)
{
    hd_qit_ctx *c = b->base.c;
    hd_qit *lead = b->req[0];
    int scoring = is_must(b, lead);
    double rest = b->base.max_score - (scoring ? lead->max_score : 0);
    for (;;) {
        hd_qit_seek(lead, t);
        uint32_t d = lead->doc;
        if (d == HD_DOC_END || c->rc)
            return HD_DOC_END;
        double theta = c->root_theta;
        if (theta >= 0 && (scoring ? lead->vt->score(lead) : 0) + rest <= theta) {
            c->skipped = 1;
            t = d + 1;
            continue;
        }
        uint32_t d2 = hd_qit_conj_align(b->req, b->n_req, d);
        if (d2 == d || d2 == HD_DOC_END)
            return d2;
        t = d2;
    }
}

static void bool_align(bool_it *b, uint32_t t)
{
    hd_qit *it = &b->base;
    while (!it->c->rc) {
        uint32_t d;
        if (b->n_req > 1 && it->c->root == it && it->c->root_theta >= 0) {
            d = conj_pruned(b, t);
        } else if (b->n_req) {
            d = hd_qit_conj_align(b->req, b->n_req, t);
        } else {
            d = HD_DOC_END;
            for (uint32_t i = 0; i < b->n_should; i++) {
                hd_qit_seek(b->should[i], t);
                if (b->should[i]->doc < d)
                    d = b->should[i]->doc;
            }
        }
        if (d == HD_DOC_END)
            break;
        if (hd_qit_excluded(b->excl, b->n_excl, d)) {
            t = d + 1;
            continue;
        }
        if (b->n_req && b->min_should) {
            uint32_t i;
            for (i = 0; i < b->n_should; i++) {
                hd_qit_seek(b->should[i], d);
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

static void bool_next(hd_qit *it)
{
    if (it->doc != HD_DOC_END)
        bool_align((bool_it *)it, it->doc + 1);
}

static void bool_seek(hd_qit *it, uint32_t t)
{
    bool_align((bool_it *)it, t);
}

static double bool_score(hd_qit *it)
{
    bool_it *b = (bool_it *)it;
    double s = 0;
    for (uint32_t i = 0; i < b->n_must; i++)
        s += b->must[i]->vt->score(b->must[i]);
    for (uint32_t i = 0; i < b->n_should; i++) {
        hd_qit_seek(b->should[i], it->doc);
        if (b->should[i]->doc == it->doc)
            s += b->should[i]->vt->score(b->should[i]);
    }
    return s;
}

/* Each clause scores at most its block bound (or its max): their sum bounds the node. */
static double bool_block_bound(hd_qit *it, uint32_t t, uint32_t *out_upto)
{
    bool_it *b = (bool_it *)it;
    double sum = 0;
    uint32_t upto = HD_DOC_END;
    for (uint32_t k = 0; k < 2; k++) {
        hd_qit **v = k ? b->should : b->must;
        uint32_t n = k ? b->n_should : b->n_must;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t u;
            if (!v[i]->vt->block_bound) {
                sum += v[i]->max_score;
                continue;
            }
            sum += v[i]->vt->block_bound(v[i], t, &u);
            if (u < upto)
                upto = u;
        }
    }
    *out_upto = upto;
    return sum;
}

static const hd_qit_vt bool_vt = {bool_next, bool_seek, bool_score, bool_block_bound};

hd_qit **hd_qit_build_list(hd_qit_ctx *c, hd_pnode **v, uint32_t n)
{
    hd_qit **out = hd_arena_alloc(c->a, (n ? n : 1) * sizeof *out);
    if (!out) {
        hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++)
        if (!(out[i] = hd_qit_build(c, v[i])))
            return NULL;
    return out;
}

void hd_qit_sort_by_cost(hd_qit **v, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t k = i; k > 0 && v[k]->cost < v[k - 1]->cost; k--) {
            hd_qit *t = v[k];
            v[k] = v[k - 1];
            v[k - 1] = t;
        }
}

static hd_qit *new_bool(hd_qit_ctx *c, const hd_pnode *n)
{
    bool_it *b = hd_arena_alloc(c->a, sizeof *b);
    if (!b) {
        hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
        return NULL;
    }
    memset(b, 0, sizeof *b);
    b->base = (hd_qit){.vt = &bool_vt, .c = c};
    b->n_must = n->n_must;
    b->n_should = n->n_should;
    b->n_excl = n->n_must_not;
    b->n_req = n->n_must + n->n_filter;
    b->min_should = n->min_should;
    hd_qit **filter;
    if (!(b->must = hd_qit_build_list(c, n->must, n->n_must)) ||
        !(filter = hd_qit_build_list(c, n->filter, n->n_filter)) ||
        !(b->should = hd_qit_build_list(c, n->should, n->n_should)) ||
        !(b->excl = hd_qit_build_list(c, n->must_not, n->n_must_not)) ||
        !(b->req = hd_arena_alloc(c->a, (b->n_req ? b->n_req : 1) * sizeof *b->req)))
        return NULL;
    memcpy(b->req, b->must, n->n_must * sizeof *b->req);
    memcpy(b->req + n->n_must, filter, n->n_filter * sizeof *b->req);
    hd_qit_sort_by_cost(b->req, b->n_req);
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

hd_qit *hd_qit_build(hd_qit_ctx *c, const hd_pnode *n)
{
    hd_qit *s = NULL;
    switch (n->kind) {
    case HD_PK_NONE:
        s = hd_qit_new_none(c);
        break;
    case HD_PK_ALL:
        s = new_scan(c, 1, 0, 0);
        break;
    case HD_PK_DATE:
        s = new_scan(c, 0, n->day_lo, n->day_hi);
        break;
    case HD_PK_TERM:
    case HD_PK_PHRASE:
        return hd_qit_new_term(c, n);
    case HD_PK_PREFIX:
        return hd_qit_new_prefix(c, n);
    case HD_PK_BOOL:
        return new_bool(c, n);
    }
    if (!s)
        hd_qit_fail(c, hd_err_set(c->err, HD_ENOMEM, "out of memory building the query"));
    return s;
}
