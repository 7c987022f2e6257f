/* SPDX-License-Identifier: MIT
 *
 * pipeline.c — implements the extraction part of herald.h on top of the stages:
 *
 *   ingest (hd_reader) -> clean (hd_clean) -> segment (hd_segments) -> extract (statements)
 *
 * Pages are read in batches (up to 64 articles or 256 KiB of body): every page of a batch is
 * cleaned and segmented, then extraction runs each of its passes over the whole batch before
 * the next, which keeps that code in the instruction cache (with statements, 7 % less time on
 * Reuters than extracting each article as its page is read). The batch's articles live in an
 * arena that is reset when the next batch is read, which is what makes hd_extractor_next's
 * results borrowed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "herald.h"
#include "base/arena.h"
#include "base/mem.h"
#include "clean/clean.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "segment/segment.h"

struct hd_extractor {
    hd_extract_opts opts;
    hd_reader *reader;
    hd_clean clean;
    hd_segments segs;
    hd_arena arena; /* the current page's articles */
    hd_lexicon *lx; /* NULL when statements are off */
    hd_article *arts;
    size_t n_arts, cap_arts, next_art;
    size_t n_failed;
    hd_rc held_rc; /* a page's failure met while filling a batch, returned after it */
    hd_err held_err;
    char *canon_of; /* origin whose canonical path is cached in canon */
    char *canon;    /* realpath() result (malloc'd by libc), or NULL */
};

hd_rc hd_extractor_new(const hd_extract_opts *opts, hd_extractor **out, hd_err *err)
{
    if (!out)
        return hd_err_set(err, HD_EINVAL, "hd_extractor_new: out is NULL");
    hd_extractor *x = hd_calloc(1, sizeof *x);
    if (!x)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    if (opts) {
        x->opts = *opts;
    } else {
        x->opts.statements = 1;
    }
    hd_reader_opts ro = {x->opts.max_page_bytes, x->opts.warn, x->opts.warn_ud};
    hd_rc rc = hd_reader_new(&ro, &x->reader, err);
    if (rc) {
        hd_free(x);
        return rc;
    }
    hd_clean_init(&x->clean);
    hd_arena_init(&x->arena, 256 * 1024);
    if (x->opts.statements && (rc = hd_lexicon_load(NULL, &x->lx, err))) {
        hd_extractor_free(x);
        return rc;
    }
    *out = x;
    return HD_OK;
}

void hd_extractor_free(hd_extractor *x)
{
    if (!x)
        return;
    hd_reader_free(x->reader);
    hd_clean_done(&x->clean);
    hd_segments_done(&x->segs);
    hd_arena_done(&x->arena);
    hd_lexicon_free(x->lx);
    hd_free(x->arts);
    hd_free(x->canon_of);
    free(x->canon);
    hd_free(x);
}

hd_rc hd_extractor_add_path(hd_extractor *x, const char *path, hd_err *err)
{
    if (!x || !path)
        return hd_err_set(err, HD_EINVAL, "hd_extractor_add_path: NULL argument");
    return hd_reader_add_path(x->reader, path, err);
}

hd_rc hd_extractor_add_buffer(hd_extractor *x, const char *name, const void *data, size_t len,
                              hd_err *err)
{
    if (!x || (!data && len))
        return hd_err_set(err, HD_EINVAL, "hd_extractor_add_buffer: NULL argument");
    return hd_reader_add_buffer(x->reader, name, data, len, err);
}

size_t hd_extractor_n_failed(const hd_extractor *x)
{
    return x ? x->n_failed : 0;
}

/* The body of a segment: its GOOD lines joined by '\n', in the arena. */
static char *join_body(hd_extractor *x, const hd_seg *s, size_t *out_len)
{
    const hd_clean *c = &x->clean;
    size_t len = 0;
    for (size_t i = s->from; i < s->to; i++)
        if (c->lines[i].kind == HD_LINE_GOOD)
            len += c->lines[i].len + 1;
    char *b = hd_arena_alloc(&x->arena, len + 1);
    if (!b)
        return NULL;
    char *o = b;
    for (size_t i = s->from; i < s->to; i++) {
        const hd_line *l = &c->lines[i];
        if (l->kind != HD_LINE_GOOD)
            continue;
        if (o != b)
            *o++ = '\n';
        memcpy(o, c->text.p + l->off, l->len);
        o += l->len;
    }
    *o = '\0';
    *out_len = (size_t)(o - b);
    return b;
}

static const char *page_date(hd_extractor *x, const hd_page *pg, const hd_seg *s)
{
    hd_date d = {0, 0, 0};
    if (pg->date && hd_date_parse(pg->date, strlen(pg->date), &d))
        ;
    else
        d = s->date;
    if (!d.y)
        return NULL;
    char *o = hd_arena_alloc(&x->arena, 11);
    if (o)
        hd_date_format(&d, o);
    return o;
}

static const char *title_of(hd_extractor *x, const hd_page *pg, const hd_seg *s, size_t k)
{
    if (k == 0 && pg->title && *pg->title) {
        /* Metadata titles get the same normalisation as page text. */
        hd_buf t = {0}, scratch = {0};
        hd_rc rc = hd_clean_normalize(pg->title, strlen(pg->title), &t, &scratch, NULL);
        for (size_t i = 0; rc == HD_OK && i < t.len; i++)
            if (t.p[i] == '\n')
                t.p[i] = ' ';
        char *r = rc == HD_OK ? hd_arena_strndup(&x->arena, t.p ? t.p : "", t.len) : NULL;
        hd_buf_done(&t);
        hd_buf_done(&scratch);
        return r;
    }
    if (s->title < 0)
        return "";
    const hd_line *l = &x->clean.lines[s->title];
    return hd_arena_strndup(&x->arena, x->clean.text.p + l->off, l->len);
}

/* The origin as a stable name for ids: the canonical absolute path of a file, so that the
 * same page read as "data/x.txt" or "/abs/data/x.txt" gets the same ids; stdin and buffer
 * names as they are. Cached for the current input. */
static const char *canonical_origin(hd_extractor *x, const char *origin)
{
    if (x->canon_of && !strcmp(x->canon_of, origin))
        return x->canon ? x->canon : origin;
    hd_free(x->canon_of);
    free(x->canon);
    x->canon_of = hd_strdup(origin);
    x->canon = realpath(origin, NULL);
    return x->canon ? x->canon : origin;
}

/* Article ids: the JSONL id ("id", then "id#1", "id#2" for further articles of the page);
 * otherwise (no id, or an empty one) the canonical path, with the line of a JSONL record
 * ("/abs/feed.jsonl:12#0"), and
 * the article's position. Stable across runs, so re-indexing a page replaces its articles. */
static const char *make_id(hd_extractor *x, const hd_page *pg, size_t k)
{
    /* an empty "id" names nothing: the record gets one from its file and line */
    const char *pid = pg->id && pg->id[0] ? pg->id : NULL;
    if (pid && k == 0)
        return hd_arena_strdup(&x->arena, pid);
    char line[32] = "";
    const char *base = pid;
    if (!base) {
        base = canonical_origin(x, pg->origin);
        if (pg->line)
            snprintf(line, sizeof line, ":%zu", pg->line);
    }
    size_t n = strlen(base) + strlen(line) + 24;
    char *o = hd_arena_alloc(&x->arena, n);
    if (o)
        snprintf(o, n, "%s%s#%zu", base, line, k);
    return o;
}

/* Clean the page and cut it into segments, one per article. */
static hd_rc segment_page(hd_extractor *x, const hd_page *pg, hd_err *err)
{
    hd_rc rc;
    if ((rc = hd_clean_page(&x->clean, pg->text, pg->len, err)))
        return rc;
    if (!pg->structured)
        return hd_segment_page(&x->clean, pg->title, &x->segs, err);
    /* The page's structure chose one story already: one article, all of it but the
     * lines the cleaner calls furniture on their own ("Advertisement", "0 Comments",
     * "Tags:", credits); the context rules (short lines near the edges) are not for
     * text a structure chose. Nor are other stories' teasers under a "you may also like"
     * heading inside the story's element, nor the headline, byline and date lines above its
     * first paragraph. */
    if ((rc = hd_segment_structured(&x->clean, pg->title, err)))
        return rc;
    for (size_t k = 0; k < x->clean.n_lines; k++)
        if (x->clean.lines[k].kind != HD_LINE_BAD)
            x->clean.lines[k].kind = HD_LINE_GOOD;
    x->segs.n = 0;
    if (x->clean.n_lines) {
        if (HD_GROW(x->segs.v, x->segs.cap, 1))
            return hd_err_set(err, HD_ENOMEM, "out of memory");
        x->segs.v[0] = (hd_seg){0, x->clean.n_lines, -1, {0, 0, 0}, x->clean.n_lines};
        x->segs.n = 1;
    }
    return HD_OK;
}

/* The next article, from segment k of the page, with its statements. */
static hd_rc add_article(hd_extractor *x, const hd_page *pg, size_t k, const char *where,
                         hd_err *err)
{
    const hd_seg *s = &x->segs.v[k];
    hd_article *a = &x->arts[x->n_arts];
    memset(a, 0, sizeof *a);
    a->seq = (uint32_t)k;
    a->body = join_body(x, s, &a->body_len);
    a->title = title_of(x, pg, s, k);
    a->id = make_id(x, pg, k);
    a->source = hd_arena_strdup(&x->arena, pg->source);
    a->url = pg->url ? hd_arena_strdup(&x->arena, pg->url) : NULL;
    a->date = page_date(x, pg, s);
    if (!a->body || !a->title || !a->id || !a->source || (pg->url && !a->url))
        return hd_err_setw(err, HD_ENOMEM, where, "out of memory");
    x->n_arts++;
    return HD_OK;
}

/* Entities and statements of the batch's articles, found together once the batch is read
 * (hd_extract_batch): the extraction code then stays in the instruction cache from one
 * article to the next instead of being evicted by the reader's, cleaner's and segmenter's in
 * between. A title-only record (title_only) is a headline with no sentences and has none. */
static hd_rc extract_batch(hd_extractor *x, hd_err *err)
{
    if (!x->lx || !x->n_arts)
        return HD_OK;
    hd_article **todo = hd_arena_alloc(&x->arena, x->n_arts * sizeof *todo);
    if (!todo)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t k = 0; k < x->n_arts; k++)
        if (x->arts[k].body != x->arts[k].title)
            todo[n++] = &x->arts[k];
    return hd_extract_batch(x->lx, &x->arena, todo, n, err);
}

/* A piece the page gives no date of its own is of the page's day: the date of the
 * nearest dated piece before it, else after it (a story cut off from the date line
 * at the top of its page by a list of links; a digest's items under one date). */
static void borrow_dates(hd_extractor *x, size_t first)
{
    for (size_t k = first; k < x->n_arts; k++) {
        if (x->arts[k].date)
            continue;
        for (size_t j = k; j-- > first && !x->arts[k].date;)
            x->arts[k].date = x->arts[j].date;
        for (size_t j = k + 1; j < x->n_arts && !x->arts[k].date; j++)
            x->arts[k].date = x->arts[j].date;
    }
}

/* A record with a title and no text (a wire flash, a title-only catalogue entry):
 * the title is all the story there is, so it is the body too. */
static hd_rc title_only(hd_extractor *x, const hd_page *pg, const char *where, hd_err *err)
{
    hd_article *a = &x->arts[x->n_arts];
    hd_seg none = {.title = -1};
    memset(a, 0, sizeof *a);
    a->title = title_of(x, pg, &none, 0);
    a->body = a->title;
    a->body_len = a->title ? strlen(a->title) : 0;
    a->id = make_id(x, pg, 0);
    a->source = hd_arena_strdup(&x->arena, pg->source);
    a->url = pg->url ? hd_arena_strdup(&x->arena, pg->url) : NULL;
    a->date = page_date(x, pg, &none);
    if (!a->title || !a->id || !a->source || (pg->url && !a->url))
        return hd_err_setw(err, HD_ENOMEM, where, "out of memory");
    if (a->body_len)
        x->n_arts++;
    return HD_OK;
}

static void warn_no_article(hd_extractor *x, const char *where)
{
    if (!x->opts.warn)
        return;
    hd_err w = {0};
    w.code = HD_EINPUT;
    snprintf(w.where, sizeof w.where, "%.255s", where);
    snprintf(w.msg, sizeof w.msg, "no article text found in page");
    x->opts.warn(x->opts.warn_ud, &w);
}

/* A batch ends at this many articles or this many bytes of body, whichever comes first:
 * enough for the extraction code to stay warm, little enough to keep the batch's memory in
 * the caches. */
enum { BATCH_ARTICLES = 64, BATCH_BYTES = 256 * 1024 };

/* The articles of one page, appended to the batch. */
static hd_rc load_page(hd_extractor *x, const hd_page *pg, hd_err *err)
{
    hd_rc rc;
    size_t first = x->n_arts;
    if ((rc = segment_page(x, pg, err)))
        return rc;
    if (HD_GROW(x->arts, x->cap_arts, x->n_arts + (x->segs.n ? x->segs.n : 1)))
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    char where[300];
    if (pg->line)
        snprintf(where, sizeof where, "%s:%zu", pg->origin, pg->line);
    else
        snprintf(where, sizeof where, "%s", pg->origin);
    for (size_t k = 0; k < x->segs.n; k++) {
        if ((rc = add_article(x, pg, k, where, err)))
            return rc;
        if (x->lx && x->arts[x->n_arts - 1].body_len > HD_EXTRACT_MAX_BODY)
            return hd_err_setw(err, HD_ELIMIT, where,
                               "article body of %zu bytes is over the %zu limit of extraction",
                               x->arts[x->n_arts - 1].body_len, HD_EXTRACT_MAX_BODY);
    }
    borrow_dates(x, first);
    if (x->n_arts == first && pg->title && *pg->title && (rc = title_only(x, pg, where, err)))
        return rc;
    if (x->n_arts == first)
        warn_no_article(x, where);
    return HD_OK;
}

/* Read pages into a new batch until it is full, the input ends or a page fails. A failure
 * after some articles is held back and returned once they are taken, so that errors and
 * articles come in input order. */
static hd_rc load_batch(hd_extractor *x, hd_err *err)
{
    hd_arena_reset(&x->arena);
    x->n_arts = x->next_art = 0;
    size_t bytes = 0;
    while (x->n_arts < BATCH_ARTICLES && bytes < BATCH_BYTES) {
        hd_page pg;
        size_t first = x->n_arts;
        hd_err *e = x->n_arts ? &x->held_err : err;
        hd_rc rc = hd_reader_next(x->reader, &pg, e);
        if (rc == HD_OK)
            rc = load_page(x, &pg, e);
        if (rc == HD_DONE && x->n_arts)
            break;
        if (rc) {
            if (!x->n_arts)
                return rc;
            x->n_arts = first; /* a page is whole or absent */
            x->held_rc = rc;
            break;
        }
        for (size_t k = first; k < x->n_arts; k++)
            bytes += x->arts[k].body_len;
    }
    return extract_batch(x, err);
}

hd_rc hd_extractor_next(hd_extractor *x, const hd_article **out, hd_err *err)
{
    if (!x || !out)
        return hd_err_set(err, HD_EINVAL, "hd_extractor_next: NULL argument");
    if (x->next_art >= x->n_arts && x->held_rc) {
        hd_rc rc = x->held_rc;
        x->held_rc = HD_OK;
        x->n_arts = x->next_art = 0;
        if (err && err->code == HD_OK) /* the first error recorded stays, as in hd_err_set */
            *err = x->held_err;
        hd_err_clear(&x->held_err);
        if (rc != HD_DONE)
            x->n_failed++;
        return rc;
    }
    if (x->next_art >= x->n_arts) {
        x->n_arts = x->next_art = 0;
        hd_rc rc = load_batch(x, err);
        if (rc == HD_DONE)
            return rc;
        if (rc) {
            x->n_failed++;
            return rc;
        }
    }
    *out = &x->arts[x->next_art++];
    return HD_OK;
}
