/* SPDX-License-Identifier: MIT
 *
 * codec.c — bit-packing, the file trailer, field-length norms and day numbers. Used by every
 * writer and reader in src/index.
 *
 * Trailer (last 16 bytes of every index file): u32 magic, u32 format version, u64 xxh64 (seed
 * 0) of all bytes before the checksum itself, all little-endian.
 */
#include <string.h>
#include <xxhash.h>

#include "base/err.h"
#include "index/codec.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "herald's index format code assumes a little-endian host"
#endif

void hd_bitpack(hd_buf *b, const uint32_t *v, size_t n, unsigned bits)
{
    size_t len = hd_packed_len(n, bits);
    if (len == 0 || hd_buf_reserve(b, len + 8) != 0)
        return;
    uint8_t *out = (uint8_t *)b->p + b->len;
    uint64_t acc = 0;
    unsigned have = 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        acc |= (uint64_t)v[i] << have;
        have += bits;
        while (have >= 8) {
            out[o++] = (uint8_t)acc;
            acc >>= 8;
            have -= 8;
        }
    }
    if (have)
        out[o++] = (uint8_t)acc;
    b->len += len;
    b->p[b->len] = 0;
}

/* n values of a compile-time `bits` (see hd_bitunpack): groups of eight values fill exactly
 * `bits` bytes, so with the group unrolled every load offset, shift and mask is a constant and
 * a value costs a load, a shift and an and. */
static inline __attribute__((always_inline)) void unpack_fixed(const uint8_t *p, uint32_t *out,
                                                               size_t n, const unsigned bits)
{
    const uint64_t mask = bits >= 32 ? 0xffffffffu : ((1u << bits) - 1);
    size_t i = 0;
    for (; i + 8 <= n; i += 8, p += bits) {
        for (unsigned j = 0; j < 8; j++) {
            uint64_t w;
            memcpy(&w, p + ((j * bits) >> 3), 8);
            out[i + j] = (uint32_t)((w >> ((j * bits) & 7)) & mask);
        }
    }
    for (unsigned j = 0; i < n; i++, j++) {
        uint64_t w;
        memcpy(&w, p + ((j * bits) >> 3), 8);
        out[i] = (uint32_t)((w >> ((j * bits) & 7)) & mask);
    }
}

void hd_bitunpack(const uint8_t *p, uint32_t *out, size_t n, unsigned bits)
{
    /* Callers guarantee 8 readable bytes past the packed data (see hd_bitunpack in codec.h), so
     * every value is one unaligned 64-bit load, shift and mask. */
    switch (bits) {
    case 0:
        memset(out, 0, n * sizeof *out);
        return;
#define HD_UNPACK_CASE(b)                                                                          \
    case b:                                                                                        \
        unpack_fixed(p, out, n, b);                                                                \
        return;
        HD_UNPACK_CASE(1)
        HD_UNPACK_CASE(2)
        HD_UNPACK_CASE(3)
        HD_UNPACK_CASE(4)
        HD_UNPACK_CASE(5)
        HD_UNPACK_CASE(6)
        HD_UNPACK_CASE(7)
        HD_UNPACK_CASE(8)
        HD_UNPACK_CASE(9)
        HD_UNPACK_CASE(10)
        HD_UNPACK_CASE(11)
        HD_UNPACK_CASE(12)
        HD_UNPACK_CASE(13)
        HD_UNPACK_CASE(14)
        HD_UNPACK_CASE(15)
        HD_UNPACK_CASE(16)
        HD_UNPACK_CASE(17)
        HD_UNPACK_CASE(18)
        HD_UNPACK_CASE(19)
        HD_UNPACK_CASE(20)
        HD_UNPACK_CASE(21)
        HD_UNPACK_CASE(22)
        HD_UNPACK_CASE(23)
        HD_UNPACK_CASE(24)
#undef HD_UNPACK_CASE
    default: {
        /* wider values are rare (doc-id gaps over 16 million): the generic loop */
        uint64_t mask = bits >= 32 ? 0xffffffffu : ((1u << bits) - 1);
        size_t bitpos = 0;
        for (size_t i = 0; i < n; i++) {
            uint64_t w;
            memcpy(&w, p + (bitpos >> 3), 8);
            out[i] = (uint32_t)((w >> (bitpos & 7)) & mask);
            bitpos += bits;
        }
    }
    }
}

void hd_trailer_add(hd_buf *b, uint32_t magic)
{
    hd_buf_u32(b, magic);
    hd_buf_u32(b, HD_FORMAT_VERSION);
    if (b->oom)
        return;
    uint64_t h = XXH64(b->p, b->len, 0);
    hd_buf_u64(b, h);
}

hd_rc hd_trailer_check(const uint8_t *p, size_t n, uint32_t magic, const char *name, hd_err *err)
{
    if (n < HD_TRAILER_LEN)
        return hd_err_setw(err, HD_ECORRUPT, name, "file truncated (%zu bytes)", n);
    const uint8_t *t = p + n - HD_TRAILER_LEN;
    if (hd_get_u32(t) != magic)
        return hd_err_setw(err, HD_ECORRUPT, name, "bad magic number (not a herald file?)");
    uint32_t v = hd_get_u32(t + 4);
    if (v != HD_FORMAT_VERSION)
        return hd_err_setw(err, HD_EVERSION, name,
                           "format version %u, this herald reads %u: index the documents again", v,
                           HD_FORMAT_VERSION);
    uint64_t h = XXH64(p, n - 8, 0);
    if (h != hd_get_u64(t + 8))
        return hd_err_setw(err, HD_ECORRUPT, name, "checksum mismatch");
    return HD_OK;
}

hd_rc hd_trailer_magic(const uint8_t *p, size_t n, uint32_t magic, const char *name, hd_err *err)
{
    if (n < HD_TRAILER_LEN)
        return hd_err_setw(err, HD_ECORRUPT, name, "file truncated (%zu bytes)", n);
    const uint8_t *t = p + n - HD_TRAILER_LEN;
    if (hd_get_u32(t) != magic)
        return hd_err_setw(err, HD_ECORRUPT, name, "bad magic number (not a herald file?)");
    if (hd_get_u32(t + 4) != HD_FORMAT_VERSION)
        return hd_err_setw(err, HD_EVERSION, name,
                           "format version %u, this herald reads %u: index the documents again",
                           hd_get_u32(t + 4), HD_FORMAT_VERSION);
    return HD_OK;
}

/* ---- Field norms -------------------------------------------------------------------------
 * 256 monotone lengths: exact up to 40, then each step ~1/16 larger (covers ~10^8). */

static uint32_t norm_table[256];
static int norm_ready;

static void norm_init(void)
{
    uint32_t v = 0;
    for (int i = 0; i < 256; i++) {
        norm_table[i] = v;
        v = v < 40 ? v + 1 : v + v / 16;
    }
    __atomic_store_n(&norm_ready, 1, __ATOMIC_RELEASE);
}

uint8_t hd_fieldnorm_encode(uint32_t len)
{
    if (!__atomic_load_n(&norm_ready, __ATOMIC_ACQUIRE))
        norm_init();
    if (len <= 40)
        return (uint8_t)len;
    int lo = 40, hi = 255; /* largest i with table[i] <= len */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (norm_table[mid] <= len)
            lo = mid;
        else
            hi = mid - 1;
    }
    return (uint8_t)lo;
}

uint32_t hd_fieldnorm_decode(uint8_t norm)
{
    if (!__atomic_load_n(&norm_ready, __ATOMIC_ACQUIRE))
        norm_init();
    return norm_table[norm];
}

/* ---- Dates -------------------------------------------------------------------------------
 * days_from_civil / civil_from_days (H. Hinnant's public-domain algorithms, re-derived). */

static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t hd_day_parse(const char *s, size_t len)
{
    if (!s || len < 10)
        return HD_NO_DATE;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return HD_NO_DATE;
        } else if (s[i] < '0' || s[i] > '9')
            return HD_NO_DATE;
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return HD_NO_DATE;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return HD_NO_DATE;
    return days_from_civil(y, m, d);
}

void hd_day_format(int32_t day, char out[11])
{
    if (day == HD_NO_DATE) {
        out[0] = 0;
        return;
    }
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    if (y < 0 || y > 9999) {
        out[0] = 0;
        return;
    }
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = 0;
}

/* ---- Field names ----------------------------------------------------------------------- */

static const char *const field_names[HD_N_FIELDS] = {"title", "body", "source", "speaker", "id"};

const char *hd_field_name(hd_field f)
{
    return (unsigned)f < HD_N_FIELDS ? field_names[f] : NULL;
}

int hd_field_by_name(const char *name, size_t len)
{
    for (int i = 0; i < HD_N_FIELDS; i++)
        if (strlen(field_names[i]) == len && memcmp(field_names[i], name, len) == 0)
            return i;
    return -1;
}
