/* SPDX-License-Identifier: MIT
 *
 * buf.h — a growable byte buffer, always NUL-terminated when non-empty. Appends are sticky:
 * after one fails (out of memory) the buffer stays in the failed state and later appends do
 * nothing, so a chain of appends needs one check at the end (as SQLite's fts5_buffer does).
 */
#ifndef HD_BASE_BUF_H
#define HD_BASE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "base/err.h"

typedef struct hd_buf {
    char *p;    /* bytes; NULL until the first append */
    size_t len; /* bytes used, excluding the terminating NUL */
    size_t cap; /* bytes allocated */
    int oom;    /* sticky: an append failed */
} hd_buf;

void hd_buf_init(hd_buf *b);
void hd_buf_done(hd_buf *b);  /* free the bytes; b may be reused after hd_buf_init */
void hd_buf_clear(hd_buf *b); /* len = 0, keep the memory, reset oom */
/* Room for `extra` more bytes (and the NUL). The common case, room already there, is inline:
 * hot loops append a few bytes at a time. Returns 0, or -1 (oom set). */
int hd_buf_reserve_slow(hd_buf *b, size_t extra);
static inline int hd_buf_reserve(hd_buf *b, size_t extra)
{
    if (!b->oom && extra < b->cap - b->len)
        return 0;
    return hd_buf_reserve_slow(b, extra);
}
static inline void hd_buf_add(hd_buf *b, const void *p, size_t n)
{
    if (hd_buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->p + b->len, p, n);
    b->len += n;
    b->p[b->len] = '\0';
}
void hd_buf_adds(hd_buf *b, const char *s);
void hd_buf_addc(hd_buf *b, char c);
void hd_buf_printf(hd_buf *b, const char *fmt, ...) HD_PRINTF(2, 3);
/* Take the bytes out (owned by the caller, free with hd_free); the buffer is left empty. */
char *hd_buf_steal(hd_buf *b, size_t *out_len);
/* HD_ENOMEM if any append failed, else HD_OK. */
hd_rc hd_buf_status(const hd_buf *b, hd_err *err);

#endif
