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
#include <stdio.h>

#include "herald.h"

typedef struct hd_stmt_query {
    const char *dir;           /* articles' index directory; statements live in DIR/statements */
    const char *speaker;       /* NULL = any speaker */
    const char *about;         /* topic query, or NULL */
    const char *since, *until; /* YYYY-MM-DD or NULL */
    size_t limit;              /* rows wanted after dedup; 0 = all */
    int all;                   /* with about: every match, not the best-ranked window */
    hd_index *stmts;           /* the statements index already open (not closed), or NULL to
                                         open DIR/statements for this query */
    hd_err *err;               /* where errors go (code, where, message), or NULL: stderr */
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

/* One statement row as the JSON object `herald said --json` prints (no newline). */
void hd_cli_said_json(FILE *f, const hd_stmt_row *row);

/* `herald who`'s rows: named speakers with their statement counts and first and last dates,
 * most statements first. Names and dates are borrowed from the list (sorted by speaker). */
typedef struct hd_who_row {
    const char *name;
    size_t n;
    const char *first, *last; /* NULL when no statement is dated */
} hd_who_row;
/* Group list's rows (reordering them); *out is owned (free()); *unnamed counts the statements
 * of descriptions ("analysts") and unknown speakers. -1 when out of memory. */
int hd_cli_who_rows(hd_stmt_list *list, hd_who_row **out, size_t *n, size_t *unnamed);
/* One row as the JSON object `herald who --json` prints (no newline). */
void hd_cli_who_json(FILE *f, const hd_who_row *row);

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
