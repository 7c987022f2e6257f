/* SPDX-License-Identifier: MIT
 *
 * lexicon.c — loads the word lists the extract stage uses: the editable data files shipped in
 * data/ (speech verbs, roles, titles, role modifiers, speaker nouns, organisation and place
 * cues, demonyms, function words) and country / region names from Debian's iso-codes JSON
 * (parsed with jansson). Keys are stored ASCII-lowercased in open-addressing hash sets.
 *
 * Called by src/lib/pipeline.c once per extractor; the result is read-only and shared.
 */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fs.h"
#include "base/mem.h"
#include "extract/extract_int.h"
#include "extract/extract_config.h"

#define ISO_DIR "/usr/share/iso-codes/json"

static inline unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline uint64_t key_hash(const char *k, size_t n)
{
    return lx_hash(k, n, n);
}

static inline int key_eq(const char *stored, const char *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)stored[i] != fold((unsigned char)k[i]))
            return 0;
    return 1;
}

static void set_free(lx_set *s)
{
    hd_free(s->hash);
    hd_free(s->off);
    hd_free(s->len);
    hd_free(s->val);
    hd_free(s->pool);
    hd_free(s->bloom);
    memset(s, 0, sizeof *s);
}

static int set_grow(lx_set *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 256;
    lx_set t = {0};
    t.cap = ncap;
    t.hash = hd_new0(uint64_t, ncap);
    t.off = hd_new0(uint32_t, ncap);
    t.len = hd_new0(uint16_t, ncap);
    t.val = hd_new0(uint32_t, ncap);
    if (!t.hash || !t.off || !t.len || !t.val) {
        set_free(&t);
        return -1;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->hash[i])
            continue;
        size_t j = s->hash[i] & (ncap - 1);
        while (t.hash[j])
            j = (j + 1) & (ncap - 1);
        t.hash[j] = s->hash[i];
        t.off[j] = s->off[i];
        t.len[j] = s->len[i];
        t.val[j] = s->val[i];
    }
    hd_free(s->hash);
    hd_free(s->off);
    hd_free(s->len);
    hd_free(s->val);
    s->hash = t.hash;
    s->off = t.off;
    s->len = t.len;
    s->val = t.val;
    s->cap = ncap;
    return 0;
}

static size_t set_find(const lx_set *s, const char *k, size_t n, uint64_t h)
{
    size_t j = h & (s->cap - 1);
    while (s->hash[j]) {
        if (s->hash[j] == h && s->len[j] == n && key_eq(s->pool + s->off[j], k, n))
            return j;
        j = (j + 1) & (s->cap - 1);
    }
    return j;
}

/* Add key (lowercased); an existing key keeps its first value. Returns 0 or -1 (OOM). */
static int set_add(lx_set *s, const char *k, size_t n, uint32_t val)
{
    if (n > 1 && k[n - 1] == '.')
        n--; /* as lookups: "u.s." is found as "U.S." and "U.S" */
    if (n == 0 || n > 200)
        return 0;
    if ((s->n + 1) * 2 > s->cap && set_grow(s) != 0)
        return -1;
    uint64_t h = key_hash(k, n);
    size_t j = set_find(s, k, n, h);
    if (s->hash[j])
        return 0;
    if (s->pool_len + n > s->pool_cap) {
        size_t nc = s->pool_cap ? s->pool_cap * 2 : 4096;
        while (nc < s->pool_len + n)
            nc *= 2;
        char *p = hd_realloc(s->pool, nc);
        if (!p)
            return -1;
        s->pool = p;
        s->pool_cap = nc;
    }
    for (size_t i = 0; i < n; i++)
        s->pool[s->pool_len + i] = (char)fold((unsigned char)k[i]);
    s->hash[j] = h;
    s->off[j] = (uint32_t)s->pool_len;
    s->len[j] = (uint16_t)n;
    s->val[j] = val;
    s->pool_len += n;
    s->n++;
    if (n > s->max_len)
        s->max_len = n;
    return 0;
}

static void bloom_bits(uint64_t h, uint32_t *a, uint32_t *b)
{
    *a = (uint32_t)h & (LX_BLOOM_BITS - 1);
    *b = (uint32_t)(h >> 40) & (LX_BLOOM_BITS - 1);
}

/* Fill s->bloom from the keys of s. Returns 0 or -1 (OOM). */
static int bloom_build(lx_set *s)
{
    s->bloom = hd_new0(uint64_t, LX_BLOOM_BITS / 64);
    if (!s->bloom)
        return -1;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->hash[i])
            continue;
        uint32_t a, b;
        bloom_bits(s->hash[i], &a, &b);
        s->bloom[a >> 6] |= 1ULL << (a & 63);
        s->bloom[b >> 6] |= 1ULL << (b & 63);
    }
    return 0;
}

uint32_t hd_ex_lx_get(const lx_set *s, const char *key, size_t n)
{
    if (n > 1 && key[n - 1] == '.')
        n--;
    if (!s->cap || n == 0 || n > s->max_len)
        return 0;
    return lx_get_hashed(s, key, n, key_hash(key, n));
}

/* OR bits into the value of key (adding it). */
static int set_or(lx_set *s, const char *k, size_t n, uint32_t bits)
{
    if (n == 0 || n > 200)
        return 0;
    if ((s->n + 1) * 2 > s->cap && set_grow(s) != 0)
        return -1;
    uint64_t h = key_hash(k, n);
    size_t j = set_find(s, k, n, h);
    if (s->hash[j]) {
        s->val[j] |= bits;
        return 0;
    }
    return set_add(s, k, n, bits);
}

/* Merge the one-word keys of src into words with `bit` (verbs also carry their class). */
static int merge_words(lx_set *words, const lx_set *src, uint32_t bit, int is_verb)
{
    for (size_t i = 0; i < src->cap; i++) {
        if (!src->hash[i])
            continue;
        const char *k = src->pool + src->off[i];
        size_t n = src->len[i];
        if (memchr(k, ' ', n))
            continue;
        uint32_t v = bit | (is_verb ? src->val[i] << 24 : 0);
        if (set_or(words, k, n, v) != 0)
            return -1;
    }
    return 0;
}

static int role_ends(lx_set *words, const lx_set *roles)
{
    for (size_t i = 0; i < roles->cap; i++) {
        if (!roles->hash[i])
            continue;
        const char *k = roles->pool + roles->off[i];
        size_t n = roles->len[i], a = n;
        while (a > 0 && k[a - 1] != ' ')
            a--;
        if (set_or(words, k + a, n - a, LW_ROLE_END) != 0)
            return -1;
    }
    return 0;
}

/* LW_ROLE_START on the first word of every role phrase of two words or more. A token is
 * looked up without a trailing '.', so the word is too: the bit may be set on a word that
 * starts no phrase (a filter before the phrase lookup), never missing from one that does. */
static int role_starts(lx_set *words, const lx_set *roles)
{
    for (size_t i = 0; i < roles->cap; i++) {
        if (!roles->hash[i])
            continue;
        const char *k = roles->pool + roles->off[i];
        const char *sp = memchr(k, ' ', roles->len[i]);
        if (!sp)
            continue;
        size_t n = (size_t)(sp - k);
        if (n > 1 && k[n - 1] == '.')
            n--;
        if (set_or(words, k, n, LW_ROLE_START) != 0)
            return -1;
    }
    return 0;
}

static int add_builtin(lx_set *words, const char *const *list, uint32_t bit)
{
    for (int i = 0; list[i]; i++)
        if (set_or(words, list[i], strlen(list[i]), bit) != 0)
            return -1;
    return 0;
}

/* Audiences and outlets that a listener after "told" is named by ("the Senate Budget
 * Committee", "BBC Radio 4's Today programme"); reported.c tells the two kinds apart. */
static const char *const builtin_listen[] = {
    "committee", "subcommittee", "conference", "meeting",    "panel",     "hearing",     "forum",
    "session",   "audience",     "convention", "rally",      "gathering", "briefing",    "seminar",
    "symposium", "assembly",     "council",    "parliament", "congress",  "delegation",  "magazine",
    "newspaper", "paper",        "daily",      "weekly",     "agency",    "broadcaster", "network",
    "channel",   "station",      "television", "radio",      "website",   "outlet",      "tabloid",
    "programme", "program",      "show",       "summit",     NULL};

static const char *const builtin_adv[] = {
    "also",         "has",        "have",       "had",         "was",          "were",
    "is",           "are",        "would",      "will",        "could",        "did",
    "does",         "do",         "not",        "then",        "later",        "earlier",
    "previously",   "once",       "again",      "further",     "recently",     "separately",
    "both",         "all",        "already",    "still",       "just",         "only",
    "never",        "often",      "always",     "even",        "first",        "too",
    "himself",      "herself",    "themselves", "itself",      "been",         "may",
    "might",        "should",     "can",        "repeatedly",  "flatly",       "reportedly",
    "subsequently", "ever",       "in",         "turn",        "long",         "since",
    "however",      "meanwhile",  "though",     "instead",     "nevertheless", "privately",
    "publicly",     "twice",      "so",         "much",        "now",          "initially",
    "originally",   "openly",     "officially", "formally",    "explicitly",   "specifically",
    "consistently", "frequently", "apparently", "immediately", "quickly",      "here",
    "there",        NULL};
static const char *const builtin_det[] = {"the",   "a",    "an",      "his",     "her",   "its",
                                          "their", "this", "that",    "another", "one",   "two",
                                          "three", "some", "several", "many",    "other", NULL};
static const char *const builtin_pron[] = {"he", "she", "they", "it", "we", "i", NULL};
static const char *const builtin_notnoun[] = {
    "is",   "was",  "are",   "were",  "be",   "been",  "has",    "have", "had",   "do",
    "does", "did",  "will",  "would", "can",  "could", "should", "may",  "might", "must",
    "not",  "who",  "which", "what",  "when", "where", "why",    "how",  "than",  "there",
    "here", "also", "now",   "then",  "and",  "or",    NULL};

static const char *const builtin_conn[] = {"of",  "de",  "bin", "al", "von",   "van",   "da",
                                           "del", "la",  "le",  "du", "el",    "der",   "the",
                                           "des", "dos", "das", "di", "della", "degli", NULL};

/* Words whose period is their own, not a sentence's end. Titles written out ("Sister",
 * "Father", "Lord") are not among them: "his sister. But …" ends a sentence; a title with no
 * vowel ("Mr", "Dr", "Sgt") is an abbreviation wherever it is listed. */
static const char *const builtin_abbr[] = {
    "jan",  "feb",  "mar",  "apr",  "aug",  "sep", "sept", "oct",  "nov",    "dec", "jr",   "sr",
    "st",   "inc",  "corp", "ltd",  "co",   "no",  "vs",   "etc",  "mt",     "ft",  "ave",  "dept",
    "univ", "gov",  "sen",  "rep",  "gen",  "col", "lt",   "prof", "rev",    "maj", "capt", "adm",
    "hon",  "cmdr", "fr",   "supt", "insp", "mme", "atty", "msgr", "messrs", NULL};

/* The legal form that ends a company's name: such a name runs on over "and", "&" and a
 * possessive ("Standard and Poor's Corp"), which end any other name. */
static const char *const builtin_firm[] = {
    "inc",  "corp",       "co",       "ltd",        "plc",  "llc", "lp",       "ag",
    "sa",   "nv",         "gmbh",     "spa",        "bv",   "cie", "holdings", "group",
    "bros", "industries", "partners", "associates", "sons", NULL};
static const char *const builtin_time[] = {
    "january",  "february", "march",    "april",  "may", "june", "july",   "august",  "september",
    "october",  "november", "december", "jan",    "feb", "mar",  "apr",    "jun",     "jul",
    "aug",      "sep",      "sept",     "oct",    "nov", "dec",  "monday", "tuesday", "wednesday",
    "thursday", "friday",   "saturday", "sunday", "gmt", "utc",  "est",    "edt",     "cst",
    "cdt",      "pst",      "pdt",      "bst",    "cet", NULL};

/* What may open an adverbial between a cue and its clause ("said on Tuesday that",
 * "said in a statement"): hd_ex_adverbial_start. */
static const char *const builtin_advb[] = {
    "on",      "in",        "at",       "during",  "late",     "early",     "earlier", "last",
    "this",    "after",     "before",   "to",      "via",      "from",      "while",   "when",
    "citing",  "according", "by",       "through", "recently", "yesterday", "today",   "monday",
    "tuesday", "wednesday", "thursday", "friday",  "saturday", "sunday",    "adding",  "referring",
    "without", "as",        "of",       NULL};

static int build_words(hd_lexicon *lx)
{
    lx_set *w = &lx->words;
    return merge_words(w, &lx->verbs, LW_VERB, 1) || merge_words(w, &lx->roles, LW_ROLE, 0) ||
           merge_words(w, &lx->titles, LW_TITLE, 0) || merge_words(w, &lx->mods, LW_MOD, 0) ||
           merge_words(w, &lx->snouns, LW_SNOUN, 0) || merge_words(w, &lx->orgs, LW_ORG, 0) ||
           merge_words(w, &lx->insts, LW_INST, 0) || merge_words(w, &lx->pcues, LW_PCUE, 0) ||
           merge_words(w, &lx->demonyms, LW_DEMONYM, 0) || merge_words(w, &lx->func, LW_FUNC, 0) ||
           add_builtin(w, builtin_adv, LW_ADV) || add_builtin(w, builtin_det, LW_DET) ||
           add_builtin(w, builtin_pron, LW_PRON) || add_builtin(w, builtin_notnoun, LW_NOTNOUN) ||
           add_builtin(w, builtin_conn, LW_CONN) || add_builtin(w, builtin_abbr, LW_ABBR) ||
           set_or(w, "according", 9, LW_ACC) || add_builtin(w, builtin_time, LW_TIME) ||
           role_ends(w, &lx->roles) || role_starts(w, &lx->roles) ||
           add_builtin(w, builtin_advb, LW_ADVB) || add_builtin(w, builtin_firm, LW_FIRM) ||
           add_builtin(w, builtin_listen, LW_LISTEN);
}

static unsigned count_words(const char *k, size_t n)
{
    unsigned w = 1;
    for (size_t i = 0; i < n; i++)
        w += k[i] == ' ';
    return w;
}

/* Read a data file: one entry a line, '#' comments. With `split`, the first word is the key
 * and the next character the value (speech verbs); otherwise the whole trimmed line is the
 * key and the value is its word count. */
static hd_rc load_list(const char *dir, const char *name, lx_set *s, int split, unsigned *maxw,
                       hd_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    hd_buf b;
    hd_buf_init(&b);
    hd_rc rc = hd_fs_read_all(path, 16u << 20, &b, err);
    if (rc != HD_OK) {
        hd_buf_done(&b);
        return rc;
    }
    const char *p = b.p ? b.p : "", *end = p + b.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *ls = p;
        p = nl ? nl + 1 : end;
        while (ls < le && isspace((unsigned char)*ls))
            ls++;
        while (le > ls && isspace((unsigned char)le[-1]))
            le--;
        if (ls == le || *ls == '#')
            continue;
        size_t n = (size_t)(le - ls);
        uint32_t val;
        if (split) {
            const char *sp = memchr(ls, ' ', n);
            val = sp && sp + 1 < le ? (unsigned char)sp[1] : VC_SPEECH;
            n = sp ? (size_t)(sp - ls) : n;
        } else {
            val = count_words(ls, n);
            if (maxw && val > *maxw)
                *maxw = val;
        }
        if (set_add(s, ls, n, val) != 0) {
            hd_buf_done(&b);
            return hd_err_set(err, HD_ENOMEM, "out of memory loading %s", path);
        }
    }
    hd_buf_done(&b);
    return HD_OK;
}

/* Demonyms: "<word...> <Country...>"; we only need the adjective (the words before the first
 * capitalised word). */
static hd_rc load_demonyms(const char *dir, hd_lexicon *lx, hd_err *err)
{
    lx_set *s = &lx->demonyms;
    char path[4096];
    snprintf(path, sizeof path, "%s/demonyms.txt", dir);
    hd_buf b;
    hd_buf_init(&b);
    hd_rc rc = hd_fs_read_all(path, 16u << 20, &b, err);
    if (rc != HD_OK) {
        hd_buf_done(&b);
        return rc;
    }
    const char *p = b.p ? b.p : "", *end = p + b.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end, *ls = p;
        p = nl ? nl + 1 : end;
        if (ls == le || *ls == '#')
            continue;
        const char *k = ls;
        while (k < le && !isupper((unsigned char)*k))
            k++;
        const char *country = k;
        while (k > ls && k[-1] == ' ')
            k--;
        /* the value is 1 + the offset of the country's name in lx->countries */
        size_t cn = (size_t)(le - country);
        while (cn > 0 && (country[cn - 1] == ' ' || country[cn - 1] == '\r'))
            cn--;
        if (lx->countries_len + cn + 1 > lx->countries_cap) {
            size_t nc = lx->countries_cap ? lx->countries_cap * 2 : 4096;
            while (nc < lx->countries_len + cn + 1)
                nc *= 2;
            char *np = hd_realloc(lx->countries, nc);
            if (!np) {
                hd_buf_done(&b);
                return hd_err_set(err, HD_ENOMEM, "out of memory");
            }
            lx->countries = np;
            lx->countries_cap = nc;
        }
        uint32_t off = (uint32_t)lx->countries_len;
        memcpy(lx->countries + off, country, cn);
        lx->countries[off + cn] = 0;
        lx->countries_len += cn + 1;
        if (set_add(s, ls, (size_t)(k - ls), cn ? off + 1 : 0) != 0) {
            hd_buf_done(&b);
            return hd_err_set(err, HD_ENOMEM, "out of memory");
        }
    }
    hd_buf_done(&b);
    return HD_OK;
}

static int add_json_name(lx_set *s, json_t *o, const char *field)
{
    const char *v = json_string_value(json_object_get(o, field));
    if (!v)
        return 0;
    size_t n = strlen(v);
    const char *comma = strstr(v, ", ");
    /* "Korea, Republic of" style names: also keep the part before the comma. */
    if (set_add(s, v, n, 1) != 0)
        return -1;
    if (comma && set_add(s, v, (size_t)(comma - v), 1) != 0)
        return -1;
    return 0;
}

/* The "name", "common_name" and "official_name" values of iso_3166-1.json, as add_json_name
 * keeps them, picked out without building a jansson tree (the file is flat: one object per
 * country, one field a line). Only for text without a backslash, so no value is escaped.
 * Returns 0, -1 when the text does not look like the file (the caller parses it with
 * jansson), or -2 on out of memory. */
static int scan_names(const hd_buf *b, lx_set *s)
{
    static const char *const keys[] = {"\"name\": \"", "\"common_name\": \"",
                                       "\"official_name\": \"", NULL};
    const char *p = b->p, *end = b->p + b->len;
    int found = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end, *v = NULL;
        while (p < le && (*p == ' ' || *p == '\t'))
            p++;
        for (int k = 0; keys[k] && !v; k++) {
            size_t kl = strlen(keys[k]);
            if ((size_t)(le - p) > kl && memcmp(p, keys[k], kl) == 0)
                v = p + kl;
        }
        if (v) {
            const char *q = memchr(v, '"', (size_t)(le - v));
            if (!q)
                return -1;
            size_t n = (size_t)(q - v);
            const char *comma = memmem(v, n, ", ", 2);
            if (set_add(s, v, n, 1) != 0 || (comma && set_add(s, v, (size_t)(comma - v), 1)))
                return -2;
            found = 1;
        }
        p = nl ? nl + 1 : end;
    }
    return found ? 0 : -1;
}

static hd_rc load_iso(const char *file, const char *key, lx_set *s, int need, hd_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ISO_DIR, file);
    /* read the file in one go: json_load_file reads it a character at a time */
    hd_buf b;
    hd_buf_init(&b);
    hd_err ferr = {0};
    if (hd_fs_read_all(path, 64u << 20, &b, &ferr) != HD_OK) {
        hd_buf_done(&b);
        if (!need)
            return HD_OK;
        if (ferr.code == HD_ENOMEM)
            return hd_err_set(err, HD_ENOMEM, "out of memory reading %s", path);
        return hd_err_setw(err, HD_EIO, path, "cannot read iso-codes: %s", ferr.msg);
    }
    int scanned = b.p && !memchr(b.p, '\\', b.len) ? scan_names(&b, s) : -1;
    if (scanned != -1) {
        hd_buf_done(&b);
        return scanned ? hd_err_set(err, HD_ENOMEM, "out of memory loading %s", path) : HD_OK;
    }
    json_error_t je;
    json_t *root = json_loadb(b.p ? b.p : "", b.len, 0, &je);
    hd_buf_done(&b);
    if (!root) {
        if (!need)
            return HD_OK;
        return hd_err_setw(err, HD_EIO, path, "cannot parse iso-codes: %s", je.text);
    }
    json_t *arr = json_object_get(root, key);
    size_t i;
    json_t *o;
    int bad = 0;
    json_array_foreach(arr, i, o)
    {
        if (add_json_name(s, o, "name") || add_json_name(s, o, "common_name") ||
            add_json_name(s, o, "official_name"))
            bad = 1;
    }
    json_decref(root);
    return bad ? hd_err_set(err, HD_ENOMEM, "out of memory loading %s", path) : HD_OK;
}

/* Region (subdivision) names from iso_3166-2.json. The file holds some 5,000 entries; building
 * a jansson tree of it costs ~40 ms per extractor, so its "name" values are picked out by a
 * minimal scanner instead (the file is flat: one object per subdivision, no escapes in names;
 * a value with a backslash is skipped). A missing file is not an error. */
static hd_rc load_regions(const char *file, lx_set *s, hd_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ISO_DIR, file);
    hd_buf b;
    hd_buf_init(&b);
    hd_err ferr = {0};
    if (hd_fs_read_all(path, 64u << 20, &b, &ferr) != HD_OK) {
        hd_buf_done(&b);
        return ferr.code == HD_ENOMEM ? hd_err_set(err, HD_ENOMEM, "out of memory") : HD_OK;
    }
    static const char key[] = "\"name\": \"";
    const char *p = b.p ? b.p : "", *end = p + b.len;
    while ((p = memmem(p, (size_t)(end - p), key, sizeof key - 1)) != NULL) {
        p += sizeof key - 1;
        const char *q = p;
        while (q < end && *q != '"' && *q != '\\' && *q != '\n')
            q++;
        if (q < end && *q == '"' && set_add(s, p, (size_t)(q - p), 1) != 0) {
            hd_buf_done(&b);
            return hd_err_set(err, HD_ENOMEM, "out of memory loading %s", path);
        }
        p = q;
    }
    hd_buf_done(&b);
    return HD_OK;
}

static const char *default_dir(void)
{
    const char *e = getenv("HERALD_DATA");
    return e && *e ? e : HD_DATADIR;
}

/* Bare presents ('b'): noted in lx->bare, then speech verbs like any other. */
static int note_bare(hd_lexicon *lx)
{
    lx_set *v = &lx->verbs;
    for (size_t j = 0; j < v->cap; j++) {
        if (!v->hash[j] || v->val[j] != VC_BARE)
            continue;
        if (set_add(&lx->bare, v->pool + v->off[j], v->len[j], 1) != 0)
            return -1;
        v->val[j] = VC_SPEECH;
    }
    return 0;
}

hd_rc hd_lexicon_load(const char *datadir, hd_lexicon **out, hd_err *err)
{
    *out = NULL;
    const char *dir = datadir ? datadir : default_dir();
    hd_lexicon *lx = hd_new0(hd_lexicon, 1);
    if (!lx)
        return hd_err_set(err, HD_ENOMEM, "out of memory");
    hd_rc rc;
    if ((rc = load_list(dir, "speech_verbs.txt", &lx->verbs, 1, NULL, err)) != HD_OK ||
        (rc = load_list(dir, "roles.txt", &lx->roles, 0, &lx->max_role_words, err)) != HD_OK ||
        (rc = load_list(dir, "titles.txt", &lx->titles, 0, NULL, err)) != HD_OK ||
        (rc = load_list(dir, "role_modifiers.txt", &lx->mods, 0, NULL, err)) != HD_OK ||
        (rc = load_list(dir, "speaker_nouns.txt", &lx->snouns, 0, NULL, err)) != HD_OK ||
        (rc = load_list(dir, "org_cues.txt", &lx->orgs, 0, NULL, err)) != HD_OK ||
        (rc = load_list(dir, "institutions.txt", &lx->insts, 0, NULL, err)) != HD_OK ||
        (rc = load_list(dir, "place_cues.txt", &lx->pcues, 0, NULL, err)) != HD_OK ||
        (rc = load_list(dir, "function_words.txt", &lx->func, 0, NULL, err)) != HD_OK ||
        (rc = load_demonyms(dir, lx, err)) != HD_OK ||
        (rc = load_iso("iso_3166-1.json", "3166-1", &lx->places, 1, err)) != HD_OK ||
        (rc = load_regions("iso_3166-2.json", &lx->places, err)) != HD_OK) {
        hd_lexicon_free(lx);
        return rc;
    }
    if (note_bare(lx) != 0 || build_words(lx) != 0 || bloom_build(&lx->words) != 0 ||
        bloom_build(&lx->places) != 0) {
        hd_lexicon_free(lx);
        return hd_err_set(err, HD_ENOMEM, "out of memory building the lexicon");
    }
    for (size_t j = 0; j < lx->words.cap; j++) {
        unsigned char c = (unsigned char)lx->words.pool[lx->words.off[j]];
        if (lx->words.hash[j] && c >= '0' && c <= '9')
            lx->digit_keys = 1;
    }
    *out = lx;
    return HD_OK;
}

void hd_lexicon_free(hd_lexicon *lx)
{
    if (!lx)
        return;
    set_free(&lx->verbs);
    set_free(&lx->bare);
    set_free(&lx->roles);
    set_free(&lx->titles);
    set_free(&lx->mods);
    set_free(&lx->snouns);
    set_free(&lx->orgs);
    set_free(&lx->insts);
    set_free(&lx->pcues);
    set_free(&lx->places);
    set_free(&lx->demonyms);
    set_free(&lx->func);
    set_free(&lx->words);
    hd_free(lx->countries);
    hd_free(lx);
}
