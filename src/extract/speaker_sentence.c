/* SPDX-License-Identifier: MIT
 *
 * speaker_sentence.c — the subject that opens a sentence.
 *
 *   a sentence's tokens up to a verb -> xnp (the first person, role or noun phrase)
 *
 * Used where the subject does not stand right before its cue: "…, then says", "… and said"
 * after a clause, a cue whose subject is far to the left. A leading adverbial ("However,", "On
 * Monday,", "At an event in Ames, Iowa,"), a conjunction, a participle's clause or a dateline
 * is skipped first. Called by speaker.c, statement.c, quote.c and reported.c.
 */
#include <string.h>

#include "extract/speaker_int.h"

/* A lower-case word that reads as a verb in the past ("gave", "went", "disclosed"): the
 * subject's noun phrase ends before it ("The bank gave no details but said …"). */
static int pastlike(const xctx *x, uint32_t k)
{
    static const char *const irregular[] = {
        "gave",  "went",  "came",    "took",    "made",   "led",    "began", "drew",   "got",
        "held",  "won",   "lost",    "sold",    "bought", "paid",   "ran",   "saw",    "met",
        "left",  "kept",  "brought", "thought", "found",  "became", "rose",  "fell",   "sent",
        "spent", "built", "wrote",   "spoke",   "chose",  "broke",  "grew",  "knew",   "sought",
        "put",   "set",   "cut",     "hit",     "let",    "shut",   "quit",  "spread", "struck",
        "felt",  "stood", "heard",   "meant",   "fought", "caught", "threw", "drove",  NULL};
    if (!tok_word(x, k) || (x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)))
        return 0;
    if (tok_in(x, k, irregular))
        return 1;
    const char *p = x->b + x->t[k].s;
    size_t n = x->t[k].stem_e - x->t[k].s;
    return n >= 4 && p[n - 2] == 'e' && p[n - 1] == 'd' && p[n - 3] != 'e';
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
            if (tok_punct(x, k, ',') || (tok_dash(x, k) && k > g + 3)) {
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

/* Does the sentence open at s on an adverbial set off by a comma (a function word, "Minutes
 * later", "Amid …")? */
/* "Three days later,", "A year ago,", "Two weeks earlier,": a span of time counted back or
 * on, opening the sentence. */
static int time_span_opener(const xctx *x, uint32_t s)
{
    static const char *const count[] = {"a",       "an",  "one",   "two",   "three", "four",
                                        "five",    "six", "seven", "eight", "nine",  "ten",
                                        "several", "few", "many",  "some",  NULL};
    uint32_t k = s;
    if (!(x->t[k].flags & TF_DIGIT) && !tok_in(x, k, count))
        return 0;
    k++;
    if (tok_is(x, k, "few") || tok_is(x, k, "more"))
        k++;
    return tok_in(x, k, hd_ex_time_units) &&
           (tok_is(x, k + 1, "later") || tok_is(x, k + 1, "earlier") || tok_is(x, k + 1, "ago")) &&
           tok_punct(x, k + 2, ',');
}

static int adverbial_opener(const xctx *x, uint32_t s)
{
    if (time_span_opener(x, s))
        return 1;
    return (tok_has(x, s, LW_FUNC) ||
            (tok_in(x, s, hd_ex_time_units) &&
             (tok_is(x, s + 1, "later") || tok_is(x, s + 1, "earlier"))) ||
            tok_is(x, s, "alongside") || tok_is(x, s, "amid") || tok_is(x, s, "despite") ||
            tok_is(x, s, "following") || tok_is(x, s, "beyond")) &&
           !pronoun(x, s) && !determiner(x, s);
}

/* The token after the comma that ends the adverbial opening at s. */
static uint32_t adverbial_end(const xctx *x, uint32_t s, uint32_t verb)
{
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
    return s;
}

/* s past the place and time that follow an adverbial's first comma. */
static uint32_t place_time_tail(const xctx *x, uint32_t s, uint32_t verb)
{
    /* "At an event in St. Clairsville, Ohio, Brenda Johnson …", "in Ames, Iowa, on
     * Sunday, Mrs. Clinton …": a state and a time after the first comma belong to it */
    for (int seg = 0; seg < 2; seg++) {
        uint32_t k = s;
        while (k < verb && k < s + 4 &&
               ((x->tent[k] >= 0 && x->ent[x->tent[k]].kind == HD_ENT_PLACE) ||
                hd_ex_place_abbrev(x, k)))
            k++;
        if (k == s && k + 1 < verb && (tok_is(x, k, "on") || tok_is(x, k, "in")) &&
            tok_has(x, k + 1, LW_TIME))
            k += 2;
        if (k > s && k < verb && tok_punct(x, k, ','))
            s = k + 1;
        else
            break;
    }
    return s;
}

const char *const hd_ex_belief_verbs[] = {
    "believe", "believes", "think",   "thinks",  "fear",    "fears",   "hope",
    "hopes",   "expect",   "expects", "feel",    "feels",   "suspect", "suspects",
    "doubt",   "doubts",   "worry",   "worries", "agree",   "agrees",  "know",
    "knows",   "reckon",   "reckons", "assume",  "assumes", NULL};

const char *const hd_ex_go_on_verbs[] = {"continued", "continues", "continue", "began",
                                         "begins",    "begin",     "went",     "goes",
                                         "go",        "started",   "starts",   NULL};

uint32_t hd_ex_went_on_to(const xctx *x, uint32_t t, uint32_t lo)
{
    if (!tok_is(x, t, "to") || t < lo + 2)
        return UINT32_MAX;
    uint32_t v = tok_is(x, t - 1, "on") ? t - 2 : t - 1;
    return v > lo && tok_in(x, v, hd_ex_go_on_verbs) && !(x->t[v].flags & TF_INQ) ? v : UINT32_MAX;
}

/* The subject at the start s of what is left of the sentence: a pronoun, a person, a role,
 * else the first noun phrase. */
static int subject_from(xctx *x, uint32_t s, uint32_t verb, xnp *np)
{
    /* "Some believe it …", "Many fear the talks …": a quantifier alone is the subject */
    static const char *const quant[] = {"some", "many", "others", "most", "several", "few", NULL};
    if (s + 2 < verb && tok_in(x, s, quant) && tok_in(x, s + 1, hd_ex_belief_verbs))
        return hd_ex_np_core(x, s, s, np);
    uint32_t role = UINT32_MAX, first = UINT32_MAX;
    int skipped = 0;
    for (uint32_t k = s; k < verb && k < s + 10; k++) {
        if (x->t[k].flags & TF_INQ || x->t[k].kind != TK_WORD)
            break;
        if (pronoun(x, k)) {
            if (role == UINT32_MAX && first == UINT32_MAX)
                return hd_ex_np_core(x, k, s, np);
            break;
        }
        int32_t e = x->tent[k];
        if (e >= 0 && x->ent[e].kind == HD_ENT_PERSON) {
            uint32_t end = k;
            while (end + 1 < verb && x->tent[end + 1] == e)
                end++;
            /* "Lib Dem chairman Matthew Taylor has written …": a name before a role whose
             * holder is named in full after it says whose the role is; the holder is the
             * subject */
            uint32_t r = end + 1;
            while (r < verb && tok_has(x, r, LW_ROLE | LW_MOD) && !(x->t[r].flags & TF_CAP))
                r++;
            if (r > end + 1 && r + 1 < verb && x->tent[r] >= 0 && x->tent[r] != e &&
                x->ent[x->tent[r]].kind == HD_ENT_PERSON && x->tent[r + 1] == x->tent[r]) {
                k = r - 1;
                continue;
            }
            return hd_ex_np_core(x, end, s, np);
        }
        if (tok_has(x, k, LW_ROLE)) {
            role = k;
            continue;
        }
        /* "The minister of sport Jaime Lissavetzky was …", "Secretary of Health and Human
         * Services Alex Azar": the role's complement, then its holder */
        if (role == k - 1 && (tok_is(x, k, "of") || tok_is(x, k, "for")) &&
            !(role > 0 && (tok_is(x, role - 1, "a") || tok_is(x, role - 1, "an")))) {
            /* (not "A spokesman for the Villa Rica cooperative": whose house it is) */
            uint32_t m = k + 1;
            while (m < verb && m < k + 6 && tok_word(x, m) && x->tent[m] < 0 &&
                   !(x->t[m].flags & TF_INQ) &&
                   (tok_is(x, m, "and") || !tok_has(x, m, LW_VERB | LW_NOTNOUN | LW_PRON | LW_DET)))
                m++;
            if (m > k + 1 && m < verb && x->tent[m] >= 0 &&
                x->ent[x->tent[m]].kind == HD_ENT_PERSON) {
                k = m - 1;
                continue;
            }
        }
        if (first == UINT32_MAX && (cap_tok(x, k) || hd_ex_common_noun(x, k)) && !determiner(x, k))
            first = k;
        if (determiner(x, k) || (x->t[k].flags & TF_POSS) || tok_has(x, k, LW_MOD) ||
            cap_tok(x, k) || tok_has(x, k, LW_DEMONYM))
            continue;
        /* one lowercase noun may stand between modifiers and a name ("delegate John"); not
         * a participle ("Supporters cheering Donald Trump said": the supporters) */
        if (!skipped && cap_tok(x, k + 1) && !hd_ex_participle_at(x, k)) {
            skipped = 1;
            continue;
        }
        break;
    }
    if (role != UINT32_MAX)
        return hd_ex_np_core(x, role, s, np);
    if (first != UINT32_MAX) {
        uint32_t e = first;
        while (e + 1 < verb &&
               (cap_tok(x, e + 1) || (hd_ex_common_noun(x, e + 1) && !pastlike(x, e + 1) &&
                                      !tok_in(x, e + 1, hd_ex_belief_verbs))))
            e++;
        return hd_ex_np_core(x, e, s, np);
    }
    return 0;
}

void hd_ex_appositive_name(const xctx *x, uint32_t verb, xnp *np)
{
    if (!(np->ref == REF_NONE || REF_IS_PEND(np->ref)))
        return;
    /* not "His opponent, Hillary Clinton, won …": whose opponent is the one a "he" after it
     * stands for */
    if (tok_is(x, np->t0, "his") || tok_is(x, np->t0, "her") || tok_is(x, np->t0, "their"))
        return;
    uint32_t k = np->t1;
    while (k < verb && k < np->t1 + 6 && tok_word(x, k) && !(x->t[k].lex & LW_VERB) &&
           !pastlike(x, k))
        k++;
    if (k >= verb || !tok_punct(x, k, ','))
        return;
    uint32_t a = k + 1, e = a;
    while (e < verb && e < a + 8 && tok_word(x, e))
        e++;
    if (e >= verb || !tok_punct(x, e, ',') || e == a)
        return;
    int32_t p = x->tent[e - 1];
    if (p < 0 || x->ent[p].kind != HD_ENT_PERSON)
        return;
    /* only titles and roles before the name ("former Secretary of State") */
    for (uint32_t m = a; m < e; m++)
        if (x->tent[m] != p && !tok_has(x, m, LW_TITLE | LW_ROLE | LW_MOD | LW_FUNC))
            return;
    np->ref = p;
}

int hd_ex_np_sentence_subject(xctx *x, uint32_t i, uint32_t verb, xnp *np)
{
    uint32_t s = i;
    while (s > 0 && x->t[s - 1].sent == x->t[i].sent && x->t[s - 1].kind != TK_PARA)
        s--;
    /* skip a leading adverbial ("However,", "On Monday,", "Minutes later,"), not up to a
     * verb (what was skipped was the subject) */
    if (adverbial_opener(x, s)) {
        uint32_t a = adverbial_end(x, s, verb);
        a = place_time_tail(x, a, verb);
        /* ("With Jools Holland, booked …" is an adverbial: the subject is elsewhere) */
        int np_first = tok_is(x, s, "but") || tok_is(x, s, "and") || tok_is(x, s, "yet") ||
                       tok_has(x, s, LW_DET);
        if (!(np_first && pastlike(x, a)))
            s = a;
    }
    /* "But the U.S. Court of Appeals … overruled and said": a conjunction opening the
     * sentence */
    if (s + 2 < verb && (tok_is(x, s, "but") || tok_is(x, s, "and") || tok_is(x, s, "yet")) &&
        (x->t[s].flags & TF_CAP))
        s++;
    /* not when a verb follows what was skipped: "the other candidate on the stage, former
     * Secretary of State Hillary Clinton, drew a contrast, saying …" is the subject with its
     * appositive */
    uint32_t before = s;
    s = skip_opening_clause(x, s, verb);
    if (s > before && pastlike(x, s))
        s = before;
    /* "…, even a top GOP strategist said" */
    for (int k = 0; k < 2 && s + 1 < verb && tok_word(x, s) && tok_has(x, s, LW_ADV) &&
                    !tok_has(x, s, LW_NOTNOUN | LW_PRON) && !(x->t[s].flags & TF_CAP);
         k++)
        s++;
    return subject_from(x, s, verb, np);
}
