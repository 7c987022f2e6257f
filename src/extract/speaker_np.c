/* SPDX-License-Identifier: MIT
 *
 * speaker_np.c — the noun phrase around its head word, and who it refers to.
 *
 *   head token j -> xnp { tokens [t0, t1), referent }
 *
 * The head decides the referent: a named entity (or the person "of" an organisation, "Robert
 * Dole of Kansas"); a role ("the Leader") bound to the person holding it, or left pending until
 * the article names someone for it; a pronoun (resolved later, in text order, by
 * statement.c); or a common noun ("officials") with no known speaker. The phrase is then
 * extended leftwards over its modifiers. Called by the other speaker files; quote.c and
 * reported.c call hd_ex_np_right, statement.c hd_ex_honorific.
 */
#include <string.h>

#include "extract/speaker_int.h"

/* Determiners that open a noun phrase: nothing before them is the phrase's ("week the central
 * bank said"); numbers are not among them ("the number three automaker"). */
static const char *const opening_det[] = {"the", "a",   "an",    "this", "these", "those", "his",
                                          "her", "its", "their", "our",  "my",    "your",  NULL};

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

/* A lowercase word that can head a noun phrase: not a function word, verb form or adverb. */
int hd_ex_common_noun(const xctx *x, uint32_t i)
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

/* "registered voters", "retired general", "the leading candidate": an -ed or -ing word right
 * before a noun, inside a noun phrase (not a verb: the token after it must be a noun or a name,
 * not a function word). */
static int participle_adj(const xctx *x, uint32_t i, uint32_t next)
{
    if (!tok_word(x, i) || (x->t[i].flags & (TF_CAP | TF_INQ)) || (x->t[i].lex >> 24))
        return 0;
    size_t n = x->t[i].e - x->t[i].s;
    const char *w = x->b + x->t[i].s;
    if (tok_has(x, next, LW_FUNC | LW_VERB))
        return 0;
    /* (not the verb of a subject before it: "President Obama passionately rebuked critics
     * who say", "Trump attacked critics") */
    if (n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd')
        return !(i > 0 && tok_word(x, i - 1) &&
                 ((x->tent[i - 1] >= 0 && x->ent[x->tent[i - 1]].kind == HD_ENT_PERSON) ||
                  tok_has(x, i - 1, LW_PRON) ||
                  (!(x->t[i - 1].flags & TF_CAP) && x->t[i - 1].e - x->t[i - 1].s > 4 &&
                   !memcmp(x->b + x->t[i - 1].e - 2, "ly", 2))));
    /* "the leading candidate", "a visiting professor", "Iran's ruling clerics": an -ing word
     * after a determiner or a possessive */
    return n > 5 && !memcmp(w + n - 3, "ing", 3) && i > 0 &&
           (tok_has(x, i - 1, LW_DET) || (x->t[i - 1].flags & TF_POSS));
}

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

int hd_ex_participle_at(const xctx *x, uint32_t k)
{
    /* -ing nouns and adjectives, which compound ("a summit meeting", "RICS housing spokesman",
     * "four leading economists", "floating rates", "banking sources") */
    static const char *const ing_noun[] = {
        "meeting",     "hearing",       "briefing",   "building",    "ruling",     "funding",
        "spending",    "setting",       "opening",    "training",    "reading",    "recording",
        "housing",     "clothing",      "warning",    "finding",     "holding",    "listing",
        "filing",      "offering",      "morning",    "evening",     "wedding",    "landing",
        "painting",    "shooting",      "bombing",    "killing",     "beginning",  "ending",
        "feeling",     "thing",         "king",       "spring",      "string",     "ceiling",
        "being",       "furnishing",    "leading",    "governing",   "ranking",    "founding",
        "acting",      "presiding",     "outgoing",   "incoming",    "sitting",    "visiting",
        "striking",    "remaining",     "existing",   "growing",     "rising",     "falling",
        "emerging",    "operating",     "banking",    "trading",     "marketing",  "reporting",
        "broking",     "floating",      "working",    "planning",    "polling",    "fundraising",
        "campaigning", "manufacturing", "accounting", "advertising", "publishing", "engineering",
        "shipping",    "mining",        "farming",    "lending",     "selling",    "buying",
        NULL};
    const xtok *t = &x->t[k];
    if (k == 0 || k + 1 >= x->nt || !tok_word(x, k) || (t->flags & (TF_CAP | TF_INQ)) ||
        (t->lex >> 24) || t->e - t->s < 6 || memcmp(x->b + t->e - 3, "ing", 3) != 0 ||
        tok_in(x, k, ing_noun))
        return 0;
    /* the head before it: a speaking noun, a role, an organisation word, a plural, a noun or
     * a name; no pronoun ("him winning …") */
    static const char *const object_pron[] = {"him", "her", "them", "me", "us", "it", "you", NULL};
    uint32_t h = k - 1;
    if (!tok_word(x, h) || tok_has(x, h, LW_PRON | LW_FUNC | LW_DET) || tok_in(x, h, object_pron) ||
        !(hd_ex_locatable_noun(x, h) || hd_ex_common_noun(x, h) ||
          (x->tent[h] >= 0 && x->ent[x->tent[h]].kind != HD_ENT_PLACE)))
        return 0;
    /* its object after it: a determiner, a possessor or a name ("investigating the crash",
     * "cheering Donald Trump"); not a subject pronoun ("a summit meeting he attended"), nor a
     * bare noun, which the -ing word would describe ("coffee broking firms") */
    uint32_t o = k + 1;
    const xtok *ot = &x->t[o];
    if (!tok_word(x, o) || tok_has(x, o, LW_PRON))
        return 0;
    return tok_has(x, o, LW_DET) || ((ot->flags & TF_CAP) && !(ot->flags & TF_SSTART)) ||
           (ot->flags & TF_POSS);
}

uint32_t hd_ex_np_start(const xctx *x, uint32_t j, uint32_t lo)
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
        /* "a spokeswoman for the authority", "an official at the embassy", "a source from
         * the ministry" (not a person: "a question for the prime minister from Bob Laxton") */
        if (s > lo + 1 &&
            (tok_is(x, s - 1, "for") || tok_is(x, s - 1, "at") ||
             (tok_is(x, s - 1, "from") &&
              !(x->tent[j] >= 0 && x->ent[x->tent[j]].kind == HD_ENT_PERSON))) &&
            tok_has(x, s - 2, LW_ROLE | LW_SNOUN) && !(x->t[s - 2].flags & TF_CAP)) {
            s -= 2;
            continue;
        }
        /* noun-noun compounds before a role or a name: "union secretary", "music teacher
         * Anna Price", "the market's management company" */
        if (s > lo && nouns < 3 && (hd_ex_common_noun(x, s - 1) || participle_adj(x, s - 1, s)) &&
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

/* The words [k, j] are the complement of "the ROLE of (the)" before them: the role's noun phrase
 * in *np, running to j. */
static int role_of_complement(xctx *x, uint32_t k, uint32_t j, uint32_t lo, xnp *np)
{
    if (k > lo + 1 && tok_is(x, k - 1, "the"))
        k--;
    uint32_t r = k > lo + 1 && tok_is(x, k - 1, "of") && x->tent[k - 2] < 0
                     ? hd_ex_role_ending_at(x, k - 2, lo)
                     : UINT32_MAX;
    if (r == UINT32_MAX || r <= lo || !tok_is(x, r - 1, "the") || !hd_ex_np_core(x, k - 2, lo, np))
        return 0;
    np->t1 = j + 1;
    return 1;
}

/* A named entity at head j. */
/* "at that point Smith said", "at which point O'Malley interjected", "in the meantime Jones":
 * the noun of a phrase opened by a preposition, with a determiner or "which", before the name
 * is no part of the mention (not "as the host Steve Doocy said", "after a desperate HP asked",
 * "Most of the vulnerable Senate Republicans", "Officials in east China"). The name's first
 * token k, else t0. */
static uint32_t past_adverbial_noun(const xctx *x, uint32_t t0, uint32_t k, uint32_t lo)
{
    static const char *const prep[] = {"at",   "by",   "in",      "on",    "during",
                                       "from", "with", "through", "under", NULL};
    uint32_t p; /* the preposition */
    if (k == t0 + 2 && (determiner(x, t0) || tok_is(x, t0, "one")) && t0 > lo)
        p = t0 - 1;
    else if (k == t0 + 1 && t0 > lo + 1 && tok_is(x, t0 - 1, "which"))
        p = t0 - 2;
    else
        return t0;
    uint32_t n = k - 1;
    if (!tok_in(x, p, prep) || ((x->t[p].flags & TF_CAP) && !(x->t[p].flags & TF_SSTART)) ||
        (x->t[n].flags & TF_CAP) || !hd_ex_common_noun(x, n) ||
        tok_has(x, n, LW_ROLE | LW_SNOUN | LW_MOD))
        return t0;
    return k;
}

static int named_np(xctx *x, uint32_t j, uint32_t lo, int32_t e, xnp *np)
{
    if (x->ent[e].kind != HD_ENT_PERSON) {
        /* "The Leader of the Islamic Revolution stressed", "the president of the Republic
         * said": the role whose complement the organisation or place is speaks */
        uint32_t k = j;
        while (k > lo && x->tent[k - 1] == e)
            k--;
        if (role_of_complement(x, k, j, lo, np))
            return 1;
    }
    int32_t pe = person_of(x, j, lo, e);
    if (pe != e) {
        uint32_t k = j;
        while (k > lo && x->tent[k - 1] != pe)
            k--;
        np->t0 = hd_ex_np_start(x, k - 1, lo);
    } else {
        uint32_t k = j;
        while (k > lo && x->tent[k - 1] == e)
            k--;
        np->t0 = past_adverbial_noun(x, hd_ex_np_start(x, j, lo), k, lo);
    }
    np->ref = pe;
    return 1;
}

/* A speaking noun at head j ("officials", "a source"), with the words that describe it. */
static int speaker_noun_np(const xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    uint32_t s = hd_ex_np_start(x, j, lo);
    while (s > lo && j - s < 5 && tok_word(x, s - 1) && !(x->t[s - 1].flags & TF_INQ) &&
           !relative_that(x, s - 1, lo) &&
           (np_word(x, s - 1) || tok_has(x, s - 1, LW_DEMONYM) ||
            memchr(x->b + x->t[s - 1].s, '-', x->t[s - 1].e - x->t[s - 1].s)))
        s--;
    /* to the start of a name the walk stopped inside ("U.S. Food and Drug Administration
     * officials") */
    while (s > lo && j - s < 10 && x->tent[s] >= 0 && x->tent[s - 1] == x->tent[s])
        s--;
    while (s < j && tok_is(x, s, "of"))
        s++;
    np->t0 = s;
    np->ref = REF_NONE;
    return 1;
}

/* A capitalised word at head j that is no entity's name. */
static int unknown_name_np(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    /* "The Leader of the Revolution", "the President of the Republic": a role's
     * complement, not a name; the role speaks */
    uint32_t k = j;
    while (k > lo && j - k < 4 && cap_tok(x, k - 1) && x->tent[k - 1] < 0)
        k--;
    if (role_of_complement(x, k, j, lo, np))
        return 1;
    np->t0 = hd_ex_np_start(x, j, lo);
    np->ref = REF_NONE; /* a name we could not classify: the mention is the speaker */
    return 1;
}

/* A share of people ("One in three", "nine in 10", "Six in 10", "47 percent" is a noun) */
static int share_np(const xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    static const char *const numbers[] = {"four",  "five",     "six",  "seven", "eight",
                                          "nine",  "ten",      "half", "third", "quarter",
                                          "fifth", "majority", NULL};
    if ((x->t[j].flags & TF_DIGIT) || tok_is(x, j, "one") || tok_is(x, j, "two") ||
        tok_is(x, j, "three") || tok_in(x, j, numbers)) {
        uint32_t s = j;
        while (s > lo && j - s < 6 &&
               (tok_is(x, s - 1, "in") || tok_is(x, s - 1, "of") || tok_is(x, s - 1, "than") ||
                tok_is(x, s - 1, "about") || tok_is(x, s - 1, "nearly") ||
                tok_is(x, s - 1, "more") || tok_is(x, s - 1, "almost") || tok_is(x, s - 1, "out") ||
                (x->t[s - 1].flags & TF_DIGIT) || tok_has(x, s - 1, LW_DET) ||
                tok_in(x, s - 1, numbers)) &&
               tok_word(x, s - 1))
            s--;
        /* "26% say": a figure written with its percent sign is a share on its own */
        int pct = (x->t[j].flags & TF_DIGIT) && x->t[j].e < x->n && x->b[x->t[j].e] == '%';
        if ((s < j || pct) && !tok_is(x, s, "in") && !tok_is(x, s, "of")) {
            np->t0 = s;
            np->ref = REF_NONE;
            return 1;
        }
    }
    return 0;
}

/* A common noun phrase ("three former employees", "security specialists"): the speaker
 * is unknown but the cue stands. */
static int common_np(const xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    uint32_t s = hd_ex_np_start(x, j, lo);
    /* not past a conjunction's "that" ("given that officers threatened …"), nor past the
     * determiner that opens the phrase, unless "of" stands before it ("a majority of her
     * backers") or it opens a time ("A Mori poll this summer suggested") */
    while (
        s > lo && j - s < 6 && tok_word(x, s - 1) && !(x->t[s - 1].flags & TF_INQ) &&
        !relative_that(x, s - 1, lo) &&
        !(s < j && tok_in(x, s, opening_det) && !tok_is(x, s - 1, "of") && !time_noun(x, s + 1)) &&
        (np_word(x, s - 1) || hd_ex_common_noun(x, s - 1) || (x->t[s - 1].flags & TF_DIGIT)))
        s--;
    while (s < j && tok_is(x, s, "of"))
        s++;
    np->t0 = s;
    np->ref = REF_NONE;
    return 1;
}

/* The noun phrase whose head is token j. */
int hd_ex_np_core(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    /* "26% say", "nearly 47% said": a share of people (the sign is a token of its own) */
    if (j > lo && x->t[j].kind == TK_PUNCT && x->b[x->t[j].s] == '%' &&
        (x->t[j - 1].flags & TF_DIGIT) && share_np(x, j - 1, lo, np)) {
        np->t1 = j + 1;
        return 1;
    }
    if (!tok_word(x, j) || (x->t[j].flags & TF_INQ) || j < lo)
        return 0;
    /* "those surveyed say", "those polled said": the people asked */
    if (j > lo && tok_is(x, j - 1, "those") && !(x->t[j].flags & TF_CAP) &&
        x->t[j].e - x->t[j].s > 4 && x->b[x->t[j].e - 2] == 'e' && x->b[x->t[j].e - 1] == 'd') {
        np->t1 = j + 1;
        np->t0 = j - 1;
        np->ref = REF_NONE;
        return 1;
    }
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
    if (e >= 0)
        return named_np(x, j, lo, e, np);
    uint32_t r0 = hd_ex_role_ending_at(x, j, lo);
    if (r0 != UINT32_MAX) {
        np->t0 = hd_ex_np_start(x, r0, lo);
        int32_t h = hd_ex_mention_holder(x, j);
        np->ref = h >= 0 ? h : hd_ex_pend_new(x, j);
        return 1;
    }
    if (tok_has(x, j, LW_SNOUN))
        return speaker_noun_np(x, j, lo, np);
    if (cap_tok(x, j) && !tok_has(x, j, LW_FUNC) && !(tok_word(x, j) ? x->t[j].lex >> 24 : 0))
        return unknown_name_np(x, j, lo, np);
    if (share_np(x, j, lo, np))
        return 1;
    if (hd_ex_common_noun(x, j))
        return common_np(x, j, lo, np);
    /* "Another said", "Some have suggested", "but many say": a quantifier standing for people
     * already named, opening its clause right before its verb; the speaker is unknown (not
     * "One widely mentioned possibility", "most often described as", "that some have called")
     */
    static const char *const quantifier[] = {"another", "one",  "some",    "many",
                                             "most",    "both", "several", NULL};
    static const char *const before_q[] = {"but",  "and",     "while", "though", "although",
                                           "when", "because", "as",    "with",   NULL};
    if (tok_in(x, j, quantifier) && tok_word(x, j + 1) &&
        ((x->t[j + 1].lex >> 24) || tok_in(x, j + 1, hd_ex_aux_words) ||
         tok_in(x, j + 1, hd_ex_belief_verbs)) &&
        (j == 0 || !tok_word(x, j - 1) || (x->t[j].flags & TF_SSTART) ||
         tok_in(x, j - 1, before_q))) { /* not "wanted some say in", "no one said" */
        np->t0 = j;
        np->ref = REF_NONE;
        return 1;
    }
    return 0;
}

/* The speaker before the preposition whose object ends at head j: its token, or UINT32_MAX;
 * *by_role set when a role or a plural noun describes the speaker. */
static uint32_t before_preposition(const xctx *x, uint32_t j, uint32_t lo, int *by_role)
{
    static const char *const preps[] = {"of", "for", "to", "from", "at", "on", "in", "with", NULL};
    uint32_t best = UINT32_MAX;
    int prep_seen = 0;
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
            *by_role = 0;
        } else if (prep_seen && tok_has(x, t, LW_ROLE) &&
                   !(x->t[t].flags & (TF_CAP | TF_ALLCAPS))) {
            best = t; /* "The deputy head of China's delegation to the forum said" */
            *by_role = 1;
        } else if (prep_seen && best == UINT32_MAX && hd_ex_common_noun(x, t) &&
                   tok_is(x, t + 1, "of") && x->b[x->t[t].stem_e - 1] == 's') {
            best = t; /* "several makers of DAB chips for mobiles said": the makers */
            *by_role = 1;
        }
    }
    return best;
}

/* "People briefed on the situation said", "residents of the town said": a common noun ending
 * the phrase is the object of a preposition; the speaker is the person or speaking noun
 * before it. Only a head that names no one is replaced ("officials at the Food and Drug
 * Administration" keep the organisation); a role before it ("a spokeswoman for the
 * authority") already heads the phrase np_start made. */
void hd_ex_pp_head(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    if (np->ref != REF_NONE || pronoun(x, j) || (x->t[j].flags & (TF_CAP | TF_ALLCAPS)) ||
        tok_has(x, j, LW_SNOUN | LW_ROLE))
        return;
    int by_role = 0;
    uint32_t best = before_preposition(x, j, lo, &by_role);
    if (best == UINT32_MAX)
        return;
    if (by_role) {
        /* the whole phrase describes the speaker ("deputy head of China's delegation to the
         * forum", "spokeswoman for the authority"): no guess at who holds the role */
        uint32_t s0 = hd_ex_np_start(x, best, lo);
        if (s0 < np->t0)
            np->t0 = s0;
        np->ref = REF_NONE;
        return;
    }
    xnp h;
    if (!hd_ex_np_core(x, best, lo, &h))
        return;
    h.t1 = np->t1;
    if (np->t0 < h.t0)
        h.t0 = np->t0;
    *np = h;
}

int hd_ex_locative(const xctx *x, uint32_t p, uint32_t lo, uint32_t *n)
{
    static const char *const loc[] = {"in",   "near",       "outside", "across",
                                      "over", "throughout", "around",  NULL};
    /* "from" says where a person is from ("a woman from Georgia", "a salesman from Sumter");
     * a report from somewhere is that source's ("Research from Halifax") */
    static const char *const people[] = {
        "man",     "woman",    "men",       "women",    "boy",      "girl",      "person",
        "people",  "delegate", "delegates", "salesman", "resident", "residents", "voter",
        "voters",  "student",  "students",  "worker",   "workers",  "lawmakers", "officials",
        "experts", "analysts", "leaders",   NULL};
    if (tok_is(x, p, "from") && p > lo) {
        if (!(tok_has(x, p - 1, LW_ROLE) || tok_in(x, p - 1, people)) ||
            ((x->t[p - 1].flags & TF_CAP) && !(x->t[p - 1].flags & TF_SSTART)))
            return 0;
        *n = p - 1;
        return 1;
    }
    if (!tok_in(x, p, loc))
        return 0;
    if (tok_is(x, p, "over") && p > lo + 1 && tok_is(x, p - 1, "all"))
        p--; /* "Shops all over the UK" */
    if (p <= lo)
        return 0;
    *n = p - 1;
    return 1;
}

int hd_ex_locatable_noun(const xctx *x, uint32_t n)
{
    const xtok *t = &x->t[n];
    /* capitalised only as the sentence's first word ("Police in Ferguson said") */
    if (!tok_word(x, n) || (t->flags & (TF_ALLCAPS | TF_DIGIT | TF_INQ)) ||
        ((t->flags & TF_CAP) && !(t->flags & TF_SSTART)) ||
        tok_has(x, n, LW_FUNC | LW_VERB | LW_NOTNOUN | LW_TIME | LW_PLACE))
        return 0;
    if (tok_has(x, n, LW_SNOUN | LW_ROLE | LW_ORG | LW_INST))
        return 1; /* "Police in Ferguson", "officials", "spokesman" */
    size_t len = t->e - t->s;
    const char *w = x->b + t->s;
    if (len < 4 || !memcmp(w + len - 2, "ly", 2) || !memcmp(w + len - 2, "ed", 2) ||
        !memcmp(w + len - 3, "ing", 3))
        return 0;
    /* a plural ("shops", "farmers"), or a noun after an article ("a woman in Worcester") */
    return (w[len - 1] == 's' && w[len - 2] != 's') ||
           (n > 0 && (tok_is(x, n - 1, "a") || tok_is(x, n - 1, "an") || tok_is(x, n - 1, "one")));
}

/* "Scientists at the space center in Greenbelt, Maryland, confirmed", "Police in Ferguson
 * said", "Farmers across the country said": a place after "in", "near", "outside", "across",
 * "(all) over", "throughout" or "around" locates the subject, which stands before the
 * preposition. A one-word name of another kind may be a town no lexicon knows ("Critics in
 * Congress said"): then the noun before must be one a place can locate. */
int hd_ex_place_noun(const xctx *x, uint32_t k)
{
    static const char *const place_noun[] = {"country", "city",   "town",     "region",
                                             "state",   "nation", "world",    "county",
                                             "village", "island", "province", NULL};
    return k > 0 && tok_is(x, k - 1, "the") && tok_in(x, k, place_noun);
}

void hd_ex_place_modifier(xctx *x, uint32_t lo, xnp *np)
{
    if (np->t0 < lo + 2 || np->t1 <= np->t0)
        return;
    int common_place = np->ref < 0 && np->t1 == np->t0 + 2 && hd_ex_place_noun(x, np->t0 + 1);
    if (np->ref < 0 && !common_place)
        return;
    int place = common_place || x->ent[np->ref].kind == HD_ENT_PLACE;
    if (!place && np->t1 - np->t0 != 1)
        return;
    uint32_t p = np->t0 - 1, n;
    /* "the UK", "the country": the determiner is the place's */
    if (tok_is(x, p, "the") && p > lo + 1)
        p--;
    if (!hd_ex_locative(x, p, lo, &n) || (!place && !hd_ex_locatable_noun(x, n)))
        return;
    xnp h;
    if (!hd_ex_np_core(x, n, lo, &h)) {
        /* "Some shops in London said", "Shops all over the UK reported": a plural noun no
         * lexicon knows as a speaker heads the phrase, which names no one */
        if (hd_ex_locatable_noun(x, n)) {
            np->t0 = hd_ex_np_start(x, n, lo);
            np->ref = REF_NONE;
        }
        return;
    }
    if (h.ref == np->ref && !common_place)
        return;
    hd_ex_pp_head(x, n, lo, &h);
    h.t1 = np->t1; /* the mention as written runs to the place ("a woman in Worcester") */
    *np = h;
}

/* "a district GOP leader", "a former Fed governor": a lowercase word before a capitalised one
 * that says whose the role after it is */
static int lower_before_named_role(const xctx *x, uint32_t j, uint32_t hi)
{
    return j + 2 < hi && hd_ex_common_noun(x, j) && !(x->t[j].flags & TF_CAP) &&
           cap_tok(x, j + 1) && !tok_has(x, j + 1, LW_FUNC | LW_TIME) &&
           tok_has(x, j + 2, LW_ROLE | LW_SNOUN);
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
             (tok_has(x, j + 1, LW_ROLE) || tok_has(x, j + 1, LW_SNOUN))) ||
            lower_before_named_role(x, j, hi)))
        j++;
    while (j > i && (tok_is(x, j - 1, "of") || determiner(x, j - 1)))
        j--;
    if (j == i)
        return 0;
    np->t0 = i;
    np->t1 = j;
    /* head: the last entity, else the last role, else a noun; a role read as np_left reads
     * it ("according to a Treasury spokesman" as "a Treasury spokesman said": someone
     * unnamed, not "Treasury spokesman") */
    if (x->tent[j - 1] < 0 && tok_has(x, j - 1, LW_SNOUN) &&
        hd_ex_role_ending_at(x, j - 1, i) == UINT32_MAX) {
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
            int32_t h = hd_ex_mention_holder(x, k - 1);
            np->ref = h >= 0 ? h : hd_ex_pend_new(x, k - 1);
            return 1;
        }
    }
    np->ref = REF_NONE;
    return 1;
}
