/* SPDX-License-Identifier: MIT
 *
 * seg_reader.c — snapshot readers: hd_ixr (the segments of one manifest, mmapped and
 * checksum-verified at open, their section table and deletions checked) and per-segment
 * access to field norms, dates and deletions. The dictionary is read in seg_dict.c, stored
 * documents in seg_store.c, postings in postings.c. Callers: src/search, index.c, check.c.
 * Every decode is bounds-checked against the section it belongs to; damage gives
 * HD_ECORRUPT naming the file.
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

hd_rc hd_seg_corrupt(const hd_seg *s, hd_err *err, const char *what)
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
        return hd_seg_corrupt(s, err, "segment file truncated");
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
        return hd_seg_corrupt(s, err, "document count differs from the manifest");
    s->max_doc = (uint32_t)md;
    if (!sections_ok(s, meta_at))
        return hd_seg_corrupt(s, err, "bad section table");
    seg_sections(s);
    const uint8_t *dicts = s->dates + 4 * md;
    if (zdict_init(&s->mdict, dicts, s->meta[M_MDICT_LEN], 4 * STORE_BLOCK_RAW) ||
        zdict_init(&s->bdict, dicts + s->meta[M_MDICT_LEN], s->meta[M_BDICT_LEN],
                   4 * BODY_BLOCK_RAW))
        return hd_seg_corrupt(s, err, "bad stored-fields dictionary");
    if (!dict_idx_ok(s))
        return hd_seg_corrupt(s, err, "bad dictionary index");
    const uint64_t *M = s->meta;
    if (check_store_idx(s->store_idx, s->n_store_blocks, md, M[M_STORE_IDX_OFF] - M[M_STORE_OFF]) ||
        check_store_idx(s->body_idx, s->n_body_blocks, md, M[M_BODY_IDX_OFF] - M[M_BODY_OFF]))
        return hd_seg_corrupt(s, err, "bad stored-fields index");
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
