/* SPDX-License-Identifier: MIT
 *
 * normalize.c — Unicode and whitespace normalisation of page text (first step of cleaning).
 *
 *   page text  ->  NFC text, LF line breaks, spaces folded, wrapped lines joined
 *
 * Called by hd_clean_page (features.c) for a page's text, and by the segment stage and
 * src/lib/pipeline.c for titles given in metadata.
 */
#include "clean/clean.h"

#include <string.h>
#include <strings.h>
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

/* Where fold_spaces writes: the output cursor, the start of the output line, and whether a
 * space is owed before the next visible character. */
typedef struct fold {
    char *o;
    char *line_start;
    int pend_space;
} fold;

static inline void put_pending_space(fold *f)
{
    if (f->pend_space) {
        *f->o++ = ' ';
        f->pend_space = 0;
    }
}

static inline void put_newline(fold *f)
{
    *f->o++ = '\n';
    f->line_start = f->o;
    f->pend_space = 0;
}

/* Fast path: a run of printable ASCII, with single spaces between words. c is s[i]; returns
 * the index after the run. */
static inline size_t fold_ascii_run(fold *f, const char *s, size_t n, size_t i, unsigned char c)
{
    put_pending_space(f);
    char *o = f->o;
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
    f->o = o;
    return i;
}

/* Any other ASCII byte c = s[i]: a line break, a blank or a control. Returns the next index. */
static inline size_t fold_ascii_other(fold *f, const char *s, size_t n, size_t i, unsigned char c)
{
    i++;
    if (c == '\r') {
        if (i < n && s[i] == '\n')
            i++;
        c = '\n';
    }
    if (c == '\n') {
        put_newline(f);
        return i;
    }
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
        f->pend_space = f->o != f->line_start;
        return i;
    }
    if (c < 0x20 || c == 0x7F)
        return i;
    put_pending_space(f);
    *f->o++ = (char)c;
    return i;
}

/* A multi-byte UTF-8 sequence at s[i]. Returns the next index. */
static inline size_t fold_code_point(fold *f, const char *s, size_t n, size_t i)
{
    int32_t cp;
    size_t l = hd_utf8_decode(s + i, n - i, &cp);
    int sp = is_space_cp(cp);
    if (sp == 2) {
        put_newline(f);
    } else if (sp == 1) {
        f->pend_space = f->o != f->line_start;
    } else if (!is_dropped_cp(cp)) {
        put_pending_space(f);
        memcpy(f->o, s + i, l);
        f->o += l;
    }
    return i + l;
}

/* One pass: line breaks to LF, spaces folded and trimmed, controls dropped. */
static void fold_spaces(const char *s, size_t n, hd_buf *out)
{
    hd_buf_reserve(out, n);
    if (out->oom)
        return;
    fold f = {out->p + out->len, out->p + out->len, 0};
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c > 0x20 && c < 0x7F)
            i = fold_ascii_run(&f, s, n, i, c);
        else if (c < 0x80)
            i = fold_ascii_other(&f, s, n, i, c);
        else
            i = fold_code_point(&f, s, n, i);
    }
    /* Output never grows: each input byte yields at most one output byte. */
    out->len = (size_t)(f.o - out->p);
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
/* Function words that cannot end a sentence: a line ending in one continues on the next. */
static int ends_with_function_word(const char *p, size_t n)
{
    static const char *const words[] = {"a",  "an", "and", "at",   "by",  "for", "from", "in",
                                        "of", "on", "or",  "than", "the", "to",  "with"};
    size_t e = n, b = n;
    while (b > 0 && p[b - 1] != ' ')
        b--;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == e - b && strncasecmp(p + b, words[k], e - b) == 0)
            return 1;
    return 0;
}

/* Should the line s[start..end) join the next line, which starts at s[next] (raw text)? */
static int soft_join(const char *s, size_t n, size_t start, size_t end, size_t next)
{
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\r' || s[end - 1] == '\t'))
        end--;
    size_t len = end - start;
    if (len < 15 || next >= n || !ends_open(s + start, len))
        return 0;
    char nx = s[next];
    if (nx == '\n' || nx == '\r' || nx == ' ' || nx == '\t')
        return 0; /* a blank line or an indent starts a new paragraph */
    if (s[end - 1] == ',')
        return 1; /* no sentence ends in a comma */
    if (nx >= 'a' && nx <= 'z')
        return 1;
    if (nx >= '0' && nx <= '9') {
        /* "...provisions of\n4.2 mln dlrs", "...formed in June\n1987 through merger": a figure
         * that carries on the sentence, not a date line or a table row under a heading. */
        if (ends_with_function_word(s + start, len))
            return 1;
        size_t k = next;
        while (k < n && s[k] != ' ' && s[k] != '\n')
            k++;
        return len >= 40 && k + 1 < n && s[k] == ' ' && s[k + 1] >= 'a' && s[k + 1] <= 'z';
    }
    return 0;
}

/* Join the stray wrapped lines of a text that is not hard-wrapped as a whole: a line that
 * stops mid-sentence (no final punctuation) followed directly, without indent, by one that
 * cannot start a sentence (lower case; a figure after a long line or a function word) or
 * after a comma. Returns 1 and writes the joined text to out when anything was joined. */
static int unwrap_soft(const char *s, size_t n, hd_buf *out)
{
    int any = 0;
    size_t start = 0;
    for (const char *nl = memchr(s, '\n', n); nl;
         nl = memchr(nl + 1, '\n', (size_t)(s + n - nl - 1))) {
        size_t i = (size_t)(nl - s);
        if (soft_join(s, n, start, i, i + 1)) {
            any = 1;
            break;
        }
        start = i + 1;
    }
    if (!any)
        return 0;
    hd_buf_add(out, s, n);
    if (out->oom)
        return 1;
    char *o = out->p + out->len - n;
    start = 0;
    for (const char *nl = memchr(s, '\n', n); nl;
         nl = memchr(nl + 1, '\n', (size_t)(s + n - nl - 1))) {
        size_t i = (size_t)(nl - s);
        if (soft_join(s, n, start, i, i + 1))
            o[i] = ' ';
        start = i + 1;
    }
    return 1;
}

/* The line lengths of a text, for telling hard-wrapped text from paragraphs. */
typedef struct wrap_stats {
    size_t n_lines; /* non-empty lines */
    size_t n_short; /* of them at or under 100 bytes */
    size_t n_open;  /* followed by a non-blank line without ending a sentence */
    size_t width;   /* the longest line at or under 100 bytes */
    size_t longest;
} wrap_stats;

static void line_stats(const char *s, size_t n, wrap_stats *st)
{
    memset(st, 0, sizeof *st);
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n) {
            const char *nl = memchr(s + i, '\n', n - i);
            i = nl ? (size_t)(nl - s) : n;
        }
        size_t len = i - start;
        if (len > 0) {
            st->n_lines++;
            if (len <= 100)
                st->n_short++;
            if (len > st->longest)
                st->longest = len;
            if (len > st->width && len <= 100)
                st->width = len;
            char last = s[i - 1] == '\r' && len > 1 ? s[i - 2] : s[i - 1];
            if (i < n && i + 1 < n && s[i + 1] != '\n' && last != '.' && last != '!' &&
                last != '?' && last != ':')
                st->n_open++;
        }
        start = i + 1;
    }
}

/* Paragraphs marked by indentation (wire copy): then any line that the next one does not
 * indent continues, whatever its length (a first line cut short by a removed dateline,
 * "Lester L." ending in an abbreviation). */
static int indent_style(const char *s, size_t n)
{
    for (const char *q = memchr(s, '\n', n); q && q + 2 < s + n;
         q = memchr(q + 1, '\n', (size_t)(s + n - q - 1)))
        if (q[1] == '\t' || q[1] == ' ')
            return 1;
    return 0;
}

/* Wrapped lines fill the width: a line that the next one continues (no blank line, no
 * indent between them) must come close to the width, for most such lines. Short
 * boilerplate lines in a scraped page do not; a paragraph's last line need not. */
static int fills_width(const char *s, size_t n, size_t width, int columns80, int indented)
{
    size_t n_cont = 0, n_full = 0, n_cont2 = 0, n_full2 = 0;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *nl = memchr(s + i, '\n', n - i);
        if (!nl)
            break;
        i = (size_t)(nl - s);
        size_t len = i - start;
        int next_cont = i + 1 < n && s[i + 1] != '\n' && s[i + 1] != '\r' && s[i + 1] != ' ' &&
                        s[i + 1] != '\t';
        if (len > 0 && next_cont) {
            n_cont++;
            n_full += len * 10 >= width * 7;
            /* the same without the first line, which a removed dateline may have cut short */
            n_cont2 += start > 0;
            n_full2 += start > 0 && len * 10 >= width * 7;
        }
        start = i + 1;
    }
    if (columns80)
        return (n_cont2 >= 1 && n_full2 * 10 >= n_cont2 * 6) ||
               (n_cont2 == 0 && n_cont >= 1 && indented);
    return !(n_cont < 3 || n_full * 10 < n_cont * 6);
}

/* Write s to out with each wrapped line joined to the next. */
static void join_wrapped(const char *s, size_t n, size_t width, int indented, hd_buf *out)
{
    hd_buf_reserve(out, n);
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n')
            continue;
        size_t len = i - start;
        size_t end = len && s[i - 1] == '\r' ? i - 1 : i;
        hd_buf_add(out, s + start, end - start);
        if (i < n) {
            int next_blank = i + 1 >= n || s[i + 1] == '\n' || s[i + 1] == '\r';
            int next_indent = i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t');
            int short_line = len * 4 < width * 3;
            /* A line well short of the width ended its paragraph (or is a heading), unless
             * paragraphs are marked by indentation. */
            int join = len > 0 && !next_blank && !next_indent && (indented || !short_line);
            hd_buf_addc(out, join ? ' ' : '\n');
        }
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
    wrap_stats st;
    line_stats(s, n, &st);
    /* Classic 80-column text (every line within 80 bytes, some broken mid-sentence) is
     * wrapped however short: a three-line wire story has too few lines for the statistics
     * below. Scraped pages hold paragraphs far longer than 80 bytes. */
    int columns80 = st.n_lines >= 2 && st.longest <= 80 && st.width >= 30 && st.n_open >= 1;
    if (!columns80 && (st.n_lines < 4 || st.n_short * 10 < st.n_lines * 9 ||
                       st.n_open * 10 < st.n_lines * 3 || st.width < 40))
        return 0;
    int indented = indent_style(s, n);
    if (!fills_width(s, n, st.width, columns80, indented))
        return 0;
    join_wrapped(s, n, st.width, indented, out);
    return 1;
}

hd_rc hd_clean_normalize(const char *text, size_t len, hd_buf *out, hd_buf *scratch, hd_err *err)
{
    hd_buf_clear(scratch);
    if (!hd_utf8_nfc_quick(text, len)) {
        if (hd_utf8_nfc(text, len, scratch))
            return hd_err_set(err, HD_ENOMEM, "out of memory normalising text");
        text = scratch->p ? scratch->p : "";
        len = scratch->len;
    }
    hd_buf joined = {0};
    if (unwrap_hard(text, len, &joined) || unwrap_soft(text, len, &joined)) {
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
    return HD_OK;
}
