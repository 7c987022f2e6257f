/* SPDX-License-Identifier: MIT
 *
 * index_feed.c — the extraction thread of `herald index` and the bounded queue between it
 * and the indexing thread (index_feed.h): hd_extractor_next → owned copy of the article →
 * analysed text and statement records → queue → hd_cli_feed_pop. Spent items go back to
 * this thread to be freed. Public API only; used by cmd_index.c.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/index_feed.h"

#define QUEUE_CAP  256
#define WAKE_BATCH 32
#define WAKE_MS    10

/* The parts of a hd_cli_feed_item that it owns. */
typedef struct spent_item {
    char *buf;
    hd_statement *st;
    hd_doc_tokens *toks;
    hd_doc_tokens **st_toks;
    size_t n_st;
} spent_item;

struct hd_cli_feed {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    hd_cli_feed_item items[QUEUE_CAP];
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
    pthread_t th;
};

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
static spent_item item_own(const hd_cli_feed_item *it)
{
    return (spent_item){it->buf, it->st, it->toks, it->st_toks, it->n_st};
}

static void item_free(hd_cli_feed_item *it)
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
void hd_cli_feed_retire(hd_cli_feed *q, hd_cli_feed_item *it)
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
hd_article hd_cli_feed_article(const hd_cli_feed_item *it)
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
static hd_rc tokenize_statements(hd_tokenizer *tz, hd_cli_feed_item *it, hd_err *err)
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
    hd_article a = hd_cli_feed_article(it);
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
static int copy_article(const hd_article *a, hd_cli_feed_item *q)
{
    memset(q, 0, sizeof *q);
    size_t n_sp = 0;
    size_t need = strlen(a->id) + strlen(a->title) + a->body_len + 8 +
                  (a->source ? strlen(a->source) : 0) + (a->url ? strlen(a->url) : 0) +
                  (a->date ? strlen(a->date) : 0);
    const char *names[HD_FEED_MAX_SPEAKERS];
    for (size_t i = 0; i < a->n_statements; i++) {
        const hd_statement *st = &a->statements[i];
        need += strlen(st->text) + 1 + (st->speaker ? strlen(st->speaker) + 1 : 0);
    }
    for (size_t i = 0; i < a->n_statements && n_sp < HD_FEED_MAX_SPEAKERS; i++) {
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

static void *producer(void *ud)
{
    hd_cli_feed *q = ud;
    spent_item spent[QUEUE_CAP];
    for (;;) {
        hd_cli_feed_item it;
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
int hd_cli_feed_pop(hd_cli_feed *q, hd_cli_feed_item *out)
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
        out->d.speakers = out->speakers; /* the item was copied: point at this copy's array */
        q->head = (q->head + 1) % QUEUE_CAP;
        q->n--;
        if (q->prod_waiting && q->n <= QUEUE_CAP / 2)
            pthread_cond_signal(&q->not_full);
    }
    pthread_mutex_unlock(&q->mu);
    return got;
}

hd_rc hd_cli_feed_start(hd_extractor *x, const char *language, int statements, hd_cli_feed **out,
                        hd_err *err)
{
    hd_cli_feed *q = calloc(1, sizeof *q); /* large: not on the stack */
    if (!q) {
        err->code = HD_ENOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return HD_ENOMEM;
    }
    q->x = x;
    q->statements = statements;
    hd_rc rc = hd_tokenizer_new(language, &q->tz, err);
    if (rc != HD_OK) {
        free(q);
        return rc;
    }
    pthread_mutex_init(&q->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC); /* pop's timed wait */
    pthread_cond_init(&q->not_empty, &ca);
    pthread_condattr_destroy(&ca);
    pthread_cond_init(&q->not_full, NULL);
    if (pthread_create(&q->th, NULL, producer, q) != 0) {
        hd_tokenizer_free(q->tz);
        free(q);
        err->code = HD_EIO;
        snprintf(err->msg, sizeof err->msg, "cannot start the extraction thread");
        return HD_EIO;
    }
    *out = q;
    return HD_OK;
}

static void feed_free(hd_cli_feed *q)
{
    hd_tokenizer_free(q->tz);
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->not_empty);
    pthread_cond_destroy(&q->not_full);
    free(q);
}

void hd_cli_feed_end(hd_cli_feed *q)
{
    pthread_join(q->th, NULL);
    feed_free(q);
}

void hd_cli_feed_stop(hd_cli_feed *q)
{
    pthread_mutex_lock(&q->mu);
    q->stop = 1;
    pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->mu);
    pthread_join(q->th, NULL);
    hd_cli_feed_item it;
    while (q->n) {
        it = q->items[q->head];
        q->head = (q->head + 1) % QUEUE_CAP;
        q->n--;
        item_free(&it);
    }
    feed_free(q);
}
