/* SPDX-License-Identifier: MIT
 *
 * reported_opener.c — what only opens a sentence, so that what was said is elsewhere:
 *
 *   tokens before a cue -> subordinate clause, short adverbial, opening phrase, or a clause
 *
 *   "While Ramos said A, he …", "As the charges were unsealed, X testified …", "In addition,",
 *   "Despite claims of a rift,"; and hd_ex_has_aux, whether words hold a verb of their own.
 * Called by reported.c, reported_form.c and reported_span.c.
 */
#include <string.h>

#include "extract/extract_int.h"

static int subordinator(const xctx *x, uint32_t i)
{
    static const char *const sub[] = {"while",  "although", "though", "because", "whereas",
                                      "if",     "when",     "since",  "after",   "before",
                                      "unless", "as",       NULL};
    if (!tok_word(x, i) || x->t[i].e - x->t[i].s > 8 ||
        !memchr("wWaAtTbBiIsSuU", x->b[x->t[i].s], 14))
        return 0;
    if (tok_in(x, i, sub))
        return 1;
    return 0;
}

/* Is [s0, comma) a subordinate clause alone ("As the charges were unsealed in New York, X
 * testified …"), with no main clause after a comma of its own ("If we fail, we lose, X said")?
 * It says when or why, not what. */
int hd_ex_lone_subordinate(const xctx *x, uint32_t s0, uint32_t comma)
{
    if (!subordinator(x, s0))
        return 0;
    for (uint32_t m = s0 + 1; m < comma; m++)
        if (tok_punct(x, m, ','))
            return 0;
    return 1;
}

/* "While Ramos said that journalists cannot have any political affiliation, he appears
 * uneasy": a subordinator right before the subject ends what was said at the comma that
 * closes the subordinate clause. Returns that comma, or s1. */
uint32_t hd_ex_subordinate_end(const xctx *x, uint32_t s0, uint32_t np0, uint32_t a, uint32_t s1)
{
    /* the subordinator opens the sentence, or stands right before the subject ("If we read
     * him right when he says A, it would seem …") */
    if (np0 <= s0 || !tok_word(x, np0 - 1) || !subordinator(x, np0 - 1))
        return s1;
    for (uint32_t k = a; k + 1 < s1; k++) {
        if (tok_punct(x, k, ',') && !(x->t[k].flags & TF_INQ))
            return k;
        /* the comma that ends a quote ends the clause when a subject follows: "had “been
         * friends for some time,” he claimed …" (the closing mark, returned, is part of the
         * statement); not "is “peanuts,” compared to what …" */
        if (tok_punct(x, k, ',') && x->t[k + 1].kind == TK_QCLOSE && k + 2 < s1 &&
            tok_word(x, k + 2) &&
            (tok_has(x, k + 2, LW_PRON | LW_DET) || (x->t[k + 2].flags & TF_CAP)))
            return k + 1;
    }
    return s1;
}

/* Auxiliaries: a verb group of a clause of its own ("is", "has been", "will"). */
const char *const hd_ex_aux_words[] = {"is",  "was",   "are",   "were", "has",   "have",
                                       "had", "will",  "would", "can",  "could", "should",
                                       "may", "might", "must",  "does", "did",   NULL};

/* Is [a, b) no clause of its own: at most max_words words and no auxiliary ("The paradox of
 * Nancy", "Any interpretation of his actions")? Then 1 means it has one or is too long. */
int hd_ex_has_aux(const xctx *x, uint32_t a, uint32_t b, int max_words)
{
    int words = 0;
    for (uint32_t m = a; m < b; m++) {
        words += x->t[m].kind == TK_WORD;
        if (tok_in(x, m, hd_ex_aux_words))
            return 1;
    }
    return words > max_words;
}

/* Do tokens [a, b) only introduce the main clause that follows them: a subordinate clause
 * ("While most were marked confidential") or a short adverbial ("In addition", "On Tuesday")? */
int hd_ex_clause_opener(const xctx *x, uint32_t a, uint32_t b)
{
    static const char *const sub[] = {
        "while", "although", "though",  "whereas", "when", "if",   "because", "since",
        "after", "before",   "despite", "unlike",  "as",   "once", "until",   NULL};
    static const char *const adv[] = {
        "in",       "on",        "at",        "for",     "by",         "with",
        "under",    "during",    "among",     "however", "meanwhile",  "additionally",
        "moreover", "overall",   "still",     "now",     "separately", "last",
        "this",     "earlier",   "elsewhere", "also",    "later",      "furthermore",
        "further",  "likewise",  "similarly", "besides", "finally",    "then",
        "today",    "yesterday", NULL};
    if (a >= b || !tok_word(x, a))
        return 0;
    if (tok_in(x, a, sub))
        return 1;
    uint32_t words = 0;
    for (uint32_t k = a; k < b; k++) {
        if (tok_punct(x, k, ',') || x->t[k].kind == TK_QOPEN)
            return 0;
        words += x->t[k].kind == TK_WORD;
    }
    /* "This week" opens; "This is not about me" is a clause */
    if (words > 5 || hd_ex_has_aux(x, a, b, 5))
        return 0;
    if (tok_in(x, a, adv))
        return 1;
    return 0;
}

/* Is cue c a plural noun inside a prepositional phrase opening the sentence ("Alongside BLM
 * calls for action, …", "Despite claims of a rift, …")? */
int hd_ex_opener_noun(const xctx *x, uint32_t c, uint32_t s0)
{
    static const char *const prep[] = {"alongside", "amid",      "despite", "with", "without",
                                       "among",     "following", "in",      "on",   "over",
                                       "against",   "beyond",    "unlike",  NULL};
    static const char *const noun[] = {"calls",   "claims",  "reports", "promises",
                                       "demands", "pledges", "vows",    NULL};
    if (!tok_in(x, c, noun) || c <= s0)
        return 0;
    if (!tok_in(x, s0, prep))
        return 0;
    for (uint32_t k = s0; k < c; k++)
        if (x->t[k].kind != TK_WORD)
            return 0; /* the phrase ended before the cue */
    for (uint32_t k = c + 1; k < x->nt && k < c + 10 && !hd_ex_stop_tok(x, k); k++)
        if (tok_punct(x, k, ','))
            return 1;
    return 0;
}
