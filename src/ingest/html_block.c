/* SPDX-License-Identifier: MIT
 *
 * html_block.c — the walk of an HTML page's element tree into blocks of text: a block ends at
 * every block-level element; runs of white space become one space; the bytes inside links and
 * the commas are counted for the scorer. Subtrees that are never story (scripts, navigation,
 * controls, figures, hidden elements and, on the first pass, elements whose class or id names
 * page furniture) are left out.
 *
 *   libxml2 element tree  ->  walker.b[] (blocks), walker.text
 *
 * Called by hd_html_page (html.c), once or twice per page.
 */
#include "ingest/html_int.h"

#include <strings.h>

#include "base/mem.h"

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

static int hidden(const xmlNode *n)
{
    if (hd_html_attr(n, "hidden"))
        return 1;
    const char *v = hd_html_attr(n, "aria-hidden");
    if (v && !strcasecmp(v, "true"))
        return 1;
    v = hd_html_attr(n, "style");
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
    hd_html_class_id(n, ci, sizeof ci);
    return ci[0] && hd_html_has_word(ci, furniture_words) && !hd_html_has_word(ci, story_words);
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

void hd_html_walk(walker *w, xmlNode *root)
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
