/* SPDX-License-Identifier: MIT
 *
 * token_char.c — the class of a character the ASCII table of token_int.h does not give.
 *
 *   bytes at p -> C_* class + length of the code point
 *
 * Curly quotes carry their direction; no-break and thin spaces are spaces, the Unicode line
 * and paragraph separators new lines; any other code point is a letter, digit, space or
 * punctuation by its Unicode category. Called through classify (token_int.h) by the other
 * token files, for bytes >= 0x80.
 */
#include <utf8proc.h>

#include "base/utf8.h"
#include "extract/token_int.h"

/* Class of an ASCII byte (the rules ascii_tab was generated from). */
static int ascii_class(unsigned char c)
{
    if (c == '\n')
        return C_NL;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        return C_SPACE;
    if (c >= 'A' && c <= 'Z')
        return C_ALPHA_UP;
    if (c >= 'a' && c <= 'z')
        return C_ALPHA_LO;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    if (c == '"')
        return C_QAMB;
    if (c == '\'')
        return C_APOS;
    return C_PUNCT;
}

/* Class of the code points that their Unicode category does not tell (quote marks, the
 * apostrophe, spaces and line separators), or -1. */
static int mark_class(int32_t cp)
{
    switch (cp) {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
        return C_QOPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
        return C_QCLOSE;
    case 0x2019: /* ’ */
        return C_APOS;
    case 0x00A0:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x2002:
    case 0x2003:
        return C_SPACE;
    case 0x2028:
    case 0x2029:
        return C_NL;
    default:
        return -1;
    }
}

/* Class of any other code point, from its Unicode category. */
static int category_class(int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return C_ALPHA_UP;
    case UTF8PROC_CATEGORY_LL:
        return C_ALPHA_LO;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    default:
        return C_PUNCT;
    }
}

int hd_ex_char_class(const char *p, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return ascii_class(c);
    }
    int32_t cp;
    *len = hd_utf8_decode(p, n, &cp);
    int k = mark_class(cp);
    return k >= 0 ? k : category_class(cp);
}
