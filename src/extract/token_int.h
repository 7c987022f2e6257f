/* SPDX-License-Identifier: MIT
 *
 * token_int.h — private interface between the files of the tokenizer (extract stage).
 *
 *   token.c       hd_ex_tokenize: the token loop, ASCII words on the fast path, sentences
 *   token_char.c  the class of a character beyond the ASCII table (Unicode categories, curly
 *                 quotes, spaces and line separators)
 *   token_word.c  the full scan of the words the fast path leaves ("U.S.", "AT&T", "Nestlé")
 *   token_quote.c which way a quote mark faces, and quote marks paired into quote spans
 *
 * The character tables and tests below are inlined into every file; names shared between the
 * files start with hd_ex_.
 */
#ifndef HD_TOKEN_INT_H
#define HD_TOKEN_INT_H

#include "extract/extract_int.h"

/* Character classes. */
enum {
    C_SPACE,
    C_NL,
    C_ALPHA_UP,
    C_ALPHA_LO,
    C_ALPHA,
    C_DIGIT,
    C_PUNCT,
    C_QOPEN,
    C_QCLOSE,
    C_QAMB,
    C_APOS
};

/* Class of each ASCII byte (generated from ascii_class's rules). */
#define NL C_NL
#define SP C_SPACE
#define UP C_ALPHA_UP
#define LO C_ALPHA_LO
#define DG C_DIGIT
#define QA C_QAMB
#define AP C_APOS
#define PU C_PUNCT
static const unsigned char ascii_tab[128] = {
    PU, PU, PU, PU, PU, PU, PU, PU, PU, SP, NL, SP, SP, SP, PU, PU, PU, PU, PU, PU, PU, PU,
    PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, SP, PU, QA, PU, PU, PU, PU, AP, PU, PU, PU, PU,
    PU, PU, PU, PU, DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, PU, PU, PU, PU, PU, PU, PU, UP,
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    UP, UP, UP, PU, PU, PU, PU, PU, PU, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, PU, PU, PU, PU,
};
#undef NL
#undef SP
#undef UP
#undef LO
#undef DG
#undef QA
#undef AP
#undef PU

/* token_char.c: class of the character at p (n bytes left), any byte; *len its length. */
int hd_ex_char_class(const char *p, size_t n, size_t *len);

static inline int classify(const char *p, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return ascii_tab[c];
    }
    return hd_ex_char_class(p, n, len);
}

static inline int is_wordc(int c)
{
    return c == C_ALPHA_UP || c == C_ALPHA_LO || c == C_ALPHA || c == C_DIGIT;
}

static inline char punct_class(const char *p, size_t len)
{
    if (len == 1) {
        switch (*p) {
        case ',':
        case '.':
        case ':':
        case ';':
        case '?':
        case '!':
        case '(':
        case ')':
        case '[':
        case ']':
        case '-':
            return *p;
        default:
            return '~';
        }
    }
    /* — – are dashes; … is an ellipsis, not a sentence end. */
    if (len == 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x94 || (unsigned char)p[2] == 0x93))
        return '-';
    return '~';
}

/* Abbreviations whose period is part of the word. */
/* Does the word w[0..n) keep a period after it: a lone initial, a listed abbreviation, or a
 * title with no vowel ("Mr", "Dr", "Sgt")? */
static inline int abbrev_word(uint32_t lex, const char *w, size_t n)
{
    if (n == 1 || (lex & LW_ABBR))
        return 1;
    if (!(lex & LW_TITLE))
        return 0;
    for (size_t k = 0; k < n; k++)
        switch (w[k] | 0x20) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'y':
            return 0;
        }
    return 1;
}

/* bit 0: ASCII letter or digit, bit 1: upper case, bit 2: lower case; bytes >= 0x80 are 0 */
static const unsigned char wt[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3,
    ['G'] = 3, ['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3,
    ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3, ['U'] = 3, ['V'] = 3,
    ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3, ['a'] = 5, ['b'] = 5, ['c'] = 5, ['d'] = 5,
    ['e'] = 5, ['f'] = 5, ['g'] = 5, ['h'] = 5, ['i'] = 5, ['j'] = 5, ['k'] = 5, ['l'] = 5,
    ['m'] = 5, ['n'] = 5, ['o'] = 5, ['p'] = 5, ['q'] = 5, ['r'] = 5, ['s'] = 5, ['t'] = 5,
    ['u'] = 5, ['v'] = 5, ['w'] = 5, ['x'] = 5, ['y'] = 5, ['z'] = 5};

/* token_word.c: the full scan of the word at byte i, for what scan_ascii (token.c) leaves:
 * rare (non-ASCII letters, "U.S.", "AT&T", plural possessives), and so out of the token loop,
 * which keeps its registers. Returns the word's end; fills its flags and stem end. */
size_t hd_ex_scan_word(const xctx *x, size_t i, uint16_t *flags, uint32_t *stem_e);

/* token_quote.c */
/* TK_QOPEN or TK_QCLOSE for the quote mark of class c (C_QOPEN, C_QCLOSE, C_QAMB) and len
 * bytes at byte i. */
uint8_t hd_ex_quote_kind(const xctx *x, size_t i, int c, size_t len);
/* Pairs the quote marks of x->t into x->q. 0, or -1 on out of memory. */
int hd_ex_pair_quotes(xctx *x);

#endif
