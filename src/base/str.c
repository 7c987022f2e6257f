/* SPDX-License-Identifier: MIT
 *
 * str.c — small tests on byte strings that are not NUL-terminated (str.h). Callers: the
 * segment stage (bylines, comment threads) and the extract stage (cue words).
 */
#include <string.h>
#include <strings.h>

#include "base/str.h"

int hd_str_ends_any(const char *p, size_t n, const char *const *list)
{
    for (; *list; list++) {
        size_t m = strlen(*list);
        if (n > m && strncasecmp(p + n - m, *list, m) == 0)
            return 1;
    }
    return 0;
}

int hd_str_in_list(const char *p, size_t n, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == n && strncasecmp(p, list[k], n) == 0)
            return k + 1;
    return 0;
}
