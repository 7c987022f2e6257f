/* SPDX-License-Identifier: MIT
 *
 * statements_cli.c — the statements query shared by `herald said` and `herald who`.
 */
#include "cli/statements_cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/json_out.h"

int hd_cli_parse_count(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > HD_SEARCH_MAX_WINDOW)
        return -1;
    *out = (size_t)v;
    return 0;
}

int hd_cli_stmt_opts(int argc, char **argv, const char *cmd, const char *usage, hd_stmt_query *q,
                     int *json)
{
    static const struct option longopts[] = {
        {"index", required_argument, NULL, 'i'},
        {"about", required_argument, NULL, 'a'},
        {"since", required_argument, NULL, 's'},
        {"until", required_argument, NULL, 'u'},
        {"json", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    memset(q, 0, sizeof *q);
    q->dir = hd_cli_index_dir();
    *json = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            q->dir = optarg;
            break;
        case 'a':
            q->about = optarg;
            break;
        case 's':
            q->since = optarg;
            break;
        case 'u':
            q->until = optarg;
            break;
        case 'n':
            if (hd_cli_parse_count(optarg, &q->limit)) {
                hd_cli_errorf("%s: -n needs a number from 1 to %d, not '%s'", cmd,
                              HD_SEARCH_MAX_WINDOW, optarg);
                return HD_EXIT_USAGE;
            }
            break;
        case 'j':
            *json = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            return HD_EXIT_OK;
        default:
            fputs(usage, stderr);
            return HD_EXIT_USAGE;
        }
    }
    if (hd_cli_check_day(q->since, "--since") || hd_cli_check_day(q->until, "--until"))
        return HD_EXIT_USAGE;
    return -1;
}

int hd_cli_check_day(const char *day, const char *opt)
{
    if (!day)
        return 0;
    int y, m, d;
    char tail;
    if (strlen(day) == 10 && sscanf(day, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
        m <= 12 && d >= 1 && d <= 31)
        return 0;
    hd_cli_errorf("%s needs a date as YYYY-MM-DD, not '%s'", opt, day);
    return 1;
}

static char *dup(const char *s)
{
    return strdup(s ? s : "");
}

/* FNV-1a over the lower-cased letters and digits of speaker + text: the same quote in two
 * syndicated copies differs at most in punctuation, quote style or spacing. */
static uint64_t stmt_key(const char *speaker, const char *text)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = speaker; *p; p++)
        if (isalnum((unsigned char)*p))
            h = (h ^ (unsigned char)tolower((unsigned char)*p)) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
    for (const char *p = text; *p; p++)
        if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
            h = (h ^ (unsigned char)tolower((unsigned char)*p)) * 1099511628211ull;
    return h;
}

/* Append s to q, dropping double quotes (the speaker goes inside a phrase). */
static void add_unquoted(char *q, size_t cap, const char *s)
{
    size_t n = strlen(q);
    for (; *s && n + 1 < cap; s++)
        if (*s != '"')
            q[n++] = *s;
    q[n] = '\0';
}

/* Does word a[0..an) equal b[0..bn), ASCII case folded, a trailing '.' or ',' ignored? */
static int same_word(const char *a, size_t an, const char *b, size_t bn)
{
    while (an && (a[an - 1] == '.' || a[an - 1] == ','))
        an--;
    while (bn && (b[bn - 1] == '.' || b[bn - 1] == ','))
        bn--;
    if (an != bn)
        return 0;
    for (size_t i = 0; i < an; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* An initial standing inside a name: "J.", "H.W.", "W". */
static int initial(const char *w, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (isupper((unsigned char)w[i]))
            letters++;
        else if (w[i] != '.')
            return 0;
    }
    return letters >= 1 && letters <= 2;
}

/* Is `name` the person or group the several-word query names? Its words, in order, end the
 * name; between two of them stand at most an initial or one capitalised middle name ("Donald
 * J. Trump", "Hillary Rodham Clinton"); before the first, anything ("regional water board",
 * "Former President Bill Clinton"); after the last, nothing ("Donald Trump Jr." is his son,
 * "… to block Donald Trump from the GOP nomination" a description). */
enum { MAXW = 64 };

/* The space-separated words of s (at most MAXW): starts in w, lengths in l; their count. */
static size_t split_words(const char *s, const char **w, size_t *l)
{
    size_t k = 0;
    for (const char *p = s; *p && k < MAXW;) {
        size_t n = strcspn(p, " ");
        if (n)
            w[k] = p, l[k++] = n;
        p += n;
        while (*p == ' ')
            p++;
    }
    return k;
}

static int speaker_matches(const char *name, const char *query)
{
    const char *nw[MAXW], *qw[MAXW];
    size_t nl[MAXW], ql[MAXW];
    size_t nn = split_words(name, nw, nl), qn = split_words(query, qw, ql);
    if (!qn || nn < qn)
        return 0;
    /* match backwards from the name's last word */
    size_t i = nn, j = qn;
    while (j > 0) {
        if (i == 0)
            return 0;
        if (same_word(nw[i - 1], nl[i - 1], qw[j - 1], ql[j - 1])) {
            i--;
            j--;
            continue;
        }
        /* something between two query words: an initial, or one middle name */
        if (j == qn || i < 2 || !same_word(nw[i - 2], nl[i - 2], qw[j - 1], ql[j - 1]) ||
            !(initial(nw[i - 1], nl[i - 1]) || isupper((unsigned char)nw[i - 1][0])))
            return 0;
        i -= 2;
        j--;
    }
    return 1;
}

static int cmp_date(const void *a, const void *b)
{
    const hd_stmt_row *x = a, *y = b;
    /* Undated statements go last; ties keep the search order. */
    int ex = !*x->date, ey = !*y->date;
    if (ex != ey)
        return ex - ey;
    int c = strcmp(x->date, y->date);
    if (c)
        return c;
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

void hd_stmt_list_sort_by_date(hd_stmt_list *list)
{
    if (list->n)
        qsort(list->v, list->n, sizeof *list->v, cmp_date);
}

static void row_free(hd_stmt_row *r)
{
    free(r->date);
    free(r->speaker);
    free(r->text);
    free(r->article_id);
    free(r->title);
    free(r->source);
    free(r->url);
}

void hd_stmt_list_done(hd_stmt_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        row_free(&list->v[i]);
    free(list->v);
    memset(list, 0, sizeof *list);
}

/* ---- one person across articles ---------------------------------------------------------- */

/* Words that may start lower case inside a person's name ("Osama bin Laden", "Ludwig van
 * Beethoven"); any other lower-case word means the name is a description ("large grain trade
 * company", "of the Exchequer Nigel Lawson"), which must not absorb anyone. */
static int name_particle(const char *w, size_t n)
{
    static const char *const p[] = {"al",  "bin", "bint", "ibn", "da",  "de", "del", "della",
                                    "der", "di",  "du",   "el",  "la",  "le", "van", "von",
                                    "y",   "dos", "das",  "den", "ter", NULL};
    for (int i = 0; p[i]; i++)
        if (strlen(p[i]) == n && !strncmp(p[i], w, n))
            return 1;
    return 0;
}

/* A name as people are named: capitalised words (particles allowed inside), at most five. */
static int person_like(const char *s)
{
    int words = 0;
    while (*s) {
        size_t n = strcspn(s, " ");
        if (!n)
            return 0;
        int cap = isupper((unsigned char)*s) || (unsigned char)*s >= 0x80;
        if (!cap && (words == 0 || !name_particle(s, n)))
            return 0;
        words++;
        s += n;
        while (*s == ' ')
            s++;
    }
    return words >= 1 && words <= 5;
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Index of s in the sorted array v, or -1. */
static ptrdiff_t find_name(const char *const *v, size_t n, const char *s)
{
    const char *const *p = bsearch(&s, v, n, sizeof *v, by_str);
    return p ? p - v : -1;
}

typedef struct suffix_ent {
    const char *suffix; /* points into the name */
    size_t name;        /* index in the sorted distinct names */
} suffix_ent;

static int by_suffix(const void *a, const void *b)
{
    const suffix_ent *x = a, *y = b;
    int c = strcmp(x->suffix, y->suffix);
    return c ? c : (x->name > y->name) - (x->name < y->name);
}

/* Does `full` end with the words of `part` (or equal it)? */
static int ends_with_words(const char *full, const char *part)
{
    size_t fl = strlen(full), pl = strlen(part);
    return fl == pl ? !strcmp(full, part)
                    : fl > pl + 1 && full[fl - pl - 1] == ' ' && !strcmp(full + fl - pl, part);
}

/* name without its initials ("Donald J. Trump" -> "Donald Trump") into out[cap]; 1 when
 * there were some. */
static int drop_initials(const char *name, char *out, size_t cap)
{
    size_t o = 0;
    int dropped = 0;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, " ");
        if (n && initial(p, n) && p != name && p[n]) {
            dropped = 1; /* an initial inside the name, never its first or last word */
        } else if (n) {
            if (o + n + 2 > cap)
                return 0;
            if (o)
                out[o++] = ' ';
            memcpy(out + o, p, n);
            o += n;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    out[o] = '\0';
    return dropped;
}

/* One person with and without a middle initial: "Donald J. Trump" (one paper's style) joins
 * "Donald Trump" when that name is at least three times as frequent among the rows and is the
 * only initialled form of it. "George W. Bush" and "George H.W. Bush" both shorten to "George
 * Bush" and so stay apart; so does a rare plain form beside a frequent initialled one. */
static void merge_initials(const hd_stmt_list *list, const char *const *names, size_t nn,
                           size_t *up)
{
    size_t *cnt = calloc(nn ? nn : 1, sizeof *cnt), *var = calloc(nn ? nn : 1, sizeof *var);
    ptrdiff_t *plain = malloc((nn ? nn : 1) * sizeof *plain);
    if (!cnt || !var || !plain) {
        free(cnt);
        free(var);
        free(plain);
        return; /* names then stay as written */
    }
    for (size_t i = 0; i < list->n; i++) {
        ptrdiff_t k = find_name(names, nn, list->v[i].speaker);
        if (k >= 0)
            cnt[k]++;
    }
    char buf[512];
    for (size_t i = 0; i < nn; i++) {
        plain[i] = -1;
        if (strlen(names[i]) < sizeof buf && drop_initials(names[i], buf, sizeof buf))
            plain[i] = find_name(names, nn, buf);
        if (plain[i] >= 0)
            var[plain[i]]++;
    }
    for (size_t i = 0; i < nn; i++)
        if (plain[i] >= 0 && var[plain[i]] == 1 && cnt[plain[i]] >= 3 * cnt[i] && up[i] == i)
            up[i] = (size_t)plain[i];
    free(cnt);
    free(var);
    free(plain);
}

/* One person across articles: an article that names someone only by surname ("Khamenei")
 * and one that gives the full name ("Ali Khamenei") meet at the full name. Among the
 * person-like speaker names of the list, a one-word name takes the shortest longer name ending
 * with it when every other such name ends with that one too ("Baker" -> "James Baker", also with
 * "Treasury Secretary James Baker" about); two different full names ("Bill Clinton", "Hillary
 * Clinton") leave it as written. Organisation-like names (lower-case words) never merge.
 * Every word suffix of every name goes in one sorted table: O(n log n). */
static void merge_speakers(hd_stmt_list *list)
{
    size_t nn = 0;
    const char **names = malloc((list->n ? list->n : 1) * sizeof *names);
    if (!names)
        return; /* names then stay as written: correct, only less merged */
    for (size_t i = 0; i < list->n; i++)
        if (person_like(list->v[i].speaker))
            names[nn++] = list->v[i].speaker;
    qsort(names, nn, sizeof *names, by_str);
    size_t u = 0;
    for (size_t i = 0; i < nn; i++)
        if (!u || strcmp(names[u - 1], names[i]))
            names[u++] = names[i];
    nn = u;
    size_t cap = 0;
    for (size_t i = 0; i < nn; i++)
        for (const char *p = names[i]; *p; p++)
            cap += *p == ' ';
    suffix_ent *t = malloc((cap ? cap : 1) * sizeof *t);
    size_t *up = malloc((nn ? nn : 1) * sizeof *up);
    if (!t || !up) {
        free(names);
        free(t);
        free(up);
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < nn; i++)
        for (const char *p = names[i]; *p; p++)
            if (*p == ' ' && p[1])
                t[n++] = (suffix_ent){p + 1, i};
    qsort(t, n, sizeof *t, by_suffix);
    for (size_t i = 0; i < nn; i++) {
        up[i] = i;
        if (strchr(names[i], ' '))
            continue; /* a full name stays as written: titles in front are not more of it */
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(t[mid].suffix, names[i]) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo, best = SIZE_MAX;
        while (end < n && !strcmp(t[end].suffix, names[i]))
            end++;
        for (size_t j = lo; j < end; j++)
            if (best == SIZE_MAX || strlen(names[t[j].name]) < strlen(names[best]))
                best = t[j].name;
        int chain = best != SIZE_MAX;
        for (size_t j = lo; j < end && chain; j++)
            chain = ends_with_words(names[t[j].name], names[best]);
        if (chain)
            up[i] = best;
    }
    merge_initials(list, names, nn, up);
    /* names[] borrows the rows' strings: replace them only after every lookup */
    char **repl = up ? calloc(list->n ? list->n : 1, sizeof *repl) : NULL;
    for (size_t i = 0; repl && i < list->n; i++) {
        ptrdiff_t k =
            person_like(list->v[i].speaker) ? find_name(names, nn, list->v[i].speaker) : -1;
        if (k >= 0 && up[k] != (size_t)k)
            repl[i] = strdup(names[up[k]]);
    }
    for (size_t i = 0; repl && i < list->n; i++)
        if (repl[i]) {
            free(list->v[i].speaker);
            list->v[i].speaker = repl[i];
        }
    free(repl);
    free(up);
    free(t);
    free(names);
}

/* ---- the query ----------------------------------------------------------------------------- */

/* Keys of the statements kept so far (open addressing; 0 marks a free slot). */
typedef struct key_set {
    uint64_t *v;
    size_t cap, n;
} key_set;

/* 1 when key was new (and is now in), 0 when seen, -1 out of memory. */
static int key_add(key_set *s, uint64_t key)
{
    key |= 1; /* never 0 */
    if (2 * (s->n + 1) > s->cap) {
        size_t nc = s->cap ? 2 * s->cap : 1024;
        uint64_t *nv = calloc(nc, sizeof *nv);
        if (!nv)
            return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i])
                for (size_t j = s->v[i] & (nc - 1);; j = (j + 1) & (nc - 1))
                    if (!nv[j]) {
                        nv[j] = s->v[i];
                        break;
                    }
        free(s->v);
        s->v = nv;
        s->cap = nc;
    }
    for (size_t j = key & (s->cap - 1);; j = (j + 1) & (s->cap - 1)) {
        if (s->v[j] == key)
            return 0;
        if (!s->v[j]) {
            s->v[j] = key;
            s->n++;
            return 1;
        }
    }
}

typedef struct collect_ctx {
    hd_stmt_list *list;
    int oom;
} collect_ctx;

/* Copy one hit into the list (no dedup yet: that needs the rows in date or score order). */
static int collect_hit(void *ud, const hd_hit *hit)
{
    collect_ctx *c = ud;
    hd_stmt_list *l = c->list;
    if (l->n == l->cap) {
        size_t nc = l->cap ? 2 * l->cap : 256;
        hd_stmt_row *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv) {
            c->oom = 1;
            return 1;
        }
        l->v = nv;
        l->cap = nc;
    }
    const char *speaker = hit->speakers && *hit->speakers ? hit->speakers : "(unknown)";
    size_t al = hd_statement_article_id_len(hit->id);
    hd_stmt_row *r = &l->v[l->n];
    memset(r, 0, sizeof *r);
    r->date = dup(hit->date);
    r->speaker = strndup(speaker, strcspn(speaker, "\n"));
    r->text = dup(hit->body);
    r->article_id = strndup(hit->id, al);
    r->title = dup(hit->title);
    r->source = dup(hit->source);
    r->url = dup(hit->url);
    r->score = hit->score;
    r->rank = l->n;
    l->n++;
    if (!r->date || !r->speaker || !r->text || !r->article_id || !r->title || !r->source ||
        !r->url) {
        c->oom = 1;
        return 1;
    }
    return 0;
}

/* Keep the first row of each (speaker, text) in list order, at most `limit` of them; count
 * the distinct statements past the limit too (list->distinct). */
static int dedup(hd_stmt_list *list, size_t limit)
{
    key_set seen = {0};
    size_t n = 0;
    int oom = 0;
    for (size_t i = 0; i < list->n; i++) {
        hd_stmt_row *r = &list->v[i];
        int fresh = !oom ? key_add(&seen, stmt_key(r->speaker, r->text)) : 0;
        if (fresh < 0)
            oom = 1;
        if (fresh == 1 && n < limit)
            list->v[n++] = *r;
        else
            row_free(r);
    }
    list->distinct = seen.n;
    free(seen.v);
    list->n = n;
    return oom ? -1 : 0;
}

/* An error of the query: to q->err when the caller collects them, else on stderr. */
static void q_error(const hd_stmt_query *q, hd_rc code, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void q_error(const hd_stmt_query *q, hd_rc code, const char *where, const char *fmt, ...)
{
    char msg[sizeof q->err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!q->err) {
        if (where && *where)
            hd_cli_errorf("%s: %s", where, msg);
        else
            hd_cli_errorf("%s", msg);
        return;
    }
    q->err->code = code;
    snprintf(q->err->where, sizeof q->err->where, "%s", where ? where : "");
    snprintf(q->err->msg, sizeof q->err->msg, "%s", msg);
}

static void q_report(const hd_stmt_query *q, const hd_err *err)
{
    if (q->err)
        *q->err = *err;
    else
        hd_cli_report(err);
}

int hd_cli_statements(const hd_stmt_query *q, hd_stmt_list *list)
{
    char dir[4096];
    hd_err err = {0};
    memset(list, 0, sizeof *list);
    if (hd_statements_dir(q->dir, dir, sizeof dir) != HD_OK) {
        q_error(q, HD_EINVAL, NULL, "index path too long: %s", q->dir);
        return HD_EXIT_USAGE;
    }
    /* +speaker:"NAME" +date:A..B +(TOPIC): every part required; only the topic scores. A name
     * of several words asks for each word, and the rows are then kept by speaker_matches
     * ("Donald Trump" finds "Donald J. Trump", which the phrase would miss). */
    char query[8192] = "";
    int several = q->speaker && strchr(q->speaker, ' ') && strlen(q->speaker) < 1024;
    if (several) {
        for (const char *w = q->speaker; *w;) {
            size_t n = strcspn(w, " ");
            if (n) {
                char word[1100];
                snprintf(word, sizeof word, "%.*s", (int)n, w);
                strcat(query, "+speaker:\"");
                add_unquoted(query, sizeof query - 2, word);
                strcat(query, "\" ");
            }
            w += n;
            while (*w == ' ')
                w++;
        }
    } else if (q->speaker) {
        strcat(query, "+speaker:\"");
        add_unquoted(query, sizeof query - 2, q->speaker);
        strcat(query, "\" ");
    }
    if (q->since || q->until)
        snprintf(query + strlen(query), sizeof query - strlen(query), "+date:%s..%s ",
                 q->since ? q->since : "", q->until ? q->until : "");
    if (q->about) {
        if (strlen(q->about) + strlen(query) + 4 >= sizeof query) {
            q_error(q, HD_ELIMIT, NULL, "--about query too long");
            return HD_EXIT_USAGE;
        }
        snprintf(query + strlen(query), sizeof query - strlen(query), "+(%s)", q->about);
    }
    if (!*query)
        strcpy(query, "*");

    hd_index *ix = q->stmts;
    if (!ix && hd_index_open(dir, NULL, &ix, &err) != HD_OK) {
        if (err.code == HD_ENOTFOUND)
            q_error(q, HD_ENOTFOUND, dir,
                    "no statements index (run `herald index` on some pages first)");
        else
            q_report(q, &err);
        return HD_EXIT_FAIL;
    }
    hd_rc rc;
    collect_ctx cc = {.list = list};
    if (q->about && !q->all) {
        /* The best statements on the topic: a ranked window, best first. */
        hd_search_opts so = {.limit = HD_SEARCH_MAX_WINDOW, .sort = HD_SORT_SCORE, .bodies = 1};
        hd_results *res;
        rc = hd_search(ix, query, &so, &res, &err);
        if (!rc) {
            list->total = hd_results_total(res, &list->total_exact);
            const hd_hit *h;
            while (!cc.oom && hd_results_next(res, &h) == HD_OK)
                collect_hit(&cc, h);
            hd_results_free(res);
        }
    } else {
        /* Every match, then the oldest copy of each statement first: exact whatever the
         * number of statements. */
        hd_search_each_opts eo = {.bodies = 1, .scores = q->about != NULL};
        rc = hd_search_each(ix, query, &eo, collect_hit, &cc, &err);
        list->total = list->n;
        list->total_exact = 1;
        if (!rc)
            hd_stmt_list_sort_by_date(list);
    }
    if (!q->stmts)
        hd_index_close(ix);
    if (rc) {
        q_report(q, &err);
        hd_stmt_list_done(list);
        return err.code == HD_EQUERY || err.code == HD_ELIMIT ? HD_EXIT_USAGE : HD_EXIT_FAIL;
    }
    if (several) {
        size_t n = 0;
        for (size_t i = 0; i < list->n; i++) {
            if (speaker_matches(list->v[i].speaker, q->speaker))
                list->v[n++] = list->v[i];
            else
                row_free(&list->v[i]);
        }
        if (n < list->n) {
            list->total = q->about && !q->all ? list->total - (list->n - n) : n;
            list->n = n;
        }
    }
    if (cc.oom || dedup(list, q->limit ? q->limit : SIZE_MAX)) {
        hd_stmt_list_done(list);
        q_error(q, HD_ENOMEM, NULL, "out of memory");
        return HD_EXIT_FAIL;
    }
    merge_speakers(list);
    return HD_EXIT_OK;
}

void hd_cli_said_json(FILE *f, const hd_stmt_row *row)
{
    fputs("{\"date\":", f);
    hd_json_strz(f, *row->date ? row->date : NULL);
    fputs(",\"speaker\":", f);
    hd_json_strz(f, row->speaker);
    fputs(",\"text\":", f);
    hd_json_strz(f, row->text);
    fputs(",\"article_id\":", f);
    hd_json_strz(f, row->article_id);
    fputs(",\"title\":", f);
    hd_json_strz(f, row->title);
    fputs(",\"source\":", f);
    hd_json_strz(f, row->source);
    fputs(",\"url\":", f);
    hd_json_strz(f, *row->url ? row->url : NULL);
    fprintf(f, ",\"score\":%.4f}", row->score);
}

/* A name starts with a capital (or a non-ASCII letter, a digit: "3M"); descriptions that
 * the extractor keeps as written ("analysts", "regional water board") do not. */
static int named(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return !(c >= 'a' && c <= 'z');
}

static int who_by_count(const void *a, const void *b)
{
    const hd_who_row *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->name, y->name);
}

static int row_by_speaker(const void *a, const void *b)
{
    return strcmp(((const hd_stmt_row *)a)->speaker, ((const hd_stmt_row *)b)->speaker);
}

int hd_cli_who_rows(hd_stmt_list *list, hd_who_row **out, size_t *n, size_t *unnamed)
{
    *out = NULL;
    *n = *unnamed = 0;
    if (list->n)
        qsort(list->v, list->n, sizeof *list->v, row_by_speaker);
    hd_who_row *sc = calloc(list->n ? list->n : 1, sizeof *sc);
    if (!sc)
        return -1;
    size_t n_sc = 0;
    for (size_t i = 0; i < list->n; i++) {
        const hd_stmt_row *r = &list->v[i];
        /* people and organisations by name: not "(unknown)", nor a description such as
         * "analysts" or "the company", which lumps many speakers into one row */
        if (!strcmp(r->speaker, "(unknown)") || !named(r->speaker)) {
            (*unnamed)++;
            continue;
        }
        if (!n_sc || strcmp(sc[n_sc - 1].name, r->speaker))
            sc[n_sc++] = (hd_who_row){r->speaker, 0, NULL, NULL};
        hd_who_row *s = &sc[n_sc - 1];
        s->n++;
        if (*r->date && (!s->first || strcmp(r->date, s->first) < 0))
            s->first = r->date;
        if (*r->date && (!s->last || strcmp(r->date, s->last) > 0))
            s->last = r->date;
    }
    if (n_sc)
        qsort(sc, n_sc, sizeof *sc, who_by_count);
    *out = sc;
    *n = n_sc;
    return 0;
}

void hd_cli_who_json(FILE *f, const hd_who_row *row)
{
    fputs("{\"speaker\":", f);
    hd_json_strz(f, row->name);
    fprintf(f, ",\"statements\":%zu,\"first\":", row->n);
    hd_json_strz(f, row->first);
    fputs(",\"last\":", f);
    hd_json_strz(f, row->last);
    fputc('}', f);
}
