/* SPDX-License-Identifier: MIT
 *
 * json_out.h — minimal streaming JSON writer for CLI output (strings escaped per RFC 8259;
 * UTF-8 passed through). Input parsing uses jansson; output is written directly because it
 * is on the hot path of `herald extract --json`.
 */
#ifndef HD_CLI_JSON_OUT_H
#define HD_CLI_JSON_OUT_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* A JSON writer that collects one record in memory and hands it to stdio in one fwrite:
 * `herald extract --json` prints ten to fifty small fields per article, and a stdio call per
 * field (fprintf above all) cost more than the escaping. Caller-owned: hd_jw_init, append,
 * hd_jw_flush (also done whenever the buffer fills). Write errors show in ferror(f). */
typedef struct hd_jw {
    FILE *f;
    size_t n;            /* bytes waiting in buf */
    char buf[64 * 1024]; /* pending output */
} hd_jw;

void hd_jw_init(hd_jw *w, FILE *f);
/* Write out what is pending. */
void hd_jw_flush(hd_jw *w);
/* hd_jw_raw when s[0..n) does not fit in what is left of the buffer. */
void hd_jw_raw_full(hd_jw *w, const char *s, size_t n);
/* Append s[0..n) as it is; pieces longer than the buffer go straight to the file. */
static inline void hd_jw_raw(hd_jw *w, const char *s, size_t n)
{
    if (n > sizeof w->buf - w->n) {
        hd_jw_raw_full(w, s, n);
        return;
    }
    memcpy(w->buf + w->n, s, n);
    w->n += n;
}
/* Append a NUL-terminated string as it is (inline: the length of a literal is folded). */
static inline void hd_jw_lit(hd_jw *w, const char *s)
{
    hd_jw_raw(w, s, strlen(s));
}
/* Append s[0..n) as a JSON string literal (with quotes, escaped as hd_json_str does). */
void hd_jw_str(hd_jw *w, const char *s, size_t n);
/* As hd_jw_str for a NUL-terminated string, or null when s is NULL. */
void hd_jw_strz(hd_jw *w, const char *s);
/* Append v in decimal. */
void hd_jw_uint(hd_jw *w, unsigned long long v);

/* Write s[0..n) as a JSON string literal (with quotes). */
void hd_json_str(FILE *f, const char *s, size_t n);
/* As hd_json_str for a NUL-terminated string, or null when s is NULL. */
void hd_json_strz(FILE *f, const char *s);

#endif
