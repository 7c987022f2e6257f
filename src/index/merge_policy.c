/* SPDX-License-Identifier: MIT
 *
 * merge_policy.c — which segments a commit merges, and merging them into the manifest being
 * built: manifest -> manifest with merged segments written (merge.c does each merge).
 * Log-structured, as Lucene's LogMergePolicy: a segment's level is floor(log10(live docs));
 * when MERGE_FACTOR segments share a level they are merged into one (one level up), so there
 * are at most MERGE_FACTOR - 1 segments per level. Merging copies stored fields and remaps
 * postings; nothing is analysed again. Caller: index.c (commit, optimize).
 */
#include <math.h>
#include <string.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/seg.h"

#define MERGE_FACTOR 10

static int seg_level(const hd_manifest_seg *s)
{
    uint32_t live = s->max_doc - s->n_deleted;
    return live <= 1 ? 0 : (int)floor(log10((double)live));
}

/* Choose segments to merge: all (merge_all, when there is anything to gain), or the
 * MERGE_FACTOR smallest of the lowest level that has that many. Returns how many were
 * marked in pick[]. */
static size_t pick_merge(const hd_manifest *m, int merge_all, unsigned char *pick)
{
    memset(pick, 0, m->n_segs);
    if (merge_all) {
        if (m->n_segs > 1 || (m->n_segs == 1 && m->segs[0].n_deleted)) {
            memset(pick, 1, m->n_segs);
            return m->n_segs;
        }
        return 0;
    }
    for (int level = 0; level < 12; level++) {
        size_t n = 0;
        for (size_t i = 0; i < m->n_segs; i++)
            n += seg_level(&m->segs[i]) == level;
        if (n < MERGE_FACTOR)
            continue;
        size_t k = 0;
        for (size_t i = 0; i < m->n_segs && k < MERGE_FACTOR; i++)
            if (seg_level(&m->segs[i]) == level) {
                pick[i] = 1;
                k++;
            }
        return k;
    }
    return 0;
}

/* Merge the segments of pick into one new segment of nm, against a snapshot of nm. */
static hd_rc merge_picked(const char *dir, hd_analyzer *an, hd_manifest *nm,
                          const unsigned char *pick, size_t n_pick, hd_err *err)
{
    hd_ixr *tr;
    hd_rc rc = hd_ixr_open_manifest(dir, nm, 0, &tr, err);
    if (rc)
        return rc;
    const hd_seg *segs[64 + MERGE_FACTOR];
    const hd_seg **sv = n_pick <= 64 ? segs : hd_new(const hd_seg *, n_pick);
    size_t n = 0;
    for (size_t i = 0; sv && i < nm->n_segs; i++)
        if (pick[i])
            sv[n++] = &tr->segs[i];
    uint64_t id = nm->next_seg_id, size = 0;
    uint32_t n_docs = 0;
    char name[64];
    hd_seg_filename(name, id);
    rc = sv ? hd_merge_write(an, sv, n, dir, name, &n_docs, &size, err)
            : hd_err_set(err, HD_ENOMEM, "out of memory merging");
    if (sv != segs)
        hd_free(sv);
    hd_ixr_free(tr);
    if (rc)
        return rc;
    size_t j = 0;
    for (size_t i = 0; i < nm->n_segs; i++)
        if (!pick[i])
            nm->segs[j++] = nm->segs[i];
    nm->n_segs = j;
    if (n_docs) {
        nm->segs[nm->n_segs++] = (hd_manifest_seg){.id = id, .max_doc = n_docs};
        nm->next_seg_id++;
    }
    return HD_OK;
}

hd_rc hd_merge_policy_run(const char *dir, hd_analyzer *an, hd_manifest *nm, int merge_all,
                          hd_err *err)
{
    unsigned char *pick = hd_malloc(nm->n_segs + 2);
    if (!pick)
        return hd_err_set(err, HD_ENOMEM, "out of memory committing");
    hd_rc rc = HD_OK;
    for (int round = 0; !rc && round < 64; round++) {
        size_t n_pick = pick_merge(nm, merge_all && round == 0, pick);
        if (n_pick == 0)
            break;
        rc = merge_picked(dir, an, nm, pick, n_pick, err);
    }
    hd_free(pick);
    return rc;
}
