/* SPDX-License-Identifier: MIT
 *
 * tmpdir.h — a scratch directory per test, shared by the unit tests that write indexes.
 * Include after <cmocka.h>.
 */
#ifndef HD_TEST_TMPDIR_H
#define HD_TEST_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A new empty directory /tmp/hd_test_<tag>_XXXXXX; free it with rmdir_all. */
static inline char *test_tmpdir(const char *tag)
{
    char tmpl[128];
    snprintf(tmpl, sizeof tmpl, "/tmp/hd_test_%s_XXXXXX", tag);
    char *d = strdup(tmpl);
    assert_non_null(d);
    assert_non_null(mkdtemp(d));
    return d;
}

/* Remove directory d and everything in it, and free d. */
static inline void rmdir_all(char *d)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    assert_int_equal(system(cmd), 0);
    free(d);
}

#endif
