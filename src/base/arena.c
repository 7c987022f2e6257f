/* SPDX-License-Identifier: MIT
 *
 * arena.c — chunked bump allocator.
 */
#include "base/arena.h"

#include <stdint.h>
#include <string.h>

#include "base/mem.h"

struct hd_arena_chunk {
    hd_arena_chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void hd_arena_init(hd_arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
}

void hd_arena_done(hd_arena *a)
{
    hd_arena_chunk *c = a->head;
    while (c) {
        hd_arena_chunk *n = c->next;
        hd_free(c);
        c = n;
    }
    a->head = NULL;
}

void hd_arena_reset(hd_arena *a)
{
    if (!a->head)
        return;
    hd_arena_chunk *c = a->head;
    /* Keep the oldest chunk (the last in the list) when it has the default size, so a steady
     * stream of small pages does not call malloc at all. */
    while (c->next) {
        hd_arena_chunk *n = c->next;
        hd_free(c);
        c = n;
    }
    if (c->size != a->chunk_size) {
        hd_free(c);
        a->head = NULL;
        return;
    }
    c->used = 0;
    a->head = c;
}

void *hd_arena_alloc(hd_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    hd_arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = a->chunk_size;
        if (n > size)
            size = n;
        if (size > SIZE_MAX - sizeof *c)
            return NULL;
        hd_arena_chunk *nc = hd_malloc(sizeof *nc + size);
        if (!nc)
            return NULL;
        nc->size = size;
        nc->used = 0;
        if (c && size > a->chunk_size) {
            /* A big one-off block goes behind the current chunk, so the current chunk's free
             * space is still used by later small allocations. */
            nc->next = c->next;
            c->next = nc;
            nc->used = n;
            return nc->data;
        }
        nc->next = c;
        a->head = nc;
        c = nc;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

char *hd_arena_strndup(hd_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *d = hd_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *hd_arena_strdup(hd_arena *a, const char *s)
{
    return hd_arena_strndup(a, s, strlen(s));
}
