/* SPDX-License-Identifier: MIT
 *
 * merge.c — merging segments into one without re-analysis. Live documents are renumbered in
 * segment order (so each term's docs stay increasing when its postings are concatenated);
 * their stored fields, norms and dates are copied; the dictionaries are merged k-way and each
 * term's postings and positions are decoded, remapped (deleted docs dropped) and re-encoded by
 * the segment writer. Field length totals are recomputed exactly as the sums of the merged
 * term frequencies. Caller: index.c (merge policy, optimize).
 */
#include <string.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/codec.h"
#include "index/seg.h"

typedef struct msrc {
    const hd_seg *const *segs;
    size_t n;
    uint32_t **map;      /* per segment: old doc -> new doc, UINT32_MAX when deleted */
    hd_dict_cursor *cur; /* per segment dictionary cursor */
    int *live;           /* cursor holds a term */
    uint8_t key[HD_MAX_TERM + 8];
    size_t key_len;
    hd_buf docs, pos, allpos;
    uint32_t *posv;
    size_t cap_posv;
    uint64_t field_total[HD_N_TEXT_FIELDS];
} msrc;

static int key_cmp(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    size_t n = an < bn ? an : bn;
    int c = memcmp(a, b, n);
    return c ? c : (an < bn ? -1 : an > bn);
}

/* Append the live postings of segment k's current term to m->docs / m->pos. */
static hd_rc take(msrc *m, size_t k, uint32_t *prev, uint32_t *df, uint64_t *ttf, hd_err *err)
{
    const hd_seg *s = m->segs[k];
    const hd_terminfo *ti = &m->cur[k].ti;
    int text = m->key[0] < HD_N_TEXT_FIELDS;
    hd_postings p;
    hd_rc rc = hd_postings_open(&p, s, ti, text, err);
    if (rc)
        return rc;
    while ((rc = hd_postings_next(&p)) == HD_OK) {
        uint32_t nd = m->map[k][p.doc];
        if (nd == UINT32_MAX)
            continue;
        hd_buf_varint(&m->docs, *prev == UINT32_MAX ? nd : nd - *prev - 1);
        hd_buf_varint(&m->docs, p.freq);
        *prev = nd;
        (*df)++;
        *ttf += p.freq;
        if (!text)
            continue;
        if (p.freq > m->cap_posv && HD_GROW(m->posv, m->cap_posv, p.freq))
            return hd_err_set(err, HD_ENOMEM, "out of memory merging");
        size_t np;
        if ((rc = hd_postings_positions(&p, m->posv, m->cap_posv, &np)))
            return hd_err_setw(err, rc, s->name, "bad positions");
        uint32_t last = 0;
        for (size_t i = 0; i < np; i++) {
            hd_buf_varint(&m->pos, m->posv[i] - last);
            last = m->posv[i];
        }
    }
    if (rc != HD_DONE)
        return hd_err_setw(err, rc, s->name, "bad postings");
    if (m->docs.oom || m->pos.oom)
        return hd_err_set(err, HD_ENOMEM, "out of memory merging");
    return HD_OK;
}

static hd_rc merged_next(void *ud, hd_mterm *t, int *has, hd_err *err)
{
    msrc *m = ud;
    for (;;) {
        /* smallest current key */
        size_t min = SIZE_MAX;
        for (size_t k = 0; k < m->n; k++)
            if (m->live[k] &&
                (min == SIZE_MAX || key_cmp(m->cur[k].key, m->cur[k].key_len, m->cur[min].key,
                                            m->cur[min].key_len) < 0))
                min = k;
        if (min == SIZE_MAX) {
            *has = 0;
            return HD_OK;
        }
        m->key_len = m->cur[min].key_len;
        memcpy(m->key, m->cur[min].key, m->key_len);
        hd_buf_clear(&m->docs);
        hd_buf_clear(&m->pos);
        uint32_t prev = UINT32_MAX, df = 0;
        uint64_t ttf = 0;
        for (size_t k = min; k < m->n; k++) {
            if (!m->live[k] || key_cmp(m->cur[k].key, m->cur[k].key_len, m->key, m->key_len) != 0)
                continue;
            hd_rc rc = take(m, k, &prev, &df, &ttf, err);
            if (rc)
                return rc;
            rc = hd_dict_cursor_next(&m->cur[k], err);
            if (rc == HD_DONE)
                m->live[k] = 0;
            else if (rc)
                return rc;
            else if (key_cmp(m->cur[k].key, m->cur[k].key_len, m->key, m->key_len) <= 0)
                return hd_err_setw(err, HD_ECORRUPT, m->segs[k]->name, "dictionary out of order");
        }
        if (df == 0)
            continue; /* only deleted docs had it */
        if (m->key[0] < HD_N_TEXT_FIELDS) {
            m->field_total[m->key[0]] += ttf;
            hd_buf_add(&m->allpos, m->pos.p, m->pos.len);
            if (m->allpos.oom)
                return hd_err_set(err, HD_ENOMEM, "out of memory merging");
        }
        t->key = m->key;
        t->key_len = m->key_len;
        t->df = df;
        t->total_tf = ttf;
        t->docs = (const uint8_t *)m->docs.p;
        t->docs_len = m->docs.len;
        t->pos = m->key[0] < HD_N_TEXT_FIELDS ? (const uint8_t *)m->pos.p : NULL;
        t->pos_len = m->key[0] < HD_N_TEXT_FIELDS ? m->pos.len : 0;
        *has = 1;
        return HD_OK;
    }
}

hd_rc hd_merge_write(hd_analyzer *an, const hd_seg *const *segs, size_t n, const char *dir,
                     const char *name, uint32_t *out_docs, uint64_t *out_size, hd_err *err)
{
    *out_docs = 0;
    msrc m;
    memset(&m, 0, sizeof m);
    m.segs = segs;
    m.n = n;
    hd_buf_init(&m.docs);
    hd_buf_init(&m.pos);
    hd_buf_init(&m.allpos);
    hd_segw *w = NULL;
    hd_rc rc = hd_segw_new(an, &w, err);
    m.map = hd_new0(uint32_t *, n ? n : 1);
    m.cur = hd_new0(hd_dict_cursor, n ? n : 1);
    m.live = hd_new0(int, n ? n : 1);
    if (!rc && (!m.map || !m.cur || !m.live))
        rc = hd_err_set(err, HD_ENOMEM, "out of memory merging");
    /* Renumber live docs, copy their stored fields, norms and dates. */
    uint32_t next = 0;
    for (size_t k = 0; k < n && !rc; k++) {
        const hd_seg *s = segs[k];
        m.map[k] = hd_new(uint32_t, s->max_doc ? s->max_doc : 1);
        if (!m.map[k]) {
            rc = hd_err_set(err, HD_ENOMEM, "out of memory merging");
            break;
        }
        for (uint32_t d = 0; d < s->max_doc && !rc; d++) {
            if (hd_seg_is_deleted(s, d)) {
                m.map[k][d] = UINT32_MAX;
                continue;
            }
            m.map[k][d] = next++;
            hd_stored_doc sd;
            uint8_t norms[HD_N_TEXT_FIELDS];
            for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
                norms[f] = hd_seg_field_norm(s, (hd_field)f, d);
            if (!(rc = hd_seg_doc(s, d, &sd, err)))
                rc = hd_segw_add_stored(w, &sd, norms, hd_seg_date(s, d), err);
        }
        if (!rc && s->n_dict_blocks) {
            hd_dict_cursor_block(&m.cur[k], s, 0, err);
            rc = hd_dict_cursor_next(&m.cur[k], err);
            m.live[k] = rc == HD_OK;
            if (rc == HD_DONE)
                rc = HD_OK;
        }
    }
    if (!rc && next) {
        hd_term_src src = {.next = merged_next, .ud = &m, .allpos = &m.allpos};
        uint8_t *del = NULL;
        /* field totals are known only after the terms: the writer reads them at the end */
        hd_segw_set_field_totals_src(w, m.field_total);
        rc = hd_segw_write_src(w, &src, dir, name, &del, out_size, err);
        hd_free(del);
        *out_docs = next;
    }
    for (size_t k = 0; m.map && k < n; k++)
        hd_free(m.map[k]);
    hd_free(m.map);
    hd_free(m.cur);
    hd_free(m.live);
    hd_free(m.posv);
    hd_buf_done(&m.docs);
    hd_buf_done(&m.pos);
    hd_buf_done(&m.allpos);
    hd_segw_free(w);
    return rc;
}
