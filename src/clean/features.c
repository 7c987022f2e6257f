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
    /* U+2026 HORIZONTAL ELLIPSIS */
    return n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
           (unsigned char)p[n - 1] == 0xA6;
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
            int kind = hd_wordset_find(ws, w, k, &l->hints);
            l->n_stop += kind == HD_WORD_STOP;
            l->n_ui += kind == HD_WORD_UI;
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
    return count_repeats(c, err);
}
