/* SPDX-License-Identifier: MIT
 *
 * cmd_index.c — `herald index`: pages in (through the extractor), articles committed to the
 * on-disk index, then merged to one segment. Extraction runs in a second thread that hands
 * copies of the articles over a bounded queue, so reading/cleaning/segmenting one page and
 * indexing the previous ones overlap on two cores. Also the option parsing shared by
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

/* ---- extraction thread ------------------------------------------------------------------ */

#define QUEUE_CAP    256
#define WAKE_BATCH   32
#define WAKE_MS      10
#define MAX_SPEAKERS 64

typedef struct qitem {
    hd_doc d; /* strings point into buf */
    const char *speakers[MAX_SPEAKERS];
    hd_statement *st; /* owned array; its strings point into buf */
    size_t n_st;
    char *buf;               /* owned */
    hd_doc_tokens *toks;     /* owned: its text, analysed in the extraction thread */
    hd_doc_tokens **st_toks; /* owned, n_st entries: each statement record analysed there
                                too (NULL: not indexed); NULL without a statements index */
    hd_rc rc;                /* != HD_OK: an extraction error, in err */
    hd_err err;
} qitem;

/* The parts of a qitem that it owns. */
typedef struct spent_item {
    char *buf;
    hd_statement *st;
    hd_doc_tokens *toks;
    hd_doc_tokens **st_toks;
    size_t n_st;
} spent_item;

typedef struct queue {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    qitem items[QUEUE_CAP];
    size_t head, n;
    int done; /* producer finished */
    int stop; /* consumer gave up */
    /* A thread is woken only for a batch of work: the consumer when WAKE_BATCH articles
     * wait (or the producer is done), the producer when the queue is half empty. Waking it
     * for every article cost a futex call and a context switch each. */
    int cons_waiting, prod_waiting;
    /* Items the indexer is done with, freed by the producer: memory goes back to the
     * thread (and malloc arena) that allocated it, instead of the two threads contending
     * for the producer's arena lock on every article. */
    spent_item spent[QUEUE_CAP];
    size_t n_spent;
    hd_extractor *x;
    hd_tokenizer *tz;
    int statements; /* analyse the statement records too */
} queue;

/* Free what an item owns. */
static void own_free(const spent_item *o)
{
    for (size_t k = 0; o->st_toks && k < o->n_st; k++)
        hd_doc_tokens_free(o->st_toks[k]);
    free(o->st_toks);
    free(o->buf);
    free(o->st);
    hd_doc_tokens_free(o->toks);
}

/* The parts an item owns. */
static spent_item item_own(const qitem *it)
{
    return (spent_item){it->buf, it->st, it->toks, it->st_toks, it->n_st};
}

static void item_free(qitem *it)
{
    spent_item o = item_own(it);
    own_free(&o);
    it->st_toks = NULL;
    it->buf = NULL;
    it->st = NULL;
    it->toks = NULL;
}

/* Hand an item the indexer is done with back to the producer to free (or free it here when
 * the producer has fallen behind on that or is gone). */
static void retire(queue *q, qitem *it)
{
    pthread_mutex_lock(&q->mu);
    int kept = q->n_spent < QUEUE_CAP && !q->done;
    if (kept)
        q->spent[q->n_spent++] = item_own(it);
    pthread_mutex_unlock(&q->mu);
    if (!kept)
        item_free(it);
    it->buf = NULL;
    it->st = NULL;
    it->toks = NULL;
    it->st_toks = NULL;
}

/* Free the owned parts in spent[0..n). */
static void free_spent(const spent_item *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        own_free(&v[i]);
}

/* The article of an item, as the statements API wants it. */
static hd_article item_article(const qitem *it)
{
    return (hd_article){.id = it->d.id,
                        .source = it->d.source,
                        .url = it->d.url,
                        .seq = it->d.seq,
                        .title = it->d.title,
                        .date = it->d.date,
                        .statements = it->st,
                        .n_statements = it->n_st};
}

/* Analyse the statement records of an item (in the extraction thread: the indexing thread
 * is the busier one). */
static hd_rc tokenize_statements(hd_tokenizer *tz, qitem *it, hd_err *err)
{
    if (!it->n_st)
        return HD_OK;
    it->st_toks = calloc(it->n_st, sizeof *it->st_toks);
    size_t cap = strlen(it->d.id) + 32;
    char *id = malloc(cap);
    hd_rc rc = it->st_toks && id ? HD_OK : HD_ENOMEM;
    if (rc) {
        err->code = rc;
        snprintf(err->msg, sizeof err->msg, "out of memory analysing statements");
    }
    hd_article a = item_article(it);
    for (size_t k = 0; k < it->n_st && rc == HD_OK; k++) {
        const char *sp[1];
        hd_doc d;
        /* a statement is mostly a stretch of the body: its words are those already analysed */
        if (hd_statement_doc(&a, k, id, cap, sp, &d) == HD_OK)
            rc = hd_tokenizer_run_part(tz, &d, &it->d, it->toks, it->st[k].start, &it->st_toks[k],
                                       err);
    }
    free(id);
    return rc;
}

static char *put(char **p, const char *s, size_t n)
{
    char *r = *p;
    if (n)
        memcpy(r, s, n);
    r[n] = 0;
    *p += n + 1;
    return r;
}

/* Copy what indexing needs of an article (speakers: the distinct names of its statements). */
static int copy_article(const hd_article *a, qitem *q)
{
    memset(q, 0, sizeof *q);
    size_t n_sp = 0;
    size_t need = strlen(a->id) + strlen(a->title) + a->body_len + 8 +
                  (a->source ? strlen(a->source) : 0) + (a->url ? strlen(a->url) : 0) +
                  (a->date ? strlen(a->date) : 0);
    const char *names[MAX_SPEAKERS];
    for (size_t i = 0; i < a->n_statements; i++) {
        const hd_statement *st = &a->statements[i];
        need += strlen(st->text) + 1 + (st->speaker ? strlen(st->speaker) + 1 : 0);
    }
    for (size_t i = 0; i < a->n_statements && n_sp < MAX_SPEAKERS; i++) {
        const char *sp = a->statements[i].speaker;
        if (!sp || !*sp)
            continue;
        size_t j = 0;
        while (j < n_sp && strcmp(names[j], sp))
            j++;
        if (j == n_sp) {
            names[n_sp++] = sp;
            need += strlen(sp) + 1;
        }
    }
    char *p = malloc(need);
    if (!p)
        return -1;
    q->buf = p;
    q->d.id = put(&p, a->id, strlen(a->id));
    q->d.title = put(&p, a->title, strlen(a->title));
    q->d.body = put(&p, a->body, a->body_len);
    q->d.body_len = a->body_len;
    q->d.source = a->source ? put(&p, a->source, strlen(a->source)) : NULL;
    q->d.url = a->url ? put(&p, a->url, strlen(a->url)) : NULL;
    q->d.date = a->date ? put(&p, a->date, strlen(a->date)) : NULL;
    q->d.seq = a->seq;
    for (size_t j = 0; j < n_sp; j++)
        q->speakers[j] = put(&p, names[j], strlen(names[j]));
    q->d.speakers = q->speakers;
    q->d.n_speakers = n_sp;
    /* The statements, for the statements index (text and speaker are what it stores). */
    if (a->n_statements) {
        q->st = calloc(a->n_statements, sizeof *q->st);
        if (!q->st) {
            free(q->buf);
            q->buf = NULL;
            return -1;
        }
        for (size_t i = 0; i < a->n_statements; i++) {
            const hd_statement *st = &a->statements[i];
            q->st[i] = *st;
            q->st[i].text = put(&p, st->text, strlen(st->text));
            q->st[i].speaker = st->speaker ? put(&p, st->speaker, strlen(st->speaker)) : NULL;
            q->st[i].speaker_mention = NULL;
            q->st[i].cue = NULL;
        }
        q->n_st = a->n_statements;
    }
    return 0;
}

/* Add the statements of the article in `it` to the statements index (analysed by the
 * extraction thread), replacing what an earlier run stored for it (records beyond its current
 * count are deleted when the index already held statements). */
static hd_rc add_statements(hd_index *sx, int had_statements, const qitem *it, hd_err *err)
{
    hd_article a = item_article(it);
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

static void *producer(void *ud)
{
    queue *q = ud;
    spent_item spent[QUEUE_CAP];
    for (;;) {
        qitem it;
        const hd_article *a;
        hd_err err = {0};
        hd_rc rc = hd_extractor_next(q->x, &a, &err);
        if (rc == HD_DONE)
            break;
        if (rc == HD_OK && copy_article(a, &it) != 0) {
            rc = HD_ENOMEM;
            hd_err_clear(&err);
            snprintf(err.msg, sizeof err.msg, "out of memory copying an article");
            err.code = HD_ENOMEM;
        }
        if (rc == HD_OK &&
            ((rc = hd_tokenizer_run(q->tz, &it.d, &it.toks, &err)) != HD_OK ||
             (q->statements && (rc = tokenize_statements(q->tz, &it, &err)) != HD_OK)))
            item_free(&it);
        if (rc != HD_OK) {
            memset(&it, 0, sizeof it);
            it.rc = rc;
            it.err = err;
        }
        pthread_mutex_lock(&q->mu);
        while (q->n == QUEUE_CAP && !q->stop) {
            q->prod_waiting = 1;
            pthread_cond_wait(&q->not_full, &q->mu);
            q->prod_waiting = 0;
        }
        if (q->stop) {
            pthread_mutex_unlock(&q->mu);
            item_free(&it);
            break;
        }
        q->items[(q->head + q->n) % QUEUE_CAP] = it;
        q->n++;
        if (q->cons_waiting && q->n >= WAKE_BATCH)
            pthread_cond_signal(&q->not_empty);
        size_t n_spent = q->n_spent;
        if (n_spent)
            memcpy(spent, q->spent, n_spent * sizeof spent[0]);
        q->n_spent = 0;
        pthread_mutex_unlock(&q->mu);
        free_spent(spent, n_spent);
        if (rc == HD_ENOMEM)
            break;
    }
    pthread_mutex_lock(&q->mu);
    q->done = 1; /* from now on the indexer frees what it retires */
    pthread_cond_signal(&q->not_empty);
    size_t n_spent = q->n_spent;
    memcpy(spent, q->spent, n_spent * sizeof spent[0]);
    q->n_spent = 0;
    pthread_mutex_unlock(&q->mu);
    free_spent(spent, n_spent);
    return NULL;
}

/* Next item for the indexer; 0 when the producer is done and the queue empty. */
static int pop(queue *q, qitem *out)
{
    pthread_mutex_lock(&q->mu);
    if (q->n == 0) {
        /* wait for a batch, but never hold back an article more than WAKE_MS: a page that
         * trickles in on stdin is indexed (and committed) without waiting for more */
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += WAKE_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        while (q->n < WAKE_BATCH && !q->done) {
            q->cons_waiting = 1;
            int e = pthread_cond_timedwait(&q->not_empty, &q->mu, &until);
            q->cons_waiting = 0;
            if (e == ETIMEDOUT) {
                if (q->n > 0)
                    break;
                until.tv_sec += 1; /* nothing yet: keep waiting, a second at a time */
            }
        }
    }
    int got = q->n > 0;
    if (got) {
        *out = q->items[q->head];
        q->head = (q->head + 1) % QUEUE_CAP;
        q->n--;
        if (q->prod_waiting && q->n <= QUEUE_CAP / 2)
            pthread_cond_signal(&q->not_full);
    }
    pthread_mutex_unlock(&q->mu);
    return got;
}

/* Tell the producer to stop, wait for it, free what is queued. */
static void stop_producer(queue *q, pthread_t th)
{
    pthread_mutex_lock(&q->mu);
    q->stop = 1;
    pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->mu);
    pthread_join(th, NULL);
    qitem it;
    while (q->n) {
        it = q->items[q->head];
        q->head = (q->head + 1) % QUEUE_CAP;
        q->n--;
        item_free(&it);
    }
}

int hd_cmd_index(int argc, char **argv)
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
    const char *dir = hd_cli_index_dir(), *lang = NULL;
    unsigned long every = 0, mem_mb = 0;
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
        case 'm': {
            char *end;
            errno = 0;
            unsigned long mb = strtoul(optarg, &end, 10);
            if (errno || *end || mb < 8 || mb > (1ul << 20)) {
                hd_cli_errorf("--memory needs a size in MB from 8 up, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            mem_mb = mb;
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
    hd_index_opts io = {.create = 1, .language = lang, .mem_budget = (size_t)mem_mb << 20};
    if (hd_index_open(dir, &io, &ix, &err) != HD_OK) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    /* Statements go to their own index inside DIR (records of their own: see herald.h). It
     * is committed right after the articles, so a crash between the two commits leaves it
     * one commit behind at most; indexing the pages again brings it level. */
    hd_index *sx = NULL;
    int had_statements = 0;
    if (statements) {
        char sdir[4096];
        hd_index_opts so = io;
        so.language = hd_index_language(ix);
        if (hd_statements_dir(dir, sdir, sizeof sdir) != HD_OK ||
            hd_index_open(sdir, &so, &sx, &err) != HD_OK) {
            hd_cli_report(&err);
            hd_index_close(ix);
            return HD_EXIT_FAIL;
        }
        hd_index_stats sst;
        had_statements = hd_index_stats_get(sx, &sst, NULL) == HD_OK && sst.n_docs > 0;
    }
    hd_extractor *x;
    hd_extract_opts xo = {.statements = statements, .warn = on_warn};
    if (hd_extractor_new(&xo, &x, &err) != HD_OK) {
        hd_cli_report(&err);
        hd_index_close(ix);
        hd_index_close(sx);
        return HD_EXIT_FAIL;
    }
    for (int i = optind; i < argc; i++)
        hd_extractor_add_path(x, argv[i], &err);

    int status = HD_EXIT_OK;
    double t0 = now_s(), last = 0;
    uint64_t docs = 0, bytes = 0, since = 0;
    static queue q; /* large: not on the stack */
    memset(&q, 0, sizeof q);
    q.x = x;
    q.statements = sx != NULL;
    if (hd_tokenizer_new(hd_index_language(ix), &q.tz, &err) != HD_OK) {
        hd_cli_report(&err);
        hd_extractor_free(x);
        hd_index_close(ix);
        hd_index_close(sx);
        return HD_EXIT_FAIL;
    }
    pthread_mutex_init(&q.mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC); /* pop's timed wait */
    pthread_cond_init(&q.not_empty, &ca);
    pthread_condattr_destroy(&ca);
    pthread_cond_init(&q.not_full, NULL);
    pthread_t th;
    if (pthread_create(&th, NULL, producer, &q) != 0) {
        hd_cli_errorf("cannot start the extraction thread");
        hd_extractor_free(x);
        hd_index_close(ix);
        hd_index_close(sx);
        return HD_EXIT_FAIL;
    }
    page_track pages = {0};
    qitem it;
    while (pop(&q, &it)) {
        it.d.speakers = it.speakers; /* the item was copied: point at this copy's array */
        if (it.rc != HD_OK) {
            hd_cli_report(&it.err);
            status = HD_EXIT_FAIL;
            continue;
        }
        hd_rc arc = track(ix, &pages, it.d.id, it.d.seq, &err);
        if (arc == HD_OK)
            arc = hd_index_add_tokens(ix, &it.d, it.toks, &err);
        if (arc == HD_OK && sx)
            arc = add_statements(sx, had_statements, &it, &err);
        bytes += it.d.body_len + strlen(it.d.title);
        retire(&q, &it);
        if (arc != HD_OK) {
            if (arc == HD_ENOMEM || arc == HD_EIO || arc == HD_ENOSPC) /* auto-commit failed */
                goto fatal_join;
            hd_cli_report(&err);
            hd_err_clear(&err);
            status = HD_EXIT_FAIL;
            continue;
        }
        docs++;
        since++;
        if (every && since >= every) {
            if (hd_index_commit(ix, &err) != HD_OK || (sx && hd_index_commit(sx, &err) != HD_OK))
                goto fatal_join;
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
    pthread_join(th, NULL);
    hd_tokenizer_free(q.tz);
    q.tz = NULL;
    /* The statements commit is written beside the articles' but published after it, so a
     * crash still leaves the statements one commit behind the articles at most. */
    side_job sj = {.sx = sx};
    if (track_end(ix, &pages, &err) != HD_OK || beside(&sj, hd_index_commit, ix, &err) != HD_OK ||
        (sx && hd_index_commit(sx, &err) != HD_OK))
        goto fatal;
    if (verbose) {
        hd_index_stats st;
        hd_index_stats_get(ix, &st, NULL);
        fprintf(stderr, "herald: committed %llu documents (generation %llu)\n",
                (unsigned long long)st.n_docs, (unsigned long long)st.generation);
    }
    sj = (side_job){.sx = sx, .optimize = 1};
    if (optimize && beside(&sj, hd_index_optimize, ix, &err) != HD_OK)
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
    hd_index_close(sx);
    return status;
fatal_join:
    stop_producer(&q, th);
    free(pages.base);
    hd_tokenizer_free(q.tz);
fatal:
    if (tty)
        fputc('\n', stderr);
    hd_cli_report(&err);
    fprintf(stderr, "herald: the index keeps its last completed commit\n");
    hd_extractor_free(x);
    hd_index_close(ix);
    hd_index_close(sx);
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
