/* SPDX-License-Identifier: MIT
 *
 * mem.h — the one allocator all of herald goes through. It counts live bytes-free calls and,
 * for tests, can be told to fail the Nth allocation (as Lua's Memcontrol and SQLite's
 * test_malloc do) so out-of-memory paths are exercised.
 */
#ifndef HD_BASE_MEM_H
#define HD_BASE_MEM_H

#include <stddef.h>
#include <stdint.h>

void *hd_malloc(size_t n);
void *hd_calloc(size_t count, size_t size);
void *hd_realloc(void *p, size_t n);
void hd_free(void *p);
char *hd_strdup(const char *s);
char *hd_strndup(const char *s, size_t n);

/* Overflow-checked array allocation: NULL on overflow or out of memory. */
void *hd_mallocarray(size_t count, size_t size);
void *hd_reallocarray(void *p, size_t count, size_t size);

#define hd_new(T, n)  ((T *)hd_mallocarray((n), sizeof(T)))
#define hd_new0(T, n) ((T *)hd_calloc((n), sizeof(T)))

/* Test hook: make the allocation after `n` more succeed-calls fail (n < 0 disables). Not
 * thread-safe; only for single-threaded tests. */
void hd_mem_fail_after(long n);

/* Grow *pv (an array of elsize-byte items with capacity *pcap) so it holds at least `need`
 * items. Returns 0, or -1 on overflow / out of memory (the array is then unchanged). */
int hd_grow(void **pv, size_t *pcap, size_t need, size_t elsize);

/* The check is inline: most calls find room (hot loops grow one element at a time). cap and
 * need are evaluated twice: no side effects in them. */
#define HD_GROW(v, cap, need)                                                                      \
    ((size_t)(need) <= (cap) ? 0 : hd_grow((void **)&(v), &(cap), (need), sizeof *(v)))

#endif
