/* SPDX-License-Identifier: MIT
 *
 * byline.c — which lines of a cleaned page are bylines, date lines and time stamps.
 *
 *   hd_clean lines (GOOD / SHORT / BAD)  ->  the same lines, bylines and date lines made META
 *
 * A line is META when it names an author ("By …", "Jane Roe, Local Democracy Reporter"), a
 * newsroom or desk, or carries a date or a time stamp on a short line that is not a sentence.
 * Called by split.c (hd_segment_page) before the page is cut into articles: META lines anchor
 * the headlines above them and date the article.
 */
#include "base/str.h"
#include "segment/segment_int.h"

#include <string.h>
#include <strings.h>

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
 * or a weekday's ("November 19, 2019 / …", "19 Nov 2019", "Mon 18 Nov 2019 18.54 GMT")? A
 * cheap test before the date finder, for the navigation lines that are most of a page's
 * discarded ones. */
static int date_opening(const char *p, size_t n)
{
    static const char *const mon[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                      "aug", "sep", "oct", "nov", "dec", "mon", "tue",
                                      "wed", "thu", "fri", "sat", "sun"};
    if (n && p[0] >= '0' && p[0] <= '9')
        return 1;
    if (n < 3 || !memchr("jfmasondtw", p[0] | 0x20, 10))
        return 0;
    return hd_clean_word_in(p, 3, mon, sizeof mon / sizeof *mon);
}

/* A newsroom's byline: "Detroit News wire services", "Staff and wire reports", "From news
 * services" — a short line ending on a desk's phrase. */
static int desk_byline(const char *p, size_t n, const hd_line *l)
{
    static const char *const tail[] = {" wire services",
                                       " wire reports",
                                       " news services",
                                       " staff reports",
                                       " wire service",
                                       " news service",
                                       NULL};
    return l->n_words <= 6 && !l->terminal && hd_str_ends_any(p, n, tail);
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

/* "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM": a
 * byline with its date and update time runs longer */
static int long_dated_byline(const char *p, size_t n, const hd_line *l)
{
    hd_date d;
    return l->kind != HD_LINE_BAD && l->n_words > 14 && l->n_words <= 24 && !l->terminal && n > 3 &&
           strncmp(p, "By ", 3) == 0 && hd_date_find(p, n, &d, NULL, NULL);
}

/* Line i is a byline's label: it is META, and so is the name on the next line. Returns 1 when
 * that line was taken too. */
static size_t mark_label(hd_clean *c, size_t i)
{
    /* the label and, when it is a name (a few capitalised words), the line after */
    c->lines[i].kind = HD_LINE_META;
    hd_line *nx = i + 1 < c->n_lines ? &c->lines[i + 1] : NULL;
    const char *q = nx ? text_of(c, i + 1) : NULL;
    if (nx && nx->n_words >= 1 && nx->n_words <= 6 && !nx->terminal && !nx->n_num &&
        nx->n_stop <= 1 && q[0] >= 'A' && q[0] <= 'Z') {
        nx->kind = HD_LINE_META;
        return 1;
    }
    return 0;
}

/* Is a line the cleaner dropped (BAD) a byline or date line? */
static int meta_among_bad(const char *p, size_t n, const hd_line *l)
{
    /* a date line with a byline among its parts is one, however the cleaner saw it;
     * so is one that opens on its date ("November 19, 2019 / 12:21 AM / Updated 14
     * hours ago", which the slashes made a credit) */
    if (l->terminal)
        return 0;
    /* "By Bill Hoppe | Special to the Pioneer Press", which the bar made navigation */
    if (n > 4 && p[0] == 'B' && p[1] == 'y' && p[2] == ' ' && p[3] >= 'A' && p[3] <= 'Z' &&
        l->n_words <= 8 && !l->credit && memmem(p, n, " | ", 3))
        return 1;
    hd_date d;
    size_t ds, de;
    int marked = by_part(p, n) || stamp_word(p, n);
    return (marked || date_opening(p, n)) && hd_date_find(p, n, &d, &ds, &de) &&
           (marked || ds == 0);
}

/* "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER": names, commas and "and" */
static int by_line(const char *p, size_t n, const hd_line *l)
{
    /* "By …", and "by Laura Winter" when a capital follows */
    int by = n > 3 && (p[0] == 'B' || (p[0] == 'b' && n > 4 && p[3] >= 'A' && p[3] <= 'Z')) &&
             p[1] == 'y' && p[2] == ' ' && !l->terminal;
    uint32_t ands = 0;
    if (by && l->n_words > 8)
        for (const char *q = p; (q = memmem(q, n - (size_t)(q - p), " and ", 5)) != NULL; q += 5)
            ands++;
    if (!by && n > 5 && !l->terminal && l->n_words <= 10)
        /* "Von Moritz Bachmann publiziert am 30. Juli 2018", "Par Jean Dupont", "Por Ana
         * Gómez": "By" in German, French, Spanish and Portuguese, Dutch */
        for (size_t k = 0; k < 4 && !by; k++) {
            static const char *const other[] = {"Von ", "Par ", "Por ", "Door "};
            size_t m = strlen(other[k]);
            by =
                n > m + 1 && !memcmp(p, other[k], m) && p[m] >= 'A' && p[m] <= 'Z' && l->n_cap >= 3;
        }
    return by && (l->n_words <= 8 || (l->n_words <= 14 && l->n_cap + ands >= l->n_words) ||
                  (p[0] != 'B' && p[0] != 'b'));
}

/* Is a line the cleaner kept (or left short), of fourteen words or fewer, a byline or date
 * line? */
static int meta_line(const char *p, size_t n, const hd_line *l)
{
    if (read_time(p, n))
        return 1; /* "5 Min Read": the byline's widget */
    if (n && p[n - 1] == '.' && l->n_words > 6)
        return 0; /* a sentence that happens to hold a date */
    hd_date d;
    size_t s, e;
    if (hd_date_find(p, n, &d, &s, &e))
        /* Most of the line must be the date and byline words, not prose. */
        return l->n_stop * 3 <= l->n_words || l->n_words <= 8;
    return by_line(p, n, l) || byline_role(p, n, l) || job_first_byline(p, n, l) ||
           time_stamp(p, n, l) || stamped_update(p, n, l) || desk_byline(p, n, l);
}

/* Byline or date line: a short line that is not a sentence and carries a date, or "By ...". */
void hd_seg_mark_meta(hd_clean *c)
{
    for (size_t i = 0; i < c->n_lines; i++) {
        hd_line *l = &c->lines[i];
        const char *p = text_of(c, i);
        size_t n = l->len;
        /* the signature of an embedded tweet ("— Dele (@dele_official) November 19, 2019")
         * dates the tweet, not an article under it */
        if (n > 8 && !memcmp(p, "\xE2\x80\x94 ", 4) && l->n_words <= 24 && memmem(p, n, "(@", 2))
            continue;
        if (long_dated_byline(p, n, l)) {
            l->kind = HD_LINE_META;
            continue;
        }
        if (l->n_words <= 2 && !l->terminal && byline_label(p, n)) {
            i += mark_label(c, i);
            continue;
        }
        /* a date line may run longer when it opens on its date, with few function words:
         * "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT" */
        if (l->n_words > 14 &&
            !(l->n_words <= 24 && l->n_stop * 3 <= l->n_words && date_opening(p, n)))
            continue;
        if (l->kind == HD_LINE_BAD ? meta_among_bad(p, n, l) : meta_line(p, n, l))
            l->kind = HD_LINE_META;
    }
}

/* An author's name on its own line over the date ("Dan Evon" over "Published 18 November
 * 2019", "Telegraph Sport" over "19 November 2019 • 1:16pm"), a line or two below a headline:
 * a byline, not the headline of an article of its own. A few capitalised words, no function
 * word or figure. */
void hd_seg_mark_name_bylines(hd_clean *c)
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
            l->credit /* "Photo: Damian Dovarganes, AP", printed twice under a caption */ ||
            l->n_cap + ands < l->n_words || l->terminal || l->kind == HD_LINE_META)
            continue;
        if (c->lines[i + 1].kind != HD_LINE_META && !twice)
            continue;
        /* a headline (a line of five words or more that is no sentence) a line or two above */
        int headline = 0;
        size_t top = i; /* past a photo's caption or a count under the headline */
        while (top > 0 && i - top < 3 && hd_seg_furniture(c, top - 1))
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
