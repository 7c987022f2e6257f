/* SPDX-License-Identifier: MIT
 *
 * json_out.c — JSON string escaping for CLI output.
 */
#include "cli/json_out.h"

#include <stdint.h>
#include <string.h>

void hd_json_str(FILE *f, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    putc('"', f);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        /* Skip eight plain bytes at a time: no control byte, quote or backslash (SWAR). */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
            uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
            uint64_t special = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b);
            if (special & high)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, f);
        run = i + 1;
        switch (c) {
        case '"':
            fputs("\\\"", f);
            break;
        case '\\':
            fputs("\\\\", f);
            break;
        case '\n':
            fputs("\\n", f);
            break;
        case '\t':
            fputs("\\t", f);
            break;
        case '\r':
            fputs("\\r", f);
            break;
        default: {
            char e[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            fputs(e, f);
        }
        }
    }
    fwrite(s + run, 1, n - run, f);
    putc('"', f);
}

void hd_json_strz(FILE *f, const char *s)
{
    if (!s)
        fputs("null", f);
    else
        hd_json_str(f, s, strlen(s));
}
