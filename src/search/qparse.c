/* SPDX-License-Identifier: MIT
 *
 * qparse.c — query text -> hd_qnode tree. Stage: search (input: a user's query string; output:
 * a syntax tree of raw words that qtree.c analyses and turns into iterators). Called by
 * search.c and the query fuzz target.
 *
 * Grammar (recursive descent, precedence low to high):
 *
 *   query   := or_expr EOF
 *   or_expr := and_expr ( ["OR"] and_expr )*      adjacent clauses are OR-ed (ranked)
 *   and_expr:= unary ( "AND" unary )*
 *   unary   := ( "NOT" | "-" | "+" ) primary | primary
 *   primary := "(" or_expr ")" | FIELD ":" primary | "phrase" | word | word*
 *
 * Operators are upper case only; "and" is a word. A '+' or '-' is an operator only at the start
 * of a word. A colon splits a field only after a known field name, so "10:30" stays a word.
 */
#include <string.h>

#include "search/search.h"

typedef enum tok_kind {
    T_EOF,
    T_LPAREN,
    T_RPAREN,
    T_WORD,
    T_PREFIX,
    T_ALL, /* a lone "*" */
    T_PHRASE,
    T_AND,
    T_OR,
    T_NOT,
    T_PLUS,
    T_MINUS,
    T_FIELD,
} tok_kind;

typedef struct tok {
    tok_kind kind;
    size_t off; /* byte offset of the token in the query */
    const char *text;
    size_t len;
    hd_qfield field; /* T_FIELD */
} tok;

typedef struct parser {
    const char *q;
    size_t len, pos;
    tok cur;
    int have; /* cur holds a peeked token */
    hd_arena *a;
    hd_err *err;
    uint32_t n_leaves;
    uint32_t depth;
} parser;

static const struct {
    const char *name;
    hd_qfield field;
} fields[] = {
    {"title", HD_QF_TITLE},     {"body", HD_QF_BODY}, {"source", HD_QF_SOURCE},
    {"speaker", HD_QF_SPEAKER}, {"date", HD_QF_DATE},
};

static const char *field_name(hd_qfield f)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].field == f)
            return fields[i].name;
    return "";
}

/* 1-based column in code points of byte offset off (continuation bytes do not count). */
static uint32_t column(const parser *p, size_t off)
{
    uint32_t col = 1;
    for (size_t i = 0; i < off && i < p->len; i++)
        if (((unsigned char)p->q[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static hd_rc perr(parser *p, hd_rc code, size_t off, const char *what)
{
    return hd_err_set(p->err, code, "%s at column %u", what, column(p, off));
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Ends a word: whitespace, parentheses, a quote. */
static int is_stop(char c)
{
    return is_space(c) || c == '(' || c == ')' || c == '"';
}

/* A word from p->pos: "field:" (a known field name only), an operator, word* or a word. */
static hd_rc lex_word(parser *p, tok *t)
{
    const char *q = p->q;
    size_t start = p->pos;
    while (p->pos < p->len && !is_stop(q[p->pos])) {
        if (q[p->pos] == ':') {
            size_t n = p->pos - start;
            for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
                if (strlen(fields[i].name) == n && !strncasecmp(q + start, fields[i].name, n)) {
                    p->pos++;
                    if (p->pos >= p->len || is_space(q[p->pos]) || q[p->pos] == ')')
                        return perr(p, HD_EQUERY, start, "field has no value");
                    t->kind = T_FIELD;
                    t->field = fields[i].field;
                    return HD_OK;
                }
            }
        }
        p->pos++;
    }
    t->text = q + start;
    t->len = p->pos - start;
    if (t->len == 3 && !memcmp(t->text, "AND", 3))
        t->kind = T_AND;
    else if (t->len == 2 && !memcmp(t->text, "OR", 2))
        t->kind = T_OR;
    else if (t->len == 3 && !memcmp(t->text, "NOT", 3))
        t->kind = T_NOT;
    else if (t->len == 2 && !memcmp(t->text, "&&", 2))
        t->kind = T_AND;
    else if (t->len == 2 && !memcmp(t->text, "||", 2))
        t->kind = T_OR;
    else if (t->text[t->len - 1] == '*') {
        t->len--;
        while (t->len && t->text[t->len - 1] == '*')
            t->len--;
        /* A lone "*" stands for every document; "x*" is a prefix. */
        t->kind = t->len ? T_PREFIX : T_ALL;
    } else
        t->kind = T_WORD;
    return HD_OK;
}

static hd_rc lex(parser *p, tok *t)
{
    const char *q = p->q;
    while (p->pos < p->len && is_space(q[p->pos]))
        p->pos++;
    memset(t, 0, sizeof *t);
    t->off = p->pos;
    if (p->pos >= p->len) {
        t->kind = T_EOF;
        return HD_OK;
    }
    char c = q[p->pos];
    if (c == '(' || c == ')') {
        t->kind = c == '(' ? T_LPAREN : T_RPAREN;
        p->pos++;
        return HD_OK;
    }
    if (c == '"') {
        size_t start = ++p->pos;
        const char *end = memchr(q + start, '"', p->len - start);
        if (!end)
            return perr(p, HD_EQUERY, t->off, "unterminated quote");
        t->kind = T_PHRASE;
        t->text = q + start;
        t->len = (size_t)(end - (q + start));
        p->pos = (size_t)(end - q) + 1;
        return HD_OK;
    }
    if ((c == '+' || c == '-') && p->pos + 1 < p->len && !is_space(q[p->pos + 1]) &&
        q[p->pos + 1] != ')') {
        t->kind = c == '+' ? T_PLUS : T_MINUS;
        p->pos++;
        return HD_OK;
    }
    return lex_word(p, t);
}

static hd_rc peek(parser *p, tok **out)
{
    if (!p->have) {
        hd_rc rc = lex(p, &p->cur);
        if (rc)
            return rc;
        p->have = 1;
    }
    *out = &p->cur;
    return HD_OK;
}

static void consume(parser *p)
{
    p->have = 0;
}

static hd_qnode *new_node(parser *p, hd_qkind kind, size_t off)
{
    hd_qnode *n = hd_arena_alloc(p->a, sizeof *n);
    if (!n)
        return NULL;
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->col = column(p, off);
    return n;
}

/* ---- dates ---------------------------------------------------------------------------------- */

static int digits(const char *s, size_t n, uint32_t *out)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (uint32_t)(s[i] - '0');
    }
    *out = v;
    return 0;
}

static uint32_t days_in_month(uint32_t y, uint32_t m)
{
    static const uint8_t d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

/* Parse YYYY, YYYY-MM or YYYY-MM-DD into the first (hi=0) or last (hi=1) day it covers. */
static int parse_date(const char *s, size_t n, int hi, uint32_t *out)
{
    uint32_t y, m = hi ? 12 : 1, d = 1;
    if (n != 4 && n != 7 && n != 10)
        return -1;
    if (digits(s, 4, &y) || y < 1)
        return -1;
    if (n >= 7 && (s[4] != '-' || digits(s + 5, 2, &m) || m < 1 || m > 12))
        return -1;
    if (hi)
        d = days_in_month(y, m);
    if (n == 10 && (s[7] != '-' || digits(s + 8, 2, &d) || d < 1 || d > days_in_month(y, m)))
        return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

static hd_rc date_node(parser *p, const tok *t, hd_qnode **out)
{
    hd_qnode *n = new_node(p, HD_QK_DATE, t->off);
    if (!n)
        return hd_err_set(p->err, HD_ENOMEM, "out of memory parsing the query");
    n->field = HD_QF_DATE;
    n->date_lo = HD_DATE_MIN;
    n->date_hi = HD_DATE_MAX;
    const char *s = t->text;
    size_t len = t->len;
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    int bad;
    if (!dots) {
        bad = parse_date(s, len, 0, &n->date_lo) || parse_date(s, len, 1, &n->date_hi);
    } else {
        size_t nlo = (size_t)(dots - s), nhi = len - nlo - 2;
        bad = (nlo == 0 && nhi == 0);
        if (nlo && parse_date(s, nlo, 0, &n->date_lo))
            bad = 1;
        if (nhi && parse_date(dots + 2, nhi, 1, &n->date_hi))
            bad = 1;
    }
    if (bad)
        return hd_err_set(
            p->err, HD_EQUERY,
            "bad date '%.*s' at column %u (expected YYYY-MM-DD, YYYY-MM-DD..YYYY-MM-DD"
            " or an open range)",
            (int)(len > 64 ? 64 : len), s, column(p, t->off));
    if (n->date_lo > n->date_hi)
        return perr(p, HD_EQUERY, t->off, "date range ends before it starts");
    *out = n;
    return HD_OK;
}

/* ---- recursive descent ---------------------------------------------------------------------- */

static hd_rc parse_or(parser *p, hd_qfield field, hd_qnode **out);

static hd_rc count_leaf(parser *p, size_t off)
{
    if (++p->n_leaves > HD_QUERY_MAX_LEAVES)
        return hd_err_set(p->err, HD_ELIMIT, "query has more than %d terms (at column %u)",
                          HD_QUERY_MAX_LEAVES, column(p, off));
    return HD_OK;
}

static hd_rc parse_primary(parser *p, hd_qfield field, hd_qnode **out);

/* After "field:": a date range for date:, else a word, a phrase or a group in that field. */
static hd_rc parse_field(parser *p, hd_qfield field, const tok *ftok, hd_qnode **out)
{
    tok cur = *ftok;
    tok *t;
    hd_rc rc;
    if (field != HD_QF_ANY)
        return hd_err_set(p->err, HD_EQUERY, "field %s: inside %s: at column %u",
                          field_name(cur.field), field_name(field), column(p, cur.off));
    if (cur.field == HD_QF_DATE) {
        if ((rc = peek(p, &t)))
            return rc;
        if (t->kind != T_WORD)
            return perr(p, HD_EQUERY, cur.off, "date: needs a date or a range");
        tok v = *t;
        consume(p);
        if ((rc = count_leaf(p, v.off)))
            return rc;
        return date_node(p, &v, out);
    }
    if ((rc = peek(p, &t)))
        return rc;
    if (t->kind == T_FIELD)
        return hd_err_set(p->err, HD_EQUERY, "field %s: inside %s: at column %u",
                          field_name(t->field), field_name(cur.field), column(p, t->off));
    if (t->kind != T_WORD && t->kind != T_PREFIX && t->kind != T_PHRASE && t->kind != T_LPAREN)
        return perr(p, HD_EQUERY, cur.off, "field needs a word, a phrase or parentheses");
    return parse_primary(p, cur.field, out);
}

/* "(" or_expr ")": the opening parenthesis cur has been consumed. */
static hd_rc parse_group(parser *p, hd_qfield field, const tok *cur, hd_qnode **out)
{
    if (++p->depth > HD_QUERY_MAX_DEPTH)
        return hd_err_set(p->err, HD_ELIMIT, "query nests deeper than %d levels at column %u",
                          HD_QUERY_MAX_DEPTH, column(p, cur->off));
    tok *t;
    hd_rc rc = peek(p, &t);
    if (rc)
        return rc;
    if (t->kind == T_RPAREN)
        return perr(p, HD_EQUERY, cur->off, "empty parentheses");
    if ((rc = parse_or(p, field, out)))
        return rc;
    if ((rc = peek(p, &t)))
        return rc;
    if (t->kind != T_RPAREN)
        return perr(p, HD_EQUERY, cur->off, "unbalanced parenthesis");
    consume(p);
    p->depth--;
    return HD_OK;
}

/* A term, prefix*, "phrase" or a lone * (every document): a leaf of the query tree. */
static hd_rc parse_leaf(parser *p, hd_qfield field, const tok *cur, hd_qnode **out)
{
    if (cur->kind == T_ALL && field != HD_QF_ANY)
        return perr(p, HD_EQUERY, cur->off, "'*' needs a prefix before it");
    /* a lone * is a leaf too: each one is an iterator over every document */
    hd_rc rc = count_leaf(p, cur->off);
    if (rc)
        return rc;
    hd_qkind k = cur->kind == T_WORD     ? HD_QK_TERM
                 : cur->kind == T_PREFIX ? HD_QK_PREFIX
                 : cur->kind == T_PHRASE ? HD_QK_PHRASE
                                         : HD_QK_ALL;
    /* The column of a phrase is its opening quote. */
    hd_qnode *n = new_node(p, k, cur->off);
    if (!n)
        return hd_err_set(p->err, HD_ENOMEM, "out of memory parsing the query");
    if (k != HD_QK_ALL) {
        n->field = field;
        n->text = cur->text;
        n->len = cur->len;
    }
    *out = n;
    return HD_OK;
}

static hd_rc parse_primary(parser *p, hd_qfield field, hd_qnode **out)
{
    tok *t;
    hd_rc rc = peek(p, &t);
    if (rc)
        return rc;
    tok cur = *t;
    switch (cur.kind) {
    case T_LPAREN:
        consume(p);
        return parse_group(p, field, &cur, out);
    case T_FIELD:
        consume(p);
        return parse_field(p, field, &cur, out);
    case T_WORD:
    case T_PREFIX:
    case T_PHRASE:
    case T_ALL:
        consume(p);
        return parse_leaf(p, field, &cur, out);
    case T_EOF:
        return perr(p, HD_EQUERY, cur.off, "query ends where a term was expected");
    case T_RPAREN:
        return perr(p, HD_EQUERY, cur.off, "unbalanced parenthesis");
    case T_AND:
    case T_OR:
        return hd_err_set(p->err, HD_EQUERY, "%s at column %u has no left operand",
                          cur.kind == T_AND ? "AND" : "OR", column(p, cur.off));
    default:
        return perr(p, HD_EQUERY, cur.off, "operator not expected here");
    }
}

/* unary := ("NOT" | "-" | "+") primary | primary; sets (*out)->occur (SHOULD = none given). */
static hd_rc parse_unary(parser *p, hd_qfield field, hd_qnode **out)
{
    tok *t;
    hd_rc rc = peek(p, &t);
    if (rc)
        return rc;
    hd_qoccur occ = HD_QO_SHOULD;
    tok op = *t;
    if (t->kind == T_NOT || t->kind == T_MINUS)
        occ = HD_QO_MUST_NOT;
    else if (t->kind == T_PLUS)
        occ = HD_QO_MUST;
    if (occ != HD_QO_SHOULD) {
        consume(p);
        if ((rc = peek(p, &t)))
            return rc;
        if (t->kind == T_EOF || t->kind == T_RPAREN || t->kind == T_AND || t->kind == T_OR)
            return hd_err_set(p->err, HD_EQUERY, "%s at column %u has no operand",
                              op.kind == T_NOT    ? "NOT"
                              : op.kind == T_PLUS ? "'+'"
                                                  : "'-'",
                              column(p, op.off));
        if (t->kind == T_NOT || t->kind == T_MINUS || t->kind == T_PLUS)
            return perr(p, HD_EQUERY, t->off, "operator after an operator");
    }
    if ((rc = parse_primary(p, field, out)))
        return rc;
    (*out)->occur = occ;
    return HD_OK;
}

/* A growing list of clauses, in the arena (the old array is abandoned on growth). */
typedef struct clauses {
    hd_qnode **v;
    uint32_t n, cap;
} clauses;

static hd_rc push(parser *p, clauses *c, hd_qnode *n)
{
    if (c->n == c->cap) {
        uint32_t cap = c->cap ? c->cap * 2 : 4;
        hd_qnode **v = hd_arena_alloc(p->a, cap * sizeof *v);
        if (!v)
            return hd_err_set(p->err, HD_ENOMEM, "out of memory parsing the query");
        if (c->n)
            memcpy(v, c->v, c->n * sizeof *v);
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = n;
    return HD_OK;
}

static hd_rc make_bool(parser *p, clauses *c, size_t off, hd_qnode **out)
{
    hd_qnode *b = new_node(p, HD_QK_BOOL, off);
    if (!b)
        return hd_err_set(p->err, HD_ENOMEM, "out of memory parsing the query");
    b->kids = c->v;
    b->n_kids = c->n;
    *out = b;
    return HD_OK;
}

static hd_rc parse_and(parser *p, hd_qfield field, hd_qnode **out)
{
    tok *t;
    size_t off = p->have ? p->cur.off : p->pos;
    hd_qnode *first = NULL;
    hd_rc rc = parse_unary(p, field, &first);
    if (rc)
        return rc;
    if ((rc = peek(p, &t)))
        return rc;
    if (t->kind != T_AND) {
        *out = first;
        return HD_OK;
    }
    clauses c = {0};
    if (first->occur == HD_QO_SHOULD)
        first->occur = HD_QO_MUST;
    if ((rc = push(p, &c, first)))
        return rc;
    while (t->kind == T_AND) {
        size_t and_off = t->off;
        consume(p);
        if ((rc = peek(p, &t)))
            return rc;
        if (t->kind == T_EOF || t->kind == T_RPAREN || t->kind == T_AND || t->kind == T_OR)
            return perr(p, HD_EQUERY, and_off, "AND has no right operand");
        hd_qnode *n = NULL;
        if ((rc = parse_unary(p, field, &n)))
            return rc;
        if (n->occur == HD_QO_SHOULD)
            n->occur = HD_QO_MUST;
        if ((rc = push(p, &c, n)))
            return rc;
        if ((rc = peek(p, &t)))
            return rc;
    }
    return make_bool(p, &c, off, out);
}

static hd_rc parse_or(parser *p, hd_qfield field, hd_qnode **out)
{
    tok *t;
    size_t off = p->have ? p->cur.off : p->pos;
    clauses c = {0};
    hd_rc rc;
    for (;;) {
        hd_qnode *n = NULL;
        if ((rc = parse_and(p, field, &n)))
            return rc;
        if ((rc = push(p, &c, n)))
            return rc;
        if ((rc = peek(p, &t)))
            return rc;
        if (t->kind == T_EOF || t->kind == T_RPAREN)
            break;
        if (t->kind == T_OR) {
            size_t or_off = t->off;
            consume(p);
            if ((rc = peek(p, &t)))
                return rc;
            if (t->kind == T_EOF || t->kind == T_RPAREN || t->kind == T_AND || t->kind == T_OR)
                return perr(p, HD_EQUERY, or_off, "OR has no right operand");
        }
    }
    if (c.n == 1 && c.v[0]->occur == HD_QO_SHOULD) {
        *out = c.v[0];
        return HD_OK;
    }
    return make_bool(p, &c, off, out);
}

hd_rc hd_qparse(const char *q, size_t len, hd_arena *a, hd_qnode **out_root, hd_err *err)
{
    *out_root = NULL;
    if (len > HD_QUERY_MAX_BYTES)
        return hd_err_set(err, HD_ELIMIT, "query is longer than %d bytes", HD_QUERY_MAX_BYTES);
    parser p = {.q = q, .len = len, .a = a, .err = err};
    tok *t;
    hd_rc rc = peek(&p, &t);
    if (rc)
        return rc;
    if (t->kind == T_EOF)
        return hd_err_set(err, HD_EQUERY, "empty query");
    hd_qnode *root;
    if ((rc = parse_or(&p, HD_QF_ANY, &root)))
        return rc;
    if ((rc = peek(&p, &t)))
        return rc;
    if (t->kind != T_EOF) /* only a stray ')' stops parse_or before the end */
        return perr(&p, HD_EQUERY, t->off, "unbalanced parenthesis");
    *out_root = root;
    return HD_OK;
}

/* ---- dump ----------------------------------------------------------------------------------- */

void hd_qnode_dump(const hd_qnode *n, hd_buf *out)
{
    if (n->occur == HD_QO_MUST)
        hd_buf_addc(out, '+');
    else if (n->occur == HD_QO_MUST_NOT)
        hd_buf_addc(out, '-');
    if (n->kind != HD_QK_BOOL && n->kind != HD_QK_DATE && n->field != HD_QF_ANY)
        hd_buf_printf(out, "%s:", field_name(n->field));
    switch (n->kind) {
    case HD_QK_TERM:
        hd_buf_add(out, n->text, n->len);
        break;
    case HD_QK_PREFIX:
        hd_buf_add(out, n->text, n->len);
        hd_buf_addc(out, '*');
        break;
    case HD_QK_PHRASE:
        hd_buf_addc(out, '"');
        hd_buf_add(out, n->text, n->len);
        hd_buf_addc(out, '"');
        break;
    case HD_QK_DATE:
        hd_buf_printf(out, "date:[%u,%u]", n->date_lo, n->date_hi);
        break;
    case HD_QK_ALL:
        hd_buf_addc(out, '*');
        break;
    case HD_QK_BOOL:
        hd_buf_addc(out, '(');
        for (uint32_t i = 0; i < n->n_kids; i++) {
            if (i)
                hd_buf_addc(out, ' ');
            hd_qnode_dump(n->kids[i], out);
        }
        hd_buf_addc(out, ')');
        break;
    }
}
