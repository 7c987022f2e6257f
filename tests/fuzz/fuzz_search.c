/* SPDX-License-Identifier: MIT
 *
 * fuzz_search.c — libFuzzer target for the whole query path: the input bytes are a query run
 * by hd_search (parse, plan, iterator tree, MaxScore/block-max top-k, stored-field fetch,
 * snippets) against a small index built once at start-up in a temporary directory. Checked:
 * OK or a query error with a message, rows sorted as asked, row count within the limit and the
 * hit count, every row with its stored fields. Crashes, sanitizer reports and leaks are bugs.
 *
 * Built as tests/fuzz/fuzz_page.c is (libFuzzer with -Dfuzz=true, else replay.c over
 * corpus/search/).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "herald.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static hd_index *ix;
static char dir[64];

static void cleanup(void)
{
    hd_index_close(ix);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_search: could not remove %s\n", dir);
}

static const char *const words[] = {
    "iran",  "talks",  "nuclear", "supreme", "leader", "oil",  "prices", "opec",   "the",
    "of",    "said",   "market",  "bank",    "japan",  "gold", "state",  "art",    "e-mail",
    "1,060", "12-day", "don't",   "café",    "東京",   "rain", "growth", "labour", "budget",
};

static void build_index(void)
{
    snprintf(dir, sizeof dir, "/tmp/herald-fuzz-search-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    hd_index_opts o = {.create = 1, .writable = 1};
    if (hd_index_open(dir, &o, &ix, NULL) != HD_OK)
        abort();
    uint32_t seed = 1;
    size_t nw = sizeof words / sizeof words[0];
    for (int d = 0; d < 300; d++) {
        char id[16], date[16], title[256] = "", body[4096] = "";
        snprintf(id, sizeof id, "d%d", d);
        snprintf(date, sizeof date, "20%02d-%02d-%02d", 10 + d % 13, 1 + d % 12, 1 + d % 28);
        for (int i = 0; i < 1 + d % 5; i++) {
            seed = seed * 1103515245 + 12345;
            strcat(title, words[(seed >> 16) % nw]);
            strcat(title, " ");
        }
        for (int i = 0; i < 5 + (d * 7) % 300; i++) {
            seed = seed * 1103515245 + 12345;
            strcat(body, words[(seed >> 16) % (i % 3 ? nw : 6)]);
            strcat(body, i % 11 == 10 ? ".\n" : " ");
        }
        const char *sp[] = {d % 3 ? "Ali Khamenei" : "Joe Biden"};
        hd_doc doc = {.id = id,
                      .source = d % 2 ? "reuters" : "bbc",
                      .date = d % 17 ? date : NULL,
                      .title = title,
                      .body = body,
                      .body_len = strlen(body),
                      .speakers = sp,
                      .n_speakers = 1};
        if (hd_index_add(ix, &doc, NULL) != HD_OK)
            abort();
        if (d == 150 && hd_index_commit(ix, NULL) != HD_OK) /* two segments */
            abort();
        if (d % 50 == 7 && d > 150)
            hd_index_delete(ix, "d3", NULL);
    }
    if (hd_index_commit(ix, NULL) != HD_OK)
        abort();
    atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ix)
        build_index();
    if (size > 8192)
        return 0;
    char *q = malloc(size + 1);
    if (!q)
        return 0;
    memcpy(q, data, size);
    q[size] = '\0'; /* the query stops at an embedded NUL */
    hd_search_opts o = {.limit = 7,
                        .offset = size % 3,
                        .sort = size % 5 == 0 ? HD_SORT_DATE : HD_SORT_SCORE,
                        .snippets = size % 2};
    hd_results *r = NULL;
    hd_err err = {0};
    hd_rc rc = hd_search(ix, q, &o, &r, &err);
    if (rc != HD_OK) {
        if ((rc != HD_EQUERY && rc != HD_ELIMIT) || r || !err.msg[0])
            abort();
        free(q);
        return 0;
    }
    int exact;
    uint64_t total = hd_results_total(r, &exact);
    size_t n = 0;
    double last_score = 1e300;
    char last_date[16] = "9999-99-99";
    const hd_hit *h;
    while (hd_results_next(r, &h) == HD_OK) {
        n++;
        if (!h->id || !h->title || !h->date || !h->source || !h->url || h->id[0] != 'd')
            abort();
        if (o.snippets && !h->snippet)
            abort();
        if (o.sort == HD_SORT_SCORE) {
            if (h->score > last_score + 1e-9 || h->score < 0)
                abort();
            last_score = h->score;
        } else {
            const char *dt = h->date[0] ? h->date : "0000-00-00";
            if (strcmp(dt, last_date) > 0)
                abort();
            snprintf(last_date, sizeof last_date, "%s", dt);
        }
        if (!strcmp(h->id, "d3")) /* deleted */
            abort();
    }
    if (n > o.limit || n != hd_results_count(r) || (exact && n + o.offset > total && n))
        abort();
    hd_results_free(r);
    free(q);
    return 0;
}
