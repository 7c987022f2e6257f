/* SPDX-License-Identifier: MIT
 *
 * token.c — one linear pass that cuts an article body into tokens (words, punctuation, quote
 * marks, paragraph breaks) and marks sentences, then pairs quote marks into quote spans.
 *
 *   body bytes -> xtok[] (+ xquote[])
 *
 * ASCII words are scanned here, with their lexicon bits (one lookup a word); the rest goes to
 * token_word.c, characters beyond ASCII to token_char.c, quote marks to token_quote.c.
 * Abbreviations ("U.S.", "Mr.", "Nov.") keep their period so they do not end a sentence.
 * Called by extract.c (hd_ex_tokenize); hd_ex_tok_get and hd_ex_seq_get by every later pass.
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/mem.h"
#include "extract/token_int.h"

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

/* Fast path of hd_ex_scan_word: ASCII letters and digits up to a plain delimiter. Returns the end
 * and fills flags, stem_e, the lexicon bits and *hash (lx_hash over [i, stem_e), or 0 when
 * none was computed for that span), or returns 0 when the word needs the full scan
 * (non-ASCII, U.S., AT&T, plural possessives). */
static inline size_t scan_ascii(const hd_lexicon *lx, const char *b, size_t n, size_t i,
                                uint16_t *flags, uint32_t *stem_e, uint32_t *lex, uint64_t *hash)
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
        if (digit && !lx->digit_keys) {
            *lex = 0;
            *hash = 0;
        } else {
            *hash = lx_hash_f(b + i, j - i, n - i, f == 3 || (acc & 2));
            *lex = word_lex(lx, b, i, j - i, *hash, fl);
        }
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
    *hash = *stem_e == stem ? h : 0; /* not over "Mr." with its period */
    return e;
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
    uint64_t *wh = hd_reallocarray(x->wh, ncap, sizeof *wh);
    if (!wh)
        return -1;
    x->wh = wh;
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
    x->wh[nt] = 0;
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
    uint64_t h;
    size_t e = scan_ascii(lx, b, tl->n, i, &fl, &se, &lex, &h);
    if (!e) {
        h = 0;
        e = hd_ex_scan_word(x, i, &fl, &se);
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
                 .ch = (char)(b[i] | 0x20),
                 .flags = fl};
    x->wh[nt] = (h ? (h & ~(uint64_t)3) | WH_HASHED : 0) |
                (fl & (TF_CAP | TF_ALLCAPS | TF_DIGIT) ? 0 : WH_LOWER);
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
    if (c == C_QOPEN || c == C_QCLOSE || c == C_QAMB)
        kind = hd_ex_quote_kind(x, i, c, len);
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
    x->wh[nt] = 0;
    sentence_tok(&tl->ss, x->t, nt, tk);
    if (ch == ',' && note(&x->marks, &ls->cap_marks, &x->n_marks, nt, *ls->cap / 8 + 16))
        return -1;
    *pi = i + len;
    return 0;
}

/* The token loop. Tokens are written in place (x->t[x->nt]) with their sentences; it also
 * counts what the entity pass sizes its arrays by (n_cap, n_role, n_comma) and the opening
 * quote marks, so that hd_ex_pair_quotes can be skipped for text without any. */
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
                c = hd_ex_char_class(b + i, n - i, &len);
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

int hd_ex_tokenize(xctx *x)
{
    /* news text averages about six bytes a token (spaces included), wire copy with its
     * figures about five: usually one allocation */
    size_t cap = x->n / 5 + 64;
    x->t = hd_new(xtok, cap);
    x->wh = hd_new(uint64_t, cap);
    if (!x->t || !x->wh)
        return -1;
    uint32_t n_qopen;
    if (tokenize(x, &cap, &n_qopen) != 0)
        return -1;
    return n_qopen ? hd_ex_pair_quotes(x) : 0;
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
