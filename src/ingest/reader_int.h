/* SPDX-License-Identifier: MIT
 *
 * reader_int.h — private interface between the files of the page reader (hd_reader):
 *
 *   reader.c        the queue of inputs, opening, reading bytes, format dispatch, text and
 *                   HTML pages, UTF-8 repair
 *   reader_gzip.c   a gzip input inflated as it is read (concatenated members, damage)
 *   reader_jsonl.c  a JSON Lines input streamed line by line: one page per record
 *
 * Names shared between these files start with hd_reader_.
 */
#ifndef HD_READER_INT_H
#define HD_READER_INT_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#include "ingest/ingest.h"

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

    /* A gzip input is inflated as it is read: hd_reader_fill() puts inflated bytes in chunk. */
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

/* ---- reader.c ------------------------------------------------------------------------------ */

/* Pass a warning about where to the reader's warn callback, if any. */
void hd_reader_warn(hd_reader *r, hd_rc code, const char *where, const char *fmt, ...)
    HD_PRINTF(4, 5);
/* Read more bytes into chunk. Returns HD_OK (maybe setting eof) or an error. */
hd_rc hd_reader_fill(hd_reader *r, hd_err *err);
/* Repair src into r->text when it has invalid UTF-8 or NUL bytes, warning once; returns the
 * text to use (src itself when it is clean). */
const char *hd_reader_repair(hd_reader *r, const char *src, size_t n, size_t *out_len,
                             const char *where, hd_err *err);

/* ---- reader_gzip.c ------------------------------------------------------------------------- */

/* The input in chunk opens with gzip's magic: from here hd_reader_fill() inflates. The compressed
 * bytes read so far move to zin; an in-memory input is all there already. */
hd_rc hd_reader_gz_start(hd_reader *r, hd_err *err);
/* Inflate more of a gzip input into chunk: reads compressed bytes from the file as zlib needs
 * them, so that a compressed JSON Lines feed streams like a plain one and a compressed page
 * meets the page limit in inflated bytes. Concatenated members (RFC 1952, 2.2) follow on. */
hd_rc hd_reader_gz_fill(hd_reader *r, hd_err *err);

/* ---- reader_jsonl.c ------------------------------------------------------------------------ */

/* The next page of a JSON Lines input: HD_OK, HD_DONE at its end, or an error for one line
 * (call again to go on). */
hd_rc hd_reader_jsonl_page(hd_reader *r, hd_page *page, hd_err *err);

#endif
