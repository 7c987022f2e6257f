/* SPDX-License-Identifier: MIT
 *
 * detect.c — format detection by content (not by file name).
 */
#include "ingest/ingest.h"

#include "base/utf8.h"

hd_format hd_ingest_detect(const char *sample, size_t len)
{
    const unsigned char *p = (const unsigned char *)sample;
    size_t i = 0;
    if (len >= 3 && p[0] == 0x1F && p[1] == 0x8B && p[2] == 8)
        return HD_FMT_GZIP; /* RFC 1952's magic and deflate */
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = 3;
    /* Binary: like git and file(1), look at the control bytes in the sample. Text keeps tab,
     * newline, carriage return, form feed, vertical tab and escape. */
    size_t ctrl = 0, invalid = 0;
    for (size_t k = i; k < len; k++)
        if (p[k] < 0x20 && p[k] != '\t' && p[k] != '\n' && p[k] != '\r' && p[k] != '\f' &&
            p[k] != '\v' && p[k] != 0x1b)
            ctrl++;
    for (size_t k = i; k < len;) {
        size_t ok = hd_utf8_valid_prefix(sample + k, len - k);
        k += ok;
        if (k < len) {
            /* A sequence cut by the end of the sample is not evidence of binary data. */
            if (len - k >= 4)
                invalid++;
            k++;
        }
    }
    size_t body = len - i;
    if (body && (ctrl * 10 > body || (ctrl + invalid) * 10 > body * 3))
        return HD_FMT_BINARY;
    while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
        i++;
    if (i < len && p[i] == '{')
        return HD_FMT_JSONL;
    if (i < len && p[i] == '[')
        return HD_FMT_JSON;
    if (hd_html_detect(sample, len))
        return HD_FMT_HTML;
    return HD_FMT_TEXT;
}
