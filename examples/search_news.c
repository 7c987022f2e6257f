/* SPDX-License-Identifier: MIT
 *
 * search_news.c — herald as a library: extract the articles of some pages, index them in a
 * fresh index directory, and run a query, using only the public API in herald.h.
 *
 *   build/examples/search_news INDEX_DIR QUERY PAGE...
 *
 * Each step checks its hd_rc and prints the hd_err (where + message) on failure, the way an
 * application embedding herald would.
 */
#include <stdio.h>

#include "herald.h"

static int fail(const hd_err *err)
{
    fprintf(stderr, "search_news: %s%s%s\n", err->where, err->where[0] ? ": " : "", err->msg);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s INDEX_DIR QUERY PAGE...\n", argv[0]);
        return 2;
    }
    hd_err err = {0};

    /* 1. Pages in, articles out. */
    hd_extractor *x;
    if (hd_extractor_new(NULL, &x, &err) != HD_OK)
        return fail(&err);
    for (int i = 3; i < argc; i++)
        if (hd_extractor_add_path(x, argv[i], &err) != HD_OK)
            return fail(&err);

    /* 2. Articles into a (new or existing) index; one commit at the end. */
    hd_index *ix;
    hd_index_opts io = {.create = 1};
    if (hd_index_open(argv[1], &io, &ix, &err) != HD_OK)
        return fail(&err);
    const hd_article *a;
    hd_rc rc;
    size_t n = 0;
    while ((rc = hd_extractor_next(x, &a, &err)) != HD_DONE) {
        if (rc != HD_OK) { /* one bad input: report it and go on */
            fail(&err);
            hd_err_clear(&err);
            continue;
        }
        if (hd_index_add_article(ix, a, &err) != HD_OK)
            return fail(&err);
        n++;
    }
    hd_extractor_free(x);
    if (hd_index_commit(ix, &err) != HD_OK)
        return fail(&err);
    printf("indexed %zu articles\n", n);

    /* 3. A ranked query with snippets. */
    hd_search_opts so = {.limit = 5, .snippets = 1, .hl_open = "[", .hl_close = "]"};
    hd_results *res;
    if (hd_search(ix, argv[2], &so, &res, &err) != HD_OK)
        return fail(&err);
    int exact;
    unsigned long long total = (unsigned long long)hd_results_total(res, &exact);
    printf("%s%llu hits for %s\n", exact ? "" : "at least ", total, argv[2]);
    const hd_hit *h;
    while (hd_results_next(res, &h) == HD_OK)
        printf("%.3f  %s  %s\n       %s\n", h->score, h->date[0] ? h->date : "----------", h->title,
               h->snippet ? h->snippet : "");
    hd_results_free(res);
    hd_index_close(ix);
    return 0;
}
