/* SPDX-License-Identifier: MIT
 *
 * entity.c — named entities of one article from runs of capitalised words.
 *
 *   xtok[] -> xent[] + per-token entity map + role bindings
 *
 * A run ("Iranian Supreme Leader Ayatollah Seyyed Ali Khamenei") is split at its rightmost
 * role word: what follows is the name (titles such as "Seyyed" stripped), what precedes holds
 * the roles, which are bound to the person so "the Leader" can find him later. A lowercase
 * role just before a run ("spokesman John Kirby") counts too. Names are then classified with
 * the lexicons: iso-codes countries and regions, place and organisation cue words, else a
 * person when it looks like one (two to four capitalised words none of which is a lexicon
 * word). One-word names are linked to a person with that surname after the first pass, so
 * "Khamenei" meets "Ali Khamenei" whichever comes first.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/mem.h"
#include "extract/extract_int.h"

static uint64_t fnv(const char *p, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

/* A small int map keyed by 64-bit hashes, in the arena. */
typedef struct imap {
    uint64_t *h;
    int32_t *v;
    size_t cap;
} imap;

static int imap_init(xctx *x, imap *m, size_t n)
{
    m->cap = 64;
    while (m->cap < n * 2)
        m->cap *= 2;
    m->h = hd_arena_alloc(x->a, m->cap * sizeof *m->h);
    m->v = hd_arena_alloc(x->a, m->cap * sizeof *m->v);
    if (!m->h || !m->v)
        return -1;
    memset(m->h, 0, m->cap * sizeof *m->h);
    return 0;
}

static int32_t *imap_slot(imap *m, uint64_t h, int create)
{
    h = h ? h : 1;
    size_t j = h & (m->cap - 1);
    while (m->h[j] && m->h[j] != h)
        j = (j + 1) & (m->cap - 1);
    if (!m->h[j]) {
        if (!create)
            return NULL;
        m->h[j] = h;
        m->v[j] = -1;
    }
    return &m->v[j];
}

typedef struct epass {
    imap names;    /* kind + name -> entity */
    imap surnames; /* last name token -> person entity */
    imap titled;   /* words the article writes after a title ("King" of "Mr King") */
    uint32_t *singles;
    uint32_t nsingles;
    uint32_t *heads; /* [a, b) pairs: pieces of title-case headlines, linked at the end */
    uint32_t nheads, cap_heads;
} epass;

static int cap_word(const xctx *x, uint32_t i)
{
    if (!tok_word(x, i) || !(x->t[i].flags & (TF_CAP | TF_ALLCAPS)) || (x->t[i].flags & TF_DIGIT))
        return 0;
    if (!(x->t[i].lex & LW_TIME))
        return !(x->t[i].flags & TF_SSTART) || !tok_pron_contraction(x, i);
    /* a day name is never part of a name ("Smith Tuesday said"); nor a time zone; but a
     * newspaper's name may open on one ("The Sunday Telegraph", "The Sunday Times") */
    size_t n = x->t[i].stem_e - x->t[i].s;
    if ((x->t[i].flags & TF_ALLCAPS) ||
        (n > 3 && strncasecmp(x->b + x->t[i].stem_e - 3, "day", 3) == 0))
        return i > 0 && i + 1 < x->nt && tok_is(x, i - 1, "the") && (x->t[i + 1].flags & TF_CAP) &&
               tok_has(x, i + 1, LW_ORG);
    /* a month name is a date ("New York May 5", "in September"), except inside a name
     * ("Theresa May said") */
    int next_digit = i + 1 < x->nt && (x->t[i + 1].flags & TF_DIGIT);
    int prev_cap = i > 0 && tok_word(x, i - 1) && (x->t[i - 1].flags & TF_CAP) &&
                   !(x->t[i - 1].lex & (LW_TIME | LW_FUNC));
    return prev_cap && !next_digit;
}

static int connector(const xctx *x, uint32_t i)
{
    /* "Institute for Fiscal Studies", "Centers for Disease Control", "National Institute on
     * Drug Abuse", "Council on Foreign Relations": "for" or "on" after a capitalised
     * organisation word ("the Commission on Monday" ends at the day, which joins no name) */
    if ((tok_is(x, i, "for") || tok_is(x, i, "on")) && !(x->t[i].flags & TF_CAP) && i > 0 &&
        (x->t[i - 1].flags & TF_CAP) && tok_has(x, i - 1, LW_ORG))
        return 1;
    if (!tok_has(x, i, LW_CONN) || (x->t[i].flags & TF_CAP))
        return 0;
    /* "the" only after "of": "of the Islamic Revolution" */
    return !tok_is(x, i, "the") || (i > 0 && tok_is(x, i - 1, "of"));
}

/* A legal form ending a company's name ("Inc", "Co", "AG"), capitalised. */
static int firm_designator(const xctx *x, uint32_t i)
{
    return tok_has(x, i, LW_FIRM) && (x->t[i].flags & (TF_CAP | TF_ALLCAPS));
}

static int amp(const xctx *x, uint32_t i)
{
    return i < x->nt && x->t[i].kind == TK_PUNCT && x->t[i].e == x->t[i].s + 1 &&
           x->b[x->t[i].s] == '&';
}

/* A run of capitalised words stopped at token j (after a possessive, or on "and", "&" or a
 * comma): the end of the company name it continues into, or 0 when it does not end with a
 * legal form within a few words. */
static uint32_t firm_tail(const xctx *x, uint32_t j)
{
    uint32_t k = j;
    if (tok_punct(x, k, ','))
        k++;
    for (; k < x->nt && k < j + 8; k++) {
        if (cap_word(x, k)) {
            if (firm_designator(x, k))
                return k + 1;
            continue;
        }
        if ((tok_is(x, k, "and") || amp(x, k)) && k + 1 < x->nt && cap_word(x, k + 1))
            continue;
        break;
    }
    return 0;
}

/* "the Securities and Exchange Commission", "the Food and Drug Administration": after "the",
 * one capitalised word, "and", and two or three more that end with an organisation word are
 * one name. Returns the end of that name, or 0. (Without "the", "Reagan and Congress" or
 * "Treasury and Federal Reserve officials" are two names.) */
static uint32_t savings_and_loan(const xctx *x, uint32_t i, uint32_t j);

static uint32_t org_and_tail(const xctx *x, uint32_t i, uint32_t j)
{
    uint32_t sl = savings_and_loan(x, i, j);
    if (sl)
        return sl;
    if (i < j && tok_is(x, i, "the"))
        i++; /* a sentence's "The" opens the run */
    else if (i == 0 || !tok_is(x, i - 1, "the"))
        return 0;
    if (j != i + 1 || (x->t[i].flags & TF_ALLCAPS))
        return 0; /* "the IMF and World Bank": an acronym is a name of its own */
    uint32_t k = j + 1;
    while (k < x->nt && k < j + 4 && cap_word(x, k))
        k++;
    for (uint32_t m = j + 1; m + 1 < k; m++)
        if (tok_has(x, m, LW_PLACE | LW_DEMONYM | LW_MOD))
            return 0; /* "the Treasury and Federal Reserve": two institutions */
    if (k - (j + 1) < 2 || (k < x->nt && cap_word(x, k)) || !tok_has(x, k - 1, LW_ORG) ||
        firm_designator(x, k - 1))
        return 0;
    return k;
}

/* "Federated Financial Savings and Loan Association", "Home Savings and Loan Bank": a bank's
 * name runs on over "Savings and Loan" to the organisation word that ends it. Returns the end
 * of the name, or 0. */
static uint32_t savings_and_loan(const xctx *x, uint32_t i, uint32_t j)
{
    if (j == i || !tok_is(x, j - 1, "savings") || !tok_is(x, j + 1, "loan") || !cap_word(x, j + 1))
        return 0;
    uint32_t k = j + 2;
    while (k < x->nt && k < j + 5 && cap_word(x, k) && !tok_has(x, k - 1, LW_ORG))
        k++;
    return k > j + 2 && tok_has(x, k - 1, LW_ORG) ? k : j + 2;
}

/* "the Centers for Disease Control and Prevention", "Centre for Economics and Business
 * Research": a name with "<organisation word> for" runs on over "and" and up to three more
 * capitalised words. Returns the end of the name, or 0. */
static uint32_t org_for_and_tail(const xctx *x, uint32_t i, uint32_t j)
{
    int org_for = 0;
    for (uint32_t m = i; m + 1 < j && !org_for; m++)
        org_for = tok_has(x, m, LW_ORG) && (x->t[m].flags & TF_CAP) && tok_is(x, m + 1, "for");
    if (!org_for)
        return 0;
    uint32_t k = j + 1;
    while (k < x->nt && k < j + 4 && cap_word(x, k) && !tok_has(x, k, LW_FUNC))
        k++;
    if (k == j + 1 || (k < x->nt && cap_word(x, k)))
        return 0;
    /* the last word a field's name, not a person's ("and Prevention", "and Research", "and
     * Rural Affairs"; not "the Institute for Fiscal Studies and Smith") */
    static const char *const suf[] = {"tion", "ment", "ity", "ics",  "ogy",  "ance", "ence",
                                      "ing",  "ism",  "ure", "airs", "arch", "ies",  NULL};
    const xtok *t = &x->t[k - 1];
    size_t n = t->stem_e - t->s;
    int field = tok_has(x, k - 1, LW_ORG);
    for (int v = 0; suf[v] && !field; v++) {
        size_t l = strlen(suf[v]);
        field = n > l + 2 && strncasecmp(x->b + t->stem_e - l, suf[v], l) == 0;
    }
    return field ? k : 0;
}

uint32_t hd_ex_role_ending_at(const xctx *x, uint32_t j, uint32_t lo)
{
    if (!tok_has(x, j, LW_ROLE_END) || j < lo)
        return UINT32_MAX;
    uint32_t best = UINT32_MAX;
    unsigned maxw = x->lx->max_role_words ? x->lx->max_role_words : 1;
    for (unsigned m = maxw; m >= 1; m--) {
        if (j + 1 < lo + m)
            continue;
        /* one word: its lexicon bits say; more: only from a word that starts a phrase */
        uint32_t f = j + 1 - m;
        if (m == 1 ? tok_has(x, j, LW_ROLE)
                   : tok_has(x, f, LW_ROLE_START) && hd_ex_seq_get(x, &x->lx->roles, f, j + 1)) {
            best = j + 1 - m;
            break;
        }
    }
    if (best == UINT32_MAX)
        return best;
    while (best > lo && tok_word(x, best - 1) && !(x->t[best - 1].flags & TF_POSS) &&
           (tok_has(x, best - 1, LW_MOD) || tok_has(x, best - 1, LW_ROLE)))
        best--;
    return best;
}

static uint64_t head_hash(const xctx *x, uint32_t h)
{
    return lx_hash(x->b + x->t[h].s, x->t[h].stem_e - x->t[h].s, x->n - x->t[h].s);
}

/* roles is preallocated to 2 * nt entries: at most one binding per token and comma */
static int add_role(xctx *x, uint32_t head, int32_t ent)
{
    if (x->nroles >= x->cap_roles)
        return 0; /* cannot happen: one binding per role word or comma */
    xrole r = {head_hash(x, head), head, ent, 0};
    x->roles[x->nroles++] = r;
    x->ent[ent].has_role = 1;
    return 0;
}

/* The office behind an abbreviated title, bound to the person it names at token k. */
static void title_role(xctx *x, uint32_t k, int32_t ent)
{
    static const char *const map[][2] = {
        {"gov", "governor"},        {"sen", "senator"},    {"rep", "representative"},
        {"gen", "general"},         {"adm", "admiral"},    {"col", "colonel"},
        {"lt", "lieutenant"},       {"capt", "captain"},   {"sgt", "sergeant"},
        {"maj", "major"},           {"prof", "professor"}, {"cmdr", "commander"},
        {"supt", "superintendent"}, {"insp", "inspector"}, {NULL, NULL}};
    const char *w = x->b + x->t[k].s;
    size_t n = x->t[k].e - x->t[k].s;
    if (n && w[n - 1] == '.')
        n--; /* "Gov." */
    for (int i = 0; map[i][0]; i++) {
        if (strlen(map[i][0]) != n || strncasecmp(w, map[i][0], n) != 0)
            continue;
        if (x->nroles < x->cap_roles) {
            const char *r = map[i][1];
            xrole role = {lx_hash(r, strlen(r), strlen(r)), k, ent, 1};
            /* has_role stays as it is: a title names no role the text gave ("the Texas
             * Republican" after "Sen. Phil Gramm" spoke is still Gramm) */
            x->roles[x->nroles++] = role;
        }
        return;
    }
}

static int by_head_tok(const void *a, const void *b)
{
    const xrole *p = a, *q = b;
    if (p->hh != q->hh)
        return p->hh < q->hh ? -1 : 1;
    return p->tok < q->tok ? -1 : p->tok > q->tok;
}

static const char *join_name(xctx *x, uint32_t a, uint32_t b)
{
    char buf[512];
    size_t n = 0;
    for (uint32_t k = a; k < b; k++) {
        if (!tok_word(x, k) && !amp(x, k))
            continue;
        /* a possessive inside a name is part of it ("Moody's Investors Service Inc"), and
         * one before a speech verb is no possessive ("Moody's said") */
        int whole = k + 1 < b || (tok_word(x, b) && (x->t[b].lex >> 24) == VC_SPEECH);
        size_t l = (whole ? x->t[k].e : x->t[k].stem_e) - x->t[k].s;
        if (n + l + 2 >= sizeof buf)
            break;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, x->b + x->t[k].s, l);
        n += l;
    }
    return hd_arena_strndup(x->a, buf, n);
}

static uint64_t name_hash(const xctx *x, uint32_t a, uint32_t b, int kind)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(kind + 1);
    for (uint32_t k = a; k < b; k++) {
        if (!tok_word(x, k))
            continue;
        h = fnv(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, h);
        h = fnv(" ", 1, h);
    }
    return h;
}

static uint64_t tok_hash(const xctx *x, uint32_t k)
{
    return fnv(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, 7);
}

static int32_t new_ent(xctx *x, uint32_t a, uint32_t b, hd_entity_kind kind)
{
    if (x->nent >= x->cap_ent)
        return -1; /* cannot happen: at most one entity per capitalised word */
    const char *nm = join_name(x, a, b);
    if (!nm) {
        x->oom = 1;
        return -1;
    }
    xent *e = &x->ent[x->nent];
    memset(e, 0, sizeof *e);
    e->name = nm;
    e->kind = kind;
    e->org_hint = kind == HD_ENT_ORG;
    e->first_tok = a;
    e->last_s = x->t[b - 1].s;
    e->last_e = x->t[b - 1].stem_e;
    e->n_words = b - a;
    return (int32_t)x->nent++;
}

static void mark(xctx *x, uint32_t a, uint32_t b, int32_t ent)
{
    for (uint32_t k = a; k < b; k++)
        x->tent[k] = ent;
    x->ent[ent].n_mentions++;
}

/* (first letter, length) of token k as a bit number of a 512-bit filter. */
static inline unsigned letter_len_bit(const xctx *x, uint32_t k)
{
    size_t n = x->t[k].stem_e - x->t[k].s;
    return ((unsigned)x->b[x->t[k].s] & 31u) << 4 | (unsigned)(n < 15 ? n : 15);
}

/* Fill x->lower (lower_elsewhere's answers). Only capitalised words are ever asked about
 * (the x->caps list): their hashes are the keys, bit 0 telling whether the article also
 * writes the word in lower case. One pass over the lower-case words, most of which a
 * (first letter, length) filter passes over without hashing. */
static int lower_words(xctx *x)
{
    uint64_t want[8] = {0};
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
        unsigned bit = letter_len_bit(x, k);
        want[bit >> 6] |= 1ULL << (bit & 63);
        uint64_t h =
            lx_hash(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, x->n - x->t[k].s) & ~3ULL;
        size_t j = h & (cap - 1);
        while (x->lower[j] && (x->lower[j] & ~3ULL) != h)
            j = (j + 1) & (cap - 1);
        if (!x->lower[j])
            x->lower[j] = h ? h : 4;
        if (!(x->t[k].flags & TF_SSTART))
            x->lower[j] |= 2; /* bit 1: capitalised inside a sentence */
    }
    for (uint32_t k = 0; k < x->nt; k++) {
        if (x->t[k].kind != TK_WORD || (x->t[k].flags & (TF_CAP | TF_ALLCAPS | TF_DIGIT)))
            continue;
        unsigned bit = letter_len_bit(x, k);
        if (!(want[bit >> 6] >> (bit & 63) & 1))
            continue;
        uint64_t h =
            lx_hash(x->b + x->t[k].s, x->t[k].stem_e - x->t[k].s, x->n - x->t[k].s) & ~3ULL;
        for (size_t j = h & (cap - 1); x->lower[j]; j = (j + 1) & (cap - 1))
            if ((x->lower[j] & ~3ULL) == h) {
                x->lower[j] |= 1;
                break;
            }
    }
    return 0;
}

/* Does the article also write token a's word in lower case ("company" beside a sentence's
 * "Company", "up" beside a table's "UP")? Then the capitals are not a name's. */
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
    uint64_t h = lx_hash(x->b + x->t[a].s, x->t[a].stem_e - x->t[a].s, x->n - x->t[a].s) & ~3ULL;
    for (size_t j = h & (x->lower_cap - 1); x->lower[j]; j = (j + 1) & (x->lower_cap - 1))
        if ((x->lower[j] & ~3ULL) == h)
            return (unsigned)(x->lower[j] & 3);
    return 0;
}

static int lower_elsewhere(const xctx *x, uint32_t a)
{
    return case_bits(x, a) & 1;
}

/* A role that is also a common surname may end a two-word name after a capitalised word no
 * lexicon knows ("Amy Pope", "Stephen King"; not "the King", "Foreign Minister"). */
static int surname_role_name(const xctx *x, uint32_t a, uint32_t b)
{
    static const char *const surname_roles[] = {"king",    "pope",   "bishop", "judge", "dean",
                                                "marshal", "knight", "major",  NULL};
    return b == a + 2 && tok_in(x, a + 1, surname_roles) && (x->t[a + 1].flags & TF_CAP) &&
           tok_word(x, a) && (x->t[a].flags & TF_CAP) && !(x->t[a].flags & TF_ALLCAPS) &&
           !tok_has(x, a,
                    LW_ORG | LW_PCUE | LW_FUNC | LW_DEMONYM | LW_ROLE | LW_MOD | LW_TITLE |
                        LW_PLACE);
}

/* Is the name [a,b) shaped like a person's name? */
static int person_shaped(const xctx *x, uint32_t a, uint32_t b)
{
    if (b - a < 2 || b - a > 4)
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
        if (k + 1 == b && surname_role_name(x, a, b))
            continue; /* "Amy Pope" */
        if (tok_has(x, k, LW_ORG | LW_PCUE | LW_FUNC | LW_DEMONYM | LW_ROLE) ||
            (tok_has(x, k, LW_MOD) && !(k + 1 == b && k == a + 1 && tok_is(x, k, "white"))))
            return 0;
        /* region names double as given names ("Paul", "Georgia"): only a surname that is a
         * place makes the name a place */
        if (k + 1 == b && tok_has(x, k, LW_PLACE))
            return 0;
        /* "End Stocks", "Offered Rate": the article writes the word in lower case too */
        if (lower_elsewhere(x, k))
            return 0;
    }
    return 1;
}

/* Is the nationality word a a noun for a person ("the American said", "the Russian added")
 * rather than an adjective ("the American embassy") or the country? After a determiner, not
 * followed by a word it could describe, and not a plural of the nation ("the French"). */
static int demonym_noun(const xctx *x, uint32_t a)
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

static int place_name(const xctx *x, uint32_t a, uint32_t b)
{
    if (b - a == 1 ? tok_has(x, a, LW_PLACE | LW_DEMONYM)
                   : b - a <= 6 && hd_ex_seq_get(x, &x->lx->places, a, b))
        return 1;
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

static int org_name(const xctx *x, uint32_t a, uint32_t b)
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

/* Link or create the person named [a,b) (two words or more). */
static int32_t person(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    int32_t *sl = imap_slot(&p->surnames, tok_hash(x, b - 1), 1);
    if (*sl >= 0) {
        xent *e = &x->ent[*sl];
        /* Same person when one name ends the other ("Seyyed Ali Khamenei" / "Ali Khamenei")
         * or the earlier one had only the surname. */
        size_t ln = strlen(e->name), bl = 0;
        char tmp[512];
        for (uint32_t k = a; k < b && bl + 64 < sizeof tmp; k++) {
            size_t l = x->t[k].stem_e - x->t[k].s;
            if (l > 60)
                l = 60;
            if (bl)
                tmp[bl++] = ' ';
            memcpy(tmp + bl, x->b + x->t[k].s, l);
            bl += l;
        }
        int same = e->n_words == 1 || (bl >= ln && memcmp(tmp + bl - ln, e->name, ln) == 0 &&
                                       (bl == ln || tmp[bl - ln - 1] == ' '));
        same |= ln > bl && memcmp(e->name + ln - bl, tmp, bl) == 0 && e->name[ln - bl - 1] == ' ';
        if (same) {
            if (e->n_words == 1) {
                const char *nm = join_name(x, a, b);
                if (nm) {
                    e->name = nm;
                    e->n_words = b - a;
                }
            }
            return *sl;
        }
    }
    int32_t id = new_ent(x, a, b, HD_ENT_PERSON);
    if (id >= 0)
        *sl = id;
    return id;
}

/* Classify one name [a,b) whose roles lie in [ra, a) (ra == a: none). */
static void name_part(xctx *x, epass *p, uint32_t ra, uint32_t a, uint32_t b, int titled,
                      int deferred)
{
    /* "Vice Adm. John Poindexter", "Former Gov. Martin O'Malley": modifiers of a title */
    uint32_t m = a;
    while (m < b && tok_has(x, m, LW_MOD) && !tok_has(x, m, LW_TITLE))
        m++;
    if (m > a && m < b && tok_has(x, m, LW_TITLE))
        a = m;
    /* "Lord of the Rings", "Duke of Edinburgh": a title before "of" is the name's own word */
    uint32_t ta = a;
    while (a < b && tok_has(x, a, LW_TITLE) && !(a + 1 < b && tok_is(x, a + 1, "of"))) {
        a++;
        titled = 1;
    }
    if (a >= b)
        return;
    int32_t id = -1;
    int has_role = ra < a;
    /* one word alone waits for the whole article: a surname ("Jordan" of "Jim Jordan") wins
     * over a place of the same name */
    /* so does an organisation word alone ("the Bank" of "the Reserve Bank") */
    int short_org = tok_has(x, a, LW_ORG) && !(x->t[a].flags & TF_ALLCAPS);
    if (!deferred && b - a == 1 && !has_role && !titled && (!org_name(x, a, b) || short_org)) {
        p->singles[p->nsingles++] = a;
        return;
    }
    hd_entity_kind kind;
    int weak_org = 0;
    if (firm_designator(x, b - 1))
        kind = HD_ENT_ORG; /* "Ohio Mattress Co", "Gulf Applied Technologies Inc" */
    else if (!has_role && !titled && place_name(x, a, b))
        kind = HD_ENT_PLACE;
    else if (!titled && org_name(x, a, b))
        kind = HD_ENT_ORG;
    else if (has_role || titled || person_shaped(x, a, b))
        kind = HD_ENT_PERSON;
    else {
        kind = HD_ENT_ORG;
        weak_org = 1; /* "Station Road", "End Stocks": no sign of a person, none of an org */
    }
    uint32_t dem =
        kind == HD_ENT_PLACE && b - a <= 2 ? hd_ex_seq_get(x, &x->lx->demonyms, a, b) : 0;
    if (kind == HD_ENT_PERSON) {
        id = person(x, p, a, b);
    } else if (dem) {
        /* "Iranian", "US", "North Korean": the country itself */
        const char *cn = x->lx->countries + dem - 1;
        uint64_t h = fnv(cn, strlen(cn), 1469598103934665603ULL ^ (uint64_t)(kind + 1));
        h = fnv(" ", 1, h);
        int32_t *sl = imap_slot(&p->names, h, 1);
        if (*sl < 0) {
            *sl = new_ent(x, a, b, kind);
            const char *nm = *sl >= 0 ? hd_arena_strdup(x->a, cn) : NULL;
            if (nm)
                x->ent[*sl].name = nm;
        }
        id = *sl;
    } else {
        int32_t *sl = imap_slot(&p->names, name_hash(x, a, b, (int)kind), 1);
        if (*sl < 0) {
            *sl = new_ent(x, a, b, kind);
            if (*sl >= 0 && weak_org)
                x->ent[*sl].org_hint = 0;
        } else if (!weak_org) {
            x->ent[*sl].org_hint = 1;
        }
        id = *sl;
    }
    if (id < 0)
        return;
    mark(x, a, b, id);
    if (kind != HD_ENT_PERSON)
        return;
    x->ent[id].person_hint |= (uint8_t)(has_role || titled);
    for (uint32_t k = ra; k < a; k++)
        if (tok_has(x, k, LW_ROLE))
            add_role(x, k, id);
    /* "Gov. Eric Holcomb" … "the governor said": the office an abbreviated title stands for */
    for (uint32_t k = ta < ra ? ta : ra; k < a; k++)
        if (tok_has(x, k, LW_TITLE) && !tok_has(x, k, LW_ROLE))
            title_role(x, k, id);
}

/* Is the one-word role closing the run [a,b) a surname ("Paul King", "Mr King", "Ken Doctor"
 * where the article also writes "Mr King")? It follows a title or a name word that is no
 * role, nationality or organisation word ("Saudi King" stays a role; a place word may be a
 * given name: "Paul", "Georgia"). */
static int surname_role(const xctx *x, epass *p, uint32_t a, uint32_t b)
{
    if (b - a < 2 || hd_ex_role_ending_at(x, b - 1, a) != b - 1 ||
        !imap_slot(&p->titled, tok_hash(x, b - 1), 0))
        return 0;
    uint32_t k = b - 2;
    return tok_has(x, k, LW_TITLE) ||
           (cap_word(x, k) && !(x->t[k].flags & TF_ALLCAPS) &&
            !tok_has(x, k, LW_ROLE | LW_MOD | LW_DEMONYM | LW_ORG | LW_PCUE | LW_FUNC));
}

/* Words written after a title (x->marks holds every title token). */
static void titled_words(xctx *x, epass *p)
{
    for (uint32_t m = 0; m < x->n_marks; m++) {
        uint32_t k = x->marks[m];
        if (tok_word(x, k) && tok_has(x, k, LW_TITLE) && k + 1 < x->nt && cap_word(x, k + 1))
            *imap_slot(&p->titled, tok_hash(x, k + 1), 1) = 1;
    }
}

/* Is token a, opening the run [a,b), a sentence's opening "-ing" word ("Hosting Cook at
 * Dreamforce …", "Echoing Gaviria, …") that the article never capitalises anywhere else? Then
 * it is a verb, not the first word of a name. */
static int gerund_opener(const xctx *x, uint32_t a, uint32_t b)
{
    const xtok *t = &x->t[a];
    size_t n = t->stem_e - t->s;
    if (!(t->flags & TF_SSTART) || (t->flags & TF_ALLCAPS) || n < 6 || t->lex ||
        strncmp(x->b + t->stem_e - 3, "ing", 3) != 0)
        return 0;
    /* "Downing Street", "Reading Council": a place or an organisation */
    if (a + 1 < x->nt && tok_has(x, a + 1, LW_PCUE | LW_ORG | LW_INST))
        return 0;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        uint32_t k = x->caps[c];
        if (k != a && !(x->t[k].flags & TF_SSTART) && x->t[k].stem_e - x->t[k].s == n &&
            memcmp(x->b + x->t[k].s, x->b + t->s, n) == 0)
            return 0;
    }
    /* and what follows is a place ("Addressing Chicago"), or a name the article also writes
     * after another first name ("Echoing Gaviria" … "Cesar Gaviria"; not "Irving Nathan" …
     * "Mr. Nathan", nor "Flying Tigers" … "Flying Tigers") */
    if (place_name(x, a + 1, b) || tok_has(x, a + 1, LW_TITLE))
        return 1; /* "Addressing Chicago", "Analysing Mr Brown" */
    const xtok *l = &x->t[b - 1];
    size_t ln = l->stem_e - l->s;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        uint32_t k = x->caps[c];
        if (k == b - 1 || k == 0 || x->t[k].stem_e - x->t[k].s != ln ||
            memcmp(x->b + x->t[k].s, x->b + l->s, ln) != 0)
            continue;
        const xtok *f = &x->t[k - 1];
        if (tok_word(x, k - 1) && (f->flags & TF_CAP) &&
            !tok_has(x, k - 1, LW_TITLE | LW_FUNC | LW_ROLE | LW_MOD) &&
            strncmp(x->b + f->stem_e - 3, "ing", 3) != 0 &&
            !(f->stem_e - f->s == n && memcmp(x->b + f->s, x->b + t->s, n) == 0))
            return 1;
    }
    return 0;
}

/* A run of capitalised words [a,b). */
static void run(xctx *x, epass *p, uint32_t a, uint32_t b)
{
    while (a < b && (tok_has(x, a, LW_FUNC) || connector(x, a)))
        a++;
    /* "Sacramento-based McClatchy": where the firm is, not its name */
    while (a < b && x->t[a].stem_e - x->t[a].s > 6 &&
           !strncmp(x->b + x->t[a].stem_e - 6, "-based", 6))
        a++;
    /* "envoy to Ukraine Kurt Volker", "the president of Ukraine Volodymyr Zelensky": after a
     * preposition, a place that opens a person's name is where the role is */
    if (b - a >= 3 && b - a <= 5 && a > 0 && tok_has(x, a, LW_PLACE) &&
        (tok_is(x, a - 1, "to") || tok_is(x, a - 1, "of") || tok_is(x, a - 1, "for") ||
         tok_is(x, a - 1, "in")) &&
        !tok_has(x, a + 1, LW_TITLE | LW_ROLE | LW_MOD | LW_ORG | LW_PCUE | LW_PLACE) &&
        !firm_designator(x, b - 1) && person_shaped(x, a + 1, b)) {
        run(x, p, a, a + 1);
        a++;
    }
    if (b - a >= 2 && !firm_designator(x, b - 1) && !org_name(x, a, b) && gerund_opener(x, a, b))
        a++; /* not "Sterling Software Inc" */
    while (b > a && connector(x, b - 1))
        b--;
    if (a >= b)
        return;
    if (b - a >= 2) {
        /* words set in capitals ("MARKET WENT UP TODAY"): case tells nothing; only a
         * known place is a name */
        uint32_t k = a;
        while (k < b && (x->t[k].flags & TF_ALLCAPS))
            k++;
        if (k == b && !place_name(x, a, b))
            return;
    }
    /* a headline in title case ("Activists Brick Up Entrance To Polling Station Ahead Of
     * Elections"): capitalised small words of a sentence and verbs show it (not in a list of
     * companies: "Salomon Brothers Inc The First Boston Corp"); names lie between them */
    if (b - a >= 5) {
        static const char *const small[] = {
            "to",   "in",  "on",  "at",   "with", "from", "by",    "into", "about", "after",
            "over", "is",  "are", "was",  "were", "has",  "have",  "had",  "will",  "would",
            "just", "not", "up",  "out",  "his",  "her",  "their", "its",  "he",    "she",
            "they", "it",  "who", "what", "why",  "how",  NULL};
        uint32_t fw = 0;
        int firm = 0;
        for (uint32_t k = a; k < b; k++)
            firm |= firm_designator(x, k);
        for (uint32_t k = a + 1; k < b && !firm; k++) {
            int sw = tok_in(x, k, small);
            fw += (sw && (x->t[k].flags & TF_CAP) && !(x->t[k].flags & TF_ALLCAPS)) ||
                  ((x->t[k].lex & LW_VERB) && !(x->t[k].flags & TF_ALLCAPS));
        }
        if (fw >= 2) {
            /* a headline names no one new: its pieces are linked to names the article gives
             * elsewhere (or to places), at the end of the pass */
            uint32_t seg = a;
            for (uint32_t k = a; k <= b; k++)
                if (k == b || (tok_has(x, k, LW_FUNC | LW_ADV) && (x->t[k].flags & TF_CAP)) ||
                    (x->t[k].lex & LW_VERB)) {
                    /* "Senator Maria Gomez Says …": the one who speaks is named */
                    if (k > seg && seg == a && k < b && (x->t[k].lex & LW_VERB) &&
                        x->t[k].lex >> 24 == VC_SPEECH) {
                        run(x, p, seg, k);
                    } else if (k > seg && p->nheads + 2 <= p->cap_heads) {
                        p->heads[p->nheads++] = seg;
                        p->heads[p->nheads++] = k;
                    }
                    seg = k + 1;
                }
            return;
        }
    }
    /* "New Jersey Gov. Chris Christie", "Former Maryland Gov. Martin O'Malley": a title inside
     * the run opens a titled person's name; the words before it (a place, a body) are a name
     * of their own */
    for (uint32_t k = a + 1; k + 1 < b; k++) {
        if (!tok_has(x, k, LW_TITLE) || !(x->t[k].flags & TF_CAP) || (x->t[k].flags & TF_ALLCAPS) ||
            tok_has(x, k - 1, LW_TITLE) || !(x->t[k + 1].flags & TF_CAP))
            continue;
        /* "Vice Adm. John Poindexter": a modifier of the title, not a name; "Leader of the
         * Islamic Revolution Ayatollah Ali Khamenei": a role the person holds, kept with it */
        int name_before = 0, role_before = 0;
        for (uint32_t m = a; m < k; m++) {
            name_before |= !tok_has(x, m, LW_MOD | LW_ROLE | LW_FUNC);
            role_before |= tok_has(x, m, LW_ROLE) && !tok_has(x, m, LW_MOD);
        }
        if (!name_before || role_before)
            break;
        uint32_t e = k, s0 = a; /* "Former Rhode Island Democratic Sen. …": the place alone */
        while (e > a && tok_has(x, e - 1, LW_MOD | LW_ROLE))
            e--;
        while (s0 < e && (tok_is(x, s0, "former") || tok_is(x, s0, "then") ||
                          tok_is(x, s0, "retired") || tok_is(x, s0, "late")))
            s0++;
        if (s0 < e)
            run(x, p, s0, e);
        run(x, p, k, b);
        return;
    }
    /* a headline in title case, "Bernie Sanders Says He Has Started Writing": a verb of
     * saying ends the name before it ("Said" may be a name: "Edward Said") */
    for (uint32_t k = a + 1; k < b; k++)
        if ((x->t[k].lex & LW_VERB) && !(x->t[k].flags & TF_ALLCAPS) && hd_ex_headline_cue(x, k) &&
            !tok_is(x, k, "said")) {
            uint32_t e = k;
            while (e > a && tok_has(x, e - 1, LW_ADV))
                e--; /* "Rick Perry Just Says" */
            run(x, p, a, e);
            run(x, p, k + 1, b);
            return;
        }
    /* "Sanford Margoshes of Shearson Lehman Brothers", "Robert Dole of Kansas": a person of
     * an organisation or a place is two names */
    for (uint32_t k = a + 1; k + 1 < b; k++) {
        if (!tok_is(x, k, "of"))
            continue;
        uint32_t pa = a;
        while (pa < k && tok_has(x, pa, LW_TITLE | LW_ROLE | LW_MOD))
            pa++;
        /* "Barnett Banks of Florida Inc": a company named after its place stays whole */
        int place_firm = b - k > 2 && firm_designator(x, b - 1) && place_name(x, k + 1, b - 1);
        if (k - pa >= 2 && !place_firm && person_shaped(x, pa, k) &&
            (org_name(x, k + 1, b) || firm_designator(x, b - 1) || place_name(x, k + 1, b))) {
            run(x, p, a, k);
            run(x, p, k + 1, b);
            return;
        }
        break;
    }
    /* rightmost role; none inside a company's name ("General Motors Corp") */
    uint32_t re = a;
    /* "Republican Party", "General Motors", "Republican National Committee": a role word
     * opening an organisation's name is part of it (not "Lawyer David Steel": a name word
     * stands before the organisation word) */
    int firm = firm_designator(x, b - 1) ||
               (b - a >= 2 && tok_has(x, b - 1, LW_ORG) &&
                tok_has(x, b - 2, LW_ROLE | LW_MOD | LW_ORG | LW_PCUE | LW_PLACE | LW_DEMONYM));
    for (uint32_t k = b; k > a && !firm; k--) {
        if (k == b && surname_role_name(x, a, b))
            continue; /* "Stephen King", "Amy Pope": a name, not a role */
        if (hd_ex_role_ending_at(x, k - 1, a) != UINT32_MAX) {
            re = k;
            break;
        }
    }
    /* the role's complement is no part of the name: "Chancellor of the Exchequer Nigel
     * Lawson", "Secretary of State George Shultz", "Chairman of the Federal Reserve Board
     * Paul Volcker" (organisation and place words, and anything past four name words) */
    if (re > a && re < b && connector(x, re)) {
        uint32_t k = re;
        while (k < b && connector(x, k))
            k++;
        if (b - k >= 2 && tok_has(x, b - 1, LW_ORG) && cap_word(x, k)) {
            /* "Chairman of the Presidential Commission on Good Government": the complement
             * ends the run and is an organisation's name */
            run(x, p, k, b);
            return;
        }
        if (b - k <= 1) {
            re = b; /* "Undersecretary of State" (for …): the complement ends the run */
        } else if (k + 2 < b + 1 && cap_word(x, k)) {
            int the = tok_is(x, k - 1, "the");
            k++;
            while (k + 2 < b + 1 && b - k > 2 &&
                   (tok_has(x, k, LW_ORG | LW_PCUE | LW_PLACE | LW_MOD) || connector(x, k) ||
                    b - k > 4))
                k++;
            /* "Leader of the Islamic Revolution": after "of the", one word left is the
             * complement's own ("Secretary of State Shultz" has no "the") */
            re = the && b - k == 1 ? b : k;
        }
    }
    /* A lowercase role right before the run ("spokesman John Kirby"). */
    uint32_t ra = re > a ? a : a;
    if (re == a && a > 0) {
        uint32_t r0 = a > 0 ? hd_ex_role_ending_at(x, a - 1, a > 6 ? a - 6 : 0) : UINT32_MAX;
        if (r0 != UINT32_MAX && !(x->t[a - 1].flags & TF_CAP))
            ra = r0;
    }
    /* "analyst Ken Doctor", "spokesman John King": after a role of its own, a name's last
     * word is a surname even when it could be a title */
    int roled = 0;
    if (re == b && b - a == 2 && a > 0 && !(x->t[a - 1].flags & TF_CAP) &&
        hd_ex_role_ending_at(x, b - 1, a) == b - 1 && cap_word(x, a) &&
        !(x->t[a].flags & TF_ALLCAPS) &&
        !tok_has(x, a,
                 LW_TITLE | LW_ROLE | LW_MOD | LW_DEMONYM | LW_ORG | LW_PCUE | LW_FUNC |
                     LW_PLACE)) {
        uint32_t r0 = hd_ex_role_ending_at(x, a - 1, a > 6 ? a - 6 : 0);
        if (r0 != UINT32_MAX) {
            ra = r0;
            roled = 1;
        }
    }
    if (roled) {
        name_part(x, p, ra, a, b, 0, 0);
        return;
    }
    if (re == b && surname_role(x, p, a, b)) {
        /* a role before the name still is one: "Labour MP Oona King" */
        uint32_t r2 = a;
        for (uint32_t k = b - 1; k > a && r2 == a; k--)
            if (hd_ex_role_ending_at(x, k - 1, a) != UINT32_MAX)
                r2 = k;
        name_part(x, p, a, r2, b, 1, 0);
        return;
    }
    if (re == b) {
        /* only a role ("Iran Supreme Leader"); alone ("Doctor says" after "analyst Ken
         * Doctor") it may be a surname, known at the end of the pass */
        if (b - a == 1 && (x->t[a].flags & TF_CAP) && !(x->t[a].flags & TF_ALLCAPS) &&
            p->nsingles < x->cap_ent)
            p->singles[p->nsingles++] = a;
        return;
    }
    name_part(x, p, ra, re, b, 0, 0);
}

/* "…Committee Chairman, Vahid Jalalzadeh," and "Vedant Patel, a State Department spokesman,". */
static void appositive(xctx *x, uint32_t i)
{
    int32_t after = x->tent[i + 1], before = x->tent[i - 1];
    if (after >= 0 && x->ent[after].kind == HD_ENT_PERSON && tok_has(x, i - 1, LW_ROLE)) {
        add_role(x, i - 1, after);
    } else if (before >= 0 && x->ent[before].kind == HD_ENT_PERSON) {
        uint32_t k = i + 1, last = UINT32_MAX;
        if (!(tok_is(x, k, "the") || tok_is(x, k, "a") || tok_is(x, k, "an") ||
              tok_is(x, k, "his") || tok_is(x, k, "her") || tok_is(x, k, "its") ||
              (tok_word(x, k) && (x->t[k].flags & TF_POSS))))
            return;
        for (; k < x->nt && k < i + 10 && tok_word(x, k); k++)
            if (tok_has(x, k, LW_ROLE))
                last = k;
        if (last != UINT32_MAX && (tok_punct(x, k, ',') || tok_punct(x, k, '.') ||
                                   (tok_word(x, k) ? x->t[k].lex >> 24 : 0)))
            add_role(x, last, before);
    }
}

/* The organisation of more than one word whose name has token a's word ("Reserve Bank" for
 * "Bank"), the first named; -1. */
static int32_t org_with_word(const xctx *x, uint32_t a)
{
    const char *w = x->b + x->t[a].s;
    size_t n = x->t[a].stem_e - x->t[a].s;
    for (uint32_t e = 0; e < x->nent; e++) {
        if (x->ent[e].kind != HD_ENT_ORG || x->ent[e].n_words < 2)
            continue;
        for (const char *q = x->ent[e].name; *q;) {
            size_t l = strcspn(q, " ");
            if (l == n && strncasecmp(q, w, n) == 0)
                return (int32_t)e;
            q += l;
            while (*q == ' ')
                q++;
        }
    }
    return -1;
}

/* Is the unknown capitalised word a the subject of a speech verb right after it? Not a
 * lexicon word, not a lone letter, and at a sentence start not a common word merely
 * capitalised there ("Others said": the article writes "others" elsewhere). */
/* Is the capitalised word a also written capitalised inside a sentence ("Terms were not
 * disclosed" opens a sentence only; "Parry" is a name wherever it stands)? */
static int cap_inside(const xctx *x, uint32_t a)
{
    return (case_bits(x, a) & 2) != 0;
}

static int speaking_name(const xctx *x, uint32_t a, int adverbs)
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
    /* a sentence's first word speaking is a name when the article never writes it in lower
     * case; for the mentions before it also a name elsewhere inside a sentence */
    return !(x->t[a].flags & TF_SSTART) ||
           (!lower_elsewhere(x, a) && (!adverbs || cap_inside(x, a)));
}

/* First names of the people named in full: token hash -> person, or -2 when two people of
 * the article share it. */
static int first_names(xctx *x, imap *m)
{
    if (imap_init(x, m, x->nent + 1))
        return -1;
    for (uint32_t e = 0; e < x->nent; e++) {
        if (x->ent[e].kind != HD_ENT_PERSON || x->ent[e].n_words < 2)
            continue;
        int32_t *sl = imap_slot(m, tok_hash(x, x->ent[e].first_tok), 1);
        *sl = *sl == -1 || *sl == (int32_t)e ? (int32_t)e : -2;
    }
    return 0;
}

/* Pieces of title-case headlines: a piece that is the name of an entity of the article
 * ("Zoe Saldana" of "Zoe Saldana Responds To Anti-Immigrant Hate"), or ends with one ("Actress
 * Zoe Saldana"), or a surname of one, is a mention of it; a place is a place; anything else
 * ("Raising Eyebrows", "Anti-Immigrant Hate") names no one. */
static void headline_pieces(xctx *x, epass *p)
{
    uint32_t n0 = x->nent; /* entities named in the text itself */
    for (uint32_t h = 0; h + 1 < p->nheads; h += 2) {
        uint32_t a = p->heads[h], b = p->heads[h + 1];
        while (a < b && (tok_has(x, a, LW_FUNC) || !tok_word(x, a)))
            a++;
        if (a >= b)
            continue;
        int32_t found = -1;
        /* the longest stretch of the piece that is a name of the article ("Ted Cruz" of "Ted
         * Cruz Apologizes") or the end of one ("Zoe Saldana" of "Actress Zoe Saldana") */
        for (uint32_t len = b - a; len >= 2 && found < 0; len--)
            for (uint32_t m = a; m + len <= b && found < 0; m++) {
                const char *nm = join_name(x, m, m + len);
                if (!nm) {
                    x->oom = 1;
                    return;
                }
                size_t nl = strlen(nm);
                for (uint32_t e = 0; e < n0 && found < 0; e++) {
                    const char *en = x->ent[e].name;
                    size_t el = strlen(en);
                    if (!strcmp(en, nm) ||
                        (el > nl && en[el - nl - 1] == ' ' && !strcmp(en + el - nl, nm)))
                        found = (int32_t)e;
                }
                if (found >= 0)
                    mark(x, m, m + len, found);
            }
        if (found >= 0)
            continue;
        if (b - a == 1) {
            if (p->nsingles < x->cap_ent)
                p->singles[p->nsingles++] = a; /* a surname or a place, decided with the rest */
            continue;
        }
        if (place_name(x, a, b))
            run(x, p, a, b);
    }
}

/* Would the one-word name a, when it speaks, be an entity of its own (not a surname, an
 * organisation word, a place, a nationality or the first name of someone named in full)? */
static int lone_speaker(xctx *x, epass *p, const imap *first, uint32_t a)
{
    int32_t *sl = imap_slot(&p->surnames, tok_hash(x, a), 0);
    if ((sl && *sl >= 0) || (x->t[a].flags & TF_POSS) || tok_has(x, a, LW_ORG | LW_INST) ||
        demonym_noun(x, a) || place_name(x, a, a + 1))
        return 0;
    int32_t *fl = imap_slot((imap *)first, tok_hash(x, a), 0);
    if (fl && *fl >= 0 && !(x->t[a].flags & TF_ALLCAPS) && x->ent[*fl].first_tok != a)
        return 0;
    /* the short name of an organisation named in full ("Decision" of "Decision Industries
     * Corp", "Labatt" of "John Labatt Ltd") */
    size_t n = x->t[a].stem_e - x->t[a].s;
    const char *w = x->b + x->t[a].s;
    for (uint32_t e = 0; e < x->nent; e++) {
        if (x->ent[e].kind != HD_ENT_ORG || x->ent[e].n_words < 2)
            continue;
        for (const char *q = x->ent[e].name; q; q = strchr(q, ' '), q = q ? q + 1 : NULL)
            if (strncmp(q, w, n) == 0 && (q[n] == ' ' || q[n] == 0))
                return 0; /* q is the start of a word of the name */
    }
    return 1;
}

/* Build the article's first-name map on first use; -1 (x->oom set) when out of memory. */
static int first_ready(xctx *x, imap *first, int *have)
{
    if (*have)
        return 0;
    if (first_names(x, first) != 0) {
        x->oom = 1;
        return -1;
    }
    *have = 1;
    return 0;
}

static void singles(xctx *x, epass *p)
{
    imap first = {0};
    int have_first = 0;
    /* one-word names that speak somewhere: every mention of them is theirs, also one before
     * they speak ("But Parry, speaking to BBC Sport, admits …" before "Parry also said") */
    for (uint32_t s = 0; s < p->nsingles; s++) {
        uint32_t a = p->singles[s];
        if (tok_has(x, a, LW_TITLE | LW_ROLE) || !speaking_name(x, a, 1))
            continue;
        if (first_ready(x, &first, &have_first) != 0)
            return;
        if (!lone_speaker(x, p, &first, a))
            continue;
        int32_t *ol = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 1);
        if (*ol < 0) {
            *ol = new_ent(x, a, a + 1, HD_ENT_ORG);
            if (*ol >= 0 && !(x->t[a].flags & TF_ALLCAPS))
                x->ent[*ol].alone = 1;
        }
    }
    for (uint32_t s = 0; s < p->nsingles; s++) {
        uint32_t a = p->singles[s];
        int32_t *sl = imap_slot(&p->surnames, tok_hash(x, a), 0);
        if (sl && *sl >= 0) {
            mark(x, a, a + 1, *sl);
            continue;
        }
        if (tok_has(x, a, LW_TITLE | LW_ROLE))
            continue; /* a role word alone, no one's surname: a role */
        if (tok_has(x, a, LW_ORG) && !(x->t[a].flags & TF_ALLCAPS)) {
            /* the short name of an organisation named in full: "the Bank", "the Commission" */
            int32_t full = org_with_word(x, a);
            if (full >= 0)
                mark(x, a, a + 1, full);
            else if (!(x->t[a].flags & TF_SSTART) || tok_has(x, a, LW_INST))
                name_part(x, p, a, a, a + 1, 0, 1); /* not "Company also said" */
            continue;
        }
        if (tok_has(x, a, LW_INST)) {
            int32_t *il = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 1);
            if (*il < 0)
                *il = new_ent(x, a, a + 1, HD_ENT_ORG);
            if (*il >= 0)
                mark(x, a, a + 1, *il);
            continue;
        }
        if (demonym_noun(x, a))
            continue; /* "the American said": a person of that country, not the country */
        if (place_name(x, a, a + 1)) {
            name_part(x, p, a, a, a + 1, 0, 1);
            continue;
        }
        /* "Elise wrote" after "Elise Matthesen": the one person of the article with that
         * first name */
        if (first_ready(x, &first, &have_first) != 0)
            return;
        int32_t *fl = imap_slot(&first, tok_hash(x, a), 0);
        if (fl && *fl >= 0 && !(x->t[a].flags & TF_ALLCAPS) && x->ent[*fl].first_tok != a) {
            mark(x, a, a + 1, *fl);
            continue;
        }
        /* Unknown one-word name saying something ("Avery said", "Texaco announced"): an
         * organisation as far as the article tells (a person would have been named in full
         * or with a title), so that "the company" and "it" can find it later. */
        int32_t *al = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 0);
        if ((al && *al >= 0 && x->ent[*al].alone) || speaking_name(x, a, 0)) {
            int32_t *ol = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_ORG), 1);
            if (*ol < 0)
                *ol = new_ent(x, a, a + 1, HD_ENT_ORG);
            if (*ol >= 0)
                mark(x, a, a + 1, *ol);
            continue;
        }
        /* Unknown one-word name: an entity only when a preposition of place precedes it. */
        static const char *const prep[] = {"in",     "at",   "from",   "to",      "near",
                                           "across", "into", "toward", "towards", NULL};
        int placey = 0;
        if (a > 0 && tok_word(x, a - 1) && x->t[a - 1].e - x->t[a - 1].s <= 7 &&
            !(x->t[a - 1].flags & TF_CAP))
            placey |= tok_in(x, a - 1, prep);
        if (!placey)
            continue;
        int32_t *nl = imap_slot(&p->names, name_hash(x, a, a + 1, HD_ENT_PLACE), 1);
        if (*nl < 0) {
            *nl = new_ent(x, a, a + 1, HD_ENT_PLACE);
            if (*nl >= 0)
                x->ent[*nl].guess_place = 1;
        }
        if (*nl >= 0)
            mark(x, a, a + 1, *nl);
    }
}

/* "Merrill Lynch" looks like a person's name; "Merrill Lynch and Co" in the same article
 * says it is the short name of an organisation. A person seen with a title or role keeps
 * their type ("John Deere" beside "John Deere and Co"? no title: an organisation). */
static void short_firm_names(xctx *x)
{
    for (uint32_t e = 0; e < x->nent; e++) {
        xent *pe = &x->ent[e];
        if (pe->kind != HD_ENT_PERSON || pe->n_words < 2 || pe->person_hint || pe->has_role)
            continue;
        size_t n = strlen(pe->name);
        for (uint32_t o = 0; o < x->nent; o++)
            if (x->ent[o].kind == HD_ENT_ORG && strncmp(x->ent[o].name, pe->name, n) == 0 &&
                x->ent[o].name[n] == ' ') {
                pe->kind = HD_ENT_ORG;
                pe->org_hint = x->ent[o].org_hint;
                break;
            }
    }
}

/* Gender from a title or role just before a person's name (Mr, Mrs, Queen, Prince). */
static void gender(xctx *x, uint32_t i)
{
    static const char *const m[] = {"mr",       "sir",       "lord",        "king",
                                    "prince",   "father",    "brother",     "congressman",
                                    "chairman", "spokesman", "businessman", NULL};
    static const char *const f[] = {
        "mrs",      "ms",     "miss",          "lady",       "dame",        "queen",
        "princess", "sister", "congresswoman", "chairwoman", "spokeswoman", "businesswoman",
        NULL};
    int32_t e = x->tent[i + 1];
    if (e < 0 || x->ent[e].kind != HD_ENT_PERSON || x->ent[e].gender)
        return;
    const char *p = x->b + x->t[i].s;
    size_t n = x->t[i].stem_e - x->t[i].s;
    if (n > 1 && p[n - 1] == '.')
        n--;
    for (int k = 0; m[k]; k++)
        if (strlen(m[k]) == n && strncasecmp(m[k], p, n) == 0)
            x->ent[e].gender = 'm';
    for (int k = 0; f[k]; k++)
        if (strlen(f[k]) == n && strncasecmp(f[k], p, n) == 0)
            x->ent[e].gender = 'f';
}

/* Appositives (at commas) and genders (at titles and roles) in one pass over the tokens:
 * neither reads what the other writes. */
static void appositives_and_genders(xctx *x)
{
    const xtok *t = x->t;
    for (uint32_t m = 0; m < x->n_marks; m++) {
        uint32_t i = x->marks[m];
        if (i + 1 >= x->nt)
            break;
        if (t[i].kind == TK_PUNCT) {
            if (i > 0)
                appositive(x, i);
        } else {
            gender(x, i);
        }
    }
}

/* "People's", "Children's", "Women's", "Men's": a plural noun's possessive inside a name
 * ("People's Republic of China", "People's Daily", "Boston Children's Hospital"); a
 * possessive otherwise ends a name ("Iran's Khamenei"). */
static int plural_poss(const xctx *x, uint32_t k)
{
    static const char *const w[] = {"people", "children", "women", "men", NULL};
    size_t n = x->t[k].stem_e - x->t[k].s;
    const char *p = x->b + x->t[k].s;
    for (int i = 0; w[i]; i++)
        if (strlen(w[i]) == n && strncasecmp(p, w[i], n) == 0)
            return 1;
    return 0;
}

int hd_ex_entities(xctx *x)
{
    uint32_t nt = x->nt ? x->nt : 1;
    /* bounds: an entity, a one-word name per capitalised word; a role binding per role word
     * or comma (appositive); a pending role per role word */
    size_t ncap = (size_t)x->n_cap + 1, nrole = (size_t)x->n_role + 1;
    epass p = {0};
    x->tent = hd_arena_alloc(x->a, nt * sizeof *x->tent);
    x->tpend = hd_arena_alloc(x->a, nt * sizeof *x->tpend);
    x->ent = hd_arena_alloc(x->a, ncap * sizeof *x->ent);
    x->roles = hd_arena_alloc(x->a, (nrole + x->n_comma) * sizeof *x->roles);
    x->pend = hd_arena_alloc(x->a, nrole * sizeof *x->pend);
    p.singles = hd_arena_alloc(x->a, ncap * sizeof *p.singles);
    p.cap_heads = (uint32_t)(2 * ncap);
    p.heads = hd_arena_alloc(x->a, p.cap_heads * sizeof *p.heads);
    if (!x->tent || !x->tpend || !x->ent || !x->roles || !x->pend || !p.singles || !p.heads ||
        imap_init(x, &p.names, ncap) || imap_init(x, &p.surnames, ncap) ||
        imap_init(x, &p.titled, x->n_marks + 1))
        return -1;
    titled_words(x, &p);
    x->cap_ent = ncap;
    x->cap_roles = nrole + x->n_comma;
    x->cap_pend = nrole;
    for (uint32_t i = 0; i < nt; i++)
        x->tent[i] = x->tpend[i] = -1;
    uint32_t i = 0;
    for (uint32_t c = 0; c < x->n_cap; c++) {
        if (x->caps[c] < i || !cap_word(x, x->caps[c]))
            continue;
        i = x->caps[c];
        uint32_t j = i + 1;
        while (j < x->nt) {
            /* "Japan's Nomura Securities Co": a place's possessive stays apart */
            int poss = x->t[j - 1].flags & TF_POSS;
            uint32_t f = 0;
            if ((poss && !tok_has(x, j - 1, LW_PLACE | LW_DEMONYM)) || tok_punct(x, j, ',') ||
                amp(x, j) || (!poss && tok_is(x, j, "and")))
                f = firm_tail(x, j);
            if (!f && !poss && tok_is(x, j, "and"))
                f = org_and_tail(x, i, j);
            if (!f && !poss && tok_is(x, j, "and"))
                f = org_for_and_tail(x, i, j);
            if (f) {
                j = f;
                continue;
            }
            /* "Marks & Spencer", "Procter & Gamble", "Standard & Poor's": prose writes "and";
             * an ampersand between capitalised words joins one name */
            if (!poss && amp(x, j) && cap_word(x, j + 1)) {
                j += 2;
                continue;
            }
            if (poss && !(plural_poss(x, j - 1) && cap_word(x, j)))
                break;
            if (cap_word(x, j)) {
                j++;
                continue;
            }
            uint32_t k = j;
            while (k < x->nt && connector(x, k))
                k++;
            if (k > j && cap_word(x, k)) {
                j = k + 1;
                continue;
            }
            break;
        }
        run(x, &p, i, j);
        if (x->oom)
            return -1;
        i = j;
    }
    headline_pieces(x, &p);
    singles(x, &p);
    short_firm_names(x);
    appositives_and_genders(x);
    if (x->nroles > 1)
        qsort(x->roles, x->nroles, sizeof *x->roles, by_head_tok);
    return x->oom ? -1 : 0;
}

/* Index of the first binding after (hh, at) in the sorted bindings. */
static size_t role_bound(const xctx *x, uint64_t hh, uint32_t at)
{
    size_t lo = 0, hi = x->nroles;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const xrole *r = &x->roles[mid];
        if (r->hh < hh || (r->hh == hh && r->tok <= at))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int32_t hd_ex_title_holder(const xctx *x, uint32_t h, uint32_t at)
{
    if (h == 0 || !tok_is(x, h - 1, "the"))
        return -1;
    /* of the people so titled before it, the one the article names most (its subject, as a
     * rule: "Sen. Chris Murphy" of an article on him, not a senator quoted in passing) */
    uint64_t hh = head_hash(x, h);
    int32_t best = -1;
    for (size_t k = role_bound(x, hh, at); k > 0 && x->roles[k - 1].hh == hh; k--) {
        int32_t e = x->roles[k - 1].ent;
        if (x->roles[k - 1].title && (best < 0 || x->ent[e].n_mentions >= x->ent[best].n_mentions))
            best = e;
    }
    return best;
}

/* The holder of the role whose head is token h: the binding nearest before `at`, else the
 * first after it. Binary search over the sorted bindings. A title's binding is not one
 * (hd_ex_title_holder). */
int32_t hd_ex_role_holder(const xctx *x, uint32_t h, uint32_t at)
{
    uint64_t hh = head_hash(x, h);
    size_t lo = role_bound(x, hh, at);
    for (size_t k = lo; k > 0 && x->roles[k - 1].hh == hh; k--)
        if (!x->roles[k - 1].title)
            return x->roles[k - 1].ent;
    for (size_t k = lo; k < x->nroles && x->roles[k].hh == hh; k++)
        if (!x->roles[k].title)
            return x->roles[k].ent;
    return -1;
}

int32_t hd_ex_pend_new(xctx *x, uint32_t head_tok)
{
    if (x->tpend[head_tok] >= 0)
        return REF_PEND(x->tpend[head_tok]);
    if (x->npend >= x->cap_pend)
        return REF_NONE; /* cannot happen: one pending role per role word */
    xpend *p = &x->pend[x->npend];
    p->head_s = x->t[head_tok].s;
    p->head_e = x->t[head_tok].stem_e;
    p->tok = head_tok;
    p->ent = -1;
    x->tpend[head_tok] = (int32_t)x->npend;
    return REF_PEND(x->npend++);
}
