/* SPDX-License-Identifier: MIT
 *
 * stopwords.c — the words a query may leave out. Stage: search (called by qtree.c while it
 * plans a query).
 *
 * The index keeps every word, so phrases such as "the Who" or "to be or not to be" still match
 * exactly. Only an optional, unqualified word of a query that has other words is left out:
 * in "what is the effect of oil prices" the words what, is, the and of would each add a little
 * score to nearly every document and drown the ranking of long natural-language questions
 * (on the IR collections of bench/ireval.py, keeping them cost MAP on five of six). A query made
 * only of such words keeps them, as do phrases, +required words and field:word clauses.
 *
 * The English list is herald's own, written by rule rather than from any collection: the
 * closed-class words of English — articles and determiners, personal, possessive, reflexive
 * and wh- pronouns, the forms of be, have and do, the modals would, should, could and ought,
 * conjunctions, prepositions, and the adverbs not, very, too, again, further, once, here,
 * there and only. Words that are also common nouns, names or months (can, will, may, might,
 * must, shall) are not in it. A word written in capitals is kept: "US", "IT" and "WHO" in a
 * news query are the country, the industry and the organisation. Other languages have no list:
 * nothing is left out.
 */
#include <stdlib.h>
#include <string.h>

#include "search/search.h"

/* Sorted (strcmp order) for bsearch. */
static const char *const english[] = {
    "a",          "about",   "above",   "after",  "again", "against",  "all",        "although",
    "am",         "an",      "and",     "any",    "are",   "as",       "at",         "be",
    "because",    "been",    "before",  "being",  "below", "between",  "both",       "but",
    "by",         "could",   "did",     "do",     "does",  "doing",    "down",       "during",
    "each",       "either",  "every",   "few",    "for",   "from",     "further",    "had",
    "has",        "have",    "having",  "he",     "her",   "here",     "hers",       "herself",
    "him",        "himself", "his",     "how",    "i",     "if",       "in",         "into",
    "is",         "it",      "its",     "itself", "me",    "mine",     "more",       "most",
    "my",         "myself",  "neither", "no",     "nor",   "not",      "of",         "off",
    "on",         "once",    "only",    "or",     "other", "ought",    "our",        "ours",
    "ourselves",  "out",     "over",    "own",    "same",  "she",      "should",     "so",
    "some",       "such",    "than",    "that",   "the",   "their",    "theirs",     "them",
    "themselves", "then",    "there",   "these",  "they",  "this",     "those",      "though",
    "through",    "to",      "too",     "under",  "until", "up",       "upon",       "us",
    "very",       "was",     "we",      "were",   "what",  "when",     "where",      "whether",
    "which",      "while",   "who",     "whom",   "whose", "why",      "with",       "within",
    "without",    "would",   "you",     "your",   "yours", "yourself", "yourselves",
};

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static int uses_english(const char *language)
{
    return language && (!strcmp(language, "english") || !strcmp(language, "en") ||
                        !strcmp(language, "eng") || !strcmp(language, "porter"));
}

int hd_stopword(const char *language, const char *w, size_t n)
{
    char key[16];
    if (!uses_english(language) || n == 0 || n >= sizeof key)
        return 0;
    size_t n_upper = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
            n_upper++;
        } else if (c < 'a' || c > 'z') {
            return 0; /* only plain ASCII words are on the list ("U.S." is not "us") */
        }
        key[i] = (char)c;
    }
    if (n >= 2 && n_upper == n)
        return 0;
    key[n] = '\0';
    return bsearch(key, english, sizeof english / sizeof english[0], sizeof english[0], cmp_word) !=
           NULL;
}
