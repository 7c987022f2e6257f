/* SPDX-License-Identifier: MIT
 *
 * html_meta.c — an HTML page's title, date and canonical address from its metadata: og:title,
 * published-time <meta> keys and itemprops, <link rel=canonical>, <time datetime>, <title>,
 * "datePublished" in JSON-LD and, last, a date in the address itself.
 *
 *   libxml2 element tree, walker.b[] (the first <h1>)  ->  title, date, URL in the page store
 *
 * Called by hd_html_page (html.c).
 */
#include "ingest/html_int.h"

#include <stdio.h>
#include <strings.h>

static size_t keep_meta(walker *w, const char *s)
{
    size_t off = w->meta.len;
    hd_buf_adds(&w->meta, s);
    hd_buf_addc(&w->meta, '\0');
    return off;
}

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

/* "datePublished" in a JSON-LD script: the first one, as written. */
static void read_ld(walker *w, const xmlNode *script)
{
    if (w->ld_date != SIZE_MAX)
        return;
    const char *type = hd_html_attr(script, "type");
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

/* Metadata from a <meta>, <link> or <time> element. */
static void read_meta(walker *w, const xmlNode *n)
{
    if (tag_is(n, "meta")) {
        const char *val = hd_html_attr(n, "content");
        if (!val || !*val)
            return;
        const char *names[3] = {hd_html_attr(n, "property"), hd_html_attr(n, "name"),
                                hd_html_attr(n, "itemprop")};
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
        const char *rel = hd_html_attr(n, "rel"), *href = hd_html_attr(n, "href");
        if (rel && href && *href && list_has(rel, "canonical", NULL))
            w->url = keep_meta(w, href);
    } else if (tag_is(n, "time") && w->time_date == SIZE_MAX) {
        const char *dt = hd_html_attr(n, "datetime");
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

/* The metadata of every element, hidden or not, in document order. */
void hd_html_walk_meta(walker *w, xmlNode *root)
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

/* The headline: og:title, else the first <h1>, else the document's <title>. */
static size_t add_title(const walker *w, hd_buf *store)
{
    const char *h1 = NULL;
    size_t h1_len = 0;
    for (size_t k = 0; k < w->nb; k++)
        if (w->b[k].kind == K_H1 && w->b[k].len) {
            h1 = w->text.p + w->b[k].off;
            h1_len = w->b[k].len;
            break;
        }
    if (w->og_title == SIZE_MAX && !h1 && w->doc_title == SIZE_MAX)
        return SIZE_MAX;
    size_t off = store->len;
    if (w->og_title != SIZE_MAX)
        hd_buf_adds(store, w->meta.p + w->og_title);
    else if (h1)
        hd_buf_add(store, h1, h1_len);
    else
        hd_buf_adds(store, w->meta.p + w->doc_title);
    hd_buf_addc(store, '\0');
    return off;
}

static size_t add_page_date(const walker *w, hd_buf *store)
{
    size_t d = w->date != SIZE_MAX ? w->date : w->ld_date != SIZE_MAX ? w->ld_date : w->time_date;
    char url_date[11];
    size_t off = store->len;
    if (d != SIZE_MAX)
        add_date(store, w->meta.p + d);
    else if (w->url != SIZE_MAX && date_in_url(w->meta.p + w->url, url_date))
        add_date(store, url_date);
    else
        return SIZE_MAX;
    return off;
}

void hd_html_meta_store(const walker *w, hd_buf *store, hd_html_fields *out)
{
    out->title = add_title(w, store);
    out->date = add_page_date(w, store);
    out->url = SIZE_MAX;
    if (w->url != SIZE_MAX) {
        out->url = store->len;
        hd_buf_adds(store, w->meta.p + w->url);
        hd_buf_addc(store, '\0');
    }
}
