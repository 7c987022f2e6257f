/* SPDX-License-Identifier: MIT
 *
 * cmd_serve.c — `herald serve`: the index over HTTP, as JSON and a web page (libmicrohttpd).
 *
 *   GET /              the web page (search, who said what)
 *   GET /api/search    ?q= &n= &offset= &sort=score|date &snippets=0|1   (herald search --json)
 *   GET /api/said      ?speaker= &about= &since= &until= &n=            (herald said --json)
 *   GET /api/who       ?about= &n=                                      (herald who --json)
 *   GET /api/stats
 *
 * The answers are the CLI's JSON objects, written by the same functions. One thread serves
 * every request in turn (MHD's internal polling thread): a hd_index handle runs one search at
 * a time, and the answers take milliseconds. The index stays open between requests and is
 * opened again when a writer commits (its MANIFEST is replaced by a rename, so a new inode).
 * Errors are JSON too: 400 for a malformed or oversized query (with the message and column),
 * 404 for an unknown path, 405 for a method other than GET or HEAD, 500 for a damaged index.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/json_out.h"
#include "cli/serve_page.h"
#include "cli/statements_cli.h"

static const char serve_usage[] =
    "usage: herald serve [--index DIR] [--port N] [--bind ADDR]\n"
    "\n"
    "Answer queries on the index over HTTP until interrupted (SIGINT or SIGTERM): a web page\n"
    "at / and JSON at /api/search?q=QUERY (n, offset, sort=score|date, snippets=0|1),\n"
    "/api/said?speaker=NAME (about, since, until, n), /api/who (about, n) and /api/stats —\n"
    "the objects `herald search --json`, `said --json` and `who --json` print. New commits to\n"
    "the index are picked up between requests.\n"
    "\n"
    "  --index DIR   the index (default $HERALD_INDEX, else ./herald-index)\n"
    "  --port N      TCP port (default 8080; 0 picks a free one, printed on stderr)\n"
    "  --bind ADDR   IPv4 address to listen on (default 127.0.0.1: this machine only)\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 after a signal, 1 the index or the port could not be opened, 2 usage\n"
    "error.\n";

/* An index kept open, and the MANIFEST it was opened at. */
typedef struct held {
    char dir[4096];
    hd_index *ix;
    ino_t ino;
    struct timespec mtime;
} held;

typedef struct server {
    held art, st;
} server;

/* The index as of its last commit: opened again when MANIFEST changed since it was opened. */
static hd_rc hold(held *h, hd_err *err)
{
    char mf[4200];
    snprintf(mf, sizeof mf, "%s/MANIFEST", h->dir);
    struct stat sb;
    int seen = stat(mf, &sb) == 0;
    if (h->ix && seen && sb.st_ino == h->ino && sb.st_mtim.tv_sec == h->mtime.tv_sec &&
        sb.st_mtim.tv_nsec == h->mtime.tv_nsec)
        return HD_OK;
    hd_index *ix;
    hd_rc rc = hd_index_open(h->dir, NULL, &ix, err);
    if (rc)
        return rc;
    hd_index_close(h->ix);
    h->ix = ix;
    if (seen) {
        h->ino = sb.st_ino;
        h->mtime = sb.st_mtim;
    }
    return HD_OK;
}

/* ---- responses ----------------------------------------------------------------------------- */

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, const char *type,
                               char *body, size_t len)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

/* A JSON body being written: open_memstream gives the CLI's printers a FILE. */
typedef struct out {
    FILE *f;
    char *buf;
    size_t len;
} out;

static int out_open(out *o)
{
    o->buf = NULL;
    o->len = 0;
    o->f = open_memstream(&o->buf, &o->len);
    return o->f ? 0 : -1;
}

static enum MHD_Result out_send(struct MHD_Connection *c, out *o, unsigned status)
{
    int bad = ferror(o->f);
    if (fclose(o->f) != 0 || bad) {
        free(o->buf);
        return MHD_NO;
    }
    return respond(c, status, "application/json; charset=utf-8", o->buf, o->len);
}

static enum MHD_Result json_error(struct MHD_Connection *c, unsigned status, const hd_err *err,
                                  const char *msg)
{
    out o;
    if (out_open(&o))
        return MHD_NO;
    fputs("{\"error\":", o.f);
    hd_cli_json_text(o.f, err ? err->msg : msg);
    if (err) {
        fputs(",\"code\":", o.f);
        hd_json_strz(o.f, hd_rc_name(err->code));
        if (err->where[0]) {
            fputs(",\"where\":", o.f);
            hd_cli_json_text(o.f, err->where);
        }
    }
    fputs("}\n", o.f);
    return out_send(c, &o, status);
}

/* 400 for what the asker can mend, 500 for the rest. */
static unsigned status_of(hd_rc rc)
{
    return rc == HD_EQUERY || rc == HD_ELIMIT || rc == HD_EINVAL ? MHD_HTTP_BAD_REQUEST
                                                                 : MHD_HTTP_INTERNAL_SERVER_ERROR;
}

static const char *arg(struct MHD_Connection *c, const char *key)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, key);
    return v && *v ? v : NULL;
}

/* A count argument: absent gives def; else 1..max, or -1. */
static long count_arg(struct MHD_Connection *c, const char *key, long def, long lo, long max)
{
    const char *v = arg(c, key);
    if (!v)
        return def;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    return errno || *end || n < lo || n > max ? -1 : n;
}

static int is_day(const char *s)
{
    if (!s)
        return 1;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

/* ---- endpoints ----------------------------------------------------------------------------- */

static enum MHD_Result api_search(server *s, struct MHD_Connection *c)
{
    const char *q = arg(c, "q");
    if (!q)
        return json_error(c, MHD_HTTP_BAD_REQUEST, NULL, "give a query: /api/search?q=...");
    long n = count_arg(c, "n", 10, 1, HD_SEARCH_MAX_WINDOW);
    long offset = count_arg(c, "offset", 0, 0, HD_SEARCH_MAX_WINDOW);
    const char *sort = arg(c, "sort"), *snip = arg(c, "snippets");
    if (n < 0 || offset < 0 || n + offset > HD_SEARCH_MAX_WINDOW)
        return json_error(c, MHD_HTTP_BAD_REQUEST, NULL,
                          "n and offset: whole numbers with n >= 1 and n + offset <= 10000");
    if (sort && strcmp(sort, "score") && strcmp(sort, "date"))
        return json_error(c, MHD_HTTP_BAD_REQUEST, NULL, "sort: score or date");
    if (snip && strcmp(snip, "0") && strcmp(snip, "1"))
        return json_error(c, MHD_HTTP_BAD_REQUEST, NULL, "snippets: 0 or 1");
    hd_err err = {0};
    if (hold(&s->art, &err))
        return json_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, &err, NULL);
    hd_search_opts so = {.limit = (size_t)n,
                         .offset = (size_t)offset,
                         .sort = sort && !strcmp(sort, "date") ? HD_SORT_DATE : HD_SORT_SCORE,
                         .snippets = !snip || !strcmp(snip, "1")};
    so.no_speakers = !so.snippets;
    hd_results *res;
    if (hd_search(s->art.ix, q, &so, &res, &err))
        return json_error(c, status_of(err.code), &err, NULL);
    out o;
    if (out_open(&o)) {
        hd_results_free(res);
        return MHD_NO;
    }
    hd_cli_search_json(o.f, q, res, so.snippets);
    fputc('\n', o.f);
    hd_results_free(res);
    return out_send(c, &o, MHD_HTTP_OK);
}

/* The statements query of /api/said and /api/who; NULL after an error was sent (in *sent). */
static int stmt_query(server *s, struct MHD_Connection *c, hd_stmt_query *q, hd_err *err,
                      enum MHD_Result *sent)
{
    memset(q, 0, sizeof *q);
    q->dir = s->art.dir;
    q->about = arg(c, "about");
    q->since = arg(c, "since");
    q->until = arg(c, "until");
    q->err = err;
    if (!is_day(q->since) || !is_day(q->until)) {
        *sent = json_error(c, MHD_HTTP_BAD_REQUEST, NULL, "since and until: YYYY-MM-DD");
        return -1;
    }
    if (hold(&s->st, err)) {
        *sent = json_error(
            c, err->code == HD_ENOTFOUND ? MHD_HTTP_NOT_FOUND : MHD_HTTP_INTERNAL_SERVER_ERROR, err,
            NULL);
        return -1;
    }
    q->stmts = s->st.ix;
    return 0;
}

static enum MHD_Result api_said(server *s, struct MHD_Connection *c)
{
    hd_stmt_query q;
    hd_err err = {0};
    enum MHD_Result sent;
    const char *speaker = arg(c, "speaker");
    if (!speaker)
        return json_error(c, MHD_HTTP_BAD_REQUEST, NULL, "give a speaker: /api/said?speaker=...");
    if (stmt_query(s, c, &q, &err, &sent))
        return sent;
    q.speaker = speaker;
    long n = count_arg(c, "n", q.about ? 20 : 100, 1, HD_SEARCH_MAX_WINDOW);
    if (n < 0)
        return json_error(c, MHD_HTTP_BAD_REQUEST, NULL, "n: a whole number from 1 to 10000");
    q.limit = (size_t)n;
    hd_stmt_list list = {0};
    if (hd_cli_statements(&q, &list) != HD_EXIT_OK)
        return json_error(c, status_of(err.code), &err, NULL);
    hd_stmt_list_sort_by_date(&list);
    out o;
    if (out_open(&o)) {
        hd_stmt_list_done(&list);
        return MHD_NO;
    }
    fputs("{\"speaker\":", o.f);
    hd_cli_json_text(o.f, speaker);
    fprintf(o.f, ",\"total\":%llu,\"distinct\":%zu,\"statements\":[",
            (unsigned long long)list.total, list.distinct);
    for (size_t i = 0; i < list.n; i++) {
        if (i)
            fputc(',', o.f);
        hd_cli_said_json(o.f, &list.v[i]);
    }
    fputs("]}\n", o.f);
    hd_stmt_list_done(&list);
    return out_send(c, &o, MHD_HTTP_OK);
}

static enum MHD_Result api_who(server *s, struct MHD_Connection *c)
{
    hd_stmt_query q;
    hd_err err = {0};
    enum MHD_Result sent;
    if (stmt_query(s, c, &q, &err, &sent))
        return sent;
    long n = count_arg(c, "n", 20, 1, HD_SEARCH_MAX_WINDOW);
    if (n < 0)
        return json_error(c, MHD_HTTP_BAD_REQUEST, NULL, "n: a whole number from 1 to 10000");
    q.all = 1;
    hd_stmt_list list = {0};
    if (hd_cli_statements(&q, &list) != HD_EXIT_OK)
        return json_error(c, status_of(err.code), &err, NULL);
    hd_who_row *rows;
    size_t n_rows, unnamed;
    out o;
    if (hd_cli_who_rows(&list, &rows, &n_rows, &unnamed) || out_open(&o)) {
        free(rows);
        hd_stmt_list_done(&list);
        return MHD_NO;
    }
    fputs("{\"about\":", o.f);
    if (q.about)
        hd_cli_json_text(o.f, q.about);
    else
        fputs("null", o.f);
    fprintf(o.f, ",\"unnamed\":%zu,\"speakers\":[", unnamed);
    for (size_t i = 0; i < n_rows && i < (size_t)n; i++) {
        if (i)
            fputc(',', o.f);
        hd_cli_who_json(o.f, &rows[i]);
    }
    fputs("]}\n", o.f);
    free(rows);
    hd_stmt_list_done(&list);
    return out_send(c, &o, MHD_HTTP_OK);
}

static enum MHD_Result api_stats(server *s, struct MHD_Connection *c)
{
    hd_err err = {0};
    hd_index_stats st;
    if (hold(&s->art, &err) || hd_index_stats_get(s->art.ix, &st, &err))
        return json_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, &err, NULL);
    out o;
    if (out_open(&o))
        return MHD_NO;
    fprintf(o.f,
            "{\"documents\":%llu,\"deleted\":%llu,\"terms\":%llu,\"segments\":%llu,"
            "\"size_bytes\":%llu,\"generation\":%llu,\"language\":",
            (unsigned long long)st.n_docs, (unsigned long long)st.n_deleted,
            (unsigned long long)st.n_terms, (unsigned long long)st.n_segments,
            (unsigned long long)st.size_bytes, (unsigned long long)st.generation);
    hd_json_strz(o.f, st.language);
    fputs("}\n", o.f);
    return out_send(c, &o, MHD_HTTP_OK);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **req)
{
    (void)version;
    (void)upload;
    server *s = cls;
    if (!*req) {
        /* first call for this request: headers only (a body, if any, comes next) */
        *req = (void *)1;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0; /* no endpoint takes a body: drop it */
        return MHD_YES;
    }
    if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
        return json_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, NULL, "only GET and HEAD");
    if (!strcmp(url, "/") || !strcmp(url, "/index.html")) {
        char *page = strdup(hd_serve_page);
        return page ? respond(c, MHD_HTTP_OK, "text/html; charset=utf-8", page, strlen(page))
                    : MHD_NO;
    }
    if (!strcmp(url, "/api/search"))
        return api_search(s, c);
    if (!strcmp(url, "/api/said"))
        return api_said(s, c);
    if (!strcmp(url, "/api/who"))
        return api_who(s, c);
    if (!strcmp(url, "/api/stats"))
        return api_stats(s, c);
    return json_error(c, MHD_HTTP_NOT_FOUND, NULL, "no such page");
}

/* Parse the options into *dir, *bind and *port: -1 to go on, else the exit status. */
static int parse_opts(int argc, char **argv, const char **dir, const char **bind, long *port)
{
    enum { O_INDEX = 256, O_PORT, O_BIND };
    static const struct option longopts[] = {{"index", required_argument, NULL, O_INDEX},
                                             {"port", required_argument, NULL, O_PORT},
                                             {"bind", required_argument, NULL, O_BIND},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (ch) {
        case O_INDEX:
            *dir = optarg;
            break;
        case O_PORT: {
            char *end;
            errno = 0;
            *port = strtol(optarg, &end, 10);
            if (errno || *end || !*optarg || *port < 0 || *port > 65535) {
                hd_cli_errorf("serve: --port needs a number from 0 to 65535, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            break;
        }
        case O_BIND:
            *bind = optarg;
            break;
        case 'h':
            fputs(serve_usage, stdout);
            return HD_EXIT_OK;
        default:
            hd_cli_errorf("serve: unknown option '%s' (see herald serve --help)", argv[optind - 1]);
            return HD_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        hd_cli_errorf("serve: unexpected argument '%s' (see herald serve --help)", argv[optind]);
        return HD_EXIT_USAGE;
    }
    return -1;
}

/* Open the articles index of dir and its statements index when there is one (said and who
 * answer 404 until a commit brings it): -1 to go on, else the exit status. */
static int open_indexes(server *s, const char *dir)
{
    hd_err err = {0};
    snprintf(s->art.dir, sizeof s->art.dir, "%s", dir);
    if (strlen(dir) >= sizeof s->art.dir ||
        hd_statements_dir(dir, s->st.dir, sizeof s->st.dir) != HD_OK) {
        hd_cli_errorf("serve: index path too long: %s", dir);
        return HD_EXIT_USAGE;
    }
    if (hold(&s->art, &err)) {
        hd_cli_report(&err);
        return HD_EXIT_FAIL;
    }
    hd_err_clear(&err);
    if (hold(&s->st, &err) && err.code != HD_ENOTFOUND) {
        hd_cli_report(&err);
        hd_index_close(s->art.ix);
        return HD_EXIT_FAIL;
    }
    return -1;
}

/* Answer requests on sa until SIGINT or SIGTERM; closes the indexes. */
static int serve_until_signal(server *s, struct sockaddr_in *sa, const char *dir, const char *bind,
                              long port)
{
    /* The signals are taken by sigwait below: block them before MHD starts its thread, which
     * inherits the mask. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    struct MHD_Daemon *d =
        MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, NULL,
                         NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)sa,
                         MHD_OPTION_CONNECTION_LIMIT, 64u, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
                         MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024, MHD_OPTION_END);
    if (!d) {
        hd_cli_errorf("serve: cannot listen on %s:%ld (in use, or not allowed)", bind, port);
        hd_index_close(s->art.ix);
        hd_index_close(s->st.ix);
        return HD_EXIT_FAIL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "herald: serving %s at http://%s:%u/ (Ctrl-C stops)\n", dir, bind,
            info ? (unsigned)info->port : (unsigned)port);
    fflush(stderr);
    int sig;
    sigwait(&sigs, &sig);
    MHD_stop_daemon(d);
    hd_index_close(s->art.ix);
    hd_index_close(s->st.ix);
    fprintf(stderr, "herald: serve stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return HD_EXIT_OK;
}

int hd_cmd_serve(int argc, char **argv)
{
    const char *dir = hd_cli_index_dir(), *bind = "127.0.0.1";
    long port = 8080;
    int st = parse_opts(argc, argv, &dir, &bind, &port);
    if (st >= 0)
        return st;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, bind, &sa.sin_addr) != 1) {
        hd_cli_errorf("serve: --bind needs an IPv4 address such as 127.0.0.1, not '%s'", bind);
        return HD_EXIT_USAGE;
    }
    server s = {0};
    st = open_indexes(&s, dir);
    if (st >= 0)
        return st;
    return serve_until_signal(&s, &sa, dir, bind, port);
}
