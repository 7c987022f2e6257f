/* SPDX-License-Identifier: MIT
 *
 * cmd_stats.c — `herald stats`: documents, terms, segments and size of an index.
 */
#include <stdio.h>
#include <getopt.h>

#include "cli/cli.h"

/* ---- herald stats ------------------------------------------------------------------------ */

static const char stats_usage[] =
    "usage: herald stats [--index DIR]\n"
    "\n"
    "Print the index's documents, deleted documents, terms, segments, size and language.\n"
    "\n"
    "  --index DIR   the index (default $HERALD_INDEX, else ./herald-index)\n"
    "  -h, --help    show this help\n";

int hd_cmd_stats(int argc, char **argv)
{
    const char *dir;
    int r = hd_cli_index_opts(argc, argv, stats_usage, &dir);
    if (r >= 0)
        return r;
    if (optind < argc) {
        hd_cli_errorf("unexpected argument '%s' (see herald stats --help)", argv[optind]);
        return HD_EXIT_USAGE;
    }
    hd_err err = {0};
    hd_index *ix;
    hd_index_stats st;
    if (hd_index_open(dir, NULL, &ix, &err) != HD_OK ||
        hd_index_stats_get(ix, &st, &err) != HD_OK) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    printf("index       %s\n", dir);
    printf("documents   %llu\n", (unsigned long long)st.n_docs);
    printf("deleted     %llu\n", (unsigned long long)st.n_deleted);
    printf("terms       %llu\n", (unsigned long long)st.n_terms);
    printf("segments    %llu\n", (unsigned long long)st.n_segments);
    printf("size        %.2f MB (%llu bytes)\n", st.size_bytes / 1e6,
           (unsigned long long)st.size_bytes);
    printf("generation  %llu\n", (unsigned long long)st.generation);
    printf("language    %s\n", st.language);
    hd_index_close(ix);
    return HD_EXIT_OK;
}
