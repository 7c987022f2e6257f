/* SPDX-License-Identifier: MIT
 *
 * seg_writer.c — the in-memory segment: analysed documents go into an open-addressing term
 * hash whose entries own growable doc and position byte streams (no per-token allocation), via
 * a word cache that maps each surface word to its term so stemming happens once per word.
 * Stored fields go to store.c as documents arrive; seg_file.c writes the segment file.
 * Callers: index.c (add, delete, commit), merge.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/segw.h"

hd_rc hd_segw_new(hd_analyzer *an, hd_segw **out, hd_err *err)
{
    hd_segw *w = hd_new0(hd_segw, 1);
    if (!w)
        return hd_err_set(err, HD_ENOMEM, "out of memory creating a segment writer");
    w->an = an;
    hd_buf_init(&w->keys);
    hd_doc_tokens_init(&w->own);
    hd_buf_init(&w->del);
    hd_buf_init(&w->dates);
    hd_zstore_init(&w->meta, STORE_BLOCK_RAW, META_TRAIN, META_DICT);
    hd_zstore_init(&w->body, BODY_BLOCK_RAW, BODY_TRAIN, BODY_DICT);
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        hd_buf_init(&w->norms[f]);
    w->n_slots = 1 << 16;
    w->slots = hd_new0(uint64_t, w->n_slots);
    w->n_wslots = 1 << 16;
    w->wslots = hd_new0(word_slot, w->n_wslots);
    w->zc = ZSTD_createCCtx();
    if (!w->slots || !w->wslots || !w->zc) {
        hd_segw_free(w);
        return hd_err_set(err, HD_ENOMEM, "out of memory creating a segment writer");
    }
    *out = w;
    return HD_OK;
}

void hd_segw_free(hd_segw *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n_terms; i++) {
        if (w->terms[i].docs.cap > SLAB_MAX)
            hd_free(w->terms[i].docs.p);
        if (w->terms[i].pos.cap > SLAB_MAX)
            hd_free(w->terms[i].pos.p);
    }
    for (size_t i = 0; i < w->n_chunks; i++)
        hd_free(w->chunks[i]);
    hd_free(w->chunks);
    hd_free(w->terms);
    hd_free(w->slots);
    hd_free(w->wslots);
    hd_free(w->tids);
    hd_doc_tokens_done(&w->own);
    hd_free(w->touched);
    hd_buf_done(&w->keys);
    hd_buf_done(&w->del);
    hd_buf_done(&w->dates);
    hd_zpool_done(&w->zp); /* first: it may be using the streams' contexts */
    hd_zstore_done(&w->meta);
    hd_zstore_done(&w->body);
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        hd_buf_done(&w->norms[f]);
    ZSTD_freeCCtx(w->zc);
    hd_free(w);
}

uint32_t hd_segw_n_docs(const hd_segw *w)
{
    return w->n_docs;
}

uint32_t hd_segw_n_deleted(const hd_segw *w)
{
    return w->n_deleted;
}

int hd_segw_broken(const hd_segw *w)
{
    return w->broken != HD_OK;
}

size_t hd_segw_mem(const hd_segw *w)
{
    return w->mem_vecs + w->keys.cap + w->cap_terms * sizeof(term_ent) +
           w->n_slots * sizeof(uint64_t) + w->n_wslots * sizeof(word_slot) +
           hd_zstore_mem(&w->meta) + hd_zstore_mem(&w->body) + hd_zpool_mem(&w->zp) +
           (size_t)w->n_docs * (HD_N_TEXT_FIELDS + 4);
}

/* ---- term vectors -------------------------------------------------------------------------
 * Most terms are rare, so most vectors stay small: vectors of up to SLAB_MAX bytes (always a
 * power of two) come from 1 MiB chunks with a free list per size, which spares a malloc and
 * a free per vector growth and lets hd_segw_free drop them a chunk at a time. Larger ones are
 * malloc'd (and realloc'd) alone. */

static int slab_class(size_t cap)
{
    return __builtin_ctzll(cap);
}

static uint8_t *slab_get(hd_segw *w, size_t cap)
{
    int k = slab_class(cap);
    void *p = w->slab_free[k];
    if (p) {
        memcpy(&w->slab_free[k], p, sizeof p);
        return p;
    }
    if (w->slab_left < cap) {
        if (HD_GROW(w->chunks, w->cap_chunks, w->n_chunks + 1))
            return NULL;
        char *c = hd_malloc(SLAB_CHUNK);
        if (!c)
            return NULL;
        w->chunks[w->n_chunks++] = c;
        w->slab_cur = c;
        w->slab_left = SLAB_CHUNK;
        w->mem_vecs += SLAB_CHUNK;
    }
    p = w->slab_cur;
    w->slab_cur += cap;
    w->slab_left -= cap;
    return p;
}

static void slab_put(hd_segw *w, uint8_t *p, size_t cap)
{
    int k = slab_class(cap);
    memcpy(p, &w->slab_free[k], sizeof(void *));
    w->slab_free[k] = p;
}

static int tvec_reserve(hd_segw *w, tvec *v, size_t extra)
{
    if (v->len + extra <= v->cap)
        return 0;
    size_t need = (size_t)v->len + extra;
    if (need > UINT32_MAX - 64)
        return -1;
    size_t cap = v->cap ? (size_t)v->cap * 2 : 16;
    while (cap < need)
        cap *= 2;
    if (cap > UINT32_MAX)
        cap = UINT32_MAX;
    uint8_t *p;
    if (cap <= SLAB_MAX || v->cap > SLAB_MAX) {
        p = cap <= SLAB_MAX ? slab_get(w, cap) : hd_realloc(v->p, cap);
        if (!p)
            return -1;
        if (cap <= SLAB_MAX && v->cap) {
            memcpy(p, v->p, v->len);
            slab_put(w, v->p, v->cap);
        }
        if (cap > SLAB_MAX)
            w->mem_vecs += cap - v->cap;
    } else { /* leaves the slabs */
        if (!(p = hd_malloc(cap)))
            return -1;
        if (v->cap) {
            memcpy(p, v->p, v->len);
            slab_put(w, v->p, v->cap);
        }
        w->mem_vecs += cap;
    }
    v->p = p;
    v->cap = (uint32_t)cap;
    return 0;
}

static inline int tvec_varint(hd_segw *w, tvec *v, uint64_t x)
{
    if (v->len + 10 > v->cap && tvec_reserve(w, v, 10))
        return -1;
    v->len += (uint32_t)hd_varint_put(v->p + v->len, x);
    return 0;
}

/* Double an open-addressing table of hash << 32 | (index + 1) slots. */
static int grow_table(uint64_t **slots, size_t *n_slots)
{
    size_t n = *n_slots * 2;
    uint64_t *t = hd_new0(uint64_t, n);
    if (!t)
        return -1;
    for (size_t i = 0; i < *n_slots; i++) {
        uint64_t v = (*slots)[i];
        if (!v)
            continue;
        size_t h = (v >> 32) & (n - 1);
        while (t[h])
            h = (h + 1) & (n - 1);
        t[h] = v;
    }
    hd_free(*slots);
    *slots = t;
    *n_slots = n;
    return 0;
}

/* Find or insert the term with key k[0..n). NULL on out of memory (or not found). */
static term_ent *term_get(hd_segw *w, const uint8_t *k, size_t n, int insert)
{
    uint32_t h = hd_key_hash(k, n);
    size_t mask = w->n_slots - 1, i = h & mask;
    for (;;) {
        uint64_t v = w->slots[i];
        if (!v)
            break;
        if ((uint32_t)(v >> 32) == h) {
            term_ent *e = &w->terms[(uint32_t)v - 1];
            if (e->key_len == n && key_eq((const uint8_t *)w->keys.p + e->key_off, k, n))
                return e;
        }
        i = (i + 1) & mask;
    }
    if (!insert)
        return NULL;
    if (w->n_terms >= UINT32_MAX - 1 || HD_GROW(w->terms, w->cap_terms, w->n_terms + 1))
        return NULL;
    size_t off = w->keys.len;
    hd_buf_add(&w->keys, k, n);
    if (w->keys.oom || off > UINT32_MAX)
        return NULL;
    term_ent *e = &w->terms[w->n_terms];
    memset(e, 0, sizeof *e);
    e->key_off = (uint32_t)off;
    e->key_len = (uint32_t)n;
    e->hash = h;
    e->last_doc = UINT32_MAX;
    e->prev_doc = UINT32_MAX;
    w->slots[i] = (uint64_t)h << 32 | (uint32_t)++w->n_terms;
    if (w->n_terms * 2 > w->n_slots && grow_table(&w->slots, &w->n_slots))
        return NULL;
    return &w->terms[w->n_terms - 1];
}

static int grow_words(hd_segw *w)
{
    size_t n = w->n_wslots * 2;
    word_slot *t = hd_new0(word_slot, n);
    if (!t)
        return -1;
    for (size_t i = 0; i < w->n_wslots; i++) {
        if (!w->wslots[i].term)
            continue;
        size_t h = w->wslots[i].hash & (n - 1);
        while (t[h].term)
            h = (h + 1) & (n - 1);
        t[h] = w->wslots[i];
    }
    hd_free(w->wslots);
    w->wslots = t;
    w->n_wslots = n;
    return 0;
}

/* The term index of a folded surface word (key = field byte + word, hash h): from the word
 * cache, or stemmed and looked up (then cached). -1 on out of memory. */
static int64_t word_term(hd_segw *w, const uint8_t *k, size_t n, uint32_t h, int stemmable)
{
    size_t i = 0;
    if (n <= WORD_KEY) {
        size_t mask = w->n_wslots - 1;
        i = h & mask;
        for (;;) {
            const word_slot *ws = &w->wslots[i];
            if (!ws->term)
                break;
            if (ws->hash == h && ws->len == n && memcmp(ws->key, k, n) == 0)
                return ws->term - 1;
            i = (i + 1) & mask;
        }
    }
    /* Miss: stem, find the term, remember the word. */
    const char *word = (const char *)k + 1, *st = word;
    size_t sn = n - 1;
    if (stemmable && hd_analyzer_stem(w->an, word, n - 1, &st, &sn))
        return -1;
    if (sn == 0)
        sn = n - 1, st = word;
    uint8_t sk[HD_MAX_TERM + 8];
    sk[0] = k[0];
    memcpy(sk + 1, st, sn);
    term_ent *e = term_get(w, sk, sn + 1, 1);
    if (!e)
        return -1;
    uint32_t t = (uint32_t)(e - w->terms);
    if (n > WORD_KEY)
        return t;
    word_slot *ws = &w->wslots[i];
    ws->hash = h;
    ws->term = t + 1;
    ws->len = (uint8_t)n;
    memcpy(ws->key, k, n);
    if (++w->n_words * 2 > w->n_wslots && grow_words(w))
        return -1;
    return t;
}

#define AHEAD 6

/* Add the tokens b[0..n) of one field (keys in keys) to the current doc, in two passes that
 * prefetch a few tokens ahead: indexing is bound by cache misses on the word table and the
 * term entries, and this overlaps them. */
static hd_rc add_tokens(hd_segw *w, const hd_tokrec *b, size_t n, const uint8_t *keys)
{
    if (n > w->cap_tids && HD_GROW(w->tids, w->cap_tids, n))
        return HD_ENOMEM;
    uint32_t *tid = w->tids;
    /* pass 1: words -> terms */
    for (size_t i = 0; i < n; i++) {
        if (i + AHEAD < n)
            __builtin_prefetch(&w->wslots[b[i + AHEAD].hash & (w->n_wslots - 1)]);
        int64_t t = word_term(w, keys + b[i].off, b[i].len, b[i].hash, b[i].stemmable);
        if (t < 0)
            return HD_ENOMEM;
        tid[i] = (uint32_t)t;
    }
    /* pass 2: occurrences */
    uint32_t doc = w->n_docs;
    for (size_t i = 0; i < AHEAD && i < n; i++)
        __builtin_prefetch(&w->terms[tid[i]]);
    for (size_t i = 0; i < n; i++) {
        if (i + AHEAD < n)
            __builtin_prefetch(&w->terms[tid[i + AHEAD]]);
        if (i + 2 < n) {
            const term_ent *f = &w->terms[tid[i + 2]];
            if (f->pos.p) /* a new term has no position buffer yet */
                __builtin_prefetch(f->pos.p + f->pos.len);
        }
        term_ent *e = &w->terms[tid[i]];
        if (e->last_doc != doc) {
            if (HD_GROW(w->touched, w->cap_touched, w->n_touched + 1))
                return HD_ENOMEM;
            w->touched[w->n_touched++] = tid[i];
            e->last_doc = doc;
            e->cur_tf = 0;
            e->last_pos = 0;
        }
        if (tvec_varint(w, &e->pos, b[i].pos - e->last_pos))
            return HD_ENOMEM;
        e->last_pos = b[i].pos;
        e->cur_tf++;
    }
    return HD_OK;
}

/* A field's length for its norm: the positions its tokens occupy. A hyphenated compound shares
 * its first part's position, so "anti-inflammatory drugs" is 3 words long, not 4. */
static uint32_t field_words(const hd_tokrec *b, size_t n)
{
    uint32_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += i == 0 || b[i].pos != b[i - 1].pos;
    return words;
}

/* The id field's term: the id itself, or "\x01" + hash for very long ids. */
size_t hd_id_key(const char *id, size_t len, uint8_t *out)
{
    out[0] = HD_FIELD_ID;
    if (len <= HD_MAX_TERM) {
        memcpy(out + 1, id, len);
        return len + 1;
    }
    uint64_t h = XXH64(id, len, 0);
    out[1] = 1;
    memcpy(out + 2, &h, 8);
    return 10;
}

static void del_set(hd_segw *w, uint32_t doc)
{
    size_t need = doc / 8 + 1;
    if (w->del.len < need) {
        size_t old = w->del.len;
        if (hd_buf_reserve(&w->del, need - old + 1)) {
            w->broken = HD_ENOMEM; /* a doc meant deleted would stay live */
            return;
        }
        memset(w->del.p + old, 0, need - old);
        w->del.len = need;
    }
    uint8_t *b = (uint8_t *)w->del.p;
    if (!(b[doc / 8] & (1u << (doc % 8)))) {
        b[doc / 8] |= (uint8_t)(1u << (doc % 8));
        w->n_deleted++;
    }
}

static int del_get(const hd_segw *w, uint32_t doc)
{
    return doc / 8 < w->del.len && (((uint8_t *)w->del.p)[doc / 8] >> (doc % 8) & 1);
}

int hd_segw_delete_id(hd_segw *w, const char *id, size_t len)
{
    uint8_t k[HD_MAX_TERM + 16];
    size_t kn = hd_id_key(id, len, k);
    term_ent *e = term_get(w, k, kn, 0);
    if (!e || e->last_doc == UINT32_MAX || del_get(w, e->last_doc))
        return 0;
    del_set(w, e->last_doc);
    return 1;
}

hd_rc hd_segw_add_stored(hd_segw *w, const hd_stored_doc *sd, const uint8_t *norms, int32_t date,
                         hd_err *err)
{
    if (w->n_docs == UINT32_MAX - 1)
        return hd_err_set(err, HD_ELIMIT, "too many documents in one segment");
    /* speakers arrive '\n'-joined: store them as one name, which joins them the same way */
    const char *sp = sd->speakers;
    hd_rc rc = hd_store_doc(w, sd->id, sd->url[0] ? sd->url : NULL, sd->source,
                            sd->date[0] ? sd->date : NULL, sd->title, sd->body, sd->body_len,
                            sp[0] ? &sp : NULL, sp[0] ? 1 : 0, sd->seq, err);
    if (rc)
        return rc;
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        hd_buf_addc(&w->norms[f], (char)norms[f]);
    hd_buf_add(&w->dates, &date, 4);
    w->n_docs++;
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        if (w->norms[f].oom)
            return hd_err_set(err, HD_ENOMEM, "out of memory merging");
    return w->dates.oom ? hd_err_set(err, HD_ENOMEM, "out of memory merging") : HD_OK;
}

void hd_segw_set_field_totals_src(hd_segw *w, const uint64_t *totals)
{
    w->totals_src = totals;
}

#define BROKEN_MSG                                                                                 \
    "out of memory earlier left the documents added since the last commit inconsistent; "          \
    "they are dropped at the next commit"

/* The limits a document must keep to. */
static hd_rc doc_ok(const hd_segw *w, const hd_doc *d, size_t body_len, const hd_doc_tokens *toks,
                    hd_err *err)
{
    if (!d->id || !*d->id)
        return hd_err_set(err, HD_EINVAL, "document without an id");
    if (strlen(d->id) > HD_MAX_ID_LEN)
        return hd_err_set(err, HD_ELIMIT, "document id longer than %d bytes", HD_MAX_ID_LEN);
    if (body_len > HD_MAX_BODY)
        return hd_err_setw(err, HD_ELIMIT, d->id, "document body over %u bytes", HD_MAX_BODY);
    if (w->n_docs == UINT32_MAX - 1)
        return hd_err_set(err, HD_ELIMIT, "too many documents in one segment");
    if (toks && (strcmp(toks->language, hd_analyzer_language(w->an)) != 0 || !toks->filled))
        return hd_err_set(err, HD_EINVAL, "document analysed for language '%s', index is '%s'",
                          toks->language, hd_analyzer_language(w->an));
    return HD_OK;
}

/* The text fields' terms (analysed by the caller, in another thread, or now) and the id term
 * (tf 1, no positions); lens gets each field's length in words. */
static hd_rc add_terms(hd_segw *w, const hd_doc *d, const hd_doc_tokens *toks, uint32_t doc,
                       uint32_t *lens, hd_err *err)
{
    hd_rc rc;
    if (!toks) {
        if ((rc = hd_doc_tokens_fill(w->an, d, &w->own, err)))
            return rc;
        toks = &w->own;
    }
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++) {
        size_t n = toks->start[f + 1] - toks->start[f];
        if ((rc = add_tokens(w, toks->tok + toks->start[f], n, (const uint8_t *)toks->keys.p)))
            return hd_err_set(err, rc, "out of memory indexing a document");
        lens[f] = field_words(toks->tok + toks->start[f], n);
    }
    uint8_t k[HD_MAX_TERM + 16];
    size_t kn = hd_id_key(d->id, strlen(d->id), k);
    term_ent *e = term_get(w, k, kn, 1);
    if (!e || HD_GROW(w->touched, w->cap_touched, w->n_touched + 1))
        return hd_err_set(err, HD_ENOMEM, "out of memory indexing a document");
    w->touched[w->n_touched++] = (uint32_t)(e - w->terms);
    e->last_doc = doc;
    e->cur_tf = 1;
    return HD_OK;
}

/* Close the doc's postings: a gap and a tf for every term it touched. */
static hd_rc close_postings(hd_segw *w, uint32_t doc, hd_err *err)
{
    for (size_t i = 0; i < w->n_touched; i++) {
        term_ent *e = &w->terms[w->touched[i]];
        uint32_t gap = e->prev_doc == UINT32_MAX ? doc : doc - e->prev_doc - 1;
        if (tvec_varint(w, &e->docs, gap) || tvec_varint(w, &e->docs, e->cur_tf))
            return hd_err_set(err, HD_ENOMEM, "out of memory indexing a document");
        e->prev_doc = doc;
        e->df++;
        e->total_tf += e->cur_tf;
    }
    w->n_touched = 0;
    return HD_OK;
}

/* After a failure part way: terms touched by the failed doc keep their positions; make the doc
 * exist (empty) so the streams stay consistent, and delete it. */
static void abandon_doc(hd_segw *w, uint32_t doc)
{
    for (size_t i = 0; i < w->n_touched; i++) {
        term_ent *e = &w->terms[w->touched[i]];
        uint32_t gap = e->prev_doc == UINT32_MAX ? doc : doc - e->prev_doc - 1;
        if (e->cur_tf == 0) {
            if (tvec_varint(w, &e->pos, 0))
                w->broken = HD_ENOMEM;
            e->cur_tf = 1;
        }
        if (tvec_varint(w, &e->docs, gap) || tvec_varint(w, &e->docs, e->cur_tf))
            w->broken = HD_ENOMEM;
        e->prev_doc = doc;
        e->df++;
        e->total_tf += e->cur_tf;
    }
    w->n_touched = 0;
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        hd_buf_addc(&w->norms[f], 0);
    int32_t none = HD_NO_DATE;
    hd_buf_add(&w->dates, &none, 4);
    if (hd_store_doc(w, "", NULL, "", NULL, "", "", 0, NULL, 0, 0, NULL))
        w->broken = HD_ENOMEM;
    w->n_docs++;
    del_set(w, doc);
}

hd_rc hd_segw_add(hd_segw *w, const hd_doc *d, const hd_doc_tokens *toks, hd_err *err)
{
    if (w->broken)
        return hd_err_set(err, w->broken, BROKEN_MSG);
    size_t body_len = d->body ? (d->body_len ? d->body_len : strlen(d->body)) : 0;
    hd_rc rc = doc_ok(w, d, body_len, toks, err);
    if (rc)
        return rc;
    uint32_t doc = w->n_docs;
    hd_segw_delete_id(w, d->id, strlen(d->id));
    uint32_t lens[HD_N_TEXT_FIELDS] = {0};
    if ((rc = add_terms(w, d, toks, doc, lens, err))) {
        abandon_doc(w, doc);
        return rc;
    }
    /* from here on a failure leaves postings for a doc the other streams may not have */
    if ((rc = close_postings(w, doc, err))) {
        w->broken = rc;
        return rc;
    }
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++) {
        uint8_t nb = hd_fieldnorm_encode(lens[f]);
        hd_buf_add(&w->norms[f], &nb, 1);
        w->field_total[f] += lens[f];
    }
    int32_t day = d->date ? hd_day_parse(d->date, strlen(d->date)) : HD_NO_DATE;
    hd_buf_add(&w->dates, &day, 4);
    if ((rc = hd_store_doc(w, d->id, d->url, d->source ? d->source : "", d->date,
                           d->title ? d->title : "", d->body ? d->body : "", body_len, d->speakers,
                           d->n_speakers, d->seq, err))) {
        w->broken = rc; /* the doc's postings are in, its record is not */
        return rc;
    }
    w->n_docs++;
    int oom = w->dates.oom;
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        oom |= w->norms[f].oom;
    if (oom) {
        w->broken = HD_ENOMEM;
        return hd_err_set(err, HD_ENOMEM, "out of memory indexing a document");
    }
    return HD_OK;
}
