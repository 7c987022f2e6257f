/* SPDX-License-Identifier: MIT
 *
 * reader_gzip.c — a gzip input (known by its magic number, whatever its name) inflated as it
 * is read, so that a compressed JSON Lines feed streams like a plain one and a compressed page
 * meets the page limit in inflated bytes. Damaged data ends the input with a message giving
 * the offset in the compressed bytes.
 *
 *   compressed bytes (file, stdin or buffer)  ->  inflated bytes in hd_reader.chunk
 *
 * Called by the reader (reader.c): hd_reader_gz_start on the magic, hd_reader_gz_fill from
 * hd_reader_fill.
 */
#include "ingest/reader_int.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static hd_rc gz_damaged(hd_reader *r, const char *why, hd_err *err)
{
    uint64_t at = r->z_before + r->z.total_in;
    r->eof = 1;
    return hd_err_setw(err, HD_EINPUT, r->cur_name,
                       "damaged gzip data at byte %llu of the compressed input (%s); skipped",
                       (unsigned long long)at, why);
}

/* Read the next compressed bytes into zin, zlib having taken all it had. */
static hd_rc gz_read(hd_reader *r, hd_err *err)
{
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
    return HD_OK;
}

/* Inflate what zlib holds into the free space of chunk; *got is the number of bytes made. */
static hd_rc gz_inflate(hd_reader *r, size_t *got, hd_err *err)
{
    r->z.next_out = (Bytef *)r->chunk.p + r->chunk.len;
    r->z.avail_out = (uInt)(r->chunk.cap - r->chunk.len - 1);
    uInt before = r->z.avail_out;
    int zr = inflate(&r->z, Z_NO_FLUSH);
    *got = before - r->z.avail_out;
    r->chunk.len += *got;
    r->chunk.p[r->chunk.len] = '\0';
    if (zr == Z_STREAM_END) {
        r->z_end = 1;
    } else if (zr == Z_BUF_ERROR && r->z.avail_in == 0 && r->zin_pos == r->zin.len && r->zin_eof) {
        return gz_damaged(r, "it ends before the stream does", err);
    } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
        return gz_damaged(r, r->z.msg ? r->z.msg : "bad data", err);
    }
    return HD_OK;
}

/* Inflate more of a gzip input into chunk: reads compressed bytes from the file as zlib needs
 * them, so that a compressed JSON Lines feed streams like a plain one and a compressed page
 * meets the page limit in inflated bytes. Concatenated members (RFC 1952, 2.2) follow on. */
hd_rc hd_reader_gz_fill(hd_reader *r, hd_err *err)
{
    hd_rc rc;
    if (hd_buf_reserve(&r->chunk, READ_CHUNK))
        return hd_err_setw(err, HD_ENOMEM, r->cur_name, "out of memory reading");
    for (;;) {
        if (r->z_end && r->z.avail_in == 0 && r->zin_pos == r->zin.len && r->zin_eof) {
            r->eof = 1; /* the last member ended with the input */
            return HD_OK;
        }
        if (r->z.avail_in == 0 && r->zin_pos == r->zin.len && !r->zin_eof && (rc = gz_read(r, err)))
            return rc;
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
        size_t got;
        if ((rc = gz_inflate(r, &got, err)))
            return rc;
        if (got)
            return HD_OK;
    }
}

/* The input in chunk opens with gzip's magic: from here hd_reader_fill() inflates. The compressed
 * bytes read so far move to zin; an in-memory input is all there already. */
hd_rc hd_reader_gz_start(hd_reader *r, hd_err *err)
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
