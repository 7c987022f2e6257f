/* SPDX-License-Identifier: MIT
 *
 * seg.h — private to src/index: segment file layout constants, the in-memory segment writer
 * (seg_writer.c), the reader structs (seg_reader.c), the manifest (commit.c) and the checker
 * (check.c). The format itself is described at the top of seg_writer.c and in docs/FORMAT.md.
 */
#ifndef HD_INDEX_SEG_H
#define HD_INDEX_SEG_H

#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "index/index.h"

/* Segment meta block: SEG_META_WORDS little-endian u64 just before the trailer. */
enum {
    M_MAX_DOC,
    M_N_TERMS,
    M_POS_OFF,
    M_DICT_OFF,
    M_DICT_IDX_OFF,
    M_N_DICT_BLOCKS,
    M_NORMS_OFF,
    M_DATES_OFF,
    M_STORE_OFF,
    M_STORE_IDX_OFF,
    M_N_STORE_BLOCKS,
    M_FIELD_TOTAL, /* HD_N_TEXT_FIELDS words */
    M_META_OFF = M_FIELD_TOTAL + HD_N_TEXT_FIELDS,
    M_BODY_OFF,
    M_BODY_IDX_OFF,
    M_N_BODY_BLOCKS,
    M_MDICT_LEN, /* zstd frame of the meta store's dictionary, after the dates */
    M_BDICT_LEN, /* zstd frame of the bodies' dictionary, after the meta dictionary */
    SEG_META_WORDS = 24
};

#define DICT_BLOCK_TERMS 32
#define DICT_IDX_ENTRY   24 /* u64 block offset, u64 postings offset, u64 positions offset */
#define STORE_IDX_ENTRY  16 /* u64 first doc, u64 block offset (relative to store section) */
#define STORE_BLOCK_RAW  (4 * 1024)
#define BODY_BLOCK_RAW   (64 * 1024)
#define META_TRAIN       (1024 * 1024) /* bytes of records seen before the dictionary is made */
#define BODY_TRAIN       (1024 * 1024)
#define META_DICT        (1024 * 1024) /* dictionary sizes: raw records */
#define BODY_DICT        (1024 * 1024)
#define HD_MAX_ZDICT     (8u << 20) /* largest dictionary a reader accepts */
#define HD_SPEAKER_REFS  64         /* speaker references per body record, at most */
#define HD_SPEAKER_SPAN                                                                            \
    (64 * 1024) /* ... all inside the body's first bytes: decoding one                             \
                   costs a scan of at most this */
#define HD_MAX_ID_LEN 1024
#define HD_MAX_BODY   (64u << 20)

/* ---- Analysed documents (prep.c) ------------------------------------------------------ */

/* One token: its key (field byte + folded, unstemmed word) in hd_doc_tokens.keys. */
typedef struct hd_tokrec {
    uint32_t off;
    uint32_t hash; /* hd_key_hash of the key */
    uint32_t pos;
    uint16_t len; /* key length */
    uint16_t stemmable;
} hd_tokrec;

struct hd_doc_tokens {
    char language[32]; /* analyzer language */
    hd_tokrec *tok;    /* all tokens, by field */
    size_t n, cap;
    size_t start[HD_N_TEXT_FIELDS + 1]; /* field f: tok[start[f] .. start[f + 1]) */
    hd_buf keys;
    int filled;
    /* byte span of each body token in the body: span[2k], span[2k + 1] for tok[start[BODY] +
     * k] (hd_doc_tokens_fill_part reuses the tokens of a stretch of the body) */
    uint32_t *span;
    size_t span_cap;
};

void hd_doc_tokens_init(hd_doc_tokens *t);
void hd_doc_tokens_done(hd_doc_tokens *t);
/* Analyse the text fields of d into t (reusing its memory). */
hd_rc hd_doc_tokens_fill(hd_analyzer *an, const hd_doc *d, hd_doc_tokens *t, hd_err *err);
/* As hd_doc_tokens_fill for a document d whose title and source are those of `whole` and
 * whose body is whole's body from byte `off`, whole being analysed in wt: its tokens are
 * copied instead of analysed again (the result is the same). Analyses d when that does not
 * hold or the stretch does not start and end between words. */
hd_rc hd_doc_tokens_fill_part(hd_analyzer *an, const hd_doc *d, const hd_doc *whole,
                              const hd_doc_tokens *wt, size_t off, hd_doc_tokens *t, hd_err *err);

/* A fast hash for short keys (terms are rarely over 16 bytes). */
static inline uint32_t hd_key_hash(const uint8_t *k, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, k, 8);
        h = (h ^ v) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        k += 8;
        n -= 8;
    }
    uint64_t v = 0;
    memcpy(&v, k, n);
    h = (h ^ v) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return (uint32_t)(h >> 32);
}

/* ---- Segment writer ------------------------------------------------------------------- */

typedef struct hd_segw hd_segw;

/* A new empty in-memory segment. an is borrowed for the writer's life. */
hd_rc hd_segw_new(hd_analyzer *an, hd_segw **out, hd_err *err);
void hd_segw_free(hd_segw *w);
/* Add a document as local doc hd_segw_n_docs() (before the call). A doc with the same id
 * already buffered is marked deleted. toks: its analysed text (hd_doc_tokens_fill with the
 * same language), or NULL to analyse it here. */
hd_rc hd_segw_add(hd_segw *w, const hd_doc *doc, const hd_doc_tokens *toks, hd_err *err);
/* Mark the buffered doc with this id deleted; returns 1 when one was found. */
int hd_segw_delete_id(hd_segw *w, const char *id, size_t len);
uint32_t hd_segw_n_docs(const hd_segw *w);
uint32_t hd_segw_n_deleted(const hd_segw *w);
/* Non-zero when an out-of-memory part way through hd_segw_add left the buffer inconsistent:
 * it takes no more documents and is never written; drop it (hd_segw_free). */
int hd_segw_broken(const hd_segw *w);
size_t hd_segw_mem(const hd_segw *w); /* approximate bytes held */
/* A term of a segment being written: its postings in the in-memory form (per doc varint gap
 * from the previous doc, or the doc itself for the first, then varint tf) and positions (per
 * doc tf varints: first position, then deltas). */
typedef struct hd_mterm {
    const uint8_t *key; /* field byte + term */
    size_t key_len;
    uint32_t df;
    uint64_t total_tf;
    const uint8_t *docs;
    size_t docs_len;
    const uint8_t *pos; /* NULL for HD_FIELD_ID */
    size_t pos_len;
} hd_mterm;

/* Terms in key order: next() sets *has = 0 at the end. allpos: when non-NULL, the positions of
 * all terms returned, concatenated (written after the postings); else the writer's own. */
typedef struct hd_term_src {
    hd_rc (*next)(void *ud, hd_mterm *t, int *has, hd_err *err);
    void *ud;
    const hd_buf *allpos;
} hd_term_src;

/* Append a stored document with its field norms and date but no postings (merging: the terms
 * come from hd_segw_write_src). */
hd_rc hd_segw_add_stored(hd_segw *w, const hd_stored_doc *sd, const uint8_t *norms, int32_t date,
                         hd_err *err);
/* Take the field length totals from *totals when writing (read after the last term). */
void hd_segw_set_field_totals_src(hd_segw *w, const uint64_t *totals);
/* As hd_segw_write with the terms from src instead of the writer's own. */
hd_rc hd_segw_write_src(hd_segw *w, const hd_term_src *src, const char *dir, const char *name,
                        uint8_t **out_del, uint64_t *out_size, hd_err *err);

/* Write the segment to dir/name and fsync it. *out_del receives the deletion bitset of the
 * buffered deletes (owned, hd_free; NULL when none), of (n_docs + 7) / 8 bytes. The writer
 * is unchanged (call hd_segw_free afterwards). */
hd_rc hd_segw_write(hd_segw *w, const char *dir, const char *name, uint8_t **out_del,
                    uint64_t *out_size, hd_err *err);

/* Merge the live documents of segs[0..n) into a new segment dir/name (written and fsynced)
 * without re-analysis. *out_docs: its document count (0: nothing written). */
hd_rc hd_merge_write(hd_analyzer *an, const struct hd_seg *const *segs, size_t n, const char *dir,
                     const char *name, uint32_t *out_docs, uint64_t *out_size, hd_err *err);

/* The HD_FIELD_ID key (field byte + term) of a document id into out[HD_MAX_TERM + 16]: the id
 * itself, or "\x01" + xxh64 for ids longer than HD_MAX_TERM. Returns the key length. */
size_t hd_id_key(const char *id, size_t len, uint8_t *out);

/* ---- Reader structs --------------------------------------------------------------------- */

/* A stored-fields stream's dictionary: a zstd frame in the file, decompressed by the first
 * fetch that needs it (opening a segment stays cheap). */
typedef struct hd_zdict {
    const uint8_t *z; /* the frame in the mapping; NULL: blocks compressed without one */
    size_t z_len;
    uint8_t *raw;            /* decompressed (owned, raw_len + tail bytes), NULL before use */
    size_t raw_len;          /* dictionary bytes in raw */
    size_t tail;             /* room after them: blocks up to this size decompress there */
    struct ZSTD_DDict_s *dd; /* over raw[0 .. raw_len) (by reference) */
} hd_zdict;

struct hd_seg {
    struct hd_ixr *ixr; /* owner (stored-doc cache) */
    char name[64];      /* "seg_12.hds" */
    uint64_t id;
    const uint8_t *map; /* whole file, mmapped */
    size_t size;
    uint64_t meta[SEG_META_WORDS];
    uint32_t max_doc;
    const uint8_t *post; /* postings section */
    const uint8_t *pos;  /* positions section */
    const uint8_t *pos_end;
    const uint8_t *dict, *dict_end;
    const uint8_t *dict_idx;
    uint64_t n_dict_blocks;
    const uint8_t *norms; /* HD_N_TEXT_FIELDS * max_doc */
    const uint8_t *dates; /* max_doc * 4 */
    const uint8_t *store, *store_end;
    const uint8_t *store_idx;
    uint64_t n_store_blocks;
    const uint8_t *body, *body_end;
    const uint8_t *body_idx;
    uint64_t n_body_blocks;
    hd_zdict mdict, bdict; /* the stored-fields dictionaries, loaded on first use */
    uint8_t *del;          /* deletion bitset (owned copy) or NULL */
    uint32_t n_deleted;
    uint64_t del_gen;
    char del_name[64];
};

/* One cached, decompressed stored-fields block. */
typedef struct hd_blk_cache {
    const struct hd_seg *seg; /* NULL: empty */
    uint64_t block;
    hd_buf data;
    uint32_t *recs; /* offset in data of each record (doc first + k), filled on first use */
    size_t n_recs;  /* 0: not yet */
    size_t cap_recs;
} hd_blk_cache;

#define HD_META_CACHE 2048 /* x ~4 KiB: titles of recent hits stay decompressed */
#define HD_BODY_CACHE 16   /* x ~64 KiB */

struct hd_ixr {
    char *dir;
    uint64_t gen;
    uint64_t next_seg_id;
    char language[32];
    struct hd_seg *segs;
    size_t n_segs;
    uint64_t max_doc, n_docs;
    uint64_t field_total[HD_N_TEXT_FIELDS];
    /* stored-doc caches: recently decompressed blocks, direct-mapped by (segment, block) */
    hd_blk_cache mcache[HD_META_CACHE];
    hd_blk_cache bcache[HD_BODY_CACHE];
    struct ZSTD_DCtx_s *dctx;
    hd_buf docbuf;               /* NUL-terminated copy of the last fetched document */
    void *ext;                   /* the search layer's per-snapshot data (hd_ixr_set_ext) */
    void (*ext_free)(void *ext); /* frees ext with the reader */
};

/* Manifest entry per segment. */
typedef struct hd_manifest_seg {
    uint64_t id;
    uint32_t max_doc;
    uint32_t n_deleted;
    uint64_t del_gen; /* 0: no deletion file */
} hd_manifest_seg;

typedef struct hd_manifest {
    uint64_t gen;
    uint64_t next_seg_id;
    char language[32];
    hd_manifest_seg *segs;
    size_t n_segs;
} hd_manifest;

#define HD_MANIFEST_NAME "MANIFEST"
#define HD_LOCK_NAME     "write.lock"

/* Read dir/MANIFEST. HD_ENOTFOUND when there is none. m->segs owned (hd_free). */
hd_rc hd_manifest_read(const char *dir, hd_manifest *m, hd_err *err);
/* Write it atomically (tmp, fsync, rename, fsync dir). */
hd_rc hd_manifest_write(const char *dir, const hd_manifest *m, hd_err *err);
void hd_manifest_done(hd_manifest *m);

void hd_seg_filename(char out[64], uint64_t id);
void hd_del_filename(char out[64], uint64_t id, uint64_t gen);
/* Write a deletion file (bitset of max_doc bits) and fsync it. */
hd_rc hd_del_write(const char *dir, uint64_t id, uint64_t gen, const uint8_t *bits,
                   uint32_t max_doc, uint32_t n_deleted, hd_err *err);
/* Write a whole file (not atomically) and fsync it. */
hd_rc hd_file_write_sync(const char *dir, const char *name, const void *data, size_t len,
                         hd_err *err);

/* Open the reader over an already-read manifest (no retry). verify = 0 skips the segment
 * checksums (only for files this process wrote and fsynced); structure is always checked. */
hd_rc hd_ixr_open_manifest(const char *dir, const hd_manifest *m, int verify, hd_ixr **out,
                           hd_err *err);

/* Run the merges the policy calls for on manifest nm (all its segments into one first with
 * merge_all): each merged segment is written to dir and replaces its sources in nm. */
hd_rc hd_merge_policy_run(const char *dir, hd_analyzer *an, hd_manifest *nm, int merge_all,
                          hd_err *err);

/* Decode one dictionary block entry. Internal to seg_reader.c/check.c. */
typedef struct hd_dict_cursor {
    const hd_seg *seg;
    uint64_t block;         /* current block index */
    const uint8_t *p, *end; /* remaining bytes of the block */
    uint64_t post_off, pos_off;
    uint8_t key[HD_MAX_TERM + 8]; /* field byte + term */
    size_t key_len;
    hd_terminfo ti;
} hd_dict_cursor;

/* Position the cursor at the start of block b. */
hd_rc hd_dict_cursor_block(hd_dict_cursor *c, const hd_seg *s, uint64_t b, hd_err *err);
/* Next term of the dictionary (crossing blocks): HD_OK, HD_DONE, HD_ECORRUPT. */
hd_rc hd_dict_cursor_next(hd_dict_cursor *c, hd_err *err);

/* Set err to HD_ECORRUPT naming the segment's file ("what" says what is wrong); returns
 * HD_ECORRUPT. */
hd_rc hd_seg_corrupt(const hd_seg *s, hd_err *err, const char *what);

/* Check one segment's internal structure deeply (dictionary order, all postings, positions,
 * stored blocks). */
hd_rc hd_seg_check(const hd_seg *s, hd_err *err);

#endif
