/* SPDX-License-Identifier: MIT
 *
 * cmd_extract.c — `herald extract`: pages in, clean articles out (text or JSON Lines).
 * PATH operands → hd_extractor (read, clean, segment, extract) → each article on stdout as it
 * comes, a JSON line built in one hd_jw buffer (json_out.c) and written in one piece. A page
 * that fails is reported on stderr and skipped; the exit status says some did. Called from
 * main.c. Public API only.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/json_out.h"

static const char extract_usage[] =
    "usage: herald extract [--json] [--no-statements] [--max-page-bytes N] PATH...\n"
    "\n"
    "Read scraped news pages and print the articles in them: title, date, clean body and\n"
    "statements. PATH is a plain-text page, an HTML page (one article: the story found from\n"
    "the page's structure), a JSON Lines file (one page per line with fields id, url, source,\n"
    "date, title, text), any of these gzip-compressed, a directory (read recursively in sorted\n"
    "order) or - for standard input. The format is detected by content.\n"
    "\n"
    "  --json               one JSON object per article per line: id, source, url, seq, title,\n"
    "                       date (YYYY-MM-DD or null), body (paragraphs separated by \\n),\n"
    "                       statements, entities\n"
    "  --no-statements      skip entity and statement extraction\n"
    "  --max-page-bytes N   skip pages larger than N bytes (default 64 MiB)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 success, 1 some input failed (reported on stderr), 2 usage error.\n";

static void on_warn(void *ud, const hd_err *w)
{
    (void)ud;
    if (w->where[0])
        fprintf(stderr, "herald: %s: warning: %s\n", w->where, w->msg);
    else
        fprintf(stderr, "herald: warning: %s\n", w->msg);
}

static const char *kind_name(hd_entity_kind k)
{
    switch (k) {
    case HD_ENT_PERSON:
        return "person";
    case HD_ENT_ORG:
        return "org";
    case HD_ENT_PLACE:
        return "place";
    }
    return "other";
}

/* One article as one JSON line, built in w and written out in one piece. */
static void print_json(hd_jw *w, const hd_article *a)
{
    hd_jw_lit(w, "{\"id\":");
    hd_jw_strz(w, a->id);
    hd_jw_lit(w, ",\"source\":");
    hd_jw_strz(w, a->source);
    hd_jw_lit(w, ",\"url\":");
    hd_jw_strz(w, a->url);
    hd_jw_lit(w, ",\"seq\":");
    hd_jw_uint(w, a->seq);
    hd_jw_lit(w, ",\"title\":");
    hd_jw_strz(w, a->title);
    hd_jw_lit(w, ",\"date\":");
    hd_jw_strz(w, a->date);
    hd_jw_lit(w, ",\"body\":");
    hd_jw_str(w, a->body, a->body_len);
    hd_jw_lit(w, ",\"statements\":[");
    for (size_t i = 0; i < a->n_statements; i++) {
        const hd_statement *s = &a->statements[i];
        hd_jw_lit(w, i ? ",{\"speaker\":" : "{\"speaker\":");
        hd_jw_strz(w, s->speaker);
        hd_jw_lit(w, ",\"speaker_mention\":");
        hd_jw_strz(w, s->speaker_mention);
        hd_jw_lit(w, ",\"text\":");
        hd_jw_strz(w, s->text);
        hd_jw_lit(w, s->direct ? ",\"direct\":true,\"cue\":" : ",\"direct\":false,\"cue\":");
        hd_jw_strz(w, s->cue);
        hd_jw_lit(w, ",\"start\":");
        hd_jw_uint(w, s->start);
        hd_jw_lit(w, ",\"end\":");
        hd_jw_uint(w, s->end);
        hd_jw_lit(w, ",\"date\":");
        hd_jw_strz(w, a->date);
        hd_jw_raw(w, "}", 1);
    }
    hd_jw_lit(w, "],\"entities\":[");
    for (size_t i = 0; i < a->n_entities; i++) {
        const hd_entity *e = &a->entities[i];
        hd_jw_lit(w, i ? ",{\"name\":" : "{\"name\":");
        hd_jw_strz(w, e->name);
        hd_jw_lit(w, ",\"type\":\"");
        hd_jw_lit(w, kind_name(e->kind));
        hd_jw_lit(w, "\",\"mentions\":");
        hd_jw_uint(w, e->n_mentions);
        hd_jw_raw(w, "}", 1);
    }
    hd_jw_lit(w, "]}\n");
    hd_jw_flush(w);
}

static void print_text(FILE *f, const hd_article *a)
{
    fprintf(f, "== %s\n", a->title && *a->title ? a->title : "(untitled)");
    fprintf(f, "id: %s\nsource: %s\ndate: %s\n\n", a->id, a->source, a->date ? a->date : "-");
    const char *p = a->body, *end = a->body + a->body_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        fwrite(p, 1, n, f);
        fputs("\n\n", f);
        p += n + 1;
    }
    if (a->n_statements) {
        fprintf(f, "statements (%zu):\n", a->n_statements);
        for (size_t i = 0; i < a->n_statements; i++) {
            const hd_statement *s = &a->statements[i];
            fprintf(f, "  - %s (%s%s%s): %s%s%s\n", s->speaker ? s->speaker : "unknown",
                    s->speaker_mention ? s->speaker_mention : "", s->cue ? ", " : "",
                    s->cue ? s->cue : "", s->direct ? "\"" : "", s->text, s->direct ? "\"" : "");
        }
        fputc('\n', f);
    }
}

/* Parse the options into *json and *opts: -1 to go on, else the exit status. */
static int parse_opts(int argc, char **argv, int *json, hd_extract_opts *opts)
{
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'},
        {"no-statements", no_argument, NULL, 'S'},
        {"max-page-bytes", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'j':
            *json = 1;
            break;
        case 'S':
            opts->statements = 0;
            break;
        case 'm': {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || *end || v == 0 || optarg[0] == '-') {
                hd_cli_errorf("extract: --max-page-bytes needs a positive number, not '%s'",
                              optarg);
                return HD_EXIT_USAGE;
            }
            opts->max_page_bytes = (size_t)v;
            break;
        }
        case 'h':
            fputs(extract_usage, stdout);
            return HD_EXIT_OK;
        default:
            fputs(extract_usage, stderr);
            return HD_EXIT_USAGE;
        }
    }
    return -1;
}

/* An extractor over the paths argv[optind..]; NULL after reporting why. */
static hd_extractor *open_extractor(const hd_extract_opts *opts, int argc, char **argv, hd_err *err)
{
    hd_extractor *x;
    if (hd_extractor_new(opts, &x, err) != HD_OK) {
        hd_cli_report(err);
        return NULL;
    }
    for (int i = optind; i < argc; i++)
        if (hd_extractor_add_path(x, argv[i], err) != HD_OK) {
            hd_cli_report(err);
            hd_extractor_free(x);
            return NULL;
        }
    return x;
}

/* Every article on stdout as it comes; a page that fails is reported and skipped, and out of
 * memory stops. */
static void print_articles(hd_extractor *x, int json, hd_err *err)
{
    static hd_jw jw[1];
    hd_jw_init(jw, stdout);
    static char obuf[1 << 20];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    const hd_article *a;
    hd_rc rc;
    while ((rc = hd_extractor_next(x, &a, err)) != HD_DONE) {
        if (rc != HD_OK) {
            fflush(stdout);
            hd_cli_report(err);
            hd_err_clear(err);
            if (rc == HD_ENOMEM)
                break;
            continue;
        }
        if (json)
            print_json(jw, a);
        else
            print_text(stdout, a);
    }
}

int hd_cmd_extract(int argc, char **argv)
{
    int json = 0;
    hd_extract_opts opts = {.statements = 1, .warn = on_warn};
    int st = parse_opts(argc, argv, &json, &opts);
    if (st >= 0)
        return st;
    if (optind >= argc) {
        hd_cli_errorf("extract: no input (give files, directories or - for stdin)");
        fputs(extract_usage, stderr);
        return HD_EXIT_USAGE;
    }
    hd_err err = {0};
    hd_extractor *x = open_extractor(&opts, argc, argv, &err);
    if (!x)
        return HD_EXIT_FAIL;
    print_articles(x, json, &err);
    int failed = hd_extractor_n_failed(x) > 0;
    hd_extractor_free(x);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        hd_cli_errorf("extract: cannot write output: %s", strerror(errno));
        return HD_EXIT_FAIL;
    }
    return failed ? HD_EXIT_FAIL : HD_EXIT_OK;
}
