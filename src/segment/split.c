/* SPDX-License-Identifier: MIT
 *
 * split.c — cut a cleaned page into articles and settle each line's fate: title, byline/date,
 * body or boilerplate.
 */
#include "segment/segment.h"

#include <string.h>
#include <strings.h>

#include "base/mem.h"

/* How far past a headline its repeats and byline are looked for. */
#define HEADER_SCAN 40

void hd_segments_done(hd_segments *s)
{
    hd_free(s->v);
    memset(s, 0, sizeof *s);
}

static const char *text_of(const hd_clean *c, size_t i)
{
    return c->text.p + c->lines[i].off;
}

/* Newsroom jobs, for bylines that name one. */
static const char *const job[] = {"reporter",  "correspondent", "editor",     "writer",
                                  "columnist", "contributor",   "journalist", "staff",
                                  "news desk", "newsdesk",      "producer",   NULL};

/* "News reporter @TomGillespie1", "Political correspondent Jane Roe": the job first, then the
 * name or the handle (one to four capitalised words or an @handle, nothing else). */
static int job_first_byline(const char *p, size_t n, const hd_line *l)
{
    if (l->n_words < 2 || l->n_words > 7 || l->terminal || l->n_stop)
        return 0;
    const char *e = p + n, *w = p;
    for (int k = 0; k < 3 && w < e; k++) {
        const char *s = w;
        while (w < e && *w != ' ')
            w++;
        int is_job = 0;
        for (int j = 0; job[j] && !is_job; j++)
            is_job = (*s | 0x20) == job[j][0] && !strncasecmp(s, job[j], (size_t)(w - s)) &&
                     job[j][w - s] == '\0';
        while (w < e && *w == ' ')
            w++;
        if (!is_job)
            continue;
        size_t names = 0;
        while (w < e) {
            if (!((*w >= 'A' && *w <= 'Z') || (*w == '@' && w + 1 < e && w[1] != ' ')))
                return 0;
            names++;
            while (w < e && *w != ' ')
                w++;
            while (w < e && *w == ' ')
                w++;
        }
        return names >= 1 && names <= 4;
    }
    return 0;
}

/* "Jane Roe, Local Democracy Reporter", "John Smith - Political Correspondent": a name, a
 * comma or dash, and a newsroom job, on a short line that is not a sentence. */
static int byline_role(const char *p, size_t n, const hd_line *l)
{
    if (l->n_words > 8 || l->n_words < 3 || l->terminal || l->n_stop * 3 > l->n_words)
        return 0;
    const char *sep = NULL;
    for (size_t i = 1; !sep && i + 2 < n; i++)
        if ((p[i] == ',' && p[i + 1] == ' ') || (p[i - 1] == ' ' && p[i] == '-' && p[i + 1] == ' '))
            sep = p + i;
    if (!sep)
        return 0;
    /* the name: two to four capitalised words */
    size_t words = 0;
    for (const char *w = p; w < sep;) {
        while (w < sep && *w == ' ')
            w++;
        if (w == sep)
            break;
        if (!(*w >= 'A' && *w <= 'Z'))
            return 0;
        words++;
        while (w < sep && *w != ' ')
            w++;
    }
    if (words < 2 || words > 4)
        return 0;
    size_t rest = n - (size_t)(sep - p);
    for (int k = 0; job[k]; k++) {
        size_t m = strlen(job[k]);
        for (size_t i = 1; i + m <= rest; i++)
            if (strncasecmp(sep + i, job[k], m) == 0 && sep[i - 1] == ' ' &&
                (i + m == rest || !((sep[i + m] | 32) >= 'a' && (sep[i + m] | 32) <= 'z')))
                return 1;
    }
    return 0;
}

/* A clock time: "12:01", "9:41", "16:05:30". */
static int clock_word(const char *w, size_t n)
{
    size_t i = 0, groups = 0;
    while (i < n) {
        size_t d = 0;
        while (i < n && w[i] >= '0' && w[i] <= '9')
            i++, d++;
        if (d == 0 || d > 2 || (groups > 0 && d != 2))
            return 0;
        groups++;
        if (i < n && w[i++] != ':')
            return 0;
        if (i == n && w[n - 1] == ':')
            return 0;
    }
    return groups >= 2 && groups <= 3;
}

/* A time stamp alone on its line, with no date to read: "Today 12:01 AM", "Yesterday at 5:30
 * p.m.", "Updated 9:41 AM ET", "Friday, 4:15 PM". It belongs with the byline and date lines, not
 * with the headlines: a clock time and a day word or an AM/PM mark, and nothing else. */
static int time_stamp(const char *p, size_t n, const hd_line *l)
{
    static const char *const day[] = {"today",     "yesterday", "tonight", "monday",   "tuesday",
                                      "wednesday", "thursday",  "friday",  "saturday", "sunday",
                                      "mon",       "tue",       "wed",     "thu",      "fri",
                                      "sat",       "sun"};
    static const char *const mark[] = {"am", "pm", "a.m.", "p.m."};
    static const char *const glue[] = {"updated",      "published",    "posted",  "last",
                                       "at",           "on",           "|",       "-",
                                       "\xE2\x80\x93", "\xE2\x80\xA2", "\xC2\xB7"};
    if (l->n_words == 0 || l->n_words > 7 || l->terminal)
        return 0;
    int clock = 0, marked = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && p[i] == ' ')
            i++;
        size_t a = i;
        while (i < n && p[i] != ' ')
            i++;
        size_t m = i - a;
        if (m == 0)
            break;
        if (p[a + m - 1] == ',')
            m--; /* "Friday, 4:15 PM" */
        const char *w = p + a;
        if (m == 0)
            return 0;
        if (clock_word(w, m))
            clock++;
        else if (hd_clean_word_in(w, m, day, sizeof day / sizeof *day) ||
                 hd_clean_word_in(w, m, mark, sizeof mark / sizeof *mark))
            marked++;
        else if (m >= 2 && m <= 4 && w[0] >= 'A' && w[0] <= 'Z' && clock && marked) {
            /* a time zone after the time: "ET", "GMT", "IST" */
            for (size_t k = 0; k < m; k++)
                if (!(w[k] >= 'A' && w[k] <= 'Z'))
                    return 0;
        } else if (!hd_clean_word_in(w, m, glue, sizeof glue / sizeof *glue))
            return 0;
    }
    return clock == 1 && marked >= 1;
}

/* A byline's label alone on its line, its name on the next: a scraper writes "By <a>Jane
 * Roe</a>" or "Author: <span>…</span>" as two lines ("By" / "Randy Maniloff"). */
static int byline_label(const char *p, size_t n)
{
    static const char *const label[] = {"by",        "author",   "authors",  "written by",
                                        "posted by", "words by", "story by", "autor",
                                        "autora",    "por",      "von"};
    if (n && p[n - 1] == ':')
        n--;
    if (n < 2 || n > 10 || !memchr("bawspv", p[0] | 0x20, 6))
        return 0;
    return hd_clean_word_in(p, n, label, sizeof label / sizeof *label);
}

/* Is one of the parts of a line set with bars or bullets a byline ("February 1, 2019 | BY:
 * Ilana Muhlstein, MS, RDN")? A part starting with the word "by" and a capital after it. */
static int by_part(const char *p, size_t n)
{
    for (size_t i = 0; i + 4 < n; i++) {
        if (i > 0 && !(p[i - 1] == ' ' && i >= 2 &&
                       (p[i - 2] == '|' || (unsigned char)p[i - 2] == 0xA2 /* • */ ||
                        (unsigned char)p[i - 2] == 0xB7 /* · */)))
            continue;
        if ((p[i] | 32) != 'b' || (p[i + 1] | 32) != 'y')
            continue;
        size_t k = i + 2;
        if (k < n && p[k] == ':')
            k++;
        if (k + 1 < n && p[k] == ' ' && p[k + 1] >= 'A' && p[k + 1] <= 'Z')
            return 1;
    }
    return 0;
}

/* Does the line open with the word of a time stamp ("Updated on: November 19, 2019 / 10:07 AM /
 * CBS News", "Published …", "Posted …")? */
static int stamp_word(const char *p, size_t n)
{
    static const char *const w[] = {"updated", "published", "posted", "last updated"};
    char c0 = n ? (char)(p[0] | 0x20) : 0;
    if (c0 != 'u' && c0 != 'p' && c0 != 'l')
        return 0; /* most lines: not one of the words */
    /* the lower-case words after the first, up to a colon or to a word that is not */
    size_t e = 0;
    while (e < n && e < 16 && p[e] != ':') {
        if (p[e] == ' ' && !(e + 1 < n && p[e + 1] >= 'a' && p[e + 1] <= 'z'))
            break;
        e++;
    }
    if (e > 3 && !strncasecmp(p + e - 3, " on", 3)) /* "Updated on:" */
        e -= 3;
    return hd_clean_word_in(p, e, w, sizeof w / sizeof *w);
}

/* "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM": a stamp word opening a short line that
 * holds a clock time, with no year for the date finder. */
static int stamped_update(const char *p, size_t n, const hd_line *l)
{
    if (l->n_words > 12 || l->terminal || !stamp_word(p, n))
        return 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (p[i] == ' ' || p[i] == ';' || p[i] == ','))
            i++;
        size_t a = i;
        while (i < n && p[i] != ' ' && p[i] != ';' && p[i] != ',')
            i++;
        if (i > a && clock_word(p + a, i - a))
            return 1;
    }
    return 0;
}

/* May the line open on a date: a figure, or a word whose first three letters are a month's
 * ("November 19, 2019 / …", "19 Nov 2019")? A cheap test before the date finder, for the
 * navigation lines that are most of a page's discarded ones. */
static int date_opening(const char *p, size_t n)
{
    static const char *const mon[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n && p[0] >= '0' && p[0] <= '9')
        return 1;
    if (n < 3 || !memchr("jfmasond", p[0] | 0x20, 8))
        return 0;
    return hd_clean_word_in(p, 3, mon, sizeof mon / sizeof *mon);
}

/* A newsroom's byline: "Detroit News wire services", "Staff and wire reports", "From news
 * services" — a short line ending on a desk's phrase. */
static int desk_byline(const char *p, size_t n, const hd_line *l)
{
    static const char *const tail[] = {" wire services", " wire reports", " news services",
                                       " staff reports", " wire service", " news service"};
    if (l->n_words > 6 || l->terminal)
        return 0;
    for (size_t k = 0; k < sizeof tail / sizeof *tail; k++) {
        size_t m = strlen(tail[k]);
        if (n > m && !strncasecmp(p + n - m, tail[k], m))
            return 1;
    }
    return 0;
}

/* "5 Min Read", "3 min read": the reading time printed with the byline. */
static int read_time(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9')
        i++;
    if (i == 0 || i > 3 || i >= n || p[i] != ' ')
        return 0;
    static const char *const form[] = {" min read", " mins read", " minute read", " minutes read"};
    for (size_t k = 0; k < sizeof form / sizeof *form; k++)
        if (n - i == strlen(form[k]) && !strncasecmp(p + i, form[k], n - i))
            return 1;
    return 0;
}

/* Byline or date line: a short line that is not a sentence and carries a date, or "By ...". */
static void mark_meta(hd_clean *c)
{
    for (size_t i = 0; i < c->n_lines; i++) {
        hd_line *l = &c->lines[i];
        const char *p = text_of(c, i);
        size_t n = l->len;
        hd_date d;
        /* the signature of an embedded tweet ("— Dele (@dele_official) November 19, 2019")
         * dates the tweet, not an article under it */
        if (n > 8 && !memcmp(p, "\xE2\x80\x94 ", 4) && l->n_words <= 24 && memmem(p, n, "(@", 2))
            continue;
        /* "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM":
         * a byline with its date and update time runs longer */
        if (l->kind != HD_LINE_BAD && l->n_words > 14 && l->n_words <= 24 && !l->terminal &&
            n > 3 && strncmp(p, "By ", 3) == 0 && hd_date_find(p, n, &d, NULL, NULL)) {
            l->kind = HD_LINE_META;
            continue;
        }
        if (l->n_words <= 2 && !l->terminal && byline_label(p, n)) {
            /* the label and, when it is a name (a few capitalised words), the line after */
            l->kind = HD_LINE_META;
            hd_line *nx = i + 1 < c->n_lines ? &c->lines[i + 1] : NULL;
            const char *q = nx ? text_of(c, i + 1) : NULL;
            if (nx && nx->n_words >= 1 && nx->n_words <= 6 && !nx->terminal && !nx->n_num &&
                nx->n_stop <= 1 && q[0] >= 'A' && q[0] <= 'Z') {
                nx->kind = HD_LINE_META;
                i++;
            }
            continue;
        }
        if (l->n_words > 14)
            continue;
        if (l->kind == HD_LINE_BAD) {
            /* a date line with a byline among its parts is one, however the cleaner saw it;
             * so is one that opens on its date ("November 19, 2019 / 12:21 AM / Updated 14
             * hours ago", which the slashes made a credit) */
            if (l->terminal)
                continue;
            /* "By Bill Hoppe | Special to the Pioneer Press", which the bar made navigation */
            if (n > 4 && p[0] == 'B' && p[1] == 'y' && p[2] == ' ' && p[3] >= 'A' && p[3] <= 'Z' &&
                l->n_words <= 8 && !l->credit && memmem(p, n, " | ", 3)) {
                l->kind = HD_LINE_META;
                continue;
            }
            size_t ds, de;
            int marked = by_part(p, n) || stamp_word(p, n);
            if ((marked || date_opening(p, n)) && hd_date_find(p, n, &d, &ds, &de) &&
                (marked || ds == 0))
                l->kind = HD_LINE_META;
            continue;
        }
        if (read_time(p, n)) {
            l->kind = HD_LINE_META; /* "5 Min Read": the byline's widget */
            continue;
        }
        if (n && p[n - 1] == '.' && l->n_words > 6)
            continue; /* a sentence that happens to hold a date */
        size_t s, e;
        if (hd_date_find(p, n, &d, &s, &e)) {
            /* Most of the line must be the date and byline words, not prose. */
            if (l->n_stop * 3 <= l->n_words || l->n_words <= 8)
                l->kind = HD_LINE_META;
            continue;
        }
        /* "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER": names, commas and "and" */
        /* "By …", and "by Laura Winter" when a capital follows */
        int by = n > 3 && (p[0] == 'B' || (p[0] == 'b' && n > 4 && p[3] >= 'A' && p[3] <= 'Z')) &&
                 p[1] == 'y' && p[2] == ' ' && !l->terminal;
        uint32_t ands = 0;
        if (by && l->n_words > 8)
            for (const char *q = p; (q = memmem(q, n - (size_t)(q - p), " and ", 5)) != NULL;
                 q += 5)
                ands++;
        if ((by && (l->n_words <= 8 || (l->n_words <= 14 && l->n_cap + ands >= l->n_words))) ||
            byline_role(p, n, l) || job_first_byline(p, n, l) || time_stamp(p, n, l) ||
            stamped_update(p, n, l) || desk_byline(p, n, l))
            l->kind = HD_LINE_META;
    }
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
static int furniture(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    return l->kind != HD_LINE_META &&
           (l->credit || breadcrumb(c, i) || comment_count(c, i) ||
            (l->n_words == 1 && l->n_num == 1 && l->len <= 6) ||
            (l->n_words == 1 && !l->title_like && l->len <= 12)); /* "Save", "Share" */
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
           ((nx <= i + 3 && furniture(c, nx)) || (widgets && dropped_widget(c, nx))))
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
static int starts_article(const hd_clean *c, size_t i, const size_t *next_good)
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
        if (l->kind != HD_LINE_META && !furniture(c, j) && !dropped_widget(c, j))
            return 0;
    }
    return 0;
}

/* How much a headline-shaped line above the first paragraph looks like the headline: printed
 * more than once, standing on a byline or date line, long enough to say something. The first
 * candidate wins ties. */
static int title_score(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    int s = 0, on_byline = 0;
    if (l->count >= 2)
        s += 2;
    /* printed twice in a row (the story's heading and its share box's), not once in the
     * page's header and again in its footer as a menu is */
    if (l->count >= 2 && i + 1 < c->n_lines && c->lines[i + 1].key == l->key)
        s += 1;
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
    if ((nx < c->n_lines && c->lines[nx].kind == HD_LINE_META) || over_standfirst) {
        /* more than the page's first line, unless a headline stands right above: then this
         * line is its standfirst ("Officials say the bridge will cost more than expected") */
        /* (past a count of comments or a caption: "Star Trek 4 eyes Fargo, …", "New, 15
         * comments", "The fourth in the 2009 reboot series of Star Trek films", the byline) */
        size_t up = i;
        while (up > 0 && i - up < 2 && comment_count(c, up - 1))
            up--;
        int under_headline = up > 0 && c->lines[up - 1].title_like &&
                             c->lines[up - 1].n_words >= 4 &&
                             c->lines[up - 1].kind != HD_LINE_META && !glued_over(c, up - 1, i);
        s += under_headline ? 2 : 4;
        on_byline = !under_headline;
        /* the story's headline over its byline, not a teaser's over its date with the next
         * headline under it */
        if (on_byline && leads_story(c, nx))
            s += 1;
    }
    if (l->n_words >= 4)
        s += 1;
    /* printed again at the end of a share box's label a few lines down ("Share All sharing
     * options for: Star Trek 4 eyes Fargo, …") */
    if (l->n_words >= 4)
        for (size_t j = i + 1; j < c->n_lines && j <= i + 10; j++)
            if (glued_over(c, j, i)) {
                s += 2;
                break;
            }
    if (l->n_words <= 2) /* a section label: "In Brief", "World" */
        s -= 1;
    if (headline_case(l))
        s += 1;
    /* The page's first line is where the page title goes; when it is the page's <title>,
     * "Headline | Site", the headline is printed again below it. */
    if (i == 0) {
        int printed_below = 0;
        for (size_t j = 1; j < c->n_lines && j <= 6 && !printed_below; j++)
            printed_below = title_of_page(c, j);
        s += printed_below ? -2 : 2;
    } else if (title_of_page(c, i)) {
        s += 2;
    }
    /* A standfirst reads like a sentence: commas and a prose share of function words (not
     * when a standfirst stands under it: "'We had some issues,' exec says on Disney+ glitches",
     * nor right on its byline with no headline above: "South Dakota says, 'Meth. We're On It,'
     * and Twitter asks, Are you guys OK?") */
    if (!over_standfirst && !on_byline && memchr(c->text.p + l->off, ',', l->len) &&
        l->n_stop * 4 >= l->n_words)
        s -= 2;
    return s;
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

/* Line i in lower case without trailing punctuation, into buf (cap bytes); its length. */
static size_t lower_line(const hd_clean *c, size_t i, char *buf, size_t cap)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    size_t n = l->len;
    while (n > 0 && (p[n - 1] == ':' || p[n - 1] == '.' || p[n - 1] == ' '))
        n--;
    if (n >= cap)
        return 0;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]);
    buf[n] = 0;
    return n;
}

/* "2 hours ago", "Reply", "Like (3)": the furniture of a comment thread. */
static int comment_furniture(const hd_clean *c, size_t i)
{
    static const char *const units[] = {"minute", "hour", "day", "week", "month", "year", NULL};
    char b[64];
    size_t n = lower_line(c, i, b, sizeof b);
    if (!n || c->lines[i].n_words > 5)
        return 0;
    if (!strcmp(b, "reply") || !strcmp(b, "report") || !strncmp(b, "like", 4) ||
        !strncmp(b, "share", 5))
        return 1;
    if (n > 4 && !strcmp(b + n - 4, " ago"))
        for (int k = 0; units[k]; k++)
            if (strstr(b, units[k]))
                return 1;
    return 0;
}

/* A blog's heading over its comments, however long the post's title in it: "34 responses to
 * “Title”", "6 thoughts on “Title”". */
static int thread_heading(const hd_clean *c, size_t i)
{
    static const char *const head[] = {" responses to ", " response to ", " thoughts on ",
                                       " thought on ",   " comments on ", " comment on ",
                                       " replies to ",   " reply to ",    NULL};
    const char *p = text_of(c, i);
    size_t n = c->lines[i].len, d = 0;
    while (d < n && p[d] >= '0' && p[d] <= '9')
        d++;
    if (d == 0 || d > 6)
        return 0;
    for (int k = 0; head[k]; k++) {
        size_t m = strlen(head[k]);
        if (n > d + m && strncasecmp(p + d, head[k], m) == 0)
            return 1;
    }
    return 0;
}

/* Does a readers' comment section start at line i (before `to`)? A comment form ("Add new
 * comment", "Leave a reply") or a blog's thread heading does; a heading ("12 Comments",
 * "Comments (12)", "Comments") does when the lines after it are a thread: times ("2 hours
 * ago"), "Reply", "Like". */
static int comment_section(const hd_clean *c, size_t i, size_t to)
{
    static const char *const form[] = {
        "add new comment",     "add a comment",       "leave a comment",
        "leave a reply",       "post a comment",      "join the conversation",
        "join the discussion", "comments are closed", "show comments",
        "view comments",       "load comments",       "reader comments",
        "readers' comments",   "post your comment",   NULL};
    if (thread_heading(c, i))
        return 1;
    if (c->lines[i].n_words > 6)
        return 0;
    char b[64];
    size_t n = lower_line(c, i, b, sizeof b);
    if (!n)
        return 0;
    for (int k = 0; form[k]; k++)
        if (!strncmp(b, form[k], strlen(form[k])))
            return 1;
    size_t d = 0;
    while (d < n && b[d] >= '0' && b[d] <= '9')
        d++;
    int heading = !strcmp(b, "comments") || !strncmp(b, "comments (", 10) ||
                  (d > 0 && (!strcmp(b + d, " comments") || !strcmp(b + d, " comment")));
    if (!heading)
        return 0;
    for (size_t j = i + 1; j < to && j <= i + 10; j++)
        if (comment_furniture(c, j))
            return 1;
    return 0;
}

/* A short line that speaks of comments: "Permalink 34 Comments Feed for comments". */
static int mentions_comments(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->n_words > 12 || l->terminal)
        return 0;
    for (size_t k = 0; k + 7 <= l->len; k++)
        if (strncasecmp(p + k, "comment", 7) == 0)
            return 1;
    return 0;
}

/* A time of day ("6:34 am", "18:05") or an age ("2 hours ago") on a short line: when a
 * comment was posted. */
static int comment_stamp(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    if (l->n_words > 14)
        return 0;
    const char *p = text_of(c, i);
    for (size_t k = 1; k + 2 < l->len; k++)
        if (p[k] == ':' && p[k - 1] >= '0' && p[k - 1] <= '9' && p[k + 1] >= '0' &&
            p[k + 1] <= '9' && p[k + 2] >= '0' && p[k + 2] <= '9')
            return 1;
    return comment_furniture(c, i) && l->len > 4 && !strncmp(p + l->len - 4, " ago", 4);
}

/* A commenter's signature: "thelastchargersfan says:", "Jane Roe on December 30, 2015 at 4:36
 * am said:" -- a short line that is no sentence, ending in says:, said: or wrote:, with the
 * time of posting on it or on one of the two lines after it. News prose writes "the minister
 * said:" before a block quote too, but never stamps it with a clock time. */
static int comment_signature(const hd_clean *c, size_t i)
{
    static const char *const verb[] = {" says:", " said:", " wrote:", " says", NULL};
    const hd_line *l = &c->lines[i];
    if (l->n_words > 14 || l->n_words == 0 || l->terminal)
        return 0;
    const char *p = text_of(c, i);
    size_t n = l->len;
    while (n > 0 && p[n - 1] == ' ')
        n--;
    int ends = 0;
    for (int k = 0; verb[k] && !ends; k++) {
        size_t m = strlen(verb[k]);
        ends = n > m && strncasecmp(p + n - m, verb[k], m) == 0;
    }
    if (!ends)
        return 0;
    for (size_t j = i; j < c->n_lines && j <= i + 2; j++)
        if (comment_stamp(c, j))
            return 1;
    return 0;
}

/* Readers' comment threads below a story, dropped from the page before it is cut into
 * articles: each comment's prose would otherwise read as an article of its own. A thread is a
 * run of commenters' signatures (with the thread's heading or form just above the first); it
 * ends with the paragraphs of the last comment. Only after the first paragraph of the page:
 * the story comes first. */
static void drop_comment_threads(hd_clean *c)
{
    size_t n = c->n_lines, i = 0;
    while (i < n && c->lines[i].kind != HD_LINE_GOOD)
        i++;
    for (i++; i < n; i++) {
        if (!comment_signature(c, i))
            continue;
        size_t from = i;
        /* the heading or form over the thread, a few lines up */
        for (size_t k = i; k-- > 0 && k + 4 >= i && c->lines[k].kind != HD_LINE_GOOD;)
            if (comment_section(c, k, n) || mentions_comments(c, k))
                from = k;
        size_t last = i;
        for (size_t j = i + 1; j < n && j <= last + 60; j++)
            if (comment_signature(c, j))
                last = j;
        /* past the last signature and its stamp: that comment's paragraphs and buttons */
        size_t end = last + 1;
        while (end < n && end <= last + 2 && comment_stamp(c, end))
            end++;
        if (end < n)
            end++; /* the comment, whatever its shape */
        while (end < n && (c->lines[end].kind == HD_LINE_GOOD || comment_furniture(c, end)))
            end++;
        for (size_t k = from; k < end; k++)
            c->lines[k].kind = HD_LINE_BAD;
        i = end;
    }
}

/* The value of a line that is a small number alone ("6", "12"), else -1. */
static int lone_number(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->len == 0 || l->len > 2)
        return -1;
    int v = 0;
    for (size_t k = 0; k < l->len; k++) {
        if (p[k] < '0' || p[k] > '9')
            return -1;
        v = v * 10 + (p[k] - '0');
    }
    return v;
}

/* An item of a ranked list: a headline, not a sentence of a story. */
static int list_item(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    return l->n_words > 0 && l->n_words <= 24 && !l->terminal && lone_number(c, i) < 0;
}

/* A ranked list of links ("Most read": 6, a headline, 7, a headline, ...): at least three
 * numbers in sequence, each alone on its line and followed by one or two headline lines.
 * Numbered steps of a story are sentences; these items never are. */
static void drop_ranked_lists(hd_clean *c)
{
    size_t n = c->n_lines;
    for (size_t i = 0; i < n; i++) {
        int v = lone_number(c, i);
        if (v < 0)
            continue;
        size_t k = i, count = 1, gap = 0;
        for (;;) {
            size_t d = 0;
            for (size_t g = 2; g <= 3 && !d && k + g < n; g++)
                if (lone_number(c, k + g) == v + 1) {
                    d = g;
                    for (size_t m = k + 1; m < k + g; m++)
                        if (!list_item(c, m))
                            d = 0;
                }
            if (!d)
                break;
            k += d;
            v++;
            count++;
            gap = d;
        }
        if (count < 3)
            continue;
        size_t end = k + 1; /* the last number's items */
        while (end < n && end < k + gap && list_item(c, end))
            end++;
        for (size_t m = i; m < end; m++)
            c->lines[m].kind = HD_LINE_BAD;
        i = end - 1;
    }
}

/* Is line i the heading of a list of links to other stories: "More from UK", "More in World",
 * "Most Popular", "Trending", "Read Next", "Related Stories"? */
static int link_list_heading(const hd_clean *c, size_t i)
{
    static const char *const head[] = {
        "more from ",   "more in ",       "more stories",   "more news",         "related",
        "most popular", "most read",      "most viewed",    "popular",           "trending",
        "top stories",  "latest news",    "latest stories", "read next",         "recommended",
        "you may also", "you might also", "editor's picks", "what to read next", NULL};
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->n_words == 0 || l->n_words > 6 || l->terminal)
        return 0;
    for (int k = 0; head[k]; k++) {
        if ((p[0] | 0x20) != head[k][0])
            continue;
        size_t m = strlen(head[k]);
        if (l->len >= m && !strncasecmp(p, head[k], m) &&
            (head[k][m - 1] == ' ' || l->len == m || p[m] == ' ' || p[m] == ':'))
            return 1;
    }
    return 0;
}

/* A list of links under such a heading: three or more headlines in a row ("Prince Andrew: BT
 * and three universities abandon ties …"), no sentence between them. The heading and the
 * headlines go, up to a headline that sits on a byline (the story's own, after the list). */
static void drop_link_lists(hd_clean *c)
{
    size_t n = c->n_lines;
    for (size_t i = 0; i + 3 < n; i++) {
        if (!link_list_heading(c, i))
            continue;
        size_t j = i + 1, heads = 0, others = 0;
        while (j < n) {
            const hd_line *l = &c->lines[j];
            if (l->kind == HD_LINE_META || (l->terminal && !l->title_like) || l->n_words == 0 ||
                l->n_words > 24 || (j + 1 < n && c->lines[j + 1].kind == HD_LINE_META))
                break;
            /* two short lines in a row: the menu, no longer the list */
            if (l->n_words <= 2 && j + 1 < n && c->lines[j + 1].n_words <= 2)
                break;
            if (l->n_words >= 4 && l->title_like)
                heads++;
            else if (l->n_words >= 3)
                others++;
            j++;
        }
        /* mostly headlines: a section's label of a word or two may stand over each
         * ("Virtualization", "Gartner's Top 10 Technology Trends …", "Internet of Things", …) */
        if (heads < 3 || heads < others)
            continue;
        for (size_t k = i; k < j; k++)
            c->lines[k].kind = HD_LINE_BAD;
        i = j - 1;
    }
}

/* Headlines of other stories in a row with no heading ("'I am an American,' witness reminds
 * Trump allies in hearing", "Emirates opts for 30 Boeing 787 Dreamliners in revised deal", …):
 * three or more headline-shaped lines of four words or more, none on a byline, away from the
 * story's prose on both sides (past short lines), and mostly without figures (a table's rows,
 * "Building products 29 mln vs 25 mln", stay). A list inside a story (a cup draw's ties
 * between two paragraphs) has prose on one side at least. */
static void drop_headline_runs(hd_clean *c)
{
    size_t n = c->n_lines;
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j < n && c->lines[j].title_like && c->lines[j].n_words >= 4 &&
               !c->lines[j].terminal &&
               (c->lines[j].kind == HD_LINE_GOOD || c->lines[j].kind == HD_LINE_SHORT) &&
               !(j + 1 < n && c->lines[j + 1].kind == HD_LINE_META))
            j++;
        if (j - i >= 3) {
            size_t figures = 0, b = i, f = j;
            for (size_t k = i; k < j; k++)
                figures += c->lines[k].table || c->lines[k].n_num > 0;
            while (b > 0 && (c->lines[b - 1].kind == HD_LINE_SHORT || c->lines[b - 1].title_like))
                b--;
            while (f < n && (c->lines[f].kind == HD_LINE_SHORT || c->lines[f].title_like))
                f++;
            int prose = (b > 0 && c->lines[b - 1].kind == HD_LINE_GOOD) ||
                        (f < n && c->lines[f].kind == HD_LINE_GOOD);
            if (!prose && figures * 2 < j - i)
                for (size_t k = i; k < j; k++)
                    c->lines[k].kind = HD_LINE_BAD;
        }
        if (j > i)
            i = j - 1;
    }
}

/* Is line i a teaser cut short: one or two sentences, the last broken off with "..." or
 * "…"? Not a line in capitals (a wire agenda: "SENATE BUDGET CMTE MEETS (1000/1400)..."),
 * nor one already trailing off inside ("... not a wind up... but"): readers' letters. */
static int cut_short(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    size_t n = l->len;
    while (n > 0 && p[n - 1] == ' ')
        n--;
    if (n < 4 || l->n_words > 60)
        return 0;
    if (!memcmp(p + n - 3, "...", 3)) {
        if (p[n - 4] == '.')
            return 0;
    } else if (memcmp(p + n - 3, "\xE2\x80\xA6", 3) != 0) {
        return 0;
    }
    size_t ends = 0, lower = 0;
    for (size_t k = 0; k + 3 < n; k++) {
        lower += p[k] >= 'a' && p[k] <= 'z';
        if (((p[k] == '.' || p[k] == '?' || p[k] == '!') && p[k + 1] == ' ') ||
            (p[k] == '.' && p[k + 1] == '.' && p[k + 2] == '.') ||
            !memcmp(p + k, "\xE2\x80\xA6", 3))
            ends++;
    }
    return ends <= 1 && lower * 2 > n / 2;
}

/* Teasers of other stories ("Two people in China have been diagnosed with the plague,...",
 * "SC asks Kerala govt to come out with …"): paragraphs that each stop short, two or more
 * in a row. A story may end one paragraph on an ellipsis, not several running. */
static void drop_teasers(hd_clean *c)
{
    size_t n = c->n_lines;
    for (size_t i = 0; i < n; i++) {
        if (!cut_short(c, i))
            continue;
        /* the teasers may each carry a byline or a headline of their own between them ("by
         * Anmol", "Microsoft is now rolling out …"): up to two short lines that are no
         * sentence */
        size_t j = i + 1, cuts = 1, end = i + 1;
        while (j < n) {
            if (cut_short(c, j)) {
                cuts++;
                end = ++j;
                continue;
            }
            size_t g = j;
            while (g < n && g < j + 2 && !c->lines[g].terminal && c->lines[g].n_words <= 12 &&
                   !cut_short(c, g))
                g++;
            if (g == j || g >= n || !cut_short(c, g))
                break;
            j = g;
        }
        if (cuts >= 2)
            for (size_t k = i; k < end; k++)
                if (cut_short(c, k) || !c->lines[k].terminal)
                    c->lines[k].kind = HD_LINE_BAD;
        i = end - 1;
    }
}

/* Is line i the time stamp of an item in a feed of other stories: "2H ago", "14 hours ago",
 * "Nov 17", "Nov 18 52 photos", "7H ago 08:51"? A few words, an age or a month and day
 * first, nothing but a count of photos or a clip's length after it. */
/* Is the word w[0..n) a domain name ("cnn.com", "delacortereview.org")? */
static int domain_word(const char *w, size_t n)
{
    const char *dot = NULL;
    for (size_t k = 0; k < n; k++) {
        char ch = w[k];
        if (ch == '.')
            dot = w + k;
        else if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
            return 0;
    }
    size_t tld = dot ? (size_t)(w + n - dot - 1) : 0;
    if (!dot || dot == w || tld < 2 || tld > 4)
        return 0;
    for (const char *t = dot + 1; t < w + n; t++)
        if (*t < 'a' || *t > 'z')
            return 0; /* not "4.65" */
    return 1;
}

/* Is line i the source line of a feed item: a few words, not a sentence, with a domain name
 * ("cnn.com News", "1 digg aeon.co Long Reads") or a count of reactions first ("20 diggs
 * Promotion", "14 comments")? */
static int feed_source(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    if (l->n_words < 1 || l->n_words > 6 || l->len > 60 || l->terminal)
        return 0;
    const char *p = text_of(c, i), *e = p + l->len;
    if (*p >= '0' && *p <= '9') {
        const char *q = p;
        while (q < e && *q >= '0' && *q <= '9')
            q++;
        if (q + 1 < e && *q == ' ' && q[1] >= 'a' && q[1] <= 'z' && l->n_words <= 4) {
            /* no figure after the count: not a table's row ("15 pct 384 up 1") */
            for (; q < e && !(*q >= '0' && *q <= '9'); q++)
                ;
            return q == e;
        }
    }
    if (!memchr(p, '.', l->len))
        return 0;
    for (const char *q = p; q < e;) {
        const char *w = q;
        while (q < e && *q != ' ')
            q++;
        if (domain_word(w, (size_t)(q - w)))
            return 1;
        while (q < e && *q == ' ')
            q++;
    }
    return 0;
}

static int feed_stamp(const hd_clean *c, size_t i)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    const hd_line *l = &c->lines[i];
    if (l->n_words < 1 || l->n_words > 5 || l->len > 32 || l->terminal)
        return 0;
    const char *p = text_of(c, i), *e = p + l->len;
    const char *q = p;
    if (*q >= '0' && *q <= '9') {
        /* "2H ago", "14 hours ago", "5 mins ago" */
        while (q < e && *q >= '0' && *q <= '9')
            q++;
        if (q < e && *q == ' ')
            q++;
        while (q < e && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
            q++;
        if (e - q < 4 || memcmp(q, " ago", 4) != 0)
            return 0;
        q += 4;
    } else {
        /* "Nov 17", "November 17"; not a table's "MAY 43 108" */
        int m = 0;
        if (!memchr("JFMASOND", *q, 8))
            return 0;
        for (int k = 0; k < 12 && !m; k++)
            m = e - q >= 3 && !strncasecmp(q, months[k], 3);
        if (!m || q[1] < 'a' || q[1] > 'z')
            return 0;
        while (q < e && *q != ' ')
            q++;
        if (q + 1 >= e || q[1] < '0' || q[1] > '9')
            return 0;
        q++;
        int day = 0;
        /* a run of digits of any length ("Feb 202302223022") is no day: stop counting past 31 */
        for (; q < e && *q >= '0' && *q <= '9'; q++)
            if (day <= 31)
                day = day * 10 + (*q - '0');
        if (day < 1 || day > 31)
            return 0;
    }
    /* then nothing, a clip's length ("08:51") or a count of photos ("52 photos") */
    if (q == e)
        return 1;
    if (*q++ != ' ')
        return 0;
    const char *d = q;
    while (q < e && *q >= '0' && *q <= '9')
        q++;
    if (q == d)
        return 0;
    if (q < e && *q == ':') {
        for (q++; q < e && *q >= '0' && *q <= '9';)
            q++;
        return q == e;
    }
    return e - q == 7 && (!memcmp(q, " photos", 7) || !memcmp(q, " videos", 7));
}

/* A feed of other stories ("Woman risks her life to save a koala", its summary, "14H ago",
 * …): three or more time stamps, each within eight lines of the next. The stamps and the
 * headlines and summaries among them (lines that do not end like a sentence) are no story's.
 * A live blog's entries are sentences: they stay. */
static int feed_mark(const hd_clean *c, size_t i)
{
    return feed_stamp(c, i) || feed_source(c, i);
}

static void drop_stamped_feeds(hd_clean *c)
{
    size_t n = c->n_lines;
    for (size_t i = 0; i < n; i++) {
        if (!feed_mark(c, i))
            continue;
        size_t last = i, count = 1;
        for (size_t k = i + 1; k < n && k <= last + 8; k++)
            if (feed_mark(c, k)) {
                last = k;
                count++;
            }
        if (count >= 3) {
            size_t from = i >= 4 ? i - 4 : 0, to = last + 5 < n ? last + 5 : n;
            /* a summary that ends like a sentence goes too when it stands under an item's
             * headline ("Woman risks her life to save a koala", "At least six people have
             * died …."); a live blog's entry stands under its time stamp */
            int under_head = 0;
            for (size_t k = from; k < to; k++) {
                hd_line *l = &c->lines[k];
                int head = !l->terminal && l->n_words >= 3 && !feed_mark(c, k);
                if ((!l->terminal || (under_head && l->n_words <= 40)) && l->kind != HD_LINE_META)
                    l->kind = HD_LINE_BAD;
                under_head = head;
            }
        }
        i = last;
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

/* Is line i a teaser's headline: a few words, no sentence? */
static int pair_head(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    return l->n_words >= 3 && l->n_words <= 14 && !l->terminal && l->kind != HD_LINE_META;
}

/* Is line i a teaser's one-sentence summary? */
static int pair_summary(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    if (l->n_words < 6 || l->n_words > 25 || !l->terminal)
        return 0;
    const char *p = text_of(c, i);
    for (size_t k = 0; k + 2 < l->len; k++)
        if ((p[k] == '.' || p[k] == '?' || p[k] == '!') && p[k + 1] == ' ' && p[k + 2] >= 'A' &&
            p[k + 2] <= 'Z')
            return 0; /* two sentences: prose */
    return 1;
}

/* Related stories after the story, each a headline over a one-sentence summary ("Urartu relics
 * unearthed in Iran", "Archaeological relics related to the Kingdom of Urartu have recently
 * been found."): three pairs or more in a row, after at least three paragraphs of the story,
 * are no part of it. */
static void drop_teaser_pairs(hd_clean *c, size_t fg, size_t to)
{
    size_t goods = 0;
    for (size_t i = fg; i + 5 < to; i++) {
        goods += c->lines[i].kind == HD_LINE_GOOD;
        if (goods < 3 || !pair_head(c, i) || !pair_summary(c, i + 1))
            continue;
        size_t j = i, pairs = 0;
        while (j + 1 < to && pair_head(c, j) && pair_summary(c, j + 1)) {
            pairs++;
            j += 2;
        }
        if (pairs >= 3) {
            for (size_t k = i; k < j; k++)
                c->lines[k].kind = HD_LINE_BAD;
            i = j - 1;
        }
    }
}

/* Settle the kinds of one article's lines and count its body. */
static void settle(hd_clean *c, hd_seg *s, uint64_t title_key, int have_title)
{
    size_t fg = s->to;
    for (size_t i = s->from; i < s->to; i++)
        if (c->lines[i].kind == HD_LINE_GOOD) {
            fg = i;
            break;
        }
    drop_teaser_pairs(c, fg, s->to);
    /* Readers' comments after the story are prose of other authors: none of the body. */
    for (size_t i = fg + 1; i < s->to; i++)
        if (comment_section(c, i, s->to)) {
            for (size_t k = i; k < s->to; k++)
                c->lines[k].kind = HD_LINE_BAD;
            break;
        }
    /* Tables first: their rows repeat ("Production", "End Stocks N.A.") by nature. */
    keep_tables(c, fg, s->to);
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
    hd_clean_resolve(c->lines, s->from, s->to);
    drop_glued_copies(c, s);
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
    s->n_body = 0;
    for (size_t i = s->from; i < s->to; i++)
        s->n_body += c->lines[i].kind == HD_LINE_GOOD;
}

/* Does GOOD line i, ending like a sentence over its date line, stand where a headline does:
 * under the navigation (past a comment count or a caption: no prose, no headline-shaped line
 * right above)? */
static int headline_over_date(const hd_clean *c, size_t i)
{
    size_t up = i;
    while (up > 0 && i - up < 3 && furniture(c, up - 1))
        up--;
    if (up == 0)
        return 0;
    for (size_t k = up >= 4 ? up - 4 : 0; k < up; k++)
        if (c->lines[k].kind == HD_LINE_GOOD)
            return 0;
    const hd_line *a = &c->lines[up - 1];
    return a->kind != HD_LINE_META && a->n_words <= 3 && !a->title_like;
}

/* An author's name on its own line over the date ("Dan Evon" over "Published 18 November
 * 2019", "Telegraph Sport" over "19 November 2019 • 1:16pm"), a line or two below a headline:
 * a byline, not the headline of an article of its own. A few capitalised words, no function
 * word or figure. */
static void mark_name_bylines(hd_clean *c)
{
    for (size_t i = 1; i + 1 < c->n_lines; i++) {
        const hd_line *l = &c->lines[i];
        /* or printed twice in a row, the author's box and the byline ("Anna Menin", "Anna
         * Menin", then the story) */
        int twice = c->lines[i + 1].key == l->key && l->n_words >= 2 && l->n_words <= 4 &&
                    c->lines[i + 1].len == l->len;
        if (l->n_words < 1 || l->n_words > 12 || l->n_stop > 1 || l->terminal ||
            (c->lines[i + 1].kind != HD_LINE_META && !twice))
            continue;
        /* "Kevin Johnson and Kevin McCoy USA TODAY": two names and the outlet */
        uint32_t ands = l->n_stop == 1 && memmem(text_of(c, i), l->len, " and ", 5) ? 1 : 0;
        /* "The Associated Press" */
        uint32_t the = l->len > 4 && !strncmp(text_of(c, i), "The ", 4) ? 1 : 0;
        /* "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader": two names, an
         * initial and the paper */
        if (l->n_words < 1 || l->n_words > (ands ? 12u : 4u) || l->n_stop > ands + the ||
            l->n_num || l->n_ui /* "Next Post" over the date line */ ||
            l->n_cap + ands < l->n_words || l->terminal || l->kind == HD_LINE_META)
            continue;
        if (c->lines[i + 1].kind != HD_LINE_META && !twice)
            continue;
        /* a headline (a line of five words or more that is no sentence) a line or two above */
        int headline = 0;
        size_t top = i; /* past a photo's caption or a count under the headline */
        while (top > 0 && i - top < 3 && furniture(c, top - 1))
            top--;
        for (size_t k = top >= 2 ? top - 2 : 0; k < top && !headline; k++)
            headline = c->lines[k].n_words >= 5 && c->lines[k].kind != HD_LINE_META &&
                       (c->lines[k].title_like || !c->lines[k].terminal);
        if (headline) {
            c->lines[i].kind = HD_LINE_META;
            if (twice)
                c->lines[++i].kind = HD_LINE_META;
        }
    }
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

/* Does the article hold a sentence of prose (ten words or more, ending like a sentence) or a
 * table kept as content? */
static int has_prose(const hd_clean *c, const hd_seg *sg)
{
    for (size_t i = sg->from; i < sg->to; i++) {
        const hd_line *l = &c->lines[i];
        if (l->kind == HD_LINE_GOOD && (l->table || (l->terminal && l->n_words >= 10)))
            return 1;
    }
    return 0;
}

hd_rc hd_segment_page(hd_clean *c, const char *given_title, hd_segments *out, hd_err *err)
{
    hd_rc rc;
    out->n = 0;
    size_t n = c->n_lines;
    if (n == 0)
        return HD_OK;
    int have_given = given_title && *given_title;
    uint64_t given_key = 0;
    if (have_given) {
        hd_buf t = {0}, scratch = {0};
        rc = hd_clean_normalize(given_title, strlen(given_title), &t, &scratch, err);
        if (rc == HD_OK)
            given_key = hd_clean_fold_hash(t.p ? t.p : "", t.len);
        hd_buf_done(&t);
        hd_buf_done(&scratch);
        if (rc)
            return rc;
    }
    mark_meta(c);
    drop_comment_threads(c);
    drop_ranked_lists(c);
    drop_link_lists(c);
    drop_headline_runs(c);
    drop_teasers(c);
    drop_stamped_feeds(c);
    mark_name_bylines(c);
    /* A headline is never body prose, however many words it has: a headline-shaped line that
     * opens the page, is printed more than once, or sits on a byline is a title candidate. */
    for (size_t i = 0; i < n; i++) {
        hd_line *l = &c->lines[i];
        if (l->title_like && comment_count(c, i))
            l->title_like = 0;
        if ((l->kind == HD_LINE_BAD || l->kind == HD_LINE_SHORT) && !l->title_like &&
            !l->terminal && l->n_words >= 4 && l->n_words <= 20 && !l->n_ui && !l->credit &&
            i + 1 < n && c->lines[i + 1].kind == HD_LINE_META &&
            (i == 0 || c->lines[i - 1].kind != HD_LINE_META)) {
            /* "10 things in tech you need to know today" over "Charlie Wood, Business Insider":
             * a headline in sentence case, right on its byline */
            const char *t = text_of(c, i);
            if ((t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= '0' && t[0] <= '9'))
                l->title_like = 1;
        }
        /* a press release's long headline in title case over its date ("Our BI Research
         * Shows – A Mix of Native Ad Units Generate the Highest Engagement Metrics") */
        if (l->kind == HD_LINE_GOOD && !l->title_like && !l->terminal && l->n_words > 20 &&
            l->n_words <= 30 && headline_case(l) && !l->n_ui && i + 1 < n &&
            c->lines[i + 1].kind == HD_LINE_META) {
            const char *t = text_of(c, i);
            if (t[0] >= 'A' && t[0] <= 'Z')
                l->title_like = 1;
        }
        /* "South Dakota doubles down on ‘Meth. We’re on it.’ They just might be." over its date
         * line, under the navigation: a headline that ends like a sentence (under a headline
         * it would be the standfirst) */
        if (l->kind == HD_LINE_GOOD && !l->title_like && l->terminal && l->n_words >= 5 &&
            l->n_words <= 20 && !l->n_ui && i > 0 && i + 1 < n &&
            c->lines[i + 1].kind == HD_LINE_META && headline_over_date(c, i)) {
            const char *t = text_of(c, i);
            if (t[0] >= 'A' && t[0] <= 'Z')
                l->title_like = 1;
        }
        if (!l->title_like || (l->kind != HD_LINE_GOOD && l->kind != HD_LINE_BAD))
            continue;
        /* two lines up, over a standfirst: not over a sign-up plea ("There's plenty more
         * where that came from. Sign up for …") before the author's box */
        size_t pf = past_furniture(c, i);
        int byline = (i + 1 < n && c->lines[i + 1].kind == HD_LINE_META) ||
                     (i + 2 < n && c->lines[i + 2].kind == HD_LINE_META &&
                      !(c->lines[i + 1].kind == HD_LINE_GOOD && c->lines[i + 1].n_ui >= 2)) ||
                     (pf < n && c->lines[pf].kind == HD_LINE_META);
        /* a headline the cleaner dropped among navigation ("Learn More", then "Thousands of
         * teachers pack Indiana Statehouse for protest" over "Tom Davies Associated Press"):
         * right on its byline it is one again */
        if (l->kind == HD_LINE_BAD) {
            /* not a byline itself ("By Bill Hoppe | Special to the Pioneer Press" over the
             * date line) */
            const char *t = text_of(c, i);
            if (c->lines[i + 1 < n ? i + 1 : i].kind == HD_LINE_META && i + 1 < n &&
                l->n_words >= 4 && !l->n_ui && !l->credit &&
                (i == 0 || c->lines[i - 1].kind != HD_LINE_META) &&
                !(l->len > 3 && !strncasecmp(t, "by ", 3)))
                l->kind = HD_LINE_SHORT;
            continue;
        }
        /* With a title from metadata, the first line is only a headline if it repeats it. */
        if ((i == 0 && !have_given) || l->count >= 2 || byline)
            l->kind = HD_LINE_SHORT;
    }

    size_t *next_good = hd_new(size_t, n);
    if (!next_good)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    size_t ng = n;
    for (size_t i = n; i-- > 0;) {
        if (c->lines[i].kind == HD_LINE_GOOD)
            ng = i;
        next_good[i] = ng;
    }

    if ((rc = push(out, 0, -1, err)))
        goto done;
    int seen_good = 0;
    for (size_t i = 0; i < n; i++) {
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
                (cur->title < 0 || title_score(c, i) > title_score(c, (size_t)cur->title)))
                cur->title = (long)i;
            continue;
        }
        if (starts_article(c, i, next_good)) {
            cur->to = i;
            if ((rc = push(out, i, (long)i, err)))
                goto done;
            seen_good = 0;
        }
    }
    out->v[out->n - 1].to = n;

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
    if (kept > 1) {
        /* A page cut into several articles: a piece without one sentence of prose (a list of
         * teaser headlines, a block of site links and timestamps between two stories) is page
         * furniture, not an article, once another piece has prose. Tables count as content. */
        size_t with = 0, most = 0;
        for (size_t k = 0; k < out->n; k++) {
            with += has_prose(c, &out->v[k]);
            most = out->v[k].n_body > most ? out->v[k].n_body : most;
        }
        /* The page's top before its first headline with one sentence in its navigation ("News
         * Corp is a network of leading companies …") is no article next to a story. */
        hd_seg *top = &out->v[0];
        if (top->n_body == 1 && most >= 3 && has_prose(c, top) && out->v[1].title >= 0) {
            size_t g = top->from;
            while (g < top->to && c->lines[g].kind != HD_LINE_GOOD)
                g++;
            if (top->title < 0 || g > (size_t)top->title + 5) {
                c->lines[g].kind = HD_LINE_BAD;
                top->n_body = 0;
                with--;
            }
        }
        /* A list of other stories, each a headline, a date and a one-line summary ("Did
         * Schiff Unfairly Squelch Stefanik …?", a date, "Republicans clashed with …"): two
         * or more such pieces in a row next to a story of several paragraphs are no articles. */
        if (most >= 3)
            for (size_t k = 0; k < out->n; k++) {
                size_t e = k;
                while (e < out->n && blurb(c, &out->v[e]))
                    e++;
                if (e - k >= 2)
                    for (size_t b = k; b < e; b++) {
                        hd_seg *sg = &out->v[b];
                        with -= (size_t)has_prose(c, sg);
                        for (size_t i = sg->from; i < sg->to; i++)
                            if (c->lines[i].kind == HD_LINE_GOOD)
                                c->lines[i].kind = HD_LINE_BAD;
                    }
                k = e > k ? e - 1 : k;
            }
        if (with > 0 && with < out->n) {
            size_t m = 0;
            for (size_t k = 0; k < out->n; k++) {
                hd_seg *sg = &out->v[k];
                if (has_prose(c, sg)) {
                    out->v[m++] = *sg;
                    continue;
                }
                for (size_t i = sg->from; i < sg->to; i++)
                    if (c->lines[i].kind == HD_LINE_GOOD)
                        c->lines[i].kind = HD_LINE_BAD;
            }
            out->n = m;
        }
    }
    if (kept == 0) {
        /* Nothing looked like prose (a table, a list, a one-line item): keep every line that is
         * not a title, byline or credit rather than lose the page. */
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
    rc = HD_OK;
done:
    hd_free(next_good);
    return rc;
}
