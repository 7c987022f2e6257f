/* SPDX-License-Identifier: MIT
 *
 * token_word.c — the full scan of a word, for the words token.c's fast path leaves.
 *
 *   body byte i -> end of the word, TF_* flags, stem end (without a possessive)
 *
 * A word is its pieces joined by hyphens, apostrophes and ampersands ("Franco-U.S.", "AT&T",
 * "don't"), and by the periods and commas of numbers and abbreviations ("4.5", "10,000",
 * "U.S."); a period ends it unless an abbreviation keeps it ("Mr.", "Miss.-based"), and a
 * plural possessive ("countries’") ends it with the apostrophe. Called by token.c
 * (hd_ex_scan_word) for non-ASCII letters, "U.S.", "AT&T" and plural possessives.
 */
#include "extract/token_int.h"

static int abbrev(const xctx *x, const char *w, size_t n)
{
    return abbrev_word(hd_ex_lx_get(&x->lx->words, w, n), w, n);
}

/* Does the word b[i..j) keep the period at j: an abbreviation, or a piece of "U.S."
 * (has_dot: a period inside the word; piece: where its last piece starts; long_piece: a piece
 * before a period over four bytes)? */
static int keeps_period(const xctx *x, size_t i, size_t j, int has_dot, size_t long_piece,
                        size_t piece)
{
    /* a domain name ending a sentence ("a website called example.com. The name …")
     * gives up its period, an abbreviation keeps it */
    return (has_dot && !long_piece && j - piece <= 4) || abbrev(x, x->b + i, j - i);
}

/* The pieces of the word starting at i, joined by hyphens, apostrophes, ampersands and the
 * periods and commas of numbers and abbreviations: returns their end. Counts the upper- and
 * lower-case letters into *n_up, *n_lo. A plural possessive ends the word with TF_POSS and
 * *stem_e set. */
static size_t scan_pieces(const xctx *x, size_t i, uint16_t *flags, uint32_t *stem_e, int *n_up,
                          int *n_lo)
{
    const char *b = x->b;
    size_t n = x->n, len, j = i, piece = i, long_piece = 0;
    int has_dot = 0;
    while (j < n) {
        int c = classify(b + j, n - j, &len);
        if (is_wordc(c)) {
            *n_up += c == C_ALPHA_UP;
            *n_lo += c == C_ALPHA_LO;
            j += len;
            continue;
        }
        /* Joiners: followed by a word character. */
        size_t l2;
        int next = j + len < n ? classify(b + j + len, n - j - len, &l2) : C_SPACE;
        if ((c == C_APOS || (c == C_PUNCT && len == 1 && (b[j] == '-' || b[j] == '&'))) &&
            is_wordc(next)) {
            j += len;
            if (c != C_APOS)
                piece = j; /* "Franco-U.S.": the abbreviation starts after the hyphen */
            continue;
        }
        /* "a Jackson, Miss.-based company": a period before a joined hyphen is the word's */
        if (c == C_PUNCT && len == 1 && b[j] == '.' && j + 2 < n && b[j + 1] == '-' &&
            is_wordc(classify(b + j + 2, n - j - 2, &l2))) {
            j += 1;
            continue;
        }
        if (c == C_PUNCT && len == 1 && (b[j] == '.' || b[j] == ',') && is_wordc(next)) {
            /* 4.5, 10,000, U.S */
            if (b[j] == ',' && !(*flags & TF_DIGIT))
                break;
            if (b[j] == '.' && !(*flags & TF_DIGIT)) {
                has_dot = 1;
                long_piece |= j - piece > 4; /* "latinohiphopradio.com", not "U.S" */
                piece = j + 1;
            }
            j += len;
            continue;
        }
        /* Plural possessive: countries’ / countries' followed by a space. */
        if (c == C_APOS && j > i && b[j - 1] == 's' && (next == C_SPACE || next == C_NL)) {
            *flags |= TF_POSS;
            *stem_e = (uint32_t)j;
            j += len;
            return j;
        }
        if (c == C_PUNCT && len == 1 && b[j] == '.' &&
            keeps_period(x, i, j, has_dot, long_piece, piece)) {
            j += 1; /* keep the period of an abbreviation */
        }
        break;
    }
    return j;
}

size_t hd_ex_scan_word(const xctx *x, size_t i, uint16_t *flags, uint32_t *stem_e)
{
    const char *b = x->b;
    size_t len;
    int first = classify(b + i, x->n - i, &len), n_up = 0, n_lo = 0;
    *flags = 0;
    if (first == C_ALPHA_UP)
        *flags |= TF_CAP;
    if (first == C_DIGIT)
        *flags |= TF_DIGIT;
    size_t j = scan_pieces(x, i, flags, stem_e, &n_up, &n_lo);
    if (*flags & TF_POSS)
        return j; /* a plural possessive, stem_e set */
    if (n_up >= 2 && n_lo == 0)
        *flags |= TF_ALLCAPS;
    *stem_e = (uint32_t)j;
    /* Possessive 's / ’s */
    if (j - i > 2 && b[j - 1] == 's' && b[j - 2] == '\'') {
        *flags |= TF_POSS;
        *stem_e = (uint32_t)(j - 2);
    } else if (j - i > 4 && b[j - 1] == 's' && (unsigned char)b[j - 2] == 0x99 &&
               (unsigned char)b[j - 3] == 0x80 && (unsigned char)b[j - 4] == 0xE2) {
        *flags |= TF_POSS;
        *stem_e = (uint32_t)(j - 4);
    }
    return j;
}
