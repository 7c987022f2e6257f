/* SPDX-License-Identifier: MIT
 *
 * snippet.c — the best passage of a body with the query's words highlighted. Stage: search
 * (input: the body text and its words, each tagged with the query term it matches; output: a
 * short passage with marks). Called by search.c for each hit when snippets are asked for. The
 * word list comes from the index analyzer, so matching is exactly the analysis used to find
 * the doc (stemming included).
 */
#include <string.h>

#include "search/search.h"

/* Weight of a window: each distinct term its weight, repeats a tenth of it. */
typedef struct window {
    uint32_t counts[HD_SNIPPET_MAX_TERMS];
    double score;
} window;

static void win_add(window *w, int32_t t, const double *weights, size_t n_terms, int sign)
{
    if (t < 0 || (size_t)t >= n_terms || t >= HD_SNIPPET_MAX_TERMS)
        return;
    double wt = weights[t];
    if (sign > 0)
        w->score += w->counts[t]++ ? wt * 0.1 : wt;
    else
        w->score -= --w->counts[t] ? wt * 0.1 : wt;
}

static void add_text(hd_buf *out, const char *p, size_t n, int escape)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        const char *rep = NULL;
        if (c == '\n' || c == '\r' || c == '\t')
            rep = " ";
        else if (escape && c == '&')
            rep = "&amp;";
        else if (escape && c == '<')
            rep = "&lt;";
        else if (escape && c == '>')
            rep = "&gt;";
        if (!rep)
            continue;
        hd_buf_add(out, p + run, i - run);
        hd_buf_adds(out, rep);
        run = i + 1;
    }
    hd_buf_add(out, p + run, n - run);
}

static int is_match(const hd_snip_tok *t, size_t n_terms)
{
    return t->term >= 0 && (size_t)t->term < n_terms;
}

/* Only spaces between two words: a run of matches is highlighted as one. */
static int only_space(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ')
            return 0;
    return 1;
}

/* The words [*out_start, *out_end) of the best window of W words: the first window of the
 * highest weight, its matches centred for context on both sides. */
static void best_window(const hd_snip_tok *toks, size_t n_toks, const double *weights,
                        size_t n_terms, uint32_t W, size_t *out_start, size_t *out_end)
{
    static const window zero;
    window w = zero;
    size_t best = 0;
    double best_score = 0;
    for (size_t i = 0; i < n_toks; i++) {
        win_add(&w, toks[i].term, weights, n_terms, +1);
        if (i >= W)
            win_add(&w, toks[i - W].term, weights, n_terms, -1);
        if (w.score > best_score + 1e-9) {
            best_score = w.score;
            best = i >= W ? i - W + 1 : 0;
        }
    }
    size_t first = best, last = best, lim = best + W < n_toks ? best + W : n_toks;
    int found = 0;
    for (size_t i = best; i < lim; i++)
        if (is_match(&toks[i], n_terms)) {
            if (!found)
                first = i;
            last = i;
            found = 1;
        }
    size_t start = best;
    if (found) {
        size_t slack = W - (last - first + 1);
        start = first > slack / 2 ? first - slack / 2 : 0;
    }
    size_t end = start + W < n_toks ? start + W : n_toks;
    if (end - start < W && n_toks >= W)
        start = end - W;
    *out_start = start;
    *out_end = end;
}

/* Append words [start, end) with the text between them; each run of matched words separated
 * only by spaces is wrapped in one pair of marks. */
static void emit(const char *text, size_t len, const hd_snip_tok *toks, size_t start, size_t end,
                 size_t n_terms, const char *open, const char *close, int escape, hd_buf *out)
{
    size_t i = start;
    while (i < end) {
        const hd_snip_tok *t = &toks[i];
        size_t tend = t->end <= len ? t->end : len;
        size_t tstart = t->start <= tend ? t->start : tend;
        size_t j = i;
        if (is_match(t, n_terms)) {
            while (j + 1 < end && is_match(&toks[j + 1], n_terms) &&
                   toks[j + 1].start >= toks[j].end && toks[j + 1].start <= len &&
                   only_space(text + toks[j].end, toks[j + 1].start - toks[j].end))
                j++;
            tend = toks[j].end <= len ? toks[j].end : len;
            hd_buf_adds(out, open);
            add_text(out, text + tstart, tend - tstart, escape);
            hd_buf_adds(out, close);
            tstart = tend;
        }
        /* the word (unless marked) and the separators up to the next word */
        size_t next = j + 1 < end ? toks[j + 1].start : tend;
        if (next > len || next < tstart)
            next = tend;
        add_text(out, text + tstart, next - tstart, escape);
        i = j + 1;
    }
}

void hd_snippet(const char *text, size_t len, const hd_snip_tok *toks, size_t n_toks,
                const double *weights, size_t n_terms, const hd_snippet_opts *opts, hd_buf *out)
{
    if (!n_toks)
        return;
    uint32_t W = opts && opts->max_words ? opts->max_words : 30;
    const char *open = opts && opts->open ? opts->open : "<b>";
    const char *close = opts && opts->close ? opts->close : "</b>";
    int escape = opts ? opts->escape_html : 0;
    size_t start, end;
    best_window(toks, n_toks, weights, n_terms, W, &start, &end);
    if (start > 0)
        hd_buf_adds(out, "\xE2\x80\xA6 ");
    emit(text, len, toks, start, end, n_terms, open, close, escape, out);
    /* Keep punctuation glued to the last word ("spoke."), up to the next space. */
    size_t tail = toks[end - 1].end <= len ? toks[end - 1].end : len, k = tail;
    while (k < len && k - tail < 8 && text[k] != ' ' && text[k] != '\n' && text[k] != '\t' &&
           (end == n_toks || k < toks[end].start))
        k++;
    add_text(out, text + tail, k - tail, escape);
    if (end < n_toks)
        hd_buf_adds(out, " \xE2\x80\xA6");
}
