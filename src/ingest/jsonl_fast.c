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

/* The byte a one-letter escape (\n, \t, \" ...) stands for, or 0 when e is not one. */
static char simple_escape(char e)
{
    switch (e) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '/':
        return '/';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return 0;
    }
}

/* A \uXXXX escape, s->p just after the "\u" (a surrogate pair takes two). When out is
 * non-NULL, append the code point as UTF-8. Returns 0, or -1 when it is not valid JSON. */
static int unicode_escape(scan *s, hd_buf *out)
{
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
    return 0;
}

/* An escape at s->p (on the backslash); appends what it stands for when out is non-NULL. */
static int escape(scan *s, hd_buf *out)
{
    if (s->end - s->p < 2)
        return -1;
    char e = s->p[1];
    s->p += 2;
    if (e == 'u')
        return unicode_escape(s, out);
    char c = simple_escape(e);
    if (!c)
        return -1;
    if (out)
        hd_buf_addc(out, c);
    return 0;
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
        if (escape(s, out))
            return -1;
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

/* The key at s->p: *f is the field of field_names it names, or -1 for one herald does not
 * read. Returns -1 when the key is not a plain string. */
static int key(scan *s, int *f)
{
    if (s->p >= s->end || *s->p != '"')
        return -1;
    const char *k = s->p + 1;
    if (str(s, NULL))
        return -1;
    size_t klen = (size_t)(s->p - 1 - k);
    if (memchr(k, '\\', klen))
        return -1; /* an escaped key: let jansson decode it */
    *f = -1;
    for (int i = 0; i < F_N; i++)
        if (strlen(field_names[i]) == klen && memcmp(k, field_names[i], klen) == 0)
            *f = i;
    return 0;
}

/* The value at s->p (not at the end) of field f: copied to store when herald reads the field
 * (f >= 0). Returns non-zero when the line needs jansson. */
static int value(scan *s, int f, hd_buf *store, int *is_null)
{
    hd_buf *dst = f >= 0 ? store : NULL;
    char c = *s->p;
    if (c == '"')
        return str(s, dst);
    if (c == '-' || (c >= '0' && c <= '9'))
        return num(s, f == F_ID ? dst : NULL) ||
               (f >= 0 && f != F_ID); /* a number where a string belongs: jansson names it */
    if (c == 'n') {
        *is_null = 1;
        return lit(s, "null");
    }
    if (c == 't')
        return lit(s, "true") || f >= 0;
    if (c == 'f')
        return lit(s, "false") || f >= 0;
    return -1; /* nested value: jansson's job */
}

/* One "key": value member; a field herald reads goes to store, at off[f] (flen[f] bytes). */
static int member(scan *s, hd_buf *store, size_t *off, size_t *flen)
{
    int f;
    ws(s);
    if (key(s, &f))
        return -1;
    ws(s);
    if (s->p >= s->end || *s->p != ':')
        return -1;
    s->p++;
    ws(s);
    if (s->p >= s->end)
        return -1;
    size_t at = store->len;
    int is_null = 0, is_string = *s->p == '"';
    if (value(s, f, store, &is_null))
        return -1;
    if (f == F_TEXT && !is_string)
        return -1;
    if (f >= 0) {
        /* Last one wins, as in jansson without JSON_REJECT_DUPLICATES. */
        off[f] = is_null ? NONE : at;
        flen[f] = store->len - at;
        hd_buf_addc(store, '\0');
    }
    return 0;
}

/* The members of a non-empty object, s->p after its '{'; up to and past the closing '}'. */
static int members(scan *s, hd_buf *store, size_t *off, size_t *flen)
{
    for (;;) {
        if (member(s, store, off, flen))
            return -1;
        ws(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
            continue;
        }
        if (s->p < s->end && *s->p == '}') {
            s->p++;
            return 0;
        }
        return -1;
    }
}

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
    if (s.p < s.end && *s.p == '}')
        s.p++;
    else if (members(&s, store, off, flen))
        return HD_EINPUT;
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
