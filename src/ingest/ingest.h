/* SPDX-License-Identifier: MIT
 *
 * ingest.h — the ingest stage: paths, directories, stdin and buffers in; pages out.
 *
 *   files / dirs / "-" / buffers  ->  hd_page (valid UTF-8 text + JSONL metadata)
 *
 * A page is one plain-text or HTML file, or one JSON Lines record (whose text may itself be a
 * saved web page), any of them maybe gzip-compressed. The format is detected by content.
 * Text is repaired to valid UTF-8 (U+FFFD) and NUL bytes dropped, with a warning; binary files
 * are skipped with a warning. Used by src/lib/pipeline.c.
 */
#ifndef HD_INGEST_H
#define HD_INGEST_H

#include <stddef.h>

#include "herald.h"
#include "base/buf.h"

/* One page. All pointers are borrowed from the reader: valid until the next hd_reader_next. */
typedef struct hd_page {
    const char *origin; /* file path, "<stdin>" or buffer name: for messages */
    size_t line;        /* 1-based JSONL line number, 0 for a plain-text page */
    const char *source; /* JSONL "source", else origin */
    const char *id;     /* JSONL "id" (numbers converted to text), or NULL */
    const char *url;    /* JSONL "url", or NULL */
    const char *date;   /* JSONL "date" as written, or NULL */
    const char *title;  /* JSONL "title", or NULL */
    const char *text;   /* page text: valid UTF-8, NUL-terminated, no NUL inside */
    size_t len;
    int structured; /* the text is the story already (read from HTML's structure): one
                       article, whose lines are judged only by context-free rules */
} hd_page;

typedef enum hd_format {
    HD_FMT_TEXT = 0,
    HD_FMT_JSONL,
    HD_FMT_JSON,
    HD_FMT_BINARY,
    HD_FMT_HTML,
    HD_FMT_GZIP
} hd_format;

/* Guess the format of a file from its first bytes (sample): gzip by its magic number, JSON
 * Lines when the first non-blank byte is '{', a JSON document when '[', HTML when it opens on a
 * tag and an <html>, <head>, <body> or doctype tag follows, binary when control bytes or invalid
 * UTF-8 dominate. */
hd_format hd_ingest_detect(const char *sample, size_t len);

/* Does the sample open like an HTML document (see hd_ingest_detect)? */
int hd_html_detect(const char *sample, size_t len);

/* An HTML document (any encoding its <meta> declares; UTF-8 by default) as a page: text gets
 * the story's paragraphs (blank-line separated, valid UTF-8 up to what libxml2 decodes), store
 * the title, date (YYYY-MM-DD when the metadata gives a full date) and canonical URL, and page
 * points into both; origin and source are left for the caller. where names the page in
 * messages. *too_deep is set when elements nest over 2,048 deep: what lies below was not
 * read. */
hd_rc hd_html_page(const char *html, size_t len, const char *where, hd_buf *text, hd_buf *store,
                   hd_page *page, int *too_deep, hd_err *err);

/* Parse one JSON Lines record (line, len bytes; need not be NUL-terminated) into page fields
 * allocated in `store` (reset by the caller). where names the line for messages. Returns
 * HD_EINPUT with the parse error or the missing/mistyped field. */
hd_rc hd_jsonl_parse(const char *line, size_t len, const char *where, hd_page *page, hd_buf *store,
                     hd_err *err);

/* hd_jsonl_parse through jansson alone (the reference the fast path is tested against). */
hd_rc hd_jsonl_parse_jansson(const char *line, size_t len, const char *where, hd_page *page,
                             hd_buf *store, hd_err *err);

/* The fast path of hd_jsonl_parse for a flat object of strings, numbers, true, false and null:
 * HD_OK with the page filled exactly as hd_jsonl_parse would, or HD_EINPUT (no message) when
 * the line needs jansson. */
hd_rc hd_jsonl_parse_fast(const char *line, size_t len, hd_page *page, hd_buf *store);

/* List the regular files under dir, recursively, in sorted (byte) order; dot-files skipped.
 * *out is an owned array of owned strings: free with hd_walk_free. */
hd_rc hd_walk_dir(const char *dir, char ***out, size_t *out_n, hd_err *err);
void hd_walk_free(char **paths, size_t n);

typedef struct hd_reader hd_reader;

typedef struct hd_reader_opts {
    size_t max_page_bytes; /* 0 = 64 MiB */
    hd_warn_fn warn;
    void *warn_ud;
} hd_reader_opts;

hd_rc hd_reader_new(const hd_reader_opts *opts, hd_reader **out, hd_err *err);
void hd_reader_free(hd_reader *r);
/* Queue a path ("-" = stdin). */
hd_rc hd_reader_add_path(hd_reader *r, const char *path, hd_err *err);
/* Queue a copy of an in-memory input. */
hd_rc hd_reader_add_buffer(hd_reader *r, const char *name, const void *data, size_t len,
                           hd_err *err);
/* Next page: HD_OK (page filled, borrowed), HD_DONE, or an error for one input or line (call
 * again to go on). */
hd_rc hd_reader_next(hd_reader *r, hd_page *page, hd_err *err);

#endif
