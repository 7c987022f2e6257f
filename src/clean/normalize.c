/* SPDX-License-Identifier: MIT
 *
 * normalize.c — Unicode and whitespace normalisation of page text (first step of cleaning).
 */
#include "clean/clean.h"

#include <string.h>
#include <utf8proc.h>

#include "base/utf8.h"

/* Space-like code points become one ASCII space; format characters vanish. */
static int is_space_cp(int32_t cp)
{
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return 2; /* line/paragraph separators: a newline */
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000)
        return 1;
    return 0;
}

static int is_dropped_cp(int32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CS ||
           cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CN;
}

/* One pass: line breaks to LF, spaces folded and trimmed, controls dropped. */
static void fold_spaces(const char *s, size_t n, hd_buf *out)
{
    hd_buf_reserve(out, n);
    if (out->oom)
        return;
    char *o = out->p + out->len;
    char *line_start = o;
    int pend_space = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        /* Fast path: a run of printable ASCII, with single spaces between words. */
        if (c > 0x20 && c < 0x7F) {
            if (pend_space) {
                *o++ = ' ';
                pend_space = 0;
            }
            do {
                *o++ = (char)c;
                if (++i >= n)
                    break;
                c = (unsigned char)s[i];
                if (c == ' ' && i + 1 < n && (unsigned char)s[i + 1] > 0x20 &&
                    (unsigned char)s[i + 1] < 0x7F) {
                    *o++ = ' ';
                    c = (unsigned char)s[++i];
                }
            } while (c > 0x20 && c < 0x7F);
            continue;
        }
        if (c < 0x80) {
            i++;
            if (c == '\r') {
                if (i < n && s[i] == '\n')
                    i++;
                c = '\n';
            }
            if (c == '\n') {
                *o++ = '\n';
                line_start = o;
                pend_space = 0;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
                pend_space = o != line_start;
                continue;
            }
            if (c < 0x20 || c == 0x7F)
                continue;
            if (pend_space) {
                *o++ = ' ';
                pend_space = 0;
            }
            *o++ = (char)c;
            continue;
        }
        int32_t cp;
        size_t l = hd_utf8_decode(s + i, n - i, &cp);
        int sp = is_space_cp(cp);
        if (sp == 2) {
            *o++ = '\n';
            line_start = o;
            pend_space = 0;
        } else if (sp == 1) {
            pend_space = o != line_start;
        } else if (!is_dropped_cp(cp)) {
            if (pend_space) {
                *o++ = ' ';
                pend_space = 0;
            }
            memcpy(o, s + i, l);
            o += l;
        }
        i += l;
    }
    /* Output never grows: each input byte yields at most one output byte. */
    out->len = (size_t)(o - out->p);
    out->p[out->len] = '\0';
}

static int ends_open(const char *p, size_t n)
{
    /* A line that stops mid-sentence: no sentence-final punctuation or colon at its end. */
    while (n && (p[n - 1] == '"' || p[n - 1] == '\'' || p[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
        ((unsigned char)p[n - 1] == 0x9D || (unsigned char)p[n - 1] == 0x99))
        n -= 3;
    if (!n)
        return 0;
    char c = p[n - 1];
    return !(c == '.' || c == '!' || c == '?' || c == ':' || c == ';');
}

/* Join hard-wrapped lines: a long-ish line that stops mid-sentence followed directly (no blank
 * line) by one starting in lower case is the same paragraph. Works in place. */
static void unwrap(hd_buf *b, size_t from)
{
    char *p = b->p + from;
    size_t n = b->len - from;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '\n')
            continue;
        size_t len = i - start;
        if (len >= 30 && i + 1 < n && p[i + 1] >= 'a' && p[i + 1] <= 'z' &&
            ends_open(p + start, len))
            p[i] = ' ';
        start = i + 1;
    }
}

/* Hard-wrapped text (wire copy, e-mail, plain-text archives) breaks every line near a fixed
 * width and marks paragraphs by indentation or blank lines. Detect it from the line lengths —
 * most lines at or under ~100 bytes and most breaks falling mid-sentence — and join each wrapped
 * line to the next unless that one is indented or blank, or the line ended short of the width
 * with a full stop (the paragraph's last line). Writes the result to out; returns 0 if the text
 * is not hard-wrapped (out untouched). */
static int unwrap_hard(const char *s, size_t n, hd_buf *out)
{
    size_t n_lines = 0, n_short = 0, n_open = 0, width = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n) {
            const char *nl = memchr(s + i, '\n', n - i);
            i = nl ? (size_t)(nl - s) : n;
        }
        size_t len = i - start;
        if (len > 0) {
            n_lines++;
            if (len <= 100)
                n_short++;
            if (len > width && len <= 100)
                width = len;
            char last = s[i - 1] == '\r' && len > 1 ? s[i - 2] : s[i - 1];
            if (i < n && i + 1 < n && s[i + 1] != '\n' && last != '.' && last != '!' &&
                last != '?' && last != ':')
                n_open++;
        }
        start = i + 1;
    }
    if (n_lines < 4 || n_short * 10 < n_lines * 9 || n_open * 10 < n_lines * 3 || width < 40)
        return 0;
    /* Wrapped lines fill the width: most lines must come close to it. Short boilerplate lines
     * in a scraped page do not. */
    size_t n_full = 0;
    start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n) {
            const char *nl = memchr(s + i, '\n', n - i);
            i = nl ? (size_t)(nl - s) : n;
        }
        size_t len = i - start;
        n_full += len > 0 && len * 10 >= width * 7;
        start = i + 1;
    }
    if (n_full * 2 < n_lines)
        return 0;
    hd_buf_reserve(out, n);
    start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n')
            continue;
        size_t len = i - start;
        size_t end = len && s[i - 1] == '\r' ? i - 1 : i;
        hd_buf_add(out, s + start, end - start);
        if (i < n) {
            int next_blank = i + 1 >= n || s[i + 1] == '\n' || s[i + 1] == '\r';
            int next_indent = i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t');
            char last = end > start ? s[end - 1] : '\n';
            int full_stop = last == '.' || last == '!' || last == '?' || last == ':';
            int short_line = len * 4 < width * 3;
            int join = len > 0 && !next_blank && !next_indent && !(full_stop && short_line);
            hd_buf_addc(out, join ? ' ' : '\n');
        }
        start = i + 1;
    }
    return 1;
}

hd_rc hd_clean_normalize(const char *text, size_t len, hd_buf *out, hd_buf *scratch,
                         hd_err *err)
{
    size_t from = out->len;
    hd_buf_clear(scratch);
    if (!hd_utf8_nfc_quick(text, len)) {
        if (hd_utf8_nfc(text, len, scratch))
            return hd_err_set(err, HD_ENOMEM, "out of memory normalising text");
        text = scratch->p ? scratch->p : "";
        len = scratch->len;
    }
    hd_buf joined = {0};
    if (unwrap_hard(text, len, &joined)) {
        if (joined.oom) {
            hd_buf_done(&joined);
            return hd_err_set(err, HD_ENOMEM, "out of memory normalising text");
        }
        fold_spaces(joined.p ? joined.p : "", joined.len, out);
        hd_buf_done(&joined);
    } else {
        fold_spaces(text, len, out);
    }
    if (out->oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory normalising text");
    unwrap(out, from);
    return HD_OK;
}
