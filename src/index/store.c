/* SPDX-License-Identifier: MIT
 *
 * store.c — the stored-fields streams of a segment being written: records are appended to a
 * raw block, blocks are compressed with zstd (level 3) using a dictionary trained on the
 * segment's first records (until it exists, closed blocks wait uncompressed). Two streams per
 * segment: meta records (id, url, source, date, title, speakers, seq) in ~4 KiB blocks and
 * bodies in ~64 KiB blocks. The file layout is in seg_file.c. Caller: seg_writer.c.
 */
#define ZDICT_STATIC_LINKING_ONLY /* ZDICT_trainFromBuffer_fastCover: one pass, no search */
#include <zdict.h>
#include <zstd.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/segw.h"

static void rec_str(hd_buf *b, const char *s, size_t n)
{
    hd_buf_varint(b, n);
    hd_buf_add(b, s, n);
}

void hd_zstore_init(zstore *z, size_t block_raw, size_t train_bytes, size_t dict_cap)
{
    memset(z, 0, sizeof *z);
    hd_buf_init(&z->raw);
    hd_buf_init(&z->out);
    hd_buf_init(&z->idx);
    hd_buf_init(&z->pend);
    hd_buf_init(&z->pend_idx);
    hd_buf_init(&z->dict);
    z->block_raw = block_raw;
    z->train_bytes = train_bytes;
    z->dict_cap = dict_cap;
}

void hd_zstore_done(zstore *z)
{
    hd_buf_done(&z->raw);
    hd_buf_done(&z->out);
    hd_buf_done(&z->idx);
    hd_buf_done(&z->pend);
    hd_buf_done(&z->pend_idx);
    hd_buf_done(&z->dict);
    hd_free(z->rec_sizes);
    ZSTD_freeCDict(z->cdict);
}

size_t hd_zstore_mem(const zstore *z)
{
    return z->raw.cap + z->out.cap + z->pend.cap + z->cap_rec * sizeof(size_t);
}

/* Compress raw bytes p[0..n) of the block starting at doc first into z->out. */
static hd_rc compress_block(hd_segw *w, zstore *z, uint64_t first, const char *p, size_t n,
                            hd_err *err)
{
    size_t bound = ZSTD_compressBound(n);
    hd_buf_u64(&z->idx, first);
    hd_buf_u64(&z->idx, z->out.len);
    if (hd_buf_reserve(&z->out, bound + 1))
        return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
    size_t k = z->cdict
                   ? ZSTD_compress_usingCDict(w->zc, z->out.p + z->out.len, bound, p, n, z->cdict)
                   : ZSTD_compressCCtx(w->zc, z->out.p + z->out.len, bound, p, n, 3);
    if (ZSTD_isError(k))
        return hd_err_set(err, HD_ENOMEM, "zstd: %s", ZSTD_getErrorName(k));
    z->out.len += k;
    return hd_buf_status(&z->idx, err);
}

#define MIN_TRAIN (128 * 1024) /* less than this: no dictionary */

/* Decide the dictionary from the pending records, then compress the pending blocks. */
static hd_rc train(hd_segw *w, zstore *z, hd_err *err)
{
    z->trained = 1;
    if (z->pend.len >= MIN_TRAIN && z->n_rec >= 16 && hd_buf_reserve(&z->dict, z->dict_cap) == 0) {
        /* Tiny records (the meta stream) train better as whole blocks. */
        size_t n_blk = z->pend_idx.len / 16;
        if (z->pend.len / z->n_rec < 256 && n_blk >= 16) {
            for (size_t i = 0; i < n_blk; i++)
                z->rec_sizes[i] = (size_t)hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16 + 8);
            z->n_rec = n_blk;
        }
        /* One fastCover pass with fixed parameters: ZDICT_trainFromBuffer would search over
         * several (k, d) and cost ~5x more for a few percent. */
        ZDICT_fastCover_params_t fp = {.k = 1024, .d = 8, .f = 20, .accel = 4, .steps = 0};
        fp.zParams.compressionLevel = 3;
        size_t n = ZDICT_trainFromBuffer_fastCover(z->dict.p, z->dict_cap, z->pend.p, z->rec_sizes,
                                                   (unsigned)z->n_rec, fp);
        if (!ZDICT_isError(n)) {
            z->dict.len = n;
            z->cdict = ZSTD_createCDict(z->dict.p, n, 3);
        }
        if (!z->cdict)
            z->dict.len = 0; /* compress without: still correct */
    }
    hd_free(z->rec_sizes);
    z->rec_sizes = NULL;
    z->n_rec = z->cap_rec = 0;
    size_t off = 0;
    for (size_t i = 0; i < z->pend_idx.len / 16; i++) {
        uint64_t first = hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16);
        uint64_t len = hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16 + 8);
        hd_rc rc = compress_block(w, z, first, z->pend.p + off, (size_t)len, err);
        if (rc)
            return rc;
        off += (size_t)len;
    }
    hd_buf_done(&z->pend);
    hd_buf_done(&z->pend_idx);
    return HD_OK;
}

/* Close the current block of z; the next block starts at doc next_first. */
static hd_rc flush_block(hd_segw *w, zstore *z, uint32_t next_first, hd_err *err)
{
    if (z->raw.len == 0)
        return HD_OK;
    hd_rc rc;
    if (z->trained) {
        rc = compress_block(w, z, z->first, z->raw.p, z->raw.len, err);
    } else {
        hd_buf_u64(&z->pend_idx, z->first);
        hd_buf_u64(&z->pend_idx, z->raw.len);
        hd_buf_add(&z->pend, z->raw.p, z->raw.len);
        rc = z->pend.oom || z->pend_idx.oom
                 ? hd_err_set(err, HD_ENOMEM, "out of memory storing documents")
                 : HD_OK;
        if (!rc && z->pend.len >= z->train_bytes)
            rc = train(w, z, err);
    }
    hd_buf_clear(&z->raw);
    z->first = next_first;
    return rc;
}

/* Note the size of the record just appended to z->raw (a training sample). */
static int note_record(zstore *z, size_t before)
{
    if (z->trained)
        return 0;
    if (HD_GROW(z->rec_sizes, z->cap_rec, z->n_rec + 1))
        return -1;
    z->rec_sizes[z->n_rec++] = z->raw.len - before;
    return 0;
}

hd_rc hd_store_doc(hd_segw *w, const char *id, const char *url, const char *source,
                   const char *date, const char *title, const char *body, size_t body_len,
                   const char *const *speakers, size_t n_speakers, uint32_t seq, hd_err *err)
{
    hd_buf *m = &w->meta.raw;
    size_t m0 = m->len, b0 = w->body.raw.len;
    rec_str(m, id, strlen(id));
    rec_str(m, url ? url : "", url ? strlen(url) : 0);
    rec_str(m, source, strlen(source));
    rec_str(m, date ? date : "", date ? strlen(date) : 0);
    rec_str(m, title, strlen(title));
    size_t sp_len = 0;
    for (size_t i = 0; i < n_speakers; i++)
        if (speakers[i])
            sp_len += strlen(speakers[i]) + 1;
    hd_buf_varint(m, sp_len ? sp_len - 1 : 0);
    for (size_t i = 0, first = 1; i < n_speakers; i++) {
        if (!speakers[i])
            continue;
        if (!first)
            hd_buf_addc(m, '\n');
        hd_buf_adds(m, speakers[i]);
        first = 0;
    }
    hd_buf_varint(m, seq);
    rec_str(&w->body.raw, body, body_len);
    if (m->oom || w->body.raw.oom || note_record(&w->meta, m0) || note_record(&w->body, b0))
        return hd_err_set(err, HD_ENOMEM, "out of memory storing a document");
    hd_rc rc = HD_OK;
    if (m->len >= w->meta.block_raw)
        rc = flush_block(w, &w->meta, w->n_docs + 1, err);
    if (!rc && w->body.raw.len >= w->body.block_raw)
        rc = flush_block(w, &w->body, w->n_docs + 1, err);
    return rc;
}

hd_rc hd_zstore_finish(hd_segw *w, zstore *z, hd_err *err)
{
    hd_rc rc = flush_block(w, z, w->n_docs, err);
    if (!rc && !z->trained)
        rc = train(w, z, err);
    return rc;
}
