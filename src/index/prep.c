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
    hd_free(t->span);
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
    if (c->field == HD_FIELD_BODY) {
        size_t bi = t->n - t->start[HD_FIELD_BODY];
        if (HD_GROW(t->span, t->span_cap, 2 * bi + 2) || tok->end > UINT32_MAX) {
            c->oom = 1;
            return 1;
        }
        t->span[2 * bi] = (uint32_t)tok->start;
        t->span[2 * bi + 1] = (uint32_t)tok->end;
    }
    hd_tokrec *r = &t->tok[t->n++];
    r->off = (uint32_t)off;
    r->len = (uint16_t)(tok->term_len + 1);
    r->stemmable = (uint16_t)tok->stemmable;
    r->pos = tok->pos;
    r->hash = hd_key_hash(k, tok->term_len + 1);
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
    t->start[HD_FIELD_SOURCE] = t->n;
    if ((rc = fill_field(an, &c, HD_FIELD_SOURCE, source, strlen(source), 0, &np, err)))
        return rc;
    /* Speakers are separated by a position gap so phrases do not cross names. */
    t->start[HD_FIELD_SPEAKER] = t->n;
    np = 0;
    for (size_t i = 0; i < d->n_speakers; i++) {
        if (!d->speakers[i])
            continue;
        if ((rc = fill_field(an, &c, HD_FIELD_SPEAKER, d->speakers[i], strlen(d->speakers[i]), np,
                             &np, err)))
            return rc;
        np += 1;
    }
    t->start[HD_N_TEXT_FIELDS] = t->n;
    t->filled = 1;
    return HD_OK;
}

/* Append tokens src->tok[a, b) to t with their keys, positions less `shift`. */
static int copy_tokens(hd_doc_tokens *t, const hd_doc_tokens *src, size_t a, size_t b,
                       uint32_t shift)
{
    if (a >= b)
        return 0;
    size_t k0 = src->tok[a].off, k1 = src->tok[b - 1].off + src->tok[b - 1].len;
    size_t base = t->keys.len;
    if (HD_GROW(t->tok, t->cap, t->n + (b - a)) || hd_buf_reserve(&t->keys, k1 - k0) ||
        base + (k1 - k0) > UINT32_MAX)
        return -1;
    memcpy(t->keys.p + base, src->keys.p + k0, k1 - k0);
    t->keys.len += k1 - k0;
    for (size_t i = a; i < b; i++) {
        hd_tokrec r = src->tok[i];
        r.off = (uint32_t)(r.off - k0 + base);
        r.pos -= shift;
        t->tok[t->n++] = r;
    }
    return 0;
}

/* A letter or digit, or a byte of a non-ASCII character (perhaps a letter). */
static int wordc(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Could a word run across the boundary before byte i of b[0..n)? A letter or digit on both
 * sides, or one side and a joiner between two ("U.S.", "1,060", "don't", "12-day"). */
static int inside_word(const char *b, size_t n, size_t i)
{
    static const char joiner[] = "'-.,&_:/";
    if (i == 0 || i >= n)
        return 0;
    unsigned char l = (unsigned char)b[i - 1], r = (unsigned char)b[i];
    if (wordc(l) && wordc(r))
        return 1;
    if (r && strchr(joiner, r) && wordc(l) && i + 1 < n && wordc((unsigned char)b[i + 1]))
        return 1;
    return l && strchr(joiner, l) && wordc(r) && i >= 2 && wordc((unsigned char)b[i - 2]);
}

static int same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

hd_rc hd_doc_tokens_fill_part(hd_analyzer *an, const hd_doc *d, const hd_doc *whole,
                              const hd_doc_tokens *wt, size_t off, hd_doc_tokens *t, hd_err *err)
{
    size_t wlen = whole->body ? (whole->body_len ? whole->body_len : strlen(whole->body)) : 0;
    size_t n = d->body ? (d->body_len ? d->body_len : strlen(d->body)) : 0;
    const char *wb = whole->body;
    size_t nb = wt->start[HD_FIELD_BODY + 1] - wt->start[HD_FIELD_BODY];
    /* the same title and source; the body a stretch of whole's that no word crosses */
    if (!wt->filled || (nb && !wt->span) || !n || off > wlen || n > wlen - off ||
        memcmp(wb + off, d->body, n) != 0 || inside_word(wb, wlen, off) ||
        inside_word(wb, wlen, off + n) || !same_str(d->title, whole->title) ||
        !same_str(d->source, whole->source) || strcmp(wt->language, hd_analyzer_language(an)) != 0)
        return hd_doc_tokens_fill(an, d, t, err);
    t->n = 0;
    hd_buf_clear(&t->keys);
    snprintf(t->language, sizeof t->language, "%s", wt->language);
    /* body tokens inside [off, off + n): a run, since spans grow with the token index */
    size_t a = 0, b;
    while (a < nb && wt->span[2 * a] < off)
        a++;
    b = a;
    while (b < nb && wt->span[2 * b + 1] <= off + n)
        b++;
    size_t b0 = wt->start[HD_FIELD_BODY];
    uint32_t shift = a < b ? wt->tok[b0 + a].pos : 0;
    t->start[HD_FIELD_TITLE] = 0;
    int bad = copy_tokens(t, wt, wt->start[HD_FIELD_TITLE], wt->start[HD_FIELD_BODY], 0);
    t->start[HD_FIELD_BODY] = t->n;
    bad = bad || copy_tokens(t, wt, b0 + a, b0 + b, shift);
    size_t k = t->n - t->start[HD_FIELD_BODY];
    if (!bad && k && !HD_GROW(t->span, t->span_cap, 2 * k)) {
        for (size_t i = 0; i < k; i++) {
            t->span[2 * i] = wt->span[2 * (a + i)] - (uint32_t)off;
            t->span[2 * i + 1] = wt->span[2 * (a + i) + 1] - (uint32_t)off;
        }
    } else if (k) {
        bad = 1;
    }
    t->start[HD_FIELD_SOURCE] = t->n;
    bad = bad || copy_tokens(t, wt, wt->start[HD_FIELD_SOURCE], wt->start[HD_FIELD_SOURCE + 1], 0);
    if (bad)
        return hd_err_set(err, HD_ENOMEM, "out of memory analysing a document");
    fill_ctx c = {.t = t};
    t->start[HD_FIELD_SPEAKER] = t->n;
    uint32_t np = 0;
    for (size_t i = 0; i < d->n_speakers; i++) {
        if (!d->speakers[i])
            continue;
        hd_rc rc = fill_field(an, &c, HD_FIELD_SPEAKER, d->speakers[i], strlen(d->speakers[i]), np,
                              &np, err);
        if (rc)
            return rc;
        np += 1;
    }
    t->start[HD_N_TEXT_FIELDS] = t->n;
    t->filled = 1;
    return HD_OK;
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

hd_rc hd_tokenizer_run_part(hd_tokenizer *tz, const hd_doc *doc, const hd_doc *whole,
                            const hd_doc_tokens *whole_toks, size_t body_off, hd_doc_tokens **out,
                            hd_err *err)
{
    *out = NULL;
    if (!tz || !doc || !whole || !whole_toks)
        return hd_err_set(err, HD_EINVAL, "no tokenizer or document");
    hd_doc_tokens *t = hd_new(hd_doc_tokens, 1);
    if (!t)
        return hd_err_set(err, HD_ENOMEM, "out of memory analysing a document");
    hd_doc_tokens_init(t);
    hd_rc rc = hd_doc_tokens_fill_part(tz->an, doc, whole, whole_toks, body_off, t, err);
    if (rc) {
        hd_doc_tokens_free(t);
        return rc;
    }
    *out = t;
    return HD_OK;
}

void hd_doc_tokens_free(hd_doc_tokens *t)
{
    if (!t)
        return;
    hd_doc_tokens_done(t);
    hd_free(t);
}
