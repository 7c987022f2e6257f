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

void hd_doc_tokens_free(hd_doc_tokens *t)
{
    if (!t)
        return;
    hd_doc_tokens_done(t);
    hd_free(t);
}
