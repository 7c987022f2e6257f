/* SPDX-License-Identifier: MIT
 *
 * token.c — one linear pass that cuts an article body into tokens (words, punctuation, quote
 * marks, paragraph breaks) and marks sentences, then pairs quote marks into quote spans.
 *
 *   body bytes -> xtok[] (+ xquote[])
 *
 * Straight quotes are read as opening or closing from the characters around them; curly
 * quotes carry their direction. A quote left open at the end of a paragraph ends there
 * (news style reopens it on the next paragraph). Abbreviations ("U.S.", "Mr.", "Nov.") keep
 * their period so they do not end a sentence.
 */
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/mem.h"
#include "base/utf8.h"
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

static int classify_slow(const char *p, size_t n, size_t *len);

static inline int classify(const char *p, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return ascii_tab[c];
    }
    return classify_slow(p, n, len);
}

/* Class of an ASCII byte (the rules ascii_tab was generated from). */
static int ascii_class(unsigned char c)
{
    if (c == '\n')
        return C_NL;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        return C_SPACE;
    if (c >= 'A' && c <= 'Z')
        return C_ALPHA_UP;
    if (c >= 'a' && c <= 'z')
        return C_ALPHA_LO;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    if (c == '"')
        return C_QAMB;
    if (c == '\'')
        return C_APOS;
    return C_PUNCT;
}

/* Class of the code points that their Unicode category does not tell (quote marks, the
 * apostrophe, spaces and line separators), or -1. */
static int mark_class(int32_t cp)
{
    switch (cp) {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
        return C_QOPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
        return C_QCLOSE;
    case 0x2019: /* ’ */
        return C_APOS;
    case 0x00A0:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x2002:
    case 0x2003:
        return C_SPACE;
    case 0x2028:
    case 0x2029:
        return C_NL;
    default:
        return -1;
    }
}

/* Class of any other code point, from its Unicode category. */
static int category_class(int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return C_ALPHA_UP;
    case UTF8PROC_CATEGORY_LL:
        return C_ALPHA_LO;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    default:
        return C_PUNCT;
    }
}

static int classify_slow(const char *p, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return ascii_class(c);
    }
    int32_t cp;
    *len = hd_utf8_decode(p, n, &cp);
    int k = mark_class(cp);
    return k >= 0 ? k : category_class(cp);
}

static int is_wordc(int c)
{
    return c == C_ALPHA_UP || c == C_ALPHA_LO || c == C_ALPHA || c == C_DIGIT;
}

static char punct_class(const char *p, size_t len)
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
static int abbrev_word(uint32_t lex, const char *w, size_t n)
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

static int abbrev(const xctx *x, const char *w, size_t n)
{
    return abbrev_word(hd_ex_lx_get(&x->lx->words, w, n), w, n);
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

/* End of the run of ASCII letters and digits starting at j in b[0..n); ORs the wt bits of
 * its bytes into *acc. With SSE2, sixteen bytes at a time while they fit: the run's end is
 * found from a mask, not by a loop whose exit the branch predictor misses once a word. */
static inline size_t alnum_run(const char *b, size_t n, size_t j, unsigned *acc)
{
#if defined(__SSE2__)
    while (j + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + j));
        /* signed compares: bytes >= 0x80 are negative and fall in no range, as in wt */
        __m128i d = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
        __m128i u = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
        __m128i l = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
        unsigned md = (unsigned)_mm_movemask_epi8(d), mu = (unsigned)_mm_movemask_epi8(u),
                 ml = (unsigned)_mm_movemask_epi8(l);
        unsigned stop = ~(md | mu | ml) & 0xFFFFu;
        unsigned k = stop ? (unsigned)__builtin_ctz(stop) : 16;
        unsigned in = (unsigned)((1u << k) - 1);
        *acc |= ((md & in) != 0) | ((mu & in) != 0) * 3u | ((ml & in) != 0) * 5u;
        j += k;
        if (stop)
            return j;
    }
#endif
    while (j < n && (wt[(unsigned char)b[j]] & 1))
        *acc |= wt[(unsigned char)b[j++]];
    return j;
}

/* lx_get_hashed for the per-token lookups, on a set built by hd_lexicon_load (words,
 * places), which always has a Bloom filter; an empty set has max_len 0 and answers at once.
 * n >= 1. */
static inline uint32_t lx_probe(const lx_set *s, size_t n, uint64_t h)
{
    if (n > s->max_len || !lx_bloom_has(s, h))
        return 0;
    return lx_slots_find(s, n, h);
}

/* ASCII bytes that end a word outright when its first run of letters and digits stops at
 * them: not a joiner candidate (- ' . , &), not a letter or digit, not UTF-8. */
static const unsigned char word_end[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1, ['!'] = 1,
    ['"'] = 1, ['#'] = 1,  ['$'] = 1,  ['%'] = 1,  ['('] = 1,  [')'] = 1,  ['*'] = 1,
    ['+'] = 1, ['/'] = 1,  [':'] = 1,  [';'] = 1,  ['<'] = 1,  ['='] = 1,  ['>'] = 1,
    ['?'] = 1, ['@'] = 1,  ['['] = 1,  ['\\'] = 1, [']'] = 1,  ['^'] = 1,  ['_'] = 1,
    ['`'] = 1, ['{'] = 1,  ['|'] = 1,  ['}'] = 1,  ['~'] = 1};

/* Lexicon bits of the word b[i..i+kl) with hash h: lexicon.words, plus LW_PLACE for a
 * capitalised word in lexicon.places (thousands of iso-codes names, asked only for
 * capitalised words so the hot per-token set stays small). */
static inline uint32_t word_lex(const hd_lexicon *lx, const char *b, size_t i, size_t kl,
                                uint64_t h, uint16_t fl)
{
    uint32_t lex = lx_probe(&lx->words, kl, h);
    if ((fl & TF_CAP) && lx_probe(&lx->places, kl, h))
        lex |= LW_PLACE;
    return lex;
}

/* Fast path of scan_word: ASCII letters and digits up to a plain delimiter. Returns the end
 * and fills flags, stem_e and the lexicon bits, or returns 0 when the word needs the full
 * scan (non-ASCII, U.S., AT&T, plural possessives). */
static inline size_t scan_ascii(const hd_lexicon *lx, const char *b, size_t n, size_t i,
                                uint16_t *flags, uint32_t *stem_e, uint32_t *lex)
{
    unsigned char f = wt[(unsigned char)b[i]];
    if (!f)
        return 0; /* a non-ASCII letter or digit */
    int digit = f == 1;
    unsigned acc = 0; /* wt bits of the letters after the first */
    size_t j = alnum_run(b, n, i + 1, &acc);
    uint16_t fl = f == 3 ? TF_CAP : f == 1 ? TF_DIGIT : 0;
    if (j >= n || word_end[(unsigned char)b[j]]) {
        /* all capitals: two or more upper-case letters and no lower-case one */
        if (f == 3 && (acc & 2) && !(acc & 4))
            fl |= TF_ALLCAPS;
        /* the common word: no joiner, possessive or period to look at */
        *flags = fl;
        *stem_e = (uint32_t)j;
        /* no lexicon key starts with a digit unless lx->digit_keys says so */
        *lex = digit && !lx->digit_keys
                   ? 0
                   : word_lex(lx, b, i, j - i, lx_hash_f(b + i, j - i, n - i, f == 3 || (acc & 2)),
                              fl);
        return j;
    }
    for (;;) {
        if (j + 1 >= n || !(wt[(unsigned char)b[j + 1]] & 1))
            break;
        unsigned char c = (unsigned char)b[j];
        if (c == '-' || c == '\'' || (digit && (c == '.' || c == ','))) {
            j = alnum_run(b, n, j + 1, &acc); /* de-escalate, don't, Iran's, 4.5, 10,000 */
            continue;
        }
        if (c == '.' || c == '&')
            return 0; /* U.S., AT&T: the full scan */
        break;
    }
    if (j < n && ((unsigned char)b[j] >= 0x80 || b[j] == '\''))
        return 0; /* ’ or a plural possessive: the full scan */
    if (j + 2 < n && b[j] == '.' && b[j + 1] == '-' && (wt[(unsigned char)b[j + 2]] & 1))
        return 0; /* "Miss.-based": the full scan */
    if (f == 3 && (acc & 2) && !(acc & 4))
        fl |= TF_ALLCAPS; /* as above, over every run */
    size_t stem = j;
    if (j - i > 2 && b[j - 1] == 's' && b[j - 2] == '\'')
        stem = j - 2;
    uint64_t h = lx_hash(b + i, stem - i, n - i);
    size_t e = j;
    if (j < n && b[j] == '.') {
        /* keep the period of an abbreviation ("Mr.", "Nov.", a lone initial) */
        if (abbrev_word(j - i == 1 ? 0 : lx_get_hashed(&lx->words, b + i, j - i, h), b + i, j - i))
            e = j + 1;
    }
    if (stem < j)
        fl |= TF_POSS;
    *flags = fl;
    *stem_e = (uint32_t)(stem < j ? stem : e);
    *lex = word_lex(lx, b, i, stem - i, h, fl);
    return e;
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

/* The full scan of a word that scan_ascii leaves: rare (non-ASCII letters, "U.S.", "AT&T",
 * plural possessives), so kept out of line, which leaves the token loop its registers. */
static __attribute__((noinline)) size_t scan_word(const xctx *x, size_t i, uint16_t *flags,
                                                  uint32_t *stem_e)
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

/* Make room for one more token; 0 or -1 on out of memory. */
static int grow_tokens(xctx *x, size_t *cap)
{
    /* grow by half: big pages should not pay for a doubled array */
    size_t ncap = *cap + *cap / 2 + 1024;
    xtok *t = hd_reallocarray(x->t, ncap, sizeof *t);
    if (!t)
        return -1;
    x->t = t;
    *cap = ncap;
    return 0;
}

/* Sentences, marked as tokens are made. A sentence ends at a paragraph, after a dateline
 * ("WASHINGTON (AP) —", "DES MOINES, Iowa --") and after . ? ! — unless, past any closing
 * quote marks and parentheses, a lowercase word ("?” he asked") or , ; : ("R-Wis., said")
 * follows. That decision waits for the next token: `pend` is set at . ? ! and resolved by
 * the first token that is not a closing quote or parenthesis. */
typedef struct sstate {
    uint32_t sent;       /* current sentence */
    uint32_t para_first; /* first token of the paragraph */
    int start;           /* the next token starts a sentence */
    int pend;            /* a . ? ! waits for the token after it */
    int prose;           /* a lowercase word outside parentheses since the paragraph began */
    int paren;           /* parentheses open since the paragraph began */
} sstate;

/* Sets tk->sent and TF_SSTART for token number i of kind, punctuation ch and flags. */
static inline void sentence_tok(sstate *ss, const xtok *t, uint32_t i, xtok *tk)
{
    if (tk->kind == TK_PARA) {
        if (ss->pend) {
            ss->pend = 0;
            ss->sent++;
        }
        tk->sent = ss->sent++;
        ss->start = 1;
        ss->para_first = i + 1;
        ss->prose = ss->paren = 0;
        return;
    }
    if (ss->pend) {
        if (tk->kind == TK_QCLOSE || (tk->kind == TK_PUNCT && tk->ch == ')')) {
            tk->sent = ss->sent;
            return;
        }
        ss->pend = 0;
        if (!(tk->kind == TK_WORD && !(tk->flags & (TF_CAP | TF_DIGIT))) &&
            !(tk->kind == TK_PUNCT && (tk->ch == ',' || tk->ch == ';' || tk->ch == ':'))) {
            ss->sent++;
            ss->start = 1;
        }
    }
    tk->sent = ss->sent;
    if (ss->start)
        tk->flags |= TF_SSTART;
    ss->start = 0;
    if (tk->kind != TK_PUNCT) {
        /* "BERLIN (dpa) -" is a dateline; "NASA said the plant - one of its oldest -" is not */
        if (tk->kind == TK_WORD && !ss->paren && !(tk->flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)))
            ss->prose = 1;
        return;
    }
    ss->paren += tk->ch == '(' ? 1 : tk->ch == ')' && ss->paren > 0 ? -1 : 0;
    if (tk->ch == '-' && i > ss->para_first && i < ss->para_first + 8 && !ss->prose &&
        (t[ss->para_first].flags & TF_ALLCAPS) && t[ss->para_first].e - t[ss->para_first].s > 2) {
        ss->sent++; /* a dateline is a sentence of its own */
        ss->start = 1;
    } else if (tk->ch == '.' || tk->ch == '?' || tk->ch == '!') {
        ss->pend = 1;
    }
}

/* Append token index v to the list *pv of *pn entries (capacity *pcap). The first append
 * sizes the list for `hint` entries, so that it is rarely reallocated. 0 or -1 (OOM). */
static inline int note(uint32_t **pv, size_t *pcap, uint32_t *pn, uint32_t v, size_t hint)
{
    if (*pn == *pcap && HD_GROW(*pv, *pcap, *pn ? (size_t)*pn + 1 : hint) != 0)
        return -1;
    (*pv)[(*pn)++] = v;
    return 0;
}

/* What the token loop carries from one token to the next. */
typedef struct tloop {
    const hd_lexicon *lx;
    const char *b; /* the body, n bytes */
    size_t n;
    sstate ss;
    uint32_t para;                   /* current paragraph */
    uint32_t n_cap, n_role, n_comma; /* for x->n_cap, x->n_role, x->n_comma */
    uint32_t n_q;                    /* opening quote marks */
} tloop;

/* The lists of token indices the loop notes (x->caps, x->marks, x->cues), kept apart from
 * tloop because their capacities go to hd_grow by address. */
typedef struct tlists {
    const size_t *cap; /* capacity of x->t, which sizes the first allocation of each list */
    size_t cap_caps, cap_marks, cap_cues;
    uint32_t n_caps;
} tlists;

/* A paragraph break of len bytes at byte i, as token nt. */
static inline void para_token(xctx *x, tloop *tl, uint32_t nt, size_t i, size_t len)
{
    xtok *tk = &x->t[nt];
    *tk = (xtok){.s = (uint32_t)i,
                 .e = (uint32_t)(i + len),
                 .stem_e = (uint32_t)(i + len),
                 .para = tl->para,
                 .kind = TK_PARA};
    sentence_tok(&tl->ss, x->t, nt, tk);
    x->n_colon_para += x->t[nt - 1].kind == TK_PUNCT && x->t[nt - 1].ch == ':';
    tl->para++;
}

/* The word at byte *i as token nt; *i moves to its end. 0, or -1 on out of memory. */
static inline int word_token(xctx *x, tloop *tl, tlists *ls, uint32_t nt, size_t *pi)
{
    size_t i = *pi;
    const hd_lexicon *lx = tl->lx;
    const char *b = tl->b;
    uint16_t fl;
    uint32_t se, lex;
    size_t e = scan_ascii(lx, b, tl->n, i, &fl, &se, &lex);
    if (!e) {
        e = scan_word(x, i, &fl, &se);
        size_t kl = se - i;
        lex = hd_ex_lx_get(&lx->words, b + i, kl);
        if ((fl & TF_CAP) && hd_ex_lx_get(&lx->places, b + i, kl))
            lex |= LW_PLACE;
    }
    /* "the WHO said", "the IT department": a small word in capitals after a word not
     * in capitals is an acronym, no function word or pronoun */
    if ((fl & TF_ALLCAPS) && (lex & (LW_FUNC | LW_PRON | LW_NOTNOUN)) && nt > 0 &&
        x->t[nt - 1].kind == TK_WORD && !(x->t[nt - 1].flags & TF_ALLCAPS))
        lex &= LW_PLACE | LW_ORG | LW_INST | LW_DEMONYM;
    xtok *tk = &x->t[nt];
    *tk = (xtok){.s = (uint32_t)i,
                 .e = (uint32_t)e,
                 .stem_e = se,
                 .para = tl->para,
                 .lex = lex,
                 .kind = TK_WORD,
                 .flags = fl};
    tl->n_cap += (fl & (TF_CAP | TF_ALLCAPS)) != 0;
    tl->n_role += (lex & (LW_ROLE | LW_ROLE_END)) != 0;
    sentence_tok(&tl->ss, x->t, nt, tk);
    /* sized for news text: about one word in five capitalised, one token in ten a
     * comma, title or role, one in thirty a cue */
    if (((fl & (TF_CAP | TF_ALLCAPS)) &&
         note(&x->caps, &ls->cap_caps, &ls->n_caps, nt, *ls->cap / 4 + 16)) ||
        ((lex & (LW_TITLE | LW_ROLE)) &&
         note(&x->marks, &ls->cap_marks, &x->n_marks, nt, *ls->cap / 8 + 16)) ||
        ((lex & (LW_VERB | LW_ACC)) &&
         note(&x->cues, &ls->cap_cues, &x->n_cues, nt, *ls->cap / 32 + 8)))
        return -1;
    *pi = e;
    return 0;
}

/* The quote mark or punctuation of class c and len bytes at byte *i as token nt; *i moves to
 * its end. 0, or -1 on out of memory. */
static inline int mark_token(xctx *x, tloop *tl, tlists *ls, uint32_t nt, size_t *pi, int c,
                             size_t len)
{
    size_t i = *pi;
    const char *b = tl->b;
    size_t n = tl->n;
    uint8_t kind;
    char ch = 0;
    /* a curly mark typed the wrong way round: "…here,“ Clyburn said" closes (glued to
     * the words before it, a space after), "”The …" opens */
    int glued_after = i + len >= n || b[i + len] == ' ' || b[i + len] == '\n';
    int glued_before = i + len < n && wt[(unsigned char)b[i + len]];
    if (c == C_QOPEN)
        kind = !straight_opens(x, i) && glued_after ? TK_QCLOSE : TK_QOPEN;
    else if (c == C_QCLOSE)
        kind = i > 0 && straight_opens(x, i) && glued_before ? TK_QOPEN : TK_QCLOSE;
    else if (c == C_QAMB)
        kind = straight_opens(x, i) ? TK_QOPEN : TK_QCLOSE;
    else {
        kind = TK_PUNCT;
        ch = punct_class(b + i, len);
        /* "--" is a dash */
        if (ch == '-' && i + 1 < n && b[i + 1] == '-')
            len = 2;
        tl->n_comma += ch == ',';
    }
    tl->n_q += kind == TK_QOPEN;
    xtok *tk = &x->t[nt];
    *tk = (xtok){.s = (uint32_t)i,
                 .e = (uint32_t)(i + len),
                 .stem_e = (uint32_t)(i + len),
                 .para = tl->para,
                 .kind = kind,
                 .ch = ch};
    sentence_tok(&tl->ss, x->t, nt, tk);
    if (ch == ',' && note(&x->marks, &ls->cap_marks, &x->n_marks, nt, *ls->cap / 8 + 16))
        return -1;
    *pi = i + len;
    return 0;
}

/* The token loop. Tokens are written in place (x->t[x->nt]) with their sentences; it also
 * counts what the entity pass sizes its arrays by (n_cap, n_role, n_comma) and the opening
 * quote marks, so that pair_quotes can be skipped for text without any. */
static int tokenize(xctx *x, size_t *cap, uint32_t *n_qopen)
{
    const char *b = x->b;
    size_t n = x->n, i = 0, len;
    uint32_t nt = 0;
    tloop tl = {.lx = x->lx, .b = b, .n = n, .ss = {.start = 1}};
    tlists ls = {.cap = cap};
    while (i < n) {
        unsigned char c0 = (unsigned char)b[i];
        if (c0 == ' ') {
            i++;
            continue;
        }
        if (nt == *cap) {
            x->nt = nt;
            if (grow_tokens(x, cap) != 0)
                return -1;
        }
        int c = C_ALPHA, word = wt[c0] != 0; /* an ASCII letter or digit: a word, at once */
        len = 1;
        if (!word) {
            if (c0 < 0x80)
                c = ascii_tab[c0];
            else
                c = classify_slow(b + i, n - i, &len);
            word = is_wordc(c);
        }
        if (c == C_SPACE) {
            i += len;
            continue;
        }
        if (c == C_NL) {
            if (nt && x->t[nt - 1].kind != TK_PARA)
                para_token(x, &tl, nt++, i, len);
            i += len;
            continue;
        }
        if (c == C_APOS && i + 1 < n && b[i] == '\'' && b[i + 1] == '\'') {
            /* '' used as a double quote (New York Times archive style) */
            c = C_QAMB;
            len = 2;
        }
        if (word ? word_token(x, &tl, &ls, nt, &i) : mark_token(x, &tl, &ls, nt, &i, c, len))
            return -1;
        nt++;
    }
    x->nt = nt;
    x->n_cap = tl.n_cap;
    x->n_role = tl.n_role;
    x->n_comma = tl.n_comma;
    *n_qopen = tl.n_q;
    return 0;
}

static int pair_quotes(xctx *x)
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
        while (j < x->nt && x->t[j].kind != TK_PARA) {
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

int hd_ex_tokenize(xctx *x)
{
    /* news text averages about six bytes a token (spaces included), wire copy with its
     * figures about five: usually one allocation */
    size_t cap = x->n / 5 + 64;
    x->t = hd_new(xtok, cap);
    if (!x->t)
        return -1;
    uint32_t n_qopen;
    if (tokenize(x, &cap, &n_qopen) != 0)
        return -1;
    return n_qopen ? pair_quotes(x) : 0;
}

uint32_t hd_ex_tok_get(const xctx *x, const lx_set *s, uint32_t i)
{
    if (!tok_word(x, i))
        return 0;
    const hd_lexicon *l = x->lx;
    uint32_t m = x->t[i].lex;
    if (s == &l->verbs)
        return m >> 24;
    uint32_t bit = s == &l->roles      ? LW_ROLE
                   : s == &l->titles   ? LW_TITLE
                   : s == &l->mods     ? LW_MOD
                   : s == &l->snouns   ? LW_SNOUN
                   : s == &l->orgs     ? LW_ORG
                   : s == &l->pcues    ? LW_PCUE
                   : s == &l->places   ? LW_PLACE
                   : s == &l->demonyms ? LW_DEMONYM
                   : s == &l->func     ? LW_FUNC
                                       : 0;
    if (!bit)
        return hd_ex_lx_get(s, x->b + x->t[i].s, x->t[i].stem_e - x->t[i].s);
    return (m & bit) != 0;
}

uint32_t hd_ex_seq_get(const xctx *x, const lx_set *s, uint32_t i, uint32_t j)
{
    char buf[256];
    size_t n = 0;
    for (uint32_t k = i; k < j; k++) {
        if (!tok_word(x, k))
            return 0;
        size_t l = x->t[k].stem_e - x->t[k].s;
        if (n + l + 1 >= sizeof buf)
            return 0;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, x->b + x->t[k].s, l);
        n += l;
    }
    return hd_ex_lx_get(s, buf, n);
}
