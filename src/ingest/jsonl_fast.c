/* SPDX-License-Identifier: MIT
 *
 * jsonl_fast.c — a strict scanner for the common shape of a JSON Lines page: one flat object
 * whose values are strings, numbers, true, false or null.
 *
 * Why: building a jansson tree for every record cost more than all of cleaning and
 * segmentation together (about 120 instructions per byte on Reuters-21578; see README,
 * "Design"). This scanner copies the six fields herald reads straight into the page store
 * and skips the rest. It accepts only what it fully understands; anything else — nested
 * values, a raw control character, a bad escape or number, a lone surrogate, trailing bytes —
 * makes it return HD_EINPUT without a message, and the caller hands the line to jansson, which
 * decides (and names the error). So behaviour is jansson's on every input.
 */
#include "ingest/ingest.h"

#include <string.h>

#include "base/utf8.h"

typedef struct scan {
    const char *p, *end;
} scan;

static void ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n'))
        s->p++;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 32) >= 'a' && (c | 32) <= 'f')
        return (c | 32) - 'a' + 10;
    return -1;
}

static int hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Scan a string at s->p (on the opening quote). When out is non-NULL, append the decoded
 * bytes. Returns 0, or -1 when the string is not plain valid JSON. */
static int str(scan *s, hd_buf *out)
{
    s->p++;
    for (;;) {
        const char *run = s->p;
        while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (unsigned char)*s->p >= 0x20)
            s->p++;
        if (out)
            hd_buf_add(out, run, (size_t)(s->p - run));
        if (s->p >= s->end || (unsigned char)*s->p < 0x20)
            return -1;
        if (*s->p == '"') {
            s->p++;
            return 0;
        }
        /* escape */
        if (s->end - s->p < 2)
            return -1;
        char e = s->p[1];
        s->p += 2;
        char c;
        switch (e) {
        case '"':
            c = '"';
            break;
        case '\\':
            c = '\\';
            break;
        case '/':
            c = '/';
            break;
        case 'b':
            c = '\b';
            break;
        case 'f':
            c = '\f';
            break;
        case 'n':
            c = '\n';
            break;
        case 'r':
            c = '\r';
            break;
        case 't':
            c = '\t';
            break;
        case 'u': {
            int cp = hex4(s->p, s->end);
            if (cp < 0)
                return -1;
            s->p += 4;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return -1;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u')
                    return -1;
                int lo = hex4(s->p + 2, s->end);
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return -1;
                s->p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (out) {
                char u[4];
                hd_buf_add(out, u, hd_utf8_encode(cp, u));
            }
            continue;
        }
        default:
            return -1;
        }
        if (out)
            hd_buf_addc(out, c);
    }
}

/* JSON number grammar; copies the text when out is non-NULL (ids may be numbers). */
static int num(scan *s, hd_buf *out)
{
    const char *b = s->p;
    if (s->p < s->end && *s->p == '-')
        s->p++;
    if (s->p >= s->end)
        return -1;
    if (*s->p == '0') {
        s->p++;
    } else if (*s->p >= '1' && *s->p <= '9') {
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
    } else {
        return -1;
    }
    int integer = 1;
    if (s->p < s->end && *s->p == '.') {
        integer = 0;
        s->p++;
        const char *d = s->p;
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
        if (s->p == d)
            return -1;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        integer = 0;
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
            s->p++;
        const char *d = s->p;
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
        if (s->p == d)
            return -1;
    }
    /* Only plain integers of up to 18 digits are read as text (as jansson prints them);
     * other numbers in a field herald reads go to jansson, which rejects them there. */
    if (out) {
        if (!integer || s->p - b > 18)
            return -1;
        hd_buf_add(out, b, (size_t)(s->p - b));
    }
    return 0;
}

static int lit(scan *s, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
        return -1;
    s->p += n;
    return 0;
}

enum { F_ID, F_URL, F_SOURCE, F_DATE, F_TITLE, F_TEXT, F_N };
static const char *const field_names[F_N] = {"id", "url", "source", "date", "title", "text"};

#define NONE ((size_t)-1)

hd_rc hd_jsonl_parse_fast(const char *line, size_t len, hd_page *page, hd_buf *store)
{
    scan s = {line, line + len};
    size_t off[F_N], flen[F_N];
    for (int i = 0; i < F_N; i++)
        off[i] = NONE;
    hd_buf_clear(store);
    ws(&s);
    if (s.p >= s.end || *s.p != '{')
        return HD_EINPUT;
    s.p++;
    ws(&s);
    if (s.p < s.end && *s.p == '}') {
        s.p++;
    } else {
        for (;;) {
            ws(&s);
            if (s.p >= s.end || *s.p != '"')
                return HD_EINPUT;
            const char *k = s.p + 1;
            if (str(&s, NULL))
                return HD_EINPUT;
            size_t klen = (size_t)(s.p - 1 - k);
            if (memchr(k, '\\', klen))
                return HD_EINPUT; /* an escaped key: let jansson decode it */
            int f = -1;
            for (int i = 0; i < F_N; i++)
                if (strlen(field_names[i]) == klen && memcmp(k, field_names[i], klen) == 0)
                    f = i;
            ws(&s);
            if (s.p >= s.end || *s.p != ':')
                return HD_EINPUT;
            s.p++;
            ws(&s);
            if (s.p >= s.end)
                return HD_EINPUT;
            hd_buf *dst = f >= 0 ? store : NULL;
            size_t at = store->len;
            char c = *s.p;
            int r, is_null = 0, is_string = c == '"';
            if (c == '"')
                r = str(&s, dst);
            else if (c == '-' || (c >= '0' && c <= '9'))
                r = num(&s, f == F_ID ? dst : NULL) ||
                    (f >= 0 && f != F_ID); /* a number where a string belongs: jansson names it */
            else if (c == 'n')
                r = lit(&s, "null"), is_null = 1;
            else if (c == 't')
                r = lit(&s, "true") || f >= 0;
            else if (c == 'f')
                r = lit(&s, "false") || f >= 0;
            else
                return HD_EINPUT; /* nested value: jansson's job */
            if (r)
                return HD_EINPUT;
            if (f == F_TEXT && !is_string)
                return HD_EINPUT;
            if (f >= 0) {
                /* Last one wins, as in jansson without JSON_REJECT_DUPLICATES. */
                off[f] = is_null ? NONE : at;
                flen[f] = store->len - at;
                hd_buf_addc(store, '\0');
            }
            ws(&s);
            if (s.p < s.end && *s.p == ',') {
                s.p++;
                continue;
            }
            if (s.p < s.end && *s.p == '}') {
                s.p++;
                break;
            }
            return HD_EINPUT;
        }
    }
    ws(&s);
    if (s.p != s.end || off[F_TEXT] == NONE || store->oom)
        return HD_EINPUT;
    const char *b = store->p;
    page->id = off[F_ID] == NONE ? NULL : b + off[F_ID];
    page->url = off[F_URL] == NONE ? NULL : b + off[F_URL];
    page->source = off[F_SOURCE] == NONE ? NULL : b + off[F_SOURCE];
    page->date = off[F_DATE] == NONE ? NULL : b + off[F_DATE];
    page->title = off[F_TITLE] == NONE ? NULL : b + off[F_TITLE];
    page->text = b + off[F_TEXT];
    page->len = flen[F_TEXT];
    return HD_OK;
}
