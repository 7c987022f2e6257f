/* SPDX-License-Identifier: MIT
 *
 * seg_store.c — a segment's stored documents: the zstd blocks of meta records and of bodies
 * (each against its raw-content dictionary), decompressed into the reader's small block
 * caches, and a document's fields laid out NUL-terminated in the reader's buffer (speakers
 * given back from references into the body). Callers: src/search (hits, snippets), merge.c,
 * check.c. Damage gives HD_ECORRUPT naming the file.
 */
#include <string.h>
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_createDDict_advanced: raw-content dictionary */
#include <zstd.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

static int rec_get(const uint8_t **p, const uint8_t *end, const uint8_t **s, size_t *n)
{
    uint64_t len;
    if (hd_varint_get(p, end, &len) || (uint64_t)(end - *p) < len)
        return -1;
    *s = *p;
    *n = (size_t)len;
    *p += len;
    return 0;
}

#define STORE_MAX_RAW ((size_t)HD_MAX_BODY * 2 + BODY_BLOCK_RAW * 2)

/* The decompression dictionary of a stream (NULL when it has none), made on first use. The
 * segment is shared as const by its readers, but its dictionaries are a lazily filled cache
 * of the handle, like the block caches: one thread per handle (hd_ixr). */
static hd_rc zdict_get(const hd_seg *s, const hd_zdict *cd, const ZSTD_DDict **out, hd_err *err)
{
    hd_zdict *d = (hd_zdict *)cd; /* the hd_seg objects are allocated mutable (hd_ixr) */
    *out = d->dd;
    if (d->dd || !d->z)
        return HD_OK;
    size_t raw = (size_t)ZSTD_getFrameContentSize(d->z, d->z_len); /* checked at open */
    uint8_t *buf = hd_malloc(raw + d->tail);
    if (!buf)
        return hd_err_set(err, HD_ENOMEM, "out of memory reading a stored document");
    size_t k = ZSTD_decompressDCtx(s->ixr->dctx, buf, raw, d->z, d->z_len);
    if (ZSTD_isError(k) || k != raw) {
        hd_free(buf);
        return hd_seg_corrupt(s, err, "stored-fields dictionary does not decompress");
    }
    d->dd =
        ZSTD_createDDict_advanced(buf, raw, ZSTD_dlm_byRef, ZSTD_dct_rawContent, ZSTD_defaultCMem);
    if (!d->dd) {
        hd_free(buf);
        return hd_err_set(err, HD_ENOMEM, "out of memory reading a stored document");
    }
    d->raw = buf;
    d->raw_len = raw;
    *out = d->dd;
    return HD_OK;
}

/* Decompress (or find in the cache) the block of a stored-fields stream holding doc; sets
 * *out to its cache entry and first to its first doc. */
static hd_rc load_block(const hd_seg *s, const uint8_t *base, const uint8_t *base_end,
                        const uint8_t *idx, uint64_t n, const hd_zdict *zd, uint32_t doc,
                        hd_blk_cache *cache_v, size_t n_cache, hd_blk_cache **out, uint64_t *first,
                        hd_err *err)
{
    uint64_t lo = 0, hi = n;
    while (hi - lo > 1) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (hd_get_u64(idx + mid * STORE_IDX_ENTRY) <= doc)
            lo = mid;
        else
            hi = mid;
    }
    const uint8_t *e = idx + lo * STORE_IDX_ENTRY;
    *first = hd_get_u64(e);
    hd_blk_cache *c = &cache_v[(s->id * 0x9E3779B1u + lo) % n_cache];
    const hd_seg **cseg = &c->seg;
    uint64_t *cblock = &c->block;
    hd_buf *cache = &c->data;
    if (*cseg != s || *cblock != lo) {
        const uint8_t *zp = base + hd_get_u64(e + 8);
        const uint8_t *ze = lo + 1 < n ? base + hd_get_u64(e + 8 + STORE_IDX_ENTRY) : base_end;
        if (ze <= zp)
            return hd_seg_corrupt(s, err, "bad stored-fields block");
        unsigned long long raw = ZSTD_getFrameContentSize(zp, (size_t)(ze - zp));
        if (raw == ZSTD_CONTENTSIZE_ERROR || raw == ZSTD_CONTENTSIZE_UNKNOWN || raw > STORE_MAX_RAW)
            return hd_seg_corrupt(s, err, "bad stored-fields block");
        const ZSTD_DDict *dd;
        hd_rc rc = zdict_get(s, zd, &dd, err);
        if (rc)
            return rc;
        *cseg = NULL;
        hd_buf_clear(cache);
        if (hd_buf_reserve(cache, (size_t)raw + 1))
            return hd_err_set(err, HD_ENOMEM, "out of memory reading a stored document");
        ZSTD_DCtx *dctx = s->ixr->dctx;
        /* Decompressed right after the dictionary, the block sees it as its own beginning:
         * zstd then copies matches from it on its fast path instead of making one memmove
         * call per match from a separate dictionary (perf: most of the decode time). */
        uint8_t *dst = (uint8_t *)cache->p;
        int after_dict = dd && raw <= zd->tail;
        if (after_dict)
            dst = zd->raw + zd->raw_len;
        size_t z =
            dd ? ZSTD_decompress_usingDDict(dctx, dst, (size_t)raw, zp, (size_t)(ze - zp), dd)
               : ZSTD_decompressDCtx(dctx, dst, (size_t)raw, zp, (size_t)(ze - zp));
        if (ZSTD_isError(z) || z != raw)
            return hd_seg_corrupt(s, err, "stored-fields block does not decompress");
        if (after_dict)
            memcpy(cache->p, dst, z);
        cache->len = z;
        c->n_recs = 0;
        *cseg = s;
        *cblock = lo;
    }
    *out = c;
    return HD_OK;
}

/* Skip one record of a stream (meta: five strings, varint seq << 1 | speakers-in-body, then the
 * speakers unless they are in the body; body: varint len << 1 | has-refs, the body, then when
 * it has them the speaker references: varint n, n x (varint word, varint length)). */
static int skip_rec(const uint8_t **q, const uint8_t *e, int body)
{
    const uint8_t *f;
    size_t fl;
    uint64_t v, n, x;
    if (!body) {
        for (int i = 0; i < 5; i++)
            if (rec_get(q, e, &f, &fl))
                return -1;
        if (hd_varint_get(q, e, &v) || (v >> 1) > UINT32_MAX)
            return -1;
        return v & 1 ? 0 : rec_get(q, e, &f, &fl);
    }
    if (hd_varint_get(q, e, &v) || (uint64_t)(e - *q) < (v >> 1))
        return -1;
    *q += v >> 1;
    if (!(v & 1))
        return 0;
    if (hd_varint_get(q, e, &n) || n == 0 || n > HD_SPEAKER_REFS)
        return -1;
    for (uint64_t i = 0; i < n; i++) {
        if (hd_varint_get(q, e, &x))
            return -1;
        if (x & 1) { /* a name as text */
            if ((uint64_t)(e - *q) < (x >> 1))
                return -1;
            *q += x >> 1;
        } else if (hd_varint_get(q, e, &x)) {
            return -1;
        }
    }
    return 0;
}

/* Record k of a cached block: sets p to it and end to the block's end. The first call on a
 * block notes where every record starts, so that the hits of a query that share a block (the
 * titles of a meta block stay cached) are found without scanning the records before them. */
static hd_rc block_rec(const hd_seg *s, hd_blk_cache *c, uint64_t k, int body, const uint8_t **p,
                       const uint8_t **end, hd_err *err)
{
    const uint8_t *b = (const uint8_t *)c->data.p, *e = b + c->data.len;
    if (c->n_recs == 0) {
        const uint8_t *q = b;
        size_t n = 0;
        while (q < e) {
            if (n == c->cap_recs && HD_GROW(c->recs, c->cap_recs, n + 1))
                return hd_err_set(err, HD_ENOMEM, "out of memory reading a stored document");
            c->recs[n++] = (uint32_t)(q - b);
            if (skip_rec(&q, e, body))
                return hd_seg_corrupt(s, err, "bad stored document");
        }
        c->n_recs = n;
    }
    if (k >= c->n_recs)
        return hd_seg_corrupt(s, err, "bad stored document");
    *p = b + c->recs[k];
    *end = e;
    return HD_OK;
}

/* Append the speakers of a body record's references ('\n'-joined, NUL-terminated) to buf:
 * each is varint (len << 1 | 1) and len bytes, or varint (word << 1) and varint len: len
 * bytes of the body from its word-th word start (offset 0 and every byte after a space or a
 * line break). -1 when one points outside the body. block_rec checked the record's bounds. */
static int speakers_from_refs(const uint8_t *body, size_t body_len, const uint8_t **q,
                              const uint8_t *e, hd_buf *buf)
{
    size_t span = body_len < HD_SPEAKER_SPAN ? body_len : HD_SPEAKER_SPAN;
    uint64_t n, word, len;
    if (hd_varint_get(q, e, &n))
        return -1;
    for (uint64_t i = 0; i < n; i++) {
        if (hd_varint_get(q, e, &word))
            return -1;
        if (i)
            hd_buf_addc(buf, '\n');
        if (word & 1) {
            hd_buf_add(buf, *q, (size_t)(word >> 1));
            *q += word >> 1;
            continue;
        }
        word >>= 1;
        if (hd_varint_get(q, e, &len))
            return -1;
        size_t j = 0;
        for (uint64_t w = 0; w < word; w++) { /* to the next word start */
            while (j < span && body[j] != ' ' && body[j] != '\n')
                j++;
            if (j++ >= span)
                return -1;
        }
        if (j > span || len > span - j)
            return -1;
        hd_buf_add(buf, body + j, (size_t)len);
    }
    hd_buf_addc(buf, 0);
    return 0;
}

/* A stored document's fields as read from its records: id, url, source, date, title,
 * speakers, body (f[i], fl[i] bytes; not NUL-terminated). */
typedef struct doc_parts {
    const uint8_t *f[7];
    size_t fl[7];
    uint64_t v;            /* seq << 1 | speakers stored in the body's record */
    const uint8_t *q, *qe; /* the body record after the body: speaker references */
    char day[11];          /* the date when the dates section gives it back */
} doc_parts;

/* The meta record of doc: id, url, source, date, title, and the speakers stored as text. */
static hd_rc read_meta(const hd_seg *s, uint32_t doc, unsigned fields, doc_parts *d, hd_err *err)
{
    const uint8_t *p, *end;
    uint64_t first;
    hd_blk_cache *c;
    hd_rc rc = load_block(s, s->store, s->store_end, s->store_idx, s->n_store_blocks, &s->mdict,
                          doc, s->ixr->mcache, HD_META_CACHE, &c, &first, err);
    if (!rc)
        rc = block_rec(s, c, doc - first, 0, &p, &end, err);
    if (rc)
        return rc;
    for (int i = 0; i < 5; i++)
        rec_get(&p, end, &d->f[i], &d->fl[i]); /* block_rec parsed the record */
    hd_varint_get(&p, end, &d->v);
    d->f[5] = d->f[6] = (const uint8_t *)"";
    d->fl[5] = d->fl[6] = 0;
    if (!(d->v & 1))
        rec_get(&p, end, &d->f[5], &d->fl[5]);
    if (!(fields & HD_SF_SPEAKERS))
        d->fl[5] = 0;
    /* the date is "" when the dates section gives it back */
    if (d->fl[3] == 0) {
        hd_day_format(hd_seg_date(s, doc), d->day);
        d->f[3] = (const uint8_t *)d->day;
        d->fl[3] = strlen(d->day);
    }
    return HD_OK;
}

/* The body record of doc: the body, then (when they are kept there) speaker references. */
static hd_rc read_body(const hd_seg *s, uint32_t doc, doc_parts *d, hd_err *err)
{
    uint64_t first;
    hd_blk_cache *c;
    const uint8_t *q, *qe;
    hd_rc rc = load_block(s, s->body, s->body_end, s->body_idx, s->n_body_blocks, &s->bdict, doc,
                          s->ixr->bcache, HD_BODY_CACHE, &c, &first, err);
    if (!rc)
        rc = block_rec(s, c, doc - first, 1, &q, &qe, err);
    if (rc)
        return rc;
    uint64_t b = 0;
    hd_varint_get(&q, qe, &b);
    if ((b & 1) != (d->v & 1))
        return hd_seg_corrupt(s, err, "stored body does not match its record");
    d->f[6] = q;
    d->fl[6] = (size_t)(b >> 1);
    d->q = q + d->fl[6];
    d->qe = qe;
    return HD_OK;
}

static hd_rc seg_doc(const hd_seg *s, uint32_t doc, unsigned fields, hd_stored_doc *out,
                     hd_err *err)
{
    if (doc >= s->max_doc)
        return hd_err_set(err, HD_EINVAL, "doc %u out of range", doc);
    doc_parts d = {0};
    hd_rc rc = read_meta(s, doc, fields, &d, err);
    int sp_in_body = (int)(d.v & 1);
    if (!rc && ((fields & HD_SF_BODY) || (sp_in_body && (fields & HD_SF_SPEAKERS))))
        rc = read_body(s, doc, &d, err);
    if (rc)
        return rc;
    hd_buf *buf = &s->ixr->docbuf;
    hd_buf_clear(buf);
    size_t off[7];
    for (int i = 0; i < 7; i++) {
        off[i] = buf->len;
        if (i == 5 && sp_in_body && d.q) {
            if (!(fields & HD_SF_SPEAKERS))
                hd_buf_addc(buf, 0);
            else if (speakers_from_refs(d.f[6], d.fl[6], &d.q, d.qe, buf))
                return hd_seg_corrupt(s, err, "bad speaker reference");
            continue;
        }
        if (i == 6 && !(fields & HD_SF_BODY))
            d.fl[6] = 0;
        hd_buf_add(buf, d.f[i], d.fl[i]);
        hd_buf_addc(buf, 0);
    }
    if (buf->oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory reading a stored document");
    *out = (hd_stored_doc){.id = buf->p + off[0],
                           .url = buf->p + off[1],
                           .source = buf->p + off[2],
                           .date = buf->p + off[3],
                           .title = buf->p + off[4],
                           .speakers = buf->p + off[5],
                           .body = buf->p + off[6],
                           .body_len = d.fl[6],
                           .seq = (uint32_t)(d.v >> 1)};
    return HD_OK;
}

hd_rc hd_seg_doc(const hd_seg *s, uint32_t doc, hd_stored_doc *out, hd_err *err)
{
    return seg_doc(s, doc, HD_SF_BODY | HD_SF_SPEAKERS, out, err);
}

hd_rc hd_seg_doc_meta(const hd_seg *s, uint32_t doc, hd_stored_doc *out, hd_err *err)
{
    return seg_doc(s, doc, HD_SF_SPEAKERS, out, err);
}

hd_rc hd_seg_doc_fields(const hd_seg *s, uint32_t doc, unsigned fields, hd_stored_doc *out,
                        hd_err *err)
{
    return seg_doc(s, doc, fields, out, err);
}
