/* SPDX-License-Identifier: MIT
 *
 * warns.h — a warning collector for the page reader's tests (hd_reader_opts.warn): counts the
 * warnings and keeps the last as "where: message".
 */
#ifndef HD_TEST_WARNS_H
#define HD_TEST_WARNS_H

#include <stdio.h>

#include "herald.h"

typedef struct warns {
    int n;
    char last[1024];
} warns;

static inline void on_warn(void *ud, const hd_err *w)
{
    warns *ws = ud;
    ws->n++;
    snprintf(ws->last, sizeof ws->last, "%s: %s", w->where, w->msg);
}

#endif
