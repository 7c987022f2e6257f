/* SPDX-License-Identifier: MIT
 *
 * html_story.c — which blocks of an HTML page are its story, found as Readability does: each
 * paragraph-like block scores its container (and, less, the containers above it) by its length
 * and commas; a container's score is cut by the share of its text inside links; the best
 * container (moved up past a row of small ones) and those of its siblings that score near it
 * are the story, with chunks of it that advertisement slots split off.
 *
 *   walker.b[] (blocks)  ->  walker.b[] with the blocks outside the story emptied
 *
 * Called by hd_html_page (html.c) after each walk.
 */
#include "ingest/html_int.h"

#include "base/mem.h"

static const char *const good_class[] = {"article", "body", "content", "entry", "hentry", "main",
                                         "page",    "post", "text",    "blog",  "story",  NULL};
static const char *const bad_class[] = {
    "comment",    "com-",     "contact",  "foot",    "footer", "footnote", "masthead", "media",
    "meta",       "outbrain", "promo",    "related", "scroll", "share",    "shoutbox", "sidebar",
    "skyscraper", "sponsor",  "shopping", "tags",    "tool",   "widget",   NULL};

static node_info *info(walker *w, xmlNode *n)
{
    if (n->_private)
        return &w->ni[(uintptr_t)n->_private - 1];
    if (HD_GROW(w->ni, w->cn, w->nn + 1)) {
        w->oom = 1;
        return NULL;
    }
    node_info *i = &w->ni[w->nn++];
    memset(i, 0, sizeof *i);
    i->n = n;
    n->_private = (void *)(uintptr_t)w->nn;
    return i;
}

static double class_weight(const xmlNode *n)
{
    char ci[512];
    hd_html_class_id(n, ci, sizeof ci);
    if (!ci[0])
        return 0;
    double wgt = 0;
    if (hd_html_has_word(ci, good_class))
        wgt += 25;
    if (hd_html_has_word(ci, bad_class))
        wgt -= 25;
    return wgt;
}

static node_info *candidate(walker *w, xmlNode *n)
{
    node_info *i = info(w, n);
    if (!i || i->cand)
        return i;
    i->cand = 1;
    const char *t = (const char *)n->name;
    if (!strcmp(t, "div") || !strcmp(t, "article") || !strcmp(t, "section") || !strcmp(t, "main"))
        i->score = 5;
    else if (!strcmp(t, "pre") || !strcmp(t, "td") || !strcmp(t, "blockquote"))
        i->score = 3;
    else if (!strcmp(t, "address") || !strcmp(t, "ol") || !strcmp(t, "ul") || !strcmp(t, "dl") ||
             !strcmp(t, "dd") || !strcmp(t, "dt") || !strcmp(t, "li") || !strcmp(t, "form"))
        i->score = -3;
    else if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2])
        i->score = -5;
    i->score += class_weight(n);
    return i;
}

static double link_density(const node_info *i)
{
    return i->text ? (double)i->links / (double)i->text : 0;
}

static double final_score(const node_info *i)
{
    return i->score * (1 - link_density(i));
}

static int is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (size_t d = 0; n && d < MAX_DEPTH; n = n->parent, d++)
        if (n == a)
            return 1;
    return 0;
}

/* The best container may be one of a row of small ones (each paragraph in a "card" of its
 * own). Move up, as Readability does: to the nearest ancestor holding three of the candidates
 * scoring within 25 % of the best; past ancestors it is the only element child of; and while
 * the parent's own score does not fall below a third of the last. */
static node_info *climb(walker *w, node_info *top, double best)
{
    enum { N = 5 };
    node_info *alt[N];
    size_t na = 0;
    for (size_t k = 0; k < w->nn; k++) {
        node_info *i = &w->ni[k];
        if (!i->cand || i == top || final_score(i) < 0.75 * best)
            continue;
        if (na < N) {
            alt[na++] = i;
            continue;
        }
        size_t lo = 0;
        for (size_t j = 1; j < N; j++)
            if (final_score(alt[j]) < final_score(alt[lo]))
                lo = j;
        if (final_score(i) > final_score(alt[lo]))
            alt[lo] = i;
    }
    if (na >= 3) {
        size_t depth = 0;
        for (xmlNode *a = top->n->parent; a && a->type == XML_ELEMENT_NODE && depth < MAX_DEPTH;
             a = a->parent, depth++) {
            if (tag_is(a, "body"))
                break;
            size_t held = 0;
            for (size_t j = 0; j < na; j++)
                held += is_ancestor(a, alt[j]->n);
            if (held >= 3) {
                node_info *i = candidate(w, a);
                if (i)
                    top = i;
                break;
            }
        }
    }
    for (size_t depth = 0; depth < MAX_DEPTH; depth++) {
        xmlNode *p = top->n->parent;
        if (!p || p->type != XML_ELEMENT_NODE || tag_is(p, "body"))
            break;
        size_t kids = 0;
        for (xmlNode *c = p->children; c; c = c->next)
            kids += c->type == XML_ELEMENT_NODE;
        node_info *pi = NULL;
        if (kids == 1)
            pi = candidate(w, p);
        else if (p->_private && w->ni[(uintptr_t)p->_private - 1].cand) {
            node_info *c = &w->ni[(uintptr_t)p->_private - 1];
            if (final_score(c) > final_score(top))
                pi = c;
        }
        if (!pi)
            break;
        top = pi;
    }
    return top;
}

/* The text and link totals of every element above a block. Returns -1 when out of memory. */
static int tally(walker *w)
{
    for (size_t k = 0; k < w->nb && !w->oom; k++) {
        size_t depth = 0;
        for (xmlNode *a = w->b[k].el; a && a->type == XML_ELEMENT_NODE && depth < MAX_DEPTH;
             a = a->parent, depth++) {
            node_info *i = info(w, a);
            if (!i)
                return -1;
            i->text += w->b[k].len;
            i->links += w->b[k].links;
        }
    }
    return 0;
}

/* Each paragraph-like block scores its container and, less, the four above it. Returns -1
 * when out of memory. */
static int score_blocks(walker *w)
{
    for (size_t k = 0; k < w->nb && !w->oom; k++) {
        const blk *b = &w->b[k];
        if (b->len < 25 || b->kind == K_HEAD || b->kind == K_H1 || b->kind == K_LI)
            continue;
        double s = 1 + (double)b->commas + (b->len / 100 < 3 ? (double)(b->len / 100) : 3);
        /* a paragraph scores its container; text straight inside a container (runs between
         * <br>s in a <div>) is a paragraph of its own whose container is that element */
        xmlNode *a = b->kind == K_P || tag_is(b->el, "pre") || tag_is(b->el, "td") ||
                             tag_is(b->el, "blockquote")
                         ? b->el->parent
                         : b->el;
        for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < 5; a = a->parent, level++) {
            node_info *i = candidate(w, a);
            if (!i)
                return -1;
            i->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        }
    }
    return 0;
}

/* The candidate with the best score once its links are discounted (*best), or NULL. */
static node_info *best_candidate(walker *w, double *best)
{
    node_info *top = NULL;
    for (size_t k = 0; k < w->nn; k++) {
        node_info *i = &w->ni[k];
        if (!i->cand)
            continue;
        double f = i->score * (1 - link_density(i));
        if (!top || f > *best)
            top = i, *best = f;
    }
    return top;
}

/* The story's siblings that score near it, and its paragraphs of prose, are the story too. */
static void keep_siblings(walker *w, node_info *top, double best)
{
    xmlNode *parent = top->n->parent;
    double threshold = best * 0.2 > 10 ? best * 0.2 : 10;
    for (xmlNode *s = parent ? parent->children : NULL; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || s == top->n || !s->_private)
            continue;
        node_info *i = &w->ni[(uintptr_t)s->_private - 1];
        double ld = link_density(i);
        if (i->cand && i->score * (1 - ld) >= threshold)
            i->keep = 1;
        else if (tag_is(s, "p") && i->text > 80 && ld < 0.25)
            i->keep = 1;
    }
}

/* A story cut into chunks by advertisement slots repeats its container: elements of
 * the same tag and class elsewhere in the page, holding prose, are more of it. */
static void keep_chunks(walker *w, node_info *top)
{
    char sig[512], other[512];
    hd_html_class_id(top->n, sig, sizeof sig);
    for (size_t k = 0; sig[0] && k < w->nn; k++) {
        node_info *i = &w->ni[k];
        if (i == top || i->keep || i->text < 100 || link_density(i) >= 0.3 ||
            strcmp((const char *)i->n->name, (const char *)top->n->name) || !i->n->parent ||
            !top->n->parent || i->n->parent->parent != top->n->parent->parent)
            continue; /* a chunk sits beside the story's own, under the same grandparent */
        hd_html_class_id(i->n, other, sizeof other);
        if (!strcmp(sig, other))
            i->keep = 1;
    }
}

/* Drop the blocks outside the kept elements; returns the bytes of those left. */
static size_t story_bytes(walker *w)
{
    size_t bytes = 0;
    for (size_t k = 0; k < w->nb; k++) {
        blk *b = &w->b[k];
        int in = 0, quoted = 0;
        size_t depth = 0;
        for (xmlNode *a = b->el; a && a->type == XML_ELEMENT_NODE && depth < MAX_DEPTH;
             a = a->parent, depth++) {
            quoted |= tag_is(a, "blockquote");
            if (a->_private && w->ni[(uintptr_t)a->_private - 1].keep) {
                in = 1;
                break;
            }
        }
        /* a link list inside the story is furniture; a quotation (an embedded post with its
         * links and byline) is the story's */
        if (!in || (b->links * 2 > b->len && !quoted))
            b->len = 0; /* not the story, or a link list inside it */
        else
            bytes += b->len;
    }
    return bytes;
}

/* Score the containers and mark the story's: returns the number of story blocks' bytes. */
size_t hd_html_choose(walker *w)
{
    if (tally(w) || score_blocks(w))
        return 0;
    double best = 0;
    node_info *top = best_candidate(w, &best);
    if (top)
        top = climb(w, top, best);
    if (!top) {
        for (size_t k = 0; k < w->nn; k++)
            w->ni[k].keep = 1; /* no paragraph anywhere: everything is the story */
    } else {
        top->keep = 1;
        keep_siblings(w, top, best);
        keep_chunks(w, top);
    }
    return story_bytes(w);
}
