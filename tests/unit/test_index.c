/* SPDX-License-Identifier: MIT
 *
 * test_index.c — the index as a whole: writer -> reader round trip of stored fields, norms
 * and dates; dictionary lookup, prefix enumeration and absent terms; replace by id; delete;
 * merges and optimize; the write lock; a flipped byte in any file -> HD_ECORRUPT naming it.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "tmpdir.h"

#include <sys/resource.h>
#include <signal.h>
#include <xxhash.h>

#include "base/mem.h"
#include "index/index.h"

static char *tmpdir(void)
{
    return test_tmpdir("index");
}

static hd_index *open_w(const char *dir)
{
    hd_index *ix;
    hd_err err = {0};
    hd_index_opts o = {.create = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
    return ix;
}

static void add(hd_index *ix, const char *id, const char *title, const char *body, const char *date)
{
    hd_err err = {0};
    hd_doc d = {.id = id,
                .title = title,
                .body = body,
                .date = date,
                .source = "bbc/business",
                .url = "http://example.com/x",
                .seq = 3};
    assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
}

/* Live doc count of a term in body over the snapshot. */
static uint32_t live_hits(const hd_ixr *r, const char *term)
{
    uint32_t n = 0;
    for (size_t i = 0; i < hd_ixr_n_segments(r); i++) {
        const hd_seg *s = hd_ixr_segment(r, i);
        hd_terminfo ti;
        if (hd_seg_term(s, HD_FIELD_BODY, term, strlen(term), &ti, NULL) != HD_OK)
            continue;
        hd_postings p;
        assert_int_equal(hd_postings_open(&p, s, &ti, 0, NULL), HD_OK);
        while (hd_postings_next(&p) == HD_OK)
            n += !hd_seg_is_deleted(s, p.doc);
    }
    return n;
}

static void test_round_trip(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    const char *sp[] = {"Tony Blair", "Gordon Brown"};
    hd_doc d = {.id = "a1",
                .title = "Ad sales boost Time Warner profit",
                .body = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.",
                .date = "2005-02-14",
                .source = "bbc/business/001.txt",
                .url = NULL,
                .seq = 7,
                .speakers = sp,
                .n_speakers = 2};
    assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
    add(ix, "a2", "Dollar gains on Greenspan speech", "The dollar has hit its highest level.",
        NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_index_close(ix);

    hd_index *rx;
    assert_int_equal(hd_index_open(dir, NULL, &rx, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(rx);
    assert_int_equal(hd_ixr_n_docs(r), 2);
    assert_string_equal(hd_ixr_language(r), "english");
    const hd_seg *s = hd_ixr_segment(r, 0);
    assert_int_equal(hd_seg_max_doc(s), 2);
    hd_stored_doc sd;
    assert_int_equal(hd_seg_doc(s, 0, &sd, &err), HD_OK);
    assert_string_equal(sd.id, "a1");
    assert_string_equal(sd.title, "Ad sales boost Time Warner profit");
    assert_string_equal(sd.date, "2005-02-14");
    assert_string_equal(sd.url, "");
    assert_string_equal(sd.speakers, "Tony Blair\nGordon Brown");
    assert_int_equal(sd.seq, 7);
    assert_int_equal(sd.body_len, strlen(d.body));
    assert_int_equal(hd_seg_doc(s, 1, &sd, &err), HD_OK);
    assert_string_equal(sd.id, "a2");
    assert_string_equal(sd.date, "");
    assert_int_equal(hd_seg_doc(s, 2, &sd, NULL), HD_EINVAL);
    /* dates */
    char buf[11];
    hd_day_format(hd_seg_date(s, 0), buf);
    assert_string_equal(buf, "2005-02-14");
    assert_int_equal(hd_seg_date(s, 1), HD_NO_DATE);
    assert_int_equal(hd_day_parse("1970-01-02", 10), 1);
    assert_int_equal(hd_day_parse("2023-02-29", 10), HD_NO_DATE);
    /* field lengths: title of a1 has 6 words */
    assert_int_equal(hd_seg_field_len(s, HD_FIELD_TITLE, 0), 6);
    assert_int_equal(hd_seg_field_total(s, HD_FIELD_TITLE), 6 + 5);
    assert_int_equal(hd_ixr_field_total(r, HD_FIELD_TITLE), 11);
    /* terms: stemmed, per field */
    hd_terminfo ti;
    assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, "profit", 6, &ti, &err), HD_OK);
    assert_int_equal(ti.doc_freq, 1);
    assert_int_equal(hd_seg_term(s, HD_FIELD_TITLE, "profit", 6, &ti, &err), HD_OK);
    assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, "dollar", 6, &ti, &err), HD_OK);
    assert_int_equal(ti.doc_freq, 1);
    assert_int_equal(ti.total_tf, 1);
    assert_int_equal(hd_ixr_doc_freq(r, HD_FIELD_TITLE, "dollar", 6), 1);
    assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, "profits", 7, &ti, &err), HD_ENOTFOUND);
    assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, "zzz", 3, &ti, &err), HD_ENOTFOUND);
    assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, "", 0, &ti, &err), HD_ENOTFOUND);
    assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, "a", 1, &ti, &err), HD_ENOTFOUND);
    assert_int_equal(hd_seg_term(s, HD_FIELD_SPEAKER, "blair", 5, &ti, &err), HD_OK);
    assert_int_equal(hd_seg_term(s, HD_FIELD_SOURCE, "bbc", 3, &ti, &err), HD_OK);
    assert_int_equal(hd_seg_term(s, HD_FIELD_ID, "a2", 2, &ti, &err), HD_OK);
    /* positions of "dollar" in a2's title: 0 */
    assert_int_equal(hd_seg_term(s, HD_FIELD_TITLE, "dollar", 6, &ti, &err), HD_OK);
    hd_postings p;
    uint32_t pos[8];
    size_t np;
    assert_int_equal(hd_postings_open(&p, s, &ti, 1, &err), HD_OK);
    assert_int_equal(hd_postings_next(&p), HD_OK);
    assert_int_equal(p.doc, 1);
    assert_int_equal(hd_postings_positions(&p, pos, 8, &np), HD_OK);
    assert_int_equal(np, 1);
    assert_int_equal(pos[0], 0);
    hd_index_close(rx);
    rmdir_all(dir);
}

typedef struct pfx {
    char terms[32][32];
    size_t n;
} pfx;

static int on_term(void *ud, const char *t, size_t n, const hd_terminfo *ti)
{
    pfx *x = ud;
    assert_true(ti->doc_freq > 0);
    memcpy(x->terms[x->n], t, n);
    x->terms[x->n++][n] = 0;
    return x->n >= 32;
}

static void test_dictionary_many_terms(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    /* 3000 distinct number terms over 100 docs: many dictionary blocks */
    char body[8192];
    for (int d = 0; d < 100; d++) {
        size_t o = 0;
        for (int k = 0; k < 30; k++)
            o += (size_t)sprintf(body + o, "n%04d ", d * 30 + k);
        char id[16];
        sprintf(id, "d%d", d);
        add(ix, id, "", body, NULL);
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    const hd_seg *s = hd_ixr_segment(hd_index_reader(ix), 0);
    for (int t = 0; t < 3000; t += 7) {
        char term[16];
        sprintf(term, "n%04d", t);
        hd_terminfo ti;
        assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, term, 5, &ti, &err), HD_OK);
        hd_postings p;
        assert_int_equal(hd_postings_open(&p, s, &ti, 1, &err), HD_OK);
        assert_int_equal(hd_postings_next(&p), HD_OK);
        assert_int_equal(p.doc, t / 30);
        uint32_t pos[4];
        size_t np;
        assert_int_equal(hd_postings_positions(&p, pos, 4, &np), HD_OK);
        assert_int_equal(pos[0], t % 30);
        sprintf(term, "n%04d5", t); /* absent, between existing terms */
        assert_int_equal(hd_seg_term(s, HD_FIELD_BODY, term, 6, &ti, &err), HD_ENOTFOUND);
    }
    /* prefix enumeration: n012* = n0120..n0129, in order, only body */
    pfx x = {0};
    assert_int_equal(hd_seg_terms_prefix(s, HD_FIELD_BODY, "n012", 4, 100, on_term, &x, &err),
                     HD_OK);
    assert_int_equal(x.n, 10);
    assert_string_equal(x.terms[0], "n0120");
    assert_string_equal(x.terms[9], "n0129");
    memset(&x, 0, sizeof x);
    assert_int_equal(hd_seg_terms_prefix(s, HD_FIELD_TITLE, "n012", 4, 100, on_term, &x, &err),
                     HD_OK);
    assert_int_equal(x.n, 0);
    memset(&x, 0, sizeof x);
    assert_int_equal(hd_seg_terms_prefix(s, HD_FIELD_BODY, "n1", 2, 5, on_term, &x, &err),
                     HD_ELIMIT);
    memset(&x, 0, sizeof x);
    assert_int_equal(hd_seg_terms_prefix(s, HD_FIELD_BODY, "q", 1, 100, on_term, &x, NULL), HD_OK);
    assert_int_equal(x.n, 0);
    hd_index_close(ix);
    rmdir_all(dir);
}

static void test_replace_and_delete(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    add(ix, "x", "t", "apple banana", NULL);
    add(ix, "y", "t", "apple cherry", NULL);
    add(ix, "x", "t", "apple durian", NULL); /* replaces x inside the same batch */
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 2);
    assert_int_equal(live_hits(r, "banana"), 0);
    assert_int_equal(live_hits(r, "durian"), 1);
    assert_int_equal(live_hits(r, "appl"), 2);
    /* replace across commits */
    add(ix, "y", "t", "apple elderberry", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 2);
    assert_int_equal(live_hits(r, "cherri"), 0);
    assert_int_equal(live_hits(r, "elderberri"), 1);
    /* delete, then a re-add of the same id in the same batch survives */
    assert_int_equal(hd_index_delete(ix, "x", &err), HD_OK);
    assert_int_equal(hd_index_delete(ix, "nosuch", &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 1);
    assert_int_equal(live_hits(r, "durian"), 0);
    assert_int_equal(hd_index_delete(ix, "y", &err), HD_OK);
    add(ix, "y", "t", "apple fig", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 1);
    assert_int_equal(live_hits(r, "fig"), 1);
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    hd_index_stats st;
    assert_int_equal(hd_index_stats_get(ix, &st, &err), HD_OK);
    assert_int_equal(st.n_docs, 1);
    /* optimize drops the deleted docs and leaves one segment */
    assert_int_equal(hd_index_optimize(ix, &err), HD_OK);
    r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_segments(r), 1);
    assert_int_equal(hd_ixr_max_doc(r), 1);
    assert_int_equal(live_hits(r, "fig"), 1);
    hd_index_close(ix);
    /* reopening sees the same */
    ix = open_w(dir);
    assert_int_equal(hd_ixr_n_docs(hd_index_reader(ix)), 1);
    hd_index_close(ix);
    rmdir_all(dir);
}

static void test_merge_policy(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    int id = 0;
    for (int c = 0; c < 25; c++) {
        for (int k = 0; k < 3; k++) {
            char sid[16], body[64];
            sprintf(sid, "m%d", id);
            sprintf(body, "common word%d", id++);
            add(ix, sid, "", body, "2020-01-01");
        }
        assert_int_equal(hd_index_commit(ix, &err), HD_OK);
        /* one segment per level at most MERGE_FACTOR-1 */
        assert_true(hd_ixr_n_segments(hd_index_reader(ix)) < 10 + 9);
    }
    const hd_ixr *r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 75);
    assert_true(hd_ixr_n_segments(r) < 25);
    assert_int_equal(live_hits(r, "common"), 75);
    assert_int_equal(live_hits(r, "word42"), 1);
    assert_int_equal(hd_index_optimize(ix, &err), HD_OK);
    r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_segments(r), 1);
    assert_int_equal(live_hits(r, "common"), 75);
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    hd_index_close(ix);
    /* only the files of the last commit remain */
    DIR *d = opendir(dir);
    struct dirent *de;
    int n_seg = 0;
    while ((de = readdir(d)))
        n_seg += strncmp(de->d_name, "seg_", 4) == 0;
    closedir(d);
    assert_int_equal(n_seg, 1);
    rmdir_all(dir);
}

static void test_lock_and_readers(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_err err = {0};
    hd_index *ix, *ix2, *rd;
    hd_index_opts o = {.writable = 1};
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_ENOTFOUND);
    hd_err_clear(&err);
    ix = open_w(dir);
    assert_int_equal(hd_index_open(dir, &o, &ix2, &err), HD_ELOCKED);
    assert_non_null(strstr(err.msg, "write.lock"));
    hd_err_clear(&err);
    add(ix, "a", "", "first", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    assert_int_equal(hd_index_open(dir, NULL, &rd, &err), HD_OK); /* readers need no lock */
    add(ix, "b", "", "second", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    assert_int_equal(hd_ixr_n_docs(hd_index_reader(rd)), 1); /* its snapshot is unchanged */
    hd_doc d = {.id = "c", .body = "x"};
    assert_int_equal(hd_index_add(rd, &d, &err), HD_EINVAL);
    hd_index_close(rd);
    /* uncommitted docs are dropped at close */
    add(ix, "c", "", "third", NULL);
    hd_index_close(ix);
    assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK); /* lock released */
    assert_int_equal(hd_ixr_n_docs(hd_index_reader(ix)), 2);
    hd_index_close(ix);
    rmdir_all(dir);
}

static void flip_byte(const char *dir, const char *name, long at)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    long off = at >= 0 ? at % size : size + at;
    fseek(f, off, SEEK_SET);
    int c = fgetc(f);
    fseek(f, off, SEEK_SET);
    fputc(c ^ 0x5a, f);
    fclose(f);
}

static void test_corruption_named(void **state)
{
    (void)state;
    const char *files[] = {"seg_1.hds", "seg_1_3.del", "MANIFEST"};
    for (int fi = 0; fi < 3; fi++) {
        for (long at = 0; at < 4000; at += 997) {
            char *dir = tmpdir();
            hd_index *ix = open_w(dir);
            hd_err err = {0};
            char body[64];
            for (int i = 0; i < 200; i++) {
                char id[16];
                sprintf(id, "k%d", i);
                sprintf(body, "text number%d shared", i);
                add(ix, id, "title", body, NULL);
            }
            assert_int_equal(hd_index_commit(ix, &err), HD_OK); /* gen 1: seg_1 */
            add(ix, "z", "", "z", NULL);
            assert_int_equal(hd_index_commit(ix, &err), HD_OK); /* gen 2: seg_2 */
            assert_int_equal(hd_index_delete(ix, "k5", &err), HD_OK);
            assert_int_equal(hd_index_commit(ix, &err), HD_OK); /* gen 3: seg_1_3.del */
            hd_index_close(ix);
            assert_int_equal(hd_index_check(dir, &err), HD_OK);
            flip_byte(dir, files[fi], at);
            hd_rc rc = hd_index_check(dir, &err);
            assert_true(rc == HD_ECORRUPT || rc == HD_EVERSION);
            assert_non_null(strstr(err.where, files[fi]));
            hd_err_clear(&err);
            hd_index *rd;
            rc = hd_index_open(dir, NULL, &rd, &err);
            assert_true(rc == HD_ECORRUPT || rc == HD_EVERSION);
            rmdir_all(dir);
        }
    }
}

static void test_bad_input(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    hd_doc d = {.id = NULL, .body = "x"};
    assert_int_equal(hd_index_add(ix, &d, &err), HD_EINVAL);
    char id[2000];
    memset(id, 'i', sizeof id - 1);
    id[sizeof id - 1] = 0;
    d.id = id;
    hd_err_clear(&err);
    assert_int_equal(hd_index_add(ix, &d, &err), HD_ELIMIT);
    /* an id longer than a term still replaces correctly */
    id[500] = 0;
    add(ix, id, "", "long one", NULL);
    add(ix, id, "", "long two", NULL);
    /* invalid UTF-8 and NUL-free binary noise */
    add(ix, "bin", "\xff\xfe title", "\xc3\x28 \xe2\x82 bytes \x80\x80 ok", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    add(ix, id, "", "long three", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 2);
    assert_int_equal(live_hits(r, "three"), 1);
    assert_int_equal(live_hits(r, "ok"), 1);
    hd_index_close(ix);
    hd_index_opts o = {.create = 1, .language = "klingon"};
    char *dir2 = tmpdir();
    assert_int_equal(hd_index_open(dir2, &o, &ix, &err), HD_EINVAL);
    rmdir_all(dir2);
    rmdir_all(dir);
}

/* Damage a segment at random and re-seal its checksum, so the damage reaches the decoders:
 * opening, checking and reading every term must fail cleanly (never crash, never loop). */
static void test_decoders_survive_resealed_damage(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    char body[256];
    for (int i = 0; i < 300; i++) {
        char id[16];
        sprintf(id, "k%d", i);
        int o = 0;
        for (int k = 0; k < 12; k++)
            o += sprintf(body + o, "w%d ", (i * 7 + k * k) % (k < 4 ? 3 : 400));
        add(ix, id, i % 2 ? "Title words here" : "Other", body, "2001-02-03");
    }
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_index_close(ix);
    char path[512];
    snprintf(path, sizeof path, "%s/seg_1.hds", dir);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *orig = malloc((size_t)size), *img = malloc((size_t)size);
    assert_int_equal(fread(orig, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    uint64_t rng = 12345;
    int n_open_fail = 0, n_check_fail = 0;
    for (int iter = 0; iter < 400; iter++) {
        memcpy(img, orig, (size_t)size);
        int n_flips = 1 + (int)(rng % 4);
        for (int k = 0; k < n_flips; k++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            long at = (long)((rng >> 33) % (uint64_t)(size - 16));
            img[at] ^= (unsigned char)(1u << ((rng >> 20) % 8));
            if (iter % 3 == 0) /* sometimes a whole random byte */
                img[at] = (unsigned char)(rng >> 40);
        }
        uint64_t h = XXH64(img, (size_t)size - 8, 0);
        memcpy(img + size - 8, &h, 8);
        f = fopen(path, "wb");
        fwrite(img, 1, (size_t)size, f);
        fclose(f);
        hd_err e = {0};
        hd_index *rd;
        if (hd_index_open(dir, NULL, &rd, &e) != HD_OK) {
            n_open_fail++;
            assert_non_null(strstr(e.where, "seg_1.hds"));
            continue;
        }
        if (hd_index_check(dir, &e) != HD_OK)
            n_check_fail++;
        /* read whatever is readable: every term, every doc */
        const hd_seg *s = hd_ixr_segment(hd_index_reader(rd), 0);
        for (int t = 0; t < 400; t += 7) {
            char term[16];
            sprintf(term, "w%d", t);
            hd_terminfo ti;
            if (hd_seg_term(s, HD_FIELD_BODY, term, strlen(term), &ti, NULL) != HD_OK)
                continue;
            hd_postings p;
            if (hd_postings_open(&p, s, &ti, 1, NULL) != HD_OK)
                continue;
            uint32_t pos[64];
            size_t np;
            int guard = 0;
            while (hd_postings_next(&p) == HD_OK && guard++ < 100000)
                hd_postings_positions(&p, pos, 64, &np);
            assert_true(guard < 100000);
        }
        for (uint32_t d = 0; d < hd_seg_max_doc(s); d += 13) {
            hd_stored_doc sd;
            hd_seg_doc(s, d, &sd, NULL);
        }
        hd_index_close(rd);
    }
    /* most damage is caught at open (section table) or by check */
    assert_true(n_open_fail + n_check_fail > 100);
    free(orig);
    free(img);
    rmdir_all(dir);
}

/* A write that fails half-way (here: the file size limit) is a clear error and leaves the
 * last commit intact; the buffered documents can be committed once the disk allows it. */
static void test_failed_commit_keeps_last(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    add(ix, "first", "t", "kept words", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    char body[4096];
    memset(body, 0, sizeof body);
    for (int i = 0; i < 2000; i++) {
        char id[16];
        sprintf(id, "n%d", i);
        int o = 0;
        for (int k = 0; k < 60; k++)
            o += sprintf(body + o, "v%dx ", i * 60 + k);
        add(ix, id, "t", body, NULL);
    }
    struct rlimit old, small = {.rlim_cur = 64 * 1024, .rlim_max = RLIM_INFINITY};
    getrlimit(RLIMIT_FSIZE, &old);
    small.rlim_max = old.rlim_max;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    hd_rc rc = hd_index_commit(ix, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    assert_true(rc == HD_EIO || rc == HD_ENOSPC);
    assert_non_null(strstr(err.where, "seg_2.hds"));
    hd_err_clear(&err);
    /* another process sees the last commit, and it is sound */
    hd_index *rd;
    assert_int_equal(hd_index_open(dir, NULL, &rd, &err), HD_OK);
    assert_int_equal(hd_ixr_n_docs(hd_index_reader(rd)), 1);
    hd_index_close(rd);
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    /* retry succeeds with everything buffered */
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    assert_int_equal(hd_ixr_n_docs(hd_index_reader(ix)), 2001);
    hd_index_close(ix);
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    rmdir_all(dir);
}

/* Documents analysed apart (hd_tokenizer, as herald index does in its extraction thread)
 * index exactly like documents analysed by hd_index_add. */
static void test_add_tokens(void **state)
{
    (void)state;
    char *dir = tmpdir(), *dir2 = tmpdir();
    hd_index *a = open_w(dir), *b = open_w(dir2);
    hd_err err = {0};
    hd_tokenizer *tz, *fr;
    assert_int_equal(hd_tokenizer_new(hd_index_language(b), &tz, &err), HD_OK);
    assert_int_equal(hd_tokenizer_new("french", &fr, &err), HD_OK);
    const char *sp[] = {"Ali Khamenei", "Joe Biden"};
    for (int i = 0; i < 50; i++) {
        char id[16], body[128];
        sprintf(id, "t%d", i);
        sprintf(body, "Talks on the nuclear deal resumed, officials said; round %d of 12-day talks",
                i);
        hd_doc d = {.id = id,
                    .title = "Nuclear talks",
                    .body = body,
                    .source = "x/y",
                    .speakers = sp,
                    .n_speakers = (size_t)(i % 3)};
        assert_int_equal(hd_index_add(a, &d, &err), HD_OK);
        hd_doc_tokens *t;
        assert_int_equal(hd_tokenizer_run(tz, &d, &t, &err), HD_OK);
        assert_int_equal(hd_index_add_tokens(b, &d, t, &err), HD_OK);
        hd_doc_tokens_free(t);
        if (i == 0) {
            assert_int_equal(hd_tokenizer_run(fr, &d, &t, &err), HD_OK);
            assert_int_equal(hd_index_add_tokens(b, &d, t, &err), HD_EINVAL);
            hd_err_clear(&err);
            hd_doc_tokens_free(t);
        }
    }
    assert_int_equal(hd_index_commit(a, &err), HD_OK);
    assert_int_equal(hd_index_commit(b, &err), HD_OK);
    hd_index_stats sa, sb;
    assert_int_equal(hd_index_stats_get(a, &sa, &err), HD_OK);
    assert_int_equal(hd_index_stats_get(b, &sb, &err), HD_OK);
    assert_int_equal(sa.n_docs, 50);
    assert_int_equal(sb.n_docs, 50);
    assert_int_equal(sa.n_terms, sb.n_terms);
    assert_int_equal(sa.size_bytes, sb.size_bytes);
    const hd_ixr *ra = hd_index_reader(a), *rb = hd_index_reader(b);
    const char *terms[] = {"nuclear", "talk", "12-day", "said", "khamenei"};
    hd_field fields[] = {HD_FIELD_BODY, HD_FIELD_TITLE, HD_FIELD_BODY, HD_FIELD_BODY,
                         HD_FIELD_SPEAKER};
    for (int k = 0; k < 5; k++) {
        uint64_t x = hd_ixr_doc_freq(ra, fields[k], terms[k], strlen(terms[k]));
        assert_true(x > 0);
        assert_int_equal(x, hd_ixr_doc_freq(rb, fields[k], terms[k], strlen(terms[k])));
    }
    hd_tokenizer_free(tz);
    hd_tokenizer_free(fr);
    hd_index_close(a);
    hd_index_close(b);
    rmdir_all(dir);
    rmdir_all(dir2);
}

/* (id, tf, positions) of every live doc containing body:term, sorted by id, into out. */
static size_t term_rows(const hd_ixr *r, hd_field f, const char *term, char rows[][128], size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < hd_ixr_n_segments(r); i++) {
        const hd_seg *s = hd_ixr_segment(r, i);
        hd_terminfo ti;
        if (hd_seg_term(s, f, term, strlen(term), &ti, NULL) != HD_OK)
            continue;
        hd_postings p;
        assert_int_equal(hd_postings_open(&p, s, &ti, 1, NULL), HD_OK);
        while (hd_postings_next(&p) == HD_OK) {
            if (hd_seg_is_deleted(s, p.doc))
                continue;
            hd_stored_doc sd;
            assert_int_equal(hd_seg_doc_meta(s, p.doc, &sd, NULL), HD_OK);
            uint32_t pos[64];
            size_t np;
            assert_int_equal(hd_postings_positions(&p, pos, 64, &np), HD_OK);
            assert_true(n < cap);
            int o = snprintf(rows[n], 128, "%s tf=%u len=%u:", sd.id, p.freq,
                             hd_seg_field_len(s, f, p.doc));
            for (size_t k = 0; k < np && o < 120; k++)
                o += snprintf(rows[n] + o, (size_t)(128 - o), " %u", pos[k]);
            n++;
        }
    }
    qsort(rows, n, 128, (int (*)(const void *, const void *))strcmp);
    return n;
}

/* Merging (commit-time merges, deletions, replacements, then optimize) gives the same index
 * as indexing the surviving documents in one go: same terms, postings, positions, lengths. */
static void test_merge_equals_fresh(void **state)
{
    (void)state;
    char *dir = tmpdir(), *ref = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    static const char *vocab[] = {"oil", "prices", "rose",   "fell",     "bank", "rates", "dollar",
                                  "yen", "talks",  "strike", "minister", "said", "market"};
    char bodies[400][200];
    int alive[400] = {0};
    uint64_t rng = 7;
    for (int i = 0; i < 400; i++) {
        int o = 0;
        int len = 3 + (int)(rng % 20);
        for (int k = 0; k < len; k++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            o += sprintf(bodies[i] + o, "%s ", vocab[(rng >> 33) % 13]);
        }
    }
    for (int i = 0; i < 400; i++) {
        char id[16];
        sprintf(id, "d%d", i % 300); /* ids 0..99 come twice: replaced */
        add(ix, id, "t", bodies[i], "1999-12-31");
        alive[i] = 1;
        if (i >= 300)
            alive[i - 300] = 0;
        if (i % 37 == 36)
            assert_int_equal(hd_index_commit(ix, &err), HD_OK);
        if (i % 53 == 52) { /* delete an earlier doc */
            int victim = i - 40;
            sprintf(id, "d%d", victim % 300);
            assert_int_equal(hd_index_delete(ix, id, &err), HD_OK);
            for (int j = 0; j <= i; j++)
                if (j % 300 == victim % 300)
                    alive[j] = 0;
        }
    }
    assert_int_equal(hd_index_optimize(ix, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_segments(r), 1);
    hd_index *rx = open_w(ref);
    for (int i = 0; i < 400; i++)
        if (alive[i]) {
            char id[16];
            sprintf(id, "d%d", i % 300);
            add(rx, id, "t", bodies[i], "1999-12-31");
        }
    assert_int_equal(hd_index_commit(rx, &err), HD_OK);
    const hd_ixr *rr = hd_index_reader(rx);
    assert_int_equal(hd_ixr_n_docs(r), hd_ixr_n_docs(rr));
    assert_int_equal(hd_ixr_max_doc(r), hd_ixr_n_docs(rr)); /* deleted docs are gone */
    for (int f = 0; f < HD_N_TEXT_FIELDS; f++)
        assert_int_equal(hd_ixr_field_total(r, (hd_field)f), hd_ixr_field_total(rr, (hd_field)f));
    hd_index_stats a, b;
    hd_index_stats_get(ix, &a, NULL);
    hd_index_stats_get(rx, &b, NULL);
    assert_int_equal(a.n_terms, b.n_terms);
    static char ra[400][128], rb[400][128];
    const char *stems[] = {"oil", "price", "rose",   "fell",   "bank", "rate",  "dollar",
                           "yen", "talk",  "strike", "minist", "said", "market"};
    for (int k = 0; k < 13; k++) {
        size_t na = term_rows(r, HD_FIELD_BODY, stems[k], ra, 400);
        size_t nb = term_rows(rr, HD_FIELD_BODY, stems[k], rb, 400);
        assert_int_equal(na, nb);
        assert_true(na > 0);
        for (size_t i = 0; i < na; i++)
            assert_string_equal(ra[i], rb[i]);
    }
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    hd_index_close(ix);
    hd_index_close(rx);
    rmdir_all(dir);
    rmdir_all(ref);
}

/* A segment of another format version is refused with HD_EVERSION, naming the file. */
static void test_other_version(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    add(ix, "v", "t", "versioned words", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    hd_index_close(ix);
    char path[512];
    snprintf(path, sizeof path, "%s/seg_1.hds", dir);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    unsigned char *img = malloc((size_t)size);
    fseek(f, 0, SEEK_SET);
    assert_int_equal(fread(img, 1, (size_t)size, f), (size_t)size);
    uint32_t v = 1; /* an older format */
    memcpy(img + size - 12, &v, 4);
    uint64_t h = XXH64(img, (size_t)size - 8, 0);
    memcpy(img + size - 8, &h, 8);
    fseek(f, 0, SEEK_SET);
    fwrite(img, 1, (size_t)size, f);
    fclose(f);
    free(img);
    hd_index *rd;
    assert_int_equal(hd_index_open(dir, NULL, &rd, &err), HD_EVERSION);
    assert_non_null(strstr(err.where, "seg_1.hds"));
    rmdir_all(dir);
}

/* Every allocation of an index session failing in turn: each run ends in HD_ENOMEM or success,
 * never a crash (or, under ASan, a leak), and what is on disk stays a sound index. */
static void test_out_of_memory(void **state)
{
    (void)state;
    int n_fail = 0, n_ok = 0;
    for (long n = 0; n < 4000; n += (n < 120 ? 1 : 89)) {
        char *dir = tmpdir();
        hd_err err = {0};
        hd_index *ix = NULL;
        hd_index_opts o = {.create = 1};
        hd_mem_fail_after(n);
        hd_rc rc = hd_index_open(dir, &o, &ix, &err);
        for (int i = 0; rc == HD_OK && i < 30; i++) {
            char id[16], body[200];
            sprintf(id, "o%d", i % 20);
            sprintf(body, "The minister said %d talks on oil prices resumed; 12-day strike", i);
            hd_doc d = {.id = id, .title = "Oil talks", .body = body, .source = "s"};
            rc = hd_index_add(ix, &d, &err);
            if (rc == HD_OK && i % 10 == 9)
                rc = hd_index_commit(ix, &err);
        }
        if (rc == HD_OK)
            rc = hd_index_delete(ix, "o3", &err);
        if (rc == HD_OK)
            rc = hd_index_optimize(ix, &err);
        hd_mem_fail_after(-1);
        assert_true(rc == HD_OK || rc == HD_ENOMEM);
        if (rc == HD_OK)
            n_ok++;
        else
            n_fail++;
        hd_index_close(ix);
        hd_err e2 = {0};
        hd_rc crc = hd_index_check(dir, &e2);
        assert_true(crc == HD_OK || crc == HD_ENOTFOUND);
        rmdir_all(dir);
    }
    assert_true(n_fail > 100);
    assert_true(n_ok > 0);
}

/* One add failing at each of its allocations in turn, then more adds and a commit: the failed
 * add's half-written postings must never reach the disk. A store record that failed after the
 * postings went in left a doc number that the next add used again, and the segment writer
 * wrote past its arrays. Either the commit holds every other document, or it reports that the
 * changes were dropped, keeps the last commit and takes new documents again. */
static void test_out_of_memory_then_go_on(void **state)
{
    (void)state;
    int n_failed_adds = 0, n_dropped = 0;
    for (long n = 0; n < 40; n++) {
        char *dir = tmpdir();
        hd_err err = {0};
        hd_index *ix = NULL;
        hd_index_opts o = {.create = 1};
        assert_int_equal(hd_index_open(dir, &o, &ix, &err), HD_OK);
        int added = 0;
        for (int i = 0; i < 12; i++) {
            char id[16], body[200];
            sprintf(id, "g%d", i);
            sprintf(body, "The minister %d said talks on oil prices resumed, w%d x%d y%d", i, i * 7,
                    i * 13, i);
            hd_doc d = {.id = id, .title = "Oil talks", .body = body, .source = "s"};
            if (i == 6)
                hd_mem_fail_after(n);
            hd_rc rc = hd_index_add(ix, &d, &err);
            hd_mem_fail_after(-1);
            assert_true(rc == HD_OK || rc == HD_ENOMEM);
            added += rc == HD_OK;
            n_failed_adds += rc != HD_OK;
            hd_err_clear(&err); /* the first error is kept until cleared */
        }
        hd_rc rc = hd_index_commit(ix, &err);
        assert_true(rc == HD_OK || rc == HD_ENOMEM);
        hd_index_stats st;
        if (rc == HD_OK) {
            assert_int_equal(hd_index_stats_get(ix, &st, &err), HD_OK);
            assert_int_equal(st.n_docs, added);
        } else {
            n_dropped++;
            assert_non_null(strstr(err.msg, "dropped"));
            hd_err_clear(&err);
            hd_doc d = {.id = "after", .title = "Oil", .body = "Talks resumed.", .source = "s"};
            assert_int_equal(hd_index_add(ix, &d, &err), HD_OK);
            assert_int_equal(hd_index_commit(ix, &err), HD_OK);
            assert_int_equal(hd_index_stats_get(ix, &st, &err), HD_OK);
            assert_int_equal(st.n_docs, 1);
        }
        hd_index_close(ix);
        hd_err e2 = {0};
        assert_int_equal(hd_index_check(dir, &e2), HD_OK);
        rmdir_all(dir);
    }
    assert_true(n_failed_adds > 5);
    assert_true(n_dropped > 0);
}

/* A page indexed again with fewer articles loses the old extra ones, and only those. */
static void test_trim_page(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    const char *ids[] = {"pages/a.txt#0",  "pages/a.txt#1",  "pages/a.txt#2", "pages/a.txt#10",
                         "pages/a.txt#1x", "pages/ab.txt#3", "pid",           "pid#1",
                         "pid#2"};
    for (int i = 0; i < 9; i++)
        add(ix, ids[i], "t", "some words", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    /* a.txt now has 2 articles, pid 1 */
    add(ix, "pages/a.txt#0", "t", "new words", NULL);
    add(ix, "pages/a.txt#1", "t", "new words", NULL);
    assert_int_equal(hd_index_trim_page(ix, "pages/a.txt", 2, &err), HD_OK);
    add(ix, "pid", "t", "new words", NULL);
    assert_int_equal(hd_index_trim_page(ix, "pid", 1, &err), HD_OK);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(ix);
    /* left: a#0, a#1 (new), a#1x (not an article id), ab#3 (another page), pid (new) */
    assert_int_equal(hd_ixr_n_docs(r), 5);
    assert_int_equal(live_hits(r, "new"), 3);
    assert_int_equal(live_hits(r, "some"), 2);
    hd_index_close(ix);
    rmdir_all(dir);
}

/* hd_index_prepare_commit writes a commit that readers see only after hd_index_commit; in
 * between changes are refused, and closing drops it. */
static void test_prepare_commit(void **state)
{
    (void)state;
    char *dir = tmpdir();
    hd_index *ix = open_w(dir);
    hd_err err = {0};
    add(ix, "a", "t", "first words", NULL);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    add(ix, "b", "t", "second words", NULL);
    hd_index_delete(ix, "a", &err);
    assert_int_equal(hd_index_prepare_commit(ix, &err), HD_OK);
    assert_int_equal(hd_index_prepare_commit(ix, &err), HD_OK); /* again: no-op */
    hd_doc d = {.id = "c", .title = "t", .body = "third"};
    assert_int_equal(hd_index_add(ix, &d, &err), HD_EINVAL);
    assert_int_equal(hd_index_delete(ix, "b", &err), HD_EINVAL);
    assert_int_equal(hd_index_trim_page(ix, "b", 0, &err), HD_EINVAL);
    hd_index *rd;
    assert_int_equal(hd_index_open(dir, NULL, &rd, &err), HD_OK);
    assert_int_equal(hd_ixr_n_docs(hd_index_reader(rd)), 1); /* still the first commit */
    assert_int_equal(live_hits(hd_index_reader(rd), "first"), 1);
    hd_index_close(rd);
    assert_int_equal(hd_index_commit(ix, &err), HD_OK);
    const hd_ixr *r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 1);
    assert_int_equal(live_hits(r, "first"), 0);
    assert_int_equal(live_hits(r, "second"), 1);
    /* changes are taken again; a prepared commit dropped by close is not seen */
    add(ix, "c", "t", "third words", NULL);
    assert_int_equal(hd_index_prepare_commit(ix, &err), HD_OK);
    hd_index_close(ix);
    ix = open_w(dir);
    r = hd_index_reader(ix);
    assert_int_equal(hd_ixr_n_docs(r), 1);
    assert_int_equal(live_hits(r, "third"), 0);
    assert_int_equal(hd_index_optimize(ix, &err), HD_OK);
    hd_index_close(ix);
    assert_int_equal(hd_index_check(dir, &err), HD_OK);
    rmdir_all(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_dictionary_many_terms),
        cmocka_unit_test(test_replace_and_delete),
        cmocka_unit_test(test_merge_policy),
        cmocka_unit_test(test_lock_and_readers),
        cmocka_unit_test(test_corruption_named),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_decoders_survive_resealed_damage),
        cmocka_unit_test(test_failed_commit_keeps_last),
        cmocka_unit_test(test_add_tokens),
        cmocka_unit_test(test_merge_equals_fresh),
        cmocka_unit_test(test_other_version),
        cmocka_unit_test(test_trim_page),
        cmocka_unit_test(test_prepare_commit),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_out_of_memory_then_go_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
