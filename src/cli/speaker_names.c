/* SPDX-License-Identifier: MIT
 *
 * speaker_names.c — which speaker names are one speaker: a several-word query matches the
 * names that end with its words ("Donald Trump" finds "Donald J. Trump", not "Donald Trump
 * Jr."), and across articles a surname joins the one full name that ends with it, a middle
 * initial the plain form. Rows' speaker names in → rows kept, or renamed. Caller:
 * statements_cli.c. Public API only.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/statements_cli.h"
#include "cli/statements_int.h"

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

int hd_cli_speaker_matches(const char *name, const char *query)
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

/* The distinct person-like speaker names of the list into names (sorted); their count. */
static size_t person_names(const hd_stmt_list *list, const char **names)
{
    size_t nn = 0;
    for (size_t i = 0; i < list->n; i++)
        if (person_like(list->v[i].speaker))
            names[nn++] = list->v[i].speaker;
    qsort(names, nn, sizeof *names, by_str);
    size_t u = 0;
    for (size_t i = 0; i < nn; i++)
        if (!u || strcmp(names[u - 1], names[i]))
            names[u++] = names[i];
    return u;
}

/* How many word suffixes the names can have at most: one per space. */
static size_t suffix_cap(const char *const *names, size_t nn)
{
    size_t cap = 0;
    for (size_t i = 0; i < nn; i++)
        for (const char *p = names[i]; *p; p++)
            cap += *p == ' ';
    return cap;
}

/* Every word suffix of every name into t, sorted; their count. */
static size_t suffix_table(const char *const *names, size_t nn, suffix_ent *t)
{
    size_t n = 0;
    for (size_t i = 0; i < nn; i++)
        for (const char *p = names[i]; *p; p++)
            if (*p == ' ' && p[1])
                t[n++] = (suffix_ent){p + 1, i};
    qsort(t, n, sizeof *t, by_suffix);
    return n;
}

/* The name names[i] joins (its index), from the n entries of the suffix table t; i when none. */
static size_t full_name(const char *const *names, const suffix_ent *t, size_t n, size_t i)
{
    if (strchr(names[i], ' '))
        return i; /* a full name stays as written: titles in front are not more of it */
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
    return chain ? best : i;
}

/* Give each person-like row the name its own joins (up[k] for names[k]). */
static void rename_rows(hd_stmt_list *list, const char *const *names, size_t nn, const size_t *up)
{
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
}

/* One person across articles: an article that names someone only by surname ("Khamenei")
 * and one that gives the full name ("Ali Khamenei") meet at the full name. Among the
 * person-like speaker names of the list, a one-word name takes the shortest longer name ending
 * with it when every other such name ends with that one too ("Baker" -> "James Baker", also with
 * "Treasury Secretary James Baker" about); two different full names ("Bill Clinton", "Hillary
 * Clinton") leave it as written. Organisation-like names (lower-case words) never merge.
 * Every word suffix of every name goes in one sorted table: O(n log n). */
void hd_cli_merge_speakers(hd_stmt_list *list)
{
    const char **names = malloc((list->n ? list->n : 1) * sizeof *names);
    if (!names)
        return; /* names then stay as written: correct, only less merged */
    size_t nn = person_names(list, names);
    size_t cap = suffix_cap(names, nn);
    suffix_ent *t = malloc((cap ? cap : 1) * sizeof *t);
    size_t *up = malloc((nn ? nn : 1) * sizeof *up);
    if (!t || !up) {
        free(names);
        free(t);
        free(up);
        return;
    }
    size_t n = suffix_table(names, nn, t);
    for (size_t i = 0; i < nn; i++)
        up[i] = full_name(names, t, n, i);
    merge_initials(list, names, nn, up);
    rename_rows(list, names, nn, up);
    free(up);
    free(t);
    free(names);
}
