/* SPDX-License-Identifier: MIT
 *
 * statement.c — the statement passes of one article, and what they share.
 *
 *   tokens + quote spans + entities -> xstmt[] (speakers resolved)
 *
 * Pass A: direct quotes (quote.c), block paragraphs after "X said:", quote chains and
 * cue-less continuation paragraphs, then reported speech sentence by sentence (reported.c).
 * Pass B resolves pronouns and continuations (statement_resolve.c), then roles mentioned
 * without a name are bound (statement_role.c). Also here: helpers quote.c and reported*.c
 * share (cue tests: statement_cue.c). Called by extract.c.
 */
#include <string.h>

#include "base/mem.h"
#include "extract/extract_int.h"

xstmt *hd_ex_st_new(xctx *x)
{
    if (x->nst + 1 > x->cap_st && HD_GROW(x->st, x->cap_st, x->nst + 1) != 0) {
        x->oom = 1;
        return NULL;
    }
    xstmt *s = &x->st[x->nst++];
    memset(s, 0, sizeof *s);
    return s;
}

int hd_ex_stop_tok(const xctx *x, uint32_t i)
{
    const xtok *t = &x->t[i];
    return t->kind == TK_PARA || t->kind == TK_QOPEN ||
           (t->kind == TK_PUNCT && (t->ch == '.' || t->ch == '?' || t->ch == '!' || t->ch == ';'));
}

/* Is token i an age written as a word: "31-year-old"? */
static int aged(const xctx *x, uint32_t i)
{
    const xtok *t = &x->t[i];
    size_t n = t->e - t->s;
    const char *p = x->b + t->s;
    return tok_word(x, i) && n >= 10 && n <= 13 && p[0] >= '1' && p[0] <= '9' &&
           !memcmp(p + n - 9, "-year-old", 9);
}

static unsigned number_at(const xctx *x, uint32_t i)
{
    unsigned v = 0;
    for (uint32_t k = x->t[i].s; k < x->t[i].e && x->b[k] >= '0' && x->b[k] <= '9' && v < 1000; k++)
        v = v * 10 + (unsigned)(x->b[k] - '0');
    return v;
}

/* The person whose age the article gives as that of token i ("31-year-old"), nearest before
 * it, else first after it, or -1. */
static int32_t person_of_age(const xctx *x, uint32_t i)
{
    unsigned age = number_at(x, i);
    int32_t found = -1;
    for (uint32_t k = 0; k + 2 < x->nt; k++) {
        int32_t e = -1;
        if (k != i && aged(x, k) && number_at(x, k) == age && x->tent[k + 1] >= 0)
            e = x->tent[k + 1]; /* "31-year-old Darren Campbell" */
        else if (x->tent[k] >= 0 && x->tent[k + 1] != x->tent[k] && tok_punct(x, k + 1, ',') &&
                 (x->t[k + 2].flags & TF_DIGIT) && x->t[k + 2].e - x->t[k + 2].s <= 3 &&
                 number_at(x, k + 2) == age &&
                 (k + 3 >= x->nt || tok_punct(x, k + 3, ',') || tok_punct(x, k + 3, ')')))
            e = x->tent[k]; /* "Darren Campbell, 31," */
        if (e < 0 || x->ent[e].kind != HD_ENT_PERSON)
            continue;
        if (k > i && found >= 0)
            break;
        found = e;
        if (k > i)
            break;
    }
    return found;
}

void hd_ex_set_np(xctx *x, xstmt *s, const xnp *np)
{
    s->np0 = np->t0;
    s->np1 = np->t1;
    s->ref = np->ref;
    /* "The 31-year-old said": the person whose age the article gives as 31 ("Darren Campbell,
     * 31,", "31-year-old Darren Campbell"); no one when it gives none (a guess is no answer) */
    if (np->ref == REF_NONE && tok_is(x, np->t0, "the") && np->t1 > np->t0 + 1 &&
        np->t1 <= np->t0 + 3 && aged(x, np->t0 + 1)) {
        int32_t e = person_of_age(x, np->t0 + 1);
        if (e >= 0)
            s->ref = e;
        return;
    }
    /* "His Eminence added", "Her Majesty said": an honorific read like "he" and "she" */
    if (np->t1 == np->t0 + 2 && np->ref == REF_NONE && hd_ex_honorific(x, np->t0 + 1) &&
        (tok_is(x, np->t0, "his") || tok_is(x, np->t0, "her"))) {
        s->pron = 'h';
        s->gender = tok_is(x, np->t0, "his") ? 'm' : 'f';
        return;
    }
    if (np->t1 == np->t0 + 1 && np->ref == REF_NONE) {
        uint32_t i = np->t0;
        /* and the object forms after "according to" ("according to him") */
        int to = i > 0 && tok_is(x, i - 1, "to");
        if (tok_is(x, i, "he") || tok_is(x, i, "she") ||
            ((tok_is(x, i, "him") || tok_is(x, i, "her")) && to)) {
            s->pron = 'h';
            s->gender = tok_is(x, i, "he") || tok_is(x, i, "him") ? 'm' : 'f';
        } else if (tok_is(x, i, "it")) {
            s->pron = 'i';
        } else if (tok_is(x, i, "they") || (tok_is(x, i, "them") && to)) {
            s->pron = 't';
        }
        return;
    }
    /* "the company", "the central bank", "its ministry": a definite description of an
     * institution (a singular speaker noun or organisation word) points back to an
     * organisation of the article */
    if (np->t1 < np->t0 + 2 || np->ref != REF_NONE)
        return;
    uint32_t h = np->t1 - 1;
    int plain = !(x->t[h].flags & (TF_CAP | TF_ALLCAPS));
    /* "the Bank", "the Commission": the short name of one named in full before */
    int short_name = np->t1 == np->t0 + 2 && tok_has(x, h, LW_ORG) && (x->t[h].flags & TF_CAP);
    if (np->t1 > np->t0 + 1 && np->ref == REF_NONE && tok_has(x, h, LW_SNOUN | LW_ORG) &&
        (plain || short_name) && x->b[x->t[h].e - 1] != 's' &&
        (tok_is(x, np->t0, "the") || tok_is(x, np->t0, "its")))
        s->pron = 'o';
}

/* Sentence start of token i. */
uint32_t hd_ex_sent_start(const xctx *x, uint32_t i)
{
    while (i > 0 && x->t[i - 1].sent == x->t[i].sent && x->t[i - 1].kind != TK_PARA)
        i--;
    return i;
}

/* Does [a, b) touch a quote already attributed? */
int hd_ex_has_used_quote(const xctx *x, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].qi && x->q[x->t[k].qi - 1].stmt >= 0)
            return 1;
    return 0;
}

int hd_ex_adverbial_start(const xctx *x, uint32_t i, uint32_t end)
{
    if (i >= end || x->t[i].kind != TK_WORD)
        return 1;
    /* one of lexicon.c's builtin_advb, written as it is: no possessive, no period */
    const xtok *t = &x->t[i];
    if (!((t->lex & LW_ADVB) && t->stem_e == t->e && x->b[t->e - 1] != '.'))
        return 0;
    /* "at least six people were killed": an amount opening a clause, whose verb follows
     * (not "at least twice", "at most a week") */
    static const char *const amount[] = {"least", "most", NULL};
    if (!tok_is(x, i, "at") || !tok_in(x, i + 1, amount))
        return 1;
    for (uint32_t k = i + 2; k < end && k < i + 12 && tok_word(x, k); k++)
        if (tok_in(x, k, hd_ex_aux_words) || hd_ex_past_form(x, k))
            return 0;
    return 1;
}

int hd_ex_statements(xctx *x)
{
    x->used = hd_arena_alloc(x->a, x->nt + 1);
    if (!x->used)
        return -1;
    memset(x->used, 0, x->nt + 1);
    hd_ex_direct_quotes(x);
    if (x->n_colon_para)
        hd_ex_block_paragraphs(x);
    hd_ex_quote_chains(x);
    /* Reported speech needs a cue (a speech verb or "according"): only the sentences
     * holding one are read, each once, in text order. */
    const xtok *t = x->t;
    uint32_t done = 0, nt = x->nt;
    for (uint32_t k = 0; k < x->n_cues && !x->oom; k++) {
        uint32_t c = x->cues[k];
        if (c < done)
            continue;
        uint32_t s0 = hd_ex_sent_start(x, c), e = c + 1;
        while (e < nt && t[e].sent == t[c].sent && t[e].kind != TK_PARA)
            e++;
        hd_ex_reported_sentence(x, s0, e);
        done = e;
    }
    if (x->oom)
        return -1;
    hd_ex_resolve(x);
    hd_ex_bind_pending(x);
    /* "according to Reuters", "a report from InfoNation": a word taken for a place for the
     * preposition before it is an organisation once it is a source of statements */
    for (uint32_t k = 0; k < x->nst; k++) {
        int32_t e = x->st[k].dead ? -1 : hd_ex_ref_entity(x, x->st[k].ref);
        if (e >= 0 && (uint32_t)e < x->nent && x->ent[e].guess_place)
            x->ent[e].kind = HD_ENT_ORG;
    }
    return 0;
}
