/* SPDX-License-Identifier: MIT
 *
 * clean.h — the clean stage: page text in, normalised lines with boilerplate features and a
 * first, context-free class out.
 *
 *   hd_page.text  ->  hd_clean { normalised text, hd_line[] }
 *
 * The approach follows jusText and boilerpipe: each line (a paragraph in scraped text) gets
 * general features — length, share of stop words and capitalised words, final punctuation,
 * photo-credit and link patterns, repetition within the page — and a class: GOOD (prose),
 * SHORT (undecided: a heading, a widget or a one-line paragraph) or BAD (credit, link,
 * symbol run). SHORT lines are decided from their neighbours by hd_clean_resolve, which the
 * segment stage calls once it knows where each article starts and ends.
 */
#ifndef HD_CLEAN_H
#define HD_CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "herald.h"
#include "base/buf.h"

typedef enum hd_line_kind {
    HD_LINE_BLANK = 0,
    HD_LINE_GOOD,  /* prose: kept */
    HD_LINE_SHORT, /* undecided until hd_clean_resolve */
    HD_LINE_BAD,   /* boilerplate: dropped */
    HD_LINE_META,  /* byline or date line (set by the segment stage): dropped from the body */
    HD_LINE_TITLE, /* an article's title or a repeat of it: dropped from the body */
} hd_line_kind;

typedef struct hd_line {
    uint32_t off, len;    /* bytes of the line in hd_clean.text */
    uint32_t n_words;     /* tokens holding a letter or digit */
    uint32_t n_stop;      /* English stop words among them */
    uint32_t n_cap;       /* words starting with an upper-case letter */
    uint32_t n_ui;        /* words of web-interface vocabulary (comment, share, subscribe...) */
    uint32_t n_num;       /* tokens starting with a digit (figures in a table row) */
    uint64_t hints;       /* which words of site-furniture phrases it holds (classify.c) */
    uint32_t count;       /* lines in the page with the same folded text */
    uint32_t first;       /* index of the first of them */
    uint64_t key;         /* hash of the folded text (case, quotes and spacing ignored) */
    uint8_t kind;         /* hd_line_kind */
    uint8_t terminal;     /* ends like a sentence: . ! ? or an ellipsis, maybe inside quotes */
    uint8_t credit;       /* photo caption / agency credit pattern */
    uint8_t title_like;   /* could be a headline */
    uint8_t blank_before; /* number of blank lines before it (capped at 255) */
    uint8_t table;        /* part of a table kept as content (set by the segment stage) */
    uint8_t in_feed;      /* an item of a feed of other stories (set by the segment stage) */
} hd_line;

/* hd_line.hints bits of the words "cookie" and "cookies" (classify.c's hint list), and of
 * all the hint words that count as web-interface words (n_ui): those two, "comment",
 * "comments", "email", "sign", "subscribe". */
#define HD_HINT_COOKIES (3ull << 28)
#define HD_HINT_UI      (HD_HINT_COOKIES | (31ull << 31))

/* Stop words and web-interface words, hashed once per hd_clean. */
#define HD_WORDSET_SLOTS 1024
enum { HD_WORD_NONE = 0, HD_WORD_STOP = 1, HD_WORD_UI = 2, HD_WORD_HINT = 3 };
typedef struct hd_wordset {
    uint16_t slot[HD_WORDSET_SLOTS]; /* 1 + index into the word lists, 0 = empty */
} hd_wordset;

void hd_wordset_init(hd_wordset *ws);
/* HD_WORD_STOP, HD_WORD_UI, HD_WORD_HINT or HD_WORD_NONE for the lower-case ASCII word
 * w[0..n); for a hint word, its bit is ORed into *hint. */
int hd_wordset_find(const hd_wordset *ws, const char *w, size_t n, uint64_t *hint);
/* Is w[0..n) one of the count words of list (ASCII, case-insensitive)? */
int hd_clean_word_in(const char *w, size_t n, const char *const *list, size_t count);

typedef struct hd_clean {
    hd_buf text;    /* normalised page text: NFC, spaces folded, one paragraph per line */
    hd_buf scratch; /* internal */
    hd_line *lines; /* non-blank lines only */
    size_t n_lines, cap_lines;
    /* folded-key table for repetition counts */
    uint32_t *slots;
    size_t n_slots;
    hd_wordset words;
} hd_clean;

void hd_clean_init(hd_clean *c);
void hd_clean_done(hd_clean *c);

/* Normalise text[0..len) (valid UTF-8) and compute every line's features and first class.
 * Replaces the previous contents of c. HD_ENOMEM is the only failure. */
hd_rc hd_clean_page(hd_clean *c, const char *text, size_t len, hd_err *err);

/* Normalise: NFC, CR/CRLF to LF, Unicode spaces and tabs to one space, control and format
 * characters removed, lines trimmed, hard-wrapped lines of one paragraph joined. Appends to
 * out. Exposed for tests and for the title of JSONL pages. */
hd_rc hd_clean_normalize(const char *text, size_t len, hd_buf *out, hd_buf *scratch, hd_err *err);

/* Decide the SHORT lines among lines[from..to): kept (GOOD) when the nearest decided lines on
 * both sides are GOOD, dropped (BAD) otherwise; the range edges count as BAD. */
void hd_clean_resolve(hd_line *lines, size_t from, size_t to);

/* Line text helpers. */
static inline const char *hd_line_text(const hd_clean *c, const hd_line *l)
{
    return c->text.p + l->off;
}

/* Context-free class and credit/title features of one line whose word features are set. */
void hd_clean_classify(const char *p, size_t n, hd_line *l);

/* Lines longer than this are keyed by their exact bytes instead of the folded text. */
#define HD_FOLD_MAX 300

/* Hash of s[0..n) folded as line keys are (case, quotes, spacing); lines over HD_FOLD_MAX
 * bytes are hashed as they are. */
uint64_t hd_clean_fold_hash(const char *s, size_t n);

#endif
