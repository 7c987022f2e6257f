/* SPDX-License-Identifier: MIT
 *
 * classify.c — the context-free class of a line (GOOD / SHORT / BAD) from its features, the
 * photo-credit and title tests, and the neighbour rule that decides SHORT lines (jusText).
 */
#include "clean/clean.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* English function words (a standard stop list: articles, pronouns, auxiliaries, prepositions,
 * conjunctions). Sorted for bsearch. Their share tells prose from headings and widgets. */
static const char *const stopwords[] = {
    "a",      "about", "above",   "after",   "again",   "against", "all",    "also",    "am",
    "an",     "and",   "any",     "are",     "as",      "at",      "be",     "because", "been",
    "before", "being", "below",   "between", "both",    "but",     "by",     "can",     "could",
    "did",    "do",    "does",    "doing",   "down",    "during",  "each",   "even",    "few",
    "for",    "from",  "further", "had",     "has",     "have",    "having", "he",      "her",
    "here",   "hers",  "herself", "him",     "himself", "his",     "how",    "i",       "if",
    "in",     "into",  "is",      "it",      "its",     "itself",  "just",   "may",     "me",
    "might",  "more",  "most",    "must",    "my",      "myself",  "no",     "nor",     "not",
    "now",    "of",    "off",     "on",      "once",    "only",    "or",     "other",   "our",
    "ours",   "out",   "over",    "own",     "same",    "she",     "should", "so",      "some",
    "such",   "than",  "that",    "the",     "their",   "theirs",  "them",   "then",    "there",
    "these",  "they",  "this",    "those",   "through", "to",      "too",    "under",   "until",
    "up",     "very",  "was",     "we",      "were",    "what",    "when",   "where",   "which",
    "while",  "who",   "whom",    "why",     "will",    "with",    "would",  "you",     "your",
    "yours",
};

/* Vocabulary of web-page furniture rather than news prose. A short line made mostly of these
 * is a widget wherever it stands. */
static const char *const ui_words[] = {
    "advertisement", "bookmark", "click",     "clicking", "copyright", "download", "facebook",
    "follow",        "home",     "instagram", "linkedin", "login",     "menu",     "newsletter",
    "next",          "popular",  "posted",    "previous", "print",     "privacy",  "related",
    "reply",         "rss",      "share",     "shares",   "tags",      "terms",    "trending",
    "tweet",         "twitter",  "views",     "whatsapp",
};

/* Words of the furniture phrases below that are in neither list: a line holding none of
 * these (nor a web-interface word) is not tested against the phrases at all. */
static const char *const hint_words[] = {
    "reserved",
    "external",
    "javascript",
    "browser",
    "reporting",
    "editing",
    "writing",
    "compiled",
    "standards",
    "skip",
    "read",
    "story",
    "stories",
    "topics",
    "links",
    "articles",
    "content",
    "viewed",
    "like",
    "web",
    "sponsored",
    "picks",
    "recommended",
    "advertising",
    "continues",
    "continue",
    "inbox",
    "briefing",
    /* web-interface words too (counted in n_ui), with a bit of their own so that the long
     * consent banner is looked for only in lines that mention cookies */
    "cookie",
    "cookies",
    "password",
    /* web-interface words with a bit of their own for the comment box's and the sign-up
     * prompts' phrases (counted in n_ui, see HD_HINT_UI) */
    "comment",
    "comments",
    "email",
    "sign",
    "subscribe",
    /* the site's legal notices and pleas (legal_notice) */
    "reproduced",
    "unsubscribe",
    "publisher",
    "reached",
    "acceptance",
    "commission",
    "blocker",
    /* a sign-up's answers (site_notice) and trademark notices (legal_notice) */
    "subscribed",
    "subscribing",
    "verifying",
    "registered",
};

/* bits of hd_line.hints: hint_words[k] sets 1 << k (HD_HINT_COOKIES, HD_HINT_UI: clean.h) */
enum { HINT_RESERVED = 1, HINT_EXTERNAL = 2, HINT_JAVASCRIPT = 4, HINT_BROWSER = 8 };

#define N_STOP (sizeof stopwords / sizeof *stopwords)
#define N_UI   (sizeof ui_words / sizeof *ui_words)
#define N_HINT (sizeof hint_words / sizeof *hint_words)
_Static_assert(N_HINT <= 64, "hd_line.hints has a bit per hint word");
_Static_assert(N_HINT == 47 && HD_HINT_COOKIES == (3ull << 28) &&
                   HD_HINT_UI == (HD_HINT_COOKIES | (31ull << 31)),
               "\"cookie\" and \"cookies\" are hint words 28 and 29, \"comment\" to "
               "\"subscribe\" 31 to 35");
#define HINT_PASSWORD    (1ull << 30)
#define HINT_COMMENT     (3ull << 31) /* "comment" or "comments" */
#define HINT_EMAIL       (1ull << 33)
#define HINT_SIGN        (1ull << 34)
#define HINT_SUBSCRIBE   (1ull << 35)
#define HINT_REPRODUCED  (1ull << 36)
#define HINT_UNSUBSCRIBE (1ull << 37)
#define HINT_PUBLISHER   (1ull << 38)
#define HINT_REACHED     (1ull << 39)
#define HINT_ACCEPTANCE  (1ull << 40)
#define HINT_COMMISSION  (1ull << 41)
#define HINT_BLOCKER     (1ull << 42)
#define HINT_SUBSCRIBED  (3ull << 43) /* "subscribed" or "subscribing" */
#define HINT_VERIFYING   (1ull << 45)
#define HINT_REGISTERED  (1ull << 46)

static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static const char *word_at(unsigned idx)
{
    return idx < N_STOP          ? stopwords[idx]
           : idx < N_STOP + N_UI ? ui_words[idx - N_STOP]
                                 : hint_words[idx - N_STOP - N_UI];
}

void hd_wordset_init(hd_wordset *ws)
{
    memset(ws, 0, sizeof *ws);
    for (unsigned i = 0; i < N_STOP + N_UI + N_HINT; i++) {
        const char *w = word_at(i);
        uint32_t h = word_hash(w, strlen(w)) & (HD_WORDSET_SLOTS - 1);
        while (ws->slot[h])
            h = (h + 1) & (HD_WORDSET_SLOTS - 1);
        ws->slot[h] = (uint16_t)(i + 1);
    }
}

int hd_wordset_find(const hd_wordset *ws, const char *w, size_t n, uint64_t *hint)
{
    uint32_t h = word_hash(w, n) & (HD_WORDSET_SLOTS - 1);
    for (;;) {
        unsigned v = ws->slot[h];
        if (!v)
            return 0;
        const char *e = word_at(v - 1);
        if (strncmp(e, w, n) == 0 && e[n] == '\0') {
            if (v - 1 < N_STOP)
                return HD_WORD_STOP;
            if (v - 1 < N_STOP + N_UI)
                return HD_WORD_UI;
            *hint |= 1ull << (v - 1 - N_STOP - N_UI);
            return HD_WORD_HINT;
        }
        h = (h + 1) & (HD_WORDSET_SLOTS - 1);
    }
}

static int starts_ci(const char *p, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    return n >= k && strncasecmp(p, pre, k) == 0;
}

/* Case-insensitive substring test; needle is lower case. */
static int contains_ci(const char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    char c0 = needle[0];
    char u0 = (char)(c0 >= 'a' && c0 <= 'z' ? c0 - 32 : c0);
    for (size_t i = 0; i + k <= n; i++)
        if ((p[i] == c0 || p[i] == u0) && strncasecmp(p + i, needle, k) == 0)
            return 1;
    return 0;
}

/* "EPA/Name", "REUTERS/Name", "AFP/Getty": an upper-case agency tag glued to a slash. */
static int agency_slash(const char *p, size_t n)
{
    for (size_t i = 2; i + 1 < n; i++) {
        if (p[i] != '/')
            continue;
        size_t k = i;
        while (k > 0 && p[k - 1] >= 'A' && p[k - 1] <= 'Z')
            k--;
        if (i - k >= 2 && (k == 0 || p[k - 1] == ' ' || p[k - 1] == '(' || p[k - 1] == '.'))
            return 1;
    }
    return 0;
}

/* News and photo agencies whose name alone, in parentheses, credits a picture. */
static const char *const agencies[] = {
    "aap",  "afp", "anadolu", "ansa",   "ap",    "bloomberg",    "dpa",
    "efe",  "epa", "getty",   "irna",   "kyodo", "pa",           "reuters",
    "tass", "upi", "xinhua",  "yonhap", "alamy", "shutterstock",
};

/* Words that make a parenthetical a picture credit: "(Khamenei website)", "(File photo)". */
static const char *const credit_words[] = {
    "courtesy",   "credit", "file",    "handout", "image",      "images", "photo",
    "photograph", "photos", "picture", "pool",    "screenshot", "video",  "website",
};

int hd_clean_word_in(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(list[k]) == n && strncasecmp(w, list[k], n) == 0)
            return 1;
    return 0;
}

/* A short parenthetical closing a line that is not a sentence and naming an agency or a
 * picture source: "(Reuters)", "(Khamenei website)", "(AP Photo/Name)" — the usual end of a
 * caption. A parenthetical that only spells out an acronym ("... Telephony (Voip)") is not. */
static int trailing_credit(const char *p, size_t n, const hd_line *l)
{
    /* Captions run to a sentence or two; a long paragraph that happens to end on a
     * parenthesis without a full stop is prose. */
    if (n < 3 || p[n - 1] != ')' || l->n_words < 4 || l->n_words > 30)
        return 0;
    size_t i = n - 1, words = 1;
    while (i > 0 && p[i - 1] != '(') {
        i--;
        if (p[i] == ' ')
            words++;
        if (p[i] == ')')
            return 0;
    }
    if (i <= 1 || words > 6 || p[i - 2] != ' ')
        return 0;
    /* Look at the words inside: an agency, a credit word, or a slash (Agency/Photographer). */
    const char *q = p + i, *end = p + n - 1;
    if (memchr(q, '/', (size_t)(end - q)))
        return 1;
    /* a web address alone: "(onmeth.com)", "(nasa.gov)" */
    if (words == 1) {
        const char *dot = q, *d;
        while ((d = memchr(dot, '.', (size_t)(end - dot))) != NULL)
            dot = d + 1;
        size_t tld = (size_t)(end - dot);
        int letters = dot > q + 1 && tld >= 2 && tld <= 4;
        for (const char *t = dot; letters && t < end; t++)
            letters = *t >= 'a' && *t <= 'z';
        if (letters)
            return 1;
    }
    while (q < end) {
        const char *w = q;
        while (q < end && *q != ' ')
            q++;
        if (hd_clean_word_in(w, (size_t)(q - w), agencies, sizeof agencies / sizeof *agencies) ||
            hd_clean_word_in(w, (size_t)(q - w), credit_words,
                             sizeof credit_words / sizeof *credit_words))
            return 1;
        while (q < end && *q == ' ')
            q++;
    }
    return 0;
}

/* A gallery's counter: "Image 1 of 5", "Photo 12 of 23", "Slide 3 of 10". */
static int gallery_count(const char *p, size_t n)
{
    size_t i;
    if (starts_ci(p, n, "image ") || starts_ci(p, n, "photo ") || starts_ci(p, n, "slide "))
        i = 6;
    else
        return 0;
    size_t d = i;
    while (i < n && p[i] >= '0' && p[i] <= '9')
        i++;
    if (i == d || !starts_ci(p + i, n - i, " of "))
        return 0;
    i += 4;
    d = i;
    while (i < n && p[i] >= '0' && p[i] <= '9')
        i++;
    return i > d && i == n;
}

static int is_credit(const char *p, size_t n, const hd_line *l)
{
    /* a label first ("Photo:", "(Image credit: …)", "Image 1 of 5"): asked by its first letter */
    char f = n ? p[0] : 0;
    switch (f >= 'A' && f <= 'Z' ? f | 0x20 : f) {
    case 'f':
        if (starts_ci(p, n, "file photo"))
            return 1;
        break;
    case 'p':
        if (starts_ci(p, n, "photo:") || starts_ci(p, n, "photo by") ||
            starts_ci(p, n, "photo illustration by") || starts_ci(p, n, "photos:") ||
            starts_ci(p, n, "picture:") || starts_ci(p, n, "photograph:") || gallery_count(p, n))
            return 1;
        break;
    case 'i':
        /* and the BBC's "Image caption …", "Image copyright …" labels */
        if (starts_ci(p, n, "image:") || starts_ci(p, n, "image credit:") ||
            starts_ci(p, n, "image caption ") || starts_ci(p, n, "image copyright ") ||
            gallery_count(p, n))
            return 1;
        break;
    case 's':
        if (gallery_count(p, n))
            return 1;
        break;
    case 'c':
        if (starts_ci(p, n, "credit:"))
            return 1;
        break;
    case '(':
        if (starts_ci(p, n, "(photo") || starts_ci(p, n, "(image credit"))
            return 1;
        break;
    case '[':
        if (starts_ci(p, n, "[photo"))
            return 1;
        break;
    default:
        break;
    }
    /* the wire's caption: "In this Dec. 12, 2006, file photo, made available by NASA, …",
     * "FILE - In this …" */
    char c0 = n ? (char)(p[0] | 0x20) : 0;
    if (c0 == 'f' && (starts_ci(p, n, "file - ") || starts_ci(p, n, "file \xE2\x80\x93 ")))
        return 1;
    if (c0 == 'i' && starts_ci(p, n, "in this ")) {
        size_t lim = n < 80 ? n : 80;
        for (size_t i = 8; i + 6 < lim; i++)
            if (p[i - 1] == ' ' && starts_ci(p + i, lim - i, "photo") &&
                (p[i + 5] == ',' || starts_ci(p + i + 5, lim - i - 5, "graph,")))
                return 1;
    }
    if (l->terminal)
        return 0;
    if (agency_slash(p, n) || trailing_credit(p, n, l))
        return 1;
    if (contains_ci(p, n, "getty images") || contains_ci(p, n, "ap photo") ||
        contains_ci(p, n, "via reuters") || contains_ci(p, n, "\xC2\xA9") ||
        contains_ci(p, n, "photo credit") ||
        /* a caption with its credit glued on ("… in MayCredit: The Siberian Times") */
        (l->n_words <= 40 && memmem(p, n, "redit: ", 7) && contains_ci(p, n, "credit: ")))
        return 1;
    /* "Name / Agency / Pool": several spaced slashes in a line that is not a sentence. */
    int slashes = 0;
    for (size_t i = 1; i + 1 < n; i++)
        slashes += p[i] == '/' && p[i - 1] == ' ' && p[i + 1] == ' ';
    return slashes >= 2;
}

static int title_shape(const char *p, size_t n, const hd_line *l)
{
    if (l->n_words < 2 || l->n_words > 20 || n > 220 || l->credit || l->n_cap == 0)
        return 0;
    unsigned char c0 = (unsigned char)p[0];
    if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 == '"' || c0 == '\'' ||
          c0 >= 0x80))
        return 0;
    /* Headlines may end in ? or ! but not in a period, comma, colon or semicolon, also
     * inside closing quotes or brackets. */
    size_t e = n;
    while (e > 1 && (p[e - 1] == '"' || p[e - 1] == '\'' || p[e - 1] == ')'))
        e--;
    if (e >= 4 && (unsigned char)p[e - 3] == 0xE2 && (unsigned char)p[e - 2] == 0x80 &&
        ((unsigned char)p[e - 1] == 0x9D || (unsigned char)p[e - 1] == 0x99))
        e -= 3;
    char last = p[e - 1];
    if (last == '.' || last == ',' || last == ':' || last == ';' || last == '-')
        return 0;
    return 1;
}

/* The heading of a link list or widget, alone on its line. */
static int widget_heading(const char *p, size_t n, const hd_line *l)
{
    static const char *const heading[] = {"more on this story",
                                          "related stories",
                                          "related topics",
                                          "related internet links",
                                          "related links",
                                          "related articles",
                                          "related content",
                                          "top stories",
                                          "most read",
                                          "most viewed",
                                          "you may also like",
                                          "you might also like",
                                          "around the web",
                                          "sponsored content",
                                          "share this story",
                                          "share this article",
                                          "editor's picks",
                                          "more stories",
                                          "latest stories",
                                          "recommended for you",
                                          "advertisement",
                                          "advertising",
                                          "sponsored",
                                          "story continues below",
                                          "article continues below",
                                          "continue reading below",
                                          "story continues below advertisement"};
    if (l->n_words > 5)
        return 0;
    size_t e = n;
    while (e > 0 && (p[e - 1] == ' ' || p[e - 1] == ':' || p[e - 1] == '.'))
        e--;
    for (size_t k = 0; k < sizeof heading / sizeof *heading; k++)
        if (strlen(heading[k]) == e && strncasecmp(p, heading[k], e) == 0)
            return 1;
    return 0;
}

/* A link to another story set into this one (see lead_phrase), with no hint word. */
static int story_link(const char *p, size_t n, const hd_line *l)
{
    if ((p[0] | 0x20) == 'a' && (starts_ci(p, n, "also:") || starts_ci(p, n, "also read:")))
        return 1;
    return (p[0] | 0x20) == 'm' && starts_ci(p, n, "more on ") && l->n_words <= 6 && !l->terminal;
}

/* A link's label for screen readers: "Click to share on Reddit (Opens in new window)",
 * "Submit to Stumbleupon (Opens in new window)", "Privacy (opens in a new tab)" */
static int link_label(const char *p, size_t n, const hd_line *l)
{
    if (p[n - 1] != ')' || l->n_words > 14 || n <= 16)
        return 0;
    size_t o = n - 1;
    while (o > 0 && p[o] != '(' && n - o < 28)
        o--;
    return p[o] == '(' && starts_ci(p + o, n - o, "(opens in ") &&
           (contains_ci(p + o, n - o, " window)") || contains_ci(p + o, n - o, " tab)"));
}

/* A consent banner: cookies, and this site or what you agree to. The long form of a consent
 * plugin's notice, which opens on the cookies, however long it runs ("This website uses
 * cookies to improve your experience while you navigate through the website. Out of these,
 * …"). */
static int consent_notice(const char *p, size_t n, const hd_line *l)
{
    if ((l->hints & HD_HINT_COOKIES) && l->n_words <= 160 &&
        (starts_ci(p, n, "this website uses cookies") ||
         starts_ci(p, n, "this site uses cookies") || starts_ci(p, n, "we use cookies")))
        return 1;
    if ((l->hints & HD_HINT_COOKIES) && l->n_words <= 80 && contains_ci(p, n, "cookies") &&
        (contains_ci(p, n, "you agree") || contains_ci(p, n, "you accept") ||
         contains_ci(p, n, "you consent") || contains_ci(p, n, "this site") ||
         contains_ci(p, n, "this website") || contains_ci(p, n, "the website") ||
         contains_ci(p, n, "our site") || contains_ci(p, n, "our website") ||
         contains_ci(p, n, "your experience") || contains_ci(p, n, "your browser")))
        return 1;
    return 0;
}

/* An account widget, a site's notices. */
static int site_notice(const char *p, size_t n, const hd_line *l)
{
    /* "Check your email for a link to reset your password" */
    if ((l->hints & HINT_PASSWORD) &&
        (contains_ci(p, n, "your password") || contains_ci(p, n, "password reset") ||
         contains_ci(p, n, "password has been")))
        return 1;
    if (((l->hints & HINT_RESERVED) && contains_ci(p, n, "all rights reserved")) ||
        ((l->hints & HINT_EXTERNAL) &&
         contains_ci(p, n, "not responsible for the content of external")) ||
        ((l->hints & HINT_JAVASCRIPT) && contains_ci(p, n, "enable javascript")) ||
        ((l->hints & HINT_BROWSER) && contains_ci(p, n, "browser does not support")))
        return 1;
    /* a sign-up form's answers: "You have been successfully subscribed!", "Thank you for
     * verifying your email address." */
    if ((l->hints & (HINT_SUBSCRIBED | HINT_VERIFYING)) && l->n_words <= 12 &&
        (contains_ci(p, n, "successfully subscribed") ||
         contains_ci(p, n, "succesfully subscribed") ||
         contains_ci(p, n, "thank you for subscribing") ||
         contains_ci(p, n, "thanks for subscribing") ||
         contains_ci(p, n, "for verifying your email")))
        return 1;
    return 0;
}

/* The prompts of a line with interface words. */
static int ui_prompt(const char *p, size_t n, const hd_line *l)
{
    if (!l->n_ui)
        return 0;
    if (contains_ci(p, n, "click here to") || contains_ci(p, n, "by clicking here") ||
        contains_ci(p, n, "click here for more information"))
        return 1;
    /* a comment box's prompts and house rules ("You must be logged in to post a comment",
     * "Comments are subject to our community guidelines"), a share widget's errors ("Post
     * was not sent - check your email addresses!") */
    static const char *const comment_prompt[] = {
        "post a comment",        "post your comment",          "add a comment",
        "logged in to",          "log in to comment",          "sign in to comment",
        "comments are closed",   "community guidelines",       "submission guidelines",
        "commenting guidelines", "reserve the right to remove"};
    if (l->hints & HINT_COMMENT) {
        for (size_t k = 0; k < sizeof comment_prompt / sizeof *comment_prompt; k++)
            if (contains_ci(p, n, comment_prompt[k]))
                return 1;
        if (l->n_words <= 4 && starts_ci(p, n, "leave a comment"))
            return 1;
    }
    /* a share widget's buttons, read as one line: "Print This Article Share it With Friends",
     * "Email this story", "Send to a friend" */
    static const char *const share_prompt[] = {
        "print this article",      "print this page",        "print this story",
        "email this article",      "email this story",       "email this page",
        "share it with friends",   "share it with a friend", "share with friends",
        "share with your friends", "email to a friend",      "send to a friend"};
    if (l->n_words <= 8 && !l->terminal &&
        (contains_ci(p, n, "print") || contains_ci(p, n, "friend") || contains_ci(p, n, "email")))
        for (size_t k = 0; k < sizeof share_prompt / sizeof *share_prompt; k++)
            if (contains_ci(p, n, share_prompt[k]))
                return 1;
    if ((l->hints & HINT_EMAIL) &&
        (contains_ci(p, n, "post was not sent") || contains_ci(p, n, "email check failed") ||
         contains_ci(p, n, "cannot share posts by email")))
        return 1;
    /* a sign-up plea after a teaser sentence: "Want more Rolling Stone? Sign up for our
     * newsletter.", "Don't miss a brief. Sign up for our daily email." */
    int plea = (l->hints & HINT_SIGN) &&
               (contains_ci(p, n, "sign up for our") || contains_ci(p, n, ". sign up") ||
                contains_ci(p, n, "? sign up"));
    plea = plea || ((l->hints & HINT_SUBSCRIBE) &&
                    (contains_ci(p, n, "subscribe to our") || contains_ci(p, n, ". subscribe") ||
                     contains_ci(p, n, "? subscribe")));
    if (plea && (contains_ci(p, n, " our ") || contains_ci(p, n, "newsletter") ||
                 contains_ci(p, n, "inbox") || (l->hints & HINT_EMAIL)))
        return 1;
    return 0;
}

/* Wire credits: "Reporting by Sara Khan; Editing by Jon Boyle" (names follow "by") */
static int wire_credit(const char *p, size_t n)
{
    static const char *const credit[] = {"reporting by ", "additional reporting by ", "editing by ",
                                         "writing by ", "compiled by "};
    char c0 = (char)(p[0] | 0x20);
    if (c0 == 'r' || c0 == 'a' || c0 == 'e' || c0 == 'w' || c0 == 'c')
        for (size_t k = 0; k < sizeof credit / sizeof *credit; k++) {
            size_t m = strlen(credit[k]);
            if (starts_ci(p, n, credit[k]) && n > m && p[m] >= 'A' && p[m] <= 'Z')
                return 1;
        }
    return 0;
}

/* Lines that open on a phrase of the site's own. */
static int lead_phrase(const char *p, size_t n, const hd_line *l)
{
    char c0 = (char)(p[0] | 0x20);
    switch (c0) {
    case 'o':
        return starts_ci(p, n, "our standards:");
    /* a link to another story set into this one: "Related: 7 Strange Signs …", "Also: See
     * Black Friday coverage at CNET", "More on Slate Book Review" */
    case 'r':
        return starts_ci(p, n, "read more:") || starts_ci(p, n, "related:") ||
               starts_ci(p, n, "read also:") || (starts_ci(p, n, "read more") && l->n_words == 2);
    case 'c':
        return starts_ci(p, n, "copyright ") && n > 10 &&
               ((p[10] >= '0' && p[10] <= '9') || (unsigned char)p[10] == 0xC2);
    case 's':
        if (starts_ci(p, n, "skip to ") || starts_ci(p, n, "see also:"))
            return 1;
        return (starts_ci(p, n, "sign up") || starts_ci(p, n, "subscribe")) &&
               (contains_ci(p, n, "newsletter") || contains_ci(p, n, "inbox") ||
                contains_ci(p, n, "briefing") || contains_ci(p, n, "email"));
    default:
        return 0;
    }
}

/* A site's legal small print and the pleas around it: terms accepted by using the site
 * ("Use of this site constitutes acceptance of our User Agreement", "By registering you …
 * agree to the Terms of Use"), a reproduction ban ("The material on this site may not be
 * reproduced …"), house rules ("Community Rules apply to all content you upload"), a
 * sign-up's promise ("You can unsubscribe at any time"), the owner's line ("Live Science is
 * part of Future US Inc, an international media group and leading digital publisher") and
 * a reporter's contact line ("Have a tip? Jo Roe may be reached at jo@example.com"). */
static int legal_notice(const char *p, size_t n, const hd_line *l)
{
    if ((l->hints & HINT_ACCEPTANCE) && (contains_ci(p, n, "constitutes acceptance of our") ||
                                         contains_ci(p, n, "constitutes your acceptance")))
        return 1;
    if (l->n_ui && (p[0] | 0x20) == 'b' &&
        (starts_ci(p, n, "by registering") || starts_ci(p, n, "by checking this box") ||
         starts_ci(p, n, "by signing up") || starts_ci(p, n, "by creating an account") ||
         starts_ci(p, n, "by subscribing")) &&
        (contains_ci(p, n, "terms of use") || contains_ci(p, n, "terms of service")))
        return 1;
    if ((l->hints & HINT_REPRODUCED) && contains_ci(p, n, "may not be reproduced") &&
        (contains_ci(p, n, "this site") || contains_ci(p, n, "this material")))
        return 1;
    if ((p[0] | 0x20) == 'c' && starts_ci(p, n, "community rules apply"))
        return 1;
    if ((l->hints & HINT_UNSUBSCRIBE) &&
        (contains_ci(p, n, "unsubscribe at any time") ||
         contains_ci(p, n, "unsubscribe anytime")) &&
        (contains_ci(p, n, "you can") || contains_ci(p, n, "no spam")))
        return 1;
    if ((l->hints & HINT_PUBLISHER) && contains_ci(p, n, " is part of ") &&
        (contains_ci(p, n, "digital publisher") || contains_ci(p, n, "visit our corporate site")))
        return 1;
    /* an affiliate disclosure: "Microsoft may earn an Affiliate Commission if you purchase
     * something through recommended links in this article", "If you click on one and make a
     * purchase we may receive a small commission" */
    if ((l->hints & HINT_COMMISSION) && l->n_words <= 40 &&
        (contains_ci(p, n, "affiliate") || contains_ci(p, n, "we may") ||
         contains_ci(p, n, "we earn") || contains_ci(p, n, "we receive") ||
         contains_ci(p, n, "earn us")) &&
        (contains_ci(p, n, "affiliate commission") || contains_ci(p, n, "small commission") ||
         contains_ci(p, n, "earn a commission") || contains_ci(p, n, "receive a commission")) &&
        (contains_ci(p, n, "link") || contains_ci(p, n, "purchase") || contains_ci(p, n, "buy")))
        return 1;
    /* "We urge you to turn off your ad blocker for The Telegraph website …" */
    if ((l->hints & HINT_BLOCKER) && contains_ci(p, n, "ad blocker") &&
        (contains_ci(p, n, "turn off") || contains_ci(p, n, "disable") ||
         contains_ci(p, n, "whitelist") || contains_ci(p, n, "allow")))
        return 1;
    /* "Snopes and the Snopes.com logo are registered service marks of Snopes.com" */
    if ((l->hints & HINT_REGISTERED) && l->n_words <= 40 &&
        (contains_ci(p, n, "registered trademark") || contains_ci(p, n, "registered trade mark") ||
         contains_ci(p, n, "registered service mark")))
        return 1;
    return (l->hints & HINT_REACHED) && memchr(p, '@', n) &&
           (contains_ci(p, n, "may be reached at") || contains_ci(p, n, "can be reached at"));
}

/* "Skip to content" as other languages' sites print it (the usual translations of the
 * link at the top of a page), alone on its line. */
static int skip_link(const char *p, size_t n, const hd_line *l)
{
    static const char *const skip[] = {"Zum Inhalt springen",
                                       "Zum Inhalt wechseln",
                                       "Direkt zum Inhalt",
                                       "Aller au contenu",
                                       "Aller au contenu principal",
                                       "Passer au contenu",
                                       "Saltar al contenido",
                                       "Ir al contenido",
                                       "Vai al contenuto",
                                       "Salta al contenuto",
                                       "Pular para o conteúdo",
                                       "Ir para o conteúdo",
                                       "Naar de inhoud springen",
                                       "Przejdź do treści",
                                       "Hoppa till innehåll",
                                       "Siirry sisältöön",
                                       "İçeriğe geç",
                                       "Перейти к контенту",
                                       "Перейти к содержимому",
                                       "Перейти до вмісту",
                                       "Zurück zur Übersicht",
                                       "Zurück zur Startseite",
                                       "Retour à l'accueil",
                                       "Volver al inicio"};
    /* (asked by first letter: most short lines open on none of these) */
    if (l->n_words > 5 || !memchr("ZDAPSIVNHR\xC4\xD0", p[0], 12))
        return 0;
    size_t e = n;
    while (e > 0 && (p[e - 1] == ' ' || p[e - 1] == '.'))
        e--;
    for (size_t k = 0; k < sizeof skip / sizeof *skip; k++)
        if (skip[k][0] == p[0] && strlen(skip[k]) == e && strncasecmp(p, skip[k], e) == 0)
            return 1;
    return 0;
}

/* A wire story's end note ("Associated Press writers Alan Fram and Zeke Miller contributed
 * to this report."), a plea to follow the site ("Follow Newsbeat on Instagram, Facebook,
 * Twitter and YouTube."), the link to the next story ("Next article Kidnapped girl, 8, …"). */
static int end_note(const char *p, size_t n, const hd_line *l)
{
    static const char note[] = "contributed to this report";
    size_t e = n, k = sizeof note - 1;
    while (e > 0 && (p[e - 1] == '.' || p[e - 1] == ' '))
        e--;
    if (l->n_words <= 40 && e >= k && p[e - 1] == 't' && strncasecmp(p + e - k, note, k) == 0)
        return 1;
    /* "Samantha Lachman contributed reporting from Charleston." */
    if (l->n_words <= 12 && l->terminal && memmem(p, n, " contributed reporting", 22))
        return 1;
    if (l->n_ui >= 3 && l->n_words <= 12 && starts_ci(p, n, "follow "))
        return 1;
    return (p[0] | 0x20) == 'n' && l->n_words <= 16 && !l->terminal &&
           starts_ci(p, n, "next article ");
}

/* Site furniture written as a sentence, which the word-class rules would keep: skip links,
 * newsletter and subscription prompts, copyright notices, "Read more:" teasers, link-list
 * headings, disclaimers, consent banners, wire credits. Each phrase is looked for only in
 * lines holding one of its words (l->hints, l->n_ui): most lines are passed over at once. */
static int furniture(const char *p, size_t n, const hd_line *l)
{
    if (story_link(p, n, l) || link_label(p, n, l) || skip_link(p, n, l) || end_note(p, n, l))
        return 1;
    /* a copyright notice that opens on its sign: "© 1995 - 2019 by Snopes Media Group Inc." */
    if ((unsigned char)p[0] == 0xC2 && n > 1 && (unsigned char)p[1] == 0xA9 && l->n_words <= 30)
        return 1;
    if (!l->n_ui && !l->hints)
        return 0;
    if (consent_notice(p, n, l) || (l->n_words <= 100 && legal_notice(p, n, l)))
        return 1;
    if (l->n_words > 25)
        return 0;
    return site_notice(p, n, l) || widget_heading(p, n, l) || ui_prompt(p, n, l) ||
           wire_credit(p, n) || lead_phrase(p, n, l);
}

void hd_clean_classify(const char *p, size_t n, hd_line *l)
{
    l->credit = (uint8_t)is_credit(p, n, l);
    l->title_like = (uint8_t)title_shape(p, n, l);
    if (l->n_words == 0 || l->credit) {
        l->kind = HD_LINE_BAD;
        return;
    }
    /* Navigation: "World | Asia-Pacific", "Home > News > Politics". */
    if (l->n_words <= 10 &&
        (contains_ci(p, n, " | ") || contains_ci(p, n, " > ") || contains_ci(p, n, " \xC2\xBB ") ||
         contains_ci(p, n, " \xE2\x80\xBA "))) {
        l->kind = HD_LINE_BAD;
        l->title_like = 0;
        return;
    }
    if (furniture(p, n, l)) {
        l->kind = HD_LINE_BAD;
        l->title_like = 0;
        return;
    }
    if (l->n_words <= 15 && (contains_ci(p, n, "://") || starts_ci(p, n, "www."))) {
        l->kind = HD_LINE_BAD;
        return;
    }
    int prose_long = l->n_words >= 10 && l->n_stop * 8 >= l->n_words;
    int sentence = l->terminal && l->n_words >= 4 && l->n_stop >= 1;
    if (prose_long || sentence) {
        l->kind = HD_LINE_GOOD;
        return;
    }
    if (l->n_words <= 8 && l->n_ui * 2 >= l->n_words) {
        l->kind = HD_LINE_BAD;
        return;
    }
    l->kind = HD_LINE_SHORT;
}

void hd_clean_resolve(hd_line *lines, size_t from, size_t to)
{
    /* Forward pass notes in bit 2 of title_like whether the nearest decided line before each
     * SHORT line is GOOD (edges count as BAD); the backward pass then knows both sides. */
    uint8_t prev = HD_LINE_BAD;
    for (size_t i = from; i < to; i++) {
        hd_line *l = &lines[i];
        if (l->kind == HD_LINE_SHORT) {
            l->title_like = (uint8_t)((l->title_like & 1) | (prev == HD_LINE_GOOD ? 2 : 0));
            continue;
        }
        prev = l->kind == HD_LINE_GOOD ? HD_LINE_GOOD : HD_LINE_BAD;
    }
    uint8_t next = HD_LINE_BAD;
    for (size_t i = to; i-- > from;) {
        hd_line *l = &lines[i];
        if (l->kind == HD_LINE_SHORT) {
            int prev_good = (l->title_like & 2) != 0;
            l->title_like &= 1;
            l->kind = (prev_good && next == HD_LINE_GOOD) ? HD_LINE_GOOD : HD_LINE_BAD;
            continue;
        }
        next = l->kind == HD_LINE_GOOD ? HD_LINE_GOOD : HD_LINE_BAD;
    }
}
