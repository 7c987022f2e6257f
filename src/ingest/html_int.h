/* SPDX-License-Identifier: MIT
 *
 * html_int.h — private interface between the files that turn an HTML page into a story
 * (hd_html_page):
 *
 *   html.c        hd_html_page (parse, the two passes, the page out), hd_html_detect, and the
 *                 helpers on elements' attributes the others share
 *   html_block.c  the tree walk: elements -> blocks of text, never-story subtrees left out
 *   html_story.c  blocks -> the story: containers scored, the best and its kin kept
 *   html_meta.c   <meta>, <link>, <time>, <title>, JSON-LD and the address -> title, date, URL
 *
 * One walker per page holds what they share. Names shared between these files start with
 * hd_html_.
 */
#ifndef HD_HTML_INT_H
#define HD_HTML_INT_H

#include <libxml/tree.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ingest/ingest.h"

enum kind { K_TEXT, K_P, K_HEAD, K_H1, K_LI };

/* The text of elements nested deeper than READ_DEPTH is not read (the caller is told); walks
 * up the tree stop after MAX_DEPTH ancestors, so they always reach what they look for. */
#define READ_DEPTH 2048
#define MAX_DEPTH  4096

/* A run of text between block boundaries. */
typedef struct blk {
    size_t off, len; /* in walker.text */
    size_t links;    /* bytes of it inside <a> */
    size_t commas;
    xmlNode *el; /* the block element it is in */
    uint8_t kind;
} blk;

/* What the scorer knows of an element: found through xmlNode._private (index + 1). */
typedef struct node_info {
    xmlNode *n;
    double score;
    size_t text, links; /* bytes of block text under it, and of link text */
    uint8_t cand, keep;
} node_info;

typedef struct walker {
    hd_buf text;
    blk *b;
    size_t nb, cb;
    node_info *ni;
    size_t nn, cn;
    xmlNode **stack; /* open block elements */
    size_t ns, cs;
    /* the block being filled */
    size_t cur_off, cur_links, cur_commas;
    int pending_space;
    int in_a;
    int prune;
    int oom;
    int too_deep; /* elements nested past READ_DEPTH were left unread */
    /* metadata, as offsets into meta (NUL-terminated strings), or SIZE_MAX */
    hd_buf meta;
    size_t og_title, doc_title, date, url, ld_date, time_date;
} walker;

static inline int tag_is(const xmlNode *n, const char *name)
{
    return n->name && !strcmp((const char *)n->name, name);
}

/* ---- html.c -------------------------------------------------------------------------------- */

/* Does s hold any of the NULL-terminated words? */
int hd_html_has_word(const char *s, const char *const *words);
/* The element's class and id, lower-cased, in buf ("" when it has neither). */
void hd_html_class_id(const xmlNode *n, char *buf, size_t cap);
/* The value of n's attribute name ("" when it has none), or NULL when n lacks it. */
const char *hd_html_attr(const xmlNode *n, const char *name);

/* ---- html_block.c -------------------------------------------------------------------------- */

/* Walk the tree under root into blocks (w->b, their text in w->text), leaving out subtrees
 * that are never story; w->prune adds the class and id test. */
void hd_html_walk(walker *w, xmlNode *root);

/* ---- html_story.c -------------------------------------------------------------------------- */

/* Score the containers and mark the story's: returns the number of story blocks' bytes. */
size_t hd_html_choose(walker *w);

/* ---- html_meta.c --------------------------------------------------------------------------- */

/* The metadata of every element, hidden or not, in document order. */
void hd_html_walk_meta(walker *w, xmlNode *root);

/* Where hd_html_meta_store put each field in the store, or SIZE_MAX. */
typedef struct hd_html_fields {
    size_t title, date, url;
} hd_html_fields;

/* Append the page's title, date and URL to store, each NUL-terminated. */
void hd_html_meta_store(const walker *w, hd_buf *store, hd_html_fields *out);

#endif
