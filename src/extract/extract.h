/* SPDX-License-Identifier: MIT
 *
 * extract.h — the extract stage: named entities and statements (direct quotes and reported
 * speech, with the speaker resolved) in one cleaned article.
 *
 *   cleaned article body (segment stage) -> hd_entity[] + hd_statement[]
 *
 * Called by src/lib/pipeline.c once per batch of articles. The lexicons (speech verbs,
 * roles/titles, countries from Debian's iso-codes) are loaded once per extractor and shared
 * read-only.
 */
#ifndef HD_EXTRACT_H
#define HD_EXTRACT_H

#include "herald.h"
#include "base/arena.h"
#include "base/err.h"

typedef struct hd_lexicon hd_lexicon;

/* Load the lexicons from datadir (NULL: $HERALD_DATA, else the build's data directory).
 * Returns HD_OK and *out (owned: hd_lexicon_free), or HD_EIO naming the missing file. */
hd_rc hd_lexicon_load(const char *datadir, hd_lexicon **out, hd_err *err);
void hd_lexicon_free(hd_lexicon *lx);

/* Find entities and statements in body[0..body_len) (UTF-8, paragraphs separated by '\n').
 * title may be "" or NULL. All output arrays and strings are allocated in `arena` and live as
 * long as it does. statement start/end are byte offsets into body. */
hd_rc hd_extract_statements(const hd_lexicon *lx, hd_arena *arena, const char *title,
                            const char *body, size_t body_len, hd_statement **out_st,
                            size_t *out_n_st, hd_entity **out_ent, size_t *out_n_ent, hd_err *err);

/* Longest body the stage takes: its offsets are 32-bit. */
#define HD_EXTRACT_MAX_BODY ((size_t)1 << 30)

/* As hd_extract_statements for each of the n articles (their body and body_len), filling their
 * statements and entities: each pass runs over all of them before the next, which keeps its
 * code in the instruction cache (the passes together are larger than it). The results are
 * those of hd_extract_statements article by article. HD_ELIMIT, before anything is done, when
 * a body is over HD_EXTRACT_MAX_BODY; on HD_ENOMEM no article has any. */
hd_rc hd_extract_batch(const hd_lexicon *lx, hd_arena *arena, hd_article *const *arts, size_t n,
                       hd_err *err);

#endif
