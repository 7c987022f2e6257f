/* SPDX-License-Identifier: MIT
 *
 * check.c — `herald check`: verify an index directory. Opening the snapshot already checks
 * every named file's trailer and checksum (MANIFEST, segments, deletion files) and the section
 * tables; this walks the structures inside each segment: the dictionary (sorted, counts), every
 * term's postings (doc order, doc frequency, total term frequency, block bounds), positions,
 * and every stored-fields block. The first problem found is reported with the file named.
 */
#include <stdio.h>
#include <string.h>
#include <zstd.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

static hd_rc bad(const hd_seg *s, hd_err *err, const char *what, const uint8_t *key, size_t n)
{
    char t[64];
    size_t k = n > 1 ? n - 1 : 0;
    if (k > 40)
        k = 40;
    memcpy(t, key + 1, k);
    t[k] = 0;
    for (size_t i = 0; i < k; i++)
        if ((unsigned char)t[i] < 32)
            t[i] = '?';
    return hd_err_setw(err, HD_ECORRUPT, s->name, "%s (term '%s')", what, t);
}

static hd_rc check_term(const hd_seg *s, const hd_dict_cursor *c, uint32_t *pos, size_t cap,
                        hd_err *err)
{
    hd_postings p;
    uint8_t field = c->key[0];
    int with_pos = field < HD_N_TEXT_FIELDS;
    if (hd_postings_open(&p, s, &c->ti, with_pos, NULL))
        return bad(s, err, "bad postings header", c->key, c->key_len);
    uint64_t n = 0, tf = 0;
    uint32_t prev = 0;
    hd_rc rc;
    while ((rc = hd_postings_next(&p)) == HD_OK) {
        if ((n && p.doc <= prev) || p.doc >= s->max_doc)
            return bad(s, err, "postings out of order", c->key, c->key_len);
        if (p.freq > p.sk_max_tf || (field < HD_N_TEXT_FIELDS &&
                                     s->norms[(size_t)field * s->max_doc + p.doc] < p.sk_min_norm))
            return bad(s, err, "block bound violated", c->key, c->key_len);
        prev = p.doc;
        n++;
        tf += p.freq;
        if (with_pos) {
            size_t np;
            if (p.freq > cap)
                continue; /* absurd tf: counted, positions skipped */
            if (hd_postings_positions(&p, pos, cap, &np) != HD_OK)
                return bad(s, err, "bad positions", c->key, c->key_len);
        }
    }
    if (rc != HD_DONE)
        return bad(s, err, "bad postings block", c->key, c->key_len);
    if (n != c->ti.doc_freq || tf != c->ti.total_tf)
        return bad(s, err, "postings do not match the dictionary counts", c->key, c->key_len);
    if (p.skip_p != p.skip_end)
        return bad(s, err, "unused skip data", c->key, c->key_len);
    return HD_OK;
}

static hd_rc check_store(const hd_seg *s, hd_err *err)
{
    uint64_t docs = 0;
    for (uint64_t b = 0; b < s->n_store_blocks; b++) {
        uint64_t first = hd_get_u64(s->store_idx + b * STORE_IDX_ENTRY);
        uint64_t next = b + 1 < s->n_store_blocks
                            ? hd_get_u64(s->store_idx + (b + 1) * STORE_IDX_ENTRY)
                            : s->max_doc;
        if (first != docs)
            return hd_err_setw(err, HD_ECORRUPT, s->name, "stored-fields index out of step");
        for (uint64_t d = first; d < next; d++) {
            hd_stored_doc sd;
            hd_rc rc = hd_seg_doc(s, (uint32_t)d, &sd, err);
            if (rc)
                return rc;
        }
        docs = next;
    }
    if (docs != s->max_doc)
        return hd_err_setw(err, HD_ECORRUPT, s->name, "stored documents missing");
    return HD_OK;
}

hd_rc hd_seg_check(const hd_seg *s, hd_err *err)
{
    size_t cap = 1u << 16;
    uint32_t *pos = hd_new(uint32_t, cap);
    if (!pos)
        return hd_err_set(err, HD_ENOMEM, "out of memory checking");
    hd_rc rc = HD_OK;
    uint64_t n_terms = 0;
    if (s->n_dict_blocks) {
        hd_dict_cursor c;
        uint8_t prev[HD_MAX_TERM + 8];
        size_t prev_len = 0;
        hd_dict_cursor_block(&c, s, 0, err);
        uint64_t blk = 0;
        while ((rc = hd_dict_cursor_next(&c, err)) == HD_OK) {
            if (c.block != blk || n_terms == 0) {
                blk = c.block;
                if (n_terms % DICT_BLOCK_TERMS != 0 && n_terms) {
                    rc = hd_err_setw(err, HD_ECORRUPT, s->name, "dictionary block too short");
                    break;
                }
            }
            if (c.key[0] >= HD_N_FIELDS ||
                (n_terms &&
                 (memcmp(prev, c.key, prev_len < c.key_len ? prev_len : c.key_len) > 0 ||
                  (memcmp(prev, c.key, prev_len < c.key_len ? prev_len : c.key_len) == 0 &&
                   prev_len >= c.key_len)))) {
                rc = bad(s, err, "dictionary out of order", c.key, c.key_len);
                break;
            }
            memcpy(prev, c.key, c.key_len);
            prev_len = c.key_len;
            n_terms++;
            if ((rc = check_term(s, &c, pos, cap, err)))
                break;
        }
        if (rc == HD_DONE)
            rc = HD_OK;
        if (!rc && c.post_off != s->meta[M_POS_OFF])
            rc = hd_err_setw(err, HD_ECORRUPT, s->name, "postings section size mismatch");
        if (!rc && c.pos_off != s->meta[M_DICT_OFF] - s->meta[M_POS_OFF])
            rc = hd_err_setw(err, HD_ECORRUPT, s->name, "positions section size mismatch");
    }
    if (!rc && n_terms != s->meta[M_N_TERMS])
        rc = hd_err_setw(err, HD_ECORRUPT, s->name, "term count mismatch");
    hd_free(pos);
    if (!rc)
        rc = check_store(s, err);
    return rc;
}

hd_rc hd_index_check_dir(const char *dir, hd_err *err)
{
    hd_ixr *r;
    hd_rc rc = hd_ixr_open(dir, &r, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < r->n_segs && !rc; i++)
        rc = hd_seg_check(&r->segs[i], err);
    hd_ixr_free(r);
    return rc;
}

hd_rc hd_index_check(const char *dir, hd_err *err)
{
    if (!dir)
        return hd_err_set(err, HD_EINVAL, "no index directory given");
    return hd_index_check_dir(dir, err);
}
