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
    "SPEAKER is matched against canonical speaker names (\"Khamenei\" finds Ali Khamenei).\n"
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
    "Exit status: 0 success (also when nothing was found), 1 the index could not be read,\n"
    "2 usage error or a malformed --about query.\n";

int hd_cmd_said(int argc, char **argv)
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
    hd_stmt_query q = {0};
    q.dir = hd_cli_index_dir();
    int json = 0, c;
    size_t limit = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            q.dir = optarg;
            break;
        case 'a':
            q.about = optarg;
            break;
        case 's':
            q.since = optarg;
            break;
        case 'u':
            q.until = optarg;
            break;
        case 'n':
            if (hd_cli_parse_count(optarg, &limit)) {
                hd_cli_errorf("said: -n needs a number from 1 to %d, not '%s'",
                              HD_SEARCH_MAX_WINDOW, optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case 'j':
            json = 1;
            break;
        case 'h':
            fputs(said_usage, stdout);
            return HD_EXIT_OK;
        default:
            fputs(said_usage, stderr);
            return HD_EXIT_USAGE;
        }
    }
    if (optind + 1 != argc || !*argv[optind]) {
        hd_cli_errorf("said: give one SPEAKER (quote a name with spaces)");
        fputs(said_usage, stderr);
        return HD_EXIT_USAGE;
    }
    q.speaker = argv[optind];
    q.limit = limit ? limit : (q.about ? 20 : 100);
    if (hd_cli_check_day(q.since, "--since") || hd_cli_check_day(q.until, "--until"))
        return HD_EXIT_USAGE;

    hd_stmt_list list = {0};
    int status = hd_cli_statements(&q, &list);
    if (status != HD_EXIT_OK)
        return status;
    hd_stmt_list_sort_by_date(&list);
    for (size_t i = 0; i < list.n; i++) {
        const hd_stmt_row *r = &list.v[i];
        if (json) {
            fputs("{\"date\":", stdout);
            hd_json_strz(stdout, *r->date ? r->date : NULL);
            fputs(",\"speaker\":", stdout);
            hd_json_strz(stdout, r->speaker);
            fputs(",\"text\":", stdout);
            hd_json_strz(stdout, r->text);
            fputs(",\"article_id\":", stdout);
            hd_json_strz(stdout, r->article_id);
            fputs(",\"title\":", stdout);
            hd_json_strz(stdout, r->title);
            fputs(",\"source\":", stdout);
            hd_json_strz(stdout, r->source);
            fputs(",\"url\":", stdout);
            hd_json_strz(stdout, *r->url ? r->url : NULL);
            printf(",\"score\":%.4f}\n", r->score);
        } else {
            printf("%-10s  %s: %s\n", *r->date ? r->date : "(no date)", r->speaker, r->text);
            printf("%-10s  -- %s (%s) [%s]\n\n", "", *r->title ? r->title : "(untitled)", r->source,
                   r->article_id);
        }
    }
    if (!json && list.n == 0)
        fprintf(stderr, "herald: no statements by '%s'%s\n", q.speaker,
                q.about ? " on that topic" : "");
    hd_stmt_list_done(&list);
    return HD_EXIT_OK;
}
