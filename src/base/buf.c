/* SPDX-License-Identifier: MIT
 *
 * buf.c — growable byte buffer with sticky out-of-memory state.
 */
#include "base/buf.h"

#include <stdio.h>
#include <string.h>

#include "base/mem.h"

void hd_buf_init(hd_buf *b)
{
    memset(b, 0, sizeof *b);
}

void hd_buf_done(hd_buf *b)
{
    hd_free(b->p);
    memset(b, 0, sizeof *b);
}

void hd_buf_clear(hd_buf *b)
{
    b->len = 0;
    b->oom = 0;
    if (b->p)
        b->p[0] = '\0';
}

int hd_buf_reserve_slow(hd_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (extra > (size_t)-1 - b->len - 1) {
        b->oom = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    char *p = hd_realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void hd_buf_adds(hd_buf *b, const char *s)
{
    hd_buf_add(b, s, strlen(s));
}

void hd_buf_addc(hd_buf *b, char c)
{
    if (b->len + 1 < b->cap && !b->oom) {
        b->p[b->len++] = c;
        b->p[b->len] = '\0';
        return;
    }
    hd_buf_add(b, &c, 1);
}

void hd_buf_printf(hd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        hd_buf_add(b, tmp, (size_t)n);
        return;
    }
    if (hd_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *hd_buf_steal(hd_buf *b, size_t *out_len)
{
    if (b->oom) {
        hd_buf_done(b);
        return NULL;
    }
    if (!b->p && hd_buf_reserve(b, 0))
        return NULL;
    if (!b->p)
        return NULL;
    b->p[b->len] = '\0';
    char *p = b->p;
    if (out_len)
        *out_len = b->len;
    memset(b, 0, sizeof *b);
    return p;
}

hd_rc hd_buf_status(const hd_buf *b, hd_err *err)
{
    if (b->oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory growing a buffer");
    return HD_OK;
}
