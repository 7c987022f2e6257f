/* SPDX-License-Identifier: MIT
 *
 * seg_dict.c — a segment's term dictionary: a cursor over its front-coded blocks, exact term
 * lookup (binary search over the block index, then a scan of one block) and prefix
 * enumeration. Callers: src/search (terms, prefix queries), merge.c and check.c (the cursor).
 * Every entry is bounds-checked against the dictionary and postings sections.
 */
#include <string.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

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
        return hd_seg_corrupt(s, err, "bad dictionary entry");
    *shared_out = (size_t)shared;
    *suf = c->p;
    *suf_len = (size_t)sl;
    c->p += sl;
    c->key_len = shared + sl;
    if (hd_varint_get(&c->p, c->end, &df) || hd_varint_get(&c->p, c->end, &xtf) ||
        hd_varint_get(&c->p, c->end, &plen) || hd_varint_get(&c->p, c->end, &poslen) || df == 0 ||
        df > s->max_doc || c->key_len < 1)
        return hd_seg_corrupt(s, err, "bad dictionary entry");
    uint64_t post_cap = s->meta[M_POS_OFF], pos_cap = s->meta[M_DICT_OFF] - s->meta[M_POS_OFF];
    if (plen > post_cap || c->post_off > post_cap - plen || poslen > pos_cap ||
        c->pos_off > pos_cap - poslen || xtf > UINT64_MAX / 2)
        return hd_seg_corrupt(s, err, "dictionary entry points outside the postings");
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
            return hd_seg_corrupt(s, err, "empty dictionary block");
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
            return hd_seg_corrupt(s, err, "bad dictionary block");
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
    uint64_t b = 0; /* set by find_block on success (initialised for -Os, which cannot see that) */
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
