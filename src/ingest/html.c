/* SPDX-License-Identifier: MIT
 *
 * html.c — an HTML page in, its story out: the main text as paragraphs, and the title, date
 * and address the document's metadata gives.
 *
 * libxml2's HTML parser (forgiving, like a browser's) builds the tree. The story is found the
 * way Readability does it, by structure rather than by site: the text is cut into blocks at
 * block-level elements; each paragraph-like block of 25 bytes or more scores its container
 * (and, less, the containers above it) by its length and commas; a container's score is cut by
 * the share of its text inside links; the best container and those of its siblings that score
 * near it are the story. Subtrees that are never story (scripts, navigation, forms' controls,
 * figures and their captions, hidden elements, and elements whose class or id names page
 * furniture: comments, share bars, related links, newsletter prompts) are left out while the
 * tree is walked — unless that leaves almost nothing, when the page is read again without the
 * class test (a site may name its story's wrapper "has-sidebar").
 *
 * The tree is walked with a loop, not recursion: a hostile page nests as deep as it likes.
 */
#include "ingest/ingest.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"

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

static int tag_is(const xmlNode *n, const char *name)
{
    return n->name && !strcmp((const char *)n->name, name);
}

static int tag_in(const xmlNode *n, const char *const *names)
{
    if (!n->name)
        return 0;
    for (; *names; names++)
        if (!strcmp((const char *)n->name, *names))
            return 1;
    return 0;
}

/* Never story: code, media, controls, navigation and the page's furniture elements. */
static const char *const skip_tags[] = {
    "script", "style",  "noscript", "template", "svg",    "math",   "iframe",     "object",
    "embed",  "canvas", "video",    "audio",    "select", "button", "input",      "textarea",
    "option", "nav",    "aside",    "footer",   "header", "figure", "figcaption", "head",
    "label",  "dialog", "menu",     "picture",  NULL};

static const char *const block_tags[] = {
    "p",       "div",        "section", "article", "main",     "h1", "h2",      "h3",
    "h4",      "h5",         "h6",      "li",      "ul",       "ol", "dl",      "dt",
    "dd",      "blockquote", "pre",     "table",   "tr",       "td", "th",      "tbody",
    "thead",   "tfoot",      "center",  "address", "hr",       "br", "details", "summary",
    "caption", "body",       "html",    "form",    "fieldset", NULL};

/* Words in a class or id that name page furniture (Readability's "unlikely candidates", in
 * our own list) and words that name a story's wrapper, which win over them. */
static const char *const furniture_words[] = {
    "comment",  "footer",     "sidebar",   "share",      "social",          "related",
    "promo",    "newsletter", "subscri",   "advert",     "sponsor",         "breadcrumb",
    "masthead", "popup",      "modal",     "cookie",     "banner",          "caption",
    "byline",   "toolbar",    "widget",    "outbrain",   "taboola",         "recirc",
    "popular",  "signup",     "disqus",    "pagination", "pager",           "menu",
    "navbar",   "nav-",       "-nav",      "skip-link",  "visually-hidden", "sr-only",
    "author",   "tags",       "rss",       "login",      "paywall",         "gdpr",
    "consent",  "trending",   "more-from", "read-more",  "readmore",        "recommend",
    "dateline", "timestamp",  "credit",    NULL};
static const char *const story_words[] = {"article", "story", "content", "body", "main",
                                          "embed",   "entry", "post",    "text", NULL};

static const char *const good_class[] = {"article", "body", "content", "entry", "hentry", "main",
                                         "page",    "post", "text",    "blog",  "story",  NULL};
static const char *const bad_class[] = {
    "comment",    "com-",     "contact",  "foot",    "footer", "footnote", "masthead", "media",
    "meta",       "outbrain", "promo",    "related", "scroll", "share",    "shoutbox", "sidebar",
    "skyscraper", "sponsor",  "shopping", "tags",    "tool",   "widget",   NULL};

static int has_word(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strstr(s, *words))
            return 1;
    return 0;
}

/* The element's class and id, lower-cased, in buf ("" when it has neither). */
static void class_id(const xmlNode *n, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name ||
            (strcmp((const char *)a->name, "class") && strcmp((const char *)a->name, "id")))
            continue;
        const xmlNode *v = a->children;
        if (!v || !v->content)
            continue;
        for (const unsigned char *c = v->content; *c && o + 2 < cap; c++)
            buf[o++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
        buf[o++] = ' ';
        buf[o] = '\0';
    }
}

static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcasecmp((const char *)a->name, name))
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

static int hidden(const xmlNode *n)
{
    if (attr(n, "hidden"))
        return 1;
    const char *v = attr(n, "aria-hidden");
    if (v && !strcasecmp(v, "true"))
        return 1;
    v = attr(n, "style");
    if (v) {
        char s[256];
        size_t o = 0;
        for (; *v && o + 1 < sizeof s; v++)
            if (*v != ' ')
                s[o++] = (char)(*v >= 'A' && *v <= 'Z' ? *v + 32 : *v);
        s[o] = '\0';
        if (strstr(s, "display:none") || strstr(s, "visibility:hidden"))
            return 1;
    }
    return 0;
}

static size_t keep_meta(walker *w, const char *s)
{
    size_t off = w->meta.len;
    hd_buf_adds(&w->meta, s);
    hd_buf_addc(&w->meta, '\0');
    return off;
}

static void read_ld(walker *w, const xmlNode *script);

static int published_key(const char *k)
{
    static const char *const keys[] = {"article:published_time",
                                       "article:published",
                                       "datePublished",
                                       "date",
                                       "pubdate",
                                       "publishdate",
                                       "dc.date",
                                       "dc.date.issued",
                                       "sailthru.date",
                                       "parsely-pub-date",
                                       NULL};
    for (const char *const *q = keys; *q; q++)
        if (!strcasecmp(k, *q))
            return 1;
    return 0;
}

/* A date worth keeping: starts with a plausible year when it starts with digits (pages carry
 * placeholders such as "0001-01-01"). */
static int plausible_date(const char *v)
{
    if (!*v)
        return 0;
    if (v[0] < '0' || v[0] > '9')
        return 1;
    return (v[0] == '1' && v[1] == '9') || (v[0] == '2' && v[1] == '0');
}

/* Does the space-separated list v hold the word k (an itemprop may name several)? */
static int list_has(const char *v, const char *k, int (*is)(const char *))
{
    char word[64];
    while (*v) {
        while (*v == ' ')
            v++;
        size_t n = 0;
        while (v[n] && v[n] != ' ')
            n++;
        if (n && n < sizeof word) {
            memcpy(word, v, n);
            word[n] = '\0';
            if (k ? !strcasecmp(word, k) : is(word))
                return 1;
        }
        v += n;
    }
    return 0;
}

/* Metadata from a <meta>, <link> or <time> element. */
static void read_meta(walker *w, const xmlNode *n)
{
    if (tag_is(n, "meta")) {
        const char *val = attr(n, "content");
        if (!val || !*val)
            return;
        const char *names[3] = {attr(n, "property"), attr(n, "name"), attr(n, "itemprop")};
        for (int k = 0; k < 3; k++) {
            const char *key = names[k];
            if (!key)
                continue;
            if (list_has(key, "og:title", NULL) && w->og_title == SIZE_MAX)
                w->og_title = keep_meta(w, val);
            else if (list_has(key, NULL, published_key) && w->date == SIZE_MAX &&
                     plausible_date(val))
                w->date = keep_meta(w, val);
            else if (list_has(key, "og:url", NULL) && w->url == SIZE_MAX)
                w->url = keep_meta(w, val);
        }
    } else if (tag_is(n, "link")) {
        const char *rel = attr(n, "rel"), *href = attr(n, "href");
        if (rel && href && *href && list_has(rel, "canonical", NULL))
            w->url = keep_meta(w, href);
    } else if (tag_is(n, "time") && w->time_date == SIZE_MAX) {
        const char *dt = attr(n, "datetime");
        if (dt && plausible_date(dt))
            w->time_date = keep_meta(w, dt);
    } else if (tag_is(n, "title") && w->doc_title == SIZE_MAX) {
        hd_buf t = {0};
        for (const xmlNode *c = n->children; c; c = c->next)
            if (c->content)
                hd_buf_adds(&t, (const char *)c->content);
        if (t.oom)
            w->oom = 1;
        else if (t.len)
            w->doc_title = keep_meta(w, t.p);
        hd_buf_done(&t);
    } else if (tag_is(n, "script")) {
        read_ld(w, n);
    }
}

/* "datePublished" in a JSON-LD script: the first one, as written. */
static void read_ld(walker *w, const xmlNode *script)
{
    if (w->ld_date != SIZE_MAX)
        return;
    const char *type = attr(script, "type");
    if (!type || strcasecmp(type, "application/ld+json"))
        return;
    for (const xmlNode *c = script->children; c; c = c->next) {
        if (!c->content)
            continue;
        const char *p = strstr((const char *)c->content, "\"datePublished\"");
        if (!p)
            continue;
        p += 15;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
            p++;
        if (*p != '"')
            continue;
        const char *e = strchr(++p, '"');
        if (!e || e - p > 64 || !plausible_date(p))
            continue;
        char tmp[72];
        memcpy(tmp, p, (size_t)(e - p));
        tmp[e - p] = '\0';
        w->ld_date = keep_meta(w, tmp);
        return;
    }
}

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

static uint8_t kind_of(const xmlNode *el)
{
    if (!el || !el->name)
        return K_TEXT;
    const char *t = (const char *)el->name;
    if (!strcmp(t, "p"))
        return K_P;
    if (!strcmp(t, "h1"))
        return K_H1;
    if (t[0] == 'h' && t[1] >= '2' && t[1] <= '6' && !t[2])
        return K_HEAD;
    if (!strcmp(t, "li") || !strcmp(t, "dt") || !strcmp(t, "dd") || !strcmp(t, "th"))
        return K_LI;
    return K_TEXT;
}

static void flush(walker *w)
{
    size_t len = w->text.len - w->cur_off;
    if (len && w->ns) {
        if (HD_GROW(w->b, w->cb, w->nb + 1)) {
            w->oom = 1;
            return;
        }
        xmlNode *el = w->stack[w->ns - 1];
        w->b[w->nb++] = (blk){w->cur_off, len, w->cur_links, w->cur_commas, el, kind_of(el)};
    } else {
        w->text.len = w->cur_off;
    }
    w->cur_off = w->text.len;
    w->cur_links = w->cur_commas = 0;
    w->pending_space = 0;
}

static void add_text(walker *w, const unsigned char *s)
{
    for (; *s; s++) {
        unsigned char c = *s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            (c == 0xC2 && s[1] == 0xA0)) {
            if (c == 0xC2)
                s++;
            w->pending_space = 1;
            continue;
        }
        if (w->pending_space && w->text.len > w->cur_off) {
            hd_buf_addc(&w->text, ' ');
            if (w->in_a)
                w->cur_links++;
        }
        w->pending_space = 0;
        hd_buf_addc(&w->text, (char)c);
        if (w->in_a)
            w->cur_links++;
        if (c == ',')
            w->cur_commas++;
    }
}

static int push_block(walker *w, xmlNode *n)
{
    if (HD_GROW(w->stack, w->cs, w->ns + 1)) {
        w->oom = 1;
        return -1;
    }
    w->stack[w->ns++] = n;
    return 0;
}

/* Should the walk leave out n and all under it? */
static int skip(walker *w, xmlNode *n)
{
    if (tag_in(n, skip_tags) || hidden(n))
        return 1;
    if (!w->prune || tag_is(n, "body") || tag_is(n, "html") || tag_is(n, "article") ||
        tag_is(n, "main"))
        return 0;
    char ci[512];
    class_id(n, ci, sizeof ci);
    return ci[0] && has_word(ci, furniture_words) && !has_word(ci, story_words);
}

static void enter(walker *w, xmlNode *n, int *descend)
{
    *descend = 0;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(w, n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (skip(w, n))
        return;
    if (tag_in(n, block_tags)) {
        flush(w);
        if (!tag_is(n, "br") && !tag_is(n, "hr"))
            push_block(w, n);
    } else if (tag_is(n, "a")) {
        w->in_a++;
    }
    *descend = 1;
}

static void leave(walker *w, xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (tag_in(n, block_tags)) {
        if (tag_is(n, "br") || tag_is(n, "hr"))
            return;
        flush(w);
        if (w->ns && w->stack[w->ns - 1] == n)
            w->ns--;
    } else if (tag_is(n, "a") && w->in_a) {
        w->in_a--;
    }
}

static void walk(walker *w, xmlNode *root)
{
    xmlNode *n = root;
    size_t depth = 0;
    while (n && !w->oom) {
        int down;
        enter(w, n, &down);
        if (down && n->children && depth >= READ_DEPTH)
            w->too_deep = 1; /* not read below: every walk up the tree stays bounded */
        else if (down && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        if (down)
            leave(w, n);
        /* climb past every ancestor n is the last child of, leaving each (all were entered) */
        while (n != root && !n->next) {
            n = n->parent;
            depth--;
            leave(w, n);
        }
        n = n == root ? NULL : n->next;
    }
    flush(w);
}

/* The metadata of every element, hidden or not, in document order. */
static void walk_meta(walker *w, xmlNode *root)
{
    xmlNode *n = root;
    while (n && !w->oom) {
        if (n->type == XML_ELEMENT_NODE)
            read_meta(w, n);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next)
            n = n->parent;
        n = n == root ? NULL : n->next;
    }
}

static double class_weight(const xmlNode *n)
{
    char ci[512];
    class_id(n, ci, sizeof ci);
    if (!ci[0])
        return 0;
    double wgt = 0;
    if (has_word(ci, good_class))
        wgt += 25;
    if (has_word(ci, bad_class))
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

/* Score the containers and mark the story's: returns the number of story blocks' bytes. */
static size_t choose(walker *w)
{
    /* text and link totals of every element above a block */
    for (size_t k = 0; k < w->nb && !w->oom; k++) {
        size_t depth = 0;
        for (xmlNode *a = w->b[k].el; a && a->type == XML_ELEMENT_NODE && depth < MAX_DEPTH;
             a = a->parent, depth++) {
            node_info *i = info(w, a);
            if (!i)
                return 0;
            i->text += w->b[k].len;
            i->links += w->b[k].links;
        }
    }
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
                return 0;
            i->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        }
    }
    node_info *top = NULL;
    double best = 0;
    for (size_t k = 0; k < w->nn; k++) {
        node_info *i = &w->ni[k];
        if (!i->cand)
            continue;
        double f = i->score * (1 - link_density(i));
        if (!top || f > best)
            top = i, best = f;
    }
    if (top)
        top = climb(w, top, best);
    if (!top) {
        for (size_t k = 0; k < w->nn; k++)
            w->ni[k].keep = 1; /* no paragraph anywhere: everything is the story */
    } else {
        top->keep = 1;
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
        /* A story cut into chunks by advertisement slots repeats its container: elements of
         * the same tag and class elsewhere in the page, holding prose, are more of it. */
        char sig[512], other[512];
        class_id(top->n, sig, sizeof sig);
        for (size_t k = 0; sig[0] && k < w->nn; k++) {
            node_info *i = &w->ni[k];
            if (i == top || i->keep || i->text < 100 || link_density(i) >= 0.3 ||
                strcmp((const char *)i->n->name, (const char *)top->n->name) || !i->n->parent ||
                !top->n->parent || i->n->parent->parent != top->n->parent->parent)
                continue; /* a chunk sits beside the story's own, under the same grandparent */
            class_id(i->n, other, sizeof other);
            if (!strcmp(sig, other))
                i->keep = 1;
        }
    }
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

static void reset(walker *w)
{
    for (size_t k = 0; k < w->nn; k++)
        w->ni[k].n->_private = NULL;
    w->nn = w->nb = w->ns = 0;
    hd_buf_clear(&w->text);
    hd_buf_clear(&w->meta);
    w->cur_off = w->cur_links = w->cur_commas = 0;
    w->pending_space = w->in_a = 0;
    w->og_title = w->doc_title = w->date = w->url = w->ld_date = w->time_date = SIZE_MAX;
}

static void done(walker *w)
{
    hd_buf_done(&w->text);
    hd_buf_done(&w->meta);
    hd_free(w->b);
    hd_free(w->ni);
    hd_free(w->stack);
}

/* A date as written, cut to its YYYY-MM-DD when it starts with one ("2019-11-19T10:00Z"). */
static void add_date(hd_buf *store, const char *d)
{
    size_t n = strlen(d);
    if (n > 10 && d[4] == '-' && d[7] == '-' && d[0] >= '0' && d[0] <= '9')
        n = 10;
    hd_buf_add(store, d, n);
    hd_buf_addc(store, '\0');
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* The last resort for a date: a news site's address often holds it ("/2019/11/19/slug"). */
static int date_in_url(const char *url, char out[11])
{
    for (const char *p = strchr(url, '/'); p; p = strchr(p + 1, '/')) {
        const char *q = p + 1;
        if (!digits(q, 4) || !(q[0] == '1' || q[0] == '2') || (q[4] != '/' && q[4] != '-'))
            continue;
        char sep = q[4];
        if (!digits(q + 5, 2) || q[7] != sep || !digits(q + 8, 2) ||
            (q[10] && q[10] != '/' && q[10] != '-' && q[10] != '_'))
            continue;
        int mo = (q[5] - '0') * 10 + (q[6] - '0'), dd = (q[8] - '0') * 10 + (q[9] - '0');
        if (mo < 1 || mo > 12 || dd < 1 || dd > 31)
            continue;
        snprintf(out, 11, "%.4s-%.2s-%.2s", q, q + 5, q + 8);
        return 1;
    }
    return 0;
}

int hd_html_detect(const char *sample, size_t len)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(sample, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len &&
           (sample[i] == ' ' || sample[i] == '\t' || sample[i] == '\n' || sample[i] == '\r'))
        i++;
    if (i >= len || sample[i] != '<')
        return 0;
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", NULL};
    for (size_t k = i; k + 5 <= len; k++) {
        if (sample[k] != '<')
            continue;
        for (const char *const *m = marks; *m; m++) {
            size_t ml = strlen(*m);
            if (k + ml <= len && !strncasecmp(sample + k, *m, ml))
                return 1;
        }
    }
    return 0;
}

hd_rc hd_html_page(const char *html, size_t len, const char *where, hd_buf *text, hd_buf *store,
                   hd_page *page, int *too_deep, hd_err *err)
{
    *too_deep = 0;
    if (len > INT32_MAX)
        return hd_err_setw(err, HD_ELIMIT, where, "HTML page too large to parse");
    /* XML_PARSE_HUGE: a paragraph may hold more than libxml2's default 10 MB of text (our
     * own page limit bounds the input), and elements may nest deeper than 256 */
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, NULL,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        XML_PARSE_HUGE | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc)
        return hd_err_setw(err, HD_EINPUT, where, "HTML that libxml2 cannot parse");
    xmlNode *root = xmlDocGetRootElement(doc);
    walker w = {0};
    reset(&w);
    size_t bytes = 0;
    for (int pass = 0; pass < 2 && root; pass++) {
        w.prune = pass == 0;
        walk(&w, root);
        bytes = w.oom ? 0 : choose(&w);
        if (w.oom || bytes >= 250 || pass == 1)
            break;
        reset(&w); /* almost nothing left: read again without the class test */
    }
    if (root)
        walk_meta(&w, root);
    hd_rc rc = HD_OK;
    hd_buf_clear(text);
    hd_buf_clear(store);
    for (size_t k = 0; k < w.nb && !w.oom; k++) {
        const blk *b = &w.b[k];
        if (!b->len || b->kind == K_H1)
            continue;
        if (text->len)
            hd_buf_add(text, "\n\n", 2);
        hd_buf_add(text, w.text.p + b->off, b->len);
    }
    hd_buf_addc(text, '\0');
    text->len--;
    /* the headline: og:title, else the first <h1>, else the document's <title> */
    size_t o_title = SIZE_MAX, o_date = SIZE_MAX, o_url = SIZE_MAX;
    const char *h1 = NULL;
    size_t h1_len = 0;
    for (size_t k = 0; k < w.nb; k++)
        if (w.b[k].kind == K_H1 && w.b[k].len) {
            h1 = w.text.p + w.b[k].off;
            h1_len = w.b[k].len;
            break;
        }
    if (w.og_title != SIZE_MAX || h1 || w.doc_title != SIZE_MAX) {
        o_title = store->len;
        if (w.og_title != SIZE_MAX)
            hd_buf_adds(store, w.meta.p + w.og_title);
        else if (h1)
            hd_buf_add(store, h1, h1_len);
        else
            hd_buf_adds(store, w.meta.p + w.doc_title);
        hd_buf_addc(store, '\0');
    }
    size_t d = w.date != SIZE_MAX ? w.date : w.ld_date != SIZE_MAX ? w.ld_date : w.time_date;
    char url_date[11];
    if (d != SIZE_MAX) {
        o_date = store->len;
        add_date(store, w.meta.p + d);
    } else if (w.url != SIZE_MAX && date_in_url(w.meta.p + w.url, url_date)) {
        o_date = store->len;
        add_date(store, url_date);
    }
    if (w.url != SIZE_MAX) {
        o_url = store->len;
        hd_buf_adds(store, w.meta.p + w.url);
        hd_buf_addc(store, '\0');
    }
    if (w.oom || text->oom || store->oom || w.text.oom || w.meta.oom)
        rc = hd_err_setw(err, HD_ENOMEM, where, "out of memory reading HTML");
    *too_deep = w.too_deep;
    done(&w);
    xmlFreeDoc(doc);
    if (rc)
        return rc;
    memset(page, 0, sizeof *page);
    page->title = o_title != SIZE_MAX ? store->p + o_title : NULL;
    page->date = o_date != SIZE_MAX ? store->p + o_date : NULL;
    page->url = o_url != SIZE_MAX ? store->p + o_url : NULL;
    page->text = text->p ? text->p : "";
    page->len = text->len;
    page->structured = 1;
    return HD_OK;
}
