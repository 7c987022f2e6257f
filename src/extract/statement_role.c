/* SPDX-License-Identifier: MIT
 *
 * statement_role.c — roles mentioned without a name, bound to the person they stand for.
 *
 *   xpend[] (speaker.c) + resolved xstmt[] -> xpend.ent
 *
 * Once every statement's speaker is known: a holder of the role named anywhere in the article,
 * else the first person named later who speaks ("Japan's top official said … Takeo Akiba
 * told"), else whoever spoke just before ("…, said Hazel Blears. … the Salford MP told"), else
 * the person an abbreviated title named. Called by statement.c (hd_ex_bind_pending).
 */
#include <string.h>
#include <strings.h>

#include "extract/extract_int.h"

/* Does the role mention with head token h start with "a", "an" or "another"? */
static int indefinite_role(const xctx *x, uint32_t h)
{
    for (uint32_t k = h; k > 0 && h - k < 6 && tok_word(x, k - 1); k--)
        if (tok_has(x, k - 1, LW_DET))
            return tok_is(x, k - 1, "a") || tok_is(x, k - 1, "an") || tok_is(x, k - 1, "another");
    return 0;
}

/* Is the role mention with head token h someone the text keeps unnamed: "another analyst",
 * "one analyst" (not the one named before), "the analyst who requested anonymity", "an
 * official who declined to be identified"? Not when a name stands right after it ("Another
 * pollster, David Woodard of Clemson University, said"). */
static int unnamed_role(const xctx *x, uint32_t h)
{
    if (tok_punct(x, h + 1, ',') && h + 2 < x->nt && x->tent[h + 2] >= 0 &&
        x->ent[x->tent[h + 2]].kind == HD_ENT_PERSON)
        return 0;
    for (uint32_t k = h; k > 0 && h - k < 6 && tok_word(x, k - 1); k--) {
        if (tok_is(x, k - 1, "another") || tok_is(x, k - 1, "one"))
            return 1;
        if (tok_has(x, k - 1, LW_DET))
            break;
    }
    if (!tok_is(x, h + 1, "who"))
        return 0;
    static const char *const anon[] = {"declined", "requested", "asked",  "spoke", "did",
                                       "insisted", "refused",   "wanted", NULL};
    return tok_in(x, h + 2, anon);
}

/* Does word token q stand within 25 tokens of a mention of entity e (same letters, any
 * case)? */
/* Are tokens a and b the same word, whatever its case ("Fund" and "fund")? */
static int same_word(const xctx *x, uint32_t a, uint32_t b)
{
    size_t n = x->t[b].stem_e - x->t[b].s;
    return tok_word(x, a) && tok_word(x, b) && x->t[a].stem_e - x->t[a].s == n &&
           strncasecmp(x->b + x->t[a].s, x->b + x->t[b].s, n) == 0;
}

static int near_entity(const xctx *x, uint32_t q, int32_t e)
{
    for (uint32_t t = 0; t < x->nt; t++) {
        if (x->tent[t] != e)
            continue;
        uint32_t lo = t > 25 ? t - 25 : 0, hi = t + 25 < x->nt ? t + 25 : x->nt;
        for (uint32_t k = lo; k < hi; k++)
            if (k != q && same_word(x, k, q))
                return 1;
    }
    return 0;
}

/* Does the holder e of the role fit an indefinite mention with head h that names its house
 * ("a State Department spokesman", "a senior analyst at Nomura Securities", "an Iranian
 * Foreign Ministry spokesman")? A word of the house (not a nationality or place) must stand
 * near one of e's mentions ("Ministry spokesman Leonardo Brito" for "an Agriculture Ministry
 * spokesman"): else the mention is someone new of another house. */
static int holder_fits(const xctx *x, uint32_t h, int32_t e)
{
    /* an office named by its place or house ("The Archbishop of Canterbury", "the Mayor of
     * London"): a word of it must stand near one of e's mentions (not the Archbishop of
     * Cardiff's) */
    if (tok_is(x, h + 1, "of")) {
        /* (itself an appositive of e's name: "Tom Fitton, the president of Judicial Watch,") */
        uint32_t a = h;
        while (a > 0 && h - a < 6 && tok_word(x, a - 1) && !tok_has(x, a - 1, LW_DET))
            a--;
        if (a > 0 && tok_has(x, a - 1, LW_DET))
            a--;
        if (a >= 2 && tok_punct(x, a - 1, ',') && x->tent[a - 2] == e)
            return 1;
        uint32_t m = h + 2 + tok_is(x, h + 2, "the"), words = 0;
        for (; m < x->nt && m < h + 7 && (x->t[m].flags & (TF_CAP | TF_ALLCAPS)) &&
               !(x->t[m].flags & TF_INQ);
             m++) {
            words++;
            if (near_entity(x, m, e) || x->tent[m] == e)
                return 1;
        }
        /* the holder named right after the office: "Chancellor of the Exchequer Nigel Lawson",
         * "The Shadow Secretary of State for the Family, Theresa May," */
        uint32_t n = m;
        while (n < x->nt && n < m + 8 && tok_word(x, n) && x->tent[n] != e &&
               !(x->t[n].flags & TF_INQ))
            n++;
        if (n < x->nt && tok_punct(x, n, ','))
            n++;
        if (words && !(n < x->nt && x->tent[n] == e))
            return 0;
    }
    uint32_t d = h;
    while (d > 0 && h - d < 6 && tok_word(x, d - 1) && !tok_has(x, d - 1, LW_DET))
        d--;
    if (d == 0 || !(tok_is(x, d - 1, "a") || tok_is(x, d - 1, "an")))
        return 1;
    /* an appositive of the holder's name: "Harold Doley, a banker and former Reagan
     * administration official" */
    if (d >= 3 && tok_punct(x, d - 2, ',') && x->tent[d - 3] == e)
        return 1;
    int houses = 0;
    for (uint32_t m = d; m < h; m++)
        if ((x->t[m].flags & (TF_CAP | TF_ALLCAPS)) && !tok_has(x, m, LW_DEMONYM | LW_PLACE)) {
            houses++;
            if (near_entity(x, m, e))
                return 1;
        }
    static const char *const of[] = {"at", "for", "of", "with", "from", NULL};
    if (tok_in(x, h + 1, of))
        for (uint32_t m = h + 2; m < x->nt && m < h + 6 && (x->t[m].flags & (TF_CAP | TF_ALLCAPS));
             m++)
            if (!tok_has(x, m, LW_DEMONYM | LW_PLACE)) {
                houses++;
                if (near_entity(x, m, e))
                    return 1;
            }
    return houses == 0;
}

/* The indefinite mention of the same role that brought in, just before, the unnamed person a
 * definite role mention with head h stands for ("A spokesman for the Home Office said …. …,
 * said the spokesman"): its token, or 0. Mentions inside quotes ("they have a mayor who …")
 * bring in no one. */
static uint32_t unnamed_before(const xctx *x, uint32_t h)
{
    if (h == 0 || !tok_is(x, h - 1, "the"))
        return 0;
    for (uint32_t k = h - 1; k > 0 && h - k < 60; k--) {
        if (x->tent[k] >= 0 && x->ent[x->tent[k]].kind == HD_ENT_PERSON)
            return 0; /* someone named between */
        if ((x->t[k].flags & TF_INQ) || !same_word(x, k, h))
            continue;
        /* its determiner, past modifiers only ("a former senior manager", not "an
         * adjective in front of admiral") */
        for (uint32_t d = k; d > 0 && k - d < 5 && tok_word(x, d - 1); d--) {
            if (tok_has(x, d - 1, LW_DET))
                return tok_is(x, d - 1, "a") || tok_is(x, d - 1, "an") ? k : 0;
            if (tok_has(x, d - 1, LW_FUNC) || x->t[d - 1].lex >> 24)
                return 0;
        }
        return 0;
    }
    return 0;
}

int32_t hd_ex_mention_holder(const xctx *x, uint32_t h)
{
    if (unnamed_role(x, h))
        return -1;
    int32_t e = hd_ex_role_holder_fit(x, h, h, holder_fits);
    /* the person "the spokesman" stands for came in unnamed: only someone named after that
     * ("…, the spokesman, Reginald McGhee, said") can be them */
    uint32_t ind = e >= 0 ? unnamed_before(x, h) : 0;
    return ind && x->ent[e].first_tok < ind ? -1 : e;
}

/* Does the role mention with head token h start with "his", "her", "their", "its", "our"
 * or "this" ("his agent": someone else's; "this reporter": the writer; "our correspondent":
 * the outlet's)? */
static int possessed_role(const xctx *x, uint32_t h)
{
    for (uint32_t k = h; k > 0 && h - k < 6 && tok_word(x, k - 1); k--) {
        if ((x->t[k - 1].flags & TF_POSS) && x->tent[k - 1] >= 0 &&
            x->ent[x->tent[k - 1]].kind == HD_ENT_PERSON)
            return 1; /* "Sanders' campaign manager"; not "the charity's director" */
        if (tok_has(x, k - 1, LW_DET))
            return tok_is(x, k - 1, "his") || tok_is(x, k - 1, "her") ||
                   tok_is(x, k - 1, "their") || tok_is(x, k - 1, "its") ||
                   tok_is(x, k - 1, "our") || tok_is(x, k - 1, "this");
    }
    return 0;
}

/* With no statement before it, the topic a definite role takes up: the person opening the
 * sentence before the role's sentence ("Ferguson believes Henry … The United boss said"),
 * where *at is set. -1 if that sentence opens on no one. */
static int32_t topic_before(const xctx *x, uint32_t tok, uint32_t *at)
{
    uint32_t s0 = hd_ex_sent_start(x, tok);
    while (s0 > 0 && x->t[s0 - 1].kind == TK_PARA)
        s0--;
    if (s0 == 0)
        return -1;
    uint32_t s1 = hd_ex_sent_start(x, s0 - 1);
    /* past an opening phrase: "As star and executive producer of the show, Allen has …" */
    if (tok_has(x, s1, LW_FUNC) && !tok_has(x, s1, LW_DET | LW_PRON))
        for (uint32_t k = s1 + 1; k < s0 && k < s1 + 12; k++)
            if (tok_punct(x, k, ',')) {
                s1 = k + 1;
                break;
            }
    for (uint32_t k = s1; k < s0 && k < s1 + 5; k++) {
        if (!tok_word(x, k))
            return -1;
        int32_t e = x->tent[k];
        /* "Liverpool legend Phil Thompson": a club or a place before the person */
        if (e >= 0 && x->ent[e].kind != HD_ENT_PERSON && !(x->t[k].flags & TF_POSS))
            continue;
        if (e < 0 && (tok_has(x, k, LW_FUNC | LW_DET | LW_PRON | LW_VERB) || x->t[k].lex >> 24))
            return -1; /* the sentence goes on: no one opens it */
        if (e >= 0) {
            uint32_t end = k;
            while (end + 1 < s0 && x->tent[end + 1] == e)
                end++;
            if (x->t[end].flags & TF_POSS)
                return -1; /* "Rubio's days are over": whose, not who */
            *at = k;
            return e;
        }
    }
    return -1;
}

/* The person a definite role no one holds stands for when the article names no one after it:
 * whoever made the statement just before it, in the same or the previous paragraph, if no
 * other person is named between and no pronoun of the other gender was read as the role
 * ("…, said Hazel Blears. … the Salford MP told …"). -1 otherwise. */
static int32_t last_speaker_before(const xctx *x, uint32_t p)
{
    const xpend *pd = &x->pend[p];
    /* the heads of state and government are spoken of by their office without being named:
     * "the prime minister" after Duncan Bannatyne spoke is not Bannatyne */
    if (tok_is(x, pd->tok, "president") ||
        (tok_is(x, pd->tok, "minister") && pd->tok > 0 && tok_is(x, pd->tok - 1, "prime")) ||
        tok_is(x, pd->tok, "premier"))
        return -1;
    /* a spokesman speaks for someone, rarely for the one who just spoke; a correspondent or
     * reporter reports what others said ("Mr D'Souza says …. The correspondent says …") */
    if (tok_is(x, pd->tok, "spokesman") || tok_is(x, pd->tok, "spokeswoman") ||
        tok_is(x, pd->tok, "spokesperson") || tok_is(x, pd->tok, "correspondent") ||
        tok_is(x, pd->tok, "reporter"))
        return -1;
    int32_t e = -1;
    uint32_t at = 0;
    int stated = 0;
    for (uint32_t k = x->nst; k-- > 0;) {
        const xstmt *st = &x->st[k];
        if (st->dead || st->anchor >= pd->tok)
            continue;
        stated = 1;
        if (st->ref >= 0 && (uint32_t)st->ref < x->nent)
            e = st->ref, at = st->anchor;
        break;
    }
    if (!stated)
        e = topic_before(x, pd->tok, &at);
    if (e < 0 || x->ent[e].kind != HD_ENT_PERSON || x->ent[e].n_words < 2 || x->ent[e].has_role ||
        x->t[at].para + 1 < x->t[pd->tok].para)
        return -1;
    /* someone else named between, unless the sentence before opens on the speaker again
     * ("Ferguson believes Henry caught Heinze … The United boss said") */
    uint32_t tat;
    int32_t topic = stated ? topic_before(x, pd->tok, &tat) : e;
    for (uint32_t k = at + 1; k < pd->tok && topic != e; k++)
        if (x->tent[k] >= 0 && x->tent[k] != e && x->ent[x->tent[k]].kind == HD_ENT_PERSON)
            return -1;
    for (uint32_t k = 0; k < x->nst; k++) {
        const xstmt *st = &x->st[k];
        if (!st->dead && st->ref == REF_PEND(p) && st->pron == 'h' &&
            !hd_ex_gender_ok(x, e, st->gender))
            return -1;
    }
    return e;
}

/* Is the person e, named at token k, described right after the name by a role of another
 * kind, with no article ("Anne Weyman, chief executive of the Family Planning Association,
 * asked")? Then a role mention before ("Mr Blair's spokesman said") is not theirs. */
static int described_after(const xctx *x, uint32_t k, int32_t e)
{
    while (k < x->nt && x->tent[k] == e)
        k++;
    return k + 1 < x->nt && tok_punct(x, k, ',') && tok_word(x, k + 1) &&
           !(x->t[k + 1].flags & (TF_CAP | TF_INQ)) && tok_has(x, k + 1, LW_ROLE | LW_MOD);
}

/* Bind pending roles: a holder named anywhere in the article, else the first person named
 * later without any role of their own who speaks in the article ("Japan's top official said
 * … Takeo Akiba told"; not "a GAO official told Reuters … at the request of Sen. Jesse
 * Helms", who says nothing). An indefinite mention ("a Treasury spokesman") introduces
 * someone unnamed: only a holder of its role can be that person. */
void hd_ex_bind_pending(xctx *x)
{
    uint8_t *speaks = NULL;
    if (x->npend) {
        speaks = hd_arena_alloc(x->a, x->nent + 1);
        if (!speaks) {
            x->oom = 1;
            return;
        }
        memset(speaks, 0, x->nent + 1);
        for (uint32_t k = 0; k < x->nst; k++)
            if (!x->st[k].dead && x->st[k].ref >= 0 && (uint32_t)x->st[k].ref < x->nent)
                speaks[x->st[k].ref] = 1;
    }
    for (uint32_t p = 0; p < x->npend; p++) {
        xpend *pd = &x->pend[p];
        if (unnamed_role(x, pd->tok)) {
            pd->ent = -1;
            continue;
        }
        int32_t h = hd_ex_mention_holder(x, pd->tok);
        /* the one a definite mention stands for came in unnamed ("a Carrier executive tells
         * …. the executive says"): no later name, nor the last speaker, is theirs */
        if (h < 0 && unnamed_before(x, pd->tok)) {
            pd->ent = -1;
            continue;
        }
        /* the same office, with the same word before its head, mentioned and bound before:
         * "The foreign secretary said …. The foreign secretary insisted …" (not a bare "the
         * official", which may be anyone) */
        if (h < 0 && !indefinite_role(x, pd->tok) && pd->tok > 0 && tok_word(x, pd->tok - 1) &&
            !tok_has(x, pd->tok - 1, LW_DET))
            for (uint32_t q = p; q-- > 0 && h < 0;)
                if (x->pend[q].ent >= 0 && x->pend[q].tok < pd->tok && x->pend[q].tok > 0 &&
                    same_word(x, x->pend[q].tok, pd->tok) &&
                    same_word(x, x->pend[q].tok - 1, pd->tok - 1))
                    h = x->pend[q].ent;
        if (h < 0 && !indefinite_role(x, pd->tok)) {
            /* (an office of its own, "the chairman of Bankers Trust Co", only in the next
             * paragraph: the wire's lead names the office, the next one the holder) */
            uint32_t last_para = x->t[pd->tok].para + (tok_is(x, pd->tok + 1, "of") ? 1 : 3);
            for (uint32_t e = 0; e < x->nent && e < 8192; e++) {
                const xent *en = &x->ent[e];
                if (en->kind == HD_ENT_PERSON && en->first_tok > pd->tok && en->n_words >= 2 &&
                    !en->has_role && speaks[e] && x->t[en->first_tok].para <= last_para &&
                    !described_after(x, en->first_tok, (int32_t)e)) {
                    h = (int32_t)e;
                    break;
                }
            }
        }
        /* "The Archbishop of Canterbury said": an office of its own, not whoever spoke last */
        if (h < 0 && !indefinite_role(x, pd->tok) && !possessed_role(x, pd->tok) &&
            !tok_is(x, pd->tok + 1, "of"))
            h = last_speaker_before(x, p);
        if (h < 0)
            h = hd_ex_title_holder(x, pd->tok, pd->tok);
        pd->ent = h;
    }
}
