/* SPDX-License-Identifier: MIT
 *
 * statements_cli.h — what `herald said` and `herald who` share: the query on the statements
 * index (speaker, topic, dates), the rows it returns, and the removal of the same statement
 * carried by syndicated copies.
 */
#ifndef HD_CLI_STATEMENTS_H
#define HD_CLI_STATEMENTS_H

#include <stddef.h>
#include <stdint.h>

typedef struct hd_stmt_query {
    const char *dir;           /* articles' index directory; statements live in DIR/statements */
    const char *speaker;       /* NULL = any speaker */
    const char *about;         /* topic query, or NULL */
    const char *since, *until; /* YYYY-MM-DD or NULL */
    size_t limit;              /* rows wanted after dedup; 0 = all */
    int all;                   /* with about: every match, not the best-ranked window */
} hd_stmt_query;

typedef struct hd_stmt_row {
    char *date, *speaker, *text, *article_id, *title, *source, *url; /* owned; "" if none */
    double score;
    size_t rank; /* position in the search results */
} hd_stmt_row;

typedef struct hd_stmt_list {
    hd_stmt_row *v;
    size_t n, cap;
    uint64_t total; /* matching statement records before dedup */
    int total_exact;
    size_t distinct; /* statements after dedup, also those past the limit (when read: all of
                        them without about, else those of the ranked window) */
} hd_stmt_list;

/* Run the query; fill list (deduplicated: one row per speaker and normalised text, the
 * oldest copy kept). Without about (or with all), every matching statement is read and the
 * list comes oldest first; with about, the best-ranked window, best first. Surname-only
 * speakers then take the one full name that ends with them. Returns an exit status and
 * reports errors on stderr. */
int hd_cli_statements(const hd_stmt_query *q, hd_stmt_list *list);
void hd_stmt_list_sort_by_date(hd_stmt_list *list);
void hd_stmt_list_done(hd_stmt_list *list);

/* The options `said` and `who` share: --index --about --since --until -n --json -h. Fills q
 * (q->limit = the -n value or 0), *json; returns -1 to go on (optind at the first operand),
 * else the exit status (help printed, or a usage error reported). */
int hd_cli_stmt_opts(int argc, char **argv, const char *cmd, const char *usage, hd_stmt_query *q,
                     int *json);

/* Parse a count 1..HD_SEARCH_MAX_WINDOW; 0 on success. */
int hd_cli_parse_count(const char *s, size_t *out);
/* NULL or a valid YYYY-MM-DD: 0; else report a usage error naming opt and return 1. */
int hd_cli_check_day(const char *day, const char *opt);

#endif
