/* SPDX-License-Identifier: MIT
 *
 * stray.c — paragraphs kept far from an article's story: a widget's sentence ("An error has
 * occurred; the feed is probably down."), a site's blurb or copyright notice, another story's
 * teaser, set apart from the story by a run of furniture the cleaner dropped.
 *
 *   one settled article's lines  ->  its stray paragraphs made BAD
 *
 * Called by split.c on each article once its lines are settled.
 */
#include "segment/segment_int.h"

/* Furniture lines between two kept paragraphs that part them into separate blocks. A story's
 * paragraphs are interrupted by a caption, a share box or an advertisement's few lines; a
 * block this far away was kept for its own sake. */
#define STRAY_GAP 10

/* A block at most this many words, and under a fifth of the largest block's, is stray. A
 * story's paragraphs set apart by a photo gallery are longer, or a good part of the story. */
#define STRAY_MAX_WORDS 100

/* The next GOOD line at or after i, or to. */
static size_t next_good(const hd_clean *c, size_t i, size_t to)
{
    while (i < to && c->lines[i].kind != HD_LINE_GOOD)
        i++;
    return i;
}

/* The block of GOOD lines starting at GOOD line i: its end (one past its last GOOD line) and
 * its words. */
static size_t block_end(const hd_clean *c, size_t i, size_t to, uint64_t *words)
{
    size_t last = i;
    *words = 0;
    while (i < to) {
        *words += c->lines[i].n_words;
        last = i;
        i = next_good(c, i + 1, to);
        if (i >= to || i - last > STRAY_GAP)
            break;
    }
    return last + 1;
}

int hd_seg_drop_strays(hd_clean *c, const hd_seg *s)
{
    uint64_t most = 0, w;
    for (size_t i = next_good(c, s->from, s->to); i < s->to;) {
        size_t e = block_end(c, i, s->to, &w);
        most = w > most ? w : most;
        i = next_good(c, e, s->to);
    }
    int dropped = 0;
    for (size_t i = next_good(c, s->from, s->to); i < s->to;) {
        size_t e = block_end(c, i, s->to, &w);
        if (w <= STRAY_MAX_WORDS && w * 5 < most) {
            for (size_t k = i; k < e; k++)
                if (c->lines[k].kind == HD_LINE_GOOD)
                    c->lines[k].kind = HD_LINE_BAD;
            dropped = 1;
        }
        i = next_good(c, e, s->to);
    }
    return dropped;
}
