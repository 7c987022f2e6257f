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
