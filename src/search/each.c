/* SPDX-License-Identifier: MIT
 *
 * each.c — hd_search_each (include/herald.h): every document a query matches, unranked, in
 * index order, handed to a callback with its stored fields.
 *
 * hd_search answers "the best k"; aggregations ("who is quoted on X, how often", a whole
 * timeline) need every match, past any result window. So no heap and no pruning here: the
 * query's iterator tree is walked to its end on each segment, and each live doc is fetched
 * and passed on. Memory stays constant whatever the number of matches.
 */
#include <string.h>

#include "base/mem.h"
#include "search/search.h"

/* Walk one segment; returns 1 when the callback asked to stop. */
static int each_segment(hd_qit_ctx *c, const hd_search_each_opts *o, hd_hit_fn fn, void *ud)
{
    if (c->plan->root->kind == HD_PK_NONE)
        return 0;
    hd_qit *s = hd_qit_build(c, c->plan->root);
    if (!s || c->rc)
        return 0;
    while (s->doc != HD_DOC_END && !c->rc) {
        uint32_t d = s->doc;
        if (!hd_seg_is_deleted(c->seg, d)) {
            hd_stored_doc sd;
            hd_rc rc = o->bodies ? hd_seg_doc(c->seg, d, &sd, c->err)
                                 : hd_seg_doc_meta(c->seg, d, &sd, c->err);
            if (rc) {
                hd_qit_fail(c, rc);
                return 0;
            }
            hd_hit hit = {.id = sd.id,
                          .score = o->scores ? s->vt->score(s) : 0,
                          .title = sd.title ? sd.title : "",
                          .date = sd.date ? sd.date : "",
                          .source = sd.source ? sd.source : "",
                          .url = sd.url ? sd.url : "",
                          .speakers = sd.speakers ? sd.speakers : "",
                          .body = o->bodies ? (sd.body ? sd.body : "") : NULL};
            if (fn(ud, &hit))
                return 1;
        }
        hd_qit_next(s);
    }
    return 0;
}

hd_rc hd_search_each(hd_index *ix, const char *query, const hd_search_each_opts *opts, hd_hit_fn fn,
                     void *ud, hd_err *err)
{
    if (!ix || !query || !fn)
        return hd_err_set(err, HD_EINVAL, "hd_search_each: %s is NULL",
                          !ix      ? "index"
                          : !query ? "query"
                                   : "callback");
    hd_search_each_opts o = {0};
    if (opts)
        o = *opts;
    const hd_ixr *r = hd_index_reader(ix);
    hd_analyzer *an = hd_index_analyzer(ix);
    hd_arena a;
    hd_arena_init(&a, 64 * 1024);
    hd_qnode *q;
    hd_plan *plan;
    hd_rc rc = hd_qparse(query, strlen(query), &a, &q, err);
    if (!rc)
        rc = hd_plan_build(q, r, an, &a, &plan, err);
    if (!rc && r) {
        size_t n_seg = hd_ixr_n_segments(r);
        int stop = 0;
        for (size_t i = 0; i < n_seg && !stop; i++) {
            /* a fresh arena mark per segment would be nicer; iterators are small, and a query
             * has few segments (the merge policy keeps them logarithmic) */
            hd_qit_ctx c = {.plan = plan,
                            .a = &a,
                            .err = err,
                            .theta = -1,
                            .root_theta = -1,
                            .seg = hd_ixr_segment(r, i),
                            .seg_idx = (uint32_t)i};
            c.max_doc = hd_seg_max_doc(c.seg);
            stop = each_segment(&c, &o, fn, ud);
            if (c.rc) {
                rc = c.rc;
                break;
            }
        }
    }
    hd_arena_done(&a);
    return rc;
}
