/* SPDX-License-Identifier: MIT
 *
 * main.c — `herald` entry point: global options and dispatch to subcommands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const hd_cli_cmd commands[] = {
    {"extract", hd_cmd_extract, "print the clean articles found in pages (text or --json)"},
    {"index", hd_cmd_index, "add pages to an index (replacing articles already in it)"},
    {"delete", hd_cmd_delete, "delete articles from an index by id"},
    {"stats", hd_cmd_stats, "show an index's documents, terms, segments and size"},
    {"check", hd_cmd_check, "verify every file of an index"},
    {"search", hd_cmd_search, "search an index: ranked articles with highlighted snippets"},
    {"said", hd_cmd_said, "a speaker's statements as a timeline, with their articles"},
    {"who", hd_cmd_who, "who is quoted (on a topic), with statement counts"},
    {"serve", hd_cmd_serve, "answer queries over HTTP: JSON API and a web page"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

void hd_cli_report(const hd_err *err)
{
    if (err->where[0])
        fprintf(stderr, "herald: %s: %s\n", err->where,
                err->msg[0] ? err->msg : hd_rc_str(err->code));
    else
        fprintf(stderr, "herald: %s\n", err->msg[0] ? err->msg : hd_rc_str(err->code));
}

void hd_cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("herald: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int hd_cli_flush_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        hd_cli_errorf("writing output: %s", strerror(errno));
        return HD_EXIT_FAIL;
    }
    return HD_EXIT_OK;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: herald [--version] [--help] COMMAND [ARGS...]\n\n"
               "herald turns scraped news pages into searchable, attributed articles.\n\n"
               "commands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nRun `herald COMMAND --help` for a command's options.\n"
               "Exit status: 0 success, 1 some input or operation failed, 2 usage error.\n"
               "Diagnostics go to stderr as `herald: FILE:LINE: message`.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return HD_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return HD_EXIT_OK;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("herald %s\n", hd_version());
        return HD_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    hd_cli_errorf("unknown command '%s' (see herald --help)", cmd);
    return HD_EXIT_USAGE;
}
