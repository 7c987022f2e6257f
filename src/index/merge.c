/* SPDX-License-Identifier: MIT
 *
 * merge.c — merging segments: the live documents of the given segments are read back from
 * their stored fields and re-indexed into a new in-memory segment (hd_segw), which the caller
 * writes. Re-analysis keeps one code path for postings encoding; stored fields hold every
 * indexed field, so nothing is lost. Caller: index.c (merge policy, optimize).
 */
#include <string.h>

#include "base/err.h"
#include "base/mem.h"
#include "index/seg.h"

hd_rc hd_merge_segments(hd_analyzer *an, const hd_seg *const *segs, size_t n, hd_segw **out,
                        hd_err *err)
{
    *out = NULL;
    hd_segw *w;
    hd_rc rc = hd_segw_new(an, &w, err);
    if (rc)
        return rc;
    hd_buf sp;
    hd_buf_init(&sp);
    const char **names = NULL;
    size_t cap_names = 0;
    for (size_t k = 0; k < n && !rc; k++) {
        const hd_seg *s = segs[k];
        for (uint32_t doc = 0; doc < s->max_doc; doc++) {
            if (hd_seg_is_deleted(s, doc))
                continue;
            hd_stored_doc sd;
            if ((rc = hd_seg_doc(s, doc, &sd, err)))
                break;
            /* Speakers: '\n'-joined in the store, an array in hd_doc. */
            hd_buf_clear(&sp);
            hd_buf_adds(&sp, sd.speakers);
            hd_buf_addc(&sp, 0);
            if ((rc = hd_buf_status(&sp, err)))
                break;
            size_t n_names = 0;
            if (sd.speakers[0]) {
                char *p = sp.p;
                for (;;) {
                    if (HD_GROW(names, cap_names, n_names + 1)) {
                        rc = hd_err_set(err, HD_ENOMEM, "out of memory merging");
                        break;
                    }
                    names[n_names++] = p;
                    char *nl = strchr(p, '\n');
                    if (!nl)
                        break;
                    *nl = 0;
                    p = nl + 1;
                }
                if (rc)
                    break;
            }
            hd_doc d = {.id = sd.id,
                        .url = sd.url[0] ? sd.url : NULL,
                        .source = sd.source,
                        .date = sd.date[0] ? sd.date : NULL,
                        .seq = sd.seq,
                        .title = sd.title,
                        .body = sd.body,
                        .body_len = sd.body_len,
                        .speakers = names,
                        .n_speakers = n_names};
            if (!d.body_len)
                d.body = "";
            if ((rc = hd_segw_add(w, &d, NULL, err)))
                break;
        }
    }
    hd_buf_done(&sp);
    hd_free(names);
    if (rc) {
        hd_segw_free(w);
        return rc;
    }
    *out = w;
    return HD_OK;
}
