/* SPDX-License-Identifier: MIT
 *
 * fuzz_query.c — libFuzzer target for the query parser and planner: the input bytes are one
 * query string, parsed by hd_qparse and, when it parses, analysed into a plan by hd_plan_build
 * (with the English analyzer and no index). Every outcome must be HD_OK or a query error with
 * a message; the tree must respect the limits. A crash, a sanitizer report, a leak or a broken
 * invariant is a bug.
 *
 * Built as tests/fuzz/fuzz_page.c is: a libFuzzer binary with -Dfuzz=true, otherwise linked
 * with replay.c to replay corpus/query/ ("fuzz-corpus-query").
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search/search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static hd_analyzer *an;

static uint32_t check_tree(const hd_qnode *n, uint32_t depth)
{
    if (depth > 2 * HD_QUERY_MAX_DEPTH + 4)
        abort();
    if (n->kind == HD_QK_BOOL) {
        if (n->n_kids == 0 || !n->kids)
            abort();
        uint32_t leaves = 0;
        for (uint32_t i = 0; i < n->n_kids; i++)
            leaves += check_tree(n->kids[i], depth + 1);
        return leaves;
    }
    if (n->kind == HD_QK_DATE && n->date_lo > n->date_hi)
        abort();
    if ((n->kind == HD_QK_TERM || n->kind == HD_QK_PREFIX) && n->len == 0)
        abort();
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!an && hd_analyzer_new("english", &an, NULL) != HD_OK)
        abort();
    hd_arena a;
    hd_arena_init(&a, 4096);
    hd_err err = {0};
    hd_qnode *root = NULL;
    hd_rc rc = hd_qparse((const char *)data, size, &a, &root, &err);
    if (rc == HD_OK) {
        if (!root || check_tree(root, 0) > HD_QUERY_MAX_LEAVES)
            abort();
        hd_buf b;
        hd_buf_init(&b);
        hd_qnode_dump(root, &b);
        hd_buf_done(&b);
        hd_plan *plan;
        hd_err perr = {0};
        hd_rc prc = hd_plan_build(root, NULL, an, &a, &plan, &perr);
        if (prc != HD_OK && (prc != HD_ELIMIT || !perr.msg[0]))
            abort();
    } else {
        if ((rc != HD_EQUERY && rc != HD_ELIMIT) || root || !err.msg[0] ||
            !memchr(err.msg, '\0', sizeof err.msg))
            abort();
    }
    hd_arena_done(&a);
    return 0;
}
