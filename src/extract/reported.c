/* SPDX-License-Identifier: MIT
 *
 * reported.c — reported speech, at most one cue per sentence (two when coordinated):
 *
 *   sentence tokens + cues -> xstmt[] with direct = 0
 *
 *   X said (that) …, X told reporters …, X said on Tuesday he would …, …, X said.,
 *   according to X, … / …, according to X., X described … as "…", X called Y "…",
 *   X called for …, ", saying …" after a non-speech verb, "X says A but argues B".
 * The clause stops before a quote that is already a direct statement of its own. This file
 * reads the sentence's cues and "X said …"; reported_form.c has the other forms,
 * reported_clause.c and reported_span.c where the clause starts and ends, reported_relative.c
 * relative clauses, reported_opener.c sentence openers.
 * Called by statement.c (xstmt_run) for every sentence after direct quotes are known.
 */
#include "extract/extract_int.h"

/* Does the quote opening sentence s0 close before the comma at token `comma` with words after
 * it ("“Cross-disciplinary science is the way to go” to grow Africa’s potential, Schutte
 * said."), so that the clause before the comma, not the quote alone, is what was said? A
 * quote running to the comma ("“…,” X said") is the direct quote's, and so is one a statement
 * already holds. */
static int quote_then_words(const xctx *x, uint32_t s0, uint32_t comma)
{
    if (!x->t[s0].qi)
        return 0;
    const xquote *q = &x->q[x->t[s0].qi - 1];
    if (!q->closed || q->stmt >= 0 || q->close + 1 >= comma)
        return 0;
    /* "“I'm outraged,” the play's organiser, Sarah Mukasa, told …": a quote closed on a
     * comma is followed by who said it, not by more of what was said — unless "and" or "but"
     * goes on with it ("“There's a sense of stability now,” and donations began to pick up
     * again, Gilbert said.") */
    int conj = tok_is(x, q->close + 1, "and") || tok_is(x, q->close + 1, "but");
    if (!conj && (tok_punct(x, q->close - 1, ',') || tok_punct(x, q->close + 1, ',')))
        return 0;
    uint32_t words = 0;
    for (uint32_t k = q->close + 1; k < comma; k++)
        words += x->t[k].kind == TK_WORD;
    return words >= 2;
}

/* Is cue c (a speech verb) a "…, X said." that ends sentence [s0, s1) — right before its
 * end or an adverbial ("…, X said on Tuesday.")? Then the clause before the comma is what X
 * said, whatever verbs it holds ("No firms have reported difficulties, an official said").
 * A role joined by "and" belongs to X ("…, Industry and Trade Secretary Roberto Lavagna told
 * reporters."). Sets *np and *comma (the comma's token). */
static int trailing_attribution(xctx *x, uint32_t c, uint32_t s0, uint32_t s1, xnp *np,
                                uint32_t *comma)
{
    if (!hd_ex_np_left(x, c, s0, np))
        return 0;
    for (uint32_t m = np->t1; m < c; m++)
        if (!tok_has(x, m, LW_ADV))
            return 0; /* the subject of "X said A and added B", not a phrase before the cue */
    uint32_t p = np->t0;
    int role = 0;
    for (uint32_t m = np->t0; m < np->t1; m++)
        role |= tok_has(x, m, LW_ROLE) != 0;
    if (role && p > s0 + 3 && tok_is(x, p - 1, "and")) {
        uint32_t q = p - 1;
        while (q > s0 + 1 && q + 4 > p && tok_word(x, q - 1) && (x->t[q - 1].flags & TF_CAP))
            q--;
        if (q < p - 1 && tok_punct(x, q - 1, ','))
            p = q;
    }
    if (p <= s0 + 2 || !tok_punct(x, p - 1, ',') || hd_ex_lone_subordinate(x, s0, p - 1) ||
        (x->t[s0].kind == TK_QOPEN && !quote_then_words(x, s0, p - 1)))
        return 0;
    uint32_t k = c + 1;
    if (tok_is(x, c, "told") || tok_is(x, c, "tells"))
        k = hd_ex_skip_object(x, k, s1);
    if (!(k >= s1 || hd_ex_stop_tok(x, k) ||
          (tok_word(x, k) && hd_ex_adverbial_start(x, k, s1) && s1 - k <= 6)))
        return 0;
    /* "On Dec. 7 on MSNBC, Bush said “local forces” must lead the way": a quote after the cue
     * is what was said */
    if (k < s1 && x->t[k].kind == TK_QOPEN)
        return 0;
    for (uint32_t m = c + 1; m < s1 && m < c + 14 && !tok_punct(x, m, ','); m++)
        if (tok_is(x, m, "that"))
            return 0; /* "…, X said on Tuesday that …" */
    for (uint32_t m = k; m < s1; m++)
        if (tok_punct(x, m, ',') || (x->t[m].lex & (LW_VERB | LW_ACC)))
            return 0; /* more follows: not the sentence's last word on it */
    *comma = p - 1;
    return 1;
}

/* Does a clause with a subject of its own and a speech cue start right after token k ("and
 * B said Y", "though Mrs. Fiorina said Y")? */
int hd_ex_own_subject_clause(xctx *x, uint32_t k, uint32_t s1)
{
    for (uint32_t c3 = k + 2; c3 < s1 && c3 < k + 8; c3++) {
        xnp np3;
        uint32_t cls3 = hd_ex_cue_class(x, c3);
        if (cls3 == VC_SPEECH && hd_ex_cue_ok(x, c3, cls3) && hd_ex_np_left(x, c3, k + 1, &np3) &&
            np3.t0 == k + 1)
            return 1;
    }
    return 0;
}

/* Prepositions that say whose a noun is: "an analyst at Goldman Sachs", "a spokesman for the
 * ministry", "researchers from the university". */
static const char *const whose[] = {"at", "for", "from", "of", "with", NULL};

/* Does an adverbial of where or when close the sentence after inverted subject np ("…, says
 * Dossym Satpayev in Almaty.", "…, said AMBB in a statement.")? Not a preposition that
 * says whose a common noun is ("said an analyst at Goldman Sachs", "say researchers at BDO
 * Stoy Hayward"): that is part of the subject. */
static int adverbial_closes(const xctx *x, const xnp *np, uint32_t s1)
{
    uint32_t a = np->t1;
    if (!tok_word(x, a))
        return 0;
    if (tok_in(x, a, whose) && !(x->t[a - 1].flags & TF_CAP))
        return 0;
    return hd_ex_adverbial_only(x, a, s1);
}

/* Does the inverted subject np close its sentence: at the end, a comma, an adverbial, or a
 * relative clause on it ("…, said a handful of Democrats who pointed to his appeal.")? */
static int inverted_closes(const xctx *x, const xnp *np, uint32_t s1)
{
    return np->t1 >= s1 || hd_ex_stop_tok(x, np->t1) || tok_punct(x, np->t1, ',') ||
           adverbial_closes(x, np, s1) ||
           (tok_is(x, np->t1, "who") && !(x->t[np->t1].flags & TF_INQ) && np->t1 + 1 < s1 &&
            tok_word(x, np->t1 + 1));
}

/* "…, said a spokesman for the ministry.": np_right's role np stops at its preposition; the
 * role with it, read back from the sentence's end as a subject before its cue is, into *np
 * (not a listener: "told the BBC News website"). A person named after a comma is the one
 * who spoke ("said a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who"). */
static int role_with_preposition(xctx *x, uint32_t c, uint32_t s1, xnp *np)
{
    uint32_t p = np->t1;
    if (p <= c + 1 || p + 1 >= s1 || !tok_in(x, p, whose) ||
        !tok_has(x, p - 1, LW_ROLE | LW_SNOUN) || (x->t[p - 1].flags & (TF_CAP | TF_ALLCAPS)) ||
        tok_is(x, c, "told") || tok_is(x, c, "tell") || tok_is(x, c, "tells"))
        return 0;
    uint32_t e = p;
    while (e < s1 && e < p + 8 && tok_word(x, e) && !tok_has(x, e, LW_VERB | LW_NOTNOUN | LW_PRON))
        e++;
    xnp whole;
    if (!(e >= s1 || hd_ex_stop_tok(x, e) || tok_punct(x, e, ',')) ||
        !hd_ex_np_left(x, e, c + 1, &whole) || whole.t0 != c + 1 || whole.t1 != e)
        return 0;
    int32_t who = e + 1 < s1 && tok_punct(x, e, ',') ? x->tent[e + 1] : -1;
    if (who >= 0 && x->ent[who].kind == HD_ENT_PERSON) {
        uint32_t n = e + 1;
        while (n < s1 && x->tent[n] == who)
            n++;
        if (n >= s1 || hd_ex_stop_tok(x, n) || tok_punct(x, n, ',')) {
            whole.t1 = n;
            whole.ref = who;
        }
    }
    *np = whole;
    return 1;
}

/* The subject after an inverted cue at the end of a sentence ("…, said the spokesman.",
 * "…, says certified financial planner Eric Roberge."), running to the end of the sentence,
 * to a comma or to a closing adverbial. A few lower-case words may describe a person named
 * after them: the description is part of the mention, the person is the speaker. */
static int inverted_subject(xctx *x, uint32_t c, uint32_t s1, xnp *np)
{
    uint32_t i = c + 1;
    for (int tries = 0; tries < 2; tries++) {
        if (hd_ex_np_right(x, i, s1, np) && inverted_closes(x, np, s1)) {
            np->t0 = c + 1;
            return 1;
        }
        if (tries == 0 && role_with_preposition(x, c, s1, np))
            return 1;
        /* skip the description: lower-case words, no verb, up to a person's name */
        uint32_t k = c + 1;
        while (k < s1 && k < c + 5 && tok_word(x, k) &&
               !(x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)) && !(x->t[k].lex & LW_VERB) &&
               !tok_has(x, k, LW_NOTNOUN | LW_PRON))
            k++;
        if (k == c + 1 || k >= s1 || x->tent[k] < 0 || x->ent[x->tent[k]].kind != HD_ENT_PERSON)
            return 0;
        i = k;
    }
    return 0;
}

/* One sentence [s0, s1): at most one reported statement. */
typedef struct sent_cue {
    xctx *x;
    uint32_t s0, s1; /* the sentence, up to a trailing carrier's words */
    uint32_t c, cls; /* the cue being read and its class */
    xnp np;          /* its speaker */
    uint32_t ret;    /* one_sentence's answer when a step is done */
} sent_cue;

/* Is sentence [s0, *s1) a "…, X said." with its last speech cue? 1 when that statement was
 * emitted; when the clause reports speech itself, *s1 ends before the carrier's words. */
static int trailing_cue(xctx *x, uint32_t s0, uint32_t *s1)
{
    /* The last speech cue first: a "…, X said." at the end outranks verbs inside the clause
     * ("have reported any difficulties", "announced 1.5 mln dlrs"), unless the clause itself
     * reports speech with say or tell ("An official said talks would go on, the agency
     * reported": the official's words are the statement; the agency only carries them). */
    uint32_t last = UINT32_MAX;
    int inner_say = 0;
    for (uint32_t ci = hd_ex_first_cue(x, s0); ci < x->n_cues && x->cues[ci] < *s1; ci++) {
        uint32_t c = x->cues[ci];
        if (x->t[c].flags & TF_INQ)
            continue;
        if (last != UINT32_MAX)
            inner_say |= tok_is(x, last, "said") || tok_is(x, last, "says") ||
                         tok_is(x, last, "say") || tok_is(x, last, "told") ||
                         tok_is(x, last, "tells");
        last = c;
    }
    if (last != UINT32_MAX && *s1 - last <= 12 && hd_ex_cue_class(x, last) == VC_SPEECH &&
        hd_ex_cue_ok(x, last, VC_SPEECH) && !hd_ex_not_said(x, last, s0)) {
        xnp np;
        uint32_t comma;
        if (trailing_attribution(x, last, s0, *s1, &np, &comma)) {
            if (!inner_say) {
                hd_ex_emit_reported(x, &np, last, last + 1, s0, comma, 1);
                return 1;
            }
            *s1 = comma; /* the inner statement ends where the carrier's words begin */
        }
    }
    return 0;
}

/* Is the subject of S's cue a person named right after it (inverted), in *inv? */
static int inverted_speaker(const sent_cue *S, xnp *inv)
{
    xctx *x = S->x;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    /* "…, rather than best documentary, says Tim Dams, the news editor …": a person
     * named right after a cue that follows a comma, and closed by a comma or the sentence's
     * end, is its subject, whatever noun phrase stands before the comma (not "Steve Huhn, a
     * former vice president, said Fiorina “was …”": there the name opens what was said) */
    int inverted_person =
        S->cls == VC_SPEECH && c > s0 + 3 && tok_punct(x, c - 1, ',') && tok_word(x, c + 1) &&
        (x->t[c + 1].flags & TF_CAP) && inverted_subject(x, c, s1, inv) &&
        (inv->t1 >= s1 || tok_punct(x, inv->t1, ',') || tok_punct(x, inv->t1, '.') ||
         adverbial_closes(x, inv, s1)) &&
        !(x->t[inv->t1 - 1].flags & TF_POSS) &&
        (REF_IS_PEND(inv->ref) || (inv->ref >= 0 && x->ent[inv->ref].kind == HD_ENT_PERSON));
    /* the name and its descriptions close the sentence; or the words before the cue are
     * no clause and name no one ("Any interpretation of his actions, said X, an expert, would
     * …"): not "Hoechst Celanese, a unit of Hoechst AG, said Juergen Dormann, a former board
     * member, has been named chairman", "One political analyst, who declined to be named,
     * said Nakasone, despite …, is likely to …" */
    if (inverted_person && inv->t1 < s1 && tok_punct(x, inv->t1, ',')) {
        uint32_t r = hd_ex_past_descriptions(x, inv->t1, s1);
        xnp pre;
        inverted_person = r >= s1 || hd_ex_stop_tok(x, r) ||
                          (!hd_ex_has_aux(x, s0, c - 1, 10) && x->tent[s0] < 0 &&
                           !(hd_ex_np_left(x, c, s0, &pre) && hd_ex_personal_np(x, &pre)));
    }
    return inverted_person;
}

/* The speaker of S's cue into S->np: the subject before it, or after it when inverted (then
 * what was said comes first, and is emitted here). */
static int cue_speaker(sent_cue *S)
{
    xctx *x = S->x;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    xnp inv;
    int inverted = inverted_speaker(S, &inv);
    /* "The judges who ruled that Texas could not implement their laws said …": the
     * subject is the noun before a relative clause that ends at the cue */
    int rel_subject = !inverted && hd_ex_relative_subject(x, c, s0, &S->np);
    if (!rel_subject && (inverted || !hd_ex_np_left(x, c, s0, &S->np))) {
        /* inverted at the end: "…, said the spokesman." */
        if (inverted)
            S->np = inv;
        if (inverted ||
            (c > s0 + 3 && tok_punct(x, c - 1, ',') && inverted_subject(x, c, s1, &S->np))) {
            uint32_t n0 = x->nst;
            hd_ex_emit_reported(x, &S->np, c, c + 1, s0, c - 1, 1);
            /* "Any interpretation of his actions, said Michael Kofman, an expert on Russia,
             * would read this as …" */
            if (x->nst > n0 && !hd_ex_has_aux(x, s0, c - 1, 10))
                hd_ex_rest_after_source(x, &x->st[x->nst - 1], S->np.t1, s1, 1);
            return RS_DONE;
        }
        return RS_NEXT_CUE;
    }
    return RS_GO_ON;
}

/* Statement st, emitted over its whole sentence, cut to its subject (up to token last) and
 * the predicate [k, s1) after the interrupting cue, up to a quote that is a statement of its
 * own; dead when no predicate is left. */
static void predicate_rest(xctx *x, xstmt *st, uint32_t last, uint32_t k, uint32_t s1)
{
    uint32_t e = s1;
    int32_t self = (int32_t)(st - x->st);
    for (uint32_t m = k; m < e; m++)
        if (x->t[m].kind == TK_QOPEN && x->t[m].qi && x->q[x->t[m].qi - 1].stmt >= 0 &&
            x->q[x->t[m].qi - 1].stmt != self)
            e = m;
    while (e > k &&
           (x->t[e - 1].kind == TK_PARA || (x->t[e - 1].kind == TK_PUNCT && x->t[e - 1].ch != ')')))
        e--;
    st->e1 = x->t[last].e;
    if (e <= k + 1) {
        st->dead = 1;
        return;
    }
    st->s2 = x->t[k].s;
    st->e2 = x->t[e - 1].e;
}

/* "…, X said." — the clause comes first. 1 when emitted so. */
static int clause_first(sent_cue *S)
{
    xctx *x = S->x;
    const xnp *np = &S->np;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    if (!(np->t0 > s0 + 2 && tok_punct(x, np->t0 - 1, ',')))
        return 0;
    uint32_t k = c + 1;
    if (tok_is(x, c, "told") || tok_is(x, c, "tells"))
        k = hd_ex_skip_object(x, k, s1);
    int pre_words = 0;
    for (uint32_t m = s0; m + 1 < np->t0; m++)
        pre_words += x->t[m].kind == TK_WORD;
    /* "In the early 1990s, Ms. Ripert said, when …" is no "…, X said." */
    /* "In a later vote, he warned of …", "In the coming months, he vowed to …": an
     * opening adverbial is no statement, and the words after the cue are */
    int opener_only = ((tok_word(x, k) && !hd_ex_stop_tok(x, k)) || x->t[k].kind == TK_QOPEN) &&
                      pre_words <= 6 && hd_ex_clause_opener(x, s0, np->t0 - 1);
    /* "At rally after rally, to rapturous crowds, he vows to impose …": what was
     * undertaken follows the cue */
    if (!opener_only && tok_is(x, k, "to") && hd_ex_commits(x, c))
        opener_only = 1;
    /* "As the charges were unsealed in New York, Hawk Sawyer testified before …": a
     * subordinate clause alone (no main clause after a comma of its own) says when */
    if (!opener_only && tok_word(x, k) && !hd_ex_stop_tok(x, k))
        opener_only = hd_ex_lone_subordinate(x, s0, np->t0 - 1);
    /* "An agreement with the banks, officials say, is expected soon": a short subject
     * whose predicate follows the cue's comma. A short stretch with an auxiliary and words
     * after it is a clause, not an opener ("The economy will grow, Smith said, by …"; not
     * "That might, he suggests, lead to …", whose verb follows the cue). */
    int predicate_after = tok_punct(x, k, ',') && tok_in(x, k + 1, hd_ex_aux_words);
    if (opener_only ||
        !(k >= s1 || hd_ex_stop_tok(x, k) || (tok_word(x, k) && hd_ex_adverbial_start(x, k, s1)) ||
          (tok_punct(x, k, ',') && (pre_words >= 6 || !tok_has(x, s0, LW_FUNC) || predicate_after ||
                                    hd_ex_has_aux(x, s0, np->t0 - 2, 6)))))
        return 0;
    int that = 0;
    for (uint32_t m = c + 1; m < s1 && m < c + 14 && !tok_punct(x, m, ','); m++)
        that |= tok_is(x, m, "that");
    if (that || (x->t[s0].kind == TK_QOPEN && !quote_then_words(x, s0, np->t0 - 1)))
        return 0;
    uint32_t n0 = x->nst;
    if (predicate_after) {
        /* "The trade, they said, was swap related": the subject and its predicate, however
         * short the subject (emitted with the sentence, then cut around the cue) */
        hd_ex_emit_reported(x, np, c, c + 1, s0, s1, 1);
        if (x->nst > n0)
            predicate_rest(x, &x->st[x->nst - 1], np->t0 - 2, k + 1, s1);
        return 1;
    }
    hd_ex_emit_reported(x, np, c, c + 1, s0, np->t0 - 1, 1);
    uint32_t r = k;
    if (tok_is(x, k, "in")) /* "he said in a telephone interview, that …" */
        while (r < s1 && r < k + 8 && tok_word(x, r))
            r++;
    if (r > k && !(tok_punct(x, r, ',') && tok_is(x, r + 1, "that")))
        r = k;
    if (x->nst > n0 && tok_punct(x, r, ','))
        hd_ex_interrupted_rest(x, &x->st[x->nst - 1], r + 1, s1);
    /* "Those discussions are continuing, the company said, adding it could not predict their
     * outcome": the speaker's next words */
    uint32_t a = r + 1;
    if (tok_punct(x, r, ',') && a + 1 < s1 && tok_word(x, a) && !x->used[a] &&
        !(x->t[a].flags & TF_INQ) && hd_ex_cue_class(x, a) == VC_PART &&
        hd_ex_cue_ok(x, a, VC_PART)) {
        uint32_t b = a + 1;
        if (tok_is(x, b, "that") || tok_punct(x, b, ':'))
            b++;
        if (b + 1 < s1)
            hd_ex_emit_reported(x, np, a, a + 1, b, s1, 1);
    }
    return 1;
}

/* "half said so in the earlier poll", "says so himself", "notes so that he can read": "so"
 * stands for words said elsewhere, or opens a purpose; nothing is said here. */
static int so_only(const xctx *x, uint32_t a, uint32_t s1)
{
    if (!tok_is(x, a, "so") || (x->t[a].flags & TF_CAP))
        return 0;
    uint32_t k = a + 1;
    if (tok_is(x, k, "himself") || tok_is(x, k, "herself") || tok_is(x, k, "themselves"))
        return 1;
    return k >= s1 || hd_ex_stop_tok(x, k) || tok_is(x, k, "that") ||
           (tok_word(x, k) && hd_ex_adverbial_only(x, k, s1));
}

/* "said little, according to an attendee", "said nothing about supporting the dollar",
 * "added little scope for manoeuvre", "said something along the lines of": a pronoun for
 * object, with no verb of its own before the next comma; not "Nothing has changed", "much of
 * the money had not been spent", "Anything that raises …". */
static int pronoun_object(const xctx *x, uint32_t a, uint32_t s1)
{
    static const char *const amount[] = {"little", "nothing", "much", NULL};
    static const char *const thing[] = {"anything", "something", NULL};
    static const char *const after_thing[] = {"about", "along", "to", "of", NULL};
    if (!(tok_in(x, a, amount) || (tok_in(x, a, thing) && tok_in(x, a + 1, after_thing))))
        return 0;
    for (uint32_t k = a + 1; k < s1 && k < a + 16; k++) {
        if (hd_ex_stop_tok(x, k) || tok_punct(x, k, ','))
            return 1;
        if (tok_in(x, k, hd_ex_aux_words) || x->t[k].kind == TK_QOPEN || (x->t[k].lex >> 24) ||
            tok_is(x, k, "that"))
            return 0;
        /* a verb of its own: "much depended upon market conditions", "much of the plans
         * mimicked …", "much depends on …" */
        const xtok *t = &x->t[k];
        size_t n = t->e - t->s;
        if (tok_word(x, k) && !(t->flags & (TF_CAP | TF_DIGIT)) && n > 4 &&
            ((x->b[t->e - 2] == 'e' && x->b[t->e - 1] == 'd') ||
             (k == a + 1 && x->b[t->e - 1] == 's' && !tok_has(x, k, LW_FUNC))))
            return 0;
    }
    return 1;
}

/* The start of what S's speaker said after the cue, into *ap: RS_GO_ON, or RS_NEXT_CUE when
 * there is none, or RS_DONE when only where it was said follows. */
static int said_clause(sent_cue *S, uint32_t *ap)
{
    xctx *x = S->x;
    uint32_t c = S->c, s1 = S->s1;
    uint32_t a = hd_ex_clause_start(x, c, S->cls, s1);
    int where_only = a != UINT32_MAX && a < s1 ? hd_ex_adverbial_only(x, a, s1) : 0;
    if (where_only == 2) {
        /* "Kunin said in an interview with USA TODAY.": no statement, but the speaker
         * stays the one a "she said" after it stands for */
        uint32_t n0 = x->nst;
        hd_ex_emit_reported(x, &S->np, c, c + 1, a, s1, 1);
        if (x->nst > n0)
            x->st[x->nst - 1].dead = 1;
        return RS_DONE;
    }
    if (a == UINT32_MAX || a >= s1 || where_only || so_only(x, a, s1) || pronoun_object(x, a, s1))
        return RS_NEXT_CUE;
    if (x->t[a].kind == TK_QOPEN) {
        /* X said "…": a direct quote if it fills the rest of the sentence; X said "there
         * could be" a line …: a quoted phrase inside reported speech */
        const xquote *q = x->t[a].qi ? &x->q[x->t[a].qi - 1] : NULL;
        int words_after = 0;
        if (q && q->closed)
            for (uint32_t k = q->close + 1; k < s1 && !hd_ex_stop_tok(x, k); k++)
                words_after += x->t[k].kind == TK_WORD;
        /* "told Tehran radio that “…”": quoted words after "that" and a listener are no
         * direct quote of their own (no cue stands next to them): reported, as written */
        int after_listener =
            a > c + 2 && tok_is(x, a - 1, "that") && q && !hd_ex_has_used_quote(x, a, a + 1);
        if (words_after < 3 && !after_listener)
            return RS_NEXT_CUE;
    }
    *ap = a;
    return RS_GO_ON;
}

/* What S's speaker said from a, when a coordinated second clause ends it: RS_DONE (emitted,
 * S->ret where the second clause starts when it is read on its own), else RS_GO_ON. */
static int coordinated(sent_cue *S, uint32_t a)
{
    xctx *x = S->x;
    const xnp *np = &S->np;
    uint32_t c = S->c, s1 = S->s1;
    /* "X says A but argues B": a second cue coordinated with the first; "A said X and
     * B said Y": a second clause with its own subject, read as a sentence of its own */
    for (uint32_t k = a + 3; k + 1 < s1; k++) {
        /* the comma may close a quote: "“…,” while police said …" */
        uint32_t cm = k - 1;
        if (x->t[cm].kind == TK_QCLOSE && cm > a)
            cm--;
        int contrast = tok_punct(x, cm, ',') &&
                       (tok_is(x, k, "though") || tok_is(x, k, "although") ||
                        tok_is(x, k, "while") || tok_is(x, k, "whereas") || tok_is(x, k, "after"));
        /* "More than six in 10 said A; 46 percent said B" (not after a comma: "said a few
         * months ago, he told", "said, for its part, Japan announced" are one report) */
        if (tok_punct(x, k, ';') && hd_ex_own_subject_clause(x, k, s1)) {
            hd_ex_emit_reported(x, np, c, c + 1, a, k, 1);
            S->ret = k + 1;
            return RS_DONE;
        }
        if (!(tok_is(x, k, "and") || tok_is(x, k, "but") || contrast) || (x->t[k].flags & TF_INQ))
            continue;
        if (contrast && hd_ex_own_subject_clause(x, k, s1)) {
            hd_ex_emit_reported(x, np, c, c + 1, a, cm < k - 1 ? k : k - 1, 1);
            S->ret = k + 1;
            return RS_DONE;
        }
        if (contrast)
            continue;
        if (hd_ex_own_subject_clause(x, k, s1)) {
            hd_ex_emit_reported(x, np, c, c + 1, a, k, 1);
            S->ret = k + 1;
            return RS_DONE;
        }
        uint32_t c2 = k + 1;
        if (tok_has(x, c2, LW_ADV) && !(x->t[c2].flags & TF_CAP))
            c2++;
        /* "…, but went on to say …", "and continued to argue …" */
        if (tok_in(x, c2, hd_ex_go_on_verbs)) {
            uint32_t t = c2 + 1 + tok_is(x, c2 + 1, "on");
            if (tok_is(x, t, "to") && t + 1 < x->nt)
                c2 = t + 1;
        }
        /* (a quote after it, whose cue it already is: "… but went on to say, “…”") */
        int quoted = c2 + 2 < x->nt && (tok_punct(x, c2 + 1, ',') || tok_punct(x, c2 + 1, ':')) &&
                     x->t[c2 + 2].kind == TK_QOPEN;
        uint32_t cls2 = quoted && tok_word(x, c2) && !(x->t[c2].flags & (TF_INQ | TF_CAP))
                            ? x->t[c2].lex >> 24
                            : hd_ex_cue_class(x, c2);
        if ((cls2 != VC_SPEECH && cls2 != VC_CALL) || !(quoted || hd_ex_cue_ok(x, c2, cls2)))
            continue;
        uint32_t a2 = hd_ex_clause_start(x, c2, cls2, s1);
        hd_ex_emit_reported(x, np, c, c + 1, a, k, 1);
        if (a2 != UINT32_MAX && a2 < s1 && x->t[a2].kind != TK_QOPEN)
            hd_ex_emit_reported(x, np, c2, c2 + 1, a2, s1, 1);
        return RS_DONE;
    }
    return RS_GO_ON;
}

/* What S's speaker said from a, to the end of the sentence or of its subordinate clause.
 * Returns one_sentence's answer. */
static uint32_t said_rest(sent_cue *S, uint32_t a)
{
    xctx *x = S->x;
    const xnp *np = &S->np;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    /* "While some friends say A, others say B": B is read as a sentence of its own */
    uint32_t e = hd_ex_subordinate_end(x, s0, np->t0, a, s1);
    /* "Deutsche Boerse, which has asked authorities to approve its plan, may offer …": the
     * cue's clause is a relative one set off by commas, ended by its first comma when the
     * main clause's verb follows it (not "which said its chairman, Siggi Wilzig, was …") */
    if (np->t1 < c && tok_punct(x, np->t1, ',') &&
        (tok_is(x, np->t1 + 1, "which") || tok_is(x, np->t1 + 1, "who")))
        for (uint32_t k = a + 1; k + 1 < e; k++)
            if (tok_punct(x, k, ',') && !(x->t[k].flags & TF_INQ)) {
                if (tok_in(x, k + 1, hd_ex_aux_words))
                    e = k;
                break;
            }
    /* "the Islamic State, which French officials said was responsible …": the clause has
     * no subject of its own; the relative word before the speaker stands for it. (Without
     * one, "equipment it said had been placed by American agents", the words are kept as
     * they are.) But a day between the cue and a verb makes the cue a participle ("The
     * megamerger announced Monday would turn …"), and what is asked is a question, not a
     * clause ("the question nobody asked was downright bellicose"): no statement. */
    int relative =
        np->t0 > s0 && (tok_is(x, np->t0 - 1, "which") || tok_is(x, np->t0 - 1, "that") ||
                        tok_is(x, np->t0 - 1, "what") || tok_is(x, np->t0 - 1, "who"));
    int day = a == c + 1 && tok_has(x, a, LW_TIME) && !(x->t[a].flags & TF_ALLCAPS);
    if (a == c + 1 && !relative && (day || tok_is(x, c, "asked")) &&
        tok_in(x, a + (uint32_t)day, hd_ex_aux_words))
        return UINT32_MAX;
    uint32_t n0 = x->nst;
    hd_ex_emit_clause(x, np, c, a, e < s1 && x->t[e].kind == TK_QCLOSE ? e + 1 : e);
    if (x->nst > n0 && a == c + 1 && relative && hd_ex_has_aux(x, a, a + 1, 1)) {
        xstmt *st = &x->st[n0];
        if (st->e2 <= st->s2) {
            uint32_t r0, r1;
            hd_ex_antecedent(x, s0, np->t0 - 1, &r0, &r1);
            st->s2 = st->s1;
            st->e2 = st->e1;
            st->s1 = x->t[r0].s;
            st->e1 = x->t[r1 - 1].e;
        }
    }
    return e < s1 ? e + 1 : UINT32_MAX;
}

/* "X said …" and its variants for S's cue, once no other form took it. */
static int said_statement(sent_cue *S)
{
    int r = cue_speaker(S);
    if (r == RS_GO_ON)
        r = hd_ex_relative_cue(S->x, S->c, S->cls, S->s0, S->s1, &S->np);
    if (r != RS_GO_ON)
        return r;
    if (clause_first(S))
        return RS_DONE;
    uint32_t a;
    r = said_clause(S, &a);
    if (r == RS_GO_ON)
        r = coordinated(S, a);
    if (r != RS_GO_ON)
        return r;
    S->ret = said_rest(S, a);
    return RS_DONE;
}

/* Cue S->c of the sentence, by the forms of reported speech in turn. */
/* "Prices will rise, as the minister said last week", "the race “is a dead heat right now,”
 * as Cruz said on Glenn Beck's radio program": ", as X said" looks back; what was said is the
 * quote closing before "as", else the clause before its comma. 1 when emitted. */
static int as_said(sent_cue *S)
{
    xctx *x = S->x;
    uint32_t c = S->c, s0 = S->s0;
    xnp np;
    if (!hd_ex_np_left(x, c, s0, &np) || np.t0 < s0 + 3 || !tok_is(x, np.t0 - 1, "as") ||
        (x->t[np.t0 - 1].flags & TF_INQ))
        return 0;
    /* nothing said after the cue, only where or when ("as Cruz said on Glenn Beck's radio
     * program on Monday"; not "as forecasters warned the water could reach …", where "as"
     * is "while") */
    static const char *const adv[] = {"on",    "in",        "at",     "last", "earlier",
                                      "later", "yesterday", "during", "this", NULL};
    uint32_t e = c + 1;
    if (e < S->s1 && !tok_punct(x, e, ',') && !tok_in(x, e, adv))
        return 0;
    for (; e < S->s1 && !tok_punct(x, e, ','); e++)
        if (tok_is(x, e, "that") || x->t[e].kind == TK_QOPEN || tok_has(x, e, LW_PRON))
            return 0;
    uint32_t k = np.t0 - 2;
    if (x->t[k].kind == TK_QCLOSE && x->t[k].qi) {
        const xquote *q = &x->q[x->t[k].qi - 1];
        if (q->stmt >= 0 || q->t1 <= q->t0 + 2)
            return 0;
        hd_ex_emit_reported(x, &np, c, c + 1, q->t0, q->t1, 1);
        return 1;
    }
    /* (the clause before, when the "as" clause ends the sentence: not "Just a few weeks
     * ago, as Western Journalism reported, Thor and Beck were discussing …") */
    if (!tok_punct(x, k, ',') || k < s0 + 3 || e < S->s1 || hd_ex_has_used_quote(x, s0, k))
        return 0;
    hd_ex_emit_reported(x, &np, c, c + 1, s0, k, 1);
    return 1;
}

static int one_cue(sent_cue *S)
{
    xctx *x = S->x;
    uint32_t c = S->c, s0 = S->s0, s1 = S->s1;
    if ((x->t[c].flags & TF_INQ) || hd_ex_opener_noun(x, c, s0))
        return RS_NEXT_CUE;
    /* "Asked whether he would run, Smith said …": the question, asker unnamed */
    if (hd_ex_asked_question(x, c, s0, s1, &S->ret))
        return RS_DONE;
    if (tok_is(x, c, "according") && tok_is(x, c + 1, "to") && !(x->t[c].flags & TF_INQ))
        return hd_ex_according_to(x, c, s0, s1, &S->np, &S->ret);
    uint32_t cls = S->cls = hd_ex_cue_class(x, c);
    if (!cls || cls == VC_QUOTE || !hd_ex_cue_ok(x, c, cls))
        return RS_NEXT_CUE;
    int ns = hd_ex_not_said(x, c, s0);
    if (hd_ex_passive_statement(x, c, cls, ns, s0, s1))
        return RS_DONE;
    if (ns)
        return RS_NEXT_CUE;
    if (tok_is(x, c, "continued") && tok_is(x, c + 1, "to"))
        return RS_NEXT_CUE;
    if (cls == VC_DESCRIBE) {
        int as = 0;
        for (uint32_t k = c + 1; k < s1 && !as; k++)
            as = tok_is(x, k, "as");
        if (!as)
            return RS_NEXT_CUE;
    }
    int r = hd_ex_periphrasis_statement(x, c, cls, s0, s1, &S->np);
    if (r != RS_GO_ON)
        return r;
    if (cls == VC_SPEECH && as_said(S))
        return RS_DONE;
    if (cls == VC_PART)
        return hd_ex_participle_statement(x, c, s0, s1, &S->np, &S->ret);
    return said_statement(S);
}

/* One sentence [s0, s1). Returns where a second, coordinated clause with its own subject
 * starts ("A said X and B said Y"), or UINT32_MAX. Only cue tokens (LW_VERB or LW_ACC) can
 * start one: the loop walks x->cues. */
static uint32_t one_sentence(xctx *x, uint32_t s0, uint32_t s1)
{
    if (trailing_cue(x, s0, &s1))
        return UINT32_MAX;
    sent_cue S = {.x = x, .s0 = s0, .s1 = s1};
    for (uint32_t ci = hd_ex_first_cue(x, s0); ci < x->n_cues && x->cues[ci] < s1; ci++) {
        S.c = x->cues[ci];
        S.ret = UINT32_MAX;
        if (one_cue(&S) == RS_DONE)
            return S.ret;
    }
    return UINT32_MAX;
}

/* "“Negotiation with America is poison,” the Leader said, adding that “negotiation with the
 * current US government is double poison.”": after a quote's cue c, a participle set off by a
 * comma says more of the same speaker's words. */
static void quote_then_participle(xctx *x, uint32_t c, uint32_t s0, uint32_t s1)
{
    for (uint32_t k = hd_ex_first_cue(x, c + 1); k < x->n_cues && x->cues[k] < s1; k++) {
        uint32_t a = x->cues[k];
        /* the comma may close the quote the cue serves: "told reporters that “our ideas are
         * progressing,” adding that …" */
        int comma = tok_punct(x, a - 1, ',') ||
                    (x->t[a - 1].kind == TK_QCLOSE && tok_punct(x, a - 2, ',') && a - 2 > c);
        if (x->used[a] || (x->t[a].flags & TF_INQ) || hd_ex_cue_class(x, a) != VC_PART || !comma ||
            !hd_ex_cue_ok(x, a, VC_PART))
            continue;
        for (uint32_t m = c + 1; m + 1 < a; m++)
            if (!(x->t[m].flags & TF_INQ) && (x->t[m].lex >> 24 || hd_ex_stop_tok(x, m)))
                return; /* another verb of speech between: not the quote's speaker's */
        xnp np;
        if (!hd_ex_np_left(x, c, s0, &np) && !inverted_subject(x, c, s1, &np))
            return;
        uint32_t b = a + 1;
        if (tok_is(x, b, "that") || tok_punct(x, b, ':'))
            b++;
        if (b + 1 < s1)
            hd_ex_emit_reported(x, &np, a, a + 1, b, s1, 1);
        return;
    }
}

/* "“…,” said Reince Priebus, though he added that he expected the flap to fade": after the
 * quote's cue c, a clause of its own with a conjunction, a subject and a cue of speech is read
 * as a sentence of its own. */
static void later_clause(xctx *x, uint32_t c, uint32_t s1)
{
    static const char *const conj[] = {"but", "though", "although", "and", "while", NULL};
    for (uint32_t k = hd_ex_first_cue(x, c + 1); k < x->n_cues && x->cues[k] < s1; k++) {
        uint32_t a = x->cues[k];
        xnp subj;
        if (x->used[a] || (x->t[a].flags & TF_INQ) || hd_ex_cue_class(x, a) != VC_SPEECH ||
            !hd_ex_np_left(x, a, c + 1, &subj) || subj.t0 < c + 3 || subj.t0 >= a)
            continue;
        /* "“I love Oreos,” Trump said in August after Nabisco announced it was laying off
         * 600 workers": a subordinate clause of time or cause with its own speaker */
        static const char *const when[] = {"after", "before", "when", "because", "since", NULL};
        /* (the comma may close the quote: "“… assault,” while police said …") */
        uint32_t cm = subj.t0 - 2;
        if (x->t[cm].kind == TK_QCLOSE && cm > c)
            cm--;
        if ((tok_in(x, subj.t0 - 1, conj) && tok_punct(x, cm, ',')) || tok_in(x, subj.t0 - 1, when))
            one_sentence(x, subj.t0, s1);
        return;
    }
}

void hd_ex_reported_sentence(xctx *x, uint32_t s0, uint32_t s1)
{
    if (hd_ex_headline_statement(x, s0, s1))
        return;
    for (uint32_t k = hd_ex_first_cue(x, s0); k < x->n_cues && x->cues[k] < s1; k++) {
        uint32_t c = x->cues[k];
        if ((x->t[c].lex & LW_VERB) && x->used[c] && x->t[c].lex >> 24 != VC_PART) {
            /* "Lazar said he welcomed extradition and added, “…”": the reported clause of an
             * earlier cue, before the one that serves the quote */
            uint32_t u = c;
            xnp subj; /* "A, but he added, “…”": A ends before the later cue's subject; "A
                       * and added", "A but added" have none */
            if (!tok_is(x, c - 1, "and") && !tok_is(x, c - 1, "but") && !tok_punct(x, c - 1, ',') &&
                hd_ex_np_left(x, c, s0, &subj) && subj.t0 > s0 && subj.t0 < c)
                u = subj.t0;
            while (u > s0 + 3 && (tok_is(x, u - 1, "and") || tok_is(x, u - 1, "but") ||
                                  tok_is(x, u - 1, "while") || tok_punct(x, u - 1, ',')))
                u--;
            for (uint32_t k2 = hd_ex_first_cue(x, s0); k2 < x->n_cues && x->cues[k2] < u; k2++)
                if (!x->used[x->cues[k2]] && hd_ex_cue_class(x, x->cues[k2]) == VC_SPEECH &&
                    !(x->t[x->cues[k2]].flags & TF_INQ) && x->cues[k2] + 3 < u) {
                    one_sentence(x, s0, u);
                    break;
                }
            /* its cue already serves a direct quote; a question opening the sentence is still
             * one ("Asked if …, Devine responded: “I guess so.”") */
            uint32_t q = hd_ex_first_cue(x, s0), next;
            if (q < x->n_cues && x->cues[q] <= s0 + 1 && !x->used[x->cues[q]])
                hd_ex_asked_question(x, x->cues[q], s0, s1, &next);
            hd_ex_relative_statements(x, s0, s1);
            /* "“…,” she said, when asked whether …": the question put to the speaker */
            for (uint32_t k2 = hd_ex_first_cue(x, s0 + 2); k2 < x->n_cues && x->cues[k2] < s1;
                 k2++) {
                uint32_t a = x->cues[k2];
                if (!x->used[a] && !(x->t[a].flags & TF_INQ) && tok_is(x, a - 1, "when"))
                    hd_ex_asked_question(x, a, s0, s1, &next);
            }
            quote_then_participle(x, c, s0, s1);
            later_clause(x, c, s1);
            return;
        }
    }
    while (s0 < s1 && !x->oom) {
        uint32_t next = one_sentence(x, s0, s1);
        if (next == UINT32_MAX || next <= s0)
            break;
        s0 = next;
    }
}
