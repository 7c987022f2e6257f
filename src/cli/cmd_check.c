/* SPDX-License-Identifier: MIT
 *
 * cmd_check.c — `herald check`: verify every file of an index, naming a damaged one.
 */
#include <stdio.h>
#include <getopt.h>

#include "cli/cli.h"

/* ---- herald check ------------------------------------------------------------------------ */

static const char check_usage[] =
    "usage: herald check [--index DIR]\n"
    "\n"
    "Verify every file of the index: checksums, dictionaries, postings, positions, stored\n"
    "documents. Prints 'ok' and the document count, or names the damaged file.\n"
    "\n"
    "  --index DIR   the index (default $HERALD_INDEX, else ./herald-index)\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 the index is sound, 1 it is damaged or missing, 2 usage error.\n";

int hd_cmd_check(int argc, char **argv)
{
    const char *dir;
    int r = hd_cli_index_opts(argc, argv, check_usage, &dir);
    if (r >= 0)
        return r;
    if (optind < argc) {
        hd_cli_errorf("unexpected argument '%s' (see herald check --help)", argv[optind]);
        return HD_EXIT_USAGE;
    }
    hd_err err = {0};
    if (hd_index_check(dir, &err) != HD_OK) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    hd_index *ix;
    hd_index_stats st;
    if (hd_index_open(dir, NULL, &ix, &err) != HD_OK ||
        hd_index_stats_get(ix, &st, &err) != HD_OK) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    printf("ok: %s: %llu documents in %llu segments (generation %llu)\n", dir,
           (unsigned long long)st.n_docs, (unsigned long long)st.n_segments,
           (unsigned long long)st.generation);
    hd_index_close(ix);
    /* The statements index inside DIR, when there is one. */
    char sdir[4096];
    if (hd_statements_dir(dir, sdir, sizeof sdir) != HD_OK)
        return HD_EXIT_OK;
    hd_rc rc = hd_index_check(sdir, &err);
    if (rc == HD_ENOTFOUND)
        return HD_EXIT_OK;
    if (rc != HD_OK || hd_index_open(sdir, NULL, &ix, &err) != HD_OK ||
        hd_index_stats_get(ix, &st, &err) != HD_OK) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    printf("ok: %s: %llu statements in %llu segments (generation %llu)\n", sdir,
           (unsigned long long)st.n_docs, (unsigned long long)st.n_segments,
           (unsigned long long)st.generation);
    hd_index_close(ix);
    return HD_EXIT_OK;
}
