/* SPDX-License-Identifier: MIT
 *
 * reported_span.c — where what was said ends, and the reported statement it makes:
 *
 *   speaker + cue + tokens [a, b) -> xstmt (direct = 0), its text ranges trimmed
 *
 *   a participle of speech after a comma starts another statement, a description of a person
 *   or the speaker's next act ends it, "…, compared with 64 percent who say …" splits it, and
 *   the rest after an interrupting cue or a source set off by commas joins it.
 * Called by reported.c, reported_form.c and reported_relative.c once they know the speaker
 * and the clause.
 */
#include "extract/extract_int.h"

/* Does the speaker's noun phrase say that nothing was said: "Nobody asked about …", "No
 * one said …", or open a question ("Does the candidate say the wrong thing …?", "Did Trump
 * say …?")? */
static int no_statement_subject(const xctx *x, const xnp *np)
{
    if (!np || np->t1 <= np->t0)
        return 0;
    uint32_t k = np->t0;
    if (tok_is(x, k, "nobody") || tok_is(x, k, "none") ||
        (tok_is(x, k, "no") && tok_is(x, k + 1, "one")))
        return 1;
    static const char *const aux[] = {"does", "did", "do", "will", "would", "can", "could", NULL};
    if (k > 0 && tok_in(x, k - 1, aux) && (x->t[k - 1].flags & TF_SSTART))
        return 1;
    return tok_in(x, k, aux) && (x->t[k].flags & TF_SSTART);
}

void hd_ex_emit_reported(xctx *x, const xnp *np, uint32_t c0, uint32_t c1, uint32_t a, uint32_t b,
                         int pron_ok)
{
    if (no_statement_subject(x, np))
        return;
    while (b > a &&
           (x->t[b - 1].kind == TK_PARA || (x->t[b - 1].kind == TK_PUNCT && x->t[b - 1].ch != ')')))
        b--;
    while (a < b && x->t[a].kind == TK_PUNCT)
        a++;
    /* "…, to which O'Malley interjected: “…”": the relative that hands over to someone
     * else's words is not what was said (not "…, which, dealers said, revived …": what was
     * said goes on past the cue) */
    if (b > a + 2 && b < x->nt && tok_word(x, b) && tok_is(x, b - 1, "which")) {
        uint32_t e = b - 1;
        if (tok_word(x, e - 1) && (x->t[e - 1].lex & LW_ADVB))
            e--;
        if (e > a + 1 && tok_punct(x, e - 1, ','))
            b = e - 1;
    }
    /* stop before a quote that is already a statement of its own (", adding, “…”") */
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].kind == TK_QOPEN && hd_ex_has_used_quote(x, k, k + 1)) {
            b = k;
            while (b > a && (x->t[b - 1].kind == TK_PUNCT || (x->t[b - 1].lex >> 24) == VC_PART))
                b--;
            break;
        }
    int words = 0;
    for (uint32_t k = a; k < b; k++)
        words += x->t[k].kind == TK_WORD;
    if (words < 3 || hd_ex_has_used_quote(x, a, b))
        return;
    xstmt *s = hd_ex_st_new(x);
    if (!s)
        return;
    hd_ex_set_np(x, s, np);
    (void)pron_ok;
    s->cue0 = c0;
    s->cue1 = c1;
    s->s1 = x->t[a].s;
    s->e1 = x->t[b - 1].e;
    s->para = x->t[c0].para;
    s->anchor = c0;
    s->direct = 0;
    x->used[c0] = 1;
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].kind == TK_QOPEN && x->t[k].qi && x->q[x->t[k].qi - 1].stmt < 0)
            x->q[x->t[k].qi - 1].stmt = (int32_t)(x->nst - 1);
}

int hd_ex_past_form(const xctx *x, uint32_t k)
{
    const xtok *t = &x->t[k];
    return tok_word(x, k) && !(t->flags & (TF_CAP | TF_DIGIT | TF_INQ)) && t->e - t->s > 4 &&
           x->b[t->e - 1] == 'd' && x->b[t->e - 2] == 'e' &&
           !tok_has(x, k, LW_ADV | LW_NOTNOUN | LW_FUNC);
}

/* Does the writer go on about the speaker at token k, after a comma: "and he railed against
 * …", "but she declined …"? A pronoun that can be the speaker and is not in what was said
 * [a, k), then a verb in the past tense: the speaker's next act, not more of what was
 * said. */
static int speaker_goes_on(const xctx *x, const xnp *np, uint32_t a, uint32_t k, uint32_t b)
{
    if (k + 2 >= b || !(tok_is(x, k, "and") || tok_is(x, k, "but")))
        return 0;
    char g = tok_is(x, k + 1, "he") ? 'm' : tok_is(x, k + 1, "she") ? 'f' : 0;
    if (!g)
        return 0;
    /* "said he got into the race …, and he decided …", "said the man tried to recruit him,
     * but he refused": what was said is about the speaker, who may go on in it */
    for (uint32_t m = a; m < k; m++)
        if (g == 'm' ? tok_is(x, m, "he") || tok_is(x, m, "him") || tok_is(x, m, "his")
                     : tok_is(x, m, "she") || tok_is(x, m, "her"))
            return 0;
    int32_t e = hd_ex_ref_entity(x, np->ref);
    if (e < 0 || x->ent[e].kind != HD_ENT_PERSON || !hd_ex_gender_ok(x, np->ref, g))
        return 0;
    uint32_t v = k + 2;
    if (tok_has(x, v, LW_ADV) && !(x->t[v].flags & TF_CAP) && v + 1 < b)
        v++; /* "and he also railed" */
    return hd_ex_past_form(x, v);
}

/* Does a comparison with other speakers start at token k: "compared with 64 percent who say
 * …", "versus 30 percent who said …"? (A relative clause of speech within eight tokens, no
 * comma between.) */
static int compared_speakers(const xctx *x, uint32_t k, uint32_t b)
{
    uint32_t m = k;
    if (tok_is(x, m, "compared") && (tok_is(x, m + 1, "with") || tok_is(x, m + 1, "to")))
        m += 2;
    else if (tok_is(x, m, "versus") || tok_is(x, m, "against"))
        m += 1;
    else
        return 0;
    for (uint32_t t = m + 1; t < b && t < m + 8; t++) {
        if (x->t[t].kind != TK_WORD || (x->t[t].flags & TF_INQ))
            return 0;
        if (!tok_is(x, t, "who"))
            continue;
        uint32_t v = t + 1;
        if (tok_has(x, v, LW_ADV) && !(x->t[v].flags & TF_CAP))
            v++;
        return v < b && hd_ex_cue_class(x, v) == VC_SPEECH && hd_ex_relative_who(x, v, m) == t;
    }
    return 0;
}

/* "they favour Clinton, compared with 64 percent who say the same of Sanders", "said yes,
 * compared with 23 percent who said …": np's words end at the comma, the others' are a
 * statement of their own. 1 when emitted so. */
int hd_ex_compared_split(xctx *x, const xnp *np, uint32_t c, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k + 4 < b; k++)
        if (tok_punct(x, k, ',') && !(x->t[k].flags & TF_INQ) && compared_speakers(x, k + 1, b)) {
            hd_ex_emit_reported(x, np, c, c + 1, a, k, 1);
            hd_ex_relative_statements(x, k + 1, b);
            return 1;
        }
    return 0;
}

/* Does the relative clause opened by "who" at v close on a comma before the clause's own
 * verb ("that Gov. Alejandro Padilla, who must make the final decision, has revealed almost
 * nothing")? Then it sits inside what was said. */
static int relative_inside(const xctx *x, uint32_t v, uint32_t b)
{
    for (uint32_t k = v + 2; k + 1 < b && k < v + 25; k++) {
        if (x->t[k].flags & TF_INQ)
            return 0;
        if (tok_punct(x, k, ','))
            return tok_in(x, k + 1, hd_ex_aux_words);
    }
    return 0;
}

/* Emit what np said with cue c in tokens [a, b), where it ends: a participle of speech after
 * a comma ("…, telling voters that …") starts a statement of its own by the same speaker, and
 * a relative clause on a person closing it ("… beside Hillary Clinton, who has been battered by
 * …") is the writer's description, not the speaker's words. */
void hd_ex_emit_clause(xctx *x, const xnp *np, uint32_t c, uint32_t a, uint32_t b)
{
    if (hd_ex_compared_split(x, np, c, a, b))
        return;
    for (uint32_t k = a + 3; k + 2 < b; k++) {
        if (!tok_punct(x, k, ',') || (x->t[k + 1].flags & TF_INQ))
            continue;
        uint32_t v = k + 1;
        if (tok_word(x, v) && !(x->t[v].flags & TF_CAP) && (x->t[v].lex & LW_VERB) &&
            x->t[v].lex >> 24 == VC_PART && hd_ex_cue_ok(x, v, VC_PART)) {
            hd_ex_emit_reported(x, np, c, c + 1, a, k, 1);
            uint32_t a2 = tok_is(x, v + 1, "that") ? v + 2 : v + 1;
            if (tok_is(x, v, "telling") || tok_is(x, v, "asking")) {
                a2 = hd_ex_skip_object(x, v + 1, b); /* "telling voters that …" */
                if (tok_is(x, a2, "that"))
                    a2++;
            }
            if (a2 != UINT32_MAX && a2 < b)
                hd_ex_emit_reported(x, np, v, v + 1, a2, b, 1);
            return;
        }
        if (tok_is(x, v, "who") && x->tent[k - 1] >= 0 &&
            x->ent[x->tent[k - 1]].kind == HD_ENT_PERSON && !relative_inside(x, v, b)) {
            b = k;
            break;
        }
        if (speaker_goes_on(x, np, a, k + 1, b)) {
            b = k;
            break;
        }
    }
    hd_ex_emit_reported(x, np, c, c + 1, a, b, 1);
}

/* "Putting the show together, Butz said, allowed him to …", "If the law was never tested,
 * Giuliani said, there is a simple explanation": the cue interrupts what was said, whose
 * second part [k, s1) joins the statement — unless it is the speaker's own next act or words
 * of another kind (", adding …", ", who …", ", according to …", a quote). */
void hd_ex_interrupted_rest(xctx *x, xstmt *s, uint32_t k, uint32_t s1)
{
    uint32_t e = s1;
    while (e > k && (x->t[e - 1].kind == TK_PARA || x->t[e - 1].kind == TK_PUNCT))
        e--;
    /* "The documents indicate, he said, that ''the department …''": a quoted phrase may go on
     * what was said, but not open it nor be a statement of its own */
    /* "that" opening a clause ("that ''the …''", "that the …", "that Clinton …"), not a
     * relative pronoun ("a provision, he said, that is meant to …") */
    int that = tok_is(x, k, "that") && k + 1 < e &&
               (x->t[k + 1].kind == TK_QOPEN || tok_has(x, k + 1, LW_DET | LW_PRON) ||
                (x->t[k + 1].flags & TF_CAP));
    if (that)
        k++;
    if (k >= e || (x->t[k].kind == TK_QOPEN && !that) || hd_ex_has_used_quote(x, k, e))
        return;
    int words = 0;
    for (uint32_t m = k; m < e; m++) {
        if (!(x->t[m].flags & TF_INQ) &&
            ((x->t[m].lex >> 24) == VC_SPEECH || (x->t[m].lex & LW_ACC)))
            return; /* another cue: not simply the rest of the words */
        words += x->t[m].kind == TK_WORD;
    }
    /* "…, he said, wiping sweat off his face", "…, he said, on condition of anonymity" */
    const xtok *t = &x->t[k];
    if (tok_word(x, k) && t->e - t->s > 4 && x->b[t->e - 1] == 'g' && x->b[t->e - 2] == 'n' &&
        x->b[t->e - 3] == 'i')
        return;
    if (tok_is(x, k, "on") && tok_is(x, k + 1, "condition"))
        return;
    if (words < 2 || (!tok_word(x, k) && !that) || (x->t[k].lex >> 24) == VC_PART ||
        tok_is(x, k, "who") || tok_is(x, k, "which") || tok_is(x, k, "and") ||
        tok_is(x, k, "but") || tok_is(x, k, "when") || tok_is(x, k, "as") ||
        tok_is(x, k, "while") || tok_is(x, k, "without") || tok_is(x, k, "although") ||
        tok_is(x, k, "though"))
        return; /* "…, he said, without giving details" */
    s->s2 = x->t[k].s;
    s->e2 = x->t[e - 1].e;
}

/* Past the descriptions of a source set off by commas from token e (a comma): the first token
 * of what follows them, s1 when they run to the end. Up to two stretches to a comma without an
 * auxiliary ("executive director of National Nurses United, a union that …"). */
uint32_t hd_ex_past_descriptions(const xctx *x, uint32_t e, uint32_t s1)
{
    uint32_t r = e + 1;
    /* descriptions: up to two stretches to a comma without an auxiliary ("executive director
     * of National Nurses United, a union that …"); one that runs to the end leaves no rest */
    for (int hop = 0; hop < 2 && r < s1; hop++) {
        uint32_t d = r;
        int verb = 0, rel = 0; /* an auxiliary or cue; "who/that/which" before it */
        while (d < s1 && d < r + 25 && !tok_punct(x, d, ',') && !hd_ex_stop_tok(x, d)) {
            if (!verb)
                rel |= tok_is(x, d, "who") || tok_is(x, d, "whose") || tok_is(x, d, "that") ||
                       tok_is(x, d, "which");
            verb |= tok_in(x, d, hd_ex_aux_words);
            verb |= (x->t[d].lex >> 24) != 0;
            d++;
        }
        int described = tok_has(x, r, LW_DET | LW_ROLE) || tok_is(x, r, "director");
        for (uint32_t m = r; m < d && !described; m++)
            described = tok_has(x, m, LW_ROLE);
        if (!described || (verb && !rel))
            break; /* a clause: the rest of what was said */
        r = d < s1 && tok_punct(x, d, ',') ? d + 1 : s1;
    }
    return r;
}

/* The rest of what was said after a source set off by commas, which ends at token e: past
 * the comma and the source's description ("according to Dennis Ross, a former envoy, …",
 * "said Michael Kofman, an expert on Russia, …"), unless a participle hangs on the source
 * ("…, signed by five ministers"). Joined to s by hd_ex_interrupted_rest; need_aux: only a rest
 * with an auxiliary of its own. */
void hd_ex_rest_after_source(xctx *x, xstmt *s, uint32_t e, uint32_t s1, int need_aux)
{
    if (!tok_punct(x, e, ','))
        return;
    uint32_t r = hd_ex_past_descriptions(x, e, s1);
    if (r >= s1 || (tok_word(x, r) && !(x->t[r].flags & TF_CAP) && x->t[r].e - x->t[r].s > 3 &&
                    x->b[x->t[r].e - 1] == 'd' && x->b[x->t[r].e - 2] == 'e'))
        return;
    /* after "said X, …" a description may close the sentence ("said Angie Holan, Politifact's
     * editor"): the rest must have a verb of its own */
    int has_aux = !need_aux;
    for (uint32_t m = r; m < s1 && !has_aux; m++)
        has_aux = tok_in(x, m, hd_ex_aux_words) && !(x->t[m].flags & TF_INQ);
    if (has_aux)
        hd_ex_interrupted_rest(x, s, r, s1);
}
