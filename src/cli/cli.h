/* SPDX-License-Identifier: MIT
 *
 * cli.h — the herald command line: one cmd_<name>.c per subcommand, all built only on the
 * public API in herald.h. Exit status: 0 success, 1 some input or operation failed, 2 usage.
 */
#ifndef HD_CLI_H
#define HD_CLI_H

#include <stdio.h>

#include "herald.h"

enum { HD_EXIT_OK = 0, HD_EXIT_FAIL = 1, HD_EXIT_USAGE = 2 };

/* A subcommand: argv[0] is the subcommand name. Returns the exit status. */
typedef int (*hd_cmd_fn)(int argc, char **argv);

typedef struct hd_cli_cmd {
    const char *name;
    hd_cmd_fn fn;
    const char *summary; /* one line for `herald --help` */
} hd_cli_cmd;

/* Print "herald: WHERE: message" (or "herald: message") for err on stderr. */
void hd_cli_report(const hd_err *err);
/* Print "herald: " + printf-style message + newline on stderr. */
void hd_cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* After a command printed its results: HD_EXIT_FAIL (reported on stderr) when stdout could not
 * take them (a full disk, a closed pipe), else HD_EXIT_OK. */
int hd_cli_flush_stdout(void);

int hd_cmd_extract(int argc, char **argv);
int hd_cmd_search(int argc, char **argv);
int hd_cmd_index(int argc, char **argv);
int hd_cmd_delete(int argc, char **argv);
int hd_cmd_stats(int argc, char **argv);
int hd_cmd_check(int argc, char **argv);
int hd_cmd_said(int argc, char **argv);
int hd_cmd_who(int argc, char **argv);
int hd_cmd_serve(int argc, char **argv);
/* The index directory: $HERALD_INDEX, else ./herald-index (cmd_index.c). */
/* A search's results as the JSON object `herald search --json` prints (no newline): query,
 * total, total_exact, took_ms, hits (id, score, title; with full also date, source, url,
 * snippet, speakers). */
void hd_cli_search_json(FILE *f, const char *query, const hd_results *res, int full);
/* User text (a query, a message quoting it) as a JSON string, invalid UTF-8 as U+FFFD. */
void hd_cli_json_text(FILE *f, const char *s);

const char *hd_cli_index_dir(void);
/* Parse [--index DIR] [-h] for the index commands: -1 to go on (optind at the first operand),
 * else the exit status to return (help printed, or usage error). */
int hd_cli_index_opts(int argc, char **argv, const char *usage, const char **dir);

#endif
