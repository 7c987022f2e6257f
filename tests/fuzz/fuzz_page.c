/* SPDX-License-Identifier: MIT
 *
 * fuzz_page.c — libFuzzer target for the page reader, cleaner and segmenter: the input bytes
 * are one in-memory page (plain text, JSON Lines or HTML, maybe gzip-compressed, detected by
 * content) fed through the public extractor API exactly as `herald extract` does, and every
 * article is checked against the invariants herald.h promises. A broken invariant, a crash, a
 * sanitizer report or an endless stream of results is a bug.
 *
 * Built two ways (tests/fuzz/meson.build): with -Dfuzz=true (clang) as a libFuzzer binary;
 * otherwise linked with replay.c into a plain program that runs every file of a corpus
 * directory once (the "fuzz-corpus-page" test).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "herald.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Pages above this are skipped by the extractor: keeps each run fast and exercises the
 * over-limit path on the occasional large input. */
#define FUZZ_MAX_PAGE_BYTES (256u * 1024u)

static size_t n_warnings;

static void on_warning(void *ud, const hd_err *w)
{
    (void)ud;
    /* A warning carries a NUL-terminated location and message. */
    if (w == NULL || memchr(w->where, '\0', sizeof w->where) == NULL ||
        memchr(w->msg, '\0', sizeof w->msg) == NULL)
        abort();
    n_warnings++;
}

static int is_iso_date(const char *d)
{
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return 0;
    return 1;
}

/* Abort unless a (borrowed from the extractor) keeps the promises of herald.h. */
static void check_article(const hd_article *a, uint32_t want_seq_max)
{
    if (a->id == NULL || a->id[0] == '\0' || a->source == NULL || a->title == NULL ||
        a->body == NULL)
        abort();
    if (strlen(a->body) != a->body_len)
        abort();
    if (a->date != NULL && !is_iso_date(a->date))
        abort();
    if (a->seq > want_seq_max)
        abort();
    if (a->n_statements > 0 && a->statements == NULL)
        abort();
    for (size_t i = 0; i < a->n_statements; i++) {
        const hd_statement *s = &a->statements[i];
        if (s->text == NULL || s->start > s->end || s->end > a->body_len)
            abort();
    }
    if (a->n_entities > 0 && a->entities == NULL)
        abort();
    for (size_t i = 0; i < a->n_entities; i++)
        if (a->entities[i].name == NULL)
            abort();
    /* Output is NUL-free UTF-8 by construction (strlen == body_len above); touch the title
     * too so that ASan sees any read past its end. */
    (void)strlen(a->title);
    (void)strlen(a->id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hd_extract_opts opts = {0};
    opts.max_page_bytes = FUZZ_MAX_PAGE_BYTES;
    opts.statements = 1;
    opts.warn = on_warning;
    opts.warn_ud = NULL;

    /* One extractor for the whole run: loading the lexicons per input would cap libFuzzer at
     * a few executions a second, and reusing it after HD_DONE is part of the contract. It
     * stays reachable through this static, so LeakSanitizer does not count it. */
    static hd_extractor *x = NULL;
    hd_err err = {0};
    if (!x && hd_extractor_new(&opts, &x, &err) != HD_OK)
        return 0;
    hd_err_clear(&err);
    if (hd_extractor_add_buffer(x, "fuzz", data, size, &err) == HD_OK) {
        /* Every result consumes input: at most one article or error per input byte, plus a
         * few for the page itself. More means the extractor is looping. */
        size_t budget = size + 16;
        uint32_t prev_seq = 0;
        int have_prev = 0;
        const hd_article *a;
        hd_rc rc;
        hd_err_clear(&err);
        while ((rc = hd_extractor_next(x, &a, &err)) != HD_DONE) {
            if (budget-- == 0)
                abort();
            if (rc == HD_OK) {
                if (a == NULL)
                    abort();
                /* seq restarts at 0 for a new page (a JSONL record) or follows its predecessor. */
                check_article(a, have_prev ? prev_seq + 1 : 0);
                prev_seq = a->seq;
                have_prev = 1;
            } else {
                if (err.code == HD_OK || memchr(err.msg, '\0', sizeof err.msg) == NULL)
                    abort();
                hd_err_clear(&err);
                if (rc == HD_ENOMEM)
                    break;
            }
        }
    }
    return 0;
}
