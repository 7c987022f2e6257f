/* SPDX-License-Identifier: MIT
 *
 * cmd_index.c — `herald index`: pages in (through the extractor), articles committed to the
 * on-disk index, then merged to one segment. Also the option parsing shared by
 * cmd_delete.c, cmd_stats.c and cmd_check.c. Public API only.
 */
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

const char *hd_cli_index_dir(void)
{
    const char *d = getenv("HERALD_INDEX");
    return d && *d ? d : "./herald-index";
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- herald index ------------------------------------------------------------------------ */

static const char index_usage[] =
    "usage: herald index [--index DIR] [--commit-every N] [--language LANG] [--no-optimize]\n"
    "                    [--no-statements] [-v] PATH...\n"
    "\n"
    "Extract the articles of scraped pages (files, directories, JSON Lines, - for stdin) and\n"
    "add them to the index. An article whose id is already in the index replaces it, so\n"
    "indexing a page twice never duplicates it. Changes are committed every N articles and at\n"
    "the end; a crash keeps every article of the last commit. The index is then merged into\n"
    "one segment (skip with --no-optimize). A progress line is shown when stderr is a terminal.\n"
    "\n"
    "  --index DIR        the index (default $HERALD_INDEX, else ./herald-index); created\n"
    "                     when missing\n"
    "  --commit-every N   commit after every N articles (default: when the 256 MiB buffer\n"
    "                     fills, and at the end)\n"
    "  --language LANG    Snowball stemmer of a new index (default english; none = no stems)\n"
    "  --no-optimize      do not merge the segments at the end\n"
    "  --no-statements    do not extract statements (the speaker: field stays empty)\n"
    "  -v, --verbose      report each commit and a summary on stderr\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 success, 1 an input or the index failed (reported on stderr), 2 usage.\n";

static uint64_t g_total_bytes;

static int add_size(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)path;
    (void)ftw;
    if (flag == FTW_F && S_ISREG(st->st_mode))
        g_total_bytes += (uint64_t)st->st_size;
    return 0;
}

static void on_warn(void *ud, const hd_err *w)
{
    (void)ud;
    if (w->where[0])
        fprintf(stderr, "herald: %s: warning: %s\n", w->where, w->msg);
    else
        fprintf(stderr, "herald: warning: %s\n", w->msg);
}

static void progress(uint64_t docs, uint64_t bytes, uint64_t total, double t0, int done)
{
    double dt = now_s() - t0;
    double mbs = dt > 0 ? bytes / 1e6 / dt : 0;
    char eta[32] = "";
    if (!done && total > bytes && bytes > 0 && dt > 0.5) {
        double left = (double)(total - bytes) / (bytes / dt);
        snprintf(eta, sizeof eta, ", ETA %dm%02ds", (int)left / 60, (int)left % 60);
    }
    double pct = total ? 100.0 * (double)bytes / (double)total : 0;
    if (pct > 100)
        pct = 100;
    fprintf(stderr, "\r%llu docs, %.1f MB (%.0f%%), %.1f MB/s%s\033[K%s", (unsigned long long)docs,
            bytes / 1e6, pct, mbs, eta, done ? "\n" : "");
}

int hd_cmd_index(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"index", required_argument, NULL, 'i'},    {"commit-every", required_argument, NULL, 'c'},
        {"language", required_argument, NULL, 'l'}, {"no-optimize", no_argument, NULL, 'O'},
        {"no-statements", no_argument, NULL, 'S'},  {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
    };
    const char *dir = hd_cli_index_dir(), *lang = NULL;
    unsigned long every = 0;
    int optimize = 1, statements = 1, verbose = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hv", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            dir = optarg;
            break;
        case 'c': {
            char *end;
            errno = 0;
            every = strtoul(optarg, &end, 10);
            if (errno || *end || every == 0) {
                hd_cli_errorf("--commit-every needs a positive number, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            break;
        }
        case 'l':
            lang = optarg;
            break;
        case 'O':
            optimize = 0;
            break;
        case 'S':
            statements = 0;
            break;
        case 'v':
            verbose = 1;
            break;
        case 'h':
            fputs(index_usage, stdout);
            return HD_EXIT_OK;
        default:
            fputs(index_usage, stderr);
            return HD_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        hd_cli_errorf("no pages to index (see herald index --help)");
        return HD_EXIT_USAGE;
    }
    int tty = isatty(2);
    for (int i = optind; i < argc; i++)
        if (strcmp(argv[i], "-") != 0)
            nftw(argv[i], add_size, 32, FTW_PHYS);

    hd_err err = {0};
    hd_index *ix;
    hd_index_opts io = {.create = 1, .language = lang};
    if (hd_index_open(dir, &io, &ix, &err) != HD_OK) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    hd_extractor *x;
    hd_extract_opts xo = {.statements = statements, .warn = on_warn};
    if (hd_extractor_new(&xo, &x, &err) != HD_OK) {
        hd_cli_report(&err);
        hd_index_close(ix);
        return HD_EXIT_FAIL;
    }
    for (int i = optind; i < argc; i++)
        hd_extractor_add_path(x, argv[i], &err);

    int status = HD_EXIT_OK;
    double t0 = now_s(), last = 0;
    uint64_t docs = 0, bytes = 0, since = 0;
    const hd_article *a;
    hd_rc rc;
    while ((rc = hd_extractor_next(x, &a, &err)) != HD_DONE) {
        if (rc != HD_OK) {
            hd_cli_report(&err);
            hd_err_clear(&err);
            status = HD_EXIT_FAIL;
            if (rc == HD_ENOMEM)
                break;
            continue;
        }
        if (hd_index_add_article(ix, a, &err) != HD_OK) {
            hd_cli_report(&err);
            hd_err_clear(&err);
            status = HD_EXIT_FAIL;
            continue;
        }
        docs++;
        since++;
        bytes += a->body_len + strlen(a->title);
        if (every && since >= every) {
            if (hd_index_commit(ix, &err) != HD_OK)
                goto fatal;
            since = 0;
            if (verbose) {
                hd_index_stats st;
                hd_index_stats_get(ix, &st, NULL);
                fprintf(stderr, "herald: committed %llu documents (generation %llu)\n",
                        (unsigned long long)st.n_docs, (unsigned long long)st.generation);
            }
        }
        if (tty && (docs & 63) == 0 && now_s() - last > 0.2) {
            last = now_s();
            progress(docs, bytes, g_total_bytes, t0, 0);
        }
    }
    if (hd_index_commit(ix, &err) != HD_OK)
        goto fatal;
    if (verbose) {
        hd_index_stats st;
        hd_index_stats_get(ix, &st, NULL);
        fprintf(stderr, "herald: committed %llu documents (generation %llu)\n",
                (unsigned long long)st.n_docs, (unsigned long long)st.generation);
    }
    if (optimize && hd_index_optimize(ix, &err) != HD_OK)
        goto fatal;
    if (tty)
        progress(docs, bytes, g_total_bytes, t0, 1);
    if (verbose || tty) {
        hd_index_stats st;
        hd_index_stats_get(ix, &st, NULL);
        double dt = now_s() - t0;
        fprintf(stderr,
                "herald: indexed %llu articles (%.1f MB of text, %.1f MB of input) in %.2f s: "
                "%.1f MB/s; index %s holds %llu documents, %.1f MB\n",
                (unsigned long long)docs, bytes / 1e6, g_total_bytes / 1e6, dt,
                (g_total_bytes ? g_total_bytes : bytes) / 1e6 / (dt > 0 ? dt : 1), dir,
                (unsigned long long)st.n_docs, st.size_bytes / 1e6);
    }
    hd_extractor_free(x);
    hd_index_close(ix);
    return status;
fatal:
    if (tty)
        fputc('\n', stderr);
    hd_cli_report(&err);
    fprintf(stderr, "herald: the index keeps its last completed commit\n");
    hd_extractor_free(x);
    hd_index_close(ix);
    return HD_EXIT_FAIL;
}

/* Parse the common [--index DIR] [-h] options; returns -1 to continue, else an exit code. */
int hd_cli_index_opts(int argc, char **argv, const char *usage, const char **dir)
{
    static const struct option longopts[] = {
        {"index", required_argument, NULL, 'i'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    *dir = hd_cli_index_dir();
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            *dir = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            return HD_EXIT_OK;
        default:
            fputs(usage, stderr);
            return HD_EXIT_USAGE;
        }
    }
    return -1;
}
