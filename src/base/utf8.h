/* SPDX-License-Identifier: MIT
 *
 * utf8.h — UTF-8 validation/repair, NFC normalisation (utf8proc) and small decoding helpers.
 */
#ifndef HD_BASE_UTF8_H
#define HD_BASE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* Length of the longest valid UTF-8 prefix of p[0..n). Equal to n when all of it is valid. */
size_t hd_utf8_valid_prefix(const char *p, size_t n);

/* Copy p[0..n) to out, replacing each invalid sequence by U+FFFD and each NUL byte by nothing.
 * Reports the number of invalid sequences and NULs and the byte offset of the first invalid
 * one (SIZE_MAX when none). */
void hd_utf8_repair(const char *p, size_t n, hd_buf *out, size_t *out_n_bad, size_t *out_first_bad,
                    size_t *out_n_nul);

/* 1 when p[0..n) is certainly NFC already (only code points below U+0300), so hd_utf8_nfc
 * would copy it unchanged. */
int hd_utf8_nfc_quick(const char *p, size_t n);

/* NFC-normalise valid UTF-8 p[0..n) into out (appended). NFC-stable text is copied as is. Returns
 * 0, or -1 on out of memory. */
int hd_utf8_nfc(const char *p, size_t n, hd_buf *out);

/* Decode one code point at p (valid UTF-8 assumed, n > 0). Returns its byte length and sets
 * *cp; an invalid byte decodes as U+FFFD with length 1. */
size_t hd_utf8_decode(const char *p, size_t n, int32_t *cp);

/* Encode cp into out (4 bytes max); returns the length. */
size_t hd_utf8_encode(int32_t cp, char *out);

#endif
