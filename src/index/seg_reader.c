/* SPDX-License-Identifier: MIT
 *
 * seg_reader.c — snapshot readers: hd_ixr (the segments of one manifest, mmapped and
 * checksum-verified at open) and per-segment access: dictionary lookup and prefix
 * enumeration, field norms, dates, deletions, stored documents. Postings iterators are in
 * postings.c. Callers: src/search, index.c, check.c. Every decode is bounds-checked against
 * the section it belongs to; damage gives HD_ECORRUPT naming the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_createDDict_advanced: raw-content dictionary */
#include <zstd.h>

#include "base/err.h"
#include "base/fs.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

static hd_rc seg_corrupt(const hd_seg *s, hd_err *err, const char *what)
{
    return hd_err_setw(err, HD_ECORRUPT, s->name, "%s", what);
}

/* A stored-fields index must start at doc 0 / offset 0 and increase strictly. */
static int check_store_idx(const uint8_t *idx, uint64_t n, uint64_t max_doc, uint64_t size)
{
    uint64_t fd0 = 0, off0 = 0;
    for (uint64_t b = 0; b < n; b++) {
        uint64_t first = hd_get_u64(idx + b * STORE_IDX_ENTRY);
        uint64_t off = hd_get_u64(idx + b * STORE_IDX_ENTRY + 8);
        if ((b == 0 ? first != 0 || off != 0 : first <= fd0 || off <= off0) || first >= max_doc ||
            off >= size)
            return -1;
        fd0 = first;
        off0 = off;
    }
    return 0;
}

/* Note where a dictionary frame is; its content size must be stated and within bounds. The
 * frame itself is decompressed (and checked) by the first fetch that needs it. */
static int zdict_init(hd_zdict *d, const uint8_t *z, uint64_t len, size_t tail)
{
    d->tail = tail;
    if (len == 0)
        return 0;
    unsigned long long raw = ZSTD_getFrameContentSize(z, (size_t)len);
    if (raw == ZSTD_CONTENTSIZE_ERROR || raw == ZSTD_CONTENTSIZE_UNKNOWN || raw == 0 ||
        raw > HD_MAX_ZDICT)
        return -1;
    d->z = z;
    d->z_len = (size_t)len;
    return 0;
}

static void zdict_done(hd_zdict *d)
{
    ZSTD_freeDDict(d->dd);
    hd_free(d->raw);
    memset(d, 0, sizeof *d);
}

/* Open, map and check the trailer of a segment file. */
static hd_rc seg_map(const hd_ixr *r, hd_seg *s, int verify, hd_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", r->dir, s->name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return hd_err_sys(err, HD_EIO, s->name, "cannot open segment");
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return hd_err_sys(err, HD_EIO, s->name, "cannot stat");
    }
    s->size = (size_t)st.st_size;
    if (s->size < HD_TRAILER_LEN + SEG_META_WORDS * 8) {
        close(fd);
        return seg_corrupt(s, err, "segment file truncated");
    }
    void *m = mmap(NULL, s->size, PROT_READ, MAP_SHARED | (verify ? MAP_POPULATE : 0), fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return hd_err_sys(err, HD_EIO, s->name, "cannot map");
    s->map = m;
    /* The writer skips the checksum of segments it has just written and fsynced itself. */
    return verify ? hd_trailer_check(s->map, s->size, HD_MAGIC_SEG, s->name, err)
                  : hd_trailer_magic(s->map, s->size, HD_MAGIC_SEG, s->name, err);
}

/* Sections must be in order, contiguous where sizes are implied, inside the file. */
static int sections_ok(const hd_seg *s, size_t meta_at)
{
    const uint64_t *M = s->meta;
    uint64_t md = M[M_MAX_DOC];
    return M[M_POS_OFF] <= M[M_DICT_OFF] && M[M_DICT_OFF] <= M[M_DICT_IDX_OFF] &&
           M[M_N_DICT_BLOCKS] <= (M[M_NORMS_OFF] - M[M_DICT_IDX_OFF]) / DICT_IDX_ENTRY &&
           M[M_DICT_IDX_OFF] + M[M_N_DICT_BLOCKS] * DICT_IDX_ENTRY == M[M_NORMS_OFF] &&
           M[M_NORMS_OFF] + HD_N_TEXT_FIELDS * md == M[M_DATES_OFF] && M[M_MDICT_LEN] <= s->size &&
           M[M_BDICT_LEN] <= s->size &&
           M[M_DATES_OFF] + 4 * md + M[M_MDICT_LEN] + M[M_BDICT_LEN] == M[M_STORE_OFF] &&
           M[M_STORE_OFF] <= M[M_STORE_IDX_OFF] &&
           M[M_N_STORE_BLOCKS] <= (meta_at - M[M_STORE_IDX_OFF]) / STORE_IDX_ENTRY &&
           M[M_STORE_IDX_OFF] + M[M_N_STORE_BLOCKS] * STORE_IDX_ENTRY == M[M_BODY_OFF] &&
           M[M_BODY_OFF] <= M[M_BODY_IDX_OFF] &&
           M[M_N_BODY_BLOCKS] <= (meta_at - M[M_BODY_IDX_OFF]) / STORE_IDX_ENTRY &&
           M[M_BODY_IDX_OFF] + M[M_N_BODY_BLOCKS] * STORE_IDX_ENTRY == M[M_META_OFF] &&
           M[M_META_OFF] == meta_at &&
           (md == 0 || (M[M_N_STORE_BLOCKS] > 0 && M[M_N_BODY_BLOCKS] > 0));
}

static void seg_sections(hd_seg *s)
{
    const uint64_t *M = s->meta;
    s->post = s->map;
    s->pos = s->map + M[M_POS_OFF];
    s->pos_end = s->map + M[M_DICT_OFF];
    s->dict = s->map + M[M_DICT_OFF];
    s->dict_end = s->map + M[M_DICT_IDX_OFF];
    s->dict_idx = s->map + M[M_DICT_IDX_OFF];
    s->n_dict_blocks = M[M_N_DICT_BLOCKS];
    s->norms = s->map + M[M_NORMS_OFF];
    s->dates = s->map + M[M_DATES_OFF];
    s->store = s->map + M[M_STORE_OFF];
    s->store_end = s->map + M[M_STORE_IDX_OFF];
    s->store_idx = s->map + M[M_STORE_IDX_OFF];
    s->n_store_blocks = M[M_N_STORE_BLOCKS];
    s->body = s->map + M[M_BODY_OFF];
    s->body_end = s->map + M[M_BODY_IDX_OFF];
    s->body_idx = s->map + M[M_BODY_IDX_OFF];
    s->n_body_blocks = M[M_N_BODY_BLOCKS];
}

/* The dictionary index must be increasing and in range. */
static int dict_idx_ok(const hd_seg *s)
{
    const uint64_t *M = s->meta;
    uint64_t pb = 0, pp = 0, db = 0;
    for (uint64_t b = 0; b < s->n_dict_blocks; b++) {
        const uint8_t *e = s->dict_idx + b * DICT_IDX_ENTRY;
        uint64_t d = hd_get_u64(e), po = hd_get_u64(e + 8), ps = hd_get_u64(e + 16);
        if ((b == 0 ? d != 0 : d <= db) || d >= M[M_DICT_IDX_OFF] - M[M_DICT_OFF] || po < pb ||
            po > M[M_POS_OFF] || ps < pp || ps > M[M_DICT_OFF] - M[M_POS_OFF])
            return 0;
        db = d;
        pb = po;
        pp = ps;
    }
    return 1;
}

/* Check a deletion file's bytes against the manifest and copy its bitmap into s->del. */
static hd_rc parse_deletions(hd_seg *s, const hd_manifest_seg *ms, const hd_buf *b, hd_err *err)
{
    uint64_t md = s->max_doc;
    const uint8_t *p = (const uint8_t *)b->p;
    size_t nb = ((size_t)md + 7) / 8;
    hd_rc rc = hd_trailer_check(p, b->len, HD_MAGIC_DEL, s->del_name, err);
    if (rc)
        return rc;
    if (b->len != 8 + nb + HD_TRAILER_LEN || hd_get_u32(p) != md ||
        hd_get_u32(p + 4) != ms->n_deleted)
        return hd_err_setw(err, HD_ECORRUPT, s->del_name, "deletion file does not match");
    s->del = hd_malloc(nb ? nb : 1);
    if (!s->del)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    memcpy(s->del, p + 8, nb);
    uint64_t cnt = 0;
    for (size_t i = 0; i < nb; i++)
        cnt += (unsigned)__builtin_popcount(s->del[i]);
    if (cnt != ms->n_deleted || (md % 8 && (s->del[nb - 1] >> (md % 8))))
        return hd_err_setw(err, HD_ECORRUPT, s->del_name, "bad deletion count");
    return HD_OK;
}

/* The segment's deletion bitmap, from its file. */
static hd_rc seg_deletions(const hd_ixr *r, hd_seg *s, const hd_manifest_seg *ms, hd_err *err)
{
    if (!ms->del_gen)
        return ms->n_deleted
                   ? hd_err_setw(err, HD_ECORRUPT, HD_MANIFEST_NAME, "deletions without a file")
                   : HD_OK;
    s->del_gen = ms->del_gen;
    hd_del_filename(s->del_name, ms->id, ms->del_gen);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", r->dir, s->del_name);
    hd_buf b;
    hd_buf_init(&b);
    /* HD_EIO keeps its message: missing or unreadable */
    hd_rc rc = hd_fs_read_all(path, ((size_t)s->max_doc + 7) / 8 + 64, &b, err);
    if (rc == HD_ELIMIT) {
        hd_err_clear(err);
        rc = hd_err_setw(err, HD_ECORRUPT, s->del_name, "deletion file too large");
    }
    if (!rc)
        rc = parse_deletions(s, ms, &b, err);
    hd_buf_done(&b);
    if (!rc)
        s->n_deleted = ms->n_deleted;
    return rc;
}

static hd_rc seg_open(hd_ixr *r, hd_seg *s, const hd_manifest_seg *ms, int verify, hd_err *err)
{
    s->ixr = r;
    s->id = ms->id;
    hd_seg_filename(s->name, ms->id);
    hd_rc rc = seg_map(r, s, verify, err);
    if (rc)
        return rc;
    size_t meta_at = s->size - HD_TRAILER_LEN - SEG_META_WORDS * 8;
    memcpy(s->meta, s->map + meta_at, sizeof s->meta);
    uint64_t md = s->meta[M_MAX_DOC];
    if (md != ms->max_doc || md >= UINT32_MAX)
        return seg_corrupt(s, err, "document count differs from the manifest");
    s->max_doc = (uint32_t)md;
    if (!sections_ok(s, meta_at))
        return seg_corrupt(s, err, "bad section table");
    seg_sections(s);
    const uint8_t *dicts = s->dates + 4 * md;
    if (zdict_init(&s->mdict, dicts, s->meta[M_MDICT_LEN], 4 * STORE_BLOCK_RAW) ||
        zdict_init(&s->bdict, dicts + s->meta[M_MDICT_LEN], s->meta[M_BDICT_LEN],
                   4 * BODY_BLOCK_RAW))
        return seg_corrupt(s, err, "bad stored-fields dictionary");
    if (!dict_idx_ok(s))
        return seg_corrupt(s, err, "bad dictionary index");
    const uint64_t *M = s->meta;
    if (check_store_idx(s->store_idx, s->n_store_blocks, md, M[M_STORE_IDX_OFF] - M[M_STORE_OFF]) ||
        check_store_idx(s->body_idx, s->n_body_blocks, md, M[M_BODY_IDX_OFF] - M[M_BODY_OFF]))
        return seg_corrupt(s, err, "bad stored-fields index");
    return seg_deletions(r, s, ms, err);
}

static void seg_close(hd_seg *s)
{
    zdict_done(&s->mdict);
    zdict_done(&s->bdict);
    if (s->map)
        munmap((void *)s->map, s->size);
    hd_free(s->del);
    memset(s, 0, sizeof *s);
}

void hd_ixr_free(hd_ixr *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_segs; i++)
        seg_close(&r->segs[i]);
    hd_free(r->segs);
    hd_free(r->dir);
    for (size_t i = 0; i < HD_META_CACHE; i++) {
        hd_buf_done(&r->mcache[i].data);
        hd_free(r->mcache[i].recs);
    }
    for (size_t i = 0; i < HD_BODY_CACHE; i++) {
        hd_buf_done(&r->bcache[i].data);
        hd_free(r->bcache[i].recs);
    }
    ZSTD_freeDCtx(r->dctx);
    hd_buf_done(&r->docbuf);
    if (r->ext_free)
        r->ext_free(r->ext);
    hd_free(r);
}

void *hd_ixr_ext(const hd_ixr *r)
{
    return r ? r->ext : NULL;
}

void hd_ixr_set_ext(const hd_ixr *r, void *ext, void (*free_fn)(void *))
{
    hd_ixr *w = (hd_ixr *)r; /* allocated mutable: a cache of the handle, as the block caches */
    if (w->ext_free && w->ext != ext)
        w->ext_free(w->ext);
    w->ext = ext;
    w->ext_free = free_fn;
}

hd_rc hd_ixr_open_manifest(const char *dir, const hd_manifest *m, int verify, hd_ixr **out,
                           hd_err *err)
{
    *out = NULL;
    hd_ixr *r = hd_new0(hd_ixr, 1);
    if (!r || !(r->dir = hd_strdup(dir)) ||
        !(r->segs = hd_new0(hd_seg, m->n_segs ? m->n_segs : 1))) {
        hd_ixr_free(r);
        return hd_err_set(err, HD_ENOMEM, "out of memory opening the index");
    }
    for (size_t i = 0; i < HD_META_CACHE; i++)
        hd_buf_init(&r->mcache[i].data);
    for (size_t i = 0; i < HD_BODY_CACHE; i++)
        hd_buf_init(&r->bcache[i].data);
    if (!(r->dctx = ZSTD_createDCtx())) {
        hd_ixr_free(r);
        return hd_err_set(err, HD_ENOMEM, "out of memory opening the index");
    }
    hd_buf_init(&r->docbuf);
    r->gen = m->gen;
    r->next_seg_id = m->next_seg_id;
    memcpy(r->language, m->language, sizeof r->language);
    for (size_t i = 0; i < m->n_segs; i++) {
        hd_rc rc = seg_open(r, &r->segs[i], &m->segs[i], verify, err);
        r->n_segs = i + 1;
        if (rc) {
            hd_ixr_free(r);
            return rc;
        }
        hd_seg *s = &r->segs[i];
        r->max_doc += s->max_doc;
        r->n_docs += s->max_doc - s->n_deleted;
        for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
            r->field_total[f] += s->meta[M_FIELD_TOTAL + f];
    }
    *out = r;
    return HD_OK;
}

hd_rc hd_ixr_open(const char *dir, hd_ixr **out, hd_err *err)
{
    *out = NULL;
    uint64_t last_gen = UINT64_MAX;
    for (int attempt = 0;; attempt++) {
        hd_manifest m;
        hd_rc rc = hd_manifest_read(dir, &m, err);
        if (rc)
            return rc;
        hd_err e2 = {0};
        rc = hd_ixr_open_manifest(dir, &m, 1, out, &e2);
        uint64_t gen = m.gen;
        hd_manifest_done(&m);
        if (rc == HD_OK)
            return HD_OK;
        /* A writer may have committed and removed files of the manifest we read: retry
         * while the generation moves. */
        if (rc == HD_EIO && e2.sys_errno == ENOENT && gen != last_gen && attempt < 100) {
            last_gen = gen;
            continue;
        }
        if (rc == HD_EIO && e2.sys_errno == ENOENT)
            rc = HD_ECORRUPT;
        if (err && err->code == HD_OK) {
            *err = e2;
            err->code = rc;
        }
        return rc;
    }
}

size_t hd_ixr_n_segments(const hd_ixr *r)
{
    return r->n_segs;
}
const hd_seg *hd_ixr_segment(const hd_ixr *r, size_t i)
{
    return i < r->n_segs ? &r->segs[i] : NULL;
}
uint64_t hd_ixr_generation(const hd_ixr *r)
{
    return r->gen;
}
const char *hd_ixr_language(const hd_ixr *r)
{
    return r->language;
}
uint64_t hd_ixr_max_doc(const hd_ixr *r)
{
    return r->max_doc;
}
uint64_t hd_ixr_n_docs(const hd_ixr *r)
{
    return r->n_docs;
}
uint64_t hd_ixr_field_total(const hd_ixr *r, hd_field f)
{
    return (unsigned)f < HD_N_TEXT_FIELDS ? r->field_total[f] : 0;
}

uint64_t hd_ixr_doc_freq(const hd_ixr *r, hd_field field, const char *term, size_t len)
{
    uint64_t df = 0;
    for (size_t i = 0; i < r->n_segs; i++) {
        hd_terminfo ti;
        if (hd_seg_term(&r->segs[i], field, term, len, &ti, NULL) == HD_OK)
            df += ti.doc_freq;
    }
    return df;
}

uint32_t hd_seg_max_doc(const hd_seg *s)
{
    return s->max_doc;
}
uint32_t hd_seg_n_deleted(const hd_seg *s)
{
    return s->n_deleted;
}
int hd_seg_is_deleted(const hd_seg *s, uint32_t doc)
{
    return s->del && doc < s->max_doc && (s->del[doc >> 3] >> (doc & 7) & 1);
}
const uint8_t *hd_seg_field_norms(const hd_seg *s, hd_field f)
{
    return (unsigned)f < HD_N_TEXT_FIELDS ? s->norms + (size_t)f * s->max_doc : NULL;
}

uint8_t hd_seg_field_norm(const hd_seg *s, hd_field f, uint32_t doc)
{
    if ((unsigned)f >= HD_N_TEXT_FIELDS || doc >= s->max_doc)
        return 0;
    return s->norms[(size_t)f * s->max_doc + doc];
}
uint32_t hd_seg_field_len(const hd_seg *s, hd_field f, uint32_t doc)
{
    return hd_fieldnorm_decode(hd_seg_field_norm(s, f, doc));
}
uint64_t hd_seg_field_total(const hd_seg *s, hd_field f)
{
    return (unsigned)f < HD_N_TEXT_FIELDS ? s->meta[M_FIELD_TOTAL + f] : 0;
}
int32_t hd_seg_date(const hd_seg *s, uint32_t doc)
{
    if (doc >= s->max_doc)
        return HD_NO_DATE;
    int32_t v;
    memcpy(&v, s->dates + (size_t)doc * 4, 4);
    return v;
}
const char *hd_seg_name(const hd_seg *s)
{
    return s->name;
}

/* ---- Dictionary ----------------------------------------------------------------------- */

hd_rc hd_dict_cursor_block(hd_dict_cursor *c, const hd_seg *s, uint64_t b, hd_err *err)
{
    c->seg = s;
    c->block = b;
    const uint8_t *e = s->dict_idx + b * DICT_IDX_ENTRY;
    c->p = s->dict + hd_get_u64(e);
    c->end = b + 1 < s->n_dict_blocks ? s->dict + hd_get_u64(e + DICT_IDX_ENTRY) : s->dict_end;
    c->post_off = hd_get_u64(e + 8);
    c->pos_off = hd_get_u64(e + 16);
    c->key_len = 0;
    (void)err;
    return HD_OK;
}

/* Decode the entry at c->p (< c->end) into c->ti and c->key_len, leaving its key's suffix
 * in *suf (shared: the bytes it keeps of the previous key) and c->key untouched. */
static hd_rc entry_read(hd_dict_cursor *c, size_t *shared_out, const uint8_t **suf, size_t *suf_len,
                        hd_err *err)
{
    const hd_seg *s = c->seg;
    uint64_t shared, sl, df, xtf, plen, poslen;
    if (hd_varint_get(&c->p, c->end, &shared) || hd_varint_get(&c->p, c->end, &sl) ||
        shared > c->key_len || sl > sizeof c->key - 1 - shared || (uint64_t)(c->end - c->p) < sl)
        return seg_corrupt(s, err, "bad dictionary entry");
    *shared_out = (size_t)shared;
    *suf = c->p;
    *suf_len = (size_t)sl;
    c->p += sl;
    c->key_len = shared + sl;
    if (hd_varint_get(&c->p, c->end, &df) || hd_varint_get(&c->p, c->end, &xtf) ||
        hd_varint_get(&c->p, c->end, &plen) || hd_varint_get(&c->p, c->end, &poslen) || df == 0 ||
        df > s->max_doc || c->key_len < 1)
        return seg_corrupt(s, err, "bad dictionary entry");
    uint64_t post_cap = s->meta[M_POS_OFF], pos_cap = s->meta[M_DICT_OFF] - s->meta[M_POS_OFF];
    if (plen > post_cap || c->post_off > post_cap - plen || poslen > pos_cap ||
        c->pos_off > pos_cap - poslen || xtf > UINT64_MAX / 2)
        return seg_corrupt(s, err, "dictionary entry points outside the postings");
    c->ti.doc_freq = (uint32_t)df;
    c->ti.total_tf = df + xtf;
    c->ti.post_off = c->post_off;
    c->ti.post_len = plen;
    c->ti.pos_off = c->pos_off;
    c->ti.pos_len = poslen;
    c->post_off += plen;
    c->pos_off += poslen;
    return HD_OK;
}

hd_rc hd_dict_cursor_next(hd_dict_cursor *c, hd_err *err)
{
    const hd_seg *s = c->seg;
    if (c->p >= c->end) {
        if (c->block + 1 >= s->n_dict_blocks)
            return HD_DONE;
        hd_dict_cursor_block(c, s, c->block + 1, err);
        if (c->p >= c->end)
            return seg_corrupt(s, err, "empty dictionary block");
    }
    size_t shared, suf_len;
    const uint8_t *suf;
    hd_rc rc = entry_read(c, &shared, &suf, &suf_len, err);
    if (!rc)
        memcpy(c->key + shared, suf, suf_len);
    return rc;
}

/* Keys are short (a field byte and a word) and differ early: a byte loop beats a memcmp
 * call here, which the dictionary lookup of every query term makes a dozen times. */
static int key_cmp(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    size_t n = an < bn ? an : bn;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return an < bn ? -1 : an > bn;
}

/* Index of the last block whose first key is <= key (0 when none). */
static hd_rc find_block(const hd_seg *s, const uint8_t *key, size_t n, uint64_t *out, hd_err *err)
{
    uint64_t lo = 0, hi = s->n_dict_blocks;
    while (hi - lo > 1) {
        uint64_t mid = lo + (hi - lo) / 2;
        const uint8_t *p = s->dict + hd_get_u64(s->dict_idx + mid * DICT_IDX_ENTRY);
        uint64_t shared, len;
        if (hd_varint_get(&p, s->dict_end, &shared) || hd_varint_get(&p, s->dict_end, &len) ||
            shared != 0 || (uint64_t)(s->dict_end - p) < len)
            return seg_corrupt(s, err, "bad dictionary block");
        if (key_cmp(p, len, key, n) <= 0)
            lo = mid;
        else
            hi = mid;
    }
    *out = lo;
    return HD_OK;
}

/* Build the dictionary key (field byte + text) in key[] and put a cursor at the start of the
 * block that may hold it. The caller checks len <= HD_MAX_TERM and a non-empty dictionary. */
static hd_rc seek_key(const hd_seg *s, hd_field field, const char *text, size_t len, uint8_t *key,
                      hd_dict_cursor *c, hd_err *err)
{
    key[0] = (uint8_t)field;
    memcpy(key + 1, text, len);
    uint64_t b;
    hd_rc rc = find_block(s, key, len + 1, &b, err);
    if (rc)
        return rc;
    hd_dict_cursor_block(c, s, b, err);
    return HD_OK;
}

hd_rc hd_seg_term(const hd_seg *s, hd_field field, const char *term, size_t len, hd_terminfo *out,
                  hd_err *err)
{
    uint8_t key[HD_MAX_TERM + 8];
    if (len > HD_MAX_TERM || s->n_dict_blocks == 0)
        return HD_ENOTFOUND;
    hd_dict_cursor c;
    hd_rc rc = seek_key(s, field, term, len, key, &c, err);
    if (rc)
        return rc;
    /* Scan the block without rebuilding its keys: m = bytes of key the current entry's key
     * has in common with it. An entry keeping fewer than m bytes of the previous key is past
     * key (keys increase), one keeping more is still before it; only one keeping exactly m
     * is compared, from byte m on. */
    size_t n = len + 1, m = 0;
    while (c.p < c.end) {
        size_t shared, sl;
        const uint8_t *suf;
        if ((rc = entry_read(&c, &shared, &suf, &sl, err)))
            return rc;
        if (shared < m)
            break;
        if (shared > m)
            continue;
        size_t i = 0;
        while (i < sl && m + i < n && suf[i] == key[m + i])
            i++;
        m += i;
        if (m == n) {
            if (i == sl) {
                *out = c.ti;
                return HD_OK;
            }
            break; /* key is a prefix of this entry's */
        }
        if (i < sl && suf[i] > key[m])
            break;
    }
    return HD_ENOTFOUND;
}

hd_rc hd_seg_terms_prefix(const hd_seg *s, hd_field field, const char *prefix, size_t len,
                          size_t max_terms, hd_term_fn fn, void *ud, hd_err *err)
{
    uint8_t key[HD_MAX_TERM + 8];
    if (len > HD_MAX_TERM || s->n_dict_blocks == 0)
        return HD_OK;
    hd_dict_cursor c;
    hd_rc rc = seek_key(s, field, prefix, len, key, &c, err);
    if (rc)
        return rc;
    size_t n = 0;
    while ((rc = hd_dict_cursor_next(&c, err)) == HD_OK) {
        int k = key_cmp(c.key, c.key_len < len + 1 ? c.key_len : len + 1, key, len + 1);
        if (k < 0)
            continue;
        if (k > 0)
            break;
        if (n++ >= max_terms)
            return hd_err_set(err, HD_ELIMIT, "prefix matches more than %zu terms", max_terms);
        if (fn(ud, (const char *)c.key + 1, c.key_len - 1, &c.ti))
            break;
    }
    return rc == HD_DONE ? HD_OK : rc;
}

/* ---- Stored documents ----------------------------------------------------------------- */

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
        return seg_corrupt(s, err, "stored-fields dictionary does not decompress");
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
            return seg_corrupt(s, err, "bad stored-fields block");
        unsigned long long raw = ZSTD_getFrameContentSize(zp, (size_t)(ze - zp));
        if (raw == ZSTD_CONTENTSIZE_ERROR || raw == ZSTD_CONTENTSIZE_UNKNOWN || raw > STORE_MAX_RAW)
            return seg_corrupt(s, err, "bad stored-fields block");
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
            return seg_corrupt(s, err, "stored-fields block does not decompress");
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
                return seg_corrupt(s, err, "bad stored document");
        }
        c->n_recs = n;
    }
    if (k >= c->n_recs)
        return seg_corrupt(s, err, "bad stored document");
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
        return seg_corrupt(s, err, "stored body does not match its record");
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
                return seg_corrupt(s, err, "bad speaker reference");
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
