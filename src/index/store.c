/* SPDX-License-Identifier: MIT
 *
 * store.c — the stored-fields streams of a segment being written: records are appended to a
 * raw block, blocks are compressed with zstd against a dictionary that is the raw content of
 * the stream's first records (until it exists, closed blocks wait uncompressed). Two streams
 * per segment: meta records (id, url, source, date, title, speakers, seq) in ~4 KiB blocks
 * and bodies in ~64 KiB blocks. The dictionary goes into the file as one zstd frame, so a
 * fetch still decompresses one small block while matches reach back into ~1 MiB of text.
 * The file layout is in seg_file.c. Caller: seg_writer.c.
 */
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_createCDict_advanced: raw-content dictionary */
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
    hd_buf_init(&z->zdict);
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
    hd_buf_done(&z->zdict);
    ZSTD_freeCDict(z->cdict);
    ZSTD_freeCCtx(z->zc);
    z->cdict = NULL;
    z->zc = NULL;
}

size_t hd_zstore_mem(const zstore *z)
{
    return z->raw.cap + z->out.cap + z->pend.cap + z->dict.cap + z->zdict.cap;
}

/* Compress raw bytes p[0..n) of the block starting at doc first into z->out. */
static hd_rc compress_block(zstore *z, uint64_t first, const char *p, size_t n, hd_err *err)
{
    size_t bound = ZSTD_compressBound(n);
    hd_buf_u64(&z->idx, first);
    hd_buf_u64(&z->idx, z->out.len);
    if (hd_buf_reserve(&z->out, bound + 1))
        return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
    size_t k = ZSTD_compress2(z->zc, z->out.p + z->out.len, bound, p, n);
    if (ZSTD_isError(k))
        return hd_err_set(err, HD_ENOMEM, "zstd: %s", ZSTD_getErrorName(k));
    z->out.len += k;
    return hd_buf_status(&z->idx, err);
}

#define MIN_TRAIN   (64 * 1024) /* less than this: no dictionary */
#define STORE_LEVEL 3           /* blocks: zstd's default speed */
#define DICT_LEVEL  6           /* the dictionary frame: written once per segment */

/* Level 3's parameters for a block_raw block with a dict_len dictionary; for bodies a larger
 * long-match hash table: at level 3's size for 64 KiB inputs a 1 MiB dictionary overflows it
 * and many of its matches are lost (Reuters bodies: 5.19 MB instead of 5.29 MB, for ~10 %
 * more compression time). Meta blocks gain nothing from it. */
static ZSTD_compressionParameters block_params(size_t block_raw, size_t dict_len)
{
    ZSTD_compressionParameters cp = ZSTD_getCParams(STORE_LEVEL, block_raw, dict_len);
    if (block_raw > STORE_BLOCK_RAW && cp.hashLog < 18)
        cp.hashLog = 18;
    return cp;
}

/* Configure z->zc for the stream's blocks: level 3, or the dictionary's parameters. */
static int setup_cctx(zstore *z, const ZSTD_compressionParameters *cp)
{
    if (!z->zc && !(z->zc = ZSTD_createCCtx()))
        return -1;
    ZSTD_CCtx *c = z->zc;
    ZSTD_CCtx_reset(c, ZSTD_reset_session_and_parameters);
    if (!z->cdict)
        return ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, STORE_LEVEL));
    size_t e = 0, r;
#define SETP(p, v) ((r = ZSTD_CCtx_setParameter(c, p, (int)(v))), e |= ZSTD_isError(r))
    SETP(ZSTD_c_windowLog, cp->windowLog);
    SETP(ZSTD_c_hashLog, cp->hashLog);
    SETP(ZSTD_c_chainLog, cp->chainLog);
    SETP(ZSTD_c_searchLog, cp->searchLog);
    SETP(ZSTD_c_minMatch, cp->minMatch);
    SETP(ZSTD_c_targetLength, cp->targetLength);
    SETP(ZSTD_c_strategy, cp->strategy);
    /* match against the dictionary's own tables: copying them into the context for every
     * block would cost more than compressing it */
    SETP(ZSTD_c_forceAttachDict, ZSTD_dictForceAttach);
#undef SETP
    return e || ZSTD_isError(ZSTD_CCtx_refCDict(c, z->cdict)) ? -1 : 0;
}

/* Decide the dictionary from the pending records (their first dict_cap bytes, as they are),
 * write it as a zstd frame into z->zdict, then compress the pending blocks against it. */
static hd_rc train(hd_segw *w, zstore *z, hd_err *err)
{
    z->trained = 1;
    ZSTD_compressionParameters cp = {0};
    if (z->pend.len >= MIN_TRAIN) {
        size_t n = z->pend.len < z->dict_cap ? z->pend.len : z->dict_cap;
        size_t bound = ZSTD_compressBound(n);
        hd_buf_add(&z->dict, z->pend.p, n);
        if (z->dict.oom || hd_buf_reserve(&z->zdict, bound))
            return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
        size_t k = ZSTD_compressCCtx(w->zc, z->zdict.p, bound, z->dict.p, n, DICT_LEVEL);
        if (ZSTD_isError(k))
            return hd_err_set(err, HD_ENOMEM, "zstd: %s", ZSTD_getErrorName(k));
        z->zdict.len = k;
        cp = block_params(z->block_raw, n);
        z->cdict = ZSTD_createCDict_advanced(z->dict.p, n, ZSTD_dlm_byRef, ZSTD_dct_rawContent, cp,
                                             ZSTD_defaultCMem);
        if (!z->cdict)
            return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
    }
    if (setup_cctx(z, &cp))
        return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
    size_t off = 0;
    for (size_t i = 0; i < z->pend_idx.len / 16; i++) {
        uint64_t first = hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16);
        uint64_t len = hd_get_u64((const uint8_t *)z->pend_idx.p + i * 16 + 8);
        hd_rc rc = compress_block(z, first, z->pend.p + off, (size_t)len, err);
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
        rc = compress_block(z, z->first, z->raw.p, z->raw.len, err);
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

hd_rc hd_store_doc(hd_segw *w, const char *id, const char *url, const char *source,
                   const char *date, const char *title, const char *body, size_t body_len,
                   const char *const *speakers, size_t n_speakers, uint32_t seq, hd_err *err)
{
    hd_buf *m = &w->meta.raw;
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
    if (m->oom || w->body.raw.oom)
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
