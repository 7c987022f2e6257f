/* SPDX-License-Identifier: MIT
 *
 * jsonl.h — the few helpers the peer drivers share (header-only, C11 and C++):
 *   - read a herald JSONL corpus one record at a time, keeping "id", "title" and "text";
 *   - read a text file one line at a time;
 *   - a monotonic clock in milliseconds;
 *   - print a JSON string.
 * The JSON reader is small but strict enough for the corpora bench/ produces: one object a
 * line, string values with all JSON escapes (\uXXXX with surrogate pairs -> UTF-8), other
 * values (numbers, null, booleans, nested arrays/objects) skipped.  A malformed line is fatal,
 * with its line number.
 */
#ifndef BENCH_JSONL_H
#define BENCH_JSONL_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

static void bj_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("peer driver: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static double bj_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A growable byte string. */
typedef struct bj_str {
    char *p;
    size_t n, cap;
} bj_str;

static void bj_put(bj_str *s, const char *p, size_t n)
{
    if (s->n + n + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 256;
        while (cap < s->n + n + 1)
            cap *= 2;
        s->p = (char *)realloc(s->p, cap);
        if (!s->p)
            bj_die("out of memory");
        s->cap = cap;
    }
    memcpy(s->p + s->n, p, n);
    s->n += n;
    s->p[s->n] = 0;
}

static void bj_putc(bj_str *s, char c)
{
    bj_put(s, &c, 1);
}

static void bj_put_utf8(bj_str *s, unsigned long cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    bj_put(s, b, n);
}

/* Reads lines of any length. Returns the length, or -1 at EOF. The trailing '\n' is removed. */
typedef struct bj_lines {
    FILE *f;
    char *buf;
    size_t cap;
    long lineno;
} bj_lines;

static void bj_lines_open(bj_lines *l, const char *path)
{
    memset(l, 0, sizeof *l);
    l->f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!l->f)
        bj_die("%s: %s", path, strerror(errno));
}

static long bj_lines_next(bj_lines *l)
{
    ssize_t n = getline(&l->buf, &l->cap, l->f);
    if (n < 0)
        return -1;
    l->lineno++;
    while (n > 0 && (l->buf[n - 1] == '\n' || l->buf[n - 1] == '\r'))
        l->buf[--n] = 0;
    return (long)n;
}

static void bj_lines_close(bj_lines *l)
{
    if (l->f && l->f != stdin)
        fclose(l->f);
    free(l->buf);
}

/* One corpus record. The strings are owned by the record and reused. */
typedef struct bj_doc {
    bj_str id, title, text;
} bj_doc;

typedef struct bj_parse {
    const char *p, *end;
    long lineno;
} bj_parse;

static void bj_ws(bj_parse *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r' || *ps->p == '\n'))
        ps->p++;
}

static int bj_hex4(bj_parse *ps, unsigned long *out)
{
    unsigned long v = 0;
    if (ps->end - ps->p < 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        char c = ps->p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned long)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned long)(c - 'A' + 10);
        else
            return 0;
    }
    ps->p += 4;
    *out = v;
    return 1;
}

/* Parse a JSON string at ps->p (which is '"'); append its value to out if out != NULL. */
static void bj_string(bj_parse *ps, bj_str *out)
{
    ps->p++; /* opening quote */
    for (;;) {
        const char *q = ps->p;
        while (q < ps->end && *q != '"' && *q != '\\')
            q++;
        if (out && q > ps->p)
            bj_put(out, ps->p, (size_t)(q - ps->p));
        if (q >= ps->end)
            bj_die("line %ld: unterminated string", ps->lineno);
        ps->p = q + 1;
        if (*q == '"')
            return;
        if (ps->p >= ps->end)
            bj_die("line %ld: bad escape", ps->lineno);
        char e = *ps->p++;
        char c;
        switch (e) {
        case '"':
            c = '"';
            break;
        case '\\':
            c = '\\';
            break;
        case '/':
            c = '/';
            break;
        case 'b':
            c = '\b';
            break;
        case 'f':
            c = '\f';
            break;
        case 'n':
            c = '\n';
            break;
        case 'r':
            c = '\r';
            break;
        case 't':
            c = '\t';
            break;
        case 'u': {
            unsigned long cp, lo;
            if (!bj_hex4(ps, &cp))
                bj_die("line %ld: bad \\u escape", ps->lineno);
            if (cp >= 0xD800 && cp < 0xDC00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' &&
                ps->p[1] == 'u') {
                ps->p += 2;
                if (!bj_hex4(ps, &lo))
                    bj_die("line %ld: bad \\u escape", ps->lineno);
                if (lo >= 0xDC00 && lo < 0xE000)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                else
                    cp = 0xFFFD;
            } else if (cp >= 0xD800 && cp < 0xE000) {
                cp = 0xFFFD;
            }
            if (out)
                bj_put_utf8(out, cp);
            continue;
        }
        default:
            bj_die("line %ld: bad escape \\%c", ps->lineno, e);
        }
        if (out)
            bj_putc(out, c);
    }
}

/* Skip any JSON value; if it is a number or string and out != NULL, store its text. */
static void bj_value(bj_parse *ps, bj_str *out)
{
    bj_ws(ps);
    if (ps->p >= ps->end)
        bj_die("line %ld: missing value", ps->lineno);
    char c = *ps->p;
    if (c == '"') {
        bj_string(ps, out);
    } else if (c == '{' || c == '[') {
        int depth = 0;
        while (ps->p < ps->end) {
            c = *ps->p;
            if (c == '"') {
                bj_string(ps, NULL);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ps->p++;
                    return;
                }
            }
            ps->p++;
        }
        bj_die("line %ld: unterminated array/object", ps->lineno);
    } else {
        const char *q = ps->p;
        while (q < ps->end && *q != ',' && *q != '}' && *q != ']' && *q != ' ' && *q != '\t')
            q++;
        if (q == ps->p)
            bj_die("line %ld: bad value", ps->lineno);
        if (out && strncmp(ps->p, "null", 4))
            bj_put(out, ps->p, (size_t)(q - ps->p));
        ps->p = q;
    }
}

/* Parse one JSONL line into d (id, title, text). Returns 0 for a blank line, 1 for a record. */
static int bj_doc_parse(bj_doc *d, const char *line, size_t len, long lineno)
{
    bj_parse ps = {line, line + len, lineno};
    d->id.n = d->title.n = d->text.n = 0;
    if (d->id.p)
        d->id.p[0] = 0;
    if (d->title.p)
        d->title.p[0] = 0;
    if (d->text.p)
        d->text.p[0] = 0;
    bj_ws(&ps);
    if (ps.p >= ps.end)
        return 0;
    if (*ps.p != '{')
        bj_die("line %ld: not a JSON object", lineno);
    ps.p++;
    bj_str key = {0, 0, 0};
    for (;;) {
        bj_ws(&ps);
        if (ps.p < ps.end && *ps.p == '}')
            break;
        if (ps.p >= ps.end || *ps.p != '"')
            bj_die("line %ld: expected a key", lineno);
        key.n = 0;
        bj_string(&ps, &key);
        bj_ws(&ps);
        if (ps.p >= ps.end || *ps.p != ':')
            bj_die("line %ld: expected ':'", lineno);
        ps.p++;
        bj_str *dst = NULL;
        if (key.n == 2 && !memcmp(key.p, "id", 2))
            dst = &d->id;
        else if (key.n == 5 && !memcmp(key.p, "title", 5))
            dst = &d->title;
        else if (key.n == 4 && !memcmp(key.p, "text", 4))
            dst = &d->text;
        if (dst)
            dst->n = 0;
        bj_value(&ps, dst);
        bj_ws(&ps);
        if (ps.p < ps.end && *ps.p == ',') {
            ps.p++;
            continue;
        }
        if (ps.p < ps.end && *ps.p == '}')
            break;
        bj_die("line %ld: expected ',' or '}'", lineno);
    }
    free(key.p);
    if (!d->id.n)
        bj_die("line %ld: record has no id", lineno);
    return 1;
}

/* The numeric id of a record (the drivers use it as rowid / docid). */
static long long bj_doc_num(const bj_doc *d, long lineno)
{
    char *e;
    errno = 0;
    long long v = strtoll(d->id.p, &e, 10);
    if (errno || *e || v <= 0 || v > 0xFFFFFFFFLL)
        bj_die("line %ld: id '%s' is not a positive 32-bit integer (the drivers need numeric ids)",
               lineno, d->id.p);
    return v;
}

static void bj_print_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

#ifdef __cplusplus
}
#endif
#endif
