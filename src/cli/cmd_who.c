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
    "Exit status: 0 success, 1 the index could not be read or the output written, 2 usage\n"
    "error or a malformed query.\n";

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

    hd_who_row *sc;
    size_t n_sc, unnamed;
    if (hd_cli_who_rows(&list, &sc, &n_sc, &unnamed)) {
        hd_stmt_list_done(&list);
        hd_cli_errorf("out of memory");
        return HD_EXIT_FAIL;
    }
    for (size_t i = 0; i < n_sc && i < limit; i++) {
        if (json) {
            hd_cli_who_json(stdout, &sc[i]);
            fputc('\n', stdout);
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
    return hd_cli_flush_stdout();
}
