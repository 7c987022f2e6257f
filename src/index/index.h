/* SPDX-License-Identifier: MIT
 *
 * index.h — the index stage: analyzer (text -> terms), segment writer (documents -> immutable
 * segment files), commit (atomic manifest), and the snapshot reader the search stage codes
 * against (term lookup, postings iterators with block-max data, field lengths, stored docs,
 * date doc values, deletions).
 *
 * Input:  hd_doc (include/herald.h) through hd_index_add.
 * Output: an index directory (format in docs/FORMAT.md) and hd_ixr snapshots over it.
 * Callers: src/lib (public API), src/search (queries), src/cli (index/delete/stats/check).
 *
 * Threads: an hd_analyzer, an hd_ixr and an hd_postings belong to one thread at a time. Many
 * readers (in any number of processes) may open the same directory while one writer commits.
 */
#ifndef HD_INDEX_H
#define HD_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "herald.h"

/* ==== Analyzer ============================================================================ */

/* Longest term kept, in bytes after folding; longer words are dropped (their position still
 * counts, so phrases across them do not match falsely). */
#define HD_MAX_TERM 96

/* One token: the normalised (NFC, case-folded, apostrophes unified, stemmed) term, its
 * position (word number, from first_pos) and the byte range of the word in the input. */
typedef struct hd_token {
    const char *term; /* borrowed: valid only during the callback; not NUL-terminated */
    size_t term_len;
    uint32_t pos;  /* word position */
    size_t start;  /* byte offset of the word in the analysed text */
    size_t end;    /* exclusive */
    int stemmable; /* with HD_AN_NO_STEM: 1 when the analyzer would have stemmed term */
    int compound;  /* a hyphenated word as written; its parts follow, the first at pos */
    int part;      /* a part of the compound before it ("day" of "12-day"), start/end its own */
} hd_token;

/* Called per token. Return 0 to continue, non-zero to stop the analysis early. */
typedef int (*hd_token_fn)(void *ud, const hd_token *tok);

typedef struct hd_analyzer hd_analyzer;

/* Analyzer flags for hd_analyze_ex. */
enum {
    HD_AN_NO_STEM = 1 << 0, /* fold and normalise only (for prefix* queries) */
};

/* Create an analyzer for `language` (a Snowball algorithm name: "english", "french", ...; NULL
 * or "" means "english"; "none" disables stemming). HD_EINVAL for an unknown language,
 * HD_ENOMEM. Owned: free with hd_analyzer_free. Not thread-safe (keeps a stem cache). */
hd_rc hd_analyzer_new(const char *language, hd_analyzer **out, hd_err *err);
void hd_analyzer_free(hd_analyzer *an);

/* Stem one folded word (as delivered with HD_AN_NO_STEM and stemmable = 1). *out is borrowed
 * until the next call on an. HD_OK or HD_ENOMEM. */
hd_rc hd_analyzer_stem(hd_analyzer *an, const char *word, size_t len, const char **out,
                       size_t *out_len);

/* The language the analyzer was created with ("english"). Borrowed. */
const char *hd_analyzer_language(const hd_analyzer *an);

/* Split text[0..len) (UTF-8; invalid bytes act as separators) into tokens on Unicode word
 * boundaries and call fn for each, positions counting from first_pos. Words are runs of
 * letters, marks and digits; an apostrophe (' or U+2019) or hyphen between two word
 * characters stays inside the word ("don't", "12-day"), as do '.' and ',' between digits
 * ("1,060", "3.5"). A hyphenated word is followed by its parts, one position each, the word
 * itself sharing the first part's: "12-day strike" gives 12-day@0 (compound), 12@0 and day@1
 * (part), strike@2. Han/kana characters are one token each. Returns HD_OK (also when fn
 * stopped early) or HD_ENOMEM. *out_next_pos (may be NULL) receives the next free position. */
hd_rc hd_analyze(hd_analyzer *an, const char *text, size_t len, uint32_t first_pos, hd_token_fn fn,
                 void *ud, uint32_t *out_next_pos, hd_err *err);
hd_rc hd_analyze_ex(hd_analyzer *an, const char *text, size_t len, uint32_t first_pos, int flags,
                    hd_token_fn fn, void *ud, uint32_t *out_next_pos, hd_err *err);

/* ==== Fields ============================================================================== */

/* Indexed fields. Terms are keyed by (field, term bytes): title:"war" and body:"war" are two
 * separate terms with their own postings, as in Lucene. HD_FIELD_ID holds the document id as
 * one exact (not analysed) term without positions, used for replace/delete by id. */
typedef enum hd_field {
    HD_FIELD_TITLE = 0,
    HD_FIELD_BODY = 1,
    HD_FIELD_SOURCE = 2,
    HD_FIELD_SPEAKER = 3,
    HD_FIELD_ID = 4,
    HD_N_FIELDS = 5,
} hd_field;

/* Number of fields with positions and length norms (all but HD_FIELD_ID). */
#define HD_N_TEXT_FIELDS 4

/* Name of a field ("title"), or NULL. */
const char *hd_field_name(hd_field f);
/* Field by name; -1 when unknown. */
int hd_field_by_name(const char *name, size_t len);

/* Dates: days since 1970-01-01 (proleptic Gregorian). HD_NO_DATE when unknown. */
#define HD_NO_DATE INT32_MIN
/* Parse "YYYY-MM-DD" (exactly 10 bytes used); HD_NO_DATE when malformed. (Named hd_day_*, not
 * hd_date_*, which src/segment uses for its own hd_date struct.) */
int32_t hd_day_parse(const char *s, size_t len);
/* Format a day number as "YYYY-MM-DD" into out[11]. */
void hd_day_format(int32_t day, char out[11]);

/* Field length norms: one byte per document and field, lossy above 40 (Lucene-style). */
uint8_t hd_fieldnorm_encode(uint32_t len);
uint32_t hd_fieldnorm_decode(uint8_t norm);

/* ==== Reader: a snapshot of the last commit ================================================= */

typedef struct hd_ixr hd_ixr; /* a snapshot: the segments of one manifest */
typedef struct hd_seg hd_seg; /* one segment of a snapshot (borrowed from the hd_ixr) */

/* Open the last commit of the index in dir. Unaffected by a concurrent writer (a segment
 * removed under it makes it retry with the newer manifest). Every segment file's footer and
 * checksum are verified: a damaged file gives HD_ECORRUPT with the file named in err->where.
 * HD_ENOTFOUND when dir holds no index. Owned: free with hd_ixr_free. */
hd_rc hd_ixr_open(const char *dir, hd_ixr **out, hd_err *err);
void hd_ixr_free(hd_ixr *r);
/* One pointer of per-snapshot data for the search layer (its BM25F length-norm tables, which
 * depend only on the snapshot's average field lengths): NULL until set. Once set the reader
 * owns it and calls free_fn on it when it is freed or the slot is set again. State of the
 * handle, like the block caches: one thread per reader. */
void *hd_ixr_ext(const hd_ixr *r);
void hd_ixr_set_ext(const hd_ixr *r, void *ext, void (*free_fn)(void *ext));

size_t hd_ixr_n_segments(const hd_ixr *r);
const hd_seg *hd_ixr_segment(const hd_ixr *r, size_t i); /* borrowed, valid until free */
uint64_t hd_ixr_generation(const hd_ixr *r);             /* commit number */
const char *hd_ixr_language(const hd_ixr *r);            /* analyzer language of the index */
uint64_t hd_ixr_max_doc(const hd_ixr *r);                /* docs incl. deleted, all segments */
uint64_t hd_ixr_n_docs(const hd_ixr *r);                 /* live docs */
/* Sum of the lengths (words: positions taken) of `field` over all docs (deleted included, as
 * Lucene). The average field length for BM25 is hd_ixr_field_total / hd_ixr_max_doc. */
uint64_t hd_ixr_field_total(const hd_ixr *r, hd_field field);
/* Document frequency of (field, term) summed over segments (deleted docs included). */
uint64_t hd_ixr_doc_freq(const hd_ixr *r, hd_field field, const char *term, size_t len);

/* A term's entry in one segment's dictionary. */
typedef struct hd_terminfo {
    uint32_t doc_freq; /* documents containing the term in this segment */
    uint64_t total_tf; /* sum of term frequencies */
    uint64_t post_off; /* private: offset of the postings in the segment */
    uint64_t post_len; /* private */
    uint64_t pos_off;  /* private: offset of the positions */
    uint64_t pos_len;  /* private */
} hd_terminfo;

uint32_t hd_seg_max_doc(const hd_seg *s); /* local doc ids are 0 .. max_doc-1 */
uint32_t hd_seg_n_deleted(const hd_seg *s);
int hd_seg_is_deleted(const hd_seg *s, uint32_t doc);
/* Length of field in doc, decoded from the 1-byte norm (exact up to 40, ~6% steps above). */
uint32_t hd_seg_field_len(const hd_seg *s, hd_field field, uint32_t doc);
uint8_t hd_seg_field_norm(const hd_seg *s, hd_field field, uint32_t doc);
/* The norms of a text field: max_doc bytes, doc d's at [d] (NULL for another field). For
 * scorers, which read one per scored doc and field. */
const uint8_t *hd_seg_field_norms(const hd_seg *s, hd_field field);
uint64_t hd_seg_field_total(const hd_seg *s, hd_field field);
/* The doc's date as a day number, HD_NO_DATE when it has none. */
int32_t hd_seg_date(const hd_seg *s, uint32_t doc);
const char *hd_seg_name(const hd_seg *s); /* file name, for messages */

/* Look a term up. HD_OK and *out, HD_ENOTFOUND when absent, HD_ECORRUPT. */
hd_rc hd_seg_term(const hd_seg *s, hd_field field, const char *term, size_t len, hd_terminfo *out,
                  hd_err *err);

/* Call fn for every term of `field` starting with prefix (in sorted order), until fn returns
 * non-zero or max_terms terms were visited (then HD_ELIMIT). term is borrowed for the call. */
typedef int (*hd_term_fn)(void *ud, const char *term, size_t len, const hd_terminfo *ti);
hd_rc hd_seg_terms_prefix(const hd_seg *s, hd_field field, const char *prefix, size_t len,
                          size_t max_terms, hd_term_fn fn, void *ud, hd_err *err);

/* A stored document; strings are NUL-terminated and borrowed from the segment (valid until the
 * next hd_seg_doc on any segment of the same hd_ixr, or hd_ixr_free). */
typedef struct hd_stored_doc {
    const char *id;
    const char *url; /* "" when none */
    const char *source;
    const char *date; /* "" when none */
    uint32_t seq;
    const char *title;
    const char *body;
    size_t body_len;
    const char *speakers; /* speaker names separated by '\n', "" when none */
} hd_stored_doc;

/* Fetch a stored document (deleted ones too). HD_EINVAL for doc >= max_doc, HD_ECORRUPT. */
hd_rc hd_seg_doc(const hd_seg *s, uint32_t doc, hd_stored_doc *out, hd_err *err);
/* As hd_seg_doc without the body (body = "", body_len = 0): bodies are stored apart in large
 * blocks, so this is much cheaper when only ids and titles are needed. Speakers stored as
 * references into the body (docs/FORMAT.md) still cost decompressing its block. */
hd_rc hd_seg_doc_meta(const hd_seg *s, uint32_t doc, hd_stored_doc *out, hd_err *err);
/* As hd_seg_doc with only the fields asked for beyond the meta record's: HD_SF_BODY (else
 * body = "", body_len = 0) and HD_SF_SPEAKERS (else speakers = ""). Without either, no body
 * block is read. */
#define HD_SF_BODY     1u
#define HD_SF_SPEAKERS 2u
hd_rc hd_seg_doc_fields(const hd_seg *s, uint32_t doc, unsigned fields, hd_stored_doc *out,
                        hd_err *err);

/* ---- Postings iterator ---------------------------------------------------------------------
 * Caller-owned, no allocation: declare one on the stack or in a query node.
 *
 *     hd_postings p;
 *     if (hd_postings_open(&p, seg, &ti, 1, err) != HD_OK) ...
 *     while ((rc = hd_postings_next(&p)) == HD_OK)
 *         use(p.doc, p.freq);          // hd_postings_positions(&p, ...) for phrases
 *     if (rc != HD_DONE) corrupt...
 *
 * Docs come in increasing order. Deleted docs are NOT skipped (check hd_seg_is_deleted). Docs
 * are stored in blocks of HD_BLOCK; each block has skip data (its last doc) and an upper bound
 * for scoring (max term frequency and min field-length norm within the block), so block-max
 * WAND can compute score(max_tf, min_norm) >= the score of any doc in the block. */
#define HD_BLOCK   128
#define HD_DOC_END UINT32_MAX

typedef struct hd_postings {
    uint32_t doc;  /* current doc (meaningless before the first next/seek); HD_DOC_END at end */
    uint32_t freq; /* term frequency in the current doc */
    /* private below */
    const hd_seg *seg;
    const uint8_t *skip_start;         /* first skip entry */
    const uint8_t *skip_p, *skip_end;  /* next skip entry to read */
    const uint8_t *data, *data_end;    /* block data of the term */
    const uint8_t *pos_base, *pos_end; /* positions of the term */
    uint32_t df, n_blocks;
    uint32_t blk;         /* decoded block; UINT32_MAX before the first */
    uint32_t n_in_blk, i; /* docs in the decoded block, current index */
    uint32_t sk_blk;      /* block described by the sk_ fields */
    uint32_t sk_last, sk_base, sk_max_tf;
    uint8_t sk_min_norm;
    uint64_t sk_data_off, sk_len, sk_pos_off, sk_pos_len;
    uint64_t blk_pos_off, blk_pos_len;
    uint32_t pos_i; /* doc index whose positions start at pos_cur */
    const uint8_t *pos_cur;
    int with_pos;
    hd_rc rc; /* sticky HD_ECORRUPT */
    uint32_t docs[HD_BLOCK];
    uint32_t freqs[HD_BLOCK];
} hd_postings;

/* Position the iterator before the first doc of the term. with_positions = 0 forbids
 * hd_postings_positions but skips nothing on disk. HD_ECORRUPT when the header is bad. */
hd_rc hd_postings_open(hd_postings *p, const hd_seg *s, const hd_terminfo *ti, int with_positions,
                       hd_err *err);
/* Advance to the next doc: HD_OK, HD_DONE (p->doc = HD_DOC_END), or HD_ECORRUPT. Inline
 * within a block; hd_postings_next_block does the rest. */
hd_rc hd_postings_next_block(hd_postings *p);
static inline hd_rc hd_postings_next(hd_postings *p)
{
    if (p->blk < p->n_blocks && p->i + 1 < p->n_in_blk && !p->rc) {
        p->i++;
        p->doc = p->docs[p->i];
        p->freq = p->freqs[p->i];
        return HD_OK;
    }
    return hd_postings_next_block(p);
}
/* Advance to the first doc >= target (never backwards): HD_OK, HD_DONE, HD_ECORRUPT. Inline
 * while target is in the decoded block (a phrase or conjunction steps doc by doc);
 * hd_postings_seek_block moves to another block. */
hd_rc hd_postings_seek_block(hd_postings *p, uint32_t target);
static inline hd_rc hd_postings_seek(hd_postings *p, uint32_t target)
{
    if (p->blk < p->n_blocks && !p->rc && p->docs[p->n_in_blk - 1] >= target) {
        uint32_t i = p->i;
        while (p->docs[i] < target)
            i++;
        p->i = i;
        p->doc = p->docs[i];
        p->freq = p->freqs[i];
        return HD_OK;
    }
    return hd_postings_seek_block(p, target);
}
/* Move only the skip cursor forward to the first block whose last doc is >= target (no
 * decoding), so the block bounds below describe it. Returns HD_OK, or HD_DONE when target is
 * past the term's last doc (the cursor then stays on the last block). next/seek stay correct
 * after any shallow seek. */
hd_rc hd_postings_shallow_seek(hd_postings *p, uint32_t target);
/* Bounds of the block under the skip cursor: last doc, max tf, min field-length norm. */
uint32_t hd_postings_block_last_doc(const hd_postings *p);
uint32_t hd_postings_block_max_tf(const hd_postings *p);
uint8_t hd_postings_block_min_norm(const hd_postings *p);
/* Positions of the current doc (increasing) into out[0..cap); *out_n = freq. HD_ELIMIT when
 * cap < freq (nothing written), HD_ECORRUPT, HD_EINVAL without positions. */
hd_rc hd_postings_positions(hd_postings *p, uint32_t *out, size_t cap, size_t *out_n);
/* Maximum tf / min norm over the blocks from the skip cursor on: right after open, over the
 * whole term (for MaxScore term upper bounds). */
void hd_postings_term_bounds(const hd_postings *p, uint32_t *out_max_tf, uint8_t *out_min_norm);

/* ==== Index handle internals shared with src/search ======================================= */

/* The snapshot the index handle currently reads (the last commit it made or opened).
 * Borrowed: valid until the next hd_index_commit / hd_index_optimize / hd_index_close. May be
 * NULL for a fresh index with no commit yet. */
const hd_ixr *hd_index_reader(const hd_index *ix);
/* The analyzer configured for the index (its language). Borrowed, same thread rules. */
hd_analyzer *hd_index_analyzer(hd_index *ix);

/* Verify every file of the index in dir (footers, checksums, structure of dictionaries,
 * postings, stored fields). HD_ECORRUPT with err->where naming the bad file. */
hd_rc hd_index_check_dir(const char *dir, hd_err *err);

#endif
