/* SPDX-License-Identifier: MIT
 *
 * speaker_comma.c — subjects set off by commas before their cue.
 *
 *   a comma just before a cue -> xnp (the person or noun phrase that speaks)
 *
 * "Vahid Jalalzadeh, the committee chairman, said", "the spokesman, John Smith, said", "Sandy
 * Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said", "Trump, speaking
 * at a rally in Wilmington, N.C., warned": the commas may hold a relative clause, a phrase
 * set off, a town and its state or an age; the words between them decide who speaks. Called
 * by speaker.c (hd_ex_np_left) when the token before the cue is a comma.
 */
#include <string.h>

#include "extract/speaker_int.h"

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

/* A state's abbreviation after a town ("Portsmouth, N.H.,", "Fresno, Calif.,"): capitalised,
 * ending in its period, at most five letters. */
int hd_ex_place_abbrev(const xctx *x, uint32_t k)
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
int hd_ex_unclosed_appositive(xctx *x, uint32_t j, uint32_t lo, xnp *np)
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
    if (pe < 0 || x->ent[pe].kind != HD_ENT_PERSON || !hd_ex_np_core(x, r - 2, lo, &named))
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

/* The head of the phrase before ", who" at w - 1: the result to give, or -1 to look on. */
static int who_head(xctx *x, uint32_t w, uint32_t lo, xnp *np)
{
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
            (tok_is(x, f - 1, "to") || tok_is(x, f - 1, "of") || tok_is(x, f - 1, "for")) &&
            tok_has(x, f - 2, LW_SNOUN | LW_ROLE) && !(x->t[f - 2].flags & (TF_CAP | TF_ALLCAPS)))
            return hd_ex_np_core(x, f - 2, lo, np);
        return hd_ex_np_core(x, q, lo, np);
    }
    xnp h;
    if (ew < 0 && hd_ex_np_core(x, q, lo, &h) && !(h.t0 > lo && tok_punct(x, h.t0 - 1, ',')) &&
        h.t1 > h.t0 && tok_has(x, h.t1 - 1, LW_SNOUN | LW_ROLE)) {
        *np = h;
        return 1;
    }
    return -1;
}

/* "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said": a
 * relative clause may hold commas of its own; its subject is before ", who" */
static int who_clause_subject(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    for (uint32_t w = j; w > lo + 2 && j - w < 32; w--) {
        if (x->t[w - 1].flags & TF_INQ || x->t[w - 1].kind == TK_PARA || hd_ex_stop_tok(x, w - 1))
            break;
        if ((tok_is(x, w - 1, "who") || tok_is(x, w - 1, "whose")) && tok_punct(x, w - 2, ',') &&
            w - 1 > lo + 1)
            return who_head(x, w, lo, np);
    }
    return -1;
}

/* "Trump, speaking at a rally in Wilmington, N.C., warned", "Clinton, during a town
 * hall in Columbus, Ohio, said": a phrase set off after the subject may hold commas
 * (and places) of its own; the subject is the person before it */
static int set_off_subject(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    int clause = 0;
    for (uint32_t w = j; w > lo + 1 && j - w < 32; w--) {
        if (x->t[w - 1].flags & TF_INQ || x->t[w - 1].kind == TK_PARA || hd_ex_stop_tok(x, w - 1))
            return 0;
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
            return 0;
        /* after a role ("Anne Richards, assistant secretary of state for …,"), only a
         * person named */
        int role = tok_has(x, w, LW_ROLE | LW_MOD);
        if (hd_ex_np_core(x, w - 2, lo, &subj) &&
            (example || (REF_IS_PEND(subj.ref) && !role) ||
             (subj.ref >= 0 && x->ent[subj.ref].kind == HD_ENT_PERSON))) {
            *np = subj;
            return 1;
        }
    }
    return 0;
}

/* Does ", Town, St.," end at the comma p ("Hollywood, Fla.,", "Raleigh, N.C.,")? The comma
 * before the state then, else UINT32_MAX. The state is written "Fla." as one token or
 * "Fla" and "." glued. */
static uint32_t state_before(const xctx *x, uint32_t p, uint32_t lo)
{
    uint32_t w = p - 1; /* the state's word */
    if (p > lo + 1 && tok_punct(x, p - 1, '.') && x->t[p - 1].s == x->t[p - 2].e)
        w = p - 2;
    if (w <= lo + 1 || !tok_word(x, w) || !(x->t[w].flags & (TF_CAP | TF_ALLCAPS)) ||
        x->t[w].e - x->t[w].s > 5 || !tok_punct(x, w - 1, ','))
        return UINT32_MAX;
    if (w == p - 1 && !hd_ex_place_abbrev(x, w))
        return UINT32_MAX;
    return tok_word(x, w - 2) && (x->t[w - 2].flags & TF_CAP) ? w - 1 : UINT32_MAX;
}

/* appositive: find the comma before it (UINT32_MAX: there is none) */
static uint32_t appositive_comma(const xctx *x, uint32_t j, uint32_t lo)
{
    uint32_t p = j;
    while (p > lo && j - p < 32) {
        p--;
        /* a short closed quote of capitalised words inside the appositive, a title or a name
         * ("the co-author of “Going Viral,” about …", "wearing “Ted Cruz” campaign pins"), is
         * stepped over (not "that “objective criteria” be set …", nor a title set off by
         * commas of its own: "a contestant on the show, “The Apprentice,” who …") */
        const xquote *title = quoted_title_at(x, p, lo);
        if (title) {
            p = title->open;
            continue;
        }
        if (x->t[p].flags & TF_INQ || x->t[p].kind == TK_PARA || x->t[p].kind == TK_QCLOSE)
            return UINT32_MAX;
        /* "Jeffrey Salkin, a Hollywood, Fla., rabbi helping …, said": a town and its state
         * inside the appositive part no phrases */
        if (tok_punct(x, p, ',') && p + 1 < j) {
            uint32_t st = state_before(x, p, lo); /* the comma before the town */
            if (st != UINT32_MAX) {
                p = st;
                continue;
            }
        }
        if (tok_punct(x, p, ','))
            break;
    }
    if (!tok_punct(x, p, ',') || p + 1 >= j)
        return UINT32_MAX;
    return p;
}

/* "Cory James, 22, of Flint, Mich., said": a state's abbreviation after its town is
 * part of the appositive before it */
static uint32_t town_state(const xctx *x, uint32_t p, uint32_t j, uint32_t lo)
{
    if ((p + 2 == j && hd_ex_place_abbrev(x, p + 1)) ||
        (p + 3 == j && tok_punct(x, p + 2, '.') && x->t[p + 2].s == x->t[p + 1].e &&
         tok_word(x, p + 1) && (x->t[p + 1].flags & TF_CAP) && x->t[p + 1].e - x->t[p + 1].s <= 5 &&
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
    return p;
}

/* an appositive has no verb of its own unless a relative pronoun opens a clause in it
 * ("X, who was there, said", "X, a doctor where they were treated, wrote"): in "At
 * the time, there were 30 vacancies, said Y" the
 * words between the commas are what Y said */
static int holds_clause(const xctx *x, uint32_t p, uint32_t j)
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
                return 1;
            rel = 1;
        }
        /* "…, do not usually buy insurance …, said X"; not "asking not to be named" */
        if (!rel && (tok_in(x, k, aux_words) ||
                     (tok_is(x, k, "not") && k > p + 1 && tok_is(x, k - 1, "do"))))
            return 1;
    }
    return 0;
}

/* "Sen. Johnny Isakson (R-Ga.), one of the few co-authors, said": the name is before
 * the parenthesis */
static int paren_person(xctx *x, uint32_t p, uint32_t lo, xnp *np)
{
    if (p > lo + 2 && tok_punct(x, p - 1, ')')) {
        uint32_t q = p - 1;
        while (q > lo && !tok_punct(x, q, '(') && p - q < 12)
            q--;
        if (tok_punct(x, q, '(') && q > lo) {
            int32_t eq = x->tent[q - 1];
            if (eq >= 0 && x->ent[eq].kind == HD_ENT_PERSON)
                return hd_ex_np_core(x, q - 1, lo, np);
        }
    }
    return -1;
}

/* "The group that owns most of her music, Big Machine, says": an organisation's bare
 * name set off after the subject's description, which names no one and opens on a
 * determiner ("The mine's owner, Noranda Inc., said") */
static int org_set_off(xctx *x, uint32_t p, uint32_t j, uint32_t lo, int32_t e, int32_t eb, xnp *np)
{
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
        if (plain && k == j && x->tent[p + 1] == e && hd_ex_np_core(x, j - 1, p + 1, np)) {
            np->t0 = lo; /* the whole subject, description and name, is the speaker's */
            return 1;
        }
    }
    return 0;
}

int hd_ex_comma_subject(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    int r = who_clause_subject(x, j, lo, np);
    if (r >= 0)
        return r;
    if (set_off_subject(x, j, lo, np))
        return 1;
    uint32_t p = appositive_comma(x, j, lo);
    if (p == UINT32_MAX)
        return 0;
    p = town_state(x, p, j, lo);
    if (holds_clause(x, p, j))
        return 0;
    int32_t e = x->tent[j - 1];
    r = paren_person(x, p, lo, np);
    if (r >= 0)
        return r;
    /* "the spokesman, John Smith, said", "the star witness, former finance chief Scott
     * Sullivan, said": the person between the commas; but words opening on "a"/"the"
     * ("Philippe Sands QC, a member of Matrix Chambers, says"), or following a person's
     * name ("Maria Capella, spokeswoman for net provider Pipex, said"), describe the one
     * named before them */
    int32_t eb = p > lo ? x->tent[p - 1] : -1;
    if (e >= 0 && x->ent[e].kind == HD_ENT_PERSON && !determiner(x, p + 1) &&
        !(eb >= 0 && x->ent[eb].kind == HD_ENT_PERSON)) {
        if (!hd_ex_np_core(x, j - 1, p + 1, np))
            return 0;
        /* the mention as written runs from the role ("a spokeswoman, Anna Richardson White"):
         * what a clause before it said ends before the role */
        uint32_t r0 = p > lo ? hd_ex_role_ending_at(x, p - 1, lo) : UINT32_MAX;
        if (r0 != UINT32_MAX && r0 < np->t0)
            np->t0 = hd_ex_np_start(x, r0, lo);
        return 1;
    }
    if (org_set_off(x, p, j, lo, e, eb, np))
        return 1;
    /* "Brenda Johnson, 62, of Ohio, said": an age before the appositive */
    if (p > lo + 2 && (x->t[p - 1].flags & TF_DIGIT) && tok_punct(x, p - 2, ','))
        p -= 2;
    /* "X, the spokesman, said", "X, 69, told", "X, wearing a hat, said"; "Jeff Sanborn,
     * president of Chapter & Verse, a Spokane agency, said" */
    if (p > lo && hd_ex_np_core(x, p - 1, lo, np)) {
        if (hd_ex_unclosed_appositive(x, p - 1, lo, np))
            return 1;
        hd_ex_place_modifier(x, lo, np);
        return np->t0 == lo || np_plain(x, np->t0 - 1);
    }
    return 0;
}
