/* SPDX-License-Identifier: MIT
 *
 * json_out.c — JSON string escaping for CLI output, straight to a FILE (hd_json_str) or
 * through a per-record buffer (hd_jw_*, for `herald extract --json`).
 */
#include "cli/json_out.h"

#include <stdint.h>
#include <string.h>

/* Index of the first byte at or after i in s[0..n) that a JSON string must escape (a control
 * byte, '"' or '\\'), or n. Plain bytes are skipped eight at a time (SWAR). */
static size_t next_special(const char *s, size_t i, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        uint64_t special = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b);
        if (special & high)
            break;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\')
            return i;
    }
    return n;
}

/* The escape sequence of byte c (one next_special stops at) into e; returns its length. */
static size_t escape(unsigned char c, char e[7])
{
    static const char hex[] = "0123456789abcdef";
    e[0] = '\\';
    switch (c) {
    case '"':
    case '\\':
        e[1] = (char)c;
        return 2;
    case '\n':
        e[1] = 'n';
        return 2;
    case '\t':
        e[1] = 't';
        return 2;
    case '\r':
        e[1] = 'r';
        return 2;
    default:
        memcpy(e + 1, "u00", 3);
        e[4] = hex[c >> 4];
        e[5] = hex[c & 15];
        return 6;
    }
}

void hd_json_str(FILE *f, const char *s, size_t n)
{
    putc('"', f);
    size_t run = 0;
    for (size_t i = next_special(s, 0, n); i < n; i = next_special(s, i + 1, n)) {
        char e[7];
        fwrite(s + run, 1, i - run, f);
        fwrite(e, 1, escape((unsigned char)s[i], e), f);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, f);
    putc('"', f);
}

void hd_json_strz(FILE *f, const char *s)
{
    if (!s)
        fputs("null", f);
    else
        hd_json_str(f, s, strlen(s));
}

void hd_jw_init(hd_jw *w, FILE *f)
{
    w->f = f;
    w->n = 0;
}

void hd_jw_flush(hd_jw *w)
{
    if (w->n)
        fwrite(w->buf, 1, w->n, w->f);
    w->n = 0;
}

void hd_jw_raw_full(hd_jw *w, const char *s, size_t n)
{
    hd_jw_flush(w);
    if (n > sizeof w->buf) {
        fwrite(s, 1, n, w->f);
        return;
    }
    memcpy(w->buf, s, n);
    w->n = n;
}

void hd_jw_str(hd_jw *w, const char *s, size_t n)
{
    size_t i = next_special(s, 0, n);
    if (i == n && n + 2 <= sizeof w->buf - w->n) {
        /* the usual string: nothing to escape, and it fits */
        char *o = w->buf + w->n;
        o[0] = '"';
        memcpy(o + 1, s, n);
        o[n + 1] = '"';
        w->n += n + 2;
        return;
    }
    hd_jw_raw(w, "\"", 1);
    size_t run = 0;
    for (; i < n; i = next_special(s, i + 1, n)) {
        char e[7];
        hd_jw_raw(w, s + run, i - run);
        hd_jw_raw(w, e, escape((unsigned char)s[i], e));
        run = i + 1;
    }
    hd_jw_raw(w, s + run, n - run);
    hd_jw_raw(w, "\"", 1);
}

void hd_jw_strz(hd_jw *w, const char *s)
{
    if (!s)
        hd_jw_raw(w, "null", 4);
    else
        hd_jw_str(w, s, strlen(s));
}

void hd_jw_uint(hd_jw *w, unsigned long long v)
{
    if (v < 10) {
        char c = (char)('0' + v);
        hd_jw_raw(w, &c, 1);
        return;
    }
    char d[20];
    size_t k = sizeof d;
    do {
        d[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    hd_jw_raw(w, d + k, sizeof d - k);
}
