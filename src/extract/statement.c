/* SPDX-License-Identifier: MIT
 *
 * statement.c — direct quotes and reported speech, with their speakers.
 *
 *   tokens + quote spans + entities -> xstmt[]
 *
 * Pass A finds statements:
 *   - a quote followed by its cue: “…,” X said / “…,” said X / “…?” he asked; a second quote
 *     right after the cue clause joins the first (“…,” he said, “…”);
 *   - a quote after its cue: X said: “…” / X said “…”; a paragraph-initial quote after a
 *     paragraph ending in "X said …:" (block quote);
 *   - an unclosed quote continued by the next paragraph's quote takes that quote's speaker;
 *   - a paragraph that is one quote with no cue continues the previous speaker's words;
 *   - reported speech, one per sentence: X said (that) …, …, X said., according to X, …,
 *     X described … as "…", ", saying …" after a non-speech verb.
 * Quotes with none of these (titles, scare quotes) are not statements.
 * Pass B walks the statements in text order and resolves pronouns (he/she: the last person
 * who spoke or led a sentence; it: the last organisation) and continuations.
 */
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "extract/extract_int.h"

static xstmt *st_new(xctx *x)
{
    if (x->nst + 1 > x->cap_st && HD_GROW(x->st, x->cap_st, x->nst + 1) != 0) {
        x->oom = 1;
        return NULL;
    }
    xstmt *s = &x->st[x->nst++];
    memset(s, 0, sizeof *s);
    return s;
}

static uint32_t cue_class(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || (x->t[i].flags & (TF_INQ | TF_CAP)) || x->used[i])
        return 0;
    return (tok_word(x, i) ? x->t[i].lex >> 24 : 0);
}

static int adverbial_start(const xctx *x, uint32_t i, uint32_t end);

static int stop_tok(const xctx *x, uint32_t i)
{
    const xtok *t = &x->t[i];
    return t->kind == TK_PARA || t->kind == TK_QOPEN ||
           (t->kind == TK_PUNCT && (t->ch == '.' || t->ch == '?' || t->ch == '!' || t->ch == ';'));
}

/* Is cue i usable (not "warned against", "continued to", needs "for"/"as")? */
static int cue_ok(const xctx *x, uint32_t i, uint32_t cls)
{
    static const char *const bad[] = {"against", "with", "to", "up", "off",
                                      "out",     "into", "by", NULL};
    if (cls == VC_CALL) {
        if (tok_is(x, i + 1, "for") || tok_is(x, i + 1, "on"))
            return 1;
        /* "called the budget “a spending spree”" names what someone said */
        for (uint32_t k = i + 1; k < x->nt && k < i + 7; k++) {
            if (x->t[k].kind == TK_QOPEN)
                return k > i + 1;
            if (stop_tok(x, k))
                break;
        }
        return 0;
    }
    for (int k = 0; bad[k]; k++)
        if (tok_is(x, i + 1, bad[k]))
            return 0;
    if (tok_is(x, i + 1, "for") && !tok_is(x, i, "asked"))
        return 0;
    /* "said about one in five …" is a clause; "complained about the noise" is not */
    if (tok_is(x, i + 1, "about") && !(x->t[i + 2 < x->nt ? i + 2 : i].flags & TF_DIGIT) &&
        !tok_has(x, i + 2, LW_DET))
        return 0;
    return 1;
}

static void set_np(xctx *x, xstmt *s, const xnp *np)
{
    s->np0 = np->t0;
    s->np1 = np->t1;
    s->ref = np->ref;
    if (np->t1 == np->t0 + 1 && np->ref == REF_NONE) {
        uint32_t i = np->t0;
        if (tok_is(x, i, "he") || tok_is(x, i, "she"))
            s->pron = 'h';
        else if (tok_is(x, i, "it"))
            s->pron = 'i';
    }
}

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

/* Cue after the quote: returns 1 and fills the statement. *after gets the first token after
 * the cue clause. */
static int cue_after(xctx *x, const xquote *q, xstmt *s, uint32_t *after)
{
    uint32_t k = q->close + 1;
    if (tok_punct(x, k, ','))
        k++;
    for (uint32_t c = k; c < x->nt && c < k + 16 && !stop_tok(x, c); c++) {
        uint32_t cls = cue_class(x, c);
        if (cls != VC_SPEECH && cls != VC_QUOTE)
            continue;
        xnp np;
        uint32_t hi = c + 1;
        while (hi < x->nt && !stop_tok(x, hi) && !tok_punct(x, hi, ','))
            hi++;
        if (c == k) {
            if (!np_right(x, c + 1, hi, &np))
                return 0;
        } else if (!np_left(x, c, k, &np)) {
            return 0;
        } else if (np.t0 != k) {
            /* "the board's chief engineer, Pieter Aalders, said": only noun-phrase words and
             * commas may stand between the quote and the subject */
            if (np.t0 - k > 12 || !tok_punct(x, np.t0 - 1, ','))
                return 0;
            for (uint32_t t = k; t + 1 < np.t0; t++)
                if (!tok_word(x, t) || (x->t[t].lex >> 24) || (x->t[t].flags & TF_INQ) ||
                    (tok_has(x, t, LW_FUNC) && !tok_has(x, t, LW_DET) && !tok_is(x, t, "of")))
                    return 0;
        }
        /* “… done.” She said she … — a new sentence, not this quote's cue */
        if (q->close > q->open + 1 && tok_punct(x, q->close - 1, '.') &&
            (x->t[k].flags & TF_SSTART)) {
            uint32_t t = c + 1;
            while (t < x->nt && t < c + 8 && !stop_tok(x, t))
                t++;
            if (t >= c + 8 || !tok_punct(x, t, '.') ||
                !(stop_tok(x, c + 1) || tok_punct(x, c + 1, ',') || adverbial_start(x, c + 1, t)))
                return 0;
        }
        set_np(x, s, &np);
        s->cue0 = c;
        s->cue1 = c + 1;
        s->anchor = c;
        uint32_t e = c + 1;
        while (e < x->nt && !stop_tok(x, e) &&
               !(tok_punct(x, e, ',') && e + 1 < x->nt && x->t[e + 1].kind == TK_QOPEN))
            e++;
        *after = e;
        return 1;
    }
    return 0;
}

/* Sentence start of token i. */
static uint32_t sent_start(const xctx *x, uint32_t i)
{
    while (i > 0 && x->t[i - 1].sent == x->t[i].sent && x->t[i - 1].kind != TK_PARA)
        i--;
    return i;
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
    uint32_t lo = sent_start(x, p - 1);
    for (uint32_t c = p; c-- > lo;) { /* nearest cue first */
        uint32_t cls = cue_class(x, c);
        if (!cls || cls == VC_CALL || cls == VC_DESCRIBE)
            continue;
        if (!colon && c + 1 != p && !(c + 2 == p && x->t[p - 1].kind == TK_PUNCT) &&
            !(c + 2 == p && tok_is(x, c + 1, "that")) && !(tok_punct(x, p, ',') && p - c <= 12))
            continue;
        xnp np;
        int ok = cls == VC_PART ? np_sentence_subject(x, c, c, &np) : np_left(x, c, lo, &np);
        if (!ok)
            continue;
        set_np(x, s, &np);
        s->cue0 = c;
        s->cue1 = c + 1;
        s->anchor = c;
        x->used[c] = 1;
        return 1;
    }
    return 0;
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

static void direct_quotes(xctx *x)
{
    for (uint32_t qi = 0; qi < x->nq && !x->oom; qi++) {
        xquote *q = &x->q[qi];
        if (q->stmt >= 0 || q->t1 <= q->t0)
            continue;
        xstmt tmp = {0};
        uint32_t after = 0;
        int found = q->closed && cue_after(x, q, &tmp, &after);
        if (!found && !cue_before(x, q, &tmp))
            continue;
        xstmt *s = st_new(x);
        if (!s)
            return;
        *s = tmp;
        x->used[tmp.cue0] = 1;
        s->direct = 1;
        s->s1 = q->cs;
        s->e1 = q->ce;
        s->para = x->t[q->open].para;
        use_quote(x, qi);
        if (!found)
            continue;
        /* split quote: “…,” he said, “…” — or a cue-less quote right after in the paragraph */
        if (qi + 1 < x->nq && x->q[qi + 1].open == after + 1 && tok_punct(x, after, ',')) {
            s->s2 = x->q[qi + 1].cs;
            s->e2 = x->q[qi + 1].ce;
            use_quote(x, qi + 1);
        } else if (qi + 1 < x->nq && x->q[qi + 1].open == after + 1 && tok_punct(x, after, '.') &&
                   x->t[after + 1].para == s->para) {
            xquote *q2 = &x->q[qi + 1];
            xstmt t2;
            uint32_t a2;
            if (!(q2->closed && cue_after(x, q2, &t2, &a2)) && quote_words(x, q2) >= 3) {
                s->s2 = q2->cs;
                s->e2 = q2->ce;
                use_quote(x, qi + 1);
            }
        }
    }
}

/* Unclosed quotes continued by a quote in the next paragraph, and cue-less quote
 * paragraphs continuing the previous speaker. */
static void quote_chains(xctx *x)
{
    for (uint32_t qi = x->nq; qi-- > 1;) {
        xquote *q = &x->q[qi - 1], *nx = &x->q[qi];
        if (q->stmt >= 0 || q->closed || nx->stmt < 0 || !para_initial(x, nx->open) ||
            x->t[nx->open].para != x->t[q->open].para + 1)
            continue;
        xstmt *s = st_new(x);
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
        xstmt *s = st_new(x);
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

/* Does [a, b) touch a quote already attributed? */
static int has_used_quote(const xctx *x, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].qi && x->q[x->t[k].qi - 1].stmt >= 0)
            return 1;
    return 0;
}

static int adverbial_start(const xctx *x, uint32_t i, uint32_t end)
{
    static const char *const w[] = {
        "on",      "in",        "at",       "during",    "late",     "early",
        "earlier", "last",      "this",     "after",     "before",   "to",
        "via",     "from",      "while",    "when",      "citing",   "according",
        "by",      "through",   "recently", "yesterday", "today",    "monday",
        "tuesday", "wednesday", "thursday", "friday",    "saturday", "sunday",
        "adding",  "referring", "without",  "as",        "of",       NULL};
    if (i >= end || x->t[i].kind != TK_WORD)
        return 1;
    for (int k = 0; w[k]; k++)
        if (tok_is(x, i, w[k]))
            return 1;
    return 0;
}

/* Skip the listener after "told"/"asked": "reporters", "him", "CNN", "the court", "a crowd". */
static uint32_t skip_object(const xctx *x, uint32_t j, uint32_t end)
{
    static const char *const obj[] = {"reporters",  "journalists", "him",       "her",
                                      "them",       "us",          "me",        "you",
                                      "supporters", "voters",      "lawmakers", NULL};
    if (j >= end || !tok_word(x, j))
        return j;
    for (int k = 0; obj[k]; k++)
        if (tok_is(x, j, obj[k]))
            return j + 1;
    if (x->t[j].flags & (TF_CAP | TF_ALLCAPS)) {
        while (j < end && tok_word(x, j) && (x->t[j].flags & (TF_CAP | TF_ALLCAPS)))
            j++;
        return j;
    }
    if (tok_has(x, j, LW_DET) && !tok_is(x, j, "that")) {
        uint32_t k = j + 1, n = 0;
        while (k < end && n < 3 && tok_word(x, k) &&
               !tok_has(x, k, LW_FUNC | LW_VERB | LW_NOTNOUN)) {
            k++;
            n++;
        }
        return n ? k : j;
    }
    return j;
}

/* First token of the reported clause after cue c (class cls), or UINT32_MAX. */
static uint32_t clause_start(const xctx *x, uint32_t c, uint32_t cls, uint32_t end)
{
    if (cls == VC_DESCRIBE)
        return c;
    uint32_t j = c + 1;
    if (cls == VC_CALL)
        return tok_is(x, c + 1, "for") || tok_is(x, c + 1, "on") ? c + 2 : c;
    if (tok_is(x, j, "that"))
        return j + 1;
    /* "said in a statement on Monday that …": only across an adverbial */
    if (adverbial_start(x, j, end) && !tok_punct(x, j, ','))
        for (uint32_t k = j; k < end && k < j + 12; k++) {
            if (tok_is(x, k, "that"))
                return k + 1;
            if (x->t[k].kind != TK_WORD || (x->t[k].lex >> 24))
                break;
        }
    if (tok_punct(x, j, ',')) {
        uint32_t k = j + 1;
        while (k < end && k < j + 16 && !tok_punct(x, k, ','))
            k++;
        if (k < end && tok_punct(x, k, ','))
            return k + 1;
        return UINT32_MAX;
    }
    if (tok_is(x, c, "told") || tok_is(x, c, "tells") || tok_is(x, c, "asked"))
        j = skip_object(x, j, end);
    /* "on Tuesday", "late Monday" */
    if (j + 1 < end &&
        (tok_is(x, j, "on") || tok_is(x, j, "late") || tok_is(x, j, "last") ||
         tok_is(x, j, "earlier")) &&
        tok_word(x, j + 1) && (x->t[j + 1].flags & TF_CAP))
        j += 2;
    return j;
}

static void emit_reported(xctx *x, const xnp *np, uint32_t c0, uint32_t c1, uint32_t a, uint32_t b,
                          int pron_ok)
{
    while (b > a &&
           (x->t[b - 1].kind == TK_PARA || (x->t[b - 1].kind == TK_PUNCT && x->t[b - 1].ch != ')')))
        b--;
    while (a < b && x->t[a].kind == TK_PUNCT)
        a++;
    /* stop before a quote that is already a statement of its own (", adding, “…”") */
    for (uint32_t k = a; k < b; k++)
        if (x->t[k].kind == TK_QOPEN && has_used_quote(x, k, k + 1)) {
            b = k;
            while (b > a && (x->t[b - 1].kind == TK_PUNCT || (x->t[b - 1].lex >> 24) == VC_PART))
                b--;
            break;
        }
    int words = 0;
    for (uint32_t k = a; k < b; k++)
        words += x->t[k].kind == TK_WORD;
    if (words < 3 || has_used_quote(x, a, b))
        return;
    xstmt *s = st_new(x);
    if (!s)
        return;
    set_np(x, s, np);
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

/* One sentence [s0, s1): at most one reported statement. */
static void reported_sentence(xctx *x, uint32_t s0, uint32_t s1)
{
    for (uint32_t c = s0; c < s1; c++)
        if ((x->t[c].lex & LW_VERB) && x->used[c] && x->t[c].lex >> 24 != VC_PART)
            return; /* its cue already serves a direct quote */
    for (uint32_t c = s0; c < s1; c++) {
        if (!(x->t[c].lex & (LW_VERB | LW_ACC)) || (x->t[c].flags & TF_INQ))
            continue;
        xnp np;
        if (tok_is(x, c, "according") && tok_is(x, c + 1, "to") && !(x->t[c].flags & TF_INQ)) {
            /* the source runs to the next comma: "a poll by X for Y", "exit polls" */
            uint32_t e = c + 2;
            while (e < s1 && e < c + 42 && !tok_punct(x, e, ',') && !stop_tok(x, e))
                e++;
            if (e == c + 2 || e >= c + 42)
                continue;
            if (!np_right(x, c + 2, e, &np)) {
                np.ref = REF_NONE;
            }
            np.t0 = c + 2;
            np.t1 = e;
            if (tok_punct(x, e, ',') && (c == s0 || tok_punct(x, c - 1, ',')) && c <= s0 + 2) {
                emit_reported(x, &np, c, c + 2, e + 1, s1, 1);
                return;
            }
            if (c > s0 && tok_punct(x, c - 1, ',')) {
                emit_reported(x, &np, c, c + 2, s0, c - 1, 1);
                return;
            }
            continue;
        }
        uint32_t cls = cue_class(x, c);
        if (!cls || cls == VC_QUOTE || !cue_ok(x, c, cls))
            continue;
        if (tok_is(x, c, "continued") && tok_is(x, c + 1, "to"))
            continue;
        if (cls == VC_DESCRIBE) {
            int as = 0;
            for (uint32_t k = c + 1; k < s1 && !as; k++)
                as = tok_is(x, k, "as");
            if (!as)
                continue;
        }
        if (cls == VC_PART) {
            if (c == 0 ||
                !(tok_punct(x, c - 1, ',') || tok_is(x, c - 1, "by") || tok_is(x, c - 1, "while") ||
                  tok_is(x, c - 1, "after")) ||
                !np_sentence_subject(x, c, c, &np))
                continue;
            uint32_t a = tok_is(x, c + 1, "that") ? c + 2 : c + 1;
            emit_reported(x, &np, c, c + 1, a, s1, 1);
            return;
        }
        if (!np_left(x, c, s0, &np)) {
            /* inverted at the end: "…, said the spokesman." */
            if (c > s0 + 3 && tok_punct(x, c - 1, ',') && np_right(x, c + 1, s1, &np) &&
                (np.t1 >= s1 || stop_tok(x, np.t1) || tok_punct(x, np.t1, ','))) {
                emit_reported(x, &np, c, c + 1, s0, c - 1, 1);
                return;
            }
            continue;
        }
        /* "…, X said." — the clause comes first */
        if (np.t0 > s0 + 2 && tok_punct(x, np.t0 - 1, ',')) {
            uint32_t k = c + 1;
            if (tok_is(x, c, "told") || tok_is(x, c, "tells"))
                k = skip_object(x, k, s1);
            if (adverbial_start(x, k, s1) || tok_punct(x, k, ',')) {
                int that = 0;
                for (uint32_t m = c + 1; m < s1 && m < c + 14 && !tok_punct(x, m, ','); m++)
                    that |= tok_is(x, m, "that");
                if (!that && x->t[s0].kind != TK_QOPEN) {
                    emit_reported(x, &np, c, c + 1, s0, np.t0 - 1, 1);
                    return;
                }
            }
        }
        uint32_t a = clause_start(x, c, cls, s1);
        if (a == UINT32_MAX || a >= s1)
            continue;
        if (x->t[a].kind == TK_QOPEN) {
            /* X said "…": a direct quote if it fills the rest of the sentence */
            continue;
        }
        /* "X says A but argues B": a second cue coordinated with the first */
        for (uint32_t k = a + 3; k + 1 < s1; k++) {
            if (!(tok_is(x, k, "and") || tok_is(x, k, "but")) || (x->t[k].flags & TF_INQ))
                continue;
            uint32_t c2 = k + 1;
            if (tok_has(x, c2, LW_ADV) && !(x->t[c2].flags & TF_CAP))
                c2++;
            uint32_t cls2 = cue_class(x, c2);
            if (cls2 != VC_SPEECH || !cue_ok(x, c2, cls2))
                continue;
            uint32_t a2 = clause_start(x, c2, cls2, s1);
            emit_reported(x, &np, c, c + 1, a, k, 1);
            if (a2 != UINT32_MAX && a2 < s1 && x->t[a2].kind != TK_QOPEN)
                emit_reported(x, &np, c2, c2 + 1, a2, s1, 1);
            return;
        }
        emit_reported(x, &np, c, c + 1, a, s1, 1);
        return;
    }
}

/* Paragraph after "X said …:" that is not itself a quote. */
static void block_paragraphs(xctx *x)
{
    for (uint32_t i = 1; i + 1 < x->nt; i++) {
        if (x->t[i].kind != TK_PARA || !tok_punct(x, i - 1, ':') || x->t[i + 1].kind == TK_QOPEN)
            continue;
        uint32_t lo = sent_start(x, i - 1);
        for (uint32_t c = lo; c < i - 1; c++) {
            uint32_t cls = cue_class(x, c);
            xnp np;
            if (cls != VC_SPEECH || !np_left(x, c, lo, &np))
                continue;
            uint32_t e = i + 1;
            while (e < x->nt && x->t[e].kind != TK_PARA)
                e++;
            int words = 0;
            for (uint32_t k = i + 1; k < e; k++)
                words += x->t[k].kind == TK_WORD;
            if (words < 4)
                break;
            xstmt *s = st_new(x);
            if (!s)
                return;
            set_np(x, s, &np);
            s->direct = 1;
            s->cue0 = c;
            s->cue1 = c + 1;
            s->s1 = x->t[i + 1].s;
            s->e1 = x->t[e - 1].e;
            s->para = x->t[i + 1].para;
            s->anchor = c;
            x->used[c] = 1;
            break;
        }
    }
}

static int by_anchor(const void *a, const void *b)
{
    const xstmt *p = a, *q = b;
    return p->anchor < q->anchor ? -1 : p->anchor > q->anchor;
}

/* The latest sentence-initial subject in tokens [lo, hi) that is a person (want_org 0) or an
 * organisation (1), or REF_NONE. Reads backwards and stops at the first hit, so only the
 * sentences before a pronoun are looked at. */
static int32_t latest_subject(xctx *x, uint32_t lo, uint32_t hi, int want_org)
{
    for (uint32_t ti = hi; ti-- > lo;) {
        if (!(x->t[ti].flags & TF_SSTART) || x->t[ti].flags & TF_INQ)
            continue;
        xnp np;
        uint32_t e = ti;
        while (e < x->nt && e < ti + 30 && x->t[e].sent == x->t[ti].sent && x->t[e].kind != TK_PARA)
            e++;
        if (!np_sentence_subject(x, ti, e, &np) || np.ref == REF_NONE)
            continue;
        int org = np.ref >= 0 && x->ent[np.ref].kind == HD_ENT_ORG;
        int person = REF_IS_PEND(np.ref) || (np.ref >= 0 && x->ent[np.ref].kind == HD_ENT_PERSON);
        if (want_org ? org : person)
            return np.ref;
    }
    return REF_NONE;
}

/* Pass B: pronouns and continuations in text order. he/she is the most recent person who
 * spoke or led a sentence; it is the most recent organisation. */
static void resolve(xctx *x)
{
    if (x->nst > 1) {
        /* nearly sorted already: insertion sort, qsort for the rare long unsorted run */
        size_t moves = 0;
        for (uint32_t i = 1; i < x->nst && moves < 4096; i++) {
            xstmt v = x->st[i];
            uint32_t j = i;
            while (j > 0 && x->st[j - 1].anchor > v.anchor) {
                x->st[j] = x->st[j - 1];
                j--;
                moves++;
            }
            x->st[j] = v;
        }
        if (moves >= 4096)
            qsort(x->st, x->nst, sizeof *x->st, by_anchor);
    }
    x->last_ref = REF_NONE;
    x->last_org_ref = REF_NONE;
    uint32_t person_at = 0, org_at = 0; /* where last_ref / last_org_ref were set */
    int32_t prev_ref = REF_NONE;
    uint32_t prev_para = 0;
    int have_prev = 0;
    for (uint32_t si = 0; si < x->nst; si++) {
        xstmt *s = &x->st[si];
        if (s->pron == 'h') {
            int32_t r = latest_subject(x, person_at, s->anchor, 0);
            s->ref = r != REF_NONE ? r : x->last_ref;
        } else if (s->pron == 'i') {
            int32_t r = latest_subject(x, org_at, s->anchor, 1);
            s->ref = r != REF_NONE ? r : x->last_org_ref;
        } else if (s->pron == 'c') {
            if (!have_prev || s->para > prev_para + 2 || prev_ref == REF_NONE) {
                s->dead = 1;
                continue;
            }
            s->ref = prev_ref;
        }
        if (s->pron != 'n') {
            ref_note(x, s->ref);
            if (REF_IS_PEND(s->ref) || (s->ref >= 0 && x->ent[s->ref].kind == HD_ENT_PERSON))
                person_at = s->anchor;
            else if (s->ref >= 0 && x->ent[s->ref].kind == HD_ENT_ORG)
                org_at = s->anchor;
            prev_ref = s->ref;
            prev_para = s->para;
            have_prev = 1;
        }
    }
    /* 'n': the speaker of the next live statement */
    for (uint32_t si = x->nst; si-- > 0;) {
        xstmt *s = &x->st[si];
        if (s->pron != 'n')
            continue;
        s->dead = 1;
        for (uint32_t k = si + 1; k < x->nst; k++)
            if (!x->st[k].dead && x->st[k].pron != 'n') {
                s->ref = x->st[k].ref;
                s->np0 = x->st[k].np0;
                s->np1 = x->st[k].np1;
                s->cue0 = x->st[k].cue0;
                s->cue1 = x->st[k].cue1;
                s->dead = 0;
                break;
            }
    }
}

/* Bind pending roles: a holder named anywhere in the article, else the first person named
 * later without any role of their own ("Japan's top official said … Takeo Akiba told"). */
static void bind_pending(xctx *x)
{
    for (uint32_t p = 0; p < x->npend; p++) {
        xpend *pd = &x->pend[p];
        int32_t h = role_holder(x, pd->tok, pd->tok);
        if (h < 0) {
            for (uint32_t e = 0; e < x->nent; e++) {
                const xent *en = &x->ent[e];
                if (en->kind == HD_ENT_PERSON && en->first_tok > pd->tok && en->n_words >= 2 &&
                    !en->has_role && x->t[en->first_tok].para <= x->t[pd->tok].para + 3) {
                    h = (int32_t)e;
                    break;
                }
            }
        }
        pd->ent = h;
    }
}

int xstmt_run(xctx *x)
{
    x->used = hd_arena_alloc(x->a, x->nt + 1);
    if (!x->used)
        return -1;
    memset(x->used, 0, x->nt + 1);
    direct_quotes(x);
    block_paragraphs(x);
    quote_chains(x);
    uint32_t i = 0;
    while (i < x->nt && !x->oom) {
        uint32_t e = i + 1;
        while (e < x->nt && x->t[e].sent == x->t[i].sent && x->t[e].kind != TK_PARA)
            e++;
        if (x->t[i].kind != TK_PARA)
            reported_sentence(x, i, e);
        i = e;
        while (i < x->nt && x->t[i].kind == TK_PARA)
            i++;
    }
    if (x->oom)
        return -1;
    resolve(x);
    bind_pending(x);
    return 0;
}
