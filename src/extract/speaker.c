/* SPDX-License-Identifier: MIT
 *
 * speaker.c — the noun phrase that says something, and who it refers to.
 *
 *   tokens around a cue verb -> xnp { tokens, referent }
 *
 * A subject is read leftwards from the cue, over adverbs and auxiliaries ("has also said"),
 * parentheses and appositives ("Vahid Jalalzadeh, the committee chairman, said" / "the
 * commander of the ground forces, General Muhammad Pakpour, announced"). Its head decides the
 * referent: a named entity; a role ("the Leader") bound to the person holding it, or left
 * pending until the article names someone for it; a pronoun (resolved later, in text order,
 * by statement.c); or a common noun ("officials") with no known speaker.
 */
#include <string.h>

#include "extract/extract_int.h"

/* Does token w open a phrase set off between a subject and its verb: a preposition of time
 * or place ("during", "at") or a participle ("speaking", "facing")? */
static int set_off_opener(const xctx *x, uint32_t w)
{
    static const char *const prep[] = {"during", "at",   "in",        "on",   "after", "before",
                                       "while",  "amid", "despite",   "from", "with",  "without",
                                       "unlike", "like", "including", "such", NULL};
    if (!tok_word(x, w) || (x->t[w].flags & (TF_CAP | TF_ALLCAPS | TF_INQ)))
        return 0;
    if (tok_in(x, w, prep))
        return 1;
    /* "Anne Richards, assistant secretary of state for population, refugees, and migration,
     * said": a role whose complement holds commas of its own */
    if (tok_has(x, w, LW_ROLE) || (tok_has(x, w, LW_MOD) && tok_has(x, w + 1, LW_ROLE | LW_MOD)))
        return 1;
    const xtok *t = &x->t[w];
    return t->e - t->s > 5 && !memcmp(x->b + t->e - 3, "ing", 3);
}

static int pronoun(const xctx *x, uint32_t i)
{
    return tok_has(x, i, LW_PRON);
}

/* Determiners that open a noun phrase: nothing before them is the phrase's ("week the central
 * bank said"); numbers are not among them ("the number three automaker"). */
static const char *const opening_det[] = {"the", "a",   "an",    "this", "these", "those", "his",
                                          "her", "its", "their", "our",  "my",    "your",  NULL};

/* Words that open a subordinate clause ("when Trump spotted …", "if the sale threatened …",
 * "before Tokyo's market opened …"). */
static const char *const subordinators[] = {"when",   "after",    "before", "because", "while",
                                            "since",  "until",    "if",     "whether", "unless",
                                            "though", "although", "as",     NULL};

/* Auxiliaries: a phrase holding one (outside a relative clause) is a clause, not a noun
 * phrase. */
static const char *const aux_words[] = {"is",    "was", "are",   "were",   "has",
                                        "have",  "had", "does",  "did",    "will",
                                        "would", "can", "could", "should", NULL};

static int determiner(const xctx *x, uint32_t i)
{
    return tok_has(x, i, LW_DET);
}

static int adverbish(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || (x->t[i].flags & (TF_CAP | TF_INQ)))
        return 0;
    if (tok_has(x, i, LW_ADV))
        return 1;
    /* "The system itself has so far predicted" */
    if (i > 0 && tok_is(x, i, "far") && tok_is(x, i - 1, "so"))
        return 1;
    size_t n = x->t[i].e - x->t[i].s;
    return n > 4 && x->b[x->t[i].e - 2] == 'l' && x->b[x->t[i].e - 1] == 'y';
}

static int cap_tok(const xctx *x, uint32_t i)
{
    return tok_word(x, i) && (x->t[i].flags & (TF_CAP | TF_ALLCAPS)) && !(x->t[i].flags & TF_DIGIT);
}

static int np_word(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || (x->t[i].flags & TF_INQ))
        return 0;
    if (determiner(x, i))
        return 1;
    /* "But the committee", "On Monday Alan Beith": conjunctions, prepositions and dates
     * start no noun phrase even when capitalised */
    if (tok_has(x, i, LW_FUNC | LW_TIME) && !tok_has(x, i, LW_ROLE | LW_MOD))
        return tok_is(x, i, "of");
    return cap_tok(x, i) || tok_has(x, i, LW_ROLE) || tok_has(x, i, LW_MOD) ||
           x->t[i].flags & TF_POSS;
}

static int common_noun(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || (x->t[i].flags & (TF_CAP | TF_INQ | TF_DIGIT)))
        return 0;
    if (tok_has(x, i, LW_FUNC | LW_VERB | LW_NOTNOUN))
        return 0;
    size_t n = x->t[i].e - x->t[i].s;
    const char *w = x->b + x->t[i].s;
    if (n < 3 || (n > 4 && (strncmp(w + n - 2, "ly", 2) == 0 || strncmp(w + n - 2, "ed", 2) == 0 ||
                            strncmp(w + n - 3, "ing", 3) == 0)))
        return 0;
    return 1;
}

/* "registered voters", "retired general": an -ed word right before a noun, inside a noun
 * phrase (not a verb: the token after it must be a noun or a name, not a function word). */
static int participle_adj(const xctx *x, uint32_t i, uint32_t next)
{
    if (!tok_word(x, i) || (x->t[i].flags & (TF_CAP | TF_INQ)) || (x->t[i].lex >> 24))
        return 0;
    size_t n = x->t[i].e - x->t[i].s;
    const char *w = x->b + x->t[i].s;
    return n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd' && !tok_has(x, next, LW_FUNC | LW_VERB);
}

/* Extend a head at j leftwards over the rest of its noun phrase. */
/* "the next two years that industry analysts say …": after a noun, "that" (token i) opens a
 * relative clause; it is a determiner only where a noun phrase may begin. */
static int relative_that(const xctx *x, uint32_t i, uint32_t lo)
{
    return tok_is(x, i, "that") && i > lo && tok_word(x, i - 1) &&
           !tok_has(x, i - 1, LW_FUNC | LW_VERB | LW_NOTNOUN);
}

/* A noun of time, which opens an adverbial rather than a compound ("Last week Spethmann said",
 * "Earlier this year Ms Sherry said"). */
static int time_noun(const xctx *x, uint32_t k)
{
    static const char *const w[] = {"week",      "weeks",   "month",     "months", "year",
                                    "years",     "day",     "days",      "night",  "morning",
                                    "evening",   "weekend", "afternoon", "decade", "today",
                                    "yesterday", "summer",  "winter",    "autumn", NULL};
    if (tok_has(x, k, LW_TIME))
        return 1;
    if (tok_in(x, k, w))
        return 1;
    return 0;
}

static uint32_t np_start(const xctx *x, uint32_t j, uint32_t lo)
{
    uint32_t s = j;
    int nouns = 0;
    for (;;) {
        if (s > lo && np_word(x, s - 1)) {
            if (relative_that(x, s - 1, lo))
                break;
            s--;
            continue;
        }
        /* "a spokeswoman for the authority", "an official at the embassy" */
        if (s > lo + 1 && (tok_is(x, s - 1, "for") || tok_is(x, s - 1, "at")) &&
            tok_has(x, s - 2, LW_ROLE | LW_SNOUN) && !(x->t[s - 2].flags & TF_CAP)) {
            s -= 2;
            continue;
        }
        /* noun-noun compounds before a role or a name: "union secretary", "music teacher
         * Anna Price", "the market's management company" */
        if (s > lo && nouns < 3 && (common_noun(x, s - 1) || participle_adj(x, s - 1, s)) &&
            !time_noun(x, s - 1) &&
            (tok_has(x, s, LW_ROLE | LW_MOD | LW_SNOUN) || (x->t[s].flags & TF_CAP) || nouns > 0)) {
            s--;
            nouns++;
            continue;
        }
        break;
    }
    /* never start on "of" */
    while (s < j && tok_is(x, s, "of"))
        s++;
    return s;
}

/* A lowercase word that can head a noun phrase: not a function word, verb form or adverb. */

/* Token i ends whatever stands before a subject (a clause boundary or function word). */
static int np_plain(const xctx *x, uint32_t i)
{
    return !tok_word(x, i) || tok_has(x, i, LW_FUNC);
}

/* Entity e named at token j: when its name follows "<person> of" ("Robert Dole of Kansas",
 * "Sanford Margoshes of Shearson Lehman Brothers"), the person is the head, else e. lo is the
 * first token the phrase may use. */
static int32_t person_of(const xctx *x, uint32_t j, uint32_t lo, int32_t e)
{
    uint32_t s = j;
    while (s > lo && x->tent[s - 1] == e)
        s--;
    /* "Cara Diemont of IT firm Dimension Data", "Carl Weinberg at research house High
     * Frequency Economics": a few words saying what the organisation is */
    for (int d = 0; d < 3 && s > lo + 2 && tok_word(x, s - 1) &&
                    (x->tent[s - 1] < 0 ||
                     ((x->t[s - 1].flags & TF_ALLCAPS) && x->ent[x->tent[s - 1]].n_words == 1)) &&
                    !(x->t[s - 1].flags & TF_INQ) && !(x->t[s - 1].lex & (LW_VERB | LW_FUNC)) &&
                    (!(x->t[s - 1].flags & TF_CAP) || (x->t[s - 1].flags & TF_ALLCAPS));
         d++)
        s--;
    if (s > lo + 2 && (tok_is(x, s - 1, "the") || tok_is(x, s - 1, "a")) && x->tent[s - 1] < 0)
        s--; /* "Carl Emmerson of the Institute for Fiscal Studies" */
    if (s < lo + 2 || !(tok_is(x, s - 1, "of") || tok_is(x, s - 1, "at") ||
                        tok_is(x, s - 1, "from") || tok_is(x, s - 1, "with")))
        return e;
    int32_t pe = x->tent[s - 2];
    return pe >= 0 && x->ent[pe].kind == HD_ENT_PERSON ? pe : e;
}

int hd_ex_honorific(const xctx *x, uint32_t i)
{
    return tok_is(x, i, "eminence") || tok_is(x, i, "holiness") || tok_is(x, i, "majesty") ||
           tok_is(x, i, "excellency") || tok_is(x, i, "highness");
}

static int np_core(xctx *x, uint32_t j, uint32_t lo, xnp *np);

/* The words [k, j] are the complement of "the ROLE of (the)" before them: the role's noun phrase
 * in *np, running to j. */
static int role_of_complement(xctx *x, uint32_t k, uint32_t j, uint32_t lo, xnp *np)
{
    if (k > lo + 1 && tok_is(x, k - 1, "the"))
        k--;
    uint32_t r = k > lo + 1 && tok_is(x, k - 1, "of") && x->tent[k - 2] < 0
                     ? hd_ex_role_ending_at(x, k - 2, lo)
                     : UINT32_MAX;
    if (r == UINT32_MAX || r <= lo || !tok_is(x, r - 1, "the") || !np_core(x, k - 2, lo, np))
        return 0;
    np->t1 = j + 1;
    return 1;
}

/* The noun phrase whose head is token j. */
static int np_core(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    if (!tok_word(x, j) || (x->t[j].flags & TF_INQ) || j < lo)
        return 0;
    np->t1 = j + 1;
    if (pronoun(x, j)) {
        np->t0 = j;
        np->ref = REF_NONE; /* resolved in text order by statement.c */
        return 1;
    }
    if (j > lo && (tok_is(x, j - 1, "his") || tok_is(x, j - 1, "her")) && hd_ex_honorific(x, j)) {
        np->t0 = j - 1; /* "His Eminence": resolved like "he" (hd_ex_set_np) */
        np->ref = REF_NONE;
        return 1;
    }
    int32_t e = x->tent[j];
    if (e >= 0 && x->ent[e].kind != HD_ENT_PERSON) {
        /* "The Leader of the Islamic Revolution stressed", "the president of the Republic
         * said": the role whose complement the organisation or place is speaks */
        uint32_t k = j;
        while (k > lo && x->tent[k - 1] == e)
            k--;
        if (role_of_complement(x, k, j, lo, np))
            return 1;
    }
    if (e >= 0) {
        int32_t pe = person_of(x, j, lo, e);
        if (pe != e) {
            uint32_t k = j;
            while (k > lo && x->tent[k - 1] != pe)
                k--;
            np->t0 = np_start(x, k - 1, lo);
        } else {
            np->t0 = np_start(x, j, lo);
        }
        np->ref = pe;
        return 1;
    }
    uint32_t r0 = hd_ex_role_ending_at(x, j, lo);
    if (r0 != UINT32_MAX) {
        np->t0 = np_start(x, r0, lo);
        int32_t h = hd_ex_role_holder(x, j, j);
        np->ref = h >= 0 ? h : hd_ex_pend_new(x, j);
        return 1;
    }
    if (tok_has(x, j, LW_SNOUN)) {
        uint32_t s = np_start(x, j, lo);
        while (s > lo && j - s < 5 && tok_word(x, s - 1) && !(x->t[s - 1].flags & TF_INQ) &&
               !relative_that(x, s - 1, lo) &&
               (np_word(x, s - 1) || tok_has(x, s - 1, LW_DEMONYM) ||
                memchr(x->b + x->t[s - 1].s, '-', x->t[s - 1].e - x->t[s - 1].s)))
            s--;
        while (s < j && tok_is(x, s, "of"))
            s++;
        np->t0 = s;
        np->ref = REF_NONE;
        return 1;
    }
    if (cap_tok(x, j) && !tok_has(x, j, LW_FUNC) && !(tok_word(x, j) ? x->t[j].lex >> 24 : 0)) {
        /* "The Leader of the Revolution", "the President of the Republic": a role's
         * complement, not a name; the role speaks */
        uint32_t k = j;
        while (k > lo && j - k < 4 && cap_tok(x, k - 1) && x->tent[k - 1] < 0)
            k--;
        if (role_of_complement(x, k, j, lo, np))
            return 1;
        np->t0 = np_start(x, j, lo);
        np->ref = REF_NONE; /* a name we could not classify: the mention is the speaker */
        return 1;
    }
    /* A share of people ("One in three", "nine in 10", "47 percent" is a noun) */
    if ((x->t[j].flags & TF_DIGIT) || tok_is(x, j, "one") || tok_is(x, j, "two") ||
        tok_is(x, j, "three") || tok_is(x, j, "four") || tok_is(x, j, "five") ||
        tok_is(x, j, "half") || tok_is(x, j, "majority") || tok_is(x, j, "third")) {
        uint32_t s = j;
        while (s > lo && j - s < 6 &&
               (tok_is(x, s - 1, "in") || tok_is(x, s - 1, "of") || tok_is(x, s - 1, "than") ||
                tok_is(x, s - 1, "about") || tok_is(x, s - 1, "nearly") ||
                tok_is(x, s - 1, "more") || tok_is(x, s - 1, "almost") ||
                (x->t[s - 1].flags & TF_DIGIT) || tok_has(x, s - 1, LW_DET)) &&
               tok_word(x, s - 1))
            s--;
        if (s < j && !tok_is(x, s, "in") && !tok_is(x, s, "of")) {
            np->t0 = s;
            np->ref = REF_NONE;
            return 1;
        }
    }
    /* A common noun phrase ("three former employees", "security specialists"): the speaker
     * is unknown but the cue stands. */
    if (common_noun(x, j)) {
        uint32_t s = np_start(x, j, lo);
        /* not past a conjunction's "that" ("given that officers threatened …"), nor past the
         * determiner that opens the phrase, unless "of" stands before it ("a majority of her
         * backers") or it opens a time ("A Mori poll this summer suggested") */
        while (s > lo && j - s < 6 && tok_word(x, s - 1) && !(x->t[s - 1].flags & TF_INQ) &&
               !relative_that(x, s - 1, lo) &&
               !(s < j && tok_in(x, s, opening_det) && !tok_is(x, s - 1, "of") &&
                 !time_noun(x, s + 1)) &&
               (np_word(x, s - 1) || common_noun(x, s - 1) || (x->t[s - 1].flags & TF_DIGIT)))
            s--;
        while (s < j && tok_is(x, s, "of"))
            s++;
        np->t0 = s;
        np->ref = REF_NONE;
        return 1;
    }
    return 0;
}

/* "People briefed on the situation said", "residents of the town said": a common noun ending
 * the phrase is the object of a preposition; the speaker is the person or speaking noun
 * before it. Only a head that names no one is replaced ("officials at the Food and Drug
 * Administration" keep the organisation); a role before it ("a spokeswoman for the
 * authority") already heads the phrase np_start made. */
static void pp_head(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    static const char *const preps[] = {"of", "for", "to", "from", "at", "on", "in", "with", NULL};
    if (np->ref != REF_NONE || pronoun(x, j) || (x->t[j].flags & (TF_CAP | TF_ALLCAPS)) ||
        tok_has(x, j, LW_SNOUN | LW_ROLE))
        return;
    uint32_t best = UINT32_MAX;
    int prep_seen = 0, by_role = 0;
    /* a clause's opener ends the phrase ("… firms if the sale threatened …"); not the
     * subordinators that are also prepositions ("a report published just before the budget") */
    static const char *const opener[] = {"if",     "when",   "whether",  "because", "while",
                                         "unless", "though", "although", NULL};
    for (uint32_t k = j; k > lo && j - k < 10; k--) {
        uint32_t t = k - 1;
        if (!tok_word(x, t) || (x->t[t].flags & TF_INQ) || (x->t[t].lex & LW_VERB) ||
            tok_has(x, t, LW_NOTNOUN) || tok_in(x, t, opener))
            break;
        int is_prep = 0;
        is_prep |= tok_in(x, t, preps);
        if (is_prep) {
            prep_seen = 1;
            continue;
        }
        if (prep_seen && ((tok_has(x, t, LW_SNOUN) && !tok_has(x, t, LW_ROLE) &&
                           !(x->t[t].flags & TF_ALLCAPS)) ||
                          (x->tent[t] >= 0 && x->ent[x->tent[t]].kind == HD_ENT_PERSON))) {
            best = t;
            by_role = 0;
        } else if (prep_seen && tok_has(x, t, LW_ROLE) &&
                   !(x->t[t].flags & (TF_CAP | TF_ALLCAPS))) {
            best = t; /* "The deputy head of China's delegation to the forum said" */
            by_role = 1;
        } else if (prep_seen && best == UINT32_MAX && common_noun(x, t) && tok_is(x, t + 1, "of") &&
                   x->b[x->t[t].stem_e - 1] == 's') {
            best = t; /* "several makers of DAB chips for mobiles said": the makers */
            by_role = 1;
        }
    }
    if (best == UINT32_MAX)
        return;
    if (by_role) {
        /* the whole phrase describes the speaker ("deputy head of China's delegation to the
         * forum", "spokeswoman for the authority"): no guess at who holds the role */
        uint32_t s0 = np_start(x, best, lo);
        if (s0 < np->t0)
            np->t0 = s0;
        np->ref = REF_NONE;
        return;
    }
    xnp h;
    if (!np_core(x, best, lo, &h))
        return;
    h.t1 = np->t1;
    if (np->t0 < h.t0)
        h.t0 = np->t0;
    *np = h;
}

/* How many tokens a time expression ending at token j has ("on Tuesday", "last week", "this
 * month", "Monday", "in the past"), or a channel ("in a statement"), 0 when there is none:
 * words that stand between a subject and its verb. */
static uint32_t time_before(const xctx *x, uint32_t j, uint32_t lo)
{
    uint32_t s = j;
    if (x->tent[j] >= 0)
        return 0; /* part of a name: "Theresa May said" */
    /* "have in the past said", "in recent weeks", and the channel: "The company in a
     * statement said", "in a written statement" */
    if (j >= lo + 2 && (tok_is(x, j, "past") || tok_is(x, j, "meantime")) &&
        tok_is(x, j - 1, "the") && tok_is(x, j - 2, "in"))
        return 3;
    if (j >= lo + 2 &&
        (tok_is(x, j, "days") || tok_is(x, j, "weeks") || tok_is(x, j, "months") ||
         tok_is(x, j, "years")) &&
        tok_is(x, j - 1, "recent") && tok_is(x, j - 2, "in"))
        return 3;
    if (j >= lo + 2 && (tok_is(x, j, "statement") || tok_is(x, j, "interview") ||
                        tok_is(x, j, "tweet") || tok_is(x, j, "letter") || tok_is(x, j, "email") ||
                        tok_is(x, j, "speech") || tok_is(x, j, "memo") || tok_is(x, j, "post"))) {
        uint32_t d = j - 1;
        if (d > lo + 1 && !tok_has(x, d, LW_DET) && tok_word(x, d) &&
            !(x->t[d].flags & (TF_CAP | TF_ALLCAPS)))
            d--; /* one adjective: "a written statement" */
        if (d > lo && tok_has(x, d, LW_DET) && tok_is(x, d - 1, "in"))
            return j - d + 2;
    }
    /* "on Thursday evening", "Monday night" */
    if (j > lo &&
        (tok_is(x, j, "morning") || tok_is(x, j, "afternoon") || tok_is(x, j, "evening") ||
         tok_is(x, j, "night")) &&
        tok_has(x, j - 1, LW_TIME) && x->tent[j - 1] < 0 && !(x->t[j - 1].flags & TF_ALLCAPS)) {
        s = j - 1;
    } else if (tok_has(x, j, LW_TIME) && !(x->t[j].flags & TF_ALLCAPS)) {
        s = j;
    } else if (j > lo &&
               (tok_is(x, j, "week") || tok_is(x, j, "month") || tok_is(x, j, "year") ||
                tok_is(x, j, "weekend")) &&
               (tok_is(x, j - 1, "last") || tok_is(x, j - 1, "this") || tok_is(x, j - 1, "next") ||
                tok_is(x, j - 1, "earlier"))) {
        s = j - 1;
    } else {
        return 0;
    }
    if (s > lo && (tok_is(x, s - 1, "on") || tok_is(x, s - 1, "late") ||
                   tok_is(x, s - 1, "early") || tok_is(x, s - 1, "last")))
        s--;
    return j - s + 1;
}

/* The subject's first token when a sentence opens on a participle's clause ("Walking to the
 * next address, Ebeling …", "Hastily politicizing the tragedy — as he did — Trump …") or a
 * dateline ("Washington (AFP) – Hillary Clinton …"): the token after it; else s. */
static uint32_t skip_opening_clause(const xctx *x, uint32_t s, uint32_t verb)
{
    uint32_t g = s;
    if (g + 2 < verb && tok_word(x, g) && x->t[g].e - x->t[g].s > 4 &&
        !memcmp(x->b + x->t[g].e - 2, "ly", 2) && x->tent[g] < 0)
        g++; /* "Hastily" */
    const xtok *t = &x->t[g];
    if (g + 2 < verb && tok_word(x, g) && t->e - t->s > 5 && !memcmp(x->b + t->e - 3, "ing", 3) &&
        x->tent[g] < 0 && !(x->t[g].flags & TF_INQ) &&
        (!(x->t[g + 1].flags & (TF_CAP | TF_ALLCAPS)) || tok_has(x, g + 1, LW_TIME))) {
        for (uint32_t k = g + 1; k < verb && k < g + 30; k++) {
            if (x->t[k].flags & TF_INQ)
                continue;
            /* "Listing his ventures she added, …": a subject and verb inside — no clause */
            if (hd_ex_stop_tok(x, k) || pronoun(x, k) || (x->t[k].lex & LW_VERB))
                break;
            if (tok_punct(x, k, ',') ||
                (tok_punct(x, k, '-') && x->t[k].e - x->t[k].s > 1 && k > g + 3)) {
                /* a dash may open an aside inside the clause: the clause ends at the next one */
                if (tok_punct(x, k, '-')) {
                    uint32_t m = k + 1;
                    while (m < verb && m < k + 25 && !tok_punct(x, m, '-'))
                        m++;
                    if (m < verb && tok_punct(x, m, '-'))
                        return m + 1 < verb ? m + 1 : s;
                }
                return k + 1 < verb ? k + 1 : s;
            }
        }
        return s;
    }
    /* dateline: "Washington (AFP) –" */
    uint32_t k = s;
    while (k < verb && k < s + 3 && tok_word(x, k) && (x->t[k].flags & (TF_CAP | TF_ALLCAPS)))
        k++;
    if (k > s && k + 3 < verb && tok_punct(x, k, '(') && tok_word(x, k + 1) &&
        (x->t[k + 1].flags & (TF_CAP | TF_ALLCAPS)) && tok_punct(x, k + 2, ')') &&
        (tok_punct(x, k + 3, '-') || tok_punct(x, k + 3, ':')))
        return k + 4;
    return s;
}

/* "A person familiar with the planning for Thursday's meeting says": a speaker noun followed
 * by familiar with / close to / briefed on … up to the verb; the noun phrase is the speaker
 * ("A source close to Mr. Smith" is a source, not Mr. Smith). */
static int familiar_np(xctx *x, uint32_t verb, uint32_t lo, xnp *np)
{
    for (uint32_t k = verb - 1; k > lo && k + 14 > verb; k--) {
        if (!tok_word(x, k) && !tok_punct(x, k, '-'))
            return 0;
        if (!(tok_is(x, k, "familiar") || tok_is(x, k, "close") || tok_is(x, k, "briefed") ||
              tok_is(x, k, "knowledgeable")) ||
            !tok_has(x, k - 1, LW_SNOUN | LW_ROLE))
            continue;
        if (!np_core(x, k - 1, lo, np))
            return 0;
        np->ref = REF_NONE;
        /* the noun is the speaker, not a name in what follows it */
        return 1;
    }
    return 0;
}

/* "Scientists at the space center in Greenbelt, Maryland, confirmed", "Police in Ferguson
 * said": a place after "in", "near" or "outside" locates the subject, which stands before the
 * preposition. */
static void place_modifier(xctx *x, uint32_t lo, xnp *np)
{
    if (np->ref < 0 || x->ent[np->ref].kind != HD_ENT_PLACE || np->t0 < lo + 2)
        return;
    uint32_t p = np->t0 - 1;
    if (!tok_is(x, p, "in") && !tok_is(x, p, "near") && !tok_is(x, p, "outside"))
        return;
    xnp h;
    if (!np_core(x, p - 1, lo, &h) || h.ref == np->ref)
        return;
    pp_head(x, p - 1, lo, &h);
    h.t1 = np->t1; /* the mention as written runs to the place ("a woman in Worcester") */
    *np = h;
}

/* A state's abbreviation after a town ("Portsmouth, N.H.,", "Fresno, Calif.,"): capitalised,
 * ending in its period, at most five letters. */
static int place_abbrev(const xctx *x, uint32_t k)
{
    if (!tok_word(x, k) || !(x->t[k].flags & (TF_CAP | TF_ALLCAPS)) || k == 0 ||
        !tok_punct(x, k - 1, ','))
        return 0;
    const char *w = x->b + x->t[k].s;
    size_t n = x->t[k].e - x->t[k].s, letters = 0;
    if (n < 2 || w[n - 1] != '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '-')
            return 0; /* "D-Ill.": a lawmaker's party and state */
        letters += (w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z';
    }
    return letters <= 5;
}

/* "James Fry, vice-president of General Motors told", "Ramon Diaz, Chairman of the
 * Presidential Commission on Good Government (PCGG) told": an appositive whose closing comma
 * is missing. The organisation ending at token j is the role's complement; the person named
 * before the role speaks. */
static int unclosed_appositive(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    int32_t e = np->ref;
    uint32_t k = j;
    if (e == REF_NONE && cap_tok(x, j)) {
        /* a name not classified: "Chapter & Verse" */
        while (k > lo && (cap_tok(x, k - 1) || (k - 1 > lo && x->t[k - 1].kind == TK_PUNCT &&
                                                x->b[x->t[k - 1].s] == '&')))
            k--;
    } else if (e < 0 || x->ent[e].kind == HD_ENT_PERSON) {
        return 0;
    }
    while (k > lo && e >= 0 && x->tent[k - 1] == e)
        k--;
    while (k > lo && determiner(x, k - 1))
        k--;
    if (k < lo + 4 ||
        !(tok_is(x, k - 1, "of") || tok_is(x, k - 1, "for") || tok_is(x, k - 1, "at")))
        return 0;
    uint32_t r = hd_ex_role_ending_at(x, k - 2, lo);
    if (r == UINT32_MAX)
        return 0;
    while (r > lo && determiner(x, r - 1))
        r--;
    if (r < lo + 2 || !tok_punct(x, r - 1, ','))
        return 0;
    int32_t pe = x->tent[r - 2];
    xnp named;
    if (pe < 0 || x->ent[pe].kind != HD_ENT_PERSON || !np_core(x, r - 2, lo, &named))
        return 0;
    /* the person opens the clause ("…, he said, and Ramon Diaz, chairman of …"; after a
     * quote); not the end of what is said ("… tests to the Red Cross, a spokeswoman for
     * Abbott said") */
    uint32_t t0 = named.t0;
    if (!(t0 == lo || (x->t[t0].flags & TF_SSTART) || x->t[t0 - 1].kind == TK_QCLOSE ||
          (t0 >= 2 && tok_punct(x, t0 - 1, ',') && x->t[t0 - 2].kind == TK_QCLOSE)))
        return 0;
    *np = named;
    return 1;
}

int hd_ex_np_left(xctx *x, uint32_t verb, uint32_t lo, xnp *np)
{
    memset(np, 0, sizeof *np);
    if (verb == 0 || verb <= lo)
        return 0;
    uint32_t j = verb - 1;
    /* "Kasich offered the man a job, then says …": the sentence's subject */
    if (j > lo && tok_is(x, j, "then") && tok_punct(x, j - 1, ','))
        return hd_ex_np_sentence_subject(x, j, j, np);
    for (;;) {
        if (j < lo)
            return 0;
        if (adverbish(x, j)) {
            if (j == 0)
                return 0;
            j--;
            continue;
        }
        /* "Ruth Marcus on Tuesday said", "Feinstein last week said": a time between the
         * subject and its verb */
        uint32_t tn = time_before(x, j, lo);
        if (tn) {
            if (j < lo + tn)
                return 0;
            j -= tn;
            /* "A news report published Wednesday said", "a study released on Monday said":
             * the participle that dates the subject */
            size_t wl = j >= lo && tok_word(x, j) ? x->t[j].e - x->t[j].s : 0;
            /* (not a clause's verb: "analysts polled before Tokyo's market opened on
             * Tuesday said") */
            int in_clause = 0;
            for (uint32_t q = j; q-- > lo && j - q <= 4 && !in_clause;)
                in_clause = tok_in(x, q, subordinators);
            if (wl > 4 && j > lo && !in_clause && !(x->t[j].flags & (TF_CAP | TF_INQ)) &&
                x->b[x->t[j].e - 2] == 'e' && x->b[x->t[j].e - 1] == 'd' &&
                (common_noun(x, j - 1) || tok_has(x, j - 1, LW_SNOUN)))
                j--;
            continue;
        }
        if (tok_punct(x, j, ')')) {
            uint32_t k = j;
            while (k > lo && !tok_punct(x, k, '(') && j - k < 30)
                k--;
            if (!tok_punct(x, k, '(') || k == 0)
                return 0;
            j = k - 1;
            continue;
        }
        break;
    }
    /* "Mr. Manafort, citing ''the unique magic of Trump,'' said": a participle set off after
     * the subject quotes someone; the subject is before it */
    if (x->t[j].kind == TK_QCLOSE && j > lo + 4) {
        for (uint32_t k = 0; k < x->nq; k++) {
            const xquote *q = &x->q[k];
            if (q->close != j || q->open < lo + 3)
                continue;
            uint32_t w = q->open - 1;
            const xtok *t = &x->t[w];
            if (tok_word(x, w) && !(t->flags & (TF_CAP | TF_INQ)) && t->e - t->s > 5 &&
                !memcmp(x->b + t->e - 3, "ing", 3) && tok_punct(x, w - 1, ',') &&
                np_core(x, w - 2, lo, np))
                return 1;
            break;
        }
    }
    /* "Joyce — who is listed as an attorney in Illinois — told": a dash appositive */
    if (tok_punct(x, j, '-') && x->t[j].e - x->t[j].s > 1) {
        uint32_t p = j;
        while (p > lo && j - p < 30) {
            p--;
            if (x->t[p].flags & TF_INQ || x->t[p].kind == TK_PARA || hd_ex_stop_tok(x, p))
                return 0;
            if (tok_punct(x, p, '-') && x->t[p].e - x->t[p].s > 1)
                break;
        }
        if (!tok_punct(x, p, '-') || p == j || p <= lo)
            return 0;
        return np_core(x, p - 1, lo, np);
    }
    if (tok_punct(x, j, ',')) {
        /* "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said": a
         * relative clause may hold commas of its own; its subject is before ", who" */
        for (uint32_t w = j; w > lo + 2 && j - w < 32; w--) {
            if (x->t[w - 1].flags & TF_INQ || x->t[w - 1].kind == TK_PARA ||
                hd_ex_stop_tok(x, w - 1))
                break;
            if ((tok_is(x, w - 1, "who") || tok_is(x, w - 1, "whose")) &&
                tok_punct(x, w - 2, ',') && w - 1 > lo + 1) {
                /* past an adverb set off by commas: "Sanders, meanwhile, who sits at zero
                 * such endorsements, said" */
                uint32_t q = w - 3;
                if (q >= lo + 2 && tok_has(x, q, LW_ADV) && !(x->t[q].flags & TF_CAP) &&
                    tok_punct(x, q - 1, ','))
                    q -= 2;
                int32_t ew = x->tent[q];
                /* the head of the phrase before it ("A close aide to Nakasone, who asked not
                 * to be identified, said": the aide), a person or a noun that speaks */
                if (ew >= 0 && x->ent[ew].kind == HD_ENT_PERSON) {
                    uint32_t f = q;
                    while (f > lo && x->tent[f - 1] == ew)
                        f--;
                    if (f >= lo + 2 &&
                        (tok_is(x, f - 1, "to") || tok_is(x, f - 1, "of") ||
                         tok_is(x, f - 1, "for")) &&
                        tok_has(x, f - 2, LW_SNOUN | LW_ROLE) &&
                        !(x->t[f - 2].flags & (TF_CAP | TF_ALLCAPS)))
                        return np_core(x, f - 2, lo, np);
                    return np_core(x, q, lo, np);
                }
                xnp h;
                if (ew < 0 && np_core(x, q, lo, &h) &&
                    !(h.t0 > lo && tok_punct(x, h.t0 - 1, ',')) && h.t1 > h.t0 &&
                    tok_has(x, h.t1 - 1, LW_SNOUN | LW_ROLE)) {
                    *np = h;
                    return 1;
                }
                break;
            }
        }
        /* "Trump, speaking at a rally in Wilmington, N.C., warned", "Clinton, during a town
         * hall in Columbus, Ohio, said": a phrase set off after the subject may hold commas
         * (and places) of its own; the subject is the person before it */
        int clause = 0;
        for (uint32_t w = j; w > lo + 1 && j - w < 32; w--) {
            if (x->t[w - 1].flags & TF_INQ || x->t[w - 1].kind == TK_PARA ||
                hd_ex_stop_tok(x, w - 1))
                break;
            clause |= tok_is(x, w - 1, "not") || (tok_word(x, w - 1) && (x->t[w - 1].lex >> 24));
            if (!tok_punct(x, w - 1, ',') || w >= j || !set_off_opener(x, w))
                continue;
            xnp subj;
            /* "Other prominent Republicans, like Richard Armitage and Henry Paulson, have said":
             * examples of a group; the group speaks; not when a verb follows the examples
             * ("…, such as Indonesia or the Maldives, do not usually buy insurance …, said a
             * US-based insurance expert": what the expert said) */
            int example = tok_is(x, w, "like") || tok_is(x, w, "including") ||
                          (tok_is(x, w, "such") && tok_is(x, w + 1, "as"));
            if (example && clause)
                break;
            /* after a role ("Anne Richards, assistant secretary of state for …,"), only a
             * person named */
            int role = tok_has(x, w, LW_ROLE | LW_MOD);
            if (np_core(x, w - 2, lo, &subj) &&
                (example || (REF_IS_PEND(subj.ref) && !role) ||
                 (subj.ref >= 0 && x->ent[subj.ref].kind == HD_ENT_PERSON))) {
                *np = subj;
                return 1;
            }
        }
        /* appositive: find the comma before it */
        uint32_t p = j;
        while (p > lo && j - p < 32) {
            p--;
            if (x->t[p].flags & TF_INQ || x->t[p].kind == TK_PARA || x->t[p].kind == TK_QCLOSE)
                return 0;
            if (tok_punct(x, p, ','))
                break;
        }
        if (!tok_punct(x, p, ',') || p + 1 >= j)
            return 0;
        /* "Cory James, 22, of Flint, Mich., said": a state's abbreviation after its town is
         * part of the appositive before it */
        if ((p + 2 == j && place_abbrev(x, p + 1)) ||
            (p + 3 == j && tok_punct(x, p + 2, '.') && x->t[p + 2].s == x->t[p + 1].e &&
             tok_word(x, p + 1) && (x->t[p + 1].flags & TF_CAP) &&
             x->t[p + 1].e - x->t[p + 1].s <= 5 &&
             !memchr(x->b + x->t[p + 1].s, '-', x->t[p + 1].e - x->t[p + 1].s))) {
            uint32_t q = p;
            while (q > lo && p - q < 8 && !tok_punct(x, q - 1, ','))
                q--;
            /* "…, 22, of Flint, Mich.," or a town alone, "Champion International Corp,
             * Stamford, Conn., said" (not "Another superdelegate, Michael Brown of Washington,
             * D.C., explained") */
            int town = p - q <= 3;
            for (uint32_t t = q; t < p && town; t++)
                town = tok_word(x, t) && (x->t[t].flags & TF_CAP);
            if (q > lo + 1 && tok_punct(x, q - 1, ',') &&
                (town || tok_is(x, q, "of") || tok_is(x, q, "from") || tok_is(x, q, "in") ||
                 tok_is(x, q, "based")))
                p = q - 1;
        }
        /* an appositive has no verb of its own unless a relative pronoun opens a clause in it
         * ("X, who was there, said", "X, a doctor where they were treated, wrote"): in "At
         * the time, there were 30 vacancies, said Y" the
         * words between the commas are what Y said */
        {
            int rel = 0;
            for (uint32_t k = p + 1; k < j; k++) {
                if (tok_is(x, k, "who") || tok_is(x, k, "which") || tok_is(x, k, "whose") ||
                    tok_is(x, k, "that") || tok_is(x, k, "whom") || tok_is(x, k, "where") ||
                    tok_is(x, k, "when")) {
                    /* a long description may run on ("Trump, the 2016 GOP presidential
                     * frontrunner nationally and current polling leader in South Carolina by
                     * a wide margin after winning …, said"), and a person's long "who" clause
                     * ("James A. Lewis, a … who …, said"), not a long clause about a thing:
                     * "… Iranian security forces, which have used excessive and lethal force
                     * to crush … on 15 November, said Amnesty International" */
                    if (j - p > 20 && !tok_is(x, k, "who") && !tok_is(x, k, "whom") &&
                        !tok_is(x, k, "whose"))
                        return 0;
                    rel = 1;
                }
                /* "…, do not usually buy insurance …, said X"; not "asking not to be named" */
                if (!rel && (tok_in(x, k, aux_words) ||
                             (tok_is(x, k, "not") && k > p + 1 && tok_is(x, k - 1, "do"))))
                    return 0;
            }
        }
        int32_t e = x->tent[j - 1];
        /* "Sen. Johnny Isakson (R-Ga.), one of the few co-authors, said": the name is before
         * the parenthesis */
        if (p > lo + 2 && tok_punct(x, p - 1, ')')) {
            uint32_t q = p - 1;
            while (q > lo && !tok_punct(x, q, '(') && p - q < 12)
                q--;
            if (tok_punct(x, q, '(') && q > lo) {
                int32_t eq = x->tent[q - 1];
                if (eq >= 0 && x->ent[eq].kind == HD_ENT_PERSON)
                    return np_core(x, q - 1, lo, np);
            }
        }
        /* "the spokesman, John Smith, said", "the star witness, former finance chief Scott
         * Sullivan, said": the person between the commas; but words opening on "a"/"the"
         * ("Philippe Sands QC, a member of Matrix Chambers, says"), or following a person's
         * name ("Maria Capella, spokeswoman for net provider Pipex, said"), describe the one
         * named before them */
        int32_t eb = p > lo ? x->tent[p - 1] : -1;
        if (e >= 0 && x->ent[e].kind == HD_ENT_PERSON && !determiner(x, p + 1) &&
            !(eb >= 0 && x->ent[eb].kind == HD_ENT_PERSON))
            return np_core(x, j - 1, p + 1, np);
        /* "The group that owns most of her music, Big Machine, says": an organisation's bare
         * name set off after the subject's description, which names no one and opens on a
         * determiner ("The mine's owner, Noranda Inc., said") */
        if (e >= 0 && x->ent[e].kind == HD_ENT_ORG && eb < 0 && p > lo + 1 && determiner(x, lo) &&
            (x->t[lo].flags & TF_SSTART)) {
            uint32_t k = p + 1;
            while (k < j && x->tent[k] == e)
                k++;
            /* the description is one phrase: no comma of its own, no verb outside a relative
             * clause ("Sharjah has rejected the overthrow, the news agency, WAM, reported" is
             * what WAM reported) */
            int plain = 1, rel = 0;
            for (uint32_t q = lo; q < p && plain; q++) {
                rel |= tok_is(x, q, "that") || tok_is(x, q, "which") || tok_is(x, q, "who");
                plain = !tok_punct(x, q, ',') && !(x->t[q].flags & TF_INQ) &&
                        (rel || !(tok_in(x, q, aux_words) || (x->t[q].lex >> 24) != 0));
            }
            if (plain && k == j && x->tent[p + 1] == e && np_core(x, j - 1, p + 1, np)) {
                np->t0 = lo; /* the whole subject, description and name, is the speaker's */
                return 1;
            }
        }
        /* "Brenda Johnson, 62, of Ohio, said": an age before the appositive */
        if (p > lo + 2 && (x->t[p - 1].flags & TF_DIGIT) && tok_punct(x, p - 2, ','))
            p -= 2;
        /* "X, the spokesman, said", "X, 69, told", "X, wearing a hat, said"; "Jeff Sanborn,
         * president of Chapter & Verse, a Spokane agency, said" */
        if (p > lo && np_core(x, p - 1, lo, np)) {
            if (unclosed_appositive(x, p - 1, lo, np))
                return 1;
            place_modifier(x, lo, np);
            return np->t0 == lo || np_plain(x, np->t0 - 1);
        }
        return 0;
    }
    if ((tok_is(x, j, "who") || tok_is(x, j, "which")) && (x->t[j].lex & LW_NOTNOUN)) {
        uint32_t k = j;
        if (k > lo && tok_punct(x, k - 1, ','))
            k--;
        if (k == 0 || k - 1 < lo)
            return 0;
        k--;
        /* "General Wesley Clark in 2003, who said" */
        if (x->t[k].flags & TF_DIGIT && k >= lo + 2)
            k -= 2;
        return np_core(x, k, lo, np);
    }
    if (tok_is(x, j, "and") || tok_is(x, j, "but")) {
        /* "The crowd cheered when Trump spotted a sign … and asked it to be fetched": the
         * subject of a subordinate clause the "and" goes on in */
        for (uint32_t w = j; w-- > lo && j - w < 20;) {
            if (tok_punct(x, w, ',') || hd_ex_stop_tok(x, w) || (x->t[w].flags & TF_INQ))
                break;
            /* (or of a "that" clause: "a screen image … showed that Schilling had shared it
             * and added his own comment") */
            if (tok_in(x, w, subordinators) || tok_is(x, w, "that")) {
                xnp cl;
                /* a clause: its subject is followed by a verb ("when Trump spotted"), not a
                 * preposition ("went after Hillary Clinton for following …") */
                if (!hd_ex_np_right(x, w + 1, j, &cl) || cl.t1 >= j)
                    break;
                const xtok *v = &x->t[cl.t1];
                int verb_next =
                    tok_word(x, cl.t1) && !(v->flags & (TF_CAP | TF_INQ)) &&
                    ((v->e - v->s > 3 && x->b[v->e - 2] == 'e' && x->b[v->e - 1] == 'd') ||
                     tok_in(x, cl.t1, aux_words) || (v->lex >> 24) != 0);
                /* only a person named there, where the main clause's subject is no one
                 * ("McConnell was quick to embrace the mogul after he clinched the nomination
                 * and said …": McConnell said it) */
                xnp main;
                if (verb_next && (REF_IS_PEND(cl.ref) ||
                                  (cl.ref >= 0 && x->ent[cl.ref].kind == HD_ENT_PERSON))) {
                    int main_person = 0;
                    if (hd_ex_np_sentence_subject(x, j, j, &main)) {
                        if (REF_IS_PEND(main.ref))
                            main_person = 1;
                        else if (main.ref >= 0)
                            main_person = x->ent[main.ref].kind == HD_ENT_PERSON;
                        else
                            main_person = pronoun(x, main.t0);
                    }
                    if (!main_person) {
                        *np = cl;
                        return 1;
                    }
                }
                break;
            }
        }
        return j > lo && hd_ex_np_sentence_subject(x, j, j, np);
    }
    xnp fam;
    if (!np_core(x, j, lo, np))
        return familiar_np(x, verb, lo, np);
    pp_head(x, j, lo, np);
    place_modifier(x, lo, np);
    if (unclosed_appositive(x, j, lo, np))
        return 1;
    /* "A source close to Mr. Smith said": the noun phrase found ("Mr. Smith", "the talks")
     * lies after the speaker noun's "close to" */
    if (familiar_np(x, verb, lo, &fam) && fam.t1 <= np->t0)
        *np = fam;
    return 1;
}

int hd_ex_np_right(xctx *x, uint32_t i, uint32_t hi, xnp *np)
{
    memset(np, 0, sizeof *np);
    if (i >= hi || !tok_word(x, i))
        return 0;
    if (pronoun(x, i)) {
        np->t0 = i;
        np->t1 = i + 1;
        np->ref = REF_NONE;
        return 1;
    }
    uint32_t j = i;
    while (j < hi && j - i < 12 &&
           (np_word(x, j) || tok_has(x, j, LW_SNOUN) || tok_has(x, j, LW_DEMONYM) ||
            (tok_word(x, j) && !(x->t[j].flags & TF_CAP) && j + 1 < hi &&
             (tok_has(x, j + 1, LW_ROLE) || tok_has(x, j + 1, LW_SNOUN)))))
        j++;
    while (j > i && (tok_is(x, j - 1, "of") || determiner(x, j - 1)))
        j--;
    if (j == i)
        return 0;
    np->t0 = i;
    np->t1 = j;
    /* head: the last entity, else the last role, else a noun */
    if (x->tent[j - 1] < 0 && tok_has(x, j - 1, LW_SNOUN)) {
        np->ref = REF_NONE;
        return 1;
    }
    /* "the British producer", "the Old Trafford boss": a role ending the phrase is its head;
     * a place or a club before it says whose */
    int role_head = x->tent[j - 1] < 0 && tok_has(x, j - 1, LW_ROLE);
    for (uint32_t k = j; k > i && !role_head; k--) {
        if (x->tent[k - 1] >= 0) {
            np->ref = person_of(x, k - 1, i, x->tent[k - 1]);
            return 1;
        }
    }
    for (uint32_t k = j; k > i; k--) {
        if (tok_has(x, k - 1, LW_ROLE)) {
            int32_t h = hd_ex_role_holder(x, k - 1, k - 1);
            np->ref = h >= 0 ? h : hd_ex_pend_new(x, k - 1);
            return 1;
        }
    }
    np->ref = REF_NONE;
    return 1;
}

/* A lower-case word that reads as a verb in the past ("gave", "went", "disclosed"): the
 * subject's noun phrase ends before it ("The bank gave no details but said …"). */
static int pastlike(const xctx *x, uint32_t k)
{
    static const char *const irregular[] = {
        "gave",  "went", "came", "took",   "made",    "led",     "began", "drew",
        "got",   "held", "won",  "lost",   "sold",    "bought",  "paid",  "ran",
        "saw",   "met",  "left", "kept",   "brought", "thought", "found", "became",
        "rose",  "fell", "sent", "spent",  "built",   "wrote",   "spoke", "chose",
        "broke", "grew", "knew", "sought", NULL};
    if (!tok_word(x, k) || (x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)))
        return 0;
    if (tok_in(x, k, irregular))
        return 1;
    const char *p = x->b + x->t[k].s;
    size_t n = x->t[k].stem_e - x->t[k].s;
    return n >= 4 && p[n - 2] == 'e' && p[n - 1] == 'd' && p[n - 3] != 'e';
}

int hd_ex_np_sentence_subject(xctx *x, uint32_t i, uint32_t verb, xnp *np)
{
    uint32_t s = i;
    while (s > 0 && x->t[s - 1].sent == x->t[i].sent && x->t[s - 1].kind != TK_PARA)
        s--;
    /* skip a leading adverbial ("However,", "On Monday,", "Minutes later,") */
    static const char *const spans[] = {"seconds", "moments", "minutes", "hours", "days",
                                        "weeks",   "months",  "years",   NULL};
    if ((tok_has(x, s, LW_FUNC) ||
         (tok_in(x, s, spans) && (tok_is(x, s + 1, "later") || tok_is(x, s + 1, "earlier"))) ||
         tok_is(x, s, "alongside") || tok_is(x, s, "amid") || tok_is(x, s, "despite") ||
         tok_is(x, s, "following") || tok_is(x, s, "beyond")) &&
        !pronoun(x, s) && !determiner(x, s)) {
        for (uint32_t k = s; k < verb && k < s + 12; k++)
            if (tok_punct(x, k, ',')) {
                s = k + 1;
                break;
            }
        /* "In a wide-ranging, in-prison interview with …, Lazar said": the adverbial goes
         * on after a comma inside it (a lower-case word follows) to its own comma */
        if (s < verb && tok_word(x, s) && !(x->t[s].flags & TF_CAP) && !pronoun(x, s) &&
            !determiner(x, s) && !(x->t[s].lex >> 24))
            for (uint32_t k = s; k < verb && k < s + 14; k++) {
                if (x->t[k].lex >> 24 || tok_has(x, k, LW_NOTNOUN) ||
                    !(tok_word(x, k) || tok_punct(x, k, ',')))
                    break;
                if (tok_punct(x, k, ',')) {
                    s = k + 1;
                    break;
                }
            }
        /* "At an event in St. Clairsville, Ohio, Brenda Johnson …", "in Ames, Iowa, on
         * Sunday, Mrs. Clinton …": a state and a time after the first comma belong to it */
        for (int seg = 0; seg < 2; seg++) {
            uint32_t k = s;
            while (k < verb && k < s + 4 &&
                   ((x->tent[k] >= 0 && x->ent[x->tent[k]].kind == HD_ENT_PLACE) ||
                    place_abbrev(x, k)))
                k++;
            if (k == s && k + 1 < verb && (tok_is(x, k, "on") || tok_is(x, k, "in")) &&
                tok_has(x, k + 1, LW_TIME))
                k += 2;
            if (k > s && k < verb && tok_punct(x, k, ','))
                s = k + 1;
            else
                break;
        }
    }
    /* "But the U.S. Court of Appeals … overruled and said": a conjunction opening the
     * sentence */
    if (s + 2 < verb && (tok_is(x, s, "but") || tok_is(x, s, "and") || tok_is(x, s, "yet")) &&
        (x->t[s].flags & TF_CAP))
        s++;
    s = skip_opening_clause(x, s, verb);
    /* "…, even a top GOP strategist said" */
    for (int k = 0; k < 2 && s + 1 < verb && tok_word(x, s) && tok_has(x, s, LW_ADV) &&
                    !tok_has(x, s, LW_NOTNOUN | LW_PRON) && !(x->t[s].flags & TF_CAP);
         k++)
        s++;
    uint32_t role = UINT32_MAX, first = UINT32_MAX;
    int skipped = 0;
    for (uint32_t k = s; k < verb && k < s + 10; k++) {
        if (x->t[k].flags & TF_INQ || x->t[k].kind != TK_WORD)
            break;
        if (pronoun(x, k)) {
            if (role == UINT32_MAX && first == UINT32_MAX)
                return np_core(x, k, s, np);
            break;
        }
        int32_t e = x->tent[k];
        if (e >= 0 && x->ent[e].kind == HD_ENT_PERSON) {
            uint32_t end = k;
            while (end + 1 < verb && x->tent[end + 1] == e)
                end++;
            return np_core(x, end, s, np);
        }
        if (tok_has(x, k, LW_ROLE)) {
            role = k;
            continue;
        }
        if (first == UINT32_MAX && (cap_tok(x, k) || common_noun(x, k)) && !determiner(x, k))
            first = k;
        if (determiner(x, k) || (x->t[k].flags & TF_POSS) || tok_has(x, k, LW_MOD) ||
            cap_tok(x, k) || tok_has(x, k, LW_DEMONYM))
            continue;
        /* one lowercase noun may stand between modifiers and a name ("delegate John") */
        if (!skipped && cap_tok(x, k + 1)) {
            skipped = 1;
            continue;
        }
        break;
    }
    if (role != UINT32_MAX)
        return np_core(x, role, s, np);
    if (first != UINT32_MAX) {
        uint32_t e = first;
        while (e + 1 < verb &&
               (cap_tok(x, e + 1) || (common_noun(x, e + 1) && !pastlike(x, e + 1))))
            e++;
        return np_core(x, e, s, np);
    }
    return 0;
}

int32_t hd_ex_ref_entity(const xctx *x, int32_t ref)
{
    if (ref >= 0)
        return ref;
    if (REF_IS_PEND(ref))
        return x->pend[REF_PEND_IDX(ref)].ent;
    return -1;
}

static void note_person(xctx *x, int32_t ref)
{
    x->last_ref = ref;
    int k = 0;
    while (k < 3 && x->recent[k] != ref)
        k++;
    for (; k > 0; k--)
        x->recent[k] = x->recent[k - 1];
    x->recent[0] = ref;
}

void hd_ex_ref_note(xctx *x, int32_t ref)
{
    if (ref >= 0) {
        if (x->ent[ref].kind == HD_ENT_PERSON)
            note_person(x, ref);
        else if (x->ent[ref].kind == HD_ENT_ORG)
            x->last_org_ref = ref;
    } else if (REF_IS_PEND(ref)) {
        note_person(x, ref);
    }
}

int hd_ex_gender_ok(const xctx *x, int32_t ref, char gender)
{
    int32_t e = hd_ex_ref_entity(x, ref);
    return !gender || e < 0 || !x->ent[e].gender || x->ent[e].gender == gender;
}

int32_t hd_ex_recent_person(const xctx *x, char gender)
{
    for (int k = 0; k < 4; k++)
        if (x->recent[k] != REF_NONE && hd_ex_gender_ok(x, x->recent[k], gender))
            return x->recent[k];
    return REF_NONE;
}
