/* SPDX-License-Identifier: MIT
 *
 * qtree.c — syntax tree -> query plan. Stage: search (input: the hd_qnode tree from qparse.c,
 * an index snapshot and its analyzer; output: an hd_plan of analysed terms with idf, field
 * sets and BM25F tables). Called by search.c once per query; topk.c builds iterators from it
 * for each segment.
 *
 * Words go through the index's own analyzer, so "Talks" finds "talk". A word that analyses to
 * several terms ("U.S.") becomes a phrase. A hyphenated word is looked up as written: the
 * analyzer also gives its parts (indexed so that "inflammatory" finds "anti-inflammatory"), but
 * the query keeps only the compound, which already names the documents that have the word and
 * would otherwise be scored twice; the parts only hold its place, so in "anti-inflammatory
 * drugs" the word drugs is two positions after the compound, as in the index. Clauses on
 * date:, source: and speaker: next to ordinary words become required filters that do not score.
 * An optional stop word ("what", "is", "the") is left out of a query that searches for other
 * words (stopwords.c says which and why); the index keeps them for phrases.
 */
#include <string.h>

#include "base/mem.h"
#include "search/search.h"

#define MAX_PHRASE_WORDS 64

typedef struct builder {
    const hd_ixr *r;
    hd_analyzer *an;
    hd_arena *a;
    hd_err *err;
    hd_plan *plan;
    uint32_t snip_cap, phrase_cap;
    uint32_t negated;     /* inside a MUST_NOT clause: its words are not highlighted */
    uint32_t fields_used; /* bit per hd_field searched */
} builder;

/* Tokens of one analysed leaf. */
typedef struct collect {
    hd_arena *a;
    hd_pword *w;
    uint32_t n, cap;
    int oom, too_many;
    size_t compound_end; /* end of the last compound kept: its parts are skipped */
} collect;

static int on_token(void *ud, const hd_token *t)
{
    collect *c = ud;
    if (t->part && t->end <= c->compound_end)
        return 0;
    if (t->compound)
        c->compound_end = t->end;
    if (c->n == MAX_PHRASE_WORDS) {
        c->too_many = 1;
        return 1;
    }
    if (c->n == c->cap) {
        uint32_t cap = c->cap ? c->cap * 2 : 4;
        hd_pword *w = hd_arena_alloc(c->a, cap * sizeof *w);
        if (!w) {
            c->oom = 1;
            return 1;
        }
        if (c->n)
            memcpy(w, c->w, c->n * sizeof *w);
        c->w = w;
        c->cap = cap;
    }
    char *term = hd_arena_strndup(c->a, t->term, t->term_len);
    if (!term) {
        c->oom = 1;
        return 1;
    }
    c->w[c->n++] =
        (hd_pword){.term = term, .len = (uint32_t)t->term_len, .rel = t->pos, .snip_id = -1};
    return 0;
}

static hd_pnode *new_pnode(builder *b, hd_pkind kind)
{
    hd_pnode *n = hd_arena_alloc(b->a, sizeof *n);
    if (n) {
        memset(n, 0, sizeof *n);
        n->kind = kind;
    }
    return n;
}

static hd_rc oom(builder *b)
{
    return hd_err_set(b->err, HD_ENOMEM, "out of memory planning the query");
}

static void set_fields(hd_pnode *n, hd_qfield f)
{
    switch (f) {
    case HD_QF_TITLE:
        n->fields[n->n_fields++] = HD_FIELD_TITLE;
        break;
    case HD_QF_BODY:
        n->fields[n->n_fields++] = HD_FIELD_BODY;
        break;
    case HD_QF_SOURCE:
        n->fields[n->n_fields++] = HD_FIELD_SOURCE;
        break;
    case HD_QF_SPEAKER:
        n->fields[n->n_fields++] = HD_FIELD_SPEAKER;
        break;
    default:
        n->fields[n->n_fields++] = HD_FIELD_TITLE;
        n->fields[n->n_fields++] = HD_FIELD_BODY;
        break;
    }
}

static int has_field(const hd_pnode *n, uint8_t f)
{
    for (uint32_t i = 0; i < n->n_fields; i++)
        if (n->fields[i] == f)
            return 1;
    return 0;
}

/* Register a word for snippets (body matches only); dedupes by term. */
static hd_rc add_snip(builder *b, hd_pword *w, int prefix, int in_phrase, double weight)
{
    hd_plan *p = b->plan;
    if (b->negated)
        return HD_OK;
    for (uint32_t i = 0; i < p->n_snip_terms; i++)
        if (p->snip_terms[i].len == w->len && p->snip_terms[i].prefix == prefix &&
            !memcmp(p->snip_terms[i].term, w->term, w->len)) {
            if (weight > p->snip_terms[i].weight)
                p->snip_terms[i].weight = weight;
            if (!in_phrase)
                p->snip_terms[i].phrase_only = 0;
            w->snip_id = (int32_t)i;
            return HD_OK;
        }
    if (p->n_snip_terms >= HD_SNIPPET_MAX_TERMS)
        return HD_OK;
    if (p->n_snip_terms == b->snip_cap) {
        uint32_t cap = b->snip_cap ? b->snip_cap * 2 : 8;
        hd_snip_term *v = hd_arena_alloc(b->a, cap * sizeof *v);
        if (!v)
            return oom(b);
        if (p->n_snip_terms)
            memcpy(v, p->snip_terms, p->n_snip_terms * sizeof *v);
        p->snip_terms = v;
        b->snip_cap = cap;
    }
    w->snip_id = (int32_t)p->n_snip_terms;
    p->snip_terms[p->n_snip_terms++] = (hd_snip_term){.term = w->term,
                                                      .len = w->len,
                                                      .prefix = prefix,
                                                      .weight = weight,
                                                      .phrase_only = in_phrase};
    return HD_OK;
}

/* Register a phrase (its words already registered) so snippets mark its words only where the
 * whole phrase occurs. */
static hd_rc add_snip_phrase(builder *b, const hd_pnode *n)
{
    hd_plan *p = b->plan;
    int32_t *ids = hd_arena_alloc(b->a, n->n_words * sizeof *ids);
    uint32_t *rel = hd_arena_alloc(b->a, n->n_words * sizeof *rel);
    if (!ids || !rel)
        return oom(b);
    for (uint32_t i = 0; i < n->n_words; i++) {
        if (n->words[i].snip_id < 0) /* a word over the term limit: no phrase marks */
            return HD_OK;
        ids[i] = n->words[i].snip_id;
        rel[i] = n->words[i].rel;
    }
    if (p->n_snip_phrases == b->phrase_cap) {
        uint32_t cap = b->phrase_cap ? b->phrase_cap * 2 : 4;
        hd_snip_phrase *v = hd_arena_alloc(b->a, cap * sizeof *v);
        if (!v)
            return oom(b);
        if (p->n_snip_phrases)
            memcpy(v, p->snip_phrases, p->n_snip_phrases * sizeof *v);
        p->snip_phrases = v;
        b->phrase_cap = cap;
    }
    p->snip_phrases[p->n_snip_phrases++] =
        (hd_snip_phrase){.ids = ids, .rel = rel, .n = n->n_words};
    return HD_OK;
}

/* idf of one word over the node's fields: N = max_doc, df = the largest per-field df (a doc
 * has the word in some field at least that often). */
static double word_idf(builder *b, const hd_pnode *n, const hd_pword *w)
{
    uint64_t df = 0;
    hd_plan *p = b->plan;
    size_t n_seg = b->r ? hd_ixr_n_segments(b->r) : 0;
    for (uint32_t i = 0; i < n->n_fields; i++) {
        uint64_t d = 0;
        for (size_t k = 0; k < n_seg; k++) {
            hd_terminfo ti = {0};
            hd_rc rc = hd_seg_term(hd_ixr_segment(b->r, k), (hd_field)n->fields[i], w->term, w->len,
                                   &ti, NULL);
            if (rc == HD_OK)
                d += ti.doc_freq;
            if (rc != HD_OK && rc != HD_ENOTFOUND)
                continue; /* the iterator looks it up again and reports the error */
            if (p->n_memo == p->cap_memo) {
                uint32_t cap = p->cap_memo ? 2 * p->cap_memo : 16;
                hd_term_memo *m = hd_arena_alloc(b->a, cap * sizeof *m);
                if (!m)
                    continue; /* only a shortcut */
                if (p->n_memo)
                    memcpy(m, p->memo, p->n_memo * sizeof *m);
                p->memo = m;
                p->cap_memo = cap;
            }
            p->memo[p->n_memo++] = (hd_term_memo){.term = w->term,
                                                  .seg = (uint32_t)k,
                                                  .field = n->fields[i],
                                                  .found = rc == HD_OK,
                                                  .ti = ti};
        }
        if (d > df)
            df = d;
    }
    b->plan->cost += df;
    return hd_bm25_idf(b->plan->n_docs, df);
}

static hd_rc build_text(builder *b, const hd_qnode *q, hd_pnode **out)
{
    collect c = {.a = b->a};
    int flags = q->kind == HD_QK_PREFIX ? HD_AN_NO_STEM : 0;
    hd_rc rc = hd_analyze_ex(b->an, q->text, q->len, 0, flags, on_token, &c, NULL, b->err);
    if (rc)
        return rc;
    if (c.oom)
        return oom(b);
    if (c.too_many)
        return hd_err_set(b->err, HD_ELIMIT, "phrase at column %u has more than %d words", q->col,
                          MAX_PHRASE_WORDS);
    if (c.n == 0) {
        *out = new_pnode(b, HD_PK_NONE);
        return *out ? HD_OK : oom(b);
    }
    hd_pkind kind = q->kind == HD_QK_PREFIX ? HD_PK_PREFIX : c.n == 1 ? HD_PK_TERM : HD_PK_PHRASE;
    if (kind == HD_PK_PREFIX && c.n > 1) {
        /* "u.s*": keep the last word as the prefix. */
        c.w += c.n - 1;
        c.n = 1;
    }
    hd_pnode *n = new_pnode(b, kind);
    if (!n)
        return oom(b);
    set_fields(n, q->field);
    for (uint32_t i = 0; i < n->n_fields; i++)
        b->fields_used |= 1u << n->fields[i];
    n->is_filter = q->field == HD_QF_SOURCE || q->field == HD_QF_SPEAKER;
    uint32_t base = c.w[0].rel;
    for (uint32_t i = 0; i < c.n; i++)
        c.w[i].rel -= base;
    n->words = c.w;
    n->n_words = c.n;
    int body = has_field(n, HD_FIELD_BODY);
    if (kind == HD_PK_PREFIX) {
        n->idf = 1;
        if (body && (rc = add_snip(b, &n->words[0], 1, 0, 1.0)))
            return rc;
    } else {
        int phrase = kind == HD_PK_PHRASE;
        for (uint32_t i = 0; i < c.n; i++) {
            double idf = b->r ? word_idf(b, n, &n->words[i]) : 1;
            n->idf += idf;
            if (body && (rc = add_snip(b, &n->words[i], 0, phrase, idf)))
                return rc;
        }
        if (body && phrase && !b->negated && (rc = add_snip_phrase(b, n)))
            return rc;
    }
    *out = n;
    return HD_OK;
}

static int32_t day_of(uint32_t yyyymmdd, int32_t open)
{
    if (yyyymmdd == HD_DATE_MIN || yyyymmdd == HD_DATE_MAX)
        return open;
    char s[16];
    uint32_t y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
    s[0] = (char)('0' + y / 1000 % 10);
    s[1] = (char)('0' + y / 100 % 10);
    s[2] = (char)('0' + y / 10 % 10);
    s[3] = (char)('0' + y % 10);
    s[4] = '-';
    s[5] = (char)('0' + m / 10);
    s[6] = (char)('0' + m % 10);
    s[7] = '-';
    s[8] = (char)('0' + d / 10);
    s[9] = (char)('0' + d % 10);
    s[10] = '\0';
    int32_t day = hd_day_parse(s, 10);
    return day == HD_NO_DATE ? open : day;
}

static hd_rc build(builder *b, const hd_qnode *q, hd_pnode **out);

static hd_rc push(builder *b, hd_pnode ***v, uint32_t *n, uint32_t cap, hd_pnode *x)
{
    if (!*v) {
        *v = hd_arena_alloc(b->a, cap * sizeof **v);
        if (!*v)
            return oom(b);
    }
    (*v)[(*n)++] = x;
    return HD_OK;
}

/* An optional word of the query on no particular field that stopwords.c lists. */
static int stop_clause(const builder *b, const hd_qnode *k)
{
    return b->an && k->kind == HD_QK_TERM && k->field == HD_QF_ANY && k->occur == HD_QO_SHOULD &&
           hd_stopword(hd_analyzer_language(b->an), k->text, k->len);
}

/* Does clause k search the text for something other than stop words (filters on date, source
 * and speaker do not count)? */
static int has_content(const builder *b, const hd_qnode *k)
{
    switch (k->kind) {
    case HD_QK_TERM:
    case HD_QK_PHRASE:
    case HD_QK_PREFIX:
        return k->field != HD_QF_SOURCE && k->field != HD_QF_SPEAKER && !stop_clause(b, k);
    case HD_QK_BOOL:
        for (uint32_t i = 0; i < k->n_kids; i++)
            if (k->kids[i]->occur != HD_QO_MUST_NOT && has_content(b, k->kids[i]))
                return 1;
        return 0;
    default:
        return 0;
    }
}

/* Build the clauses of q into kids[] (NULL for a stop word left out); *any_scoring and
 * *all_filter say whether some positive clause scores and whether all of them only filter. */
static hd_rc build_clauses(builder *b, const hd_qnode *q, hd_pnode **kids, int *any_scoring,
                           int *all_filter)
{
    int drop_stops = 0;
    /* stop words go when another clause searches for something else */
    for (uint32_t i = 0; i < q->n_kids && !drop_stops; i++)
        drop_stops = q->kids[i]->occur != HD_QO_MUST_NOT && has_content(b, q->kids[i]);
    for (uint32_t i = 0; i < q->n_kids; i++) {
        if (drop_stops && stop_clause(b, q->kids[i])) {
            kids[i] = NULL;
            continue;
        }
        int neg = q->kids[i]->occur == HD_QO_MUST_NOT;
        b->negated += neg;
        hd_rc rc = build(b, q->kids[i], &kids[i]);
        b->negated -= neg;
        if (rc)
            return rc;
        if (q->kids[i]->occur != HD_QO_MUST_NOT) {
            if (kids[i]->is_filter)
                continue;
            *all_filter = 0;
            if (kids[i]->kind != HD_PK_NONE)
                *any_scoring = 1;
        }
    }
    return HD_OK;
}

/* Sort the built clauses into n's must, should, filter and must_not lists. Sets *none when a
 * required clause matches nothing. */
static hd_rc place_clauses(builder *b, const hd_qnode *q, hd_pnode **kids, uint32_t cap,
                           int any_scoring, hd_pnode *n, int *none)
{
    for (uint32_t i = 0; i < q->n_kids; i++) {
        hd_pnode *k = kids[i];
        hd_qoccur occ = q->kids[i]->occur;
        hd_rc rc = HD_OK;
        if (!k)
            continue; /* a stop word left out */
        if (occ == HD_QO_MUST_NOT) {
            if (k->kind != HD_PK_NONE)
                rc = push(b, &n->must_not, &n->n_must_not, cap, k);
        } else if (k->kind == HD_PK_NONE) {
            if (occ == HD_QO_MUST) {
                *none = 1; /* a required clause that matches nothing */
                return HD_OK;
            }
        } else if (k->is_filter && (occ == HD_QO_MUST || any_scoring))
            rc = push(b, &n->filter, &n->n_filter, cap, k);
        else if (occ == HD_QO_MUST)
            rc = push(b, &n->must, &n->n_must, cap, k);
        else
            rc = push(b, &n->should, &n->n_should, cap, k);
        if (rc)
            return rc;
    }
    return HD_OK;
}

static hd_rc build_bool(builder *b, const hd_qnode *q, hd_pnode **out)
{
    hd_pnode *n = new_pnode(b, HD_PK_BOOL);
    if (!n)
        return oom(b);
    uint32_t cap = q->n_kids ? q->n_kids : 1;
    hd_pnode **kids = hd_arena_alloc(b->a, cap * sizeof *kids);
    if (!kids)
        return oom(b);
    int any_scoring = 0, all_filter = 1, none = 0;
    hd_rc rc = build_clauses(b, q, kids, &any_scoring, &all_filter);
    if (!rc)
        rc = place_clauses(b, q, kids, cap, any_scoring, n, &none);
    if (rc)
        return rc;
    if (none) {
        n->kind = HD_PK_NONE;
        *out = n;
        return HD_OK;
    }
    n->is_filter = all_filter && (n->n_should + n->n_must + n->n_filter) > 0;
    n->min_should = n->n_must == 0 && n->n_should > 0;
    if (n->n_must + n->n_should + n->n_filter == 0) {
        /* only exclusions (or nothing left): everything minus them */
        if (n->n_must_not == 0) {
            n->kind = HD_PK_NONE;
        } else {
            hd_pnode *all = new_pnode(b, HD_PK_ALL);
            if (!all || push(b, &n->filter, &n->n_filter, cap, all))
                return oom(b);
        }
    }
    *out = n;
    return HD_OK;
}

static hd_rc build(builder *b, const hd_qnode *q, hd_pnode **out)
{
    switch (q->kind) {
    case HD_QK_TERM:
    case HD_QK_PHRASE:
    case HD_QK_PREFIX:
        return build_text(b, q, out);
    case HD_QK_DATE: {
        hd_pnode *n = new_pnode(b, HD_PK_DATE);
        if (!n)
            return oom(b);
        n->day_lo = day_of(q->date_lo, INT32_MIN + 1);
        n->day_hi = day_of(q->date_hi, INT32_MAX);
        n->is_filter = 1;
        *out = n;
        return HD_OK;
    }
    case HD_QK_BOOL:
        return build_bool(b, q, out);
    case HD_QK_ALL: {
        hd_pnode *n = new_pnode(b, HD_PK_ALL);
        if (!n)
            return oom(b);
        n->is_filter = 1;
        *out = n;
        return HD_OK;
    }
    }
    return hd_err_set(b->err, HD_EINVAL, "unknown query node");
}

int hd_plan_memo(const hd_plan *p, const hd_pword *w, uint8_t field, uint32_t seg, hd_terminfo *out)
{
    for (uint32_t i = 0; i < p->n_memo; i++) {
        const hd_term_memo *m = &p->memo[i];
        if (m->term == w->term && m->field == field && m->seg == seg) {
            if (m->found)
                *out = m->ti;
            return m->found;
        }
    }
    return -1;
}

/* The BM25F length-norm tables of a snapshot: they depend on its average field lengths only,
 * so they are made once per reader (each is 256 divisions, a tenth of a short query's work)
 * and kept in its ext slot, a table per field as queries first search it. */
typedef struct norm_cache {
    hd_bm25f_params params; /* what the tables were made for */
    uint32_t filled;        /* bit per field whose table is made */
    float norm[HD_BM25F_MAX_FIELDS][256];
} norm_cache;

static int same_params(const hd_bm25f_params *x, const hd_bm25f_params *y)
{
    if (x->n_fields != y->n_fields || x->k1 != y->k1)
        return 0;
    for (uint32_t f = 0; f < HD_BM25F_MAX_FIELDS; f++)
        if (x->weight[f] != y->weight[f] || x->b[f] != y->b[f] || x->avglen[f] != y->avglen[f])
            return 0;
    return 1;
}

static void norm_cache_free(void *nc)
{
    hd_free(nc);
}

/* Tables for the fields of `used` (others unfilled): the reader's, else (no reader, out of
 * memory) the arena's. NULL when out of memory. */
static const float (*norm_tables(const hd_ixr *r, const hd_bm25f_params *bm, uint32_t used,
                                 hd_arena *a))[256]
{
    norm_cache *nc = r ? hd_ixr_ext(r) : NULL;
    if (!nc || !same_params(&nc->params, bm)) {
        norm_cache *n = r ? hd_malloc(sizeof *n) : NULL;
        if (n)
            hd_ixr_set_ext(r, n, norm_cache_free);
        else if (!(n = hd_arena_alloc(a, sizeof *n)))
            return NULL;
        nc = n;
        nc->params = *bm;
        nc->filled = 0;
    }
    for (uint32_t f = 0; f < HD_BM25F_MAX_FIELDS; f++)
        if ((used & (1u << f)) && !(nc->filled & (1u << f))) {
            hd_bm25f_norm_table(bm, f, hd_fieldnorm_decode, nc->norm[f]);
            nc->filled |= 1u << f;
        }
    return (const float(*)[256])nc->norm;
}

hd_rc hd_plan_build(const hd_qnode *q, const hd_ixr *r, hd_analyzer *an, hd_arena *a, hd_plan **out,
                    hd_err *err)
{
    hd_plan *p = hd_arena_alloc(a, sizeof *p);
    if (!p)
        return hd_err_set(err, HD_ENOMEM, "out of memory planning the query");
    memset(p, 0, sizeof *p);
    builder b = {.r = r, .an = an, .a = a, .err = err, .plan = p};
    p->n_docs = r ? hd_ixr_max_doc(r) : 0;
    p->exact_hits = HD_EXACT_HITS;
    double avg[HD_BM25F_MAX_FIELDS];
    for (uint32_t f = 0; f < HD_BM25F_MAX_FIELDS; f++)
        avg[f] =
            r && p->n_docs ? (double)hd_ixr_field_total(r, (hd_field)f) / (double)p->n_docs : 1;
    hd_bm25f_init(&p->bm25, HD_BM25F_MAX_FIELDS, avg);
    p->bm25.weight[HD_FIELD_TITLE] = HD_BM25F_TITLE_WEIGHT;
    hd_rc rc = build(&b, q, &p->root);
    if (rc)
        return rc;
    if (!(p->norm = norm_tables(r, &p->bm25, b.fields_used, a)))
        return hd_err_set(err, HD_ENOMEM, "out of memory planning the query");
    *out = p;
    return HD_OK;
}
