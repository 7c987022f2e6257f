/* SPDX-License-Identifier: MIT
 *
 * cmd_delete.c — `herald delete`: delete articles by id and commit.
 */
#include <stdio.h>
#include <getopt.h>

#include "cli/cli.h"

/* ---- herald delete ----------------------------------------------------------------------- */

static const char delete_usage[] =
    "usage: herald delete [--index DIR] ID...\n"
    "\n"
    "Delete articles by id (as shown by herald search) and commit. Unknown ids are ignored.\n"
    "\n"
    "  --index DIR   the index (default $HERALD_INDEX, else ./herald-index)\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 success, 1 the index failed, 2 usage error.\n";

int hd_cmd_delete(int argc, char **argv)
{
    const char *dir;
    int r = hd_cli_index_opts(argc, argv, delete_usage, &dir);
    if (r >= 0)
        return r;
    if (optind >= argc) {
        hd_cli_errorf("no ids to delete (see herald delete --help)");
        return HD_EXIT_USAGE;
    }
    hd_err err = {0};
    hd_index *ix;
    hd_index_opts o = {.writable = 1};
    if (hd_index_open(dir, &o, &ix, &err) != HD_OK) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    hd_index_stats before, after;
    hd_index_stats_get(ix, &before, NULL);
    for (int i = optind; i < argc; i++)
        if (hd_index_delete(ix, argv[i], &err) != HD_OK)
            break;
    if (err.code || hd_index_commit(ix, &err) != HD_OK) {
        hd_cli_report(&err);
        hd_index_close(ix);
        return HD_EXIT_FAIL;
    }
    hd_index_stats_get(ix, &after, NULL);
    printf("deleted %llu of %d ids; %llu documents left\n",
           (unsigned long long)(before.n_docs - after.n_docs), argc - optind,
           (unsigned long long)after.n_docs);
    hd_index_close(ix);
    /* The deleted articles' statements go too. */
    char sdir[4096];
    hd_index *sx;
    if (hd_statements_dir(dir, sdir, sizeof sdir) != HD_OK)
        return HD_EXIT_OK;
    if (hd_index_open(sdir, &o, &sx, &err) != HD_OK) {
        if (err.code == HD_ENOTFOUND) /* indexed without statements */
            return HD_EXIT_OK;
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    for (int i = optind; i < argc && !err.code; i++) {
        hd_article a = {.id = argv[i]};
        hd_index_delete_statements(sx, &a, HD_MAX_STATEMENTS_PER_ARTICLE, &err);
    }
    if (err.code || hd_index_commit(sx, &err) != HD_OK) {
        hd_cli_report(&err);
        hd_index_close(sx);
        return HD_EXIT_FAIL;
    }
    hd_index_close(sx);
    return HD_EXIT_OK;
}
