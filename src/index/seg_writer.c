/* SPDX-License-Identifier: MIT
 *
 * seg_writer.c — the in-memory segment: documents are analysed into an open-addressing term
 * hash whose entries own growable doc and position byte streams (no per-token allocation);
 * stored fields are compressed with zstd as documents arrive. hd_segw_write sorts the terms
 * once and writes one immutable segment file. Callers: index.c (add, commit, merge).
 *
 * Segment file "seg_<id>.hds" (all integers little-endian; varints are LEB128):
 *
 *   postings   per term, in dictionary order: varint byte length of the skip entries,
 *              ceil(df/128) skip entries, then the blocks.
 *              skip entry: varint (last_doc - base), varint data_len, varint pos_len,
 *              varint max_tf, u8 min_norm. base is 0 for the first block, else the previous
 *              block's last doc + 1. A full block (128 docs): u8 bits, 128 doc gaps bit-packed
 *              (first doc - base, then doc - prev - 1), u8 bits, 128 (tf - 1) bit-packed. The
 *              last, partial block: per doc varint (gap << 1 | tf==1) and varint tf if tf > 1.
 *   positions  per term, per doc in order: tf varints, first position absolute then deltas.
 *              pos_len of a skip entry is the byte length of its block's positions.
 *   dictionary blocks of up to 32 terms, sorted by key = u8 field + term bytes; per term:
 *              varint shared-prefix length (0 for a block's first term), varint suffix
 *              length, suffix, varint df, varint (total_tf - df), varint postings length,
 *              varint positions length. Offsets are cumulative from the block's base.
 *   dict index per block: u64 block offset (from dictionary start), u64 postings base, u64
 *              positions base (from their sections' starts).
 *   norms      HD_N_TEXT_FIELDS arrays of max_doc bytes: encoded field lengths.
 *   dates      max_doc i32: day numbers (INT32_MIN = none).
 *   dicts      the zstd dictionaries of the two stored-field streams (either may be empty),
 *              trained on the segment's first records.
 *   store      zstd frames of ~4 KiB of records; record: varint length + bytes of id, url,
 *              source, date, title, speakers ('\n'-joined), then varint seq.
 *   store index per block: u64 first doc, u64 offset from the store start.
 *   bodies     zstd frames of ~64 KiB of bodies (varint length + bytes), kept apart so
 *              that fetching titles does not decompress bodies; then its index, as above.
 *   meta       20 u64 (see seg.h: max_doc, n_terms, section offsets, field length totals).
 *   trailer    u32 "HDSG", u32 version, u64 xxh64 of all preceding bytes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>
#define ZDICT_STATIC_LINKING_ONLY /* ZDICT_trainFromBuffer_fastCover: one pass, no search */
#include <zdict.h>
#include <zstd.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

typedef struct tvec {
    uint8_t *p;
    uint32_t len, cap;
} tvec;

/* A stored-fields stream: records appended to raw, compressed in blocks of block_raw bytes
 * with a zstd dictionary trained on the segment's first train_bytes of records (small blocks
 * then compress as well as large ones, and a fetch decompresses little). Until the dictionary
 * exists, closed blocks wait uncompressed in pend. */
typedef struct zstore {
    hd_buf raw;     /* current block, uncompressed */
    uint32_t first; /* first doc of the current block */
    hd_buf out;     /* compressed blocks */
    hd_buf idx;     /* per block: u64 first doc, u64 offset in out */
    size_t block_raw;
    size_t train_bytes, dict_cap;
    int trained;       /* the dictionary (possibly none) is decided */
    hd_buf pend;       /* closed blocks awaiting the dictionary */
    hd_buf pend_idx;   /* per pending block: u64 first doc, u64 raw length */
    size_t *rec_sizes; /* sizes of the records in pend + raw: the training samples */
    size_t n_rec, cap_rec;
    hd_buf dict; /* trained dictionary; empty for none */
    ZSTD_CDict *cdict;
} zstore;

static void zstore_init(zstore *z, size_t block_raw, size_t train_bytes, size_t dict_cap);
static void zstore_done(zstore *z);
static size_t zstore_mem(const zstore *z);

#define WORD_KEY 23
typedef struct word_slot {
    uint32_t hash;
    uint32_t term; /* term index + 1; 0 = empty slot */
    uint8_t len;
    char key[WORD_KEY]; /* field byte + folded word */
} word_slot;

typedef struct term_ent {
    /* hot while indexing: one cache line */
    uint32_t last_doc; /* doc of the last occurrence, UINT32_MAX before any */
    uint32_t cur_tf;
    uint32_t last_pos;
    uint32_t prev_doc; /* last doc written to docs (for gaps) */
    tvec pos;          /* varint position deltas */
    tvec docs;         /* varint (gap), varint tf per doc */
    uint32_t df;
    uint32_t key_off; /* in w->keys */
    /* cold */
    uint64_t total_tf;
    uint32_t key_len;
    uint32_t hash;
} term_ent;

struct hd_segw {
    hd_analyzer *an;
    hd_buf keys; /* term keys, concatenated */
    term_ent *terms;
    size_t n_terms, cap_terms;
    uint64_t *slots; /* hash << 32 | (term index + 1), 0 = empty */
    size_t n_slots;
    /* surface-word cache: (field, folded word) -> term, so a known word skips stemming and
     * costs one cache line; words over WORD_KEY bytes go the slow way */
    word_slot *wslots;
    size_t n_wslots, n_words;
    uint32_t *tids; /* term of each token of the field being added */
    size_t cap_tids;
    hd_doc_tokens own; /* analysis when the caller brings none */
    uint32_t *touched; /* terms seen in the current doc */
    size_t n_touched, cap_touched;
    uint32_t n_docs;
    uint32_t n_deleted;
    hd_buf del; /* bitset */
    hd_buf norms[HD_N_TEXT_FIELDS];
    hd_buf dates;
    uint64_t field_total[HD_N_TEXT_FIELDS];
    const uint64_t *totals_src; /* merging: totals computed by the term source */
    zstore meta;                /* stored id, url, source, date, title, speakers, seq */
    zstore body;                /* stored bodies */
    ZSTD_CCtx *zc;
    size_t mem_vecs; /* bytes held by term vectors */
    /* per-doc analysis state */
    uint8_t cur_field;
    uint32_t cur_len;
    hd_rc rc;
    uint8_t keybuf[HD_MAX_TERM + 8];
};

static inline int key_eq(const uint8_t *a, const uint8_t *b, size_t n)
{
    if (n <= 8) {
        uint64_t x = 0, y = 0;
        memcpy(&x, a, n);
        memcpy(&y, b, n);
        return x == y;
    }
    return memcmp(a, b, n) == 0;
}

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
    zstore_init(&w->meta, STORE_BLOCK_RAW, META_TRAIN, META_DICT);
    zstore_init(&w->body, BODY_BLOCK_RAW, BODY_TRAIN, BODY_DICT);
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
        hd_free(w->terms[i].docs.p);
        hd_free(w->terms[i].pos.p);
    }
    hd_free(w->terms);
    hd_free(w->slots);
    hd_free(w->wslots);
    hd_free(w->tids);
    hd_doc_tokens_done(&w->own);
    hd_free(w->touched);
    hd_buf_done(&w->keys);
    hd_buf_done(&w->del);
    hd_buf_done(&w->dates);
    zstore_done(&w->meta);
    zstore_done(&w->body);
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

size_t hd_segw_mem(const hd_segw *w)
{
    return w->mem_vecs + w->keys.cap + w->cap_terms * sizeof(term_ent) +
           w->n_slots * sizeof(uint64_t) + w->n_wslots * sizeof(word_slot) + zstore_mem(&w->meta) +
           zstore_mem(&w->body) + (size_t)w->n_docs * (HD_N_TEXT_FIELDS + 4);
}

static int tvec_reserve(hd_segw *w, tvec *v, size_t extra)
{
    if (v->len + extra <= v->cap)
        return 0;
    size_t need = (size_t)v->len + extra;
    if (need > UINT32_MAX - 64)
        return -1;
    size_t cap = v->cap ? (size_t)v->cap * 2 : 8;
    while (cap < need)
        cap *= 2;
    if (cap > UINT32_MAX)
        cap = UINT32_MAX;
    uint8_t *p = hd_realloc(v->p, cap);
    if (!p)
        return -1;
    w->mem_vecs += cap - v->cap;
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
        if (hd_buf_reserve(&w->del, need - old + 1))
            return;
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

static void rec_str(hd_buf *b, const char *s, size_t n)
{
    hd_buf_varint(b, n);
    hd_buf_add(b, s, n);
}

static void zstore_init(zstore *z, size_t block_raw, size_t train_bytes, size_t dict_cap)
{
    memset(z, 0, sizeof *z);
    hd_buf_init(&z->raw);
    hd_buf_init(&z->out);
    hd_buf_init(&z->idx);
    hd_buf_init(&z->pend);
    hd_buf_init(&z->pend_idx);
    hd_buf_init(&z->dict);
    z->block_raw = block_raw;
    z->train_bytes = train_bytes;
    z->dict_cap = dict_cap;
}

static void zstore_done(zstore *z)
{
    hd_buf_done(&z->raw);
    hd_buf_done(&z->out);
    hd_buf_done(&z->idx);
    hd_buf_done(&z->pend);
    hd_buf_done(&z->pend_idx);
    hd_buf_done(&z->dict);
    hd_free(z->rec_sizes);
    ZSTD_freeCDict(z->cdict);
}

static size_t zstore_mem(const zstore *z)
{
    return z->raw.cap + z->out.cap + z->pend.cap + z->cap_rec * sizeof(size_t);
}

/* Compress raw bytes p[0..n) of the block starting at doc first into z->out. */
static hd_rc compress_block(hd_segw *w, zstore *z, uint64_t first, const char *p, size_t n,
                            hd_err *err)
{
    size_t bound = ZSTD_compressBound(n);
    hd_buf_u64(&z->idx, first);
    hd_buf_u64(&z->idx, z->out.len);
    if (hd_buf_reserve(&z->out, bound + 1))
        return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
    size_t k = z->cdict
                   ? ZSTD_compress_usingCDict(w->zc, z->out.p + z->out.len, bound, p, n, z->cdict)
                   : ZSTD_compressCCtx(w->zc, z->out.p + z->out.len, bound, p, n, 3);
    if (ZSTD_isError(k))
        return hd_err_set(err, HD_ENOMEM, "zstd: %s", ZSTD_getErrorName(k));
    z->out.len += k;
    return hd_buf_status(&z->idx, err);
}

#define MIN_TRAIN (128 * 1024) /* less than this: no dictionary */

/* Decide the dictionary from the pending records, then compress the pending blocks. */
static hd_rc train(hd_segw *w, zstore *z, hd_err *err)
{
    z->trained = 1;
    if (z->pend.len >= MIN_TRAIN && z->n_rec >= 16 && hd_buf_reserve(&z->dict, z->dict_cap) == 0) {
        /* Tiny records (the meta stream) train better as whole blocks. */
        size_t n_blk = z->pend_idx.len / 16;
        if (z->pend.len / z->n_rec < 256 && n_blk >= 16) {
            for (size_t i = 0; i < n_blk; i++)
                z->rec_sizes[i] = (size_t)hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16 + 8);
            z->n_rec = n_blk;
        }
        /* One fastCover pass with fixed parameters: ZDICT_trainFromBuffer would search over
         * several (k, d) and cost ~5x more for a few percent. */
        ZDICT_fastCover_params_t fp = {.k = 1024, .d = 8, .f = 20, .accel = 4, .steps = 0};
        fp.zParams.compressionLevel = 3;
        size_t n = ZDICT_trainFromBuffer_fastCover(z->dict.p, z->dict_cap, z->pend.p, z->rec_sizes,
                                                   (unsigned)z->n_rec, fp);
        if (!ZDICT_isError(n)) {
            z->dict.len = n;
            z->cdict = ZSTD_createCDict(z->dict.p, n, 3);
        }
        if (!z->cdict)
            z->dict.len = 0; /* compress without: still correct */
    }
    hd_free(z->rec_sizes);
    z->rec_sizes = NULL;
    z->n_rec = z->cap_rec = 0;
    size_t off = 0;
    for (size_t i = 0; i < z->pend_idx.len / 16; i++) {
        uint64_t first = hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16);
        uint64_t len = hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16 + 8);
        hd_rc rc = compress_block(w, z, first, z->pend.p + off, (size_t)len, err);
        if (rc)
            return rc;
        off += (size_t)len;
    }
    hd_buf_done(&z->pend);
    hd_buf_done(&z->pend_idx);
    return HD_OK;
}

/* Close the current block of z; the next block starts at doc next_first. */
static hd_rc flush_block(hd_segw *w, zstore *z, uint32_t next_first, hd_err *err)
{
    if (z->raw.len == 0)
        return HD_OK;
    hd_rc rc;
    if (z->trained) {
        rc = compress_block(w, z, z->first, z->raw.p, z->raw.len, err);
    } else {
        hd_buf_u64(&z->pend_idx, z->first);
        hd_buf_u64(&z->pend_idx, z->raw.len);
        hd_buf_add(&z->pend, z->raw.p, z->raw.len);
        rc = z->pend.oom || z->pend_idx.oom
                 ? hd_err_set(err, HD_ENOMEM, "out of memory storing documents")
                 : HD_OK;
        if (!rc && z->pend.len >= z->train_bytes)
            rc = train(w, z, err);
    }
    hd_buf_clear(&z->raw);
    z->first = next_first;
    return rc;
}

/* Note the size of the record just appended to z->raw (a training sample). */
static int note_record(zstore *z, size_t before)
{
    if (z->trained)
        return 0;
    if (HD_GROW(z->rec_sizes, z->cap_rec, z->n_rec + 1))
        return -1;
    z->rec_sizes[z->n_rec++] = z->raw.len - before;
    return 0;
}

/* Append the stored record of a document (NULL strings stored as ""). */
static hd_rc store_doc(hd_segw *w, const char *id, const char *url, const char *source,
                       const char *date, const char *title, const char *body, size_t body_len,
                       const char *const *speakers, size_t n_speakers, uint32_t seq, hd_err *err)
{
    hd_buf *m = &w->meta.raw;
    size_t m0 = m->len, b0 = w->body.raw.len;
    rec_str(m, id, strlen(id));
    rec_str(m, url ? url : "", url ? strlen(url) : 0);
    rec_str(m, source, strlen(source));
    rec_str(m, date ? date : "", date ? strlen(date) : 0);
    rec_str(m, title, strlen(title));
    size_t sp_len = 0;
    for (size_t i = 0; i < n_speakers; i++)
        if (speakers[i])
            sp_len += strlen(speakers[i]) + 1;
    hd_buf_varint(m, sp_len ? sp_len - 1 : 0);
    for (size_t i = 0, first = 1; i < n_speakers; i++) {
        if (!speakers[i])
            continue;
        if (!first)
            hd_buf_addc(m, '\n');
        hd_buf_adds(m, speakers[i]);
        first = 0;
    }
    hd_buf_varint(m, seq);
    rec_str(&w->body.raw, body, body_len);
    if (m->oom || w->body.raw.oom || note_record(&w->meta, m0) || note_record(&w->body, b0))
        return hd_err_set(err, HD_ENOMEM, "out of memory storing a document");
    hd_rc rc = HD_OK;
    if (m->len >= w->meta.block_raw)
        rc = flush_block(w, &w->meta, w->n_docs + 1, err);
    if (!rc && w->body.raw.len >= w->body.block_raw)
        rc = flush_block(w, &w->body, w->n_docs + 1, err);
    return rc;
}

hd_rc hd_segw_add_stored(hd_segw *w, const hd_stored_doc *sd, const uint8_t *norms, int32_t date,
                         hd_err *err)
{
    if (w->n_docs == UINT32_MAX - 1)
        return hd_err_set(err, HD_ELIMIT, "too many documents in one segment");
    /* speakers arrive '\n'-joined: store them as one name, which joins them the same way */
    const char *sp = sd->speakers;
    hd_rc rc = store_doc(w, sd->id, sd->url[0] ? sd->url : NULL, sd->source,
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

hd_rc hd_segw_add(hd_segw *w, const hd_doc *d, const hd_doc_tokens *toks, hd_err *err)
{
    if (!d->id || !*d->id)
        return hd_err_set(err, HD_EINVAL, "document without an id");
    size_t id_len = strlen(d->id);
    if (id_len > HD_MAX_ID_LEN)
        return hd_err_set(err, HD_ELIMIT, "document id longer than %d bytes", HD_MAX_ID_LEN);
    size_t body_len = d->body ? (d->body_len ? d->body_len : strlen(d->body)) : 0;
    if (body_len > HD_MAX_BODY)
        return hd_err_setw(err, HD_ELIMIT, d->id, "document body over %u bytes", HD_MAX_BODY);
    if (w->n_docs == UINT32_MAX - 1)
        return hd_err_set(err, HD_ELIMIT, "too many documents in one segment");
    if (toks && (strcmp(toks->language, hd_analyzer_language(w->an)) != 0 || !toks->filled))
        return hd_err_set(err, HD_EINVAL, "document analysed for language '%s', index is '%s'",
                          toks->language, hd_analyzer_language(w->an));
    uint32_t doc = w->n_docs;
    w->rc = HD_OK;
    hd_segw_delete_id(w, d->id, id_len);

    /* Text fields: analysed by the caller (another thread), or now. */
    uint32_t lens[HD_N_TEXT_FIELDS] = {0};
    hd_rc rc = HD_OK;
    const char *title = d->title ? d->title : "";
    const char *source = d->source ? d->source : "";
    if (!toks) {
        if ((rc = hd_doc_tokens_fill(w->an, d, &w->own, err)))
            goto fail;
        toks = &w->own;
    }
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++) {
        size_t n = toks->start[f + 1] - toks->start[f];
        if ((rc = add_tokens(w, toks->tok + toks->start[f], n, (const uint8_t *)toks->keys.p))) {
            rc = hd_err_set(err, rc, "out of memory indexing a document");
            goto fail;
        }
        lens[f] = (uint32_t)n;
    }

    /* Id term: tf 1, no positions. */
    {
        uint8_t k[HD_MAX_TERM + 16];
        size_t kn = hd_id_key(d->id, id_len, k);
        term_ent *e = term_get(w, k, kn, 1);
        if (!e || HD_GROW(w->touched, w->cap_touched, w->n_touched + 1)) {
            rc = hd_err_set(err, HD_ENOMEM, "out of memory indexing a document");
            goto fail;
        }
        w->touched[w->n_touched++] = (uint32_t)(e - w->terms);
        e->last_doc = doc;
        e->cur_tf = 1;
    }

    /* Close the doc's postings. */
    for (size_t i = 0; i < w->n_touched; i++) {
        term_ent *e = &w->terms[w->touched[i]];
        uint32_t gap = e->prev_doc == UINT32_MAX ? doc : doc - e->prev_doc - 1;
        if (tvec_varint(w, &e->docs, gap) || tvec_varint(w, &e->docs, e->cur_tf)) {
            rc = hd_err_set(err, HD_ENOMEM, "out of memory indexing a document");
            goto fail;
        }
        e->prev_doc = doc;
        e->df++;
        e->total_tf += e->cur_tf;
    }
    w->n_touched = 0;

    for (int f = 0; f < HD_N_TEXT_FIELDS; f++) {
        uint8_t nb = hd_fieldnorm_encode(lens[f]);
        hd_buf_add(&w->norms[f], &nb, 1);
        w->field_total[f] += lens[f];
    }
    int32_t day = d->date ? hd_day_parse(d->date, strlen(d->date)) : HD_NO_DATE;
    hd_buf_add(&w->dates, &day, 4);

    if ((rc = store_doc(w, d->id, d->url, source, d->date, title, d->body ? d->body : "", body_len,
                        d->speakers, d->n_speakers, d->seq, err)))
        return rc; /* TODO(#3): the doc's postings are in, its record is not: rare OOM only */
    w->n_docs++;
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        if (w->norms[f].oom)
            return hd_err_set(err, HD_ENOMEM, "out of memory indexing a document");
    if (w->dates.oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory indexing a document");
    return HD_OK;

fail:
    /* Terms touched by the failed doc keep their positions; make the doc exist (empty) so the
     * streams stay consistent, and delete it. */
    for (size_t i = 0; i < w->n_touched; i++) {
        term_ent *e = &w->terms[w->touched[i]];
        uint32_t gap = e->prev_doc == UINT32_MAX ? doc : doc - e->prev_doc - 1;
        if (e->cur_tf == 0) {
            if (tvec_varint(w, &e->pos, 0))
                w->rc = HD_ENOMEM;
            e->cur_tf = 1;
        }
        if (tvec_varint(w, &e->docs, gap) || tvec_varint(w, &e->docs, e->cur_tf))
            w->rc = HD_ENOMEM;
        e->prev_doc = doc;
        e->df++;
        e->total_tf += e->cur_tf;
    }
    w->n_touched = 0;
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        hd_buf_addc(&w->norms[f], 0);
    int32_t none = HD_NO_DATE;
    hd_buf_add(&w->dates, &none, 4);
    if (store_doc(w, "", NULL, "", NULL, "", "", 0, NULL, 0, 0, NULL))
        w->rc = HD_ENOMEM;
    w->n_docs++;
    del_set(w, doc);
    return rc;
}

/* ---- Writing the segment file ---------------------------------------------------------- */

typedef struct fwriter {
    int fd;
    const char *path;
    XXH64_state_t *xx;
    uint64_t off;
    hd_buf b; /* pending bytes */
    hd_rc rc;
    hd_err *err;
} fwriter;

static void fw_flush(fwriter *f)
{
    if (f->rc || f->b.len == 0)
        return;
    XXH64_update(f->xx, f->b.p, f->b.len);
    const char *p = f->b.p;
    size_t n = f->b.len;
    while (n) {
        ssize_t k = write(f->fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            f->rc = hd_err_sys(f->err, HD_EIO, f->path, "cannot write");
            return;
        }
        p += k;
        n -= (size_t)k;
    }
    hd_buf_clear(&f->b);
}

static void fw_add(fwriter *f, const void *p, size_t n)
{
    if (f->rc)
        return;
    if (n >= (1u << 20)) { /* big sections go straight through */
        fw_flush(f);
        if (f->rc)
            return;
        hd_buf saved = f->b;
        f->b.p = (char *)p;
        f->b.len = n;
        fw_flush(f);
        f->b = saved;
        f->off += n;
        return;
    }
    hd_buf_add(&f->b, p, n);
    if (f->b.oom)
        f->rc = hd_err_set(f->err, HD_ENOMEM, "out of memory writing %s", f->path);
    f->off += n;
    if (f->b.len >= (1u << 20))
        fw_flush(f);
}

static int cmp_terms(const void *a, const void *b, void *ud)
{
    const hd_segw *w = ud;
    const term_ent *x = &w->terms[*(const uint32_t *)a];
    const term_ent *y = &w->terms[*(const uint32_t *)b];
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(w->keys.p + x->key_off, w->keys.p + y->key_off, n);
    if (c)
        return c;
    return x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
}

/* Skip k varints in p; returns the byte count, or SIZE_MAX when the stream is short. */
static size_t skip_varints(const uint8_t *p, size_t len, uint64_t k)
{
    size_t i = 0;
    while (k) {
        if (i >= len)
            return SIZE_MAX;
        if (p[i++] < 0x80)
            k--;
    }
    return i;
}

/* Encode one term's postings into post (and count its position bytes per block). */
static hd_rc encode_term(hd_segw *w, const hd_mterm *e, hd_buf *post, hd_buf *scratch,
                         hd_buf *skips, uint32_t *docs, uint32_t *tfs, hd_err *err)
{
    hd_buf_clear(skips);
    /* Decode the in-memory doc stream. */
    const uint8_t *p = e->docs, *end = e->docs + e->docs_len;
    uint32_t prev = UINT32_MAX;
    for (uint32_t i = 0; i < e->df; i++) {
        uint64_t gap, tf;
        if (hd_varint_get(&p, end, &gap) || hd_varint_get(&p, end, &tf))
            return hd_err_set(err, HD_EINVAL, "internal: bad in-memory postings");
        docs[i] = prev == UINT32_MAX ? (uint32_t)gap : prev + 1 + (uint32_t)gap;
        tfs[i] = (uint32_t)tf;
        prev = docs[i];
        if (prev >= w->n_docs || tf == 0)
            return hd_err_set(err, HD_EINVAL, "internal: bad in-memory postings");
    }
    uint8_t field = e->key[0];
    const uint8_t *norms = field < HD_N_TEXT_FIELDS ? (const uint8_t *)w->norms[field].p : NULL;
    hd_buf_clear(scratch);
    const uint8_t *pp = e->pos;
    size_t pleft = e->pos_len;
    uint32_t base = 0;
    uint32_t gaps[HD_BLOCK], tfm1[HD_BLOCK];
    for (uint32_t b0 = 0; b0 < e->df; b0 += HD_BLOCK) {
        uint32_t n = e->df - b0 < HD_BLOCK ? e->df - b0 : HD_BLOCK;
        size_t start = scratch->len;
        uint32_t max_tf = 0, pos_count = 0;
        uint8_t min_norm = 255;
        uint32_t last = base ? base - 1 : 0;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t d = docs[b0 + i];
            gaps[i] = i == 0 ? d - base : d - last - 1;
            tfm1[i] = tfs[b0 + i] - 1;
            last = d;
            if (tfs[b0 + i] > max_tf)
                max_tf = tfs[b0 + i];
            uint8_t nb = norms ? norms[d] : 0;
            if (nb < min_norm)
                min_norm = nb;
            pos_count += tfs[b0 + i];
        }
        if (n == HD_BLOCK) {
            uint32_t orr = 0, orf = 0;
            for (uint32_t i = 0; i < n; i++) {
                orr |= gaps[i];
                orf |= tfm1[i];
            }
            unsigned bd = hd_bits(orr), bf = hd_bits(orf);
            hd_buf_addc(scratch, (char)bd);
            hd_bitpack(scratch, gaps, n, bd);
            hd_buf_addc(scratch, (char)bf);
            hd_bitpack(scratch, tfm1, n, bf);
        } else {
            for (uint32_t i = 0; i < n; i++) {
                hd_buf_varint(scratch, (uint64_t)gaps[i] << 1 | (tfm1[i] == 0));
                if (tfm1[i])
                    hd_buf_varint(scratch, tfm1[i] + 1);
            }
        }
        size_t pos_len = 0;
        if (field < HD_N_TEXT_FIELDS) {
            pos_len = skip_varints(pp, pleft, pos_count);
            if (pos_len == SIZE_MAX)
                return hd_err_set(err, HD_EINVAL, "internal: short in-memory positions");
            pp += pos_len;
            pleft -= pos_len;
        }
        hd_buf_varint(skips, last - base);
        hd_buf_varint(skips, scratch->len - start);
        hd_buf_varint(skips, pos_len);
        hd_buf_varint(skips, max_tf);
        hd_buf_addc(skips, (char)min_norm);
        base = last + 1;
    }
    hd_buf_varint(post, skips->len);
    hd_buf_add(post, skips->p, skips->len);
    hd_buf_add(post, scratch->p, scratch->len);
    if (skips->oom || scratch->oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory encoding postings");
    return hd_buf_status(post, err);
}

/* The writer's own terms as a term source, in sorted order. */
typedef struct own_src {
    hd_segw *w;
    uint32_t *order;
    size_t i;
} own_src;

static hd_rc own_next(void *ud, hd_mterm *t, int *has, hd_err *err)
{
    own_src *o = ud;
    (void)err;
    *has = o->i < o->w->n_terms;
    if (!*has)
        return HD_OK;
    const term_ent *e = &o->w->terms[o->order[o->i++]];
    t->key = (const uint8_t *)o->w->keys.p + e->key_off;
    t->key_len = e->key_len;
    t->df = e->df;
    t->total_tf = e->total_tf;
    t->docs = e->docs.p;
    t->docs_len = e->docs.len;
    int text = t->key[0] < HD_N_TEXT_FIELDS;
    t->pos = text ? e->pos.p : NULL;
    t->pos_len = text ? e->pos.len : 0;
    return HD_OK;
}

hd_rc hd_segw_write(hd_segw *w, const char *dir, const char *name, uint8_t **out_del,
                    uint64_t *out_size, hd_err *err)
{
    uint32_t *order = hd_new(uint32_t, w->n_terms ? w->n_terms : 1);
    if (!order)
        return hd_err_set(err, HD_ENOMEM, "out of memory writing %s", name);
    for (size_t i = 0; i < w->n_terms; i++)
        order[i] = (uint32_t)i;
    qsort_r(order, w->n_terms, sizeof *order, cmp_terms, w);
    own_src o = {.w = w, .order = order};
    hd_term_src src = {.next = own_next, .ud = &o, .allpos = NULL};
    hd_rc rc = hd_segw_write_src(w, &src, dir, name, out_del, out_size, err);
    hd_free(order);
    return rc;
}

hd_rc hd_segw_write_src(hd_segw *w, const hd_term_src *src, const char *dir, const char *name,
                        uint8_t **out_del, uint64_t *out_size, hd_err *err)
{
    *out_del = NULL;
    hd_rc rc = flush_block(w, &w->meta, w->n_docs, err);
    if (!rc)
        rc = flush_block(w, &w->body, w->n_docs, err);
    if (!rc && !w->meta.trained)
        rc = train(w, &w->meta, err);
    if (!rc && !w->body.trained)
        rc = train(w, &w->body, err);
    if (rc)
        return rc;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    uint32_t *docs = hd_new(uint32_t, w->n_docs ? w->n_docs : 1);
    uint32_t *tfs = hd_new(uint32_t, w->n_docs ? w->n_docs : 1);
    hd_buf post, dict, didx, scratch, skips;
    hd_buf_init(&skips);
    hd_buf_init(&post);
    hd_buf_init(&dict);
    hd_buf_init(&didx);
    hd_buf_init(&scratch);
    fwriter f = {.fd = -1, .path = path, .err = err};
    hd_buf_init(&f.b);
    f.xx = XXH64_createState();
    if (!docs || !tfs || !f.xx) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory writing %s", name);
        goto done;
    }
    XXH64_reset(f.xx, 0);

    f.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (f.fd < 0) {
        rc = hd_err_sys(err, HD_EIO, path, "cannot create");
        goto done;
    }

    /* Postings, streamed to the file; dictionary built alongside. */
    uint64_t post_total = 0, pos_total = 0;
    uint8_t prev_key[HD_MAX_TERM + 16]; /* copied: a source may reuse its key buffer */
    size_t prev_len = 0;
    uint64_t n_blocks = 0, n_terms = 0;
    for (size_t t = 0;; t++) {
        hd_mterm mt, *e = &mt;
        int has;
        if ((rc = src->next(src->ud, &mt, &has, err)))
            goto done;
        if (!has)
            break;
        n_terms++;
        const uint8_t *key = mt.key;
        size_t before = post.len;
        if ((rc = encode_term(w, e, &post, &scratch, &skips, docs, tfs, err)))
            goto done;
        uint64_t plen = post.len - before;
        uint64_t poslen = mt.pos_len;
        if (t % DICT_BLOCK_TERMS == 0) {
            hd_buf_u64(&didx, dict.len);
            hd_buf_u64(&didx, post_total);
            hd_buf_u64(&didx, pos_total);
            n_blocks++;
            prev_len = 0;
        }
        size_t shared = 0;
        while (shared < prev_len && shared < e->key_len && prev_key[shared] == key[shared])
            shared++;
        hd_buf_varint(&dict, shared);
        hd_buf_varint(&dict, e->key_len - shared);
        hd_buf_add(&dict, key + shared, e->key_len - shared);
        hd_buf_varint(&dict, e->df);
        hd_buf_varint(&dict, e->total_tf - e->df);
        hd_buf_varint(&dict, plen);
        hd_buf_varint(&dict, poslen);
        if (e->key_len > sizeof prev_key) {
            rc = hd_err_set(err, HD_EINVAL, "internal: term key too long");
            goto done;
        }
        memcpy(prev_key, key, e->key_len);
        prev_len = e->key_len;
        post_total += plen;
        pos_total += poslen;
        if (post.len >= (4u << 20)) {
            fw_add(&f, post.p, post.len);
            hd_buf_clear(&post);
        }
        if (f.rc || dict.oom || didx.oom) {
            rc = f.rc ? f.rc : hd_err_set(err, HD_ENOMEM, "out of memory writing %s", name);
            goto done;
        }
    }
    fw_add(&f, post.p, post.len);
    uint64_t m[SEG_META_WORDS] = {0};
    m[M_MAX_DOC] = w->n_docs;
    m[M_N_TERMS] = n_terms;
    m[M_POS_OFF] = f.off;
    if (src->allpos) {
        fw_add(&f, src->allpos->p, src->allpos->len);
    } else {
        own_src *o = src->ud;
        for (size_t t = 0; t < w->n_terms; t++) {
            const term_ent *e = &w->terms[o->order[t]];
            if ((uint8_t)w->keys.p[e->key_off] < HD_N_TEXT_FIELDS)
                fw_add(&f, e->pos.p, e->pos.len);
        }
    }
    m[M_DICT_OFF] = f.off;
    fw_add(&f, dict.p, dict.len);
    m[M_DICT_IDX_OFF] = f.off;
    m[M_N_DICT_BLOCKS] = n_blocks;
    fw_add(&f, didx.p, didx.len);
    m[M_NORMS_OFF] = f.off;
    for (int fl = 0; fl < HD_N_TEXT_FIELDS; fl++)
        fw_add(&f, w->norms[fl].p, w->norms[fl].len);
    m[M_DATES_OFF] = f.off;
    fw_add(&f, w->dates.p, w->dates.len);
    m[M_MDICT_LEN] = w->meta.dict.len;
    fw_add(&f, w->meta.dict.p, w->meta.dict.len);
    m[M_BDICT_LEN] = w->body.dict.len;
    fw_add(&f, w->body.dict.p, w->body.dict.len);
    m[M_STORE_OFF] = f.off;
    fw_add(&f, w->meta.out.p, w->meta.out.len);
    m[M_STORE_IDX_OFF] = f.off;
    m[M_N_STORE_BLOCKS] = w->meta.idx.len / STORE_IDX_ENTRY;
    fw_add(&f, w->meta.idx.p, w->meta.idx.len);
    m[M_BODY_OFF] = f.off;
    fw_add(&f, w->body.out.p, w->body.out.len);
    m[M_BODY_IDX_OFF] = f.off;
    m[M_N_BODY_BLOCKS] = w->body.idx.len / STORE_IDX_ENTRY;
    fw_add(&f, w->body.idx.p, w->body.idx.len);
    for (int fl = 0; fl < HD_N_TEXT_FIELDS; fl++)
        m[M_FIELD_TOTAL + fl] = w->totals_src ? w->totals_src[fl] : w->field_total[fl];
    m[M_META_OFF] = f.off;
    fw_add(&f, m, sizeof m);
    uint32_t tr[2] = {HD_MAGIC_SEG, HD_FORMAT_VERSION};
    fw_add(&f, tr, sizeof tr);
    fw_flush(&f);
    if (f.rc) {
        rc = f.rc;
        goto done;
    }
    uint64_t h = XXH64_digest(f.xx);
    fw_add(&f, &h, 8);
    fw_flush(&f);
    if (f.rc) {
        rc = f.rc;
        goto done;
    }
    if (fsync(f.fd) != 0) {
        rc = hd_err_sys(err, HD_EIO, path, "cannot fsync");
        goto done;
    }
    if (close(f.fd) != 0) {
        f.fd = -1;
        rc = hd_err_sys(err, HD_EIO, path, "cannot close");
        goto done;
    }
    f.fd = -1;
    *out_size = f.off;
    if (w->n_deleted) {
        size_t n = ((size_t)w->n_docs + 7) / 8;
        uint8_t *bits = hd_calloc(n ? n : 1, 1);
        if (!bits) {
            rc = hd_err_set(err, HD_ENOMEM, "out of memory");
            goto done;
        }
        memcpy(bits, w->del.p, w->del.len < n ? w->del.len : n);
        *out_del = bits;
    }
done:
    if (f.fd >= 0) {
        close(f.fd);
        if (rc)
            unlink(path);
    }
    if (f.xx)
        XXH64_freeState(f.xx);
    hd_buf_done(&f.b);
    hd_buf_done(&post);
    hd_buf_done(&dict);
    hd_buf_done(&didx);
    hd_buf_done(&scratch);
    hd_buf_done(&skips);
    hd_free(docs);
    hd_free(tfs);
    return rc;
}
