/* SPDX-License-Identifier: MIT
 *
 * statements.c — statements as records of their own: each statement of an extracted article
 * becomes one document of a statements index (by convention DIR/statements beside the
 * articles), so the whole query language, the speaker: field and date ranges apply to them.
 *
 *   hd_article.statements[k]  ->  hd_doc { id "<article id>#s<k>", body = the statement,
 *                                          title/source/url/date of the article,
 *                                          speakers = { canonical speaker } }
 */
#include <stdio.h>
#include <string.h>

#include "herald.h"
#include "base/err.h"
#include "base/mem.h"

static hd_rc hd_statement_doc_id(const hd_article *a, size_t k, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s#s%zu", a->id, k);
    return n < 0 || (size_t)n >= cap ? HD_ELIMIT : HD_OK;
}

hd_rc hd_statement_doc(const hd_article *a, size_t k, char *id, size_t cap, const char **speaker1,
                       hd_doc *out)
{
    if (!a || !id || !speaker1 || !out || k >= a->n_statements ||
        k >= HD_MAX_STATEMENTS_PER_ARTICLE)
        return HD_DONE;
    const hd_statement *s = &a->statements[k];
    if (!s->text || !*s->text)
        return HD_DONE;
    if (hd_statement_doc_id(a, k, id, cap) != HD_OK)
        return HD_ELIMIT;
    int has = s->speaker && *s->speaker;
    speaker1[0] = s->speaker;
    *out = (hd_doc){.id = id,
                    .url = a->url,
                    .source = a->source,
                    .date = a->date,
                    .seq = (uint32_t)k,
                    .title = a->title,
                    .body = s->text,
                    .body_len = strlen(s->text),
                    .speakers = has ? speaker1 : NULL,
                    .n_speakers = has ? 1 : 0};
    return HD_OK;
}

hd_rc hd_index_add_statements(hd_index *stmts, const hd_article *a, hd_err *err)
{
    if (!stmts || !a)
        return hd_err_set(err, HD_EINVAL, "hd_index_add_statements: NULL argument");
    size_t cap = strlen(a->id) + 32;
    char *id = hd_malloc(cap);
    if (!id)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    hd_rc rc = HD_OK;
    for (size_t k = 0; k < a->n_statements && rc == HD_OK; k++) {
        const char *speaker[1];
        hd_doc d;
        if (hd_statement_doc(a, k, id, cap, speaker, &d) == HD_OK)
            rc = hd_index_add(stmts, &d, err);
    }
    hd_free(id);
    return rc;
}

hd_rc hd_index_delete_statements(hd_index *stmts, const hd_article *a, size_t max_k, hd_err *err)
{
    size_t cap = strlen(a->id) + 32;
    char *id = hd_malloc(cap);
    if (!id)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    hd_rc rc = HD_OK;
    for (size_t k = a->n_statements; k < max_k && rc == HD_OK; k++) {
        hd_statement_doc_id(a, k, id, cap);
        rc = hd_index_delete(stmts, id, err);
    }
    hd_free(id);
    return rc;
}

hd_rc hd_statements_dir(const char *index_dir, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s/statements", index_dir);
    return n < 0 || (size_t)n >= cap ? HD_ELIMIT : HD_OK;
}

size_t hd_statement_article_id_len(const char *statement_id)
{
    const char *h = strrchr(statement_id, '#');
    if (!h || h[1] != 's' || !h[2])
        return strlen(statement_id);
    for (const char *p = h + 2; *p; p++)
        if (*p < '0' || *p > '9')
            return strlen(statement_id);
    return (size_t)(h - statement_id);
}
