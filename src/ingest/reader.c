/* SPDX-License-Identifier: MIT
 *
 * reader.c — the page reader: a queue of inputs (paths, directories, stdin, buffers) read one
 * at a time. Plain-text inputs give one page; JSON Lines inputs are streamed line by line, so
 * a large feed never has to fit in memory, and a line over the page limit is skipped without
 * being stored.
 *
 *   files / dirs / "-" / buffers  ->  hd_page
 *
 * This file keeps the queue, reads bytes, tells the format and makes text and HTML pages;
 * reader_gzip.c inflates gzip inputs and reader_jsonl.c streams JSON Lines (reader_int.h).
 * Used by src/lib/pipeline.c.
 */
#include "ingest/reader_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mem.h"
#include "base/utf8.h"

void hd_reader_warn(hd_reader *r, hd_rc code, const char *where, const char *fmt, ...)
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

/* Read more bytes into chunk. Returns HD_OK (maybe setting eof) or an error. */
hd_rc hd_reader_fill(hd_reader *r, hd_err *err)
{
    if (r->eof)
        return HD_OK;
    if (r->pos > 0 && r->pos == r->chunk.len) {
        r->chunk.len = 0;
        r->pos = 0;
    }
    if (r->gz)
        return hd_reader_gz_fill(r, err);
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
const char *hd_reader_repair(hd_reader *r, const char *src, size_t n, size_t *out_len,
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
        hd_reader_warn(r, HD_EINPUT, where,
                       "invalid UTF-8 at byte offset %zu (%zu sequence%s replaced with U+FFFD)",
                       first, n_bad, n_bad == 1 ? "" : "s");
    if (n_nul)
        hd_reader_warn(r, HD_EINPUT, where, "%zu NUL byte%s removed", n_nul, n_nul == 1 ? "" : "s");
    *out_len = r->text.len;
    return r->text.p ? r->text.p : "";
}

/* A queued buffer: it becomes the chunk, read whole. */
static hd_rc open_buffer(hd_reader *r, input in, hd_err *err)
{
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

/* Queue the files under the directory dir (owned; freed here) in its place. */
static hd_rc expand_dir(hd_reader *r, char *dir, hd_err *err)
{
    char **files;
    size_t n;
    hd_rc rc = hd_walk_dir(dir, &files, &n, err);
    hd_free(dir);
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
    return HD_OK;
}

/* Open the next queued input, expanding directories. HD_DONE when the queue is empty. */
static hd_rc open_next(hd_reader *r, hd_err *err)
{
    while (r->next_q < r->n_q) {
        input in = r->q[r->next_q++];
        if (in.is_buf)
            return open_buffer(r, in, err);
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
            hd_rc rc = expand_dir(r, in.name, err);
            if (rc)
                return rc;
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
        if ((rc = hd_reader_fill(r, err)))
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
        if ((rc = hd_reader_fill(r, err)))
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
        hd_reader_warn(
            r, HD_EINPUT, r->cur_name,
            "HTML elements nested over 2048 deep; the text below that depth was not read");
    size_t len;
    /* libxml2 decodes what the page declares; anything it let through invalid is repaired */
    const char *txt = hd_reader_repair(r, page->text, page->len, &len, r->cur_name, err);
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
    const char *txt = hd_reader_repair(r, t, n, &len, r->cur_name, err);
    if (!txt)
        return HD_ENOMEM;
    memset(page, 0, sizeof *page);
    page->origin = r->cur_name;
    page->source = r->cur_name;
    page->text = txt;
    page->len = len;
    return HD_OK;
}

/* Open the next input and read its sample: *fmt is its format, seen through gzip. */
static hd_rc open_sniffed(hd_reader *r, hd_format *fmt, hd_err *err)
{
    hd_rc rc;
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
    *fmt = hd_ingest_detect(r->chunk.p ? r->chunk.p : "", n);
    if (*fmt == HD_FMT_GZIP) {
        if ((rc = hd_reader_gz_start(r, err)) || (rc = sniff(r, err))) {
            close_input(r);
            return rc;
        }
        n = r->chunk.len < SNIFF_BYTES ? r->chunk.len : SNIFF_BYTES;
        *fmt = hd_ingest_detect(r->chunk.p ? r->chunk.p : "", n);
        if (*fmt == HD_FMT_GZIP)
            *fmt = HD_FMT_BINARY; /* gzip in gzip: not a page */
    }
    return HD_OK;
}

/* Is the input just opened no page of its own? JSON Lines (then read record by record), and
 * binary data, a JSON document or an empty file (then skipped with a warning and closed). */
static int no_page(hd_reader *r, hd_format fmt)
{
    switch (fmt) {
    case HD_FMT_JSONL:
        r->st = ST_JSONL;
        return 1;
    case HD_FMT_BINARY:
        hd_reader_warn(r, HD_EINPUT, r->cur_name, "binary data, not a text page; skipped");
        close_input(r);
        return 1;
    case HD_FMT_JSON:
        hd_reader_warn(r, HD_EINPUT, r->cur_name,
                       "a JSON document, not a page or JSON Lines (one object per line); skipped");
        close_input(r);
        return 1;
    case HD_FMT_TEXT:
    case HD_FMT_HTML:
    case HD_FMT_GZIP:
        break;
    }
    if (r->chunk.len == 0 && r->eof) {
        hd_reader_warn(r, HD_EINPUT, r->cur_name, "empty file; no page");
        close_input(r);
        return 1;
    }
    return 0;
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
            rc = hd_reader_jsonl_page(r, page, err);
            if (rc != HD_DONE)
                return rc;
            close_input(r);
            continue;
        }
        hd_format fmt;
        if ((rc = open_sniffed(r, &fmt, err)))
            return rc;
        if (no_page(r, fmt))
            continue;
        rc = fmt == HD_FMT_HTML ? html_page(r, page, err) : text_page(r, page, err);
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
