/* SPDX-License-Identifier: MIT
 *
 * teaser.c — lists of other stories printed around a story: ranked lists ("Most read"), link
 * lists under a heading ("More from UK"), runs of headlines, teasers cut short, stamped feeds,
 * and headline-and-summary pairs after the story.
 *
 *   hd_clean lines  ->  the lines of those lists made BAD
 *
 * Called by split.c: hd_seg_drop_teaser_lists on the whole page before it is cut into
 * articles, hd_seg_drop_teaser_pairs on each article's lines when it is settled.
 */
#include "segment/segment_int.h"

#include <string.h>
#include <strings.h>

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

/* The length of line i without trailing spaces when it ends on an ellipsis ("..." or "…"),
 * else 0. */
static size_t ellipsis_end(const hd_clean *c, size_t i)
{
    const char *p = text_of(c, i);
    size_t n = c->lines[i].len;
    while (n > 0 && p[n - 1] == ' ')
        n--;
    return n >= 3 && (!memcmp(p + n - 3, "...", 3) || !memcmp(p + n - 3, "\xE2\x80\xA6", 3)) ? n
                                                                                             : 0;
}

/* Does the heading p[0..n) open on "more" and name what follows: "More:", "More on:", "More
 * Business News", "More Great WIRED Stories", "More Coverage"? */
static int more_label(const char *p, size_t n)
{
    static const char *const last[] = {"stories",  "news",      "coverage",
                                       "articles", "headlines", NULL};
    if (n < 5 || strncasecmp(p, "more", 4) != 0)
        return 0;
    if ((n == 5 && p[4] == ':') || (n == 8 && !strncasecmp(p + 4, " on:", 4)))
        return 1;
    size_t e = n;
    while (e > 0 && (p[e - 1] == ':' || p[e - 1] == ' '))
        e--;
    size_t b = e;
    while (b > 4 && p[b - 1] != ' ')
        b--;
    if (b == 4 || p[4] != ' ')
        return 0;
    for (int k = 0; last[k]; k++)
        if (e - b == strlen(last[k]) && !strncasecmp(p + b, last[k], e - b))
            return 1;
    return 0;
}

/* Is line i the heading of a list of links to other stories: "More from UK", "More in World",
 * "Most Popular", "Trending", "Read Next", "Related Stories", "More Business News"? */
static int link_list_heading(const hd_clean *c, size_t i)
{
    static const char *const head[] = {
        "more from ",  "more in ",     "more on ",       "more stories",   "more news",
        "related",     "most popular", "most read",      "most viewed",    "popular",
        "trending",    "top stories",  "latest news",    "latest stories", "read next",
        "recommended", "you may also", "you might also", "editor's picks", "what to read next",
        NULL};
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->n_words == 0 || l->n_words > 6 || l->terminal)
        return 0;
    if ((p[0] | 0x20) == 'm' && more_label(p, l->len))
        return 1;
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
            /* a headline cut short ("Houston Housing Authority sued over alleged open
             * meeting...") is an item of the list, not a sentence */
            if (l->kind == HD_LINE_META || (l->terminal && !l->title_like && !ellipsis_end(c, j)) ||
                l->n_words == 0 || l->n_words > 24 ||
                (j + 1 < n && c->lines[j + 1].kind == HD_LINE_META))
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
 * "…" (after its own full stop too: "has its days numbered....")? Not a line in capitals (a wire
 * agenda: "SENATE BUDGET CMTE MEETS (1000/1400)..."), nor one already trailing off inside ("... not
 * a wind up... but"): readers' letters. */
static int cut_short(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    size_t n = ellipsis_end(c, i);
    if (n < 4 || l->n_words > 60)
        return 0;
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

/* Is line i the time stamp of an item in a feed of other stories: "2H ago", "14 hours ago",
 * "Nov 17", "Nov 18 52 photos", "7H ago 08:51"? A few words, an age or a month and day
 * first, nothing but a count of photos or a clip's length after it. */
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
        /* "May 15, 2017": the year too, when the line is all of it (see feed_mark) */
        if (e - q == 6 && q[0] == ',' && q[1] == ' ' && q[2] >= '1' && q[2] <= '2' && q[3] >= '0' &&
            q[3] <= '9' && q[4] >= '0' && q[4] <= '9' && q[5] >= '0' && q[5] <= '9')
            return 2;
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

/* A line that marks an item of a feed: its time stamp or its source line. A full date
 * ("May 15, 2017") marks one only right under a headline and over no summary: a feed of
 * links ("2017 Lexus LC500 coupe arrives in the Philippines", "May 15, 2017"), not a story's
 * date under its byline nor a list of teasers with their summaries. */
static int feed_mark(const hd_clean *c, size_t i)
{
    int st = feed_stamp(c, i);
    if (st == 2) {
        const hd_line *up = i > 0 ? &c->lines[i - 1] : NULL,
                      *dn = i + 1 < c->n_lines ? &c->lines[i + 1] : NULL;
        return up && up->title_like && !up->terminal && up->n_words >= 3 &&
               up->kind != HD_LINE_META && (!dn || !dn->terminal);
    }
    return st || feed_source(c, i);
}

/* A feed of other stories ("Woman risks her life to save a koala", its summary, "14H ago",
 * …): three or more time stamps, each within eight lines of the next. The stamps and the
 * headlines and summaries among them (lines that do not end like a sentence) are no story's.
 * A live blog's entries are sentences: they stay. */
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
                int head = !l->terminal && l->n_words >= 3 && !feed_mark(c, k) &&
                           !feed_stamp(c, k); /* (a full date over a story's text) */
                if ((!l->terminal || (under_head && l->n_words <= 40)) && l->kind != HD_LINE_META) {
                    l->kind = HD_LINE_BAD;
                    l->in_feed = 1; /* an item's headline over its date: no story's */
                }
                under_head = head;
            }
        }
        i = last;
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
void hd_seg_drop_teaser_pairs(hd_clean *c, size_t fg, size_t to)
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

/* Does line i end on an ellipsis ("…", "...") after eight words or more: a paragraph cut
 * short, however many sentences it has? */
static int ends_short(const hd_clean *c, size_t i)
{
    return c->lines[i].n_words >= 8 && ellipsis_end(c, i);
}

/* Is line i a heading over other stories, in one of the languages of the news sites
 * ("You may also like", "Você pode gostar...", "Lesen Sie auch", "Читайте также")? */
static int more_heading(const hd_clean *c, size_t i)
{
    static const char *const head[] = {
        "you may also like", "you might also like", "related posts", "related articles",
        "more stories", "read also", "see also",
        /* Portuguese, Spanish */
        "voc\xC3\xAA pode gostar", "voc\xC3\xAA tamb\xC3\xA9m pode gostar", "veja tamb\xC3\xA9m",
        "leia tamb\xC3\xA9m", "posts relacionados", "artigos relacionados", "te puede interesar",
        "tambi\xC3\xA9n te puede interesar",
        "art\xC3\xAD"
        "culos relacionados",
        "noticias relacionadas", "lee tambi\xC3\xA9n",
        /* French, Italian */
        "vous aimerez aussi", "vous aimerez aussi", "articles similaires", "lire aussi",
        "\xC3\x80 lire aussi", "\xC3\xA0 lire aussi", "sur le m\xC3\xAAme sujet",
        "potrebbe interessarti", "articoli correlati", "leggi anche",
        /* German, Dutch */
        "das k\xC3\xB6nnte sie auch interessieren", "lesen sie auch", "mehr zum thema",
        "\xC3\x84hnliche artikel", "\xC3\xA4hnliche artikel", "lees ook",
        /* Russian (capitalised and not: no case folding beyond ASCII here), Indonesian */
        "\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 "
        "\xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5",
        "\xD1\x87\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 "
        "\xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5",
        "\xD0\x9F\xD0\xBE\xD1\x85\xD0\xBE\xD0\xB6\xD0\xB8\xD0\xB5 "
        "\xD1\x81\xD1\x82\xD0\xB0\xD1\x82\xD1\x8C\xD0\xB8",
        "baca juga", "artikel terkait", "berita terkait", NULL};
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    if (l->n_words == 0 || l->n_words > 6)
        return 0;
    for (int k = 0; head[k]; k++) {
        if ((p[0] | 0x20) != (head[k][0] | 0x20))
            continue;
        size_t m = strlen(head[k]);
        if (l->len >= m && !strncasecmp(p, head[k], m) &&
            (l->len == m || p[m] == ' ' || p[m] == ':' || p[m] == '.' || p[m] == '!'))
            return 1;
    }
    return 0;
}

/* Other stories under such a heading, each paragraph cut short ("A vida requer da gente
 * otimismo … traçando um plano paralelo para …"): the heading and the paragraphs up to the
 * last cut short go, when two or more are, at most three lines apart. The story may go on
 * after them. */
void hd_segment_drop_related_teasers(hd_clean *c)
{
    size_t n = c->n_lines;
    for (size_t i = 0; i + 2 < n; i++) {
        /* the cheap test first: a paragraph cut short follows within four lines */
        if (c->lines[i].n_words == 0 || c->lines[i].n_words > 6)
            continue;
        size_t q = i + 1;
        while (q < n && q <= i + 4 && !ends_short(c, q))
            q++;
        if (q >= n || q > i + 4 || !more_heading(c, i))
            continue;
        size_t last = i, cuts = 0;
        for (size_t j = i + 1; j < n && j <= last + 4; j++) {
            if (c->lines[j].kind == HD_LINE_META)
                break;
            if (ends_short(c, j)) {
                cuts++;
                last = j;
            }
        }
        if (cuts < 2)
            continue;
        for (size_t k = i; k <= last; k++)
            c->lines[k].kind = HD_LINE_BAD;
        i = last;
    }
}

void hd_seg_drop_teaser_lists(hd_clean *c)
{
    drop_ranked_lists(c);
    drop_link_lists(c);
    drop_headline_runs(c);
    drop_teasers(c);
    hd_segment_drop_related_teasers(c);
    drop_stamped_feeds(c);
}
