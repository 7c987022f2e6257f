/* SPDX-License-Identifier: MIT
 *
 * seg_file.c — writing a segment file: the terms of the in-memory segment (sorted once) or of
 * a merge (any hd_term_src), their postings encoded in blocks with skip data and block
 * bounds, the front-coded dictionary and its index, norms, dates and the stored-field
 * streams, streamed through one buffered writer that checksums as it goes. Callers:
 * index.c (commit), merge.c.
 *
 * Segment file "seg_<id>.hds" (all integers little-endian; varints are LEB128):
 *
 *   postings   per term, in dictionary order: varint byte length of the skip entries,
 *              ceil(df/128) skip entries, then the blocks.
 *              skip entry: varint (last_doc - base), varint data_len, varint pos_len,
 *              varint max_tf, u8 min_norm. base is 0 for the first block, else the previous
 *              block's last doc + 1. A full block (128 docs): u8 bits, 128 doc gaps bit-packed
 *              (first doc - base, then doc - prev - 1), u8 bits, 128 (tf - 1) bit-packed. The
 *              last, partial block: per doc varint (gap << 1 | tf==1) and varint tf if tf > 1.
 *   positions  per term, per doc in order: tf varints, first position absolute then deltas.
 *              pos_len of a skip entry is the byte length of its block's positions.
 *   dictionary blocks of up to 32 terms, sorted by key = u8 field + term bytes; per term:
 *              varint shared-prefix length (0 for a block's first term), varint suffix
 *              length, suffix, varint df, varint (total_tf - df), varint postings length,
 *              varint positions length. Offsets are cumulative from the block's base.
 *   dict index per block: u64 block offset (from dictionary start), u64 postings base, u64
 *              positions base (from their sections' starts).
 *   norms      HD_N_TEXT_FIELDS arrays of max_doc bytes: encoded field lengths.
 *   dates      max_doc i32: day numbers (INT32_MIN = none).
 *   dicts      the dictionaries of the two stored-field streams, each one zstd frame (either
 *              may be empty: no dictionary): the raw bytes of the stream's first records
 *              (up to 1 MiB of meta, 1 MiB of bodies), used as raw-content dictionaries.
 *   store      zstd frames of ~4 KiB of records, compressed against the meta dictionary;
 *              record: varint length + bytes of id, url, source, date ("" when the dates
 *              section gives it back), title, then varint (seq << 1 | speakers in body),
 *              then, unless in the body, the speakers ('\n'-joined, varint length + bytes).
 *   store index per block: u64 first doc, u64 offset from the store start.
 *   bodies     zstd frames of ~64 KiB of bodies (varint length << 1 | speakers in body,
 *              bytes, then the speakers as references to the body's words: store.c)
 *              against the bodies' dictionary, kept apart so that fetching titles does not
 *              decompress bodies; then its index, as above.
 *   meta       24 u64 (see seg.h: max_doc, n_terms, section offsets, field length totals,
 *              dictionary lengths).
 *   trailer    u32 "HDSG", u32 version, u64 xxh64 of all preceding bytes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/segw.h"

typedef struct fwriter {
    int fd;
    const char *path;
    XXH64_state_t *xx;
    uint64_t off;
    hd_buf b; /* pending bytes */
    hd_rc rc;
    hd_err *err;
} fwriter;

static void fw_flush(fwriter *f)
{
    if (f->rc || f->b.len == 0)
        return;
    XXH64_update(f->xx, f->b.p, f->b.len);
    const char *p = f->b.p;
    size_t n = f->b.len;
    while (n) {
        ssize_t k = write(f->fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            f->rc = hd_err_sys(f->err, HD_EIO, f->path, "cannot write");
            return;
        }
        p += k;
        n -= (size_t)k;
    }
    hd_buf_clear(&f->b);
}

static void fw_add(fwriter *f, const void *p, size_t n)
{
    if (f->rc)
        return;
    if (n >= (1u << 20)) { /* big sections go straight through */
        fw_flush(f);
        if (f->rc)
            return;
        hd_buf saved = f->b;
        f->b.p = (char *)p;
        f->b.len = n;
        fw_flush(f);
        f->b = saved;
        f->off += n;
        return;
    }
    hd_buf_add(&f->b, p, n);
    if (f->b.oom)
        f->rc = hd_err_set(f->err, HD_ENOMEM, "out of memory writing %s", f->path);
    f->off += n;
    if (f->b.len >= (1u << 20))
        fw_flush(f);
}

static int cmp_terms(const void *a, const void *b, void *ud)
{
    const hd_segw *w = ud;
    const term_ent *x = &w->terms[*(const uint32_t *)a];
    const term_ent *y = &w->terms[*(const uint32_t *)b];
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(w->keys.p + x->key_off, w->keys.p + y->key_off, n);
    if (c)
        return c;
    return x->key_len < y->key_len ? -1 : x->key_len > y->key_len;
}

/* Skip k varints in p; returns the byte count, or SIZE_MAX when the stream is short. */
static size_t skip_varints(const uint8_t *p, size_t len, uint64_t k)
{
    size_t i = 0;
    while (k) {
        if (i >= len)
            return SIZE_MAX;
        if (p[i++] < 0x80)
            k--;
    }
    return i;
}

/* Decode a term's in-memory doc stream into docs[] and tfs[] (n_docs entries each). */
static hd_rc decode_docs(const hd_segw *w, const hd_mterm *e, uint32_t *docs, uint32_t *tfs,
                         hd_err *err)
{
    const uint8_t *p = e->docs, *end = e->docs + e->docs_len;
    uint32_t prev = UINT32_MAX;
    if (e->df > w->n_docs)
        return hd_err_set(err, HD_EINVAL, "internal: bad in-memory postings");
    for (uint32_t i = 0; i < e->df; i++) {
        uint64_t gap, tf;
        if (hd_varint_get(&p, end, &gap) || hd_varint_get(&p, end, &tf))
            return hd_err_set(err, HD_EINVAL, "internal: bad in-memory postings");
        docs[i] = prev == UINT32_MAX ? (uint32_t)gap : prev + 1 + (uint32_t)gap;
        tfs[i] = (uint32_t)tf;
        prev = docs[i];
        if (prev >= w->n_docs || tf == 0)
            return hd_err_set(err, HD_EINVAL, "internal: bad in-memory postings");
    }
    return HD_OK;
}

/* One block's doc gaps and tfs: bit-packed when full, varints for the last, partial one. */
static void pack_block(hd_buf *out, const uint32_t *gaps, const uint32_t *tfm1, uint32_t n)
{
    if (n == HD_BLOCK) {
        uint32_t orr = 0, orf = 0;
        for (uint32_t i = 0; i < n; i++) {
            orr |= gaps[i];
            orf |= tfm1[i];
        }
        unsigned bd = hd_bits(orr), bf = hd_bits(orf);
        hd_buf_addc(out, (char)bd);
        hd_bitpack(out, gaps, n, bd);
        hd_buf_addc(out, (char)bf);
        hd_bitpack(out, tfm1, n, bf);
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        hd_buf_varint(out, (uint64_t)gaps[i] << 1 | (tfm1[i] == 0));
        if (tfm1[i])
            hd_buf_varint(out, tfm1[i] + 1);
    }
}

/* Encode one term's postings into post (and count its position bytes per block). */
static hd_rc encode_term(hd_segw *w, const hd_mterm *e, hd_buf *post, hd_buf *scratch,
                         hd_buf *skips, uint32_t *docs, uint32_t *tfs, hd_err *err)
{
    hd_buf_clear(skips);
    hd_rc rc = decode_docs(w, e, docs, tfs, err);
    if (rc)
        return rc;
    uint8_t field = e->key[0];
    const uint8_t *norms = field < HD_N_TEXT_FIELDS ? (const uint8_t *)w->norms[field].p : NULL;
    hd_buf_clear(scratch);
    const uint8_t *pp = e->pos;
    size_t pleft = e->pos_len;
    uint32_t base = 0;
    uint32_t gaps[HD_BLOCK], tfm1[HD_BLOCK];
    for (uint32_t b0 = 0; b0 < e->df; b0 += HD_BLOCK) {
        uint32_t n = e->df - b0 < HD_BLOCK ? e->df - b0 : HD_BLOCK;
        size_t start = scratch->len;
        uint32_t max_tf = 0, pos_count = 0;
        uint8_t min_norm = 255;
        uint32_t last = base ? base - 1 : 0;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t d = docs[b0 + i];
            gaps[i] = i == 0 ? d - base : d - last - 1;
            tfm1[i] = tfs[b0 + i] - 1;
            last = d;
            if (tfs[b0 + i] > max_tf)
                max_tf = tfs[b0 + i];
            uint8_t nb = norms ? norms[d] : 0;
            if (nb < min_norm)
                min_norm = nb;
            pos_count += tfs[b0 + i];
        }
        pack_block(scratch, gaps, tfm1, n);
        size_t pos_len = 0;
        if (field < HD_N_TEXT_FIELDS) {
            pos_len = skip_varints(pp, pleft, pos_count);
            if (pos_len == SIZE_MAX)
                return hd_err_set(err, HD_EINVAL, "internal: short in-memory positions");
            pp += pos_len;
            pleft -= pos_len;
        }
        hd_buf_varint(skips, last - base);
        hd_buf_varint(skips, scratch->len - start);
        hd_buf_varint(skips, pos_len);
        hd_buf_varint(skips, max_tf);
        hd_buf_addc(skips, (char)min_norm);
        base = last + 1;
    }
    hd_buf_varint(post, skips->len);
    hd_buf_add(post, skips->p, skips->len);
    hd_buf_add(post, scratch->p, scratch->len);
    if (skips->oom || scratch->oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory encoding postings");
    return hd_buf_status(post, err);
}

/* The writer's own terms as a term source, in sorted order. */
typedef struct own_src {
    hd_segw *w;
    uint32_t *order;
    size_t i;
} own_src;

static hd_rc own_next(void *ud, hd_mterm *t, int *has, hd_err *err)
{
    own_src *o = ud;
    (void)err;
    *has = o->i < o->w->n_terms;
    if (!*has)
        return HD_OK;
    const term_ent *e = &o->w->terms[o->order[o->i++]];
    t->key = (const uint8_t *)o->w->keys.p + e->key_off;
    t->key_len = e->key_len;
    t->df = e->df;
    t->total_tf = e->total_tf;
    t->docs = e->docs.p;
    t->docs_len = e->docs.len;
    int text = t->key[0] < HD_N_TEXT_FIELDS;
    t->pos = text ? e->pos.p : NULL;
    t->pos_len = text ? e->pos.len : 0;
    return HD_OK;
}

hd_rc hd_segw_write(hd_segw *w, const char *dir, const char *name, uint8_t **out_del,
                    uint64_t *out_size, hd_err *err)
{
    uint32_t *order = hd_new(uint32_t, w->n_terms ? w->n_terms : 1);
    if (!order)
        return hd_err_set(err, HD_ENOMEM, "out of memory writing %s", name);
    for (size_t i = 0; i < w->n_terms; i++)
        order[i] = (uint32_t)i;
    qsort_r(order, w->n_terms, sizeof *order, cmp_terms, w);
    own_src o = {.w = w, .order = order};
    hd_term_src src = {.next = own_next, .ud = &o, .allpos = NULL};
    hd_rc rc = hd_segw_write_src(w, &src, dir, name, out_del, out_size, err);
    hd_free(order);
    return rc;
}

/* What writing one segment file holds: the writer and the buffers the sections are built in. */
typedef struct seg_out {
    fwriter f;
    hd_buf post, dict, didx, scratch, skips;
    uint32_t *docs, *tfs; /* a term's postings, decoded (n_docs entries) */
    uint64_t n_terms, n_blocks;
} seg_out;

/* Add a term's dictionary entry; starts a dictionary block every DICT_BLOCK_TERMS terms. */
static void dict_add(seg_out *o, const hd_mterm *e, uint64_t plen, uint64_t post_total,
                     uint64_t pos_total, uint8_t *prev_key, size_t *prev_len)
{
    if (o->n_terms % DICT_BLOCK_TERMS == 0) {
        hd_buf_u64(&o->didx, o->dict.len);
        hd_buf_u64(&o->didx, post_total);
        hd_buf_u64(&o->didx, pos_total);
        o->n_blocks++;
        *prev_len = 0;
    }
    size_t shared = 0;
    while (shared < *prev_len && shared < e->key_len && prev_key[shared] == e->key[shared])
        shared++;
    hd_buf_varint(&o->dict, shared);
    hd_buf_varint(&o->dict, e->key_len - shared);
    hd_buf_add(&o->dict, e->key + shared, e->key_len - shared);
    hd_buf_varint(&o->dict, e->df);
    hd_buf_varint(&o->dict, e->total_tf - e->df);
    hd_buf_varint(&o->dict, plen);
    hd_buf_varint(&o->dict, e->pos_len);
}

/* Postings, streamed to the file; dictionary built alongside. */
static hd_rc write_postings(hd_segw *w, const hd_term_src *src, seg_out *o, const char *name,
                            hd_err *err)
{
    uint64_t post_total = 0, pos_total = 0;
    uint8_t prev_key[HD_MAX_TERM + 16]; /* copied: a source may reuse its key buffer */
    size_t prev_len = 0;
    for (;;) {
        hd_mterm e;
        int has;
        hd_rc rc = src->next(src->ud, &e, &has, err);
        if (rc || !has)
            return rc;
        size_t before = o->post.len;
        if ((rc = encode_term(w, &e, &o->post, &o->scratch, &o->skips, o->docs, o->tfs, err)))
            return rc;
        uint64_t plen = o->post.len - before;
        dict_add(o, &e, plen, post_total, pos_total, prev_key, &prev_len);
        o->n_terms++;
        if (e.key_len > sizeof prev_key)
            return hd_err_set(err, HD_EINVAL, "internal: term key too long");
        memcpy(prev_key, e.key, e.key_len);
        prev_len = e.key_len;
        post_total += plen;
        pos_total += e.pos_len;
        if (o->post.len >= (4u << 20)) {
            fw_add(&o->f, o->post.p, o->post.len);
            hd_buf_clear(&o->post);
        }
        if (o->f.rc || o->dict.oom || o->didx.oom)
            return o->f.rc ? o->f.rc : hd_err_set(err, HD_ENOMEM, "out of memory writing %s", name);
    }
}

/* Every section after the postings, then the meta words and the trailer's magic. */
static void write_sections(hd_segw *w, const hd_term_src *src, seg_out *o)
{
    fwriter *f = &o->f;
    fw_add(f, o->post.p, o->post.len);
    uint64_t m[SEG_META_WORDS] = {0};
    m[M_MAX_DOC] = w->n_docs;
    m[M_N_TERMS] = o->n_terms;
    m[M_POS_OFF] = f->off;
    if (src->allpos) {
        fw_add(f, src->allpos->p, src->allpos->len);
    } else {
        own_src *os = src->ud;
        for (size_t t = 0; t < w->n_terms; t++) {
            const term_ent *e = &w->terms[os->order[t]];
            if ((uint8_t)w->keys.p[e->key_off] < HD_N_TEXT_FIELDS)
                fw_add(f, e->pos.p, e->pos.len);
        }
    }
    m[M_DICT_OFF] = f->off;
    fw_add(f, o->dict.p, o->dict.len);
    m[M_DICT_IDX_OFF] = f->off;
    m[M_N_DICT_BLOCKS] = o->n_blocks;
    fw_add(f, o->didx.p, o->didx.len);
    m[M_NORMS_OFF] = f->off;
    for (int fl = 0; fl < HD_N_TEXT_FIELDS; fl++)
        fw_add(f, w->norms[fl].p, w->norms[fl].len);
    m[M_DATES_OFF] = f->off;
    fw_add(f, w->dates.p, w->dates.len);
    m[M_MDICT_LEN] = w->meta.zdict.len;
    fw_add(f, w->meta.zdict.p, w->meta.zdict.len);
    m[M_BDICT_LEN] = w->body.zdict.len;
    fw_add(f, w->body.zdict.p, w->body.zdict.len);
    m[M_STORE_OFF] = f->off;
    fw_add(f, w->meta.out.p, w->meta.out.len);
    m[M_STORE_IDX_OFF] = f->off;
    m[M_N_STORE_BLOCKS] = w->meta.idx.len / STORE_IDX_ENTRY;
    fw_add(f, w->meta.idx.p, w->meta.idx.len);
    m[M_BODY_OFF] = f->off;
    fw_add(f, w->body.out.p, w->body.out.len);
    m[M_BODY_IDX_OFF] = f->off;
    m[M_N_BODY_BLOCKS] = w->body.idx.len / STORE_IDX_ENTRY;
    fw_add(f, w->body.idx.p, w->body.idx.len);
    for (int fl = 0; fl < HD_N_TEXT_FIELDS; fl++)
        m[M_FIELD_TOTAL + fl] = w->totals_src ? w->totals_src[fl] : w->field_total[fl];
    m[M_META_OFF] = f->off;
    fw_add(f, m, sizeof m);
    uint32_t tr[2] = {HD_MAGIC_SEG, HD_FORMAT_VERSION};
    fw_add(f, tr, sizeof tr);
}

/* The checksum of everything written, then fsync and close. */
static hd_rc seal(fwriter *f, hd_err *err)
{
    fw_flush(f);
    if (f->rc)
        return f->rc;
    uint64_t h = XXH64_digest(f->xx);
    fw_add(f, &h, 8);
    fw_flush(f);
    if (f->rc)
        return f->rc;
    if (fsync(f->fd) != 0)
        return hd_err_sys(err, HD_EIO, f->path, "cannot fsync");
    int fd = f->fd;
    f->fd = -1;
    if (close(fd) != 0)
        return hd_err_sys(err, HD_EIO, f->path, "cannot close");
    return HD_OK;
}

/* The deletion bitmap the new segment starts with (a copy), or NULL when none is deleted. */
static hd_rc copy_deletions(const hd_segw *w, uint8_t **out_del, hd_err *err)
{
    if (!w->n_deleted)
        return HD_OK;
    size_t n = ((size_t)w->n_docs + 7) / 8;
    uint8_t *bits = hd_calloc(n ? n : 1, 1);
    if (!bits)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    memcpy(bits, w->del.p, w->del.len < n ? w->del.len : n);
    *out_del = bits;
    return HD_OK;
}

static void seg_out_done(seg_out *o, hd_rc rc)
{
    if (o->f.fd >= 0) {
        close(o->f.fd);
        if (rc)
            unlink(o->f.path);
    }
    if (o->f.xx)
        XXH64_freeState(o->f.xx);
    hd_buf_done(&o->f.b);
    hd_buf_done(&o->post);
    hd_buf_done(&o->dict);
    hd_buf_done(&o->didx);
    hd_buf_done(&o->scratch);
    hd_buf_done(&o->skips);
    hd_free(o->docs);
    hd_free(o->tfs);
}

hd_rc hd_segw_write_src(hd_segw *w, const hd_term_src *src, const char *dir, const char *name,
                        uint8_t **out_del, uint64_t *out_size, hd_err *err)
{
    *out_del = NULL;
    if (hd_segw_broken(w))
        return hd_err_set(err, HD_ENOMEM, "internal: an inconsistent segment is not written");
    hd_rc rc = hd_zstore_finish(w, &w->meta, err);
    if (!rc)
        rc = hd_zstore_finish(w, &w->body, err);
    if (rc)
        return rc;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    seg_out o = {.f = {.fd = -1, .path = path, .err = err}};
    hd_buf_init(&o.f.b);
    hd_buf_init(&o.post);
    hd_buf_init(&o.dict);
    hd_buf_init(&o.didx);
    hd_buf_init(&o.scratch);
    hd_buf_init(&o.skips);
    o.docs = hd_new(uint32_t, w->n_docs ? w->n_docs : 1);
    o.tfs = hd_new(uint32_t, w->n_docs ? w->n_docs : 1);
    o.f.xx = XXH64_createState();
    if (!o.docs || !o.tfs || !o.f.xx) {
        rc = hd_err_set(err, HD_ENOMEM, "out of memory writing %s", name);
    } else {
        XXH64_reset(o.f.xx, 0);
        o.f.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (o.f.fd < 0)
            rc = hd_err_sys(err, HD_EIO, path, "cannot create");
    }
    if (!rc)
        rc = write_postings(w, src, &o, name, err);
    if (!rc) {
        write_sections(w, src, &o);
        rc = seal(&o.f, err);
    }
    if (!rc) {
        *out_size = o.f.off;
        rc = copy_deletions(w, out_del, err);
    }
    seg_out_done(&o, rc);
    return rc;
}
