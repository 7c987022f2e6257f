/* SPDX-License-Identifier: MIT
 *
 * cmd_who.c — `herald who [--about QUERY]`: the speakers on a topic, with how many
 * statements each made (syndicated copies of one statement count once). Public API only.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/json_out.h"
#include "cli/statements_cli.h"

static const char who_usage[] =
    "usage: herald who [--index DIR] [--about QUERY] [--since DATE] [--until DATE] [-n N]\n"
    "                  [--json]\n"
    "\n"
    "List who is quoted (on a topic, with --about), most statements first, with the number of\n"
    "statements and the dates of the first and last one.\n"
    "\n"
    "  --index DIR     the index (default $HERALD_INDEX, else ./herald-index)\n"
    "  --about QUERY   statements on this topic only (full query syntax)\n"
    "  --since DATE    from this day on (YYYY-MM-DD)\n"
    "  --until DATE    up to this day (YYYY-MM-DD)\n"
    "  -n N            at most N speakers (default 20)\n"
    "  --json          one JSON object per speaker: speaker, statements, first, last\n"
    "  -h, --help      show this help\n"
    "\n"
    "Every matching statement is counted; the same statement carried by several syndicated\n"
    "copies counts once. Speakers are listed by name; statements by descriptions\n"
    "(\"analysts\", \"the company\") and unknown speakers are only counted, on stderr.\n"
    "Exit status: 0 success, 1 the index could not be read, 2 usage error or a malformed\n"
    "query.\n";

typedef struct speaker_count {
    const char *name; /* borrowed from the statement list */
    size_t n;
    const char *first, *last;
} speaker_count;

/* A name starts with a capital (or a non-ASCII letter, a digit: "3M"); descriptions that
 * the extractor keeps as written ("analysts", "regional water board") do not. */
static int named(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return !(c >= 'a' && c <= 'z');
}

static int by_count(const void *a, const void *b)
{
    const speaker_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->name, y->name);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const hd_stmt_row *)a)->speaker, ((const hd_stmt_row *)b)->speaker);
}

int hd_cmd_who(int argc, char **argv)
{
    hd_stmt_query q;
    int json;
    int opt = hd_cli_stmt_opts(argc, argv, "who", who_usage, &q, &json);
    if (opt >= 0)
        return opt;
    size_t limit = q.limit ? q.limit : 20;
    if (optind != argc) {
        hd_cli_errorf("who: unexpected argument '%s' (put a topic after --about)", argv[optind]);
        return HD_EXIT_USAGE;
    }
    q.limit = 0; /* every statement */
    q.all = 1;
    hd_stmt_list list = {0};
    int status = hd_cli_statements(&q, &list);
    if (status != HD_EXIT_OK)
        return status;

    /* Group the rows by speaker. */
    qsort(list.v, list.n, sizeof *list.v, by_name);
    speaker_count *sc = calloc(list.n ? list.n : 1, sizeof *sc);
    size_t n_sc = 0, unnamed = 0;
    for (size_t i = 0; sc && i < list.n; i++) {
        const hd_stmt_row *r = &list.v[i];
        /* people and organisations by name: not "(unknown)", nor a description such as
         * "analysts" or "the company", which lumps many speakers into one row */
        if (!strcmp(r->speaker, "(unknown)") || !named(r->speaker)) {
            unnamed++;
            continue;
        }
        if (!n_sc || strcmp(sc[n_sc - 1].name, r->speaker))
            sc[n_sc++] = (speaker_count){r->speaker, 0, NULL, NULL};
        speaker_count *s = &sc[n_sc - 1];
        s->n++;
        if (*r->date && (!s->first || strcmp(r->date, s->first) < 0))
            s->first = r->date;
        if (*r->date && (!s->last || strcmp(r->date, s->last) > 0))
            s->last = r->date;
    }
    if (n_sc)
        qsort(sc, n_sc, sizeof *sc, by_count);
    for (size_t i = 0; i < n_sc && i < limit; i++) {
        if (json) {
            fputs("{\"speaker\":", stdout);
            hd_json_strz(stdout, sc[i].name);
            printf(",\"statements\":%zu,\"first\":", sc[i].n);
            hd_json_strz(stdout, sc[i].first);
            fputs(",\"last\":", stdout);
            hd_json_strz(stdout, sc[i].last);
            fputs("}\n", stdout);
        } else {
            printf("%6zu  %-32s %s .. %s\n", sc[i].n, sc[i].name, sc[i].first ? sc[i].first : "?",
                   sc[i].last ? sc[i].last : "?");
        }
    }
    if (!json && unnamed)
        fprintf(stderr,
                "herald: %zu more statement%s by unnamed speakers (\"analysts\", \"the company\" "
                "or unknown): `herald said analysts` lists such a group\n",
                unnamed, unnamed == 1 ? "" : "s");
    free(sc);
    hd_stmt_list_done(&list);
    return HD_EXIT_OK;
}
