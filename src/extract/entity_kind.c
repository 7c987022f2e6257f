/* SPDX-License-Identifier: MIT
 *
 * entity_kind.c — what kind of name a run of capitalised words is.
 *
 *   tokens [a,b) -> place? organisation? shaped like a person's name? speaking alone?
 *
 * The tests read the lexicon bits of the words (iso-codes countries and regions, place and
 * organisation cue words, legal forms) and how the article writes a word elsewhere: a word it
 * also writes in lower case ("End Stocks" beside "stocks") is no part of a name, which
 * lower_words answers for every capitalised word in one pass. Called by entity_run.c,
 * entity_name.c and entity_single.c.
 */
#include <string.h>

#include "base/mem.h"
#include "extract/entity_int.h"

/* lx_hash of token k's word over [s, stem_e) with its low two bits cleared, for the words the
 * tokenizer kept no hash of (rare: out of line, so that the loops keep their registers). */
static __attribute__((noinline)) uint64_t word_hash_slow(const xctx *x, uint32_t k)
{
    return lx_hash(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, x->n - x->t[k].s) & ~3ULL;
}

/* The same hash, the tokenizer's (x->wh) when it kept one. */
static inline uint64_t word_hash(const xctx *x, uint32_t k)
{
    uint64_t v = x->wh[k];
    return v & WH_HASHED ? v & ~3ULL : word_hash_slow(x, k);
}

/* Bit of a 4096-bit filter for a word hash: high bits, which the table's slot number does
 * not use. Big enough that an article's few hundred capitalised words leave it sparse and the
 * test on each lower-case word is predicted. */
static inline unsigned want_bit(uint64_t h)
{
    return (unsigned)(h >> 52);
}

/* Fill x->lower (lower_elsewhere's answers). Only capitalised words are ever asked about
 * (the x->caps list): their hashes are the keys, bit 0 telling whether the article also
 * writes the word in lower case. One pass over the tokenizer's tags and hashes (x->wh), not
 * the tokens; a filter of the keys' hashes passes over most lower-case words without a
 * probe. */
static int lower_words(xctx *x)
{
    uint64_t want[64] = {0};
    size_t cap = 16;
    while (cap < (size_t)x->n_cap * 2)
        cap *= 2;
    x->lower = hd_arena_alloc(x->a, cap * sizeof *x->lower);
    if (!x->lower)
        return -1;
    memset(x->lower, 0, cap * sizeof *x->lower);
    x->lower_cap = cap;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        uint32_t k = x->caps[c];
        uint64_t h = word_hash(x, k);
        unsigned bit = want_bit(h);
        want[bit >> 6] |= 1ULL << (bit & 63);
        size_t j = h & (cap - 1);
        while (x->lower[j] && (x->lower[j] & ~3ULL) != h)
            j = (j + 1) & (cap - 1);
        if (!x->lower[j])
            x->lower[j] = h ? h : 4;
        if (!(x->t[k].flags & TF_SSTART))
            x->lower[j] |= 2; /* bit 1: capitalised inside a sentence */
    }
    const uint64_t *wh = x->wh;
    for (uint32_t k = 0; k < x->nt; k++) {
        uint64_t v = wh[k];
        if ((v & (WH_LOWER | WH_HASHED)) == WH_LOWER)
            v = word_hash_slow(x, k) | WH_LOWER; /* rare */
        /* no branch on the tag itself: news text mixes words and the rest too evenly for a
         * predictor; the filter's answer, for lower-case words only, is almost always no */
        unsigned bit = want_bit(v);
        if (!((want[bit >> 6] >> (bit & 63)) & v & WH_LOWER))
            continue;
        uint64_t h = v & ~3ULL;
        for (size_t j = h & (cap - 1); x->lower[j]; j = (j + 1) & (cap - 1))
            if ((x->lower[j] & ~3ULL) == h) {
                x->lower[j] |= 1;
                break;
            }
    }
    return 0;
}

/* lower_words' bits for capitalised token a: 1 seen in lower case, 2 capitalised inside a
 * sentence. */
static unsigned case_bits(const xctx *x, uint32_t a)
{
    /* the answers are built on the first question of an article: a cache, filled through
     * the const pointer the type tests are given */
    if (!x->lower_cap && lower_words((xctx *)x) != 0) {
        ((xctx *)x)->oom = 1;
        return 0;
    }
    /* equal 64-bit hashes are taken as equal words, as in the lexicon */
    uint64_t h = word_hash(x, a);
    for (size_t j = h & (x->lower_cap - 1); x->lower[j]; j = (j + 1) & (x->lower_cap - 1))
        if ((x->lower[j] & ~3ULL) == h)
            return (unsigned)(x->lower[j] & 3);
    return 0;
}

/* Does the article also write token a's word in lower case ("company" beside a sentence's
 * "Company", "up" beside a table's "UP")? Then the capitals are not a name's. */
static int lower_elsewhere(const xctx *x, uint32_t a)
{
    return case_bits(x, a) & 1;
}

int hd_ex_lower_elsewhere(const xctx *x, uint32_t a)
{
    return lower_elsewhere(x, a);
}

/* Is the capitalised word a also written capitalised inside a sentence ("Terms were not
 * disclosed" opens a sentence only; "Parry" is a name wherever it stands)? */
static int cap_inside(const xctx *x, uint32_t a)
{
    return (case_bits(x, a) & 2) != 0;
}

/* A role that is also a common surname may end a name of two to four words after capitalised
 * words no lexicon knows ("Amy Pope", "Martin Luther King"; not "the King", "Foreign
 * Minister"). */
int hd_ex_surname_role_name(const xctx *x, uint32_t a, uint32_t b)
{
    static const char *const surname_roles[] = {"king",    "pope",   "bishop", "judge", "dean",
                                                "marshal", "knight", "major",  NULL};
    if (b < a + 2 || b > a + 4 || !tok_in(x, b - 1, surname_roles) || !(x->t[b - 1].flags & TF_CAP))
        return 0;
    /* the given names before it ("Martin Luther King") */
    for (uint32_t k = a; k + 1 < b; k++)
        if (!tok_word(x, k) || !(x->t[k].flags & TF_CAP) || (x->t[k].flags & TF_ALLCAPS) ||
            tok_has(x, k,
                    LW_ORG | LW_PCUE | LW_FUNC | LW_DEMONYM | LW_ROLE | LW_MOD | LW_TITLE |
                        LW_PLACE))
            return 0;
    return 1;
}

/* Is the name [a,b) shaped like a person's name? */
/* Words that end the names of things, never a person's: laws, plans, indexes, awards, wars
 * ("Tax Reform Act", "Fifth Amendment", "Nikkei Stock Average", "Special Drawing Rights",
 * "Export Enhancement Program", "Second World War"). */
static int thing_head(const xctx *x, uint32_t k)
{
    static const char *const head[] = {
        "act",       "amendment", "average", "index",  "rates", "rate",    "rights",   "program",
        "programme", "plan",      "treaty",  "accord", "war",   "awards",  "award",    "prize",
        "show",      "festival",  "report",  "system", "basin", "project", "doctrine", NULL};
    return tok_in(x, k, head);
}

/* Is token k the plural of a role ("MPs", "Senators", "Ministers")? A name ending with one
 * names a group ("Labour MPs", "Tory MPs"), not a person. */
static int plural_role(const xctx *x, uint32_t k)
{
    const xtok *t = &x->t[k];
    size_t n = t->stem_e - t->s;
    return n >= 3 && x->b[t->s + n - 1] == 's' &&
           hd_ex_lx_get(&x->lx->roles, x->b + t->s, n - 1) != 0;
}

int hd_ex_person_shaped(const xctx *x, uint32_t a, uint32_t b)
{
    return hd_ex_person_shaped_as(x, a, b, 0);
}

int hd_ex_person_shaped_as(const xctx *x, uint32_t a, uint32_t b, int common_words)
{
    if (b - a < 2 || b - a > 4 || thing_head(x, b - 1) || plural_role(x, b - 1))
        return 0;
    for (uint32_t k = a; k < b; k++) {
        const xtok *t = &x->t[k];
        if (k > a && k + 1 < b && tok_has(x, k, LW_CONN) && !(t->flags & TF_CAP) &&
            !tok_is(x, k, "of") && !tok_is(x, k, "the"))
            continue; /* "Sanne de Vries", "Osama bin Laden" */
        if (!tok_word(x, k) || (t->flags & (TF_ALLCAPS | TF_DIGIT)) || !(t->flags & TF_CAP))
            return 0;
        if (k + 1 < b && (t->flags & TF_POSS))
            return 0; /* "People's Daily": a possessive inside is no person's name */
        /* "white" modifies roles ("White House spokesman") and is a common surname: it may
         * end a two-word name ("Julian White", "Kelli White"), unlike the others ("Cairn
         * Energy", "Texas Health" are organisations) */
        if (k + 1 == b && hd_ex_surname_role_name(x, a, b))
            continue; /* "Amy Pope" */
        if (tok_has(x, k, LW_ORG | LW_PCUE | LW_FUNC | LW_DEMONYM | LW_ROLE) ||
            (tok_has(x, k, LW_MOD) && !(k + 1 == b && k > a && tok_is(x, k, "white"))))
            return 0;
        /* region names double as given names ("Paul", "Georgia"): only a surname that is a
         * place makes the name a place */
        if (k + 1 == b && tok_has(x, k, LW_PLACE))
            return 0;
        /* "End Stocks", "Offered Rate": the article writes the word in lower case too */
        if (!common_words && lower_elsewhere(x, k))
            return 0;
    }
    return 1;
}

/* Is the nationality word a a noun for a person ("the American said", "the Russian added")
 * rather than an adjective ("the American embassy") or the country? After a determiner, not
 * followed by a word it could describe, and not a plural of the nation ("the French"). */
int hd_ex_demonym_noun(const xctx *x, uint32_t a)
{
    if (!tok_has(x, a, LW_DEMONYM) || a == 0 || !tok_has(x, a - 1, LW_DET) ||
        !(tok_is(x, a - 1, "the") || tok_is(x, a - 1, "a") || tok_is(x, a - 1, "an")))
        return 0;
    /* "the French", "the Japanese", "the British" name the nation (its government, its side) */
    const char *w = x->b + x->t[a].s;
    size_t len = x->t[a].stem_e - x->t[a].s;
    if (len >= 3 && (memcmp(w + len - 3, "ese", 3) == 0 || memcmp(w + len - 2, "ch", 2) == 0 ||
                     memcmp(w + len - 2, "sh", 2) == 0))
        return 0;
    uint32_t n = a + 1;
    return n >= x->nt || !tok_word(x, n) ||
           tok_has(x, n, LW_VERB | LW_NOTNOUN | LW_ADV | LW_FUNC | LW_PRON);
}

int hd_ex_place_name(const xctx *x, uint32_t a, uint32_t b)
{
    if (b - a == 1 ? tok_has(x, a, LW_PLACE | LW_DEMONYM)
                   : b - a <= 6 && hd_ex_seq_get(x, &x->lx->places, a, b))
        return 1;
    /* an acronym that is no place before a place is a firm's arm there: "BP North America",
     * "IBM Europe" (not "U.S. Midwest", nor a dateline's "NEW YORK") */
    if (b - a >= 2 && (x->t[a].flags & TF_ALLCAPS) && !hd_ex_place_name(x, a, a + 1) &&
        hd_ex_place_name(x, a + 1, b))
        return 0;
    /* a place word ending or starting the name, unless an organisation word or a legal form
     * is in it ("San Francisco", "Gulf of Mexico"; not "Los Angeles Times", "Bank of America",
     * "Central Bureau of Statistics", "Prudential Insurance Co of America") */
    if (!tok_has(x, b - 1, LW_PCUE) && !tok_has(x, a, LW_PCUE))
        return 0;
    for (uint32_t k = a; k < b; k++)
        if (tok_has(x, k, LW_ORG) || firm_designator(x, k))
            return 0;
    return 1;
}

/* Is token a inside text set in capitals: the nearest words before and after it in its
 * sentence (numbers aside) are in capitals too ("NYSE COMPOSITE 168.38 UP 1.62")? */
static int shouted(const xctx *x, uint32_t a)
{
    int sides = 0, caps = 0;
    for (int dir = -1; dir <= 1; dir += 2) {
        uint32_t k = a;
        for (int step = 0; step < 3; step++) {
            if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= x->nt))
                break;
            k = dir < 0 ? k - 1 : k + 1;
            if (x->t[k].sent != x->t[a].sent || !tok_word(x, k))
                break;
            if (x->t[k].flags & TF_DIGIT)
                continue;
            sides++;
            caps += (x->t[k].flags & TF_ALLCAPS) != 0;
            break;
        }
    }
    return caps > 0 && caps == sides;
}

/* An all-capitals word that is no acronym of an organisation: with a digit (the "MAR8" of
 * wire datelines), a time zone or month ("GMT"), a function word, a label opening a sentence
 * ("NOTE: ..."), or a common word the article also writes in lower case ("UP"). */
static int caps_not_org(const xctx *x, uint32_t a)
{
    for (uint32_t i = x->t[a].s; i < x->t[a].stem_e; i++)
        if (x->b[i] >= '0' && x->b[i] <= '9')
            return 1;
    if (tok_has(x, a, LW_TIME | LW_FUNC | LW_ADV | LW_DET | LW_PRON))
        return 1;
    if ((x->t[a].flags & TF_SSTART) && tok_punct(x, a + 1, ':'))
        return 1;
    if (shouted(x, a))
        return 1;
    return lower_elsewhere(x, a);
}

/* A hyphenated word with an organisation word for a part: "Bank-Houston", "Air-India". */
static int hyphen_org(const xctx *x, uint32_t k)
{
    const char *w = x->b + x->t[k].s, *end = x->b + x->t[k].stem_e;
    const char *h = memchr(w, '-', (size_t)(end - w));
    if (!h)
        return 0;
    for (const char *p = w; p < end;) {
        const char *q = memchr(p, '-', (size_t)(end - p));
        if (!q)
            q = end;
        if (q > p && hd_ex_lx_get(&x->lx->orgs, p, (size_t)(q - p)))
            return 1;
        p = q + 1;
    }
    return 0;
}

int hd_ex_org_name(const xctx *x, uint32_t a, uint32_t b)
{
    if (tok_has(x, b - 1, LW_ORG) || tok_has(x, a, LW_ORG) || hyphen_org(x, b - 1) ||
        hyphen_org(x, a))
        return 1;
    /* "(the) Institute for Fiscal Studies": an organisation word before "for" */
    for (uint32_t k = a; k + 2 < b; k++)
        if (tok_has(x, k, LW_ORG) && tok_is(x, k + 1, "for") && (x->t[k].flags & TF_CAP))
            return 1;
    return b - a == 1 && (x->t[a].flags & TF_ALLCAPS) && !caps_not_org(x, a);
}

int hd_ex_sentence_cap_common(const xctx *x, uint32_t a)
{
    const xtok *t = &x->t[a];
    if (!(t->flags & TF_SSTART) || (t->flags & (TF_ALLCAPS | TF_DIGIT | TF_INQ)) ||
        tok_has(x, a,
                LW_TITLE | LW_ROLE | LW_MOD | LW_ORG | LW_PCUE | LW_PLACE | LW_DEMONYM | LW_INST))
        return 0;
    /* a compound in lower case after its hyphen ("Singer-guitarists Tom Johnston …"), which
     * names have not ("Jean-Pierre", "Smith-Jones") */
    for (uint32_t k = t->s + 1; k + 1 < t->stem_e; k++)
        if (x->b[k] == '-' && x->b[k + 1] >= 'a' && x->b[k + 1] <= 'z')
            return 1;
    return lower_elsewhere(x, a) && !cap_inside(x, a);
}

/* Is the unknown capitalised word a the subject of a speech verb right after it? Not a
 * lexicon word, not a lone letter, and at a sentence start not a common word merely
 * capitalised there ("Others said": the article writes "others" elsewhere). */
int hd_ex_speaking_name(const xctx *x, uint32_t a, int adverbs)
{
    static const char *const adv[] = {"also",       "later",      "earlier",    "previously",
                                      "recently",   "again",      "however",    "further",
                                      "repeatedly", "reportedly", "separately", "meanwhile",
                                      "still",      "privately",  "publicly",   NULL};
    uint32_t v = a + 1;
    for (int more = adverbs; more && v < a + 3 && tok_has(x, v, LW_ADV);) {
        /* "Parry also revealed", not "Terms were not" */
        more = tok_in(x, v, adv);
        v += more;
    }
    if (!tok_word(x, v) || (x->t[v].lex >> 24) != VC_SPEECH)
        return 0;
    if ((x->t[a].lex & 0xFFFFFF & ~(uint32_t)LW_LISTEN) || x->t[a].stem_e - x->t[a].s < 2 ||
        (x->t[a].flags & (TF_INQ | TF_DIGIT)))
        return 0;
    /* "Officials in Tehran said", "a spokesman for the Bundesbank in Frankfurt said": the
     * object of "in" is where the speaker is, not who speaks ("a spokesman at Anacomp", "a
     * statement from Salomon" may name the speaker's firm) */
    static const char *const where[] = {"in", "near", "outside", NULL};
    if (a > 0 && tok_in(x, a - 1, where))
        return 0;
    /* a sentence's first word speaking is a name when the article never writes it in lower
     * case; for the mentions before it also a name elsewhere inside a sentence */
    return !(x->t[a].flags & TF_SSTART) ||
           (!lower_elsewhere(x, a) && (!adverbs || cap_inside(x, a)));
}
