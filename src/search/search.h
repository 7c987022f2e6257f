/* SPDX-License-Identifier: MIT
 *
 * search.h — the query side of herald: query text in, ranked hits out.
 *
 *   qparse.c   query text            -> hd_qnode tree (syntax only, raw words)
 *   bm25.c     statistics            -> BM25 / BM25F scores and upper bounds
 *   snippet.c  body + query terms    -> best passage with highlighted matches
 *   qtree.c, topk.c, search.c        -> iterator tree, top-k, the public hd_search API
 *
 * Everything a query allocates lives in one per-query arena and dies with the result set.
 */
#ifndef HD_SEARCH_H
#define HD_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "index/index.h"

/* ==== Interface to qparse.c ================================================================= */

/* Limits on what a user may ask; exceeding one gives HD_ELIMIT. */
#define HD_QUERY_MAX_BYTES  4096 /* query text */
#define HD_QUERY_MAX_LEAVES 256  /* terms, phrases, prefixes and date ranges */
#define HD_QUERY_MAX_DEPTH  32   /* nested parentheses */

typedef enum hd_qkind {
    HD_QK_TERM,   /* one word; may analyse to several tokens (then it acts as a phrase) */
    HD_QK_PHRASE, /* "exact phrase" */
    HD_QK_PREFIX, /* word* */
    HD_QK_DATE,   /* date:LO..HI */
    HD_QK_BOOL,   /* clauses, each with its own occur */
    HD_QK_ALL,    /* a lone "*": every document (a filter, no score) */
} hd_qkind;

typedef enum hd_qfield {
    HD_QF_ANY = 0, /* title and body together (BM25F) */
    HD_QF_TITLE,
    HD_QF_BODY,
    HD_QF_SOURCE,
    HD_QF_SPEAKER,
    HD_QF_DATE,
} hd_qfield;

typedef enum hd_qoccur {
    HD_QO_SHOULD = 0, /* optional; scores when it matches */
    HD_QO_MUST,       /* required */
    HD_QO_MUST_NOT,   /* excluded */
} hd_qoccur;

#define HD_DATE_MIN 0u        /* open lower end of a date range (yyyymmdd) */
#define HD_DATE_MAX 99991231u /* open upper end */

typedef struct hd_qnode hd_qnode;
struct hd_qnode {
    hd_qkind kind;
    hd_qfield field;  /* for leaves; HD_QF_ANY unless the query named one */
    hd_qoccur occur;  /* how this node joins its parent (root: HD_QO_SHOULD or MUST_NOT) */
    uint32_t col;     /* 1-based column (code points) where the node starts, for messages */
    const char *text; /* TERM, PHRASE, PREFIX: raw text (not NUL-terminated; PREFIX without *) */
    size_t len;
    uint32_t date_lo, date_hi; /* DATE: inclusive bounds as yyyymmdd */
    hd_qnode **kids;           /* BOOL: clauses */
    uint32_t n_kids;
};

/* Parse query text q[0..len) into a tree allocated from `a` (nodes point into q, which must
 * outlive the tree). Syntax: words (OR-ed by default), "phrases", AND / OR / NOT, +word and
 * -word, parentheses, field:word, field:"phrase", field:(...) for title body source speaker,
 * date:YYYY-MM-DD..YYYY-MM-DD (either end may be open; YYYY and YYYY-MM stand for their whole
 * period), and word* prefixes. Operators bind NOT/+/- tighter than AND, AND tighter than OR.
 *
 * Returns HD_OK and *out_root; HD_EQUERY for malformed text (err says what and at which
 * column); HD_ELIMIT past the limits above; HD_ENOMEM. */
hd_rc hd_qparse(const char *q, size_t len, hd_arena *a, hd_qnode **out_root, hd_err *err);

/* Append a canonical S-expression form of the tree to out (for tests and --explain):
 * bool (+must -mustnot should), field:"text", prefix*, date:[lo,hi]. */
void hd_qnode_dump(const hd_qnode *n, hd_buf *out);

/* ==== Interface to bm25.c =================================================================== */

#define HD_BM25_K1        1.2
#define HD_BM25_B         0.75
#define HD_BM25_IDF_FLOOR 0.01 /* idf of words in half of the documents or more */

/* Robertson-Sparck Jones idf, ln((n_docs - df + 0.5) / (df + 0.5)), but never below
 * HD_BM25_IDF_FLOOR (why: bm25.c). */
double hd_bm25_idf(uint64_t n_docs, uint64_t df);

/* Is w[0..n) a word a query of other words may leave out (stopwords.c: English closed-class
 * words, ASCII case-insensitive, not when written in capitals) for an index of `language`? */
int hd_stopword(const char *language, const char *w, size_t n);

/* Classic BM25 for one field: idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen)). */
double hd_bm25(double idf, double tf, double len, double avglen);

/* BM25F (Robertson & Zaragoza): the pseudo-frequency of a term over fields f is
 *   tf' = sum_f w_f * tf_f / (1 - b_f + b_f * len_f / avglen_f)
 * and its score is idf * tf' * (k1 + 1) / (tf' + k1). With one field of weight 1 this is
 * exactly hd_bm25. */
#define HD_BM25F_MAX_FIELDS   4
#define HD_BM25F_TITLE_WEIGHT 2.5 /* title boost over body in herald's ranking */

typedef struct hd_bm25f_params {
    uint32_t n_fields;
    double k1;
    double weight[HD_BM25F_MAX_FIELDS]; /* field boost w_f */
    double b[HD_BM25F_MAX_FIELDS];      /* per-field length normalisation b_f */
    double avglen[HD_BM25F_MAX_FIELDS]; /* average field length (> 0) */
} hd_bm25f_params;

/* Fill p for n_fields fields with k1 = 1.2, b = 0.75, weights 1 and the given averages (an
 * average <= 0 is taken as 1). */
void hd_bm25f_init(hd_bm25f_params *p, uint32_t n_fields, const double *avglen);

/* Per-field factor w_f / (1 - b_f + b_f * len / avglen_f). */
double hd_bm25f_norm(const hd_bm25f_params *p, uint32_t field, double len);

/* Score from idf and the pseudo-frequency tf' (sum of tf_f * norm_f). */
double hd_bm25f_score(const hd_bm25f_params *p, double idf, double pseudo_tf);

/* BM25F score of one term given per-field tf and lengths (arrays of p->n_fields). */
double hd_bm25f_term(const hd_bm25f_params *p, double idf, const double *tf, const double *len);

/* hd_bm25f_norm for each of the 256 one-byte field-length norms of the index, so scoring a
 * doc is a table lookup (decode: the index's fieldnorm decoder). */
typedef uint32_t (*hd_norm_decode_fn)(uint8_t norm);
void hd_bm25f_norm_table(const hd_bm25f_params *p, uint32_t field, hd_norm_decode_fn decode,
                         float out[256]);

/* ==== Interface to snippet.c ================================================================ */

/* A word of the text the snippet is cut from, with the query term it matches (-1: none). */
typedef struct hd_snip_tok {
    uint32_t start, end; /* byte range in the text, end exclusive */
    int32_t term;        /* index into the term weights, or -1 */
    uint32_t pos;        /* word position (search.c, to match phrases; hd_snippet ignores it) */
    int part;            /* a part of the compound before it (folded into it before hd_snippet) */
} hd_snip_tok;

#define HD_SNIPPET_MAX_TERMS 512         /* query terms beyond this do not count for the window */
#define HD_SNIPPET_MAX_SCAN  (64 * 1024) /* bytes of a body searched for the passage */

typedef struct hd_snippet_opts {
    uint32_t max_words; /* window size in words; 0 = 30 */
    const char *open;   /* highlight marks; NULL = "<b>" and "</b>" */
    const char *close;
    int escape_html; /* escape & < > in the text (so the marks are unambiguous) */
} hd_snippet_opts;

/* Append to out the best passage of text[0..len): the window of max_words consecutive words
 * whose matched terms weigh most (distinct terms count their full weight, repeats a tenth),
 * widened a little to the left for context, with "… " / " …" where it cuts the text, line
 * breaks as spaces and each run of matched words wrapped in the marks. toks must be in text
 * order; weights[term] > 0 for each term. Without matches the passage is the first words.
 * Appends nothing when there are no words. Errors show in out's sticky oom state. */
void hd_snippet(const char *text, size_t len, const hd_snip_tok *toks, size_t n_toks,
                const double *weights, size_t n_terms, const hd_snippet_opts *opts, hd_buf *out);

/* ==== Interface to qtree.c ================================================================== */

/* A query after analysis and against one index snapshot: every word turned into index terms
 * with their statistics, and filter-like clauses (date:, source:, speaker:) made required
 * non-scoring filters when they sit next to scoring clauses ("iran date:2022" means iran in
 * 2022, not iran or anything in 2022). Allocated in the per-query arena. */

typedef enum hd_pkind {
    HD_PK_NONE,   /* matches nothing (a word that analyses to no term, an empty clause) */
    HD_PK_ALL,    /* every live doc (a purely negative query) */
    HD_PK_TERM,   /* one term over a field set, BM25F-scored */
    HD_PK_PHRASE, /* terms at fixed relative positions over a field set */
    HD_PK_PREFIX, /* any term starting with a prefix; constant score */
    HD_PK_DATE,   /* date range filter; no score */
    HD_PK_BOOL,
} hd_pkind;

typedef struct hd_pword {
    const char *term; /* analysed term (arena, NUL-terminated) */
    uint32_t len;
    uint32_t rel;    /* position relative to the first word of a phrase */
    int32_t snip_id; /* index into hd_plan.snip_terms, or -1 */
} hd_pword;

#define HD_PREFIX_MAX_TERMS 20000 /* expansions of one prefix* in one segment */

typedef struct hd_pnode hd_pnode;
struct hd_pnode {
    hd_pkind kind;
    uint32_t n_fields;
    uint8_t fields[HD_BM25F_MAX_FIELDS]; /* hd_field values searched (TERM, PHRASE, PREFIX) */
    hd_pword *words;                     /* TERM: 1, PHRASE: >= 2, PREFIX: 1 (unstemmed) */
    uint32_t n_words;
    double idf;             /* TERM, PHRASE (sum over words) */
    int32_t day_lo, day_hi; /* DATE: inclusive day numbers */
    int is_filter;          /* date/source/speaker (or a bool of only those) */
    /* BOOL */
    hd_pnode **must, **filter, **should, **must_not;
    uint32_t n_must, n_filter, n_should, n_must_not;
    uint32_t min_should; /* 1 when nothing is required: some should clause must match */
};

/* A term the snippet maker looks for in bodies. */
typedef struct hd_snip_term {
    const char *term;
    uint32_t len;
    int prefix; /* match any body term starting with term */
    double weight;
    int phrase_only; /* only a word of phrases: highlight it only inside a phrase match */
} hd_snip_term;

/* A phrase of the query, as snippet term ids in order with their relative positions. */
typedef struct hd_snip_phrase {
    const int32_t *ids;
    const uint32_t *rel; /* position of word i relative to word 0 (a compound spans its parts) */
    uint32_t n;
} hd_snip_phrase;

/* A dictionary lookup the planner made (for idf), kept for the iterators of the same word,
 * field and segment, which would otherwise look the term up again. */
typedef struct hd_term_memo {
    const char *term; /* the hd_pword's term (compared by address) */
    uint32_t seg;
    uint8_t field;
    uint8_t found;
    hd_terminfo ti;
} hd_term_memo;

typedef struct hd_plan {
    hd_pnode *root;
    hd_bm25f_params bm25;
    const float (*norm)[256]; /* hd_bm25f_norm per field and length norm byte (the fields the
                                 query searches), shared by the plans of one snapshot */
    uint64_t n_docs;          /* max_doc of the snapshot (BM25's N) */
    uint64_t cost;            /* sum of doc freqs of the scoring terms */
    uint64_t exact_hits;      /* count this many hits exactly before pruning (tests change it) */
    hd_snip_term *snip_terms;
    uint32_t n_snip_terms;
    hd_snip_phrase *snip_phrases;
    uint32_t n_snip_phrases;
    hd_term_memo *memo; /* the planner's lookups (arena) */
    uint32_t n_memo, cap_memo;
} hd_plan;

/* The planner's lookup of w in field of segment seg: 1 (found: *out), 0 (not there), -1 (not
 * looked up, or it failed: look it up). */
int hd_plan_memo(const hd_plan *p, const hd_pword *w, uint8_t field, uint32_t seg,
                 hd_terminfo *out);

/* Analyse the tree q with `an` and resolve statistics against snapshot r (may be NULL for an
 * empty index). Returns HD_OK and *out (arena), HD_ELIMIT (a phrase over 64 words), HD_ENOMEM,
 * or an error of the index (HD_ECORRUPT). */
hd_rc hd_plan_build(const hd_qnode *q, const hd_ixr *r, hd_analyzer *an, hd_arena *a, hd_plan **out,
                    hd_err *err);

/* ==== Interface to qiter.c and qterm.c ====================================================== */

typedef struct hd_qit hd_qit;

/* State shared by the iterators of one query on one segment. */
typedef struct hd_qit_ctx {
    const hd_plan *plan;
    const hd_seg *seg;
    uint32_t seg_idx;
    uint32_t max_doc;
    hd_arena *a;
    hd_err *err;
    hd_rc rc;           /* sticky: the first error; iterators then report HD_DOC_END */
    double theta;       /* when >= 0: docs scoring <= theta cannot make the top k, and the root is
                           one scorer, which may then skip such docs without matching them fully */
    int skipped;        /* a doc was skipped that way: the hit count is a lower bound */
    const hd_qit *root; /* the root iterator when it is a boolean node scored alone, which */
    double root_theta;  /* may then skip docs scoring <= root_theta (when >= 0) */
} hd_qit_ctx;

typedef struct hd_qit_vt {
    void (*next)(hd_qit *);
    void (*seek)(hd_qit *, uint32_t target); /* target > doc */
    double (*score)(hd_qit *);               /* of the current doc */
    /* Upper bound of the score of any doc in [target, *out_upto] (the postings blocks under
     * target: block-max), or NULL when the iterator has none. */
    double (*block_bound)(hd_qit *, uint32_t target, uint32_t *out_upto);
} hd_qit_vt;

/* An iterator over the matching docs of a segment, in increasing order. */
struct hd_qit {
    uint32_t doc; /* current doc, HD_DOC_END at the end */
    const hd_qit_vt *vt;
    double max_score; /* upper bound of score() over the segment */
    uint64_t cost;    /* about how many docs it yields */
    hd_qit_ctx *c;
};

static inline void hd_qit_next(hd_qit *s)
{
    s->vt->next(s);
}

/* Move to the first doc >= t (nothing when already there). */
static inline void hd_qit_seek(hd_qit *s, uint32_t t)
{
    if (s->doc < t)
        s->vt->seek(s, t);
}

/* Record an error in the context (the first wins). */
void hd_qit_fail(hd_qit_ctx *c, hd_rc rc);

/* Build the iterator of a plan node for c->seg, standing on its first doc. NULL (arena out of
 * memory or an index error) with c->rc set. */
hd_qit *hd_qit_build(hd_qit_ctx *c, const hd_pnode *n);
/* Build an array of n iterators (arena); NULL with c->rc set. */
hd_qit **hd_qit_build_list(hd_qit_ctx *c, hd_pnode **v, uint32_t n);
/* An iterator that matches nothing. */
hd_qit *hd_qit_new_none(hd_qit_ctx *c);
/* Cheapest first. */
void hd_qit_sort_by_cost(hd_qit **v, uint32_t n);
/* First doc >= t on which all n iterators stand (leapfrog), or HD_DOC_END. */
uint32_t hd_qit_conj_align(hd_qit **v, uint32_t n, uint32_t t);
/* 1 when one of the n iterators holds doc d. */
int hd_qit_excluded(hd_qit **v, uint32_t n, uint32_t d);

/* qterm.c: BM25F scorer of a TERM or PHRASE node; constant-score bitset of a PREFIX node. */
hd_qit *hd_qit_new_term(hd_qit_ctx *c, const hd_pnode *n);
hd_qit *hd_qit_new_prefix(hd_qit_ctx *c, const hd_pnode *n);

/* ==== Interface to topk.c =================================================================== */

typedef struct hd_topk_hit {
    double score;
    int32_t day;  /* the doc's date (day number) or HD_NO_DATE */
    uint32_t seg; /* segment index in the snapshot */
    uint32_t doc; /* local doc id */
} hd_topk_hit;

typedef struct hd_topk_result {
    hd_topk_hit *hits; /* best first (arena) */
    size_t n_hits;
    uint64_t total; /* matching live docs seen */
    int exact;      /* total is exact (else a lower bound) */
} hd_topk_result;

#define HD_EXACT_HITS 1000 /* hit counts are exact up to here, then maybe a lower bound */

/* Find the k best docs of plan in r: by score (ties: index order), or with by_date newest first
 * (ties: score). Skips deleted docs. Uses MaxScore on disjunctions so most docs matching only
 * low-weight terms are never scored. HD_OK, HD_ENOMEM, HD_ECORRUPT, HD_ELIMIT (a prefix with
 * too many terms). */
hd_rc hd_topk_run(const hd_plan *plan, const hd_ixr *r, size_t k, int by_date, hd_arena *a,
                  hd_topk_result *out, hd_err *err);

#endif
