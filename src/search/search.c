/* SPDX-License-Identifier: MIT
 *
 * search.c — the public search API (include/herald.h "Search"): query text -> hd_results.
 * Stage: search (input: an hd_index handle and a query; output: rows with stored fields and
 * snippets). Runs qparse.c, qtree.c and topk.c in one per-query arena, then fetches the rows'
 * stored fields and cuts their snippets with snippet.c. Called by the CLI and the server.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/mem.h"
#include "search/search.h"

struct hd_results {
    hd_arena arena; /* everything the query and its rows use */
    hd_hit *rows;
    size_t n_rows, next;
    uint64_t total;
    int exact;
    double took_ms;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- snippets ------------------------------------------------------------------------------ */

typedef struct snip_ctx {
    const hd_plan *plan;
    hd_snip_tok *toks;
    size_t n, cap;
    uint8_t *keep;
    size_t keep_cap;
    int oom;
} snip_ctx;

static int32_t match_term(const hd_plan *p, const char *t, size_t len)
{
    for (uint32_t i = 0; i < p->n_snip_terms; i++) {
        const hd_snip_term *s = &p->snip_terms[i];
        if (s->prefix ? (len >= s->len && !memcmp(t, s->term, s->len))
                      : (len == s->len && !memcmp(t, s->term, len)))
            return (int32_t)i;
    }
    return -1;
}

static int on_body_token(void *ud, const hd_token *t)
{
    snip_ctx *s = ud;
    if (s->n == s->cap && HD_GROW(s->toks, s->cap, s->n + 1)) {
        s->oom = 1;
        return 1;
    }
    s->toks[s->n++] = (hd_snip_tok){.start = (uint32_t)t->start,
                                    .end = (uint32_t)t->end,
                                    .term = match_term(s->plan, t->term, t->term_len),
                                    .pos = t->pos,
                                    .part = t->part};
    return 0;
}

/* The token at position pos with snippet term id, searching forward from t[i] (tokens are in
 * position order; a compound and its first part share one). Returns its index or n. */
static size_t find_at(const hd_snip_tok *t, size_t n, size_t i, uint32_t pos, int32_t id)
{
    for (; i < n && t[i].pos <= pos; i++)
        if (t[i].pos == pos && t[i].term == id)
            return i;
    return n;
}

/* Words that the query has only inside phrases count only where a whole phrase occurs:
 * "of" in "Bank of Japan" is not marked on its own. Phrases match on positions, as in the
 * index, so "inflammatory drugs" matches the parts of "anti-inflammatory drugs". keep[] has
 * room for n flags. */
static void mark_phrases(const hd_plan *p, hd_snip_tok *t, size_t n, uint8_t *keep)
{
    int any = 0;
    for (uint32_t i = 0; i < p->n_snip_terms && !any; i++)
        any = p->snip_terms[i].phrase_only;
    if (!any)
        return;
    memset(keep, 0, n);
    for (uint32_t k = 0; k < p->n_snip_phrases; k++) {
        const hd_snip_phrase *ph = &p->snip_phrases[k];
        for (size_t i = 0; i < n; i++) {
            if (t[i].term != ph->ids[0])
                continue;
            size_t at[64], j = 1, m = ph->n < 64 ? ph->n : 64;
            at[0] = i;
            for (; j < m; j++) {
                at[j] = find_at(t, n, at[j - 1], t[i].pos + ph->rel[j], ph->ids[j]);
                if (at[j] == n)
                    break;
            }
            if (j == m)
                for (j = 0; j < m; j++)
                    keep[at[j]] = 1;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (t[i].term >= 0 && p->snip_terms[t[i].term].phrase_only && !keep[i])
            t[i].term = -1;
}

/* Fold the parts of each compound into it: the word as written is marked once, for itself or
 * for the first of its parts that matched. Returns the new token count. */
static size_t fold_parts(hd_snip_tok *t, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i].part && m > 0 && t[i].start >= t[m - 1].start && t[i].end <= t[m - 1].end) {
            if (t[m - 1].term < 0)
                t[m - 1].term = t[i].term;
            continue;
        }
        t[m++] = t[i];
    }
    return m;
}

/* Snippet of one body into the results arena; "" when the body has no words. */
static hd_rc make_snippet(hd_results *res, const hd_plan *plan, hd_analyzer *an,
                          const hd_search_opts *o, const char *body, size_t len, snip_ctx *sc,
                          hd_buf *buf, const char **out, hd_err *err)
{
    /* Look for the passage in the first HD_SNIPPET_MAX_SCAN bytes only (cut at a character
     * boundary), so a huge body costs no more than a long article. */
    if (len > HD_SNIPPET_MAX_SCAN) {
        len = HD_SNIPPET_MAX_SCAN;
        while (len > 0 && ((unsigned char)body[len] & 0xC0) == 0x80)
            len--;
    }
    sc->n = 0;
    hd_rc rc = hd_analyze(an, body, len, 0, on_body_token, sc, NULL, err);
    if (rc)
        return rc;
    if (sc->oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory making a snippet");
    if (sc->n && HD_GROW(sc->keep, sc->keep_cap, sc->n))
        return hd_err_set(err, HD_ENOMEM, "out of memory making a snippet");
    mark_phrases(plan, sc->toks, sc->n, sc->keep);
    sc->n = fold_parts(sc->toks, sc->n);
    double weights[HD_SNIPPET_MAX_TERMS];
    for (uint32_t i = 0; i < plan->n_snip_terms; i++)
        weights[i] = plan->snip_terms[i].weight > 0 ? plan->snip_terms[i].weight : 0.01;
    hd_snippet_opts so = {.max_words = o->snippet_words,
                          .open = o->hl_open,
                          .close = o->hl_close,
                          .escape_html = !o->hl_raw};
    hd_buf_clear(buf);
    hd_snippet(body, len, sc->toks, sc->n, weights, plan->n_snip_terms, &so, buf);
    if ((rc = hd_buf_status(buf, err)))
        return rc;
    *out = hd_arena_strndup(&res->arena, buf->p ? buf->p : "", buf->len);
    return *out ? HD_OK : hd_err_set(err, HD_ENOMEM, "out of memory making a snippet");
}

/* ---- rows ---------------------------------------------------------------------------------- */

static const char *dup_or_empty(hd_arena *a, const char *s)
{
    return hd_arena_strdup(a, s ? s : "");
}

typedef struct fetch_key {
    uint32_t seg, doc, row;
} fetch_key;

static int by_location(const void *a, const void *b)
{
    const fetch_key *x = a, *y = b;
    if (x->seg != y->seg)
        return x->seg < y->seg ? -1 : 1;
    return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static hd_rc fetch_rows(hd_results *res, const hd_plan *plan, const hd_ixr *r, hd_analyzer *an,
                        const hd_topk_result *tk, const hd_search_opts *o, hd_err *err)
{
    size_t first = o->offset < tk->n_hits ? o->offset : tk->n_hits;
    size_t n = tk->n_hits - first;
    if (!n)
        return HD_OK;
    res->rows = hd_arena_alloc(&res->arena, n * sizeof *res->rows);
    if (!res->rows)
        return hd_err_set(err, HD_ENOMEM, "out of memory for results");
    /* Fetch in (segment, doc) order: neighbours share a decompressed store block. */
    fetch_key *order = hd_arena_alloc(&res->arena, n * sizeof *order);
    if (!order)
        return hd_err_set(err, HD_ENOMEM, "out of memory for results");
    for (size_t i = 0; i < n; i++)
        order[i] = (fetch_key){
            .seg = tk->hits[first + i].seg, .doc = tk->hits[first + i].doc, .row = (uint32_t)i};
    qsort(order, n, sizeof *order, by_location);
    snip_ctx sc = {.plan = plan};
    hd_buf buf;
    hd_buf_init(&buf);
    hd_rc rc = HD_OK;
    for (size_t j = 0; j < n && !rc; j++) {
        size_t i = order[j].row;
        const hd_topk_hit *h = &tk->hits[first + i];
        const hd_seg *seg = hd_ixr_segment(r, h->seg);
        hd_stored_doc d;
        /* Without snippets, bodies and speakers only the short fields are needed: no body
         * decompression. */
        unsigned fields =
            (o->snippets || o->bodies ? HD_SF_BODY : 0) | (o->no_speakers ? 0 : HD_SF_SPEAKERS);
        rc = hd_seg_doc_fields(seg, h->doc, fields, &d, err);
        if (rc)
            break;
        hd_hit *row = &res->rows[i];
        memset(row, 0, sizeof *row);
        row->score = h->score;
        row->id = dup_or_empty(&res->arena, d.id);
        row->title = dup_or_empty(&res->arena, d.title);
        row->date = dup_or_empty(&res->arena, d.date);
        row->source = dup_or_empty(&res->arena, d.source);
        row->url = dup_or_empty(&res->arena, d.url);
        row->speakers = dup_or_empty(&res->arena, d.speakers);
        row->body =
            o->bodies ? hd_arena_strndup(&res->arena, d.body ? d.body : "", d.body ? d.body_len : 0)
                      : NULL;
        if (!row->id || !row->title || !row->date || !row->source || !row->url || !row->speakers ||
            (o->bodies && !row->body)) {
            rc = hd_err_set(err, HD_ENOMEM, "out of memory for results");
            break;
        }
        if (o->snippets)
            rc = make_snippet(res, plan, an, o, d.body ? d.body : "", d.body ? d.body_len : 0, &sc,
                              &buf, &row->snippet, err);
    }
    if (!rc)
        res->n_rows = n;
    hd_buf_done(&buf);
    hd_free(sc.toks);
    hd_free(sc.keep);
    return rc;
}

/* ---- API ----------------------------------------------------------------------------------- */

hd_rc hd_search(hd_index *ix, const char *query, const hd_search_opts *opts, hd_results **out,
                hd_err *err)
{
    double t0 = now_ms();
    if (!out)
        return hd_err_set(err, HD_EINVAL, "hd_search: out is NULL");
    *out = NULL;
    if (!ix || !query)
        return hd_err_set(err, HD_EINVAL, "hd_search: %s is NULL", ix ? "query" : "index");
    hd_search_opts o = {0};
    if (opts)
        o = *opts;
    if (!o.limit)
        o.limit = 10;
    if (o.limit > HD_SEARCH_MAX_WINDOW || o.offset > HD_SEARCH_MAX_WINDOW - o.limit)
        return hd_err_set(err, HD_ELIMIT, "result window offset %zu + limit %zu is over %d",
                          o.offset, o.limit, HD_SEARCH_MAX_WINDOW);
    if (o.sort != HD_SORT_SCORE && o.sort != HD_SORT_DATE)
        return hd_err_set(err, HD_EINVAL, "hd_search: unknown sort %d", (int)o.sort);

    hd_results *res = hd_calloc(1, sizeof *res);
    if (!res)
        return hd_err_set(err, HD_ENOMEM, "out of memory for results");
    hd_arena_init(&res->arena, 64 * 1024);
    res->exact = 1;
    const hd_ixr *r = hd_index_reader(ix);
    hd_analyzer *an = hd_index_analyzer(ix);
    hd_qnode *q;
    hd_plan *plan;
    hd_topk_result tk;
    hd_rc rc = hd_qparse(query, strlen(query), &res->arena, &q, err);
    if (!rc)
        rc = hd_plan_build(q, r, an, &res->arena, &plan, err);
    if (!rc)
        rc =
            hd_topk_run(plan, r, o.offset + o.limit, o.sort == HD_SORT_DATE, &res->arena, &tk, err);
    if (!rc) {
        res->total = tk.total;
        res->exact = tk.exact;
        rc = fetch_rows(res, plan, r, an, &tk, &o, err);
    }
    if (rc) {
        hd_results_free(res);
        return rc;
    }
    res->took_ms = now_ms() - t0;
    *out = res;
    return HD_OK;
}

hd_rc hd_results_next(hd_results *r, const hd_hit **out)
{
    if (!r || r->next >= r->n_rows) {
        if (out)
            *out = NULL;
        return HD_DONE;
    }
    *out = &r->rows[r->next++];
    return HD_OK;
}

size_t hd_results_count(const hd_results *r)
{
    return r ? r->n_rows : 0;
}

uint64_t hd_results_total(const hd_results *r, int *out_exact)
{
    if (out_exact)
        *out_exact = r ? r->exact : 1;
    return r ? r->total : 0;
}

double hd_results_took_ms(const hd_results *r)
{
    return r ? r->took_ms : 0;
}

void hd_results_free(hd_results *r)
{
    if (!r)
        return;
    hd_arena_done(&r->arena);
    hd_free(r);
}
