/* SPDX-License-Identifier: MIT
 *
 * cmd_index.c — `herald index`: pages in (through the extractor), articles committed to the
 * on-disk index, then merged to one segment. Extraction runs in a second thread (index_feed.c)
 * that hands copies of the articles over a bounded queue, so reading/cleaning/segmenting a page
 * and indexing the previous ones overlap on two cores. Also the option parsing shared by
 * cmd_delete.c, cmd_stats.c and cmd_check.c. Public API only.
 */
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/index_feed.h"

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

/* The statements index's share of the final commit and optimize, run beside the articles'
 * (extraction is over, so a core is free). */
typedef struct side_job {
    hd_index *sx;
    int optimize; /* 0: hd_index_prepare_commit, 1: hd_index_optimize */
    hd_rc rc;
    hd_err err;
} side_job;

static void *side_run(void *ud)
{
    side_job *j = ud;
    j->rc =
        j->optimize ? hd_index_optimize(j->sx, &j->err) : hd_index_prepare_commit(j->sx, &j->err);
    return NULL;
}

/* Run j beside fn(ix) in this thread; the first error wins (the articles' first). */
static hd_rc beside(side_job *j, hd_rc (*fn)(hd_index *, hd_err *), hd_index *ix, hd_err *err)
{
    pthread_t th;
    int started = j->sx && pthread_create(&th, NULL, side_run, j) == 0;
    if (j->sx && !started)
        side_run(j);
    hd_rc rc = fn(ix, err);
    if (started)
        pthread_join(th, NULL);
    if (!rc && j->sx && j->rc) {
        *err = j->err;
        rc = j->rc;
    }
    return rc;
}

static const char index_usage[] =
    "usage: herald index [--index DIR] [--commit-every N] [--memory MB] [--language LANG]\n"
    "                    [--no-optimize] [--no-statements] [-v] PATH...\n"
    "\n"
    "Extract the articles of scraped pages (text, HTML or JSON Lines files, maybe gzip;\n"
    "directories; - for stdin) and add them to the index. An article whose id is already in\n"
    "the index replaces it, so indexing a page twice never duplicates it. Changes are\n"
    "committed every N articles and at the end; a crash keeps every article of the last\n"
    "commit. The index is then merged into one segment (skip with --no-optimize). A progress\n"
    "line is shown when stderr is a terminal.\n"
    "\n"
    "  --index DIR        the index (default $HERALD_INDEX, else ./herald-index); created\n"
    "                     when missing\n"
    "  --commit-every N   commit after every N articles (default: when the buffer is full,\n"
    "                     and at the end)\n"
    "  --memory MB        size of the in-memory buffer before a commit (default 256)\n"
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
    if (isatty(2))
        fputs("\r\033[K", stderr); /* over the progress line */
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

/* ---- pages that shrank --------------------------------------------------------------------
 * Article ids are "<page id or source>#<seq>" (the first article of a page with an id is the
 * id itself). When a page is indexed again with fewer articles, the old extra ones must go:
 * after each page, hd_index_trim_page deletes base#k for k >= the page's article count. */

typedef struct page_track {
    char *base; /* current page's id base, or NULL */
    uint32_t n; /* its articles so far */
} page_track;

/* The page base of an article id with sequence number seq. */
static size_t id_base_len(const char *id, uint32_t seq)
{
    char suf[16];
    int k = snprintf(suf, sizeof suf, "#%u", seq);
    size_t n = strlen(id);
    if (k > 0 && n > (size_t)k && strcmp(id + n - (size_t)k, suf) == 0)
        return n - (size_t)k;
    return n;
}

/* Note an article; trims the previous page when this one starts another. */
static hd_rc track(hd_index *ix, page_track *pt, const char *id, uint32_t seq, hd_err *err)
{
    size_t bl = id_base_len(id, seq);
    if (pt->base && strlen(pt->base) == bl && memcmp(pt->base, id, bl) == 0) {
        pt->n++;
        return HD_OK;
    }
    hd_rc rc = HD_OK;
    if (pt->base)
        rc = hd_index_trim_page(ix, pt->base, pt->n, err);
    free(pt->base);
    pt->base = strndup(id, bl);
    pt->n = 1;
    return rc;
}

static hd_rc track_end(hd_index *ix, page_track *pt, hd_err *err)
{
    hd_rc rc = pt->base ? hd_index_trim_page(ix, pt->base, pt->n, err) : HD_OK;
    free(pt->base);
    pt->base = NULL;
    return rc;
}
/* Add the statements of the article in `it` to the statements index (analysed by the
 * extraction thread), replacing what an earlier run stored for it (records beyond its current
 * count are deleted when the index already held statements). */
static hd_rc add_statements(hd_index *sx, int had_statements, const hd_cli_feed_item *it,
                            hd_err *err)
{
    hd_article a = hd_cli_feed_article(it);
    hd_rc rc = HD_OK;
    if (it->st_toks) {
        size_t cap = strlen(it->d.id) + 32;
        char *id = malloc(cap);
        if (!id) {
            err->code = HD_ENOMEM;
            snprintf(err->msg, sizeof err->msg, "out of memory adding statements");
            return HD_ENOMEM;
        }
        for (size_t k = 0; k < it->n_st && rc == HD_OK; k++) {
            const char *sp[1];
            hd_doc d;
            if (it->st_toks[k] && hd_statement_doc(&a, k, id, cap, sp, &d) == HD_OK)
                rc = hd_index_add_tokens(sx, &d, it->st_toks[k], err);
        }
        free(id);
    } else {
        rc = hd_index_add_statements(sx, &a, err);
    }
    if (rc == HD_OK && had_statements)
        rc = hd_index_delete_statements(sx, &a, it->n_st + 8, err);
    return rc;
}

/* ---- the indexing thread ---------------------------------------------------------------- */

typedef struct index_opts {
    const char *dir, *lang;
    unsigned long every, mem_mb;
    int optimize, statements, verbose;
} index_opts;

/* A number for --commit-every or --memory; 0 when it is none. */
static unsigned long parse_count(const char *s)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    return errno || *end ? 0 : v;
}

/* Returns -1 to go on, else the exit status. */
static int parse_opts(int argc, char **argv, index_opts *o)
{
    static const struct option longopts[] = {
        {"index", required_argument, NULL, 'i'},
        {"commit-every", required_argument, NULL, 'c'},
        {"memory", required_argument, NULL, 'm'},
        {"language", required_argument, NULL, 'l'},
        {"no-optimize", no_argument, NULL, 'O'},
        {"no-statements", no_argument, NULL, 'S'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *o = (index_opts){.dir = hd_cli_index_dir(), .optimize = 1, .statements = 1};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hv", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            o->dir = optarg;
            break;
        case 'c':
            if ((o->every = parse_count(optarg)) == 0) {
                hd_cli_errorf("--commit-every needs a positive number, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case 'm':
            o->mem_mb = parse_count(optarg);
            if (o->mem_mb < 8 || o->mem_mb > (1ul << 20)) {
                hd_cli_errorf("--memory needs a size in MB from 8 up, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case 'l':
            o->lang = optarg;
            break;
        case 'O':
            o->optimize = 0;
            break;
        case 'S':
            o->statements = 0;
            break;
        case 'v':
            o->verbose = 1;
            break;
        default:
            fputs(index_usage, c == 'h' ? stdout : stderr);
            return c == 'h' ? HD_EXIT_OK : HD_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        hd_cli_errorf("no pages to index (see herald index --help)");
        return HD_EXIT_USAGE;
    }
    return -1;
}

/* One run of `herald index`: what is open and what has been counted. */
typedef struct indexing {
    hd_index *ix;
    hd_index *sx; /* the statements index, or NULL with --no-statements */
    int had_statements;
    hd_extractor *x;
    page_track pages;
    int tty;
    double t0, last;
    uint64_t docs, bytes, since;
} indexing;

static void close_all(indexing *s)
{
    hd_extractor_free(s->x);
    hd_index_close(s->ix);
    hd_index_close(s->sx);
}

/* Open the index, its statements index and the extractor on the paths. */
static hd_rc open_all(const index_opts *o, int argc, char **argv, indexing *s, hd_err *err)
{
    hd_index_opts io = {.create = 1, .language = o->lang, .mem_budget = (size_t)o->mem_mb << 20};
    hd_rc rc = hd_index_open(o->dir, &io, &s->ix, err);
    if (rc != HD_OK)
        return rc;
    /* Statements go to their own index inside DIR (records of their own: see herald.h). It
     * is committed right after the articles, so a crash between the two commits leaves it
     * one commit behind at most; indexing the pages again brings it level. */
    if (o->statements) {
        char sdir[4096];
        hd_index_opts so = io;
        so.language = hd_index_language(s->ix);
        if ((rc = hd_statements_dir(o->dir, sdir, sizeof sdir)) != HD_OK) {
            err->code = rc;
            snprintf(err->msg, sizeof err->msg, "index path too long: %s", o->dir);
            return rc;
        }
        if ((rc = hd_index_open(sdir, &so, &s->sx, err)) != HD_OK)
            return rc;
        hd_index_stats sst;
        s->had_statements = hd_index_stats_get(s->sx, &sst, NULL) == HD_OK && sst.n_docs > 0;
    }
    hd_extract_opts xo = {.statements = o->statements, .warn = on_warn};
    if ((rc = hd_extractor_new(&xo, &s->x, err)) != HD_OK)
        return rc;
    for (int i = optind; i < argc; i++)
        hd_extractor_add_path(s->x, argv[i], err);
    return HD_OK;
}

static void report_commit(hd_index *ix)
{
    hd_index_stats st;
    hd_index_stats_get(ix, &st, NULL);
    fprintf(stderr, "herald: committed %llu documents (generation %llu)\n",
            (unsigned long long)st.n_docs, (unsigned long long)st.generation);
}

/* Add one article (and its statements); the item goes back to the feed. */
static hd_rc add_item(indexing *s, hd_cli_feed *feed, hd_cli_feed_item *it, hd_err *err)
{
    hd_rc arc = track(s->ix, &s->pages, it->d.id, it->d.seq, err);
    if (arc == HD_OK)
        arc = hd_index_add_tokens(s->ix, &it->d, it->toks, err);
    if (arc == HD_OK && s->sx)
        arc = add_statements(s->sx, s->had_statements, it, err);
    s->bytes += it->d.body_len + strlen(it->d.title);
    hd_cli_feed_retire(feed, it);
    return arc;
}

/* Index what the feed hands over. Returns 0 when every article was added, 1 when some
 * failed (reported), -1 on an error that ends the run (in err). */
static int consume(indexing *s, hd_cli_feed *feed, const index_opts *o, hd_err *err)
{
    int failed = 0;
    hd_cli_feed_item it;
    while (hd_cli_feed_pop(feed, &it)) {
        if (it.rc != HD_OK) {
            hd_cli_report(&it.err);
            failed = 1;
            continue;
        }
        hd_rc arc = add_item(s, feed, &it, err);
        if (arc != HD_OK) {
            if (arc == HD_ENOMEM || arc == HD_EIO || arc == HD_ENOSPC) /* auto-commit failed */
                return -1;
            hd_cli_report(err);
            hd_err_clear(err);
            failed = 1;
            continue;
        }
        s->docs++;
        s->since++;
        if (o->every && s->since >= o->every) {
            if (hd_index_commit(s->ix, err) != HD_OK ||
                (s->sx && hd_index_commit(s->sx, err) != HD_OK))
                return -1;
            s->since = 0;
            if (o->verbose)
                report_commit(s->ix);
        }
        if (s->tty && (s->docs & 63) == 0 && now_s() - s->last > 0.2) {
            s->last = now_s();
            progress(s->docs, s->bytes, g_total_bytes, s->t0, 0);
        }
    }
    return failed;
}

/* The last commit, then the merge to one segment. */
static hd_rc finish(indexing *s, const index_opts *o, hd_err *err)
{
    /* The statements commit is written beside the articles' but published after it, so a
     * crash still leaves the statements one commit behind the articles at most. */
    side_job sj = {.sx = s->sx};
    hd_rc rc;
    if ((rc = track_end(s->ix, &s->pages, err)) != HD_OK ||
        (rc = beside(&sj, hd_index_commit, s->ix, err)) != HD_OK ||
        (s->sx && (rc = hd_index_commit(s->sx, err)) != HD_OK))
        return rc;
    if (o->verbose)
        report_commit(s->ix);
    sj = (side_job){.sx = s->sx, .optimize = 1};
    return o->optimize ? beside(&sj, hd_index_optimize, s->ix, err) : HD_OK;
}

static void summary(const indexing *s, const char *dir)
{
    hd_index_stats st;
    hd_index_stats_get(s->ix, &st, NULL);
    double dt = now_s() - s->t0;
    fprintf(stderr,
            "herald: indexed %llu articles (%.1f MB of text, %.1f MB of input) in %.2f s: "
            "%.1f MB/s; index %s holds %llu documents, %.1f MB\n",
            (unsigned long long)s->docs, s->bytes / 1e6, g_total_bytes / 1e6, dt,
            (g_total_bytes ? g_total_bytes : s->bytes) / 1e6 / (dt > 0 ? dt : 1), dir,
            (unsigned long long)st.n_docs, st.size_bytes / 1e6);
}

int hd_cmd_index(int argc, char **argv)
{
    index_opts o;
    int rc = parse_opts(argc, argv, &o);
    if (rc >= 0)
        return rc;
    indexing s = {.tty = isatty(2)};
    for (int i = optind; i < argc; i++)
        if (strcmp(argv[i], "-") != 0)
            nftw(argv[i], add_size, 32, FTW_PHYS);
    hd_err err = {0};
    hd_cli_feed *feed = NULL;
    if (open_all(&o, argc, argv, &s, &err) != HD_OK ||
        hd_cli_feed_start(s.x, hd_index_language(s.ix), s.sx != NULL, &feed, &err) != HD_OK) {
        hd_cli_report(&err);
        close_all(&s);
        return HD_EXIT_FAIL;
    }
    s.t0 = now_s();
    int failed = consume(&s, feed, &o, &err);
    if (failed < 0) {
        hd_cli_feed_stop(feed);
        free(s.pages.base);
        goto fatal;
    }
    hd_cli_feed_end(feed);
    if (finish(&s, &o, &err) != HD_OK)
        goto fatal;
    if (s.tty)
        progress(s.docs, s.bytes, g_total_bytes, s.t0, 1);
    if (o.verbose || s.tty)
        summary(&s, o.dir);
    close_all(&s);
    return failed ? HD_EXIT_FAIL : HD_EXIT_OK;
fatal:
    if (s.tty)
        fputc('\n', stderr);
    hd_cli_report(&err);
    fprintf(stderr, "herald: the index keeps its last completed commit\n");
    close_all(&s);
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
