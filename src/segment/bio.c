/* SPDX-License-Identifier: MIT
 *
 * bio.c — the author's biography a page sets after the story: "Meg James is a corporate
 * media reporter for the Los Angeles Times, covering …", "Jeff Foust (jeff@…) is the editor
 * and publisher of The Space Review", "Pulitzer Prize-winning journalist Michael Hiltzik
 * writes a daily blog appearing on latimes.com".
 *
 *   one settled article's lines  ->  a biography or a notice to the reader (notice.c) among
 *   its last three paragraphs made BAD
 *
 * The shape, not a list of authors: a name of two to four capitalised words (an e-mail or a
 * handle in parentheses may follow) and "is a/an/the …" with a newsroom job within eight
 * words; or a newsroom job within the first six words and "writes" or "covers" soon after.
 * A quote in those words makes it a story's sentence. Called by split.c on each article once its
 * lines are settled.
 */
#include "segment/segment_int.h"

#include <string.h>
#include <strings.h>

/* Newsroom jobs (byline.c has the same kind of list for bylines; a biography also names
 * authors of books and the hosts of shows). Not "producer" or "contributor": "Abu Dhabi is
 * the largest oil producer in the United Arab Emirates" closes a Reuters story. */
static const char *const bio_job[] = {
    "reporter",   "correspondent", "editor", "writer",  "columnist",
    "journalist", "anchor",        "author", "blogger", NULL};

typedef struct word {
    const char *p;
    size_t n;
} word;

/* The line's first words, up to max, into w; their count. Punctuation stays on the words. */
static size_t first_words(const char *p, size_t n, word *w, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        while (i < n && p[i] == ' ')
            i++;
        size_t s = i;
        while (i < n && p[i] != ' ')
            i++;
        if (i > s)
            w[k++] = (word){p + s, i - s};
    }
    return k;
}

/* Is word w a newsroom job, maybe plural or with a comma after it? */
static int is_job(const word *w)
{
    size_t n = w->n;
    while (n > 0 && (w->p[n - 1] == ',' || w->p[n - 1] == '.'))
        n--;
    if (n > 1 && (w->p[n - 1] | 0x20) == 's')
        n--;
    for (int j = 0; bio_job[j]; j++)
        if (strlen(bio_job[j]) == n && strncasecmp(w->p, bio_job[j], n) == 0)
            return 1;
    return 0;
}

static int is(const word *w, const char *s)
{
    return strlen(s) == w->n && strncmp(w->p, s, w->n) == 0;
}

static int capitalised(const word *w)
{
    return w->n > 1 && w->p[0] >= 'A' && w->p[0] <= 'Z';
}

/* Is the line an author's biography? */
static int bio_line(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->n_words < 6 || l->n_words > 100)
        return 0;
    word w[16];
    size_t n = first_words(p, l->len < 200 ? l->len : 200, w, 16);
    /* most paragraphs are no biography: it tells itself by a verb in its first words */
    int verb = 0;
    for (size_t k = 1; k < n && k < 14 && !verb; k++)
        verb = is(&w[k], "is") || is(&w[k], "writes") || is(&w[k], "covers");
    if (!verb)
        return 0;
    /* "Name Name (handle) is a/an/the … reporter" */
    size_t k = 0;
    while (k < n && k < 4 && capitalised(&w[k]))
        k++;
    if (k >= 2 && k < n && w[k].p[0] == '(') {
        while (k < n && w[k].p[w[k].n - 1] != ')')
            k++;
        k++;
    }
    if (k >= 2 && k + 2 < n && is(&w[k], "is") &&
        (is(&w[k + 1], "a") || is(&w[k + 1], "an") || is(&w[k + 1], "the")))
        for (size_t j = k + 2; j < n && j < k + 10; j++)
            if (is_job(&w[j]))
                return !has_quote_mark(p, (size_t)(w[j].p + w[j].n - p));
    /* "Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog" */
    for (size_t j = 0; j < n && j < 6; j++)
        if (is_job(&w[j]))
            for (size_t m = j + 1; m < n && m < j + 6; m++)
                if (is(&w[m], "writes") || is(&w[m], "covers"))
                    return !has_quote_mark(p, (size_t)(w[m].p + w[m].n - p));
    return 0;
}

/* A company's description as a press release ends ("Ascom is a global solutions provider
 * focused on …", "Ascom is headquartered in Baar (Switzerland), has subsidiaries in 15
 * countries …"): one to four capitalised words, "is", then "headquartered", or "a/an" and a
 * word for a business within eight words. 2 for the first kind (which says what a company
 * is by itself), 1 for the second (a company's only with the first beside it), else 0. */
static int company_line(const hd_clean *c, size_t i)
{
    static const char *const business[] = {
        "provider",  "company",  "manufacturer", "maker",       "supplier",
        "developer", "operator", "retailer",     "distributor", "producer",
        "firm",      "group",    "leader",       "pioneer",     NULL};
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->n_words < 8 || l->n_words > 150 || has_quote_mark(p, l->len < 200 ? l->len : 200))
        return 0;
    word w[16];
    size_t n = first_words(p, l->len < 200 ? l->len : 200, w, 16);
    size_t k = 0;
    while (k < n && k < 4 && capitalised(&w[k]) && !is(&w[k], "The"))
        k++;
    if (k == 0 || k + 2 >= n || !is(&w[k], "is"))
        return 0;
    if (is(&w[k + 1], "headquartered"))
        return 2;
    if (!is(&w[k + 1], "a") && !is(&w[k + 1], "an"))
        return 0;
    for (size_t j = k + 2; j < n && j < k + 10; j++)
        for (int b = 0; business[b]; b++)
            if (strlen(business[b]) == w[j].n && !strncmp(w[j].p, business[b], w[j].n))
                return 1;
    return 0;
}

int hd_seg_drop_end_notes(hd_clean *c, const hd_seg *s, int scraped)
{
    /* the last three kept paragraphs (a site's note may follow the biography), when the
     * story has more, on a page scraped with its furniture (a dropped line of the site's
     * interface, or a byline): a feed's record or a clean text file is the story alone, and
     * is not read at all */
    size_t good = 0, last[3] = {0, 0, 0};
    int furniture = scraped;
    for (size_t i = s->from; i < s->to; i++) {
        uint8_t kind = c->lines[i].kind;
        furniture |= (kind == HD_LINE_BAD && c->lines[i].n_ui) || kind == HD_LINE_META;
        if (kind == HD_LINE_GOOD) {
            last[0] = last[1];
            last[1] = last[2];
            last[2] = i;
            good++;
        }
    }
    int dropped = 0;
    /* a company's description: the paragraphs of it among the last three, when one says
     * where it is headquartered */
    int co[3] = {0, 0, 0}, where = 0;
    for (int k = 0; k < 3 && good > 3 && furniture; k++)
        where |= (co[k] = company_line(c, last[k])) == 2;
    for (int k = 0; k < 3 && good > 3 && furniture; k++)
        if (bio_line(c, last[k]) || hd_seg_reader_notice(c, last[k]) || (where && co[k])) {
            c->lines[last[k]].kind = HD_LINE_BAD;
            dropped = 1;
        }
    return dropped;
}
