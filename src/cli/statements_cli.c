/* SPDX-License-Identifier: MIT
 *
 * statements_cli.c — the statements query shared by `herald said` and `herald who`.
 */
#include "cli/statements_cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int hd_cli_parse_count(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > HD_SEARCH_MAX_WINDOW)
        return -1;
    *out = (size_t)v;
    return 0;
}

int hd_cli_stmt_opts(int argc, char **argv, const char *cmd, const char *usage, hd_stmt_query *q,
                     int *json)
{
    static const struct option longopts[] = {
        {"index", required_argument, NULL, 'i'},
        {"about", required_argument, NULL, 'a'},
        {"since", required_argument, NULL, 's'},
        {"until", required_argument, NULL, 'u'},
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(q, 0, sizeof *q);
    q->dir = hd_cli_index_dir();
    *json = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            q->dir = optarg;
            break;
        case 'a':
            q->about = optarg;
            break;
        case 's':
            q->since = optarg;
            break;
        case 'u':
            q->until = optarg;
            break;
        case 'n':
            if (hd_cli_parse_count(optarg, &q->limit)) {
                hd_cli_errorf("%s: -n needs a number from 1 to %d, not '%s'", cmd,
                              HD_SEARCH_MAX_WINDOW, optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case 'j':
            *json = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            return HD_EXIT_OK;
        default:
            fputs(usage, stderr);
            return HD_EXIT_USAGE;
        }
    }
    if (hd_cli_check_day(q->since, "--since") || hd_cli_check_day(q->until, "--until"))
        return HD_EXIT_USAGE;
    return -1;
}

int hd_cli_check_day(const char *day, const char *opt)
{
    if (!day)
        return 0;
    int y, m, d;
    char tail;
    if (strlen(day) == 10 && sscanf(day, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
        m <= 12 && d >= 1 && d <= 31)
        return 0;
    hd_cli_errorf("%s needs a date as YYYY-MM-DD, not '%s'", opt, day);
    return 1;
}

static char *dup(const char *s)
{
    return strdup(s ? s : "");
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

/* Append s to q, dropping double quotes (the speaker goes inside a phrase). */
static void add_unquoted(char *q, size_t cap, const char *s)
{
    size_t n = strlen(q);
    for (; *s && n + 1 < cap; s++)
        if (*s != '"')
            q[n++] = *s;
    q[n] = '\0';
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

void hd_stmt_list_done(hd_stmt_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        hd_stmt_row *r = &list->v[i];
        free(r->date);
        free(r->speaker);
        free(r->text);
        free(r->article_id);
        free(r->title);
        free(r->source);
        free(r->url);
    }
    free(list->v);
    memset(list, 0, sizeof *list);
}

/* Does the name `full` end with the words of `part` ("Ali Khamenei" / "Khamenei")? */
static int ends_with_words(const char *full, const char *part)
{
    size_t fl = strlen(full), pl = strlen(part);
    return fl > pl + 1 && full[fl - pl - 1] == ' ' && strcmp(full + fl - pl, part) == 0;
}

/* One person across articles: an article that names someone only by surname ("Khamenei")
 * and one that gives the full name ("Ali Khamenei") meet at the full name, when exactly one
 * full name among the speakers found ends that way (two Clintons stay apart). */
static void merge_speakers(hd_stmt_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        const char *name = list->v[i].speaker;
        const char *full = NULL;
        int ambiguous = 0;
        for (size_t j = 0; j < list->n && !ambiguous; j++) {
            const char *other = list->v[j].speaker;
            if (!ends_with_words(other, name))
                continue;
            if (full && strcmp(full, other))
                ambiguous = 1;
            full = other;
        }
        if (full && !ambiguous) {
            char *c = strdup(full);
            if (c) {
                free(list->v[i].speaker);
                list->v[i].speaker = c;
            }
        }
    }
}

int hd_cli_statements(const hd_stmt_query *q, hd_stmt_list *list)
{
    char dir[4096];
    hd_err err = {0};
    if (hd_statements_dir(q->dir, dir, sizeof dir) != HD_OK) {
        hd_cli_errorf("index path too long: %s", q->dir);
        return HD_EXIT_USAGE;
    }
    /* +speaker:"NAME" +date:A..B +(TOPIC): every part required; only the topic scores. */
    char query[8192] = "";
    if (q->speaker) {
        strcat(query, "+speaker:\"");
        add_unquoted(query, sizeof query - 2, q->speaker);
        strcat(query, "\" ");
    }
    if (q->since || q->until)
        snprintf(query + strlen(query), sizeof query - strlen(query), "+date:%s..%s ",
                 q->since ? q->since : "", q->until ? q->until : "");
    if (q->about) {
        if (strlen(q->about) + strlen(query) + 4 >= sizeof query) {
            hd_cli_errorf("--about query too long");
            return HD_EXIT_USAGE;
        }
        snprintf(query + strlen(query), sizeof query - strlen(query), "+(%s)", q->about);
    }
    if (!*query)
        strcpy(query, "*");

    hd_index *ix;
    if (hd_index_open(dir, NULL, &ix, &err) != HD_OK) {
        if (err.code == HD_ENOTFOUND)
            hd_cli_errorf("%s: no statements index (run `herald index` on some pages first)", dir);
        else
            hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    /* Fetch the whole window: dedup and date order happen here, after the search. */
    hd_search_opts so = {.limit = HD_SEARCH_MAX_WINDOW,
                         .sort = q->about ? HD_SORT_SCORE : HD_SORT_DATE,
                         .bodies = 1};
    hd_results *res;
    if (hd_search(ix, query, &so, &res, &err) != HD_OK) {
        hd_cli_report(&err);
        hd_index_close(ix);
        return err.code == HD_EQUERY || err.code == HD_ELIMIT ? HD_EXIT_USAGE : HD_EXIT_FAIL;
    }
    list->total = hd_results_total(res, &list->total_exact);
    size_t n_rows = hd_results_count(res);
    uint64_t *seen = calloc(n_rows ? n_rows : 1, sizeof *seen);
    hd_stmt_row *rows = calloc(n_rows ? n_rows : 1, sizeof *rows);
    if (!seen || !rows) {
        free(seen);
        free(rows);
        hd_results_free(res);
        hd_index_close(ix);
        hd_cli_errorf("out of memory");
        return HD_EXIT_FAIL;
    }
    /* Oldest copy first when deduplicating: results come newest first without --about. */
    const hd_hit **hits = calloc(n_rows ? n_rows : 1, sizeof *hits);
    size_t nh = 0;
    const hd_hit *h;
    while (hits && hd_results_next(res, &h) == HD_OK)
        hits[nh++] = h;
    size_t n = 0, n_seen = 0;
    for (size_t k = 0; hits && k < nh && n < q->limit; k++) {
        const hd_hit *hit = hits[q->about ? k : nh - 1 - k];
        const char *speaker = hit->speakers && *hit->speakers ? hit->speakers : "(unknown)";
        size_t sl = strcspn(speaker, "\n");
        char sp[512];
        snprintf(sp, sizeof sp, "%.*s", (int)sl, speaker);
        uint64_t key = stmt_key(sp, hit->body ? hit->body : "");
        int dupe = 0;
        for (size_t j = 0; j < n_seen && !dupe; j++)
            dupe = seen[j] == key;
        if (dupe)
            continue;
        seen[n_seen++] = key;
        hd_stmt_row *r = &rows[n++];
        r->date = dup(hit->date);
        r->speaker = dup(sp);
        r->text = dup(hit->body);
        size_t al = hd_statement_article_id_len(hit->id);
        r->article_id = strndup(hit->id, al);
        r->title = dup(hit->title);
        r->source = dup(hit->source);
        r->url = dup(hit->url);
        r->score = hit->score;
        r->rank = k;
    }
    free(hits);
    free(seen);
    hd_results_free(res);
    hd_index_close(ix);
    list->v = rows;
    list->n = n;
    list->cap = n_rows;
    merge_speakers(list);
    return HD_EXIT_OK;
}
