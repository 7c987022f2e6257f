/* SPDX-License-Identifier: MIT
 *
 * comment.c — readers' comment threads: their headings and forms, commenters' signatures and
 * time stamps, and the threads themselves.
 *
 *   hd_clean lines  ->  the lines of comment threads made BAD
 *
 * Called by split.c: hd_seg_drop_comment_threads on the whole page before it is cut into
 * articles, hd_seg_drop_comments_after on each article's lines when it is settled.
 */
#include "base/str.h"
#include "segment/segment_int.h"

#include <string.h>
#include <strings.h>

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
    if (!hd_str_ends_any(p, n, verb))
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
void hd_seg_drop_comment_threads(hd_clean *c)
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

/* Readers' comments after the story, from the first section heading or form past the first
 * paragraph fg to the end of the article. */
void hd_seg_drop_comments_after(hd_clean *c, size_t fg, size_t to)
{
    for (size_t i = fg + 1; i < to; i++)
        if (comment_section(c, i, to)) {
            for (size_t k = i; k < to; k++)
                c->lines[k].kind = HD_LINE_BAD;
            break;
        }
}
