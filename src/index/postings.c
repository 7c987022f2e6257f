/* SPDX-License-Identifier: MIT
 *
 * postings.c — the postings iterator over one term of one segment: next, seek, shallow seek
 * over skip entries with per-block bounds for block-max WAND, and positions. The on-disk
 * layout is described in seg_writer.c. Every read is checked against the term's byte range;
 * damage sets a sticky HD_ECORRUPT. Callers: src/search, check.c, index.c (merge).
 */
#include <stddef.h>
#include <string.h>

#include "base/err.h"
#include "index/codec.h"
#include "index/seg.h"

static hd_rc corrupt(hd_postings *p)
{
    p->rc = HD_ECORRUPT;
    p->doc = HD_DOC_END;
    return HD_ECORRUPT;
}

/* Read the skip entry of block sk_blk + 1 (or of block 0 when first). */
static hd_rc read_skip(hd_postings *p, int first)
{
    uint64_t d, len, plen, mtf;
    if (hd_varint_get(&p->skip_p, p->skip_end, &d) ||
        hd_varint_get(&p->skip_p, p->skip_end, &len) ||
        hd_varint_get(&p->skip_p, p->skip_end, &plen) ||
        hd_varint_get(&p->skip_p, p->skip_end, &mtf) || p->skip_p >= p->skip_end)
        return corrupt(p);
    uint8_t mn = *p->skip_p++;
    uint64_t base, data_off, pos_off;
    if (first) {
        base = 0;
        data_off = 0;
        pos_off = 0;
        p->sk_blk = 0;
    } else {
        base = (uint64_t)p->sk_last + 1;
        data_off = p->sk_data_off + p->sk_len;
        pos_off = p->sk_pos_off + p->sk_pos_len;
        p->sk_blk++;
    }
    uint64_t last = base + d;
    uint64_t data_cap = (uint64_t)(p->data_end - p->data);
    uint64_t pos_cap = (uint64_t)(p->pos_end - p->pos_base);
    if (last >= p->seg->max_doc || len > data_cap || data_off > data_cap - len ||
        (p->with_pos && (plen > pos_cap || pos_off > pos_cap - plen)) || mtf == 0 ||
        mtf > UINT32_MAX)
        return corrupt(p);
    p->sk_base = (uint32_t)base;
    p->sk_last = (uint32_t)last;
    p->sk_data_off = data_off;
    p->sk_len = len;
    p->sk_pos_off = pos_off;
    p->sk_pos_len = plen;
    p->sk_max_tf = (uint32_t)mtf;
    p->sk_min_norm = mn;
    return HD_OK;
}

/* Put the skip cursor on block k (going back to the start when it is past k). */
static hd_rc skip_to_block(hd_postings *p, uint32_t k)
{
    if (p->sk_blk > k) {
        p->skip_p = p->skip_start;
        if (read_skip(p, 1))
            return p->rc;
    }
    while (p->sk_blk < k)
        if (read_skip(p, 0))
            return p->rc;
    return HD_OK;
}

hd_rc hd_postings_open(hd_postings *p, const hd_seg *s, const hd_terminfo *ti, int with_positions,
                       hd_err *err)
{
    memset(p, 0, offsetof(hd_postings, docs));
    p->seg = s;
    p->doc = HD_DOC_END;
    p->blk = UINT32_MAX;
    p->with_pos = with_positions;
    uint64_t post_cap = s->meta[M_POS_OFF], pos_cap = s->meta[M_DICT_OFF] - s->meta[M_POS_OFF];
    if (ti->doc_freq == 0 || ti->doc_freq > s->max_doc || ti->post_len > post_cap ||
        ti->post_off > post_cap - ti->post_len || ti->pos_len > pos_cap ||
        ti->pos_off > pos_cap - ti->pos_len)
        return hd_err_setw(err, corrupt(p), s->name, "bad term info");
    const uint8_t *q = s->post + ti->post_off, *end = q + ti->post_len;
    uint64_t skip_len;
    if (hd_varint_get(&q, end, &skip_len) || skip_len > (uint64_t)(end - q))
        return hd_err_setw(err, corrupt(p), s->name, "bad postings header");
    p->skip_p = q;
    p->skip_start = q;
    p->skip_end = q + skip_len;
    p->data = q + skip_len;
    p->data_end = end;
    p->pos_base = s->pos + ti->pos_off;
    p->pos_end = p->pos_base + ti->pos_len;
    p->df = ti->doc_freq;
    p->n_blocks = (ti->doc_freq + HD_BLOCK - 1) / HD_BLOCK;
    if (read_skip(p, 1))
        return hd_err_setw(err, HD_ECORRUPT, s->name, "bad postings skip data");
    p->doc = 0;
    return HD_OK;
}

/* Decode the block under the skip cursor. */
static hd_rc decode_block(hd_postings *p)
{
    uint32_t k = p->sk_blk;
    uint32_t n = k + 1 == p->n_blocks ? p->df - k * HD_BLOCK : HD_BLOCK;
    const uint8_t *q = p->data + p->sk_data_off, *end = q + p->sk_len;
    uint64_t d = p->sk_base;
    if (n == HD_BLOCK) {
        if (q >= end)
            return corrupt(p);
        unsigned bd = *q++;
        if (bd > 32 || (size_t)(end - q) < hd_packed_len(n, bd) + 1)
            return corrupt(p);
        hd_bitunpack(q, p->docs, n, bd);
        q += hd_packed_len(n, bd);
        unsigned bf = *q++;
        if (bf > 32 || (size_t)(end - q) != hd_packed_len(n, bf))
            return corrupt(p);
        hd_bitunpack(q, p->freqs, n, bf);
        for (uint32_t i = 0; i < n; i++) {
            d += p->docs[i] + (i ? 1u : 0u);
            p->docs[i] = (uint32_t)d;
            p->freqs[i] += 1;
            if (p->freqs[i] == 0)
                return corrupt(p);
        }
        if (d != p->sk_last)
            return corrupt(p);
    } else {
        for (uint32_t i = 0; i < n; i++) {
            uint64_t g, tf = 1;
            if (hd_varint_get(&q, end, &g))
                return corrupt(p);
            if (!(g & 1) && (hd_varint_get(&q, end, &tf) || tf < 2 || tf > UINT32_MAX))
                return corrupt(p);
            d += (g >> 1) + (i ? 1u : 0u);
            if (d > p->sk_last)
                return corrupt(p);
            p->docs[i] = (uint32_t)d;
            p->freqs[i] = (uint32_t)tf;
        }
        if (q != end || d != p->sk_last)
            return corrupt(p);
    }
    p->blk = k;
    p->n_in_blk = n;
    p->i = 0;
    p->blk_pos_off = p->sk_pos_off;
    p->blk_pos_len = p->sk_pos_len;
    p->pos_cur = p->pos_base + p->blk_pos_off;
    p->pos_i = 0;
    p->doc = p->docs[0];
    p->freq = p->freqs[0];
    return HD_OK;
}

hd_rc hd_postings_next_block(hd_postings *p)
{
    if (p->rc)
        return p->rc;
    if (p->blk != UINT32_MAX && p->i + 1 < p->n_in_blk) {
        p->i++;
        p->doc = p->docs[p->i];
        p->freq = p->freqs[p->i];
        return HD_OK;
    }
    uint32_t nb = p->blk == UINT32_MAX ? 0 : p->blk + 1;
    if (nb >= p->n_blocks) {
        p->doc = HD_DOC_END;
        p->blk = p->n_blocks;
        p->i = 0;
        p->n_in_blk = 0;
        return HD_DONE;
    }
    if (p->sk_blk != nb && skip_to_block(p, nb))
        return p->rc;
    return decode_block(p);
}

hd_rc hd_postings_shallow_seek(hd_postings *p, uint32_t target)
{
    if (p->rc)
        return p->rc;
    while (p->sk_last < target) {
        if (p->sk_blk + 1 >= p->n_blocks)
            return HD_DONE;
        if (read_skip(p, 0))
            return p->rc;
    }
    return HD_OK;
}

hd_rc hd_postings_seek_block(hd_postings *p, uint32_t target)
{
    if (p->rc)
        return p->rc;
    if (p->blk != UINT32_MAX && p->blk >= p->n_blocks)
        return HD_DONE;
    if (p->blk != UINT32_MAX && p->doc >= target)
        return HD_OK;
    if (p->blk == UINT32_MAX || p->docs[p->n_in_blk - 1] < target) {
        /* Move to the block holding target: the first block after the decoded one whose
         * last doc is >= target. A shallow seek may have moved the skip cursor further. */
        uint32_t from = p->blk == UINT32_MAX ? 0 : p->blk + 1;
        if (from >= p->n_blocks) {
            p->doc = HD_DOC_END;
            p->blk = p->n_blocks;
            p->n_in_blk = 0;
            return HD_DONE;
        }
        if (p->sk_blk > from && p->sk_base > target && skip_to_block(p, from))
            return p->rc;
        if (p->sk_blk < from && skip_to_block(p, from))
            return p->rc;
        hd_rc rc = hd_postings_shallow_seek(p, target);
        if (rc == HD_DONE) {
            p->doc = HD_DOC_END;
            p->blk = p->n_blocks;
            p->n_in_blk = 0;
            return HD_DONE;
        }
        if (rc)
            return rc;
        if ((rc = decode_block(p)))
            return rc;
    }
    while (p->docs[p->i] < target)
        p->i++; /* the block's last doc is >= target */
    p->doc = p->docs[p->i];
    p->freq = p->freqs[p->i];
    return HD_OK;
}

uint32_t hd_postings_block_last_doc(const hd_postings *p)
{
    return p->sk_last;
}
uint32_t hd_postings_block_max_tf(const hd_postings *p)
{
    return p->sk_max_tf;
}
uint8_t hd_postings_block_min_norm(const hd_postings *p)
{
    return p->sk_min_norm;
}

void hd_postings_term_bounds(const hd_postings *p, uint32_t *out_max_tf, uint8_t *out_min_norm)
{
    /* Walk a copy of the skip cursor (the doc arrays are not needed). */
    hd_postings c;
    memcpy(&c, p, offsetof(hd_postings, docs));
    uint32_t mtf = c.sk_max_tf;
    uint8_t mn = c.sk_min_norm;
    while (c.sk_blk + 1 < c.n_blocks && read_skip(&c, 0) == HD_OK) {
        if (c.sk_max_tf > mtf)
            mtf = c.sk_max_tf;
        if (c.sk_min_norm < mn)
            mn = c.sk_min_norm;
    }
    *out_max_tf = mtf;
    *out_min_norm = mn;
}

hd_rc hd_postings_positions(hd_postings *p, uint32_t *out, size_t cap, size_t *out_n)
{
    *out_n = 0;
    if (p->rc)
        return p->rc;
    if (!p->with_pos || p->blk == UINT32_MAX || p->blk >= p->n_blocks)
        return HD_EINVAL;
    if (cap < p->freq)
        return HD_ELIMIT;
    const uint8_t *end = p->pos_base + p->blk_pos_off + p->blk_pos_len;
    if (p->pos_i > p->i) { /* positions already consumed past this doc: restart block */
        p->pos_cur = p->pos_base + p->blk_pos_off;
        p->pos_i = 0;
    }
    if (p->pos_i < p->i) {
        /* Skip the positions of the docs passed over: as many varints as their frequencies
         * add up to. A varint ends at a byte below 0x80, so eight bytes at a time are skipped
         * by counting those bytes while the count stays short of the goal. */
        uint64_t skip = 0;
        for (uint32_t k = p->pos_i; k < p->i; k++)
            skip += p->freqs[k];
        const uint8_t *q = p->pos_cur;
        while (end - q >= 8) {
            uint64_t w;
            memcpy(&w, q, 8);
            /* one 0/1 per byte, summed into the top byte by the multiply */
            unsigned ends =
                (unsigned)((((~w & 0x8080808080808080ull) >> 7) * 0x0101010101010101ull) >> 56);
            if (ends >= skip)
                break;
            skip -= ends;
            q += 8;
        }
        for (; skip; skip--) {
            do {
                if (q >= end)
                    return corrupt(p);
            } while (*q++ & 0x80);
        }
        p->pos_cur = q;
        p->pos_i = p->i;
    }
    uint64_t pos = 0;
    for (uint32_t k = 0; k < p->freq; k++) {
        uint64_t dlt;
        if (hd_varint_get(&p->pos_cur, end, &dlt))
            return corrupt(p);
        pos += dlt;
        if ((k && dlt == 0) || pos > UINT32_MAX)
            return corrupt(p);
        out[k] = (uint32_t)pos;
    }
    p->pos_i++;
    *out_n = p->freq;
    return HD_OK;
}
