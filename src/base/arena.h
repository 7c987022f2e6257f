/* SPDX-License-Identifier: MIT
 *
 * arena.h — a bump allocator over a list of chunks. Used for per-page and per-query data:
 * everything allocated from it dies together at hd_arena_reset / hd_arena_done.
 */
#ifndef HD_BASE_ARENA_H
#define HD_BASE_ARENA_H

#include <stddef.h>

typedef struct hd_arena_chunk hd_arena_chunk;

typedef struct hd_arena {
    hd_arena_chunk *head; /* current chunk, newest first */
    size_t chunk_size;    /* default size of new chunks */
} hd_arena;

void hd_arena_init(hd_arena *a, size_t chunk_size);
void hd_arena_done(hd_arena *a);
/* Free all but the first chunk and make it empty again. */
void hd_arena_reset(hd_arena *a);
/* n bytes aligned to 16, or NULL on out of memory. Never returns NULL for n == 0. */
void *hd_arena_alloc(hd_arena *a, size_t n);
/* Copy n bytes and a NUL into the arena. */
char *hd_arena_strndup(hd_arena *a, const char *s, size_t n);
char *hd_arena_strdup(hd_arena *a, const char *s);

#endif
