/* SPDX-License-Identifier: MIT
 *
 * segment_int.h — private interface between the files of the segment stage.
 *
 *   byline.c    byline and date lines: each line's META role (hd_seg_mark_meta, _name_bylines)
 *   comment.c   readers' comment threads, dropped before and after the cut
 *   teaser.c    lists of other stories: ranked lists, link lists, headline runs, teasers, feeds
 *   headline.c  headline candidates, the headline of a piece, where a new article starts
 *   stray.c     paragraphs kept far from an article's story
 *   split.c     hd_segment_page: runs the passes, cuts the page, settles each article's lines
 *   date.c      explicit dates (public: segment.h)
 *
 * Names shared between these files start with hd_seg_.
 */
#ifndef HD_SEGMENT_INT_H
#define HD_SEGMENT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "segment/segment.h"

/* The text of line i: c->lines[i].len bytes, not NUL-terminated. */
static inline const char *text_of(const hd_clean *c, size_t i)
{
    return c->text.p + c->lines[i].off;
}

/* Does p[0, n) hold a double quote mark, straight or opening curly (“)? memchr is fast;
 * glibc's memmem is not, for the short needles of the tail tests. */
static inline int has_quote_mark(const char *p, size_t n)
{
    if (memchr(p, '"', n))
        return 1;
    for (const char *q = memchr(p, '\xe2', n); q && q + 2 < p + n;
         q = memchr(q + 1, '\xe2', (size_t)(p + n - q - 1)))
        if ((unsigned char)q[1] == 0x80 && (unsigned char)q[2] == 0x9c)
            return 1;
    return 0;
}

/* ---- byline.c ------------------------------------------------------------------------------ */

/* Byline or date line: a short line that is not a sentence and carries a date, or "By ...". */
void hd_seg_mark_meta(hd_clean *c);

/* An author's name on its own line over the date line, a line or two below a headline. */
void hd_seg_mark_name_bylines(hd_clean *c);

/* ---- comment.c ----------------------------------------------------------------------------- */

/* Readers' comment threads below a story, dropped from the page before it is cut. */
void hd_seg_drop_comment_threads(hd_clean *c);

/* A readers' comment section after the story's first paragraph fg, up to `to`: dropped. */
void hd_seg_drop_comments_after(hd_clean *c, size_t fg, size_t to);

/* ---- teaser.c ------------------------------------------------------------------------------ */

/* Lists of other stories on the page (ranked lists, link lists, runs of headlines, teasers cut
 * short, stamped feeds), dropped before the page is cut. */
void hd_seg_drop_teaser_lists(hd_clean *c);

/* Related stories after the story, each a headline over a one-sentence summary, in [fg, to). */
void hd_seg_drop_teaser_pairs(hd_clean *c, size_t fg, size_t to);

/* ---- headline.c ---------------------------------------------------------------------------- */

/* Does line i stand between a headline and its byline without being either? */
int hd_seg_furniture(const hd_clean *c, size_t i);

/* The page's headline candidates: headline-shaped lines made SHORT when they open the page,
 * are printed more than once, or sit on a byline. */
void hd_seg_mark_headlines(hd_clean *c, int have_given);

/* How much a headline-shaped line above the first paragraph looks like the headline. */
int hd_seg_title_score(const hd_clean *c, size_t i);

/* Is title-like line i, in capitals between paragraphs, a link set into a story ("SEAN SPICER
 * ELIMINATED FROM 'DANCING WITH THE STARS'") rather than the next item of a news-in-brief
 * page: does the paragraph after it name someone the paragraphs before it named? 1 if so;
 * 2 if it is rather one of the story's subheadings in capitals ("NISSAN SENTRA", …); else 0. */
int hd_seg_capitals_link(const hd_clean *c, size_t i);

/* Does a headline at i start a new article? next_good[j]: the first GOOD line at or after j. */
int hd_seg_starts_article(const hd_clean *c, size_t i, const size_t *next_good);

/* ---- stray.c ------------------------------------------------------------------------------- */

/* The settled article s: blocks of paragraphs far from its story (short, and set apart by a
 * run of dropped lines) made BAD. Returns whether any were. */
int hd_seg_drop_strays(hd_clean *c, const hd_seg *s);

/* ---- bio.c, notice.c ---------------------------------------------------------------------- */

/* The settled article s: an author's biography ("Meg James is a corporate media reporter for
 * …"), a site's notice to its reader or a company's description (with where it is
 * headquartered) among its last three paragraphs made BAD, when the article has more than
 * three and came from a scraped page: scraped, or furniture among its lines (a feed's record
 * or a clean text file is the story alone). Returns whether one was. */
int hd_seg_drop_end_notes(hd_clean *c, const hd_seg *s, int scraped);

/* Is kept line i a site's notice to its reader ("As you comment, please be respectful of
 * other commenters …", "… delivered to your inbox by subscribing to our newsletter")? */
int hd_seg_reader_notice(const hd_clean *c, size_t i);

#endif
