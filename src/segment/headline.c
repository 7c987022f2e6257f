/* SPDX-License-Identifier: MIT
 *
 * headline.c — headlines: which lines are headline candidates, which candidate is a piece's
 * headline, and which headline after the first paragraph starts a new article.
 *
 *   hd_clean lines with META marked  ->  candidates made SHORT; a score and a verdict per line
 *
 * Called by split.c (hd_segment_page): hd_seg_mark_headlines once per page, then
 * hd_seg_title_score and hd_seg_starts_article on each candidate while it cuts the page.
 * The furniture tests (breadcrumbs, captions, counts) are shared with byline.c.
 */
#include "segment/segment_int.h"

#include <string.h>
#include <strings.h>

/* How far past a headline its repeats and byline are looked for. */
#define HEADER_SCAN 40

/* A story's age on a short line: "Published 1 day ago", "Updated 3 hours ago". */
static int age_stamp(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    return l->n_words <= 5 && l->n_num == 1 && l->len > 4 && !memcmp(p + l->len - 4, " ago", 4);
}

/* Did the text before line i come to a clean end: going back over boilerplate and widget
 * lines, do we reach a paragraph? A run of short lines with figures (a table) is not an end:
 * tables repeat their header rows, which must not read as a new article's headline. */
static int clean_break_before(const hd_clean *c, size_t i)
{
    const char *t = c->text.p;
    size_t at = i;
    while (i-- > 0) {
        const hd_line *l = &c->lines[i];
        if (l->kind == HD_LINE_GOOD)
            return 1;
        /* figures just above: a table's rows go on; figures far above ("Sub Menu 1" of the
         * navigation) are no table the headline could belong to */
        if (l->kind == HD_LINE_SHORT && at - i <= 4 && !age_stamp(c, i))
            for (size_t k = 0; k < l->len; k++)
                if (t[l->off + k] >= '0' && t[l->off + k] <= '9')
                    return 0;
    }
    return 0;
}

/* Title Case with at least five words: most words other than function words capitalised. */
static int headline_case(const hd_line *l)
{
    uint32_t content = l->n_words - l->n_stop;
    return l->n_words >= 5 && content > 0 && l->n_cap * 10 >= content * 8;
}

/* Is line i written in capitals (no lower-case ASCII letter, some upper-case ones)? */
static int in_capitals(const hd_clean *c, size_t i)
{
    const char *p = text_of(c, i);
    size_t up = 0;
    for (size_t k = 0; k < c->lines[i].len; k++) {
        if (p[k] >= 'a' && p[k] <= 'z')
            return 0;
        up += p[k] >= 'A' && p[k] <= 'Z';
    }
    return up >= 8;
}

/* Does a capitalised word of four letters or more inside a sentence of line b ("… after Van
 * Der Beek announced …") stand in line a too? The names a story goes on with. */
static int name_shared(const hd_clean *c, size_t a, size_t b)
{
    const char *p = text_of(c, b), *q = text_of(c, a);
    size_t n = c->lines[b].len, m = c->lines[a].len;
    for (size_t k = 1; k + 4 <= n; k++) {
        if (!(p[k] >= 'A' && p[k] <= 'Z') || p[k - 1] != ' ' || (k >= 2 && p[k - 2] == '.'))
            continue;
        size_t e = k + 1;
        while (e < n && p[e] >= 'a' && p[e] <= 'z')
            e++;
        if (e - k < 4 || (e < n && ((p[e] >= 'A' && p[e] <= 'Z') || (p[e] >= '0' && p[e] <= '9'))))
            continue;
        for (size_t j = 0; j + (e - k) <= m; j++)
            if (!memcmp(q + j, p + k, e - k) && (j == 0 || q[j - 1] == ' ') &&
                (j + (e - k) == m || !(q[j + e - k] >= 'a' && q[j + e - k] <= 'z')))
                return 1;
    }
    return 0;
}

/* Is there, within twenty lines of line i, a subheading in capitals of at most four words
 * between two paragraphs ("NISSAN SENTRA", "FORD MUSTANG MACH E")? Then line i, in capitals
 * too, is one more of the story's subheadings ("VOLKSWAGEN ID. SPACE VIZZION CONCEPT"). */
static int capitals_subheads_near(const hd_clean *c, size_t i)
{
    size_t lo = i > 20 ? i - 20 : 1, hi = i + 20 < c->n_lines ? i + 20 : c->n_lines - 1;
    for (size_t j = lo; j < hi; j++) {
        const hd_line *l = &c->lines[j];
        if (j != i && (l->kind == HD_LINE_GOOD || l->kind == HD_LINE_SHORT) && l->n_words <= 4 &&
            c->lines[j - 1].kind == HD_LINE_GOOD && c->lines[j + 1].kind == HD_LINE_GOOD &&
            in_capitals(c, j))
            return 1;
    }
    return 0;
}

int hd_seg_capitals_link(const hd_clean *c, size_t i)
{
    if (!in_capitals(c, i) || i + 1 >= c->n_lines)
        return 0;
    if (capitals_subheads_near(c, i))
        return 2;
    size_t seen = 0;
    for (size_t a = i; a-- > 0 && seen < 3;) {
        if (c->lines[a].kind != HD_LINE_GOOD)
            continue;
        seen++;
        if (name_shared(c, a, i + 1))
            return 1;
    }
    return 0;
}

/* A standfirst under a headline: a sentence or two of prose, long enough, not in title case. */
static int standfirst(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    return l->n_words >= 12 && l->n_words <= 60 && l->n_stop >= 2 && !headline_case(l) &&
           !l->title_like;
}

/* A count of comments on a short line ("New, 6 comments", "14 Comments"): a link to the
 * comments, never a headline. */
static int comment_count(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->n_words > 4 || !l->n_num || l->terminal)
        return 0;
    for (size_t k = 1; k + 8 <= l->len; k++)
        if (p[k - 1] >= '0' && p[k - 1] <= '9' && p[k] == ' ' &&
            strncasecmp(p + k + 1, "comment", 7) == 0)
            return 1;
    return 0;
}

/* A breadcrumb trail: "BLOG > Weight Loss > Weight Loss Tips", "Home » News » World". */
static int breadcrumb(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    size_t seps = 0;
    if (l->n_words > 12 || l->terminal)
        return 0;
    for (size_t k = 1; k + 2 < l->len; k++)
        if (p[k - 1] == ' ' && p[k] == '>' && p[k + 1] == ' ')
            seps++;
        else if (p[k - 1] == ' ' && k + 3 < l->len && (unsigned char)p[k] == 0xC2 &&
                 (unsigned char)p[k + 1] == 0xBB && p[k + 2] == ' ')
            seps++; /* » */
    return seps >= 2;
}

/* Does line i stand between a headline and its byline without being either: a breadcrumb, a
 * photo's caption, a count of comments, a lone figure ("0" shares) or button? */
int hd_seg_furniture(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    return l->kind != HD_LINE_META &&
           (l->credit || breadcrumb(c, i) || comment_count(c, i) ||
            (l->n_words == 1 && l->n_num == 1 && l->len <= 6) ||
            (l->n_words == 1 && !l->title_like && l->len <= 12) || /* "Save", "Share" */
            (l->n_words == 2 && !l->terminal && hd_date_fragment(text_of(c, i), l->len)));
}

/* A line the cleaner dropped that is no headline in shape (a share link, a prompt, a
 * caption), or a button among them ("More"). */
static int dropped_widget(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    return (l->kind == HD_LINE_BAD && (!l->title_like || l->credit)) ||
           (l->kind == HD_LINE_SHORT && !l->title_like && l->n_words <= 2 && !l->terminal);
}

/* The first line after headline i that is not furniture (above, up to three lines) nor a
 * widget the cleaner dropped (a share box's "Click to share on Reddit (Opens in new window)"
 * lines, a newsletter prompt): where its byline would stand. */
static size_t past_furniture(const hd_clean *c, size_t i)
{
    /* the widgets only under a headline of some words: not under a menu's "Term of Use" */
    int widgets = c->lines[i].n_words >= 4;
    size_t nx = i + 1;
    while (nx < c->n_lines && nx <= i + 16 &&
           ((nx <= i + 3 && hd_seg_furniture(c, nx)) || (widgets && dropped_widget(c, nx))))
        nx++;
    return nx;
}

/* Is line i a standfirst of one sentence ("The home-improvement retailer earned $2.8 billion
 * in the third quarter.") over a share box and the byline? */
static int standfirst_on_byline(const hd_clean *c, size_t i)
{
    if (i >= c->n_lines) /* the headline was the page's last line */
        return 0;
    const hd_line *l = &c->lines[i];
    if (l->kind != HD_LINE_GOOD || !l->terminal || l->n_words < 8 || l->n_words > 60 ||
        l->n_stop < 2 || headline_case(l))
        return 0;
    size_t m = past_furniture(c, i);
    return m > i + 1 && m < c->n_lines && c->lines[m].kind == HD_LINE_META;
}

/* Does a headline at i start a new article? Yes when it is printed again before the next
 * paragraph, or a byline/date follows it, and prose follows. */
int hd_seg_starts_article(const hd_clean *c, size_t i, const size_t *next_good)
{
    const hd_line *l = &c->lines[i];
    if (!clean_break_before(c, i))
        return 0;
    /* A headline glued to the paragraph above it is a table or list header, not a new page
     * section: articles are set apart by a blank line or by boilerplate. */
    if (l->blank_before == 0 && i > 0 && c->lines[i - 1].kind == HD_LINE_GOOD)
        return 0;
    /* Nor is a header row over figures. */
    if (i + 1 < c->n_lines && c->lines[i + 1].kind == HD_LINE_SHORT) {
        const hd_line *nx = &c->lines[i + 1];
        size_t digits = 0;
        for (size_t k = 0; k < nx->len; k++)
            digits += c->text.p[nx->off + k] >= '0' && c->text.p[nx->off + k] <= '9';
        if (digits * 4 >= nx->len)
            return 0;
    }
    size_t ng = i + 1 < c->n_lines ? next_good[i + 1] : c->n_lines;
    if (ng >= c->n_lines)
        return 0;
    /* A headline in title case, set apart by a blank line and followed straight by prose: the
     * next item of a news-in-brief page. Subheadings inside a story are shorter ("Extensive
     * Battlefield", "A fight over debt") or in sentence case; items of a list (fixtures, names
     * with commas) follow other items, not a paragraph. */
    if (headline_case(l) && l->blank_before >= 1 && i + 1 < c->n_lines &&
        c->lines[i + 1].kind == HD_LINE_GOOD && c->lines[i - 1].kind == HD_LINE_GOOD &&
        !memchr(c->text.p + l->off, ',', l->len))
        return 1;
    if (l->count >= 2 && l->first == i) {
        for (size_t j = i + 1; j < ng && j < i + HEADER_SCAN; j++)
            if (c->lines[j].key == l->key)
                return 1;
    }
    size_t pf = past_furniture(c, i);
    if (pf > i + 1 && pf < c->n_lines && c->lines[pf].kind == HD_LINE_META)
        return 1;
    if (i + 1 < c->n_lines && standfirst_on_byline(c, i + 1))
        return 1;
    /* the byline a few lines down, past furniture, a caption, or a standfirst right under the
     * headline ("Officials say the risk of an outbreak is low, but …") */
    for (size_t j = i + 1; j < c->n_lines && j <= i + 4; j++) {
        if (c->lines[j].kind == HD_LINE_META)
            return 1;
        if (c->lines[j].kind == HD_LINE_GOOD && !(j == i + 1 && standfirst(c, j)))
            break;
        if (j == i + 3 && !(c->lines[i + 1].kind == HD_LINE_GOOD))
            break; /* without a standfirst, three lines as before */
    }
    return 0;
}

/* Is line i (i > 0) the headline of a first line "Headline | Site" or "Headline - Site"? */
static int title_of_page(const hd_clean *c, size_t i)
{
    const hd_line *f = &c->lines[0], *l = &c->lines[i];
    const char *p = text_of(c, 0), *q = text_of(c, i);
    if (f->len <= l->len + 3 || strncmp(p, q, l->len) != 0)
        return 0;
    const char *r = p + l->len;
    return !strncmp(r, " | ", 3) || !strncmp(r, " - ", 3) || !strncmp(r, " \xE2\x80\x93 ", 5) ||
           !strncmp(r, " \xE2\x80\x94 ", 5);
}

/* Is line a the text of line b with words glued before it ("Home News Business News Ascom
 * announces …" over "Ascom announces …": a breadcrumb run into the headline)? */
static int glued_over(const hd_clean *c, size_t a, size_t b)
{
    const hd_line *la = &c->lines[a], *lb = &c->lines[b];
    if (la->len < lb->len + 4)
        return 0;
    const char *p = text_of(c, a) + (la->len - lb->len);
    return p[-1] == ' ' && memcmp(p, text_of(c, b), lb->len) == 0;
}

/* Does prose follow the byline or date line at m, past more of them and furniture? */
static int leads_story(const hd_clean *c, size_t m)
{
    for (size_t j = m + 1; j < c->n_lines && j <= m + 8; j++) {
        const hd_line *l = &c->lines[j];
        if (l->kind == HD_LINE_GOOD && !l->title_like)
            return 1;
        if (l->kind != HD_LINE_META && !hd_seg_furniture(c, j) && !dropped_widget(c, j))
            return 0;
    }
    return 0;
}

/* The points line i earns from a byline or date line under it, past furniture or a standfirst;
 * whether it stands over a standfirst on that byline, and whether right on the byline. */
static int byline_score(const hd_clean *c, size_t i, int *out_over_standfirst, int *out_on_byline)
{
    /* The byline belongs to the headline right above it (not to one further up a list). */
    /* ... or with a standfirst between ("Agriculture minister pledges …", "Exporters say
     * the limits, imposed last spring, have cost …", "By Claire Dumont - 14 Feb 2023") */
    /* a breadcrumb, a photo's caption or a count between them does not part them */
    size_t nx = past_furniture(c, i);
    int over_standfirst =
        nx + 1 < c->n_lines && c->lines[nx + 1].kind == HD_LINE_META &&
        c->lines[nx].kind != HD_LINE_META &&
        (standfirst(c, nx) || (nx == i + 1 && c->lines[nx].n_words >= 12 &&
                               c->lines[nx].n_stop >= 2 && !headline_case(&c->lines[nx]))) &&
        !glued_over(c, i, nx);
    over_standfirst =
        over_standfirst || (nx == i + 1 && standfirst_on_byline(c, nx) && !glued_over(c, i, nx));
    *out_over_standfirst = over_standfirst;
    *out_on_byline = 0;
    if (!((nx < c->n_lines && c->lines[nx].kind == HD_LINE_META) || over_standfirst))
        return 0;
    /* more than the page's first line, unless a headline stands right above: then this
     * line is its standfirst ("Officials say the bridge will cost more than expected") */
    /* (past a count of comments or a caption: "Star Trek 4 eyes Fargo, …", "New, 15
     * comments", "The fourth in the 2009 reboot series of Star Trek films", the byline) */
    size_t up = i;
    while (up > 0 && i - up < 2 && comment_count(c, up - 1))
        up--;
    int under_headline = up > 0 && c->lines[up - 1].title_like && c->lines[up - 1].n_words >= 4 &&
                         c->lines[up - 1].kind != HD_LINE_META && !glued_over(c, up - 1, i);
    int s = under_headline ? 2 : 4;
    *out_on_byline = !under_headline;
    /* the story's headline over its byline, not a teaser's over its date with the next
     * headline under it */
    if (*out_on_byline && leads_story(c, nx))
        s += 1;
    return s;
}

/* printed again at the end of a share box's label a few lines down ("Share All sharing
 * options for: Star Trek 4 eyes Fargo, …") */
static int share_box_repeat(const hd_clean *c, size_t i)
{
    for (size_t j = i + 1; j < c->n_lines && j <= i + 10; j++)
        if (glued_over(c, j, i))
            return 1;
    return 0;
}

/* The page's first line is where the page title goes; when it is the page's <title>,
 * "Headline | Site", the headline is printed again below it. */
static int page_title_score(const hd_clean *c, size_t i)
{
    if (i == 0) {
        int printed_below = 0;
        for (size_t j = 1; j < c->n_lines && j <= 6 && !printed_below; j++)
            printed_below = title_of_page(c, j);
        return printed_below ? -2 : 2;
    }
    return title_of_page(c, i) ? 2 : 0;
}

/* How much a headline-shaped line above the first paragraph looks like the headline: printed
 * more than once, standing on a byline or date line, long enough to say something. The first
 * candidate wins ties. */
int hd_seg_title_score(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    int s = 0, over_standfirst, on_byline;
    if (l->count >= 2)
        s += 2;
    /* printed twice in a row (the story's heading and its share box's), not once in the
     * page's header and again in its footer as a menu is */
    if (l->count >= 2 && i + 1 < c->n_lines && c->lines[i + 1].key == l->key)
        s += 1;
    s += byline_score(c, i, &over_standfirst, &on_byline);
    if (l->n_words >= 4)
        s += 1;
    if (l->n_words >= 4 && share_box_repeat(c, i))
        s += 2;
    if (l->n_words <= 2) /* a section label: "In Brief", "World" */
        s -= 1;
    if (headline_case(l))
        s += 1;
    s += page_title_score(c, i);
    /* A standfirst reads like a sentence: commas and a prose share of function words (not
     * when a standfirst stands under it: "'We had some issues,' exec says on Disney+ glitches",
     * nor right on its byline with no headline above: "South Dakota says, 'Meth. We're On It,'
     * and Twitter asks, Are you guys OK?") */
    if (!over_standfirst && !on_byline && memchr(c->text.p + l->off, ',', l->len) &&
        l->n_stop * 4 >= l->n_words)
        s -= 2;
    return s;
}

/* Does GOOD line i, ending like a sentence over its date line, stand where a headline does:
 * under the navigation (past a comment count or a caption: no prose, no headline-shaped line
 * right above)? */
static int headline_over_date(const hd_clean *c, size_t i)
{
    size_t up = i;
    while (up > 0 && i - up < 3 && hd_seg_furniture(c, up - 1))
        up--;
    if (up == 0)
        return 0;
    for (size_t k = up >= 4 ? up - 4 : 0; k < up; k++)
        if (c->lines[k].kind == HD_LINE_GOOD)
            return 0;
    const hd_line *a = &c->lines[up - 1];
    return a->kind != HD_LINE_META && a->n_words <= 3 && !a->title_like;
}

/* "10 things in tech you need to know today" over "Charlie Wood, Business Insider": a headline
 * in sentence case, right on its byline */
static int sentence_case_on_byline(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    size_t n = c->n_lines;
    if (!((l->kind == HD_LINE_BAD || l->kind == HD_LINE_SHORT) && !l->title_like && !l->terminal &&
          l->n_words >= 4 && l->n_words <= 20 && !l->n_ui && !l->credit && i + 1 < n &&
          c->lines[i + 1].kind == HD_LINE_META && (i == 0 || c->lines[i - 1].kind != HD_LINE_META)))
        return 0;
    const char *t = text_of(c, i);
    return (t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= '0' && t[0] <= '9');
}

/* a press release's long headline in title case over its date ("Our BI Research Shows – A Mix
 * of Native Ad Units Generate the Highest Engagement Metrics") */
static int long_headline_on_date(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    if (!(l->kind == HD_LINE_GOOD && !l->title_like && !l->terminal && l->n_words > 20 &&
          l->n_words <= 30 && headline_case(l) && !l->n_ui && i + 1 < c->n_lines &&
          c->lines[i + 1].kind == HD_LINE_META))
        return 0;
    const char *t = text_of(c, i);
    return t[0] >= 'A' && t[0] <= 'Z';
}

/* "South Dakota doubles down on ‘Meth. We’re on it.’ They just might be." over its date line,
 * under the navigation: a headline that ends like a sentence (under a headline it would be the
 * standfirst) */
static int sentence_headline_on_date(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    if (!(l->kind == HD_LINE_GOOD && !l->title_like && l->terminal && l->n_words >= 5 &&
          l->n_words <= 20 && !l->n_ui && i > 0 && i + 1 < c->n_lines &&
          c->lines[i + 1].kind == HD_LINE_META && headline_over_date(c, i)))
        return 0;
    const char *t = text_of(c, i);
    return t[0] >= 'A' && t[0] <= 'Z';
}

/* Does line i read as a standfirst under the headline a line or two above it (past a one- or
 * two-word label such as "Editorial"): fifteen words or more with a sentence's end inside
 * ("The authorities’ repression has only fuelled the crisis. It is up to them to
 * de-escalate, as others should tell them")? Headlines with a full stop inside ("Meth.
 * We’re on it.") are short. */
static int standfirst_under_headline(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    if (l->n_words < 15 || i == 0)
        return 0;
    const char *p = text_of(c, i);
    int inside = 0;
    for (size_t k = 2; k + 2 < l->len && !inside; k++)
        inside = p[k] == '.' && p[k + 1] == ' ' && p[k + 2] >= 'A' && p[k + 2] <= 'Z' &&
                 p[k - 1] >= 'a' && p[k - 1] <= 'z' && p[k - 2] >= 'a' && p[k - 2] <= 'z';
    if (!inside)
        return 0;
    size_t up = i - 1;
    if (up > 0 && c->lines[up].n_words <= 2 && !c->lines[up].terminal)
        up--;
    const hd_line *h = &c->lines[up];
    return h->title_like && h->n_words >= 4 && h->n_words < l->n_words && !h->terminal &&
           (h->kind == HD_LINE_GOOD || h->kind == HD_LINE_SHORT);
}

/* Headline-shaped line i, kept or dropped by the cleaner: a candidate (SHORT) when it opens the
 * page, is printed more than once, or sits on a byline. */
static void make_candidate(hd_clean *c, size_t i, int have_given)
{
    hd_line *l = &c->lines[i];
    size_t n = c->n_lines;
    /* two lines up, over a standfirst: not over a sign-up plea ("There's plenty more
     * where that came from. Sign up for …") before the author's box */
    size_t pf = past_furniture(c, i);
    int byline =
        (i + 1 < n && c->lines[i + 1].kind == HD_LINE_META) ||
        (i + 2 < n && c->lines[i + 2].kind == HD_LINE_META &&
         !(c->lines[i + 1].kind == HD_LINE_GOOD && c->lines[i + 1].n_ui >= 2)) ||
        (pf < n && c->lines[pf].kind == HD_LINE_META) ||
        /* over a label and a standfirst ("Editorial", then a sentence or two) */
        (pf > i + 1 && pf + 1 < n && c->lines[pf + 1].kind == HD_LINE_META && standfirst(c, pf));
    /* a headline the cleaner dropped among navigation ("Learn More", then "Thousands of
     * teachers pack Indiana Statehouse for protest" over "Tom Davies Associated Press"):
     * right on its byline it is one again */
    if (l->kind == HD_LINE_BAD) {
        /* not a byline itself ("By Bill Hoppe | Special to the Pioneer Press" over the
         * date line) */
        const char *t = text_of(c, i);
        if (c->lines[i + 1 < n ? i + 1 : i].kind == HD_LINE_META && i + 1 < n && l->n_words >= 4 &&
            !l->n_ui && !l->credit && (i == 0 || c->lines[i - 1].kind != HD_LINE_META) &&
            !(l->len > 3 && !strncasecmp(t, "by ", 3)))
            l->kind = HD_LINE_SHORT;
        return;
    }
    /* With a title from metadata, the first line is only a headline if it repeats it. */
    if ((i == 0 && !have_given) || l->count >= 2 || byline)
        l->kind = HD_LINE_SHORT;
}

/* A headline is never body prose, however many words it has: a headline-shaped line that
 * opens the page, is printed more than once, or sits on a byline is a title candidate. */
void hd_seg_mark_headlines(hd_clean *c, int have_given)
{
    /* first, so that the headline over a standfirst sees it as one */
    for (size_t i = c->n_lines; i-- > 1;)
        if (c->lines[i].title_like && standfirst_under_headline(c, i))
            c->lines[i].title_like = 0;
    for (size_t i = 0; i < c->n_lines; i++) {
        hd_line *l = &c->lines[i];
        if (l->in_feed)
            continue; /* a feed's item over its date is no headline of this page's */
        /* nor a story's age ("Published 22 hours ago"), which would make the headline
         * under it read as a standfirst */
        if (l->title_like && (comment_count(c, i) || age_stamp(c, i)))
            l->title_like = 0;
        if (sentence_case_on_byline(c, i))
            l->title_like = 1;
        if (long_headline_on_date(c, i))
            l->title_like = 1;
        if (sentence_headline_on_date(c, i))
            l->title_like = 1;
        if (l->title_like && (l->kind == HD_LINE_GOOD || l->kind == HD_LINE_BAD))
            make_candidate(c, i, have_given);
    }
}
