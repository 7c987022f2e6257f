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
 *
 * This file reads leftwards from the cue (hd_ex_np_left, called by quote.c and reported.c);
 * speaker_int.h lists the files that do the rest.
 */
#include <string.h>

#include "extract/speaker_int.h"

/* Words that open a subordinate clause ("when Trump spotted …", "if the sale threatened …",
 * "before Tokyo's market opened …"). */
static const char *const subordinators[] = {"when",   "after",    "before", "because", "while",
                                            "since",  "until",    "if",     "whether", "unless",
                                            "though", "although", "as",     NULL};

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

/* How many tokens "(less than | about) two weeks ago" ending at "ago" (token j) has, or 0. */
static uint32_t span_ago(const xctx *x, uint32_t j, uint32_t lo)
{
    static const char *const about[] = {"about", "just", "only", "nearly", "almost", NULL};
    uint32_t q = j - 2; /* the quantity: "two", "a", "several", "10" */
    if (!tok_in(x, j - 1, hd_ex_time_units) || !tok_word(x, q) || (x->t[q].flags & TF_CAP))
        return 0;
    if (q >= lo + 2 && tok_is(x, q - 1, "than") &&
        (tok_is(x, q - 2, "less") || tok_is(x, q - 2, "more")))
        q -= 2;
    else if (q > lo && tok_in(x, q - 1, about))
        q--;
    return j - q + 1;
}

/* How many tokens a time expression ending at token j has ("on Tuesday", "last week", "this
 * month", "Monday", "in the past"), or a channel ("in a statement"), 0 when there is none:
 * words that stand between a subject and its verb. */
static inline uint32_t time_before(const xctx *x, uint32_t j, uint32_t lo)
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
    /* "The State Department less than two weeks ago said": a span back from now */
    if (j >= lo + 3 && tok_is(x, j, "ago"))
        return span_ago(x, j, lo);
    /* "on Thursday evening", "Monday night", "late last night" */
    int part_of_day = tok_is(x, j, "morning") || tok_is(x, j, "afternoon") ||
                      tok_is(x, j, "evening") || tok_is(x, j, "night");
    if (j > lo && part_of_day &&
        ((tok_has(x, j - 1, LW_TIME) && x->tent[j - 1] < 0 && !(x->t[j - 1].flags & TF_ALLCAPS)) ||
         tok_is(x, j - 1, "last") || tok_is(x, j - 1, "this"))) {
        s = j - 1;
    } else if (tok_is(x, j, "yesterday") || tok_is(x, j, "today") || tok_is(x, j, "tonight")) {
        s = j; /* "The company yesterday said" */
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
        if (!hd_ex_np_core(x, k - 1, lo, np))
            return 0;
        np->ref = REF_NONE;
        /* the noun is the speaker, not a name in what follows it */
        return 1;
    }
    return 0;
}

/* "A news report published Wednesday said", "a study released on Monday said":
 * the participle that dates the subject */
static int dated_participle(const xctx *x, uint32_t j, uint32_t lo)
{
    size_t wl = j >= lo && tok_word(x, j) ? x->t[j].e - x->t[j].s : 0;
    /* (not a clause's verb: "analysts polled before Tokyo's market opened on
     * Tuesday said") */
    int in_clause = 0;
    for (uint32_t q = j; q-- > lo && j - q <= 4 && !in_clause;)
        in_clause = tok_in(x, q, subordinators);
    return wl > 4 && j > lo && !in_clause && !(x->t[j].flags & (TF_CAP | TF_INQ)) &&
           x->b[x->t[j].e - 2] == 'e' && x->b[x->t[j].e - 1] == 'd' &&
           (hd_ex_common_noun(x, j - 1) || tok_has(x, j - 1, LW_SNOUN));
}

/* Token *j moved left from the cue over what may stand between a subject and its verb:
 * adverbs, a time, a parenthesis. 0 when no room is left for a subject. */
static int skip_to_subject(const xctx *x, uint32_t lo, uint32_t *jp)
{
    uint32_t j = *jp;
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
            j -= dated_participle(x, j, lo);
            continue;
        }
        /* "Trump continued to complain that", "Clinton began to argue that", "went on to
         * say": the subject of the verb of going on says it */
        uint32_t v = hd_ex_went_on_to(x, j, lo);
        if (v != UINT32_MAX) {
            j = v - 1;
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
    *jp = j;
    return 1;
}

/* "Mr. Manafort, citing ''the unique magic of Trump,'' said": a participle set off after
 * the subject quotes someone; the subject is before it */
static int quoted_participle(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    if (x->t[j].kind == TK_QCLOSE && j > lo + 4) {
        for (uint32_t k = 0; k < x->nq; k++) {
            const xquote *q = &x->q[k];
            if (q->close != j || q->open < lo + 3)
                continue;
            uint32_t w = q->open - 1;
            const xtok *t = &x->t[w];
            if (tok_word(x, w) && !(t->flags & (TF_CAP | TF_INQ)) && t->e - t->s > 5 &&
                !memcmp(x->b + t->e - 3, "ing", 3) && tok_punct(x, w - 1, ',') &&
                hd_ex_np_core(x, w - 2, lo, np))
                return 1;
            break;
        }
    }
    return 0;
}

/* "Joyce — who is listed as an attorney in Illinois — told": a dash appositive */
static int dash_subject(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    uint32_t p = j;
    while (p > lo && j - p < 40) {
        p--;
        /* a closed quote inside the appositive ("Trump - who said he would \"bomb …\" oil
         * fields - said") is skipped whole */
        if (x->t[p].kind == TK_QCLOSE && x->t[p].qi && x->q[x->t[p].qi - 1].closed &&
            x->q[x->t[p].qi - 1].open > lo && x->q[x->t[p].qi - 1].open < p) {
            p = x->q[x->t[p].qi - 1].open;
            continue;
        }
        if (x->t[p].flags & TF_INQ || x->t[p].kind == TK_PARA || hd_ex_stop_tok(x, p))
            return 0;
        if (tok_dash(x, p))
            break;
    }
    if (!tok_punct(x, p, '-') || p == j || p <= lo)
        return 0;
    /* "Another player who has failed to win the championship - Jimmy White - has admitted":
     * the person the aside names, else the noun a relative clause before it hangs on */
    int32_t e = x->tent[p + 1];
    if (e >= 0 && x->ent[e].kind == HD_ENT_PERSON) {
        uint32_t k = p + 1;
        while (k < j && (x->tent[k] == e || x->t[k].kind == TK_QOPEN || x->t[k].kind == TK_QCLOSE ||
                         (x->t[k].flags & TF_INQ)))
            k++;
        if (k == j) {
            np->t0 = p + 1;
            np->t1 = j;
            np->ref = e;
            return 1;
        }
    }
    return hd_ex_relative_subject(x, p, lo, np) || hd_ex_np_core(x, p - 1, lo, np);
}

/* The subject before the relative pronoun ("who", "which") at j. */
static int who_antecedent(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    uint32_t k = j;
    if (k > lo && tok_punct(x, k - 1, ','))
        k--;
    if (k == 0 || k - 1 < lo)
        return 0;
    k--;
    /* "President George W Bush himself, who told …" */
    static const char *const self[] = {"himself", "herself", "themselves", "itself", NULL};
    if (k > lo && tok_in(x, k, self))
        k--;
    /* "General Wesley Clark in 2003, who said" */
    if (x->t[k].flags & TF_DIGIT && k >= lo + 2)
        k -= 2;
    return hd_ex_np_core(x, k, lo, np);
}

/* Is the subject of the main clause of the sentence holding token j a person (named, a
 * role, a pronoun)? */
static int main_subject_person(xctx *x, uint32_t j)
{
    xnp main;
    int main_person = 0;
    if (hd_ex_np_sentence_subject(x, j, j, &main)) {
        if (REF_IS_PEND(main.ref))
            main_person = 1;
        else if (main.ref >= 0)
            main_person = x->ent[main.ref].kind == HD_ENT_PERSON;
        else
            main_person = pronoun(x, main.t0);
    }
    return main_person;
}

/* The subject of the subordinate clause opened by token w, when the cue at j goes on in it
 * ("when Trump spotted a sign … and asked"): 1 and *np, else 0. */
static int person_in_clause(xctx *x, uint32_t w, uint32_t j, xnp *np)
{
    xnp cl;
    /* a clause: its subject is followed by a verb ("when Trump spotted"), not a
     * preposition ("went after Hillary Clinton for following …") */
    if (!hd_ex_np_right(x, w + 1, j, &cl) || cl.t1 >= j)
        return 0;
    const xtok *v = &x->t[cl.t1];
    int verb_next = tok_word(x, cl.t1) && !(v->flags & (TF_CAP | TF_INQ)) &&
                    ((v->e - v->s > 3 && x->b[v->e - 2] == 'e' && x->b[v->e - 1] == 'd') ||
                     tok_in(x, cl.t1, aux_words) || (v->lex >> 24) != 0);
    /* only a person named there, where the main clause's subject is no one
     * ("McConnell was quick to embrace the mogul after he clinched the nomination
     * and said …": McConnell said it) */
    if (verb_next &&
        (REF_IS_PEND(cl.ref) || (cl.ref >= 0 && x->ent[cl.ref].kind == HD_ENT_PERSON))) {
        if (!main_subject_person(x, j)) {
            *np = cl;
            return 1;
        }
    }
    return 0;
}

/* The subject when the cue at j follows "and" or "but". */
static int clause_subject(xctx *x, uint32_t j, uint32_t lo, xnp *np)
{
    /* "The crowd cheered when Trump spotted a sign … and asked it to be fetched": the
     * subject of a subordinate clause the "and" goes on in */
    for (uint32_t w = j; w-- > lo && j - w < 20;) {
        if (tok_punct(x, w, ',') || hd_ex_stop_tok(x, w) || (x->t[w].flags & TF_INQ))
            break;
        /* (or of a "that" clause: "a screen image … showed that Schilling had shared it
         * and added his own comment") */
        if (tok_in(x, w, subordinators) || tok_is(x, w, "that")) {
            if (person_in_clause(x, w, j, np))
                return 1;
            break;
        }
    }
    return j > lo && hd_ex_np_sentence_subject(x, j, j, np);
}

/* "House Republicans supporting the bill have said", "Officials investigating the crash said":
 * an -ing participle and its object after the subject's head; the head stands before the
 * participle (a speaking noun, a role, an organisation word, a plural or a name). */
static void participle_object(xctx *x, uint32_t lo, xnp *np)
{
    if (np->t0 < lo + 2 || !hd_ex_participle_at(x, np->t0 - 1))
        return;
    xnp hn;
    if (!hd_ex_np_core(x, np->t0 - 2, lo, &hn))
        return;
    hn.t1 = np->t1;
    *np = hn;
}

/* "An analyst who wanted anonymity said", "A source who requested anonymity said": the
 * noun phrase found (not a pronoun) is the object of a relative clause; the speaker is the
 * one "who" stands for. */
static void relative_object(xctx *x, uint32_t lo, xnp *np)
{
    /* not the relative clause's own subject: "women who he said are …", "file-sharers who
     * it says infringe …" */
    if (tok_has(x, np->t0, LW_PRON))
        return;
    for (uint32_t w = np->t0; w > lo + 1 && np->t0 - w < 4;) {
        w--;
        if (!tok_word(x, w) || (x->t[w].flags & (TF_CAP | TF_INQ)))
            return;
        if (!tok_is(x, w, "who"))
            continue;
        xnp hn;
        if ((w == np->t0 - 1 && (x->t[np->t0].flags & TF_CAP)) || !hd_ex_np_core(x, w - 1, lo, &hn))
            return;
        *np = hn;
        return;
    }
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
    if (!skip_to_subject(x, lo, &j))
        return 0;
    if (quoted_participle(x, j, lo, np))
        return 1;
    /* "Trump, the former star of the reality TV show “The Apprentice,” said": the comma
     * that closes the appositive is inside a short quoted title glued to the words before
     * it, which the quote then ends as a comma would */
    const xquote *title = quoted_title_at(x, j, lo + 2);
    if (title && tok_punct(x, j - 1, ','))
        return hd_ex_comma_subject(x, title->open, lo, np);
    if (tok_dash(x, j))
        return dash_subject(x, j, lo, np);
    if (tok_punct(x, j, ','))
        return hd_ex_comma_subject(x, j, lo, np);
    if ((tok_is(x, j, "who") || tok_is(x, j, "which")) && (x->t[j].lex & LW_NOTNOUN))
        return who_antecedent(x, j, lo, np);
    if (tok_is(x, j, "and") || tok_is(x, j, "but"))
        return clause_subject(x, j, lo, np);
    xnp fam;
    if (!hd_ex_np_core(x, j, lo, np))
        return familiar_np(x, verb, lo, np);
    hd_ex_pp_head(x, j, lo, np);
    hd_ex_place_modifier(x, lo, np);
    participle_object(x, lo, np);
    relative_object(x, lo, np);
    if (hd_ex_unclosed_appositive(x, j, lo, np))
        return 1;
    /* "A source close to Mr. Smith said": the noun phrase found ("Mr. Smith", "the talks")
     * lies after the speaker noun's "close to" */
    if (familiar_np(x, verb, lo, &fam) && fam.t1 <= np->t0)
        *np = fam;
    return 1;
}
