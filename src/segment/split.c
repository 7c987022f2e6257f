/* SPDX-License-Identifier: MIT
 *
 * split.c — cut a cleaned page into articles and settle each line's fate: title, byline/date,
 * body or boilerplate.
 *
 *   hd_clean (lines with features)  ->  hd_seg[] (line ranges, title line, date), final kinds
 *
 * Runs the page passes of byline.c, comment.c, teaser.c and headline.c, cuts the page at the
 * headlines that start articles, then settles each article: repeats, tables, its date, its
 * body count. Called by the pipeline (src/lib) through hd_segment_page.
 */
#include "segment/segment_int.h"

#include <string.h>

#include "base/mem.h"

void hd_segments_done(hd_segments *s)
{
    hd_free(s->v);
    memset(s, 0, sizeof *s);
}

static hd_rc push(hd_segments *out, size_t from, long title, hd_err *err)
{
    if (HD_GROW(out->v, out->cap, out->n + 1))
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    hd_seg *s = &out->v[out->n++];
    memset(s, 0, sizeof *s);
    s->from = from;
    s->to = from;
    s->title = title;
    return HD_OK;
}

/* A table in a story (wire copy's earnings and crop tables): a run of at least three short
 * lines after the first paragraph, many of them (two in five) rows with two or more figures. Its
 * lines are content, not widgets, wherever the run stands. */
static void keep_tables(hd_clean *c, size_t from, size_t to)
{
    size_t i = from;
    while (i < to) {
        if (c->lines[i].kind != HD_LINE_SHORT) {
            i++;
            continue;
        }
        size_t j = i, rows = 0;
        while (j < to && c->lines[j].kind == HD_LINE_SHORT) {
            rows += c->lines[j].n_num >= 2;
            j++;
        }
        if (rows >= 3 && rows * 10 >= (j - i) * 4)
            for (size_t k = i; k < j; k++) {
                c->lines[k].kind = HD_LINE_GOOD;
                c->lines[k].table = 1;
            }
        i = j;
    }
}

/* A list the story announces: a paragraph or a line of some words ending in a colon ("The
 * Doobie Brothers 50th Anniversary Tour 2020 dates:", "The changes include:") over a run of at
 * least three short lines of three words or more, its items. They are content however short
 * ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL"); a menu's one-word links under
 * "Follow us on:" are not items. */
static void keep_lists(hd_clean *c, size_t from, size_t to)
{
    for (size_t i = from; i + 1 < to; i++) {
        const hd_line *l = &c->lines[i];
        if (!(l->kind == HD_LINE_GOOD || (l->kind == HD_LINE_SHORT && l->n_words >= 4)) ||
            text_of(c, i)[l->len - 1] != ':')
            continue;
        size_t j = i + 1;
        while (j < to && c->lines[j].kind == HD_LINE_SHORT && c->lines[j].n_words >= 3 &&
               text_of(c, j)[c->lines[j].len - 1] != ':') /* nor the next list's heading */
            j++;
        if (j - i - 1 < 3)
            continue;
        for (size_t k = i; k < j; k++)
            c->lines[k].kind = HD_LINE_GOOD;
        i = j - 1;
    }
}

/* The story printed again as one paragraph ("Good morning! This is the tech news you need to
 * know this Tuesday. The New York state attorney general is …" after the same paragraphs one
 * by one): a kept line that opens with the whole of an earlier kept paragraph of the article
 * and runs on is a copy, not a paragraph of its own. */
static void drop_glued_copies(hd_clean *c, const hd_seg *s)
{
    for (size_t i = s->from; i < s->to; i++) {
        const hd_line *l = &c->lines[i];
        if (l->kind != HD_LINE_GOOD || l->len < 120)
            continue;
        const char *p = text_of(c, i);
        for (size_t j = s->from; j < i; j++) {
            const hd_line *e = &c->lines[j];
            if (e->kind != HD_LINE_GOOD || e->len < 40 || e->len + 41 > l->len ||
                p[e->len] != ' ' || p[0] != text_of(c, j)[0] || memcmp(p, text_of(c, j), e->len))
                continue;
            /* and goes on with the paragraph after it: a paragraph rewritten longer ("… as
             * safe. Facebook created the tool …" after "… as safe.") is kept */
            size_t k = j + 1;
            while (k < i && c->lines[k].kind != HD_LINE_GOOD)
                k++;
            size_t m = c->lines[k].len < 40 ? c->lines[k].len : 40;
            if (k < i && !memcmp(p + e->len + 1, text_of(c, k), m)) {
                c->lines[i].kind = HD_LINE_BAD;
                break;
            }
        }
    }
}

/* The first GOOD line of the piece, or its end. */
static size_t first_good(const hd_clean *c, const hd_seg *s)
{
    for (size_t i = s->from; i < s->to; i++)
        if (c->lines[i].kind == HD_LINE_GOOD)
            return i;
    return s->to;
}

/* The piece's title lines (those repeating title_key) made TITLE; other repeated lines dropped
 * but for the first copy of a paragraph. fg: the piece's first GOOD line. */
static void settle_repeats(hd_clean *c, const hd_seg *s, size_t fg, uint64_t title_key,
                           int have_title)
{
    for (size_t i = s->from; i < s->to; i++) {
        hd_line *l = &c->lines[i];
        if (have_title && l->key == title_key) {
            l->kind = HD_LINE_TITLE;
            continue;
        }
        if (l->kind == HD_LINE_META || l->count < 2 || l->table)
            continue;
        /* A repeated line: captions and headlines printed twice around the top of an article
         * go; a paragraph printed twice keeps its first copy. */
        if (i < fg || !(l->kind == HD_LINE_GOOD && l->terminal && l->first == i))
            l->kind = HD_LINE_BAD;
    }
}

/* The piece's date, from a byline or date line near its first paragraph of prose. */
static void find_date(const hd_clean *c, hd_seg *s, size_t fg)
{
    /* the date sits near the story's first paragraph of prose, which may come after a
     * standfirst, a caption or a widget's line that the cleaner kept ("‘We had some issues,’
     * exec says …", a photo credit, "By Meg James", "Nov. 19, 2019", then the story) */
    /* a search box's sentence or a widget's may come first ("This search returns results
     * from …"): failing that, up to the first paragraph of twenty words or more */
    size_t from = s->from;
    for (unsigned min_words = 10; min_words <= 20 && !s->date.y; min_words += 10) {
        size_t fp = fg;
        while (fp < s->to && !(c->lines[fp].kind == HD_LINE_GOOD && c->lines[fp].terminal &&
                               c->lines[fp].n_words >= min_words && fp > fg))
            fp++;
        if (fp >= s->to)
            fp = fg;
        size_t limit = fp + 3 < s->to ? fp + 3 : s->to;
        for (size_t i = from; i < limit && !s->date.y; i++)
            if (c->lines[i].kind == HD_LINE_META)
                hd_date_find(text_of(c, i), c->lines[i].len, &s->date, NULL, NULL);
        /* no byline or date line: a date line set with bars ("26 November 2022 | 10:30 GMT")
         * was read as navigation; it still dates the article */
        for (size_t i = from; i < limit && !s->date.y; i++) {
            const hd_line *l = &c->lines[i];
            if (l->kind == HD_LINE_BAD && !l->credit && l->n_words <= 12 &&
                memmem(text_of(c, i), l->len, " | ", 3))
                hd_date_find(text_of(c, i), l->len, &s->date, NULL, NULL);
        }
        from = limit > from ? limit : from;
    }
}

/* Settle the kinds of one article's lines and count its body. */
static void settle(hd_clean *c, hd_seg *s, uint64_t title_key, int have_title)
{
    size_t fg = first_good(c, s);
    hd_seg_drop_teaser_pairs(c, fg, s->to);
    /* Readers' comments after the story are prose of other authors: none of the body. */
    hd_seg_drop_comments_after(c, fg, s->to);
    /* Tables first: their rows repeat ("Production", "End Stocks N.A.") by nature. */
    keep_tables(c, fg, s->to);
    keep_lists(c, fg, s->to);
    settle_repeats(c, s, fg, title_key, have_title);
    hd_clean_resolve(c->lines, s->from, s->to);
    drop_glued_copies(c, s);
    if (hd_seg_drop_strays(c, s) | hd_seg_drop_end_notes(c, s, 0))
        fg = first_good(c, s);
    find_date(c, s, fg);
    s->n_body = 0;
    for (size_t i = s->from; i < s->to; i++)
        s->n_body += c->lines[i].kind == HD_LINE_GOOD;
}

/* Is the piece a teaser: a title and one kept line of at most seventy words? */
static int blurb(const hd_clean *c, const hd_seg *sg)
{
    if (sg->title < 0 || sg->n_body != 1)
        return 0;
    for (size_t i = sg->from; i < sg->to; i++)
        if (c->lines[i].kind == HD_LINE_GOOD)
            return c->lines[i].n_words <= 70 && !c->lines[i].table;
    return 0;
}

/* Is line i a question shaped like a headline, at most twenty words ("Is some of Calif.'s
 * $9.3 billion in unclaimed assets yours?"): a teaser's title, whatever its length? */
static int headline_question(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    size_t n = l->len;
    while (n > 0 && p[n - 1] == ' ')
        n--;
    return (l->title_like & 1) && n > 0 && p[n - 1] == '?';
}

/* Does the article hold a sentence of prose (ten words or more, ending like a sentence, not a
 * headline's question) or a table kept as content? */
static int has_prose(const hd_clean *c, const hd_seg *sg)
{
    for (size_t i = sg->from; i < sg->to; i++) {
        const hd_line *l = &c->lines[i];
        if (l->kind == HD_LINE_GOOD &&
            (l->table || (l->terminal && l->n_words >= 10 && !headline_question(c, i))))
            return 1;
    }
    return 0;
}

/* The kept lines of a piece, dropped. */
static void drop_piece(hd_clean *c, const hd_seg *sg)
{
    for (size_t i = sg->from; i < sg->to; i++)
        if (c->lines[i].kind == HD_LINE_GOOD)
            c->lines[i].kind = HD_LINE_BAD;
}

/* The page's top before its first headline with one sentence in its navigation ("News
 * Corp is a network of leading companies …") is no article next to a story. most: the most
 * body lines of a piece. Returns 1 when the top lost its sentence of prose. */
static size_t drop_navigation_top(hd_clean *c, hd_segments *out, size_t most)
{
    hd_seg *top = &out->v[0];
    if (top->n_body == 1 && most >= 3 && has_prose(c, top) && out->v[1].title >= 0) {
        size_t g = top->from;
        while (g < top->to && c->lines[g].kind != HD_LINE_GOOD)
            g++;
        if (top->title < 0 || g > (size_t)top->title + 5) {
            c->lines[g].kind = HD_LINE_BAD;
            top->n_body = 0;
            return 1;
        }
    }
    return 0;
}

/* A list of other stories, each a headline, a date and a one-line summary ("Did
 * Schiff Unfairly Squelch Stefanik …?", a date, "Republicans clashed with …"): two
 * or more such pieces in a row next to a story of several paragraphs are no articles.
 * Returns how many of the pieces dropped had prose. */
static size_t drop_blurb_runs(hd_clean *c, hd_segments *out)
{
    size_t with = 0;
    for (size_t k = 0; k < out->n; k++) {
        size_t e = k;
        while (e < out->n && blurb(c, &out->v[e]))
            e++;
        if (e - k >= 2)
            for (size_t b = k; b < e; b++) {
                hd_seg *sg = &out->v[b];
                with += (size_t)has_prose(c, sg);
                drop_piece(c, sg);
            }
        k = e > k ? e - 1 : k;
    }
    return with;
}

/* A page cut into several articles: a piece without one sentence of prose (a list of
 * teaser headlines, a block of site links and timestamps between two stories) is page
 * furniture, not an article, once another piece has prose. Tables count as content. */
static void drop_furniture_pieces(hd_clean *c, hd_segments *out)
{
    size_t with = 0, most = 0;
    for (size_t k = 0; k < out->n; k++) {
        with += has_prose(c, &out->v[k]);
        most = out->v[k].n_body > most ? out->v[k].n_body : most;
    }
    with -= drop_navigation_top(c, out, most);
    if (most >= 3)
        with -= drop_blurb_runs(c, out);
    if (with > 0 && with < out->n) {
        size_t m = 0;
        for (size_t k = 0; k < out->n; k++) {
            hd_seg *sg = &out->v[k];
            if (has_prose(c, sg)) {
                out->v[m++] = *sg;
                continue;
            }
            drop_piece(c, sg);
        }
        out->n = m;
    }
}

/* Nothing looked like prose (a table, a list, a one-line item): keep every line that is
 * not a title, byline or credit rather than lose the page. */
static void keep_whole_page(hd_clean *c, hd_segments *out)
{
    size_t n = c->n_lines;
    out->n = 1;
    hd_seg *s = &out->v[0];
    s->from = 0;
    s->to = n;
    s->n_body = 0;
    for (size_t i = 0; i < n; i++) {
        hd_line *l = &c->lines[i];
        if (l->kind == HD_LINE_TITLE || (s->title >= 0 && (size_t)s->title == i) ||
            (l->count >= 2 && l->first != i))
            continue;
        l->kind = HD_LINE_GOOD;
        s->n_body++;
    }
    if (s->n_body == 0 && s->title >= 0) {
        /* A headline-only item (wire flash): the headline is all the story there is. */
        c->lines[s->title].kind = HD_LINE_GOOD;
        s->n_body = 1;
    }
    if (s->n_body == 0)
        out->n = 0;
}

/* The key of a title from metadata: its text normalised and folded as the page's lines are. */
static hd_rc given_title_key(const char *given_title, uint64_t *out_key, hd_err *err)
{
    hd_buf t = {0}, scratch = {0};
    hd_rc rc = hd_clean_normalize(given_title, strlen(given_title), &t, &scratch, err);
    if (rc == HD_OK)
        *out_key = hd_clean_fold_hash(t.p ? t.p : "", t.len);
    hd_buf_done(&t);
    hd_buf_done(&scratch);
    return rc;
}

/* Does a byline or date line stand within six lines under line i? */
static int dated_under(const hd_clean *c, size_t i)
{
    for (size_t j = i + 1; j < c->n_lines && j <= i + 6; j++)
        if (c->lines[j].kind == HD_LINE_META)
            return 1;
    return 0;
}

/* Is headline candidate i, printed twice in a row with no byline or date under it, a link to
 * another story set into this one ("Column: A vulture firm's bid for Gannett …" twice between
 * two paragraphs, then the linked story's summary), once the page's first story has shown its
 * byline or date under its headline? A story of its own would show its own; and the story
 * goes on: three paragraphs or more follow within twelve lines (a list of such links, each
 * with its summary, is cut into teasers and dropped as such). Returns the line after the
 * second printing, or 0. */
static size_t inline_story_link(const hd_clean *c, size_t i, long first_title)
{
    size_t n = c->n_lines, rep = 0;
    if (first_title < 0 || !dated_under(c, (size_t)first_title) || c->lines[i].count < 2 ||
        dated_under(c, i))
        return 0;
    for (size_t j = i + 1; j < n && j <= i + 2 && !rep; j++)
        if (c->lines[j].key == c->lines[i].key)
            rep = j;
    size_t good = 0;
    for (size_t j = rep + 1; rep && j < n && j <= rep + 12; j++)
        good += c->lines[j].kind == HD_LINE_GOOD;
    return rep && good >= 3 ? rep + 1 : 0;
}

/* Cut the page into pieces at the headlines that start an article; above each piece's first
 * paragraph, its best-scoring candidate is its title (none for the first piece when the title
 * came from metadata: lines repeating it are skipped). next_good[i]: the first GOOD line at or
 * after i. */
static hd_rc cut_at_headlines(hd_clean *c, int have_given, uint64_t given_key,
                              const size_t *next_good, hd_segments *out, hd_err *err)
{
    hd_rc rc;
    if ((rc = push(out, 0, -1, err)))
        return rc;
    int seen_good = 0;
    for (size_t i = 0; i < c->n_lines; i++) {
        hd_line *l = &c->lines[i];
        hd_seg *cur = &out->v[out->n - 1];
        if (have_given && out->n == 1 && l->key == given_key)
            continue;
        if (l->kind == HD_LINE_GOOD) {
            seen_good = 1;
            continue;
        }
        if (!l->title_like || l->kind != HD_LINE_SHORT)
            continue;
        if (!seen_good) {
            if (!(have_given && out->n == 1) &&
                (cur->title < 0 ||
                 hd_seg_title_score(c, i) > hd_seg_title_score(c, (size_t)cur->title)))
                cur->title = (long)i;
            continue;
        }
        if (hd_seg_starts_article(c, i, next_good)) {
            int caps = i > 0 && c->lines[i - 1].kind == HD_LINE_GOOD && i + 1 < c->n_lines &&
                               c->lines[i + 1].kind == HD_LINE_GOOD
                           ? hd_seg_capitals_link(c, i)
                           : 0;
            if (caps) {
                /* a link set into the story: no article, no text; a subheading: kept */
                l->kind = caps == 1 ? HD_LINE_BAD : HD_LINE_GOOD;
                continue;
            }
            size_t after = inline_story_link(c, i, out->v[0].title);
            if (after) {
                /* the link, printed twice, and the linked story's summary under it */
                for (size_t j = i; j < after; j++)
                    if (c->lines[j].key == l->key)
                        c->lines[j].kind = HD_LINE_BAD;
                if (after < c->n_lines && c->lines[after].kind == HD_LINE_GOOD &&
                    c->lines[after].n_words <= 50)
                    c->lines[after].kind = HD_LINE_BAD;
                continue;
            }
            cur->to = i;
            if ((rc = push(out, i, (long)i, err)))
                return rc;
            seen_good = 0;
        }
    }
    out->v[out->n - 1].to = c->n_lines;
    return HD_OK;
}

/* cut_at_headlines with the page's next_good table. */
static hd_rc cut(hd_clean *c, int have_given, uint64_t given_key, hd_segments *out, hd_err *err)
{
    size_t n = c->n_lines;
    size_t *next_good = hd_new(size_t, n);
    if (!next_good)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    size_t ng = n;
    for (size_t i = n; i-- > 0;) {
        if (c->lines[i].kind == HD_LINE_GOOD)
            ng = i;
        next_good[i] = ng;
    }
    hd_rc rc = cut_at_headlines(c, have_given, given_key, next_good, out, err);
    hd_free(next_good);
    return rc;
}

/* Settle every piece (the first one's title from metadata when given); pieces left without
 * body go. Returns how many are kept. */
static size_t settle_all(hd_clean *c, hd_segments *out, int have_given, uint64_t given_key)
{
    size_t kept = 0;
    for (size_t k = 0; k < out->n; k++) {
        hd_seg *s = &out->v[k];
        int given = have_given && k == 0;
        uint64_t key = given ? given_key : (s->title >= 0 ? c->lines[s->title].key : 0);
        settle(c, s, key, given || s->title >= 0);
        if (s->n_body)
            out->v[kept++] = *s;
    }
    out->n = kept;
    return kept;
}

/* A line of the story's head that is its headline again (key), a byline or date line
 * (META), or a short label right under the headline ("Back to Gallery"; not a dateline in
 * capitals, "BAAR, SWITZERLAND"), made BAD: lines before the first paragraph of prose. kinds:
 * the cleaner's kinds, from before hd_seg_mark_meta. */
static void drop_story_head(hd_clean *c, const uint8_t *kinds, int have_given, uint64_t key)
{
    size_t fp = 0;
    while (fp < c->n_lines &&
           !(kinds[fp] == HD_LINE_GOOD && c->lines[fp].terminal && c->lines[fp].n_words >= 10))
        fp++;
    int after_title = 0;
    for (size_t i = 0; i < c->n_lines; i++) {
        hd_line *l = &c->lines[i];
        int meta = l->kind == HD_LINE_META;
        l->kind = kinds[i];
        if (i >= fp)
            continue;
        const char *t = text_of(c, i);
        int lower = 0;
        for (size_t k = 0; k < l->len && !lower; k++)
            lower = t[k] >= 'a' && t[k] <= 'z';
        if ((have_given && l->key == key) || meta ||
            (after_title && l->n_words <= 3 && !l->terminal && lower))
            l->kind = HD_LINE_BAD;
        after_title = have_given && l->key == key;
    }
}

hd_rc hd_segment_structured(hd_clean *c, const char *given_title, hd_err *err)
{
    hd_segment_drop_related_teasers(c);
    if (c->n_lines == 0)
        return HD_OK;
    int have_given = given_title && *given_title;
    uint64_t key = 0;
    hd_rc rc;
    if (have_given && (rc = given_title_key(given_title, &key, err)))
        return rc;
    uint8_t *kinds = hd_new(uint8_t, c->n_lines);
    if (!kinds)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->n_lines; i++)
        kinds[i] = c->lines[i].kind;
    hd_seg_mark_meta(c);
    drop_story_head(c, kinds, have_given, key);
    hd_free(kinds);
    /* the author's biography, a notice to readers, a company's description at the end */
    hd_seg whole = {.from = 0, .to = c->n_lines, .title = -1};
    hd_seg_drop_end_notes(c, &whole, 1);
    return HD_OK;
}

hd_rc hd_segment_page(hd_clean *c, const char *given_title, hd_segments *out, hd_err *err)
{
    hd_rc rc;
    out->n = 0;
    if (c->n_lines == 0)
        return HD_OK;
    int have_given = given_title && *given_title;
    uint64_t given_key = 0;
    if (have_given && (rc = given_title_key(given_title, &given_key, err)))
        return rc;
    hd_seg_mark_meta(c);
    hd_seg_drop_comment_threads(c);
    hd_seg_drop_teaser_lists(c);
    hd_seg_mark_name_bylines(c);
    hd_seg_mark_headlines(c, have_given);
    if ((rc = cut(c, have_given, given_key, out, err)))
        return rc;
    size_t kept = settle_all(c, out, have_given, given_key);
    if (kept > 1)
        drop_furniture_pieces(c, out);
    if (kept == 0)
        keep_whole_page(c, out);
    return HD_OK;
}
