/* SPDX-License-Identifier: MIT
 *
 * cmd_search.c — `herald search`: run queries on an index and print the ranked articles, as
 * text (highlights in colour on a terminal) or JSON. --batch runs one query per line in one
 * process (for latency measurements: every JSON object carries the in-process took_ms).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/json_out.h"

static const char search_usage[] =
    "usage: herald search [--index DIR] [-n N] [--offset K] [--sort score|date] [--json]\n"
    "                     [--no-snippets] [--batch FILE] QUERY...\n"
    "\n"
    "Search the index and print the best articles: title, date, source, id, score and the best\n"
    "passage of the body with the query's words highlighted.\n"
    "\n"
    "Query syntax: words are OR-ed and ranked (BM25F, title boosted); \"exact phrase\";\n"
    "AND, OR, NOT (upper case), +word (required), -word (excluded); parentheses;\n"
    "title:, body:, source:, speaker: before a word, a \"phrase\" or a (group);\n"
    "date:2022-01-01..2022-12-31 (open ends ..2022-12-31 / 2022-01-01..; date:2022 is the\n"
    "year); prefix*. date:, source: and speaker: next to words filter the results.\n"
    "\n"
    "  --index DIR      the index (default $HERALD_INDEX, else ./herald-index)\n"
    "  -n N             rows to print (default 10)\n"
    "  --offset K       skip the first K rows (paging)\n"
    "  --sort score|date  best first (default) or newest first\n"
    "  --json           one JSON object per query: query, total, total_exact, took_ms, hits\n"
    "                   [{id, score, title, date, source, url, snippet, speakers}]\n"
    "  --no-snippets    ids, scores and titles only (no stored-text fetch for snippets)\n"
    "  --batch FILE     run each line of FILE (- for stdin) as a query, in one process;\n"
    "                   prints JSON (one object per line, errors as {\"error\":...})\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 success, 1 the index could not be read or a batch query failed, 2 usage\n"
    "error or a malformed query (the message gives its column).\n";

typedef struct sopts {
    hd_search_opts so;
    int json;
    int tty;
} sopts;

/* Length of the valid UTF-8 sequence at p (RFC 3629), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t len = c < 0x80                ? 1
                 : c >= 0xC2 && c < 0xE0 ? 2
                 : c >= 0xE0 && c < 0xF0 ? 3
                 : c >= 0xF0 && c < 0xF5 ? 4
                                         : 0;
    if (!len || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] >= 0x90))
        return 0;
    return len;
}

/* Write user text (a query, a message quoting it) as a JSON string: invalid UTF-8 bytes become
 * U+FFFD, so the output stays valid JSON whatever was typed. */
void hd_cli_json_text(FILE *f, const char *s)
{
    size_t n = strlen(s), i = 0;
    char *clean = malloc(n * 3 + 1);
    if (!clean) {
        fputs("\"\"", f);
        return;
    }
    size_t o = 0;
    while (i < n) {
        size_t l = utf8_seq((const unsigned char *)s + i, n - i);
        if (l) {
            memcpy(clean + o, s + i, l);
            o += l;
            i += l;
        } else {
            memcpy(clean + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    hd_json_str(f, clean, o);
    free(clean);
}

void hd_cli_search_json(FILE *f, const char *query, const hd_results *res, int full)
{
    int exact;
    uint64_t total = hd_results_total(res, &exact);
    fputs("{\"query\":", f);
    hd_cli_json_text(f, query);
    fprintf(f, ",\"total\":%llu,\"total_exact\":%s,\"took_ms\":%.3f,\"hits\":[",
            (unsigned long long)total, exact ? "true" : "false", hd_results_took_ms(res));
    const hd_hit *h;
    int first = 1;
    while (hd_results_next((hd_results *)res, &h) == HD_OK) {
        fputs(first ? "{\"id\":" : ",{\"id\":", f);
        first = 0;
        hd_cli_json_text(f, h->id);
        fprintf(f, ",\"score\":%.6g,\"title\":", h->score);
        hd_cli_json_text(f, h->title);
        if (full) {
            fputs(",\"date\":", f);
            hd_json_strz(f, h->date[0] ? h->date : NULL);
            fputs(",\"source\":", f);
            hd_cli_json_text(f, h->source); /* file names need not be UTF-8 */
            fputs(",\"url\":", f);
            hd_json_strz(f, h->url[0] ? h->url : NULL);
            fputs(",\"snippet\":", f);
            hd_cli_json_text(f, h->snippet ? h->snippet : "");
            /* who is quoted in the article (issue 4) */
            fputs(",\"speakers\":[", f);
            for (const char *sp = h->speakers; sp && *sp;) {
                size_t n = strcspn(sp, "\n");
                if (sp != h->speakers)
                    fputc(',', f);
                hd_json_str(f, sp, n);
                sp += n + (sp[n] == '\n');
            }
            fputc(']', f);
        }
        fputc('}', f);
    }
    fputs("]}", f);
}

static void print_text(const hd_results *res, const sopts *o)
{
    const hd_hit *h;
    size_t i = o->so.offset;
    const char *bold = o->tty ? "\033[1m" : "", *dim = o->tty ? "\033[2m" : "",
               *off = o->tty ? "\033[0m" : "";
    while (hd_results_next((hd_results *)res, &h) == HD_OK) {
        printf("%zu. %s%s%s\n", ++i, bold, h->title[0] ? h->title : "(no title)", off);
        /* ids made from the source ("page.txt#0") already name it */
        int src_in_id = h->source[0] && !strncmp(h->id, h->source, strlen(h->source));
        printf("   %s%s%s%s%s%s  score %.3f%s\n", dim, h->date[0] ? h->date : "",
               h->date[0] ? "  " : "", src_in_id ? "" : h->source, src_in_id ? "" : "  ", h->id,
               h->score, off);
        if (h->snippet && h->snippet[0])
            printf("   %s\n", h->snippet);
        if (h->speakers && h->speakers[0]) {
            printf("   %squoted:%s ", dim, off);
            for (const char *sp = h->speakers; *sp;) {
                size_t n = strcspn(sp, "\n");
                printf("%s%.*s", sp == h->speakers ? "" : ", ", (int)n, sp);
                sp += n + (sp[n] == '\n');
            }
            putchar('\n');
        }
    }
    int exact;
    uint64_t total = hd_results_total(res, &exact);
    printf("%s%s%llu hit%s, %.2f ms%s\n", dim, exact ? "" : "at least ", (unsigned long long)total,
           total == 1 ? "" : "s", hd_results_took_ms(res), off);
}

static int is_query_error(hd_rc rc)
{
    return rc == HD_EQUERY || rc == HD_ELIMIT;
}

static int run_batch(hd_index *ix, const char *path, sopts *o)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        hd_cli_errorf("%s: %s", path, strerror(errno));
        return HD_EXIT_FAIL;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int status = HD_EXIT_OK;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        hd_err err = {0};
        hd_results *res;
        hd_rc rc = hd_search(ix, line, &o->so, &res, &err);
        if (rc) {
            fputs("{\"query\":", stdout);
            hd_cli_json_text(stdout, line);
            printf(",\"error\":{\"code\":\"%s\",\"message\":", hd_rc_name(rc));
            hd_cli_json_text(stdout, err.msg);
            fputs("}}\n", stdout);
            status = HD_EXIT_FAIL;
            continue;
        }
        hd_cli_search_json(stdout, line, res, o->so.snippets);
        fputc('\n', stdout);
        hd_results_free(res);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return status;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

/* Parse the options into o, *dir and *batch. Returns -1 to go on, else an exit status. */
static int parse_args(int argc, char **argv, sopts *o, const char **dir, const char **batch)
{
    enum { O_INDEX = 256, O_OFFSET, O_SORT, O_JSON, O_NO_SNIPPETS, O_BATCH };
    static const struct option longopts[] = {
        {"index", required_argument, NULL, O_INDEX},
        {"offset", required_argument, NULL, O_OFFSET},
        {"sort", required_argument, NULL, O_SORT},
        {"json", no_argument, NULL, O_JSON},
        {"no-snippets", no_argument, NULL, O_NO_SNIPPETS},
        {"batch", required_argument, NULL, O_BATCH},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hn:", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(search_usage, stdout);
            return HD_EXIT_OK;
        case 'n':
            if (parse_size(optarg, &o->so.limit) || o->so.limit == 0) {
                hd_cli_errorf("-n wants a positive number, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case O_INDEX:
            *dir = optarg;
            break;
        case O_OFFSET:
            if (parse_size(optarg, &o->so.offset)) {
                hd_cli_errorf("--offset wants a number, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case O_SORT:
            if (!strcmp(optarg, "score"))
                o->so.sort = HD_SORT_SCORE;
            else if (!strcmp(optarg, "date"))
                o->so.sort = HD_SORT_DATE;
            else {
                hd_cli_errorf("--sort wants score or date, not '%s'", optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case O_JSON:
            o->json = 1;
            break;
        case O_NO_SNIPPETS:
            o->so.snippets = 0;
            break;
        case O_BATCH:
            *batch = optarg;
            break;
        default:
            fputs(search_usage, stderr);
            return HD_EXIT_USAGE;
        }
    }
    return -1;
}

/* the query: the remaining arguments joined by spaces (owned); NULL when out of memory */
static char *join_query(int argc, char **argv, int first)
{
    size_t qlen = 0;
    for (int i = first; i < argc; i++)
        qlen += strlen(argv[i]) + 1;
    char *query = malloc(qlen + 1);
    if (!query)
        return NULL;
    query[0] = '\0';
    for (int i = first; i < argc; i++) {
        if (i > first)
            strcat(query, " ");
        strcat(query, argv[i]);
    }
    return query;
}

/* Highlights in colour on a terminal, as **word** in other text, none in JSON. */
static void set_output(sopts *o, const char *batch)
{
    o->tty = !o->json && !batch && isatty(STDOUT_FILENO);
    o->so.no_speakers = o->json && !o->so.snippets; /* hd_cli_search_json leaves them out */
    if (o->tty) {
        o->so.hl_open = "\033[1;33m";
        o->so.hl_close = "\033[0m";
        o->so.hl_raw = 1;
    } else if (!o->json && !batch) {
        o->so.hl_open = "**";
        o->so.hl_close = "**";
        o->so.hl_raw = 1;
    }
}

/* One query, printed as text or JSON; the exit status (errors reported through *err). */
static int run_one(hd_index *ix, const char *query, const sopts *o, hd_err *err)
{
    hd_results *res;
    hd_rc rc = hd_search(ix, query, &o->so, &res, err);
    if (rc) {
        hd_cli_report(err);
        return is_query_error(rc) ? HD_EXIT_USAGE : HD_EXIT_FAIL;
    }
    if (o->json) {
        hd_cli_search_json(stdout, query, res, o->so.snippets);
        fputc('\n', stdout);
    } else
        print_text(res, o);
    hd_results_free(res);
    return HD_EXIT_OK;
}

int hd_cmd_search(int argc, char **argv)
{
    sopts o = {.so = {.limit = 10, .snippets = 1}};
    const char *dir = getenv("HERALD_INDEX");
    const char *batch = NULL;
    if (!dir || !dir[0])
        dir = "herald-index";
    int st = parse_args(argc, argv, &o, &dir, &batch);
    if (st >= 0)
        return st;
    if (!batch && optind >= argc) {
        hd_cli_errorf("search needs a QUERY (see herald search --help)");
        return HD_EXIT_USAGE;
    }
    if (batch && optind < argc) {
        hd_cli_errorf("give either --batch FILE or a QUERY, not both");
        return HD_EXIT_USAGE;
    }
    char *query = join_query(argc, argv, optind);
    if (!query) {
        hd_cli_errorf("out of memory");
        return HD_EXIT_FAIL;
    }
    set_output(&o, batch);

    hd_err err = {0};
    hd_index *ix;
    hd_rc rc = hd_index_open(dir, NULL, &ix, &err);
    if (rc) {
        hd_cli_report(&err);
        free(query);
        return HD_EXIT_FAIL;
    }
    int status = batch ? run_batch(ix, batch, &o) : run_one(ix, query, &o, &err);
    if (fflush(stdout) && status == HD_EXIT_OK) {
        hd_cli_errorf("writing output: %s", strerror(errno));
        status = HD_EXIT_FAIL;
    }
    hd_index_close(ix);
    free(query);
    return status;
}
