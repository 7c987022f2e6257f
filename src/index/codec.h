/* SPDX-License-Identifier: MIT
 *
 * codec.h — private to src/index: the byte-level codecs every index file uses. Varints,
 * fixed-width little-endian integers, bit-packing of 128-value blocks, and the common file
 * trailer (magic, format version, xxh64 of everything before it). All decoders are
 * bounds-checked: they take an end pointer and report failure instead of reading past it.
 */
#ifndef HD_INDEX_CODEC_H
#define HD_INDEX_CODEC_H

#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "index/index.h"

#define HD_FORMAT_VERSION 5
#define HD_MAGIC_SEG      0x47534448u /* "HDSG" */
#define HD_MAGIC_DEL      0x4c454448u /* "HDEL" */
#define HD_MAGIC_MANI     0x464d4448u /* "HDMF" */
#define HD_TRAILER_LEN    16          /* u32 magic, u32 version, u64 xxh64 */

static inline void hd_put_u32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4); /* little-endian hosts only (checked in codec.c) */
}
static inline void hd_put_u64(uint8_t *p, uint64_t v)
{
    memcpy(p, &v, 8);
}
static inline uint32_t hd_get_u32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}
static inline uint64_t hd_get_u64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* Append v as a LEB128 varint. */
static inline void hd_buf_varint(hd_buf *b, uint64_t v)
{
    uint8_t tmp[10];
    size_t n = 0;
    while (v >= 0x80) {
        tmp[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    tmp[n++] = (uint8_t)v;
    hd_buf_add(b, tmp, n);
}
static inline void hd_buf_u32(hd_buf *b, uint32_t v)
{
    hd_buf_add(b, &v, 4);
}
static inline void hd_buf_u64(hd_buf *b, uint64_t v)
{
    hd_buf_add(b, &v, 8);
}

/* Write a varint into p (room for 10 bytes); returns bytes written. */
static inline size_t hd_varint_put(uint8_t *p, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    p[n++] = (uint8_t)v;
    return n;
}

/* Decode a varint at *pp (< end). Returns 0 and advances *pp, or -1 when truncated/overlong. */
static inline int hd_varint_get(const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
    const uint8_t *p = *pp;
    if (p < end && *p < 0x80) {
        *out = *p;
        *pp = p + 1;
        return 0;
    }
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (p >= end)
            return -1;
        uint8_t c = *p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (c < 0x80) {
            *out = v;
            *pp = p;
            return 0;
        }
    }
    return -1;
}

static inline int hd_varint_get32(const uint8_t **pp, const uint8_t *end, uint32_t *out)
{
    uint64_t v;
    if (hd_varint_get(pp, end, &v) || v > UINT32_MAX)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

/* Bits needed for v (0 for 0). */
static inline unsigned hd_bits(uint32_t v)
{
    return v ? 32u - (unsigned)__builtin_clz(v) : 0u;
}

/* Bytes taken by n values of `bits` bits. */
static inline size_t hd_packed_len(size_t n, unsigned bits)
{
    return (n * bits + 7) / 8;
}

/* Append n values (each < 2^bits) bit-packed, LSB first. */
void hd_bitpack(hd_buf *b, const uint32_t *v, size_t n, unsigned bits);
/* Unpack n values of `bits` bits from p. hd_packed_len(n, bits) + 8 bytes must be readable:
 * postings blocks always have the rest of the segment file (at least the meta block and the
 * trailer) after them, and the extra bytes are read but never used. */
void hd_bitunpack(const uint8_t *p, uint32_t *out, size_t n, unsigned bits);

/* Append the trailer: magic, version, xxh64 over b's bytes so far and the first 8 trailer
 * bytes. */
void hd_trailer_add(hd_buf *b, uint32_t magic);
/* Verify a whole file image: length, magic, version, checksum. HD_ECORRUPT / HD_EVERSION with
 * `name` as the error location. */
hd_rc hd_trailer_check(const uint8_t *p, size_t n, uint32_t magic, const char *name, hd_err *err);
/* As hd_trailer_check without the checksum. */
hd_rc hd_trailer_magic(const uint8_t *p, size_t n, uint32_t magic, const char *name, hd_err *err);

#endif
