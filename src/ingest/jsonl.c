/* SPDX-License-Identifier: MIT
 *
 * jsonl.c — one JSON Lines record (jansson) -> page fields. Unknown fields are ignored; a
 * missing or non-string "text" is an error for this line only.
 */
#include "ingest/ingest.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Append s and its NUL to store; return the offset, so pointers are made after the last
 * append (the store may move while it grows). */
static size_t keep(hd_buf *store, const char *s, size_t n)
{
    size_t off = store->len;
    hd_buf_add(store, s, n);
    hd_buf_addc(store, '\0');
    return off;
}

#define NO_FIELD ((size_t)-1)

static hd_rc field(json_t *obj, const char *name, const char *where, hd_buf *store, size_t *off,
                   hd_err *err)
{
    json_t *v = json_object_get(obj, name);
    *off = NO_FIELD;
    if (!v || json_is_null(v))
        return HD_OK;
    if (json_is_string(v)) {
        *off = keep(store, json_string_value(v), json_string_length(v));
    } else if (json_is_integer(v)) {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *off = keep(store, tmp, (size_t)n);
    } else {
        char w[300];
        snprintf(w, sizeof w, "%s:%s", where, name);
        return hd_err_setw(err, HD_EINPUT, w, "field \"%s\" must be a string", name);
    }
    return HD_OK;
}

hd_rc hd_jsonl_parse(const char *line, size_t len, const char *where, hd_page *page, hd_buf *store,
                     hd_err *err)
{
    if (hd_jsonl_parse_fast(line, len, page, store) == HD_OK)
        return HD_OK;
    return hd_jsonl_parse_jansson(line, len, where, page, store, err);
}

hd_rc hd_jsonl_parse_jansson(const char *line, size_t len, const char *where, hd_page *page,
                             hd_buf *store, hd_err *err)
{
    json_error_t je;
    json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &je);
    if (!obj)
        return hd_err_setw(err, HD_EINPUT, where, "malformed JSON at column %d: %s", je.column,
                           je.text);
    if (!json_is_object(obj)) {
        json_decref(obj);
        return hd_err_setw(err, HD_EINPUT, where, "a JSON Lines page must be an object");
    }
    hd_rc rc = HD_OK;
    json_t *t = json_object_get(obj, "text");
    if (!t || !json_is_string(t)) {
        char w[300];
        snprintf(w, sizeof w, "%s:text", where);
        rc = hd_err_setw(err, HD_EINPUT, w,
                         t ? "field \"text\" must be a string"
                           : "missing field \"text\"; line skipped");
        json_decref(obj);
        return rc;
    }
    size_t o_id, o_url, o_src, o_date, o_title, o_text;
    hd_buf_clear(store);
    if ((rc = field(obj, "id", where, store, &o_id, err)) ||
        (rc = field(obj, "url", where, store, &o_url, err)) ||
        (rc = field(obj, "source", where, store, &o_src, err)) ||
        (rc = field(obj, "date", where, store, &o_date, err)) ||
        (rc = field(obj, "title", where, store, &o_title, err))) {
        json_decref(obj);
        return rc;
    }
    o_text = keep(store, json_string_value(t), json_string_length(t));
    size_t text_len = json_string_length(t);
    json_decref(obj);
    if ((rc = hd_buf_status(store, err)))
        return rc;
    const char *b = store->p;
    page->id = o_id == NO_FIELD ? NULL : b + o_id;
    page->url = o_url == NO_FIELD ? NULL : b + o_url;
    page->source = o_src == NO_FIELD ? NULL : b + o_src;
    page->date = o_date == NO_FIELD ? NULL : b + o_date;
    page->title = o_title == NO_FIELD ? NULL : b + o_title;
    page->text = b + o_text;
    page->len = text_len;
    return HD_OK;
}
