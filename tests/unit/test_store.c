/* SPDX-License-Identifier: MIT
 *
 * test_store.c — the stored-fields streams (src/index/store.c, seg_reader.c): random
 * documents round-trip through segments with no dictionary, a dictionary made of the whole
 * stream and a dictionary made of its first records, and through a merge; speakers stored as
 * references into the body and dates given back by the dates section come back exactly; a
 * damaged dictionary frame or block (checksum re-sealed) is HD_ECORRUPT naming the segment,
 * from fetches and from `check`, never a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tmpdir.h"

#include <xxhash.h>

#include "index/codec.h"
#include "index/seg.h"

static char *tmpdir(void)
{
    return test_tmpdir("store");
}

static uint64_t rng_next(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

/* A random document: words from a small vocabulary (so zstd finds matches), now and then a
 * byte string of any value but NUL, empty fields, and a body that can be long. */
typedef struct rdoc {
    char id[32], url[64], source[32], date[16], title[128], speakers[96];
    char *body;
    size_t body_len;
    uint32_t seq;
} rdoc;

static const char *const vocab[] = {
    "the",     "market",  "said",    "shares", "oil", "price",  "minister", "bank", "rose", "fell",
    "percent", "quarter", "Reuters", "trade",  "of",  "tonnes", "dlrs",     "mln",  "and",  "year"};

static size_t rand_text(uint64_t *rng, char *out, size_t cap)
{
    size_t n = 0;
    size_t words = rng_next(rng) % (cap / 8 + 1);
    for (size_t i = 0; i < words && n + 16 < cap; i++) {
        if (rng_next(rng) % 50 == 0) { /* arbitrary bytes */
            for (int k = 0; k < 6; k++)
                out[n++] = (char)(1 + rng_next(rng) % 255);
        } else {
            n += (size_t)snprintf(out + n, cap - n, "%s",
                                  vocab[rng_next(rng) % (sizeof vocab / sizeof *vocab)]);
        }
        out[n++] = (char)(rng_next(rng) % 9 ? ' ' : '\n');
    }
    out[n] = 0;
    return n;
}

static size_t body_small = 2000, body_big = 40000; /* body size caps, 15 in 16 docs small */

static void rand_doc(uint64_t *rng, int i, rdoc *d)
{
    snprintf(d->id, sizeof d->id, "doc-%d", i);
    if (rng_next(rng) % 4)
        snprintf(d->url, sizeof d->url, "reuters21578:%d", i);
    else
        d->url[0] = 0;
    snprintf(d->source, sizeof d->source, "%s", rng_next(rng) % 2 ? "reuters" : "bbc/business");
    /* canonical dates (stored as the dates section's day) and others (stored as they are) */
    static const char *const odd_dates[] = {"1987-2-26", "1987-02-26T10:00:00Z", "1987-02-30",
                                            "26 Feb 1987", "0000-01-01"};
    uint64_t dk = rng_next(rng) % 8;
    if (dk < 5)
        snprintf(d->date, sizeof d->date, "19%02d-0%d-1%d", (int)(rng_next(rng) % 100),
                 (int)(1 + rng_next(rng) % 9), (int)(rng_next(rng) % 10));
    else if (dk < 7)
        snprintf(d->date, sizeof d->date, "%s", odd_dates[rng_next(rng) % 5]);
    else
        d->date[0] = 0;
    rand_text(rng, d->title, sizeof d->title);
    size_t cap = rng_next(rng) % 16 == 0 ? body_big : body_small;
    d->body = malloc(cap + 1);
    d->body_len = rand_text(rng, d->body, cap);
    /* speakers: none, names not in the body, or a piece of the body (at a word start or
     * not, maybe over a line break), alone or before a name that is not there */
    uint64_t sk = rng_next(rng) % 6;
    d->speakers[0] = 0;
    if (sk == 1 || sk == 2) {
        snprintf(d->speakers, sizeof d->speakers, "Speaker %d\nOther Name",
                 (int)(rng_next(rng) % 40));
    } else if (sk >= 3 && d->body_len > 0) {
        size_t at = rng_next(rng) % d->body_len;
        if (sk == 3) /* back to a word start */
            while (at > 0 && d->body[at - 1] != ' ' && d->body[at - 1] != '\n')
                at--;
        size_t len = 1 + rng_next(rng) % 30;
        if (len > d->body_len - at)
            len = d->body_len - at;
        int n = snprintf(d->speakers, sizeof d->speakers, "%.*s", (int)len, d->body + at);
        if (sk == 5)
            snprintf(d->speakers + n, sizeof d->speakers - (size_t)n, "\nNobody %d",
                     (int)(rng_next(rng) % 9));
    }
    d->seq = (uint32_t)(rng_next(rng) % 5);
}

static void add_doc(hd_index *ix, const rdoc *r)
{
    const char *sp[2];
    size_t n_sp = 0;
    char spk[96];
    if (r->speakers[0]) { /* split at the last line break, if any: a name may hold one */
        memcpy(spk, r->speakers, sizeof spk);
        char *nl = strrchr(spk, '\n');
        sp[n_sp++] = spk;
        if (nl) {
            *nl = 0;
            sp[n_sp++] = nl + 1;
        }
    }
    hd_doc d = {.id = r->id,
                .title = r->title,
                .body = r->body,
                .body_len = r->body_len,
                .date = r->date[0] ? r->date : NULL,
                .source = r->source,
                .url = r->url[0] ? r->url : NULL,
                .seq = r->seq,
                .speakers = n_sp ? sp : NULL,
                .n_speakers = n_sp};
    hd_err err = {0};
    assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
}

/* Every doc of the index equals its rdoc (found by id), with and without its body. */
static void check_all(const char *dir, const rdoc *docs, size_t n)
{
    hd_index *rx;
    hd_err err = {0};
    assert_int_equal(hd_index_open(dir, NULL, &rx, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(rx);
    assert_int_equal(hd_ixr_n_docs(r), n);
    size_t seen = 0;
    for (size_t k = 0; k < hd_ixr_n_segments(r); k++) {
        const hd_seg *s = hd_ixr_segment(r, k);
        /* backwards, so that blocks are not always met in order */
        for (uint32_t d = hd_seg_max_doc(s); d-- > 0;) {
            if (hd_seg_is_deleted(s, d))
                continue;
            hd_stored_doc sd;
            assert_int_equal(hd_seg_doc(s, d, &sd, &err), HD_OK);
            int i = atoi(sd.id + 4);
            assert_true(i >= 0 && (size_t)i < n);
            const rdoc *x = &docs[i];
            assert_string_equal(sd.id, x->id);
            assert_string_equal(sd.url, x->url);
            assert_string_equal(sd.source, x->source);
            assert_string_equal(sd.date, x->date);
            assert_string_equal(sd.title, x->title);
            assert_string_equal(sd.speakers, x->speakers);
            assert_int_equal(sd.seq, x->seq);
            assert_int_equal(sd.body_len, x->body_len);
            assert_memory_equal(sd.body, x->body, x->body_len);
            assert_int_equal(hd_seg_doc_meta(s, d, &sd, &err), HD_OK);
            assert_string_equal(sd.title, x->title);
            assert_string_equal(sd.date, x->date);
            assert_string_equal(sd.speakers, x->speakers);
            assert_int_equal(sd.body_len, 0);
            assert_int_equal(hd_seg_doc_fields(s, d, 0, &sd, &err), HD_OK);
            assert_string_equal(sd.id, x->id);
            assert_string_equal(sd.date, x->date);
            assert_string_equal(sd.speakers, "");
            assert_int_equal(sd.seq, x->seq);
            assert_int_equal(sd.body_len, 0);
            seen++;
        }
    }
    assert_int_equal(seen, n);
    hd_index_close(rx);
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
}

static uint64_t seg_meta_word(const char *path, int w)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    uint64_t v;
    fseek(f, size - HD_TRAILER_LEN - (SEG_META_WORDS - w) * 8, SEEK_SET);
    assert_int_equal(fread(&v, 8, 1, f), 1);
    fclose(f);
    return v;
}

/* Round trips at three sizes: no dictionary (under 64 KiB of bodies), a dictionary that is
 * the whole stream, and one made of the first 1 MiB of bodies / 1 MiB of meta records. */
static void round_trip(size_t n_docs, uint64_t seed, int expect_bdict, int expect_mdict)
{
    char *dir = tmpdir();
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts o = {.create = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
    rdoc *docs = calloc(n_docs, sizeof *docs);
    uint64_t rng = seed;
    for (size_t i = 0; i < n_docs; i++) {
        rand_doc(&rng, (int)i, &docs[i]);
        add_doc(ix, &docs[i]);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_index_close(ix);
    char path[512];
    snprintf(path, sizeof path, "%s/seg_1.hds", dir);
    assert_int_equal(seg_meta_word(path, M_BDICT_LEN) > 0, expect_bdict);
    assert_int_equal(seg_meta_word(path, M_MDICT_LEN) > 0, expect_mdict);
    check_all(dir, docs, n_docs);
    for (size_t i = 0; i < n_docs; i++)
        free(docs[i].body);
    free(docs);
    rmdir_all(dir);
}

static void test_round_trip_no_dict(void **state)
{
    (void)state;
    round_trip(20, 1, 0, 0);
}

static void test_round_trip_whole_stream_dict(void **state)
{
    (void)state;
    round_trip(300, 2, 1, 0);
}

static void test_round_trip_first_records_dict(void **state)
{
    (void)state;
    body_small = 160; /* 11,000 docs: ~1.3 MiB of meta records, ~1.1 MiB of bodies */
    body_big = 2000;
    round_trip(11000, 3, 1, 1);
    body_small = 2000;
    body_big = 40000;
}

/* Two segments (each with its own dictionaries) merged into one: the records survive the
 * decompress / recompress against the merged segment's dictionaries; a deleted doc is gone. */
static void test_merge_round_trip(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts o = {.create = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
    size_t n = 1400;
    rdoc *docs = calloc(n, sizeof *docs);
    uint64_t rng = 4;
    for (size_t i = 0; i < n; i++) {
        rand_doc(&rng, (int)i, &docs[i]);
        add_doc(ix, &docs[i]);
        if (i == n / 2)
            assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    assert_int_equal(hd_index_delete(ix, docs[n - 1].id, &err), HD_OK);
    assert_int_equal(hd_index_optimize(ix, &err), HD_OK);
    hd_index_close(ix);
    check_all(dir, docs, n - 1);
    for (size_t i = 0; i < n; i++)
        free(docs[i].body);
    free(docs);
    rmdir_all(dir);
}

/* Speakers that occur in the body at a word start are stored as references to it, the others
 * as text (in the meta record, or in the body record beside references); every case comes
 * back exactly, from each fetch, and hd_seg_doc_fields without HD_SF_SPEAKERS gives "". */
static void test_speaker_references(void **state)
{
    (void)state;
    static const struct {
        const char *body, *sp[3], *joined;
    } cases[] = {
        {"Reagan said the Bank of England would act",
         {"Reagan", "Bank of England"},
         "Reagan\nBank of England"},
        {"xReagan said", {"Reagan"}, "Reagan"},                     /* not at a word start */
        {"James Baker said", {"Baker", "Nobody"}, "Baker\nNobody"}, /* one of two */
        {"xBaker and Baker", {"Baker"}, "Baker"},                   /* the second occurrence */
        {"a  \n\nReagan, b", {"Reagan", "a"}, "Reagan\na"},         /* runs of separators */
        {"one two\nthree", {"two\nthree"}, "two\nthree"},           /* a name with a line break */
        {"", {"Nobody"}, "Nobody"},                                 /* empty body */
        {"Baker Baker", {"Baker", "Baker"}, "Baker\nBaker"},        /* the same name twice */
        {"no speakers here", {NULL}, ""},
        {NULL, {"Early", "Late"}, "Early\nLate"}, /* a 70 KB body: "Late" past the first 64 KiB */
    };
    size_t n = sizeof cases / sizeof *cases;
    char *dir = tmpdir();
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts o = {.create = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
    size_t big_len = 70000;
    char *big = malloc(big_len + 1);
    memset(big, 'x', big_len);
    for (size_t i = 7; i < big_len; i += 8)
        big[i] = ' ';
    memcpy(big, "Early ", 6);
    memcpy(big + 69000, "Late ", 5);
    big[big_len] = 0;
    for (size_t i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%zu", i);
        const char *body = cases[i].body ? cases[i].body : big;
        size_t n_sp = 0;
        while (n_sp < 3 && cases[i].sp[n_sp])
            n_sp++;
        hd_doc d = {.id = id,
                    .title = "t",
                    .body = body,
                    .body_len = strlen(body),
                    .date = "2022-11-27",
                    .source = "s",
                    .speakers = cases[i].sp,
                    .n_speakers = n_sp};
        assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_index_close(ix);
    hd_index *rx;
    assert_int_equal(hd_index_open(dir, NULL, &rx, &err), HD_OK);
    const hd_seg *s = hd_ixr_segment(hd_index_reader(rx), 0);
    for (uint32_t d = 0; d < n; d++) {
        hd_stored_doc sd;
        assert_int_equal(hd_seg_doc(s, d, &sd, &err), HD_OK);
        assert_string_equal(sd.speakers, cases[d].joined);
        assert_string_equal(sd.body, cases[d].body ? cases[d].body : big);
        assert_string_equal(sd.date, "2022-11-27");
        assert_int_equal(hd_seg_doc_meta(s, d, &sd, &err), HD_OK);
        assert_string_equal(sd.speakers, cases[d].joined);
        assert_int_equal(sd.body_len, 0);
        assert_int_equal(hd_seg_doc_fields(s, d, HD_SF_SPEAKERS, &sd, &err), HD_OK);
        assert_string_equal(sd.speakers, cases[d].joined);
        assert_int_equal(hd_seg_doc_fields(s, d, 0, &sd, &err), HD_OK);
        assert_string_equal(sd.speakers, "");
        assert_string_equal(sd.title, "t");
    }
    hd_index_close(rx);
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    free(big);
    rmdir_all(dir);
}

/* Flip a byte at file offset at of dir/seg_1.hds and re-seal the checksum. */
static void damage(const char *dir, uint64_t at, unsigned char x)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seg_1.hds", dir);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    unsigned char *img = malloc((size_t)size);
    fseek(f, 0, SEEK_SET);
    assert_int_equal(fread(img, 1, (size_t)size, f), (size_t)size);
    assert_true(at < (uint64_t)size - HD_TRAILER_LEN);
    img[at] ^= x;
    uint64_t h = XXH64(img, (size_t)size - 8, 0);
    memcpy(img + size - 8, &h, 8);
    fseek(f, 0, SEEK_SET);
    assert_int_equal(fwrite(img, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    free(img);
}

/* Damage inside a dictionary frame or a compressed block: open may succeed (dictionaries are
 * read on first use) but reading the documents and `check` give HD_ECORRUPT naming the
 * segment. Every byte position of a few regions, several values. */
static void test_damaged_blocks_detected(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts o = {.create = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
    size_t n = 300;
    rdoc *docs = calloc(n, sizeof *docs);
    uint64_t rng = 5;
    for (size_t i = 0; i < n; i++) {
        rand_doc(&rng, (int)i, &docs[i]);
        add_doc(ix, &docs[i]);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_index_close(ix);
    char path[512], save[512];
    snprintf(path, sizeof path, "%s/seg_1.hds", dir);
    snprintf(save, sizeof save, "%s/seg_1.orig", dir);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", path, save);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", save, path);
    uint64_t dates = seg_meta_word(path, M_DATES_OFF);
    uint64_t mdict = seg_meta_word(path, M_MDICT_LEN), bdict = seg_meta_word(path, M_BDICT_LEN);
    uint64_t bdict_at = dates + 4 * n + mdict;
    uint64_t store = seg_meta_word(path, M_STORE_OFF);
    uint64_t body = seg_meta_word(path, M_BODY_OFF);
    uint64_t body_idx = seg_meta_word(path, M_BODY_IDX_OFF);
    assert_true(bdict > 64);
    assert_int_equal(bdict_at + bdict, store);
    /* regions: the body dictionary frame (after its header, whose damage open may catch), the
     * first meta block, the first and last body blocks */
    uint64_t regions[][2] = {{bdict_at + 16, bdict_at + bdict},
                             {store + 8, store + 200},
                             {body + 8, body + 300},
                             {body_idx - 300, body_idx}};
    int n_caught = 0, n_tries = 0;
    for (size_t g = 0; g < sizeof regions / sizeof *regions; g++) {
        uint64_t step = (regions[g][1] - regions[g][0]) / 12 + 1;
        for (uint64_t at = regions[g][0]; at < regions[g][1]; at += step) {
            assert_int_equal(system(cmd), 0);
            damage(dir, at, (unsigned char)(1u << (at % 8)));
            n_tries++;
            hd_err e = {0};
            hd_index *rd;
            if (hd_index_open(dir, NULL, &rd, &e) != HD_OK) {
                assert_int_equal(e.code, HD_ECORRUPT);
                assert_non_null(strstr(e.where, "seg_1.hds"));
                n_caught++;
                continue;
            }
            const hd_seg *s = hd_ixr_segment(hd_index_reader(rd), 0);
            int bad = 0;
            for (uint32_t d = 0; d < hd_seg_max_doc(s); d++) {
                hd_stored_doc sd;
                hd_err e2 = {0};
                hd_rc rc = hd_seg_doc(s, d, &sd, &e2);
                if (rc) {
                    assert_int_equal(rc, HD_ECORRUPT);
                    assert_non_null(strstr(e2.where, "seg_1.hds"));
                    bad = 1;
                }
            }
            hd_index_close(rd);
            hd_err e3 = {0};
            hd_rc crc = hd_index_check(dir, &e3);
            /* a flip the decoder cannot see (zstd frames carry no checksum: a literal byte
             * changes one letter) is possible; when the fetch failed, check must fail too */
            if (bad)
                assert_int_equal(crc, HD_ECORRUPT);
            if (crc) {
                assert_non_null(strstr(e3.where, "seg_1.hds"));
                n_caught++;
            }
        }
    }
    /* most flips in entropy-coded data break the frame */
    fprintf(stderr, "caught %d of %d\n", n_caught, n_tries);
    assert_true(n_caught * 2 > n_tries);
    for (size_t i = 0; i < n; i++)
        free(docs[i].body);
    free(docs);
    rmdir_all(dir);
}

/* A dictionary frame claiming a content size over the limit is refused at open. */
static void test_dictionary_size_limit(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts o = {.create = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
    rdoc docs[300];
    uint64_t rng = 6;
    for (size_t i = 0; i < 300; i++) {
        rand_doc(&rng, (int)i, &docs[i]);
        add_doc(ix, &docs[i]);
        free(docs[i].body);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_index_close(ix);
    char path[512];
    snprintf(path, sizeof path, "%s/seg_1.hds", dir);
    uint64_t at = seg_meta_word(path, M_DATES_OFF) + 4 * 300 + seg_meta_word(path, M_MDICT_LEN);
    /* zstd frame header: magic (4), descriptor (1: content size field), maybe a window byte,
     * then the content size; setting its top byte makes it huge (or unknown/invalid) */
    FILE *f = fopen(path, "rb");
    unsigned char h[16];
    fseek(f, (long)at, SEEK_SET);
    assert_int_equal(fread(h, 1, sizeof h, f), sizeof h);
    fclose(f);
    unsigned fcs_code = h[4] >> 6, single = (h[4] >> 5) & 1;
    size_t fcs_len = fcs_code == 0 ? single : (size_t)1 << fcs_code;
    size_t fcs_at = 5 + !single;
    assert_true(fcs_len >= 2);
    damage(dir, at + fcs_at + fcs_len - 1, 0x40);
    hd_index *rd;
    assert_int_equal(hd_index_open(dir, NULL, &rd, &err), HD_ECORRUPT);
    assert_non_null(strstr(err.where, "seg_1.hds"));
    rmdir_all(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_no_dict),
        cmocka_unit_test(test_round_trip_whole_stream_dict),
        cmocka_unit_test(test_round_trip_first_records_dict),
        cmocka_unit_test(test_merge_round_trip),
        cmocka_unit_test(test_speaker_references),
        cmocka_unit_test(test_damaged_blocks_detected),
        cmocka_unit_test(test_dictionary_size_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
