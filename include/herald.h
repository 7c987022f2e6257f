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
#define HD_RC_LIST(X)                                                                           \
    X(HD_OK, "ok")                                                                              \
    X(HD_DONE, "no more items")                                                                 \
    X(HD_ENOMEM, "out of memory")                                                               \
    X(HD_EIO, "input/output error")                                                             \
    X(HD_ENOSPC, "no space left on device")                                                     \
    X(HD_EINPUT, "invalid input")                                                               \
    X(HD_ECORRUPT, "corrupt data")                                                              \
    X(HD_EQUERY, "invalid query")                                                               \
    X(HD_ENOTFOUND, "not found")                                                                \
    X(HD_ELIMIT, "limit exceeded")                                                              \
    X(HD_EVERSION, "unsupported format version")                                                \
    X(HD_EINVAL, "invalid argument")                                                            \
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
 * NUL-terminated UTF-8 owned by the producing handle. */
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
 * and call again to continue with the rest. */
HD_API hd_rc hd_extractor_next(hd_extractor *x, const hd_article **out, hd_err *err);

/* Number of inputs that failed so far (errors returned by hd_extractor_next). */
HD_API size_t hd_extractor_n_failed(const hd_extractor *x);

HD_API void hd_extractor_free(hd_extractor *x);

#ifdef __cplusplus
}
#endif
#endif /* HERALD_H */
