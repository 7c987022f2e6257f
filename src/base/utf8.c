/* SPDX-License-Identifier: MIT
 *
 * utf8.c — validation with repair, NFC through utf8proc.
 */
#include "base/utf8.h"

#include <string.h>
#include <utf8proc.h>

#include "base/mem.h"

/* Length of the valid sequence at p, or 0 if invalid (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF). */
static size_t seq_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (p[1] & 0xC0) != 0x80)
            return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0;
        if (c == 0xED && p[1] >= 0xA0)
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90)
            return 0;
        if (c == 0xF4 && p[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

size_t hd_utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path, 8 bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t l = seq_len(p + i, n - i);
        if (!l)
            return i;
        i += l;
    }
    return n;
}

void hd_utf8_repair(const char *s, size_t n, hd_buf *out, size_t *out_n_bad, size_t *out_first_bad,
                    size_t *out_n_nul)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n_bad = 0, n_nul = 0, first = SIZE_MAX, i = 0;
    hd_buf_reserve(out, n);
    while (i < n) {
        size_t run = hd_utf8_valid_prefix(s + i, n - i);
        /* Copy the valid run without its NUL bytes. */
        const char *r = s + i;
        size_t left = run;
        while (left) {
            const char *z = memchr(r, 0, left);
            size_t k = z ? (size_t)(z - r) : left;
            hd_buf_add(out, r, k);
            if (!z)
                break;
            n_nul++;
            if (first == SIZE_MAX)
                first = (size_t)(z - s);
            r = z + 1;
            left -= k + 1;
        }
        i += run;
        if (i < n) {
            if (first == SIZE_MAX)
                first = i;
            n_bad++;
            hd_buf_add(out, "\xEF\xBF\xBD", 3);
            /* Skip the lead byte and any continuation bytes that follow it. */
            i++;
            while (i < n && (p[i] & 0xC0) == 0x80)
                i++;
        }
    }
    if (out_n_bad)
        *out_n_bad = n_bad;
    if (out_first_bad)
        *out_first_bad = first;
    if (out_n_nul)
        *out_n_nul = n_nul;
}

int hd_utf8_nfc_quick(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    /* Code points below U+0300 (lead bytes below 0xCC) include no combining marks and nothing
     * that NFC changes. */
    size_t i = 0;
    while (i < n) {
        /* Skip ASCII eight bytes at a time; test only the rest. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i < n && p[i] >= 0xCC)
            return 0;
        i++;
    }
    return 1;
}

int hd_utf8_nfc(const char *s, size_t n, hd_buf *out)
{
    const unsigned char *p = (const unsigned char *)s;
    if (hd_utf8_nfc_quick(s, n)) {
        hd_buf_add(out, s, n);
        return out->oom ? -1 : 0;
    }
    /* utf8proc_map allocates with malloc; copy into our buffer and free. */
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t r =
        utf8proc_map(p, (utf8proc_ssize_t)n, &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) {
        /* Only on out of memory or invalid input, which repair already removed: keep as is. */
        free(dst);
        if (r == UTF8PROC_ERROR_NOMEM)
            return -1;
        hd_buf_add(out, s, n);
        return out->oom ? -1 : 0;
    }
    hd_buf_add(out, dst, (size_t)r);
    free(dst);
    return out->oom ? -1 : 0;
}

size_t hd_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t l = seq_len(p, n);
    switch (l) {
    case 1:
        *cp = p[0];
        return 1;
    case 2:
        *cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    case 3:
        *cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    case 4:
        *cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        return 4;
    default:
        *cp = 0xFFFD;
        return 1;
    }
}

size_t hd_utf8_encode(int32_t cp, char *out)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}
