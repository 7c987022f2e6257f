/* SPDX-License-Identifier: MIT
 *
 * features.c — per-line features of a normalised page: word counts, stop words, capitals,
 * final punctuation, credit patterns, and repetition counts through a folded-text hash.
 */
#include "clean/clean.h"

#include <string.h>
#include <utf8proc.h>
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "base/mem.h"
#include "base/utf8.h"

void hd_clean_init(hd_clean *c)
{
    memset(c, 0, sizeof *c);
    hd_wordset_init(&c->words);
}

void hd_clean_done(hd_clean *c)
{
    hd_buf_done(&c->text);
    hd_buf_done(&c->scratch);
    hd_free(c->lines);
    hd_free(c->slots);
    memset(c, 0, sizeof *c);
}

/* Fold for comparison: ASCII lower case, curly quotes and apostrophes as straight ones, dashes
 * as '-'; everything else as is. Returns bytes written to out (at most n). */
static size_t fold(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x98 || d == 0x99) {
                out[o++] = '\'';
                i += 3;
                continue;
            }
            if (d == 0x9C || d == 0x9D) {
                out[o++] = '"';
                i += 3;
                continue;
            }
            if (d == 0x93 || d == 0x94) {
                out[o++] = '-';
                i += 3;
                continue;
            }
        }
        out[o++] = (char)c;
        i++;
    }
    return o;
}

uint64_t hd_clean_fold_hash(const char *s, size_t n)
{
    /* Headlines, captions and widgets are printed again with other capitals or quotes; long
     * paragraphs repeat verbatim, so they are hashed as they are (much cheaper). */
    if (n > HD_FOLD_MAX)
        return XXH3_64bits(s, n);
    char tmp[512];
    XXH3_state_t st;
    XXH3_64bits_reset(&st);
    while (n) {
        size_t k = n < sizeof tmp ? n : sizeof tmp;
        /* Never split a UTF-8 sequence across two folds. */
        while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        if (k == 0)
            k = n < sizeof tmp ? n : sizeof tmp;
        size_t o = fold(s, k, tmp);
        XXH3_64bits_update(&st, tmp, o);
        s += k;
        n -= k;
    }
    return XXH3_64bits_digest(&st);
}

static int is_closer(const char *p, size_t n, size_t *blen)
{
    unsigned char c = (unsigned char)p[n - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
        *blen = 1;
        return 1;
    }
    if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
        (c == 0x9D || c == 0x99)) {
        *blen = 3;
        return 1;
    }
    return 0;
}

static int ends_terminal(const char *p, size_t n)
{
    size_t bl;
    while (n && is_closer(p, n, &bl))
        n -= bl;
    if (!n)
        return 0;
    char c = p[n - 1];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    if (n < 3)
        return 0;
    const unsigned char *e = (const unsigned char *)p + n - 3;
    /* U+2026 HORIZONTAL ELLIPSIS; U+3002 IDEOGRAPHIC FULL STOP; U+FF01, U+FF1F FULLWIDTH
     * EXCLAMATION and QUESTION MARK */
    return (e[0] == 0xE2 && e[1] == 0x80 && e[2] == 0xA6) ||
           (e[0] == 0xE3 && e[1] == 0x80 && e[2] == 0x82) ||
           (e[0] == 0xEF && e[1] == 0xBC && (e[2] == 0x81 || e[2] == 0x9F));
}

/* Does the line end in a cut ("…", ".."), as teasers do, rather than a sentence end? */
static int ends_cut(const char *p, size_t n)
{
    return (n >= 2 && p[n - 1] == '.' && p[n - 2] == '.') ||
           (n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
            (unsigned char)p[n - 1] == 0xA6);
}

/* English function words are the evidence of prose the line classes rest on; a page in
 * another language has few or none (Korean, Russian, Greek; but also Indonesian or
 * Portuguese, whose prose shares few short words with English), and every line of its story
 * would stay undecided and then be dropped with the furniture around it. On a page where
 * fewer than one word in twelve is an English function word, length and sentence ends decide
 * instead: an undecided line that ends like a sentence (not cut off as a teaser is) with ten
 * words (not figures) or 120 bytes, or any line of 240 bytes, is prose. The English text
 * with no function words is a table of figures and abbreviations (wire earnings and money
 * supply reports): in a Latin script the rule also asks for a page of words, not figures —
 * under one word in twelve a figure and under one digit to twenty letters — and a table
 * is left to the table rules. */
static int foreign_line(const hd_clean *c, const hd_line *l)
{
    if (l->kind != HD_LINE_SHORT)
        return 0;
    uint32_t letters = l->n_words - (l->n_num < l->n_words ? l->n_num : l->n_words);
    int cut = ends_cut(c->text.p + l->off, l->len);
    return (l->terminal && !cut && (letters >= 10 || l->len >= 120)) || l->len >= 240;
}

static void foreign_prose(hd_clean *c)
{
    uint64_t w = 0, s = 0, num = 0, ascii = 0, digits = 0, other = 0;
    for (size_t i = 0; i < c->n_lines; i++) {
        const hd_line *l = &c->lines[i];
        if (l->n_words >= 5) {
            w += l->n_words;
            s += l->n_stop;
            num += l->n_num;
        }
    }
    if (w < 40 || s * 12 >= w)
        return;
    const unsigned char *t = (const unsigned char *)(c->text.p ? c->text.p : "");
    for (size_t i = 0; i < c->text.len; i++) {
        unsigned char b = t[i];
        ascii += (unsigned char)((b | 0x20) - 'a') < 26;
        digits += (unsigned char)(b - '0') < 10;
        /* a lead byte of U+0370 (Greek) and up, not of general punctuation (U+2000-U+206F)
         * nor CJK punctuation (U+3000-U+303F) */
        other += b >= 0xCD && b <= 0xF4 &&
                 !(b == 0xE2 && i + 1 < c->text.len && t[i + 1] <= 0x81) &&
                 !(b == 0xE3 && i + 1 < c->text.len && t[i + 1] == 0x80);
    }
    int latin_words = num * 12 < w && digits * 20 < ascii;
    if (other <= ascii && !latin_words)
        return;
    for (size_t i = 0; i < c->n_lines; i++)
        if (foreign_line(c, &c->lines[i]))
            c->lines[i].kind = HD_LINE_GOOD;
}

/* Word-level features of one line. */
static void words(const hd_wordset *ws, const char *p, size_t n, hd_line *l)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && p[i] == ' ')
            i++;
        size_t s = i;
        while (i < n && p[i] != ' ')
            i++;
        if (i == s)
            break;
        /* Strip leading/trailing ASCII punctuation for the stop-word test. */
        size_t a = s, b = i;
        while (a < b && !((unsigned char)p[a] & 0x80) &&
               !((p[a] | 32) >= 'a' && (p[a] | 32) <= 'z') && !(p[a] >= '0' && p[a] <= '9'))
            a++;
        while (b > a && !((unsigned char)p[b - 1] & 0x80) &&
               !((p[b - 1] | 32) >= 'a' && (p[b - 1] | 32) <= 'z') &&
               !(p[b - 1] >= '0' && p[b - 1] <= '9'))
            b--;
        if (a == b)
            continue;
        l->n_words++;
        unsigned char c0 = (unsigned char)p[a];
        l->n_num += c0 >= '0' && c0 <= '9';
        if (c0 >= 'A' && c0 <= 'Z') {
            l->n_cap++;
        } else if (c0 >= 0x80) {
            int32_t cp;
            hd_utf8_decode(p + a, b - a, &cp);
            if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU)
                l->n_cap++;
        }
        if (b - a <= 20) { /* the longest listed word is "advertisement" */
            char w[24];
            size_t k;
            for (k = 0; k < b - a; k++) {
                char ch = p[a + k];
                w[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            }
            uint64_t hint = 0;
            int kind = hd_wordset_find(ws, w, k, &hint);
            l->hints |= hint;
            l->n_stop += kind == HD_WORD_STOP;
            l->n_ui += kind == HD_WORD_UI || (hint & HD_HINT_UI) != 0;
        }
    }
}

/* Assign count/first through an open-addressing table of line indices keyed by hash. */
static hd_rc count_repeats(hd_clean *c, hd_err *err)
{
    size_t need = 16;
    while (need < c->n_lines * 2)
        need *= 2;
    if (need > c->n_slots) {
        uint32_t *s = hd_reallocarray(c->slots, need, sizeof *s);
        if (!s)
            return hd_err_set(err, HD_ENOMEM, "out of memory");
        c->slots = s;
        c->n_slots = need;
    }
    memset(c->slots, 0xFF, need * sizeof *c->slots);
    size_t mask = need - 1;
    for (size_t i = 0; i < c->n_lines; i++) {
        hd_line *l = &c->lines[i];
        size_t h = (size_t)l->key & mask;
        for (;;) {
            uint32_t j = c->slots[h];
            if (j == UINT32_MAX) {
                c->slots[h] = (uint32_t)i;
                l->first = (uint32_t)i;
                l->count = 1;
                break;
            }
            if (c->lines[j].key == l->key) {
                l->first = j;
                c->lines[j].count++;
                break;
            }
            h = (h + 1) & mask;
        }
    }
    for (size_t i = 0; i < c->n_lines; i++)
        c->lines[i].count = c->lines[c->lines[i].first].count;
    return HD_OK;
}

hd_rc hd_clean_page(hd_clean *c, const char *text, size_t len, hd_err *err)
{
    hd_rc rc;
    hd_buf_clear(&c->text);
    c->n_lines = 0;
    if ((rc = hd_clean_normalize(text, len, &c->text, &c->scratch, err)))
        return rc;
    const char *t = c->text.p ? c->text.p : "";
    size_t n = c->text.len;
    if (n > UINT32_MAX)
        return hd_err_set(err, HD_ELIMIT, "page text over 4 GiB");
    size_t start = 0;
    unsigned blanks = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n) {
            const char *nl = memchr(t + i, '\n', n - i);
            i = nl ? (size_t)(nl - t) : n;
        }
        size_t ln = i - start;
        if (ln == 0) {
            blanks += blanks < 255;
            start = i + 1;
            continue;
        }
        if (HD_GROW(c->lines, c->cap_lines, c->n_lines + 1))
            return hd_err_set(err, HD_ENOMEM, "out of memory");
        hd_line *l = &c->lines[c->n_lines++];
        memset(l, 0, sizeof *l);
        l->off = (uint32_t)start;
        l->len = (uint32_t)ln;
        l->blank_before = (uint8_t)blanks;
        blanks = 0;
        words(&c->words, t + start, ln, l);
        l->terminal = (uint8_t)ends_terminal(t + start, ln);
        l->key = hd_clean_fold_hash(t + start, ln);
        hd_clean_classify(t + start, ln, l);
        start = i + 1;
    }
    foreign_prose(c);
    return count_repeats(c, err);
}
