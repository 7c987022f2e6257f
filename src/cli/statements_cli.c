/* SPDX-License-Identifier: MIT
 *
 * statements_cli.c — the statements query shared by `herald said`, `herald who` and `herald
 * serve`: their options, the query string made of speaker, dates and topic, and its run on the
 * statements index (hd_search for a ranked window, hd_search_each for every match) → rows kept
 * by speaker_names.c, deduplicated by statement_rows.c, surnames merged. Errors go to stderr,
 * or to the caller's hd_err for the server. Public API only.
 */
#include "cli/statements_cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/statements_int.h"

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

/* Append s to q, dropping double quotes (the speaker goes inside a phrase). */
static void add_unquoted(char *q, size_t cap, const char *s)
{
    size_t n = strlen(q);
    for (; *s && n + 1 < cap; s++)
        if (*s != '"')
            q[n++] = *s;
    q[n] = '\0';
}

/* ---- the query ----------------------------------------------------------------------------- */

typedef struct collect_ctx {
    hd_stmt_list *list;
    int oom;
} collect_ctx;

/* Copy one hit into the list (no dedup yet: that needs the rows in date or score order). */
static int collect_hit(void *ud, const hd_hit *hit)
{
    collect_ctx *c = ud;
    hd_stmt_list *l = c->list;
    if (l->n == l->cap) {
        size_t nc = l->cap ? 2 * l->cap : 256;
        hd_stmt_row *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv) {
            c->oom = 1;
            return 1;
        }
        l->v = nv;
        l->cap = nc;
    }
    const char *speaker = hit->speakers && *hit->speakers ? hit->speakers : "(unknown)";
    size_t al = hd_statement_article_id_len(hit->id);
    hd_stmt_row *r = &l->v[l->n];
    memset(r, 0, sizeof *r);
    r->date = dup(hit->date);
    r->speaker = strndup(speaker, strcspn(speaker, "\n"));
    r->text = dup(hit->body);
    r->article_id = strndup(hit->id, al);
    r->title = dup(hit->title);
    r->source = dup(hit->source);
    r->url = dup(hit->url);
    r->score = hit->score;
    r->rank = l->n;
    l->n++;
    if (!r->date || !r->speaker || !r->text || !r->article_id || !r->title || !r->source ||
        !r->url) {
        c->oom = 1;
        return 1;
    }
    return 0;
}

/* An error of the query: to q->err when the caller collects them, else on stderr. */
static void q_error(const hd_stmt_query *q, hd_rc code, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void q_error(const hd_stmt_query *q, hd_rc code, const char *where, const char *fmt, ...)
{
    char msg[sizeof q->err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!q->err) {
        if (where && *where)
            hd_cli_errorf("%s: %s", where, msg);
        else
            hd_cli_errorf("%s", msg);
        return;
    }
    q->err->code = code;
    snprintf(q->err->where, sizeof q->err->where, "%s", where ? where : "");
    snprintf(q->err->msg, sizeof q->err->msg, "%s", msg);
}

static void q_report(const hd_stmt_query *q, const hd_err *err)
{
    if (q->err)
        *q->err = *err;
    else
        hd_cli_report(err);
}

/* Each word of a several-word name as its own required speaker term. */
static void add_speaker_words(char *query, size_t cap, const char *speaker)
{
    for (const char *w = speaker; *w;) {
        size_t n = strcspn(w, " ");
        if (n) {
            char word[1100];
            snprintf(word, sizeof word, "%.*s", (int)n, w);
            strcat(query, "+speaker:\"");
            add_unquoted(query, cap - 2, word);
            strcat(query, "\" ");
        }
        w += n;
        while (*w == ' ')
            w++;
    }
}

/* +speaker:"NAME" +date:A..B +(TOPIC): every part required; only the topic scores. A name
 * of several words asks for each word, and the rows are then kept by hd_cli_speaker_matches
 * ("Donald Trump" finds "Donald J. Trump", which the phrase would miss). Written into
 * query[cap] (empty on entry); -1 to go on, else the exit status of a usage error. */
static int build_query(const hd_stmt_query *q, int several, char *query, size_t cap)
{
    if (several) {
        add_speaker_words(query, cap, q->speaker);
    } else if (q->speaker) {
        strcat(query, "+speaker:\"");
        add_unquoted(query, cap - 2, q->speaker);
        strcat(query, "\" ");
    }
    if (q->since || q->until)
        snprintf(query + strlen(query), cap - strlen(query), "+date:%s..%s ",
                 q->since ? q->since : "", q->until ? q->until : "");
    if (q->about) {
        if (strlen(q->about) + strlen(query) + 4 >= cap) {
            q_error(q, HD_ELIMIT, NULL, "--about query too long");
            return HD_EXIT_USAGE;
        }
        snprintf(query + strlen(query), cap - strlen(query), "+(%s)", q->about);
    }
    if (!*query)
        strcpy(query, "*");
    return -1;
}

/* The caller's statements index, or dir opened for this query; NULL after reporting why. */
static hd_index *open_stmts(const hd_stmt_query *q, const char *dir, hd_err *err)
{
    hd_index *ix = q->stmts;
    if (!ix && hd_index_open(dir, NULL, &ix, err) != HD_OK) {
        if (err->code == HD_ENOTFOUND)
            q_error(q, HD_ENOTFOUND, dir,
                    "no statements index (run `herald index` on some pages first)");
        else
            q_report(q, err);
        return NULL;
    }
    return ix;
}

/* The best statements on the topic: a ranked window, best first. */
static hd_rc best_window(hd_index *ix, const char *query, collect_ctx *cc, hd_err *err)
{
    hd_stmt_list *list = cc->list;
    hd_search_opts so = {.limit = HD_SEARCH_MAX_WINDOW, .sort = HD_SORT_SCORE, .bodies = 1};
    hd_results *res;
    hd_rc rc = hd_search(ix, query, &so, &res, err);
    if (!rc) {
        list->total = hd_results_total(res, &list->total_exact);
        const hd_hit *h;
        while (!cc->oom && hd_results_next(res, &h) == HD_OK)
            collect_hit(cc, h);
        hd_results_free(res);
    }
    return rc;
}

/* Every match, then the oldest copy of each statement first: exact whatever the
 * number of statements. */
static hd_rc every_match(const hd_stmt_query *q, hd_index *ix, const char *query, collect_ctx *cc,
                         hd_err *err)
{
    hd_stmt_list *list = cc->list;
    hd_search_each_opts eo = {.bodies = 1, .scores = q->about != NULL};
    hd_rc rc = hd_search_each(ix, query, &eo, collect_hit, cc, err);
    list->total = list->n;
    list->total_exact = 1;
    if (!rc)
        hd_stmt_list_sort_by_date(list);
    return rc;
}

/* A name of several words: only the rows whose speaker it names (the query asked for each
 * word anywhere in the name). */
static void keep_named(const hd_stmt_query *q, hd_stmt_list *list)
{
    size_t n = 0;
    for (size_t i = 0; i < list->n; i++) {
        if (hd_cli_speaker_matches(list->v[i].speaker, q->speaker))
            list->v[n++] = list->v[i];
        else
            hd_cli_stmt_row_free(&list->v[i]);
    }
    if (n < list->n) {
        list->total = q->about && !q->all ? list->total - (list->n - n) : n;
        list->n = n;
    }
}

int hd_cli_statements(const hd_stmt_query *q, hd_stmt_list *list)
{
    char dir[4096];
    hd_err err = {0};
    memset(list, 0, sizeof *list);
    if (hd_statements_dir(q->dir, dir, sizeof dir) != HD_OK) {
        q_error(q, HD_EINVAL, NULL, "index path too long: %s", q->dir);
        return HD_EXIT_USAGE;
    }
    char query[8192] = "";
    int several = q->speaker && strchr(q->speaker, ' ') && strlen(q->speaker) < 1024;
    int st = build_query(q, several, query, sizeof query);
    if (st >= 0)
        return st;

    hd_index *ix = open_stmts(q, dir, &err);
    if (!ix)
        return HD_EXIT_FAIL;
    collect_ctx cc = {.list = list};
    hd_rc rc = q->about && !q->all ? best_window(ix, query, &cc, &err)
                                   : every_match(q, ix, query, &cc, &err);
    if (!q->stmts)
        hd_index_close(ix);
    if (rc) {
        q_report(q, &err);
        hd_stmt_list_done(list);
        return err.code == HD_EQUERY || err.code == HD_ELIMIT ? HD_EXIT_USAGE : HD_EXIT_FAIL;
    }
    if (several)
        keep_named(q, list);
    if (cc.oom || hd_cli_stmt_dedup(list, q->limit ? q->limit : SIZE_MAX)) {
        hd_stmt_list_done(list);
        q_error(q, HD_ENOMEM, NULL, "out of memory");
        return HD_EXIT_FAIL;
    }
    hd_cli_merge_speakers(list);
    return HD_EXIT_OK;
}
