/* SPDX-License-Identifier: MIT
 *
 * reported_relative.c — relative clauses of speech and who they belong to:
 *
 *   cue inside a relative clause -> its speaker (the antecedent of "who") and statement
 *
 *   "X, who said A, said B", "“…,” said Tom Borges, who predicted that …", "The judges who
 *   ruled that … said", "the Islamic State, which officials said was …".
 * Called by reported.c (per cue), reported_span.c, and quote.c (hd_ex_relative_subject).
 */
#include "extract/extract_int.h"

/* The "who" of a relative clause whose verb is cue c ("X, who said", "X, who has long
 * argued", "X, who also noted"), or UINT32_MAX. A "who" right after a verb is a question's
 * ("asked the mayor who said …"), not a relative pronoun. */
uint32_t hd_ex_relative_who(const xctx *x, uint32_t c, uint32_t s0)
{
    uint32_t w = c;
    while (w > s0 && c - w < 3) {
        w--;
        if (tok_is(x, w, "who"))
            break;
        if (!(tok_is(x, w, "has") || tok_is(x, w, "had") || tok_is(x, w, "have") ||
              (tok_has(x, w, LW_ADV) && !(x->t[w].flags & TF_CAP))))
            return UINT32_MAX;
    }
    if (!tok_is(x, w, "who") || w == s0 || (x->t[w].flags & TF_INQ) || !(x->t[w].lex & LW_NOTNOUN))
        return UINT32_MAX; /* not "the WHO said" (an acronym: its word bits were cleared) */
    if (tok_punct(x, w - 1, ','))
        return w;
    return tok_word(x, w - 1) && !(x->t[w - 1].lex & (LW_VERB | LW_ACC)) ? w : UINT32_MAX;
}

/* The end of the relative clause that cue c opens when it is followed by the main clause's
 * own speech verb: "X, who said A, said B" -> the comma before the second "said" (A stops
 * there), or UINT32_MAX. Sets *main to that verb. */
static uint32_t relative_end(const xctx *x, uint32_t a, uint32_t s1, uint32_t *main)
{
    for (uint32_t k = a + 2; k + 1 < s1; k++) {
        if (!tok_punct(x, k, ',') || (x->t[k].flags & TF_INQ))
            continue;
        uint32_t v = k + 1;
        if (tok_has(x, v, LW_ADV) && !(x->t[v].flags & TF_CAP) && v + 1 < s1)
            v++;
        /* the main verb may already serve a quote ("X, who A, said: “…”") */
        if (tok_word(x, v) && !(x->t[v].flags & (TF_INQ | TF_CAP)) &&
            x->t[v].lex >> 24 == VC_SPEECH && (x->used[v] || hd_ex_cue_ok(x, v, VC_SPEECH))) {
            *main = v;
            return k;
        }
    }
    return UINT32_MAX;
}

/* Is the clause of a relative cue c starting at a a reported statement? Not "who writes
 * about the industry", "who pledged his allegiance": a topic or an object, no clause. */
static int relative_clause_ok(const xctx *x, uint32_t c, uint32_t a)
{
    static const char *const wh[] = {"whether", "if",    "why", "how",   "what",
                                     "when",    "where", "who", "which", NULL};
    /* "who asked not to be identified": a request, not words of theirs; "who asked whether
     * …" is a question */
    if (tok_is(x, c, "asked") || tok_is(x, c, "requested")) {
        if (tok_in(x, c + 1, wh))
            return 1;
        return 0;
    }
    if (a != c + 1)
        return 1;
    /* (but "who predicted about one-third of the vote will …" is a clause) */
    return !((tok_is(x, a, "about") && !hd_ex_amount(x, a + 1)) || tok_is(x, a, "his") ||
             tok_is(x, a, "her") || tok_is(x, a, "their") || tok_is(x, a, "its") ||
             tok_is(x, a, "for"));
}

/* Does noun phrase np name or describe a person: a person, a role or title ("director",
 * "Sen."), or an indefinite description set off by a comma (", a former staff member")? */
int hd_ex_personal_np(const xctx *x, const xnp *np)
{
    if (REF_IS_PEND(np->ref) || (np->ref >= 0 && x->ent[np->ref].kind == HD_ENT_PERSON))
        return 1;
    for (uint32_t k = np->t0; k < np->t1; k++)
        if (tok_has(x, k, LW_ROLE | LW_TITLE))
            return 1;
    return np->t0 > 0 && (tok_is(x, np->t0, "a") || tok_is(x, np->t0, "an")) &&
           tok_punct(x, np->t0 - 1, ',');
}

/* "Elizabeth Arnold, 32, a former staff member for …": the person described */
static xnp described_person(xctx *x, xnp cur, uint32_t s0)
{
    uint32_t q = cur.t0 - 1;
    xnp named;
    if (q > s0 + 2 && (x->t[q - 1].flags & TF_DIGIT) && tok_punct(x, q - 2, ','))
        q -= 2;
    if ((tok_is(x, cur.t0, "a") || tok_is(x, cur.t0, "an")) && q > s0 && tok_punct(x, q, ',') &&
        hd_ex_np_left(x, q, s0, &named) &&
        (REF_IS_PEND(named.ref) || (named.ref >= 0 && x->ent[named.ref].kind == HD_ENT_PERSON)))
        cur = named;
    return cur;
}

/* The antecedent of the relative cue c: the noun phrase before "who", but not a place or an
 * organisation that is the object of a preposition inside a description ("a gynecologist from
 * Englewood, New Jersey, who said", "director of the Partnership for Conservative Principles, who
 * said"): then the phrase that the preposition hangs from. */
static int relative_speaker(xctx *x, uint32_t c, uint32_t s0, xnp *np)
{
    if (!hd_ex_np_left(x, c, s0, np))
        return 0;
    int place = np->ref >= 0 && x->ent[np->ref].kind == HD_ENT_PLACE;
    xnp cur = *np, fallback = {0};
    int have_fallback = 0;
    for (int hop = 0; hop < 4; hop++) {
        if (hop > 0 && hd_ex_personal_np(x, &cur)) {
            *np = described_person(x, cur, s0);
            return 1;
        }
        if (hop == 0 && !place && !(np->ref >= 0 && x->ent[np->ref].kind == HD_ENT_ORG)) {
            /* "An aide to Agriculture Secretary Richard Lyng who asked …": the aide's */
            xnp role;
            uint32_t p = np->t0;
            if (p > s0 + 2 && (tok_is(x, p - 1, "to") || tok_is(x, p - 1, "for")) &&
                tok_word(x, p - 2) && !(x->t[p - 2].flags & TF_CAP) &&
                tok_has(x, p - 2, LW_ROLE | LW_SNOUN) && hd_ex_np_left(x, p - 1, s0, &role))
                *np = role;
            return 1; /* a person, a role, a plain noun: "who" is theirs */
        }
        if (hop > 0 && !have_fallback && !(cur.ref >= 0 && x->ent[cur.ref].kind == HD_ENT_PLACE)) {
            fallback = cur;
            have_fallback = 1;
        }
        uint32_t p = cur.t0;
        /* "Englewood, New Jersey": a place and its state */
        while (p > s0 + 2 && tok_punct(x, p - 1, ',') && tok_word(x, p - 2) &&
               (x->t[p - 2].flags & TF_CAP))
            p -= 2;
        while (p > s0 && tok_word(x, p - 1) && (x->t[p - 1].flags & TF_CAP) &&
               !tok_is(x, p - 1, "the"))
            p--;
        if (p <= s0 + 1 ||
            !(tok_is(x, p - 1, "of") || tok_is(x, p - 1, "from") || tok_is(x, p - 1, "for") ||
              tok_is(x, p - 1, "in") || tok_is(x, p - 1, "at") || tok_is(x, p - 1, "with") ||
              tok_is(x, p - 1, "to")))
            break;
        /* "Nicky Driscoll, 24, from Manchester, who said": across the commas and the age */
        uint32_t h = p - 1;
        if (h > s0 + 1 && tok_punct(x, h - 1, ',')) {
            h--;
            if (h > s0 + 2 && (x->t[h - 1].flags & TF_DIGIT) && tok_punct(x, h - 2, ','))
                h -= 2;
        }
        if (!hd_ex_np_left(x, h, s0, &cur))
            break;
    }
    /* an organisation with no person described before it; a place with no phrase before its
     * preposition (or a word typed as a place: "Republicans who say") */
    if (place && have_fallback)
        *np = fallback;
    return 1;
}

/* Relative clauses of speech in a sentence whose main cue serves a direct quote: "“…,” said
 * Tom Borges, who predicted that …" — the clause is Borges's reported words. */
void hd_ex_relative_statements(xctx *x, uint32_t s0, uint32_t s1)
{
    for (uint32_t ci = hd_ex_first_cue(x, s0); ci < x->n_cues && x->cues[ci] < s1; ci++) {
        uint32_t c = x->cues[ci];
        if (x->used[c] || (x->t[c].flags & TF_INQ))
            continue;
        uint32_t cls = hd_ex_cue_class(x, c);
        if (cls != VC_SPEECH || !hd_ex_cue_ok(x, c, cls) ||
            hd_ex_relative_who(x, c, s0) == UINT32_MAX || hd_ex_not_said(x, c, s0))
            continue;
        xnp np;
        if (!relative_speaker(x, c, s0, &np))
            continue;
        uint32_t a = hd_ex_clause_start(x, c, cls, s1);
        if (a == UINT32_MAX || a >= s1 || x->t[a].kind == TK_QOPEN ||
            hd_ex_adverbial_only(x, a, s1) || !relative_clause_ok(x, c, a))
            continue;
        uint32_t main_cue, b = relative_end(x, a, s1, &main_cue);
        if (b == UINT32_MAX)
            b = s1;
        for (uint32_t k = a; k < b; k++)
            if (x->t[k].kind == TK_QOPEN || x->t[k].kind == TK_QCLOSE) {
                b = k; /* the quote's words are its own statement */
                break;
            }
        hd_ex_emit_reported(x, &np, c, c + 1, a, b, 1);
    }
}

/* An adverbial set off by commas that ends with the comma at token k, just before a cue
 * (", on television or at small-scale campaign events, said"): the token of its opening comma,
 * or UINT32_MAX. It opens on a preposition and holds no verb, clause word or quote. */
static uint32_t set_off_adverbial(const xctx *x, uint32_t k, uint32_t s0)
{
    static const char *const prep[] = {"on", "in", "at", "over", "during", "for", "from", NULL};
    if (!tok_punct(x, k, ','))
        return UINT32_MAX;
    for (uint32_t m = k; m-- > s0 && k - m <= 10;) {
        if (tok_punct(x, m, ','))
            return m + 2 < k && tok_in(x, m + 1, prep) ? m : UINT32_MAX;
        if (tok_is(x, m, "or") || tok_is(x, m, "and"))
            continue;
        if (!tok_word(x, m) || (x->t[m].flags & TF_INQ) || tok_has(x, m, LW_VERB | LW_NOTNOUN) ||
            tok_is(x, m, "who") || tok_is(x, m, "which") || tok_is(x, m, "that"))
            return UINT32_MAX;
    }
    return UINT32_MAX;
}

/* The "who" of a relative clause without commas that ends at cue c, its own verb between
 * ("The judges who ruled that … said"), or UINT32_MAX. Not "voters who said"
 * (hd_ex_relative_who's): at least three words between. */
static uint32_t restrictive_who(const xctx *x, uint32_t c, uint32_t s0)
{
    uint32_t skipped = 0; /* tokens of an adverbial set off by commas */
    for (uint32_t k = c; k-- > s0 && c - k < 16 + skipped;) {
        uint32_t o = k == c - 1 ? set_off_adverbial(x, k, s0) : UINT32_MAX;
        if (o != UINT32_MAX) {
            skipped = k - o + 1;
            k = o;
            continue;
        }
        if (hd_ex_stop_tok(x, k) || x->t[k].kind == TK_PUNCT || (x->t[k].flags & TF_INQ) ||
            tok_is(x, k, "but"))
            return UINT32_MAX;
        if (tok_is(x, k, "who") || tok_is(x, k, "whose")) {
            /* a noun before it: "judges", "Democrats in Iowa", "analysts", "The state officials
             * whose laws have been invalidated say"; not "can see who
             * gives how much" (a question) */
            const xtok *n = k > s0 ? &x->t[k - 1] : NULL;
            int noun = n && tok_word(x, k - 1) &&
                       !tok_has(x, k - 1, LW_VERB | LW_NOTNOUN | LW_FUNC) &&
                       ((n->flags & TF_CAP) || tok_has(x, k - 1, LW_ROLE | LW_SNOUN) ||
                        x->b[n->stem_e - 1] == 's');
            /* or a noun phrase opened by a determiner: "A senior barrister who …" */
            for (uint32_t m = k; !noun && m-- > s0 && k - m <= 4;) {
                if (!tok_word(x, m) || tok_has(x, m, LW_VERB | LW_NOTNOUN | LW_PRON))
                    break;
                noun = tok_has(x, m, LW_DET) && m + 1 < k;
            }
            return c - k > 3 && noun ? k : UINT32_MAX;
        }
    }
    return UINT32_MAX;
}

int hd_ex_relative_subject(xctx *x, uint32_t c, uint32_t s0, xnp *np)
{
    uint32_t rw = restrictive_who(x, c, s0);
    return rw != UINT32_MAX && relative_speaker(x, rw, s0, np);
}

/* The words a relative word at token rel stands for: the noun phrase just before it ("a
 * new campaign that …", "the Islamic State, which …": up to six words back to a determiner,
 * across no verb or punctuation) as [*r0, *r1); the relative word itself when there is none.
 */
void hd_ex_antecedent(const xctx *x, uint32_t s0, uint32_t rel, uint32_t *r0, uint32_t *r1)
{
    *r0 = rel;
    *r1 = rel + 1;
    uint32_t e = rel;
    if (e > s0 && tok_punct(x, e - 1, ','))
        e--;
    uint32_t b = e;
    while (b > s0 && e - b < 6 && tok_word(x, b - 1) && !(x->t[b - 1].flags & TF_INQ) &&
           !tok_has(x, b - 1, LW_VERB | LW_NOTNOUN | LW_PRON | LW_ADVB) &&
           !tok_is(x, b - 1, "and") && !tok_is(x, b - 1, "or")) {
        b--;
        if (tok_has(x, b, LW_DET))
            break;
    }
    if (b < e && (tok_has(x, b, LW_DET) || (x->t[b].flags & TF_CAP)) && !tok_is(x, b, "that")) {
        *r0 = b;
        *r1 = e;
    }
}

/* "X, who said A, said B": A ends before the main verb, whose words are B. Cue c (class cls)
 * opens the relative clause; RS_GO_ON with its speaker in *np when it is no such clause. */
int hd_ex_relative_cue(xctx *x, uint32_t c, uint32_t cls, uint32_t s0, uint32_t s1, xnp *np)
{
    uint32_t main_cue, rel_end;
    if (cls == VC_SPEECH && hd_ex_relative_who(x, c, s0) != UINT32_MAX) {
        uint32_t a = hd_ex_clause_start(x, c, cls, s1);
        if (!relative_speaker(x, c, s0, np))
            return RS_NEXT_CUE;
        int rel_ok = a != UINT32_MAX && a < s1 && relative_clause_ok(x, c, a);
        if (a != UINT32_MAX && a < s1 && x->t[a].kind != TK_QOPEN &&
            (rel_end = relative_end(x, a, s1, &main_cue)) != UINT32_MAX) {
            /* "The official, who asked not to be named, said A": only A */
            if (rel_ok)
                hd_ex_emit_reported(x, np, c, c + 1, a, rel_end, 1);
            uint32_t a2 = hd_ex_clause_start(x, main_cue, VC_SPEECH, s1);
            if (a2 != UINT32_MAX && a2 < s1 && x->t[a2].kind != TK_QOPEN &&
                !hd_ex_adverbial_only(x, a2, s1))
                hd_ex_emit_reported(x, np, main_cue, main_cue + 1, a2,
                                    hd_ex_subordinate_end(x, s0, np->t0, a2, s1), 1);
            return RS_DONE;
        }
        if (!rel_ok)
            return RS_NEXT_CUE;
    }
    return RS_GO_ON;
}
