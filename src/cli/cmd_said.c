/* SPDX-License-Identifier: MIT
 *
 * cmd_said.c — `herald said SPEAKER`: a speaker's statements as a timeline (oldest first),
 * each with its article; `--about QUERY` keeps the statements that best match a topic.
 * Works on the statements index (DIR/statements) that `herald index` fills. Public API only.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/json_out.h"
#include "cli/statements_cli.h"

static const char said_usage[] =
    "usage: herald said [--index DIR] [--about QUERY] [--since DATE] [--until DATE] [-n N]\n"
    "                   [--json] SPEAKER\n"
    "\n"
    "Print what SPEAKER said, oldest first: date, speaker, the statement (a direct quote in\n"
    "quotation marks, or reported speech) and the article it comes from (title, source, id).\n"
    "SPEAKER is matched against canonical speaker names (\"Khamenei\" finds Ali Khamenei;\n"
    "\"Donald Trump\" finds Donald J. Trump too, not Donald Trump Jr.).\n"
    "The same statement carried by several copies of a syndicated story is shown once.\n"
    "\n"
    "  --index DIR     the index (default $HERALD_INDEX, else ./herald-index)\n"
    "  --about QUERY   only statements on this topic (full query syntax), the N best by\n"
    "                  relevance, then shown in date order\n"
    "  --since DATE    from this day on (YYYY-MM-DD)\n"
    "  --until DATE    up to this day (YYYY-MM-DD)\n"
    "  -n N            at most N statements (default 100; 20 with --about)\n"
    "  --json          one JSON object per statement: date, speaker, text, article_id,\n"
    "                  title, source, url, score\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success (also when nothing was found), 1 the index could not be read or\n"
    "the output written, 2 usage error or a malformed --about query.\n";

int hd_cmd_said(int argc, char **argv)
{
    hd_stmt_query q;
    int json;
    int opt = hd_cli_stmt_opts(argc, argv, "said", said_usage, &q, &json);
    if (opt >= 0)
        return opt;
    if (optind + 1 != argc || !*argv[optind]) {
        hd_cli_errorf("said: give one SPEAKER (quote a name with spaces)");
        fputs(said_usage, stderr);
        return HD_EXIT_USAGE;
    }
    q.speaker = argv[optind];
    if (!q.limit)
        q.limit = q.about ? 20 : 100;

    hd_stmt_list list = {0};
    int status = hd_cli_statements(&q, &list);
    if (status != HD_EXIT_OK)
        return status;
    hd_stmt_list_sort_by_date(&list);
    for (size_t i = 0; i < list.n; i++) {
        const hd_stmt_row *row = &list.v[i];
        if (json) {
            hd_cli_said_json(stdout, row);
            fputc('\n', stdout);
        } else {
            printf("%-10s  %s: %s\n", *row->date ? row->date : "(no date)", row->speaker,
                   row->text);
            printf("%-10s  -- %s (%s) [%s]\n\n", "", *row->title ? row->title : "(untitled)",
                   row->source, row->article_id);
        }
    }
    if (!json && list.distinct > list.n)
        fprintf(stderr,
                "herald: showed the %s %zu of %zu%s statements; -n N, --since, --until or "
                "--about narrow or widen this\n",
                q.about ? "best" : "first", list.n, list.distinct,
                q.about && !list.total_exact ? "+" : "");
    if (!json && list.n == 0)
        fprintf(stderr, "herald: no statements by '%s'%s\n", q.speaker,
                q.about ? " on that topic" : "");
    hd_stmt_list_done(&list);
    return hd_cli_flush_stdout();
}
