/* SPDX-License-Identifier: MIT
 *
 * str.h — small tests on byte strings that are not NUL-terminated (ASCII case folding only).
 */
#ifndef HD_BASE_STR_H
#define HD_BASE_STR_H

#include <stddef.h>

/* Does p[0..n) end with one of the NUL-terminated list's strings, ASCII case ignored, with at
 * least one byte before it? Returns 1 or 0. */
int hd_str_ends_any(const char *p, size_t n, const char *const *list);

/* Is p[0..n) one of the NULL-terminated list's strings, ASCII case ignored? Returns 1 + its
 * index, or 0. */
int hd_str_in_list(const char *p, size_t n, const char *const *list);

#endif
