/* SPDX-License-Identifier: MIT
 *
 * fuzz_index.c — libFuzzer target for opening a damaged index: a small index is built once
 * at start-up; each input is a list of byte patches (4-byte little-endian offset, 1 byte
 * value) applied to a copy of its segment file, whose checksum is then re-sealed so the damage
 * reaches the decoders instead of stopping at the checksum. Then the index is opened,
 * checked and searched (terms, a phrase, a prefix, a date range, snippets). Every call must
 * return a status; a crash, a hang, a sanitizer report or a leak is a bug.
 *
 * Built as tests/fuzz/fuzz_page.c is (libFuzzer with -Dfuzz=true, else replay.c over
 * corpus/index/).
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "herald.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static char seg_path[512];
static unsigned char *orig, *img;
static size_t seg_size;

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_index: could not remove %s\n", dir);
    free(orig);
    free(img);
}

static const char *const words[] = {"iran",  "talks", "nuclear", "leader", "oil",   "prices",
                                    "the",   "said",  "market",  "bank",   "1,060", "12-day",
                                    "don't", "café",  "rain",    "growth", "budget"};

static void build_index(void)
{
    snprintf(dir, sizeof dir, "/tmp/herald-fuzz-index-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    hd_index *ix;
    hd_index_opts o = {.create = 1, .writable = 1};
    if (hd_index_open(dir, &o, &ix, NULL) != HD_OK)
        abort();
    uint32_t seed = 7;
    size_t nw = sizeof words / sizeof words[0];
    for (int d = 0; d < 200; d++) {
        char id[16], date[16], title[128] = "", body[2048] = "";
        snprintf(id, sizeof id, "d%d", d);
        snprintf(date, sizeof date, "20%02d-%02d-%02d", 10 + d % 13, 1 + d % 12, 1 + d % 28);
        for (int i = 0; i < 1 + d % 4; i++) {
            seed = seed * 1103515245 + 12345;
            strcat(title, words[(seed >> 16) % nw]);
            strcat(title, " ");
        }
        for (int i = 0; i < 5 + (d * 7) % 150; i++) {
            seed = seed * 1103515245 + 12345;
            strcat(body, words[(seed >> 16) % nw]);
            strcat(body, i % 9 == 8 ? ".\n" : " ");
        }
        /* speakers: none, a word of the body (stored as a reference to it), or that word and
         * a name the body does not hold (stored as text beside the reference) */
        char first[32];
        snprintf(first, sizeof first, "%.*s", (int)strcspn(body, " .\n"), body);
        const char *sp[] = {first, "Ali Khamenei"};
        hd_doc doc = {.id = id,
                      .source = d % 2 ? "reuters" : "bbc",
                      .date = d % 11 ? date : NULL,
                      .title = title,
                      .body = body,
                      .body_len = strlen(body),
                      .speakers = sp,
                      .n_speakers = (size_t)(d % 3)};
        if (hd_index_add(ix, &doc, NULL) != HD_OK)
            abort();
    }
    if (hd_index_commit(ix, NULL) != HD_OK || hd_index_delete(ix, "d5", NULL) != HD_OK ||
        hd_index_commit(ix, NULL) != HD_OK)
        abort();
    hd_index_close(ix);
    /* The one segment file of the index. */
    DIR *dd = opendir(dir);
    struct dirent *e;
    while (dd && (e = readdir(dd)))
        if (!strncmp(e->d_name, "seg_", 4) && strstr(e->d_name, ".hds"))
            snprintf(seg_path, sizeof seg_path, "%s/%s", dir, e->d_name);
    if (dd)
        closedir(dd);
    FILE *f = fopen(seg_path, "rb");
    if (!f)
        abort();
    fseek(f, 0, SEEK_END);
    seg_size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    orig = malloc(seg_size);
    img = malloc(seg_size);
    if (!orig || !img || seg_size < 16 || fread(orig, 1, seg_size, f) != seg_size)
        abort();
    fclose(f);
    atexit(cleanup);
}

static void search(hd_index *ix, const char *q, int snippets)
{
    hd_search_opts o = {.limit = 5, .snippets = snippets};
    hd_results *r = NULL;
    hd_err err = {0};
    if (hd_search(ix, q, &o, &r, &err) != HD_OK) {
        if (r || !err.msg[0])
            abort();
        return;
    }
    const hd_hit *h;
    while (hd_results_next(r, &h) == HD_OK)
        if (!h->id || !h->title)
            abort();
    hd_results_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!orig)
        build_index();
    memcpy(img, orig, seg_size);
    for (size_t i = 0; i + 5 <= size && i < 5 * 64; i += 5) {
        uint32_t off = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
                       (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
        img[off % (seg_size - 8)] = data[i + 4];
    }
    uint64_t h = XXH64(img, seg_size - 8, 0);
    memcpy(img + seg_size - 8, &h, 8);
    FILE *f = fopen(seg_path, "wb");
    if (!f || fwrite(img, 1, seg_size, f) != seg_size)
        abort();
    fclose(f);

    hd_err err = {0};
    hd_rc rc = hd_index_check(dir, &err);
    if (rc != HD_OK && !err.msg[0])
        abort(); /* a failure always says what */
    if (size < 5 && rc != HD_OK)
        abort(); /* no patch: the index is sound and must say so */
    hd_index *ix = NULL;
    hd_err_clear(&err);
    rc = hd_index_open(dir, NULL, &ix, &err);
    if (rc != HD_OK) {
        if (ix || !err.msg[0] || size < 5)
            abort();
        return 0;
    }
    hd_index_stats st;
    hd_index_stats_get(ix, &st, NULL);
    search(ix, "iran talks", 1);
    search(ix, "\"nuclear talks\" OR title:leader", 1);
    search(ix, "mark* date:2012..2018 -rain", 0);
    search(ix, "speaker:khamenei budget", 1);
    search(ix, "*", 0);
    hd_index_close(ix);
    return 0;
}
