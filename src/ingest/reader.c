/* SPDX-License-Identifier: MIT
 *
 * reader.c — the page reader: a queue of inputs (paths, directories, stdin, buffers) read one
 * at a time. Plain-text inputs give one page; JSON Lines inputs are streamed line by line, so
 * a large feed never has to fit in memory, and a line over the page limit is skipped without
 * being stored.
 */
#include "ingest/ingest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "base/mem.h"
#include "base/utf8.h"

#define DEFAULT_MAX_PAGE ((size_t)64 << 20)
#define SNIFF_BYTES      8192
#define READ_CHUNK       ((size_t)1 << 16)

typedef struct input {
    char *name; /* path, or buffer name */
    char *data; /* owned copy for buffers, NULL for paths */
    size_t len;
    int is_buf;
} input;

enum state { ST_IDLE, ST_JSONL };

struct hd_reader {
    hd_reader_opts opts;
    input *q;
    size_t n_q, cap_q, next_q;

    /* The input being read. */
    enum state st;
    char *cur_name; /* owned */
    int fd;         /* -1 for buffers */
    const char *mem;
    size_t mem_len, mem_pos;
    int eof;
    hd_buf chunk; /* bytes read and not consumed yet: [pos, len) */
    size_t pos;
    size_t lineno;
    int skipping;   /* inside a JSONL line over the limit */
    int next_close; /* a text page was handed out: close its input on the next call */

    /* A gzip input is inflated as it is read: fill() puts inflated bytes in chunk. */
    int gz;
    z_stream z;
    hd_buf zin; /* compressed bytes read and not yet inflated: [zin_pos, len) */
    size_t zin_pos;
    int zin_eof;       /* all of the compressed input is in zin */
    uint64_t z_before; /* compressed bytes of earlier gzip members */
    int z_end;         /* a member ended: the input's end, or another member, follows */

    hd_buf text;          /* repaired page text */
    hd_buf htext, hstore; /* a JSON Lines record's HTML: its story and its metadata */
    hd_buf store;         /* JSONL fields */
    hd_buf line;          /* repaired JSONL line; an HTML page's text */
    char where[300];
};

static void warn(hd_reader *r, hd_rc code, const char *where, const char *fmt, ...) HD_PRINTF(4, 5);

static void warn(hd_reader *r, hd_rc code, const char *where, const char *fmt, ...)
{
    if (!r->opts.warn)
        return;
    hd_err w = {0};
    w.code = code;
    snprintf(w.where, sizeof w.where, "%s", where);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w.msg, sizeof w.msg, fmt, ap);
    va_end(ap);
    r->opts.warn(r->opts.warn_ud, &w);
}

hd_rc hd_reader_new(const hd_reader_opts *opts, hd_reader **out, hd_err *err)
{
    hd_reader *r = hd_calloc(1, sizeof *r);
    if (!r)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    if (opts)
        r->opts = *opts;
    if (!r->opts.max_page_bytes)
        r->opts.max_page_bytes = DEFAULT_MAX_PAGE;
    r->fd = -1;
    *out = r;
    return HD_OK;
}

static void close_input(hd_reader *r)
{
    if (r->gz)
        inflateEnd(&r->z);
    r->gz = 0;
    hd_buf_clear(&r->zin);
    r->zin_pos = 0;
    r->zin_eof = 0;
    if (r->fd > 0)
        close(r->fd);
    r->fd = -1;
    r->mem = NULL;
    r->st = ST_IDLE;
    hd_free(r->cur_name);
    r->cur_name = NULL;
    hd_buf_clear(&r->chunk);
    r->pos = 0;
    r->eof = 0;
    r->skipping = 0;
    r->lineno = 0;
}

void hd_reader_free(hd_reader *r)
{
    if (!r)
        return;
    close_input(r);
    for (size_t i = r->next_q; i < r->n_q; i++) {
        hd_free(r->q[i].name);
        hd_free(r->q[i].data);
    }
    hd_free(r->q);
    hd_buf_done(&r->chunk);
    hd_buf_done(&r->text);
    hd_buf_done(&r->store);
    hd_buf_done(&r->line);
    hd_buf_done(&r->zin);
    hd_buf_done(&r->htext);
    hd_buf_done(&r->hstore);
    hd_free(r);
}

static hd_rc push(hd_reader *r, input in, hd_err *err)
{
    if (HD_GROW(r->q, r->cap_q, r->n_q + 1)) {
        hd_free(in.name);
        hd_free(in.data);
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    }
    r->q[r->n_q++] = in;
    return HD_OK;
}

hd_rc hd_reader_add_path(hd_reader *r, const char *path, hd_err *err)
{
    input in = {hd_strdup(path), NULL, 0, 0};
    if (!in.name)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    return push(r, in, err);
}

hd_rc hd_reader_add_buffer(hd_reader *r, const char *name, const void *data, size_t len,
                           hd_err *err)
{
    input in = {hd_strdup(name ? name : "<buffer>"), hd_malloc(len), len, 1};
    if (!in.name || !in.data) {
        hd_free(in.name);
        hd_free(in.data);
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    }
    if (len)
        memcpy(in.data, data, len);
    return push(r, in, err);
}

static hd_rc gz_damaged(hd_reader *r, const char *why, hd_err *err)
{
    uint64_t at = r->z_before + r->z.total_in;
    r->eof = 1;
    return hd_err_setw(err, HD_EINPUT, r->cur_name,
                       "damaged gzip data at byte %llu of the compressed input (%s); skipped",
                       (unsigned long long)at, why);
}

/* Inflate more of a gzip input into chunk: reads compressed bytes from the file as zlib needs
 * them, so that a compressed JSON Lines feed streams like a plain one and a compressed page
 * meets the page limit in inflated bytes. Concatenated members (RFC 1952, 2.2) follow on. */
static hd_rc gz_fill(hd_reader *r, hd_err *err)
{
    if (hd_buf_reserve(&r->chunk, READ_CHUNK))
        return hd_err_setw(err, HD_ENOMEM, r->cur_name, "out of memory reading");
    for (;;) {
        if (r->z_end && r->z.avail_in == 0 && r->zin_pos == r->zin.len && r->zin_eof) {
            r->eof = 1; /* the last member ended with the input */
            return HD_OK;
        }
        if (r->z.avail_in == 0 && r->zin_pos == r->zin.len && !r->zin_eof) {
            hd_buf_clear(&r->zin);
            r->zin_pos = 0;
            if (hd_buf_reserve(&r->zin, READ_CHUNK))
                return hd_err_setw(err, HD_ENOMEM, r->cur_name, "out of memory reading");
            ssize_t n;
            do
                n = read(r->fd, r->zin.p, READ_CHUNK);
            while (n < 0 && errno == EINTR);
            if (n < 0) {
                r->eof = 1;
                return hd_err_sys(err, HD_EIO, r->cur_name, "cannot read");
            }
            r->zin.len = (size_t)n;
            r->zin_eof = n == 0;
        }
        if (r->z.avail_in == 0 && r->zin_pos < r->zin.len) {
            size_t n = r->zin.len - r->zin_pos;
            if (n > UINT32_MAX)
                n = UINT32_MAX;
            r->z.next_in = (Bytef *)r->zin.p + r->zin_pos;
            r->z.avail_in = (uInt)n;
            r->zin_pos += n;
        }
        if (r->z_end) {
            if (r->z.avail_in == 0)
                continue; /* at the input's end: the check above decides */
            /* more input after a member: the next member (RFC 1952, 2.2) */
            r->z_before += r->z.total_in;
            if (inflateReset(&r->z) != Z_OK)
                return gz_damaged(r, "cannot restart", err);
            r->z_end = 0;
        }
        r->z.next_out = (Bytef *)r->chunk.p + r->chunk.len;
        r->z.avail_out = (uInt)(r->chunk.cap - r->chunk.len - 1);
        uInt before = r->z.avail_out;
        int zr = inflate(&r->z, Z_NO_FLUSH);
        size_t got = before - r->z.avail_out;
        r->chunk.len += got;
        r->chunk.p[r->chunk.len] = '\0';
        if (zr == Z_STREAM_END) {
            r->z_end = 1;
        } else if (zr == Z_BUF_ERROR && r->z.avail_in == 0 && r->zin_pos == r->zin.len &&
                   r->zin_eof) {
            return gz_damaged(r, "it ends before the stream does", err);
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            return gz_damaged(r, r->z.msg ? r->z.msg : "bad data", err);
        }
        if (got)
            return HD_OK;
    }
}

/* The input in chunk opens with gzip's magic: from here fill() inflates. The compressed bytes
 * read so far move to zin; an in-memory input is all there already. */
static hd_rc start_gzip(hd_reader *r, hd_err *err)
{
    memset(&r->z, 0, sizeof r->z);
    if (inflateInit2(&r->z, 15 + 32) != Z_OK) /* 32: a gzip (or zlib) header */
        return hd_err_setw(err, HD_ENOMEM, r->cur_name, "cannot start zlib");
    r->gz = 1;
    r->z_before = 0;
    r->z_end = 0;
    hd_buf_clear(&r->zin);
    hd_buf_add(&r->zin, r->chunk.p + r->pos, r->chunk.len - r->pos);
    if (hd_buf_status(&r->zin, err))
        return err->code;
    r->zin_pos = 0;
    r->zin_eof = r->eof || r->fd < 0;
    hd_buf_clear(&r->chunk);
    r->pos = 0;
    r->eof = 0;
    return HD_OK;
}

/* Read more bytes into chunk. Returns HD_OK (maybe setting eof) or an error. */
static hd_rc fill(hd_reader *r, hd_err *err)
{
    if (r->eof)
        return HD_OK;
    if (r->pos > 0 && r->pos == r->chunk.len) {
        r->chunk.len = 0;
        r->pos = 0;
    }
    if (r->gz)
        return gz_fill(r, err);
    if (r->mem) {
        size_t n = r->mem_len - r->mem_pos;
        if (n > READ_CHUNK * 16)
            n = READ_CHUNK * 16;
        hd_buf_add(&r->chunk, r->mem + r->mem_pos, n);
        r->mem_pos += n;
        if (r->mem_pos == r->mem_len)
            r->eof = 1;
        return hd_buf_status(&r->chunk, err);
    }
    if (hd_buf_reserve(&r->chunk, READ_CHUNK))
        return hd_err_setw(err, HD_ENOMEM, r->cur_name, "out of memory reading");
    for (;;) {
        ssize_t n = read(r->fd, r->chunk.p + r->chunk.len, r->chunk.cap - r->chunk.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            r->eof = 1;
            return hd_err_sys(err, HD_EIO, r->cur_name, "cannot read");
        }
        if (n == 0)
            r->eof = 1;
        r->chunk.len += (size_t)n;
        r->chunk.p[r->chunk.len] = '\0';
        return HD_OK;
    }
}

/* Repair src into r->text when it has invalid UTF-8 or NUL bytes, warning once; returns the
 * text to use (src itself when it is clean). */
static const char *repair(hd_reader *r, const char *src, size_t n, size_t *out_len,
                          const char *where, hd_err *err)
{
    size_t ok = hd_utf8_valid_prefix(src, n);
    if (ok == n && !memchr(src, 0, n)) {
        *out_len = n;
        return src;
    }
    size_t n_bad, first, n_nul;
    hd_buf_clear(&r->text);
    hd_utf8_repair(src, n, &r->text, &n_bad, &first, &n_nul);
    if (hd_buf_status(&r->text, err))
        return NULL;
    if (n_bad)
        warn(r, HD_EINPUT, where,
             "invalid UTF-8 at byte offset %zu (%zu sequence%s replaced with U+FFFD)", first, n_bad,
             n_bad == 1 ? "" : "s");
    if (n_nul)
        warn(r, HD_EINPUT, where, "%zu NUL byte%s removed", n_nul, n_nul == 1 ? "" : "s");
    *out_len = r->text.len;
    return r->text.p ? r->text.p : "";
}

/* Open the next queued input, expanding directories. HD_DONE when the queue is empty. */
static hd_rc open_next(hd_reader *r, hd_err *err)
{
    while (r->next_q < r->n_q) {
        input in = r->q[r->next_q++];
        if (in.is_buf) {
            r->cur_name = in.name;
            r->mem = in.data;
            r->mem_len = in.len;
            r->mem_pos = 0;
            /* The buffer now lives until close: keep it by parking it in the chunk. */
            hd_buf_clear(&r->chunk);
            hd_buf_add(&r->chunk, in.data, in.len);
            hd_free(in.data);
            r->mem = NULL;
            r->eof = 1;
            return hd_buf_status(&r->chunk, err);
        }
        if (strcmp(in.name, "-") == 0) {
            hd_free(in.name);
            r->cur_name = hd_strdup("<stdin>");
            r->fd = 0;
            if (!r->cur_name)
                return hd_err_set(err, HD_ENOMEM, "out of memory");
            return HD_OK;
        }
        struct stat st;
        if (stat(in.name, &st) != 0) {
            hd_rc rc = hd_err_sys(err, HD_EIO, in.name, "cannot read");
            hd_free(in.name);
            return rc;
        }
        if (S_ISDIR(st.st_mode)) {
            char **files;
            size_t n;
            hd_rc rc = hd_walk_dir(in.name, &files, &n, err);
            hd_free(in.name);
            if (rc)
                return rc;
            /* Insert the listing where the directory was, keeping the queue order. */
            size_t rest = r->n_q - r->next_q;
            if (HD_GROW(r->q, r->cap_q, r->n_q + n)) {
                hd_walk_free(files, n);
                return hd_err_set(err, HD_ENOMEM, "out of memory");
            }
            memmove(r->q + r->next_q + n, r->q + r->next_q, rest * sizeof *r->q);
            for (size_t i = 0; i < n; i++)
                r->q[r->next_q + i] = (input){files[i], NULL, 0, 0};
            r->n_q += n;
            hd_free(files);
            continue;
        }
        int fd = open(in.name, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            hd_rc rc = hd_err_sys(err, HD_EIO, in.name, "cannot open");
            hd_free(in.name);
            return rc;
        }
        r->fd = fd;
        r->cur_name = in.name;
        return HD_OK;
    }
    return HD_DONE;
}

/* Does the chunk already hold a whole first line that opens a JSON object? Then the input is
 * JSON Lines, read line by line: a pipe that delivers one record at a time (a feed on stdin)
 * need not fill the sample first, or its first records would wait for later ones. */
static int jsonl_line_ready(const hd_reader *r)
{
    const char *p = r->chunk.p, *end = p + r->chunk.len;
    if (r->chunk.len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p < end && *p == '{' && memchr(p, '\n', (size_t)(end - p)) != NULL &&
           hd_ingest_detect(r->chunk.p, r->chunk.len) == HD_FMT_JSONL;
}

/* Read until the sniff sample is available or EOF (or a JSON Lines record is complete). */
static hd_rc sniff(hd_reader *r, hd_err *err)
{
    hd_rc rc;
    while (!r->eof && r->chunk.len < SNIFF_BYTES) {
        if ((rc = fill(r, err)))
            return rc;
        if (jsonl_line_ready(r))
            break;
    }
    return HD_OK;
}

/* Read the rest of the input into chunk, up to the page limit. */
static hd_rc read_all(hd_reader *r, hd_err *err)
{
    hd_rc rc;
    while (!r->eof) {
        if (r->chunk.len > r->opts.max_page_bytes)
            break;
        if ((rc = fill(r, err)))
            return rc;
    }
    if (r->chunk.len > r->opts.max_page_bytes)
        return hd_err_setw(err, HD_ELIMIT, r->cur_name,
                           "page larger than the %zu-byte limit (--max-page-bytes); skipped",
                           r->opts.max_page_bytes);
    return HD_OK;
}

static hd_rc html_page(hd_reader *r, hd_page *page, hd_err *err)
{
    hd_rc rc = read_all(r, err);
    if (rc)
        return rc;
    int too_deep;
    if ((rc = hd_html_page(r->chunk.p ? r->chunk.p : "", r->chunk.len, r->cur_name, &r->line,
                           &r->store, page, &too_deep, err)))
        return rc;
    if (too_deep)
        warn(r, HD_EINPUT, r->cur_name,
             "HTML elements nested over 2048 deep; the text below that depth was not read");
    size_t len;
    /* libxml2 decodes what the page declares; anything it let through invalid is repaired */
    const char *txt = repair(r, page->text, page->len, &len, r->cur_name, err);
    if (!txt)
        return HD_ENOMEM;
    page->origin = r->cur_name;
    page->source = r->cur_name;
    page->text = txt;
    page->len = len;
    return HD_OK;
}

static hd_rc text_page(hd_reader *r, hd_page *page, hd_err *err)
{
    hd_rc rc = read_all(r, err);
    if (rc)
        return rc;
    const char *t = r->chunk.p ? r->chunk.p : "";
    size_t n = r->chunk.len;
    if (n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
        t += 3, n -= 3;
    size_t len;
    const char *txt = repair(r, t, n, &len, r->cur_name, err);
    if (!txt)
        return HD_ENOMEM;
    memset(page, 0, sizeof *page);
    page->origin = r->cur_name;
    page->source = r->cur_name;
    page->text = txt;
    page->len = len;
    return HD_OK;
}

/* Next line of the JSONL stream into (*line, *n). HD_DONE at end of input. Lines over the limit
 * give HD_ELIMIT once and are skipped. */
static hd_rc next_line(hd_reader *r, const char **line, size_t *n, hd_err *err)
{
    hd_rc rc;
    for (;;) {
        char *s = r->chunk.p ? r->chunk.p + r->pos : NULL;
        size_t avail = r->chunk.len - r->pos;
        char *nl = avail ? memchr(s, '\n', avail) : NULL;
        if (nl) {
            size_t len = (size_t)(nl - s);
            r->pos += len + 1;
            if (r->skipping) {
                r->skipping = 0;
                continue;
            }
            r->lineno++;
            if (len > r->opts.max_page_bytes) {
                snprintf(r->where, sizeof r->where, "%s:%zu", r->cur_name, r->lineno);
                return hd_err_setw(err, HD_ELIMIT, r->where,
                                   "page larger than the %zu-byte limit (--max-page-bytes); "
                                   "skipped",
                                   r->opts.max_page_bytes);
            }
            *line = s;
            *n = len;
            return HD_OK;
        }
        if (r->eof) {
            if (!avail)
                return HD_DONE;
            r->pos = r->chunk.len;
            if (r->skipping) {
                r->skipping = 0;
                return HD_DONE;
            }
            r->lineno++;
            if (avail > r->opts.max_page_bytes) {
                snprintf(r->where, sizeof r->where, "%s:%zu", r->cur_name, r->lineno);
                return hd_err_setw(err, HD_ELIMIT, r->where,
                                   "page larger than the %zu-byte limit (--max-page-bytes); "
                                   "skipped",
                                   r->opts.max_page_bytes);
            }
            *line = s;
            *n = avail;
            return HD_OK;
        }
        if (avail > r->opts.max_page_bytes && !r->skipping) {
            r->skipping = 1;
            r->lineno++;
            r->chunk.len = r->pos = 0;
            snprintf(r->where, sizeof r->where, "%s:%zu", r->cur_name, r->lineno);
            return hd_err_setw(err, HD_ELIMIT, r->where,
                               "page larger than the %zu-byte limit (--max-page-bytes); skipped",
                               r->opts.max_page_bytes);
        }
        if (r->skipping) {
            r->chunk.len = r->pos = 0;
        } else if (r->pos) {
            memmove(r->chunk.p, r->chunk.p + r->pos, avail);
            r->chunk.len = avail;
            r->pos = 0;
        }
        if ((rc = fill(r, err)))
            return rc;
    }
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* A JSON Lines record whose text is a saved web page (scrapers often store the HTML): its
 * story and metadata as for an HTML file; the record's own title, date and url win. */
static hd_rc jsonl_html(hd_reader *r, hd_page *page, hd_err *err)
{
    hd_page h;
    int too_deep;
    hd_rc rc =
        hd_html_page(page->text, page->len, r->where, &r->htext, &r->hstore, &h, &too_deep, err);
    if (rc)
        return rc;
    if (too_deep)
        warn(r, HD_EINPUT, r->where,
             "HTML elements nested over 2048 deep; the text below that depth was not read");
    size_t len;
    const char *txt = repair(r, h.text, h.len, &len, r->where, err);
    if (!txt)
        return HD_ENOMEM;
    page->text = txt;
    page->len = len;
    page->structured = 1;
    if (!page->title || !*page->title)
        page->title = h.title;
    if (!page->date || !*page->date)
        page->date = h.date;
    if (!page->url || !*page->url)
        page->url = h.url;
    return HD_OK;
}

static hd_rc jsonl_page(hd_reader *r, hd_page *page, hd_err *err)
{
    for (;;) {
        const char *line = NULL;
        size_t n = 0;
        hd_rc rc = next_line(r, &line, &n, err);
        if (rc)
            return rc;
        if (r->lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            line += 3, n -= 3;
        if (blank(line, n))
            continue;
        snprintf(r->where, sizeof r->where, "%s:%zu", r->cur_name, r->lineno);
        if (hd_utf8_valid_prefix(line, n) != n) {
            size_t n_bad, first, n_nul;
            hd_buf_clear(&r->line);
            hd_utf8_repair(line, n, &r->line, &n_bad, &first, &n_nul);
            if ((rc = hd_buf_status(&r->line, err)))
                return rc;
            warn(r, HD_EINPUT, r->where,
                 "invalid UTF-8 at byte offset %zu of the line (%zu sequence%s replaced with "
                 "U+FFFD)",
                 first, n_bad, n_bad == 1 ? "" : "s");
            line = r->line.p;
            n = r->line.len;
        }
        memset(page, 0, sizeof *page);
        if ((rc = hd_jsonl_parse(line, n, r->where, page, &r->store, err)))
            return rc;
        size_t len;
        const char *txt = repair(r, page->text, page->len, &len, r->where, err);
        if (!txt)
            return HD_ENOMEM;
        page->text = txt;
        page->len = len;
        page->origin = r->cur_name;
        page->line = r->lineno;
        if (!page->source)
            page->source = r->cur_name;
        if (hd_html_detect(txt, len < SNIFF_BYTES ? len : SNIFF_BYTES))
            return jsonl_html(r, page, err);
        return HD_OK;
    }
}

hd_rc hd_reader_next(hd_reader *r, hd_page *page, hd_err *err)
{
    if (r->next_close) {
        r->next_close = 0;
        close_input(r);
    }
    for (;;) {
        hd_rc rc;
        if (r->st == ST_JSONL) {
            rc = jsonl_page(r, page, err);
            if (rc != HD_DONE)
                return rc;
            close_input(r);
            continue;
        }
        if ((rc = open_next(r, err))) {
            if (rc != HD_DONE)
                close_input(r);
            return rc;
        }
        if ((rc = sniff(r, err))) {
            close_input(r);
            return rc;
        }
        size_t n = r->chunk.len < SNIFF_BYTES ? r->chunk.len : SNIFF_BYTES;
        hd_format fmt = hd_ingest_detect(r->chunk.p ? r->chunk.p : "", n);
        if (fmt == HD_FMT_GZIP) {
            if ((rc = start_gzip(r, err)) || (rc = sniff(r, err))) {
                close_input(r);
                return rc;
            }
            n = r->chunk.len < SNIFF_BYTES ? r->chunk.len : SNIFF_BYTES;
            fmt = hd_ingest_detect(r->chunk.p ? r->chunk.p : "", n);
            if (fmt == HD_FMT_GZIP)
                fmt = HD_FMT_BINARY; /* gzip in gzip: not a page */
        }
        int is_html = fmt == HD_FMT_HTML;
        switch (fmt) {
        case HD_FMT_JSONL:
            r->st = ST_JSONL;
            continue;
        case HD_FMT_BINARY:
            warn(r, HD_EINPUT, r->cur_name, "binary data, not a text page; skipped");
            close_input(r);
            continue;
        case HD_FMT_JSON:
            warn(r, HD_EINPUT, r->cur_name,
                 "a JSON document, not a page or JSON Lines (one object per line); skipped");
            close_input(r);
            continue;
        case HD_FMT_TEXT:
        case HD_FMT_HTML:
        case HD_FMT_GZIP:
            break;
        }
        if (r->chunk.len == 0 && r->eof) {
            warn(r, HD_EINPUT, r->cur_name, "empty file; no page");
            close_input(r);
            continue;
        }
        rc = is_html ? html_page(r, page, err) : text_page(r, page, err);
        /* The page borrows chunk, so the input is closed on the next call. */
        r->st = ST_IDLE;
        if (rc == HD_OK) {
            r->next_close = 1;
            return HD_OK;
        }
        close_input(r);
        return rc;
    }
}
