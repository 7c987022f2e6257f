/* SPDX-License-Identifier: MIT
 *
 * json_out.h — minimal streaming JSON writer for CLI output (strings escaped per RFC 8259;
 * UTF-8 passed through). Input parsing uses jansson; output is written directly because it
 * is on the hot path of `herald extract --json`.
 */
#ifndef HD_CLI_JSON_OUT_H
#define HD_CLI_JSON_OUT_H

#include <stddef.h>
#include <stdio.h>

/* Write s[0..n) as a JSON string literal (with quotes). */
void hd_json_str(FILE *f, const char *s, size_t n);
/* As hd_json_str for a NUL-terminated string, or null when s is NULL. */
void hd_json_strz(FILE *f, const char *s);

#endif
