/* SPDX-License-Identifier: MIT
 *
 * quote.c — direct quotes and who said them.
 *
 *   quote spans (token.c) + cues -> xstmt[] with direct = 1
 *
 *   - a quote followed by its cue: “…,” X said / “…,” said X / “…?” he asked; a second quote
 *     right after the cue clause joins the first (“…,” he said, “…”);
 *   - a quote after its cue: X said: “…” / X said “…” / X told reporters, “…”; a paragraph
 *     after one ending in "X said …:" (block quote, quoted or not);
 *   - an unclosed quote continued by the next paragraph's quote takes that quote's speaker;
 *   - a paragraph that is one quote with no cue continues the previous speaker's words.
 * Quotes with none of these (titles, scare quotes) are not statements.
 * Called by statement.c (xstmt_run) before reported speech is looked for.
 */
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "extract/extract_int.h"

static int quote_words(const xctx *x, const xquote *q)
{
    int n = 0;
    for (uint32_t k = q->t0; k < q->t1; k++)
        n += x->t[k].kind == TK_WORD;
    return n;
}

static void use_quote(xctx *x, uint32_t qi)
{
    x->q[qi].stmt = (int32_t)(x->nst - 1);
}

/* The speaker np and the cue [c0, c1) of the quote statement s, anchored at the cue. */
static void set_cue(xctx *x, xstmt *s, const xnp *np, uint32_t c0, uint32_t c1)
{
    hd_ex_set_np(x, s, np);
    s->cue0 = c0;
    s->cue1 = c1;
    s->anchor = c0;
}

/* Are tokens [a, b) capitalised words of a name ("NASA", "White House") before a role? */
static int name_words(const xctx *x, uint32_t a, uint32_t b)
{
    for (uint32_t t = a; t < b; t++)
        if (!tok_word(x, t) || !(x->t[t].flags & (TF_CAP | TF_ALLCAPS)) ||
            (x->t[t].flags & (TF_INQ | TF_DIGIT)) || (x->t[t].lex >> 24) ||
            tok_has(x, t, LW_FUNC | LW_PRON | LW_TIME))
            return 0;
    return tok_has(x, b, LW_ROLE | LW_MOD) || !(x->t[b].flags & TF_CAP);
}

/* Are tokens [a, b) a list of titles ("chairman, CEO and"), commas and "and" between them? */
static int role_list(const xctx *x, uint32_t a, uint32_t b)
{
    if (b - a > 12 || !(tok_is(x, b - 1, "and") || tok_punct(x, b - 1, ',')))
        return 0;
    int roles = 0;
    for (uint32_t t = a; t < b; t++) {
        if (tok_punct(x, t, ',') || tok_is(x, t, "and"))
            continue;
        if (!tok_word(x, t) || (x->t[t].flags & TF_INQ) ||
            !(tok_has(x, t, LW_ROLE | LW_MOD | LW_TITLE | LW_ROLE_START | LW_ROLE_END) ||
              (x->t[t].flags & TF_ALLCAPS)))
            return 0;
        roles++;
    }
    return roles > 0;
}

/* Is word w, just before a quote mark, one that a quoted name or phrase inside a clause follows
 * ("an appearance on “CBS This Morning,”", "ABC's “This Week,”", "a “burn bag,”")? */
static int names_title(const xctx *x, uint32_t w)
{
    static const char *const before[] = {
        "on",     "in",     "at",    "of",     "from",   "to",      "for", "with",  "by",
        "about",  "into",   "the",   "a",      "an",     "his",     "her", "their", "its",
        "called", "titled", "named", "dubbed", "citing", "quoting", NULL};
    if (!tok_word(x, w))
        return 0;
    if (tok_in(x, w, before))
        return 1;
    return (x->t[w].flags & TF_POSS) != 0; /* "ABC's “This Week,”" */
}

/* Is the subject np of a cue after a quote the second of two joined by "and", the first
 * opening at token k? Then np is widened to both (the speaker stays the nearer one, as in
 * reported speech). */
static int joint_subject(xctx *x, uint32_t k, xnp *np)
{
    xnp first;
    if (!hd_ex_np_left(x, np->t0 - 1, k, &first) || first.t0 != k || first.t1 != np->t0 - 1)
        return 0;
    /* two people named ("Phil Berger and … Tim Moore"), not two roles of one ("the Florida
     * senator and Republican presidential candidate") */
    for (const xnp *n = &first;; n = np) {
        int32_t e = x->tent[n->t1 - 1];
        if (e < 0 || x->ent[e].kind != HD_ENT_PERSON)
            return 0;
        if (n == np)
            break;
    }
    np->t0 = k;
    return 1;
}

/* Is np, the subject of cue c found from token k after a quote, this quote's speaker? RS_GO_ON
 * when it is, RS_NEXT_CUE to try the next cue, RS_DONE when the quote has no cue after it. */
static int cue_subject(xctx *x, uint32_t c, uint32_t k, xnp *np)
{
    uint32_t hi = c + 1;
    while (hi < x->nt && !hd_ex_stop_tok(x, hi) && !tok_punct(x, hi, ','))
        hi++;
    if (c == k) {
        if (!hd_ex_np_right(x, c + 1, hi, np))
            return RS_DONE;
    } else if (!hd_ex_np_left(x, c, k, np)) {
        return RS_DONE;
    } else if (tok_is(x, c + 1, "for") && np->ref == REF_NONE &&
               !(x->t[np->t0].flags & (TF_CAP | TF_ALLCAPS)) && !tok_has(x, np->t0, LW_PRON)) {
        /* "… PR exercise” ahead of a general election predicted for next May": a
         * participle dating a noun, no one speaking (not "Justice White wrote for the
         * court") */
        return RS_NEXT_CUE;
    } else if (np->t0 != k && role_list(x, k, np->t0)) {
        /* "chairman, CEO and president Craig Menear said": the titles of the subject */
    } else if (np->t0 != k && np->t0 - k <= 3 && name_words(x, k, np->t0)) {
        /* "NASA planetary scientist Lucas Paganini said": whose scientist */
    } else if (np->t0 > k + 1 && tok_is(x, np->t0 - 1, "and") && joint_subject(x, k, np)) {
        /* "state Senate leader Phil Berger and House Speaker Tim Moore said" */
    } else if (np->t0 != k) {
        /* "the board's chief engineer, Pieter Aalders, said": only noun-phrase words and
         * commas may stand between the quote and the subject */
        if (np->t0 - k > 12 || !tok_punct(x, np->t0 - 1, ','))
            return RS_DONE;
        for (uint32_t t = k; t + 1 < np->t0; t++)
            if (!tok_word(x, t) || (x->t[t].lex >> 24) || (x->t[t].flags & TF_INQ) ||
                (tok_has(x, t, LW_FUNC) && !tok_has(x, t, LW_DET) && !tok_is(x, t, "of")))
                return RS_DONE;
    }
    return RS_GO_ON;
}

/* Does the cue c found from token k start a new sentence rather than end quote q? */
static int new_sentence(const xctx *x, const xquote *q, uint32_t k, uint32_t c)
{
    /* “… done.” She said she … — a new sentence, not this quote's cue */
    if (q->close > q->open + 1 && tok_punct(x, q->close - 1, '.') && (x->t[k].flags & TF_SSTART)) {
        uint32_t t = c + 1;
        while (t < x->nt && t < c + 8 && !hd_ex_stop_tok(x, t))
            t++;
        if (t >= c + 8 || !tok_punct(x, t, '.') ||
            !(hd_ex_stop_tok(x, c + 1) || tok_punct(x, c + 1, ',') ||
              hd_ex_adverbial_start(x, c + 1, t)))
            return 1;
    }
    return 0;
}

/* The first token after the clause of cue c. */
static uint32_t cue_clause_end(const xctx *x, uint32_t c)
{
    uint32_t e = c + 1;
    for (;;) {
        while (e < x->nt && !hd_ex_stop_tok(x, e) &&
               !(tok_punct(x, e, ',') && e + 1 < x->nt && x->t[e + 1].kind == TK_QOPEN))
            e++;
        /* a quoted title inside the cue clause: "said on CNN’s “State of the Union”
         * Sunday." */
        const xquote *t =
            e < x->nt && x->t[e].kind == TK_QOPEN && x->t[e].qi ? &x->q[x->t[e].qi - 1] : NULL;
        if (!t || !t->closed || t->close > e + 9 || t->close + 1 >= x->nt ||
            x->t[t->close + 1].kind != TK_WORD ||
            (t->close > 0 && x->t[t->close - 1].kind == TK_PUNCT))
            break;
        e = t->close + 1;
    }
    return e;
}

/* A quote inside a clause ("Weiner admitted that he and the woman had “been friends for some
 * time,” he claimed they had never met"), its words going on from a word before it, and a cue
 * after it with a clause of its own: the cue says that clause, not the quote. */
static int own_clause_after(const xctx *x, const xquote *q, uint32_t c)
{
    if (q->open == 0 || x->t[q->open - 1].kind != TK_WORD || (x->t[q->open - 1].lex & LW_VERB) ||
        x->t[q->open - 1].sent != x->t[q->open].sent)
        return 0;
    /* a subject pronoun and its verb: not a listener ("told Reuters") or the speaker after
     * an inverted cue ("said Smith") */
    static const char *const subj[] = {"he", "she", "they", "we", "i", NULL};
    uint32_t k = c + 1;
    return k + 1 < x->nt && tok_in(x, k, subj) && tok_word(x, k + 1) &&
           !(x->t[k + 1].flags & TF_CAP);
}

/* Cue after the quote: returns 1 and fills the statement. *after gets the first token after
 * the cue clause. */
static int cue_after(xctx *x, const xquote *q, xstmt *s, uint32_t *after)
{
    uint32_t k = q->close + 1;
    if (tok_punct(x, k, ','))
        k++;
    /* "“The UK is the largest display market in Europe,” according to John Binks, director
     * of GfK.": a quote opening its sentence (not one inside a clause the source is for); the
     * source runs to the next comma or the sentence's end */
    if (tok_is(x, k, "according") && tok_is(x, k + 1, "to") && (x->t[q->open].flags & TF_SSTART) &&
        !(x->t[k].flags & TF_SSTART)) {
        uint32_t e = k + 2;
        while (e < x->nt && e < k + 30 && !tok_punct(x, e, ',') && !hd_ex_stop_tok(x, e))
            e++;
        xnp np;
        if (e > k + 2 && hd_ex_np_right(x, k + 2, e, &np)) {
            /* the whole source, as for reported words ("media and PR strategist Glen
             * Yearwood"): its name speaks, not its first noun */
            if (np.t1 < e && np.ref == REF_NONE)
                np.t1 = e;
            np.t0 = k + 2;
            set_cue(x, s, &np, k, k + 2);
            *after = e;
            return 1;
        }
    }
    for (uint32_t c = k; c < x->nt && c < k + 40; c++) {
        /* a parenthesis after the name, whose periods end no sentence: "Rep. Earl Blumenauer
         * (D-Ore.) said" */
        if (tok_punct(x, c, '(')) {
            uint32_t e = c + 1;
            while (e < x->nt && e < c + 12 && !tok_punct(x, e, ')') && x->t[e].kind != TK_PARA)
                e++;
            if (tok_punct(x, e, ')'))
                c = e;
            continue;
        }
        /* nor does a short quoted name in the speaker's description ("Bill Eastland, wearing
         * a cowboy hat and “Ted Cruz” campaign pins, said") */
        if (x->t[c].kind == TK_QOPEN && x->t[c].qi && c > k) {
            const xquote *nq = &x->q[x->t[c].qi - 1];
            if (nq->closed && nq->open == c && nq->close - c <= 6 && (x->t[c + 1].flags & TF_CAP)) {
                c = nq->close;
                continue;
            }
        }
        if (hd_ex_stop_tok(x, c))
            break;
        uint32_t cls = hd_ex_cue_class(x, c);
        if (cls != VC_SPEECH && cls != VC_QUOTE)
            continue;
        /* a noun, not a cue: "… “disproportionate” tax claims." */
        if (hd_ex_cue_noun(x, c))
            continue;
        xnp np;
        int r = cue_subject(x, c, k, &np);
        if (r == RS_NEXT_CUE)
            continue;
        if (r == RS_DONE || new_sentence(x, q, k, c) || own_clause_after(x, q, c))
            return 0;
        set_cue(x, s, &np, c, c + 1);
        *after = cue_clause_end(x, c);
        return 1;
    }
    return 0;
}

/* Does token k end a listener: a name, a pronoun or a word for people? */
static int listener_head(const xctx *x, uint32_t k)
{
    static const char *const more[] = {"crowd",   "audience",     "committee",   "panel",
                                       "members", "congregation", "interviewer", "listeners",
                                       "viewers", "fans",         NULL};
    return tok_word(x, k) && ((x->t[k].flags & (TF_CAP | TF_ALLCAPS)) ||
                              tok_in(x, k, hd_ex_listener_words) || tok_in(x, k, more));
}

/* Cue before the quote: X said: “…” / X said “…” / a paragraph after "X said:". */
static int cue_before(xctx *x, const xquote *q, xstmt *s)
{
    if (q->open == 0)
        return 0;
    uint32_t p = q->open - 1;
    int colon = 0;
    if (x->t[p].kind == TK_PARA) {
        if (p == 0 || !tok_punct(x, p - 1, ':'))
            return 0;
        p--;
    }
    if (tok_punct(x, p, ':')) {
        colon = 1;
    } else if (!tok_punct(x, p, ',') && !tok_is(x, p, "that")) {
        p++; /* the cue itself just before the quote */
    }
    if (p == 0)
        return 0;
    uint32_t lo = hd_ex_sent_start(x, p - 1);
    for (uint32_t c = p; c-- > lo;) { /* nearest cue first */
        uint32_t cls = hd_ex_cue_class(x, c);
        if (!cls || cls == VC_CALL || cls == VC_DESCRIBE)
            continue;
        /* "asked the Cleveland crowd “If …?”", "told reporters “…”": a listener between (not
         * "asked the question “to build on …”", nor a show's title: "told ABC's “Good Morning
         * America.”") */
        int listener = (tok_is(x, c, "asked") || tok_is(x, c, "told") || tok_is(x, c, "tells") ||
                        tok_is(x, c, "asks")) &&
                       c + 1 < p && hd_ex_skip_object(x, c + 1, p) == p &&
                       listener_head(x, p - 1) && !names_title(x, q->open - 1);
        if (!colon && !listener && c + 1 != p && !(c + 2 == p && x->t[p - 1].kind == TK_PUNCT) &&
            !(c + 2 == p && tok_is(x, c + 1, "that")) && !(tok_punct(x, p, ',') && p - c <= 12))
            continue;
        xnp np;
        int ok = cls == VC_PART
                     ? hd_ex_np_sentence_subject(x, c, c, &np)
                     : hd_ex_relative_subject(x, c, lo, &np) || hd_ex_np_left(x, c, lo, &np);
        if (!ok)
            continue;
        set_cue(x, s, &np, c, c + 1);
        x->used[c] = 1;
        return 1;
    }
    return 0;
}

/* "Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so proud of
 * him.”": a capitalised cue opening the sentence (no cue for the tokenizer), the speaker
 * after it, the quote after their comma or colon. */
static int said_first(xctx *x, const xquote *q, xstmt *s)
{
    static const char *const cue[] = {"said", "says", "added", "adds", "wrote", "writes", NULL};
    if (q->open < 3 || !(tok_punct(x, q->open - 1, ',') || tok_punct(x, q->open - 1, ':')))
        return 0;
    uint32_t c = hd_ex_sent_start(x, q->open - 1);
    if (c + 2 >= q->open || !tok_in(x, c, cue) || !(x->t[c].flags & TF_CAP) ||
        (x->t[c].flags & TF_INQ) || !tok_word(x, c + 1) ||
        !((x->t[c + 1].flags & (TF_CAP | TF_ALLCAPS)) || tok_has(x, c + 1, LW_DET)))
        return 0;
    xnp np;
    if (!hd_ex_np_right(x, c + 1, q->open - 1, &np))
        return 0;
    np.t0 = c + 1;
    set_cue(x, s, &np, c, c + 1);
    return 1;
}

static int para_initial(const xctx *x, uint32_t i)
{
    return i == 0 || x->t[i - 1].kind == TK_PARA;
}

/* The quote is the whole rest of its paragraph (or sentence). */
static int quote_is_para(const xctx *x, const xquote *q)
{
    uint32_t k = q->closed ? q->close + 1 : q->t1;
    while (k < x->nt && x->t[k].kind == TK_PUNCT)
        k++;
    return k >= x->nt || x->t[k].kind == TK_PARA;
}

/* X said “it gets me mad” every time he thinks about it: a quote that the sentence goes on
 * after is part of what X said, a mixed quotation; the statement runs from the quote mark to
 * the end of the sentence and is not direct speech. */
static void mixed_quote(const xctx *x, const xquote *q, xstmt *s)
{
    if (!q->closed || q->t1 == q->t0)
        return;
    const xtok *last = &x->t[q->t1 - 1];
    if (last->kind == TK_PUNCT && (last->ch == '.' || last->ch == '?' || last->ch == '!'))
        return; /* the quote ends its sentence */
    uint32_t k = q->close + 1;
    if (k >= x->nt || x->t[k].kind != TK_WORD || x->t[k].sent != x->t[q->close].sent ||
        (x->t[k].flags & TF_CAP) || (x->t[k].lex & LW_VERB))
        return; /* “…” Smith said, or a new sentence */
    static const char *const next_act[] = {"and",   "but", "then", "before", "after",
                                           "while", "as",  "when", NULL};
    if (tok_in(x, k, next_act))
        return; /* “…,” and left the stage: what X did next */
    uint32_t e = k;
    while (e < x->nt && x->t[e].sent == x->t[k].sent && !hd_ex_stop_tok(x, e))
        e++;
    s->direct = 0;
    s->s1 = x->t[q->open].s;
    s->e1 = x->t[e - 1].e;
}

/* A statement of quote qi with the speaker and cue found in *tmp and text [s1, e1); the cue
 * and the quote are used. NULL when out of memory. */
static xstmt *quote_statement(xctx *x, uint32_t qi, const xstmt *tmp, int direct, uint32_t s1,
                              uint32_t e1)
{
    xstmt *s = hd_ex_st_new(x);
    if (!s)
        return NULL;
    *s = *tmp;
    x->used[tmp->cue0] = 1;
    s->direct = direct;
    s->s1 = s1;
    s->e1 = e1;
    s->para = x->t[x->q[qi].open].para;
    use_quote(x, qi);
    return s;
}

/* Is quote q too short to be said without closing punctuation? */
static int scare_quote(const xctx *x, const xquote *q)
{
    /* a short quote without closing punctuation is a title or a scare quote */
    return quote_words(x, q) < 4 && !(q->t1 > q->t0 && x->t[q->t1 - 1].kind == TK_PUNCT &&
                                      (x->t[q->t1 - 1].ch == ',' || x->t[q->t1 - 1].ch == '.' ||
                                       x->t[q->t1 - 1].ch == '?' || x->t[q->t1 - 1].ch == '!'));
}

/* Quote qi, its cue after it found (found) in *tmp, inside a clause: 1 when that settles it
 * (a statement of the clause, into *made, or none), 0 when it is read as a quote, -1 out of
 * memory. */
static int quote_in_clause(xctx *x, uint32_t qi, const xstmt *tmp, int found, xstmt **made)
{
    const xquote *q = &x->q[qi];
    /* a short quoted name or phrase inside a clause, then the cue: "on “CBS This
     * Morning,” Sanders said he …" is no statement of its own (the reported clause after
     * the cue is); "… is a “minor positive development,” analyst Martin Ziegler said" is
     * the clause up to the quote, said by Ziegler */
    /* (and "… are “very, very pro-Bernie,” Kilfoyle said": a quoted complement of "be"
     * is part of the clause, which is the statement when it reads as one) */
    static const char *const be[] = {"be", "is", "was", "are", "were", NULL};
    int titled = found && q->open > 0 && q->close - q->open <= 8 && names_title(x, q->open - 1);
    int complement =
        found && !titled && q->open > 0 && q->close - q->open <= 8 && tok_in(x, q->open - 1, be);
    if (titled || complement) {
        uint32_t c = tmp->cue0, s0 = hd_ex_sent_start(x, q->open);
        /* what follows the cue: nothing, or only where it was said ("… will take time to
         * “cool off,” Kunin said in an interview with USA TODAY.") */
        uint32_t e = c + 1;
        while (e < x->nt && e < c + 40 && !hd_ex_stop_tok(x, e))
            e++;
        /* …, or the speaker, inverted ("… may be “strategic,” said Jeffery Hemsley, an
         * assistant professor …") */
        int closes =
            c + 1 >= x->nt || hd_ex_stop_tok(x, c + 1) || tok_punct(x, c + 1, ',') ||
            (tok_word(x, c + 1) && hd_ex_adverbial_only(x, c + 1, e)) ||
            (tmp->np1 > tmp->np0 && tmp->np0 == c + 1 &&
             (tmp->np1 >= x->nt || hd_ex_stop_tok(x, tmp->np1) || tok_punct(x, tmp->np1, ',')));
        int clause = !(s0 + 2 >= q->open || x->t[s0].kind != TK_WORD || !closes);
        if (clause)
            return (*made = quote_statement(x, qi, tmp, 0, x->t[s0].s, x->t[q->close].e)) ? 1 : -1;
        if (titled)
            return 1;
    }
    return 0;
}

/* The quote after statement s of quote qi, whose cue clause ends before token `after`, when it
 * goes on with what s said. */
static void second_quote(xctx *x, uint32_t qi, xstmt *s, uint32_t after)
{
    /* split quote: “…,” he said, “…” — or a cue-less quote right after in the paragraph;
     * a quoted title inside the cue clause ("said on CNN’s “State of the Union” Sunday.")
     * is passed over */
    uint32_t nj = qi + 1;
    while (nj < x->nq && x->q[nj].open <= after)
        nj++;
    if (nj < x->nq && x->q[nj].open == after + 1 && tok_punct(x, after, ',')) {
        s->s2 = x->q[nj].cs;
        s->e2 = x->q[nj].ce;
        use_quote(x, nj);
    } else if (nj < x->nq && x->q[nj].open == after + 1 && tok_punct(x, after, '.') &&
               x->t[after + 1].para == s->para) {
        xquote *q2 = &x->q[nj];
        xstmt t2;
        uint32_t a2;
        if (!(q2->closed && cue_after(x, q2, &t2, &a2)) && quote_words(x, q2) >= 3) {
            s->s2 = q2->cs;
            s->e2 = q2->ce;
            use_quote(x, nj);
        }
    }
}

void hd_ex_direct_quotes(xctx *x)
{
    for (uint32_t qi = 0; qi < x->nq && !x->oom; qi++) {
        xquote *q = &x->q[qi];
        if (q->stmt >= 0 || q->t1 <= q->t0)
            continue;
        if (scare_quote(x, q))
            continue;
        xstmt tmp = {0};
        uint32_t after = 0;
        int found = q->closed && cue_after(x, q, &tmp, &after);
        xstmt *made = NULL;
        int in_clause = quote_in_clause(x, qi, &tmp, found, &made);
        if (in_clause < 0)
            return;
        if (in_clause) {
            /* "Still, golf clubs are ''just scratching out a profit,'' Mr. Hedge said. ''Golf
             * is a razor-thin industry …''": the quote after goes on with the clause */
            if (made)
                second_quote(x, qi, made, after);
            continue;
        }
        if (!found && !cue_before(x, q, &tmp) && !said_first(x, q, &tmp))
            continue;
        xstmt *s = quote_statement(x, qi, &tmp, 1, q->cs, q->ce);
        if (!s)
            return;
        if (!found) {
            mixed_quote(x, q, s);
            continue;
        }
        second_quote(x, qi, s, after);
    }
}

/* Unclosed quotes continued by a quote in the next paragraph, and cue-less quote
 * paragraphs continuing the previous speaker. */
void hd_ex_quote_chains(xctx *x)
{
    for (uint32_t qi = x->nq; qi-- > 1;) {
        xquote *q = &x->q[qi - 1], *nx = &x->q[qi];
        if (q->stmt >= 0 || q->closed || nx->stmt < 0 || !para_initial(x, nx->open) ||
            x->t[nx->open].para != x->t[q->open].para + 1)
            continue;
        xstmt *s = hd_ex_st_new(x);
        if (!s)
            return;
        xstmt *src = &x->st[nx->stmt];
        *s = *src;
        s->s1 = q->cs;
        s->e1 = q->ce;
        s->s2 = s->e2 = 0;
        s->para = x->t[q->open].para;
        s->anchor = q->open;
        s->pron = 'n'; /* takes the speaker of the next statement after resolution */
        s->cue0 = s->cue1 = 0;
        q->stmt = (int32_t)(x->nst - 1);
    }
    for (uint32_t qi = 0; qi < x->nq; qi++) {
        xquote *q = &x->q[qi];
        if (q->stmt >= 0 || !para_initial(x, q->open) || !quote_is_para(x, q) ||
            quote_words(x, q) < 4)
            continue;
        xstmt *s = hd_ex_st_new(x);
        if (!s)
            return;
        s->direct = 1;
        s->s1 = q->cs;
        s->e1 = q->ce;
        s->para = x->t[q->open].para;
        s->anchor = q->open;
        s->pron = 'c';
        s->ref = REF_NONE;
        q->stmt = (int32_t)(x->nst - 1);
    }
}

/* Paragraph after "X said …:" that is not itself a quote. */
void hd_ex_block_paragraphs(xctx *x)
{
    const xtok *t = x->t;
    for (uint32_t i = 1; i + 1 < x->nt; i++) {
        if (t[i].kind != TK_PARA || t[i - 1].kind != TK_PUNCT || t[i - 1].ch != ':' ||
            t[i + 1].kind == TK_QOPEN)
            continue;
        uint32_t lo = hd_ex_sent_start(x, i - 1);
        for (uint32_t c = lo; c < i - 1; c++) {
            uint32_t cls = hd_ex_cue_class(x, c);
            xnp np;
            if (cls != VC_SPEECH || !hd_ex_np_left(x, c, lo, &np))
                continue;
            uint32_t e = i + 1;
            while (e < x->nt && x->t[e].kind != TK_PARA)
                e++;
            int words = 0;
            for (uint32_t k = i + 1; k < e; k++)
                words += x->t[k].kind == TK_WORD;
            if (words < 4)
                break;
            xstmt *s = hd_ex_st_new(x);
            if (!s)
                return;
            set_cue(x, s, &np, c, c + 1);
            s->direct = 1;
            s->s1 = x->t[i + 1].s;
            s->e1 = x->t[e - 1].e;
            s->para = x->t[i + 1].para;
            x->used[c] = 1;
            break;
        }
    }
}
