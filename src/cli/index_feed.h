/* SPDX-License-Identifier: MIT
 *
 * index_feed.h — the extraction thread of `herald index`: it reads, cleans and segments the
 * pages, analyses each article (and its statement records) and hands owned copies to the
 * indexing thread over a bounded queue, so the two halves of the pipeline overlap on two
 * cores. Used by cmd_index.c only.
 */
#ifndef HD_CLI_INDEX_FEED_H
#define HD_CLI_INDEX_FEED_H

#include <stddef.h>

#include "herald.h"

#define HD_FEED_MAX_SPEAKERS 64

/* One article, ready to add: everything it points at is owned by the item until it is
 * handed back with hd_cli_feed_retire. */
typedef struct hd_cli_feed_item {
    hd_doc d; /* strings point into buf; d.speakers is set by hd_cli_feed_pop */
    const char *speakers[HD_FEED_MAX_SPEAKERS];
    hd_statement *st; /* owned array; its strings point into buf */
    size_t n_st;
    char *buf;               /* owned */
    hd_doc_tokens *toks;     /* owned: its text, analysed in the extraction thread */
    hd_doc_tokens **st_toks; /* owned, n_st entries: each statement record analysed there
                                too (NULL: not indexed); NULL without a statements index */
    hd_rc rc;                /* != HD_OK: an extraction error, in err */
    hd_err err;
} hd_cli_feed_item;

typedef struct hd_cli_feed hd_cli_feed;

/* Start the extraction thread on x (which the caller still owns and frees after
 * hd_cli_feed_end/_stop), analysing with `language`'s stemmer; with statements, the
 * statement records are analysed too. Returns HD_OK and *out, or an error in err. */
hd_rc hd_cli_feed_start(hd_extractor *x, const char *language, int statements,
                        hd_cli_feed **out /* OUT */, hd_err *err);
/* Next article for the indexer into *out; 0 when the extraction is over and nothing is
 * left. An item with rc != HD_OK carries an extraction error and owns nothing. */
int hd_cli_feed_pop(hd_cli_feed *f, hd_cli_feed_item *out /* OUT */);
/* Give back an item the indexer is done with (freed by the thread that allocated it). */
void hd_cli_feed_retire(hd_cli_feed *f, hd_cli_feed_item *it /* IN/OUT */);
/* The article of an item, as the statements API wants it (pointers into the item). */
hd_article hd_cli_feed_article(const hd_cli_feed_item *it);
/* After hd_cli_feed_pop returned 0: wait for the thread, free the feed. */
void hd_cli_feed_end(hd_cli_feed *f);
/* Give up early: stop the thread, free what is queued, free the feed. */
void hd_cli_feed_stop(hd_cli_feed *f);

#endif
