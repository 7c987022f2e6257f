/* SPDX-License-Identifier: MIT
 *
 * reader_jsonl.c — a JSON Lines input streamed line by line, so that a large feed never has to
 * fit in memory: each non-blank line is one record, repaired to valid UTF-8 if need be, parsed
 * (jsonl_fast.c, else jansson in jsonl.c) and, when its text is a saved web page, read as HTML.
 * A line over the page limit is reported once and skipped without being stored.
 *
 *   JSON Lines bytes  ->  hd_page per record (origin file:line for messages)
 *
 * Called by hd_reader_next (reader.c) while the input is in the ST_JSONL state.
 */
#include "ingest/reader_int.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"

/* Line r->lineno is over the page limit. */
static hd_rc line_too_long(hd_reader *r, hd_err *err)
{
    snprintf(r->where, sizeof r->where, "%s:%zu", r->cur_name, r->lineno);
    return hd_err_setw(err, HD_ELIMIT, r->where,
                       "page larger than the %zu-byte limit (--max-page-bytes); skipped",
                       r->opts.max_page_bytes);
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
            if (len > r->opts.max_page_bytes)
                return line_too_long(r, err);
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
            if (avail > r->opts.max_page_bytes)
                return line_too_long(r, err);
            *line = s;
            *n = avail;
            return HD_OK;
        }
        if (avail > r->opts.max_page_bytes && !r->skipping) {
            r->skipping = 1;
            r->lineno++;
            r->chunk.len = r->pos = 0;
            return line_too_long(r, err);
        }
        if (r->skipping) {
            r->chunk.len = r->pos = 0;
        } else if (r->pos) {
            memmove(r->chunk.p, r->chunk.p + r->pos, avail);
            r->chunk.len = avail;
            r->pos = 0;
        }
        if ((rc = hd_reader_fill(r, err)))
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
        hd_reader_warn(
            r, HD_EINPUT, r->where,
            "HTML elements nested over 2048 deep; the text below that depth was not read");
    size_t len;
    const char *txt = hd_reader_repair(r, h.text, h.len, &len, r->where, err);
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

/* A line that is not valid UTF-8 is repaired into r->line, with a warning, before it is
 * parsed. */
static hd_rc repair_line(hd_reader *r, const char **line, size_t *n, hd_err *err)
{
    size_t n_bad, first, n_nul;
    hd_buf_clear(&r->line);
    hd_utf8_repair(*line, *n, &r->line, &n_bad, &first, &n_nul);
    hd_rc rc = hd_buf_status(&r->line, err);
    if (rc)
        return rc;
    hd_reader_warn(r, HD_EINPUT, r->where,
                   "invalid UTF-8 at byte offset %zu of the line (%zu sequence%s replaced with "
                   "U+FFFD)",
                   first, n_bad, n_bad == 1 ? "" : "s");
    *line = r->line.p;
    *n = r->line.len;
    return HD_OK;
}

hd_rc hd_reader_jsonl_page(hd_reader *r, hd_page *page, hd_err *err)
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
        if (hd_utf8_valid_prefix(line, n) != n && (rc = repair_line(r, &line, &n, err)))
            return rc;
        memset(page, 0, sizeof *page);
        if ((rc = hd_jsonl_parse(line, n, r->where, page, &r->store, err)))
            return rc;
        size_t len;
        const char *txt = hd_reader_repair(r, page->text, page->len, &len, r->where, err);
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
