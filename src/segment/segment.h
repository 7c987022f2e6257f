/* SPDX-License-Identifier: MIT
 *
 * segment.h — the segment stage: a cleaned page in, its articles out (title, date, the lines
 * of the body).
 *
 *   hd_clean (lines with features)  ->  hd_seg[] (line ranges, title line, date)
 *
 * A page may hold several articles glued together. A new article starts at a headline-shaped
 * line that is printed more than once before its first paragraph (scraped pages repeat the
 * headline: page title, h1, share text), or one followed by a byline or date line, once the
 * current article has body text. Single headline-shaped lines inside a story are subheadings
 * and stay in the body.
 */
#ifndef HD_SEGMENT_H
#define HD_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "clean/clean.h"

/* A calendar date; y == 0 when unknown. */
typedef struct hd_date {
    int y, m, d;
} hd_date;

/* Find the first explicit date in s[0..n): "November 27 2022", "Nov. 27, 2022",
 * "27 Nov 2022", "2022-11-27", "2022/11/27", with an optional weekday. Returns 1 and sets *out
 * (and the match's byte span when start/end are non-NULL), or 0. */
int hd_date_find(const char *s, size_t n, hd_date *out, size_t *start, size_t *end);

/* Is s[0..n) a date's piece alone, as a page that prints the date in two parts leaves it on
 * its line: a day without its year ("November 20", "20 Nov") or a time with the year
 * ("15:23 2019")? */
int hd_date_fragment(const char *s, size_t n);

/* Parse a metadata date field ("2022-11-27", "2022-11-27T10:00:00Z", "27 Nov 2022"...). */
int hd_date_parse(const char *s, size_t n, hd_date *out);

/* "YYYY-MM-DD" into out[11]. */
void hd_date_format(const hd_date *d, char out[11]);

typedef struct hd_seg {
    size_t from, to; /* line range [from, to) in hd_clean.lines */
    long title;      /* index of the title line, or -1 */
    hd_date date;    /* from a byline/date line, y == 0 if none */
    size_t n_body;   /* lines kept in the body */
} hd_seg;

typedef struct hd_segments {
    hd_seg *v;
    size_t n, cap;
} hd_segments;

void hd_segments_done(hd_segments *s);

/* Split the page into articles and decide every line's final kind (GOOD lines form the body;
 * all others are dropped). given_title (may be NULL) is a title known from metadata: lines
 * repeating it are dropped and no other title is searched for the first article. Articles
 * left without body are dropped; if none has a body, the page's undecided lines are kept so
 * that no text is lost. */
hd_rc hd_segment_page(hd_clean *c, const char *given_title, hd_segments *out, hd_err *err);

/* Other stories under a "you may also like" heading, each paragraph cut short, made BAD in a
 * page's lines (part of hd_segment_page and hd_segment_structured). */
void hd_segment_drop_related_teasers(hd_clean *c);

/* For a page whose structure chose one story (no cutting into articles): the lines that are
 * not the story's text made BAD — other stories' teasers under a "you may also like" heading,
 * and in the story's head (before its first paragraph of prose) its headline again
 * (given_title, may be NULL), byline and date lines, and a short label under the headline. */
hd_rc hd_segment_structured(hd_clean *c, const char *given_title, hd_err *err);

#endif
