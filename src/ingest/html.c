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
 *
 *   HTML bytes  ->  hd_page (the story's text; title, date and URL)
 *
 * This file runs the passes and holds the attribute helpers; the walk is html_block.c, the
 * scoring html_story.c, the metadata html_meta.c (html_int.h lists them). Called by the
 * reader (reader.c) for HTML files and for JSON Lines records that hold a web page.
 */
#include "ingest/html_int.h"

#include <libxml/HTMLparser.h>
#include <strings.h>

#include "base/mem.h"

int hd_html_has_word(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strstr(s, *words))
            return 1;
    return 0;
}

/* The element's class and id, lower-cased, in buf ("" when it has neither). */
void hd_html_class_id(const xmlNode *n, char *buf, size_t cap)
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

const char *hd_html_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcasecmp((const char *)a->name, name))
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
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

/* Walk the tree and choose the story, twice when the first pass leaves almost nothing. */
static void read_story(walker *w, xmlNode *root)
{
    for (int pass = 0; pass < 2 && root; pass++) {
        w->prune = pass == 0;
        hd_html_walk(w, root);
        size_t bytes = w->oom ? 0 : hd_html_choose(w);
        if (w->oom || bytes >= 250 || pass == 1)
            break;
        reset(w); /* almost nothing left: read again without the class test */
    }
}

/* The story's blocks, but the first headline, as blank-line separated paragraphs. */
static void story_text(const walker *w, hd_buf *text)
{
    for (size_t k = 0; k < w->nb && !w->oom; k++) {
        const blk *b = &w->b[k];
        if (!b->len || b->kind == K_H1)
            continue;
        if (text->len)
            hd_buf_add(text, "\n\n", 2);
        hd_buf_add(text, w->text.p + b->off, b->len);
    }
    hd_buf_addc(text, '\0');
    text->len--;
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
    read_story(&w, root);
    if (root)
        hd_html_walk_meta(&w, root);
    hd_rc rc = HD_OK;
    hd_buf_clear(text);
    hd_buf_clear(store);
    hd_html_fields f;
    /* the walker's offsets point into its buffers only when they took every byte */
    if (!w.oom && !w.text.oom && !w.meta.oom) {
        story_text(&w, text);
        hd_html_meta_store(&w, store, &f);
    }
    if (w.oom || text->oom || store->oom || w.text.oom || w.meta.oom)
        rc = hd_err_setw(err, HD_ENOMEM, where, "out of memory reading HTML");
    *too_deep = w.too_deep;
    done(&w);
    xmlFreeDoc(doc);
    if (rc)
        return rc;
    memset(page, 0, sizeof *page);
    page->title = f.title != SIZE_MAX ? store->p + f.title : NULL;
    page->date = f.date != SIZE_MAX ? store->p + f.date : NULL;
    page->url = f.url != SIZE_MAX ? store->p + f.url : NULL;
    page->text = text->p ? text->p : "";
    page->len = text->len;
    page->structured = 1;
    return HD_OK;
}
