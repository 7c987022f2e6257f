/* SPDX-License-Identifier: MIT
 *
 * analyze.c — the analyzer: UTF-8 text -> normalised, stemmed terms with positions and byte
 * ranges. The same code runs at index time (seg_writer.c) and at query time (src/search), so a
 * query word always meets the term it was indexed as.
 *
 * Words are runs of letters, marks and digits (utf8proc categories L*, M*, N*). Joiners stay
 * inside a word when a word character follows: apostrophes (' U+2018 U+2019 U+02BC, all
 * folded to '), hyphens (- U+2010 U+2011) and, between two digits, '.' and ','. Han and kana
 * characters are tokens of their own. A word is folded (ASCII lower-casing, or NFC + case
 * folding through utf8proc), then stemmed with Snowball unless it holds a digit. Stems are
 * cached per analyzer, since the Snowball call dominates the cost of analysis.
 *
 * A hyphenated compound is a token as written ("12-day", flagged `compound`) and then each of
 * its parts ("12", "day", flagged `part`), analysed as if they stood alone, so "inflammatory"
 * finds "anti-inflammatory". The parts take one position each, as separate words would; the
 * compound shares the position of its first part (Lucene's WordDelimiterGraphFilter with
 * preserveOriginal). So "anti-inflammatory drugs" puts "anti-inflammatory" and "anti" at
 * position 0, "inflammatory" at 1 and "drugs" at 2.
 */
#include <libstemmer.h>
#include <string.h>
#include <utf8proc.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/index.h"

#define CACHE_SLOTS   32768 /* power of two */
#define CACHE_MAX     (CACHE_SLOTS / 2)
#define CACHE_KEY_MAX 32 /* only short words are cached */

typedef struct cache_ent {
    uint8_t klen; /* 0 = empty */
    uint8_t vlen;
    char key[CACHE_KEY_MAX];
    char val[CACHE_KEY_MAX];
} cache_ent;

struct hd_analyzer {
    struct sb_stemmer *stem; /* NULL for "none" */
    char language[32];
    cache_ent *cache;
    size_t n_cache;
    char fold[HD_MAX_TERM * 4 + 8]; /* folded word */
};

hd_rc hd_analyzer_new(const char *language, hd_analyzer **out, hd_err *err)
{
    *out = NULL;
    if (!language || !*language)
        language = "english";
    if (strlen(language) >= 32)
        return hd_err_set(err, HD_EINVAL, "unknown stemmer language '%.40s'", language);
    hd_analyzer *an = hd_new0(hd_analyzer, 1);
    if (!an)
        return hd_err_set(err, HD_ENOMEM, "out of memory creating the analyzer");
    strcpy(an->language, language);
    if (strcmp(language, "none") != 0) {
        an->stem = sb_stemmer_new(language, NULL);
        if (!an->stem) {
            hd_free(an);
            return hd_err_set(err, HD_EINVAL, "unknown stemmer language '%s'", language);
        }
        an->cache = hd_new0(cache_ent, CACHE_SLOTS);
        if (!an->cache) {
            sb_stemmer_delete(an->stem);
            hd_free(an);
            return hd_err_set(err, HD_ENOMEM, "out of memory creating the analyzer");
        }
    }
    *out = an;
    return HD_OK;
}

void hd_analyzer_free(hd_analyzer *an)
{
    if (!an)
        return;
    if (an->stem)
        sb_stemmer_delete(an->stem);
    hd_free(an->cache);
    hd_free(an);
}

const char *hd_analyzer_language(const hd_analyzer *an)
{
    return an->language;
}

static int stem_word(hd_analyzer *an, const char *w, size_t n, const char **out, size_t *out_n);

#define HD_AN_CJK_ (1 << 30) /* internal: a Han/kana token, never stemmed */

hd_rc hd_analyzer_stem(hd_analyzer *an, const char *word, size_t len, const char **out,
                       size_t *out_len)
{
    if (!an->stem || len == 0) {
        *out = word;
        *out_len = len;
        return HD_OK;
    }
    return stem_word(an, word, len, out, out_len) ? HD_ENOMEM : HD_OK;
}

/* Character classes. */
enum { C_SEP, C_WORD, C_DIGIT, C_APOS, C_HYPH, C_NUMJ, C_CJK };

/* Classes of the ASCII characters (a constant table: the hot path of analysis). */
static const uint8_t ascii_tab[128] = {
    C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,
    C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,
    C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,
    C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_APOS,
    C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_NUMJ,  C_HYPH,  C_NUMJ,  C_SEP,   C_DIGIT, C_DIGIT,
    C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_SEP,   C_SEP,
    C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,
    C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,
    C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,
    C_WORD,  C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_WORD,  C_WORD,  C_WORD,
    C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,
    C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,  C_WORD,
    C_WORD,  C_WORD,  C_WORD,  C_SEP,   C_SEP,   C_SEP,   C_SEP,   C_SEP,
};

static inline int ascii_class(int32_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return C_WORD;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    if (c == '\'')
        return C_APOS;
    if (c == '-')
        return C_HYPH;
    if (c == '.' || c == ',')
        return C_NUMJ;
    return C_SEP;
}

static int classify(int32_t cp)
{
    if (cp < 128)
        return ascii_class(cp);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
        return C_APOS;
    if (cp == 0x2010 || cp == 0x2011)
        return C_HYPH;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xF900 && cp <= 0xFAFF))
        return C_CJK;
    utf8proc_category_t c = utf8proc_category(cp);
    if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME)
        return C_WORD;
    if (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO)
        return C_DIGIT;
    return C_SEP;
}

/* Decode at p (n > 0 bytes left); invalid sequences decode as a separator of length 1. */
static size_t next_cp(const uint8_t *p, size_t n, int32_t *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
    if (k <= 0) {
        *cp = 0xFFFD; /* category So: a separator */
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

static uint32_t cache_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

/* Stem w[0..n) into out and out_n (borrowed until the next call). Returns -1 on OOM. */
static int stem_word(hd_analyzer *an, const char *w, size_t n, const char **out, size_t *out_n)
{
    cache_ent *e = NULL;
    if (n < CACHE_KEY_MAX) {
        uint32_t h = cache_hash(w, n) & (CACHE_SLOTS - 1);
        for (;;) {
            e = &an->cache[h];
            if (e->klen == 0)
                break;
            if (e->klen == n && memcmp(e->key, w, n) == 0) {
                *out = e->val;
                *out_n = e->vlen;
                return 0;
            }
            h = (h + 1) & (CACHE_SLOTS - 1);
        }
    }
    const sb_symbol *s = sb_stemmer_stem(an->stem, (const sb_symbol *)w, (int)n);
    if (!s)
        return -1;
    size_t sn = (size_t)sb_stemmer_length(an->stem);
    *out = (const char *)s;
    *out_n = sn;
    if (e && sn < CACHE_KEY_MAX) {
        if (an->n_cache >= CACHE_MAX) {
            memset(an->cache, 0, CACHE_SLOTS * sizeof *an->cache);
            an->n_cache = 0; /* e is now an empty slot of the cleared table */
        }
        e->klen = (uint8_t)n;
        memcpy(e->key, w, n);
        e->vlen = (uint8_t)sn;
        memcpy(e->val, s, sn);
        an->n_cache++;
    }
    return 0;
}

/* Fold the word text[ws..we) into an->fold. Returns the folded length, 0 when the word is too
 * long (dropped), or SIZE_MAX on out of memory. Sets *has_digit. */
static size_t fold_word(hd_analyzer *an, const uint8_t *t, size_t ws, size_t we, int ascii,
                        int *has_digit)
{
    char *f = an->fold;
    size_t n = 0;
    *has_digit = 0;
    if (ascii) {
        if (we - ws > HD_MAX_TERM)
            return 0;
        for (size_t i = ws; i < we; i++) {
            uint8_t c = t[i];
            if (c >= 'A' && c <= 'Z')
                c = (uint8_t)(c + 32);
            else if (c >= '0' && c <= '9')
                *has_digit = 1;
            f[n++] = (char)c;
        }
        return n;
    }
    /* Non-ASCII: unify joiners first, then NFC + case fold the whole word via utf8proc. */
    if (we - ws > HD_MAX_TERM * 4)
        return 0;
    char raw[HD_MAX_TERM * 4 + 8];
    size_t rn = 0;
    for (size_t i = ws; i < we;) {
        int32_t cp;
        size_t k = next_cp(t + i, we - i, &cp);
        int cls = classify(cp);
        if (cls == C_APOS)
            raw[rn++] = '\'';
        else if (cls == C_HYPH)
            raw[rn++] = '-';
        else {
            if (cls == C_DIGIT)
                *has_digit = 1;
            memcpy(raw + rn, t + i, k);
            rn += k;
        }
        i += k;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t mn = utf8proc_map((const utf8proc_uint8_t *)raw, (utf8proc_ssize_t)rn, &m,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (mn < 0) {
        free(m);
        return mn == UTF8PROC_ERROR_NOMEM ? SIZE_MAX : 0;
    }
    if ((size_t)mn > HD_MAX_TERM) {
        free(m);
        return 0;
    }
    memcpy(f, m, (size_t)mn);
    free(m); /* utf8proc allocates with malloc */
    return (size_t)mn;
}

/* Token kinds passed to emit (hd_token.compound / .part). */
enum { K_WORD, K_COMPOUND, K_PART };

static hd_rc emit(hd_analyzer *an, int flags, const uint8_t *t, size_t ws, size_t we, int ascii,
                  uint32_t pos, int kind, hd_token_fn fn, void *ud, int *stop, hd_err *err)
{
    int has_digit;
    size_t n = fold_word(an, t, ws, we, ascii, &has_digit);
    if (n == SIZE_MAX)
        return hd_err_set(err, HD_ENOMEM, "out of memory folding a word");
    if (n == 0)
        return HD_OK;
    hd_token tok = {.term = an->fold,
                    .term_len = n,
                    .pos = pos,
                    .start = ws,
                    .end = we,
                    .compound = kind == K_COMPOUND,
                    .part = kind == K_PART};
    tok.stemmable = an->stem && !has_digit && !(flags & HD_AN_CJK_);
    if (tok.stemmable && !(flags & HD_AN_NO_STEM)) {
        tok.stemmable = 0;
        if (stem_word(an, an->fold, n, &tok.term, &tok.term_len) != 0)
            return hd_err_set(err, HD_ENOMEM, "out of memory stemming a word");
        if (tok.term_len == 0)
            return HD_OK;
    }
    if (fn(ud, &tok))
        *stop = 1;
    return HD_OK;
}

/* The parts of the compound text[ws..we): the runs between its hyphens (each starts and ends
 * with a word character, since a joiner is kept only between two), one position each from
 * *pos, which is advanced past them. */
static hd_rc emit_parts(hd_analyzer *an, int flags, const uint8_t *t, size_t ws, size_t we,
                        int ascii, uint32_t *pos, hd_token_fn fn, void *ud, int *stop, hd_err *err)
{
    size_t ps = ws;
    for (size_t i = ws; i <= we && !*stop;) {
        int32_t cp = 0;
        size_t k = 1;
        if (i < we)
            k = next_cp(t + i, we - i, &cp);
        if (i == we || classify(cp) == C_HYPH) {
            hd_rc rc = emit(an, flags, t, ps, i, ascii, (*pos)++, K_PART, fn, ud, stop, err);
            if (rc)
                return rc;
            ps = i + k;
        }
        i += k;
    }
    return HD_OK;
}

/* The character at t[i]: its code point, class and length in bytes (ASCII by table). */
static inline size_t char_at(const uint8_t *t, size_t len, size_t i, int32_t *cp, int *cls)
{
    if (t[i] < 0x80) {
        *cp = t[i];
        *cls = ascii_tab[t[i]];
        return 1;
    }
    size_t k = next_cp(t + i, len - i, cp);
    *cls = classify(*cp);
    return k;
}

/* The end of the word whose first character (of class cls) ends at i: word characters, and
 * joiners between two of them (apostrophes, hyphens; "," and "." only between digits). Clears
 * *ascii at a non-ASCII character, sets *hyphen at a hyphen. */
static size_t word_end(const uint8_t *t, size_t len, size_t i, int cls, int *ascii, int *hyphen)
{
    int prev = cls;
    while (i < len) {
        int32_t cp;
        int c2;
        size_t k2 = char_at(t, len, i, &cp, &c2);
        if (c2 == C_WORD || c2 == C_DIGIT) {
            if (cp >= 128)
                *ascii = 0;
            prev = c2;
            i += k2;
            continue;
        }
        if (c2 != C_APOS && c2 != C_HYPH && c2 != C_NUMJ)
            break;
        /* A joiner: keep it only when a word character follows. */
        if (i + k2 >= len)
            break;
        int32_t cp3;
        size_t k3 = next_cp(t + i + k2, len - i - k2, &cp3);
        int c3 = classify(cp3);
        if (c2 == C_NUMJ ? !(prev == C_DIGIT && c3 == C_DIGIT) : !(c3 == C_WORD || c3 == C_DIGIT))
            break;
        if (cp >= 128 || cp3 >= 128)
            *ascii = 0;
        *hyphen |= c2 == C_HYPH;
        prev = c3;
        i += k2 + k3;
    }
    return i;
}

hd_rc hd_analyze_ex(hd_analyzer *an, const char *text, size_t len, uint32_t first_pos, int flags,
                    hd_token_fn fn, void *ud, uint32_t *out_next_pos, hd_err *err)
{
    const uint8_t *t = (const uint8_t *)text;
    uint32_t pos = first_pos;
    size_t i = 0;
    int stop = 0;
    hd_rc rc = HD_OK;
    while (i < len && !stop) {
        int32_t cp;
        int cls;
        size_t k = char_at(t, len, i, &cp, &cls);
        if (cls == C_CJK) {
            rc = emit(an, flags | HD_AN_NO_STEM | HD_AN_CJK_, t, i, i + k, 0, pos++, K_WORD, fn, ud,
                      &stop, err);
            if (rc)
                break;
            i += k;
            continue;
        }
        if (cls != C_WORD && cls != C_DIGIT) {
            i += k;
            continue;
        }
        /* A word starts at i. */
        size_t ws = i;
        int ascii = cp < 128, hyphen = 0;
        i = word_end(t, len, i + k, cls, &ascii, &hyphen);
        if (!hyphen) {
            rc = emit(an, flags, t, ws, i, ascii, pos++, K_WORD, fn, ud, &stop, err);
        } else {
            rc = emit(an, flags, t, ws, i, ascii, pos, K_COMPOUND, fn, ud, &stop, err);
            if (!rc && !stop)
                rc = emit_parts(an, flags, t, ws, i, ascii, &pos, fn, ud, &stop, err);
        }
        if (rc)
            break;
    }
    if (out_next_pos)
        *out_next_pos = pos;
    return rc;
}

hd_rc hd_analyze(hd_analyzer *an, const char *text, size_t len, uint32_t first_pos, hd_token_fn fn,
                 void *ud, uint32_t *out_next_pos, hd_err *err)
{
    return hd_analyze_ex(an, text, len, first_pos, 0, fn, ud, out_next_pos, err);
}
