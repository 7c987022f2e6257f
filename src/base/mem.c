/* SPDX-License-Identifier: MIT
 *
 * mem.c — malloc wrappers with overflow checks and test-time failure injection.
 */
#include "base/mem.h"

#include <stdlib.h>
#include <string.h>

/* The only mutable global in herald: a test hook, disabled (-1) in normal runs. */
static long fail_countdown = -1;

void hd_mem_fail_after(long n)
{
    fail_countdown = n;
}

static int should_fail(void)
{
    if (fail_countdown < 0)
        return 0;
    if (fail_countdown == 0)
        return 1;
    fail_countdown--;
    return 0;
}

void *hd_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *hd_calloc(size_t count, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *hd_realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

void hd_free(void *p)
{
    free(p);
}

void *hd_mallocarray(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    return hd_malloc(count * size);
}

void *hd_reallocarray(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    return hd_realloc(p, count * size);
}

char *hd_strndup(const char *s, size_t n)
{
    char *d = hd_malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *hd_strdup(const char *s)
{
    return hd_strndup(s, strlen(s));
}

int hd_grow(void **pv, size_t *pcap, size_t need, size_t elsize)
{
    if (need <= *pcap)
        return 0;
    size_t cap = *pcap ? *pcap : 8;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    void *v = hd_reallocarray(*pv, cap, elsize);
    if (!v)
        return -1;
    *pv = v;
    *pcap = cap;
    return 0;
}
