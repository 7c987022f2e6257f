/* SPDX-License-Identifier: MIT
 *
 * store.c — the stored-fields streams of a segment being written: records are appended to a
 * raw block, blocks are compressed with zstd against a dictionary that is the raw content of
 * the stream's first records (until it exists, closed blocks wait uncompressed). Two streams
 * per segment: meta records (id, url, source, date, title, seq, speakers) in ~4 KiB blocks
 * and bodies in ~64 KiB blocks. The dictionary goes into the file as one zstd frame, so a
 * fetch still decompresses one small block while matches reach back into ~1 MiB of text.
 * Once the dictionary exists, blocks are compressed by a helper thread (zpool) in submission
 * order, while the indexing thread goes on inverting documents. Speakers named in the body
 * are stored in the body record as references to its words (~3.6 compressed bytes a name
 * instead of ~8), and a date that the dates section gives back is not stored again
 * (docs/FORMAT.md, "Stored fields"). The file layout is in seg_file.c. Caller: seg_writer.c.
 */
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_createCDict_advanced: raw-content dictionary */
#include <pthread.h>
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

/* ---- the compressor thread ---------------------------------------------------------------- */

static void *zworker(void *ud)
{
    zpool *zp = ud;
    pthread_mutex_lock(&zp->mu);
    for (;;) {
        while (!zp->quit && zp->n_done == zp->n)
            pthread_cond_wait(&zp->work, &zp->mu);
        if (zp->quit)
            break;
        zjob *j = &zp->jobs[(zp->head + zp->n_done) % ZJOBS];
        pthread_mutex_unlock(&zp->mu);
        size_t r = ZSTD_compress2(j->z->zc, j->dst, j->dst_cap, j->src.p, j->src.len);
        pthread_mutex_lock(&zp->mu);
        j->res = r;
        zp->n_done++;
        pthread_cond_signal(&zp->done);
    }
    pthread_mutex_unlock(&zp->mu);
    return NULL;
}

static int zpool_start(zpool *zp)
{
    if (pthread_mutex_init(&zp->mu, NULL))
        return -1;
    if (pthread_cond_init(&zp->work, NULL)) {
        pthread_mutex_destroy(&zp->mu);
        return -1;
    }
    if (pthread_cond_init(&zp->done, NULL)) {
        pthread_cond_destroy(&zp->work);
        pthread_mutex_destroy(&zp->mu);
        return -1;
    }
    if (pthread_create(&zp->th, NULL, zworker, zp)) {
        pthread_cond_destroy(&zp->done);
        pthread_cond_destroy(&zp->work);
        pthread_mutex_destroy(&zp->mu);
        return -1;
    }
    zp->started = 1;
    return 0;
}

void hd_zpool_done(zpool *zp)
{
    if (zp->started) {
        pthread_mutex_lock(&zp->mu);
        zp->quit = 1;
        pthread_cond_signal(&zp->work);
        pthread_mutex_unlock(&zp->mu);
        pthread_join(zp->th, NULL);
        pthread_cond_destroy(&zp->done);
        pthread_cond_destroy(&zp->work);
        pthread_mutex_destroy(&zp->mu);
    }
    for (int i = 0; i < ZJOBS; i++) {
        hd_buf_done(&zp->jobs[i].src);
        hd_free(zp->jobs[i].dst);
    }
    memset(zp, 0, sizeof *zp);
}

size_t hd_zpool_mem(const zpool *zp)
{
    size_t n = 0;
    for (int i = 0; i < ZJOBS; i++)
        n += zp->jobs[i].src.cap + zp->jobs[i].dst_cap;
    return n;
}

/* A compressed job's block into its stream. */
static hd_rc place(zjob *j, hd_err *err)
{
    zstore *z = j->z;
    if (ZSTD_isError(j->res)) {
        z->rc = HD_ENOMEM;
        return hd_err_set(err, HD_ENOMEM, "zstd: %s", ZSTD_getErrorName(j->res));
    }
    hd_buf_u64(&z->idx, j->first);
    hd_buf_u64(&z->idx, z->out.len);
    hd_buf_add(&z->out, j->dst, j->res);
    if (z->out.oom || z->idx.oom) {
        z->rc = HD_ENOMEM;
        return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
    }
    return HD_OK;
}

/* Place the finished jobs, oldest first, waiting until at most `keep` are in flight. */
static hd_rc collect(zpool *zp, unsigned keep, hd_err *err)
{
    if (!zp->started)
        return HD_OK;
    hd_rc rc = HD_OK;
    pthread_mutex_lock(&zp->mu);
    for (;;) {
        while (zp->n_done == 0 && zp->n > keep)
            pthread_cond_wait(&zp->done, &zp->mu);
        if (zp->n_done == 0)
            break;
        zjob *j = &zp->jobs[zp->head];
        zp->head = (zp->head + 1) % ZJOBS;
        zp->n--;
        zp->n_done--;
        pthread_mutex_unlock(&zp->mu); /* j is out of the worker's range now */
        hd_rc r = place(j, err);
        if (!rc)
            rc = r;
        pthread_mutex_lock(&zp->mu);
    }
    pthread_mutex_unlock(&zp->mu);
    return rc;
}

/* Compress a block of z that starts at doc first: the bytes of *raw (taken over: raw gets an
 * empty buffer back), else p[0..n). On the compressor thread when there is one. A block that
 * fails makes the stream's error sticky: the segment must not be written without it. */
static hd_rc submit(hd_segw *w, zstore *z, uint64_t first, hd_buf *raw, const char *p, size_t n,
                    hd_err *err)
{
    zpool *zp = &w->zp;
    if (!zp->started && !zp->failed && zpool_start(zp))
        zp->failed = 1;
    hd_rc rc;
    if (zp->failed) {
        rc = raw ? compress_block(z, first, raw->p, raw->len, err)
                 : compress_block(z, first, p, n, err);
        if (rc)
            z->rc = rc;
        return rc;
    }
    if ((rc = collect(zp, ZJOBS - 1, err))) {
        z->rc = rc;
        return rc;
    }
    /* the slot is not in the worker's range until n grows */
    zjob *j = &zp->jobs[(zp->head + zp->n) % ZJOBS];
    if (raw) {
        hd_buf t = j->src;
        j->src = *raw;
        *raw = t;
        hd_buf_clear(raw);
    } else {
        hd_buf_clear(&j->src);
        hd_buf_add(&j->src, p, n);
    }
    size_t bound = ZSTD_compressBound(j->src.len);
    if (bound > j->dst_cap) {
        uint8_t *d = j->src.oom ? NULL : hd_realloc(j->dst, bound);
        if (d) {
            j->dst = d;
            j->dst_cap = bound;
        }
    }
    if (j->src.oom || bound > j->dst_cap) {
        z->rc = HD_ENOMEM;
        return hd_err_set(err, HD_ENOMEM, "out of memory compressing stored fields");
    }
    j->z = z;
    j->first = first;
    pthread_mutex_lock(&zp->mu);
    zp->n++;
    pthread_cond_signal(&zp->work);
    pthread_mutex_unlock(&zp->mu);
    return HD_OK;
}

/* ---- streams ------------------------------------------------------------------------------ */

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
        hd_rc rc = submit(w, z, first, NULL, z->pend.p + off, (size_t)len, err);
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
        rc = submit(w, z, z->first, &z->raw, NULL, 0, err);
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

/* Word starts of a body, as speaker references count them: offset 0 and every byte after a
 * space or a line break. The index of the word start at offset j. */
static uint64_t word_index(const char *body, size_t j)
{
    uint64_t n = j > 0;
    for (size_t i = 0; i + 1 < j; i++)
        n += body[i] == ' ' || body[i] == '\n';
    return n;
}

/* The speakers sp[0..n) ('\n' inside a name separates names too) as references into the body:
 * per name the index of the first word start where it occurs within the body's first
 * HD_SPEAKER_SPAN bytes (word[k] = 2 x index) or, for a name that occurs at none, its bytes
 * (word[k] = 1: text[k]), and its length. Returns the number of names, or -1 when none occurs
 * (or there are too many): then they are stored as text in the meta record. */
static int speaker_refs(const char *const *sp, size_t n, const char *body, size_t body_len,
                        uint64_t *word, const char **text, uint64_t *len)
{
    int k = 0, found = 0;
    if (body_len > HD_SPEAKER_SPAN)
        body_len = HD_SPEAKER_SPAN;
    for (size_t i = 0; i < n; i++) {
        if (!sp[i])
            continue;
        for (const char *s = sp[i];;) {
            size_t l = strcspn(s, "\n");
            if (k == HD_SPEAKER_REFS)
                return -1;
            const char *f = l ? memmem(body, body_len, s, l) : body;
            while (f && f > body && f[-1] != ' ' && f[-1] != '\n') {
                size_t from = (size_t)(f - body) + 1;
                f = memmem(body + from, body_len - from, s, l);
            }
            found |= f != NULL;
            word[k] = f ? word_index(body, (size_t)(f - body)) << 1 : 1;
            text[k] = s;
            len[k++] = l;
            if (!s[l])
                break;
            s += l + 1;
        }
    }
    return found ? k : -1;
}

/* The date as stored in the meta record: "" when the dates section gives it back exactly
 * (the canonical YYYY-MM-DD of the day hd_day_parse reads from it), else as it is. */
static size_t stored_date_len(const char *date)
{
    if (!date)
        return 0;
    size_t n = strlen(date);
    int32_t day = hd_day_parse(date, n);
    char canon[11];
    hd_day_format(day, canon);
    return n == 10 && day != HD_NO_DATE && !memcmp(canon, date, 10) ? 0 : n;
}

hd_rc hd_store_doc(hd_segw *w, const char *id, const char *url, const char *source,
                   const char *date, const char *title, const char *body, size_t body_len,
                   const char *const *speakers, size_t n_speakers, uint32_t seq, hd_err *err)
{
    hd_buf *m = &w->meta.raw, *b = &w->body.raw;
    rec_str(m, id, strlen(id));
    rec_str(m, url ? url : "", url ? strlen(url) : 0);
    rec_str(m, source, strlen(source));
    rec_str(m, date ? date : "", stored_date_len(date));
    rec_str(m, title, strlen(title));
    size_t sp_len = 0;
    for (size_t i = 0; i < n_speakers; i++)
        if (speakers[i])
            sp_len += strlen(speakers[i]) + 1;
    uint64_t word[HD_SPEAKER_REFS], len[HD_SPEAKER_REFS];
    const char *text[HD_SPEAKER_REFS];
    int n_refs = sp_len ? speaker_refs(speakers, n_speakers, body, body_len, word, text, len) : -1;
    hd_buf_varint(m, (uint64_t)seq << 1 | (n_refs > 0));
    hd_buf_varint(b, (uint64_t)body_len << 1 | (n_refs > 0));
    hd_buf_add(b, body, body_len);
    if (n_refs > 0) {
        hd_buf_varint(b, (uint64_t)n_refs);
        for (int k = 0; k < n_refs; k++) {
            if (word[k] & 1) { /* not in the body */
                hd_buf_varint(b, len[k] << 1 | 1);
                hd_buf_add(b, text[k], len[k]);
            } else {
                hd_buf_varint(b, word[k]);
                hd_buf_varint(b, len[k]);
            }
        }
    } else {
        hd_buf_varint(m, sp_len ? sp_len - 1 : 0);
        for (size_t i = 0, first = 1; i < n_speakers; i++) {
            if (!speakers[i])
                continue;
            if (!first)
                hd_buf_addc(m, '\n');
            hd_buf_adds(m, speakers[i]);
            first = 0;
        }
    }
    if (m->oom || b->oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory storing a document");
    hd_rc rc = HD_OK;
    if (m->len >= w->meta.block_raw)
        rc = flush_block(w, &w->meta, w->n_docs + 1, err);
    if (!rc && b->len >= w->body.block_raw)
        rc = flush_block(w, &w->body, w->n_docs + 1, err);
    return rc;
}

hd_rc hd_zstore_finish(hd_segw *w, zstore *z, hd_err *err)
{
    hd_rc rc = flush_block(w, z, w->n_docs, err);
    if (!rc && !z->trained)
        rc = train(w, z, err);
    if (!rc)
        rc = collect(&w->zp, 0, err);
    if (!rc && z->rc)
        rc = hd_err_set(err, z->rc, "out of memory compressing stored fields");
    return rc;
}
