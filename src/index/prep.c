/* SPDX-License-Identifier: MIT
 *
 * prep.c — analysis of a whole document ahead of indexing: the folded words of its text
 * fields, with positions and hashes, in one hd_doc_tokens container. hd_segw_add consumes it
 * (stemming happens there, only for words its cache has not seen). Running this stage in
 * another thread (hd_tokenizer_*) takes analysis off the indexing thread: `herald index` does
 * so in its extraction thread. Callers: seg_writer.c, index.c, src/cli via herald.h.
 */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/seg.h"

struct hd_tokenizer {
    hd_analyzer *an;
};

void hd_doc_tokens_init(hd_doc_tokens *t)
{
    memset(t, 0, sizeof *t);
    hd_buf_init(&t->keys);
}

void hd_doc_tokens_done(hd_doc_tokens *t)
{
    hd_free(t->boff);
    hd_free(t->tok);
    hd_buf_done(&t->keys);
    memset(t, 0, sizeof *t);
}

typedef struct fill_ctx {
    hd_doc_tokens *t;
    uint8_t field;
    int oom;
} fill_ctx;

static int on_token(void *ud, const hd_token *tok)
{
    fill_ctx *c = ud;
    hd_doc_tokens *t = c->t;
    size_t off = t->keys.len;
    if (HD_GROW(t->tok, t->cap, t->n + 1) || hd_buf_reserve(&t->keys, tok->term_len + 2) ||
        off > UINT32_MAX) {
        c->oom = 1;
        return 1;
    }
    uint8_t *k = (uint8_t *)t->keys.p + off;
    k[0] = c->field;
    memcpy(k + 1, tok->term, tok->term_len);
    t->keys.len += tok->term_len + 1;
    hd_tokrec *r = &t->tok[t->n++];
    r->off = (uint32_t)off;
    r->len = (uint16_t)(tok->term_len + 1);
    r->stemmable = (uint16_t)tok->stemmable;
    r->pos = tok->pos;
    r->hash = hd_key_hash(k, tok->term_len + 1);
    if (c->field == HD_FIELD_BODY) {
        size_t i = t->n - 1 - t->start[HD_FIELD_BODY];
        if (HD_GROW(t->boff, t->boff_cap, 2 * i + 2)) {
            c->oom = 1;
            return 1;
        }
        uint32_t e = (uint32_t)tok->end, prev = i ? t->boff[2 * i - 1] : 0;
        t->boff[2 * i] = (uint32_t)tok->start;
        t->boff[2 * i + 1] = e > prev ? e : prev;
    }
    return 0;
}

static hd_rc fill_field(hd_analyzer *an, fill_ctx *c, hd_field f, const char *s, size_t n,
                        uint32_t first_pos, uint32_t *next_pos, hd_err *err)
{
    c->field = (uint8_t)f;
    hd_rc rc = hd_analyze_ex(an, s, n, first_pos, HD_AN_NO_STEM, on_token, c, next_pos, err);
    if (!rc && c->oom)
        rc = hd_err_set(err, HD_ENOMEM, "out of memory analysing a document");
    return rc;
}

/* The speaker field of d: its speakers separated by a position gap so that phrases do not
 * cross names. */
static hd_rc fill_speakers(hd_analyzer *an, fill_ctx *c, const hd_doc *d, hd_err *err)
{
    hd_doc_tokens *t = c->t;
    t->start[HD_FIELD_SPEAKER] = t->n;
    uint32_t np = 0;
    for (size_t i = 0; i < d->n_speakers; i++) {
        if (!d->speakers[i])
            continue;
        hd_rc rc = fill_field(an, c, HD_FIELD_SPEAKER, d->speakers[i], strlen(d->speakers[i]), np,
                              &np, err);
        if (rc)
            return rc;
        np += 1;
    }
    return HD_OK;
}

hd_rc hd_doc_tokens_fill(hd_analyzer *an, const hd_doc *d, hd_doc_tokens *t, hd_err *err)
{
    t->n = 0;
    hd_buf_clear(&t->keys);
    snprintf(t->language, sizeof t->language, "%s", hd_analyzer_language(an));
    fill_ctx c = {.t = t};
    uint32_t np;
    const char *title = d->title ? d->title : "";
    const char *source = d->source ? d->source : "";
    size_t body_len = d->body ? (d->body_len ? d->body_len : strlen(d->body)) : 0;
    hd_rc rc;
    t->start[HD_FIELD_TITLE] = 0;
    if ((rc = fill_field(an, &c, HD_FIELD_TITLE, title, strlen(title), 0, &np, err)))
        return rc;
    t->start[HD_FIELD_BODY] = t->n;
    if ((rc = fill_field(an, &c, HD_FIELD_BODY, d->body ? d->body : "", body_len, 0, &np, err)))
        return rc;
    t->body_next_pos = np;
    t->start[HD_FIELD_SOURCE] = t->n;
    if ((rc = fill_field(an, &c, HD_FIELD_SOURCE, source, strlen(source), 0, &np, err)))
        return rc;
    if ((rc = fill_speakers(an, &c, d, err)))
        return rc;
    t->start[HD_N_TEXT_FIELDS] = t->n;
    t->filled = 1;
    return HD_OK;
}

/* Append src->tok[a..b) (and their keys) to t, positions lowered by base. 0, or -1 on OOM. */
static int copy_toks(hd_doc_tokens *t, const hd_doc_tokens *src, size_t a, size_t b, uint32_t base)
{
    if (b <= a)
        return 0;
    size_t bytes = 0;
    for (size_t i = a; i < b; i++)
        bytes += src->tok[i].len;
    if (HD_GROW(t->tok, t->cap, t->n + (b - a)) || hd_buf_reserve(&t->keys, bytes) ||
        t->keys.len + bytes > UINT32_MAX)
        return -1;
    char *k = t->keys.p + t->keys.len;
    for (size_t i = a; i < b; i++) {
        const hd_tokrec *r = &src->tok[i];
        memcpy(k, src->keys.p + r->off, r->len);
        hd_tokrec *o = &t->tok[t->n++];
        *o = *r;
        o->off = (uint32_t)(k - t->keys.p);
        o->pos = r->pos - base;
        k += r->len;
    }
    t->keys.len += bytes;
    return 0;
}

/* The article's body tokens that make up exactly the analysis of body[s0..s1) on its own, as
 * [*first, *last] (indices into art->tok) with the position of the first: 1 when found, 0 when
 * the text must be analysed afresh. The range must not cut a word (or a compound), and no word
 * the analyzer dropped (too long to index) may sit at its edges, where the analysis of the
 * text alone would see only part of it: the positions on both sides of the range must follow
 * on without a gap. Body tokens are in text order (starts never decrease) and boff keeps the
 * largest end so far, so both edges are two binary searches and two comparisons. */
int hd_doc_tokens_body_slice(const hd_doc_tokens *art, size_t s0, size_t s1, size_t *first,
                             size_t *last, uint32_t *base)
{
    size_t b = art->start[HD_FIELD_BODY], n = art->start[HD_FIELD_SOURCE] - b;
    const uint32_t *o = art->boff;
    size_t lo = 0, hi = n; /* first body token starting at or after s0 */
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (o[2 * m] < s0)
            lo = m + 1;
        else
            hi = m;
    }
    size_t i0 = lo;
    hi = n; /* first body token starting at or after s1 */
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (o[2 * m] < s1)
            lo = m + 1;
        else
            hi = m;
    }
    size_t i1 = lo;
    if (i0 == i1 || (i0 > 0 && o[2 * i0 - 1] > s0) || o[2 * i1 - 1] > s1)
        return 0; /* no token, or a word across an edge */
    const hd_tokrec *t = art->tok + b;
    uint32_t before = i0 > 0 ? t[i0 - 1].pos + 1 : 0;
    uint32_t after = i1 < n ? t[i1].pos : art->body_next_pos;
    if (t[i0].pos != before || after != t[i1 - 1].pos + 1)
        return 0;
    *first = b + i0;
    *last = b + i1 - 1;
    *base = before;
    return 1;
}

/* ---- Public API ------------------------------------------------------------------------ */

hd_rc hd_tokenizer_new(const char *language, hd_tokenizer **out, hd_err *err)
{
    *out = NULL;
    hd_tokenizer *tz = hd_new0(hd_tokenizer, 1);
    if (!tz)
        return hd_err_set(err, HD_ENOMEM, "out of memory creating a tokenizer");
    hd_rc rc = hd_analyzer_new(language, &tz->an, err);
    if (rc) {
        hd_free(tz);
        return rc;
    }
    *out = tz;
    return HD_OK;
}

void hd_tokenizer_free(hd_tokenizer *tz)
{
    if (!tz)
        return;
    hd_analyzer_free(tz->an);
    hd_free(tz);
}

hd_rc hd_tokenizer_run(hd_tokenizer *tz, const hd_doc *doc, hd_doc_tokens **out, hd_err *err)
{
    *out = NULL;
    if (!tz || !doc)
        return hd_err_set(err, HD_EINVAL, "no tokenizer or document");
    hd_doc_tokens *t = hd_new(hd_doc_tokens, 1);
    if (!t)
        return hd_err_set(err, HD_ENOMEM, "out of memory analysing a document");
    hd_doc_tokens_init(t);
    hd_rc rc = hd_doc_tokens_fill(tz->an, doc, t, err);
    if (rc) {
        hd_doc_tokens_free(t);
        return rc;
    }
    *out = t;
    return HD_OK;
}

static int same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

hd_rc hd_tokenizer_run_statement(hd_tokenizer *tz, const hd_doc *article, const hd_doc_tokens *art,
                                 const hd_doc *stmt, size_t start, size_t end, hd_doc_tokens **out,
                                 hd_err *err)
{
    *out = NULL;
    if (!tz || !stmt)
        return hd_err_set(err, HD_EINVAL, "no tokenizer or document");
    size_t body_len = article && article->body
                          ? (article->body_len ? article->body_len : strlen(article->body))
                          : 0;
    size_t text_len = stmt->body ? (stmt->body_len ? stmt->body_len : strlen(stmt->body)) : 0;
    size_t first, last;
    uint32_t base;
    /* the statement's title and source are the article's and its text is the body between
     * start and end: its analysis is the article's, sliced */
    if (!art || !art->filled || !art->boff || strcmp(art->language, hd_analyzer_language(tz->an)) ||
        start > end || end > body_len || text_len != end - start ||
        memcmp(article->body + start, stmt->body, text_len) != 0 ||
        !same_str(article->title, stmt->title) || !same_str(article->source, stmt->source) ||
        !hd_doc_tokens_body_slice(art, start, end, &first, &last, &base))
        return hd_tokenizer_run(tz, stmt, out, err);
    hd_doc_tokens *t = hd_new(hd_doc_tokens, 1);
    if (!t)
        return hd_err_set(err, HD_ENOMEM, "out of memory analysing a document");
    hd_doc_tokens_init(t);
    memcpy(t->language, art->language, sizeof t->language);
    fill_ctx c = {.t = t};
    hd_rc rc = HD_OK;
    t->start[HD_FIELD_TITLE] = 0;
    if (copy_toks(t, art, art->start[HD_FIELD_TITLE], art->start[HD_FIELD_BODY], 0))
        goto oom;
    t->start[HD_FIELD_BODY] = t->n;
    if (copy_toks(t, art, first, last + 1, base))
        goto oom;
    t->start[HD_FIELD_SOURCE] = t->n;
    if (copy_toks(t, art, art->start[HD_FIELD_SOURCE], art->start[HD_FIELD_SPEAKER], 0))
        goto oom;
    if ((rc = fill_speakers(tz->an, &c, stmt, err)))
        goto fail;
    t->start[HD_N_TEXT_FIELDS] = t->n;
    t->filled = 1;
    *out = t;
    return HD_OK;
oom:
    rc = hd_err_set(err, HD_ENOMEM, "out of memory analysing a statement");
fail:
    hd_doc_tokens_free(t);
    return rc;
}

void hd_doc_tokens_free(hd_doc_tokens *t)
{
    if (!t)
        return;
    hd_doc_tokens_done(t);
    hd_free(t);
}
