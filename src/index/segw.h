/* SPDX-License-Identifier: MIT
 *
 * segw.h — private to the segment writer: the in-memory segment (seg_writer.c), its stored
 * fields streams (store.c) and the segment file encoder (seg_file.c).
 */
#ifndef HD_INDEX_SEGW_H
#define HD_INDEX_SEGW_H

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <zstd.h>

#include "base/buf.h"
#include "index/seg.h"

typedef struct tvec {
    uint8_t *p;
    uint32_t len, cap;
} tvec;

/* A stored-fields stream: records appended to raw, compressed in blocks of block_raw bytes
 * against a raw-content zstd dictionary made of the stream's first dict_cap bytes (small
 * blocks then compress almost as well as one large frame, and a fetch decompresses little).
 * Until the dictionary exists (train_bytes of records seen, or the segment ends), closed
 * blocks wait uncompressed in pend. */
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
    hd_buf dict;       /* the dictionary: raw records; empty for none */
    hd_buf zdict;      /* the dictionary as one zstd frame, as written to the file */
    ZSTD_CDict *cdict; /* over dict (by reference) */
    ZSTD_CCtx *zc;     /* set up for this stream's blocks; the compressor thread's while it
                          holds jobs of this stream */
    hd_rc rc;          /* sticky: a block of this stream failed to compress */
} zstore;

/* A block handed to the compressor thread. The indexing thread fills src and dst, the
 * compressor writes res only; handed over and back under zpool.mu. */
typedef struct zjob {
    zstore *z;
    uint64_t first; /* first doc of the block */
    hd_buf src;     /* raw block (kept across uses of the slot) */
    uint8_t *dst;   /* ZSTD_compressBound(src.len) bytes */
    size_t dst_cap;
    size_t res; /* ZSTD_compress2's result */
} zjob;

/* Stored blocks compress on a helper thread, so zstd (a third of the indexing thread's time
 * before) overlaps with inversion. Jobs complete in submission order, so blocks reach each
 * stream's out in order and the file is the same as with synchronous compression. The thread
 * starts at the first block after a dictionary exists (small segments never start it). */
#define ZJOBS 8
typedef struct zpool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    pthread_t th;
    int started; /* th runs (mu, work, done initialised) */
    int failed;  /* no thread could be started: compress in the caller */
    int quit;
    zjob jobs[ZJOBS];
    unsigned head;   /* oldest uncollected job */
    unsigned n;      /* submitted, not yet collected */
    unsigned n_done; /* compressed: jobs head .. head + n_done - 1 */
} zpool;

#define SLAB_CHUNK   ((size_t)1 << 20)
#define SLAB_MAX     ((size_t)1 << 16)
#define SLAB_CLASSES 17

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
    zpool zp;                   /* their compressor thread */
    ZSTD_CCtx *zc;
    size_t mem_vecs; /* bytes held by term vectors */
    /* term vectors of up to SLAB_MAX bytes (seg_writer.c) */
    void *slab_free[SLAB_CLASSES]; /* freed vectors of 2^k bytes, linked through their start */
    char *slab_cur;                /* the rest of the last chunk */
    size_t slab_left;
    char **chunks;
    size_t n_chunks, cap_chunks;
    /* per-doc analysis state */
    uint8_t cur_field;
    uint32_t cur_len;
    /* sticky: an out-of-memory part way through an add left the buffered streams
     * inconsistent; nothing more is added and the buffer is never written */
    hd_rc broken;
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

/* ---- store.c ------------------------------------------------------------------------- */

void hd_zstore_init(zstore *z, size_t block_raw, size_t train_bytes, size_t dict_cap);
void hd_zstore_done(zstore *z);
size_t hd_zstore_mem(const zstore *z);
/* Stop the compressor thread (pending jobs are dropped) and free its buffers: before
 * hd_zstore_done of the streams it serves. */
void hd_zpool_done(zpool *zp);
size_t hd_zpool_mem(const zpool *zp);
/* Close the last block, compress everything still waiting for the dictionary and wait for
 * the compressor thread: then z->out and z->idx are complete. */
hd_rc hd_zstore_finish(hd_segw *w, zstore *z, hd_err *err);
/* Append the stored record of a document (NULL strings stored as ""). */
hd_rc hd_store_doc(hd_segw *w, const char *id, const char *url, const char *source,
                   const char *date, const char *title, const char *body, size_t body_len,
                   const char *const *speakers, size_t n_speakers, uint32_t seq, hd_err *err);

#endif
