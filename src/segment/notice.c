/* SPDX-License-Identifier: MIT
 *
 * notice.c — a site's notice to its reader set after the story: "As you comment, please be
 * respectful of other commenters …", "Get the day's top headlines delivered to your inbox
 * every morning by subscribing to our newsletter.", "By signing up, you agree to our Privacy
 * Policy …".
 *
 *   one kept paragraph  ->  is it such a notice?
 *
 * The shape, not a list of sites: the paragraph speaks to the reader ("you", "your") about
 * the site's own business — two words of commenting, subscribing, registering, newsletters or
 * privacy, one of them no word a story uses in its own sense ("commenters", "subscribing",
 * "inbox", "newsletter", "privacy"; not "comments" or "members" alone). A quote mark near
 * its start makes it a story's sentence. Called by bio.c for the last paragraphs of an
 * article.
 */
#include "segment/segment_int.h"

#include "base/str.h"

#include <string.h>
#include <strings.h>

/* The site's business; the first block are also words only a site's notice uses. */
static const char *const strong_words[] = {
    "subscribe",   "subscribed",  "subscribing", "subscription", "subscriptions",
    "subscriber",  "subscribers", "newsletter",  "newsletters",  "inbox",
    "privacy",     "commenters",  "commenting",  "registering",  "registration",
    "unsubscribe", "cookies",     "moderated",   "moderating",   "submission",
    "submissions", "signing",     NULL};
static const char *const site_words[] = {
    "comment",  "comments",   "commenter", "register",   "registered", "membership",
    "member",   "members",    "submit",    "submitting", "terms",      "donate",
    "donation", "donations",  "cookie",    "account",    "login",      "sign",
    "email",    "guidelines", "policy",    NULL};

static int letter(char ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

int hd_seg_reader_notice(const hd_clean *c, size_t i)
{
    const hd_line *l = &c->lines[i];
    const char *p = text_of(c, i);
    size_t n = l->len, head = n < 60 ? n : 60;
    if (l->n_words < 6 || l->n_words > 120 || has_quote_mark(p, head))
        return 0;
    /* most paragraphs never speak to the reader: look for "you"/"your" (memchr is fast)
     * before reading words */
    int you = 0, strong = 0;
    for (int pass = 0; pass < 2 && !you; pass++) {
        char y = pass ? 'Y' : 'y';
        for (const char *q = memchr(p, y, n); q && !you;
             q = q + 1 < p + n ? memchr(q + 1, y, (size_t)(p + n - q - 1)) : NULL) {
            size_t k = (size_t)(q - p);
            if (k + 3 > n || q[1] != 'o' || q[2] != 'u' || (k > 0 && letter(p[k - 1])))
                continue;
            size_t e = k + 3 < n && q[3] == 'r' ? k + 4 : k + 3; /* "you", "your" */
            you = e >= n || !letter(p[e]);
        }
    }
    if (!you)
        return 0;
    uint64_t seen = 0; /* which site words: strong ones at bits 1-31, others at 33-63 */
    for (size_t k = 0; k < n;) {
        while (k < n && !letter(p[k]))
            k++;
        size_t s = k;
        while (k < n && (letter(p[k]) || p[k] == '\''))
            k++;
        size_t wn = k - s;
        if (!wn)
            continue;
        int j = hd_str_in_list(p + s, wn, strong_words);
        if (j) {
            strong = 1;
            seen |= 1ULL << j;
        } else if ((j = hd_str_in_list(p + s, wn, site_words)) != 0) {
            seen |= 1ULL << (32 + j);
        }
    }
    return strong && __builtin_popcountll(seen) >= 2;
}
