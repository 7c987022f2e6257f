/* SPDX-License-Identifier: MIT
 *
 * herald.h — the public C API of herald, a search and analysis engine for scraped news.
 *
 * This is the only installed header. Every exported name starts with hd_ / HD_. Handles are
 * opaque; the article and statement records handed out by the extractor are plain read-only
 * structs whose memory belongs to the handle that produced them (see each function).
 *
 * Errors: every fallible call returns an hd_rc and takes an hd_err* last (NULL allowed). On
 * failure the hd_err holds the code, a human message and, where it applies, where the problem
 * is (file:line:field or file@offset). The library never prints.
 *
 * Typical use (see examples/extract.c):
 *
 *     hd_extractor *x;
 *     hd_err err = {0};
 *     if (hd_extractor_new(NULL, &x, &err) != HD_OK) ...
 *     hd_extractor_add_path(x, "pages/", &err);
 *     const hd_article *a;
 *     hd_rc rc;
 *     while ((rc = hd_extractor_next(x, &a, &err)) != HD_DONE) {
 *         if (rc != HD_OK) { report(&err); hd_err_clear(&err); continue; }
 *         use(a);        // valid until the next hd_extractor_next / hd_extractor_free
 *     }
 *     hd_extractor_free(x);
 */
#ifndef HERALD_H
#define HERALD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define HD_API __attribute__((visibility("default")))
#else
#define HD_API
#endif

/* ---- Status codes ------------------------------------------------------------------------ */

/* X-macro: name, text. HD_OK must stay first (0) and HD_DONE second. */
#define HD_RC_LIST(X)                                                                              \
    X(HD_OK, "ok")                                                                                 \
    X(HD_DONE, "no more items")                                                                    \
    X(HD_ENOMEM, "out of memory")                                                                  \
    X(HD_EIO, "input/output error")                                                                \
    X(HD_ENOSPC, "no space left on device")                                                        \
    X(HD_EINPUT, "invalid input")                                                                  \
    X(HD_ECORRUPT, "corrupt data")                                                                 \
    X(HD_EQUERY, "invalid query")                                                                  \
    X(HD_ENOTFOUND, "not found")                                                                   \
    X(HD_ELIMIT, "limit exceeded")                                                                 \
    X(HD_EVERSION, "unsupported format version")                                                   \
    X(HD_EINVAL, "invalid argument")                                                               \
    X(HD_ELOCKED, "locked by another process")

typedef enum hd_rc {
#define HD_RC_ENUM_(name, text) name,
    HD_RC_LIST(HD_RC_ENUM_)
#undef HD_RC_ENUM_
        HD_RC_COUNT_
} hd_rc;

/* The short English text of a code ("out of memory"). Never NULL. */
HD_API const char *hd_rc_str(hd_rc rc);

/* The code's symbolic name ("HD_ENOMEM"). Never NULL. */
HD_API const char *hd_rc_name(hd_rc rc);

/* An error report. Fixed size, never allocates, so it works on out-of-memory. The first error
 * set wins until hd_err_clear(). Zero-initialise before first use. */
typedef struct hd_err {
    hd_rc code;      /* HD_OK when no error is recorded */
    int sys_errno;   /* errno at the time of the error, or 0 */
    char where[256]; /* "path:line", "path@offset", "path:line:field", or "" */
    char msg[512];   /* human-readable message without the location */
} hd_err;

HD_API void hd_err_clear(hd_err *err);

/* herald's version string, e.g. "0.1.0". */
HD_API const char *hd_version(void);

/* ---- Extracted records -------------------------------------------------------------------- */

/* A statement: a direct quote or reported speech found in an article body. All strings are
 * NUL-terminated UTF-8 owned by the producing handle. Words two people or two organisations
 * said together ("Jeb Bush and Chris Christie say …", "Apple Computer Inc and AST Research Inc
 * said …") are two statements with the same text and offsets, one for each speaker, the
 * mention naming both. */
typedef struct hd_statement {
    const char *speaker;         /* canonical name, or NULL when unknown */
    const char *speaker_mention; /* the mention as written ("he", "the Leader"), or NULL */
    const char *text;            /* the quote or the reported clause */
    const char *cue;             /* the cue verb as written ("said"), or NULL */
    int direct;                  /* 1 for a direct quote, 0 for reported speech */
    size_t start, end;           /* byte offsets of text in the article body, end exclusive */
} hd_statement;

/* Named-entity kinds. */
typedef enum hd_entity_kind {
    HD_ENT_PERSON = 0,
    HD_ENT_ORG,
    HD_ENT_PLACE,
} hd_entity_kind;

/* A named entity of an article, with its canonical name and number of mentions. */
typedef struct hd_entity {
    const char *name; /* canonical name ("Ali Khamenei") */
    hd_entity_kind kind;
    uint32_t n_mentions;
} hd_entity;

/* One article cut out of a page: clean body, title, date, statements. */
typedef struct hd_article {
    const char *id;     /* stable id: the JSONL id, or derived from source and seq */
    const char *source; /* where the page came from: its path, or the JSONL "source" */
    const char *url;    /* the JSONL url, or NULL */
    uint32_t seq;       /* position of this article in its page, from 0 */
    const char *title;  /* title, or "" when none was found */
    const char *date;   /* "YYYY-MM-DD", or NULL when the page gives no date */
    const char *body;   /* cleaned body, paragraphs separated by '\n' */
    size_t body_len;
    const hd_statement *statements;
    size_t n_statements;
    const hd_entity *entities;
    size_t n_entities;
} hd_article;

/* ---- Extraction: pages in, articles out ---------------------------------------------------- */

typedef struct hd_extractor hd_extractor;

/* Called for each non-fatal problem met while reading (repaired UTF-8, NUL bytes, skipped
 * binary file). The hd_err is only valid during the call. */
typedef void (*hd_warn_fn)(void *ud, const hd_err *warning);

typedef struct hd_extract_opts {
    size_t max_page_bytes; /* pages larger than this are skipped; 0 = default 64 MiB */
    int statements;        /* 1 = fill statements and entities (default when opts is NULL) */
    hd_warn_fn warn;       /* may be NULL: warnings are then dropped */
    void *warn_ud;
} hd_extract_opts;

/* Create an extractor. opts may be NULL for defaults. Returns HD_OK and *out (owned: free with
 * hd_extractor_free), or HD_ENOMEM. */
HD_API hd_rc hd_extractor_new(const hd_extract_opts *opts, hd_extractor **out, hd_err *err);

/* Queue a path: a file, a directory (read recursively in sorted order) or "-" for stdin.
 * Nothing is read yet. A missing path is reported by hd_extractor_next when reached. */
HD_API hd_rc hd_extractor_add_path(hd_extractor *x, const char *path, hd_err *err);

/* Queue an in-memory page (plain text or JSON Lines, detected by content). The bytes are
 * copied. name is used as the source in messages and ids. */
HD_API hd_rc hd_extractor_add_buffer(hd_extractor *x, const char *name, const void *data,
                                     size_t len, hd_err *err);

/* Produce the next article. Returns HD_OK with *out set (borrowed: valid until the next call or
 * hd_extractor_free), HD_DONE at the end, or an error for one input (a missing file, a
 * malformed JSON line, a page over the size limit) described in err; the caller may report it
 * and call again to continue with the rest. Pages are read a batch at a time (up to 64
 * articles), so on a slow stream an article may come out only when the batch is full or the
 * input ends; articles and errors still come in input order. */
HD_API hd_rc hd_extractor_next(hd_extractor *x, const hd_article **out, hd_err *err);

/* Number of inputs that failed so far (errors returned by hd_extractor_next). */
HD_API size_t hd_extractor_n_failed(const hd_extractor *x);

HD_API void hd_extractor_free(hd_extractor *x);

/* ---- Index: documents in, an on-disk search index out ------------------------------------ */

/* An index directory (default ./herald-index). One writer at a time (a lock file); any number
 * of readers, each seeing the last commit. Changes become visible and durable at
 * hd_index_commit; a crash (even kill -9) leaves the last completed commit intact. */
typedef struct hd_index hd_index;

typedef struct hd_index_opts {
    int create;           /* create the index when dir holds none (implies writable) */
    int writable;         /* take the write lock (HD_ELOCKED when another writer holds it) */
    const char *language; /* Snowball stemmer for a new index ("english" when NULL); an
                             existing index keeps the language it was created with */
    size_t mem_budget;    /* bytes of buffered documents before an automatic commit;
                             0 = 256 MiB */
} hd_index_opts;

/* A document to index. Strings are NUL-terminated UTF-8 (body may hold body_len bytes); all
 * are copied by hd_index_add. NULL means absent. id is required and unique: adding a doc with
 * an id already in the index replaces the old doc. */
typedef struct hd_doc {
    const char *id;
    const char *url;
    const char *source;
    const char *date; /* "YYYY-MM-DD" or NULL */
    uint32_t seq;
    const char *title;
    const char *body;
    size_t body_len;
    const char *const *speakers; /* names of the speakers quoted in the doc */
    size_t n_speakers;
} hd_doc;

/* Open (or with opts->create, create) the index in dir. opts may be NULL: read-only open.
 * Returns HD_OK and *out (owned: hd_index_close), HD_ENOTFOUND (no index and !create),
 * HD_ELOCKED (another writer), HD_ECORRUPT (a damaged file, named in err->where), HD_EVERSION,
 * HD_EIO, HD_ENOMEM. */
HD_API hd_rc hd_index_open(const char *dir, const hd_index_opts *opts, hd_index **out, hd_err *err);

/* Buffer a document (HD_EINVAL without an id or on a read-only index; HD_ELIMIT for an id over
 * 1 KiB or a body over 64 MiB). May commit by itself when the buffer exceeds mem_budget. */
HD_API hd_rc hd_index_add(hd_index *ix, const hd_doc *doc, hd_err *err);

/* The stemmer language of the index ("english"). Borrowed; "" for NULL. */
HD_API const char *hd_index_language(const hd_index *ix);

/* Analysis apart from indexing, so that it can run in another thread: an hd_tokenizer turns a
 * document's text into an hd_doc_tokens, which hd_index_add_tokens then adds with the same
 * document (much of the per-document work is done by then). A tokenizer belongs to one thread
 * at a time; its language must be the index's (hd_index_language), else HD_EINVAL. */
typedef struct hd_tokenizer hd_tokenizer;
typedef struct hd_doc_tokens hd_doc_tokens;

HD_API hd_rc hd_tokenizer_new(const char *language, hd_tokenizer **out, hd_err *err);
HD_API void hd_tokenizer_free(hd_tokenizer *tz);
/* Analyse doc into *out (owned: hd_doc_tokens_free). HD_ENOMEM. */
HD_API hd_rc hd_tokenizer_run(hd_tokenizer *tz, const hd_doc *doc, hd_doc_tokens **out,
                              hd_err *err);
/* As hd_tokenizer_run for a doc cut from another: its title and source those of `whole`, its
 * body whole's body from byte body_off (a statement of an article). whole_toks, whole analysed
 * by hd_tokenizer_run, is read, not analysed again; when doc is not such a part, or the part
 * starts or ends inside a word, doc is analysed. The result is the same either way. */
HD_API hd_rc hd_tokenizer_run_part(hd_tokenizer *tz, const hd_doc *doc, const hd_doc *whole,
                                   const hd_doc_tokens *whole_toks, size_t body_off,
                                   hd_doc_tokens **out, hd_err *err);
HD_API void hd_doc_tokens_free(hd_doc_tokens *t);
/* As hd_index_add, with doc's text already analysed into toks (by hd_tokenizer_run on the same
 * doc). toks is only read and may be freed afterwards. */
HD_API hd_rc hd_index_add_tokens(hd_index *ix, const hd_doc *doc, const hd_doc_tokens *toks,
                                 hd_err *err);

/* Convenience: hd_index_add of an extracted article (its speakers from its statements). */
HD_API hd_rc hd_index_add_article(hd_index *ix, const hd_article *a, hd_err *err);

/* A page re-indexed now has n_articles articles, ids base#k (the extractor's ids: base is the
 * page's id or source). Delete at the next commit the committed articles base#k with
 * k >= n_articles that an earlier indexing of the page left behind (ids of up to 96 bytes). */
HD_API hd_rc hd_index_trim_page(hd_index *ix, const char *base, uint32_t n_articles, hd_err *err);

/* Delete the document with this id (no error when there is none). Takes effect at commit. */
HD_API hd_rc hd_index_delete(hd_index *ix, const char *id, hd_err *err);

/* Write buffered documents as a new segment, apply deletions, merge segments to keep their
 * number logarithmic, and publish all of it atomically. On failure (HD_ENOSPC, HD_EIO) the
 * previous commit stays intact and the buffered changes are kept for a retry. */
HD_API hd_rc hd_index_commit(hd_index *ix, hd_err *err);

/* The first phase of a two-phase commit (as Lucene's prepareCommit): write and fsync what
 * hd_index_commit would (segment, deletions, merges) without publishing it; the next
 * hd_index_commit publishes it and does nothing else. Until then adds, deletes and trims are
 * refused (HD_EINVAL); closing the index instead drops it. Lets a caller do the slow part of
 * committing two indexes at once and still publish them in a fixed order. */
HD_API hd_rc hd_index_prepare_commit(hd_index *ix, hd_err *err);

/* Commit, then merge all segments into one (dropping deleted docs) and commit again. */
HD_API hd_rc hd_index_optimize(hd_index *ix, hd_err *err);

typedef struct hd_index_stats {
    uint64_t n_docs;    /* live documents in the last commit */
    uint64_t n_deleted; /* deleted documents still in segments */
    uint64_t n_terms;   /* dictionary entries summed over segments (all fields) */
    uint64_t n_segments;
    uint64_t size_bytes; /* bytes of the files of the last commit */
    uint64_t generation; /* commit number */
    uint64_t n_pending;  /* buffered, uncommitted documents */
    char language[32];
} hd_index_stats;

HD_API hd_rc hd_index_stats_get(hd_index *ix, hd_index_stats *out, hd_err *err);

/* Verify every file of the index in dir (checksums and structure). HD_OK, or HD_ECORRUPT with
 * the damaged file named in err->where; HD_ENOTFOUND when there is no index. */
HD_API hd_rc hd_index_check(const char *dir, hd_err *err);

/* Close the index, releasing the lock. Uncommitted changes are discarded. NULL is allowed. */
HD_API void hd_index_close(hd_index *ix);

/* ---- Search: a query in, ranked articles out ---------------------------------------------- */

/* Query syntax (see docs): words are OR-ed and ranked by BM25F (title boosted over body);
 * "exact phrase"; AND, OR, NOT (upper case) and +word / -word; parentheses; title:, body:,
 * source:, speaker: before a word, "phrase" or (group); date:2022-01-01..2022-12-31 (either end
 * may be open; date:2022 and date:2022-03 cover the year / month); prefix*. Clauses on date:,
 * source: and speaker: next to words filter without changing scores. In an English index an
 * optional stop word ("the", "of", "what"; not "US" in capitals) is left out of a query that has
 * other words; phrases, +word and field:word keep it. */

typedef enum hd_sort {
    HD_SORT_SCORE = 0, /* best first */
    HD_SORT_DATE,      /* newest first; undated last */
} hd_sort;

typedef struct hd_search_opts {
    size_t limit;  /* rows to return; 0 = 10 */
    size_t offset; /* rows to skip; offset + limit <= HD_SEARCH_MAX_WINDOW */
    hd_sort sort;
    int snippets;           /* 1 = make a snippet for each row */
    const char *hl_open;    /* highlight marks; NULL = "<b>" / "</b>", and the snippet text */
    const char *hl_close;   /* is then HTML-escaped (& < >) so the marks are unambiguous */
    int hl_raw;             /* 1 = never escape the snippet text (terminal output) */
    unsigned snippet_words; /* passage length in words; 0 = 30 */
    int bodies;             /* 1 = fill hd_hit.body with the whole stored body */
    int no_speakers;        /* 1 = leave hd_hit.speakers "": speakers found in the body are
                               stored as references to it, so without snippets or bodies
                               they cost decompressing its block */
} hd_search_opts;

#define HD_SEARCH_MAX_WINDOW 10000

/* One result row. Strings are NUL-terminated UTF-8, borrowed from the hd_results (valid until
 * hd_results_free). */
typedef struct hd_hit {
    const char *id;
    double score;      /* BM25F score (0 for pure filters) */
    const char *title; /* "" when none */
    const char *date;  /* "YYYY-MM-DD", or "" when unknown */
    const char *source;
    const char *url;      /* "" when none */
    const char *snippet;  /* the best body passage with marks, or NULL without snippets */
    const char *speakers; /* names of the speakers quoted, separated by '\n'; "" when none */
    const char *body;     /* the stored body when opts.bodies, else NULL */
} hd_hit;

typedef struct hd_results hd_results;

/* Run query on the last commit of ix. opts may be NULL (10 rows by score, no snippets).
 * One search at a time per hd_index (it uses the handle's analyzer and read buffers); open one
 * handle per thread to search in parallel. Results stay valid after later searches.
 * Returns HD_OK and *out (owned: free with hd_results_free); HD_EQUERY for a malformed query
 * (err->msg says what and at which column); HD_ELIMIT for a query over the limits (4096 bytes,
 * 256 terms, 32 nested parentheses, a prefix matching over 20000 terms) or a result window
 * over HD_SEARCH_MAX_WINDOW; HD_ECORRUPT (file in err->where); HD_ENOMEM; HD_EINVAL for NULL
 * arguments. */
HD_API hd_rc hd_search(hd_index *ix, const char *query, const hd_search_opts *opts,
                       hd_results **out, hd_err *err);

/* The next row: HD_OK and *out (borrowed, valid until hd_results_free), or HD_DONE. */
HD_API hd_rc hd_results_next(hd_results *r, const hd_hit **out);

/* Rows returned in all (after offset and limit). */
HD_API size_t hd_results_count(const hd_results *r);

/* Number of matching documents; *out_exact (may be NULL) = 1 when exact, 0 when it is a lower
 * bound (dynamic pruning skipped documents that could not make the top rows). */
HD_API uint64_t hd_results_total(const hd_results *r, int *out_exact);

/* Milliseconds the search took in process: parse, top-k, fetching rows and snippets. */
HD_API double hd_results_took_ms(const hd_results *r);

/* Free the results and everything borrowed from them. NULL is allowed. */
HD_API void hd_results_free(hd_results *r);

/* Every match, unranked: for aggregations over all of a query's documents (counts per
 * speaker, a whole timeline), which a ranked result window cannot hold. */
typedef struct hd_search_each_opts {
    int bodies; /* 1 = fill hd_hit.body (costs decompressing every matching body) */
    int scores; /* 1 = fill hd_hit.score with the doc's BM25F score, else 0 */
} hd_search_each_opts;

/* Called once per match; the hit and its strings are valid during the call only. Return 0 to
 * go on, non-zero to stop (hd_search_each then returns HD_OK). snippet is always NULL. */
typedef int (*hd_hit_fn)(void *ud, const hd_hit *hit);

/* Call fn for every live document of the last commit that query matches, in index order (not
 * by score or date), with constant memory whatever their number. opts may be NULL. Errors as
 * hd_search (HD_EQUERY, HD_ELIMIT, HD_ECORRUPT, HD_ENOMEM, HD_EINVAL). */
HD_API hd_rc hd_search_each(hd_index *ix, const char *query, const hd_search_each_opts *opts,
                            hd_hit_fn fn, void *ud, hd_err *err);

/* ---- Statements: who said what, as records of their own --------------------------------- */

/* The statements of articles are kept in a second index, by convention the directory
 * "statements" inside the articles' index directory (see hd_statements_dir). Each statement
 * is one document: id "<article id>#s<k>", body = the statement text, title, source, url and
 * date of its article, and its canonical speaker in the speaker: field. So the full query
 * language applies: `speaker:khamenei date:2022 negotiation*`. */

/* Write "<index dir>/statements" into out[cap]. HD_ELIMIT when it does not fit. */
HD_API hd_rc hd_statements_dir(const char *index_dir, char *out, size_t cap);

/* Add (or replace) every statement of article a as a document of the statements index. */
HD_API hd_rc hd_index_add_statements(hd_index *stmts, const hd_article *a, hd_err *err);

/* Statement records kept per article at most (more are not indexed). */
#define HD_MAX_STATEMENTS_PER_ARTICLE 1024

/* The document hd_index_add_statements adds for statement k of article a, so that a caller
 * can analyse it in another thread (hd_tokenizer_run) and add it with hd_index_add_tokens.
 * Its id is written into id[cap], its speaker array is speaker1[1]; every other string is
 * borrowed from a. Returns HD_OK; HD_DONE when statement k is not indexed (empty text, k out
 * of range or over HD_MAX_STATEMENTS_PER_ARTICLE); HD_ELIMIT when the id does not fit. */
HD_API hd_rc hd_statement_doc(const hd_article *a, size_t k, char *id, size_t cap,
                              const char **speaker1, hd_doc *out);

/* Delete the statement records k in [a->n_statements, max_k) of article a: what an earlier
 * extraction of the same article may have left beyond its current statements. */
HD_API hd_rc hd_index_delete_statements(hd_index *stmts, const hd_article *a, size_t max_k,
                                        hd_err *err);

/* The article id of a statement record id ("<article id>#s<k>"): the length of its prefix. */
HD_API size_t hd_statement_article_id_len(const char *statement_id);

#ifdef __cplusplus
}
#endif
#endif /* HERALD_H */
