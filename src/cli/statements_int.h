/* SPDX-License-Identifier: MIT
 *
 * statements_int.h — private to the statements query (statements_cli.h), which is split by job:
 *   statements_cli.c   options, the query string, its run on the statements index, errors
 *   statement_rows.c   the rows: dedup of syndicated copies, date order, JSON, who's grouping
 *   speaker_names.c    which names are one speaker: the several-word query, the surname merge
 */
#ifndef HD_CLI_STATEMENTS_INT_H
#define HD_CLI_STATEMENTS_INT_H

#include <stddef.h>

#include "cli/statements_cli.h"

/* Free the strings a row owns. */
void hd_cli_stmt_row_free(hd_stmt_row *r);
/* Drop the syndicated copies of a statement, keep at most `limit` rows; -1 when out of memory
 * (statement_rows.c). */
int hd_cli_stmt_dedup(hd_stmt_list *list, size_t limit);

/* Is `name` the person or group the several-word query names? (speaker_names.c) */
int hd_cli_speaker_matches(const char *name, const char *query);
/* Surname-only and initialled speakers take the full or plain name of the same person, across
 * the list's rows (renamed in place; on out of memory the names stay as written). */
void hd_cli_merge_speakers(hd_stmt_list *list);

#endif
