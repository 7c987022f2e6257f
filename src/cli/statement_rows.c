/* SPDX-License-Identifier: MIT
 *
 * statement_rows.c — the rows of a statements query (statements_cli.c): the removal of the
 * same statement carried by syndicated copies, date order, their JSON objects, and `herald
 * who`'s grouping of rows by speaker (counts, first and last dates). Rows in → rows out, or
 * who rows. Callers: statements_cli.c, cmd_said.c, cmd_who.c, cmd_serve.c. Public API only.
 */
#include "cli/statements_cli.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/json_out.h"
#include "cli/statements_int.h"

void hd_cli_stmt_row_free(hd_stmt_row *r)
{
    free(r->date);
    free(r->speaker);
    free(r->text);
    free(r->article_id);
    free(r->title);
    free(r->source);
    free(r->url);
}

void hd_stmt_list_done(hd_stmt_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        hd_cli_stmt_row_free(&list->v[i]);
    free(list->v);
    memset(list, 0, sizeof *list);
}

static int cmp_date(const void *a, const void *b)
{
    const hd_stmt_row *x = a, *y = b;
    /* Undated statements go last; ties keep the search order. */
    int ex = !*x->date, ey = !*y->date;
    if (ex != ey)
        return ex - ey;
    int c = strcmp(x->date, y->date);
    if (c)
        return c;
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

void hd_stmt_list_sort_by_date(hd_stmt_list *list)
{
    if (list->n)
        qsort(list->v, list->n, sizeof *list->v, cmp_date);
}

/* FNV-1a over the lower-cased letters and digits of speaker + text: the same quote in two
 * syndicated copies differs at most in punctuation, quote style or spacing. */
static uint64_t stmt_key(const char *speaker, const char *text)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = speaker; *p; p++)
        if (isalnum((unsigned char)*p))
            h = (h ^ (unsigned char)tolower((unsigned char)*p)) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
    for (const char *p = text; *p; p++)
        if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
            h = (h ^ (unsigned char)tolower((unsigned char)*p)) * 1099511628211ull;
    return h;
}

/* Keys of the statements kept so far (open addressing; 0 marks a free slot). */
typedef struct key_set {
    uint64_t *v;
    size_t cap, n;
} key_set;

/* 1 when key was new (and is now in), 0 when seen, -1 out of memory. */
static int key_add(key_set *s, uint64_t key)
{
    key |= 1; /* never 0 */
    if (2 * (s->n + 1) > s->cap) {
        size_t nc = s->cap ? 2 * s->cap : 1024;
        uint64_t *nv = calloc(nc, sizeof *nv);
        if (!nv)
            return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i])
                for (size_t j = s->v[i] & (nc - 1);; j = (j + 1) & (nc - 1))
                    if (!nv[j]) {
                        nv[j] = s->v[i];
                        break;
                    }
        free(s->v);
        s->v = nv;
        s->cap = nc;
    }
    for (size_t j = key & (s->cap - 1);; j = (j + 1) & (s->cap - 1)) {
        if (s->v[j] == key)
            return 0;
        if (!s->v[j]) {
            s->v[j] = key;
            s->n++;
            return 1;
        }
    }
}

/* Keep the first row of each (speaker, text) in list order, at most `limit` of them; count
 * the distinct statements past the limit too (list->distinct). */
int hd_cli_stmt_dedup(hd_stmt_list *list, size_t limit)
{
    key_set seen = {0};
    size_t n = 0;
    int oom = 0;
    for (size_t i = 0; i < list->n; i++) {
        hd_stmt_row *r = &list->v[i];
        int fresh = !oom ? key_add(&seen, stmt_key(r->speaker, r->text)) : 0;
        if (fresh < 0)
            oom = 1;
        if (fresh == 1 && n < limit)
            list->v[n++] = *r;
        else
            hd_cli_stmt_row_free(r);
    }
    list->distinct = seen.n;
    free(seen.v);
    list->n = n;
    return oom ? -1 : 0;
}

void hd_cli_said_json(FILE *f, const hd_stmt_row *row)
{
    fputs("{\"date\":", f);
    hd_json_strz(f, *row->date ? row->date : NULL);
    fputs(",\"speaker\":", f);
    hd_json_strz(f, row->speaker);
    fputs(",\"text\":", f);
    hd_json_strz(f, row->text);
    fputs(",\"article_id\":", f);
    hd_json_strz(f, row->article_id);
    fputs(",\"title\":", f);
    hd_json_strz(f, row->title);
    fputs(",\"source\":", f);
    hd_json_strz(f, row->source);
    fputs(",\"url\":", f);
    hd_json_strz(f, *row->url ? row->url : NULL);
    fprintf(f, ",\"score\":%.4f}", row->score);
}

/* A name starts with a capital (or a non-ASCII letter, a digit: "3M"); descriptions that
 * the extractor keeps as written ("analysts", "regional water board") do not. */
static int named(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return !(c >= 'a' && c <= 'z');
}

static int who_by_count(const void *a, const void *b)
{
    const hd_who_row *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->name, y->name);
}

static int row_by_speaker(const void *a, const void *b)
{
    return strcmp(((const hd_stmt_row *)a)->speaker, ((const hd_stmt_row *)b)->speaker);
}

int hd_cli_who_rows(hd_stmt_list *list, hd_who_row **out, size_t *n, size_t *unnamed)
{
    *out = NULL;
    *n = *unnamed = 0;
    if (list->n)
        qsort(list->v, list->n, sizeof *list->v, row_by_speaker);
    hd_who_row *sc = calloc(list->n ? list->n : 1, sizeof *sc);
    if (!sc)
        return -1;
    size_t n_sc = 0;
    for (size_t i = 0; i < list->n; i++) {
        const hd_stmt_row *r = &list->v[i];
        /* people and organisations by name: not "(unknown)", nor a description such as
         * "analysts" or "the company", which lumps many speakers into one row */
        if (!strcmp(r->speaker, "(unknown)") || !named(r->speaker)) {
            (*unnamed)++;
            continue;
        }
        if (!n_sc || strcmp(sc[n_sc - 1].name, r->speaker))
            sc[n_sc++] = (hd_who_row){r->speaker, 0, NULL, NULL};
        hd_who_row *s = &sc[n_sc - 1];
        s->n++;
        if (*r->date && (!s->first || strcmp(r->date, s->first) < 0))
            s->first = r->date;
        if (*r->date && (!s->last || strcmp(r->date, s->last) > 0))
            s->last = r->date;
    }
    if (n_sc)
        qsort(sc, n_sc, sizeof *sc, who_by_count);
    *out = sc;
    *n = n_sc;
    return 0;
}

void hd_cli_who_json(FILE *f, const hd_who_row *row)
{
    fputs("{\"speaker\":", f);
    hd_json_strz(f, row->name);
    fprintf(f, ",\"statements\":%zu,\"first\":", row->n);
    hd_json_strz(f, row->first);
    fputs(",\"last\":", f);
    hd_json_strz(f, row->last);
    fputc('}', f);
}
