/* SPDX-License-Identifier: MIT
 *
 * reported_form.c — the forms of reported speech other than "X said (that) …":
 *
 *   cue token -> xstmt (direct = 0) or nothing
 *
 *   according to X, "Asked whether …,", "…, saying …", "While saying A, he …", passives with
 *   no one named ("Employees were told that …", "it was revealed that …"), "went on to say",
 *   "is quoted as saying", and title-case headlines ("Senator X Says Border Bill Will Pass").
 *   hd_ex_not_said tells a negated or passive verb group, whose subject did not speak.
 * Called by reported.c: one_cue tries them in turn before "X said …".
 */
#include <string.h>

#include "extract/extract_int.h"

/* "(the share is 15 percent, according to X)": the words inside the parentheses; "And it
 * hasn't gone unnoticed: According to recent polls, Trump holds …": the words after a colon
 * right before the cue */
static uint32_t paren_lead(const xctx *x, uint32_t c, uint32_t s0)
{
    uint32_t lead = s0;
    if (c > s0 && tok_punct(x, c - 1, ':'))
        return c;
    for (uint32_t k = c; k-- > s0;) {
        if (tok_punct(x, k, ')'))
            break;
        if (tok_punct(x, k, '(')) {
            lead = k + 1;
            break;
        }
    }
    return lead;
}

/* The first token after the source [c + 2, e) of "according to" and what describes it, set off
 * by the comma at e; e + 1 when nothing does. */
static uint32_t past_source(const xctx *x, uint32_t c, uint32_t e, uint32_t lead, uint32_t s1)
{
    /* "according to David Butcher, a senior executive at Yamaichi, …": the source's
     * description is no part of what was said */
    uint32_t after = e + 1;
    if (tok_punct(x, e, ',') && c > lead + 2 &&
        (tok_is(x, after, "a") || tok_is(x, after, "an") || tok_is(x, after, "the"))) {
        uint32_t m = after;
        int desc = !tok_is(x, after, "the");
        while (m < s1 && m < after + 25 && !tok_punct(x, m, ',') && !hd_ex_stop_tok(x, m)) {
            desc |= tok_has(x, m, LW_ROLE) || tok_is(x, m, "who");
            m++;
        }
        if (desc)
            after = m < s1 && tok_punct(x, m, ',') ? m + 1 : s1;
    }
    /* "According to Standard & Poor's, which has recently upgraded Mexico's rating, the
     * rise …": a relative clause describes the source; so does "…, according to three recent
     * polls, including one from Monmouth University released Thursday." */
    if (after == e + 1 && tok_punct(x, e, ',') &&
        (tok_is(x, after, "which") || tok_is(x, after, "who") || tok_is(x, after, "including"))) {
        uint32_t m = after + 1;
        while (m < s1 && m < after + 30 && !tok_punct(x, m, ',') && !hd_ex_stop_tok(x, m))
            m++;
        if (m + 1 < s1 && tok_punct(x, m, ','))
            after = m + 1;
        else if (tok_is(x, e + 1, "including") && (m >= s1 || hd_ex_stop_tok(x, m)))
            after = s1; /* the description closes the sentence */
    }
    /* "According to Pat Ferguson, President of AMBO, work will begin": a role of
     * something, set off by commas, describes the source */
    if (after == e + 1 && tok_punct(x, e, ',') && tok_has(x, after, LW_ROLE) &&
        (tok_is(x, after + 1, "of") || tok_is(x, after + 1, "at") || tok_is(x, after + 1, "for"))) {
        uint32_t m = after + 2;
        int clause = 0;
        while (m < s1 && m < after + 14 && !tok_punct(x, m, ',') && !hd_ex_stop_tok(x, m)) {
            clause |= (x->t[m].lex >> 24) != 0;
            clause |= tok_in(x, m, hd_ex_aux_words);
            m++;
        }
        if (!clause && m + 1 < s1 && tok_punct(x, m, ','))
            after = m + 1;
    }
    return after;
}

/* Cue c opens "according to X" in sentence [s0, s1): X, in *np, said the main clause after
 * it or the words before it. RS_DONE when emitted, else RS_NEXT_CUE. *next: where a clause
 * after the source starts ("…, but the self-described democratic socialist has vowed …"). */
int hd_ex_according_to(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np, uint32_t *next)
{
    /* the source runs to the next comma, dash or closing parenthesis: "a poll by X for Y",
     * "exit polls", "most Americans - 63 percent, according to the National Academies report -
     * still believe", "(according to Senate filings)" */
    uint32_t e = c + 2;
    int open = 0; /* parentheses opened inside the source: "(WTTC)" is part of it */
    while (e < s1 && e < c + 42 && !tok_punct(x, e, ',') && !tok_punct(x, e, '-') &&
           !(tok_punct(x, e, ')') && !open) && !hd_ex_stop_tok(x, e)) {
        open += tok_punct(x, e, '(') - tok_punct(x, e, ')');
        e++;
    }
    if (e == c + 2 || e >= c + 42)
        return RS_NEXT_CUE;
    if (!hd_ex_np_right(x, c + 2, e, np)) {
        np->ref = REF_NONE;
    }
    np->t0 = c + 2;
    np->t1 = e;
    uint32_t lead = paren_lead(x, c, s0);
    /* "In addition, according to X, A" and "While B, according to X, A": what X
     * said is the main clause A after it */
    uint32_t after = past_source(x, c, e, lead, s1);
    if (tok_punct(x, e, ',') && after < s1 && (c == lead || tok_punct(x, c - 1, ',')) &&
        (c <= lead + 2 || hd_ex_clause_opener(x, lead, c - 1))) {
        hd_ex_emit_reported(x, np, c, c + 2, after, s1, 1);
        return RS_DONE;
    }
    /* "Clinton leads Sanders by 271 pledged delegates according to a count by The Associated
     * Press": no comma, but a source that speaks, a person, an organisation or a report, a
     * poll (not "according to plan", "reset quarterly according to LIBOR", "adjusted
     * according to changes in net assets", "priced according to a basket of currencies") */
    int speaks = 0, words = 0;
    /* (up to an "of": not "reset quarterly according to the formula of 22.6 pct of LIBOR") */
    for (uint32_t m = c + 2; m < e && !speaks && !tok_is(x, m, "of"); m++)
        speaks = !(x->t[m].flags & TF_POSS) && /* not "the company's statutes" */
                 (tok_has(x, m, LW_SNOUN) ||
                  (x->tent[m] >= 0 && (x->ent[x->tent[m]].kind == HD_ENT_PERSON ||
                                       x->ent[x->tent[m]].kind == HD_ENT_ORG)));
    for (uint32_t m = lead; m < c; m++)
        words += x->t[m].kind == TK_WORD;
    if (words >= 4 && x->t[c - 1].kind == TK_WORD && speaks && !hd_ex_has_used_quote(x, lead, c)) {
        hd_ex_emit_reported(x, np, c, c + 2, lead, c, 1);
        if (tok_punct(x, e, ',') && e + 2 < s1)
            *next = e + 1;
        return RS_DONE;
    }
    if (c > lead && tok_punct(x, c - 1, ',')) {
        uint32_t n0 = x->nst;
        hd_ex_emit_reported(x, np, c, c + 2, lead, c - 1, 1);
        /* "Over the long term, according to the budget office, deficits will rise":
         * an opening too short to be all that was said goes on after the source */
        int a_words = 0;
        for (uint32_t m = lead; m + 1 < c; m++)
            a_words += x->t[m].kind == TK_WORD;
        if (x->nst > n0 && lead == s0 && (a_words <= 6 || hd_ex_adverbial_start(x, lead, c)))
            hd_ex_rest_after_source(x, &x->st[x->nst - 1], e, s1, 0);
        return RS_DONE;
    }
    return RS_NEXT_CUE;
}

/* "Asked whether he would run, …", "When asked on Fox News who leads the party, …": the
 * question, asker unnamed, from cue c (an "asked" opening the sentence or after when / was /
 * were). Sets *next to the token after the question's comma (the rest of the sentence is read
 * on its own), or UINT32_MAX. */
int hd_ex_asked_question(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, uint32_t *next)
{
    static const char *const wh[] = {"whether", "if",   "about", "what",  "why", "how",
                                     "who",     "whom", "when",  "which", NULL};
    if (!tok_is(x, c, "asked") ||
        !(c == s0 || (c > s0 && (tok_is(x, c - 1, "when") || tok_is(x, c - 1, "was") ||
                                 tok_is(x, c - 1, "were")))))
        return 0;
    uint32_t w = c + 1;
    /* an adverbial before the question: "asked on Fox News who …", "asked later whether" */
    for (uint32_t k = c + 1; k < s1 && k < c + 7; k++) {
        int is_wh = tok_in(x, k, wh) && !(k > c + 1 && tok_is(x, k, "about"));
        if (is_wh) {
            w = k;
            break;
        }
        if (k == c + 1 ? !hd_ex_adverbial_start(x, k, s1) || tok_is(x, k, "about")
                       : (x->t[k].kind != TK_WORD || (x->t[k].lex >> 24)))
            return 0;
    }
    int q = 0;
    q |= tok_in(x, w, wh);
    if (!q)
        return 0;
    uint32_t e = w, after = UINT32_MAX;
    while (e < s1 && !tok_punct(x, e, ',')) {
        /* a short quoted name inside the question ("an appearance on “CBS This Morning,”"),
         * maybe holding the question's comma */
        const xquote *qt = x->t[e].kind == TK_QOPEN && x->t[e].qi ? &x->q[x->t[e].qi - 1] : NULL;
        if (qt && qt->closed && qt->close < s1 && qt->close - qt->open <= 10 && qt->open == e) {
            if (tok_punct(x, qt->close - 1, ',')) {
                after = qt->close + 1;
                e = qt->close - 1;
                break;
            }
            e = qt->close + 1;
            continue;
        }
        if (hd_ex_stop_tok(x, e))
            break;
        e++;
    }
    xnp np;
    memset(&np, 0, sizeof np);
    np.ref = REF_NONE;
    hd_ex_emit_reported(x, &np, c, c + 1, tok_is(x, w, "about") ? w + 1 : w, e, 0);
    if (after == UINT32_MAX && e < s1 && tok_punct(x, e, ','))
        after = e + 1;
    *next = after; /* "…, Smith said …" */
    return 1;
}

/* Does the verb group before cue c say that its subject did not speak: negated ("did not
 * say", "have not disclosed", "never said", "didn't say", "declined to say"; 1) or passive ("a
 * third case was reported", "they were told", "have been accused of"; 2), where the subject is
 * what was spoken of or to? "was quoted as saying" and "was saying" are the subject's words. */
int hd_ex_not_said(const xctx *x, uint32_t c, uint32_t s0)
{
    static const char *const aux[] = {"has",   "have",   "had",  "will",  "would",
                                      "could", "should", "may",  "might", "can",
                                      "must",  "do",     "does", "did",   NULL};
    static const char *const refuse[] = {"declined", "declines", "decline", "refused",
                                         "refuses",  "refuse",   "failed",  NULL};
    if (c >= s0 + 2 && tok_is(x, c - 1, "to"))
        if (tok_in(x, c - 2, refuse))
            return 1;
    const xtok *cue = &x->t[c];
    int progressive = cue->e - cue->s > 4 && x->b[cue->e - 3] == 'i' && x->b[cue->e - 2] == 'n' &&
                      x->b[cue->e - 1] == 'g';
    int passive_ok = !progressive && !tok_is(x, c, "quoted");
    int aux_seen = 0;
    for (uint32_t k = c; k > s0 && k + 5 > c;) {
        k--;
        const xtok *t = &x->t[k];
        if (!tok_word(x, k) || (t->flags & (TF_CAP | TF_INQ)))
            break;
        size_t n = t->e - t->s;
        const char *w = x->b + t->s;
        if (tok_is(x, k, "not") || tok_is(x, k, "never") ||
            (n > 3 && w[n - 1] == 't' && w[n - 2] == '\'' && w[n - 3] == 'n') ||
            (n > 5 && w[n - 1] == 't' && !memcmp(w + n - 4, "\xE2\x80\x99", 3) && w[n - 5] == 'n'))
            return 1;
        int is_be = 0, is_aux = 0;
        is_be |= tok_in(x, k, hd_ex_be_words);
        is_aux |= tok_in(x, k, aux);
        if (is_be && !aux_seen && passive_ok)
            return 2;
        aux_seen |= is_be || is_aux;
        if (!is_be && !is_aux && !tok_has(x, k, LW_ADV) &&
            !(n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y'))
            break; /* out of the verb group */
    }
    return 0;
}

/* Cue c (class cls, hd_ex_not_said ns) in a passive with no one named as its subject: "Employees
 * were told that …", "it was revealed (that) …". 1 when emitted, said by someone unnamed. */
int hd_ex_passive_statement(xctx *x, uint32_t c, uint32_t cls, int ns, uint32_t s0, uint32_t s1)
{
    /* "it was revealed (that) profits were diverted" */
    /* (not "A year after it was announced, no one had come …": nothing follows it) */
    int impersonal = ns == 2 && c >= s0 + 2 && tok_is(x, c - 2, "it") &&
                     (tok_is(x, c - 1, "was") || tok_is(x, c - 1, "is")) && c + 1 < s1 &&
                     tok_word(x, c + 1);
    /* "it was revealed in March that A": A; not "because it was asked in front of
     * friends", where the question itself was asked */
    uint32_t ia = c + 1;
    if (impersonal && !tok_is(x, c + 1, "that") && tok_word(x, c + 1) &&
        (x->t[c + 1].lex & LW_ADVB)) {
        ia = hd_ex_clause_start(x, c, cls, s1);
        impersonal = ia != UINT32_MAX && ia > c + 2 && ia < s1 && tok_is(x, ia - 1, "that");
    }
    if (ns == 2 && (tok_is(x, c + 1, "that") || impersonal) && c + 2 < s1) {
        /* "Employees were told that layoffs will begin": said, by someone unnamed */
        xnp np;
        memset(&np, 0, sizeof np);
        np.ref = REF_NONE;
        uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : ia;
        uint32_t subj = impersonal ? c - 2 : c; /* "After it was revealed A, …" */
        hd_ex_emit_reported(x, &np, c, c + 1, a, hd_ex_subordinate_end(x, s0, subj, a, s1), 1);
        return 1;
    }
    return 0;
}

/* The verb whose subject is the speaker of cue c when c closes a periphrasis: "went on to
 * say", "goes on to tell", "is quoted as saying" (the first word of the phrase); else c. */
static uint32_t periphrasis(const xctx *x, uint32_t c, uint32_t s0)
{
    if (c < s0 + 4)
        return c;
    if (tok_is(x, c - 1, "to") && tok_is(x, c - 2, "on") &&
        (tok_is(x, c - 3, "went") || tok_is(x, c - 3, "goes") || tok_is(x, c - 3, "go") ||
         tok_is(x, c - 3, "going")) &&
        (tok_is(x, c, "say") || tok_is(x, c, "tell") || tok_is(x, c, "write") ||
         tok_is(x, c, "add") || tok_is(x, c, "note") || tok_is(x, c, "warn")))
        return c - 3;
    if (tok_is(x, c, "saying") && tok_is(x, c - 1, "as") && tok_is(x, c - 2, "quoted") &&
        (tok_is(x, c - 3, "is") || tok_is(x, c - 3, "was") || tok_is(x, c - 3, "were") ||
         tok_is(x, c - 3, "are") || tok_is(x, c - 3, "been")))
        return c - 3;
    /* "X began saying", "kept insisting", "started telling": X's words */
    if ((x->t[c].lex >> 24 == VC_PART || x->t[c].lex >> 24 == VC_CALL) &&
        x->t[c].e - x->t[c].s > 4 && !memcmp(x->b + x->t[c].e - 3, "ing", 3) &&
        (tok_is(x, c - 1, "began") || tok_is(x, c - 1, "begins") || tok_is(x, c - 1, "started") ||
         tok_is(x, c - 1, "starts") || tok_is(x, c - 1, "kept") || tok_is(x, c - 1, "keeps") ||
         tok_is(x, c - 1, "continued") || tok_is(x, c - 1, "continues")))
        return c - 1;
    /* "X went out of his way to say", "was careful to note", "made a point to stress", "went
     * so far as to say", "was quick to say": X's words */
    if (tok_is(x, c - 1, "to") && x->t[c].lex >> 24 == VC_SPEECH && x->t[c].e - x->t[c].s <= 7 &&
        memcmp(x->b + x->t[c].e - 2, "ed", 2) != 0 &&
        (tok_is(x, c - 2, "way") || tok_is(x, c - 2, "point") || tok_is(x, c - 2, "careful") ||
         tok_is(x, c - 2, "quick") || tok_is(x, c - 2, "pains") || tok_is(x, c - 2, "as") ||
         tok_is(x, c - 2, "sure")))
        for (uint32_t k = c - 2; k > s0 && c - k <= 8; k--) {
            static const char *const head[] = {"went",  "goes", "go",   "was",   "is",
                                               "were",  "are",  "made", "makes", "took",
                                               "takes", "been", NULL};
            if (tok_in(x, k - 1, head))
                return k - 1;
        }
    /* "X was heard saying", "was caught telling", "was filmed saying" */
    if ((tok_is(x, c, "saying") || tok_is(x, c, "telling")) &&
        (tok_is(x, c - 1, "heard") || tok_is(x, c - 1, "overheard") || tok_is(x, c - 1, "caught") ||
         tok_is(x, c - 1, "filmed") || tok_is(x, c - 1, "recorded") || tok_is(x, c - 1, "seen")) &&
        (tok_is(x, c - 2, "is") || tok_is(x, c - 2, "was") || tok_is(x, c - 2, "were") ||
         tok_is(x, c - 2, "are") || tok_is(x, c - 2, "been")))
        return c - 2;
    return c;
}

/* "X went on to say (that) …", "X is quoted as saying …": the subject is before the
 * phrase the cue closes. RS_GO_ON when cue c closes no such phrase. */
int hd_ex_periphrasis_statement(xctx *x, uint32_t c, uint32_t cls, uint32_t s0, uint32_t s1,
                                xnp *np)
{
    uint32_t head = periphrasis(x, c, s0);
    if (head == c)
        return RS_GO_ON;
    if (!hd_ex_np_left(x, head, s0, np))
        return RS_NEXT_CUE;
    uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : c + 1;
    if (cls == VC_CALL && (tok_is(x, c + 1, "for") || tok_is(x, c + 1, "on")))
        a = c + 2; /* "began calling for X to resign": what is called for */
    if (tok_is(x, c, "tell") || tok_is(x, c, "telling"))
        a = hd_ex_skip_object(x, c + 1, s1);
    if (tok_is(x, a, "that"))
        a++;
    if (a < s1 && !hd_ex_adverbial_only(x, a, s1))
        hd_ex_emit_clause(x, np, c, a, s1);
    return RS_DONE;
}

/* Is np a document just issued by the sentence's subject ("issued a statement", "sent a
 * letter", "posted a video")? */
static int issued_document(const xctx *x, const xnp *np)
{
    static const char *const doc[] = {
        "statement", "letter", "memo",  "release", "email",  "e-mail",   "message", "note",
        "tweet",     "post",   "video", "ad",      "advert", "response", "reply",   NULL};
    static const char *const verb[] = {"issued", "released", "sent",  "posted",  "published",
                                       "put",    "wrote",    "gave",  "tweeted", "aired",
                                       "issues", "releases", "sends", "posts",   "fired",
                                       "shot",   NULL};
    if (np->t1 <= np->t0 || np->t0 == 0)
        return 0;
    int is_doc = tok_in(x, np->t1 - 1, doc);
    uint32_t v = np->t0 - 1;
    /* "sent a fundraising email": back over the document's article and modifiers */
    while (is_doc && v > 0 && np->t0 - v <= 3 && tok_word(x, v) && !tok_in(x, v, verb) &&
           !(x->t[v].flags & (TF_CAP | TF_INQ)) && !(x->t[v].lex >> 24) && !tok_has(x, v, LW_PRON))
        v--;
    if (v > 0 && (tok_is(x, v, "out") || tok_is(x, v, "back")))
        v--; /* "put out a statement", "fired back a response" */
    return is_doc && tok_in(x, v, verb);
}

/* The participle c after "while", "after" or "before" opening the sentence: what was said
 * runs to the comma, its subject follows it. RS_DONE (*next past the comma) or RS_NEXT_CUE. */
static int while_saying(xctx *x, uint32_t c, uint32_t s1, xnp *np, uint32_t *next)
{
    uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : c + 1, e = a;
    while (e < s1 && !tok_punct(x, e, ',') && !hd_ex_stop_tok(x, e))
        e++;
    if (e < s1 && tok_punct(x, e, ',') && hd_ex_np_right(x, e + 1, s1, np) && np->ref != REF_NONE) {
        hd_ex_emit_reported(x, np, c, c + 1, a, e, 1);
        *next = e + 1;
        return RS_DONE;
    }
    return RS_NEXT_CUE;
}

/* The statement of participle c (VC_PART) in sentence [s0, s1): RS_DONE, with *next set when
 * the rest of the sentence is read on its own, or RS_NEXT_CUE. */
/* Does the dash at d close an aside opened by another dash after s0? */
static int dash_pair(const xctx *x, uint32_t s0, uint32_t d)
{
    for (uint32_t k = d; k > s0 && d - k < 40;)
        if (tok_dash(x, --k))
            return 1;
    return 0;
}

int hd_ex_participle_statement(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np,
                               uint32_t *next)
{
    /* "While saying that A, he …": the subject follows the participle's clause */
    if ((c == s0 + 1 || (c == s0 + 2 && x->t[s0].kind == TK_QOPEN)) &&
        (tok_is(x, c - 1, "while") || tok_is(x, c - 1, "after") || tok_is(x, c - 1, "before")))
        return while_saying(x, c, s1, np, next);
    /* ", saying", also after a quote closing on its comma ("“New York values,” saying") or
     * a dash closing an aside ("criticised the move - which may affect staff - saying") */
    int comma = tok_punct(x, c - 1, ',') ||
                (c > 1 && tok_dash(x, c - 1) && dash_pair(x, s0, c - 1)) ||
                (c > 1 && x->t[c - 1].kind == TK_QCLOSE && tok_punct(x, c - 2, ','));
    int clause = c > 0 && (comma || tok_is(x, c - 1, "by") || tok_is(x, c - 1, "while") ||
                           tok_is(x, c - 1, "after"));
    /* ", saying …" belongs to the sentence's subject; "with 60 percent of voters saying
     * …" to the noun phrase just before it */
    if (clause ? !hd_ex_np_sentence_subject(x, c, c, np)
               : !(tok_is(x, c, "saying") && hd_ex_np_left(x, c, s0, np)))
        return RS_NEXT_CUE;
    if (clause)
        hd_ex_appositive_name(x, c, np);
    /* "X issued a statement saying …": X's words, not the statement's */
    if (!clause && issued_document(x, np) && !hd_ex_np_sentence_subject(x, c, c, np))
        return RS_NEXT_CUE;
    /* "Wim Duisenberg has defended the move saying …": the object of the subject's verb says
     * nothing; its subject does */
    /* (also past a particle, "started out their ninth debate saying", or with a possessive
     * before a thing, which names whose it is, not who speaks) */
    static const char *const particle[] = {"out", "up", "off", "on", "in", NULL};
    static const char *const poss[] = {"their", "his", "her", "its", "our", NULL};
    int object =
        np->t0 > s0 &&
        (hd_ex_past_form(x, np->t0 - 1) ||
         (np->t0 > s0 + 1 && tok_in(x, np->t0 - 1, particle) && hd_ex_past_form(x, np->t0 - 2)) ||
         (tok_in(x, np->t0, poss) && np->ref == REF_NONE && !tok_has(x, np->t1 - 1, LW_ROLE)));
    if (!clause && object && !(np->ref >= 0 && x->ent[np->ref].kind == HD_ENT_PERSON) &&
        !tok_has(x, np->t1 - 1, LW_SNOUN) && !hd_ex_np_sentence_subject(x, c, c, np))
        return RS_NEXT_CUE;
    uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : c + 1;
    /* "…, saying A, and reminded the audience …": the subject's next verb ends A */
    for (uint32_t k = a + 3; k + 1 < s1; k++)
        if (tok_punct(x, k, ',') && tok_is(x, k + 1, "and") && k + 2 < s1 && tok_word(x, k + 2) &&
            !(x->t[k + 2].flags & (TF_CAP | TF_INQ)) && x->t[k + 2].e - x->t[k + 2].s > 4 &&
            x->b[x->t[k + 2].e - 1] == 'd' && x->b[x->t[k + 2].e - 2] == 'e') {
            s1 = k;
            break;
        }
    /* "…, saying A, though Mrs. Fiorina said B": B is a sentence of its own */
    for (uint32_t k = a + 3; k + 1 < s1; k++) {
        if (!tok_punct(x, k - 1, ',') || (x->t[k].flags & TF_INQ) ||
            !(tok_is(x, k, "though") || tok_is(x, k, "although") || tok_is(x, k, "while") ||
              tok_is(x, k, "whereas") || tok_is(x, k, "but") || tok_is(x, k, "and")))
            continue;
        if (hd_ex_own_subject_clause(x, k, s1)) {
            hd_ex_emit_reported(x, np, c, c + 1, a, k - 1, 1);
            *next = k + 1;
            return RS_DONE;
        }
    }
    if (!hd_ex_compared_split(x, np, c, a, s1))
        hd_ex_emit_reported(x, np, c, c + 1, a, s1, 1);
    return RS_DONE;
}

int hd_ex_headline_cue(const xctx *x, uint32_t c)
{
    static const char *const cue[] = {"says",   "tells",  "warns", "insists",  "claims",
                                      "admits", "denies", "vows",  "predicts", "argues",
                                      "urges",  "said",   "told",  NULL};
    if (tok_in(x, c, cue))
        return 1;
    return 0;
}

/* A headline or subhead in title case, "Senator X Says Border Bill Will Pass": a run of
 * capitalised words opening the sentence, a capitalised speech verb, and a title-case rest
 * that ends the paragraph. Emits the statement (reported: a headline paraphrases). */
int hd_ex_headline_statement(xctx *x, uint32_t s0, uint32_t s1)
{
    if (s1 < x->nt && x->t[s1].kind != TK_PARA)
        return 0;
    for (uint32_t c = s0 + 1; c < s1 && c < s0 + 7; c++) {
        if (!tok_word(x, c))
            return 0;
        /* verbs of saying only: "Responds To Question", "Reveals Stunning Thing" are no
         * statement */
        if (!(x->t[c].flags & TF_CAP) || (x->t[c].flags & (TF_INQ | TF_ALLCAPS)) ||
            !hd_ex_headline_cue(x, c) || tok_is(x, c, "said"))
            continue;
        /* "Emilia Clarke Was Told to …": passive, no one named speaks */
        for (uint32_t k = s0; k < c; k++)
            if (!(x->t[k].flags & (TF_CAP | TF_ALLCAPS)) || tok_has(x, k, LW_FUNC | LW_PRON) ||
                (x->t[k].lex & LW_VERB) || tok_in(x, k, hd_ex_be_words))
                return 0;
        uint32_t e = s1, words = 0, caps = 0;
        while (e > c + 1 && x->t[e - 1].kind == TK_PUNCT)
            e--;
        for (uint32_t k = c + 1; k < e; k++) {
            if (x->t[k].kind != TK_WORD)
                continue;
            words++;
            caps += (x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)) != 0;
        }
        if (words < 2 || caps * 5 < words * 4)
            return 0;
        xnp np;
        if (!hd_ex_np_left(x, c, s0, &np)) {
            memset(&np, 0, sizeof np);
            np.t0 = s0;
            np.t1 = c;
            np.ref = REF_NONE;
        }
        hd_ex_emit_reported(x, &np, c, c + 1, c + 1, e, 1);
        return 1;
    }
    return 0;
}
