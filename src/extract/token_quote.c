/* SPDX-License-Identifier: MIT
 *
 * token_quote.c — quote marks: which way each faces, and the quote spans they make.
 *
 *   quote mark at byte i -> TK_QOPEN / TK_QCLOSE;  xtok[] -> xquote[] (TF_INQ, qi set)
 *
 * Straight quotes are read as opening or closing from the characters around them; curly
 * quotes carry their direction unless typed the wrong way round. A quote left open at the
 * end of a paragraph ends there (news style reopens it on the next paragraph). Called by
 * token.c: hd_ex_quote_kind for each mark, hd_ex_pair_quotes once the tokens are made.
 */
#include "base/mem.h"
#include "extract/token_int.h"

/* Does a quote mark at byte i open a quote by what precedes it: nothing, a space, a new line,
 * an opening quote, a bracket or a dash? */
static int straight_opens(const xctx *x, size_t i)
{
    if (i == 0)
        return 1;
    size_t k = i;
    /* look at the previous code point */
    do {
        k--;
    } while (k > 0 && ((unsigned char)x->b[k] & 0xC0) == 0x80);
    size_t len;
    int c = classify(x->b + k, x->n - k, &len);
    if (c == C_SPACE || c == C_NL || c == C_QOPEN)
        return 1;
    if (c == C_PUNCT && (x->b[k] == '(' || x->b[k] == '[' || punct_class(x->b + k, len) == '-'))
        return 1;
    return 0;
}

uint8_t hd_ex_quote_kind(const xctx *x, size_t i, int c, size_t len)
{
    const char *b = x->b;
    size_t n = x->n;
    /* a curly mark typed the wrong way round: "…here,“ Clyburn said" closes (glued to
     * the words before it, a space after), "”The …" opens */
    int glued_after = i + len >= n || b[i + len] == ' ' || b[i + len] == '\n';
    int glued_before = i + len < n && wt[(unsigned char)b[i + len]];
    if (c == C_QOPEN)
        return !straight_opens(x, i) && glued_after ? TK_QCLOSE : TK_QOPEN;
    if (c == C_QCLOSE)
        return i > 0 && straight_opens(x, i) && glued_before ? TK_QOPEN : TK_QCLOSE;
    return straight_opens(x, i) ? TK_QOPEN : TK_QCLOSE;
}

int hd_ex_pair_quotes(xctx *x)
{
    size_t cap = 0;
    uint32_t i = 0;
    while (i < x->nt) {
        if (x->t[i].kind != TK_QOPEN) {
            i++;
            continue;
        }
        uint32_t j = i + 1, depth = 0;
        int closed = 0;
        int straight = x->b[x->t[i].s] == '"';
        while (j < x->nt && x->t[j].kind != TK_PARA) {
            /* a straight mark read as opening for the space before it, inside a quote opened
             * by one, closes it when a space follows too: "… are outsiders,' " Reeves wrote" */
            if (straight && depth == 0 && x->t[j].kind == TK_QOPEN && x->b[x->t[j].s] == '"' &&
                (x->t[j].e >= x->n || x->b[x->t[j].e] == ' ' || x->b[x->t[j].e] == '\n'))
                x->t[j].kind = TK_QCLOSE;
            if (x->t[j].kind == TK_QCLOSE) {
                if (depth == 0) {
                    closed = 1;
                    break;
                }
                depth--;
            } else if (x->t[j].kind == TK_QOPEN && x->b[x->t[j].s] != '"') {
                depth++;
            }
            j++;
        }
        xquote q = {0};
        q.open = i;
        q.close = closed ? j : i;
        q.t0 = i + 1;
        q.t1 = j;
        q.cs = x->t[i].e;
        q.ce = j > i + 1 ? x->t[j - 1].e : q.cs;
        q.stmt = -1;
        q.closed = (uint8_t)closed;
        if (x->nq + 1 > cap && HD_GROW(x->q, cap, x->nq + 1) != 0)
            return -1;
        x->t[i].qi = x->nq + 1;
        if (closed)
            x->t[j].qi = x->nq + 1;
        x->q[x->nq++] = q;
        for (uint32_t k = i; k <= j && k < x->nt; k++)
            if (x->t[k].kind != TK_PARA)
                x->t[k].flags |= TF_INQ;
        i = j + 1;
    }
    return 0;
}
